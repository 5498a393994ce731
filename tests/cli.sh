#!/bin/sh
# The command line: exit statuses, options, -Werror/-w, and builds that
# fail leaving the output directory exactly as it was.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

example=examples/safetrust/safetrust.isms

expect_status "no arguments" 2 "$ISMC"
expect_err "no arguments" "ismc: error: no command given"
expect_status "unknown command" 2 "$ISMC" frobnicate
expect_status "unknown option" 2 "$ISMC" check --frob "$example"
expect_err "unknown option" "unknown option '--frob'"
expect_status "build without -o" 2 "$ISMC" build "$example"
expect_status "missing spec" 2 "$ISMC" check "$tmp/nope.isms"
expect_err "missing spec" "ismc: error: cannot read '$tmp/nope.isms': No such file or directory"
expect_status "directory as spec" 2 "$ISMC" check tests
expect_err "directory as spec" "Is a directory"
expect_status "--help" 0 "$ISMC" --help
grep -q "usage: ismc check" "$tmp/out" && pass "--help text" || fail "--help text"
expect_status "--version" 0 "$ISMC" --version
grep -q "^ismc [0-9]" "$tmp/out" && pass "--version text" || fail "--version text"
expect_status "example checks clean" 0 "$ISMC" check "$example"
[ -s "$tmp/err" ] && fail "example: unexpected diagnostics" ||
    pass "example: no diagnostics"

# -Werror turns a warning into an error (exit 1); -w hides it (exit 0).
cat >"$tmp/warn.isms" <<'SPEC'
framework iso27001
scale likelihood { level 1 low; level 2 high }
scale impact { level 1 low; level 2 high }
scoring { band low 1..2; band high 3..4; acceptance max 2 }
risk R-1 "Unhandled" { likelihood high; impact high }
SPEC
expect_status "warning alone" 0 "$ISMC" check "$tmp/warn.isms"
expect_err "warning alone" "warning: risk 'R-1' scores 4, above the acceptance criterion (2), but has no treatment"
expect_status "-Werror" 1 "$ISMC" check -Werror "$tmp/warn.isms"
expect_err "-Werror" "error: risk 'R-1' scores 4, above the acceptance criterion (2), but has no treatment [-Werror=unmet-acceptance]"
expect_status "-w" 0 "$ISMC" check -w "$tmp/warn.isms"
[ -s "$tmp/err" ] && fail "-w still printed: $(note "$tmp/err")" ||
    pass "-w: nothing printed"

# A failed build leaves the previous outputs untouched and no temporaries.
expect_status "first build" 0 "$ISMC" build "$example" -o "$tmp/out1"
cp -r "$tmp/out1" "$tmp/before"
printf 'risk R-999 "Broken" { likelihood nope }\n' >"$tmp/broken.isms"
expect_status "broken build" 1 "$ISMC" build "$example" "$tmp/broken.isms" \
    -o "$tmp/out1"
if diff -r "$tmp/before" "$tmp/out1" >/dev/null; then
	pass "failed build: outputs untouched"
else
	fail "failed build changed the output directory"; fi
ls -A "$tmp/out1" | grep -q '^\.ismc-tmp' &&
    fail "temporary files left behind" || pass "no temporary files left"

# Pipelines: --require fails below the floor and says by how much.
expect_status "require met" 0 "$ISMC" check --require 'dora>=5%' "$example"
expect_status "require missed" 3 "$ISMC" check --require 'dora>=90%' \
    "$example"
expect_err "require missed" "ismc: error: coverage of dora is"
expect_err "require missed" "points below the required 90%"
expect_status "require unused framework" 2 "$ISMC" check \
    --require 'nis2-ir>=1%' "$example"
expect_err "require unused framework" "the spec does not use framework 'nis2-ir'"
expect_status "require syntax" 2 "$ISMC" check --require 'dora=80' "$example"
expect_status "coverage policy" 2 "$ISMC" check --coverage=lenient "$example"
expect_status "all-mapped policy" 0 "$ISMC" check --coverage=all-mapped \
    --require 'dora>=5%' "$example"

# explain: the chain behind one requirement.
expect_status "explain" 0 "$ISMC" explain dora:12.1.a "$example"
grep -q "status: full (coverage policy: strict)" "$tmp/out" && pass "explain: status line" ||
    fail "explain: status line"
grep -q "A.8.13" "$tmp/out" && pass "explain: reaching control" || fail "explain: reaching control"
expect_status "explain unknown" 1 "$ISMC" explain dora:99.9 "$example"
expect_status "explain usage" 2 "$ISMC" explain "$example"

# diff: a control moving to implemented closes gaps and shows up.
cp -r examples/safetrust "$tmp/new"
sed -i 's/^\(    status \+\)planned$/\1implemented/' "$tmp/new/soa.isms"
expect_status "diff" 1 "$ISMC" diff "$example" "$tmp/new/safetrust.isms"
grep -q "^## Controls whose decision or status changed" "$tmp/out" && pass "diff: control changes" ||
    fail "diff: control changes"
grep -q "planned -> applicable, implemented" "$tmp/out" && pass "diff: status change line" ||
    fail "diff: status change line"
expect_status "diff usage" 2 "$ISMC" diff "$example"
# A framework analysed on one side only (a crash once).
printf 'framework iso27001\nframework dora\n' >"$tmp/d1.isms"
printf 'framework iso27001\n' >"$tmp/d2.isms"
expect_status "diff dropped framework" 1 "$ISMC" diff -w "$tmp/d1.isms" \
    "$tmp/d2.isms"
grep -q "Framework dora is no longer used" "$tmp/out" && pass "diff: dropped framework" ||
    fail "diff: dropped framework"
expect_status "diff added framework" 1 "$ISMC" diff -w "$tmp/d2.isms" \
    "$tmp/d1.isms"

# --format limits the outputs to the formats named.
expect_status "format pdf" 0 "$ISMC" build --format pdf "$example" -o "$tmp/pdfonly"
[ "$(ls "$tmp/pdfonly")" = "report.pdf" ] && pass "--format pdf: the PDF only" ||
    fail "--format pdf wrote $(ls "$tmp/pdfonly")"
expect_status "format unknown" 2 "$ISMC" build --format docx "$example" \
    -o "$tmp/x"

# --texts: a licensed texts file adds the full text beside the title.
printf 'format: ismc-texts/1\ncatalog: iso27001\ntexts:\n  A.5.1: "Licensed wording."\n' \
    >"$tmp/texts.yaml"
expect_status "texts" 0 "$ISMC" build --format csv --texts "$tmp/texts.yaml" \
    "$example" -o "$tmp/texts"
grep -q '^A.5.1,Organizational controls,Policies for information security,Licensed wording\.,' \
    "$tmp/texts/soa-iso27001-2022.csv" && pass "texts: SoA row" || fail "texts: SoA row"
head -1 "$tmp/texts/soa-iso27001-2022.csv" | grep -q "Licensed text" && pass "texts: SoA header" ||
    fail "texts: SoA header"
printf 'format: ismc-texts/1\ncatalog: iso27001\ntexts:\n  A.5.99: "x"\n' \
    >"$tmp/texts-bad.yaml"
expect_status "texts unknown id" 1 "$ISMC" check --texts "$tmp/texts-bad.yaml" \
    "$example"
expect_err "texts unknown id" "texts-bad.yaml:4:3: error: iso27001-2022 has no requirement 'A.5.99'"

# A catalog directory with no catalogs in it (once sorted a null list;
# the sanitizer run of this suite would catch it coming back).
mkdir -p "$tmp/empty-dir"
expect_status "empty -I directory" 0 "$ISMC" check -I "$tmp/empty-dir" "$example"

# An unwritable output location is an I/O error: status 2.
expect_status "output under a file" 2 "$ISMC" build "$example" \
    -o "$tmp/warn.isms/sub"
finish
