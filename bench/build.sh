#!/bin/sh
# build.sh - full builds as the register grows: is the time linear?
#
# usage: bench/build.sh [ISMC]
#
# Generates specs of 1,000, 5,000 and 20,000 risks (bench/gen-spec.sh,
# measures at 40 % of the risks) into bench/out/ (or $BENCH_OUT), then for
# each times, in the same run:
#   - `ismc check` (front end and analyses only);
#   - `ismc build` of each kind of output alone: the tables (csv, md,
#     json), the charts (svg, png), the PDF, the HTML page, the workbook;
#   - `ismc build` of every output;
# and prints, one line per size and stage, CPU seconds (user + system,
# best of $BENCH_RUNS runs, default 1), microseconds per risk, each
# per-risk time over the smallest size's (about 1 at every size means the
# stage is linear in the risks; a ratio growing with the size, 5x from
# 1,000 to 20,000 risks would be quadratic, says where it is not), and
# the output's own cost: the stage's time less the check's, which every
# build repeats. The last line states linearity for the whole build.
# Figures only: no thresholds, nothing here runs in `make check`.
#
# Environment:
#   BENCH_RISKS  space-separated numbers of risks (default "1000 5000 20000")
#   BENCH_RUNS   runs per measurement, the best is kept (default 1)
#   BENCH_OUT    where the generated specs go (default bench/out)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench_ismc "${1:-}"
sizes=${BENCH_RISKS:-"1000 5000 20000"}
runs=${BENCH_RUNS:-1}
out=${BENCH_OUT:-bench/out}

bench_need_python "time"

mkdir -p "$out"
files=
for r in $sizes; do
	m=$((r * 2 / 5))
	f=$out/spec-r$r-m$m.isms
	if [ ! -s "$f" ]; then
		echo "generating $f" >&2
		sh "$here/gen-spec.sh" --risks "$r" --measures "$m" >"$f.tmp"
		mv "$f.tmp" "$f"
	fi
	files="$files $r:$f"
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ismc-build.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# shellcheck disable=SC2086
exec python3 - "$ismc" "$runs" "$tmp" $files <<'PY'
import os, subprocess, sys

ismc, runs, tmp, files = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]

def cpu(argv):
    """Best CPU time (user + system) over `runs` runs; None on failure."""
    best = None
    for _ in range(runs):
        p = subprocess.Popen(argv, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        err = p.stderr.read()
        _, st, ru = os.wait4(p.pid, 0)
        if os.waitstatus_to_exitcode(st) != 0:
            sys.stderr.write("note: %s failed:\n%s" % (" ".join(argv),
                             err.decode(errors="replace")[:1000]))
            return None
        t = ru.ru_utime + ru.ru_stime
        best = t if best is None or t < best else best
    return best

stages = [
    ("check", ["check", "-w"]),
    ("tables", ["build", "-w", "--format=csv,md,json"]),
    ("charts", ["build", "-w", "--format=svg,png"]),
    ("pdf", ["build", "-w", "--format=pdf"]),
    ("html", ["build", "-w", "--format=html"]),
    ("xlsx", ["build", "-w", "--format=xlsx"]),
    ("build", ["build", "-w"]),
]
first = {}
print("CPU seconds, best of %d run(s); us/risk; x1k: per-risk time over "
      "the smallest size's (about 1: linear); own: less the check's time"
      % runs)
print("%-7s %-7s %9s %9s %7s %9s" % ("risks", "stage", "CPU s", "us/risk",
      "x1k", "own s"))
last = None
for arg in files:
    risks, f = arg.split(":", 1)
    risks = int(risks)
    base = None
    for name, argv in stages:
        cmd = [ismc] + argv + [f]
        if argv[0] == "build":
            cmd += ["-o", os.path.join(tmp, name)]
        t = cpu(cmd)
        if t is None:
            print("%-7d %-7s %9s" % (risks, name, "failed"))
            continue
        per = t / risks * 1e6
        first.setdefault(name, per)
        if name == "check":
            base = t
        own = "%9.2f" % (t - base) if base is not None and name != "check" \
            else "%9s" % "-"
        print("%-7d %-7s %9.2f %9.0f %6.2fx %s" % (risks, name, t, per,
              per / first[name], own))
        if name == "build":
            last = (risks, t, per / first[name])
    sys.stdout.flush()
if last:
    r, t, x = last
    print("build of every output at %d risks: %.1f s CPU; per risk %.2fx "
          "the smallest size's: %s" % (r, t, x,
          "linear" if x < 1.5 else "NOT linear"))
PY
