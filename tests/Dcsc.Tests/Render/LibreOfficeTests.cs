using System.Diagnostics;
using Dcsc.Render.Docx;

namespace Dcsc.Tests.Render;

/// <summary>
/// Converts a rendered DOCX to PDF with LibreOffice. Fails (never skips) when soffice is not installed: .ci/run
/// installs it. DCSC_SOFFICE may give the path of the binary.
/// </summary>
public class LibreOfficeTests
{
    [Fact]
    public void LibreOffice_converts_the_docx_to_pdf() => ConvertsToPdf(DocxRenderer.Render(Sample.Markdown), "sample");

    [Fact]
    public void LibreOffice_converts_the_ct_modality_example_to_pdf()
    {
        var r = Dcsc.Pipeline.Build.Run(TestUtil.Repo("examples", "ct-modality.yaml"), new Dcsc.Pipeline.BuildOptions { Formats = new[] { "docx" } });
        Assert.True(r.Outputs is not null, string.Join("\n", r.Diagnostics));
        ConvertsToPdf(r.Outputs!.Single().Content, "ct-modality");
    }

    private static void ConvertsToPdf(byte[] content, string name)
    {
        var soffice = FindSoffice();
        Assert.True(soffice is not null,
            "LibreOffice (soffice) was not found. Install it (Debian/Ubuntu: apt-get install -y libreoffice-writer-nogui), " +
            "or set DCSC_SOFFICE to its path.");

        var dir = Path.Combine(Path.GetTempPath(), "dcsc-lo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var docx = Path.Combine(dir, name + ".docx");
            File.WriteAllBytes(docx, content);
            var profile = new Uri(Path.Combine(dir, "profile")).AbsoluteUri; // private profile: no clash with a running soffice
            var psi = new ProcessStartInfo(soffice!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, docx })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                p.Kill(entireProcessTree: true);
                Assert.Fail("soffice did not finish within 3 minutes");
            }
            var pdf = Path.Combine(dir, name + ".pdf");
            Assert.True(File.Exists(pdf), $"no PDF produced (exit {p.ExitCode}): {stdout.Result} {stderr.Result}");
            var bytes = File.ReadAllBytes(pdf);
            Assert.True(bytes.Length > 10_000, $"PDF is only {bytes.Length} bytes");
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Dump.Write(name + ".pdf", bytes);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static string? FindSoffice()
    {
        var env = Environment.GetEnvironmentVariable("DCSC_SOFFICE");
        if (!string.IsNullOrEmpty(env)) return File.Exists(env) ? env : null;
        var names = OperatingSystem.IsWindows() ? new[] { "soffice.exe", "soffice.com" } : new[] { "soffice", "libreoffice" };
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var n in names)
            {
                var candidate = Path.Combine(dir, n);
                if (File.Exists(candidate)) return candidate;
            }
        string[] known =
        [
            "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
            "/Applications/LibreOffice.app/Contents/MacOS/soffice",
            @"C:\Program Files\LibreOffice\program\soffice.exe",
        ];
        return known.FirstOrDefault(File.Exists);
    }
}
