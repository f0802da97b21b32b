using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dcsc.Import;

/// <summary>The statement being assembled, as an ordered YAML tree; each node can carry a <c># source: file:line</c> comment.</summary>
public abstract class YNode
{
    public string? Comment { get; set; }
}

public sealed class YScalar(string value) : YNode
{
    public string Value { get; } = value;
    public static YScalar Of(bool b) => new(b ? "true" : "false") { Raw = true };
    public static YScalar Of(long n) => new(n.ToString(CultureInfo.InvariantCulture)) { Raw = true };
    /// <summary>Written as is (booleans and numbers); other scalars are strings and quoted when YAML would read them otherwise.</summary>
    public bool Raw { get; init; }
}

public sealed class YSeq : YNode
{
    public List<YNode> Items { get; } = new();
    public YSeq Add(YNode n) { Items.Add(n); return this; }
}

public sealed class YMap : YNode
{
    private readonly List<KeyValuePair<string, YNode>> _items = new();
    public IReadOnlyList<KeyValuePair<string, YNode>> Items => _items;
    public int Count => _items.Count;

    public YNode? this[string key]
    {
        get => _items.FirstOrDefault(p => p.Key == key).Value;
        set
        {
            var i = _items.FindIndex(p => p.Key == key);
            if (value is null) { if (i >= 0) _items.RemoveAt(i); return; }
            if (i >= 0) _items[i] = new(key, value); else _items.Add(new(key, value));
        }
    }

    public YMap Set(string key, string? value) { if (!string.IsNullOrEmpty(value)) this[key] = new YScalar(value); return this; }
    public YMap Set(string key, bool value) { this[key] = YScalar.Of(value); return this; }
    public YMap Set(string key, long value) { this[key] = YScalar.Of(value); return this; }
    public YMap Map(string key) { if (this[key] is YMap m) return m; var n = new YMap(); this[key] = n; return n; }
    public YSeq Seq(string key) { if (this[key] is YSeq s) return s; var n = new YSeq(); this[key] = n; return n; }
    public bool Has(string key) => _items.Any(p => p.Key == key);
}

/// <summary>
/// Writes a <see cref="YNode"/> tree as block YAML, deterministically: keys in insertion order, short mappings of
/// scalars inside sequences in flow style, strings quoted whenever plain YAML would read them as something else,
/// multi-line text as literal blocks, comments on the line above their node.
/// </summary>
public static partial class YamlWriter
{
    public static string Write(YMap root, string? header = null)
    {
        var sb = new StringBuilder();
        if (header is not null) foreach (var l in header.Split('\n')) sb.Append("# ").Append(l).Append('\n').Replace("# \n", "#\n");
        WriteMap(sb, root, 0);
        return sb.ToString();
    }

    /// <summary>A node as YAML text without comments, to compare two nodes by content.</summary>
    public static string Canonical(YNode n)
    {
        var sb = new StringBuilder();
        WriteValue(sb, Uncommented(n), 0);
        return sb.ToString();
    }

    private static YNode Uncommented(YNode n) => n switch
    {
        YMap m => m.Items.Aggregate(new YMap(), (acc, kv) => { acc[kv.Key] = Uncommented(kv.Value); return acc; }),
        YSeq q => q.Items.Aggregate(new YSeq(), (acc, x) => acc.Add(Uncommented(x))),
        YScalar s => new YScalar(s.Value) { Raw = s.Raw },
        _ => n,
    };

    private static void Comment(StringBuilder sb, YNode n, int indent)
    {
        if (n.Comment is null) return;
        foreach (var l in n.Comment.Split('\n')) sb.Append(' ', indent).Append("# ").Append(l).Append('\n');
    }

    private static void WriteMap(StringBuilder sb, YMap map, int indent)
    {
        foreach (var (key, value) in map.Items)
        {
            Comment(sb, value, indent);
            sb.Append(' ', indent).Append(Key(key)).Append(':');
            WriteValue(sb, value, indent);
        }
    }

    private static void WriteValue(StringBuilder sb, YNode value, int indent)
    {
        switch (value)
        {
            case YScalar s: sb.Append(Scalar(s, indent + 2)).Append('\n'); break;
            case YMap m when m.Count == 0: sb.Append(" {}\n"); break;
            case YSeq q when q.Items.Count == 0: sb.Append(" []\n"); break;
            case YSeq q when q.Items.All(i => i is YScalar { Value.Length: < 60 } x && !x.Value.Contains('\n')) && Flow(q) is { Length: < 100 } flow:
                sb.Append(' ').Append(flow).Append('\n'); break;
            case YMap m: sb.Append('\n'); WriteMap(sb, m, indent + 2); break;
            case YSeq q: sb.Append('\n'); WriteSeq(sb, q, indent + 2); break;
        }
    }

    private static void WriteSeq(StringBuilder sb, YSeq seq, int indent)
    {
        foreach (var item in seq.Items)
        {
            Comment(sb, item, indent);
            switch (item)
            {
                case YScalar s: sb.Append(' ', indent).Append('-').Append(Scalar(s, indent + 2)).Append('\n'); break;
                case YMap m when Flow(m) is { } flow && flow.Length + indent < 170:
                    sb.Append(' ', indent).Append("- ").Append(flow).Append('\n'); break;
                case YMap m:
                {
                    var inner = new StringBuilder();
                    WriteMap(inner, m, indent + 2);
                    var text = inner.ToString();
                    // the first key goes on the dash line
                    var firstLine = text.StartsWith(new string(' ', indent + 2), StringComparison.Ordinal) && m.Items[0].Value.Comment is null;
                    if (firstLine) sb.Append(' ', indent).Append("- ").Append(text.AsSpan(indent + 2));
                    else { sb.Append(' ', indent).Append("-\n").Append(text); }
                    break;
                }
                case YSeq q: sb.Append(' ', indent).Append('-'); WriteValue(sb, q, indent); break;
            }
        }
    }

    /// <summary>A mapping of short one-line scalars (or scalar lists) as one flow line, else null.</summary>
    private static string? Flow(YMap m)
    {
        if (m.Count == 0) return "{}";
        var parts = new List<string>();
        foreach (var (k, v) in m.Items)
        {
            if (v.Comment is not null) return null;
            if (v is YScalar s && !s.Value.Contains('\n')) parts.Add(Key(k) + ": " + FlowScalar(s));
            else if (v is YSeq q && Flow(q) is { } f) parts.Add(Key(k) + ": " + f);
            else return null;
        }
        return "{ " + string.Join(", ", parts) + " }";
    }

    private static string? Flow(YSeq q)
    {
        if (q.Items.Any(i => i is not YScalar || i.Comment is not null || ((YScalar)i).Value.Contains('\n'))) return null;
        return "[" + string.Join(", ", q.Items.Cast<YScalar>().Select(FlowScalar)) + "]";
    }

    private static string FlowScalar(YScalar s) => s.Raw ? s.Value : NeedsQuotes(s.Value, flow: true) ? Quote(s.Value) : s.Value;

    private static string Scalar(YScalar s, int indent)
    {
        if (s.Raw) return " " + s.Value;
        var v = s.Value;
        if (v.Contains('\n'))
        {
            var text = v.Replace("\r\n", "\n").TrimEnd('\n');
            // literal block: keeps Markdown line breaks; a first line starting with a space needs an indentation indicator
            if (!text.Split('\n').Any(l => l.Length > 0 && l.Trim().Length == 0 || l.EndsWith(' ')) && !text.StartsWith(' ') && !text.Any(c => char.IsControl(c) && c != '\n'))
                return " |\n" + string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? "" : new string(' ', indent) + l));
            return " " + Quote(v);
        }
        return " " + (NeedsQuotes(v, flow: false) ? Quote(v) : v);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+$")]
    private static partial Regex SafeKey();

    private static string Key(string k) => SafeKey().IsMatch(k) && !NeedsQuotes(k, false) ? k : Quote(k);

    [GeneratedRegex(@"^(?:[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?|\d+(?::\d+)+(?:\.\d*)?)$")]
    private static partial Regex NumberLike();

    // YAML flow indicators (YAML 1.2 §7.4): a plain scalar inside [ ] or { } must not contain them.
    private static readonly System.Buffers.SearchValues<char> FlowIndicators = System.Buffers.SearchValues.Create(",[]{}");

    private static bool NeedsQuotes(string v, bool flow)
    {
        if (v.Length == 0) return true;
        if (v != v.Trim()) return true;
        if (NumberLike().IsMatch(v)) return true;
        switch (v.ToLowerInvariant())
        {
            case "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or "null" or "~": return true;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(v[0])) return true;
        if (v.Contains(": ") || v.Contains(" #") || v.EndsWith(':')) return true;
        if (flow && v.AsSpan().IndexOfAny(FlowIndicators) >= 0) return true;
        if (v.Any(c => char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\ufeff')) return true;
        return false;
    }

    private static string Quote(string v)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in v)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\ufeff') sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
