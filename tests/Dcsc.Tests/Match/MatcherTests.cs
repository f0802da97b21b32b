using Dcsc.Dictionary;
using Dcsc.Diagnostics;
using Dcsc.Match;
using Dcsc.Model;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Match;

public class MatcherTests
{
    internal static Statement Compile(string yaml, string file)
    {
        var r = Compilation.CheckText(file, yaml);
        Assert.True(r.Statement is not null && !r.HasErrors, string.Join("\n", r.Diagnostics.Sorted()));
        return r.Statement!;
    }

    internal static MatchReport Match(string a, string b, params string[] require) =>
        Matcher.Match(Compile(a, "a.yaml"), Compile(b, "b.yaml"), require);

    private static string Plus(string yaml, string more) => yaml + "\n" + more + "\n";

    private static string AddSop(string yaml, string sop) => yaml.Replace("sop_classes:\n", "sop_classes:\n" + sop);

    private static IEnumerable<MatchFinding> Of(MatchReport r, string service, MatchLevel level) =>
        r.Findings.Where(f => f.Service == service && f.Level == level);

    [Fact]
    public void Modality_to_archive_storage_lists_common_syntaxes_and_what_the_archive_does_not_accept()
    {
        var r = Match(MatchPairs.Modality, MatchPairs.Archive);
        var ct = Assert.Single(r.Findings, f => f.SubjectUid == "1.2.840.10008.5.1.4.1.1.2");
        Assert.Equal(MatchLevel.Compatible, ct.Level);
        Assert.Equal(MatchServices.Storage, ct.Service);
        Assert.Equal(MatchFlow.AToB, ct.Flow);
        Assert.Equal(new[] { "Explicit VR Little Endian", "Implicit VR Little Endian", "JPEG 2000 Image Compression (Lossless Only)" }, ct.Common.Select(c => c.Name));
        Assert.StartsWith("Acme Vault PACS accepts CT Image Storage from Acme Helix CT in Explicit VR Little Endian", ct.Message);
        Assert.Equal("a.yaml", ct.A.File);
        Assert.Equal("b.yaml", ct.B.File);
        Assert.True(ct.A.Line > 0 && ct.B.Line > 0);

        var enhanced = Assert.Single(r.Findings, f => f.SubjectUid == "1.2.840.10008.5.1.4.1.1.2.1");
        Assert.Equal(MatchLevel.Incompatible, enhanced.Level);
        Assert.Contains("Acme Vault PACS accepts Enhanced CT Image Storage in Explicit VR Little Endian and Implicit VR Little Endian; Acme Helix CT proposes only JPEG 2000 Image Compression", enhanced.Message);

        var dose = Assert.Single(r.Findings, f => f.SubjectUid == "1.2.840.10008.5.1.4.1.1.88.67");
        Assert.Equal(MatchLevel.Incompatible, dose.Level);
        Assert.Contains("Acme Vault PACS does not support X-Ray Radiation Dose SR Storage", dose.Message);

        // The archive is SCU and SCP for CT (it forwards); the modality accepts no storage at all: nothing to report B → A.
        Assert.DoesNotContain(r.Findings, f => f.Service == MatchServices.Storage && f.Flow == MatchFlow.BToA);
        Assert.Equal(MatchVerdict.CompatibleWithGaps, r.Verdict);
    }

    [Fact]
    public void Sop_class_missing_on_the_other_side_is_incompatible()
    {
        var scu = AddSop(MatchPairs.Scu, "  - uid: 1.2.840.10008.5.1.4.1.1.4\n    name: MR Image Storage\n    scu: [SENDER]\n    transfer_syntax_sets: [U]\n");
        var r = Match(scu, MatchPairs.Scp);
        var f = Assert.Single(Of(r, MatchServices.Storage, MatchLevel.Incompatible));
        Assert.Equal("1.2.840.10008.5.1.4.1.1.4", f.SubjectUid);
        Assert.Equal("Acme Receiver does not support MR Image Storage; Acme Sender uses it as SCU.", f.Message);
        Assert.Equal(17, f.A.Line); // the `scu:` of the MR declaration
    }

    [Fact]
    public void No_transfer_syntax_in_common_is_incompatible()
    {
        var scp = MatchPairs.Scp.Replace("uid: 1.2.840.10008.1.2.1\n        name: Explicit VR Little Endian", "uid: 1.2.840.10008.1.2.4.70\n        name: JPEG Lossless SV1");
        var r = Match(MatchPairs.Scu, scp);
        var f = Assert.Single(Of(r, MatchServices.Storage, MatchLevel.Incompatible));
        // The Transfer Syntax is named as the receiver's statement (and so its built document) names it.
        Assert.Equal("Acme Receiver accepts CT Image Storage only in JPEG Lossless SV1; " +
                     "Acme Sender proposes only Explicit VR Little Endian: no Transfer Syntax in common.", f.Message);
        Assert.Empty(f.Common);
    }

    [Fact]
    public void Only_lossy_syntaxes_in_common_is_a_warning()
    {
        string lossy(string y) => y.Replace("uid: 1.2.840.10008.1.2.1\n        name: Explicit VR Little Endian", "uid: 1.2.840.10008.1.2.4.50\n        name: JPEG Baseline");
        var r = Match(lossy(MatchPairs.Scu), lossy(MatchPairs.Scp));
        var f = Assert.Single(Of(r, MatchServices.Storage, MatchLevel.Warning));
        Assert.Contains("only lossy Transfer Syntaxes in common", f.Message);
        Assert.True(TransferSyntaxKinds.IsLossy("1.2.840.10008.1.2.4.91"));
        Assert.False(TransferSyntaxKinds.IsLossy("1.2.840.10008.1.2.4.90"));
        Assert.True(TransferSyntaxKinds.IsLossy("1.2.840.10008.1.2.4.102.1"));
    }

    [Fact]
    public void Both_scu_only_is_one_role_mismatch_finding()
    {
        var other = MatchPairs.Scp.Replace("scp: [RECEIVER]", "scu: [RECEIVER]");
        var r = Match(MatchPairs.Scu, other);
        var f = Assert.Single(r.Findings, f => f.Service == MatchServices.Storage);
        Assert.Equal(MatchLevel.Incompatible, f.Level);
        Assert.Equal(MatchFlow.Both, f.Flow);
        Assert.Contains("both support CT Image Storage only as SCU", f.Message);
    }

    private const string FindScu = """
          - uid: 1.2.840.10008.5.1.4.1.2.2.1
            name: Study Root Query/Retrieve Information Model - FIND
            scu: [SENDER]
            transfer_syntax_sets: [U]
        sections:
          services_scu_study_root_qr_find:
            tables:
              supported_c_find_attribute_matching_for_study_root_q_r_model_scu:
                - attribute_name: Patient's Name
                  tag: (0010,0010)
                  matching_type: WILDCARD
                - attribute_name: Patient's Birth Date
                  tag: (0010,0030)
                  matching_type: SINGLE_VALUE
                - attribute_name: Study Date
                  tag: (0008,0020)
                  matching_type: RANGE
        """;

    private const string FindScp = """
          - uid: 1.2.840.10008.5.1.4.1.2.2.1
            name: Study Root Query/Retrieve Information Model - FIND
            scp: [RECEIVER]
            transfer_syntax_sets: [U]
        sections:
          services_scp_study_root_qr_find:
            tables:
              supported_c_find_attribute_matching_for_study_root_q_r_model_scp:
                - attribute_name: Patient's Name
                  tag: (0010,0010)
                  matching_type: SINGLE_VALUE
                - attribute_name: Study Date
                  tag: (0008,0020)
                  matching_type: [SINGLE_VALUE, RANGE]
        """;

    private static string AppendSops(string yaml, string extra)
    {
        // The SOP Class goes at the end of sop_classes (just before `security:`), the sections at the end of the file.
        var i = extra.IndexOf("sections:", StringComparison.Ordinal);
        return Plus(yaml.Replace("security:\n", extra[..i] + "security:\n"), extra[i..]);
    }

    [Fact]
    public void Query_keys_not_matched_by_the_scp_are_warnings()
    {
        var a = AppendSops(MatchPairs.Scu, FindScu);
        var b = AppendSops(MatchPairs.Scp, FindScp);
        var r = Match(a, b);
        var warnings = Of(r, MatchServices.QueryRetrieve, MatchLevel.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Message == "Acme Sender queries Study Root Query/Retrieve Information Model - FIND on Patient's Name (0010,0010) with WILDCARD matching; Acme Receiver supports only SINGLE_VALUE matching on it.");
        Assert.Contains(warnings, w => w.Message.StartsWith("Acme Sender queries Study Root Query/Retrieve Information Model - FIND on Patient's Birth Date (0010,0030) with SINGLE_VALUE matching; Acme Receiver does not list this key"));
        Assert.Contains(r.Findings, f => f.Service == MatchServices.QueryRetrieve && f.Level == MatchLevel.Compatible && f.SubjectUid == "1.2.840.10008.5.1.4.1.2.2.1");
    }

    [Fact]
    public void Dicomweb_media_type_not_offered_is_reported()
    {
        const string ua = """
            dicomweb:
              transactions:
                - service: Studies
                  transaction: Retrieve
                  user_agent: true
                  media_types: [application/dicom, image/jpeg]
                  resources: [Study, Instance]
            """;
        const string os = """
            dicomweb:
              transactions:
                - service: Studies
                  transaction: Retrieve
                  origin_server: true
                  media_types: [application/dicom]
                  resources: [Study, Series, Instance]
            """;
        var r = Match(Plus(MatchPairs.Scu, ua), Plus(MatchPairs.Scp, os));
        var f = Assert.Single(Of(r, MatchServices.DicomWeb, MatchLevel.Warning));
        Assert.Equal("Studies Retrieve (WADO-RS)", f.Subject);
        Assert.Equal("Acme Receiver does not offer the media type image/jpeg in Studies Retrieve (WADO-RS), which Acme Sender uses; in common: application/dicom.", f.Message);

        var none = Match(Plus(MatchPairs.Scu, ua.Replace("[application/dicom, image/jpeg]", "[image/jpeg]")), Plus(MatchPairs.Scp, os));
        Assert.Contains(Of(none, MatchServices.DicomWeb, MatchLevel.Incompatible), x => x.Message.Contains("no media type in common"));

        var missing = Match(Plus(MatchPairs.Scu, ua), Plus(MatchPairs.Scp, os.Replace("transaction: Retrieve", "transaction: Store")));
        var m = Assert.Single(Of(missing, MatchServices.DicomWeb, MatchLevel.Incompatible));
        Assert.Equal("Acme Receiver does not offer Studies Retrieve (WADO-RS) as origin server; Acme Sender uses it as user agent.", m.Message);

        // A side that is no origin server at all takes no part in DICOMweb: a warning, not a mismatch.
        var noServer = Match(Plus(MatchPairs.Scu, ua), MatchPairs.Scp);
        Assert.Equal(MatchLevel.Warning, Assert.Single(noServer.Findings, x => x.Service == MatchServices.DicomWeb).Level);
    }

    [Fact]
    public void No_common_security_profile_is_incompatible()
    {
        var b = MatchPairs.Scp.Replace("BCP 195 RFC 8996 TLS Secure Transport Connection Profile", "Non-Downgrading BCP 195 TLS Secure Transport Connection Profile");
        var r = Match(MatchPairs.Scu, b);
        var f = Assert.Single(r.Findings, f => f.Service == MatchServices.Security);
        Assert.Equal(MatchLevel.Incompatible, f.Level);
        Assert.Contains("no Secure Transport Connection Profile in common", f.Message);

        var noTls = Match(MatchPairs.Scu, MatchPairs.Scp[..MatchPairs.Scp.IndexOf("security:", StringComparison.Ordinal)]);
        Assert.Equal(MatchLevel.Warning, Assert.Single(noTls.Findings, f => f.Service == MatchServices.Security).Level);
    }

    [Fact]
    public void A_user_identity_type_the_acceptor_does_not_take_is_a_warning_named_as_the_document_names_it()
    {
        var a = Plus(MatchPairs.Scu, "  user_identity:\n    initiator:\n      - { type: \"2\", supported: true }");
        var b = Plus(MatchPairs.Scp, "  user_identity:\n    acceptor:\n      - { type: \"1\", supported: true }\n      - { type: \"2\", supported: false }");
        var f = Assert.Single(Match(a, b).Findings, f => f.Subject.StartsWith("User Identity", StringComparison.Ordinal));
        Assert.Equal(MatchLevel.Warning, f.Level);
        Assert.Contains("User Identity type 2 (" + UserIdentityTypes.Name("2") + ")", f.Message);
        Assert.Equal("Username and Passcode", UserIdentityTypes.Name("2"));

        var accepted = Plus(MatchPairs.Scp, "  user_identity:\n    acceptor:\n      - { type: \"2\", supported: true }");
        Assert.DoesNotContain(Match(a, accepted).Findings, f => f.Subject.StartsWith("User Identity", StringComparison.Ordinal));
    }

    [Fact]
    public void Fully_compatible_pair()
    {
        var r = Match(MatchPairs.Scu, MatchPairs.Scp);
        Assert.Equal(MatchVerdict.Compatible, r.Verdict);
        Assert.All(r.Findings, f => Assert.Equal(MatchLevel.Compatible, f.Level));
        Assert.Contains(r.Findings, f => f.Service == MatchServices.Storage);
        Assert.Contains(r.Findings, f => f.Service == MatchServices.Security);
    }

    [Fact]
    public void Require_limits_the_verdict_and_adds_a_finding_for_a_required_service_nobody_offers()
    {
        var r = Match(MatchPairs.Modality, MatchPairs.Archive, "storage-commitment", "security");
        Assert.Equal(MatchVerdict.Compatible, r.Verdict);
        Assert.Contains(r.Findings, f => f.Level == MatchLevel.Incompatible); // still reported

        var w = Match(MatchPairs.Scu, MatchPairs.Scp, "worklist");
        Assert.Equal(MatchVerdict.Incompatible, w.Verdict);
        Assert.Contains("Modality Worklist is required, but neither Acme Sender nor Acme Receiver offers it", Assert.Single(w.Findings, f => f.Service == MatchServices.Worklist).Message);

        // The modality uses worklist, the archive provides none: a warning by default, incompatible when required.
        var m = Match(MatchPairs.Modality, MatchPairs.Archive);
        Assert.Equal(MatchLevel.Warning, Assert.Single(m.Findings, f => f.Service == MatchServices.Worklist).Level);
        var mw = Match(MatchPairs.Modality, MatchPairs.Archive, "worklist");
        Assert.Equal(MatchVerdict.Incompatible, mw.Verdict);
    }

    [Fact]
    public void Findings_are_ordered_by_service_then_sop_class_uid_numerically()
    {
        var scu = AddSop(MatchPairs.Scu, "  - uid: 1.2.840.10008.5.1.4.1.1.12.1\n    name: X-Ray Angiographic Image Storage\n    scu: [SENDER]\n    transfer_syntax_sets: [U]\n");
        var r = Match(scu, MatchPairs.Scp);
        var uids = r.Findings.Where(f => f.Service == MatchServices.Storage).Select(f => f.SubjectUid).ToList();
        Assert.Equal(new[] { "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.12.1" }, uids);
        Assert.Equal(MatchFormatter.Json(r), MatchFormatter.Json(Match(scu, MatchPairs.Scp)));
        Assert.True(UidComparer.Instance.Compare("1.2.9", "1.2.10") < 0);
    }

    [Fact]
    public void Extended_negotiation_requested_but_not_offered_is_a_warning()
    {
        var a = MatchPairs.Scu.Replace("    description: Sends images.\n",
            "    description: Sends images.\n" +
            "    activities:\n" +
            "      - name: Send\n" +
            "        role: initiator\n" +
            "        description: Sends.\n" +
            "        extended_negotiation:\n" +
            "          - sop_class: 1.2.840.10008.5.1.4.1.1.2\n" +
            "            negotiation: Level of Digital Signature Support\n" +
            "            support: true\n");
        var r = Match(a, MatchPairs.Scp);
        var f = Assert.Single(Of(r, MatchServices.Storage, MatchLevel.Warning));
        Assert.Contains("requests the Level of Digital Signature Support extended negotiation", f.Message);
    }

    [Fact]
    public void Cget_needs_storage_scp_on_the_retrieving_side()
    {
        var a = AddSop(MatchPairs.Scu, "  - uid: 1.2.840.10008.5.1.4.1.2.2.3\n    name: Study Root Query/Retrieve Information Model - GET\n    scu: [SENDER]\n    transfer_syntax_sets: [U]\n");
        var b = AddSop(MatchPairs.Scp, "  - uid: 1.2.840.10008.5.1.4.1.2.2.3\n    name: Study Root Query/Retrieve Information Model - GET\n    scp: [RECEIVER]\n    transfer_syntax_sets: [U]\n");
        var r = Match(a, b);
        Assert.Contains(Of(r, MatchServices.QueryRetrieve, MatchLevel.Incompatible), f => f.Message.Contains("accepts no Storage SOP Class as SCP"));
    }

    [Fact]
    public void Max_pdu_and_character_sets_are_compared()
    {
        var a = MatchPairs.Scu.Replace("    description: Sends images.\n", "    description: Sends images.\n    association:\n      max_pdu_length: 16384\n")
            + "\ncharacter_sets:\n  - defined_term: ISO_IR 192\n";
        var b = MatchPairs.Scp.Replace("    description: Receives images.\n", "    description: Receives images.\n    association:\n      max_pdu_length: 65536\n")
            + "\ncharacter_sets:\n  - defined_term: ISO_IR 100\n";
        var r = Match(a, b);
        Assert.Contains(Of(r, MatchServices.Association, MatchLevel.Compatible), f => f.Message.Contains("16,384 bytes") && f.Message.Contains("65,536 bytes"));
        // Only the sender sends data sets; the receiver answers with C-STORE responses, which carry no text.
        var cs = Assert.Single(Of(r, MatchServices.Association, MatchLevel.Warning));
        Assert.Equal(MatchFlow.AToB, cs.Flow);
        Assert.StartsWith("Acme Sender may send text in ISO_IR 192", cs.Message);
    }

    [Fact]
    public void Media_creator_against_reader()
    {
        var a = MatchPairs.Scu + "\nmedia:\n  profiles:\n    - profile: STD-GEN-CD\n      media: CD-R\n      fsc: true\n";
        var b = MatchPairs.Scp + "\nmedia:\n  profiles:\n    - profile: STD-GEN-DVD-JPEG\n      media: DVD\n      fsr: true\n";
        var r = Match(a, b);
        var f = Assert.Single(Of(r, MatchServices.Media, MatchLevel.Incompatible));
        Assert.Contains("Acme Receiver does not read STD-GEN-CD media (CD-R), which Acme Sender creates", f.Message);
        var ok = Match(a, b.Replace("STD-GEN-DVD-JPEG", "STD-GEN-CD"));
        Assert.Equal(MatchLevel.Compatible, Assert.Single(ok.Findings, x => x.Service == MatchServices.Media).Level);
    }

    [Fact]
    public void Bundled_modality_and_archive_examples_store_with_syntaxes_in_common_and_name_what_the_archive_refuses()
    {
        var a = Compilation.Check(TestUtil.Repo("examples", "ct-modality.yaml"));
        var b = Compilation.Check(TestUtil.Repo("examples", "image-archive.yaml"));
        Assert.False(a.HasErrors || b.HasErrors);
        var r = Matcher.Match(a.Statement!, b.Statement!, new[] { MatchServices.Storage });
        var storage = r.Findings.Where(f => f.Service == MatchServices.Storage && f.Flow == MatchFlow.AToB).ToList();
        var ct = Assert.Single(storage, f => f.SubjectUid == "1.2.840.10008.5.1.4.1.1.2");
        Assert.Equal(MatchLevel.Compatible, ct.Level);
        Assert.Contains("Explicit VR Little Endian", ct.Common.Select(c => c.Name));
        Assert.StartsWith("Acme Vault PACS accepts CT Image Storage from Acme Helix CT in ", ct.Message);
        // The archive does not take the performed protocol the modality can forward: named, and incompatible.
        var protocol = Assert.Single(storage, f => f.SubjectUid == "1.2.840.10008.5.1.4.1.1.200.2");
        Assert.Equal(MatchLevel.Incompatible, protocol.Level);
        Assert.Contains("Acme Vault PACS does not support CT Performed Procedure Protocol Storage", protocol.Message);
        Assert.Equal(MatchVerdict.CompatibleWithGaps, r.Verdict);
        // The archive is no worklist provider: reported, as a warning, outside the storage verdict.
        Assert.Contains(r.Findings, f => f.Service == MatchServices.Worklist && f.Level == MatchLevel.Warning);
    }
}
