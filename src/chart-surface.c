/*
 * chart-surface.c - the surface factory.
 */
#include <config.h>

#include "chart-surface.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "buf.h"
#include "xalloc.h"

#define MAX_PIXELS	32767	/* cairo's image surface limit per side */

struct ismc_surface {
	enum ismc_surface_kind	 kind;
	cairo_surface_t		*surface;
	cairo_t			*cr;
	struct ismc_buf		*out;
	struct ismc_buf		 svg;	/* SVG before its ids are renumbered */
};

/* Memory exhaustion exits, so the buffer never refuses a write. */
static cairo_status_t
write_buf(void *closure, const unsigned char *data, unsigned int len)
{
	ismc_buf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

const char *
ismc_surface_ext(enum ismc_surface_kind kind)
{
	switch (kind) {
	case ISMC_SURFACE_PNG:
		return "png";
	case ISMC_SURFACE_SVG:
		return "svg";
	case ISMC_SURFACE_PDF:
		return "pdf";
	}
	return "?";
}

static void
pdf_meta(cairo_surface_t *s, const struct ismc_surface_meta *m)
{
	const char *date = "1970-01-01T00:00:00Z";

	if (m != NULL && m->date != NULL)
		date = m->date;
	/* cairo 1.16 stamps the current time unless told otherwise, which
	 * would make every build of the same spec a different file. */
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
	if (m != NULL && m->title != NULL)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
		    m->title);
	if (m != NULL && m->creator != NULL)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
		    m->creator);
}

static cairo_surface_t *
create(struct ismc_surface *sf, double w, double h,
    const struct ismc_surface_meta *m)
{
	cairo_surface_t *s = NULL;
	double px, py;

	switch (sf->kind) {
	case ISMC_SURFACE_PNG:
		px = ceil(w * ISMC_PNG_SCALE);
		py = ceil(h * ISMC_PNG_SCALE);
		if (px < 1 || py < 1 || px > MAX_PIXELS || py > MAX_PIXELS)
			return cairo_image_surface_create(CAIRO_FORMAT_INVALID,
			    0, 0);	/* an error surface */
		s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)px,
		    (int)py);
		break;
	case ISMC_SURFACE_SVG:
		s = cairo_svg_surface_create_for_stream(write_buf, &sf->svg,
		    w, h);
		break;
	case ISMC_SURFACE_PDF:
		s = cairo_pdf_surface_create_for_stream(write_buf, sf->out, w,
		    h);
		if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS)
			pdf_meta(s, m);
		break;
	}
	return s;
}

struct ismc_surface *
ismc_surface_open(enum ismc_surface_kind kind, double w, double h,
    const struct ismc_surface_meta *m, struct ismc_buf *out,
    cairo_status_t *status)
{
	struct ismc_surface *sf;

	sf = ismc_xcalloc(1, sizeof *sf);
	sf->kind = kind;
	sf->out = out;
	ismc_buf_init(&sf->svg);
	sf->surface = create(sf, w, h, m);
	if ((*status = cairo_surface_status(sf->surface)) !=
	    CAIRO_STATUS_SUCCESS)
		goto fail;
	sf->cr = cairo_create(sf->surface);
	if ((*status = cairo_status(sf->cr)) != CAIRO_STATUS_SUCCESS)
		goto fail;
	if (kind == ISMC_SURFACE_PNG)
		cairo_scale(sf->cr, ISMC_PNG_SCALE, ISMC_PNG_SCALE);
	return sf;

fail:
	if (sf->cr != NULL)
		cairo_destroy(sf->cr);
	cairo_surface_destroy(sf->surface);
	ismc_buf_free(&sf->svg);
	free(sf);
	return NULL;
}

cairo_t *
ismc_surface_cr(struct ismc_surface *sf)
{
	return sf->cr;
}

cairo_surface_t *
ismc_surface_target(struct ismc_surface *sf)
{
	return sf->surface;
}

/* ---- SVG id renumbering ------------------------------------------------ */

/*
 * cairo numbers the SVG ids it makes (surface5, glyph0-3, clip2, ...) from
 * counters shared by every surface in the process, so the same chart
 * drawn after another one comes out with other ids. Renumber each id
 * family from 1 in order of first appearance; references (#id, url(#id))
 * follow because they are rewritten by the same map.
 */
struct idmap {
	char		*name;		/* "surface5" */
	char		*to;		/* "surface1" */
};

struct idmaps {
	struct idmap	*v;
	size_t		 n, cap;
};

static const char *const id_prefixes[] = {
	"surface", "glyph", "clip", "image", "pattern", "mask", "source",
	"linear", "radial", "filter",
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* The length of a cairo id at s ("glyph0-12"), or 0 if it is not one. */
static size_t
id_len(const char *s, size_t avail, size_t *prefix)
{
	size_t i, j, n;

	for (i = 0; i < NELEM(id_prefixes); i++) {
		n = strlen(id_prefixes[i]);
		if (avail <= n || strncmp(s, id_prefixes[i], n) != 0 ||
		    !isdigit((unsigned char)s[n]))
			continue;
		j = n;
		while (j < avail && (isdigit((unsigned char)s[j]) ||
		    (s[j] == '-' && j + 1 < avail &&
		    isdigit((unsigned char)s[j + 1]))))
			j++;
		*prefix = n;
		return j;
	}
	return 0;
}

static const char *
id_map(struct idmaps *m, const char *s, size_t len, size_t prefix)
{
	struct ismc_buf b;
	size_t i, nfam = 0;

	for (i = 0; i < m->n; i++) {
		if (strlen(m->v[i].name) == len &&
		    memcmp(m->v[i].name, s, len) == 0)
			return m->v[i].to;
		if (strncmp(m->v[i].name, s, prefix) == 0 &&
		    isdigit((unsigned char)m->v[i].name[prefix]))
			nfam++;
	}
	if (m->n == m->cap) {
		m->cap = m->cap != 0 ? m->cap * 2 : 32;
		m->v = ismc_xreallocarray(m->v, m->cap, sizeof *m->v);
	}
	ismc_buf_init(&b);
	ismc_buf_printf(&b, "%.*s%zu", (int)prefix, s, nfam + 1);
	m->v[m->n].to = ismc_xstrdup(ismc_buf_cstr(&b));
	ismc_buf_reset(&b);
	ismc_buf_add(&b, s, len);
	m->v[m->n].name = ismc_xstrdup(ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return m->v[m->n++].to;
}

/* Copies svg to out, renumbering ids after `id="` and `#`. */
static void
renumber_svg(const struct ismc_buf *svg, struct ismc_buf *out)
{
	struct idmaps m = { NULL, 0, 0 };
	const char *s = svg->data, *end = svg->data + svg->len;
	size_t n, prefix, i;

	while (s < end) {
		bool ref = *s == '#';
		bool def = end - s > 4 && memcmp(s, "id=\"", 4) == 0;

		if (ref || def) {
			size_t skip = ref ? 1 : 4;

			ismc_buf_add(out, s, skip);
			s += skip;
			if ((n = id_len(s, (size_t)(end - s), &prefix)) != 0) {
				ismc_buf_adds(out, id_map(&m, s, n, prefix));
				s += n;
			}
			continue;
		}
		ismc_buf_addc(out, *s++);
	}
	for (i = 0; i < m.n; i++) {
		free(m.v[i].name);
		free(m.v[i].to);
	}
	free(m.v);
}

/* ---- closing ----------------------------------------------------------- */

cairo_status_t
ismc_surface_close(struct ismc_surface *sf)
{
	cairo_status_t st;

	st = cairo_status(sf->cr);
	if (st == CAIRO_STATUS_SUCCESS && sf->kind != ISMC_SURFACE_PNG)
		cairo_show_page(sf->cr);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_status(sf->cr);
	cairo_destroy(sf->cr);
	if (st == CAIRO_STATUS_SUCCESS && sf->kind == ISMC_SURFACE_PNG) {
		cairo_surface_flush(sf->surface);
		st = cairo_surface_write_to_png_stream(sf->surface, write_buf,
		    sf->out);
	}
	/* Vector surfaces write their last bytes here, and only here
	 * report a failed write. */
	cairo_surface_finish(sf->surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(sf->surface);
	cairo_surface_destroy(sf->surface);
	if (st == CAIRO_STATUS_SUCCESS && sf->kind == ISMC_SURFACE_SVG)
		renumber_svg(&sf->svg, sf->out);
	ismc_buf_free(&sf->svg);
	free(sf);
	return st;
}

cairo_status_t
ismc_surface_render(enum ismc_surface_kind kind, double w, double h,
    const struct ismc_surface_meta *m,
    cairo_status_t (*draw)(cairo_t *, void *), void *arg,
    struct ismc_buf *out)
{
	struct ismc_surface *sf;
	cairo_status_t st, cst;

	if ((sf = ismc_surface_open(kind, w, h, m, out, &st)) == NULL)
		return st;
	st = draw(sf->cr, arg);
	cst = ismc_surface_close(sf);
	return st != CAIRO_STATUS_SUCCESS ? st : cst;
}
