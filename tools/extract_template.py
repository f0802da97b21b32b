#!/usr/bin/env python3
"""Generate src/Dcsc.Core/Layout/Data/template.json from the PS3.2 template seed.

Usage: python3 tools/extract_template.py [--inputs DIR] [--check] [output.json]
  --check   write nothing; exit 1 when the committed template.json or template-headings.tsv differs
            from what this script makes (tests/Dcsc.Tests/Codebase/GeneratedFilesTests.cs runs it)

Inputs (DIR, default tools/data/template; read-only, never used by the product at runtime):
  002_a19e4b7e7546823e.txt    PS3.2 Conformance Statement template as text (the project's seed)
  template-sections.json      section tree derived from it (starting point)
Both are copied unchanged from the project's reference material (tools/data/README.md).

The seed is the authority for titles and boilerplate; the reference JSON tells which
paragraphs are regular-font boilerplate (the seed lost italics) and gives table columns.
Standard library only.  Fails loudly (AssertionError / SystemExit) when a check fails.
"""
import collections
import copy
import filecmp
import json
import os
import re
import shutil
import sys
import tempfile

SEED_NAME = "002_a19e4b7e7546823e.txt"
NBH = "\u2011"  # non-breaking hyphen used by the seed in "Table 5‑10"

# ----------------------------------------------------------------------------------------------
# Corrections of the reference JSON / template (every entry is documented in Data/README.md)
# ----------------------------------------------------------------------------------------------

# Table captions with typos in the seed: ref -> corrected title (seed text in README).
# List items the seed's flat bullets lose the nesting of (PS3.2 Section 1.1: the Create abbreviations S, SE, SP
# and P are sub-items of "Create"): section number -> prefixes of the items one level down.
NESTED_LIST_ITEMS = {"1.1": ("S: ", "SE: ", "SP: ", "P: ")}

# Paragraph-level decisions that override the reference JSON's boilerplate list.
#   section number -> list of boilerplate prefixes to DROP (example text, not boilerplate)
DROP_BOILERPLATE = {
    # 3.3: the scope paragraph is example text ("The following example may be used as a
    # template"); the four bullets continue that example paragraph.
    "3.3": ["The scope of this DICOM Conformance Statement", "•"],
    # 5.2.5.1.1: the "Note" label only introduces the example notes 1./2. (example text).
    "5.2.5.1.1": ["Note"],
    # 5.2.7.7: "As the SCP of the Storage Service Class, ..." is marked example text.
    "5.2.7.7": ["As the SCP of the Storage Service Class"],
    # "N/A" bodies of the template's example IOD subsections (A.2.2, A.4.2, A.6.1) describe the
    # example IOD only; the generalised IOD prototype does not carry them.
    "A.2.2": ["N/A"], "A.4.2": ["N/A"], "A.6.1": ["N/A"],
}

# Tables the template allows to remove, with the text that introduces them, when they do not apply
# (table ref -> seed line of the instruction). Every other empty table of a live section is kept.
OPTIONAL_TABLES = {
    "3.4-b": 1410,  # "If none are needed remove the following introduction and table"
    "5-169": 8444,  # "otherwise remove the following table and introductory text"
    "5-170": 8492,  # "otherwise remove the table and the introductory text below"
    "6-19": 9977,   # "If your system is only a collector remove the Originator Parameters Table."
    "6-20": 9977,   # "If your system is only an originator remove the Collector Parameters Table."
}

# Wrong Attribute Tags in the template's example rows: attribute name -> correct tag.
# (PS3.6: Study Instance UID is (0020,000D); the template prints (0018,000D) in Table A-2.)
KNOWN_TAG_FIXES = {"Study Instance UID": "(0020,000D)"}

# Broken text in the seed, fixed in the output: (section, seed substring, replacement)
TEXT_FIXES = [
    ("5.7", "is covered in .", "is covered in Section 6.1."),
    ("5.3.2.4.2", "Section A.6.3.2.3", "Section 6.3.2.3"),
]


# ----------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------
def snake(text):
    t = re.sub(r"\{(\w+)(:[^}]*)?\}", r" \1 ", text)
    t = t.replace("/", " ").replace("&", " and ")
    t = re.sub(r"[^0-9A-Za-z]+", "_", t).strip("_").lower()
    return t or "x"


def norm_ws(s):
    return re.sub(r"\s+", " ", s).strip()


def dash(s):
    return s.replace(NBH, "-")


PLACEHOLDER_RULES = [
    (re.compile(r"<\s*(Product|product)\s*>"), "{product}"),
    (re.compile(r"<\s*(AE\s*1\.?|Application Entity 1)\s*>"), "{ae}"),
    (re.compile(r"<\s*Activity \d+\s*>"), "{activity}"),
    (re.compile(r"<\s*(Image|SR|Private) IOD\s*\d+\s*>", re.I), "{iod}"),
]


def tokenize(text):
    """Turn template placeholders and references into {tokens}."""
    t = text
    t = re.sub(r"<<\s*(.*?)\s*>>", lambda m: "{choice:%s}" % m.group(1), t)
    for rx, rep in PLACEHOLDER_RULES:
        t = rx.sub(rep, t)
    t = re.sub(r"<\s*([^<>{}]+?)\s*>", lambda m: "{placeholder:%s}" % m.group(1), t)
    t = re.sub(r"\b(Tables?\s+)([1-8A-D])[" + NBH + r"-](\d+)",
               lambda m: "%s{table:%s-%s}" % (m.group(1), m.group(2), m.group(3)), t)
    t = re.sub(r"\b(Figures?\s+)([1-8A-D])[" + NBH + r"-](\d+)",
               lambda m: "%s{figure:%s-%s}" % (m.group(1), m.group(2), m.group(3)), t)
    t = re.sub(r"\b(Annex\s+)([A-D](?:\.\d+)+)",
               lambda m: "%s{section:%s}" % (m.group(1), m.group(2)), t)
    t = re.sub(r"\b(Sections?\s+)(\d+(?:\.\d+)*|[A-D](?:\.\d+)+)",
               lambda m: "%s{section:%s}" % (m.group(1), m.group(2)), t)
    # "<product>is" in the seed: a token glued to the next word gets a space
    t = re.sub(r"(\{(?:product|ae|iod|activity|placeholder:[^}]*)\})(?=[A-Za-z])", r"\1 ", t)
    return t


TOKEN_RX = re.compile(r"\{(product|ae|activity|iod|template|mapping|module|finding_site"
                      r"|table:[0-9A-D]+-\d+[a-z]?|figure:[0-9A-D]+-\d+|section:[0-9A-D.]+"
                      r"|placeholder:[^{}]+|choice:[^{}]+)\}")


def strip_tokens(text):
    return TOKEN_RX.sub("", text)


# ----------------------------------------------------------------------------------------------
# seed reading
# ----------------------------------------------------------------------------------------------
CAPTION_RX = re.compile(r"^Table ([1-8A-D])[" + NBH + r"-](\d+)\s*(.*)$")
FIGURE_RX = re.compile(r"^Figure ([1-8A-D])[" + NBH + r"-](\d+)\s*(.*)$")


def is_instruction_start(line):
    s = line.lstrip()
    return s.startswith("[") and not s.startswith("[image") and not re.match(r"^\[\d+\]", s)


def next_nonblank(lines, off):
    for x in lines[off + 1:]:
        if x.strip():
            return x
    return ""


def segment(lines, first_lineno):
    """Split a section body into items: ('text'|'bullet'|'caption'|'figure'|'cells', lineno, text)
    with instruction text ([...], possibly multi-line) removed."""
    items = []
    depth = 0
    for off, raw in enumerate(lines):
        ln = first_lineno + off
        line = raw.rstrip("\n")
        if line.startswith("\t"):
            # table cell (tables are described by the reference JSON, cells are example content)
            items.append(("cells", ln, line))
            continue
        if depth > 0 or is_instruction_start(line):
            depth = max(0, depth + line.count("[") - line.count("]"))
            continue
        if not line.strip():
            continue
        if line.startswith("[image"):
            continue
        # inline instruction inside a regular line: "text [instruction] text" / "text [instr..."
        if "[" in line:
            kept = []
            i = 0
            while i < len(line):
                c = line[i]
                if c == "[" and not re.match(r"\[\d+\]", line[i:]):
                    j = line.find("]", i)
                    if j < 0:
                        depth = 1
                        break
                    i = j + 1
                    continue
                kept.append(c)
                i += 1
            line = "".join(kept).rstrip()
            if not line.strip():
                continue
        m = CAPTION_RX.match(line)
        if m and next_nonblank(lines, off).startswith("\t"):
            items.append(("caption", ln, line))
            continue
        m = FIGURE_RX.match(line)
        if m:
            items.append(("figure", ln, line))
            continue
        if line.startswith("•"):
            items.append(("bullet", ln, line.lstrip("•").strip()))
            continue
        items.append(("text", ln, line.strip()))
    return items


# ----------------------------------------------------------------------------------------------
# boilerplate selection
# ----------------------------------------------------------------------------------------------
def parse_bp_entry(entry):
    """-> (kind, data, annotation)  kind: 'p' (prefix) | 'bullets' (item prefixes) | 'note'"""
    annotation = None
    m = re.search(r"\s+\{([^{}]*)\}\s*$", entry)
    if m and not entry.strip().startswith("{"):
        annotation = m.group(1)
        entry = entry[: m.start()]
    entry = entry.strip()
    if entry.startswith("• "):
        body = entry[2:]
        if "…," in body:
            items = [x.strip().rstrip("…").strip() for x in body.split("…,")]
        else:
            items = [x.strip() for x in body.split(",")]
        return "bullets", [i.rstrip("…").strip() for i in items if i], annotation
    if annotation == "note label":
        return "note", "Note", annotation
    return "p", entry.rstrip("…").strip(), annotation


def bullet_matches(item, text):
    if len(item) > 12:
        return norm_ws(text).startswith(norm_ws(item))
    return text == item or text.startswith(item + ":") or text.startswith(item + " ")


def select_content(sec, items, problems):
    """Pick the boilerplate out of the segmented body; returns list of content blocks."""
    number = sec["number"]
    drops = DROP_BOILERPLATE.get(number, [])
    entries = [parse_bp_entry(e) for e in sec.get("boilerplate", [])]
    keep = {}  # item index -> (kind, extra)
    for kind, data, ann in entries:
        if kind == "p" and any(data.startswith(d) for d in drops):
            continue
        if kind == "bullets" and "•" in drops:
            continue
        if kind == "note" and "Note" in drops:
            continue
        if ann and ann.startswith("example"):
            continue
        if kind == "p":
            hit = None
            for idx, (k, ln, text) in enumerate(items):
                if k == "text" and idx not in keep and norm_ws(text).startswith(norm_ws(data)):
                    hit = idx
                    break
            if hit is None:
                if any(k == "text" and idx in keep and norm_ws(text).startswith(norm_ws(data))
                       for idx, (k, ln, text) in enumerate(items)):
                    continue  # already taken (e.g. the text of a "Note" label)
                problems.append("%s %s: boilerplate not found in seed: %r" % (number, sec["key"], data))
                continue
            keep[hit] = ("p", ann)
        elif kind == "note":
            hit = None
            for idx, (k, ln, text) in enumerate(items):
                if k == "text" and text == "Note":
                    hit = idx
                    break
            if hit is None:
                problems.append("%s: note label not found" % number)
                continue
            nxt = items[hit + 1]
            keep[hit + 1] = ("note", None)
            keep[hit] = ("skip", None)
        else:
            for item in data:
                hit = None
                for idx, (k, ln, text) in enumerate(items):
                    if k == "bullet" and idx not in keep and bullet_matches(item, text):
                        hit = idx
                        break
                if hit is None:
                    problems.append("%s: bullet item not found in seed: %r" % (number, item))
                    continue
                keep[hit] = ("bullet", ann)
    blocks = []
    table_refs = []
    unnumbered = iter(sec.get("_unnumbered_refs", []))
    in_cells = False
    for idx, (k, ln, text) in enumerate(items):
        if k == "cells":
            if not in_cells and sec.get("_pending_caption") is None:
                # a table without caption: one of the unnumbered tables
                ref = next(unnumbered, None)
                if ref is not None and ref[1] is not None:
                    blocks.append({"table": ref[0]})
            in_cells = True
            sec["_pending_caption"] = None
            continue
        in_cells = False
        if k == "caption":
            m = CAPTION_RX.match(text)
            ref = "%s-%s" % (m.group(1), m.group(2))
            blocks.append({"table": ref})
            table_refs.append((ref, m.group(3), ln))
            sec["_pending_caption"] = ref
            continue
        if k == "figure":
            m = FIGURE_RX.match(text)
            blocks.append({"figure": "%s-%s" % (m.group(1), m.group(2)),
                           "title": tokenize(norm_ws(m.group(3)))})
            continue
        if idx not in keep:
            continue
        kind, ann = keep[idx]
        if kind == "skip":
            continue
        t = text
        for fsec, old, new in TEXT_FIXES:
            if fsec == number and old in t:
                t = t.replace(old, new)
                problems_fixed.append("%s: %r -> %r" % (number, old, new))
        t = tokenize(norm_ws(t))
        if kind == "note":
            t = re.sub(r"^Note:\s*", "", t)
            blocks.append({"p": t, "note": True})
        elif kind == "bullet":
            if blocks and "list" in blocks[-1] and blocks[-1].get("_last") == idx - 1:
                blocks[-1]["list"].append(t)
            else:
                blocks.append({"list": [t]})
                if ann:
                    blocks[-1]["condition"] = ann.split(":", 1)[-1].strip()
            blocks[-1]["_last"] = idx
        else:
            b = {"p": t}
            if ann and ann.startswith("conditional"):
                b["condition"] = ann.split(":", 1)[1].strip()
            blocks.append(b)
    for b in blocks:
        b.pop("_last", None)
        nested = NESTED_LIST_ITEMS.get(number)
        if nested and "list" in b:
            levels = [1 if any(x.startswith(p) for p in nested) else 0 for x in b["list"]]
            if any(levels):
                b["levels"] = levels
    return blocks, table_refs


problems_fixed = []

# ----------------------------------------------------------------------------------------------
# tables
# ----------------------------------------------------------------------------------------------
def fix_table_title(ref, title, fixes):
    """Known caption typos of the template (seed) -> corrected title."""
    rules = [
        (r"^-\s+", ""),                                     # 5-42 stray "- " after the number
        (r"Meta OP Classes", "Meta SOP Classes"),           # 5-50
        (r"Web ServiceCreate", "Web Service Create"),       # 5-93
        (r"for t Worklist", "for the Worklist"),            # 5-105
    ]
    new = title
    for rx, rep in rules:
        new = re.sub(rx, rep, new)
    if ref == "7-118" and new == "Status Codes of Origin Server for Search Transaction":
        new = "Status Codes of Origin Server for Store Transaction"  # copy of 7-120's caption
    if ref == "A-49" and new.strip() == "SR IOD 1>":
        new = "Values and Code Sets for <SR IOD 1>"
    if new != title:
        fixes.append("Table %s caption %r -> %r" % (ref, title, new))
    return new


# Column titles the seed misspells; the same column is spelled correctly in sibling tables.
COLUMN_FIXES = {"MatchingType": "Matching Type"}


def build_columns(names):
    cols, seen = [], collections.Counter()
    for n in names:
        n = COLUMN_FIXES.get(n, n)
        k = snake(re.sub(r"\(unlabeled\)", "", n))
        seen[k] += 1
        if seen[k] > 1:
            k = "%s_%d" % (k, seen[k])
        cols.append({"key": k, "title": n})
    return cols


def build_table(rt, ref, title, numbered=True):
    t = {"ref": ref, "key": None, "title": title}
    if not numbered:
        t["numbered"] = False
    t["columns"] = build_columns(rt.get("columns", []))
    if "header_rows" in rt:
        hr = copy.deepcopy(rt["header_rows"])
    elif "no header row" in (rt.get("title") or "") or ref == "5-10":
        hr = []
    else:
        hr = [[{"text": c, "colspan": 1, "rowspan": 1} for c in rt.get("columns", [])]]
    for row in hr:
        for cell in row:
            cell["text"] = tokenize(cell["text"])
    t["header_rows"] = hr
    t["row_groups"] = copy.deepcopy(rt.get("row_groups", []))
    t["example_rows"] = copy.deepcopy(rt.get("example_rows", []))
    if rt.get("notes"):
        t["notes"] = rt["notes"]
    if ref in OPTIONAL_TABLES:
        t["optional"] = True
    return t


def assign_table_keys(tables):
    seen = collections.Counter()
    for t in tables:
        k = snake(t["title"])
        seen[k] += 1
        if seen[k] > 1:
            k = "%s_%d" % (k, seen[k])
        t["key"] = k


# ----------------------------------------------------------------------------------------------
# DocBook section ids of the seed: "[bookmark: sect_N_7_3]" = 7.3 (9 -> A ... 13 -> E);
# run-in headings carry "para_..." ids and are not numbered sections.
# ----------------------------------------------------------------------------------------------
HEADINGS_FILE = "template-headings.tsv"
BOOKMARK_RX = re.compile(r"\[bookmark:\s*(sect_N_[0-9_]+|para_[A-Za-z0-9_.-]+)\s*\]")
ANNEX_OF_CHAPTER = {9: "A", 10: "B", 11: "C", 12: "D", 13: "E"}

# Where the reference JSON (made from a copy without bookmarks) disagrees with the seed's ids.
# Run-in headings (para_ ids), by seed line: unnumbered, their content belongs to the enclosing section.
RUN_IN_LINES = {10254: "Extended Negotiation", 10351: "Role Negotiation",
                10359: "Extended Negotiation", 10457: "Transfer Syntax Selection Policies"}
# sect_N_13 (L24137) Code Set Usage is Annex E, a sibling of sect_N_12 Mapping of Attributes (not D.2).
ANNEX_E_LINE = 24137


def number_of_id(docbook_id):
    """sect_N_7_3 -> '7.3'; sect_N_13_1 -> 'E.1'; para_... -> '' (run-in heading)."""
    if not docbook_id.startswith("sect_N_"):
        return ""  # run-in heading (para_) or an unnumbered heading of the template ("-": cover page, Annexes)
    parts = docbook_id[len("sect_N_"):].split("_")
    first = int(parts[0])
    if first in ANNEX_OF_CHAPTER:
        parts[0] = ANNEX_OF_CHAPTER[first]
    return ".".join(parts)


def id_of_number(number):
    """Inverse of number_of_id for a numbered section."""
    parts = number.split(".")
    letters = {v: k for k, v in ANNEX_OF_CHAPTER.items()}
    if parts[0] in letters:
        parts[0] = str(letters[parts[0]])
    return "sect_N_" + "_".join(parts)


def correct_reference_tree(ref_tree):
    """Apply the seed's ids where the reference tree disagrees: Annex E, run-in headings."""
    def walk(nodes, parent):
        for n in list(nodes):
            if n["seed_line"] in RUN_IN_LINES:
                assert n["title"] == RUN_IN_LINES[n["seed_line"]], (n["seed_line"], n["title"])
                assert not n["children"], n["number"]
                n["run_in"] = True
                n["number"] = ""
            if n["seed_line"] == ANNEX_E_LINE and n["number"] != "E":
                assert n["title"] == "Code Set Usage" and parent is not None and parent["number"] == "D"
                nodes.remove(n)
                n["number"] = "E"
                ref_tree[-1]["children"].append(n)
                continue
            walk(n["children"], n)
    walk(ref_tree, None)


def seed_headings(L, flat):
    """Every heading of the seed with its DocBook id: read from the bookmarks when the seed copy carries
    them, otherwise (a copy with the bookmarks stripped) derived from the corrected numbering.
    -> list of dicts line, id, key, title, source ('bookmark' | 'derived')."""
    has_bookmarks = any(BOOKMARK_RX.search(x) for x in L)
    rows = []
    prev = 0
    for n in flat:
        line = n["seed_line"]
        title = tokenize(norm_ws(L[line - 1].strip()))
        if has_bookmarks:
            # the bookmark sits on the heading line or on the lines between the previous heading and it
            ids = []
            for x in L[max(prev, line - 4):line]:
                ids += BOOKMARK_RX.findall(x)
            title = tokenize(norm_ws(BOOKMARK_RX.sub("", L[line - 1]).strip()))
            rows.append({"line": line, "id": ids[-1] if ids else "-", "key": n["key"], "title": title, "source": "bookmark"})
        else:
            did = ("para_" + n["key"]) if n.get("run_in") else id_of_number(n["number"]) if n["number"] else "-"
            rows.append({"line": line, "id": did, "key": n["key"], "title": title, "source": "derived"})
        prev = line
    return rows


def headings_source(rows):
    kinds = sorted({r["source"] for r in rows})
    return "/".join(kinds)


def write_headings(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# PS3.2 template headings with their DocBook ids (seed %s), written by tools/extract_template.py.\n" % SEED_NAME)
        f.write("# sect_N_7_3 = section 7.3 (9..13 = Annexes A..E); para_ = run-in heading, not a numbered section.\n")
        f.write("# ids: %s (bookmark = read from the seed's [bookmark: ...]; derived = the seed copy had its\n"
                "# bookmarks stripped, ids follow the heading order with the corrections in RUN_IN_LINES/ANNEX_E_LINE).\n"
                % headings_source(rows))
        f.write("# tests/Dcsc.Tests/Layout/TemplateTreeTests.cs checks template.json against this file.\n")
        f.write("line\tid\tkey\ttitle\n")
        for r in rows:
            f.write("%d\t%s\t%s\t%s\n" % (r["line"], r["id"], r["key"], r["title"]))


def check_against_seed_ids(sections, headings, folded_keys):
    """Number, parent and title of every section of the tree against the seed's ids."""
    bad = []
    where = {}

    def walk(ss, parent):
        for s in ss:
            where[s["key"]] = (s, parent)
            walk(s["children"], s)
    walk(sections, None)
    for h in headings:
        number = number_of_id(h["id"])
        if h["key"] in folded_keys and h["key"] not in where:
            continue  # a second example instance, folded into a repeat prototype
        if h["key"] not in where:
            bad.append("seed L%d %s %r: no section in the tree" % (h["line"], h["id"], h["title"]))
            continue
        s, parent = where[h["key"]]
        if h["id"] == "-":
            if s["number"] or s.get("run_in"):
                bad.append("seed L%d %r is an unnumbered heading; tree has %r" % (h["line"], h["title"], s["number"]))
            continue
        if h["id"].startswith("para_"):
            if not s.get("run_in") or s["number"]:
                bad.append("seed L%d %s %r is a run-in heading; tree has section %r" % (h["line"], h["id"], h["title"], s["number"]))
            continue
        if s["number"] != number:
            bad.append("seed L%d %s: tree number %r, seed id says %r" % (h["line"], h["id"], s["number"], number))
        want_parent = number.rsplit(".", 1)[0] if "." in number else ("" if number.isalpha() or number.isdigit() else None)
        have_parent = parent["number"] if parent else ""
        if want_parent != have_parent:
            bad.append("seed L%d %s: tree parent %r, seed id says %r" % (h["line"], h["id"], have_parent, want_parent))
        if s["title"] != h["title"]:
            bad.append("seed L%d %s: tree title %r, seed %r" % (h["line"], h["id"], s["title"], h["title"]))
    return bad


# ----------------------------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------------------------
def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    here = os.path.dirname(os.path.abspath(__file__))
    inputs = os.path.join(here, "data", "template")
    if args[:1] == ["--inputs"]:
        if len(args) < 2:
            sys.exit("usage: extract_template.py [--inputs DIR] [--check] [out.json]")
        inputs, args = args[1], args[2:]
    committed = os.path.join(here, "..", "src", "Dcsc.Core", "Layout", "Data", "template.json")
    if check:
        scratch = tempfile.mkdtemp(prefix="extract_template.")
        out = os.path.join(scratch, "template.json")
    else:
        out = args[0] if args else committed
    with open(os.path.join(inputs, SEED_NAME), encoding="utf-8") as f:
        raw_lines = f.read().split("\n")
    # the DocBook ids ([bookmark: sect_N_7_3]) are read by seed_headings(); the rest of the
    # extraction sees the text without them (line numbers unchanged)
    L = [BOOKMARK_RX.sub("", x) for x in raw_lines]
    with open(os.path.join(inputs, "template-sections.json"), encoding="utf-8") as f:
        ref_tree = json.load(f)

    correct_reference_tree(ref_tree)

    # flatten in document order
    flat = []

    def walk(nodes, parent):
        for n in nodes:
            n["_parent"] = parent
            flat.append(n)
            walk(n["children"], n)
    walk(ref_tree, None)
    lines_order = [n["seed_line"] for n in flat]
    assert lines_order == sorted(lines_order), "reference sections not in seed order"

    title_diffs, fixes, problems = [], [], []

    # --- numbering by heading order: children of X are X.1, X.2, ... in seed order -----------
    for n in flat:
        kids = [c for c in n["children"] if not c.get("run_in")]
        for i, c in enumerate(kids, 1):
            if n["number"] == "":
                continue
            exp = "%s.%d" % (n["number"], i)
            assert c["number"] == exp, "numbering: %s expected %s" % (c["number"], exp)
    tops = [n["number"] for n in ref_tree]
    assert tops == ["", "1", "2", "3", "4", "5", "6", "7", "8", ""], tops
    assert [c["number"] for c in ref_tree[-1]["children"]] == ["A", "B", "C", "D", "E"]
    headings = seed_headings(raw_lines, flat)

    # --- per section: title, body, content, tables --------------------------------------------
    for i, n in enumerate(flat):
        start = n["seed_line"]
        end = flat[i + 1]["seed_line"] if i + 1 < len(flat) else len(L) + 1
        seed_title = L[start - 1].strip()
        if norm_ws(seed_title) != norm_ws(n["title"]):
            title_diffs.append("%s: reference %r, seed %r" % (n["number"], n["title"], seed_title))
        n["_seed_title"] = seed_title
        body = L[start:end - 1]
        items = segment(body, start + 1)
        # unnumbered tables of this section (ref like "3.4-a"), matched by tab-run order
        un = [t for t in n["tables"] if t.get("number") is None]
        refs = []
        for j, t in enumerate(un):
            r = "%s-%s" % (n["number"], "abcdefgh"[j])
            inside_instruction = "inside an author instruction" in (t.get("title") or "")
            refs.append((r, None if inside_instruction else t))
        n["_unnumbered_refs"] = refs
        n["_pending_caption"] = None
        blocks, caps = select_content(n, items, problems)
        n["_content"] = blocks
        # tables: numbered ones from captions (seed) + reference metadata
        rtabs = {t["number"]: t for t in n["tables"] if t.get("number")}
        tables = []
        for ref, cap_title, ln in caps:
            assert ref in rtabs, "%s: caption Table %s not in reference" % (n["number"], ref)
            rt = rtabs.pop(ref)
            if norm_ws(dash(cap_title)) != norm_ws(dash(rt["title"])):
                title_diffs.append("Table %s: reference %r, seed %r" % (ref, rt["title"], cap_title))
            title = fix_table_title(ref, norm_ws(cap_title), fixes)
            tables.append(build_table(rt, ref, tokenize(title)))
        assert not rtabs, "%s: reference tables without caption in seed: %s" % (n["number"], list(rtabs))
        for r, rt in refs:
            if rt is None:
                fixes.append("%s: dropped unnumbered table %r (it sits inside an author instruction)"
                             % (n["number"], [t for t in un if "instruction" in t["title"]][0]["title"]))
                continue
            title = re.sub(r"\s*\(unnumbered.*$", "", rt["title"]).strip()
            tables.append(build_table(rt, r, title, numbered=False))
        n["_tables"] = tables

    if problems:
        print("\n".join(problems), file=sys.stderr)
        raise SystemExit("boilerplate matching failed (%d problems)" % len(problems))

    # --- example-row tag consistency (template errors like Study Instance UID (0018,000D)) -----
    tag_votes = collections.defaultdict(collections.Counter)
    for n in flat:
        for t in n["_tables"]:
            ci = [c["title"] for c in t["columns"]]
            if "Tag" not in ci or "Attribute Name" not in ci:
                continue
            a, g = ci.index("Attribute Name"), ci.index("Tag")
            for row in t["example_rows"]:
                if len(row) > max(a, g) and re.match(r"^\([0-9A-Fa-fx]{4},[0-9A-Fa-fx]{4}\)$", row[g] or ""):
                    tag_votes[row[a].lstrip(">").strip()][row[g].upper()] += 1
    tag_fix = {}
    for name, votes in tag_votes.items():
        if name in KNOWN_TAG_FIXES:
            for tag in votes:
                if tag != KNOWN_TAG_FIXES[name]:
                    tag_fix[(name, tag)] = KNOWN_TAG_FIXES[name]
    for name, votes in tag_votes.items():
        if len(votes) > 1:
            (best, bc), = votes.most_common(1)
            if bc >= 2 and sum(votes.values()) - bc < bc:
                for tag in votes:
                    if tag != best:
                        tag_fix[(name, tag)] = best
    for n in flat:
        for t in n["_tables"]:
            ci = [c["title"] for c in t["columns"]]
            if "Tag" not in ci or "Attribute Name" not in ci:
                continue
            a, g = ci.index("Attribute Name"), ci.index("Tag")
            for row in t["example_rows"]:
                if len(row) > max(a, g):
                    key = (row[a].lstrip(">").strip(), (row[g] or "").upper())
                    if key in tag_fix:
                        fixes.append("Table %s example row %r: tag %s -> %s" %
                                     (t["ref"], row[a], row[g], tag_fix[key]))
                        row[g] = tag_fix[key]

    by_num = {n["number"]: n for n in flat if n["number"]}

    # --- build output sections ------------------------------------------------------------------
    def make(n, children=None, **over):
        title = tokenize(n["_seed_title"])
        s = {
            "key": n["key"],
            "number": n["number"],
            "title": title,
            "repeat": None,
            "never_na": (n.get("na_rule") or "").lower().startswith("never n/a"),
            "na_rule": n.get("na_rule") or "",
            "content": copy.deepcopy(n["_content"]),
            "tables": copy.deepcopy(n["_tables"]),
            "children": [],
        }
        if n.get("run_in"):
            s["run_in"] = True  # run-in heading (para_ id): unnumbered, part of the enclosing section
        s.update(over)
        assign_table_keys(s["tables"])
        if children is None:
            s["children"] = [convert(c) for c in n["children"]]
        else:
            s["children"] = children
        return s

    folded = []  # (reference key, number) folded into a prototype

    def fold(n):
        folded.append((n["number"], n["key"]))
        for c in n["children"]:
            fold(c)

    def retitle_tables(sec, mapping):
        for t in sec["tables"]:
            if t["ref"] in mapping:
                t["title"] = mapping[t["ref"]][0]
                if mapping[t["ref"]][1]:
                    t["repeat"] = mapping[t["ref"]][1]
        assign_table_keys(sec["tables"])

    def generalise_text(blocks, subs):
        for b in blocks:
            if "p" in b:
                for old, new in subs:
                    b["p"] = b["p"].replace(old, new)
            if "list" in b:
                b["list"] = [x for x in b["list"]]
        return blocks

    def iod_prototype():
        a2, a3, a4, a6 = by_num["A.2"], by_num["A.3"], by_num["A.4"], by_num["A.6"]
        for x in (a2, a3, a4, a6):
            fold(x)
        # A.x: IOD module table (from A.2) + Functional Group Macro usage table (from A.3,
        # only for IODs that use Functional Groups)
        top = make(a2, children=[], key="annex_a_iod", title="{iod}", repeat="iod")
        fg_blocks = [b for b in a3["_content"] if not (b.get("table") == "A-28" or
                     ("p" in b and "{table:A-28}" in b["p"]))]
        for b in fg_blocks:
            if "p" in b:
                b["p"] = b["p"].replace("{table:A-29}", "{table:A-29}")
                b["condition"] = "only for IODs that use Functional Group Macros (multi-frame IODs)"
            if "list" in b:
                b["condition"] = "only for IODs that use Functional Group Macros (multi-frame IODs)"
        top["content"] += copy.deepcopy(fg_blocks)
        a29 = [t for t in a3["_tables"] if t["ref"] == "A-29"][0]
        a29 = copy.deepcopy(a29)
        a29["title"] = "Functional Group Macros used in {iod}"
        a29["condition"] = "only for IODs that use Functional Group Macros (multi-frame IODs)"
        top["tables"].append(a29)
        retitle_tables(top, {"A-23": ("{iod}", None)})
        # A.x.1 Specific Modules (A.2.1): one table per module, prototype from A-24
        c1 = make(by_num["A.2.1"], children=[], key="annex_a_iod_specific_modules",
                  title="{iod} Specific Modules")
        c1["tables"] = [t for t in c1["tables"] if t["ref"] == "A-24"]
        c1["content"] = [b for b in c1["content"] if b.get("table") != "A-25"]
        retitle_tables(c1, {"A-24": ("{module} for {iod}", "module")})
        # A.x.2 Functional Group Macros (A.3.2): one table per macro, prototype from A-32
        c2 = make(by_num["A.3.2"], children=[], key="annex_a_iod_fg_macros", number="A.2.2",
                  title="{iod} Functional Group Macros")
        c2["tables"] = [t for t in c2["tables"] if t["ref"] == "A-32"]
        c2["content"] = [b for b in c2["content"] if "table" not in b or b["table"] == "A-32"]
        retitle_tables(c2, {"A-32": ("{module} for {iod}", "module")})
        # A.x.3 Private Modules (A.2.3 text; columns of the common private module table A-20)
        c3 = make(by_num["A.2.3"], children=[], key="annex_a_iod_private_modules",
                  title="{iod} Private Modules")
        a20 = [t for t in by_num["A.1.3"]["_tables"] if t["ref"] == "A-20"][0]
        c3["tables"][0]["columns"] = copy.deepcopy(a20["columns"])
        c3["tables"][0]["header_rows"] = copy.deepcopy(a20["header_rows"])
        c3["tables"][0]["example_rows"] = []
        retitle_tables(c3, {"A-26": ("{module} for {iod}", "module")})
        # A.x.4 Coded Values (A.2.4)
        c4 = make(by_num["A.2.4"], children=[], key="annex_a_iod_coded_values",
                  title="{iod} Coded Values")
        retitle_tables(c4, {"A-27": ("Values and Code Sets for {iod}", None)})
        for c in (c1, c2, c3, c4):
            c["never_na"] = False
        top["children"] = [c1, c2, c3, c4]
        top["folded_from"] = [k for _, k in folded if _.startswith(("A.2", "A.3", "A.4", "A.6"))]
        return top

    def sr_prototype():
        b1, b2 = by_num["B.1"], by_num["B.2"]
        fold(b1)
        fold(b2)
        top = make(b1, children=[], key="annex_b_sr_template", title="{template}", repeat="sr_template")
        generalise_text(top["content"], [("a DICOM Mammography CAD SR (TID 4000)", "a DICOM {template}")])
        retitle_tables(top, {"B-1": ("{template}", None)})
        c1 = make(by_num["B.1.1"], children=[], key="annex_b_sr_template_code_sets")
        c1["tables"] = [t for t in c1["tables"] if t["ref"] == "B-2"]
        c1["content"] = [b for b in c1["content"] if b.get("table") != "B-3"]
        generalise_text(c1["content"], [("the Mammography CAD SR (TID 4000)", "the {template}")])
        retitle_tables(c1, {"B-2": ("{template} - {placeholder:Code Set Name} Codes", "code_set")})
        c2 = make(by_num["B.2.1"], children=[], key="annex_b_sr_template_measurement_encoding",
                  number="B.1.2")
        site = make(by_num["B.2.1.1"], children=[], key="annex_b_sr_template_finding_site",
                    number="B.1.2.1", title="{finding_site}", repeat="finding_site")
        retitle_tables(site, {"B-5": ("{finding_site} Measurements", None)})
        c2["children"] = [site]
        for c in (c1, c2, site):
            c["never_na"] = False
        top["children"] = [c1, c2]
        top["folded_from"] = [k for num, k in folded if num.startswith(("B.1", "B.2"))]
        return top

    def mapping_prototype():
        d1 = by_num["D.1"]
        fold(d1)
        cond = ("the template's example: mapping between Modality Worklist, Instances and MPPS; "
                "replace or remove for other mappings")
        top = make(d1, children=[], key="annex_d_mapping", title="{mapping}", repeat="mapping")
        for b in top["content"]:
            if "table" not in b:
                b["condition"] = cond
        for t in top["tables"]:
            t["condition"] = cond
        top["folded_from"] = [d1["key"]]
        return top

    def convert(n):
        num = n["number"]
        if num == "A":
            kids = []
            for c in n["children"]:
                if c["number"] == "A.2":
                    kids.append(iod_prototype())
                elif c["number"] in ("A.3", "A.4", "A.6"):
                    continue
                else:
                    kids.append(convert(c))
            return make(n, children=kids)
        if num == "B":
            kids = [sr_prototype()]
            return make(n, children=kids)
        if num == "D":
            kids = [mapping_prototype()] + [convert(c) for c in n["children"] if c["number"] != "D.1"]
            return make(n, children=kids)
        s = make(n)
        if num == "7.2.1.1":
            # Figures 7-4/7-5 repeat Figure 7-3 for further example AEs; the AE prototype keeps one
            dropped = [b["figure"] for b in s["content"] if b.get("figure") in ("7-4", "7-5")]
            assert dropped == ["7-4", "7-5"], dropped
            s["content"] = [b for b in s["content"] if b.get("figure") not in ("7-4", "7-5")]
            fixes.append("7.2.1.1: dropped Figures 7-4, 7-5 (same figure as 7-3 for example AEs "
                         "<QueryRetrieve AE>, <Web AE>); the AE prototype keeps Figure 7-3")
        if num in ("4.1.1", "7.2.1"):
            s["repeat"] = "ae"
        if num in ("7.2.1.3.1", "7.2.1.4.1"):
            s["repeat"] = "activity"
        return s

    sections = [convert(n) for n in ref_tree]
    doc = {
        "source": "PS3.2 DICOM Conformance Statement template (seed %s)" % SEED_NAME,
        "sections": sections,
    }

    # ------------------------------------------------------------------------------------------
    # checks
    # ------------------------------------------------------------------------------------------
    out_flat = []

    def owalk(ss, depth=0):
        for s in ss:
            out_flat.append(s)
            owalk(s["children"], depth + 1)
    owalk(sections)
    keys = [s["key"] for s in out_flat]
    dup = [k for k, c in collections.Counter(keys).items() if c > 1]
    assert not dup, "duplicate section keys: %s" % dup
    folded_keys = {k for _, k in folded}
    present = set(keys) | folded_keys
    missing = [n["key"] for n in flat if n["key"] not in present]
    assert not missing, "reference sections missing: %s" % missing
    all_table_refs = set()
    for s in out_flat:
        trefs = [t["ref"] for t in s["tables"]]
        assert len(trefs) == len(set(trefs)), "%s: duplicate table refs" % s["number"]
        tkeys = [t["key"] for t in s["tables"]]
        assert len(tkeys) == len(set(tkeys)), "%s: duplicate table keys" % s["number"]
        for t in s["tables"]:
            ck = [c["key"] for c in t["columns"]]
            assert len(ck) == len(set(ck)), "Table %s: duplicate column keys" % t["ref"]
            assert t["ref"] not in all_table_refs, "table ref %s used twice" % t["ref"]
            all_table_refs.add(t["ref"])
        in_content = [b["table"] for b in s["content"] if "table" in b]
        assert sorted(in_content) == sorted(trefs), \
            "%s: content table blocks %s vs tables %s" % (s["number"], in_content, trefs)
    texts = []
    for s in out_flat:
        texts.append(("title", s["number"], s["title"]))
        for b in s["content"]:
            if "p" in b:
                texts.append(("p", s["number"], b["p"]))
            for it in b.get("list", []):
                texts.append(("li", s["number"], it))
            if "figure" in b:
                texts.append(("figure", s["number"], b["title"]))
        for t in s["tables"]:
            texts.append(("table title", t["ref"], t["title"]))
    bad = []
    for kind, where, txt in texts:
        rest = strip_tokens(txt)
        if re.search(r"\[(?!\d+\])", rest) or "]" in re.sub(r"\[\d+\]", "", rest):
            bad.append("instruction bracket in %s %s: %r" % (kind, where, txt))
        if re.search(r"<[^<>]*>|<<|>>", rest) or "<" in rest:
            bad.append("angle placeholder in %s %s: %r" % (kind, where, txt))
        if "{" in rest or "}" in rest:
            bad.append("unknown token in %s %s: %r" % (kind, where, txt))
        if "…" in txt and kind != "li":
            pass
        for m in re.finditer(r"\{table:([^}]+)\}", txt):
            if m.group(1) not in all_table_refs:
                bad.append("%s %s mentions table %s which does not exist" % (kind, where, m.group(1)))
    nums = {s["number"] for s in out_flat}
    for kind, where, txt in texts:
        for m in re.finditer(r"\{section:([^}]+)\}", txt):
            if m.group(1) not in nums:
                bad.append("%s %s mentions section %s which does not exist" % (kind, where, m.group(1)))
    # numbers vs. cross-references in the seed: "Section 5.2.8.1.1 Basic Film Session SOP Class",
    # "Section 7.2.1.3, “Association Initiation”" -> the numbered section must carry that title
    by_title = collections.defaultdict(set)
    for n in flat:
        by_title[norm_ws(n["_seed_title"])].add(n["number"])
    xref_ok = 0
    for line in L:
        for m in re.finditer(r"Section (\d+(?:\.\d+)*),? “?([^”]+)", line):
            num, after = m.group(1), norm_ws(m.group(2))
            titles = [t for t in by_title if after.startswith(t)]
            if not titles:
                continue
            t = max(titles, key=len)
            if num not in by_title[t]:
                bad.append("seed cross-reference 'Section %s %s' does not match the tree (%s)"
                           % (num, t, sorted(by_title[t])))
            xref_ok += 1
    bad += check_against_seed_ids(sections, headings, {k for _, k in folded})
    if bad:
        print("\n".join(bad), file=sys.stderr)
        raise SystemExit("checks failed (%d)" % len(bad))
    # every paragraph came from the seed in full (no truncation marker from the reference)
    for kind, where, txt in texts:
        assert not txt.endswith("…"), "truncated text in %s %s: %r" % (kind, where, txt)

    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    ids_out = os.path.join(os.path.dirname(os.path.abspath(out)), HEADINGS_FILE)
    write_headings(ids_out, headings)
    print("wrote %s (%d headings, ids %s)" % (os.path.relpath(ids_out), len(headings), headings_source(headings)))

    n_p = sum(1 for s in out_flat for b in s["content"] if "p" in b)
    n_l = sum(1 for s in out_flat for b in s["content"] if "list" in b)
    n_t = sum(len(s["tables"]) for s in out_flat)
    print("wrote %s" % os.path.relpath(out))
    print("sections: %d (reference: %d, folded into prototypes: %d)" % (len(out_flat), len(flat), len(folded)))
    print("tables: %d  paragraphs: %d  lists: %d  figures: %d" % (
        n_t, n_p, n_l, sum(1 for s in out_flat for b in s["content"] if "figure" in b)))
    print("seed cross-references 'Section N Title' checked: %d" % xref_ok)
    print("repeat prototypes: %s" % ", ".join("%s %s (%s)" % (s["number"], s["key"], s["repeat"])
                                               for s in out_flat if s["repeat"]))
    print("folded reference sections: %s" % ", ".join("%s" % num for num, _ in folded))
    print("title differences reference vs seed (seed used):")
    for d in title_diffs:
        print("  " + d)
    print("corrections:")
    for d in fixes + problems_fixed:
        print("  " + d)
    if check:
        stale = [name for name in ("template.json", HEADINGS_FILE)
                 if not filecmp.cmp(os.path.join(scratch, name), os.path.join(os.path.dirname(committed), name), shallow=False)]
        shutil.rmtree(scratch)
        if stale:
            sys.exit("out of date: %s (run python3 tools/extract_template.py)" % ", ".join(stale))
        print("template.json and %s are up to date" % HEADINGS_FILE)


if __name__ == "__main__":
    main()
