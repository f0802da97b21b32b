using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Dcsc.Tests.Import;

/// <summary>
/// Builds the Word test statement from its committed description (Vendor/*.docx.txt), the way a vendor's Word file
/// is made: headings by "Heading N" style, "Caption" paragraphs, tables whose cells Word merges (a cell "^" continues
/// the vertical merge of the cell above, "&lt;" widens the cell to its left: gridSpan), page breaks and an embedded
/// figure. The same description always gives the same document content.
/// </summary>
internal static class VendorDocx
{
    // A 2×2 grey PNG: the figure's pixels do not matter, only that the import extracts it.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR42mNgYGBgYGAAAAAGAAFbZ1uRAAAAAElFTkSuQmCC");

    public static byte[] Build(string descriptionPath)
    {
        var lines = File.ReadAllLines(descriptionPath);
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            uint figures = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.Length == 0) continue;
                if (line == "PAGEBREAK") { body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page }))); continue; }
                if (line.StartsWith('#'))
                {
                    var level = line.TakeWhile(c => c == '#').Count();
                    body.Append(Styled($"Heading{level}", line[level..].Trim()));
                    continue;
                }
                if (line.StartsWith("FIGURE ", StringComparison.Ordinal))
                {
                    var parts = line["FIGURE ".Length..].Split(' ', 2);
                    body.Append(new Paragraph(new Run(Figure(main, ++figures, parts[0]))));
                    body.Append(Styled("Caption", parts[1]));
                    continue;
                }
                if (line.StartsWith("TABLE ", StringComparison.Ordinal))
                {
                    body.Append(Styled("Caption", line["TABLE ".Length..]));
                    var rows = new List<string[]>();
                    while (i + 1 < lines.Length && lines[i + 1].StartsWith('|'))
                        rows.Add(lines[++i].Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray());
                    body.Append(Table(rows));
                    continue;
                }
                body.Append(new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
            }
            body.Append(new SectionProperties());
        }
        return ms.ToArray();
    }

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>A table from rows of cell texts; "^" continues a vertical merge, "&lt;" extends the cell on its left.</summary>
    private static Table Table(List<string[]> rows)
    {
        var width = rows.Max(r => r.Length);
        var table = new Table(new TableProperties(new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(new TableGrid(Enumerable.Range(0, width).Select(_ => new GridColumn { Width = "1800" })));
        for (int r = 0; r < rows.Count; r++)
        {
            var tr = new TableRow();
            if (r == 0) tr.Append(new TableRowProperties(new TableHeader()));
            TableCell? last = null;
            for (int c = 0; c < width; c++)
            {
                var text = c < rows[r].Length ? rows[r][c] : "";
                if (text == "<" && last is not null)
                {
                    var props = last.TableCellProperties ??= new TableCellProperties();
                    props.GridSpan = new GridSpan { Val = (props.GridSpan?.Val?.Value ?? 1) + 1 };
                    continue;
                }
                var cell = new TableCell();
                var cellProps = new TableCellProperties();
                if (text == "^") cellProps.VerticalMerge = new VerticalMerge { Val = MergedCellValues.Continue };
                else if (r + 1 < rows.Count && c < rows[r + 1].Length && rows[r + 1][c] == "^") cellProps.VerticalMerge = new VerticalMerge { Val = MergedCellValues.Restart };
                if (cellProps.HasChildren) cell.Append(cellProps);
                cell.Append(text == "^" ? new Paragraph() : new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
                tr.Append(cell);
                last = cell;
            }
            table.Append(tr);
        }
        return table;
    }

    private static Drawing Figure(MainDocumentPart main, uint id, string name)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var s = new MemoryStream(Png)) part.FeedData(s);
        var rid = main.GetIdOfPart(part);
        const long cx = 2_000_000L, cy = 1_200_000L;
        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.DocProperties { Id = id, Name = name },
            new A.Graphic(new A.GraphicData(new PIC.Picture(
                new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = name }, new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = rid }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" })));
    }
}
