/*
 * chart-paint.h - paints a chart display list on a caller's cairo context.
 *
 * The second chart layer (kplot's kplot_draw): the painter never creates a
 * surface, so one routine serves PNG, SVG and PDF, and the auditor's PDF
 * embeds the charts as vector drawings by painting them onto its page.
 * Text goes through pango in DejaVu Sans with hinting off, so the widths
 * the layout measured are the widths drawn at any scale.
 */
#ifndef ISMC_CHART_PAINT_H
#define ISMC_CHART_PAINT_H

#include <stdbool.h>

#include <cairo.h>

struct ismc_dl;
struct ismc_text_metrics;

/*
 * Paints dl with its top left corner at the current user-space origin,
 * one point per user unit; with `background`, over a white rectangle of
 * the chart's size. Leaves the context's state as it found it and
 * returns its status.
 */
cairo_status_t ismc_chart_paint(cairo_t *, const struct ismc_dl *,
	    bool background);

/*
 * Text metrics measured by pango with the painter's font and options, for
 * ismc_chart_opts.metrics. NULL if pango cannot give a context. Free with
 * ismc_pango_metrics_free.
 */
struct ismc_text_metrics *ismc_pango_metrics_new(void);
void	ismc_pango_metrics_free(struct ismc_text_metrics *);

/* Font options for every pango context the charts and the PDF use:
 * metrics unhinted, greyscale antialiasing. Owned by the caller. */
cairo_font_options_t *ismc_chart_font_options(void);

#endif
