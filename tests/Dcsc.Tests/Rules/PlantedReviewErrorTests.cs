using Dcsc.Pipeline;

namespace Dcsc.Tests.Rules;

/// <summary>
/// Issue 13: each reviewer check planted into a copy of a bundled example is found at the planted line and column,
/// and the unmodified examples stay clean of it.
/// </summary>
public class PlantedReviewErrorTests
{
    /// <summary>A plant: in <paramref name="file"/> (relative to examples/) replace <paramref name="old"/> by
    /// <paramref name="planted"/>; the finding is expected on the line of <paramref name="marker"/> (the first
    /// occurrence after the plant), at its column when <paramref name="exactColumn"/>.</summary>
    public record Plant(string Id, string Example, string File, string Old, string Planted, string Marker, bool ExactColumn = true,
        (string Old, string New)[]? Also = null)
    {
        public override string ToString() => $"{Id} in {File}";
    }

    public static TheoryData<Plant> Plants => new()
    {
        new("DCS0601", "ct-modality.yaml", "ct-modality.yaml", "name: \"Patient's Name\", tag: \"(0010,0010)\"", "name: \"Patient's Name\", tag: \"(0011,0010)\"", "\"(0011,0010)\""),
        new("DCS0602", "ct-modality.yaml", "ct-modality.yaml", "name: Patient ID, tag: \"(0010,0020)\"", "name: PatientID, tag: \"(0010,0020)\"", "PatientID,"),
        new("DCS0603", "image-archive.yaml", "image-archive.yaml", "Lossy Image Compression (0028,2110)", "Lossy Image Compression (0028,2112)", "(0028,2112)"),
        new("DCS0604", "ct-modality.yaml", "ct-modality.yaml", "name: Patient ID, tag: \"(0010,0020)\"", "name: Patient ID, tag: \"0010,0020\"", "\"0010,0020\""),
        new("DCS0605", "ct-modality.yaml", "ct-modality.yaml", "ae_title: HELIXCT_STORE", "ae_title: HELIXCT\u200B_STORE", "\u200B"),
        new("DCS0606", "ct-modality.yaml", "ct-modality.yaml", "implementation_class_uid: 1.2.826.0.1.3680043.9.7433.1.52", "implementation_class_uid: 1.2.40.0.13.1.3", "1.2.40.0.13.1.3"),
        new("DCS0607", "ct-modality.yaml", "ct-modality.yaml", "implementation_version_name: HELIXCT_52", "implementation_version_name: 4.x.x", "4.x.x"),
        new("DCS0608", "ct-modality.yaml", "ct-modality.yaml", "  date: 2025-06-30\n", "  date: 2025-02-30\n", "2025-02-30"),
        new("DCS0609", "ct-modality.yaml", "ct-modality/iods/secondary-capture-image.yaml", "", "", "1.2.840.10008.5.1.4.1.1.7",
            Also: new[] { ("          - 1.2.840.10008.5.1.4.1.1.7\n", ""), ("    name: Secondary Capture Image Storage\n    scu: [STORAGE-SCU]\n    fsc: true\n", "    name: Secondary Capture Image Storage\n") }),
        new("DCS0610", "ct-modality.yaml", "ct-modality.yaml", "description: STORAGE-SCU accepts Verification requests (C-ECHO) from any calling AE Title and answers with Success.", "description: TBD", "TBD"),
        new("DCS0611", "ct-modality.yaml", "ct-modality.yaml", "presence_of_value: CONDITIONAL, condition: \"Value present if the worklist provides it or the operator enters it.\" }", "presence_of_value: CONDITIONAL }", "CONDITIONAL }"),
        new("DCS0612", "ct-modality.yaml", "ct-modality.yaml", "name: Modality, tag: \"(0008,0060)\", source: FIXED, presence_of_attribute: ALWAYS, presence_of_value: ALWAYS", "name: Modality, tag: \"(0008,0060)\", source: FIXED, presence_of_attribute: ALWAYS, presence_of_value: EMPTY", "EMPTY"),
        new("DCS0613", "ct-modality.yaml", "ct-modality.yaml", "presence_of_value: ALWAYS, value: CT }", "presence_of_value: ALWAYS, value: XA }", "XA }"),
        new("DCS0614", "ct-modality.yaml", "ct-modality.yaml", "{ attribute_name: \">Scheduled Station AE Title\", tag: \"(0040,0001)\", matching_type: SINGLE_VALUE,", "{ attribute_name: \">Scheduled Station AE Title\", tag: \"(0040,0001)\",", "{ attribute_name: \">Scheduled Station AE Title\""),
        new("DCS0615", "ct-modality.yaml", "ct-modality.yaml", "      max_associations_acceptor: 0\n      max_async_operations: 1\n", "      max_associations_acceptor: 0\n      max_async_operations: 1\n      port: 105\n", "105"),
        new("DCS0616", "ct-modality.yaml", "ct-modality.yaml", "\"COMPLETED; DISCONTINUED\"", "\"COMPLETED or DISCONTINUED\"", "\"COMPLETED or DISCONTINUED\""),
        new("DCS0618", "ct-modality.yaml", "ct-modality.yaml", "profile: Audit Trail Message Format Profile, kind: other", "profile: Audit Trail Message Profile, kind: other", "Audit Trail Message Profile"),
        new("DCS0619", "ct-modality.yaml", "ct-modality.yaml", "profile: BCP 195 RFC 8996 TLS Secure Transport Connection Profile, kind: secure_transport, secured_ae: ALL EXCEPT MEDIA-FSC", "profile: Extended BCP 195 TLS Profile, kind: secure_transport, secured_ae: ALL EXCEPT MEDIA-FSC", "Extended BCP 195 TLS Profile"),
        new("DCS0620", "dicomweb-server.yaml", "dicomweb-server.yaml", "versions: [TLS 1.2, TLS 1.3]", "versions: [TLS 1.1, TLS 1.2, TLS 1.3]", "[TLS 1.1"),
        new("DCS0621", "ct-modality.yaml", "ct-modality.yaml", "secured_ae: ALL EXCEPT MEDIA-FSC", "secured_ae: \"STORAGE-SCU, MEDIA-FSC\"", "\"STORAGE-SCU, MEDIA-FSC\""),
        new("DCS0622", "web-viewer.yaml", "web-viewer.yaml", "secured_ae: ALL EXCEPT LUMEN-PRINT, sender: true, receiver: true, reference: PS3.15 B.12", "secured_ae: ALL EXCEPT LUMEN-PRINT, sender: true, receiver: true, reference: PS3.15 B.13", "PS3.15 B.13"),
        new("DCS0623", "dicomweb-server.yaml", "dicomweb-server.yaml", "status: Client Error, code: \"404\", condition: The tenant has no such resource.", "status: Success, code: \"404\", condition: The tenant has no such resource.", "Success, code: \"404\""),
        new("DCS0624", "dicomweb-server.yaml", "dicomweb-server.yaml", "code: \"204\", condition: Nothing matches.", "code: \"200\", condition: Nothing matches.", "\"200\", condition: Nothing matches."),
        new("DCS0625", "dicomweb-server.yaml", "dicomweb-server.yaml", "code: \"202\", condition: \"Some instances were stored", "code: \"206\", condition: \"Some instances were stored", "\"206\""),
        new("DCS0626", "dicomweb-server.yaml", "dicomweb-server.yaml", "{ code: \"A700\", meaning: The tenant's storage quota is exhausted. }", "{ code: \"B700\", meaning: The tenant's storage quota is exhausted. }", "\"B700\""),
        new("DCS0627", "image-archive.yaml", "image-archive.yaml", "{ header_field: Accept-Encoding, supported_values: \"gzip, br\" }", "{ header_field: Content-Type, supported_values: \"gzip, br\" }", "Content-Type, supported_values: \"gzip"),
        new("DCS0628", "dicomweb-server.yaml", "dicomweb-server.yaml", "query_parameters: [includefield, fuzzymatching, limit, offset]", "query_parameters: [includefield, fuzzymatching, limit, offset, PatientId]", "[includefield, fuzzymatching, limit, offset, PatientId]"),
        new("DCS0629", "dicomweb-server.yaml", "dicomweb-server.yaml", "{ name: Patient ID, tag: \"(0010,0020)\", matching_type: [SINGLE_VALUE, UNIVERSAL] }", "{ name: Patient ID, tag: \"(0010,0020)\", matching_type: [SINGLE_VALUE, UNIVERSAL], fuzzy: true }", "true }"),
        new("DCS0325", "image-archive.yaml", "image-archive.yaml", "  max_pdu_length: 262144\n", "", "VAULT-STORE\n    ae_title"),
        new("DCS0326", "dicomweb-server.yaml", "dicomweb-server.yaml", "  base_url: https://<tenant>.nimbus.example.com/dicomweb\n", "", "service: Studies\n      ae: NIMBUS-WEB\n      transaction: Store"),
        // a used DIMSE service without its status table (the MPPS SCU's N-SET), a DICOMweb transaction without one
        new("DCS0327", "ct-modality.yaml", "ct-modality.yaml", "  status_scu_mpps_n_set:\n    tables:\n      status_codes_for_n_set_of_the_modality_performed_procedure_step_sop_class_scu:\n        - { service_status: Success, further_meaning: Success, status_code: \"0000\", behavior: The MPPS is marked \"completed\" or \"discontinued\". }\n        - { service_status: Failure, further_meaning: Processing Failure - Performed Procedure Step Object may no longer be updated, status_code: \"0110\", behavior: Logged; not retried. }\n        - { service_status: Failure, further_meaning: Any other failure, status_code: Any other, behavior: Logged; the N-SET is retried as configured. }\n", "", "[WORKFLOW-SCU]\n    transfer_syntax_sets: [NI]\n  - uid: 1.2.840.10008.1.20.1"),
        new("DCS0327", "dicomweb-server.yaml", "dicomweb-server.yaml", "  status_common_os:\n    tables:\n      status_codes_of_origin_server_for_all_transactions:\n        - { status: Client Error, code: \"401\", condition: \"No bearer token, or the token has expired.\" }\n        - { status: Client Error, code: \"403\", condition: The token does not grant access to the tenant or the resource. }\n        - { status: Client Error, code: \"404\", condition: The tenant or the resource does not exist. }\n        - { status: Server Error, code: \"500\", condition: An internal error; the request can be repeated. }\n        - { status: Server Error, code: \"503\", condition: The tenant is being migrated; retry later. }\n", "", "Create, origin_server: true, resources: [Workitem]"),
        // point 7's older completeness checks: an accepting AE without port and AE Title, a DIMSE/DICOMweb product without character sets
        new("DCS0320", "image-archive.yaml", "image-archive.yaml", "", "", "VAULT-STORE\n    ae_title",
            Also: new[] { ("      max_associations_acceptor: 150\n      port: 11112\n", "      max_associations_acceptor: 150\n") }),
        new("DCS0324", "image-archive.yaml", "image-archive.yaml", "  - name: VAULT-STORE\n    ae_title: VAULT_STORE\n", "  - name: VAULT-STORE\n", "VAULT-STORE\n"),
        new("DCS0321", "dicomweb-server.yaml", "dicomweb-server.yaml", "character_sets:\n  - { defined_term: ISO_IR 100, description: Latin alphabet No. 1 }\n  - { defined_term: ISO_IR 192, description: Unicode in UTF-8 }\n  - { defined_term: ISO 2022 IR 6, description: Default repertoire }\n  - defined_term: ISO 2022 IR 87\n    description: \"Japanese (JIS X 0208: Kanji)\"\n    code_elements:\n      - { element: G0, escape_sequence: ESC 2/4 4/2, iso_registration: ISO-IR 87, character_set: \"JIS X 0208: Kanji\" }\n  - defined_term: ISO 2022 IR 13\n    description: Japanese (JIS X 0201 Katakana)\n    code_elements:\n      - { element: G1, escape_sequence: ESC 2/9 4/9, iso_registration: ISO-IR 13, character_set: \"JIS X 0201: Katakana\" }\n      - { element: G0, escape_sequence: ESC 2/8 4/10, iso_registration: ISO-IR 14, character_set: \"JIS X 0201: Romaji\" }\n", "", "name: Acme Nimbus Archive"),
        // point 2: a bidirectional control in narrative, reported at its column
        new("DCS0617", "image-archive.yaml", "image-archive.yaml", "except for the coercions in {table:5-11}. Instances", "except for the coercions\u202E in {table:5-11}. Instances", "\u202E in {table"),
        // a cover page without its document id (the product mapping is where the finding points)
        new("DCS0328", "ct-modality.yaml", "ct-modality.yaml", "  document_id: DOC-HCT-0052-DCS\n", "", "name: Acme Helix CT\n"),
        new("DCS0506", "image-archive.yaml", "image-archive.yaml", "except for the coercions in {table:5-11}. Instances", "except for the coercions in Table 5-11. Instances", "Table 5-11. Instances"),
        // a cell of a template table, and a cell of an author table
        new("DCS0506", "image-archive.yaml", "image-archive.yaml", "supported_values: \"Keys of {table:5-18}\"", "supported_values: \"Keys of Table 5-17\"", "Table 5-17"),
        new("DCS0506", "image-archive.yaml", "image-archive.yaml", "(VAULT_STORE on 11112; VAULT_QR on 11113).]", "(VAULT_STORE on 11112; VAULT_QR on 11113; see Section 7.9).]", "Section 7.9"),
    };

    [Theory]
    [MemberData(nameof(Plants))]
    public void Planted_error_is_found_where_it_was_planted(Plant plant)
    {
        using var dir = new TestUtil.TempDir();
        CopyDirectory(TestUtil.Repo("examples"), dir.Path);
        string file = Path.Combine(dir.Path, plant.File);
        string text = File.ReadAllText(file);
        if (plant.Old.Length > 0)
        {
            Assert.Contains(plant.Old, text);
            text = ReplaceFirst(text, plant.Old, plant.Planted);
            File.WriteAllText(file, text);
        }
        foreach (var (old, @new) in plant.Also ?? Array.Empty<(string, string)>())
        {
            string main = Path.Combine(dir.Path, plant.Example);
            string t = File.ReadAllText(main);
            Assert.Contains(old, t);
            File.WriteAllText(main, ReplaceFirst(t, old, @new));
        }
        int at = plant.Old.Length > 0 ? text.IndexOf(plant.Planted, StringComparison.Ordinal) : 0;
        int markerIndex = text.IndexOf(plant.Marker, at, StringComparison.Ordinal);
        Assert.True(markerIndex >= 0, "marker not found");
        int line = text[..markerIndex].Count(c => c == '\n') + 1;
        int column = markerIndex - (text.LastIndexOf('\n', Math.Max(0, markerIndex - 1)) + 1) + 1;

        var diagnostics = Lint.Run(Path.Combine(dir.Path, plant.Example));
        var found = diagnostics.Where(d => d.Id == plant.Id).ToList();
        Assert.True(found.Count > 0, $"{plant.Id} not reported; got: {string.Join(" | ", diagnostics.Select(d => d.ToString()))}");
        var hit = found.FirstOrDefault(d => Path.GetFileName(d.Span.File) == Path.GetFileName(file) && d.Span.Line == line);
        Assert.True(hit is not null, $"{plant.Id} not at {plant.File}({line}): {string.Join(" | ", found.Select(d => d.ToString()))}");
        if (plant.ExactColumn) Assert.Equal(column, hit!.Span.Column);
    }

    [Fact]
    public void Bare_tag_is_written_with_parentheses_in_the_output()
    {
        using var dir = new TestUtil.TempDir();
        CopyDirectory(TestUtil.Repo("examples"), dir.Path);
        string file = Path.Combine(dir.Path, "ct-modality.yaml");
        File.WriteAllText(file, ReplaceFirst(File.ReadAllText(file), "name: Patient ID, tag: \"(0010,0020)\"", "name: Patient ID, tag: \"0010,0020\""));
        var result = Build.Run(file, new BuildOptions { Layout = new Dcsc.Layout.LayoutOptions { ReadEnvironment = false } });
        Assert.NotNull(result.Outputs);
        var md = System.Text.Encoding.UTF8.GetString(result.Outputs![0].Content);
        Assert.Contains("| Patient ID | (0010,0020) |", md);
        Assert.DoesNotContain("| 0010,0020 |", md);
    }

    [Fact]
    public void Range_in_inequality_form_is_reported()
    {
        Assert.DoesNotContain(Lint.RunText("ok.yaml", ReviewRuleBases.RangeStatement("\"[1 … 200]\"")), x => x.Id == "DCS0504");
        var planted = Lint.RunText("planted.yaml", ReviewRuleBases.RangeStatement("\"1 <= x <= 200\""));
        var hit = Assert.Single(planted, x => x.Id == "DCS0504");
        Assert.Contains("[1 … 200]", hit.Message);
    }

    [Theory]
    [InlineData("ct-modality.yaml")]
    [InlineData("image-archive.yaml")]
    [InlineData("web-viewer.yaml")]
    [InlineData("dicomweb-server.yaml")]
    [InlineData("storage-gateway.yaml")]
    [InlineData("image-archive-cloud.yaml")]
    public void Unmodified_examples_are_clean_of_the_review_checks(string example)
    {
        var found = Lint.Run(TestUtil.Repo("examples", example)).Where(d => d.Id.StartsWith("DCS06", StringComparison.Ordinal) || d.Id is "DCS0506" or "DCS0320" or "DCS0321" or "DCS0324" or "DCS0325" or "DCS0326" or "DCS0327" or "DCS0328").ToList();
        Assert.True(found.Count == 0, string.Join("\n", found.Select(d => d.ToString())));
    }

    private static string ReplaceFirst(string text, string old, string @new)
    {
        int i = text.IndexOf(old, StringComparison.Ordinal);
        return text[..i] + @new + text[(i + old.Length)..];
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var d in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, d)));
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(f, Path.Combine(to, Path.GetRelativePath(from, f)));
    }
}

internal static class ReviewRuleBases
{
    public static string RangeStatement(string value) => $"""
        product:
          name: Acme Echo
          version: "1.0"
          description: Answers C-ECHO.
        sections:
          config_general_config_parameters:
            tables:
              general_configuration_parameters:
                - parameter: Maximum number of retries
                  configurable: SERVICE
                  default_value: {value}
        """;
}
