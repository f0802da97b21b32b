using System.Text.RegularExpressions;
using Dcsc.Dictionary;
using Dcsc.Layout;

namespace Dcsc.Import;

/// <summary>
/// Turns the mapped section tree into the YAML source: narrative into the field the layout prints it from (product
/// description, AE description, activity description, service role descriptions, section text), template text
/// dropped (dcsc writes it again), tables through the recognizers into declarations, everything else into added
/// sections, and records in the report where each section and table went.
/// </summary>
internal sealed partial class StatementAssembler
{
    private readonly SourceDocument _doc;
    private readonly ImportReport _report;
    private readonly YMap _root = new();
    private readonly DicomDictionary _dict = DicomDictionary.Standard;
    private readonly Dictionary<string, YMap> _aes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Ae, string Activity), YMap> _activities = new();
    private readonly Dictionary<string, SopInfo> _sops = new(StringComparer.Ordinal);
    private readonly List<TsSet> _sets = new();
    private readonly List<ServiceRow> _serviceRows = new();
    private readonly Dictionary<string, YMap> _iods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YMap> _srTemplates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YMap> _mappings = new(StringComparer.Ordinal);

    internal sealed class SopInfo
    {
        public required string Uid;
        public string Name = "";
        public bool Scu, Scp, UserAgent, OriginServer, Fsc, Fsu, Fsr, Display, Process, Archive;
        public string? Create;
        /// <summary>"any" / "as_received" from a Transfer Syntax cell ("U; As received"), or null.</summary>
        public string? Policy;
        public List<string> Sets = new();
        public List<string> TsUids = new();
        public HashSet<string> ScuAes = new(StringComparer.Ordinal), ScpAes = new(StringComparer.Ordinal);
        public bool RolesKnown;
        public int Line;
        public string? Comment;
    }

    internal sealed record TsSet(string Code, string Name, List<(string Uid, string Name, string? Media)> Syntaxes, int Line);

    internal sealed record ServiceRow(string Ae, string Service, bool Scu, bool Scp, bool OriginServer, bool UserAgent, bool Fsc, bool Fsu, bool Fsr);

    public StatementAssembler(SourceDocument doc, ImportReport report)
    {
        _doc = doc;
        _report = report;
        foreach (var k in new[] { "product", "revision_history", "introduction", "transfer_syntax_sets", "association", "application_entities", "sop_classes",
                     "sr_templates", "iods", "shared_modules", "mappings", "media", "character_sets", "network", "dimse", "dicomweb", "security", "de_identification", "sections" })
            _root[k] = k is "product" or "introduction" or "association" or "shared_modules" or "media" or "network" or "dimse" or "dicomweb" or "security" or "sections" ? new YMap() : new YSeq();
    }

    private string Src(int line) => "source: " + _doc.Where(line);

    public YMap Assemble(MappedSection root)
    {
        Cover(root.Blocks);
        foreach (var c in root.Children) Section(c);
        FinishConfigurationRows(perAe: true);
        HoistAssociation();
        FinishConfigurationRows(perAe: false);
        FinishEveryStorage();
        FinishSopClasses();
        FinishWebDetails();
        FinishProduct(root);
        foreach (var (k, v) in _root.Items.ToList())
            if (v is YMap { Count: 0 } or YSeq { Items.Count: 0 }) _root[k] = null;
        // "every Storage SOP Class" is read last but written where the source format documents it, before sop_classes.
        if (_root["every_storage_sop_class"] is { } every)
        {
            _root["every_storage_sop_class"] = null;
            var after = _root.Items.SkipWhile(kv => kv.Key != "sop_classes").ToList();
            foreach (var (k, _) in after) _root[k] = null;
            _root["every_storage_sop_class"] = every;
            foreach (var (k, v) in after) _root[k] = v;
        }
        return _root;
    }

    /// <summary>
    /// A statement without a general association table (7.1.1 N/A) prints the product-wide values in every AE's table:
    /// a value every AE table gives alike, with two or more AE tables, is the product's, not each AE's.
    /// </summary>
    private void HoistAssociation()
    {
        var general = (YMap)_root["association"]!;
        var tables = _aes.Values.Select(a => a["association"] as YMap).Where(t => t is not null).ToList();
        if (tables.Count < 2) return;
        // A port is the listener's own; a parameter Table 6-1 gives an AE is that AE's.
        var own = _configurationRows.Where(r => !ReferenceEquals(r.Target, general)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var field in AssociationFields.Values.Distinct().Where(f => f is not "port" && !own.Contains(f)))
        {
            var values = tables.Select(t => t![field] is { } v ? YamlWriter.Canonical(v) : null).ToList();
            if (values.Any(v => v is null) || values.Distinct().Count() != 1 || general.Has(field)) continue;
            general[field] = tables[0]![field];
            foreach (var t in tables) t![field] = null;
        }
        foreach (var t in tables) if (t!.Count == 0) foreach (var ae in _aes.Values.Where(a => ReferenceEquals(a["association"], t))) ae["association"] = null;
    }

    // ------------------------------------------------------------------ cover page and product

    private void Cover(List<Block> blocks)
    {
        var product = (YMap)_root["product"]!;
        var lines = new List<(string Text, int Line)>();
        foreach (var b in blocks)
            if (b is TextBlock t) foreach (var l in t.Markdown.Split('\n')) lines.Add((Plain(l).Trim(), t.Line));
        var covered = new YSeq();
        var unread = new HashSet<int>();
        bool inCovered = false;
        foreach (var (text, line) in lines)
        {
            if (text.Length == 0) continue;
            if (Regex.Match(text, @"^(?:Document(?: ID| Number| No\.?)?)\s*:\s*(.+)$", RegexOptions.IgnoreCase) is { Success: true } d) { product.Set("document_id", d.Groups[1].Value.Trim()); continue; }
            if (Regex.Match(text, @"^Date\s*:\s*(\d{4}-\d{2}-\d{2})$", RegexOptions.IgnoreCase) is { Success: true } dt) { product.Set("date", dt.Groups[1].Value); continue; }
            if (text.StartsWith("Products covered", StringComparison.OrdinalIgnoreCase)) { inCovered = true; continue; }
            if (inCovered && Regex.Match(text, @"^[-*]\s+(.+?)\s+(\S+)(?:\s+\((.+)\))?$") is { Success: true } cv)
            {
                var item = new YMap().Set("name", cv.Groups[1].Value).Set("version", cv.Groups[2].Value);
                if (cv.Groups[3].Success) { var opts = item.Seq("options"); foreach (var o in cv.Groups[3].Value.Split(';')) opts.Add(new YScalar(o.Trim())); }
                covered.Add(item);
                continue;
            }
            inCovered = false;
            // "Product 4.2 — DICOM Conformance Statement", "DICOM Conformance Statement for Product 4.2": the title names the product.
            if (text.Contains("Conformance Statement", StringComparison.OrdinalIgnoreCase) && !product.Has("name"))
            {
                var named = Regex.Replace(text, @"(?:\s*[-–—:|]\s*)?(?:DICOM\s+)?Conformance Statement(?:\s+(?:for|of))?(?:\s*[-–—:|]\s*)?", " ", RegexOptions.IgnoreCase).Trim();
                if (Regex.Match(named, @"^(.+?)\s+(?:[Vv](?:ersion)?\.?\s*)?(\d+(?:\.\w+)*)$") is { Success: true } tv)
                {
                    product.Set("name", tv.Groups[1].Value.Trim()).Set("version", tv.Groups[2].Value);
                    product["name"]!.Comment = Src(line);
                }
                continue;
            }
            if (!product.Has("name") && Regex.Match(text, @"^(.+?)\s+(?:[Vv](?:ersion)?\.?\s*)?(\d+(?:\.\w+)*)$") is { Success: true } nv)
            {
                product.Set("name", nv.Groups[1].Value.Trim()).Set("version", nv.Groups[2].Value);
                product["name"]!.Comment = Src(line);
                continue;
            }
            if (product.Has("name") && !product.Has("manufacturer") && text.Length < 80 && !text.Contains(':')) { product.Set("manufacturer", text); continue; }
            unread.Add(line);
        }
        if (covered.Items.Count > 0) product["covered"] = covered;
        // Paragraphs of the cover none of whose lines was a product fact: the product's description when no overview gives one.
        var consumed = lines.Where(l => l.Text.Length > 0 && !unread.Contains(l.Line)).Select(l => l.Line).ToHashSet();
        foreach (var b in blocks.OfType<TextBlock>())
            if (unread.Contains(b.Line) && !consumed.Contains(b.Line)) _coverText.Add((b.Markdown, b.Line));
    }

    private readonly List<(string Markdown, int Line)> _coverText = new();

    private void FinishProduct(MappedSection root)
    {
        var product = (YMap)_root["product"]!;
        if (!product.Has("name"))
        {
            var guess = Path.GetFileNameWithoutExtension(_doc.Path);
            product.Set("name", guess).Set("version", "1.0");
            _report.Notes.Add((0, $"The product name and version were not found on a cover page: set product.name and product.version (now \"{guess}\", \"1.0\")."));
        }
        if (!product.Has("description") && _coverText.Count > 0)
        {
            product.Set("description", string.Join("\n\n", _coverText.Select(c => c.Markdown)));
            product["description"]!.Comment = Src(_coverText[0].Line);
        }
        else foreach (var (_, line) in _coverText) _report.Notes.Add((line, "A paragraph before the first section was not imported (the overview gives product.description): move it by hand if it matters."));
        if (!product.Has("description"))
        {
            product.Set("description", "Imported from " + Path.GetFileName(_doc.Path) + ".");
            _report.Notes.Add((0, "No overview text was found: write product.description."));
        }
        // Keep product keys in the order the source format documents.
        var ordered = new YMap { Comment = product.Comment };
        foreach (var k in new[] { "name", "version", "manufacturer", "document_id", "date", "description", "covered", "remote_systems" })
            if (product[k] is { } v) ordered[k] = v;
        _root["product"] = ordered;
    }

    // ------------------------------------------------------------------ sections

    private void Section(MappedSection n)
    {
        var t = n.Template;
        var label = (n.Number is null ? "" : n.Number + " ") + n.Title;
        if (t is null)
        {
            if (StatusSections(n)) return;
            AddedSection(n);
            return;
        }
        EnsureInstance(n);
        _report.Sections.Add(new ReportEntry(n.Line, label, Destination.Narrative, $"{t.Number} {Regex.Replace(t.Title, @"\{[a-z_]+\}", m => n.InstanceOf(RepeatOfToken(m.Value)) ?? m.Value)} [{t.Key}]" + (n.How is "title" ? "" : $" (by {n.How})")));
        if (t.Key == "table_of_contents")
        {
            foreach (var c in n.Children) _report.Sections.Add(new ReportEntry(c.Line, c.Title, Destination.Skipped, "table of contents"));
            return;
        }
        var narrative = new List<(string Markdown, int Line)>();
        CollectFootnotes(n.Blocks);
        foreach (var b in n.Blocks)
        {
            if (_noteBlocks.Contains(b)) continue;
            switch (b)
            {
                case TableBlock tb:
                    Table(n, tb, narrative);
                    // Notes under a table that did not become an author table stay in the text.
                    if (_footnotes.Remove(tb, out var notes)) narrative.AddRange(notes.Select((x, i) => ($"Note {i + 1}: {x}", tb.Line)));
                    break;
                case ImageBlock img: narrative.Add(($"![{ReaderText.EscapeMarkdown(img.Caption)}](images/{img.FileName})", img.Line)); break;
                case TextBlock tx:
                    if (IsBoilerplate(t, tx.Markdown, n) || IsNa(tx.Markdown)) continue;
                    if (ReaderText.FigurePattern().IsMatch(Plain(tx.Markdown)) && Plain(tx.Markdown).Length < 160) continue;
                    narrative.Add((tx.Markdown, tx.Line));
                    break;
            }
        }
        Narrative(n, narrative);
        if (n.Na && !t.NeverNa && narrative.Count == 0 && n.Blocks.All(b => b is not TableBlock)) SectionContent(n).Set("na", true);
        foreach (var c in n.Children) Section(c);
    }

    private readonly HashSet<Block> _noteBlocks = new(ReferenceEqualityComparer.Instance);

    /// <summary>"Note 1: …" paragraphs right after a table are its footnotes (dcsc prints author-table footnotes so).</summary>
    private void CollectFootnotes(List<Block> blocks)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not TableBlock tb) continue;
            var notes = new List<string>();
            for (int j = i + 1; j < blocks.Count && blocks[j] is TextBlock tx && Regex.Match(Plain(TableReferences(tx.Markdown)).Trim(), @"^Note (\d+):\s*(.+)$", RegexOptions.Singleline) is { Success: true } m
                     && m.Groups[1].Value == (notes.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture); j++)
            {
                notes.Add(m.Groups[2].Value.Trim());
                _noteBlocks.Add(tx);
            }
            if (notes.Count > 0) _footnotes[tb] = notes;
        }
    }

    /// <summary>Author table keys by the number of their caption, for the references of footnotes.</summary>
    private Dictionary<string, string>? _tableNumbers;

    /// <summary>
    /// A link to a table of this document, as dcsc prints a <c>{table:…}</c> reference ("[Table 6-1](#table-6-1)"),
    /// back to the reference: the author table's key when the document carries it, else the number.
    /// </summary>
    private string TableReferences(string md)
    {
        if (!md.Contains("](#table-", StringComparison.Ordinal)) return md;
        _tableNumbers ??= _doc.Blocks.OfType<TableBlock>()
            .Select(t => (t.Key, Number: t.Caption is { } c && ReaderText.CaptionPattern().Match(c) is { Success: true } m ? m.Groups[1].Value : null))
            .Where(x => x.Number is not null).GroupBy(x => x.Number!).ToDictionary(g => g.Key, g => g.First().Key ?? g.Key, StringComparer.Ordinal);
        return Regex.Replace(md, @"\[Table (?<n>[^\]]{1,20})\]\(#table-(?<a>[A-Za-z0-9.\-]{1,20})\)", m =>
            m.Groups["n"].Value.Replace("\\", "") == m.Groups["a"].Value && _tableNumbers.TryGetValue(m.Groups["a"].Value, out var to) ? $"{{table:{to}}}" : m.Value);
    }

    private static string? RepeatOfToken(string token) => token switch
    {
        "{ae}" => "ae", "{activity}" => "activity", "{iod}" => "iod", "{template}" => "sr_template", "{finding_site}" => "finding_site", "{mapping}" => "mapping", _ => null,
    };

    private static bool IsNa(string md) => Regex.IsMatch(Plain(md).Trim(), @"^N/?A\.?$", RegexOptions.IgnoreCase);

    /// <summary>An added section: its text, its tables as Markdown tables, its subsections' titles and text folded in.</summary>
    private void AddedSection(MappedSection n)
    {
        var parent = n.Parent;
        var top = n;
        while (parent is { Template: null, Parent: not null }) { top = parent; parent = parent.Parent; }
        if (parent is { Template: null } root)
        {
            // A chapter of its own (no PS3.2 section above it): added at the end of the nearest chapter before it, else after it.
            var i = root.Children.IndexOf(top);
            parent = root.Children.Take(i).LastOrDefault(c => c.Template is not null) ?? root.Children.Skip(i + 1).FirstOrDefault(c => c.Template is not null);
        }
        if (parent is not null && WebAddition(n, parent)) return;
        var text = new List<string>();
        var tables = new YSeq();
        void Collect(MappedSection s, int depth)
        {
            CollectFootnotes(s.Blocks);
            if (depth > 0) text.Add($"**{ReaderText.EscapeMarkdown(s.Title)}**");
            foreach (var b in s.Blocks)
            {
                switch (b)
                {
                    case TextBlock tx: if (!IsNa(tx.Markdown) && !_noteBlocks.Contains(tx)) text.Add(tx.Markdown); break;
                    case ImageBlock img: text.Add($"![{ReaderText.EscapeMarkdown(img.Caption)}](images/{img.FileName})"); break;
                    case TableBlock tb:
                        if (Recognize(s, tb) is { } went) { _report.Tables.Add(new ReportEntry(tb.Line, TableLabel(tb), went.StartsWith(AuthorTablePrefix, StringComparison.Ordinal) ? Destination.AuthorTable : Destination.Structured, went)); break; }
                        if (tb.Columns > MaxAuthorColumns)
                        {
                            text.Add(MarkdownTable(tb));
                            _report.Tables.Add(new ReportEntry(tb.Line, TableLabel(tb), Destination.Narrative, $"added section \"{n.Title}\" (as a Markdown table: more than {MaxAuthorColumns} columns)"));
                            break;
                        }
                        _report.Tables.Add(new ReportEntry(tb.Line, TableLabel(tb), Destination.AuthorTable, AuthorTable(tables, tb) + $" of added section \"{n.Title}\""));
                        break;
                }
            }
            foreach (var c in s.Children) Collect(c, depth + 1);
        }
        Collect(n, 0);
        if (parent?.Template is null)
        {
            _report.Sections.Add(new ReportEntry(n.Line, n.Title, Destination.Skipped, "before the first template section; text kept in the report only"));
            if (text.Count > 0) _report.Notes.Add((n.Line, $"Section \"{n.Title}\" sits outside the PS3.2 sections and was not imported; move its text by hand."));
            return;
        }
        var content = SectionContent(parent);
        var item = new YMap().Set("title", n.Title).Set("text", text.Count == 0 && tables.Items.Count == 0 ? "N/A" : string.Join("\n\n", text));
        if (tables.Items.Count > 0) item["tables"] = tables;
        item.Comment = Src(n.Line);
        content.Seq("added").Add(item);
        _report.Sections.Add(new ReportEntry(n.Line, (n.Number is null ? "" : n.Number + " ") + n.Title, Destination.AddedSection, $"added section under {parent.Template.Number} {parent.Template.Title}"));
    }

    internal static string MarkdownTable(TableBlock tb)
    {
        var sb = new System.Text.StringBuilder();
        if (tb.Caption is not null) sb.Append("**").Append(ReaderText.EscapeMarkdown(tb.Caption)).Append("**\n\n");
        string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(c => ReaderText.EscapeMarkdown(c).Replace("\n", " "))) + " |";
        sb.Append(Row(tb.Titles)).Append('\n').Append(Row(tb.Titles.Select(_ => "---"))).Append('\n');
        foreach (var r in tb.Body) sb.Append(Row(r)).Append('\n');
        return sb.ToString().TrimEnd('\n');
    }

    internal static string TableLabel(TableBlock tb) => tb.Caption ?? $"table ({string.Join(", ", tb.Titles.Take(4))})";

    // ------------------------------------------------------------------ where content of a section goes

    private void EnsureInstance(MappedSection n)
    {
        var t = n.Template!;
        if (t.Repeat == "ae" && n.Ae is { } ae) Ae(ae, n.Line);
        if (t.Repeat == "activity" && n.Ae is { } a2 && n.Activity is { } act)
            Activity(a2, act, t.Key == "netcomm_real_world_activity_activity_2" ? "acceptor" : "initiator", n.Line);
        if (t.Repeat == "iod" && n.Iod is { } iod) Iod(iod, n.Line);
        if (t.Repeat == "sr_template" && n.SrTemplate is { } sr) SrTemplate(sr, n.Line);
        if (t.Repeat == "mapping" && n.Mapping is { } mp) Mapping(mp, n.Line);
    }

    private YMap Ae(string name, int line)
    {
        if (_aes.TryGetValue(name, out var ae)) return ae;
        ae = new YMap().Set("name", name);
        ae.Comment = Src(line);
        _aes[name] = ae;
        ((YSeq)_root["application_entities"]!).Add(ae);
        return ae;
    }

    private YMap Activity(string ae, string name, string role, int line)
    {
        if (_activities.TryGetValue((ae, name), out var act)) return act;
        act = new YMap().Set("name", name).Set("role", role);
        act.Comment = Src(line);
        _activities[(ae, name)] = act;
        Ae(ae, line).Seq("activities").Add(act);
        return act;
    }

    private YMap Iod(string name, int line)
    {
        if (_iods.TryGetValue(name, out var iod)) return iod;
        iod = new YMap().Set("name", name);
        iod.Comment = Src(line);
        _iods[name] = iod;
        ((YSeq)_root["iods"]!).Add(iod);
        return iod;
    }

    private YMap SrTemplate(string title, int line)
    {
        if (_srTemplates.TryGetValue(title, out var sr))
        {
            // First seen in Table 1-3: Annex B's order is the declaration order.
            if (_annexBSeen.Add(sr)) { var l = (YSeq)_root["sr_templates"]!; l.Items.Remove(sr); l.Items.Insert(Math.Min(_annexBOrder++, l.Items.Count), sr); }
            return sr;
        }
        var m = Regex.Match(title, @"^(.+?)\s*\(TID\s*(\d+)\)$");
        sr = new YMap().Set("name", m.Success ? m.Groups[1].Value : title);
        if (m.Success) sr.Set("tid", m.Groups[2].Value);
        sr.Comment = Src(line);
        _srTemplates[title] = sr;
        // The overview table (1-3) may have declared it already under its bare name; Annex B's order is the declaration order.
        var list = (YSeq)_root["sr_templates"]!;
        var existing = list.Items.OfType<YMap>().FirstOrDefault(x => (x["name"] as YScalar)?.Value == (sr["name"] as YScalar)?.Value);
        if (existing is not null) { _srTemplates[title] = existing; sr = existing; list.Items.Remove(existing); }
        list.Items.Insert(Math.Min(_annexBOrder++, list.Items.Count), sr);
        _annexBSeen.Add(sr);
        return sr;
    }

    private int _annexBOrder;
    private readonly HashSet<YMap> _annexBSeen = new(ReferenceEqualityComparer.Instance);

    private YMap Mapping(string name, int line)
    {
        if (_mappings.TryGetValue(name, out var mp)) return mp;
        mp = new YMap().Set("name", name);
        mp.Comment = Src(line);
        _mappings[name] = mp;
        ((YSeq)_root["mappings"]!).Add(mp);
        return mp;
    }

    /// <summary>The <c>sections:</c> map a section's content belongs in: its activity's, AE's, IOD's, SR template's, mapping's, or the statement's.</summary>
    private YMap SectionsMap(MappedSection n)
    {
        string? repeat = null;
        for (var t = n.Template; t is not null; t = t.Parent)
            if (t.Repeat is { } r && n.InstanceOf(r) is not null) { repeat = r; break; }
        return repeat switch
        {
            "activity" => Activity(n.Ae!, n.Activity!, "initiator", n.Line).Map("sections"),
            "ae" => Ae(n.Ae!, n.Line).Map("sections"),
            "iod" => Iod(n.Iod!, n.Line).Map("sections"),
            "finding_site" => FindingSite(n).Map("sections"),
            "sr_template" => SrTemplate(n.SrTemplate!, n.Line).Map("sections"),
            "mapping" => Mapping(n.Mapping!, n.Line).Map("sections"),
            _ => (YMap)_root["sections"]!,
        };
    }

    private YMap FindingSite(MappedSection n)
    {
        var sr = SrTemplate(n.SrTemplate!, n.Line);
        var sites = sr.Seq("finding_sites");
        var site = sites.Items.OfType<YMap>().FirstOrDefault(x => (x["name"] as YScalar)?.Value == n.FindingSite);
        if (site is null) { site = new YMap().Set("name", n.FindingSite); sites.Add(site); }
        return site;
    }

    private YMap SectionContent(MappedSection n) => SectionsMap(n).Map(n.Template!.Key);

    // ------------------------------------------------------------------ narrative

    [GeneratedRegex(@"^\*\*(?<label>[^*]{1,60}):\*\*\s*(?<text>[\s\S]*)$")]
    private static partial Regex Labelled();

    private void Narrative(MappedSection n, List<(string Markdown, int Line)> paragraphs)
    {
        var key = n.Template!.Key;
        var rest = new List<(string Markdown, int Line)>();
        foreach (var (md, line) in paragraphs)
        {
            var plain = Plain(md).Trim();
            if (key == "impl_functional_definition_ae_1" && n.Ae is { } aeName && AeTitleLine().Match(plain) is { Success: true } at)
            {
                // The port printed here is the AE's effective one; Table 7-2 says whose it is.
                Ae(aeName, line).Set("ae_title", at.Groups["title"].Value);
                continue;
            }
            if (key is "netcomm_real_world_activity_activity_1" or "netcomm_real_world_activity_activity_2" && n.Activity is not null
                && Regex.Match(plain, @"^SOP Classes:\s*(.+?)\.?$") is { Success: true } sc)
            {
                var act = Activity(n.Ae!, n.Activity, key.EndsWith('2') ? "acceptor" : "initiator", line);
                var list = act.Seq("sop_classes");
                if (sc.Groups[1].Value.StartsWith("every Storage SOP Class listed in Table 1-1", StringComparison.Ordinal)) _everyStorageActivities.Add(act);
                foreach (System.Text.RegularExpressions.Match u in Regex.Matches(sc.Groups[1].Value, @"\((\d+(?:\.\d+)+)\)")) list.Add(new YScalar(u.Groups[1].Value));
                continue;
            }
            if (key is "netcomm_real_world_activity_activity_1" or "netcomm_real_world_activity_activity_2" && n.Activity is not null
                && ActivitySets(Activity(n.Ae!, n.Activity, key.EndsWith('2') ? "acceptor" : "initiator", line), Squash(plain)))
                continue;
            if (key is "netcomm_real_world_activity_activity_1" or "netcomm_ts_selection_policies" && n.Activity is not null && PolicyOfSentence(Squash(plain)) is { } policy)
            {
                Activity(n.Ae!, n.Activity, key == "netcomm_ts_selection_policies" ? "acceptor" : "initiator", line).Set("transfer_syntax_policy", policy);
                continue;
            }
            if (WebDetailSentence(n, Squash(plain))) continue;
            if (DetailSentence(n, md, Squash(plain), line)) continue;
            if (key is "overview_charset" or "services_charset" && Regex.IsMatch(Squash(plain), @"^This statement does not state which Specific Character Sets .+ supports\.$")) continue;
            if (key == "services_scp_storage" && Regex.Match(Squash(plain), @"^(Element coercion|Discarded Attributes|Lossy compression|Duplicate SOP Instances): not documented by the manufacturer\.$") is { Success: true } nd)
            {
                var field = nd.Groups[1].Value switch { "Element coercion" => "element_coercion", "Discarded Attributes" => "discarded_attributes", "Lossy compression" => "lossy_compression", _ => "duplicate_instances" };
                ((YMap)_root["dimse"]!).Map("storage").Map("scp").Set(field, Dcsc.Model.ModelBinder.NotDocumentedAnswer);
                continue;
            }
            if (key == "annex_a_iod" && n.Iod is { } iodName && Regex.Match(plain, @"^SOP Class:\s*.*\((\d+(?:\.\d+)+)\)\.?$") is { Success: true } isc)
            {
                Iod(iodName, line).Set("sop_class", isc.Groups[1].Value);
                continue;
            }
            if (key == "services_dicom_ws" && Regex.Match(plain, @"^Base URL:\s*(\S+)$") is { Success: true } url)
            {
                ((YMap)_root["dicomweb"]!).Set("base_url", url.Groups[1].Value);
                continue;
            }
            if (key == "overview" && plain.EndsWith("uses these DICOM services with remote systems:", StringComparison.Ordinal)) continue;
            if (key == "overview" && md.TrimStart().StartsWith("- ", StringComparison.Ordinal) && RemoteSystems(md)) continue;
            rest.Add((md, line));
        }
        if (key == "overview_content_transfer") rest = EveryStorageParagraphs(rest);
        if (rest.Count == 0) return;
        string Join(IEnumerable<(string Markdown, int Line)> ps) => string.Join("\n\n", ps.Select(p => p.Markdown));
        var first = rest[0].Line;
        YMap Set(YMap target, string field, string text) { target.Set(field, text); target[field]!.Comment = Src(first); return target; }
        var dimse = (YMap)_root["dimse"]!;
        switch (key)
        {
            case "overview": Set((YMap)_root["product"]!, "description", Join(rest)); return;
            case "intro_audience": Set((YMap)_root["introduction"]!, "audience", Join(rest)); return;
            case "intro_remarks": Set((YMap)_root["introduction"]!, "remarks", Join(rest)); return;
            case "intro_references":
            {
                var refs = ((YMap)_root["introduction"]!).Seq("references");
                foreach (var (md, _) in rest)
                    foreach (var l in md.Split('\n'))
                    {
                        var s = Regex.Replace(l.Trim(), @"^(?:[-*]\s+|\\?\[\d+\\?\]\s*|\d+\.\s+)", "").Trim();
                        if (s.Length > 0 && !IsBoilerplate(n.Template, s, n)) refs.Add(new YScalar(Plain(s)));
                    }
                return;
            }
            case "impl_functional_definition_ae_1" when n.Ae is { } ae: Set(Ae(ae, first), "description", Join(rest)); return;
            case "netcomm_sequencing_real_world_activities_ae1" when n.Ae is { } ae2: Set(Ae(ae2, first), "sequencing", Join(rest)); return;
            case "netcomm_real_world_activity_activity_1" or "netcomm_real_world_activity_activity_2" when n.Activity is not null:
                Set(Activity(n.Ae!, n.Activity, key.EndsWith('2') ? "acceptor" : "initiator", first), "description", Join(rest)); return;
            case "netcomm_role_negotiation" when n.Activity is not null:
                Set(Activity(n.Ae!, n.Activity, "initiator", first), "role_negotiation", Join(rest)); return;
            case "annex_a_iod" when n.Iod is { } iod: Set(Iod(iod, first), "description", Join(rest)); return;
            case "annex_d_mapping" when n.Mapping is { } mp: Set(Mapping(mp, first), "description", Join(rest)); return;
        }
        if (RoleSections.TryGetValue(key, out var role))
        {
            var labelled = new Dictionary<string, List<(string, int)>>(StringComparer.Ordinal);
            foreach (var (md, line) in rest)
            {
                var m = Labelled().Match(md.Trim());
                var label = m.Success ? m.Groups["label"].Value : "";
                var text = m.Success ? m.Groups["text"].Value : md;
                (labelled.TryGetValue(label, out var l) ? l : labelled[label] = new()).Add((text, line));
            }
            foreach (var (label, items) in labelled)
            {
                var (service, side) = role;
                if (label is "SCU" or "SCP" or "C-GET SCU" or "C-GET SCP") { side = label.EndsWith("SCU", StringComparison.Ordinal) ? "scu" : "scp"; if (label.StartsWith("C-GET", StringComparison.Ordinal)) service = "query_retrieve/get"; }
                var field = label switch
                {
                    "Element coercion" => "element_coercion", "Discarded Attributes" => "discarded_attributes", "Lossy compression" => "lossy_compression",
                    "Retention" => "retention", _ => "description",
                };
                var target = service.Split('/').Aggregate(dimse, (m, k) => m.Map(k)).Map(side);
                var text = Join(items);
                foreach (var (pattern, f) in RoleFacts)
                    if (Regex.Match(Plain(text).Trim(), pattern) is { Success: true } fm && items.Count == 1) { RoleFact(target, f, fm.Groups[1].Value, items[0].Item2); text = ""; break; }
                if (text.Length == 0) continue;
                if (target.Has(field)) text = ((YScalar)target[field]!).Value + "\n\n" + text;
                Set(target, field, text);
            }
            return;
        }
        if (WebSections.Contains(key) && rest.Any(r => Labelled().IsMatch(r.Markdown.Trim())))
        {
            // Transaction descriptions are printed with their transaction name as label; kept for the transactions recognizer.
            foreach (var (md, line) in rest)
            {
                var m = Labelled().Match(md.Trim());
                if (m.Success) _webDescriptions[(key, m.Groups["label"].Value)] = (m.Groups["text"].Value, line);
                else AppendText(n, md, line);
            }
            return;
        }
        foreach (var (md, line) in rest) AppendText(n, md, line);
    }

    private readonly Dictionary<(string Section, string Transaction), (string Text, int Line)> _webDescriptions = new();

    private static readonly HashSet<string> WebSections = new(StringComparer.Ordinal)
        { "services_uri_ws_wado_uri", "services_studies_ws", "services_worklist_ws", "services_npi_ws", "services_notification_ws", "services_stgcmt_ws" };

    private static readonly (string Pattern, string Field)[] RoleFacts =
    {
        (@"^Duplicate SOP Instances \(same SOP Instance UID\):\s*(.+?)\.$", "duplicate_instances"),
        (@"^Priority:\s*(.+)$", "priority"),
        (@"^Relational queries/retrieval:\s*([YN])$", "relational"),
        (@"^Sub-operation SOP Classes:\s*(.+?)\.?$", "sub_operation_sop_classes"),
    };

    private static void RoleFact(YMap target, string field, string value, int line)
    {
        switch (field)
        {
            case "relational": target.Set(field, value == "Y"); break;
            case "sub_operation_sop_classes":
                var seq = target.Seq(field);
                foreach (System.Text.RegularExpressions.Match u in Regex.Matches(value, @"\((\d+(?:\.\d+)+)\)")) seq.Add(new YScalar(u.Groups[1].Value));
                break;
            default: target.Set(field, value); break;
        }
    }

    private static readonly Dictionary<string, (string Service, string Side)> RoleSections = new(StringComparer.Ordinal)
    {
        ["overview_verification"] = ("verification", "scu"),
        ["services_scu_mwl_find"] = ("worklist", "scu"), ["services_scp_mwl_find"] = ("worklist", "scp"),
        ["services_scu_mpps"] = ("mpps", "scu"), ["services_scp_mpps"] = ("mpps", "scp"),
        ["services_ups"] = ("ups", "scu"),
        ["services_scu_ian"] = ("instance_availability", "scu"), ["services_scp_ian"] = ("instance_availability", "scp"),
        ["services_scu_storage"] = ("storage", "scu"), ["services_scp_storage"] = ("storage", "scp"),
        ["services_scu_stgcmt"] = ("storage_commitment", "scu"), ["services_scp_stgcmt"] = ("storage_commitment", "scp"),
        ["services_scu_study_root_qr_find"] = ("query_retrieve/find", "scu"), ["services_scp_study_root_qr_find"] = ("query_retrieve/find", "scp"),
        ["services_scu_study_root_qr_move"] = ("query_retrieve/move", "scu"), ["services_scp_study_root_qr_move"] = ("query_retrieve/move", "scp"),
        ["services_qr"] = ("query_retrieve/get", "scu"),
        ["services_scu_basic_grayscale_print_meta"] = ("print", "scu"), ["services_scp_basic_grayscale_print_meta"] = ("print", "scp"),
    };

    private void AppendText(MappedSection n, string md, int line)
    {
        var content = SectionContent(n);
        if (content["text"] is YScalar existing) content.Set("text", existing.Value + "\n\n" + md);
        else { content.Set("text", md); content["text"]!.Comment = Src(line); }
    }

    private bool RemoteSystems(string md)
    {
        var items = md.Split('\n').Select(l => Regex.Match(Plain(l).Trim(), @"^[-*]?\s*(.+?):\s*(.+)$")).ToList();
        if (items.Any(m => !m.Success)) return false;
        var seq = ((YMap)_root["product"]!).Seq("remote_systems");
        foreach (var m in items)
        {
            var services = new YSeq();
            foreach (var s in m.Groups[2].Value.Split(';')) services.Add(new YScalar(s.Trim()));
            seq.Add(new YMap().Set("name", m.Groups[1].Value.Trim()).With("services", services));
        }
        return true;
    }

    // ------------------------------------------------------------------ template text

    private static readonly Dictionary<TemplateSection, List<Regex>> s_boilerplate = new();

    /// <summary>True when a paragraph (or every item of a list) is text the template itself prints in this section.</summary>
    private static bool IsBoilerplate(TemplateSection t, string md, MappedSection n)
    {
        List<Regex> patterns;
        lock (s_boilerplate)
        {
            if (!s_boilerplate.TryGetValue(t, out patterns!))
            {
                patterns = new List<Regex>();
                foreach (var b in t.Content)
                {
                    if (b.Paragraph is { } p) patterns.Add(Loose(p));
                    if (b.List is { } l) patterns.AddRange(l.Select(Loose));
                }
                s_boilerplate[t] = patterns;
            }
        }
        if (patterns.Count == 0) return false;
        var lines = md.Split('\n');
        bool IsList(string l) => Regex.IsMatch(l, @"^\s*(?:[-*+]|\d+[.)])\s+");
        if (lines.All(IsList))
            return lines.All(l => patterns.Any(p => p.IsMatch(Squeeze(Plain(Regex.Replace(l, @"^\s*(?:[-*+]|\d+[.)])\s+", ""))))));
        var text = Squeeze(Plain(md));
        return text.Length > 0 && patterns.Any(p => p.IsMatch(text));
    }

    private static string Squeeze(string s) => Regex.Replace(s.ToLowerInvariant(), @"[^a-z0-9]+", "");

    private static Regex Loose(string templateText)
    {
        var parts = Regex.Split(templateText, @"\{[^}]*\}");
        return new Regex("^" + string.Join(".*?", parts.Select(p => Regex.Escape(Squeeze(p)))) + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>Plain text of a Markdown fragment (emphasis, links and escapes removed).</summary>
    internal static string Plain(string md)
    {
        var s = Regex.Replace(md, @"!?\[([^\]]*)\]\([^)]*\)", "$1");
        s = Regex.Replace(s, @"\\([\\`*_{}\[\]()#+\-.!|<>~])", "$1");
        s = s.Replace("**", "").Replace("__", "");
        s = Regex.Replace(s, @"(?<![\w*])\*(?!\s)([^*]+?)\*(?!\w)", "$1");
        return s;
    }
}

internal static class YMapExtensions
{
    public static YMap With(this YMap m, string key, YNode value) { m[key] = value; return m; }
}
