using System.Text.RegularExpressions;
using Dcsc.Diagnostics;
using Dcsc.Layout;
using static Dcsc.Diagnostics.DiagnosticCatalogue;
using Dcsc.Model;

namespace Dcsc.Rules;

/// <summary>
/// Author tables (issue 12 point 8): every row has one cell per column and keys are unique (DCS0510), and every
/// <c>{table:X}</c> in narrative, cells or footnotes names an author table key or a template table number (DCS0511).
/// </summary>
public sealed class AuthorTableRules : IRule
{
    public IReadOnlyList<DiagnosticDescriptor> Ids { get; } = new[] { Descriptors.AuthorTableMalformed, Descriptors.TableReferenceUnresolved };

    private static readonly Regex Token = new(@"\{table:([^}]*)\}", RegexOptions.CultureInvariant);

    public void Check(RuleContext ctx)
    {
        var s = ctx.Statement;
        var keys = new Dictionary<string, AuthorTable>(StringComparer.Ordinal);
        foreach (var (section, t) in DetailFacts.AuthorTables(s))
        {
            if (t.Key is { Length: > 0 } key && !keys.TryAdd(key, t))
                ctx.Report(DiagnosticCatalogue.AuthorTableMalformed(t.Location.Of("key"), $"table key \"{key}\" is used by two author tables; `{{table:{key}}}` must name one table"));
            foreach (var r in t.Rows)
                if (r.Cells.Count != t.Columns.Count)
                    ctx.Report(DiagnosticCatalogue.AuthorTableMalformed(r.Location.Span, $"row of table \"{t.Caption}\" (section {section}) has {r.Cells.Count} cell(s) but the table has {t.Columns.Count} column(s); give one cell per column (an empty cell is \"\")"));
        }
        var templateRefs = TemplateData.Walk(TemplateData.Template.Sections).SelectMany(x => x.Tables).Select(x => x.Ref).ToHashSet(StringComparer.Ordinal);
        foreach (var (text, span) in Texts(s))
            foreach (System.Text.RegularExpressions.Match m in Token.Matches(text))
            {
                var target = m.Groups[1].Value;
                if (keys.ContainsKey(target) || templateRefs.Contains(target)) continue;
                ctx.Report(DiagnosticCatalogue.TableReferenceUnresolved(span, $"`{m.Value}` names no table: give an author table `key: {target}`, or use a template table number such as `{{table:5-1}}`"
                    + (keys.Count > 0 ? $" (author tables: {string.Join(", ", keys.Keys.OrderBy(k => k, StringComparer.Ordinal))})" : "")));
            }
    }

    /// <summary>Every author text where a <c>{table:X}</c> can stand, with where it is.</summary>
    private static IEnumerable<(string Text, Dcsc.Diagnostics.SourceSpan Span)> Texts(Statement s)
    {
        yield return (s.Product.Description, s.Product.Location.Of("description"));
        foreach (var (_, c) in AllSections(s))
        {
            if (c.Text is { } t) yield return (t, c.Location.Of("text"));
            foreach (var a in c.Added) yield return (a.Text, a.Location.Of("text"));
        }
        foreach (var (_, t) in DetailFacts.AuthorTables(s))
        {
            foreach (var r in t.Rows)
            {
                foreach (var cell in r.Cells) yield return (cell, r.Location.Span);
                if (r.Note is { } note) yield return (note, r.Location.Of("note"));
            }
            foreach (var f in t.Footnotes) yield return (f, t.Location.Of("footnotes"));
        }
        foreach (var ae in s.ApplicationEntities)
        {
            yield return (ae.Description, ae.Location.Of("description"));
            foreach (var a in ae.Activities) yield return (a.Description, a.Location.Of("description"));
        }
    }

    private static IEnumerable<(string, SectionContent)> AllSections(Statement s)
    {
        foreach (var kv in s.Sections) yield return (kv.Key, kv.Value);
        foreach (var ae in s.ApplicationEntities)
        {
            foreach (var kv in ae.Sections) yield return (kv.Key, kv.Value);
            foreach (var a in ae.Activities) foreach (var kv in a.Sections) yield return (kv.Key, kv.Value);
        }
        foreach (var x in s.Iods) foreach (var kv in x.Sections) yield return (kv.Key, kv.Value);
        foreach (var x in s.SrTemplates) foreach (var kv in x.Sections) yield return (kv.Key, kv.Value);
        foreach (var x in s.Mappings) foreach (var kv in x.Sections) yield return (kv.Key, kv.Value);
    }
}
