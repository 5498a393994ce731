#!/bin/sh
# render.sh - how long the example's full report takes to render.
#
# usage: bench/render.sh [ISMC] [RUNS]
#
# Builds examples/safetrust (or $BENCH_SPEC) RUNS times (default 10) into
# a temporary directory and prints the wall time per run of `ismc check`
# (front end and analysis only), of `ismc build` (every table, chart and
# the auditor's PDF) and, when the binary has --format, of a build of the
# PDF alone; the differences are the cost of the outputs. Also prints the
# size and page count of report.pdf. Figures only: no thresholds, and
# nothing here runs in `make check`.
#
# Needs python3 for the timing, as bench/run.sh does.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench_ismc "${1:-}"
runs=${2:-10}
spec=${BENCH_SPEC:-$here/../examples/safetrust/safetrust.isms}

bench_need_python "time"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ismc-render.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

exec python3 - "$ismc" "$runs" "$spec" "$tmp" <<'EOF'
import os, subprocess, sys, time

ismc, runs, spec, tmp = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def timed(argv):
    """Mean and best wall time over `runs` runs; None if it fails."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(argv, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t0)
        if p.returncode != 0:
            return None, p.stderr.decode(errors="replace")[:500]
    return (sum(times) / len(times), min(times)), ""

out = os.path.join(tmp, "out")
rows = [
    ("check", [ismc, "check", spec]),
    ("build (all outputs)", [ismc, "build", spec, "-o", out]),
    ("build --format pdf", [ismc, "build", "--format", "pdf", spec, "-o",
                            os.path.join(tmp, "pdf")]),
]
print("%s: %d runs each" % (os.path.basename(spec), runs))
print("%-22s %10s %10s" % ("command", "mean ms", "best ms"))
res = {}
for name, argv in rows:
    t, err = timed(argv)
    res[name] = t
    if t is None:
        print("%-22s %10s %10s  (%s)" % (name, "-", "-",
              err.strip().splitlines()[0] if err.strip() else "failed"))
    else:
        print("%-22s %10.1f %10.1f" % (name, t[0] * 1e3, t[1] * 1e3))
if res["check"] and res["build (all outputs)"]:
    print("%-22s %10.1f" % ("outputs (build-check)",
          (res["build (all outputs)"][0] - res["check"][0]) * 1e3))
if res["check"] and res["build --format pdf"]:
    print("%-22s %10.1f" % ("PDF (pdf build-check)",
          (res["build --format pdf"][0] - res["check"][0]) * 1e3))
pdf = os.path.join(out, "report.pdf")
if os.path.exists(pdf):
    pages = "?"
    try:
        info = subprocess.run(["pdfinfo", pdf], capture_output=True,
                              text=True).stdout
        pages = next((l.split()[1] for l in info.splitlines()
                      if l.startswith("Pages:")), "?")
    except OSError:
        pass
    print("report.pdf: %d bytes, %s pages" % (os.path.getsize(pdf), pages))
EOF
