#!/bin/sh
# Hostile and broken inputs, generated here (never committed): truncation
# at every token boundary, NUL bytes and invalid UTF-8, megabyte lines and
# tokens, deep nesting, a million errors, a 100 MB spec, running out of
# memory, include and YAML abuse; a BOM with CRLF line ends; builds that
# fail on a full disk, a read-only directory or a signal, leaving the
# previous outputs untouched and no temporaries; determinism under another
# locale and time zone and whatever order the spec files come in.
#
# Single hand-written cases live in tests/bad/; this script makes the ones
# that are too big, too many or too machine-dependent to keep as files.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

example=examples/safetrust/safetrust.isms
limit=10	# seconds any one run may take

if ! command -v timeout >/dev/null 2>&1; then
	timeout() { shift; "$@"; }
fi

note() {
	echo "hostile: $*"
}

# run CMD...: runs CMD with no input under the time limit; its status goes
# to $status, its output to $tmp/stdout and $tmp/err.
run() {
	status=0
	timeout "$limit" "$@" >"$tmp/stdout" 2>"$tmp/err" </dev/null ||
	    status=$?
}

# The last run printed a diagnostic with a place: "file:line:col: error:".
located() {
	grep -q '^[^ :][^:]*:[0-9][0-9]*:[0-9][0-9]*: \(fatal \)\{0,1\}error: ' \
	    "$tmp/err"
}

# expect NAME WANT [TEXT]: the last run exited with WANT; a status of 1
# comes with a located error; stderr holds TEXT when it is given.
expect() {
	if [ "$status" -ne "$2" ]; then
		fail "$1: exit status $status, expected $2"
		head -n 5 "$tmp/err"
	elif [ "$2" -eq 1 ] && ! located; then
		fail "$1: no located error"
		head -n 5 "$tmp/err"
	elif [ -n "${3:-}" ] && ! grep -qF -- "$3" "$tmp/err"; then
		fail "$1: stderr lacks '$3'"
		head -n 5 "$tmp/err"
	else
		pass
	fi
}

# check_spec NAME WANT TEXT FILE...: `ismc check` on FILE... .
check_spec() {
	name=$1 want=$2 text=$3
	shift 3
	run "$ISMC" check --diagnostics=plain "$@"
	expect "$name" "$want" "$text"
}

# check_catalog NAME TEXT FILE: `ismc check --catalog FILE` fails, located.
check_catalog() {
	run "$ISMC" check --diagnostics=plain --catalog "$3"
	expect "$1" 1 "$2"
}

# Milliseconds since the epoch (whole seconds where date has no %N).
now_ms() {
	t=$(date +%s%N 2>/dev/null) || t=
	case $t in
	'' | *[!0-9]*) echo $(($(date +%s) * 1000)) ;;
	*) echo $((t / 1000000)) ;;
	esac
}

# Milliseconds of CPU time (user and system) of all the children waited
# for so far: unlike the wall clock, not inflated by a busy machine. The
# builtin must run in this shell, not in a subshell: the result goes to
# $cpu.
cpu_ms() {
	times >"$tmp/times"
	cpu=$(awk 'NR == 2 {
		t = 0
		for (i = 1; i <= 2; i++) {
			split($i, a, "m")
			sub(/s$/, "", a[2])
			t += a[1] * 60 + a[2]
		}
		printf "%d\n", t * 1000
	}' "$tmp/times")
}

# ratio A B: A/B with one decimal.
ratio() {
	echo "$(($1 * 10 / $2 / 10)).$(($1 * 10 / $2 % 10))"
}

# temps DIR: the temporaries of a build into DIR: .ismc-tmp-* files in
# it, and staging siblings .NAME.ismc-new-* beside it (src/outdir.c).
temps() {
	{
		ls -A "$1" | grep '^\.ismc-tmp-' || true
		ls -A "$(dirname "$1")" |
		    grep "^\.$(basename "$1")\.ismc-new-" || true
	} 2>/dev/null
}

# no_temps NAME DIR: no temporary is left in or beside DIR.
no_temps() {
	if [ -n "$(temps "$2")" ]; then
		fail "$1: temporaries left behind: $(temps "$2" | head -n 3)"
	else
		pass
	fi
}

# same_tree NAME A B: A and B hold the same files, byte for byte.
same_tree() {
	if diff -r "$2" "$3" >"$tmp/diff" 2>&1; then
		pass
	else
		fail "$1: $(head -n 3 "$tmp/diff")"
	fi
}

# same_tree_but_inputs NAME A B: as same_tree, but for the files that
# list the inputs (inputs.*) and the documents (report.pdf, .html,
# .xlsx), which list them too.
same_tree_but_inputs() {
	if diff -r -x 'inputs.*' -x 'report.*' "$2" "$3" >"$tmp/diff" 2>&1
	then
		pass
	else
		fail "$1: $(head -n 3 "$tmp/diff")"
	fi
}

# sleep_a_little: a tenth of a second where sleep takes fractions.
sleep_a_little() {
	sleep 0.1 2>/dev/null || sleep 1
}

# ---- truncation at every token boundary --------------------------------
# Every prefix of risks.isms that ends at a token boundary, inside the
# whole example, is either a valid spec (exit 0) or an error at a place
# (exit 1): never a crash, a hang or an unlocated message.

# spec_cuts FILE: offsets of the start of each token (from --dump-tokens)
# and of each end of a run of non-blanks, plus 0 and the size.
spec_cuts() {
	"$ISMC" check --dump-tokens "$1" 2>/dev/null >"$tmp/tokens" || true
	awk -v dump="$tmp/tokens" '
	BEGIN {
		while ((getline l < dump) > 0)
			if (l !~ /^#/) {
				split(l, a, /[: ]/)
				tl[++nt] = a[1]
				tc[nt] = a[2]
			}
		print 0
	}
	{
		start[NR] = off
		n = length($0)
		for (i = 2; i <= n + 1; i++)
			if (substr($0, i - 1, 1) !~ /[ \t\r]/ &&
			    (i > n || substr($0, i, 1) ~ /[ \t\r]/))
				print off + i - 1
		off += n + 1
	}
	END {
		for (k = 1; k <= nt; k++)
			print start[tl[k]] + tc[k] - 1
	}' "$1"
	wc -c <"$1"
}

# yaml_cuts FILE: offsets of the start and end of each quoted scalar, run
# of plain characters and punctuation mark outside comments, and of each
# line end.
yaml_cuts() {
	awk '
	BEGIN { print 0 }
	{
		n = length($0)
		i = 1
		while (i <= n) {
			ch = substr($0, i, 1)
			if (ch == " " || ch == "\t" || ch == "\r") {
				i++
				continue
			}
			if (ch == "#")
				break
			print off + i - 1
			if (ch == "\"" || ch == "'\''") {
				j = index(substr($0, i + 1), ch)
				i = j ? i + j + 1 : n + 1
			} else if (ch ~ /[][{}:,-]/) {
				i++
			} else {
				while (i <= n && substr($0, i, 1) !~ /[][{}:,# \t\r]/)
					i++
			}
			print off + i - 1
		}
		print off + n
		off += n + 1
	}' "$1"
	wc -c <"$1"
}

# truncations NAME FULL-FILE TARGET CUTS CMD...: for each offset in CUTS,
# writes the first bytes of FULL-FILE to TARGET and runs CMD.
truncations() {
	name=$1 full=$2 target=$3 cuts=$4
	shift 4
	sort -n -u "$cuts" | while read -r n; do
		head -c "$n" "$full" >"$target"
		run "$@"
		if [ "$status" -eq 1 ] && ! located; then
			echo "$n: exit status 1 without a located error"
			head -n 3 "$tmp/err"
		elif [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
			echo "$n: exit status $status"
			head -n 3 "$tmp/err"
		fi
		echo "$status" >>"$tmp/statuses"
	done >"$tmp/trunc.log"
	ncut=$(wc -l <"$tmp/statuses")
	nvalid=$(grep -c '^0$' "$tmp/statuses" || true)
	rm -f "$tmp/statuses"
	note "$name: $ncut cuts, $nvalid valid prefixes, $((ncut - nvalid)) rejected"
	if [ -s "$tmp/trunc.log" ]; then
		fail "$name: $(grep -c '^[0-9]*:' "$tmp/trunc.log") bad cuts"
		head -n 20 "$tmp/trunc.log"
	elif [ "$ncut" -lt 100 ]; then
		fail "$name: only $ncut cuts"
	else
		pass
	fi
}

cp -r examples/safetrust "$tmp/cut"
spec_cuts examples/safetrust/risks.isms >"$tmp/cuts"
truncations "truncated risks.isms" examples/safetrust/risks.isms \
    "$tmp/cut/risks.isms" "$tmp/cuts" \
    "$ISMC" check --diagnostics=plain "$tmp/cut/safetrust.isms"
rm -rf "$tmp/cut"

yaml_cuts frameworks/nis2.yaml >"$tmp/cuts"
truncations "truncated nis2.yaml" frameworks/nis2.yaml "$tmp/cut.yaml" \
    "$tmp/cuts" "$ISMC" check --diagnostics=plain --catalog "$tmp/cut.yaml"

# ---- empty files, NUL bytes, invalid UTF-8 ---------------------------------
: >"$tmp/empty.isms"
check_spec "empty spec" 1 "empty.isms:1:1: error: empty spec file" \
    "$tmp/empty.isms"
printf '\n  \t\r\n# nothing here\n/* nor\nhere */\n' >"$tmp/blank.isms"
check_spec "blank spec" 1 "empty spec file" "$tmp/blank.isms"
printf 'include "empty.isms"\nframework iso27001\n' >"$tmp/inc-empty.isms"
check_spec "empty include" 1 "empty.isms:1:1: error: empty spec file" \
    "$tmp/inc-empty.isms"
: >"$tmp/empty.yaml"
check_catalog "empty catalog" "empty.yaml:1:1: error:" "$tmp/empty.yaml"

# bad_bytes NAME TEXT-BEFORE BYTES TEXT-AFTER WANT: a spec with BYTES
# (printf escapes) in the middle gives the error WANT.
bad_bytes() {
	printf "%s$3%s\n" "$2" "$4" >"$tmp/bytes.isms"
	check_spec "$1" 1 "$5" "$tmp/bytes.isms"
}
bad_bytes "NUL at the start" '' '\000' 'framework iso27001' \
    "bytes.isms:1:1: error: stray byte 0x00"
bad_bytes "NUL in an identifier" 'framework iso' '\000' '27001' \
    "bytes.isms:1:14: error: stray byte 0x00"
bad_bytes "NUL in a string" 'role r "Ch' '\000' 'ief"' \
    "bytes.isms:1:11: error: stray byte 0x00"
bad_bytes "NUL in a multi-line string" 'role r """
    A' '\000' '
    """' "bytes.isms:2:6: error: stray byte 0x00"
bad_bytes "NUL in a line comment" 'framework iso27001 # a ' '\000' ' b' \
    "bytes.isms:1:24: error: stray byte 0x00"
bad_bytes "NUL in a block comment" 'framework iso27001 /*
 ' '\000' ' */' "bytes.isms:2:2: error: stray byte 0x00"
bad_bytes "NUL at the end" 'framework iso27001
' '\000' '' "bytes.isms:2:1: error: stray byte 0x00"
bad_bytes "lone continuation byte" 'framework ' '\200' 'iso27001' \
    "bytes.isms:1:11: error: stray byte 0x80"
bad_bytes "overlong encoding" 'role r "' '\300\257' '"' \
    "bytes.isms:1:9: error: invalid UTF-8 sequence"
bad_bytes "UTF-16 surrogate" 'role r "a' '\355\240\200' '"' \
    "bytes.isms:1:10: error: invalid UTF-8 sequence"
bad_bytes "beyond U+10FFFF" 'role r "' '\364\220\200\200' '"' \
    "bytes.isms:1:9: error: invalid UTF-8 sequence"
bad_bytes "truncated sequence in a string" 'role r "ab' '\342\202' '"' \
    "bytes.isms:1:11: error: invalid UTF-8 sequence"
bad_bytes "invalid UTF-8 in a comment" 'framework iso27001 # ' '\377\376' '' \
    "bytes.isms:1:22: error: invalid UTF-8 sequence"
bad_bytes "truncated sequence at the end" 'framework iso27001 # caf' \
    '\303' '' "bytes.isms:1:25: error: invalid UTF-8 sequence"
bad_bytes "control bytes" 'framework iso27001 ' '\033[2J' '' \
    "bytes.isms:1:20: error: stray byte 0x1B"

# Names and paths quoted in messages cannot drive the terminal.
printf 'framework iso27001\ninclude "a\\u{1b}[2Jb\\u{7}.isms"\n' \
    >"$tmp/esc.isms"
check_spec "escape sequence in a message" 1 \
    "a<U+001B>[2Jb<U+0007>.isms': No such file or directory" "$tmp/esc.isms"
if tr -d '\n -~' <"$tmp/err" | grep -q .; then
	fail "a control byte reached stderr"
else
	pass
fi

# no_raw_controls NAME: the last run's stderr is printable ASCII: every
# control, C1 control, bidi control and stray byte of the input escaped.
no_raw_controls() {
	if LC_ALL=C tr -d '\n -~' <"$tmp/err" | grep -q .; then
		fail "$1: a raw control or non-ASCII byte reached stderr"
		od -c "$tmp/err" | head -n 5
	else
		pass
	fi
}

# C1 controls (CSI), bidirectional overrides and bytes that are not UTF-8
# are escaped too: in a file name quoted in a message, in JSON and SARIF.
printf 'framework iso27001\ninclude "x\302\233y\342\200\256z\\u{85}.isms"\n' \
    >"$tmp/esc2.isms"
check_spec "C1 and bidi controls in a message" 1 \
    "x<U+009B>y<U+202E>z<U+0085>.isms': No such file" "$tmp/esc2.isms"
no_raw_controls "C1 and bidi controls in a message"
for fmt in json sarif; do
	run "$ISMC" check --diagnostics-format=$fmt "$tmp/esc2.isms"
	if [ "$status" -eq 1 ] &&
	    grep -qF "x<U+009B>y<U+202E>z<U+0085>.isms" "$tmp/err"; then
		pass
	else
		fail "controls in $fmt diagnostics: status $status"
		head -n 5 "$tmp/err"
	fi
	no_raw_controls "controls in $fmt diagnostics"
done

# A quoted source line shows them escaped (a raw C1 CSI, a bidi override,
# an escaped ESC), and the caret stays under the word it points at.
printf 'framework iso27001\nrole r "a\342\200\256\302\233\\u{1b}[2J" x\n' \
    >"$tmp/esc3.isms"
run "$ISMC" check -Wno-undecided-control "$tmp/esc3.isms"
expect "controls in a quoted line" 1 \
    '    2 | role r "a<U+202E><U+009B>\u{1b}[2J" x'
expect "the caret under the escaped line" 1 \
    '      |                                     ^'
no_raw_controls "controls in a quoted line"
# `explain` prints titles and rationales on standard output: a rationale
# holding an escape sequence, a C1 CSI, an OSC 8 hyperlink and a bidi
# override, and a title with a bell, come out escaped.
cat >"$tmp/esc4.isms" <<'EOF'
framework iso27001
framework dora
control A.5.1 { applicable; status implemented; reasons risk }
map A.5.1 superset dora:5.1 {
    strength 5
    rationale "a\u{1b}[2Jb\u{9b}31mc\u{9d}8;;http://x\u{9c}d\u{202e}e\u{7}"
}
EOF
run "$ISMC" explain dora:5.1 "$tmp/esc4.isms"
if [ "$status" -eq 0 ] && grep -qF \
    'rationale: a<U+001B>[2Jb<U+009B>31mc<U+009D>8;;http://x<U+009C>d<U+202E>e<U+0007>' \
    "$tmp/stdout"; then
	pass
else
	fail "explain: controls in a rationale: status $status"
	head -n 12 "$tmp/stdout"
fi
if LC_ALL=C tr -d '\n -~' <"$tmp/stdout" | grep -q .; then
	fail "explain: a raw control or non-ASCII byte reached stdout"
	od -c "$tmp/stdout" | grep -n '033\|302' | head -n 5
else
	pass
fi
# A byte that is not UTF-8 (an 8-bit CSI) in a file name.
run "$ISMC" check "$tmp/$(printf 'n\233o')"
expect "a stray byte in a file name" 2 "n<9B>o"
no_raw_controls "a stray byte in a file name"

printf 'format: ismc-catalog/1\000\ncatalog:\n' >"$tmp/nul.yaml"
check_catalog "NUL in a catalog" "nul.yaml:1:23: error:" "$tmp/nul.yaml"
printf 'format: ismc-catalog/1\ncatalog:\n  id: x\n  title: "caf\351"\n' \
    >"$tmp/latin1.yaml"
check_catalog "Latin-1 in a catalog" "latin1.yaml:4:" "$tmp/latin1.yaml"
printf '# caf\351\nformat: ismc-catalog/1\n' >"$tmp/latin1c.yaml"
check_catalog "Latin-1 in a catalog comment" "latin1c.yaml:1:" \
    "$tmp/latin1c.yaml"

# ---- megabyte lines and tokens ------------------------------------------
# mega N TEXT: TEXT repeated N times, without a newline.
mega() {
	awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

{ echo "framework iso27001"; printf '# '; mega 1000000 'abcde'; echo; } \
    >"$tmp/line.isms"
check_spec "5 MB comment line" 0 "" "$tmp/line.isms"
{ printf 'framework iso27001'; mega 1000000 '     '; echo ' @'; } \
    >"$tmp/line.isms"
check_spec "error at the end of a 5 MB line" 1 \
    "line.isms:1:5000020: error: unexpected character '@'" "$tmp/line.isms"
if [ "$(wc -c <"$tmp/err")" -lt 1000 ]; then pass; else
	fail "a 5 MB line was quoted in a diagnostic"; fi
run "$ISMC" check "$tmp/line.isms"	# fancy diagnostics too
expect "5 MB line, fancy diagnostics" 1 "line.isms:1:5000020:"
{ echo "framework iso27001"; printf 'role '; mega 300000 'abcdefghij';
    echo ' "x"'; } >"$tmp/ident.isms"
check_spec "3 MB identifier" 1 "ident.isms:2:6: error: identifier too long" \
    "$tmp/ident.isms"
{ echo "framework iso27001"; printf 'control iso27001:A'; mega 300000 '.5.1';
    echo ' { applicable }'; } >"$tmp/qref.isms"
check_spec "3 MB qualified reference" 1 \
    "qref.isms:2:9: error: identifier too long" "$tmp/qref.isms"
{ echo "framework iso27001"; printf 'role r "'; mega 300000 'abcdefghij';
    echo '"'; } >"$tmp/string.isms"
check_spec "3 MB string" 1 "string.isms:2:8: error: string too long" \
    "$tmp/string.isms"
{ echo "framework iso27001"; printf 'role r """\n'; mega 30000 \
    'abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghi
'; echo '"""'; } >"$tmp/triple.isms"
check_spec "3 MB multi-line string" 1 \
    "triple.isms:2:8: error: string too long" "$tmp/triple.isms"
{ echo "framework iso27001"; printf 'role r "%s" "' x; mega 300000 \
    'abcdefghij'; echo; } >"$tmp/unterminated.isms"
check_spec "3 MB unterminated string" 1 \
    "unterminated.isms:2:12: error: unterminated string" \
    "$tmp/unterminated.isms"
{ echo "framework iso27001"; printf 'isms "x" { employees '; mega 300000 \
    '1234567890'; echo ' }'; } >"$tmp/number.isms"
check_spec "3 MB number" 1 "number.isms:2:22: error: number out of range" \
    "$tmp/number.isms"
{ echo "framework iso27001"; printf 'isms "x" { employees 1.'; mega 300000 \
    '1234567890'; echo ' }'; } >"$tmp/decimal.isms"
check_spec "3 MB decimal" 1 "" "$tmp/decimal.isms"
{ echo "framework iso27001"; printf 'isms "x" { employees 1'; mega 400 '0';
    echo '.5 }'; } >"$tmp/huge.isms"
check_spec "1e400" 1 "huge.isms:2:22: error: number out of range" \
    "$tmp/huge.isms"
{ printf 'format: ismc-catalog/1\ncatalog:\n  id: x\n  title: "';
    mega 300000 'abcdefghij'; printf '"\n  levels: [control]\nnodes: []\n'; } \
    >"$tmp/long.yaml"
check_catalog "3 MB YAML scalar" "long.yaml:4:10: error: YAML scalar is too long" \
    "$tmp/long.yaml"
rm -f "$tmp"/*.isms "$tmp"/*.yaml

# ---- nesting thousands deep ---------------------------------------------
{ printf 'risk R-1 "x" '; mega 5000 'a {'; echo; } >"$tmp/braces.isms"
check_spec "5000 nested braces" 1 "error: nesting too deep (limit 100)" \
    "$tmp/braces.isms"
{ printf 'risk R-1 "x" { threat '; mega 5000 '['; echo; } >"$tmp/brackets.isms"
check_spec "5000 nested brackets" 1 "error: nesting too deep (limit 100)" \
    "$tmp/brackets.isms"
{ mega 5000 '{'; mega 5000 '}'; echo; } >"$tmp/bare.isms"
check_spec "5000 bare braces" 1 \
    "bare.isms:1:101: error: nesting too deep (limit 100)" "$tmp/bare.isms"
{ mega 5000 '}'; echo; } >"$tmp/closers.isms"
check_spec "5000 closing braces" 1 "closers.isms:1:1: error:" "$tmp/closers.isms"
{ printf 'format: ismc-catalog/1\ncatalog: '; mega 5000 '['; mega 5000 ']';
    echo; } >"$tmp/flow.yaml"
check_catalog "5000 nested YAML flow sequences" \
    "YAML nesting deeper than 64 levels" "$tmp/flow.yaml"
awk 'BEGIN { print "format: ismc-catalog/1"; s = ""
    for (i = 0; i < 3000; i++) { printf "%sk%d:\n", s, i; s = s " " } }' \
    >"$tmp/block.yaml"
check_catalog "3000 nested YAML mappings" "YAML nesting deeper than 64 levels" \
    "$tmp/block.yaml"
rm -f "$tmp"/*.isms "$tmp"/*.yaml

# ---- includes --------------------------------------------------------------
# A chain deeper than the limit, a FIFO that would block, a device that
# never ends, an unreadable file, a directory, a long name.
awk -v dir="$tmp" 'BEGIN { for (i = 1; i <= 70; i++) {
    f = dir "/chain" i ".isms"
    if (i < 70) printf "include \"chain%d.isms\"\n", i + 1 > f
    else print "framework iso27001" > f; close(f) } }'
check_spec "include chain of 70" 1 \
    "chain64.isms:1:9: error: includes nested too deeply (limit 64)" \
    "$tmp/chain1.isms"
rm -f "$tmp"/chain*.isms
printf 'framework iso27001\ninclude "fifo"\n' >"$tmp/fifo.isms"
if mkfifo "$tmp/fifo" 2>/dev/null; then
	check_spec "include of a FIFO" 1 \
	    "fifo.isms:2:9: error: cannot read '$tmp/fifo': not a regular file" \
	    "$tmp/fifo.isms"
else
	note "no mkfifo: FIFO include not tested"
fi
printf 'framework iso27001\ninclude "/dev/zero"\n' >"$tmp/zero.isms"
check_spec "include of /dev/zero" 1 "not a regular file" "$tmp/zero.isms"
printf 'framework iso27001\ninclude "."\n' >"$tmp/dot.isms"
check_spec "include of a directory" 1 "Is a directory" "$tmp/dot.isms"
printf 'framework iso27001\ninclude "%s.isms"\n' "$(mega 300 'long-name-')" \
    >"$tmp/long.isms"
check_spec "include of a 3000-byte name" 1 "long.isms:2:9: error: cannot read" \
    "$tmp/long.isms"
printf 'framework iso27001\n' >"$tmp/secret.isms"
chmod 000 "$tmp/secret.isms"
printf 'include "secret.isms"\n' >"$tmp/unreadable.isms"
if cat "$tmp/secret.isms" >/dev/null 2>&1; then
	note "running as root: permissions do not bite, unreadable include not tested"
else
	check_spec "include of an unreadable file" 1 \
	    "unreadable.isms:1:9: error: cannot read '$tmp/secret.isms': Permission denied" \
	    "$tmp/unreadable.isms"
fi
chmod 644 "$tmp/secret.isms"
printf 'include "b.isms"\n' >"$tmp/a.isms"
printf 'framework iso27001\ninclude "c.isms"\n' >"$tmp/b.isms"
printf 'include "a.isms"\n' >"$tmp/c.isms"
check_spec "include cycle of three" 1 \
    "c.isms:1:9: error: include cycle: '$tmp/a.isms' is already being included" \
    "$tmp/a.isms"
rm -f "$tmp"/*.isms

# ---- YAML: aliases, keys, types, kinds, hierarchy --------------------------
cat_head='format: ismc-catalog/1
catalog:
  id: hostile
  title: Hostile
  levels: [group, control]
nodes:'
{ echo "$cat_head"; awk 'BEGIN { print "  - id: &a0 A"
    for (i = 1; i <= 9; i++) printf "    x%d: &a%d [*a%d, *a%d, *a%d, *a%d]\n",
    i, i, i - 1, i - 1, i - 1, i - 1 }'; } >"$tmp/laughs.yaml"
check_catalog "alias bomb" "laughs.yaml:7:9: error: YAML anchors are not supported" \
    "$tmp/laughs.yaml"
{ echo "$cat_head"; echo "  - {id: A, title: a, level: group, id: B}"; } \
    >"$tmp/dupkey.yaml"
check_catalog "duplicate key in a flow mapping" \
    "dupkey.yaml:7:37: error: duplicate key 'id'" "$tmp/dupkey.yaml"
{ echo "$cat_head"; echo "  - {id: [A], title: {t: a}, level: 5}"; } \
    >"$tmp/types.yaml"
check_catalog "wrong types" "types.yaml:7:" "$tmp/types.yaml"
{ echo "$cat_head"; printf '  - id: A\n\ttitle: a\n'; } >"$tmp/tab.yaml"
check_catalog "tab indentation" "tab.yaml:8:" "$tmp/tab.yaml"
{ echo "$cat_head"; echo "  - {id: A, title: a, level: group, parent: A}"; } \
    >"$tmp/self.yaml"
check_catalog "node that is its own parent" \
    "self.yaml:7:45: error: 'A' cannot be its own parent" "$tmp/self.yaml"
{ echo "$cat_head"; echo "  - {id: A, title: a, level: group, parent: B}"
    echo "  - {id: B, title: b, level: group, parent: A}"; } >"$tmp/cycle.yaml"
check_catalog "hierarchy cycle" "cycle.yaml:7:45: error: parent 'B' of 'A'" \
    "$tmp/cycle.yaml"
{ echo "$cat_head"; echo "  - {id: A, title: a, level: control, parent: Z}"; } \
    >"$tmp/dangling.yaml"
check_catalog "dangling parent" "dangling.yaml:7:" "$tmp/dangling.yaml"
printf -- '- a\n- b\n' >"$tmp/list.yaml"
check_catalog "a list, not a catalog" "list.yaml:1:1: error: not an ismc catalog" \
    "$tmp/list.yaml"
printf 'just words\n' >"$tmp/words.yaml"
check_catalog "a scalar, not a catalog" "words.yaml:1:1: error: not an ismc catalog" \
    "$tmp/words.yaml"
check_catalog "a mapping set given as a catalog" "error: unsupported format" \
    frameworks/mappings/iso27001-2022--nis2.yaml
check_catalog "a spec given as a catalog" "safetrust.isms:" "$example"
{ echo "$cat_head"; echo "  - {id: A, title: a, level: group}"; echo "---"
    echo "foo: 1"; } >"$tmp/two.yaml"
check_catalog "two documents" "two.yaml:8:1: error: more than one YAML document" \
    "$tmp/two.yaml"
rm -f "$tmp"/*.yaml

# Mapping rows that name unknown requirements, in a spec and in a set;
# numbers that overflow; dates that do not exist.
cp -r examples/safetrust "$tmp/st"
printf 'map A.5.24 superset dora:99.9 {\n    strength 8\n    rationale "x"\n}\n' \
    >>"$tmp/st/crosswalk.isms"
check_spec "map row to an unknown requirement" 1 \
    "crosswalk.isms:21:21: error: unknown" "$tmp/st/safetrust.isms"
cp examples/safetrust/crosswalk.isms "$tmp/st/crosswalk.isms"
printf 'map A.99.1 superset dora:17.1 {\n    strength 8\n    rationale "x"\n}\n' \
    >>"$tmp/st/crosswalk.isms"
check_spec "map row from an unknown control" 1 \
    "crosswalk.isms:21:5: error: unknown control 'A.99.1'" \
    "$tmp/st/safetrust.isms"
sed 's/strength  8/strength  99999999999999999999/' \
    examples/safetrust/crosswalk.isms >"$tmp/st/crosswalk.isms"
check_spec "strength that overflows" 1 \
    "crosswalk.isms:12:15: error: number out of range" "$tmp/st/safetrust.isms"
sed 's/strength  8/strength  4294967297/' \
    examples/safetrust/crosswalk.isms >"$tmp/st/crosswalk.isms"
check_spec "strength that wraps 32 bits" 1 \
    "crosswalk.isms:12:15: error: 'strength' must be between 1 and 10" \
    "$tmp/st/safetrust.isms"
cp examples/safetrust/crosswalk.isms "$tmp/st/crosswalk.isms"
mkdir -p "$tmp/fw/mappings"
cp frameworks/*.yaml "$tmp/fw/"
cp frameworks/mappings/*.yaml "$tmp/fw/mappings/"
awk '/^rows:/ && !done { print; print "  - {source: A.99.4, rel: intersects, target: \"99.9\", strength: 4, rationale: \"x\"}"; done = 1; next } { print }' \
    frameworks/mappings/iso27001-2022--dora.yaml \
    >"$tmp/fw/mappings/iso27001-2022--dora.yaml"
ISMC_PATH="$tmp/fw" run "$ISMC" check --diagnostics=plain "$tmp/st/safetrust.isms"
expect "mapping set rows naming unknown requirements" 1 \
    "error: unknown requirement 'A.99.4' of iso27001-2022"
grep -qF "error: unknown requirement '99.9' of dora" "$tmp/err" && pass ||
    fail "unknown target requirement not reported"
sed 's/strength: 4,/strength: 99999999999999999999,/' \
    frameworks/mappings/iso27001-2022--dora.yaml \
    >"$tmp/fw/mappings/iso27001-2022--dora.yaml"
ISMC_PATH="$tmp/fw" run "$ISMC" check --diagnostics=plain "$tmp/st/safetrust.isms"
expect "mapping set strength that overflows" 1 "'strength'"
rm -rf "$tmp/fw"
for date in 2026-02-29 2100-02-29 2026-04-31 2026-06-31 2026-13-01 \
    2026-00-10 2026-01-00 2026-01-32 9999-99-99; do
	printf 'framework iso27001\nisms "x" { date %s }\n' "$date" \
	    >"$tmp/date.isms"
	check_spec "date $date" 1 "date.isms:2:17: error: invalid date '$date'" \
	    "$tmp/date.isms"
done
printf 'framework iso27001\nisms "x" { date 2024-02-29 }\n' >"$tmp/date.isms"
check_spec "29 February of a leap year" 0 "" "$tmp/date.isms"
for n in 9223372036854775808 99999999999999999999999999; do
	printf 'framework iso27001\nisms "x" { employees %s }\n' "$n" \
	    >"$tmp/n.isms"
	check_spec "number $n" 1 "n.isms:2:22: error: number out of range" \
	    "$tmp/n.isms"
done
printf 'framework iso27001\nscoring { band low 1..99999999999999999999 }\n' \
    >"$tmp/n.isms"
check_spec "range that overflows" 1 "n.isms:2:20: error: number out of range" \
    "$tmp/n.isms"
printf 'framework iso27001\nscale likelihood { level 4294967297 x }\n' \
    >"$tmp/n.isms"
check_spec "level that wraps 32 bits" 1 "n.isms:2:26: error:" "$tmp/n.isms"

# ---- every file ismc reads goes through one guarded open -------------------
# FIFOs, devices and /proc files as mapping files, as entries of a catalog
# directory, as texts files and as catalogs: refused before a byte is read,
# in well under the time limit, each with a message (located where a spec
# names the file; I/O errors with status 2 where the command line does).
mkdir -p "$tmp/gd/fw/mappings"
have_fifo=0
mkfifo "$tmp/gd/fifo.yaml" 2>/dev/null && have_fifo=1
[ "$have_fifo" = 1 ] || note "no mkfifo: FIFO cases not tested"
printf 'framework iso27001\nframework dora\nmappings "%s"\n' \
    "$tmp/gd/fifo.yaml" >"$tmp/gd/m-fifo.isms"
printf 'framework iso27001\nframework dora\nmappings "/dev/zero"\n' \
    >"$tmp/gd/m-zero.isms"
printf 'framework iso27001\nframework dora\nmappings "/proc/self/environ"\n' \
    >"$tmp/gd/m-proc.isms"
printf 'framework iso27001\ninclude "/proc/self/environ"\n' \
    >"$tmp/gd/i-proc.isms"
if [ "$have_fifo" = 1 ]; then
	check_spec "mapping file that is a FIFO" 1 \
	    "m-fifo.isms:3:10: error: cannot read mapping set '$tmp/gd/fifo.yaml': not a regular file" \
	    "$tmp/gd/m-fifo.isms"
fi
check_spec "mapping file /dev/zero" 1 \
    "m-zero.isms:3:10: error: cannot read mapping set '/dev/zero': not a regular file" \
    "$tmp/gd/m-zero.isms"
if [ -r /proc/self/environ ]; then
	check_spec "mapping file in /proc" 1 \
	    "m-proc.isms:3:10: error: cannot read mapping set '/proc/self/environ': not a regular file (a kernel pseudo-file" \
	    "$tmp/gd/m-proc.isms"
	check_spec "include of a /proc file" 1 \
	    "i-proc.isms:2:9: error: cannot read '/proc/self/environ': not a regular file (a kernel pseudo-file" \
	    "$tmp/gd/i-proc.isms"
	grep -q 'PATH=' "$tmp/err" && fail "the environment reached stderr" ||
	    pass
else
	note "no /proc: pseudo-file cases not tested"
fi
# Entries of a catalog directory: a FIFO named like a catalog, /dev/zero
# and a /proc file linked in as a mapping set.
printf 'framework iso27001\nframework dora\n' >"$tmp/gd/two.isms"
if [ "$have_fifo" = 1 ]; then
	mkfifo "$tmp/gd/fw/dora.yaml"
	run "$ISMC" check --diagnostics=plain -I "$tmp/gd/fw" "$tmp/gd/two.isms"
	expect "catalog directory entry that is a FIFO" 1 \
	    "two.isms:1:11: error: cannot read '$tmp/gd/fw/dora.yaml' (in the catalog search path): not a regular file"
	rm -f "$tmp/gd/fw/dora.yaml"
fi
ln -s /dev/zero "$tmp/gd/fw/mappings/zero.yaml"
run "$ISMC" check --diagnostics=plain -I "$tmp/gd/fw" "$tmp/gd/two.isms"
expect "catalog directory entry linked to /dev/zero" 1 \
    "two.isms:1:11: error: cannot read '$tmp/gd/fw/mappings/zero.yaml' (in the catalog search path): not a regular file"
rm -f "$tmp/gd/fw/mappings/zero.yaml"
if [ -r /proc/self/status ]; then
	ln -s /proc/self/status "$tmp/gd/fw/status.yaml"
	run "$ISMC" check --diagnostics=plain -I "$tmp/gd/fw" "$tmp/gd/two.isms"
	expect "catalog directory entry linked to /proc" 1 \
	    "two.isms:1:11: error: cannot read '$tmp/gd/fw/status.yaml' (in the catalog search path): not a regular file (a kernel pseudo-file"
	rm -f "$tmp/gd/fw/status.yaml"
fi
# Named on the command line: --texts and --catalog. I/O errors, status 2.
fifo=
[ "$have_fifo" = 0 ] || fifo=$tmp/gd/fifo.yaml
for f in /dev/zero /proc/self/environ $fifo; do
	[ -e "$f" ] || continue
	run "$ISMC" check --diagnostics=plain --texts "$f" "$example"
	expect "--texts $f" 2 "ismc: error: cannot read '$f': not a regular file"
	run "$ISMC" check --diagnostics=plain --catalog "$f"
	expect "--catalog $f" 2 "ismc: error: cannot read '$f': not a regular file"
done
# A spec named on the command line may still be a pipe.
printf 'framework iso27001\ncontrol A.5.1 { excluded "x" }\n' |
    "$ISMC" check --diagnostics=plain /dev/stdin >"$tmp/stdout" 2>"$tmp/err" &&
    pass || fail "a spec on standard input: $(head -n 2 "$tmp/err")"
rm -rf "$tmp/gd"

# ---- nothing substituted silently -----------------------------------------
# A five-control "Annex A" or an all-superset crosswalk in a catalog
# directory, a spec's own copy of a shipped set, two files with one id, a
# set from a catalog onto itself, a foreign file under a shipped name.
mkdir -p "$tmp/sub/fw/mappings" "$tmp/sub/copy/mappings" "$tmp/sub/spec"
cat >"$tmp/sub/fw/iso27001-2022.yaml" <<'EOF'
format: ismc-catalog/1
catalog:
  id: iso27001-2022
  aliases: [iso27001]
  title: "Annex A, abridged"
  kind: controls
  levels: [control]
nodes:
  - {id: A.5.1, title: a, level: control}
  - {id: A.5.2, title: b, level: control}
  - {id: A.5.3, title: c, level: control}
  - {id: A.5.4, title: d, level: control}
  - {id: A.5.5, title: e, level: control}
EOF
printf 'framework iso27001\ncontrol A.5.1 { excluded "x" }\n' \
    >"$tmp/sub/spec/a.isms"
run "$ISMC" check --diagnostics=plain -I "$tmp/sub/fw" "$tmp/sub/spec/a.isms"
expect "five-control Annex A in -I" 0 \
    "a.isms:1:11: warning: catalog 'iso27001-2022' from '$tmp/sub/fw/iso27001-2022.yaml' replaces the shipped one in"
grep -qF "iso27001-2022.yaml:3:7: note: the catalog used is declared here" \
    "$tmp/err" && pass || fail "five-control Annex A: no note at its id"
run "$ISMC" check --diagnostics=plain -Werror -I "$tmp/sub/fw" \
    "$tmp/sub/spec/a.isms"
expect "five-control Annex A under -Werror" 1 "replaces the shipped one"
rm "$tmp/sub/fw/iso27001-2022.yaml"
sed -e 's/rel: equal,/rel: superset,/' -e 's/rel: subset,/rel: superset,/' \
    -e 's/rel: intersects,/rel: superset,/' \
    frameworks/mappings/iso27001-2022--dora.yaml \
    >"$tmp/sub/fw/mappings/iso27001-2022--dora.yaml"
run "$ISMC" check --diagnostics=plain -I "$tmp/sub/fw" "$example"
# (the line of the set's id: after the file's header comment)
idline=$(grep -n '^  id: ' frameworks/mappings/iso27001-2022--dora.yaml | cut -d: -f1)
expect "all-superset DORA crosswalk in -I" 0 \
    "iso27001-2022--dora.yaml:$idline:7: warning: mapping set 'iso27001-2022--dora' from '$tmp/sub/fw/mappings/iso27001-2022--dora.yaml' replaces the shipped one in"
# A copy of the shipped files is no substitution: nothing said.
cp frameworks/*.yaml "$tmp/sub/copy/"
cp frameworks/mappings/*.yaml "$tmp/sub/copy/mappings/"
run "$ISMC" check --diagnostics=plain -I "$tmp/sub/copy" "$example"
expect "-I on a copy of frameworks/" 0
[ -s "$tmp/err" ] && fail "-I on a copy: $(head -n 2 "$tmp/err")" || pass
# The spec's own mapping file with a shipped id: used, and said.
cp -r examples/safetrust "$tmp/sub/st"
cp "$tmp/sub/fw/mappings/iso27001-2022--dora.yaml" "$tmp/sub/st/dora-own.yaml"
printf 'mappings "dora-own.yaml"\n' >>"$tmp/sub/st/safetrust.isms"
run "$ISMC" check --diagnostics=plain "$tmp/sub/st/safetrust.isms"
expect "spec's own set with a shipped id" 0 \
    "safetrust.isms:$(wc -l <"$tmp/sub/st/safetrust.isms"):10: warning: mapping set 'iso27001-2022--dora' from '$tmp/sub/st/dora-own.yaml' replaces the shipped one in"
run "$ISMC" build --format json "$tmp/sub/st/safetrust.isms" -o "$tmp/sub/out-own"
run "$ISMC" build --format json "$example" -o "$tmp/sub/out-shipped"
cmp -s "$tmp/sub/out-own/gap-dora.json" "$tmp/sub/out-shipped/gap-dora.json" &&
    fail "spec's own set with a shipped id: dropped" || pass
cp frameworks/mappings/iso27001-2022--dora.yaml "$tmp/sub/st/dora-own.yaml"
run "$ISMC" check --diagnostics=plain "$tmp/sub/st/safetrust.isms"
expect "spec's own copy of a shipped set" 0
[ -s "$tmp/err" ] && fail "own copy of a shipped set: $(head -n 2 "$tmp/err")" ||
    pass
# Two files of one directory with one id.
rm -f "$tmp/sub/fw/mappings/"*
cp frameworks/nis2.yaml "$tmp/sub/fw/nis2-a.yaml"
cp frameworks/nis2.yaml "$tmp/sub/fw/nis2-b.yaml"
printf 'framework nis2\n' >"$tmp/sub/spec/n.isms"
run "$ISMC" check --diagnostics=plain -I "$tmp/sub/fw" "$tmp/sub/spec/n.isms"
expect "two catalogs with one id in a directory" 1 \
    "nis2-b.yaml:21:7: error: catalog id 'nis2' is declared twice in '$tmp/sub/fw'"
rm -f "$tmp/sub/fw/"*.yaml
cp frameworks/mappings/iso27001-2022--nis2.yaml "$tmp/sub/fw/mappings/a.yaml"
cp frameworks/mappings/iso27001-2022--nis2.yaml "$tmp/sub/fw/mappings/b.yaml"
printf 'framework iso27001\nframework nis2\n' >"$tmp/sub/spec/n.isms"
run "$ISMC" check --diagnostics=plain -I "$tmp/sub/fw" "$tmp/sub/spec/n.isms"
# the line of the set's header keys follows the file's comment block
idline=$(grep -n '^  id: ' frameworks/mappings/iso27001-2022--nis2.yaml | cut -d: -f1)
expect "two mapping sets with one id in a directory" 1 \
    "b.yaml:$idline:7: error: mapping set id 'iso27001-2022--nis2' is declared twice in '$tmp/sub/fw'"
rm -f "$tmp/sub/fw/mappings/"*
run "$ISMC" check --diagnostics=plain --catalog frameworks/nis2.yaml \
    --catalog "$tmp/sub/copy/nis2.yaml"
expect "two --catalog files with one id" 1 \
    "nis2.yaml:21:7: error: catalog id 'nis2' is already taken by 'frameworks/nis2.yaml'"
# A set from a catalog onto itself, like the same `map` row.
sed -e 's/^  target: nis2$/  target: iso27001-2022/' \
    frameworks/mappings/iso27001-2022--nis2.yaml >"$tmp/sub/spec/self.yaml"
printf 'framework iso27001\nframework nis2\nmappings "self.yaml"\n' \
    >"$tmp/sub/spec/self.isms"
run "$ISMC" check --diagnostics=plain "$tmp/sub/spec/self.isms"
tgtline=$(grep -n '^  target: ' frameworks/mappings/iso27001-2022--nis2.yaml | cut -d: -f1)
expect "mapping set from a catalog onto itself" 1 \
    "self.yaml:$tgtline:11: error: a mapping set relates two catalogs; this one maps iso27001-2022 onto itself"
# A file under a shipped name that holds no catalog: said, passed over.
printf 'urn: urn:intuitem:risk:library:dora\nref_id: DORA\nobjects:\n  reference_controls: []\n' \
    >"$tmp/sub/fw/dora.yaml"
printf 'framework iso27001\nframework dora\n' >"$tmp/sub/spec/d.isms"
run "$ISMC" check --diagnostics=plain -I "$tmp/sub/fw" "$tmp/sub/spec/d.isms"
expect "no catalog under a shipped name" 0 \
    "d.isms:2:11: warning: '$tmp/sub/fw/dora.yaml' holds no catalog (CISO Assistant library); the search for 'dora' goes on"
[ "$(grep -c ': error: ' "$tmp/err")" -eq 0 ] && pass ||
    fail "no catalog under a shipped name: errors"
# CISO Assistant's own DORA library in a -I folder answers to 'dora' and
# is found first: used, and said.
ref=${ISMC_REFERENCE:-$ISMC_SRCDIR/../shared/reference}
if [ -f "$ref/ciso-assistant/raw/dora.yaml" ]; then
	cp "$ref/ciso-assistant/raw/dora.yaml" "$tmp/sub/fw/dora.yaml"
	run "$ISMC" check --diagnostics=plain -I "$tmp/sub/fw" \
	    "$tmp/sub/spec/d.isms"
	expect "CISO Assistant DORA under the shipped name" 0 \
	    "d.isms:2:11: warning: catalog 'dora' from '$tmp/sub/fw/dora.yaml' replaces the shipped one in"
	# The shipped ISO-DORA set names our DORA's ids: not applied to
	# the replacement, and said.
	grep -q "warning: the shipped mapping set 'iso27001-2022--dora' is not applied: it names the ids of the shipped 'dora', which '$tmp/sub/fw/dora.yaml' replaces \[-Wshadowed-catalog\]" "$tmp/err" &&
	    pass "shipped set left out for a replaced catalog" ||
	    fail "shipped set left out for a replaced catalog"
else
	note "no reference data: CISO Assistant shadowing not tested"
fi
rm -rf "$tmp/sub"

# ---- --sandbox: untrusted specs in CI ---------------------------------------
# Includes, mapping files and the files of catalog directories confined to
# the spec's tree and the search path (links followed, then checked), only
# .isms files included, no line of another file quoted, and the example
# compiling to the same bytes as without.
mkdir -p "$tmp/sb/tree/sub" "$tmp/sb/out" "$tmp/sb/fw"
printf 'framework iso27001\nSECRET-TOKEN\n' >"$tmp/sb/out/secret.isms"
printf 'format: ismc-mapping/1\nmapping: SECRET-TOKEN\nrows: []\n' >"$tmp/sb/out/secret.yaml"
ln -s "$tmp/sb/out/secret.isms" "$tmp/sb/tree/linked.isms"
printf 'SECRET-TOKEN\n' >"$tmp/sb/tree/notes.txt"
# sandboxed NAME TEXT SPEC-TEXT...: a spec in the tree with SPEC-TEXT is
# refused under --sandbox with TEXT, without the secret reaching stderr.
sandboxed() {
	name=$1 text=$2
	shift 2
	printf 'framework iso27001\ncontrol A.5.1 { excluded "x" }\n' \
	    >"$tmp/sb/tree/s.isms"
	printf '%s\n' "$@" >>"$tmp/sb/tree/s.isms"
	run "$ISMC" check --sandbox "$tmp/sb/tree/s.isms"
	expect "--sandbox: $name" 1 "$text"
	grep -q 'SECRET-TOKEN' "$tmp/err" &&
	    fail "--sandbox: $name: the secret reached stderr" || pass
}
sandboxed "include out of the tree" \
    "s.isms:3:9: error: --sandbox: '$tmp/sb/tree/../out/secret.isms' lies outside the specs' directories and the catalog search path" \
    'include "../out/secret.isms"'
sandboxed "absolute include" \
    "s.isms:3:9: error: --sandbox: '$tmp/sb/out/secret.isms' lies outside" \
    "include \"$tmp/sb/out/secret.isms\""
sandboxed "include of a link out of the tree" \
    "s.isms:3:9: error: --sandbox: '$tmp/sb/tree/linked.isms' lies outside" \
    'include "linked.isms"'
sandboxed "include of /proc" "s.isms:3:9: error: --sandbox: '/proc/self/environ' lies outside" \
    'include "/proc/self/environ"'
sandboxed "include of a file that is not a spec" \
    "s.isms:3:9: error: --sandbox: an include must name a .isms file, not '$tmp/sb/tree/notes.txt'" \
    'include "notes.txt"'
sandboxed "mapping file out of the tree" \
    "s.isms:3:10: error: --sandbox: '$tmp/sb/tree/../out/secret.yaml' lies outside" \
    'mappings "../out/secret.yaml"'
# Without --sandbox the same include is read (and quoted).
run "$ISMC" check "$tmp/sb/tree/s.isms"
grep -q 'SECRET-TOKEN' "$tmp/err" && pass ||
    fail "without --sandbox the mapping file is not read"
# A file in the tree that is not a spec is read, but never quoted.
cp "$tmp/sb/out/secret.yaml" "$tmp/sb/tree/broken.yaml"
sandboxed "a broken mapping file is not quoted" "broken.yaml:" \
    'mappings "broken.yaml"'
# A catalog directory entry linked out of the search path.
ln -s "$tmp/sb/out/secret.yaml" "$tmp/sb/fw/x.yaml"
printf 'framework iso27001\ncontrol A.5.1 { excluded "x" }\n' \
    >"$tmp/sb/tree/s.isms"
run "$ISMC" check --sandbox -I "$tmp/sb/fw" "$tmp/sb/tree/s.isms"
expect "--sandbox: catalog directory entry linked out" 1 \
    "s.isms:1:11: error: --sandbox: '$tmp/sb/fw/x.yaml' lies outside"
rm "$tmp/sb/fw/x.yaml"
# The spec itself, linked out of its directory, or a pipe.
ln -s "$tmp/sb/out/secret.isms" "$tmp/sb/tree/main.isms"
run "$ISMC" check --sandbox "$tmp/sb/tree/main.isms"
expect "--sandbox: spec linked out of its directory" 2 \
    "ismc: error: --sandbox: '$tmp/sb/tree/main.isms' lies outside"
printf 'framework iso27001\n' | "$ISMC" check --sandbox /dev/stdin \
    >/dev/null 2>"$tmp/err" && fail "--sandbox: a spec from a pipe was read" ||
    pass
# --sandbox=DIR widens the tree to DIR.
printf 'control A.5.1 { excluded "x" }\n' >"$tmp/sb/tree/common.isms"
printf 'framework iso27001\ninclude "../common.isms"\n' \
    >"$tmp/sb/tree/sub/s.isms"
run "$ISMC" check --sandbox "$tmp/sb/tree/sub/s.isms"
expect "--sandbox: include of the parent" 1 "lies outside"
run "$ISMC" check --sandbox="$tmp/sb/tree" "$tmp/sb/tree/sub/s.isms"
expect "--sandbox=DIR: include of the parent" 0
# The example builds to the same bytes under --sandbox.
run "$ISMC" build --sandbox --format csv,json,md "$example" -o "$tmp/sb/a"
expect "--sandbox: the example" 0
run "$ISMC" build --format csv,json,md "$example" -o "$tmp/sb/b"
same_tree "--sandbox: the example's outputs" "$tmp/sb/a" "$tmp/sb/b"
rm -rf "$tmp/sb"

# ---- check and build agree ---------------------------------------------------
# Whatever build refuses, check reports, located. Noncharacters written
# with JSON or YAML escapes passed every reader and made the PDF fail
# ("input string not valid UTF-8", no place): ismc's own formats refuse
# them where they are (tests/bad/catalogs/noncharacter.yaml), another
# tool's optional texts show them as U+FFFD, and both commands agree.
mkdir -p "$tmp/agree/oscal" "$tmp/agree/own"
sed 's/"title": "\([^"]*\)"/"title": "\1\\uFFFF\\uFDD0"/' \
    tests/import/oscal/Tiny_catalog.json >"$tmp/agree/oscal/Tiny_catalog.json"
printf 'framework iso27001\nframework tiny\n' >"$tmp/agree/tiny.isms"
run "$ISMC" check -w -I "$tmp/agree/oscal" "$tmp/agree/tiny.isms"
expect "noncharacters in an OSCAL title: check" 0
run "$ISMC" build -w -I "$tmp/agree/oscal" "$tmp/agree/tiny.isms" \
    -o "$tmp/agree/out"
expect "noncharacters in an OSCAL title: build" 0
grep -q "$(printf '\357\277\275\357\277\275')" \
    "$tmp/agree/out/soa-tiny.md" && pass ||
    fail "noncharacters in an OSCAL title: no U+FFFD in the reports"
printf 'format: ismc-texts/1\ncatalog: iso27001\ntexts:\n  A.5.1: "a\\uFFFF"\n' \
    >"$tmp/agree/texts.yaml"
printf 'framework iso27001\n' >"$tmp/agree/iso.isms"
run "$ISMC" check -w --texts "$tmp/agree/texts.yaml" "$tmp/agree/iso.isms"
expect "a noncharacter in a texts file: check" 1 \
    "texts.yaml:4:10: error: texts contains the noncharacter U+FFFF"
run "$ISMC" build -w --texts "$tmp/agree/texts.yaml" "$tmp/agree/iso.isms" \
    -o "$tmp/agree/o2"
expect "a noncharacter in a texts file: build" 1 \
    "texts.yaml:4:10: error: texts contains the noncharacter U+FFFF"
rm -rf "$tmp/agree"

# ---- UTF-16 and UTF-32 ------------------------------------------------------
# A file in UTF-16 or UTF-32 (with a byte-order mark, or told by its NUL
# bytes) is refused at 1:1 as a whole, never read as UTF-8 with wrong
# positions: spec, include, catalog, mapping set.
mkdir -p "$tmp/enc"
# to_enc ENCODING IN OUT [BOM-BYTES]: IN converted, with BOM-BYTES first.
to_enc() {
	{ [ -z "${4:-}" ] || printf "$4"; iconv -f UTF-8 -t "$1" "$2"; } >"$3"
}
if command -v iconv >/dev/null 2>&1; then
	printf 'framework iso27001\ncontrol A.5.1 { excluded "x" }\n' \
	    >"$tmp/enc/plain.isms"
	to_enc UTF-16LE "$tmp/enc/plain.isms" "$tmp/enc/le.isms" '\377\376'
	check_spec "UTF-16LE spec with a BOM" 1 \
	    "le.isms:1:1: error: '$tmp/enc/le.isms' is encoded in UTF-16LE; ismc reads UTF-8 only" \
	    "$tmp/enc/le.isms"
	to_enc UTF-16BE "$tmp/enc/plain.isms" "$tmp/enc/be.isms"
	printf 'include "be.isms"\n' >"$tmp/enc/inc.isms"
	check_spec "UTF-16BE include without a BOM" 1 \
	    "be.isms:1:1: error: '$tmp/enc/be.isms' is encoded in UTF-16BE" \
	    "$tmp/enc/inc.isms"
	to_enc UTF-32LE "$tmp/enc/plain.isms" "$tmp/enc/32.isms"
	check_spec "UTF-32LE spec" 1 "32.isms:1:1: error: '$tmp/enc/32.isms' is encoded in UTF-32LE" \
	    "$tmp/enc/32.isms"
	to_enc UTF-16LE frameworks/nis2.yaml "$tmp/enc/nis2.yaml" '\377\376'
	check_catalog "UTF-16LE catalog" \
	    "nis2.yaml:1:1: error: '$tmp/enc/nis2.yaml' is encoded in UTF-16LE" \
	    "$tmp/enc/nis2.yaml"
	to_enc UTF-16BE frameworks/mappings/iso27001-2022--nis2.yaml \
	    "$tmp/enc/m.yaml" '\376\377'
	printf 'framework iso27001\nframework nis2\nmappings "m.yaml"\n' \
	    >"$tmp/enc/m.isms"
	check_spec "UTF-16BE mapping set" 1 \
	    "m.yaml:1:1: error: '$tmp/enc/m.yaml' is encoded in UTF-16BE" \
	    "$tmp/enc/m.isms"
	[ "$(grep -c ': error: ' "$tmp/err")" -eq 1 ] && pass ||
	    fail "UTF-16BE mapping set: more than one error"
	mkdir -p "$tmp/enc/fw"
	to_enc UTF-16LE frameworks/dora.yaml "$tmp/enc/fw/dora.yaml"
	printf 'framework iso27001\nframework dora\n' >"$tmp/enc/d.isms"
	run "$ISMC" check --diagnostics=plain -I "$tmp/enc/fw" "$tmp/enc/d.isms"
	expect "UTF-16LE file in a catalog directory" 1 \
	    "dora.yaml:1:1: error: '$tmp/enc/fw/dora.yaml' is encoded in UTF-16LE"
else
	note "no iconv: encoding cases not tested"
fi
rm -rf "$tmp/enc"

# ---- thousands of includes --------------------------------------------------
# Reading a file, finding it again by identity and declaring what it holds
# cost the same for the 20,000th include as for the first: ten times the
# includes take about ten times as long (CPU time; quadratic bookkeeping
# would take a hundred times).
# includes N DIR: a spec including N files of one role each.
includes() {
	mkdir -p "$2"
	awk -v n="$1" -v d="$2" 'BEGIN {
		m = d "/main.isms"
		print "framework iso27001" > m
		for (i = 0; i < n; i++) {
			printf "include \"f%d.isms\"\n", i > m
			f = d "/f" i ".isms"
			printf "role r%d \"Role %d\"\n", i, i > f
			close(f)
		}
	}'
}
includes 2000 "$tmp/inc2k"
includes 20000 "$tmp/inc20k"
best_of_includes() {
	best=
	for k in 1 2; do
		cpu_ms; c0=$cpu
		run "$ISMC" check --diagnostics=plain "$1/main.isms"
		cpu_ms; c1=$cpu
		[ -n "$best" ] && [ $((c1 - c0)) -ge "$best" ] || best=$((c1 - c0))
	done
	[ "$best" -gt 0 ] || best=1
}
best_of_includes "$tmp/inc2k"
expect "2,000 includes" 0
small=$best
best_of_includes "$tmp/inc20k"
expect "20,000 includes" 0
note "includes: 2,000 in $small ms of CPU, 20,000 in $best ms, ratio $(ratio "$best" "$small")"
[ "$best" -lt $((small * 30)) ] && pass ||
    fail "20,000 includes took $best ms, 2,000 took $small ms"
rm -rf "$tmp/inc2k" "$tmp/inc20k"

# ---- a BOM and CRLF line ends simply work -------------------------------
# Every file of the example and every catalog, converted: the outputs are
# byte for byte those of the plain files.
to_crlf() {
	printf '\357\273\277' >"$2"
	awk '{ printf "%s\r\n", $0 }' "$1" >>"$2"
}
mkdir -p "$tmp/crlf" "$tmp/fw/mappings"
for f in examples/safetrust/*.isms; do
	to_crlf "$f" "$tmp/crlf/$(basename "$f")"
done
for f in frameworks/*.yaml frameworks/mappings/*.yaml; do
	to_crlf "$f" "$tmp/fw/${f#frameworks/}"
done
run "$ISMC" build "$example" -o "$tmp/plain"
expect "plain build" 0
ISMC_PATH="$tmp/fw" run "$ISMC" build "$tmp/crlf/safetrust.isms" \
    -o "$tmp/crlf-out"
expect "BOM and CRLF build" 0
# The converted copies differ from the shipped files, so each one used
# says that it replaces the shipped one (4 catalogs, 4 mapping sets: dora,
# nis2, and the two soc2 sets, intuitem's and ismc's),
# at the right place in the BOM and CRLF file; nothing else is said.
grep ': warning: ' "$tmp/err" | grep -vc 'replaces the shipped one' |
    grep -qx 0 && pass ||
    fail "BOM and CRLF: diagnostics: $(grep -v 'replaces the shipped' "$tmp/err" | head -n 3)"
[ "$(grep -c 'replaces the shipped one' "$tmp/err")" -eq 8 ] && pass ||
    fail "BOM and CRLF: $(grep -c 'replaces the shipped one' "$tmp/err") substitutions said, not 8"
grep -qF "fw/dora.yaml:37:7: note: the catalog used is declared here" \
    "$tmp/err" && pass || fail "BOM and CRLF: place of the catalog id"
grep -qE ': error: ' "$tmp/err" &&
    fail "BOM and CRLF: errors: $(head -n 3 "$tmp/err")" || pass
# The inputs report (and the PDF's appendix) name the converted files and
# their digests: everything else is the same.
same_tree_but_inputs "BOM and CRLF outputs" "$tmp/plain" "$tmp/crlf-out"
rm -rf "$tmp/crlf" "$tmp/crlf-out" "$tmp/fw"

# ---- determinism: locale, time zone, order of the files ----------------
# A locale with a decimal comma, made with localedef when none is
# installed; C.UTF-8 otherwise.
loc=
for l in de_DE.UTF-8 de_DE.utf8 fr_FR.UTF-8 fr_FR.utf8; do
	if locale -a 2>/dev/null | grep -qx "$l"; then loc=$l; break; fi
done
if [ -z "$loc" ] && command -v localedef >/dev/null 2>&1 &&
    mkdir -p "$tmp/locale" && localedef -i de_DE -f UTF-8 "$tmp/locale/de_DE.UTF-8" \
    >/dev/null 2>&1; then
	loc=de_DE.UTF-8
	LOCPATH=$tmp/locale
	export LOCPATH
fi
[ -n "$loc" ] || loc=C.UTF-8
note "determinism under LC_ALL=$loc TZ=Asia/Kathmandu"
for spec in examples/*/*.isms; do
	dir=$(dirname "$spec")
	name=$(basename "$dir")
	[ "$(basename "$spec" .isms)" = "$name" ] || continue
	run "$ISMC" build "$spec" -o "$tmp/det-a"
	expect "$spec: first build" 0
	(cd "$tmp" && LC_ALL=$loc TZ=Asia/Kathmandu LANG=$loc \
	    "$ISMC" build "$ISMC_SRCDIR/$spec" -o "$tmp/det-b" \
	    >/dev/null 2>&1) && pass || fail "$spec: build under $loc failed"
	same_tree "$spec: under $loc and Asia/Kathmandu" "$tmp/det-a" \
	    "$tmp/det-b"
	rm -rf "$tmp/det-a" "$tmp/det-b"
done
unset LOCPATH

# The example without its includes, every file on the command line: the
# order they come in does not matter.
cp -r examples/safetrust "$tmp/split"
sed '/^include "/d' examples/safetrust/safetrust.isms >"$tmp/split/safetrust.isms"
files=$(cd "$tmp/split" && ls -- *.isms)
fwd=$(for f in $files; do printf '%s ' "$tmp/split/$f"; done)
rev=$(for f in $files; do echo "$tmp/split/$f"; done | sort -r | tr '\n' ' ')
# shellcheck disable=SC2086
run "$ISMC" build $fwd -o "$tmp/fwd"
expect "split spec, files in order" 0
# shellcheck disable=SC2086
run "$ISMC" build $rev -o "$tmp/rev"
expect "split spec, files reversed" 0
same_tree "order of the spec files" "$tmp/fwd" "$tmp/rev"
same_tree_but_inputs "split spec against includes" "$tmp/plain" "$tmp/fwd"
rm -rf "$tmp/split" "$tmp/fwd" "$tmp/rev"

# ---- failure-safe outputs ------------------------------------------------
# $tmp/plain holds the example's outputs. Each failed build below must
# leave a copy of them untouched, with no temporaries.

# fresh DIR: DIR holds the example's outputs again.
fresh() {
	rm -rf "$1"
	cp -r "$tmp/plain" "$1"
}

# A file in the way of an output.
fresh "$tmp/od"
rm "$tmp/od/risks.csv"
mkdir "$tmp/od/risks.csv"
cp -r "$tmp/od" "$tmp/before"
run "$ISMC" build "$example" -o "$tmp/od"
expect "directory in the way of an output" 2 "risks.csv': Is a directory"
same_tree "directory in the way: outputs untouched" "$tmp/before" "$tmp/od"
no_temps "directory in the way" "$tmp/od"
rm -rf "$tmp/before"

# An unwritable directory.
fresh "$tmp/od"
chmod 555 "$tmp/od"
if touch "$tmp/od/probe" 2>/dev/null; then
	rm -f "$tmp/od/probe"
	note "running as root: permissions do not bite, read-only directory tested on tmpfs only"
else
	run "$ISMC" build "$example" -o "$tmp/od"
	expect "unwritable directory" 2 "Permission denied"
	same_tree "unwritable directory: outputs untouched" "$tmp/plain" \
	    "$tmp/od"
	no_temps "unwritable directory" "$tmp/od"
fi
chmod 755 "$tmp/od"

# A file size limit (RLIMIT_FSIZE): writes fail with EFBIG, not SIGXFSZ.
fresh "$tmp/od"
run sh -c 'ulimit -f 100 && exec "$@"' sh "$ISMC" build "$example" \
    -o "$tmp/od"
expect "file size limit" 2 "File too large"
same_tree "file size limit: outputs untouched" "$tmp/plain" "$tmp/od"
no_temps "file size limit" "$tmp/od"

# A full disk and a read-only file system, on a small tmpfs: mounted
# directly as root, or in a user namespace where that is allowed.
cat >"$tmp/tmpfs.sh" <<'EOF'
# tmpfs.sh ISMC SPEC TMP: runs in a private mount namespace.
set -u
ismc=$1 spec=$2 tmp=$3
mount -t tmpfs -o size=8m ismc-test "$tmp/mnt" 2>/dev/null || exit 77
trap 'umount "$tmp/mnt" 2>/dev/null' EXIT
"$ismc" build "$spec" -o "$tmp/mnt/out" 2>"$tmp/full-err" || exit 78
cp -r "$tmp/mnt/out" "$tmp/full-before"
dd if=/dev/zero of="$tmp/mnt/filler" bs=65536 2>/dev/null
s=0; "$ismc" build "$spec" -o "$tmp/mnt/out" 2>"$tmp/full-err" || s=$?
echo "$s" >"$tmp/full-status"
cp -r "$tmp/mnt/out" "$tmp/full-after"
ls -A "$tmp/mnt/out" >"$tmp/full-list"
rm -f "$tmp/mnt/filler"
mount -o remount,ro "$tmp/mnt" || exit 79
s=0; "$ismc" build "$spec" -o "$tmp/mnt/out" 2>"$tmp/ro-err" || s=$?
echo "$s" >"$tmp/ro-status"
cp -r "$tmp/mnt/out" "$tmp/ro-after"
exit 0
EOF
mkdir -p "$tmp/mnt"
s=0
if [ "$(id -u)" = 0 ]; then
	sh "$tmp/tmpfs.sh" "$ISMC" "$ISMC_SRCDIR/$example" "$tmp" || s=$?
	[ "$s" -eq 77 ] && command -v unshare >/dev/null 2>&1 && s=0 &&
	    { unshare -m sh "$tmp/tmpfs.sh" "$ISMC" "$ISMC_SRCDIR/$example" \
	    "$tmp" 2>/dev/null || s=$?; }
elif command -v unshare >/dev/null 2>&1; then
	unshare -r -m sh "$tmp/tmpfs.sh" "$ISMC" "$ISMC_SRCDIR/$example" \
	    "$tmp" 2>/dev/null || s=$?
else
	s=77
fi
if [ "$s" -eq 77 ]; then
	note "cannot mount a tmpfs here: full-disk case tested by RLIMIT_FSIZE only"
elif [ "$s" -ne 0 ]; then
	fail "tmpfs set-up failed ($s)"
	head -n 5 "$tmp/full-err" 2>/dev/null
else
	[ "$(cat "$tmp/full-status")" = 2 ] && pass ||
	    fail "full disk: exit status $(cat "$tmp/full-status")"
	grep -q "No space left on device" "$tmp/full-err" && pass ||
	    fail "full disk: $(head -n 2 "$tmp/full-err")"
	same_tree "full disk: outputs untouched" "$tmp/full-before" \
	    "$tmp/full-after"
	grep -q '^\.ismc-tmp-' "$tmp/full-list" &&
	    fail "full disk: temporaries left behind" || pass
	[ "$(cat "$tmp/ro-status")" = 2 ] && pass ||
	    fail "read-only file system: exit status $(cat "$tmp/ro-status")"
	grep -q "Read-only file system" "$tmp/ro-err" && pass ||
	    fail "read-only file system: $(head -n 2 "$tmp/ro-err")"
	same_tree "read-only file system: outputs untouched" \
	    "$tmp/full-before" "$tmp/ro-after"
fi
rm -rf "$tmp/mnt" "$tmp"/full-* "$tmp"/ro-*

# Signals. A spec big enough that rendering takes seconds; the signal
# comes once the first temporary exists. A shell starts background jobs
# with SIGINT ignored (and ismc rightly leaves an ignored signal alone), and
# make may run under nohup, so each build goes through a wrapper that
# restores the signal's default action.
sh bench/gen-spec.sh --risks 2000 --measures 800 >"$tmp/slow.isms"
if env --default-signal=INT true 2>/dev/null; then
	dfl() { echo "env --default-signal=$1"; }
elif command -v perl >/dev/null 2>&1; then
	dfl() { echo "perl -e \$SIG{$1}=q(DEFAULT);exec(@ARGV)or(die)"; }
else
	dfl() { :; }
fi

# wait_for_temps DIR PID: true once DIR holds a temporary, false if PID
# ended first or 30 seconds passed.
wait_for_temps() {
	i=0
	while [ $i -lt 300 ]; do
		[ -n "$(temps "$1")" ] && return 0
		kill -0 "$2" 2>/dev/null || return 1
		sleep_a_little
		i=$((i + 1))
	done
	return 1
}

# interrupt NAME SIGNAL WANT-STATUS [WRAPPER...]: a build into a copy of
# the example's outputs, stopped by SIGNAL.
interrupt() {
	name=$1 sig=$2 want=$3
	shift 3
	fresh "$tmp/od"
	"$@" "$ISMC" build "$tmp/slow.isms" -o "$tmp/od" 2>"$tmp/err" &
	pid=$!
	if ! wait_for_temps "$tmp/od" "$pid"; then
		fail "$name: no temporary appeared"
		kill -KILL "$pid" 2>/dev/null || true
		wait "$pid" || true
		return
	fi
	kill -"$sig" "$pid"
	status=0
	wait "$pid" || status=$?
	if [ "$status" -eq "$want" ]; then pass; else
		fail "$name: exit status $status, expected $want"; fi
}

if [ -n "$(dfl INT)" ]; then
	# shellcheck disable=SC2046
	interrupt "SIGINT" INT 130 $(dfl INT)
	same_tree "SIGINT: outputs untouched" "$tmp/plain" "$tmp/od"
	no_temps "SIGINT" "$tmp/od"
else
	note "no way to undo an ignored SIGINT here: SIGINT not tested"
fi
# shellcheck disable=SC2046
interrupt "SIGTERM" TERM 143 $(dfl TERM)
same_tree "SIGTERM: outputs untouched" "$tmp/plain" "$tmp/od"
no_temps "SIGTERM" "$tmp/od"
# shellcheck disable=SC2046
interrupt "SIGHUP" HUP 129 $(dfl HUP)
same_tree "SIGHUP: outputs untouched" "$tmp/plain" "$tmp/od"
no_temps "SIGHUP" "$tmp/od"
interrupt "SIGKILL" KILL 137
if diff -r -x '.ismc-tmp-*' "$tmp/plain" "$tmp/od" >"$tmp/diff" 2>&1; then
	pass
else
	fail "SIGKILL: outputs changed: $(head -n 3 "$tmp/diff")"
fi
if [ -n "$(temps "$tmp/od")" ]; then pass; else
	fail "SIGKILL: no stale temporary to clean up"; fi
run "$ISMC" build "$example" -o "$tmp/od"
expect "build after SIGKILL" 0
no_temps "build after SIGKILL" "$tmp/od"
same_tree "build after SIGKILL: outputs" "$tmp/plain" "$tmp/od"

# SIGTERM at any moment of a whole build, commit included: the outputs are
# all the old ones or all the new ones, never a mix, and no temporaries.
sed 's/^risk R-001 "[^"]*"/risk R-001 "Phishing, changed"/' \
    examples/safetrust/risks.isms >"$tmp/risks-new.isms"
cp -r examples/safetrust "$tmp/new"
cp "$tmp/risks-new.isms" "$tmp/new/risks.isms"
run "$ISMC" build "$tmp/new/safetrust.isms" -o "$tmp/new-out"
expect "changed example" 0
old=0 new=0 mixed=0
for delay in 0.05 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0 1.2; do
	fresh "$tmp/od"
	# shellcheck disable=SC2046
	$(dfl TERM) "$ISMC" build "$tmp/new/safetrust.isms" -o "$tmp/od" \
	    2>/dev/null &
	pid=$!
	sleep "$delay" 2>/dev/null || sleep 1
	kill -TERM "$pid" 2>/dev/null || true
	status=0
	wait "$pid" || status=$?
	if [ "$status" -ne 0 ] && [ "$status" -ne 143 ]; then
		fail "SIGTERM after ${delay}s: exit status $status"
	elif diff -r "$tmp/plain" "$tmp/od" >/dev/null 2>&1; then
		old=$((old + 1))
	elif diff -r "$tmp/new-out" "$tmp/od" >/dev/null 2>&1; then
		new=$((new + 1))
	else
		mixed=$((mixed + 1))
		fail "SIGTERM after ${delay}s: a mix of old and new outputs"
	fi
	no_temps "SIGTERM after ${delay}s" "$tmp/od"
done
note "SIGTERM during a build: $old left the old outputs, $new the new, $mixed a mix"
rm -rf "$tmp/new" "$tmp/new-out" "$tmp/risks-new.isms"

# Own inputs: no output may replace a file the build read, as compilers
# refuse to overwrite their sources. A spec named like an output, built
# into its own directory, fails before anything is written (status 2).
mkdir -p "$tmp/own"
cp examples/safetrust/*.isms "$tmp/own/"
mv "$tmp/own/risks.isms" "$tmp/own/risks.md"
sed 's/"risks.isms"/"risks.md"/' examples/safetrust/safetrust.isms \
    >"$tmp/own/safetrust.isms"
ls -A "$tmp/own" >"$tmp/own-before"
run sh -c 'cd "$1" && exec "$2" build safetrust.isms -o .' sh \
    "$tmp/own" "$ISMC"
expect "output over an included spec" 2 \
    "refusing to write './risks.md': it is the spec 'risks.md'"
cmp -s "$tmp/own/risks.md" examples/safetrust/risks.isms && pass ||
    fail "output over an included spec: the spec changed"
ls -A "$tmp/own" >"$tmp/own-after"
cmp -s "$tmp/own-before" "$tmp/own-after" && pass ||
    fail "output over an included spec: files written: $(diff "$tmp/own-before" "$tmp/own-after" | head -n 3)"
# The same through another name of the directory.
run "$ISMC" build "$tmp/own/safetrust.isms" -o "$tmp/own/../own"
expect "output over a spec, other path" 2 "an input of this build"
rm -rf "$tmp/own" "$tmp/own-before" "$tmp/own-after"
# A catalog read through -I (JSON, as YAML allows) under the name of a
# report the build writes.
mkdir -p "$tmp/own/cat"
printf 'framework iso27001\nframework mini\n' >"$tmp/own/spec.isms"
printf '%s\n' '{"format": "ismc-catalog/1",' \
    ' "catalog": {"id": "mini", "title": "Mini", "kind": "requirements",' \
    '  "levels": ["req"]},' \
    ' "nodes": [{"id": "R1", "title": "One", "level": "req"}]}' \
    >"$tmp/own/cat/traceability.json"
cp "$tmp/own/cat/traceability.json" "$tmp/own/catalog-before"
run "$ISMC" build -Wno-undecided-control -I "$tmp/own/cat" \
    "$tmp/own/spec.isms" -o "$tmp/own/cat"
expect "output over a catalog" 2 "it is the catalog"
cmp -s "$tmp/own/cat/traceability.json" "$tmp/own/catalog-before" &&
    pass || fail "output over a catalog: the catalog changed"
# A licensed texts file under the name of the SoA it feeds.
printf 'format: ismc-texts/1\ncatalog: iso27001\ntexts:\n  A.5.1: "x"\n' \
    >"$tmp/own/cat/soa-iso27001-2022.csv"
cp "$tmp/own/cat/soa-iso27001-2022.csv" "$tmp/own/texts-before"
run "$ISMC" build -Wno-undecided-control --format=csv \
    --texts "$tmp/own/cat/soa-iso27001-2022.csv" "$tmp/own/spec.isms" \
    -I "$tmp/own/cat" -o "$tmp/own/cat"
expect "output over a texts file" 2 "it is the texts file"
cmp -s "$tmp/own/cat/soa-iso27001-2022.csv" "$tmp/own/texts-before" &&
    pass || fail "output over a texts file: the texts file changed"
# The dependency file is no output: it may replace neither one of them
# (written last, it would have: -MF out/risks.csv) nor land among them.
run "$ISMC" build -Wno-undecided-control --format=csv -I "$tmp/own/cat" \
    "$tmp/own/spec.isms" -o "$tmp/own/out"
expect "outputs before a depfile among them" 0
cp -r "$tmp/own/out" "$tmp/own/out-before"
for mf in "$tmp/own/out/risks.csv" "$tmp/own/out/../out/deps.d"; do
	run "$ISMC" build -Wno-undecided-control --format=csv \
	    -I "$tmp/own/cat" -MF "$mf" "$tmp/own/spec.isms" \
	    -o "$tmp/own/out"
	expect "depfile in the output directory ($mf)" 2 \
	    "will not write the dependency file '$mf' into the output directory"
	same_tree "depfile in the output directory: outputs untouched" \
	    "$tmp/own/out-before" "$tmp/own/out"
done
rm -rf "$tmp/own"

# Concurrent builds into one directory: each waits for the other (a lock
# on the directory), both succeed, no temporary of one is removed by the
# other, and the outputs are one build's, complete.
mkdir -p "$tmp/otherdir"
cp examples/safetrust/*.isms "$tmp/otherdir/"
sed 's/SafeTrust Financial/Othertrust Financial/g' \
    examples/safetrust/safetrust.isms >"$tmp/otherdir/safetrust.isms"
run "$ISMC" build "$tmp/otherdir/safetrust.isms" -o "$tmp/other-out"
expect "second organisation" 0
grep -q Othertrust "$tmp/other-out/risks.md" && pass ||
    fail "second organisation: no Othertrust in risks.md"
rm -rf "$tmp/cc"
round=0
while [ $round -lt 3 ]; do
	"$ISMC" build "$example" -o "$tmp/cc" 2>"$tmp/cc-err1" &
	p1=$!
	"$ISMC" build "$tmp/otherdir/safetrust.isms" -o "$tmp/cc" \
	    2>"$tmp/cc-err2" &
	p2=$!
	s1=0 s2=0
	wait $p1 || s1=$?
	wait $p2 || s2=$?
	[ $s1 -eq 0 ] && [ $s2 -eq 0 ] && pass ||
	    fail "concurrent builds: exit status $s1 and $s2: $(cat "$tmp/cc-err1" "$tmp/cc-err2" | head -n 3)"
	if diff -r -x .ismc-outputs "$tmp/plain" "$tmp/cc" >/dev/null 2>&1 ||
	    diff -r -x .ismc-outputs "$tmp/other-out" "$tmp/cc" \
	    >/dev/null 2>&1; then
		pass
	else
		fail "concurrent builds: the outputs are neither build's"
	fi
	no_temps "concurrent builds" "$tmp/cc"
	round=$((round + 1))
done

# A slow build holding the directory: the next one says it waits, then
# runs. (flock(1) stands for the slow build: it takes the same lock.)
if command -v flock >/dev/null 2>&1; then
	flock "$tmp/cc" sleep 2 &
	p1=$!
	sleep_a_little
	sleep_a_little
	sleep_a_little
	run "$ISMC" build "$example" -o "$tmp/cc"
	wait $p1 || true
	expect "build behind a slow one" 0 \
	    "waiting for another build writing into"
	diff -r -x .ismc-outputs "$tmp/plain" "$tmp/cc" >/dev/null &&
	    pass || fail "build behind a slow one: outputs differ"
	# The temporary of a killed build (no lock holder left) is removed
	# by the next build, which holds the lock.
	: >"$tmp/cc/.ismc-tmp-AAAAAA-risks.csv"
	run "$ISMC" build "$example" -o "$tmp/cc"
	expect "stale temporary" 0
	no_temps "stale temporary removed" "$tmp/cc"
else
	note "no flock(1): the slow-build case is not tested"
fi

# A reader polling the directory while builds of two organisations
# alternate: a reader that opens the directory once (cd) sees one build's
# outputs, never a mix. Where ismc owns the directory (its manifest lists
# every entry) the new set takes the old one's place in one step.
rm -rf "$tmp/cc"
run "$ISMC" build "$example" -o "$tmp/cc"
expect "reader: first build" 0
(
	i=0
	while [ $i -lt 5 ]; do
		"$ISMC" build "$tmp/otherdir/safetrust.isms" -o "$tmp/cc" \
		    2>/dev/null
		"$ISMC" build "$example" -o "$tmp/cc" 2>/dev/null
		i=$((i + 1))
	done
	: >"$tmp/cc-done"
) &
pw=$!
seen=0 mixes=0
while [ ! -e "$tmp/cc-done" ]; do
	# One snapshot: the organisations three reports name.
	o=$(cd "$tmp/cc" 2>/dev/null &&
	    cat risks.md kpis.md soa-iso27001-2022.md 2>/dev/null |
	    grep -o -e 'SafeTrust Financial' -e 'Othertrust Financial' |
	    sort -u | wc -l) || o=0
	seen=$((seen + 1))
	[ "${o:-0}" -gt 1 ] && mixes=$((mixes + 1))
done
wait $pw || true
rm -f "$tmp/cc-done"
note "reader: $seen snapshots during 10 builds, $mixes mixed"
[ $mixes -eq 0 ] && pass || fail "reader saw $mixes mixed snapshots"
no_temps "reader" "$tmp/cc"
# A directory holding other files is not replaced whole: they stay, and
# the outputs are replaced one by one under the lock.
: >"$tmp/cc/notes.txt"
run "$ISMC" build "$tmp/otherdir/safetrust.isms" -o "$tmp/cc"
expect "directory with other files" 0
[ -e "$tmp/cc/notes.txt" ] && pass ||
    fail "directory with other files: notes.txt was removed"
rm -rf "$tmp/cc" "$tmp/otherdir" "$tmp/other-out" "$tmp"/cc-err*

# Numbers as written: a KPI's target and result print in full, as the spec
# spells them, in the reports and on the chart (no "%g": 1.23457e+06).
cat >"$tmp/kpi.isms" <<'EOF'
kpi K-BIG "Downtime budget" {
    target      at-most 1234567.25 minutes
    result      0.001 minutes
}
kpi K-PCT "Tiny rate" {
    target      below 0.005%
    result      0.0040%
}
EOF
run "$ISMC" build -w "$tmp/kpi.isms" --format md,csv,dl -o "$tmp/kpi-out"
expect "KPI numbers" 0
grep -q 'at most 1234567.25 minutes' "$tmp/kpi-out/kpis.md" &&
    grep -q 'below 0.005%' "$tmp/kpi-out/kpis.csv" && pass ||
    fail "KPI numbers: $(grep K-BIG "$tmp/kpi-out/kpis.md")"
grep -q '"0.001 minutes (target' "$tmp/kpi-out/kpi.dl.txt" &&
    grep -q '"0.0040% (target < 0.005%)"' "$tmp/kpi-out/kpi.dl.txt" &&
    pass || fail "KPI numbers on the chart: $(grep target "$tmp/kpi-out/kpi.dl.txt" | head -n 2)"
rm -rf "$tmp/kpi.isms" "$tmp/kpi-out"

# Pathological text in the PDF: pango's time grows faster than linearly
# on a long run of combining marks, one very long word or thousands of
# short lines, so what reaches it is bounded (src/text-bound.c, limits in
# doc/limits.md), with an ellipsis and a -Wlong-text warning naming the
# item. Each hostile spec is timed against a plain spec of the same size,
# in CPU time; the ratio is printed, the timeout only guards against a
# hang. The risk's title (a cell of the risk register) is the hostile
# text.
# hostile_desc KIND: 120 KB of one kind of text, as a spec string body.
hostile_desc() {
	awk -v kind="$1" 'BEGIN {
		if (kind == "marks") {
			printf "e"
			for (i = 0; i < 60000; i++) printf "\xcc\x81"
		} else if (kind == "word") {
			for (i = 0; i < 120000; i++) printf "w"
		} else if (kind == "lines") {
			for (i = 0; i < 40000; i++) printf "ab\n"
		} else {
			for (i = 0; i < 20000; i++) printf "lorem "
		}
	}'
}
mkdir -p "$tmp/text"
cp examples/safetrust/*.isms "$tmp/text/"
for kind in plain marks word lines; do
	{
		printf 'risk R-900 """'
		hostile_desc "$kind"
		printf '""" {\n    likelihood rare\n    impact minor\n'
		printf '    treatment accept\n}\n'
	} >"$tmp/text/r900-$kind.isms"
done
limit=300
for kind in plain marks word lines; do
	cpu_ms; c0=$cpu
	run "$ISMC" build --format pdf "$tmp/text/safetrust.isms" \
	    "$tmp/text/r900-$kind.isms" -o "$tmp/text/out-$kind"
	cpu_ms; c1=$cpu
	eval "ms_$kind=\$((c1 - c0))"
	expect "PDF with $kind text" 0
	if [ "$kind" != plain ]; then
		grep -q "warning: the PDF shows column '[A-Za-z]*' of 'R-900'.*\[-Wlong-text\]" \
		    "$tmp/err" && pass ||
		    fail "PDF with $kind text: no -Wlong-text naming R-900: $(grep -m 2 long-text "$tmp/err")"
	fi
done
limit=10
[ "$ms_plain" -gt 0 ] || ms_plain=1
note "PDF build CPU time, plain text $ms_plain ms; combining marks $(ratio "$ms_marks" "$ms_plain")x, one long word $(ratio "$ms_word" "$ms_plain")x, short lines $(ratio "$ms_lines" "$ms_plain")x"
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext "$tmp/text/out-word/report.pdf" "$tmp/text/word.txt" &&
	    grep -q 'wwwwwwww' "$tmp/text/word.txt" && pass ||
	    fail "PDF with a long word: the word is not in the text"
fi

# Bidirectional overrides in the spec's title stay in the title: the
# running footer reads "... page 2 of N" in logical order.
sed 's/^isms "SafeTrust /isms "SafeTrust \xe2\x80\xae Evil /' \
    examples/safetrust/safetrust.isms >"$tmp/text/bidi.isms"
grep -q 'Evil' "$tmp/text/bidi.isms" && pass ||
    fail "override in the title: the example's isms line moved"
cp "$tmp/text/bidi.isms" "$tmp/text/safetrust.isms"
run "$ISMC" build -w --format pdf "$tmp/text/safetrust.isms" -o \
    "$tmp/text/out-bidi"
expect "PDF with an override in the title" 0
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext "$tmp/text/out-bidi/report.pdf" "$tmp/text/bidi.txt"
	grep -q 'page 2 of [0-9]' "$tmp/text/bidi.txt" && pass ||
	    fail "override in the title: the footer reads $(grep -m 1 'egap\|page' "$tmp/text/bidi.txt")"
else
	note "no pdftotext: the footer's reading order is not checked"
fi
rm -rf "$tmp/text"

# An ignored SIGINT stays ignored (nohup, background jobs): the build
# finishes.
fresh "$tmp/od"
(trap '' INT; exec "$ISMC" build "$example" -o "$tmp/od") 2>/dev/null &
pid=$!
wait_for_temps "$tmp/od" "$pid" && kill -INT "$pid" 2>/dev/null || true
status=0
wait "$pid" || status=$?
[ "$status" -eq 0 ] && pass || fail "ignored SIGINT: exit status $status"
same_tree "ignored SIGINT: outputs" "$tmp/plain" "$tmp/od"
rm -rf "$tmp/od" "$tmp/slow.isms"

# ---- out of memory ---------------------------------------------------------
# A capped address space ends with the message and status 2, no crash.
# ASan reserves terabytes of address space up front: not under sanitizers.
sanitized=${ISMC_SANITIZERS:-0}
if [ "$sanitized" != 1 ] && command -v nm >/dev/null 2>&1 &&
    nm -D "$ISMC" 2>/dev/null | grep -q '__asan_init\|__ubsan_handle'; then
	sanitized=1
fi
if [ "$sanitized" = 1 ]; then
	note "sanitizer build: out-of-memory case not tested"
else
	sh bench/gen-spec.sh --risks 96000 --measures 38400 >"$tmp/big.isms"
	limit=60
	run sh -c 'ulimit -v 200000 && exec "$@"' sh "$ISMC" check \
	    "$tmp/big.isms"
	limit=10
	expect "60 MB spec in 200 MB of address space" 2 \
	    "ismc: fatal error: out of memory"
	rm -f "$tmp/big.isms"
fi

# ---- a million errors ------------------------------------------------------
awk 'BEGIN { for (i = 0; i < 1000000; i++) print "@" }' >"$tmp/errors.isms"
t0=$(now_ms)
run "$ISMC" check --diagnostics=plain "$tmp/errors.isms"
t1=$(now_ms)
expect "a million errors" 1 "too many errors emitted, stopping now"
n=$(grep -c ': error: ' "$tmp/err" || true)
[ "$n" -eq 50 ] && pass || fail "a million errors: $n reported, not 50"
note "a million errors, default cap: $((t1 - t0)) ms"
[ $((t1 - t0)) -lt 5000 ] && pass || fail "a million errors: $((t1 - t0)) ms"

# Without the cap every error is reported, in time linear in their number.
awk 'BEGIN { for (i = 0; i < 100000; i++) print "@" }' >"$tmp/errors10.isms"
limit=60
cpu_ms; c0=$cpu
run "$ISMC" check --diagnostics=plain --max-errors=0 "$tmp/errors10.isms"
cpu_ms; c1=$cpu
t1=$(now_ms)
run "$ISMC" check --diagnostics=plain --max-errors=0 "$tmp/errors.isms"
t2=$(now_ms)
cpu_ms; c2=$cpu
limit=10
expect "a million errors, no cap" 1
n=$(grep -c ': error: ' "$tmp/err" || true)
[ "$n" -eq 1000000 ] && pass || fail "no cap: $n errors reported"
small=$((c1 - c0)) large=$((c2 - c1))
[ "$small" -gt 0 ] || small=1
note "errors without the cap: 100,000 in $small ms, 1,000,000 in $large ms of CPU ($((t2 - t1)) ms wall), ratio $(ratio "$large" "$small")"
[ "$large" -lt $((small * 25)) ] && pass ||
    fail "a million errors took $large ms, 100,000 took $small ms"
rm -f "$tmp"/errors*.isms
: >"$tmp/err"

# ---- a 100 MB spec ------------------------------------------------------------
# Checked in time linear in its size: ten times the input may take ten
# times as long, give or take caches and page faults (the bound is
# generous on purpose). The best of a few runs, in CPU time.
sh bench/gen-spec.sh --risks 16000 --measures 6400 >"$tmp/10mb.isms"
sh bench/gen-spec.sh --risks 160000 --measures 64000 >"$tmp/100mb.isms"
s10=$(wc -c <"$tmp/10mb.isms")
s100=$(wc -c <"$tmp/100mb.isms")
# best_of N FILE: the least CPU time of N checks of FILE, in $best.
best_of() {
	best=
	k=0
	while [ $k -lt "$1" ]; do
		cpu_ms; c0=$cpu
		t0=$(now_ms)
		run "$ISMC" check "$2"
		t1=$(now_ms)
		cpu_ms; c1=$cpu
		[ -n "$best" ] && [ $((c1 - c0)) -ge "$best" ] ||
		    { best=$((c1 - c0)); wall=$((t1 - t0)); }
		k=$((k + 1))
	done
	[ "$best" -gt 0 ] || best=1
}
best_of 3 "$tmp/10mb.isms"
expect "10 MB spec" 0
small=$best small_wall=$wall
limit=120
best_of 2 "$tmp/100mb.isms"
limit=10
expect "100 MB spec" 0
note "spec of $s10 bytes: $small ms of CPU ($small_wall ms wall); of $s100 bytes: $best ms ($wall ms wall); ratio $(ratio "$best" "$small") for $(ratio "$s100" "$s10") times the input"
[ "$best" -lt $((small * 25)) ] && pass ||
    fail "100 MB spec took $best ms, 10 MB took $small ms"
rm -f "$tmp/10mb.isms" "$tmp/100mb.isms"

finish
