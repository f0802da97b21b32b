using System.Text.Json;
using Dcsc.Diagnostics;
using Dcsc.Diagnostics.Formats;
using Dcsc.Pipeline;
using NJsonSchema;
using Dcsc.Tool;

namespace Dcsc.Tests.Workflow;

[Collection(WorkflowCollection.Name)]
public class SarifTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(TestUtil.Repo("tests", "Dcsc.Tests", "Workflow", "sarif-schema-2.1.0.trimmed.json"))).GetAwaiter().GetResult());

    internal static (TestUtil.TempDir Dir, IReadOnlyList<Diagnostic> Diagnostics) BadStatement()
    {
        var dir = new TestUtil.TempDir();
        var f = dir.File("specs/bad statement.yaml", Minimal.Yaml.Replace("create: S", "create: X").Replace("ae_title: ACME_CT", "ae_title: ACME_CT_FAR_TOO_LONG_TITLE"));
        return (dir, Compilation.Check(f).Diagnostics.Sorted());
    }

    [Fact]
    public void Sarif_output_validates_against_the_sarif_2_1_0_schema()
    {
        var (dir, diags) = BadStatement();
        using var _ = dir;
        Assert.Equal(2, diags.Count);
        var sarif = SarifFormatter.Format(diags, new ArtifactPaths(dir.Path));
        var errors = Schema.Value.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public void Empty_result_validates_too()
    {
        var sarif = SarifFormatter.Format(Array.Empty<Diagnostic>(), new ArtifactPaths("."));
        Assert.Empty(Schema.Value.Validate(sarif));
        using var doc = JsonDocument.Parse(sarif);
        Assert.Equal(0, doc.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void The_schema_copy_rejects_broken_sarif()
    {
        // The trimmed schema is strict enough to matter: a wrong level and a 0 line are caught.
        var (dir, diags) = BadStatement();
        using var _ = dir;
        var sarif = SarifFormatter.Format(diags, new ArtifactPaths(dir.Path)).Replace("\"level\": \"error\"", "\"level\": \"fatal\"").Replace("\"startLine\": ", "\"startLine\": -");
        Assert.NotEmpty(Schema.Value.Validate(sarif));
        Assert.NotEmpty(Schema.Value.Validate("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {}}]}"));
    }

    [Fact]
    public void Sarif_has_driver_rules_results_and_relative_locations()
    {
        var (dir, diags) = BadStatement();
        using var _ = dir;
        using var doc = JsonDocument.Parse(SarifFormatter.Format(diags, new ArtifactPaths(dir.Path)));
        var root = doc.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.StartsWith("https://", root.GetProperty("$schema").GetString());
        var run = root.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("dcsc", driver.GetProperty("name").GetString());
        Assert.Equal(ToolInfo.Version, driver.GetProperty("version").GetString());
        Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(new[] { "DCS0053", "DCS0056" }, rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var r in rules)
        {
            Assert.False(string.IsNullOrEmpty(r.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.EndsWith(r.GetProperty("id").GetString() + ".md", r.GetProperty("helpUri").GetString());
            Assert.Equal("error", r.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        }
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        foreach (var res in results)
        {
            var id = res.GetProperty("ruleId").GetString();
            Assert.Equal(id, rules[res.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Equal("error", res.GetProperty("level").GetString());
            Assert.False(string.IsNullOrEmpty(res.GetProperty("message").GetProperty("text").GetString()));
            var loc = res.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("specs/bad%20statement.yaml", loc.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", loc.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        }
        var create = results.Single(r => r.GetProperty("ruleId").GetString() == "DCS0053").GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(22, create.GetProperty("startLine").GetInt32());
        Assert.Equal(13, create.GetProperty("startColumn").GetInt32());
        Assert.Equal(22, create.GetProperty("endLine").GetInt32());
        Assert.Equal(14, create.GetProperty("endColumn").GetInt32());
    }

    [Fact]
    public void Sarif_is_deterministic()
    {
        var (dir, diags) = BadStatement();
        using var _ = dir;
        Assert.Equal(SarifFormatter.Format(diags, new ArtifactPaths(dir.Path)), SarifFormatter.Format(diags, new ArtifactPaths(dir.Path)));
    }

    [Fact]
    public void Files_outside_the_root_get_absolute_file_uris()
    {
        var d = new Diagnostic("DCS0001", Severity.Error, "x", new SourceSpan("/elsewhere/s.yaml", 1, 1, 1, 2));
        using var doc = JsonDocument.Parse(SarifFormatter.Format(new[] { d }, new ArtifactPaths("/work/nowhere-root")));
        var art = doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.StartsWith("file:///", art.GetProperty("uri").GetString());
        Assert.False(art.TryGetProperty("uriBaseId", out _));
    }
}
