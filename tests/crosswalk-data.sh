#!/bin/sh
# The shipped catalogs and crosswalks pass the data checks ismc's own loader
# does not make: every requirement of an ismc crosswalk has a row, covering
# sets and residuals follow doc/catalog-format.md, every row has a strength
# and a rationale (scripts/catalogs/check.py), and every published DORA
# crosswalk pair is either in the data or left out with a reason
# (scripts/catalogs/dora_recall.py). Skips without python3 and PyYAML.
set -eu
: "${ISMC_SRCDIR:?ISMC_SRCDIR must name the source tree}"
cd "$ISMC_SRCDIR"
if ! command -v python3 >/dev/null 2>&1 ||
    ! python3 -c 'import yaml' >/dev/null 2>&1; then
	echo "1..0 # SKIP needs python3 with PyYAML (Debian: python3-yaml)"
	exit 0
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
# One TAP result: make check runs every driver through tap-driver.sh.
echo "1..1"
if [ "$failed" = 0 ]; then
	echo "ok 1 - crosswalk data"
else
	echo "not ok 1 - crosswalk data"
fi
exit "$failed"
