using Dcsc.Diagnostics;
using Dcsc.Model;

namespace Dcsc.Rules;

/// <summary>
/// The issue 12 declarations seen as template-style table rows, so that the attribute, matching-type and status-code
/// rules check them exactly like rows of the template's tables: key tables (DCS0201-0206, DCS0403), C-ECHO and C-GET
/// status codes and the Store transaction's Failure/Warning Reasons (DCS0401, DCS0402), author table cells (DCS0101-0106).
/// Section keys follow the template's naming (<c>status_&lt;role&gt;_&lt;service&gt;_&lt;operation&gt;</c>), which is how
/// <see cref="StatusCodes.ForSection"/> finds the operation.
/// </summary>
internal static class DetailFacts
{
    public static IEnumerable<(string Key, SectionContent Content)> Sections(Statement s)
    {
        var d = s.Details;
        int i = 0;
        foreach (var k in d.KeyTables)
            yield return ($"details_keys_{i++}", One("keys", k.Keys.Select(a => Row(a.Location,
                ("attribute_name", "name", a.Name.TrimStart('>', ' ')), ("tag", "tag", a.BareTag), ("vr", "vr", a.Vr),
                ("matching_type", "matching_type", a.MatchingTypes.Count == 0 ? null : string.Join("; ", a.MatchingTypes))))));
        foreach (var st in d.StatusTables)
        {
            var op = st.Operation.ToLowerInvariant().Replace('-', '_');
            var service = st.Service == DimseService.QrGet ? "qr_get" : st.Service.ToString().ToLowerInvariant();
            yield return ($"status_{(st.Side == ServiceSide.Scu ? "scu" : "scp")}_{service}_{op}", One("status_codes",
                st.Rows.Select(r => Row(r.Location, ("service_status", "status", r.Status), ("status_code", "code", r.Code), ("further_meaning", "meaning", r.Meaning)))));
        }
        foreach (var w in d.Web)
            if (w.MediaTypes.Count > 0 || w.DefaultTransferSyntax is not null || w.TranscodeFrom.Count > 0)
                // Transfer Syntax UIDs of media-type parameters, the default and those transcoded from are checked as any other (DCS0101-0105).
                yield return ($"details_web{w.Index}_transfer_syntaxes", One("transfer_syntaxes",
                    w.MediaTypes.Select(m => Row(m.Location, ("transfer_syntax_uid", "", m.TransferSyntax)))
                        .Concat(w.DefaultTransferSyntax is { } def ? new[] { Row(w.Location, ("transfer_syntax_uid", "default_transfer_syntax", def)) } : Array.Empty<TableRow>())
                        .Concat(w.TranscodeFrom.Select(u => Row(w.Location, ("transfer_syntax_uid", "transcode_from", u))))));
        foreach (var w in d.Web)
        {
            // PS3.18 §10.5.3: the Store transaction's Failure Reason values are the C-STORE status codes (PS3.4 B.2.3).
            if (!w.Transaction.Contains("Store", StringComparison.OrdinalIgnoreCase)) continue;
            var rows = w.FailureReasons.Select(r => Row(r.Location, ("service_status", "code", "Failure"), ("status_code", "code", r.Code)))
                .Concat(w.WarningReasons.Select(r => Row(r.Location, ("service_status", "code", "Warning"), ("status_code", "code", r.Code))));
            yield return ($"status_web{w.Index}_store_c_store", One("reasons", rows));
        }
        foreach (var (key, content) in AuthorSections(s))
            yield return (key, content);
    }

    /// <summary>Every author table of the statement with the section (or added section) that holds it.</summary>
    public static IEnumerable<(string Section, AuthorTable Table)> AuthorTables(Statement s)
    {
        foreach (var (key, c) in AllTemplateSections(s))
        {
            foreach (var t in c.AuthorTables) yield return (key, t);
            foreach (var a in c.Added)
                foreach (var t in a.Tables) yield return (key, t);
        }
    }

    /// <summary>Author table rows keyed by column title slug, so that a "SOP Class UID" column is checked as the template's is.</summary>
    private static IEnumerable<(string, SectionContent)> AuthorSections(Statement s)
    {
        int i = 0;
        foreach (var (section, t) in AuthorTables(s))
        {
            var keys = t.Columns.Select(Slug).ToList();
            var rows = t.Rows.Select(r => new TableRow(
                keys.Select((k, c) => (k, c)).Where(x => x.c < r.Cells.Count).GroupBy(x => x.k).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)new[] { r.Cells[g.First().c] }, StringComparer.Ordinal),
                r.Group, r.Note, r.Location));
            yield return ($"{section}#author{i++}", One("author_" + (t.Key ?? "table"), rows));
        }
    }

    private static string Slug(string title) =>
        string.Join("_", System.Text.RegularExpressions.Regex.Split(title.ToLowerInvariant(), "[^a-z0-9]+").Where(p => p.Length > 0));

    private static IEnumerable<(string, SectionContent)> AllTemplateSections(Statement s)
    {
        foreach (var kv in s.Sections) yield return (kv.Key, kv.Value);
        foreach (var ae in s.ApplicationEntities)
        {
            foreach (var kv in ae.Sections) yield return (kv.Key, kv.Value);
            foreach (var a in ae.Activities) foreach (var kv in a.Sections) yield return (kv.Key, kv.Value);
        }
        foreach (var x in s.Iods) foreach (var kv in x.Sections) yield return (kv.Key, kv.Value);
        foreach (var x in s.SrTemplates)
        {
            foreach (var kv in x.Sections) yield return (kv.Key, kv.Value);
            foreach (var f in x.FindingSites) foreach (var kv in f.Sections) yield return (kv.Key, kv.Value);
        }
        foreach (var x in s.Mappings) foreach (var kv in x.Sections) yield return (kv.Key, kv.Value);
    }

    private static SectionContent One(string table, IEnumerable<TableRow> rows) =>
        SectionContent.Empty with { Tables = new Dictionary<string, IReadOnlyList<TableRow>>(StringComparer.Ordinal) { [table] = rows.ToList() } };

    /// <summary>A row with template column keys whose spans point at the YAML fields they came from.</summary>
    private static TableRow Row(Location at, params (string Column, string Field, string? Value)[] cells)
    {
        var spans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (col, field, value) in cells)
        {
            if (value is null) continue;
            values[col] = new[] { value };
            spans[col] = at.Of(field);
        }
        return new TableRow(values, null, null, new Location(at.Span, spans));
    }
}
