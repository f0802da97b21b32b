#!/usr/bin/env python3
"""Generates docs/coverage.md: for EVERY section of the PS3.2 template (src/Dcsc.Core/Layout/Data/template.json)
the place in the YAML source that feeds it.

Run from anywhere:  python3 tools/gen_coverage.py            (writes docs/coverage.md)
                    python3 tools/gen_coverage.py --check    (exit 1 if docs/coverage.md is out of date)

Standard library only. Every section must be covered by one of the hand-written tables below:
  STRUCTURED   section key -> structured schema path(s) that feed it (besides its `sections.<key>` home);
  BOILERPLATE  section key -> why the section is pure boilerplate (generated text / navigation);
  NARRATIVE    (regex, what the section's `sections.<key>` home carries) for families of sections that are fed only
               by narrative and rows of their own tables (status codes, configuration, web-service tables …).
The script fails (exit 2) when a section matches none of them, when a section with derived tables
(derived-tables.json) has no STRUCTURED entry, when a table entry names a section that does not exist,
or when a structured path does not start at a property of the schema.
"""
import json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATE = os.path.join(ROOT, "src/Dcsc.Core/Layout/Data/template.json")
DERIVED = os.path.join(ROOT, "src/Dcsc.Core/Layout/Data/derived-tables.json")
SCHEMA = os.path.join(ROOT, "schema/dcsc.schema.json")
OUT = os.path.join(ROOT, "docs/coverage.md")

# Where a repeated section's `sections` object lives (template.json `repeat`).
HOMES = {
    None: "sections.{key}",
    "ae": "application_entities[].sections.{key}",
    "activity": "application_entities[].activities[].sections.{key}",
    "iod": "iods[].sections.{key}",
    "sr_template": "sr_templates[].sections.{key}",
    "finding_site": "sr_templates[].finding_sites[].sections.{key}",
    "mapping": "mappings[].sections.{key}",
}
REPEAT_SOURCE = {
    "ae": "one copy per `application_entities[]` item",
    "activity": "one copy per `application_entities[].activities[]` item (initiator activities under 7.2.x.3, acceptor under 7.2.x.4)",
    "iod": "one copy per `iods[]` item",
    "sr_template": "one copy per `sr_templates[]` item",
    "finding_site": "one copy per `sr_templates[].finding_sites[]` item",
    "mapping": "one copy per `mappings[]` item",
}

BOILERPLATE = {
    "table_of_contents": "generated from the section tree",
    "introduction": "heading only; content is in 3.1-3.6",
    "implementation_model": "heading only; content is in 4.1",
    "service_interoperability": "heading only; content is in 5.1-5.7",
    "configuration": "heading and template text only; content is in 6.1-6.6",
    "network_media_communication": "heading only; content is in 7.1-7.3",
    "netcomm_specifications": "heading only; one 7.2.x subsection per Application Entity",
    "security": "heading only; content is in 8.1-8.7",
    "annexes": "heading only",
}

SC = "sop_classes[]"
STRUCTURED = {
    "cover_page": ["product.name", "product.version", "product.manufacturer", "product.date", "product.document_id", "product.covered[]"],
    "overview": ["product.description", "product.remote_systems[] (Figure 1-1)"],
    "overview_content_transfer": [SC + " (all roles, transfer_syntax_sets, create/display/process/archive)", "transfer_syntax_sets[]"],
    "overview_sr_root_template_ids": ["sr_templates[]"],
    "overview_dimse_services": [SC + ".scu / .scp"],
    "overview_verification": [SC + " (Verification SOP Class)", "transfer_syntax_sets[]"],
    "overview_storage": [SC + " (Storage SOP Classes; listed in Table 1-1)"],
    "overview_workflow_management": [SC + " (Worklist, MPPS, UPS, Storage Commitment, Instance Availability)", "transfer_syntax_sets[]"],
    "overview_qr": [SC + " (Query/Retrieve SOP Classes)", "transfer_syntax_sets[]"],
    "overview_printing": [SC + " (Print Management SOP Classes)", "transfer_syntax_sets[]"],
    "overview_dicom_ws": ["dicomweb.transactions[]"],
    "overview_uri_wado_uri": ["dicomweb.transactions[] (service: URI)"],
    "overview_studies": ["dicomweb.transactions[] (service: Studies)"],
    "overview_worklist": ["dicomweb.transactions[] (service: Worklist)"],
    "overview_npi": ["dicomweb.transactions[] (service: Non-Patient Instance)"],
    "overview_stgcmt": ["dicomweb.transactions[] (service: Storage Commitment)"],
    "overview_media_services": ["media.profiles[]", SC + ".fsc / .fsr / .fsu"],
    "overview_rtv": [SC + " (Real-Time Video SOP Classes)"],
    "overview_de_identification_profiles": ["de_identification[]"],
    "overview_charset": ["character_sets[]"],
    "intro_revision_history": ["revision_history[]"],
    "intro_audience": ["introduction.audience"],
    "intro_remarks": ["introduction.remarks"],
    "intro_terms_definitions": ["introduction.terms[] (the DICOM terms table is fixed)"],
    "intro_abbreviations": ["introduction.abbreviations[] (added to the fixed list)"],
    "intro_references": ["introduction.references[]"],
    "impl_ae_data_flow": ["application_entities[] (Figure 4-1)", "application_entities[].activities[]"],
    "impl_functional_definition_ae_1": ["application_entities[].description"],
    "services_mapping_services_ae": ["application_entities[]", SC + ".scu / .scp / .user_agent / .origin_server / .fsc / .fsu / .fsr"],
    "services_dimse_services": ["dimse"],
    "services_basic_worklist_management": ["dimse.worklist"],
    "services_scu_mwl_find": ["dimse.worklist.scu.description"],
    "services_scp_mwl_find": ["dimse.worklist.scp.description"],
    "services_mpps": ["dimse.mpps"],
    "services_scu_mpps": ["dimse.mpps.scu.description"],
    "services_scp_mpps": ["dimse.mpps.scp.description"],
    "services_ups": ["dimse.ups.scu.description", "dimse.ups.scp.description"],
    "services_ian": ["dimse.instance_availability"],
    "services_scu_ian": ["dimse.instance_availability.scu.description"],
    "services_scp_ian": ["dimse.instance_availability.scp.description"],
    "services_storage": ["dimse.storage"],
    "services_scu_storage": ["dimse.storage.scu.description"],
    "services_scp_storage": ["dimse.storage.scp.description", "dimse.storage.scp.level_of_support", "dimse.storage.scp.digital_signature_level",
                             "dimse.storage.scp.element_coercion", "dimse.storage.scp.discarded_attributes", "dimse.storage.scp.lossy_compression",
                             "dimse.storage.scp.duplicate_instances"],
    "services_stgcmt": ["dimse.storage_commitment"],
    "services_scu_stgcmt": ["dimse.storage_commitment.scu.description"],
    "services_scp_stgcmt": ["dimse.storage_commitment.scp.description", "dimse.storage_commitment.scp.retention"],
    "services_qr": ["dimse.query_retrieve"],
    "services_scu_study_root_qr_find": ["dimse.query_retrieve.find.scu.description"],
    "services_scu_patient_root_qr_find": ["dimse.query_retrieve.find.scu.description"],
    "services_scu_study_root_qr_move": ["dimse.query_retrieve.move.scu.description"],
    "services_scu_patient_root_qr_move": ["dimse.query_retrieve.move.scu.description"],
    "services_scp_study_root_qr_find": ["dimse.query_retrieve.find.scp (description, priority, relational)"],
    "services_scp_patient_root_qr_find": ["dimse.query_retrieve.find.scp (description, priority, relational)"],
    "services_scp_study_root_qr_move": ["dimse.query_retrieve.move.scp (description, priority, relational, sub_operation_sop_classes)"],
    "services_scp_patient_root_qr_move": ["dimse.query_retrieve.move.scp (description, priority, relational, sub_operation_sop_classes)"],
    "services_print_management": ["dimse.print"],
    "services_dicom_ws": ["dicomweb.base_url", "dicomweb.transactions[]"],
    "services_file_set_creator_fsc": ["media.profiles[].fsc", SC + ".fsc"],
    "services_file_set_reader_fsr": ["media.profiles[].fsr", SC + ".fsr"],
    "services_file_set_updater_fsu": ["media.profiles[].fsu", SC + ".fsu"],
    "services_media_services": ["media.profiles[]"],
    "services_charset": ["character_sets[]"],
    "netcomm_general": ["association"],
    "netcomm_general_assoc_parameters": ["association"],
    "netcomm_ae1_ae": ["application_entities[]"],
    "netcomm_sequencing_real_world_activities_ae1": ["application_entities[].sequencing"],
    "netcomm_assoc_parameters_ae1": ["application_entities[].association"],
    "netcomm_assoc_initiation": ["application_entities[].activities[] (role: initiator)"],
    "netcomm_real_world_activity_activity_1": ["application_entities[].activities[].description", "application_entities[].activities[].sop_classes[] (presentation contexts from sop_classes[])"],
    "netcomm_real_world_activity_activity_1_extended_negotiation": ["application_entities[].activities[].extended_negotiation[]"],
    "netcomm_role_negotiation": ["application_entities[].activities[].role_negotiation"],
    "netcomm_assoc_acceptance": ["application_entities[].activities[] (role: acceptor)"],
    "netcomm_real_world_activity_activity_2": ["application_entities[].activities[].description", "application_entities[].activities[].sop_classes[] (presentation contexts from sop_classes[])"],
    "netcomm_real_world_activity_activity_2_extended_negotiation": ["application_entities[].activities[].extended_negotiation[]"],
    "netcomm_ts_selection_policies": ["application_entities[].activities[].transfer_syntax_selection[]"],
    "security_tcp_port_config": ["application_entities[].association.port"],
    "security_dicom_security_profiles_support": ["security.profiles[]"],
    "security_secure_use_user_identity_profiles": ["security.profiles[] (kind: secure_use)"],
    "security_secure_transport_connection_profiles": ["security.profiles[] (kind: secure_transport)"],
    "security_media_storage_security_profiles": ["security.profiles[] (kind: media_storage)"],
    "security_attribute_confidentiality_profiles": ["de_identification[]"],
    "security_digital_signature_profiles": ["security.profiles[] (kind: digital_signature)"],
    "security_additional_dicom_security_profiles": ["security.profiles[] (kind: other)"],
    "security_user_identity_negotiation_support": ["security.user_identity"],
    "security_assoc_initiation": ["security.user_identity.initiator[]"],
    "security_assoc_acceptance": ["security.user_identity.acceptor[]"],
    "annex_a_iods": ["iods[]"],
    "annex_a_information_shared_across_multiple_iods": ["shared_modules"],
    "annex_a_common_modules": ["shared_modules.modules[]"],
    "annex_a_common_fg_macros": ["shared_modules.functional_groups[]"],
    "annex_a_common_private_modules": ["shared_modules.private_modules[]", "dictionary.attributes[]"],
    "annex_a_coded_values": ["shared_modules.coded_values[]"],
    "annex_a_iod": ["iods[].name", "iods[].sop_class", "iods[].description", "iods[].modules[]", "iods[].functional_groups[]"],
    "annex_a_iod_specific_modules": ["iods[].modules[] (those without `shared: true`)"],
    "annex_a_iod_fg_macros": ["iods[].functional_groups[]"],
    "annex_a_iod_private_modules": ["iods[].private_modules[]", "dictionary.attributes[]"],
    "annex_a_iod_coded_values": ["iods[].coded_values[]"],
    "annex_b_sr_content_encoding": ["sr_templates[]"],
    "annex_b_sr_template": ["sr_templates[].name", "sr_templates[].tid", "sr_templates[].functions[]", "sr_templates[].sop_classes[]"],
    "annex_b_sr_template_measurement_encoding": ["sr_templates[].finding_sites[]"],
    "annex_b_sr_template_finding_site": ["sr_templates[].finding_sites[].name"],
    "annex_d_attribute_mapping": ["mappings[]"],
    "annex_d_mapping": ["mappings[].name", "mappings[].description", "mappings[].rows[]"],
}

# Families of sections fed only by their own `sections.<key>` home (text / na / fill / table rows / added).
NARRATIVE = [
    (r"^services_(scu|scp)_(basic_grayscale|basic_color)_print_meta(_.*)?$|^services_(scu|scp)_(basic_annotation_box|print_job|plut|printer_config)$",
     "Print Management details: SOP Class lists, DIMSE services and attribute tables as rows; `dimse.print.scu/scp.description` is the narrative of 5.2.8"),
    (r"^services_transcoding_ts$", "transcoding matrix rows (stored Transfer Syntax × sent Transfer Syntax)"),
    (r"^services_(uri_ws|studies_ws|worklist_ws|npi_ws|notification_ws|stgcmt_ws|retrieve|store|search|rendered_media_types|dicom_bulkdata_media_type|supported_rendered_media_types|request_stgcmt|result_check_stgcmt|create_worklist_ws|retrieve_worklist_ws|update_worklist_ws|change_state_worklist_ws|request_cancellation_worklist_ws|search_worklist_ws|subscribe_worklist_ws|unsubscribe_worklist_ws|suspend_global_subscription_worklist_ws|retrieve_dicom_instance_uri_ws|retrieve_rendered_instance_uri_ws|retrieve_supported_wado_rs|store_stow_rs|search_qido_rs)(_.*)?$",
     "DICOMweb transaction details (resources, query parameters, header fields, media types, query keys) as rows; transactions and roles come from `dicomweb.transactions[]`"),
    (r"^services_(rtv_services|consumer|provider)$", "Real-Time Video behaviour and resolution tables as rows"),
    (r"^services_cross_considerations$", "narrative"),
    (r"^config_", "configuration parameter rows (parameter, configurable, default value, comments)"),
    (r"^status_", "status code rows (status, meaning, code, behaviour or condition) and communication-failure rows"),
    (r"^security_(introduction|external_network_requirements|ws_security_features|other_security_features.*|media_storage_security|network_security)$",
     "narrative and external-network-requirement rows"),
    (r"^annex_c_", "security details: narrative and rows (cipher suites, audit messages, de-identified elements, LDAP patterns)"),
    (r"^annex_a_basic_directory_iod$", "Basic Directory IOD attribute rows (media File-set Creators)"),
    (r"^annex_b_sr_template_code_sets$", "code rows; `fill` gives the Code Set Name of the table title"),
    (r"^annex_d_code_set_usage$", "narrative"),
]

# Issue 12 (network declarations): where Transfer Syntaxes per activity, "every Storage SOP Class", shared AE Titles,
# association parameters with default and range, and "not documented" answers are printed. Kept as one block.
EVERY = "every_storage_sop_class"
for _key, _paths in {
    "overview_content_transfer": [EVERY + " (every Storage SOP Class: one row each in Table 1-1, and a sentence)",
                                  "application_entities[].activities[].transfer_syntax_sets[] (effective sets in the Transfer Syntax Set column)",
                                  SC + ".transfer_syntax_policy (Any / As received in the Transfer Syntax Set column)"],
    "overview_verification": ["application_entities[].activities[].transfer_syntax_sets[] (effective Transfer Syntaxes)"],
    "overview_workflow_management": ["application_entities[].activities[].transfer_syntax_sets[] (effective Transfer Syntaxes)"],
    "overview_qr": ["application_entities[].activities[].transfer_syntax_sets[] (effective Transfer Syntaxes)"],
    "overview_storage": ["dimse.storage (a Storage role described in 5.2.5 is not N/A here)"],
    "overview_charset": ["character_sets[] (none stated: says so instead of N/A)"],
    "services_charset": ["character_sets[] (refers to Table 1-16; none stated: says so instead of N/A)"],
    "services_scp_storage": ["dimse.storage.scp.* = `not documented` (Table 5-10 \"Not documented\")"],
    "services_mapping_services_ae": [EVERY + ".scu / .scp (one Storage row per AE)"],
    "impl_functional_definition_ae_1": ["application_entities[].ae_title (shared with other AEs: named)", "application_entities[].association.port"],
    "config_general_config_parameters": ["application_entities[].ae_title (one row per AE Title, AEs sharing it together)",
                                         "application_entities[].association.* (default, minimum, maximum, configurable)",
                                         "association.* (default, minimum, maximum, configurable)"],
    "netcomm_general_assoc_parameters": ["association.* (value; default; configurable range)"],
    "netcomm_assoc_parameters_ae1": ["application_entities[].association.* (value; default; configurable range)"],
    "netcomm_real_world_activity_activity_1": ["application_entities[].activities[].transfer_syntax_sets[] (proposed Transfer Syntaxes)",
                                               "application_entities[].activities[].transfer_syntax_policy (as received)"],
    "netcomm_real_world_activity_activity_2": ["application_entities[].activities[].transfer_syntax_sets[] (accepted Transfer Syntaxes)"],
    "netcomm_ts_selection_policies": ["application_entities[].activities[].transfer_syntax_policy (any / as received)"],
}.items():
    STRUCTURED.setdefault(_key, []).extend(_paths)
# Issue 12 points 5-7, 9: structured details printed in these sections (LayoutRun.Details.cs), in addition to the feeds above.
DETAILS = {
    "services_scu_mwl_find": ["dimse.worklist.scu.key_tables[]"],
    "services_scp_mwl_find": ["dimse.worklist.scp.key_tables[]"],
    "services_scu_mpps": ["dimse.mpps.scu.key_tables[] (N-CREATE/N-SET attributes)"],
    "services_scp_mpps": ["dimse.mpps.scp.key_tables[] (N-CREATE/N-SET attributes)"],
    "services_ups": ["dimse.ups.scu.key_tables[]", "dimse.ups.scp.key_tables[]"],
    "services_scu_ian": ["dimse.instance_availability.scu.key_tables[] (N-CREATE attributes with source and presence)"],
    "services_scp_ian": ["dimse.instance_availability.scp.key_tables[]"],
    "services_scu_storage": ["dimse.storage.scu.key_tables[]"],
    "services_scp_storage": ["dimse.storage.scp.key_tables[]"],
    "services_scu_stgcmt": ["dimse.storage_commitment.scu.key_tables[]"],
    "services_scp_stgcmt": ["dimse.storage_commitment.scp.key_tables[]"],
    "services_scu_study_root_qr_find": ["dimse.query_retrieve.find.scu.key_tables[] (every model but Patient Root)"],
    "services_scu_patient_root_qr_find": ["dimse.query_retrieve.find.scu.key_tables[] (model: Patient Root)"],
    "services_scp_study_root_qr_find": ["dimse.query_retrieve.find.scp.key_tables[] (every model but Patient Root)"],
    "services_scp_patient_root_qr_find": ["dimse.query_retrieve.find.scp.key_tables[] (model: Patient Root)"],
    "services_scu_study_root_qr_move": ["dimse.query_retrieve.move.scu.key_tables[] (C-MOVE identifiers; every model but Patient Root)"],
    "services_scu_patient_root_qr_move": ["dimse.query_retrieve.move.scu.key_tables[] (C-MOVE identifiers; model: Patient Root)"],
    "services_scp_study_root_qr_move": ["dimse.query_retrieve.move.scp.key_tables[] (C-MOVE identifiers; every model but Patient Root)"],
    "services_scp_patient_root_qr_move": ["dimse.query_retrieve.move.scp.key_tables[] (C-MOVE identifiers; model: Patient Root)"],
    "services_qr": ["dimse.query_retrieve.get.scu.key_tables[] (C-GET identifiers)", "dimse.query_retrieve.get.scp.key_tables[]"],
    "services_scu_basic_grayscale_print_meta": ["dimse.print.scu.key_tables[]"],
    "services_scp_basic_grayscale_print_meta": ["dimse.print.scp.key_tables[]"],
    "status_dimse_services": ["dimse.verification.scu.status_codes[] / other_status_codes (added subsection: C-ECHO)", "dimse.verification.scp.status_codes[] / other_status_codes"],
    "status_qr": ["dimse.query_retrieve.get.scu.status_codes[] / other_status_codes (added subsection: C-GET)", "dimse.query_retrieve.get.scp.status_codes[] / other_status_codes"],
    "services_studies_ws": ["dicomweb.additions[] (service: Studies; added subsection per non-standard transaction)"],
    "services_worklist_ws": ["dicomweb.additions[] (service: Worklist)"],
    "services_uri_ws_wado_uri": ["dicomweb.additions[] (service: URI)"],
    "services_npi_ws": ["dicomweb.additions[] (service: Non-Patient Instance)"],
    "services_retrieve_supported_wado_rs_os": ["dicomweb.transactions[].media_types[] / transfer_syntaxes[] / default_transfer_syntax / transcode_from[] (Retrieve, origin server)", "dicomweb.transactions[].query_parameters[] (rows of the Query Parameters table; every side's Query Parameters table alike)"],
    "services_retrieve_supported_wado_rs_ua": ["dicomweb.transactions[].media_types[] / transfer_syntaxes[] (Retrieve, user agent)", "dicomweb.transactions[].query_parameters[]"],
    "services_store_stow_rs_os": ["dicomweb.transactions[].media_types[] / transfer_syntaxes[] (Store, origin server)"],
    "services_search_qido_rs_os": ["dicomweb.transactions[].search[] (levels, attributes with matching types and fuzzy matching, default_return, includefield)", "dicomweb.transactions[].query_parameters[]"],
    "services_search_qido_rs_ua": ["dicomweb.transactions[].search[] (user agent)", "dicomweb.transactions[].query_parameters[]"],
    "services_search_worklist_ws_os": ["dicomweb.transactions[].search[] (UPS-RS Search, origin server)", "dicomweb.transactions[].query_parameters[]"],
    "services_search_worklist_ws_ua": ["dicomweb.transactions[].search[] (UPS-RS Search, user agent)", "dicomweb.transactions[].query_parameters[]"],
    "status_studies_ws_store_os": ["dicomweb.transactions[].failure_reasons[] / warning_reasons[] (Store)"],
    "status_studies_ws_retrieve_os": ["dicomweb.transactions[].failure_reasons[] / warning_reasons[] (Retrieve)"],
    "status_studies_ws_search_os": ["dicomweb.transactions[].failure_reasons[] / warning_reasons[] (Search)"],
    "services_charset": ["character_sets[].code_elements[] (ISO 2022 code elements)"],
    "security_external_network_requirements": ["network.interfaces[]", "network.ipv4 / ipv6", "network.protocols[]"],
    "annex_c_secure_transport_connection": ["security.tls (versions, cipher_suites[], certificate_validation, client_certificates)"],
    "annex_c_audit_trail_messages": ["security.audit_trail (messages[], transport[], collector)"],
}

def walk(sections, repeat=None, parent=None):
    for sec in sections:
        r = sec.get("repeat") or repeat
        yield sec, r, parent
        yield from walk(sec.get("children", []), r, sec)

def schema_section_homes(schema):
    homes = {None: set(schema["properties"]["sections"]["properties"])}
    for name, d in schema["definitions"].items():
        secs = d.get("properties", {}).get("sections")
        if secs: homes[name] = set(secs["properties"])
    return homes

def fail(msg):
    print("gen_coverage: " + msg, file=sys.stderr)
    sys.exit(2)

def build():
    template = json.load(open(TEMPLATE, encoding="utf-8"))
    derived = {k: v for k, v in json.load(open(DERIVED, encoding="utf-8")).items() if not k.startswith("_")}
    schema = json.load(open(SCHEMA, encoding="utf-8"))
    rows = list(walk(template["sections"]))
    keys = {sec["key"] for sec, _, _ in rows}
    for name, table in (("STRUCTURED", STRUCTURED), ("BOILERPLATE", BOILERPLATE)):
        for k in table:
            if k not in keys: fail(f"{name} names section `{k}`, which template.json does not have")
    roots = set(schema["properties"])
    for k in DETAILS:
        if k not in keys: fail(f"DETAILS names section `{k}`, which template.json does not have")
    for k, paths in list(STRUCTURED.items()) + list(DETAILS.items()):
        for p in paths:
            root = re.split(r"[.\[ ]", p, 1)[0]
            if root not in roots: fail(f"STRUCTURED[{k}] path `{p}` does not start at a schema property")
    schema_homes = schema_section_homes(schema)
    repeat_def = {None: None, "ae": "application_entity", "activity": "activity", "iod": "iod", "sr_template": "sr_template",
                  "finding_site": "finding_site", "mapping": "mapping"}
    missing = []
    out = []
    out.append("# Template coverage: where each PS3.2 section gets its content\n")
    out.append("Generated by `tools/gen_coverage.py` from `src/Dcsc.Core/Layout/Data/template.json`, `derived-tables.json` and the\n"
               "hand-written feed tables in the script. Do not edit; run `python3 tools/gen_coverage.py`.\n")
    out.append("Every section has a **home** in the source: the `sections.<key>` object (inside the repeating item for\n"
               "repeated sections) which takes `text`, `na`, `fill`, `tables.<table_key>` rows, `added_tables` (tables the product\n"
               "adds, numbered with the template's tables) and `added` subsections with their own `tables` (see\n"
               "[source-format.md](source-format.md#sections)). **Structured feeds** are the declarations dcsc renders into the\n"
               "section. **Derived tables** are computed from the structured declarations; the source cannot give their rows.\n"
               "A section whose feed is *boilerplate* only carries template text.\n")
    counts = {"structured": 0, "narrative": 0, "boilerplate": 0}
    top = None
    for sec, rep, parent in rows:
        key = sec["key"]
        home_def = repeat_def[rep]
        if key not in schema_homes.get(home_def, set()):
            fail(f"section `{key}` has no home in the schema ({HOMES[rep].format(key=key)}); regenerate the schema")
        if parent is None:
            top = sec
            out.append(f"\n## {(sec['number'] + ' ') if sec['number'] else ''}{sec['title']}\n")
            out.append("| Number | Title | Key | Home | Feeds | Derived tables |")
            out.append("|---|---|---|---|---|---|")
        feeds = []
        if key in STRUCTURED:
            feeds += [f"`{p.split(' (', 1)[0]}` ({p.split(' (', 1)[1]}" if " (" in p else f"`{p}`" for p in STRUCTURED[key]]
            counts["structured"] += 1
        elif key in BOILERPLATE:
            feeds.append(f"boilerplate: {BOILERPLATE[key]}")
            counts["boilerplate"] += 1
        else:
            for rx, what in NARRATIVE:
                if re.search(rx, key):
                    feeds.append(f"home only: {what}")
                    counts["narrative"] += 1
                    break
        if not feeds:
            missing.append(key)
        feeds += [f"`{p.split(' (', 1)[0]}` ({p.split(' (', 1)[1]}" if " (" in p else f"`{p}`" for p in DETAILS.get(key, [])]
        if key in derived and key not in STRUCTURED:
            fail(f"section `{key}` has derived tables {derived[key]} but no STRUCTURED feed")
        if rep is not None and (parent is None or (parent.get("repeat") != sec.get("repeat") and sec.get("repeat"))):
            feeds.append(f"*{REPEAT_SOURCE[rep]}*")
        der = ", ".join(f"`{t}`" for t in derived.get(key, []))
        title = sec["title"].replace("|", "\\|")
        out.append(f"| {sec['number'] or '-'} | {title} | `{key}` | `{HOMES[rep].format(key=key)}` | {'<br>'.join(feeds)} | {der} |")
    if missing:
        fail("no feed mapped for section(s): " + ", ".join(missing) + " (add them to STRUCTURED, BOILERPLATE or NARRATIVE)")
    # Every section property the schema offers must be a template section (and so appear above).
    for home, props in schema_homes.items():
        for p in props:
            if p not in keys: fail(f"schema section property `{p}` (in {home or 'root'}) is not a template section")
    out.insert(3, f"\n{len(rows)} sections: {counts['structured']} with structured feeds, {counts['narrative']} fed by their home only, "
                  f"{counts['boilerplate']} boilerplate; {sum(len(v) for v in derived.values())} derived tables.\n")
    return "\n".join(out) + "\n"

def main():
    text = build()
    if "--check" in sys.argv:
        old = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        if old != text:
            print("docs/coverage.md is out of date; run python3 tools/gen_coverage.py", file=sys.stderr)
            sys.exit(1)
        return
    open(OUT, "w", encoding="utf-8").write(text)
    print(f"wrote {os.path.relpath(OUT, ROOT)}")

if __name__ == "__main__":
    main()
