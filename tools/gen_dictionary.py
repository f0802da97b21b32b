#!/usr/bin/env python3
"""Generate dcsc's embedded DICOM dictionary resources.

Reads pydicom's generated dictionaries (_dicom_dict.py, _uid_dict.py, _version.py) AS DATA:
the dict literals are parsed with ast.literal_eval, nothing from pydicom is imported or executed.
Adds the attributes that the dictionary of the npm package dcmjs knows and pydicom's edition does not (read
from its generate/dictionary.mjs as text, never run), merges the PS3.4 SOP Class list
(tools/data/ps34-sop-classes.tsv) on top, and writes

    src/Dcsc.Core/Dictionary/Data/attributes.tsv
    src/Dcsc.Core/Dictionary/Data/uids.tsv

Usage (Debian/Ubuntu, with npm):
    apt-get install python3-pydicom
    (cd /tmp && npm pack dcmjs@0.52.2 && tar xzf dcmjs-0.52.2.tgz)   # -> /tmp/package
    python3 tools/gen_dictionary.py --dcmjs /tmp/package
    python3 tools/gen_dictionary.py --dcmjs /tmp/package --check     # exit 1 if the committed files differ

Output is deterministic (sorted, no timestamps): re-running with the same inputs gives identical files.
"""

import argparse
import ast
import csv
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(REPO, "src", "Dcsc.Core", "Dictionary", "Data")
DEFAULT_PYDICOM = "/usr/lib/python3/dist-packages/pydicom"
PS34_EDITION = "2025b"
PS34_LIST = os.path.join(REPO, "tools", "data", "ps34-sop-classes.tsv")
DCMJS_VERSION = "0.52.2"
REGEN = "python3 tools/gen_dictionary.py --dcmjs <unpacked dcmjs package>"

# PS3.6 Table A-1 lists these retired SOP Classes with an empty name; a statement that declares one names it as
# the toolkits do (dcm4che's UID dictionary), so dcsc knows that name instead of reporting `is ""`.
BLANK_UID_NAMES = {
    "1.2.840.10008.5.1.4.1.1.12.77": ("Zeiss OPT File (Retired)", "ZeissOPTFile"),
    "1.2.840.10008.5.1.4.1.1.40": ("MR Image Storage Zero Padded (Retired)", "MRImageStorageZeroPadded"),
}
# PS3.6 Table 6-1 lists retired elements whose name it blanked; PS3.6 itself writes "Retired-blank" for the
# others of that kind, and so does dcsc, so that every entry has a name.
BLANK_ATTRIBUTE_NAME = "Retired-blank"

# pydicom / PS3.4 UID type text -> dcsc's fixed set (must match Dcsc.Dictionary.UidType).
UID_TYPES = {
    "SOP Class": "SOP Class",
    "Meta SOP Class": "Meta SOP Class",
    "Transfer Syntax": "Transfer Syntax",
    "Well-known SOP Instance": "Well-known SOP Instance",
    "Well-known Printer SOP Instance": "Well-known SOP Instance",
    "Well-known Print Queue SOP Instance": "Well-known SOP Instance",
    "SOP Instance (well-known)": "Well-known SOP Instance",
    "Well-known frame of reference": "Well-known frame of reference",
    "Synchronization Frame of Reference": "Synchronization Frame of Reference",
    "Service Class": "Service Class",
    "Service Class UID (SOP Class Common Extended Negotiation)": "Service Class",
    "Application Context Name": "Application Context Name",
    "Coding Scheme": "Coding Scheme",
    "DICOM UIDs as a Coding Scheme": "Coding Scheme",
    "LDAP OID": "LDAP OID",
    "Mapping Resource": "Mapping Resource",
    "Application Hosting Model": "Application Hosting Model",
}


def literal_assignments(path):
    """Return {name: value} for every top-level `name = <literal>` / `name: T = <literal>`."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), filename=path)
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, value = node.targets[0].id, node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            name, value = node.target.id, node.value
        else:
            continue
        try:
            out[name] = ast.literal_eval(value)
        except ValueError:
            pass  # not a literal (e.g. a function call); ignore
    return out


def clean(text):
    text = str(text)
    if any(c in text for c in "\t\r\n"):
        raise SystemExit(f"field contains a tab or newline: {text!r}")
    return text.strip()


def uid_key(uid):
    return [int(p) if p.isdigit() else -1 for p in uid.split(".")]


def keyword_from_name(name):
    """Derive a PS3.6-style keyword for UIDs pydicom 2022a does not know (e.g. 'Inventory FIND SOP Class'
    -> 'InventoryFind'). PS3.6 keywords drop ' SOP Class' and 'SOP ' before 'Instance'."""
    n = re.sub(r"\s+SOP Class$", "", name)
    n = n.replace(" SOP Instance", " Instance")
    # PS3.6 writes the DIMSE names of Q/R models in title case (ModalityWorklistInformationModelFind).
    words = [w.title() if w in ("FIND", "MOVE", "GET") else w[:1].upper() + w[1:] for w in n.split()]
    return re.sub(r"[^A-Za-z0-9]", "", "".join(words))


def name_from_keyword(keyword):
    """PS3.6 forms a keyword from the name by dropping spaces and punctuation; dcmjs carries keywords only,
    so the names of the attributes it adds are the keyword split at its words
    ('StoredInstanceTransferSyntaxUID' -> 'Stored Instance Transfer Syntax UID')."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", keyword)
    # Plural acronyms ("IDs", "UIDs") and PS3.6's one-word "DateTime".
    words = re.sub(r"\b(U?I) Ds\b", r"\1Ds", words).replace("Date Time", "DateTime").replace("k V ", "kV ")
    return re.sub(r"\bOf\b", "of", re.sub(r"\b(And|Or|For|In|To|The|By|On|At|From|With)\b", lambda m: m.group(1).lower(), words))


DCMJS_ENTRY = re.compile(r'"\(([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\)":\s*\{\s*tag:\s*"[^"]*",\s*vr:\s*"([^"]*)",\s*'
                         r'name:\s*"([^"]*)",\s*vm:\s*"([^"]*)",\s*version:\s*"([^"]*)"')


def dcmjs_attributes(folder):
    """{tag: (vr, vm, keyword, retired)} of dcmjs' public (DICOM*) entries, read from generate/dictionary.mjs as text."""
    path = os.path.join(folder, "generate", "dictionary.mjs")
    with open(os.path.join(folder, "package.json"), encoding="utf-8") as f:
        version = re.search(r'"version":\s*"([^"]+)"', f.read()).group(1)
    if version != DCMJS_VERSION:
        raise SystemExit(f"dcmjs {version} found in {folder}; this generator is pinned to {DCMJS_VERSION}")
    out = {}
    with open(path, encoding="utf-8") as f:
        for g, e, vr, kw, vm, ver in DCMJS_ENTRY.findall(f.read()):
            if not ver.startswith("DICOM"):
                continue  # private and supplement-draft entries
            retired = ver == "DICOM/retired" or kw.startswith("RETIRED_")
            out[(g + e).upper()] = (vr, vm, kw.removeprefix("RETIRED_"), retired)
    return out


def header(kind, pydicom_version, dicom_version, columns, extra):
    edition = edition_text(pydicom_version, dicom_version)
    lines = [
        f"# dcsc DICOM dictionary: {kind}",
        "# generator: tools/gen_dictionary.py",
        f"# edition: {edition}",
        f"# source: pydicom {pydicom_version} _dicom_dict.py/_uid_dict.py = DICOM PS3.6 {dicom_version} "
        "(parsed as data, never imported)",
        f"# source: dcmjs {DCMJS_VERSION} generate/dictionary.mjs (npm; read as text, never run): attributes newer "
        f"than {dicom_version}, and elements retired since; names derived from their keywords",
        f"# source: PS3.4 {PS34_EDITION} SOP Class list (tools/data/ps34-sop-classes.tsv)",
        "# licence: pydicom data is MIT-licensed (Copyright 2008-2018 Darcy Mason and pydicom contributors);"
        " DICOM content (c) NEMA",
    ]
    lines += [f"# {e}" for e in extra]
    lines += [f"# DO NOT EDIT: regenerate with `{REGEN}`", "#" + "\t".join(columns)]
    return "\n".join(lines) + "\n"


def edition_text(pydicom_version, dicom_version):
    return (f"DICOM {dicom_version} (pydicom {pydicom_version}) + newer attributes (dcmjs {DCMJS_VERSION}) "
            f"+ PS3.4 {PS34_EDITION} SOP Classes")


def write(path, text, check, stale):
    if check:
        try:
            with open(path, encoding="utf-8", newline="") as f:
                if f.read() == text:
                    return
        except FileNotFoundError:
            pass
        stale.append(path)
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dcmjs", required=True, help=f"the unpacked npm package dcmjs {DCMJS_VERSION} (its package/ folder)")
    ap.add_argument("--pydicom", default=DEFAULT_PYDICOM, help=f"pydicom package folder (default {DEFAULT_PYDICOM})")
    ap.add_argument("--out", default=OUT_DIR, help="output folder")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 when the committed files differ")
    args = ap.parse_args()
    stale = []

    ver = literal_assignments(os.path.join(args.pydicom, "_version.py"))
    pydicom_version, dicom_version = ver["__version__"], ver["__dicom_version__"]
    dd = literal_assignments(os.path.join(args.pydicom, "_dicom_dict.py"))
    ud = literal_assignments(os.path.join(args.pydicom, "_uid_dict.py"))
    exact, repeaters, uid_dict = dd["DicomDictionary"], dd["RepeatersDictionary"], ud["UID_dictionary"]

    # ---- attributes -------------------------------------------------------------------------------
    rows = []
    for tag, (vr, vm, name, retired, keyword) in exact.items():
        rows.append((f"{tag:08X}", vr, vm, name, keyword, retired))
    for tag, (vr, vm, name, retired, keyword) in repeaters.items():
        if not re.fullmatch(r"[0-9A-Fa-fx]{8}", tag):
            raise SystemExit(f"unexpected repeater tag {tag!r}")
        rows.append((tag[:].upper().replace("X", "x"), vr, vm, name, keyword, retired))
    repeater_patterns = [re.compile(t.upper().replace("X", "[0-9A-F]")) for t in repeaters]
    newer = dcmjs_attributes(args.dcmjs)
    known = {f"{tag:08X}" for tag in exact}
    out_rows, added_attrs, newly_retired = [], 0, 0
    for tag, vr, vm, name, keyword, retired in rows:
        retired = retired == "Retired"
        if tag in newer and newer[tag][3] and not retired:
            retired, newly_retired = True, newly_retired + 1
        out_rows.append((tag, clean(vr), clean(vm), clean(name) or BLANK_ATTRIBUTE_NAME, clean(keyword), "Y" if retired else "N"))
    for tag, (vr, vm, keyword, retired) in newer.items():
        if tag in known or any(p.fullmatch(tag) for p in repeater_patterns):
            continue
        vr = {"ox": "OB or OW", "xs": "US or SS", "up": "UL"}.get(vr, vr)
        out_rows.append((tag, clean(vr), clean(vm), name_from_keyword(keyword), clean(keyword), "Y" if retired else "N"))
        added_attrs += 1
    out_rows.sort()
    cols = ["tag", "vr", "vm", "name", "keyword", "retired"]
    text = header("attributes", pydicom_version, dicom_version, cols,
                  [f"counts: {len(exact)} exact + {len(repeaters)} repeating-group entries from {dicom_version}, "
                   f"{added_attrs} added and {newly_retired} retired from dcmjs {DCMJS_VERSION}; "
                   "tag GGGGEEEE, x = any hex digit"])
    text += "".join("\t".join(r) + "\n" for r in out_rows)
    write(os.path.join(args.out, "attributes.tsv"), text, args.check, stale)

    # ---- UIDs -------------------------------------------------------------------------------------
    uids = {}
    for uid, (name, typ, _info, retired, keyword) in uid_dict.items():
        if typ not in UID_TYPES:
            raise SystemExit(f"unknown UID type {typ!r} for {uid}; extend UID_TYPES and Dcsc.Dictionary.UidType")
        uids[uid] = {"name": clean(name), "keyword": clean(keyword), "type": UID_TYPES[typ],
                     "retired": "Y" if retired == "Retired" else "N", "service_class": ""}
        if not uids[uid]["name"]:
            if uid not in BLANK_UID_NAMES:
                raise SystemExit(f"UID {uid} has no name in {dicom_version}; add it to BLANK_UID_NAMES with its source")
            uids[uid]["name"], uids[uid]["keyword"] = BLANK_UID_NAMES[uid]

    added, renamed, name_kept, reflagged, retyped = [], [], [], [], []
    with open(PS34_LIST, encoding="utf-8") as f:
        ps34 = sorted(csv.DictReader(f, delimiter="\t"), key=lambda r: uid_key(r["uid"]))
    for r in ps34:
        uid, name = r["uid"].strip(), clean(r["name"])
        typ = UID_TYPES.get(r["uid_type"].strip())
        if typ is None:
            raise SystemExit(f"unknown PS3.4 UID type {r['uid_type']!r} for {uid}")
        retired = "Y" if r["retired"].strip().upper() == "Y" else "N"
        e = uids.get(uid)
        if e is None:
            uids[uid] = {"name": name, "keyword": keyword_from_name(name), "type": typ, "retired": retired,
                         "service_class": clean(r["service_class"])}
            added.append(uid)
            continue
        e["service_class"] = clean(r["service_class"])
        if e["name"] != name:
            # PS3.4 sometimes describes a well-known instance in prose ("Global Instance Subscription
            # (well-known UID for ...)"); that is not a name, keep the PS3.6 registry name then.
            if "(" in name:
                name_kept.append((uid, e["name"], name))
            else:
                renamed.append((uid, e["name"], name))
                e["name"] = name
        if e["retired"] != retired:
            reflagged.append((uid, e["retired"], retired))
            e["retired"] = retired
        if e["type"] != typ:
            retyped.append((uid, e["type"], typ))  # reported only; the PS3.6 type is kept

    cols = ["uid", "name", "keyword", "type", "retired", "service_class"]
    text = header("UIDs", pydicom_version, dicom_version, cols,
                  [f"counts: {len(uid_dict)} UIDs from {dicom_version}, {len(added)} added from PS3.4 "
                   f"{PS34_EDITION}, {len(renamed)} renamed, {len(reflagged)} retired flags changed",
                   "keywords of UIDs added from PS3.4 are derived from the name (PS3.4 has no keywords)"])
    for uid in sorted(uids, key=uid_key):
        e = uids[uid]
        text += "\t".join([uid, e["name"], e["keyword"], e["type"], e["retired"], e["service_class"]]) + "\n"
    write(os.path.join(args.out, "uids.tsv"), text, args.check, stale)
    if args.check:
        for path in stale:
            print(f"{os.path.relpath(path, REPO)} is stale: regenerate with `{REGEN}`", file=sys.stderr)
        return 1 if stale else 0

    print(f"attributes: {len(exact)} exact + {len(repeaters)} repeaters + {added_attrs} from dcmjs = {len(out_rows)}"
          f" ({newly_retired} retired since {dicom_version})")
    print(f"uids: {len(uids)} ({len(uid_dict)} from DICOM {dicom_version}, {len(added)} added from PS3.4 {PS34_EDITION})")
    for uid in added:
        print(f"  added    {uid}  {uids[uid]['name']}  [{uids[uid]['keyword']}]")
    for uid, old, new in renamed:
        print(f"  renamed  {uid}  {old!r} -> {new!r}")
    for uid, old, new in name_kept:
        print(f"  kept     {uid}  {old!r} (PS3.4 text: {new!r})")
    for uid, old, new in reflagged:
        print(f"  retired  {uid}  {old} -> {new}")
    for uid, old, new in retyped:
        print(f"  type     {uid}  {old!r} (PS3.4: {new!r}), kept")
    print(f"summary: added {len(added)}, renamed {len(renamed)}, name kept {len(name_kept)}, "
          f"retired flag changed {len(reflagged)}")


if __name__ == "__main__":
    sys.exit(main())
