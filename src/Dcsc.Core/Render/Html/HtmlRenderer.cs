using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Dcsc.Render.Html;

/// <summary>Options of the HTML renderer.</summary>
public sealed class HtmlOptions
{
    /// <summary>Value of the <c>lang</c> attribute of the page.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Page title; default "DICOM Conformance Statement – product version" from the cover marker.</summary>
    public string? Title { get; init; }

    /// <summary>Heading levels the printed table of contents lists (deeper entries stay on screen; default 3).</summary>
    public int TocLevels { get; init; } = 3;

    /// <summary>Figures dcsc drew (Figures stage): a figure whose image is one of these files is written inline as its SVG.</summary>
    public IReadOnlyList<Dcsc.Figures.GeneratedFigure> Figures { get; init; } = Array.Empty<Dcsc.Figures.GeneratedFigure>();
}

/// <summary>
/// Renders dcsc Markdown (see docs/markdown-conventions.md) to one self-contained HTML5 page.
/// Walks the Markdig tree itself: raw HTML is always written as escaped text, links are kept only for
/// http, https, mailto and # fragments, images are replaced by their alt text (no external requests), except the
/// figures dcsc draws itself, which are written inline as SVG.
/// </summary>
public static class HtmlRenderer
{
    public static string Render(string dcscMarkdown, HtmlOptions? options = null) => Render(DcscDocument.Parse(dcscMarkdown), options);

    /// <summary>The page of a parsed document, which is only read (the DOCX renderer may read it at the same time).</summary>
    public static string Render(DcscDocument doc, HtmlOptions? options = null)
    {
        options ??= new HtmlOptions();
        var w = new Writer(doc, options.Figures);
        return w.RenderPage(options);
    }

    private sealed class Writer
    {
        private readonly DcscDocument _doc;
        private readonly StringBuilder _sb = new();

        private readonly IReadOnlyList<Dcsc.Figures.GeneratedFigure> _figures;

        public Writer(DcscDocument doc, IReadOnlyList<Dcsc.Figures.GeneratedFigure> figures)
        {
            _doc = doc;
            _figures = figures;
        }

        public string RenderPage(HtmlOptions options)
        {
            _tocLevels = Math.Clamp(options.TocLevels, 1, 6);
            var cover = _doc.Cover;
            var title = options.Title ?? (cover is null || cover.ProductAndVersion.Length == 0
                ? "DICOM Conformance Statement"
                : "DICOM Conformance Statement – " + cover.ProductAndVersion);

            _sb.Append("<!DOCTYPE html>\n");
            _sb.Append("<html lang=\"").Append(Attr(options.Language)).Append("\">\n<head>\n");
            _sb.Append("<meta charset=\"utf-8\">\n");
            _sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
            _sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            _sb.Append("<meta name=\"generator\" content=\"dcsc\">\n");
            if (cover?.Date is { Length: > 0 } date)
            {
                _sb.Append("<meta name=\"dcterms.date\" content=\"").Append(Attr(date)).Append("\">\n");
                // The PDF engine takes the document's creation and modification dates from these (PDF metadata).
                _sb.Append("<meta name=\"dcterms.created\" content=\"").Append(Attr(date)).Append("\">\n");
                _sb.Append("<meta name=\"dcterms.modified\" content=\"").Append(Attr(date)).Append("\">\n");
            }
            if (cover?.Manufacturer is { Length: > 0 } author) _sb.Append("<meta name=\"author\" content=\"").Append(Attr(author)).Append("\">\n");
            if (cover?.ProductAndVersion is { Length: > 0 } pv) _sb.Append("<meta name=\"description\" content=\"DICOM Conformance Statement of ").Append(Attr(pv)).Append("\">\n");
            _sb.Append("<title>").Append(Text(title)).Append("</title>\n");
            _sb.Append("<style>\n").Append(Css.Stylesheet).Append("</style>\n");
            _sb.Append("</head>\n<body>\n");

            bool mainOpen = false;
            foreach (var node in _doc.Nodes)
            {
                if (node is DcscCover c)
                {
                    if (mainOpen) { _sb.Append("</main>\n"); mainOpen = false; }
                    RenderCover(c);
                    continue;
                }
                if (!mainOpen) { _sb.Append("<main>\n"); mainOpen = true; }
                switch (node)
                {
                    case DcscToc toc: RenderToc(toc); break;
                    case DcscTable t: RenderTable(t); break;
                    case DcscFigure f: RenderFigure(f); break;
                    case DcscBlock b: RenderBlock(b.Block); break;
                }
            }
            if (mainOpen) _sb.Append("</main>\n");
            _sb.Append("</body>\n</html>\n");
            return _sb.ToString();
        }

        private void RenderCover(DcscCover cover)
        {
            var info = cover.Info;
            // The running page header of the printed document reads these (Css.PagedMedia: string-set).
            _sb.Append("<header class=\"cover\" data-product=\"").Append(Attr("DICOM Conformance Statement – " + info.ProductAndVersion))
                .Append("\" data-document-id=\"").Append(Attr(info.DocumentId ?? info.Date ?? "")).Append("\">\n");
            int i = 0;
            foreach (var block in cover.Blocks)
            {
                if (block is ParagraphBlock p)
                {
                    var cls = i switch { 0 => "cover-title", 1 => "cover-product", _ => "cover-text" };
                    _sb.Append("<p class=\"").Append(cls).Append("\">");
                    RenderInlines(p.Inline);
                    _sb.Append("</p>\n");
                    i++;
                }
                else
                {
                    RenderBlock(block);
                }
            }
            if (i == 0)
            {
                // No Markdown in the cover: build it from the marker.
                _sb.Append("<p class=\"cover-title\">DICOM Conformance Statement</p>\n");
                if (info.ProductAndVersion.Length > 0)
                    _sb.Append("<p class=\"cover-product\">").Append(Text(info.ProductAndVersion)).Append("</p>\n");
                if (info.Manufacturer is { Length: > 0 } m) _sb.Append("<p class=\"cover-text\">").Append(Text(m)).Append("</p>\n");
                if (info.Date is { Length: > 0 } d) _sb.Append("<p class=\"cover-text\"><time>").Append(Text(d)).Append("</time></p>\n");
            }
            _sb.Append("</header>\n");
        }

        private void RenderToc(DcscToc toc)
        {
            _sb.Append("<nav class=\"toc\" aria-label=\"Table of contents\">\n");
            _tocDepth = 0;
            foreach (var b in toc.Blocks) RenderBlock(b);
            _tocDepth = -1;
            _sb.Append("</nav>\n");
        }

        /// <summary>Nesting depth of the list being written inside the table of contents; -1 outside it.</summary>
        private int _tocDepth = -1;
        private int _tocLevels = 3;

        /// <summary>
        /// A figure: the SVG dcsc drew (generated by the Figures stage, every text in it escaped there), or the
        /// image's alternative text; then the caption.
        /// </summary>
        private void RenderFigure(DcscFigure f)
        {
            _sb.Append("<figure class=\"dcsc-figure\"");
            if (f.Id is not null) _sb.Append(" id=\"").Append(Attr(f.Id)).Append('"');
            _sb.Append(">\n");
            if (f.ImageLink is { } link && Dcsc.Figures.GeneratedFigure.Find(_figures, link.Url) is { } drawn)
                foreach (var part in drawn.Parts) _sb.Append("<div class=\"figure-image\">\n").Append(part.Svg).Append("</div>\n");
            else if (f.Image is not null) RenderBlock(f.Image);
            if (f.Caption is not null)
            {
                _sb.Append("<figcaption>");
                RenderInlines(f.Caption.Inline);
                _sb.Append("</figcaption>\n");
            }
            _sb.Append("</figure>\n");
            foreach (var b in f.Other) RenderBlock(b);
        }

        private void RenderTable(DcscTable t)
        {
            foreach (var b in t.Leading) RenderBlock(b);
            var cls = t.Info.Landscape ? "dcsc-table landscape" : "dcsc-table";
            _sb.Append("<div class=\"").Append(cls).Append("\">\n");
            if (t.Table is null)
            {
                if (t.Caption is not null) { _sb.Append("<p class=\"caption\">"); RenderInlines(t.Caption.Inline); _sb.Append("</p>\n"); }
            }
            else
            {
                _sb.Append("<div class=\"table-scroll\">\n<table");
                if (t.Info.Id is not null) _sb.Append(" id=\"").Append(Attr(t.Info.Id)).Append('"');
                if (t.Info.Key is not null) _sb.Append(" data-key=\"").Append(Attr(t.Info.Key)).Append('"');
                _sb.Append(">\n");
                if (t.Caption is not null)
                {
                    _sb.Append("<caption>");
                    RenderInlines(t.Caption.Inline);
                    _sb.Append("</caption>\n");
                }
                int columns = t.ColumnCount;
                var header = DcscDocument.LayoutHeader(t, out int headerRows);
                if (headerRows > 0) _sb.Append("<thead>\n");
                for (int r = 0; r < headerRows; r++)
                {
                    _sb.Append("<tr>");
                    foreach (var c in header.Where(h => h.Row == r))
                    {
                        _sb.Append("<th scope=\"col\"");
                        if (c.ColSpan > 1) _sb.Append(" colspan=\"").Append(c.ColSpan).Append('"');
                        if (c.RowSpan > 1) _sb.Append(" rowspan=\"").Append(c.RowSpan).Append('"');
                        // a group across the whole table is a title row (a configuration table's first part), drawn as the
                        // further parts' title rows are
                        if (c.Cell is null && c.Text is not null) _sb.Append(c.ColSpan == columns && columns > 1 ? " class=\"group part-title\"" : " class=\"group\"");
                        _sb.Append('>');
                        if (c.Cell is not null) RenderCellContent(c.Cell);
                        else _sb.Append(Text(c.Text ?? ""));
                        _sb.Append("</th>");
                    }
                    _sb.Append("</tr>\n");
                }
                if (headerRows > 0) _sb.Append("</thead>\n");
                _sb.Append("<tbody>\n");
                int bodyIndex = 0;
                // Printed, a table that goes on to another page is announced there as "Table 5-2 … (continued)": its
                // first body row sets that text for the page header (Css.PagedMedia), the end of the table clears it.
                var continued = t.Caption is null ? "" : " data-continued=\"" + Attr(DcscDocument.PlainText(t.Caption.Inline).Trim() + " (continued)") + "\"";
                foreach (var row in t.Table.OfType<TableRow>())
                {
                    if (row.IsHeader) continue;
                    var rowAttr = bodyIndex == 0 ? continued : "";
                    if (DcscDocument.IsMergedGroupRow(t, row, bodyIndex))
                    {
                        _sb.Append("<tr class=\"group-row\"").Append(rowAttr).Append("><td colspan=\"").Append(columns).Append("\">");
                        if (row.Count > 0) RenderCellContent((TableCell)row[0]);
                        _sb.Append("</td></tr>\n");
                    }
                    else if (DcscDocument.IsHeaderRow(t, bodyIndex))
                    {
                        // a configuration table part's own header row ("Parameter | Configurable | …")
                        _sb.Append("<tr class=\"header-row\">");
                        for (int i = 0; i < columns; i++)
                        {
                            _sb.Append("<th scope=\"col\">");
                            if (i < row.Count) RenderCellContent((TableCell)row[i]);
                            _sb.Append("</th>");
                        }
                        _sb.Append("</tr>\n");
                    }
                    else
                    {
                        _sb.Append(t.Info.GroupRows.Contains(bodyIndex) ? "<tr class=\"group-row\"" : "<tr").Append(rowAttr).Append('>');
                        for (int i = 0; i < columns; i++)
                        {
                            _sb.Append("<td>");
                            if (i < row.Count) RenderCellContent((TableCell)row[i]);
                            _sb.Append("</td>");
                        }
                        _sb.Append("</tr>\n");
                    }
                    bodyIndex++;
                }
                _sb.Append("</tbody>\n</table>\n</div>\n<div class=\"table-end\"></div>\n");
            }
            if (t.Footnotes.Count > 0)
            {
                _sb.Append("<div class=\"table-notes\">\n");
                foreach (var b in t.Footnotes) RenderBlock(b);
                _sb.Append("</div>\n");
            }
            _sb.Append("</div>\n");
        }

        private void RenderCellContent(TableCell cell)
        {
            bool first = true;
            foreach (var b in cell)
            {
                if (b is LeafBlock leaf && leaf.Inline is not null)
                {
                    if (!first) _sb.Append(' ');
                    RenderInlines(leaf.Inline);
                    first = false;
                }
            }
        }

        private void RenderBlock(Block block)
        {
            switch (block)
            {
                case HeadingBlock h:
                {
                    var tag = "h" + Math.Clamp(h.Level, 1, 6);
                    _sb.Append('<').Append(tag);
                    var id = _doc.HeadingId(h);
                    if (id is not null) _sb.Append(" id=\"").Append(Attr(id)).Append('"');
                    if (h.Level == 1 && id is not null) _sb.Append(" class=\"chapter\"");
                    _sb.Append('>');
                    RenderInlines(h.Inline);
                    _sb.Append("</").Append(tag).Append(">\n");
                    break;
                }
                case Table table:
                    // A pipe table outside a dcsc:table block: render it without caption.
                    RenderTable(new DcscTable(new TableInfo(null, Array.Empty<TableGroup>(), new HashSet<int>(), false), null, table,
                        Array.Empty<Block>(), Array.Empty<Block>()));
                    break;
                case ParagraphBlock p:
                {
                    var plain = DcscDocument.PlainText(p.Inline).Trim();
                    _sb.Append(plain == "N/A" ? "<p class=\"na\">" : "<p>");
                    RenderInlines(p.Inline);
                    _sb.Append("</p>\n");
                    break;
                }
                case ListBlock list:
                {
                    if (list.IsOrdered)
                    {
                        _sb.Append("<ol");
                        if (list.OrderedStart is { } start && start != "1" && int.TryParse(start, out var s))
                            _sb.Append(" start=\"").Append(s).Append('"');
                        _sb.Append(">\n");
                    }
                    else if (_tocDepth >= 0 && ++_tocDepth > _tocLevels) _sb.Append("<ul class=\"toc-deep\">\n"); // hidden in print
                    else _sb.Append("<ul>\n");
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        _sb.Append("<li>");
                        bool tight = !list.IsLoose;
                        foreach (var child in item)
                        {
                            if (tight && child is ParagraphBlock ip) { RenderInlines(ip.Inline); _sb.Append('\n'); }
                            else RenderBlock(child);
                        }
                        _sb.Append("</li>\n");
                    }
                    _sb.Append(list.IsOrdered ? "</ol>\n" : "</ul>\n");
                    if (!list.IsOrdered && _tocDepth > 0) _tocDepth--;
                    break;
                }
                case QuoteBlock q:
                    _sb.Append("<blockquote>\n");
                    foreach (var child in q) RenderBlock(child);
                    _sb.Append("</blockquote>\n");
                    break;
                case CodeBlock code:
                    _sb.Append("<pre><code>");
                    AppendLines(code);
                    _sb.Append("</code></pre>\n");
                    break;
                case HtmlBlock html:
                    // Raw HTML is never passed through. dcsc markers reaching here (unknown markers) are dropped.
                    if (DcscDocument.ReadMarker(html) is not null) break;
                    _sb.Append("<p class=\"raw\">");
                    AppendLines(html);
                    _sb.Append("</p>\n");
                    break;
                case ThematicBreakBlock:
                    _sb.Append("<hr>\n");
                    break;
                case LinkReferenceDefinitionGroup:
                case LinkReferenceDefinition:
                case BlankLineBlock:
                    break;
                case ContainerBlock container:
                    foreach (var child in container) RenderBlock(child);
                    break;
                case LeafBlock leaf:
                    if (leaf.Inline is not null) { _sb.Append("<p>"); RenderInlines(leaf.Inline); _sb.Append("</p>\n"); }
                    else { _sb.Append("<p>"); AppendLines(leaf); _sb.Append("</p>\n"); }
                    break;
            }
        }

        private void AppendLines(LeafBlock leaf)
        {
            var lines = leaf.Lines;
            for (int i = 0; i < lines.Count; i++)
            {
                if (i > 0) _sb.Append('\n');
                _sb.Append(Text(lines.Lines[i].Slice.ToString()));
            }
        }

        private void RenderInlines(ContainerInline? container)
        {
            if (container is null) return;
            foreach (var inline in container) RenderInline(inline);
        }

        private void RenderInline(Inline inline)
        {
            switch (inline)
            {
                case LiteralInline lit:
                    _sb.Append(Text(lit.Content.ToString()));
                    break;
                case CodeInline code:
                    _sb.Append("<code>").Append(Text(code.Content)).Append("</code>");
                    break;
                case LineBreakInline br:
                    _sb.Append(br.IsHard ? "<br>\n" : "\n");
                    break;
                case HtmlEntityInline entity:
                    _sb.Append(Text(entity.Transcoded.ToString()));
                    break;
                case HtmlInline html:
                    _sb.Append(Text(html.Tag));
                    break;
                case AutolinkInline auto:
                {
                    var url = auto.IsEmail && !auto.Url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? "mailto:" + auto.Url : auto.Url;
                    if (DcscDocument.IsSafeUrl(url, out var safe))
                        _sb.Append("<a href=\"").Append(Attr(safe)).Append("\">").Append(Text(auto.Url)).Append("</a>");
                    else
                        _sb.Append(Text(auto.Url));
                    break;
                }
                case LinkInline link when link.IsImage:
                    // No external resources: an image is written as its alternative text.
                    _sb.Append("<span class=\"image-alt\">");
                    RenderInlines(link);
                    _sb.Append("</span>");
                    break;
                case LinkInline link:
                    if (DcscDocument.IsSafeUrl(link.GetDynamicUrl?.Invoke() ?? link.Url, out var href))
                    {
                        _sb.Append("<a href=\"").Append(Attr(href)).Append('"');
                        if (!string.IsNullOrEmpty(link.Title)) _sb.Append(" title=\"").Append(Attr(link.Title)).Append('"');
                        _sb.Append('>');
                        RenderInlines(link);
                        _sb.Append("</a>");
                    }
                    else
                    {
                        RenderInlines(link);
                    }
                    break;
                case EmphasisInline em:
                {
                    var tag = em.DelimiterChar == '~' ? "del" : em.DelimiterCount >= 2 ? "strong" : "em";
                    _sb.Append('<').Append(tag).Append('>');
                    RenderInlines(em);
                    _sb.Append("</").Append(tag).Append('>');
                    break;
                }
                case ContainerInline c:
                    RenderInlines(c);
                    break;
            }
        }

        private static string Text(string s)
        {
            s = DcscDocument.SanitizeText(s);
            var sb = new StringBuilder(s.Length);
            foreach (var c in s)
            {
                switch (c)
                {
                    case '&': sb.Append("&amp;"); break;
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    default: sb.Append(c); break;
                }
            }
            return sb.ToString();
        }

        private static string Attr(string s) => Text(s).Replace("\"", "&quot;").Replace("'", "&#39;");
    }
}
