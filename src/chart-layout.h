/*
 * chart-layout.h - chart geometry: from finished tables to a display list.
 *
 * The first of three chart layers (after kplot and Graphviz's cairo
 * plugin): pure arithmetic, no cairo. A chart (chart-risk.h,
 * chart-coverage.h, chart-kpi.h) reads report tables and a size in points
 * and returns a display list of rectangles, lines, marks and single-line
 * text boxes with resolved colours. chart-paint.h draws a display list on
 * any cairo context; chart-surface.h makes the context.
 *
 * Text is measured through a callback, so the layout can promise what the
 * painter then draws: every text box lies inside its bound (the cell or
 * margin it labels) and no two text boxes overlap. Text that does not fit
 * is first set smaller, down to ISMC_CHART_MIN_FONT, then wrapped, then
 * cut with an ellipsis or summarised as "+N".
 *
 * Display lists live in the caller's arena.
 */
#ifndef ISMC_CHART_LAYOUT_H
#define ISMC_CHART_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

struct ismc_arena;
struct ismc_buf;

#define ISMC_CHART_FONT		"DejaVu Sans"
#define ISMC_CHART_MIN_FONT	5.0	/* points; smaller is unreadable */
#define ISMC_CHART_LINE		1.18	/* line height in ems: DejaVu Sans
					 * ascent + descent is 1.164 */

struct ismc_rgb {
	double	 r, g, b;			/* 0..1, sRGB */
};

struct ismc_rect {
	double	 x, y, w, h;			/* y grows downwards */
};

enum ismc_dl_op {
	ISMC_DL_RECT,
	ISMC_DL_LINE,
	ISMC_DL_TEXT,
	ISMC_DL_MARK,
};

enum ismc_dl_pattern {
	ISMC_PATTERN_NONE,
	ISMC_PATTERN_HATCH,	/* diagonal lines: the top band in greyscale */
};

enum ismc_dl_mark {			/* ORDER ISMC_MARK */
	ISMC_MARK_TARGET,	/* a downward triangle on the target line */
	ISMC_MARK_MET,		/* a tick */
	ISMC_MARK_MISSED,	/* a cross */
	ISMC_MARK_NONE,		/* an open circle: nothing to judge */
};

struct ismc_dl_item {
	enum ismc_dl_op		 op;
	struct ismc_rect	 box;	/* RECT and MARK: the shape; TEXT: the
					 * ink box, measured width x line */
	struct ismc_rect	 bound;	/* TEXT: where it must stay */
	double			 x1, y1, x2, y2;	/* LINE */
	bool			 filled;	/* RECT, MARK */
	struct ismc_rgb		 fill;		/* RECT, MARK; TEXT colour */
	double			 stroke_width;	/* RECT, MARK, LINE; 0: none */
	struct ismc_rgb		 stroke;
	bool			 dashed;	/* LINE */
	enum ismc_dl_pattern	 pattern;	/* RECT */
	struct ismc_rgb		 hatch;		/* RECT with a pattern */
	enum ismc_dl_mark	 mark;		/* MARK */
	const char		*text;		/* TEXT: one line, UTF-8 */
	double			 size;		/* TEXT: font size, points */
	bool			 bold;		/* TEXT */
};

struct ismc_dl {
	struct ismc_arena	*arena;
	double			 width, height;	/* points */
	struct ismc_dl_item	*items;		/* paint in this order */
	size_t			 nitems, cap;
};

/*
 * Text measurement: the advance width of text[0..len) at `size` points.
 * chart-paint.h has one backed by pango; ismc_chart_estimate is one from
 * DejaVu Sans's advance widths (no kerning, so never narrower than pango),
 * for tests and for callers without a font system.
 */
struct ismc_text_metrics {
	double	(*width)(void *ctx, const char *text, size_t len,
		    double size, bool bold);
	void	*ctx;
};

extern const struct ismc_text_metrics ismc_chart_estimate;

struct ismc_chart_opts {
	double			 width;		/* points */
	double			 height;	/* 0: what the chart needs */
	const struct ismc_text_metrics *metrics; /* NULL: the estimate */
};

/* The width of stand-alone charts (the PDF lays them out to its column). */
#define ISMC_CHART_WIDTH	800.0

/*
 * Palettes. Both ramps darken monotonically, so neighbouring steps differ
 * in lightness (greyscale print) and not only in hue (colour-blind
 * readers). Band i of n runs from pale yellow (lowest) through orange and
 * red to dark purple (highest), after the inferno map; coverage runs from
 * pale (0 %) to dark blue (100 %).
 */
struct ismc_rgb ismc_palette_band(size_t i, size_t n);
struct ismc_rgb ismc_palette_coverage(double pct);
/* Black or white, whichever reads better on `bg`. */
struct ismc_rgb ismc_palette_text_on(struct ismc_rgb bg);
/* Relative luminance (WCAG), 0..1. */
double	ismc_palette_luminance(struct ismc_rgb);

/*
 * Appends a stable text dump of dl to `out`: its size, then one line per
 * item in paint order with coordinates to 0.01 point, colours as #rrggbb
 * and text quoted. For tests and for reviewing a layout change: unlike
 * SVG bytes it does not depend on the cairo version.
 */
void	ismc_dl_dump(const struct ismc_dl *, struct ismc_buf *out);
/* Appends an item and returns it zeroed. */
struct ismc_dl_item *ismc_dl_add(struct ismc_dl *, enum ismc_dl_op);
struct ismc_dl *ismc_dl_new(struct ismc_arena *, double width, double height);

#endif
