/*
 * chart-surface.h - PNG, SVG and PDF surfaces that write into a buffer.
 *
 * The third chart layer, after Graphviz's cairo plugin: one switch picks
 * the surface, every surface writes through a *_create_for_stream callback
 * into a struct ismc_buf (which outdir.h then commits), and the status is
 * checked after creation and again after cairo_surface_finish. Output
 * depends only on what is drawn and on the metadata given here: the PDF
 * creation date is the caller's, never the clock, and SVG ids are
 * renumbered so that a chart is the same bytes whatever was drawn before
 * it in the process.
 */
#ifndef ISMC_CHART_SURFACE_H
#define ISMC_CHART_SURFACE_H

#include <stdbool.h>

#include <cairo.h>

struct ismc_buf;

enum ismc_surface_kind {
	ISMC_SURFACE_PNG,
	ISMC_SURFACE_SVG,
	ISMC_SURFACE_PDF,
};

#define ISMC_PNG_SCALE	2.0	/* pixels per point: crisp when printed */

struct ismc_surface_meta {
	const char	*title;		/* PDF: may be NULL */
	const char	*creator;	/* PDF: may be NULL */
	const char	*date;		/* PDF: "YYYY-MM-DDThh:mm:ssZ"; NULL
					 * gives 1970-01-01 */
};

struct ismc_surface;

/*
 * A surface of w x h points (one page, for PDF the first of any number)
 * writing into `out`, and a context on it. Returns NULL with *status set
 * when cairo cannot make either.
 */
struct ismc_surface *ismc_surface_open(enum ismc_surface_kind, double w,
	    double h, const struct ismc_surface_meta *, struct ismc_buf *out,
	    cairo_status_t *status);
cairo_t *ismc_surface_cr(struct ismc_surface *);
cairo_surface_t *ismc_surface_target(struct ismc_surface *);
/*
 * Ends the last page, finishes the surface (PNG: encodes the image) and
 * frees it all. Returns the first error of the context, the surface or
 * the stream; on success `out` holds the whole file.
 */
cairo_status_t ismc_surface_close(struct ismc_surface *);

/* Draws one page with `draw` and closes the surface. */
cairo_status_t ismc_surface_render(enum ismc_surface_kind, double w,
	    double h, const struct ismc_surface_meta *,
	    cairo_status_t (*draw)(cairo_t *, void *), void *arg,
	    struct ismc_buf *out);

/* The file name extension: "png", "svg", "pdf". */
const char *ismc_surface_ext(enum ismc_surface_kind);

#endif
