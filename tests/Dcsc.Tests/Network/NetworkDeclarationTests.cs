using System.Text.Json;
using Dcsc.Config;
using Dcsc.Diagnostics;
using Dcsc.Dictionary;
using Dcsc.Diff;
using Dcsc.Layout;
using Dcsc.Match;
using Dcsc.Model;
using Dcsc.Pipeline;
using Dcsc.Rules;
using Dcsc.Tool;
using Dcsc.Tests.Layout;

namespace Dcsc.Tests.Network;

/// <summary>
/// Issue 12 network declarations: Transfer Syntaxes per activity, every Storage SOP Class, any Transfer Syntax,
/// shared AE Titles, association parameters with default and range, completeness warnings, "not documented".
/// </summary>
public class NetworkDeclarationTests
{
    internal const string Gateway = """
        product: { name: Test Gateway, version: "1", description: Forwards instances. }
        transfer_syntax_sets:
          - code: U
            name: Uncompressed
            transfer_syntaxes:
              - { uid: 1.2.840.10008.1.2.1, name: Explicit VR Little Endian }
              - { uid: 1.2.840.10008.1.2, name: Implicit VR Little Endian }
          - code: IVR
            name: Implicit only
            transfer_syntaxes:
              - { uid: 1.2.840.10008.1.2, name: Implicit VR Little Endian }
        application_entities:
          - name: STORE-SCP
            ae_title: GW
            description: Receives.
            association: { port: 104 }
            activities:
              - { name: Receive, role: acceptor, description: Receives. }
          - name: ECHO-SCP
            ae_title: GW
            description: Answers C-ECHO.
            association: { port: 104 }
            activities:
              - { name: Echo, role: acceptor, description: Answers. }
          - name: SEND
            ae_title: GW_SEND
            description: Sends.
            activities:
              - { name: Send, role: initiator, description: Sends. }
              - { name: Verify, role: initiator, description: Tests., sop_classes: [1.2.840.10008.1.1], transfer_syntax_sets: [IVR] }
        sop_classes:
          - { uid: 1.2.840.10008.1.1, name: Verification SOP Class, scu: [SEND], scp: [ECHO-SCP], transfer_syntax_sets: [U] }
          - { uid: 1.2.840.10008.5.1.4.1.1.2, name: CT Image Storage, scu: [SEND], scp: [STORE-SCP], transfer_syntax_sets: [U] }
        character_sets:
          - defined_term: ISO_IR 100

        """;

    private static Statement Bind(string yaml)
    {
        var r = Compilation.CheckText("statement.yaml", yaml);
        Assert.True(r.Statement is not null && !r.HasErrors, string.Join("\n", r.Diagnostics.Items));
        return r.Statement!;
    }

    private static IReadOnlyList<Diagnostic> Lint(string yaml, RuleOptions? options = null) =>
        Compilation.LintText("statement.yaml", yaml, options).Diagnostics.Items;

    private static LaidOutTable Table(LaidOutDocument d, string key) =>
        d.AllSections().SelectMany(s => s.Blocks.OfType<TableBlock>()).Select(b => b.Table).First(t => t.Key == key);

    private static IEnumerable<LaidOutTable> Tables(LaidOutDocument d, string key) =>
        d.AllSections().SelectMany(s => s.Blocks.OfType<TableBlock>()).Select(b => b.Table).Where(t => t.Key == key);

    private static string Cell(TableRowOut row, int column) => string.Concat(row.Cells[column].Select(i => i.Text));

    /// <summary>The cells of one column (by its index in the template table) of the rows that are not group rows.</summary>
    private static List<string> Column(LaidOutTable t, int index) =>
        t.Rows.Where(r => !r.IsGroup).Select(r => Cell(r, index)).ToList();

    // ------------------------------------------------------------------ compatibility

    [Theory]
    [InlineData("ct-modality.yaml")]
    [InlineData("image-archive.yaml")]
    [InlineData("web-viewer.yaml")]
    public void Examples_as_they_were_at_3f59627_still_lint_without_errors(string file)
    {
        // tests/Dcsc.Tests/Compat/3f59627 holds `git show 3f59627:examples/<file>` (with ct-modality's includes).
        var result = Compilation.Check(TestUtil.Repo("tests", "Dcsc.Tests", "Compat", "3f59627", file), options: new CheckOptions(DiscoverConfig: false));
        var errors = result.Diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.NotNull(result.Statement);
    }

    [Fact]
    public void Source_format_version_is_in_the_schema_and_in_the_tool_info()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestUtil.Repo("schema", "dcsc.schema.json")));
        Assert.Equal(ToolInfo.SourceFormatVersion, doc.RootElement.GetProperty("x-dcsc-format-version").GetString());
        Assert.Contains("Source format version " + ToolInfo.SourceFormatVersion, doc.RootElement.GetProperty("description").GetString());
    }

    // ------------------------------------------------------------------ point 1: Transfer Syntaxes per activity

    [Fact]
    public void An_activity_replaces_or_narrows_the_sets_of_its_sop_classes()
    {
        var s = Bind(Gateway);
        var verification = s.SopClasses.Single(x => x.Uid == "1.2.840.10008.1.1");
        var send = s.ApplicationEntities.Single(a => a.Name == "SEND");
        Assert.Equal(new[] { "IVR" }, TransferSyntaxResolution.ForAe(verification, send, ActivityRole.Initiator).SetCodes);
        var echo = s.ApplicationEntities.Single(a => a.Name == "ECHO-SCP");
        Assert.Equal(new[] { "U" }, TransferSyntaxResolution.ForAe(verification, echo, ActivityRole.Acceptor).SetCodes);

        var narrowed = Bind(Gateway.Replace("transfer_syntax_sets: [IVR] }", "transfer_syntax_sets: [IVR], transfer_syntax_sets_mode: narrow }"));
        var v2 = narrowed.SopClasses.Single(x => x.Uid == "1.2.840.10008.1.1");
        // U is the only set the SOP Class declares; narrowing to IVR leaves none of it: DCS0318.
        Assert.Empty(TransferSyntaxResolution.ForAe(v2, narrowed.ApplicationEntities.Single(a => a.Name == "SEND"), ActivityRole.Initiator).SetCodes);
        Assert.Contains(Lint(Gateway.Replace("transfer_syntax_sets: [IVR] }", "transfer_syntax_sets: [IVR], transfer_syntax_sets_mode: narrow }")), x => x.Id == "DCS0318" && x.Message.Contains("Verification"));
        Assert.DoesNotContain(Lint(Gateway.Replace("transfer_syntax_sets: [IVR] }", "transfer_syntax_sets: [U, IVR], transfer_syntax_sets_mode: narrow }")), x => x.Id == "DCS0318");
        Assert.DoesNotContain(Lint(Gateway), x => x.Id == "DCS0318");
    }

    [Fact]
    public void An_activity_without_sop_classes_leaves_out_those_another_activity_of_its_role_lists()
    {
        var s = Bind(Gateway);
        var send = s.ApplicationEntities.Single(a => a.Name == "SEND");
        Assert.Equal(new[] { "1.2.840.10008.5.1.4.1.1.2" }, send.Activities.Single(a => a.Name == "Send").SopClasses);
        Assert.Equal(new[] { "1.2.840.10008.1.1" }, send.Activities.Single(a => a.Name == "Verify").SopClasses);
    }

    [Fact]
    public void Section_1_tables_and_the_activity_show_the_effective_syntaxes()
    {
        var d = LayoutFixtures.Lay(Gateway);
        var verification = Table(d, "verification_sop_class");
        Assert.Equal("Explicit VR Little Endian; Implicit VR Little Endian", Assert.Single(Column(verification, 2)));
        var md = LayoutFixtures.Markdown(Gateway);
        Assert.Contains("Transfer Syntaxes proposed for these SOP Classes: those of the set IVR (Implicit VR Little Endian (1.2.840.10008.1.2)).", md);

        var lint = Lint(Gateway.Replace("transfer_syntax_sets: [IVR] }", "transfer_syntax_sets: [NOPE] }"));
        Assert.Contains(lint, x => x.Id == "DCS0302" && x.Message.Contains("activity \"Verify\" of SEND"));
        Assert.DoesNotContain(Lint(Gateway), x => x.Id is "DCS0302" or "DCS0306");
    }

    // ------------------------------------------------------------------ point 2: every Storage SOP Class, any Transfer Syntax

    private const string Every = """
        every_storage_sop_class:
          scp: [STORE-SCP]
          scu: [SEND]
          transfer_syntax_sets: [U]
          transfer_syntax_policy: as_received
          comment: Forwarded unchanged.

        """;

    [Fact]
    public void Every_storage_sop_class_expands_to_the_dictionary_edition_in_uid_order()
    {
        var s = Bind(Gateway + Every);
        var expected = DicomDictionary.Standard.Uids.Where(u => u.Type == UidType.SopClass && u.ServiceClass == "Storage" && !u.Retired)
            .Select(u => u.Uid).OrderBy(u => u, UidComparer.Instance).ToList();
        Assert.True(expected.Count > 150);
        var t = Table(LayoutFixtures.Lay(Gateway + Every), "storage_sop_classes");
        // CT Image Storage keeps its own declaration; every other one comes from the declaration.
        Assert.Equal(expected, Column(t, 1));
        Assert.All(s.SopClasses.Where(x => x.Expanded), x => Assert.Equal(TransferSyntaxPolicy.AsReceived, x.TransferSyntaxPolicy));
        Assert.False(s.SopClasses.Single(x => x.Uid == "1.2.840.10008.5.1.4.1.1.2").Expanded);
        var mr = t.Rows.Single(r => Cell(r, 1) == "1.2.840.10008.5.1.4.1.1.4");
        Assert.Equal("U; As received", Cell(mr, 2));
        Assert.Equal("U", Cell(t.Rows.Single(r => Cell(r, 1) == "1.2.840.10008.5.1.4.1.1.2"), 2));
    }

    [Fact]
    public void Retired_and_non_patient_storage_classes_come_only_when_asked_and_exclusions_are_left_out()
    {
        var current = Bind(Gateway + Every).SopClasses.Count(x => x.Expanded);
        var retired = Bind(Gateway + Every + "  include_retired: true\n").SopClasses.Where(x => x.Expanded).ToList();
        Assert.Contains(retired, x => x.Uid == "1.2.840.10008.5.1.4.1.1.6"); // Ultrasound Image Storage (Retired)
        Assert.Contains(retired, x => x.Uid == "1.2.840.10008.5.1.4.1.1.88.1"); // Text SR Storage - Trial (no service class in the dictionary)
        Assert.DoesNotContain(retired, x => x.Uid == "1.2.840.10008.1.20.2"); // Storage Commitment Pull Model is not a Storage SOP Class
        Assert.True(retired.Count > current);
        var nonPatient = Bind(Gateway + Every + "  include_non_patient: true\n").SopClasses;
        Assert.Contains(nonPatient, x => x.Uid == "1.2.840.10008.5.1.4.39.1"); // Color Palette Storage
        var excluded = Bind(Gateway + Every + "  exclude: [1.2.840.10008.5.1.4.1.1.4]\n").SopClasses;
        Assert.DoesNotContain(excluded, x => x.Uid == "1.2.840.10008.5.1.4.1.1.4");
        Assert.Equal(current - 1, excluded.Count(x => x.Expanded));
    }

    [Fact]
    public void Every_storage_declaration_is_checked_once_and_its_text_says_it_plainly()
    {
        var lint = Lint(Gateway + Every.Replace("scu: [SEND]", "scu: [NOBODY]") + "  exclude: [1.2.840.10008.1.1]\n");
        Assert.Single(lint, x => x.Id == "DCS0301");
        var wrongExclusion = Assert.Single(lint, x => x.Id == "DCS0317");
        Assert.Contains("1.2.840.10008.1.1", wrongExclusion.Message);
        var md = LayoutFixtures.Markdown(Gateway + Every);
        Assert.Contains("Test Gateway supports every Storage SOP Class of the DICOM dictionary edition it was built with", md);
        Assert.Contains("as SCP on STORE-SCP and as SCU on SEND", md);
        Assert.Contains("Any Transfer Syntax proposed is accepted; instances are stored as received, without conversion.", md);
        Assert.Contains("Each instance is proposed in the Transfer Syntax in which it was received.", md);
        Assert.Contains("SOP Classes: every Storage SOP Class listed in Table 1-1", md);
    }

    [Fact]
    public void Policy_any_on_a_sender_is_reported_and_a_bad_policy_value_is_a_schema_error()
    {
        var lint = Lint(Gateway.Replace("{ name: Send, role: initiator, description: Sends. }", "{ name: Send, role: initiator, description: Sends., transfer_syntax_policy: any }"));
        Assert.Contains(lint, x => x.Id == "DCS0316");
        Assert.DoesNotContain(Lint(Gateway.Replace("{ name: Send, role: initiator, description: Sends. }", "{ name: Send, role: initiator, description: Sends., transfer_syntax_policy: as_received }")), x => x.Id == "DCS0316");
        var bad = Compilation.CheckText("statement.yaml", Gateway + Every.Replace("as_received", "whatever"));
        Assert.Contains(bad.Diagnostics.Items, x => x.Id == "DCS0053");
    }

    // ------------------------------------------------------------------ point 3: several AEs on one AE Title

    [Fact]
    public void Aes_sharing_an_ae_title_and_port_are_accepted_and_shown_together()
    {
        var lint = Lint(Gateway);
        Assert.DoesNotContain(lint, x => x.Id is "DCS0308" or "DCS0309");
        var md = LayoutFixtures.Markdown(Gateway);
        Assert.Contains("Default AE Title: GW, port 104 (shared with ECHO-SCP", md);
        var config = Table(LayoutFixtures.Lay(Gateway), "general_configuration_parameters");
        Assert.Contains("AE Title of STORE-SCP, ECHO-SCP", Column(config, 0));
    }

    [Fact]
    public void Aes_sharing_an_ae_title_warn_on_conflicting_claims()
    {
        var pdu = Gateway.Replace("association: { port: 104 }\n    activities:\n      - { name: Echo", "association: { port: 104, max_pdu_length: 16384 }\n    activities:\n      - { name: Echo")
            .Replace("    association: { port: 104 }\n    activities:\n      - { name: Receive", "    association: { port: 104, max_pdu_length: 65536 }\n    activities:\n      - { name: Receive");
        var w = Assert.Single(Lint(pdu), x => x.Id == "DCS0308");
        Assert.Equal(Severity.Warning, w.Severity);
        Assert.Contains("maximum PDU lengths", w.Message);
        var port = Gateway.Replace("association: { port: 104 }\n    activities:\n      - { name: Echo", "association: { port: 105 }\n    activities:\n      - { name: Echo");
        Assert.Contains(Lint(port), x => x.Id == "DCS0308" && x.Message.Contains("ports"));
        // Both accept CT Image Storage, with different Transfer Syntaxes.
        var both = Gateway.Replace("scp: [STORE-SCP], transfer_syntax_sets: [U] }", "scp: [STORE-SCP, ECHO-SCP], transfer_syntax_sets: [U] }")
            .Replace("{ name: Echo, role: acceptor, description: Answers. }", "{ name: Echo, role: acceptor, description: Answers., transfer_syntax_sets: [IVR] }");
        Assert.Contains(Lint(both), x => x.Id == "DCS0308" && x.Message.Contains("CT Image Storage"));
    }

    // ------------------------------------------------------------------ point 4: association parameters

    private const string Settings = """
        association:
          max_pdu_length: { value: 65536, default: 32768, minimum: 4096, maximum: 1048576 }
          artim_timeout: { default: 30s, minimum: 5s, maximum: 300s }
          dimse_timeout: 60s

        """;

    [Fact]
    public void Association_parameters_carry_value_default_and_range_into_tables_6_1_and_7_2()
    {
        var s = Bind(Gateway + Settings);
        Assert.Equal(65536, s.Association!.MaxPduLength);
        Assert.Equal("30s", s.Association.ArtimTimeout);
        var d = LayoutFixtures.Lay(Gateway + Settings);
        // The AEs state their own parameters, so each AE's Table 7-2 carries the general ones too (7.1.1 is N/A).
        var perAe = Tables(d, "association_parameters_for_ae").First();
        var values = Column(perAe, 2);
        Assert.Contains("65536 bytes (default 32768 bytes; configurable [4096 … 1048576])", values);
        Assert.Contains("30s (configurable [5s … 300s])", values);
        Assert.Contains("60s", values);
        var config = Table(d, "general_configuration_parameters");
        var row = config.Rows.Single(r => Cell(r, 0) == "Maximum PDU Length");
        Assert.Equal(new[] { "Maximum PDU Length", "USER", "32768 bytes", "Range [4096 … 1048576]" }, row.Cells.Select(c => string.Concat(c.Select(i => i.Text))));
    }

    [Fact]
    public void Per_ae_parameters_differ_between_aes()
    {
        var yaml = Gateway.Replace("    description: Sends.\n", "    description: Sends.\n    association:\n      max_associations_initiator: { default: 4, minimum: 1, maximum: 32 }\n      artim_timeout: 5s\n");
        var d = LayoutFixtures.Lay(yaml);
        var perAe = Tables(d, "association_parameters_for_ae").ToList();
        Assert.Contains(perAe, t => Column(t, 2).Contains("4 (configurable [1 … 32])"));
        Assert.Contains(perAe, t => Column(t, 2).Contains("5s"));
        Assert.Contains("Maximum Number of Simultaneous Associations as Initiator of SEND", Column(Table(d, "general_configuration_parameters"), 0));
        var bad = Compilation.CheckText("statement.yaml", Gateway + "association:\n  port: { value: 104, colour: red }\n");
        Assert.True(bad.HasErrors);
    }

    // ------------------------------------------------------------------ point 10: not stated is not N/A

    [Fact]
    public void Completeness_warnings_fail_and_pass()
    {
        var noPort = Gateway.Replace("    association: { port: 104 }\n    activities:\n      - { name: Receive", "    activities:\n      - { name: Receive");
        Assert.Contains(Lint(noPort), x => x.Id == "DCS0320" && x.Message.Contains("STORE-SCP"));
        Assert.DoesNotContain(Lint(Gateway), x => x.Id == "DCS0320");
        var noCharsets = Gateway.Replace("character_sets:\n  - defined_term: ISO_IR 100\n", "");
        Assert.Contains(Lint(noCharsets), x => x.Id == "DCS0321");
        Assert.DoesNotContain(Lint(Gateway), x => x.Id == "DCS0321");
        var empty = Gateway.Replace("      - { name: Echo, role: acceptor, description: Answers. }", "      - { name: Echo, role: acceptor, description: Answers. }\n      - { name: Idle, role: initiator, description: Nothing. }");
        Assert.Contains(Lint(empty), x => x.Id == "DCS0322" && x.Message.Contains("Idle"));
        var noTitle = Gateway.Replace("    ae_title: GW_SEND\n", "");
        Assert.Contains(Lint(noTitle), x => x.Id == "DCS0324" && x.Message.Contains("SEND"));
        Assert.DoesNotContain(Lint(Gateway), x => x.Id is "DCS0322" or "DCS0324");
    }

    [Fact]
    public void Completeness_severity_is_set_at_once_in_dcsc_yaml()
    {
        using var dir = new TestUtil.TempDir();
        var noCharsets = Gateway.Replace("character_sets:\n  - defined_term: ISO_IR 100\n", "");
        var path = dir.File("statement.yaml", noCharsets);
        dir.File("dcsc.yaml", "completeness: off\nrules:\n  DCS0324: error\n");
        var r = Compilation.Check(path);
        Assert.DoesNotContain(r.Diagnostics.Items, x => x.Id == "DCS0321");
        var bag = new DiagnosticBag();
        var config = DcscConfig.Load(Path.Combine(dir.Path, "dcsc.yaml"), bag);
        Assert.Empty(bag.Items);
        Assert.Equal(Severity.Off, config.Severities["DCS0320"]);
        Assert.Equal(Severity.Error, config.Severities["DCS0324"]);
        dir.File("dcsc.yaml", "completeness: loud\n");
        var bad = new DiagnosticBag();
        DcscConfig.Load(Path.Combine(dir.Path, "dcsc.yaml"), bad);
        Assert.Contains(bad.Items, x => x.Id == "DCS9003" && x.Message.Contains("completeness"));
    }

    [Fact]
    public void Missing_character_sets_print_not_stated_and_declared_ones_make_5_7_applicable()
    {
        var noCharsets = LayoutFixtures.Lay(Gateway.Replace("character_sets:\n  - defined_term: ISO_IR 100\n", ""));
        var s57 = noCharsets.AllSections().Single(s => s.Key == "services_charset");
        Assert.False(s57.IsNa);
        Assert.False(noCharsets.AllSections().Single(s => s.Key == "overview_charset").IsNa);
        var md = LayoutFixtures.Markdown(Gateway.Replace("character_sets:\n  - defined_term: ISO_IR 100\n", ""));
        Assert.Contains("This statement does not state which Specific Character Sets Test Gateway supports.", md);
        var declared = LayoutFixtures.Lay(Gateway).AllSections().Single(s => s.Key == "services_charset");
        Assert.False(declared.IsNa);
        Assert.Contains("See [Section 1.7](#sect-1.7) for supported Values for Specific Character Set (0008,0005).", LayoutFixtures.Markdown(Gateway));
    }

    [Fact]
    public void Storage_overview_is_not_na_when_5_2_5_describes_storage()
    {
        var yaml = Gateway.Replace("  - { uid: 1.2.840.10008.5.1.4.1.1.2, name: CT Image Storage, scu: [SEND], scp: [STORE-SCP], transfer_syntax_sets: [U] }\n", "")
            + "dimse:\n  storage:\n    scu:\n      description: Instances are forwarded by a separate component.\n";
        var d = LayoutFixtures.Lay(yaml);
        Assert.False(d.AllSections().Single(s => s.Key == "overview_storage").IsNa);
        Assert.False(d.AllSections().Single(s => s.Key == "services_storage").IsNa);
    }

    [Fact]
    public void Origin_server_only_sop_classes_appear_in_table_1_1()
    {
        var yaml = Gateway.Replace("sop_classes:\n", "sop_classes:\n"
                + "  - { uid: 1.2.840.10008.5.1.4.34.6.1, name: UPS Push SOP Class, origin_server: true }\n"
                + "  - { uid: 1.2.840.10008.5.1.4.34.6.3, name: UPS Pull SOP Class, origin_server: true }\n")
            .Replace("character_sets:", "dicomweb:\n  transactions:\n    - { service: Worklist, transaction: Create, origin_server: true, media_types: [application/dicom+json] }\ncharacter_sets:");
        var t = Table(LayoutFixtures.Lay(yaml), "storage_sop_classes");
        var uids = Column(t, 1);
        Assert.Contains("1.2.840.10008.5.1.4.34.6.1", uids);
        Assert.Contains("1.2.840.10008.5.1.4.34.6.3", uids);
    }

    [Fact]
    public void One_storage_ae_is_one_storage_row_of_table_5_1()
    {
        var yaml = Gateway.Replace("sop_classes:\n", "sop_classes:\n  - { uid: 1.2.840.10008.5.1.4.39.1, name: Color Palette Storage, scp: [STORE-SCP], transfer_syntax_sets: [U] }\n");
        var t = Table(LayoutFixtures.Lay(yaml), "service_to_ae_mapping");
        var rows = t.Rows.Select(r => (Ae: Cell(r, 0), Service: Cell(r, 1))).ToList();
        int first = rows.FindIndex(r => r.Ae == "STORE-SCP");
        Assert.Equal("Storage", rows[first].Service);
        Assert.True(first + 1 == rows.Count || rows[first + 1].Ae.Length > 0, "STORE-SCP has one row");
    }

    // ------------------------------------------------------------------ point 11: "not documented"

    private const string StorageScp = """
        dimse:
          storage:
            scp:
              description: Stores and forwards.
              level_of_support: not documented
              digital_signature_level: not documented
              element_coercion: not documented
              discarded_attributes: No Attributes are discarded.
              lossy_compression: not documented

        """;

    [Fact]
    public void Not_documented_is_accepted_with_a_warning_instead_of_an_error()
    {
        var lint = Lint(Gateway + StorageScp);
        Assert.DoesNotContain(lint, x => x.Id is "DCS1007" or "DCS1008" or "DCS1010" or "DCS1013");
        var warnings = lint.Where(x => x.Id == "DCS0323").ToList();
        Assert.Equal(4, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        var missing = Lint(Gateway + StorageScp.Replace("      level_of_support: not documented\n", ""));
        Assert.Contains(missing, x => x.Id == "DCS1007");
        var bad = Compilation.CheckText("statement.yaml", Gateway + StorageScp.Replace("level_of_support: not documented", "level_of_support: unknown"));
        Assert.True(bad.HasErrors);
        var d = LayoutFixtures.Lay(Gateway + StorageScp);
        Assert.Equal(new[] { "Not documented", "Not documented" }, Column(Table(d, "levels_of_conformance"), 1));
        Assert.Contains("Element coercion: not documented by the manufacturer.", LayoutFixtures.Markdown(Gateway + StorageScp));
    }

    // ------------------------------------------------------------------ match and diff

    private const string Modality = """
        product: { name: Test CT, version: "1", description: A CT. }
        transfer_syntax_sets:
          - code: J
            name: JPEG 2000 only
            transfer_syntaxes:
              - { uid: 1.2.840.10008.1.2.4.90, name: JPEG 2000 Image Compression (Lossless Only) }
          - code: U
            name: Uncompressed
            transfer_syntaxes:
              - { uid: 1.2.840.10008.1.2.1, name: Explicit VR Little Endian }
        application_entities:
          - name: CT-SEND
            ae_title: CT
            description: Sends.
            activities:
              - { name: Send, role: initiator, description: Sends., transfer_syntax_sets: [J] }
        sop_classes:
          - { uid: 1.2.840.10008.5.1.4.1.1.2, name: CT Image Storage, scu: [CT-SEND], transfer_syntax_sets: [U, J] }

        """;

    [Fact]
    public void Match_uses_the_activity_syntaxes_and_the_any_policy()
    {
        // The CT proposes only JPEG 2000 (its activity replaces U, J); the gateway's CT Image Storage accepts only U.
        var plain = Matcher.Match(Bind(Modality), Bind(Gateway), Array.Empty<string>());
        var ct = Assert.Single(plain.Findings, f => f.SubjectUid == "1.2.840.10008.5.1.4.1.1.2" && f.Flow == MatchFlow.AToB);
        Assert.Equal(MatchLevel.Incompatible, ct.Level);
        // With "accepts any Transfer Syntax" on the receiving activity it is compatible.
        var open = Gateway.Replace("{ name: Receive, role: acceptor, description: Receives. }", "{ name: Receive, role: acceptor, description: Receives., transfer_syntax_policy: any }");
        var r = Matcher.Match(Bind(Modality), Bind(open), Array.Empty<string>());
        var ok = Assert.Single(r.Findings, f => f.SubjectUid == "1.2.840.10008.5.1.4.1.1.2" && f.Flow == MatchFlow.AToB);
        Assert.Equal(MatchLevel.Compatible, ok.Level);
        Assert.Contains("in any Transfer Syntax proposed", ok.Message);
        Assert.Equal(new[] { new MatchItem("JPEG 2000 Image Compression (Lossless Only)", "1.2.840.10008.1.2.4.90") }, ok.Common);
    }

    [Fact]
    public void Match_of_a_forwarder_that_sends_as_received()
    {
        var fwd = Gateway.Replace("{ name: Send, role: initiator, description: Sends. }", "{ name: Send, role: initiator, description: Sends., transfer_syntax_policy: as_received }");
        var archive = Modality.Replace("scu: [CT-SEND]", "scp: [CT-SEND]").Replace("{ name: Send, role: initiator, description: Sends., transfer_syntax_sets: [J] }", "{ name: Receive, role: acceptor, description: Receives., transfer_syntax_sets: [J] }")
            + "  \n";
        var r = Matcher.Match(Bind(fwd), Bind(archive.Replace("    ae_title: CT\n", "    ae_title: CT\n    association: { port: 104 }\n")), Array.Empty<string>());
        var f = Assert.Single(r.Findings, x => x.SubjectUid == "1.2.840.10008.5.1.4.1.1.2" && x.Flow == MatchFlow.AToB);
        Assert.Equal(MatchLevel.Warning, f.Level);
        Assert.Contains("in the Transfer Syntax in which it received it", f.Message);
    }

    [Fact]
    public void Diff_reports_activity_syntaxes_every_storage_and_parameter_ranges()
    {
        var a = Bind(Gateway + Every + Settings);
        var b = Bind((Gateway + Every + Settings)
            .Replace("transfer_syntax_sets: [IVR] }", "transfer_syntax_sets: [U] }")
            .Replace("  transfer_syntax_policy: as_received\n", "  transfer_syntax_policy: any\n  include_retired: true\n")
            .Replace("maximum: 1048576 }", "maximum: 2097152 }"));
        var changes = StatementDiff.Compare(a, b);
        Assert.Contains(changes, c => c.Category == "Real-World Activity" && c.Detail == "Transfer Syntax Set IVR removed");
        Assert.Contains(changes, c => c.Category == "Real-World Activity" && c.Detail == "Transfer Syntax Set U added");
        Assert.Contains(changes, c => c.Category == "Every Storage SOP Class" && c.Detail!.StartsWith("retired SOP Classes included"));
        Assert.Contains(changes, c => c.Category == "Every Storage SOP Class" && c.Detail == "Transfer Syntax policy \"as_received\" → \"any\"");
        Assert.Contains(changes, c => c.Category == "SOP Class" && c.Kind == ChangeKind.Added && c.Subject.Contains("1.2.840.10008.5.1.4.1.1.6)"));
        Assert.Contains(changes, c => c.Category == "Association parameter" && c.Detail == "configurable range \"[4096 … 1048576]\" → \"[4096 … 2097152]\"");
        Assert.Empty(StatementDiff.Compare(a, Bind(Gateway + Every + Settings)));
    }

    // ------------------------------------------------------------------ the bundled gateway example

    [Fact]
    public void Storage_gateway_example_lists_every_current_storage_sop_class_and_lints_clean_with_warnings_as_errors()
    {
        var path = TestUtil.Repo("examples", "storage-gateway.yaml");
        var r = Compilation.Check(path, options: new CheckOptions(WarningsAsErrors: true));
        Assert.True(r.Diagnostics.Items.Count == 0, string.Join("\n", r.Diagnostics.Items));
        var d = StatementLayout.Layout(r.Statement!, LayoutFixtures.Options());
        var uids = Column(Table(d, "storage_sop_classes"), 1);
        var expected = DicomDictionary.Standard.Uids.Where(u => u.Type == UidType.SopClass && u.ServiceClass == "Storage" && !u.Retired)
            .Select(u => u.Uid).OrderBy(u => u, UidComparer.Instance).ToList();
        Assert.Equal(expected, uids);
        Assert.Empty(r.Statement!.Security.Profiles);
        Assert.Contains(r.Statement.ApplicationEntities.GroupBy(a => a.AeTitle), g => g.Count() > 1);
    }
}
