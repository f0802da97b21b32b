using System.Text.RegularExpressions;
using Dcsc.Render;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace Dcsc.Tests.Render;

/// <summary>The hand-written sample dcsc Markdown and what the renderers must reproduce from it.</summary>
internal static class Sample
{
    public static string Markdown { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Render", "Fixtures", "sample.md"));

    /// <summary>(level, text) of every Markdown heading, in order, straight from Markdig.</summary>
    public static List<(int Level, string Text)> MarkdownHeadings(string md)
    {
        var doc = Markdig.Markdown.Parse(md, DcscDocument.Pipeline);
        return doc.Descendants<HeadingBlock>()
            .Select(h => (h.Level, Norm(DcscDocument.PlainText(h.Inline))))
            .ToList();
    }

    /// <summary>Caption lines ("Table x-y ...") of the dcsc:table blocks, read from the raw text.</summary>
    public static List<string> MarkdownTableCaptions(string md)
    {
        var lines = md.Replace("\r\n", "\n").Split('\n');
        var captions = new List<string>();
        for (int i = 0; i < lines.Length; i++)
            // the template's unnumbered tables (3.1, 3.4, 3.5) have no caption: the table follows the marker
            if (lines[i].StartsWith("<!-- dcsc:table ", StringComparison.Ordinal) && !lines[i + 1].StartsWith('|'))
                captions.Add(Norm(lines[i + 1]));
        return captions;
    }

    public static int MarkdownTableCount(string md) =>
        Markdig.Markdown.Parse(md, DcscDocument.Pipeline).Descendants<Table>().Count();

    public static string Norm(string s) => Regex.Replace(DcscDocument.SanitizeText(s), @"\s+", " ").Trim();
}

/// <summary>Writes rendered samples to $DCSC_RENDER_DUMP (for looking at them); no-op otherwise.</summary>
internal static class Dump
{
    public static void Write(string name, byte[] content)
    {
        var dir = Environment.GetEnvironmentVariable("DCSC_RENDER_DUMP");
        if (string.IsNullOrEmpty(dir)) return;
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, name), content);
    }
}
