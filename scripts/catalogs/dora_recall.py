#!/usr/bin/env python3
"""Recall of ismc's DORA crosswalk against published practitioner crosswalks.

Written for ismc. Holds the (Annex A control, DORA article) pairs that
independent, public DORA <-> ISO/IEC 27001:2022 crosswalks state, as facts
(identifier pairs only; no text of those works), and for every pair that
ismc's crosswalk (dora_crosswalk.py) does not contain, the reason it was left
out. Prints the recall table quoted in doc/mapping-method.md, section 8, and
exits 1 when a published pair is neither in the data nor explained, or when
an explanation is stale (the pair has since been mapped).

A pair counts as "in the data" when some row of the crosswalk has the control
as its source or as a member of its covering set and targets a requirement of
that article (any relation; no-counterpart rows name no control).

Usage: python3 scripts/catalogs/dora_recall.py [--markdown]
"""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dora_crosswalk  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SOURCES = {
    "C": "crossmap (mr7security, MIT): https://github.com/mr7security/crossmap, "
         "ISO 27002 control -> DORA article with full/partial/none; build_map.py at commit "
         "42db8afc, and the later partial rows of details/dora.py (ab4a5976) and "
         "crossmap/data/mappings.json (6f79fc81), which turned several 'none' rows into "
         "'partial' ones. Rows to the RTS (rts.2024/1774 ...) are outside our level-1 catalog.",
    "I": "Cintelis, 'DORA mapping to ISO 27001 & NIST SP 800-53': "
         "https://cintelis.io/dora-to-iso27001-mapping, Chapter II table; only its first rows "
         "(internal governance, management body responsibilities, data protection policies, "
         "all Art. 5) were available to us.",
    "Z": "gw-ai-security/from-zero-to-ciso: https://github.com/gw-ai-security/from-zero-to-ciso, "
         "04_Compliance_Framework/mapping/dora-compliance-mapping.md, a sample mapping "
         "(Art. 5, 11, 28).",
}

# control: articles, per source (article numbers of Regulation (EU) 2022/2554).
_C = """
A.5.1:5,6 A.5.2:5 A.5.3:5 A.5.4:5 A.5.5:19 A.5.6:45 A.5.7:13,45 A.5.8:6,8 A.5.9:8
A.5.10:9 A.5.11:9 A.5.12:8 A.5.13:8 A.5.14:9,14 A.5.15:9 A.5.16:9 A.5.17:9 A.5.18:9
A.5.19:28 A.5.20:30 A.5.21:28 A.5.22:28,29 A.5.23:28,30 A.5.24:17 A.5.25:18
A.5.26:11,17 A.5.27:13 A.5.28:12,17 A.5.29:11 A.5.30:11,12,24 A.5.31:5,6 A.5.33:12
A.5.35:6,24 A.5.36:6 A.5.37:6 A.6.1:5 A.6.2:5 A.6.3:5,13 A.6.6:30 A.6.7:9 A.6.8:17
A.7.1:9 A.7.2:9 A.7.3:9 A.7.4:10 A.7.5:9 A.7.8:9 A.7.9:9 A.7.10:9 A.7.11:9 A.7.13:9
A.7.14:9 A.8.1:9 A.8.2:9 A.8.3:9 A.8.4:9 A.8.5:9 A.8.6:7,9 A.8.7:9 A.8.8:9,10 A.8.9:9
A.8.10:9 A.8.12:9 A.8.13:12 A.8.14:12 A.8.15:10 A.8.16:10 A.8.17:10 A.8.18:9 A.8.19:9
A.8.20:9 A.8.21:9 A.8.22:9 A.8.23:9 A.8.24:9 A.8.25:9 A.8.26:9 A.8.27:6,7 A.8.28:9
A.8.29:24,25 A.8.30:28,30 A.8.31:9 A.8.32:9 A.8.34:6
"""
_I = "A.5.1:5 A.5.2:5 A.5.3:5 A.5.4:5 A.5.5:5 A.5.6:5 A.5.7:5 A.5.8:5 A.5.12:5"
_Z = "A.5.1:5 A.5.25:11 A.5.26:11 A.5.10:28 A.5.23:28"

# Why a published pair is not in ismc's data.
REASONS = {
    ("A.5.5", 5): "Contact with authorities is not a duty of the management body under Art. 5; mapped to 6(3), 11(2)(e), 17(1) and 19(1).",
    ("A.5.6", 5): "Special interest groups are not an Art. 5 governance duty; mapped to 13(1), 13(7), 17(3)(a) and Art. 45.",
    ("A.5.7", 5): "Threat intelligence is not an Art. 5 governance duty; mapped to 8(2), 13, 17 and Art. 45.",
    ("A.5.8", 5): "Security in projects is not an Art. 5 governance duty; mapped to 8(3) and 8(7) (risk assessment when technology changes).",
    ("A.5.8", 6): "Mapped to Art. 8(3) and 8(7), where DORA asks for the risk assessment that projects carry out; Art. 6 states the framework, not project practice.",
    ("A.5.31", 5): "Identifying legal requirements does not discharge the management body's Art. 5 duties; mapped to 6(3) and 28(4)(b).",
    ("A.6.1", 5): "Screening of staff is not a DORA obligation (Art. 5(4) concerns the management body's own ICT knowledge); the publisher says so too.",
    ("A.6.2", 5): "Terms of employment are not regulated by DORA's level-1 text (the HR policy is in RTS 2024/1774, outside our catalog).",
    ("A.8.34", 6): "Mapped to the testing articles instead: 24(2), 25(1) and 26(5) (risk controls during tests on live systems).",
    ("A.5.11", 9): "No Art. 9 paragraph asks for assets to be returned; revocation of access on departure is covered through 9(4)(c) (A.5.18).",
    ("A.6.7", 9): "DORA protects the remote access path (9(4)(b), 9(4)(d): A.8.5, A.8.20), not the remote-working arrangement.",
    ("A.7.8", 9): "Equipment siting protects premises and equipment: mapped to Art. 6(2) (physical components and infrastructure).",
    ("A.7.9", 9): "Off-premises assets are not addressed by DORA's level-1 text; encryption of mobile data is covered through 9(4)(d) (A.8.24).",
    ("A.7.13", 9): "Equipment maintenance is mapped to Art. 7(b) (reliable ICT systems), which it serves.",
    ("A.8.10", 9): "DORA does not require deletion of information at end of retention (the publisher notes nothing further for DORA).",
    ("A.7.4", 10): "Art. 10 concerns detection of ICT anomalies; physical monitoring is mapped to Art. 6(2) (protection of premises).",
    ("A.8.8", 10): "Vulnerability scanning finds weaknesses, not anomalous activity; A.8.8 is mapped to 7, 8(2), 9, 13(1), 24 and 25.",
    ("A.8.17", 10): "Synchronised clocks are an RTS 2024/1774 requirement (time-stamped logs); the level-1 Art. 10 does not ask for them.",
    ("A.5.28", 12): "No Art. 12 paragraph asks for evidence handling; A.5.28 is mapped to 11(8), 13(2) and 17(2).",
    ("A.5.33", 12): "Art. 12 is about backup and restoration (A.8.13, A.8.14); protection of records is mapped to 11(8) (records of activities during disruption).",
    ("A.5.14", 14): "A.5.14 protects information in transfer; it does not say what to disclose to whom in a crisis (Art. 14). Mapped to 9(3)(a) and 45.",
    ("A.5.10", 28): "Acceptable use of assets has no counterpart in Art. 28 (ICT third-party risk); mapped to 9(3)(d).",
    ("A.8.30", 30): "Contract terms for outsourced development are part of the supplier agreements of A.5.20, which carry the Art. 30 rows; A.8.30 is mapped to 28(5).",
}


def published():
    out = {}
    for key, text in (("C", _C), ("I", _I), ("Z", _Z)):
        for tok in text.split():
            ctl, arts = tok.split(":")
            for a in arts.split(","):
                out.setdefault((ctl, int(a)), set()).add(key)
    return out


def article_of():
    """DORA requirement id -> article number, from the catalog structure."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import gen_own  # noqa: E402
    _, nodes = gen_own.build_dora()
    by = {n["id"]: n for n in nodes}
    arts = {}
    for n in nodes:
        if n["level"] == "chapter":
            continue
        m = n
        while m["level"] != "article":
            m = by[m["parent"]]
        arts[n["id"]] = int(m["id"][len("Art."):])
    return arts


def ours():
    """(control, article) -> sorted DORA requirements reached by that control."""
    arts = article_of()
    out = {}
    for r in dora_crosswalk.parse():
        src = r["source"]
        if src is None:
            continue
        for m in src if isinstance(src, list) else [src]:
            out.setdefault((m, arts[r["target"]]), []).append(r["target"])
    return out


def key(pair):
    ctl, art = pair
    return (art, [int(x) for x in ctl[2:].split(".")])


def main():
    pub, mine = published(), ours()
    errors = 0
    rows = []
    for pair in sorted(pub, key=key):
        src = "".join(sorted(pub[pair]))
        if pair in mine:
            where = ", ".join(sorted(set(mine[pair]), key=lambda t: [x for x in t.split(".")]))
            rows.append((pair, src, "yes", where))
            if pair in REASONS:
                print(f"stale reason: {pair} is in the data", file=sys.stderr)
                errors += 1
        elif pair in REASONS:
            rows.append((pair, src, "no", REASONS[pair]))
        else:
            print(f"unexplained published pair: {pair} ({src})", file=sys.stderr)
            errors += 1
    for pair in REASONS:
        if pair not in pub:
            print(f"reason for a pair nobody published: {pair}", file=sys.stderr)
            errors += 1
    n_in = sum(1 for r in rows if r[2] == "yes")
    print(f"{len(pub)} published pairs (ISO control, DORA article); {n_in} in ismc's data, "
          f"{len(pub) - n_in} left out with a reason.\n")
    print("Sources: " + "; ".join(f"{k} = {v}" for k, v in SOURCES.items()) + "\n")
    print("| ISO control | DORA | source | in ismc's data | where, or why not |")
    print("|---|---|---|---|---|")
    for (ctl, art), src, yes, text in rows:
        print(f"| {ctl} | Art. {art} | {src} | {yes} | {text} |")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
