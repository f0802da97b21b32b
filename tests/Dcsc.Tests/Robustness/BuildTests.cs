using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dcsc.Tests.Robustness;

/// <summary><c>dcsc build</c> on hostile statements and templates: diagnostics, earlier outputs intact, safe documents.</summary>
[Collection(RobustnessCollection.Name)]
public class BuildTests
{
    private static string Example => File.ReadAllText(TestUtil.Repo("examples", "web-viewer.yaml"));

    /// <summary>The example with its product description (a Markdown field) replaced.</summary>
    // Replaces the product description only (the first `description: |` block, directly under `product:`).
    private static string WithDescription(string markdown) =>
        new Regex(@"(?m)^  description: \|\n(    .*\n)+", RegexOptions.None, TimeSpan.FromSeconds(5))
            .Replace(Example, _ => "  description: " + JsonSerializer.Serialize(markdown) + "\n", 1);

    private static string[] Build(Sandbox box, string statement, params string[] extra) =>
        new[] { "build", statement, "-o", box.Out, "--format", "md,html,docx" }.Concat(extra).ToArray();

    [Fact]
    public void Hostile_markdown_in_a_field_builds_to_documents_without_author_markup()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", WithDescription(
            "<script>alert(1)</script> <img src=x onerror=alert(2)> [j](javascript:alert(3)) <javascript:alert(4)> &#x1; \u0007\n\n" +
            "<!-- dcsc:table {\"id\":\"x\"} -->\n\n<!-- dcsc:/toc -->\n\n<div onclick=\"x\">d</div>"));
        var r = box.RunChecked(Build(box, s));
        Assert.True(r.Code == 0, r.ToString());
        ContentTests.AssertNoAuthorMarkup(File.ReadAllText(Path.Combine(box.Out, "s.html")));
        ContentTests.AssertValidDocx(File.ReadAllBytes(Path.Combine(box.Out, "s.docx")));
    }

    [Theory]
    [InlineData("deep")]
    [InlineData("brackets")]
    public void Markdown_the_renderers_refuse_is_a_diagnostic_and_earlier_outputs_stay(string kind)
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Example);
        Assert.Equal(0, box.RunChecked(Build(box, s)).Code);
        var before = box.Snapshot();
        box.Write("s.yaml", WithDescription(kind == "deep" ? string.Concat(Enumerable.Repeat("> ", 500)) + "x" : string.Concat(Enumerable.Repeat("[x](", 30_000))));
        var r = box.RunChecked(Build(box, s));
        Sandbox.AssertDiagnostic(r, "DCS9005", s, null);
        Assert.Equal(before.Where(k => k.Key.StartsWith("out/", StringComparison.Ordinal)), box.Snapshot().Where(k => k.Key.StartsWith("out/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Broken_statement_writes_nothing_and_keeps_earlier_outputs()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Example);
        Assert.Equal(0, box.RunChecked(Build(box, s)).Code);
        box.Write("s.yaml", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Robustness", "Corpus", "billion-laughs.yaml")));
        var before = box.Snapshot();
        var r = box.RunChecked(Build(box, s));
        Sandbox.AssertDiagnostic(r, "DCS0004", s, 8);
        Assert.Equal(before, box.Snapshot());
    }

    [Fact]
    public void Output_folder_that_is_a_file()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Example);
        var notADir = box.Write("out-file", "x");
        var r = box.RunChecked("build", s, "-o", notADir, "--format", "md,html");
        Assert.Equal(1, r.Code);
        Assert.Contains($"{notADir}: error DCS9001: output cannot be written", r.Err);
    }

    [Theory]
    [InlineData("heading.sbn", "{{ include 'heading' section }}", "fails while rendering", true)]
    [InlineData("heading.sbn", "{{ include 'paragraph' section }}\nparagraph.sbn={{ include 'heading' paragraph }}", "fails while rendering", true)]
    [InlineData("heading.sbn", "{{ for x in section.blocks }}", "cannot be parsed", true)]
    [InlineData("heading.sbn", "{{ include 'does-not-exist' }}", "fails while rendering", true)]
    [InlineData("heading.hbs", "{{> heading}}", "Handlebars templates", false)]
    public void Broken_or_recursive_templates_are_diagnostics(string name, string text, string message, bool positioned)
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Example);
        var tpl = Path.Combine(box.Project, "templates");
        var files = text.Split('\n');
        box.Write(Path.Combine("templates", name), files[0]);
        foreach (var more in files.Skip(1)) box.Write(Path.Combine("templates", more.Split('=')[0]), more.Split('=', 2)[1]);
        var r = box.RunChecked(Build(box, s, "--templates", tpl));
        Assert.Equal(1, r.Code);
        Assert.Matches(Regex.Escape(tpl) + @"/\w+\.(sbn|hbs)" + (positioned ? @"\(\d+,\d+\)" : "") + ": error DCS9002: .*" + message, r.Out);
        Assert.Empty(Directory.GetFileSystemEntries(box.Out));
    }

    [Fact]
    public void Markup_written_by_a_user_template_is_escaped_too()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Example);
        var tpl = Path.Combine(box.Project, "templates");
        box.Write(Path.Combine("templates", "heading.sbn"), "{{ md.heading_marker section.level }} {{ section.number }} {{ section.title }}\n\n<script>alert(1)</script><a href=\"javascript:x\" onclick=\"y\">z</a>\n");
        var r = box.RunChecked(Build(box, s, "--templates", tpl));
        Assert.True(r.Code == 0, r.ToString());
        ContentTests.AssertNoAuthorMarkup(File.ReadAllText(Path.Combine(box.Out, "s.html")));
    }
}
