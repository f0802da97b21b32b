using Dcsc.Diagnostics;

namespace Dcsc.Tests.Rules;

/// <summary>DCS0327: every service the product uses has its status table (PS3.2 Section 7.3; issue 13 point 7).</summary>
public class StatusTableTests
{
    private static List<Diagnostic> Lint(string yaml) => Dcsc.Pipeline.Lint.RunText("statement.yaml", yaml).Where(d => d.Id == "DCS0327").ToList();

    /// <summary>Minimal with one more SOP Class in the given role of STORAGE-SCU.</summary>
    private static string With(string uid, string name, string role, string more = "") =>
        Minimal.Yaml.Replace("    create: S\n", $"    create: S\n  - uid: {uid}\n    name: {name}\n    {role}: [STORAGE-SCU]\n    transfer_syntax_sets: [U]\n") + "\n" + more;

    private const string Mpps = "1.2.840.10008.3.1.2.3.3";

    private static string Section(string key, string table, params string[] rows) =>
        $"  {key}:\n    tables:\n      {table}:\n" + string.Concat(rows.Select(r => $"        - {r}\n"));

    [Fact]
    public void Mpps_scu_without_its_n_set_table_is_reported_with_the_section_to_add()
    {
        var yaml = With(Mpps, "Modality Performed Procedure Step SOP Class", "scu", "sections:\n"
            + Section("status_scu_mpps_n_create", "status_codes_for_n_create_of_the_modality_performed_procedure_step_sop_class_scu",
                "{ service_status: Success, further_meaning: Success, status_code: \"0000\", behavior: Marked in progress. }"));
        var hit = Assert.Single(Lint(yaml));
        Assert.Contains("N-SET", hit.Message);
        Assert.Contains("`sections.status_scu_mpps_n_set`", hit.Message);
        Assert.DoesNotContain("N-CREATE", hit.Message);
        Assert.Equal(Severity.Warning, hit.Severity);
    }

    [Fact]
    public void Mpps_scu_with_both_tables_is_clean_and_an_na_table_does_not_count()
    {
        var both = "sections:\n"
            + Section("status_scu_mpps_n_create", "status_codes_for_n_create_of_the_modality_performed_procedure_step_sop_class_scu",
                "{ service_status: Success, further_meaning: Success, status_code: \"0000\", behavior: Marked in progress. }")
            + Section("status_scu_mpps_n_set", "status_codes_for_n_set_of_the_modality_performed_procedure_step_sop_class_scu",
                "{ service_status: Success, further_meaning: Success, status_code: \"0000\", behavior: Marked completed. }");
        Assert.Empty(Lint(With(Mpps, "Modality Performed Procedure Step SOP Class", "scu", both)));
        var na = With(Mpps, "Modality Performed Procedure Step SOP Class", "scu", "sections:\n  status_scu_mpps_n_create:\n    na: true\n  status_scu_mpps_n_set:\n    na: true\n");
        Assert.Contains("N-CREATE and N-SET", Assert.Single(Lint(na)).Message);
    }

    [Fact]
    public void The_role_decides_which_tables_are_asked_for()
    {
        // Storage Commitment as SCP: the SCP tables, not the SCU ones.
        var hit = Assert.Single(Lint(With("1.2.840.10008.1.20.1", "Storage Commitment Push Model SOP Class", "scp")));
        Assert.Contains("`sections.status_scp_stgcmt_n_action`, `sections.status_scp_stgcmt_n_event_report`", hit.Message);
        Assert.Contains("the Storage Commitment Push Model SOP Class SCP has no status table for N-ACTION and N-EVENT-REPORT", hit.Message);
    }

    [Fact]
    public void Print_meta_scu_asks_for_the_mandatory_messages_of_each_member_and_the_scp_also_for_the_optional_ones()
    {
        var scu = Lint(With("1.2.840.10008.5.1.1.9", "Basic Grayscale Print Management Meta SOP Class", "scu"));
        Assert.Equal(4, scu.Count); // Film Session, Film Box, Grayscale Image Box, Printer
        Assert.Contains(scu, d => d.Message.Contains("`sections.status_scu_basic_film_box_session_n_create`, `sections.status_scu_basic_film_box_session_n_action`"));
        Assert.DoesNotContain(scu, d => d.Message.Contains("color", StringComparison.OrdinalIgnoreCase));
        var scp = Lint(With("1.2.840.10008.5.1.1.9", "Basic Grayscale Print Management Meta SOP Class", "scp"));
        Assert.Contains(scp, d => d.Message.Contains("`sections.status_scp_printer_n_get`"));
        Assert.Contains(scp, d => d.Message.Contains("`sections.status_scp_basic_film_session_n_delete`"));
    }

    [Fact]
    public void C_get_statuses_are_asked_for_in_the_dimse_role_block()
    {
        const string get = "1.2.840.10008.5.1.4.1.2.2.3";
        var missing = Assert.Single(Lint(With(get, "Study Root Query/Retrieve Information Model - GET", "scu")));
        Assert.Contains("`dimse.query_retrieve.get.scu.status_codes`", missing.Message);
        var given = With(get, "Study Root Query/Retrieve Information Model - GET", "scu").Replace("dimse:\n",
            "dimse:\n  query_retrieve:\n    get:\n      scu:\n        status_codes:\n          - { status: Success, code: \"0000\", behavior: The images are shown. }\n");
        Assert.Empty(Lint(given));
    }

    [Fact]
    public void Verification_and_storage_are_left_to_their_own_rules()
    {
        Assert.Empty(Lint(Minimal.Yaml));
        Assert.Empty(Lint(With("1.2.840.10008.1.1", "Verification SOP Class", "scu")));
    }

    private const string WebStore = "dicomweb:\n  transactions:\n    - service: Studies\n      transaction: Store\n      user_agent: true\n      media_types: [application/dicom]\n";

    [Fact]
    public void A_dicomweb_transaction_needs_its_table_or_the_table_for_all_transactions()
    {
        var yaml = Minimal.Yaml.Replace("    scu: [STORAGE-SCU]\n", "    scu: [STORAGE-SCU]\n    user_agent: true\n") + "\n" + WebStore;
        var hit = Assert.Single(Lint(yaml));
        Assert.Contains("Studies Store is offered as user agent", hit.Message);
        Assert.Contains("`sections.status_studies_ws_store_ua`", hit.Message);
        Assert.Equal(yaml[..yaml.IndexOf("transaction: Store", StringComparison.Ordinal)].Count(c => c == '\n') + 1, hit.Span.Line); // at `transaction: Store`
        var own = yaml + "sections:\n" + Section("status_studies_ws_store_ua", "status_codes_of_user_agent_for_store_transaction", "{ status: Success, code: \"200\", behavior: Marked sent. }");
        Assert.Empty(Lint(own));
        var common = yaml + "sections:\n" + Section("status_common_ua", "status_codes_of_user_agent_for_all_transactions", "{ status: Client Error, code: \"401\", behavior: The user logs in again. }");
        Assert.Empty(Lint(common));
        // the origin server's table for all transactions does not cover the user agent
        var otherRole = yaml + "sections:\n" + Section("status_common_os", "status_codes_of_origin_server_for_all_transactions", "{ status: Client Error, code: \"401\", condition: No token. }");
        Assert.Single(Lint(otherRole));
    }
}
