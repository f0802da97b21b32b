#!/usr/bin/env python3
"""Generate dcsc's embedded DICOM dictionary resources.

Reads pydicom's generated dictionaries (_dicom_dict.py, _uid_dict.py, _version.py) AS DATA:
the dict literals are parsed with ast.literal_eval, nothing from pydicom is imported or executed.
Merges the PS3.4 SOP Class list (sop-classes.tsv) on top, and writes

    src/Dcsc.Core/Dictionary/Data/attributes.tsv
    src/Dcsc.Core/Dictionary/Data/uids.tsv

Usage (Debian/Ubuntu):
    apt-get install python3-pydicom
    python3 tools/gen_dictionary.py --shared /path/to/shared

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
REGEN = "python3 tools/gen_dictionary.py --shared /path/to/shared"

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


def header(kind, pydicom_version, dicom_version, columns, extra):
    edition = f"DICOM {dicom_version} (pydicom {pydicom_version}) + PS3.4 {PS34_EDITION} SOP Classes"
    lines = [
        f"# dcsc DICOM dictionary: {kind}",
        "# generator: tools/gen_dictionary.py",
        f"# edition: {edition}",
        f"# source: pydicom {pydicom_version} _dicom_dict.py/_uid_dict.py = DICOM PS3.6 {dicom_version} "
        "(parsed as data, never imported)",
        f"# source: PS3.4 {PS34_EDITION} SOP Class list (shared/reference/sop-classes.tsv)",
        "# licence: pydicom data is MIT-licensed (Copyright 2008-2018 Darcy Mason and pydicom contributors);"
        " DICOM content (c) NEMA",
    ]
    lines += [f"# {e}" for e in extra]
    lines += [f"# DO NOT EDIT: regenerate with `{REGEN}`", "#" + "\t".join(columns)]
    return "\n".join(lines) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", required=True, help="the shared folder (contains reference/sop-classes.tsv)")
    ap.add_argument("--pydicom", default=DEFAULT_PYDICOM, help=f"pydicom package folder (default {DEFAULT_PYDICOM})")
    ap.add_argument("--out", default=OUT_DIR, help="output folder")
    args = ap.parse_args()

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
    out_rows = []
    for tag, vr, vm, name, keyword, retired in rows:
        out_rows.append((tag, clean(vr), clean(vm), clean(name), clean(keyword), "Y" if retired == "Retired" else "N"))
    out_rows.sort()
    cols = ["tag", "vr", "vm", "name", "keyword", "retired"]
    text = header("attributes", pydicom_version, dicom_version, cols,
                  [f"counts: {len(exact)} exact + {len(repeaters)} repeating-group entries; "
                   "tag GGGGEEEE, x = any hex digit"])
    text += "".join("\t".join(r) + "\n" for r in out_rows)
    write(os.path.join(args.out, "attributes.tsv"), text)

    # ---- UIDs -------------------------------------------------------------------------------------
    uids = {}
    for uid, (name, typ, _info, retired, keyword) in uid_dict.items():
        if typ not in UID_TYPES:
            raise SystemExit(f"unknown UID type {typ!r} for {uid}; extend UID_TYPES and Dcsc.Dictionary.UidType")
        uids[uid] = {"name": clean(name), "keyword": clean(keyword), "type": UID_TYPES[typ],
                     "retired": "Y" if retired == "Retired" else "N", "service_class": ""}

    added, renamed, name_kept, reflagged, retyped = [], [], [], [], []
    with open(os.path.join(args.shared, "reference", "sop-classes.tsv"), encoding="utf-8") as f:
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
    write(os.path.join(args.out, "uids.tsv"), text)

    print(f"attributes: {len(exact)} exact + {len(repeaters)} repeaters = {len(out_rows)}")
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
