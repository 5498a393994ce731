"""Small YAML writer for ismc catalog and mapping files (ismc-catalog/1, ismc-mapping/1).

Written for ismc. Used by gen_own.py and gen_imported.py. It writes a fixed
layout so the output is stable and diff-friendly, and it quotes every scalar
that YAML could read as something other than a string (numbers such as
"17.1", booleans, null, or text with YAML punctuation).
"""
import json
import re

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9._-]*\Z")
_SPECIAL = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf"}


def s(value):
    """A scalar: plain when unambiguous, otherwise double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _SPECIAL:
        return text
    return q(text)


def q(value):
    """Always double-quoted (JSON string syntax is valid YAML double-quoted syntax)."""
    return json.dumps(str(value), ensure_ascii=False)


def comment_block(text):
    out = []
    for line in text.strip("\n").split("\n"):
        out.append(("# " + line).rstrip())
    return "\n".join(out) + "\n"


def catalog(header_comment, meta, nodes):
    """meta: dict with id, aliases, title, version, publisher, source, licence, kind, levels.
    nodes: list of dicts with id, title, level, parent (optional), ref (optional)."""
    out = [comment_block(header_comment), "format: ismc-catalog/1\n", "catalog:\n"]
    out.append(f"  id: {s(meta['id'])}\n")
    if meta.get("aliases"):
        out.append("  aliases: [" + ", ".join(s(a) for a in meta["aliases"]) + "]\n")
    for key in ("title", "version", "publisher", "source", "licence"):
        out.append(f"  {key}: {q(meta[key])}\n")
    out.append(f"  kind: {s(meta['kind'])}\n")
    out.append("  levels: [" + ", ".join(s(l) for l in meta["levels"]) + "]\n")
    out.append("nodes:\n")
    seen = set()
    for n in nodes:
        if n["id"] in seen:
            raise SystemExit(f"duplicate node id {n['id']}")
        if n.get("parent") is not None and n["parent"] not in seen:
            raise SystemExit(f"parent {n['parent']} of {n['id']} is not an earlier node")
        if n["level"] not in meta["levels"]:
            raise SystemExit(f"bad level {n['level']} for {n['id']}")
        if len(n["title"]) > 100:
            raise SystemExit(f"title of {n['id']} longer than 100 chars: {n['title']}")
        seen.add(n["id"])
        out.append(f"  - id: {s(n['id'])}\n")
        out.append(f"    title: {q(n['title'])}\n")
        out.append(f"    level: {s(n['level'])}\n")
        if n.get("parent") is not None:
            out.append(f"    parent: {s(n['parent'])}\n")
        if n.get("ref"):
            out.append(f"    ref: {q(n['ref'])}\n")
    return "".join(out)


RELS = {"equal", "subset", "superset", "intersects", "not-related", "no-counterpart"}


def mapping(header_comment, meta, rows, row_comments=None):
    """meta: id, source, target, title, provenance, origin, method.
    rows: list of dicts source, rel, target, strength (optional), rationale (optional),
    residual (optional). source is an id, None, or a list of ids (a covering set,
    written as a flow sequence in the order given).
    row_comments: optional {row_index: comment text} written before that row."""
    out = [comment_block(header_comment), "format: ismc-mapping/1\n", "mapping:\n"]
    out.append(f"  id: {s(meta['id'])}\n")
    out.append(f"  source: {s(meta['source'])}\n")
    out.append(f"  target: {s(meta['target'])}\n")
    for key in ("title", "provenance", "origin", "method"):
        out.append(f"  {key}: {q(meta[key])}\n")
    out.append("rows:\n")
    row_comments = row_comments or {}
    for i, r in enumerate(rows):
        if i in row_comments:
            out.append("  # " + row_comments[i] + "\n")
        if r["rel"] not in RELS:
            raise SystemExit(f"bad rel {r['rel']}")
        if (r["rel"] == "no-counterpart") != (r["source"] is None):
            raise SystemExit(f"no-counterpart rows need source null and vice versa: {r}")
        src = r["source"]
        if isinstance(src, (list, tuple)):
            if len(set(src)) < 2 or r["rel"] not in ("equal", "superset"):
                raise SystemExit(f"a covering set needs two distinct members and equal/superset: {r}")
            src_text = "[" + ", ".join(s(m) for m in src) + "]"
        else:
            src_text = s(src)
        if r.get("residual") is not None and (r["rel"] not in ("equal", "superset")
                                              or not str(r["residual"]).strip()):
            raise SystemExit(f"a residual needs an equal/superset row and some text: {r}")
        parts = [f"source: {src_text}", f"rel: {r['rel']}", f"target: {s(r['target'])}"]
        if r.get("strength") is not None:
            st = r["strength"]
            if not (isinstance(st, int) and 1 <= st <= 10):
                raise SystemExit(f"bad strength {st}")
            parts.append(f"strength: {st}")
        if "rationale" in r and r["rationale"] is not None:
            parts.append(f"rationale: {q(r['rationale'])}")
        if r.get("residual") is not None:
            parts.append(f"residual: {q(r['residual'])}")
        out.append("  - {" + ", ".join(parts) + "}\n")
    return "".join(out)
