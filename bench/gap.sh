#!/bin/sh
# gap.sh [ISMC [BASELINE]]: the crosswalk and gap-analysis benchmark. For
# 100 frameworks of 1,000 requirements and a growing number of mapping
# rows, prints the time and peak memory of `ismc check` (which loads every
# mapping set and analyses coverage of every framework), the time per row,
# whose flatness shows the analysis stays linear in the rows, and the
# memory per row: the peak over the rows, and the marginal bytes of a row
# (the peak's growth from the first size, over the rows added), which
# leaves out what does not grow with the rows (the 100 catalogs).
#
# With a second ismc (BASELINE, say an older build), each size is run
# with both, one after the other, and the ratios new/baseline of the time
# and of the marginal bytes are printed: both measured in the same run.
# Figures only: no thresholds.
#
# Environment: BENCH_ROWS (default "250000 500000 1000000"), BENCH_RUNS
# (default 2; the best time is kept), BENCH_OUT (default bench/out).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench_ismc "${1:-./ismc}"
new=$ismc
base=
if [ -n "${2:-}" ]; then
	bench_ismc "$2"
	base=$ismc
fi
out=${BENCH_OUT:-bench/out}/gap
rows_list=${BENCH_ROWS:-"250000 500000 1000000"}
bench_need_python "time and memory"
mkdir -p "$out"
dirs=
for rows in $rows_list; do
	dir=$out/r$rows
	[ -f "$dir/spec.isms" ] || sh "$here/gen-crosswalk.sh" "$dir" 100 1000 "$rows"
	dirs="$dirs $rows:$dir"
done

# shellcheck disable=SC2086
exec python3 - "$new" "$base" $dirs <<'PY'
import os, sys

new, base, dirs = sys.argv[1], sys.argv[2], sys.argv[3:]
runs = int(os.environ.get("BENCH_RUNS", "2"))
bins = [("ismc", new)] + ([("baseline", base)] if base else [])

def measure(ismc, d):
    """Best CPU time and the peak RSS (MB) of `ismc check` on world d."""
    env = dict(os.environ, ISMC_PATH=d)
    best = None
    for _ in range(runs):
        pid = os.fork()
        if pid == 0:
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, 1); os.dup2(fd, 2)
            os.execve(ismc, [ismc, "check", "-w", d + "/spec.isms"], env)
        _, status, ru = os.wait4(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit("gap.sh: %s check failed on %s" % (ismc, d))
        t = ru.ru_utime + ru.ru_stime
        if best is None or t < best[0]:
            best = (t, ru.ru_maxrss / 1024)
    return best

print("CPU seconds (best of %d), peak MB; bytes/row: peak over rows; "
      "marginal: peak growth from the first size over the rows added"
      % runs)
print("%-9s %-8s %8s %8s %9s %9s %9s %9s" % ("rows", "binary", "CPU s",
      "us/row", "vs first", "peak MB", "bytes/row", "marginal"))
first = {}
for arg in dirs:
    rows, d = arg.split(":", 1)
    rows = int(rows)
    res = {}
    for name, ismc in bins:
        t, mb = measure(ismc, d)
        per = t / rows * 1e6
        f = first.setdefault(name, (rows, per, mb))
        marg = ((mb - f[2]) * 1024 * 1024 / (rows - f[0])
                if rows != f[0] else None)
        res[name] = (t, marg)
        print("%-9d %-8s %8.2f %8.3f %8.2fx %9.1f %9.0f %9s" % (rows, name,
              t, per, per / f[1], mb, mb * 1024 * 1024 / rows,
              "%.0f" % marg if marg is not None else "-"))
    if base:
        (tn, mn), (tb, mbase) = res["ismc"], res["baseline"]
        print("%-9d %-8s %8.2fx %36s" % (rows, "ratio", tn / tb,
              "%.2fx" % (mn / mbase) if mn and mbase else "-"))
    sys.stdout.flush()
PY
