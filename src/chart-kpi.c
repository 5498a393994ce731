/*
 * chart-kpi.c - each KPI's result as a bar against its target, from the
 * KPI table (report-kpis.h), with met or missed shown by a mark and a word
 * as well as by colour.
 */
#include <config.h>

#include "chart-kpi.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "backend.h"
#include "chart-layout-int.h"
#include "report-kpis.h"
#include "report.h"

#define KPI_ROW		34.0	/* natural height of a KPI's row */

/* A number as the spec wrote it (report-kpis.h), with its unit. */
static const char *
value_text(struct ismc_arena *a, const char *num, const char *unit)
{
	if (unit == NULL || strcmp(unit, "count") == 0)
		return num;
	if (strcmp(unit, "%") == 0)
		return ismc_arena_printf(a, "%s%%", num);
	return ismc_arena_printf(a, "%s %s", num, unit);
}

/* One row of the KPI table, as the chart reads it. */
struct kpi {
	const char	*id;
	const char	*title;		/* may be NULL */
	const char	*unit;		/* may be NULL */
	const char	*cmp;		/* typeset: "<", U+2264, ... */
	double		 target;
	const char	*target_text;	/* as written */
	bool		 has_result;
	double		 result;
	const char	*result_text;	/* as written, if has_result */
	bool		 met;
};

/* The table's comparison ("<=") as a mathematician writes it. */
static const char *
cmp_text(const char *cmp)
{
	if (strcmp(cmp, "<=") == 0)
		return "\xe2\x89\xa4";
	if (strcmp(cmp, ">=") == 0)
		return "\xe2\x89\xa5";
	return cmp;
}

static const char *
str_or_null(const struct ismc_cell *c)
{
	return c->kind == ISMC_CELL_STRING ? c->u.s : NULL;
}

static void
kpi_read(const struct ismc_cell *row, struct kpi *k)
{
	k->id = row[ISMC_KPIS_ID].u.s;
	k->title = str_or_null(&row[ISMC_KPIS_TITLE]);
	k->unit = str_or_null(&row[ISMC_KPIS_UNIT]);
	k->cmp = cmp_text(row[ISMC_KPIS_COMPARISON].u.s);
	k->target = row[ISMC_KPIS_TARGET_VALUE].u.dec.value;
	k->has_result = row[ISMC_KPIS_RESULT].kind == ISMC_CELL_DECIMAL;
	k->result = k->has_result ? row[ISMC_KPIS_RESULT].u.dec.value : 0;
	k->target_text = row[ISMC_KPIS_TARGET_TEXT].u.s;
	k->result_text = k->has_result ? row[ISMC_KPIS_RESULT_TEXT].u.s : NULL;
	k->met = k->has_result && row[ISMC_KPIS_MET].u.b;
}

static struct ismc_rgb
kpi_colour(const struct kpi *k)
{
	/* Okabe-Ito blue and vermillion: apart for every colour vision;
	 * in greyscale the hatch and the mark tell them apart. */
	return !k->has_result ? chart_hex(0x999999) : k->met
	    ? chart_hex(0x0072b2) : chart_hex(0xd55e00);
}

static double
kpi_scale(const struct kpi *k)
{
	double hi = fmax(k->target, k->has_result ? k->result : 0);

	if (k->unit != NULL && strcmp(k->unit, "%") == 0 && hi <= 100)
		return 100;
	return hi > 0 ? hi * 1.2 : 1;
}

/* The bar on its track, and the target as a line under a triangle. */
static void
kpi_bar(const struct chart_lay *l, const struct kpi *k, struct ismc_rect r)
{
	struct ismc_rgb col = kpi_colour(k);
	struct ismc_dl_item *it;
	struct ismc_rect track, bar;
	double bh, max, tx, ms;

	bh = fmin(14, r.h * 0.42);
	max = kpi_scale(k);
	track = chart_rect(r.x, r.y + (r.h - bh) / 2, r.w, bh);
	chart_add_rect(l, track, chart_hex(0xeeeeee), 0.5, chart_hex(0xbbbbbb));
	if (k->has_result && k->result > 0) {
		bar = track;
		bar.w = r.w * fmin(1, k->result / max);
		it = chart_add_rect(l, bar, col, 0, col);
		if (!k->met) {
			it->pattern = ISMC_PATTERN_HATCH;
			it->hatch = chart_mix(col, chart_white, 0.45);
		}
	}
	tx = r.x + r.w * fmin(1, fmax(0, k->target / max));
	chart_add_line(l, tx, track.y - 4, tx, track.y + bh + 4, 1.4,
	    chart_black, false);
	ms = fmin(7, (r.h - bh) / 2 - 1);
	if (ms > 2)
		chart_add_mark(l, ISMC_MARK_TARGET, chart_rect(tx - ms / 2,
		    track.y - 4 - ms, ms, ms), chart_black);
}

/* The verdict as a mark and a word, then the numbers. */
static void
kpi_verdict(const struct chart_lay *l, const struct kpi *k,
    struct ismc_rect r)
{
	static const size_t prio[] = { 0, 1 };
	struct chart_part parts[2];
	enum ismc_dl_mark mark;
	double ms = fmin(10, r.h - 4);

	mark = !k->has_result ? ISMC_MARK_NONE : k->met ? ISMC_MARK_MET :
	    ISMC_MARK_MISSED;
	chart_add_mark(l, mark, chart_rect(r.x, r.y + (r.h - ms) / 2, ms, ms),
	    kpi_colour(k));
	memset(parts, 0, sizeof parts);
	parts[0] = (struct chart_part){ .text = !k->has_result ? "no result" :
	    k->met ? "met" : "missed", .size = 8.5, .bold = true,
	    .maxlines = 1 };
	parts[1] = (struct chart_part){ .text = ismc_arena_printf(l->a,
	    "%s (target %s %s)", k->has_result ? value_text(l->a,
	    k->result_text, k->unit) : "\xe2\x80\x93", k->cmp,
	    value_text(l->a, k->target_text, k->unit)), .size = 7.5,
	    .maxlines = 2 };
	chart_stack(l, chart_rect(r.x + ms + 5, r.y + 1, r.w - ms - 5, r.h - 2),
	    parts, 2, prio, chart_black, CHART_LEFT);
}

static void
kpi_row(const struct chart_lay *l, const struct kpi *k, struct ismc_rect r,
    double lw, double sw)
{
	chart_text_in(l, ismc_arena_printf(l->a, "%s %s", k->id,
	    k->title != NULL ? k->title : ""), chart_rect(r.x, r.y + 1, lw - 8,
	    r.h - 2), 8, false, 3, CHART_LEFT, chart_black);
	kpi_bar(l, k, chart_rect(r.x + lw, r.y, r.w - lw - sw - 10, r.h));
	kpi_verdict(l, k, chart_rect(r.x + r.w - sw, r.y, sw, r.h));
}

static void
kpi_legend(const struct chart_lay *l, double y, double h)
{
	double x = CHART_PAD, w = fmin(130, (l->dl->width - 2 * CHART_PAD) / 4);

	x = chart_legend_entry(l, x, y, w, h, chart_hex(0x0072b2),
	    ISMC_PATTERN_NONE, "met");
	x = chart_legend_entry(l, x, y, w, h, chart_hex(0xd55e00),
	    ISMC_PATTERN_HATCH, "missed");
	chart_add_mark(l, ISMC_MARK_TARGET, chart_rect(x, y + (h - 9) / 2, 9,
	    9), chart_black);
	chart_text_in(l, "target", chart_rect(x + 13, y, w - 13, h), 8.5, false,
	    1, CHART_LEFT, chart_black);
}

struct ismc_dl *
ismc_chart_kpi(const struct ismc_report *kpis, const struct ismc_chart_opts *o,
    struct ismc_arena *a)
{
	struct ismc_dl *dl;
	struct chart_lay l;
	struct kpi k;
	double y, lh, lw, sw, rh, gh, w;
	size_t i, n = kpis->nrows, judged = 0;
	const char *sub;

	dl = ismc_dl_new(a, o->width, o->height > 0 ? o->height :
	    100 + KPI_ROW * (double)(n != 0 ? n : 2));
	chart_lay_init(&l, dl, o);
	for (i = 0; i < n; i++)
		if (kpis->rows[i][ISMC_KPIS_RESULT].kind != ISMC_CELL_NULL)
			judged++;
	sub = n == 0 ? NULL : ismc_arena_printf(a, "%lld of %zu KPIs with a "
	    "result met their target. Each bar has its own scale; the "
	    "triangle marks the target.",
	    (long long)kpis->summary[ISMC_KPIS_SUM_MET].value.u.i, judged);
	y = chart_headline(&l, "Key performance indicators: result against "
	    "target", sub);
	lh = chart_line_h(8.5) + 6;
	gh = dl->height - CHART_PAD - lh - 6 - y;
	w = dl->width - 2 * CHART_PAD;
	if (n == 0) {
		chart_text_in(&l, "No KPIs recorded", chart_rect(CHART_PAD, y,
		    w, gh), 12, true, 1, CHART_CENTRE, chart_grey);
		return dl;
	}
	lw = fmin(260, fmax(80, dl->width * 0.3));
	sw = fmin(190, fmax(80, dl->width * 0.27));
	rh = fmin(48, gh / (double)n);
	for (i = 0; i < n; i++) {
		if (i % 2 == 1)
			chart_add_rect(&l, chart_rect(CHART_PAD, y, w, rh),
			    chart_hex(0xf6f6f6), 0, chart_white);
		kpi_read(kpis->rows[i], &k);
		kpi_row(&l, &k, chart_rect(CHART_PAD, y, w, rh), lw, sw);
		y += rh;
	}
	kpi_legend(&l, dl->height - CHART_PAD - lh, lh);
	return dl;
}

static struct ismc_dl *
layout(struct ismc_outputs *out, const struct ismc_chart_opts *o)
{
	return ismc_chart_kpi(ismc_outputs_report(out, &ismc_report_kpis_def,
	    NULL), o, ismc_outputs_arena(out));
}

const struct ismc_chart_def ismc_chart_kpi_def = {
	.name = "kpi",
	.layout = layout,
};
