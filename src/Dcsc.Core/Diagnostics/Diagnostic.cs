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

    /// <summary>
    /// One line with every control, bidirectional and other unsafe character as a visible escape
    /// (<c>\n</c>, <c>\u001B</c>, <c>\u202E</c>; the rule is <see cref="Dcsc.Source.UntrustedText"/>).
    /// </summary>
    public static string OneLine(string s) => Dcsc.Source.UntrustedText.ForLog(s);
}
