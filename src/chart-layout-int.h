/*
 * chart-layout-int.h - the layout toolkit the charts share, for chart-*.c
 * only.
 *
 * chart-layout.c implements it: boxes and colours, and the one routine
 * every label goes through (chart_fit_text), which sets text smaller down
 * to ISMC_CHART_MIN_FONT, then wraps it, then cuts it with an ellipsis,
 * so that every text box stays inside its bound. Each chart (chart-risk.c,
 * chart-coverage.c, chart-kpi.c) lays out with these and exports its row
 * of the chart registry (backend.h).
 */
#ifndef ISMC_CHART_LAYOUT_INT_H
#define ISMC_CHART_LAYOUT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "chart-layout.h"

#define CHART_PAD	12.0	/* outer margin */
#define CHART_MAXLINES	8	/* per text box; more is never readable */

/* What a chart is being laid out into. */
struct chart_lay {
	struct ismc_dl		*dl;
	struct ismc_arena	*a;		/* the display list's */
	const struct ismc_text_metrics *m;
};

enum chart_align {
	CHART_LEFT,
	CHART_CENTRE,
	CHART_RIGHT,
};

struct chart_line {
	const char		*s;
	size_t			 len;
	bool			 ellipsis;	/* followed by an ellipsis */
	double			 w;
};

/* Lines of one text at one size. */
struct chart_plan {
	double			 size;
	bool			 bold;
	size_t			 nlines;
	struct chart_line	 line[CHART_MAXLINES];
};

/* One part of a cell's text, fitted before it is placed. */
struct chart_part {
	const char		*text;
	double			 size;
	bool			 bold;
	size_t			 maxlines;
	struct chart_plan	 plan;
};

extern const struct ismc_rgb chart_black, chart_grey, chart_white;

/* 0xrrggbb */
struct ismc_rgb chart_hex(unsigned);
/* a + (b - a) * t */
struct ismc_rgb chart_mix(struct ismc_rgb a, struct ismc_rgb b, double t);

void	chart_lay_init(struct chart_lay *, struct ismc_dl *,
	    const struct ismc_chart_opts *);
/* The height of a line of text at `size` points. */
double	chart_line_h(double size);
/* White space collapsed to single spaces and trimmed (arena-owned). */
const char *chart_clean(struct ismc_arena *, const char *);
/*
 * Plans text in a w x h box: at `size` or smaller, down to the minimum, on
 * at most maxlines lines. When nothing fits whole, `cut` shortens it at
 * the minimum size; otherwise the plan is empty. Returns whether it has
 * any lines.
 */
bool	chart_fit_text(const struct chart_lay *, const char *text, double w,
	    double h, double size, bool bold, size_t maxlines, bool cut,
	    struct chart_plan *);
double	chart_plan_h(const struct chart_plan *);
/* Emits the planned lines with their top at y, aligned in [x, x + w);
 * `bound` is recorded as the box the text promises to stay in. */
void	chart_emit_plan(const struct chart_lay *, const struct chart_plan *,
	    double x, double y, double w, enum chart_align,
	    struct ismc_rect bound, struct ismc_rgb);
/* Fits and emits text in box r, centred vertically (chart_text_in) or
 * at its top (chart_text_top); returns the height used, 0 when nothing
 * fitted. */
double	chart_text_in(const struct chart_lay *, const char *text,
	    struct ismc_rect, double size, bool bold, size_t maxlines,
	    enum chart_align, struct ismc_rgb);
double	chart_text_top(const struct chart_lay *, const char *text,
	    struct ismc_rect, double size, bool bold, size_t maxlines,
	    enum chart_align, struct ismc_rgb);
/* Stacks the parts in box r in their order, centred; parts are admitted
 * by `prio` (indices, most important first) while there is room. */
void	chart_stack(const struct chart_lay *, struct ismc_rect,
	    struct chart_part *, size_t n, const size_t *prio,
	    struct ismc_rgb ink, enum chart_align);

/* A box (negative sizes become 0), and one shrunk by d on every side. */
struct ismc_rect chart_rect(double x, double y, double w, double h);
struct ismc_rect chart_inset(struct ismc_rect, double d);
struct ismc_dl_item *chart_add_rect(const struct chart_lay *,
	    struct ismc_rect, struct ismc_rgb fill, double stroke_width,
	    struct ismc_rgb stroke);
void	chart_add_line(const struct chart_lay *, double x1, double y1,
	    double x2, double y2, double width, struct ismc_rgb, bool dashed);
void	chart_add_mark(const struct chart_lay *, enum ismc_dl_mark,
	    struct ismc_rect, struct ismc_rgb);
/* The chart's title and subtitle at the top; returns the y below them. */
double	chart_headline(const struct chart_lay *, const char *title,
	    const char *sub);
/* A legend swatch and its label; returns the x after it. */
double	chart_legend_entry(const struct chart_lay *, double x, double y,
	    double w, double h, struct ismc_rgb fill, enum ismc_dl_pattern,
	    const char *label);

#endif
