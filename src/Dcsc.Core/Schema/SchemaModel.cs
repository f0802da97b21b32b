using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dcsc.Schema;

/// <summary>JSON Schema types (the same flags and names as NJsonSchema's, which dcsc used before).</summary>
[Flags]
public enum JsonObjectType
{
    None = 0, Array = 1, Boolean = 2, Integer = 4, Null = 8, Number = 16, Object = 32, String = 64,
}

/// <summary>What a schema error is about (the names of NJsonSchema 10.7.2's kinds, which diagnostics print).</summary>
public enum ValidationErrorKind
{
    Unknown, StringExpected, NumberExpected, IntegerExpected, BooleanExpected, ObjectExpected, ArrayExpected, NullExpected,
    NotInEnumeration, NotAnyOf, NotOneOf, NoAdditionalPropertiesAllowed, PropertyRequired, PatternMismatch,
    StringTooShort, StringTooLong, TooFewItems, TooManyItems, TooFewProperties, TooManyProperties,
    NumberTooSmall, NumberTooBig, ItemsNotUnique, NoTypeValidates,
}

/// <summary>One schema error: its kind, the property it concerns, its JSON path (<c>#/a.b[0]</c>) and the schema that failed.</summary>
public sealed class ValidationError(ValidationErrorKind kind, string? property, string? path, JsonSchema schema)
{
    public ValidationErrorKind Kind { get; } = kind;
    public string? Property { get; } = property;
    /// <summary><c>#/</c> + the property path, as NJsonSchema gives it.</summary>
    public string Path { get; } = path is null ? "#" : "#/" + path;
    public JsonSchema Schema { get; } = schema;
}

/// <summary>
/// One node of the statement schema, read once from schema/dcsc.schema.json with System.Text.Json: the draft-07
/// keywords the schema uses (type, properties, required, additionalProperties, items, anyOf, enum, pattern,
/// minLength/maxLength, minItems/maxItems, minProperties/maxProperties, minimum/maximum, $ref to #/definitions).
/// <c>$ref</c> is resolved while reading, so <see cref="HasReference"/> is always false.
/// Any other keyword makes loading fail (a test loads the schema), so the validator never silently ignores one.
/// </summary>
public sealed class JsonSchema
{
    private static readonly IReadOnlyDictionary<string, JsonSchema> NoProperties = new Dictionary<string, JsonSchema>();

    public JsonObjectType Type { get; private set; }

    /// <summary>The <c>properties</c>, read on first use (a statement uses a few of the ~400 template sections).</summary>
    public IReadOnlyDictionary<string, JsonSchema> ActualProperties
    {
        get
        {
            if (_properties is null)
            {
                lock (_reader!)
                {
                    if (_properties is null)
                    {
                        var props = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
                        foreach (var q in _propertiesElement.EnumerateObject()) props[q.Name] = _reader.Read(q.Value);
                        _properties = props;
                    }
                }
            }
            return _properties;
        }
    }

    private volatile IReadOnlyDictionary<string, JsonSchema>? _properties = NoProperties;
    private JsonElement _propertiesElement;
    private Reader? _reader;
    /// <summary><c>required</c> names, in order.</summary>
    public IReadOnlyList<string> RequiredProperties { get; private set; } = Array.Empty<string>();
    public bool AllowAdditionalProperties { get; private set; } = true;
    public JsonSchema? AdditionalPropertiesSchema { get; private set; }
    public JsonSchema? Item { get; private set; }
    public IReadOnlyList<JsonSchema> AnyOf { get; private set; } = Array.Empty<JsonSchema>();
    public IReadOnlyList<JsonSchema> OneOf { get; } = Array.Empty<JsonSchema>();
    public IReadOnlyList<object?> Enumeration { get; private set; } = Array.Empty<object?>();
    public string? Pattern { get; private set; }
    internal Regex? PatternRegex { get; private set; }
    public int? MinLength { get; private set; }
    public int? MaxLength { get; private set; }
    public int MinItems { get; private set; }
    public int MaxItems { get; private set; }
    public int MinProperties { get; private set; }
    public int MaxProperties { get; private set; }
    public decimal? Minimum { get; private set; }
    public decimal? Maximum { get; private set; }
    public string? Description { get; private set; }
    public bool HasReference => false;
    public JsonSchema? Reference => null;

    internal HashSet<string>? RequiredSet { get; private set; }

    /// <summary>Reads a schema document (draft-07 subset above).</summary>
    public static JsonSchema Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>Reads a schema document from UTF-8. Nested <c>properties</c> are read when first used.</summary>
    public static JsonSchema Parse(ReadOnlyMemory<byte> utf8)
    {
        // The document stays alive with the schema: its elements are read lazily.
        var doc = JsonDocument.Parse(utf8);
        var reader = new Reader(doc.RootElement);
        lock (reader) return reader.Read(doc.RootElement);
    }

    private sealed class Reader(JsonElement root)
    {
        private readonly Dictionary<string, JsonSchema> _definitions = new(StringComparer.Ordinal);

        public JsonSchema Read(JsonElement e)
        {
            if (e.ValueKind != JsonValueKind.Object) throw new InvalidDataException("a schema must be a JSON object");
            if (e.TryGetProperty("$ref", out var r))
            {
                var reference = r.GetString() ?? "";
                const string prefix = "#/definitions/";
                if (!reference.StartsWith(prefix, StringComparison.Ordinal)) throw new InvalidDataException($"unsupported $ref {reference}");
                var name = reference[prefix.Length..];
                if (_definitions.TryGetValue(name, out var known)) return known;
                var target = new JsonSchema();
                _definitions[name] = target;
                Fill(target, root.GetProperty("definitions").GetProperty(name));
                return target;
            }
            var s = new JsonSchema();
            Fill(s, e);
            return s;
        }

        private void Fill(JsonSchema s, JsonElement e)
        {
            foreach (var p in e.EnumerateObject())
            {
                var v = p.Value;
                switch (p.Name)
                {
                    case "type":
                        if (v.ValueKind == JsonValueKind.Array) foreach (var t in v.EnumerateArray()) s.Type |= TypeOf(t.GetString());
                        else s.Type = TypeOf(v.GetString());
                        break;
                    case "properties":
                        s._propertiesElement = v;
                        s._reader = this;
                        s._properties = null;
                        break;
                    case "required":
                        s.RequiredProperties = v.EnumerateArray().Select(x => x.GetString()!).ToList();
                        s.RequiredSet = new HashSet<string>(s.RequiredProperties, StringComparer.Ordinal);
                        break;
                    case "additionalProperties":
                        if (v.ValueKind == JsonValueKind.False) s.AllowAdditionalProperties = false;
                        else if (v.ValueKind == JsonValueKind.Object) s.AdditionalPropertiesSchema = Read(v);
                        break;
                    case "items":
                        if (v.ValueKind != JsonValueKind.Object) throw new InvalidDataException("tuple `items` is not supported");
                        s.Item = Read(v);
                        break;
                    case "anyOf": s.AnyOf = v.EnumerateArray().Select(Read).ToList(); break;
                    case "enum":
                        s.Enumeration = v.EnumerateArray().Select(x => x.ValueKind switch
                        {
                            JsonValueKind.String => (object?)x.GetString(),
                            JsonValueKind.Number => x.TryGetInt64(out var l) ? l : x.GetDouble(),
                            JsonValueKind.True => true,
                            JsonValueKind.False => false,
                            JsonValueKind.Null => null,
                            _ => throw new InvalidDataException("enum values must be scalars"),
                        }).ToList();
                        break;
                    case "pattern":
                        s.Pattern = v.GetString();
                        s.PatternRegex = string.IsNullOrEmpty(s.Pattern) ? null : new Regex(s.Pattern, RegexOptions.None);
                        break;
                    case "minLength": s.MinLength = v.GetInt32(); break;
                    case "maxLength": s.MaxLength = v.GetInt32(); break;
                    case "minItems": s.MinItems = v.GetInt32(); break;
                    case "maxItems": s.MaxItems = v.GetInt32(); break;
                    case "minProperties": s.MinProperties = v.GetInt32(); break;
                    case "maxProperties": s.MaxProperties = v.GetInt32(); break;
                    case "minimum": s.Minimum = v.GetDecimal(); break;
                    case "maximum": s.Maximum = v.GetDecimal(); break;
                    case "description": s.Description = v.GetString(); break;
                    case "$schema" or "$id" or "title" or "definitions" or "default" or "examples": break;
                    default: throw new InvalidDataException($"schema keyword `{p.Name}` is not supported by dcsc's validator");
                }
            }
        }

        private static JsonObjectType TypeOf(string? name) => name switch
        {
            "array" => JsonObjectType.Array,
            "boolean" => JsonObjectType.Boolean,
            "integer" => JsonObjectType.Integer,
            "null" => JsonObjectType.Null,
            "number" => JsonObjectType.Number,
            "object" => JsonObjectType.Object,
            "string" => JsonObjectType.String,
            _ => throw new InvalidDataException($"unknown type {name}"),
        };
    }
}
