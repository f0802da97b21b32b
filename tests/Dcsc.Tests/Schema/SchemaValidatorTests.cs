using Dcsc.Diagnostics;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Schema;

public class SchemaValidatorTests
{
    private static IReadOnlyList<Diagnostic> Check(string yaml) => Compilation.CheckText("s.yaml", yaml).Diagnostics.Sorted();

    [Fact]
    public void Minimal_statement_is_valid_and_binds()
    {
        var r = Compilation.CheckText("s.yaml", Minimal.Yaml);
        Assert.Empty(r.Diagnostics.Items);
        Assert.Equal("Acme Test Modality", r.Statement!.Product.Name);
        Assert.Equal("1.0", r.Statement.Product.Version);
        var sop = Assert.Single(r.Statement.SopClasses);
        Assert.Equal(new[] { "STORAGE-SCU" }, sop.Scu);
        Assert.Equal(18, sop.Location.Of("uid").Line);
    }

    [Fact]
    public void Unknown_key_points_at_the_key_with_a_suggestion()
    {
        var d = Assert.Single(Check(Minimal.Yaml.Replace("    transfer_syntax_sets: [U]", "    trasfer_syntax_sets: [U]")));
        Assert.Equal("DCS0051", d.Id);
        Assert.Equal((21, 5), (d.Span.Line, d.Span.Column));
        Assert.Contains("did you mean `transfer_syntax_sets`?", d.Message);
    }

    [Fact]
    public void Bad_enum_names_the_allowed_values_and_the_found_one()
    {
        var d = Assert.Single(Check(Minimal.Yaml.Replace("create: S", "create: SX")));
        Assert.Equal("DCS0053", d.Id);
        Assert.Equal((22, 13), (d.Span.Line, d.Span.Column));
        Assert.Contains("one of S, SE, SP, P; found `SX`", d.Message);
    }

    [Fact]
    public void Wrong_type_is_reported_at_the_value()
    {
        var d = Assert.Single(Check(Minimal.Yaml.Replace("scu: [STORAGE-SCU]", "scu: {a: 1}")));
        Assert.Equal("DCS0050", d.Id);
        Assert.Equal(20, d.Span.Line);
        Assert.Contains("must be a list; found a mapping", d.Message);
    }

    [Fact]
    public void Missing_required_key_is_reported_at_the_mapping()
    {
        var d = Assert.Single(Check(Minimal.Yaml.Replace("  description: A test product.\n", "")));
        Assert.Equal("DCS0052", d.Id);
        Assert.Equal(2, d.Span.Line);
        Assert.Contains("`product` needs the key `description`", d.Message);
    }

    [Fact]
    public void Plain_numbers_are_accepted_where_text_is_expected()
    {
        Assert.Empty(Check(Minimal.Yaml.Replace("version: \"1.0\"", "version: 1.0")));
    }

    [Fact]
    public void Pattern_errors_explain_the_form()
    {
        var d = Assert.Single(Check(Minimal.Yaml.Replace("uid: 1.2.840.10008.5.1.4.1.1.2", "uid: 1.2.abc")));
        Assert.Equal("DCS0054", d.Id);
        Assert.Contains("a UID: digits and dots", d.Message);
    }

    [Fact]
    public void Yes_no_columns_take_booleans_or_Y_N()
    {
        var yaml = Minimal.Yaml + "\nsecurity:\n  profiles:\n    - profile: TLS\n      kind: secure_transport\n      sender: maybe\n";
        var d = Assert.Single(Check(yaml));
        Assert.Equal("DCS0050", d.Id);
    }

    [Fact]
    public void A_scalar_root_is_an_error_not_a_crash()
    {
        var d = Assert.Single(Check("just text\n"));
        Assert.Equal("DCS0050", d.Id);
    }

    [Fact]
    public void Every_schema_property_has_a_description()
    {
        var schema = Newtonsoft.Json.Linq.JObject.Parse(Dcsc.Schema.SchemaValidator.SchemaText);
        var missing = new List<string>();
        void Walk(Newtonsoft.Json.Linq.JToken t, string path)
        {
            if (t is Newtonsoft.Json.Linq.JObject o)
            {
                if (o["properties"] is Newtonsoft.Json.Linq.JObject props)
                    foreach (var p in props.Properties())
                        if (p.Value["description"] is null) missing.Add(path + "/" + p.Name);
                foreach (var p in o.Properties()) Walk(p.Value, path + "/" + p.Name);
            }
            else if (t is Newtonsoft.Json.Linq.JArray a) foreach (var i in a) Walk(i, path);
        }
        Walk(schema, "#");
        Assert.Empty(missing);
    }

    [Fact]
    public void Committed_schema_is_up_to_date_with_the_generator()
    {
        var psi = new System.Diagnostics.ProcessStartInfo("python3", "tools/gen_schema.py --check") { WorkingDirectory = TestUtil.RepoRoot };
        using var p = System.Diagnostics.Process.Start(psi)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "schema/dcsc.schema.json is stale: run python3 tools/gen_schema.py");
    }
}

public class SchemaPathTests
{
    [Theory]
    [InlineData("a b")]
    [InlineData("x.y")]
    [InlineData("q)")]
    [InlineData("it's")]
    public void Unknown_keys_with_special_characters_are_located(string key)
    {
        var yaml = Minimal.Yaml.Replace("  description: A test product.\n", $"  description: A test product.\n  \"{key}\": 1\n");
        var d = Assert.Single(Dcsc.Pipeline.Compilation.CheckText("s.yaml", yaml).Diagnostics.Items);
        Assert.Equal("DCS0051", d.Id);
        Assert.Equal((5, 3), (d.Span.Line, d.Span.Column));
    }
}
