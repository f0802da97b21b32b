using Dcsc.Diagnostics;
using Dcsc.Source;

namespace Dcsc.Model;

/// <summary>
/// Where a model object and each of its fields came from, so that rules can point at the exact YAML value.
/// </summary>
public sealed class Location
{
    public static readonly Location Nowhere = new(SourceSpan.None(""), new Dictionary<string, SourceSpan>());

    private readonly IReadOnlyDictionary<string, SourceSpan> _fields;
    private readonly IReadOnlyDictionary<string, BlockScalarLayout>? _blocks;

    public Location(SourceSpan span, IReadOnlyDictionary<string, SourceSpan> fields, IReadOnlyDictionary<string, BlockScalarLayout>? blocks = null)
    {
        Span = span;
        _fields = fields;
        _blocks = blocks;
    }

    /// <summary>The whole mapping (or value) the object was bound from.</summary>
    public SourceSpan Span { get; }

    /// <summary>The value of a field, or the object itself when the field is absent.</summary>
    public SourceSpan Of(string field) => _fields.TryGetValue(field, out var s) ? s : Span;

    public bool Has(string field) => _fields.ContainsKey(field);

    /// <summary>Where the lines of a field written as a block scalar (<c>|</c>, <c>&gt;</c>) are; null for other fields.</summary>
    public BlockScalarLayout? BlockOf(string field) => _blocks is not null && _blocks.TryGetValue(field, out var b) ? b : null;
}
