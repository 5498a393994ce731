# Shared set-up for the shell test drivers (POSIX sh).
# Runs from the source tree so that paths in diagnostics are the short,
# relative ones the expectations hold. Results are TAP (automake's
# tap-driver.sh reads them): one "ok N - NAME" or "not ok N - NAME" line
# per check, so a failing log names the case; what explains a failure is
# printed as "# " comment lines.
set -eu
LC_ALL=C
export LC_ALL
: "${ISMC:?ISMC must name the built ismc binary}"
: "${ISMC_SRCDIR:?ISMC_SRCDIR must name the source tree}"
ISMC_PATH="$ISMC_SRCDIR/frameworks"
export ISMC_PATH
unset NO_COLOR
cd "$ISMC_SRCDIR"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ismc-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
ntests=0
passed=0
failed=0

# pass [NAME]
pass() {
	ntests=$((ntests + 1))
	passed=$((passed + 1))
	echo "ok $ntests${1:+ - $*}"
}

# fail NAME: what failed, said in full.
fail() {
	ntests=$((ntests + 1))
	failed=$((failed + 1))
	echo "not ok $ntests - $*"
}

# note [FILE...]: shows text (a diff, stderr) as TAP comments.
note() {
	sed 's/^/# /' "$@"
}

# skip_all REASON: the whole script does not apply here.
skip_all() {
	echo "1..0 # SKIP $*"
	exit 0
}

# check_eq NAME EXPECTED-FILE ACTUAL-FILE: compare, or rewrite the
# expectation when UPDATE_GOLDEN=1.
check_eq() {
	if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
		mkdir -p "$(dirname "$2")"
		cp "$3" "$2"
		pass "$1 (expectation rewritten)"
	elif [ ! -f "$2" ]; then
		fail "$1: no expectation $2"
	elif diff -u "$2" "$3" >"$tmp/diff"; then
		pass "$1"
	else
		fail "$1: output differs from $2"
		note "$tmp/diff"
	fi
}

# expect_status NAME WANT CMD...: runs CMD, checks its exit status.
expect_status() {
	name=$1
	want=$2
	shift 2
	status=0
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null || status=$?
	if [ "$status" -eq "$want" ]; then
		pass "$name: exit status $want"
	else
		fail "$name: exit status $status, expected $want"
		note "$tmp/err"
	fi
}

# expect_err NAME TEXT: the last command's stderr holds TEXT.
expect_err() {
	if grep -qF -- "$2" "$tmp/err"; then
		pass "$1: stderr has '$2'"
	else
		fail "$1: stderr lacks '$2'"
		note "$tmp/err"
	fi
}

# finish: the plan, last (TAP allows it at the end), and the status.
finish() {
	echo "1..$ntests"
	echo "# $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
