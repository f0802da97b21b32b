namespace Dcsc.Diagnostics;

/// <summary>
/// Rules stage, PS3.4 requirements (Ps34Rules), DCS1001-DCS1999: an error when a fact with its own field is missing or
/// a stated fact contradicts PS3.4; a warning when narrative PS3.4 asks for seems to be missing (dcsc can only see
/// whether text is there). Severities are configurable in dcsc.yaml.
/// </summary>
public static partial class DiagnosticCatalogue
{
    /// <summary>DCS1001: Non-standard SOP Class without a SOP Class Identification Statement (PS3.4 B.4.4.1).</summary>
    public static Diagnostic NonStandardSopClassWithoutIdentification(SourceSpan at, string message) => Descriptors.NonStandardSopClassWithoutIdentification.At(at, message);

    /// <summary>DCS1002: SOP Class claims no role (PS3.4 A.6.3, B.4.3, C.6.1.2, …).</summary>
    public static Diagnostic SopClassClaimsNoRole(SourceSpan at, string message) => Descriptors.SopClassClaimsNoRole.At(at, message);

    /// <summary>DCS1003: Section of a claimed service role is marked N/A (PS3.4 B.4.3, …).</summary>
    public static Diagnostic ClaimedRoleSectionNa(SourceSpan at, string message) => Descriptors.ClaimedRoleSectionNa.At(at, message);

    /// <summary>DCS1004: Role Selection Negotiation not stated where PS3.4 requires it (PS3.4 F.2.1, J.2.1, C.5.3).</summary>
    public static Diagnostic RoleSelectionNotStated(SourceSpan at, string message) => Descriptors.RoleSelectionNotStated.At(at, message);

    /// <summary>DCS1005: Extended negotiation value not defined by the service (PS3.4 B.3.1, C.5, K.5).</summary>
    public static Diagnostic ExtendedNegotiationValueNotDefined(SourceSpan at, string message) => Descriptors.ExtendedNegotiationValueNotDefined.At(at, message);

    /// <summary>DCS1006: C-FIND/C-MOVE/C-GET SCP does not state priority support (PS3.4 C.4.1.1.2, C.4.2.1.2, C.4.3.1.2, K.4.1.1.2).</summary>
    public static Diagnostic PrioritySupportNotStated(SourceSpan at, string message) => Descriptors.PrioritySupportNotStated.At(at, message);

    /// <summary>DCS1007: Storage SCP does not state its Level of Storage Support (PS3.4 B.4.3.2).</summary>
    public static Diagnostic StorageLevelNotStated(SourceSpan at, string message) => Descriptors.StorageLevelNotStated.At(at, message);

    /// <summary>DCS1008: Storage SCP Level of Digital Signature Support missing or inconsistent (PS3.4 B.4.3.2, B.4.1.4).</summary>
    public static Diagnostic DigitalSignatureLevel(SourceSpan at, string message) => Descriptors.DigitalSignatureLevel.At(at, message);

    /// <summary>DCS1009: Level 0 Storage SCP does not define the Attributes it stores (PS3.4 B.4.1.1).</summary>
    public static Diagnostic Level0AttributesNotDefined(SourceSpan at, string message) => Descriptors.Level0AttributesNotDefined.At(at, message);

    /// <summary>DCS1010: Storage SCP does not state Attribute coercion (PS3.4 B.4.3.2, B.4.1.3).</summary>
    public static Diagnostic CoercionNotStated(SourceSpan at, string message) => Descriptors.CoercionNotStated.At(at, message);

    /// <summary>DCS1011: Storage SCP does not list the Attributes it discards (PS3.4 B.4.3.2).</summary>
    public static Diagnostic DiscardedAttributesNotListed(SourceSpan at, string message) => Descriptors.DiscardedAttributesNotListed.At(at, message);

    /// <summary>DCS1012: Storage SCP does not state how additional SOP Classes are supported (PS3.4 B.4.3.2, B.4.1.2).</summary>
    public static Diagnostic AdditionalSopClassesNotStated(SourceSpan at, string message) => Descriptors.AdditionalSopClassesNotStated.At(at, message);

    /// <summary>DCS1013: Storage SCP does not state its Lossy Image Compression policy (PS3.4 B.4.3.2).</summary>
    public static Diagnostic LossyCompressionPolicyNotStated(SourceSpan at, string message) => Descriptors.LossyCompressionPolicyNotStated.At(at, message);

    /// <summary>DCS1014: Storage SCP does not describe successful C-STORE behaviour (PS3.4 B.4.3.2).</summary>
    public static Diagnostic StoreSuccessNotDescribed(SourceSpan at, string message) => Descriptors.StoreSuccessNotDescribed.At(at, message);

    /// <summary>DCS1015: Storage SCP does not describe its C-STORE failure and warning statuses (PS3.4 B.4.3.2).</summary>
    public static Diagnostic StoreScpStatusesNotDescribed(SourceSpan at, string message) => Descriptors.StoreScpStatusesNotDescribed.At(at, message);

    /// <summary>DCS1016: Storage SCU does not describe its behaviour on C-STORE statuses (PS3.4 B.4.3.1).</summary>
    public static Diagnostic StoreScuStatusesNotDescribed(SourceSpan at, string message) => Descriptors.StoreScuStatusesNotDescribed.At(at, message);

    /// <summary>DCS1017: Storage SCU does not state its extended negotiation (PS3.4 B.4.3.1).</summary>
    public static Diagnostic StorageScuExtendedNegotiationNotStated(SourceSpan at, string message) => Descriptors.StorageScuExtendedNegotiationNotStated.At(at, message);

    /// <summary>DCS1018: Created IOD lists no Attributes (PS3.4 B.4.3.1).</summary>
    public static Diagnostic CreatedIodListsNoAttributes(SourceSpan at, string message) => Descriptors.CreatedIodListsNoAttributes.At(at, message);

    /// <summary>DCS1019: JPIP Referenced Pixel Data proposed without a description (PS3.4 B.4.3.1).</summary>
    public static Diagnostic JpipWithoutDescription(SourceSpan at, string message) => Descriptors.JpipWithoutDescription.At(at, message);

    /// <summary>DCS1020: For Processing SOP Class without its For Presentation counterpart (PS3.4 B.5.1.1).</summary>
    public static Diagnostic ForProcessingWithoutForPresentation(SourceSpan at, string message) => Descriptors.ForProcessingWithoutForPresentation.At(at, message);

    /// <summary>DCS1021: Enhanced image SCP without the Softcopy Presentation State SCP (PS3.4 B.5.1.6).</summary>
    public static Diagnostic EnhancedWithoutPresentationState(SourceSpan at, string message) => Descriptors.EnhancedWithoutPresentationState.At(at, message);

    /// <summary>DCS1022: SOP Class requires a Level 2 Storage SCP (PS3.4 B.5.1.11, O.2.2, AA.2).</summary>
    public static Diagnostic RequiresLevel2Storage(SourceSpan at, string message) => Descriptors.RequiresLevel2Storage.At(at, message);

    /// <summary>DCS1023: Enhanced Multi-Frame Image Conversion requires a Level 2 Storage SCP (PS3.4 B.5.1.23).</summary>
    public static Diagnostic MultiFrameConversionRequiresLevel2(SourceSpan at, string message) => Descriptors.MultiFrameConversionRequiresLevel2.At(at, message);

    /// <summary>DCS1024: Related General SOP Class not in Table B.3-3 (PS3.4 B.3.1.4).</summary>
    public static Diagnostic RelatedGeneralSopClassNotInTable(SourceSpan at, string message) => Descriptors.RelatedGeneralSopClassNotInTable.At(at, message);

    /// <summary>DCS1025: Specialized SOP Class does not describe its private Attributes (PS3.4 B.4.4.2).</summary>
    public static Diagnostic SpecializedPrivateAttributesNotDescribed(SourceSpan at, string message) => Descriptors.SpecializedPrivateAttributesNotDescribed.At(at, message);

    /// <summary>DCS1026: Basic Structured Display statements missing (PS3.4 B.5.1.9).</summary>
    public static Diagnostic StructuredDisplayStatementsMissing(SourceSpan at, string message) => Descriptors.StructuredDisplayStatementsMissing.At(at, message);

    /// <summary>DCS1027: Content Assessment Results creator does not state Observation Significance criteria (PS3.4 B.5.1.20).</summary>
    public static Diagnostic ObservationSignificanceNotStated(SourceSpan at, string message) => Descriptors.ObservationSignificanceNotStated.At(at, message);

    /// <summary>DCS1028: Storage extended negotiation disagrees with the stated levels (PS3.4 B.3.1, B.4.3.2).</summary>
    public static Diagnostic StorageNegotiationDisagreesWithLevels(SourceSpan at, string message) => Descriptors.StorageNegotiationDisagreesWithLevels.At(at, message);

    /// <summary>DCS1029: C-FIND role does not list its Optional Keys (PS3.4 C.6.1.2, C.6.2.2).</summary>
    public static Diagnostic FindOptionalKeysNotListed(SourceSpan at, string message) => Descriptors.FindOptionalKeysNotListed.At(at, message);

    /// <summary>DCS1030: C-FIND SCP relational-query support not stated or not negotiated (PS3.4 C.6.2.2.2.1).</summary>
    public static Diagnostic RelationalQueryNotStated(SourceSpan at, string message) => Descriptors.RelationalQueryNotStated.At(at, message);

    /// <summary>DCS1031: C-FIND extended negotiation support not stated (PS3.4 C.6.2.2).</summary>
    public static Diagnostic FindExtendedNegotiationNotStated(SourceSpan at, string message) => Descriptors.FindExtendedNegotiationNotStated.At(at, message);

    /// <summary>DCS1032: C-FIND SCP does not state PN case sensitivity (PS3.4 C.6.2.2.2.1).</summary>
    public static Diagnostic PnCaseSensitivityNotStated(SourceSpan at, string message) => Descriptors.PnCaseSensitivityNotStated.At(at, message);

    /// <summary>DCS1033: Query role does not state its Specific Character Set use (PS3.4 C.6.2.2, K.6.1.3).</summary>
    public static Diagnostic QueryCharacterSetNotStated(SourceSpan at, string message) => Descriptors.QueryCharacterSetNotStated.At(at, message);

    /// <summary>DCS1034: C-FIND SCP does not state how it matches DS/IS/DA/TM/DT/PN keys (PS3.4 C.2.2.2).</summary>
    public static Diagnostic FindMatchingNotStated(SourceSpan at, string message) => Descriptors.FindMatchingNotStated.At(at, message);

    /// <summary>DCS1035: C-MOVE/C-GET sub-operation Storage SOP Classes missing or not claimed (PS3.4 C.6.2.2.2.2).</summary>
    public static Diagnostic SubOperationSopClasses(SourceSpan at, string message) => Descriptors.SubOperationSopClasses.At(at, message);

    /// <summary>DCS1036: C-FIND SCP without Retrieve AE Title support (PS3.4 C.4.1.1.3.2).</summary>
    public static Diagnostic RetrieveAeTitleNotSupported(SourceSpan at, string message) => Descriptors.RetrieveAeTitleNotSupported.At(at, message);

    /// <summary>DCS1037: Q/R extended negotiation item not defined for the SOP Class (PS3.4 C.5).</summary>
    public static Diagnostic QrNegotiationItemNotDefined(SourceSpan at, string message) => Descriptors.QrNegotiationItemNotDefined.At(at, message);

    /// <summary>DCS1038: Modality Worklist SCU does not list its keys (PS3.4 K.6.1.3.1).</summary>
    public static Diagnostic WorklistScuKeysNotListed(SourceSpan at, string message) => Descriptors.WorklistScuKeysNotListed.At(at, message);

    /// <summary>DCS1039: Modality Worklist SCP does not list its keys and matching types (PS3.4 K.6.1.3.2, K.2.2.2).</summary>
    public static Diagnostic WorklistScpKeysNotListed(SourceSpan at, string message) => Descriptors.WorklistScpKeysNotListed.At(at, message);

    /// <summary>DCS1040: MPPS role does not enumerate its N-CREATE/N-SET Attributes (PS3.4 F.7.4).</summary>
    public static Diagnostic MppsAttributesNotEnumerated(SourceSpan at, string message) => Descriptors.MppsAttributesNotEnumerated.At(at, message);

    /// <summary>DCS1041: MPPS SCU does not describe when it creates and completes the MPPS (PS3.4 F.7.4.1.1).</summary>
    public static Diagnostic MppsScuBehaviourNotDescribed(SourceSpan at, string message) => Descriptors.MppsScuBehaviourNotDescribed.At(at, message);

    /// <summary>DCS1042: MPPS SCP does not describe its behaviour (PS3.4 F.7.4.2.1).</summary>
    public static Diagnostic MppsScpBehaviourNotDescribed(SourceSpan at, string message) => Descriptors.MppsScpBehaviourNotDescribed.At(at, message);

    /// <summary>DCS1043: MPPS Retrieve role does not enumerate its N-GET Attributes (PS3.4 F.8.4).</summary>
    public static Diagnostic MppsRetrieveAttributesNotEnumerated(SourceSpan at, string message) => Descriptors.MppsRetrieveAttributesNotEnumerated.At(at, message);

    /// <summary>DCS1044: MPPS Notification role does not enumerate its event types (PS3.4 F.9.4).</summary>
    public static Diagnostic MppsNotificationEventsNotEnumerated(SourceSpan at, string message) => Descriptors.MppsNotificationEventsNotEnumerated.At(at, message);

    /// <summary>DCS1045: Storage Commitment SCU does not document its behaviour (PS3.4 J.3.6.1).</summary>
    public static Diagnostic CommitmentScuBehaviourNotDocumented(SourceSpan at, string message) => Descriptors.CommitmentScuBehaviourNotDocumented.At(at, message);

    /// <summary>DCS1046: Storage Commitment SCP does not document its commitment (PS3.4 J.3.6.2).</summary>
    public static Diagnostic CommitmentScpNotDocumented(SourceSpan at, string message) => Descriptors.CommitmentScpNotDocumented.At(at, message);

    /// <summary>DCS1047: Storage Commitment SCU does not send the instances it asks to commit (PS3.4 J.3.6.1).</summary>
    public static Diagnostic CommitmentScuSendsNoInstances(SourceSpan at, string message) => Descriptors.CommitmentScuSendsNoInstances.At(at, message);

    /// <summary>DCS1048: Storage Commitment N-EVENT-REPORT on a separate association not supported (PS3.4 J.3.3.1).</summary>
    public static Diagnostic CommitmentSeparateAssociationNotSupported(SourceSpan at, string message) => Descriptors.CommitmentSeparateAssociationNotSupported.At(at, message);

    /// <summary>DCS1049: Storage Commitment SCP stores below Level 2 (PS3.4 J.3.3.1.2).</summary>
    public static Diagnostic CommitmentScpBelowLevel2(SourceSpan at, string message) => Descriptors.CommitmentScpBelowLevel2.At(at, message);

    /// <summary>DCS1050: UPS SOP Class without a mandatory DIMSE service (PS3.4 CC.3).</summary>
    public static Diagnostic UpsMandatoryDimseMissing(SourceSpan at, string message) => Descriptors.UpsMandatoryDimseMissing.At(at, message);

    /// <summary>DCS1051: UPS SCU does not state when it changes the Procedure Step State (PS3.4 CC.4.1.1).</summary>
    public static Diagnostic UpsScuStateChangesNotStated(SourceSpan at, string message) => Descriptors.UpsScuStateChangesNotStated.At(at, message);

    /// <summary>DCS1052: UPS SCU does not state its query keys and character set use (PS3.4 CC.4.1.1).</summary>
    public static Diagnostic UpsScuQueryKeysNotStated(SourceSpan at, string message) => Descriptors.UpsScuQueryKeysNotStated.At(at, message);

    /// <summary>DCS1053: UPS SCP does not document its behaviour (PS3.4 CC.4.2.1).</summary>
    public static Diagnostic UpsScpBehaviourNotDocumented(SourceSpan at, string message) => Descriptors.UpsScpBehaviourNotDocumented.At(at, message);

    /// <summary>DCS1054: UPS SCP does not document its modifications and coercions (PS3.4 CC.2.5.3, CC.2.6.3).</summary>
    public static Diagnostic UpsScpModificationsNotDocumented(SourceSpan at, string message) => Descriptors.UpsScpModificationsNotDocumented.At(at, message);

    /// <summary>DCS1055: Print SOP Class without a Print Management Meta SOP Class (PS3.4 H.3.1).</summary>
    public static Diagnostic PrintWithoutMetaSopClass(SourceSpan at, string message) => Descriptors.PrintWithoutMetaSopClass.At(at, message);

    /// <summary>DCS1056: File-set Creator/Updater without the Media Storage Directory SOP Class (PS3.4 I.3.1).</summary>
    public static Diagnostic FileSetCreatorWithoutDirectory(SourceSpan at, string message) => Descriptors.FileSetCreatorWithoutDirectory.At(at, message);

    /// <summary>DCS1057: Inventory retrieve SCP without Inventory Storage sub-operations (PS3.4 JJ.4.2.2).</summary>
    public static Diagnostic InventoryRetrieveWithoutStorage(SourceSpan at, string message) => Descriptors.InventoryRetrieveWithoutStorage.At(at, message);

    /// <summary>DCS1058: Implant Template or Protocol Q/R SCP below Storage Level 2 (PS3.4 BB.1.4, HH.1.4, II.1.4).</summary>
    public static Diagnostic TemplateOrProtocolQrBelowLevel2(SourceSpan at, string message) => Descriptors.TemplateOrProtocolQrBelowLevel2.At(at, message);

    /// <summary>DCS1059: Relational retrieve claimed for a Composite Instance Root or Without Bulk Data SOP Class (PS3.4 Y.5, Z.5).</summary>
    public static Diagnostic RelationalRetrieveOnInstanceRoot(SourceSpan at, string message) => Descriptors.RelationalRetrieveOnInstanceRoot.At(at, message);

    /// <summary>DCS1060: Relational retrieve claimed for a non-patient retrieve SOP Class (PS3.4 U.4.2, X.4.2, BB.4.2).</summary>
    public static Diagnostic RelationalRetrieveOnNonPatient(SourceSpan at, string message) => Descriptors.RelationalRetrieveOnNonPatient.At(at, message);

    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor NonStandardSopClassWithoutIdentification = new("DCS1001", Severity.Error, "Non-standard SOP Class without a SOP Class Identification Statement (PS3.4 B.4.4.1)", "ps34");
        public static readonly DiagnosticDescriptor SopClassClaimsNoRole = new("DCS1002", Severity.Error, "SOP Class claims no role (PS3.4 A.6.3, B.4.3, C.6.1.2, …)", "ps34");
        public static readonly DiagnosticDescriptor ClaimedRoleSectionNa = new("DCS1003", Severity.Warning, "Section of a claimed service role is marked N/A (PS3.4 B.4.3, …)", "ps34");
        public static readonly DiagnosticDescriptor RoleSelectionNotStated = new("DCS1004", Severity.Warning, "Role Selection Negotiation not stated where PS3.4 requires it (PS3.4 F.2.1, J.2.1, C.5.3)", "ps34");
        public static readonly DiagnosticDescriptor ExtendedNegotiationValueNotDefined = new("DCS1005", Severity.Error, "Extended negotiation value not defined by the service (PS3.4 B.3.1, C.5, K.5)", "ps34");
        public static readonly DiagnosticDescriptor PrioritySupportNotStated = new("DCS1006", Severity.Error, "C-FIND/C-MOVE/C-GET SCP does not state priority support (PS3.4 C.4.1.1.2, C.4.2.1.2, C.4.3.1.2, K.4.1.1.2)", "ps34");
        public static readonly DiagnosticDescriptor StorageLevelNotStated = new("DCS1007", Severity.Error, "Storage SCP does not state its Level of Storage Support (PS3.4 B.4.3.2)", "ps34");
        public static readonly DiagnosticDescriptor DigitalSignatureLevel = new("DCS1008", Severity.Error, "Storage SCP Level of Digital Signature Support missing or inconsistent (PS3.4 B.4.3.2, B.4.1.4)", "ps34");
        public static readonly DiagnosticDescriptor Level0AttributesNotDefined = new("DCS1009", Severity.Warning, "Level 0 Storage SCP does not define the Attributes it stores (PS3.4 B.4.1.1)", "ps34");
        public static readonly DiagnosticDescriptor CoercionNotStated = new("DCS1010", Severity.Error, "Storage SCP does not state Attribute coercion (PS3.4 B.4.3.2, B.4.1.3)", "ps34");
        public static readonly DiagnosticDescriptor DiscardedAttributesNotListed = new("DCS1011", Severity.Error, "Storage SCP does not list the Attributes it discards (PS3.4 B.4.3.2)", "ps34");
        public static readonly DiagnosticDescriptor AdditionalSopClassesNotStated = new("DCS1012", Severity.Warning, "Storage SCP does not state how additional SOP Classes are supported (PS3.4 B.4.3.2, B.4.1.2)", "ps34");
        public static readonly DiagnosticDescriptor LossyCompressionPolicyNotStated = new("DCS1013", Severity.Error, "Storage SCP does not state its Lossy Image Compression policy (PS3.4 B.4.3.2)", "ps34");
        public static readonly DiagnosticDescriptor StoreSuccessNotDescribed = new("DCS1014", Severity.Warning, "Storage SCP does not describe successful C-STORE behaviour (PS3.4 B.4.3.2)", "ps34");
        public static readonly DiagnosticDescriptor StoreScpStatusesNotDescribed = new("DCS1015", Severity.Warning, "Storage SCP does not describe its C-STORE failure and warning statuses (PS3.4 B.4.3.2)", "ps34");
        public static readonly DiagnosticDescriptor StoreScuStatusesNotDescribed = new("DCS1016", Severity.Warning, "Storage SCU does not describe its behaviour on C-STORE statuses (PS3.4 B.4.3.1)", "ps34");
        public static readonly DiagnosticDescriptor StorageScuExtendedNegotiationNotStated = new("DCS1017", Severity.Warning, "Storage SCU does not state its extended negotiation (PS3.4 B.4.3.1)", "ps34");
        public static readonly DiagnosticDescriptor CreatedIodListsNoAttributes = new("DCS1018", Severity.Warning, "Created IOD lists no Attributes (PS3.4 B.4.3.1)", "ps34");
        public static readonly DiagnosticDescriptor JpipWithoutDescription = new("DCS1019", Severity.Warning, "JPIP Referenced Pixel Data proposed without a description (PS3.4 B.4.3.1)", "ps34");
        public static readonly DiagnosticDescriptor ForProcessingWithoutForPresentation = new("DCS1020", Severity.Error, "For Processing SOP Class without its For Presentation counterpart (PS3.4 B.5.1.1)", "ps34");
        public static readonly DiagnosticDescriptor EnhancedWithoutPresentationState = new("DCS1021", Severity.Error, "Enhanced image SCP without the Softcopy Presentation State SCP (PS3.4 B.5.1.6)", "ps34");
        public static readonly DiagnosticDescriptor RequiresLevel2Storage = new("DCS1022", Severity.Error, "SOP Class requires a Level 2 Storage SCP (PS3.4 B.5.1.11, O.2.2, AA.2)", "ps34");
        public static readonly DiagnosticDescriptor MultiFrameConversionRequiresLevel2 = new("DCS1023", Severity.Error, "Enhanced Multi-Frame Image Conversion requires a Level 2 Storage SCP (PS3.4 B.5.1.23)", "ps34");
        public static readonly DiagnosticDescriptor RelatedGeneralSopClassNotInTable = new("DCS1024", Severity.Error, "Related General SOP Class not in Table B.3-3 (PS3.4 B.3.1.4)", "ps34");
        public static readonly DiagnosticDescriptor SpecializedPrivateAttributesNotDescribed = new("DCS1025", Severity.Warning, "Specialized SOP Class does not describe its private Attributes (PS3.4 B.4.4.2)", "ps34");
        public static readonly DiagnosticDescriptor StructuredDisplayStatementsMissing = new("DCS1026", Severity.Warning, "Basic Structured Display statements missing (PS3.4 B.5.1.9)", "ps34");
        public static readonly DiagnosticDescriptor ObservationSignificanceNotStated = new("DCS1027", Severity.Warning, "Content Assessment Results creator does not state Observation Significance criteria (PS3.4 B.5.1.20)", "ps34");
        public static readonly DiagnosticDescriptor StorageNegotiationDisagreesWithLevels = new("DCS1028", Severity.Warning, "Storage extended negotiation disagrees with the stated levels (PS3.4 B.3.1, B.4.3.2)", "ps34");
        public static readonly DiagnosticDescriptor FindOptionalKeysNotListed = new("DCS1029", Severity.Warning, "C-FIND role does not list its Optional Keys (PS3.4 C.6.1.2, C.6.2.2)", "ps34");
        public static readonly DiagnosticDescriptor RelationalQueryNotStated = new("DCS1030", Severity.Error, "C-FIND SCP relational-query support not stated or not negotiated (PS3.4 C.6.2.2.2.1)", "ps34");
        public static readonly DiagnosticDescriptor FindExtendedNegotiationNotStated = new("DCS1031", Severity.Warning, "C-FIND extended negotiation support not stated (PS3.4 C.6.2.2)", "ps34");
        public static readonly DiagnosticDescriptor PnCaseSensitivityNotStated = new("DCS1032", Severity.Warning, "C-FIND SCP does not state PN case sensitivity (PS3.4 C.6.2.2.2.1)", "ps34");
        public static readonly DiagnosticDescriptor QueryCharacterSetNotStated = new("DCS1033", Severity.Warning, "Query role does not state its Specific Character Set use (PS3.4 C.6.2.2, K.6.1.3)", "ps34");
        public static readonly DiagnosticDescriptor FindMatchingNotStated = new("DCS1034", Severity.Warning, "C-FIND SCP does not state how it matches DS/IS/DA/TM/DT/PN keys (PS3.4 C.2.2.2)", "ps34");
        public static readonly DiagnosticDescriptor SubOperationSopClasses = new("DCS1035", Severity.Error, "C-MOVE/C-GET sub-operation Storage SOP Classes missing or not claimed (PS3.4 C.6.2.2.2.2)", "ps34");
        public static readonly DiagnosticDescriptor RetrieveAeTitleNotSupported = new("DCS1036", Severity.Error, "C-FIND SCP without Retrieve AE Title support (PS3.4 C.4.1.1.3.2)", "ps34");
        public static readonly DiagnosticDescriptor QrNegotiationItemNotDefined = new("DCS1037", Severity.Warning, "Q/R extended negotiation item not defined for the SOP Class (PS3.4 C.5)", "ps34");
        public static readonly DiagnosticDescriptor WorklistScuKeysNotListed = new("DCS1038", Severity.Warning, "Modality Worklist SCU does not list its keys (PS3.4 K.6.1.3.1)", "ps34");
        public static readonly DiagnosticDescriptor WorklistScpKeysNotListed = new("DCS1039", Severity.Warning, "Modality Worklist SCP does not list its keys and matching types (PS3.4 K.6.1.3.2, K.2.2.2)", "ps34");
        public static readonly DiagnosticDescriptor MppsAttributesNotEnumerated = new("DCS1040", Severity.Warning, "MPPS role does not enumerate its N-CREATE/N-SET Attributes (PS3.4 F.7.4)", "ps34");
        public static readonly DiagnosticDescriptor MppsScuBehaviourNotDescribed = new("DCS1041", Severity.Warning, "MPPS SCU does not describe when it creates and completes the MPPS (PS3.4 F.7.4.1.1)", "ps34");
        public static readonly DiagnosticDescriptor MppsScpBehaviourNotDescribed = new("DCS1042", Severity.Warning, "MPPS SCP does not describe its behaviour (PS3.4 F.7.4.2.1)", "ps34");
        public static readonly DiagnosticDescriptor MppsRetrieveAttributesNotEnumerated = new("DCS1043", Severity.Warning, "MPPS Retrieve role does not enumerate its N-GET Attributes (PS3.4 F.8.4)", "ps34");
        public static readonly DiagnosticDescriptor MppsNotificationEventsNotEnumerated = new("DCS1044", Severity.Warning, "MPPS Notification role does not enumerate its event types (PS3.4 F.9.4)", "ps34");
        public static readonly DiagnosticDescriptor CommitmentScuBehaviourNotDocumented = new("DCS1045", Severity.Warning, "Storage Commitment SCU does not document its behaviour (PS3.4 J.3.6.1)", "ps34");
        public static readonly DiagnosticDescriptor CommitmentScpNotDocumented = new("DCS1046", Severity.Error, "Storage Commitment SCP does not document its commitment (PS3.4 J.3.6.2)", "ps34");
        public static readonly DiagnosticDescriptor CommitmentScuSendsNoInstances = new("DCS1047", Severity.Warning, "Storage Commitment SCU does not send the instances it asks to commit (PS3.4 J.3.6.1)", "ps34");
        public static readonly DiagnosticDescriptor CommitmentSeparateAssociationNotSupported = new("DCS1048", Severity.Warning, "Storage Commitment N-EVENT-REPORT on a separate association not supported (PS3.4 J.3.3.1)", "ps34");
        public static readonly DiagnosticDescriptor CommitmentScpBelowLevel2 = new("DCS1049", Severity.Warning, "Storage Commitment SCP stores below Level 2 (PS3.4 J.3.3.1.2)", "ps34");
        public static readonly DiagnosticDescriptor UpsMandatoryDimseMissing = new("DCS1050", Severity.Error, "UPS SOP Class without a mandatory DIMSE service (PS3.4 CC.3)", "ps34");
        public static readonly DiagnosticDescriptor UpsScuStateChangesNotStated = new("DCS1051", Severity.Warning, "UPS SCU does not state when it changes the Procedure Step State (PS3.4 CC.4.1.1)", "ps34");
        public static readonly DiagnosticDescriptor UpsScuQueryKeysNotStated = new("DCS1052", Severity.Warning, "UPS SCU does not state its query keys and character set use (PS3.4 CC.4.1.1)", "ps34");
        public static readonly DiagnosticDescriptor UpsScpBehaviourNotDocumented = new("DCS1053", Severity.Warning, "UPS SCP does not document its behaviour (PS3.4 CC.4.2.1)", "ps34");
        public static readonly DiagnosticDescriptor UpsScpModificationsNotDocumented = new("DCS1054", Severity.Warning, "UPS SCP does not document its modifications and coercions (PS3.4 CC.2.5.3, CC.2.6.3)", "ps34");
        public static readonly DiagnosticDescriptor PrintWithoutMetaSopClass = new("DCS1055", Severity.Error, "Print SOP Class without a Print Management Meta SOP Class (PS3.4 H.3.1)", "ps34");
        public static readonly DiagnosticDescriptor FileSetCreatorWithoutDirectory = new("DCS1056", Severity.Error, "File-set Creator/Updater without the Media Storage Directory SOP Class (PS3.4 I.3.1)", "ps34");
        public static readonly DiagnosticDescriptor InventoryRetrieveWithoutStorage = new("DCS1057", Severity.Error, "Inventory retrieve SCP without Inventory Storage sub-operations (PS3.4 JJ.4.2.2)", "ps34");
        public static readonly DiagnosticDescriptor TemplateOrProtocolQrBelowLevel2 = new("DCS1058", Severity.Error, "Implant Template or Protocol Q/R SCP below Storage Level 2 (PS3.4 BB.1.4, HH.1.4, II.1.4)", "ps34");
        public static readonly DiagnosticDescriptor RelationalRetrieveOnInstanceRoot = new("DCS1059", Severity.Error, "Relational retrieve claimed for a Composite Instance Root or Without Bulk Data SOP Class (PS3.4 Y.5, Z.5)", "ps34");
        public static readonly DiagnosticDescriptor RelationalRetrieveOnNonPatient = new("DCS1060", Severity.Warning, "Relational retrieve claimed for a non-patient retrieve SOP Class (PS3.4 U.4.2, X.4.2, BB.4.2)", "ps34");
    }
}
