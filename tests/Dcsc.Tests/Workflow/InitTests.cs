using Dcsc.Cli;
using Dcsc.Schema;
using Dcsc.Tests.Cli;
using YamlDotNet.RepresentationModel;

namespace Dcsc.Tests.Workflow;

[Collection(WorkflowCollection.Name)]
public class InitTests
{
    private static readonly string[] Expected = { "dcsc.yaml", "statement.yaml", ".dcsc/dcsc.schema.json", ".github/workflows/dcsc.yml" };

    [Fact]
    public void Init_scaffolds_a_project_that_lints_clean()
    {
        using var dir = new TestUtil.TempDir();
        var project = Path.Combine(dir.Path, "my-product");
        var (code, stdout, err) = CliTests.Run("init", project);
        Assert.True(code == 0, err);
        foreach (var f in Expected) Assert.True(File.Exists(Path.Combine(project, f)), f);
        Assert.Contains("created", stdout);
        Assert.Empty(Directory.GetFiles(project, "*.tmp", SearchOption.AllDirectories));

        var (lintCode, lintOut, lintErr) = CliTests.Run("lint", Path.Combine(project, "statement.yaml"), "--warnings-as-errors");
        Assert.True(lintCode == 0, lintOut + lintErr);
        Assert.Equal("", lintOut);
    }

    [Fact]
    public void Statement_modeline_points_at_the_schema_init_writes()
    {
        using var dir = new TestUtil.TempDir();
        Assert.Equal(0, CliTests.Run("init", dir.Path).Code);
        var first = File.ReadLines(Path.Combine(dir.Path, "statement.yaml")).First();
        Assert.Equal("# yaml-language-server: $schema=.dcsc/dcsc.schema.json", first);
        Assert.Equal(SchemaValidator.SchemaText, File.ReadAllText(Path.Combine(dir.Path, ".dcsc", "dcsc.schema.json")));
    }

    [Fact]
    public void Workflow_lints_pull_requests_and_builds_tags()
    {
        using var dir = new TestUtil.TempDir();
        Assert.Equal(0, CliTests.Run("init", dir.Path).Code);
        var text = File.ReadAllText(Path.Combine(dir.Path, ".github", "workflows", "dcsc.yml"));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var on = (YamlMappingNode)root["on"];
        Assert.True(on.Children.ContainsKey("pull_request"));
        Assert.Contains("v*", ((YamlSequenceNode)((YamlMappingNode)on["push"])["tags"]).Children.Select(c => c.ToString()));
        var jobs = (YamlMappingNode)root["jobs"];
        Assert.Contains("--format github", text);
        Assert.Contains("--format sarif=dcsc.sarif", text);
        Assert.Contains("github/codeql-action/upload-sarif", text);
        Assert.Equal("startsWith(github.ref, 'refs/tags/')", ((YamlMappingNode)jobs["build"])["if"].ToString());
        Assert.Contains("dcsc build \"$STATEMENT\" -o out --format md,html,docx", text);
        Assert.Contains("gh release upload", text);
        Assert.Contains("${{ github.token }}", text);
    }

    [Fact]
    public void Init_refuses_to_overwrite_and_changes_nothing()
    {
        using var dir = new TestUtil.TempDir();
        dir.File("statement.yaml", "mine");
        dir.File(".github/workflows/dcsc.yml", "mine too");
        var (code, stdout, err) = CliTests.Run("init", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains("statement.yaml", err);
        Assert.Contains(".github/workflows/dcsc.yml", err);
        Assert.DoesNotContain("dcsc.yaml\n", err.Replace("workflows/dcsc.yml", ""));
        Assert.Equal("", stdout);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir.Path, "statement.yaml")));
        Assert.False(File.Exists(Path.Combine(dir.Path, "dcsc.yaml")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, ".dcsc")));
    }

    [Fact]
    public void Init_writes_nothing_through_a_link()
    {
        using var dir = new TestUtil.TempDir();
        var real = Path.Combine(dir.Path, "real");
        Directory.CreateDirectory(real);
        var link = Path.Combine(dir.Path, "link");
        Directory.CreateSymbolicLink(link, real);
        var (code, stdout, err) = CliTests.Run("init", link);
        Assert.Equal(1, code);
        Assert.Contains("DCS", err);
        Assert.Contains("link", err);
        Assert.Equal("", stdout);
        Assert.Empty(Directory.EnumerateFileSystemEntries(real));
    }

    [Fact]
    public void Init_project_builds_at_once()
    {
        using var dir = new TestUtil.TempDir();
        Assert.Equal(0, CliTests.Run("init", dir.Path).Code);
        var outDir = Path.Combine(dir.Path, "out");
        var (code, o, e) = CliTests.Run("build", Path.Combine(dir.Path, "statement.yaml"), "-o", outDir);
        Assert.True(code == 0, o + e);
        Assert.NotEmpty(Directory.GetFiles(outDir));
    }

    [Fact]
    public void Files_lists_every_target()
        => Assert.Equal(Expected, InitCommand.Files().Select(f => f.Path));
}
