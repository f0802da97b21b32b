using System.Text;
using System.Text.RegularExpressions;

namespace Dcsc.Render.Md;

/// <summary>
/// Escapes plain text for Markdown (what a template prints; see <see cref="MarkdownTemplateContext"/>):
/// <c>\ ` * _ [ ] | ~</c> are backslash-escaped, <c>&lt;</c> becomes <c>&amp;lt;</c> (so no text can open raw HTML or
/// forge a <c>&lt;!-- dcsc:</c> marker), line breaks become spaces, and a value that would start a block
/// (<c># </c>, <c>&gt;</c>, <c>- </c>, <c>+ </c>, <c>1. </c>) is escaped at its start.
/// </summary>
public static partial class MarkdownEscaper
{
    [GeneratedRegex(@"^(\s*)(#|>|[-+*]\s|[-+*]$|\d{1,9}(?=[.)](\s|$)))")]
    private static partial Regex BlockStart();

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~':
                    sb.Append('\\').Append(ch); break;
                case '<': sb.Append("&lt;"); break;
                case '\r': break;
                case '\n': case '\t': sb.Append(' '); break;
                default: sb.Append(ch); break;
            }
        }
        var s = sb.ToString();
        var m = BlockStart().Match(s);
        if (m.Success)
        {
            int at = m.Groups[1].Length;
            var marker = m.Groups[2].Value;
            if (char.IsAsciiDigit(marker[0])) at += marker.Length; // escape the '.' or ')' after the number
            s = s.Insert(at, "\\");
        }
        return s;
    }
}
