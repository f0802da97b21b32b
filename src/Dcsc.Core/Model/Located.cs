using Dcsc.Diagnostics;

namespace Dcsc.Model;

/// <summary>
/// Where a model object and each of its fields came from, so that rules can point at the exact YAML value.
/// </summary>
public sealed class Location
{
    public static readonly Location Nowhere = new(SourceSpan.None(""), new Dictionary<string, SourceSpan>());

    private readonly IReadOnlyDictionary<string, SourceSpan> _fields;

    public Location(SourceSpan span, IReadOnlyDictionary<string, SourceSpan> fields)
    {
        Span = span;
        _fields = fields;
    }

    /// <summary>The whole mapping (or value) the object was bound from.</summary>
    public SourceSpan Span { get; }

    /// <summary>The value of a field, or the object itself when the field is absent.</summary>
    public SourceSpan Of(string field) => _fields.TryGetValue(field, out var s) ? s : Span;

    public bool Has(string field) => _fields.ContainsKey(field);
}
