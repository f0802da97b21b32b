using System.Text.Json;
using Dcsc.Tests.Cli;

namespace Dcsc.Tests.Workflow;

[Collection(WorkflowCollection.Name)]
public class LintCliTests
{
    [Fact]
    public void Several_formats_go_to_their_files_and_one_to_stdout()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("bad.yaml", Minimal.Yaml.Replace("create: S", "create: X"));
        var sarif = Path.Combine(dir.Path, "out", "lint.sarif");
        var md = Path.Combine(dir.Path, "out", "lint.md");
        var (code, stdout, err) = CliTests.Run("lint", f, "--format", "github", "--format", $"sarif={sarif}", "--format", $"markdown={md}");
        Assert.Equal(1, code);
        Assert.StartsWith("::error file=", stdout);
        Assert.Contains("title=DCS0053", stdout);
        using (var doc = JsonDocument.Parse(File.ReadAllText(sarif)))
            Assert.Equal("DCS0053", doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString());
        Assert.Contains("[DCS0053]", File.ReadAllText(md));
        Assert.Contains("1 error(s)", err);
        Assert.Empty(Directory.GetFiles(Path.Combine(dir.Path, "out"), "*.tmp"));
    }

    [Fact]
    public void Output_option_pairs_with_a_single_format()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("ok.yaml", Minimal.Yaml);
        var o = Path.Combine(dir.Path, "lint.sarif");
        var (code, stdout, _) = CliTests.Run("lint", f, "--format", "sarif", "--output", o);
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(o));
    }

    [Fact]
    public void Comma_lists_work_like_repeated_options()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("ok.yaml", Minimal.Yaml);
        var (code, stdout, _) = CliTests.Run("lint", f, "--format", $"text,json={Path.Combine(dir.Path, "l.json")}");
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.True(File.Exists(Path.Combine(dir.Path, "l.json")));
    }

    [Theory]
    [InlineData("--format", "text", "--format", "json")]
    [InlineData("--format", "xml")]
    [InlineData("--format", "sarif=")]
    [InlineData("--format", "text", "--format", "json", "--output", "x.txt")]
    [InlineData("--update-baseline")]
    [InlineData("--baseline", "/nonexistent/baseline.json")]
    public void Bad_output_requests_are_usage_errors(params string[] args)
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("ok.yaml", Minimal.Yaml);
        var (code, _, err) = CliTests.Run(new[] { "lint", f }.Concat(args).ToArray());
        Assert.Equal(2, code);
        Assert.StartsWith("dcsc: ", err);
    }

    [Fact]
    public void Update_baseline_then_lint_with_it_exits_0_and_new_findings_fail()
    {
        using var dir = new TestUtil.TempDir();
        var bad = Minimal.Yaml.Replace("create: S", "create: X");
        var f = dir.File("bad.yaml", bad);
        var b = Path.Combine(dir.Path, ".dcsc", "baseline.json");
        var (code, _, err) = CliTests.Run("lint", f, "--baseline", b, "--update-baseline");
        Assert.Equal(0, code);
        Assert.Contains("1 known finding(s) suppressed", err);
        var first = File.ReadAllText(b);
        Assert.Contains("\"file\": \"../bad.yaml\"", first);

        (code, _, _) = CliTests.Run("lint", f, "--baseline", b);
        Assert.Equal(0, code);
        CliTests.Run("lint", f, "--baseline", b, "--update-baseline");
        Assert.Equal(first, File.ReadAllText(b));

        File.WriteAllText(f, bad.Replace("ae_title: ACME_CT", "ae_title: ACME_CT_FAR_TOO_LONG_TITLE"));
        var (code2, stdout, _) = CliTests.Run("lint", f, "--baseline", b);
        Assert.Equal(1, code2);
        Assert.Contains("DCS0056", stdout);
        Assert.DoesNotContain("DCS0053", stdout);
    }

    [Fact]
    public void Warnings_as_errors_turns_warnings_into_errors()
    {
        // No rule emits warnings yet in every build; check the option through the reporting path.
        var w = new Dcsc.Diagnostics.Diagnostic("DCS0053", Dcsc.Diagnostics.Severity.Warning, "w", new Dcsc.Diagnostics.SourceSpan("x.yaml", 1, 1, 1, 2));
        var o = new StringWriter(); var e = new StringWriter();
        var outputs = new[] { new Dcsc.Cli.LintOutput("text", null) };
        Assert.Equal(0, Dcsc.Cli.LintOutputs.Report(new[] { w }, 1, outputs, null, false, false, o, e));
        Assert.Equal(1, Dcsc.Cli.LintOutputs.Report(new[] { w }, 1, outputs, null, false, true, o, e));
        Assert.Contains("error DCS0053", o.ToString());
    }
}
