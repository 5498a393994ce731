#!/bin/sh
# report.xlsx read back: every sheet's rows against the report's JSON,
# the header frozen, filters on, widths set, statuses coloured, text never
# a formula, and two builds byte for byte the same.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "no python3"

# check_book NAME DIR: report.xlsx against DIR's *.json, in Python (zipfile
# and ElementTree read the workbook; nothing here parses XML by hand).
check_book() {
	if python3 - "$2" >"$tmp/book" 2>&1 <<'PY'
import json, os, re, sys, zipfile
import xml.etree.ElementTree as ET

d = sys.argv[1]
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}
z = zipfile.ZipFile(os.path.join(d, 'report.xlsx'))
bad = []

def unescape(s):
    # Excel's _xHHHH_ escape, as a spreadsheet reads the cell.
    return re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), s)

strings = []
sst = ET.fromstring(z.read('xl/sharedStrings.xml'))
for si in sst.findall('m:si', NS):
    strings.append(unescape(''.join(t.text or '' for t in si.iter(
        '{%s}t' % NS['m']))))

wb = ET.fromstring(z.read('xl/workbook.xml'))
rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
target = {r.get('Id'): r.get('Target') for r in rels}
sheets = [(s.get('name'), 'xl/' + target[s.get('{%s}id' % NS['r'])])
          for s in wb.find('m:sheets', NS)]

def col_index(ref):
    n = 0
    for ch in re.match(r'[A-Z]+', ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1

def read_sheet(path):
    root = ET.fromstring(z.read(path))
    if root.find('.//m:f', NS) is not None:
        bad.append(f'{path}: a formula')
    rows = {}
    for row in root.find('m:sheetData', NS):
        r = int(row.get('r')) - 1
        cells = {}
        for c in row:
            t = c.get('t')
            v = c.find('m:v', NS)
            if v is None:
                continue            # a blank, styled cell
            if t == 's':
                val = strings[int(v.text)]
            elif t == 'b':
                val = v.text == '1'
            elif t in (None, 'n'):
                val = float(v.text)
            else:
                bad.append(f'{path}: cell {c.get("r")} of type {t}')
                val = v.text
            cells[col_index(c.get('r'))] = (val, c.get('s'))
        rows[r] = cells
    return root, rows

def expect(cell):
    if cell is None:
        return None
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, (int, float)):
        return float(cell)
    if isinstance(cell, list):
        cell = '; '.join(cell)
    # XML 1.0 holds no C0 control but tab, LF and CR: U+FFFD stands in.
    cell = re.sub('[\x00-\x08\x0b\x0c\x0e-\x1f]', '\ufffd', cell)
    return cell if cell != '' else None

ntables = 0
styles = {}
for name, path in sheets:
    root, rows = read_sheet(path)
    if name == 'Summary':
        continue
    f = os.path.join(d, name + '.json')
    if not os.path.exists(f):
        bad.append(f'sheet {name}: no {name}.json')
        continue
    ntables += 1
    rep = json.load(open(f, encoding='utf-8'))
    cols = rep['columns']
    head = [rows.get(0, {}).get(j, (None,))[0] for j in range(len(cols))]
    if head != [c['title'] for c in cols]:
        bad.append(f'{name}: header {head}')
    if len(rows) - 1 != len(rep['rows']):
        bad.append(f'{name}: {len(rows) - 1} rows, JSON has {len(rep["rows"])}')
    for i, jr in enumerate(rep['rows']):
        got = rows.get(i + 1, {})
        for j, c in enumerate(cols):
            want = expect(jr[c['id']])
            have = got.get(j, (None, None))[0]
            if want != have:
                bad.append(f'{name} row {i + 2} {c["id"]}: {have!r} != {want!r}')
            if c['id'] == 'status' and isinstance(want, str):
                styles.setdefault((name.split('-')[0], want), set()).add(
                    got.get(j, (None, None))[1])
    pane = root.find('.//m:pane', NS)
    if pane is None or pane.get('state') != 'frozen' or pane.get('ySplit') != '1':
        bad.append(f'{name}: header not frozen')
    af = root.find('m:autoFilter', NS)
    if af is None or not af.get('ref', '').startswith('A1:'):
        bad.append(f'{name}: no autofilter')
    if root.find('m:cols', NS) is None:
        bad.append(f'{name}: no column widths')
# Statuses are coloured: each status word has one style, and different
# words different ones.
for rep in set(k[0] for k in styles):
    seen = {}
    for (r, w), st in styles.items():
        if r != rep:
            continue
        if len(st) != 1:
            bad.append(f'{rep} status {w}: styles {st}')
        seen[w] = next(iter(st))
    for a in ('full', 'implemented'):
        for b in ('gap', 'partial', 'planned'):
            if a in seen and b in seen and seen[a] == seen[b]:
                bad.append(f'{rep}: {a} and {b} look the same')
core = z.read('docProps/core.xml').decode()
print(f'{ntables} tables, created', re.search(r'<dcterms:created[^>]*>([^<]*)', core).group(1))
for b in bad[:40]:
    print(b)
sys.exit(1 if bad or ntables == 0 else 0)
PY
	then
		pass "$1: $(tail -n 1 "$tmp/book")"
	else
		fail "$1: the workbook does not match the reports"
		note "$tmp/book"
	fi
}

for ex in examples/eu-bank/eu-bank.isms examples/safetrust/safetrust.isms \
    tests/backends/hostile.isms; do
	n=$(basename "$ex" .isms)
	if "$ISMC" build -w --format=xlsx,json "$ex" -o "$tmp/$n" 2>"$tmp/err"
	then
		check_book "$n" "$tmp/$n"
	else
		fail "$n builds"
		note "$tmp/err"
	fi
done

# The document's date is the spec's, never the clock.
if unzip_core=$(python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("docProps/core.xml").decode())' "$tmp/eu-bank/report.xlsx") &&
    echo "$unzip_core" | grep -q '<dcterms:created xsi:type="dcterms:W3CDTF">2024-11-29T00:00:00Z<'
then
	pass "creation date from the spec"
else
	fail "creation date from the spec"
fi

# Reproducible: another directory, time zone and moment, the same bytes.
sleep 1
if TZ=Asia/Tokyo "$ISMC" build -w --format=xlsx examples/eu-bank/eu-bank.isms \
    -o "$tmp/again" 2>"$tmp/err" &&
    cmp "$tmp/eu-bank/report.xlsx" "$tmp/again/report.xlsx" >"$tmp/cmp" 2>&1
then
	pass "two builds give identical bytes"
else
	fail "two builds differ"
	note "$tmp/cmp" "$tmp/err"
fi
SOURCE_DATE_EPOCH=1700000000 "$ISMC" build -w --format=xlsx \
    examples/eu-bank/eu-bank.isms -o "$tmp/sde" 2>"$tmp/err" || true
if python3 -c 'import sys, zipfile; sys.exit(0 if b"2023-11-14T22:13:20Z" in zipfile.ZipFile(sys.argv[1]).read("docProps/core.xml") else 1)' "$tmp/sde/report.xlsx"
then
	pass "SOURCE_DATE_EPOCH dates the workbook"
else
	fail "SOURCE_DATE_EPOCH does not date the workbook"
fi
finish
