"""Covering-set crosswalk tables: parse ismc's judgement tables and check them.

Written for ismc. Used by gen_nis2.py, gen_nis2_ir.py and gen_soc2.py, which hold
ismc's own ISO/IEC 27001:2022 -> NIS2 / NIS2 IR / SOC 2 judgements as text tables.
One judgement per line:

    TARGETS | REL STRENGTH | MEMBERS | rationale [| residual]

* TARGETS: one or more target ids separated by commas; each gets the same row.
* REL: eq (equal), sup (superset), sub (subset), int (intersects) or none
  (no-counterpart, written without a strength).
* MEMBERS: the ISO side, ids separated by spaces (clauses "9.2.1", controls
  "A.5.24", groups); two or more make a covering set, whose union REL the
  target (doc/catalog-format.md); "-" for none.
* residual: what the target asks beyond the union, optional; only on eq/sup.

A line that starts with white space continues the previous one. Lines starting
with "#" are comments.
"""
import collections

REL = {"eq": "equal", "sup": "superset", "sub": "subset", "int": "intersects",
       "none": "no-counterpart"}


def _lines(text):
    out = []
    for raw in text.split("\n"):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw[0] in " \t" and out:
            out[-1] += " " + raw.strip()
        else:
            out.append(raw.strip())
    return out


def parse(text):
    """Rows (dicts for ismcyaml.mapping) from a judgement table."""
    rows = []
    for line in _lines(text):
        fields = [f.strip() for f in line.split(" | ")]
        if len(fields) not in (4, 5):
            raise SystemExit(f"xwalk: want 4 or 5 fields: {line}")
        targets, relst, members, why = fields[:4]
        residual = fields[4] if len(fields) == 5 else None
        parts = relst.split()
        rel = REL[parts[0]]
        strength = int(parts[1]) if len(parts) > 1 else None
        if (rel == "no-counterpart") != (strength is None):
            raise SystemExit(f"xwalk: a strength on every row but no-counterpart: {line}")
        ids = [] if members == "-" else members.split()
        if (rel == "no-counterpart") != (not ids):
            raise SystemExit(f"xwalk: no-counterpart rows, and only they, have no members: {line}")
        if residual is not None and rel not in ("equal", "superset"):
            raise SystemExit(f"xwalk: a residual only on eq/sup rows: {line}")
        if len(ids) > 1 and rel not in ("equal", "superset"):
            raise SystemExit(f"xwalk: a covering set must be eq or sup: {line}")
        if len(set(ids)) != len(ids):
            raise SystemExit(f"xwalk: a member named twice: {line}")
        ids.sort(key=natural)
        source = None if not ids else (ids[0] if len(ids) == 1 else ids)
        for t in targets.split(","):
            row = dict(source=source, rel=rel, target=t.strip(), strength=strength, rationale=why)
            if residual is not None:
                row["residual"] = residual
            rows.append(row)
    return rows


def natural(ident):
    """Sort key: clauses 4-10 before Annex A, numbers compared as numbers."""
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in ident.split(".")]


def members(row):
    src = row["source"]
    if src is None:
        return []
    return list(src) if isinstance(src, list) else [src]


def order(rows, nodes):
    """Rows in catalog order of their targets, then as written."""
    pos = {n["id"]: i for i, n in enumerate(nodes)}
    return sorted(rows, key=lambda r: pos[r["target"]])


def check(rows, nodes, source_ids, name, units=None):
    """Checks a judgement table against its catalogs.

    units: the ids every one of which must be judged, by a row on itself or rows
    on all leaves below it (default: the requirement leaves). Rows may target a
    unit or any node below one.
    """
    kids = collections.defaultdict(list)
    for n in nodes:
        if n.get("parent") is not None:
            kids[n["parent"]].append(n["id"])
    ids = {n["id"] for n in nodes}
    leaves = [n["id"] for n in nodes if n["id"] not in kids]
    units = list(units) if units is not None else leaves

    def below(i):
        out = [i]
        for k in kids[i]:
            out.extend(below(k))
        return out

    allowed = set()
    for u in units:
        allowed.update(below(u))
    seen = set()
    for r in rows:
        if r["target"] not in ids:
            raise SystemExit(f"{name}: unknown target {r['target']}")
        if r["target"] not in allowed:
            raise SystemExit(f"{name}: target {r['target']} is above the unit of judgement")
        for m in members(r):
            if m not in source_ids:
                raise SystemExit(f"{name}: unknown source {m} (row for {r['target']})")
        key = (frozenset(members(r)), r["target"])
        if key in seen:
            raise SystemExit(f"{name}: duplicate row {sorted(key[0])} -> {r['target']}")
        seen.add(key)
    targeted = collections.defaultdict(list)
    for r in rows:
        targeted[r["target"]].append(r)
    for t, rs in targeted.items():
        if any(r["rel"] == "no-counterpart" for r in rs) and len(rs) > 1:
            raise SystemExit(f"{name}: no-counterpart target {t} also has other rows")
    for u in units:
        if u in targeted:
            continue
        missing = [l for l in below(u) if not kids[l] and not any(a in targeted for a in ancestors(l, nodes, u))]
        if missing:
            raise SystemExit(f"{name}: {u} is not judged: no row on it or on {missing}")


def ancestors(leaf, nodes, stop):
    """leaf and its ancestors up to and including stop."""
    parent = {n["id"]: n.get("parent") for n in nodes}
    out = [leaf]
    while out[-1] != stop and parent.get(out[-1]) is not None:
        out.append(parent[out[-1]])
    return out


# The ISO/IEC 27001:2022 clause ids (doc/catalog-format.md), used when the catalog
# file on disk does not have them yet.
ISO_CLAUSES = """4 4.1 4.2 4.3 4.4 5 5.1 5.2 5.3 6 6.1 6.1.1 6.1.2 6.1.3 6.2 6.3 7 7.1 7.2 7.3 7.4
7.5 7.5.1 7.5.2 7.5.3 8 8.1 8.2 8.3 9 9.1 9.2 9.2.1 9.2.2 9.3 9.3.1 9.3.2 9.3.3 10 10.1 10.2""".split()


def iso_ids(fw_dir):
    """The node ids of frameworks/iso27001-2022.yaml, plus the clause ids."""
    import os
    import re
    ids = set(ISO_CLAUSES)
    with open(os.path.join(fw_dir, "iso27001-2022.yaml"), encoding="utf-8") as fh:
        for m in re.finditer(r'^  - id: "?([^"\n]+?)"?$', fh.read(), re.M):
            ids.add(m.group(1))
    return ids


def residual_markdown(rows, nodes):
    """Markdown: what a full ISO/IEC 27001 implementation leaves of each target
    (the residual of its row, or no counterpart), in catalog order."""
    title = {n["id"]: n.get("title", "") for n in nodes}
    out = ["| requirement | title | what remains with all of ISO/IEC 27001 implemented |",
           "|---|---|---|"]
    for r in order(rows, nodes):
        if r.get("residual"):
            left = "residual: " + r["residual"]
        elif r["rel"] == "no-counterpart":
            left = "no counterpart: " + r["rationale"]
        else:
            continue
        out.append(f"| {r['target']} | {title.get(r['target'], '')} | {left} |")
    return "\n".join(out) + "\n"


def generate(table, nodes, meta, header, path, write, units=None):
    """The common step of the judgement generators: with --residuals on the
    command line, print what each requirement keeps (and return False);
    otherwise check the table and write it as the mapping file at path."""
    import sys
    rows = order(parse(table), nodes)
    if "--residuals" in sys.argv:
        sys.stdout.write(residual_markdown(rows, nodes))
        return False
    import os
    import ismcyaml
    fw = os.path.dirname(os.path.dirname(path))
    check(rows, nodes, iso_ids(fw), meta["id"], units=units)
    write(path, ismcyaml.mapping(header, meta, rows))
    return True
