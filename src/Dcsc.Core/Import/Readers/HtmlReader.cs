using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Dcsc.Import.Readers;

/// <summary>
/// Reads a statement published as HTML: h1–h6 headings, paragraphs and lists converted to Markdown, tables with
/// rowspan/colspan spread into a grid, &lt;caption&gt; (or a "Table N-M" paragraph before the table) as caption,
/// images as figures (only their references: nothing is fetched). Scripts, styles and navigation are skipped.
/// </summary>
public static class HtmlReader
{
    public static SourceDocument Read(string path, string text, ImportLimits limits)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true, IsScripting = false });
        var doc = parser.ParseDocument(text);
        var blocks = new List<Block>();
        if (doc.Body is { } body) Walk(body, blocks, limits, 0);
        return new SourceDocument(path, "html", MarkdownReader.AttachCaptions(blocks), Array.Empty<ExtractedImage>());
    }

    private static int LineOf(IElement e) => e.SourceReference?.Position.Line ?? 0;

    private static void Walk(IElement parent, List<Block> blocks, ImportLimits limits, int depth)
    {
        if (depth > limits.MaxDepth) throw new ImportException($"the HTML nests elements more than {limits.MaxDepth} deep");
        foreach (var e in parent.Children)
        {
            if (blocks.Count >= limits.MaxBlocks) throw new ImportException($"the document has more than {limits.MaxBlocks} blocks");
            var tag = e.LocalName;
            switch (tag)
            {
                case "script" or "style" or "nav" or "template" or "noscript" or "head" or "button" or "form":
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    blocks.Add(new HeadingBlock(tag[1] - '0', ReaderText.Squash(e.TextContent), LineOf(e)));
                    break;
                case "p" or "pre" or "blockquote" or "dt" or "dd":
                {
                    if (e.QuerySelector("table") is not null) { Walk(e, blocks, limits, depth + 1); break; }
                    var img = e.Children.Length == 1 && ReaderText.Squash(e.TextContent).Length == 0 ? e.QuerySelector("img") : null;
                    if (img is not null) { blocks.Add(Image(img)); break; }
                    var md = tag == "pre" ? "```\n" + e.TextContent.TrimEnd() + "\n```" : Inline(e).Trim();
                    if (tag == "blockquote") md = "> " + md.Replace("\n", "\n> ");
                    if (md.Length > 0) blocks.Add(new TextBlock(md, LineOf(e)));
                    break;
                }
                case "ul" or "ol":
                {
                    var md = List(e, tag == "ol", 0, limits);
                    if (md.Length > 0) blocks.Add(new TextBlock(md, LineOf(e)));
                    break;
                }
                case "table":
                    blocks.Add(Table(e, limits));
                    break;
                case "img":
                    blocks.Add(Image(e));
                    break;
                case "figure":
                {
                    var img = e.QuerySelector("img");
                    var cap = e.QuerySelector("figcaption");
                    if (img is not null) blocks.Add(Image(img) with { Caption = cap is null ? img.GetAttribute("alt") ?? "" : ReaderText.Squash(cap.TextContent) });
                    else Walk(e, blocks, limits, depth + 1);
                    break;
                }
                default:
                    if (e.Children.Length == 0 || e.ChildNodes.Any(n => n is IText t && t.Text.Trim().Length > 0) && !e.Children.Any(IsBlock))
                    {
                        var md = Inline(e).Trim();
                        if (md.Length > 0) blocks.Add(new TextBlock(md, LineOf(e)));
                    }
                    else Walk(e, blocks, limits, depth + 1);
                    break;
            }
        }
    }

    private static bool IsBlock(IElement e) => e.LocalName is "p" or "div" or "table" or "ul" or "ol" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
        or "section" or "article" or "figure" or "pre" or "blockquote" or "header" or "footer" or "main" or "dl";

    private static ImageBlock Image(IElement img) => new(img.GetAttribute("src") ?? "", img.GetAttribute("alt") ?? "", LineOf(img));

    private static string List(IElement list, bool ordered, int indent, ImportLimits limits)
    {
        if (indent > limits.MaxDepth) throw new ImportException($"the HTML nests lists more than {limits.MaxDepth} deep");
        var sb = new StringBuilder();
        int n = 1;
        foreach (var li in list.Children.Where(c => c.LocalName == "li"))
        {
            var own = new StringBuilder();
            foreach (var child in li.ChildNodes)
                if (child is IElement { LocalName: "ul" or "ol" }) continue;
                else own.Append(InlineNode(child));
            sb.Append(new string(' ', indent * 2)).Append(ordered ? $"{n++}. " : "- ").Append(ReaderText.Squash(own.ToString())).Append('\n');
            foreach (var sub in li.Children.Where(c => c.LocalName is "ul" or "ol"))
                sb.Append(List(sub, sub.LocalName == "ol", indent + 1, limits));
        }
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>Inline content as Markdown (bold, italic, code, external links; text escaped).</summary>
    private static string Inline(INode node)
    {
        var sb = new StringBuilder();
        foreach (var c in node.ChildNodes) sb.Append(InlineNode(c));
        return CollapseSpaces(sb.ToString());
    }

    private static string CollapseSpaces(string s)
    {
        var lines = s.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l.Replace('\u00a0', ' '), @"[ \t\r]+", " ").Trim());
        return string.Join("\n", lines);
    }

    private static string InlineNode(INode n)
    {
        switch (n)
        {
            case IText t: return ReaderText.EscapeMarkdown(t.Text.Replace('\n', ' '));
            case IElement e:
                var inner = Inline(e);
                return e.LocalName switch
                {
                    "strong" or "b" => inner.Trim().Length == 0 ? inner : $"**{inner.Trim()}**",
                    "em" or "i" => inner.Trim().Length == 0 ? inner : $"*{inner.Trim()}*",
                    "code" => "`" + e.TextContent.Replace("`", "'") + "`",
                    "br" => "\n",
                    "a" when e.GetAttribute("href") is { } href && (href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal))
                        => $"[{inner}](<{href.Replace(">", "%3E")}>)",
                    // A link to a table of the document ("Table 6-1"), as dcsc prints {table:…} references.
                    "a" when e.GetAttribute("href") is { } anchor && ReaderText.TableAnchor().IsMatch(anchor) => $"[{inner}]({anchor})",
                    "script" or "style" => "",
                    _ => inner,
                };
            default: return "";
        }
    }

    private static TableBlock Table(IElement table, ImportLimits limits)
    {
        var caption = table.QuerySelector("caption") is { } c ? ReaderText.Squash(c.TextContent) : null;
        var trs = new List<IElement>();
        int headerRows = 0;
        void Collect(IElement parent)
        {
            foreach (var ch in parent.Children)
            {
                if (ch.LocalName == "tr") trs.Add(ch);
                else if (ch.LocalName is "thead" or "tbody" or "tfoot")
                {
                    var before = trs.Count;
                    Collect(ch);
                    if (ch.LocalName == "thead" && before == headerRows) headerRows = trs.Count;
                }
            }
        }
        Collect(table);
        var grid = new List<List<string>>();
        var pending = new Dictionary<int, (string Text, int Left)>(); // column -> text carried down by rowspan
        int cells = 0;
        foreach (var tr in trs)
        {
            var row = new List<string>();
            int col = 0;
            void Carry()
            {
                while (pending.TryGetValue(col, out var p))
                {
                    row.Add(p.Text);
                    if (p.Left <= 1) pending.Remove(col); else pending[col] = (p.Text, p.Left - 1);
                    col++;
                }
            }
            foreach (var td in tr.Children.Where(x => x.LocalName is "td" or "th"))
            {
                Carry();
                var text = ReaderText.Squash(td.TextContent);
                int colspan = Math.Clamp(int.TryParse(td.GetAttribute("colspan"), out var cs) ? cs : 1, 1, 1000);
                int rowspan = Math.Clamp(int.TryParse(td.GetAttribute("rowspan"), out var rs) ? rs : 1, 1, 10_000);
                for (int k = 0; k < colspan; k++)
                {
                    if (++cells > limits.MaxTableCells) throw new ImportException($"a table at line {LineOf(table)} has more than {limits.MaxTableCells} cells");
                    row.Add(k == 0 ? text : "");
                    if (rowspan > 1) pending[col] = (k == 0 ? text : "", rowspan - 1);
                    col++;
                }
            }
            Carry();
            grid.Add(row);
        }
        if (headerRows == 0)
            while (headerRows < trs.Count && trs[headerRows].Children.All(x => x.LocalName == "th")) headerRows++;
        // data-key: an author table's key, as dcsc writes it.
        return new TableBlock(caption, ReaderText.Rectangle(grid), Math.Max(headerRows, grid.Count > 0 ? 1 : 0), LineOf(table)) { Key = table.GetAttribute("data-key") };
    }
}
