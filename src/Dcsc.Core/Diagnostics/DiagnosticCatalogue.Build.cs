namespace Dcsc.Diagnostics;

/// <summary>
/// Build and tool errors: output files, templates, configuration, reference document, Markdown text, PDF engine. DCS9000-DCS9999.
/// </summary>
public static partial class DiagnosticCatalogue
{
    /// <summary>DCS9001: Output cannot be written.</summary>
    public static Diagnostic OutputCannotBeWritten(SourceSpan at, string message) => Descriptors.OutputCannotBeWritten.At(at, message);

    /// <summary>DCS9002: Template cannot be parsed or fails.</summary>
    public static Diagnostic TemplateFails(SourceSpan at, string message) => Descriptors.TemplateFails.At(at, message);

    /// <summary>DCS9003: Configuration file is invalid.</summary>
    public static Diagnostic ConfigurationInvalid(SourceSpan at, string message) => Descriptors.ConfigurationInvalid.At(at, message);

    /// <summary>DCS9004: Reference document cannot be used.</summary>
    public static Diagnostic ReferenceDocumentUnusable(SourceSpan at, string message) => Descriptors.ReferenceDocumentUnusable.At(at, message);

    /// <summary>DCS9005: Markdown text cannot be rendered (nested too deeply or too costly to parse).</summary>
    public static Diagnostic MarkdownCannotBeRendered(SourceSpan at, string message) => Descriptors.MarkdownCannotBeRendered.At(at, message);

    /// <summary>DCS9006: PDF engine is missing or fails.</summary>
    public static Diagnostic PdfEngineFails(SourceSpan at, string message) => Descriptors.PdfEngineFails.At(at, message);

    /// <summary>DCS9007: Statement declares no DICOMweb origin server (nothing for a WADL capabilities document).</summary>
    public static Diagnostic NoOriginServer(SourceSpan at, string message) => Descriptors.NoOriginServer.At(at, message);

    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor OutputCannotBeWritten = new("DCS9001", Severity.Error, "Output cannot be written", "build");
        public static readonly DiagnosticDescriptor TemplateFails = new("DCS9002", Severity.Error, "Template cannot be parsed or fails", "build");
        public static readonly DiagnosticDescriptor ConfigurationInvalid = new("DCS9003", Severity.Error, "Configuration file is invalid", "build");
        public static readonly DiagnosticDescriptor ReferenceDocumentUnusable = new("DCS9004", Severity.Error, "Reference document cannot be used", "build");
        public static readonly DiagnosticDescriptor MarkdownCannotBeRendered = new("DCS9005", Severity.Error, "Markdown text cannot be rendered (nested too deeply or too costly to parse)", "build");
        public static readonly DiagnosticDescriptor PdfEngineFails = new("DCS9006", Severity.Error, "PDF engine is missing or fails", "build");
        public static readonly DiagnosticDescriptor NoOriginServer = new("DCS9007", Severity.Error, "Statement declares no DICOMweb origin server (nothing for a WADL capabilities document)", "build");
    }
}
