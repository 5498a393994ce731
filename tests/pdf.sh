#!/bin/sh
# The auditor's PDF of the example, read back with poppler-utils: every
# section title and every SoA row is in its text, every page has its
# footer, the pages are A4 and at least 8, all fonts are embedded, the
# creation date is the spec's (or SOURCE_DATE_EPOCH), and two builds give
# the same bytes. Skipped (77) without poppler-utils.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

for tool in pdftotext pdfinfo pdffonts; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		skip_all "no $tool (Debian: apt-get install poppler-utils)"
	fi
done
unset SOURCE_DATE_EPOCH

spec=examples/safetrust/safetrust.isms
if ! "$ISMC" build "$spec" -o "$tmp/a" 2>"$tmp/err"; then
	note "$tmp/err"
	fail "$spec: build failed"
	finish
	exit 1
fi
pdf=$tmp/a/report.pdf
if [ -s "$pdf" ]; then pass "report.pdf written"; else fail "no report.pdf"; fi

# ---- sections ----
pdftotext -layout "$pdf" "$tmp/report.txt"
if grep -q '^ *Contents$' "$tmp/report.txt"; then
	pass "contents page"
else
	fail "no contents"
fi
for title in "Scope statement" "Statement of Applicability" \
    "Risk register and treatment plan" "Heatmaps" \
    "Gap analysis per framework" "Key performance indicators" \
    "Audit findings and corrective actions" "Management review summary"; do
	# Once in the contents and once as the heading.
	n=$(grep -cF "$title" "$tmp/report.txt" || true)
	if [ "$n" -ge 2 ]; then
		pass "section '$title'"
	else
		fail "section '$title' missing"
	fi
done

# ---- every SoA row, on the SoA pages (those under its table header) ----
awk 'BEGIN { RS = "\f" } /Reasons or/ && /References/ { print }' \
    "$tmp/report.txt" >"$tmp/soa.txt"
tail -n +2 "$tmp/a/soa-iso27001-2022.csv" | cut -d, -f1 >"$tmp/ids"
rows=0
missing=0
while read -r id; do
	rows=$((rows + 1))
	re=$(printf '%s\n' "$id" | sed 's/\./\\./g')
	if ! grep -Eq "^ *$re( |\$)" "$tmp/soa.txt"; then
		missing=$((missing + 1))
		echo "# SoA row $id is not in the PDF"
	fi
done <"$tmp/ids"
if [ "$rows" -eq 93 ] && [ "$missing" -eq 0 ]; then
	pass "every SoA row in the PDF"
else
	fail "SoA: $rows rows in the CSV (want 93), $missing not in the PDF"
fi

# ---- pages, footers, size, dates ----
pdfinfo -isodates "$pdf" >"$tmp/info"
pages=$(sed -n 's/^Pages: *//p' "$tmp/info")
if [ "${pages:-0}" -ge 8 ]; then
	pass "$pages pages"
else
	fail "only ${pages:-0} pages"
fi
if grep -Eq '^Page size: +595\.2(8|76) x 841\.89 pts' "$tmp/info"; then
	pass "A4 pages"
else
	fail "not A4: $(grep '^Page size' "$tmp/info")"
fi
footer="SafeTrust Information Security Management System — version 1.0"
n=1
bad=0
while [ "$n" -le "${pages:-0}" ]; do
	grep -qF "$footer — page $n of $pages" "$tmp/report.txt" ||
	    bad=$((bad + 1))
	n=$((n + 1))
done
if [ "$bad" -eq 0 ]; then
	pass "every page has its footer"
else
	fail "$bad pages without their footer"
fi
if grep -q '^CreationDate: *2026-06-30T00:00:00' "$tmp/info"; then
	pass "creation date is the spec's"
else
	fail "not the spec's date: $(grep '^CreationDate' "$tmp/info")"
fi

# ---- fonts ----
pdffonts "$pdf" >"$tmp/fonts"
nfonts=$(awk 'NR > 2' "$tmp/fonts" | wc -l)
notemb=$(awk 'NR > 2 && $(NF - 4) != "yes"' "$tmp/fonts" | wc -l)
if [ "$nfonts" -gt 0 ] && [ "$notemb" -eq 0 ]; then
	pass "fonts embedded"
else
	note "$tmp/fonts"
	fail "fonts: $nfonts listed, $notemb not embedded"
fi

# ---- reproducible ----
(cd "$tmp" && TZ=Pacific/Chatham "$ISMC" build "$ISMC_SRCDIR/$spec" \
    -o "$tmp/b" 2>/dev/null)
if cmp -s "$pdf" "$tmp/b/report.pdf"; then
	pass "second build: same bytes"
else
	fail "a second build gives a different PDF"
fi
SOURCE_DATE_EPOCH=86400 "$ISMC" build "$spec" -o "$tmp/c" 2>/dev/null
if pdfinfo -isodates "$tmp/c/report.pdf" |
    grep -q '^CreationDate: *1970-01-02T00:00:00'; then
	pass "SOURCE_DATE_EPOCH sets the date"
else
	fail "SOURCE_DATE_EPOCH does not set the creation date"
fi
finish
