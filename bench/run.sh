#!/bin/sh
# run.sh - the `ismc check` throughput benchmark.
#
# usage: bench/run.sh [ISMC]
#
# Generates specs of a few sizes with bench/gen-spec.sh into bench/out/
# (under the current directory, or $BENCH_OUT), then for each prints the
# file size, the time to `cat` it to /dev/null (the I/O baseline, measured
# in the same run), the time of `ismc check`, the throughput in MB/s, the
# ratio ismc/cat, the peak RSS of ismc and the ratio peak RSS / input size.
# Times are the best of $BENCH_RUNS runs (default 3). There are no pass or
# fail thresholds: the script prints figures only (see bench/README.md for
# the design targets).
#
# Environment:
#   BENCH_SIZES  space-separated RISKS:MEASURES pairs
#                (default "5000:2000 20000:8000 50000:20000 120000:40000")
#   BENCH_RUNS   runs per measurement, the best is kept (default 3)
#   BENCH_OUT    where the generated specs go (default bench/out)
#
# Needs python3 for the timing and the peak RSS (os.wait4 gives each
# child's own rusage, so cat's figures never leak into ismc's).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
ismc=${1:-ismc}
case $ismc in
*/*) ismc=$(cd "$(dirname "$ismc")" && pwd)/$(basename "$ismc") ;;
esac
sizes=${BENCH_SIZES:-"5000:2000 20000:8000 50000:20000 120000:40000"}
runs=${BENCH_RUNS:-3}
out=${BENCH_OUT:-bench/out}

if ! command -v python3 >/dev/null 2>&1; then
	echo "$0: python3 is needed to measure time and peak memory" >&2
	exit 2
fi
if ! "$ismc" --version >/dev/null 2>&1; then
	echo "$0: cannot run '$ismc'" >&2
	exit 2
fi
# Catalogs from the source tree, so an uninstalled ismc works anywhere.
ISMC_PATH=$here/../frameworks
export ISMC_PATH
LC_ALL=C
export LC_ALL

mkdir -p "$out"
files=
for s in $sizes; do
	r=${s%%:*}
	m=${s#*:}
	f=$out/spec-r$r-m$m.isms
	# Generation is deterministic: keep a file from an earlier run.
	if [ ! -s "$f" ]; then
		echo "generating $f" >&2
		sh "$here/gen-spec.sh" --risks "$r" --measures "$m" >"$f.tmp"
		mv "$f.tmp" "$f"
	fi
	files="$files $f"
done

# shellcheck disable=SC2086
exec python3 - "$ismc" "$runs" $files <<'EOF'
import os, subprocess, sys, time

ismc, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
MB = 1e6

def measure(argv):
    """Best wall time over `runs` runs, and the child's own peak RSS."""
    best, rss, status = None, 0, 0
    with open(os.devnull, "wb") as null:
        for _ in range(runs):
            t0 = time.perf_counter()
            p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=null,
                                 stderr=subprocess.PIPE)
            err = p.stderr.read()
            _, st, ru = os.wait4(p.pid, 0)
            t = time.perf_counter() - t0
            p.returncode = os.waitstatus_to_exitcode(st)
            status = p.returncode
            best = t if best is None or t < best else best
            # ru_maxrss is in KiB on Linux and the BSDs, bytes on macOS.
            r = ru.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
            rss = max(rss, r)
            if status != 0 or err:
                sys.stderr.write("note: %s exited %d:\n%s" % (
                    " ".join(argv), status, err.decode(errors="replace")[:2000]))
                break
    return best, rss, status

print("ismc check throughput (best of %d runs)" % runs)
print("%-28s %9s %9s %9s %9s %9s %10s %9s" % (
    "input", "size MB", "cat s", "ismc s", "MB/s", "ismc/cat",
    "peak MB", "mem/size"))
for f in files:
    size = os.path.getsize(f)
    tcat, _, _ = measure(["cat", f])
    tism, rss, st = measure([ismc, "check", f])
    print("%-28s %9.1f %9.3f %9.3f %9.1f %9.1f %10.1f %9.1f%s" % (
        os.path.basename(f), size / MB, tcat, tism, size / MB / tism,
        tism / tcat, rss / MB, rss / size,
        "" if st == 0 else "  (exit %d)" % st))
EOF
