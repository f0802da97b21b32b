using System.Text.RegularExpressions;
using Dcsc.Diagnostics;
using Dcsc.Source;

namespace Dcsc.Layout;

// Issue 13 point 6: a number written by hand ("see Table 5-3", "Section 7.2.1") goes stale when the layout numbers
// tables and sections differently from the template (tables are numbered in sequence per major section, so a table
// that is not printed shifts the ones after it; repeated sections are numbered per AE). The tokens {table:X} and
// {section:X} follow the layout; a literal that does not point at what it names is reported (DCS0506).
internal sealed partial class LayoutRun
{
    [GeneratedRegex(@"(?<![\w.\-{:])(?<kind>Table|Section|Annex)\s+(?<num>[A-H]?\d+(?:[.\-\u2011]\d+)*|[A-H](?:\.\d+)+)(?![\w\-\u2011]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralReferenceRx();

    /// <summary>Another part of the standard named around a reference ("PS3.4 Section C.6", "Section 10.4 in PS3.18").</summary>
    [GeneratedRegex(@"PS\s?3\.\d+|DICOM\s+(Standard|Part)|RFC\s?\d+|IHE|ITI[\s-]TF|\bof\s+the\s+standard", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherDocumentRx();

    private void CheckLiteralReferences(Node n, DraftAuthor a)
    {
        if (a.Origin is { } origin) CheckLiteralReferences(n, a.Markdown, origin);
    }

    /// <summary>The cells of a printed table that hold author text (template table rows, author tables, notes).</summary>
    private void CheckLiteralReferences(Node n, TableDraft t)
    {
        foreach (var (text, origin) in t.AuthorCells) CheckLiteralReferences(n, text, origin);
    }

    /// <summary>Author text of a table cell with its origin, when the cell is one scalar (a list's items have no single position).</summary>
    private static void AddAuthorCell(TableDraft t, Dcsc.Model.Location row, string field, IReadOnlyList<string>? values)
    {
        if (values is { Count: 1 }) AddAuthorCell(t, row, field, values[0]);
    }

    private static void AddAuthorCell(TableDraft t, Dcsc.Model.Location row, string field, string? text)
    {
        if (text is not null && row.Has(field) && MayReference(text)) t.AuthorCells.Add((text, TextOrigin.Of(row, field)));
    }

    private static bool MayReference(string text) =>
        text.Contains("Table", StringComparison.Ordinal) || text.Contains("Section", StringComparison.Ordinal) || text.Contains("Annex", StringComparison.Ordinal);

    private void CheckLiteralReferences(Node n, string text, TextOrigin origin)
    {
        if (!n.Applicable) return;
        if (!MayReference(text)) return;
        foreach (System.Text.RegularExpressions.Match m in LiteralReferenceRx().Matches(text))
        {
            var kind = m.Groups["kind"].Value;
            var number = m.Groups["num"].Value.Replace('\u2011', '-');
            if (AboutAnotherDocument(text, m)) continue;
            string? problem = kind == "Table" ? TableProblem(n, number) : SectionProblem(n, number);
            string token = kind == "Table" ? $"{{table:{number}}}" : $"{{section:{number}}}";
            if (problem is null && kind == "Table" && OtherTableMeant(n, text, m.Index, number) is { } meant)
                (problem, token) = meant;
            if (problem is null) continue;
            var at = TextPosition.Of(origin.Span, origin.Block, text, m.Index);
            var fix = problem.Contains("does not print", StringComparison.Ordinal) || problem.StartsWith("names no", StringComparison.Ordinal)
                ? $"name the {kind.ToLowerInvariant()} meant with {(kind == "Table" ? "{table:<template number or key>}" : "{section:<template number>}")}, or remove the reference"
                : $"write {token} so the number follows the layout";
            var finding = DiagnosticCatalogue.LiteralReferenceStale(at, $"\"{m.Value}\" {problem}; {fix}");
            if (_reported.Add(finding.Id + "|" + at + "|" + finding.Message)) _diagnostics.Add(finding);
        }
    }

    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create(".;\n");

    /// <summary>True when the reference is to another document: "PS3.4 Table B.2-1", "Section 10.4 of PS3.18".</summary>
    private static bool AboutAnotherDocument(string text, System.Text.RegularExpressions.Match m)
    {
        int from = Math.Max(0, m.Index - 24);
        int to = Math.Min(text.Length, m.Index + m.Length + 24);
        var before = text[from..m.Index];
        var after = text[(m.Index + m.Length)..to];
        return OtherDocumentRx().IsMatch(before[Math.Max(0, before.AsSpan().LastIndexOfAny(SentenceEnds) + 1)..])
            || Regex.IsMatch(after, @"^\s*(of|in)\s+(the\s+)?(PS\s?3|DICOM|RFC|IHE)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>Null when "Table X" in this statement is the template's Table X; else what it points at instead.</summary>
    private string? TableProblem(Node n, string number)
    {
        var printed = AllNodes().Where(x => x.Applicable).SelectMany(x => x.Drafts.OfType<DraftTable>()).Select(d => d.Table)
            .FirstOrDefault(t => t.Number == number && IsShown(t));
        bool inTemplate = TemplateData.Walk(TemplateData.Template.Sections).Any(s => s.Tables.Any(t => t.Ref == number));
        if (!inTemplate)
            return printed is null ? $"names no table: this statement has no Table {number} and the PS3.2 template none either (use {{table:<key>}} for a table the statement adds)" : null;
        var template = FindTable(n, number) ?? AllNodes().Select(x => x.TableByRef.GetValueOrDefault(number)).FirstOrDefault(t => t is not null && IsShown(t) && t.Number is not null);
        if (template is not null && template.Number == number) return null;
        var here = printed is null ? $"this statement has no Table {number}" : $"Table {number} of this statement is \"{printed.Title}\"";
        var templateTitle = TemplateData.Walk(TemplateData.Template.Sections).SelectMany(x => x.Tables).First(t => t.Ref == number).Title;
        return template is null
            ? $"names the template's Table {number} (\"{templateTitle}\"), which this statement does not print; {here}"
            : $"names the template's Table {number} (\"{template.Title}\"), which this statement prints as Table {template.Number}; {here}";
    }

    /// <summary>Null when "Section X" is a section of this statement with that number; else what it points at instead.</summary>
    private string? SectionProblem(Node n, string number)
    {
        bool printed = AllNodes().Any(x => x.Number == number && !x.Dropped);
        if (_templateKeyByNumber.ContainsKey(number))
        {
            var live = FindSection(n, number);
            if (live is not null && live.Number == number && printed) return null;
            return live is null || live.Number.Length == 0
                ? $"names the template's Section {number}, which this statement does not print"
                : live.Number == number ? null : $"names the template's Section {number}, which this statement prints as Section {live.Number}";
        }
        return printed ? null : $"names no section: this statement has no Section {number}";
    }

    private static readonly HashSet<string> NotNouns = new(StringComparer.Ordinal)
    {
        "table", "tables", "see", "listed", "shown", "described", "given", "with", "from", "into", "that", "this", "these", "those",
        "which", "above", "below", "following", "are", "is", "the", "and", "also", "all", "other", "only", "as", "in", "of",
    };

    /// <summary>
    /// "the keys in Table 5-1" when Table 5-1 is "Service to AE Mapping" and the section the text is in prints a table of
    /// keys: the words just before the reference name something the referenced caption does not, and a table of the
    /// text's own section does. Returns the problem and the token of the table meant.
    /// </summary>
    private (string Problem, string Token)? OtherTableMeant(Node n, string text, int index, string number)
    {
        var nouns = System.Text.RegularExpressions.Regex.Matches(text[Math.Max(0, index - 60)..index], @"[A-Za-z]+")
            .Select(w => w.Value.ToLowerInvariant()).Where(w => w.Length >= 4 && !NotNouns.Contains(w)).TakeLast(2).Select(Stem).ToList();
        if (nouns.Count == 0) return null;
        var printed = AllNodes().Where(x => x.Applicable).SelectMany(x => x.Drafts.OfType<DraftTable>()).Select(d => d.Table)
            .FirstOrDefault(t => t.Number == number && IsShown(t));
        if (printed is null || Mentions(printed.Title, nouns)) return null;
        var own = (n.IsRunIn && n.Parent is not null ? n.Parent : n).SelfAndDescendants().Where(x => x.Applicable)
            .SelectMany(x => x.Drafts.OfType<DraftTable>()).Select(d => d.Table)
            .Where(t => t.Number is not null && t.Number != number && IsShown(t) && Mentions(t.Title, nouns)).ToList();
        if (own.Count != 1) return null;
        var meant = own[0];
        var target = meant.T.Ref.StartsWith("product:", StringComparison.Ordinal) ? meant.T.Ref["product:".Length..] : meant.T.Ref;
        return ($"points at \"{printed.Title}\", but the text speaks of the table of this section, Table {meant.Number} (\"{meant.Title}\")", $"{{table:{target}}}");
    }

    private static string Stem(string word) => word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y" : word.EndsWith('s') ? word[..^1] : word;

    private static bool Mentions(string caption, List<string> nouns)
    {
        var words = System.Text.RegularExpressions.Regex.Matches(caption, @"[A-Za-z]+").Select(w => Stem(w.Value.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
        return nouns.Any(words.Contains);
    }

    private IEnumerable<Node> AllNodes() => _root.Children.SelectMany(c => c.SelfAndDescendants());
}
