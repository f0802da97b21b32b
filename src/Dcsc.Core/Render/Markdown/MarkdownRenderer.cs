using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dcsc.Diagnostics;
using Dcsc.Layout;
using HandlebarsDotNet;

namespace Dcsc.Render.Md;

/// <summary>The Markdown of a laid-out statement, or the diagnostics (DCS9002) that prevented it.</summary>
public sealed record MarkdownResult(string? Markdown, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Success => Markdown is not null;
}

/// <summary>
/// Renders a <see cref="LaidOutDocument"/> to Markdown (docs/markdown-conventions.md) with Handlebars.Net partials:
/// one template per block kind (<c>templates/markdown/*.hbs</c>, embedded; a folder given with <c>--templates</c>
/// overrides any of them by file name). Text values are Markdown-escaped (<see cref="MarkdownEscaper"/>); numbers,
/// N/A and table numbers come from the layout. Output: LF line endings, no trailing spaces, one blank line between blocks.
/// </summary>
public static partial class MarkdownRenderer
{
    /// <summary>The templates every document uses, by name (file <c>&lt;name&gt;.hbs</c>).</summary>
    public static readonly IReadOnlyList<string> TemplateNames = new[]
    {
        "cover", "toc", "heading", "paragraph", "list", "table", "na", "figure", "author", "inlines",
    };

    private const string ResourcePrefix = "Dcsc.Templates.markdown.";

    /// <summary>The embedded default template text.</summary>
    public static string DefaultTemplate(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name + ".hbs")
            ?? throw new InvalidOperationException($"embedded template {name}.hbs is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static MarkdownResult Render(LaidOutDocument document, string? templatesDirectory = null) =>
        Render(document, templatesDirectory, templateTables: Environment.GetEnvironmentVariable("DCSC_MD_TEMPLATE_TABLES") == "1");

    /// <summary>
    /// <paramref name="templateTables"/>: render tables through table.hbs even when neither it nor inlines.hbs is
    /// overridden (the output is the same; a test compares the two paths).
    /// </summary>
    internal static MarkdownResult Render(LaidOutDocument document, string? templatesDirectory, bool templateTables)
    {
        var diagnostics = new List<Diagnostic>();
        var templates = LoadTemplates(templatesDirectory, diagnostics);
        if (templates is null) return new MarkdownResult(null, diagnostics);
        var parts = new List<string>();
        bool failed = false;

        string Run(string name, object model)
        {
            if (failed) return "";
            try
            {
                return templates.Compiled[name](model);
            }
            catch (Exception e)
            {
                diagnostics.Add(DiagnosticCatalogue.TemplateFails(SourceSpan.None(templates.Files[name]), $"template {templates.Files[name]} fails while rendering: {FirstLine(e.Message)}"));
                failed = true;
                return "";
            }
        }

        // Tables are most of a large statement; with the built-in table and inline templates they are written
        // directly (what the templates give, without a Handlebars partial per cell).
        bool fastTables = !templateTables && templates.IsBuiltIn("table") && templates.IsBuiltIn("inlines");
        parts.Add(Run("cover", CoverModel(document.Cover)));
        foreach (var s in document.Sections) RenderSection(s, parts, Run, fastTables);
        if (failed) return new MarkdownResult(null, diagnostics);
        return new MarkdownResult(Normalize(parts), diagnostics);
    }

    private static void RenderSection(LaidOutSection s, List<string> parts, Func<string, object, string> run, bool fastTables)
    {
        parts.Add(run("heading", new Dictionary<string, object?>
        {
            ["hashes"] = new string('#', Math.Clamp(s.Level, 1, 6)), ["number"] = s.Number, ["title"] = s.Title, ["anchor"] = s.Anchor,
            ["level"] = s.Level, ["na"] = s.IsNa, ["key"] = s.Key,
        }));
        foreach (var b in s.Blocks)
        {
            if (fastTables && b is TableBlock tb) { parts.Add(TableMarkdown(tb.Table)); continue; }
            var (name, model) = BlockModel(b, s);
            parts.Add(run(name, model));
        }
        foreach (var c in s.Children) RenderSection(c, parts, run, fastTables);
    }

    /// <summary>What templates/markdown/table.hbs with inlines.hbs renders for a table.</summary>
    private static string TableMarkdown(LaidOutTable t)
    {
        var sb = new StringBuilder(256 + t.Rows.Count * 96);
        sb.Append("<!-- dcsc:table ").Append(TableMarkerJson(t)).Append(" -->\n");
        sb.Append(MarkdownEscaper.Escape(t.Caption)).Append("\n\n|");
        foreach (var h in t.Columns) sb.Append(' ').Append(MarkdownEscaper.Escape(h)).Append(" |");
        sb.Append("\n|");
        foreach (var _ in t.Columns) sb.Append(" --- |");
        sb.Append('\n');
        foreach (var r in t.Rows)
        {
            sb.Append('|');
            foreach (var c in r.Cells) { sb.Append(' '); InlinesMarkdown(c, sb); sb.Append(" |"); }
            sb.Append('\n');
        }
        foreach (var f in t.Footnotes) { sb.Append('\n'); InlinesMarkdown(f, sb); sb.Append('\n'); }
        sb.Append("\n<!-- dcsc:/table -->\n");
        return sb.ToString();
    }

    /// <summary>What templates/markdown/inlines.hbs renders.</summary>
    private static void InlinesMarkdown(IEnumerable<Inline> inlines, StringBuilder sb)
    {
        foreach (var i in inlines)
        {
            var href = i.Href is null ? null : SafeUrl(i.Href);
            if (!string.IsNullOrEmpty(href)) sb.Append('[').Append(MarkdownEscaper.Escape(i.Text)).Append("](").Append(href).Append(')');
            else sb.Append(MarkdownEscaper.Escape(i.Text));
        }
    }

    private static (string Name, object Model) BlockModel(LayoutBlock block, LaidOutSection section) => block switch
    {
        ParagraphBlock p => ("paragraph", new Dictionary<string, object?> { ["inlines"] = Inlines(p.Inlines), ["note"] = p.IsNote }),
        ListBlock l => ("list", new Dictionary<string, object?> { ["items"] = l.Items.Select(i => new Dictionary<string, object?> { ["inlines"] = Inlines(i) }).ToList() }),
        TableBlock t => ("table", TableModel(t.Table)),
        NaBlock => ("na", new Dictionary<string, object?>()),
        // A run-in heading is a paragraph of strong text (docs/markdown-conventions.md), written through the author
        // template so that no extra template is needed; the title is template text, escaped here.
        RunInHeadingBlock r => ("author", new Dictionary<string, object?>
        {
            ["label"] = null, ["markdown"] = "**" + MarkdownEscaper.Escape(r.Title) + "**", ["raw"] = r.Title,
        }),
        FigureBlock f => ("figure", new Dictionary<string, object?> { ["id"] = f.Id, ["number"] = f.Number, ["title"] = f.Title, ["src"] = SafeUrl(f.Source) }),
        AuthorBlock a => ("author", new Dictionary<string, object?>
        {
            ["label"] = a.Label, ["markdown"] = AuthorMarkdown.Sanitize(a.Markdown, section.Level), ["raw"] = a.Markdown,
        }),
        TocBlock toc => ("toc", new Dictionary<string, object?>
        {
            ["entries"] = toc.Entries.Select(e => new Dictionary<string, object?>
            {
                ["indent"] = new string(' ', 2 * e.Depth), ["depth"] = e.Depth, ["number"] = e.Number, ["title"] = e.Title, ["anchor"] = e.Anchor,
                ["label"] = e.Number.Length > 0 ? e.Number + " " + e.Title : e.Title,
            }).ToList(),
        }),
        _ => throw new InvalidOperationException("unknown block " + block.GetType().Name),
    };

    private static List<Dictionary<string, object?>> Inlines(IEnumerable<Inline> inlines) =>
        inlines.Select(i => new Dictionary<string, object?> { ["text"] = i.Text, ["href"] = i.Href is null ? null : SafeUrl(i.Href) }).ToList();

    /// <summary>URLs go inside <c>( )</c> unescaped: keep them free of spaces, parentheses and angle brackets.</summary>
    private static string SafeUrl(string url) =>
        url.Replace(" ", "%20").Replace("(", "%28").Replace(")", "%29").Replace("<", "%3C").Replace(">", "%3E");

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private static string TableMarkerJson(LaidOutTable t)
    {
        var marker = new Dictionary<string, object?> { ["id"] = t.Id };
        if (t.Groups is not null) marker["groups"] = t.Groups.Select(g => new Dictionary<string, object> { ["text"] = g.Text, ["span"] = g.Span }).ToList();
        var groupRows = t.Rows.Select((r, i) => (r, i)).Where(x => x.r.IsGroup).Select(x => x.i).ToList();
        if (groupRows.Count > 0) marker["groupRows"] = groupRows;
        marker["landscape"] = t.Landscape;
        return JsonSerializer.Serialize(marker, Json);
    }

    private static Dictionary<string, object?> TableModel(LaidOutTable t)
    {
        return new Dictionary<string, object?>
        {
            ["markerJson"] = TableMarkerJson(t),
            ["id"] = t.Id, ["number"] = t.Number, ["title"] = t.Title, ["caption"] = t.Caption, ["landscape"] = t.Landscape,
            ["header"] = t.Columns.ToList(),
            ["rows"] = t.Rows.Select(r => new Dictionary<string, object?>
            {
                ["group"] = r.IsGroup,
                ["cells"] = r.Cells.Select(c => new Dictionary<string, object?> { ["inlines"] = Inlines(c) }).ToList(),
            }).ToList(),
            ["footnotes"] = t.Footnotes.Select(f => new Dictionary<string, object?> { ["inlines"] = Inlines(f) }).ToList(),
        };
    }

    private static Dictionary<string, object?> CoverModel(CoverPage c)
    {
        var marker = new Dictionary<string, object?> { ["product"] = c.Product, ["version"] = c.Version };
        if (c.Date is not null) marker["date"] = c.Date;
        if (c.Manufacturer is not null) marker["manufacturer"] = c.Manufacturer;
        if (c.DocumentId is not null) marker["documentId"] = c.DocumentId;
        return new Dictionary<string, object?>
        {
            ["markerJson"] = JsonSerializer.Serialize(marker, Json),
            ["product"] = c.Product, ["version"] = c.Version, ["manufacturer"] = c.Manufacturer, ["date"] = c.Date,
            ["documentId"] = c.DocumentId, ["covered"] = c.CoveredProducts.ToList(),
        };
    }

    // ------------------------------------------------------------------ templates

    private sealed record TemplateSet(Dictionary<string, HandlebarsTemplate<object, object>> Compiled, Dictionary<string, string> Files)
    {
        /// <summary>The template is the embedded one (not overridden from a templates folder).</summary>
        public bool IsBuiltIn(string name) => Files.TryGetValue(name, out var f) && f.EndsWith(" (embedded)", StringComparison.Ordinal);
    }

    private static TemplateSet? LoadTemplates(string? directory, List<Diagnostic> diagnostics)
    {
        var hb = Handlebars.Create(new HandlebarsConfiguration { TextEncoder = MarkdownEscaper.Instance });
        var sources = new SortedDictionary<string, (string Text, string File)>(StringComparer.Ordinal);
        foreach (var name in TemplateNames) sources[name] = (DefaultTemplate(name), $"templates/markdown/{name}.hbs (embedded)");
        if (directory is not null)
        {
            if (!Directory.Exists(directory))
            {
                diagnostics.Add(DiagnosticCatalogue.TemplateFails(SourceSpan.None(directory), $"template folder {directory} does not exist"));
                return null;
            }
            foreach (var file in Directory.GetFiles(directory, "*.hbs").OrderBy(f => f, StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                try { sources[name] = (File.ReadAllText(file, Encoding.UTF8), file); }
                catch (IOException e) { diagnostics.Add(DiagnosticCatalogue.TemplateFails(SourceSpan.None(file), $"template {file} cannot be read: {e.Message}")); }
                catch (UnauthorizedAccessException e) { diagnostics.Add(DiagnosticCatalogue.TemplateFails(SourceSpan.None(file), $"template {file} cannot be read: {e.Message}")); }
            }
        }
        var compiled = new Dictionary<string, HandlebarsTemplate<object, object>>(StringComparer.Ordinal);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, (text, file)) in sources)
        {
            var normalized = text.Replace("\r\n", "\n");
            try
            {
                hb.RegisterTemplate(name, normalized);
                compiled[name] = hb.Compile(normalized);
                files[name] = file;
            }
            catch (Exception e)
            {
                diagnostics.Add(DiagnosticCatalogue.TemplateFails(SourceSpan.None(file), $"template {file} cannot be parsed: {FirstLine(e.Message)}"));
            }
        }
        return diagnostics.Any(d => d.Severity == Severity.Error) ? null : new TemplateSet(compiled, files);
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    // ------------------------------------------------------------------ output normalization

    [GeneratedRegex(@"[ \t]+$", RegexOptions.Multiline)]
    private static partial Regex TrailingSpace();

    [GeneratedRegex(@"([^\n])\n(<!-- dcsc:/)")]
    private static partial Regex ClosingMarker();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    /// <summary>Blocks separated by one blank line; LF only; no trailing spaces; the file ends with one newline.</summary>
    private static string Normalize(IEnumerable<string> parts)
    {
        var text = string.Join("\n\n", parts.Select(p => p.Replace("\r\n", "\n").Replace('\r', '\n').Trim('\n')).Where(p => p.Trim().Length > 0));
        text = TrailingSpace().Replace(text, "");
        text = ClosingMarker().Replace(text, "$1\n\n$2");
        text = BlankLines().Replace(text, "\n\n");
        return text.TrimEnd('\n') + "\n";
    }
}
