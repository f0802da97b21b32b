using Dcsc.Pipeline;
using Dcsc.Render.Md;
using static Dcsc.Tests.Layout.LayoutFixtures;

namespace Dcsc.Tests.Render.Md;

/// <summary>
/// Templates given with <c>--templates</c> (docs/layout.md, "Templates"): what they can replace, that author values
/// reach them escaped whatever the template does, and that a mistake in one is a DCS9002 with its position.
/// </summary>
public class TemplateOverrideTests
{
    private const string Hostile = "**bold** [x](javascript:alert(1)) <b>tag</b> `code` _u_ | pipe";

    private static string HostileStatement => Minimal.Yaml.Replace("name: Acme Test Modality", "name: \"" + Hostile + "\"");

    private static MarkdownResult Render(string yaml, string templates, TemplateLimits? limits = null) =>
        MarkdownRenderer.Render(Lay(yaml), templates, limits);

    private static Diagnostics.Diagnostic SingleError(MarkdownResult r)
    {
        Assert.False(r.Success);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("DCS9002", d.Id);
        return d;
    }

    [Fact]
    public void An_unknown_variable_is_DCS9002_at_file_line_and_column()
    {
        using var dir = new TestUtil.TempDir();
        var file = dir.File("heading.sbn", "{{ md.heading_marker section.level }}\n{{ sectoin.title }}");
        var d = SingleError(Render(Minimal.Yaml, dir.Path));
        Assert.Equal(file, d.Span.File);
        Assert.Equal((2, 4), (d.Span.Line, d.Span.Column));
        Assert.Contains("sectoin", d.Message);
        Assert.StartsWith($"{file}(2,4): error DCS9002: ", d.ToString());
    }

    [Fact]
    public void An_unknown_member_of_a_layout_record_is_DCS9002()
    {
        using var dir = new TestUtil.TempDir();
        var file = dir.File("heading.sbn", "# {{ section.titel }}");
        var d = SingleError(Render(Minimal.Yaml, dir.Path));
        Assert.Equal(file, d.Span.File);
        Assert.Equal(1, d.Span.Line);
        Assert.Contains("titel", d.Message);
    }

    [Theory]
    [InlineData("{{ cover.product }}")]
    [InlineData("{{ cover.product | string.upcase }}")]
    [InlineData("{{ \"**\" + cover.product + \"**\" }}")]
    [InlineData("{{ x = cover.product }}{{ x }}")]
    [InlineData("{{ for p in [cover.product] }}{{ p }}{{ end }}")]
    [InlineData("{{ include 'mine' cover.product }}\nmine.sbn={{ model }}")]
    public void Author_values_are_escaped_whatever_the_template_does_with_them(string template)
    {
        using var dir = new TestUtil.TempDir();
        var files = template.Split('\n'); // the first line is cover.sbn, then name=text of more files
        dir.File("cover.sbn", files[0]);
        foreach (var more in files.Skip(1)) dir.File(more.Split('=', 2)[0], more.Split('=', 2)[1]);
        var r = Render(HostileStatement, dir.Path);
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var md = r.Markdown!;
        Assert.DoesNotContain("**bold**", md, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("[x](", md, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", md, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("| pipe", md.Replace("\\| pipe", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        // And as the published page sees it:
        var html = Dcsc.Render.Html.HtmlRenderer.Render(md);
        Assert.DoesNotContain("<strong>bold", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<code>code", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Only_finished_markdown_is_printed_raw()
    {
        using var dir = new TestUtil.TempDir();
        dir.File("author.sbn", "RAW<{{ author.markdown }}> SOURCE<{{ author.source }}>");
        var yaml = Minimal.Yaml.Replace("description: A test product.", "description: \"**strong** <i>x</i>\"");
        var r = Render(yaml, dir.Path);
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        // The sanitized narrative keeps its Markdown (HTML escaped); the source as written is escaped.
        Assert.Contains("RAW<**strong** &lt;i>x&lt;/i>>", r.Markdown);
        Assert.Contains("SOURCE<\\*\\*strong\\*\\* &lt;i>x&lt;/i>>", r.Markdown);
    }

    [Fact]
    public void Section_families_and_single_sections_and_tables_can_be_replaced()
    {
        using var dir = new TestUtil.TempDir();
        dir.File("revision-history.sbn", "{{ include 'heading' section }}\n\nREVISIONS {{ section.number }}");
        dir.File("introduction.sbn", "{{ include 'heading' section }}\n\nINTRO {{ section.key }}");
        dir.File("overview.sbn", "{{ include 'section' section }}\n\nOVERVIEW {{ section.number }}");
        dir.File("section.intro_audience.sbn", "{{ include 'heading' section }}\n\nAUDIENCE");
        dir.File("table.storage_sop_classes.sbn", "STORAGE TABLE {{ table.number }} rows={{ table.rows.size }}");
        var r = Render(Minimal.Yaml, dir.Path);
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var md = r.Markdown!;
        Assert.Contains("## 3.1 Revision History\n\nREVISIONS 3.1\n", md);
        Assert.Contains("INTRO intro\\_remarks", md);
        Assert.Contains("## 3.2 Audience\n\nAUDIENCE\n", md);
        Assert.Contains("OVERVIEW 1.1", md);
        Assert.Contains("STORAGE TABLE 1-1 rows=1", md);
        Assert.Contains("Table 1-2 Supported Transfer Syntaxes", md); // other tables keep the built-in template
        Assert.Contains("# 4 Implementation Model", md);
    }

    [Theory]
    [InlineData("section.no_such_section.sbn", "names no section")]
    [InlineData("table.no_such_table.sbn", "names no table")]
    public void A_template_for_a_section_or_table_that_does_not_exist_is_DCS9002(string name, string message)
    {
        using var dir = new TestUtil.TempDir();
        var file = dir.File(name, "x");
        var d = SingleError(Render(Minimal.Yaml, dir.Path));
        Assert.Equal(file, d.Span.File);
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void A_template_given_twice_is_DCS9002()
    {
        using var dir = new TestUtil.TempDir();
        dir.File("na.sbn", "N/A");
        dir.File("na.scriban", "N/A");
        Assert.Contains("given twice", SingleError(Render(Minimal.Yaml, dir.Path)).Message);
    }

    [Fact]
    public void An_old_handlebars_folder_says_how_to_port_it()
    {
        using var dir = new TestUtil.TempDir();
        dir.File("heading.hbs", "{{{hashes}}} {{title}}");
        var d = SingleError(Render(Minimal.Yaml, dir.Path));
        Assert.Contains("Handlebars", d.Message);
        Assert.Contains("heading.hbs", d.Message);
        Assert.Contains("{{ if x }}", d.Message);
        Assert.Contains("docs/layout.md", d.Message);
    }

    [Fact]
    public void A_missing_template_folder_is_DCS9002()
    {
        Assert.Contains("does not exist", SingleError(Render(Minimal.Yaml, "/nonexistent-dcsc-templates")).Message);
    }

    [Fact]
    public void Including_a_template_that_does_not_exist_is_DCS9002_at_the_include()
    {
        using var dir = new TestUtil.TempDir();
        var file = dir.File("na.sbn", "N/A {{ include 'nope' section }}");
        var d = SingleError(Render(Minimal.Yaml, dir.Path));
        Assert.Equal((file, 1), (d.Span.File, d.Span.Line));
        Assert.Contains("no template `nope`", d.Message);
    }

    [Fact]
    public void A_template_that_includes_itself_stops_at_the_depth_bound()
    {
        using var dir = new TestUtil.TempDir();
        dir.File("paragraph.sbn", "{{ include 'paragraph' paragraph }}");
        var d = SingleError(Render(Minimal.Yaml, dir.Path));
        Assert.Contains("paragraph.sbn", d.Span.File);
        Assert.Matches("deep|depth", d.Message);
    }

    [Fact]
    public void Loops_without_end_stop_at_the_step_bound()
    {
        using var dir = new TestUtil.TempDir();
        dir.File("na.sbn", "{{ for i in 1..1000000 }}{{ for j in 1..1000000 }}{{ end }}{{ end }}");
        var d = SingleError(Render(Minimal.Yaml, dir.Path));
        Assert.Contains("steps", d.Message);
    }

    [Fact]
    public void Output_past_the_bound_is_DCS9002_not_a_truncated_document()
    {
        using var dir = new TestUtil.TempDir();
        dir.File("na.sbn", "{{ for i in 1..100000 }}0123456789{{ end }}");
        var limits = new TemplateLimits { MaxOutputChars = 200_000 };
        var d = SingleError(Render(Minimal.Yaml, dir.Path, limits));
        Assert.Contains("more than 200,000 characters", d.Message);
    }

    [Fact]
    public void A_long_string_built_by_a_template_is_bounded_too()
    {
        using var dir = new TestUtil.TempDir();
        dir.File("na.sbn", "{{ s = 'xxxxxxxxxxxxxxxx' }}{{ for i in 1..40 }}{{ s = s + s }}{{ end }}{{ s }}");
        var limits = new TemplateLimits { MaxValueChars = 1_000_000 };
        var d = SingleError(Render(Minimal.Yaml, dir.Path, limits));
        Assert.Contains("longer than 1,000,000 characters", d.Message);
    }

    [Fact]
    public void The_time_bound_ends_a_run_that_is_slow_but_within_its_steps()
    {
        using var dir = new TestUtil.TempDir();
        dir.File("na.sbn", "{{ for i in 1..100000000 }}{{ end }}");
        var limits = new TemplateLimits { MaxTime = TimeSpan.FromMilliseconds(200), MinSteps = long.MaxValue / 100 };
        var d = SingleError(Render(Minimal.Yaml, dir.Path, limits));
        Assert.Contains("ran longer than", d.Message);
    }

    [Fact]
    public void Built_in_templates_print_the_same_through_a_copied_folder()
    {
        // A vendor starts from a copy of templates/markdown: the output is the built-in one.
        using var dir = new TestUtil.TempDir();
        foreach (var f in Directory.GetFiles(TestUtil.Repo("templates", "markdown")))
            File.Copy(f, Path.Combine(dir.Path, Path.GetFileName(f)));
        Assert.Equal(Markdown(Rich), Markdown(Rich, templates: dir.Path));
    }

    [Fact]
    public void The_worked_override_of_docs_layout_md_builds_as_documented()
    {
        var doc = File.ReadAllText(TestUtil.Repo("docs", "layout.md"));
        var worked = doc[doc.IndexOf("### Worked override", StringComparison.Ordinal)..];
        var blocks = System.Text.RegularExpressions.Regex.Matches(worked, @"`branding/([\w.-]+\.sbn)`(?:(?!```).)*?```scriban\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Equal(3, blocks.Count);
        using var dir = new TestUtil.TempDir();
        foreach (System.Text.RegularExpressions.Match b in blocks) dir.File(b.Groups[1].Value, b.Groups[2].Value);
        var example = Dcsc.Pipeline.Compilation.Check(TestUtil.Repo("examples", "ct-modality.yaml"));
        var document = Dcsc.Layout.StatementLayout.Layout(example.Statement!, Options());
        var r = MarkdownRenderer.Render(document, dir.Path);
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        Assert.Contains("## 3.1 Revision History\n\nThe versions of this statement, newest last.", r.Markdown);
        Assert.Contains("| 1.0 | 2024-03-15 | 5.0 | Initial release of the Conformance Statement for Helix CT 5.0. |\n", r.Markdown);
        Assert.Contains("\n\nValues as delivered; Section 6 lists what can be configured.\n\n<!-- dcsc:/table -->", r.Markdown);
        Assert.Contains("### 1.2.4 Query/Retrieve - N/A\n\nNot applicable: Query/Retrieve is not supported by this product.\n", r.Markdown);

        File.WriteAllText(Path.Combine(dir.Path, "na.sbn"), File.ReadAllText(Path.Combine(dir.Path, "na.sbn")).Replace("section.title", "section.titel"));
        var typo = SingleError(MarkdownRenderer.Render(document, dir.Path));
        Assert.Equal($"{Path.Combine(dir.Path, "na.sbn")}(1,28): error DCS9002: template na.sbn fails while rendering: Cannot get member with name titel.", typo.ToString());
    }

    [Fact]
    public void Author_markdown_the_renderers_refuse_stays_DCS9005_with_templates()
    {
        var yaml = Minimal.Yaml.Replace("description: A test product.", "description: \"" + string.Concat(Enumerable.Repeat("> ", 500)) + "x\"");
        var r = Build.RunText("s.yaml", yaml, new BuildOptions { Layout = Options() });
        Assert.Contains(r.Diagnostics, d => d.Id == "DCS9005");
    }
}
