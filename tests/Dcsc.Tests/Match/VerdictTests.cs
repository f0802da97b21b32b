using Dcsc.Match;

namespace Dcsc.Tests.Match;

/// <summary>
/// The verdict rules of docs/match.md ("Verdict") on crafted pairs: transport mismatch, gateways, an optional class
/// missing, a required service missing, nothing working, "every Storage SOP Class" and "any Transfer Syntax" claims,
/// secure transport over the transport the two share.
/// </summary>
public class VerdictTests
{
    private static MatchReport Match(string a, string b, params string[] require) => MatcherTests.Match(a, b, require);

    private const string Mr = "  - uid: 1.2.840.10008.5.1.4.1.1.4\n    name: MR Image Storage\n    scu: [SENDER]\n    transfer_syntax_sets: [U]\n";
    private const string MrUid = "1.2.840.10008.5.1.4.1.1.4";
    private const string CtUid = "1.2.840.10008.5.1.4.1.1.2";

    private static string AddSop(string yaml, string sop) => yaml.Replace("sop_classes:\n", "sop_classes:\n" + sop);

    /// <summary>A DIMSE gateway: SCU and SCP of CT (and MR), forwarding what it receives.</summary>
    private static readonly string Gateway = AddSop(MatchPairs.Scu, Mr.Replace("scu: [SENDER]", "scu: [SENDER]\n    scp: [SENDER]"))
        .Replace("    name: CT Image Storage\n    scu: [SENDER]", "    name: CT Image Storage\n    scu: [SENDER]\n    scp: [SENDER]");

    /// <summary>A DICOMweb-only archive: STOW-RS origin server on an https base URL, no DIMSE, no TLS profile declared.</summary>
    private const string WebArchive = """
        product: { name: Acme Web Archive, version: "1.0", description: A DICOMweb archive. }
        transfer_syntax_sets:
          - code: U
            name: Uncompressed
            transfer_syntaxes:
              - { uid: 1.2.840.10008.1.2.1, name: Explicit VR Little Endian }
        sop_classes:
          - { uid: 1.2.840.10008.5.1.4.1.1.2, name: CT Image Storage, origin_server: true, transfer_syntax_sets: [U] }
        dicomweb:
          base_url: https://archive.example.com/dicomweb
          transactions:
            - { service: Studies, transaction: Store, origin_server: true, media_types: [application/dicom] }

        """;

    /// <summary>A DICOMweb-only uploader (STOW-RS user agent).</summary>
    private const string WebUploader = """
        product: { name: Acme Uploader, version: "1.0", description: Uploads CT images. }
        transfer_syntax_sets:
          - code: U
            name: Uncompressed
            transfer_syntaxes:
              - { uid: 1.2.840.10008.1.2.1, name: Explicit VR Little Endian }
        sop_classes:
          - { uid: 1.2.840.10008.5.1.4.1.1.2, name: CT Image Storage, user_agent: true, transfer_syntax_sets: [U] }
        dicomweb:
          transactions:
            - { service: Studies, transaction: Store, user_agent: true, media_types: [application/dicom] }

        """;

    [Fact]
    public void Transport_mismatch_is_incompatible_with_one_clear_finding()
    {
        var r = Match(Gateway, WebArchive);
        Assert.Equal(MatchVerdict.Incompatible, r.Verdict);
        var blocker = Assert.Single(r.Blockers);
        Assert.Equal(MatchServices.Transport, blocker.Service);
        Assert.Equal(MatchFlow.Both, blocker.Flow);
        Assert.Equal("Acme Sender and Acme Web Archive have no transport in common: Acme Sender uses DIMSE (SCU and SCP) only; " +
                     "Acme Web Archive uses DICOMweb (origin server) only. Neither can send anything the other accepts, so they cannot work together " +
                     "without a third system (e.g. a DIMSE–DICOMweb gateway).", blocker.Message);
        // No claim about encryption of connections that cannot exist.
        Assert.DoesNotContain(r.Findings, f => f.Service == MatchServices.Security);
        // --require does not hide a transport mismatch.
        Assert.Equal(MatchVerdict.Incompatible, Match(Gateway, WebArchive, "security").Verdict);
    }

    [Fact]
    public void Gateway_that_is_scu_and_scp_keeps_its_storage_findings()
    {
        // Against an archive that accepts CT only: CT flows, MR "may be sent" (a warning, the gateway forwards what it gets).
        var r = Match(Gateway, MatchPairs.Scp);
        var ct = Assert.Single(r.Findings, f => f.SubjectUid == CtUid && f.Flow == MatchFlow.AToB);
        Assert.Equal(MatchLevel.Compatible, ct.Level);
        var mr = Assert.Single(r.Findings, f => f.SubjectUid == MrUid && f.Flow == MatchFlow.AToB);
        Assert.Equal(MatchLevel.Warning, mr.Level);
        Assert.Contains("may send it (it is SCU and SCP for it)", mr.Message);

        // Against a side with no storage SCP at all: as SCU only and as SCU+SCP, the same findings appear.
        var scuOnly = AddSop(MatchPairs.Scu, Mr);
        var noStorage = MatchPairs.Scp.Replace("name: CT Image Storage\n    scp: [RECEIVER]", "name: CT Image Storage\n    scu: [RECEIVER]");
        var asScu = Match(scuOnly, WebArchive).Findings.Where(f => f.Service == MatchServices.Storage).Select(f => f.SubjectUid).ToList();
        var asGateway = Match(Gateway, WebArchive).Findings.Where(f => f.Service == MatchServices.Storage).Select(f => f.SubjectUid).ToList();
        Assert.Equal(new[] { CtUid, MrUid }, asScu);
        Assert.Equal(asScu, asGateway);
        Assert.All(Match(Gateway, WebArchive).Findings.Where(f => f.Service == MatchServices.Storage),
            f => Assert.Contains("(and SCP: it forwards what it receives) and needs another system", f.Message));
        Assert.Contains(Match(Gateway, noStorage).Findings, f => f.Service == MatchServices.Storage && f.Flow == MatchFlow.BToA);
    }

    [Fact]
    public void One_optional_class_missing_is_compatible_with_gaps_naming_it_and_its_direction()
    {
        var r = Match(AddSop(MatchPairs.Scu, Mr), MatchPairs.Scp);
        Assert.Equal(MatchVerdict.CompatibleWithGaps, r.Verdict);
        var gap = Assert.Single(r.Gaps);
        Assert.Equal(MrUid, gap.SubjectUid);
        Assert.Equal("MR Image Storage", gap.Subject);
        Assert.Equal(MatchFlow.AToB, gap.Flow);
        Assert.Equal(MatchServices.Storage, gap.Service);
        Assert.Empty(r.Blockers);
        Assert.Equal(MatchVerdict.CompatibleWithGaps, r.ServiceVerdict(MatchServices.Storage, MatchFlow.AToB));
        var text = MatchFormatter.Text(r);
        Assert.Contains("Verdict: COMPATIBLE WITH GAPS", text);
        Assert.Contains("A → B  Storage: MR Image Storage (1.2.840.10008.5.1.4.1.1.4)", text);
        // A required service with a gap still works: compatible with gaps, not incompatible.
        Assert.Equal(MatchVerdict.CompatibleWithGaps, Match(AddSop(MatchPairs.Scu, Mr), MatchPairs.Scp, "storage").Verdict);
        // Nothing missing: compatible.
        Assert.Equal(MatchVerdict.Compatible, Match(MatchPairs.Scu, MatchPairs.Scp).Verdict);
    }

    [Fact]
    public void Required_service_missing_is_incompatible()
    {
        var r = Match(MatchPairs.Scu, MatchPairs.Scp, "worklist");
        Assert.Equal(MatchVerdict.Incompatible, r.Verdict);
        var b = Assert.Single(r.Blockers);
        Assert.Equal(MatchServices.Worklist, b.Service);
        Assert.StartsWith("Modality Worklist is required, but neither Acme Sender nor Acme Receiver offers it", b.Message);
        // Required and failing in every exchange (no Transfer Syntax in common): incompatible too.
        var noTs = MatchPairs.Scp.Replace("uid: 1.2.840.10008.1.2.1\n        name: Explicit VR Little Endian", "uid: 1.2.840.10008.1.2.4.70\n        name: JPEG Lossless SV1");
        var s = Match(MatchPairs.Scu, noTs, "storage");
        Assert.Equal(MatchVerdict.Incompatible, s.Verdict);
        Assert.Contains(s.Blockers, x => x.Service == MatchServices.Storage);
    }

    [Fact]
    public void Nothing_exchanged_works_is_incompatible()
    {
        var mrOnly = MatchPairs.Scp.Replace("uid: 1.2.840.10008.5.1.4.1.1.2\n    name: CT Image Storage", "uid: 1.2.840.10008.5.1.4.1.1.4\n    name: MR Image Storage");
        var r = Match(MatchPairs.Scu, mrOnly);
        Assert.Equal(MatchVerdict.Incompatible, r.Verdict);
        var b = Assert.Single(r.Blockers);
        Assert.Equal("Nothing exchanged works", b.Subject);
        Assert.Contains(r.Findings, f => f.Service == MatchServices.Transport && f.Level == MatchLevel.Compatible && f.Subject == "DIMSE");
    }

    private const string EveryStorageScp = """
        every_storage_sop_class:
          scp: [RECEIVER]
          transfer_syntax_sets: [U]
          transfer_syntax_policy: any

        """;

    [Fact]
    public void Every_storage_and_any_transfer_syntax_claims_accept_what_is_sent()
    {
        // The sender proposes JPEG 2000 only, for CT and MR; the receiver accepts every Storage SOP Class in any syntax.
        var j2k = AddSop(MatchPairs.Scu, Mr).Replace("uid: 1.2.840.10008.1.2.1\n        name: Explicit VR Little Endian", "uid: 1.2.840.10008.1.2.4.90\n        name: JPEG 2000 Image Compression (Lossless Only)");
        var receiver = (MatchPairs.Scp + "\n" + EveryStorageScp)
            .Replace("    scp: [RECEIVER]\n    transfer_syntax_sets: [U]\n", "    scp: [RECEIVER]\n    transfer_syntax_sets: [U]\n    transfer_syntax_policy: any\n");
        var r = Match(j2k, receiver);
        Assert.Equal(MatchVerdict.Compatible, r.Verdict);
        var mr = Assert.Single(r.Findings, f => f.SubjectUid == MrUid);
        Assert.Equal(MatchLevel.Compatible, mr.Level);
        Assert.Contains("in any Transfer Syntax proposed", mr.Message);
        Assert.Equal(new MatchItem("JPEG 2000 Image Compression (Lossless Only)", "1.2.840.10008.1.2.4.90"), Assert.Single(mr.Common));
        // Without the "any" policy the expanded classes accept only their sets: no syntax in common, a gap per class.
        var strict = Match(j2k, MatchPairs.Scp + "\n" + EveryStorageScp.Replace("  transfer_syntax_policy: any\n", ""));
        Assert.Contains(strict.Gaps, g => g.SubjectUid == MrUid && g.Message.Contains("no Transfer Syntax in common"));
    }

    private const string EveryStorageForwarder = """
        every_storage_sop_class:
          scu: [SENDER]
          scp: [SENDER]
          transfer_syntax_sets: [U]
          transfer_syntax_policy: as_received

        """;

    [Fact]
    public void Every_storage_sender_is_one_finding_listing_every_refused_class()
    {
        var r = Match(MatchPairs.Scu + "\n" + EveryStorageForwarder, MatchPairs.Scp);
        var refused = Assert.Single(r.Findings, f => f.Subject == "Every Storage SOP Class" && f.Flow == MatchFlow.AToB);
        Assert.Equal(MatchLevel.Warning, refused.Level); // a forwarder may send them; what it receives decides
        Assert.True(refused.Items.Count > 100, refused.Items.Count.ToString());
        Assert.Contains(refused.Items, i => i.Uid == MrUid && i.Name == "MR Image Storage");
        Assert.DoesNotContain(refused.Items, i => i.Uid == CtUid);
        Assert.Contains("and SCP: it forwards what it receives", refused.Message);
        Assert.Equal(MatchLevel.Compatible, Assert.Single(r.Findings, f => f.SubjectUid == CtUid && f.Flow == MatchFlow.AToB).Level);
        Assert.Equal(MatchVerdict.Compatible, r.Verdict);

        // An SCU-only claim of every Storage SOP Class (it creates them all): each refused class is a gap, listed in one finding.
        var creator = Match(MatchPairs.Scu + "\n" + EveryStorageForwarder.Replace("  scp: [SENDER]\n", ""), MatchPairs.Scp);
        Assert.Equal(MatchVerdict.CompatibleWithGaps, creator.Verdict);
        var gap = Assert.Single(creator.Gaps);
        Assert.Equal(refused.Items.Count, gap.Items.Count);
        Assert.Contains($"Acme Receiver does not accept {gap.Items.Count} of the Storage SOP Classes Acme Sender may send", MatchFormatter.Text(creator));
    }

    [Fact]
    public void Https_base_url_is_secure_transport_for_dicomweb()
    {
        var r = Match(WebUploader, WebArchive);
        Assert.Equal(MatchVerdict.Compatible, r.Verdict);
        var tls = Assert.Single(r.Findings, f => f.Service == MatchServices.Security);
        Assert.Equal(MatchLevel.Compatible, tls.Level);
        Assert.Equal("Acme Web Archive's DICOMweb base URL (https://archive.example.com/dicomweb) is https: Acme Uploader's requests to it are encrypted with TLS.", tls.Message);
        var plain = Match(WebUploader, WebArchive.Replace("https://", "http://"));
        var w = Assert.Single(plain.Findings, f => f.Service == MatchServices.Security);
        Assert.Equal(MatchLevel.Warning, w.Level);
        Assert.Contains("is not https", w.Message);
        Assert.Contains(r.Findings, f => f.Service == MatchServices.Transport && f.Subject == "DICOMweb" && f.Level == MatchLevel.Compatible);
    }

    [Fact]
    public void Tls_versions_without_one_in_common_fail()
    {
        static string Tls(string yaml, string versions) => yaml.Replace("security:\n  profiles:", $"security:\n  tls:\n    versions: [{versions}]\n  profiles:");
        var r = Match(Tls(MatchPairs.Scu, "TLS 1.2"), Tls(MatchPairs.Scp, "TLSv1.3"));
        var f = Assert.Single(r.Findings, x => x.Subject == "TLS versions");
        Assert.Equal(MatchLevel.Incompatible, f.Level);
        Assert.Contains("no TLS version in common", f.Message);
        var ok = Match(Tls(MatchPairs.Scu, "TLS 1.2, TLS 1.3"), Tls(MatchPairs.Scp, "TLSv1.3"));
        Assert.Equal(MatchLevel.Compatible, Assert.Single(ok.Findings, x => x.Subject == "TLS versions").Level);
    }
}
