using System.Text;
using Dcsc.Import;
using Dcsc.Pipeline;
using Dcsc.Render.Docx;
using Dcsc.Render.Html;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dcsc.Tests.Import;

/// <summary>
/// An author table's key is not printed: each output carries it as metadata (Markdown marker, HTML data-key, .docx
/// hidden bookmark) and `dcsc import` takes it back; a document's own metadata is untrusted (a key that is not an
/// author-table key, or one already used, gives way to a key made from the caption).
/// </summary>
public class AuthorTableKeyTests
{
    private static byte[] Built(string example, string format)
    {
        var build = Build.Run(TestUtil.Repo("examples", example), new BuildOptions { Formats = new[] { format } });
        Assert.NotNull(build.Outputs);
        return build.Outputs!.Single(o => o.Extension == format).Content;
    }

    private static string ImportedYaml(byte[] document, string format)
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "statement." + format);
        File.WriteAllBytes(file, document);
        var result = Importer.Import(file);
        return Encoding.UTF8.GetString(result.Files.Single(f => f.Path == result.StatementFile).Content);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("docx")]
    public void Author_table_key_and_footnote_reference_come_back(string format)
    {
        var yaml = ImportedYaml(Built("web-viewer.yaml", format), format);
        Assert.Contains("- key: lumen_data_sources", yaml, StringComparison.Ordinal);
        // The footnote's {table:6-1} was printed as a link "Table 6-1".
        Assert.Contains("in {table:6-1})", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_carry_the_key_as_metadata()
    {
        var md = Encoding.UTF8.GetString(Built("image-archive.yaml", "md"));
        Assert.Contains("\"key\":\"vault_rejections\"", md, StringComparison.Ordinal);
        var html = Encoding.UTF8.GetString(Built("image-archive.yaml", "html"));
        Assert.Contains("data-key=\"vault_rejections\"", html, StringComparison.Ordinal);
        using var doc = WordprocessingDocument.Open(new MemoryStream(Built("image-archive.yaml", "docx")), false);
        var mark = Assert.Single(doc.MainDocumentPart!.Document.Body!.Descendants<BookmarkStart>(), b => b.Name?.Value == DocxRenderer.AuthorKeyBookmarkPrefix + "vault_rejections");
        Assert.Contains("Association Rejection Reasons", mark.Ancestors<Paragraph>().Single().InnerText, StringComparison.Ordinal);
    }

    private const string Marked = "<!-- dcsc:table {\"id\":\"table-7-1\",\"key\":\"KEY\",\"landscape\":false} -->\nTable 7-1 Rejection Reasons\n\n| Result | Reason |\n| --- | --- |\n| 1 | 3 |\n\n<!-- dcsc:/table -->\n";

    [Fact]
    public void Renderers_refuse_a_marker_key_that_is_not_an_author_table_key()
    {
        Assert.Contains("data-key=\"my_table\"", HtmlRenderer.Render(Marked.Replace("KEY", "my_table")), StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => HtmlRenderer.Render(Marked.Replace("KEY", "x\\\"><script>")));
        Assert.Throws<FormatException>(() => DocxRenderer.Render(Marked.Replace("KEY", "Bad Key")));
    }

    [Fact]
    public void Docx_leaves_out_a_key_too_long_for_a_bookmark_name()
    {
        var key = new string('k', 31);
        using var doc = WordprocessingDocument.Open(new MemoryStream(DocxRenderer.Render(Marked.Replace("KEY", key))), false);
        Assert.DoesNotContain(doc.MainDocumentPart!.Document.Body!.Descendants<BookmarkStart>(), b => b.Name?.Value?.StartsWith(DocxRenderer.AuthorKeyBookmarkPrefix, StringComparison.Ordinal) == true);
    }

    /// <summary>A statement with one unstructured table in Section 7.1, its marker naming <paramref name="key"/>.</summary>
    private static string Statement(string key, string format)
    {
        var md = "# Acme Box 1.0 - DICOM Conformance Statement\n\n## 1 Overview\n\nAcme Box stores images.\n\n## 2 Table of Contents\n\n## 3 Introduction\n\n"
            + "## 7 Network and Media Communication Details\n\n### 7.1 General\n\n"
            + Marked.Replace("KEY", key) + "\n" + Marked.Replace("KEY", key).Replace("7-1", "7-2").Replace("| 1 | 3 |", "| 2 | 4 |");
        return format == "md" ? md : HtmlRenderer.Render(md);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("html")]
    public void Document_metadata_is_checked(string format)
    {
        // A valid key is taken once; the second table with the same key gets one made from its caption.
        var yaml = ImportedYaml(Encoding.UTF8.GetBytes(Statement("my_table", format)), format);
        Assert.Contains("- key: my_table", yaml, StringComparison.Ordinal);
        Assert.Contains("- key: rejection_reasons", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_no_author_table_key_is_not_taken()
    {
        var md = Statement("my_table", "md").Replace("\"key\":\"my_table\"", "\"key\":\"Bad: key\"");
        var yaml = ImportedYaml(Encoding.UTF8.GetBytes(md), "md");
        Assert.DoesNotContain("Bad", yaml, StringComparison.Ordinal);
        Assert.Contains("- key: rejection_reasons_2", yaml, StringComparison.Ordinal);
    }
}
