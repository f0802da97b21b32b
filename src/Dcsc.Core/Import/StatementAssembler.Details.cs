using System.Text.RegularExpressions;
using Dcsc.Layout;
using Dcsc.Model;

namespace Dcsc.Import;

// The issue 12 declarations of the DIMSE services and of the product (docs/source-format.md: dimse.<service>.<role>.
// key_tables, status_codes and other_status_codes, network, character_sets[].code_elements, security.tls,
// security.audit_trail) read back from the tables, sentences and added sections the layout prints for them
// (Layout/LayoutRun.Details.cs): key tables in the Section 5.2 subsection of their service (PS3.4 C.6 matching types),
// C-ECHO / C-GET status codes as added subsections of 7.3.2 (PS3.2 Section 7.3.2), network in 8.2, code elements in
// 5.7 (PS3.3 C.12.1.1.2), TLS in C.2.5 and the audit trail in C.2.2 (PS3.15 A.5, B.1).
internal sealed partial class StatementAssembler
{
    /// <summary>The caption <see cref="Dcsc.Layout.LayoutRun"/> gives a key table without a title of its own (KeyTableTitle).</summary>
    [GeneratedRegex(@"^Supported (?<op>[CN]-[A-Z-]+(?:/[CN]-[A-Z-]+)?) (?:Identifier Keys|Keys|Attributes)(?: for the (?<model>.+?))?(?: - (?<level>[^-]+?) Level)? - (?<side>SCU|SCP)$")]
    private static partial Regex KeyTableCaption();

    /// <summary>Key table columns as printed, by the field of <c>key_tables[].attributes</c> they come from.</summary>
    private static readonly Dictionary<string, string> KeyColumns = new(StringComparer.Ordinal)
    {
        ["attribute name"] = "name", ["tag"] = "tag", ["vr"] = "vr", ["matching key"] = "matching_key", ["return key"] = "return_key",
        ["matching type"] = "matching_type", ["query value source"] = "query_value_source", ["source"] = "source", ["presence"] = "presence",
        ["value"] = "value", ["n create"] = "n_create", ["n set"] = "n_set", ["display on ui"] = "display_on_ui", ["comments"] = "comments",
    };

    private static readonly HashSet<string> KeyListFields = new(StringComparer.Ordinal) { "matching_type", "query_value_source", "source" };

    /// <summary>The <c>dimse</c> block whose key tables the layout prints in a Section 5.2 subsection (inverse of LayoutRun.KeySection).</summary>
    private static (string Path, DimseService Service)? KeyTableService(string sectionKey) => sectionKey switch
    {
        "services_dimse_services" => ("verification", DimseService.Verification),
        "services_qr" => ("query_retrieve/get", DimseService.QrGet),
        "services_ups" => ("ups", DimseService.Ups),
        _ when Regex.Match(sectionKey, "^services_sc[up]_(.+)$") is { Success: true } m => m.Groups[1].Value switch
        {
            "mwl_find" => ("worklist", DimseService.Worklist),
            "mpps" => ("mpps", DimseService.Mpps),
            "ian" => ("instance_availability", DimseService.InstanceAvailability),
            "storage" => ("storage", DimseService.Storage),
            "stgcmt" => ("storage_commitment", DimseService.StorageCommitment),
            "study_root_qr_find" or "patient_root_qr_find" => ("query_retrieve/find", DimseService.QrFind),
            "study_root_qr_move" or "patient_root_qr_move" => ("query_retrieve/move", DimseService.QrMove),
            "basic_grayscale_print_meta" => ("print", DimseService.Print),
            _ => null,
        },
        _ => null,
    };

    /// <summary>The role block of a service (<c>dimse.query_retrieve.find.scp</c>); a block made here says where in the source it began.</summary>
    private YMap RoleBlock(string path, string side, int line)
    {
        var role = path.Split('/').Aggregate((YMap)_root["dimse"]!, (m, k) => m.Map(k)).Map(side);
        role.Comment ??= Src(line);
        return role;
    }

    /// <summary>A table of the structured details (key tables, network, code elements, TLS, audit), by caption and columns; where it went, or null.</summary>
    private string? DetailTable(MappedSection n, TableBlock tb)
    {
        if (tb.Caption is not { } cap || n.Template is not { } t) return null;
        var title = ReaderText.CaptionPattern().Match(cap) is { Success: true } cm ? cm.Groups[2].Value.Trim() : cap.Trim();
        var cols = tb.Titles.Select(SectionMapper.Normalize).ToList();
        var body = tb.Body.ToList();
        bool Columns(params string[] expected) => cols.SequenceEqual(expected.Select(SectionMapper.Normalize));

        if (KeyTableCaption().Match(title) is { Success: true } k && KeyTableService(t.Key) is { } svc
            && cols.Count >= 2 && cols[0] == "attribute name" && cols[1] == "tag" && cols.All(KeyColumns.ContainsKey))
            return KeyTable(tb, k, svc, cols, body);

        switch (t.Key)
        {
            case "services_charset" when title == "Code Elements of the ISO 2022 Specific Character Sets"
                                         && Columns("Defined Term", "Code Element", "Escape Sequence", "ISO Registration Number", "Character Set"):
            {
                var sets = (YSeq)_root["character_sets"]!;
                foreach (var r in body)
                {
                    var term = Cell(r, 0);
                    if (term.Length == 0) continue;
                    var set = sets.Items.OfType<YMap>().FirstOrDefault(s => (s["defined_term"] as YScalar)?.Value == term);
                    if (set is null)
                    {
                        // A code-element row of a set no character-set table lists: the set is declared here.
                        set = new YMap().Set("defined_term", term).Set("description", Cell(r, 4).Length > 0 ? Cell(r, 4) : term);
                        set.Comment = Src(tb.Line);
                        sets.Add(set);
                    }
                    set.Seq("code_elements").Add(new YMap().Set("element", Cell(r, 1)).Set("escape_sequence", Cell(r, 2))
                        .Set("iso_registration", Cell(r, 3)).Set("character_set", Cell(r, 4)));
                }
                return "character_sets (code_elements)";
            }
            case "security_external_network_requirements" when title == "Physical Network Interfaces" && Columns("Interface", "Type", "Description"):
            {
                var seq = ((YMap)_root["network"]!).Seq("interfaces");
                foreach (var r in body)
                    if (Cell(r, 0).Length > 0) seq.Add(new YMap().Set("name", Cell(r, 0)).Set("type", Cell(r, 1)).Set("description", Cell(r, 2)));
                if (seq.Items.Count > 0) seq.Items[0].Comment ??= Src(tb.Line);
                return "network.interfaces";
            }
            case "security_external_network_requirements" when title == "Additional Network Protocols" && Columns("Protocol", "Role", "RFCs", "Description"):
            {
                var seq = ((YMap)_root["network"]!).Seq("protocols");
                foreach (var r in body)
                {
                    if (Cell(r, 0).Length == 0) continue;
                    var p = new YMap().Set("protocol", Cell(r, 0)).Set("role", Cell(r, 1));
                    if (Split(Cell(r, 2)).ToList() is { Count: > 0 } rfcs) p["rfcs"] = Scalars(rfcs);
                    seq.Add(p.Set("description", Cell(r, 3)));
                }
                if (seq.Items.Count > 0) seq.Items[0].Comment ??= Src(tb.Line);
                return "network.protocols";
            }
            case "annex_c_secure_transport_connection" when title == "TLS Cipher Suites" && Columns("Preference Order", "Cipher Suite", "Profile"):
            {
                // Rows are printed in preference order; the order is the declaration's.
                var seq = Tls(tb.Line).Seq("cipher_suites");
                foreach (var r in body)
                    if (Cell(r, 1).Length > 0) seq.Add(new YMap().Set("name", Cell(r, 1)).Set("profile", Cell(r, 2)));
                return "security.tls.cipher_suites";
            }
            case "annex_c_audit_trail_messages" when title == "Audit Messages Sent" && Columns("Audit Message", "Triggers", "Comments"):
            {
                var seq = Audit(tb.Line).Seq("messages");
                foreach (var r in body)
                {
                    if (Cell(r, 0).Length == 0) continue;
                    var m = new YMap().Set("message", Cell(r, 0));
                    m["triggers"] = Scalars(Split(Cell(r, 1)));
                    seq.Add(m.Set("comment", Cell(r, 2)));
                }
                return "security.audit_trail.messages";
            }
        }
        return null;
    }

    private YMap Tls(int line) => SecurityPart("tls", line);
    private YMap Audit(int line) => SecurityPart("audit_trail", line);

    private YMap SecurityPart(string key, int line)
    {
        var security = (YMap)_root["security"]!;
        if (security[key] is YMap m) return m;
        m = security.Map(key);
        m.Comment = Src(line);
        return m;
    }

    private string KeyTable(TableBlock tb, System.Text.RegularExpressions.Match caption, (string Path, DimseService Service) svc, List<string> cols, List<IReadOnlyList<string>> body)
    {
        var side = caption.Groups["side"].Value.ToLowerInvariant();
        var table = new YMap();
        table.Comment = Src(tb.Line);
        if (caption.Groups["model"].Success)
        {
            // "for the Study Root Information Model" is printed for the model "Study Root" (a model naming "Model" is printed as is).
            var model = caption.Groups["model"].Value.Trim();
            table.Set("model", model.EndsWith(" Information Model", StringComparison.Ordinal) ? model[..^" Information Model".Length] : model);
        }
        if (caption.Groups["level"].Success) table.Set("level", caption.Groups["level"].Value.Trim());
        var op = caption.Groups["op"].Value;
        if (op != DetailBinder.DefaultOperation(svc.Service)) table.Set("operation", op);
        var attrs = table.Seq("attributes");
        foreach (var r in body)
        {
            var a = new YMap();
            for (int i = 0; i < cols.Count; i++)
            {
                var field = KeyColumns[cols[i]];
                var v = Cell(r, i);
                if (field is "name" or "tag") a[field] = new YScalar(v);
                else if (v.Length == 0) continue;
                else if (field is "matching_key" or "return_key") a.Set(field, Yes(v));
                else if (KeyListFields.Contains(field) && Split(v).ToList() is { Count: > 1 } many) a[field] = Scalars(many);
                else a.Set(field, v);
            }
            attrs.Add(a);
        }
        RoleBlock(svc.Path, side, tb.Line).Seq("key_tables").Add(table);
        return $"dimse.{svc.Path.Replace('/', '.')}.{side}.key_tables";
    }

    /// <summary>The sentences printed with the network, TLS and audit-trail declarations; true when the paragraph was one of them.</summary>
    private bool DetailSentence(MappedSection n, string md, string plain, int line)
    {
        switch (n.Template!.Key)
        {
            case "security_external_network_requirements" when Regex.Match(plain, @"^(?:IPv4: (?<v4>[YN]))?(?:; )?(?:IPv6: (?<v6>[YN]))?\.$") is { Success: true } ip
                                                             && (ip.Groups["v4"].Success || ip.Groups["v6"].Success):
                var network = (YMap)_root["network"]!;
                if (ip.Groups["v4"].Success) network.Set("ipv4", ip.Groups["v4"].Value == "Y");
                if (ip.Groups["v6"].Success) network.Set("ipv6", ip.Groups["v6"].Value == "Y");
                return true;
            case "annex_c_secure_transport_connection":
                if (Regex.Match(plain, @"^TLS versions: (.+)\.$") is { Success: true } v) { Tls(line)["versions"] = Scalars(Split(v.Groups[1].Value)); return true; }
                if (Regex.Match(plain, @"^Client certificates \(mutual authentication\): (required|not required)\.$") is { Success: true } cc)
                {
                    Tls(line).Set("client_certificates", cc.Groups[1].Value == "required");
                    return true;
                }
                if (Labelled().Match(md.Trim()) is { Success: true } cv && cv.Groups["label"].Value == "Certificate validation")
                {
                    Tls(line).Set("certificate_validation", cv.Groups["text"].Value.Trim());
                    return true;
                }
                return false;
            case "annex_c_audit_trail_messages":
                if (Regex.Match(plain, @"^Transport: (.+)\.$") is { Success: true } tr) { Audit(line)["transport"] = Scalars(Split(tr.Groups[1].Value)); return true; }
                // The layout adds a full stop to the collector as written (so a collector ending in one prints two).
                if (Regex.Match(plain, @"^Audit Record Repository: (.+)\.$", RegexOptions.Singleline) is { Success: true } co) { Audit(line).Set("collector", co.Groups[1].Value.Trim()); return true; }
                return false;
        }
        return false;
    }

    [GeneratedRegex(@"^(?<side>SCU|SCP) of the (?<sop>.+) - (?<op>[CN]-[A-Z-]+)$")]
    private static partial Regex StatusSectionTitle();

    /// <summary>
    /// The sections the layout adds for status codes of operations the template has no table for (C-ECHO under a
    /// "Verification Service" section of 7.3.2, C-GET in 7.3.2.7; LayoutRun.ProductSections): read back into
    /// <c>status_codes</c> and <c>other_status_codes</c> of the role block, not kept as added sections. True when
    /// <paramref name="n"/> was such a section.
    /// </summary>
    private bool StatusSections(MappedSection n)
    {
        var parentKey = n.Parent?.Template?.Key;
        if (parentKey == "status_dimse_services" && n.Title == "Verification Service" && n.Blocks.Count == 0 && n.Children.Count > 0
            && n.Children.All(c => StatusTableOf(c, "Verification SOP Class", DimseService.Verification) is not null))
        {
            _report.Sections.Add(new ReportEntry(n.Line, (n.Number is null ? "" : n.Number + " ") + n.Title, Destination.Structured, "dimse.verification (status codes of its subsections)"));
            foreach (var c in n.Children) StatusSection(c, StatusTableOf(c, "Verification SOP Class", DimseService.Verification)!, "verification");
            return true;
        }
        if (parentKey == "status_qr" && StatusTableOf(n, "Query/Retrieve GET SOP Classes", DimseService.QrGet) is { } get)
        {
            StatusSection(n, get, "query_retrieve/get");
            return true;
        }
        return false;
    }

    /// <summary>The status table of a "SCU of the {sop} - {operation}" section: its only block, captioned "Status Codes for …".</summary>
    private static TableBlock? StatusTableOf(MappedSection s, string sop, DimseService service)
    {
        if (s.Children.Count > 0 || s.Blocks.Count != 1 || s.Blocks[0] is not TableBlock tb) return null;
        if (StatusSectionTitle().Match(s.Title) is not { Success: true } m || m.Groups["sop"].Value != sop
            || m.Groups["op"].Value != DetailBinder.DefaultOperation(service)) return null;
        var side = m.Groups["side"].Value;
        var caption = tb.Caption is { } c && ReaderText.CaptionPattern().Match(c) is { Success: true } cm ? cm.Groups[2].Value.Trim() : tb.Caption?.Trim();
        var cols = tb.Titles.Select(SectionMapper.Normalize).ToList();
        var last = side == "SCU" ? "behavior" : "condition";
        return caption == $"Status Codes for {m.Groups["op"].Value} of the {sop} - {side}"
               && cols.SequenceEqual(new[] { "service status", "further meaning", "status codes", last }) ? tb : null;
    }

    private void StatusSection(MappedSection s, TableBlock tb, string path)
    {
        var side = s.Title.StartsWith("SCU", StringComparison.Ordinal) ? "scu" : "scp";
        var role = RoleBlock(path, side, tb.Line);
        var seq = role.Seq("status_codes");
        foreach (var r in tb.Body)
        {
            // The layout prints other_status_codes as a last row "Any other status code" with the behaviour only.
            if (Cell(r, 0) == "Any other status code" && Cell(r, 2).Length == 0) { role.Set("other_status_codes", Cell(r, 3)); continue; }
            seq.Add(new YMap().Set("status", Cell(r, 0)).Set("meaning", Cell(r, 1)).Set("code", Cell(r, 2)).Set("behavior", Cell(r, 3)));
        }
        if (seq.Items.Count == 0) role["status_codes"] = null;
        else seq.Items[0].Comment = Src(tb.Line);
        var where = $"dimse.{path.Replace('/', '.')}.{side}.status_codes";
        _report.Sections.Add(new ReportEntry(s.Line, (s.Number is null ? "" : s.Number + " ") + s.Title, Destination.Structured, where));
        _report.Tables.Add(new ReportEntry(tb.Line, TableLabel(tb), Destination.Structured, where));
    }

    // ------------------------------------------------------------------ query keys of documents dcsc did not write

    /// <summary>The PS3.4 C.2.2.2 matching types in the words vendors use for them ("Single value, wildcard, universal").</summary>
    private static readonly Dictionary<string, string> MatchingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["single value"] = "SINGLE_VALUE", ["single value matching"] = "SINGLE_VALUE", ["single_value"] = "SINGLE_VALUE", ["exact"] = "SINGLE_VALUE",
        ["wildcard"] = "WILDCARD", ["wild card"] = "WILDCARD", ["wildcard matching"] = "WILDCARD",
        ["range"] = "RANGE", ["range matching"] = "RANGE", ["universal"] = "UNIVERSAL", ["universal matching"] = "UNIVERSAL",
        ["uid"] = "UID", ["uid list"] = "UID", ["list of uid"] = "UID", ["list of uids"] = "UID", ["list of uid matching"] = "UID",
        ["sequence"] = "SEQUENCE", ["sequence matching"] = "SEQUENCE",
    };

    /// <summary>Matching types of a cell, or null when a word is not one of them (the table is then kept as the source wrote it).</summary>
    private static List<string>? MatchingTypes(string cell)
    {
        var types = new List<string>();
        foreach (var word in Regex.Split(cell, @"\s*(?:[,;/]|\band\b)\s*").Select(w => w.Trim().TrimEnd('.')).Where(w => w.Length > 0))
        {
            if (word is "-" or "–" || word.Equals("none", StringComparison.OrdinalIgnoreCase) || word.Equals("N/A", StringComparison.OrdinalIgnoreCase)) continue;
            if (!MatchingWords.TryGetValue(word, out var t)) return null;
            if (!types.Contains(t)) types.Add(t);
        }
        return types;
    }

    private const string QrFindUids = "1.2.840.10008.5.1.4.1.2.1.1 1.2.840.10008.5.1.4.1.2.2.1 1.2.840.10008.5.1.4.1.2.3.1";
    private const string WorklistUid = "1.2.840.10008.5.1.4.31";

    /// <summary>
    /// A C-FIND key table of a document dcsc did not write (Attribute, Tag, Matching [, Return]) as a key table of the
    /// Worklist or Query/Retrieve FIND service (PS3.4 C.6, K.6): the service from the section (or the words "Worklist",
    /// "Query", "C-FIND" around it), the role from the section or else from the roles the document gives the service's
    /// SOP Classes, the level from "… at study level" before the table. Null when any of these, or a matching word,
    /// is not clear: the table is then kept as rows or an author table.
    /// </summary>
    private string? VendorKeyTable(MappedSection n, TableBlock tb, IReadOnlyList<string> titles, List<IReadOnlyList<string>> body, int tag, int matching)
    {
        if (body.Any(r => r.Count > 2 && Cell(r, 0).Length > 0 && r.Skip(1).All(c => c.Length == 0))) return null;
        (string Path, DimseService Service)? svc = null;
        string? side = null;
        foreach (var t in Ancestors(n).Select(s => s.Template).OfType<TemplateSection>())
            if (svc is null && KeyTableService(t.Key) is { Service: DimseService.Worklist or DimseService.QrFind } found)
            {
                svc = found;
                if (Regex.Match(t.Key, "^services_(sc[up])_") is { Success: true } sm) side = sm.Groups[1].Value;
            }
        var words = string.Join(" ", new[] { tb.Caption ?? "" }.Concat(Ancestors(n).Select(s => s.Title)));
        svc ??= Regex.IsMatch(words, @"\bWorklist\b", RegexOptions.IgnoreCase) ? ("worklist", DimseService.Worklist)
            : Regex.IsMatch(words, @"\bQuery\b|\bC-FIND\b|\bQ/R\b", RegexOptions.IgnoreCase) ? ("query_retrieve/find", DimseService.QrFind) : null;
        if (svc is not { } service) return null;
        if (side is null)
        {
            var uids = service.Service == DimseService.Worklist ? WorklistUid : QrFindUids;
            var sops = _sops.Values.Where(x => uids.Split(' ').Contains(x.Uid)).ToList();
            bool scu = sops.Any(x => x.Scu), scp = sops.Any(x => x.Scp);
            if (scu == scp) return null;
            side = scu ? "scu" : "scp";
        }
        int name = Col(titles, @"attribute", @"name", @"description");
        int ret = Col(titles, @"return");
        var attrs = new YSeq();
        foreach (var r in body)
        {
            if (MatchingTypes(Cell(r, matching)) is not { } types) return null;
            var a = new YMap().With("name", new YScalar(name >= 0 && name != tag ? Cell(r, name) : "")).With("tag", new YScalar(Cell(r, tag)));
            if (ret >= 0 && ret != matching && Cell(r, ret).Length > 0) a.Set("return_key", Yes(Cell(r, ret)));
            if (types.Count == 1) a.Set("matching_type", types[0]); else if (types.Count > 1) a["matching_type"] = Scalars(types);
            attrs.Add(a);
        }
        var table = new YMap();
        table.Comment = Src(tb.Line);
        if (tb.Caption is { } cap && Regex.Match(cap, @"\b(Patient|Study) Root\b", RegexOptions.IgnoreCase) is { Success: true } model)
            table.Set("model", char.ToUpperInvariant(model.Groups[1].Value[0]) + model.Groups[1].Value[1..].ToLowerInvariant() + " Root");
        // "The following keys are supported at study level" right before the table.
        var i = n.Blocks.IndexOf(tb);
        if (service.Service == DimseService.QrFind && i > 0 && n.Blocks[i - 1] is TextBlock before
            && Regex.Match(Plain(before.Markdown), @"\b(patient|study|series|image|instance)[- ]level\b", RegexOptions.IgnoreCase) is { Success: true } level)
            table.Set("level", level.Groups[1].Value.ToUpperInvariant());
        table["attributes"] = attrs;
        RoleBlock(service.Path, side, tb.Line).Seq("key_tables").Add(table);
        return $"dimse.{service.Path.Replace('/', '.')}.{side}.key_tables (query keys with their matching types)";
    }

    private static IEnumerable<MappedSection> Ancestors(MappedSection n)
    {
        for (var s = n; s is not null; s = s.Parent) yield return s;
    }
}
