#!/bin/sh
# The man pages stay true: they format without warnings; ismc(1) names
# every command and every option the commands' help lists; ismc-spec(5)
# names every item and every attribute of doc/language.md's tables.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

command -v groff >/dev/null 2>&1 || skip_all "no groff"

for page in doc/ismc.1 doc/ismc-spec.5; do
	if groff -man -Tutf8 -ww "$page" 2>"$tmp/warn" >/dev/null &&
	    ! [ -s "$tmp/warn" ]; then pass; else
		fail "$page: $(head -n 3 "$tmp/warn")"
	fi
done
groff -man -Tascii doc/ismc.1 2>/dev/null | col -bx >"$tmp/ismc.txt"
groff -man -Tascii doc/ismc-spec.5 2>/dev/null | col -bx >"$tmp/spec.txt"

for cmd in check build explain diff fmt help; do
	grep -q "^       $cmd\\b\\|ismc $cmd" "$tmp/ismc.txt" && pass ||
	    fail "ismc(1) lacks the command $cmd"
	"$ISMC" "$cmd" --help | sed -n 's/^  \(-[^ ]*\).*/\1/p' |
	    sed 's/,$//; s/\[=.*//; s/=.*//; s/\([a-z]-\)[A-Z][A-Z]*$/\1/' | sort -u >"$tmp/opts"
	while read -r opt; do
		grep -qF -- "$opt" "$tmp/ismc.txt" && pass "ismc(1): $opt" ||
		    fail "ismc(1) lacks $opt of 'ismc $cmd'"
	done <"$tmp/opts"
done

# Items: the first column of the table of top-level items; attributes:
# the first column of every "| attribute |" table of section 5.
sed -n '/^## 5\. Items/,/^## 6\./p' doc/language.md >"$tmp/items.md"
sed -n '/^| item | form/,/^$/p' "$tmp/items.md" |
    sed -n 's/^| `\([a-z_-]*\)` |.*/\1/p' >"$tmp/names"
awk '/^\| attribute \|/ { t = 1; next } /^$/ { t = 0 } t' "$tmp/items.md" |
    grep -o '^| `[^|]*' | grep -o '`[a-z_-]*`' | tr -d '`' >>"$tmp/names"
[ "$(sort -u "$tmp/names" | wc -l)" -gt 50 ] && pass ||
    fail "only $(sort -u "$tmp/names" | wc -l) names read from doc/language.md"
for name in $(sort -u "$tmp/names"); do
	grep -qw -- "$name" "$tmp/spec.txt" && pass "ismc-spec(5): $name" ||
	    fail "ismc-spec(5) lacks '$name' (doc/language.md)"
done
finish
