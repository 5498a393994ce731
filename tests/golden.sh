#!/bin/sh
# Golden files: the outputs of every example, one TAP result per file.
#
# Every report is compared as JSON, which holds all of a report (CSV and
# Markdown are written from the same table by code the unit tests pin
# down), plus the CSV and Markdown of one small report, so that a diff
# stays reviewable. Charts are compared through their display-list dumps
# (--format dl): SVG and PNG bytes follow the cairo version, the layout
# does not. files.txt lists every file a build writes, and a second build
# from another directory and time zone must give the same bytes.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

# The CSV and Markdown files compared, beside every JSON file.
text_goldens="safetrust/risks.csv safetrust/risks.md"

for spec in examples/*/*.isms; do
	dir=$(dirname "$spec")
	name=$(basename "$dir")
	# Only each example's main file (named after its directory) is built.
	[ "$(basename "$spec" .isms)" = "$name" ] || continue
	gold=tests/golden/$name
	out=$tmp/$name
	status=0
	"$ISMC" build --diagnostics=plain "$spec" -o "$out" \
	    2>"$tmp/$name.err" || status=$?
	if [ "$status" -ne 0 ]; then
		fail "$spec: exit status $status"
		note "$tmp/$name.err"
		continue
	fi
	check_eq "$spec: diagnostics" "$gold/diagnostics.txt" \
	    "$tmp/$name.err"
	(cd "$out" && ls) >"$tmp/$name.files"
	check_eq "$spec: the files written" "$gold/files.txt" \
	    "$tmp/$name.files"
	for f in "$out"/*.json; do
		check_eq "$spec: $(basename "$f")" "$gold/$(basename "$f")" "$f"
	done
	# Any JSON tool reads and writes each file back unchanged, numbers
	# included (doc/outputs.md, section 3).
	if command -v python3 >/dev/null 2>&1; then
		if python3 - "$out"/*.json >"$tmp/json" 2>&1 <<'PY'
import json, sys
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    back = json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    if back + "\n" != text:
        print("changes on a round trip:", path)
        sys.exit(1)
PY
		then
			pass "$spec: every JSON file survives a round trip"
		else
			fail "$spec: a JSON file changes on a round trip"
			note "$tmp/json"
		fi
	fi
	for g in $text_goldens; do
		case $g in "$name"/*) ;; *) continue ;; esac
		check_eq "$spec: ${g#*/}" "tests/golden/$g" "$out/${g#*/}"
	done
	"$ISMC" build --format dl "$spec" -o "$out-dl" 2>/dev/null
	for f in "$out-dl"/*.dl.txt; do
		check_eq "$spec: $(basename "$f")" "$gold/$(basename "$f")" "$f"
	done
	# An expectation nothing above compares is stale.
	for g in "$gold"/*; do
		b=$(basename "$g")
		case $b in
		diagnostics.txt|files.txt) continue ;;
		*.dl.txt) [ -e "$out-dl/$b" ] && continue ;;
		*.json) [ -e "$out/$b" ] && continue ;;
		*) case " $text_goldens " in *" $name/$b "*) continue ;; esac ;;
		esac
		fail "$spec: nothing compares $g (remove it)"
	done
	# A second build elsewhere, from another directory, is byte-identical.
	(cd "$tmp" && TZ=Pacific/Chatham "$ISMC" build \
	    "$ISMC_SRCDIR/$spec" -o "$out-again" 2>/dev/null)
	if diff -r "$out" "$out-again" >"$tmp/diff"; then
		pass "$spec: a second build is byte-identical"
	else
		fail "$spec: a second build differs"
		note "$tmp/diff"
	fi
done
finish
