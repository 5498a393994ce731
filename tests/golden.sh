#!/bin/sh
# Golden files: every output of every example, byte for byte, plus the
# diagnostics of a clean compile (none) and determinism across two builds.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

for spec in examples/*/*.isms; do
	dir=$(dirname "$spec")
	name=$(basename "$dir")
	# Only each example's main file (named after its directory) is built.
	[ "$(basename "$spec" .isms)" = "$name" ] || continue
	status=0
	"$ISMC" build --diagnostics=plain "$spec" -o "$tmp/$name" \
	    2>"$tmp/$name.err" || status=$?
	if [ "$status" -ne 0 ]; then
		fail "$spec: exit status $status"
		cat "$tmp/$name.err"
		continue
	fi
	check_eq "$spec: diagnostics" "tests/golden/$name/diagnostics.txt" \
	    "$tmp/$name.err"
	for out in "$tmp/$name"/*; do
		# PNG and PDF bytes follow the font rasteriser and the PDF
		# library; tests/pdf.sh and the chart unit tests check them.
		case $out in *.png|*.pdf) continue ;; esac
		check_eq "$spec: $(basename "$out")" \
		    "tests/golden/$name/$(basename "$out")" "$out"
	done
	for want in tests/golden/"$name"/*; do
		case $want in */diagnostics.txt|*.png|*.pdf) continue ;; esac
		[ -e "$tmp/$name/$(basename "$want")" ] ||
		    fail "$spec: $(basename "$want") was not written"
	done
	# A second build elsewhere, from another directory, is byte-identical.
	(cd "$tmp" && TZ=Pacific/Chatham "$ISMC" build \
	    "$ISMC_SRCDIR/$spec" -o "$tmp/$name-again" 2>/dev/null)
	if diff -r "$tmp/$name" "$tmp/$name-again" >/dev/null; then
		pass
	else
		fail "$spec: a second build differs"
	fi
done
finish
