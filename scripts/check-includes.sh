#!/bin/sh
# check-includes.sh [SRCDIR]: the include graph keeps the pipeline's shape
# (doc/architecture.md, "The rules").
#
#   1. No cycles between modules. A module is a stem: src/gap.c and
#      src/gap.h are module "gap", and an internal header X-int.h belongs
#      to module X; a file of module A including a header of module B is
#      an edge A -> B. A cycle listed in KNOWN_CYCLES is reported but
#      tolerated until its owners break it; any other one fails.
#   2. No backend reaches the front end. A backend file (report*, emit*,
#      export*, pdf-*, chart-*, coverage*, backend*, outdir*) may not
#      include, even through other headers, ast.h, lexctx.h, parse.h,
#      frontend.h, sema.h, sema-int.h or the generated grammar/parser.h:
#      backends read the IR and finished tables, never the syntax tree.
#   3. Renderers read finished tables only. A renderer file (emit*, pdf-*,
#      chart-*) may not include, even through other headers, ir.h, the
#      input models it is built from (catalog.h, mapping.h, compilation.h)
#      or an analysis (gap.h, gap-int.h, readiness.h): what a document or
#      chart shows is in report tables (report*.h), the coverage table and
#      display lists, which builders make from the IR once.
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
		# Headers that are not in the tree (generated ones such as
		# ismc-paths.h) are no module; the loop must not end false.
		case $h in
		*/*)	if [ -f "$h" ]; then echo "$f $h"; fi ;;
		*)	if [ -f "src/$h" ]; then echo "$f src/$h"; fi ;;
		esac
	done
done >"$tmp/edges"

status=0

# Cycles that predate this check, each to be broken by its owners. A
# line is one group of modules that reach each other (a strongly connected
# component), its members in alphabetical order. Remove or shrink a line
# when its cycle is broken: a line that matches no group fails too, so the
# list cannot go stale.
KNOWN_CYCLES='
'

# 1. Cycles: the strongly connected components of the module graph
# (Tarjan's algorithm), each printed as its members.
awk '
function stem(p) {
	sub(/^.*\//, "", p)
	sub(/\.[a-z]+$/, "", p)
	sub(/-int$/, "", p)
	return p
}
function visit(v,    i, w, k, line) {
	index_of[v] = low[v] = ++counter
	stack[++sp] = v
	on[v] = 1
	for (i = 1; i <= nout[v]; i++) {
		w = out[v, i]
		if (!(w in index_of)) {
			visit(w)
			if (low[w] < low[v])
				low[v] = low[w]
		} else if (on[w] && index_of[w] < low[v])
			low[v] = index_of[w]
	}
	if (low[v] != index_of[v])
		return
	k = 0
	do {
		w = stack[sp--]
		on[w] = 0
		member[++k] = w
	} while (w != v)
	if (k < 2)
		return
	line = ""
	for (i = 1; i <= k; i++)
		line = line " " member[i]
	print substr(line, 2)
}
{
	a = stem($1)
	b = stem($2)
	node[a] = node[b] = 1
	if (a == b || (a SUBSEP b) in edge)
		next
	edge[a, b] = 1
	out[a, ++nout[a]] = b
}
END {
	for (v in node)
		if (!(v in index_of))
			visit(v)
}' "$tmp/edges" | while read -r line; do
	# Members in alphabetical order, one group per line.
	printf '%s\n' $line | sort | tr '\n' ' ' | sed 's/ $//'
	echo
done | sort >"$tmp/cycles"
printf '%s\n' "$KNOWN_CYCLES" | sed '/^$/d' >"$tmp/known"
while read -r c; do
	if grep -Fqx -- "$c" "$tmp/known"; then
		echo "check-includes: known include cycle (to break): $c"
	else
		echo "check-includes: include cycle between: $c"
		status=1
	fi
done <"$tmp/cycles"
while read -r k; do
	if ! grep -Fqx -- "$k" "$tmp/cycles"; then
		echo "check-includes: KNOWN_CYCLES lists '$k', which is no" \
		    "longer a cycle as such: update the list"
		status=1
	fi
done <"$tmp/known"

# reaching CLASS FORBIDDEN: every file whose name matches the awk regular
# expression CLASS and that includes, directly or through other headers, a
# header of the space-separated list FORBIDDEN, with the path that does,
# one line each: "FILE HEADER (FILE -> ... -> HEADER)".
reaching() {
	awk -v class="$1" -v forbidden="$2" '
BEGIN {
	n = split(forbidden, fv, " ")
	for (i = 1; i <= n; i++)
		isbad[fv[i]] = 1
}
{
	inc[$1] = inc[$1] " " $2
	files[$1] = 1
}
function member(f,    b) {
	b = f
	sub(/^.*\//, "", b)
	return b ~ class
}
END {
	for (f in files) {
		if (!member(f))
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
				if (!(h in isbad))
					continue
				path = h
				for (p = cur; p != f; p = via[p])
					path = p " -> " path
				printf("%s %s (%s -> %s)\n", f, h, f, path)
			}
		}
	}
}' "$tmp/edges" | sort
}

# 2. Backends that reach a front-end header.
front="src/ast.h src/lexctx.h src/parse.h src/frontend.h src/sema.h"
front="$front src/sema-int.h grammar/parser.h"
reaching '^(report|emit|export|pdf-|chart-|coverage|backend|outdir)' \
    "$front" | while read -r f h path; do
	echo "check-includes: backend $f reaches front-end header $h $path"
done >"$tmp/front"

# 3. Renderers that reach the IR, an input model or an analysis.
model="src/ir.h src/catalog.h src/mapping.h src/compilation.h"
model="$model src/gap.h src/gap-int.h src/readiness.h"
reaching '^(emit|pdf-|chart-)' "$model" | while read -r f h path; do
	echo "check-includes: renderer $f reaches $h, which is no" \
	    "finished table $path"
done >>"$tmp/front"
if [ -s "$tmp/front" ]; then
	cat "$tmp/front"
	status=1
fi
exit "$status"
