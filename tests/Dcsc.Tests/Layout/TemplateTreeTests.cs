using Dcsc.Layout;

namespace Dcsc.Tests.Layout;

/// <summary>
/// The section tree (Layout/Data/template.json) against the DocBook ids of the PS3.2 template seed, committed as
/// Layout/Data/template-headings.tsv by tools/extract_template.py: <c>sect_N_7_3</c> = 7.3 (9 … 13 = Annexes A … E),
/// <c>para_</c> = a run-in heading that is not a numbered section. Number, parent and title must agree.
/// </summary>
public class TemplateTreeTests
{
    internal sealed record Heading(int Line, string Id, string Key, string Title);

    internal static List<Heading> ReadHeadings(string text) =>
        text.Replace("\r\n", "\n").Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("line\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(c => new Heading(int.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture), c[1], c[2], c[3]))
            .ToList();

    /// <summary><c>sect_N_7_3</c> → <c>7.3</c>; <c>sect_N_13_1</c> → <c>E.1</c>; other ids → null (not a numbered section).</summary>
    internal static string? NumberOfId(string id)
    {
        if (!id.StartsWith("sect_N_", StringComparison.Ordinal)) return null;
        var parts = id["sect_N_".Length..].Split('_');
        int chapter = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        if (chapter >= 9) parts[0] = ((char)('A' + chapter - 9)).ToString();
        return string.Join('.', parts);
    }

    /// <summary>Every disagreement between the tree and the seed's headings, as readable lines.</summary>
    internal static List<string> Disagreements(IReadOnlyList<TemplateSection> roots, IReadOnlyList<Heading> headings)
    {
        var problems = new List<string>();
        var byKey = TemplateData.Walk(roots).ToDictionary(s => s.Key, StringComparer.Ordinal);
        var folded = TemplateData.Walk(roots).SelectMany(s => s.FoldedFrom).ToHashSet(StringComparer.Ordinal);
        foreach (var h in headings)
        {
            if (!byKey.TryGetValue(h.Key, out var s))
            {
                if (!folded.Contains(h.Key)) problems.Add($"seed L{h.Line} {h.Id} \"{h.Title}\": no section {h.Key} in the tree");
                continue;
            }
            if (s.Title != h.Title) problems.Add($"seed L{h.Line} {h.Id}: title \"{s.Title}\" in the tree, \"{h.Title}\" in the seed");
            if (h.Id.StartsWith("para_", StringComparison.Ordinal))
            {
                if (!s.RunIn || s.Number.Length > 0) problems.Add($"seed L{h.Line} {h.Id} \"{h.Title}\" is a run-in heading; the tree numbers it \"{s.Number}\"");
                continue;
            }
            if (s.RunIn) problems.Add($"seed L{h.Line} {h.Id} \"{h.Title}\" is a section; the tree makes it a run-in heading");
            var number = NumberOfId(h.Id) ?? "";
            if (s.Number != number) problems.Add($"seed L{h.Line} {h.Id} \"{h.Title}\": number \"{s.Number}\" in the tree, \"{number}\" in the seed");
            var parent = number.Contains('.') ? number[..number.LastIndexOf('.')] : "";
            if (number.Length > 0 && (s.Parent?.Number ?? "") != parent)
                problems.Add($"seed L{h.Line} {h.Id} \"{h.Title}\": parent \"{s.Parent?.Number}\" in the tree, \"{parent}\" in the seed");
        }
        // Every section of the tree is a heading of the seed, or a repeat prototype made from example instances.
        var seen = headings.Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var s in TemplateData.Walk(roots))
            if (!seen.Contains(s.Key) && !InsidePrototype(s)) problems.Add($"section {s.Number} {s.Key} is not a heading of the seed");
        return problems;
    }

    private static bool InsidePrototype(TemplateSection s)
    {
        for (var x = s; x is not null; x = x.Parent) if (x.Repeat is not null || x.FoldedFrom.Count > 0) return true;
        return false;
    }

    private static List<Heading> Committed() =>
        ReadHeadings(File.ReadAllText(TestUtil.Repo("src", "Dcsc.Core", "Layout", "Data", "template-headings.tsv")));

    [Fact]
    public void Section_tree_agrees_with_the_seed_ids_in_number_parent_and_title()
    {
        var headings = Committed();
        Assert.True(headings.Count > 400, $"only {headings.Count} headings in template-headings.tsv");
        Assert.Empty(Disagreements(TemplateData.Template.Sections, headings));
    }

    [Fact]
    public void The_seed_ids_settle_Annex_E_and_the_run_in_headings()
    {
        var headings = Committed();
        Assert.Contains(headings, h => h.Line == 24137 && h.Id == "sect_N_13" && h.Title == "Code Set Usage");
        foreach (var line in new[] { 10254, 10351, 10359, 10457 })
            Assert.Contains(headings, h => h.Line == line && h.Id.StartsWith("para_", StringComparison.Ordinal));
        Assert.Equal("E.1", NumberOfId("sect_N_13_1"));
        Assert.Equal("7.2.1.3", NumberOfId("sect_N_7_2_1_3"));
        Assert.Null(NumberOfId("para_1234"));
    }

    [Fact]
    public void A_wrong_number_parent_title_or_run_in_is_reported()
    {
        var headings = Committed();
        List<Heading> With(Func<Heading, Heading> change) => headings.Select(change).ToList();
        // Code Set Usage read as D.2 (the outline's old reading): number and parent disagree.
        var d2 = Disagreements(TemplateData.Template.Sections, With(h => h.Id == "sect_N_13" ? h with { Id = "sect_N_12_2" } : h));
        Assert.Contains(d2, p => p.Contains("number \"E\" in the tree, \"D.2\" in the seed", StringComparison.Ordinal));
        Assert.Contains(d2, p => p.Contains("parent \"\" in the tree, \"D\" in the seed", StringComparison.Ordinal));
        // A run-in heading read as a numbered section, and the other way round.
        var runIn = Disagreements(TemplateData.Template.Sections, With(h => h.Key == "netcomm_role_negotiation" ? h with { Id = "sect_N_7_2_1_3_1_2" } : h));
        Assert.Contains(runIn, p => p.Contains("the tree makes it a run-in heading", StringComparison.Ordinal));
        var numbered = Disagreements(TemplateData.Template.Sections, With(h => h.Key == "status_codes" ? h with { Id = "para_x" } : h));
        Assert.Contains(numbered, p => p.Contains("is a run-in heading; the tree numbers it \"7.3\"", StringComparison.Ordinal));
        // A title that differs from the seed.
        var title = Disagreements(TemplateData.Template.Sections, With(h => h.Key == "intro_audience" ? h with { Title = "Audiences" } : h));
        Assert.Contains(title, p => p.Contains("title \"Audience\" in the tree, \"Audiences\" in the seed", StringComparison.Ordinal));
        // A heading the tree lacks.
        var missing = Disagreements(TemplateData.Template.Sections, headings.Append(new Heading(1, "sect_N_3_7", "intro_extra", "Extra")).ToList());
        Assert.Contains(missing, p => p.Contains("no section intro_extra", StringComparison.Ordinal));
    }
}
