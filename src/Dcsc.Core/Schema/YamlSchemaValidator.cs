using System.Globalization;
using System.Text;
using Dcsc.Source;

namespace Dcsc.Schema;

/// <summary>
/// Validates loaded YAML nodes against a <see cref="JsonSchema"/> directly (no JSON tree), with the semantics of
/// NJsonSchema 10.7.2's JsonSchemaValidator, which dcsc used before: the same error kinds, properties, paths
/// and failing schemas, so that every diagnostic stays the same (tests/Dcsc.Tests/Schema compares the two on
/// the examples and on mutations of them). Scalars are typed as <see cref="YamlToJson.ScalarValue"/> types them.
/// Child errors (array items, additional-property values) are returned flattened, anyOf errors whole.
/// Paths are only built for errors.
/// </summary>
internal static class YamlSchemaValidator
{
    private enum Tok { Null, Boolean, Integer, Float, String, Object, Array }

    /// <summary>A lazily formatted JSON path: NJsonSchema's <c>a.b[0]</c> form, or a literal (Newtonsoft token path).</summary>
    private sealed class PathRef(PathRef? parent, string? key, int index, string? literal = null)
    {
        public static readonly PathRef Root = new(null, null, -1, "");

        public PathRef Property(string name) => new(this, name, -1);
        public PathRef Index(int i) => new(this, null, i);

        public override string ToString()
        {
            if (literal is not null) return literal;
            var p = parent!.ToString();
            if (key is not null) return p.Length == 0 ? key : p + "." + key;
            return p + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        }
    }

    public static List<ValidationError> Validate(YamlNode root, JsonSchema schema)
    {
        var errors = new List<ValidationError>();
        var newtonsoft = new List<(string? Key, int Index)>();
        new Run(errors).Validate(root, schema, null, PathRef.Root, newtonsoft);
        return errors;
    }

    /// <summary>One validation. In counting mode (<c>errors</c> null) it stops at the first error and builds no paths.</summary>
    private sealed class Run(List<ValidationError>? errors)
    {
        private readonly List<ValidationError>? _errors = errors;
#pragma warning disable CS9124 // the parameter only initialises the field

        private int Add(ValidationErrorKind kind, string? property, PathRef? path, JsonSchema schema)
        {
            _errors?.Add(new ValidationError(kind, property, path?.ToString(), schema));
            return 1;
        }

        private static bool Valid(YamlNode node, JsonSchema schema) => new Run(null).Validate(node, schema, null, null, null) == 0;

        /// <summary>
        /// The number of errors at this level (a failing child counts once, as NJsonSchema wraps it).
        /// <paramref name="tokenPath"/> is the Newtonsoft path of the node (segments), kept only in reporting mode.
        /// </summary>
        public int Validate(YamlNode node, JsonSchema s, string? propertyName, PathRef? path, List<(string? Key, int Index)>? tokenPath)
        {
            int count = 0;
            bool counting = _errors is null;
            var tok = Kind(node, out var integer, out var real);

            // anyOf
            if (s.AnyOf.Count > 0)
            {
                bool any = false;
                foreach (var branch in s.AnyOf) if (Valid(node, branch)) { any = true; break; }
                if (!any) { count += Add(ValidationErrorKind.NotAnyOf, propertyName, path, s); if (counting) return count; }
            }

            // type
            var type = s.Type;
            if (type != JsonObjectType.None && (type & (type - 1)) != 0)
            {
                // Several types: one has to validate.
                bool anyType = false;
                foreach (var t in SingleTypes)
                {
                    if ((type & t) == 0) continue;
                    if (new Run(null).TypeChecks(node, tok, integer, real, s, t, null, null, null) == 0) { anyType = true; break; }
                }
                if (!anyType) { count += Add(ValidationErrorKind.NoTypeValidates, propertyName, path, s); if (counting) return count; }
            }
            else
            {
                count += TypeChecks(node, tok, integer, real, s, type, propertyName, path, tokenPath);
                if (counting && count > 0) return count;
            }

            // enum
            if (s.Enumeration.Count > 0)
            {
                var text = TokenText(node, tok, integer, real);
                bool found = false;
                foreach (var v in s.Enumeration) if (v?.ToString() == text) { found = true; break; }
                if (!found) { count += Add(ValidationErrorKind.NotInEnumeration, propertyName, path, s); if (counting) return count; }
            }

            // properties
            count += Properties(node as YamlMapping, s, propertyName, path, tokenPath);
            return count;
        }

        private static readonly JsonObjectType[] SingleTypes =
        {
            JsonObjectType.Array, JsonObjectType.Boolean, JsonObjectType.Integer, JsonObjectType.Null,
            JsonObjectType.Number, JsonObjectType.Object, JsonObjectType.String,
        };

        /// <summary>NJsonSchema's ValidateArray, String, Number, Integer, Boolean, Null, Object for one (or no) type.</summary>
        private int TypeChecks(YamlNode node, Tok tok, long integer, double real, JsonSchema s, JsonObjectType type,
            string? propertyName, PathRef? path, List<(string? Key, int Index)>? tokenPath)
        {
            int count = 0;
            bool counting = _errors is null;

            // array
            if (node is YamlSequence seq)
            {
                if (s.MinItems > 0 && seq.Items.Count < s.MinItems) { count += Add(ValidationErrorKind.TooFewItems, propertyName, path, s); if (counting) return count; }
                if (s.MaxItems > 0 && seq.Items.Count > s.MaxItems) { count += Add(ValidationErrorKind.TooManyItems, propertyName, path, s); if (counting) return count; }
                if (s.Item is { } item)
                {
                    for (int i = 0; i < seq.Items.Count; i++)
                    {
                        if (counting)
                        {
                            if (!Valid(seq.Items[i], item)) return count + 1;
                            continue;
                        }
                        tokenPath!.Add((null, i));
                        int before = _errors!.Count;
                        int n = Validate(seq.Items[i], item, null, path!.Index(i), tokenPath);
                        tokenPath.RemoveAt(tokenPath.Count - 1);
                        if (n > 0 || _errors.Count > before) count++;
                    }
                }
            }
            else if ((type & JsonObjectType.Array) != 0) { count += Add(ValidationErrorKind.ArrayExpected, propertyName, path, s); if (counting) return count; }

            // string
            if (tok == Tok.String)
            {
                var value = ((YamlScalar)node).Value;
                if (s.PatternRegex is { } regex && !regex.IsMatch(value)) { count += Add(ValidationErrorKind.PatternMismatch, propertyName, path, s); if (counting) return count; }
                if (s.MinLength is { } min && value.Length < min) { count += Add(ValidationErrorKind.StringTooShort, propertyName, path, s); if (counting) return count; }
                if (s.MaxLength is { } max && value.Length > max) { count += Add(ValidationErrorKind.StringTooLong, propertyName, path, s); if (counting) return count; }
            }
            else if ((type & JsonObjectType.String) != 0) { count += Add(ValidationErrorKind.StringExpected, propertyName, path, s); if (counting) return count; }

            // number
            if ((type & JsonObjectType.Number) != 0 && tok is not (Tok.Float or Tok.Integer)) { count += Add(ValidationErrorKind.NumberExpected, propertyName, path, s); if (counting) return count; }
            if (tok is Tok.Float or Tok.Integer && (s.Minimum.HasValue || s.Maximum.HasValue))
            {
                bool small, big;
                if (tok == Tok.Integer) { decimal d = integer; small = d < s.Minimum; big = d > s.Maximum; }
                else
                {
                    try { var d = (decimal)real; small = d < s.Minimum; big = d > s.Maximum; }
                    catch (OverflowException) { small = s.Minimum.HasValue && real < (double)s.Minimum.Value; big = s.Maximum.HasValue && real > (double)s.Maximum.Value; }
                }
                if (small) { count += Add(ValidationErrorKind.NumberTooSmall, propertyName, path, s); if (counting) return count; }
                if (big) { count += Add(ValidationErrorKind.NumberTooBig, propertyName, path, s); if (counting) return count; }
            }

            // integer, boolean, null, object
            if ((type & JsonObjectType.Integer) != 0 && tok != Tok.Integer) { count += Add(ValidationErrorKind.IntegerExpected, propertyName, path, s); if (counting) return count; }
            if ((type & JsonObjectType.Boolean) != 0 && tok != Tok.Boolean) { count += Add(ValidationErrorKind.BooleanExpected, propertyName, path, s); if (counting) return count; }
            if ((type & JsonObjectType.Null) != 0 && tok != Tok.Null) { count += Add(ValidationErrorKind.NullExpected, propertyName, path, s); if (counting) return count; }
            if ((type & JsonObjectType.Object) != 0 && tok != Tok.Object) { count += Add(ValidationErrorKind.ObjectExpected, propertyName, path, s); if (counting) return count; }
            return count;
        }

        private int Properties(YamlMapping? obj, JsonSchema s, string? propertyName, PathRef? path, List<(string? Key, int Index)>? tokenPath)
        {
            if (obj is null && (s.Type & JsonObjectType.Null) != 0) return 0;
            bool counting = _errors is null;
            int count = 0;
            var props = s.ActualProperties;

            // Present properties are validated; missing ones are errors when required.
            if (obj is not null)
            {
                foreach (var (key, value) in obj.Entries)
                {
                    if (props.TryGetValue(key.Value, out var ps))
                    {
                        if (counting)
                        {
                            if (!Valid(value, ps)) return count + 1;
                            continue;
                        }
                        tokenPath!.Add((key.Value, -1));
                        count += Validate(value, ps, key.Value, path!.Property(key.Value), tokenPath);
                        tokenPath.RemoveAt(tokenPath.Count - 1);
                    }
                }
            }
            foreach (var required in s.RequiredProperties)
            {
                if (obj?[required] is not null) continue;
                count += Add(ValidationErrorKind.PropertyRequired, required, path?.Property(required), s);
                if (counting) return count;
            }
            if (obj is null) return count;

            int n = obj.Entries.Count;
            if (s.MaxProperties > 0 && n > s.MaxProperties) { count += Add(ValidationErrorKind.TooManyProperties, propertyName, path, s); if (counting) return count; }
            if (s.MinProperties > 0 && n < s.MinProperties) { count += Add(ValidationErrorKind.TooFewProperties, propertyName, path, s); if (counting) return count; }

            if (s.AdditionalPropertiesSchema is null && s.AllowAdditionalProperties) return count;
            foreach (var (key, value) in obj.Entries)
            {
                if (props.ContainsKey(key.Value)) continue;
                if (s.AdditionalPropertiesSchema is { } extra)
                {
                    if (counting)
                    {
                        if (!Valid(value, extra)) return count + 1;
                        continue;
                    }
                    // NJsonSchema validates additional-property values with the Newtonsoft path of the token.
                    tokenPath!.Add((key.Value, -1));
                    int before = _errors!.Count;
                    int c = Validate(value, extra, null, new PathRef(null, null, -1, NewtonsoftPath(tokenPath)), tokenPath);
                    tokenPath.RemoveAt(tokenPath.Count - 1);
                    if (c > 0 || _errors.Count > before) count++;
                }
                else
                {
                    count += Add(ValidationErrorKind.NoAdditionalPropertiesAllowed, key.Value, path?.Property(key.Value), s);
                    if (counting) return count;
                }
            }
            return count;
        }
    }

    private static Tok Kind(YamlNode node, out long integer, out double real)
    {
        integer = 0;
        real = 0;
        switch (node)
        {
            case YamlMapping: return Tok.Object;
            case YamlSequence: return Tok.Array;
        }
        var sc = (YamlScalar)node;
        if (!sc.IsPlain) return Tok.String;
        if (sc.IsNull) return Tok.Null;
        var v = sc.Value;
        if (v is "true" or "True" or "TRUE" or "false" or "False" or "FALSE") return Tok.Boolean;
        if (YamlToJson.IsInteger(v) && long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer)) return Tok.Integer;
        if (YamlToJson.IsFloat(v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out real) && double.IsFinite(real)) return Tok.Float;
        return Tok.String;
    }

    /// <summary>The token's <c>ToString()</c> as Newtonsoft's JValue gives it (enum comparison).</summary>
    private static string TokenText(YamlNode node, Tok tok, long integer, double real) => tok switch
    {
        Tok.Null => "",
        Tok.Boolean => ((YamlScalar)node).Value[0] is 't' or 'T' ? "True" : "False",
        Tok.Integer => integer.ToString(CultureInfo.CurrentCulture),
        Tok.Float => real.ToString(CultureInfo.CurrentCulture),
        Tok.String => ((YamlScalar)node).Value,
        _ => "\0container", // a JObject/JArray prints as JSON, never equal to an enum value
    };

    /// <summary>Newtonsoft.Json's JToken.Path for a sequence of property names and array indexes.</summary>
    private static string NewtonsoftPath(List<(string? Key, int Index)> segments)
    {
        var sb = new StringBuilder();
        foreach (var (key, index) in segments)
        {
            if (key is null)
            {
                sb.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                continue;
            }
            if (key.AsSpan().IndexOfAny(SpecialCharacters) >= 0)
            {
                sb.Append("['");
                foreach (var c in key)
                {
                    switch (c)
                    {
                        case '\'': sb.Append("\\'"); break;
                        case '\\': sb.Append("\\\\"); break;
                        case '\n': sb.Append("\\n"); break;
                        case '\r': sb.Append("\\r"); break;
                        case '\t': sb.Append("\\t"); break;
                        case '\f': sb.Append("\\f"); break;
                        case '\b': sb.Append("\\b"); break;
                        case '\u0085' or '\u2028' or '\u2029':
                            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                        default:
                            if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                            else sb.Append(c);
                            break;
                    }
                }
                sb.Append("']");
            }
            else
            {
                if (sb.Length > 0) sb.Append('.');
                sb.Append(key);
            }
        }
        return sb.ToString();
    }

    private static readonly char[] SpecialCharacters = { '.', ' ', '\'', '/', '"', '[', ']', '(', ')', '\t', '\n', '\r', '\f', '\b', '\\', '\u0085', '\u2028', '\u2029' };
}
