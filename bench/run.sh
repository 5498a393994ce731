#!/bin/sh
# run.sh - the `ismc check` throughput and memory benchmark.
#
# usage: bench/run.sh [ISMC]
#
# Generates specs of a few sizes with bench/gen-spec.sh into bench/out/
# (under the current directory, or $BENCH_OUT), then for each measures, in
# the same run and on the same file:
#   - `wc -w FILE`, the baseline the goals are stated against;
#   - a bare flex scanner of the spec's tokens (bench/scan.l, built here
#     with flex and cc; the column is left out without them);
#   - `ismc check FILE`, its peak RSS and the ratios to both baselines.
# Times are CPU seconds (user + system), the best of $BENCH_RUNS runs
# (default 3), so other work on the machine disturbs them less than wall
# time. There are no pass or fail thresholds: the script prints figures
# and the goals beside them (see bench/README.md).
#
# Environment:
#   BENCH_SIZES  space-separated RISKS:MEASURES[:MAPS] sizes; MAPS adds
#                that many `map` rows of the spec's own (gen-spec.sh --maps)
#                (default "5000:2000 20000:8000 50000:20000 100000:30000
#                20000:8000:20000")
#   BENCH_RUNS   runs per measurement, the best is kept (default 3)
#   BENCH_OUT    where the generated specs go (default bench/out)
#
# Needs python3 for the timing and the peak RSS (os.wait4 gives each
# child's own rusage, so a baseline's figures never leak into ismc's).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench_ismc "${1:-}"
sizes=${BENCH_SIZES:-"5000:2000 20000:8000 50000:20000 100000:30000 20000:8000:20000"}
runs=${BENCH_RUNS:-3}
out=${BENCH_OUT:-bench/out}

bench_need_python "time and peak memory"

mkdir -p "$out"
files=
for s in $sizes; do
	r=${s%%:*}
	m=${s#*:}
	k=0
	case $m in
	*:*) k=${m#*:}; m=${m%%:*} ;;
	esac
	f=$out/spec-r$r-m$m.isms
	[ "$k" -eq 0 ] || f=$out/spec-r$r-m$m-k$k.isms
	# Generation is deterministic: keep a file from an earlier run.
	if [ ! -s "$f" ]; then
		echo "generating $f" >&2
		sh "$here/gen-spec.sh" --risks "$r" --measures "$m" \
		    --maps "$k" >"$f.tmp"
		mv "$f.tmp" "$f"
	fi
	files="$files $f"
done

# The bare scanner, rebuilt when scan.l is newer.
scan=$out/scan
if [ ! -x "$scan" ] || [ "$here/scan.l" -nt "$scan" ]; then
	rm -f "$scan"
	if command -v flex >/dev/null 2>&1 &&
	    command -v "${CC:-cc}" >/dev/null 2>&1 &&
	    flex -o "$out/scan.c" "$here/scan.l" 2>/dev/null &&
	    "${CC:-cc}" -O2 -o "$scan" "$out/scan.c"; then
		:
	else
		echo "note: no flex or C compiler: the bare scanner is left out" >&2
		scan=
	fi
fi

# shellcheck disable=SC2086
exec python3 - "$ismc" "$runs" "$scan" $files <<'EOF'
import os, subprocess, sys

ismc, runs, scan, files = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
MB = 1e6

def measure(argv, stdin=None):
    """Best CPU time (user + system) over `runs` runs, and peak RSS."""
    best, rss, status = None, 0, 0
    with open(os.devnull, "wb") as null:
        for _ in range(runs):
            inp = open(stdin, "rb") if stdin else subprocess.DEVNULL
            p = subprocess.Popen(argv, stdin=inp, stdout=null,
                                 stderr=subprocess.PIPE)
            err = p.stderr.read()
            _, st, ru = os.wait4(p.pid, 0)
            if stdin:
                inp.close()
            t = ru.ru_utime + ru.ru_stime
            status = os.waitstatus_to_exitcode(st)
            best = t if best is None or t < best else best
            # ru_maxrss is in KiB on Linux and the BSDs, bytes on macOS.
            r = ru.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
            rss = max(rss, r)
            if status != 0 or err:
                sys.stderr.write("note: %s exited %d:\n%s" % (
                    " ".join(argv), status, err.decode(errors="replace")[:2000]))
                break
    return best, rss, status

print("ismc check: CPU seconds, best of %d runs; goals: ismc/wc <= 2.0, "
      "mem/size < 4.0" % runs)
print("%-26s %7s %6s %6s %6s %6s %7s %9s %7s %8s" % (
    "input", "size MB", "wc -w", "scan", "ismc", "MB/s", "ismc/wc",
    "ismc/scan", "peak MB", "mem/size"))
for f in files:
    size = os.path.getsize(f)
    twc, _, _ = measure(["wc", "-w", f])
    tscan = measure([scan], stdin=f)[0] if scan else None
    tism, rss, st = measure([ismc, "check", f])
    print("%-26s %7.1f %6.3f %6s %6.3f %6.1f %7.2f %9s %7.1f %8.2f%s" % (
        os.path.basename(f), size / MB, twc,
        "%.3f" % tscan if tscan else "-", tism, size / MB / tism,
        tism / twc, "%.2f" % (tism / tscan) if tscan else "-", rss / MB,
        rss / size, "" if st == 0 else "  (exit %d)" % st))
EOF
