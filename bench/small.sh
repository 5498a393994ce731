#!/bin/sh
# small.sh - `ismc check` on a small spec (the editor and pre-commit case)
# against loading the catalogs and mapping sets it uses, once.
#
# usage: bench/small.sh [ISMC] [SPEC]
#
# SPEC defaults to examples/safetrust/safetrust.isms. The files the check
# uses are read from the build's inputs report (inputs.json); then, in the
# same run, the script times (CPU seconds, best of $BENCH_RUNS, default 10):
#   - `ismc check SPEC`, the whole process;
#   - the baseline: those catalogs and mapping sets parsed once by
#     libyaml's C loader through PyYAML (CSafeLoader, Debian python3-yaml),
#     inside one Python process, the interpreter's start not counted; and
#     the same reading only libyaml's events (no objects built);
#   - `cat` of the spec files, catalogs and sets, the floor of reading them;
# and prints the ratio of ismc to the baseline (the goal: at most 2), and,
# with strace(1), how many times the check opens each YAML or JSON file
# (the goal: once). Figures only: no thresholds, not part of `make check`.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench_ismc "${1:-}"
spec=${2:-$here/../examples/safetrust/safetrust.isms}
runs=${BENCH_RUNS:-10}

if ! command -v python3 >/dev/null 2>&1 ||
    ! python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
	echo "$0: needs python3 with PyYAML's C loader (python3-yaml)" >&2
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ismc-small.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

"$ismc" build -w --format=json "$spec" -o "$tmp/out" >/dev/null 2>&1 || {
	echo "$0: 'ismc build' of $spec failed" >&2
	exit 2
}
if command -v strace >/dev/null 2>&1; then
	strace -f -qq -e trace=openat -o "$tmp/trace" \
	    "$ismc" check -w "$spec" >/dev/null 2>&1 || :
fi

exec python3 - "$ismc" "$spec" "$runs" "$tmp" <<'PY'
import json, os, re, subprocess, sys, time, yaml

ismc, spec, runs, tmp = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
inputs = json.load(open(os.path.join(tmp, "out", "inputs.json")))["rows"]
base = os.path.dirname(os.path.abspath(spec))
data = [r["path"] for r in inputs if r["kind"] in ("catalog", "mapping set")]
specs = [os.path.join(base, r["path"]) for r in inputs if r["kind"] == "spec"]

def child_cpu(argv):
    best = None
    for _ in range(runs):
        p = subprocess.Popen(argv, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        _, st, ru = os.wait4(p.pid, 0)
        t = ru.ru_utime + ru.ru_stime
        best = t if best is None or t < best else best
    return best

def load_once(events):
    """Every data file parsed once: to Python objects, or (events) only
    libyaml's event stream, the least a YAML reader must do."""
    best = None
    for _ in range(runs):
        t0 = time.process_time()
        for f in data:
            with open(f, "rb") as fh:
                if f.endswith(".json"):
                    json.load(fh)
                elif events:
                    for _ in yaml.parse(fh, Loader=yaml.CSafeLoader):
                        pass
                else:
                    yaml.load(fh, Loader=yaml.CSafeLoader)
        t = time.process_time() - t0
        best = t if best is None or t < best else best
    return best

tism = child_cpu([ismc, "check", "-w", spec])
tload = load_once(False)
tevents = load_once(True)
tcat = child_cpu(["cat"] + specs + data)
print("%s: %d spec files, %d catalogs and mapping sets (%.0f KB); "
      "CPU s, best of %d" % (os.path.basename(spec), len(specs), len(data),
      sum(os.path.getsize(f) for f in data) / 1e3, runs))
print("%-44s %8.4f" % ("ismc check", tism))
print("%-44s %8.4f" % ("baseline: the same data files parsed once", tload))
print("%-44s %8.4f" % ("  the same, libyaml's events only", tevents))
print("%-44s %8.4f" % ("cat of every file", tcat))
print("%-44s %8.2f  (goal: at most 2)" % ("ismc / baseline", tism / tload))
print("%-44s %8.2f" % ("ismc / events only", tism / tevents))
trace = os.path.join(tmp, "trace")
if os.path.exists(trace):
    opens = {}
    for line in open(trace):
        m = re.search(r'openat\([^"]*"([^"]+\.(?:ya?ml|json))"', line)
        if m and "= -1" not in line:
            p = os.path.normpath(m.group(1))
            opens[p] = opens.get(p, 0) + 1
    more = {p: n for p, n in opens.items() if n > 1}
    print("data files opened: %d, of them more than once: %d%s" % (
          len(opens), len(more), "".join("\n  %dx %s" % (n, p)
          for p, n in sorted(more.items()))))
PY
