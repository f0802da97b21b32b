using System.Text;
using Dcsc.Schema;
using NJsonSchema;

namespace Dcsc.Tests.Schema;

/// <summary>
/// SchemaReader builds NJsonSchema's object model itself (for speed: docs/performance.md). These tests hold it to
/// building what NJsonSchema's own reader builds from the same text, keyword by keyword, for the whole schema; the
/// diagnostics of both are compared by SchemaPruningTests.
/// </summary>
public class SchemaReaderTests
{
    [Fact]
    public async Task The_whole_schema_reads_to_the_model_NJsonSchema_reads()
    {
        var text = File.ReadAllText(TestUtil.Repo("schema", "dcsc.schema.json"));
        var ours = SchemaReader.Read(text);
        var theirs = await JsonSchema.FromJsonAsync(text);
        var a = Dump(ours);
        var b = Dump(theirs);
        Assert.True(a.Length > 100_000, "the dump compares the schema, not an empty model");
        Assert.Equal(b, a);
    }

    [Fact]
    public async Task Every_kind_of_value_reads_as_NJsonSchema_reads_it()
    {
        const string text = """
            {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean"]}, "required": ["a", "z"], "minProperties": 1, "maxProperties": 9,
             "properties": {
               "a": {"type": "string", "enum": ["x", 2, 2.5, true, null], "pattern": "^x$", "minLength": 1, "maxLength": 3, "description": "not read"},
               "b": {"anyOf": [{"$ref": "#/definitions/d"}, {"type": "array", "items": {"type": "integer"}, "minItems": 1, "maxItems": 4}]},
               "c": {"additionalProperties": false, "properties": {}}},
             "definitions": {"d": {"type": "integer", "minimum": 1, "maximum": 65535}}}
            """;
        Assert.Equal(Dump(await JsonSchema.FromJsonAsync(text)), Dump(SchemaReader.Read(text)));
    }

    [Theory]
    [InlineData("""{"oneOf": [{"type": "string"}]}""", "the keyword \"oneOf\"")]
    [InlineData("""{"properties": {"a": {"$ref": "#/definitions/missing"}}}""", "the reference \"#/definitions/missing\"")]
    [InlineData("""{"type": "text"}""", "the type \"text\"")]
    [InlineData("""{"items": [{"type": "string"}]}""", "tuple items")]
    public void A_keyword_it_does_not_know_is_refused_not_ignored(string schema, string what)
    {
        var e = Assert.Throws<NotSupportedException>(() => SchemaReader.Read(schema));
        Assert.Contains(what, e.Message, StringComparison.Ordinal);
    }

    /// <summary>Every keyword that changes validation, with references named by their definition.</summary>
    private static string Dump(JsonSchema root)
    {
        var names = root.Definitions.ToDictionary(d => (object)d.Value, d => d.Key, ReferenceEqualityComparer.Instance);
        var sb = new StringBuilder();
        foreach (var (name, d) in root.Definitions.OrderBy(d => d.Key, StringComparer.Ordinal)) Write(sb, d, "#/definitions/" + name, names);
        Write(sb, root, "#", names);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonSchema s, string at, Dictionary<object, string> names)
    {
        sb.Append(at).Append(" type=").Append(s.Type)
            .Append(" ref=").Append(s.Reference is { } r ? names[r] : "-")
            .Append(" required=").Append(string.Join(",", s.RequiredProperties))
            .Append(" additional=").Append(s.AllowAdditionalProperties)
            .Append(" enum=").Append(string.Join(",", s.Enumeration.Select(v => v is null ? "null" : $"{v.GetType().Name}:{v}")))
            .Append(" pattern=").Append(s.Pattern)
            .Append(" length=").Append(s.MinLength).Append('-').Append(s.MaxLength)
            .Append(" items=").Append(s.MinItems).Append('-').Append(s.MaxItems)
            .Append(" props=").Append(s.MinProperties).Append('-').Append(s.MaxProperties)
            .Append(" range=").Append(s.Minimum).Append('-').Append(s.Maximum)
            .Append(" counts=").Append(s.AllOf.Count).Append(s.OneOf.Count).Append(s.Not is null ? 0 : 1).Append(s.PatternProperties.Count).Append(s.Items.Count)
            .Append('\n');
        foreach (var (name, p) in s.Properties) Write(sb, p, $"{at}/properties/{name}", names);
        if (s.AdditionalPropertiesSchema is { } ap) Write(sb, ap, at + "/additionalProperties", names);
        if (s.Item is { } item) Write(sb, item, at + "/items", names);
        int i = 0;
        foreach (var branch in s.AnyOf) Write(sb, branch, $"{at}/anyOf/{i++}", names);
    }
}
