using System.Globalization;
using System.Text;
using Dcsc.Dictionary;

namespace Dcsc.Bench;

/// <summary>
/// Writes a large, realistic DICOM Conformance Statement source (the benchmark input): every non-retired Storage
/// SOP Class of the embedded dictionary as SCU and SCP, every Query/Retrieve information model, worklist, MPPS,
/// storage commitment, UPS, print, all DICOMweb services, 12 Application Entities with their activities and
/// 40 created IODs of at least 150 attributes each (real tags and names from the dictionary), private attributes,
/// and table rows for many template sections. <c>scale</c> multiplies the AEs and IODs (×2, ×4).
/// The output depends only on <c>scale</c> and the dictionary (no clock, no randomness beyond a fixed seed).
/// </summary>
public static class LargeStatement
{
    public const int AesPerScale = 12;
    public const int IodsPerScale = 40;
    public const int ModulesPerIod = 10;
    public const int AttributesPerModule = 16;

    private static readonly string[] AeKinds =
    {
        "ARCHIVE-STORE", "ARCHIVE-FORWARD", "ARCHIVE-QR", "QR-CLIENT", "WORKLIST-CLIENT", "UPS-SERVER",
        "PRINT-CLIENT", "COMMIT-CLIENT", "WEB-SERVER", "WEB-CLIENT", "MEDIA-FSC", "MODALITY-STORE",
    };

    private static readonly string[] ModuleNames =
    {
        "General Image Module", "Image Pixel Module", "Contrast/Bolus Module", "Device Module", "Specimen Module",
        "Acquisition Context Module", "Image Plane Module", "Multi-frame Module", "Cine Module", "VOI LUT Module",
        "Modality LUT Module", "Clinical Trial Subject Module", "Patient Study Module", "Synchronization Module",
        "Overlay Plane Module", "Enhanced Palette Color Lookup Table Module",
    };

    private static readonly string[] Ies = { "Image", "Series", "Equipment", "Frame of Reference", "Study" };
    private static readonly string[] Sources = { "GENERATED", "CONFIGURATION", "FIXED", "MWL", "USER", "MPPS" };
    private static readonly string[] Presences = { "ALWAYS", "ALWAYS", "CONDITIONAL", "ALWAYS", "SRC_COPY" };

    private const string ExplicitLe = "1.2.840.10008.1.2.1", ImplicitLe = "1.2.840.10008.1.2";
    private const string Verification = "1.2.840.10008.1.1", StorageCommitment = "1.2.840.10008.1.20.1";
    private const string Ian = "1.2.840.10008.5.1.4.33", Mwl = "1.2.840.10008.5.1.4.31", Mpps = "1.2.840.10008.3.1.2.3.3";

    private static readonly string[] PrintSopClasses =
    {
        "1.2.840.10008.5.1.1.1", "1.2.840.10008.5.1.1.2", "1.2.840.10008.5.1.1.4", "1.2.840.10008.5.1.1.4.1",
        "1.2.840.10008.5.1.1.14", "1.2.840.10008.5.1.1.15", "1.2.840.10008.5.1.1.16", "1.2.840.10008.5.1.1.16.376",
        "1.2.840.10008.5.1.1.23", "1.2.840.10008.5.1.1.9", "1.2.840.10008.5.1.1.18",
    };

    private static readonly string[] QrClientSopClasses =
    {
        "1.2.840.10008.5.1.4.1.2.1.1", "1.2.840.10008.5.1.4.1.2.1.2", "1.2.840.10008.5.1.4.1.2.1.3",
        "1.2.840.10008.5.1.4.1.2.2.1", "1.2.840.10008.5.1.4.1.2.2.2", "1.2.840.10008.5.1.4.1.2.2.3",
    };

    /// <summary>Service classes whose SOP Classes are Query/Retrieve information models.</summary>
    private static bool IsQueryRetrieve(UidEntry u) =>
        u.ServiceClass is { } sc && (sc.EndsWith("Query/Retrieve", StringComparison.Ordinal) || sc.StartsWith("Composite Instance", StringComparison.Ordinal));

    public static string Generate(int scale)
    {
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), "scale must be at least 1");
        var dict = DicomDictionary.Standard;
        var w = new Writer();
        string Name(string uid) => dict.FindUid(uid)?.Name ?? throw new InvalidOperationException($"UID {uid} is not in the dictionary");
        List<string> Aes(string kind) => Enumerable.Range(1, scale).Select(i => $"{kind}-{i}").ToList();

        var storage = dict.Uids.Where(u => u.Type == UidType.SopClass && u.ServiceClass == "Storage" && !u.Retired).ToList();
        var queryRetrieve = dict.Uids.Where(u => u.Type == UidType.SopClass && !u.Retired && IsQueryRetrieve(u)).ToList();
        var nonPatient = dict.Uids.Where(u => u.Type == UidType.SopClass && u.ServiceClass == "Non-Patient Object Storage" && !u.Retired).ToList();
        var ups = dict.Uids.Where(u => u.Type == UidType.SopClass && !u.Retired && u.ServiceClass == "Unified Procedure Step").ToList();
        var images = storage.Where(u => u.Name.Contains("Image", StringComparison.Ordinal)).ToList();
        int iodCount = IodsPerScale * scale;
        if (iodCount > storage.Count) throw new InvalidOperationException($"at most {storage.Count / IodsPerScale} scale units (one IOD per Storage SOP Class)");
        // Created IODs: image SOP Classes first, then the other Storage SOP Classes.
        var created = images.Concat(storage.Except(images)).Take(iodCount).ToList();
        var createdUids = created.Select(u => u.Uid).ToHashSet(StringComparer.Ordinal);

        w.Line("# yaml-language-server: $schema=../../schema/dcsc.schema.json");
        w.Line($"# Benchmark statement, scale {scale}: generated by bench/Dcsc.Bench.Generator (do not edit).");
        w.Line();
        // ------------------------------------------------------------------ product, history, introduction
        w.Line("product:");
        w.Line("  name: Acme Omnibus Imaging Platform");
        w.Line($"  version: \"{scale}.0\"");
        w.Line("  manufacturer: Acme Medical Systems");
        w.Line($"  document_id: DOC-OMNI-{scale:D4}-DCS");
        w.Line("  date: 2025-06-01");
        w.Line("  description: |");
        w.Para(4, "Acme Omnibus is an enterprise imaging platform: it archives instances of every Storage SOP Class, answers queries " +
                  "and retrieves of every Query/Retrieve information model, acts as a modality for the IODs listed in Annex A, uses " +
                  "the worklist, reports performed procedure steps, commits storage, hosts a UPS worklist, prints films and offers " +
                  "all DICOMweb services. This statement is generated for benchmarking dcsc.");
        w.Line("  remote_systems:");
        foreach (var (sys, services) in new[] { ("Modality", "[Storage, Storage Commitment, Verification]"), ("RIS", "[Modality Worklist, MPPS, Instance Availability Notification]"),
                     ("Diagnostic Workstation", "[Query/Retrieve, Storage, DICOMweb]"), ("Printer", "[Print Management]"), ("Secondary Archive", "[Storage, Storage Commitment]") })
            w.Line($"    - {{ name: {sys}, services: {services} }}");
        w.Line("revision_history:");
        for (int r = 0; r < 6; r++)
            w.Line($"  - {{ revision: \"{(char)('A' + r)}\", date: 202{r}-0{r + 1}-15, product_versions: \"{r + 1}.0\", change: {Q($"Release {r + 1}.0: added services for the customer feedback of release {r}.")} }}");
        w.Line("introduction:");
        w.Line("  audience: |");
        w.Para(4, "Integration engineers, PACS administrators and vendors of modalities, viewers and information systems.");
        w.Line("  remarks: |");
        w.Para(4, "The platform is deployed as a cluster; all nodes share one configuration. Behaviour described here is that of the cluster.");
        w.Line("  terms:");
        for (int t = 0; t < 8; t++)
            w.Line($"    - {{ term: {Q($"Platform Term {t + 1}")}, definition: {Q($"Definition of platform term {t + 1}, used in the sections on behaviour and configuration.")} }}");
        w.Line("  abbreviations:");
        foreach (var (a, m) in new[] { ("UPS-RS", "Unified Procedure Step by RESTful Services"), ("IAN", "Instance Availability Notification"), ("OMNI", "Acme Omnibus Imaging Platform") })
            w.Line($"    - {{ abbreviation: {a}, meaning: {Q(m)} }}");
        w.Line();

        // ------------------------------------------------------------------ transfer syntaxes
        var sets = new (string Code, string Name, string[] Uids)[]
        {
            ("U", "Uncompressed Transfer Syntax Set", new[] { ExplicitLe, ImplicitLe }),
            ("LL", "Lossless Compressed Transfer Syntax Set", new[] { "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.5" }),
            ("L", "Lossy Compressed Transfer Syntax Set", new[] { "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.91" }),
            ("NI", "Non-Image Transfer Syntax Set", new[] { ExplicitLe, ImplicitLe }),
            ("V", "Video Transfer Syntax Set", new[] { "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.102" }),
        };
        w.Line("transfer_syntax_sets:");
        foreach (var (code, setName, uids) in sets)
        {
            w.Line($"  - code: {code}");
            w.Line($"    name: {setName}");
            w.Line("    transfer_syntaxes:");
            foreach (var u in uids) w.Line($"      - {{ uid: {u}, name: {Q(Name(u))} }}");
        }
        w.Line();
        w.Line("association:");
        w.Line("  application_context_name: 1.2.840.10008.3.1.1.1");
        w.Line("  implementation_class_uid: 1.2.826.0.1.3680043.9.7433.3.1");
        w.Line("  implementation_version_name: OMNI_BENCH");
        w.Line("  max_pdu_length: 262144");
        w.Line("  artim_timeout: 30s");
        w.Line("  max_associations_acceptor: 400");
        w.Line("  max_associations_initiator: 100");
        w.Line("  max_server_connections: 1000");
        w.Line("  other:");
        w.Line("    - { category: Networking Services, name: Association request timeout, value: 30 s }");
        w.Line("    - { category: Networking Services, name: DIMSE response timeout, value: 60 s }");
        w.Line();

        // ------------------------------------------------------------------ application entities
        w.Line("application_entities:");
        int port = 11112;
        for (int k = 1; k <= scale; k++)
        {
            foreach (var kind in AeKinds)
            {
                var ae = $"{kind}-{k}";
                w.Line($"  - name: {ae}");
                w.Line($"    ae_title: {Q(AeTitle(kind, k))}");
                w.Line("    description: |");
                w.Para(6, $"{ae} is the {kind.ToLowerInvariant().Replace('-', ' ')} Application Entity of node {k}. It shares the index and the " +
                          "storage of the cluster and is configured from the service console.");
                w.Line("    association:");
                bool acceptor = kind is "ARCHIVE-STORE" or "ARCHIVE-QR" or "UPS-SERVER" or "COMMIT-CLIENT";
                w.Line(acceptor ? $"      max_associations_acceptor: {50 + k}" : $"      max_associations_initiator: {20 + k}");
                if (acceptor) w.Line($"      port: {port++}");
                var activities = Activities(kind, created).ToList();
                if (activities.Count == 0) continue;
                w.Line("    activities:");
                foreach (var (name, role, uids, extended) in activities)
                {
                    w.Line($"      - name: {name}");
                    w.Line($"        role: {role}");
                    w.Line("        description: |");
                    w.Para(10, $"{ae} {(role == "acceptor" ? "accepts associations from any configured AE" : "opens one association per destination and job")} for \"{name}\". " +
                               "Presentation contexts are proposed or accepted for the SOP Classes of the activity with the Transfer Syntaxes of their sets; " +
                               "failed operations are retried every 5 minutes for 24 hours.");
                    if (uids is not null)
                    {
                        w.Line("        sop_classes:");
                        foreach (var u in uids) w.Line($"          - {u}");
                    }
                    if (extended)
                    {
                        w.Line("        extended_negotiation:");
                        w.Line("          - { sop_class: 1.2.840.10008.5.1.4.1.2.2.1, negotiation: Relational-queries, support: true, group: Query }");
                        w.Line("          - { sop_class: 1.2.840.10008.5.1.4.1.2.2.1, negotiation: Date-time matching, support: true, group: Query }");
                        w.Line("          - { sop_class: 1.2.840.10008.5.1.4.1.2.2.2, negotiation: Relational-retrieval, support: true, group: Retrieve }");
                    }
                    if (role == "acceptor")
                    {
                        w.Line("        transfer_syntax_selection:");
                        w.Line("          - sop_classes: Image SOP Classes");
                        w.Line("            transfer_syntaxes: [1.2.840.10008.1.2.4.90, 1.2.840.10008.1.2.4.70, 1.2.840.10008.1.2.4.91, 1.2.840.10008.1.2.4.50, 1.2.840.10008.1.2.1, 1.2.840.10008.1.2]");
                        w.Line("          - sop_classes: Non-Image SOP Classes");
                        w.Line("            transfer_syntaxes: [1.2.840.10008.1.2.1, 1.2.840.10008.1.2]");
                    }
                    else w.Line("        role_negotiation: Proposed for C-GET sub-operations only.");
                }
            }
        }
        w.Line();

        // ------------------------------------------------------------------ SOP classes
        string L(IEnumerable<string> aes) => "[" + string.Join(", ", aes) + "]";
        w.Line("sop_classes:");
        w.Line($"  - {{ uid: {Verification}, name: {Q(Name(Verification))}, scp: {L(Aes("ARCHIVE-STORE").Concat(Aes("ARCHIVE-QR")))}, scu: {L(Aes("ARCHIVE-FORWARD"))}, transfer_syntax_sets: [NI] }}");
        w.Line($"  - {{ uid: {StorageCommitment}, name: {Q(Name(StorageCommitment))}, scp: {L(Aes("ARCHIVE-STORE"))}, scu: {L(Aes("COMMIT-CLIENT"))}, transfer_syntax_sets: [NI] }}");
        w.Line($"  - {{ uid: {Mpps}, name: {Q(Name(Mpps))}, scu: {L(Aes("WORKLIST-CLIENT"))}, transfer_syntax_sets: [NI] }}");
        foreach (var p in PrintSopClasses)
            w.Line($"  - {{ uid: {p}, name: {Q(Name(p))}, scu: {L(Aes("PRINT-CLIENT"))}, transfer_syntax_sets: [NI] }}");
        foreach (var s in storage)
        {
            var sets0 = s.Name.Contains("Video", StringComparison.Ordinal) ? "[V, U]" : images.Contains(s) ? "[U, LL, L]" : "[NI]";
            var scu = Aes("ARCHIVE-FORWARD").Concat(createdUids.Contains(s.Uid) ? Aes("MODALITY-STORE") : Enumerable.Empty<string>());
            var create = createdUids.Contains(s.Uid) ? ", create: S" : "";
            var media = images.Contains(s) ? ", fsc: true, fsr: true" : "";
            w.Line($"  - {{ uid: {s.Uid}, name: {Q(s.Name)}, scu: {L(scu)}, scp: {L(Aes("ARCHIVE-STORE"))}, user_agent: true, origin_server: true{media}, transfer_syntax_sets: {sets0}{create}, display: true, archive: true }}");
        }
        foreach (var s in nonPatient)
            w.Line($"  - {{ uid: {s.Uid}, name: {Q(s.Name)}, scu: {L(Aes("ARCHIVE-FORWARD"))}, scp: {L(Aes("ARCHIVE-STORE"))}, transfer_syntax_sets: [NI], archive: true }}");
        w.Line($"  - {{ uid: 1.2.840.10008.1.3.10, name: {Q(Name("1.2.840.10008.1.3.10"))}, fsc: true, fsr: true, transfer_syntax_sets: [NI] }}");
        foreach (var q in queryRetrieve)
        {
            var scu = QrClientSopClasses.Contains(q.Uid) ? $", scu: {L(Aes("QR-CLIENT"))}" : "";
            w.Line($"  - {{ uid: {q.Uid}, name: {Q(q.Name)}, scp: {L(Aes("ARCHIVE-QR"))}{scu}, transfer_syntax_sets: [NI] }}");
        }
        w.Line($"  - {{ uid: {Mwl}, name: {Q(Name(Mwl))}, scu: {L(Aes("WORKLIST-CLIENT"))}, transfer_syntax_sets: [NI] }}");
        w.Line($"  - {{ uid: {Ian}, name: {Q(Name(Ian))}, scu: {L(Aes("ARCHIVE-FORWARD"))}, transfer_syntax_sets: [NI] }}");
        foreach (var u in ups)
            w.Line($"  - {{ uid: {u.Uid}, name: {Q(u.Name)}, scp: {L(Aes("UPS-SERVER"))}, origin_server: true, transfer_syntax_sets: [NI] }}");
        w.Line();

        // ------------------------------------------------------------------ DIMSE details
        w.Line("dimse:");
        void Role(int indent, string role, string text, params string[] extra)
        {
            var pad = new string(' ', indent);
            w.Line($"{pad}{role}:");
            w.Line($"{pad}  description: {Q(text)}");
            foreach (var e in extra) w.Line($"{pad}  {e}");
        }
        w.Line("  verification:");
        Role(4, "scu", "C-ECHO is sent when the administrator tests a destination.");
        Role(4, "scp", "C-ECHO requests are answered with Success.");
        w.Line("  worklist:");
        Role(4, "scu", "The worklist is queried every 5 minutes and on demand, for the procedure steps of this station and today.");
        w.Line("  mpps:");
        Role(4, "scu", "An MPPS is created when the first acquisition starts and completed when the examination is closed.");
        w.Line("  ups:");
        Role(4, "scp", "Post-processing tasks are scheduled as UPS workitems; workstations claim and complete them. C-FIND priority is not supported: every request is processed with MEDIUM priority in order of arrival.");
        w.Line("  instance_availability:");
        Role(4, "scu", "One notification is sent per study and subscriber when the study becomes available.");
        w.Line("  storage:");
        Role(4, "scu", "Instances are sent as stored (bit-identical) unless decompression is required by the negotiated Transfer Syntax.");
        Role(4, "scp", "The platform is a Level 2 (Full) Storage SCP: all Attributes, including private Attributes, are stored and returned unchanged.",
            "level_of_support: 2", "digital_signature_level: 2", "element_coercion: Patient ID and Issuer of Patient ID may be coerced by patient reconciliation.",
            "discarded_attributes: No Attributes are discarded.", "lossy_compression: Instances are never compressed lossy by default.", "duplicate_instances: Ignore");
        w.Line("  storage_commitment:");
        Role(4, "scu", "Storage Commitment is requested for every study sent to the archive destination.");
        Role(4, "scp", "Commitment is accepted for any stored instance.", "retention: Committed instances are kept on two storage locations until deleted by a retention rule.");
        w.Line("  query_retrieve:");
        foreach (var op in new[] { "find", "move", "get" })
        {
            w.Line($"    {op}:");
            Role(6, "scu", $"C-{op.ToUpperInvariant()} requests are sent from the study browser.");
            var sub = op == "find" ? Array.Empty<string>() : new[] { "sub_operation_sop_classes: [" + string.Join(", ", images.Take(20).Concat(nonPatient).Select(u => u.Uid)) + "]" };
            Role(6, "scp", $"C-{op.ToUpperInvariant()} is supported at all levels of the Patient Root and Study Root models.",
                new[] { "priority: Priority is accepted but ignored.", "relational: true" }.Concat(sub).ToArray());
        }
        w.Line("  print:");
        Role(4, "scu", "Films are printed in the layout chosen by the user; one Basic Film Session per print job.");
        w.Line();

        // ------------------------------------------------------------------ DICOMweb, media, character sets, security
        w.Line("dicomweb:");
        w.Line("  base_url: https://<host>/dicomweb");
        w.Line("  transactions:");
        var webTransactions = new (string Service, string Transaction, string Resources)[]
        {
            ("URI", "Retrieve DICOM Instance", "[Instance]"), ("URI", "Retrieve Rendered Instance", "[Instance, Frames]"),
            ("Studies", "Retrieve", "[Study, Series, Instance, Frames, Bulkdata, Metadata, Rendered]"), ("Studies", "Store", "[Study]"), ("Studies", "Search", "[Study, Series, Instance]"),
            ("Worklist", "Create", "[Workitem]"), ("Worklist", "Retrieve", "[Workitem]"), ("Worklist", "Update", "[Workitem]"), ("Worklist", "Change State", "[Workitem]"),
            ("Worklist", "Request Cancellation", "[Workitem]"), ("Worklist", "Search", "[Workitem]"), ("Worklist", "Subscribe", "[Workitem, Worklist]"), ("Worklist", "Unsubscribe", "[Workitem, Worklist]"),
            ("Non-Patient Instance", "Retrieve", "[Instance]"), ("Non-Patient Instance", "Store", "[Instance]"), ("Non-Patient Instance", "Search", "[Instance]"),
            ("Storage Commitment", "Request Storage Commitment", "[Study]"), ("Storage Commitment", "Check Storage Commitment Result", "[Study]"),
            ("Notification", "Open Channel", "[Workitem]"), ("Notification", "Send Event Report", "[Workitem]"),
        };
        for (int k = 1; k <= scale; k++)
            foreach (var (service, transaction, resources) in webTransactions)
            {
                w.Line($"    - {{ service: {service}, ae: WEB-SERVER-{k}, transaction: {transaction}, origin_server: true, resources: {resources}, media_types: [application/dicom, application/dicom+json], transfer_syntaxes: [{ExplicitLe}, 1.2.840.10008.1.2.4.90] }}");
                if (service is "Studies" or "URI")
                    w.Line($"    - {{ service: {service}, ae: WEB-CLIENT-{k}, transaction: {transaction}, user_agent: true, resources: {resources}, media_types: [application/dicom] }}");
            }
        w.Line("media:");
        w.Line("  profiles:");
        for (int k = 1; k <= scale; k++)
            foreach (var (profile, media) in new[] { ("STD-GEN-CD", "Compact Disk - Recordable"), ("STD-GEN-DVD-JPEG", "DVD"), ("STD-GEN-USB-JPEG", "USB") })
                w.Line($"    - {{ profile: {profile}, media: {media}, ae: MEDIA-FSC-{k}, fsc: true, fsr: true }}");
        w.Line("character_sets:");
        foreach (var (term, desc) in new[] { ("ISO_IR 100", "Latin alphabet No. 1"), ("ISO_IR 192", "Unicode in UTF-8"), ("ISO 2022 IR 6", "Default repertoire"), ("ISO 2022 IR 87", "Japanese (JIS X 0208: Kanji)"), ("ISO_IR 144", "Cyrillic") })
            w.Line($"  - {{ defined_term: {term}, description: {Q(desc)} }}");
        w.Line("de_identification:");
        w.Line("  - profile: Basic Application Level Confidentiality Profile");
        w.Line("    options: [Retain Longitudinal Temporal Information Full Dates Option, Clean Descriptors Option]");
        w.Line("    ae: ARCHIVE-FORWARD-1");
        w.Line("    de_identifier: true");
        w.Line("    re_identifier: false");
        w.Line("    configurable: true");
        w.Line("security:");
        w.Line("  profiles:");
        w.Line("    - { profile: BCP 195 RFC 8996 TLS Secure Transport Connection Profile, kind: secure_transport, secured_ae: ALL, sender: true, receiver: true, reference: PS3.15 B.12 }");
        w.Line("    - { profile: Basic Application Level Confidentiality Profile, kind: other, sender: true, receiver: false, reference: PS3.15 E.1 }");
        w.Line("    - { profile: Audit Trail Message Format Profile, kind: other, sender: true, receiver: false, reference: PS3.15 A.5 }");
        w.Line("  user_identity:");
        w.Line("    initiator:");
        w.Line("      - { type: \"1\", supported: true, value: Username }");
        w.Line("      - { type: \"2\", supported: false }");
        w.Line("    acceptor:");
        w.Line("      - { type: \"1\", supported: true, value: Username; checked against the directory service }");
        w.Line("      - { type: \"2\", supported: true, value: Username and passcode }");
        w.Line("      - { type: \"5\", supported: true, value: JSON Web Token (OpenID Connect) }");
        w.Line();

        // ------------------------------------------------------------------ IODs
        var pool = dict.Attributes.Where(a => !a.Retired && !a.IsRepeating && a.Keyword.Length > 0 && a.Vr != "SQ"
                                               && !a.Tag.StartsWith("0000", StringComparison.Ordinal) && !a.Tag.StartsWith("0002", StringComparison.Ordinal)
                                               && !a.Tag.StartsWith("0004", StringComparison.Ordinal) && !a.Tag.StartsWith("FFFE", StringComparison.Ordinal)
                                               && !a.Name.Contains('"')).ToList();
        var shared = new (string Name, string Ie, string Reference, string[] Keywords)[]
        {
            ("Patient Module", "Patient", "PS3.3 C.7.1.1", new[] { "PatientName", "PatientID", "IssuerOfPatientID", "PatientBirthDate", "PatientSex", "PatientComments" }),
            ("General Study Module", "Study", "PS3.3 C.7.2.1", new[] { "StudyInstanceUID", "StudyDate", "StudyTime", "ReferringPhysicianName", "StudyID", "AccessionNumber", "StudyDescription" }),
            ("General Series Module", "Series", "PS3.3 C.7.3.1", new[] { "Modality", "SeriesInstanceUID", "SeriesNumber", "SeriesDescription", "PatientPosition", "Laterality" }),
            ("General Equipment Module", "Equipment", "PS3.3 C.7.5.1", new[] { "Manufacturer", "InstitutionName", "StationName", "ManufacturerModelName", "DeviceSerialNumber", "SoftwareVersions" }),
            ("SOP Common Module", "Image", "PS3.3 C.12.1", new[] { "SOPClassUID", "SOPInstanceUID", "SpecificCharacterSet", "InstanceCreationDate", "InstanceCreationTime", "TimezoneOffsetFromUTC" }),
        };
        var privates = Enumerable.Range(0, 16).Select(i => (Tag: $"(0019,xx{0x10 + i:X2})", Name: $"Acme Omnibus Private Value {i + 1}", Keyword: $"AcmeOmnibusPrivateValue{i + 1}",
            Vr: new[] { "LO", "DS", "US", "SH", "FD", "CS", "IS", "UL" }[i % 8], Vm: i % 5 == 0 ? "1-n" : "1")).ToList();

        w.Line("iods:");
        var rng = new Lcg(20250601);
        for (int n = 0; n < created.Count; n++)
        {
            var sop = created[n];
            var iodName = IodName(sop.Name);
            w.Line($"  - name: {Q(iodName)}");
            w.Line($"    sop_class: {sop.Uid}");
            w.Line("    description: |");
            w.Para(6, $"{iodName} instances are created by MODALITY-STORE for every reconstruction; Attributes not listed are not sent.");
            w.Line("    modules:");
            foreach (var m in shared) w.Line($"      - {{ name: {m.Name}, ie: {m.Ie}, presence: ALWAYS, reference: {m.Reference}, shared: true }}");
            var picks = rng.Sample(pool.Count, ModulesPerIod * AttributesPerModule);
            for (int m = 0; m < ModulesPerIod; m++)
            {
                var moduleName = ModuleNames[(n + m) % ModuleNames.Length];
                w.Line($"      - name: {Q(moduleName)}");
                w.Line($"        ie: {Ies[m % Ies.Length]}");
                w.Line($"        presence: {(m % 4 == 3 ? "CONDITIONAL" : "ALWAYS")}");
                if (m % 4 == 3) w.Line("        condition: Present when the acquisition uses this feature.");
                w.Line($"        reference: PS3.3 C.{7 + m % 3}.{m + 1}.{n % 9 + 1}");
                w.Line("        attributes:");
                foreach (var index in picks.Skip(m * AttributesPerModule).Take(AttributesPerModule).OrderBy(i => pool[i].Tag, StringComparer.Ordinal))
                {
                    var a = pool[index];
                    int v = rng.Next(100);
                    var source = Sources[v % Sources.Length];
                    var presence = Presences[v % Presences.Length];
                    var extra = presence == "CONDITIONAL" ? ", condition: Present if the value is known." : v % 7 == 0 ? $", value: {Q("Configured per protocol")}" : v % 11 == 0 ? ", comment: Copied from the worklist when available." : "";
                    w.Line($"          - {{ name: {Q(a.Name)}, tag: \"{a.DisplayTag}\", source: {source}, presence_of_attribute: {presence}, presence_of_value: ALWAYS{extra} }}");
                }
            }
            w.Line("    private_modules:");
            w.Line($"      - name: {Q($"Acme Omnibus Private Module {n + 1}")}");
            w.Line("        presence: ALWAYS");
            w.Line("        private_creator: ACME_OMNIBUS_01");
            w.Line("        attributes:");
            for (int p = 0; p < 6; p++)
            {
                var pa = privates[(n + p * 3) % privates.Count];
                w.Line($"          - {{ name: {Q(pa.Name)}, tag: \"{pa.Tag}\", vr: {pa.Vr}, vm: \"{pa.Vm}\", identifiable: {(p % 3 == 0 ? "UNSAFE" : "SAFE")}, source: GENERATED, presence_of_attribute: ALWAYS, presence_of_value: ALWAYS }}");
            }
            w.Line("    coded_values:");
            w.Line("      - { name: Anatomic Region Sequence, tag: \"(0008,2218)\", value: \"CID 4030 CT, MR and PET Anatomy Imaged\", comment: Set from the protocol's body region. }");
            w.Line("      - { name: Procedure Code Sequence, tag: \"(0008,1032)\", value: \"From the worklist, else (P5-08000, SRT, \\\"Computed Tomography X-Ray\\\")\" }");
        }
        w.Line();
        w.Line("shared_modules:");
        w.Line("  modules:");
        foreach (var m in shared)
        {
            w.Line($"    - name: {m.Name}");
            w.Line($"      ie: {m.Ie}");
            w.Line("      presence: ALWAYS");
            w.Line($"      reference: {m.Reference}");
            w.Line("      attributes:");
            foreach (var kw in m.Keywords)
            {
                var a = dict.FindAttributeByKeyword(kw) ?? throw new InvalidOperationException($"keyword {kw} is not in the dictionary");
                w.Line($"        - {{ name: {Q(a.Name)}, tag: \"{a.DisplayTag}\", source: [MWL, GENERATED], presence_of_attribute: ALWAYS, presence_of_value: ALWAYS }}");
            }
        }
        w.Line("  coded_values:");
        w.Line("    - { name: Anatomic Region Sequence, tag: \"(0008,2218)\", value: \"CID 4030 CT, MR and PET Anatomy Imaged\" }");
        w.Line();
        w.Line("mappings:");
        w.Line("  - name: Mapping Between Modality Worklist Instances and MPPS");
        w.Line("    description: Attributes received in the worklist are copied into the created instances and the MPPS.");
        w.Line("    rows:");
        foreach (var kw in new[] { "StudyInstanceUID", "AccessionNumber", "RequestedProcedureID", "ScheduledProcedureStepID", "PatientName", "PatientID", "PatientBirthDate", "PatientSex", "ReferringPhysicianName", "RequestedProcedureDescription", "PerformedProcedureStepID", "StudyID" })
        {
            var a = dict.FindAttributeByKeyword(kw)!;
            w.Line($"      - {{ name: {Q(a.Name)}, tag: \"{a.DisplayTag}\", scenario: SCHEDULED, instance_source: MWL, instance_destination: TOP, mpps_source: MWL, mpps_destination: TOP }}");
        }
        w.Line();
        w.Line("dictionary:");
        w.Line("  attributes:");
        foreach (var p in privates)
            w.Line($"    - {{ tag: \"{p.Tag}\", name: {Q(p.Name)}, keyword: {p.Keyword}, vr: {p.Vr}, vm: \"{p.Vm}\", private_creator: ACME_OMNIBUS_01 }}");
        w.Line();

        // ------------------------------------------------------------------ template sections with rows
        w.Line("sections:");
        w.Line("  services_scp_study_root_qr_find:");
        w.Line("    tables:");
        w.Line("      supported_c_find_attribute_matching_for_study_root_q_r_model_scp:");
        foreach (var a in pool.Where(a => a.Tag.StartsWith("0008", StringComparison.Ordinal) || a.Tag.StartsWith("0010", StringComparison.Ordinal) || a.Tag.StartsWith("0020", StringComparison.Ordinal)).Take(60))
            w.Line($"        - {{ attribute_name: {Q(a.Name)}, tag: \"{a.DisplayTag}\", matching_type: [SINGLE_VALUE, UNIVERSAL], comments: {Q("Case-sensitive exact match; dates and times as stored, without time zone adjustment.")} }}");
        w.Line("  config_general_config_parameters:");
        w.Line("    tables:");
        w.Line("      general_configuration_parameters:");
        for (int k = 1; k <= scale; k++)
            foreach (var kind in AeKinds)
                w.Line($"        - {{ parameter: {Q($"AE Title of {kind}-{k}")}, configurable: SERVICE, default_value: {Q(AeTitle(kind, k))} }}");
        w.Line("  status_scp_storage_c_store:");
        w.Line("    tables:");
        w.Line("      status_codes_c_store_of_the_storage_sop_classes_scp:");
        w.Line("        - { service_status: Success, further_meaning: Success, status_codes: \"0000\", related_fields: None, condition_and_comments_on_related_fields: The instance was journaled and will be stored. }");
        w.Line("        - { service_status: Warning, further_meaning: Coercion of Data Elements, status_codes: \"B000\", related_fields: \"(0000,0902)\", condition_and_comments_on_related_fields: Patient reconciliation changed the patient identification. }");
        w.Line("        - { service_status: Failure, further_meaning: \"Refused: Out of resources\", status_codes: \"A700\", related_fields: \"(0000,0902)\", condition_and_comments_on_related_fields: The online tier is full. }");
        w.Line("  annex_c_attribute_confidentiality:");
        w.Line("    tables:");
        w.Line("      de_identified_elements_and_actions:");
        foreach (var m in shared)
            foreach (var kw in m.Keywords)
            {
                var a = dict.FindAttributeByKeyword(kw)!;
                w.Line($"        - {{ attribute_name: {Q(a.Name)}, tag: \"{a.DisplayTag}\", action: {(a.Vr == "UI" ? "U" : "Z")}, encrypted: N }}");
            }
        w.Line("  security_introduction:");
        w.Line("    text: |");
        w.Para(6, "The platform runs in the hospital data centre. All DIMSE listeners are available with and without TLS; DICOMweb only over HTTPS.");
        return w.ToString();
    }

    private static IEnumerable<(string Name, string Role, IReadOnlyList<string>? SopClasses, bool Extended)> Activities(string kind, IReadOnlyList<UidEntry> created)
    {
        switch (kind)
        {
            case "ARCHIVE-STORE":
                yield return ("Store Instances", "acceptor", null, false);
                yield return ("Commit Storage", "acceptor", new[] { StorageCommitment }, false);
                yield return ("Send Commitment Results", "initiator", new[] { StorageCommitment }, false);
                yield return ("Verify", "acceptor", new[] { Verification }, false);
                break;
            case "ARCHIVE-FORWARD":
                yield return ("Forward Instances", "initiator", null, false);
                yield return ("Notify Availability", "initiator", new[] { Ian }, false);
                break;
            case "ARCHIVE-QR":
                yield return ("Answer Queries and Retrieves", "acceptor", null, true);
                break;
            case "QR-CLIENT":
                yield return ("Query Remote Archives", "initiator", QrClientSopClasses, true);
                break;
            case "WORKLIST-CLIENT":
                yield return ("Query Worklist", "initiator", new[] { Mwl }, false);
                yield return ("Report Procedure Steps", "initiator", new[] { Mpps }, false);
                break;
            case "UPS-SERVER":
                yield return ("Manage Workitems", "acceptor", null, false);
                break;
            case "PRINT-CLIENT":
                yield return ("Print Films", "initiator", PrintSopClasses, false);
                break;
            case "COMMIT-CLIENT":
                yield return ("Request Commitment", "initiator", new[] { StorageCommitment }, false);
                yield return ("Receive Commitment Results", "acceptor", new[] { StorageCommitment }, false);
                break;
            case "MODALITY-STORE":
                yield return ("Send Created Instances", "initiator", created.Select(u => u.Uid).ToList(), false);
                break;
        }
    }

    private static string AeTitle(string kind, int k)
    {
        var parts = kind.Split('-');
        var t = string.Concat(parts.Select(p => p.Length > 5 ? p[..5] : p)) + "_" + k.ToString(CultureInfo.InvariantCulture);
        return t.Length > 16 ? t[..16] : t;
    }

    private static string IodName(string sopClassName)
    {
        var n = sopClassName.Replace(" Storage", "", StringComparison.Ordinal);
        return n + " IOD";
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    /// <summary>
    /// The statement with each item of its top-level <c>iods:</c> list moved to a file of its own (names relative to the
    /// statement: <c>{folder}/iod-001.yaml</c>), replaced by <c>- !include</c> of that file.
    /// </summary>
    public static (string Main, List<(string Name, string Text)> Includes) SplitIods(string yaml, string folder)
    {
        var lines = yaml.Split('\n');
        var main = new StringBuilder();
        var includes = new List<(string, string)>();
        StringBuilder? item = null;
        bool inIods = false;
        void Flush()
        {
            if (item is null) return;
            var name = $"iod-{includes.Count + 1:D3}.yaml";
            includes.Add((name, item.ToString()));
            main.Append("  - !include ").Append(folder).Append('/').Append(name).Append('\n');
            item = null;
        }
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i == lines.Length - 1 && line.Length == 0) break;
            if (line.Length > 0 && line[0] != ' ' && line[0] != '#') { Flush(); inIods = line == "iods:"; main.Append(line).Append('\n'); continue; }
            if (!inIods) { main.Append(line).Append('\n'); continue; }
            if (line.StartsWith("  - ", StringComparison.Ordinal)) { Flush(); item = new StringBuilder(); item.Append(line[4..]).Append('\n'); }
            else if (item is not null) item.Append(line.Length >= 4 ? line[4..] : line.TrimStart()).Append('\n');
            else main.Append(line).Append('\n');
        }
        Flush();
        return (main.ToString(), includes);
    }

    public static string Q(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private sealed class Writer
    {
        private readonly StringBuilder _sb = new(1 << 20);
        public void Line(string s = "") => _sb.Append(s).Append('\n');

        /// <summary>A block scalar body, wrapped at about 110 columns.</summary>
        public void Para(int indent, string text)
        {
            var pad = new string(' ', indent);
            var line = new StringBuilder();
            foreach (var word in text.Split(' '))
            {
                if (line.Length > 0 && line.Length + word.Length > 110) { Line(pad + line); line.Clear(); }
                if (line.Length > 0) line.Append(' ');
                line.Append(word);
            }
            if (line.Length > 0) Line(pad + line);
        }

        public override string ToString() => _sb.ToString();
    }

    /// <summary>A fixed linear congruential generator (System.Random's sequence is not guaranteed across runtimes).</summary>
    private sealed class Lcg(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int bound)
        {
            _state = _state * 6364136223846793005UL + 1442695040888963407UL;
            return (int)((_state >> 33) % (ulong)bound);
        }

        /// <summary><paramref name="count"/> distinct indexes below <paramref name="n"/>.</summary>
        public List<int> Sample(int n, int count)
        {
            var seen = new HashSet<int>();
            var list = new List<int>(count);
            while (list.Count < count)
            {
                int i = Next(n);
                if (seen.Add(i)) list.Add(i);
            }
            return list;
        }
    }
}
