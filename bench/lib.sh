# Shared set-up of the bench scripts (sourced, not run).
#
# bench_ismc ARG: the ismc to measure (default: ismc from PATH), made
# absolute so the scripts may change directory; checked to run.
# Also points ISMC_PATH at the source tree's catalogs, so an uninstalled
# ismc works anywhere, and sets LC_ALL=C so figures do not depend on the
# locale.
bench_ismc() {
	ismc=${1:-ismc}
	case $ismc in
	*/*) ismc=$(cd "$(dirname "$ismc")" && pwd)/$(basename "$ismc") ;;
	esac
	if ! "$ismc" --version >/dev/null 2>&1; then
		echo "$0: cannot run '$ismc'" >&2
		exit 2
	fi
	ISMC_PATH=$here/../frameworks
	export ISMC_PATH
	LC_ALL=C
	export LC_ALL
}

# bench_need_python WHAT: python3 measures times (and peak memory).
bench_need_python() {
	if ! command -v python3 >/dev/null 2>&1; then
		echo "$0: python3 is needed to measure $1" >&2
		exit 2
	fi
}
