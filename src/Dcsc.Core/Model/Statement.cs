namespace Dcsc.Model;

// The typed, immutable statement. After the Model stage nothing looks at YAML again.
// Each record keeps its Location for diagnostics. Markdown fields are kept as written.

public sealed partial record Statement(
    string Path,
    Product Product,
    IReadOnlyList<Revision> RevisionHistory,
    Introduction Introduction,
    IReadOnlyList<TransferSyntaxSet> TransferSyntaxSets,
    IReadOnlyList<ApplicationEntity> ApplicationEntities,
    AssociationParameters? Association,
    IReadOnlyList<SopClass> SopClasses,
    IReadOnlyList<SrTemplate> SrTemplates,
    Dimse Dimse,
    DicomWeb DicomWeb,
    IReadOnlyList<MediaProfile> MediaProfiles,
    IReadOnlyList<DeidProfile> DeIdentification,
    IReadOnlyList<CharacterSet> CharacterSets,
    Security Security,
    IReadOnlyList<Iod> Iods,
    SharedModules SharedModules,
    IReadOnlyList<Mapping> Mappings,
    ExtraDictionary Dictionary,
    IReadOnlyDictionary<string, SectionContent> Sections,
    Location Location)
{
    /// <summary>Issue 12 points 5-7 and 9 (ProductDetails.cs).</summary>
    public ProductDetails Details { get; init; } = ProductDetails.Empty;
}

public sealed record Product(string Name, string Version, string? Manufacturer, string Description, string? Date,
    string? DocumentId, IReadOnlyList<ProductRef> Covered, IReadOnlyList<RemoteSystem> RemoteSystems, Location Location);

public sealed record ProductRef(string Name, string Version, IReadOnlyList<string> Options, Location Location);

public sealed record RemoteSystem(string Name, IReadOnlyList<string> Services, Location Location);

public sealed record Revision(string Number, string Date, string? ProductVersions, string Change, Location Location);

public sealed record Introduction(string? Audience, string? Remarks, IReadOnlyList<Term> Terms,
    IReadOnlyList<Abbreviation> Abbreviations, IReadOnlyList<string> References);

public sealed record Term(string Name, string Definition, Location Location);

public sealed record Abbreviation(string Abbreviated, string Meaning, Location Location);

public sealed record TransferSyntax(string Uid, string Name, string? BulkdataMediaType, Location Location);

public sealed record TransferSyntaxSet(string Code, string Name, IReadOnlyList<TransferSyntax> TransferSyntaxes, Location Location);

/// <summary>A SOP Class declared once with all its roles; every overview and per-AE table derives from it.</summary>
public sealed partial record SopClass(
    string Uid, string Name,
    IReadOnlyList<string> Scu, IReadOnlyList<string> Scp,
    bool UserAgent, bool OriginServer, bool Fsc, bool Fsu, bool Fsr,
    IReadOnlyList<string> TransferSyntaxSets,
    string? Create, bool Display, bool Process, bool Archive, string? Comment,
    Location Location)
{
    public bool IsScu => Scu.Count > 0;
    public bool IsScp => Scp.Count > 0;
}

public sealed partial record AssociationParameters(
    string? ApplicationContextName, string? ImplementationClassUid, string? ImplementationVersionName,
    long? MaxPduLength, string? ArtimTimeout, long? MaxAssociationsInitiator, long? MaxAssociationsAcceptor,
    long? MaxAsyncOperations, long? Port, string? FileMetaInformationVersion, long? MaxServerConnections,
    IReadOnlyList<NamedValue> Other, Location Location);

public sealed record NamedValue(string? Category, string Name, string Value, Location Location);

public enum ActivityRole { Initiator, Acceptor }

public sealed record ExtendedNegotiation(string SopClass, string Negotiation, bool Support, string? Value, string? Group, Location Location);

public sealed record TransferSyntaxPreference(string SopClasses, IReadOnlyList<string> TransferSyntaxes, IReadOnlyList<string> Comments, Location Location);

public sealed partial record Activity(string Name, ActivityRole Role, string Description, IReadOnlyList<string> SopClasses,
    IReadOnlyList<ExtendedNegotiation> ExtendedNegotiation, string? RoleNegotiation,
    IReadOnlyList<TransferSyntaxPreference> TransferSyntaxSelection,
    IReadOnlyDictionary<string, SectionContent> Sections, Location Location);

public sealed record ApplicationEntity(string Name, string? AeTitle, string Description, string? Sequencing,
    AssociationParameters? Association, IReadOnlyList<Activity> Activities,
    IReadOnlyDictionary<string, SectionContent> Sections, Location Location);

public sealed record SrTemplate(string Name, string Tid, IReadOnlyList<string> Functions, IReadOnlyList<string> SopClasses,
    string? Condition, IReadOnlyList<FindingSite> FindingSites, IReadOnlyDictionary<string, SectionContent> Sections, Location Location);

/// <summary>A finding site whose measurements an SR template encodes (one Annex B subsection each).</summary>
public sealed record FindingSite(string Name, IReadOnlyDictionary<string, SectionContent> Sections, Location Location);

/// <summary>
/// One role (SCU or SCP) of a DIMSE service: narrative and the facts PS3.4 asks a statement to document.
/// Query keys and status codes are rows of the template's own tables (Sections 5.2 and 7.3).
/// </summary>
public sealed partial record ServiceRole(
    string? Description,
    long? LevelOfSupport, long? DigitalSignatureLevel,
    string? ElementCoercion, string? DiscardedAttributes, string? LossyCompression, string? DuplicateInstances,
    string? Retention, string? Priority, bool? Relational, IReadOnlyList<string> SubOperationSopClasses,
    Location Location);

public sealed record ServiceRoles(ServiceRole? Scu, ServiceRole? Scp);

public sealed record Dimse(
    ServiceRoles Verification, ServiceRoles Worklist, ServiceRoles Mpps, ServiceRoles Ups, ServiceRoles InstanceAvailability,
    ServiceRoles Storage, ServiceRoles StorageCommitment, ServiceRoles QrFind, ServiceRoles QrMove, ServiceRoles QrGet,
    ServiceRoles Print);

public sealed record WebTransaction(string Service, string? Ae, string Transaction, IReadOnlyList<string> Resources, bool UserAgent, bool OriginServer,
    IReadOnlyList<string> MediaTypes, IReadOnlyList<string> TransferSyntaxes, IReadOnlyList<string> QueryParameters,
    string? Description, Location Location);

public sealed record DicomWeb(string? BaseUrl, IReadOnlyList<WebTransaction> Transactions);

public sealed record MediaProfile(string Profile, string Media, string? Ae, bool Fsc, bool Fsr, bool Fsu, Location Location);

public sealed record DeidProfile(string Profile, IReadOnlyList<string> Options, string? Ae, bool DeIdentifier, bool ReIdentifier, bool Configurable, Location Location);

public sealed record CharacterSet(string DefinedTerm, string? Description, Location Location);

public sealed record SecurityProfile(string Profile, string Kind, string? SecuredAe, bool Sender, bool Receiver, string? Reference, Location Location);

public sealed record UserIdentity(string Type, bool Supported, string? Value, Location Location);

public sealed record Security(IReadOnlyList<SecurityProfile> Profiles, IReadOnlyList<UserIdentity> UserIdentityInitiator, IReadOnlyList<UserIdentity> UserIdentityAcceptor);

public sealed record AttributeRow(string Name, string Tag, string? Vr, string? Vm, string? Identifiable, IReadOnlyList<string> Source,
    string? PresenceOfAttribute, string? PresenceOfValue, string? Value, string? Condition, string? Comment, string? Group, Location Location);

public sealed record Module(string Name, string? Ie, string? Presence, string? Usage, string? Condition, string? Reference,
    string? PrivateCreator, bool Shared, IReadOnlyList<AttributeRow> Attributes, Location Location);

public sealed record CodedValue(string Name, string Tag, string Value, string? Condition, string? Comment, Location Location);

public sealed record Iod(string Name, string SopClass, string? Description, IReadOnlyList<Module> Modules, IReadOnlyList<Module> FunctionalGroups,
    IReadOnlyList<Module> PrivateModules, IReadOnlyList<CodedValue> CodedValues, IReadOnlyDictionary<string, SectionContent> Sections, Location Location);

public sealed record SharedModules(IReadOnlyList<Module> Modules, IReadOnlyList<Module> FunctionalGroups, IReadOnlyList<Module> PrivateModules, IReadOnlyList<CodedValue> CodedValues);

public sealed record MappingRow(string Name, string Tag, string? Scenario, IReadOnlyList<string> InstanceSource, string? InstanceDestination,
    IReadOnlyList<string> MppsSource, string? MppsDestination, string? Comment, Location Location);

public sealed record Mapping(string Name, string? Description, IReadOnlyList<MappingRow> Rows, IReadOnlyDictionary<string, SectionContent> Sections, Location Location);

public sealed record ExtraUid(string Uid, string Name, string Type, string? ServiceClass, Location Location);

public sealed record ExtraAttribute(string Tag, string Name, string? Keyword, string Vr, string? Vm, string? PrivateCreator, Location Location);

public sealed record ExtraDictionary(IReadOnlyList<ExtraUid> Uids, IReadOnlyList<ExtraAttribute> Attributes);

/// <summary>Content a statement gives one template section: narrative, N/A, placeholder values, table rows, added sections.</summary>
public sealed record SectionContent(string? Text, bool Na, IReadOnlyDictionary<string, string> Fill,
    IReadOnlyDictionary<string, IReadOnlyList<TableRow>> Tables, IReadOnlyList<AddedSection> Added, Location Location)
{
    public static readonly SectionContent Empty = new(null, false, new Dictionary<string, string>(),
        new Dictionary<string, IReadOnlyList<TableRow>>(), Array.Empty<AddedSection>(), Location.Nowhere);

    /// <summary>Tables the product adds to this section (ProductDetails.cs).</summary>
    public IReadOnlyList<AuthorTable> AuthorTables { get; init; } = Array.Empty<AuthorTable>();
}

/// <summary>A row of a template table given in the source: cells by column key (values as text; lists joined later).</summary>
public sealed record TableRow(IReadOnlyDictionary<string, IReadOnlyList<string>> Cells, string? Group, string? Note, Location Location);

public sealed record AddedSection(string Title, string Text, Location Location)
{
    /// <summary>Tables of the added section (ProductDetails.cs).</summary>
    public IReadOnlyList<AuthorTable> Tables { get; init; } = Array.Empty<AuthorTable>();
}
