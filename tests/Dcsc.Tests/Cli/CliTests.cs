using Dcsc.Cli;

namespace Dcsc.Tests.Cli;

public class CliTests
{
    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CommandLine.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Lint_clean_file_exits_0()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("ok.yaml", Minimal.Yaml);
        var (code, _, err) = Run("lint", f);
        Assert.Equal(0, code);
        Assert.Contains("0 error(s)", err);
    }

    [Fact]
    public void Lint_errors_exit_1_with_compiler_style_lines()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("bad.yaml", Minimal.Yaml.Replace("create: S", "create: X"));
        var (code, stdout, _) = Run("lint", f);
        Assert.Equal(1, code);
        Assert.Matches(@"bad\.yaml\(22,13\): error DCS0053: ", stdout);
        Assert.DoesNotContain("   at ", stdout);
    }

    [Fact]
    public void Lint_malformed_yaml_exits_1_without_stack_trace()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("broken.yaml", "product: [\n  name: x\n");
        var (code, stdout, stderr) = Run("lint", f);
        Assert.Equal(1, code);
        Assert.Contains("error DCS0002", stdout);
        Assert.DoesNotContain("Exception", stdout + stderr);
    }

    [Fact]
    public void Lint_json_format_has_diagnostics_and_summary()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("bad.yaml", Minimal.Yaml.Replace("create: S", "create: X"));
        var (code, stdout, _) = Run("lint", "--format", "json", f);
        Assert.Equal(1, code);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var d = doc.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("DCS0053", d.GetProperty("id").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal(22, d.GetProperty("line").GetInt32());
        Assert.Equal(13, d.GetProperty("column").GetInt32());
        Assert.True(d.TryGetProperty("endLine", out _));
        Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    [Fact]
    public void Missing_file_exits_1_with_a_diagnostic()
    {
        var (code, stdout, _) = Run("lint", "/nonexistent/statement.yaml");
        Assert.Equal(1, code);
        Assert.Contains("DCS0001", stdout);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("lint", "--format", "xml", "x.yaml")]
    [InlineData("frobnicate")]
    [InlineData]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains("dcsc", err);
    }

    [Fact]
    public void Version_names_template_and_dictionary_editions()
    {
        var (code, stdout, _) = Run("--version");
        Assert.Equal(0, code);
        Assert.Contains("template: DICOM PS3.2", stdout);
        Assert.Contains("dictionary:", stdout);
    }

    [Fact]
    public void Schema_prints_the_json_schema()
    {
        var (code, stdout, _) = Run("schema");
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal("http://json-schema.org/draft-07/schema#", doc.RootElement.GetProperty("$schema").GetString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("lint", "--help")]
    public void Help_explains_commands(params string[] args)
    {
        var (code, stdout, _) = Run(args);
        Assert.Equal(0, code);
        Assert.Contains("Usage", stdout);
    }
}

public class LintLayoutTests
{
    [Fact]
    public void Lint_reports_what_the_layout_would_warn_about_in_a_build()
    {
        using var dir = new TestUtil.TempDir();
        // Section 6.3's boilerplate has the placeholder <Transaction Name>; the statement gives it no value.
        var f = dir.File("s.yaml", Minimal.Yaml + "\nsections:\n  config_dicom_ws:\n    text: Web services are configured per tenant.\n");
        var (code, stdout, _) = CliTests.Run("lint", f);
        Assert.Equal(0, code);
        Assert.Contains("warning DCS0501", stdout);
        var (strict, _, _) = CliTests.Run("lint", "--warnings-as-errors", f);
        Assert.Equal(1, strict);
    }
}

public class NeverNaTests
{
    [Fact]
    public void Marking_a_never_NA_section_NA_warns_and_the_section_is_printed()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("s.yaml", Minimal.Yaml + "\nsections:\n  introduction:\n    na: true\n");
        var (code, stdout, _) = CliTests.Run("lint", f);
        Assert.Equal(0, code);
        Assert.Contains("warning DCS0505", stdout);
        var outDir = Path.Combine(dir.Path, "out");
        Assert.Equal(0, CliTests.Run("build", f, "-o", outDir).Code);
        var md = File.ReadAllText(Path.Combine(outDir, "s.md"));
        Assert.Contains("\n# 3 Introduction\n", md);
    }
}
