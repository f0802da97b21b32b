namespace Dcsc.Tests.Cli;

public class BuildCommandTests
{
    [Fact]
    public void Build_writes_the_markdown_named_after_the_statement()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("acme.yaml", Minimal.Yaml);
        var outDir = Path.Combine(dir.Path, "out");
        var (code, _, err) = CliTests.Run("build", f, "-o", outDir);
        Assert.Equal(0, code);
        var md = File.ReadAllText(Path.Combine(outDir, "acme.md"));
        Assert.StartsWith("<!-- dcsc:cover ", md);
        Assert.Contains("\n# 1 Overview\n", md);
        Assert.Contains("wrote", err);
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));
    }

    [Fact]
    public void Build_with_errors_writes_nothing_and_exits_1()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("bad.yaml", Minimal.Yaml.Replace("create: S", "create: X"));
        var outDir = Path.Combine(dir.Path, "out");
        var (code, stdout, _) = CliTests.Run("build", f, "-o", outDir);
        Assert.Equal(1, code);
        Assert.Contains("error DCS0053", stdout);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Build_with_a_broken_template_writes_nothing_and_exits_1()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("acme.yaml", Minimal.Yaml);
        dir.File("tpl/paragraph.sbn", "{{ for i in paragraph.inlines }} unclosed");
        var outDir = Path.Combine(dir.Path, "out");
        var (code, stdout, _) = CliTests.Run("build", f, "-o", outDir, "--templates", Path.Combine(dir.Path, "tpl"));
        Assert.Equal(1, code);
        Assert.Contains("error DCS9002", stdout);
        Assert.Contains("paragraph.sbn(1,", stdout);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Build_all_formats_and_na_keep()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("acme.yaml", Minimal.Yaml);
        var outDir = Path.Combine(dir.Path, "out");
        var (code, _, _) = CliTests.Run("build", f, "-o", outDir, "--format", "md,html,docx", "--na", "keep");
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(outDir, "acme.html")));
        Assert.True(File.Exists(Path.Combine(outDir, "acme.docx")));
        Assert.Contains("5.3.1 URI Web Service (WADO URI) - N/A", File.ReadAllText(Path.Combine(outDir, "acme.md")));
    }

    [Theory]
    [InlineData("--format", "xps")]
    [InlineData("--na", "sometimes")]
    [InlineData("--toc-levels", "7")]
    public void Build_usage_errors_exit_2(string option, string value)
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("acme.yaml", Minimal.Yaml);
        var (code, _, err) = CliTests.Run("build", f, "-o", Path.Combine(dir.Path, "out"), option, value);
        Assert.Equal(2, code);
        Assert.Contains(value, err);
    }

    [Fact]
    public void Build_takes_the_date_from_SOURCE_DATE_EPOCH_when_the_source_has_none()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("acme.yaml", Minimal.Yaml.Replace("  date: \"2025-01-01\"\n", ""));
        var outDir = Path.Combine(dir.Path, "out");
        var old = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        try
        {
            Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", "1767225600");
            Assert.Equal(0, CliTests.Run("build", f, "-o", outDir).Code);
        }
        finally { Environment.SetEnvironmentVariable("SOURCE_DATE_EPOCH", old); }
        var md = File.ReadAllText(Path.Combine(outDir, "acme.md"));
        Assert.Contains("\"date\":\"2026-01-01\"", md);
        Assert.Contains("\nDate: 2026-01-01\n", md);
    }
}

public class BuildReferenceDocTests
{
    [Fact]
    public void Reference_doc_styles_are_used_in_the_docx()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("acme.yaml", Minimal.Yaml);
        var reference = Path.Combine(dir.Path, "company.docx");
        // A company template: a dcsc DOCX whose Heading 1 font was changed by "the company".
        var plain = Dcsc.Render.Docx.DocxRenderer.Render("# 1 Title\n\nText.\n");
        File.WriteAllBytes(reference, WithHeadingFont(plain, "Comic Company Sans"));
        var outDir = Path.Combine(dir.Path, "out");
        var (code, o, e) = CliTests.Run("build", f, "-o", outDir, "--format", "docx", "--reference-doc", reference);
        Assert.True(code == 0, o + e);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(Path.Combine(outDir, "acme.docx"), false);
        Assert.Contains("Comic Company Sans", doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.OuterXml);
    }

    [Theory]
    [InlineData("not a zip at all")]
    [InlineData("")]
    public void Unusable_reference_doc_is_an_error_and_nothing_is_written(string content)
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("acme.yaml", Minimal.Yaml);
        var reference = dir.File("broken.docx", content);
        var outDir = Path.Combine(dir.Path, "out");
        var (code, stdout, stderr) = CliTests.Run("build", f, "-o", outDir, "--format", "md,docx", "--reference-doc", reference);
        Assert.Equal(1, code);
        Assert.Contains("DCS9004", stdout + stderr);
        Assert.Contains("broken.docx", stdout + stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Missing_reference_doc_is_an_error()
    {
        using var dir = new TestUtil.TempDir();
        var f = dir.File("acme.yaml", Minimal.Yaml);
        var (code, stdout, stderr) = CliTests.Run("build", f, "-o", Path.Combine(dir.Path, "out"), "--format", "docx", "--reference-doc", Path.Combine(dir.Path, "nope.docx"));
        Assert.Equal(1, code);
        Assert.Contains("DCS9004", stdout + stderr);
    }

    private static byte[] WithHeadingFont(byte[] docx, string font)
    {
        using var ms = new MemoryStream();
        ms.Write(docx);
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(ms, true))
        {
            var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
            var h1 = styles.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>().First(s => s.StyleId == "Heading1");
            var rpr = h1.StyleRunProperties ??= new DocumentFormat.OpenXml.Wordprocessing.StyleRunProperties();
            rpr.RemoveAllChildren<DocumentFormat.OpenXml.Wordprocessing.RunFonts>();
            rpr.PrependChild(new DocumentFormat.OpenXml.Wordprocessing.RunFonts { Ascii = font, HighAnsi = font });
            styles.Save();
        }
        return ms.ToArray();
    }
}
