#!/bin/sh
# The JSON Schemas in schemas/ (doc/outputs.md, section 3):
#
#   - each report's schema is what scripts/gen-schemas.py makes of
#     doc/outputs.md, so the document and the schemas agree;
#   - every JSON file that `ismc build` writes for both examples, the JSON
#     of `ismc diff` and the JSON diagnostics of every bad-input case are
#     valid against their schema, and each carries its format version;
#   - a JSON report with no schema fails (a new report must add one);
#   - the schemas are strict: a wrong type, a missing member and an
#     unknown member each make a valid file invalid.
#
# Needs python3-jsonschema (Debian; scripts/ismc-dev installs it).
. "${ISMC_SRCDIR:?}/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "no python3"
python3 -c 'import jsonschema' 2>/dev/null ||
    skip_all "no python3-jsonschema: schemas not checked"

if python3 scripts/gen-schemas.py --check . >"$tmp/gen" 2>&1; then
	pass "schemas/ is what doc/outputs.md gives"
else
	fail "schemas/ differs from doc/outputs.md"
	note "$tmp/gen"
fi

# validate NAME FILE...: each file against the schema its content names
# (a report's "report" member; a top-level array is diagnostics).
validate() {
	name=$1
	shift
	if python3 - "$@" >"$tmp/py" 2>&1 <<'PY'
import json, os, sys, jsonschema
bad = 0
for path in sys.argv[1:]:
    doc = json.load(open(path, encoding="utf-8"))
    if isinstance(doc, list):
        name = "diagnostics"
    else:
        name = doc.get("report")
        if doc.get("format") != "ismc-%s/1" % name:
            print("%s: format %r, not ismc-%s/1" % (path, doc.get("format"),
                                                   name))
            bad += 1
    schema_path = os.path.join("schemas", "%s.schema.json" % name)
    if not os.path.exists(schema_path):
        print("%s: report %r has no schema %s (doc/outputs.md, then "
              "scripts/gen-schemas.py)" % (path, name, schema_path))
        bad += 1
        continue
    schema = json.load(open(schema_path, encoding="utf-8"))
    v = jsonschema.Draft202012Validator(schema)
    for e in sorted(v.iter_errors(doc), key=str)[:5]:
        print("%s: %s: %s" % (path, "/".join(map(str, e.absolute_path)),
                              e.message[:200]))
        bad += 1
sys.exit(1 if bad else 0)
PY
	then
		pass "$name"
	else
		fail "$name"
		note "$tmp/py"
	fi
}

if python3 - >"$tmp/py" 2>&1 <<'PY'
import glob, json, jsonschema
for p in sorted(glob.glob("schemas/*.schema.json")):
    jsonschema.Draft202012Validator.check_schema(json.load(open(p)))
PY
then
	pass "the schemas are valid JSON Schema"
else
	fail "the schemas are valid JSON Schema"
	note "$tmp/py"
fi

for ex in safetrust eu-bank; do
	if "$ISMC" build -w --format=json "examples/$ex/$ex.isms" \
	    -o "$tmp/$ex" 2>"$tmp/err"; then
		pass "$ex: builds"
	else
		fail "$ex: builds"
		note "$tmp/err"
	fi
	for f in "$tmp/$ex"/*.json; do
		validate "$ex: $(basename "$f")" "$f"
	done
done

cp -r examples/safetrust "$tmp/dnew"
sed -i 's/^\(    status \+\)\(planned\|partial\)$/\1implemented/' \
    "$tmp/dnew/soa.isms"
"$ISMC" diff --format=json examples/safetrust "$tmp/dnew" >"$tmp/diff.json" \
    2>"$tmp/err" || [ $? = 1 ] || { fail "diff runs"; note "$tmp/err"; }
validate "diff --format=json" "$tmp/diff.json"

# The JSON diagnostics of every bad-input case: errors, warnings, notes,
# fix-its.
n=0
for f in tests/bad/*.isms; do
	case $f in *.inc.isms) continue ;; esac
	n=$((n + 1))
	"$ISMC" check --diagnostics-format=json "$f" 2>"$tmp/diag-$n.json" \
	    >/dev/null || :
done
validate "diagnostics of $n bad-input cases" "$tmp"/diag-*.json

# Strictness: each mutation of a valid report must be refused.
if python3 - "$tmp/safetrust/gap-dora.json" >"$tmp/py" 2>&1 <<'PY'
import copy, json, sys, jsonschema
doc = json.load(open(sys.argv[1]))
schema = json.load(open("schemas/gap.schema.json"))
v = jsonschema.Draft202012Validator(schema)
assert v.is_valid(doc), "the original is not valid"
def refused(what, f):
    d = copy.deepcopy(doc)
    f(d)
    if v.is_valid(d):
        print("accepted:", what)
        return 1
    return 0
bad = 0
bad += refused("a number for a string cell",
               lambda d: d["rows"][0].__setitem__("id", 5))
bad += refused("a string for an integer summary",
               lambda d: d["summary"].__setitem__("full", "5"))
bad += refused("a row without its status",
               lambda d: d["rows"][0].pop("status"))
bad += refused("no summary key 'coverage_index'",
               lambda d: d["summary"].pop("coverage_index"))
bad += refused("an unknown row member",
               lambda d: d["rows"][0].__setitem__("colour", "red"))
bad += refused("another format version",
               lambda d: d.__setitem__("format", "ismc-gap/2"))
bad += refused("no metadata 'policy'", lambda d: d["meta"].pop("policy"))
sys.exit(1 if bad else 0)
PY
then
	pass "the gap schema refuses a wrong type, a missing or unknown member"
else
	fail "the gap schema accepts a broken report"
	note "$tmp/py"
fi

finish
