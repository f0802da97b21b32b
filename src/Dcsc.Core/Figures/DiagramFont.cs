using SkiaSharp;

namespace Dcsc.Figures;

/// <summary>
/// The one font of the figures (DejaVu Sans, embedded: Data/README.md): text is measured with it to size and wrap
/// the boxes, and painted with it into the PNG, so the layout is the same on every machine.
/// </summary>
internal static class DiagramFont
{
    /// <summary>Line spacing, and the first baseline below the top of a line, in multiples of the font size.</summary>
    public const double LineHeight = 1.25, Ascent = 0.9;

    /// <summary>Bold text is measured this much wider: the SVG viewer draws a real bold face, wider than the regular one.</summary>
    private const double BoldWidening = 1.1;

    private static readonly Lazy<SKTypeface> Typeface = new(() =>
    {
        using var stream = typeof(DiagramFont).Assembly.GetManifestResourceStream("Dcsc.Figures.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The embedded figure font is missing.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("The embedded figure font cannot be read.");
    });

    /// <summary>Characters of one text considered for wrapping (more than any box shows).</summary>
    private const int MaxChars = 300;

    public static SKFont Font(double size, bool bold) =>
        new(Typeface.Value, (float)size) { Embolden = bold, Subpixel = true, Edging = SKFontEdging.Antialias };

    public static double Measure(string text, double size, bool bold)
    {
        using var font = Font(size, false);
        return font.MeasureText(text) * (bold ? BoldWidening : 1.0);
    }

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>: at spaces, and inside a word
    /// (after '-', '/', '_' or '.', else anywhere) only when the word alone is too wide. At most
    /// <paramref name="maxLines"/> lines; text beyond them ends in "…".
    /// </summary>
    public static IReadOnlyList<TextLine> Wrap(string text, double width, double size, bool bold = false, int maxLines = 4)
    {
        // Only a few lines are shown: cut very long text first, so wrapping work stays bounded.
        if (text.Length > MaxChars) text = text[..(char.IsHighSurrogate(text[MaxChars - 1]) ? MaxChars - 1 : MaxChars)] + "…";
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Measure(candidate, size, bold) <= width) { current = candidate; continue; }
            if (current.Length > 0) lines.Add(current);
            current = "";
            var rest = word;
            while (Measure(rest, size, bold) > width)
            {
                int cut = FittingPrefix(rest, width, size, bold);
                lines.Add(rest[..cut]);
                rest = rest[cut..];
            }
            current = rest;
        }
        if (current.Length > 0) lines.Add(current);
        if (lines.Count > maxLines)
        {
            var last = lines[maxLines - 1];
            while (last.Length > 0 && Measure(last + "…", size, bold) > width) last = last[..^1];
            lines = lines.Take(maxLines - 1).Append(last + "…").ToList();
        }
        return lines.Select(l => new TextLine(l, size, bold)).ToList();
    }

    /// <summary>The longest prefix that fits, preferring to end after a separator; at least one character.</summary>
    private static int FittingPrefix(string word, double width, double size, bool bold)
    {
        int n = 1;
        while (n < word.Length && Measure(word[..(n + 1)], size, bold) <= width) n++;
        if (char.IsHighSurrogate(word[n - 1]) && n < word.Length) n++; // never split a surrogate pair
        for (int i = n; i > 1; i--)
            if (word[i - 1] is '-' or '/' or '_' or '.') return i;
        return n;
    }
}
