#!/bin/sh
# report.html: every internal link resolves, all input text is escaped and
# bidi-isolated, no script; in a real headless Chromium the page renders
# (a screenshot) and its DOM has the same links and no injected element.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "no python3"

skip() {
	ntests=$((ntests + 1))
	passed=$((passed + 1))
	echo "ok $ntests # SKIP $*"
}

# check_page NAME FILE [hostile]: links, ids, escaping (Python's own HTML
# parser reads the page; nothing here parses HTML by hand).
check_page() {
	if python3 - "$2" "${3:-}" >"$tmp/page" 2>&1 <<'PY'
import sys
from html.parser import HTMLParser

path, hostile = sys.argv[1], sys.argv[2] == 'hostile'

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.refs, self.bad = {}, [], []
        self.stack, self.text = [], []
    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'img', 'iframe', 'object', 'embed', 'link',
                   'form', 'meta') and not (tag == 'meta' and
                   dict(attrs).keys() <= {'charset', 'name', 'content'}):
            self.bad.append(f'element <{tag}>')
        for k, v in attrs:
            if k.startswith('on'):
                self.bad.append(f'<{tag} {k}=...>')
            if k == 'id':
                if v in self.ids:
                    self.bad.append(f'duplicate id {v}')
                self.ids[v] = tag
            if k in ('href', 'xlink:href'):
                if not v.startswith('#'):
                    self.bad.append(f'external link {v}')
                self.refs.append(v[1:])
        if tag not in ('br', 'meta'):
            self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass
    def handle_data(self, data):
        # Bidi controls from the input sit inside a <bdi>.
        for ch in '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069':
            if ch in data and 'bdi' not in self.stack:
                self.bad.append(f'bidi control U+{ord(ch):04X} outside <bdi>')
        self.text.append(data)

p = Page()
p.feed(open(path, encoding='utf-8').read())
p.close()
missing = sorted(set(r for r in p.refs if r not in p.ids))
for m in missing[:20]:
    p.bad.append(f'link to #{m}: no such id')
text = ''.join(p.text)
if hostile:
    for s in ('<script>alert(1)</script> & Co',
              '<img src=x onerror=alert(1)> "quoted", comma',
              '=HYPERLINK("http://evil.example","x")'):
        if s not in text:
            p.bad.append(f'text {s!r} not shown as written')
for b in p.bad[:30]:
    print(b)
print(f'{len(p.refs)} links, {len(p.ids)} ids')
sys.exit(1 if p.bad or not p.refs else 0)
PY
	then
		pass "$1: $(tail -n 1 "$tmp/page"), all resolve"
	else
		fail "$1: the page is not well linked or not safe"
		note "$tmp/page"
	fi
}

for ex in examples/eu-bank/eu-bank.isms examples/safetrust/safetrust.isms \
    tests/backends/hostile.isms; do
	n=$(basename "$ex" .isms)
	if "$ISMC" build -w --format=html "$ex" -o "$tmp/$n" 2>"$tmp/err"; then
		check_page "$n" "$tmp/$n/report.html" \
		    "$([ "$n" = hostile ] && echo hostile)"
	else
		fail "$n builds"
		note "$tmp/err"
	fi
done

# Each gap links to its requirement, its controls and its mappings.
if python3 - "$tmp/eu-bank/report.html" >"$tmp/gaps" <<'PY'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.row, self.inside = [], None, False
        self.last_h = ''
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'tr':
            self.row = []
        if tag == 'a' and self.row is not None:
            self.row.append(a['href'])
    def handle_endtag(self, tag):
        if tag == 'tr' and self.row is not None:
            self.rows.append(self.row)
            self.row = None
p = P()
p.feed(open(sys.argv[1], encoding='utf-8').read())
ok = [r for r in p.rows if any(h.startswith('#req-dora-') for h in r)
      and any(h.startswith('#soa-') for h in r)
      and any(h.startswith('#trace-dora-') for h in r)]
print(len(ok))
sys.exit(0 if ok else 1)
PY
then
	pass "DORA gaps link requirement, controls and mappings ($(cat "$tmp/gaps") rows)"
else
	fail "no DORA gap row links its requirement, controls and mappings"
fi

# Reproducible.
"$ISMC" build -w --format=html examples/eu-bank/eu-bank.isms -o "$tmp/again" \
    2>/dev/null || true
if cmp -s "$tmp/eu-bank/report.html" "$tmp/again/report.html"; then
	pass "two builds give identical bytes"
else
	fail "two builds differ"
fi

# A real browser. CI installs Debian's chromium (scripts/ismc-dev).
chrome=
for c in chromium chromium-browser; do
	command -v "$c" >/dev/null 2>&1 && { chrome=$c; break; }
done
browse() {
	timeout 120 "$chrome" --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --user-data-dir="$tmp/profile" \
	    "$@" 2>>"$tmp/chrome.err"
}
if [ -z "$chrome" ]; then
	skip "no chromium: screenshot"
	skip "no chromium: links in the DOM"
	skip "no chromium: the hostile page's DOM"
	finish
	exit $?
fi
rm -f "$tmp/shot.png"
browse --window-size=1280,1600 --screenshot="$tmp/shot.png" \
    "file://$tmp/eu-bank/report.html" >/dev/null || true
size=$(wc -c <"$tmp/shot.png" 2>/dev/null || echo 0)
sig=$(head -c 8 "$tmp/shot.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')
if [ "$sig" = 89504e470d0a1a0a ] && [ "$size" -gt 30000 ]; then
	pass "Chromium renders a screenshot ($size bytes)"
else
	fail "Chromium screenshot: $size bytes, signature $sig"
	note "$tmp/chrome.err"
fi
for n in eu-bank hostile; do
	if browse --dump-dom "file://$tmp/$n/report.html" >"$tmp/$n.dom" &&
	    [ -s "$tmp/$n.dom" ]; then
		check_page "$n in Chromium's DOM" "$tmp/$n.dom" \
		    "$([ "$n" = hostile ] && echo hostile)"
	else
		fail "$n: Chromium dumps no DOM"
		note "$tmp/chrome.err"
	fi
done
finish
