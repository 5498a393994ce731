#!/bin/sh
# Stored digests: the outputs of a large generated spec, pinned by SHA-256.
#
# The examples' goldens are small; a register of thousands of risks takes
# the paths only size reaches (crowded heatmap cells, long tables, many
# owners and measures). bench/gen-spec.sh writes such a spec (2,000 risks
# and 800 measures, its fixed default seed); the test builds its JSON
# reports and the charts' display lists (--format json,dl: what the
# outputs hold, independent of the cairo and font versions) and compares
# their digests with tests/digests/r2000-m800.sha256, so a speed-up that
# changes one byte of them fails here. The spec's own digest is kept too:
# when it differs, the generator (or the awk running it: mawk on a clean
# Debian, gawk elsewhere) changed, not ismc. inputs.json is left out: it
# lists the shipped catalogs' digests, which move with the data.
#
# When an intended change moves them: read the JSON diff of the examples'
# goldens first, then
#   UPDATE_GOLDEN=1 make check TESTS=tests/digests.sh
. "${ISMC_SRCDIR:?}/tests/lib.sh"

gold=tests/digests/r2000-m800.sha256

if ! command -v sha256sum >/dev/null 2>&1; then
	skip_all "no sha256sum"
fi

sh bench/gen-spec.sh --risks 2000 --measures 800 >"$tmp/spec.isms"
status=0
(cd "$tmp" && "$ISMC" build -w --diagnostics=plain --format=json,dl \
    spec.isms -o out) >"$tmp/err" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
	fail "build of the generated spec: exit status $status"
	note "$tmp/err"
	finish
	exit 1
fi
if [ -s "$tmp/err" ]; then
	fail "build of the generated spec: it says something"
	note "$tmp/err"
else
	pass "build of the generated spec: no diagnostics"
fi
(cd "$tmp" && sha256sum spec.isms && cd out && ls | grep -v '^inputs\.json$' |
    LC_ALL=C sort | xargs sha256sum) >"$tmp/digests"
if [ "$(grep -c '' "$tmp/digests")" -lt 10 ]; then
	fail "fewer outputs than expected"
	note "$tmp/digests"
fi
check_eq "digests of the generated spec's outputs" "$gold" "$tmp/digests"
finish
