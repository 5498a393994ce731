#!/bin/sh
# ismc fmt: the canonical layout is a fixed point on every example and
# test spec, never changes the syntax tree (nor the IR of the examples),
# keeps every comment, and --check reports without writing.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

# Every spec in the tree that parses: formatting twice gives what
# formatting once gave, and the syntax tree is the one of the original.
n=0
for f in $(find examples tests -name '*.isms' | sort); do
	"$ISMC" fmt - <"$f" >"$tmp/a.isms" 2>/dev/null || continue
	n=$((n + 1))
	"$ISMC" fmt - <"$tmp/a.isms" >"$tmp/b.isms" 2>"$tmp/err" ||
	    { fail "$f: formatted text does not parse"; note "$tmp/err"; continue; }
	cmp -s "$tmp/a.isms" "$tmp/b.isms" && pass "$f: fixed point" ||
	    { fail "$f: not a fixed point"; diff "$tmp/a.isms" "$tmp/b.isms" | head | note; }
	cp "$f" "$tmp/orig.isms"
	"$ISMC" check --dump-ast "$tmp/orig.isms" 2>/dev/null | sed 1d >"$tmp/ast1" || :
	"$ISMC" check --dump-ast "$tmp/a.isms" 2>/dev/null | sed 1d >"$tmp/ast2" || :
	cmp -s "$tmp/ast1" "$tmp/ast2" && pass "$f: same syntax tree" ||
	    fail "$f: syntax tree changed"
	# Comments survive: the same '#' lines, in order, blanks aside.
	grep -o '#.*' "$f" | sed 's/[[:space:]]*$//' >"$tmp/c1" || :
	grep -o '#.*' "$tmp/a.isms" >"$tmp/c2" || :
	cmp -s "$tmp/c1" "$tmp/c2" && pass "$f: same comments" ||
	    fail "$f: comments changed"
done
[ "$n" -gt 60 ] && pass || fail "only $n specs formatted"

# The examples, formatted in place, compile to the same IR.
for ex in safetrust eu-bank; do
	cp -r "examples/$ex" "$tmp/$ex"
	expect_status "fmt $ex" 0 "$ISMC" fmt "$tmp/$ex"/*.isms
	"$ISMC" check --dump-ir "examples/$ex/$ex.isms" >"$tmp/ir1" 2>/dev/null
	"$ISMC" check --dump-ir "$tmp/$ex/$ex.isms" >"$tmp/ir2" 2>/dev/null
	[ -s "$tmp/ir1" ] && cmp -s "$tmp/ir1" "$tmp/ir2" && pass ||
	    fail "fmt changed the IR of $ex"
	expect_status "fmt --check $ex" 0 "$ISMC" fmt --check "$tmp/$ex"/*.isms
done

# The layout itself.
cat >"$tmp/in.isms" <<'SPEC'
framework iso27001 ; framework dora   # two
# lone comment


scale likelihood {   # the scale
                     # (continued)
  level 1 rare "Rare"
  level 2 almost-certain "Often"
}
risk R-1 "x" { likelihood rare;impact low }
control A.5.1 {

  applicable
  reasons legal,business
  owner   ciso
  controls [A.5.1,A.5.2,
     A.5.3] , A.5.4 ,
}
control dora:1.1 { excluded "a" }
control dora:1.10 { excluded "b" }
SPEC
cat >"$tmp/want.isms" <<'SPEC'
framework iso27001
framework dora  # two
# lone comment

scale likelihood {  # the scale
                    # (continued)
    level 1 rare           "Rare"
    level 2 almost-certain "Often"
}
risk R-1 "x" { likelihood rare; impact low }
control A.5.1 {
    applicable
    reasons  legal, business
    owner    ciso
    controls [A.5.1, A.5.2,
             A.5.3], A.5.4
}
control dora:1.1  { excluded "a" }
control dora:1.10 { excluded "b" }
SPEC
expect_status "fmt stdin" 0 "$ISMC" fmt - <"$tmp/in.isms"
"$ISMC" fmt - <"$tmp/in.isms" >"$tmp/got.isms"
check_eq "canonical layout" "$tmp/want.isms" "$tmp/got.isms"

# --check writes nothing, names the first line that differs; fmt rewrites
# only what changes, keeping the mode.
cp "$tmp/in.isms" "$tmp/c.isms"
chmod 640 "$tmp/c.isms"
expect_status "fmt --check unformatted" 1 "$ISMC" fmt --check \
    --diagnostics=plain "$tmp/c.isms"
expect_err "fmt --check unformatted" "$tmp/c.isms:1:1: error: not in the canonical layout ('ismc fmt $tmp/c.isms' rewrites it)"
cmp -s "$tmp/in.isms" "$tmp/c.isms" && pass || fail "--check changed the file"
expect_status "fmt in place" 0 "$ISMC" fmt "$tmp/c.isms"
cmp -s "$tmp/want.isms" "$tmp/c.isms" && pass || fail "fmt in place"
[ "$(stat -c %a "$tmp/c.isms")" = 640 ] && pass || fail "fmt changed the mode"
touch -d @1000000000 "$tmp/c.isms"
expect_status "fmt formatted" 0 "$ISMC" fmt "$tmp/c.isms"
[ "$(stat -c %Y "$tmp/c.isms")" = 1000000000 ] && pass ||
    fail "fmt rewrote a formatted file"
ln -s c.isms "$tmp/link.isms"
cp "$tmp/in.isms" "$tmp/c.isms"
expect_status "fmt through a link" 0 "$ISMC" fmt "$tmp/link.isms"
[ -L "$tmp/link.isms" ] && cmp -s "$tmp/want.isms" "$tmp/c.isms" && pass ||
    fail "fmt replaced the link instead of the file"
# A file that does not parse is reported and left alone.
printf 'risk R-1 "x" {\n' >"$tmp/broken.isms"
cp "$tmp/broken.isms" "$tmp/broken.orig"
expect_status "fmt syntax error" 1 "$ISMC" fmt "$tmp/broken.isms"
cmp -s "$tmp/broken.isms" "$tmp/broken.orig" && pass ||
    fail "fmt touched a file with errors"
expect_status "fmt missing" 2 "$ISMC" fmt "$tmp/missing.isms"
expect_status "fmt no files" 2 "$ISMC" fmt
finish
