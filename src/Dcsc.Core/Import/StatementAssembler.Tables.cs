using System.Text.RegularExpressions;
using Dcsc.Dictionary;
using Dcsc.Layout;

namespace Dcsc.Import;

// Table recognizers: a table is matched to a table of its template section (by caption, else by columns); tables
// the layout derives from declarations are turned back into those declarations, the others become rows of the
// template table. Tables of no template table are recognized by their columns (SOP Classes with roles, presentation
// contexts, attributes, …) or kept as text.
internal sealed partial class StatementAssembler
{
    private void Table(MappedSection n, TableBlock tb, List<(string Markdown, int Line)> narrative)
    {
        var label = TableLabel(tb);
        if (tb.Rows.Count == 0) return;
        var t = n.Template!;
        if (WebDetailTable(n, tb) is { } web)
        {
            _report.Tables.Add(new ReportEntry(tb.Line, label, Destination.Structured, web));
            return;
        }
        if (DetailTable(n, tb) is { } detail)
        {
            _report.Tables.Add(new ReportEntry(tb.Line, label, Destination.Structured, detail));
            return;
        }
        var (tt, fill) = MatchTemplateTable(t, tb, n);
        if (tt is not null)
        {
            foreach (var (name, value) in fill) SectionContent(n).Map("fill").Set(name, value);
            if (TemplateData.IsDerived(t.Key, tt.Key) || DerivedLike(tt.Key))
            {
                var what = Derived(n, tt, tb);
                _report.Tables.Add(new ReportEntry(tb.Line, label, what is null ? Destination.Derived : Destination.Structured, what ?? $"rebuilt from declarations ({tt.Key})"));
                return;
            }
            Rows(n, tt, tb);
            var target = $"sections.{t.Key}.tables.{tt.Key}";
            if (tt.Key.StartsWith("query_parameters_", StringComparison.Ordinal))
                target = $"query_parameters of the DICOMweb transaction of {t.Number} {n.Title}; rows that say more about the values: {target}";
            _report.Tables.Add(new ReportEntry(tb.Line, label, Destination.Structured, target));
            return;
        }
        if (Recognize(n, tb) is { } went)
        {
            _report.Tables.Add(new ReportEntry(tb.Line, label, went.StartsWith(AuthorTablePrefix, StringComparison.Ordinal) ? Destination.AuthorTable : Destination.Structured, went));
            return;
        }
        if (tb.Columns > MaxAuthorColumns)
        {
            narrative.Add((MarkdownTable(tb), tb.Line));
            _report.Tables.Add(new ReportEntry(tb.Line, label, Destination.Narrative, $"text of {t.Number} {t.Title} (Markdown table: more than {MaxAuthorColumns} columns for an author table)"));
            return;
        }
        _report.Tables.Add(new ReportEntry(tb.Line, label, Destination.AuthorTable, AuthorTable(SectionContent(n).Seq("added_tables"), tb) + $" of {t.Number} {n.Title}"));
    }

    private const string AuthorTablePrefix = "author table";

    /// <summary>Codes of Transfer Syntax Sets read from lists that name no SOP Class.</summary>
    private readonly List<string> _looseSets = new();

    /// <summary>The column limit of an author table (schema: author_table.columns maxItems).</summary>
    private const int MaxAuthorColumns = 16;

    private readonly HashSet<string> _authorKeys = new(StringComparer.Ordinal);

    /// <summary>Footnotes printed under a table ("Note 1: …"), by table; they go with the table when it becomes an author table.</summary>
    private readonly Dictionary<TableBlock, List<string>> _footnotes = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// A table no declaration holds, kept as an author table (caption, columns, rows, footnotes; docs/source-format.md
    /// "Author tables"): the caption without its number, a key made from it for <c>{table:key}</c> references.
    /// </summary>
    private string AuthorTable(YSeq into, TableBlock tb)
    {
        var caption = tb.Caption is { } c && ReaderText.CaptionPattern().Match(c) is { Success: true } m ? m.Groups[2].Value.Trim() : tb.Caption?.Trim();
        if (string.IsNullOrEmpty(caption)) caption = string.Join(", ", tb.Titles.Where(x => x.Length > 0).Take(3));
        if (string.IsNullOrEmpty(caption)) caption = "Table";
        var slug = Regex.Replace(caption.ToLowerInvariant(), @"[^a-z0-9]+", "_").Trim('_');
        if (slug.Length == 0 || !char.IsLetter(slug[0])) slug = "t_" + slug;
        if (slug.Length > 40) slug = slug[..40].TrimEnd('_');
        // The key the document carries (a statement dcsc wrote), else one made from the caption.
        string key;
        if (tb.Key is { } own && AuthorKeyPattern().IsMatch(own) && _authorKeys.Add(own)) key = own;
        else
        {
            key = slug;
            for (int k = 2; !_authorKeys.Add(key); k++) key = $"{slug}_{k}";
        }
        var width = Math.Min(tb.Columns, MaxAuthorColumns);
        var item = new YMap().Set("key", key).Set("caption", caption);
        item.Comment = Src(tb.Line);
        // A one-row table has no header row: its row is the data, its columns are unnamed.
        var headerless = !tb.Body.Any();
        item["columns"] = Scalars(Enumerable.Range(0, width).Select(i => !headerless && i < tb.Titles.Count && tb.Titles[i].Length > 0 ? tb.Titles[i] : $"Column {i + 1}"));
        var rows = item.Seq("rows");
        foreach (var r in headerless ? tb.Rows : tb.Body) rows.Add(Scalars(Enumerable.Range(0, width).Select(i => i < r.Count ? r[i] : "")));
        if (_footnotes.TryGetValue(tb, out var notes) && notes.Count > 0) { item["footnotes"] = Scalars(notes); _footnotes.Remove(tb); }
        into.Add(item);
        return $"{AuthorTablePrefix} \"{caption}\"";
    }

    /// <summary>An author table key (schema: author_table.key).</summary>
    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex AuthorKeyPattern();

    private static bool DerivedLike(string key) => key is "module_for_iod" or "iod" or "functional_group_macros_used_in_iod" or "values_and_code_sets_for_iod";

    /// <summary>The template table a source table is: by caption title, else by its column titles.</summary>
    private static (TemplateTable? Table, List<(string Name, string Value)> Fill) MatchTemplateTable(TemplateSection t, TableBlock tb, MappedSection n)
    {
        var fill = new List<(string, string)>();
        if (t.Tables.Count == 0) return (null, fill);
        if (tb.Caption is { } cap)
        {
            var m = ReaderText.CaptionPattern().Match(cap);
            var title = SectionMapper.Normalize(m.Success ? m.Groups[2].Value : cap);
            foreach (var x in t.Tables)
            {
                // Tokens: the instance names this section stands for are literal; {placeholder:X} captures the fill value; {module} is any text.
                var names = new List<string>();
                var pattern = "^" + Regex.Replace(x.Title, @"\{([a-z_]+)(?::([^}]*))?\}|[^{]+", tok =>
                {
                    if (!tok.Value.StartsWith('{')) return Regex.Escape(" " + SectionMapper.Normalize(tok.Value) + " ");
                    var kind = tok.Groups[1].Value;
                    if (kind == "placeholder") { names.Add(tok.Groups[2].Value); return $"(?<p{names.Count - 1}>.+?)"; }
                    var instance = n.InstanceOf(kind == "template" ? "sr_template" : kind);
                    return instance is null ? ".+?" : Regex.Escape(" " + SectionMapper.Normalize(instance) + " ");
                }) + "$";
                pattern = pattern.Replace(@"\ ", @"\s*");
                if (Regex.Match(title, pattern) is { Success: true } hit)
                {
                    for (int i = 0; i < names.Count; i++)
                    {
                        // the caption's own words for the placeholder (not the normalised ones)
                        var raw = m.Success ? m.Groups[2].Value : cap;
                        var rawHit = Regex.Match(raw, Regex.Replace(x.Title, @"\{([a-z_]+)(?::([^}]*))?\}|[^{]+", tok => tok.Value.StartsWith('{')
                            ? (tok.Groups[1].Value == "placeholder" ? "(.+?)" : ".+?") : Regex.Escape(tok.Value)) + "$");
                        fill.Add((names[i], rawHit.Success ? rawHit.Groups[1 + i].Value.Trim() : hit.Groups["p" + i].Value.Trim()));
                    }
                    return (x, fill);
                }
            }
        }
        var titles = tb.Titles.Select(SectionMapper.Normalize).ToList();
        foreach (var x in t.Tables)
        {
            var cols = x.Columns.Select(c => SectionMapper.Normalize(c.Title)).ToList();
            if (cols.Count == titles.Count && cols.Zip(titles).All(p => p.First == p.Second || p.First.Length == 0 || p.Second.Length == 0)) return (x, fill);
        }
        return (null, fill);
    }

    /// <summary>
    /// Cells of a body row by template column key (columns matched by title, else by position). In a configuration
    /// table drawn in parts (Local / Remote Configuration Parameters, Table 6-2 ff.), a part's title row sets the part
    /// of the rows below it (collected in <paramref name="parts"/>, null for the first part) and its header row is not a row.
    /// </summary>
    private static List<(Dictionary<string, string> Cells, string? Group, int Index)> Keyed(TemplateTable tt, TableBlock tb, List<string?>? parts = null)
    {
        var partByTitle = tt.Parts.GroupBy(p => SectionMapper.Normalize(p.Title)).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        var partHeaders = tt.Parts.Select(p => string.Join("|", p.Header.Select(SectionMapper.Normalize))).ToHashSet(StringComparer.Ordinal);
        string? part = null;
        var titles = tb.Titles.Select(SectionMapper.Normalize).ToList();
        var keys = new string?[titles.Count];
        var used = new HashSet<int>();
        for (int i = 0; i < titles.Count; i++)
        {
            var j = tt.Columns.FindIndex(c => !used.Contains(tt.Columns.IndexOf(c)) && SectionMapper.Normalize(c.Title) == titles[i] && titles[i].Length > 0);
            if (j >= 0) { keys[i] = tt.Columns[j].Key; used.Add(j); }
        }
        for (int i = 0; i < titles.Count; i++)
            if (keys[i] is null && i < tt.Columns.Count && !used.Contains(i)) { keys[i] = tt.Columns[i].Key; used.Add(i); }
        var rows = new List<(Dictionary<string, string>, string?, int)>();
        string? group = null;
        int index = 0;
        foreach (var r in tb.Body)
        {
            if (partHeaders.Count > 0 && partHeaders.Contains(string.Join("|", r.Select(SectionMapper.Normalize)))) continue;
            // A row with only its first cell is a group title, except in a Query Parameters table where it names a
            // parameter (the layout prints a declared parameter so; the template's groups there are "Rendered resource", …).
            if (r.Count > 2 && r[0].Length > 0 && r.Skip(1).All(c => c.Length == 0) && !IsQueryParameterOnlyRow(tt, r))
            {
                if (partByTitle.TryGetValue(SectionMapper.Normalize(r[0]), out var key))
                {
                    part = key == tt.Parts[0].Key ? null : key;
                    group = null;
                }
                else group = r[0];
                continue;
            }
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < r.Count && i < keys.Length; i++)
                if (keys[i] is { } k && r[i].Length > 0) cells[k] = r[i];
            if (cells.Count > 0)
            {
                rows.Add((cells, group, index++));
                parts?.Add(part);
            }
        }
        return rows;
    }

    /// <summary>A template table that is not derived: its rows, as the source format takes them under sections.</summary>
    private void Rows(MappedSection n, TemplateTable tt, TableBlock tb)
    {
        var seq = SectionContent(n).Map("tables").Seq(tt.Key);
        bool first = true;
        var partOfRow = new List<string?>();
        foreach (var ((cells, group, _), part) in Keyed(tt, tb, partOfRow).Zip(partOfRow))
        {
            // Table 6-1 rows dcsc derives from AE Titles and association parameters go back into those declarations.
            if (tt.Key == "general_configuration_parameters" && group is null && ConfigurationRow(cells)) continue;
            var row = new YMap();
            if (part is not null) row.Set("part", part);
            if (group is not null) row.Set("group", group);
            foreach (var c in tt.Columns)
            {
                if (!cells.TryGetValue(c.Key, out var v)) continue;
                // "SINGLE_VALUE; RANGE": several defined terms in one cell are a list in the source format.
                var parts = Split(v).ToList();
                if (parts.Count > 1 && parts.All(x => Regex.IsMatch(x, @"^[A-Z][A-Z0-9_]*$")) && SourceSchema.ColumnTakesList(n.Template!.Key, tt.Key, c.Key))
                    row[c.Key] = Scalars(parts);
                else row.Set(c.Key, v);
            }
            if (first) { row.Comment = Src(tb.Line); first = false; }
            seq.Add(row);
            QueryParameterRow(n, tt, row, cells);
        }
        if (seq.Items.Count == 0)
        {
            var tables = SectionContent(n).Map("tables");
            tables[tt.Key] = null;
            if (tables.Count == 0) SectionContent(n)["tables"] = null;
        }
    }

    private static bool Y(Dictionary<string, string> c, string key) => c.TryGetValue(key, out var v) && Regex.IsMatch(v.Trim(), @"^(?:Y|Yes|X|✓|✔|true)$", RegexOptions.IgnoreCase);

    private static string? V(Dictionary<string, string> c, string key) => c.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    private static IEnumerable<string> Split(string? s) => (s ?? "").Split(';').Select(x => x.Trim()).Where(x => x.Length > 0);

    private SopInfo Sop(string uid, string? name, int line)
    {
        uid = CleanUid(uid);
        if (!_sops.TryGetValue(uid, out var s)) { s = new SopInfo { Uid = uid, Line = line }; _sops[uid] = s; }
        if (name is { Length: > 0 } && s.Name.Length == 0) s.Name = name;
        return s;
    }

    /// <summary>A UID as printed: spaces and soft hyphens a line break left inside it removed.</summary>
    internal static string CleanUid(string uid) => Regex.Replace(uid, @"[\s\u00ad\u200b]", "");

    /// <summary>Turns a derived table back into declarations; returns where it went, or null when the table is purely derived.</summary>
    private string? Derived(MappedSection n, TemplateTable tt, TableBlock tb)
    {
        var rows = Keyed(tt, tb);
        switch (tt.Key)
        {
            case "storage_sop_classes":
                foreach (var (c, _, _) in rows)
                {
                    if (V(c, "sop_class_uid") is not { } uid) continue;
                    var s = Sop(uid, V(c, "sop_class_name"), tb.Line);
                    var setCell = Split(V(c, "transfer_syntax_set")).ToList();
                    s.Sets = setCell.Where(x => PolicyOfLabel(x) is null).ToList();
                    s.Policy = setCell.Select(PolicyOfLabel).FirstOrDefault(x => x is not null);
                    s.Scu |= Y(c, "scu"); s.Scp |= Y(c, "scp"); s.UserAgent = Y(c, "ua"); s.OriginServer = Y(c, "os");
                    s.Fsc = Y(c, "fsc"); s.Fsu = Y(c, "fsu"); s.Fsr = Y(c, "fsr");
                    s.Create = V(c, "create") is { } cr && cr != "N" ? cr : null;
                    s.Display = Y(c, "display"); s.Process = Y(c, "process"); s.Archive = Y(c, "archive");
                }
                return "sop_classes (roles, Transfer Syntax Sets, functions)";
            case "supported_transfer_syntaxes":
            {
                TsSet? cur = null;
                foreach (var (c, _, _) in rows)
                {
                    if (V(c, "transfer_syntax_set") is { } setLabel)
                    {
                        var m = Regex.Match(setLabel, @"^(.*?)\s*\(([^()]+)\)$");
                        cur = new TsSet(m.Success ? m.Groups[2].Value.Trim() : setLabel, m.Success ? m.Groups[1].Value.Trim() : setLabel, new(), tb.Line);
                        _sets.Add(cur);
                    }
                    if (cur is null || V(c, "transfer_syntax_uid") is not { } uid) continue;
                    cur.Syntaxes.Add((CleanUid(uid), V(c, "transfer_syntax_name") ?? uid, V(c, "dicom_web_service_bulkdata_media_type")));
                }
                return "transfer_syntax_sets";
            }
            case "verification_sop_class" or "workflow_management_sop_classes" or "query_retrieve_sop_classes" or "printing_sop_classes" or "supported_real_time_video_sop_classes":
                foreach (var (c, _, _) in rows)
                {
                    if (V(c, "sop_class_uid") is not { } uid) continue;
                    var s = Sop(uid, V(c, "sop_class_name"), tb.Line);
                    s.Scu |= Y(c, "scu"); s.Scp |= Y(c, "scp");
                    s.TsUids = Split(V(c, "transfer_syntax_uid")).Select(CleanUid).ToList();
                    s.Policy ??= Split(V(c, "transfer_syntax_name")).Select(PolicyOfLabel).FirstOrDefault(x => x is not null);
                    if (V(c, "transfer_syntax_set") is { } set) s.Sets = Split(set).ToList();
                }
                return "sop_classes (roles, Transfer Syntaxes)";
            case "supported_root_sr_template_ids_tids":
            {
                YMap? cur = null;
                foreach (var (c, _, _) in rows)
                {
                    if (V(c, "name") is { } name)
                    {
                        cur = new YMap().Set("name", name).Set("tid", V(c, "root_tid"));
                        var fns = cur.Seq("functions"); foreach (var f in Split(V(c, "function"))) fns.Add(new YScalar(f));
                        cur.Seq("sop_classes");
                        cur.Set("condition", V(c, "condition"));
                        cur.Comment = Src(tb.Line);
                        ((YSeq)_root["sr_templates"]!).Add(cur);
                        _srTemplates[$"{name} (TID {V(c, "root_tid")})"] = cur;
                    }
                    if (cur is not null && V(c, "sop_class_uid") is { } uid) cur.Seq("sop_classes").Add(new YScalar(CleanUid(uid)));
                }
                return "sr_templates";
            }
            case "uri_service" or "study_service" or "worklist_service" or "non_patient_instance_service" or "storage_commitment_service":
            {
                var service = tt.Key switch { "uri_service" => "URI", "study_service" => "Studies", "worklist_service" => "Worklist", "non_patient_instance_service" => "Non-Patient Instance", _ => "Storage Commitment" };
                var seq = ((YMap)_root["dicomweb"]!).Seq("transactions");
                foreach (var (c, _, _) in rows)
                {
                    if (V(c, "transaction") is not { } tr) continue;
                    var item = new YMap().Set("service", service).Set("transaction", tr);
                    if (Y(c, "user_agent")) item.Set("user_agent", true);
                    if (Y(c, "origin_server")) item.Set("origin_server", true);
                    var res = new YSeq(); foreach (var r in Split(V(c, "resource"))) res.Add(new YScalar(r));
                    if (res.Items.Count > 0) item["resources"] = res;
                    seq.Add(item);
                }
                return "dicomweb.transactions";
            }
            case "supported_media_application_profiles":
            {
                var seq = ((YMap)_root["media"]!).Seq("profiles");
                foreach (var (c, group, _) in rows)
                {
                    if (V(c, "media_storage_application_profile") is not { } p) continue;
                    var item = new YMap().Set("profile", p).Set("media", group ?? "Other");
                    var fsAe = _aes.Keys.FirstOrDefault(a => a.Contains("MEDIA", StringComparison.OrdinalIgnoreCase) || a.Contains("FSC", StringComparison.OrdinalIgnoreCase));
                    if (fsAe is not null) item.Set("ae", fsAe);
                    if (Y(c, "fsc")) item.Set("fsc", true);
                    if (Y(c, "fsr")) item.Set("fsr", true);
                    if (Y(c, "fsu")) item.Set("fsu", true);
                    seq.Add(item);
                }
                return "media.profiles";
            }
            case "de_identification_profiles":
                if (((YSeq)_root["de_identification"]!).Items.Count > 0) return null;
                foreach (var (c, _, _) in rows)
                {
                    if (V(c, "profile") is not { } p) continue;
                    var item = new YMap().Set("profile", p);
                    var opts = item.Seq("options"); foreach (var o in Split(V(c, "option"))) opts.Add(new YScalar(o));
                    item.Set("de_identifier", true);
                    ((YSeq)_root["de_identification"]!).Add(item);
                }
                return "de_identification";
            case "attribute_confidentiality_profiles":
            {
                var seq = (YSeq)_root["de_identification"]!;
                seq.Items.Clear();
                foreach (var (c, _, _) in rows)
                {
                    if (V(c, "profile") is not { } p) continue;
                    var item = new YMap().Set("profile", p);
                    var opts = item.Seq("options"); foreach (var o in Split(V(c, "option"))) opts.Add(new YScalar(o));
                    item.Set("ae", V(c, "ae")).Set("de_identifier", Y(c, "de_identifier")).Set("re_identifier", Y(c, "re_identifier")).Set("configurable", Y(c, "configurable"));
                    seq.Add(item);
                }
                return "de_identification";
            }
            case "supported_specific_character_sets":
                foreach (var (c, _, _) in rows)
                    if (V(c, "defined_term") is { } dt)
                        ((YSeq)_root["character_sets"]!).Add(new YMap().Set("defined_term", dt).Set("description", V(c, "description")));
                return "character_sets";
            case "revision_history":
                foreach (var (c, _, _) in rows)
                {
                    var item = new YMap().Set("revision", V(c, "revision") ?? "").Set("date", V(c, "date") ?? "").Set("product_versions", V(c, "product_version_s")).Set("change", V(c, "change") ?? "");
                    ((YSeq)_root["revision_history"]!).Add(item);
                }
                return "revision_history";
            case "dicom_terms_and_definitions": return null;
            case "product_specific_terms":
            {
                var known = TemplateData.Terms.DicomTerms.Select(x => x.Term).ToHashSet(StringComparer.Ordinal);
                foreach (var (c, _, _) in rows)
                    if (V(c, "term") is { } term && !known.Contains(term))
                        ((YMap)_root["introduction"]!).Seq("terms").Add(new YMap().Set("term", term).Set("definition", V(c, "definition") ?? ""));
                return "introduction.terms";
            }
            case "abbreviations":
            {
                var known = TemplateData.Terms.Abbreviations.Select(x => x.Abbreviation + "\n" + x.Meaning).ToHashSet(StringComparer.Ordinal);
                foreach (var (c, _, _) in rows)
                {
                    var ab = V(c, tt.Columns[0].Key);
                    var meaning = tt.Columns.Count > 1 ? V(c, tt.Columns[1].Key) : null;
                    if (ab is null || known.Contains(ab + "\n" + meaning)) continue;
                    ((YMap)_root["introduction"]!).Seq("abbreviations").Add(new YMap().Set("abbreviation", ab).Set("meaning", meaning ?? ""));
                }
                return "introduction.abbreviations";
            }
            case "service_to_ae_mapping":
            {
                string? ae = null;
                foreach (var r in tb.Body)
                {
                    if (r.Count < 4) continue;
                    if (r[0].Length > 0) ae = r[0];
                    if (ae is null || r[1].Length == 0) continue;
                    bool C(int i) => i < r.Count && Regex.IsMatch(r[i], "^Y", RegexOptions.IgnoreCase);
                    _serviceRows.Add(new ServiceRow(ae, r[1], C(2), C(3), C(4), C(5), C(6), C(7), C(8)));
                    Ae(ae, tb.Line);
                }
                return "roles of SOP Classes per AE";
            }
            case "levels_of_conformance":
            {
                var scp = ((YMap)_root["dimse"]!).Map("storage").Map("scp");
                foreach (var r in tb.Body)
                {
                    if (r.Count < 2 || !long.TryParse(r[^1], out var v)) continue;
                    scp.Set(r[0].Contains("Signature", StringComparison.OrdinalIgnoreCase) ? "digital_signature_level" : "level_of_support", v);
                }
                return "dimse.storage.scp levels";
            }
            case "general_association_parameters": Association((YMap)_root["association"]!, tb); return "association";
            case "association_parameters_for_ae" when n.Ae is { } aeName: Association(Ae(aeName, tb.Line).Map("association"), tb); return "application_entities.association";
            case "extended_negotiation_for_activity_of_ae_association_initiation" or "extended_negotiation_for_activity_of_ae_association_acceptance" when n.Activity is not null:
            {
                var act = Activity(n.Ae!, n.Activity, tt.Key.EndsWith("acceptance", StringComparison.Ordinal) ? "acceptor" : "initiator", tb.Line);
                foreach (var (c, group, _) in rows)
                {
                    var sop = V(c, "sop_class") ?? "";
                    var uid = UidOfName(sop) ?? sop;
                    var item = new YMap().Set("sop_class", uid).Set("negotiation", V(c, "extended_negotiation") ?? "").Set("support", Y(c, "support")).Set("value", V(c, "requested_value"));
                    if (group is not null) item.Set("group", group);
                    act.Seq("extended_negotiation").Add(item);
                }
                return "activity extended_negotiation";
            }
            case "transfer_syntax_selection_preference_order_image_sop_classes_for_ae" or "transfer_syntax_selection_preference_order_video_sop_classes_for_ae"
                or "transfer_syntax_selection_preference_order_non_image_sop_classes_for_ae" when n.Activity is not null:
            {
                var act = Activity(n.Ae!, n.Activity, "acceptor", tb.Line);
                var label = tt.Key.Contains("non_image", StringComparison.Ordinal) ? "Non-Image SOP Classes" : tt.Key.Contains("video", StringComparison.Ordinal) ? "Video SOP Classes" : "Image SOP Classes";
                var item = new YMap().Set("sop_classes", label);
                var ts = item.Seq("transfer_syntaxes");
                var comments = new YSeq();
                foreach (var (c, _, _) in rows) { if (V(c, "uid") is { } u) { ts.Add(new YScalar(CleanUid(u))); comments.Add(new YScalar(V(c, "comments") ?? "")); } }
                if (comments.Items.Any(x => ((YScalar)x).Value.Length > 0)) item["comments"] = comments;
                act.Seq("transfer_syntax_selection").Add(item);
                return "activity transfer_syntax_selection";
            }
            case "secure_use_and_user_identity_profiles" or "secure_transport_connection_profiles":
            {
                var kind = tt.Key.StartsWith("secure_use", StringComparison.Ordinal) ? "secure_use" : "secure_transport";
                foreach (var (c, _, _) in rows)
                {
                    if (V(c, "profile") is not { } p) continue;
                    var item = new YMap().Set("profile", p).Set("kind", kind).Set("secured_ae", V(c, "secured_ae"))
                        .Set("sender", Y(c, "sender") || Y(c, "creator_sender")).Set("receiver", Y(c, "receiver") || Y(c, "consumer_receiver")).Set("reference", V(c, "reference"));
                    ((YMap)_root["security"]!).Seq("profiles").Add(item);
                }
                return "security.profiles";
            }
            case "user_identity_negotiation_as_association_initiator" or "user_identity_negotiation_as_association_acceptor":
            {
                var side = tt.Key.EndsWith("initiator", StringComparison.Ordinal) ? "initiator" : "acceptor";
                foreach (var (c, _, _) in rows)
                {
                    var label = V(c, "user_identity_negotiation") ?? "";
                    var type = Regex.Match(label, @"Type\s*(\d+)") is { Success: true } m ? m.Groups[1].Value : label;
                    ((YMap)_root["security"]!).Map("user_identity").Seq(side).Add(new YMap().Set("type", type).Set("supported", Y(c, "supported"))
                        .Set("value", V(c, "requested_value") ?? V(c, "supported_value")));
                }
                return "security.user_identity";
            }
            case "iod" when n.Iod is { } iodName:
            {
                var iod = Iod(iodName, tb.Line);
                foreach (var (c, _, _) in rows)
                {
                    if (V(c, "module_name") is not { } name) continue;
                    var m = Module(iod.Seq("modules"), name);
                    m.Set("ie", V(c, "ie")).Set("presence", V(c, "presence_module")).Set("condition", V(c, "condition"));
                    var reference = V(c, "reference");
                    if (reference is not null && Regex.IsMatch(reference, @"\bA\.1\b|Shared|Common", RegexOptions.IgnoreCase)) m.Set("shared", true);
                    else m.Set("reference", reference);
                }
                return "iods.modules";
            }
            case "functional_group_macros_used_in_iod" when n.Iod is { } iodName:
            {
                var iod = Iod(iodName, tb.Line);
                foreach (var (c, _, _) in rows)
                {
                    if (V(c, "functional_group_macro") is not { } name) continue;
                    var m = Module(iod.Seq("functional_groups"), name);
                    m.Set("presence", V(c, "presence")).Set("condition", V(c, "condition")).Set("usage", V(c, "usage"));
                    var reference = V(c, "reference");
                    if (reference is not null && Regex.IsMatch(reference, @"\bA\.1\b|Shared|Common", RegexOptions.IgnoreCase)) m.Set("shared", true);
                    else m.Set("reference", reference);
                }
                return "iods.functional_groups";
            }
            case "module_for_iod" when n.Iod is { } iodName:
            {
                var iod = Iod(iodName, tb.Line);
                var list = n.Template!.Key switch { "annex_a_iod_fg_macros" => "functional_groups", "annex_a_iod_private_modules" => "private_modules", _ => "modules" };
                var cap = tb.Caption is { } cp && ReaderText.CaptionPattern().Match(cp) is { Success: true } cm ? cm.Groups[2].Value : tb.Caption ?? "";
                var moduleName = Regex.Replace(cap, @"\s+for\s+" + Regex.Escape(iodName) + "$", "").Trim();
                var module = PrivateCreator(Module(iod.Seq(list), CaptionModuleName(moduleName)), moduleName);
                Attributes(module, rows);
                return $"iods.{list}.attributes";
            }
            case "values_and_code_sets_for_iod" when n.Iod is { } iodName:
                CodedValues(Iod(iodName, tb.Line).Seq("coded_values"), rows);
                return "iods.coded_values";
            case "values_and_code_sets_shared_across_iods":
                CodedValues(((YMap)_root["shared_modules"]!).Seq("coded_values"), rows);
                return "shared_modules.coded_values";
            case "mapping_of_attributes_from_modality_worklist_to_instance_and_mpps" when n.Mapping is { } mapName:
            {
                var map = Mapping(mapName, tb.Line);
                foreach (var (c, _, _) in rows)
                {
                    var item = new YMap().Set("name", V(c, "attribute_name_in_image_mpps") ?? "").Set("tag", V(c, "tag") ?? "").Set("scenario", V(c, "scenario"))
                        .Set("instance_source", V(c, "value_source")).Set("instance_destination", V(c, "destination"))
                        .Set("mpps_source", V(c, "value_source_2")).Set("mpps_destination", V(c, "destination_2")).Set("comment", V(c, "comments"));
                    map.Seq("rows").Add(item);
                }
                return "mappings.rows";
            }
        }
        if (n.Template!.Key is "annex_a_common_modules" or "annex_a_common_fg_macros" or "annex_a_common_private_modules")
        {
            var list = n.Template.Key switch { "annex_a_common_fg_macros" => "functional_groups", "annex_a_common_private_modules" => "private_modules", _ => "modules" };
            var cap = tb.Caption is { } cp && ReaderText.CaptionPattern().Match(cp) is { Success: true } cm ? cm.Groups[2].Value : tt.Title;
            var module = PrivateCreator(Module(((YMap)_root["shared_modules"]!).Seq(list), CaptionModuleName(cap.Trim())), cap.Trim());
            Attributes(module, rows);
            return $"shared_modules.{list}";
        }
        return null;
    }

    /// <summary>A module table's caption names a private module with its creator: <c>Name (Private Creator "ACME 1")</c>.</summary>
    private static readonly Regex PrivateCreatorCaption = new(@"^(?<name>.+?)\s+\(Private Creator ""(?<creator>[^""]*)""\)$", RegexOptions.CultureInvariant);

    private static string CaptionModuleName(string caption) =>
        PrivateCreatorCaption.Match(caption) is { Success: true } m ? m.Groups["name"].Value : caption;

    private static YMap PrivateCreator(YMap module, string caption)
    {
        if (PrivateCreatorCaption.Match(caption) is { Success: true } m) module.Set("private_creator", m.Groups["creator"].Value);
        return module;
    }

    private static YMap Module(YSeq modules, string name)
    {
        var m = modules.Items.OfType<YMap>().FirstOrDefault(x => (x["name"] as YScalar)?.Value == name);
        if (m is null) { m = new YMap().Set("name", name); modules.Add(m); }
        return m;
    }

    private static void Attributes(YMap module, List<(Dictionary<string, string> Cells, string? Group, int Index)> rows)
    {
        var seq = module.Seq("attributes");
        foreach (var (c, group, _) in rows)
        {
            var item = new YMap().Set("name", V(c, "attribute_name") ?? "").Set("tag", V(c, "tag") ?? "").Set("vr", V(c, "vr")).Set("vm", V(c, "vm"))
                .Set("identifiable", V(c, "identifiable_information"));
            var src = Split(V(c, "source")).ToList();
            if (src.Count == 1) item.Set("source", src[0]);
            else if (src.Count > 1) { var s = item.Seq("source"); foreach (var x in src) s.Add(new YScalar(x)); }
            item.Set("presence_of_attribute", V(c, "presence_of_attribute")).Set("presence_of_value", V(c, "presence_of_value")).Set("value", V(c, "value"))
                .Set("condition", V(c, "conditions")).Set("comment", V(c, "comments") ?? V(c, "description"));   // A-26: "Description"
            if (group is not null) item.Set("group", group);
            seq.Add(item);
        }
    }

    private static void CodedValues(YSeq seq, List<(Dictionary<string, string> Cells, string? Group, int Index)> rows)
    {
        foreach (var (c, _, _) in rows)
            seq.Add(new YMap().Set("name", V(c, "attribute_name") ?? "").Set("tag", V(c, "tag") ?? "").Set("value", V(c, "value_code") ?? "")
                .Set("condition", V(c, "condition")).Set("comment", V(c, "comments")));
    }

    private static readonly Dictionary<string, string> AssociationFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Application Context Name"] = "application_context_name",
        ["Implementation Class UID"] = "implementation_class_uid",
        ["Implementation Version Name"] = "implementation_version_name",
        ["Maximum PDU Length"] = "max_pdu_length", ["Maximum PDU size"] = "max_pdu_length", ["Max PDU Length"] = "max_pdu_length",
        ["ARTIM Timeout"] = "artim_timeout",
        ["Maximum Number of Simultaneous Associations as Initiator"] = "max_associations_initiator",
        ["Maximum Number of Simultaneous Associations as Acceptor"] = "max_associations_acceptor",
        ["Maximum Number of Outstanding Asynchronous Operations"] = "max_async_operations",
        ["Port"] = "port", ["Listening Port"] = "port", ["TCP Port"] = "port",
        ["File Meta Information Version"] = "file_meta_information_version",
        ["Maximum Number of Simultaneous Server Connections"] = "max_server_connections", ["Maximum Number of Server Connections"] = "max_server_connections",
        ["DIMSE Timeout"] = "dimse_timeout", ["Network (TCP Connect) Timeout"] = "network_timeout", ["Association Idle Timeout"] = "idle_timeout",
    };

    private static readonly HashSet<string> NumericAssociationFields = new(StringComparer.Ordinal)
        { "max_pdu_length", "max_associations_initiator", "max_associations_acceptor", "max_async_operations", "port", "max_server_connections" };

    private void Association(YMap target, TableBlock tb)
    {
        string? category = null;
        foreach (var r in tb.Body)
        {
            if (r.Count < 2) continue;
            string name, value;
            if (r.Count >= 3) { if (r[0].Length > 0) category = r[0]; name = r[1]; value = r[2]; }
            else { name = r[0]; value = r[1]; }
            if (name.Length == 0) continue;
            if (AssociationFields.TryGetValue(name.Trim(), out var field) && !target.Has(field))
            {
                var numeric = NumericAssociationFields.Contains(field);
                var unit = ModelBinderSettingUnit(field, out var isSetting);
                YNode? node = isSetting ? SettingNode(field, unit, value, numeric)
                    : new YScalar(field.EndsWith("uid", StringComparison.Ordinal) ? CleanUid(value) : value);
                if (node is not null)
                {
                    // A per-AE table repeats the product-wide value it inherits (7.1.1): only a different value is the AE's own.
                    var general = (YMap)_root["association"]!;
                    if (!ReferenceEquals(target, general) && general[field] is { } g && YamlWriter.Canonical(g) == YamlWriter.Canonical(node)) continue;
                    target[field] = node;
                    continue;
                }
            }
            target.Seq("other").Add(new YMap().Set("category", category).Set("name", name).Set("value", value));
        }
        if (target["other"] is YSeq o)
        {
            target["other"] = null;
            target["other"] = o; // keep "other" last
        }
    }

    /// <summary>Whether a parameter takes the value-or-mapping form (ModelBinder.SettingKeys), and its default unit.</summary>
    private static string? ModelBinderSettingUnit(string field, out bool isSetting)
    {
        foreach (var (key, _, unit) in Dcsc.Model.ModelBinder.SettingKeys)
            if (key == field) { isSetting = true; return unit; }
        isSetting = false;
        return null;
    }

    private string? UidOfName(string name)
    {
        if (Regex.IsMatch(name, @"^\d+(\.\d+)+$")) return name;
        var known = _sops.Values.FirstOrDefault(s => s.Name == name);
        if (known is not null) return known.Uid;
        return _dict.Uids.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase))?.Uid;
    }

    // ------------------------------------------------------------------ SOP Classes: roles per AE, Transfer Syntax Sets

    private void FinishSopClasses()
    {
        var catalog = new SopClassNames(_dict);
        // Transfer Syntax Sets
        var setsSeq = (YSeq)_root["transfer_syntax_sets"]!;
        foreach (var set in _sets)
        {
            var item = new YMap().Set("code", set.Code).Set("name", set.Name);
            item.Comment = Src(set.Line);
            var ts = item.Seq("transfer_syntaxes");
            foreach (var (uid, name, media) in set.Syntaxes) ts.Add(new YMap().Set("uid", uid).Set("name", name).Set("bulkdata_media_type", media));
            setsSeq.Add(item);
        }
        // Activities name the SOP Classes each AE uses.
        var activityAes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var ((ae, _), act) in _activities)
            if (act["sop_classes"] is YSeq list)
                foreach (var u in list.Items.OfType<YScalar>())
                    (activityAes.TryGetValue(u.Value, out var s) ? s : activityAes[u.Value] = new(StringComparer.Ordinal)).Add(ae);
        foreach (var uid in activityAes.Keys) if (!_sops.ContainsKey(uid)) Sop(uid, catalog.Name(uid), 0);

        var seq = (YSeq)_root["sop_classes"]!;
        int looseUsers = 0;
        foreach (var s in _sops.Values.OrderBy(s => s.Uid, UidComparer.Instance))
        {
            var service = catalog.ServiceClass(s.Uid) ?? "";
            var display = ServiceDisplayName(service);
            var rowsForService = _serviceRows.Where(r => r.Service == display).ToList();
            if (s.RolesKnown) { }
            else
            {
                foreach (var (roleOn, want, aes) in new[] { (true, s.Scu, s.ScuAes), (false, s.Scp, s.ScpAes) })
                {
                    if (!want) continue;
                    var candidates = rowsForService.Where(r => roleOn ? r.Scu : r.Scp).Select(r => r.Ae).Distinct().ToList();
                    var inActivities = activityAes.GetValueOrDefault(s.Uid) ?? new HashSet<string>();
                    // Several AEs offer the service: those whose activities list this SOP Class, when any does,
                    // plus those that list no SOP Class of this service at all (the service table is their only record).
                    if (candidates.Count > 1 && inActivities.Overlaps(candidates))
                        candidates = candidates.Where(a => inActivities.Contains(a) || !ListsServiceSop(a, display, catalog)).ToList();
                    if (candidates.Count == 0 && inActivities.Count > 0) candidates = inActivities.ToList();
                    foreach (var a in candidates) aes.Add(a);
                }
            }
            if (s.Sets.Count == 0 && s.TsUids.Count > 0) s.Sets = SetsFor(s.TsUids, service);
            if (s.Sets.Count == 0 && _looseSets.Count > 0)
            {
                s.Sets = _looseSets.ToList();
                looseUsers++;
            }
            var item = new YMap().Set("uid", s.Uid).Set("name", s.Name.Length > 0 ? s.Name : catalog.Name(s.Uid) ?? s.Uid);
            if (s.Line > 0) item.Comment = Src(s.Line);
            var aeOrder = _aes.Keys.ToList();
            if (s.ScuAes.Count > 0) item["scu"] = Scalars(s.ScuAes.OrderBy(a => aeOrder.IndexOf(a)));
            if (s.ScpAes.Count > 0) item["scp"] = Scalars(s.ScpAes.OrderBy(a => aeOrder.IndexOf(a)));
            if (s.UserAgent) item.Set("user_agent", true);
            if (s.OriginServer) item.Set("origin_server", true);
            if (s.Fsc) item.Set("fsc", true);
            if (s.Fsu) item.Set("fsu", true);
            if (s.Fsr) item.Set("fsr", true);
            if (s.Sets.Count > 0) item["transfer_syntax_sets"] = Scalars(s.Sets);
            item.Set("transfer_syntax_policy", s.Policy);
            item.Set("create", s.Create);
            if (s.Display) item.Set("display", true);
            if (s.Process) item.Set("process", true);
            if (s.Archive) item.Set("archive", true);
            item.Set("comment", s.Comment);
            seq.Add(item);
            _report.SopClassesFound++;
            var anyRole = s.ScuAes.Count > 0 || s.ScpAes.Count > 0 || s.UserAgent || s.OriginServer || s.Fsc || s.Fsu || s.Fsr;
            if (anyRole) _report.SopClassesWithRoles++;
            if ((s.Scu && s.ScuAes.Count == 0) || (s.Scp && s.ScpAes.Count == 0))
                _report.Contradictions.Add((s.Line, $"SOP Class {s.Name} ({s.Uid}) has the {(s.Scu && s.ScuAes.Count == 0 ? "SCU" : "SCP")} role in an overview table but no Application Entity provides it"));
            if (_dict.FindUid(s.Uid) is { } known && s.Name.Length > 0 && !string.Equals(Norm(known.Name), Norm(s.Name), StringComparison.Ordinal) && !Norm(s.Name).Contains(Norm(known.Name)) && !Norm(known.Name).Contains(Norm(s.Name)))
                _report.Contradictions.Add((s.Line, $"SOP Class UID {s.Uid} is \"{known.Name}\" in the DICOM dictionary, the source calls it \"{s.Name}\""));
        }
        if (looseUsers > 0)
            _report.Notes.Add((0, $"The Transfer Syntax list(s) {string.Join(", ", _looseSets)} name no SOP Class; {looseUsers} SOP Classes that name no Transfer Syntax of their own were given them: check which SOP Classes they really apply to."));
        foreach (var ((aeName, actName), act) in _activities.Where(a => !a.Value.Has("description")))
        {
            act.Set("description", $"Imported from {Path.GetFileName(_doc.Path)}.");
            _report.Notes.Add((0, $"Activity \"{actName}\" of {aeName} has no description in the source: write it."));
        }
        // An IOD section names its IOD ("CT Image IOD"); its SOP Class is the Storage SOP Class of that name (PS3.4 Annex B).
        foreach (var (iodName, iod) in _iods.Where(i => !i.Value.Has("sop_class")))
        {
            var stem = Regex.Replace(iodName, @"\s*(?:IOD|Information Object Definition)$", "", RegexOptions.IgnoreCase).Trim();
            var uid = _sops.Values.FirstOrDefault(x => string.Equals(x.Name, stem + " Storage", StringComparison.OrdinalIgnoreCase))?.Uid
                ?? _dict.Uids.FirstOrDefault(u => string.Equals(u.Name, stem + " Storage", StringComparison.OrdinalIgnoreCase))?.Uid;
            if (uid is not null) iod.Set("sop_class", uid);
            else _report.Notes.Add((0, $"The SOP Class of IOD \"{iodName}\" was not found: set its sop_class."));
        }
        foreach (var ae in _aes.Values.Where(a => !a.Has("description")))
        {
            ae.Set("description", $"Imported from {Path.GetFileName(_doc.Path)}.");
            _report.Notes.Add((0, $"No functional definition was found for {(ae["name"] as YScalar)?.Value}: write its description."));
        }
        foreach (var ((ae, name), act) in _activities)
            if (act["sop_classes"] is YSeq list)
                foreach (var u in list.Items.OfType<YScalar>())
                    if (_sops.TryGetValue(u.Value, out var s) && !s.ScuAes.Contains(ae) && !s.ScpAes.Contains(ae))
                        _report.Contradictions.Add((s.Line, $"activity \"{name}\" of {ae} uses {s.Name} ({s.Uid}), but no overview or service table gives {ae} a role for it"));
    }

    private static string Norm(string s) => Regex.Replace(s.ToLowerInvariant().Replace(" sop class", ""), @"[^a-z0-9]", "");

    private bool ListsServiceSop(string ae, string service, SopClassNames catalog) =>
        _activities.Where(a => a.Key.Ae == ae).Any(a => a.Value["sop_classes"] is YSeq l && l.Items.OfType<YScalar>().Any(u => ServiceDisplayName(catalog.ServiceClass(u.Value) ?? "") == service));

    private static YSeq Scalars(IEnumerable<string> xs) { var q = new YSeq(); foreach (var x in xs) q.Add(new YScalar(x)); return q; }

    /// <summary>Service names as the service-to-AE table (Table 5-1) prints them.</summary>
    internal static string ServiceDisplayName(string svc) => ServiceCatalogue.Describe(svc).DisplayName;

    /// <summary>Name and service class of a UID from the DICOM dictionary (the service catalogue's view).</summary>
    private sealed class SopClassNames(DicomDictionary dictionary)
    {
        public string? Name(string uid) => dictionary.FindUid(uid) is { Name.Length: > 0 } e ? e.Name : null;
        public string? ServiceClass(string uid) => ServiceCatalogue.ServiceClassOf(uid, dictionary);
    }

    /// <summary>
    /// The Transfer Syntax Sets that list exactly these Transfer Syntaxes (overview tables 1-4 ff. print the syntaxes, not
    /// the sets). When several sets have the same syntaxes, a "non-image" set is preferred for non-storage SOP Classes.
    /// </summary>
    private List<string> SetsFor(List<string> uids, string service)
    {
        var want = uids.ToHashSet(StringComparer.Ordinal);
        var nonImage = service is not ("Storage" or "Non-Patient Object Storage" or "Media Storage");
        var candidates = _sets.Where(s => s.Syntaxes.Count > 0 && s.Syntaxes.All(x => want.Contains(x.Uid)))
            .OrderByDescending(s => s.Syntaxes.Count)
            .ThenByDescending(s => (s.Name.Contains("Non-Image", StringComparison.OrdinalIgnoreCase) || s.Name.Contains("Non Image", StringComparison.OrdinalIgnoreCase)) == nonImage)
            .ToList();
        var result = new List<string>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in candidates)
        {
            if (s.Syntaxes.All(x => covered.Contains(x.Uid))) continue;
            result.Add(s.Code);
            foreach (var x in s.Syntaxes) covered.Add(x.Uid);
            if (covered.SetEquals(want)) break;
        }
        if (!covered.SetEquals(want))
        {
            // No declared set covers them: a set of their own.
            var code = "TS" + (_sets.Count + 1);
            var set = new TsSet(code, "Transfer Syntax Set " + code, uids.Select(u => (u, DicomDictionary.Standard.FindUid(u)?.Name ?? u, (string?)null)).ToList(), 0);
            _sets.Add(set);
            var item = new YMap().Set("code", set.Code).Set("name", set.Name);
            var ts = item.Seq("transfer_syntaxes");
            foreach (var (u, name, _) in set.Syntaxes) ts.Add(new YMap().Set("uid", u).Set("name", name));
            ((YSeq)_root["transfer_syntax_sets"]!).Add(item);
            return new List<string> { code };
        }
        return result;
    }
}
