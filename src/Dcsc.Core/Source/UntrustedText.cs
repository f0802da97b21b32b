using System.Globalization;
using System.Text;

namespace Dcsc.Source;

/// <summary>
/// The one rule for characters of author text that must not reach a terminal, a CI log, a report or a published
/// document as they are (docs/limits.md, "Control characters"): C0 controls other than tab, line feed and carriage
/// return (ESC starts ANSI sequences, BEL rings); DEL; C1 controls (U+0085 NEL is a line break for some readers);
/// the line and paragraph separators U+2028/U+2029; the bidirectional controls (U+061C, U+200E, U+200F,
/// U+202A-U+202E, U+2066-U+2069: a right-to-left override makes text read differently from what it is); the byte
/// order mark inside text (U+FEFF); the interlinear annotation controls U+FFF9-U+FFFB; the noncharacters U+FFFE
/// and U+FFFF; the invisible tag characters U+E0000-U+E007F; lone surrogates.
/// Logs and reports show them as visible escapes (<see cref="ForLog"/>); documents drop them (<see cref="ForDocument"/>).
/// Zero-width joiners and soft hyphens stay: scripts and emoji need them.
/// </summary>
public static class UntrustedText
{
    /// <summary>Whether the code point is never written as it is (tab, line feed and carriage return are not included).</summary>
    public static bool IsUnsafe(int c) =>
        (c < 0x20 && c is not ('\t' or '\n' or '\r'))
        || (c >= 0x7F && c <= 0x9F)
        || c is 0x2028 or 0x2029 or 0x061C or 0x200E or 0x200F or 0xFEFF or 0xFFFE or 0xFFFF
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || (c >= 0xFFF9 && c <= 0xFFFB)
        || (c >= 0xE0000 && c <= 0xE007F)
        || (c >= 0xD800 && c <= 0xDFFF); // a lone surrogate (pairs are decoded before the check)

    /// <summary>Whether <paramref name="s"/> has any character that <see cref="ForLog"/> or <see cref="ForDocument"/> would change.</summary>
    public static bool HasUnsafe(string s, bool lineBreaksAreUnsafe)
    {
        for (int i = 0; i < s.Length; i++)
        {
            int cp = CodePointAt(s, ref i);
            if (IsUnsafe(cp) || (lineBreaksAreUnsafe && cp is '\t' or '\n' or '\r')) return true;
        }
        return false;
    }

    /// <summary>
    /// One line of text for a log, a diagnostic or a report: every unsafe character, and tab, line feed and carriage
    /// return, written as a visible escape (<c>\n</c>, <c>\t</c>, <c>\u001B</c>, <c>\u202E</c>, <c>\U000E0041</c>).
    /// </summary>
    public static string ForLog(string s)
    {
        if (!HasUnsafe(s, lineBreaksAreUnsafe: true)) return s;
        var sb = new StringBuilder(s.Length + 16);
        for (int i = 0; i < s.Length; i++)
        {
            int start = i;
            int cp = CodePointAt(s, ref i);
            switch (cp)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (!IsUnsafe(cp)) sb.Append(s, start, i - start + 1);
                    else if (cp > 0xFFFF) sb.Append("\\U").Append(cp.ToString("X8", CultureInfo.InvariantCulture));
                    else sb.Append("\\u").Append(cp.ToString("X4", CultureInfo.InvariantCulture));
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Text for a document (Markdown, HTML, DOCX): unsafe characters removed, lone surrogates replaced by U+FFFD;
    /// tab, line feed and carriage return kept.
    /// </summary>
    public static string ForDocument(string s)
    {
        if (!HasUnsafe(s, lineBreaksAreUnsafe: false)) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            int start = i;
            int cp = CodePointAt(s, ref i);
            if (cp is >= 0xD800 and <= 0xDFFF) sb.Append('\uFFFD');
            else if (!IsUnsafe(cp)) sb.Append(s, start, i - start + 1);
        }
        return sb.ToString();
    }

    /// <summary>The code point at <paramref name="i"/>; advances <paramref name="i"/> over the low half of a pair. A lone surrogate is returned as itself.</summary>
    private static int CodePointAt(string s, ref int i)
    {
        char c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            i++;
            return char.ConvertToUtf32(c, s[i]);
        }
        return c;
    }
}
