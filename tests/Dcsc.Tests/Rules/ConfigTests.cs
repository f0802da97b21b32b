using Dcsc.Config;
using Dcsc.Diagnostics;
using Dcsc.Pipeline;
using Dcsc.Cli;
using Dcsc.Tests.Cli;

namespace Dcsc.Tests.Rules;

/// <summary>dcsc.yaml rule severities, its discovery, DCS9003, and the lint flags --config and --warnings-as-errors.</summary>
[Collection(Serial.Name)]
public class ConfigTests
{
    private static readonly string Mismatch = Minimal.Yaml.Replace("name: CT Image Storage", "name: MR Image Storage");
    private static readonly string Unknown = Minimal.Yaml.Replace("- uid: 1.2.840.10008.5.1.4.1.1.2\n", "- uid: 1.2.840.10008.5.1.4.1.1.999\n")
        .Replace("sop_class: 1.2.840.10008.5.1.4.1.1.2", "sop_class: 1.2.840.10008.5.1.4.1.1.999").Replace("name: CT Image Storage", "name: Future Storage");

    [Fact]
    public void Dcsc_yaml_next_to_the_statement_sets_severities()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("s.yaml", Mismatch);
        Assert.Equal(CommandLine.InputErrors, CliTests.Run("lint", f).Code);
        dir.File("dcsc.yaml", "rules:\n  DCS0104: warning\n");
        var (code, stdout, _) = CliTests.Run("lint", f);
        Assert.Equal(CommandLine.Ok, code);
        Assert.Contains("warning DCS0104", stdout);
        dir.File("dcsc.yaml", "rules:\n  DCS0104: off\n");
        Assert.DoesNotContain("DCS0104", CliTests.Run("lint", f).Out);
    }

    [Fact]
    public void Dcsc_yaml_is_found_above_the_statement_up_to_the_repository_root()
    {
        using var dir = new TestUtil.TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git"));
        dir.File("dcsc.yaml", "rules:\n  DCS0104: off\n");
        var f = dir.File(Path.Combine("product", "statement", "s.yaml"), Mismatch);
        Assert.Equal(Path.Combine(dir.Path, "dcsc.yaml"), DcscConfig.Find(f));
        Assert.Equal(CommandLine.Ok, CliTests.Run("lint", f).Code);

        // Above the repository root is not searched.
        using var outer = new TestUtil.TempDir();
        outer.File("dcsc.yaml", "rules:\n  DCS0104: off\n");
        Directory.CreateDirectory(Path.Combine(outer.Path, "repo", ".git"));
        var g = outer.File(Path.Combine("repo", "s.yaml"), Mismatch);
        Assert.Null(DcscConfig.Find(g));
    }

    [Fact]
    public void Explicit_config_and_warnings_as_errors()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("s.yaml", Unknown);
        var (code, stdout, _) = CliTests.Run("lint", f);
        Assert.Equal(CommandLine.Ok, code);
        Assert.Contains("warning DCS0102", stdout);

        (code, stdout, _) = CliTests.Run("lint", "--warnings-as-errors", f);
        Assert.Equal(CommandLine.InputErrors, code);
        Assert.Contains("error DCS0102", stdout);

        var cfg = dir.File(Path.Combine("cfg", "strict.yaml"), "rules:\n  DCS0102: error\n");
        (code, stdout, _) = CliTests.Run("lint", "--config", cfg, f);
        Assert.Equal(CommandLine.InputErrors, code);
        Assert.Contains("error DCS0102", stdout);
    }

    [Fact]
    public void Unknown_ids_and_bad_values_are_DCS9003_at_their_position()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("s.yaml", Mismatch);
        dir.File("dcsc.yaml", "rules:\n  DCS0104: off\n  DCS9999: warning\n  DCS0102: sometimes\n  DCS0051: off\n");
        var (code, stdout, _) = CliTests.Run("lint", f);
        Assert.Equal(CommandLine.InputErrors, code);
        Assert.Matches(@"dcsc\.yaml\(3,3\): error DCS9003: unknown rule id ""DCS9999""", stdout);
        Assert.Matches(@"dcsc\.yaml\(4,12\): error DCS9003: severity ""sometimes"" for DCS0102", stdout);
        Assert.Matches(@"dcsc\.yaml\(5,3\): error DCS9003: DCS0051 is not a lint rule", stdout);
        Assert.DoesNotContain("DCS0104", stdout); // the valid entries still apply
    }

    [Fact]
    public void Config_problems_are_reported_once_for_several_statements()
    {
        using var dir = new TestUtil.TempDir();
        var a = dir.File("a.yaml", Minimal.Yaml);
        var b = dir.File("b.yaml", Minimal.Yaml);
        dir.File("dcsc.yaml", "rules: [DCS0104]\n");
        var (code, stdout, _) = CliTests.Run("lint", a, b);
        Assert.Equal(CommandLine.InputErrors, code);
        Assert.Single(stdout.Split('\n'), l => l.Contains("DCS9003"));
    }

    [Fact]
    public void Build_path_runs_the_rules_with_the_configuration()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("s.yaml", Mismatch);
        var r = Compilation.Check(f);
        Assert.Contains(r.Diagnostics.Items, d => d.Id == "DCS0104" && d.Severity == Severity.Error);
        dir.File("dcsc.yaml", "rules:\n  DCS0104: off\n");
        Assert.DoesNotContain(Compilation.Check(f).Diagnostics.Items, d => d.Id == "DCS0104");
        Assert.Contains(Compilation.Check(f, options: new CheckOptions(DiscoverConfig: false)).Diagnostics.Items, d => d.Id == "DCS0104");
    }
    [Fact]
    public void Layout_warnings_take_their_severity_from_dcsc_yaml()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("s.yaml", Minimal.Yaml.Replace("    description: Sends images.\n", "    description: Sends the images listed in Table 9-9.\n"));
        var (code, stdout, _) = CliTests.Run("lint", f);
        Assert.Equal(CommandLine.Ok, code);
        Assert.Contains("warning DCS0506", stdout);
        dir.File("dcsc.yaml", "rules:\n  DCS0506: error\n");
        (code, stdout, _) = CliTests.Run("lint", f);
        Assert.Equal(CommandLine.InputErrors, code);
        Assert.Contains("error DCS0506", stdout);
        dir.File("dcsc.yaml", "rules:\n  DCS0506: off\n");
        Assert.DoesNotContain("DCS0506", CliTests.Run("lint", f).Out);
    }
}
