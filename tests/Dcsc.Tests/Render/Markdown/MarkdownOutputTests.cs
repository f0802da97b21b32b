using System.Text;
using System.Text.RegularExpressions;
using Dcsc.Pipeline;
using Dcsc.Render;
using Dcsc.Render.Md;
using Dcsc.Tests.Layout;
using static Dcsc.Tests.Layout.LayoutFixtures;

namespace Dcsc.Tests.Render.Md;

public class MarkdownOutputTests
{
    [Fact]
    public void Headings_are_number_and_title_at_the_level_of_the_number()
    {
        var md = Markdown(Rich);
        Assert.Contains("\n# 1 Overview\n", md);
        Assert.Contains("\n## 1.1 Content and Transfer\n", md);
        Assert.Contains("\n#### 5.2.5.2 SCP of the Storage SOP Classes\n", md);
        Assert.Contains("\n# Annexes\n", md);
        Assert.Contains("\n## A Information Object Definitions (IODs)\n", md);
        Assert.Contains("\n### A.4 Basic Directory IOD - N/A\n\nN/A\n", md);
    }

    [Fact]
    public void Every_numbered_heading_is_in_the_toc_in_order()
    {
        var md = Markdown(Rich);
        var headings = Regex.Matches(md, @"^#{1,6} (([0-9]+(\.[0-9]+)*|[A-E](\.[0-9]+)*) .*|Annexes)$", RegexOptions.Multiline).Select(m => m.Value.TrimStart('#', ' ')).ToList();
        var toc = md[md.IndexOf("<!-- dcsc:toc -->", StringComparison.Ordinal)..md.IndexOf("<!-- dcsc:/toc -->", StringComparison.Ordinal)];
        var entries = Regex.Matches(toc, @"^ *- \[(.*)\]\(#(.*)\)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.Replace("\\", "")).ToList();
        Assert.Equal(headings, entries);
    }

    [Fact]
    public void No_template_text_reaches_the_output()
    {
        foreach (var md in new[] { Markdown(Rich), Markdown(Rich, keep: true), Markdown(OneOfEach, keep: true) })
        {
            foreach (var line in md.Split('\n'))
            {
                if (line.StartsWith("<!-- dcsc:", StringComparison.Ordinal)) { Assert.Matches(@"^<!-- dcsc:/?[a-z]+( \{.*\})? -->$", line); continue; }
                Assert.DoesNotContain("<", line);                 // raw HTML, <placeholder>, <<choice>>
                Assert.DoesNotMatch(@"\{(table|section|figure|placeholder|choice|product|ae|activity|iod|template|module|mapping|finding_site|mtable)\b", line);
                // An unescaped "[" must open a link to an anchor or an http(s) URL, or be the image of a figure dcsc
                // draws (a file beside the Markdown); instruction text "[...]" never passes.
                foreach (System.Text.RegularExpressions.Match m in Regex.Matches(line, @"(?<!\\)\["))
                    Assert.Matches(m.Index > 0 && line[m.Index - 1] == '!' ? @"^\[[^\]]*\]\([A-Za-z0-9._-]*figure-\d+-\d+\.svg\)$" : @"^\[[^\]]*\]\((#|https?://)", line[m.Index..]);
            }
        }
    }

    [Fact]
    public void Author_text_cannot_forge_markers_or_raw_html()
    {
        var md = Markdown(Rich);
        Assert.Single(Regex.Matches(md, "^<!-- dcsc:cover", RegexOptions.Multiline));
        Assert.DoesNotContain("<script", md);
        Assert.Contains("&lt;!-- dcsc:cover -->", md);
        Assert.Contains("&lt;script>", md);
        Assert.Contains("and bad and [good](https://example.com)", md); // javascript: link written as plain text
        Assert.Contains("\n## An author heading\n", md);                  // demoted below the level-1 section
        // The renderers' parser sees exactly our markers.
        var doc = DcscDocument.Parse(md);
        Assert.Single(doc.Nodes.OfType<DcscCover>());
        Assert.Single(doc.Nodes.OfType<DcscToc>());
        Assert.Equal(Regex.Matches(md, "^<!-- dcsc:table ", RegexOptions.Multiline).Count, doc.Nodes.OfType<DcscTable>().Count());
    }

    [Fact]
    public void Author_markdown_sanitizer()
    {
        Assert.Equal("#### Sub", AuthorMarkdown.Sanitize("# Sub", 3));
        Assert.Equal("**Deep**", AuthorMarkdown.Sanitize("## Deep", 5));
        Assert.Equal("### Setext", AuthorMarkdown.Sanitize("Setext\n======", 2));
        Assert.Equal("`<b>` and &lt;b>", AuthorMarkdown.Sanitize("`<b>` and <b>", 1));
        Assert.Equal("see <https://x.org> and &lt;javascript:alert(1)>", AuthorMarkdown.Sanitize("see <https://x.org> and <javascript:alert(1)>", 1));
        Assert.Equal("a [b](#sect-1) c d", AuthorMarkdown.Sanitize("a [b](#sect-1) c [d](file:///etc/passwd)", 1));
        Assert.Equal("```\n<!-- dcsc:cover -->\n```", AuthorMarkdown.Sanitize("```\n<!-- dcsc:cover -->\n```", 1)); // code stays code
        Assert.EndsWith("\n```", AuthorMarkdown.Sanitize("```\nnever closed", 1));                                   // an unclosed fence is closed
    }

    [Fact]
    public void Escaper_escapes_markdown_specials_in_text()
    {
        Assert.Equal(@"a \| b \* c \_ d &lt; e \[f\]", MarkdownEscaper.Escape("a | b * c _ d < e [f]"));
        Assert.Equal(@"\# not a heading", MarkdownEscaper.Escape("# not a heading"));
        Assert.Equal(@"1\. not a list", MarkdownEscaper.Escape("1. not a list"));
        Assert.Equal("1.2.840.10008", MarkdownEscaper.Escape("1.2.840.10008"));
        Assert.Equal("two lines", MarkdownEscaper.Escape("two\nlines"));
    }

    [Fact]
    public void Tables_follow_the_conventions()
    {
        var md = Markdown(Rich);
        Assert.Contains("<!-- dcsc:table {\"id\":\"table-6-1\",\"groupRows\":[0],\"landscape\":false} -->\nTable 6-1 General Configuration Parameters\n\n| Parameter | Configurable | Default Value | Comments |\n| --- | --- | --- | --- |\n| General Parameters |  |  |  |\n| AE Title | SERVICE | STORE\\_AE | (Note 1) |\n\nNote 1: The AE Title must be unique.\n\n<!-- dcsc:/table -->", md);
        Assert.Contains("{\"id\":\"table-1-1\",\"groups\":[{\"text\":\"SOP Classes\",\"span\":2},", md);
        Assert.Contains("\"landscape\":true", md);
        Assert.Contains("[Table 1-1](#table-1-1) lists all Storage SOP Classes", md);
    }

    [Fact]
    public void Output_is_deterministic_LF_and_without_trailing_spaces()
    {
        var a = Build.RunText("s.yaml", Rich, new BuildOptions { Layout = Options(epoch: "1767225600") });
        var b = Build.RunText("s.yaml", Rich, new BuildOptions { Layout = Options(epoch: "1767225600") });
        Assert.NotNull(a.Outputs);
        Assert.Equal(a.Outputs![0].Content, b.Outputs![0].Content);
        var md = Encoding.UTF8.GetString(a.Outputs[0].Content);
        Assert.DoesNotContain("\r", md);
        Assert.DoesNotMatch(@"[ \t]\n", md);
        Assert.DoesNotContain("\n\n\n", md);
        Assert.EndsWith("\n", md);
        Assert.False(md.EndsWith("\n\n", StringComparison.Ordinal));
        Assert.Contains("Date: 2026-01-01", md);
        Assert.Contains("\"date\":\"2026-01-01\"", md);
    }

    [Fact]
    public void A_template_partial_can_be_overridden_by_file_name()
    {
        using var dir = new TestUtil.TempDir();
        dir.File("heading.sbn", "{{ md.heading_marker section.level }} {{ if section.number }}{{ section.number }} {{ end }}{{ section.title }} (custom)");
        dir.File("na.scriban", "Not applicable.");
        var md = Markdown(Rich, templates: dir.Path);
        Assert.Contains("\n# 1 Overview (custom)\n", md);
        Assert.Contains("- N/A (custom)\n\nNot applicable.\n", md);
        Assert.Contains("<!-- dcsc:toc -->", md); // the other templates are the built-in ones
    }

    [Fact]
    public void A_broken_partial_gives_DCS9002_at_its_line_and_column_not_an_exception()
    {
        using var dir = new TestUtil.TempDir();
        var file = dir.File("table.sbn", "<!-- dcsc:table -->\n{{ for r in table.rows }} never closed");
        var r = MarkdownRenderer.Render(Lay(Rich), dir.Path);
        Assert.False(r.Success);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("DCS9002", d.Id);
        Assert.Contains("table.sbn cannot be parsed", d.Message);
        Assert.Equal(file, d.Span.File);
        Assert.True(d.Span.Line >= 2, d.ToString());
    }

    [Fact]
    public void Default_templates_are_embedded_and_match_the_repository_folder()
    {
        Assert.Equal(Directory.GetFiles(TestUtil.Repo("templates", "markdown")).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal), MarkdownRenderer.TemplateNames.Order(StringComparer.Ordinal));
        foreach (var name in MarkdownRenderer.TemplateNames)
            Assert.Equal(File.ReadAllText(TestUtil.Repo("templates", "markdown", name + ".sbn")).Replace("\r\n", "\n"), MarkdownRenderer.DefaultTemplate(name).Replace("\r\n", "\n"));
    }

    [Fact]
    public void Html_and_docx_render_the_built_markdown()
    {
        var r = Build.RunText("s.yaml", Rich, new BuildOptions { Formats = new[] { "md", "html", "docx" }, Layout = Options() });
        Assert.NotNull(r.Outputs);
        // The generated figures are files next to the Markdown (s.figure-1-1.svg, s.figure-4-1.svg).
        Assert.Equal(new[] { "md", "html", "docx", "figure-1-1.svg", "figure-4-1.svg" }, r.Outputs!.Select(o => o.Extension));
        var html = Encoding.UTF8.GetString(r.Outputs[1].Content);
        Assert.Contains("id=\"sect-5.2.5.2\"", html);
        Assert.DoesNotContain("<script", html);
    }
}
