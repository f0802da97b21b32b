namespace Dcsc.Diagnostics;

/// <summary>
/// Rules stage, what a careful DICOM reviewer checks by hand (DCS0601-DCS0649): attribute names and tags everywhere,
/// invisible characters, implementation identity, dates, and consistency inside the statement. Severities are
/// configurable in dcsc.yaml.
/// </summary>
public static partial class DiagnosticCatalogue
{
    /// <summary>DCS0601: A public attribute's name is given with another tag.</summary>
    public static Diagnostic PublicNameWithOtherTag(SourceSpan at, string message) => Descriptors.PublicNameWithOtherTag.At(at, message);

    /// <summary>DCS0602: Attribute name is a variant of the dictionary name.</summary>
    public static Diagnostic AttributeNameVariant(SourceSpan at, string message) => Descriptors.AttributeNameVariant.At(at, message);

    /// <summary>DCS0603: Attribute quoted in narrative does not match its tag.</summary>
    public static Diagnostic NarrativeAttributeMismatch(SourceSpan at, string message) => Descriptors.NarrativeAttributeMismatch.At(at, message);

    /// <summary>DCS0604: Tag written without parentheses.</summary>
    public static Diagnostic TagWithoutParentheses(SourceSpan at, string message) => Descriptors.TagWithoutParentheses.At(at, message);

    /// <summary>DCS0605: Invisible or direction-changing character.</summary>
    public static Diagnostic InvisibleCharacter(SourceSpan at, string message) => Descriptors.InvisibleCharacter.At(at, message);

    /// <summary>DCS0606: Implementation Class UID is a toolkit's default.</summary>
    public static Diagnostic ToolkitImplementationClassUid(SourceSpan at, string message) => Descriptors.ToolkitImplementationClassUid.At(at, message);

    /// <summary>DCS0607: Implementation Version Name is a placeholder or a toolkit's own.</summary>
    public static Diagnostic PlaceholderImplementationVersionName(SourceSpan at, string message) => Descriptors.PlaceholderImplementationVersionName.At(at, message);

    /// <summary>DCS0608: Date is not a calendar date.</summary>
    public static Diagnostic DateNotADate(SourceSpan at, string message) => Descriptors.DateNotADate.At(at, message);

    /// <summary>DCS0609: Created IOD that no AE sends and no medium stores.</summary>
    public static Diagnostic CreatedIodNeverSent(SourceSpan at, string message) => Descriptors.CreatedIodNeverSent.At(at, message);

    /// <summary>DCS0610: Activity without a description.</summary>
    public static Diagnostic EmptyDescription(SourceSpan at, string message) => Descriptors.EmptyDescription.At(at, message);

    /// <summary>DCS0611: Conditional module or attribute without its condition.</summary>
    public static Diagnostic ConditionMissing(SourceSpan at, string message) => Descriptors.ConditionMissing.At(at, message);

    /// <summary>DCS0612: FIXED value whose presence is not ALWAYS.</summary>
    public static Diagnostic FixedValueNotAlwaysPresent(SourceSpan at, string message) => Descriptors.FixedValueNotAlwaysPresent.At(at, message);

    /// <summary>DCS0613: Modality contradicts the SOP Class.</summary>
    public static Diagnostic ModalityContradictsSopClass(SourceSpan at, string message) => Descriptors.ModalityContradictsSopClass.At(at, message);

    /// <summary>DCS0614: Matching key without a matching type.</summary>
    public static Diagnostic MatchingKeyWithoutType(SourceSpan at, string message) => Descriptors.MatchingKeyWithoutType.At(at, message);

    /// <summary>DCS0615: Listen port on an AE that only initiates.</summary>
    public static Diagnostic PortOnInitiatorOnlyAe(SourceSpan at, string message) => Descriptors.PortOnInitiatorOnlyAe.At(at, message);

    /// <summary>DCS0616: Several values separated by "," or "or" where PS3.2 asks for ";".</summary>
    public static Diagnostic ValuesNotSemicolonSeparated(SourceSpan at, string message) => Descriptors.ValuesNotSemicolonSeparated.At(at, message);

    /// <summary>DCS0617: Direction-changing or zero-width character in narrative.</summary>
    public static Diagnostic InvisibleCharacterInNarrative(SourceSpan at, string message) => Descriptors.InvisibleCharacterInNarrative.At(at, message);

    /// <summary>DCS0618: Security profile is not a PS3.15 profile.</summary>
    public static Diagnostic SecurityProfileUnknown(SourceSpan at, string message) => Descriptors.SecurityProfileUnknown.At(at, message);

    /// <summary>DCS0619: Retired security profile claimed.</summary>
    public static Diagnostic SecurityProfileRetired(SourceSpan at, string message) => Descriptors.SecurityProfileRetired.At(at, message);

    /// <summary>DCS0620: TLS versions or cipher suites contradict the claimed profiles.</summary>
    public static Diagnostic TlsContradictsProfile(SourceSpan at, string message) => Descriptors.TlsContradictsProfile.At(at, message);

    /// <summary>DCS0621: Transport or user identity profile claimed for an AE without a network role.</summary>
    public static Diagnostic ProfileForAeWithoutNetworkRole(SourceSpan at, string message) => Descriptors.ProfileForAeWithoutNetworkRole.At(at, message);

    /// <summary>DCS0622: Security profile under the wrong kind or with another section as reference.</summary>
    public static Diagnostic SecurityProfileMisfiled(SourceSpan at, string message) => Descriptors.SecurityProfileMisfiled.At(at, message);

    /// <summary>DCS0623: HTTP status code invalid or under the wrong status class.</summary>
    public static Diagnostic HttpStatusInvalid(SourceSpan at, string message) => Descriptors.HttpStatusInvalid.At(at, message);

    /// <summary>DCS0624: HTTP status code listed twice in one table.</summary>
    public static Diagnostic HttpStatusDuplicate(SourceSpan at, string message) => Descriptors.HttpStatusDuplicate.At(at, message);

    /// <summary>DCS0625: HTTP status code not proper to the transaction.</summary>
    public static Diagnostic HttpStatusNotOfTransaction(SourceSpan at, string message) => Descriptors.HttpStatusNotOfTransaction.At(at, message);

    /// <summary>DCS0626: Failure or Warning Reason code outside its range.</summary>
    public static Diagnostic ReasonCodeWrongRange(SourceSpan at, string message) => Descriptors.ReasonCodeWrongRange.At(at, message);

    /// <summary>DCS0627: Request header field does not fit the transaction.</summary>
    public static Diagnostic RequestHeaderMisfit(SourceSpan at, string message) => Descriptors.RequestHeaderMisfit.At(at, message);

    /// <summary>DCS0628: Query parameter that PS3.18 does not define and that names no attribute.</summary>
    public static Diagnostic QueryParameterUnknown(SourceSpan at, string message) => Descriptors.QueryParameterUnknown.At(at, message);

    /// <summary>DCS0629: Fuzzy matching stated inconsistently.</summary>
    public static Diagnostic FuzzyMatchingInconsistent(SourceSpan at, string message) => Descriptors.FuzzyMatchingInconsistent.At(at, message);

    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor PublicNameWithOtherTag = new("DCS0601", Severity.Error, "A public attribute's name is given with another tag", "review");
        public static readonly DiagnosticDescriptor AttributeNameVariant = new("DCS0602", Severity.Warning, "Attribute name is a variant of the dictionary name", "review");
        public static readonly DiagnosticDescriptor NarrativeAttributeMismatch = new("DCS0603", Severity.Error, "Attribute quoted in narrative does not match its tag", "review");
        public static readonly DiagnosticDescriptor TagWithoutParentheses = new("DCS0604", Severity.Info, "Tag written without parentheses", "review");
        public static readonly DiagnosticDescriptor InvisibleCharacter = new("DCS0605", Severity.Error, "Invisible or direction-changing character", "review");
        public static readonly DiagnosticDescriptor ToolkitImplementationClassUid = new("DCS0606", Severity.Warning, "Implementation Class UID is a toolkit's default", "review");
        public static readonly DiagnosticDescriptor PlaceholderImplementationVersionName = new("DCS0607", Severity.Warning, "Implementation Version Name is a placeholder or a toolkit's own", "review");
        public static readonly DiagnosticDescriptor DateNotADate = new("DCS0608", Severity.Error, "Date is not a calendar date", "review");
        public static readonly DiagnosticDescriptor CreatedIodNeverSent = new("DCS0609", Severity.Warning, "Created IOD that no AE sends and no medium stores", "review");
        public static readonly DiagnosticDescriptor EmptyDescription = new("DCS0610", Severity.Warning, "Activity without a description", "review");
        public static readonly DiagnosticDescriptor ConditionMissing = new("DCS0611", Severity.Warning, "Conditional module or attribute without its condition", "review");
        public static readonly DiagnosticDescriptor FixedValueNotAlwaysPresent = new("DCS0612", Severity.Warning, "FIXED value whose presence is not ALWAYS", "review");
        public static readonly DiagnosticDescriptor ModalityContradictsSopClass = new("DCS0613", Severity.Error, "Modality contradicts the SOP Class", "review");
        public static readonly DiagnosticDescriptor MatchingKeyWithoutType = new("DCS0614", Severity.Warning, "Matching key without a matching type", "review");
        public static readonly DiagnosticDescriptor PortOnInitiatorOnlyAe = new("DCS0615", Severity.Warning, "Listen port on an AE that only initiates", "review");
        public static readonly DiagnosticDescriptor InvisibleCharacterInNarrative = new("DCS0617", Severity.Warning, "Direction-changing or zero-width character in narrative", "review");
        public static readonly DiagnosticDescriptor SecurityProfileUnknown = new("DCS0618", Severity.Warning, "Security profile is not a PS3.15 profile", "review");
        public static readonly DiagnosticDescriptor SecurityProfileRetired = new("DCS0619", Severity.Warning, "Retired security profile claimed", "review");
        public static readonly DiagnosticDescriptor TlsContradictsProfile = new("DCS0620", Severity.Error, "TLS versions or cipher suites contradict the claimed profiles", "review");
        public static readonly DiagnosticDescriptor ProfileForAeWithoutNetworkRole = new("DCS0621", Severity.Warning, "Transport or user identity profile claimed for an AE without a network role", "review");
        public static readonly DiagnosticDescriptor SecurityProfileMisfiled = new("DCS0622", Severity.Warning, "Security profile under the wrong kind or with another section as reference", "review");
        public static readonly DiagnosticDescriptor HttpStatusInvalid = new("DCS0623", Severity.Error, "HTTP status code invalid or under the wrong status class", "review");
        public static readonly DiagnosticDescriptor HttpStatusDuplicate = new("DCS0624", Severity.Warning, "HTTP status code listed twice in one table", "review");
        public static readonly DiagnosticDescriptor HttpStatusNotOfTransaction = new("DCS0625", Severity.Warning, "HTTP status code not proper to the transaction", "review");
        public static readonly DiagnosticDescriptor ReasonCodeWrongRange = new("DCS0626", Severity.Error, "Failure or Warning Reason code outside its range", "review");
        public static readonly DiagnosticDescriptor RequestHeaderMisfit = new("DCS0627", Severity.Warning, "Request header field does not fit the transaction", "review");
        public static readonly DiagnosticDescriptor QueryParameterUnknown = new("DCS0628", Severity.Warning, "Query parameter that PS3.18 does not define and that names no attribute", "review");
        public static readonly DiagnosticDescriptor FuzzyMatchingInconsistent = new("DCS0629", Severity.Warning, "Fuzzy matching stated inconsistently", "review");
        public static readonly DiagnosticDescriptor ValuesNotSemicolonSeparated = new("DCS0616", Severity.Warning, "Several values separated by \",\" or \"or\" where PS3.2 asks for \";\"", "review");
    }
}
