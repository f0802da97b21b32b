using System.Text;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dcsc.Layout;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Figures;

/// <summary>
/// Figures 1-1 and 4-1 drawn from the model (issue 16): in every format, captioned as the template numbers them,
/// naming every AE and remote system, byte-identical across builds, with author text escaped.
/// </summary>
public class FigureTests
{
    public static TheoryData<string> Examples() => new(Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order()!);

    private static readonly Dictionary<string, BuildResult> Cache = new();

    private static BuildResult BuildExample(string name) => Cached(name, () => Build.Run(TestUtil.Repo("examples", name + ".yaml"), Options));

    private static BuildResult Cached(string key, Func<BuildResult> build)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(key, out var r))
            {
                r = build();
                Assert.True(r.Outputs is not null, string.Join("\n", r.Diagnostics));
                Cache[key] = r;
            }
            return r;
        }
    }

    private static readonly BuildOptions Options = new() { Formats = new[] { "md", "html", "docx" }, Layout = new LayoutOptions { ReadEnvironment = false } };

    private static byte[] Output(BuildResult r, string ext) => r.Outputs!.Single(o => o.Extension == ext).Content;

    private static string Svg(BuildResult r, string figure) => Encoding.UTF8.GetString(Output(r, $"figure-{figure}.svg"));

    /// <summary>All text of an SVG, its text elements joined without spaces (a wrapped name is found whole).</summary>
    private static string SvgText(string svg)
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        var doc = XDocument.Parse(svg);
        return string.Concat(doc.Descendants(ns + "text").Select(t => t.Value)).Replace(" ", "");
    }

    private static string NoSpaces(string s) => s.Replace(" ", "");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Markdown_references_both_figures_as_svg_files_with_the_template_captions(string example)
    {
        var r = BuildExample(example);
        var md = r.Markdown!;
        var statement = Compilation.Check(TestUtil.Repo("examples", example + ".yaml")).Statement!;
        Assert.Contains($"![Overview of Implemented Services]({example}.figure-1-1.svg)", md);
        Assert.Contains("\nFigure 1-1 Overview of Implemented Services\n", md);
        Assert.Contains($"\nFigure 4-1 {statement.Product.Name} Application Data Flow Diagram\n", md);
        Assert.Contains($"({example}.figure-4-1.svg)", md);
        // The template's sentence announcing Figure 4-1 is kept, with a link to the figure.
        Assert.Contains($"is shown in [Figure 4-1](#figure-4-1) {statement.Product.Name} Application Data Flow Diagram.", md);
        // Figure 1-1 comes after the product description it illustrates.
        Assert.True(md.IndexOf("figure-1-1.svg", StringComparison.Ordinal) > md.IndexOf(statement.Product.Description.Split('\n')[0].Trim(), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_AE_and_remote_system_is_in_the_figures(string example)
    {
        var r = BuildExample(example);
        var statement = Compilation.Check(TestUtil.Repo("examples", example + ".yaml")).Statement!;
        var overview = SvgText(Svg(r, "1-1"));
        var flow = SvgText(Svg(r, "4-1"));
        Assert.Contains(NoSpaces(statement.Product.Name), overview);
        foreach (var ae in statement.ApplicationEntities)
        {
            Assert.Contains(NoSpaces(ae.Name), overview);
            Assert.Contains(NoSpaces(ae.Name), flow);
            if (ae.AeTitle is { } title) Assert.Contains(NoSpaces(title), flow);
            foreach (var a in ae.Activities) Assert.Contains(NoSpaces(a.Name), flow);
        }
        foreach (var remote in statement.Product.RemoteSystems) Assert.Contains(NoSpaces(remote.Name), overview);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Html_has_the_figures_inline_as_svg_with_captions(string example)
    {
        var r = BuildExample(example);
        var html = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(Output(r, "html")));
        foreach (var (id, caption) in new[] { ("figure-1-1", "Figure 1-1 Overview of Implemented Services"), ("figure-4-1", "Figure 4-1 ") })
        {
            var figure = html.QuerySelector($"figure#{id}");
            Assert.NotNull(figure);
            Assert.NotEmpty(figure!.QuerySelectorAll("svg"));
            Assert.StartsWith(caption, figure.QuerySelector("figcaption")!.TextContent);
        }
        // The cross reference of the announcing sentence has its target.
        Assert.NotNull(html.QuerySelector("a[href='#figure-4-1']"));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Docx_has_each_figure_as_a_png_picture_with_the_svg_and_a_caption(string example)
    {
        var r = BuildExample(example);
        using var doc = WordprocessingDocument.Open(new MemoryStream(Output(r, "docx")), false);
        var main = doc.MainDocumentPart!;
        var blips = main.Document.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().ToList();
        Assert.True(blips.Count >= 2, $"{blips.Count} pictures");
        foreach (var blip in blips)
        {
            var png = (ImagePart)main.GetPartById(blip.Embed!.Value!);
            Assert.Equal("image/png", png.ContentType);
            using var s = png.GetStream();
            var head = new byte[8];
            s.ReadExactly(head);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, head);
            var svgId = XElement.Parse(blip.OuterXml).Descendants().Single(e => e.Name.LocalName == "svgBlip")
                .Attribute(XName.Get("embed", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"))!.Value;
            Assert.Equal("image/svg+xml", main.GetPartById(svgId).ContentType);
        }
        var captions = main.Document.Body!.Descendants<Paragraph>()
            .Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text)))
            .Where(t => t.StartsWith("Figure ", StringComparison.Ordinal)).ToList();
        Assert.Contains("Figure 1-1 Overview of Implemented Services", captions);
        Assert.Contains(captions, c => c.StartsWith("Figure 4-1 ", StringComparison.Ordinal) && c.EndsWith("Application Data Flow Diagram", StringComparison.Ordinal));
    }

    [Fact]
    public void Figures_are_byte_identical_across_builds()
    {
        var a = Build.Run(TestUtil.Repo("examples", "ct-modality.yaml"), Options);
        var b = Build.Run(TestUtil.Repo("examples", "ct-modality.yaml"), Options);
        foreach (var ext in new[] { "figure-1-1.svg", "figure-4-1.svg", "html", "docx" })
            Assert.True(Output(a, ext).AsSpan().SequenceEqual(Output(b, ext)), ext + " differs between two builds");
        // The PNGs inside the DOCX too (compared above as part of the package), and directly:
        var pngA = Dcsc.Figures.StatementFigures.Draw(Compilation.Check(TestUtil.Repo("examples", "ct-modality.yaml")).Statement!, "4-1", "f.svg", "t");
        var pngB = Dcsc.Figures.StatementFigures.Draw(Compilation.Check(TestUtil.Repo("examples", "ct-modality.yaml")).Statement!, "4-1", "f.svg", "t");
        Assert.Equal(pngA.Parts.Single().Png, pngB.Parts.Single().Png);
    }

    [Fact]
    public void Twelve_AEs_are_all_drawn_and_figure_4_1_is_cut_into_page_sized_parts()
    {
        var r = Cached("twelve", () => Build.Run(TestUtil.Repo("tests", "Dcsc.Tests", "Figures", "twelve-aes.yaml"), Options));
        var statement = Compilation.Check(TestUtil.Repo("tests", "Dcsc.Tests", "Figures", "twelve-aes.yaml")).Statement!;
        Assert.Equal(12, statement.ApplicationEntities.Count);
        var overview = SvgText(Svg(r, "1-1"));
        var flow = SvgText(Svg(r, "4-1"));
        foreach (var ae in statement.ApplicationEntities)
        {
            Assert.Contains(NoSpaces(ae.Name), overview);
            Assert.Contains(NoSpaces(ae.Name), flow);
            Assert.Contains(NoSpaces(ae.AeTitle!), flow);
        }
        foreach (var remote in statement.Product.RemoteSystems) Assert.Contains(NoSpaces(remote.Name), overview);

        // Printed, each part fits a page at full width (760 units across, at most 920 down), so text stays readable.
        var html = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(Output(r, "html")));
        var parts = html.QuerySelectorAll("figure#figure-4-1 svg").ToList();
        Assert.True(parts.Count >= 2, $"{parts.Count} parts");
        var partText = "";
        foreach (var p in parts)
        {
            Assert.True(double.Parse(p.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture) <= 920);
            partText += SvgText(p.OuterHtml);
            Assert.Contains("LocalReal-WorldActivities", SvgText(p.OuterHtml)); // every part has the column headings
        }
        foreach (var ae in statement.ApplicationEntities) Assert.Contains(NoSpaces(ae.Name), partText);

        using var doc = WordprocessingDocument.Open(new MemoryStream(Output(r, "docx")), false);
        Assert.Equal(1 + parts.Count, doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Count());
    }

    [Fact]
    public void Author_text_in_a_figure_is_escaped_never_markup()
    {
        var yaml = Minimal.Yaml
            .Replace("name: Acme Test Modality", "name: \"Acme <script>alert(1)</script> & <b>bold</b>\"")
            .Replace("    description: Sends images.", "    description: Sends images.\n    activities:\n      - name: \"Send ]]> <svg onload=x> \\\"quoted\\\" 'single'\"\n        role: initiator\n        description: Sends.");
        var r = Build.RunText("s.yaml", yaml, Options);
        Assert.True(r.Outputs is not null, string.Join("\n", r.Diagnostics));
        foreach (var figure in new[] { "1-1", "4-1" })
        {
            var svg = Svg(r, figure);
            var doc = XDocument.Parse(svg); // well-formed XML
            Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "script" or "b" || e.Attributes().Any(a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal)));
            Assert.Single(doc.Root!.Elements().Where(e => e.Name.LocalName == "svg").Prepend(doc.Root!)); // no nested <svg>
        }
        // The text is shown as written.
        Assert.Contains("Acme<script>alert(1)</script>&<b>bold</b>", SvgText(Svg(r, "1-1")));
        Assert.Contains("Send]]><svgonload=x>\"quoted\"'single'", SvgText(Svg(r, "4-1")));
        var html = Encoding.UTF8.GetString(Output(r, "html"));
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<svg onload", html);
    }

    [Fact]
    public void Control_characters_of_author_text_do_not_reach_the_svg()
    {
        var yaml = Minimal.Yaml.Replace("    description: Sends images.", "    description: Sends images.\n    activities:\n      - name: \"Send\\u0007 \\u202Eimages\"\n        role: initiator\n        description: Sends.");
        var r = Build.RunText("s.yaml", yaml, Options);
        Assert.True(r.Outputs is not null, string.Join("\n", r.Diagnostics));
        var svg = Svg(r, "4-1");
        XDocument.Parse(svg);
        Assert.DoesNotContain('\u0007', svg);
        Assert.DoesNotContain('\u202E', svg);
        Assert.Contains("Sendimages", SvgText(svg));
    }

    [Fact]
    public void An_author_image_for_a_figure_overrides_the_generated_one()
    {
        var yaml = Minimal.Yaml + "\nsections:\n  impl_ae_data_flow:\n    fill:\n      Figure 4-1: images/flow.png\n";
        var r = Build.RunText("s.yaml", yaml, Options);
        Assert.True(r.Outputs is not null, string.Join("\n", r.Diagnostics));
        Assert.Contains("(images/flow.png)", r.Markdown);
        Assert.DoesNotContain("figure-4-1.svg", r.Markdown);
        Assert.DoesNotContain(r.Outputs!, o => o.Extension == "figure-4-1.svg");
        Assert.Contains(r.Outputs!, o => o.Extension == "figure-1-1.svg");
        var html = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(Output(r, "html")));
        Assert.Empty(html.QuerySelectorAll("figure#figure-4-1 svg"));
        Assert.StartsWith("Figure 4-1 ", html.QuerySelector("figure#figure-4-1 figcaption")!.TextContent);
    }

    [Fact]
    public void Without_remote_systems_figure_1_1_shows_the_remote_roles_the_model_implies()
    {
        var r = Build.RunText("s.yaml", Minimal.Yaml, Options);
        Assert.True(r.Outputs is not null, string.Join("\n", r.Diagnostics));
        var overview = SvgText(Svg(r, "1-1"));
        Assert.Contains("StorageSCP", overview); // the product is a Storage SCU
        Assert.Contains("STORAGE-SCU", overview);
    }

    [Fact]
    public void Only_html_and_docx_formats_write_no_svg_files()
    {
        var r = Build.RunText("s.yaml", Minimal.Yaml, new BuildOptions { Formats = new[] { "html" }, Layout = new LayoutOptions { ReadEnvironment = false } });
        Assert.Equal(new[] { "html" }, r.Outputs!.Select(o => o.Extension));
    }
}
