namespace Dcsc.Diagnostics;

/// <summary>
/// Layout stage (StatementLayout): template placeholders, N/A decisions and hand-written table and section numbers.
/// DCS0501, DCS0505, DCS0506. Their severities are configurable in dcsc.yaml like the rules'.
/// </summary>
public static partial class DiagnosticCatalogue
{
    /// <summary>DCS0501: Template placeholder has no value.</summary>
    public static Diagnostic PlaceholderHasNoValue(SourceSpan at, string message) => Descriptors.PlaceholderHasNoValue.At(at, message);

    /// <summary>DCS0505: A section that is never N/A is marked N/A.</summary>
    public static Diagnostic NeverNaSectionMarkedNa(SourceSpan at, string message) => Descriptors.NeverNaSectionMarkedNa.At(at, message);

    /// <summary>DCS0506: A hand-written table or section number does not point at what it names.</summary>
    public static Diagnostic LiteralReferenceStale(SourceSpan at, string message) => Descriptors.LiteralReferenceStale.At(at, message);

    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor PlaceholderHasNoValue = new("DCS0501", Severity.Warning, "Template placeholder has no value", "layout");
        public static readonly DiagnosticDescriptor NeverNaSectionMarkedNa = new("DCS0505", Severity.Warning, "A section that is never N/A is marked N/A", "layout");
        public static readonly DiagnosticDescriptor LiteralReferenceStale = new("DCS0506", Severity.Warning, "Hand-written table or section number does not point at what it names", "layout");
    }
}
