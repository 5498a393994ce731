#!/bin/sh
# The diagnostics engine from the command line: warning names and the
# -W switches, JSON diagnostics (GCC's form) and SARIF 2.1.0, validated
# against tests/sarif/sarif-2.1.0-ismc.schema.json with python3-jsonschema.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

# A spec with two warnings (one with a note) and no error.
cat >"$tmp/warn.isms" <<'SPEC'
framework iso27001
framework iso27001
control A.5.1 { applicable; status implemented; reasons risk }
SPEC
# A spec with errors that have fix-its, warnings (one with a note) and a
# path to encode.
mkdir -p "$tmp/a b"
cat >"$tmp/a b/err.isms" <<'SPEC'
framework iso27001
framework iso27001
control A.5.1 { applicable; status implemented; ownr x }
risks R-2
control A.5.2 { applicable; status implemented; reasons risk }
SPEC

# ---- warning names and -W ----------------------------------------------

expect_status "warnings exit 0" 0 "$ISMC" check "$tmp/warn.isms"
expect_err "a warning names its option" \
    "warning: framework 'iso27001' is already in use [-Wduplicate-framework]"
expect_err "the other one too" "more [-Wundecided-control]"
expect_err "the note follows" "note: first used here"

expect_status "-Wno-NAME" 0 "$ISMC" check -Wno-duplicate-framework \
    "$tmp/warn.isms"
if grep -q "duplicate-framework\|first used here" "$tmp/err"; then
	fail "-Wno-duplicate-framework left the warning or its note"
else
	pass
fi
expect_err "-Wno-NAME leaves the others" "[-Wundecided-control]"

expect_status "-Wno-NAME then -WNAME" 0 "$ISMC" check \
    -Wno-duplicate-framework -Wduplicate-framework "$tmp/warn.isms"
expect_err "the last switch wins" "[-Wduplicate-framework]"

expect_status "-Werror=NAME" 1 "$ISMC" check -Werror=duplicate-framework \
    "$tmp/warn.isms"
expect_err "-Werror=NAME makes that one an error" \
    "error: framework 'iso27001' is already in use [-Werror=duplicate-framework]"
expect_err "-Werror=NAME leaves the others warnings" \
    "warning: 92 controls"

expect_status "-Werror" 1 "$ISMC" check -Werror "$tmp/warn.isms"
expect_err "-Werror names each" "more [-Werror=undecided-control]"

expect_status "-Werror -Wno-error=NAME" 0 "$ISMC" check -Werror \
    -Wno-error=undecided-control -Wno-duplicate-framework "$tmp/warn.isms"
expect_err "-Wno-error=NAME keeps a warning" \
    "warning: 92 controls"

expect_status "-w" 0 "$ISMC" check -w -Wduplicate-framework "$tmp/warn.isms"
if [ -s "$tmp/err" ]; then
	fail "-w left output"
	cat "$tmp/err"
else
	pass
fi

expect_status "unknown -W" 2 "$ISMC" check -Wfoo "$tmp/warn.isms"
expect_err "unknown -W is named" "unknown warning option '-Wfoo'"
expect_status "misspelt -Wno-" 2 "$ISMC" check -Wno-duplicate-framewrk \
    "$tmp/warn.isms"
expect_err "misspelt -Wno- gets a suggestion" \
    "did you mean '-Wno-duplicate-framework'?"
expect_status "misspelt -Werror=" 2 "$ISMC" check -Werror=band-gaps \
    "$tmp/warn.isms"
expect_err "misspelt -Werror= gets a suggestion" \
    "did you mean '-Werror=band-gap'?"

# ---- JSON and SARIF -------------------------------------------------------

if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: no python3: JSON and SARIF not checked"
	finish
	exit
fi

expect_status "json" 1 "$ISMC" check --diagnostics-format=json \
    "$tmp/a b/err.isms"
cp "$tmp/err" "$tmp/diag.json"
expect_status "sarif" 1 "$ISMC" check --diagnostics-format=sarif \
    -Werror=undecided-control "$tmp/a b/err.isms"
cp "$tmp/err" "$tmp/diag.sarif"

# check_py NAME SCRIPT FILE...: runs the python SCRIPT on the files; it
# prints what is wrong, nothing when all is well.
check_py() {
	name=$1
	script=$2
	shift 2
	if python3 -c "$script" "$@" >"$tmp/py" 2>&1 && ! [ -s "$tmp/py" ]; then
		pass
	else
		fail "$name"
		cat "$tmp/py"
	fi
}

check_py "json: GCC's shape" '
import json, sys
d = json.load(open(sys.argv[1]))
assert isinstance(d, list), "not an array"
kinds = [x["kind"] for x in d]
assert kinds == ["warning", "error", "error", "warning"], kinds
for x in d:
    for k in ("kind", "message", "locations", "children", "column-origin"):
        assert k in x, (k, x)
    for loc in x["locations"]:
        c = loc["caret"]
        assert c["file"].endswith("a b/err.isms"), c
        assert c["line"] >= 1 and c["byte-column"] >= 1, c
assert d[0]["option"] == "-Wduplicate-framework", d[0]
note = d[0]["children"][0]
assert note["kind"] == "note" and note["message"] == "first used here", note
assert note["locations"][0]["caret"]["line"] == 1, note
item = d[1]
assert item["message"] == "unknown item '"'"'risks'"'"'; did you mean '"'"'risk'"'"'?", item
f = item["fixits"][0]
assert f["string"] == "risk" and f["start"]["line"] == 4, f
assert f["start"]["column"] == 1 and f["next"]["column"] == 6, f
assert d[2]["fixits"][0]["string"] == "owner", d[2]
assert d[2]["locations"][0]["caret"]["column"] == 49, d[2]
assert d[3]["option"] == "-Wundecided-control", d[3]
' "$tmp/diag.json"

check_py "sarif: what a schema cannot say" '
import json, sys
s = json.load(open(sys.argv[1]))
run = s["runs"][0]
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
assert len(ids) == len(set(ids)), "rule ids repeat"
res = run["results"]
levels = [(r["level"], r["ruleId"]) for r in res]
assert levels == [("warning", "-Wduplicate-framework"), ("error", "error"),
    ("error", "error"), ("error", "-Wundecided-control")], levels
for r in res:
    if "ruleIndex" in r:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"], r
    for loc in r.get("locations", []) + r.get("relatedLocations", []):
        reg = loc.get("physicalLocation", {}).get("region")
        if reg:
            assert (reg["startLine"], reg["startColumn"]) <= \
                (reg["endLine"], reg["endColumn"]), reg
    rel = [l["id"] for l in r.get("relatedLocations", [])]
    assert len(rel) == len(set(rel)), r
uris = {l["physicalLocation"]["artifactLocation"]["uri"]
        for r in res for l in r["locations"]}
assert any(u.endswith("a%20b/err.isms") for u in uris), uris
promoted = [r for r in res if r["ruleId"] == "-Wundecided-control"]
assert promoted and all(r["level"] == "error" for r in promoted), promoted
dup = [r for r in res if r["ruleId"] == "-Wduplicate-framework"][0]
assert dup["relatedLocations"][0]["message"]["text"] == "first used here", dup
assert dup["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 1
fix = res[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]
assert fix["insertedContent"]["text"] == "risk", fix
assert fix["deletedRegion"]["startColumn"] == 1 and fix["deletedRegion"]["endColumn"] == 6, fix
' "$tmp/diag.sarif"

if python3 -c 'import jsonschema' 2>/dev/null; then
	check_py "sarif: valid against the SARIF 2.1.0 schema" '
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator.check_schema(schema)
jsonschema.validate(json.load(open(sys.argv[2])), schema)
' tests/sarif/sarif-2.1.0-ismc.schema.json "$tmp/diag.sarif"
	# The published schema (tests/sarif/README.md): scripts/ismc-dev
	# fetches it, nothing commits it; without it this check is skipped.
	published=${ISMC_SARIF_SCHEMA:-tests/sarif/published/sarif-schema-2.1.0.json}
	if [ -f "$published" ]; then
		check_py "sarif: valid against the published SARIF 2.1.0 schema" '
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errs = sorted(cls(schema).iter_errors(json.load(open(sys.argv[2]))), key=str)
for e in errs[:5]:
    print("/".join(map(str, e.absolute_path)), e.message[:200])
' "$published" "$tmp/diag.sarif"
	else
		echo "# SKIP: no $published (scripts/ismc-dev fetches it):" \
		    "not checked against the published SARIF schema"
	fi
else
	echo "SKIP: no python3-jsonschema: SARIF not validated"
fi

# The warning table and the manual agree.
check_py "every warning is in ismc(1)" '
import json, sys
names = [r["name"] for r in json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]["rules"]]
man = open(sys.argv[2]).read().replace("\\-", "-")
for n in names:
    if "-W" + n not in man:
        print("ismc(1) lacks -W%s" % n)
' "$tmp/diag.sarif" doc/ismc.1

finish
