#!/usr/bin/env python3
"""Generates schema/dcsc.schema.json: the structured part written out below, plus one typed home for
every section and table of the PS3.2 template, taken from src/Dcsc.Core/Layout/Data/template.json.

Run from the repository root:  python3 tools/gen_schema.py
The output is committed; a test checks that it is up to date with the template data.
"""
import json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATE = os.path.join(ROOT, "src/Dcsc.Core/Layout/Data/template.json")
OUT = os.path.join(ROOT, "schema/dcsc.schema.json")
DERIVED = os.path.join(ROOT, "src/Dcsc.Core/Layout/Data/derived-tables.json")

# ---------------------------------------------------------------- helpers (every property has a description)

def s(desc, **kw):        return {"type": "string", "description": desc, **kw}
def md(desc):             return {"type": "string", "description": desc + " (Markdown)."}
def b(desc):              return {"type": "boolean", "description": desc}
def i(desc, **kw):        return {"type": "integer", "description": desc, **kw}
def e(desc, values):      return {"type": "string", "enum": values, "description": desc}
def arr(desc, items, **kw): return {"type": "array", "description": desc, "items": items, **kw}
def ref(name, desc):      return {"$ref": "#/definitions/" + name, "description": desc}
def obj(desc, props, required=(), **kw):
    for k, v in props.items():
        assert "description" in v, k
    o = {"type": "object", "description": desc, "additionalProperties": False, "properties": props}
    if required: o["required"] = list(required)
    o.update(kw)
    return o
def yn(desc):
    return {"description": desc + " Support is `true`/`false` (or `Y`/`N`); rendered Y/N.",
            "anyOf": [{"type": "boolean"}, {"type": "string", "enum": ["Y", "N"]}]}
def one_or_more(desc, values):
    return {"description": desc + " One value, or a list of values (rendered separated by `;`).",
            "anyOf": [{"type": "string", "enum": values}, {"type": "array", "items": {"type": "string", "enum": values}, "minItems": 1}]}

UID = {"type": "string", "description": "A DICOM UID (PS3.5 §9.1: digits and dots, at most 64 characters).", "pattern": "^[0-9.]+$"}
NAME_RE = "^[A-Za-z0-9][A-Za-z0-9 _.-]*$"

# PS3.2 template value sets (template-outline.md §0.1; PS3.2 template conventions).
ROLES_DIMSE = ["SCU", "SCP"]
CREATE = ["S", "SE", "SP", "P"]
TS_SET_CODES_HINT = "Template sets: U (Uncompressed), LL (Lossless Compressed), L (Lossy Compressed), NI (Non-Image), V (Video), RTV (Real-Time Video); products may define more."
MATCHING = ["SINGLE_VALUE", "UID", "WILDCARD", "RANGE", "SEQUENCE", "UNIVERSAL"]
QUERY_SOURCE = ["FIXED", "GENERATED", "CONFIGURATION", "USER", "SCANNED", "EMPTY"]
DISPLAY_UI = ["D", "C", "N"]
SOURCE = ["FIXED", "GENERATED", "CONFIGURATION", "MWL", "MPPS", "IMAGE", "QUERY", "USER", "SCANNED", "EMPTY", "SRC_INSTANCE"]
PRESENCE = ["ALWAYS", "CONDITIONAL", "SRC_COPY", "EMPTY"]
FG_USAGE = ["PER_FRAME", "SHARED", "CONTEXT_DEPENDENT"]
IDENTIFIABLE = ["SAFE", "UNSAFE", "MIXED"]
CONFIGURABLE = ["USER", "SERVICE", "FIXED", "N/A"]
CHANGE = ["MODIFIED", "ADDED", "REMOVED"]
COERCION_CONDITION = ["ALWAYS", "EXTERNAL", "CONFIGURATION", "OTHER"]
EFFECT = ["ND", "LD", "NP", "LP", "OT"]
COMPRESSION_BEHAVIOR = ["AS_IS", "CONFIGURATION", "OTHER"]
AVAILABILITY = ["ONLINE", "NEARLINE", "OFFLINE", "UNAVAILABLE"]
TRANSCODING = ["SUPPORTED", "NEW_UID", "NOT_SUPPORTED"]
DEID_ACTION = ["D", "Z", "X", "K", "C", "U", "Z/D", "X/Z", "X/D", "X/Z/D", "X/Z/U*"]
DIMSE_STATUS = ["Success", "Warning", "Failure", "Refused", "Cancel", "Pending", "-"]
WEB_STATUS = ["Success", "Redirection", "Client Error", "Server Error"]
SR_FUNCTION = ["CREATE", "RENDER", "EXTRACT_DATA", "OVERLAY", "ARCHIVE"]

# Column semantics shared by every template table with that column title (case-insensitive).
COLUMN_TYPES = {
    "configurable": lambda d: e(d, CONFIGURABLE),
    "matching type": lambda d: one_or_more(d, MATCHING),
    "query value source": lambda d: one_or_more(d, QUERY_SOURCE),
    "display on ui": lambda d: e(d, DISPLAY_UI),
    "source": lambda d: one_or_more(d, SOURCE),
    "value source": lambda d: one_or_more(d, SOURCE),
    "presence of attribute": lambda d: e(d, PRESENCE),
    "presence of value": lambda d: e(d, PRESENCE),
    "presence (module)": lambda d: e(d, PRESENCE),
    "presence of content item": lambda d: e(d, PRESENCE),
    "presence": lambda d: e(d, PRESENCE),
    "usage": lambda d: e(d, FG_USAGE),
    "identifiable information": lambda d: e(d, IDENTIFIABLE),
    "type of change": lambda d: e(d, CHANGE),
    "effect": lambda d: e(d, EFFECT),
    "action": lambda d: e(d, DEID_ACTION),
    "service status": lambda d: e(d, DIMSE_STATUS),
    "encrypted": yn, "supported": yn, "support": yn, "used": yn, "scu": yn, "scp": yn,
    "security support": yn, "sender": yn, "receiver": yn, "fsc": yn, "fsr": yn, "fsu": yn,
    "user agent": yn, "origin server": yn, "required in n-create": yn, "required in n-set": yn,
    "de-identifier": yn, "re-identifier": yn, "creator/sender": yn, "consumer/receiver": yn,
}
# Columns whose meaning depends on the table (table title contains the key).
TABLE_COLUMN_TYPES = {
    ("Attribute Coercion by Storage SCP", "condition"): lambda d: e(d, COERCION_CONDITION),
    ("Image Compression by Storage SCP", "behavior"): lambda d: e(d, COMPRESSION_BEHAVIOR),
    ("Meaning of Instance Availability Values", "value"): lambda d: e(d, AVAILABILITY),
    ("Behavior on Instance Availability Values", "value"): lambda d: e(d, AVAILABILITY),
    ("Web Services Status", "status"): lambda d: e(d, WEB_STATUS),
}

def column_schema(table, col):
    d = f"\"{col['title']}\" column of Table {table['ref']} \"{table['title']}\"."
    t = col["title"].strip().lower()
    for (tt, ct), f in TABLE_COLUMN_TYPES.items():
        if tt.lower() in table["title"].lower() and ct == t:
            return f(d)
    if t == "status" and ("Status Codes" in table["title"]) and any(c["title"] == "Code" for c in table["columns"]):
        return e(d, WEB_STATUS)
    if t in COLUMN_TYPES:
        return COLUMN_TYPES[t](d)
    return {"description": d + " Text (Markdown inline).", "type": ["string", "number", "boolean"]}

# ---------------------------------------------------------------- the structured part

definitions = {}

definitions["markdown"] = md("Narrative text")

definitions["product_ref"] = obj("A product (and version) covered by this statement (cover page).", {
    "name": s("Commercial name of the product."),
    "version": s("Product version; it must correspond to the functionality described."),
    "options": arr("Optional features included in this statement.", s("An optional feature.")),
}, ["name", "version"])

definitions["remote_system"] = obj("A remote system the product talks to (Figure 1-1 Overview of Implemented Services).", {
    "name": s("System category, e.g. `PACS`, `RIS`, `Modality`."),
    "services": arr("DICOM services used between the product and this system.", s("A service, e.g. `Storage`.")),
}, ["name", "services"])

definitions["section_content"] = obj(
    "Content for one template section: narrative, explicit N/A, values for placeholders, rows of its tables, and added subsections.", {
    "text": md("Narrative of this section, placed after the template's boilerplate"),
    "na": {"description": "Marks the section not applicable (PS3.2: title gets \" - N/A\", body \"N/A\"). `true`, or a reason kept as a YAML comment for reviewers.",
           "anyOf": [{"type": "boolean"}, {"type": "string"}]},
    "fill": {"type": "object", "description": "Values for placeholders in the section's boilerplate, keyed by the placeholder text (e.g. `Reject/Overwrite/Ignore: Overwrite`).",
             "additionalProperties": {"type": "string", "description": "The value that replaces the placeholder."}},
    "added": arr("Sections the product adds; they are numbered after the template's subsections (PS3.2: added sections go at the end of their parent).",
                 obj("An added section.", {"title": s("Section title."), "text": md("Section body")}, ["title", "text"])),
})

definitions["transfer_syntax"] = obj("A Transfer Syntax.", {
    "uid": UID, "name": s("Transfer Syntax name as in PS3.6 (checked against the dictionary)."),
    "bulkdata_media_type": s("DICOM Web Service Bulkdata Media Type for this Transfer Syntax (Table 1-2), e.g. `image/jp2`."),
}, ["uid", "name"])

definitions["transfer_syntax_set"] = obj("A named set of Transfer Syntaxes (Table 1-2); SOP Classes refer to it by code. " + TS_SET_CODES_HINT, {
    "code": s("Abbreviation of the set, e.g. `U`, `LL`, `L`, `NI`, `V`, `RTV`.", pattern="^[A-Z][A-Z0-9_]*$"),
    "name": s("Name of the set, e.g. `Lossless Compressed Transfer Syntax Set`."),
    "transfer_syntaxes": arr("The Transfer Syntaxes of the set, in order of preference.", ref("transfer_syntax", "A Transfer Syntax."), minItems=1),
}, ["code", "name", "transfer_syntaxes"])

definitions["sop_class"] = obj(
    "A SOP Class the product supports, declared once: its roles on the network (per Application Entity), on the web and on media, its Transfer Syntax Sets and what the product does with its instances. Every overview table, the service-to-AE mapping and the presentation contexts are derived from this.", {
    "uid": UID, "name": s("SOP Class name as in PS3.4 / PS3.6 (checked against the dictionary)."),
    "scu": arr("Application Entities (by `name`) that support the SOP Class as SCU.", s("An Application Entity name.")),
    "scp": arr("Application Entities (by `name`) that support the SOP Class as SCP.", s("An Application Entity name.")),
    "user_agent": b("Supported as DICOMweb User Agent (UA)."),
    "origin_server": b("Supported as DICOMweb Origin Server (OS)."),
    "fsc": b("Supported as media File-Set Creator (FSC)."),
    "fsu": b("Supported as media File-Set Updater (FSU)."),
    "fsr": b("Supported as media File-Set Reader (FSR)."),
    "transfer_syntax_sets": arr("Codes of the Transfer Syntax Sets (Table 1-2) supported for this SOP Class.", s("A set code.")),
    "create": e("The product creates instances of this SOP Class: S Standard, SE Standard Extended, SP Specialized, P Private (Table 1-1).", CREATE),
    "display": b("The product displays instances of this SOP Class."),
    "process": b("The product processes instances of this SOP Class."),
    "archive": b("The product stores instances of this SOP Class and makes them available again."),
    "comment": md("Remarks on this SOP Class"),
}, ["uid", "name"])

definitions["association_parameters"] = obj("Association parameters (Table 7-1 General / Table 7-2 per AE).", {
    "application_context_name": s("Application Context Name; default 1.2.840.10008.3.1.1.1."),
    "implementation_class_uid": UID,
    "implementation_version_name": s("Implementation Version Name (at most 16 characters).", maxLength=16),
    "max_pdu_length": i("Maximum PDU length received, in bytes (0 = unlimited).", minimum=0),
    "artim_timeout": s("ARTIM timeout, e.g. `30s`."),
    "max_associations_initiator": i("Maximum number of simultaneous Associations as Association Initiator.", minimum=0),
    "max_associations_acceptor": i("Maximum number of simultaneous Associations as Association Acceptor.", minimum=0),
    "max_async_operations": i("Maximum number of outstanding asynchronous transactions.", minimum=0),
    "port": i("TCP port on which the AE accepts Associations.", minimum=1, maximum=65535),
    "file_meta_information_version": s("File Meta Information Version (media services)."),
    "max_server_connections": i("Maximum number of connections supported as server (web services).", minimum=0),
    "other": arr("Further parameters, grouped by service category.", obj("A parameter.", {
        "category": s("Service category, e.g. `Networking Services`."), "name": s("Parameter name."), "value": s("Parameter value.")}, ["name", "value"])),
})

definitions["extended_negotiation"] = obj("An Extended Negotiation item (Tables 7-3, 7-4).", {
    "sop_class": UID, "negotiation": s("The Extended Negotiation, e.g. `Relational-queries`, `Date-time matching`."),
    "support": yn("Whether the negotiation is supported."), "value": s("Requested / supported value, e.g. `<(0),1>`."),
    "group": s("Table subsection, e.g. `Query`."),
}, ["sop_class", "negotiation", "support"])

definitions["transfer_syntax_preference"] = obj("A Transfer Syntax selection preference list for a group of SOP Classes (Tables 7-5 to 7-7).", {
    "sop_classes": s("Group of SOP Classes, e.g. `Image SOP Classes`."),
    "transfer_syntaxes": arr("Transfer Syntax UIDs in order of preference.", UID, minItems=1),
    "comments": arr("Comments per Transfer Syntax, same order (optional).", s("A comment.")),
}, ["sop_classes", "transfer_syntaxes"])

definitions["activity"] = obj("A Real-World Activity of an Application Entity (Section 7.2.x.3.y initiation / 7.2.x.4.y acceptance).", {
    "name": s("Name of the activity, e.g. `Send Images`."),
    "role": e("Whether the AE initiates or accepts Associations for this activity.", ["initiator", "acceptor"]),
    "description": md("Association policies of the activity (presentation contexts proposed, when associations are opened and closed, retries)"),
    "sop_classes": arr("SOP Classes used in this activity (UIDs); their presentation contexts come from the SOP Class declarations. Omitted: every SOP Class for which the AE has the role (SCU for an initiator, SCP for an acceptor).", UID),
    "extended_negotiation": arr("Extended Negotiation requested or accepted.", ref("extended_negotiation", "An Extended Negotiation item.")),
    "role_negotiation": md("SCP/SCU Role Selection Negotiation behaviour"),
    "transfer_syntax_selection": arr("Transfer Syntax selection preference (acceptor).", ref("transfer_syntax_preference", "A preference list.")),
    "sections": {"type": "object", "description": "Content for this activity's template sections, by section key.", "properties": {}, "additionalProperties": False},
}, ["name", "role", "description"])

definitions["application_entity"] = obj("An Application Entity of the product (Sections 4.1.x and 7.2.x are repeated once per AE).", {
    "name": s("Name of the AE in this statement (used in section titles and by `scu`/`scp` references), e.g. `STORAGE-SCU`.", pattern=NAME_RE),
    "ae_title": s("Default AE Title (at most 16 characters).", maxLength=16),
    "description": md("Functional definition of the AE (Section 4.1.x)"),
    "sequencing": md("Sequencing of Real-World Activities (Section 7.2.x.1)"),
    "association": ref("association_parameters", "Association parameters of this AE (Table 7-2)."),
    "activities": arr("Real-World Activities of the AE.", ref("activity", "A Real-World Activity.")),
    "sections": {"type": "object", "description": "Content for this AE's template sections, by section key.", "properties": {}, "additionalProperties": False},
}, ["name", "description"])

definitions["finding_site"] = obj("A finding site whose measurements an SR template encodes (Annex B measurement encoding; one section each).", {
    "name": s("Finding site, e.g. `Left Ventricle`."),
    "sections": {"type": "object", "description": "Content for this finding site's sections, by section key.", "properties": {}, "additionalProperties": False},
}, ["name"])

definitions["sr_template"] = obj("A Structured Reporting root template the product supports (Table 1-3; one Annex B section each).", {
    "name": s("Template name, e.g. `Mammography CAD SR`."),
    "tid": s("Template ID, e.g. `4000` (mark an extended template `4000*`).", pattern="^[0-9]+\\*?$"),
    "functions": arr("What the product does with documents of this template.", e("A function.", SR_FUNCTION), minItems=1),
    "sop_classes": arr("SR Storage SOP Classes (UIDs) used with this template.", UID, minItems=1),
    "condition": s("Condition under which the template is used."),
    "finding_sites": arr("Finding sites with measurement encodings.", ref("finding_site", "A finding site.")),
    "sections": {"type": "object", "description": "Content for this template's Annex B sections, by section key.", "properties": {}, "additionalProperties": False},
}, ["name", "tid", "functions", "sop_classes"])

attribute_row = obj("An Attribute as the product creates it (Annex A attribute tables).", {
    "name": s("Attribute Name."), "tag": s("Tag `(gggg,eeee)`."),
    "vr": s("Value Representation (private attributes)."), "vm": s("Value Multiplicity (private attributes)."),
    "identifiable": e("Identifiable Information (private attributes).", IDENTIFIABLE),
    "source": one_or_more("Where the value comes from.", SOURCE),
    "presence_of_attribute": e("Presence of the Attribute.", PRESENCE),
    "presence_of_value": e("Presence of a Value.", PRESENCE),
    "value": s("The Value, or a description of it."), "condition": s("Condition for CONDITIONAL presence."),
    "comment": md("Comments"), "group": s("Table subsection (e.g. a sequence or module part)."),
}, ["name", "tag"])
definitions["attribute"] = attribute_row

definitions["module"] = obj("A Module (or Functional Group Macro) with the Attributes the product creates.", {
    "name": s("Module name, e.g. `Patient Module`."),
    "ie": s("Information Entity, e.g. `Patient`."),
    "presence": e("Presence of the Module.", PRESENCE),
    "usage": e("Functional Group Macro usage.", FG_USAGE),
    "condition": s("Condition of presence."),
    "reference": s("Reference, e.g. `PS3.3 C.7.1.1`."),
    "private_creator": s("Private Creator value of a private module."),
    "shared": b("The module's attribute table is in A.1 (information shared across IODs) and only referenced here."),
    "attributes": arr("The Attributes of the module.", ref("attribute", "An Attribute.")),
}, ["name"])

definitions["coded_value"] = obj("A Value or Code Set used for an Attribute (Annex A Values and Code Sets tables).", {
    "name": s("Attribute Name."), "tag": s("Tag `(gggg,eeee)`."), "value": s("Value or code, e.g. `(121311, DCM, \"Localizer\")`."),
    "condition": s("Condition."), "comment": md("Comments"),
}, ["name", "tag", "value"])

definitions["iod"] = obj("An IOD the product creates (one Annex A section each).", {
    "name": s("IOD name, e.g. `CT Image IOD`."),
    "sop_class": UID,
    "description": md("Remarks on the created instances"),
    "modules": arr("Modules of the IOD (IOD module table), each with its Attributes.", ref("module", "A Module.")),
    "functional_groups": arr("Functional Group Macros (multi-frame IODs).", ref("module", "A Functional Group Macro.")),
    "private_modules": arr("Private modules.", ref("module", "A private Module.")),
    "coded_values": arr("Values and code sets.", ref("coded_value", "A coded value.")),
    "sections": {"type": "object", "description": "Content for this IOD's Annex A sections, by section key.", "properties": {}, "additionalProperties": False},
}, ["name", "sop_class"])

definitions["mapping"] = obj("A mapping of Attributes between services (one Annex D section each).", {
    "name": s("Mapping name, e.g. `Mapping Between Modality Worklist Instances and MPPS`."),
    "description": md("Explanation of the mapping"),
    "rows": arr("Mapped Attributes (Table D-1).", obj("A mapped Attribute.", {
        "name": s("Attribute Name in Image/MPPS."), "tag": s("Tag."), "scenario": s("Scenario, e.g. `SCHEDULED`."),
        "instance_source": one_or_more("Value Source for the instance.", SOURCE), "instance_destination": s("Destination in the instance: `TOP` or a Sequence Tag."),
        "mpps_source": one_or_more("Value Source for the MPPS.", SOURCE), "mpps_destination": s("Destination in the MPPS."),
        "comment": md("Comments")}, ["name", "tag"])),
    "sections": {"type": "object", "description": "Content for this mapping's Annex D sections, by section key.", "properties": {}, "additionalProperties": False},
}, ["name"])

definitions["web_transaction"] = obj("A DICOMweb transaction the product supports (Tables 1-8 to 1-12, Section 5.3).", {
    "service": e("The DICOMweb service.", ["URI", "Studies", "Worklist", "Non-Patient Instance", "Storage Commitment", "Notification"]),
    "ae": s("The Application Entity (by `name`) that provides the transaction (Table 5-1)."),
    "transaction": s("Transaction, e.g. `Retrieve`, `Store`, `Search`, `Retrieve DICOM Instance`, `Retrieve Rendered Instance`, `Create`, `Change State`."),
    "resources": arr("Resources supported, e.g. `Study`, `Series`, `Instance`, `Frames`, `Bulkdata`, `Rendered`, `Metadata`.", s("A resource.")),
    "user_agent": b("Supported as User Agent."),
    "origin_server": b("Supported as Origin Server."),
    "media_types": arr("Media types supported, e.g. `application/dicom`, `application/dicom+json`.", s("A media type.")),
    "transfer_syntaxes": arr("Transfer Syntax UIDs supported (DICOM media types).", UID),
    "query_parameters": arr("Query parameters (Search transactions).", s("A query parameter, e.g. `PatientID`, `limit`.")),
    "description": md("Behaviour of the transaction"),
}, ["service", "transaction"])

definitions["media_profile"] = obj("A Media Storage Application Profile (Table 1-13).", {
    "profile": s("Application Profile, e.g. `STD-GEN-CD`."),
    "media": s("Media type heading the table subsection, e.g. `Compact Disk - Recordable`, `DVD`, `USB`."),
    "ae": s("The Application Entity (by `name`) that creates, reads or updates the media (Table 5-1)."),
    "fsc": b("File-Set Creator."), "fsr": b("File-Set Reader."), "fsu": b("File-Set Updater."),
}, ["profile", "media"])

definitions["deid_profile"] = obj("A de-identification profile and options (Table 1-15, Table 8-7).", {
    "profile": s("Profile, e.g. `Basic Application Level Confidentiality Profile`."),
    "options": arr("Options, e.g. `Retain Longitudinal Temporal Information Full Dates Option`.", s("An option.")),
    "ae": s("AE that applies it (Table 8-7)."),
    "de_identifier": b("Acts as de-identifier."), "re_identifier": b("Acts as re-identifier."),
    "configurable": b("The profile's behaviour is configurable."),
}, ["profile"])

definitions["character_set"] = obj("A Specific Character Set (0008,0005) the product supports (Table 1-16).", {
    "defined_term": s("Defined Term of (0008,0005), e.g. `ISO_IR 100`, `ISO 2022 IR 87`, `ISO_IR 192`."),
    "description": s("Description, e.g. `Latin alphabet No. 1`."),
}, ["defined_term"])

definitions["security_profile"] = obj("A DICOM security profile the product supports (Section 8.4).", {
    "profile": s("Profile name as in PS3.15, e.g. `BCP 195 RFC 8996 TLS Secure Transport Connection Profile`."),
    "kind": e("Which table the profile belongs to.", ["secure_use", "secure_transport", "media_storage", "digital_signature", "other"]),
    "secured_ae": s("Secured AE: `ALL` or `ALL EXCEPT <list>` (secure transport)."),
    "sender": b("Supported as sender / creator."), "receiver": b("Supported as receiver / consumer."),
    "reference": s("Reference, e.g. `PS3.15 B.9`."),
}, ["profile", "kind"])

def role_block(desc, extra=None):
    props = {"description": md("Behaviour of the product in this role, placed in its Section 5.2 subsection")}
    props.update(extra or {})
    return obj(desc, props)

qk = {}
qr_scp = {"priority": s("C-FIND/C-MOVE/C-GET priority support (PS3.4 C.4.1.1.3 / C.4.2.1.3)."),
          "relational": b("Relational queries/retrieval supported (extended negotiation)."),
          "sub_operation_sop_classes": arr("Storage SOP Classes (UIDs) of C-MOVE / C-GET sub-operations.", UID)}

definitions["dimse"] = obj("Details of the DIMSE services by service class and role (Section 5.2, 6.2, 7.3.2). The SOP Classes and their AEs are in `sop_classes`.", {
    "verification": obj("Verification Service Class.", {"scu": role_block("Verification SCU."), "scp": role_block("Verification SCP.")}),
    "worklist": obj("Basic Worklist Management Service (5.2.1).", {"scu": role_block("Modality Worklist SCU.", qk), "scp": role_block("Modality Worklist SCP.", {
        "priority": s("C-FIND priority support and what the priority levels mean (PS3.4 K.4.1.1.2).")})}),
    "mpps": obj("Modality Performed Procedure Step Service (5.2.2).", {"scu": role_block("MPPS SCU."), "scp": role_block("MPPS SCP.")}),
    "ups": obj("Unified Worklist and Procedure Step Service (5.2.3).", {"scu": role_block("UPS SCU."), "scp": role_block("UPS SCP.", {
        "priority": s("C-FIND priority support and what the priority levels mean (PS3.4 CC.2.8.1.2.2, CC.4.2.1).")})}),
    "instance_availability": obj("Instance Availability Notification Service (5.2.4).", {"scu": role_block("IAN SCU."), "scp": role_block("IAN SCP.")}),
    "storage": obj("Storage Service (5.2.5).", {
        "scu": role_block("Storage SCU."),
        "scp": role_block("Storage SCP (PS3.4 B.4.3).", {
            "level_of_support": i("Level of Conformance (Table 5-10; PS3.4 B.4.3.3): 0, 1 or 2.", minimum=0, maximum=2),
            "digital_signature_level": i("Level of Digital Signature Support (Table 5-10; PS3.4 B.4.3.3): 1, 2 or 3.", minimum=1, maximum=3),
            "element_coercion": md("Which elements may be coerced (PS3.4 B.4.3.3)"),
            "discarded_attributes": md("Which attributes are discarded (PS3.4 B.4.1.3.1)"),
            "lossy_compression": md("Whether and when the SCP applies lossy compression (PS3.4 B.4.1.3.1)"),
            "duplicate_instances": e("What happens with a duplicate SOP Instance UID.", ["Reject", "Overwrite", "Ignore"]),
        })}),
    "storage_commitment": obj("Storage Commitment Service (5.2.6).", {"scu": role_block("Storage Commitment SCU."), "scp": role_block("Storage Commitment SCP.", {
        "retention": md("How long and where committed instances are kept (PS3.4 J.3.7)")})}),
    "query_retrieve": obj("Query/Retrieve Service Class (5.2.7).", {
        "find": obj("C-FIND.", {"scu": role_block("Q/R FIND SCU.", qk), "scp": role_block("Q/R FIND SCP.", qr_scp)}),
        "move": obj("C-MOVE.", {"scu": role_block("Q/R MOVE SCU."), "scp": role_block("Q/R MOVE SCP.", qr_scp)}),
        "get": obj("C-GET.", {"scu": role_block("Q/R GET SCU."), "scp": role_block("Q/R GET SCP.", qr_scp)}),
    }),
    "print": obj("Print Management Service (5.2.8).", {"scu": role_block("Print SCU."), "scp": role_block("Print SCP.")}),
})

root_props = {
    "$schema": s("Path or URL of this schema (for editor completion through the yaml-language-server modeline)."),
    "extends": s("Path of the base statement this one extends (product families, docs/families.md), relative to this file and inside the project; this statement's facts are merged on top of the base's by identity."),
    "remove": obj("What this statement takes out of the base it `extends` (docs/families.md): each list names items by their identity.", {
        k: arr(f"Items of `{k}` to take out, by identity.", {"description": "An identity (name, UID, code), or a mapping naming it and the single roles or sets to take out.", "type": ["string", "object"]})
        for k in ["application_entities", "sop_classes", "transfer_syntax_sets", "dicomweb.transactions", "media.profiles",
                  "security.profiles", "de_identification", "iods", "sr_templates", "mappings", "character_sets", "sections"]
    }),
    "product": obj("The product this Conformance Statement describes (cover page, Section 1).", {
        "name": s("Commercial name of the product (replaces <Product> throughout).", minLength=1),
        "version": s("Product version described.", minLength=1),
        "manufacturer": s("Manufacturer."),
        "description": md("Short description of the product's DICOM functionality (Section 1 Overview)"),
        "date": s("Date of the document, `YYYY-MM-DD` (default: SOURCE_DATE_EPOCH, else omitted).", pattern="^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
        "document_id": s("Document number or identifier."),
        "covered": arr("Products/versions covered, when the statement covers several (cover page).", ref("product_ref", "A product.")),
        "remote_systems": arr("Remote systems and the services used with each (the content of Figure 1-1, printed as a list in Section 1).", ref("remote_system", "A remote system.")),
    }, ["name", "version", "description"]),
    "revision_history": arr("Revision History (Section 3.1).", obj("A revision.", {
        "revision": s("Document revision."), "date": s("Date `YYYY-MM-DD`.", pattern="^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
        "product_versions": s("Product version(s)."), "change": md("Description of the change")}, ["revision", "date", "change"])),
    "introduction": obj("Introduction (Section 3).", {
        "audience": md("Intended audience (Section 3.2); replaces the template's default text"),
        "remarks": md("Remarks (Section 3.3)"),
        "terms": arr("Product-specific terms and definitions (Section 3.4).", obj("A term.", {"term": s("Term."), "definition": md("Definition")}, ["term", "definition"])),
        "abbreviations": arr("Additional abbreviations (Section 3.5).", obj("An abbreviation.", {"abbreviation": s("Abbreviation."), "meaning": s("Meaning.")}, ["abbreviation", "meaning"])),
        "references": arr("Additional references (Section 3.6).", md("A reference")),
    }),
    "transfer_syntax_sets": arr("Transfer Syntax Sets (Table 1-2).", ref("transfer_syntax_set", "A Transfer Syntax Set.")),
    "application_entities": arr("Application Entities (Sections 4.1, 7.2).", ref("application_entity", "An Application Entity.")),
    "association": ref("association_parameters", "General Association parameters, when the same for all AEs (Table 7-1)."),
    "sop_classes": arr("Every SOP Class the product supports, in any role (network, web, media).", ref("sop_class", "A SOP Class.")),
    "sr_templates": arr("Supported SR root templates (Table 1-3, Annex B).", ref("sr_template", "An SR template.")),
    "dimse": ref("dimse", "DIMSE service details."),
    "dicomweb": obj("DICOMweb services (Sections 1.3, 5.3, 6.3).", {
        "base_url": s("Base URL pattern of the origin server, e.g. `https://<host>/dicomweb`."),
        "transactions": arr("Supported transactions.", ref("web_transaction", "A transaction.")),
    }),
    "media": obj("Media services (Sections 1.4, 5.4).", {
        "profiles": arr("Media Storage Application Profiles (Table 1-13).", ref("media_profile", "A profile.")),
    }),
    "de_identification": arr("De-identification profiles (Table 1-15).", ref("deid_profile", "A profile.")),
    "character_sets": arr("Supported Specific Character Sets (Table 1-16, Section 5.7).", ref("character_set", "A character set.")),
    "security": obj("Security (Section 8).", {
        "profiles": arr("Supported security profiles.", ref("security_profile", "A profile.")),
        "user_identity": obj("User Identity Negotiation (Section 8.5).", {
            "initiator": arr("As Association Initiator (Table 8-8).", obj("A User Identity Type.", {"type": e("User-Identity-Type.", ["1", "2", "3", "4", "5"]), "supported": b("Supported."), "value": s("Requested value / positive response requested.")}, ["type", "supported"])),
            "acceptor": arr("As Association Acceptor (Table 8-9).", obj("A User Identity Type.", {"type": e("User-Identity-Type.", ["1", "2", "3", "4", "5"]), "supported": b("Supported."), "value": s("Supported value.")}, ["type", "supported"])),
        }),
    }),
    "iods": arr("IODs the product creates (Annex A; one section each).", ref("iod", "An IOD.")),
    "shared_modules": obj("Information shared across IODs (Annex A.1).", {
        "modules": arr("Common Modules (A.1.1).", ref("module", "A Module.")),
        "functional_groups": arr("Common Functional Group Macros (A.1.2).", ref("module", "A Functional Group Macro.")),
        "private_modules": arr("Common Private Modules (A.1.3).", ref("module", "A private Module.")),
        "coded_values": arr("Coded values shared across IODs (A.1.4).", ref("coded_value", "A coded value.")),
    }),
    "mappings": arr("Attribute mappings (Annex D; one section each).", ref("mapping", "A mapping.")),
    "dictionary": obj("Entries the dictionary does not have: private SOP Classes and attributes, UIDs newer than the dictionary edition.", {
        "uids": arr("Extra UIDs.", obj("A UID.", {"uid": UID, "name": s("Name."), "type": e("UID type.", ["SOP Class", "Meta SOP Class", "Transfer Syntax", "Well-known SOP Instance", "Service Class"]),
                                                   "service_class": s("Service class of a SOP Class, e.g. `Storage`.")}, ["uid", "name", "type"])),
        "attributes": arr("Extra (private) attributes.", obj("An attribute.", {"tag": s("Tag `(gggg,eeee)`; private tags use `xx` for the element block, e.g. `(0019,xx10)`."),
                                                   "name": s("Name."), "keyword": s("Keyword."), "vr": s("VR."), "vm": s("VM."), "private_creator": s("Private Creator.")}, ["tag", "name", "vr"])),
    }),
    "sections": {"type": "object", "description": "Narrative, N/A marks and table rows of template sections, by section key (see docs/coverage.md).",
                 "properties": {}, "additionalProperties": False},
}

# ---------------------------------------------------------------- issue 12 (network): Transfer Syntaxes per activity,
# "every Storage SOP Class", "any Transfer Syntax", association parameters with default and range, "not documented".
# Kept in one block so that other additions to the format merge cleanly.

# The version of the source format: raised when a field is added (minor) or must change (major; `dcsc migrate`).
FORMAT_VERSION = "1.1"
NOT_DOCUMENTED = "not documented"

TS_POLICY = e("How Transfer Syntaxes are chosen beyond the declared sets: `sets` (only the Transfer Syntaxes of the sets, the default), "
              "`any` (as acceptor: every proposed Transfer Syntax is accepted), `as_received` (as acceptor: every proposed Transfer Syntax is "
              "accepted and instances are kept as received; as initiator: each instance is proposed in the Transfer Syntax it was received in).",
              ["sets", "any", "as_received"])

def setting(desc, scalar):
    return {"description": desc + " A value, or a mapping with the value in use, the default and the configurable range (Table 6-1 and Table 7-2).",
            "anyOf": [scalar, obj("A parameter with its default and configurable range.", {
                "value": {"type": ["string", "integer"], "description": "The value in use (when it differs from the default or no default is given)."},
                "default": {"type": ["string", "integer"], "description": "The factory default value."},
                "minimum": {"type": ["string", "integer"], "description": "Lowest configurable value (rendered `[low … high]`)."},
                "maximum": {"type": ["string", "integer"], "description": "Highest configurable value (rendered `[low … high]`)."},
                "configurable": b("The parameter can be configured (implied by a minimum or maximum)."),
                "unit": s("Unit, e.g. `s`, `bytes`."),
                "comment": s("Remark on the parameter (Table 6-1 Comments)."),
            })]}

ap = definitions["association_parameters"]["properties"]
for key in ["max_pdu_length", "artim_timeout", "max_associations_initiator", "max_associations_acceptor", "max_async_operations", "port", "max_server_connections"]:
    ap[key] = setting(ap[key]["description"], ap[key])
ap["dimse_timeout"] = setting("DIMSE timeout: how long the AE waits for a DIMSE response or request, e.g. `60s`.", s("A duration, e.g. `60s`."))
ap["network_timeout"] = setting("Network timeout: how long the AE waits for a TCP connection to open, e.g. `10s`.", s("A duration, e.g. `10s`."))
ap["idle_timeout"] = setting("Association idle timeout: after how long without activity the AE releases an association, e.g. `300s`.", s("A duration, e.g. `300s`."))

act = definitions["activity"]["properties"]
act["transfer_syntax_sets"] = arr("Transfer Syntax Set codes this activity proposes (initiator) or accepts (acceptor) for its SOP Classes; "
                                  "they replace the SOP Classes' own sets, or narrow them with `transfer_syntax_sets_mode: narrow`. "
                                  "Omitted: the SOP Classes' own sets.", s("A set code."))
act["transfer_syntax_sets_mode"] = e("`replace` (default): the activity's sets are used instead of each SOP Class's sets; `narrow`: only the sets "
                                     "a SOP Class declares and the activity lists.", ["replace", "narrow"])
act["transfer_syntax_policy"] = TS_POLICY

definitions["sop_class"]["properties"]["transfer_syntax_policy"] = TS_POLICY

root_props["every_storage_sop_class"] = obj(
    "Every Storage SOP Class of the dictionary edition dcsc uses (`dcsc --version`) in the given roles, as gateways, routers and archives "
    "claim it (PS3.4 Annex B). dcsc expands it into Table 1-1 and every other table in UID order. A SOP Class also declared in "
    "`sop_classes` keeps that declaration instead.", {
    "scu": arr("Application Entities (by `name`) that send every Storage SOP Class as SCU.", s("An Application Entity name.")),
    "scp": arr("Application Entities (by `name`) that accept every Storage SOP Class as SCP.", s("An Application Entity name.")),
    "include_retired": b("Also the retired Storage SOP Classes (default: only the current ones)."),
    "include_non_patient": b("Also the Non-Patient Object Storage SOP Classes (PS3.4 Annex GG)."),
    "exclude": arr("SOP Class UIDs left out.", UID),
    "transfer_syntax_sets": arr("Codes of the Transfer Syntax Sets (Table 1-2) for these SOP Classes.", s("A set code.")),
    "transfer_syntax_policy": TS_POLICY,
    "display": b("The product displays these instances."),
    "process": b("The product processes these instances."),
    "archive": b("The product stores these instances and makes them available again."),
    "comment": md("Remarks on these SOP Classes"),
})

def not_documented(prop):
    desc = prop["description"] + f" Write `{NOT_DOCUMENTED}` where the product's documentation does not state it (lint warns, DCS0323)."
    if prop.get("type") == "string" and "enum" not in prop:
        p = dict(prop); p["description"] = desc; return p
    scalar = {k: v for k, v in prop.items() if k != "description"}
    return {"description": desc, "anyOf": [scalar, {"type": "string", "enum": [NOT_DOCUMENTED]}]}

storage_scp = definitions["dimse"]["properties"]["storage"]["properties"]["scp"]["properties"]
for key in ["level_of_support", "digital_signature_level", "element_coercion", "discarded_attributes", "lossy_compression", "duplicate_instances"]:
    storage_scp[key] = not_documented(storage_scp[key])
# Issue 12 points 5-9 (tools/schema_details.py).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import schema_details
schema_details.extend(definitions, root_props, dict(s=s, md=md, b=b, i=i, e=e, arr=arr, obj=obj, yn=yn, one_or_more=one_or_more, ref=ref),
                      MATCHING, QUERY_SOURCE, SOURCE, PRESENCE, DISPLAY_UI, DIMSE_STATUS, UID)

# ---------------------------------------------------------------- the template part (generated)

def walk(sections, repeat=None):
    for sec in sections:
        r = sec.get("repeat") or repeat
        yield sec, r
        yield from walk(sec.get("children", []), r)

def table_rows_schema(table):
    props = {c["key"]: column_schema(table, c) for c in table["columns"]}
    props["group"] = s("Table subsection (full-width row) this row belongs to.")
    props["note"] = md("A long explanation, rendered as a footnote under the table")
    return arr(f"Rows of Table {table['ref']} \"{table['title']}\" (only supported items, PS3.2 conventions).",
               {"type": "object", "description": "A row.", "additionalProperties": False, "properties": props, "minProperties": 1})

def section_schema(sec, derived):
    sc = json.loads(json.dumps(definitions["section_content"]))
    title = sec["title"]
    sc["description"] = f"Section {sec['number'] or '(unnumbered)'} \"{title}\"."
    tables = {}
    for t in sec.get("tables", []):
        if t["key"] in derived.get(sec["key"], []):
            continue
        tables[t["key"]] = table_rows_schema(t)
    if tables:
        sc["properties"]["tables"] = {"type": "object", "description": "Rows of this section's tables, by table key.", "additionalProperties": False, "properties": tables}
    return sc

def main():
    path = sys.argv[sys.argv.index("--template") + 1] if "--template" in sys.argv else TEMPLATE
    template = json.load(open(path, encoding="utf-8"))
    derived = {k: v for k, v in json.load(open(DERIVED, encoding="utf-8")).items() if not k.startswith("_")}
    keys = {sec["key"]: {t["key"] for t in sec.get("tables", [])} for sec, _ in walk(template["sections"])}
    for k, tables in derived.items():
        assert k in keys, f"derived-tables.json names unknown section {k}"
        for t in tables: assert t in keys[k], f"derived-tables.json names unknown table {k}.{t}"
    homes = {None: root_props["sections"], "ae": definitions["application_entity"]["properties"]["sections"],
             "activity": definitions["activity"]["properties"]["sections"], "iod": definitions["iod"]["properties"]["sections"],
             "sr_template": definitions["sr_template"]["properties"]["sections"], "mapping": definitions["mapping"]["properties"]["sections"],
             "finding_site": definitions["finding_site"]["properties"]["sections"]}
    for sec, rep in walk(template["sections"]):
        home = homes[rep]
        home["properties"][sec["key"]] = section_schema(sec, derived)
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://dcsc-project.github.io/schema/dcsc.schema.json",
        "title": "dcsc DICOM Conformance Statement source",
        "x-dcsc-format-version": FORMAT_VERSION,
        "description": "One YAML source describing what a product does in DICOM; dcsc compiles it into a PS3.2 Conformance Statement. Source format version " + FORMAT_VERSION + " (docs/source-format.md). Generated by tools/gen_schema.py; do not edit.",
        "type": "object", "additionalProperties": False,
        "required": ["product"],
        "properties": root_props,
        "definitions": definitions,
    }
    text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    if "--check" in sys.argv:
        old = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        sys.exit(0 if old == text else 1)
    open(OUT, "w", encoding="utf-8").write(text)
    print(f"wrote {OUT}: {len(text)} bytes")

if __name__ == "__main__":
    main()
