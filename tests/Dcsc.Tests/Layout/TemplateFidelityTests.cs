using System.Text.RegularExpressions;
using Dcsc.Layout;
using Dcsc.Model;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Layout;

/// <summary>
/// Issue 15 acceptance: every bundled example, in keep and collapse mode, laid out as the PS3.2 template draws it
/// (numbers, run-in headings, mandatory text, N/A of parents, table conventions, IOD order).
/// </summary>
public class TemplateFidelityTests
{
    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var f in Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml").Select(Path.GetFileName).Order())
            foreach (var keep in new[] { true, false }) data.Add(f!, keep);
        return data;
    }

    private static (Statement Statement, LaidOutDocument Doc) Lay(string example, bool keep)
    {
        var check = Compilation.Check(TestUtil.Repo("examples", example));
        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics.Items));
        return (check.Statement!, StatementLayout.Layout(check.Statement!, new LayoutOptions { KeepNaSubsections = keep, ReadEnvironment = false }));
    }

    private static string Text(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i.Text));

    private static IEnumerable<string> Paragraphs(LaidOutSection s) => s.Blocks.OfType<ParagraphBlock>().Select(p => Text(p.Inlines));

    private static TemplateSection? Template(string key) => TemplateData.Walk(TemplateData.Template.Sections).FirstOrDefault(t => t.Key == key);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Code_Set_Usage_is_Annex_E_and_run_in_headings_are_not_numbered(string example, bool keep)
    {
        var (_, doc) = Lay(example, keep);
        var all = doc.AllSections().ToList();
        // 1. Code Set Usage is Annex E, a sibling of D (PS3.2 sect_N_13, L24137).
        var annexes = doc.Sections.Single(s => s.Anchor == "sect-annexes");
        Assert.Equal(new[] { "A", "B", "C", "D", "E" }, annexes.Children.Where(c => !c.IsAdded).Select(c => c.Number));
        Assert.StartsWith("Code Set Usage", annexes.Children.Single(c => c.Number == "E").Title, StringComparison.Ordinal);
        Assert.DoesNotContain(all, s => s.Number.StartsWith("D.", StringComparison.Ordinal) && s.Title.StartsWith("Code Set Usage", StringComparison.Ordinal));
        // 2. Run-in headings (para_ ids, L10254/L10351/L10359/L10457) have no number and no N/A of their own.
        Assert.DoesNotContain(all, s => Regex.IsMatch(s.Title, @"^(Extended Negotiation|Role Negotiation|Transfer Syntax Selection Policies)( - N/A)?$"));
        foreach (var s in all)
            foreach (var r in s.Blocks.OfType<RunInHeadingBlock>())
            {
                Assert.Matches(@"^\d+\.2\.\d+\.[34]\.\d+$", s.Number);
                Assert.Contains(r.Title, new[] { "Extended Negotiation", "Role Negotiation", "Transfer Syntax Selection Policies" });
                int i = s.Blocks.ToList().IndexOf(r);
                Assert.True(i + 1 < s.Blocks.Count && s.Blocks[i + 1] is not RunInHeadingBlock, $"{s.Number}: run-in heading {r.Title} without content");
            }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mandatory_text_stays_and_parents_of_all_NA_subsections_are_NA(string example, bool keep)
    {
        var (_, doc) = Lay(example, keep);
        // 3. 3.2 Audience: the template's regular-font sentences (L1300, L1302) stay verbatim next to the author's text.
        var audience = Paragraphs(doc.FindByNumber("3.2")!).ToList();
        Assert.Contains("This document is intended for the audience listed below. It is assumed that the reader has a working knowledge of the DICOM Standard.", audience);
        Assert.Contains("The document structure was designed for easier access to relevant information for different user groups:", audience);
        // 4. A section whose shown subsections are all N/A has nothing of its own beyond boilerplate, so it is N/A (L19).
        foreach (var s in doc.AllSections().Where(s => !s.IsNa && s.Children.Count > 0 && s.Children.All(c => c.IsNa)))
        {
            bool own = s.Blocks.Any(b => b is AuthorBlock or FigureBlock || b is TableBlock t && t.Table.Rows.Count > 0);
            Assert.True(own || Template(s.Key)?.NeverNa == true, $"{example}: {s.Number} {s.Title} has only N/A subsections and no content of its own, but is not N/A");
        }
        // 7. Required text stays with an empty table of a live section (5.2.5.2 coercion, 1.1.1 root TIDs, C.2.6 action codes).
        foreach (var s in doc.AllSections().Where(s => !s.IsNa))
            foreach (var t in s.Blocks.OfType<TableBlock>().Where(t => t.Table.Rows.Count == 0))
            {
                var template = Template(s.Key)!;
                var tt = template.Tables.Single(x => x.Ref == t.Table.TemplateRef);
                Assert.False(tt.Optional, $"{s.Number}: optional table {tt.Ref} printed empty");
                int k = template.Content.FindIndex(b => b.Table == tt.Ref);
                foreach (var list in template.Content.Take(k).Reverse().TakeWhile(b => b.Table is null).Where(b => b.List is not null && b.Condition is null))
                    Assert.Contains(s.Blocks.OfType<ListBlock>(), l => l.Items.Select(Text).SequenceEqual(list.List!.Select(x => x.Replace("{product}", doc.Cover.Product))));
            }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_generic_fills_and_IODs_in_template_order(string example, bool keep)
    {
        var (statement, doc) = Lay(example, keep);
        var all = doc.AllSections().ToList();
        // 8. A repeatable section without instance is omitted, never filled with a generic word.
        Assert.DoesNotContain(all, s => Regex.IsMatch(s.Title, @"^(IOD|SR Template|Mapping|Application Entity|Real-World Activity|Finding Site|Functional Definition of Application Entity)( - N/A)?$"));
        Assert.DoesNotContain(all, s => Regex.IsMatch(s.Title, @"^(IOD|SR Template) (Specific Modules|Functional Group Macros|Private Modules|Coded Values|Code Sets)"));
        // 10. Standard IODs, then Basic Directory IOD (the template's A.5), then private IODs (A.6).
        var annexA = doc.AllSections().Single(s => s.Number == "A");
        if (annexA.IsNa && !keep) return;
        var titles = annexA.Children.Select(c => Regex.Replace(c.Title, " - N/A$", "")).ToList();
        int dir = titles.IndexOf("Basic Directory IOD");
        Assert.True(dir > 0, $"{example}: no Basic Directory IOD in Annex A");
        var standard = statement.Iods.Where(i => i.SopClass.StartsWith("1.2.840.10008.", StringComparison.Ordinal)).Select(i => i.Name).ToList();
        var priv = statement.Iods.Where(i => !i.SopClass.StartsWith("1.2.840.10008.", StringComparison.Ordinal)).Select(i => i.Name).ToList();
        Assert.Equal(standard, titles.Skip(1).Take(dir - 1));
        Assert.Equal(priv, titles.Skip(dir + 1).Take(priv.Count));
        Assert.Equal($"A.{standard.Count + 2}", annexA.Children[dir].Number);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Table_conventions_hold(string example, bool keep)
    {
        var (_, doc) = Lay(example, keep);
        var tables = doc.AllTables().ToList();
        // 9. Captions are unique.
        var dup = tables.GroupBy(t => t.Title).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(dup.Count == 0, $"{example}: captions used twice: {string.Join(" | ", dup)}");
        // Role cells of Table 5-1 say Y or N, never blank.
        var map = tables.Single(t => t.Key == "service_to_ae_mapping");
        foreach (var r in map.Rows.Where(r => !r.IsGroup && Text(r.Cells[1]).Length > 0))
            Assert.All(r.Cells.Skip(2), c => Assert.Matches("^[YN]$", Text(c)));
        // Root TIDs in ascending numerical order (Table 1-3).
        var tids = tables.Where(t => t.Key == "supported_root_sr_template_ids_tids").SelectMany(t => t.Rows)
            .Select(r => Text(r.Cells[1])).Where(x => x.Length > 0).Select(long.Parse).ToList();
        Assert.Equal(tids.Order(), tids);
        // One of the two alternatives: 7.1.1 for all AEs, or 7.2.x.2 per AE (L10100/L10181).
        bool general = tables.Any(t => t.Key == "general_association_parameters");
        bool perAe = tables.Any(t => t.Key == "association_parameters_for_ae");
        Assert.False(general && perAe, $"{example}: both Table 7-1 and per-AE association parameter tables are printed");
        // Several values in an enumerated cell are separated by ";" (L325): no "A, B" lists of codes, no "X or Y".
        foreach (var t in tables.Where(t => t.Columns.Contains("Value")))
        {
            int v = t.Columns.ToList().IndexOf("Value");
            foreach (var r in t.Rows.Where(r => !r.IsGroup))
            {
                var cell = Regex.Replace(Text(r.Cells[v]), @"\([^()]*\)", ""); // coded triplets (113701, DCM, "…") are one value
                Assert.DoesNotMatch(@"\b[A-Z0-9_]{2,}, [A-Z0-9_]{2,}\b|\b\d+(\.\d+)+ or \d", cell);
            }
        }
    }
}
