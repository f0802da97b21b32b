namespace Dcsc.Diagnostics;

/// <summary>
/// Source stage (SourceLoader): reading files, YAML syntax, limits, includes. DCS0001-DCS0049.
/// </summary>
public static partial class DiagnosticCatalogue
{
    /// <summary>DCS0001: File cannot be read.</summary>
    public static Diagnostic FileCannotBeRead(SourceSpan at, string message) => Descriptors.FileCannotBeRead.At(at, message);

    /// <summary>DCS0002: YAML syntax error.</summary>
    public static Diagnostic YamlSyntaxError(SourceSpan at, string message) => Descriptors.YamlSyntaxError.At(at, message);

    /// <summary>DCS0003: File is not valid text (encoding, NUL bytes or binary).</summary>
    public static Diagnostic NotValidText(SourceSpan at, string message) => Descriptors.NotValidText.At(at, message);

    /// <summary>DCS0004: Alias expansion limit exceeded.</summary>
    public static Diagnostic AliasExpansionLimit(SourceSpan at, string message) => Descriptors.AliasExpansionLimit.At(at, message);

    /// <summary>DCS0005: Nesting depth limit exceeded.</summary>
    public static Diagnostic NestingDepthLimit(SourceSpan at, string message) => Descriptors.NestingDepthLimit.At(at, message);

    /// <summary>DCS0006: File is larger than the size limit.</summary>
    public static Diagnostic FileTooLarge(SourceSpan at, string message) => Descriptors.FileTooLarge.At(at, message);

    /// <summary>DCS0007: Duplicate key.</summary>
    public static Diagnostic DuplicateKey(SourceSpan at, string message) => Descriptors.DuplicateKey.At(at, message);

    /// <summary>DCS0008: Include cannot be resolved.</summary>
    public static Diagnostic IncludeCannotBeResolved(SourceSpan at, string message) => Descriptors.IncludeCannotBeResolved.At(at, message);

    /// <summary>DCS0009: Include escapes the project root.</summary>
    public static Diagnostic IncludeEscapesProject(SourceSpan at, string message) => Descriptors.IncludeEscapesProject.At(at, message);

    /// <summary>DCS0010: Include cycle.</summary>
    public static Diagnostic IncludeCycle(SourceSpan at, string message) => Descriptors.IncludeCycle.At(at, message);

    /// <summary>DCS0011: Empty statement.</summary>
    public static Diagnostic EmptyStatement(SourceSpan at, string message) => Descriptors.EmptyStatement.At(at, message);

    /// <summary>DCS0012: More than one YAML document in a file.</summary>
    public static Diagnostic MoreThanOneDocument(SourceSpan at, string message) => Descriptors.MoreThanOneDocument.At(at, message);

    /// <summary>DCS0014: Base statement cannot be extended.</summary>
    public static Diagnostic ExtendsCannotBeResolved(SourceSpan at, string message) => Descriptors.ExtendsCannotBeResolved.At(at, message);

    /// <summary>DCS0015: `remove` names something the base statement does not have.</summary>
    public static Diagnostic RemoveNamesNothing(SourceSpan at, string message) => Descriptors.RemoveNamesNothing.At(at, message);

    /// <summary>DCS0013: Unsupported YAML tag.</summary>
    public static Diagnostic UnsupportedYamlTag(SourceSpan at, string message) => Descriptors.UnsupportedYamlTag.At(at, message);

    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor FileCannotBeRead = new("DCS0001", Severity.Error, "File cannot be read", "source");
        public static readonly DiagnosticDescriptor YamlSyntaxError = new("DCS0002", Severity.Error, "YAML syntax error", "source");
        public static readonly DiagnosticDescriptor NotValidText = new("DCS0003", Severity.Error, "File is not valid text (encoding, NUL bytes or binary)", "source");
        public static readonly DiagnosticDescriptor AliasExpansionLimit = new("DCS0004", Severity.Error, "Alias expansion limit exceeded", "source");
        public static readonly DiagnosticDescriptor NestingDepthLimit = new("DCS0005", Severity.Error, "Nesting depth limit exceeded", "source");
        public static readonly DiagnosticDescriptor FileTooLarge = new("DCS0006", Severity.Error, "File is larger than the size limit", "source");
        public static readonly DiagnosticDescriptor DuplicateKey = new("DCS0007", Severity.Error, "Duplicate key", "source");
        public static readonly DiagnosticDescriptor IncludeCannotBeResolved = new("DCS0008", Severity.Error, "Include cannot be resolved", "source");
        public static readonly DiagnosticDescriptor IncludeEscapesProject = new("DCS0009", Severity.Error, "Include escapes the project root", "source");
        public static readonly DiagnosticDescriptor IncludeCycle = new("DCS0010", Severity.Error, "Include cycle", "source");
        public static readonly DiagnosticDescriptor EmptyStatement = new("DCS0011", Severity.Error, "Empty statement", "source");
        public static readonly DiagnosticDescriptor MoreThanOneDocument = new("DCS0012", Severity.Error, "More than one YAML document in a file", "source");
        public static readonly DiagnosticDescriptor UnsupportedYamlTag = new("DCS0013", Severity.Error, "Unsupported YAML tag", "source");
        public static readonly DiagnosticDescriptor ExtendsCannotBeResolved = new("DCS0014", Severity.Error, "Base statement cannot be extended", "source");
        public static readonly DiagnosticDescriptor RemoveNamesNothing = new("DCS0015", Severity.Warning, "`remove` names something the base statement does not have", "source");
    }
}
