using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Dcsc.Render.Docx;

namespace Dcsc.Tests.Render;

public class DocxRendererTests
{
    private static readonly byte[] Docx = DocxRenderer.Render(Sample.Markdown);

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);

    private static string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";

    private static string TextOf(OpenXmlElement e) => Sample.Norm(string.Concat(e.Descendants<Text>().Select(t => t.Text)));

    [Fact]
    public void Validates_against_Office2016_schema()
    {
        using var doc = Open(Docx);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Heading_sequence_equals_markdown_heading_sequence()
    {
        using var doc = Open(Docx);
        var headings = doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>()
            .Where(p => StyleOf(p).StartsWith("Heading", StringComparison.Ordinal))
            .Select(p => (int.Parse(StyleOf(p)["Heading".Length..]), TextOf(p)))
            .ToList();
        Assert.Equal(Sample.MarkdownHeadings(Sample.Markdown), headings);
        var styles = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId!.Value).ToHashSet();
        foreach (var id in new[] { "Title", "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6", "Caption", "TOC1", "Hyperlink", "DcscTable" })
            Assert.Contains(id, styles);
    }

    [Fact]
    public void Headings_and_captions_carry_bookmarks_and_internal_links_resolve()
    {
        using var doc = Open(Docx);
        var body = doc.MainDocumentPart!.Document.Body!;
        var bookmarks = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value!).ToList();
        Assert.Equal(bookmarks.Count, bookmarks.Distinct().Count());
        foreach (var id in new[] { "sect-1", "sect-5.2.3", "sect-annexes", "sect-A", "sect-A.1", "sect-4.1.1.1.1.1", "table-5-12", "table-A-1" })
            Assert.Contains(id, bookmarks);
        var anchors = body.Descendants<Hyperlink>().Where(h => h.Anchor is not null).Select(h => h.Anchor!.Value!).ToList();
        Assert.Contains("table-1-1", anchors);
        Assert.All(anchors, a => Assert.Contains(a, bookmarks));
        var caption = body.Descendants<BookmarkStart>().Single(b => b.Name == "table-5-12").Parent as Paragraph;
        Assert.Equal("Caption", StyleOf(caption!));
    }

    [Fact]
    public void Every_markdown_table_is_a_word_table_with_its_caption_above()
    {
        using var doc = Open(Docx);
        var tables = doc.MainDocumentPart!.Document.Body!.Descendants<Table>().ToList();
        Assert.Equal(Sample.MarkdownTableCount(Sample.Markdown), tables.Count);
        var captions = tables.Select(t => t.PreviousSibling<Paragraph>()!).ToList();
        Assert.All(captions, c => Assert.Equal("Caption", StyleOf(c)));
        Assert.Equal(Sample.MarkdownTableCaptions(Sample.Markdown), captions.Select(TextOf).ToList());
        Assert.All(tables, t => Assert.Equal("DcscTable", t.GetFirstChild<TableProperties>()!.TableStyle!.Val!.Value));
        // Header rows repeat on every page.
        Assert.All(tables, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>()));
    }

    [Fact]
    public void Grouped_header_cells_and_group_rows_are_merged()
    {
        using var doc = Open(Docx);
        var body = doc.MainDocumentPart!.Document.Body!;
        var table = TableAfterBookmark(body, "table-5-12");
        var rows = table.Elements<TableRow>().ToList();
        Assert.All(rows.Take(2), r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<TableHeader>()));
        Assert.Null(rows[2].TableRowProperties!.GetFirstChild<TableHeader>());

        var top = rows[0].Elements<TableCell>().ToList();
        Assert.Equal(["Limitation Case", "Effect", "Comments"], top.Select(TextOf).ToArray());
        Assert.Equal(3, top[0].TableCellProperties!.GridSpan!.Val!.Value);
        Assert.Equal(MergedCellValues.Restart, top[1].TableCellProperties!.VerticalMerge!.Val!.Value);
        Assert.Equal(MergedCellValues.Restart, top[2].TableCellProperties!.VerticalMerge!.Val!.Value);

        var leaf = rows[1].Elements<TableCell>().ToList();
        Assert.Equal(5, leaf.Count);
        Assert.Equal(["Attribute Name", "Tag", "Value", "", ""], leaf.Select(TextOf).ToArray());
        Assert.All(leaf.Skip(3), c => { Assert.NotNull(c.TableCellProperties!.VerticalMerge); Assert.Null(c.TableCellProperties.VerticalMerge!.Val); });

        // Group rows: one cell spanning the 5 columns.
        var groupRows = rows.Skip(2).Where(r => r.Elements<TableCell>().Count() == 1).ToList();
        Assert.Equal(2, groupRows.Count);
        Assert.All(groupRows, r => Assert.Equal(5, r.GetFirstChild<TableCell>()!.TableCellProperties!.GridSpan!.Val!.Value));
        Assert.Equal(7, rows.Count);

        // Footnotes under the table in the small style.
        var notes = table.ElementsAfter().OfType<Paragraph>().TakeWhile(p => StyleOf(p) == "TableNote").ToList();
        Assert.Equal(2, notes.Count);
        Assert.StartsWith("Note 1:", TextOf(notes[0]));
    }

    [Fact]
    public void Landscape_table_is_in_its_own_landscape_section()
    {
        using var doc = Open(Docx);
        var body = doc.MainDocumentPart!.Document.Body!;
        var table = TableAfterBookmark(body, "table-A-1");
        Assert.Equal(14, table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count());
        // The section that contains the table is the first sectPr after it.
        var sectAfter = table.ElementsAfter().Select(e => e is Paragraph p ? p.ParagraphProperties?.GetFirstChild<SectionProperties>() : e as SectionProperties)
            .First(s => s is not null)!;
        Assert.Equal(PageOrientationValues.Landscape, sectAfter.GetFirstChild<PageSize>()!.Orient!.Value);
        // The section before it is portrait and its heading moved with the table.
        var sectBefore = table.ElementsBefore().Reverse().OfType<Paragraph>()
            .Select(p => p.ParagraphProperties?.GetFirstChild<SectionProperties>()).First(s => s is not null)!;
        Assert.Null(sectBefore.GetFirstChild<PageSize>()!.Orient);
        var between = table.ElementsBefore().Reverse().TakeWhile(e => e is not Paragraph p || p.ParagraphProperties?.GetFirstChild<SectionProperties>() is null)
            .OfType<Paragraph>().Select(TextOf).ToList();
        Assert.Contains("A.1 Created SOP Instances", between);
        // Every section but the cover has the header and footer.
        var sections = body.Descendants<SectionProperties>().ToList();
        Assert.Equal(3, sections.Count); // cover, portrait body, landscape table (last in the sample)
        Assert.Empty(sections[0].Elements<HeaderReference>());
        Assert.All(sections.Skip(1), s => Assert.Single(s.Elements<HeaderReference>()));
    }

    [Fact]
    public void Toc_levels_are_configurable()
    {
        using var doc = Open(DocxRenderer.Render(Sample.Markdown, new DocxOptions { TocLevels = 6 }));
        var body = doc.MainDocumentPart!.Document.Body!;
        Assert.Contains("TOC \\o \"1-6\" \\h \\z \\u", string.Concat(body.Descendants<FieldCode>().Select(f => f.Text)));
        Assert.Contains(body.Elements<Paragraph>(), p => StyleOf(p) == "TOC6" && TextOf(p) == "4.1.1.1.1.1 Number of Associations");
    }

    [Fact]
    public void Cover_toc_header_and_footer()
    {
        using var doc = Open(Docx);
        var main = doc.MainDocumentPart!;
        var paragraphs = main.Document.Body!.Elements<Paragraph>().ToList();
        Assert.Equal("Title", StyleOf(paragraphs[0]));
        Assert.Equal("DICOM Conformance Statement", TextOf(paragraphs[0]));
        Assert.Equal("Subtitle", StyleOf(paragraphs[1]));
        var instr = string.Concat(main.Document.Body.Descendants<FieldCode>().Select(f => f.Text));
        // Three levels by default (issue 16: six made the CT example's TOC five pages long).
        Assert.Contains("TOC \\o \"1-3\" \\h \\z \\u", instr);
        Assert.DoesNotContain(paragraphs, p => StyleOf(p) is "TOC4" or "TOC5" or "TOC6");
        Assert.Contains(paragraphs, p => StyleOf(p) == "TOC3");
        Assert.Contains("Acme CT 5.2", TextOf(main.HeaderParts.Single().Header!));
        Assert.Contains(main.FooterParts.Single().Footer!.Descendants<SimpleField>(), f => f.Instruction!.Value!.Trim() == "PAGE");
        Assert.Equal(new DateTime(2026, 11, 1), doc.PackageProperties.Created!.Value.Date);
        Assert.Equal("Acme Medical", doc.PackageProperties.Creator);
    }

    [Fact]
    public void Author_text_is_safe()
    {
        using var doc = Open(Docx);
        var main = doc.MainDocumentPart!;
        var text = string.Concat(main.Document.Body!.Descendants<Text>().Select(t => t.Text));
        Assert.Contains("<script>alert(1)</script>", text);
        Assert.DoesNotContain("\u0001", text, StringComparison.Ordinal);
        Assert.All(main.HyperlinkRelationships, r => Assert.Contains(r.Uri.Scheme, new[] { "http", "https", "mailto" }));
        Assert.Equal(2, main.HyperlinkRelationships.Count());
        Assert.Empty(main.ExternalRelationships);
        Assert.Empty(main.ImageParts);
    }

    [Fact]
    public void Output_is_byte_identical_with_fixed_timestamps()
    {
        var again = DocxRenderer.Render(Sample.Markdown);
        Assert.Equal(Docx, again);
        Dump.Write("sample.docx", Docx);
        using var zip = new ZipArchive(new MemoryStream(Docx), ZipArchiveMode.Read);
        Assert.Equal("[Content_Types].xml", zip.Entries[0].FullName);
        Assert.All(zip.Entries, e => Assert.Equal(1980, e.LastWriteTime.Year));
        Assert.Contains(zip.Entries, e => e.FullName == "docProps/core.xml");
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".psmdcp"));
    }

    [Fact]
    public void Reference_docx_styles_are_used_and_missing_ones_added()
    {
        var reference = MakeReferenceDocx();
        var bytes = DocxRenderer.Render(Sample.Markdown, new DocxOptions { ReferenceDocx = reference });
        Assert.Equal(bytes, DocxRenderer.Render(Sample.Markdown, new DocxOptions { ReferenceDocx = reference }));
        using var doc = Open(bytes);
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();
        // The localised "heading 1" (id "berschrift1") of the reference is used, with its formatting.
        var h1 = styles.Single(s => s.StyleName!.Val == "heading 1");
        Assert.Equal("berschrift1", h1.StyleId!.Value);
        Assert.Equal("FF0000", h1.StyleRunProperties!.Color!.Val!.Value);
        Assert.Contains(doc.MainDocumentPart.Document.Body!.Elements<Paragraph>(), p => StyleOf(p) == "berschrift1" && TextOf(p) == "1 Overview");
        Assert.DoesNotContain(styles, s => s.StyleId == "Heading1");
        // Missing styles were added.
        Assert.Contains(styles, s => s.StyleId == "Caption");
        Assert.Contains(styles, s => s.StyleId == "DcscTable");
        Assert.NotNull(doc.MainDocumentPart.ThemePart);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(doc).Select(e => e.Description).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static byte[] MakeReferenceDocx()
    {
        // Take our own output, rename Heading1 as a localised Word template would and make it red.
        using var ms = new MemoryStream();
        ms.Write(DocxRenderer.Render("# 1 X\n"));
        using (var doc = WordprocessingDocument.Open(ms, true))
        {
            var main = doc.MainDocumentPart!;
            var styles = main.StyleDefinitionsPart!.Styles!;
            var h1 = styles.Elements<Style>().Single(s => s.StyleId == "Heading1");
            h1.StyleId = "berschrift1";
            h1.StyleRunProperties!.Color!.Val = "FF0000";
            foreach (var s in styles.Elements<Style>().Where(s => s.StyleId == "Caption" || s.StyleId == "DcscTable").ToList()) s.Remove();
            styles.Save();
            foreach (var p in main.Document.Body!.Descendants<ParagraphStyleId>().Where(p => p.Val == "Heading1")) p.Val = "berschrift1";
            main.Document.Save();
            var theme = main.AddNewPart<ThemePart>("rIdTheme");
            using (var w = new StreamWriter(theme.GetStream(FileMode.Create)))
                w.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Ref"><a:themeElements><a:clrScheme name="Ref"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Ref"><a:majorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Ref"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>""");
        }
        return ms.ToArray();
    }

    private static Table TableAfterBookmark(Body body, string name)
    {
        var caption = (Paragraph)body.Descendants<BookmarkStart>().Single(b => b.Name == name).Parent!;
        return caption.ElementsAfter().OfType<Table>().First();
    }
}
