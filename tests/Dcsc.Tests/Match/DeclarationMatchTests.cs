using Dcsc.Match;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Match;

/// <summary>`dcsc match` understands the issue 12 declarations: structured key tables and DICOMweb search detail.</summary>
public class DeclarationMatchTests
{
    private const string FindUid = "1.2.840.10008.5.1.4.1.2.2.1";

    private static string Find(string yaml, string ae, string role) => yaml.Replace("sop_classes:\n",
        $"sop_classes:\n  - uid: {FindUid}\n    name: Study Root Query/Retrieve Information Model - FIND\n    {role}: [{ae}]\n    transfer_syntax_sets: [U]\n");

    private const string ScuKeys = """
        dimse:
          query_retrieve:
            find:
              scu:
                description: Queries studies.
                key_tables:
                  - model: Study Root
                    level: STUDY
                    attributes:
                      - { name: Patient's Name, tag: "(0010,0010)", matching_type: WILDCARD }
                      - { name: Study Date, tag: "(0008,0020)", matching_type: RANGE }
                      - { name: Study Description, tag: "(0008,1030)", return_key: true }
        """;

    private const string ScpKeys = """
          query_retrieve:
            find:
              scp:
                description: Answers C-FIND.
                key_tables:
                  - model: Study Root
                    level: STUDY
                    attributes:
                      - { name: Patient's Name, tag: "(0010,0010)", matching_type: [SINGLE_VALUE] }
                      - { name: Study Date, tag: "(0008,0020)", matching_type: [SINGLE_VALUE, RANGE] }
        """;

    [Fact]
    public void Structured_key_tables_are_compared_key_by_key()
    {
        var scu = Find(MatchPairs.Scu, "SENDER", "scu") + "\n" + ScuKeys;
        var scp = Find(MatchPairs.Scp, "RECEIVER", "scp").Replace("dimse:\n", "dimse:\n" + ScpKeys + "\n");
        var r = MatcherTests.Match(scu, scp);
        var keys = r.Findings.Where(f => f.SubjectUid == FindUid && f.Subject.EndsWith("at STUDY level")).ToList();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.Equal(MatchLevel.Warning, k.Level));
        Assert.Contains(keys, k => k.Message == "Acme Sender queries Study Root Query/Retrieve Information Model - FIND at STUDY level on Patient's Name (0010,0010) with WILDCARD matching; Acme Receiver supports only SINGLE_VALUE matching on it.");
        Assert.Contains(keys, k => k.Message.StartsWith("Acme Sender asks Study Root Query/Retrieve Information Model - FIND at STUDY level for Study Description (0008,1030) as a return key; Acme Receiver does not list this key"));
        // Everything the SCU sends is supported: one compatible finding.
        var ok = MatcherTests.Match(scu, scp.Replace("matching_type: [SINGLE_VALUE] }", "matching_type: [WILDCARD] }")
            .Replace("matching_type: [SINGLE_VALUE, RANGE] }", "matching_type: [SINGLE_VALUE, RANGE] }\n              - { name: Study Description, tag: \"(0008,1030)\", return_key: true }"));
        var all = Assert.Single(ok.Findings, f => f.SubjectUid == FindUid && f.Subject.EndsWith("at STUDY level"));
        Assert.Equal(MatchLevel.Compatible, all.Level);
        Assert.Equal("Acme Receiver supports all 3 keys Acme Sender sends for Study Root Query/Retrieve Information Model - FIND at STUDY level.", all.Message);
        // An SCP without a key table for the level: the keys cannot be checked.
        var none = MatcherTests.Match(scu, Find(MatchPairs.Scp, "RECEIVER", "scp"));
        Assert.Contains(none.Findings, f => f.SubjectUid == FindUid && f.Level == MatchLevel.Warning && f.Message.Contains("could not be checked"));
    }

    [Fact]
    public void Qido_keys_are_checked_against_the_servers_search_detail()
    {
        var viewer = Compilation.Check(TestUtil.Repo("examples", "web-viewer.yaml"));
        var server = Compilation.Check(TestUtil.Repo("examples", "dicomweb-server.yaml"));
        Assert.False(viewer.HasErrors || server.HasErrors);
        var r = Matcher.Match(viewer.Statement!, server.Statement!);
        var search = r.Findings.Where(f => f.Service == MatchServices.DicomWeb && f.Subject == "Studies Search (QIDO-RS)" && f.Flow == MatchFlow.AToB).ToList();
        Assert.NotEmpty(search);
        // Every finding rests on the server's structured `search:` declaration, not on a template table it does not have.
        Assert.All(search.Where(f => f.Level != MatchLevel.Incompatible), f => Assert.DoesNotContain("does not document the keys", f.Message));
        Assert.Contains(search, f => f.Message.Contains("searchable attribute") || f.Message.StartsWith("Acme Nimbus Archive supports all"));
        // The server's non-standard Delete Study is never taken for a standard transaction.
        Assert.DoesNotContain(r.Findings, f => f.Subject.Contains("Delete", StringComparison.OrdinalIgnoreCase));
    }
}
