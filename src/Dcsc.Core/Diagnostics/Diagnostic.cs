namespace Dcsc.Diagnostics;

/// <summary>One finding, with a stable id from <see cref="DiagnosticCatalogue"/>.</summary>
public sealed record Diagnostic(string Id, Severity Severity, string Message, SourceSpan Span)
{
    public string HelpUri => DiagnosticCatalogue.HelpUri(Id);

    /// <summary>Compiler style: <c>path(line,col): error DCS0001: message</c>.</summary>
    public override string ToString()
    {
        var sev = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
        return $"{Span}: {sev} {Id}: {Message}";
    }
}
