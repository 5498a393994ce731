#!/bin/sh
# --format oscal: mappings.oscal.json, the spec's own and the inferred
# mappings as one OSCAL mapping collection. Reproducible (two builds, the
# same bytes), valid against NIST's OSCAL mapping schema in the reference
# data ($ISMC_REFERENCE, else ../shared/reference; skipped without it or
# without python3-jsonschema), and not written at all for a spec with
# nothing to map, as an empty collection is invalid OSCAL.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "no python3"

for ex in safetrust eu-bank; do
	spec=examples/$ex/$ex.isms
	for run in 1 2; do
		if "$ISMC" build -w --format=oscal "$spec" -o "$tmp/$ex.$run" \
		    2>"$tmp/err"; then
			pass "$ex: build $run"
		else
			fail "$ex: build $run"
			note "$tmp/err"
		fi
	done
	ls "$tmp/$ex.1" >"$tmp/files"
	if [ "$(cat "$tmp/files")" = mappings.oscal.json ]; then
		pass "$ex: --format oscal writes mappings.oscal.json only"
	else
		fail "$ex: --format oscal wrote: $(tr '\n' ' ' <"$tmp/files")"
	fi
	if cmp -s "$tmp/$ex.1/mappings.oscal.json" \
	    "$tmp/$ex.2/mappings.oscal.json"; then
		pass "$ex: two builds, the same bytes"
	else
		fail "$ex: two builds differ"
	fi
done

# The spec's map rows are there with their residuals; UUIDs are unique.
if python3 - "$tmp/safetrust.1/mappings.oscal.json" >"$tmp/py" 2>&1 <<'PY'
import json, sys
mc = json.load(open(sys.argv[1]))["mapping-collection"]
maps = [m for e in mc["mappings"] for m in e["maps"]]
def spec(m):
    return any(p["name"] == "provenance" and p["value"] == "spec"
               for p in m.get("props", []))
own = {(m["sources"][0]["id-ref"], m["relationship"],
        m["targets"][0]["id-ref"]) for m in maps if spec(m)}
want = {("A.5.24", "superset-of", "17.1"), ("A.8.13", "superset-of", "12.1.a")}
if not want <= own:
    print("own rows", sorted(own), "lack", sorted(want - own))
uuids = [mc["uuid"]] + [e["uuid"] for e in mc["mappings"]] + \
    [m["uuid"] for m in maps]
if len(uuids) != len(set(uuids)):
    print("UUIDs repeat")
if mc["metadata"]["last-modified"] != "2026-06-30T00:00:00Z":
    print("last-modified", mc["metadata"]["last-modified"])
PY
then
	pass "safetrust: the spec's map rows, unique UUIDs, the spec's date"
else
	fail "safetrust: content"
	note "$tmp/py"
fi

# Nothing to map: one framework, no map row. No file, exit 0.
cat >"$tmp/plain.isms" <<'SPEC'
isms "Plain" { organisation "Plain Ltd"; date 2026-01-01 }
framework iso27001
control A.5.1 { applicable; status implemented }
SPEC
if "$ISMC" build -w --format=oscal "$tmp/plain.isms" -o "$tmp/plain" \
    2>"$tmp/err" && [ ! -e "$tmp/plain/mappings.oscal.json" ]; then
	pass "nothing to map: no mappings.oscal.json"
else
	fail "nothing to map: a file, or a failed build"
	note "$tmp/err"
fi
# Not asked for: not written.
"$ISMC" build -w examples/safetrust/safetrust.isms -o "$tmp/all" \
    2>"$tmp/err" || { fail "safetrust: default build"; note "$tmp/err"; }
if [ ! -e "$tmp/all/mappings.oscal.json" ]; then
	pass "the default formats leave OSCAL out"
else
	fail "a default build wrote mappings.oscal.json"
fi

# NIST's schema. Its patterns use \p{L} and \p{N}, which Python's re
# lacks: they become the equivalent [^\W\d_] and \d first.
ref=${ISMC_REFERENCE:-$ISMC_SRCDIR/../shared/reference}
schema=$ref/oscal/schemas/oscal_mapping_schema.json
if [ ! -f "$schema" ]; then
	echo "# SKIP: no $schema: OSCAL schema validation not run"
elif ! python3 -c 'import jsonschema' 2>/dev/null; then
	echo "# SKIP: no python3-jsonschema: OSCAL schema validation not run"
else
	for ex in safetrust eu-bank; do
		if python3 - "$schema" "$tmp/$ex.1/mappings.oscal.json" \
		    >"$tmp/py" 2>&1 <<'PY'
import json, sys, jsonschema
def fix(v):
    if isinstance(v, dict):
        return {k: fix(x) if k != "pattern" or not isinstance(x, str) else
                x.replace(r"\p{L}", r"[^\W\d_]").replace(r"\p{N}", r"\d")
                for k, x in v.items()}
    if isinstance(v, list):
        return [fix(x) for x in v]
    return v
schema = fix(json.load(open(sys.argv[1])))
jsonschema.Draft7Validator.check_schema(schema)
v = jsonschema.Draft7Validator(schema,
        format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
errs = sorted(v.iter_errors(json.load(open(sys.argv[2]))), key=str)
for e in errs[:5]:
    print(list(e.absolute_path), e.message[:300])
sys.exit(1 if errs else 0)
PY
		then
			pass "$ex: valid against the OSCAL mapping schema"
		else
			fail "$ex: not valid against the OSCAL mapping schema"
			note "$tmp/py"
		fi
	done
fi

finish
