namespace Dcsc.Diagnostics;

/// <summary>One finding, with a stable id from <see cref="DiagnosticCatalogue"/>.</summary>
public sealed record Diagnostic(string Id, Severity Severity, string Message, SourceSpan Span)
{
    public string HelpUri => DiagnosticCatalogue.HelpUri(Id);

    /// <summary>
    /// Compiler style: <c>path(line,col): error DCS0001: message</c>, always one line: control characters from the
    /// input (a key with a line break) are written as escapes, so no text can forge a diagnostic line for a CI
    /// problem matcher.
    /// </summary>
    public override string ToString()
    {
        var sev = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
        return OneLine($"{Span}: {sev} {Id}: {Message}");
    }

    /// <summary>Replaces control characters with visible escapes (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\u0001</c>).</summary>
    public static string OneLine(string s)
    {
        if (!s.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029')) return s;
        var sb = new System.Text.StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029') sb.Append("\\u").Append(((int)c).ToString("X4"));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
