#!/bin/sh
# Option parsing, GNU style (getopt_long): abbreviations, optional
# arguments that do not swallow the next word, options after operands,
# per-command options and help; and numbers and dates on the command line
# read by the rules specs follow.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

# run WANT CMD... and says TEXT: expect_status and expect_err (lib.sh)
# named by the command line itself.
run() {
	want=$1
	shift
	expect_status "$*" "$want" "$@"
}

says() {
	expect_err "options" "$1"
}

# prints TEXT: the last command's stdout holds TEXT.
prints() {
	if grep -qF -- "$1" "$tmp/out"; then pass "stdout has '$1'"; else
		fail "stdout lacks '$1'"
		head -5 "$tmp/out" | note
	fi
}

ex=examples/safetrust/safetrust.isms

# Abbreviations, and options after operands.
run 0 "$ISMC" check "$ex" --req 'dora>=5%' --max=3 --cov all-mapped -Werror
run 2 "$ISMC" check --dump "$ex"
says "option '--dump' is ambiguous: --dump-tokens, --dump-ast, --dump-ir"
run 2 "$ISMC" check --dump-ir=yes "$ex"
says "option '--dump-ir' takes no argument"
run 2 "$ISMC" check --colr=never "$ex"
says "unknown option '--colr'; did you mean '--color'?"
run 2 "$ISMC" check -q "$ex"
says "unknown option '-q'"
# "--" ends the options.
run 2 "$ISMC" check "$ex" -- --dump-ir
says "cannot read '--dump-ir'"

# --color takes its argument only after '=': a bare --color is "always"
# and the next word stays an operand.
printf 'framework iso27001\ncontrol A.5.99 { }\n' >"$tmp/bad.isms"
run 1 "$ISMC" check --color "$tmp/bad.isms"
grep -q "$(printf '\033')\[" "$tmp/err" && pass || fail "bare --color: no colour"
run 0 "$ISMC" check --color=never "$ex"
run 2 "$ISMC" check --color=sometimes "$ex"
says "invalid --color 'sometimes' (use auto, always or never)"

# -o and --output, -oDIR, --output=DIR.
run 0 "$ISMC" build --format=csv "$ex" --output "$tmp/o1"
[ -f "$tmp/o1/risks.csv" ] && pass || fail "--output DIR"
run 0 "$ISMC" build --format=csv "$ex" -o"$tmp/o2"
[ -f "$tmp/o2/risks.csv" ] && pass || fail "-oDIR"
run 2 "$ISMC" build "$ex" -o
says "option '-o' needs an argument (DIR)"
run 2 "$ISMC" check -o "$tmp/o3" "$ex"
says "'-o' is not an option of 'ismc check' (only of 'ismc build')"
run 2 "$ISMC" diff --require 'dora>=5%' "$ex" "$ex"
says "'--require' is not an option of 'ismc diff'"

# Commands and help.
run 2 "$ISMC" chekc "$ex"
says "unknown command 'chekc'; did you mean 'check'?"
run 2 "$ISMC" -Werror check "$ex"
says "'-Werror' before the command"
run 0 "$ISMC" help
prints "usage: ismc check [options] SPEC..."
prints "Commands:"
run 0 "$ISMC" help build
prints "usage: ismc build [options] SPEC... -o DIR"
prints "--output=DIR"
run 0 "$ISMC" build --help
prints "usage: ismc build [options] SPEC... -o DIR"
run 0 "$ISMC" diff --help
prints "usage: ismc diff"
grep -q -- "--output" "$tmp/out" && fail "diff --help lists build's -o" || pass
run 2 "$ISMC" help frobnicate
says "unknown command 'frobnicate'"
run 0 "$ISMC" check --version
prints "ismc "

# Numbers and dates follow the spec's rules.
run 0 "$ISMC" check --require 'dora>=5.5%' "$ex"
run 0 "$ISMC" check --require 'dora>=5' "$ex"
for v in nan inf 0x64 1e2 -5 +5 ' 5' '5 ' '5.' .5 '' 5%% 101; do
	run 2 "$ISMC" check --require "dora>=$v" "$ex"
done
says "a coverage floor is a percentage from 0 to 100"
run 2 "$ISMC" check --require 'dora>=0x64' "$ex"
says "invalid --require 'dora>=0x64': '0x64' is not a number"
run 0 "$ISMC" check --as-of 2026-12-31 "$ex"
for v in +026-01-01 -026-01-01 ' 026-01-01' 26-01-01 2026-1-1 \
    '2026-01-01 ' 02026-01-01 2026-02-29 2026-13-01; do
	run 2 "$ISMC" check --as-of "$v" "$ex"
done
says "invalid --as-of date '2026-13-01' (no such day)"
run 2 "$ISMC" check --as-of +026-01-01 "$ex"
says "invalid --as-of date '+026-01-01' (use YYYY-MM-DD, as in specs)"
run 0 "$ISMC" check --max-errors=0 "$ex"
run 0 "$ISMC" check -fmax-errors=7 "$ex"
for v in -1 0x10 ' 3' 3.0 1000001 ''; do
	run 2 "$ISMC" check --max-errors="$v" "$ex"
done
run 2 "$ISMC" check -fmax-errors=0x10 "$ex"
run 2 "$ISMC" check -Wbogus "$ex"
says "unknown warning option '-Wbogus'"

# A missed coverage floor has an exit status of its own (3), below errors
# in the input (1) and usage or I/O trouble (2); build still writes the
# reports, which show the gaps.
run 3 "$ISMC" build --format=csv --require 'dora>=99.5%' "$ex" -o "$tmp/gate"
says "points below the required 99.5%"
[ -f "$tmp/gate/gap-dora.csv" ] && pass || fail "gate: no reports written"
run 3 "$ISMC" check --require 'dora>=99%' --require 'nis2>=99' "$ex"
run 1 "$ISMC" check --require 'dora>=99%' "$ex" "$tmp/bad.isms"
run 2 "$ISMC" check --require 'nis2-ir>=1%' "$ex"
# A file-size limit hit while writing diagnostics or a dump is an I/O
# error (status 2), not death by SIGXFSZ (153).
i=0
{ echo "framework iso27001"
  while [ $i -lt 2000 ]; do echo "control A.9.$i { }"; i=$((i + 1)); done
} >"$tmp/many.isms"
run 2 sh -c 'ulimit -f 8 && exec "$@" 2>"$0"' "$tmp/big-err" "$ISMC" check \
    --max-errors=0 "$tmp/many.isms"
run 2 sh -c 'ulimit -f 8 && exec "$@" >"$0" 2>/dev/null' "$tmp/big-out" \
    "$ISMC" check --dump-tokens "$ex"
# diff: the exit status of diff(1), a JSON form of the same table, and
# directories on either side.
run 0 "$ISMC" diff "$ex" "$ex"
prints "No changes."
run 0 "$ISMC" diff examples/safetrust "$ex"
cp -r examples/safetrust "$tmp/dnew"
sed -i 's/^\(    status \+\)\(planned\|partial\)$/\1implemented/' \
    "$tmp/dnew/soa.isms"
run 1 "$ISMC" diff examples/safetrust "$tmp/dnew"
prints "- iso27001-2022:A.5.35: applicable, planned -> applicable, implemented"
prints "- closed dora:9.3.d: partial -> full"
prints "| dora | 27.3% | 27.9% | +0.6 | 20 -> 20 |"
run 1 "$ISMC" diff --format=json examples/safetrust "$tmp/dnew"
python3 - "$tmp/out" <<'PY' && pass || fail "diff --format=json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["report"] == "diff", d["report"]
assert d["summary"]["changed"] is True
assert d["summary"]["changes"] == 15, d["summary"]["changes"]
rows = [(r["section"], r["framework"], r["id"], r["change"], r["before"],
         r["after"]) for r in d["rows"] if r["section"] != "coverage"]
assert ("control", "iso27001-2022", "A.5.35", "changed", "applicable, planned",
        "applicable, implemented") in rows, rows
assert ("requirement", "dora", "9.3.d", "closed", "partial", "full") in rows, rows
# A.5.35 completes the covering set of NIS2 21(2)(f) (effectiveness assessment)
assert ("requirement", "nis2", "21.2.f", "closed", "partial", "full") in rows, rows
cov = [r for r in d["rows"] if r["section"] == "coverage"]
assert [r["framework"] for r in cov] == ["dora", "nis2", "soc2"], cov
assert cov[0]["gaps_before"] == 20 and cov[0]["gaps_after"] == 20, cov[0]
PY
run 0 "$ISMC" diff --format=json "$ex" "$ex"
grep -q '"changed": false' "$tmp/out" && pass || fail "diff json: changed"
run 2 "$ISMC" diff --format=html "$ex" "$ex"
# A risk added, removed and rescored.
printf 'framework iso27001\nscale likelihood { level 1 low; level 2 high }\nscale impact { level 1 low; level 2 high }\nscoring { band low 1..4; acceptance max 4 }\n' >"$tmp/r0.isms"
{ cat "$tmp/r0.isms"; printf 'risk R-1 "a" { likelihood low; impact low }\nrisk R-2 "b" { likelihood low; impact low }\n'; } >"$tmp/r1.isms"
{ cat "$tmp/r0.isms"; printf 'risk R-2 "b" { likelihood high; impact low }\nrisk R-3 "c" { likelihood low; impact high }\n'; } >"$tmp/r2.isms"
run 1 "$ISMC" diff -w "$tmp/r1.isms" "$tmp/r2.isms"
prints "- R-1 removed (was 1, residual 1)"
prints "- R-2: 1 -> 2, residual 1 -> 2"
prints "- R-3 added: 2, residual 2"
prints "- inherent: 2 -> 4"
# Trouble: errors in either spec, an empty directory, a missing file.
run 2 "$ISMC" diff "$ex" "$tmp/bad.isms"
mkdir "$tmp/nospecs"
run 2 "$ISMC" diff "$tmp/nospecs" "$ex"
says "no *.isms files in directory '$tmp/nospecs'"
run 2 "$ISMC" diff "$ex" "$tmp/missing.isms"
finish
