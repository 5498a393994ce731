/*
 * pdf-doc.c - the typesetting layer of the auditor's PDF (pdf-doc.h).
 */
#include <config.h>

#include "pdf-doc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "arena.h"
#include "backend.h"
#include "buf.h"
#include "chart-layout.h"
#include "chart-paint.h"
#include "chart-surface.h"
#include "diag.h"
#include "strtab.h"
#include "text-bound.h"
#include "xalloc.h"

#define CELL_PAD	3.0
#define FIELD_W		120.0	/* the cover's labels */

const struct ismc_rgb pdf_ink = { 0.10, 0.10, 0.10 };
const struct ismc_rgb pdf_muted = { 0.38, 0.38, 0.38 };
const struct ismc_rgb pdf_accent = { 0.122, 0.227, 0.373 };
const struct ismc_rgb pdf_paper = { 1, 1, 1 };
static const struct ismc_rgb zebra = { 0.949, 0.957, 0.969 };
static const struct ismc_rgb hairline = { 0.75, 0.78, 0.82 };

bool pdf_shape_cache = true;

/* ---- text -------------------------------------------------------------- */

const char *
pdf_or_else(const char *s, const char *dflt)
{
	return s != NULL && *s != '\0' ? s : dflt;
}

/*
 * A layout of `text` within `lim` (text-bound.h): bounded so that pango's
 * time stays linear, its bidi controls kept inside it. *what gets what
 * the bounding changed (ISMC_TEXT_*).
 */
static PangoLayout *
layout_within(struct pdf_doc *d, const char *text, double width, double size,
    bool bold, const struct ismc_text_limits *lim, unsigned *what)
{
	PangoLayout *pl;
	char *safe;

	pl = pango_layout_new(d->pctx);
	pango_font_description_set_absolute_size(d->font, size * PANGO_SCALE);
	pango_font_description_set_weight(d->font, bold ? PANGO_WEIGHT_BOLD :
	    PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(pl, d->font);
	if (d->attrs != NULL)
		pango_layout_set_attributes(pl, d->attrs);
	if (width > 0) {
		pango_layout_set_width(pl, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
	}
	if (text == NULL)
		text = "";
	safe = ismc_text_bound(text, strlen(text), lim, what);
	pango_layout_set_text(pl, safe, -1);
	free(safe);
	return pl;
}

/* What every layout of the document shares: the font, parsed once (each
 * layout copies it at its size and weight), and the attributes. */
static void
layout_setup(struct pdf_doc *d)
{
	d->font = pango_font_description_from_string(ISMC_CHART_FONT);
	d->attrs = NULL;
#if PANGO_VERSION_CHECK(1, 44, 0)
	/* A word broken in a narrow column is clearer without the hyphen
	 * pango would add: ids and names have their own. */
	d->attrs = pango_attr_list_new();
	pango_attr_list_insert(d->attrs, pango_attr_insert_hyphens_new(FALSE));
#endif
}

static void
layout_teardown(struct pdf_doc *d)
{
	pango_font_description_free(d->font);
	if (d->attrs != NULL)
		pango_attr_list_unref(d->attrs);
}

PangoLayout *
pdf_layout(struct pdf_doc *d, const char *text, double width, double size,
    bool bold)
{
	unsigned what;
	PangoLayout *pl;

	pl = layout_within(d, text, width, size, bold, &ismc_text_para, &what);
	if (what != 0)
		pdf_text_cut(d, what, "text", NULL, NULL);
	return pl;
}

/* The section being typeset, for messages. */
static const char *
section(const struct pdf_doc *d)
{
	return d->ntoc > 0 ? d->toc[d->ntoc - 1].title : "the cover";
}

/*
 * Says, once per text in the final pass, that the PDF shows less of it
 * than the spec holds: `what` of `column` of `item` (either may be NULL).
 */
void
pdf_text_cut(struct pdf_doc *d, unsigned what, const char *what_text,
    const char *column, const char *item)
{
	struct ismc_diag *diag = ismc_outputs_diag(d->out);
	const char *where;

	if (d->cr == NULL || diag == NULL)
		return;
	where = column != NULL && item != NULL ? ismc_arena_printf(d->a,
	    "column '%s' of '%s'", column, item) : ismc_arena_printf(d->a,
	    "a %s", what_text);
	if (what & ISMC_TEXT_CUT)
		ismc_diag_warning(diag, ISMC_W_LONG_TEXT, ISMC_NO_SPAN,
		    "the PDF shows %s in section '%s' cut short, with an "
		    "ellipsis (limits: doc/limits.md)", where, section(d));
	if (what & ISMC_TEXT_MARKS)
		ismc_diag_warning(diag, ISMC_W_LONG_TEXT, ISMC_NO_SPAN,
		    "the PDF shows %s in section '%s' without some of its "
		    "combining marks: more than %zu on one character",
		    where, section(d), ismc_text_cell.max_marks);
}

double
pdf_height_of(PangoLayout *pl)
{
	PangoRectangle r;

	pango_layout_get_extents(pl, NULL, &r);
	return (double)r.height / PANGO_SCALE;
}

double
pdf_width_of(PangoLayout *pl)
{
	PangoRectangle r;

	pango_layout_get_extents(pl, NULL, &r);
	return (double)r.width / PANGO_SCALE;
}

static void
colour(struct pdf_doc *d, struct ismc_rgb c)
{
	cairo_set_source_rgb(d->cr, c.r, c.g, c.b);
}

void
pdf_show(struct pdf_doc *d, PangoLayout *pl, double x, double y,
    struct ismc_rgb c)
{
	if (d->cr == NULL)
		return;
	colour(d, c);
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, pl);
}

void
pdf_hline(struct pdf_doc *d, double x1, double x2, double y, double width,
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

void
pdf_fill_rect(struct pdf_doc *d, double x, double y, double w, double h,
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
page_furniture(struct pdf_doc *d)
{
	PangoLayout *pl;
	const char *s;

	if (d->cr == NULL)
		return;
	/* The title is isolated on its own (text-bound.h): an override in
	 * it cannot reverse the page numbers. */
	s = ismc_arena_printf(d->a, "%s " PDF_EMDASH " page %d of %d",
	    d->footer, d->page, d->npages);
	pdf_hline(d, PDF_MARGIN, PDF_MARGIN + PDF_CONTENT_W, PDF_A4_HEIGHT - 50,
	    0.5, hairline);
	pl = pdf_layout(d, s, PDF_CONTENT_W, 8, false);
	pango_layout_set_alignment(pl, PANGO_ALIGN_CENTER);
	pdf_show(d, pl, PDF_MARGIN, PDF_A4_HEIGHT - 45, pdf_muted);
	g_object_unref(pl);
	if (d->page == 1)
		return;
	/* The same on every page: set once. */
	if (d->header_pl == NULL) {
		d->header_pl = pdf_layout(d, d->header, PDF_CONTENT_W, 7.5,
		    false);
		pango_layout_set_alignment(d->header_pl, PANGO_ALIGN_RIGHT);
		pango_layout_set_ellipsize(d->header_pl,
		    PANGO_ELLIPSIZE_MIDDLE);
	}
	pdf_show(d, d->header_pl, PDF_MARGIN, 32, pdf_muted);
}

/* Ends the page; the last one is shown by closing the surface. */
void
pdf_new_page(struct pdf_doc *d)
{
	page_furniture(d);
	if (d->cr != NULL)
		cairo_show_page(d->cr);
	d->page++;
	d->y = PDF_TOP;
}

/* Room for h points, on this page or a fresh one. */
void
pdf_need(struct pdf_doc *d, double h)
{
	if (d->y + h > PDF_BOTTOM && d->y > PDF_TOP)
		pdf_new_page(d);
}

/*
 * Draws a wrapped layout at the cursor, line by line, so that a long
 * paragraph continues on the next page instead of running off this one.
 */
static void
flow(struct pdf_doc *d, PangoLayout *pl, double x, struct ismc_rgb c)
{
	PangoLayoutIter *it;
	PangoRectangle lr;
	double origin = d->y, top, bot;

	it = pango_layout_get_iter(pl);
	do {
		pango_layout_iter_get_line_extents(it, NULL, &lr);
		top = (double)lr.y / PANGO_SCALE;
		bot = top + (double)lr.height / PANGO_SCALE;
		if (origin + bot > PDF_BOTTOM && origin + top > PDF_TOP + 0.5) {
			pdf_new_page(d);
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
	d->y = origin + pdf_height_of(pl);
}

/*
 * Prose as people wrote it in the spec: single line breaks (a triple-
 * quoted string keeps them) and runs of spaces become one space, a blank
 * line stays a paragraph break.
 */
const char *
pdf_reflow(struct pdf_doc *d, const char *s)
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

void
pdf_para(struct pdf_doc *d, const char *text, double size, bool bold,
    struct ismc_rgb c)
{
	PangoLayout *pl = pdf_layout(d, pdf_reflow(d, text), PDF_CONTENT_W,
	    size, bold);

	flow(d, pl, PDF_MARGIN, c);
	g_object_unref(pl);
	d->y += size * 0.6;
}

void
pdf_bullet(struct pdf_doc *d, const char *text)
{
	PangoLayout *pl = pdf_layout(d, text, PDF_CONTENT_W - 14, PDF_BODY,
	    false), *b;

	pdf_need(d, PDF_BODY * 1.4);
	b = pdf_layout(d, PDF_BULLET, 0, PDF_BODY, false);
	pdf_show(d, b, PDF_MARGIN + 3, d->y, pdf_accent);
	g_object_unref(b);
	flow(d, pl, PDF_MARGIN + 14, pdf_ink);
	g_object_unref(pl);
	d->y += 2;
}

/*
 * A label and its value, for the cover. The value wraps, up to 12 lines:
 * the cover is one page, and the long texts (the scope) are given whole
 * in their own sections.
 */
void
pdf_field(struct pdf_doc *d, const char *label, const char *value)
{
	PangoLayout *k, *v;
	double h;

	if (value == NULL || *value == '\0')
		return;
	k = pdf_layout(d, label, FIELD_W - 8, PDF_BODY, true);
	v = pdf_layout(d, value, PDF_CONTENT_W - FIELD_W, PDF_BODY, false);
	pango_layout_set_height(v, -12);
	pango_layout_set_ellipsize(v, PANGO_ELLIPSIZE_END);
	h = pdf_height_of(v) > pdf_height_of(k) ? pdf_height_of(v)
	    : pdf_height_of(k);
	pdf_need(d, h);
	pdf_show(d, k, PDF_MARGIN, d->y, pdf_muted);
	pdf_show(d, v, PDF_MARGIN + FIELD_W, d->y, pdf_ink);
	d->y += h + 4;
	g_object_unref(k);
	g_object_unref(v);
}

/* ---- headings and the contents ---------------------------------------- */

static void
toc_add(struct pdf_doc *d, const char *title, int level)
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
dest(struct pdf_doc *d, int page, double y)
{
	return ismc_arena_printf(d->a, "page=%d pos=[%.2f %.2f]", page,
	    PDF_MARGIN, y);
}

/*
 * A heading; level 1 starts a page. Entries in the contents and the PDF
 * outline come from here, except for `listed` false.
 */
void
pdf_heading(struct pdf_doc *d, int level, const char *title, bool listed)
{
	PangoLayout *pl;
	int id;

	if (level == 1 && d->y > PDF_TOP)
		pdf_new_page(d);
	else if (level > 1)
		pdf_need(d, 80);	/* keep a heading with what follows */
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
	pl = pdf_layout(d, title, PDF_CONTENT_W, level == 1 ? 18 : level == 2
	    ? 12.5 : 10.5, true);
	pdf_show(d, pl, PDF_MARGIN, d->y, pdf_accent);
	d->y += pdf_height_of(pl);
	g_object_unref(pl);
	if (level == 1) {
		d->y += 4;
		pdf_hline(d, PDF_MARGIN, PDF_MARGIN + PDF_CONTENT_W, d->y, 1.2,
		    pdf_accent);
		d->y += 12;
	} else
		d->y += 5;
}

static void
contents_entry(struct pdf_doc *d, const struct pdf_toc *e)
{
	static const double dots[] = { 0.6, 2.4 };
	double indent = e->level == 1 ? 0 : 18, size = e->level == 1 ? 10.5 :
	    PDF_BODY, h, x1, x2, base;
	PangoLayout *t, *n;
	PangoRectangle lr;

	t = pdf_layout(d, e->title, PDF_CONTENT_W - indent - 50, size,
	    e->level == 1);
	n = pdf_layout(d, ismc_arena_printf(d->a, "%d", e->page), 0, size,
	    e->level == 1);
	h = pdf_height_of(t);
	pdf_need(d, h);
	if (d->cr != NULL) {
		cairo_tag_begin(d->cr, CAIRO_TAG_LINK, dest(d, e->page, e->y));
		pdf_show(d, t, PDF_MARGIN + indent, d->y, pdf_ink);
		pdf_show(d, n, PDF_MARGIN + PDF_CONTENT_W - pdf_width_of(n),
		    d->y + h - pdf_height_of(n), pdf_ink);
		cairo_tag_end(d->cr, CAIRO_TAG_LINK);
		/* A dotted leader from the title's last line to the number. */
		pango_layout_line_get_extents(pango_layout_get_line_readonly(t,
		    pango_layout_get_line_count(t) - 1), NULL, &lr);
		x1 = PDF_MARGIN + indent + (double)lr.width / PANGO_SCALE + 6;
		x2 = PDF_MARGIN + PDF_CONTENT_W - pdf_width_of(n) - 6;
		base = d->y + h - size * 0.28;
		if (x2 > x1) {
			cairo_save(d->cr);
			cairo_set_dash(d->cr, dots, 2, 0);
			cairo_set_line_cap(d->cr, CAIRO_LINE_CAP_ROUND);
			pdf_hline(d, x1, x2, base, 0.9, pdf_muted);
			cairo_restore(d->cr);
		}
	}
	d->y += h + (e->level == 1 ? 7 : 3);
	g_object_unref(t);
	g_object_unref(n);
}

void
pdf_contents(struct pdf_doc *d, const char *title)
{
	size_t i;

	pdf_heading(d, 1, title, false);
	for (i = 0; i < d->nprev; i++)
		contents_entry(d, &d->prev[i]);
}

/* ---- tables ------------------------------------------------------------ */

/*
 * A table cell's text as set at one width. Shaping it (harfbuzz, through
 * pango) is most of a long register's time, and each of the three passes
 * sets every cell, so each distinct text is shaped once for the whole
 * document: its first use, in the first pass, keeps its height, what the
 * bound cut of it and its layout. The second pass, which lays out exactly
 * as the third draws, counts the cells each text fills; the third draws
 * them from the kept layout and drops it after its last cell. That holds
 * every distinct text's glyphs from the first pass to its use in the
 * third (about 6 KB a text: 175 MB for the 50,000 distinct cells of
 * 20,000 risks) to shape each once instead of twice (bench/README.md).
 */
struct pdf_shape {
	const char	*text;		/* arena copy; NULL: a free slot */
	uint32_t	 hash;
	int		 width;		/* pango units, as pdf_layout sets */
	bool		 bold;
	unsigned	 what;		/* ISMC_TEXT_*: what the bound cut */
	unsigned	 draws;		/* cells of the second pass not yet
					 * drawn by the third */
	double		 h;
	PangoLayout	*pl;		/* NULL once drawn its last time */
};

static uint32_t
shape_hash(const char *text, int width, bool bold)
{
	return ismc_hash_bytes(text, strlen(text)) ^ (uint32_t)width * 2654435761u
	    ^ (bold ? 0x9e3779b9u : 0);
}

static void
shapes_grow(struct pdf_doc *d)
{
	struct pdf_shape *old = d->shapes, *e;
	size_t i, j, cap = d->shapes_cap, ncap = cap ? cap * 2 : 1024;

	d->shapes = ismc_xcalloc(ncap, sizeof *d->shapes);
	d->shapes_cap = ncap;
	for (i = 0; i < cap; i++) {
		if (old[i].text == NULL)
			continue;
		for (j = old[i].hash & (ncap - 1); d->shapes[j].text != NULL;
		    j = (j + 1) & (ncap - 1))
			continue;
		e = &d->shapes[j];
		*e = old[i];
	}
	free(old);
}

/* The entry of text at width (pango units) and weight, made if new
 * (with no height yet: h < 0). */
static struct pdf_shape *
shape_find(struct pdf_doc *d, const char *text, int width, bool bold)
{
	uint32_t hash = shape_hash(text, width, bold);
	struct pdf_shape *e;
	size_t j;

	if (2 * (d->nshapes + 1) > d->shapes_cap)
		shapes_grow(d);
	for (j = hash & (d->shapes_cap - 1);; j = (j + 1) & (d->shapes_cap -
	    1)) {
		e = &d->shapes[j];
		if (e->text == NULL)
			break;
		if (e->hash == hash && e->width == width && e->bold == bold &&
		    strcmp(e->text, text) == 0)
			return e;
	}
	e->text = ismc_arena_strdup(d->a, text);	/* cells may be scratch */
	e->hash = hash;
	e->width = width;
	e->bold = bold;
	e->h = -1;
	d->nshapes++;
	return e;
}

static void
shapes_free(struct pdf_doc *d)
{
	size_t i;

	for (i = 0; i < d->shapes_cap; i++)
		if (d->shapes[i].pl != NULL)
			g_object_unref(d->shapes[i].pl);
	free(d->shapes);
	d->shapes = NULL;
	d->nshapes = d->shapes_cap = 0;
}

/*
 * The height of a cell's text at width, and in *plp its layout for
 * drawing (the caller unrefs it): NULL while only laying out. The layout
 * is the same whether shaped now or kept, so the document is too; a text
 * the third pass draws more often than the second counted (it never
 * does) is shaped again.
 */
static double
cell_shape(struct pdf_doc *d, const char *text, double width, bool bold,
    PangoLayout **plp, unsigned *what)
{
	struct pdf_shape *e;
	PangoLayout *pl;

	double h;

	*plp = NULL;
	if (!pdf_shape_cache) {
		pl = layout_within(d, text, width, PDF_TABLE, bold,
		    &ismc_text_cell, what);
		h = pdf_height_of(pl);
		if (d->cr != NULL)
			*plp = pl;
		else
			g_object_unref(pl);
		return h;
	}
	e = shape_find(d, text, (int)(width * PANGO_SCALE), bold);
	if (d->pass == 2)
		e->draws++;
	if (e->h < 0) {
		e->pl = layout_within(d, text, width, PDF_TABLE, bold,
		    &ismc_text_cell, &e->what);
		e->h = pdf_height_of(e->pl);
	}
	*what = e->what;
	if (d->cr == NULL)
		return e->h;
	if (e->pl == NULL)
		e->pl = layout_within(d, text, width, PDF_TABLE, bold,
		    &ismc_text_cell, NULL);
	*plp = e->pl;
	if (e->draws > 0 && --e->draws > 0)
		g_object_ref(e->pl);
	else
		e->pl = NULL;	/* the caller's reference is the last */
	return e->h;
}

/* Says, in the final pass, when cell i of a row shows less than its text
 * (what the bound cut of it). */
static void
cell_cut(struct pdf_doc *d, const struct pdf_table *t,
    const char *const *cells, size_t i, unsigned what)
{
	if (what != 0)
		pdf_text_cut(d, what, "cell", t->cols[i].title,
		    pdf_or_else(cells[0], "?"));
}

static double
lay_row(struct pdf_doc *d, const struct pdf_table *t, const char *const *cells,
    bool header, PangoLayout **pls)
{
	double h = 0, ch;
	unsigned what;
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		ch = cell_shape(d, pdf_or_else(cells[i], ""), t->w[i] - 2 *
		    CELL_PAD, header || t->cols[i].bold, &pls[i], &what);
		if (!header && d->cr != NULL)
			cell_cut(d, t, cells, i, what);
		if (ch > h)
			h = ch;
	}
	return h + 2 * CELL_PAD;
}

static void
draw_row(struct pdf_doc *d, const struct pdf_table *t, PangoLayout **pls,
    double h, bool header)
{
	size_t i;

	if (header)
		pdf_fill_rect(d, PDF_MARGIN, d->y, PDF_CONTENT_W, h,
		    pdf_accent);
	else if (t->nrows % 2 == 1)
		pdf_fill_rect(d, PDF_MARGIN, d->y, PDF_CONTENT_W, h, zebra);
	for (i = 0; i < t->ncols; i++)
		pdf_show(d, pls[i], t->x[i] + CELL_PAD, d->y + CELL_PAD, header
		    ? pdf_paper : pdf_ink);
	if (!header)
		pdf_hline(d, PDF_MARGIN, PDF_MARGIN + PDF_CONTENT_W, d->y + h,
		    0.4, hairline);
}

static void
free_row(PangoLayout **pls, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (pls[i] != NULL)
			g_object_unref(pls[i]);
}

static void
table_header(struct pdf_doc *d, struct pdf_table *t)
{
	const char *titles[PDF_MAXCOLS];
	PangoLayout *pls[PDF_MAXCOLS];
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

void
pdf_table_begin(struct pdf_doc *d, struct pdf_table *t,
    const struct pdf_col *cols, size_t ncols)
{
	const char *titles[PDF_MAXCOLS];
	PangoLayout *pls[PDF_MAXCOLS];
	double sum = 0, x = PDF_MARGIN;
	size_t i;

	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->ncols = ncols < PDF_MAXCOLS ? ncols : PDF_MAXCOLS;
	for (i = 0; i < t->ncols; i++)
		sum += cols[i].frac;
	for (i = 0; i < t->ncols; i++) {
		t->x[i] = x;
		t->w[i] = PDF_CONTENT_W * cols[i].frac / sum;
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
void
pdf_table_row(struct pdf_doc *d, struct pdf_table *t, const char *const *cells)
{
	PangoLayout *pls[PDF_MAXCOLS], *cut;
	double h, room = PDF_BOTTOM - PDF_TOP - t->hh;
	size_t i;

	h = lay_row(d, t, cells, false, pls);
	if (h > room) {
		for (i = 0; i < t->ncols; i++) {
			if (pls[i] == NULL)
				continue;	/* only laying out */
			/* Cut a copy: a kept layout serves other cells. */
			cut = pango_layout_copy(pls[i]);
			g_object_unref(pls[i]);
			pls[i] = cut;
			pango_layout_set_height(pls[i],
			    (int)((room - 2 * CELL_PAD) * PANGO_SCALE));
			pango_layout_set_ellipsize(pls[i], PANGO_ELLIPSIZE_END);
		}
		h = room;
	}
	if (t->header_due || d->y + h > PDF_BOTTOM) {
		if (d->y + t->hh + h > PDF_BOTTOM)
			pdf_new_page(d);
		table_header(d, t);
	}
	draw_row(d, t, pls, h, false);
	free_row(pls, t->ncols);
	d->y += h;
	t->nrows++;
}

void
pdf_table_end(struct pdf_doc *d)
{
	d->y += 10;
}

/* ---- charts ------------------------------------------------------------ */

/* Chart def at the column's width, laid out on first use. */
static const struct ismc_dl *
chart_at_column(struct pdf_doc *d, const struct ismc_chart_def *def)
{
	struct ismc_chart_opts o = { .width = PDF_CONTENT_W };
	size_t i;

	for (i = 0; i < PDF_MAXCHARTS && d->chart_defs[i] != NULL; i++)
		if (d->chart_defs[i] == def)
			return d->charts[i];
	o.metrics = ismc_outputs_metrics(d->out);
	if (i == PDF_MAXCHARTS)	/* more charts than room: no cache */
		return def->layout(d->out, &o);
	d->chart_defs[i] = def;
	d->charts[i] = def->layout(d->out, &o);
	return d->charts[i];
}

void
pdf_chart(struct pdf_doc *d, const struct ismc_chart_def *def)
{
	const struct ismc_dl *dl = chart_at_column(d, def);
	double scale = 1, h = dl->height;

	/* One taller than a page (hundreds of KPIs) is scaled down to fit
	 * rather than cut by the footer. */
	if (h > PDF_BOTTOM - PDF_TOP) {
		scale = (PDF_BOTTOM - PDF_TOP) / h;
		h = PDF_BOTTOM - PDF_TOP;
	}
	pdf_need(d, h);
	if (d->cr != NULL) {
		cairo_save(d->cr);
		cairo_translate(d->cr, PDF_MARGIN + (PDF_CONTENT_W -
		    dl->width * scale) / 2, d->y);
		cairo_scale(d->cr, scale, scale);
		ismc_chart_paint(d->cr, dl, false);
		cairo_restore(d->cr);
	}
	d->y += h + 12;
}

/* ---- passes ------------------------------------------------------------ */

static void
pass(struct pdf_doc *d, void (*lay)(struct pdf_doc *))
{
	d->pass++;
	d->page = 1;
	d->y = PDF_TOP;
	d->ntoc = 0;
	lay(d);
	page_furniture(d);	/* the last page's; closing shows it */
}

const char *
pdf_isolate(struct ismc_arena *a, const char *s)
{
	char *b = ismc_text_bound(s != NULL ? s : "", s != NULL ? strlen(s) : 0,
	    &ismc_text_line, NULL);
	const char *r = ismc_arena_strdup(a, b);

	free(b);
	return r;
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

/* Lays out without drawing; the entries and the page count it finds
 * feed the next pass. */
static void
dry_pass(struct pdf_doc *d, void (*lay)(struct pdf_doc *))
{
	pass(d, lay);
	free(d->prev);
	d->prev = d->toc;
	d->nprev = d->ntoc;
	d->npages = d->page;
	d->toc = NULL;
	d->ntoc = d->toc_cap = 0;
}

cairo_status_t
pdf_typeset(struct ismc_outputs *out, void (*lay)(struct pdf_doc *),
    const char *footer, const char *header,
    const struct ismc_surface_meta *meta, struct ismc_buf *buf)
{
	struct ismc_surface *sf;
	cairo_status_t st;
	struct pdf_doc d;

	memset(&d, 0, sizeof d);
	d.out = out;
	d.a = ismc_outputs_arena(out);
	d.pctx = text_context();
	layout_setup(&d);
	d.footer = pdf_isolate(d.a, footer);
	d.header = pdf_isolate(d.a, header);
	/* The first pass learns the entries, the second, whose contents page
	 * now has its final length, where they land. */
	dry_pass(&d, lay);
	dry_pass(&d, lay);
	sf = ismc_surface_open(ISMC_SURFACE_PDF, PDF_A4_WIDTH, PDF_A4_HEIGHT,
	    meta, buf, &st);
	if (sf != NULL) {
		d.cr = ismc_surface_cr(sf);
		d.surface = ismc_surface_target(sf);
		pass(&d, lay);
		st = ismc_surface_close(sf);
	}
	shapes_free(&d);
	if (d.header_pl != NULL)
		g_object_unref(d.header_pl);
	layout_teardown(&d);
	free(d.toc);
	free(d.prev);
	g_object_unref(d.pctx);
	return st;
}
