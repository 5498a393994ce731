/*
 * report.c - the report table model.
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
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "ir.h"
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
	c.u.dec.prec = prec == ISMC_PREC_EXACT ? prec : prec < 0 ? 0 :
	    prec > MAX_PREC ? MAX_PREC : prec;
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
ismc_report_omit_empty_column(struct ismc_report *r, size_t col)
{
	size_t i;

	for (i = 0; i < r->nrows; i++)
		if (r->rows[i][col].kind != ISMC_CELL_NULL)
			return;
	r->omitted |= UINT64_C(1) << col;
}

bool
ismc_report_shown(const struct ismc_report *r, size_t col)
{
	return (r->omitted & (UINT64_C(1) << col)) == 0;
}

struct ismc_report *
ismc_report_new(struct ismc_arena *a, const char *id, const char *title,
    const struct ismc_report_column *columns, size_t ncols)
{
	struct ismc_report *r;
	size_t j;

	assert(ncols <= ISMC_REPORT_MAXCOLS);
	r = ISMC_NEW(a, struct ismc_report);
	r->arena = a;
	r->id = id;
	r->title = title;
	r->columns = columns;
	r->ncolumns = ncols;
	for (j = 0; j < ncols; j++)
		if (columns[j].title == NULL)
			r->omitted |= UINT64_C(1) << j;
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
ismc_report_add_summary_at(struct ismc_report *r,
    const struct ismc_report_key *keys, size_t index, struct ismc_cell value)
{
	assert(index == r->nsummary);
	ismc_report_add_summary(r, keys[index].key, keys[index].label, value);
}

const char *
ismc_report_req_id(struct ismc_arena *a, const struct ismc_ir *ir,
    const struct ismc_req *req)
{
	if (ir->nframeworks > 1)
		return ismc_arena_printf(a, "%s:%s", req->catalog->id, req->id);
	return req->id;
}

struct ismc_cell
ismc_report_controls_cell(struct ismc_arena *a, const struct ismc_ir *ir,
    const struct ismc_ir_control *const *c, size_t n)
{
	const char **v = ismc_report_strv(a, n);
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = ismc_report_req_id(a, ir, c[i]->req);
	return ismc_cell_list(v, n);
}

const char *
ismc_report_control_status(const struct ismc_ir_control *c)
{
	if (c->applicability == ISMC_EXCLUDED)
		return "excluded";
	return ismc_status_name(c->status);
}

struct ismc_cell
ismc_cell_date(struct ismc_arena *a, const struct ismc_date *d)
{
	return d != NULL ? ismc_cell_str(ismc_date_str(a, *d)) :
	    ismc_cell_null();
}

void
ismc_report_add_spec_meta(struct ismc_report *r, const struct ismc_ir *ir)
{
	const struct ismc_ir_isms *m = &ir->isms;

	ismc_report_add_meta(r, "organisation", "Organisation",
	    ismc_cell_str(m->organisation));
	ismc_report_add_meta(r, "version", "Spec version",
	    ismc_cell_str(m->version));
	ismc_report_add_meta(r, "date", "Spec date", ismc_cell_date(r->arena,
	    m->has_date ? &m->date : NULL));
}

void
ismc_report_add_generator(struct ismc_report *r)
{
	ismc_report_add_meta(r, "generator", "Generator",
	    ismc_cell_str(GENERATOR));
}

/* Drops the zeros that end a decimal fraction, keeping one digit after
 * the point: "3.50" is "3.5", "100.00" is "100.0". */
static void
trim_zeros(struct ismc_buf *b, size_t start)
{
	char *p = b->data + start, *dot, *end;

	if ((dot = strchr(p, '.')) == NULL || strpbrk(p, "eE") != NULL)
		return;
	end = b->data + b->len;
	while (end > dot + 2 && end[-1] == '0')
		end--;
	b->len = (size_t)(end - b->data);
	b->data[b->len] = '\0';
}

void
ismc_format_decimal(struct ismc_buf *b, double v, int prec)
{
	size_t start = b->len, i;

	if (prec == ISMC_PREC_EXACT) {
		/* Fifteen significant digits give back the number a spec
		 * wrote; a JSON reader must still see a fraction. Never an
		 * exponent: a spec writes 0.0000005, not 5e-07. */
		ismc_buf_printf(b, "%.15g", v);
		if (strpbrk(b->data + start, "eE") != NULL) {
			int mag = (int)floor(log10(fabs(v)));

			b->len = start;
			ismc_buf_printf(b, "%.*f", mag < 14 ? 14 - mag : 0, v);
			trim_zeros(b, start);
		}
		if (strchr(b->data + start, '.') == NULL)
			ismc_buf_adds(b, ".0");
	} else {
		ismc_buf_printf(b, "%.*f", prec, v);
		trim_zeros(b, start);
	}
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

/*
 * Spells an integer or a decimal cell into b: a decimal may run to
 * hundreds of digits (1e300 with 17 places).
 */

static const char *
spell_number(const struct ismc_cell *c, struct ismc_buf *b)
{
	if (c->kind == ISMC_CELL_INT)
		ismc_buf_printf(b, "%lld", (long long)c->u.i);
	else
		ismc_format_decimal(b, c->u.dec.value, c->u.dec.prec);
	return ismc_buf_cstr(b);
}

void
ismc_cell_visit(const struct ismc_cell *c, const struct ismc_cell_ops *ops,
    void *ctx)
{
	struct ismc_buf num;

	switch (c->kind) {
	case ISMC_CELL_NULL:
		ops->null(ctx);
		break;
	case ISMC_CELL_STRING:
		ops->string(ctx, c->u.s);
		break;
	case ISMC_CELL_INT:
	case ISMC_CELL_DECIMAL:
		ismc_buf_init(&num);
		ops->number(ctx, spell_number(c, &num));
		ismc_buf_free(&num);
		break;
	case ISMC_CELL_BOOL:
		ops->boolean(ctx, c->u.b);
		break;
	case ISMC_CELL_LIST:
		ops->list(ctx, c->u.list.items, c->u.list.n);
		break;
	}
}

/* ---- plain text -------------------------------------------------------- */

struct text_ctx {
	struct ismc_buf	*out;
	const char	*sep;
};

static void
text_null(void *ctx)
{
	(void)ctx;
}

static void
text_string(void *ctx, const char *s)
{
	ismc_buf_adds(((struct text_ctx *)ctx)->out, s);
}

static void
text_boolean(void *ctx, bool b)
{
	ismc_buf_adds(((struct text_ctx *)ctx)->out, b ? "yes" : "no");
}

static void
text_list(void *ctx, const char *const *items, size_t n)
{
	struct text_ctx *t = ctx;
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			ismc_buf_adds(t->out, t->sep);
		ismc_buf_adds(t->out, items[i]);
	}
}

static const struct ismc_cell_ops text_ops = {
	.null = text_null,
	.string = text_string,
	.number = text_string,
	.boolean = text_boolean,
	.list = text_list,
};

void
ismc_cell_format(const struct ismc_cell *c, const char *list_sep,
    struct ismc_buf *out)
{
	struct text_ctx t = { .out = out, .sep = list_sep };

	ismc_cell_visit(c, &text_ops, &t);
}

const char *
ismc_cell_string(const struct ismc_cell *c)
{
	return c->kind == ISMC_CELL_STRING ? c->u.s : NULL;
}

bool
ismc_cell_equal(const struct ismc_cell *a, const struct ismc_cell *b)
{
	struct ismc_buf x, y;
	bool eq;

	if (a->kind != b->kind)
		return false;
	/* Compared as spelled, through the one switch over cell kinds; the
	 * unit separator keeps "a, b" apart from the list ("a", "b"). */
	ismc_buf_init(&x);
	ismc_buf_init(&y);
	ismc_cell_format(a, "\x1f", &x);
	ismc_cell_format(b, "\x1f", &y);
	eq = x.len == y.len && memcmp(ismc_buf_cstr(&x), ismc_buf_cstr(&y),
	    x.len) == 0;
	ismc_buf_free(&x);
	ismc_buf_free(&y);
	return eq;
}

const char *
ismc_cell_text(struct ismc_arena *a, const struct ismc_cell *c,
    const char *list_sep)
{
	struct ismc_buf b;
	const char *s;

	ismc_buf_init(&b);
	ismc_cell_format(c, list_sep, &b);
	s = ismc_arena_strndup(a, ismc_buf_cstr(&b), b.len);
	ismc_buf_free(&b);
	return s;
}

/*
 * The tone of a status cell. The columns are those whose id names a
 * status in doc/outputs.md; their values are the report's own words, so
 * the colour only repeats what the cell says (and the fills differ in
 * lightness, so they read in greyscale too).
 */
enum ismc_tone
ismc_cell_tone(const char *col, const struct ismc_cell *c)
{
	static const struct {
		const char	*word;
		enum ismc_tone	 tone;
	} words[] = {
		{ "full", ISMC_TONE_GOOD }, { "implemented", ISMC_TONE_GOOD },
		{ "done", ISMC_TONE_GOOD }, { "same", ISMC_TONE_GOOD },
		{ "closed", ISMC_TONE_GOOD },
		{ "partial", ISMC_TONE_PART }, { "planned", ISMC_TONE_PART },
		{ "in-progress", ISMC_TONE_PART }, { "undecided", ISMC_TONE_PART },
		{ "gap", ISMC_TONE_BAD }, { "no-counterpart", ISMC_TONE_BAD },
		{ "not-implemented", ISMC_TONE_BAD }, { "open", ISMC_TONE_BAD },
		{ "opened", ISMC_TONE_BAD },
		{ "excluded", ISMC_TONE_OFF },
	};
	size_t i;

	if (c->kind == ISMC_CELL_BOOL) {
		if (strcmp(col, "met") == 0 || strcmp(col, "closed") == 0)
			return c->u.b ? ISMC_TONE_GOOD : ISMC_TONE_BAD;
		if (strcmp(col, "overdue") == 0 ||
		    strcmp(col, "above_acceptance") == 0 ||
		    strcmp(col, "residual_above_acceptance") == 0)
			return c->u.b ? ISMC_TONE_BAD : ISMC_TONE_GOOD;
		return ISMC_TONE_NONE;
	}
	if (c->kind != ISMC_CELL_STRING)
		return ISMC_TONE_NONE;
	if (strcmp(col, "applicable") == 0)
		return strcmp(c->u.s, "yes") == 0 ? ISMC_TONE_GOOD :
		    strcmp(c->u.s, "no") == 0 ? ISMC_TONE_OFF : ISMC_TONE_PART;
	if (strcmp(col, "status") != 0 && strcmp(col, "change") != 0)
		return ISMC_TONE_NONE;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(c->u.s, words[i].word) == 0)
			return words[i].tone;
	return ISMC_TONE_NONE;
}
