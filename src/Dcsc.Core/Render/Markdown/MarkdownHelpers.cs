using System.Text.Json;
using Dcsc.Layout;
using Scriban.Runtime;

namespace Dcsc.Render.Md;

/// <summary>
/// The <c>md</c> object of the templates: the few values that are finished Markdown (<see cref="RawMarkdown"/>),
/// computed from layout facts so that no template has to print author text unescaped.
/// </summary>
internal static class MarkdownHelpers
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static ScriptObject Create()
    {
        var md = new ScriptObject();
        md.Import("heading_marker", new Func<int, RawMarkdown>(HeadingMarker));
        md.Import("link_target", new Func<string?, RawMarkdown>(LinkTarget));
        md.Import("table_marker", new Func<LaidOutTable, RawMarkdown>(t => new RawMarkdown(TableMarkerJson(t))));
        md.Import("figure_marker", new Func<FigureBlock, RawMarkdown>(f => new RawMarkdown(FigureMarkerJson(f))));
        md.Import("cover_marker", new Func<CoverPage, RawMarkdown>(c => new RawMarkdown(CoverMarkerJson(c))));
        return md;
    }

    /// <summary><c>#</c> … <c>######</c> for a heading level (deeper levels print as level 6).</summary>
    public static RawMarkdown HeadingMarker(int level) => new(new string('#', Math.Clamp(level, 1, 6)));

    /// <summary>A URL for inside <c>( )</c>: free of spaces, parentheses and angle brackets, so it cannot end the link.</summary>
    public static RawMarkdown LinkTarget(string? url) => new(SafeUrl(url ?? ""));

    public static string SafeUrl(string url) =>
        url.Replace(" ", "%20").Replace("(", "%28").Replace(")", "%29").Replace("<", "%3C").Replace(">", "%3E");

    /// <summary>The JSON of <c>&lt;!-- dcsc:figure … --&gt;</c>: the figure's anchor id (escaped as the table marker's).</summary>
    public static string FigureMarkerJson(FigureBlock f) => JsonSerializer.Serialize(new Dictionary<string, object?> { ["id"] = f.Id }, Json);

    /// <summary>The JSON of <c>&lt;!-- dcsc:table … --&gt;</c> (docs/markdown-conventions.md); <c>&lt; &gt;</c> are \u-escaped, so it cannot end the comment.</summary>
    public static string TableMarkerJson(LaidOutTable t)
    {
        var marker = new Dictionary<string, object?> { ["id"] = t.Id };
        if (t.AuthorKey is not null) marker["key"] = t.AuthorKey;
        if (t.Groups is not null) marker["groups"] = t.Groups.Select(g => new Dictionary<string, object> { ["text"] = g.Text, ["span"] = g.Span }).ToList();
        var groupRows = t.Rows.Select((r, i) => (r, i)).Where(x => x.r.IsGroup).Select(x => x.i).ToList();
        if (groupRows.Count > 0) marker["groupRows"] = groupRows;
        var headerRows = t.Rows.Select((r, i) => (r, i)).Where(x => x.r.IsHeader).Select(x => x.i).ToList();
        if (headerRows.Count > 0) marker["headerRows"] = headerRows;
        marker["landscape"] = t.Landscape;
        return JsonSerializer.Serialize(marker, Json);
    }

    /// <summary>The JSON of <c>&lt;!-- dcsc:cover … --&gt;</c>.</summary>
    public static string CoverMarkerJson(CoverPage c)
    {
        var marker = new Dictionary<string, object?> { ["product"] = c.Product, ["version"] = c.Version };
        if (c.Date is not null) marker["date"] = c.Date;
        if (c.Manufacturer is not null) marker["manufacturer"] = c.Manufacturer;
        if (c.DocumentId is not null) marker["documentId"] = c.DocumentId;
        return JsonSerializer.Serialize(marker, Json);
    }
}
