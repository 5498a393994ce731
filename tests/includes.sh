#!/bin/sh
# The include graph (scripts/check-includes.sh): the tree passes, and the
# check fails, naming the culprit, on a copy with a backend that reaches
# the syntax tree, with a renderer that reaches the IR or a catalog, and
# on one with a cycle between two reports.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

check=$ISMC_SRCDIR/scripts/check-includes.sh

if "$check" "$ISMC_SRCDIR" >"$tmp/out" 2>&1; then
	pass "the tree's include graph"
else
	fail "the tree's include graph"
fi
note "$tmp/out"

# copy_tree DIR: the sources the check reads.
copy_tree() {
	mkdir -p "$1"
	cp -r "$ISMC_SRCDIR/src" "$ISMC_SRCDIR/grammar" "$1"
}

# expect_violation NAME DIR TEXT: the check fails on DIR and says TEXT.
expect_violation() {
	if "$check" "$2" >"$tmp/out" 2>&1; then
		fail "$1: the check passed"
	elif grep -qF -- "$3" "$tmp/out"; then
		pass "$1"
	else
		fail "$1: the check does not say '$3'"
		note "$tmp/out"
	fi
}

copy_tree "$tmp/front"
printf '#include "ast.h"\n' >>"$tmp/front/src/report-kpis.c"
expect_violation "a backend including ast.h" "$tmp/front" \
    "backend src/report-kpis.c reaches front-end header src/ast.h"

copy_tree "$tmp/deep"
printf '#include "lexctx.h"\n' >>"$tmp/deep/src/coverage.h"
expect_violation "a backend reaching lexctx.h through a header" \
    "$tmp/deep" "(src/pdf-sections.c -> src/coverage.h -> src/lexctx.h)"

copy_tree "$tmp/render"
printf '#include "ir.h"\n' >>"$tmp/render/src/chart-kpi.c"
expect_violation "a renderer including ir.h" "$tmp/render" \
    "renderer src/chart-kpi.c reaches src/ir.h"

copy_tree "$tmp/model"
printf '#include "catalog.h"\n' >>"$tmp/model/src/report-soa.h"
expect_violation "a renderer reaching catalog.h through a report header" \
    "$tmp/model" "(src/pdf-sections.c -> src/report-soa.h -> src/catalog.h)"

copy_tree "$tmp/cycle"
printf '#include "report-review.h"\n' >>"$tmp/cycle/src/report-kpis.c"
printf '#include "report-kpis.h"\n' >>"$tmp/cycle/src/report-review.h"
expect_violation "a cycle between two reports" "$tmp/cycle" \
    "include cycle between: report-kpis report-review"
finish
