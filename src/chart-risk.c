/*
 * chart-risk.c - the risk heatmap: the likelihood x impact grid of the
 * spec's own scales, inherent and residual side by side.
 *
 * The risks come from the risk register (report-risks.h), already rated
 * residual where the spec rates nothing after treatment; the scales and
 * bands are the spec's declarations.
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
#include "ir.h"
#include "report-risks.h"
#include "report.h"

struct panel {
	const char	*title;
	bool		 residual;
};

static size_t
level_index(const struct ismc_ir_scale *sc, int64_t value)
{
	size_t i;

	for (i = 0; i < sc->nlevels; i++)
		if (sc->levels[i].value == value)
			return i;
	return SIZE_MAX;
}

/* Whether a row of the risk register sits in the cell at row li and
 * column ii of a panel. */
static bool
in_cell(const struct ismc_ir *ir, const struct ismc_cell *row, bool residual,
    size_t li, size_t ii)
{
	const struct ismc_cell *l, *i;

	l = &row[residual ? ISMC_RISKS_RES_LIKELIHOOD : ISMC_RISKS_LIKELIHOOD];
	i = &row[residual ? ISMC_RISKS_RES_IMPACT : ISMC_RISKS_IMPACT];
	return l->kind == ISMC_CELL_INT && i->kind == ISMC_CELL_INT &&
	    level_index(&ir->likelihood, l->u.i) == li &&
	    level_index(&ir->impact, i->u.i) == ii;
}

static const char *
level_name(const struct ismc_ir_level *lv)
{
	return lv->label != NULL ? lv->label : lv->id;
}

static size_t
band_index(const struct ismc_ir *ir, int score)
{
	const struct ismc_ir_band *b = ismc_ir_band_for(ir, score);

	return b != NULL ? (size_t)(b - ir->bands) : SIZE_MAX;
}

static struct ismc_rgb
cell_colour(const struct ismc_ir *ir, int score, enum ismc_dl_pattern *pat)
{
	size_t b = band_index(ir, score);

	*pat = ISMC_PATTERN_NONE;
	if (b == SIZE_MAX)
		return chart_hex(0xe6e6e6);
	/* The top band is also hatched: it must stand out in any print. */
	if (ir->nbands > 1 && b == ir->nbands - 1)
		*pat = ISMC_PATTERN_HATCH;
	return ismc_palette_band(b, ir->nbands);
}

/* "R-1, R-2, R-3" or, when only k of n fit, "R-1, R-2 +1". */
static const char *
id_list(struct ismc_arena *a, const char **ids, size_t n, size_t k)
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
ids_bound(const struct chart_lay *l, const char **ids, size_t n, double w,
    double h, double size)
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
cell_content(const struct chart_lay *l, struct ismc_rect cell, const char **ids,
    size_t n, struct ismc_rgb ink)
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
x_labels_h(const struct chart_lay *l, const struct ismc_ir_scale *is, double cw,
    double h)
{
	struct chart_plan p;
	double need = 0;
	size_t c;

	for (c = 0; c < is->nlevels; c++)
		if (chart_fit_text(l, chart_clean(l->a,
		    level_name(&is->levels[c])), cw - 2, h, 7.5, false,
		    CHART_MAXLINES, true, &p) && chart_plan_h(&p) > need)
			need = chart_plan_h(&p);
	return need;
}

static void
heatmap_panel(const struct chart_lay *l, const struct ismc_ir *ir,
    const struct ismc_report *risks, const struct panel *pn,
    struct ismc_rect area)
{
	const struct ismc_ir_scale *ls = &ir->likelihood, *is = &ir->impact;
	const struct ismc_cell *row;
	const char **ids;
	struct ismc_rect cell;
	struct ismc_rgb fill, ink;
	struct ismc_dl_item *it;
	enum ismc_dl_pattern pat;
	double ylw, th, xlh, xnh, gx, gy, gw, gh, cw, ch;
	size_t r, c, k, li, i;

	ylw = fmin(140, fmax(40, area.w * 0.24));
	th = chart_line_h(10.5) + 4;
	xnh = chart_line_h(8) + 2;
	xlh = fmin(44, fmax(chart_line_h(7) + 2, area.h * 0.13));
	if (is->nlevels > 0)
		xlh = fmin(xlh, 3 + x_labels_h(l, is, (area.w - ylw) /
		    (double)is->nlevels, xlh - 3));
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
	if (ls->nlevels == 0 || is->nlevels == 0 || gw <= 0 || gh <= 0) {
		chart_text_in(l, "No risk scales defined", chart_rect(gx, gy,
		    gw, gh), 9, false, 2, CHART_CENTRE, chart_grey);
		return;
	}
	cw = gw / (double)is->nlevels;
	ch = gh / (double)ls->nlevels;
	ids = ISMC_NEW_ARRAY(l->a, const char *, risks->nrows + 1);
	for (r = 0; r < ls->nlevels; r++) {
		/* Row 0 at the top holds the highest likelihood. */
		li = ls->nlevels - 1 - r;
		chart_text_in(l, level_name(&ls->levels[li]), chart_rect(area.x,
		    gy + (double)r * ch + 1, ylw - 6, ch - 2), 8, false,
		    CHART_MAXLINES, CHART_RIGHT, chart_black);
		for (c = 0; c < is->nlevels; c++) {
			cell = chart_rect(gx + (double)c * cw, gy
			    + (double)r * ch, cw, ch);
			fill = cell_colour(ir, ls->levels[li].value *
			    is->levels[c].value, &pat);
			ink = ismc_palette_text_on(fill);
			it = chart_add_rect(l, cell, fill, 1.5, chart_white);
			it->pattern = pat;
			it->hatch = chart_mix(fill, ink, 0.3);
			for (k = 0, i = 0; i < risks->nrows; i++) {
				row = risks->rows[i];
				if (in_cell(ir, row, pn->residual, li, c))
					ids[k++] = row[ISMC_RISKS_ID].u.s;
			}
			if (k > 0)
				cell_content(l, cell, ids, k, ink);
		}
	}
	for (c = 0; c < is->nlevels; c++)
		chart_text_top(l, level_name(&is->levels[c]), chart_rect(gx
		    + (double)c * cw + 1, gy + gh + 3, cw - 2, xlh - 3), 7.5,
		    false, CHART_MAXLINES, CHART_CENTRE, chart_black);
}

static void
band_legend(const struct chart_lay *l, const struct ismc_ir *ir, double y,
    double h)
{
	struct ismc_rgb fill;
	double x = CHART_PAD, w;
	size_t i;

	if (ir->nbands == 0) {
		chart_text_in(l,
		    "No scoring bands defined: cells are not coloured",
		    chart_rect(CHART_PAD, y, l->dl->width - 2 * CHART_PAD, h),
		    8.5, false, 1, CHART_LEFT, chart_grey);
		return;
	}
	w = fmin(170, (l->dl->width - 2 * CHART_PAD) / (double)ir->nbands);
	for (i = 0; i < ir->nbands; i++) {
		const struct ismc_ir_band *b = &ir->bands[i];

		fill = ismc_palette_band(i, ir->nbands);
		x = chart_legend_entry(l, x, y, w, h, fill, ir->nbands > 1 &&
		    i == ir->nbands - 1 ? ISMC_PATTERN_HATCH :
		    ISMC_PATTERN_NONE,
		    b->lo == b->hi ? ismc_arena_printf(l->a, "%s (%d)",
		    b->label != NULL ? b->label : b->id, b->lo) :
		    ismc_arena_printf(l->a, "%s (%d\xe2\x80\x93%d)",
		    b->label != NULL ? b->label : b->id, b->lo, b->hi));
	}
}

struct ismc_dl *
ismc_chart_risk_heatmap(const struct ismc_report *risks,
    const struct ismc_ir *ir, const struct ismc_chart_opts *o,
    struct ismc_arena *a)
{
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
		heatmap_panel(&l, ir, risks, &panels[i], stacked ?
		    chart_rect(CHART_PAD, y + (double)i * (ph + gap), pw, ph) :
		    chart_rect(CHART_PAD + (double)i * (pw + gap), y, pw, ph));
	band_legend(&l, ir, dl->height - CHART_PAD - lh, lh);
	return dl;
}

static struct ismc_dl *
layout(struct ismc_outputs *out, const struct ismc_chart_opts *o)
{
	return ismc_chart_risk_heatmap(ismc_outputs_report(out,
	    &ismc_report_risks_def, NULL), ismc_outputs_ir(out), o,
	    ismc_outputs_arena(out));
}

const struct ismc_chart_def ismc_chart_risk_def = {
	.name = "heatmap-risk",
	.layout = layout,
};
