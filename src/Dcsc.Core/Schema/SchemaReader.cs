using System.Globalization;
using System.Text.Json;
using NJsonSchema;

namespace Dcsc.Schema;

/// <summary>
/// Reads schema/dcsc.schema.json into NJsonSchema's object model directly, for NJsonSchema's validator to validate
/// against. NJsonSchema's own reader (<c>JsonSchema.FromJsonAsync</c>) goes through Newtonsoft.Json's reflection-based
/// serializer and a reference-resolving walk over every subschema; in a fresh process that cost ~0.3 s for a pruned
/// schema and was the largest part of a cold <c>dcsc lint</c> of a small statement (docs/performance.md).
/// It knows the keywords dcsc's schema uses and no others: a schema with any other keyword is refused, so that a
/// schema change cannot be silently ignored (GeneratedFilesTests and SchemaReaderTests read the whole schema).
/// Annotations (<c>description</c>, <c>title</c>, …) change no validation result and are not read.
/// </summary>
internal static class SchemaReader
{
    private const string DefinitionPrefix = "#/definitions/";

    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "description", "title", "$schema", "$id", "$comment", "default", "examples",
    };

    public static JsonSchema Read(string schemaText)
    {
        using var document = JsonDocument.Parse(schemaText);
        var root = new JsonSchema();
        var definitions = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        // Definitions first, so that every $ref finds its target whatever the order of the document.
        if (document.RootElement.TryGetProperty("definitions", out var defs))
            foreach (var d in defs.EnumerateObject())
            {
                var schema = new JsonSchema();
                definitions[d.Name] = schema;
                root.Definitions[d.Name] = schema;
            }
        var reader = new Reader(definitions);
        if (document.RootElement.TryGetProperty("definitions", out defs))
            foreach (var d in defs.EnumerateObject()) reader.Fill(definitions[d.Name], d.Value, "#/definitions/" + d.Name);
        reader.Fill(root, document.RootElement, "#");
        return root;
    }

    private sealed class Reader(Dictionary<string, JsonSchema> definitions)
    {
        public JsonSchema New(JsonElement element, string at)
        {
            var schema = new JsonSchema();
            Fill(schema, element, at);
            return schema;
        }

        public void Fill(JsonSchema schema, JsonElement element, string at)
        {
            if (element.ValueKind != JsonValueKind.Object) throw Unsupported(at, "a subschema that is not an object");
            foreach (var p in element.EnumerateObject())
            {
                var value = p.Value;
                var here = at + "/" + p.Name;
                switch (p.Name)
                {
                    case "definitions": break; // read by Read, at the root only
                    case "type": schema.Type = TypeOf(value, here); break;
                    case "properties":
                        foreach (var property in value.EnumerateObject())
                        {
                            var child = new JsonSchemaProperty();
                            Fill(child, property.Value, here + "/" + property.Name);
                            schema.Properties[property.Name] = child;
                        }
                        break;
                    case "required":
                        foreach (var name in value.EnumerateArray()) schema.RequiredProperties.Add(name.GetString()!);
                        break;
                    case "additionalProperties":
                        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) schema.AllowAdditionalProperties = value.GetBoolean();
                        else schema.AdditionalPropertiesSchema = New(value, here);
                        break;
                    case "items":
                        if (value.ValueKind == JsonValueKind.Array) throw Unsupported(here, "tuple items");
                        schema.Item = New(value, here);
                        break;
                    case "anyOf":
                        foreach (var branch in value.EnumerateArray()) schema.AnyOf.Add(New(branch, here));
                        break;
                    case "$ref":
                        var target = value.GetString() ?? "";
                        if (!target.StartsWith(DefinitionPrefix, StringComparison.Ordinal) || !definitions.TryGetValue(target[DefinitionPrefix.Length..], out var referenced))
                            throw Unsupported(here, $"the reference \"{target}\"");
                        schema.Reference = referenced;
                        break;
                    case "enum":
                        foreach (var v in value.EnumerateArray()) schema.Enumeration.Add(EnumValue(v, here));
                        break;
                    case "pattern": schema.Pattern = value.GetString(); break;
                    case "minProperties": schema.MinProperties = value.GetInt32(); break;
                    case "maxProperties": schema.MaxProperties = value.GetInt32(); break;
                    case "minItems": schema.MinItems = value.GetInt32(); break;
                    case "maxItems": schema.MaxItems = value.GetInt32(); break;
                    case "minLength": schema.MinLength = value.GetInt32(); break;
                    case "maxLength": schema.MaxLength = value.GetInt32(); break;
                    case "minimum": schema.Minimum = value.GetDecimal(); break;
                    case "maximum": schema.Maximum = value.GetDecimal(); break;
                    default:
                        if (!Annotations.Contains(p.Name) && !p.Name.StartsWith("x-", StringComparison.Ordinal))
                            throw Unsupported(here, $"the keyword \"{p.Name}\"");
                        break;
                }
            }
        }

        private static JsonObjectType TypeOf(JsonElement value, string at)
        {
            if (value.ValueKind == JsonValueKind.String) return TypeNamed(value.GetString()!, at);
            var type = JsonObjectType.None;
            foreach (var t in value.EnumerateArray()) type |= TypeNamed(t.GetString()!, at);
            return type;
        }

        private static JsonObjectType TypeNamed(string name, string at) => name switch
        {
            "string" => JsonObjectType.String,
            "number" => JsonObjectType.Number,
            "integer" => JsonObjectType.Integer,
            "boolean" => JsonObjectType.Boolean,
            "object" => JsonObjectType.Object,
            "array" => JsonObjectType.Array,
            "null" => JsonObjectType.Null,
            _ => throw Unsupported(at, $"the type \"{name}\""),
        };

        // The values NJsonSchema's own reader gives (Newtonsoft.Json: long for integers, double for other numbers).
        private static object? EnumValue(JsonElement v, string at) => v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.TryGetInt64(out var l) ? (object)l : v.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => throw Unsupported(at, "an enumeration value that is not a scalar"),
        };

        private static NotSupportedException Unsupported(string at, string what) =>
            new($"schema/dcsc.schema.json at {at}: {what} is not read by Schema/SchemaReader.cs; teach it the keyword");
    }
}
