using Dcsc.Pipeline;

namespace Dcsc.Tests.Examples;

/// <summary>The bundled examples (examples/*.yaml) are the documentation's proof: every one must check clean.</summary>
public class ExamplesLintTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void The_three_bundled_examples_exist()
    {
        var names = Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml").Select(Path.GetFileName).ToList();
        Assert.Contains("ct-modality.yaml", names);
        Assert.Contains("image-archive.yaml", names);
        Assert.Contains("web-viewer.yaml", names);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_checks_without_errors(string file)
    {
        var result = Compilation.Check(TestUtil.Repo("examples", file));
        var errors = result.Diagnostics.Items.Where(d => d.Severity == Dcsc.Diagnostics.Severity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.NotNull(result.Statement);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_starts_with_the_schema_modeline(string file)
    {
        var first = File.ReadLines(TestUtil.Repo("examples", file)).First();
        Assert.Equal("# yaml-language-server: $schema=../schema/dcsc.schema.json", first);
    }

    [Fact]
    public void At_least_one_example_uses_include_and_the_included_files_exist()
    {
        var text = File.ReadAllText(TestUtil.Repo("examples", "ct-modality.yaml"));
        var includes = System.Text.RegularExpressions.Regex.Matches(text, @"!include\s+(\S+)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(includes);
        foreach (var inc in includes) Assert.True(File.Exists(TestUtil.Repo("examples", inc)), inc);
    }
}
