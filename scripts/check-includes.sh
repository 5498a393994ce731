#!/bin/sh
# check-includes.sh [SRCDIR]: the include graph keeps the pipeline's shape
# (doc/architecture.md, "Who may include what").
#
#   1. No cycles between modules. A module is a stem: src/gap.c and
#      src/gap.h are module "gap", and an internal header X-int.h belongs
#      to module X; a file of module A including a header of module B is
#      an edge A -> B. A cycle listed in KNOWN_CYCLES is reported but
#      tolerated until its owners break it; any other one fails.
#   2. No backend reaches the front end. A backend file (report*, emit*,
#      pdf-*, chart-*, coverage*, backend*, outdir*) may not include, even
#      through other headers, ast.h, lexctx.h, parse.h, frontend.h, sema.h,
#      sema-int.h or the generated grammar/parser.h: backends read the IR
#      and finished tables, never the syntax tree.
#
# Prints every violation and exits 1 if there is one; 0 otherwise. Only
# quoted includes of the project's own headers count.
set -eu
LC_ALL=C
export LC_ALL

top=${1:-$(cd "$(dirname "$0")/.." && pwd)}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ismc-includes.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# One line per include: FILE HEADER, both as paths under $top.
cd "$top"
for f in src/*.c src/*.h grammar/*.y grammar/*.l; do
	[ -f "$f" ] || continue
	sed -n 's/^[ 	]*#[ 	]*include[ 	]*"\([^"]*\)".*/\1/p' "$f" |
	while read -r h; do
		case $h in
		*/*)	[ -f "$h" ] && echo "$f $h" ;;
		*)	[ -f "src/$h" ] && echo "$f src/$h" ;;
		esac
	done
done >"$tmp/edges"

status=0

# Cycles that predate this check, each to be broken by its owner; remove
# a line when its cycle is gone (a line that matches nothing fails too,
# so the list cannot go stale). One cycle per line, as printed below.
KNOWN_CYCLES='
catalog -> compilation -> catalog
gap -> remediation -> gap
'

# 1. Cycles, at module level, found by tsort.
awk '
function stem(p) {
	sub(/^.*\//, "", p)
	sub(/\.[a-z]+$/, "", p)
	sub(/-int$/, "", p)
	return p
}
{
	a = stem($1)
	b = stem($2)
	if (a != b)
		print a, b
	else
		print a, a	# keeps lone modules in the graph
}' "$tmp/edges" | sort -u >"$tmp/modules"
if ! tsort "$tmp/modules" >/dev/null 2>"$tmp/tsort"; then
	# One line per loop, from its alphabetically first module:
	# "a -> b -> a".
	awk '
	function flush(    i, lo, line) {
		if (n == 0)
			return
		lo = 1
		for (i = 2; i <= n; i++)
			if (m[i] < m[lo])
				lo = i
		line = m[lo]
		for (i = 1; i < n; i++)
			line = line " -> " m[(lo - 1 + i) % n + 1]
		print line " -> " m[lo]
		n = 0
	}
	/input contains a loop/ { flush(); next }
	{ sub(/^tsort: /, ""); m[++n] = $0 }
	END { flush() }' "$tmp/tsort" | sort >"$tmp/cycles"
fi
touch "$tmp/cycles"
# A cycle may be printed from any of its modules: compare member sets.
members() {
	sed 's/ -> /\n/g' | sort -u | tr '\n' ' '
}
printf '%s\n' "$KNOWN_CYCLES" | sed '/^$/d' >"$tmp/known"
while read -r k; do
	printf '%s\n' "$k" | members
	echo
done <"$tmp/known" >"$tmp/known-sets"
: >"$tmp/found-sets"
while read -r c; do
	m=$(printf '%s\n' "$c" | members)
	echo "$m" >>"$tmp/found-sets"
	if grep -Fqx -- "$m" "$tmp/known-sets"; then
		echo "check-includes: known include cycle (to break): $c"
	else
		echo "check-includes: include cycle: $c"
		status=1
	fi
done <"$tmp/cycles"
while read -r k; do
	m=$(printf '%s\n' "$k" | members)
	if ! grep -Fqx -- "$m" "$tmp/found-sets"; then
		echo "check-includes: KNOWN_CYCLES lists '$k', which is gone:" \
		    "remove the line"
		status=1
	fi
done <"$tmp/known"

# 2. Backends that reach a front-end header, with the path that does.
awk -v front="src/ast.h src/lexctx.h src/parse.h src/frontend.h \
src/sema.h src/sema-int.h grammar/parser.h" '
BEGIN {
	n = split(front, fv, " ")
	for (i = 1; i <= n; i++)
		isfront[fv[i]] = 1
}
{
	inc[$1] = inc[$1] " " $2
	files[$1] = 1
}
function backend(f,    b) {
	b = f
	sub(/^.*\//, "", b)
	return b ~ /^(report|emit|pdf-|chart-|coverage|backend|outdir)/
}
END {
	for (f in files) {
		if (!backend(f))
			continue
		# Breadth first, remembering how each header was reached.
		delete seen
		delete via
		queue[1] = f
		seen[f] = 1
		head = 1
		tail = 1
		while (head <= tail) {
			cur = queue[head++]
			m = split(inc[cur], hv, " ")
			for (j = 1; j <= m; j++) {
				h = hv[j]
				if (h in seen)
					continue
				seen[h] = 1
				via[h] = cur
				queue[++tail] = h
				if (!(h in isfront))
					continue
				path = h
				for (p = cur; p != f; p = via[p])
					path = p " -> " path
				printf("check-includes: backend %s reaches " \
				    "front-end header %s (%s -> %s)\n", f, h,
				    f, path)
			}
		}
	}
}' "$tmp/edges" | sort >"$tmp/front"
if [ -s "$tmp/front" ]; then
	cat "$tmp/front"
	status=1
fi
exit "$status"
