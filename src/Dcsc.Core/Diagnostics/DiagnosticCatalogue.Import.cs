namespace Dcsc.Diagnostics;

/// <summary>
/// <c>dcsc import</c>: an input that cannot be imported, an output folder that already holds a project. DCS9100-DCS9119.
/// </summary>
public static partial class DiagnosticCatalogue
{
    /// <summary>DCS9101: Input cannot be imported (not a statement, unreadable, encrypted, over a limit).</summary>
    public static Diagnostic InputCannotBeImported(SourceSpan at, string message) => Descriptors.InputCannotBeImported.At(at, message);

    /// <summary>DCS9102: Import would replace an existing project.</summary>
    public static Diagnostic ImportWouldOverwrite(SourceSpan at, string message) => Descriptors.ImportWouldOverwrite.At(at, message);

    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor InputCannotBeImported = new("DCS9101", Severity.Error, "Input cannot be imported (not a statement, unreadable, encrypted, over a limit)", "import");
        public static readonly DiagnosticDescriptor ImportWouldOverwrite = new("DCS9102", Severity.Error, "Import would replace an existing project", "import");
    }
}
