using System.Text.RegularExpressions;
using Dcsc.Diagnostics;
using Dcsc.Pipeline;
using Dcsc.Rules;

namespace Dcsc.Tests.Rules;

/// <summary>
/// docs/rules/ has a page for every diagnostic id, and every rule's failing example reports it while its passing
/// example does not. The examples are linted exactly as they are printed (tools/gen_rule_docs.py writes the pages).
/// </summary>
[Collection(Serial.Name)]
public class RuleDocsTests
{
    private static readonly string Dir = TestUtil.Repo("docs", "rules");

    public static IEnumerable<object[]> AllIds => DiagnosticCatalogue.All.Select(d => new object[] { d.Id });

    public static IEnumerable<object[]> RuleIds => RuleRunner.Ids.Select(id => new object[] { id });

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Every_diagnostic_id_has_a_page(string id)
    {
        var path = Path.Combine(Dir, id + ".md");
        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing (run python3 tools/gen_rule_docs.py)");
        var text = File.ReadAllText(path);
        Assert.StartsWith($"# {id}: ", text);
        foreach (var heading in new[] { "## What it checks", "## Why", "## Failing example", "## Passing example", "## How to fix" })
            Assert.Contains(heading, text);
    }

    [Fact]
    public void Every_page_is_a_catalogue_id()
    {
        var pages = Directory.GetFiles(Dir, "DCS*.md").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.NotEmpty(pages);
        foreach (var p in pages) Assert.True(DiagnosticCatalogue.Contains(p!), $"docs/rules/{p}.md has no catalogue id");
    }

    [Fact]
    public void Rule_ids_and_catalogue_agree()
    {
        var ruleCategories = new[] { "uid", "attribute", "consistency", "protocol", "ps32", "ps34", "review", "completeness" };
        var catalogued = DiagnosticCatalogue.All.Where(d => ruleCategories.Contains(d.Category)).Select(d => d.Id).OrderBy(x => x).ToList();
        Assert.Equal(catalogued, RuleRunner.Ids.OrderBy(x => x).ToList());
        Assert.Equal(RuleRunner.Ids.Count, RuleRunner.Ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Failing_example_reports_the_rule(string id)
    {
        var (failing, _) = Examples(id);
        Assert.NotNull(failing);
        var diags = Lint(failing!);
        Assert.True(diags.Any(d => d.Id == id), $"{id}: failing example reports {string.Join(", ", diags.Select(d => d.Id).Distinct())}");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Passing_example_does_not_report_the_rule(string id)
    {
        var (_, passing) = Examples(id);
        Assert.NotNull(passing);
        var diags = Lint(passing!);
        Assert.DoesNotContain(diags, d => d.Id == id);
        Assert.DoesNotContain(diags, d => d.Id.StartsWith("DCS00", StringComparison.Ordinal)); // the example is a valid statement
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Source_and_schema_examples_behave(string id)
    {
        if (RuleRunner.Ids.Contains(id)) return;
        var (failing, passing) = Examples(id);
        if (failing is not null) Assert.Contains(Lint(failing), d => d.Id == id);
        if (passing is not null) Assert.DoesNotContain(Lint(passing), d => d.Id == id);
    }

    private static IReadOnlyList<Diagnostic> Lint(string yaml) => Dcsc.Pipeline.Lint.RunText("statement.yaml", yaml);

    /// <summary>The ```yaml blocks under "## Failing example" and "## Passing example" (null when the example is not YAML).</summary>
    internal static (string? Failing, string? Passing) Examples(string id)
    {
        var text = File.ReadAllText(Path.Combine(Dir, id + ".md")).Replace("\r\n", "\n");
        return (Block(text, "## Failing example"), Block(text, "## Passing example"));
    }

    private static string? Block(string text, string heading)
    {
        int h = text.IndexOf(heading, StringComparison.Ordinal);
        if (h < 0) return null;
        var m = Regex.Match(text[h..], "```(\\w+)\\n(.*?)\\n?```", RegexOptions.Singleline);
        return m.Success && m.Groups[1].Value == "yaml" ? m.Groups[2].Value + "\n" : null;
    }
}

/// <summary>Heavy rule tests run alone, so that they do not disturb the timing tests of other classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Serial
{
    public const string Name = "Rules (serial)";
}
