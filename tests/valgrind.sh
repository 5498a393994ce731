#!/bin/sh
# Memory errors and leaks under valgrind: every example (check, build,
# explain, diff), every case of the bad-input corpus (tests/bad/*.isms,
# tests/bad/catalogs/*.yaml), a few generated hostile inputs and the
# failed-build paths. An invalid read or write, a use of an uninitialised
# value, a bad free or a definitely or indirectly lost block fails the run.
# Leaks inside fontconfig are suppressed (tests/valgrind.supp).
#
# Run by `make check-valgrind`, not by `make check`: it takes minutes.
# For exact reports on arena memory, configure with --enable-arena-debug.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

VALGRIND=${VALGRIND:-valgrind}
if ! command -v "$VALGRIND" >/dev/null 2>&1; then
	echo "valgrind: not found; install it and run configure again" >&2
	exit 1
fi
vg_flags="--error-exitcode=99 --leak-check=full
	--show-leak-kinds=definite,indirect
	--errors-for-leak-kinds=definite,indirect
	--num-callers=30 --suppressions=$ISMC_SRCDIR/tests/valgrind.supp"

runs=0
vg_errors=0
suppressed=0
lost=0
start=$(date +%s)

# vg NAME WANT ARGS...: `ismc ARGS...` under valgrind exits with WANT (or
# 0 or 1 for WANT "0|1") and valgrind reports nothing.
vg() {
	name=$1
	want=$2
	shift 2
	runs=$((runs + 1))
	status=0
	# shellcheck disable=SC2086
	"$VALGRIND" $vg_flags --log-file="$tmp/vg.log" "$ISMC" "$@" \
	    >/dev/null 2>"$tmp/err" </dev/null || status=$?
	n=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$tmp/vg.log" |
	    tail -n 1)
	s=$(sed -n 's/.*(suppressed: \([0-9]*\) from.*/\1/p' "$tmp/vg.log" |
	    tail -n 1)
	l=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' \
	    "$tmp/vg.log" | tr -d , | tail -n 1)
	vg_errors=$((vg_errors + ${n:-0}))
	suppressed=$((suppressed + ${s:-0}))
	lost=$((lost + ${l:-0}))
	if [ "$status" -eq 99 ] || [ "${n:-0}" -ne 0 ]; then
		fail "$name: valgrind reports ${n:-?} errors"
		sed -n '/ERROR SUMMARY/q;p' "$tmp/vg.log" | head -n 80
	elif [ "$status" -ne "${want%|1}" ] &&
	    { [ "$want" != "0|1" ] || [ "$status" -ne 1 ]; }; then
		fail "$name: exit status $status, expected $want"
		head -n 5 "$tmp/err"
	else
		pass
	fi
}

for spec in examples/*/*.isms; do
	dir=$(dirname "$spec")
	name=$(basename "$dir")
	[ "$(basename "$spec" .isms)" = "$name" ] || continue
	vg "$spec: check" 0 check "$spec"
	vg "$spec: build" 0 build "$spec" -o "$tmp/$name"
	vg "$spec: rebuild" 0 build "$spec" -o "$tmp/$name"
	vg "$spec: dump" 0 check --dump-tokens --dump-ast --dump-ir "$spec"
done
example=examples/safetrust/safetrust.isms
vg "explain" 0 explain dora:12.1.a "$example"
vg "explain unknown" 1 explain dora:99.9 "$example"
vg "diff" 0 diff "$example" "$example"
vg "require" 3 check --require 'dora>=90%' "$example"

for f in tests/bad/*.isms; do
	case $f in *.inc.isms) continue ;; esac
	want=1
	[ -f "${f%.isms}.status" ] && want=$(cat "${f%.isms}.status")
	vg "$f" "$want" check "$f"
done
for f in tests/bad/catalogs/*.yaml; do
	vg "$f" 1 check --catalog "$f"
done
for f in frameworks/*.yaml; do
	vg "$f" 0 check --catalog "$f"
done

# Generated hostile inputs (tests/hostile.sh has the full set).
: >"$tmp/empty.isms"
vg "empty spec" 1 check "$tmp/empty.isms"
printf 'framework iso27001 # \000\377\nrole r "\000\300\257"\n' \
    >"$tmp/bytes.isms"
vg "NUL and invalid UTF-8" 1 check "$tmp/bytes.isms"
awk 'BEGIN { printf "risk R-1 \"x\" "; for (i = 0; i < 5000; i++)
    printf "a {["; print "" }' >"$tmp/deep.isms"
vg "5000-deep nesting" 1 check "$tmp/deep.isms"
awk 'BEGIN { printf "role "; for (i = 0; i < 200000; i++) printf "abcdefghij"
    print " \"x\"" }' >"$tmp/long.isms"
vg "2 MB identifier" 1 check "$tmp/long.isms"
awk 'BEGIN { for (i = 0; i < 20000; i++) print "@" }' >"$tmp/errors.isms"
vg "20,000 errors, no cap" 1 check --max-errors=0 "$tmp/errors.isms"
for n in 100 1000 2000 3000; do
	head -c "$n" examples/safetrust/risks.isms >"$tmp/cut.isms"
	vg "risks.isms cut at $n" 1 check "$tmp/cut.isms"
	head -c "$n" frameworks/nis2.yaml >"$tmp/cut.yaml"
	vg "nis2.yaml cut at $n" "0|1" check --catalog "$tmp/cut.yaml"
done

# Failed builds: the outdir's abort paths.
vg "output under a file" 2 build "$example" -o "$tmp/empty.isms/out"
mkdir -p "$tmp/in-the-way/risks.csv"
vg "directory in the way" 2 build "$example" -o "$tmp/in-the-way"
vg "broken spec build" 1 build "$tmp/bytes.isms" -o "$tmp/broken"

echo "valgrind: $runs runs in $(($(date +%s) - start)) s: $vg_errors errors," \
    "$lost bytes definitely lost, $suppressed suppressed (fontconfig)"
finish
