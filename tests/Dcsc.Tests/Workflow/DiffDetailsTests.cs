using Dcsc.Diff;
using Dcsc.Model;
using Dcsc.Pipeline;

namespace Dcsc.Tests.Workflow;

/// <summary>`dcsc diff` understands the issue 12 declarations: key and status tables, DICOMweb detail and additions,
/// network, character-set code elements, TLS, audit trail and author tables.</summary>
public class DiffDetailsTests
{
    private static string Details => File.ReadAllText(TestUtil.Repo("tests", "Dcsc.Tests", "Layout", "details.yaml"));
    private static string WebServer => File.ReadAllText(TestUtil.Repo("examples", "dicomweb-server.yaml"));

    private static Statement Bind(string yaml, string name)
    {
        var r = Compilation.CheckText(name, yaml);
        Assert.True(r.Statement is not null && !r.HasErrors, string.Join("\n", r.Diagnostics.Sorted()));
        return r.Statement!;
    }

    private static IReadOnlyList<Change> Diff(string oldYaml, string newYaml) => StatementDiff.Compare(Bind(oldYaml, "old.yaml"), Bind(newYaml, "new.yaml"));

    private static string Edit(string yaml, string from, string to)
    {
        Assert.Contains(from, yaml);
        return yaml.Replace(from, to);
    }

    [Fact]
    public void Unchanged_statements_have_no_detail_changes()
    {
        Assert.Empty(Diff(Details, Details));
        Assert.Empty(Diff(WebServer, WebServer));
    }

    [Fact]
    public void Key_table_and_status_code_changes_name_the_key_and_the_code()
    {
        var edited = Edit(Details, "{ name: Patient's Name, tag: \"(0010,0010)\", vr: PN, matching_type: WILDCARD }",
            "{ name: Patient's Name, tag: \"(0010,0010)\", vr: PN, matching_type: [WILDCARD, SINGLE_VALUE] }");
        edited = Edit(edited, "              - { name: Patient ID, tag: \"(0010,0020)\", matching_type: SINGLE_VALUE }\n",
            "              - { name: Patient ID, tag: \"(0010,0020)\", matching_type: SINGLE_VALUE }\n              - { name: Patient's Sex, tag: \"(0010,0040)\", matching_type: SINGLE_VALUE }\n");
        edited = Edit(edited, "code: \"A702\", behavior: No storage.", "code: \"A702\", behavior: Retried later.");
        edited = Edit(edited, "      other_status_codes: Never returned.", "      other_status_codes: Logged.");
        var changes = Diff(Details, edited);
        Assert.Contains(changes, c => c.Category == "Key" && c.Subject == "Patient's Name (0010,0010) in QrFind SCP Study Root STUDY C-FIND" && c.Detail == "matching type SINGLE_VALUE added");
        Assert.Contains(changes, c => c.Kind == ChangeKind.Added && c.Category == "Key" && c.Subject.StartsWith("Patient's Sex (0010,0040) in QrFind SCP Patient Root PATIENT"));
        Assert.Contains(changes, c => c.Category == "Status code" && c.Subject == "A702 of QrGet SCP C-GET" && c.Detail == "behavior \"No storage.\" → \"Retried later.\"");
        Assert.Contains(changes, c => c.Category == "Status codes" && c.Detail == "other status codes \"Never returned.\" → \"Logged.\"");
        Assert.Equal(4, changes.Count);
    }

    [Fact]
    public void Network_character_set_tls_and_audit_changes_are_reported()
    {
        var edited = Edit(Details, "versions: [TLS 1.2, TLS 1.3]", "versions: [TLS 1.3]");
        edited = Edit(edited, "    - { protocol: NTP, role: client, rfcs: [RFC 5905] }\n", "");
        edited = Edit(edited, "ipv6: true", "ipv6: false");
        edited = Edit(edited, "triggers: [start, stop]", "triggers: [start]");
        edited = Edit(edited, "escape_sequence: \"ESC 2/4 4/2\"", "escape_sequence: \"ESC 2/4 2/8 4/2\"");
        var changes = Diff(Details, edited);
        Assert.Contains(changes, c => c.Category == "TLS" && c.Detail == "version TLS 1.2 removed");
        Assert.Contains(changes, c => c.Kind == ChangeKind.Removed && c.Category == "Network protocol" && c.Subject == "NTP");
        Assert.Contains(changes, c => c.Category == "Network" && c.Detail == "IPv6 \"Y\" → \"N\"");
        Assert.Contains(changes, c => c.Category == "Audit message" && c.Detail == "trigger stop removed");
        Assert.Contains(changes, c => c.Category == "Character set code elements" && c.Detail == "code element G0 ESC 2/4 2/8 4/2 added");
        Assert.Equal(6, changes.Count); // the code element is one removed and one added
    }

    [Fact]
    public void Dicomweb_detail_additions_and_author_tables_are_reported()
    {
        var edited = Edit(WebServer, "- { code: \"A700\", meaning: The tenant's storage quota is exhausted. }", "- { code: \"A700\", meaning: Quota exhausted. }");
        edited = Edit(edited, "      method: DELETE\n", "      method: POST\n");
        edited = Edit(edited, "- [Requests per second per token, \"50\", SERVICE, Further requests get 429 with Retry-After.]",
            "- [Requests per second per token, \"100\", SERVICE, Further requests get 429 with Retry-After.]");
        edited = Edit(edited, "        - application/dicom; transfer-syntax=1.2.840.10008.1.2.4.50\n", "");
        var changes = Diff(WebServer, edited);
        Assert.Contains(changes, c => c.Category == "Reason code" && c.Subject.StartsWith("A700 (Failure Reason (0008,1197) of Studies Store") && c.Detail!.StartsWith("meaning"));
        Assert.Contains(changes, c => c.Kind == ChangeKind.Removed && c.Category == "DICOMweb addition" && c.Subject == "\"Delete Study\" (DELETE /studies/{StudyInstanceUID})");
        Assert.Contains(changes, c => c.Kind == ChangeKind.Added && c.Category == "DICOMweb addition" && c.Subject == "\"Delete Study\" (POST /studies/{StudyInstanceUID})");
        Assert.Contains(changes, c => c.Category == "Author table" && c.Subject.StartsWith("\"Request Limits per Tenant\"") && c.Detail!.StartsWith("row Requests per second per token | 100"));
        // Once, with the transaction (not again with its detail).
        Assert.Single(changes, c => c.Detail == "media type application/dicom; transfer-syntax=1.2.840.10008.1.2.4.50 removed");
    }

    [Fact]
    public void Addition_description_is_compared_as_prose()
    {
        const string wrapped = "Removes a study and all its series and instances from the tenant (PS3.18 defines no delete transaction). Only tokens\n        with";
        // Wrapped differently (as a document read back by `dcsc import` gives it): the same description.
        Assert.Empty(Diff(WebServer, Edit(WebServer, wrapped, wrapped.Replace("tokens\n        with", "tokens with").Replace("tenant (PS3.18", "tenant\n        (PS3.18"))));
        // A word changed: a change.
        var changes = Diff(WebServer, Edit(WebServer, wrapped, wrapped.Replace("Only tokens", "Any token")));
        Assert.Single(changes, c => c.Category == "DICOMweb addition" && c.Detail!.StartsWith("description", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_collector_is_compared_as_a_sentence()
    {
        const string collector = "collector: The tenant's audit record repository, configured by the tenant administrator.";
        // The layout prints the collector as a sentence ("Audit Record Repository: ….") and an import reads it back
        // without its full stop: the same collector.
        Assert.Empty(Diff(WebServer, Edit(WebServer, collector, collector.TrimEnd('.'))));
        var changes = Diff(WebServer, Edit(WebServer, collector, collector.Replace("tenant administrator", "operator")));
        Assert.Single(changes, c => c.Category == "Audit trail" && c.Detail!.StartsWith("collector", StringComparison.Ordinal));
    }
}
