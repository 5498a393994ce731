/*
 * pdf-doc.h - the typesetting layer of the auditor's PDF.
 *
 * A small flow layout on top of pango: a cursor moves down an A4 page, and
 * each block (paragraph line, table row, chart) asks for room and starts a
 * new page when there is none. Tables break across pages under a repeated
 * header; headings feed the contents page and the PDF outline; every page
 * gets its footer. The contents page prints page numbers that are only
 * known once everything after it is laid out, so pdf_typeset lays the
 * document out three times by the same code: the first pass learns the
 * contents entries, the second (whose contents page now has its final
 * length) their pages and the page count, and the third draws. Laying out
 * without drawing is cheap: a table cell's text is shaped once for the
 * whole document, its layout kept from the first pass until the third
 * draws it (pdf-doc.c).
 *
 * The sections (pdf-sections.c) know what to say; this layer knows only
 * how to set it. For pdf-*.c only.
 */
#ifndef ISMC_PDF_DOC_H
#define ISMC_PDF_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "chart-layout.h"

struct ismc_arena;
struct ismc_buf;
struct ismc_chart_def;
struct ismc_outputs;
struct ismc_surface_meta;
struct pdf_shape;

#define PDF_A4_WIDTH	595.276			/* points: 210 mm */
#define PDF_A4_HEIGHT	841.890			/* 297 mm */
#define PDF_MARGIN	56.693			/* 2 cm */
#define PDF_TOP		64.0
#define PDF_BOTTOM	(PDF_A4_HEIGHT - 66.0)	/* the footer sits below */
#define PDF_CONTENT_W	(PDF_A4_WIDTH - 2 * PDF_MARGIN)
#define PDF_BODY	9.5			/* text sizes, points */
#define PDF_TABLE	7.5
#define PDF_MAXCOLS	8			/* columns of a table */
#define PDF_MAXCHARTS	8			/* charts of a document */

#define PDF_EMDASH	"\xe2\x80\x94"
#define PDF_ARROW	"\xe2\x86\x92"
#define PDF_TIMES	"\xc3\x97"
#define PDF_BULLET	"\xe2\x80\xa2"

extern const struct ismc_rgb pdf_ink, pdf_muted, pdf_accent, pdf_paper;

struct pdf_toc {
	const char		*title;
	int			 level;		/* 1 or 2 */
	int			 page;
	double			 y;
};

struct pdf_doc {
	struct ismc_outputs	*out;		/* the tables and charts */
	struct ismc_arena	*a;
	cairo_t			*cr;		/* NULL while only laying out */
	cairo_surface_t		*surface;
	PangoContext		*pctx;
	const char		*footer;	/* "TITLE — version V" */
	const char		*header;
	int			 page;		/* current, from 1 */
	int			 npages;	/* the previous pass's total */
	double			 y;		/* the cursor */
	struct pdf_toc		*toc;		/* this pass's entries (heap) */
	size_t			 ntoc, toc_cap;
	struct pdf_toc		*prev;		/* the previous pass's */
	size_t			 nprev;
	int			 outline;	/* parent of level 2 outlines */
	const struct ismc_chart_def *chart_defs[PDF_MAXCHARTS];
	const struct ismc_dl	*charts[PDF_MAXCHARTS];	/* at PDF_CONTENT_W */
	int			 pass;		/* 1 and 2 lay out, 3 draws */
	struct pdf_shape	*shapes;	/* table cells as set, an open
						 * addressing table (heap) */
	size_t			 nshapes, shapes_cap;
	PangoFontDescription	*font;		/* of every layout */
	PangoAttrList		*attrs;		/* likewise; may be NULL */
	PangoLayout		*header_pl;	/* the page header, drawn on
						 * every page but the first */
};

/* Whether table cells are shaped once (true, the default) or again in
 * each pass: the tests render both ways and compare the bytes. */
extern bool pdf_shape_cache;

/* s, or dflt when s is NULL or empty. */
const char *pdf_or_else(const char *s, const char *dflt);
/* Prose as people wrote it: single line breaks and runs of spaces become
 * one space, a blank line stays a paragraph break (arena-owned). */
const char *pdf_reflow(struct pdf_doc *, const char *);

/* A pango layout of text at `size` points, wrapped at `width` (0: no
 * wrapping); the caller unrefs it. */
/* s on one line, its bidi controls kept inside it (text-bound.h), in a:
 * for input text that is part of a longer string. */
const char	*pdf_isolate(struct ismc_arena *a, const char *s);
/* Warns that the PDF shows less of a text than the spec holds (see
 * pdf-doc.c); the layouts call it, sections may too. */
void	pdf_text_cut(struct pdf_doc *, unsigned what, const char *what_text,
	    const char *column, const char *item);
PangoLayout *pdf_layout(struct pdf_doc *, const char *text, double width,
	    double size, bool bold);
double	pdf_height_of(PangoLayout *);
double	pdf_width_of(PangoLayout *);
/* Drawing, a no-op while laying out. */
void	pdf_show(struct pdf_doc *, PangoLayout *, double x, double y,
	    struct ismc_rgb);
void	pdf_hline(struct pdf_doc *, double x1, double x2, double y,
	    double width, struct ismc_rgb);
void	pdf_fill_rect(struct pdf_doc *, double x, double y, double w,
	    double h, struct ismc_rgb);

/* Ends the page and starts the next at the top. */
void	pdf_new_page(struct pdf_doc *);
/* Room for h points, on this page or a fresh one. */
void	pdf_need(struct pdf_doc *, double h);
/* A paragraph, flowing onto the next page when it must. */
void	pdf_para(struct pdf_doc *, const char *text, double size, bool bold,
	    struct ismc_rgb);
void	pdf_bullet(struct pdf_doc *, const char *text);
/* A label and its value (the cover's), the value up to 12 lines. */
void	pdf_field(struct pdf_doc *, const char *label, const char *value);
/* A heading; level 1 starts a page. Listed headings go into the contents
 * and the PDF outline. */
void	pdf_heading(struct pdf_doc *, int level, const char *title,
	    bool listed);
/* The contents page, from the previous pass's entries. */
void	pdf_contents(struct pdf_doc *, const char *title);

struct pdf_col {
	const char		*title;
	double			 frac;		/* share of the width */
	bool			 bold;
};

struct pdf_table {
	const struct pdf_col	*cols;
	size_t			 ncols;
	double			 x[PDF_MAXCOLS], w[PDF_MAXCOLS];
	double			 hh;		/* header height */
	bool			 header_due;
	size_t			 nrows;		/* rows set so far */
};

void	pdf_table_begin(struct pdf_doc *, struct pdf_table *,
	    const struct pdf_col *, size_t ncols);
/* One row of ncols cells (NULL: empty); a row that does not fit goes on a
 * new page under the repeated header, and one taller than a page is cut
 * with an ellipsis. */
void	pdf_table_row(struct pdf_doc *, struct pdf_table *,
	    const char *const *cells);
void	pdf_table_end(struct pdf_doc *);

/* Chart `def` laid out once at the column's width, then drawn as vectors,
 * scaled down when it is taller than a page. */
void	pdf_chart(struct pdf_doc *, const struct ismc_chart_def *);

/*
 * Typesets a document of A4 pages into `out`: `lay` sets every page from
 * the first, three times (see above). `footer` and `header` are the page
 * furniture ("TITLE — version V — page N of M" below, the header from
 * page 2). Returns the first cairo error.
 */
cairo_status_t pdf_typeset(struct ismc_outputs *,
	    void (*lay)(struct pdf_doc *), const char *footer,
	    const char *header, const struct ismc_surface_meta *,
	    struct ismc_buf *out);

#endif
