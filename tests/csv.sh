#!/bin/sh
# CSV for spreadsheets: no field a spreadsheet would evaluate as a formula
# (OWASP's CSV injection), legitimate values unchanged, --csv-bom.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "no python3"

spec=tests/backends/hostile.isms
if "$ISMC" build -w --format=csv "$spec" -o "$tmp/h" 2>"$tmp/err"; then
	pass "hostile spec builds"
else
	fail "hostile spec builds"
	note "$tmp/err"
fi

# field FILE ROW COLUMN-TITLE EXPECTED: one parsed field, exactly.
field() {
	got=$(python3 - "$tmp/h/$1" "$2" "$3" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
col = rows[0].index(sys.argv[3])
sys.stdout.write(rows[int(sys.argv[2])][col])
PY
)
	if [ "$got" = "$4" ]; then
		pass "$1 row $2 '$3' is $4"
	else
		fail "$1 row $2 '$3' is '$got', expected '$4'"
	fi
}

field risks.csv 1 Title "'=HYPERLINK(\"http://evil.example\",\"x\")"
field risks.csv 1 "Likelihood label" "'-2+3"
field risks.csv 1 "Band" "'+high"
field risks.csv 2 "Band" "'@low"
field risks.csv 2 "Impact label" "'	Tabbed"
field risks.csv 1 "Owner title" "'+Chief ‮Security‬ Officer"
field kpis.csv 1 Title "'=cmd|' /C calc'!A0"
# Legitimate values are left alone: a title that is only a number, the
# numbers ismc computed, text with quotes and commas.
field risks.csv 2 Title "-5"
field risks.csv 1 Score "4"
field kpis.csv 1 Result "3.5"
field risks.csv 3 Title "<img src=x onerror=alert(1)> \"quoted\", comma"

# Every field of every CSV file, of the hostile spec and of the examples:
# none starts like a formula unless it is a plain number or a lone "-".
"$ISMC" build -w --format=csv examples/eu-bank/eu-bank.isms -o "$tmp/e" \
    2>"$tmp/err" || { fail "eu-bank builds"; note "$tmp/err"; }
if python3 - "$tmp/h"/*.csv "$tmp/e"/*.csv >"$tmp/bad" <<'PY'
import csv, re, sys
number = re.compile(r'[-+]?[0-9]+(\.[0-9]+)?\Z')
bad = 0
for path in sys.argv[1:]:
    with open(path, newline='', encoding='utf-8') as f:
        for r, row in enumerate(csv.reader(f)):
            for v in row:
                if v[:1] in ('=', '+', '-', '@', '\t', '\r') and \
                        not number.match(v) and v != '-':
                    print(f'{path}:{r + 1}: {v!r}')
                    bad += 1
sys.exit(1 if bad else 0)
PY
then
	pass "no field of any CSV file starts like a formula"
else
	fail "fields that start like a formula"
	note "$tmp/bad"
fi

# --csv-bom: a UTF-8 byte order mark before the header, nothing else
# changed; without it, none.
"$ISMC" build -w --format=csv --csv-bom "$spec" -o "$tmp/b" 2>"$tmp/err" ||
    { fail "--csv-bom builds"; note "$tmp/err"; }
bom=$(head -c 3 "$tmp/b/risks.csv" | od -An -tx1 | tr -d ' \n')
if [ "$bom" = efbbbf ] &&
    tail -c +4 "$tmp/b/risks.csv" | cmp -s - "$tmp/h/risks.csv"; then
	pass "--csv-bom: BOM, then the same bytes"
else
	fail "--csv-bom: first bytes $bom, or the rest differs"
fi
bom=$(head -c 3 "$tmp/h/risks.csv" | od -An -tx1 | tr -d ' \n')
if [ "$bom" != efbbbf ]; then
	pass "no BOM by default"
else
	fail "a BOM without --csv-bom"
fi
if [ ! -e "$tmp/b/risks.md" ] && head -c 3 "$tmp/b/risks.csv" >/dev/null; then
	pass "--format=csv writes only CSV"
else
	fail "--format=csv wrote other formats"
fi
finish
