using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Dcsc.Render.Md;

/// <summary>
/// Makes author Markdown (narrative fields of the statement) safe to embed in a section:
/// raw HTML is escaped (every <c>&lt;</c> outside code becomes <c>&amp;lt;</c>, so author text cannot forge a
/// <c>&lt;!-- dcsc:</c> marker), links whose scheme is not http, https, mailto or a # fragment become plain text,
/// headings are demoted below the section's level (bold text below level 6), and an unclosed code fence is closed.
/// </summary>
public static class AuthorMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough).UsePreciseSourceLocation().Build();

    private sealed record Edit(int Start, int End, string Replacement); // End exclusive

    public static string Sanitize(string markdown, int sectionLevel)
    {
        var text = markdown.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd();
        text = EscapeHtmlAndLinks(text);
        text = DemoteHeadings(text, sectionLevel);
        return CloseFence(text);
    }

    private static bool AllowedLink(string? url, bool image)
    {
        if (string.IsNullOrEmpty(url)) return true;
        var u = url.Trim();
        if (u.StartsWith('#') || u.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || u.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) return true;
        // Images may also be relative paths (no scheme).
        return image && !u.Contains(':') && !u.StartsWith("//", StringComparison.Ordinal);
    }

    private static string EscapeHtmlAndLinks(string text)
    {
        // The same guards as the HTML/DOCX renderers (docs/limits.md): refuse text Markdig would parse in quadratic time
        // or reject as too deeply nested, with a FormatException the build turns into a diagnostic.
        Dcsc.Render.DcscDocument.CheckBracketWork(text);
        MarkdownDocument doc;
        try { doc = Markdig.Markdown.Parse(text, Pipeline); }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.Ordinal))
        {
            throw new FormatException($"The Markdown nests deeper than {Dcsc.Render.DcscDocument.MaxNesting} levels (lists, quotes, emphasis or links inside one another).", e);
        }
        var protectedRanges = new List<(int Start, int End)>();
        var edits = new List<Edit>();
        foreach (var node in doc.Descendants())
        {
            switch (node)
            {
                case CodeBlock cb when cb.Span.Length > 0:
                    protectedRanges.Add((cb.Span.Start, cb.Span.End + 1)); break;
                case CodeInline ci when ci.Span.Length > 0:
                    protectedRanges.Add((ci.Span.Start, ci.Span.End + 1)); break;
                case AutolinkInline al:
                    if (al.IsEmail || AllowedLink(al.Url, false)) protectedRanges.Add((al.Span.Start, al.Span.End + 1));
                    break;
                case LinkInline link when !AllowedLink(link.Url, link.IsImage) && link.Span.Length > 0:
                    var label = LabelText(text, link);
                    edits.Add(new Edit(link.Span.Start, link.Span.End + 1, label.Replace("<", "&lt;")));
                    break;
            }
        }
        // Outermost link edits win; inner ones are inside the replaced text.
        edits = edits.OrderBy(e => e.Start).ThenByDescending(e => e.End).ToList();
        var kept = new List<Edit>();
        foreach (var e in edits) if (kept.Count == 0 || e.Start >= kept[^1].End) kept.Add(e);
        bool Inside(int i) => protectedRanges.Any(r => i >= r.Start && i < r.End) || kept.Any(e => i >= e.Start && i < e.End);
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '<' && !Inside(i)) kept.Add(new Edit(i, i + 1, "&lt;"));
        return Apply(text, kept);
    }

    private static string LabelText(string text, LinkInline link)
    {
        if (link.FirstChild is null) return "";
        int start = link.FirstChild.Span.Start, end = link.LastChild!.Span.End;
        if (start < 0 || end < start || end >= text.Length) return "";
        return text.Substring(start, end - start + 1);
    }

    private static string DemoteHeadings(string text, int sectionLevel)
    {
        var doc = Markdig.Markdown.Parse(text, Pipeline);
        var edits = new List<Edit>();
        foreach (var h in doc.Descendants<HeadingBlock>())
        {
            if (h.Span.Length <= 0) continue;
            string content = "";
            if (h.Inline?.FirstChild is { } first && h.Inline.LastChild is { } last && first.Span.Start >= 0 && last.Span.End >= first.Span.Start)
                content = text.Substring(first.Span.Start, last.Span.End - first.Span.Start + 1);
            content = string.Join(" ", content.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            int level = sectionLevel + h.Level;
            string replacement = content.Length == 0 ? "" : level <= 6 ? new string('#', level) + " " + content : "**" + content + "**";
            int end = Math.Min(text.Length, h.Span.End + 1);
            edits.Add(new Edit(h.Span.Start, end, replacement));
        }
        return Apply(text, edits);
    }

    private static string CloseFence(string text)
    {
        var doc = Markdig.Markdown.Parse(text, Pipeline);
        // Only a top-level fence can run past the end of the author text (nested ones end with their container).
        var open = doc.OfType<FencedCodeBlock>().LastOrDefault(f => f.ClosingFencedCharCount == 0);
        if (open is null) return text;
        return text + "\n" + new string(open.FencedChar, Math.Max(3, open.OpeningFencedCharCount));
    }

    private static string Apply(string text, List<Edit> edits)
    {
        if (edits.Count == 0) return text;
        var sb = new StringBuilder(text.Length + edits.Count * 4);
        int pos = 0;
        foreach (var e in edits.OrderBy(e => e.Start))
        {
            if (e.Start < pos) continue;
            sb.Append(text, pos, e.Start - pos).Append(e.Replacement);
            pos = e.End;
        }
        sb.Append(text, pos, text.Length - pos);
        return sb.ToString();
    }
}
