using System.Diagnostics;

namespace Dcsc.Tests.Codebase;

/// <summary>
/// Every generated file is what its generator makes now (each generator's <c>--check</c> writes nothing and exits 1
/// when a file differs). The schema and the dictionary data have theirs in SchemaValidatorTests and
/// DictionaryGeneratorTests.
/// </summary>
[Collection(Dcsc.Tests.Rules.Serial.Name)]
public class GeneratedFilesTests
{
    internal static (int Code, string Output) Python(string arguments)
    {
        var psi = new ProcessStartInfo("python3", arguments)
        { WorkingDirectory = TestUtil.RepoRoot, RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(entireProcessTree: true); Assert.Fail($"python3 {arguments} did not finish"); }
        return (p.ExitCode, stdout + stderr.Result);
    }

    [Fact]
    public void Rule_pages_and_their_index_are_what_gen_rule_docs_writes()
    {
        // The pages quote real `dcsc lint` output, so the generator runs the dcsc built with these tests.
        string cli = Path.Combine(AppContext.BaseDirectory, "dcsc.dll");
        Assert.True(File.Exists(cli), cli);
        var (code, output) = Python($"tools/gen_rule_docs.py --check --cli \"{cli}\"");
        Assert.True(code == 0, output);
    }

    [Fact]
    public void Template_tree_is_what_extract_template_writes()
    {
        var (code, output) = Python("tools/extract_template.py --check");
        Assert.True(code == 0, "Layout/Data/template.json is stale: run python3 tools/extract_template.py\n" + output);
        Assert.Contains("up to date", output);
    }

    [Fact]
    public void Coverage_page_is_what_gen_coverage_writes()
    {
        var (code, output) = Python("tools/gen_coverage.py --check");
        Assert.True(code == 0, "docs/coverage.md is stale: run python3 tools/gen_coverage.py\n" + output);
    }
}
