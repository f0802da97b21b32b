using Dcsc.Layout;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Layout;

/// <summary>
/// Issue 4 acceptance on the bundled examples: every non-repeated template section appears with its number
/// and exact title (allowing " - N/A"); in the default collapsed mode a section may be absent only because its
/// parent is N/A (PS3.2: the subsections of an all-N/A section may be deleted).
/// </summary>
public class ExampleSectionTests
{
    public static TheoryData<string> Examples() => new(Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml").Select(Path.GetFileName).Order()!);

    private static bool InsideRepeat(TemplateSection t)
    {
        for (var x = t; x is not null; x = x.Parent) if (x.Repeat is not null) return true;
        return false;
    }

    /// <summary>Sections after a repeated sibling move by the number of extra instances (A.5 after two IODs is A.4).</summary>
    private static bool FollowsRepeat(TemplateSection t)
    {
        var siblings = t.Parent?.Children ?? TemplateData.Template.Sections;
        int i = siblings.ToList().IndexOf(t);
        return siblings.Take(i).Any(s => s.Repeat is not null);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_template_section_is_present_with_its_number_and_title(string example)
    {
        var check = Compilation.Check(TestUtil.Repo("examples", example));
        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics.Items));
        foreach (var keep in new[] { true, false })
        {
            var doc = StatementLayout.Layout(check.Statement!, new LayoutOptions { KeepNaSubsections = keep });
            var byKey = doc.AllSections().Where(s => !s.IsAdded).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First());
            var naKeys = doc.AllSections().Where(s => s.IsNa).Select(s => s.Key).ToHashSet();
            int checkedCount = 0;
            foreach (var t in TemplateData.Walk(TemplateData.Template.Sections))
            {
                if (t.Key is "cover_page" || InsideRepeat(t)) continue;
                if (!byKey.TryGetValue(t.Key, out var s))
                {
                    Assert.False(keep, $"{example}: section {t.Number} {t.Title} is missing (keep mode)");
                    Assert.True(t.Parent is not null && (naKeys.Contains(t.Parent.Key) || !byKey.ContainsKey(t.Parent.Key)),
                        $"{example}: section {t.Number} {t.Title} is missing although its parent is not N/A");
                    continue;
                }
                if (!FollowsRepeat(t)) Assert.Equal(t.Number, s.Number);
                Assert.True(s.Title == t.Title || s.Title == t.Title + " - N/A", $"{example} {s.Number}: expected \"{t.Title}\", got \"{s.Title}\"");
                checkedCount++;
            }
            // A sparse statement (the storage gateway) collapses most N/A subtrees: fewer sections remain to check.
            Assert.True(checkedCount > (keep ? 380 : example == "storage-gateway.yaml" ? 75 : 120), $"{example}: only {checkedCount} sections checked");
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void No_template_text_is_left_in_the_markdown(string example)
    {
        var r = Build.Run(TestUtil.Repo("examples", example));
        Assert.True(r.Markdown is not null, string.Join("\n", r.Diagnostics));
        // Outside code spans: no <placeholder>, <<choice>> or [instruction] of the template.
        var text = System.Text.RegularExpressions.Regex.Replace(r.Markdown!, "`[^`]*`", "");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"<!-- dcsc:[^\n]*-->", "");
        Assert.DoesNotMatch(@"<<[^>]*>>", text);
        Assert.DoesNotMatch(@"<(Product|product|AE\d|Activity \d|Application Entity \d|Image IOD \d|SR IOD \d|Private IOD \d)[^>]*>", text);
        Assert.DoesNotMatch(@"\[(Describe|List|Provide|Edit|Modify|If |For |Fill|Replace|Add|Document|Indicate|Specify|Mark|Use|This )[^\]]*\]", text);
        Assert.DoesNotMatch(@"\{(product|table:|section:|placeholder:|choice:|ae|activity|iod|template|mapping|module|finding_site)[^}]*\}", text);
    }
}
