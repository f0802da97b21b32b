using System.Text.RegularExpressions;

namespace Dcsc.Render.Docx;

/// <summary>
/// Sizes the columns of a DOCX table from their content (issue 16): every column first gets room for its longest
/// unbreakable token — a word, UID, tag, code, AE Title or keyword, measured in the table font (Arial 8.5 pt; bold
/// in the header) — then the rest of the text width is shared in proportion to how much more each column's longest
/// cell needs. Only when even the tokens do not fit side by side do columns shrink below them; then UIDs may break
/// at their dots (<see cref="UidBreaks"/>), never inside a component.
/// </summary>
internal static partial class ColumnSizer
{
    /// <summary>Cell margins (2 × 85 twips, the table style) plus borders and rounding in the layout engines.</summary>
    private const int Padding = 230;

    /// <summary>Table text size in twips per em (8.5 pt, DocxStyles TableText).</summary>
    private const double EmTwips = 170;

    /// <summary>Longest prose word that claims its full width; longer words (URLs, run-on text) may wrap.</summary>
    private const double ProseWordShare = 0.34;

    /// <summary>The width (twips) the table needs so that no token breaks: the sum of its columns' longest tokens.</summary>
    public static int MinimumWidth(IReadOnlyList<IReadOnlyList<string>> headerCells, IReadOnlyList<IReadOnlyList<string>> bodyRows, int columns, int total) =>
        (int)Math.Ceiling(Measure(headerCells, bodyRows, columns, total).Min.Sum() + columns * Padding);

    private static (double[] Min, double[] Want) Measure(IReadOnlyList<IReadOnlyList<string>> headerCells, IReadOnlyList<IReadOnlyList<string>> bodyRows, int columns, int total)
    {
        var min = new double[columns];
        var want = new double[columns];
        void Cell(string text, int i, bool bold)
        {
            text = text.Trim();
            foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                double w = Width(token, bold);
                if (!IsCode(token)) w = Math.Min(w, total * ProseWordShare);
                min[i] = Math.Max(min[i], w);
            }
            want[i] = Math.Max(want[i], Math.Min(Width(text, bold), total));
        }
        foreach (var row in headerCells)
            for (int i = 0; i < Math.Min(columns, row.Count); i++) Cell(row[i], i, bold: true);
        foreach (var row in bodyRows)
            for (int i = 0; i < Math.Min(columns, row.Count); i++) Cell(row[i], i, bold: false);
        return (min, want);
    }

    /// <summary>The widths (twips, summing to <paramref name="total"/>) and whether UIDs must be allowed to break at dots.</summary>
    public static (int[] Widths, bool UidBreaks) Compute(IReadOnlyList<IReadOnlyList<string>> headerCells, IReadOnlyList<IReadOnlyList<string>> bodyRows, int columns, int total)
    {
        var (min, want) = Measure(headerCells, bodyRows, columns, total);
        var minW = min.Select(m => m + Padding).ToArray();
        var wantW = want.Select((w, i) => Math.Max(w + Padding, minW[i])).ToArray();
        var widths = new double[columns];
        double minSum = minW.Sum();
        bool uidBreaks = false;
        if (minSum > total)
        {
            // The tokens cannot stand side by side: shrink in proportion; a UID then breaks at a dot.
            for (int i = 0; i < columns; i++) widths[i] = total * minW[i] / minSum;
            uidBreaks = true;
        }
        else
        {
            double spare = total - minSum;
            double extra = wantW.Zip(minW, (w, m) => w - m).Sum();
            if (extra <= spare)
            {
                // Every cell fits on one line: the rest goes to the columns in proportion to their width.
                double wantSum = wantW.Sum();
                for (int i = 0; i < columns; i++) widths[i] = wantW[i] + (total - wantSum) * wantW[i] / wantSum;
            }
            else
            {
                for (int i = 0; i < columns; i++) widths[i] = minW[i] + spare * (wantW[i] - minW[i]) / extra;
            }
        }
        var result = widths.Select(w => (int)Math.Floor(w)).ToArray();
        result[^1] += total - result.Sum();
        return (result, uidBreaks);
    }

    /// <summary>
    /// A token that must not be split: a UID, a tag, an identifier with digits, underscores or hyphens in capitals
    /// (AE Titles, defined terms such as SINGLE_VALUE, codes such as ISO_IR 100).
    /// </summary>
    public static bool IsCode(string token) =>
        Uid().IsMatch(token) || Tag().IsMatch(token) || Identifier().IsMatch(token);

    [GeneratedRegex(@"^[(\[]?\d+(\.\d+)+[)\],;:]*$")] private static partial Regex Uid();
    [GeneratedRegex(@"^\(?[0-9A-Fa-fx]{4},[0-9A-Fa-fx]{4}\)?[,;:]*$")] private static partial Regex Tag();
    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9_\-.:/]*[,;:]?$")] private static partial Regex Identifier();

    /// <summary>A UID that may break after its dots (a zero-width space after each dot).</summary>
    [GeneratedRegex(@"(?<![\w.])\d+(?:\.\d+){3,}(?![\w.])")] public static partial Regex UidInText();

    /// <summary>The text with a break opportunity (U+200B) after every dot of every UID in it.</summary>
    public static string UidBreaks(string text) =>
        UidInText().Replace(text, m => m.Value.Replace(".", ".\u200B", StringComparison.Ordinal));

    /// <summary>Advance width in twips at the table size: Arial/Liberation Sans metrics (units per 1000 em).</summary>
    public static double Width(string text, bool bold)
    {
        double units = 0;
        foreach (var c in text) units += c < 128 ? Ascii[c] : 600;
        return units * EmTwips / 1000 * (bold ? 1.07 : 1.0);
    }

    // Helvetica/Arial advance widths for ASCII (the metric-compatible Liberation Sans has the same).
    private static readonly short[] Ascii = BuildAscii();

    private static short[] BuildAscii()
    {
        var w = new short[128];
        Array.Fill(w, (short)556);
        void Set(string chars, short width) { foreach (var ch in chars) w[ch] = width; }
        Set(" !,./:;[\\]It", 278);
        Set("ijl", 222);
        Set("\"", 355);
        Set("'", 191);
        Set("()-`r", 333);
        Set("*", 389);
        Set("+<=>~", 584);
        Set("%", 889);
        Set("&ABEKPSVXY", 667);
        Set("CDHNRUw", 722);
        Set("FTZ", 611);
        Set("GOQ", 778);
        Set("J", 500);
        Set("L", 556);
        Set("M", 833);
        Set("W", 944);
        Set("@", 1015);
        Set("^", 469);
        Set("ckszvxy", 500);
        Set("f", 278);
        Set("m", 833);
        Set("{}", 334);
        Set("|", 260);
        return w;
    }
}
