#!/bin/sh
# gap.sh [ISMC]: the crosswalk and gap-analysis benchmark. For 100
# frameworks of 1,000 requirements and a growing number of mapping rows,
# prints the time and peak memory of `ismc check` (which loads every
# mapping set and analyses coverage of every framework) and the time per
# row, whose flatness shows the analysis stays linear in the rows.
# Figures only: no thresholds.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
ismc=$(cd "$(dirname "${1:-./ismc}")" && pwd)/$(basename "${1:-./ismc}")
out=${BENCH_OUT:-bench/out}/gap
rows_list=${BENCH_ROWS:-"250000 500000 1000000"}
command -v python3 >/dev/null || { echo "gap.sh: needs python3" >&2; exit 77; }
printf '%-10s %10s %10s %12s %10s\n' rows seconds "us/row" "peak MB" "vs first"
mkdir -p "$out"
rm -f "$out/first"
for rows in $rows_list; do
	dir=$out/r$rows
	[ -f "$dir/spec.isms" ] || sh "$here/gen-crosswalk.sh" "$dir" 100 1000 "$rows"
	python3 - "$ismc" "$dir" "$rows" "$out/first" <<'PY'
import os, sys, time
ismc, d, rows, firstf = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
first = float(open(firstf).read()) if os.path.exists(firstf) else 0
env = dict(os.environ, ISMC_PATH=d)
best = None
for _ in range(int(os.environ.get("BENCH_RUNS", "2"))):
    t = time.monotonic()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1); os.dup2(fd, 2)
        os.execve(ismc, [ismc, "check", "-w", d + "/spec.isms"], env)
    _, status, ru = os.wait4(pid, 0)
    el = time.monotonic() - t
    if best is None or el < best[0]:
        best = (el, ru.ru_maxrss / 1024)
per = best[0] / rows * 1e6
print("%-10d %10.2f %10.3f %12.1f %10s" % (rows, best[0], per, best[1],
      "%.2fx" % (per / first) if first else "1.00x"))
if not first:
    open(firstf, "w").write(str(per))
PY
done
