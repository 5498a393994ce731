#!/bin/sh
# The shipped catalogs and crosswalks pass the data checks ismc's own loader
# does not make: every requirement of an ismc crosswalk has a row, covering
# sets and residuals follow doc/catalog-format.md, every row has a strength
# and a rationale (scripts/catalogs/check.py), and every published DORA
# crosswalk pair is either in the data or left out with a reason
# (scripts/catalogs/dora_recall.py), and so is every pair of ENISA's NIS2 IR
# table rolled up to NIS2 Art. 21(2) (scripts/catalogs/recall_nis2.py).
# Skips without python3 and PyYAML.
set -eu
: "${ISMC_SRCDIR:?ISMC_SRCDIR must name the source tree}"
cd "$ISMC_SRCDIR"
if ! command -v python3 >/dev/null 2>&1 ||
    ! python3 -c 'import yaml' >/dev/null 2>&1; then
	echo "SKIP: needs python3 with PyYAML (Debian: python3-yaml)"
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ismc-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
if ! python3 scripts/catalogs/check.py --quiet >"$tmp/check" 2>&1; then
	grep -E '^ERROR|error' "$tmp/check" | head -20
	echo "FAIL: scripts/catalogs/check.py"
	failed=1
fi
if ! python3 scripts/catalogs/dora_recall.py >/dev/null 2>"$tmp/recall"; then
	cat "$tmp/recall"
	echo "FAIL: scripts/catalogs/dora_recall.py"
	failed=1
fi
# ENISA's NIS2 IR table (reference data, skipped by the script when absent):
# every published Art. 21(2) pair is in our NIS2 crosswalk or has a reason,
# and doc/mapping-method.md shows the current table.
if ! python3 scripts/catalogs/recall_nis2.py --check >/dev/null 2>"$tmp/recall-nis2"; then
	cat "$tmp/recall-nis2"
	echo "FAIL: scripts/catalogs/recall_nis2.py"
	failed=1
fi
[ "$failed" = 0 ] && echo "crosswalk data: ok"
exit "$failed"
