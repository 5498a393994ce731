/*
 * chart-timeline.c - the implementation roadmap on a time axis, from the
 * roadmap table (report-roadmap.h): phases as bars, milestones as
 * triangles, the work with a target date as circles in one lane per
 * owner, and the as-of date as a dashed line. What is overdue is a cross
 * and a bold label, reached milestones a tick: shapes and words, so the
 * chart reads in greyscale.
 *
 * Labels never overlap: each item's label sits beside its mark, and the
 * items of a lane are packed into as many sub-rows as their labels need
 * (first fit, in date order), so the chart grows taller, never denser.
 */
#include <config.h>

#include "chart-timeline.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "backend.h"
#include "chart-layout-int.h"
#include "date.h"
#include "report-roadmap.h"
#include "report.h"

#define TL_PHASE_H	20.0	/* a phase's row */
#define TL_MILE_H	20.0	/* a milestone's row */
#define TL_SUB_H	12.0	/* one sub-row of a lane */
#define TL_LANE_PAD	4.0	/* above and below a lane's sub-rows */
#define TL_MARK		7.0	/* mark size */
#define TL_LABEL	7.0	/* item label size, points */
#define TL_NAME		7.5	/* left-column label size */
#define TL_GAP		3.0	/* between two labels of a sub-row */

enum tl_kind {
	TL_PHASE,
	TL_MILESTONE,
	TL_ITEM,		/* control, clause, measure, action */
};

/* One row of the roadmap table, as the chart reads it. */
struct tl_row {
	enum tl_kind	 kind;
	const char	*id;
	const char	*title;		/* may be NULL */
	const char	*owner;		/* may be NULL */
	long		 from, day;	/* days since 1970 */
	bool		 overdue;
	const char	*reached;	/* a milestone's, or NULL */
	/* An item's place: its lane, sub-row and label box. */
	size_t		 lane, sub;
	double		 lx, lw;	/* label box */
	bool		 left;		/* label left of the mark */
};

struct tl_lane {
	const char	*owner;		/* NULL: no owner */
	size_t		 nsub;
	double		*end;		/* per sub-row: right end so far */
	double		 y, h;
};

struct tl {
	struct chart_lay l;
	struct tl_row	*rows;
	size_t		 nrows, nphases, nmiles;
	struct tl_lane	*lanes;
	size_t		 nlanes;
	bool		 has_as_of;
	long		 as_of;
	long		 start, end;	/* first day shown, day after the last */
	double		 x0, x1;	/* the plot, left to right */
};

static long
day_of(const struct ismc_cell *c, bool *ok)
{
	struct ismc_date d;

	*ok = c->kind == ISMC_CELL_STRING && ismc_date_parse(c->u.s,
	    strlen(c->u.s), &d) == ISMC_DATE_OK;
	return *ok ? ismc_date_to_days(d) : 0;
}

static const char *
str_or_null(const struct ismc_cell *c)
{
	return c->kind == ISMC_CELL_STRING ? c->u.s : NULL;
}

static void
tl_read(struct tl *t, const struct ismc_report *r)
{
	const struct ismc_cell *c;
	const char *kind;
	struct tl_row *w;
	size_t i;
	bool ok;

	t->rows = ISMC_NEW_ARRAY(t->l.a, struct tl_row, r->nrows ? r->nrows :
	    1);
	for (i = 0; i < r->nrows; i++) {
		c = r->rows[i];
		w = &t->rows[t->nrows];
		kind = c[ISMC_ROADMAP_KIND].u.s;
		w->kind = strcmp(kind, "phase") == 0 ? TL_PHASE :
		    strcmp(kind, "milestone") == 0 ? TL_MILESTONE : TL_ITEM;
		w->id = c[ISMC_ROADMAP_ID].u.s;
		w->title = str_or_null(&c[ISMC_ROADMAP_TITLE]);
		w->owner = str_or_null(&c[ISMC_ROADMAP_OWNER]);
		w->day = day_of(&c[ISMC_ROADMAP_DATE], &ok);
		if (!ok)
			continue;
		w->from = w->kind == TL_PHASE ?
		    day_of(&c[ISMC_ROADMAP_FROM], &ok) : w->day;
		if (!ok)
			continue;
		w->overdue = c[ISMC_ROADMAP_OVERDUE].kind == ISMC_CELL_BOOL &&
		    c[ISMC_ROADMAP_OVERDUE].u.b;
		w->reached = str_or_null(&c[ISMC_ROADMAP_REACHED]);
		t->nphases += w->kind == TL_PHASE;
		t->nmiles += w->kind == TL_MILESTONE;
		t->nrows++;
	}
	for (i = 0; i < r->nmeta; i++)
		if (strcmp(r->meta[i].key, "as_of") == 0)
			t->as_of = day_of(&r->meta[i].value, &t->has_as_of);
}

/* From the first of the month of the earliest date to the first of the
 * month after the latest: whole months on the axis. */
static void
tl_range(struct tl *t)
{
	struct ismc_date d;
	long lo, hi;
	size_t i;

	lo = t->nrows > 0 ? t->rows[0].from : t->as_of;
	hi = lo;
	for (i = 0; i < t->nrows; i++) {
		lo = t->rows[i].from < lo ? t->rows[i].from : lo;
		hi = t->rows[i].day > hi ? t->rows[i].day : hi;
	}
	if (t->has_as_of) {
		lo = t->as_of < lo ? t->as_of : lo;
		hi = t->as_of > hi ? t->as_of : hi;
	}
	d = ismc_date_from_days(lo);
	d.day = 1;
	t->start = ismc_date_to_days(d);
	d = ismc_date_from_days(hi);
	d.day = 1;
	t->end = ismc_date_to_days(ismc_date_add_months(d, 1));
}

static double
tl_x(const struct tl *t, long day)
{
	return t->x0 + (t->x1 - t->x0) * (double)(day - t->start) /
	    (double)(t->end - t->start);
}

static double
tl_width(const struct tl *t, const char *s, bool bold)
{
	return t->l.m->width(t->l.m->ctx, s, strlen(s), TL_LABEL, bold);
}

/* The lane of an owner, in order of first appearance (table order). */
static size_t
tl_lane(struct tl *t, const char *owner)
{
	size_t i;

	for (i = 0; i < t->nlanes; i++)
		if (owner == NULL ? t->lanes[i].owner == NULL :
		    t->lanes[i].owner != NULL &&
		    strcmp(t->lanes[i].owner, owner) == 0)
			return i;
	t->lanes[t->nlanes].owner = owner;
	t->lanes[t->nlanes].end = ISMC_NEW_ARRAY(t->l.a, double, t->nrows);
	return t->nlanes++;
}

/* Places an item's label beside its mark, right if it fits, else left,
 * cut to the room there is; then the first sub-row it fits in. */
static void
tl_place(struct tl *t, struct tl_row *w)
{
	struct tl_lane *ln;
	double x = tl_x(t, w->day), tw, lo, hi;
	size_t j;

	tw = tl_width(t, w->id, w->overdue);
	if (x + TL_MARK / 2 + 2 + tw <= t->x1 ||
	    x - t->x0 < t->x1 - x) {
		w->lx = x + TL_MARK / 2 + 2;
		w->lw = fmin(tw, t->x1 - w->lx);
		lo = x - TL_MARK / 2;
		hi = w->lx + w->lw;
	} else {
		w->left = true;
		w->lw = fmin(tw, x - TL_MARK / 2 - 2 - t->x0);
		w->lx = x - TL_MARK / 2 - 2 - w->lw;
		lo = w->lx;
		hi = x + TL_MARK / 2;
	}
	w->lane = tl_lane(t, w->owner);
	ln = &t->lanes[w->lane];
	for (j = 0; j < ln->nsub; j++)
		if (ln->end[j] + TL_GAP <= lo)
			break;
	if (j == ln->nsub)
		ln->nsub++;
	ln->end[j] = hi;
	w->sub = j;
}

/* The month axis: a label every `step` months, as few as keep apart. */
static void
tl_axis(const struct tl *t, double y, double h, double bottom)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	static const int steps[] = { 1, 2, 3, 6, 12, 24, 60 };
	struct ismc_date d = ismc_date_from_days(t->start), n;
	double mw, need, x, xn;
	size_t months = 0, k, i;
	const char *s;

	for (n = d; ismc_date_to_days(n) < t->end; n = ismc_date_add_months(n,
	    1))
		months++;
	mw = (t->x1 - t->x0) / (double)months;
	need = tl_width(t, "May 2024", false) + 6;
	for (k = 0; k + 1 < sizeof steps / sizeof steps[0] &&
	    steps[k] * mw < need; k++)
		continue;
	for (i = 0; i < months; i++, d = ismc_date_add_months(d, 1)) {
		x = tl_x(t, ismc_date_to_days(d));
		chart_add_line(&t->l, x, y + h - 3, x, bottom, 0.5,
		    chart_hex(0xdddddd), false);
		if (i % (size_t)steps[k] != 0)
			continue;
		n = ismc_date_add_months(d, steps[k]);
		xn = fmin(t->x1, tl_x(t, ismc_date_to_days(n)));
		s = d.month == 1 || i == 0 || steps[k] >= 12 ?
		    ismc_arena_printf(t->l.a, "%s %d", mon[d.month - 1], d.year) :
		    mon[d.month - 1];
		chart_text_in(&t->l, s, chart_rect(x + 1, y, xn - x - 2, h),
		    TL_LABEL, false, 1, CHART_LEFT, chart_grey);
	}
	chart_add_line(&t->l, t->x0, y + h, t->x1, y + h, 0.8, chart_grey,
	    false);
}

static struct ismc_rgb
tl_phase_fill(void)
{
	return chart_hex(0x9ecae1);	/* light: black text reads on it */
}

static void
tl_name(const struct tl *t, const char *id, const char *title, double y,
    double h, bool bold)
{
	const char *s = title != NULL ? ismc_arena_printf(t->l.a, "%s %s", id,
	    title) : id;

	chart_text_in(&t->l, s, chart_rect(CHART_PAD, y + 1, t->x0 -
	    CHART_PAD - 6, h - 2), TL_NAME, bold, h >= 2 *
	    chart_line_h(TL_NAME) + 2 ? 2 : 1, CHART_LEFT, chart_black);
}

static void
tl_phase(const struct tl *t, const struct tl_row *w, double y)
{
	double x = tl_x(t, w->from), xe = tl_x(t, w->day + 1);

	tl_name(t, w->id, w->title, y, TL_PHASE_H, false);
	chart_add_rect(&t->l, chart_rect(x, y + 4, xe - x, TL_PHASE_H - 8),
	    tl_phase_fill(), 0.6, chart_hex(0x3182bd));
}

/* A label beside a mark, in the box the placement reserved. */
static void
tl_label(const struct tl *t, const char *s, double lx, double lw, double y,
    double h, bool bold, bool left)
{
	if (lw < 4)
		return;
	chart_text_in(&t->l, s, chart_rect(lx, y, lw, h), TL_LABEL, bold, 1,
	    left ? CHART_RIGHT : CHART_LEFT, chart_black);
}

static void
tl_milestone(const struct tl *t, const struct tl_row *w, double y)
{
	double x = tl_x(t, w->day), my = y + (TL_MILE_H - TL_MARK) / 2;
	const char *s;
	double tw, lx, lw;
	bool left;

	tl_name(t, w->id, w->title, y, TL_MILE_H, true);
	chart_add_mark(&t->l, ISMC_MARK_TARGET, chart_rect(x - TL_MARK / 2, my,
	    TL_MARK, TL_MARK), chart_black);
	s = ismc_date_str(t->l.a, ismc_date_from_days(w->day));
	if (w->reached != NULL)	/* the mark is at the date planned */
		s = ismc_arena_printf(t->l.a, "reached %s", w->reached);
	else if (w->overdue)
		s = ismc_arena_printf(t->l.a, "%s overdue", s);
	if (w->reached != NULL || w->overdue)
		chart_add_mark(&t->l, w->reached != NULL ? ISMC_MARK_MET :
		    ISMC_MARK_MISSED, chart_rect(x + TL_MARK / 2 + 2, my,
		    TL_MARK, TL_MARK), chart_black);
	tw = tl_width(t, s, w->overdue);
	lx = x + TL_MARK * 1.5 + 4;
	left = lx + tw > t->x1 && x - t->x0 > t->x1 - lx;
	if (left) {
		lw = fmin(tw, x - TL_MARK / 2 - 2 - t->x0);
		lx = x - TL_MARK / 2 - 2 - lw;
	} else
		lw = fmin(tw, t->x1 - lx);
	tl_label(t, s, lx, lw, y, TL_MILE_H, w->overdue, left);
}

static void
tl_item(const struct tl *t, const struct tl_row *w)
{
	const struct tl_lane *ln = &t->lanes[w->lane];
	double x = tl_x(t, w->day), y = ln->y + TL_LANE_PAD +
	    (double)w->sub * TL_SUB_H;

	chart_add_mark(&t->l, w->overdue ? ISMC_MARK_MISSED : ISMC_MARK_NONE,
	    chart_rect(x - TL_MARK / 2, y + (TL_SUB_H - TL_MARK) / 2, TL_MARK,
	    TL_MARK), w->overdue ? chart_hex(0xd55e00) : chart_hex(0x0072b2));
	tl_label(t, w->id, w->lx, w->lw, y, TL_SUB_H, w->overdue, w->left);
}

static void
tl_legend(const struct tl *t, double y, double h)
{
	static const struct {
		enum ismc_dl_mark mark;
		const char	*label;
	} marks[] = {
		{ ISMC_MARK_TARGET, "milestone" },
		{ ISMC_MARK_MET, "reached" },
		{ ISMC_MARK_NONE, "target date" },
		{ ISMC_MARK_MISSED, "overdue" },
	};
	double w = (t->l.dl->width - 2 * CHART_PAD) / 6, x = CHART_PAD;
	size_t i;

	x = chart_legend_entry(&t->l, x, y, w, h, tl_phase_fill(),
	    ISMC_PATTERN_NONE, "phase");
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++, x += w) {
		chart_add_mark(&t->l, marks[i].mark, chart_rect(x, y + (h - 9) /
		    2, 9, 9), marks[i].mark == ISMC_MARK_MISSED ?
		    chart_hex(0xd55e00) : marks[i].mark == ISMC_MARK_NONE ?
		    chart_hex(0x0072b2) : chart_black);
		chart_text_in(&t->l, marks[i].label, chart_rect(x + 13, y,
		    w - 19, h), 8.5, false, 1, CHART_LEFT, chart_black);
	}
	if (!t->has_as_of)
		return;
	chart_add_line(&t->l, x, y + h / 2, x + 11, y + h / 2, 1, chart_black,
	    true);
	chart_text_in(&t->l, "as-of date", chart_rect(x + 15, y, w - 21, h),
	    8.5, false, 1, CHART_LEFT, chart_black);
}

static const char *
tl_sub(const struct tl *t, const struct ismc_report *r)
{
	const struct ismc_report_field *s = r->summary;

	return ismc_arena_printf(t->l.a, "%lld phases, %lld milestones, %lld "
	    "items with a target date; %lld overdue%s%s.",
	    (long long)s[ISMC_ROADMAP_SUM_PHASES].value.u.i,
	    (long long)s[ISMC_ROADMAP_SUM_MILESTONES].value.u.i,
	    (long long)s[ISMC_ROADMAP_SUM_TARGETS].value.u.i,
	    (long long)s[ISMC_ROADMAP_SUM_OVERDUE].value.u.i,
	    t->has_as_of ? " as of " : "", t->has_as_of ?
	    ismc_date_str(t->l.a, ismc_date_from_days(t->as_of)) : "");
}

/* The as-of date: its label above the axis, its line down the plot. */
static void
tl_as_of(const struct tl *t, double y, double h, double bottom)
{
	const char *s;
	double x, tw, lx;

	if (!t->has_as_of)
		return;
	x = tl_x(t, t->as_of);
	s = ismc_arena_printf(t->l.a, "as of %s", ismc_date_str(t->l.a,
	    ismc_date_from_days(t->as_of)));
	tw = fmin(tl_width(t, s, true) + 2, t->x1 - t->x0);
	lx = fmin(fmax(x - tw / 2, t->x0), t->x1 - tw);
	chart_text_in(&t->l, s, chart_rect(lx, y, tw, h), TL_LABEL, true, 1,
	    CHART_CENTRE, chart_black);
	chart_add_line(&t->l, x, y + h, x, bottom, 1.2, chart_black, true);
}

struct ismc_dl *
ismc_chart_timeline(const struct ismc_report *road,
    const struct ismc_chart_opts *o, struct ismc_arena *a)
{
	struct ismc_dl *dl;
	struct tl t;
	double y, top, ah, axh, lh, plot_end, lw;
	size_t i;

	memset(&t, 0, sizeof t);
	dl = ismc_dl_new(a, o->width, 0);
	chart_lay_init(&t.l, dl, o);
	if (road == NULL || road->nrows == 0) {
		dl->height = o->height > 0 ? o->height : 140;
		y = chart_headline(&t.l, "Implementation roadmap", NULL);
		chart_text_in(&t.l, "No roadmap recorded", chart_rect(CHART_PAD,
		    y, o->width - 2 * CHART_PAD, dl->height - CHART_PAD - y), 12,
		    true, 1, CHART_CENTRE, chart_grey);
		return dl;
	}
	tl_read(&t, road);
	tl_range(&t);
	lw = fmin(220, fmax(90, o->width * 0.26));
	t.x0 = CHART_PAD + lw;
	t.x1 = o->width - CHART_PAD;
	t.lanes = ISMC_NEW_ARRAY(a, struct tl_lane, t.nrows ? t.nrows : 1);
	for (i = 0; i < t.nrows; i++)
		if (t.rows[i].kind == TL_ITEM)
			tl_place(&t, &t.rows[i]);

	/* Rows top to bottom: as-of label, axis, phases, milestones, lanes. */
	top = chart_headline(&t.l, "Implementation roadmap", tl_sub(&t, road));
	ah = t.has_as_of ? chart_line_h(TL_LABEL) + 3 : 0;
	axh = chart_line_h(TL_LABEL) + 5;
	y = top + ah + axh + 2;
	y += TL_PHASE_H * (double)t.nphases + TL_MILE_H * (double)t.nmiles;
	for (i = 0; i < t.nlanes; i++) {
		t.lanes[i].y = y;
		t.lanes[i].h = (double)t.lanes[i].nsub * TL_SUB_H +
		    2 * TL_LANE_PAD;
		y += t.lanes[i].h;
	}
	plot_end = y;
	lh = chart_line_h(8.5) + 6;
	dl->height = plot_end + 8 + lh + CHART_PAD;

	for (i = 0; i < t.nlanes; i++)
		if (i % 2 == 0)
			chart_add_rect(&t.l, chart_rect(CHART_PAD, t.lanes[i].y,
			    o->width - 2 * CHART_PAD, t.lanes[i].h),
			    chart_hex(0xf3f3f3), 0, chart_white);
	tl_axis(&t, top + ah, axh, plot_end);
	y = top + ah + axh + 2;
	for (i = 0; i < t.nrows; i++)
		if (t.rows[i].kind == TL_PHASE) {
			tl_phase(&t, &t.rows[i], y);
			y += TL_PHASE_H;
		}
	for (i = 0; i < t.nrows; i++)
		if (t.rows[i].kind == TL_MILESTONE) {
			tl_milestone(&t, &t.rows[i], y);
			y += TL_MILE_H;
		}
	for (i = 0; i < t.nlanes; i++)
		tl_name(&t, t.lanes[i].owner != NULL ? t.lanes[i].owner :
		    "no owner", NULL, t.lanes[i].y, fmin(t.lanes[i].h,
		    3 * chart_line_h(TL_NAME) + 2), true);
	for (i = 0; i < t.nrows; i++)
		if (t.rows[i].kind == TL_ITEM)
			tl_item(&t, &t.rows[i]);
	tl_as_of(&t, top, ah, plot_end);
	tl_legend(&t, plot_end + 8, lh);
	return dl;
}

static struct ismc_dl *
layout(struct ismc_outputs *out, const struct ismc_chart_opts *o)
{
	const struct ismc_report *r = ismc_outputs_report(out,
	    &ismc_report_roadmap_def, NULL);

	return r != NULL ? ismc_chart_timeline(r, o, ismc_outputs_arena(out)) :
	    NULL;
}

const struct ismc_chart_def ismc_chart_timeline_def = {
	.name = "timeline",
	.layout = layout,
};
