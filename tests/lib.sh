# Shared set-up for the shell test drivers (POSIX sh).
# Runs from the source tree so that paths in diagnostics are the short,
# relative ones the expectations hold.
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
passed=0
failed=0

pass() {
	passed=$((passed + 1))
}

fail() {
	failed=$((failed + 1))
	echo "FAIL: $*"
}

# check_eq NAME EXPECTED-FILE ACTUAL-FILE: compare, or rewrite the
# expectation when UPDATE_GOLDEN=1.
check_eq() {
	if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
		mkdir -p "$(dirname "$2")"
		cp "$3" "$2"
		pass
	elif [ ! -f "$2" ]; then
		fail "$1: no expectation $2"
	elif diff -u "$2" "$3"; then
		pass
	else
		fail "$1: output differs from $2"
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
		pass
	else
		fail "$name: exit status $status, expected $want"
		cat "$tmp/err"
	fi
}

# expect_err NAME TEXT: the last command's stderr holds TEXT.
expect_err() {
	if grep -qF -- "$2" "$tmp/err"; then
		pass
	else
		fail "$1: stderr lacks '$2'"
		cat "$tmp/err"
	fi
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
