using System.Diagnostics;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Dcsc.Pipeline;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Dcsc.Tests.Render;

/// <summary>
/// Issue 16 acceptance on every bundled example: the PDF (WeasyPrint), the DOCX converted by LibreOffice and the
/// HTML printed by Chromium keep every UID, tag and AE Title on one line (<c>pdftotext -layout</c>); the PDF's table
/// of contents gives the pages its headings are on; its outline has one entry per numbered section, nested as the
/// sections are; it carries title, author and subject, embeds its fonts and is byte-identical when rebuilt.
/// The engines are real programs (.ci/run installs them): the tests fail, naming the package, when one is missing.
/// All examples are printed at once, in parallel, the first time a test needs them.
/// </summary>
public class PrintedOutputTests
{
    public static TheoryData<string> Examples() => new(Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml").Select(Path.GetFileName).Order()!);

    private sealed record Printed(BuildResult Build, string Html, byte[] Pdf, byte[] LibreOfficePdf, byte[] ChromiumPdf, IReadOnlyList<string> AeTitles);

    private static readonly Lazy<Dictionary<string, Task<Printed>>> All = new(() =>
        Directory.GetFiles(TestUtil.Repo("examples"), "*.yaml").Select(Path.GetFileName).Order()
            .ToDictionary(e => e!, e => Task.Run(() => Print(e!))));

    private static Printed Get(string example) => All.Value[example].GetAwaiter().GetResult();

    private static Printed Print(string example)
    {
        var path = TestUtil.Repo("examples", example);
        var r = Build.Run(path, new BuildOptions { Formats = new[] { "html", "docx", "pdf" } });
        Assert.True(r.Outputs is not null, string.Join("\n", r.Diagnostics));
        var html = System.Text.Encoding.UTF8.GetString(r.Outputs!.Single(o => o.Extension == "html").Content);
        var docx = r.Outputs!.Single(o => o.Extension == "docx").Content;
        var lo = Task.Run(() => Engines.LibreOfficePdf(docx));
        var chromium = Task.Run(() => Engines.ChromiumPdf(html));
        var check = Compilation.Check(path);
        var aeTitles = check.Statement!.ApplicationEntities.Select(a => a.AeTitle).OfType<string>().Distinct().ToList();
        var pdf = r.Outputs!.Single(o => o.Extension == "pdf").Content;
        Dump.Write(Path.ChangeExtension(example, ".pdf"), pdf);
        return new Printed(r, html, pdf, lo.GetAwaiter().GetResult(), chromium.GetAwaiter().GetResult(), aeTitles);
    }

    /// <summary>UIDs (under the ISO, ISO member-body and joint roots used in DICOM: 1.2, 1.3, 2.16, 2.25; section numbers are not UIDs), tags and AE Titles with how often the printed text of the HTML has each.</summary>
    private static Dictionary<string, int> Tokens(Printed p)
    {
        var doc = new HtmlParser().ParseDocument(p.Html);
        // The figures dcsc draws are pictures in the DOCX (no text): their AE Titles are not counted.
        foreach (var svg in doc.QuerySelectorAll("svg").ToList()) svg.Remove();
        var text = doc.Body!.TextContent;
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pattern in new[] { @"(?<![\d.])(?:1\.[23]|2\.16|2\.25)(?:\.\d+)+(?![\d.])", @"\([0-9A-Fa-f]{4},[0-9A-Fa-fxX]{4}\)" })
            foreach (System.Text.RegularExpressions.Match m in Regex.Matches(text, pattern)) tokens[m.Value] = tokens.GetValueOrDefault(m.Value) + 1;
        foreach (var ae in p.AeTitles) tokens[ae] = Count(text, ae);
        return tokens;
    }

    private static int Count(string text, string token)
    {
        int n = 0;
        for (int i = text.IndexOf(token, StringComparison.Ordinal); i >= 0; i = text.IndexOf(token, i + token.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    /// <summary>A token split over two lines (or columns) is found fewer times in the PDF's text than in the HTML.</summary>
    private static void AssertUnbroken(Printed p, byte[] pdf, string what)
    {
        var text = Engines.PdfToText(pdf);
        var tokens = Tokens(p);
        Assert.True(tokens.Count > 30, $"only {tokens.Count} UIDs, tags and AE Titles found");
        var broken = tokens.Where(t => Count(text, t.Key) < t.Value).Select(t => $"{t.Key} ({t.Value} in the HTML, {Count(text, t.Key)} in the PDF)").ToList();
        Assert.True(broken.Count == 0, $"{what}: broken over lines:\n" + string.Join("\n", broken.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Pdf_keeps_every_uid_tag_and_ae_title_on_one_line(string example)
    {
        var p = Get(example);
        AssertUnbroken(p, p.Pdf, "PDF (WeasyPrint)");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Docx_printed_by_libreoffice_keeps_every_uid_tag_and_ae_title_on_one_line(string example)
    {
        var p = Get(example);
        AssertUnbroken(p, p.LibreOfficePdf, "DOCX printed by LibreOffice");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Html_printed_by_chromium_keeps_every_uid_tag_and_ae_title_on_one_line(string example)
    {
        var p = Get(example);
        AssertUnbroken(p, p.ChromiumPdf, "HTML printed by Chromium");
    }

    private static readonly Regex SectionNumber = new(@"^(?:\d+|[A-E])(?:\.\d+)*$");

    /// <summary>Headings that are sections of the statement (numbered, or "Annexes"), with their depth.</summary>
    private static List<(int Level, string Text)> Sections(string markdown) =>
        Sample.MarkdownHeadings(markdown).Where(h => h.Text == "Annexes" || SectionNumber.IsMatch(h.Text.Split(' ')[0])).ToList();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Pdf_outline_has_one_entry_per_section_nested_as_the_sections(string example)
    {
        var p = Get(example);
        var expected = Sections(p.Build.Markdown!);
        using var pdf = PdfDocument.Open(p.Pdf);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks), "the PDF has no outline");
        var actual = new List<(int, string)>();
        void Walk(IEnumerable<BookmarkNode> nodes)
        {
            foreach (var n in nodes) { actual.Add((n.Level + 1, Sample.Norm(n.Title))); Walk(n.Children); }
        }
        Walk(bookmarks.Roots);
        Assert.Equal(expected, actual);
    }

    private static bool StartsEntry(string line) => Regex.IsMatch(line, @"^\s*(?:\d+|[A-E])(?:\.\d+)* \S");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Pdf_table_of_contents_gives_the_page_of_each_heading(string example)
    {
        var p = Get(example);
        var pages = Engines.PdfToText(p.Pdf).Split('\f');
        var entry = new Regex(@"^\s*((?:\d+|[A-E])(?:\.\d+)*) (.+?)\s*\.{3,}\s*(\d+)\s*$");
        var lines = pages.SelectMany(pg => pg.Split('\n')).ToList();
        var entries = new List<(string Number, string Title, int Page)>();
        for (int i = 0; i < lines.Count; i++)
        {
            var m = entry.Match(lines[i]);
            // A long entry wraps: its number starts one line, the leader and page number end the next.
            if (!m.Success && i + 1 < lines.Count && StartsEntry(lines[i]) && !StartsEntry(lines[i + 1]) && !lines[i].Contains("...", StringComparison.Ordinal))
                m = entry.Match(lines[i].TrimEnd() + " " + lines[i + 1].Trim());
            if (m.Success) entries.Add((m.Groups[1].Value, m.Groups[2].Value.Trim(), int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }
        var expected = Sections(p.Build.Markdown!).Where(s => s.Text != "Annexes" && s.Level <= 3).ToList();
        var listed = entries.DistinctBy(e => e.Number).ToList();
        Assert.Equal(expected.Select(s => s.Text.Split(' ')[0]), listed.Select(e => e.Number));
        foreach (var (number, title, page) in listed)
        {
            Assert.InRange(page, 1, pages.Length);
            var heading = number + " " + string.Concat(title.Take(12));
            Assert.True(pages[page - 1].Split('\n').Any(l => Sample.Norm(l).StartsWith(heading, StringComparison.Ordinal) && !l.Contains("....", StringComparison.Ordinal)),
                $"{example}: the table of contents puts \"{number} {title}\" on page {page}, but it is not there");
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Pdf_has_metadata_and_embedded_fonts(string example)
    {
        var p = Get(example);
        using var pdf = PdfDocument.Open(p.Pdf);
        var info = pdf.Information;
        Assert.StartsWith("DICOM Conformance Statement", info.Title);
        Assert.False(string.IsNullOrWhiteSpace(info.Author));
        Assert.StartsWith("DICOM Conformance Statement of", info.Subject);
        Assert.True(pdf.NumberOfPages > 20, $"{pdf.NumberOfPages} pages");
        var file = Engines.Temp(p.Pdf, ".pdf");
        string fonts;
        try { fonts = Engines.Run("pdffonts", file); }
        finally { File.Delete(file); }
        var rows = fonts.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Matches(@"\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", r));
        // The cover is page 1 without header; page 2 has the running header and "Page 2 of N".
        var second = Engines.PdfToText(p.Pdf).Split('\f')[1];
        Assert.Contains($"Page 2 of {pdf.NumberOfPages}", second);
        Assert.Contains(p.Build.Markdown!.Split('\n').First(l => l.StartsWith("**", StringComparison.Ordinal) && !l.Contains("DICOM", StringComparison.Ordinal)).Trim('*'), second);
    }

    private static string NoSpace(string s) => Regex.Replace(s, @"\s+", "");

    /// <summary>
    /// A page that a table runs on to says "Table 5-2 … (continued)" at its top (page header, Css.PagedMedia), and
    /// only such a page: the caption it repeats is on the page before (the caption itself or its continuation).
    /// </summary>
    [Theory]
    [MemberData(nameof(Examples))]
    public void Pdf_pages_a_table_continues_on_say_continued_and_no_other_page_does(string example)
    {
        var p = Get(example);
        var captions = new HtmlParser().ParseDocument(p.Html).QuerySelectorAll("tr[data-continued]")
            .Select(tr => NoSpace(tr.GetAttribute("data-continued")![..^" (continued)".Length])).Distinct().ToList();
        var pages = Engines.PdfToText(p.Pdf).Split('\f');
        int continued = 0;
        for (int i = 1; i < pages.Length; i++)
        {
            var top = NoSpace(string.Join(" ", pages[i].Split('\n').Where(l => l.Trim().Length > 0).Take(4)));
            if (!top.Contains("(continued)", StringComparison.Ordinal)) continue;
            var named = captions.Where(c => top.Contains(c + "(continued)", StringComparison.Ordinal)).ToList();
            Assert.True(named.Count > 0, $"{example} page {i + 1}: \"(continued)\" that names no table caption: {top}");
            var before = NoSpace(pages[i - 1]);
            Assert.True(named.Any(c => before.Contains(c, StringComparison.Ordinal)), $"{example} page {i + 1} says {named[0]} (continued), but page {i} does not have that table");
            continued++;
        }
        if (example == "ct-modality.yaml") Assert.True(continued > 0, "no continued table in the CT example");
    }

    [Fact]
    public void Wide_tables_are_on_landscape_pages()
    {
        var p = Get("ct-modality.yaml");
        using var pdf = PdfDocument.Open(p.Pdf);
        var landscape = pdf.GetPages().Where(pg => pg.Width > pg.Height).ToList();
        Assert.NotEmpty(landscape);
        Assert.Contains(landscape, pg => pg.Text.Contains("Table 1-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_rebuild_is_byte_identical()
    {
        var p = Get("web-viewer.yaml");
        var again = Build.Run(TestUtil.Repo("examples", "web-viewer.yaml"), new BuildOptions { Formats = new[] { "pdf" } });
        Assert.True(again.Outputs is not null, string.Join("\n", again.Diagnostics));
        Assert.True(p.Pdf.AsSpan().SequenceEqual(again.Outputs!.Single().Content), "two builds of the same statement give different PDFs");
    }

    [Fact]
    public void A_missing_pdf_engine_is_an_error_that_names_the_package_and_nothing_is_written()
    {
        var r = Build.RunText("s.yaml", Minimal.Yaml, new BuildOptions { Formats = new[] { "md", "pdf" }, PdfEngine = "/nonexistent/weasyprint" });
        Assert.Null(r.Outputs);
        var d = Assert.Single(r.Diagnostics, x => x.Id == "DCS9006");
        Assert.Contains("apt-get install weasyprint", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_pdf_engine_is_an_error_with_its_message()
    {
        if (OperatingSystem.IsWindows()) return; // the fake engine is a shell script
        using var dir = new TestUtil.TempDir();
        var fake = dir.File("fake-engine", "#!/bin/sh\necho 'cannot render: broken' >&2\nexit 7\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var r = Build.RunText("s.yaml", Minimal.Yaml, new BuildOptions { Formats = new[] { "pdf" }, PdfEngine = fake });
        Assert.Null(r.Outputs);
        var d = Assert.Single(r.Diagnostics, x => x.Id == "DCS9006");
        Assert.Contains("exit code 7", d.Message, StringComparison.Ordinal);
        Assert.Contains("cannot render: broken", d.Message, StringComparison.Ordinal);
    }
}

/// <summary>The external programs the printed-output tests drive; each fails with the package to install.</summary>
internal static class Engines
{
    public static string Temp(byte[] content, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), "dcsc-print-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static string? Find(params string[] names)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var n in names)
                if (File.Exists(Path.Combine(dir, n))) return Path.Combine(dir, n);
        return null;
    }

    public static string Run(string program, params string[] args)
    {
        var exe = Find(program) ?? throw new Xunit.Sdk.XunitException($"`{program}` is not installed (Debian: apt-get install poppler-utils)");
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{program} failed: {err.Result}");
        return output;
    }

    public static string PdfToText(byte[] pdf)
    {
        var file = Temp(pdf, ".pdf");
        try { return Run("pdftotext", "-layout", "-enc", "UTF-8", file, "-"); }
        finally { File.Delete(file); }
    }

    private static byte[] RunToFile(string exe, IEnumerable<string> args, string output, string dir)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dir };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var so = p.StandardOutput.ReadToEndAsync();
        var se = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{exe} did not finish within 5 minutes");
        }
        Assert.True(File.Exists(output), $"{exe} wrote no PDF (exit {p.ExitCode}): {so.Result} {se.Result}");
        return File.ReadAllBytes(output);
    }

    public static byte[] LibreOfficePdf(byte[] docx)
    {
        var soffice = Find("soffice", "libreoffice") ?? throw new Xunit.Sdk.XunitException(
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui");
        var dir = Path.Combine(Path.GetTempPath(), "dcsc-lo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var input = Path.Combine(dir, "statement.docx");
            File.WriteAllBytes(input, docx);
            var profile = new Uri(Path.Combine(dir, "profile")).AbsoluteUri;
            return RunToFile(soffice, new[] { "-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, input },
                Path.Combine(dir, "statement.pdf"), dir);
        }
        finally { try { Directory.Delete(dir, true); } catch (IOException) { } }
    }

    public static byte[] ChromiumPdf(string html)
    {
        var chromium = Find("chromium", "chromium-browser", "google-chrome") ?? throw new Xunit.Sdk.XunitException(
            "Chromium is not installed: apt-get install chromium");
        var dir = Path.Combine(Path.GetTempPath(), "dcsc-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var input = Path.Combine(dir, "statement.html");
            File.WriteAllText(input, html);
            var output = Path.Combine(dir, "statement.pdf");
            return RunToFile(chromium, new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=" + Path.Combine(dir, "profile"),
                "--print-to-pdf=" + output, new Uri(input).AbsoluteUri,
            }, output, dir);
        }
        finally { try { Directory.Delete(dir, true); } catch (IOException) { } }
    }
}
