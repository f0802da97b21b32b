using Dcsc.Diagnostics;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Workflow;

[Collection(WorkflowCollection.Name)]
public class BaselineTests
{
    private static IReadOnlyList<Diagnostic> Check(string file) => Compilation.Check(file).Diagnostics.Sorted();

    [Fact]
    public void Baseline_suppresses_known_findings_after_lines_shift()
    {
        using var dir = new TestUtil.TempDir();
        var bad = Minimal.Yaml.Replace("create: S", "create: X");
        var f = dir.File("s.yaml", bad);
        var baseline = Baseline.Create(Check(f), dir.Path);
        Assert.Single(baseline.Entries);

        // Lines inserted above: the finding moves but stays known.
        File.WriteAllText(f, "# a comment\n# another\n" + bad);
        var (remaining, suppressed) = Baseline.Parse(baseline.ToJson()).Filter(Check(f), dir.Path);
        Assert.Empty(remaining);
        Assert.Equal(1, suppressed);

        // A new finding of the same rule elsewhere is reported.
        File.WriteAllText(f, bad.Replace("name: Uncompressed", "name: Uncompressed\n    bogus: 1"));
        (remaining, suppressed) = baseline.Filter(Check(f), dir.Path);
        Assert.Single(remaining);
        Assert.Equal("DCS0051", remaining[0].Id);
        Assert.Equal(1, suppressed);
    }

    [Fact]
    public void Baseline_json_is_sorted_and_deterministic()
    {
        var a = new Diagnostic("DCS0056", Severity.Error, "m2", new SourceSpan("/x/b.yaml", 3, 1, 3, 2));
        var b = new Diagnostic("DCS0053", Severity.Error, "m1", new SourceSpan("/x/a.yaml", 9, 1, 9, 2));
        var j1 = Baseline.Create(new[] { a, b }, "/x").ToJson();
        var j2 = Baseline.Create(new[] { b, a }, "/x").ToJson();
        Assert.Equal(j1, j2);
        Assert.True(j1.IndexOf("a.yaml", StringComparison.Ordinal) < j1.IndexOf("b.yaml", StringComparison.Ordinal));
        Assert.Equal(j1, Baseline.Parse(j1).ToJson());
    }

    [Fact]
    public void Each_entry_suppresses_one_finding()
    {
        var d = new Diagnostic("DCS0053", Severity.Error, "m", new SourceSpan("/x/a.yaml", 1, 1, 1, 2));
        var baseline = Baseline.Create(new[] { d }, "/x");
        var (remaining, suppressed) = baseline.Filter(new[] { d, d }, "/x");
        Assert.Single(remaining);
        Assert.Equal(1, suppressed);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"version\": 7, \"findings\": []}")]
    [InlineData("{\"findings\": [{\"file\": 1}]}")]
    public void Bad_baselines_are_format_errors(string json) => Assert.Throws<FormatException>(() => Baseline.Parse(json));
}
