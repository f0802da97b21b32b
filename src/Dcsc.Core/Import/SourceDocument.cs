using System.Text.RegularExpressions;

namespace Dcsc.Import;

// The reader-neutral form of an existing Conformance Statement: headings, narrative (as Markdown), tables (as cell
// text with the header rows counted), images. Every reader (.md, .html, .docx, .pdf, .txt) produces this; the
// section mapper and table recognizers never look at the input format again.

/// <summary>A block of the source document. <see cref="Line"/> is where it starts (line, or paragraph number for .docx).</summary>
public abstract record Block(int Line);

public sealed record HeadingBlock(int Level, string Text, int Line) : Block(Line);

/// <summary>A paragraph, list or quote, kept as Markdown.</summary>
public sealed record TextBlock(string Markdown, int Line) : Block(Line);

/// <summary>
/// A table: rectangular rows of plain cell text (merged cells repeated into every cell they cover vertically,
/// the first cell of a horizontal span keeps the text), the first <see cref="HeaderRows"/> rows are headers.
/// </summary>
public sealed record TableBlock(string? Caption, IReadOnlyList<IReadOnlyList<string>> Rows, int HeaderRows, int Line) : Block(Line)
{
    public int Columns => Rows.Count == 0 ? 0 : Rows.Max(r => r.Count);

    /// <summary>The key of an author table, when the document carries it as metadata (a document dcsc wrote; LaidOutTable.AuthorKey).</summary>
    public string? Key { get; init; }

    /// <summary>Column titles: the last header row, with an empty cell filled from the header rows above (group titles).</summary>
    public IReadOnlyList<string> Titles
    {
        get
        {
            if (Rows.Count == 0) return Array.Empty<string>();
            var h = Math.Max(1, Math.Min(HeaderRows, Rows.Count));
            var result = new List<string>();
            for (int c = 0; c < Columns; c++)
            {
                string t = "";
                for (int r = h - 1; r >= 0 && t.Length == 0; r--) t = c < Rows[r].Count ? Rows[r][c] : "";
                result.Add(t);
            }
            return result;
        }
    }

    public IEnumerable<IReadOnlyList<string>> Body => Rows.Skip(Math.Max(1, Math.Min(HeaderRows, Rows.Count)));
}

/// <summary>A figure: the image file written beside the imported project (images/…), with its caption.</summary>
public sealed record ImageBlock(string FileName, string Caption, int Line) : Block(Line);

public sealed record ExtractedImage(string FileName, byte[] Content);

public sealed record SourceDocument(string Path, string Format, IReadOnlyList<Block> Blocks, IReadOnlyList<ExtractedImage> Images)
{
    /// <summary>How a location is written in comments and the report: <c>statement.docx:12</c> (paragraph 12 for .docx).</summary>
    public string Where(int line) => $"{System.IO.Path.GetFileName(Path)}:{line}";
}

/// <summary>Helpers shared by the readers.</summary>
public static partial class ReaderText
{
    /// <summary>The anchor of a table dcsc prints (<c>#table-6-1</c>): links to it are kept, as <c>[Table 6-1](#table-6-1)</c>.</summary>
    [GeneratedRegex(@"^#table-[A-Za-z0-9][A-Za-z0-9.\-]*$")]
    public static partial Regex TableAnchor();

    /// <summary>"Table 5-12 Title", "Table 4.2-3: Title", "Table 7: Title": a table caption.</summary>
    [GeneratedRegex(@"^\s*(?:\*\*)?Table\s+((?:[A-Z][.\-–]?)?[0-9]+(?:[.\-–][0-9]+)*)(?:\*\*)?\s*[:.\-–—]?\s*(.*)$", RegexOptions.IgnoreCase)]
    public static partial Regex CaptionPattern();

    [GeneratedRegex(@"^\s*(?:Figure)\s+((?:[A-Z][.\-–]?)?[0-9]+(?:[.\-–][0-9]+)*)\s*[:.\-–—]?\s*(.*)$", RegexOptions.IgnoreCase)]
    public static partial Regex FigurePattern();

    public static bool IsCaption(string text) => text.Length < 300 && CaptionPattern().IsMatch(text) && !text.Contains('\n');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Whitespace runs (including non-breaking spaces and line breaks) as one space, trimmed.</summary>
    public static string Squash(string s) => Spaces().Replace(s.Replace('\u00a0', ' ').Replace('\u200b', ' '), " ").Trim();

    /// <summary>Pads rows to a rectangle.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rectangle(List<List<string>> rows)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        foreach (var r in rows) while (r.Count < width) r.Add("");
        return rows;
    }

    /// <summary>Text as a Markdown paragraph: characters that Markdown would read as markup are escaped.</summary>
    public static string EscapeMarkdown(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            if (ch is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '|' or '#') sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
