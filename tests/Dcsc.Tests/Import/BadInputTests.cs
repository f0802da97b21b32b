using System.Diagnostics;
using System.Text;
using Dcsc.Cli;
using Dcsc.Import;

namespace Dcsc.Tests.Import;

/// <summary>Bad and hostile input for dcsc import: a clear DCS9101 message, no stack trace, no output, bounded time and memory (docs/limits.md).</summary>
public class BadInputTests
{
    private static (int Code, string Err) Cli(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CommandLine.Run(args, o, e);
        return (code, e.ToString());
    }

    private static void AssertRefused(string file, string expected)
    {
        using var dir = new TempDir();
        var outDir = Path.Combine(dir.Path, "out");
        var (code, err) = Cli("import", file, "-o", outDir);
        Assert.Equal(1, code);
        Assert.Contains("error DCS9101", err);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("   at ", err);
        Assert.False(Directory.Exists(outDir), "nothing may be written");
    }

    [Fact]
    public void Text_that_is_not_a_statement_is_refused()
    {
        using var dir = new TempDir();
        var f = Path.Combine(dir.Path, "minutes.md");
        File.WriteAllText(f, "# Meeting minutes\n\n## Attendees\n\nAlice, Bob.\n\n## Decisions\n\n| item | owner |\n| --- | --- |\n| lunch | Bob |\n");
        AssertRefused(f, "does not look like a DICOM Conformance Statement");
    }

    [Fact]
    public void Corrupt_docx_is_refused()
    {
        using var dir = new TempDir();
        var f = Path.Combine(dir.Path, "broken.docx");
        File.WriteAllBytes(f, Encoding.ASCII.GetBytes("PK\u0003\u0004 this is not really a zip archive"));
        AssertRefused(f, "not a .docx");
    }

    [Fact]
    public void Password_protected_docx_is_refused_with_the_reason()
    {
        using var dir = new TempDir();
        var f = Path.Combine(dir.Path, "protected.docx");
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        File.WriteAllBytes(f, bytes);
        AssertRefused(f, "password-protected");
    }

    [Fact]
    public void Zip_that_is_not_a_word_document_is_refused()
    {
        using var dir = new TempDir();
        var f = Path.Combine(dir.Path, "archive.docx");
        using (var zip = System.IO.Compression.ZipFile.Open(f, System.IO.Compression.ZipArchiveMode.Create))
            using (var w = new StreamWriter(zip.CreateEntry("readme.txt").Open())) w.Write("hello");
        AssertRefused(f, "not a Word document");
    }

    [Fact]
    public void Zip_bomb_docx_is_refused_before_it_is_unpacked()
    {
        using var dir = new TempDir();
        var f = Path.Combine(dir.Path, "bomb.docx");
        using (var zip = System.IO.Compression.ZipFile.Open(f, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var s = zip.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 12; i++) s.Write(zeros);
        }
        var limits = new ImportLimits { MaxUnpackedBytes = 8L << 20 };
        var e = Assert.Throws<ImportException>(() => Importer.Import(f, limits));
        Assert.Contains("unpacks to more than 8 MB", e.Message);
    }

    [Fact]
    public void Encrypted_pdf_is_refused()
    {
        using var dir = new TempDir();
        var f = Path.Combine(dir.Path, "encrypted.pdf");
        File.WriteAllBytes(f, EncryptedPdf());
        AssertRefused(f, "encrypted PDF");
    }

    [Fact]
    public void Binary_file_with_a_text_extension_is_refused()
    {
        using var dir = new TempDir();
        var f = Path.Combine(dir.Path, "image.md");
        File.WriteAllBytes(f, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0 });
        AssertRefused(f, "not a text file");
    }

    [Fact]
    public void Unknown_extension_and_missing_file_and_directory_are_refused()
    {
        using var dir = new TempDir();
        var odt = Path.Combine(dir.Path, "statement.odt");
        File.WriteAllText(odt, "x");
        AssertRefused(odt, "reads .docx");
        AssertRefused(Path.Combine(dir.Path, "missing.docx"), "does not exist");
        var folder = Path.Combine(dir.Path, "folder.md");
        Directory.CreateDirectory(folder);
        AssertRefused(folder, "is a directory");
    }

    [Fact]
    public void File_over_the_size_limit_is_refused_without_reading_it()
    {
        using var dir = new TempDir();
        var f = Path.Combine(dir.Path, "big.txt");
        File.WriteAllText(f, new string('x', 4096));
        var e = Assert.Throws<ImportException>(() => Importer.Import(f, new ImportLimits { MaxFileBytes = 1024 }));
        Assert.Contains("reads at most", e.Message);
    }

    [Fact]
    public void Table_over_the_cell_limit_is_refused()
    {
        using var dir = new TempDir();
        var f = Path.Combine(dir.Path, "wide.html");
        var sb = new StringBuilder("<h1>1 Overview</h1><h1>3 Introduction</h1><h1>4 Implementation Model</h1><table>");
        for (int r = 0; r < 50; r++) sb.Append("<tr>").Append(string.Concat(Enumerable.Repeat("<td colspan=\"1000\">x</td>", 10))).Append("</tr>");
        File.WriteAllText(f, sb.Append("</table>").ToString());
        var e = Assert.Throws<ImportException>(() => Importer.Import(f));
        Assert.Contains("cells", e.Message);
    }

    [Fact]
    public void Existing_project_is_not_replaced_without_force()
    {
        using var dir = new TempDir();
        var src = Path.Combine(dir.Path, "statement.md");
        File.WriteAllText(src, "Acme Tiny 1.0\n\n# 1 Overview\n\nAcme Tiny stores images.\n\n# 3 Introduction\n\n## 3.2 Audience\n\nEngineers.\n\n# 4 Implementation Model\n\nOne AE.\n");
        var outDir = Path.Combine(dir.Path, "project");
        Assert.Equal(0, Cli("import", src, "-o", outDir).Code);
        File.WriteAllText(Path.Combine(outDir, "statement.yaml"), "# edited by the author\n");
        var (code, err) = Cli("import", src, "-o", outDir);
        Assert.Equal(1, code);
        Assert.Contains("error DCS9102", err);
        Assert.Equal("# edited by the author\n", File.ReadAllText(Path.Combine(outDir, "statement.yaml")));
        Assert.Equal(0, Cli("import", src, "-o", outDir, "--force").Code);
        Assert.StartsWith("# yaml-language-server", File.ReadAllText(Path.Combine(outDir, "statement.yaml")));
    }

    [Fact]
    public void Five_hundred_page_statement_imports_in_bounded_time_and_memory()
    {
        // pdftotext -layout text of a 500-page statement: running header and footer on every page, a section with a
        // 20-row SOP Class table per page.
        var sb = new StringBuilder();
        sb.Append("                       DICOM Conformance Statement\n\n                          Acme Giant 1.0\n\f");
        sb.Append("1 Overview\n\nAcme Giant archives everything.\n\n3 Introduction\n\n3.2 Audience\n\nEveryone.\n\n");
        for (int p = 1; p <= 500; p++)
        {
            sb.Append($"Acme Giant 1.0 DICOM Conformance Statement                         Rev. 1\n\n");
            sb.Append($"{(p == 1 ? "9" : "9." + p)} Added Section {p}\n\nText of page {p} that says little.\n\n");
            sb.Append($"Table 9-{p} SOP Classes of page {p}\n");
            sb.Append("SOP Class Name                              SOP Class UID                        SCU    SCP\n");
            for (int r = 0; r < 20; r++) sb.Append($"Private Thing {p}.{r}                        1.2.840.10008.5.1.4.1.1.{p}.{r}           Y      N\n");
            sb.Append($"\n                                  Page {p} of 500\n\f");
        }
        using var dir = new TempDir();
        var f = Path.Combine(dir.Path, "giant.txt");
        File.WriteAllText(f, sb.ToString());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        var result = Importer.Import(f);
        sw.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60), $"took {sw.Elapsed}");
        Assert.True(allocated < 4L << 30, $"allocated {allocated >> 20} MB");
        var yaml = Encoding.UTF8.GetString(result.Files[0].Content);
        Assert.DoesNotContain("Page 7 of 500", yaml);
        Assert.Equal(500, result.Report.Tables.Count);
        Assert.Contains("Text of page 499", yaml);
    }

    /// <summary>A one-page PDF whose trailer names a Standard security handler: a reader needs a password.</summary>
    internal static byte[] EncryptedPdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> >>",
        };
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(sb.ToString()));
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(sb.ToString());
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
