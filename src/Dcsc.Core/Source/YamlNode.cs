using Dcsc.Diagnostics;

namespace Dcsc.Source;

/// <summary>A loaded YAML node that remembers where it came from. Aliases share the anchored node.</summary>
public abstract class YamlNode
{
    protected YamlNode(SourceSpan span) => Span = span;
    public SourceSpan Span { get; }
    public abstract string KindName { get; }
}

public sealed class YamlScalar : YamlNode
{
    public YamlScalar(SourceSpan span, string value, bool isPlain) : base(span) { Value = value; IsPlain = isPlain; }

    public string Value { get; }

    /// <summary>Plain (unquoted) scalars may be numbers, booleans or null; quoted ones are always strings.</summary>
    public bool IsPlain { get; }

    /// <summary>For a <c>|</c> or <c>&gt;</c> block scalar: where each of its lines is in the file (else null).</summary>
    public BlockScalarLayout? Block { get; init; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");
    public override string KindName => IsNull ? "null" : "a value";
}

public sealed class YamlMapping : YamlNode
{
    public YamlMapping(SourceSpan span, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries) : base(span) => Entries = entries;

    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }
    public override string KindName => "a mapping";

    public YamlNode? this[string key]
    {
        get
        {
            foreach (var e in Entries) if (e.Key.Value == key) return e.Value;
            return null;
        }
    }
}

public sealed class YamlSequence : YamlNode
{
    public YamlSequence(SourceSpan span, IReadOnlyList<YamlNode> items) : base(span) => Items = items;
    public IReadOnlyList<YamlNode> Items { get; }
    public override string KindName => "a list";
}
