#!/usr/bin/env python3
"""Writes docs/rules/<id>.md for every diagnostic id of the catalogue, and docs/rules/README.md.

Each page: what the rule checks, why (with its PS3.x citation), a failing and a passing example, how to fix, how
to configure it. The examples are complete statements; tests/Dcsc.Tests/Rules/RuleDocsTests.cs lints every
```yaml example and checks that the failing one reports the id and the passing one does not.
The "Reports" line under a failing example is the real output of `dcsc lint`, captured when the page is written.

Run from the repository root after `dotnet build`:  python3 tools/gen_rule_docs.py
`--check` writes nothing and exits 1 when a page or the index differs from what it would write
(tests/Dcsc.Tests/Rules/RuleDocsTests.cs runs it).
"""
import glob, json, os, re, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rule_doc_bases import *  # noqa: F401,F403

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "docs", "rules")
CATALOGUE = sorted(glob.glob(os.path.join(ROOT, "src/Dcsc.Core/Diagnostics", "DiagnosticCatalogue*.cs")))  # one file per stage
CLI = os.path.join(ROOT, "src/Dcsc.Cli/bin/Debug/net10.0/dcsc.dll")
if "--cli" in sys.argv:  # the test passes the dcsc.dll it was built with
    CLI = os.path.abspath(sys.argv[sys.argv.index("--cli") + 1])


def R(base, *pairs):
    """base with each (old, new) replaced exactly once (fails loudly when old is not there)."""
    s = base
    for old, new in pairs:
        assert s.count(old) >= 1, f"not in base: {old!r}"
        s = s.replace(old, new, 1)
    return s


def A(base, text):
    """base with text appended."""
    return base + text


D = {}  # id -> dict(what, why, fix, fail, ok, fail_lang, ok_lang)


def rule(id, what, why, fix, fail, ok, fail_lang="yaml", ok_lang="yaml"):
    D[id] = dict(what=what, why=why, fix=fix, fail=fail, ok=ok, fail_lang=fail_lang, ok_lang=ok_lang)


# ----------------------------------------------------------------------------------------------- source and schema
BAD_YAML = 'product: [\n  name: x\n'
rule("DCS0001", "The statement file (or a file it includes) cannot be opened or read.",
     "dcsc needs the source to do anything; the diagnostic names the file and the operating system's reason.",
     "Check the path and the file permissions.",
     "$ dcsc lint missing.yaml\nmissing.yaml: error DCS0001: file cannot be read: Could not find file …", "$ dcsc lint statement.yaml", "text", "text")
rule("DCS0002", "The text is not valid YAML (YAML 1.2 syntax).",
     "The statement is a YAML document; nothing can be checked until it parses.",
     "Fix the syntax at the reported line and column (unclosed brackets and quotes, bad indentation, tabs).",
     BAD_YAML, ECHO)
rule("DCS0003", "The file is not valid UTF-8 text: it has NUL bytes, invalid byte sequences or looks binary.",
     "Statements are text under version control; binary content is almost always the wrong file.",
     "Save the file as UTF-8 text.", "(a file with NUL bytes, e.g. a .docx renamed to .yaml)", ECHO, "text")
rule("DCS0004", "YAML aliases expand to more nodes than the loader allows (the 'billion laughs' pattern).",
     "Alias bombs make a small file expand to gigabytes; the loader stops them before they exhaust memory.",
     "Use fewer nested aliases, or write the content out.",
     "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n# … repeated until the expansion exceeds the limit", ECHO, "text")
rule("DCS0005", "Mappings and lists are nested deeper than the loader allows.",
     "No statement needs hundreds of levels; very deep nesting is a mistake or an attack on the parser.",
     "Flatten the structure.", "a: [[[[[[[[[[ … hundreds of levels … ]]]]]]]]]]", ECHO, "text")
rule("DCS0006", "A file is larger than the size limit of the loader.",
     "Statements are a few hundred kilobytes at most; a huge file is almost always the wrong file.",
     "Split the statement with `!include`, or check that the right file is given.", "$ dcsc lint huge.yaml\nhuge.yaml: error DCS0006: …", "$ dcsc lint statement.yaml", "text", "text")
rule("DCS0007", "A mapping has the same key twice.",
     "YAML parsers silently keep one of the values; the other is lost without a trace.",
     "Remove or rename one of the keys.",
     R(ECHO, ('  version: "1.0"\n', '  version: "1.0"\n  version: "1.1"\n')), ECHO)
rule("DCS0008", "An `!include` names a file that does not exist or cannot be read.",
     "Included files are part of the statement.", "Fix the path (relative to the including file).",
     "sop_classes: !include sop-classes.yaml   # the file does not exist", "sop_classes: !include sop-classes.yaml   # the file exists", "text", "text")
rule("DCS0009", "An `!include` points outside the project root.",
     "A statement must be buildable from its own repository; includes from elsewhere make builds irreproducible.",
     "Move the file into the project.", "sop_classes: !include ../../elsewhere/sop.yaml", "sop_classes: !include parts/sop.yaml", "text", "text")
rule("DCS0010", "Files include each other in a cycle.", "A cycle never ends.", "Break the cycle.",
     "# a.yaml\nx: !include b.yaml\n# b.yaml\ny: !include a.yaml", "# a.yaml\nx: !include b.yaml\n# b.yaml\ny: 1", "text", "text")
rule("DCS0011", "The statement is empty.", "A statement needs at least a `product`.", "Write the statement.",
     "# nothing yet\n", ECHO)
rule("DCS0012", "A file has more than one YAML document (`---` separators).",
     "A statement is one document; a second one would be ignored.", "Remove the extra `---` documents or move them to their own file.",
     ECHO + "---\nproduct:\n  name: Other\n", ECHO)
rule("DCS0013", "A YAML tag other than `!include` is used.",
     "Tags such as `!!python/object` change how values are read and are never needed in a statement.",
     "Remove the tag.", R(ECHO, ("  name: Acme Echo\n", "  name: !secret Acme Echo\n")), ECHO)
rule("DCS0014", "`extends:` names a base statement that cannot be used: an absolute path, a path outside the project folder, a file that does not exist, a cycle (A extends B extends A), a chain of more than 8 statements; or `remove:` is given without `extends:` or names something it cannot take out.",
     "A product family must build from its own repository, and every merge must end (docs/families.md).",
     "Name the base relative to the statement, inside the project; break the cycle.",
     "extends: /etc/passwd\nproduct:\n  name: Acme Branded\n", "$ dcsc lint product.yaml   # extends: base.yaml, next to it", "text", "text")
rule("DCS0015", "An item of `remove:` names something the base statement does not have (a warning).",
     "A stale `remove` hides a mistake: the base was renamed, or the product removes the wrong thing (docs/families.md).",
     "Correct the name, or delete the item.",
     "extends: base.yaml\nremove:\n  application_entities: [FAX]   # base.yaml has no FAX AE", "extends: base.yaml\nremove:\n  application_entities: [PRINT]   # base.yaml has a PRINT AE", "text", "text")
rule("DCS0050", "A value has the wrong type (text where a list is expected, a list where a number is expected, …).",
     "The schema (schema/dcsc.schema.json) defines what a statement can say.", "Write the value with the type the message names.",
     R(ECHO, ("    scu: [ECHO]\n", "    scu: {ae: ECHO}\n")), ECHO)
rule("DCS0051", "A key is not part of the schema at that place (often a typo).",
     "Unknown keys would be silently ignored and the information lost.", "Fix the spelling (the message suggests the nearest key) or remove the key.",
     R(ECHO, ("    scu: [ECHO]\n", "    scus: [ECHO]\n")), ECHO)
rule("DCS0052", "A required key is missing.", "The schema marks what every statement must say (e.g. `product.name`).",
     "Add the key.", R(ECHO, ("  description: Answers C-ECHO.\n", "")), ECHO)
rule("DCS0053", "A value is not one of the allowed values.", "Enumerated values (e.g. `create: S | SE | SP | P`) come from the PS3.2 template.",
     "Use one of the values the message lists.", R(STORE_SCU, ("    create: S\n", "    create: X\n")), STORE_SCU)
rule("DCS0054", "A value does not have the required form (a pattern), e.g. a date that is not YYYY-MM-DD.",
     "Forms such as UIDs, dates and set codes are fixed by DICOM and the template.", "Write the value in the form the message shows.",
     R(ECHO, ("  description: Answers C-ECHO.\n", "  description: Answers C-ECHO.\n  date: 01.02.2025\n")), R(ECHO, ("  description: Answers C-ECHO.\n", "  description: Answers C-ECHO.\n  date: 2025-02-01\n")))
rule("DCS0055", "A number is out of range (e.g. a port 0 or 70000, a Level of Storage Support 3).",
     "The ranges come from DICOM (PS3.4 B.4.1.1 levels 0-2) and TCP (ports 1-65535).", "Use a value inside the range.",
     R(STORE_SCP, ("      port: 104\n", "      port: 0\n")), STORE_SCP)
rule("DCS0056", "A text or list is too long or too short (e.g. an AE Title of more than 16 characters).",
     "PS3.5 limits AE values to 16 characters; the schema requires non-empty names and lists.", "Shorten or fill in the value.",
     R(ECHO, ("ae_title: ACME_ECHO", "ae_title: ACME_ECHO_VERIFICATION")), ECHO)
rule("DCS0057", "A value is not valid against the schema in a way none of the more specific ids describes.",
     "Catch-all for schema errors.", "Read the message; compare with the schema description of the key.",
     "(rare: reported only for schema constructs that have no specific id)", ECHO, "text")
rule("DCS0058", "A list that must not repeat items lists the same item twice.", "Repeated items are a copy-paste mistake.",
     "Remove the repeated item.", "(a list declared unique in the schema with a repeated item)", ECHO, "text")

# ----------------------------------------------------------------------------------------------- UIDs
rule("DCS0101", "Every UID the statement gives (SOP Classes, Transfer Syntaxes, activity, IOD and sub-operation SOP Classes, Implementation Class UID, `dictionary.uids`, table cells) is well formed.",
     "PS3.5 §9.1: a UID has at most 64 characters, only digits and dots, no empty component and no leading zero in a component.",
     "Correct the UID; copy it from PS3.6 or from the product's own UID root.",
     R(ECHO, ("  - uid: 1.2.840.10008.1.1\n", "  - uid: 1.2.840.10008.01.1\n")), ECHO)
rule("DCS0102", "A UID under the DICOM root `1.2.840.10008` that the dictionary does not know (a typo, or a UID newer than the dictionary edition). It is a warning, not an error.",
     "All UIDs under the DICOM root are registered in PS3.6; an unknown one is a typo or newer than the edition dcsc ships (`dcsc --version` shows it).",
     "Check the UID against PS3.6. If it is newer than the edition, declare it in `dictionary.uids` with its name and type.",
     R(STORE_SCU, ("  - uid: 1.2.840.10008.5.1.4.1.1.2\n", "  - uid: 1.2.840.10008.5.1.4.1.1.999\n"), ("    sop_class: 1.2.840.10008.5.1.4.1.1.2\n", "    sop_class: 1.2.840.10008.5.1.4.1.1.999\n"),
       ("sop_classes: [1.2.840.10008.5.1.4.1.1.2]", "sop_classes: [1.2.840.10008.5.1.4.1.1.999]")),
     A(R(STORE_SCU, ("  - uid: 1.2.840.10008.5.1.4.1.1.2\n    name: CT Image Storage", "  - uid: 1.2.840.10008.5.1.4.1.1.999\n    name: Future Image Storage"), ("    sop_class: 1.2.840.10008.5.1.4.1.1.2\n", "    sop_class: 1.2.840.10008.5.1.4.1.1.999\n"),
       ("sop_classes: [1.2.840.10008.5.1.4.1.1.2]", "sop_classes: [1.2.840.10008.5.1.4.1.1.999]")),
       "dictionary:\n  uids:\n    - uid: 1.2.840.10008.5.1.4.1.1.999\n      name: Future Image Storage\n      type: SOP Class\n      service_class: Storage\n"))
rule("DCS0103", "A declared SOP Class or Transfer Syntax is retired in the dictionary edition (a warning).",
     "PS3.4 B.6: retired SOP Classes may still be used, but \"new implementations are strongly encouraged to implement the newer SOP Classes\"; retired Transfer Syntaxes (PS3.5 Annex A) are no longer maintained.",
     "Use the current SOP Class or Transfer Syntax, or turn the rule off for a product that must keep the retired one.",
     R(ECHO, ("      - uid: 1.2.840.10008.1.2\n        name: Implicit VR Little Endian\n", "      - uid: 1.2.840.10008.1.2.2\n        name: Explicit VR Big Endian\n")), ECHO)
rule("DCS0104", "The name given with a UID is the dictionary's name of that UID (compared ignoring case, punctuation, \"Query/Retrieve\" vs \"Q/R\" and a trailing \" SOP Class\").",
     "PS3.4 and PS3.6 name every SOP Class and Transfer Syntax; a hand-written statement where the name says one thing and the UID another is the most common small lie (PS3.2 requires the SOP Class Name and UID to identify the same class).",
     "Correct the UID or the name; the message shows the dictionary's name, and which UID the given name belongs to.",
     R(STORE_SCU, ("    name: CT Image Storage\n", "    name: MR Image Storage\n")), STORE_SCU)
rule("DCS0105", "A UID of the wrong kind for its place: a Transfer Syntax where a SOP Class is expected (or the reverse), a well-known SOP Instance or a Service Class claimed as a SOP Class.",
     "PS3.4 B.3.1.3: the Storage Service Class UID 1.2.840.10008.4.2 appears only in SOP Class Common Extended Negotiation. Well-known SOP Instances (PS3.4 J.3.5, H.4.6.5, CC.3.1.2) are never abstract syntaxes.",
     "Use the SOP Class UID (e.g. Storage Commitment Push Model SOP Class 1.2.840.10008.1.20.1, not its SOP Instance 1.2.840.10008.1.20.1.1).",
     R(ECHO, ("  - uid: 1.2.840.10008.1.1\n    name: Verification\n", "  - uid: 1.2.840.10008.1.20.1.1\n    name: Storage Commitment Push Model SOP Instance\n")), ECHO)
rule("DCS0106", "A SOP Class of the wrong service in a place that takes only some: IODs, SR templates, C-MOVE/C-GET sub-operations, the create/display/process/archive functions and the media roles (FSC/FSR/FSU) take Storage SOP Classes; Print tables take Print Management SOP Classes.",
     "PS3.4 I.4 (media SOP Classes come from the Storage tables), C.6.2.2.2.2 (sub-operations are C-STORE of Storage SOP Classes), PS3.2 Table 1-1 (functions of Storage SOP Classes).",
     "Use a Storage SOP Class there, or move the claim to the place for its service.",
     R(ECHO, ("    scp: [ECHO]\n", "    scp: [ECHO]\n    fsr: true\n")), ECHO)

# ----------------------------------------------------------------------------------------------- attributes
ATTR_OK = STORE_SCU
rule("DCS0201", "A tag is written in a form that is not `(gggg,eeee)` with four hexadecimal digits each (`gggg,eeee` and `ggggeeee` are accepted too).",
     "PS3.5 §7.1: a Data Element Tag is an ordered pair of 16-bit numbers.", "Write the tag as `(0010,0010)`.",
     R(ATTR_OK, ("tag: (0010,0010)", "tag: (0010,00G0)")), ATTR_OK)
rule("DCS0202", "A public (even group) tag that is not in the dictionary edition, wherever a tag appears: IOD module attributes, coded values, mapping rows and every template table row with a `tag` column.",
     "PS3.6 lists every public Data Element; an unknown public tag is a typo (or newer than the edition shown by `dcsc --version`).",
     "Correct the tag, or declare it in `dictionary.attributes` when it is newer than the edition.",
     R(ATTR_OK, ("tag: (0010,0010)", "tag: (0010,0011)")), ATTR_OK)
rule("DCS0203", "The attribute name given with a tag is the dictionary name or keyword of that tag (ignoring case, punctuation and leading `>` sequence markers).",
     "PS3.6 names every Data Element; a row whose name and tag disagree tells the reader two different things.",
     "Correct the tag or the name; the message gives the dictionary name and keyword.",
     R(ATTR_OK, ("name: Patient's Name", "name: Patient ID")), ATTR_OK)
rule("DCS0204", "A VR stated for an attribute (private module tables, `vr` columns) differs from the dictionary's VR.",
     "PS3.6 fixes the VR of every public attribute (PS3.5 §6.2); a wrong VR in the statement misleads receivers that parse Implicit VR data.",
     "State the dictionary VR (for `OB or OW` style entries any of them).",
     R(ATTR_OK, ("            source: MWL\n", "            source: MWL\n            vr: LO\n")), R(ATTR_OK, ("            source: MWL\n", "            source: MWL\n            vr: PN\n")))
rule("DCS0205", "A VM stated for an attribute differs from the dictionary's VM.",
     "PS3.6 fixes the Value Multiplicity of every public attribute.", "State the dictionary VM (e.g. `1`, `1-n`, `2-2n`).",
     R(ATTR_OK, ("            source: MWL\n", "            source: MWL\n            vm: 1-n\n")), R(ATTR_OK, ("            source: MWL\n", "            source: MWL\n            vm: \"1\"\n")))
PRIV = R(ATTR_OK, ('''            source: MWL
''', '''            source: MWL
    private_modules:
      - name: Acme Private Module
        private_creator: ACME CT 1.0
        attributes:
          - name: Acme Scan Mode
            tag: (0019,1010)
            vr: CS
            vm: "1"
            source: GENERATED
'''))
rule("DCS0206", "A private attribute (odd group) without its Private Creator: its module has no `private_creator` and no `dictionary.attributes` entry names one.",
     "PS3.5 §7.8.1: private Data Elements are reserved by a Private Creator Data Element; without it the element cannot be interpreted.",
     "Give the module a `private_creator`, or declare the attribute with `private_creator` in `dictionary.attributes`.",
     R(PRIV, ("        private_creator: ACME CT 1.0\n", "")), PRIV)

# ----------------------------------------------------------------------------------------------- consistency
rule("DCS0301", "Every Application Entity named by a SOP Class (`scu`, `scp`), a de-identification profile (`ae`) or a security profile (`secured_ae`) is declared in `application_entities`.",
     "The per-AE sections of PS3.2 (4.1.x, 7.2.x) are generated from the declared AEs; a reference to an undeclared AE would describe an AE that does not exist.",
     "Declare the AE, or fix the name.", R(ECHO, ("    scp: [ECHO]\n", "    scp: [ECH0]\n")), ECHO)
rule("DCS0302", "Every Transfer Syntax Set code a SOP Class names is declared in `transfer_syntax_sets`.",
     "PS3.2 Table 1-2 lists the sets; a SOP Class pointing at a missing set has no Transfer Syntaxes.",
     "Declare the set or fix the code.", R(ECHO, ("    transfer_syntax_sets: [U]\n", "    transfer_syntax_sets: [LL]\n")), ECHO)
rule("DCS0303", "Every SOP Class an activity uses (or negotiates) is declared in `sop_classes`.",
     "Presentation contexts of an activity are derived from the SOP Class declarations (PS3.2 Section 7.2); an undeclared one has no roles or Transfer Syntaxes.",
     "Declare the SOP Class, or fix the UID.",
     R(STORE_SCU, ("sop_classes: [1.2.840.10008.5.1.4.1.1.2]", "sop_classes: [1.2.840.10008.5.1.4.1.1.2, 1.2.840.10008.5.1.4.1.1.4]")), STORE_SCU)
rule("DCS0304", "The SOP Class of every IOD in Annex A (`iods[].sop_class`) is declared in `sop_classes`.",
     "Annex A documents instances the product creates; their SOP Class must be one the product supports.",
     "Declare the SOP Class or fix the UID.", R(STORE_SCU, ("    sop_class: 1.2.840.10008.5.1.4.1.1.2\n", "    sop_class: 1.2.840.10008.5.1.4.1.1.4\n")), STORE_SCU)
rule("DCS0305", "Every declared Application Entity supports at least one SOP Class (a warning).",
     "An AE with no SOP Class gets empty sections 4.1.x and 7.2.x.", "List the AE under `scu`/`scp` of its SOP Classes, or remove it.",
     R(ECHO, ("sop_classes:\n", "  - name: SPARE\n    description: Not used.\nsop_classes:\n")), ECHO)
rule("DCS0306", "Every declared Transfer Syntax Set is used by a SOP Class (a warning).",
     "An unused set adds rows to Table 1-2 that no SOP Class refers to.", "Use the set or remove it.",
     R(ECHO, ("application_entities:\n", "  - code: V\n    name: Video\n    transfer_syntaxes:\n      - uid: 1.2.840.10008.1.2.4.102\n        name: MPEG-4 AVC/H.264 High Profile / Level 4.1\napplication_entities:\n")), ECHO)
rule("DCS0307", "Application Entity names are unique.", "Names identify AEs in section titles and `scu`/`scp` references.",
     "Rename one of them.", R(ECHO, ("sop_classes:\n", "  - name: ECHO\n    ae_title: ACME_ECHO2\n    description: Second.\nsop_classes:\n")), ECHO)
ECHO_PDU = R(ECHO, ("    description: Verifies connectivity.\n", "    description: Verifies connectivity.\n    association:\n      max_pdu_length: 65536\n"))
rule("DCS0308", "Several functional AEs may share one AE Title (and port) — one process answering several services — but then they must not claim conflicting things: different ports, maximum PDU lengths or Implementation Class UIDs / Version Names, or different Transfer Syntaxes for a SOP Class both accept (a warning).",
     "An association is negotiated with one AE Title (PS3.7 §D.3.3.4, PS3.8 §9.3.2): the acceptor behind it can state only one maximum PDU length, one implementation and one answer per presentation context. PS3.2 Section 4.1 documents functional AEs; Table 6-1 shows which share a title.",
     "Make the shared values agree, or give the AEs their own AE Titles.",
     R(ECHO_PDU, ("sop_classes:\n", "  - name: ECHO2\n    ae_title: ACME_ECHO\n    description: Second.\n    association:\n      max_pdu_length: 16384\nsop_classes:\n"), ("    scu: [ECHO]\n", "    scu: [ECHO, ECHO2]\n")),
     R(ECHO_PDU, ("sop_classes:\n", "  - name: ECHO2\n    ae_title: ACME_ECHO\n    description: Second.\n    association:\n      max_pdu_length: 65536\nsop_classes:\n"), ("    scu: [ECHO]\n", "    scu: [ECHO, ECHO2]\n")))
rule("DCS0316", "`transfer_syntax_policy: any` is an acceptor's policy: it says which proposed Transfer Syntaxes are accepted. On an initiator activity, or on a SOP Class (or `every_storage_sop_class`) without an acceptor role, it says nothing (a warning).",
     "PS3.2 7.2.x.3.y lists what an initiator proposes; PS3.8 §9.3.2.2 lets the acceptor choose. A sender that forwards instances unchanged proposes each in the Transfer Syntax it was received in: that is `as_received`.",
     "Write `as_received` for a forwarding initiator, or list `transfer_syntax_sets`.",
     R(STORE_SCU, ("        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n", "        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n        transfer_syntax_policy: any\n")),
     R(STORE_SCU, ("        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n", "        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n        transfer_syntax_policy: as_received\n")))
EVERY = R(STORE_SCP, ("sop_classes:\n", "every_storage_sop_class:\n  scp: [STORE-SCP]\n  transfer_syntax_sets: [U]\n  comment: Instances are stored, not displayed.\n  exclude: [1.2.840.10008.5.1.4.1.1.4]\nsop_classes:\n"))
rule("DCS0317", "Every UID under `every_storage_sop_class.exclude` is one of the Storage SOP Classes the declaration expands to (a warning).",
     "An exclusion that matches nothing is a typo or a SOP Class of another service; the statement would claim a SOP Class the author meant to leave out.",
     "Fix the UID, or remove the exclusion.", R(EVERY, ("  exclude: [1.2.840.10008.5.1.4.1.1.4]\n", "  exclude: [1.2.840.10008.1.1]\n")), EVERY)
rule("DCS0318", "An activity that narrows the Transfer Syntax Sets of its SOP Classes (`transfer_syntax_sets_mode: narrow`) leaves each of them at least one set (a warning).",
     "A SOP Class without a Transfer Syntax has no presentation context: PS3.8 §9.3.2.2 needs at least one Transfer Syntax per context.",
     "Add the SOP Class's own set to the activity's list, or leave the SOP Class out of the activity.",
     R(STORE_SCU, ("        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n", "        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n        transfer_syntax_sets: [LL]\n        transfer_syntax_sets_mode: narrow\n"),
       ("      - uid: 1.2.840.10008.1.2.1\n        name: Explicit VR Little Endian\n", "      - uid: 1.2.840.10008.1.2.1\n        name: Explicit VR Little Endian\n  - code: LL\n    name: Lossless\n    transfer_syntaxes:\n      - uid: 1.2.840.10008.1.2.4.70\n        name: JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])\n")),
     R(STORE_SCU, ("        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n", "        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n        transfer_syntax_sets: [U]\n        transfer_syntax_sets_mode: narrow\n")))
rule("DCS0320", "An Application Entity that accepts associations (an acceptor activity, or `scp` of a SOP Class) states its port, on the AE or in the general `association` (a completeness warning).",
     "Remote systems must configure the port (PS3.2 Table 7-2, Table 6-1). A statement that does not give it prints no port; it never prints N/A for something the product has.",
     "Add `association.port`; set `completeness: off` in dcsc.yaml to silence every completeness warning.",
     R(STORE_SCP, ("      port: 104\n", "")), STORE_SCP)
rule("DCS0321", "A product that exchanges DICOM data (DIMSE or DICOMweb) states its Specific Character Sets (a completeness warning).",
     "PS3.2 Sections 1.7 and 5.7 list the character sets; PS3.5 §6.1 decides how names and texts are exchanged. Without them dcsc prints that the statement does not state them, instead of N/A.",
     "Add `character_sets` (or the text of `sections.services_charset`).",
     ECHO, A(ECHO, "character_sets:\n  - defined_term: ISO_IR 100\n"))
rule("DCS0322", "Every Real-World Activity has SOP Classes: it lists them, or its AE has SOP Classes in the activity's role (a completeness warning).",
     "PS3.2 7.2.x.3.y and 7.2.x.4.y list the presentation contexts of each activity; an activity without SOP Classes has none to propose or accept.",
     "List `sop_classes`, give the AE the role on its SOP Classes, or remove the activity.",
     R(STORE_SCU, ("        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n", "        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n      - name: Receive Reports\n        role: acceptor\n        description: Not used yet.\n")), STORE_SCU)
rule("DCS0323", "A fact PS3.4 asks for is answered `not documented` (level of support, digital signature level, coercion, discarded Attributes, lossy compression, duplicates): the statement is honest about it and lint reports it as a warning instead of asking for an invented value (a completeness warning).",
     "PS3.4 B.4.3.2 asks a Storage SCP to state these facts; a statement written from a product's documentation may not have them. `not documented` keeps the gap visible (Table 5-10 prints \"Not documented\").",
     "State the fact when the manufacturer documents it.",
     R(STORE_SCP, ("      level_of_support: 2\n      digital_signature_level: 1\n", "      level_of_support: not documented\n")), STORE_SCP)
rule("DCS0324", "An Application Entity with DIMSE roles states its AE Title (a completeness warning).",
     "Remote systems configure the AE Title (PS3.2 4.1.x, Table 6-1; PS3.8 §9.3.2).",
     "Add `ae_title`.", R(ECHO, ("    ae_title: ACME_ECHO\n", "")), ECHO)
rule("DCS0309", "Ports of the AEs are unique (a warning: several AEs can share one listener that dispatches on the called AE Title, but usually two AEs on one port are a copy-paste mistake).",
     "PS3.2 Section 7.2.x.2 states the port of each AE.", "Give each AE its own port, or turn the rule off when AEs share a listener.",
     R(STORE_SCP, ("sop_classes:\n", "  - name: STORE-SCP-2\n    ae_title: ACME_ARCHIVE2\n    description: Second receiver.\n    association:\n      port: 104\nsop_classes:\n"), ("    scp: [STORE-SCP]\n", "    scp: [STORE-SCP, STORE-SCP-2]\n")),
     R(STORE_SCP, ("sop_classes:\n", "  - name: STORE-SCP-2\n    ae_title: ACME_ARCHIVE2\n    description: Second receiver.\n    association:\n      port: 11112\nsop_classes:\n"), ("    scp: [STORE-SCP]\n", "    scp: [STORE-SCP, STORE-SCP-2]\n")))
rule("DCS0310", "A SOP Class is declared once, with all its roles.", "Every overview and per-AE table derives from the one declaration; two declarations contradict each other.",
     "Merge the declarations.", A(ECHO, "  - uid: 1.2.840.10008.1.1\n    name: Verification\n    scu: [ECHO]\n    transfer_syntax_sets: [U]\n"), ECHO)
rule("DCS0311", "A SOP Class the product creates (`create`) has its IOD in Annex A (`iods[].sop_class`) (a warning).",
     "PS3.2 Annex A lists the Attributes of created instances; PS3.4 B.4.3.1 asks the SCU to list the optional elements of each IOD it creates.",
     "Add the IOD with its modules and Attributes.", R(STORE_SCU, ("    sop_class: 1.2.840.10008.5.1.4.1.1.2\n", "    sop_class: 1.2.840.10008.5.1.4.1.1.2\n"), ("iods:\n  - name: CT Image IOD\n    sop_class: 1.2.840.10008.5.1.4.1.1.2\n    modules:\n      - name: Patient Module\n        attributes:\n          - name: Patient's Name\n            tag: (0010,0010)\n            source: MWL\n", "")), STORE_SCU)
WEB = A(R(STORE_SCU, ("    create: S\n", "    create: S\n    user_agent: true\n")), "dicomweb:\n  transactions:\n    - service: Studies\n      transaction: Store\n      user_agent: true\n      media_types: [application/dicom]\n")
rule("DCS0325", "An Application Entity that accepts associations states the maximum PDU length it receives, on the AE or in the general `association` (a completeness warning).",
     "PS3.2 Table 7-1 and PS3.8 D.1: the peer must not send PDUs larger than the acceptor announces; integration engineers look the value up when a transfer fails.",
     "Add `association.max_pdu_length`.", R(STORE_SCP, ("      max_pdu_length: 116794\n", "")), STORE_SCP)
WEB_OS_URL = A(R(WEB, ("    user_agent: true\n", "    origin_server: true\n"), ("      user_agent: true\n", "      origin_server: true\n"), ("dicomweb:\n", "dicomweb:\n  base_url: https://<host>/dicomweb\n")), "")
rule("DCS0326", "A DICOMweb origin server states its base URL (`dicomweb.base_url`; a pattern such as `https://<host>/dicomweb` is enough) (a completeness warning).",
     "PS3.18 §8.2: every resource is addressed from the base URL; PS3.2 Section 5.3 prints it for the user agents that connect.",
     "Add `dicomweb.base_url`.", R(WEB_OS_URL, ("  base_url: https://<host>/dicomweb\n", "")), WEB_OS_URL)
WORKFLOW_STATUS = A(WORKFLOW_SCU, """  status_scu_mwl_find_c_find:
    tables:
      status_codes_for_c_find_of_the_modality_worklist_information_model_sop_class_scu:
        - { service_status: Success, further_meaning: Matching is complete, status_code: "0000", behavior: The list is shown. }
        - { service_status: Pending, further_meaning: Matches are continuing, status_code: FF00, behavior: The item is added to the list. }
        - { service_status: Failure, further_meaning: Any failure, status_code: Any other, behavior: The list is emptied and the error is shown. }
  status_scu_mpps_n_create:
    tables:
      status_codes_for_n_create_of_the_modality_performed_procedure_step_sop_class_scu:
        - { service_status: Success, further_meaning: Success, status_code: "0000", behavior: The step is marked IN PROGRESS. }
        - { service_status: Failure, further_meaning: Any failure, status_code: Any other, behavior: Logged; retried when the exam ends. }
  status_scu_mpps_n_set:
    tables:
      status_codes_for_n_set_of_the_modality_performed_procedure_step_sop_class_scu:
        - { service_status: Success, further_meaning: Success, status_code: "0000", behavior: The step is marked COMPLETED. }
        - { service_status: Failure, further_meaning: Any failure, status_code: Any other, behavior: Logged; not retried. }
""")
rule("DCS0327", "Every service the product uses has its status table (a completeness warning): for each DIMSE SOP Class role, the PS3.2 Section 7.3.2 table of every message the role shall use (Usage M in the PS3.4 DIMSE Service Group of the SOP Class — Modality Worklist C-FIND; MPPS N-CREATE and N-SET; Instance Availability Notification N-CREATE; Storage Commitment N-ACTION and N-EVENT-REPORT; Query/Retrieve C-FIND, C-MOVE and C-GET (C-GET in `dimse.query_retrieve.get.<role>.status_codes`, the template has no table for it); the UPS messages of Tables CC.2-1 to CC.2-4; Print Management Film Session, Film Box, Image Box and Printer messages, for an SCP also the U/M ones), and for each DICOMweb transaction in each role its Section 7.3.3 table, or the role's table of status codes for all transactions. Storage SOP Classes are checked by DCS1015 (SCP) and DCS1016 (SCU); Verification has no status table in the template, and PS3.4 Annex A asks for none.",
     "PS3.2 Section 7.3: \"The following sections describe the Status Codes supported by the system for each implemented service as well as the reason for issuing specific Status codes or the associated behavior when receiving it\"; PS3.4 asks each SCU to describe its behaviour on each status and each SCP the meaning of each status it returns (e.g. B.4.3, F.7.4, H.3.4, J.3.6, K.6.1.3); PS3.18 §8.5 defines the HTTP status codes of each transaction.",
     "Add the status table the message names (`sections.<status section>.tables`, or `dimse.query_retrieve.get.<role>.status_codes` for C-GET).",
     WORKFLOW_SCU, WORKFLOW_STATUS)
ECHO_COVER = R(ECHO, ("  description: Answers C-ECHO.\n", "  description: Answers C-ECHO.\n  document_id: ACME-ECHO-DCS-0100\n  date: 2025-06-30\n"))
rule("DCS0328", "The cover page gives the date of the document (`product.date`) and its document id (`product.document_id`) (a completeness warning). A statement that `extends` another inherits both.",
     "PS3.2 template, Cover Page: a Conformance Statement \"shall have a cover page, which shall include … Date of the document\"; the document id is what purchase contracts, tenders and later revisions cite the statement by, and it tells two revisions of one statement apart.",
     "Add `product.date` and `product.document_id`.", ECHO, ECHO_COVER)
rule("DCS0312", "Every DICOMweb transaction (other than subscriptions) states its media types.",
     "PS3.18 §8.7: the media types a User Agent or Origin Server supports decide interoperability; PS3.2 Section 5.3 lists them per transaction.",
     "Add `media_types`.", R(WEB, ("      media_types: [application/dicom]\n", "")), WEB)
rule("DCS0313", "An activity of an AE uses only SOP Classes that list that AE as `scu` or `scp` (a warning).",
     "An activity describes associations of its AE; a SOP Class the AE does not support cannot be in its presentation contexts.",
     "Add the AE to the SOP Class's `scu`/`scp`, or remove the SOP Class from the activity.",
     R(STORE_SCU, ("    scu: [STORAGE-SCU]\n", "    scu: [STORAGE-SCU2]\n"), ("application_entities:\n", "application_entities:\n  - name: STORAGE-SCU2\n    ae_title: ACME_CT2\n    description: Second sender.\n")), STORE_SCU)
rule("DCS0314", "Transfer Syntax Set codes are unique.", "SOP Classes refer to sets by code.", "Rename one of the sets.",
     R(ECHO, ("application_entities:\n", "  - code: U\n    name: Uncompressed again\n    transfer_syntaxes:\n      - uid: 1.2.840.10008.1.2.1\n        name: Explicit VR Little Endian\napplication_entities:\n")), ECHO)
rule("DCS0315", "A `dimse.<service>.<role>` block is given only for a role some SOP Class of that service claims (a warning).",
     "A description of a Storage SCP in a product that claims no Storage SOP Class as SCP documents a role it does not have.",
     "Claim the role in `sop_classes`, or remove the block.", R(STORE_SCU, ("dimse:\n  storage:\n", "dimse:\n  mpps:\n    scp:\n      description: Accepts MPPS.\n  storage:\n")), STORE_SCU)

# ----------------------------------------------------------------------------------------------- protocol facts
SCU_STATUS = A(STORE_SCU, '''sections:
  status_scu_storage_c_store:
    tables:
      status_codes_c_store_for_the_storage_sop_classes_scu:
        - service_status: Success
          further_meaning: Success
          status_code: "0000"
          behavior: The image is marked sent.
        - service_status: Warning
          further_meaning: Coercion of Data Elements
          status_code: B000
          behavior: The image is marked sent.
        - service_status: Failure
          further_meaning: "Refused: Out of resources"
          status_code: A7xx
          behavior: Retried three times.
''')
rule("DCS0401", "Every status code in a status table of Section 7.3.2 is defined for that section's DIMSE operation: the operation's table in PS3.4 plus the general codes of PS3.7. `xx` digits must stay inside the range of the table.",
     "Each DIMSE operation has its own status table (PS3.4 B.2.3 for C-STORE, C.4.1.1.4 C-FIND, C.4.2.1.5 C-MOVE, C.4.3.1.4 C-GET, CC.2 for UPS, H.4 for Print; PS3.7 §9 and §10 for the general codes). C-STORE has no Pending status; A702 belongs to C-MOVE and C-GET.",
     "Use a code the operation defines (the message lists them); put implementation-specific codes inside the table's range (e.g. A7xx for C-STORE, Cxxx).",
     R(SCU_STATUS, ("          status_code: A7xx\n", "          status_code: A702\n")), SCU_STATUS)
rule("DCS0402", "Every status code is listed under its status class: Success 0000; Warning 0001, Bxxx, 0107, 0116; Failure (or Refused) Axxx, Cxxx, 01xx, 02xx; Cancel FE00; Pending FF00, FF01.",
     "PS3.7 Annex C defines the status classes by value; a Failure code in the Warning group tells the reader to treat a failure as a warning.",
     "Move the row to the right class.", R(SCU_STATUS, ("        - service_status: Warning\n          further_meaning: Coercion of Data Elements\n          status_code: B000\n", "        - service_status: Warning\n          further_meaning: Coercion of Data Elements\n          status_code: A700\n")), SCU_STATUS)
MWL_KEYS = WORKFLOW_SCU
rule("DCS0403", "The matching type of a query key is allowed for the attribute's VR, and is one of SINGLE_VALUE, UID, WILDCARD, RANGE, SEQUENCE, UNIVERSAL.",
     "PS3.4 C.2.2.2: Range Matching only for DA, TM, DT (C.2.2.2.5); Wild Card Matching not for UIDs, dates, times or numbers (C.2.2.2.4); List of UID Matching only for UI (C.2.2.2.2); Sequence Matching only for SQ (C.2.2.2.6).",
     "Use a matching type the VR allows.", R(MWL_KEYS, ("          matching_type: SINGLE_VALUE\n", "          matching_type: RANGE\n")), MWL_KEYS)
rule("DCS0404", "Every Specific Character Set (`character_sets`, character-set tables) is a Defined Term of (0008,0005).",
     "PS3.3 C.12.1.1.2 (Tables C.12-2 to C.12-5) defines the terms; a misspelt term (`ISO-IR 100`, `UTF-8`) is not recognised by receivers.",
     "Use the Defined Term, e.g. `ISO_IR 100`, `ISO_IR 192`, `ISO 2022 IR 87`.", R(MWL_KEYS, ("  - defined_term: ISO_IR 100\n", "  - defined_term: UTF-8\n")), MWL_KEYS)
rule("DCS0405", "Every VR the statement states (attribute rows, `vr` columns, `dictionary.attributes`) exists.",
     "PS3.5 Table 6.2-1 lists the Value Representations.", "Use one of the VRs of PS3.5 (upper case).",
     R(PRIV, ("            vr: CS\n", "            vr: XS\n")), PRIV)
rule("DCS0406", "A role or operation is one the service defines: DIMSE operations in the Print tables (PS3.4 H.4), DICOMweb roles (User Agent / Origin Server) only for services PS3.18 has, and DICOMweb transactions of their service.",
     "PS3.4 H.4 lists the DIMSE services of each Print SOP Class; PS3.18 defines the Studies, Worklist, Non-Patient Instance and Storage Commitment services and their transactions.",
     "Remove the operation or role, or use the one the service defines.",
     R(WEB, ("      transaction: Store\n", "      transaction: Delete\n")), WEB)
EN = R(QR_SCP, ("        role_negotiation: Not used.\n", "        role_negotiation: Not used.\n      - name: Echo\n        role: acceptor\n        description: Answers C-ECHO.\n        sop_classes: [1.2.840.10008.1.1]\n"),
       ("character_sets:\n", "  - uid: 1.2.840.10008.1.1\n    name: Verification\n    scp: [QR-SCP]\n    transfer_syntax_sets: [U]\ncharacter_sets:\n"))
rule("DCS0407", "No SOP Class Extended Negotiation is claimed (support: Y) for a SOP Class whose service defines none.",
     "PS3.4 A.5 (Verification), F.2.1 (MPPS: \"The SOP Class Extended Negotiation shall not be supported\"), J.2.1 (Storage Commitment), H.5 (Print), P.1.2, Q.3, S.2.1, V.5, GG.2, KK.1.3.1.",
     "Remove the item (or state `support: N`).",
     R(EN, ("        sop_classes: [1.2.840.10008.1.1]\n", "        sop_classes: [1.2.840.10008.1.1]\n        extended_negotiation:\n          - sop_class: 1.2.840.10008.1.1\n            negotiation: Relational-queries\n            support: true\n")), EN)

# ----------------------------------------------------------------------------------------------- PS3.2 conventions
rule("DCS0502", "No leftover template text in any text field: `<placeholder>`, `<<choice>>` or `[instruction]` (HTML tags, Markdown links, footnotes and ranges are not flagged).",
     "PS3.2 template conventions: text in angle brackets is to be replaced, text in [brackets] is guidance to the author and is removed.",
     "Replace the placeholder with the product's value; remove the instruction.", R(ECHO, ("Verifies connectivity.", "Verifies connectivity with <Remote AE>.")), ECHO)
NPI = A(R(STORE_SCU, ("    create: S\n", "    create: S\n    fsc: true\n"), ("sop_classes:\n  - uid: 1.2.840.10008.5.1.4.1.1.2", "sop_classes:\n  - uid: 1.2.840.10008.1.3.10\n    name: Media Storage Directory Storage\n    fsc: true\n  - uid: 1.2.840.10008.5.1.4.1.1.2")), '''sections:
  security_media_storage_security_profiles:
    tables:
      content_encryption_used_for_secured_media:
        - encryption: AES-256
          file_set_creator_file_set_updater: Y
          file_set_reader: N
''')
rule("DCS0503", "Support stated in free-text table cells (FSC/FSU, FSR, Matching Key, Return Key, transcoding and similar columns) is \"Y\" or \"N\".",
     "PS3.2 conventions: support is \"Y\"/\"N\" in every table, so readers can scan tables.", "Write Y or N.",
     R(NPI, ("          file_set_reader: N\n", "          file_set_reader: \"No\"\n")), NPI)
RANGE = A(ECHO, '''sections:
  config_general_config_parameters:
    tables:
      general_configuration_parameters:
        - parameter: Maximum number of retries
          configurable: SERVICE
          default_value: "[0 … 10]"
''')
rule("DCS0504", "Value ranges are written `[low … high]` (a warning): cells and values that state a range as `1-10`, `1..10`, `[1..10]`, `1 to 10` or `1 <= x <= 10` are flagged.",
     "PS3.2 conventions: ranges are written [low … high] so that they are not mistaken for lists, dates or negative numbers.",
     "Write `[1 … 10]` (with the ellipsis character …).", R(RANGE, ('          default_value: "[0 … 10]"\n', "          default_value: 0-10\n")), RANGE)

AUTHOR_TABLE = A(ECHO, '''sections:
  netcomm_general:
    text: The association is rejected for the reasons of {table:rejections}.
    added_tables:
      - key: rejections
        caption: Association Rejection Reasons
        columns: [Result, Source, Reason]
        rows:
          - [rejected-permanent, "1 - DICOM UL service-user", "2 - application-context-name-not-supported"]
''')
rule("DCS0510", "Every row of an author table (`added_tables`, `added[].tables`) has one cell per column, and no two author tables share a `key`.",
     "PS3.2 lets a statement add tables; a row with a missing or extra cell would print misaligned, and `{table:<key>}` must name one table.",
     "Give one cell per column (an empty cell is `\"\"`), and a unique `key` per table.",
     R(AUTHOR_TABLE, ('"2 - application-context-name-not-supported"]', '"2 - application-context-name-not-supported", "logged"]')), AUTHOR_TABLE)
rule("DCS0511", "Every `{table:X}` in narrative, author table cells and footnotes names an author table `key` or a template table number (`{table:5-1}`).",
     "Cross references are resolved to the number the table gets in the document (tables are numbered within each major section, PS3.2 conventions); one that names no table cannot be resolved.",
     "Correct the key, or give the table `key: X`.", R(AUTHOR_TABLE, ("{table:rejections}.", "{table:rejection}.")), AUTHOR_TABLE)

# ----------------------------------------------------------------------------------------------- what a reviewer checks
rule("DCS0601", "The name of a public attribute is given with another tag in an odd (private) group, e.g. \"Referring Physician's Name (0009,0090)\".",
     "PS3.6 gives every public Data Element one tag; a private tag cannot carry a public attribute's name, so one of the two is wrong (PS3.5 §7.8).",
     "Use the public tag the message names, or give the private attribute its own name.",
     R(ATTR_OK, ("tag: (0010,0010)", "tag: (0011,0010)")), ATTR_OK)
rule("DCS0602", "An attribute name that matches the dictionary only once case, apostrophes, spaces or the keyword spelling are ignored (\"Patients Name\", \"PatientName\", \"Issuer of patient ID\") (a warning).",
     "A statement is read side by side with PS3.6 and other vendors' statements; the dictionary name is the one readers search for.",
     "Write the name the message gives.", R(ATTR_OK, ("name: Patient's Name", "name: Patients Name")), ATTR_OK)
NARR = R(STORE_SCU, ("      description: On success the image is marked sent;", "      description: Lossy compressed images carry Lossy Image Compression (0028,2110) = 01. On success the image is marked sent;"))
rule("DCS0603", "A tag quoted in narrative text after an attribute name (\"Lossy Image Compression (0028,2110)\") is the tag of that name, and a public tag quoted in text is in the dictionary.",
     "Narrative is read as carefully as tables; a name and tag that disagree in the text tell the reader two different things (PS3.6).",
     "Correct the tag or the name in the text.", R(NARR, ("(0028,2110)", "(0028,2112)")), NARR)
rule("DCS0604", "A tag written without parentheses (`0010,0010`) is noted (information); the output writes it as `(0010,0010)`.",
     "PS3 writes tags as (gggg,eeee); the output follows that form whatever the source says.",
     "Write `(0010,0010)`.", R(ATTR_OK, ("tag: (0010,0010)", "tag: \"0010,0010\"")), ATTR_OK)
rule("DCS0605", "An invisible or direction-changing character (zero-width space or joiner, non-breaking space, soft hyphen, bidi control such as U+202E, other Unicode format characters) in a value; in narrative only bidi controls and zero-width characters. Reported at the character's column.",
     "An AE Title, UID or name with an invisible character looks right and never matches its peer's; bidi controls make text read differently from what it says.",
     "Delete the character (the message shows it as ⟨U+XXXX⟩).", R(ECHO, ("ae_title: ACME_ECHO", "ae_title: \"ACME\\u200B_ECHO\"")), ECHO)
rule("DCS0617", "A bidirectional control (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F) or zero-width character in narrative text (a warning).",
     "Bidi controls make text display in another order than it is stored (\"Trojan Source\"); the outputs show them as escapes, but the source should not carry them.",
     "Delete the character (the message shows it as ⟨U+XXXX⟩).",
     R(ECHO, ("  description: Answers C-ECHO.\n", "  description: \"Answers C-ECHO \\u202Eevil.\"\n")), ECHO)
IDENT = A(ECHO, "association:\n  implementation_class_uid: 1.2.826.0.1.3680043.10.999.1.0\n  implementation_version_name: ACME_ECHO_10\n")
rule("DCS0606", "The Implementation Class UID is the built-in default of a toolkit (DCMTK, dcm4che, fo-dicom, pynetdicom, pydicom) (a warning).",
     "PS3.7 D.3.3.2: the Implementation Class UID identifies the implementation; a toolkit's default announces the toolkit, not the product, to every peer and in every log.",
     "Register a UID under the product's own root and configure the toolkit to send it.",
     R(IDENT, ("1.2.826.0.1.3680043.10.999.1.0", "1.2.276.0.7230010.3.0.3.6.7")), IDENT)
rule("DCS0607", "The Implementation Version Name is a placeholder (\"TBD\", \"4.x.x\") or the toolkit's own (\"OFFIS_DCMTK_367\", \"PYNETDICOM_203\", \"fo-dicom 5.1.2\") (a warning).",
     "PS3.7 D.3.3.2.2: the Implementation Version Name distinguishes releases of the product; a placeholder or the toolkit's name says nothing about the product.",
     "Give the product's name and version (at most 16 characters).", R(IDENT, ("ACME_ECHO_10", "OFFIS_DCMTK_367")), IDENT)
DATED = R(ECHO, ("  description: Answers C-ECHO.\n", "  description: Answers C-ECHO.\n  date: \"2025-12-01\"\n"))
rule("DCS0608", "A date (`product.date`, revision dates) written as YYYY-MM-DD or YYYYMMDD is a calendar date.",
     "The cover and revision history are dated; a month 13 or a 31 February is a typo a reader cannot resolve.",
     "Correct the date.", R(DATED, ("2025-12-01", "2025-13-01")), DATED)
rule("DCS0609", "An IOD documented in Annex A whose SOP Class no AE sends or serves (no SCU or SCP role, no activity) and no media profile writes (a warning).",
     "Annex A documents what the product creates for others to read; an IOD nothing exports is either a forgotten role or a stale section.",
     "Add the role that exports the objects, or remove the IOD.",
     R(STORE_SCU, ("    scu: [STORAGE-SCU]\n", ""), ("        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n", "        sop_classes: []\n")), STORE_SCU)
rule("DCS0610", "An activity without a real description (empty, \"TBD\", \"-\") (a warning).",
     "PS3.2 7.2.x.3: each Real-World Activity says what starts it and what it does; that is what an integration engineer reads.",
     "Describe the activity.", R(STORE_SCU, ("        description: Sends each image when it is reconstructed.\n", "        description: TBD\n")), STORE_SCU)
COND = R(ATTR_OK, ("            source: MWL\n", "            source: MWL\n            presence_of_value: CONDITIONAL\n            condition: Present if the worklist provides it.\n"))
rule("DCS0611", "A CONDITIONAL module, or an attribute whose presence is CONDITIONAL, without its `condition` (a warning).",
     "PS3.2 A.x.1 and A.x.2: a conditional presence is only useful with the condition; without it the reader cannot tell when the value is there.",
     "Add `condition`.", R(COND, ("            condition: Present if the worklist provides it.\n", "")), COND)
FIXEDV = R(ATTR_OK, ("          - name: Patient's Name\n            tag: (0010,0010)\n            source: MWL\n", "          - name: Patient's Name\n            tag: (0010,0010)\n            source: MWL\n          - name: Conversion Type\n            tag: (0008,0064)\n            source: FIXED\n            presence_of_value: ALWAYS\n            value: WSD\n"))
rule("DCS0612", "An attribute with a FIXED value whose presence of value is not ALWAYS (a warning).",
     "A fixed value is always written; a FIXED source with a conditional or empty presence contradicts itself (PS3.2 A.x.2).",
     "Make the presence ALWAYS, or give the real source.", R(FIXEDV, ("            presence_of_value: ALWAYS\n            value: WSD\n", "            presence_of_value: EMPTY\n            value: WSD\n")), FIXEDV)
MODAL = R(ATTR_OK, ("          - name: Patient's Name\n            tag: (0010,0010)\n            source: MWL\n", "          - name: Patient's Name\n            tag: (0010,0010)\n            source: MWL\n    coded_values:\n      - name: Modality\n        tag: (0008,0060)\n        value: CT\n"))
rule("DCS0613", "A Modality (0008,0060) value stated for an IOD that its SOP Class does not allow (a CT Image with Modality XA, an Encapsulated PDF with Modality OT).",
     "PS3.3 Annex A fixes the Modality of most IODs (e.g. CT Image: CT; Encapsulated PDF: DOC); a wrong value breaks hanging protocols and worklist reconciliation.",
     "State the Modality of the IOD.", R(MODAL, ("        value: CT\n", "        value: XA\n")), MODAL)
MWL_Q = A(STORE_SCU, "sections:\n  services_scu_mwl_find:\n    tables:\n      supported_c_find_query_parameters_for_modality_worklist_scu:\n"
          "        - attribute_name: Scheduled Procedure Step Start Date\n          tag: (0040,0002)\n          matching_type: RANGE\n          query_value_source: USER\n"
          "        - attribute_name: \"Patient's Name\"\n          tag: (0010,0010)\n")
rule("DCS0614", "A row of a query-key table (a table whose rows state matching types) that is sent with a query value (`query_value_source` or `value`) but has no `matching_type` (a warning).",
     "PS3.4 C.2.2.2: the kind of matching (single value, range, universal, list, wild card, sequence) decides what the SCP returns; PS3.2 Tables 5-2/5-3 state it per key.",
     "Add `matching_type`.", R(MWL_Q, ("          matching_type: RANGE\n", "")), MWL_Q)
rule("DCS0615", "An AE that gives a listen port but only initiates associations: no acceptor activity, no SCP role (a warning).",
     "A port documents where the product accepts associations (PS3.2 Table 6-1); on an initiator-only AE it makes the reader configure a peer that never answers.",
     "Remove the port, or document what the AE accepts.",
     R(STORE_SCU, ("    description: Sends images.\n", "    description: Sends images.\n    association:\n      port: 104\n")), STORE_SCU)
SEP = A(ECHO, "sections:\n  config_general_config_parameters:\n    tables:\n      general_configuration_parameters:\n"
        "        - parameter: Priority of outgoing requests\n          configurable: SERVICE\n          default_value: \"HIGH; MEDIUM\"\n")
rule("DCS0616", "Several codes in one table cell separated by \",\" or \"or\" (\"SV, WC\", \"COMPLETED or DISCONTINUED\") (a warning).",
     "PS3.2 conventions: several values in a cell are separated by \";\", so that a value that itself contains a comma is not split.",
     "Separate the values with \";\".", R(SEP, ("HIGH; MEDIUM", "HIGH, MEDIUM")), SEP)
SEC = A(ECHO, "security:\n  profiles:\n    - { profile: BCP 195 RFC 8996 TLS Secure Transport Connection Profile, kind: secure_transport, secured_ae: ALL, sender: true, receiver: true, reference: PS3.15 B.12 }\n  tls:\n    versions: [TLS 1.2, TLS 1.3]\n    cipher_suites:\n      - { name: TLS_AES_128_GCM_SHA256, profile: BCP 195 RFC 8996 }\n")
rule("DCS0618", "A profile in `security.profiles` or `de_identification` is not one of the Security and System Management Profiles of PS3.15 (the list of the pinned edition, 2025b, in `src/Dcsc.Core/Rules/Data/security-profiles.tsv`) (a warning). Names are compared without case, a leading \"The\", a trailing \"Profile\" and hyphens; the template's short names (\"BCP 195 RFC 8996 TLS Secure Transport Connection Profile\") are accepted.",
     "PS3.2 Section 8.4 lists the PS3.15 profiles a product supports; a misspelt or invented profile name claims conformance to something the standard does not define.",
     "Write the PS3.15 name (the message suggests the nearest one); describe a product-specific mechanism in Section 8.6 instead of claiming it as a profile.",
     R(SEC, ("profile: BCP 195 RFC 8996 TLS Secure Transport Connection Profile, kind", "profile: BCP 195 RFC 8996 TLS Secure Transport Profile v2, kind")), SEC)
rule("DCS0619", "A claimed profile is retired in PS3.15: the Basic TLS, ISCL and AES TLS profiles (B.1-B.3) and the BCP 195 TLS, Non-Downgrading BCP 195 TLS and Extended BCP 195 TLS profiles (B.9-B.11) (a warning).",
     "Retired profiles are no longer maintained by the standard; the current TLS profiles are PS3.15 B.12 and B.13. The template (Table 8-3) asks for retired TLS profiles to be named as such.",
     "Claim the current profile (B.12 or B.13), or turn the rule off for a product that must keep the retired one and say so in the text.",
     R(SEC, ("profile: BCP 195 RFC 8996 TLS Secure Transport Connection Profile, kind", "profile: Non-Downgrading BCP 195 TLS Secure Transport Connection Profile, kind"), ("reference: PS3.15 B.12", "reference: PS3.15 B.10"), ("profile: BCP 195 RFC 8996 }", "profile: Non-Downgrading BCP 195 TLS }")), SEC)
rule("DCS0620", "The TLS details (`security.tls`) contradict the claimed Secure Transport Connection Profiles: a BCP 195 profile is claimed but TLS 1.2 is not listed, or SSL, TLS 1.0 or TLS 1.1 is listed; or a cipher suite is listed for a profile that is not claimed.",
     "PS3.15 B.12 and B.13: servers and clients shall support TLS 1.2 (TLS 1.3 optional) and comply with BCP 195, whose RFC 8996 forbids TLS 1.0 and 1.1. A statement that lists other versions claims a profile it does not implement.",
     "List TLS 1.2 (and 1.3 if supported), remove the older versions, and name a claimed profile for each cipher suite.",
     R(SEC, ("versions: [TLS 1.2, TLS 1.3]", "versions: [TLS 1.0, TLS 1.2]")), SEC)
SEC_MEDIA = R(SEC, ("sop_classes:\n", "  - name: MEDIA\n    description: Writes CDs.\nsop_classes:\n  - uid: 1.2.840.10008.1.3.10\n    name: Media Storage Directory Storage\n    fsc: true\n    transfer_syntax_sets: [E]\n"),
    ("transfer_syntax_sets:\n", "transfer_syntax_sets:\n  - code: E\n    name: Explicit\n    transfer_syntaxes:\n      - uid: 1.2.840.10008.1.2.1\n        name: Explicit VR Little Endian\n"),
    ("    transfer_syntax_sets: [U]\n", "    transfer_syntax_sets: [U]\nmedia:\n  profiles:\n    - { profile: STD-GEN-CD, media: CD-R, ae: MEDIA, fsc: true }\n"), ("secured_ae: ALL,", "secured_ae: ALL EXCEPT MEDIA,"))
rule("DCS0621", "A Secure Transport Connection or User Identity profile is claimed for an AE that has no network role (no activity, no DIMSE SOP Class role, no DICOMweb transaction, no port), e.g. a media AE, or the statement has no AE that communicates at all (a warning).",
     "These profiles secure associations and connections (PS3.15 Annex B); claiming them for an AE that writes media or only works locally tells the reader it is reachable over the network.",
     "Name only communicating AEs in `secured_ae` (or use ALL EXCEPT for the others).",
     R(SEC_MEDIA, ("secured_ae: ALL EXCEPT MEDIA,", "secured_ae: \"ECHO, MEDIA\",")), SEC_MEDIA)
rule("DCS0622", "A profile is listed under a `kind` whose table it does not belong to (a TLS profile under `secure_use`, an audit profile under `secure_transport`; `other` takes any profile), or its `reference` names another PS3.15 section than the profile's (a warning).",
     "The kind chooses the PS3.2 table (8-2 Secure Use and User Identity, 8-3 Secure Transport Connection, Media Storage, Digital Signature); a reference to the wrong PS3.15 section sends the reader to another profile.",
     "Use the kind and the PS3.15 section the message gives.", R(SEC, ("reference: PS3.15 B.12", "reference: PS3.15 B.13")), SEC)
WEB_STATUS = A(WEB, 'sections:\n  status_studies_ws_store_ua:\n    tables:\n      status_codes_of_user_agent_for_store_transaction:\n        - { status: Success, code: "200", behavior: The images are marked sent. }\n        - { status: Client Error, code: "409", behavior: The failed instances are listed for the operator. }\n')
rule("DCS0623", "A code in a DICOMweb status table (7.3.3) or of a product-added transaction is not an HTTP status code (three digits, 100-599), or its row names another status class than the code has (2xx Success, 3xx Redirection, 4xx Client Error, 5xx Server Error): a 404 row labelled Success.",
     "PS3.18 §8.5 uses the HTTP status codes of RFC 9110 §15, whose first digit is the class; a row whose class and code disagree tells the reader two different things.",
     "Correct the code or the `status` (the message gives the class of the code).",
     R(WEB_STATUS, ('status: Client Error, code: "409"', 'status: Success, code: "409"')), WEB_STATUS)
rule("DCS0624", "A DICOMweb status table lists the same HTTP status code twice (a warning).",
     "Each row documents what one code means for this product; two rows for one code contradict each other or repeat.",
     "Keep one row per code and put both conditions in it.",
     R(WEB_STATUS, ('        - { status: Client Error, code: "409"', '        - { status: Success, code: "200", behavior: Also when some were stored. }\n        - { status: Client Error, code: "409"')), WEB_STATUS)
rule("DCS0625", "A status code whose meaning the transaction of its table does not have (a warning): 201 Created outside Create Workitem and Subscribe, 206 Partial Content outside Retrieve, 202 Accepted on Retrieve or Search, 415 Unsupported Media Type on a transaction without a request payload.",
     "PS3.18 §10.4.3, §10.5.3, §10.6.3 and Chapter 11 say which codes each transaction returns; a 206 on a Store table is a row copied from the wrong table.",
     "Remove the row, or move it to the table of the transaction it belongs to.",
     R(WEB_STATUS, ('status: Client Error, code: "409"', 'status: Success, code: "206"')), WEB_STATUS)
WEB_OS = A(R(WEB, ("    user_agent: true\n", "    origin_server: true\n"), ("      user_agent: true\n", "      origin_server: true\n")),
    '      failure_reasons:\n        - { code: "A700", meaning: Out of storage. }\n      warning_reasons:\n        - { code: "B000", meaning: Coerced. }\n'
    '    - service: Studies\n      transaction: Search\n      origin_server: true\n      resources: [Study]\n      media_types: [application/dicom+json]\n      query_parameters: [PatientID, fuzzymatching, limit]\n'
    '      search:\n        - level: Study\n          attributes:\n            - { name: "Patient\'s Name", tag: "(0010,0010)", matching_type: [WILDCARD], fuzzy: true }\n            - { name: Patient ID, tag: "(0010,0020)", matching_type: [SINGLE_VALUE] }\n')
rule("DCS0626", "A Failure Reason (0008,1197) code of a DICOMweb transaction is not a failure code (Axxx, Cxxx, 01xx/02xx other than 0107 and 0116), or a Warning Reason (0008,1196) code is not a warning code (Bxxx, 0001, 0107, 0116), or the code is not four hexadecimal digits.",
     "PS3.18 §8.4.1 returns the reasons with the DIMSE status codes of PS3.7 Annex C, whose ranges say whether the instance was stored; a warning code among the failures misleads the reader about the outcome.",
     "Move the code to the list of its class, or correct it; quote codes with leading zeros (\"0110\").",
     R(WEB_OS, ('        - { code: "A700", meaning: Out of storage. }', '        - { code: "B007", meaning: Out of storage. }')), WEB_OS)
WEB_HDR = A(WEB, 'sections:\n  services_store_stow_rs_ua:\n    tables:\n      header_fields_for_store_transaction_user_agent:\n        - { header_field: Content-Type, supported_values: "multipart/related; type=\\"application/dicom\\"" }\n        - { header_field: Accept, supported_values: application/dicom+json }\n')
rule("DCS0627", "A request header field table of a DICOMweb transaction lists Content-Type for a transaction without a request payload (Retrieve, Search, Subscribe …), lacks Content-Type for one with a payload (Store, Create, Update, Change State, Request Cancellation), or lacks Accept for Retrieve (a warning).",
     "PS3.18 §8.4: Content-Type describes the payload a request carries; Accept chooses the media type of a Retrieve response. A table that lists them otherwise documents headers the transaction does not use.",
     "Add the missing header field with its media types, or remove the one the transaction does not carry.",
     R(WEB_HDR, ('        - { header_field: Content-Type, supported_values: "multipart/related; type=\\"application/dicom\\"" }\n', '')), WEB_HDR)
rule("DCS0628", "A query parameter (`dicomweb.transactions[].query_parameters`, the 5.3 query parameter tables) is neither one PS3.18 defines (includefield, fuzzymatching, limit, offset, accept, charset, quality, viewport, window, annotation, iccprofile, the URI service parameters, …) nor an attribute keyword or tag (dotted paths such as `ScheduledStationNameCodeSequence.CodeValue` included) of the dictionary edition (a warning).",
     "PS3.18 §8.3.4.1: search keys are attribute keywords or tags; a misspelt keyword is a parameter the origin server rejects or ignores.",
     "Write the keyword exactly (PatientID, not PatientId) or the tag (00100020); the message names the keyword of a near name.",
     R(WEB_OS, ("query_parameters: [PatientID, fuzzymatching, limit]", "query_parameters: [PatientIdentifier, fuzzymatching, limit]")), WEB_OS)
rule("DCS0629", "Fuzzy matching is stated inconsistently (a warning): an attribute of a search table is marked `fuzzy: true` but is not a person name (VR PN), or the transaction does not list the fuzzymatching query parameter, or the query parameter table says fuzzymatching is not supported; or the table says it is supported and no search attribute is marked fuzzy.",
     "PS3.18 §8.3.4.6: fuzzymatching=true asks for fuzzy semantic matching of person names; the parameter, its supported values and the matching tables describe one behaviour and must agree.",
     "Mark only PN attributes fuzzy, and list fuzzymatching with the value the search tables imply.",
     R(WEB_OS, ('{ name: Patient ID, tag: "(0010,0020)", matching_type: [SINGLE_VALUE] }', '{ name: Patient ID, tag: "(0010,0020)", matching_type: [SINGLE_VALUE], fuzzy: true }')), WEB_OS)
# ----------------------------------------------------------------------------------------------- layout
rule("DCS0501", "A template paragraph or table title of an applicable section contains a placeholder (`<Transaction Name>`, `<products reporting screen>`, `<<choice>>`) and the statement gives no value for it. The sentence with the placeholder is left out of the output (no `<…>` text is ever printed). For sections of repeated content the message names the full path, e.g. `sr_templates[0].finding_sites[0].sections.annex_b_sr_template_finding_site.fill.\"products reporting screen\"`.",
     "The PS3.2 template's boilerplate names product-specific facts in angle brackets; printed as they are, they would be template text in a published statement.",
     "Add the value under the section's `fill`, keyed by the placeholder text the message names (`fill: { Transaction Name: Retrieve }`).",
     ECHO + "sections:\n  config_dicom_ws:\n    text: Web services are configured per tenant.\n",
     ECHO + "sections:\n  config_dicom_ws:\n    text: Web services are configured per tenant.\n    fill:\n      Transaction Name: Retrieve\n")
rule("DCS0505", "A section the PS3.2 template makes mandatory for every Conformance Statement (the Overview, the Table of Contents, the Introduction, …; `never_na` in `src/Dcsc.Core/Layout/Data/template.json`) is given `na: true` under `sections`.",
     "PS3.2 keeps these sections in every statement so that readers find the same content at the same number in every vendor's document. dcsc prints the section anyway and ignores the `na`; the warning says so instead of ignoring it silently.",
     "Remove `na` from the section; give it content with `text` if the template's boilerplate is not enough.",
     ECHO + "sections:\n  introduction:\n    na: true\n", ECHO)

LITREF = R(STORE_SCU, ("      description: On success the image is marked sent;", "      description: The images are sent as listed in {table:5-1}. On success the image is marked sent;"))
rule("DCS0506", "A table, section or annex number written by hand in author text — narrative, descriptions, and the cells and notes of template tables, author tables and the tables of the structured details (\"see Table 5-11\", \"Section 7.2.1\") — does not point at what it names in this statement (a warning): the template's Table 5-11 is printed under another number (tables are numbered in sequence per major section, so a table that is not printed shifts the ones after it), is not printed at all, or the statement has no table or section with that number; or the words before the number (\"the keys in Table 5-1\") name what another table of the same section holds. References to other documents (\"PS3.4 Table B.2-1\", \"Section 10.4 of PS3.18\") are not checked. Its severity is configurable in dcsc.yaml like the rules'.",
     "A number typed into the text goes stale when sections become N/A or tables are added; the reader then lands on another table. The tokens {table:X} and {section:X} (X the template number, or the key of an added table) are resolved by the layout and always print the right number with a link.",
     "Write the token the message gives ({table:5-11}, {section:7.2}); for a table that is not printed, name the table meant.",
     R(LITREF, ("{table:5-1}", "Table 9-9")), LITREF)


# ----------------------------------------------------------------------------------------------- PS3.4 requirements
def ps34(id, cand, what, why, fix, fail, ok):
    rule(id, f"({cand} of the PS3.4 candidate rules) " + what, why, fix, fail, ok)

ps34("DCS1001", "GEN-01", "A claimed SOP Class UID outside the DICOM root is declared in `dictionary.uids` (its SOP Class Identification Statement: name, UID, type, service class).",
     "PS3.4 B.4.4.1: a Specialized or Private SOP Class is identified in the Conformance Statement by a SOP Class Identification Statement (SOP Class Name and UID).",
     "Declare the UID in `dictionary.uids`.",
     R(STORE_SCU, ("    create: S\n", "    create: S\n  - uid: 1.3.6.1.4.1.99999.1.1\n    name: Acme Raw Storage\n    scu: [STORAGE-SCU]\n    transfer_syntax_sets: [U]\n    comment: Raw detector data with the Acme private module.\n")),
     A(R(STORE_SCU, ("    create: S\n", "    create: S\n  - uid: 1.3.6.1.4.1.99999.1.1\n    name: Acme Raw Storage\n    scu: [STORAGE-SCU]\n    transfer_syntax_sets: [U]\n    comment: Raw detector data with the Acme private module.\n")),
       "dictionary:\n  uids:\n    - uid: 1.3.6.1.4.1.99999.1.1\n      name: Acme Raw Storage\n      type: SOP Class\n      service_class: Storage\n"))
ps34("DCS1002", "GEN-06", "Every declared SOP Class claims a role: an AE as SCU or SCP, DICOMweb User Agent / Origin Server, or a media role (FSC, FSR, FSU).",
     "PS3.4 A.6.3, B.4.3, C.6.1.2, F.7.4, I.3.4, J.3.6: conformance is claimed per SOP Class and role.",
     "Add the role, or remove the SOP Class.", R(ECHO, ("    scu: [ECHO]\n    scp: [ECHO]\n", "")), ECHO)
ps34("DCS1003", "GEN-07", "The Section 5.2 subsection of a claimed service role is not marked N/A (a warning).",
     "Every PS3.4 annex requires the Conformance Statement in the PS3.2 format (PS3.4 B.4.3, C.6.1.2, F.7.4, J.3.6, K.6.1.3, …); a claimed role with an N/A section documents nothing.",
     "Remove `na: true` and describe the role.", A(STORE_SCU, "sections:\n  services_scu_storage:\n    na: true\n"), STORE_SCU)
ps34("DCS1004", "GEN-10", "SCP/SCU Role Selection Negotiation is stated (`role_negotiation` of an activity that uses the SOP Class) for MPPS, Storage Commitment, Inventory Creation and every C-GET SOP Class.",
     "PS3.4 F.2.1 and J.2.1: \"Support for the SCP/SCU Role Selection Negotiation is mandatory\"; KK.1.3.1; C.5.3, Y.5, Z.5: a C-GET SCU proposes the SCP role for each Storage SOP Class of its sub-operations.",
     "Describe the role negotiation in the activity's `role_negotiation`.",
     R(WORKFLOW_SCU, ("        role_negotiation: SCP/SCU Role Selection Negotiation is proposed with the SCU role.\n", "")), WORKFLOW_SCU)
ps34("DCS1005", "GEN-11", "Extended negotiation values are inside the range the service defines: Storage Level of Support 0-3, Level of Digital Signature Support 0-3, Element Coercion 0-2; Query/Retrieve, Worklist and UPS items 0 or 1.",
     "PS3.4 Tables B.3-1/B.3-2, C.5-1 to C.5-4, K.5.1-1/K.5.1-2.", "Use a defined value.",
     R(QR_SCP, ("            support: true\n", "            support: true\n            value: \"2\"\n")), R(QR_SCP, ("            support: true\n", "            support: true\n            value: \"1\"\n")))
ps34("DCS1006", "GEN-12", "Every C-FIND, C-MOVE and C-GET SCP states whether it supports priority processing and what the priority levels mean (`dimse.query_retrieve.<find|move|get>.scp.priority`; for Modality Worklist and UPS SCPs `dimse.worklist.scp.priority` and `dimse.ups.scp.priority`; statements that say it in the role's description are accepted too).",
     "PS3.4 C.4.1.1.2, C.4.2.1.2, C.4.3.1.2, K.4.1.1.2, CC.2.8.1.2.2: \"Whether or not an SCP supports priority processing and the meaning of the different priority levels shall be stated in the Conformance Statement of the SCP.\"",
     "Add `priority`.", R(QR_SCP, ("        priority: Priority is ignored; all requests are MEDIUM.\n", "")), QR_SCP)
ps34("DCS1007", "STO-01", "A Storage SCP states its Level of Storage Support (`dimse.storage.scp.level_of_support`: 0, 1 or 2).",
     "PS3.4 B.4.3.2: \"The Level of Storage Support, as defined by Section B.4.1, shall be stated.\"", "Add `level_of_support`.",
     R(STORE_SCP, ("      level_of_support: 2\n      digital_signature_level: 1\n", "")), STORE_SCP)
ps34("DCS1008", "STO-02", "A Level 2 Storage SCP states its Level of Digital Signature Support; a Level 0 or 1 SCP claims none.",
     "PS3.4 B.4.3.2: \"The Level of Digital Signature Support … shall be stated\"; B.4.1.4: the Signature Levels are defined only for an SCP that claims Storage Level 2 (Full).",
     "Add `digital_signature_level` (1, 2 or 3) to a Level 2 SCP; remove it from a Level 0/1 SCP.",
     R(STORE_SCP, ("      digital_signature_level: 1\n", "")), STORE_SCP)
ps34("DCS1009", "STO-03", "A Level 0 (Local) Storage SCP defines the subset of Attributes it stores.",
     "PS3.4 B.4.1.1: \"This subset of the Attributes shall be defined in the Conformance Statement of the implementer.\"",
     "List the stored (or discarded) Attributes in `discarded_attributes` or the text of `services_scp_storage`.",
     R(STORE_SCP, ("      level_of_support: 2\n      digital_signature_level: 1\n", "      level_of_support: 0\n"), ("      discarded_attributes: None.\n", "")),
     R(STORE_SCP, ("      level_of_support: 2\n      digital_signature_level: 1\n", "      level_of_support: 0\n"), ("      discarded_attributes: None.\n", "      discarded_attributes: Only the Patient, Study and Series modules and Pixel Data are stored.\n")))
ps34("DCS1010", "STO-04", "A Storage SCP states whether it coerces Attributes (`element_coercion`, or rows of the coercion table); when it does, its C-STORE status table lists Warning B000.",
     "PS3.4 B.4.3.2: \"If the SCP performs coercion on any Attributes, this shall be stated, and the conditions under which it may occur shall be described\"; B.4.1.3: \"If an SCP performs such a modification, it shall return a C-STORE response with a status of Warning.\"",
     "Add `element_coercion`; list B000 when Attributes are coerced.", R(STORE_SCP, ("      element_coercion: No Attributes are coerced.\n", "")), STORE_SCP)
ps34("DCS1011", "STO-05", "A Storage SCP lists the optional Attributes it discards (or says none).",
     "PS3.4 B.4.3.2: \"The optional Attributes that will be discarded (if any) shall be listed for each IOD supported.\"",
     "Add `discarded_attributes`.", R(STORE_SCP, ("      discarded_attributes: None.\n", "")), STORE_SCP)
ps34("DCS1012", "STO-06", "A Storage SCP states the mechanisms by which additional SOP Classes are dynamically supported (or that there are none), in its description.",
     "PS3.4 B.4.3.2: \"The mechanisms by which additional SOP Classes are dynamically supported, as defined by Section B.4.1.2, shall be stated.\"",
     "Say it in `dimse.storage.scp.description` (the schema has no dedicated field).",
     R(STORE_SCP, ("      description: Stored instances are kept until deleted by the user and can be retrieved with Q/R. No further SOP Classes are accepted dynamically.\n", "")), STORE_SCP)
ps34("DCS1013", "STO-07", "A Storage SCP documents its policy on Lossy Image Compression (0028,2110).",
     "PS3.4 B.4.3.2: \"The Conformance Statement shall document the policies concerning the Attribute Lossy Image Compression (0028,2110).\"",
     "Add `lossy_compression` (or rows of the Image Compression table).", R(STORE_SCP, ("      lossy_compression: Instances are stored as received; no lossy compression is applied.\n", "")), STORE_SCP)
ps34("DCS1014", "STO-08", "A Storage SCP describes what happens after a successful C-STORE: how stored instances can be accessed and for how long they are kept.",
     "PS3.4 B.4.3.2: \"The behavior of the SCP in the case of a successful C-STORE operation shall be described. This includes … the access method for a stored SOP Instance … the duration of the storage\"; B.1.2 Note 1.",
     "Add `dimse.storage.scp.description` (or rows of the Behavior When Storing Instances table).",
     R(STORE_SCP, ("      description: Stored instances are kept until deleted by the user and can be retrieved with Q/R. No further SOP Classes are accepted dynamically.\n", "")), STORE_SCP)
ps34("DCS1015", "STO-09", "A Storage SCP describes its C-STORE statuses: the status table of Section 7.3.2.5.2 has rows, and every Failure and Warning row has a meaning or recovery action.",
     "PS3.4 B.4.3.2: \"The meaning of each case of an unsuccessful C-STORE response status shall be described, as well as appropriate recovery action\" (and the same for warnings).",
     "Add rows to `sections.status_scp_storage_c_store`.",
     R(STORE_SCP, ('''sections:
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
''', "")), STORE_SCP)
ps34("DCS1016", "STO-10", "A Storage SCU describes its behaviour on success, on failure and on warning C-STORE status (rows of the status table of Section 7.3.2.5.1 for each class, or the SCU's description).",
     "PS3.4 B.4.3.1: \"The behavior of the SCU in the case of a successful C-STORE response status shall be described\", and in each case of unsuccessful and warning status.",
     "Add the rows (or a description).", R(STORE_SCU, ("dimse:\n  storage:\n    scu:\n      description: On success the image is marked sent; on warning it is marked sent with a note; on failure the transfer is retried three times.\n", "")), STORE_SCU)
ps34("DCS1017", "STO-11", "Every Storage SCU AE states whether it supports extended negotiation: it has an association-initiation activity listing its Storage SOP Classes (whose Extended Negotiation subsection 7.2.x.3.y.1 states it), or the Storage SCU description says it.",
     "PS3.4 B.4.3.1: the SCU states \"Whether Extended Negotiation is supported.\"",
     "Add an `initiator` activity with the Storage SOP Classes (and its `extended_negotiation`, if any), or say it in `dimse.storage.scu.description`.",
     R(STORE_SCU, ("    activities:\n      - name: Send Images\n        role: initiator\n        description: Sends each image when it is reconstructed.\n        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n", "")), STORE_SCU)
ps34("DCS1018", "STO-12", "Every IOD in Annex A lists Attributes (in its modules, functional groups or private modules).",
     "PS3.4 B.4.3.1: \"The optional elements that may be included in Storage SOP Instances for each IOD supported shall be listed\", and the Functional Groups of multi-frame IODs.",
     "Give the modules with their Attributes.", R(STORE_SCU, ("    modules:\n      - name: Patient Module\n        attributes:\n          - name: Patient's Name\n            tag: (0010,0010)\n            source: MWL\n", "    modules:\n      - name: Patient Module\n")), STORE_SCU)
JPIP = R(STORE_SCU, ("        name: Explicit VR Little Endian\n", "        name: Explicit VR Little Endian\n      - uid: 1.2.840.10008.1.2.4.94\n        name: JPIP Referenced\n"))
ps34("DCS1019", "STO-13", "A Storage SCU that proposes a JPIP Referenced Transfer Syntax describes that behaviour and how long the reference stays valid.",
     "PS3.4 B.4.3.1: \"The behavior of the SCU in the case of a C-STORE operation using a referenced pixel data transfer syntax such as JPIP … shall be described. This includes the duration of validity of the reference\".",
     "Describe it in `dimse.storage.scu.description` (mentioning JPIP).",
     JPIP, R(JPIP, ("on failure the transfer is retried three times.", "on failure the transfer is retried three times. JPIP references stay valid for 30 days.")))
DX = R(STORE_SCU, ("  - uid: 1.2.840.10008.5.1.4.1.1.2\n    name: CT Image Storage\n", "  - uid: 1.2.840.10008.5.1.4.1.1.1.1.1\n    name: Digital X-Ray Image Storage - For Processing\n"), ("    create: S\n", "    create: S\n  - uid: 1.2.840.10008.5.1.4.1.1.1.1\n    name: Digital X-Ray Image Storage - For Presentation\n    scu: [STORAGE-SCU]\n    transfer_syntax_sets: [U]\n"),
       ("    sop_class: 1.2.840.10008.5.1.4.1.1.2\n", "    sop_class: 1.2.840.10008.5.1.4.1.1.1.1.1\n"), ("sop_classes: [1.2.840.10008.5.1.4.1.1.2]", "sop_classes: [1.2.840.10008.5.1.4.1.1.1.1.1, 1.2.840.10008.5.1.4.1.1.1.1]"))
ps34("DCS1020", "STO-14", "An AE with a role on a \"For Processing\" SOP Class (DX, MG, Intra-Oral, IVOCT, Breast Projection X-Ray) has the same role on the matching \"For Presentation\" SOP Class.",
     "PS3.4 B.5.1.1, B.5.1.2, B.5.1.3, B.5.1.13, B.5.1.18.", "Claim the For Presentation SOP Class in the same role.",
     R(DX, ("  - uid: 1.2.840.10008.5.1.4.1.1.1.1\n    name: Digital X-Ray Image Storage - For Presentation\n    scu: [STORAGE-SCU]\n    transfer_syntax_sets: [U]\n", ""), (", 1.2.840.10008.5.1.4.1.1.1.1]", "]")), DX)
ENH = R(STORE_SCP, ("  - uid: 1.2.840.10008.5.1.4.1.1.2\n    name: CT Image Storage\n", "  - uid: 1.2.840.10008.5.1.4.1.1.2.1\n    name: Enhanced CT Image Storage\n"), ("    archive: true\n", "    archive: true\n  - uid: 1.2.840.10008.5.1.4.1.1.11.1\n    name: Grayscale Softcopy Presentation State Storage\n    scp: [STORE-SCP]\n    transfer_syntax_sets: [U]\n"),
        ("sop_classes: [1.2.840.10008.5.1.4.1.1.2]", "sop_classes: [1.2.840.10008.5.1.4.1.1.2.1, 1.2.840.10008.5.1.4.1.1.11.1]"))
ps34("DCS1021", "STO-15", "An SCP of Enhanced or Legacy Converted Enhanced CT/MR/PET Image Storage is also a Grayscale Softcopy Presentation State Storage SCP; an Enhanced MR Color SCP a Color Softcopy Presentation State Storage SCP.",
     "PS3.4 B.5.1.6, B.5.1.7, B.5.1.8, B.5.1.15, B.5.1.16.", "Claim the Presentation State SOP Class as SCP on the same AE.",
     R(ENH, ("  - uid: 1.2.840.10008.5.1.4.1.1.11.1\n    name: Grayscale Softcopy Presentation State Storage\n    scp: [STORE-SCP]\n    transfer_syntax_sets: [U]\n", ""), (", 1.2.840.10008.5.1.4.1.1.11.1]", "]")), ENH)
SR = R(STORE_SCP, ("  - uid: 1.2.840.10008.5.1.4.1.1.2\n    name: CT Image Storage\n", "  - uid: 1.2.840.10008.5.1.4.1.1.88.33\n    name: Comprehensive SR Storage\n"), ("sop_classes: [1.2.840.10008.5.1.4.1.1.2]", "sop_classes: [1.2.840.10008.5.1.4.1.1.88.33]"))
ps34("DCS1022", "STO-16", "An SCP of a SOP Class that PS3.4 reserves for Level 2 Storage SCPs (SR classes, ophthalmic measurement and map classes, CT/XA Performed Procedure Protocol, Raw Data) states Level 2.",
     "PS3.4 B.5.1.11, B.5.1.12, B.5.1.14, B.5.1.17, B.5.1.21, B.5.1.22, O.2.2, AA.2: the SCP \"shall support Level 2 (Full) Storage\".",
     "Store at Level 2, or do not claim the SOP Class as SCP.",
     R(SR, ("      level_of_support: 2\n      digital_signature_level: 1\n", "      level_of_support: 1\n")), SR)
EMF = R(QR_SCP, ("            negotiation: Relational-queries\n", "            negotiation: Enhanced Multi-Frame Image Conversion\n"), ("        relational: true\n", "        relational: false\n"))
ps34("DCS1023", "STO-17", "When Enhanced Multi-Frame Image Conversion is claimed for Query/Retrieve, the Storage SCP states Level 2.",
     "PS3.4 B.5.1.23: an SCP that serves converted Enhanced Multi-Frame instances shall support Storage Level 2.",
     "Store at Level 2, or do not claim the conversion.",
     R(EMF, ("      level_of_support: 2\n      digital_signature_level: 1\n", "      level_of_support: 1\n")), EMF)
RG = R(STORE_SCP, ("        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n", "        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n        extended_negotiation:\n          - sop_class: 1.2.840.10008.5.1.4.1.1.2\n            negotiation: Related General SOP Class\n            support: true\n            value: 1.2.840.10008.5.1.4.1.1.2.2\n"))
ps34("DCS1024", "STO-18", "A Related General SOP Class stated in SOP Class Common Extended Negotiation is one PS3.4 Table B.3-3 pairs with the SOP Class (private specializations excepted).",
     "PS3.4 B.3.1.4: \"Table B.3-3 identifies which Standard SOP Classes participate in this mechanism.\"", "Use a pair of Table B.3-3.",
     RG, R(RG, ("          - sop_class: 1.2.840.10008.5.1.4.1.1.2\n", "          - sop_class: 1.2.840.10008.5.1.4.1.1.2.1\n"), ("sop_classes: [1.2.840.10008.5.1.4.1.1.2]", "sop_classes: [1.2.840.10008.5.1.4.1.1.2, 1.2.840.10008.5.1.4.1.1.2.1]"),
                ("    archive: true\n", "    archive: true\n  - uid: 1.2.840.10008.5.1.4.1.1.2.1\n    name: Enhanced CT Image Storage\n    scp: [STORE-SCP]\n    transfer_syntax_sets: [U]\n  - uid: 1.2.840.10008.5.1.4.1.1.11.1\n    name: Grayscale Softcopy Presentation State Storage\n    scp: [STORE-SCP]\n    transfer_syntax_sets: [U]\n")))
SPEC = A(R(STORE_SCU, ("    create: S\n", "    create: S\n  - uid: 1.3.6.1.4.1.99999.1.1\n    name: Acme Raw Storage\n    scu: [STORAGE-SCU]\n    transfer_syntax_sets: [U]\n")), "dictionary:\n  uids:\n    - uid: 1.3.6.1.4.1.99999.1.1\n      name: Acme Raw Storage\n      type: SOP Class\n      service_class: Storage\n")
ps34("DCS1025", "STO-19", "A Specialized (private) Storage SOP Class declared in `dictionary.uids` describes its specialization: an IOD with private Attributes, or a comment.",
     "PS3.4 B.4.4.2: \"The Standard SOP Class may be specialized by supporting additional private Attributes. The Conformance Statement shall describe these specializations\".",
     "Give its IOD with `private_modules`, or describe it in `comment`.",
     SPEC, R(SPEC, ("    name: Acme Raw Storage\n    scu:", "    name: Acme Raw Storage\n    comment: Raw detector frames; all Attributes of the CT Image IOD plus the Acme Raw module (0019,10xx).\n    scu:")))
BSD = R(STORE_SCU, ("  - uid: 1.2.840.10008.5.1.4.1.1.2\n    name: CT Image Storage\n", "  - uid: 1.2.840.10008.5.1.4.1.1.131\n    name: Basic Structured Display Storage\n"), ("    sop_class: 1.2.840.10008.5.1.4.1.1.2\n", "    sop_class: 1.2.840.10008.5.1.4.1.1.131\n"), ("  - name: CT Image IOD\n", "  - name: Basic Structured Display IOD\n"),
        ("sop_classes: [1.2.840.10008.5.1.4.1.1.2]", "sop_classes: [1.2.840.10008.5.1.4.1.1.131]"))
BSD_OK = R(BSD, ("            source: MWL\n", "            source: MWL\n          - name: Image Box Layout Type\n            tag: (0072,0304)\n            source: FIXED\n            value: TILED\n          - name: Type of Synchronization\n            tag: (0072,0434)\n            source: FIXED\n            value: SPATIAL\n"))
ps34("DCS1026", "STO-20", "A Basic Structured Display creator lists the values it uses for Image Box Layout Type (0072,0304) and Type of Synchronization (0072,0434); a renderer describes (in `comment`) the SOP Classes it renders, its controls and its behaviour for unsupported content.",
     "PS3.4 B.5.1.9.", "Add the Attributes to the IOD, or the comment.", BSD, BSD_OK)
CAR = R(STORE_SCU, ("  - uid: 1.2.840.10008.5.1.4.1.1.2\n    name: CT Image Storage\n", "  - uid: 1.2.840.10008.5.1.4.1.1.90.1\n    name: Content Assessment Results Storage\n"), ("    sop_class: 1.2.840.10008.5.1.4.1.1.2\n", "    sop_class: 1.2.840.10008.5.1.4.1.1.90.1\n"), ("  - name: CT Image IOD\n", "  - name: Content Assessment Results IOD\n"),
        ("sop_classes: [1.2.840.10008.5.1.4.1.1.2]", "sop_classes: [1.2.840.10008.5.1.4.1.1.90.1]"))
ps34("DCS1027", "STO-21", "A Content Assessment Results creator states its criteria for setting Observation Significance (0082,0008).",
     "PS3.4 B.5.1.20: the SCU \"shall identify in its Conformance Statement the criteria for setting the Observation Significance (0082,0008).\"",
     "Give (0082,0008) in the IOD with a value, condition or comment.",
     CAR, R(CAR, ("            source: MWL\n", "            source: MWL\n          - name: Observation Significance\n            tag: (0082,0008)\n            source: GENERATED\n            condition: MAJOR when the assessment fails, else NONE.\n")))
S22 = R(STORE_SCP, ("        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n", "        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n        extended_negotiation:\n          - sop_class: 1.2.840.10008.5.1.4.1.1.2\n            negotiation: Level of Support\n            support: true\n            value: \"2\"\n"))
ps34("DCS1028", "STO-22", "Storage extended negotiation values (Level of Support, Level of Digital Signature Support, Element Coercion) agree with `level_of_support`, `digital_signature_level` and `element_coercion` (a warning).",
     "PS3.4 Table B.3-2 and B.4.3.2: the negotiated values and the statement's levels describe the same SCP.", "Make them agree.",
     R(S22, ('            value: "2"\n', '            value: "1"\n')), S22)
ps34("DCS1029", "QR-01", "A Patient/Study Root C-FIND SCU and SCP state whether they support Optional Keys and list them (rows of the key tables of Section 5.2.7).",
     "PS3.4 C.6.1.2.1.1, C.6.2.2.1.1 (SCU) and C.6.1.2.2.1, C.6.2.2.2.1 (SCP): \"shall state in its Conformance Statement whether it supports Optional Keys. If it supports Optional Keys, then it shall list the Optional Keys that it supports.\"",
     "Add the key rows.", R(QR_SCP, ('''  services_scp_study_root_qr_find:
    tables:
      supported_c_find_attribute_matching_for_study_root_q_r_model_scp:
        - attribute_name: Patient's Name
          tag: (0010,0010)
          matching_type: WILDCARD
        - attribute_name: Retrieve AE Title
          tag: (0008,0054)
          matching_type: UNIVERSAL
''', "")), QR_SCP)
ps34("DCS1030", "QR-02", "A C-FIND SCP states whether it supports relational queries (`dimse.query_retrieve.find.scp.relational`); when it does, it also claims the relational-queries extended negotiation.",
     "PS3.4 C.6.2.2.2.1: \"shall state … whether it supports Relational-queries. If it supports Relational-queries, then it shall also support Extended Negotiation of relational-queries as an SCP.\"",
     "Add `relational`, and the extended negotiation item.", R(QR_SCP, ("        relational: true\n", "")), QR_SCP)
ps34("DCS1031", "QR-03", "A C-FIND SCU/SCP AE has an association activity (initiator/acceptor) with the FIND SOP Class, so that its extended negotiation support (relational, combined date-time, fuzzy PN, Empty and Multiple Value Matching) is stated; an SCP claiming fuzzy matching describes the mechanism.",
     "PS3.4 C.6.1.2.1.1, C.6.2.2.2.1: \"whether or not it supports Extended Negotiation of combined date-time matching, fuzzy semantic matching of person names, Empty Value Matching, and/or Multiple Value Matching. If fuzzy semantic matching … is supported, then the mechanism … shall be specified.\"",
     "Add the activity (and describe the fuzzy mechanism).",
     R(QR_SCP, ("        sop_classes: [1.2.840.10008.5.1.4.1.2.2.1, 1.2.840.10008.5.1.4.1.2.2.2]\n", "        sop_classes: [1.2.840.10008.5.1.4.1.2.2.2]\n")), QR_SCP)
ps34("DCS1032", "QR-04", "A C-FIND SCP states whether PN matching is case-insensitive and for which Attributes (in its description or section text).",
     "PS3.4 C.6.1.2.2.1, C.6.2.2.2.1: \"whether it supports case-insensitive matching for PN VR Attributes and list the Attributes for which this applies.\"",
     "Say it in `dimse.query_retrieve.find.scp.description`.", R(QR_SCP, ("        description: PN matching is case-insensitive for Patient's Name. DA matching is exact.\n", "        description: DA matching is exact.\n")), QR_SCP)
ps34("DCS1033", "QR-05", "A product with a query role (C-FIND, Modality Worklist, UPS Pull/Watch/Query) states how it uses Specific Character Set and Timezone Offset From UTC (`character_sets` or the text of Section 5.7).",
     "PS3.4 C.6.1.2, C.6.2.2, K.6.1.3, CC.4: \"how it makes use of Specific Character Set (0008,0005) and Timezone Offset From UTC (0008,0201)\".",
     "List `character_sets` (or describe the use in `sections.services_charset`).", R(WORKFLOW_SCU, ("character_sets:\n  - defined_term: ISO_IR 100\n", "")), WORKFLOW_SCU)
ps34("DCS1034", "QR-06", "A C-FIND SCP key with Single Value Matching on DS/IS/DA/TM/DT or Wild Card Matching on PN says how the matching is performed (row `comments`, or a description of the SCP's matching).",
     "PS3.4 C.2.2.2.1.3, C.2.2.2.1.4, C.2.2.2.4: the manner of matching \"is implementation dependent and shall be specified in the Conformance Statement.\"",
     "Add `comments` to the row, or describe matching in the SCP's description.",
     R(QR_SCP, ("        description: PN matching is case-insensitive for Patient's Name. DA matching is exact.\n", "        description: Names are compared case-insensitively.\n")),
     R(QR_SCP, ("        description: PN matching is case-insensitive for Patient's Name. DA matching is exact.\n", "        description: Names are compared case-insensitively.\n"), ("          matching_type: WILDCARD\n", "          matching_type: WILDCARD\n          comments: \"* and ? are supported.\"\n")))
ps34("DCS1035", "QR-07", "A C-MOVE or C-GET SCP lists the Storage SOP Classes of its C-STORE sub-operations (`sub_operation_sop_classes`), and claims each as Storage SCU; a C-GET SCU claims Storage SOP Classes as SCP.",
     "PS3.4 C.6.1.2.2.2, C.6.2.2.2.2, C.6.2.2.2.3: the SCP \"shall list … the Storage Service Class SOP Classes under which it shall support the C-STORE sub-operations\"; C.4.2, C.4.3.",
     "Add `sub_operation_sop_classes` and claim them.", R(QR_SCP, ("        sub_operation_sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n", "")), QR_SCP)
ps34("DCS1036", "QR-08", "A C-FIND SCP is accompanied by a C-MOVE or C-GET SCP: the AE named in the Retrieve AE Title (0008,0054) it returns shall support retrieval.",
     "PS3.4 C.4.1.1.3.2: the SCP shall support Retrieve AE Title and/or Storage Media File-Set ID and UID in its responses, and the AE it names supports C-MOVE or C-GET.",
     "Claim a MOVE or GET SOP Class as SCP (or describe the Retrieve AE of another product).",
     R(QR_SCP, ("  - uid: 1.2.840.10008.5.1.4.1.2.2.2\n    name: Study Root Query/Retrieve Information Model - MOVE\n    scp: [QR-SCP]\n    transfer_syntax_sets: [U]\n", ""),
       (", 1.2.840.10008.5.1.4.1.2.2.2]", "]"), ("    move:\n      scp:\n        priority: Priority is ignored.\n        sub_operation_sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n", "")), QR_SCP)
ps34("DCS1037", "QR-09", "Extended negotiation items of Query/Retrieve SOP Classes are those PS3.4 defines: for C-FIND relational-queries, combined date-time matching, fuzzy PN matching, timezone adjustment, Enhanced Multi-Frame Image Conversion, Empty and Multiple Value Matching; for C-MOVE/C-GET relational-retrieval and Enhanced Multi-Frame Image Conversion (a warning).",
     "PS3.4 C.5.1.1, C.5.2.1, C.5.3.1, Tables C.5-1 to C.5-4.", "Remove the item or use the PS3.4 name.",
     R(QR_SCP, ("            negotiation: Relational-queries\n", "            negotiation: Case-insensitive matching\n"), ("        relational: true\n", "        relational: false\n")), QR_SCP)
ps34("DCS1038", "MWL-01", "A Modality Worklist SCU lists the Optional Matching Keys and Type 3 Return Keys it requests (rows of the table of Section 5.2.1.1).",
     "PS3.4 K.6.1.3.1: \"shall state … whether it requests matching on Optional Matching Key Attributes … If it requests Type 3 Return Key Attributes, then it shall list these\".",
     "Add the key rows.", R(WORKFLOW_SCU, ('''  services_scu_mwl_find:
    tables:
      supported_c_find_query_parameters_for_modality_worklist_scu:
        - attribute_name: Scheduled Station AE Title
          tag: (0040,0001)
          matching_type: SINGLE_VALUE
          query_value_source: CONFIGURATION
''', "")), WORKFLOW_SCU)
MWL_SCP = R(WORKFLOW_SCU, ("    scu: [WORKFLOW]\n    transfer_syntax_sets: [U]\n  - uid: 1.2.840.10008.3.1.2.3.3", "    scp: [WORKFLOW]\n    transfer_syntax_sets: [U]\n  - uid: 1.2.840.10008.3.1.2.3.3"),
            ("        role: initiator\n        description: Queries the worklist when the user opens the patient list.\n", "        role: acceptor\n        description: Answers worklist queries.\n"),
            ("dimse:\n", "dimse:\n  worklist:\n    scp:\n      description: Priority is ignored.\n"),
            ('''  services_scu_mwl_find:
    tables:
      supported_c_find_query_parameters_for_modality_worklist_scu:
        - attribute_name: Scheduled Station AE Title
          tag: (0040,0001)
          matching_type: SINGLE_VALUE
          query_value_source: CONFIGURATION
''', '''  services_scp_mwl_find:
    tables:
      supported_c_find_return_keys_for_modality_worklist_scp:
        - attribute_name: Scheduled Station AE Title
          tag: (0040,0001)
          matching_type: SINGLE_VALUE
'''))
ps34("DCS1039", "MWL-02", "A Modality Worklist SCP lists its Optional Matching Keys with their matching type and its Type 3 Return Keys (rows of the table of Section 5.2.1.2).",
     "PS3.4 K.2.2.2: \"The Conformance Statement of the SCP shall define the type of matching for each Optional Matching Key Attribute\"; K.6.1.3.2.",
     "Add the key rows.", R(MWL_SCP, ('''  services_scp_mwl_find:
    tables:
      supported_c_find_return_keys_for_modality_worklist_scp:
        - attribute_name: Scheduled Station AE Title
          tag: (0040,0001)
          matching_type: SINGLE_VALUE
''', "")), MWL_SCP)
ps34("DCS1040", "MPPS-01", "An MPPS SCU/SCP enumerates the Attributes of N-CREATE and N-SET (rows of the tables of Section 5.2.2).",
     "PS3.4 F.7.4.1.1, F.7.4.2.1: \"Any Attributes for which Attribute Values may be provided (using the N-CREATE Service) … shall be enumerated in the Conformance Statement\" (and N-SET).",
     "Add the rows.", R(WORKFLOW_SCU, ('''  services_scu_mpps:
    tables:
      supported_n_create_and_n_set_attributes_for_modality_performed_procedure_step_scu:
        - attribute_name: Performed Procedure Step Status
          tag: (0040,0252)
          source: GENERATED
          value_n_create: IN PROGRESS
          value_n_set: COMPLETED
''', "")), WORKFLOW_SCU)
ps34("DCS1041", "MPPS-02", "An MPPS SCU describes when it creates the MPPS, when it sets COMPLETED and DISCONTINUED, and how it groups instances.",
     "PS3.4 F.7.4.1.1: \"shall specify under which conditions … it will create the SOP Class Instance and under which conditions it will set the status value to COMPLETED and DISCONTINUED\" and its grouping strategy.",
     "Add `dimse.mpps.scu.description`.", R(WORKFLOW_SCU, ("dimse:\n  mpps:\n    scu:\n      description: The MPPS is created when the first image is acquired and COMPLETED when the user closes the exam.\n", "")), WORKFLOW_SCU)
MPPS_SCP = PRODUCT.replace("Acme CT", "Acme RIS").replace("A CT scanner.", "A RIS.") + TS_U + '''application_entities:
  - name: RIS
    ae_title: ACME_RIS
    description: Receives procedure steps.
    activities:
      - name: Receive MPPS
        role: acceptor
        description: Accepts MPPS from modalities.
        sop_classes: [1.2.840.10008.3.1.2.3.3]
        role_negotiation: Accepts the SCP role.
sop_classes:
  - uid: 1.2.840.10008.3.1.2.3.3
    name: Modality Performed Procedure Step
    scp: [RIS]
    transfer_syntax_sets: [U]
dimse:
  mpps:
    scp:
      description: A new MPPS marks the order as started; COMPLETED closes it. No Attributes are coerced. Instances are kept 30 days.
sections:
  services_scp_mpps:
    tables:
      supported_n_create_and_n_set_attributes_for_modality_performed_procedure_step_scp:
        - attribute_name: Performed Procedure Step Status
          tag: (0040,0252)
          required_in_n_create: Y
          required_in_n_set: Y
'''
ps34("DCS1042", "MPPS-03", "An MPPS SCP describes its behaviour on creation and status change, the Attributes it may coerce and how long instances persist.",
     "PS3.4 F.7.4.2.1.", "Add `dimse.mpps.scp.description`.",
     R(MPPS_SCP, ("dimse:\n  mpps:\n    scp:\n      description: A new MPPS marks the order as started; COMPLETED closes it. No Attributes are coerced. Instances are kept 30 days.\n", "")), MPPS_SCP)
MPPS_R = R(MPPS_SCP, ("    scp: [RIS]\n    transfer_syntax_sets: [U]\n", "    scp: [RIS]\n    transfer_syntax_sets: [U]\n  - uid: 1.2.840.10008.3.1.2.3.4\n    name: Modality Performed Procedure Step Retrieve\n    scp: [RIS]\n    transfer_syntax_sets: [U]\n    comment: N-GET returns all Attributes of the MPPS.\n"),
           ("        sop_classes: [1.2.840.10008.3.1.2.3.3]\n", "        sop_classes: [1.2.840.10008.3.1.2.3.3, 1.2.840.10008.3.1.2.3.4]\n"))
ps34("DCS1043", "MPPS-04", "An MPPS Retrieve SCU/SCP enumerates the Attributes that can be requested with N-GET (in the SOP Class `comment`; the template has no table for them).",
     "PS3.4 F.8.4.1.1, F.8.4.2.1.", "Add `comment` listing the Attributes.",
     R(MPPS_R, ("    comment: N-GET returns all Attributes of the MPPS.\n", "")), MPPS_R)
MPPS_N = R(MPPS_SCP, ("    scp: [RIS]\n    transfer_syntax_sets: [U]\n", "    scp: [RIS]\n    transfer_syntax_sets: [U]\n  - uid: 1.2.840.10008.3.1.2.3.5\n    name: Modality Performed Procedure Step Notification\n    scp: [RIS]\n    transfer_syntax_sets: [U]\n    comment: \"Event types: In Progress, Completed, Discontinued; no optional Attributes.\"\n"),
           ("        sop_classes: [1.2.840.10008.3.1.2.3.3]\n", "        sop_classes: [1.2.840.10008.3.1.2.3.3, 1.2.840.10008.3.1.2.3.5]\n"))
ps34("DCS1044", "MPPS-05", "An MPPS Notification SCU/SCP enumerates the event types and optional Attributes of its notifications (in the SOP Class `comment`).",
     "PS3.4 F.9.4.1.1, F.9.4.2.1, Table F.9.2-1.", "Add `comment` with the event types.",
     R(MPPS_N, ("    comment: \"Event types: In Progress, Completed, Discontinued; no optional Attributes.\"\n", "")), MPPS_N)
ps34("DCS1045", "SC-01", "A Storage Commitment SCU documents how it transfers the instances, what triggers the N-ACTION, the SOP Classes it asks commitment for, how long the Transaction UID is valid, and what it does on success (local deletion) and failure.",
     "PS3.4 J.1.1, J.3.6.1, J.3.6.1.1, J.3.6.1.2.", "Add `dimse.storage_commitment.scu.description`.",
     R(COMMIT_SCU, ("  storage_commitment:\n    scu:\n      description: Asks for commitment of every exam 1 hour after sending it, by Storage; deletes local copies 7 days after a successful commitment; resends on failure.\n", "")), COMMIT_SCU)
COMMIT_SCP = R(STORE_SCP, ("        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n", "        sop_classes: [1.2.840.10008.5.1.4.1.1.2, 1.2.840.10008.1.20.1]\n        role_negotiation: Accepts the SCU role for Storage Commitment.\n      - name: Report Commitment\n        role: initiator\n        description: Sends the N-EVENT-REPORT on a new association.\n        sop_classes: [1.2.840.10008.1.20.1]\n"),
                 ("    archive: true\n", "    archive: true\n  - uid: 1.2.840.10008.1.20.1\n    name: Storage Commitment Push Model\n    scp: [STORE-SCP]\n    transfer_syntax_sets: [U]\n"),
                 ("dimse:\n", "dimse:\n  storage_commitment:\n    scp:\n      retention: Committed instances are kept on RAID storage for 10 years and can be retrieved with Q/R within seconds.\n"))
ps34("DCS1046", "SC-02", "A Storage Commitment SCP documents the nature of its commitment: duration, deletion conditions, capacity, retrieval and latency (`retention`).",
     "PS3.4 J.1.1: \"The SCP is required to document in its Conformance Statement the nature of its commitment to storage (e.g., duration of storage, retrieve capabilities and latency, capacity)\"; J.3.6.2.1.",
     "Add `dimse.storage_commitment.scp.retention`.", R(COMMIT_SCP, ("  storage_commitment:\n    scp:\n      retention: Committed instances are kept on RAID storage for 10 years and can be retrieved with Q/R within seconds.\n", "")), COMMIT_SCP)
ps34("DCS1047", "SC-03", "A Storage Commitment SCU also sends the instances it asks commitment for: some Storage SOP Class is claimed as SCU (a warning).",
     "PS3.4 J.3.6.1: \"The mechanisms used by the SCU to transfer SOP Instances to the SCP shall be documented\"; J.3.6.1.1.",
     "Claim the Storage SOP Classes as SCU.",
     R(COMMIT_SCU, ("  - uid: 1.2.840.10008.5.1.4.1.1.2\n    name: CT Image Storage\n    scu: [STORAGE-SCU]\n", "  - uid: 1.2.840.10008.5.1.4.1.1.2\n    name: CT Image Storage\n    fsc: true\n"), ("        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n      - name: Commit", "        sop_classes: []\n      - name: Commit"), ("dimse:\n", "dimse:\n"), ("  - uid: 1.2.840.10008.1.20.1\n", "  - uid: 1.2.840.10008.1.3.10\n    name: Media Storage Directory Storage\n    fsc: true\n  - uid: 1.2.840.10008.1.20.1\n"),
       ("  storage:\n    scu:\n      description: On success the image is marked sent; on warning it is marked sent with a note; on failure the transfer is retried three times.\n", "")), COMMIT_SCU)
ps34("DCS1048", "SC-04", "When activities are described, a Storage Commitment SCP AE has an initiating activity (to send the N-EVENT-REPORT on a separate association) and an SCU AE an accepting one (a warning).",
     "PS3.4 J.3.3.1.2 and J.3.3.1.3: the SCP shall be capable of sending, and the SCU of receiving, the N-EVENT-REPORT on a different association.",
     "Add the activity.", R(COMMIT_SCU, ("      - name: Receive Commitment\n        role: acceptor\n        description: Accepts the N-EVENT-REPORT on a separate association.\n        sop_classes: [1.2.840.10008.1.20.1]\n        role_negotiation: Accepts the SCP role proposed by the commitment SCP.\n", "")), COMMIT_SCU)
ps34("DCS1049", "SC-05", "A Storage Commitment SCP does not claim Storage Level 0 or 1 (a warning).", "PS3.4 J.3.3.1.2: committed instances are stored at Level 2 (Full).",
     "Store at Level 2.", R(COMMIT_SCP, ("      level_of_support: 2\n      digital_signature_level: 1\n", "      level_of_support: 1\n")), COMMIT_SCP)
UPS_ST = A(UPS_SCU, "sections:\n  status_scu_ups_pull_n_get:\n    text: Failures are shown to the user.\n")
ps34("DCS1050", "UPS-01", "For each claimed UPS SOP Class and role, the status subsections of the DIMSE services that are mandatory for that role (PS3.4 Tables CC.2-1 to CC.2-5) are not marked N/A.",
     "PS3.4 CC.3: an AE \"shall support all services listed as 'M'\" for the SOP Class it claims.", "Describe the service instead of marking it N/A.",
     R(UPS_ST, ("    text: Failures are shown to the user.\n", "    na: true\n")), UPS_ST)
ps34("DCS1051", "UPS-02", "A UPS Push/Pull/Watch SCU states when it requests IN PROGRESS, COMPLETED and CANCELED.",
     "PS3.4 CC.4.1.1: the SCU \"shall specify under which conditions it will request the modification of the value of the Procedure Step State (0074,1000) Attribute\".",
     "Add `dimse.ups.scu.description`.", R(UPS_SCU, ("dimse:\n  ups:\n    scu:\n      description: Sets IN PROGRESS when the user starts a workitem and COMPLETED when it is done; never CANCELED. Queries on Scheduled Station Name only; UTF-8.\n", "")), UPS_SCU)
ps34("DCS1052", "UPS-03", "A UPS Pull/Watch/Query SCU states its Optional Matching Keys, Type 3 Return Keys, fuzzy PN negotiation, character set use and access mechanisms.",
     "PS3.4 CC.4.1.1.", "Add `dimse.ups.scu.description`.",
     R(UPS_SCU, ("dimse:\n  ups:\n    scu:\n      description: Sets IN PROGRESS when the user starts a workitem and COMPLETED when it is done; never CANCELED. Queries on Scheduled Station Name only; UTF-8.\n", "")), UPS_SCU)
UPS_SCP = R(UPS_SCU, ("    scu: [PERFORMER]\n", "    scp: [PERFORMER]\n"), ("dimse:\n  ups:\n    scu:\n      description: Sets IN PROGRESS when the user starts a workitem and COMPLETED when it is done; never CANCELED. Queries on Scheduled Station Name only; UTF-8.\n",
            "dimse:\n  ups:\n    scp:\n      description: Workitems persist 7 days after COMPLETED; priority of C-FIND is ignored; PN matching is case-insensitive; values are coerced to the worklist's code sets.\n"))
ps34("DCS1053", "UPS-04", "A UPS SCP documents creation, state changes, updatable Attributes, persistence, C-FIND priority, PN matching, character sets, filtering, subscriptions and access mechanisms.",
     "PS3.4 CC.4.2.1.", "Add `dimse.ups.scp.description`.",
     R(UPS_SCP, ("dimse:\n  ups:\n    scp:\n      description: Workitems persist 7 days after COMPLETED; priority of C-FIND is ignored; PN matching is case-insensitive; values are coerced to the worklist's code sets.\n", "")), UPS_SCP)
ps34("DCS1054", "UPS-05", "A UPS Push SCP documents the modifications it may make on N-CREATE (Warning B300), a Pull SCP the coercions after N-SET (Warning B305); status rows B300/B305 say what is modified.",
     "PS3.4 CC.2.5.3: \"A description of the modifications the SCP may perform shall be documented\"; CC.2.6.3: \"A description of the coercions the SCP may perform shall be documented\".",
     "Describe them in the SCP's description or status tables.",
     R(UPS_SCP, ("; values are coerced to the worklist's code sets.", ".")), UPS_SCP)
PRINT_BAD = R(PRINT_SCU, ("  - uid: 1.2.840.10008.5.1.1.9\n    name: Basic Grayscale Print Management Meta\n", "  - uid: 1.2.840.10008.5.1.1.1\n    name: Basic Film Session\n"))
ps34("DCS1055", "PRN-01", "A Print SCU/SCP claims a Basic Grayscale or Basic Color Print Management Meta SOP Class.",
     "PS3.4 H.3.1 and H.5: conformance to the Print Management Service Class is claimed through at least one of the Meta SOP Classes.",
     "Claim the Meta SOP Class.", PRINT_BAD, PRINT_SCU)
ps34("DCS1056", "MED-02", "A File-set Creator or Updater supports the Media Storage Directory Storage SOP Class (1.2.840.10008.1.3.10) as FSC/FSU.",
     "PS3.4 I.3.1, I.3.3: every File-set has a DICOMDIR.", "Declare the Media Storage Directory SOP Class with `fsc`/`fsu`.",
     R(MEDIA_FSC, ("  - uid: 1.2.840.10008.1.3.10\n    name: Media Storage Directory Storage\n    fsc: true\n", "")), MEDIA_FSC)
INV = R(QR_SCP, ("  - uid: 1.2.840.10008.5.1.4.1.2.2.2\n    name: Study Root Query/Retrieve Information Model - MOVE\n    scp: [QR-SCP]\n    transfer_syntax_sets: [U]\n", "  - uid: 1.2.840.10008.5.1.4.1.2.2.2\n    name: Study Root Query/Retrieve Information Model - MOVE\n    scp: [QR-SCP]\n    transfer_syntax_sets: [U]\n  - uid: 1.2.840.10008.5.1.4.1.1.201.3\n    name: Inventory MOVE\n    scp: [QR-SCP]\n    transfer_syntax_sets: [U]\n  - uid: 1.2.840.10008.5.1.4.1.1.201.1\n    name: Inventory Storage\n    scu: [QR-SCP]\n    transfer_syntax_sets: [U]\n"),
        ("        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n      - name: Send", "        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n      - name: Send"))
ps34("DCS1057", "INV-01", "An Inventory MOVE/GET SCP lists Inventory Storage (1.2.840.10008.5.1.4.1.1.201.1) among its sub-operation SOP Classes.",
     "PS3.4 JJ.4.2.2.2, JJ.4.2.2.3.", "Add it to `sub_operation_sop_classes`.",
     INV, R(INV, ("        sub_operation_sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n", "        sub_operation_sop_classes: [1.2.840.10008.5.1.4.1.1.2, 1.2.840.10008.5.1.4.1.1.201.1]\n")))
IMPL = R(STORE_SCP, ("    archive: true\n", "    archive: true\n  - uid: 1.2.840.10008.5.1.4.43.2\n    name: Generic Implant Template Information Model - FIND\n    scp: [STORE-SCP]\n    transfer_syntax_sets: [U]\n"))
ps34("DCS1058", "NPQ-03", "An Implant Template, Defined Procedure Protocol or Protocol Approval Q/R SCP stores at Level 2.",
     "PS3.4 BB.1.4, HH.1.4, II.1.4.", "Store at Level 2.", R(IMPL, ("      level_of_support: 2\n      digital_signature_level: 1\n", "      level_of_support: 1\n")), IMPL)
CIR = R(QR_SCP, ("  - uid: 1.2.840.10008.5.1.4.1.2.2.2\n    name: Study Root Query/Retrieve Information Model - MOVE\n", "  - uid: 1.2.840.10008.5.1.4.1.2.4.2\n    name: Composite Instance Root Retrieve - MOVE\n"), ("1.2.840.10008.5.1.4.1.2.2.2]", "1.2.840.10008.5.1.4.1.2.4.2]"),
        ("        extended_negotiation:\n          - sop_class: 1.2.840.10008.5.1.4.1.2.2.1\n            negotiation: Relational-queries\n            support: true\n", "        extended_negotiation:\n          - sop_class: 1.2.840.10008.5.1.4.1.2.2.1\n            negotiation: Relational-queries\n            support: true\n          - sop_class: 1.2.840.10008.5.1.4.1.2.4.2\n            negotiation: Enhanced Multi-Frame Image Conversion\n            support: true\n"))
ps34("DCS1059", "CIR-03", "No relational retrieve is claimed for Composite Instance Root Retrieve or Composite Instance Retrieve Without Bulk Data SOP Classes.",
     "PS3.4 Y.4.1.2.2, Y.5.1.1, Z.4.2.2.2, Z.5.1: these services do not support relational retrieve; their only extended negotiation is Enhanced Multi-Frame Image Conversion.",
     "Remove the item.", R(CIR, ("            negotiation: Enhanced Multi-Frame Image Conversion\n", "            negotiation: Relational-retrieval\n")), CIR)
HP = R(QR_SCP, ("  - uid: 1.2.840.10008.5.1.4.1.2.2.2\n    name: Study Root Query/Retrieve Information Model - MOVE\n    scp: [QR-SCP]\n    transfer_syntax_sets: [U]\n", "  - uid: 1.2.840.10008.5.1.4.1.2.2.2\n    name: Study Root Query/Retrieve Information Model - MOVE\n    scp: [QR-SCP]\n    transfer_syntax_sets: [U]\n  - uid: 1.2.840.10008.5.1.4.38.3\n    name: Hanging Protocol Information Model - MOVE\n    scu: [QR-SCP]\n    transfer_syntax_sets: [U]\n"),
       ("      - name: Send Images\n        role: initiator\n        description: Sends images for C-MOVE requests.\n        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n", "      - name: Send Images\n        role: initiator\n        description: Sends images for C-MOVE requests.\n        sop_classes: [1.2.840.10008.5.1.4.1.1.2]\n      - name: Get Hanging Protocols\n        role: initiator\n        description: Retrieves hanging protocols.\n        sop_classes: [1.2.840.10008.5.1.4.38.3]\n"))
ps34("DCS1060", "NPQ-05", "No relational retrieve is claimed for the non-patient retrieve SOP Classes (Hanging Protocol, Color Palette, Implant Template, Defined Procedure Protocol, Protocol Approval, Inventory) (a warning).",
     "PS3.4 U.4.2, X.4.2, BB.4.2, HH.4.2, II.4.2, JJ.3.2.", "Remove the item.",
     R(HP, ("        sop_classes: [1.2.840.10008.5.1.4.38.3]\n", "        sop_classes: [1.2.840.10008.5.1.4.38.3]\n        extended_negotiation:\n          - sop_class: 1.2.840.10008.5.1.4.38.3\n            negotiation: Relational-retrieval\n            support: true\n")), HP)

# ----------------------------------------------------------------------------------------------- build
rule("DCS9001", "An output file cannot be written (permissions, disk full, a directory in the way).",
     "`dcsc build` writes each output to a temporary file and renames it when complete, so a failed write never leaves a half-written file.",
     "Check the output folder.", "$ dcsc build statement.yaml -o /read-only\nerror DCS9001: output cannot be written: …", "$ dcsc build statement.yaml -o out", "text", "text")
rule("DCS9002", "A Markdown template (built in, or given with `--templates`) cannot be read, cannot be parsed, or fails while rendering: an unknown variable or member, an include of a template that does not exist, or a run past its bounds (steps, output size, depth, time). A template file that is not a regular file of the folder (a link out of it, a FIFO, a device), an old Handlebars `.hbs` folder, and a `section.<key>`/`table.<key>` template for no such section or table are refused too. Reported at the template's line and column when there is one.",
     "Templates produce the Markdown of each section; a template folder comes from a pull request like the statement does, so it is untrusted input (docs/limits.md).", "Fix the template at the reported place (docs/layout.md, \"Templates\", lists the variables of each template).", "templates/heading.sbn:\n{{ md.heading_marker section.level }} {{ section.titel }}", "templates/heading.sbn:\n{{ md.heading_marker section.level }} {{ section.title }}", "text", "text")
rule("DCS9003", "The configuration file dcsc.yaml is invalid: it is not a mapping, `rules` is not a mapping, a rule id is unknown or not a lint rule, or a severity is not off, info, warning or error. Reported at the file's line and column.",
     "A misspelt rule id would otherwise be ignored silently and the rule would keep its default severity.",
     "Fix the id (see docs/rules/) or the severity.", "# dcsc.yaml\nrules:\n  DCS0104: off\n  DCS9999: off        # unknown rule id\n  DCS0309: sometimes  # not a severity",
     "# dcsc.yaml\nrules:\n  DCS0104: off\n  DCS0309: error", "text", "text")
rule("DCS9004", "The reference document given for DOCX styles (`--reference-doc`) cannot be used.",
     "The reference .docx provides the company's Word styles.", "Give a valid .docx file.", "$ dcsc build statement.yaml --format docx --reference-doc styles.txt", "$ dcsc build statement.yaml --format docx --reference-doc styles.docx", "text", "text")
rule("DCS9005", "A Markdown field of the statement (a description, a `text`, a comment) is nested too deeply or is too costly to parse: more than 64 levels of block quotes, lists or emphasis, or a paragraph built to make the Markdown parser take quadratic time (for example thousands of unclosed `[x](` links). See [docs/limits.md](../limits.md).",
     "dcsc runs unattended in CI on whatever a pull request contains. A field crafted to exhaust the renderer's stack or time would otherwise crash or hang the build; it is refused instead, and nothing is written.",
     "Write the text as ordinary prose: a few levels of lists or quotes at most, and balanced links.",
     'product:\n  description: "> > > > > … (500 levels of block quote) x"', 'product:\n  description: "An archive for all Storage SOP Classes; see Section 5.2.5."', "text", "text")
rule("DCS9101", "`dcsc import` cannot read the input: an unsupported extension, not a regular file, larger than the input limit, a corrupt or password-protected .docx, an encrypted PDF, a document past a size limit (pages, blocks, table cells; docs/limits.md), or a document that is not a DICOM Conformance Statement (fewer than three PS3.2 sections and no SOP Class UID).",
     "An import either produces a complete project or nothing; bad input gets one clear message instead of a partial project.",
     "Import the statement itself: save a protected .docx unprotected, remove a PDF's password (or import the text of `pdftotext -layout`), split a document past the limits.",
     "$ dcsc import minutes.docx -o project\nminutes.docx: error DCS9101: 'minutes.docx' does not look like a DICOM Conformance Statement: 4 headings, 0 of them PS3.2 sections, 1 tables, no SOP Class UID",
     "$ dcsc import vendor-statement.docx -o project", "text", "text")
rule("DCS9102", "The output folder of `dcsc import` already holds files the import would write (statement.yaml, its included files, images, import-report.md).",
     "An import never replaces a project the author may have edited since; nothing is written.",
     "Choose another folder, or add `--force` to replace those files.",
     "$ dcsc import vendor.docx -o project   # project/statement.yaml exists\nproject/statement.yaml: error DCS9102: the output folder already holds a project …",
     "$ dcsc import vendor.docx -o project --force", "text", "text")

rule("DCS9006", "`dcsc build --format pdf` cannot print the PDF: the engine (WeasyPrint, Debian package `weasyprint`) is not installed, fails, or does not finish within 10 minutes. The message names the package to install or gives the engine's own error.",
     "The PDF is the HTML output printed by a CSS Paged Media engine (docs/pdf.md); without one there is no PDF, and no partial output is written.",
     "Install the engine (`apt-get install weasyprint`), or build the other formats without `pdf`.",
     "$ dcsc build statement.yaml --format pdf\nstatement.yaml: error DCS9006: the PDF engine `weasyprint` (WeasyPrint) is not installed; install the Debian package `weasyprint` (apt-get install weasyprint) or put `weasyprint` on PATH",
     "$ apt-get install weasyprint && dcsc build statement.yaml --format pdf", "text", "text")

rule("DCS9007", "`dcsc build --format wadl` was asked for a statement that declares no DICOMweb transaction as origin server and no DICOMweb product addition: there is no service root whose capabilities (PS3.18 §8.9, Annex H) a WADL document could describe.",
     "The WADL document is what an origin server returns to OPTIONS on its service root; a product that only uses DICOMweb (user agent) or only DIMSE has none, and an empty document would mislead the tools that read it. Nothing is written.",
     "Build `wadl` only for products with `origin_server: true` transactions (or `dicomweb.additions`); use `--format json` for the machine-readable statement of any product.",
     "$ dcsc build ct-modality.yaml --format wadl\nct-modality.yaml: error DCS9007: the statement declares no DICOMweb origin server (no `dicomweb.transactions` entry with `origin_server: true`, no `dicomweb.additions`): there is no capabilities document to write",
     "$ dcsc build dicomweb-server.yaml --format wadl", "text", "text")

# ----------------------------------------------------------------------------------------------- writing
def catalogue():
    ids = {}
    for path in CATALOGUE:
        for m in re.finditer(r'new\("(DCS\d{4})", Severity\.(\w+), "((?:[^"\\]|\\.)*)", "(\w+)"\)', open(path, encoding="utf-8").read()):
            ids[m.group(1)] = dict(severity=m.group(2).lower(), title=m.group(3), category=m.group(4))
    return ids


def lint(yaml_text):
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "statement.yaml")
        open(p, "w", encoding="utf-8").write(yaml_text)
        r = subprocess.run(["dotnet", CLI, "lint", "--format", "json", "statement.yaml"], cwd=d, capture_output=True, text=True)
        return json.loads(r.stdout)["diagnostics"]


STAGE = {"layout": "Layout", "source": "Source", "schema": "Schema", "build": "Build", "uid": "Rules", "attribute": "Rules", "consistency": "Rules",
         "protocol": "Rules", "ps32": "Rules", "ps34": "Rules", "review": "Rules", "completeness": "Rules", "import": "Import"}


_RESULTS = {}


def lint_all():
    """Lints every failing yaml example in one dcsc run; returns id -> diagnostics of that id."""
    with tempfile.TemporaryDirectory() as d:
        files = []
        for id, spec in D.items():
            if spec["fail_lang"] != "yaml":
                continue
            open(os.path.join(d, f"{id}.yaml"), "w", encoding="utf-8").write(spec["fail"])
            files.append(f"{id}.yaml")
        r = subprocess.run(["dotnet", CLI, "lint", "--format", "json", *files], cwd=d, capture_output=True, text=True)
        for diag in json.loads(r.stdout)["diagnostics"]:
            id = os.path.basename(diag["file"])[:-5]
            if diag["id"] == id:
                _RESULTS.setdefault(id, []).append(diag)


def page(id, meta, spec):
    sev = meta["severity"]
    out = [f"# {id}: {meta['title']}", "",
           f"- Default severity: **{sev}**" + ("" if STAGE[meta['category']] != "Rules" else f" (configurable in `dcsc.yaml`: `rules: {{ {id}: off | warning | error }}`)"),
           f"- Category: {meta['category']} — stage: {STAGE[meta['category']]}", "",
           "## What it checks", "", spec["what"], "", "## Why", "", spec["why"], "",
           "## Failing example", "", f"```{spec['fail_lang']}", spec["fail"].rstrip("\n"), "```", ""]
    if spec["fail_lang"] == "yaml" and os.path.exists(CLI):
        found = _RESULTS.get(id, [])
        if not found:
            print(f"WARNING: {id}: the failing example does not report {id}", file=sys.stderr)
        else:
            out += ["`dcsc lint statement.yaml` reports:", "", "```text"]
            out += [f"statement.yaml({d['line']},{d['column']}): {d['severity']} {d['id']}: {d['message']}" for d in found[:3]]
            out += ["```", ""]
    out += ["## Passing example", "", f"```{spec['ok_lang']}", spec["ok"].rstrip("\n"), "```", "", "## How to fix", "", spec["fix"], ""]
    return "\n".join(out)


def main():
    ids = catalogue()
    os.makedirs(OUT, exist_ok=True)
    if os.path.exists(CLI):
        lint_all()
    elif "--check" in sys.argv:
        sys.exit(f"--check needs the built CLI ({CLI}): run dotnet build first")
    missing = [i for i in ids if i not in D and not os.path.exists(os.path.join(OUT, f"{i}.md"))]  # the PS3.4 pages come from ps34()
    extra = [i for i in D if i not in ids]
    if missing or extra:
        sys.exit(f"catalogue and docs disagree: missing docs {missing}, docs without id {extra}")
    index = ["# Diagnostics", "", "Every diagnostic dcsc can report, with its default severity. Rules-stage severities are configurable in",
             "`dcsc.yaml` (`rules: { DCS0104: off | warning | error }`); `dcsc lint --warnings-as-errors` turns warnings into errors.", "",
             "`dcsc.yaml` is looked for in the statement's folder and the folders above it, up to the repository root (the folder",
             "with `.git`), or given with `dcsc lint --config FILE`. Unknown rule ids and bad severities are reported as",
             "[DCS9003](DCS9003.md) at their line and column. Only Rules-stage ids (DCS0100-DCS1999) can be configured.", "",
             "Severity policy of the PS3.4 requirements (DCS1xxx): an **error** when a fact that has its own field is missing",
             "(e.g. the Level of Storage Support of a Storage SCP) or when a stated fact contradicts PS3.4; a **warning** when",
             "narrative that PS3.4 asks for seems to be missing (dcsc can only see whether the text is there).", "",
             "The PS3.4 candidate each DCS1xxx rule implements is named on its page; GEN-02 is DCS0104, GEN-03 DCS0103,",
             "GEN-04/GEN-05 DCS0105, GEN-08 DCS0401/DCS0402, GEN-09 and VER-01 DCS0407, MED-03 DCS0106.", "",
             "| Id | Severity | Category | Title |", "|---|---|---|---|"]
    files = {}
    for id in sorted(ids):
        if id in D:
            files[f"{id}.md"] = page(id, ids[id], D[id])
        index.append(f"| [{id}]({id}.md) | {ids[id]['severity']} | {ids[id]['category']} | {ids[id]['title'].replace('|', '/')} |")
    files["README.md"] = "\n".join(index) + "\n"
    if "--check" in sys.argv:
        stale = [name for name, text in files.items() if read(os.path.join(OUT, name)) != text]
        if stale:
            sys.exit("docs/rules is out of date (run python3 tools/gen_rule_docs.py after dotnet build): " + ", ".join(stale))
        print(f"docs/rules: {len(files)} files up to date")
        return
    for name, text in files.items():
        open(os.path.join(OUT, name), "w", encoding="utf-8").write(text)
    print(f"wrote {len(ids)} pages to {OUT}")


def read(path):
    try:
        return open(path, encoding="utf-8").read()
    except FileNotFoundError:
        return None


if __name__ == "__main__":
    main()
