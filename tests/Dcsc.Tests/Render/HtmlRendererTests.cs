using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Dcsc.Render.Html;

namespace Dcsc.Tests.Render;

public class HtmlRendererTests
{
    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static readonly string Html = HtmlRenderer.Render(Sample.Markdown);

    [Fact]
    public void Heading_sequence_equals_markdown_heading_sequence()
    {
        var doc = Parse(Html);
        var html = doc.QuerySelectorAll("h1,h2,h3,h4,h5,h6")
            .Select(e => (int.Parse(e.LocalName[1..]), Sample.Norm(e.TextContent)))
            .ToList();
        Assert.Equal(Sample.MarkdownHeadings(Sample.Markdown), html);
        Assert.Contains(html, h => h.Item1 == 6);
    }

    [Fact]
    public void Headings_have_ids_derived_from_their_numbers()
    {
        var doc = Parse(Html);
        Assert.Equal("h3", doc.GetElementById("sect-5.2.3")?.LocalName);
        Assert.Equal("h1", doc.GetElementById("sect-annexes")?.LocalName);
        Assert.Equal("h2", doc.GetElementById("sect-A")?.LocalName);
        Assert.Equal("h3", doc.GetElementById("sect-A.1")?.LocalName);
        Assert.Equal("h6", doc.GetElementById("sect-4.1.1.1.1.1")?.LocalName);
        Assert.Contains("N/A", doc.GetElementById("sect-3.2")!.TextContent);
    }

    [Fact]
    public void Every_markdown_table_is_a_table_with_id_and_caption()
    {
        var doc = Parse(Html);
        var tables = doc.QuerySelectorAll("table").ToList();
        Assert.Equal(Sample.MarkdownTableCount(Sample.Markdown), tables.Count);
        Assert.Equal(Sample.MarkdownTableCaptions(Sample.Markdown), tables.Select(t => Sample.Norm(t.QuerySelector("caption")?.TextContent ?? "")).ToList());
        Assert.All(tables, t => Assert.StartsWith("table-", t.Id));
        Assert.All(tables, t => Assert.Equal("table-scroll", t.ParentElement!.ClassName));
        Assert.NotNull(doc.GetElementById("table-5-12"));
    }

    [Fact]
    public void Grouped_header_cells_are_merged()
    {
        var doc = Parse(Html);
        var table = doc.GetElementById("table-5-12")!;
        var headRows = table.QuerySelectorAll("thead tr").ToList();
        Assert.Equal(2, headRows.Count);
        var top = headRows[0].Children.ToList();
        Assert.Equal(["Limitation Case", "Effect", "Comments"], top.Select(c => c.TextContent).ToArray());
        Assert.Equal("3", top[0].GetAttribute("colspan"));
        Assert.Equal("2", top[1].GetAttribute("rowspan"));
        Assert.Equal("2", top[2].GetAttribute("rowspan"));
        Assert.Equal(["Attribute Name", "Tag", "Value"], headRows[1].Children.Select(c => c.TextContent).ToArray());

        var groupRows = table.QuerySelectorAll("tbody tr.group-row").ToList();
        Assert.Equal(2, groupRows.Count);
        Assert.All(groupRows, r => { Assert.Single(r.Children); Assert.Equal("5", r.Children[0].GetAttribute("colspan")); });

        // Landscape table: 14 leaf columns under 5 groups, one group row.
        var wide = doc.GetElementById("table-A-1")!;
        Assert.Equal(14, wide.QuerySelectorAll("thead tr")[1].Children.Length);
        Assert.Contains("landscape", wide.Closest(".dcsc-table")!.ClassList);
        Assert.Equal("14", wide.QuerySelector("tbody tr.group-row td")!.GetAttribute("colspan"));
    }

    [Fact]
    public void Table_footnotes_are_under_the_table()
    {
        var doc = Parse(Html);
        var block = doc.GetElementById("table-5-12")!.Closest(".dcsc-table")!;
        var notes = block.QuerySelectorAll(".table-notes p").Select(p => p.TextContent).ToList();
        Assert.Equal(2, notes.Count);
        Assert.StartsWith("Note 1:", notes[0]);
        Assert.Equal("#table-1-1", block.QuerySelector(".table-notes a")!.GetAttribute("href"));
    }

    [Fact]
    public void Cover_and_toc_are_rendered()
    {
        var doc = Parse(Html);
        var cover = doc.QuerySelector("header.cover")!;
        Assert.Contains("DICOM Conformance Statement", cover.TextContent);
        Assert.Contains("Acme CT", cover.TextContent);
        Assert.Contains("2026-11-01", cover.TextContent);
        Assert.Equal("DICOM Conformance Statement – Acme CT 5.2", doc.Title);
        Assert.Equal("2026-11-01", doc.QuerySelector("meta[name='dcterms.date']")!.GetAttribute("content"));
        Assert.Equal("Acme Medical", doc.QuerySelector("meta[name=author]")!.GetAttribute("content"));
        // Without Markdown in the cover, it is built from the marker.
        var bare = Parse(HtmlRenderer.Render("<!-- dcsc:cover {\"product\":\"P\",\"version\":\"1\",\"date\":\"2026-01-02\"} -->\n<!-- dcsc:/cover -->\n"));
        Assert.Equal("DICOM Conformance Statement P 1 2026-01-02", Sample.Norm(bare.QuerySelector("header.cover")!.TextContent));
        var tocLinks = doc.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("#sect-4.1.1.1.1.1", tocLinks);
        Assert.All(tocLinks, href => Assert.NotNull(doc.GetElementById(href[1..])));
        Assert.NotNull(doc.QuerySelector("nav.toc ul ul ul"));
    }

    [Fact]
    public void No_external_resource_and_no_active_content()
    {
        var doc = Parse(Html);
        Assert.Empty(doc.QuerySelectorAll("script, link, img, iframe, object, embed, svg, base, form"));
        foreach (var el in doc.All)
        {
            foreach (var a in el.Attributes)
            {
                Assert.False(a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {a.Name} on <{el.LocalName}>");
                Assert.False(a.Name is "src" or "srcset" or "background" or "poster", $"resource attribute {a.Name}");
            }
        }
        foreach (var a in doc.QuerySelectorAll("a"))
        {
            var href = a.GetAttribute("href") ?? "";
            Assert.True(href.StartsWith('#') || href.StartsWith("https://") || href.StartsWith("http://") || href.StartsWith("mailto:"), href);
        }
        var css = string.Join("\n", doc.QuerySelectorAll("style").Select(s => s.TextContent));
        Assert.DoesNotContain("url(", css);
        Assert.DoesNotContain("@import", css);
        // The author text survives as visible text.
        Assert.Contains("<script>alert(1)</script>", doc.Body!.TextContent);
        Assert.Contains("<img src=x onerror=alert(1)>", doc.Body.TextContent);
        Assert.DoesNotContain("javascript:", string.Join(" ", doc.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href"))));
        Assert.Contains("\u0001", Sample.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Wide_tables_scroll_and_print_css_paginates()
    {
        Assert.Contains(".table-scroll { overflow-x: auto;", Html);
        Assert.Contains("@media print", Html);
        Assert.Contains("thead { display: table-header-group; }", Html);
        Assert.Contains("header.cover { min-height: 0; height: auto; padding-top: 30%; page-break-after: always;", Html);
    }

    [Fact]
    public void Output_is_deterministic()
    {
        Dump.Write("sample.html", System.Text.Encoding.UTF8.GetBytes(Html));
        Assert.Equal(HtmlRenderer.Render(Sample.Markdown), HtmlRenderer.Render(Sample.Markdown));
    }

    [Theory]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x]( javascript:alert(1) )")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("[x](file:///etc/passwd)")]
    public void Unsafe_links_become_text(string md)
    {
        var doc = Parse(HtmlRenderer.Render(md));
        Assert.Empty(doc.QuerySelectorAll("a"));
    }

    [Fact]
    public void Only_dcsc_comment_lines_are_markers()
    {
        var md = "Text <!-- dcsc:cover {\"product\":\"X\"} --> inline\n\n<!-- not a marker -->\n\n> <!-- dcsc:toc -->\n";
        var html = HtmlRenderer.Render(md);
        var doc = Parse(html);
        Assert.Null(doc.QuerySelector("header.cover"));
        Assert.Null(doc.QuerySelector("nav.toc"));
        Assert.Contains("<!-- dcsc:cover", doc.Body!.TextContent);
        Assert.Contains("<!-- not a marker -->", doc.Body.TextContent);
        Assert.Empty(doc.Body.Descendants<IComment>());
    }

    [Fact]
    public void Crlf_input_renders_like_lf_input()
    {
        Assert.Equal(HtmlRenderer.Render(Sample.Markdown), HtmlRenderer.Render(Sample.Markdown.Replace("\n", "\r\n")).Replace("\r\n", "\n"));
        Assert.Equal(Dcsc.Render.Docx.DocxRenderer.Render(Sample.Markdown), Dcsc.Render.Docx.DocxRenderer.Render(Sample.Markdown.Replace("\n", "\r\n")));
    }

    [Fact]
    public void Unbalanced_markers_are_reported()
    {
        Assert.Throws<FormatException>(() => HtmlRenderer.Render("<!-- dcsc:table {\"id\":\"table-1-1\"} -->\nTable 1-1 X\n"));
        Assert.Throws<FormatException>(() => HtmlRenderer.Render("<!-- dcsc:table {\"id\": -->\n<!-- dcsc:/table -->\n"));
    }
}
