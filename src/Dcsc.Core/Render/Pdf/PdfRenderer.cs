using System.Diagnostics;
using System.Globalization;

namespace Dcsc.Render.Pdf;

/// <summary>Options of the PDF stage.</summary>
public sealed class PdfOptions
{
    /// <summary>The engine's command (default <c>weasyprint</c>, looked up on PATH) — tests point it elsewhere.</summary>
    public string Engine { get; init; } = PdfRenderer.DefaultEngine;

    /// <summary>Seconds since 1970 that the engine writes as time stamps (PDF dates, embedded font tables).</summary>
    public long SourceDateEpoch { get; init; }

    /// <summary>The engine is stopped after this long (a hostile or enormous document must not hang CI).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>The PDF engine is not installed, failed or timed out; the message says what to do.</summary>
public sealed class PdfEngineException(string message) : Exception(message);

/// <summary>
/// Prints the HTML output to PDF with WeasyPrint, a CSS Paged Media engine (Debian package <c>weasyprint</c>).
/// The HTML carries the print stylesheet (Html/Css.cs): cover, page-numbered table of contents, running header,
/// "Page N of M", landscape pages for wide tables, outline from the numbered headings; the engine embeds the fonts
/// and writes the title, author and subject from the HTML's meta data. WeasyPrint was chosen over Chromium and
/// LibreOffice because only it implements target-counter (TOC page numbers), string-set (running header) and
/// bookmark-level (outline) — see docs/pdf.md. The HTML is self-contained (no external resources), so the engine
/// fetches nothing.
/// </summary>
public static class PdfRenderer
{
    public const string DefaultEngine = "weasyprint";

    /// <summary>The Debian package that provides the engine (named in the error when it is missing).</summary>
    public const string EnginePackage = "weasyprint";

    public static byte[] Render(string html, PdfOptions? options = null)
    {
        options ??= new PdfOptions();
        var engine = FindEngine(options.Engine) ?? throw new PdfEngineException(
            $"the PDF engine `{options.Engine}` (WeasyPrint) is not installed; install the Debian package `{EnginePackage}` " +
            $"(apt-get install {EnginePackage}) or put `weasyprint` on PATH");
        var dir = Path.Combine(Path.GetTempPath(), "dcsc-pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var input = Path.Combine(dir, "statement.html");
            var output = Path.Combine(dir, "statement.pdf");
            File.WriteAllText(input, html, new System.Text.UTF8Encoding(false));
            var psi = new ProcessStartInfo(engine)
            {
                RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = dir,
            };
            foreach (var a in new[] { "--quiet", "--base-url", dir, input, output }) psi.ArgumentList.Add(a);
            // Byte-identical rebuilds: fontTools stamps the embedded font subsets with SOURCE_DATE_EPOCH when it is set.
            psi.Environment["SOURCE_DATE_EPOCH"] = options.SourceDateEpoch.ToString(CultureInfo.InvariantCulture);
            psi.Environment["PYTHONHASHSEED"] = "0";
            using var process = Process.Start(psi) ?? throw new PdfEngineException($"the PDF engine `{engine}` could not be started");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(options.Timeout))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new PdfEngineException($"the PDF engine `{engine}` did not finish within {options.Timeout.TotalMinutes:0} minutes");
            }
            process.WaitForExit();
            var errors = stderr.Result.Trim();
            _ = stdout.Result;
            if (process.ExitCode != 0 || !File.Exists(output))
                throw new PdfEngineException($"the PDF engine `{engine}` failed (exit code {process.ExitCode})" +
                    (errors.Length > 0 ? ": " + Last(errors, 600) : ""));
            return File.ReadAllBytes(output);
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Last(string text, int max) => text.Length <= max ? text : "…" + text[^max..];

    /// <summary>The engine's full path: as given when it contains a directory, else the first match on PATH.</summary>
    public static string? FindEngine(string engine)
    {
        if (engine.Contains(Path.DirectorySeparatorChar) || engine.Contains(Path.AltDirectorySeparatorChar))
            return File.Exists(engine) ? Path.GetFullPath(engine) : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, engine);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// The time stamp the PDF carries: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the statement's
    /// date (midnight UTC), else 0 — so two builds of the same source are byte-identical either way.
    /// </summary>
    public static long SourceDateEpoch(string? environmentValue, string? statementDate)
    {
        if (long.TryParse(environmentValue, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)) return epoch;
        if (DateTime.TryParseExact(statementDate, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d))
            return new DateTimeOffset(d, TimeSpan.Zero).ToUnixTimeSeconds();
        return 0;
    }
}
