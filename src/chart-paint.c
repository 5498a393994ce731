/*
 * chart-paint.c - cairo and pango painter for chart display lists.
 */
#include <config.h>

#include "chart-paint.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "chart-layout.h"
#include "strtab.h"
#include "text-bound.h"
#include "xalloc.h"

#define HATCH_GAP	5.0	/* points between hatch lines */

cairo_font_options_t *
ismc_chart_font_options(void)
{
	cairo_font_options_t *fo;

	fo = cairo_font_options_create();
	/* Unhinted metrics make widths linear in the scale, so what the
	 * layout measured once holds for the 2x PNG and the PDF alike. */
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	return fo;
}

static PangoFontDescription *
font(double size, bool bold)
{
	PangoFontDescription *fd;

	fd = pango_font_description_from_string(ISMC_CHART_FONT);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD :
	    PANGO_WEIGHT_NORMAL);
	return fd;
}

static void
set_font(PangoLayout *pl, double size, bool bold)
{
	PangoFontDescription *fd = font(size, bold);

	pango_layout_set_font_description(pl, fd);
	pango_font_description_free(fd);
}

/* ---- measuring --------------------------------------------------------- */

/*
 * A width measured once: fitting a label tries it at several sizes and a
 * crowded heatmap cell's list of ids is wrapped again for each count a
 * bisection tries, each time measuring the same lines word by word. Pango
 * gives the same width for the same text, size and weight, so each is
 * asked once (heap, freed with the metrics).
 */
struct measured {
	char		*text;		/* NULL: a free slot */
	size_t		 len;
	uint32_t	 hash;
	double		 size;
	bool		 bold;
	double		 w;
};

struct pango_metrics {
	struct ismc_text_metrics m;	/* first: the public face */
	PangoContext	*ctx;
	PangoLayout	*layout;
	struct measured	*seen;		/* open addressing, a power of 2 */
	size_t		 nseen, seen_cap;
};

static double
pango_measure(struct pango_metrics *pm, const char *s, size_t len,
    double size, bool bold)
{
	PangoRectangle logical;
	char *safe = ismc_text_bound(s, len, &ismc_text_line, NULL);

	set_font(pm->layout, size, bold);
	pango_layout_set_text(pm->layout, safe, -1);
	free(safe);
	pango_layout_get_extents(pm->layout, NULL, &logical);
	return (double)logical.width / PANGO_SCALE;
}

static void
seen_grow(struct pango_metrics *pm)
{
	struct measured *old = pm->seen;
	size_t i, j, cap = pm->seen_cap, ncap = cap != 0 ? 2 * cap : 256;

	pm->seen = ismc_xcalloc(ncap, sizeof *pm->seen);
	pm->seen_cap = ncap;
	for (i = 0; i < cap; i++) {
		if (old[i].text == NULL)
			continue;
		for (j = old[i].hash & (ncap - 1); pm->seen[j].text != NULL;
		    j = (j + 1) & (ncap - 1))
			continue;
		pm->seen[j] = old[i];
	}
	free(old);
}

static double
pango_width(void *vp, const char *s, size_t len, double size, bool bold)
{
	struct pango_metrics *pm = vp;
	uint32_t hash = ismc_hash_bytes(s, len) ^ (uint32_t)(size * 64) *
	    2654435761u ^ (bold ? 0x9e3779b9u : 0);
	struct measured *e;
	size_t j;

	if (2 * (pm->nseen + 1) > pm->seen_cap)
		seen_grow(pm);
	for (j = hash & (pm->seen_cap - 1);; j = (j + 1) & (pm->seen_cap - 1)) {
		e = &pm->seen[j];
		if (e->text == NULL)
			break;
		if (e->hash == hash && e->len == len && e->size == size &&
		    e->bold == bold && memcmp(e->text, s, len) == 0)
			return e->w;
	}
	e->text = ismc_xmalloc(len + 1);
	memcpy(e->text, s, len);
	e->text[len] = '\0';
	e->len = len;
	e->hash = hash;
	e->size = size;
	e->bold = bold;
	e->w = pango_measure(pm, s, len, size, bold);
	pm->nseen++;
	return e->w;
}

struct ismc_text_metrics *
ismc_pango_metrics_new(void)
{
	struct pango_metrics *pm;
	cairo_font_options_t *fo;
	PangoFontMap *fm;

	if ((fm = pango_cairo_font_map_get_default()) == NULL)
		return NULL;
	pm = ismc_xcalloc(1, sizeof *pm);
	pm->ctx = pango_font_map_create_context(fm);
	fo = ismc_chart_font_options();
	pango_cairo_context_set_font_options(pm->ctx, fo);
	cairo_font_options_destroy(fo);
	pm->layout = pango_layout_new(pm->ctx);
	pm->m.width = pango_width;
	pm->m.ctx = pm;
	return &pm->m;
}

void
ismc_pango_metrics_free(struct ismc_text_metrics *m)
{
	struct pango_metrics *pm = (struct pango_metrics *)m;
	size_t i;

	if (pm == NULL)
		return;
	for (i = 0; i < pm->seen_cap; i++)
		free(pm->seen[i].text);
	free(pm->seen);
	g_object_unref(pm->layout);
	g_object_unref(pm->ctx);
	free(pm);
}

/* ---- painting ---------------------------------------------------------- */

static void
source(cairo_t *cr, struct ismc_rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* Diagonal lines clipped to the rectangle, anchored to the page so that
 * neighbouring hatched cells join up. */
static void
hatch(cairo_t *cr, const struct ismc_dl_item *it)
{
	const struct ismc_rect *r = &it->box;
	double d, start;

	cairo_save(cr);
	cairo_rectangle(cr, r->x, r->y, r->w, r->h);
	cairo_clip(cr);
	source(cr, it->hatch);
	cairo_set_line_width(cr, 0.9);
	start = floor((r->x - r->y - r->h) / HATCH_GAP) * HATCH_GAP;
	for (d = start; d < r->x + r->w - r->y; d += HATCH_GAP) {
		/* The line x - y = d across the rectangle's rows. */
		cairo_move_to(cr, d + r->y, r->y);
		cairo_line_to(cr, d + r->y + r->h, r->y + r->h);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

static void
paint_rect(cairo_t *cr, const struct ismc_dl_item *it)
{
	const struct ismc_rect *r = &it->box;

	if (it->filled) {
		cairo_rectangle(cr, r->x, r->y, r->w, r->h);
		source(cr, it->fill);
		cairo_fill(cr);
	}
	if (it->pattern == ISMC_PATTERN_HATCH)
		hatch(cr, it);
	if (it->stroke_width > 0) {
		cairo_rectangle(cr, r->x, r->y, r->w, r->h);
		source(cr, it->stroke);
		cairo_set_line_width(cr, it->stroke_width);
		cairo_stroke(cr);
	}
}

static void
paint_line(cairo_t *cr, const struct ismc_dl_item *it)
{
	static const double dash[] = { 3, 2 };

	cairo_save(cr);
	if (it->dashed)
		cairo_set_dash(cr, dash, 2, 0);
	cairo_move_to(cr, it->x1, it->y1);
	cairo_line_to(cr, it->x2, it->y2);
	source(cr, it->stroke);
	cairo_set_line_width(cr, it->stroke_width);
	cairo_stroke(cr);
	cairo_restore(cr);
}

static void
paint_mark(cairo_t *cr, const struct ismc_dl_item *it)
{
	const struct ismc_rect *r = &it->box;

	cairo_save(cr);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_set_line_width(cr, it->stroke_width);
	source(cr, it->filled ? it->fill : it->stroke);
	switch (it->mark) {
	case ISMC_MARK_TARGET:
		cairo_move_to(cr, r->x, r->y);
		cairo_line_to(cr, r->x + r->w, r->y);
		cairo_line_to(cr, r->x + r->w / 2, r->y + r->h);
		cairo_close_path(cr);
		cairo_fill(cr);
		break;
	case ISMC_MARK_MET:
		cairo_move_to(cr, r->x + 0.1 * r->w, r->y + 0.55 * r->h);
		cairo_line_to(cr, r->x + 0.4 * r->w, r->y + 0.85 * r->h);
		cairo_line_to(cr, r->x + 0.9 * r->w, r->y + 0.15 * r->h);
		cairo_stroke(cr);
		break;
	case ISMC_MARK_MISSED:
		cairo_move_to(cr, r->x + 0.15 * r->w, r->y + 0.15 * r->h);
		cairo_line_to(cr, r->x + 0.85 * r->w, r->y + 0.85 * r->h);
		cairo_move_to(cr, r->x + 0.85 * r->w, r->y + 0.15 * r->h);
		cairo_line_to(cr, r->x + 0.15 * r->w, r->y + 0.85 * r->h);
		cairo_stroke(cr);
		break;
	case ISMC_MARK_NONE:
		cairo_new_sub_path(cr);
		cairo_arc(cr, r->x + r->w / 2, r->y + r->h / 2,
		    fmin(r->w, r->h) * 0.4, 0, 2 * M_PI);
		cairo_stroke(cr);
		break;
	}
	cairo_restore(cr);
}

static void
paint_text(cairo_t *cr, PangoLayout *pl, const struct ismc_dl_item *it)
{
	double room = it->bound.x + it->bound.w - it->box.x;
	char *safe = ismc_text_bound(it->text, strlen(it->text),
	    &ismc_text_line, NULL);

	set_font(pl, it->size, it->bold);
	/* Bounded and isolated as in the PDF (text-bound.h). */
	pango_layout_set_text(pl, safe, -1);
	free(safe);
	/* The layout already fitted the text; should this pango measure a
	 * hair wider, ellipsize rather than spill out of the cell. */
	pango_layout_set_width(pl, (int)((room + 0.05) * PANGO_SCALE));
	source(cr, it->fill);
	cairo_move_to(cr, it->box.x, it->box.y);
	pango_cairo_show_layout(cr, pl);
}

cairo_status_t
ismc_chart_paint(cairo_t *cr, const struct ismc_dl *dl, bool background)
{
	cairo_font_options_t *fo;
	PangoContext *ctx;
	PangoLayout *pl;
	size_t i;

	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return cairo_status(cr);
	cairo_save(cr);
	if (background) {
		cairo_rectangle(cr, 0, 0, dl->width, dl->height);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_fill(cr);
	}
	ctx = pango_cairo_create_context(cr);
	fo = ismc_chart_font_options();
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pl = pango_layout_new(ctx);
	pango_layout_set_ellipsize(pl, PANGO_ELLIPSIZE_END);
	for (i = 0; i < dl->nitems; i++) {
		const struct ismc_dl_item *it = &dl->items[i];

		switch (it->op) {
		case ISMC_DL_RECT:
			paint_rect(cr, it);
			break;
		case ISMC_DL_LINE:
			paint_line(cr, it);
			break;
		case ISMC_DL_TEXT:
			paint_text(cr, pl, it);
			break;
		case ISMC_DL_MARK:
			paint_mark(cr, it);
			break;
		}
	}
	g_object_unref(pl);
	g_object_unref(ctx);
	cairo_restore(cr);
	return cairo_status(cr);
}
