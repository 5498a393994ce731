/*
 * chart-layout.c - display lists for the risk heatmap, the coverage
 * heatmap and the KPI chart.
 *
 * Each chart is laid out in phases, as kplot does: fixed bands (title,
 * legend) are taken from the edges first, the plot area gets what is left,
 * and only then are cells and their text placed. Text is fitted by one
 * routine (fit_text) that every label goes through, which is what lets
 * the unit tests check "inside its cell, overlapping nothing" once for all.
 */
#include <config.h>

#include "chart-layout.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "coverage.h"
#include "ir.h"
#include "xalloc.h"

#define PAD		12.0	/* outer margin */
#define MAXLINES	8	/* per text box; more is never readable */
#define STEP		0.5	/* font shrink step, points */
#define ELLIPSIS	"\xe2\x80\xa6"	/* U+2026 */
#define KPI_ROW		34.0	/* natural height of a KPI's row */
#define COVERAGE_ROW	80.0	/* ... of a line of coverage cells */
#define MIN_CELL	46.0	/* narrowest coverage cell */

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

static struct ismc_rgb
hex(unsigned v)
{
	struct ismc_rgb c;

	c.r = ((v >> 16) & 0xff) / 255.0;
	c.g = ((v >> 8) & 0xff) / 255.0;
	c.b = (v & 0xff) / 255.0;
	return c;
}

static struct ismc_rgb
mix(struct ismc_rgb a, struct ismc_rgb b, double t)
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
		return hex(anchors[0]);
	if (t >= 1)
		return hex(anchors[n - 1]);
	x = t * (double)(n - 1);
	i = (size_t)x;
	return mix(hex(anchors[i]), hex(anchors[i + 1]), x - (double)i);
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
	return (l + 0.05) * (l + 0.05) > 0.05 * 1.05 ? hex(0x111111) :
	    hex(0xffffff);
}

/* The WCAG contrast of the text ismc_palette_text_on picks for bg. */
static double
contrast_for_text(struct ismc_rgb bg)
{
	double a = ismc_palette_luminance(bg);
	double b = ismc_palette_luminance(ismc_palette_text_on(bg));

	return a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05);
}

static const struct ismc_rgb black = { 0.067, 0.067, 0.067 };
static const struct ismc_rgb grey = { 0.38, 0.38, 0.38 };
static const struct ismc_rgb white = { 1, 1, 1 };

/* ---- text fitting ------------------------------------------------------ */

struct lay {
	struct ismc_dl		*dl;
	struct ismc_arena	*a;
	const struct ismc_text_metrics *m;
};

enum align {
	LEFT,
	CENTRE,
	RIGHT,
};

struct line {
	const char	*s;
	size_t		 len;
	bool		 ellipsis;	/* followed by ELLIPSIS */
	double		 w;
};

/* Lines of one text at one size. */
struct plan {
	double		 size;
	bool		 bold;
	size_t		 nlines;
	struct line	 line[MAXLINES];
};

static void
lay_init(struct lay *l, struct ismc_dl *dl, const struct ismc_chart_opts *o)
{
	l->dl = dl;
	l->a = dl->arena;
	l->m = o->metrics != NULL ? o->metrics : &ismc_chart_estimate;
}

static double
measure(const struct lay *l, const char *s, size_t len, double size,
    bool bold)
{
	return l->m->width(l->m->ctx, s, len, size, bold);
}

static double
line_h(double size)
{
	return size * ISMC_CHART_LINE;
}

/* Collapses runs of white space (line breaks included) to one space and
 * trims the ends, so wrapping need only break at single spaces. */
static const char *
clean(struct ismc_arena *a, const char *s)
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
elide(const struct lay *l, const char *s, size_t len, double w, double size,
    bool bold, struct line *out)
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
wrap(const struct lay *l, const char *text, double w, double size, bool bold,
    size_t maxlines, bool cut, struct plan *p)
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
static bool
fit_text(const struct lay *l, const char *text, double w, double h,
    double size, bool bold, size_t maxlines, bool cut, struct plan *p)
{
	size_t n;
	double s;

	p->nlines = 0;
	if (*text == '\0' || w <= 0 || h <= 0)
		return false;
	if (maxlines > MAXLINES)
		maxlines = MAXLINES;
	for (s = size; s >= ISMC_CHART_MIN_FONT - 1e-9; s -= STEP) {
		n = (size_t)floor(h / line_h(s) + 1e-9);
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
	n = (size_t)floor(h / line_h(s) + 1e-9);
	if (n == 0)
		return false;
	wrap(l, text, w, s, bold, n < maxlines ? n : maxlines, true, p);
	return p->nlines > 0;
}

static double
plan_h(const struct plan *p)
{
	return (double)p->nlines * line_h(p->size);
}

/*
 * Emits the planned lines with their top at y, aligned in [x, x + w);
 * `bound` is recorded as the box the text promises to stay in.
 */
static void
emit_plan(const struct lay *l, const struct plan *p, double x, double y,
    double w, enum align al, struct ismc_rect bound, struct ismc_rgb colour)
{
	struct ismc_dl_item *it;
	const struct line *ln;
	size_t i;
	double lx;

	for (i = 0; i < p->nlines; i++) {
		ln = &p->line[i];
		lx = al == LEFT ? x : al == RIGHT ? x + w - ln->w :
		    x + (w - ln->w) / 2;
		it = ismc_dl_add(l->dl, ISMC_DL_TEXT);
		it->text = ln->ellipsis ?
		    ismc_arena_printf(l->a, "%.*s" ELLIPSIS, (int)ln->len,
		    ln->s) : ismc_arena_strndup(l->a, ln->s, ln->len);
		it->size = p->size;
		it->bold = p->bold;
		it->fill = colour;
		it->box.x = lx;
		it->box.y = y + (double)i * line_h(p->size);
		it->box.w = ln->w;
		it->box.h = line_h(p->size);
		it->bound = bound;
	}
}

/* Fits and emits text in box r, centred vertically; returns the height
 * used (0 when nothing fitted). */
static double
text_in(const struct lay *l, const char *text, struct ismc_rect r,
    double size, bool bold, size_t maxlines, enum align al,
    struct ismc_rgb colour)
{
	struct plan p;

	if (!fit_text(l, clean(l->a, text), r.w, r.h, size, bold, maxlines,
	    true, &p))
		return 0;
	emit_plan(l, &p, r.x, r.y + (r.h - plan_h(&p)) / 2, r.w, al, r, colour);
	return plan_h(&p);
}

/* Fits text into the top of box r; returns the height used. */
static double
text_top(const struct lay *l, const char *text, struct ismc_rect r,
    double size, bool bold, size_t maxlines, enum align al,
    struct ismc_rgb colour)
{
	struct plan p;

	if (!fit_text(l, clean(l->a, text), r.w, r.h, size, bold, maxlines,
	    true, &p))
		return 0;
	emit_plan(l, &p, r.x, r.y, r.w, al, r, colour);
	return plan_h(&p);
}

static struct ismc_rect
rect(double x, double y, double w, double h)
{
	struct ismc_rect r;

	r.x = x;
	r.y = y;
	r.w = w > 0 ? w : 0;
	r.h = h > 0 ? h : 0;
	return r;
}

static struct ismc_rect
inset(struct ismc_rect r, double d)
{
	return rect(r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d);
}

static struct ismc_dl_item *
add_rect(const struct lay *l, struct ismc_rect r, struct ismc_rgb fill,
    double stroke_width, struct ismc_rgb stroke)
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

static void
add_line(const struct lay *l, double x1, double y1, double x2, double y2,
    double width, struct ismc_rgb colour, bool dashed)
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

static void
add_mark(const struct lay *l, enum ismc_dl_mark mark, struct ismc_rect r,
    struct ismc_rgb colour)
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
static double
headline(const struct lay *l, const char *title, const char *sub)
{
	double w = l->dl->width - 2 * PAD, y = PAD, h;

	h = text_top(l, title, rect(PAD, y, w, line_h(13)), 13, true, 1, LEFT,
	    black);
	y += h + 2;
	if (sub != NULL) {
		h = text_top(l, sub, rect(PAD, y, w, 2 * line_h(8.5)), 8.5,
		    false, 2, LEFT, grey);
		y += h;
	}
	return y + 6;
}

/* A swatch and its label; returns the x after it. */
static double
legend_entry(const struct lay *l, double x, double y, double w, double h,
    struct ismc_rgb fill, enum ismc_dl_pattern pat, const char *label)
{
	struct ismc_dl_item *it;
	double sw = 11;

	it = add_rect(l, rect(x, y + (h - sw) / 2, sw, sw), fill, 0.6, grey);
	it->pattern = pat;
	it->hatch = mix(fill, ismc_palette_text_on(fill), 0.45);
	text_in(l, label, rect(x + sw + 4, y, w - sw - 4 - 6, h), 8.5, false,
	    1, LEFT, black);
	return x + w;
}

/* ---- risk heatmap ------------------------------------------------------ */

struct panel {
	const char	*title;
	bool		 residual;
};

static size_t
level_index(const struct ismc_ir_scale *sc, const struct ismc_ir_level *lv)
{
	size_t i;

	for (i = 0; i < sc->nlevels; i++)
		if (sc->levels[i].value == lv->value)
			return i;
	return SIZE_MAX;
}

static const struct ismc_ir_level *
risk_l(const struct ismc_ir_risk *r, bool residual)
{
	return residual && r->res_likelihood != NULL ? r->res_likelihood :
	    r->likelihood;
}

static const struct ismc_ir_level *
risk_i(const struct ismc_ir_risk *r, bool residual)
{
	return residual && r->res_impact != NULL ? r->res_impact : r->impact;
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
		return hex(0xe6e6e6);
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
 * The count, and below it as many ids as fit, centred in the cell. The
 * ids never shrink below the minimum font nor get cut mid-name: a list
 * that does not fit loses names from the end, which "+N" then counts.
 */
static void
cell_content(const struct lay *l, struct ismc_rect cell, const char **ids,
    size_t n, struct ismc_rgb ink)
{
	struct ismc_rect in = inset(cell, 3);
	struct plan pc, pi;
	const char *num, *list;
	double cs, h, y;
	size_t k;

	num = ismc_arena_printf(l->a, "%zu", n);
	cs = fmin(15, fmax(ISMC_CHART_MIN_FONT, in.h * 0.4 / ISMC_CHART_LINE));
	if (!fit_text(l, num, in.w, in.h, cs, true, 1, false, &pc))
		return;
	pi.nlines = 0;
	h = in.h - plan_h(&pc) - 1;
	for (k = n; k > 0 && h > 0; k--) {
		list = id_list(l->a, ids, n, k);
		if (fit_text(l, list, in.w, h, fmin(8, pc.size), false,
		    MAXLINES, false, &pi))
			break;
	}
	/* With no room for ids the count may take the whole cell. */
	if (pi.nlines == 0)
		fit_text(l, num, in.w, in.h, fmin(15, fmax(pc.size,
		    in.h * 0.85 / ISMC_CHART_LINE)), true, 1, false, &pc);
	h = plan_h(&pc) + (pi.nlines > 0 ? 1 + plan_h(&pi) : 0);
	y = in.y + (in.h - h) / 2;
	emit_plan(l, &pc, in.x, y, in.w, CENTRE, in, ink);
	if (pi.nlines > 0)
		emit_plan(l, &pi, in.x, y + plan_h(&pc) + 1, in.w, CENTRE, in,
		    ink);
}

/* The height the impact labels need under columns cw wide, at most h. */
static double
x_labels_h(const struct lay *l, const struct ismc_ir_scale *is, double cw,
    double h)
{
	struct plan p;
	double need = 0;
	size_t c;

	for (c = 0; c < is->nlevels; c++)
		if (fit_text(l, clean(l->a, level_name(&is->levels[c])), cw - 2,
		    h, 7.5, false, MAXLINES, true, &p) && plan_h(&p) > need)
			need = plan_h(&p);
	return need;
}

static void
heatmap_panel(const struct lay *l, const struct ismc_ir *ir,
    const struct panel *pn, struct ismc_rect area)
{
	const struct ismc_ir_scale *ls = &ir->likelihood, *is = &ir->impact;
	const char **ids;
	struct ismc_rect cell;
	struct ismc_rgb fill, ink;
	struct ismc_dl_item *it;
	enum ismc_dl_pattern pat;
	double ylw, th, xlh, xnh, gx, gy, gw, gh, cw, ch;
	size_t r, c, k, li, ii;

	ylw = fmin(140, fmax(40, area.w * 0.24));
	th = line_h(10.5) + 4;
	xnh = line_h(8) + 2;
	xlh = fmin(44, fmax(line_h(7) + 2, area.h * 0.13));
	if (is->nlevels > 0)
		xlh = fmin(xlh, 3 + x_labels_h(l, is, (area.w - ylw) /
		    (double)is->nlevels, xlh - 3));
	gx = area.x + ylw;
	gy = area.y + th;
	gw = area.w - ylw;
	gh = area.h - th - xlh - xnh;
	text_in(l, pn->title, rect(gx, area.y, gw, th - 4), 10.5, true, 1,
	    CENTRE, black);
	text_in(l, "Likelihood", rect(area.x, area.y, ylw - 4, th - 4), 8,
	    true, 1, RIGHT, grey);
	text_in(l, "Impact", rect(gx, area.y + area.h - xnh, gw, xnh), 8, true,
	    1, CENTRE, grey);
	if (ls->nlevels == 0 || is->nlevels == 0 || gw <= 0 || gh <= 0) {
		text_in(l, "No risk scales defined", rect(gx, gy, gw, gh), 9,
		    false, 2, CENTRE, grey);
		return;
	}
	cw = gw / (double)is->nlevels;
	ch = gh / (double)ls->nlevels;
	ids = ISMC_NEW_ARRAY(l->a, const char *, ir->nrisks + 1);
	for (r = 0; r < ls->nlevels; r++) {
		/* Row 0 at the top holds the highest likelihood. */
		li = ls->nlevels - 1 - r;
		text_in(l, level_name(&ls->levels[li]),
		    rect(area.x, gy + (double)r * ch + 1, ylw - 6, ch - 2), 8,
		    false, MAXLINES, RIGHT, black);
		for (c = 0; c < is->nlevels; c++) {
			cell = rect(gx + (double)c * cw, gy + (double)r * ch,
			    cw, ch);
			fill = cell_colour(ir, ls->levels[li].value *
			    is->levels[c].value, &pat);
			ink = ismc_palette_text_on(fill);
			it = add_rect(l, cell, fill, 1.5, white);
			it->pattern = pat;
			it->hatch = mix(fill, ink, 0.3);
			for (k = 0, ii = 0; ii < ir->nrisks; ii++) {
				const struct ismc_ir_risk *rk = ir->risks[ii];

				if (level_index(ls, risk_l(rk, pn->residual)) ==
				    li && level_index(is, risk_i(rk,
				    pn->residual)) == c)
					ids[k++] = rk->id;
			}
			if (k > 0)
				cell_content(l, cell, ids, k, ink);
		}
	}
	for (c = 0; c < is->nlevels; c++)
		text_top(l, level_name(&is->levels[c]),
		    rect(gx + (double)c * cw + 1, gy + gh + 3, cw - 2, xlh - 3),
		    7.5, false, MAXLINES, CENTRE, black);
}

static void
band_legend(const struct lay *l, const struct ismc_ir *ir, double y, double h)
{
	struct ismc_rgb fill;
	double x = PAD, w;
	size_t i;

	if (ir->nbands == 0) {
		text_in(l, "No scoring bands defined: cells are not coloured",
		    rect(PAD, y, l->dl->width - 2 * PAD, h), 8.5, false, 1,
		    LEFT, grey);
		return;
	}
	w = fmin(170, (l->dl->width - 2 * PAD) / (double)ir->nbands);
	for (i = 0; i < ir->nbands; i++) {
		const struct ismc_ir_band *b = &ir->bands[i];

		fill = ismc_palette_band(i, ir->nbands);
		x = legend_entry(l, x, y, w, h, fill, ir->nbands > 1 &&
		    i == ir->nbands - 1 ? ISMC_PATTERN_HATCH :
		    ISMC_PATTERN_NONE,
		    b->lo == b->hi ? ismc_arena_printf(l->a, "%s (%d)",
		    b->label != NULL ? b->label : b->id, b->lo) :
		    ismc_arena_printf(l->a, "%s (%d\xe2\x80\x93%d)",
		    b->label != NULL ? b->label : b->id, b->lo, b->hi));
	}
}

struct ismc_dl *
ismc_chart_risk_heatmap(const struct ismc_ir *ir,
    const struct ismc_chart_opts *o, struct ismc_arena *a)
{
	static const struct panel panels[2] = {
		{ "Inherent risk", false },
		{ "Residual risk (after treatment)", true },
	};
	struct ismc_dl *dl;
	struct lay l;
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
	lay_init(&l, dl, o);
	if (ir->nrisks == 0)
		sub = "No risks recorded. Cells are coloured by the score "
		    "band of likelihood \xc3\x97 impact.";
	else
		sub = ismc_arena_printf(a, "%zu risk%s on the spec's "
		    "likelihood \xc3\x97 impact scales: each cell shows how "
		    "many risks sit there and, where they fit, their ids.",
		    ir->nrisks, ir->nrisks == 1 ? "" : "s");
	y = headline(&l, "Risk heatmap: inherent and residual", sub);
	lh = line_h(8.5) + 6;
	gap = stacked ? 16 : fmin(28, dl->width * 0.04);
	pw = stacked ? dl->width - 2 * PAD : (dl->width - 2 * PAD - gap) / 2;
	ph = dl->height - PAD - lh - 6 - y;
	if (stacked)
		ph = (ph - gap) / 2;
	for (i = 0; i < 2; i++)
		heatmap_panel(&l, ir, &panels[i], stacked ?
		    rect(PAD, y + (double)i * (ph + gap), pw, ph) :
		    rect(PAD + (double)i * (pw + gap), y, pw, ph));
	band_legend(&l, ir, dl->height - PAD - lh, lh);
	return dl;
}

/* ---- coverage heatmap -------------------------------------------------- */

static const char *
pct_text(struct ismc_arena *a, double pct)
{
	return pct < 0 ? "n/a" : ismc_arena_printf(a, "%.0f%%", pct);
}

/* One part of a cell's text, fitted before it is placed. */
struct part {
	const char	*text;
	double		 size;
	bool		 bold;
	size_t		 maxlines;
	struct plan	 plan;
};

/*
 * Stacks the parts in box r, in their order, centred; parts are admitted
 * by `prio` (indices, most important first) while there is room.
 */
static void
stack(const struct lay *l, struct ismc_rect r, struct part *parts, size_t n,
    const size_t *prio, struct ismc_rgb ink, enum align al)
{
	double room = r.h, y, h = 0;
	size_t i, j;

	for (i = 0; i < n; i++)
		parts[i].plan.nlines = 0;
	for (j = 0; j < n; j++) {
		struct part *pt = &parts[prio[j]];

		if (fit_text(l, clean(l->a, pt->text), r.w, room, pt->size,
		    pt->bold, pt->maxlines, false, &pt->plan))
			room -= plan_h(&pt->plan);
	}
	for (i = 0; i < n; i++)
		h += plan_h(&parts[i].plan);
	y = r.y + (r.h - h) / 2;
	for (i = 0; i < n; i++) {
		emit_plan(l, &parts[i].plan, r.x, y, r.w, al, r, ink);
		y += plan_h(&parts[i].plan);
	}
}

/* Starting sizes shared by every cell, so that the same figure reads at
 * the same size across the chart. */
struct cell_sizes {
	double		 group, pct;
};

/* The largest size, up to `size`, at which text fits on one line. */
static double
one_line_size(const struct lay *l, const char *text, double w, double size,
    bool bold)
{
	struct plan p;

	return fit_text(l, clean(l->a, text), w, 1000, size, bold, 1, false,
	    &p) ? p.size : ISMC_CHART_MIN_FONT;
}

static struct cell_sizes
coverage_sizes(const struct lay *l, const struct ismc_coverage *cov,
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

static void
coverage_cell(const struct lay *l, struct ismc_rect cell,
    const struct ismc_coverage_cell *cc, const struct cell_sizes *cs)
{
	static const size_t prio[] = { 1, 0, 2, 3 };
	struct part parts[4];
	struct ismc_dl_item *it;
	struct ismc_rgb fill, ink;

	fill = cc->pct < 0 ? hex(0xe6e6e6) : ismc_palette_coverage(cc->pct);
	ink = ismc_palette_text_on(fill);
	it = add_rect(l, cell, fill, 1.5, white);
	if (cc->pct < 0) {
		it->pattern = ISMC_PATTERN_HATCH;
		it->hatch = hex(0xb0b0b0);
	}
	memset(parts, 0, sizeof parts);
	parts[0] = (struct part){ .text = cc->group, .size = cs->group,
	    .bold = true, .maxlines = 1 };
	parts[1] = (struct part){ .text = pct_text(l->a, cc->pct),
	    .size = cs->pct, .bold = true, .maxlines = 1 };
	parts[2] = (struct part){ .text = ismc_arena_printf(l->a,
	    "%zu of %zu", cc->full, cc->applicable), .size = 7,
	    .maxlines = 1 };
	parts[3] = (struct part){ .text = cc->title != NULL ? cc->title : "",
	    .size = 7, .maxlines = 2 };
	stack(l, inset(cell, 3), parts, 4, prio, ink, CENTRE);
}

static void
coverage_legend(const struct lay *l, double y, double h)
{
	static const double steps[] = { 0, 25, 50, 75, 100 };
	double x = PAD, w;
	size_t i;

	w = fmin(120, (l->dl->width - 2 * PAD) / 7);
	for (i = 0; i < NELEM(steps); i++)
		x = legend_entry(l, x, y, w, h,
		    ismc_palette_coverage(steps[i]), ISMC_PATTERN_NONE,
		    ismc_arena_printf(l->a, "%.0f%%", steps[i]));
	legend_entry(l, x, y, 2 * w, h, hex(0xe6e6e6), ISMC_PATTERN_HATCH,
	    "nothing applicable");
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
coverage_row(const struct lay *l, const struct ismc_coverage_row *row,
    double y, double rh, size_t cols, double cw, const struct cell_sizes *cs)
{
	double lw = label_w(l->dl->width), h, th;
	size_t j;

	h = rh * (double)coverage_lines(row, cols);
	th = h - line_h(8) - 4;
	text_in(l, row->title != NULL ? row->title : row->framework,
	    rect(PAD, y, lw - 8, th), 9, true, MAXLINES, LEFT, black);
	text_top(l, ismc_arena_printf(l->a, "%s overall",
	    pct_text(l->a, row->total.pct)), rect(PAD, y + th, lw - 8,
	    h - th), 8, false, 1, LEFT, grey);
	for (j = 0; j < row->ncells; j++)
		coverage_cell(l, rect(PAD + lw + (double)(j % cols) * cw,
		    y + (double)(j / cols) * rh, cw, rh), &row->cells[j], cs);
}

struct ismc_dl *
ismc_chart_coverage(const struct ismc_coverage *cov,
    const struct ismc_chart_opts *o, struct ismc_arena *a)
{
	struct ismc_dl *dl;
	struct lay l;
	struct cell_sizes cs;
	double y, lh, cw, rh, gw, gh;
	size_t i, cols = 1, lines = 1;

	/* Frameworks with many groups wrap them onto more lines rather
	 * than shrink every cell's text. */
	gw = o->width - 2 * PAD - label_w(o->width);
	if (cov != NULL && cov->nrows > 0) {
		cols = coverage_cols(cov, gw);
		for (i = 0, lines = 0; i < cov->nrows; i++)
			lines += coverage_lines(&cov->rows[i], cols);
	}
	dl = ismc_dl_new(a, o->width, o->height > 0 ? o->height :
	    100 + COVERAGE_ROW * (double)lines);
	lay_init(&l, dl, o);
	y = headline(&l, "Coverage by framework and group",
	    cov != NULL ? cov->caption : NULL);
	lh = line_h(8.5) + 6;
	gh = dl->height - PAD - lh - 6 - y;
	if (cov == NULL || cov->nrows == 0) {
		text_in(&l, "No mapping data", rect(PAD, y, dl->width - 2 * PAD,
		    gh), 12, true, 1, CENTRE, grey);
		return dl;
	}
	cw = gw / (double)cols;
	rh = fmin(COVERAGE_ROW, gh / (double)lines);
	cs = coverage_sizes(&l, cov, cw);
	for (i = 0; i < cov->nrows; i++) {
		coverage_row(&l, &cov->rows[i], y, rh, cols, cw, &cs);
		y += rh * (double)coverage_lines(&cov->rows[i], cols);
	}
	coverage_legend(&l, dl->height - PAD - lh, lh);
	return dl;
}

/* ---- KPI chart --------------------------------------------------------- */

/* 12, 12.5, 12.25: no more digits than the value has, at most two. */
static const char *
num_text(struct ismc_arena *a, double v)
{
	char buf[64];
	int prec;

	for (prec = 0; prec < 2; prec++)
		if (fabs(v * pow(10, prec) - round(v * pow(10, prec))) < 1e-9)
			break;
	snprintf(buf, sizeof buf, "%.*f", prec, v);
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
	return ismc_arena_strdup(a, buf);
}

static const char *
value_text(struct ismc_arena *a, double v, const char *unit)
{
	if (unit == NULL || strcmp(unit, "count") == 0)
		return num_text(a, v);
	if (strcmp(unit, "%") == 0)
		return ismc_arena_printf(a, "%s%%", num_text(a, v));
	return ismc_arena_printf(a, "%s %s", num_text(a, v), unit);
}

static const char *
cmp_text(enum ismc_cmp c)
{
	switch (c) {			/* ORDER ISMC_CMP */
	case ISMC_CMP_LT:
		return "<";
	case ISMC_CMP_LE:
		return "\xe2\x89\xa4";
	case ISMC_CMP_GT:
		return ">";
	case ISMC_CMP_GE:
		return "\xe2\x89\xa5";
	case ISMC_CMP_EQ:
		return "=";
	}
	return "?";
}

static struct ismc_rgb
kpi_colour(const struct ismc_ir_kpi *k)
{
	/* Okabe-Ito blue and vermillion: apart for every colour vision;
	 * in greyscale the hatch and the mark tell them apart. */
	return !k->has_result ? hex(0x999999) : k->met ? hex(0x0072b2) :
	    hex(0xd55e00);
}

static double
kpi_scale(const struct ismc_ir_kpi *k)
{
	double hi = fmax(k->target, k->has_result ? k->result : 0);

	if (k->unit != NULL && strcmp(k->unit, "%") == 0 && hi <= 100)
		return 100;
	return hi > 0 ? hi * 1.2 : 1;
}

/* The bar on its track, and the target as a line under a triangle. */
static void
kpi_bar(const struct lay *l, const struct ismc_ir_kpi *k, struct ismc_rect r)
{
	struct ismc_rgb col = kpi_colour(k);
	struct ismc_dl_item *it;
	struct ismc_rect track, bar;
	double bh, max, tx, ms;

	bh = fmin(14, r.h * 0.42);
	max = kpi_scale(k);
	track = rect(r.x, r.y + (r.h - bh) / 2, r.w, bh);
	add_rect(l, track, hex(0xeeeeee), 0.5, hex(0xbbbbbb));
	if (k->has_result && k->result > 0) {
		bar = track;
		bar.w = r.w * fmin(1, k->result / max);
		it = add_rect(l, bar, col, 0, col);
		if (!k->met) {
			it->pattern = ISMC_PATTERN_HATCH;
			it->hatch = mix(col, white, 0.45);
		}
	}
	tx = r.x + r.w * fmin(1, fmax(0, k->target / max));
	add_line(l, tx, track.y - 4, tx, track.y + bh + 4, 1.4, black, false);
	ms = fmin(7, (r.h - bh) / 2 - 1);
	if (ms > 2)
		add_mark(l, ISMC_MARK_TARGET, rect(tx - ms / 2,
		    track.y - 4 - ms, ms, ms), black);
}

/* The verdict as a mark and a word, then the numbers. */
static void
kpi_verdict(const struct lay *l, const struct ismc_ir_kpi *k,
    struct ismc_rect r)
{
	static const size_t prio[] = { 0, 1 };
	struct part parts[2];
	enum ismc_dl_mark mark;
	double ms = fmin(10, r.h - 4);

	mark = !k->has_result ? ISMC_MARK_NONE : k->met ? ISMC_MARK_MET :
	    ISMC_MARK_MISSED;
	add_mark(l, mark, rect(r.x, r.y + (r.h - ms) / 2, ms, ms),
	    kpi_colour(k));
	memset(parts, 0, sizeof parts);
	parts[0] = (struct part){ .text = !k->has_result ? "no result" :
	    k->met ? "met" : "missed", .size = 8.5, .bold = true,
	    .maxlines = 1 };
	parts[1] = (struct part){ .text = ismc_arena_printf(l->a,
	    "%s (target %s %s)", k->has_result ? value_text(l->a, k->result,
	    k->unit) : "\xe2\x80\x93", cmp_text(k->cmp), value_text(l->a,
	    k->target, k->unit)), .size = 7.5, .maxlines = 2 };
	stack(l, rect(r.x + ms + 5, r.y + 1, r.w - ms - 5, r.h - 2), parts, 2,
	    prio, black, LEFT);
}

static void
kpi_row(const struct lay *l, const struct ismc_ir_kpi *k, struct ismc_rect r,
    double lw, double sw)
{
	text_in(l, ismc_arena_printf(l->a, "%s %s", k->id, k->title != NULL ?
	    k->title : ""), rect(r.x, r.y + 1, lw - 8, r.h - 2), 8, false, 3,
	    LEFT, black);
	kpi_bar(l, k, rect(r.x + lw, r.y, r.w - lw - sw - 10, r.h));
	kpi_verdict(l, k, rect(r.x + r.w - sw, r.y, sw, r.h));
}

static void
kpi_legend(const struct lay *l, double y, double h)
{
	double x = PAD, w = fmin(130, (l->dl->width - 2 * PAD) / 4);

	x = legend_entry(l, x, y, w, h, hex(0x0072b2), ISMC_PATTERN_NONE,
	    "met");
	x = legend_entry(l, x, y, w, h, hex(0xd55e00), ISMC_PATTERN_HATCH,
	    "missed");
	add_mark(l, ISMC_MARK_TARGET, rect(x, y + (h - 9) / 2, 9, 9), black);
	text_in(l, "target", rect(x + 13, y, w - 13, h), 8.5, false, 1, LEFT,
	    black);
}

struct ismc_dl *
ismc_chart_kpi(const struct ismc_ir *ir, const struct ismc_chart_opts *o,
    struct ismc_arena *a)
{
	struct ismc_dl *dl;
	struct lay l;
	double y, lh, lw, sw, rh, gh;
	size_t i, met = 0, judged = 0;
	const char *sub;

	dl = ismc_dl_new(a, o->width, o->height > 0 ? o->height :
	    100 + KPI_ROW * (double)(ir->nkpis != 0 ? ir->nkpis : 2));
	lay_init(&l, dl, o);
	for (i = 0; i < ir->nkpis; i++) {
		judged += ir->kpis[i]->has_result;
		met += ir->kpis[i]->has_result && ir->kpis[i]->met;
	}
	sub = ir->nkpis == 0 ? NULL : ismc_arena_printf(a, "%zu of %zu KPIs "
	    "with a result met their target. Each bar has its own scale; the "
	    "triangle marks the target.", met, judged);
	y = headline(&l, "Key performance indicators: result against target",
	    sub);
	lh = line_h(8.5) + 6;
	gh = dl->height - PAD - lh - 6 - y;
	if (ir->nkpis == 0) {
		text_in(&l, "No KPIs recorded", rect(PAD, y,
		    dl->width - 2 * PAD, gh), 12, true, 1, CENTRE, grey);
		return dl;
	}
	lw = fmin(260, fmax(80, dl->width * 0.3));
	sw = fmin(190, fmax(80, dl->width * 0.27));
	rh = fmin(48, gh / (double)ir->nkpis);
	for (i = 0; i < ir->nkpis; i++) {
		if (i % 2 == 1)
			add_rect(&l, rect(PAD, y, dl->width - 2 * PAD, rh),
			    hex(0xf6f6f6), 0, white);
		kpi_row(&l, ir->kpis[i], rect(PAD, y, dl->width - 2 * PAD, rh),
		    lw, sw);
		y += rh;
	}
	kpi_legend(&l, dl->height - PAD - lh, lh);
	return dl;
}
