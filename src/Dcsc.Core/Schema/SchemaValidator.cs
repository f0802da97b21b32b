using System.Collections.Concurrent;
using System.Reflection;
using Dcsc.Diagnostics;
using Dcsc.Source;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using Dcsc.Tool;
using static System.FormattableString;

namespace Dcsc.Schema;

/// <summary>
/// Schema stage: validates a loaded statement against schema/dcsc.schema.json (embedded) and reports every
/// error at the line and column of the offending YAML node, in words a person understands.
/// </summary>
public sealed class SchemaValidator
{
    private static readonly Lazy<string> SchemaTextLazy = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dcsc.Schema.dcsc.schema.json")
            ?? throw new InvalidOperationException("the embedded schema is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<JsonSchema> SchemaLazy = new(() => JsonSchema.FromJsonAsync(SchemaTextLazy.Value).GetAwaiter().GetResult());

    /// <summary>The schema text exactly as shipped (for <c>dcsc schema</c>).</summary>
    public static string SchemaText => SchemaTextLazy.Value;

    public static JsonSchema Schema => SchemaLazy.Value;

    private static readonly Lazy<SchemaPruning> Pruning = new(() => new SchemaPruning(SchemaTextLazy.Value));
    private static readonly ConcurrentDictionary<string, JsonSchema> PrunedSchemas = new(StringComparer.Ordinal);
    private const int PrunedSchemasKept = 32;

    /// <summary>
    /// The schema for a statement with this root: the full schema pruned to the keys it uses (SchemaPruning), read once
    /// per set of keys. Validating against it gives the same errors as against <see cref="Schema"/>, in a fraction of the time.
    /// </summary>
    public static JsonSchema SchemaFor(YamlNode root)
    {
        var (topLevel, sections) = SchemaPruning.KeysOf(root);
        var key = string.Join(",", topLevel.Order(StringComparer.Ordinal)) + "|" + string.Join(",", sections.Order(StringComparer.Ordinal));
        if (PrunedSchemas.TryGetValue(key, out var schema)) return schema;
        if (PrunedSchemas.Count >= PrunedSchemasKept) PrunedSchemas.Clear(); // bounded when one process lints many files
        schema = SchemaReader.Read(Pruning.Value.For(topLevel, sections));
        return PrunedSchemas.GetOrAdd(key, schema);
    }

    /// <summary>
    /// What validation needs before it knows the statement (Pipeline/Warmup runs it on a background thread): the schema
    /// document indexed for pruning, and the first use of SchemaReader and of NJsonSchema's validator on a small schema
    /// with a reference, an enumeration and errors of several kinds.
    /// </summary>
    public static void Prepare()
    {
        _ = Pruning.Value;
        var warm = SchemaReader.Read("""
            {"type": "object", "additionalProperties": false, "required": ["a"],
             "properties": {"a": {"type": "string", "enum": ["x"]}, "b": {"anyOf": [{"$ref": "#/definitions/d"}, {"type": "string"}]}},
             "definitions": {"d": {"type": "integer", "minimum": 1}}}
            """);
        _ = warm.Validate(JObject.Parse("""{"a": "y", "b": 0, "c": []}"""));
    }

    /// <summary>Validates; returns true when the statement has no schema errors.</summary>
    public static bool Validate(LoadedSource source, DiagnosticBag diagnostics)
    {
        JsonSchema schema;
        using (StageTimer.Time("schema: read schema")) schema = SchemaFor(source.Root);
        return ValidateAgainst(schema, source, diagnostics);
    }

    /// <summary>Validates against a given schema (tests compare the pruned schema with the full one).</summary>
    internal static bool ValidateAgainst(JsonSchema schema, LoadedSource source, DiagnosticBag diagnostics)
    {
        YamlToJson json;
        ICollection<ValidationError> errors;
        using (StageTimer.Time("schema: validate"))
        {
            json = new YamlToJson(source.Root);
            errors = schema.Validate(json.Root);
        }
        int before = diagnostics.Count(Severity.Error);
        foreach (var error in Flatten(errors, json))
        {
            var d = Describe(error, json, source.Path);
            if (d is not null) diagnostics.Add(d);
        }
        return diagnostics.Count(Severity.Error) == before;
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors, YamlToJson json)
    {
        foreach (var e in errors)
        {
            // anyOf/oneOf errors are described as a whole (see Describe), unless exactly one alternative is of the
            // value's kind (a port given as a number, or as a mapping with value and range): then that alternative's
            // own errors say precisely what is wrong. Other wrappers are unpacked.
            if (e is ChildSchemaValidationError child && e.Kind is ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf
                && BranchOfKind((ChildSchemaValidationError)e, json.NodeAt(Normalize(e.Path))) is { } branch)
            {
                foreach (var inner in Flatten(branch, json)) yield return inner;
            }
            else if (e is ChildSchemaValidationError wrapper && e.Kind is not (ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf))
            {
                foreach (var inner in Flatten(wrapper.Errors.SelectMany(kv => kv.Value), json)) yield return inner;
            }
            else yield return e;
        }
    }

    /// <summary>
    /// For a value-or-mapping parameter (<c>port: 104</c> or <c>port: { value: 104, minimum: … }</c>) and a number-or-word
    /// answer (<c>level_of_support: 2</c> or <c>not documented</c>): the errors of the one alternative of the value's kind,
    /// or null (other alternatives, e.g. a value or a list of values, are described as a whole).
    /// </summary>
    private static ICollection<ValidationError>? BranchOfKind(ChildSchemaValidationError e, YamlNode? node)
    {
        var branches = e.Errors.Select(kv => (Type: (kv.Key.HasReference ? kv.Key.Reference! : kv.Key).Type, Errors: kv.Value)).ToList();
        if (!branches.Any(b => b.Type.HasFlag(JsonObjectType.Object) || b.Type.HasFlag(JsonObjectType.Integer))) return null;
        static bool Scalar(JsonObjectType t) => t != JsonObjectType.None && !t.HasFlag(JsonObjectType.Object) && !t.HasFlag(JsonObjectType.Array);
        var matching = node switch
        {
            YamlMapping => branches.Where(b => b.Type.HasFlag(JsonObjectType.Object)).ToList(),
            YamlSequence => branches.Where(b => b.Type.HasFlag(JsonObjectType.Array)).ToList(),
            YamlScalar => branches.Where(b => Scalar(b.Type)).ToList(),
            _ => new(),
        };
        if (matching.Count > 1 && node is YamlScalar s)
        {
            bool integer = s.IsPlain && long.TryParse(s.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _);
            matching = matching.Where(b => b.Type.HasFlag(integer ? JsonObjectType.Integer : JsonObjectType.String)).ToList();
        }
        return matching.Count == 1 && matching[0].Errors.Count > 0 ? matching[0].Errors : null;
    }

    /// <summary>NJsonSchema paths look like <c>#/sop_classes[0].uid</c>; ours drop the <c>#/</c>.</summary>
    private static string Normalize(string? path)
    {
        if (string.IsNullOrEmpty(path)) return "";
        var p = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
        return p;
    }

    private static Diagnostic? Describe(ValidationError error, YamlToJson json, string file)
    {
        var path = Normalize(error.Path);
        var node = json.NodeAt(path);
        var where = Where(path);
        string Found() => node switch
        {
            YamlScalar s when s.IsNull => "nothing (null)",
            YamlScalar s => $"`{Shorten(s.Value)}`",
            YamlMapping => "a mapping",
            YamlSequence => "a list",
            _ => "nothing",
        };

        switch (error.Kind)
        {
            case ValidationErrorKind.StringExpected:
                // A plain number or boolean where text is expected is taken as text (e.g. `version: 5.2`).
                if (node is YamlScalar { IsNull: false }) return null;
                return Make(DiagnosticCatalogue.WrongType, node, path, file, $"{where} must be text; found {Found()}");
            case ValidationErrorKind.IntegerExpected when IsOutOfRangeInteger(node):
                // A whole number too large for 64 bits (read as a float): say so once, as a range error.
                return Make(DiagnosticCatalogue.OutOfRange, node, path, file, ((YamlScalar)node!).Value.TrimStart().StartsWith('-')
                    ? Invariant($"{where} must be at least {error.Schema?.Minimum ?? long.MinValue}; found {Found()}")
                    : Invariant($"{where} must be at most {error.Schema?.Maximum ?? long.MaxValue}; found {Found()}"));
            case ValidationErrorKind.NumberTooBig or ValidationErrorKind.NumberTooSmall when IsOutOfRangeInteger(node):
                return null; // reported with IntegerExpected above
            case ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.BooleanExpected
                or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected or ValidationErrorKind.NullExpected:
                return Make(DiagnosticCatalogue.WrongType, node, path, file, $"{where} must be {ExpectedType(error.Kind)}; found {Found()}");
            case ValidationErrorKind.NotInEnumeration:
                return Make(DiagnosticCatalogue.NotAnAllowedValue, node, path, file, $"{where} must be one of {EnumList(error.Schema)}; found {Found()}");
            case ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf:
                return Make(DiagnosticCatalogue.NotAnAllowedValue, node, path, file, $"{where} must be {AnyOfList(error.Schema)}; found {Found()}");
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                {
                    var key = json.KeyAt(path);
                    var name = error.Property ?? LastSegment(path);
                    var parent = ParentPath(path);
                    var known = ParentSchemaProperties(error);
                    var hint = Suggest(name, known);
                    var msg = $"unknown key `{name}`" + (parent.Length > 0 ? $" in {Where(parent)}" : " at the top level")
                              + (hint is null ? "" : $" — did you mean `{hint}`?");
                    return Make(DiagnosticCatalogue.UnknownKey, (YamlNode?)key ?? node, path, file, msg);
                }
            case ValidationErrorKind.PropertyRequired:
                {
                    var name = error.Property ?? LastSegment(path);
                    var parentPath = path.EndsWith("." + name, StringComparison.Ordinal) ? path[..^(name.Length + 1)] : path == name ? "" : ParentPath(path);
                    var parentNode = json.NodeAt(parentPath) ?? node;
                    // A value that is not a mapping at all gets its type error only, not one per missing key.
                    if (parentNode is not null and not YamlMapping) return null;
                    return Make(DiagnosticCatalogue.RequiredKeyMissing, parentNode, parentPath, file,
                        $"{(parentPath.Length == 0 ? "the statement" : Where(parentPath))} needs the key `{name}`");
                }
            case ValidationErrorKind.PatternMismatch:
                return Make(DiagnosticCatalogue.WrongForm, node, path, file, $"{where} does not have the required form ({PatternHint(error.Schema)}); found {Found()}");
            case ValidationErrorKind.StringTooShort or ValidationErrorKind.TooFewProperties:
                return Make(DiagnosticCatalogue.WrongLength, node, path, file, $"{where} must not be empty");
            case ValidationErrorKind.StringTooLong:
                return Make(DiagnosticCatalogue.WrongLength, node, path, file, Invariant($"{where} is longer than {error.Schema?.MaxLength} characters; found {Found()}"));
            case ValidationErrorKind.TooFewItems or ValidationErrorKind.TooManyItems:
                return Make(DiagnosticCatalogue.WrongLength, node, path, file, error.Kind == ValidationErrorKind.TooFewItems
                    ? Invariant($"{where} needs at least {error.Schema?.MinItems} item(s)") : Invariant($"{where} has more than {error.Schema?.MaxItems} items"));
            case ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig:
                return Make(DiagnosticCatalogue.OutOfRange, node, path, file, error.Kind == ValidationErrorKind.NumberTooSmall
                    ? Invariant($"{where} must be at least {error.Schema?.Minimum}; found {Found()}") : Invariant($"{where} must be at most {error.Schema?.Maximum}; found {Found()}"));
            case ValidationErrorKind.ItemsNotUnique:
                return Make(DiagnosticCatalogue.DuplicateListItem, node, path, file, $"{where} lists the same item twice");
            default:
                return Make(DiagnosticCatalogue.NotValidAgainstSchema, node, path, file, $"{where} is not valid: {error.Kind}");
        }
    }

    /// <summary>What a value of the wrong type should have been, as the message says it.</summary>
    private static string ExpectedType(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.IntegerExpected => "a whole number",
        ValidationErrorKind.NumberExpected => "a number",
        ValidationErrorKind.BooleanExpected => "true or false",
        ValidationErrorKind.ObjectExpected => "a mapping of keys to values",
        ValidationErrorKind.ArrayExpected => "a list",
        _ => "empty", // NullExpected
    };

    /// <summary>A plain scalar written as a whole number that does not fit in 64 bits.</summary>
    private static bool IsOutOfRangeInteger(YamlNode? node) =>
        node is YamlScalar { IsPlain: true } s && YamlToJson.IsInteger(s.Value)
        && !long.TryParse(s.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static Diagnostic Make(Func<SourceSpan, string, Diagnostic> diagnostic, YamlNode? node, string path, string file, string message)
        => diagnostic(node?.Span ?? new SourceSpan(file, 1, 1, 1, 1), message);

    /// <summary>`role` in sop_classes[2] → "`role` (sop_classes[2].role)".</summary>
    private static string Where(string path) => path.Length == 0 ? "the statement" : $"`{path}`";

    private static string LastSegment(string path)
    {
        int i = path.LastIndexOf('.');
        var last = i >= 0 ? path[(i + 1)..] : path;
        int b = last.IndexOf('[');
        return b > 0 ? last[..b] : last;
    }

    private static string ParentPath(string path)
    {
        if (path.EndsWith(']'))
        {
            int b = path.LastIndexOf('[');
            return b > 0 ? path[..b] : "";
        }
        int i = path.LastIndexOf('.');
        return i >= 0 ? path[..i] : "";
    }

    private static string Shorten(string s) => s.Length > 60 ? s[..57] + "..." : s;

    private static IEnumerable<string> EnumValues(JsonSchema? schema)
    {
        if (schema is null) yield break;
        var s = schema.HasReference ? schema.Reference! : schema;
        foreach (var v in s.Enumeration) if (v is not null) yield return v.ToString()!;
        if (s.Item is not null) foreach (var v in EnumValues(s.Item)) yield return v;
    }

    private static string EnumList(JsonSchema? schema) => string.Join(", ", EnumValues(schema).Distinct());

    private static string AnyOfList(JsonSchema? schema)
    {
        if (schema is null) return "a valid value";
        var parts = new List<string>();
        var branches = schema.AnyOf.Concat(schema.OneOf).ToList();
        var values = branches.SelectMany(EnumValues).Distinct().ToList();
        if (branches.Any(b => b.Type.HasFlag(JsonObjectType.Boolean))) parts.Add("true or false");
        if (values.Count > 0) parts.Add("one of " + string.Join(", ", values) + (branches.Any(b => b.Type.HasFlag(JsonObjectType.Array)) ? " (or a list of them)" : ""));
        else if (branches.Any(b => b.Type.HasFlag(JsonObjectType.String))) parts.Add("text");
        return parts.Count == 0 ? "a valid value" : string.Join(", or ", parts);
    }

    private static string PatternHint(JsonSchema? schema) => schema?.Pattern switch
    {
        "^[0-9.]+$" => "a UID: digits and dots",
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" => "a date YYYY-MM-DD",
        "^[A-Z][A-Z0-9_]*$" => "capital letters, digits and _",
        "^[0-9]+\\*?$" => "a template number such as 4000 or 4000*",
        { } p => "pattern " + p,
        null => "a pattern",
    };

    private static IReadOnlyCollection<string> ParentSchemaProperties(ValidationError error)
    {
        var s = error.Schema;
        if (s is null) return Array.Empty<string>();
        if (s.HasReference) s = s.Reference!;
        return s.ActualProperties.Keys.ToList();
    }

    /// <summary>The closest known key by edit distance, when it is close enough to be a likely typo.</summary>
    public static string? Suggest(string name, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var k in known)
        {
            int d = Levenshtein(name.ToLowerInvariant(), k.ToLowerInvariant());
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(k, best) < 0)) { best = k; bestDistance = d; }
        }
        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
