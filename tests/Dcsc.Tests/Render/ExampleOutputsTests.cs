using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Render;

/// <summary>
/// The three formats of every bundled example agree: same headings in the same order, every Markdown table is a
/// table in HTML and DOCX; the DOCX is valid; the HTML is self-contained; builds are byte-identical.
/// </summary>
public class ExampleOutputsTests
{
    public static TheoryData<string> Examples() => new(Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml").Select(Path.GetFileName).Order()!);

    private static readonly Dictionary<string, BuildResult> Cache = new();

    private static BuildResult BuildAll(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var r))
            {
                r = Build.Run(TestUtil.Repo("examples", name), new BuildOptions { Formats = new[] { "md", "html", "docx" } });
                Assert.True(r.Outputs is not null, string.Join("\n", r.Diagnostics));
                Cache[name] = r;
            }
            return r;
        }
    }

    private static byte[] Output(BuildResult r, string ext) => r.Outputs!.Single(o => o.Extension == ext).Content;

    private static string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";

    [Theory]
    [MemberData(nameof(Examples))]
    public void Html_and_docx_headings_are_the_markdown_headings(string example)
    {
        var r = BuildAll(example);
        var md = Sample.MarkdownHeadings(r.Markdown!);
        Assert.True(md.Count > 100, $"only {md.Count} headings");

        var html = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(Output(r, "html")));
        var htmlHeadings = html.QuerySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6")
            .Select(h => (int.Parse(h.LocalName[1..]), Sample.Norm(h.TextContent))).ToList();
        Assert.Equal(md, htmlHeadings);

        using var doc = WordprocessingDocument.Open(new MemoryStream(Output(r, "docx")), false);
        var docxHeadings = doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>()
            .Where(p => StyleOf(p).StartsWith("Heading", StringComparison.Ordinal))
            .Select(p => (int.Parse(StyleOf(p)["Heading".Length..]), Sample.Norm(string.Concat(p.Descendants<Text>().Select(t => t.Text)))))
            .ToList();
        Assert.Equal(md, docxHeadings);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_markdown_table_is_a_table_in_html_and_docx(string example)
    {
        var r = BuildAll(example);
        int tables = Sample.MarkdownTableCount(r.Markdown!);
        var captions = Sample.MarkdownTableCaptions(r.Markdown!);
        Assert.True(tables > 10, $"only {tables} tables");

        var html = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(Output(r, "html")));
        Assert.Equal(tables, html.QuerySelectorAll("main table").Length);
        var htmlCaptions = html.QuerySelectorAll("main table caption, main figure > figcaption, main .caption").Select(c => Sample.Norm(c.TextContent)).ToList();
        foreach (var c in captions) Assert.Contains(c, htmlCaptions);

        using var doc = WordprocessingDocument.Open(new MemoryStream(Output(r, "docx")), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        Assert.Equal(tables, body.Descendants<Table>().Count());
        var docxCaptions = body.Descendants<Paragraph>().Where(p => StyleOf(p) == "Caption")
            .Select(p => Sample.Norm(string.Concat(p.Descendants<Text>().Select(t => t.Text)))).ToList();
        foreach (var c in captions) Assert.Contains(c, docxCaptions);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Docx_has_no_validation_errors(string example)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Output(BuildAll(example), "docx")), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").Take(20).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Html_references_no_external_resource(string example)
    {
        var text = System.Text.Encoding.UTF8.GetString(Output(BuildAll(example), "html"));
        var html = new HtmlParser().ParseDocument(text);
        Assert.Empty(html.QuerySelectorAll("script, link, iframe, object, embed, img[src], source, video, audio"));
        Assert.DoesNotMatch(@"url\(\s*['""]?(https?:)?//", text);
        foreach (var a in html.QuerySelectorAll("a[href]"))
        {
            var href = a.GetAttribute("href")!;
            Assert.True(href.StartsWith('#') || href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal), href);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Two_builds_are_byte_identical(string example)
    {
        var first = BuildAll(example);
        var second = Build.Run(TestUtil.Repo("examples", example), new BuildOptions { Formats = new[] { "md", "html", "docx" } });
        foreach (var ext in new[] { "md", "html", "docx" })
            Assert.True(Output(first, ext).AsSpan().SequenceEqual(Output(second, ext)), $"{example}: {ext} differs between two builds");
    }

    [Fact]
    public void Script_in_a_markdown_field_is_text_in_html_and_valid_in_docx()
    {
        var yaml = Minimal.Yaml.Replace("description: A test product.",
            "description: \"Hello <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) \\u0001 bell\"");
        var r = Build.RunText("s.yaml", yaml, new BuildOptions { Formats = new[] { "md", "html", "docx" } });
        Assert.True(r.Outputs is not null, string.Join("\n", r.Diagnostics));
        var html = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(Output(r, "html")));
        Assert.Empty(html.QuerySelectorAll("script, img"));
        Assert.DoesNotContain(html.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(html.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert(1)</script>", html.Body!.TextContent);
        using var doc = WordprocessingDocument.Open(new MemoryStream(Output(r, "docx")), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2016).Validate(doc));
    }
}
