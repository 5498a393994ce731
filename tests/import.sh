#!/bin/sh
# Importing CISO Assistant and OSCAL files through the command line
# (doc/catalog-format.md, "Importing CISO Assistant and OSCAL files"): a
# folder of them is one -I away, --catalog checks them, `mappings` names
# them. The fixtures are tests/import/; the published files, where
# ../shared/reference (or $ISMC_REFERENCE) holds them, are used too, and
# those cases say they are skipped when it does not.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

ciso=tests/import/ciso
oscal=tests/import/oscal

# expect_no_err NAME: the last command printed no diagnostics.
expect_no_err() {
	if [ -s "$tmp/err" ]; then
		fail "$1: unexpected diagnostics"
		cat "$tmp/err"
	else
		pass
	fi
}

# expect_out NAME TEXT: the last command's stdout holds TEXT.
expect_out() {
	if grep -qF -- "$2" "$tmp/out"; then
		pass
	else
		fail "$1: stdout lacks '$2'"
		cat "$tmp/out"
	fi
}

for f in $ciso/acme.yaml $ciso/other.yaml $oscal/Tiny_catalog.json \
    $oscal/yaml/Tiny_catalog.yaml $oscal/Tiny-LOW_profile.json; do
	expect_status "--catalog $f" 0 "$ISMC" check --catalog "$f"
	expect_no_err "--catalog $f"
done
expect_status "--catalog on a mapping library" 1 "$ISMC" check \
    --diagnostics=plain --catalog $ciso/mapping-acme-to-other.yaml
expect_err "--catalog on a mapping library" "$ciso/mapping-acme-to-other.yaml:9:3: error: this CISO Assistant library holds mapping sets, not a framework"

# A CISO Assistant folder: both frameworks by their URN ids, and the
# mapping library beside them, its URNs turned into ref_ids.
cat >"$tmp/ciso.isms" <<'SPEC'
framework acme
framework other
role ciso "CISO"
control acme:1.1 { applicable; status implemented; owner ciso }
SPEC
expect_status "CISO folder" 0 "$ISMC" explain --diagnostics=plain \
    -I $ciso other:A.1 "$tmp/ciso.isms"
expect_err "CISO folder" "$ciso/mapping-acme-to-other.yaml:10:5: warning: mapping set 'mapping-acme-to-other' repeats 1 row exactly; the repeats are dropped"
expect_out "CISO folder" "from mapping-acme-to-other: 1.1 equal A.1, strength 9"
expect_out "CISO folder" "status: full (coverage policy: strict)"
expect_status "CISO folder, -Werror" 1 "$ISMC" check -Werror -I $ciso \
    "$tmp/ciso.isms"

# An OSCAL folder: the catalog, a baseline selected by a profile whose
# published link leads nowhere (the catalog lies beside it), and the
# mapping collection between them.
cat >"$tmp/oscal.isms" <<'SPEC'
framework tiny
framework tiny-low
role ciso "CISO"
control tiny:ac-2 { applicable; status implemented; owner ciso }
SPEC
expect_status "OSCAL folder" 0 "$ISMC" explain --diagnostics=plain \
    -I $oscal tiny-low:x-1 "$tmp/oscal.isms"
expect_out "OSCAL folder" "from tiny-to-tiny-low: ac-2 superset x-1"
expect_out "OSCAL folder" "tiny-low:x-1  Deep"
expect_err "OSCAL folder" "warning: 3 controls of tiny-low have no applicability decision: ac-1, ac-1.1, x-1"

# A withdrawn control is known, and said to be withdrawn.
cat >"$tmp/withdrawn.isms" <<'SPEC'
framework tiny
role ciso "CISO"
control ac-1.2 { applicable; status implemented; owner ciso }
SPEC
expect_status "withdrawn control" 1 "$ISMC" check --diagnostics=plain \
    -I $oscal "$tmp/withdrawn.isms"
expect_err "withdrawn control" "withdrawn.isms:3:9: error: 'ac-1.2' is withdrawn from tiny; it is not assessed"

# `mappings` names a foreign file; sets between frameworks not in use
# are ignored with a warning.
cat >"$tmp/named.isms" <<SPEC
framework acme
mappings "$ISMC_SRCDIR/$oscal/Tiny-to-Tiny-LOW_mapping-collection.json"
SPEC
expect_status "mappings, unused" 0 "$ISMC" check --diagnostics=plain \
    -I $ciso "$tmp/named.isms"
expect_err "mappings, unused" "holds no mapping set between two frameworks this spec uses (the first relates tiny and tiny-low); it is ignored"

# Errors in JSON have a line and column (the JSON path where YAML cannot
# read the text: tests/bad/catalogs/oscal-long-key.json).
printf '{"catalog": {"uuid": "u", "metadata": {"title": "t"},\n "groups": [{"id": "g", "title": "G", "controls": [{"title": "x"}]}]}}\n' \
    >"$tmp/bad_catalog.json"
expect_status "JSON located" 1 "$ISMC" check --catalog "$tmp/bad_catalog.json"
expect_err "JSON located" "$tmp/bad_catalog.json:2:52: error: missing required key 'id' in a control"
printf '{"catalog": {\n  "uuid": "u",,\n}}\n' >"$tmp/syntax_catalog.json"
expect_status "JSON syntax" 1 "$ISMC" check --catalog "$tmp/syntax_catalog.json"
expect_err "JSON syntax" "$tmp/syntax_catalog.json:2:15: error: invalid JSON: string or '}' expected near ','"

# ---- the published files, where they are ------------------------------
ref=${ISMC_REFERENCE:-$ISMC_SRCDIR/../shared/reference}
if [ ! -d "$ref/ciso-assistant/raw" ] || [ ! -d "$ref/oscal/sp800-53" ]; then
	echo "import.sh: no reference data in $ref (set ISMC_REFERENCE);" \
	    "the published-file cases are skipped"
	finish
	exit $?
fi
raw=$ref/ciso-assistant/raw
cat >"$tmp/soc2.isms" <<'SPEC'
framework iso27001-2022
framework soc2-2017-rev-2022
role ciso "CISO"
control iso27001-2022:A.5.15 { applicable; status implemented; owner ciso }
SPEC
expect_status "CISO Assistant libraries" 0 "$ISMC" build -I "$raw" \
    "$tmp/soc2.isms" -o "$tmp/soc2"
# CISO Assistant's ISO library answers to the shipped catalog's id.
expect_err "CISO Assistant libraries" "soc2.isms:1:11: warning: catalog 'iso27001-2022' from '$raw/iso27001-2022.yaml' replaces the shipped one in"
[ "$(grep -c ': error: ' "$tmp/err")" -eq 0 ] && pass ||
    fail "CISO Assistant libraries: errors"
# The set from the library beside the frameworks reaches the reports.
grep -q 'mapping-soc2-2017-rev-2022-to-iso27001-2022' \
    "$tmp/soc2/traceability.json" && pass ||
    fail "CISO Assistant libraries: the SOC 2 set is not in the traceability"

nist=$ref/oscal/sp800-53/rev5
mkdir "$tmp/nist"
cp "$nist/NIST_SP-800-53_rev5_catalog.json" \
    "$nist/NIST_SP-800-53_rev5_MODERATE-baseline_profile.json" "$tmp/nist/"
cat >"$tmp/moderate.isms" <<'SPEC'
framework nist-sp-800-53-rev5-moderate-baseline
role ciso "CISO"
control ac-2.1 { applicable; status implemented; owner ciso }
SPEC
expect_status "SP 800-53 MODERATE" 0 "$ISMC" check -I "$tmp/nist" \
    "$tmp/moderate.isms"
expect_err "SP 800-53 MODERATE" "warning: 286 controls of nist-sp-800-53-rev5-moderate-baseline have no applicability decision"
finish
