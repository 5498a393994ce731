#!/bin/sh
# Coverage cases: small specs over the fixture catalogs and mapping sets of
# tests/coverage/data, each pinning one rule of doc/coverage.md (the ones
# issue 8, section 5 found broken) by the exact `ismc explain` output.
# A case NAME.isms names what to explain in lines "# explain: ARGS";
# NAME.expected holds, for each, the line "$ ismc explain ARGS" and the
# output. UPDATE_GOLDEN=1 rewrites the expectations.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

for f in tests/coverage/*.isms; do
	[ -e "$f" ] || continue
	: >"$tmp/out"
	status=0
	sed -n 's/^# explain: //p' "$f" >"$tmp/args"
	while read -r args; do
		echo "\$ ismc explain $args" >>"$tmp/out"
		# shellcheck disable=SC2086 # ARGS are words
		"$ISMC" explain --diagnostics=plain -w -I tests/coverage/data \
		    $args "$f" >>"$tmp/out" 2>&1 || status=$?
	done <"$tmp/args"
	if [ "$status" -ne 0 ]; then
		fail "$f: exit status $status"
		note "$tmp/out"
		continue
	fi
	check_eq "$f" "${f%.isms}.expected" "$tmp/out"
done
finish
