using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using Dcsc.Diagnostics;
using Dcsc.Layout;
using Scriban.Syntax;

namespace Dcsc.Render.Md;

/// <summary>The Markdown of a laid-out statement, or the diagnostics (DCS9002) that prevented it.</summary>
public sealed record MarkdownResult(string? Markdown, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Success => Markdown is not null;
}

/// <summary>
/// Renders a <see cref="LaidOutDocument"/> to Markdown (docs/markdown-conventions.md) with Scriban templates
/// (<c>templates/markdown/*.sbn</c>, embedded; a folder given with <c>--templates</c> replaces any of them by file
/// name, see <see cref="MarkdownTemplateSet"/>). The layout records are the templates' values; every value a
/// template prints is Markdown-escaped unless it is <see cref="RawMarkdown"/> (<see cref="MarkdownTemplateContext"/>).
/// Numbers, N/A and table numbers come from the layout. Output: LF line endings, no trailing spaces, one blank
/// line between blocks.
/// </summary>
public static partial class MarkdownRenderer
{
    /// <summary>The built-in templates, by name (file <c>&lt;name&gt;.sbn</c>).</summary>
    public static IReadOnlyList<string> TemplateNames => MarkdownTemplateSet.BuiltInNames.ToList();

    /// <summary>The embedded text of a built-in template.</summary>
    public static string DefaultTemplate(string name) => MarkdownTemplateSet.DefaultText(name);

    public static MarkdownResult Render(LaidOutDocument document, string? templatesDirectory = null, TemplateLimits? limits = null) =>
        Render(document, templatesDirectory, limits, templateTables: false);

    /// <summary>
    /// <paramref name="templateTables"/>: render tables through table.sbn even when neither it nor inlines.sbn is
    /// replaced (the output is the same as the fast path, <see cref="TableMarkdown"/>; a test compares the two).
    /// </summary>
    internal static MarkdownResult Render(LaidOutDocument document, string? templatesDirectory, TemplateLimits? limits, bool templateTables)
    {
        var diagnostics = new List<Diagnostic>();
        var templates = MarkdownTemplateSet.Load(templatesDirectory, diagnostics);
        if (templates is null) return new MarkdownResult(null, diagnostics);
        limits ??= new TemplateLimits();
        using var timeout = new CancellationTokenSource(limits.MaxTime);
        var context = new MarkdownTemplateContext(templates, limits, CountElements(document), directTables: !templateTables, timeout.Token);
        var parts = new List<string>();
        try
        {
            parts.Add(context.RenderTopLevel("cover", document.Cover, null).Markdown);
            foreach (var section in document.AllSections())
                parts.Add(context.RenderTopLevel(templates.SectionTemplate(section), section, section).Markdown);
        }
        catch (ScriptRuntimeException e)
        {
            // Author Markdown the renderers refuse is the statement's error (DCS9005, reported by Build), not the template's.
            for (Exception? inner = e; inner is not null; inner = inner.InnerException)
                if (inner is FormatException format) ExceptionDispatchInfo.Throw(format);
            var file = e.Span.FileName ?? "templates/markdown";
            var what = e is ScriptAbortException ? $"the templates ran longer than {limits.MaxTime.TotalSeconds:0} s"
                : e.InnerException is OutOfMemoryException ? "the templates build a text too large to hold in memory"
                : FirstLine(e.OriginalMessage);
            diagnostics.Add(DiagnosticCatalogue.TemplateFails(MarkdownTemplateSet.Span(file, e.Span), $"template {TemplateName(file)} fails while rendering: {what}"));
            return new MarkdownResult(null, diagnostics);
        }
        return new MarkdownResult(Normalize(parts), diagnostics);
    }

    /// <summary>Sections, blocks, list items, rows, cells and inlines: what a template loops over, for the step bound.</summary>
    private static long CountElements(LaidOutDocument document)
    {
        long n = 1;
        foreach (var s in document.AllSections())
        {
            n += 1 + s.Blocks.Count;
            foreach (var b in s.Blocks)
            {
                n += b switch
                {
                    ParagraphBlock p => p.Inlines.Count,
                    ListBlock l => l.Items.Sum(i => 1 + i.Count),
                    TableBlock t => t.Table.Columns.Count + t.Table.Rows.Sum(r => 1 + r.Cells.Sum(c => 1 + c.Count)) + t.Table.Footnotes.Sum(f => 1 + f.Count),
                    TocBlock toc => toc.Entries.Count,
                    _ => 1,
                };
            }
        }
        return n;
    }

    private static string TemplateName(string file) => Path.GetFileName(file.Replace(" (embedded)", "", StringComparison.Ordinal));

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
