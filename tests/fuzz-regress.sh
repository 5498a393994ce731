#!/bin/sh
# Every input a fuzzer crashed on (tests/fuzz/regress) is replayed through
# the CLI, which must end with status 0, 1 or 2, never by a signal:
#
#	front-NNN.isms		ismc check, then ismc fmt from standard input
#	spec-NNN.isms		ismc check
#	build-NNN.isms		ismc check, then ismc build to a scratch
#				directory
#	catalog-NNN.yaml	ismc check --catalog
#	mapping-NNN.yaml	ismc check on a spec naming it with `mappings`
#	import-NNN.json/.yaml	ismc check --catalog, then on a spec naming
#				it with `mappings` (CISO Assistant, OSCAL)
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
	README*)
		;;
	*)
		fail "$f: not a front-, spec-, build-, catalog-, mapping- or" \
		    "import- input"
		;;
	esac
done
finish
