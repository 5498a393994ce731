#!/bin/sh
# import.sh [ISMC]: the import benchmark. Loads the NIST SP 800-53 rev5
# catalog (OSCAL, YAML: 2.5 MB, 1,189 controls) with `ismc check
# --catalog` and, in the same run, with a libyaml-based Python loader of
# the same file (PyYAML's CSafeLoader, Debian python3-yaml), and prints
# the best time of each and their ratio; then the same for the JSON copy
# against Python's json module. Both sides are whole processes, started
# the same way, so the ratio includes each one's start-up.
# Figures only: no thresholds.
#
# The catalog is third-party reference data that is never committed: it
# is looked for in $ISMC_REFERENCE, else ../shared/reference beside the
# source tree. Without it, or without python3-yaml, the script says so
# and exits 77 (skipped).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
ismc=$(cd "$(dirname "${1:-./ismc}")" && pwd)/$(basename "${1:-./ismc}")
ref=${ISMC_REFERENCE:-$here/../../shared/reference}
dir=$ref/oscal/sp800-53/rev5
yaml=$dir/NIST_SP-800-53_rev5_catalog.yaml
json=$dir/NIST_SP-800-53_rev5_catalog.json
runs=${BENCH_RUNS:-5}

command -v python3 >/dev/null || { echo "import.sh: needs python3" >&2; exit 77; }
[ -f "$yaml" ] || {
	echo "import.sh: no SP 800-53 catalog at $yaml (set ISMC_REFERENCE)" >&2
	exit 77
}
python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null || {
	echo "import.sh: needs PyYAML with libyaml (Debian: python3-yaml)" >&2
	exit 77
}

python3 - "$ismc" "$yaml" "$json" "$runs" <<'PY'
import os, sys, time

ismc, yaml_file, json_file, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

def best(argv):
    """Best wall time and peak RSS (MB) of `runs` runs of argv."""
    out = None
    for _ in range(runs):
        t = time.monotonic()
        pid = os.fork()
        if pid == 0:
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            os.execv(argv[0], argv)
        _, status, ru = os.wait4(pid, 0)
        el = time.monotonic() - t
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            sys.exit("import.sh: %s failed (status %d)" % (" ".join(argv), status))
        if out is None or el < out[0]:
            out = (el, ru.ru_maxrss / 1024)
    return out

py = sys.executable
load_yaml = ("import yaml, sys; d = yaml.load(open(sys.argv[1], 'rb'), "
             "Loader=yaml.CSafeLoader); assert 'catalog' in d")
load_json = ("import json, sys; d = json.load(open(sys.argv[1], 'rb')); "
             "assert 'catalog' in d")
rows = [
    ("YAML", [ismc, "check", "--catalog", yaml_file],
     "PyYAML CSafeLoader", [py, "-c", load_yaml, yaml_file]),
    ("JSON", [ismc, "check", "--catalog", json_file],
     "Python json", [py, "-c", load_json, json_file]),
]
print("SP 800-53 rev5 catalog, best of %d runs each" % runs)
print("%-5s %-22s %9s %9s   %-20s %9s %9s %8s" % ("file", "ismc", "seconds",
      "peak MB", "baseline", "seconds", "peak MB", "ratio"))
for name, mine, base_name, base in rows:
    if not os.path.exists(mine[-1]):
        continue
    a = best(mine)
    b = best(base)
    print("%-5s %-22s %9.3f %9.1f   %-20s %9.3f %9.1f %7.2fx" % (
        name, "check --catalog", a[0], a[1], base_name, b[0], b[1],
        a[0] / b[0]))
print("ratio = ismc time / baseline time (below 1: ismc is faster)")
PY
