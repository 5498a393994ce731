#!/usr/bin/env python3
"""gen-schemas.py [--check] SRCDIR: the JSON Schemas of the reports' JSON
files, schemas/<report>.schema.json, written from doc/outputs.md.

The document is where each report's columns, metadata and summary keys
are described with their types (sections 2 and 6); this script turns
those tables into JSON Schema (draft 2020-12), so the schemas, the
document and, through tests/schemas.sh, the outputs cannot disagree. A
report's schema requires every column in every row, every metadata key
and every summary key, with the type the document gives, and refuses
members it does not name.

With --check, writes nothing and exits 1 when a schema in schemas/ is not
what the document gives (tests/schemas.sh runs it so).
"""
import json
import os
import re
import sys

TYPES = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "decimal": {"type": "number"},
    "boolean": {"type": "boolean"},
    "list": {"type": "array", "items": {"type": "string"}},
    "date": {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
    "null": {"type": "null"},
}
ORDER = list(TYPES)
BASE = "https://example.invalid/ismc/schemas/"
FORMAT_VERSION = 1


def type_of(text, known):
    """The schema of a table's type cell: "string or null", "decimal (2
    places) or null", "integer: rows not `same`", "as above"."""
    t = re.sub(r"\([^)]*\)", "", text)
    t = t.split(":")[0]
    words = set(re.findall(r"[a-z]+", t))
    if "as" in words and not words & set(TYPES):
        return None                     # "as above", "as `before`"
    kinds = [k for k in ORDER if k in words]
    if not kinds:
        raise SystemExit("gen-schemas: no type in %r" % text)
    if len(kinds) == 1:
        return dict(TYPES[kinds[0]])
    return {"anyOf": [dict(TYPES[k]) for k in kinds]}


def keys_of(cell):
    """`a`, `b` -> [a, b]."""
    return re.findall(r"`([^`]+)`", cell)


def tables(lines):
    """Each Markdown table of `lines` as (header cells, rows of cells)."""
    out, cur = [], None
    for line in lines:
        if line.startswith("|"):
            cells = [c.strip() for c in
                     re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            if cur is None:
                cur = (cells, [])
            elif not all(re.fullmatch(r"-+", c) for c in cells):
                cur[1].append(cells)
        elif cur is not None:
            out.append(cur)
            cur = None
    if cur is not None:
        out.append(cur)
    return out


def sections(text):
    """### `name...`: title -> (name, lines) for section 6 of the doc."""
    part = text.split("\n## 6. ", 1)[1].split("\n## 7. ", 1)[0]
    out = []
    for chunk in re.split(r"\n### ", part)[1:]:
        head, _, body = chunk.partition("\n")
        name = re.match(r"`([a-z]+)", head).group(1)
        out.append((name, body.split("\n")))
    return out


def metadata(text):
    """The metadata keys of each report: the common ones around the added
    ones of section 2's table."""
    part = text.split("\n### Metadata", 1)[1].split("\n## 3. ", 1)[0]
    added = {}
    for head, rows in tables(part.split("\n")):
        if head[0] != "report":
            continue
        for r in rows:
            ks = keys_of(re.sub(r"\([^)]*\)", "", r[1]).split(":")[0])
            for rep in keys_of(r[0]):
                added[rep] = ks
    return added


def date_or_null():
    return {"anyOf": [{"type": "string",
                       "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                      {"type": "null"}]}


META_TYPES = {
    "organisation": {"anyOf": [{"type": "string"}, {"type": "null"}]},
    "version": {"anyOf": [{"type": "string"}, {"type": "null"}]},
    "date": date_or_null(),
    "as_of": date_or_null(),
    "framework": {"type": "string"},
    "framework_title": {"type": "string"},
    "policy": {"enum": ["strict", "all-mapped"]},
    "old": {"type": "string"},
    "new": {"type": "string"},
    "generator": {"type": "string", "pattern": "^ismc "},
}


def obj(props, required=None, patterns=None):
    o = {"type": "object", "properties": props,
         "required": list(props) if required is None else required,
         "additionalProperties": False}
    if patterns:
        o["patternProperties"] = patterns
    return o


def report_schema(name, body, added):
    cols, summ, pats, optional = {}, {}, {}, set()
    for head, rows in tables(body):
        if head[0] == "column":
            for r in rows:
                ks = keys_of(r[0])
                if "left out" in r[3]:  # only when it has content
                    optional.update(ks)
                t = type_of(r[2], cols)
                for k in ks:
                    if t is not None:
                        cols[k] = t
                    elif k.startswith("residual_") and k[9:] in cols:
                        cols[k] = cols[k[9:]]
                    elif k == "after" and "before" in cols:
                        cols[k] = cols["before"]
                    else:
                        raise SystemExit("gen-schemas: %s.%s: no type"
                                         % (name, k))
        elif head[0] == "summary key":
            for r in rows:
                t = type_of(r[2], summ)
                for k in keys_of(r[0]):
                    if "<" in k:        # group:<id>: one per group
                        pats["^" + re.escape(k.split("<")[0])] = t
                    else:
                        summ[k] = t
    if name == "review":
        # Its three columns are told in prose (doc/outputs.md).
        cols = {"topic": {"type": "string"},
                "figure": {"anyOf": [{"type": "integer"},
                                     {"type": "number"},
                                     {"type": "null"}]},
                "detail": {"type": "string"}}
    if name == "diff":
        meta = ["old", "new", "policy", "generator"]
    else:
        meta = ["organisation", "version", "date"] + \
            added.get(name, []) + ["generator"]
    metas = {k: META_TYPES[k] for k in meta}
    if name == "diff":
        metas["policy"] = {"anyOf": [META_TYPES["policy"],
                                     {"type": "null"}]}
    column = obj({"id": {"enum": list(cols)}, "title": {"type": "string"}})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE + name + ".schema.json",
        "title": "ismc report '%s' (doc/outputs.md)" % name,
        "type": "object",
        "properties": {
            "format": {"const": "ismc-%s/%d" % (name, FORMAT_VERSION)},
            "ismc": {"type": "string"},
            "report": {"const": name},
            "title": {"type": "string"},
            "meta": obj(metas),
            "columns": {"type": "array", "items": column},
            "rows": {"type": "array", "items": obj(cols, required=[
                k for k in cols if k not in optional])},
            "summary": obj(summ, patterns=pats),
        },
        "required": ["format", "ismc", "report", "title", "meta",
                     "columns", "rows", "summary"],
        "additionalProperties": False,
    }


def main():
    args = sys.argv[1:]
    check = bool(args) and args[0] == "--check"
    if check:
        args = args[1:]
    src = args[0] if args else "."
    text = open(os.path.join(src, "doc", "outputs.md"),
                encoding="utf-8").read()
    added = metadata(text)
    stale = []
    for name, body in sections(text):
        path = os.path.join(src, "schemas", name + ".schema.json")
        new = json.dumps(report_schema(name, body, added), indent=2,
                         ensure_ascii=False) + "\n"
        try:
            old = open(path, encoding="utf-8").read()
        except OSError:
            old = None
        if old == new:
            continue
        if check:
            stale.append(path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(new)
    for p in stale:
        print("gen-schemas: %s is not what doc/outputs.md gives: run "
              "scripts/gen-schemas.py" % p)
    sys.exit(1 if stale else 0)


main()
