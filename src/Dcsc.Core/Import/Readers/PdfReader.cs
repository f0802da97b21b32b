namespace Dcsc.Import.Readers;

/// <summary>
/// Reads a PDF's text with PdfPig and lays each page out as <c>pdftotext -layout</c> would (words placed at their
/// column by x position, lines by baseline), then reads it as layout text. An encrypted PDF is refused.
/// </summary>
public static class PdfReader
{
    public static SourceDocument Read(string path, byte[] bytes, ImportLimits limits)
    {
        var pages = new List<string>();
        try
        {
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes, new UglyToad.PdfPig.ParsingOptions { UseLenientParsing = false });
            if (pdf.IsEncrypted) throw new ImportException($"'{Path.GetFileName(path)}' is an encrypted PDF; remove the password (or export the text with pdftotext -layout) and import again");
            if (pdf.NumberOfPages > limits.MaxPages) throw new ImportException($"'{Path.GetFileName(path)}' has {pdf.NumberOfPages} pages; dcsc import reads at most {limits.MaxPages}");
            for (int i = 1; i <= pdf.NumberOfPages; i++) pages.Add(Layout(pdf.GetPage(i)));
        }
        catch (ImportException) { throw; }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var encrypted = e.GetType().Name.Contains("Encrypt", StringComparison.Ordinal) || e.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("password", StringComparison.OrdinalIgnoreCase);
            throw new ImportException(encrypted
                ? $"'{Path.GetFileName(path)}' is an encrypted PDF; remove the password (or export the text with pdftotext -layout) and import again"
                : $"'{Path.GetFileName(path)}' is not a readable PDF: {e.Message}");
        }
        var doc = LayoutTextReader.Read(path, string.Join("\f", pages), limits);
        return doc with { Format = "pdf" };
    }

    /// <summary>One page as fixed-width text: lines grouped by baseline, words placed at x / average glyph width.</summary>
    private static string Layout(UglyToad.PdfPig.Content.Page page)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0) return "";
        var widths = words.SelectMany(w => w.Letters).Where(l => l.BoundingBox.Width > 0).Select(l => l.BoundingBox.Width).OrderBy(x => x).ToList();
        var charWidth = widths.Count == 0 ? 5.0 : Math.Max(1.0, widths[widths.Count / 2]);
        var lines = new List<List<UglyToad.PdfPig.Content.Word>>();
        foreach (var w in words.OrderByDescending(w => Math.Round(w.BoundingBox.Bottom, 0)).ThenBy(w => w.BoundingBox.Left))
        {
            var line = lines.LastOrDefault();
            if (line is not null && Math.Abs(line[0].BoundingBox.Bottom - w.BoundingBox.Bottom) < Math.Max(2.0, w.BoundingBox.Height * 0.4)) line.Add(w);
            else lines.Add(new() { w });
        }
        var sb = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            var text = new System.Text.StringBuilder();
            foreach (var w in line.OrderBy(w => w.BoundingBox.Left))
            {
                var col = (int)Math.Round(w.BoundingBox.Left / charWidth);
                if (text.Length > 0 && col <= text.Length) text.Append(' ');
                else while (text.Length < col) text.Append(' ');
                text.Append(w.Text);
            }
            sb.Append(text.ToString().TrimEnd()).Append('\n');
        }
        return sb.ToString();
    }
}
