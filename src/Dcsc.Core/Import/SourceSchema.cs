using System.Reflection;
using System.Text.Json;

namespace Dcsc.Import;

/// <summary>What the source format's JSON schema (embedded, schema/dcsc.schema.json) allows for a template table column.</summary>
internal static class SourceSchema
{
    private static readonly Lazy<JsonDocument> s_schema = new(() =>
    {
        using var stream = typeof(SourceSchema).Assembly.GetManifestResourceStream("Dcsc.Schema.dcsc.schema.json")
            ?? throw new InvalidOperationException("embedded resource Dcsc.Schema.dcsc.schema.json is missing");
        return JsonDocument.Parse(stream);
    });

    /// <summary>
    /// True when the column of a template table under <c>sections.&lt;section&gt;</c> takes a list of values ("SINGLE_VALUE;
    /// RANGE" as two). Sections inside an AE, activity or IOD are looked up through the top-level section of the same key;
    /// a column the schema does not describe takes no list.
    /// </summary>
    public static bool ColumnTakesList(string? section, string table, string column)
    {
        var root = s_schema.Value.RootElement;
        if (!root.TryGetProperty("properties", out var props) || !props.TryGetProperty("sections", out var sections)) return false;
        if (section is null) return false;
        if (!Step(root, sections, "properties", out var secProps) || !secProps.TryGetProperty(section, out var sec)) return false;
        if (!Step(root, sec, "properties", out var secFields) || !secFields.TryGetProperty("tables", out var tables)) return false;
        if (!Step(root, tables, "properties", out var tableProps) || !tableProps.TryGetProperty(table, out var tableSchema)) return false;
        var items = Resolve(root, tableSchema);
        if (!items.TryGetProperty("items", out var item)) return false;
        if (!Step(root, item, "properties", out var cols) || !cols.TryGetProperty(column, out var col)) return false;
        return AllowsArray(root, col, 0);
    }

    private static bool Step(JsonElement root, JsonElement node, string name, out JsonElement result) => Resolve(root, node).TryGetProperty(name, out result);

    private static JsonElement Resolve(JsonElement root, JsonElement node)
    {
        for (int i = 0; i < 10 && node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var r) && r.GetString() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal); i++)
        {
            var target = root;
            foreach (var part in reference[2..].Split('/')) if (!target.TryGetProperty(part, out target)) return node;
            node = target;
        }
        return node;
    }

    private static bool AllowsArray(JsonElement root, JsonElement node, int depth)
    {
        if (depth > 8) return false;
        node = Resolve(root, node);
        if (node.ValueKind != JsonValueKind.Object) return false;
        if (node.TryGetProperty("type", out var t))
        {
            if (t.ValueKind == JsonValueKind.String && t.GetString() == "array") return true;
            if (t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(x => x.GetString() == "array")) return true;
        }
        foreach (var k in new[] { "anyOf", "oneOf" })
            if (node.TryGetProperty(k, out var alts) && alts.ValueKind == JsonValueKind.Array && alts.EnumerateArray().Any(a => AllowsArray(root, a, depth + 1))) return true;
        return false;
    }
}
