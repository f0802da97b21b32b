namespace Dcsc.Diagnostics;

/// <summary>
/// Rules stage, network declarations (Rules/NetworkRules.cs): AEs sharing an AE Title (DCS0308), Transfer Syntax
/// policies and sets (DCS0316, DCS0318), "every Storage SOP Class" (DCS0317), and the completeness warnings
/// (DCS0320-DCS0328): a fact the product has but the statement does not state is reported, never printed as N/A.
/// Severities are configurable in dcsc.yaml; <c>completeness:</c> sets all completeness warnings at once.
/// </summary>
public static partial class DiagnosticCatalogue
{
    /// <summary>The category of the completeness warnings (issue 12 point 10).</summary>
    public const string CompletenessCategory = "completeness";

    /// <summary>DCS0308: AEs sharing an AE Title make conflicting claims.</summary>
    public static Diagnostic SharedAeTitleConflict(SourceSpan at, string message) => Descriptors.SharedAeTitleConflict.At(at, message);

    /// <summary>DCS0316: Transfer Syntax policy does not fit the role.</summary>
    public static Diagnostic TransferSyntaxPolicyMisfit(SourceSpan at, string message) => Descriptors.TransferSyntaxPolicyMisfit.At(at, message);

    /// <summary>DCS0317: Exclusion names no Storage SOP Class of the dictionary edition.</summary>
    public static Diagnostic EveryStorageExclusionUnknown(SourceSpan at, string message) => Descriptors.EveryStorageExclusionUnknown.At(at, message);

    /// <summary>DCS0318: Activity leaves a SOP Class without a Transfer Syntax.</summary>
    public static Diagnostic ActivityLeavesNoTransferSyntax(SourceSpan at, string message) => Descriptors.ActivityLeavesNoTransferSyntax.At(at, message);

    /// <summary>DCS0320: Application Entity accepts associations but states no port.</summary>
    public static Diagnostic AcceptorWithoutPort(SourceSpan at, string message) => Descriptors.AcceptorWithoutPort.At(at, message);

    /// <summary>DCS0321: No Specific Character Set is stated.</summary>
    public static Diagnostic CharacterSetsNotStated(SourceSpan at, string message) => Descriptors.CharacterSetsNotStated.At(at, message);

    /// <summary>DCS0322: Real-World Activity has no SOP Class.</summary>
    public static Diagnostic ActivityWithoutSopClass(SourceSpan at, string message) => Descriptors.ActivityWithoutSopClass.At(at, message);

    /// <summary>DCS0323: Fact answered "not documented".</summary>
    public static Diagnostic FactNotDocumented(SourceSpan at, string message) => Descriptors.FactNotDocumented.At(at, message);

    /// <summary>DCS0324: Application Entity with DIMSE roles states no AE Title.</summary>
    public static Diagnostic AeTitleNotStated(SourceSpan at, string message) => Descriptors.AeTitleNotStated.At(at, message);

    /// <summary>DCS0325: Application Entity accepts associations but states no maximum PDU length.</summary>
    public static Diagnostic MaxPduNotStated(SourceSpan at, string message) => Descriptors.MaxPduNotStated.At(at, message);

    /// <summary>DCS0326: DICOMweb origin server without a base URL.</summary>
    public static Diagnostic BaseUrlNotStated(SourceSpan at, string message) => Descriptors.BaseUrlNotStated.At(at, message);

    /// <summary>DCS0327: A service the product uses has no status table.</summary>
    public static Diagnostic StatusTableMissing(SourceSpan at, string message) => Descriptors.StatusTableMissing.At(at, message);

    /// <summary>DCS0328: The cover page has no date or no document id.</summary>
    public static Diagnostic CoverFactsMissing(SourceSpan at, string message) => Descriptors.CoverFactsMissing.At(at, message);

    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor SharedAeTitleConflict = new("DCS0308", Severity.Warning, "AEs sharing an AE Title make conflicting claims", "consistency");
        public static readonly DiagnosticDescriptor TransferSyntaxPolicyMisfit = new("DCS0316", Severity.Warning, "Transfer Syntax policy does not fit the role", "consistency");
        public static readonly DiagnosticDescriptor EveryStorageExclusionUnknown = new("DCS0317", Severity.Warning, "Exclusion names no Storage SOP Class of the dictionary edition", "consistency");
        public static readonly DiagnosticDescriptor ActivityLeavesNoTransferSyntax = new("DCS0318", Severity.Warning, "Activity leaves a SOP Class without a Transfer Syntax", "consistency");
        public static readonly DiagnosticDescriptor AcceptorWithoutPort = new("DCS0320", Severity.Warning, "Application Entity accepts associations but states no port", "completeness");
        public static readonly DiagnosticDescriptor CharacterSetsNotStated = new("DCS0321", Severity.Warning, "No Specific Character Set is stated", "completeness");
        public static readonly DiagnosticDescriptor ActivityWithoutSopClass = new("DCS0322", Severity.Warning, "Real-World Activity has no SOP Class", "completeness");
        public static readonly DiagnosticDescriptor FactNotDocumented = new("DCS0323", Severity.Warning, "Fact answered \"not documented\"", "completeness");
        public static readonly DiagnosticDescriptor AeTitleNotStated = new("DCS0324", Severity.Warning, "Application Entity with DIMSE roles states no AE Title", "completeness");
        public static readonly DiagnosticDescriptor MaxPduNotStated = new("DCS0325", Severity.Warning, "Application Entity accepts associations but states no maximum PDU length", "completeness");
        public static readonly DiagnosticDescriptor BaseUrlNotStated = new("DCS0326", Severity.Warning, "DICOMweb origin server without a base URL", "completeness");
        public static readonly DiagnosticDescriptor StatusTableMissing = new("DCS0327", Severity.Warning, "A service the product uses has no status table", "completeness");
        public static readonly DiagnosticDescriptor CoverFactsMissing = new("DCS0328", Severity.Warning, "The cover page has no date or no document id", "completeness");
    }
}
