#!/bin/sh
# The auditor's PDF of the example, read back with poppler-utils: every
# section title and every SoA row is in its text, every page has its
# footer, the pages are A4 and at least 8, all fonts are embedded, the
# creation date is the spec's (or SOURCE_DATE_EPOCH), the gap section
# shows the coverage report's figures per group, how the coverage index is
# computed, every partial credit and every remediation step, and two
# builds give the same bytes. Skipped without poppler-utils.
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

# rows_in_pdf WHAT CSV PAGES WANT [AFTER]: every id in the first column
# of CSV (WANT of them) starts a line of the text PAGES, followed by a
# match of the extended regex AFTER.
rows_in_pdf() {
	tail -n +2 "$2" | awk -F, '{ print $1 }' >"$tmp/ids"
	rows=0
	missing=0
	while read -r id; do
		rows=$((rows + 1))
		re=$(printf '%s\n' "$id" | sed 's/\./\\./g')
		if ! grep -Eq "^ *$re( |\$)${5:+.*$5}" "$3"; then
			missing=$((missing + 1))
			echo "# $1 $id is not in the PDF"
		fi
	done <"$tmp/ids"
	if [ "$rows" -eq "$4" ] && [ "$missing" -eq 0 ]; then
		pass "every $1 in the PDF"
	else
		fail "$1: $rows rows in the CSV (want $4), $missing not in the PDF"
	fi
}

# ---- every SoA row, on the SoA pages (those under its table header) ----
awk 'BEGIN { RS = "\f" } /Reasons or/ && /References/ { print }' \
    "$tmp/report.txt" >"$tmp/soa.txt"
rows_in_pdf "SoA row" "$tmp/a/soa-iso27001-2022.csv" "$tmp/soa.txt" 93

# ---- every clause, with its status, on the clause pages ----
awk 'BEGIN { RS = "\f" } /Documented information and/ { print }' \
    "$tmp/report.txt" >"$tmp/clauses.txt"
rows_in_pdf clause "$tmp/a/clauses-iso27001-2022.csv" "$tmp/clauses.txt" 30 \
    "(implemented|partial|planned|not decided)"

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

# ---- coverage: the figures of the coverage and remediation reports ----
# Every group row of every analysed framework shows full, partial and gap
# side by side and the coverage index, as the coverage report has them;
# the method of the index is stated; every remediation step is listed.
if command -v python3 >/dev/null 2>&1; then
	if python3 - "$tmp/report.txt" "$tmp/a" >"$tmp/cov" 2>&1 <<'PY'
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
flat = " ".join(text.split())
out = sys.argv[2]
bad = []
for phrase in ("The coverage index is 100 × the sum of the credits of the "
               "assessed requirements / their number",
               "under the strict policy: a requirement is full when"):
    if phrase not in flat:
        bad.append("missing: " + phrase)
cov = json.load(open(out + "/coverage.json", encoding="utf-8"))
def fig(n, pct):
    return "%d (%s%%)" % (n, "%.1f" % pct)
for r in cov["rows"]:
    if r["group"] is None:
        continue
    want = r"^%s\s.*\s%s\s+%s\s+%s\s+%s\s+%s$" % (
        re.escape(r["group"]), r["assessed"],
        re.escape(fig(r["full"], r["full_pct"])),
        re.escape(fig(r["partial"], r["partial_pct"])),
        re.escape(fig(r["gap"], r["gap_pct"])),
        re.escape("%.1f" % r["coverage_index"]))
    if not re.search(want, text, re.M):
        bad.append("no group row %s %s" % (r["framework"], r["group"]))
for fw in ("dora", "nis2", "soc2"):
    plan = json.load(open("%s/remediation-%s.json" % (out, fw)))
    for step in plan["rows"]:
        if not re.search(r"^%d\s" % step["rank"], text, re.M):
            bad.append("%s: no step %d" % (fw, step["rank"]))
    gap = json.load(open("%s/gap-%s.json" % (out, fw)))
    for row in gap["rows"]:
        b = row["credit_basis"]
        if b is not None and b.split(" = ")[-1] not in flat:
            bad.append("%s %s: no credit %s" % (fw, row["id"], b))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
	then
		pass "coverage per group, index method and plan in the PDF"
	else
		note "$tmp/cov"
		fail "coverage per group, index method and plan in the PDF"
	fi
else
	pass "# SKIP coverage figures in the PDF: no python3"
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
