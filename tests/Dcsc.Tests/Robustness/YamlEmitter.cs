using System.Text;
using System.Text.RegularExpressions;
using Dcsc.Diagnostics;
using Dcsc.Source;

namespace Dcsc.Tests.Robustness;

/// <summary>
/// Writes loaded YAML nodes back as block YAML (for mutation tests), optionally substituting nodes, and
/// remembers the line where each node's value was written.
/// </summary>
internal sealed class YamlEmitter
{
    private static readonly Regex SafePlain = new(@"^[A-Za-z0-9_./+][A-Za-z0-9 _./+()\-]*$", RegexOptions.CultureInvariant);

    private readonly StringBuilder _sb = new();
    private readonly Func<YamlNode, YamlNode>? _substitute;
    private int _line = 1;

    public Dictionary<YamlNode, int> Lines { get; } = new(ReferenceEqualityComparer.Instance);

    private YamlEmitter(Func<YamlNode, YamlNode>? substitute) => _substitute = substitute;

    public static (string Text, Dictionary<YamlNode, int> Lines) Emit(YamlNode root, Func<YamlNode, YamlNode>? substitute = null)
    {
        var e = new YamlEmitter(substitute);
        e.Node(root, 0, topLevel: true);
        return (e._sb.ToString(), e.Lines);
    }

    public static YamlScalar Plain(string value) => new(SourceSpan.None("mutation"), value, true);

    private YamlNode Sub(YamlNode n) => _substitute?.Invoke(n) ?? n;

    private void Write(string s)
    {
        _sb.Append(s);
        foreach (var c in s) if (c == '\n') _line++;
    }

    public static string Scalar(YamlScalar s)
    {
        if (s.IsPlain && (s.IsNull || SafePlain.IsMatch(s.Value))) return s.Value.Length == 0 ? "null" : s.Value;
        return System.Text.Json.JsonSerializer.Serialize(s.Value, new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    private void Node(YamlNode node, int indent, bool topLevel = false)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case YamlMapping m:
                foreach (var (k, v0) in m.Entries)
                {
                    var v = Sub(v0);
                    Write(pad + Scalar(k) + ":");
                    Inline(v, indent);
                }
                break;
            case YamlSequence q:
                foreach (var i0 in q.Items)
                {
                    var i = Sub(i0);
                    Write(pad + "-");
                    Inline(i, indent);
                }
                break;
            case YamlScalar s when topLevel:
                Lines[node] = _line;
                Write(Scalar(s) + "\n");
                break;
        }
    }

    /// <summary>The value after "key:" or "-": on the same line when it is a scalar or empty, else indented below.</summary>
    private void Inline(YamlNode v, int indent)
    {
        Lines[v] = _line;
        switch (v)
        {
            case YamlScalar s: Write(" " + Scalar(s) + "\n"); break;
            case YamlMapping { Entries.Count: 0 }: Write(" {}\n"); break;
            case YamlSequence { Items.Count: 0 }: Write(" []\n"); break;
            default:
                Write("\n");
                Node(v, indent + 2);
                break;
        }
    }
}
