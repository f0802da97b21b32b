using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dcsc.Diagnostics;
using Dcsc.Dictionary;
using Dcsc.Model;

namespace Dcsc.Layout;

/// <summary>
/// The Layout stage: maps a <see cref="Statement"/> onto the PS3.2 template section tree — repeats, N/A,
/// numbering, boilerplate with resolved tokens, derived and source tables with caption numbers.
/// See docs/layout.md.
/// </summary>
public static class StatementLayout
{
    public static LaidOutDocument Layout(Statement statement, LayoutOptions? options = null) =>
        new LayoutRun(statement, options ?? new LayoutOptions()).Execute();
}

/// <summary>Which repeat instance a section belongs to (with the indices used in diagnostics).</summary>
internal sealed record RepeatContext
{
    public ApplicationEntity? Ae { get; init; }
    public int AeIndex { get; init; } = -1;
    public Activity? Activity { get; init; }
    public int ActivityIndex { get; init; } = -1;
    public Iod? Iod { get; init; }
    public int IodIndex { get; init; } = -1;
    public SrTemplate? Sr { get; init; }
    public int SrIndex { get; init; } = -1;
    public int FindingSite { get; init; } = -1;
    public string? FindingSiteName { get; init; }
    public Mapping? Mapping { get; init; }
    public int MappingIndex { get; init; } = -1;
    public static readonly RepeatContext None = new();
}

internal sealed class Node
{
    public TemplateSection? T;
    public AddedSection? Added;
    public Node? Parent;
    public readonly List<Node> Children = new();
    public RepeatContext Ctx = RepeatContext.None;
    public string Number = "";
    public string Title = "";
    public SectionContent Content = SectionContent.Empty;
    public string ContentPath = "";
    public readonly List<Draft> Drafts = new();
    public bool Applicable;
    public bool ForcedNa;
    public bool Dropped;
    /// <summary>Template table ref → the table drafted for it in this section (first one when repeated).</summary>
    public readonly Dictionary<string, TableDraft?> TableByRef = new(StringComparer.Ordinal);
    /// <summary>Drafts of a product-added section (LayoutRun.Details.cs), made when drafts are built.</summary>
    public Func<IReadOnlyList<Draft>>? Extra;

    public string Key => T?.Key ?? Parent!.Key + "#added";
    public bool IsRunIn => T is { RunIn: true };

    /// <summary>The number tables and diagnostics use: a run-in heading has none, its section's counts.</summary>
    public string EffectiveNumber => IsRunIn && Parent is not null ? Parent.EffectiveNumber : Number;
    public bool IsNa => !Applicable;

    public IEnumerable<Node> SelfAndDescendants()
    {
        yield return this;
        foreach (var c in Children)
            foreach (var d in c.SelfAndDescendants()) yield return d;
    }

    public override string ToString() => $"{Number} {Title}";
}

internal abstract record Draft;
internal sealed record DraftText(string Raw, bool IsNote) : Draft;
internal sealed record DraftList(IReadOnlyList<string> Raw, IReadOnlyList<int>? Levels) : Draft;
internal sealed record DraftTable(TableDraft Table) : Draft;
/// <summary>A template figure: the statement's image, or (GeneratedRef set) the figure dcsc draws for that template reference.</summary>
internal sealed record DraftFigure(string Ref, string RawTitle, string Source, string? GeneratedRef) : Draft;
internal sealed record DraftAuthor(string Markdown, string? Label = null) : Draft
{
    /// <summary>Where the author wrote the text (for findings inside it); null for text dcsc composes.</summary>
    public TextOrigin? Origin { get; init; }
}

/// <summary>The YAML value an author text comes from, to point a finding at a character of it.</summary>
internal readonly record struct TextOrigin(SourceSpan Span, Dcsc.Source.BlockScalarLayout? Block)
{
    public static TextOrigin Of(Location location, string field) => new(location.Of(field), location.BlockOf(field));
}
/// <summary>Generated text without template tokens (labels of structured facts).</summary>
internal sealed record DraftPlain(string Text) : Draft;

internal sealed class TableDraft
{
    public required string Uid { get; init; }
    public required TemplateTable T { get; init; }
    public required string Title { get; set; }
    public required IReadOnlyList<string> Columns { get; init; }
    /// <summary>The table's one Markdown header row; null = <see cref="Columns"/> (LaidOutTable.HeaderRow).</summary>
    public IReadOnlyList<string>? HeaderRow { get; set; }
    public IReadOnlyList<HeaderGroup>? Groups { get; set; }
    public required List<DraftRow> Rows { get; init; }
    /// <summary>A row beyond the title and header rows of a configuration table's parts (those are the template's).</summary>
    public bool HasContent => Rows.Any(r => !r.IsHeader && !r.IsPartTitle);
    public List<string> Footnotes { get; } = new();
    /// <summary>Author text of the cells as written, with where it came from: hand-written references in it are checked (DCS0506).</summary>
    public List<(string Text, TextOrigin Origin)> AuthorCells { get; } = new();
    public Node Owner { get; set; } = null!;
    public string? Number { get; set; }
    public string Id { get; set; } = "";
    /// <summary>For module attribute tables: <c>shared|&lt;name&gt;</c> or <c>iod&lt;index&gt;|&lt;name&gt;</c> (target of Reference cells).</summary>
    public string? ModuleKey { get; set; }
    /// <summary>The <c>key</c> of an author table (LaidOutTable.AuthorKey).</summary>
    public string? AuthorKey { get; set; }
}

/// <param name="IsHeader">A header row inside the body (a configuration table part's own header row).</param>
/// <param name="IsPartTitle">The title row of a configuration table's part (a group row the template draws).</param>
internal sealed record DraftRow(IReadOnlyList<string> Cells, bool IsGroup, bool IsHeader = false, bool IsPartTitle = false);

internal sealed partial class LayoutRun
{
    private readonly Statement _s;
    private readonly LayoutOptions _o;
    private readonly DicomDictionary _dictionary;
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _templateKeyByNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TableDraft> _tablesByUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Number, string Id)> _figures = new(StringComparer.Ordinal);
    private int _uid;
    private Node _root = null!;

    public LayoutRun(Statement s, LayoutOptions o)
    {
        _s = s;
        _o = o;
        _dictionary = StatementDictionary.Of(s.Dictionary);
        foreach (var t in TemplateData.Walk(TemplateData.Template.Sections))
            if (t.Number.Length > 0) _templateKeyByNumber.TryAdd(t.Number, t.Key);
    }

    public LaidOutDocument Execute()
    {
        _root = new Node { Number = "", Title = "" };
        foreach (var t in TemplateData.Template.Sections)
        {
            var n = Expand(t, _root, RepeatContext.None);
            n.Number = t.Number;
            NumberChildren(n);
            _root.Children.Add(n);
        }
        foreach (var n in _root.Children) BuildDrafts(n);
        foreach (var n in _root.Children) ComputeApplicability(n, forced: false);
        foreach (var n in _root.Children) Collapse(n);
        MakeCaptionsUnique();
        AssignCaptionNumbers();
        var cover = BuildCover();
        var sections = new List<LaidOutSection>();
        foreach (var n in _root.Children)
            if (n.T?.Key != "cover_page") sections.Add(Resolve(n));
        var toc = BuildToc(sections);
        sections = sections.Select(s => s.Key == "table_of_contents" ? WithBlocks(s, new LayoutBlock[] { toc }) : s).ToList();
        return new LaidOutDocument(cover, sections, _diagnostics);
    }

    // ------------------------------------------------------------------ tree: repeats and numbering

    private Node Expand(TemplateSection t, Node parent, RepeatContext ctx)
    {
        var n = new Node { T = t, Parent = parent, Ctx = ctx };
        n.Title = ResolveTitle(t.Title, ctx);
        (n.Content, n.ContentPath) = LookupContent(t, ctx);
        var afterBasicDirectory = new List<Node>();
        foreach (var c in t.Children)
        {
            if (c.Repeat is null)
            {
                n.Children.Add(Expand(c, n, ctx));
                // PS3.2 Annex A orders the Basic Directory IOD (A.5) before the private IODs (A.6).
                if (c.Key == BasicDirectoryKey) { n.Children.AddRange(afterBasicDirectory); afterBasicDirectory.Clear(); }
                continue;
            }
            // A repeatable section with no instance is omitted (docs/layout.md "Repeats"): the template's
            // prototype title is a placeholder ("<Image IOD 1>", "Real-World Activity <Activity 1>") that has no
            // value to print, and a generic word in its place would be a fill the template does not have.
            foreach (var i in Instances(c, ctx))
            {
                var copy = Expand(c, n, i);
                if (i.Iod is { } iod && IsPrivateIod(iod)) afterBasicDirectory.Add(copy);
                else n.Children.Add(copy);
            }
        }
        n.Children.AddRange(afterBasicDirectory);
        foreach (var a in n.Content.Added)
            n.Children.Add(new Node { Added = a, Parent = n, Ctx = ctx, Title = a.Title, Content = SectionContent.Empty, ContentPath = n.ContentPath });
        n.Children.AddRange(ProductSections(t, n, ctx));
        return n;
    }

    private List<RepeatContext> Instances(TemplateSection t, RepeatContext ctx)
    {
        var result = new List<RepeatContext>();
        switch (t.Repeat)
        {
            case "ae":
                for (int i = 0; i < _s.ApplicationEntities.Count; i++)
                    result.Add(ctx with { Ae = _s.ApplicationEntities[i], AeIndex = i });
                break;
            case "activity":
                if (ctx.Ae is null) break;
                var role = t.Parent?.Key == "netcomm_assoc_acceptance" ? ActivityRole.Acceptor : ActivityRole.Initiator;
                for (int i = 0; i < ctx.Ae.Activities.Count; i++)
                    if (ctx.Ae.Activities[i].Role == role)
                        result.Add(ctx with { Activity = ctx.Ae.Activities[i], ActivityIndex = i });
                break;
            case "iod":
                for (int i = 0; i < _s.Iods.Count; i++) result.Add(ctx with { Iod = _s.Iods[i], IodIndex = i });
                break;
            case "sr_template":
                for (int i = 0; i < _s.SrTemplates.Count; i++) result.Add(ctx with { Sr = _s.SrTemplates[i], SrIndex = i });
                break;
            case "finding_site":
                if (ctx.Sr is null) break;
                for (int i = 0; i < ctx.Sr.FindingSites.Count; i++) result.Add(ctx with { FindingSite = i, FindingSiteName = ctx.Sr.FindingSites[i].Name });
                break;
            case "mapping":
                for (int i = 0; i < _s.Mappings.Count; i++) result.Add(ctx with { Mapping = _s.Mappings[i], MappingIndex = i });
                break;
        }
        return result;
    }

    private static string? HomeOf(TemplateSection t)
    {
        for (var x = t; x is not null; x = x.Parent)
            if (x.Repeat is not null) return x.Repeat;
        return null;
    }

    private (SectionContent, string) LookupContent(TemplateSection t, RepeatContext ctx)
    {
        var home = HomeOf(t);
        IReadOnlyDictionary<string, SectionContent>? sections;
        string path, key = t.Key;
        switch (home)
        {
            case "ae": sections = ctx.Ae?.Sections; path = $"application_entities[{ctx.AeIndex}].sections"; break;
            case "activity": sections = ctx.Activity?.Sections; path = $"application_entities[{ctx.AeIndex}].activities[{ctx.ActivityIndex}].sections"; break;
            case "iod": sections = ctx.Iod?.Sections; path = $"iods[{ctx.IodIndex}].sections"; break;
            case "sr_template": sections = ctx.Sr?.Sections; path = $"sr_templates[{ctx.SrIndex}].sections"; break;
            case "finding_site":
                sections = ctx.Sr is { } sr && ctx.FindingSite >= 0 ? sr.FindingSites[ctx.FindingSite].Sections : null; key = t.Key;
                path = $"sr_templates[{ctx.SrIndex}].finding_sites[{ctx.FindingSite}].sections"; break;
            case "mapping": sections = ctx.Mapping?.Sections; path = $"mappings[{ctx.MappingIndex}].sections"; break;
            default: sections = _s.Sections; path = "sections"; break;
        }
        var content = sections is not null && sections.TryGetValue(key, out var c) ? c : SectionContent.Empty;
        return (content, $"{path}.{t.Key}");
    }

    private static readonly Dictionary<string, string> GenericWords = new(StringComparer.Ordinal)
    {
        ["ae"] = "Application Entity", ["activity"] = "Real-World Activity", ["iod"] = "IOD", ["template"] = "SR Template",
        ["finding_site"] = "Finding Site", ["mapping"] = "Mapping", ["module"] = "Module",
    };

    private string ResolveTitle(string title, RepeatContext ctx) =>
        Regex.Replace(title, @"\{(ae|activity|iod|template|finding_site|mapping|product)\}", m =>
        {
            var word = m.Groups[1].Value;
            if (word == "product") return _s.Product.Name;
            return InstanceName(word, ctx) ?? GenericWords[word];
        });

    private const string BasicDirectoryKey = "annex_a_basic_directory_iod";

    /// <summary>
    /// A private IOD: its SOP Class UID is outside the DICOM root 1.2.840.10008 (PS3.5 §9: private UIDs use the
    /// organization's own root).
    /// </summary>
    internal static bool IsPrivateIod(Iod iod) => !iod.SopClass.StartsWith("1.2.840.10008.", StringComparison.Ordinal);

    private static string? InstanceName(string word, RepeatContext ctx) => word switch
    {
        "ae" => ctx.Ae?.Name,
        "activity" => ctx.Activity?.Name,
        "iod" => ctx.Iod?.Name,
        "template" => ctx.Sr is null ? null : $"{ctx.Sr.Name} (TID {ctx.Sr.Tid})",
        "finding_site" => ctx.FindingSiteName,
        "mapping" => ctx.Mapping?.Name,
        _ => null,
    };

    private static void NumberChildren(Node n)
    {
        int i = 0;
        foreach (var c in n.Children)
        {
            if (c.IsRunIn) { c.Number = ""; continue; }
            i++;
            if (n.Number.Length == 0)
                c.Number = c.T is not null ? c.T.Number : NextAnnexLetter(n);
            else
                c.Number = $"{n.Number}.{i}";
            NumberChildren(c);
        }
    }

    private static string NextAnnexLetter(Node annexes)
    {
        var last = annexes.Children.Where(c => c.T is not null).Select(c => c.T!.Number).DefaultIfEmpty("@").Max(StringComparer.Ordinal)!;
        return ((char)(last[0] + 1 + annexes.Children.Count(c => c.T is null && c.Number.Length > 0))).ToString();
    }

    internal static int LevelOf(string number)
    {
        if (number.Length == 0) return 1;
        int depth = number.Count(ch => ch == '.') + 1;
        return char.IsAsciiLetter(number[0]) ? depth + 1 : depth;
    }

    private static string MajorOf(string number)
    {
        int dot = number.IndexOf('.');
        return dot < 0 ? number : number[..dot];
    }

    // ------------------------------------------------------------------ applicability (N/A)

    private void ComputeApplicability(Node n, bool forced)
    {
        bool forcedHere = forced || (n.T is not null && !n.T.NeverNa && n.Content.Na);
        if (n.T is { NeverNa: true } && n.Content.Na)
            Report(DiagnosticCatalogue.NeverNaSectionMarkedNa, n, $"section {n.Number} \"{n.Title}\" ({n.T.Key}) is never N/A in the PS3.2 template; its `na` is ignored and the section is printed");
        n.ForcedNa = forcedHere;
        foreach (var c in n.Children) ComputeApplicability(c, forcedHere);
        if (n.Added is not null) { n.Applicable = !forced; return; }
        var t = n.T!;
        if (t.NeverNa && !forced) { n.Applicable = true; return; }
        if (forcedHere) { n.Applicable = false; return; }
        // A section with subsections that are all N/A, and nothing of its own beyond boilerplate, is N/A itself
        // (PS3.2 template conventions, L19) — also an AE's 7.2.x whose subsections are all N/A.
        n.Applicable = !string.IsNullOrWhiteSpace(n.Content.Text)
            || n.Drafts.Any(d => d is DraftTable { Table.HasContent: true } or DraftAuthor or DraftFigure or DraftPlain)
            || n.Children.Any(c => c.Applicable)
            || FactApplicable(n);
    }

    private void Collapse(Node n)
    {
        if (!n.Applicable && !_o.KeepNaSubsections)
        {
            foreach (var c in n.Children) c.Dropped = true;
            n.Children.Clear();
            return;
        }
        foreach (var c in n.Children) Collapse(c);
    }

    // ------------------------------------------------------------------ caption numbers

    /// <summary>
    /// Two shown tables with the same caption (the same per-activity table of one AE for two activities) get the
    /// activity, else the section title, appended: captions identify their table (PS3.2 table conventions).
    /// </summary>
    private void MakeCaptionsUnique()
    {
        var shown = _root.Children.SelectMany(c => c.SelfAndDescendants()).Where(n => n.Applicable && !IsUnderDropped(n))
            .SelectMany(n => n.Drafts.OfType<DraftTable>().Select(d => d.Table)).ToList();
        foreach (var same in shown.GroupBy(t => t.Title, StringComparer.Ordinal).Where(g => g.Count() > 1))
            foreach (var t in same)
            {
                var owner = t.Owner.IsRunIn ? t.Owner.Parent! : t.Owner;
                t.Title += " - " + (owner.Ctx.Activity?.Name ?? owner.Title);
            }
    }

    private void AssignCaptionNumbers()
    {
        var tableCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var figureCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in _root.Children.SelectMany(c => c.SelfAndDescendants()))
        {
            if (!n.Applicable) continue;
            var major = MajorOf(n.EffectiveNumber);
            foreach (var d in n.Drafts)
            {
                if (d is DraftTable { Table: var t })
                {
                    if (t.T.Numbered && major.Length > 0)
                    {
                        tableCount[major] = tableCount.GetValueOrDefault(major) + 1;
                        t.Number = $"{major}-{tableCount[major]}";
                        t.Id = "table-" + t.Number;
                    }
                    else t.Id = "table-" + t.T.Ref;
                }
                else if (d is DraftFigure f && major.Length > 0 && !_figures.ContainsKey(f.Ref))
                {
                    figureCount[major] = figureCount.GetValueOrDefault(major) + 1;
                    var num = $"{major}-{figureCount[major]}";
                    _figures[f.Ref] = (num, "figure-" + num);
                }
            }
        }
    }

    // ------------------------------------------------------------------ cover and TOC

    private CoverPage BuildCover()
    {
        var p = _s.Product;
        return new CoverPage(p.Name, p.Version, p.Manufacturer, p.Date ?? DateFromEpoch(), p.DocumentId,
            p.Covered.Select(c => string.Join(" ", new[] { c.Name, c.Version }.Concat(c.Options.Count > 0 ? new[] { "(" + string.Join("; ", c.Options) + ")" } : Array.Empty<string>()))).ToList());
    }

    private string? DateFromEpoch()
    {
        var epoch = _o.SourceDateEpoch ?? (_o.ReadEnvironment ? Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") : null);
        if (string.IsNullOrWhiteSpace(epoch)) return null;
        if (!long.TryParse(epoch.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)) return null;
        try { return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); }
        catch (ArgumentOutOfRangeException) { return null; }
    }

    private static TocBlock BuildToc(IReadOnlyList<LaidOutSection> sections)
    {
        var entries = new List<TocEntry>();
        void Walk(LaidOutSection s, int depth)
        {
            entries.Add(new TocEntry(depth, s.Number, s.Title, s.Anchor));
            foreach (var c in s.Children) Walk(c, depth + 1);
        }
        foreach (var s in sections) Walk(s, 0);
        return new TocBlock(entries);
    }

    private static LaidOutSection WithBlocks(LaidOutSection s, IReadOnlyList<LayoutBlock> blocks) => new()
    {
        Key = s.Key, Number = s.Number, Title = s.Title, Level = s.Level, Anchor = s.Anchor, IsNa = s.IsNa,
        IsAdded = s.IsAdded, Blocks = blocks, Children = s.Children,
    };

    // ------------------------------------------------------------------ diagnostics

    private void Report(Func<SourceSpan, string, Diagnostic> diagnostic, Node n, string message)
    {
        var span = n.Content.Location.Span.HasPosition ? n.Content.Location.Span : SourceSpan.None(_s.Path);
        var finding = diagnostic(span, message);
        if (!_reported.Add(finding.Id + "|" + message)) return;
        _diagnostics.Add(finding);
    }

    private string NextUid() => "t" + (++_uid).ToString(CultureInfo.InvariantCulture);
}
