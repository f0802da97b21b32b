using Dcsc.Layout;
using Dcsc.Model;
using Dcsc.Pipeline;
using Dcsc.Render.Md;

namespace Dcsc.Tests.Layout;

/// <summary>Test statements and helpers for the Layout stage and the Markdown renderer.</summary>
internal static class LayoutFixtures
{
    public static Statement Compile(string yaml)
    {
        var r = Compilation.CheckText("statement.yaml", yaml);
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics.Items));
        return r.Statement!;
    }

    public static LayoutOptions Options(bool keep = false, string? epoch = null) =>
        new() { KeepNaSubsections = keep, ReadEnvironment = false, SourceDateEpoch = epoch };

    public static LaidOutDocument Lay(string yaml, bool keep = false, string? epoch = null) =>
        StatementLayout.Layout(Compile(yaml), Options(keep, epoch));

    public static string Markdown(string yaml, bool keep = false, string? epoch = null, string? templates = null)
    {
        var r = MarkdownRenderer.Render(Lay(yaml, keep, epoch), templates);
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        return r.Markdown!;
    }

    public static IReadOnlyList<string> Headings(LaidOutDocument d) =>
        d.AllSections().Select(s => (s.Number.Length > 0 ? s.Number + " " : "") + s.Title).ToList();

    /// <summary>A statement with two AEs, two IODs (one multi-frame), an SR template with a finding site, a mapping,
    /// source table rows with groups and notes, an explicit N/A, an added section and hostile author text.</summary>
    public const string Rich = """
        product:
          name: Acme Rich
          version: "2.0"
          manufacturer: Acme Medical
          description: |
            Acme Rich does everything.
        
            # An author heading
        
            Some <b>bold</b> claims and <!-- dcsc:cover --> and <script>alert(1)</script> and [bad](javascript:alert(1)) and [good](https://example.com).
          document_id: DOC-1
        revision_history:
          - revision: "1"
            date: "2025-01-01"
            change: First release.
        introduction:
          terms:
            - term: Gizmo
              definition: A product-specific thing.
          abbreviations:
            - abbreviation: GZ
              meaning: Gizmo
        transfer_syntax_sets:
          - code: U
            name: Uncompressed
            transfer_syntaxes:
              - uid: 1.2.840.10008.1.2.1
                name: Explicit VR Little Endian
        application_entities:
          - name: STORE
            ae_title: STORE_AE
            description: Stores images.
            association:
              max_pdu_length: 16384
            activities:
              - name: Send Images
                role: initiator
                description: Sends images.
                sop_classes: [1.2.840.10008.5.1.4.1.1.2]
                extended_negotiation:
                  - sop_class: 1.2.840.10008.5.1.4.1.1.2
                    negotiation: Relational-queries
                    support: false
                    group: Storage
              - name: Receive Images
                role: acceptor
                description: Receives images.
                transfer_syntax_selection:
                  - sop_classes: Image SOP Classes
                    transfer_syntaxes: [1.2.840.10008.1.2.1]
          - name: QUERY
            description: Queries.
        association:
          application_context_name: 1.2.840.10008.3.1.1.1
          implementation_class_uid: 1.2.3.4
        sop_classes:
          - uid: 1.2.840.10008.5.1.4.1.1.12.1
            name: X-Ray Angiographic Image Storage
            scp: [STORE]
            transfer_syntax_sets: [U]
          - uid: 1.2.840.10008.5.1.4.1.1.2
            name: CT Image Storage
            scu: [STORE]
            scp: [STORE]
            transfer_syntax_sets: [U]
            create: S
            display: true
          - uid: 1.2.840.10008.5.1.4.1.2.2.1
            name: Study Root Query/Retrieve Information Model - FIND
            scu: [QUERY]
            transfer_syntax_sets: [U]
        dimse:
          storage:
            scp:
              description: Stores everything.
              level_of_support: 2
              duplicate_instances: Overwrite
        iods:
          - name: CT Image IOD
            sop_class: 1.2.840.10008.5.1.4.1.1.2
            modules:
              - name: CT Image Module
                ie: Image
                presence: ALWAYS
                attributes:
                  - name: Image Type
                    tag: (0008,0008)
                    source: FIXED
                    group: Basics
          - name: Enhanced CT Image IOD
            sop_class: 1.2.840.10008.5.1.4.1.1.2.1
            functional_groups:
              - name: Pixel Measures Macro
                usage: SHARED
                attributes:
                  - name: Pixel Spacing
                    tag: (0028,0030)
        sr_templates:
          - name: Echo Report
            tid: "5200"
            functions: [CREATE]
            sop_classes: [1.2.840.10008.5.1.4.1.1.88.33]
            finding_sites:
              - name: Left Ventricle
                sections:
                  annex_b_sr_template_finding_site:
                    tables:
                      finding_site_measurements:
                        - label: LVIDd
                          measurement: LV internal diameter
        mappings:
          - name: MWL to Instance Mapping
            rows:
              - name: Accession Number
                tag: (0008,0050)
                scenario: SCHEDULED
                instance_source: MWL
        sections:
          services_transcoding_ts:
            na: true
          security_other_security_features:
            text: Nothing special.
            added:
              - title: Product Specific Security
                text: Extra security text.
          config_general_config_parameters:
            tables:
              general_configuration_parameters:
                - parameter: AE Title
                  configurable: SERVICE
                  default_value: STORE_AE
                  group: General Parameters
                  note: The AE Title must be unique.
        """;

    /// <summary>Exactly one instance of every repeat (AE with one initiator and one acceptor activity, IOD, SR template
    /// with a finding site, mapping): the layout numbers equal the template's except the siblings after a prototype.</summary>
    public const string OneOfEach = """
        product:
          name: Acme One
          version: "1.0"
          description: One of each.
        application_entities:
          - name: MAIN
            description: The AE.
            activities:
              - name: Send
                role: initiator
                description: Sends.
              - name: Receive
                role: acceptor
                description: Receives.
        iods:
          - name: CT Image IOD
            sop_class: 1.2.840.10008.5.1.4.1.1.2
        sr_templates:
          - name: Echo Report
            tid: "5200"
            functions: [CREATE]
            sop_classes: [1.2.840.10008.5.1.4.1.1.88.33]
            finding_sites:
              - name: Left Ventricle
                sections:
                  annex_b_sr_template_finding_site:
                    text: Measured.
        mappings:
          - name: MWL Mapping
        """;
}
