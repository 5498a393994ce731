/*
 * chart-layout.c - display lists, palettes and the layout toolkit the
 * charts share (chart-layout-int.h).
 *
 * Each chart (chart-risk.c, chart-coverage.c, chart-kpi.c) is laid out in
 * phases, as kplot does: fixed bands (title, legend) are taken from the
 * edges first, the plot area gets what is left, and only then are cells
 * and their text placed. Text is fitted by one routine (chart_fit_text)
 * that every label goes through, which is what lets the unit tests check
 * "inside its cell, overlapping nothing" once for all.
 */
#include <config.h>

#include "chart-layout.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "chart-layout-int.h"
#include "xalloc.h"

#define STEP		0.5	/* font shrink step, points */
#define ELLIPSIS	"\xe2\x80\xa6"	/* U+2026 */

/* ---- display lists ----------------------------------------------------- */

struct ismc_dl *
ismc_dl_new(struct ismc_arena *a, double width, double height)
{
	struct ismc_dl *dl;

	dl = ISMC_NEW(a, struct ismc_dl);
	dl->arena = a;
	dl->width = width;
	dl->height = height;
	return dl;
}

struct ismc_dl_item *
ismc_dl_add(struct ismc_dl *dl, enum ismc_dl_op op)
{
	struct ismc_dl_item *items, *it;
	size_t ncap;

	if (dl->nitems == dl->cap) {
		if (dl->cap > SIZE_MAX / 4 / sizeof *items)
			ismc_out_of_memory();
		ncap = dl->cap != 0 ? dl->cap * 2 : 64;
		items = ISMC_NEW_ARRAY(dl->arena, struct ismc_dl_item, ncap);
		if (dl->nitems > 0)
			memcpy(items, dl->items, dl->nitems * sizeof *items);
		dl->items = items;
		dl->cap = ncap;
	}
	it = &dl->items[dl->nitems++];
	memset(it, 0, sizeof *it);
	it->op = op;
	return it;
}

/* ---- text metrics estimate --------------------------------------------- */

/* DejaVu Sans advance widths for ' '..'~', in thousandths of an em, as
 * pango reports them with hinting off. */
static const unsigned short dejavu_regular[95] = {
	 318, 401, 460, 838, 636, 950, 780, 275, 390, 390,
	 500, 838, 318, 361, 318, 337, 636, 636, 636, 636,
	 636, 636, 636, 636, 636, 636, 337, 337, 838, 838,
	 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775,
	 752, 295, 295, 656, 557, 863, 748, 787, 603, 787,
	 695, 635, 611, 732, 684, 989, 685, 611, 685, 390,
	 337, 390, 838, 500, 500, 613, 635, 550, 635, 615,
	 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
	 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,
	 525, 636, 337, 636, 838,
};
static const unsigned short dejavu_bold[95] = {
	 348, 456, 521, 838, 696, 1002, 872, 306, 457, 457,
	 523, 838, 380, 415, 380, 365, 696, 696, 696, 696,
	 696, 696, 696, 696, 696, 696, 400, 400, 838, 838,
	 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821,
	 837, 372, 372, 775, 637, 995, 837, 850, 733, 850,
	 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457,
	 365, 457, 838, 500, 500, 675, 716, 593, 716, 678,
	 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
	 716, 716, 493, 595, 478, 712, 652, 924, 645, 652,
	 582, 712, 365, 712, 838,
};

static double
estimate_width(void *ctx, const char *s, size_t len, double size, bool bold)
{
	const unsigned short *tab = bold ? dejavu_bold : dejavu_regular;
	const unsigned char *p = (const unsigned char *)s;
	double em = 0;
	size_t i;

	(void)ctx;
	for (i = 0; i < len; i++) {
		if (p[i] >= 32 && p[i] < 127)
			em += tab[p[i] - 32];
		else if ((p[i] & 0xc0) != 0x80)
			em += 1000;	/* a non-ASCII character: the widest */
	}
	return em * size / 1000.0;
}

const struct ismc_text_metrics ismc_chart_estimate = {
	.width = estimate_width,
	.ctx = NULL,
};

/* ---- palettes ---------------------------------------------------------- */

struct ismc_rgb
chart_hex(unsigned v)
{
	struct ismc_rgb c;

	c.r = ((v >> 16) & 0xff) / 255.0;
	c.g = ((v >> 8) & 0xff) / 255.0;
	c.b = (v & 0xff) / 255.0;
	return c;
}

struct ismc_rgb
chart_mix(struct ismc_rgb a, struct ismc_rgb b, double t)
{
	struct ismc_rgb c;

	c.r = a.r + (b.r - a.r) * t;
	c.g = a.g + (b.g - a.g) * t;
	c.b = a.b + (b.b - a.b) * t;
	return c;
}

/* t in 0..1 along a ramp of n anchors. */
static struct ismc_rgb
ramp(const unsigned *anchors, size_t n, double t)
{
	double x;
	size_t i;

	if (!(t > 0))
		return chart_hex(anchors[0]);
	if (t >= 1)
		return chart_hex(anchors[n - 1]);
	x = t * (double)(n - 1);
	i = (size_t)x;
	return chart_mix(chart_hex(anchors[i]), chart_hex(anchors[i + 1]), x
	    - (double)i);
}

/* matplotlib's inferno at t = 0, 0.1, ..., 1. */
static const unsigned inferno[] = {
	0x000004, 0x160b39, 0x420a68, 0x6a176e, 0x932667, 0xbc3754,
	0xdd513a, 0xf37819, 0xfca50a, 0xf6d746, 0xfcffa4,
};

/* ColorBrewer Blues without its near-white first step. */
static const unsigned blues[] = {
	0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5,
	0x08519c, 0x08306b,
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static double contrast_for_text(struct ismc_rgb);

struct ismc_rgb
ismc_palette_band(size_t i, size_t n)
{
	/* From 0.95 (pale yellow) to 0.2 (dark purple): the ends of inferno
	 * are too close to white and black to hold text well. */
	double t = 0.95 - 0.75 * (n > 1 ? (double)i / (double)(n - 1) : 0);
	struct ismc_rgb c = ramp(inferno, NELEM(inferno), t);

	/* Around t = 0.55 the reds have a luminance near 0.18, where neither
	 * black nor white text reaches 4.5:1; a band landing there moves to
	 * the nearer side, which keeps the bands in order. */
	while (contrast_for_text(c) < 4.5) {
		t += t < 0.555 ? -0.005 : 0.005;
		c = ramp(inferno, NELEM(inferno), t);
	}
	return c;
}

struct ismc_rgb
ismc_palette_coverage(double pct)
{
	return ramp(blues, NELEM(blues), pct / 100.0);
}

static double
linear(double c)
{
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double
ismc_palette_luminance(struct ismc_rgb c)
{
	return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) +
	    0.0722 * linear(c.b);
}

struct ismc_rgb
ismc_palette_text_on(struct ismc_rgb bg)
{
	double l = ismc_palette_luminance(bg);

	/* WCAG contrast against black, (l + .05) / .05, against white,
	 * 1.05 / (l + .05); take the larger. */
	return (l + 0.05) * (l + 0.05) > 0.05 * 1.05 ? chart_hex(0x111111) :
	    chart_hex(0xffffff);
}

/* The WCAG contrast of the text ismc_palette_text_on picks for bg. */
static double
contrast_for_text(struct ismc_rgb bg)
{
	double a = ismc_palette_luminance(bg);
	double b = ismc_palette_luminance(ismc_palette_text_on(bg));

	return a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05);
}

const struct ismc_rgb chart_black = { 0.067, 0.067, 0.067 };
const struct ismc_rgb chart_grey = { 0.38, 0.38, 0.38 };
const struct ismc_rgb chart_white = { 1, 1, 1 };

/* ---- text fitting ------------------------------------------------------ */

void
chart_lay_init(struct chart_lay *l, struct ismc_dl *dl,
    const struct ismc_chart_opts *o)
{
	l->dl = dl;
	l->a = dl->arena;
	l->m = o->metrics != NULL ? o->metrics : &ismc_chart_estimate;
}

static double
measure(const struct chart_lay *l, const char *s, size_t len, double size,
    bool bold)
{
	return l->m->width(l->m->ctx, s, len, size, bold);
}

double
chart_line_h(double size)
{
	return size * ISMC_CHART_LINE;
}

/* Collapses runs of white space (line breaks included) to one space and
 * trims the ends, so wrapping need only break at single spaces. */
const char *
chart_clean(struct ismc_arena *a, const char *s)
{
	char *out, *o;
	bool space = false;

	if (s == NULL)
		return "";
	o = out = ismc_arena_strdup(a, s);
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = o != out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = false;
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

/* The length of the longest UTF-8 prefix of s[0..len) that, followed by
 * an ellipsis, fits in w; false if not even the ellipsis fits. */
static bool
elide(const struct chart_lay *l, const char *s, size_t len, double w,
    double size, bool bold, struct chart_line *out)
{
	double ew = measure(l, ELLIPSIS, strlen(ELLIPSIS), size, bold);
	size_t n = len, most;

	if (ew > w)
		return false;
	/* No DejaVu Sans character is narrower than a quarter em, nor longer
	 * than four bytes: start there, so that a label of ten thousand
	 * characters costs no more than one of a hundred. */
	most = 4 * (size_t)ceil(w / (0.25 * size));
	if (n > most)
		n = most;
	for (;;) {
		/* Never end inside a character, nor on a space. */
		while (n > 0 && n < len && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		while (n > 0 && s[n - 1] == ' ')
			n--;
		if (n == 0 || measure(l, s, n, size, bold) + ew <= w)
			break;
		n--;
	}
	out->s = s;
	out->len = n;
	out->ellipsis = true;
	out->w = measure(l, s, n, size, bold) + ew;
	return true;
}

/*
 * Greedy word wrap of text into at most maxlines lines of width w. Returns
 * true when all of it fits. With `cut`, what does not fit ends the last
 * line in an ellipsis (as does a word wider than a line) and the result
 * is whatever lines could be made.
 */
static bool
wrap(const struct chart_lay *l, const char *text, double w, double size,
    bool bold, size_t maxlines, bool cut, struct chart_plan *p)
{
	const char *s = text, *end, *fit;
	size_t rest;

	p->size = size;
	p->bold = bold;
	p->nlines = 0;
	while (*s != '\0') {
		if (p->nlines == maxlines)
			goto overflow;
		fit = NULL;
		end = s;
		for (;;) {
			while (*end != '\0' && *end != ' ')
				end++;
			if (measure(l, s, (size_t)(end - s), size, bold) > w)
				break;
			fit = end;
			if (*end == '\0')
				break;
			end++;
		}
		if (fit == NULL)
			goto overflow;	/* a word wider than the line */
		p->line[p->nlines].s = s;
		p->line[p->nlines].len = (size_t)(fit - s);
		p->line[p->nlines].ellipsis = false;
		p->line[p->nlines].w = measure(l, s, (size_t)(fit - s), size,
		    bold);
		p->nlines++;
		s = *fit == ' ' ? fit + 1 : fit;
	}
	return true;

overflow:
	if (!cut)
		return false;
	if (p->nlines == maxlines) {
		/* Re-cut the last line from its start to the text's end. */
		p->nlines--;
		s = p->line[p->nlines].s;
	}
	rest = strlen(s);
	if (elide(l, s, rest, w, size, bold, &p->line[p->nlines]) &&
	    p->line[p->nlines].len > 0)
		p->nlines++;
	return false;
}

/*
 * Plans text in a w x h box: at `size` or smaller, down to the minimum, on
 * at most maxlines lines. When nothing fits whole, `cut` shortens it at
 * the minimum size; otherwise the plan is empty. Returns whether it has
 * any lines.
 */
bool
chart_fit_text(const struct chart_lay *l, const char *text, double w, double h,
    double size, bool bold, size_t maxlines, bool cut, struct chart_plan *p)
{
	size_t n;
	double s;

	p->nlines = 0;
	if (*text == '\0' || w <= 0 || h <= 0)
		return false;
	if (maxlines > CHART_MAXLINES)
		maxlines = CHART_MAXLINES;
	for (s = size; s >= ISMC_CHART_MIN_FONT - 1e-9; s -= STEP) {
		n = (size_t)floor(h / chart_line_h(s) + 1e-9);
		if (n == 0)
			continue;
		if (wrap(l, text, w, s, bold, n < maxlines ? n : maxlines,
		    false, p))
			return true;
	}
	p->nlines = 0;
	if (!cut)
		return false;
	s = ISMC_CHART_MIN_FONT;
	n = (size_t)floor(h / chart_line_h(s) + 1e-9);
	if (n == 0)
		return false;
	wrap(l, text, w, s, bold, n < maxlines ? n : maxlines, true, p);
	return p->nlines > 0;
}

double
chart_plan_h(const struct chart_plan *p)
{
	return (double)p->nlines * chart_line_h(p->size);
}

/*
 * Emits the planned lines with their top at y, aligned in [x, x + w);
 * `bound` is recorded as the box the text promises to stay in.
 */
void
chart_emit_plan(const struct chart_lay *l, const struct chart_plan *p, double x,
    double y, double w, enum chart_align al, struct ismc_rect bound,
    struct ismc_rgb colour)
{
	struct ismc_dl_item *it;
	const struct chart_line *ln;
	size_t i;
	double lx;

	for (i = 0; i < p->nlines; i++) {
		ln = &p->line[i];
		lx = al == CHART_LEFT ? x : al == CHART_RIGHT ? x + w - ln->w :
		    x + (w - ln->w) / 2;
		it = ismc_dl_add(l->dl, ISMC_DL_TEXT);
		it->text = ln->ellipsis ?
		    ismc_arena_printf(l->a, "%.*s" ELLIPSIS, (int)ln->len,
		    ln->s) : ismc_arena_strndup(l->a, ln->s, ln->len);
		it->size = p->size;
		it->bold = p->bold;
		it->fill = colour;
		it->box.x = lx;
		it->box.y = y + (double)i * chart_line_h(p->size);
		it->box.w = ln->w;
		it->box.h = chart_line_h(p->size);
		it->bound = bound;
	}
}

/* Fits and emits text in box r, centred vertically; returns the height
 * used (0 when nothing fitted). */
double
chart_text_in(const struct chart_lay *l, const char *text, struct ismc_rect r,
    double size, bool bold, size_t maxlines, enum chart_align al,
    struct ismc_rgb colour)
{
	struct chart_plan p;

	if (!chart_fit_text(l, chart_clean(l->a, text), r.w, r.h, size, bold,
	    maxlines, true, &p))
		return 0;
	chart_emit_plan(l, &p, r.x, r.y + (r.h - chart_plan_h(&p)) / 2, r.w, al,
	    r, colour);
	return chart_plan_h(&p);
}

/* Fits text into the top of box r; returns the height used. */
double
chart_text_top(const struct chart_lay *l, const char *text, struct ismc_rect r,
    double size, bool bold, size_t maxlines, enum chart_align al,
    struct ismc_rgb colour)
{
	struct chart_plan p;

	if (!chart_fit_text(l, chart_clean(l->a, text), r.w, r.h, size, bold,
	    maxlines, true, &p))
		return 0;
	chart_emit_plan(l, &p, r.x, r.y, r.w, al, r, colour);
	return chart_plan_h(&p);
}

struct ismc_rect
chart_rect(double x, double y, double w, double h)
{
	struct ismc_rect r;

	r.x = x;
	r.y = y;
	r.w = w > 0 ? w : 0;
	r.h = h > 0 ? h : 0;
	return r;
}

struct ismc_rect
chart_inset(struct ismc_rect r, double d)
{
	return chart_rect(r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d);
}

struct ismc_dl_item *
chart_add_rect(const struct chart_lay *l, struct ismc_rect r,
    struct ismc_rgb fill, double stroke_width, struct ismc_rgb stroke)
{
	struct ismc_dl_item *it;

	it = ismc_dl_add(l->dl, ISMC_DL_RECT);
	it->box = r;
	it->filled = true;
	it->fill = fill;
	it->stroke_width = stroke_width;
	it->stroke = stroke;
	return it;
}

void
chart_add_line(const struct chart_lay *l, double x1, double y1, double x2,
    double y2, double width, struct ismc_rgb colour, bool dashed)
{
	struct ismc_dl_item *it;

	it = ismc_dl_add(l->dl, ISMC_DL_LINE);
	it->x1 = x1;
	it->y1 = y1;
	it->x2 = x2;
	it->y2 = y2;
	it->stroke_width = width;
	it->stroke = colour;
	it->dashed = dashed;
}

void
chart_add_mark(const struct chart_lay *l, enum ismc_dl_mark mark,
    struct ismc_rect r, struct ismc_rgb colour)
{
	struct ismc_dl_item *it;

	it = ismc_dl_add(l->dl, ISMC_DL_MARK);
	it->mark = mark;
	it->box = r;
	it->filled = mark == ISMC_MARK_TARGET;
	it->fill = colour;
	it->stroke = colour;
	it->stroke_width = 1.6;
}

/*
 * The chart's title and subtitle at the top; returns the y below them.
 */
double
chart_headline(const struct chart_lay *l, const char *title, const char *sub)
{
	double w = l->dl->width - 2 * CHART_PAD, y = CHART_PAD, h;

	h = chart_text_top(l, title, chart_rect(CHART_PAD, y, w,
	    chart_line_h(13)), 13, true, 1, CHART_LEFT, chart_black);
	y += h + 2;
	if (sub != NULL) {
		h = chart_text_top(l, sub, chart_rect(CHART_PAD, y, w,
		    2 * chart_line_h(8.5)), 8.5, false, 2, CHART_LEFT,
		    chart_grey);
		y += h;
	}
	return y + 6;
}

/* A swatch and its label; returns the x after it. */
double
chart_legend_entry(const struct chart_lay *l, double x, double y, double w,
    double h, struct ismc_rgb fill, enum ismc_dl_pattern pat, const char *label)
{
	struct ismc_dl_item *it;
	double sw = 11;

	it = chart_add_rect(l, chart_rect(x, y + (h - sw) / 2, sw, sw), fill,
	    0.6, chart_grey);
	it->pattern = pat;
	it->hatch = chart_mix(fill, ismc_palette_text_on(fill), 0.45);
	chart_text_in(l, label, chart_rect(x + sw + 4, y, w - sw - 4 - 6, h),
	    8.5, false, 1, CHART_LEFT, chart_black);
	return x + w;
}

/*
 * Stacks the parts in box r, in their order, centred; parts are admitted
 * by `prio` (indices, most important first) while there is room.
 */
void
chart_stack(const struct chart_lay *l, struct ismc_rect r,
    struct chart_part *parts, size_t n, const size_t *prio, struct ismc_rgb ink,
    enum chart_align al)
{
	double room = r.h, y, h = 0;
	size_t i, j;

	for (i = 0; i < n; i++)
		parts[i].plan.nlines = 0;
	for (j = 0; j < n; j++) {
		struct chart_part *pt = &parts[prio[j]];

		if (chart_fit_text(l, chart_clean(l->a, pt->text), r.w, room,
		    pt->size, pt->bold, pt->maxlines, false, &pt->plan))
			room -= chart_plan_h(&pt->plan);
	}
	for (i = 0; i < n; i++)
		h += chart_plan_h(&parts[i].plan);
	y = r.y + (r.h - h) / 2;
	for (i = 0; i < n; i++) {
		chart_emit_plan(l, &parts[i].plan, r.x, y, r.w, al, r, ink);
		y += chart_plan_h(&parts[i].plan);
	}
}


/* ---- dump -------------------------------------------------------------- */

/* v to 0.01, with no "-0.00" for a tiny negative. */
static double
hundredths(double v)
{
	return round(v * 100) / 100 + 0.0;
}

static void
dump_rect(struct ismc_buf *out, struct ismc_rect r)
{
	ismc_buf_printf(out, " %.2f %.2f %.2f %.2f", hundredths(r.x),
	    hundredths(r.y), hundredths(r.w), hundredths(r.h));
}

static void
dump_rgb(struct ismc_buf *out, struct ismc_rgb c)
{
	ismc_buf_printf(out, " #%02x%02x%02x", (unsigned)lround(c.r * 255),
	    (unsigned)lround(c.g * 255), (unsigned)lround(c.b * 255));
}

static void
dump_text(struct ismc_buf *out, const char *s)
{
	ismc_buf_adds(out, " \"");
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			ismc_buf_addc(out, '\\');
		ismc_buf_addc(out, *s);
	}
	ismc_buf_addc(out, '"');
}

static void
dump_item(struct ismc_buf *out, const struct ismc_dl_item *it)
{
	static const char *const marks[] = {	/* ORDER ISMC_MARK */
		"target", "met", "missed", "none",
	};

	switch (it->op) {
	case ISMC_DL_RECT:
		ismc_buf_adds(out, "rect");
		dump_rect(out, it->box);
		if (it->filled) {
			ismc_buf_adds(out, " fill");
			dump_rgb(out, it->fill);
		}
		if (it->stroke_width > 0) {
			ismc_buf_printf(out, " stroke %.2f", it->stroke_width);
			dump_rgb(out, it->stroke);
		}
		if (it->pattern == ISMC_PATTERN_HATCH) {
			ismc_buf_adds(out, " hatch");
			dump_rgb(out, it->hatch);
		}
		break;
	case ISMC_DL_LINE:
		ismc_buf_printf(out, "line %.2f %.2f %.2f %.2f stroke %.2f",
		    hundredths(it->x1), hundredths(it->y1), hundredths(it->x2),
		    hundredths(it->y2), it->stroke_width);
		dump_rgb(out, it->stroke);
		if (it->dashed)
			ismc_buf_adds(out, " dashed");
		break;
	case ISMC_DL_TEXT:
		ismc_buf_adds(out, "text");
		dump_rect(out, it->box);
		ismc_buf_printf(out, " size %.2f%s", it->size, it->bold ?
		    " bold" : "");
		dump_rgb(out, it->fill);
		ismc_buf_adds(out, " in");
		dump_rect(out, it->bound);
		dump_text(out, it->text);
		break;
	case ISMC_DL_MARK:
		ismc_buf_printf(out, "mark %s", marks[it->mark]);
		dump_rect(out, it->box);
		if (it->filled) {
			ismc_buf_adds(out, " fill");
			dump_rgb(out, it->fill);
		}
		ismc_buf_printf(out, " stroke %.2f", it->stroke_width);
		dump_rgb(out, it->stroke);
		break;
	}
	ismc_buf_addc(out, '\n');
}

void
ismc_dl_dump(const struct ismc_dl *dl, struct ismc_buf *out)
{
	size_t i;

	ismc_buf_printf(out, "display-list %.2f %.2f %zu\n", dl->width,
	    dl->height, dl->nitems);
	for (i = 0; i < dl->nitems; i++)
		dump_item(out, &dl->items[i]);
}
