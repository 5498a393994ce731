#!/bin/sh
# The bad-input corpus: every malformed spec (tests/bad/*.isms) and catalog
# (tests/bad/catalogs/*.yaml) must give exactly the diagnostics in its
# .expected file and exit with status 1 (or the status in NAME.status).
. "${ISMC_SRCDIR:?}/tests/lib.sh"

run_case() {
	name=$1
	expected=$2
	shift 2
	status=0
	"$ISMC" check --diagnostics=plain --color=never "$@" \
	    >"$tmp/out" 2>"$tmp/err" </dev/null || status=$?
	want=1
	[ -f "${expected%.expected}.status" ] &&
	    want=$(cat "${expected%.expected}.status")
	if [ "$status" -ne "$want" ]; then
		fail "$name: exit status $status, expected $want"
		note "$tmp/err"
		return
	fi
	if [ "$status" -ge 128 ]; then
		fail "$name: crashed"
		return
	fi
	check_eq "$name" "$expected" "$tmp/err"
}

for f in tests/bad/*.isms; do
	[ -e "$f" ] || continue
	case $f in *.inc.isms) continue ;; esac	# included by other cases
	run_case "$f" "${f%.isms}.expected" "$f"
done
for f in tests/bad/catalogs/*.yaml tests/bad/catalogs/*.json; do
	[ -e "$f" ] || continue
	run_case "$f" "${f%.*}.expected" --catalog "$f"
done
finish
