using System.Text.Json;
using Markdig;
using Markdig.Syntax;
using Dcsc.Tests.Cli;

namespace Dcsc.Tests.Match;

public class MatchCliTests
{
    private static (string A, string B) Files(TestUtil.TempDir dir, string a, string b) =>
        (dir.File("a.yaml", a), dir.File("b.yaml", b));

    [Fact]
    public void Compatible_pair_exits_0()
    {
        using var dir = new TestUtil.TempDir();
        var (a, b) = Files(dir, MatchPairs.Scu, MatchPairs.Scp);
        var (code, stdout, _) = CliTests.Run("match", a, b);
        Assert.Equal(0, code);
        Assert.Contains("Verdict: COMPATIBLE", stdout);
    }

    [Fact]
    public void Incompatible_pair_exits_1_unless_the_required_services_are_fine()
    {
        using var dir = new TestUtil.TempDir();
        var (a, b) = Files(dir, MatchPairs.Modality, MatchPairs.Archive);
        Assert.Equal(1, CliTests.Run("match", a, b).Code);
        Assert.Equal(1, CliTests.Run("match", "--require", "storage", a, b).Code);
        var (code, stdout, _) = CliTests.Run("match", "--require", "storage-commitment", "--require", "security", a, b);
        Assert.Equal(0, code);
        Assert.Contains("Storage [storage]: incompatible (not in the verdict)", stdout);
    }

    [Theory]
    [InlineData("match")]
    [InlineData("match", "only-one.yaml")]
    [InlineData("match", "a.yaml", "b.yaml", "--format", "xml")]
    [InlineData("match", "a.yaml", "b.yaml", "--require", "teleportation")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (code, _, err) = CliTests.Run(args);
        Assert.Equal(2, code);
        Assert.Contains("dcsc:", err);
    }

    [Fact]
    public void Input_errors_exit_1_with_lint_style_diagnostics()
    {
        using var dir = new TestUtil.TempDir();
        var (a, b) = Files(dir, MatchPairs.Scu.Replace("name: CT Image Storage", "name: CT Image Storage\n    create: X"), MatchPairs.Scp);
        var (code, stdout, stderr) = CliTests.Run("match", a, b);
        Assert.Equal(1, code);
        Assert.Matches(@"a\.yaml\(\d+,\d+\): error DCS\d{4}: ", stdout);
        Assert.Contains("1 error(s)", stderr);
        var missing = CliTests.Run("match", a, "/nonexistent/b.yaml");
        Assert.Equal(1, missing.Code);
        Assert.Contains("DCS0001", missing.Out);
    }

    [Fact]
    public void Text_format_names_products_levels_and_locations()
    {
        using var dir = new TestUtil.TempDir();
        var (a, b) = Files(dir, MatchPairs.Modality, MatchPairs.Archive);
        var (_, stdout, _) = CliTests.Run("match", a, b);
        Assert.Contains("A: Acme Helix CT 2.1 (", stdout);
        Assert.Contains("Storage [storage]: incompatible", stdout);
        Assert.Matches(@"incompatible +A → B  Acme Vault PACS accepts Enhanced CT Image Storage", stdout);
        Assert.Matches(@"A: .*a\.yaml:\d+  B: .*b\.yaml:\d+", stdout);
    }

    [Fact]
    public void Markdown_format_has_a_verdict_a_summary_and_a_table_per_service()
    {
        using var dir = new TestUtil.TempDir();
        var (a, b) = Files(dir, MatchPairs.Modality, MatchPairs.Archive);
        var (code, stdout, _) = CliTests.Run("match", "--format", "markdown", a, b);
        Assert.Equal(1, code);
        Assert.StartsWith("# DICOM connectivity: Acme Helix CT 2.1 and Acme Vault PACS 5.0\n", stdout);
        Assert.Contains("**Verdict: incompatible.**", stdout);
        Assert.Contains("## Summary", stdout);
        Assert.Contains("## Storage\n", stdout);
        Assert.Contains("| Level | Direction | Subject | Finding | A | B |", stdout);
        Assert.Contains("| compatible | A → B | CT Image Storage (1.2.840.10008.5.1.4.1.1.2) |", stdout);
        // The document parses as Markdown with pipe tables (the project's Markdown engine).
        var doc = Markdown.Parse(stdout, new MarkdownPipelineBuilder().UsePipeTables().Build());
        Assert.True(doc.Descendants<Markdig.Extensions.Tables.Table>().Count() >= 3);
    }

    [Fact]
    public void Json_format_is_stable_and_documented()
    {
        using var dir = new TestUtil.TempDir();
        var (a, b) = Files(dir, MatchPairs.Modality, MatchPairs.Archive);
        var (code, stdout, _) = CliTests.Run("match", "--format", "json", "--require", "storage", a, b);
        Assert.Equal(1, code);
        Assert.Equal(stdout, CliTests.Run("match", "--format", "json", "--require", "storage", a, b).Out);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("dcsc-match/1", root.GetProperty("format").GetString());
        Assert.Equal("Acme Helix CT", root.GetProperty("a").GetProperty("product").GetString());
        Assert.Equal("incompatible", root.GetProperty("verdict").GetString());
        Assert.Equal("storage", root.GetProperty("required")[0].GetString());
        var storage = root.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("service").GetString() == "storage");
        Assert.True(storage.GetProperty("inVerdict").GetBoolean());
        var f = storage.GetProperty("findings")[0];
        Assert.Equal("compatible", f.GetProperty("level").GetString());
        Assert.Equal("a-to-b", f.GetProperty("flow").GetString());
        Assert.Equal("1.2.840.10008.5.1.4.1.1.2", f.GetProperty("uid").GetString());
        Assert.EndsWith("a.yaml", f.GetProperty("a").GetProperty("file").GetString());
        Assert.True(f.GetProperty("b").GetProperty("line").GetInt32() > 0);
        Assert.Equal(3, f.GetProperty("common").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("summary").GetProperty("warning").ValueKind);
    }
}
