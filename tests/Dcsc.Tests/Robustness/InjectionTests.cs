using Dcsc.Diagnostics.Formats;
using Dcsc.Source;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Dcsc.Tests.Robustness;

/// <summary>
/// Issue 14, points 6 and 7: author text in the Markdown reports (lint, diff, match) never becomes markup, and
/// control and bidirectional characters never reach a log, a report or a document as they are.
/// </summary>
[Collection(RobustnessCollection.Name)]
public class InjectionTests
{
    /// <summary>Author text that is markup in GitHub-flavoured Markdown in every way we know of.</summary>
    private const string Hostile = "x` ``y ![img](https://evil.example/p.png) [click](https://evil.example) <img src=x onerror=alert(1)> " +
        "@octocat #12 https://evil.example/a www.evil.example a@evil.example **bold** _it_ ~~s~~ | cell $x$ &amp; \\";

    /// <summary>The same text as a YAML double-quoted string.</summary>
    private static string YamlQuoted(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>ESC (an ANSI colour), BEL, NEL, LINE SEPARATOR, RIGHT-TO-LEFT OVERRIDE, a tag character, as YAML escapes.</summary>
    private const string ControlsYaml = "red\\e[31m bell\\a nel\\N ls\\L rlo\\u202Eevil lri\\u2066 tag\\U000E0041";

    private static readonly string[] ControlChars = { "\u001B", "\u0007", "\u0085", "\u2028", "\u202E", "\u2066", "\U000E0041" };

    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>
    /// Parses the report as GitHub would and asserts that nothing of the author's became markup: no link, image,
    /// autolink, HTML, emphasis or math, no mention or issue reference in plain text, and every table row keeps
    /// its cells.
    /// </summary>
    internal static void AssertInert(string markdown, int columns)
    {
        var doc = Markdown.Parse(markdown, Gfm);
        foreach (var node in doc.Descendants())
        {
            Assert.False(node is LinkInline { IsImage: true }, "image in\n" + markdown);
            Assert.False(node is AutolinkInline, "autolink in\n" + markdown);
            // The only HTML is dcsc's own anchor in the match report.
            if (node is HtmlInline inline)
                Assert.Matches(@"^(<a id=""match-[\w-]+"">|</a>)$", inline.Tag);
            if (node is HtmlBlock html)
                Assert.Matches(@"^<a id=""match-[\w-]+""></a>$", html.Lines.ToString().Trim());
            Assert.False(node is Markdig.Extensions.Mathematics.MathInline, "math in\n" + markdown);
            if (node is LinkInline link)
                Assert.True(link.Url!.StartsWith(Dcsc.Diagnostics.DiagnosticCatalogue.HelpBase, StringComparison.Ordinal) || link.Url.StartsWith('#'),
                    $"link to {link.Url} in\n{markdown}");
            if (node is LiteralInline lit)
            {
                var text = lit.Content.ToString();
                Assert.DoesNotMatch(@"@\w|#\d|https?:|www\.", text);
            }
            if (node is EmphasisInline em)
                Assert.DoesNotContain(em.Descendants<LiteralInline>(), l => l.Content.ToString().Contains("bold") || l.Content.ToString().Contains("it"));
            if (node is TableRow row && columns > 0)
                Assert.Equal(columns, row.Count);
        }
        AssertNoControls(markdown);
    }

    private static void AssertNoControls(string text)
    {
        foreach (var c in ControlChars) Assert.False(text.Contains(c, StringComparison.Ordinal), $"U+{char.ConvertToUtf32(c, 0):X4} in\n{text}");
    }

    [Fact]
    public void Lint_markdown_report_escapes_a_hostile_key()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Minimal.Yaml.Replace("  description: A test product.",
            $"  description: A test product.\n  {YamlQuoted(Hostile)}: 1\n  \"{ControlsYaml}\": 2"));
        var r = box.RunChecked("lint", s, "--format", "markdown");
        Assert.Equal(1, r.Code);
        Assert.Contains("DCS0051", r.Out);
        AssertInert(r.Out, 4);
    }

    [Fact]
    public void Lint_github_and_text_formats_show_controls_as_escapes()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Minimal.Yaml.Replace("  description: A test product.", $"  description: A test product.\n  \"{ControlsYaml}\": 2"));
        var github = box.RunChecked("lint", s, "--format", "github");
        Assert.StartsWith("::error ", github.Out);
        Assert.Single(github.Out.TrimEnd('\n').Split('\n'));
        AssertNoControls(github.Out);
        Assert.Contains("\\u001B[31m", github.Out);
        Assert.Contains("\\u202Eevil", github.Out);
        var text = box.RunChecked("lint", s);
        AssertNoControls(text.All);
        Assert.Contains("\\u0085", text.Out);
        Assert.Contains("\\U000E0041", text.Out);
    }

    private static string WithPrivateSopClass(string quotedName) => Minimal.Yaml.Replace("""
        sop_classes:
          - uid: 1.2.840.10008.5.1.4.1.1.2
        """, $"""
        sop_classes:
          - uid: 1.3.6.1.4.1.99999.1
            name: {quotedName}
            scu: [STORAGE-SCU]
            transfer_syntax_sets: [U]
          - uid: 1.2.840.10008.5.1.4.1.1.2
        """);

    [Fact]
    public void Diff_markdown_escapes_private_sop_class_names()
    {
        using var box = new Sandbox();
        var a = box.Write("a.yaml", Minimal.Yaml);
        var b = box.Write("b.yaml", WithPrivateSopClass(YamlQuoted(Hostile)[..^1] + " " + ControlsYaml + "\""));
        var r = box.RunChecked("diff", a, b, "--format", "markdown");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("1.3.6.1.4.1.99999.1", r.Out);
        AssertInert(r.Out, 4);
        var text = box.RunChecked("diff", a, b);
        AssertNoControls(text.All);
    }

    [Fact]
    public void Match_markdown_escapes_product_names()
    {
        using var box = new Sandbox();
        var a = box.Write("a.yaml", Minimal.Yaml.Replace("name: Acme Test Modality", "name: " + YamlQuoted(Hostile)));
        // Bidirectional controls are an error of the Rules stage (DCS0605), which match refuses: the other controls are kept.
        var bidi = box.Write("bidi.yaml", Minimal.Yaml.Replace("name: Acme Test Modality", $"name: \"{ControlsYaml}\""));
        var refused = box.RunChecked("match", a, bidi, "--format", "markdown");
        Assert.Equal(1, refused.Code);
        Assert.Contains("DCS0605", refused.Out);
        var b = box.Write("b.yaml", Minimal.Yaml.Replace("name: Acme Test Modality", $"name: \"{ControlsYaml.Replace(" rlo\\u202Eevil lri\\u2066", "")}\""));
        var r = box.RunChecked("match", a, b, "--format", "markdown");
        Assert.True(r.Code is 0 or 1, r.ToString());
        var doc = Markdown.Parse(r.Out, Gfm);
        Assert.NotEmpty(doc.Descendants<Table>());
        AssertInert(r.Out, columns: -1);
        var text = box.RunChecked("match", a, b);
        AssertNoControls(text.All);
    }

    [Fact]
    public void Controls_never_reach_the_built_documents()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Minimal.Yaml.Replace("description: A test product.", $"description: \"{ControlsYaml}\""));
        var r = box.RunChecked("build", s, "-o", box.Out, "--format", "md,html,docx");
        Assert.True(r.Code == 0, r.ToString());
        foreach (var ext in new[] { "md", "html" })
        {
            var text = File.ReadAllText(Path.Combine(box.Out, "s." + ext));
            AssertNoControls(text);
            Assert.Contains("rloevil", text);
        }
        var docx = File.ReadAllBytes(Path.Combine(box.Out, "s.docx"));
        ContentTests.AssertValidDocx(docx);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        AssertNoControls(reader.ReadToEnd());
    }

    [Theory]
    [InlineData("plain", "`plain`")]
    [InlineData("a`b", "``a`b``")]
    [InlineData("`start", "`` `start ``")]
    [InlineData("x ``` y", "````x ``` y````")]
    [InlineData("a|b", "`a\\|b`")]
    public void Code_spans_cannot_be_closed_by_their_text(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Code(text));

    [Fact]
    public void Untrusted_text_one_rule_for_logs_and_documents()
    {
        const string s = "a\u001B[1mb\u0007c\u0085d\u2028e\u202Ef\u200Dg\u00ADh\ti\nj\uD800k";
        Assert.Equal("a\\u001B[1mb\\u0007c\\u0085d\\u2028e\\u202Ef\u200Dg\u00ADh\\ti\\nj\\uD800k", UntrustedText.ForLog(s));
        Assert.Equal("a[1mbcdef\u200Dg\u00ADh\ti\nj\uFFFDk", UntrustedText.ForDocument(s));
        Assert.Equal("😀", UntrustedText.ForDocument("😀"));
    }
}
