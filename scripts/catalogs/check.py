#!/usr/bin/env python3
"""Consistency checker for ismc framework catalogs and mapping sets.

Written for ismc. Reads frameworks/*.yaml and frameworks/mappings/*.yaml
(nothing else) and checks what the C loader will check, plus data-quality rules:

  * YAML: no duplicate keys, no anchors/aliases, only the documented keys;
  * catalogs: unique ids, parents defined earlier, levels declared, titles <= 100 chars;
  * mappings: source/target catalogs exist, every row id exists in its catalog,
    rel and strength valid, no-counterpart rows have source null;
    exact duplicate rows are counted (reported, not an error: the loader reports them);
  * every equal or superset row (the only rows that can make a requirement full),
    in every set, imported ones included, has a rationale;
  * covering sets (a row whose source is a list of two or more distinct ids): rel is
    equal or superset; members may be groups; a residual (non-blank text) only on
    equal/superset rows; a (member set, target) pair appears once;
  * ismc's own crosswalks (provenance ismc): every requirement leaf of the target is
    reached by a row (a row on a group reaches the leaves below it), every row has a
    strength and a rationale, no-counterpart is the only row of its target.

Then it prints coverage figures: for a specification that implements every
requirement of the source catalog (all 93 Annex A controls and all ISMS clauses),
which share of the target's requirement leaves is reached fully (an equal or
superset row, plain or covering set, without residual: the strict policy), only
partially, or not at all. These are a preview computed from the files alone; the
figures of record come from ismc itself (scripts/coverage-figures.sh).

If frameworks/iso27001-2022.yaml does not exist yet, the 93 Annex A ids
(A.5.1-A.5.37, A.6.1-A.6.8, A.7.1-A.7.14, A.8.1-A.8.34) are used instead.

Usage: python3 scripts/catalogs/check.py [--quiet]
Exit status 1 if any error was found.
"""
import collections
import glob
import os
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("check.py needs PyYAML (python3 -m pip install pyyaml)")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FW = os.path.join(ROOT, "frameworks")
QUIET = "--quiet" in sys.argv

CATALOG_KEYS = {"id", "aliases", "title", "version", "publisher", "source", "licence", "kind", "levels",
                "soa"}
NODE_KEYS = {"id", "title", "level", "parent", "ref", "kind"}
MAPPING_KEYS = {"id", "source", "target", "title", "provenance", "origin", "method"}
ROW_KEYS = {"source", "rel", "target", "strength", "rationale", "residual"}
RELS = {"equal", "subset", "superset", "intersects", "not-related", "no-counterpart"}
FULL = {"equal", "superset"}

errors = []


def err(msg):
    errors.append(msg)
    print("ERROR:", msg)


class StrictLoader(yaml.SafeLoader):
    pass


def _no_alias(self, node):
    raise yaml.constructor.ConstructorError(None, None, "aliases are not allowed", node.start_mark)


def _mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    for event in yaml.parse(text, Loader=StrictLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise SystemExit(f"{path}: anchors/aliases are not allowed")
    return yaml.load(text, Loader=StrictLoader)


def rel(path):
    return os.path.relpath(path, ROOT)


class Catalog:
    def __init__(self, path, data):
        self.path = path
        c = data["catalog"]
        self.id = c["id"]
        self.aliases = c.get("aliases") or []
        self.nodes = data["nodes"]
        self.ids = [n["id"] for n in self.nodes]
        parents = {n.get("parent") for n in self.nodes}
        self.leaves = [n["id"] for n in self.nodes if n["id"] not in parents and n.get("kind") != "group"]
        self.by_id = {n["id"]: n for n in self.nodes}
        self.soa = c.get("soa")
        self.children = collections.defaultdict(list)
        for n in self.nodes:
            if n.get("parent") is not None:
                self.children[n["parent"]].append(n["id"])

    def leaves_under(self, ident):
        """The requirement leaves a node stands for (itself when it is a leaf)."""
        if ident not in self.children:
            return [ident]
        out = []
        for c in self.children[ident]:
            out.extend(self.leaves_under(c))
        return out

    def top(self, ident):
        n = self.by_id[ident]
        while n.get("parent") is not None:
            n = self.by_id[n["parent"]]
        return n["id"]


def check_catalog(path, data):
    name = rel(path)
    if set(data) != {"format", "catalog", "nodes"}:
        err(f"{name}: top-level keys {sorted(data)}")
    if data.get("format") != "ismc-catalog/1":
        err(f"{name}: format {data.get('format')!r}")
    c = data["catalog"]
    extra = set(c) - CATALOG_KEYS
    if extra:
        err(f"{name}: unknown catalog keys {sorted(extra)}")
    for key in ("id", "title", "kind", "levels"):
        if key not in c:
            err(f"{name}: catalog.{key} missing")
    levels = c.get("levels") or []
    soa = c.get("soa")
    for g in (soa if isinstance(soa, list) else [] if soa is None else [soa]):
        if g not in {n.get("id") for n in data["nodes"]}:
            err(f"{name}: catalog.soa {g!r} names no node")
    seen = set()
    for n in data["nodes"]:
        extra = set(n) - NODE_KEYS
        if extra:
            err(f"{name}: node {n.get('id')}: unknown keys {sorted(extra)}")
        for key in ("id", "title", "level"):
            if not isinstance(n.get(key), str) or not n.get(key):
                err(f"{name}: node {n.get('id')}: {key} missing or not a string")
        if n["id"] in seen:
            err(f"{name}: duplicate id {n['id']}")
        if n.get("parent") is not None and n["parent"] not in seen:
            err(f"{name}: {n['id']}: parent {n['parent']} not an earlier node")
        if n.get("level") not in levels:
            err(f"{name}: {n['id']}: level {n.get('level')} not in {levels}")
        if len(n.get("title", "")) > 100:
            err(f"{name}: {n['id']}: title longer than 100 characters")
        seen.add(n["id"])
    return Catalog(path, data)


def builtin_iso():
    nodes = []
    for theme, count in (("A.5", 37), ("A.6", 8), ("A.7", 14), ("A.8", 34)):
        nodes.append({"id": theme, "title": theme, "level": "theme"})
        for i in range(1, count + 1):
            nodes.append({"id": f"{theme}.{i}", "title": "", "level": "control", "parent": theme})
    return Catalog("(built-in Annex A id list)", {"catalog": {"id": "iso27001-2022", "aliases": ["iso27001"]},
                                                  "nodes": nodes})


def members(row):
    """The source ids of a row as a sorted tuple: one id, a covering set, or () for null."""
    src = row.get("source")
    if src is None:
        return ()
    if isinstance(src, list):
        return tuple(sorted(set(src), key=str))
    return (src,)


def check_row_source(name, i, r, src):
    """A plain id or a covering set; the set rules of doc/catalog-format.md."""
    s = r.get("source")
    ids = s if isinstance(s, list) else [s]
    if isinstance(s, list) and not s:
        err(f"{name}: row {i}: empty source list")
    for m in ids:
        if not isinstance(m, str):
            err(f"{name}: row {i}: source member {m!r} is not a string (quote it)")
        elif m not in src.by_id:
            err(f"{name}: row {i}: source {m!r} not in {src.id}")
    if isinstance(s, list) and len(set(ids)) != len(ids):
        err(f"{name}: row {i}: a member is repeated in {s}")
    if len(members(r)) > 1 and r.get("rel") not in FULL:
        err(f"{name}: row {i}: a covering set must be equal or superset, not {r.get('rel')}")


def check_mapping(path, data, catalogs):
    name = rel(path)
    if set(data) != {"format", "mapping", "rows"}:
        err(f"{name}: top-level keys {sorted(data)}")
    if data.get("format") != "ismc-mapping/1":
        err(f"{name}: format {data.get('format')!r}")
    m = data["mapping"]
    extra = set(m) - MAPPING_KEYS
    if extra:
        err(f"{name}: unknown mapping keys {sorted(extra)}")
    src = catalogs.get(m.get("source"))
    tgt = catalogs.get(m.get("target"))
    if src is None or tgt is None:
        err(f"{name}: catalog {m.get('source')} or {m.get('target')} not found")
        return None
    expect = f"{m['source']}--{m['target']}"
    base = os.path.basename(path)
    # a second set for the same pair sits beside the first: <source>--<target>.<tag>.yaml
    if base != expect + ".yaml" and not re.fullmatch(re.escape(expect) + r"\.[a-z0-9-]+\.yaml", base):
        err(f"{name}: file name should be {expect}.yaml or {expect}.<tag>.yaml")
    rows = data["rows"] or []
    src_ids, tgt_ids = set(src.ids), set(tgt.ids)
    for i, r in enumerate(rows):
        extra = set(r) - ROW_KEYS
        if extra:
            err(f"{name}: row {i}: unknown keys {sorted(extra)}")
        if r.get("rel") not in RELS:
            err(f"{name}: row {i}: rel {r.get('rel')!r}")
        if r.get("rel") == "no-counterpart":
            if r.get("source") is not None:
                err(f"{name}: row {i}: no-counterpart with a source")
        else:
            check_row_source(name, i, r, src)
        if "residual" in r:
            res = r["residual"]
            if r.get("rel") not in FULL:
                err(f"{name}: row {i}: residual on a {r.get('rel')} row (only equal or superset)")
            if not isinstance(res, str) or not res.strip():
                err(f"{name}: row {i}: residual must be non-blank text")
        if r.get("target") not in tgt_ids:
            err(f"{name}: row {i}: target {r.get('target')!r} not in {tgt.id}")
        # Issue 8: no requirement is full without a set-theoretic statement
        # that says why. Only equal and superset rows can make one full, in
        # every set, imported ones included.
        if r.get("rel") in FULL and not (isinstance(r.get("rationale"), str)
                                         and r["rationale"].strip()):
            err(f"{name}: row {i}: a {r.get('rel')} row, which can make "
                f"{r.get('target')!r} full, has no rationale")
        st = r.get("strength")
        if st is not None and not (isinstance(st, int) and not isinstance(st, bool) and 1 <= st <= 10):
            err(f"{name}: row {i}: strength {st!r}")
        for key in ("target",):
            if r.get(key) is not None and not isinstance(r.get(key), str):
                err(f"{name}: row {i}: {key} {r.get(key)!r} is not a string (quote it)")
    dups = collections.Counter((members(r), r.get("rel"), r.get("target")) for r in rows)
    ndup = sum(v - 1 for v in dups.values() if v > 1)
    pairs = collections.Counter((members(r), r.get("target")) for r in rows)
    conflicting = [k for k, v in pairs.items() if v > 1 and
                   len({(r.get("rel"), r.get("strength"), r.get("rationale"), r.get("residual"))
                        for r in rows if (members(r), r.get("target")) == k}) > 1]
    for k in conflicting:
        err(f"{name}: pair {'+'.join(k[0]) or 'null'} -> {k[1]} appears twice with different values")
    own = m.get("provenance") == "ismc"
    if own:
        # a row on a group stands for every leaf below it (doc/coverage.md section 7);
        # the per-point NIS2 IR judgement uses that
        covered = {l for r in rows if r["target"] in tgt_ids for l in tgt.leaves_under(r["target"])}
        missing = [l for l in tgt.leaves if l not in covered]
        if missing:
            err(f"{name}: requirement leaves without any row: {missing}")
        for r in rows:
            label = "+".join(members(r)) or "null"
            if r.get("rel") not in ("no-counterpart", "not-related") and r.get("strength") is None:
                err(f"{name}: own row {label}->{r['target']} lacks strength")
            if not r.get("rationale"):
                err(f"{name}: own row {label}->{r['target']} lacks rationale")
            if r.get("residual") and (r.get("strength") or 0) >= 9:
                err(f"{name}: own row {label}->{r['target']} has a residual but strength >= 9")
        per = collections.defaultdict(list)
        for r in rows:
            per[r["target"]].append(r["rel"])
        for t, rels in per.items():
            if "no-counterpart" in rels and len(rels) > 1:
                err(f"{name}: {t}: no-counterpart together with other rows")
    return dict(name=name, m=m, rows=rows, src=src, tgt=tgt, ndup=ndup, own=own)


def reach(row, src, implemented):
    """(status, credit) one row gives a target when the leaves in `implemented` are
    implemented: status 3 full, 2 partial, 0 nothing; credit as the coverage index."""
    rel_ = row.get("rel")
    if rel_ in ("no-counterpart", "not-related"):
        return 0, 0.0
    leaves = [l for m in members(row) for l in src.leaves_under(m)]
    done = sum(1 for l in leaves if l in implemented)
    if done == 0:
        return 0, 0.0
    frac = done / len(leaves)
    if rel_ in FULL and done == len(leaves) and not row.get("residual"):
        return 3, 1.0
    return 2, min((row.get("strength") or 1) / 10.0 * frac, 0.99)


def coverage(info, implemented):
    """Coverage of the target's leaves for a spec implementing the source leaves in
    `implemented` (a preview of the strict policy, from the rows of `info` only)."""
    tgt, src, rows = info["tgt"], info["src"], info["rows"]
    best, credit = {}, collections.defaultdict(float)
    maxst = collections.defaultdict(int)
    residual = collections.defaultdict(list)
    for r in rows:
        st, cr = reach(r, src, implemented)
        # a row on a group node reaches the leaves below it (imported sets map some groups)
        for leaf in tgt.leaves_under(r["target"]):
            best[leaf] = max(best.get(leaf, 0), st)
            credit[leaf] = max(credit[leaf], cr)
            if st:
                maxst[leaf] = max(maxst[leaf], r.get("strength") or 0)
            if st == 2 and r.get("residual") and cr == min((r.get("strength") or 1) / 10.0, 0.99):
                residual[leaf].append(r["residual"])
    full = [l for l in tgt.leaves if best.get(l) == 3]
    part = [l for l in tgt.leaves if best.get(l) == 2]
    none = [l for l in tgt.leaves if best.get(l, 0) == 0]
    return dict(n=len(tgt.leaves), full=full, part=part, none=none, maxst=maxst,
                index=sum(credit[l] for l in tgt.leaves),
                residual={l: residual[l] for l in part if residual.get(l)})


def pct(a, b):
    return f"{a}/{b} = {100.0 * a / b:.1f} %" if b else "n/a"


def scenarios(catalogs):
    """The source implementations the figures are computed for."""
    iso = catalogs["iso27001-2022"]
    annex = [l for l in iso.leaves if l.startswith("A.")]
    out = [("a full implementation of ISO/IEC 27001 (all clauses and Annex A controls)",
            set(iso.leaves))]
    if len(annex) != len(iso.leaves):
        out.append((f"Annex A alone ({len(annex)} controls, no clause)", set(annex)))
    return out


def print_coverage(info, cov):
    n, full, part, none = cov["n"], cov["full"], cov["part"], cov["none"]
    print(f"{info['name']} ({info['tgt'].id}, {n} leaves):")
    print(f"  full  (strict: equal/superset, every member, no open residual): {pct(len(full), n)}")
    print(f"  partial only:                                  {pct(len(part), n)}")
    print(f"    of which an equal/superset cover with an open residual: {len(cov['residual'])}")
    print(f"  reached at all (full or partial):              {pct(len(full) + len(part), n)}")
    print(f"  not reached (no row, or no-counterpart):       {pct(len(none), n)}")
    print(f"  coverage index (preview: full 1, partial strength/10 x share of set): "
          f"{100.0 * cov['index'] / n:.1f} %")
    if not info["own"]:
        return
    for th in (7, 5):
        k = sum(1 for l in info["tgt"].leaves if l in full or cov["maxst"].get(l, 0) >= th)
        print(f"  full, or strongest reach has strength >= {th}:  {pct(k, n)}")
    by_top = collections.defaultdict(lambda: [0, 0, 0, 0])
    for l in info["tgt"].leaves:
        t = by_top[info["tgt"].top(l)]
        t[0] += 1
        t[1] += l in full
        t[2] += l in part
        t[3] += l in none
    print("  per top-level group (leaves / full / partial / gap):")
    for t, (a, b, c, d) in by_top.items():
        print(f"    {t:8} {a:4} {b:4} {c:4} {d:4}")
    if not QUIET:
        print("  full: " + ", ".join(full))
        print("  open residuals: " + ", ".join(cov["residual"]))
        print("  not reached: " + ", ".join(none))


def main():
    catalogs = {}
    cat_list = []
    for path in sorted(glob.glob(os.path.join(FW, "*.yaml"))):
        try:
            data = load(path)
        except Exception as exc:  # noqa: BLE001
            err(f"{rel(path)}: {exc}")
            continue
        c = check_catalog(path, data)
        cat_list.append(c)
        for key in [c.id] + list(c.aliases):
            if key in catalogs:
                err(f"{rel(path)}: catalog id/alias {key} already used")
            catalogs[key] = c
    if "iso27001-2022" not in catalogs:
        iso = builtin_iso()
        catalogs["iso27001-2022"] = iso
        print("note: frameworks/iso27001-2022.yaml not found; using the built-in Annex A id list (93 controls)")
    infos = []
    for path in sorted(glob.glob(os.path.join(FW, "mappings", "*.yaml"))):
        try:
            data = load(path)
        except Exception as exc:  # noqa: BLE001
            err(f"{rel(path)}: {exc}")
            continue
        info = check_mapping(path, data, catalogs)
        if info:
            infos.append(info)

    print("\n== catalogs ==")
    for c in cat_list:
        levels = collections.Counter(n["level"] for n in c.nodes)
        print(f"{rel(c.path)}: id {c.id}, {len(c.nodes)} nodes, {len(c.leaves)} requirement leaves; "
              + ", ".join(f"{k} {v}" for k, v in levels.items()))

    print("\n== mapping sets ==")
    for info in infos:
        rows = info["rows"]
        rels = collections.Counter(r["rel"] for r in rows)
        print(f"{info['name']}: {len(rows)} rows ({', '.join(f'{k} {v}' for k, v in sorted(rels.items()))}); "
              f"{len({m for r in rows for m in members(r)})} source ids; "
              f"{sum(1 for r in rows if len(members(r)) > 1)} covering sets; "
              f"{sum(1 for r in rows if r.get('residual'))} residuals; "
              f"{len({r['target'] for r in rows})} target nodes; exact duplicate rows: {info['ndup']}")

    for title, implemented in scenarios(catalogs):
        print(f"\n== coverage from {title} ==")
        for info in infos:
            print_coverage(info, coverage(info, implemented))
    print()
    if errors:
        print(f"{len(errors)} error(s)")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
