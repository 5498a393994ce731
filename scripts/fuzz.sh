#!/bin/sh
# fuzz.sh [SECONDS [HARNESS...]]: builds the libFuzzer harnesses in
# _build-fuzz (clang, --enable-fuzzing) and runs each for SECONDS
# (default 60), one after the other, on the seed corpus and dictionary.
#
#   scripts/fuzz.sh              the bounded CI run: a minute a harness
#   scripts/fuzz.sh 3600         the release run (doc/fuzzing.md)
#   scripts/fuzz.sh 300 spec     one harness: front, spec, catalog, build,
#                                import or texts
#
# Exits 1 when any harness found a crash, a leak, a timeout or ran out of
# memory; the input is left in _build-fuzz/crashes/HARNESS/ (minimise it,
# fix the bug, keep it in tests/fuzz/regress/). The corpora grow in
# _build-fuzz/corpus/HARNESS/ from run to run; the seeds are merged into
# them at each start. Idempotent and
# non-interactive; set FUZZ_BUILD to build elsewhere.
set -eu
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
harnesses=${*:-front spec catalog build import texts}
build=${FUZZ_BUILD:-$here/_build-fuzz}
jobs=$(nproc 2>/dev/null || echo 2)

case $seconds in
''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS [HARNESS...]]" >&2
	exit 2 ;;
esac
for h in $harnesses; do
	case $h in
	front|spec|catalog|build|import|texts) ;;
	*) echo "fuzz.sh: no harness '$h' (front, spec, catalog, build," \
		    "import, texts)" >&2
		exit 2 ;;
	esac
done
command -v clang >/dev/null 2>&1 || {
	echo "fuzz.sh: clang not found (Debian: apt-get install clang" \
	    "libclang-rt-14-dev)" >&2
	exit 2
}

# Configure once; make's rebuild rules follow later edits to configure.ac
# and Makefile.am.
cd "$here"
[ -x configure ] && [ configure -nt configure.ac ] || ./autogen.sh
mkdir -p "$build"
cd "$build"
[ -f Makefile ] && [ config.status -nt "$here/configure" ] ||
    "$here/configure" CC=clang --enable-fuzzing >configure.log 2>&1 || {
	tail -n 20 configure.log
	echo "fuzz.sh: configure failed (log: $build/configure.log)" >&2
	exit 2
}
make -j"$jobs" >make.log 2>&1 || {
	tail -n 50 make.log
	echo "fuzz.sh: the build failed (log: $build/make.log)" >&2
	exit 2
}

# The seeds go to seeds/, and only those that bring the harness something
# new to corpus/ (-merge=1, below): the corpus stays small, and small
# corpora are fuzzed faster.
sh "$here/tests/fuzz/seeds.sh" "$build/seeds"

# The fontconfig caches pango keeps are not leaks of ours (lsan.supp).
ASAN_OPTIONS=${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}detect_leaks=1
LSAN_OPTIONS=${LSAN_OPTIONS:-}${LSAN_OPTIONS:+:}suppressions=$here/tests/fuzz/lsan.supp
UBSAN_OPTIONS=${UBSAN_OPTIONS:-}${UBSAN_OPTIONS:+:}print_stacktrace=1
export ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS

failed=
for h in $harnesses; do
	# Small inputs reach every branch as well as large ones and run
	# many times faster (tests/fuzz/seeds.sh trims the seeds to these).
	case $h in
	front|spec|build) dict=ismc.dict max_len=4096 ;;
	catalog|texts)	dict=catalog.dict max_len=8192 ;;
	import)		dict=import.dict max_len=8192 ;;
	esac
	mkdir -p "$build/crashes/$h" "$build/logs" "$build/run" \
	    "$build/corpus/$h"
	log=$build/logs/$h.log
	echo "fuzz.sh: $h for ${seconds}s (log: $log)"
	status=0
	# Relative paths in a spec (`mappings "x.yaml"`) resolve against the
	# working directory: give them an empty one.
	(cd "$build/run" &&
	    "$build/tests/fuzz/fuzz-$h" -merge=1 -max_len=$max_len \
	    -timeout=10 -rss_limit_mb=2048 "$build/corpus/$h" \
	    "$build/seeds/$h" >"$log.merge" 2>&1 &&
	    "$build/tests/fuzz/fuzz-$h" \
	    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
	    -max_len=$max_len -dict="$here/tests/fuzz/$dict" \
	    -artifact_prefix="$build/crashes/$h/" -print_final_stats=1 \
	    "$build/corpus/$h") >"$log" 2>&1 || status=$?
	# Coverage after the seeds (INITED) and at the end (DONE), the
	# executions and their rate.
	grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' \
	    "$log" | sed "s/^/  $h: /" || true
	if [ "$status" -ne 0 ]; then
		grep -E 'ERROR|runtime error|SUMMARY|Test unit written' "$log" |
		    sed "s/^/  $h: /" | head -n 20
		failed="$failed $h"
	fi
done

if [ -n "$failed" ]; then
	echo "fuzz.sh: FAILED:$failed; inputs in $build/crashes/" >&2
	exit 1
fi
echo "fuzz.sh: no crashes, leaks or timeouts in $harnesses (${seconds}s each)"
