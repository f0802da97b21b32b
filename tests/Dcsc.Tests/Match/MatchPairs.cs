namespace Dcsc.Tests.Match;

/// <summary>A realistic modality / archive pair (until the bundled examples land) and small statements tests modify.</summary>
internal static class MatchPairs
{
    public const string Modality = """
        product:
          name: Acme Helix CT
          version: "2.1"
          manufacturer: Acme Medical
          description: A CT scanner.
        transfer_syntax_sets:
          - code: U
            name: Uncompressed
            transfer_syntaxes:
              - uid: 1.2.840.10008.1.2.1
                name: Explicit VR Little Endian
              - uid: 1.2.840.10008.1.2
                name: Implicit VR Little Endian
          - code: LL
            name: Lossless Compressed
            transfer_syntaxes:
              - uid: 1.2.840.10008.1.2.4.90
                name: JPEG 2000 Image Compression (Lossless Only)
          - code: L
            name: Lossy Compressed
            transfer_syntaxes:
              - uid: 1.2.840.10008.1.2.4.91
                name: JPEG 2000 Image Compression
        application_entities:
          - name: HELIX-SCU
            ae_title: HELIX_CT
            description: Sends images, queries the worklist, reports procedure steps.
            association:
              max_pdu_length: 16384
            activities:
              - name: Send Images
                role: initiator
                description: Sends each series when it is reconstructed.
                sop_classes: [1.2.840.10008.5.1.4.1.1.2, 1.2.840.10008.5.1.4.1.1.2.1]
              - name: Query Worklist
                role: initiator
                description: Queries the worklist on demand.
                sop_classes: [1.2.840.10008.5.1.4.31]
        sop_classes:
          - uid: 1.2.840.10008.1.1
            name: Verification SOP Class
            scu: [HELIX-SCU]
            scp: [HELIX-SCU]
          - uid: 1.2.840.10008.5.1.4.1.1.2
            name: CT Image Storage
            scu: [HELIX-SCU]
            transfer_syntax_sets: [U, LL]
            create: S
          - uid: 1.2.840.10008.5.1.4.1.1.2.1
            name: Enhanced CT Image Storage
            scu: [HELIX-SCU]
            transfer_syntax_sets: [L]
            create: S
          - uid: 1.2.840.10008.5.1.4.1.1.88.67
            name: X-Ray Radiation Dose SR Storage
            scu: [HELIX-SCU]
            transfer_syntax_sets: [U]
            create: S
          - uid: 1.2.840.10008.5.1.4.31
            name: Modality Worklist Information Model - FIND
            scu: [HELIX-SCU]
            transfer_syntax_sets: [U]
          - uid: 1.2.840.10008.1.20.1
            name: Storage Commitment Push Model SOP Class
            scu: [HELIX-SCU]
            transfer_syntax_sets: [U]
          - uid: 1.2.840.10008.1.3.10
            name: Media Storage Directory Storage
            fsc: true
            transfer_syntax_sets: [U]
            create: S
        character_sets:
          - defined_term: ISO_IR 100
            description: Latin alphabet No. 1
        security:
          profiles:
            - profile: BCP 195 RFC 8996 TLS Secure Transport Connection Profile
              kind: secure_transport
              sender: true
              receiver: true
        media:
          profiles:
            - profile: STD-GEN-CD
              media: Compact Disk - Recordable
              fsc: true
        """;

    public const string Archive = """
        product:
          name: Acme Vault PACS
          version: "5.0"
          manufacturer: Acme Medical
          description: An image archive.
        dimse:
          storage:
            scp:
              level_of_support: 1
              element_coercion: No Attributes are coerced.
              discarded_attributes: None.
              lossy_compression: Lossy compressed images are stored as received.
          storage_commitment:
            scp:
              retention: Committed instances are kept for 10 years.
        transfer_syntax_sets:
          - code: U
            name: Uncompressed
            transfer_syntaxes:
              - uid: 1.2.840.10008.1.2.1
                name: Explicit VR Little Endian
              - uid: 1.2.840.10008.1.2
                name: Implicit VR Little Endian
          - code: LL
            name: Lossless Compressed
            transfer_syntaxes:
              - uid: 1.2.840.10008.1.2.4.90
                name: JPEG 2000 Image Compression (Lossless Only)
        application_entities:
          - name: VAULT
            ae_title: VAULT
            description: Stores and serves images.
            association:
              max_pdu_length: 131072
            activities:
              - name: Store Images
                role: acceptor
                description: Accepts images.
        sop_classes:
          - uid: 1.2.840.10008.1.1
            name: Verification SOP Class
            scu: [VAULT]
            scp: [VAULT]
          - uid: 1.2.840.10008.5.1.4.1.1.2
            name: CT Image Storage
            scp: [VAULT]
            scu: [VAULT]
            transfer_syntax_sets: [U, LL]
            archive: true
          - uid: 1.2.840.10008.5.1.4.1.1.2.1
            name: Enhanced CT Image Storage
            scp: [VAULT]
            scu: [VAULT]
            transfer_syntax_sets: [U]
            archive: true
          - uid: 1.2.840.10008.1.20.1
            name: Storage Commitment Push Model SOP Class
            scp: [VAULT]
            transfer_syntax_sets: [U]
          - uid: 1.2.840.10008.5.1.4.1.1.11.1
            name: Grayscale Softcopy Presentation State Storage
            scp: [VAULT]
            transfer_syntax_sets: [U]
        character_sets:
          - defined_term: ISO_IR 100
            description: Latin alphabet No. 1
          - defined_term: ISO_IR 192
            description: Unicode in UTF-8
        security:
          profiles:
            - profile: BCP 195 RFC 8996 TLS Secure Transport Connection Profile
              kind: secure_transport
              sender: true
              receiver: true
        """;

    /// <summary>A one-SOP-Class storage SCU; tests replace parts.</summary>
    public const string Scu = """
        product:
          name: Acme Sender
          version: "1.0"
          description: Sends CT images.
        transfer_syntax_sets:
          - code: U
            name: Uncompressed
            transfer_syntaxes:
              - uid: 1.2.840.10008.1.2.1
                name: Explicit VR Little Endian
        application_entities:
          - name: SENDER
            description: Sends images.
        sop_classes:
          - uid: 1.2.840.10008.5.1.4.1.1.2
            name: CT Image Storage
            scu: [SENDER]
            transfer_syntax_sets: [U]
        security:
          profiles:
            - profile: BCP 195 RFC 8996 TLS Secure Transport Connection Profile
              kind: secure_transport
              sender: true
              receiver: true
        """;

    /// <summary>The matching storage SCP.</summary>
    public const string Scp = """
        product:
          name: Acme Receiver
          version: "1.0"
          description: Receives CT images.
        dimse:
          storage:
            scp:
              level_of_support: 1
              element_coercion: No Attributes are coerced.
              discarded_attributes: None.
              lossy_compression: Lossy compressed images are stored as received.
        transfer_syntax_sets:
          - code: U
            name: Uncompressed
            transfer_syntaxes:
              - uid: 1.2.840.10008.1.2.1
                name: Explicit VR Little Endian
        application_entities:
          - name: RECEIVER
            description: Receives images.
        sop_classes:
          - uid: 1.2.840.10008.5.1.4.1.1.2
            name: CT Image Storage
            scp: [RECEIVER]
            transfer_syntax_sets: [U]
        security:
          profiles:
            - profile: BCP 195 RFC 8996 TLS Secure Transport Connection Profile
              kind: secure_transport
              sender: true
              receiver: true
        """;
}
