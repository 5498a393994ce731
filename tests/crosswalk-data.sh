#!/bin/sh
# The shipped catalogs and crosswalks pass the data checks ismc's own loader
# does not make: every requirement of an ismc crosswalk has a row, covering
# sets and residuals follow doc/catalog-format.md, every row has a strength
# and a rationale (scripts/catalogs/check.py), and every published DORA
# crosswalk pair is either in the data or left out with a reason
# (scripts/catalogs/dora_recall.py), and so is every pair of ENISA's NIS2 IR
# table rolled up to NIS2 Art. 21(2) (scripts/catalogs/recall_nis2.py, which
# passes when the reference data is absent), with doc/mapping-method.md
# showing its current table; doc/coverage-figures.md holds exactly the
# tables scripts/coverage-figures.sh and the generators print (figures_doc.py).
# Skips without python3 and PyYAML.
. "${ISMC_SRCDIR:?}/tests/lib.sh"
if ! command -v python3 >/dev/null 2>&1 ||
    ! python3 -c 'import yaml' >/dev/null 2>&1; then
	skip_all "needs python3 with PyYAML (Debian: python3-yaml)"
fi

# data_check NAME SCRIPT [ARG...]: the script exits 0; its errors otherwise.
data_check() {
	name=$1
	shift
	if python3 "$@" >"$tmp/out" 2>"$tmp/err"; then
		pass "$name"
	else
		fail "$name"
		grep -E '^ERROR|error' "$tmp/out" | head -20 | note
		note "$tmp/err"
	fi
}

data_check "catalogs and mapping sets (check.py)" scripts/catalogs/check.py --quiet
data_check "DORA recall against published crosswalks" scripts/catalogs/dora_recall.py
data_check "NIS2 recall against ENISA's NIS2 IR table" scripts/catalogs/recall_nis2.py --check

# doc/coverage-figures.md quotes scripts/coverage-figures.sh, run with the
# ismc under test, and the generators' requirement-by-requirement tables.
if sh scripts/coverage-figures.sh "$ISMC" >"$tmp/figures" 2>"$tmp/ferr"; then
	data_check "doc/coverage-figures.md has the figures the script prints" \
	    scripts/catalogs/figures_doc.py "$tmp/figures"
else
	fail "scripts/coverage-figures.sh runs"
	note "$tmp/ferr"
fi
finish
