/*
 * pdf-report.c - the auditor's PDF.
 *
 * A small flow layout on top of pango: a cursor moves down the page, and
 * each block (paragraph line, table row, chart) asks for room and starts
 * a new page when there is none. The contents page prints page numbers
 * that are only known once everything after it is laid out, so the
 * document is laid out three times by the same code: the first pass
 * learns the contents entries, the second (whose contents page now has
 * its final length) their pages and the page count, and the third draws.
 * Laying out without drawing is cheap: only pango measures.
 */
#include <config.h>

#include "pdf-report.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "chart-layout.h"
#include "chart-paint.h"
#include "chart-surface.h"
#include "coverage.h"
#include "gap.h"
#include "ir.h"
#include "report.h"
#include "xalloc.h"

#define MARGIN		56.693			/* 2 cm */
#define TOP		64.0
#define BOTTOM		(ISMC_A4_HEIGHT - 66.0)	/* the footer sits below */
#define CONTENT_W	(ISMC_A4_WIDTH - 2 * MARGIN)
#define BODY		9.5
#define TABLE		7.5
#define CELL_PAD	3.0
#define FIELD_W		120.0	/* the cover's labels */
#define MAXCOLS		8
#define EMDASH		"\xe2\x80\x94"
#define ARROW		"\xe2\x86\x92"
#define TIMES		"\xc3\x97"
#define BULLET		"\xe2\x80\xa2"

static const struct ismc_rgb ink = { 0.10, 0.10, 0.10 };
static const struct ismc_rgb muted = { 0.38, 0.38, 0.38 };
static const struct ismc_rgb accent = { 0.122, 0.227, 0.373 };
static const struct ismc_rgb zebra = { 0.949, 0.957, 0.969 };
static const struct ismc_rgb hairline = { 0.75, 0.78, 0.82 };
static const struct ismc_rgb paper = { 1, 1, 1 };

struct toc {
	const char	*title;
	int		 level;		/* 1 or 2 */
	int		 page;
	double		 y;
};

struct doc {
	const struct ismc_ir	*ir;
	struct ismc_arena	*a;
	cairo_t			*cr;		/* NULL while only laying out */
	cairo_surface_t		*surface;
	PangoContext		*pctx;
	const char		*footer;	/* "TITLE — version V" */
	const char		*header;
	int			 page;		/* current, from 1 */
	int			 npages;	/* the previous pass's total */
	double			 y;		/* the cursor */
	struct toc		*toc;		/* this pass's entries */
	size_t			 ntoc, toc_cap;
	struct toc		*prev;		/* the previous pass's */
	size_t			 nprev;
	int			 outline;	/* parent of level 2 outlines */
	struct ismc_dl		*risk_chart, *coverage_chart, *kpi_chart;
	struct ismc_coverage	*coverage;	/* what the heatmap shows */
};

/* ---- dates ------------------------------------------------------------- */

void
ismc_pdf_date(const struct ismc_ir *ir, char *buf, size_t size)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	struct tm tm;
	time_t t;
	char *end;
	long long v;

	if (sde != NULL && *sde != '\0') {
		errno = 0;
		v = strtoll(sde, &end, 10);
		t = (time_t)v;
		/* The reproducible-builds spec: a decimal count of seconds;
		 * anything else is ignored rather than guessed at. */
		if (errno == 0 && *end == '\0' && v >= 0 &&
		    (long long)t == v && gmtime_r(&t, &tm) != NULL &&
		    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) != 0)
			return;
	}
	if (ir->isms.has_date)
		snprintf(buf, size, "%04d-%02d-%02dT00:00:00Z",
		    ir->isms.date.year, ir->isms.date.month, ir->isms.date.day);
	else
		snprintf(buf, size, "1970-01-01T00:00:00Z");
}

/* "30 June 2026" */
static const char *
human_date(struct ismc_arena *a, bool has, struct ismc_date dt)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
	};

	if (!has)
		return NULL;
	if (dt.month < 1 || dt.month > 12)
		return ismc_date_str(a, dt);
	return ismc_arena_printf(a, "%d %s %d", dt.day, months[dt.month - 1],
	    dt.year);
}

static const char *
iso_date(struct ismc_arena *a, bool has, struct ismc_date dt)
{
	return has ? ismc_date_str(a, dt) : "";
}

/* ---- text -------------------------------------------------------------- */

static const char *
or_else(const char *s, const char *dflt)
{
	return s != NULL && *s != '\0' ? s : dflt;
}

static PangoLayout *
layout(struct doc *d, const char *text, double width, double size,
    bool bold)
{
	PangoFontDescription *fd;
	PangoLayout *pl;

	pl = pango_layout_new(d->pctx);
	fd = pango_font_description_from_string(ISMC_CHART_FONT);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD :
	    PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(pl, fd);
	pango_font_description_free(fd);
#if PANGO_VERSION_CHECK(1, 44, 0)
	{
		/* A word broken in a narrow column is clearer without the
		 * hyphen pango would add: ids and names have their own. */
		PangoAttrList *al = pango_attr_list_new();

		pango_attr_list_insert(al,
		    pango_attr_insert_hyphens_new(FALSE));
		pango_layout_set_attributes(pl, al);
		pango_attr_list_unref(al);
	}
#endif
	if (width > 0) {
		pango_layout_set_width(pl, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_text(pl, text != NULL ? text : "", -1);
	return pl;
}

static double
height_of(PangoLayout *pl)
{
	PangoRectangle r;

	pango_layout_get_extents(pl, NULL, &r);
	return (double)r.height / PANGO_SCALE;
}

static double
width_of(PangoLayout *pl)
{
	PangoRectangle r;

	pango_layout_get_extents(pl, NULL, &r);
	return (double)r.width / PANGO_SCALE;
}

static void
colour(struct doc *d, struct ismc_rgb c)
{
	cairo_set_source_rgb(d->cr, c.r, c.g, c.b);
}

static void
show(struct doc *d, PangoLayout *pl, double x, double y, struct ismc_rgb c)
{
	if (d->cr == NULL)
		return;
	colour(d, c);
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, pl);
}

static void
hline(struct doc *d, double x1, double x2, double y, double width,
    struct ismc_rgb c)
{
	if (d->cr == NULL)
		return;
	colour(d, c);
	cairo_set_line_width(d->cr, width);
	cairo_move_to(d->cr, x1, y);
	cairo_line_to(d->cr, x2, y);
	cairo_stroke(d->cr);
}

static void
fill_rect(struct doc *d, double x, double y, double w, double h,
    struct ismc_rgb c)
{
	if (d->cr == NULL)
		return;
	colour(d, c);
	cairo_rectangle(d->cr, x, y, w, h);
	cairo_fill(d->cr);
}

/* ---- pages ------------------------------------------------------------- */

static void
page_furniture(struct doc *d)
{
	PangoLayout *pl;
	const char *s;

	if (d->cr == NULL)
		return;
	s = ismc_arena_printf(d->a, "%s " EMDASH " page %d of %d", d->footer,
	    d->page, d->npages);
	hline(d, MARGIN, MARGIN + CONTENT_W, ISMC_A4_HEIGHT - 50, 0.5,
	    hairline);
	pl = layout(d, s, CONTENT_W, 8, false);
	pango_layout_set_alignment(pl, PANGO_ALIGN_CENTER);
	show(d, pl, MARGIN, ISMC_A4_HEIGHT - 45, muted);
	g_object_unref(pl);
	if (d->page == 1)
		return;
	pl = layout(d, d->header, CONTENT_W, 7.5, false);
	pango_layout_set_alignment(pl, PANGO_ALIGN_RIGHT);
	pango_layout_set_ellipsize(pl, PANGO_ELLIPSIZE_MIDDLE);
	show(d, pl, MARGIN, 32, muted);
	g_object_unref(pl);
}

/* Ends the page; the last one is shown by closing the surface. */
static void
new_page(struct doc *d)
{
	page_furniture(d);
	if (d->cr != NULL)
		cairo_show_page(d->cr);
	d->page++;
	d->y = TOP;
}

/* Room for h points, on this page or a fresh one. */
static void
need(struct doc *d, double h)
{
	if (d->y + h > BOTTOM && d->y > TOP)
		new_page(d);
}

/*
 * Draws a wrapped layout at the cursor, line by line, so that a long
 * paragraph continues on the next page instead of running off this one.
 */
static void
flow(struct doc *d, PangoLayout *pl, double x, struct ismc_rgb c)
{
	PangoLayoutIter *it;
	PangoRectangle lr;
	double origin = d->y, top, bot;

	it = pango_layout_get_iter(pl);
	do {
		pango_layout_iter_get_line_extents(it, NULL, &lr);
		top = (double)lr.y / PANGO_SCALE;
		bot = top + (double)lr.height / PANGO_SCALE;
		if (origin + bot > BOTTOM && origin + top > TOP + 0.5) {
			new_page(d);
			origin = d->y - top;
		}
		if (d->cr != NULL) {
			colour(d, c);
			cairo_move_to(d->cr, x + (double)lr.x / PANGO_SCALE,
			    origin + (double)
			    pango_layout_iter_get_baseline(it) / PANGO_SCALE);
			pango_cairo_show_layout_line(d->cr,
			    pango_layout_iter_get_line_readonly(it));
		}
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	d->y = origin + height_of(pl);
}

/*
 * Prose as people wrote it in the spec: single line breaks (a triple-
 * quoted string keeps them) and runs of spaces become one space, a blank
 * line stays a paragraph break.
 */
static const char *
reflow(struct doc *d, const char *s)
{
	char *out, *o;
	size_t nl = 0;
	bool space = false;

	o = out = ismc_arena_strdup(d->a, s != NULL ? s : "");
	for (; *s != '\0'; s++) {
		if (*s == '\n') {
			nl++;
			space = true;
			continue;
		}
		if (*s == ' ' || *s == '\t' || *s == '\r') {
			space = true;
			continue;
		}
		if (space && o != out)
			*o++ = nl > 1 ? '\n' : ' ';
		space = false;
		nl = 0;
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

static void
para(struct doc *d, const char *text, double size, bool bold,
    struct ismc_rgb c)
{
	PangoLayout *pl = layout(d, reflow(d, text), CONTENT_W, size, bold);

	flow(d, pl, MARGIN, c);
	g_object_unref(pl);
	d->y += size * 0.6;
}

static void
bullet(struct doc *d, const char *text)
{
	PangoLayout *pl = layout(d, text, CONTENT_W - 14, BODY, false), *b;

	need(d, BODY * 1.4);
	b = layout(d, BULLET, 0, BODY, false);
	show(d, b, MARGIN + 3, d->y, accent);
	g_object_unref(b);
	flow(d, pl, MARGIN + 14, ink);
	g_object_unref(pl);
	d->y += 2;
}

/*
 * A label and its value, for the cover. The value wraps, up to 12 lines:
 * the cover is one page, and the long texts (the scope) are given whole
 * in their own sections.
 */
static void
field(struct doc *d, const char *label, const char *value)
{
	PangoLayout *k, *v;
	double h;

	if (value == NULL || *value == '\0')
		return;
	k = layout(d, label, FIELD_W - 8, BODY, true);
	v = layout(d, value, CONTENT_W - FIELD_W, BODY, false);
	pango_layout_set_height(v, -12);
	pango_layout_set_ellipsize(v, PANGO_ELLIPSIZE_END);
	h = height_of(v) > height_of(k) ? height_of(v) : height_of(k);
	need(d, h);
	show(d, k, MARGIN, d->y, muted);
	show(d, v, MARGIN + FIELD_W, d->y, ink);
	d->y += h + 4;
	g_object_unref(k);
	g_object_unref(v);
}

/* ---- headings and the contents ----------------------------------------- */

static void
toc_add(struct doc *d, const char *title, int level)
{
	if (d->ntoc == d->toc_cap) {
		d->toc_cap = d->toc_cap != 0 ? d->toc_cap * 2 : 32;
		d->toc = ismc_xreallocarray(d->toc, d->toc_cap, sizeof *d->toc);
	}
	d->toc[d->ntoc].title = title;
	d->toc[d->ntoc].level = level;
	d->toc[d->ntoc].page = d->page;
	d->toc[d->ntoc].y = d->y;
	d->ntoc++;
}

static const char *
dest(struct doc *d, int page, double y)
{
	return ismc_arena_printf(d->a, "page=%d pos=[%.2f %.2f]", page,
	    MARGIN, y);
}

/*
 * A heading; level 1 starts a page. Entries in the contents and the PDF
 * outline come from here, except for `listed` false.
 */
static void
heading(struct doc *d, int level, const char *title, bool listed)
{
	PangoLayout *pl;
	int id;

	if (level == 1 && d->y > TOP)
		new_page(d);
	else if (level > 1)
		need(d, 80);	/* keep a heading with what follows */
	if (listed) {
		toc_add(d, title, level);
		if (d->cr != NULL) {
			id = cairo_pdf_surface_add_outline(d->surface,
			    level == 1 ? CAIRO_PDF_OUTLINE_ROOT : d->outline,
			    title, dest(d, d->page, d->y), 0);
			if (level == 1)
				d->outline = id;
		}
	}
	pl = layout(d, title, CONTENT_W, level == 1 ? 18 : level == 2 ? 12.5 :
	    10.5, true);
	show(d, pl, MARGIN, d->y, accent);
	d->y += height_of(pl);
	g_object_unref(pl);
	if (level == 1) {
		d->y += 4;
		hline(d, MARGIN, MARGIN + CONTENT_W, d->y, 1.2, accent);
		d->y += 12;
	} else
		d->y += 5;
}

static void
contents_entry(struct doc *d, const struct toc *e)
{
	static const double dots[] = { 0.6, 2.4 };
	double indent = e->level == 1 ? 0 : 18, size = e->level == 1 ? 10.5 :
	    BODY, h, x1, x2, base;
	PangoLayout *t, *n;
	PangoRectangle lr;

	t = layout(d, e->title, CONTENT_W - indent - 50, size, e->level == 1);
	n = layout(d, ismc_arena_printf(d->a, "%d", e->page), 0, size,
	    e->level == 1);
	h = height_of(t);
	need(d, h);
	if (d->cr != NULL) {
		cairo_tag_begin(d->cr, CAIRO_TAG_LINK, dest(d, e->page, e->y));
		show(d, t, MARGIN + indent, d->y, ink);
		show(d, n, MARGIN + CONTENT_W - width_of(n), d->y + h -
		    height_of(n), ink);
		cairo_tag_end(d->cr, CAIRO_TAG_LINK);
		/* A dotted leader from the title's last line to the number. */
		pango_layout_line_get_extents(pango_layout_get_line_readonly(t,
		    pango_layout_get_line_count(t) - 1), NULL, &lr);
		x1 = MARGIN + indent + (double)lr.width / PANGO_SCALE + 6;
		x2 = MARGIN + CONTENT_W - width_of(n) - 6;
		base = d->y + h - size * 0.28;
		if (x2 > x1) {
			cairo_save(d->cr);
			cairo_set_dash(d->cr, dots, 2, 0);
			cairo_set_line_cap(d->cr, CAIRO_LINE_CAP_ROUND);
			hline(d, x1, x2, base, 0.9, muted);
			cairo_restore(d->cr);
		}
	}
	d->y += h + (e->level == 1 ? 7 : 3);
	g_object_unref(t);
	g_object_unref(n);
}

static void
contents(struct doc *d)
{
	size_t i;

	heading(d, 1, ISMC_PDF_CONTENTS, false);
	for (i = 0; i < d->nprev; i++)
		contents_entry(d, &d->prev[i]);
}

/* ---- tables ------------------------------------------------------------ */

struct col {
	const char	*title;
	double		 frac;		/* share of the width */
	bool		 bold;
};

struct table {
	const struct col *cols;
	size_t		 ncols;
	double		 x[MAXCOLS], w[MAXCOLS];
	double		 hh;		/* header height */
	bool		 header_due;
	size_t		 nrows;
};

static double
lay_row(struct doc *d, const struct table *t, const char *const *cells,
    bool header, PangoLayout **pls)
{
	double h = 0, ch;
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		pls[i] = layout(d, or_else(cells[i], ""),
		    t->w[i] - 2 * CELL_PAD, TABLE, header || t->cols[i].bold);
		if ((ch = height_of(pls[i])) > h)
			h = ch;
	}
	return h + 2 * CELL_PAD;
}

static void
draw_row(struct doc *d, const struct table *t, PangoLayout **pls, double h,
    bool header)
{
	size_t i;

	if (header)
		fill_rect(d, MARGIN, d->y, CONTENT_W, h, accent);
	else if (t->nrows % 2 == 1)
		fill_rect(d, MARGIN, d->y, CONTENT_W, h, zebra);
	for (i = 0; i < t->ncols; i++)
		show(d, pls[i], t->x[i] + CELL_PAD, d->y + CELL_PAD, header ?
		    paper : ink);
	if (!header)
		hline(d, MARGIN, MARGIN + CONTENT_W, d->y + h, 0.4, hairline);
}

static void
free_row(PangoLayout **pls, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		g_object_unref(pls[i]);
}

static void
table_header(struct doc *d, struct table *t)
{
	const char *titles[MAXCOLS];
	PangoLayout *pls[MAXCOLS];
	double h;
	size_t i;

	for (i = 0; i < t->ncols; i++)
		titles[i] = t->cols[i].title;
	h = lay_row(d, t, titles, true, pls);
	draw_row(d, t, pls, h, true);
	free_row(pls, t->ncols);
	d->y += h;
	t->header_due = false;
}

static void
table_begin(struct doc *d, struct table *t, const struct col *cols,
    size_t ncols)
{
	const char *titles[MAXCOLS];
	PangoLayout *pls[MAXCOLS];
	double sum = 0, x = MARGIN;
	size_t i;

	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->ncols = ncols < MAXCOLS ? ncols : MAXCOLS;
	for (i = 0; i < t->ncols; i++)
		sum += cols[i].frac;
	for (i = 0; i < t->ncols; i++) {
		t->x[i] = x;
		t->w[i] = CONTENT_W * cols[i].frac / sum;
		x += t->w[i];
		titles[i] = cols[i].title;
	}
	t->hh = lay_row(d, t, titles, true, pls);
	free_row(pls, t->ncols);
	t->header_due = true;
}

/*
 * One row; when it does not fit, the table continues on a new page under
 * a repeated header. A row taller than a whole page (a cell of a thousand
 * words) is cut with an ellipsis rather than spilling over the footer.
 */
static void
table_row(struct doc *d, struct table *t, const char *const *cells)
{
	PangoLayout *pls[MAXCOLS];
	double h, room = BOTTOM - TOP - t->hh;
	size_t i;

	h = lay_row(d, t, cells, false, pls);
	if (h > room) {
		for (i = 0; i < t->ncols; i++) {
			pango_layout_set_height(pls[i],
			    (int)((room - 2 * CELL_PAD) * PANGO_SCALE));
			pango_layout_set_ellipsize(pls[i], PANGO_ELLIPSIZE_END);
		}
		h = room;
	}
	if (t->header_due || d->y + h > BOTTOM) {
		if (d->y + t->hh + h > BOTTOM)
			new_page(d);
		table_header(d, t);
	}
	draw_row(d, t, pls, h, false);
	free_row(pls, t->ncols);
	d->y += h;
	t->nrows++;
}

static void
table_end(struct doc *d)
{
	d->y += 10;
}

static const char *
cell_text(struct doc *d, const struct ismc_cell *c, const char *sep)
{
	struct ismc_buf b;
	const char *s;

	ismc_buf_init(&b);
	ismc_cell_format(c, sep, &b);
	s = ismc_arena_strdup(d->a, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

static size_t
column(const struct ismc_report *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->ncolumns; i++)
		if (strcmp(r->columns[i].id, id) == 0)
			return i;
	return SIZE_MAX;
}

static const char *
report_cell(struct doc *d, const struct ismc_report *r, size_t row,
    const char *id, const char *sep)
{
	size_t c = column(r, id);

	return c == SIZE_MAX ? "" : cell_text(d, &r->rows[row][c], sep);
}

/* ---- cover ------------------------------------------------------------- */

static const char *
frameworks_text(struct doc *d)
{
	struct ismc_buf b;
	const char *s;
	size_t i;

	ismc_buf_init(&b);
	for (i = 0; i < d->ir->nframeworks; i++) {
		const struct ismc_catalog *c = d->ir->frameworks[i].catalog;

		ismc_buf_printf(&b, "%s%s", i > 0 ? "\n" : "", or_else(c->title,
		    c->id));
	}
	s = ismc_arena_strdup(d->a, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

static void
cover(struct doc *d)
{
	const struct ismc_ir_isms *m = &d->ir->isms;
	PangoLayout *pl;

	fill_rect(d, 0, 0, ISMC_A4_WIDTH, 14, accent);
	d->y = 150;
	pl = layout(d, "AUDITOR'S REPORT", CONTENT_W, 10.5, true);
	show(d, pl, MARGIN, d->y, muted);
	d->y += height_of(pl) + 10;
	g_object_unref(pl);
	pl = layout(d, or_else(m->organisation, "Unnamed organisation"),
	    CONTENT_W, 26, true);
	show(d, pl, MARGIN, d->y, accent);
	d->y += height_of(pl) + 8;
	g_object_unref(pl);
	pl = layout(d, or_else(m->title,
	    "Information security management system"), CONTENT_W, 15, false);
	show(d, pl, MARGIN, d->y, ink);
	d->y += height_of(pl) + 18;
	g_object_unref(pl);
	hline(d, MARGIN, MARGIN + 90, d->y, 3, accent);
	d->y += 30;
	field(d, "Version", or_else(m->version, "not stated"));
	field(d, "Date", or_else(human_date(d->a, m->has_date, m->date),
	    "not stated"));
	field(d, "Organisation", m->organisation);
	field(d, "Industry", m->industry);
	if (m->employees >= 0)
		field(d, "Employees", ismc_arena_printf(d->a, "%lld",
		    (long long)m->employees));
	field(d, "Frameworks", frameworks_text(d));
	d->y += 8;
	field(d, "Scope", m->scope != NULL ? reflow(d, m->scope) : NULL);
	if (d->y < BOTTOM - 30)
		d->y = BOTTOM - 30;
	para(d, "Generated by ismc " PACKAGE_VERSION " from the ISMS "
	    "specification. Every figure in this report is derived from the "
	    "specification; none is typed in.", 8, false, muted);
}

/* ---- scope ------------------------------------------------------------- */

static void
scope(struct doc *d)
{
	static const struct col cols[] = {
		{ "Location", 0.18, true },
		{ "Description", 0.82, false },
	};
	const struct ismc_ir_isms *m = &d->ir->isms;
	struct table t;
	const char *row[2];
	size_t i;

	heading(d, 1, ISMC_PDF_SCOPE, true);
	para(d, or_else(m->scope, "No scope statement recorded."), BODY, false,
	    ink);
	heading(d, 3, "Locations", false);
	if (m->nlocations == 0)
		para(d, "No locations recorded.", BODY, false, muted);
	else {
		table_begin(d, &t, cols, 2);
		for (i = 0; i < m->nlocations; i++) {
			row[0] = m->locations[i].id;
			row[1] = m->locations[i].text;
			table_row(d, &t, row);
		}
		table_end(d);
	}
	heading(d, 3, "In scope", false);
	if (m->nin_scope == 0)
		para(d, "Nothing listed.", BODY, false, muted);
	for (i = 0; i < m->nin_scope; i++)
		bullet(d, m->in_scope[i]);
	d->y += 4;
	heading(d, 3, "Out of scope", false);
	if (m->nout_of_scope == 0)
		para(d, "Nothing listed.", BODY, false, muted);
	for (i = 0; i < m->nout_of_scope; i++)
		bullet(d, m->out_of_scope[i]);
}

/* ---- Statement of Applicability ---------------------------------------- */

/* "not implemented": status names wrap at spaces, not mid-word. */
static const char *
spaced(struct doc *d, const char *s)
{
	char *t = ismc_arena_strdup(d->a, s), *p;

	for (p = t; *p != '\0'; p++)
		if (*p == '-')
			*p = ' ';
	return t;
}

static const char *
summary_text(struct doc *d, const struct ismc_report *r)
{
	struct ismc_buf b;
	const char *s;
	size_t i;

	ismc_buf_init(&b);
	for (i = 0; i < r->nsummary; i++) {
		ismc_buf_printf(&b, "%s%s: ", i > 0 ? "; " : "",
		    r->summary[i].label);
		ismc_cell_format(&r->summary[i].value, ", ", &b);
	}
	ismc_buf_adds(&b, ".");
	s = ismc_arena_strdup(d->a, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

static void
soa_framework(struct doc *d, const struct ismc_ir_framework *fw)
{
	static const struct col cols[] = {
		{ "Control", 0.08, true },
		{ "Title", 0.18, false },
		{ "Applies", 0.085, false },
		{ "Reasons or exclusion justification", 0.15, false },
		{ "Status", 0.125, false },
		{ "Owner", 0.14, false },
		{ "References", 0.24, false },
	};
	const struct ismc_report *r = ismc_report_soa(d->ir, fw, d->a);
	const char *row[7], *just;
	struct table t;
	size_t i;

	heading(d, 2, or_else(fw->catalog->title, fw->catalog->id), true);
	para(d, summary_text(d, r), BODY, false, ink);
	table_begin(d, &t, cols, 7);
	for (i = 0; i < r->nrows; i++) {
		row[0] = report_cell(d, r, i, "id", ", ");
		row[1] = report_cell(d, r, i, "title", ", ");
		row[2] = report_cell(d, r, i, "applicable", ", ");
		just = report_cell(d, r, i, "justification", ", ");
		row[3] = *just != '\0' ? just : report_cell(d, r, i,
		    "reasons", ", ");
		row[4] = spaced(d, report_cell(d, r, i, "status", ", "));
		row[5] = report_cell(d, r, i, "owner_title", ", ");
		row[6] = report_cell(d, r, i, "references", "\n");
		table_row(d, &t, row);
	}
	table_end(d);
}

static void
soa(struct doc *d)
{
	size_t i, n = 0;

	heading(d, 1, ISMC_PDF_SOA, true);
	para(d, "One row per requirement of each control framework, in the "
	    "framework's order, as the organisation decided it. Requirement "
	    "frameworks are assessed in the gap analysis.", BODY, false,
	    muted);
	for (i = 0; i < d->ir->nframeworks; i++) {
		if (!ismc_catalog_is_controls(d->ir->frameworks[i].catalog))
			continue;
		soa_framework(d, &d->ir->frameworks[i]);
		n++;
	}
	if (n == 0)
		para(d, "No control framework in use.", BODY, false, muted);
}

/* ---- risks ------------------------------------------------------------- */

static const char *
rating(struct doc *d, const struct ismc_ir_level *l,
    const struct ismc_ir_level *i, int score, const struct ismc_ir_band *b)
{
	return ismc_arena_printf(d->a, "%d " TIMES " %d = %d%s%s\n%s / %s",
	    l->value, i->value, score, b != NULL ? " " : "",
	    b != NULL ? or_else(b->label, b->id) : "", or_else(l->label, l->id),
	    or_else(i->label, i->id));
}

static const char *
join_ids(struct doc *d, const char *label, const char *const *ids,
    size_t n)
{
	struct ismc_buf b;
	const char *s;
	size_t i;

	if (n == 0)
		return "";
	ismc_buf_init(&b);
	ismc_buf_printf(&b, "%s: ", label);
	for (i = 0; i < n; i++)
		ismc_buf_printf(&b, "%s%s", i > 0 ? ", " : "", ids[i]);
	s = ismc_arena_strdup(d->a, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

static const char *
risk_text(struct doc *d, const struct ismc_ir_risk *r)
{
	const char **assets, **threats;
	size_t i;

	assets = ISMC_NEW_ARRAY(d->a, const char *, r->nassets + 1);
	threats = ISMC_NEW_ARRAY(d->a, const char *, r->nthreats + 1);
	for (i = 0; i < r->nassets; i++)
		assets[i] = r->assets[i]->id;
	for (i = 0; i < r->nthreats; i++)
		threats[i] = r->threats[i]->id;
	return ismc_arena_printf(d->a, "%s%s%s%s%s", or_else(r->title, r->id),
	    r->nassets > 0 ? "\n" : "", join_ids(d, "Assets", assets,
	    r->nassets), r->nthreats > 0 ? "\n" : "", join_ids(d, "Threats",
	    threats, r->nthreats));
}

static const char *
treated_by(struct doc *d, const struct ismc_ir_risk *r)
{
	struct ismc_buf b;
	const char *s;
	size_t i;

	if (r->ntreated_by == 0)
		return "none";
	ismc_buf_init(&b);
	for (i = 0; i < r->ntreated_by; i++) {
		const struct ismc_ir_treat *t = &r->treated_by[i];

		if (t->control != NULL)
			ismc_buf_printf(&b, "%s%s (%s)", i > 0 ? "\n" : "",
			    t->control->req->id, ismc_status_name(
			    t->control->status));
		else if (t->measure != NULL)
			ismc_buf_printf(&b, "%s%s (%s)", i > 0 ? "\n" : "",
			    t->measure->id, ismc_status_name(
			    t->measure->status));
	}
	s = ismc_arena_strdup(d->a, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

static void
risk_register(struct doc *d)
{
	static const struct col cols[] = {
		{ "Risk", 0.09, true },
		{ "Description", 0.37, false },
		{ "Owner", 0.14, false },
		{ "Inherent", 0.2, false },
		{ "Residual", 0.2, false },
	};
	const struct ismc_ir *ir = d->ir;
	const char *row[5];
	struct table t;
	size_t i;

	table_begin(d, &t, cols, 5);
	for (i = 0; i < ir->nrisks; i++) {
		const struct ismc_ir_risk *r = ir->risks[i];
		const struct ismc_ir_level *rl = r->res_likelihood != NULL ?
		    r->res_likelihood : r->likelihood;
		const struct ismc_ir_level *ri = r->res_impact != NULL ?
		    r->res_impact : r->impact;

		row[0] = r->id;
		row[1] = risk_text(d, r);
		row[2] = r->owner != NULL ? or_else(r->owner->title,
		    r->owner->id) : "";
		row[3] = rating(d, r->likelihood, r->impact, r->score, r->band);
		row[4] = r->has_residual ? rating(d, rl, ri, r->res_score,
		    r->res_band) : "not rated";
		table_row(d, &t, row);
	}
	table_end(d);
}

static void
treatment_plan(struct doc *d)
{
	static const struct col cols[] = {
		{ "Risk", 0.09, true },
		{ "Treatment", 0.13, false },
		{ "Controls and measures (status)", 0.34, false },
		{ "Score", 0.16, false },
		{ "Acceptance", 0.28, false },
	};
	const struct ismc_ir *ir = d->ir;
	const char *row[5];
	struct table t;
	size_t i;

	table_begin(d, &t, cols, 5);
	for (i = 0; i < ir->nrisks; i++) {
		const struct ismc_ir_risk *r = ir->risks[i];

		row[0] = r->id;
		row[1] = ismc_treatment_name(r->treatment);
		row[2] = treated_by(d, r);
		row[3] = ismc_arena_printf(d->a, "%d " ARROW " %d", r->score,
		    r->has_residual ? r->res_score : r->score);
		row[4] = !ir->has_acceptance ? "no criterion" :
		    ismc_arena_printf(d->a, "%s before, %s after treatment",
		    r->above_acceptance ? "above" : "within",
		    (r->has_residual ? r->res_score : r->score) >
		    ir->acceptance_max ? "above" : "within");
		table_row(d, &t, row);
	}
	table_end(d);
}

static void
risks(struct doc *d)
{
	const struct ismc_ir *ir = d->ir;
	const struct ismc_ir_totals *t = &ir->totals;

	heading(d, 1, ISMC_PDF_RISKS, true);
	if (ir->nrisks == 0) {
		para(d, "No risks recorded.", BODY, false, muted);
		return;
	}
	para(d, ismc_arena_printf(d->a, "%zu risks. Inherent score total "
	    "%lld, residual %lld: a reduction of %.1f%%. %s", ir->nrisks,
	    (long long)t->inherent, (long long)t->residual,
	    t->inherent > 0 ? t->reduction_pct : 0.0, ir->has_acceptance ?
	    ismc_arena_printf(d->a, "Risks scoring up to %d may be accepted; "
	    "%zu were above that before treatment and %zu after.",
	    ir->acceptance_max, t->above_acceptance,
	    t->res_above_acceptance) : "No acceptance criterion is set."),
	    BODY, false, ink);
	heading(d, 3, "Risk register", false);
	risk_register(d);
	heading(d, 3, "Treatment plan", false);
	treatment_plan(d);
}

/* ---- charts ------------------------------------------------------------ */

/* A chart as vectors; one taller than a page (hundreds of KPIs) is
 * scaled down to fit rather than cut by the footer. */
static void
chart(struct doc *d, const struct ismc_dl *dl)
{
	double scale = 1, h = dl->height;

	if (h > BOTTOM - TOP) {
		scale = (BOTTOM - TOP) / h;
		h = BOTTOM - TOP;
	}
	need(d, h);
	if (d->cr != NULL) {
		cairo_save(d->cr);
		cairo_translate(d->cr,
		    MARGIN + (CONTENT_W - dl->width * scale) / 2, d->y);
		cairo_scale(d->cr, scale, scale);
		ismc_chart_paint(d->cr, dl, false);
		cairo_restore(d->cr);
	}
	d->y += h + 12;
}

static void
heatmaps(struct doc *d)
{
	heading(d, 1, ISMC_PDF_HEATMAPS, true);
	chart(d, d->risk_chart);
	chart(d, d->coverage_chart);
}

/* ---- gap analysis ------------------------------------------------------ */

static const char *
pct(struct doc *d, double v)
{
	return v < 0 ? "n/a" : ismc_arena_printf(d->a, "%.1f%%", v);
}

static void
group_table(struct doc *d, const struct ismc_coverage_row *row, bool gap)
{
	static const struct col cols[] = {
		{ "Group", 0.1, true },
		{ "Title", 0.31, false },
		{ "Assessed", 0.12, false },
		{ "Full", 0.13, false },
		{ "Partial", 0.09, false },
		{ "Open", 0.09, false },
		{ "Coverage", 0.16, false },
	};
	static const struct col soa_cols[] = {
		{ "Group", 0.1, true },
		{ "Title", 0.31, false },
		{ "Applicable", 0.12, false },
		{ "Implemented", 0.13, false },
		{ "Partial", 0.09, false },
		{ "Open", 0.09, false },
		{ "Coverage", 0.16, false },
	};
	const char *r[7];
	struct table t;
	size_t i;

	table_begin(d, &t, gap ? cols : soa_cols, 7);
	for (i = 0; i <= row->ncells; i++) {
		const struct ismc_coverage_cell *c = i < row->ncells ?
		    &row->cells[i] : &row->total;

		r[0] = i < row->ncells ? c->group : "All";
		r[1] = i < row->ncells ? or_else(c->title, "") : "";
		r[2] = ismc_arena_printf(d->a, "%zu", c->applicable);
		r[3] = ismc_arena_printf(d->a, "%zu", c->full);
		r[4] = ismc_arena_printf(d->a, "%zu", c->partial);
		r[5] = ismc_arena_printf(d->a, "%zu", c->open + c->planned);
		r[6] = pct(d, c->pct);
		table_row(d, &t, r);
	}
	table_end(d);
}

static void
gap_framework(struct doc *d, const struct ismc_gap_fw *gf,
    const struct ismc_coverage_row *row)
{
	static const struct col cols[] = {
		{ "Requirement", 0.14, true },
		{ "Title", 0.48, false },
		{ "Coverage", 0.16, false },
		{ "Mapped controls implemented", 0.22, false },
	};
	const char *r[4];
	struct table t;
	size_t i;

	heading(d, 2, or_else(gf->fw->catalog->title, gf->fw->catalog->id),
	    true);
	para(d, ismc_arena_printf(d->a, "%zu requirements: %zu fully covered, "
	    "%zu partly, %zu gaps (%zu with no counterpart), %zu excluded. "
	    "Coverage %s.", gf->n.total, gf->n.full, gf->n.partial, gf->n.gap,
	    gf->n.no_counterpart, gf->n.excluded, pct(d, row->total.pct)),
	    BODY, false, ink);
	group_table(d, row, true);
	heading(d, 3, "Requirements not fully covered", false);
	table_begin(d, &t, cols, 4);
	for (i = 0; i < gf->nreqs; i++) {
		const struct ismc_gap_req *q = &gf->reqs[i];

		if (q->status == ISMC_COV_FULL ||
		    q->status == ISMC_COV_EXCLUDED)
			continue;
		r[0] = q->req->id;
		r[1] = or_else(q->req->title, "");
		r[2] = ismc_cov_name(q->status);
		r[3] = ismc_arena_printf(d->a, "%zu of %zu", q->nmapped_impl,
		    q->nmapped);
		table_row(d, &t, r);
	}
	if (t.nrows == 0)
		para(d, "Every assessed requirement is fully covered.", BODY,
		    false, muted);
	table_end(d);
}

static void
soa_gaps(struct doc *d, const struct ismc_ir_framework *fw)
{
	static const struct col cols[] = {
		{ "Requirement", 0.14, true },
		{ "Title", 0.46, false },
		{ "Status", 0.16, false },
		{ "Owner", 0.24, false },
	};
	struct ismc_coverage_row row;
	const char *r[4];
	struct table t;
	size_t i;

	ismc_coverage_row_from_soa(fw, &row, d->a);
	heading(d, 2, or_else(fw->catalog->title, fw->catalog->id), true);
	para(d, ismc_arena_printf(d->a, "%zu requirements, %zu applicable: "
	    "%zu implemented, %zu partly, %zu planned, %zu open; %zu "
	    "excluded. Implemented: %s of the applicable requirements.",
	    row.total.total, row.total.applicable, row.total.full,
	    row.total.partial, row.total.planned, row.total.open,
	    row.total.excluded, pct(d, row.total.pct)), BODY, false, ink);
	group_table(d, &row, false);
	heading(d, 3, "Applicable requirements not implemented", false);
	table_begin(d, &t, cols, 4);
	for (i = 0; i < fw->ncontrols; i++) {
		const struct ismc_ir_control *c = &fw->controls[i];

		if (c->req->mandatory ||
		    c->applicability == ISMC_EXCLUDED ||
		    (c->applicability == ISMC_APPLICABLE &&
		    c->status == ISMC_STATUS_IMPLEMENTED))
			continue;
		r[0] = c->req->id;
		r[1] = or_else(c->req->title, "");
		r[2] = c->applicability == ISMC_UNDECIDED ? "undecided" :
		    spaced(d, ismc_status_name(c->status));
		r[3] = c->owner != NULL ? or_else(c->owner->title,
		    c->owner->id) : "";
		table_row(d, &t, r);
	}
	if (t.nrows == 0)
		para(d, "Every applicable requirement is implemented.", BODY,
		    false, muted);
	table_end(d);
}

static void
gap_analysis(struct doc *d)
{
	const struct ismc_ir *ir = d->ir;
	struct ismc_coverage *cov;
	size_t i;

	heading(d, 1, ISMC_PDF_GAP, true);
	if (ir->nframeworks == 0) {
		para(d, "No framework in use.", BODY, false, muted);
		return;
	}
	if (ir->gap != NULL) {
		cov = ismc_coverage_from_gap(ir->gap, d->a);
		para(d, ismc_arena_printf(d->a, "Coverage of each framework by "
		    "the organisation's controls, directly and through %zu "
		    "mapping sets (%zu rows), under the %s policy.",
		    ir->gap->nsets, ir->gap->nrows,
		    ir->gap->policy == ISMC_GAP_STRICT ? "strict" :
		    "all-mapped"), BODY, false, muted);
		for (i = 0; i < ir->gap->nfws && i < cov->nrows; i++)
			gap_framework(d, &ir->gap->fws[i], &cov->rows[i]);
		return;
	}
	para(d, "No crosswalk gap analysis ran for this build: the figures "
	    "below count the implementation status recorded in each "
	    "framework's Statement of Applicability.", BODY, false, muted);
	for (i = 0; i < ir->nframeworks; i++)
		soa_gaps(d, &ir->frameworks[i]);
}

/* ---- KPIs, audits, review ---------------------------------------------- */

static void
kpis(struct doc *d)
{
	static const struct col cols[] = {
		{ "KPI", 0.11, true },
		{ "Title", 0.33, false },
		{ "Target", 0.15, false },
		{ "Result", 0.1, false },
		{ "Met", 0.07, false },
		{ "Period", 0.1, false },
		{ "Owner", 0.14, false },
	};
	const struct ismc_report *r = ismc_report_kpis(d->ir, d->a);
	const char *row[7];
	struct table t;
	size_t i;

	heading(d, 1, ISMC_PDF_KPIS, true);
	if (d->ir->nkpis == 0) {
		para(d, "No KPIs recorded.", BODY, false, muted);
		return;
	}
	chart(d, d->kpi_chart);
	table_begin(d, &t, cols, 7);
	for (i = 0; i < r->nrows; i++) {
		row[0] = report_cell(d, r, i, "id", ", ");
		row[1] = report_cell(d, r, i, "title", ", ");
		row[2] = report_cell(d, r, i, "target", ", ");
		row[3] = ismc_arena_printf(d->a, "%s %s", report_cell(d, r, i,
		    "result", ", "), report_cell(d, r, i, "unit", ", "));
		row[4] = report_cell(d, r, i, "met", ", ");
		row[5] = report_cell(d, r, i, "period", ", ");
		row[6] = report_cell(d, r, i, "owner", ", ");
		table_row(d, &t, row);
	}
	table_end(d);
}

static void
audit_table(struct doc *d)
{
	static const struct col cols[] = {
		{ "Audit", 0.11, true },
		{ "Title and scope", 0.36, false },
		{ "Type", 0.09, false },
		{ "Dates", 0.14, false },
		{ "Auditor", 0.19, false },
		{ "Findings", 0.11, false },
	};
	const char *row[6];
	struct table t;
	size_t i;

	table_begin(d, &t, cols, 6);
	for (i = 0; i < d->ir->naudits; i++) {
		const struct ismc_ir_audit *au = d->ir->audits[i];

		row[0] = au->id;
		row[1] = au->scope != NULL ? ismc_arena_printf(d->a,
		    "%s\nScope: %s", or_else(au->title, ""), au->scope) :
		    or_else(au->title, "");
		row[2] = au->external ? "external" : "internal";
		row[3] = au->has_end ? ismc_arena_printf(d->a, "%s to %s",
		    iso_date(d->a, au->has_date, au->date), iso_date(d->a,
		    au->has_end, au->end)) : iso_date(d->a, au->has_date,
		    au->date);
		row[4] = or_else(au->auditor, "");
		row[5] = ismc_arena_printf(d->a, "%zu", au->nfindings);
		table_row(d, &t, row);
	}
	table_end(d);
}

static const char *
actions_text(struct doc *d, const struct ismc_ir_finding *f)
{
	struct ismc_buf b;
	const char *s;
	size_t i;

	if (f->nactions == 0)
		return "none needed";
	ismc_buf_init(&b);
	for (i = 0; i < f->nactions; i++) {
		const struct ismc_ir_action *x = f->actions[i];

		ismc_buf_printf(&b, "%s%s %s (%s%s%s%s%s)", i > 0 ? "\n" : "",
		    x->id, or_else(x->title, ""),
		    ismc_action_status_name(x->status),
		    x->owner != NULL ? ", " : "", x->owner != NULL ?
		    x->owner->id : "", x->has_due ? ", due " : "",
		    iso_date(d->a, x->has_due, x->due));
		if (x->overdue)
			ismc_buf_adds(&b, " OVERDUE");
	}
	s = ismc_arena_strdup(d->a, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

static void
findings_table(struct doc *d)
{
	static const struct col cols[] = {
		{ "Finding", 0.1, true },
		{ "Kind", 0.12, false },
		{ "Title", 0.25, false },
		{ "Controls, clauses", 0.13, false },
		{ "Corrective actions", 0.32, false },
		{ "Closed", 0.08, false },
	};
	const char *row[6];
	struct table t;
	size_t i, j;

	table_begin(d, &t, cols, 6);
	for (i = 0; i < d->ir->nfindings; i++) {
		const struct ismc_ir_finding *f = d->ir->findings[i];
		const char **refs;

		refs = ISMC_NEW_ARRAY(d->a, const char *, f->ncontrols +
		    f->nclauses + 1);
		for (j = 0; j < f->ncontrols; j++)
			refs[j] = f->controls[j]->req->id;
		for (j = 0; j < f->nclauses; j++)
			refs[f->ncontrols + j] = ismc_arena_printf(d->a,
			    "clause %s", f->clauses[j]);
		row[0] = f->id;
		row[1] = ismc_finding_kind_name(f->kind);
		row[2] = or_else(f->title, "");
		row[3] = cell_text(d, &(struct ismc_cell){ .kind =
		    ISMC_CELL_LIST, .u.list = { refs, f->ncontrols +
		    f->nclauses } }, ", ");
		row[4] = actions_text(d, f);
		row[5] = f->closed ? "yes" : "no";
		table_row(d, &t, row);
	}
	table_end(d);
}

static void
audits(struct doc *d)
{
	heading(d, 1, ISMC_PDF_AUDITS, true);
	if (d->ir->naudits == 0)
		para(d, "No audits recorded.", BODY, false, muted);
	else
		audit_table(d);
	heading(d, 3, "Findings and corrective actions", false);
	if (d->ir->nfindings == 0)
		para(d, "No findings recorded.", BODY, false, muted);
	else
		findings_table(d);
}

static void
coverage_summary(struct doc *d)
{
	static const struct col cols[] = {
		{ "Framework", 0.4, true },
		{ "Assessed", 0.12, false },
		{ "Full", 0.12, false },
		{ "Partial", 0.12, false },
		{ "Open", 0.12, false },
		{ "Coverage", 0.12, false },
	};
	const struct ismc_coverage *cov = d->coverage;
	struct ismc_coverage_row soa_row;
	const char *row[6];
	struct table t;
	size_t i, n;

	n = cov->nrows != 0 ? cov->nrows : d->ir->nframeworks;
	heading(d, 3, "Coverage per framework", false);
	para(d, cov->nrows != 0 ? cov->caption : "Implementation of the "
	    "applicable requirements, from each framework's Statement of "
	    "Applicability (no crosswalk gap analysis ran).", TABLE + 1,
	    false, muted);
	if (n == 0) {
		para(d, "No framework in use.", BODY, false, muted);
		return;
	}
	table_begin(d, &t, cols, 6);
	for (i = 0; i < n; i++) {
		const struct ismc_coverage_row *r = &soa_row;

		if (cov->nrows != 0)
			r = &cov->rows[i];
		else
			ismc_coverage_row_from_soa(&d->ir->frameworks[i],
			    &soa_row, d->a);
		row[0] = or_else(r->title, r->framework);
		row[1] = ismc_arena_printf(d->a, "%zu", r->total.applicable);
		row[2] = ismc_arena_printf(d->a, "%zu", r->total.full);
		row[3] = ismc_arena_printf(d->a, "%zu", r->total.partial);
		row[4] = ismc_arena_printf(d->a, "%zu", r->total.open +
		    r->total.planned);
		row[5] = pct(d, r->total.pct);
		table_row(d, &t, row);
	}
	table_end(d);
}

static void
review(struct doc *d)
{
	static const struct col cols[] = {
		{ "Topic", 0.34, true },
		{ "Figure", 0.12, false },
		{ "Detail", 0.54, false },
	};
	const struct ismc_report *r = ismc_report_review(d->ir, d->a);
	const char *row[3];
	struct table t;
	size_t i;

	heading(d, 1, ISMC_PDF_REVIEW, true);
	para(d, ismc_arena_printf(d->a, "Figures for the management review "
	    "(ISO/IEC 27001:2022 clause 9.3), derived from the specification "
	    "as of %s.", or_else(human_date(d->a, d->ir->has_as_of,
	    d->ir->as_of), "its date")), BODY, false, muted);
	table_begin(d, &t, cols, 3);
	for (i = 0; i < r->nrows; i++) {
		row[0] = report_cell(d, r, i, "topic", ", ");
		row[1] = report_cell(d, r, i, "figure", ", ");
		row[2] = report_cell(d, r, i, "detail", ", ");
		table_row(d, &t, row);
	}
	table_end(d);
	coverage_summary(d);
}

/* ---- passes ------------------------------------------------------------ */

static void
render(struct doc *d)
{
	d->page = 1;
	d->y = TOP;
	d->ntoc = 0;
	cover(d);
	new_page(d);
	contents(d);
	scope(d);
	soa(d);
	risks(d);
	heatmaps(d);
	gap_analysis(d);
	kpis(d);
	audits(d);
	review(d);
	page_furniture(d);	/* the last page's; closing shows it */
}

static PangoContext *
text_context(void)
{
	cairo_font_options_t *fo;
	PangoContext *ctx;

	ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
	fo = ismc_chart_font_options();
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	return ctx;
}

static void
prepare(struct doc *d, const struct ismc_ir *ir, struct ismc_arena *a)
{
	struct ismc_chart_opts o = { .width = CONTENT_W };
	const struct ismc_ir_isms *m = &ir->isms;
	struct ismc_text_metrics *tm;

	memset(d, 0, sizeof *d);
	d->ir = ir;
	d->a = a;
	d->pctx = text_context();
	d->footer = ismc_arena_printf(a, "%s " EMDASH " version %s",
	    or_else(m->title, or_else(m->organisation, "ISMS")),
	    or_else(m->version, "none"));
	d->header = ismc_arena_printf(a, "Auditor's report " EMDASH " %s",
	    or_else(m->organisation, or_else(m->title, "ISMS")));
	/* The charts are laid out once, at the column's width. */
	o.metrics = tm = ismc_pango_metrics_new();
	d->coverage = ismc_coverage_from_ir(ir, a);
	d->risk_chart = ismc_chart_risk_heatmap(ir, &o, a);
	d->coverage_chart = ismc_chart_coverage(d->coverage, &o, a);
	d->kpi_chart = ismc_chart_kpi(ir, &o, a);
	ismc_pango_metrics_free(tm);
}

/* Lays out without drawing; the entries and the page count it finds
 * feed the next pass. */
static void
dry_pass(struct doc *d)
{
	render(d);
	free(d->prev);
	d->prev = d->toc;
	d->nprev = d->ntoc;
	d->npages = d->page;
	d->toc = NULL;
	d->ntoc = d->toc_cap = 0;
}

cairo_status_t
ismc_pdf_report(const struct ismc_ir *ir, struct ismc_arena *a,
    struct ismc_buf *out)
{
	struct ismc_surface_meta meta;
	struct ismc_surface *sf;
	cairo_status_t st;
	struct doc d;
	char date[32];

	prepare(&d, ir, a);
	/* The first pass learns the entries, the second, whose contents page
	 * now has its final length, where they land. */
	dry_pass(&d);
	dry_pass(&d);

	ismc_pdf_date(ir, date, sizeof date);
	meta.title = or_else(ir->isms.title, "ISMS report");
	meta.creator = "ismc " PACKAGE_VERSION;
	meta.date = date;
	sf = ismc_surface_open(ISMC_SURFACE_PDF, ISMC_A4_WIDTH, ISMC_A4_HEIGHT,
	    &meta, out, &st);
	if (sf != NULL) {
		d.cr = ismc_surface_cr(sf);
		d.surface = ismc_surface_target(sf);
		render(&d);
		st = ismc_surface_close(sf);
	}
	free(d.toc);
	free(d.prev);
	g_object_unref(d.pctx);
	return st;
}
