using System.Diagnostics;
using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Dcsc.Render.Docx;
using Dcsc.Render.Html;

namespace Dcsc.Tests.Robustness;

/// <summary>
/// Author text in the published HTML and DOCX: markup never passes through, odd characters never break the
/// package, and pathological sizes and nesting finish in budget.
/// </summary>
[Collection(RobustnessCollection.Name)]
public class ContentTests
{
    /// <summary>The elements the HTML renderer writes itself; anything else came from the author.</summary>
    internal static readonly HashSet<string> RendererElements = new(StringComparer.Ordinal)
    {
        "html", "head", "body", "meta", "title", "style", "main", "header", "nav", "p", "h1", "h2", "h3", "h4", "h5", "h6",
        "a", "em", "strong", "del", "code", "pre", "br", "hr", "ul", "ol", "li", "blockquote", "div", "table", "caption",
        "thead", "tbody", "tr", "th", "td", "span", "time", "figure", "figcaption",
    };

    /// <summary>The SVG of the figures dcsc draws (Figures stage), allowed only inside <c>figure &gt; div.figure-image</c>.</summary>
    internal static readonly HashSet<string> FigureSvgElements = new(StringComparer.Ordinal) { "svg", "title", "rect", "line", "polygon", "text" };

    internal static readonly HashSet<string> FigureSvgAttributes = new(StringComparer.Ordinal)
    {
        "xmlns", "version", "width", "height", "viewBox", "role", "font-family", "font-size", "font-weight", "text-anchor",
        "x", "y", "rx", "x1", "y1", "x2", "y2", "points", "fill", "stroke", "stroke-width", "stroke-dasharray",
    };

    internal static readonly HashSet<string> RendererAttributes = new(StringComparer.Ordinal)
    {
        "lang", "charset", "http-equiv", "name", "content", "class", "id", "href", "title", "colspan", "rowspan", "scope", "start", "aria-label",
        "data-product", "data-document-id", // the cover's running-header strings (print stylesheet), escaped text
        "data-continued", // a table's "(continued)" caption for the printed page header, escaped text
        "data-key", // an author table's key ([a-z][a-z0-9_]*, checked by the schema and the table marker), for dcsc import
    };

    /// <summary>Asserts the page holds no markup of the author's: only the renderer's elements and attributes, safe links, no controls.</summary>
    internal static void AssertNoAuthorMarkup(string html)
    {
        var doc = new HtmlParser().ParseDocument(html);
        foreach (var el in doc.All)
        {
            if (el.Closest("svg") is { } svg)
            {
                Assert.True(svg.ParentElement is { LocalName: "div", ClassName: "figure-image" } && svg.ParentElement.ParentElement?.LocalName == "figure",
                    $"<svg> outside a generated figure (in <{svg.ParentElement?.LocalName}>)");
                Assert.True(FigureSvgElements.Contains(el.LocalName), $"element <{el.LocalName}> in a figure");
                foreach (var a in el.Attributes) Assert.True(FigureSvgAttributes.Contains(a.Name), $"attribute {a.Name} on <{el.LocalName}> in a figure");
                continue;
            }
            Assert.True(RendererElements.Contains(el.LocalName), $"element <{el.LocalName}> in the page");
            foreach (var a in el.Attributes)
            {
                Assert.True(RendererAttributes.Contains(a.Name), $"attribute {a.Name} on <{el.LocalName}>");
                if (a.Name == "href")
                    Assert.True(a.Value.StartsWith('#') || a.Value.StartsWith("https://", StringComparison.Ordinal)
                        || a.Value.StartsWith("http://", StringComparison.Ordinal) || a.Value.StartsWith("mailto:", StringComparison.Ordinal), $"href {a.Value}");
            }
        }
        Assert.Equal(1, doc.QuerySelectorAll("style").Length);
        foreach (var c in html)
            Assert.False((c < 0x20 && c is not ('\t' or '\n' or '\r')) || (c >= 0x7F && c <= 0x9F) || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c) && false,
                $"control character U+{(int)c:X4} in the page");
    }

    internal static void AssertValidDocx(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx, writable: false), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").Take(10).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static T Timed<T>(Func<T> f, double seconds = Sandbox.MaxSeconds)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        var result = f();
        sw.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(sw.Elapsed.TotalSeconds < seconds, $"took {sw.Elapsed.TotalSeconds:N1} s");
        Assert.True(allocated < Sandbox.MaxAllocatedBytes, $"allocated {allocated:N0} bytes");
        return result;
    }

    internal const string Hostile = """
        # 1 Overview <script>alert(1)</script>

        Raw <b onclick="alert(1)">bold</b> and <img src=x onerror=alert(2)> and <iframe src="https://evil.example"></iframe>.

        <div onmouseover="alert(3)"><script>document.cookie</script></div>

        <svg><script>alert(4)</script></svg><style>body{background:url(https://evil.example/x)}</style>

        [js](javascript:alert(5)) [js2](JaVaScRiPt:alert(6)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)
        [vb](vbscript:msgbox) [spaced]( javascript:alert(8)) [entity](&#106;avascript:alert(9)) [tab](java	script:alert(10))
        <javascript:alert(11)> ![img](https://evil.example/pixel.png "t") [ok](https://example.com "a\"onmouseover=\"x")

        | col <script>x</script> | `<b>` |
        | --- | --- |
        | <a href="javascript:alert(12)">x</a> | [x](javascript:alert(13)) |

        <!-- dcsc:table {"id":"t\"><script>alert(14)</script>"} -->
        Table 1-1 <em>caption</em>

        | a |
        | --- |
        | b |
        <!-- dcsc:/table -->
        """;

    [Fact]
    public void Raw_html_scripts_event_handlers_and_javascript_links_never_reach_the_page()
    {
        // The table id with markup is refused by the marker parser (a format error), so render without it first.
        var md = Hostile[..Hostile.IndexOf("<!-- dcsc:table", StringComparison.Ordinal)];
        var html = HtmlRenderer.Render(md);
        AssertNoAuthorMarkup(html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:alert", string.Join(" ", new HtmlParser().ParseDocument(html).QuerySelectorAll("[href]").Select(e => e.GetAttribute("href"))), StringComparison.OrdinalIgnoreCase);
        AssertValidDocx(DocxRenderer.Render(md));
        Assert.Throws<FormatException>(() => HtmlRenderer.Render(Hostile));
    }

    [Fact]
    public void Characters_illegal_in_xml_are_dropped_from_html_and_docx()
    {
        var controls = string.Concat(Enumerable.Range(0, 0x20).Where(c => c is not (9 or 10 or 13)).Select(c => (char)c))
                       + "\u007F\u0080\u0085\u009F\uFFFE\uFFFF\uD800x\uDFFF";
        var md = $"# 1 Title {controls}\n\nText {controls} end\n\n| h{controls} |\n| --- |\n| c{controls} |\n\n- item {controls}\n\n`code {controls}`\n\n```\nblock {controls}\n```\n\n[link {controls}](https://example.com/{Uri.EscapeDataString("a")} \"t{controls}\")\n";
        var html = HtmlRenderer.Render(md);
        AssertNoAuthorMarkup(html);
        Assert.Contains("Text", html);
        var docx = DocxRenderer.Render(md);
        AssertValidDocx(docx);
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = doc.MainDocumentPart!.Document.InnerText;
        Assert.DoesNotContain('\u0001', text);
        Assert.DoesNotContain('\uFFFF', text);
    }

    [Fact]
    public void Control_characters_written_as_entities_are_dropped_too()
    {
        // Found by PropertyTests: &#x1; becomes U+0001 only when Markdig parses it, after the input was sanitized.
        var md = "# 1 Title &#x1;\n\nText &#x1; &#8; &#x7F; &#0; end\n\n| a &#x1; |\n| --- |\n| b &#x1; |\n";
        AssertNoAuthorMarkup(HtmlRenderer.Render(md));
        AssertValidDocx(DocxRenderer.Render(md));
    }

    [Fact]
    public void Table_with_200_columns_renders_in_budget()
    {
        var sb = new StringBuilder("<!-- dcsc:table {\"id\":\"table-1-1\",\"landscape\":true} -->\nTable 1-1 Wide\n\n|");
        for (int c = 0; c < 200; c++) sb.Append(" Column ").Append(c).Append(" |");
        sb.Append("\n|").Append(string.Concat(Enumerable.Repeat(" --- |", 200))).Append('\n');
        for (int r = 0; r < 50; r++)
        {
            sb.Append('|');
            for (int c = 0; c < 200; c++) sb.Append(" r").Append(r).Append('c').Append(c).Append(" |");
            sb.Append('\n');
        }
        sb.Append("<!-- dcsc:/table -->\n");
        var md = sb.ToString();
        var html = Timed(() => HtmlRenderer.Render(md));
        Assert.Equal(200, new HtmlParser().ParseDocument(html).QuerySelectorAll("thead th").Length);
        var docx = Timed(() => DocxRenderer.Render(md));
        AssertValidDocx(docx);
    }

    [Fact]
    public void Extremely_long_word_renders_in_budget()
    {
        var word = new string('W', 2_000_000);
        var md = $"# 1 Title\n\n{word}\n\n| h |\n| --- |\n| {word[..100_000]} |\n";
        var html = Timed(() => HtmlRenderer.Render(md));
        Assert.Contains(word, html);
        AssertValidDocx(Timed(() => DocxRenderer.Render(md)));
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(20_000)]
    [InlineData(200_000)]
    public void Quadratic_link_parsing_is_refused_or_fast(int n)
    {
        // Markdig needs time proportional to brackets × paragraph length; dcsc refuses such paragraphs up front.
        foreach (var piece in new[] { "[x](", "[", "[]()" })
        {
            var md = "# 1 Title\n\n" + string.Concat(Enumerable.Repeat(piece, n)) + "\n";
            try { AssertNoAuthorMarkup(Timed(() => HtmlRenderer.Render(md), 2.5)); }
            catch (FormatException e) { Assert.Matches("nests deeper than 64 levels|too many `\\[`", e.Message); }
            try { AssertValidDocx(Timed(() => DocxRenderer.Render(md), 2.5)); }
            catch (FormatException e) { Assert.Matches("nests deeper than 64 levels|too many `\\[`", e.Message); }
        }
    }

    [Theory]
    [InlineData("> ", "")]
    [InlineData("- ", "")]
    [InlineData("1. ", "")]
    [InlineData("*", "*")]
    [InlineData("[", "](https://example.com)")]
    [InlineData("**", "**")]
    public void Deeply_nested_markdown_renders_or_is_refused_without_crashing(string open, string close)
    {
        // Markdig limits nesting itself; whatever it builds, the renderers walk it without overflowing the stack.
        var md = "# 1 Title\n\n" + string.Concat(Enumerable.Repeat(open, 10_000)) + "deep" + string.Concat(Enumerable.Repeat(close, 10_000)) + "\n";
        string? html = null;
        try { html = Timed(() => HtmlRenderer.Render(md)); }
        catch (FormatException e) { Assert.Matches("nests deeper than 64 levels|too many `\\[`", e.Message); }
        if (html is not null) AssertNoAuthorMarkup(html);
        try { AssertValidDocx(Timed(() => DocxRenderer.Render(md))); }
        catch (FormatException e) { Assert.Matches("nests deeper than 64 levels|too many `\\[`", e.Message); }
    }
}
