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
    public void Gaps_exit_0_unless_asked_and_a_failed_required_service_exits_1()
    {
        using var dir = new TestUtil.TempDir();
        var (a, b) = Files(dir, MatchPairs.Modality, MatchPairs.Archive);
        var gaps = CliTests.Run("match", a, b);
        Assert.Equal(0, gaps.Code);
        Assert.Contains("Verdict: COMPATIBLE WITH GAPS", gaps.Out);
        Assert.Contains("Gaps (refused; the rest works):", gaps.Out);
        Assert.Contains("A → B  Storage: X-Ray Radiation Dose SR Storage (1.2.840.10008.5.1.4.1.1.88.67)", gaps.Out);
        Assert.Equal(1, CliTests.Run("match", "--fail-on", "gaps", a, b).Code);
        var (code, stdout, _) = CliTests.Run("match", "--require", "storage-commitment", "--require", "security", a, b);
        Assert.Equal(0, code);
        Assert.Contains("Storage [storage]: A → B compatible with gaps (not in the verdict)", stdout);
        var worklist = CliTests.Run("match", "--require", "worklist", a, b);
        Assert.Equal(1, worklist.Code);
        Assert.Contains("Verdict: INCOMPATIBLE", worklist.Out);
        Assert.Contains("Incompatible because:", worklist.Out);
    }

    [Fact]
    public void Rules_stage_errors_in_an_input_exit_1()
    {
        using var dir = new TestUtil.TempDir();
        // Valid for the schema and the model, but a role on an undeclared AE is an error of the Rules stage.
        var lintErrors = Dcsc.Pipeline.Lint.Run(dir.File("probe.yaml", RuleBroken));
        Assert.Contains(lintErrors, d => d.Severity == Dcsc.Diagnostics.Severity.Error);
        var (a, b) = Files(dir, RuleBroken, MatchPairs.Scp);
        var (code, stdout, stderr) = CliTests.Run("match", a, b);
        Assert.Equal(1, code);
        Assert.Matches(@"a\.yaml\(\d+,\d+\): error DCS\d{4}: ", stdout);
        Assert.Contains("fix them first", stderr);
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
        Assert.Contains("Storage [storage]: A → B compatible with gaps", stdout);
        Assert.Matches(@"incompatible +A → B  Acme Vault PACS accepts Enhanced CT Image Storage", stdout);
        Assert.Matches(@"A: .*a\.yaml:\d+  B: .*b\.yaml:\d+", stdout);
    }

    [Fact]
    public void Markdown_format_has_a_verdict_a_summary_and_a_table_per_service()
    {
        using var dir = new TestUtil.TempDir();
        var (a, b) = Files(dir, MatchPairs.Modality, MatchPairs.Archive);
        var (code, stdout, _) = CliTests.Run("match", "--format", "markdown", a, b);
        Assert.Equal(0, code);
        Assert.StartsWith("# DICOM connectivity: Acme Helix CT 2.1 and Acme Vault PACS 5.0\n", stdout);
        Assert.Contains("**Verdict: compatible with gaps.**", stdout);
        Assert.Contains("## Gaps", stdout);
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
        Assert.Equal(0, code);
        Assert.Equal(stdout, CliTests.Run("match", "--format", "json", "--require", "storage", a, b).Out);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("dcsc-match/2", root.GetProperty("format").GetString());
        Assert.Equal("Acme Helix CT", root.GetProperty("a").GetProperty("product").GetString());
        Assert.Equal("compatible-with-gaps", root.GetProperty("verdict").GetString());
        var gap = root.GetProperty("gaps").EnumerateArray().First(g => g.GetProperty("uid").GetString() == "1.2.840.10008.5.1.4.1.1.88.67");
        Assert.Equal("a-to-b", gap.GetProperty("flow").GetString());
        Assert.Equal("storage", gap.GetProperty("service").GetString());
        Assert.Equal(0, root.GetProperty("blockers").GetArrayLength());
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
        // Transfer Syntaxes are named with their UIDs.
        var ts = f.GetProperty("common")[0];
        Assert.Equal("Explicit VR Little Endian", ts.GetProperty("name").GetString());
        Assert.Equal("1.2.840.10008.1.2.1", ts.GetProperty("uid").GetString());
        Assert.Equal("compatible-with-gaps", storage.GetProperty("flows").GetProperty("a-to-b").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("summary").GetProperty("warning").ValueKind);
    }

    /// <summary>A storage SCU whose SOP Class names an undeclared AE: fine for the model, an error of the rules (DCS0301).</summary>
    private static readonly string RuleBroken = MatchPairs.Scu.Replace("scu: [SENDER]", "scu: [SENDER, GHOST]");
}
