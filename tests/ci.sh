#!/bin/sh
# examples/ci: the Makefile builds the reports and rebuilds only when an
# input changes, the gate fails on a missed floor and says so, the SARIF
# step writes SARIF 2.1.0 even for a broken spec; the workflow files are
# YAML.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

command -v make >/dev/null 2>&1 || skip_all "no make"
mk="$ISMC_SRCDIR/examples/ci/Makefile"
cp -r examples/safetrust "$tmp/isms"

# ci TARGET VAR=VALUE...: the example Makefile in $tmp, on the copy.
ci() {
	make -C "$tmp" -f "$mk" ISMC="$ISMC" SPEC=isms/safetrust.isms \
	    "$@" >"$tmp/make.out" 2>&1
}

ci all REQUIRE="--require 'dora>=5%'" && pass "make: reports and gate" ||
    { fail "make: reports and gate"; note "$tmp/make.out"; }
[ -f "$tmp/out/report.pdf" ] && [ -f "$tmp/out/gap-dora.md" ] &&
    pass "reports and PDF written" || fail "reports and PDF written"
grep -q '^  isms/risks.isms \\$' "$tmp/out.d" && pass "dependency file" ||
    fail "dependency file lacks an include"
ci -q out && pass "nothing to rebuild" || fail "make rebuilds with nothing changed"
touch -d "@$(($(date +%s) + 5))" "$tmp/isms/kpis.isms"
ci -q out && fail "an include changed, nothing rebuilt" ||
    pass "an include changed: rebuild"

ci gate REQUIRE="--require 'dora>=99%'" && fail "gate passed a missed floor" ||
    pass "gate fails on a missed floor"
grep -q "points below the required 99%" "$tmp/make.out" &&
    pass "gate says by how much" || { fail "gate message"; note "$tmp/make.out"; }

if "$ISMC" check --help | grep -q -- '--diagnostics-format'; then
	ci sarif && pass "make sarif" || { fail "make sarif"; note "$tmp/make.out"; }
	printf 'risk R-1 "x" { likelihood nope }\n' >>"$tmp/isms/risks.isms"
	rm -f "$tmp/ismc.sarif"
	ci sarif && pass "make sarif on a broken spec" ||
	    { fail "make sarif on a broken spec"; note "$tmp/make.out"; }
	python3 - "$tmp/ismc.sarif" <<'PY' && pass "SARIF 2.1.0 with a result" ||
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "2.1.0", d.get("version")
assert d["runs"][0]["results"], "no results"
PY
	    fail "SARIF output"
else
	echo "# no --diagnostics-format in this ismc: SARIF step not run"
fi

if python3 -c 'import yaml' 2>/dev/null; then
	for f in examples/ci/github-actions.yml examples/ci/gitlab-ci.yml; do
		python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' \
		    "$f" 2>"$tmp/err" && pass "$f is YAML" ||
		    { fail "$f is not YAML"; note "$tmp/err"; }
	done
	python3 - examples/ci/github-actions.yml <<'PY' && pass "workflow steps" ||
import sys, yaml
w = yaml.safe_load(open(sys.argv[1]))
steps = w["jobs"]["isms"]["steps"]
uses = [s.get("uses", "") for s in steps]
assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses)
assert any(u.startswith("actions/upload-artifact") for u in uses)
assert "gate" in steps[-1]["run"]
PY
	    fail "workflow: SARIF upload, artifact, gate last"
else
	echo "# no PyYAML: workflow files not parsed"
fi
finish
