namespace Dcsc.Diagnostics;

/// <summary>
/// Schema stage (SchemaValidator, and the statement-root check of Compilation). DCS0050-DCS0099.
/// </summary>
public static partial class DiagnosticCatalogue
{
    /// <summary>DCS0050: Value has the wrong type.</summary>
    public static Diagnostic WrongType(SourceSpan at, string message) => Descriptors.WrongType.At(at, message);

    /// <summary>DCS0051: Unknown key.</summary>
    public static Diagnostic UnknownKey(SourceSpan at, string message) => Descriptors.UnknownKey.At(at, message);

    /// <summary>DCS0052: Required key is missing.</summary>
    public static Diagnostic RequiredKeyMissing(SourceSpan at, string message) => Descriptors.RequiredKeyMissing.At(at, message);

    /// <summary>DCS0053: Value is not one of the allowed values.</summary>
    public static Diagnostic NotAnAllowedValue(SourceSpan at, string message) => Descriptors.NotAnAllowedValue.At(at, message);

    /// <summary>DCS0054: Value does not have the required form.</summary>
    public static Diagnostic WrongForm(SourceSpan at, string message) => Descriptors.WrongForm.At(at, message);

    /// <summary>DCS0055: Value is out of range.</summary>
    public static Diagnostic OutOfRange(SourceSpan at, string message) => Descriptors.OutOfRange.At(at, message);

    /// <summary>DCS0056: List or text has the wrong length.</summary>
    public static Diagnostic WrongLength(SourceSpan at, string message) => Descriptors.WrongLength.At(at, message);

    /// <summary>DCS0057: Value is not valid against the schema.</summary>
    public static Diagnostic NotValidAgainstSchema(SourceSpan at, string message) => Descriptors.NotValidAgainstSchema.At(at, message);

    /// <summary>DCS0058: Duplicate list item.</summary>
    public static Diagnostic DuplicateListItem(SourceSpan at, string message) => Descriptors.DuplicateListItem.At(at, message);

    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor WrongType = new("DCS0050", Severity.Error, "Value has the wrong type", "schema");
        public static readonly DiagnosticDescriptor UnknownKey = new("DCS0051", Severity.Error, "Unknown key", "schema");
        public static readonly DiagnosticDescriptor RequiredKeyMissing = new("DCS0052", Severity.Error, "Required key is missing", "schema");
        public static readonly DiagnosticDescriptor NotAnAllowedValue = new("DCS0053", Severity.Error, "Value is not one of the allowed values", "schema");
        public static readonly DiagnosticDescriptor WrongForm = new("DCS0054", Severity.Error, "Value does not have the required form", "schema");
        public static readonly DiagnosticDescriptor OutOfRange = new("DCS0055", Severity.Error, "Value is out of range", "schema");
        public static readonly DiagnosticDescriptor WrongLength = new("DCS0056", Severity.Error, "List or text has the wrong length", "schema");
        public static readonly DiagnosticDescriptor NotValidAgainstSchema = new("DCS0057", Severity.Error, "Value is not valid against the schema", "schema");
        public static readonly DiagnosticDescriptor DuplicateListItem = new("DCS0058", Severity.Error, "Duplicate list item", "schema");
    }
}
