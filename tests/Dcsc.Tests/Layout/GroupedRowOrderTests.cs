using Dcsc.Layout;
using Dcsc.Model;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Layout;

/// <summary>
/// Issue 16: a grouped table keeps the source order. A row's <c>group</c> opens a subsection that the following
/// rows belong to; the rows before the first group come first, then the groups in first-appearance order, each
/// with its rows in source order. Checked on every grouped table of every bundled example.
/// </summary>
public class GroupedRowOrderTests
{
    public static TheoryData<string> Examples() => new(Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml").Select(Path.GetFileName).Order()!);

    /// <summary>One source row: the group it names (or null) and a value that identifies it in the output.</summary>
    private sealed record SourceRow(string? Group, string Id);

    /// <summary>Expected body: "G:name" for a group row, the row's identifying value otherwise.</summary>
    private static List<string> Expected(IReadOnlyList<SourceRow> rows)
    {
        string? current = null;
        var sticky = rows.Select(r => (Group: current = string.IsNullOrEmpty(r.Group) ? current : r.Group, r.Id)).ToList();
        var result = sticky.Where(r => r.Group is null).Select(r => r.Id).ToList();
        foreach (var g in sticky.Where(r => r.Group is not null).Select(r => r.Group!).Distinct())
        {
            result.Add("G:" + g);
            result.AddRange(sticky.Where(r => r.Group == g).Select(r => r.Id));
        }
        return result;
    }

    private static string Clean(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Trim();

    private static IEnumerable<SectionContent> AllContents(Statement s) =>
        s.Sections.Values
            .Concat(s.ApplicationEntities.SelectMany(a => a.Sections.Values.Concat(a.Activities.SelectMany(x => x.Sections.Values))))
            .Concat(s.Iods.SelectMany(i => i.Sections.Values))
            .Concat(s.SrTemplates.SelectMany(t => t.Sections.Values.Concat(t.FindingSites.SelectMany(f => f.Sections.Values))))
            .Concat(s.Mappings.SelectMany(m => m.Sections.Values));

    /// <summary>Every list of source rows that uses <c>group</c>, with the value that identifies each row.</summary>
    private static List<List<SourceRow>> GroupedSources(Statement s)
    {
        var lists = new List<List<SourceRow>>();
        foreach (var content in AllContents(s))
            foreach (var rows in content.Tables.Values.Where(rs => rs.Any(r => !string.IsNullOrEmpty(r.Group))))
                lists.Add(rows.Select(r => new SourceRow(r.Group, Clean(string.Join("; ",
                    r.Cells.TryGetValue("attribute_name", out var name) ? name : r.Cells.Values.First(v => v.Count > 0))))).ToList());
        foreach (var act in s.ApplicationEntities.SelectMany(a => a.Activities))
            if (act.ExtendedNegotiation.Any(e => e.Group is not null))
                lists.Add(act.ExtendedNegotiation.Select(e => new SourceRow(e.Group, Clean(e.Negotiation))).ToList());
        foreach (var m in s.Iods.SelectMany(i => i.Modules.Concat(i.FunctionalGroups).Concat(i.PrivateModules))
                     .Concat(s.SharedModules.Modules).Concat(s.SharedModules.FunctionalGroups).Concat(s.SharedModules.PrivateModules))
            if (m.Attributes.Any(a => a.Group is not null))
                lists.Add(m.Attributes.Select(a => new SourceRow(a.Group, Clean(a.Name))).ToList());
        return lists;
    }

    /// <summary>
    /// The table ends with the source rows, in order. Rows before them are rows dcsc adds to a table the statement also
    /// writes (Table 6-1 gets the shared AE Titles and configurable association parameters first).
    /// </summary>
    private static bool Matches(LaidOutTable t, List<string> expected)
    {
        int offset = t.Rows.Count - expected.Count;
        if (offset < 0 || t.Rows.Take(offset).Any(r => r.IsGroup)) return false;
        for (int i = 0; i < expected.Count; i++)
        {
            var row = t.Rows[offset + i];
            var cells = row.Cells.Select(c => Clean(string.Concat(c.Select(x => x.Text)))).ToList();
            if (expected[i].StartsWith("G:", StringComparison.Ordinal))
            {
                if (!row.IsGroup || cells[0] != expected[i][2..]) return false;
            }
            else if (row.IsGroup || !cells.Any(c => c == expected[i] || c.StartsWith(expected[i] + " (Note", StringComparison.Ordinal))) return false;
        }
        return true;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_grouped_table_keeps_source_order(string example)
    {
        var check = Compilation.Check(TestUtil.Repo("examples", example));
        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics.Items));
        var doc = StatementLayout.Layout(check.Statement!);
        var tables = doc.AllTables().ToList();
        var sources = GroupedSources(check.Statement!);
        Assert.NotEmpty(sources);
        foreach (var rows in sources)
        {
            var expected = Expected(rows);
            Assert.True(tables.Any(t => Matches(t, expected)),
                $"{example}: no table has the rows in source order:\n  " + string.Join("\n  ", expected));
        }
    }

    [Fact]
    public void A_group_that_reappears_joins_its_first_appearance_and_rows_before_any_group_come_first()
    {
        // Appended to the Patient Module's attributes of the minimal statement (the first one has no group), before
        // the statement's character sets.
        var at = Minimal.Yaml.IndexOf("character_sets:", StringComparison.Ordinal);
        var yaml = Minimal.Yaml[..at].TrimEnd('\n') + """

          - { name: Patient ID, tag: "(0010,0020)", source: MWL, group: Identity }
          - { name: Other Patient IDs Sequence, tag: "(0010,1002)", source: MWL }
          - { name: "Patient's Birth Date", tag: "(0010,0030)", source: MWL, group: Demographics }
          - { name: "Patient's Sex", tag: "(0010,0040)", source: MWL, group: Identity }

""" + Minimal.Yaml[at..];
        var check = Compilation.CheckText("s.yaml", yaml);
        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics.Items));
        var doc = StatementLayout.Layout(check.Statement!);
        var t = doc.AllTables().Single(x => x.Rows.Any(r => string.Concat(r.Cells[0].Select(c => c.Text)) == "Other Patient IDs Sequence"));
        var body = t.Rows.Select(r => (r.IsGroup ? "G:" : "") + string.Concat(r.Cells[0].Select(x => x.Text))).ToList();
        Assert.Equal(new[] { "Patient's Name", "G:Identity", "Patient ID", "Other Patient IDs Sequence", "Patient's Sex", "G:Demographics", "Patient's Birth Date" }, body);
    }
}
