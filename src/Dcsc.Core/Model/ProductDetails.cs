namespace Dcsc.Model;

// Issue 12 points 5-9: what real Conformance Statements state that the template tables alone cannot hold —
// author tables, query/identifier key tables, status and reason codes, DICOMweb search and media detail,
// network and security details. Kept apart from Statement.cs: Statement.Details holds them, SectionContent and
// AddedSection carry author tables.

/// <summary>
/// A table the product adds to a section (PS3.2 lets a statement add tables and sections; they are numbered in
/// sequence with the template's tables of the same major section). <see cref="Key"/> is what <c>{table:key}</c> names.
/// </summary>
public sealed record AuthorTable(string? Key, string Caption, IReadOnlyList<string> Columns, IReadOnlyList<AuthorRow> Rows,
    IReadOnlyList<string> Footnotes, Location Location);

/// <summary>One body row of an author table: cells in column order, an optional table subsection and footnote.</summary>
public sealed record AuthorRow(IReadOnlyList<string> Cells, string? Group, string? Note, Location Location);

/// <summary>Everything of issue 12 points 5-7 and 9 that the statement declares (empty when it declares none).</summary>
public sealed record ProductDetails(
    IReadOnlyList<KeyTable> KeyTables,
    IReadOnlyList<StatusTable> StatusTables,
    IReadOnlyList<WebDetail> Web,
    IReadOnlyList<WebAddition> WebAdditions,
    NetworkDetails Network,
    IReadOnlyList<CharacterSetCodes> CharacterSetCodes,
    TlsDetails? Tls,
    AuditTrail? Audit)
{
    public static readonly ProductDetails Empty = new(Array.Empty<KeyTable>(), Array.Empty<StatusTable>(), Array.Empty<WebDetail>(),
        Array.Empty<WebAddition>(), NetworkDetails.Empty, Array.Empty<CharacterSetCodes>(), null, null);
}

/// <summary>The DIMSE service a role block belongs to (the key under <c>dimse</c>; Q/R as <c>qr_find</c>, <c>qr_move</c>, <c>qr_get</c>).</summary>
public enum DimseService { Verification, Worklist, Mpps, Ups, InstanceAvailability, Storage, StorageCommitment, QrFind, QrMove, QrGet, Print }

public enum ServiceSide { Scu, Scp }

/// <summary>
/// Keys or attributes of one DIMSE operation for one role: a Q/R information model and level (C-FIND keys, C-MOVE/C-GET
/// identifiers), the Worklist keys, MPPS N-CREATE/N-SET attributes, IAN N-CREATE attributes (PS3.2 Section 5.2).
/// </summary>
public sealed record KeyTable(DimseService Service, ServiceSide Side, string? Model, string? Level, string Operation, string? Title,
    IReadOnlyList<KeyAttribute> Keys, string? Comment, Location Location);

/// <summary>
/// One key or attribute row. <see cref="Name"/> keeps sequence nesting as written (<c>&gt;</c>, <c>&gt;&gt;</c>).
/// Every optional column is shown only when a row of the table gives it.
/// </summary>
public sealed record KeyAttribute(string Name, string Tag, string? Vr, bool? MatchingKey, bool? ReturnKey, IReadOnlyList<string> MatchingTypes,
    IReadOnlyList<string> QueryValueSource, IReadOnlyList<string> Source, string? Presence, string? Value, string? NCreate, string? NSet,
    string? DisplayOnUi, string? Comment, Location Location)
{
    /// <summary>Nesting depth: the number of leading <c>&gt;</c> of the name or tag.</summary>
    public int Depth => Math.Max(LeadingGt(Name), LeadingGt(Tag));

    /// <summary>The tag without nesting marks.</summary>
    public string BareTag => Tag.TrimStart('>', ' ');

    private static int LeadingGt(string s) { int i = 0; while (i < s.Length && s[i] == '>') i++; return i; }
}

/// <summary>
/// DIMSE status codes of an operation the template has no status table for (C-ECHO of Verification, C-GET of Q/R;
/// PS3.2 Section 7.3.2), with the behaviour for any other code.
/// </summary>
public sealed record StatusTable(DimseService Service, ServiceSide Side, string Operation, IReadOnlyList<StatusRow> Rows, string? Other, Location Location);

public sealed record StatusRow(string Status, string? Meaning, string Code, string? Behavior, Location Location);

/// <summary>A matching type a searchable attribute supports (PS3.18 §8.3.4: fuzzy matching applies to person names).</summary>
public sealed record SearchAttribute(string Name, string Tag, IReadOnlyList<string> MatchingTypes, bool Fuzzy, string? Comment, Location Location);

/// <summary>The search (QIDO-RS or UPS-RS) detail of one resource level.</summary>
public sealed record SearchLevel(string Level, IReadOnlyList<SearchAttribute> Attributes, IReadOnlyList<string> DefaultReturn,
    IReadOnlyList<string> IncludeField, Location Location);

/// <summary>A media type with its transfer-syntax parameter (PS3.18 §8.7.3.5), as written in <c>media_types</c>.</summary>
public sealed record WebMediaType(string Type, string? TransferSyntax, Location Location);

/// <summary>A PS3.18 Failure Reason (0008,1197) or Warning Reason (0008,1196) value the origin server returns.</summary>
public sealed record ReasonCode(string Code, string Meaning, Location Location);

/// <summary>An HTTP status code a transaction returns, with its meaning in this product (PS3.18 §8.5).</summary>
public sealed record HttpStatus(int Code, string? Status, string Meaning, Location Location);

/// <summary>
/// Issue 12 points 6 and 7 for one <c>dicomweb.transactions</c> entry, by its index: search detail, media types
/// with transfer-syntax parameter, default and transcodable Transfer Syntaxes, Failure/Warning Reason codes
/// (the HTTP status codes are rows of the template's 7.3.3 tables).
/// </summary>
public sealed record WebDetail(int Index, string Service, string Transaction, bool OriginServer,
    IReadOnlyList<SearchLevel> Search, IReadOnlyList<WebMediaType> MediaTypes, string? DefaultTransferSyntax, IReadOnlyList<string> TranscodeFrom,
    IReadOnlyList<ReasonCode> FailureReasons, IReadOnlyList<ReasonCode> WarningReasons, Location Location)
{
    public bool IsEmpty => Search.Count == 0 && MediaTypes.Count == 0 && DefaultTransferSyntax is null && TranscodeFrom.Count == 0
        && FailureReasons.Count == 0 && WarningReasons.Count == 0;
}

/// <summary>
/// A transaction the product offers beyond PS3.18 (e.g. DELETE of a study): a product addition, printed in the
/// section of its service and never mistaken for a standard transaction by <c>match</c>.
/// </summary>
public sealed record WebAddition(string Service, string Name, string Method, string Path, string Description,
    IReadOnlyList<HttpStatus> HttpStatus, Location Location);

public sealed record NetworkInterface(string Name, string Type, string? Description, Location Location);

/// <summary>An additional network protocol the product uses (DHCP, DNS, NTP, IPv6, LDAP …; PS3.2 Section 8.2, Annex C.1).</summary>
public sealed record NetworkProtocol(string Protocol, string? Role, IReadOnlyList<string> Rfcs, string? Description, Location Location);

public sealed record NetworkDetails(IReadOnlyList<NetworkInterface> Interfaces, IReadOnlyList<NetworkProtocol> Protocols, bool? Ipv4, bool? Ipv6)
{
    public static readonly NetworkDetails Empty = new(Array.Empty<NetworkInterface>(), Array.Empty<NetworkProtocol>(), null, null);
    public bool IsEmpty => Interfaces.Count == 0 && Protocols.Count == 0 && Ipv4 is null && Ipv6 is null;
}

/// <summary>The code elements of an ISO 2022 Specific Character Set (PS3.3 Tables C.12-3, C.12-4).</summary>
public sealed record CharacterSetCodes(string DefinedTerm, IReadOnlyList<CodeElement> Elements, Location Location);

public sealed record CodeElement(string Element, string EscapeSequence, string? IsoRegistration, string? CharacterSet, Location Location);

public sealed record CipherSuite(string Name, string? Profile, Location Location);

/// <summary>TLS detail of the secure transport connection (PS3.2 Annex C.2.5; PS3.15 B.1, BCP 195).</summary>
public sealed record TlsDetails(IReadOnlyList<string> Versions, IReadOnlyList<CipherSuite> CipherSuites, string? CertificateValidation,
    bool? ClientCertificates, Location Location);

public sealed record AuditMessage(string Message, IReadOnlyList<string> Triggers, string? Comment, Location Location);

/// <summary>Audit trail messages and their transport (PS3.2 Annex C.2.2-C.2.4; PS3.15 A.5).</summary>
public sealed record AuditTrail(IReadOnlyList<AuditMessage> Messages, IReadOnlyList<string> Transport, string? Collector, Location Location);
