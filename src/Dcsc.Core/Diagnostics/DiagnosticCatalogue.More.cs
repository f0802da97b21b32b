namespace Dcsc.Diagnostics;

public static partial class DiagnosticCatalogue
{
    private static IEnumerable<DiagnosticDescriptor> Extra() => Build.Concat(Rules);

    // Build and tool errors: output files, templates, configuration.
    private static readonly DiagnosticDescriptor[] Build =
    {
        new("DCS9001", Severity.Error, "Output cannot be written", "build"),
        new("DCS9002", Severity.Error, "Template cannot be parsed or fails", "build"),
        new("DCS9003", Severity.Error, "Configuration file is invalid", "build"),
        new("DCS9004", Severity.Error, "Reference document cannot be used", "build"),
        new("DCS9005", Severity.Error, "Markdown text cannot be rendered (nested too deeply or too costly to parse)", "build"),
    };

    // Semantic lint rules (Rules stage): filled in by the rules; see docs/rules/.
    private static readonly DiagnosticDescriptor[] Rules =
    {
        new("DCS0501", Severity.Warning, "Template placeholder has no value", "layout"),
    };
}
