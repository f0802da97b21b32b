using System.Text.RegularExpressions;

namespace Dcsc.Import;

// The detail of a DICOMweb transaction (docs/source-format.md, dicomweb.transactions[].search, media_types,
// transfer_syntaxes, query_parameters, default_transfer_syntax, transcode_from, failure_reasons, warning_reasons) read back from the tables and sentences
// the layout prints in the transaction's Section 5.3 / 7.3.3 subsection (PS3.18 §8.3.4, §8.7.3.5).
internal sealed partial class StatementAssembler
{
    /// <summary>Details per "Service Transaction" label (and origin-server side), merged into the transaction at the end.</summary>
    private readonly Dictionary<(string Label, bool OriginServer), YMap> _webDetails = new();

    private YMap WebDetail(MappedSection n, string label)
    {
        var os = !Regex.IsMatch(n.Title, "User Agent", RegexOptions.IgnoreCase);
        if (!_webDetails.TryGetValue((label, os), out var d)) _webDetails[(label, os)] = d = new YMap();
        return d;
    }

    [GeneratedRegex(@"^Searchable Attributes - (?<label>.+) - (?<level>.+) Level$")]
    private static partial Regex SearchCaption();

    [GeneratedRegex(@"^Media Types(?<ts> and Transfer Syntaxes)? - (?<label>.+)$")]
    private static partial Regex MediaCaption();

    [GeneratedRegex(@"^Transfer Syntaxes Transcoded From - (?<label>.+)$")]
    private static partial Regex TranscodeCaption();

    [GeneratedRegex(@"^Transfer Syntaxes for DICOM Media Types - (?<label>.+)$")]
    private static partial Regex DicomMediaTransferSyntaxCaption();

    [GeneratedRegex(@"^(?<what>Failure|Warning) Reason \(0008,119[67]\) Values - (?<label>.+)$")]
    private static partial Regex ReasonCaption();

    /// <summary>A caption without its "Table N-M" number.</summary>
    private static string? CaptionTitle(TableBlock tb) => tb.Caption is not { } cap ? null
        : ReaderText.CaptionPattern().Match(cap) is { Success: true } cm ? cm.Groups[2].Value.Trim() : cap.Trim();

    /// <summary>A table of a transaction's detail, by its caption; returns where it went, or null.</summary>
    private string? WebDetailTable(MappedSection n, TableBlock tb)
    {
        if (CaptionTitle(tb) is not { } title) return null;
        var body = tb.Body.ToList();
        if (SearchCaption().Match(title) is { Success: true } s && tb.Columns >= 5)
        {
            var level = new YMap().Set("level", s.Groups["level"].Value);
            level.Comment = Src(tb.Line);
            var attrs = level.Seq("attributes");
            foreach (var r in body)
            {
                var a = new YMap().Set("name", Cell(r, 0)).Set("tag", Cell(r, 1));
                var types = Split(Cell(r, 2)).ToList();
                if (types.Count == 1) a.Set("matching_type", types[0]); else if (types.Count > 1) a["matching_type"] = Scalars(types);
                if (Yes(Cell(r, 3))) a.Set("fuzzy", true);
                a.Set("comments", Cell(r, 4));
                attrs.Add(a);
            }
            WebDetail(n, s.Groups["label"].Value).Seq("search").Add(level);
            _webLevels[(n, s.Groups["level"].Value)] = level;
            return $"dicomweb.transactions ({s.Groups["label"].Value}) search, {s.Groups["level"].Value} level";
        }
        if (MediaCaption().Match(title) is { Success: true } mc)
        {
            var d = WebDetail(n, mc.Groups["label"].Value);
            var types = d.Seq("media_types");
            foreach (var r in body)
            {
                var type = Cell(r, 0);
                if (type.Length == 0) continue;
                var uid = mc.Groups["ts"].Success ? CleanUid(Cell(r, 2)) : "";
                types.Add(new YScalar(uid.Length > 0 ? $"{type}; transfer-syntax={uid}" : type));
                if (uid.Length > 0 && Yes(Cell(r, 3))) d.Set("default_transfer_syntax", uid);
            }
            return $"dicomweb.transactions ({mc.Groups["label"].Value}) media_types";
        }
        if (TranscodeCaption().Match(title) is { Success: true } tc)
        {
            var seq = WebDetail(n, tc.Groups["label"].Value).Seq("transcode_from");
            foreach (var r in body) if (CleanUid(Cell(r, 1)) is { Length: > 0 } u) seq.Add(new YScalar(u));
            return $"dicomweb.transactions ({tc.Groups["label"].Value}) transcode_from";
        }
        if (DicomMediaTransferSyntaxCaption().Match(title) is { Success: true } ts)
        {
            var seq = WebDetail(n, ts.Groups["label"].Value).Seq("transfer_syntaxes");
            foreach (var r in body) if (CleanUid(Cell(r, 1)) is { Length: > 0 } u) seq.Add(new YScalar(u));
            return $"dicomweb.transactions ({ts.Groups["label"].Value}) transfer_syntaxes";
        }
        if (ReasonCaption().Match(title) is { Success: true } rc)
        {
            var seq = WebDetail(n, rc.Groups["label"].Value).Seq(rc.Groups["what"].Value == "Failure" ? "failure_reasons" : "warning_reasons");
            foreach (var r in body) seq.Add(new YMap().Set("code", Cell(r, 0)).Set("meaning", Cell(r, 1)));
            return $"dicomweb.transactions ({rc.Groups["label"].Value}) {rc.Groups["what"].Value.ToLowerInvariant()}_reasons";
        }
        return null;
    }

    private readonly Dictionary<(MappedSection Section, string Level), YMap> _webLevels = new();

    /// <summary>The sentences printed with a transaction's detail; true when the paragraph was one of them.</summary>
    private bool WebDetailSentence(MappedSection n, string plain)
    {
        if (Regex.Match(plain, @"^(?<level>.+?) level, (?<what>returned by default|added by includefield): (?<items>.+)\.$") is { Success: true } m
            && _webLevels.TryGetValue((n, m.Groups["level"].Value), out var level))
        {
            level[m.Groups["what"].Value.StartsWith("returned", StringComparison.Ordinal) ? "default_return" : "includefield"] = Scalars(Split(m.Groups["items"].Value));
            return true;
        }
        // Derived from the attributes' fuzzy flags.
        if (Regex.IsMatch(plain, @"^Fuzzy matching (?:\(fuzzymatching=true\) applies to: .+|is not supported)\.$") && _webLevels.Keys.Any(k => k.Section == n)) return true;
        if (Regex.Match(plain, @"^Default Transfer Syntax \((?<label>.+), when the request names none\): .*\((?<uid>[\d.]+)\)\.$") is { Success: true } dt)
        {
            WebDetail(n, dt.Groups["label"].Value).Set("default_transfer_syntax", dt.Groups["uid"].Value);
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(?<name>.+) \(product addition, not defined in PS3\.18\)$")]
    private static partial Regex AdditionTitle();

    [GeneratedRegex(@"^Request: (?<method>[A-Z]+) (?<path>/\S*)$")]
    private static partial Regex AdditionRequest();

    /// <summary>
    /// A product addition (dicomweb.additions: a transaction PS3.18 does not define) as the layout prints it, an added
    /// section at the end of its service's Section 5.3 subsection: "Request: METHOD path", the description, and the table
    /// "HTTP Status Codes - name" (PS3.18 §8.5). True when the section was one; anything else in it leaves it an added section.
    /// </summary>
    private bool WebAddition(MappedSection n, MappedSection parent)
    {
        if (n.Children.Count > 0 || AdditionTitle().Match(n.Title) is not { Success: true } m
            || parent.Template is not { } pt || !Dcsc.Layout.TemplateData.WebServiceSections.TryGetValue(pt.Key, out var service)) return false;
        var name = m.Groups["name"].Value;
        string? method = null, path = null;
        var description = new List<string>();
        TableBlock? table = null;
        foreach (var b in n.Blocks)
        {
            switch (b)
            {
                case TextBlock tx when method is null && AdditionRequest().Match(Squash(Plain(tx.Markdown))) is { Success: true } r:
                    (method, path) = (r.Groups["method"].Value, r.Groups["path"].Value);
                    break;
                case TextBlock tx when method is not null && table is null && !IsNa(tx.Markdown):
                    description.Add(tx.Markdown);
                    break;
                case TableBlock tb when method is not null && table is null && tb.Columns == 3 && CaptionTitle(tb) == $"HTTP Status Codes - {name}":
                    table = tb;
                    break;
                default:
                    return false;
            }
        }
        if (method is null || description.Count == 0) return false;
        var status = new YSeq();
        foreach (var r in table?.Body ?? Enumerable.Empty<IReadOnlyList<string>>())
        {
            if (!int.TryParse(Cell(r, 0), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)) return false;
            status.Add(new YMap().Set("code", code).Set("status", Cell(r, 1)).Set("meaning", Cell(r, 2)));
        }
        var addition = new YMap().Set("service", service).Set("name", name).Set("method", method).Set("path", path).Set("description", string.Join("\n\n", description));
        if (status.Items.Count > 0) addition["http_status"] = status;
        addition.Comment = Src(n.Line);
        ((YMap)_root["dicomweb"]!).Seq("additions").Add(addition);
        var label = (n.Number is null ? "" : n.Number + " ") + n.Title;
        _report.Sections.Add(new ReportEntry(n.Line, label, Destination.Structured, $"dicomweb.additions ({name}, {method} {path})"));
        if (table is not null) _report.Tables.Add(new ReportEntry(table.Line, TableLabel(table), Destination.Structured, $"dicomweb.additions ({name}) http_status"));
        return true;
    }

    /// <summary>Query parameters named by the rows of a role subsection's Query Parameters table, by template section key; with the rows that say nothing else.</summary>
    private readonly Dictionary<string, (List<string> Names, List<(MappedSection Section, string Table, YMap Row)> NameOnly)> _queryParameterRows = new(StringComparer.Ordinal);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$|^[0-9A-Fa-f]{8}(?:\.[0-9A-Fa-f]{8})*$")]
    private static partial Regex QueryParameterNamePattern();

    /// <summary>
    /// A row of a "Query Parameters for … - User Agent / Origin Server" table (PS3.2 template 5.3.x): a row that names a
    /// parameter (a PS3.18 name, an attribute keyword or tag; not a pattern such as "{attributeID}={value}") is a query
    /// parameter of the transaction whose side the section is; the layout prints every declared one there.
    /// </summary>
    private void QueryParameterRow(MappedSection n, Dcsc.Layout.TemplateTable tt, YMap row, Dictionary<string, string> cells)
    {
        if (!tt.Key.StartsWith("query_parameters_", StringComparison.Ordinal) || V(cells, "query_parameter") is not { } name
            || !QueryParameterNamePattern().IsMatch(name)) return;
        var key = n.Template!.Key;
        if (!_queryParameterRows.TryGetValue(key, out var found)) _queryParameterRows[key] = found = (new(), new());
        if (!found.Names.Contains(name, StringComparer.OrdinalIgnoreCase)) found.Names.Add(name);
        if (cells.Keys.All(k => k == "query_parameter")) found.NameOnly.Add((n, tt.Key, row));
    }

    private static bool IsQueryParameterOnlyRow(Dcsc.Layout.TemplateTable tt, IReadOnlyList<string> row) =>
        tt.Key.StartsWith("query_parameters_", StringComparison.Ordinal) && QueryParameterNamePattern().IsMatch(row[0].Trim());

    /// <summary>
    /// Gives each transaction the query parameters of its sides' Query Parameters tables; a row that only named the
    /// parameter is then the declaration's to print, not a row of the table.
    /// </summary>
    private void FinishQueryParameters(YSeq? transactions)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in transactions?.Items.OfType<YMap>() ?? Enumerable.Empty<YMap>())
        {
            if (t["service"] is not YScalar { Value: var service } || t["transaction"] is not YScalar { Value: var name }) continue;
            foreach (var os in new[] { false, true })
            {
                if (t[os ? "origin_server" : "user_agent"] is not YScalar { Value: "true" }
                    || Dcsc.Layout.TemplateData.WebSections(service, name, os).Section is not { } key || !_queryParameterRows.TryGetValue(key, out var found)) continue;
                var list = t.Seq("query_parameters");
                foreach (var p in found.Names)
                    if (!list.Items.OfType<YScalar>().Any(x => x.Value.Equals(p, StringComparison.OrdinalIgnoreCase))) list.Add(new YScalar(p));
                used.Add(key);
            }
        }
        foreach (var key in used)
            foreach (var (n, tableKey, row) in _queryParameterRows[key].NameOnly)
            {
                var tables = SectionContent(n).Map("tables");
                if (tables[tableKey] is not YSeq table || table.Items.IndexOf(row) is var i && i < 0) continue;
                // The table's source comment moves to the next row.
                if (i + 1 < table.Items.Count && table.Items[i + 1].Comment is null) table.Items[i + 1].Comment = row.Comment;
                table.Items.RemoveAt(i);
                if (table.Items.Count > 0) continue;
                tables[tableKey] = null;
                if (tables.Count == 0) SectionContent(n)["tables"] = null;
            }
        foreach (var (key, found) in _queryParameterRows.Where(kv => !used.Contains(kv.Key)))
            _report.Notes.Add((0, $"Query parameters {string.Join(", ", found.Names)} are listed in section {key}, but no DICOMweb transaction of the services tables takes that side: add them to its query_parameters by hand."));
    }

    /// <summary>Merges the details into the transaction they belong to (its service and transaction name, its side).</summary>
    private void FinishWebDetails()
    {
        var transactions = ((YMap)_root["dicomweb"]!)["transactions"] as YSeq;
        MergeWebDetails(transactions);
        FinishQueryParameters(transactions);
    }

    private void MergeWebDetails(YSeq? transactions)
    {
        foreach (var ((label, os), detail) in _webDetails)
        {
            var candidates = transactions?.Items.OfType<YMap>().Where(t => $"{(t["service"] as YScalar)?.Value} {(t["transaction"] as YScalar)?.Value}" == label).ToList() ?? new();
            var target = candidates.FirstOrDefault(t => (t["origin_server"] is YScalar { Value: "true" }) == os) ?? candidates.FirstOrDefault();
            if (target is null)
            {
                _report.Notes.Add((0, $"Detail of the DICOMweb transaction \"{label}\" (search keys, media types) was found, but no such transaction in the services tables: add it to dicomweb.transactions by hand."));
                continue;
            }
            foreach (var (k, v) in detail.Items)
                if (!target.Has(k)) target[k] = v;
        }
    }
}
