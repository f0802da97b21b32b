using System.Text;
using System.Text.RegularExpressions;

namespace Dcsc.Import.Readers;

/// <summary>
/// Reads text as <c>pdftotext -layout</c> writes it (and as <see cref="PdfReader"/> lays PDF pages out): pages split
/// at form feeds; lines repeated at the top or bottom of most pages (running headers, footers, page numbers) dropped;
/// numbered headings ("5.2.1 Title", "A.3 Title"); "Table N-M …" captions followed by column-aligned tables (columns
/// from the header line's text positions, wrapped cell text joined back, UIDs broken across lines rejoined);
/// paragraphs and bullet lists. Table-of-contents lines (dot leaders) are dropped.
/// </summary>
public static partial class LayoutTextReader
{
    private sealed record Line(string Text, int Number);

    public static SourceDocument Read(string path, string text, ImportLimits limits)
    {
        var pages = new List<List<Line>>();
        var current = new List<Line>();
        int number = 0;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            number++;
            var parts = raw.Split('\f');
            for (int i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    pages.Add(current);
                    current = new List<Line>();
                    if (pages.Count > limits.MaxPages) throw new ImportException($"the text has more than {limits.MaxPages} pages");
                }
                current.Add(new Line(parts[i].TrimEnd().Replace('\t', ' '), number));
            }
        }
        pages.Add(current);
        var lines = DropRunningLines(pages);
        var blocks = Parse(lines, limits);
        return new SourceDocument(path, "txt", MarkdownReader.AttachCaptions(blocks), Array.Empty<ExtractedImage>());
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    private static string Shape(string s) => Digits().Replace(ReaderText.Squash(s), "#");

    /// <summary>Lines in the first or last three lines of a page whose shape (digits as #) recurs on at least half the pages.</summary>
    private static List<Line> DropRunningLines(List<List<Line>> pages)
    {
        var result = new List<Line>();
        var edgeCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        // A running header is the block of lines before the page's first blank line, a footer the block after its
        // last blank line (pdftotext -layout leaves vertical space as blank lines); at most three lines each.
        List<Line> Edges(List<Line> p)
        {
            int first = p.FindIndex(l => l.Text.Trim().Length > 0), last = p.FindLastIndex(l => l.Text.Trim().Length > 0);
            if (first < 0) return new List<Line>();
            var head = p.Skip(first).TakeWhile(l => l.Text.Trim().Length > 0).Take(4).ToList();
            var foot = p.Take(last + 1).Reverse().TakeWhile(l => l.Text.Trim().Length > 0).Take(4).ToList();
            var edges = new List<Line>();
            if (head.Count <= 3 && head.Count < p.Count(l => l.Text.Trim().Length > 0)) edges.AddRange(head);
            if (foot.Count <= 3 && foot.Count < p.Count(l => l.Text.Trim().Length > 0)) edges.AddRange(foot);
            return edges;
        }
        // A numbered heading at the top of every page ("9.12 Added Section 12") has the shape of a running line but
        // changes its words' numbers only: it is kept unless the very same text recurs.
        string Key(Line l) => IsHeading(l.Text, out _) ? "\u0001" + ReaderText.Squash(l.Text) : Shape(l.Text);
        foreach (var p in pages)
            foreach (var shape in Edges(p).Select(Key).Distinct())
                edgeCounts[shape] = edgeCounts.GetValueOrDefault(shape) + 1;
        var usable = pages.Count(p => p.Any(l => l.Text.Trim().Length > 0));
        var running = usable >= 3 ? edgeCounts.Where(kv => kv.Value * 2 >= usable && kv.Key.Length > 0).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();
        foreach (var p in pages)
        {
            var edges = Edges(p).ToHashSet();
            foreach (var l in p)
                if (!(edges.Contains(l) && running.Contains(Key(l)))) result.Add(l);
            result.Add(new Line("", p.LastOrDefault()?.Number ?? 0));
        }
        return result;
    }

    [GeneratedRegex(@"^\s{0,8}(?<num>(?:\d{1,2}|[A-H])(?:\.\d{1,3})*)\.?\s{1,6}(?<title>[A-Z(][^\s].{1,150})$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^\s{0,8}(?<title>Annex(?:es)?|Appendix|Appendices|Table of Contents|Contents)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UnnumberedHeading();

    [GeneratedRegex(@"\.{4,}\s*\d+\s*$|\s{2,}\d{1,4}\s*$")]
    private static partial Regex TocLine();

    [GeneratedRegex(@"\S+(?:\s\S+)*")]
    private static partial Regex Segment();

    [GeneratedRegex(@"^\s*(?:[•·▪●◦o\-*]|\d+[.)])\s+")]
    private static partial Regex Bullet();

    private static bool IsHeading(string text, out int level)
    {
        level = 0;
        if (text.Length > 160) return false;
        if (UnnumberedHeading().Match(text) is { Success: true }) { level = 1; return true; }
        var m = HeadingLine().Match(text);
        if (!m.Success) return false;
        var title = m.Groups["title"].Value.Trim();
        // A heading's number may be followed by a tab stop; wide gaps inside the title mean a table row.
        if (Regex.IsMatch(title, @"\s{3,}")) return false;
        if (title.EndsWith('.') || title.EndsWith(',') || title.EndsWith(';') || TocLine().IsMatch(text)) return false;
        if (title.Split(' ').Length > 16) return false;
        level = m.Groups["num"].Value.Split('.').Length;
        if (char.IsLetter(m.Groups["num"].Value[0])) level++;
        return true;
    }

    private static List<Block> Parse(List<Line> lines, ImportLimits limits)
    {
        var blocks = new List<Block>();
        var para = new List<Line>();
        void Flush()
        {
            if (para.Count == 0) return;
            blocks.Add(Paragraph(para));
            para.Clear();
        }
        bool inToc = false;
        for (int i = 0; i < lines.Count; i++)
        {
            if (blocks.Count >= limits.MaxBlocks) throw new ImportException($"the document has more than {limits.MaxBlocks} blocks");
            var l = lines[i];
            var t = l.Text;
            if (t.Trim().Length == 0) { Flush(); continue; }
            if (Regex.IsMatch(t, @"\.{4,}\s*\d+\s*$")) { Flush(); continue; } // table of contents entry
            if (IsHeading(t, out var level))
            {
                Flush();
                var heading = ReaderText.Squash(t);
                inToc = Regex.IsMatch(heading, @"^(?:\d+\s+)?(?:Table of )?Contents$", RegexOptions.IgnoreCase);
                blocks.Add(new HeadingBlock(level, heading, l.Number));
                continue;
            }
            if (inToc) continue;
            if (ReaderText.IsCaption(t.Trim()) && ReaderText.CaptionPattern().IsMatch(t.Trim()))
            {
                Flush();
                blocks.Add(new TextBlock(ReaderText.Squash(t), l.Number));
                var (table, next) = ReadTable(lines, i + 1, limits);
                if (table is not null) { blocks.Add(table); i = next - 1; }
                continue;
            }
            if (Bullet().IsMatch(t) && para.Count > 0 && !Bullet().IsMatch(para[0].Text)) Flush();
            para.Add(l);
        }
        Flush();
        return blocks;
    }

    private static TextBlock Paragraph(List<Line> para)
    {
        var sb = new StringBuilder();
        bool list = Bullet().IsMatch(para[0].Text);
        foreach (var l in para)
        {
            var t = l.Text.Trim();
            if (list && Bullet().IsMatch(l.Text))
            {
                if (sb.Length > 0) sb.Append('\n');
                sb.Append("- ").Append(ReaderText.EscapeMarkdown(Bullet().Replace(l.Text, "")).Trim());
                continue;
            }
            if (sb.Length > 0) sb.Append(JoinsWithoutSpace(sb, t) ? "" : " ");
            sb.Append(ReaderText.EscapeMarkdown(ReaderText.Squash(t)));
        }
        return new TextBlock(sb.ToString(), para[0].Number);
    }

    /// <summary>A UID broken at a dot ("1.2.840.10008.5.1." + "4.1.1.2") or a hyphenated word continues without a space.</summary>
    private static bool JoinsWithoutSpace(StringBuilder sb, string next) =>
        next.Length > 0 && char.IsDigit(next[0]) && sb.Length > 1 && sb[^1] == '.' && char.IsDigit(sb[^2]);

    [GeneratedRegex(@"^(?:\d+(?:\.\d+)+\.?|\(?[0-9A-Fa-f]{4},[0-9A-Fa-f]{4}\)?|[YN]|Yes|No|\d+|[A-Z][A-Z0-9_]{2,}(?:\s[A-Z0-9_]+)*)$")]
    private static partial Regex DataCell();

    /// <summary>A column-aligned table starting at <paramref name="start"/> (after its caption).</summary>
    private static (TableBlock? Table, int Next) ReadTable(List<Line> lines, int start, ImportLimits limits)
    {
        int i = start;
        while (i < lines.Count && lines[i].Text.Trim().Length == 0) i++;
        if (i >= lines.Count) return (null, start);
        // The region: lines up to a heading, caption, or a blank line followed by a paragraph line (one segment from the margin).
        var region = new List<Line>();
        int j = i;
        for (; j < lines.Count; j++)
        {
            var t = lines[j].Text;
            if (IsHeading(t, out _) || ReaderText.IsCaption(t.Trim()) && ReaderText.CaptionPattern().IsMatch(t.Trim())) break;
            if (t.Trim().Length == 0)
            {
                int k = j + 1;
                while (k < lines.Count && lines[k].Text.Trim().Length == 0) k++;
                if (k >= lines.Count || k - j > 2) break;
                var nextSegs = Segment().Matches(lines[k].Text);
                if (nextSegs.Count == 1 && lines[k].Text.Trim().Length > 60) break;
                continue;
            }
            region.Add(lines[j]);
        }
        if (region.Count < 2) return (null, start);
        // Cells are separated by two or more spaces; single spaces stay inside a cell.
        var segs = region.Select(l => Regex.Matches(l.Text, @"\S+(?: \S+)*").Select(m => (Start: m.Index, Text: m.Value)).ToList()).ToList();
        int headerLines = 1;
        int firstData = segs.FindIndex(s => s.Any(x => DataCell().IsMatch(x.Text.Trim())));
        if (firstData > 1 && firstData <= 3) headerLines = firstData;
        var starts = segs.Take(headerLines).SelectMany(s => s.Select(x => x.Start)).Distinct().OrderBy(x => x).ToList();
        // Merge starts closer than 3 characters (a header line wrapped under its first line).
        var cols = new List<int>();
        foreach (var s in starts) if (cols.Count == 0 || s - cols[^1] > 2) cols.Add(s);
        if (cols.Count < 2) return (null, start);
        // A cell belongs to the column whose header starts nearest to it (headers are often indented or centred).
        int ColumnOf(int pos)
        {
            int best = 0;
            for (int k = 1; k < cols.Count; k++) if (Math.Abs(pos - cols[k]) < Math.Abs(pos - cols[best])) best = k;
            return best;
        }
        var header = Enumerable.Repeat("", cols.Count).ToList();
        for (int h = 0; h < headerLines; h++)
            foreach (var (s, text) in segs[h]) { var c = ColumnOf(s); header[c] = (header[c] + " " + text).Trim(); }
        var rows = new List<List<string>> { header };
        int cells = cols.Count;
        for (int r = headerLines; r < region.Count; r++)
        {
            var row = Enumerable.Repeat("", cols.Count).ToList();
            foreach (var (s, text) in segs[r]) { var c = ColumnOf(s); row[c] = (row[c].Length == 0 ? text : row[c] + " " + text); }
            // A wrapped row: its first cell empty, or only a few cells (a long name wrapped in its column). A line
            // that puts a complete UID under a complete UID is a row of its own (the merged cells to its left are empty).
            var filled = row.Count(x => x.Length > 0);
            var prevRow = rows[^1];
            bool newUid = Enumerable.Range(0, cols.Count).Any(c => Regex.IsMatch(row[c], @"^\d+(?:\.\d+)+$") && Regex.IsMatch(prevRow[c], @"\d$") && rows.Count > 1);
            var continuation = rows.Count > 1 && !newUid && (row[0].Length == 0 && filled < cols.Count || filled * 2 < cols.Count);
            if (continuation)
            {
                var prev = rows[^1];
                for (int c = 0; c < cols.Count; c++)
                    if (row[c].Length > 0)
                        prev[c] = prev[c].Length == 0 ? row[c] : prev[c] + (Regex.IsMatch(prev[c], @"\d\.$") && char.IsDigit(row[c][0]) || prev[c].EndsWith('-') && !prev[c].EndsWith(" -", StringComparison.Ordinal) ? "" : " ") + row[c];
                continue;
            }
            if ((cells += cols.Count) > limits.MaxTableCells) throw new ImportException($"a table at line {region[0].Number} has more than {limits.MaxTableCells} cells");
            rows.Add(row);
        }
        return (new TableBlock(null, ReaderText.Rectangle(rows), 1, region[0].Number), j);
    }
}
