namespace Dcsc.Diagnostics;

/// <summary>
/// Rules stage: author tables (issue 12 point 8; AuthorTableRules). DCS0510, DCS0511.
/// </summary>
public static partial class DiagnosticCatalogue
{
    /// <summary>DCS0510: Author table row does not fit its columns, or table key used twice.</summary>
    public static Diagnostic AuthorTableMalformed(SourceSpan at, string message) => Descriptors.AuthorTableMalformed.At(at, message);

    /// <summary>DCS0511: Table reference names no table.</summary>
    public static Diagnostic TableReferenceUnresolved(SourceSpan at, string message) => Descriptors.TableReferenceUnresolved.At(at, message);

    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor AuthorTableMalformed = new("DCS0510", Severity.Error, "Author table row does not fit its columns, or table key used twice", "ps32");
        public static readonly DiagnosticDescriptor TableReferenceUnresolved = new("DCS0511", Severity.Error, "Table reference names no table", "ps32");
    }
}
