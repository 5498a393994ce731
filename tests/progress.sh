#!/bin/sh
# Progress: --progress names each stage on standard error, one line each
# where it is no terminal, and on a terminal (a pseudo-terminal from
# script(1)) one status line that each stage overwrites and the run
# clears; by default nothing where standard error is no terminal, nor in
# a CI job (CI set), nor beside JSON or SARIF diagnostics; --no-progress
# never. The outputs are the same bytes whatever is said.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

spec=examples/safetrust/safetrust.isms
esc=$(printf '\033')
cr=$(printf '\r')

# Without a terminal, nothing unless asked.
"$ISMC" build -w --format=csv "$spec" -o "$tmp/quiet" 2>"$tmp/err" ||
    { fail "a plain build"; note "$tmp/err"; }
[ ! -s "$tmp/err" ] && pass "no terminal: no stages" ||
    { fail "no terminal, yet stderr says"; note "$tmp/err"; }

"$ISMC" build -w --progress --format=csv "$spec" -o "$tmp/loud" \
    2>"$tmp/err" || { fail "a --progress build"; note "$tmp/err"; }
cat >"$tmp/want" <<EOT
ismc: reading 1 spec file
ismc: checking
ismc: analysing the coverage of N frameworks
EOT
# How many frameworks the example relates is the example's business.
nfw='s/coverage of [0-9][0-9]* frameworks/coverage of N frameworks/'
if head -n 3 "$tmp/err" | sed "$nfw" | diff -u "$tmp/want" - >"$tmp/diff"; then
	pass "--progress: the first stages, one line each"
else
	fail "--progress: stages"
	note "$tmp/diff"
fi
# One "writing" stage for each file written, and no other.
sed -n 's/^ismc: writing //p' "$tmp/err" | sort >"$tmp/written"
ls "$tmp/loud" >"$tmp/files"
if [ -s "$tmp/files" ] && diff -u "$tmp/files" "$tmp/written" >"$tmp/diff"
then
	pass "--progress: a stage for each file written"
else
	fail "--progress: stages and files differ"
	note "$tmp/diff"
fi
[ "$(tail -n 1 "$tmp/err")" = "ismc: moving the outputs into $tmp/loud" ] &&
    pass "--progress: the last stage" ||
    fail "--progress: last line '$(tail -n 1 "$tmp/err")'"
grep -v '^ismc: [a-z]' "$tmp/err" >"$tmp/other" && {
	fail "--progress: lines that are no stage"
	note "$tmp/other"
} || pass "--progress: only stages"
diff -r "$tmp/quiet" "$tmp/loud" >"$tmp/diff" &&
    pass "--progress: the outputs are the same bytes" ||
    { fail "--progress changes the outputs"; note "$tmp/diff"; }

"$ISMC" check -w --progress --no-progress "$spec" 2>"$tmp/err"
[ ! -s "$tmp/err" ] && pass "--no-progress after --progress: none" ||
    { fail "--no-progress"; note "$tmp/err"; }
"$ISMC" check -w --progress "$spec" 2>"$tmp/err"
[ "$(sed "$nfw" "$tmp/err" | tr '\n' '|')" = "ismc: reading 1 spec file|ismc: checking|ismc: analysing the coverage of N frameworks|" ] &&
    pass "check --progress" || { fail "check --progress"; note "$tmp/err"; }

# On a terminal. script(1) runs the command on a pseudo-terminal and
# keeps what it wrote in a file.
if ! command -v script >/dev/null 2>&1 ||
    ! script -q -e -c true "$tmp/probe" >/dev/null 2>&1; then
	echo "# no script(1) with a pseudo-terminal: terminal cases skipped"
	finish
fi
# on_tty FILE ARGS...: ismc ARGS on a terminal, what it wrote into FILE.
on_tty() {
	out=$1
	shift
	script -q -e -c "$*" "$out" >/dev/null 2>&1 </dev/null
}

unset CI
on_tty "$tmp/tty1" "'$ISMC' build -w --progress --format=csv '$spec' -o '$tmp/tty-out'" ||
    fail "build on a terminal"
grep -q "${cr}${esc}\\[Kismc: writing risks.csv${cr}${esc}\\[Kismc: " "$tmp/tty1" &&
    pass "terminal: a stage overwrites the one before" ||
    { fail "terminal: no overwritten status line"; note "$tmp/tty1"; }
# The last thing written clears the line (script may add its own end).
tr -d '\n' <"$tmp/tty1" | sed "s/.*ismc: moving the outputs into [^$cr]*//" |
    od -An -c | tr -s ' ' >"$tmp/end"
grep -q '^ \\r 033 \[ K' "$tmp/end" && pass "terminal: the line is cleared" ||
    { fail "terminal: not cleared at the end"; note "$tmp/end"; }
diff -r "$tmp/quiet" "$tmp/tty-out" >"$tmp/diff" &&
    pass "terminal: the outputs are the same bytes" ||
    { fail "terminal: the outputs differ"; note "$tmp/diff"; }

on_tty "$tmp/tty2" "'$ISMC' build -w --no-progress --format=csv '$spec' -o '$tmp/tty2-out'"
grep -q 'ismc: ' "$tmp/tty2" && fail "terminal, --no-progress: stages" ||
    pass "terminal, --no-progress: none"
on_tty "$tmp/tty3" "CI=true '$ISMC' build -w --format=csv '$spec' -o '$tmp/tty3-out'"
grep -q 'ismc: ' "$tmp/tty3" && fail "terminal in CI: stages" ||
    pass "terminal in CI: none"
on_tty "$tmp/tty4" "'$ISMC' build -w --diagnostics-format=sarif --format=csv '$spec' -o '$tmp/tty4-out'"
grep -q 'ismc: ' "$tmp/tty4" && fail "terminal, SARIF on stderr: stages" ||
    pass "terminal, SARIF on stderr: none"
finish
