using System.Text;
using Dcsc.Source;

namespace Dcsc.Diagnostics.Formats;

/// <summary>
/// Author text in the Markdown dcsc prints for people to read on GitHub (lint <c>--format markdown</c>, diff and
/// match reports): nothing in it may become markup there — no image, link, autolink, HTML, emphasis, table cell
/// break, @mention or heading. Every function gives one line, with control and bidirectional characters as visible
/// escapes (<see cref="UntrustedText.ForLog"/>), safe inside a table cell.
/// </summary>
public static class MarkdownText
{
    /// <summary>
    /// Text escaped for Markdown, for a table cell or the middle of a line: the characters that can start inline
    /// syntax are backslash-escaped (<c>\ ` * _ [ ] &lt; &gt; ! | ~ &amp; $ :</c>, and the dot of <c>www.</c>: the escapes also
    /// stop GFM autolinks, which need a literal <c>:</c> or <c>www.</c>); <c>@</c> and <c>#</c> are put in code spans of their
    /// own, because GitHub links mentions and issue references in rendered text whatever escaped them.
    /// </summary>
    public static string Escape(string s)
    {
        s = UntrustedText.ForLog(s);
        var sb = new StringBuilder(s.Length + 8);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is '@' or '#') sb.Append('`').Append(c).Append('`');
            else if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '!' or '|' or '~' or '&' or '$' or ':') sb.Append('\\').Append(c);
            else if (c == '.' && i >= 3 && s.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase)) sb.Append("\\.");
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Text as a code span that the text cannot close: the fence is one backtick longer than the longest run of
    /// backticks in it (CommonMark 6.1), padded with spaces when the text starts or ends with a backtick. Inside a
    /// code span nothing is markup and GitHub links no mention; <c>|</c> is still escaped, as GFM tables split cells
    /// before code spans are parsed.
    /// </summary>
    public static string Code(string s)
    {
        s = UntrustedText.ForLog(s).Replace("|", "\\|");
        int longest = 0, run = 0;
        foreach (var c in s)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = s.Length == 0 || s[0] == '`' || s[^1] == '`' || (s[0] == ' ' && s[^1] == ' ') ? " " : "";
        return fence + pad + s + pad + fence;
    }
}
