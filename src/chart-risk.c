/*
 * chart-risk.c - the risk heatmap: the likelihood x impact grid of the
 * spec's own scales, inherent and residual side by side.
 *
 * Everything comes from finished tables: the scales, the bands and which
 * risks sit in which cell from report-heatmap.h (a risk the spec rates
 * nothing after treatment sits in its residual cell as before), the count
 * of risks from the risk register.
 */
#include <config.h>

#include "chart-risk.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "backend.h"
#include "chart-layout-int.h"
#include "report-heatmap.h"
#include "report-risks.h"
#include "report.h"

struct panel {
	const char	*title;
	bool		 residual;
};

/* The names of one scale's levels, ascending, from the scales table. */
struct scale {
	const char	**names;
	size_t		 n;
};

static struct scale
scale_of(struct ismc_arena *a, const struct ismc_report *scales,
    size_t first, size_t n)
{
	struct scale sc;
	size_t i;

	sc.names = ISMC_NEW_ARRAY(a, const char *, n + 1);
	sc.n = n;
	for (i = 0; i < n; i++)
		sc.names[i] = scales->rows[first + i][ISMC_SCALES_NAME].u.s;
	return sc;
}

static size_t
sum_count(const struct ismc_report *r, size_t index)
{
	return (size_t)r->summary[index].value.u.i;
}

/* The band colour of a grid cell, and whether it is hatched. */
static struct ismc_rgb
cell_colour(const struct ismc_cell *cell, size_t nbands,
    enum ismc_dl_pattern *pat)
{
	size_t b;

	*pat = ISMC_PATTERN_NONE;
	if (cell[ISMC_HEATMAP_BAND].kind != ISMC_CELL_INT)
		return chart_hex(0xe6e6e6);
	b = (size_t)cell[ISMC_HEATMAP_BAND].u.i;
	/* The top band is also hatched: it must stand out in any print. */
	if (nbands > 1 && b == nbands - 1)
		*pat = ISMC_PATTERN_HATCH;
	return ismc_palette_band(b, nbands);
}

/* "R-1, R-2, R-3" or, when only k of n fit, "R-1, R-2 +1". */
static const char *
id_list(struct ismc_arena *a, const char *const *ids, size_t n, size_t k)
{
	size_t i, len = 0;
	char *s, *p;

	for (i = 0; i < k; i++)
		len += strlen(ids[i]) + 2;
	p = s = ismc_arena_alloc(a, len + 32);
	for (i = 0; i < k; i++)
		p += sprintf(p, "%s%s", i > 0 ? ", " : "", ids[i]);
	if (k < n)
		sprintf(p, "%s+%zu", k > 0 ? " " : "", n - k);
	return s;
}

/*
 * At most how many of the n ids can be listed in a w x h box. Listing k
 * ids wraps its first k - 1 ("R-1, ..., R-9,") exactly as the list of all
 * n wraps them, so k ids fit only if that prefix fits on its own; and a
 * prefix that fits stays fitting when shortened. The longest fitting
 * prefix is found by bisection on one copy of the whole list, which
 * makes a cell of n risks cost O(n + log n fits) where trying every k
 * from n down built n lists of up to n ids.
 */
static size_t
ids_bound(const struct chart_lay *l, const char *const *ids, size_t n,
    double w, double h, double size)
{
	struct chart_plan p;
	size_t *end, i, len = 0, lo, hi, mid;
	char *all, saved;
	bool fits;

	end = ISMC_NEW_ARRAY(l->a, size_t, n);
	for (i = 0; i < n; i++) {
		len += strlen(ids[i]) + (i > 0 ? 2 : 0);
		end[i] = len + 1;	/* the prefix through i's comma */
	}
	all = ismc_arena_alloc(l->a, len + 2);
	for (i = 0, len = 0; i < n; i++) {
		if (i > 0)
			all[len++] = ' ';
		memcpy(all + len, ids[i], strlen(ids[i]));
		len += strlen(ids[i]);
		all[len++] = ',';
	}
	all[len] = '\0';
	/* lo ids fit (none always do); hi + 1 do not. */
	lo = 0;
	hi = n - 1;
	while (lo < hi) {
		mid = lo + (hi - lo + 1) / 2;
		saved = all[end[mid - 1]];
		all[end[mid - 1]] = '\0';
		fits = chart_fit_text(l, all, w, h, size, false, CHART_MAXLINES,
		    false, &p);
		all[end[mid - 1]] = saved;
		if (fits)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo + 1;
}

/*
 * The count, and below it as many ids as fit, centred in the cell. The
 * ids never shrink below the minimum font nor get cut mid-name: a list
 * that does not fit loses names from the end, which "+N" then counts.
 */
static void
cell_content(const struct chart_lay *l, struct ismc_rect cell,
    const char *const *ids, size_t n, struct ismc_rgb ink)
{
	struct ismc_rect in = chart_inset(cell, 3);
	struct chart_plan pc, pi;
	const char *num, *list;
	double cs, h, y;
	size_t k;

	num = ismc_arena_printf(l->a, "%zu", n);
	cs = fmin(15, fmax(ISMC_CHART_MIN_FONT, in.h * 0.4 / ISMC_CHART_LINE));
	if (!chart_fit_text(l, num, in.w, in.h, cs, true, 1, false, &pc))
		return;
	pi.nlines = 0;
	h = in.h - chart_plan_h(&pc) - 1;
	k = h > 0 ? ids_bound(l, ids, n, in.w, h, fmin(8, pc.size)) : 0;
	for (; k > 0 && h > 0; k--) {
		list = id_list(l->a, ids, n, k);
		if (chart_fit_text(l, list, in.w, h, fmin(8, pc.size), false,
		    CHART_MAXLINES, false, &pi))
			break;
	}
	/* With no room for ids the count may take the whole cell. */
	if (pi.nlines == 0)
		chart_fit_text(l, num, in.w, in.h, fmin(15, fmax(pc.size,
		    in.h * 0.85 / ISMC_CHART_LINE)), true, 1, false, &pc);
	h = chart_plan_h(&pc) + (pi.nlines > 0 ? 1 + chart_plan_h(&pi) : 0);
	y = in.y + (in.h - h) / 2;
	chart_emit_plan(l, &pc, in.x, y, in.w, CHART_CENTRE, in, ink);
	if (pi.nlines > 0)
		chart_emit_plan(l, &pi, in.x, y + chart_plan_h(&pc) + 1, in.w,
		    CHART_CENTRE, in, ink);
}

/* The height the impact labels need under columns cw wide, at most h. */
static double
x_labels_h(const struct chart_lay *l, const struct scale *is, double cw,
    double h)
{
	struct chart_plan p;
	double need = 0;
	size_t c;

	for (c = 0; c < is->n; c++)
		if (chart_fit_text(l, chart_clean(l->a, is->names[c]),
		    cw - 2, h, 7.5, false,
		    CHART_MAXLINES, true, &p) && chart_plan_h(&p) > need)
			need = chart_plan_h(&p);
	return need;
}

static void
heatmap_panel(const struct chart_lay *l, const struct ismc_heatmap_tables *t,
    const struct scale *ls, const struct scale *is, const struct panel *pn,
    struct ismc_rect area)
{
	const struct ismc_cell *grow;
	const struct ismc_cell *ids;
	struct ismc_rect cell;
	struct ismc_rgb fill, ink;
	struct ismc_dl_item *it;
	enum ismc_dl_pattern pat;
	double ylw, th, xlh, xnh, gx, gy, gw, gh, cw, ch;
	size_t r, c, li;

	ylw = fmin(140, fmax(40, area.w * 0.24));
	th = chart_line_h(10.5) + 4;
	xnh = chart_line_h(8) + 2;
	xlh = fmin(44, fmax(chart_line_h(7) + 2, area.h * 0.13));
	if (is->n > 0)
		xlh = fmin(xlh, 3 + x_labels_h(l, is, (area.w - ylw) /
		    (double)is->n, xlh - 3));
	gx = area.x + ylw;
	gy = area.y + th;
	gw = area.w - ylw;
	gh = area.h - th - xlh - xnh;
	chart_text_in(l, pn->title, chart_rect(gx, area.y, gw, th - 4), 10.5,
	    true, 1, CHART_CENTRE, chart_black);
	chart_text_in(l, "Likelihood", chart_rect(area.x, area.y, ylw - 4, th
	    - 4), 8, true, 1, CHART_RIGHT, chart_grey);
	chart_text_in(l, "Impact", chart_rect(gx, area.y + area.h - xnh, gw,
	    xnh), 8, true, 1, CHART_CENTRE, chart_grey);
	if (ls->n == 0 || is->n == 0 || gw <= 0 || gh <= 0) {
		chart_text_in(l, "No risk scales defined", chart_rect(gx, gy,
		    gw, gh), 9, false, 2, CHART_CENTRE, chart_grey);
		return;
	}
	cw = gw / (double)is->n;
	ch = gh / (double)ls->n;
	for (r = 0; r < ls->n; r++) {
		/* Row 0 at the top holds the highest likelihood. */
		li = ls->n - 1 - r;
		chart_text_in(l, ls->names[li], chart_rect(area.x,
		    gy + (double)r * ch + 1, ylw - 6, ch - 2), 8, false,
		    CHART_MAXLINES, CHART_RIGHT, chart_black);
		for (c = 0; c < is->n; c++) {
			/* The grid table is likelihood major, ascending. */
			grow = t->grid->rows[li * is->n + c];
			cell = chart_rect(gx + (double)c * cw, gy
			    + (double)r * ch, cw, ch);
			fill = cell_colour(grow, t->bands->nrows, &pat);
			ink = ismc_palette_text_on(fill);
			it = chart_add_rect(l, cell, fill, 1.5, chart_white);
			it->pattern = pat;
			it->hatch = chart_mix(fill, ink, 0.3);
			ids = &grow[pn->residual ? ISMC_HEATMAP_RES_RISKS :
			    ISMC_HEATMAP_RISKS];
			if (ids->u.list.n > 0)
				cell_content(l, cell, ids->u.list.items,
				    ids->u.list.n, ink);
		}
	}
	for (c = 0; c < is->n; c++)
		chart_text_top(l, is->names[c], chart_rect(gx
		    + (double)c * cw + 1, gy + gh + 3, cw - 2, xlh - 3), 7.5,
		    false, CHART_MAXLINES, CHART_CENTRE, chart_black);
}

static void
band_legend(const struct chart_lay *l, const struct ismc_report *bands,
    double y, double h)
{
	const struct ismc_cell *b;
	struct ismc_rgb fill;
	double x = CHART_PAD, w;
	size_t i, n = bands->nrows;

	if (n == 0) {
		chart_text_in(l,
		    "No scoring bands defined: cells are not coloured",
		    chart_rect(CHART_PAD, y, l->dl->width - 2 * CHART_PAD, h),
		    8.5, false, 1, CHART_LEFT, chart_grey);
		return;
	}
	w = fmin(170, (l->dl->width - 2 * CHART_PAD) / (double)n);
	for (i = 0; i < n; i++) {
		b = bands->rows[i];
		fill = ismc_palette_band(i, n);
		x = chart_legend_entry(l, x, y, w, h, fill, n > 1 &&
		    i == n - 1 ? ISMC_PATTERN_HATCH : ISMC_PATTERN_NONE,
		    b[ISMC_BANDS_LO].u.i == b[ISMC_BANDS_HI].u.i ?
		    ismc_arena_printf(l->a, "%s (%lld)", b[ISMC_BANDS_NAME].u.s,
		    (long long)b[ISMC_BANDS_LO].u.i) :
		    ismc_arena_printf(l->a, "%s (%lld\xe2\x80\x93%lld)",
		    b[ISMC_BANDS_NAME].u.s, (long long)b[ISMC_BANDS_LO].u.i,
		    (long long)b[ISMC_BANDS_HI].u.i));
	}
}

struct ismc_dl *
ismc_chart_risk_heatmap(const struct ismc_heatmap_tables *t,
    const struct ismc_chart_opts *o, struct ismc_arena *a)
{
	const struct ismc_report *risks = t->risks;
	size_t nl = sum_count(t->scales, ISMC_SCALES_SUM_LIKELIHOOD);
	struct scale ls = scale_of(a, t->scales, 0, nl);
	struct scale is = scale_of(a, t->scales, nl,
	    sum_count(t->scales, ISMC_SCALES_SUM_IMPACT));
	static const struct panel panels[2] = {
		{ "Inherent risk", false },
		{ "Residual risk (after treatment)", true },
	};
	struct ismc_dl *dl;
	struct chart_lay l;
	double y, lh, gap, pw, ph;
	const char *sub;
	bool stacked;
	size_t i;

	/* Side by side the panels need about 640 points; a narrower chart
	 * (the PDF's column) puts residual under inherent instead of
	 * shrinking every label to the minimum. */
	stacked = o->width < 640;
	dl = ismc_dl_new(a, o->width, o->height > 0 ? o->height : stacked ?
	    110 + 2 * fmin(o->width * 0.55, 340) : fmin(o->width * 0.6, 520));
	chart_lay_init(&l, dl, o);
	if (risks->nrows == 0)
		sub = "No risks recorded. Cells are coloured by the score "
		    "band of likelihood \xc3\x97 impact.";
	else
		sub = ismc_arena_printf(a, "%zu risk%s on the spec's "
		    "likelihood \xc3\x97 impact scales: each cell shows how "
		    "many risks sit there and, where they fit, their ids.",
		    risks->nrows, risks->nrows == 1 ? "" : "s");
	y = chart_headline(&l, "Risk heatmap: inherent and residual", sub);
	lh = chart_line_h(8.5) + 6;
	gap = stacked ? 16 : fmin(28, dl->width * 0.04);
	pw = stacked ? dl->width - 2 * CHART_PAD : (dl->width - 2 * CHART_PAD
	    - gap) / 2;
	ph = dl->height - CHART_PAD - lh - 6 - y;
	if (stacked)
		ph = (ph - gap) / 2;
	for (i = 0; i < 2; i++)
		heatmap_panel(&l, t, &ls, &is, &panels[i], stacked ?
		    chart_rect(CHART_PAD, y + (double)i * (ph + gap), pw, ph) :
		    chart_rect(CHART_PAD + (double)i * (pw + gap), y, pw, ph));
	band_legend(&l, t->bands, dl->height - CHART_PAD - lh, lh);
	return dl;
}

static struct ismc_dl *
layout(struct ismc_outputs *out, const struct ismc_chart_opts *o)
{
	struct ismc_heatmap_tables t;

	t.risks = ismc_outputs_report(out, &ismc_report_risks_def, NULL);
	t.scales = ismc_outputs_report(out, &ismc_report_scales_def, NULL);
	t.bands = ismc_outputs_report(out, &ismc_report_bands_def, NULL);
	t.grid = ismc_outputs_report(out, &ismc_report_heatmap_def, NULL);
	return ismc_chart_risk_heatmap(&t, o, ismc_outputs_arena(out));
}

const struct ismc_chart_def ismc_chart_risk_def = {
	.name = "heatmap-risk",
	.layout = layout,
};
