/*
 * chart-coverage.c - the coverage heatmap: each framework against its
 * top-level groups, coloured by the share of assessed requirements that
 * are covered, from the coverage table (coverage.h).
 */
#include <config.h>

#include "chart-coverage.h"

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "backend.h"
#include "chart-layout-int.h"
#include "coverage.h"

#define COVERAGE_ROW	80.0	/* natural height of a line of cells */
#define MIN_CELL	46.0	/* narrowest cell */
#define BAR_H		5.0	/* full / partial bar at a cell's foot */
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const char *
pct_text(struct ismc_arena *a, double pct)
{
	return pct < 0 ? "n/a" : ismc_arena_printf(a, "%.0f%%", pct);
}

/* Starting sizes shared by every cell, so that the same figure reads at
 * the same size across the chart. */
struct cell_sizes {
	double		 group, pct;
};

/* The largest size, up to `size`, at which text fits on one line. */
static double
one_line_size(const struct chart_lay *l, const char *text, double w,
    double size, bool bold)
{
	struct chart_plan p;

	return chart_fit_text(l, chart_clean(l->a, text), w, 1000, size, bold,
	    1, false, &p) ? p.size : ISMC_CHART_MIN_FONT;
}

static struct cell_sizes
coverage_sizes(const struct chart_lay *l, const struct ismc_coverage *cov,
    double cw)
{
	struct cell_sizes cs;
	size_t i, j;

	cs.pct = one_line_size(l, "100%", cw - 6, 12, true);
	cs.group = 8;
	for (i = 0; i < cov->nrows; i++)
		for (j = 0; j < cov->rows[i].ncells; j++)
			cs.group = fmin(cs.group, one_line_size(l,
			    cov->rows[i].cells[j].group, cw - 6, 8, true));
	return cs;
}

/*
 * Full (solid), partial (hatched) and the rest (empty) of the cell's
 * assessed requirements, as a bar along the cell's foot: the colour counts
 * full coverage only, and a framework covered mostly in part would look
 * as bare as one not covered at all.
 */
static void
coverage_bar(const struct chart_lay *l, struct ismc_rect r,
    const struct ismc_coverage_cell *cc, struct ismc_rgb fill,
    struct ismc_rgb ink)
{
	struct ismc_dl_item *it;
	double wf, wp;

	if (cc->applicable == 0 || r.w <= 0 || r.h <= 0)
		return;
	chart_add_rect(l, r, fill, 0.6, ink);
	wf = r.w * (double)cc->full / (double)cc->applicable;
	wp = r.w * (double)cc->partial / (double)cc->applicable;
	if (wf > 0)
		chart_add_rect(l, chart_rect(r.x, r.y, wf, r.h), ink, 0, ink);
	if (wp > 0) {
		it = chart_add_rect(l, chart_rect(r.x + wf, r.y, wp, r.h), fill,
		    0, ink);
		it->pattern = ISMC_PATTERN_HATCH;
		it->hatch = ink;
	}
}

static void
coverage_cell(const struct chart_lay *l, struct ismc_rect cell,
    const struct ismc_coverage_cell *cc, const struct cell_sizes *cs)
{
	static const size_t prio[] = { 1, 0, 2, 3 };
	struct chart_part parts[4];
	struct ismc_dl_item *it;
	struct ismc_rect in, bar;
	struct ismc_rgb fill, ink;
	double bh;

	fill = cc->pct < 0 ? chart_hex(0xe6e6e6) :
	    ismc_palette_coverage(cc->pct);
	ink = ismc_palette_text_on(fill);
	it = chart_add_rect(l, cell, fill, 1.5, chart_white);
	if (cc->pct < 0) {
		it->pattern = ISMC_PATTERN_HATCH;
		it->hatch = chart_hex(0xb0b0b0);
	}
	in = chart_inset(cell, 3);
	bh = cc->applicable > 0 ? fmin(BAR_H, in.h * 0.12) : 0;
	bar = chart_rect(in.x + 2, in.y + in.h - bh, in.w - 4, bh);
	in.h -= bh > 0 ? bh + 2 : 0;
	memset(parts, 0, sizeof parts);
	parts[0] = (struct chart_part){ .text = cc->group, .size = cs->group,
	    .bold = true, .maxlines = 1 };
	parts[1] = (struct chart_part){ .text = pct_text(l->a, cc->pct),
	    .size = cs->pct, .bold = true, .maxlines = 1 };
	parts[2] = (struct chart_part){ .text = ismc_arena_printf(l->a,
	    "%zu of %zu", cc->full, cc->applicable), .size = 7,
	    .maxlines = 1 };
	parts[3] = (struct chart_part){ .text = cc->title != NULL ?
	    cc->title : "", .size = 7, .maxlines = 2 };
	chart_stack(l, in, parts, 4, prio, ink, CHART_CENTRE);
	coverage_bar(l, bar, cc, fill, ink);
}

static void
coverage_legend(const struct chart_lay *l, double y, double h)
{
	static const double steps[] = { 0, 25, 50, 75, 100 };
	double x = CHART_PAD, w;
	size_t i;

	w = fmin(110, (l->dl->width - 2 * CHART_PAD) / 10);
	for (i = 0; i < NELEM(steps); i++)
		x = chart_legend_entry(l, x, y, w, h,
		    ismc_palette_coverage(steps[i]), ISMC_PATTERN_NONE,
		    ismc_arena_printf(l->a, "%.0f%%", steps[i]));
	x = chart_legend_entry(l, x, y, 2 * w, h, chart_hex(0xe6e6e6),
	    ISMC_PATTERN_HATCH, "nothing applicable");
	x = chart_legend_entry(l, x, y, 1.3 * w, h, chart_black,
	    ISMC_PATTERN_NONE, "bar: full");
	chart_legend_entry(l, x, y, 1.7 * w, h, chart_white,
	    ISMC_PATTERN_HATCH, "partial");
}

/* Columns that keep cells at least MIN_CELL wide. */
static size_t
coverage_cols(const struct ismc_coverage *cov, double gw)
{
	size_t i, n = 1, fit;

	for (i = 0; i < cov->nrows; i++)
		if (cov->rows[i].ncells > n)
			n = cov->rows[i].ncells;
	fit = (size_t)fmax(1, floor(gw / MIN_CELL));
	return n < fit ? n : fit;
}

/* Lines of cells a framework takes: its groups wrap at `cols`. */
static size_t
coverage_lines(const struct ismc_coverage_row *row, size_t cols)
{
	return row->ncells == 0 ? 1 : (row->ncells + cols - 1) / cols;
}

static double
label_w(double width)
{
	return fmin(180, fmax(60, width * 0.22));
}

static void
coverage_row(const struct chart_lay *l, const struct ismc_coverage_row *row,
    double y, double rh, size_t cols, double cw, const struct cell_sizes *cs)
{
	double lw = label_w(l->dl->width), h, th;
	size_t j;

	h = rh * (double)coverage_lines(row, cols);
	th = h - chart_line_h(8) - 4;
	chart_text_in(l, row->title != NULL ? row->title : row->framework,
	    chart_rect(CHART_PAD, y, lw - 8, th), 9, true, CHART_MAXLINES,
	    CHART_LEFT, chart_black);
	/* The coverage index beside the share full: one figure that also
	 * weighs the partial coverage the bars show. */
	chart_text_top(l, row->total.index >= 0 ? ismc_arena_printf(l->a,
	    "%s full, index %.1f", pct_text(l->a, row->total.pct),
	    row->total.index) : ismc_arena_printf(l->a, "%s overall",
	    pct_text(l->a, row->total.pct)), chart_rect(CHART_PAD, y + th,
	    lw - 8, h - th), 8, false, 1, CHART_LEFT, chart_grey);
	for (j = 0; j < row->ncells; j++)
		coverage_cell(l, chart_rect(CHART_PAD + lw
		    + (double)(j % cols) * cw, y + (double)(j / cols) * rh, cw,
		    rh), &row->cells[j], cs);
}

struct ismc_dl *
ismc_chart_coverage(const struct ismc_coverage *cov,
    const struct ismc_chart_opts *o, struct ismc_arena *a)
{
	struct ismc_dl *dl;
	struct chart_lay l;
	struct cell_sizes cs;
	double y, lh, cw, rh, gw, gh;
	size_t i, cols = 1, lines = 1;

	/* Frameworks with many groups wrap them onto more lines rather
	 * than shrink every cell's text. */
	gw = o->width - 2 * CHART_PAD - label_w(o->width);
	if (cov != NULL && cov->nrows > 0) {
		cols = coverage_cols(cov, gw);
		for (i = 0, lines = 0; i < cov->nrows; i++)
			lines += coverage_lines(&cov->rows[i], cols);
	}
	dl = ismc_dl_new(a, o->width, o->height > 0 ? o->height :
	    100 + COVERAGE_ROW * (double)lines);
	chart_lay_init(&l, dl, o);
	y = chart_headline(&l, "Coverage by framework and group",
	    cov != NULL ? cov->caption : NULL);
	lh = chart_line_h(8.5) + 6;
	gh = dl->height - CHART_PAD - lh - 6 - y;
	if (cov == NULL || cov->nrows == 0) {
		chart_text_in(&l, "No mapping data", chart_rect(CHART_PAD, y,
		    dl->width - 2 * CHART_PAD, gh), 12, true, 1, CHART_CENTRE,
		    chart_grey);
		return dl;
	}
	cw = gw / (double)cols;
	rh = fmin(COVERAGE_ROW, gh / (double)lines);
	cs = coverage_sizes(&l, cov, cw);
	for (i = 0; i < cov->nrows; i++) {
		coverage_row(&l, &cov->rows[i], y, rh, cols, cw, &cs);
		y += rh * (double)coverage_lines(&cov->rows[i], cols);
	}
	coverage_legend(&l, dl->height - CHART_PAD - lh, lh);
	return dl;
}

static struct ismc_dl *
layout(struct ismc_outputs *out, const struct ismc_chart_opts *o)
{
	return ismc_chart_coverage(ismc_outputs_coverage(out), o,
	    ismc_outputs_arena(out));
}

const struct ismc_chart_def ismc_chart_coverage_def = {
	.name = "heatmap-coverage",
	.layout = layout,
};
