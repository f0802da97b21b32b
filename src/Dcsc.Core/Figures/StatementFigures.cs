using Dcsc.Dictionary;
using Dcsc.Match;
using Dcsc.Model;

namespace Dcsc.Figures;

/// <summary>One page-sized piece of a figure: SVG (HTML inline) and PNG (DOCX picture) of the same drawing.</summary>
/// <remarks>
/// The PNG is painted on first use: only the DOCX renderer needs it, and rasterising and encoding a figure of many
/// AEs costs more than drawing its SVG.
/// </remarks>
public sealed class FigurePart
{
    private readonly Lazy<byte[]> _png;

    /// <param name="svg">The part as an SVG document.</param>
    /// <param name="paintPng">Paints the same picture as PNG (called once, on first use of <see cref="Png"/>).</param>
    /// <param name="width">Width in SVG units (CSS pixels); <paramref name="height"/> likewise.</param>
    public FigurePart(string svg, Func<byte[]> paintPng, double width, double height)
    {
        Svg = svg;
        _png = new Lazy<byte[]>(paintPng, LazyThreadSafetyMode.ExecutionAndPublication);
        Width = width;
        Height = height;
    }

    public string Svg { get; }
    public byte[] Png => _png.Value;
    public double Width { get; }
    public double Height { get; }
}

/// <summary>
/// A generated figure. <see cref="Svg"/> is the whole drawing (the file the Markdown references); a figure taller
/// than a printed page (Figure 4-1 of many AEs) is also cut between AEs into <see cref="Parts"/>, each with the
/// column headings, which HTML and DOCX place one after the other so that every part prints at full size.
/// </summary>
/// <param name="FileName">The file the Markdown references (written next to it), e.g. <c>ct-modality.figure-4-1.svg</c>.</param>
public sealed record GeneratedFigure(string FileName, string Svg, IReadOnlyList<FigurePart> Parts)
{
    /// <summary>Pixels of the PNG per SVG unit (sharp when printed at the page width).</summary>
    public const float PngScale = 2.5f;

    /// <summary>Text for an XML attribute (the DOCX picture's name), escaped as the SVG's text is.</summary>
    public static string XmlEscape(string s) => Scene.Escape(s);

    /// <summary>The figure an image link of the Markdown points to (the file name, as written or URL-escaped), or null.</summary>
    public static GeneratedFigure? Find(IReadOnlyList<GeneratedFigure> figures, string? url) =>
        url is null ? null : figures.FirstOrDefault(f => f.FileName == url || Dcsc.Render.Md.MarkdownHelpers.SafeUrl(f.FileName) == url);
}

/// <summary>
/// The Figures stage: draws the figures of the PS3.2 template that dcsc knows every fact of, from the model.
/// Figure 1-1 (Overview of Implemented Services, PS3.2 Section 1): the product with its AEs among the remote
/// systems it exchanges with, each line labelled with the services. Figure 4-1 (Application Data Flow Diagram,
/// PS3.2 Section 4.1): per AE, the local real-world activities, the AE, and across the DICOM Standard Interface the
/// remote real-world activities, with arrows in the direction the exchange is started.
/// Deterministic: the same statement gives the same bytes (fixed font, invariant numbers, model order).
/// </summary>
public static class StatementFigures
{
    /// <summary>Template figures drawn from the model (template references as in Layout/Data/template.json).</summary>
    public static readonly IReadOnlyList<string> Generated = new[] { "1-1", "4-1" };

    /// <summary>
    /// Whether an image of a document is a figure dcsc drew: in Markdown its file (<c>&lt;name&gt;.figure-4-1.svg</c>), in
    /// DOCX its picture name (the caption, "Figure 4-1 …"). The importer leaves them out: a build draws them again.
    /// </summary>
    public static bool IsGenerated(string fileOrPictureName) => Generated.Any(r =>
        fileOrPictureName == "figure-" + r + ".svg" || fileOrPictureName.EndsWith(".figure-" + r + ".svg", StringComparison.Ordinal)
        || fileOrPictureName.EndsWith("/figure-" + r + ".svg", StringComparison.Ordinal) || fileOrPictureName.StartsWith("Figure " + r + " ", StringComparison.Ordinal));

    private const double Margin = 20, HeaderGap = 10;
    private const double NameSize = 13, TextSize = 12, LabelSize = 11, HeaderSize = 11;
    private const double BoxPadding = 8, RowGap = 10, GroupGap = 18, MinBoxHeight = 40;

    /// <summary>The figure of template reference <paramref name="templateRef"/> ("1-1" or "4-1").</summary>
    public static GeneratedFigure Draw(Statement s, string templateRef, string fileName, string title)
    {
        var catalog = new Services(StatementDictionary.Of(s.Dictionary));
        var (whole, parts) = templateRef switch
        {
            "1-1" => (Overview(s, catalog), null),
            "4-1" => DataFlow(s, catalog),
            _ => throw new ArgumentException($"dcsc draws no Figure {templateRef}", nameof(templateRef)),
        };
        var pages = (parts ?? new[] { whole }).Select((p, i) =>
        {
            var partTitle = parts is { Count: > 1 } ? $"{title} ({i + 1} of {parts.Count})" : title;
            return new FigurePart(p.ToSvg(partTitle), () => p.ToPng(GeneratedFigure.PngScale), p.Width, p.Height);
        }).ToList();
        return new GeneratedFigure(fileName, whole.ToSvg(title), pages);
    }

    // ------------------------------------------------------------------ Figure 1-1

    private static Scene Overview(Statement s, Services catalog)
    {
        const double width = 760, productW = 250, remoteW = 220;
        double remoteX = width - Margin - remoteW, gapX = Margin + productW, gapW = remoteX - gapX;
        var scene = new Scene { Width = width };
        double top = Margin + AddHeader(scene, new[] { (Margin, productW, "Product"), (gapX, gapW, "DICOM services"), (remoteX, remoteW, "Remote systems") });

        var remotes = s.Product.RemoteSystems.Count > 0
            ? s.Product.RemoteSystems.Select(r => (Name: (IReadOnlyList<TextLine>)DiagramFont.Wrap(r.Name, remoteW - 2 * BoxPadding, NameSize, bold: true), Services: string.Join("; ", r.Services))).ToList()
            : DerivedPeers(s, catalog).Select(p => (Name: Lines(remoteW, (p.Box, NameSize, true), (p.Role, TextSize, false)), Services: p.Service)).ToList();

        // Rows of remote systems; each leaves room above its line for the services label.
        var rows = new List<(SceneBox Box, IReadOnlyList<TextLine> Label)>();
        double y = top;
        foreach (var (name, services) in remotes)
        {
            var label = DiagramFont.Wrap(services, gapW - 24, LabelSize, maxLines: 3);
            double boxH = BoxHeight(name);
            double labelH = label.Count * LabelSize * DiagramFont.LineHeight + 6;
            double rowH = Math.Max(boxH, 2 * labelH + 4);
            var box = new SceneBox(remoteX, y + (rowH - boxH) / 2, remoteW, boxH, BoxKind.Remote, name);
            rows.Add((box, label));
            y += rowH + RowGap;
        }
        double rowsBottom = rows.Count > 0 ? y - RowGap : top;

        // The product box: name and version, then its Application Entities.
        var content = new List<TextLine>();
        content.AddRange(DiagramFont.Wrap(string.Join(" ", new[] { s.Product.Name, s.Product.Version }.Where(x => !string.IsNullOrWhiteSpace(x))), productW - 2 * BoxPadding, NameSize + 1, bold: true));
        if (s.ApplicationEntities.Count > 0)
        {
            content.Add(new TextLine("", TextSize / 2));
            content.Add(new TextLine("Application Entities:", TextSize));
            foreach (var ae in s.ApplicationEntities)
                content.AddRange(DiagramFont.Wrap(ae.Name, productW - 2 * BoxPadding, TextSize, maxLines: 2));
        }
        double productH = Math.Max(BoxHeight(content), rowsBottom - top);
        scene.Boxes.Add(new SceneBox(Margin, top, productW, productH, BoxKind.Product, content));
        // When the product is taller than the rows, centre the rows beside it.
        double shift = rows.Count > 0 ? Math.Max(0, (productH - (rowsBottom - top)) / 2) : 0;
        foreach (var (b, label) in rows)
        {
            var box = b with { Y = b.Y + shift };
            scene.Boxes.Add(box);
            scene.Lines.Add(new SceneLine(gapX, box.MidY, remoteX, box.MidY));
            double ly = box.MidY - 5 - (label.Count - 1) * LabelSize * DiagramFont.LineHeight;
            foreach (var l in label)
            {
                scene.Texts.Add(new SceneText(gapX + gapW / 2, ly, l));
                ly += LabelSize * DiagramFont.LineHeight;
            }
        }
        scene.Height = Math.Ceiling(top + productH + Margin);
        return scene;
    }

    /// <summary>
    /// Remote peers when the statement names no remote systems: one per service the product uses, named by the
    /// role the remote side takes (the product is SCU, the remote system is the SCP, and so on).
    /// </summary>
    private static IEnumerable<(string Box, string Role, string Service)> DerivedPeers(Statement s, Services catalog)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sc in s.SopClasses)
        {
            var service = catalog.Name(sc.Uid, sc.Name);
            if (sc.IsScu && seen.Add(service + "|SCP")) yield return ("Remote AE", service + " SCP", service);
            if (sc.IsScp && seen.Add(service + "|SCU")) yield return ("Remote AE", service + " SCU", service);
        }
        if (s.DicomWeb.Transactions.Any(t => t.OriginServer) && seen.Add("web-ua")) yield return ("Remote system", "DICOMweb user agent", "DICOMweb");
        if (s.DicomWeb.Transactions.Any(t => t.UserAgent) && seen.Add("web-os")) yield return ("Remote system", "DICOMweb origin server", "DICOMweb");
        if (s.MediaProfiles.Count > 0) yield return ("Removable media", string.Join(", ", s.MediaProfiles.Select(m => m.Media).Distinct()), "Media Storage");
    }

    // ------------------------------------------------------------------ Figure 4-1

    /// <summary>One exchange of an AE: the local activity, the remote side, and who starts it.</summary>
    private sealed record Flow(string Local, IReadOnlyList<(string Text, bool Bold)> Remote, bool Outgoing, bool Incoming);

    /// <summary>
    /// Height (SVG units) of one printed part of Figure 4-1: at the 760-unit width scaled to an A4 text width
    /// (about 0.23 mm a unit) it leaves room for the caption on the page.
    /// </summary>
    private const double MaxPartHeight = 920;

    private const double DataFlowWidth = 760, LocalW = 190, AeW = 180, RemoteW = 190;
    private const double LocalX = Margin, AeX = LocalX + LocalW + 50, RemoteX = DataFlowWidth - Margin - RemoteW;
    private const double InterfaceX = (AeX + AeW + RemoteX) / 2;

    /// <summary>Figure 4-1 whole, and cut into page-sized parts between AEs (null when it fits one page).</summary>
    private static (Scene Whole, IReadOnlyList<Scene>? Parts) DataFlow(Statement s, Services catalog)
    {
        var groups = s.ApplicationEntities.Select(ae => AeGroup(s, ae, catalog)).ToList();
        var whole = DataFlowScene(groups);
        if (whole.Height <= MaxPartHeight) return (whole, null);
        var parts = new List<Scene>();
        var current = new List<Scene>();
        foreach (var g in groups)
        {
            if (current.Count > 0 && DataFlowScene(current.Append(g).ToList()).Height > MaxPartHeight)
            {
                parts.Add(DataFlowScene(current));
                current = new List<Scene>();
            }
            current.Add(g);
        }
        if (current.Count > 0) parts.Add(DataFlowScene(current));
        return (whole, parts);
    }

    /// <summary>The column headings, then the AE groups one below the other, crossed by the DICOM interface line.</summary>
    private static Scene DataFlowScene(IReadOnlyList<Scene> groups)
    {
        var scene = new Scene { Width = DataFlowWidth };
        double top = Margin + AddHeader(scene, new[]
        {
            (LocalX, LocalW, "Local Real-World Activities"), (AeX, AeW, "Application Entities"),
            (InterfaceX - 45, 90.0, "DICOM Standard Interface"), (RemoteX, RemoteW, "Remote Real-World Activities"),
        });
        double y = top;
        foreach (var g in groups)
        {
            scene.Boxes.AddRange(g.Boxes.Select(b => b with { Y = b.Y + y }));
            scene.Lines.AddRange(g.Lines.Select(l => l with { Y1 = l.Y1 + y, Y2 = l.Y2 + y }));
            y += g.Height + GroupGap;
        }
        double bottom = groups.Count > 0 ? y - GroupGap : top + MinBoxHeight;
        scene.Lines.Insert(0, new SceneLine(InterfaceX, top - 4, InterfaceX, bottom + 4, Dashed: true));
        scene.Height = Math.Ceiling(bottom + Margin);
        return scene;
    }

    /// <summary>One AE's band of Figure 4-1 (from y = 0): its activities, the AE box, the remote activities.</summary>
    private static Scene AeGroup(Statement s, ApplicationEntity ae, Services catalog)
    {
        var g = new Scene { Width = DataFlowWidth };
        var aeLines = new List<TextLine>(DiagramFont.Wrap(ae.Name, AeW - 2 * BoxPadding, NameSize, bold: true, maxLines: 3));
        if (!string.IsNullOrWhiteSpace(ae.AeTitle)) aeLines.AddRange(DiagramFont.Wrap("AE Title: " + ae.AeTitle, AeW - 2 * BoxPadding, TextSize, maxLines: 2));
        var rows = new List<(SceneBox Local, SceneBox Remote, Flow Flow)>();
        double ry = 0;
        foreach (var f in Flows(s, ae, catalog))
        {
            var local = DiagramFont.Wrap(f.Local, LocalW - 2 * BoxPadding, TextSize, maxLines: 4);
            var remote = f.Remote.SelectMany(r => DiagramFont.Wrap(r.Text, RemoteW - 2 * BoxPadding, r.Bold ? NameSize : TextSize, r.Bold, maxLines: 3)).ToList();
            double h = Math.Max(BoxHeight(local), BoxHeight(remote));
            rows.Add((new SceneBox(LocalX, ry, LocalW, h, BoxKind.Activity, local), new SceneBox(RemoteX, ry, RemoteW, h, BoxKind.Remote, remote), f));
            ry += h + RowGap;
        }
        double rowsH = rows.Count > 0 ? ry - RowGap : 0;
        double aeH = Math.Max(BoxHeight(aeLines), rowsH);
        double shift = Math.Max(0, (aeH - rowsH) / 2);
        var aeBox = new SceneBox(AeX, 0, AeW, aeH, BoxKind.Ae, aeLines);
        g.Boxes.Add(aeBox);
        foreach (var (l0, r0, f) in rows)
        {
            var local = l0 with { Y = l0.Y + shift };
            var remote = r0 with { Y = r0.Y + shift };
            g.Boxes.Add(local);
            g.Boxes.Add(remote);
            double my = local.MidY;
            // The activity starts the exchange (arrow into the AE) or is what the AE does for a remote request.
            g.Lines.Add(new SceneLine(local.Right, my, AeX, my, ArrowAtEnd: f.Outgoing, ArrowAtStart: f.Incoming));
            g.Lines.Add(new SceneLine(aeBox.Right, my, RemoteX, my, ArrowAtEnd: f.Outgoing, ArrowAtStart: f.Incoming));
        }
        g.Height = aeH;
        return g;
    }

    /// <summary>
    /// The exchanges of one AE: its real-world activities (network), its DICOMweb services and its media
    /// profiles, in the order the statement declares them.
    /// </summary>
    private static IEnumerable<Flow> Flows(Statement s, ApplicationEntity ae, Services catalog)
    {
        foreach (var a in ae.Activities)
        {
            bool initiator = a.Role == ActivityRole.Initiator;
            var uids = a.SopClasses.Count > 0 ? a.SopClasses
                : s.SopClasses.Where(sc => (initiator ? sc.Scu : sc.Scp).Contains(ae.Name, StringComparer.Ordinal)).Select(sc => sc.Uid).ToList();
            var services = uids.Select(u => catalog.Name(u, s.SopClasses.FirstOrDefault(x => x.Uid == u)?.Name ?? "")).Distinct(StringComparer.Ordinal).ToList();
            var canonical = uids.Select(catalog.Canonical).ToList();
            var peerRole = initiator ? "SCP" : "SCU";
            var remote = new List<(string, bool)> { (RemoteNames(s, canonical) ?? "Remote AE", true) };
            if (services.Count > 0) remote.Add((string.Join(", ", services.Select(x => x + " " + peerRole)), false));
            yield return new Flow(a.Name, remote, Outgoing: initiator, Incoming: !initiator);
        }
        foreach (var g in s.DicomWeb.Transactions.Where(t => t.Ae == ae.Name).GroupBy(t => t.Service))
        {
            bool server = g.Any(t => t.OriginServer), client = g.Any(t => t.UserAgent);
            var remoteName = WebRemoteNames(s, g.Key) ?? (server ? "Remote user agent" : "Remote origin server");
            var remote = new List<(string, bool)> { (remoteName, true), ("DICOMweb " + string.Join(" / ", new[] { server ? "user agent" : null, client ? "origin server" : null }.Where(x => x is not null)), false) };
            yield return new Flow($"{g.Key} Service: {string.Join(", ", g.Select(t => t.Transaction).Distinct())}", remote, Outgoing: client, Incoming: server);
        }
        foreach (var m in s.MediaProfiles.Where(m => m.Ae == ae.Name))
        {
            var roles = string.Join(", ", new[] { m.Fsc ? "FSC" : null, m.Fsu ? "FSU" : null, m.Fsr ? "FSR" : null }.Where(x => x is not null));
            yield return new Flow($"{m.Profile} ({roles})", new[] { ("Removable media", true), (m.Media, false) }, Outgoing: m.Fsc || m.Fsu, Incoming: m.Fsr);
        }
    }

    private const int MaxRemoteNames = 2;

    /// <summary>Words of <c>remote_systems</c> service names that mean a DICOMweb service (PS3.18 Section 10).</summary>
    private static readonly Dictionary<string, string[]> WebServiceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Studies"] = new[] { "Studies", "STOW", "QIDO", "WADO-RS" },
        ["URI"] = new[] { "WADO-URI", "URI" },
        ["Worklist"] = new[] { "Worklist", "UPS" },
        ["Non-Patient Instance"] = new[] { "Non-Patient" },
    };

    /// <summary>The remote systems that use DICOMweb service <paramref name="service"/> (at most two), or null.</summary>
    private static string? WebRemoteNames(Statement s, string service)
    {
        var words = WebServiceWords.TryGetValue(service, out var w) ? w : new[] { service };
        var names = s.Product.RemoteSystems.Where(r => r.Services.Any(x => words.Any(word => x.Contains(word, StringComparison.OrdinalIgnoreCase))))
            .Select(r => r.Name).ToList();
        if (names.Count == 0) return RemoteNames(s, new[] { MatchServices.DicomWeb });
        return names.Count <= MaxRemoteNames ? string.Join(", ", names) : null;
    }

    /// <summary>The statement's remote systems that use one of the services (by canonical service), at most two, or null.</summary>
    private static string? RemoteNames(Statement s, IEnumerable<string> canonicalServices)
    {
        var wanted = canonicalServices.ToHashSet(StringComparer.Ordinal);
        var names = s.Product.RemoteSystems.Where(r => r.Services.Any(x => wanted.Contains(CanonicalRemote(x)))).Select(r => r.Name).ToList();
        // Many systems of one service make the box unreadable: the figure then says "Remote AE" (Figure 1-1 lists them).
        return names.Count is > 0 and <= MaxRemoteNames ? string.Join(", ", names) : null;
    }

    /// <summary>The services of SOP Classes, from the one service catalogue (Dictionary/ServiceCatalogue.cs).</summary>
    private sealed class Services(DicomDictionary dictionary)
    {
        /// <summary>The service as the figures print it (the Service-to-AE table's name), else "Storage" or "DICOM".</summary>
        public string Name(string uid, string sopName)
        {
            var info = ServiceCatalogue.Describe(ServiceCatalogue.ServiceClassOf(uid, dictionary));
            if (info.ServiceClass.Length > 0) return info.DisplayName;
            return sopName.Contains("Storage", StringComparison.OrdinalIgnoreCase) ? "Storage" : "DICOM";
        }

        /// <summary>The service as the match report names it (to compare with the free text of remote systems).</summary>
        public string Canonical(string uid) => Matcher.ServiceOf(ServiceCatalogue.FamilyOf(uid, dictionary));
    }

    /// <summary>The canonical service of a free-text service name of <c>product.remote_systems</c>.</summary>
    private static string CanonicalRemote(string service)
    {
        bool Has(string t) => service.Contains(t, StringComparison.OrdinalIgnoreCase);
        if (Has("DICOMweb") || Has("-RS") || Has("WADO") || Has("QIDO") || Has("STOW")) return MatchServices.DicomWeb;
        if (Has("Media")) return MatchServices.Media;
        if (Has("Verification") || Has("Echo")) return MatchServices.Verification;
        if (Has("Commitment")) return MatchServices.StorageCommitment;
        if (Has("Availability")) return MatchServices.InstanceAvailability;
        if (Has("Performed Procedure Step") || Has("MPPS")) return MatchServices.Mpps;
        if (Has("Unified") || Has("UPS")) return MatchServices.Ups;
        if (Has("Worklist")) return MatchServices.Worklist;
        if (Has("Print")) return MatchServices.Print;
        if (Has("Query") || Has("Retrieve")) return MatchServices.QueryRetrieve;
        if (Has("Storage") || Has("Store")) return MatchServices.Storage;
        return MatchServices.OtherDimse;
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>Column headings above the figure; returns the height they take.</summary>
    private static double AddHeader(Scene scene, IEnumerable<(double X, double W, string Text)> columns)
    {
        double height = 0;
        var wrapped = columns.Select(c => (c.X, c.W, Lines: DiagramFont.Wrap(c.Text, c.W, HeaderSize, bold: true, maxLines: 3))).ToList();
        foreach (var (x, w, lines) in wrapped)
        {
            double ly = Margin + HeaderSize * DiagramFont.Ascent;
            foreach (var l in lines)
            {
                scene.Texts.Add(new SceneText(x + w / 2, ly, l));
                ly += HeaderSize * DiagramFont.LineHeight;
            }
            height = Math.Max(height, lines.Count * HeaderSize * DiagramFont.LineHeight);
        }
        return height + HeaderGap;
    }

    private static IReadOnlyList<TextLine> Lines(double boxWidth, params (string Text, double Size, bool Bold)[] parts) =>
        parts.SelectMany(p => DiagramFont.Wrap(p.Text, boxWidth - 2 * BoxPadding, p.Size, p.Bold, maxLines: 3)).ToList();

    private static double BoxHeight(IReadOnlyList<TextLine> lines) =>
        Math.Max(MinBoxHeight, Math.Ceiling(lines.Sum(l => l.Size * DiagramFont.LineHeight) + 2 * BoxPadding));
}
