namespace Dcsc.Diagnostics;

/// <summary>Collects diagnostics of one run; ordered by file, line, column, id for stable output.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);
    public int Count(Severity severity) => _items.Count(d => d.Severity == severity);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Replaces each finding by <paramref name="map"/> of it (adds context a later stage knows, e.g. the `extends:`
    /// line through which a base file was reached).</summary>
    public void Map(Func<Diagnostic, Diagnostic> map)
    {
        for (int i = 0; i < _items.Count; i++) _items[i] = map(_items[i]);
    }

    public IReadOnlyList<Diagnostic> Sorted() => _items
        .OrderBy(d => d.Span.File, StringComparer.Ordinal)
        .ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column)
        .ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
        .ToList();
}
