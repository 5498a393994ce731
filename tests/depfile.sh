#!/bin/sh
# -MD/-MF/-MT/-MP: the make dependency file lists every file a build
# read, and make, reading it, rebuilds after an included file or a
# catalog changes and not otherwise.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

command -v make >/dev/null 2>&1 || skip_all "no make"

w="$tmp/work"
mkdir -p "$w/fw/mappings"
cp frameworks/iso27001-2022.yaml frameworks/dora.yaml "$w/fw/"
cp frameworks/mappings/iso27001-2022--dora.yaml "$w/fw/mappings/"
cat >"$w/main.isms" <<'SPEC'
framework iso27001
framework dora
include "part.isms"
SPEC
cat >"$w/part.isms" <<'SPEC'
control A.5.1 { applicable; status implemented; reasons risk }
SPEC
cat >"$w/Makefile" <<'MK'
out: main.isms
	$(ISMC) build -w --format=csv -I fw -MD -MP main.isms -o out
	echo built >>log
-include out.d
MK

# make_in ARGS...: make in the work directory, quietly.
make_in() {
	make -C "$w" ISMC="$ISMC" "$@" >"$tmp/make.out" 2>&1
}
# newer FILE: everything in the work directory goes 100 s into the past,
# then FILE 50 s: later than every output, and never in the future.
newer() {
	now=$(date +%s)
	find "$w" -exec touch -h -d "@$((now - 100))" {} +
	touch -d "@$((now - 50))" "$w/$1"
}
builds() {
	if [ -f "$w/log" ]; then wc -l <"$w/log" | tr -d ' '; else echo 0; fi
}

make_in && pass "first make" || { fail "first make"; note "$tmp/make.out"; }
[ "$(builds)" = 1 ] && pass || fail "first make: $(builds) builds"
grep -q '^  part.isms \\$' "$w/out.d" && pass || fail "depfile lacks the include"
grep -q '^  fw/dora.yaml \\$' "$w/out.d" && pass || fail "depfile lacks a catalog"
grep -q '^  fw/mappings/iso27001-2022--dora.yaml' "$w/out.d" && pass ||
    fail "depfile lacks the mapping set"
grep -q '^part.isms:$' "$w/out.d" && pass || fail "-MP: no phony rule"
make_in && [ "$(builds)" = 1 ] && pass || fail "make rebuilt with nothing changed"
newer part.isms
make_in && [ "$(builds)" = 2 ] && pass || fail "touching an include: no rebuild"
make_in && [ "$(builds)" = 2 ] && pass || fail "rebuilt twice after one touch"
newer fw/dora.yaml
make_in && [ "$(builds)" = 3 ] && pass || fail "touching a catalog: no rebuild"
# An include deleted and its line removed: -MP keeps make going.
printf 'framework iso27001\nframework dora\n' >"$w/main.isms"
rm "$w/part.isms"
newer main.isms
make_in && [ "$(builds)" = 4 ] && pass "deleted include" ||
    { fail "deleted include"; note "$tmp/make.out"; }
grep -q part.isms "$w/out.d" && fail "deleted include still listed" || pass

# -MF and -MT name the file and the target; make's special characters are
# escaped; check can write one too.
mkdir -p "$w/a b"
cp "$w/main.isms" "$w/a b/x\$y#z.isms"
expect_status "check -MD" 0 "$ISMC" check -I "$w/fw" -MF "$tmp/c.d" \
    -MT stamp -MT "other target" "$w/a b/x\$y#z.isms"
head -1 "$tmp/c.d" | grep -qF 'stamp other\ target: \' && pass ||
    fail "-MT targets: $(head -1 "$tmp/c.d")"
grep -qF "$w/a\\ b/x\$\$y\\#z.isms" "$tmp/c.d" && pass ||
    fail "escaping: $(sed -n 2p "$tmp/c.d")"
expect_status "check -MD without -MT" 2 "$ISMC" check -MD "$w/main.isms"
expect_err "check -MD without -MT" "-MD with 'check' needs -MF FILE and -MT TARGET"
# No depfile when the build fails; never over an input.
rm -f "$tmp/c.d"
printf 'bogus\n' >"$tmp/bad.isms"
expect_status "failed check" 1 "$ISMC" check -MF "$tmp/c.d" -MT x "$tmp/bad.isms"
[ -e "$tmp/c.d" ] && fail "depfile written for a failed check" || pass
expect_status "depfile over input" 2 "$ISMC" check -I "$w/fw" \
    -MF "$w/main.isms" -MT x "$w/main.isms"
expect_err "depfile over input" "will not write the dependency file over"
finish
