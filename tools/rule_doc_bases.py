"""Base statements for the examples of docs/rules/*.md (see gen_rule_docs.py). Each base lints clean."""

PRODUCT = '''product:
  name: Acme CT
  version: "1.0"
  description: A CT scanner.
  document_id: ACME-CT-DCS-0100
  date: 2025-06-30
'''

TS_U = '''transfer_syntax_sets:
  - code: U
    name: Uncompressed
    transfer_syntaxes:
      - uid: 1.2.840.10008.1.2.1
        name: Explicit VR Little Endian
'''

ECHO = '''product:
  name: Acme Echo
  version: "1.0"
  description: Answers C-ECHO.
transfer_syntax_sets:
  - code: U
    name: Uncompressed
    transfer_syntaxes:
      - uid: 1.2.840.10008.1.2
        name: Implicit VR Little Endian
application_entities:
  - name: ECHO
    ae_title: ACME_ECHO
    description: Verifies connectivity.
sop_classes:
  - uid: 1.2.840.10008.1.1
    name: Verification
    scu: [ECHO]
    scp: [ECHO]
    transfer_syntax_sets: [U]
'''

# A modality that creates and sends CT images.
STORE_SCU = PRODUCT + TS_U + '''application_entities:
  - name: STORAGE-SCU
    ae_title: ACME_CT
    description: Sends images.
    activities:
      - name: Send Images
        role: initiator
        description: Sends each image when it is reconstructed.
        sop_classes: [1.2.840.10008.5.1.4.1.1.2]
sop_classes:
  - uid: 1.2.840.10008.5.1.4.1.1.2
    name: CT Image Storage
    scu: [STORAGE-SCU]
    transfer_syntax_sets: [U]
    create: S
dimse:
  storage:
    scu:
      description: On success the image is marked sent; on warning it is marked sent with a note; on failure the transfer is retried three times.
iods:
  - name: CT Image IOD
    sop_class: 1.2.840.10008.5.1.4.1.1.2
    modules:
      - name: Patient Module
        attributes:
          - name: Patient's Name
            tag: (0010,0010)
            source: MWL
'''

STORE_SCP_DIMSE = '''character_sets:
  - defined_term: ISO_IR 100
dimse:
  storage:
    scp:
      description: Stored instances are kept until deleted by the user and can be retrieved with Q/R. No further SOP Classes are accepted dynamically.
      level_of_support: 2
      digital_signature_level: 1
      element_coercion: No Attributes are coerced.
      discarded_attributes: None.
      lossy_compression: Instances are stored as received; no lossy compression is applied.
sections:
  status_scp_storage_c_store:
    tables:
      status_codes_c_store_of_the_storage_sop_classes_scp:
        - service_status: Success
          further_meaning: Success
          status_codes: "0000"
        - service_status: Failure
          further_meaning: "Refused: Out of resources"
          status_codes: A700
          condition_and_comments_on_related_fields: The disk is full; free space and resend.
'''

# An archive that receives CT images.
STORE_SCP = PRODUCT.replace("Acme CT", "Acme Archive").replace("A CT scanner.", "An image archive.") + TS_U + '''application_entities:
  - name: STORE-SCP
    ae_title: ACME_ARCHIVE
    description: Receives images.
    association:
      max_pdu_length: 116794
      port: 104
    activities:
      - name: Receive Images
        role: acceptor
        description: Accepts any association from known AEs.
        sop_classes: [1.2.840.10008.5.1.4.1.1.2]
sop_classes:
  - uid: 1.2.840.10008.5.1.4.1.1.2
    name: CT Image Storage
    scp: [STORE-SCP]
    transfer_syntax_sets: [U]
    archive: true
''' + STORE_SCP_DIMSE

# An archive with Query/Retrieve (FIND and MOVE as SCP) that also sends the retrieved images.
QR_SCP = PRODUCT.replace("Acme CT", "Acme PACS").replace("A CT scanner.", "A PACS.") + TS_U + '''application_entities:
  - name: QR-SCP
    ae_title: ACME_PACS
    description: Answers queries and retrievals, receives and sends images.
    activities:
      - name: Answer Queries
        role: acceptor
        description: Accepts C-FIND and C-MOVE requests from known AEs.
        sop_classes: [1.2.840.10008.5.1.4.1.2.2.1, 1.2.840.10008.5.1.4.1.2.2.2]
        extended_negotiation:
          - sop_class: 1.2.840.10008.5.1.4.1.2.2.1
            negotiation: Relational-queries
            support: true
        role_negotiation: Not used.
      - name: Receive Images
        role: acceptor
        description: Accepts images.
        sop_classes: [1.2.840.10008.5.1.4.1.1.2]
      - name: Send Images
        role: initiator
        description: Sends images for C-MOVE requests.
        sop_classes: [1.2.840.10008.5.1.4.1.1.2]
sop_classes:
  - uid: 1.2.840.10008.5.1.4.1.1.2
    name: CT Image Storage
    scu: [QR-SCP]
    scp: [QR-SCP]
    transfer_syntax_sets: [U]
  - uid: 1.2.840.10008.5.1.4.1.2.2.1
    name: Study Root Query/Retrieve Information Model - FIND
    scp: [QR-SCP]
    transfer_syntax_sets: [U]
  - uid: 1.2.840.10008.5.1.4.1.2.2.2
    name: Study Root Query/Retrieve Information Model - MOVE
    scp: [QR-SCP]
    transfer_syntax_sets: [U]
character_sets:
  - defined_term: ISO_IR 100
    description: Latin alphabet No. 1
dimse:
  storage:
    scu:
      description: Sends the images a C-MOVE asks for; failures are counted in the C-MOVE response.
    scp:
      description: Stored instances are kept until deleted and can be retrieved with Q/R. No further SOP Classes are accepted dynamically.
      level_of_support: 2
      digital_signature_level: 1
      element_coercion: No Attributes are coerced.
      discarded_attributes: None.
      lossy_compression: Instances are stored as received.
  query_retrieve:
    find:
      scp:
        description: PN matching is case-insensitive for Patient's Name. DA matching is exact.
        priority: Priority is ignored; all requests are MEDIUM.
        relational: true
    move:
      scp:
        priority: Priority is ignored.
        sub_operation_sop_classes: [1.2.840.10008.5.1.4.1.1.2]
sections:
  services_scp_study_root_qr_find:
    tables:
      supported_c_find_attribute_matching_for_study_root_q_r_model_scp:
        - attribute_name: Patient's Name
          tag: (0010,0010)
          matching_type: WILDCARD
        - attribute_name: Retrieve AE Title
          tag: (0008,0054)
          matching_type: UNIVERSAL
  status_scu_storage_c_store:
    tables:
      status_codes_c_store_for_the_storage_sop_classes_scu:
        - service_status: Success
          further_meaning: Success
          status_code: "0000"
          behavior: Counted as completed.
        - service_status: Warning
          further_meaning: Coercion of Data Elements
          status_code: B000
          behavior: Counted as warning.
        - service_status: Failure
          further_meaning: "Refused: Out of resources"
          status_code: A7xx
          behavior: Counted as failed.
  status_scp_storage_c_store:
    tables:
      status_codes_c_store_of_the_storage_sop_classes_scp:
        - service_status: Failure
          further_meaning: "Refused: Out of resources"
          status_codes: A700
          condition_and_comments_on_related_fields: The disk is full.
'''

# A modality that gets its worklist and reports MPPS.
WORKFLOW_SCU = PRODUCT + TS_U + '''application_entities:
  - name: WORKFLOW
    ae_title: ACME_CT_WF
    description: Queries the worklist and reports procedure steps.
    activities:
      - name: Query Worklist
        role: initiator
        description: Queries the worklist when the user opens the patient list.
        sop_classes: [1.2.840.10008.5.1.4.31]
      - name: Report Procedure Step
        role: initiator
        description: Reports the procedure step when the exam starts and ends.
        sop_classes: [1.2.840.10008.3.1.2.3.3]
        role_negotiation: SCP/SCU Role Selection Negotiation is proposed with the SCU role.
sop_classes:
  - uid: 1.2.840.10008.5.1.4.31
    name: Modality Worklist Information Model - FIND
    scu: [WORKFLOW]
    transfer_syntax_sets: [U]
  - uid: 1.2.840.10008.3.1.2.3.3
    name: Modality Performed Procedure Step
    scu: [WORKFLOW]
    transfer_syntax_sets: [U]
character_sets:
  - defined_term: ISO_IR 100
dimse:
  mpps:
    scu:
      description: The MPPS is created when the first image is acquired and COMPLETED when the user closes the exam.
sections:
  services_scu_mwl_find:
    tables:
      supported_c_find_query_parameters_for_modality_worklist_scu:
        - attribute_name: Scheduled Station AE Title
          tag: (0040,0001)
          matching_type: SINGLE_VALUE
          query_value_source: CONFIGURATION
  services_scu_mpps:
    tables:
      supported_n_create_and_n_set_attributes_for_modality_performed_procedure_step_scu:
        - attribute_name: Performed Procedure Step Status
          tag: (0040,0252)
          source: GENERATED
          value_n_create: IN PROGRESS
          value_n_set: COMPLETED
'''

# A modality that asks for storage commitment.
COMMIT_SCU = STORE_SCU.replace('''        sop_classes: [1.2.840.10008.5.1.4.1.1.2]
sop_classes:''', '''        sop_classes: [1.2.840.10008.5.1.4.1.1.2]
      - name: Commit Images
        role: initiator
        description: Asks for commitment after the exam is sent.
        sop_classes: [1.2.840.10008.1.20.1]
        role_negotiation: Proposes the SCU role.
      - name: Receive Commitment
        role: acceptor
        description: Accepts the N-EVENT-REPORT on a separate association.
        sop_classes: [1.2.840.10008.1.20.1]
        role_negotiation: Accepts the SCP role proposed by the commitment SCP.
sop_classes:
  - uid: 1.2.840.10008.1.20.1
    name: Storage Commitment Push Model
    scu: [STORAGE-SCU]
    transfer_syntax_sets: [U]''').replace('''dimse:
  storage:''', '''dimse:
  storage_commitment:
    scu:
      description: Asks for commitment of every exam 1 hour after sending it, by Storage; deletes local copies 7 days after a successful commitment; resends on failure.
  storage:''')

# A UPS Pull performer.
UPS_SCU = PRODUCT + TS_U + '''application_entities:
  - name: PERFORMER
    ae_title: ACME_PERF
    description: Pulls and performs workitems.
sop_classes:
  - uid: 1.2.840.10008.5.1.4.34.6.3
    name: UPS Pull
    scu: [PERFORMER]
    transfer_syntax_sets: [U]
character_sets:
  - defined_term: ISO_IR 192
dimse:
  ups:
    scu:
      description: Sets IN PROGRESS when the user starts a workitem and COMPLETED when it is done; never CANCELED. Queries on Scheduled Station Name only; UTF-8.
'''

# A print SCU.
PRINT_SCU = PRODUCT + TS_U + '''application_entities:
  - name: PRINT
    ae_title: ACME_PRINT
    description: Prints films.
sop_classes:
  - uid: 1.2.840.10008.5.1.1.9
    name: Basic Grayscale Print Management Meta
    scu: [PRINT]
    transfer_syntax_sets: [U]
'''

# A workstation that writes CDs.
MEDIA_FSC = PRODUCT + '''sop_classes:
  - uid: 1.2.840.10008.1.3.10
    name: Media Storage Directory Storage
    fsc: true
  - uid: 1.2.840.10008.5.1.4.1.1.2
    name: CT Image Storage
    fsc: true
    display: true
media:
  profiles:
    - profile: STD-GEN-CD
      media: Compact Disk - Recordable
      fsc: true
'''
