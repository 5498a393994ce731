#!/bin/sh
# Every input a fuzzer crashed on (tests/fuzz/regress) is replayed through
# the CLI, which must end with status 0, 1 or 2, never by a signal:
#
#	front-NNN.isms		ismc check, then ismc fmt from standard input,
#				whose output fmt must leave as it is
#	spec-NNN.isms		ismc check
#	build-NNN.isms		ismc check, then ismc build to a scratch
#				directory
#	catalog-NNN.yaml	ismc check --catalog
#	mapping-NNN.yaml	ismc check on a spec naming it with `mappings`
#	import-NNN.json/.yaml	ismc check --catalog, then on a spec naming
#				it with `mappings` (CISO Assistant, OSCAL)
#	texts-NNN.yaml		ismc check --texts on a spec using every
#				shipped framework
#
# Then the dictionaries: every attribute and item name semantic analysis
# knows (the `.name = "..."` rows of src/sema*.c) must be a token of
# tests/fuzz/ismc.dict, and every key the YAML readers check for a token
# of tests/fuzz/catalog.dict (as `key:`), so the fuzzers spell each keyword at once.
#
# In a sanitizer build a report aborts (status 134) instead of exiting 1,
# so it cannot pass for an error in the input.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

ASAN_OPTIONS=${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}abort_on_error=1
UBSAN_OPTIONS=${UBSAN_OPTIONS:-}${UBSAN_OPTIONS:+:}abort_on_error=1:halt_on_error=1
export ASAN_OPTIONS UBSAN_OPTIONS

# replay NAME CMD...: runs CMD, which may fail but must not crash.
replay() {
	name=$1
	shift
	status=0
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null || status=$?
	case $status in
	0|1|2)
		pass ;;
	*)
		fail "$name: exit status $status (crashed)"
		tail -n 30 "$tmp/err" ;;
	esac
}

for f in tests/fuzz/regress/*; do
	[ -f "$f" ] || continue
	case $(basename "$f") in
	front-*.isms)
		replay "$f" "$ISMC" check --diagnostics=plain --color=never "$f"
		replay "$f (fmt)" sh -c 'exec "$0" fmt - <"$1"' "$ISMC" "$f"
		# What fmt wrote parses and is its own layout, as fuzz-front
		# requires.
		if [ "$status" -eq 0 ]; then
			cp "$tmp/out" "$tmp/once.isms"
			replay "$f (fmt twice)" sh -c \
			    'exec "$0" fmt - <"$1"' "$ISMC" "$tmp/once.isms"
			if [ "$status" -eq 0 ] && cmp -s "$tmp/once.isms" \
			    "$tmp/out"; then
				pass "$f: fmt's layout is a fixed point"
			else
				fail "$f: fmt's layout is no fixed point"
				diff "$tmp/once.isms" "$tmp/out" | head -n 10
			fi
		fi
		;;
	spec-*.isms)
		replay "$f" "$ISMC" check --diagnostics=plain --color=never "$f"
		;;
	build-*.isms)
		replay "$f" "$ISMC" check --diagnostics=plain --color=never "$f"
		rm -rf "$tmp/build"
		replay "$f (build)" "$ISMC" build --diagnostics=plain \
		    --color=never "$f" -o "$tmp/build"
		;;
	catalog-*.yaml)
		replay "$f" "$ISMC" check --diagnostics=plain --color=never \
		    --catalog "$f"
		;;
	mapping-*.yaml)
		# Both frameworks of every shipped set, so that the file is
		# loaded whichever two catalogs it claims to relate.
		cat >"$tmp/mapping.isms" <<-EOF
		framework iso27001
		framework dora
		framework nis2
		framework soc2
		mappings "$ISMC_SRCDIR/$f"
		EOF
		replay "$f" "$ISMC" check --diagnostics=plain --color=never \
		    "$tmp/mapping.isms"
		;;
	import-*.json|import-*.yaml)
		replay "$f" "$ISMC" check --diagnostics=plain --color=never \
		    --catalog "$f"
		printf 'framework iso27001\nmappings "%s"\n' \
		    "$ISMC_SRCDIR/$f" >"$tmp/import.isms"
		replay "$f (mappings)" "$ISMC" check --diagnostics=plain \
		    --color=never "$tmp/import.isms"
		;;
	texts-*.yaml)
		printf 'framework iso27001\nframework dora\nframework soc2\n' \
		    >"$tmp/texts.isms"
		replay "$f" "$ISMC" check --diagnostics=plain --color=never \
		    --texts "$f" "$tmp/texts.isms"
		;;
	README*)
		;;
	*)
		fail "$f: not a front-, spec-, build-, catalog-, mapping-," \
		    "import- or texts- input"
		;;
	esac
done

# dict_has DICT SUFFIX WORD...: every WORD followed by SUFFIX is a token
# of DICT.
dict_has() {
	dict=$1
	suffix=$2
	shift 2
	missing=
	for w in "$@"; do
		grep -qxF "\"$w$suffix\"" "$ISMC_SRCDIR/tests/fuzz/$dict" ||
		    missing="$missing $w"
	done
	if [ -z "$missing" ]; then
		pass "$dict has every keyword"
	else
		fail "$dict lacks:$missing"
	fi
}
dict_has ismc.dict '' $(sed -n 's/.*\.name = "\([a-z0-9-]*\)".*/\1/p' \
    "$ISMC_SRCDIR"/src/sema*.c | sort -u)
dict_has catalog.dict : $(sed -n '/_keys\[\] = {/,/NULL/p; /keys\[\] = {/,/NULL/p' \
    "$ISMC_SRCDIR/src/catalog.c" "$ISMC_SRCDIR/src/mapping.c" \
    "$ISMC_SRCDIR/src/texts.c" | grep -o '"[a-z-]*"' | tr -d '"' | sort -u)
finish
