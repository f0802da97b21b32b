namespace Dcsc.Tests.Cli;

public class BuildCommandTests
{
    [Fact]
    public void Build_writes_the_markdown_named_after_the_statement()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("acme.yaml", Minimal.Yaml);
        var outDir = Path.Combine(dir.Path, "out");
        var (code, _, err) = CliTests.Run("build", f, "-o", outDir);
        Assert.Equal(0, code);
        var md = File.ReadAllText(Path.Combine(outDir, "acme.md"));
        Assert.StartsWith("<!-- dcsc:cover ", md);
        Assert.Contains("\n# 1 Overview\n", md);
        Assert.Contains("wrote", err);
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));
    }

    [Fact]
    public void Build_with_errors_writes_nothing_and_exits_1()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("bad.yaml", Minimal.Yaml.Replace("create: S", "create: X"));
        var outDir = Path.Combine(dir.Path, "out");
        var (code, stdout, _) = CliTests.Run("build", f, "-o", outDir);
        Assert.Equal(1, code);
        Assert.Contains("error DCS0053", stdout);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Build_with_a_broken_template_writes_nothing_and_exits_1()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("acme.yaml", Minimal.Yaml);
        dir.File("tpl/paragraph.hbs", "{{#each inlines}} unclosed");
        var outDir = Path.Combine(dir.Path, "out");
        var (code, stdout, _) = CliTests.Run("build", f, "-o", outDir, "--templates", Path.Combine(dir.Path, "tpl"));
        Assert.Equal(1, code);
        Assert.Contains("error DCS9002", stdout);
        Assert.Contains("paragraph.hbs", stdout);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Build_all_formats_and_na_keep()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("acme.yaml", Minimal.Yaml);
        var outDir = Path.Combine(dir.Path, "out");
        var (code, _, _) = CliTests.Run("build", f, "-o", outDir, "--format", "md,html,docx", "--na", "keep");
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(outDir, "acme.html")));
        Assert.True(File.Exists(Path.Combine(outDir, "acme.docx")));
        Assert.Contains("5.3.1 URI Web Service (WADO URI) - N/A", File.ReadAllText(Path.Combine(outDir, "acme.md")));
    }

    [Theory]
    [InlineData("--format", "pdf")]
    [InlineData("--na", "sometimes")]
    public void Build_usage_errors_exit_2(string option, string value)
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("acme.yaml", Minimal.Yaml);
        var (code, _, err) = CliTests.Run("build", f, "-o", Path.Combine(dir.Path, "out"), option, value);
        Assert.Equal(2, code);
        Assert.Contains(value, err);
    }

    [Fact]
    public void Build_takes_the_date_from_SOURCE_DATE_EPOCH_when_the_source_has_none()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("acme.yaml", Minimal.Yaml);
        var outDir = Path.Combine(dir.Path, "out");
        var old = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        try
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "1767225600");
            Assert.Equal(0, CliTests.Run("build", f, "-o", outDir).Code);
        }
        finally { Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", old); }
        var md = File.ReadAllText(Path.Combine(outDir, "acme.md"));
        Assert.Contains("\"date\":\"2026-01-01\"", md);
        Assert.Contains("\nDate: 2026-01-01\n", md);
    }
}
