using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dcsc.Layout;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Render;

/// <summary>
/// PS3.2 Section 1.1: the Create abbreviations S, SE, SP and P are sub-items of "Create" in every format
/// (issue 16, point 6); the nesting comes from Layout/Data/template.json ("levels", tools/extract_template.py).
/// </summary>
public class ListNestingTests
{
    private static readonly string[] Nested = { "S: Standard SOP Class", "SE: Standard Extended SOP Class", "SP: Specialized SOP Class", "P: Private SOP Class" };

    private static BuildResult BuildCt() =>
        Build.Run(TestUtil.Repo("examples", "ct-modality.yaml"), new BuildOptions { Formats = new[] { "md", "html", "docx" }, Layout = new LayoutOptions { ReadEnvironment = false } });

    [Fact]
    public void Create_abbreviations_are_nested_under_Create_in_md_html_and_docx()
    {
        var r = BuildCt();
        Assert.True(r.Outputs is not null, string.Join("\n", r.Diagnostics));

        var md = r.Markdown!;
        var create = md.IndexOf("\n- Create: The system creates instances", StringComparison.Ordinal);
        Assert.True(create > 0);
        var expected = "\n" + string.Join("\n", Nested.Select(n => "  - " + n)) + "\n- Display:";
        Assert.Equal(create + md[create..].IndexOf('\n', 1), md.IndexOf(expected, StringComparison.Ordinal));

        var html = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(r.Outputs!.Single(o => o.Extension == "html").Content));
        var createItem = html.QuerySelectorAll("li").Single(li => li.TextContent.TrimStart().StartsWith("Create: The system creates", StringComparison.Ordinal));
        Assert.Equal(Nested, createItem.QuerySelectorAll("ul > li").Select(li => li.TextContent.Trim()));
        Assert.DoesNotContain(html.QuerySelectorAll("li"), li => li.TextContent.Trim().StartsWith("Display: The system displays", StringComparison.Ordinal) && li.ParentElement!.ParentElement!.LocalName == "li");

        using var doc = WordprocessingDocument.Open(new MemoryStream(r.Outputs!.Single(o => o.Extension == "docx").Content), false);
        int Level(string start)
        {
            var p = doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>()
                .First(x => string.Concat(x.Descendants<Text>().Select(t => t.Text)).StartsWith(start, StringComparison.Ordinal));
            return p.ParagraphProperties!.NumberingProperties!.NumberingLevelReference!.Val!.Value;
        }
        Assert.Equal(0, Level("Create: The system creates"));
        foreach (var n in Nested) Assert.Equal(1, Level(n));
        Assert.Equal(0, Level("Display: The system displays"));
    }
}
