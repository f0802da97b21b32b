using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Dcsc.Output;
using Dcsc.Render.Docx;
using Dcsc.Source;

namespace Dcsc.Tests.Robustness;

/// <summary>
/// Issue 14: inputs that are not regular files (FIFOs, <c>/dev/zero</c>), outputs that are symbolic links, and
/// messages for malformed baselines and configurations. FIFOs and links are created by the tests.
/// </summary>
[Collection(RobustnessCollection.Name)]
public class HostileFileTests
{
    private static string Example => File.ReadAllText(TestUtil.Repo("examples", "web-viewer.yaml"));

    /// <summary>Makes <paramref name="path"/> a FIFO ("fifo"), a link to /dev/zero ("zero") or a link to /dev/null ("null").</summary>
    internal static void MakeSpecial(string path, string kind)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path)) File.Delete(path);
        switch (kind)
        {
            case "fifo":
                using (var p = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!) p.WaitForExit();
                Assert.True(File.Exists(path), "mkfifo failed");
                break;
            case "zero": File.CreateSymbolicLink(path, "/dev/zero"); break;
            case "null": File.CreateSymbolicLink(path, "/dev/null"); break;
            default: throw new ArgumentException(kind);
        }
    }

    /// <summary>Runs the CLI on a worker thread so that a hang on a FIFO fails the test instead of blocking it forever.</summary>
    private static CliOutcome RunGuarded(Sandbox box, params string[] args)
    {
        var task = Task.Run(() => box.RunChecked(args));
        Assert.True(task.Wait(TimeSpan.FromSeconds(10)), "dcsc " + string.Join(' ', args) + " hung");
        return task.Result;
    }

    [Theory]
    [InlineData("fifo", "a FIFO")]
    [InlineData("zero", "a character device")]
    public void Statement_that_is_not_a_regular_file(string kind, string what)
    {
        using var box = new Sandbox();
        var s = Path.Combine(box.Project, "s.yaml");
        MakeSpecial(s, kind);
        var r = RunGuarded(box, "lint", s);
        Sandbox.AssertDiagnostic(r, "DCS0001", s, null);
        Assert.Contains(what, r.Out);
        r = RunGuarded(box, "build", s, "-o", box.Out);
        Sandbox.AssertDiagnostic(r, "DCS0001", s, null);
        Assert.Empty(Directory.GetFileSystemEntries(box.Out));
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("zero")]
    public void Include_that_is_not_a_regular_file(string kind)
    {
        using var box = new Sandbox();
        var main = box.Write("s.yaml", "product:\n  name: Acme\n  version: \"1.0\"\n  description: !include part.md\n");
        MakeSpecial(Path.Combine(box.Project, "part.md"), kind);
        var r = RunGuarded(box, "lint", main);
        // A link to /dev/zero leaves the project folder (DCS0009); a FIFO inside it is not a regular file.
        Sandbox.AssertDiagnostic(r, kind == "fifo" ? "DCS0001" : "DCS0009", main, 4, 16);
        Assert.Contains(kind == "fifo" ? "not a regular file" : "points outside the project folder", r.Out);
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("zero")]
    public void Config_found_automatically_that_is_not_a_regular_file(string kind)
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Minimal.Yaml);
        var config = Path.Combine(box.Project, "dcsc.yaml");
        MakeSpecial(config, kind);
        var r = RunGuarded(box, "lint", s);
        Sandbox.AssertDiagnostic(r, "DCS9003", config, null);
        Assert.Contains("not a regular file", r.Out);
    }

    [Fact]
    public void Config_option_dev_null_names_the_file_and_the_problem()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Minimal.Yaml);
        var r = RunGuarded(box, "lint", s, "--config", "/dev/null");
        Sandbox.AssertDiagnostic(r, "DCS9003", "/dev/null", null);
        Assert.Contains("character device", r.Out);
        Assert.DoesNotContain("statement is empty", r.Out);
    }

    [Fact]
    public void An_empty_config_file_sets_nothing()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Minimal.Yaml);
        var config = box.Write("dcsc.yaml", "# nothing configured yet\n");
        var r = RunGuarded(box, "lint", s, "--config", config);
        Assert.True(r.Code == 0, r.ToString());
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("zero")]
    public void Baseline_that_is_not_a_regular_file(string kind)
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Minimal.Yaml);
        var baseline = Path.Combine(box.Project, "baseline.json");
        MakeSpecial(baseline, kind);
        var r = RunGuarded(box, "lint", s, "--baseline", baseline);
        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains(baseline, r.Err);
        Assert.Contains("not a regular file", r.Err);
    }

    [Theory]
    [InlineData("{\"version\":\"1\",\"findings\":[]}", "`version` must be the number 1, not the string \"1\"")]
    [InlineData("{\"version\":1e400,\"findings\":[]}", "unsupported baseline version 1e400; this dcsc reads version 1")]
    [InlineData("{\"version\":2,\"findings\":[]}", "unsupported baseline version 2; this dcsc reads version 1")]
    public void Baseline_version_messages_name_the_file_and_the_problem(string json, string message)
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Minimal.Yaml);
        var baseline = box.Write("baseline.json", json);
        var r = RunGuarded(box, "lint", s, "--baseline", baseline);
        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains($"dcsc: {baseline}: {message}", r.Err);
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("zero")]
    public void Reference_doc_that_is_not_a_regular_file(string kind)
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Minimal.Yaml);
        var reference = Path.Combine(box.Project, "company.docx");
        MakeSpecial(reference, kind);
        var r = RunGuarded(box, "build", s, "-o", box.Out, "--format", "docx", "--reference-doc", reference);
        Sandbox.AssertDiagnostic(r, "DCS9004", reference, null);
        Assert.Contains("not a regular file", r.Out);
        Assert.Empty(Directory.GetFileSystemEntries(box.Out));
    }

    [Fact]
    public void Exactly_500_includes_are_accepted_and_the_501st_is_refused()
    {
        using var box = new Sandbox();
        string Statement(int n)
        {
            var sb = new StringBuilder("product:\n  name: Acme\n  version: \"1.0\"\n  description: x\nx_parts:\n");
            for (int i = 0; i < n; i++) sb.Append("  - !include part.yaml\n");
            return sb.ToString();
        }
        box.Write("part.yaml", "text\n");
        var main = box.Write("s.yaml", Statement(500));
        var r = box.RunChecked("lint", main);
        Assert.DoesNotContain("DCS0008", r.Out); // (the unknown key x_parts is reported by the schema stage)
        main = box.Write("s.yaml", Statement(501));
        r = box.RunChecked("lint", main);
        Sandbox.AssertDiagnostic(r, "DCS0008", main, 5 + 501);
        Assert.Contains("more than 500 files", r.Out);
    }

    [Fact]
    public void Bounded_reader_counts_the_bytes_it_reads_not_the_reported_size()
    {
        using var box = new Sandbox();
        var f = box.Write("f.bin", new byte[1000]);
        Assert.True(BoundedFile.Read(f, 1000).Ok);
        var r = BoundedFile.Read(f, 999);
        Assert.Equal(FileReadProblem.TooLarge, r.Problem);
        Assert.Null(r.Bytes);
        Assert.Equal(FileReadProblem.NotRegular, BoundedFile.Read("/dev/zero", 1 << 20).Problem);
        Assert.Equal(FileReadProblem.Missing, BoundedFile.Read(Path.Combine(box.Project, "nope"), 10).Problem);
        Assert.Equal(FileReadProblem.Folder, BoundedFile.Read(box.Project, 10).Problem);
    }

    // ------------------------------------------------------------------ outputs (point 5)

    private static string[] Build(Sandbox box, string statement, string? outDir = null) =>
        new[] { "build", statement, "-o", outDir ?? box.Out, "--format", "md,html" };

    [Fact]
    public void Output_folder_that_is_a_symlink_is_refused()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Example);
        var target = Path.Combine(box.Outside, "published");
        Directory.CreateDirectory(target);
        var link = Path.Combine(box.Root, "out", "site");
        Directory.CreateSymbolicLink(link, target);
        var r = box.RunChecked(Build(box, s, link));
        Assert.True(r.Code == 1, r.ToString());
        Assert.Contains("error DCS9001", r.Err);
        Assert.Contains("symbolic link", r.Err);
        Assert.Empty(Directory.GetFileSystemEntries(target));
    }

    [Fact]
    public void Output_file_that_is_a_link_to_dev_zero_is_refused_without_reading_it()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Example);
        Assert.Equal(0, box.RunChecked(Build(box, s)).Code);
        var md = Path.Combine(box.Out, "s.md");
        File.Delete(md);
        File.CreateSymbolicLink(md, "/dev/zero");
        var html = File.ReadAllBytes(Path.Combine(box.Out, "s.html"));
        var r = box.RunChecked(Build(box, s));
        Assert.True(r.Code == 1, r.ToString());
        Assert.Contains("is a symbolic link", r.Err);
        Assert.Equal("/dev/zero", new FileInfo(md).LinkTarget);
        Assert.Equal(html, File.ReadAllBytes(Path.Combine(box.Out, "s.html")));
        Assert.Equal(new[] { "s.figure-1-1.svg", "s.figure-4-1.svg", "s.html", "s.md" }, Directory.GetFileSystemEntries(box.Out).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Output_file_that_is_a_link_to_a_secret_never_gets_its_content_copied()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Example);
        var secret = Path.Combine(box.Outside, "secret.yaml");
        File.CreateSymbolicLink(Path.Combine(box.Out, "s.html"), secret);
        var r = box.RunChecked(Build(box, s));
        Assert.True(r.Code == 1, r.ToString());
        Assert.Equal(secret, new FileInfo(Path.Combine(box.Out, "s.html")).LinkTarget);
        Assert.False(File.Exists(Path.Combine(box.Out, "s.md")));
        Assert.Equal("name: secret\n", File.ReadAllText(secret));
    }

    [Fact]
    public void A_target_swapped_for_a_link_while_writing_is_refused_and_rolled_back_without_reading_the_link()
    {
        // The check just before each rename (not only the one before writing) and the rename-based rollback.
        using var box = new Sandbox();
        var a = Path.Combine(box.Out, "a.md");
        var b = Path.Combine(box.Out, "b.html");
        File.WriteAllText(a, "old a");
        File.WriteAllText(b, "old b");
        var secret = Path.Combine(box.Outside, "secret.yaml");
        int created = 0;
        Stream Create(string temp)
        {
            if (++created == 2) { File.Delete(b); File.CreateSymbolicLink(b, secret); }
            return new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
        }
        Assert.Throws<OutputRefusedException>(() => AtomicFileWriter.WriteAll([(a, "new a"u8.ToArray()), (b, "new b"u8.ToArray())], Create));
        Assert.Equal("old a", File.ReadAllText(a));
        Assert.Equal(secret, new FileInfo(b).LinkTarget);
        Assert.Equal(new[] { "a.md", "b.html" }, Directory.GetFileSystemEntries(box.Out).Select(Path.GetFileName).Order());
        Assert.Equal("name: secret\n", File.ReadAllText(secret));
    }

    [Fact]
    public void A_failing_rename_restores_the_targets_already_replaced()
    {
        using var box = new Sandbox();
        var a = Path.Combine(box.Out, "a.md");
        var b = Path.Combine(box.Out, "b.html");
        File.WriteAllText(a, "old a");
        int created = 0;
        Stream Create(string temp)
        {
            // A folder appears where the second target goes after the checks: its rename fails.
            if (++created == 2) Directory.CreateDirectory(Path.Combine(b, "x"));
            return new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
        }
        Assert.ThrowsAny<IOException>(() => AtomicFileWriter.WriteAll([(a, "new a"u8.ToArray()), (b, "new b"u8.ToArray())], Create));
        Assert.Equal("old a", File.ReadAllText(a));
        Assert.True(Directory.Exists(b));
        Assert.Equal(new[] { "a.md", "b.html" }, Directory.GetFileSystemEntries(box.Out).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Lint_report_into_a_link_is_refused()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Minimal.Yaml);
        var report = Path.Combine(box.Out, "summary.md");
        File.CreateSymbolicLink(report, Path.Combine(box.Outside, "secret.yaml"));
        var r = box.RunChecked("lint", s, "--format", "markdown=" + report);
        Assert.True(r.Code == 1, r.ToString());
        Assert.Contains("DCS9001", r.Err);
        Assert.Equal("name: secret\n", File.ReadAllText(Path.Combine(box.Outside, "secret.yaml")));
    }

    // ------------------------------------------------------------------ reference .docx (point 4)

    private static byte[] ReferenceWith(params (string Name, byte[] Content)[] parts)
    {
        var ms = new MemoryStream();
        ms.Write(DocxRenderer.Render("# 1 X\n"));
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                zip.GetEntry(name)?.Delete();
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(content);
            }
        }
        return ms.ToArray();
    }

    private static byte[] WithRelationship(byte[] docx, string type, string target, string contentType)
    {
        var ms = new MemoryStream();
        ms.Write(docx);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            void Edit(string name, Func<string, string> f)
            {
                var e = zip.GetEntry(name)!;
                string text;
                using (var r = new StreamReader(e.Open())) text = r.ReadToEnd();
                e.Delete();
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(f(text));
            }
            Edit("word/_rels/document.xml.rels", t => t.Replace("</Relationships>",
                $"<Relationship Id=\"rIdX{type}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{type}\" Target=\"{target}\"/></Relationships>"));
            Edit("[Content_Types].xml", t => t.Replace("</Types>", $"<Override PartName=\"/word/{target}\" ContentType=\"{contentType}\"/></Types>"));
        }
        return ms.ToArray();
    }

    private CliOutcome BuildWithReference(Sandbox box, byte[] reference, bool child = false)
    {
        var s = box.Write("s.yaml", Minimal.Yaml);
        var path = box.Write("company.docx", reference);
        var args = new[] { "build", s, "-o", box.Out, "--format", "md,docx", "--reference-doc", path };
        if (!child) return box.RunChecked(args);
        // The child's GC heap is capped at 300 MB; its time is bounded by ChildProcess's timeout (it pays the runtime's
        // start-up, which a loaded CI machine stretches; the in-process cases check the 5 s budget).
        var r = ChildProcess.Run(args, heapLimitBytes: 300L * 1024 * 1024);
        Sandbox.AssertNoStackTrace(r);
        return r;
    }

    [Fact]
    public void Reference_doc_whose_styles_nest_50000_elements_is_a_diagnostic_not_a_stack_overflow()
    {
        using var box = new Sandbox();
        var deep = new StringBuilder("<?xml version=\"1.0\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        for (int i = 0; i < 50_000; i++) deep.Append("<w:x>");
        for (int i = 0; i < 50_000; i++) deep.Append("</w:x>");
        deep.Append("</w:styles>");
        var r = BuildWithReference(box, ReferenceWith(("word/styles.xml", Encoding.UTF8.GetBytes(deep.ToString()))), child: true);
        Assert.True(r.Code == 1, r.ToString());
        Assert.Contains("error DCS9004", r.Out);
        Assert.Contains("more than 100 levels deep", r.Out);
        Assert.Empty(Directory.GetFileSystemEntries(box.Out));
    }

    [Fact]
    public void Reference_doc_zip_bomb_is_refused_and_parts_dcsc_does_not_use_are_never_inflated()
    {
        using var box = new Sandbox();
        var huge = new byte[100 * 1024 * 1024];
        Array.Fill(huge, (byte)' ');
        var bomb = ReferenceWith(("word/media/unused.bin", huge));
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"{bomb.Length} bytes");
        var r = BuildWithReference(box, bomb);
        Assert.True(r.Code == 0, r.ToString()); // the unused part is never read

        // styles.xml that inflates to 100 MB
        var styles = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        styles.CopyTo(huge, 0);
        r = BuildWithReference(box, ReferenceWith(("word/styles.xml", huge)), child: true);
        Assert.True(r.Code == 1, r.ToString());
        Assert.Contains("inflates to more than 8,388,608 bytes", r.Out);
    }

    [Fact]
    public void Reference_doc_larger_than_the_cap_is_refused_unread()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Minimal.Yaml);
        var path = Path.Combine(box.Project, "big.docx");
        using (var fs = File.Create(path)) fs.SetLength(ReferenceDocument.MaxPackageBytes + 1);
        var r = box.RunChecked("build", s, "-o", box.Out, "--format", "docx", "--reference-doc", path);
        Sandbox.AssertDiagnostic(r, "DCS9004", path, null);
        Assert.Contains("the limit is 16,777,216 bytes", r.Out);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE a:theme [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">&x;</a:theme>", "has a DTD")]
    [InlineData("this is not XML at all", "is not well-formed XML")]
    [InlineData("<?xml version=\"1.0\"?><a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"x\"><a:bogus/></a:theme>", "theme part is not valid Office Open XML")]
    public void Reference_doc_with_a_hostile_or_invalid_theme_is_refused(string theme, string message)
    {
        using var box = new Sandbox();
        var reference = WithRelationship(ReferenceWith(("word/theme/theme1.xml", Encoding.UTF8.GetBytes(theme))),
            "theme", "theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml");
        var r = BuildWithReference(box, reference);
        Assert.True(r.Code == 1, r.ToString());
        Assert.Contains("error DCS9004", r.Out);
        Assert.Contains(message, r.Out);
        Assert.DoesNotContain("root:", r.All);
        Assert.Empty(Directory.GetFileSystemEntries(box.Out));
    }

    [Fact]
    public void Reference_doc_styles_with_elements_out_of_schema_order_are_kept_without_them()
    {
        // pandoc's own reference.docx has tcBorders after vAlign in a table style: Word accepts it, the schema does not.
        using var box = new Sandbox();
        var own = DocxRenderer.Render("# 1 X\n");
        string styles;
        using (var zip = new ZipArchive(new MemoryStream(own)))
        using (var r = new StreamReader(zip.GetEntry("word/styles.xml")!.Open())) styles = r.ReadToEnd();
        styles = styles.Replace("</w:styles>", "<w:style w:type=\"table\" w:styleId=\"PandocTable\"><w:name w:val=\"Pandoc Table\"/><w:tblStylePr w:type=\"firstRow\"><w:tcPr><w:vAlign w:val=\"bottom\"/><w:tcBorders><w:bottom w:val=\"single\"/></w:tcBorders></w:tcPr></w:tblStylePr></w:style></w:styles>");
        var r2 = BuildWithReference(box, ReferenceWith(("word/styles.xml", Encoding.UTF8.GetBytes(styles))));
        Assert.True(r2.Code == 0, r2.ToString());
        var docx = File.ReadAllBytes(Path.Combine(box.Out, "s.docx"));
        ContentTests.AssertValidDocx(docx);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var kept = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>().Single(x => x.StyleId == "PandocTable");
        Assert.Contains("bottom", kept.OuterXml); // the vAlign stays; only the misplaced borders went
        Assert.DoesNotContain("tcBorders", kept.OuterXml);
    }

    [Fact]
    public void Reference_doc_font_table_pointing_at_embedded_fonts_still_gives_a_valid_docx()
    {
        using var box = new Sandbox();
        const string fonts = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
              <w:font w:name="Company Sans"><w:embedRegular r:id="rIdFont1" w:fontKey="{00000000-0000-0000-0000-000000000000}"/></w:font>
            </w:fonts>
            """;
        var reference = WithRelationship(ReferenceWith(("word/fontTable.xml", Encoding.UTF8.GetBytes(fonts))),
            "fontTable", "fontTable.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
        var r = BuildWithReference(box, reference);
        Assert.True(r.Code == 0, r.ToString());
        var docx = File.ReadAllBytes(Path.Combine(box.Out, "s.docx"));
        ContentTests.AssertValidDocx(docx);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var table = doc.MainDocumentPart!.FontTablePart!;
        Assert.Contains("Company Sans", new StreamReader(table.GetStream()).ReadToEnd());
        Assert.DoesNotContain("embedRegular", new StreamReader(table.GetStream()).ReadToEnd());
    }
}

/// <summary>
/// Issue 14, point 8: memory on large legal input. The loader's limits are set so that the largest statement they
/// accept builds to all three formats within a 300 MB heap (measured in a child process whose GC heap is capped).
/// </summary>
[Collection(RobustnessCollection.Name)]
public class LargeInputMemoryTests
{
    private const long HeapLimit = 300L * 1024 * 1024;

    private static string RevisionRows(int rows)
    {
        var sb = new StringBuilder("revision_history:\n");
        for (int i = 1; i <= rows; i++)
            sb.Append("  - {revision: \"").Append(i).Append(".0\", date: 2024-03-15, product_versions: \"5.").Append(i).Append("\", change: Changed ").Append(i).Append(".}\n");
        return sb.ToString();
    }

    [Fact]
    public void Revision_history_of_75000_rows_is_refused_quickly()
    {
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Minimal.Yaml + "\n" + RevisionRows(75_000));
        Assert.True(new FileInfo(s).Length > 7_000_000);
        var r = ChildProcess.Run(new[] { "build", s, "-o", box.Out, "--format", "md,html,docx" }, HeapLimit, timeoutMs: 60_000);
        Assert.True(r.Code == 1, r.ToString());
        Sandbox.AssertNoStackTrace(r);
        Assert.Contains($"{s}: error DCS0006", r.Out);
        Assert.Empty(Directory.GetFileSystemEntries(box.Out));
    }

    [Fact]
    public void The_most_values_the_limits_accept_build_within_a_300_MB_heap()
    {
        // 20,000 rows: 180,000 values (the limit is 250,000), 1.9 MB (the limit is 2 MiB).
        using var box = new Sandbox();
        var s = box.Write("s.yaml", Minimal.Yaml + "\n" + RevisionRows(20_000));
        Assert.InRange(new FileInfo(s).Length, 1_800_000, 2_000_000);
        var r = ChildProcess.Run(new[] { "build", s, "-o", box.Out, "--format", "md,html,docx" }, HeapLimit, timeoutMs: 120_000);
        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal(5, Directory.GetFiles(box.Out).Length); // md, html, docx and the figures 1-1 and 4-1 (SVG)
        // Past the value limit the loader refuses, before any stage holds the statement.
        box.Write("s.yaml", Minimal.Yaml + "\n" + RevisionRows(20_000) + "x_more: [" + string.Concat(Enumerable.Repeat("1,", 71_000)) + "1]\n");
        r = Sandbox.Run("lint", s);
        Sandbox.AssertDiagnostic(r, "DCS0004", s, Sandbox.AnyLine);
        Assert.Contains("more than 250,000 values", r.Out);
    }

    [Fact]
    public void The_most_text_the_limits_accept_builds_within_a_300_MB_heap()
    {
        // 2,000,000 characters of Markdown (the limit is 2,097,152), in paragraphs with emphasis, links and code.
        using var box = new Sandbox();
        const string sentence = "Some **bold** text, a [link](https://example.com) and `code` in a paragraph that goes on. ";
        var para = string.Concat(Enumerable.Repeat(sentence, 10));
        var paragraphs = 2_000_000 / (para.Length + 6);
        var text = new StringBuilder();
        for (int i = 0; i < paragraphs; i++) text.Append("    ").Append(para).Append("\n\n");
        var s = box.Write("s.yaml", Minimal.Yaml.Replace("  description: A test product.", "  description: |\n" + text));
        var r = ChildProcess.Run(new[] { "build", s, "-o", box.Out, "--format", "md,html,docx" }, HeapLimit, timeoutMs: 120_000);
        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal(5, Directory.GetFiles(box.Out).Length); // md, html, docx and the figures 1-1 and 4-1 (SVG)
    }
}
