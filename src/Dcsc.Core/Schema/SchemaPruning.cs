using System.Text;
using System.Text.Json;
using Dcsc.Source;

namespace Dcsc.Schema;

/// <summary>
/// The schema a statement is validated against: schema/dcsc.schema.json with the subschemas of the top-level keys
/// and section keys the statement does not use replaced by <c>{}</c>, and the definitions no remaining subschema
/// refers to left out. NJsonSchema reads a schema in time proportional to its size (the full one is 2 MB, most of
/// it the ~400 section keys, docs/performance.md) while a statement uses a few of them. Validation is the same:
/// a key that is absent is never validated, and every property name stays, so unknown keys and their "did you
/// mean" suggestions are reported as against the full schema.
/// </summary>
internal sealed class SchemaPruning
{
    private const string DefinitionPrefix = "#/definitions/";
    private readonly JsonDocument _schema;
    // The definitions each subschema refers to directly, by the subschema's JSON element.
    private readonly Dictionary<string, HashSet<string>> _definitionRefs = new(StringComparer.Ordinal);

    public SchemaPruning(string schemaText)
    {
        _schema = JsonDocument.Parse(schemaText);
        if (_schema.RootElement.TryGetProperty("definitions", out var definitions))
            foreach (var d in definitions.EnumerateObject())
                _definitionRefs[d.Name] = RefsIn(d.Value);
    }

    /// <summary>The top-level keys and the section keys (under <c>sections:</c>) of a statement.</summary>
    public static (HashSet<string> TopLevel, HashSet<string> Sections) KeysOf(YamlNode root)
    {
        var top = new HashSet<string>(StringComparer.Ordinal);
        var sections = new HashSet<string>(StringComparer.Ordinal);
        if (root is not YamlMapping m) return (top, sections);
        foreach (var (key, value) in m.Entries)
        {
            top.Add(key.Value);
            if (key.Value == "sections" && value is YamlMapping s)
                foreach (var (sectionKey, _) in s.Entries) sections.Add(sectionKey.Value);
        }
        return (top, sections);
    }

    /// <summary>The pruned schema text for a statement with these top-level and section keys.</summary>
    public string For(IReadOnlySet<string> topLevel, IReadOnlySet<string> sections)
    {
        var root = _schema.RootElement;
        var used = new HashSet<string>(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var p in root.EnumerateObject())
            {
                if (p.Name == "definitions") continue; // written last, once the used ones are known
                w.WritePropertyName(p.Name);
                if (p.Name == "properties") WriteProperties(w, p.Value, topLevel, sections, used, topLevelProperties: true);
                else { p.Value.WriteTo(w); used.UnionWith(RefsIn(p.Value)); }
            }
            if (root.TryGetProperty("definitions", out var definitions))
            {
                var reachable = Closure(used);
                w.WritePropertyName("definitions");
                w.WriteStartObject();
                foreach (var d in definitions.EnumerateObject())
                    if (reachable.Contains(d.Name)) d.WriteTo(w);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteProperties(Utf8JsonWriter w, JsonElement properties, IReadOnlySet<string> topLevel,
        IReadOnlySet<string> sections, HashSet<string> used, bool topLevelProperties)
    {
        var present = topLevelProperties ? topLevel : sections;
        w.WriteStartObject();
        foreach (var p in properties.EnumerateObject())
        {
            w.WritePropertyName(p.Name);
            if (!present.Contains(p.Name)) { w.WriteStartObject(); w.WriteEndObject(); continue; }
            if (topLevelProperties && p.Name == "sections" && p.Value.ValueKind == JsonValueKind.Object)
            {
                // The sections mapping itself is kept; only its per-section subschemas are pruned.
                w.WriteStartObject();
                foreach (var s in p.Value.EnumerateObject())
                {
                    w.WritePropertyName(s.Name);
                    if (s.Name == "properties") WriteProperties(w, s.Value, topLevel, sections, used, topLevelProperties: false);
                    else { s.Value.WriteTo(w); used.UnionWith(RefsIn(s.Value)); }
                }
                w.WriteEndObject();
                continue;
            }
            p.Value.WriteTo(w);
            used.UnionWith(RefsIn(p.Value));
        }
        w.WriteEndObject();
    }

    private HashSet<string> Closure(IEnumerable<string> start)
    {
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(start);
        while (pending.TryPop(out var name))
        {
            if (!reachable.Add(name)) continue;
            if (_definitionRefs.TryGetValue(name, out var refs))
                foreach (var r in refs) pending.Push(r);
        }
        return reachable;
    }

    /// <summary>The definition names a subschema refers to (<c>"$ref": "#/definitions/x"</c>), at any depth.</summary>
    private static HashSet<string> RefsIn(JsonElement element)
    {
        var refs = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonElement>();
        pending.Push(element);
        while (pending.TryPop(out var e))
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "$ref" && p.Value.ValueKind == JsonValueKind.String
                        && p.Value.GetString() is { } target && target.StartsWith(DefinitionPrefix, StringComparison.Ordinal))
                        refs.Add(target[DefinitionPrefix.Length..]);
                    else pending.Push(p.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var item in e.EnumerateArray()) pending.Push(item);
        }
        return refs;
    }
}
