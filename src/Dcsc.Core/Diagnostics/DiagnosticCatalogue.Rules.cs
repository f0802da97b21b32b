namespace Dcsc.Diagnostics;

/// <summary>
/// Rules stage: UIDs (DCS01xx), attributes (DCS02xx), consistency (DCS03xx), protocol facts (DCS04xx) and PS3.2
/// conventions (DCS0502-DCS0504). Severities are configurable in dcsc.yaml.
/// </summary>
public static partial class DiagnosticCatalogue
{
    /// <summary>DCS0101: UID is malformed.</summary>
    public static Diagnostic UidMalformed(SourceSpan at, string message) => Descriptors.UidMalformed.At(at, message);

    /// <summary>DCS0102: UID under the DICOM root is not in the dictionary edition.</summary>
    public static Diagnostic UidNotInDictionary(SourceSpan at, string message) => Descriptors.UidNotInDictionary.At(at, message);

    /// <summary>DCS0103: Retired SOP Class or Transfer Syntax.</summary>
    public static Diagnostic RetiredUid(SourceSpan at, string message) => Descriptors.RetiredUid.At(at, message);

    /// <summary>DCS0104: Name does not match the UID.</summary>
    public static Diagnostic UidNameMismatch(SourceSpan at, string message) => Descriptors.UidNameMismatch.At(at, message);

    /// <summary>DCS0105: UID of the wrong type in this place.</summary>
    public static Diagnostic UidOfWrongType(SourceSpan at, string message) => Descriptors.UidOfWrongType.At(at, message);

    /// <summary>DCS0106: SOP Class of the wrong service in this place.</summary>
    public static Diagnostic SopClassOfWrongService(SourceSpan at, string message) => Descriptors.SopClassOfWrongService.At(at, message);

    /// <summary>DCS0201: Tag is malformed.</summary>
    public static Diagnostic TagMalformed(SourceSpan at, string message) => Descriptors.TagMalformed.At(at, message);

    /// <summary>DCS0202: Unknown public attribute tag.</summary>
    public static Diagnostic UnknownPublicTag(SourceSpan at, string message) => Descriptors.UnknownPublicTag.At(at, message);

    /// <summary>DCS0203: Attribute name does not match the tag.</summary>
    public static Diagnostic AttributeNameMismatch(SourceSpan at, string message) => Descriptors.AttributeNameMismatch.At(at, message);

    /// <summary>DCS0204: VR differs from the dictionary.</summary>
    public static Diagnostic VrMismatch(SourceSpan at, string message) => Descriptors.VrMismatch.At(at, message);

    /// <summary>DCS0205: VM differs from the dictionary.</summary>
    public static Diagnostic VmMismatch(SourceSpan at, string message) => Descriptors.VmMismatch.At(at, message);

    /// <summary>DCS0206: Private attribute without its Private Creator.</summary>
    public static Diagnostic PrivateTagWithoutCreator(SourceSpan at, string message) => Descriptors.PrivateTagWithoutCreator.At(at, message);

    /// <summary>DCS0301: Application Entity is not declared.</summary>
    public static Diagnostic AeNotDeclared(SourceSpan at, string message) => Descriptors.AeNotDeclared.At(at, message);

    /// <summary>DCS0302: Transfer Syntax Set is not declared.</summary>
    public static Diagnostic TransferSyntaxSetNotDeclared(SourceSpan at, string message) => Descriptors.TransferSyntaxSetNotDeclared.At(at, message);

    /// <summary>DCS0303: SOP Class used in an activity is not declared.</summary>
    public static Diagnostic ActivitySopClassNotDeclared(SourceSpan at, string message) => Descriptors.ActivitySopClassNotDeclared.At(at, message);

    /// <summary>DCS0304: IOD SOP Class is not declared.</summary>
    public static Diagnostic IodSopClassNotDeclared(SourceSpan at, string message) => Descriptors.IodSopClassNotDeclared.At(at, message);

    /// <summary>DCS0305: Application Entity supports no SOP Class.</summary>
    public static Diagnostic AeSupportsNoSopClass(SourceSpan at, string message) => Descriptors.AeSupportsNoSopClass.At(at, message);

    /// <summary>DCS0306: Transfer Syntax Set is never used.</summary>
    public static Diagnostic TransferSyntaxSetUnused(SourceSpan at, string message) => Descriptors.TransferSyntaxSetUnused.At(at, message);

    /// <summary>DCS0307: Duplicate Application Entity name.</summary>
    public static Diagnostic DuplicateAeName(SourceSpan at, string message) => Descriptors.DuplicateAeName.At(at, message);

    /// <summary>DCS0309: Duplicate port.</summary>
    public static Diagnostic DuplicatePort(SourceSpan at, string message) => Descriptors.DuplicatePort.At(at, message);

    /// <summary>DCS0310: SOP Class declared twice.</summary>
    public static Diagnostic SopClassDeclaredTwice(SourceSpan at, string message) => Descriptors.SopClassDeclaredTwice.At(at, message);

    /// <summary>DCS0311: Created SOP Class has no IOD in Annex A.</summary>
    public static Diagnostic CreatedSopClassWithoutIod(SourceSpan at, string message) => Descriptors.CreatedSopClassWithoutIod.At(at, message);

    /// <summary>DCS0312: DICOMweb transaction without a media type.</summary>
    public static Diagnostic DicomWebWithoutMediaType(SourceSpan at, string message) => Descriptors.DicomWebWithoutMediaType.At(at, message);

    /// <summary>DCS0313: Activity uses a SOP Class its AE does not support.</summary>
    public static Diagnostic ActivitySopClassNotSupportedByAe(SourceSpan at, string message) => Descriptors.ActivitySopClassNotSupportedByAe.At(at, message);

    /// <summary>DCS0314: Duplicate Transfer Syntax Set code.</summary>
    public static Diagnostic DuplicateTransferSyntaxSetCode(SourceSpan at, string message) => Descriptors.DuplicateTransferSyntaxSetCode.At(at, message);

    /// <summary>DCS0315: Service role described but not claimed.</summary>
    public static Diagnostic RoleDescribedNotClaimed(SourceSpan at, string message) => Descriptors.RoleDescribedNotClaimed.At(at, message);

    /// <summary>DCS0401: Status code not defined for the operation.</summary>
    public static Diagnostic StatusCodeNotDefined(SourceSpan at, string message) => Descriptors.StatusCodeNotDefined.At(at, message);

    /// <summary>DCS0402: Status code listed under the wrong status class.</summary>
    public static Diagnostic StatusCodeWrongClass(SourceSpan at, string message) => Descriptors.StatusCodeWrongClass.At(at, message);

    /// <summary>DCS0403: Matching type not allowed for the attribute's VR.</summary>
    public static Diagnostic MatchingTypeNotAllowed(SourceSpan at, string message) => Descriptors.MatchingTypeNotAllowed.At(at, message);

    /// <summary>DCS0404: Specific Character Set is not a Defined Term.</summary>
    public static Diagnostic CharacterSetNotDefinedTerm(SourceSpan at, string message) => Descriptors.CharacterSetNotDefinedTerm.At(at, message);

    /// <summary>DCS0405: VR does not exist.</summary>
    public static Diagnostic VrDoesNotExist(SourceSpan at, string message) => Descriptors.VrDoesNotExist.At(at, message);

    /// <summary>DCS0406: Role or operation the service does not define.</summary>
    public static Diagnostic RoleOrOperationNotDefined(SourceSpan at, string message) => Descriptors.RoleOrOperationNotDefined.At(at, message);

    /// <summary>DCS0407: Extended negotiation on a SOP Class whose service defines none.</summary>
    public static Diagnostic ExtendedNegotiationNotDefinedByService(SourceSpan at, string message) => Descriptors.ExtendedNegotiationNotDefinedByService.At(at, message);

    /// <summary>DCS0502: Leftover template text.</summary>
    public static Diagnostic LeftoverTemplateText(SourceSpan at, string message) => Descriptors.LeftoverTemplateText.At(at, message);

    /// <summary>DCS0503: Support value is not Y or N.</summary>
    public static Diagnostic SupportValueNotYOrN(SourceSpan at, string message) => Descriptors.SupportValueNotYOrN.At(at, message);

    /// <summary>DCS0504: Value range not written as [low … high].</summary>
    public static Diagnostic RangeNotBracketed(SourceSpan at, string message) => Descriptors.RangeNotBracketed.At(at, message);

    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor UidMalformed = new("DCS0101", Severity.Error, "UID is malformed", "uid");
        public static readonly DiagnosticDescriptor UidNotInDictionary = new("DCS0102", Severity.Warning, "UID under the DICOM root is not in the dictionary edition", "uid");
        public static readonly DiagnosticDescriptor RetiredUid = new("DCS0103", Severity.Warning, "Retired SOP Class or Transfer Syntax", "uid");
        public static readonly DiagnosticDescriptor UidNameMismatch = new("DCS0104", Severity.Error, "Name does not match the UID", "uid");
        public static readonly DiagnosticDescriptor UidOfWrongType = new("DCS0105", Severity.Error, "UID of the wrong type in this place", "uid");
        public static readonly DiagnosticDescriptor SopClassOfWrongService = new("DCS0106", Severity.Error, "SOP Class of the wrong service in this place", "uid");
        public static readonly DiagnosticDescriptor TagMalformed = new("DCS0201", Severity.Error, "Tag is malformed", "attribute");
        public static readonly DiagnosticDescriptor UnknownPublicTag = new("DCS0202", Severity.Error, "Unknown public attribute tag", "attribute");
        public static readonly DiagnosticDescriptor AttributeNameMismatch = new("DCS0203", Severity.Error, "Attribute name does not match the tag", "attribute");
        public static readonly DiagnosticDescriptor VrMismatch = new("DCS0204", Severity.Error, "VR differs from the dictionary", "attribute");
        public static readonly DiagnosticDescriptor VmMismatch = new("DCS0205", Severity.Error, "VM differs from the dictionary", "attribute");
        public static readonly DiagnosticDescriptor PrivateTagWithoutCreator = new("DCS0206", Severity.Error, "Private attribute without its Private Creator", "attribute");
        public static readonly DiagnosticDescriptor AeNotDeclared = new("DCS0301", Severity.Error, "Application Entity is not declared", "consistency");
        public static readonly DiagnosticDescriptor TransferSyntaxSetNotDeclared = new("DCS0302", Severity.Error, "Transfer Syntax Set is not declared", "consistency");
        public static readonly DiagnosticDescriptor ActivitySopClassNotDeclared = new("DCS0303", Severity.Error, "SOP Class used in an activity is not declared", "consistency");
        public static readonly DiagnosticDescriptor IodSopClassNotDeclared = new("DCS0304", Severity.Error, "IOD SOP Class is not declared", "consistency");
        public static readonly DiagnosticDescriptor AeSupportsNoSopClass = new("DCS0305", Severity.Warning, "Application Entity supports no SOP Class", "consistency");
        public static readonly DiagnosticDescriptor TransferSyntaxSetUnused = new("DCS0306", Severity.Warning, "Transfer Syntax Set is never used", "consistency");
        public static readonly DiagnosticDescriptor DuplicateAeName = new("DCS0307", Severity.Error, "Duplicate Application Entity name", "consistency");
        public static readonly DiagnosticDescriptor DuplicatePort = new("DCS0309", Severity.Warning, "Duplicate port", "consistency");
        public static readonly DiagnosticDescriptor SopClassDeclaredTwice = new("DCS0310", Severity.Error, "SOP Class declared twice", "consistency");
        public static readonly DiagnosticDescriptor CreatedSopClassWithoutIod = new("DCS0311", Severity.Warning, "Created SOP Class has no IOD in Annex A", "consistency");
        public static readonly DiagnosticDescriptor DicomWebWithoutMediaType = new("DCS0312", Severity.Error, "DICOMweb transaction without a media type", "consistency");
        public static readonly DiagnosticDescriptor ActivitySopClassNotSupportedByAe = new("DCS0313", Severity.Warning, "Activity uses a SOP Class its AE does not support", "consistency");
        public static readonly DiagnosticDescriptor DuplicateTransferSyntaxSetCode = new("DCS0314", Severity.Error, "Duplicate Transfer Syntax Set code", "consistency");
        public static readonly DiagnosticDescriptor RoleDescribedNotClaimed = new("DCS0315", Severity.Warning, "Service role described but not claimed", "consistency");
        public static readonly DiagnosticDescriptor StatusCodeNotDefined = new("DCS0401", Severity.Error, "Status code not defined for the operation", "protocol");
        public static readonly DiagnosticDescriptor StatusCodeWrongClass = new("DCS0402", Severity.Error, "Status code listed under the wrong status class", "protocol");
        public static readonly DiagnosticDescriptor MatchingTypeNotAllowed = new("DCS0403", Severity.Error, "Matching type not allowed for the attribute's VR", "protocol");
        public static readonly DiagnosticDescriptor CharacterSetNotDefinedTerm = new("DCS0404", Severity.Error, "Specific Character Set is not a Defined Term", "protocol");
        public static readonly DiagnosticDescriptor VrDoesNotExist = new("DCS0405", Severity.Error, "VR does not exist", "protocol");
        public static readonly DiagnosticDescriptor RoleOrOperationNotDefined = new("DCS0406", Severity.Error, "Role or operation the service does not define", "protocol");
        public static readonly DiagnosticDescriptor ExtendedNegotiationNotDefinedByService = new("DCS0407", Severity.Error, "Extended negotiation on a SOP Class whose service defines none", "protocol");
        public static readonly DiagnosticDescriptor LeftoverTemplateText = new("DCS0502", Severity.Error, "Leftover template text", "ps32");
        public static readonly DiagnosticDescriptor SupportValueNotYOrN = new("DCS0503", Severity.Error, "Support value is not Y or N", "ps32");
        public static readonly DiagnosticDescriptor RangeNotBracketed = new("DCS0504", Severity.Warning, "Value range not written as [low … high]", "ps32");
    }
}
