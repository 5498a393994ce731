/*
 * report.c - the report table model, and the registry that turns the IR
 * into output files.
 *
 * Tables grow by doubling inside the arena: the old arrays stay allocated
 * until the compilation ends, which at most doubles their footprint and
 * keeps building linear in the number of rows.
 */
#include <config.h>

#include "report.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "chart-layout.h"
#include "chart-paint.h"
#include "chart-surface.h"
#include "coverage.h"
#include "diag.h"
#include "emit.h"
#include "gap.h"
#include "ir.h"
#include "outdir.h"
#include "pdf-report.h"
#include "xalloc.h"

#define GENERATOR	"ismc " PACKAGE_VERSION
#define MAX_PREC	17	/* beyond this a double has no digits left */

struct ismc_cell
ismc_cell_null(void)
{
	struct ismc_cell c;

	memset(&c, 0, sizeof c);
	c.kind = ISMC_CELL_NULL;
	return c;
}

struct ismc_cell
ismc_cell_str(const char *s)
{
	struct ismc_cell c = ismc_cell_null();

	if (s != NULL) {
		c.kind = ISMC_CELL_STRING;
		c.u.s = s;
	}
	return c;
}

struct ismc_cell
ismc_cell_int(int64_t i)
{
	struct ismc_cell c = ismc_cell_null();

	c.kind = ISMC_CELL_INT;
	c.u.i = i;
	return c;
}

/* NaN and infinity have no spelling in JSON, nor any meaning in a report. */
struct ismc_cell
ismc_cell_dec(double v, int prec)
{
	struct ismc_cell c = ismc_cell_null();

	if (!isfinite(v))
		return c;
	c.kind = ISMC_CELL_DECIMAL;
	c.u.dec.value = v;
	c.u.dec.prec = prec < 0 ? 0 : prec > MAX_PREC ? MAX_PREC : prec;
	return c;
}

struct ismc_cell
ismc_cell_bool(bool b)
{
	struct ismc_cell c = ismc_cell_null();

	c.kind = ISMC_CELL_BOOL;
	c.u.b = b;
	return c;
}

struct ismc_cell
ismc_cell_list(const char *const *items, size_t n)
{
	struct ismc_cell c = ismc_cell_null();

	c.kind = ISMC_CELL_LIST;
	c.u.list.items = items;
	c.u.list.n = n;
	return c;
}

/* Returns an array with room for element n, copying the n before it. */
static void *
grow(struct ismc_arena *a, void *old, size_t n, size_t *cap, size_t sz)
{
	void *p;
	size_t ncap;

	if (n < *cap)
		return old;
	if (*cap > SIZE_MAX / 2)
		ismc_out_of_memory();
	ncap = *cap != 0 ? *cap * 2 : 16;
	p = ismc_arena_array(a, ncap, sz);
	if (n > 0)
		memcpy(p, old, n * sz);
	*cap = ncap;
	return p;
}

const char **
ismc_report_strv(struct ismc_arena *a, size_t n)
{
	return n != 0 ? ISMC_NEW_ARRAY(a, const char *, n) : NULL;
}

void
ismc_report_drop_empty_column(struct ismc_report *r, size_t col)
{
	struct ismc_report_column *cols;
	size_t i;

	for (i = 0; i < r->nrows; i++)
		if (r->rows[i][col].kind != ISMC_CELL_NULL)
			return;
	cols = ISMC_NEW_ARRAY(r->arena, struct ismc_report_column,
	    r->ncolumns);
	memcpy(cols, r->columns, r->ncolumns * sizeof *cols);
	memmove(cols + col, cols + col + 1,
	    (r->ncolumns - col - 1) * sizeof *cols);
	for (i = 0; i < r->nrows; i++)
		memmove(r->rows[i] + col, r->rows[i] + col + 1,
		    (r->ncolumns - col - 1) * sizeof r->rows[i][0]);
	r->columns = cols;
	r->ncolumns--;
}

struct ismc_report *
ismc_report_new(struct ismc_arena *a, const char *id, const char *title,
    const struct ismc_report_column *columns, size_t ncols)
{
	struct ismc_report *r;

	r = ISMC_NEW(a, struct ismc_report);
	r->arena = a;
	r->id = id;
	r->title = title;
	r->columns = columns;
	r->ncolumns = ncols;
	return r;
}

struct ismc_cell *
ismc_report_add_row(struct ismc_report *r)
{
	struct ismc_cell *cells;

	r->rows = grow(r->arena, r->rows, r->nrows, &r->rows_cap,
	    sizeof *r->rows);
	/* Zeroed memory is a row of ISMC_CELL_NULL. */
	cells = ISMC_NEW_ARRAY(r->arena, struct ismc_cell,
	    r->ncolumns != 0 ? r->ncolumns : 1);
	r->rows[r->nrows++] = cells;
	return cells;
}

static void
add_field(struct ismc_report *r, struct ismc_report_field **v, size_t *n,
    size_t *cap, const char *key, const char *label, struct ismc_cell value)
{
	struct ismc_report_field *f;

	*v = grow(r->arena, *v, *n, cap, sizeof **v);
	f = &(*v)[(*n)++];
	f->key = key;
	f->label = label;
	f->value = value;
}

void
ismc_report_add_meta(struct ismc_report *r, const char *key,
    const char *label, struct ismc_cell value)
{
	add_field(r, &r->meta, &r->nmeta, &r->meta_cap, key, label, value);
}

void
ismc_report_add_summary(struct ismc_report *r, const char *key,
    const char *label, struct ismc_cell value)
{
	add_field(r, &r->summary, &r->nsummary, &r->summary_cap, key, label,
	    value);
}

void
ismc_report_add_spec_meta(struct ismc_report *r, const struct ismc_ir *ir)
{
	const struct ismc_ir_isms *m = &ir->isms;
	const char *date = NULL;

	if (m->has_date)
		date = ismc_date_str(r->arena, m->date);
	ismc_report_add_meta(r, "organisation", "Organisation",
	    ismc_cell_str(m->organisation));
	ismc_report_add_meta(r, "version", "Spec version",
	    ismc_cell_str(m->version));
	ismc_report_add_meta(r, "date", "Spec date", ismc_cell_str(date));
}

void
ismc_report_add_generator(struct ismc_report *r)
{
	ismc_report_add_meta(r, "generator", "Generator",
	    ismc_cell_str(GENERATOR));
}

void
ismc_format_decimal(struct ismc_buf *b, double v, int prec)
{
	size_t start = b->len, i;

	ismc_buf_printf(b, "%.*f", prec, v);
	/* A tiny negative value rounds to "-0.0", which reads as a sign
	 * error in a report; print zero as zero. */
	if (b->data[start] != '-')
		return;
	for (i = start + 1; i < b->len; i++)
		if (b->data[i] != '0' && b->data[i] != '.')
			return;
	memmove(b->data + start, b->data + start + 1, b->len - start);
	b->len--;
}

void
ismc_cell_format(const struct ismc_cell *c, const char *list_sep,
    struct ismc_buf *out)
{
	size_t i;

	switch (c->kind) {
	case ISMC_CELL_NULL:
		break;
	case ISMC_CELL_STRING:
		ismc_buf_adds(out, c->u.s);
		break;
	case ISMC_CELL_INT:
		ismc_buf_printf(out, "%lld", (long long)c->u.i);
		break;
	case ISMC_CELL_DECIMAL:
		ismc_format_decimal(out, c->u.dec.value, c->u.dec.prec);
		break;
	case ISMC_CELL_BOOL:
		ismc_buf_adds(out, c->u.b ? "yes" : "no");
		break;
	case ISMC_CELL_LIST:
		for (i = 0; i < c->u.list.n; i++) {
			if (i > 0)
				ismc_buf_adds(out, list_sep);
			ismc_buf_adds(out, c->u.list.items[i]);
		}
		break;
	}
}

/* ---- registry ---------------------------------------------------------- */

struct report_def {
	const char	*name;		/* file stem */
	bool		 per_framework;	/* one per framework */
	bool		 controls_only;	/* ...that is a control catalog */
	/* The framework is NULL unless per_framework. */
	struct ismc_report *(*build)(const struct ismc_ir *,
	    const struct ismc_ir_framework *, struct ismc_arena *);
};

struct format_def {
	const char	*ext;
	void		(*emit)(const struct ismc_report *,
		    struct ismc_buf *);
};

static struct ismc_report *
build_risks(const struct ismc_ir *ir, const struct ismc_ir_framework *fw,
    struct ismc_arena *a)
{
	(void)fw;
	return ismc_report_risks(ir, a);
}

#define WHOLE_IR_BUILDER(name, fn)					\
static struct ismc_report *						\
name(const struct ismc_ir *ir, const struct ismc_ir_framework *fw,	\
    struct ismc_arena *a)						\
{									\
	(void)fw;							\
	return fn(ir, a);						\
}
WHOLE_IR_BUILDER(build_kpis, ismc_report_kpis)
WHOLE_IR_BUILDER(build_findings, ismc_report_findings)
WHOLE_IR_BUILDER(build_review, ismc_report_review)
WHOLE_IR_BUILDER(build_trace, ismc_report_trace)

/* Adding a report (gap analysis, traceability) means adding a row. */
static const struct report_def report_table[] = {
	{ .name = "soa", .per_framework = true, .controls_only = true,
	    .build = ismc_report_soa },
	{ .name = "risks", .per_framework = false, .build = build_risks },
	{ .name = "kpis", .per_framework = false, .build = build_kpis },
	{ .name = "findings", .per_framework = false, .build = build_findings },
	{ .name = "review", .per_framework = false, .build = build_review },
	{ .name = "gap", .per_framework = true, .build = ismc_report_gap },
	{ .name = "remediation", .per_framework = true,
	    .build = ismc_report_remediation },
	{ .name = "traceability", .per_framework = false, .build = build_trace },
};

static const struct format_def format_table[] = {
	{ .ext = "csv", .emit = ismc_emit_csv },
	{ .ext = "md", .emit = ismc_emit_md },
	{ .ext = "json", .emit = ismc_emit_json },
};

/*
 * Charts: each laid out once, then drawn by the same painter on a surface
 * per format. A stand-alone chart takes the height it needs at
 * ISMC_CHART_WIDTH.
 */
struct chart_def {
	const char	*name;		/* file stem */
	struct ismc_dl	*(*layout)(const struct ismc_ir *,
		    const struct ismc_chart_opts *, struct ismc_arena *);
};

/* Whole documents: one file of one format each. */
struct document_def {
	const char	*name;		/* file stem */
	enum ismc_surface_kind kind;
	cairo_status_t	(*render)(const struct ismc_ir *,
		    struct ismc_arena *, struct ismc_buf *);
};

static struct ismc_dl *
layout_coverage(const struct ismc_ir *ir, const struct ismc_chart_opts *o,
    struct ismc_arena *a)
{
	return ismc_chart_coverage(ismc_coverage_from_ir(ir, a), o, a);
}

static const struct chart_def chart_table[] = {
	{ .name = "heatmap-risk", .layout = ismc_chart_risk_heatmap },
	{ .name = "heatmap-coverage", .layout = layout_coverage },
	{ .name = "kpi", .layout = ismc_chart_kpi },
};

static const enum ismc_surface_kind chart_format_table[] = {
	ISMC_SURFACE_PNG,
	ISMC_SURFACE_SVG,
};

static const struct document_def document_table[] = {
	{ .name = "report", .kind = ISMC_SURFACE_PDF,
	    .render = ismc_pdf_report },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Whether format `ext` is selected; no selection means every format. */
static bool
wanted(const char *const *formats, size_t nformats, const char *ext)
{
	size_t i;

	if (nformats == 0)
		return true;
	for (i = 0; i < nformats; i++)
		if (strcmp(formats[i], ext) == 0)
			return true;
	return false;
}

bool
ismc_emit_format_known(const char *ext)
{
	size_t i;

	for (i = 0; i < NELEM(format_table); i++)
		if (strcmp(format_table[i].ext, ext) == 0)
			return true;
	for (i = 0; i < NELEM(chart_format_table); i++)
		if (strcmp(ismc_surface_ext(chart_format_table[i]), ext) == 0)
			return true;
	for (i = 0; i < NELEM(document_table); i++)
		if (strcmp(ismc_surface_ext(document_table[i].kind), ext) == 0)
			return true;
	return false;
}

static cairo_status_t
draw_chart(cairo_t *cr, void *dl)
{
	return ismc_chart_paint(cr, dl, true);
}

/* Where each output goes: an outdir, or a caller's sink (fuzzing, tests). */
struct sink {
	ismc_emit_sink	*put;
	void		*ctx;
};

static bool
outdir_put(void *od, const char *name, const struct ismc_buf *b)
{
	return ismc_outdir_add(od, name, b);
}

/* Stages `b` as `name`, or reports why cairo could not make it. */
static bool
stage_binary(const struct sink *out, struct ismc_diag *d, const char *name,
    cairo_status_t st, struct ismc_buf *b)
{
	bool ok;

	if (st != CAIRO_STATUS_SUCCESS) {
		ismc_diag_error(d, ISMC_NO_SPAN, "cannot render '%s': %s", name,
		    cairo_status_to_string(st));
		ismc_buf_free(b);
		return false;
	}
	ok = out->put(out->ctx, name, b);
	ismc_buf_free(b);
	return ok;
}

static bool
emit_charts(const struct ismc_ir *ir, struct ismc_arena *a,
    const struct sink *out, struct ismc_diag *d,
    const char *const *formats, size_t nformats)
{
	struct ismc_chart_opts opts = { .width = ISMC_CHART_WIDTH };
	enum ismc_surface_kind kind;
	struct ismc_text_metrics *tm;
	struct ismc_dl *dl;
	struct ismc_buf b;
	cairo_status_t st;
	size_t i, j;
	bool ok = true;

	tm = ismc_pango_metrics_new();
	opts.metrics = tm;	/* NULL: the layout's own estimate */
	for (i = 0; ok && i < NELEM(chart_table); i++) {
		dl = NULL;
		for (j = 0; ok && j < NELEM(chart_format_table); j++) {
			kind = chart_format_table[j];
			if (!wanted(formats, nformats, ismc_surface_ext(kind)))
				continue;
			if (dl == NULL)
				dl = chart_table[i].layout(ir, &opts, a);
			ismc_buf_init(&b);
			st = ismc_surface_render(kind, dl->width, dl->height,
			    NULL, draw_chart, dl, &b);
			ok = stage_binary(out, d, ismc_arena_printf(a, "%s.%s",
			    chart_table[i].name, ismc_surface_ext(kind)), st, &b);
		}
	}
	ismc_pango_metrics_free(tm);
	for (i = 0; ok && i < NELEM(document_table); i++) {
		kind = document_table[i].kind;
		if (!wanted(formats, nformats, ismc_surface_ext(kind)))
			continue;
		ismc_buf_init(&b);
		st = document_table[i].render(ir, a, &b);
		ok = stage_binary(out, d, ismc_arena_printf(a, "%s.%s",
		    document_table[i].name, ismc_surface_ext(kind)), st, &b);
	}
	return ok;
}

/* Stages report r as <stem>.<ext> in every format; false on the first
 * failure (the sink has reported it). */
static bool
stage(const struct sink *out, struct ismc_arena *a, const char *stem,
    const struct ismc_report *r, const char *const *formats, size_t nformats)
{
	struct ismc_buf b;
	const char *name;
	size_t i;
	bool ok;

	if (r == NULL)		/* the builder says it does not apply */
		return true;
	for (i = 0; i < NELEM(format_table); i++) {
		if (!wanted(formats, nformats, format_table[i].ext))
			continue;
		ismc_buf_init(&b);
		format_table[i].emit(r, &b);
		name = ismc_arena_printf(a, "%s.%s", stem, format_table[i].ext);
		ok = out->put(out->ctx, name, &b);
		ismc_buf_free(&b);
		if (!ok)
			return false;
	}
	return true;
}

static bool
emit_all(const struct ismc_ir *ir, struct ismc_arena *a,
    const struct sink *out, struct ismc_diag *d, const char *const *formats,
    size_t nformats)
{
	const struct report_def *def;
	const struct ismc_ir_framework *fw;
	const char *stem;
	size_t i, j;

	/* I/O errors are the sink's to report (an outdir through its
	 * engine), rendering errors go through `d`. */
	for (i = 0; i < NELEM(report_table); i++) {
		def = &report_table[i];
		if (!def->per_framework) {
			if (!stage(out, a, def->name, def->build(ir, NULL, a),
			    formats, nformats))
				return false;
			continue;
		}
		for (j = 0; j < ir->nframeworks; j++) {
			fw = &ir->frameworks[j];
			if (def->controls_only &&
			    !ismc_catalog_is_controls(fw->catalog))
				continue;
			stem = ismc_arena_printf(a, "%s-%s", def->name,
			    fw->catalog->id);
			if (!stage(out, a, stem, def->build(ir, fw, a), formats,
			    nformats))
				return false;
		}
	}
	return emit_charts(ir, a, out, d, formats, nformats);
}

bool
ismc_emit_reports(const struct ismc_ir *ir, struct ismc_arena *a,
    struct ismc_outdir *od, struct ismc_diag *d)
{
	return ismc_emit_formats(ir, a, od, d, NULL, 0);
}

bool
ismc_emit_reports_to(const struct ismc_ir *ir, struct ismc_arena *a,
    struct ismc_diag *d, ismc_emit_sink *put, void *ctx)
{
	const struct sink out = { .put = put, .ctx = ctx };

	return emit_all(ir, a, &out, d, NULL, 0);
}

bool
ismc_emit_formats(const struct ismc_ir *ir, struct ismc_arena *a,
    struct ismc_outdir *od, struct ismc_diag *d, const char *const *formats,
    size_t nformats)
{
	const struct sink out = { .put = outdir_put, .ctx = od };

	return emit_all(ir, a, &out, d, formats, nformats);
}
