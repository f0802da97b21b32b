"""Issue 12 points 5-9 for tools/gen_schema.py: author tables, key and status tables of the DIMSE role blocks,
DICOMweb search/media/reason detail and product additions, network, character-set code elements, TLS, audit trail.
Kept in its own module so that the structured part of gen_schema.py stays readable; `extend` adds these homes
to the definitions before the template part is generated (every section's content gets `added_tables`).
"""

def extend(definitions, root_props, h, MATCHING, QUERY_SOURCE, SOURCE, PRESENCE, DISPLAY_UI, DIMSE_STATUS, UID):
    s, md, b, i, e, arr, obj, yn, one_or_more, ref = (h[k] for k in ("s", "md", "b", "i", "e", "arr", "obj", "yn", "one_or_more", "ref"))

    # ---------------------------------------------------------------- point 8: author tables
    cell = {"description": "A cell (plain text; `{table:<key>}` links to a table).", "type": ["string", "number", "boolean"]}
    row = arr("A row: its cells in column order.", cell, minItems=1)
    definitions["author_table"] = obj(
        "A table the product adds to this section (caption, columns, rows, footnotes). It is numbered in sequence with the "
        "template's tables of the same major section; `{table:<key>}` in any narrative or cell links to it.", {
        "key": s("Name used to refer to the table as `{table:<key>}` (unique in the statement).", pattern="^[a-z][a-z0-9_]*$"),
        "caption": s("Table title, printed after its number (`Table 7-12 <caption>`).", minLength=1),
        "columns": arr("Column titles.", s("A column title."), minItems=1, maxItems=16),
        "rows": arr("Body rows (each with as many cells as there are columns).", row, minItems=1),
        "footnotes": arr("Notes printed under the table.", md("A note")),
    }, ["caption", "columns", "rows"])
    tables = arr("Tables the product adds to this section, after its narrative.", ref("author_table", "An author table."))
    sc = definitions["section_content"]["properties"]
    sc["added_tables"] = tables
    sc["added"]["items"]["properties"]["tables"] = arr("Tables of the added section, after its text.", ref("author_table", "An author table."))

    # ---------------------------------------------------------------- point 5: key and attribute tables
    definitions["key_attribute"] = obj("A key or attribute of the table. Write sequence nesting as in PS3.4 (`>` or `>>` before the name or tag).", {
        "name": s("Attribute Name, e.g. `Patient's Name` or `>Scheduled Station AE Title`."),
        "tag": s("Tag `(gggg,eeee)` (nested items may start with `>`)."),
        "vr": s("Value Representation (prints a VR column)."),
        "matching_key": yn("Used as a Matching Key (prints a Matching Key column)."),
        "return_key": yn("Returned as a Return Key (prints a Return Key column)."),
        "matching_type": one_or_more("Matching types supported for this key (PS3.4 C.2.2.2).", MATCHING),
        "query_value_source": one_or_more("Where the SCU takes the query value from.", QUERY_SOURCE),
        "source": one_or_more("Where the value comes from (N-CREATE/N-SET, IAN).", SOURCE),
        "presence": e("Presence of the attribute / value (IAN, MPPS).", PRESENCE),
        "value": s("The value, or a description of it."),
        "n_create": s("Value or behaviour in N-CREATE (MPPS), e.g. `from MWL`, `Required`, `empty`."),
        "n_set": s("Value or behaviour in N-SET (MPPS)."),
        "display_on_ui": e("Displayed on the user interface (D displayed, C configurable, N not).", DISPLAY_UI),
        "comments": s("Comments."),
    }, ["name", "tag"])
    definitions["key_table"] = obj(
        "Keys or attributes of one operation: a Q/R information model and level (C-FIND keys, C-MOVE/C-GET identifiers), the "
        "Worklist keys, MPPS N-CREATE/N-SET attributes, IAN N-CREATE attributes. Printed as a table in the role's Section 5.2 "
        "subsection; a column is printed when any attribute gives it.", {
        "model": s("Information model, e.g. `Patient Root`, `Study Root`, `Patient/Study Only`, `Composite Instance Root`, `Modality Worklist`."),
        "level": s("Query/Retrieve level, e.g. `PATIENT`, `STUDY`, `SERIES`, `IMAGE`, `FRAME`."),
        "operation": s("DIMSE operation, e.g. `C-FIND`, `C-MOVE`, `C-GET`, `N-CREATE`, `N-SET` (default: the service's main operation)."),
        "title": s("Table title, when the generated one does not fit."),
        "comment": md("Explanation printed before the table"),
        "attributes": arr("The keys or attributes, in the order they are printed.", ref("key_attribute", "A key or attribute."), minItems=1),
    }, ["attributes"])
    key_tables = arr("Key and attribute tables of this role (Section 5.2).", ref("key_table", "A key table."))
    status_row = obj("A status code the operation returns or handles (PS3.7 Annex C).", {
        "status": e("Service Status.", DIMSE_STATUS),
        "meaning": s("Further Meaning, e.g. `Refused: Out of Resources`."),
        "code": s("Status code or range, e.g. `0000`, `A7xx`, `Cxxx` (x: any hex digit, PS3.4 §5.3)."),
        "behavior": md("Behavior (SCU) or the condition under which it is returned (SCP)"),
    }, ["status", "code"])
    status = arr("Status codes of this operation (Section 7.3.2; the template has no table for it).", status_row)
    other = md("What the product does with any other status code (printed as the table's last row)")
    dimse = definitions["dimse"]["properties"]
    def roles(service_obj):
        for side in ("scu", "scp"):
            yield service_obj["properties"][side]
    for name, svc in dimse.items():
        blocks = [svc] if name != "query_retrieve" else list(svc["properties"].values())
        for block in blocks:
            for role in roles(block):
                role["properties"]["key_tables"] = key_tables
    for role in list(roles(dimse["verification"])) + list(roles(dimse["query_retrieve"]["properties"]["get"])):
        role["properties"]["status_codes"] = status
        role["properties"]["other_status_codes"] = other

    # ---------------------------------------------------------------- points 6, 7: DICOMweb
    wt = definitions["web_transaction"]["properties"]
    wt["media_types"] = arr("Media types supported, with their transfer-syntax parameter where it matters (PS3.18 §8.7.3).",
        s("A media type as in an Accept header, e.g. `application/dicom+json`, `application/dicom; transfer-syntax=1.2.840.10008.1.2.4.90`, `image/jpeg`."))
    search_attr = obj("A searchable attribute (Section 5.3 Query / Return Key tables).", {
        "name": s("Attribute Name."), "tag": s("Tag `(gggg,eeee)`."),
        "matching_type": one_or_more("Matching types (PS3.18 §8.3.4; PS3.4 C.2.2.2).", MATCHING),
        "fuzzy": b("Fuzzy matching applies to this attribute (`fuzzymatching=true`, PS3.18 §8.3.4.1)."),
        "comments": s("Comments."),
    }, ["name", "tag"])
    wt["search"] = arr("Search detail per resource level (QIDO-RS Search, UPS-RS Search): searchable attributes, default return attributes and those `includefield` adds.",
        obj("A search level.", {
            "level": s("Resource level, e.g. `Study`, `Series`, `Instance`, `Workitem`."),
            "attributes": arr("Searchable attributes with their matching types.", search_attr),
            "default_return": arr("Attributes returned by default (names or tags).", s("An attribute.")),
            "includefield": arr("Attributes added by `includefield` (names or tags; `all` for every attribute).", s("An attribute.")),
        }, ["level"]))
    wt["default_transfer_syntax"] = dict(UID, description="Transfer Syntax UID returned when the request names none (PS3.18 §8.7.3.5).")
    wt["transcode_from"] = arr("Transfer Syntax UIDs the origin server can transcode from (stored syntaxes it converts on request; distinct from those it supports).", UID)
    reason = obj("A reason code.", {"code": s("Four hexadecimal digits, e.g. `0110`, `A700`, `B000`."), "meaning": s("What it means in this product.")}, ["code", "meaning"])
    wt["failure_reasons"] = arr("Failure Reason (0008,1197) values the origin server returns (PS3.18 §10.5.3).", reason)
    wt["warning_reasons"] = arr("Warning Reason (0008,1196) values the origin server returns (PS3.18 §10.5.3).", reason)
    http = obj("An HTTP status code.", {"code": i("HTTP status code.", minimum=100, maximum=599), "status": s("Class, e.g. `Success`, `Client Error`."),
                                        "meaning": s("When it is returned.")}, ["code", "meaning"])
    definitions["web_addition"] = obj("A transaction the product offers beyond PS3.18 (a product addition, printed in its own section after the standard ones).", {
        "service": e("The DICOMweb service it extends.", ["URI", "Studies", "Worklist", "Non-Patient Instance", "Storage Commitment", "Notification"]),
        "name": s("Name, e.g. `Delete Study`."),
        "method": e("HTTP method.", ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"]),
        "path": s("Resource path, e.g. `/studies/{study}`."),
        "description": md("What it does"),
        "http_status": arr("HTTP status codes it returns.", http),
    }, ["service", "name", "method", "path", "description"])
    root_props["dicomweb"]["properties"]["additions"] = arr("Non-standard transactions (product additions).", ref("web_addition", "A product addition."))

    # ---------------------------------------------------------------- point 9: network, character sets, TLS, audit trail
    root_props["network"] = obj("Physical network interfaces and additional protocols (Section 8.2; Annex C.1).", {
        "interfaces": arr("Physical network interfaces.", obj("A network interface.", {
            "name": s("Interface, e.g. `eth0`."), "type": s("Type, e.g. `Ethernet 100/1000BASE-T`."), "description": s("Remarks.")}, ["name", "type"])),
        "ipv4": b("IPv4 supported."), "ipv6": b("IPv6 supported."),
        "protocols": arr("Additional protocols (DHCP, DNS, NTP, LDAP, …).", obj("A protocol.", {
            "protocol": s("Protocol, e.g. `DHCP`, `DNS`, `NTP`, `LDAP`, `IPv6`."), "role": s("Role, e.g. `client`."),
            "rfcs": arr("RFCs.", s("An RFC, e.g. `RFC 2131`.")), "description": s("How the product uses it.")}, ["protocol"])),
    })
    cs = definitions["character_set"]["properties"]
    cs["code_elements"] = arr("Code elements of an ISO 2022 set (PS3.3 Tables C.12-3, C.12-4).", obj("A code element.", {
        "element": e("Code element.", ["G0", "G1", "G2", "G3"]),
        "escape_sequence": s("Escape sequence, e.g. `ESC 2/4 4/2`."),
        "iso_registration": s("ISO registration number, e.g. `ISO-IR 87`."),
        "character_set": s("Character set, e.g. `JIS X 0208: Kanji`.")}, ["element", "escape_sequence"]))
    sec = root_props["security"]["properties"]
    sec["tls"] = obj("TLS of the secure transport connection (Annex C.2.5).", {
        "versions": arr("TLS versions, e.g. `TLS 1.2`, `TLS 1.3`.", s("A version.")),
        "cipher_suites": arr("Cipher suites, in order of preference.", obj("A cipher suite.", {
            "name": s("IANA name, e.g. `TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`."), "profile": s("Secure Transport Connection Profile it belongs to.")}, ["name"])),
        "certificate_validation": md("How peer certificates are validated (trust store, revocation, host name)"),
        "client_certificates": b("Client certificates are required (mutual TLS)."),
    })
    sec["audit_trail"] = obj("Audit trail messages and their transport (Annex C.2.2-C.2.4; PS3.15 A.5).", {
        "messages": arr("Audit messages sent.", obj("An audit message.", {
            "message": s("Message, e.g. `DICOM Instances Accessed`."), "triggers": arr("What triggers it.", s("A trigger.")), "comment": s("Comments.")}, ["message"])),
        "transport": arr("Transport profiles, e.g. `SYSLOG-TLS`, `SYSLOG-UDP`.", s("A transport.")),
        "collector": s("Where messages go (configurable audit record repository)."),
    })
