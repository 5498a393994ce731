#!/usr/bin/env python3
"""Check that doc/coverage-figures.md quotes the figures it claims to.

usage: figures_doc.py FIGURES [DOC]

FIGURES is the output of scripts/coverage-figures.sh. Every Markdown table
it prints, and every table the crosswalk generators print with --residuals
(dora_crosswalk.py, gen_nis2.py, gen_nis2_ir.py, gen_soc2.py), must appear
in DOC (default doc/coverage-figures.md) line for line; and every table of
DOC with the header of one of those tables must be one of them, so that a
stale copy of a table is noticed too. Prints what differs; exits 1 then.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATORS = ("dora_crosswalk.py", "gen_nis2.py", "gen_nis2_ir.py", "gen_soc2.py")


def tables(text):
    """The Markdown tables of text: runs of lines starting with '|'."""
    out, cur = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            cur.append(line)
        elif cur:
            out.append(cur)
            cur = []
    return out


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[2])
    with open(sys.argv[1], encoding="utf-8") as fh:
        want = tables(fh.read())
    for gen in GENERATORS:
        res = subprocess.run([sys.executable, os.path.join(HERE, gen), "--residuals"],
                             check=True, capture_output=True, text=True)
        want += tables(res.stdout)
    doc_path = sys.argv[2] if len(sys.argv) == 3 else os.path.join(
        HERE, "..", "..", "doc", "coverage-figures.md")
    with open(doc_path, encoding="utf-8") as fh:
        have = tables(fh.read())
    have_set = {tuple(t) for t in have}
    want_set = {tuple(t) for t in want}
    headers = {t[0] for t in want}
    bad = 0
    for t in want:
        if tuple(t) not in have_set:
            bad += 1
            print(f"ERROR: {doc_path} lacks this table (or has an old copy):")
            print("\n".join(t[:3] + (["..."] if len(t) > 3 else [])))
    for t in have:
        if t[0] in headers and tuple(t) not in want_set:
            bad += 1
            print(f"ERROR: {doc_path} has a table the scripts no longer print:")
            print("\n".join(t[:3] + (["..."] if len(t) > 3 else [])))
    if bad:
        print(f"ERROR: {bad} table(s) differ; paste the output of "
              "scripts/coverage-figures.sh and the generators' --residuals")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
