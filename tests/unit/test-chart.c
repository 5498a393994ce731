/*
 * test-chart.c - chart layout, painting, surfaces and the auditor's PDF.
 *
 * The layout promises that every text box lies inside its bound and that
 * no two text boxes overlap, whatever the scales and the register hold;
 * the checks below hold it to that for 3x3, 5x5 and 10x10 scales, an
 * empty register and crowded cells, with the estimated metrics and with
 * pango's. Rendering is checked where it is stable: PNG size and the
 * colour of known cells read back from the image, SVG and PDF bytes
 * identical across renders in one process.
 */
#include <config.h>

#include <criterion/criterion.h>

#include <dirent.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>

#include "arena.h"
#include "backend.h"
#include "buf.h"
#include "chart-coverage.h"
#include "chart-kpi.h"
#include "chart-layout-int.h"
#include "chart-layout.h"
#include "chart-paint.h"
#include "chart-risk.h"
#include "chart-surface.h"
#include "chart-timeline.h"
#include "coverage.h"
#include "diag.h"
#include "helpers.h"
#include "ir.h"
#include "outdir.h"
#include "pdf-doc.h"
#include "pdf-report.h"
#include "report-heatmap.h"
#include "report-kpis.h"
#include "report-risks.h"
#include "report-roadmap.h"
#include "report.h"
#include "source.h"

#define EPS		1e-6

/* ---- fixture: a spec written as the tests go ----------------------------- */

static struct ismc_arena arena;
static struct ismc_buf spec;		/* the spec so far */
static struct ismc_test t;
static bool compiled;
static const struct ismc_ir *ir;	/* once compiled */
static const char *labels[2][10];	/* level labels that replace the
					 * generated ones: [likelihood or
					 * impact][level - 1] */

static void
setup(void)
{
	ismc_arena_init(&arena);
	ismc_buf_init(&spec);
	ismc_buf_adds(&spec, "framework iso27001\n"
	    "isms \"Test ISMS\" { version \"2.1\" }\n");
	memset(labels, 0, sizeof labels);
	compiled = false;
	ir = NULL;
}

static void
teardown(void)
{
	if (compiled)
		ismc_test_fini(&t);
	ismc_buf_free(&spec);
	ismc_arena_destroy(&arena);
}

static void
scale(size_t which, size_t n)
{
	const char *name = which == 0 ? "likelihood" : "impact";
	size_t i;

	ismc_buf_printf(&spec, "scale %s {\n", name);
	for (i = 0; i < n; i++)
		ismc_buf_printf(&spec, "  level %zu l%zu \"%s\"\n", i + 1, i + 1,
		    labels[which][i] != NULL ? labels[which][i] :
		    ismc_arena_printf(&arena, "Level %zu of the %s scale",
		    i + 1, name));
	ismc_buf_adds(&spec, "}\n");
}

/* n x n scales and four bands splitting 1..n*n at 16, 36 and 64 %. */
static void
scales(size_t n)
{
	static const char *const names[] = { "Low", "Medium", "High",
	    "Critical" };
	static const double cut[] = { 0.16, 0.36, 0.64, 1.0 };
	int max = (int)(n * n), lo = 1, hi;
	size_t i;

	scale(0, n);
	scale(1, n);
	ismc_buf_adds(&spec, "scoring {\n");
	for (i = 0; i < 4; i++) {
		hi = (int)floor(cut[i] * max);
		if (hi < lo)
			hi = lo;
		if (i == 3)
			hi = max;
		ismc_buf_printf(&spec, "  band b%zu %d..%d \"%s\"\n", i, lo, hi,
		    names[i]);
		lo = hi + 1;
	}
	ismc_buf_adds(&spec, "}\n");
}

static void
add_risk(const char *id, int l, int i, int rl, int ri)
{
	ismc_buf_printf(&spec, "risk %s \"%s\" {\n"
	    "  likelihood l%d\n  impact l%d\n"
	    "  residual { likelihood l%d; impact l%d }\n}\n", id, id, l, i, rl,
	    ri);
}

/* Met, missed, and without a result. */
static void
add_kpis(void)
{
	static const char *const body[] = {
		"K-MET", "target at-least 95%\n  result 97.5%",
		"K-MISSED", "target at-most 14 days\n  result 21 days",
		"K-NONE", "target at-least 95%",
	};
	size_t i;

	for (i = 0; i < 6; i += 2)
		ismc_buf_printf(&spec, "kpi %s \"A measure with a rather long "
		    "title that wraps\" {\n  %s\n}\n", body[i], body[i + 1]);
}

/* Compiles the spec so far (again, after a change), as of `as_of` when
 * not NULL. */
static const struct ismc_ir *
compile_as_of(const struct ismc_date *as_of)
{
	if (compiled)
		ismc_test_fini(&t);
	ismc_test_init(&t);
	compiled = true;
	if (as_of != NULL) {
		t.comp.has_as_of = true;
		t.comp.as_of = *as_of;
	}
	ir = ismc_test_compile(&t, ismc_arena_strndup(&arena,
	    ismc_buf_cstr(&spec), spec.len));
	cr_assert_not_null(ir, "%s", ismc_test_diags(&t));
	return ir;
}

static const struct ismc_ir *
compile(void)
{
	return compile_as_of(NULL);
}

static const struct ismc_report *
risks(void)
{
	return ismc_report_risks(ir != NULL ? ir : compile(), &arena);
}

static const struct ismc_report *
kpis(void)
{
	return ismc_report_kpis(ir != NULL ? ir : compile(), &arena);
}

/* ---- invariants ---------------------------------------------------------- */

static bool
inside(struct ismc_rect in, struct ismc_rect out)
{
	return in.x >= out.x - EPS && in.y >= out.y - EPS &&
	    in.x + in.w <= out.x + out.w + EPS &&
	    in.y + in.h <= out.y + out.h + EPS;
}

static bool
overlap(struct ismc_rect a, struct ismc_rect b)
{
	return a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS &&
	    a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
}

/*
 * Every text box is non-empty, at least the minimum size, inside its
 * bound (and the bound inside the chart), overlaps no other text box,
 * and, measured with `m`, is no wider than its box says.
 */
static size_t
check_dl(const struct ismc_dl *dl, const struct ismc_text_metrics *m)
{
	struct ismc_rect page = { 0, 0, dl->width, dl->height };
	const struct ismc_dl_item *a, *b;
	size_t i, j, ntext = 0;

	for (i = 0; i < dl->nitems; i++) {
		a = &dl->items[i];
		if (a->op != ISMC_DL_TEXT)
			continue;
		ntext++;
		cr_assert(a->text[0] != '\0', "empty text box");
		cr_assert(a->size >= ISMC_CHART_MIN_FONT - EPS,
		    "'%s' at %g pt", a->text, a->size);
		cr_assert(inside(a->box, a->bound), "'%s' [%g %g %g %g] "
		    "leaves its bound [%g %g %g %g]", a->text, a->box.x,
		    a->box.y, a->box.w, a->box.h, a->bound.x, a->bound.y,
		    a->bound.w, a->bound.h);
		cr_assert(inside(a->bound, page), "'%s' bound leaves the chart",
		    a->text);
		cr_assert(m->width(m->ctx, a->text, strlen(a->text), a->size,
		    a->bold) <= a->box.w + EPS, "'%s' is wider than its box",
		    a->text);
		for (j = i + 1; j < dl->nitems; j++) {
			b = &dl->items[j];
			if (b->op == ISMC_DL_TEXT)
				cr_assert(!overlap(a->box, b->box),
				    "'%s' overlaps '%s'", a->text, b->text);
		}
	}
	return ntext;
}

static bool
has_text(const struct ismc_dl *dl, const char *s)
{
	size_t i;

	for (i = 0; i < dl->nitems; i++)
		if (dl->items[i].op == ISMC_DL_TEXT &&
		    strcmp(dl->items[i].text, s) == 0)
			return true;
	return false;
}

static bool
has_text_prefix(const struct ismc_dl *dl, const char *s)
{
	size_t i;

	for (i = 0; i < dl->nitems; i++)
		if (dl->items[i].op == ISMC_DL_TEXT &&
		    strncmp(dl->items[i].text, s, strlen(s)) == 0)
			return true;
	return false;
}

/*
 * The grid cells are the rectangles with a 1.5 pt white border, laid out
 * inherent panel first, row by row from the highest likelihood.
 */
static const struct ismc_dl_item *
cell(const struct ismc_dl *dl, int l, int i)
{
	size_t k, n = 0, want;

	want = (ir->likelihood.nlevels - (size_t)l) * ir->impact.nlevels +
	    (size_t)i - 1;
	for (k = 0; k < dl->nitems; k++) {
		const struct ismc_dl_item *it = &dl->items[k];

		if (it->op == ISMC_DL_RECT && it->stroke_width == 1.5 &&
		    n++ == want)
			return it;
	}
	cr_assert_fail("no cell %d,%d", l, i);
	return NULL;
}

static bool
same_rgb(struct ismc_rgb a, struct ismc_rgb b)
{
	return fabs(a.r - b.r) < 1e-9 && fabs(a.g - b.g) < 1e-9 &&
	    fabs(a.b - b.b) < 1e-9;
}

static struct ismc_dl *
heatmap(double w, const struct ismc_text_metrics *m)
{
	struct ismc_chart_opts o = { .width = w, .metrics = m };
	struct ismc_heatmap_tables t;

	t.risks = risks();
	t.scales = ismc_report_scales(ir, &arena);
	t.bands = ismc_report_bands(ir, &arena);
	t.grid = ismc_report_heatmap(ir, &arena);
	return ismc_chart_risk_heatmap(&t, &o, &arena);
}

static void
check_both(double w)
{
	struct ismc_text_metrics *pm = ismc_pango_metrics_new();

	cr_assert_not_null(pm);
	check_dl(heatmap(w, NULL), &ismc_chart_estimate);
	check_dl(heatmap(w, pm), pm);
	ismc_pango_metrics_free(pm);
}

/* ---- layout -------------------------------------------------------------- */

TestSuite(layout, .init = setup, .fini = teardown);

Test(layout, grid_3x3)
{
	struct ismc_dl *dl;

	scales(3);
	add_risk("R-1", 3, 3, 1, 2);
	add_risk("R-2", 3, 3, 1, 1);
	add_risk("R-3", 2, 3, 1, 1);
	dl = heatmap(ISMC_CHART_WIDTH, NULL);
	check_dl(dl, &ismc_chart_estimate);
	cr_assert(has_text(dl, "R-1, R-2"));
	cr_assert(has_text(dl, "2"));
	/* Score 9 is the top band: hatched as well as darkest. */
	cr_assert_eq(cell(dl, 3, 3)->pattern, ISMC_PATTERN_HATCH);
	cr_assert_eq(cell(dl, 1, 1)->pattern, ISMC_PATTERN_NONE);
	cr_assert(same_rgb(cell(dl, 1, 1)->fill, ismc_palette_band(0, 4)));
	check_both(ISMC_CHART_WIDTH);
	check_both(480);
}

Test(layout, grid_5x5)
{
	struct ismc_dl *dl;

	scales(5);
	add_risk("R-001", 4, 5, 2, 2);
	add_risk("R-002", 3, 5, 1, 5);
	add_risk("R-003", 3, 4, 1, 4);
	add_risk("R-004", 4, 4, 2, 2);
	add_risk("R-005", 4, 4, 1, 3);
	dl = heatmap(ISMC_CHART_WIDTH, NULL);
	check_dl(dl, &ismc_chart_estimate);
	cr_assert(has_text(dl, "R-004, R-005") ||
	    (has_text(dl, "R-004,") && has_text(dl, "R-005")));
	cr_assert(same_rgb(cell(dl, 3, 4)->fill, ismc_palette_band(2, 4)));
	cr_assert(same_rgb(cell(dl, 5, 5)->fill, ismc_palette_band(3, 4)));
	check_both(ISMC_CHART_WIDTH);
	check_both(480);
}

Test(layout, grid_10x10)
{
	char *id;
	int k;

	scales(10);
	for (k = 0; k < 40; k++) {
		id = ismc_arena_printf(&arena, "RISK-%03d", k);
		/* Residual never above inherent: that is an error. */
		add_risk(id, 1 + k % 10, 1 + (k * 7) % 10, 1 + k % 3 % (1 +
		    k % 10), 1 + k % 4 % (1 + (k * 7) % 10));
	}
	check_dl(heatmap(ISMC_CHART_WIDTH, NULL), &ismc_chart_estimate);
	check_both(ISMC_CHART_WIDTH);
	check_both(480);
	check_both(300);
}

Test(layout, empty_register)
{
	struct ismc_dl *dl;

	scales(5);
	dl = heatmap(ISMC_CHART_WIDTH, NULL);
	check_dl(dl, &ismc_chart_estimate);
	cr_assert(has_text_prefix(dl, "No risks recorded"));
	cr_assert(has_text(dl, "Inherent risk"));
	cr_assert(has_text(dl, "Impact"));
	check_both(480);
}

/* Too many risks in one cell: the list loses names and says how many. */
Test(layout, crowded_cell_counts_the_rest)
{
	struct ismc_dl *dl;
	size_t i;
	bool plus = false;
	int k;

	scales(5);
	for (k = 0; k < 30; k++)
		add_risk(ismc_arena_printf(&arena, "R-%02d", k), 5, 5, 1, 1);
	dl = heatmap(ISMC_CHART_WIDTH, NULL);
	check_dl(dl, &ismc_chart_estimate);
	cr_assert(has_text(dl, "30"));
	for (i = 0; i < dl->nitems; i++)
		if (dl->items[i].op == ISMC_DL_TEXT &&
		    strstr(dl->items[i].text, " +") != NULL)
			plus = true;
	cr_assert(plus, "no \"+N\" for the ids that did not fit");
}

/*
 * The ids of a crowded cell, read back from the display list: the list's
 * lines joined again, the number of ids it names (k), and whether the
 * list with one more id (the next "+N" smaller) would have fitted in the
 * same room. A cell names as many ids as fit, however they are found.
 */
static void
check_most_ids(const struct ismc_dl *dl, const struct ismc_text_metrics *m,
    const char *const *ids, size_t n)
{
	struct ismc_chart_opts o = { .metrics = m };
	const struct ismc_dl_item *c = cell(dl, 5, 5), *num = NULL;
	struct ismc_rect in = chart_inset(c->box, 3);
	struct ismc_dl *scratch = ismc_dl_new(&arena, 100, 100);
	struct ismc_buf list, more;
	struct chart_lay l;
	struct chart_plan p;
	double h, size = 0;
	size_t i, k = 0;

	ismc_buf_init(&list);
	for (i = 0; i < dl->nitems; i++) {
		const struct ismc_dl_item *it = &dl->items[i];

		if (it->op != ISMC_DL_TEXT || !inside(it->box, in))
			continue;
		if (it->bold) {
			num = it;
			continue;
		}
		if (list.len > 0)
			ismc_buf_adds(&list, " ");
		ismc_buf_adds(&list, it->text);
		size = it->size;
	}
	cr_assert_not_null(num, "no count in the crowded cell");
	cr_assert_str_eq(num->text, ismc_arena_printf(&arena, "%zu", n));
	cr_assert(list.len > 0, "no ids in the crowded cell");
	/* The ids shown are the first k, in order. */
	ismc_buf_init(&more);
	for (k = 0; k < n; k++) {
		ismc_buf_printf(&more, "%s%s", k > 0 ? ", " : "", ids[k]);
		if (strncmp(ismc_buf_cstr(&list), ismc_buf_cstr(&more),
		    more.len) != 0)
			break;
	}
	cr_assert(k > 0 && k < n, "%zu of %zu ids in '%s'", k, n,
	    ismc_buf_cstr(&list));
	cr_assert_str_eq(ismc_buf_cstr(&list), ismc_arena_printf(&arena,
	    "%.*s +%zu", (int)(more.len - strlen(ids[k]) - (k > 0 ? 2 : 0)),
	    ismc_buf_cstr(&more), n - k));
	/* k + 1 ids do not fit where the k did. */
	ismc_buf_printf(&more, "%s", k + 1 < n ? ismc_arena_printf(&arena,
	    " +%zu", n - k - 1) : "");
	chart_lay_init(&l, scratch, &o);
	h = in.h - chart_line_h(num->size) - 1;
	cr_assert(!chart_fit_text(&l, ismc_buf_cstr(&more), in.w, h,
	    fmin(8, num->size), false, CHART_MAXLINES, false, &p),
	    "%zu ids would fit, %zu shown (at %g pt)", k + 1, k, size);
	ismc_buf_free(&more);
	ismc_buf_free(&list);
}

/* Thousands of risks in one cell, ids of uneven length: the cell still
 * lists as many as fit (its layout does not try every count). */
Test(layout, crowded_cell_lists_most_ids)
{
	struct ismc_text_metrics *pm = ismc_pango_metrics_new();
	static const double widths[] = { 420, ISMC_CHART_WIDTH, 1600 };
	const char **ids;
	size_t n = 3000, i, w;

	cr_assert_not_null(pm);
	scales(5);
	ids = ISMC_NEW_ARRAY(&arena, const char *, n);
	for (i = 0; i < n; i++) {
		/* "R-0000", "R-0001-WIDE-NAME", ...: sorted as the register
		 * sorts them (naturally, by id). */
		ids[i] = ismc_arena_printf(&arena, "R-%04zu%s", i,
		    i % 7 == 3 ? "-WIDE-NAME" : i % 5 == 1 ? "x" : "");
		add_risk(ids[i], 5, 5, 1, 1);
	}
	for (w = 0; w < sizeof widths / sizeof widths[0]; w++) {
		check_most_ids(heatmap(widths[w], NULL), &ismc_chart_estimate,
		    ids, n);
		check_most_ids(heatmap(widths[w], pm), pm, ids, n);
	}
	ismc_pango_metrics_free(pm);
}

/* A label that cannot fit even at the minimum size ends in an ellipsis. */
Test(layout, long_labels_are_cut)
{
	struct ismc_dl *dl;
	size_t i;
	bool cut = false;

	labels[0][2] = ismc_arena_printf(&arena, "%0600d", 7);
	scales(3);
	dl = heatmap(480, NULL);
	check_dl(dl, &ismc_chart_estimate);
	for (i = 0; i < dl->nitems; i++)
		if (dl->items[i].op == ISMC_DL_TEXT &&
		    strstr(dl->items[i].text, "\xe2\x80\xa6") != NULL)
			cut = true;
	cr_assert(cut);
	/* Ten thousand words through pango: cut, and quickly. */
	{
		struct ismc_buf b;
		int k;

		ismc_buf_init(&b);
		for (k = 0; k < 10000; k++)
			ismc_buf_adds(&b, "words ");
		labels[1][1] = ismc_arena_strdup(&arena, ismc_buf_cstr(&b));
		ismc_buf_free(&b);
		ismc_buf_reset(&spec);
		ismc_buf_adds(&spec, "framework iso27001\n");
		scales(3);
		compile();
		check_both(480);
	}
}

Test(layout, no_scales_or_bands)
{
	struct ismc_dl *dl;

	dl = heatmap(ISMC_CHART_WIDTH, NULL);
	check_dl(dl, &ismc_chart_estimate);
	cr_assert(has_text(dl, "No risk scales defined"));
	cr_assert(has_text_prefix(dl, "No scoring bands defined"));
}

Test(layout, kpi_marks_by_shape_and_word)
{
	struct ismc_chart_opts o = { .width = ISMC_CHART_WIDTH };
	struct ismc_dl *dl;
	size_t i, marks[4] = { 0 };

	add_kpis();
	dl = ismc_chart_kpi(kpis(), &o, &arena);
	check_dl(dl, &ismc_chart_estimate);
	for (i = 0; i < dl->nitems; i++)
		if (dl->items[i].op == ISMC_DL_MARK)
			marks[dl->items[i].mark]++;
	cr_assert_eq(marks[ISMC_MARK_MET], 1);
	cr_assert_eq(marks[ISMC_MARK_MISSED], 1);
	cr_assert_eq(marks[ISMC_MARK_NONE], 1);
	cr_assert_eq(marks[ISMC_MARK_TARGET], 4);	/* 3 rows, legend */
	cr_assert(has_text(dl, "met"));
	cr_assert(has_text(dl, "missed"));
	cr_assert(has_text(dl, "no result"));
	cr_assert(has_text_prefix(dl, "1 of 2 KPIs with a result met"));
	o.width = 300;
	check_dl(ismc_chart_kpi(kpis(), &o, &arena), &ismc_chart_estimate);
}

Test(layout, kpi_none)
{
	struct ismc_chart_opts o = { .width = ISMC_CHART_WIDTH };
	struct ismc_dl *dl = ismc_chart_kpi(kpis(), &o, &arena);

	check_dl(dl, &ismc_chart_estimate);
	cr_assert(has_text(dl, "No KPIs recorded"));
}

Test(layout, coverage_without_mapping_data)
{
	struct ismc_chart_opts o = { .width = ISMC_CHART_WIDTH };
	struct ismc_dl *dl;

	dl = ismc_chart_coverage(ismc_coverage_from_ir(compile(), &arena), &o,
	    &arena);
	check_dl(dl, &ismc_chart_estimate);
	cr_assert(has_text(dl, "No mapping data"));
}

Test(layout, coverage_cells)
{
	struct ismc_coverage_cell cells[3] = {
		{ .group = "A.5", .title = "Organizational controls",
		    .applicable = 37, .full = 37, .pct = 100 },
		{ .group = "A.6", .title = "People controls", .applicable = 8,
		    .full = 2, .partial = 4, .pct = 25 },
		{ .group = "A.7", .title = NULL, .pct = -1 },
	};
	struct ismc_coverage_row row = { .framework = "fw", .title =
	    "A framework", .cells = cells, .ncells = 3 };
	struct ismc_coverage cov = { .caption = "test", .rows = &row,
	    .nrows = 1 };
	struct ismc_chart_opts o = { .width = ISMC_CHART_WIDTH };
	struct ismc_dl *dl;

	dl = ismc_chart_coverage(&cov, &o, &arena);
	check_dl(dl, &ismc_chart_estimate);
	/* A.6's bar: 2 of 8 full (solid), then 4 of 8 partial (hatched),
	 * each in proportion to the bar's track. */
	{
		const struct ismc_dl_item *track = NULL, *it;
		size_t i, k = 0;

		for (i = 0; i < dl->nitems; i++) {
			it = &dl->items[i];
			if (it->op != ISMC_DL_RECT || it->stroke_width != 0.6)
				continue;
			if (k++ == 1)
				track = it;
		}
		cr_assert_not_null(track, "no bar for A.6");
		it = track + 1;
		cr_assert_eq(it->pattern, ISMC_PATTERN_NONE);
		cr_assert_float_eq(it->box.w, track->box.w * 2 / 8, EPS);
		it = track + 2;
		cr_assert_eq(it->pattern, ISMC_PATTERN_HATCH);
		cr_assert_float_eq(it->box.x, track->box.x + track->box.w *
		    2 / 8, EPS);
		cr_assert_float_eq(it->box.w, track->box.w * 4 / 8, EPS);
	}
	cr_assert(has_text(dl, "100%"));
	cr_assert(has_text(dl, "25%"));
	cr_assert(has_text(dl, "n/a"));
	o.width = 200;
	check_dl(ismc_chart_coverage(&cov, &o, &arena), &ismc_chart_estimate);
}

/* The dump is what the golden tests compare: one stable line per item. */
Test(layout, display_list_dump)
{
	struct ismc_dl *dl = ismc_dl_new(&arena, 100, 50.004);
	struct ismc_dl_item *it;
	struct ismc_buf b;

	it = ismc_dl_add(dl, ISMC_DL_RECT);
	it->box = (struct ismc_rect){ 1, 2, 3.333, 4 };
	it->filled = true;
	it->fill = (struct ismc_rgb){ 1, 0.5, 0 };
	it->stroke_width = 1.5;
	it->stroke = (struct ismc_rgb){ 1, 1, 1 };
	it->pattern = ISMC_PATTERN_HATCH;
	it = ismc_dl_add(dl, ISMC_DL_LINE);
	it->x1 = -0.001;
	it->x2 = 10;
	it->stroke_width = 1;
	it->dashed = true;
	it = ismc_dl_add(dl, ISMC_DL_TEXT);
	it->box = (struct ismc_rect){ 5, 6, 7, 8 };
	it->bound = (struct ismc_rect){ 0, 0, 100, 50 };
	it->size = 8;
	it->bold = true;
	it->text = "say \"hi\"";
	it = ismc_dl_add(dl, ISMC_DL_MARK);
	it->mark = ISMC_MARK_MISSED;
	it->stroke_width = 1.6;
	ismc_buf_init(&b);
	ismc_dl_dump(dl, &b);
	cr_assert_str_eq(ismc_buf_cstr(&b),
	    "display-list 100.00 50.00 4\n"
	    "rect 1.00 2.00 3.33 4.00 fill #ff8000 stroke 1.50 #ffffff "
	    "hatch #000000\n"
	    "line 0.00 0.00 10.00 0.00 stroke 1.00 #000000 dashed\n"
	    "text 5.00 6.00 7.00 8.00 size 8.00 bold #000000 in 0.00 0.00 "
	    "100.00 50.00 \"say \\\"hi\\\"\"\n"
	    "mark missed 0.00 0.00 0.00 0.00 stroke 1.60 #000000\n");
	ismc_buf_free(&b);
}

/* ---- palette ------------------------------------------------------------- */

/* ---- the roadmap timeline ------------------------------------------------ */

/*
 * Five phases over nine months from 2024-01-08, a Stage 1 audit (reached)
 * and a Stage 2 audit, and n measures due every few days across them,
 * owned in turn by `owners` roles (the last share none), every seventh
 * still planned past the as-of date of 2024-06-28.
 */
static void
add_roadmap(size_t n, size_t owners)
{
	static const char *const ph[] = {
		"Planning and scoping", "2024-01-08", "2024-02-16",
		"Risk assessment and treatment", "2024-02-19", "2024-04-12",
		"Control implementation", "2024-04-15", "2024-07-26",
		"Monitoring and audit", "2024-07-29", "2024-08-30",
		"Certification", "2024-09-02", "2024-10-04",
	};
	struct ismc_date d = { 2024, 1, 10 };
	size_t i;

	for (i = 0; i < owners; i++)
		ismc_buf_printf(&spec, "role owner-%zu \"Owner %zu\"\n", i, i);
	for (i = 0; i < 5; i++)
		ismc_buf_printf(&spec, "phase P%zu \"%s\" { from %s; to %s }\n",
		    i + 1, ph[3 * i], ph[3 * i + 1], ph[3 * i + 2]);
	ismc_buf_adds(&spec, "milestone S1 \"Stage 1 audit\" { date 2024-09-04;"
	    " reached 2024-09-05 }\nmilestone S2 \"Stage 2 audit\" { date "
	    "2024-10-01 }\n");
	for (i = 0; i < n; i++) {
		d = ismc_date_add_days((struct ismc_date){ 2024, 1, 10 },
		    (long)(i * 271 / (n ? n : 1)));
		ismc_buf_printf(&spec, "measure M-%zu \"Measure %zu\" { covers "
		    "A.5.1; status %s; due %s", i, i, i % 7 == 0 ? "planned" :
		    "partial", ismc_date_str(&arena, d));
		if (owners > 0 && i % (owners + 1) != owners)
			ismc_buf_printf(&spec, "; owner owner-%zu",
			    i % (owners + 1));
		ismc_buf_adds(&spec, " }\n");
	}
}

/* Compiled as of 2024-06-28, with the warnings overdue work gives. */
static const struct ismc_report *
roadmap(void)
{
	static const struct ismc_date as_of = { 2024, 6, 28 };

	return ismc_report_roadmap(compile_as_of(&as_of), &arena);
}

static struct ismc_dl *
timeline(const struct ismc_report *r, double w,
    const struct ismc_text_metrics *m)
{
	struct ismc_chart_opts o = { .width = w, .metrics = m };

	return ismc_chart_timeline(r, &o, &arena);
}

/* Every width, with both metrics: nothing overlaps or leaves its box. */
static void
timeline_check(const struct ismc_report *r)
{
	struct ismc_text_metrics *pm = ismc_pango_metrics_new();
	/* Stand-alone, the PDF's column (A4 less 2 cm margins), narrow. */
	static const double widths[] = { ISMC_CHART_WIDTH, 481.89, 300 };
	size_t i;

	cr_assert_not_null(pm);
	for (i = 0; i < 3; i++) {
		check_dl(timeline(r, widths[i], NULL), &ismc_chart_estimate);
		check_dl(timeline(r, widths[i], pm), pm);
	}
	ismc_pango_metrics_free(pm);
}

static size_t
count_marks(const struct ismc_dl *dl, enum ismc_dl_mark mark)
{
	size_t i, n = 0;

	for (i = 0; i < dl->nitems; i++)
		n += dl->items[i].op == ISMC_DL_MARK && dl->items[i].mark == mark;
	return n;
}

Test(layout, timeline_none)
{
	struct ismc_dl *dl;

	cr_assert_null(roadmap(), "a spec without a roadmap has no report");
	dl = timeline(NULL, ISMC_CHART_WIDTH, NULL);
	check_dl(dl, &ismc_chart_estimate);
	cr_assert(has_text(dl, "No roadmap recorded"));
	add_roadmap(0, 0);
	timeline_check(roadmap());
}

Test(layout, timeline_10_items)
{
	const struct ismc_report *r;
	struct ismc_dl *dl;

	add_roadmap(10, 3);
	r = roadmap();
	cr_assert_eq(r->nrows, 17);
	timeline_check(r);
	dl = timeline(r, ISMC_CHART_WIDTH, NULL);
	/* M-0..M-6 are due every 27 days from 2024-01-10, before the as-of
	 * date: overdue, a cross each (and one in the legend); M-7..M-9
	 * circles; S2 is not yet due. */
	cr_assert_eq(count_marks(dl, ISMC_MARK_MISSED), 7 + 1);
	cr_assert_eq(count_marks(dl, ISMC_MARK_NONE), 3 + 1);
	cr_assert_eq(count_marks(dl, ISMC_MARK_TARGET), 2 + 1);
	cr_assert_eq(count_marks(dl, ISMC_MARK_MET), 1 + 1);
	cr_assert(has_text(dl, "M-0"));
	cr_assert(has_text(dl, "owner-0"));
	cr_assert(has_text(dl, "no owner"));
	cr_assert(has_text(dl, "as of 2024-06-28"));
	cr_assert(has_text(dl, "reached 2024-09-05"));
	cr_assert(has_text_prefix(dl, "5 phases, 2 milestones, 10 items with "
	    "a target date; 7 overdue as of 2024-06-28"));
}

Test(layout, timeline_300_items)
{
	const struct ismc_report *r;
	struct ismc_dl *dl;

	add_roadmap(300, 6);
	r = roadmap();
	cr_assert_eq(r->nrows, 307);
	timeline_check(r);
	dl = timeline(r, ISMC_CHART_WIDTH, NULL);
	cr_assert_eq(count_marks(dl, ISMC_MARK_MISSED) +
	    count_marks(dl, ISMC_MARK_NONE), 300 + 2);
}

TestSuite(palette);

static double
contrast(struct ismc_rgb a, struct ismc_rgb b)
{
	double la = ismc_palette_luminance(a), lb = ismc_palette_luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* Bands must differ in lightness, not only in hue: greyscale print and
 * colour-blind readers see lightness. */
Test(palette, bands_darken_and_hold_text)
{
	struct ismc_rgb c, prev;
	size_t n, i;

	for (n = 2; n <= 7; n++) {
		for (i = 0; i < n; i++) {
			c = ismc_palette_band(i, n);
			if (i > 0)
				cr_assert(ismc_palette_luminance(c) <
				    ismc_palette_luminance(prev) - 0.03,
				    "band %zu of %zu is not darker", i, n);
			cr_assert(contrast(c, ismc_palette_text_on(c)) >= 4.5,
			    "band %zu of %zu: text contrast too low", i, n);
			prev = c;
		}
	}
	for (i = 0; i <= 100; i += 10)
		cr_assert(contrast(ismc_palette_coverage((double)i),
		    ismc_palette_text_on(ismc_palette_coverage((double)i))) >=
		    4.5);
}

/* ---- rendering ----------------------------------------------------------- */

TestSuite(render, .init = setup, .fini = teardown);

static cairo_status_t
draw(cairo_t *cr, void *dl)
{
	return ismc_chart_paint(cr, dl, true);
}

static void
render_dl(enum ismc_surface_kind kind, const struct ismc_dl *dl,
    struct ismc_buf *out)
{
	ismc_buf_init(out);
	cr_assert_eq(ismc_surface_render(kind, dl->width, dl->height, NULL,
	    draw, (void *)dl, out), CAIRO_STATUS_SUCCESS);
}

struct reader {
	const struct ismc_buf	*b;
	size_t			 off;
};

static cairo_status_t
read_buf(void *closure, unsigned char *data, unsigned int len)
{
	struct reader *r = closure;

	if (r->b->len - r->off < len)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, r->b->data + r->off, len);
	r->off += len;
	return CAIRO_STATUS_SUCCESS;
}

/* The pixel at point (x, y) of the chart, as 0..255 RGB. */
static void
pixel(cairo_surface_t *img, double x, double y, unsigned rgb[3])
{
	const unsigned char *p = cairo_image_surface_get_data(img);
	int stride = cairo_image_surface_get_stride(img);
	uint32_t v;

	p += (int)(y * ISMC_PNG_SCALE) * stride + (int)(x * ISMC_PNG_SCALE) * 4;
	memcpy(&v, p, 4);
	rgb[0] = (v >> 16) & 0xff;
	rgb[1] = (v >> 8) & 0xff;
	rgb[2] = v & 0xff;
}

static void
assert_colour(cairo_surface_t *img, const struct ismc_dl_item *c)
{
	unsigned got[3];
	double want[3] = { c->fill.r, c->fill.g, c->fill.b };
	int k;

	/* Near the top left corner: inside the border, clear of the text. */
	pixel(img, c->box.x + 4, c->box.y + 4, got);
	for (k = 0; k < 3; k++)
		cr_assert(fabs(got[k] - want[k] * 255) <= 2.0,
		    "channel %d: %u, want %.0f", k, got[k], want[k] * 255);
}

Test(render, png_size_and_cell_colours)
{
	struct ismc_buf b;
	struct reader rd;
	cairo_surface_t *img;
	struct ismc_dl *dl;

	scales(5);
	add_risk("R-001", 4, 5, 2, 2);
	add_risk("R-002", 1, 1, 1, 1);
	dl = heatmap(ISMC_CHART_WIDTH, NULL);
	render_dl(ISMC_SURFACE_PNG, dl, &b);
	cr_assert(b.len > 8 && memcmp(b.data, "\x89PNG\r\n\x1a\n", 8) == 0);
	rd.b = &b;
	rd.off = 0;
	img = cairo_image_surface_create_from_png_stream(read_buf, &rd);
	cr_assert_eq(cairo_surface_status(img), CAIRO_STATUS_SUCCESS);
	cr_assert_eq(cairo_image_surface_get_width(img),
	    (int)ceil(dl->width * ISMC_PNG_SCALE));
	cr_assert_eq(cairo_image_surface_get_height(img),
	    (int)ceil(dl->height * ISMC_PNG_SCALE));
	assert_colour(img, cell(dl, 1, 1));	/* low, with a risk */
	assert_colour(img, cell(dl, 2, 4));	/* medium */
	assert_colour(img, cell(dl, 3, 4));	/* high */
	cairo_surface_destroy(img);
	ismc_buf_free(&b);
}

/* cairo numbers SVG ids per process; the factory renumbers them so that
 * a chart is the same bytes whatever was drawn before it. */
Test(render, svg_identical_across_renders)
{
	struct ismc_chart_opts o = { .width = ISMC_CHART_WIDTH };
	struct ismc_buf a, b, other;
	struct ismc_dl *dl;

	scales(5);
	add_risk("R-001", 4, 5, 2, 2);
	add_kpis();
	dl = heatmap(ISMC_CHART_WIDTH, NULL);
	render_dl(ISMC_SURFACE_SVG, dl, &a);
	render_dl(ISMC_SURFACE_SVG, ismc_chart_kpi(kpis(), &o, &arena),
	    &other);
	render_dl(ISMC_SURFACE_PDF, dl, &other);
	render_dl(ISMC_SURFACE_SVG, dl, &b);
	cr_assert(a.len > 0 && strstr(a.data, "<svg") != NULL);
	cr_assert_eq(a.len, b.len);
	cr_assert(memcmp(a.data, b.data, a.len) == 0);
	ismc_buf_free(&a);
	ismc_buf_free(&b);
	ismc_buf_free(&other);
}

Test(render, png_too_large_fails)
{
	struct ismc_buf b;

	ismc_buf_init(&b);
	cr_assert_neq(ismc_surface_render(ISMC_SURFACE_PNG, 1e6, 10, NULL,
	    draw, ismc_dl_new(&arena, 1e6, 10), &b),
	    CAIRO_STATUS_SUCCESS);
	ismc_buf_free(&b);
}

/* ---- the auditor's PDF --------------------------------------------------- */

TestSuite(pdf, .init = setup, .fini = teardown);

/* The PDF of the spec so far, through the registry's outputs. */
static void
pdf(struct ismc_buf *b)
{
	struct ismc_outputs *out = ismc_outputs_new(ir != NULL ? ir :
	    compile(), &arena);

	ismc_buf_init(b);
	cr_assert_eq(ismc_pdf_report(out, b), CAIRO_STATUS_SUCCESS);
	ismc_outputs_free(out);
}

/* The PDF's date, as the renderer reads it from the outputs. */
static void
pdf_date(char *buf, size_t size)
{
	struct ismc_outputs *out = ismc_outputs_new(ir, &arena);

	ismc_outputs_datetime(out, buf, size);
	ismc_outputs_free(out);
}

Test(pdf, date_from_source_date_epoch_then_spec)
{
	char buf[32];

	compile();
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	pdf_date(buf, sizeof buf);
	cr_assert_str_eq(buf, "2023-11-14T22:13:20Z");
	setenv("SOURCE_DATE_EPOCH", "soon", 1);
	pdf_date(buf, sizeof buf);
	cr_assert_str_eq(buf, "1970-01-01T00:00:00Z");
	unsetenv("SOURCE_DATE_EPOCH");
	ismc_buf_reset(&spec);
	ismc_buf_adds(&spec, "framework iso27001\n"
	    "isms \"Dated\" { date 2026-06-30 }\n");
	compile();
	pdf_date(buf, sizeof buf);
	cr_assert_str_eq(buf, "2026-06-30T00:00:00Z");
}

/* Every section of an empty spec says it has nothing, and two renders
 * are the same bytes. */
Test(pdf, empty_spec_renders_identically)
{
	struct ismc_buf a, b;

	unsetenv("SOURCE_DATE_EPOCH");
	pdf(&a);
	pdf(&b);
	cr_assert(a.len > 1000 && memcmp(a.data, "%PDF-", 5) == 0);
	/* cairo 1.16 writes the date without PDF's "D:" prefix. */
	cr_assert(memmem(a.data, a.len, "/CreationDate (19700101000000",
	    29) != NULL);
	cr_assert_eq(a.len, b.len);
	cr_assert(memcmp(a.data, b.data, a.len) == 0);
	ismc_buf_free(&a);
	ismc_buf_free(&b);
}

/* Table cells shaped once (a status on every row, a column title on
 * every page, a title taller than a page, cut) or in each of the three
 * passes: the same bytes. */
Test(pdf, shaped_once_same_bytes)
{
	struct ismc_buf once, each;
	struct ismc_buf words;
	int k;

	unsetenv("SOURCE_DATE_EPOCH");
	scales(5);
	ismc_buf_init(&words);
	for (k = 0; k < 1500; k++)
		ismc_buf_adds(&words, "word ");
	for (k = 0; k < 400; k++)
		add_risk(ismc_arena_printf(&arena, "R-%03d", k), 1 + k % 5,
		    1 + k / 80, 1, 1);
	ismc_buf_printf(&spec, "risk R-LONG \"%s\" {\n  likelihood l1\n"
	    "  impact l2\n}\n", ismc_buf_cstr(&words));
	ismc_buf_free(&words);
	pdf(&once);
	pdf_shape_cache = false;
	pdf(&each);
	pdf_shape_cache = true;
	cr_assert(once.len > 10000 && memcmp(once.data, "%PDF-", 5) == 0);
	cr_assert_eq(once.len, each.len);
	cr_assert(memcmp(once.data, each.data, once.len) == 0);
	ismc_buf_free(&once);
	ismc_buf_free(&each);
}

Test(pdf, risks_and_kpis_render)
{
	struct ismc_buf b;

	scales(5);
	add_risk("R-001", 4, 5, 2, 2);
	add_kpis();
	pdf(&b);
	cr_assert(b.len > 1000 && memcmp(b.data, "%PDF-", 5) == 0);
	ismc_buf_free(&b);
}

/* ---- the registry -------------------------------------------------------- */

TestSuite(registry, .init = setup, .fini = teardown);

/* The directory's entries, sorted, space-separated; removes them. */
static const char *
take_listing(const char *dir)
{
	struct dirent **names;
	struct ismc_buf b;
	const char *s;
	int i, n;

	n = scandir(dir, &names, NULL, alphasort);
	cr_assert_geq(n, 0);
	ismc_buf_init(&b);
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.') {
			if (b.len > 0)
				ismc_buf_addc(&b, ' ');
			ismc_buf_adds(&b, names[i]->d_name);
			unlink(ismc_arena_printf(&arena, "%s/%s", dir,
			    names[i]->d_name));
		}
		free(names[i]);
	}
	free(names);
	s = ismc_arena_strdup(&arena, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

/* A chart format writes every chart, and nothing else. */
Test(registry, formats_filter_outputs)
{
	static const char *const svg[] = { "svg" };
	static const char *const pdf_json[] = { "pdf", "json" };
	static const char *const dl[] = { "dl" };
	char dir[] = "/tmp/ismc-test-chart.XXXXXX";
	struct ismc_sources sources;
	struct ismc_outdir *od;
	struct ismc_diag d;

	cr_assert_not_null(mkdtemp(dir));
	ismc_sources_init(&sources);
	ismc_diag_init(&d, &sources, stderr);
	scales(3);
	add_risk("R-1", 3, 3, 1, 1);
	compile();
	od = ismc_outdir_open(dir, &d);
	cr_assert(ismc_backend_run_dir(ir, &arena, &d, NULL, svg, 1, od));
	cr_assert(ismc_outdir_commit(od));
	cr_assert_str_eq(take_listing(dir),
	    "heatmap-coverage.svg heatmap-risk.svg kpi.svg");
	od = ismc_outdir_open(dir, &d);
	cr_assert(ismc_backend_run_dir(ir, &arena, &d, NULL, pdf_json, 2,
	    od));
	cr_assert(ismc_outdir_commit(od));
	{
		/* The table reports change as the registry grows: check
		 * only that each is a JSON file, beside report.pdf. */
		char *list = ismc_arena_strdup(&arena, take_listing(dir)), *w;
		bool has_pdf = false;

		for (w = strtok(list, " "); w != NULL; w = strtok(NULL, " ")) {
			has_pdf |= strcmp(w, "report.pdf") == 0;
			cr_assert(strcmp(w, "report.pdf") == 0 ||
			    (strlen(w) > 5 &&
			    strcmp(w + strlen(w) - 5, ".json") == 0), "%s", w);
		}
		cr_assert(has_pdf);
	}
	/* The display-list dump is written only on request. */
	od = ismc_outdir_open(dir, &d);
	cr_assert(ismc_backend_run_dir(ir, &arena, &d, NULL, dl, 1, od));
	cr_assert(ismc_outdir_commit(od));
	cr_assert_str_eq(take_listing(dir), "heatmap-coverage.dl.txt "
	    "heatmap-risk.dl.txt kpi.dl.txt");
	cr_assert(ismc_backend_format_known("png"));
	cr_assert(ismc_backend_format_known("csv"));
	cr_assert(ismc_backend_format_known("dl"));
	cr_assert(!ismc_backend_format_known("docx"));
	cr_assert_str_eq(ismc_backend_format_list(),
	    "csv, md, json, png, svg, dl, pdf, oscal, xlsx, html");
	rmdir(dir);
	ismc_sources_destroy(&sources);
}
