using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Dcsc.Import.Readers;

/// <summary>
/// Reads a statement published as Markdown (CommonMark with pipe and grid tables): ATX and setext headings,
/// paragraphs and lists kept as their Markdown source, tables as cell text. A paragraph "Table N-M Title" right
/// before a table is its caption. HTML comments are dropped; other HTML blocks are kept as text (escaped later).
/// </summary>
public static class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().Build();

    public static SourceDocument Read(string path, string text, ImportLimits limits)
    {
        var doc = Markdown.Parse(text, Pipeline);
        var blocks = new List<Block>();
        string? authorKey = null;
        string Slice(Markdig.Syntax.Block b) => b.Span.Start >= 0 && b.Span.End < text.Length + 1 && b.Span.Length > 0
            ? text.Substring(b.Span.Start, Math.Min(b.Span.Length, text.Length - b.Span.Start)).TrimEnd() : "";
        foreach (var b in doc)
        {
            if (blocks.Count >= limits.MaxBlocks) throw new ImportException($"the document has more than {limits.MaxBlocks} blocks");
            var line = b.Line + 1;
            switch (b)
            {
                case Markdig.Syntax.HeadingBlock h:
                    blocks.Add(new HeadingBlock(h.Level, ReaderText.Squash(Plain(h.Inline)), line));
                    break;
                case Table t:
                    blocks.Add(ReadTable(t, line, limits) with { Key = authorKey });
                    authorKey = null;
                    break;
                case HtmlBlock html:
                {
                    var s = Slice(html);
                    if (s.StartsWith("<!--", StringComparison.Ordinal))
                    {
                        // dcsc's table marker carries an author table's key (docs/markdown-conventions.md).
                        // The key belongs to the table of its block: the closing marker ends it.
                        if (s.StartsWith("<!-- dcsc:table ", StringComparison.Ordinal)) authorKey = MarkerKey(s);
                        else if (s.StartsWith("<!-- dcsc:/table", StringComparison.Ordinal)) authorKey = null;
                        break;
                    }
                    blocks.Add(new TextBlock(s, line));
                    break;
                }
                case ParagraphBlock p:
                {
                    var s = Slice(p);
                    if (p.Inline is { } inl && inl.Count() == 1 && inl.FirstChild is LinkInline { IsImage: true } img)
                    {
                        // A figure dcsc drew from the model (Figures 1-1, 4-1) is drawn again by the next build.
                        if (!Dcsc.Figures.StatementFigures.IsGenerated(img.Url ?? "")) blocks.Add(new ImageBlock(img.Url ?? "", Plain(img), line));
                    }
                    else if (s.Length > 0) blocks.Add(new TextBlock(s, line));
                    break;
                }
                case ThematicBreakBlock:
                case LinkReferenceDefinitionGroup:
                    break;
                default:
                {
                    var s = Slice(b);
                    if (s.Length > 0) blocks.Add(new TextBlock(s, line));
                    break;
                }
            }
        }
        return new SourceDocument(path, "md", AttachCaptions(blocks), Array.Empty<ExtractedImage>());
    }

    /// <summary>The "key" of a <c>&lt;!-- dcsc:table {…} --&gt;</c> marker, or null (also for a marker that is not JSON).</summary>
    private static string? MarkerKey(string comment)
    {
        var json = comment["<!-- dcsc:table ".Length..].Trim();
        if (json.EndsWith("-->", StringComparison.Ordinal)) json = json[..^3];
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions { MaxDepth = 8 });
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("key", out var k)
                && k.ValueKind == System.Text.Json.JsonValueKind.String ? k.GetString() : null;
        }
        catch (System.Text.Json.JsonException) { return null; }
    }

    private static TableBlock ReadTable(Table t, int line, ImportLimits limits)
    {
        var rows = new List<List<string>>();
        int header = 0, cells = 0;
        foreach (var r in t.OfType<TableRow>())
        {
            var row = new List<string>();
            foreach (var c in r.OfType<TableCell>())
            {
                if (++cells > limits.MaxTableCells) throw new ImportException($"a table at line {line} has more than {limits.MaxTableCells} cells");
                var sb = new StringBuilder();
                foreach (var p in c.OfType<ParagraphBlock>()) { if (sb.Length > 0) sb.Append(' '); sb.Append(Plain(p.Inline)); }
                row.Add(ReaderText.Squash(sb.ToString()));
                for (int span = 1; span < c.ColumnSpan; span++) row.Add("");
            }
            if (r.IsHeader && rows.Count == header) header++;
            rows.Add(row);
        }
        return new TableBlock(null, ReaderText.Rectangle(rows), header, line);
    }

    /// <summary>The plain text of inlines (emphasis, links and code unwrapped, escapes resolved).</summary>
    public static string Plain(ContainerInline? inline)
    {
        if (inline is null) return "";
        var sb = new StringBuilder();
        void Walk(Inline i)
        {
            switch (i)
            {
                case LiteralInline l: sb.Append(l.Content.ToString()); break;
                case CodeInline c: sb.Append(c.Content); break;
                case LineBreakInline: sb.Append(' '); break;
                case HtmlEntityInline e: sb.Append(e.Transcoded.ToString()); break;
                case HtmlInline h when h.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase): sb.Append(' '); break;
                case HtmlInline: break;
                case AutolinkInline a: sb.Append(a.Url); break;
                case ContainerInline ci: foreach (var x in ci) Walk(x); break;
            }
        }
        Walk(inline);
        return sb.ToString();
    }

    /// <summary>A caption paragraph directly before (or, failing that, directly after) a table becomes its caption.</summary>
    internal static IReadOnlyList<Block> AttachCaptions(List<Block> blocks)
    {
        var result = new List<Block>(blocks.Count);
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b is TextBlock tb && i + 1 < blocks.Count && blocks[i + 1] is TableBlock next && next.Caption is null && ReaderText.IsCaption(CaptionText(tb.Markdown)))
            {
                result.Add(next with { Caption = CaptionText(tb.Markdown) });
                i++;
                continue;
            }
            if (b is TableBlock t && t.Caption is null && i + 1 < blocks.Count && blocks[i + 1] is TextBlock after && ReaderText.IsCaption(CaptionText(after.Markdown))
                && !(i + 2 < blocks.Count && blocks[i + 2] is TableBlock { Caption: null }))
            {
                result.Add(t with { Caption = CaptionText(after.Markdown) });
                i++;
                continue;
            }
            result.Add(b);
        }
        return result;
    }

    /// <summary>Caption text without Markdown emphasis and escapes.</summary>
    internal static string CaptionText(string markdown)
    {
        var doc = Markdown.Parse(markdown, Pipeline);
        return doc.FirstOrDefault() is ParagraphBlock p ? ReaderText.Squash(Plain(p.Inline)) : ReaderText.Squash(markdown);
    }
}
