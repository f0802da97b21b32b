namespace Dcsc.Tests;

/// <summary>
/// A small valid statement that tests modify; it lints clean (Rules stage included). Append, do not insert: tests use its
/// line numbers. It ends with `character_sets`: a test that adds to the IOD's attributes inserts before that key.
/// </summary>
internal static class Minimal
{
    public const string Yaml = """
        product:
          name: Acme Test Modality
          version: "1.0"
          description: A test product.
          document_id: TEST-DCS-0001
          date: "2025-01-01"
        transfer_syntax_sets:
          - code: U
            name: Uncompressed
            transfer_syntaxes:
              - uid: 1.2.840.10008.1.2.1
                name: Explicit VR Little Endian
        application_entities:
          - name: STORAGE-SCU
            ae_title: ACME_CT
            description: Sends images.
        sop_classes:
          - uid: 1.2.840.10008.5.1.4.1.1.2
            name: CT Image Storage
            scu: [STORAGE-SCU]
            transfer_syntax_sets: [U]
            create: S
        dimse:
          storage:
            scu:
              description: Images are sent once; failures are retried. No extended negotiation is proposed.
        iods:
          - name: CT Image IOD
            sop_class: 1.2.840.10008.5.1.4.1.1.2
            modules:
              - name: Patient Module
                attributes:
                  - name: Patient's Name
                    tag: (0010,0010)
                    source: MWL
        character_sets:
          - defined_term: ISO_IR 100
        """;
}
