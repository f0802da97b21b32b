namespace Dcsc.Diagnostics;

/// <summary>
/// Layout stage (StatementLayout): template placeholders and N/A decisions. DCS0501, DCS0505.
/// </summary>
public static partial class DiagnosticCatalogue
{
    /// <summary>DCS0501: Template placeholder has no value.</summary>
    public static Diagnostic PlaceholderHasNoValue(SourceSpan at, string message) => Descriptors.PlaceholderHasNoValue.At(at, message);

    /// <summary>DCS0505: A section that is never N/A is marked N/A.</summary>
    public static Diagnostic NeverNaSectionMarkedNa(SourceSpan at, string message) => Descriptors.NeverNaSectionMarkedNa.At(at, message);

    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor PlaceholderHasNoValue = new("DCS0501", Severity.Warning, "Template placeholder has no value", "layout");
        public static readonly DiagnosticDescriptor NeverNaSectionMarkedNa = new("DCS0505", Severity.Warning, "A section that is never N/A is marked N/A", "layout");
    }
}
