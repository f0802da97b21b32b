using System.Globalization;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using MdTableRow = Markdig.Extensions.Tables.TableRow;

namespace Dcsc.Render.Docx;

public static partial class DocxRenderer
{
    private sealed partial class Builder
    {
        /// <summary>
        /// Writes a table's WordprocessingML as text, exactly as the DOM path (<see cref="DomTable"/>) saved through the
        /// SDK would: same elements, attribute order, escaping and self-closing tags. Returns null — and the caller
        /// uses the DOM path — for anything it does not reproduce: external links (they create relationships),
        /// empty text runs, control characters, unknown inline kinds. Checked byte for byte against the DOM path
        /// by tests/Dcsc.Tests/Render/DocxRendererTests.cs on every example and on the benchmark statement.
        /// </summary>
        private sealed class TableXml
        {
            private readonly Builder _b;
            private readonly StringBuilder _sb = new(4096);
            private bool _failed;

            private TableXml(Builder b) => _b = b;


            public static string? TryWrite(Builder b, DcscTable t, int columns, int[] widths, int textWidth)
            {
                if (b._options.DomTables) return null;
                var w = new TableXml(b);
                w.Table(t, columns, widths, textWidth);
                return w._failed ? null : w._sb.ToString();
            }

            private void Table(DcscTable t, int columns, int[] widths, int textWidth)
            {
                var sb = _sb;
                sb.Append("<w:tbl><w:tblPr><w:tblStyle w:val=\"").Append(Attr(_b.S(DocxStyles.Table))).Append("\" />")
                  .Append("<w:tblW w:w=\"").Append(textWidth.ToString(CultureInfo.InvariantCulture)).Append("\" w:type=\"dxa\" />")
                  .Append("<w:tblLayout w:type=\"fixed\" />")
                  .Append("<w:tblLook w:val=\"04A0\" w:firstRow=\"true\" w:lastRow=\"false\" w:firstColumn=\"false\" w:lastColumn=\"false\" w:noHBand=\"true\" w:noVBand=\"true\" />");
                if (t.Caption is not null)
                    sb.Append("<w:tblCaption w:val=\"").Append(Attr(Truncate(DcscDocument.NormalizeSpace(DcscDocument.PlainText(t.Caption.Inline)), 250))).Append("\" />");
                sb.Append("</w:tblPr><w:tblGrid>");
                foreach (var width in widths) sb.Append("<w:gridCol w:w=\"").Append(width.ToString(CultureInfo.InvariantCulture)).Append("\" />");
                sb.Append("</w:tblGrid>");

                // Header rows (as DomTable).
                var header = DcscDocument.LayoutHeader(t, out int headerRows);
                for (int r = 0; r < headerRows; r++)
                {
                    sb.Append("<w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>");
                    var cells = header.Where(c => c.Row == r).Select(c => (c.Column, Cell: c, Continue: false))
                        .Concat(r == 1 ? header.Where(c => c.Row == 0 && c.RowSpan == 2).Select(c => (c.Column, Cell: c, Continue: true)) : [])
                        .OrderBy(x => x.Column);
                    foreach (var (_, c, cont) in cells)
                    {
                        int width = widths.Skip(c.Column).Take(c.ColSpan).Sum();
                        // a group across the whole table is a title row (a configuration table's first part): as a group row
                        bool title = c.Cell is null && c.Text is not null && c.ColSpan == columns && columns > 1;
                        var fill = title ? "EEF2F7" : c.Cell is null && c.Text is not null ? "C5D5E8" : "DCE6F1";
                        string? vmerge = c.RowSpan == 2 ? (cont ? "" : "restart") : null;
                        CellStart(width, c.ColSpan, vmerge, fill, bottom: true);
                        ParaStart(DocxStyles.TableHeading, center: c.Cell is null && c.Text is not null && !title);
                        if (!cont)
                        {
                            if (c.Cell is not null) CellInlines(c.Cell);
                            else TextRun(c.Text ?? "", default);
                        }
                        sb.Append("</w:p></w:tc>");
                    }
                    sb.Append("</w:tr>");
                }

                // Body rows.
                int bodyIndex = 0;
                foreach (var mdRow in t.Table!.OfType<MdTableRow>())
                {
                    if (mdRow.IsHeader) continue;
                    sb.Append("<w:tr><w:trPr><w:cantSplit /></w:trPr>");
                    if (DcscDocument.IsMergedGroupRow(t, mdRow, bodyIndex))
                    {
                        CellStart(widths.Sum(), columns, null, "EEF2F7", bottom: false);
                        ParaStart(DocxStyles.TableHeading, center: false);
                        if (mdRow.Count > 0) CellInlines((MdTableCell)mdRow[0]);
                        sb.Append("</w:p></w:tc>");
                    }
                    else
                    {
                        bool group = t.Info.GroupRows.Contains(bodyIndex);
                        bool head = DcscDocument.IsHeaderRow(t, bodyIndex);   // a configuration table part's own header row
                        for (int i = 0; i < columns; i++)
                        {
                            CellStart(widths[i], 1, null, head ? "DCE6F1" : group ? "EEF2F7" : null, bottom: head);
                            ParaStart(head ? DocxStyles.TableHeading : DocxStyles.TableText, center: false);
                            if (i < mdRow.Count) CellInlines((MdTableCell)mdRow[i]);
                            sb.Append("</w:p></w:tc>");
                        }
                    }
                    sb.Append("</w:tr>");
                    bodyIndex++;
                    if (_failed) return;
                }
                sb.Append("</w:tbl>");
            }

            private void CellStart(int width, int span, string? vmerge, string? fill, bool bottom)
            {
                var sb = _sb;
                sb.Append("<w:tc><w:tcPr><w:tcW w:w=\"").Append(width.ToString(CultureInfo.InvariantCulture)).Append("\" w:type=\"dxa\" />");
                if (span > 1) sb.Append("<w:gridSpan w:val=\"").Append(span.ToString(CultureInfo.InvariantCulture)).Append("\" />");
                if (vmerge is not null) sb.Append(vmerge.Length > 0 ? "<w:vMerge w:val=\"restart\" />" : "<w:vMerge />");
                if (fill is not null) sb.Append("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"").Append(fill).Append("\" />");
                if (bottom) sb.Append("<w:vAlign w:val=\"bottom\" />");
                sb.Append("</w:tcPr>");
            }

            private void ParaStart(string styleKey, bool center)
            {
                _sb.Append("<w:p><w:pPr><w:pStyle w:val=\"").Append(Attr(_b.S(styleKey))).Append("\" />");
                if (center) _sb.Append("<w:jc w:val=\"center\" />");
                _sb.Append("</w:pPr>");
            }

            /// <summary>As <see cref="Builder.CellInlines"/>; returns the number of top-level elements written.</summary>
            private void CellInlines(MdTableCell cell)
            {
                int count = 0;
                foreach (var block in cell)
                {
                    if (block is LeafBlock leaf && leaf.Inline is not null)
                    {
                        if (count > 0) count += TextRun(" ", default);
                        foreach (var inline in leaf.Inline) count += Inline(inline, default);
                    }
                }
            }

            /// <summary>As <see cref="Builder.Inline"/>; returns the number of elements written.</summary>
            private int Inline(Inline inline, Fmt f)
            {
                int n = 0;
                switch (inline)
                {
                    case LiteralInline lit: return TextRun(lit.Content.ToString(), f);
                    case CodeInline code: return TextRun(code.Content, f with { Code = true });
                    case LineBreakInline br:
                        if (!br.IsHard) return TextRun(" ", f);
                        _sb.Append("<w:r><w:br /></w:r>");
                        return 1;
                    case HtmlEntityInline entity: return TextRun(entity.Transcoded.ToString(), f);
                    case HtmlInline html: return TextRun(html.Tag, f);
                    case LinkInline link when link.IsImage:
                        foreach (var child in link) n += Inline(child, f with { Italic = true });
                        return n;
                    case LinkInline link:
                        {
                            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
                            if (!DcscDocument.IsSafeUrl(url, out var safe))
                            {
                                foreach (var child in link) n += Inline(child, f);
                                return n;
                            }
                            if (!safe.StartsWith('#')) { _failed = true; return 0; } // external: relationships, DOM path
                            _sb.Append("<w:hyperlink w:history=\"true\" w:anchor=\"").Append(Attr(BookmarkName(safe[1..]))).Append("\">");
                            foreach (var child in link) Inline(child, f with { Link = true });
                            _sb.Append("</w:hyperlink>");
                            return 1;
                        }
                    case EmphasisInline em:
                        {
                            var inner = em.DelimiterChar == '~' ? f with { Strike = true }
                                : em.DelimiterCount >= 2 ? f with { Bold = true } : f with { Italic = true };
                            foreach (var child in em) n += Inline(child, inner);
                            return n;
                        }
                    case AutolinkInline:
                        _failed = true; // external links create relationships: DOM path
                        return 0;
                    case ContainerInline c:
                        foreach (var child in c) n += Inline(child, f);
                        return n;
                    default:
                        _failed = true;
                        return 0;
                }
            }

            private int TextRun(string text, Fmt f)
            {
                if (text.Length == 0 || !Safe(text)) { _failed = true; return 1; }
                if (_b._uidBreaks) text = ColumnSizer.UidBreaks(text);
                var sb = _sb;
                sb.Append("<w:r>");
                if (f.Code || f.Link || f.Bold || f.Italic || f.Strike)
                {
                    sb.Append("<w:rPr>");
                    if (f.Code) sb.Append("<w:rStyle w:val=\"").Append(Attr(_b.S(DocxStyles.VerbatimChar))).Append("\" />");
                    else if (f.Link) sb.Append("<w:rStyle w:val=\"").Append(Attr(_b.S(DocxStyles.Hyperlink))).Append("\" />");
                    if (f.Bold) sb.Append("<w:b />");
                    if (f.Italic) sb.Append("<w:i />");
                    if (f.Strike) sb.Append("<w:strike />");
                    sb.Append("</w:rPr>");
                }
                sb.Append("<w:t xml:space=\"preserve\">");
                foreach (var ch in text)
                {
                    switch (ch)
                    {
                        case '&': sb.Append("&amp;"); break;
                        case '<': sb.Append("&lt;"); break;
                        case '>': sb.Append("&gt;"); break;
                        case '\t': sb.Append(' '); break;
                        default: sb.Append(ch); break;
                    }
                }
                sb.Append("</w:t></w:r>");
                return 1;
            }

            /// <summary>Text the writer escapes exactly as XmlWriter does: no control characters (tab aside), no lone surrogates, no U+FFFE/U+FFFF.</summary>
            private static bool Safe(string text)
            {
                for (int i = 0; i < text.Length; i++)
                {
                    char c = text[i];
                    if (c < ' ' && c != '\t') return false;
                    if (c is '\uFFFE' or '\uFFFF') return false;
                    if (char.IsHighSurrogate(c))
                    {
                        if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                        i++;
                    }
                    else if (char.IsLowSurrogate(c)) return false;
                }
                return true;
            }

            private string Attr(string value)
            {
                if (!Safe(value) || value.Contains('\t')) { _failed = true; return ""; }
                if (value.AsSpan().IndexOfAny("&<>\"") < 0) return value;
                return value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
                    .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
            }
        }
    }
}
