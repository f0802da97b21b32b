using System.Globalization;
using Dcsc.Source;
using Newtonsoft.Json.Linq;

namespace Dcsc.Schema;

/// <summary>
/// Converts loaded YAML nodes to JSON for schema validation, remembering which YAML node every JSON path
/// came from, so that a schema error can be reported at the node's line and column.
/// Plain scalars follow the YAML 1.2 core schema (null, true/false, integers, floats); quoted scalars are strings.
/// </summary>
public sealed class YamlToJson
{
    private readonly Dictionary<string, YamlNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlScalar> _keys = new(StringComparer.Ordinal);

    public JToken Root { get; }

    public YamlToJson(YamlNode root) => Root = Convert(root, "");

    /// <summary>The YAML node at a JSON path such as <c>sop_classes[0].uid</c> ("" is the root).</summary>
    public YamlNode? NodeAt(string path) => _nodes.TryGetValue(path, out var n) ? n : null;

    /// <summary>The YAML key node of the property at a JSON path.</summary>
    public YamlScalar? KeyAt(string path) => _keys.TryGetValue(path, out var n) ? n : null;

    /// <summary>
    /// NJsonSchema joins property names with a plain "." and no escaping (<c>product.a b</c>), so paths here
    /// are built the same way, and keys with spaces, dots or quotes map back to their node.
    /// </summary>
    public static string Child(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    private JToken Convert(YamlNode node, string path)
    {
        _nodes.TryAdd(path, node);
        switch (node)
        {
            case YamlMapping m:
                var o = new JObject();
                foreach (var (key, value) in m.Entries)
                {
                    var childPath = Child(path, key.Value);
                    _keys.TryAdd(childPath, key);
                    o[key.Value] = Convert(value, childPath);
                }
                return o;
            case YamlSequence s:
                var a = new JArray();
                for (int i = 0; i < s.Items.Count; i++)
                    a.Add(Convert(s.Items[i], $"{path}[{i}]"));
                return a;
            case YamlScalar sc:
                return ScalarValue(sc);
            default:
                throw new InvalidOperationException("unknown node kind");
        }
    }

    public static JToken ScalarValue(YamlScalar sc)
    {
        if (!sc.IsPlain) return new JValue(sc.Value);
        if (sc.IsNull) return JValue.CreateNull();
        var v = sc.Value;
        if (YesNo.YamlBoolean(v) is { } b) return new JValue(b);
        if (IsInteger(v) && long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return new JValue(l);
        if (IsFloat(v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return new JValue(d);
        return new JValue(v);
    }

    internal static bool IsInteger(string v)
    {
        int i = v.Length > 0 && (v[0] == '-' || v[0] == '+') ? 1 : 0;
        if (i >= v.Length) return false;
        for (; i < v.Length; i++) if (!char.IsAsciiDigit(v[i])) return false;
        return true;
    }

    internal static bool IsFloat(string v)
    {
        // YAML 1.2 core: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
        int i = 0, n = v.Length;
        if (i < n && (v[i] == '-' || v[i] == '+')) i++;
        int digits = 0;
        while (i < n && char.IsAsciiDigit(v[i])) { i++; digits++; }
        if (i < n && v[i] == '.') { i++; while (i < n && char.IsAsciiDigit(v[i])) { i++; digits++; } }
        if (digits == 0) return false;
        if (i < n && (v[i] == 'e' || v[i] == 'E'))
        {
            i++;
            if (i < n && (v[i] == '-' || v[i] == '+')) i++;
            int exp = 0;
            while (i < n && char.IsAsciiDigit(v[i])) { i++; exp++; }
            if (exp == 0) return false;
        }
        return i == n;
    }
}
