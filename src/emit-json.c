/*
 * emit-json.c - a report table as one JSON document.
 *
 * The layout is that of Python's json.dumps(indent=2, ensure_ascii=False)
 * so any JSON tool round-trips it unchanged: 2-space indentation, ": "
 * and "," separators, empty arrays as "[]", a final newline. Members come
 * in a fixed order (columns in table order), never hash order. Text is
 * emitted as UTF-8; bytes that are not valid UTF-8 become U+FFFD, since a
 * JSON parser would reject the whole file over one bad byte.
 */
#include <config.h>

#include "emit.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "backend.h"
#include "buf.h"
#include "report.h"

/*
 * Length of the valid UTF-8 sequence at s (at most n bytes), or 0 when it
 * is malformed: truncated, overlong, a surrogate or beyond U+10FFFF
 * (RFC 3629, table 3-7 of the Unicode standard).
 */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned char lo = 0x80, hi = 0xbf;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (s[0] == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		if (s[0] == 0xf0)
			lo = 0x90;	/* overlong */
		else if (s[0] == 0xf4)
			hi = 0x8f;	/* beyond U+10FFFF */
	} else
		return 0;
	if (len > n)
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return len;
}

static void
string(struct ismc_buf *out, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strlen(str), i = 0, len;

	ismc_buf_addc(out, '"');
	while (i < n) {
		switch (s[i]) {
		case '"':
			ismc_buf_adds(out, "\\\"");
			break;
		case '\\':
			ismc_buf_adds(out, "\\\\");
			break;
		case '\b':
			ismc_buf_adds(out, "\\b");
			break;
		case '\f':
			ismc_buf_adds(out, "\\f");
			break;
		case '\n':
			ismc_buf_adds(out, "\\n");
			break;
		case '\r':
			ismc_buf_adds(out, "\\r");
			break;
		case '\t':
			ismc_buf_adds(out, "\\t");
			break;
		default:
			if (s[i] < 0x20) {
				ismc_buf_printf(out, "\\u%04x", (unsigned)s[i]);
				break;
			}
			len = utf8_len(s + i, n - i);
			if (len == 0) {
				ismc_buf_adds(out, "\\ufffd");
				break;
			}
			ismc_buf_add(out, s + i, len);
			i += len;
			continue;
		}
		i++;
	}
	ismc_buf_addc(out, '"');
}

static void
indent(struct ismc_buf *out, int depth)
{
	int i;

	ismc_buf_addc(out, '\n');
	for (i = 0; i < depth; i++)
		ismc_buf_adds(out, "  ");
}

/* Opens member `key` of an object at depth; first says whether it is
 * the object's first member. */
static void
member(struct ismc_buf *out, int depth, bool first, const char *key)
{
	if (!first)
		ismc_buf_addc(out, ',');
	indent(out, depth);
	string(out, key);
	ismc_buf_adds(out, ": ");
}

static void
close_bracket(struct ismc_buf *out, int depth, bool empty, int c)
{
	if (!empty)
		indent(out, depth);
	ismc_buf_addc(out, c);
}

/* Where a value goes: the cell visitor's context. */
struct value_ctx {
	struct ismc_buf	*out;
	int		 depth;
};

static void
value_null(void *ctx)
{
	ismc_buf_adds(((struct value_ctx *)ctx)->out, "null");
}

static void
value_string(void *ctx, const char *s)
{
	string(((struct value_ctx *)ctx)->out, s);
}

static void
value_number(void *ctx, const char *digits)
{
	ismc_buf_adds(((struct value_ctx *)ctx)->out, digits);
}

static void
value_boolean(void *ctx, bool b)
{
	ismc_buf_adds(((struct value_ctx *)ctx)->out, b ? "true" : "false");
}

static void
value_list(void *ctx, const char *const *items, size_t n)
{
	struct value_ctx *v = ctx;
	size_t i;

	ismc_buf_addc(v->out, '[');
	for (i = 0; i < n; i++) {
		if (i > 0)
			ismc_buf_addc(v->out, ',');
		indent(v->out, v->depth + 1);
		string(v->out, items[i]);
	}
	close_bracket(v->out, v->depth, n == 0, ']');
}

static const struct ismc_cell_ops value_ops = {
	.null = value_null,
	.string = value_string,
	.number = value_number,
	.boolean = value_boolean,
	.list = value_list,
};

static void
value(struct ismc_buf *out, int depth, const struct ismc_cell *c)
{
	struct value_ctx v = { .out = out, .depth = depth };

	ismc_cell_visit(c, &value_ops, &v);
}

static void
fields(struct ismc_buf *out, int depth, const struct ismc_report_field *f,
    size_t n)
{
	size_t i;

	ismc_buf_addc(out, '{');
	for (i = 0; i < n; i++) {
		member(out, depth + 1, i == 0, f[i].key);
		value(out, depth + 1, &f[i].value);
	}
	close_bracket(out, depth, n == 0, '}');
}

static void
columns(struct ismc_buf *out, int depth, const struct ismc_report *r)
{
	size_t j, n = 0;

	ismc_buf_addc(out, '[');
	for (j = 0; j < r->ncolumns; j++) {
		if (!ismc_report_shown(r, j))
			continue;
		if (n++ > 0)
			ismc_buf_addc(out, ',');
		indent(out, depth + 1);
		ismc_buf_addc(out, '{');
		member(out, depth + 2, true, "id");
		string(out, r->columns[j].id);
		member(out, depth + 2, false, "title");
		string(out, r->columns[j].title);
		close_bracket(out, depth + 1, false, '}');
	}
	close_bracket(out, depth, n == 0, ']');
}

static void
rows(struct ismc_buf *out, int depth, const struct ismc_report *r)
{
	size_t i, j, n;

	ismc_buf_addc(out, '[');
	for (i = 0; i < r->nrows; i++) {
		if (i > 0)
			ismc_buf_addc(out, ',');
		indent(out, depth + 1);
		ismc_buf_addc(out, '{');
		for (j = n = 0; j < r->ncolumns; j++) {
			if (!ismc_report_shown(r, j))
				continue;
			member(out, depth + 2, n++ == 0, r->columns[j].id);
			value(out, depth + 2, &r->rows[i][j]);
		}
		close_bracket(out, depth + 1, n == 0, '}');
	}
	close_bracket(out, depth, r->nrows == 0, ']');
}

void
ismc_emit_json(const struct ismc_report *r, struct ismc_buf *out)
{
	char format[64];

	/* "ismc-gap/1": what schemas/gap.schema.json describes; the number
	 * changes only with a change that breaks a reader. */
	snprintf(format, sizeof format, "ismc-%s/%d", r->id,
	    ISMC_JSON_FORMAT_VERSION);
	ismc_buf_addc(out, '{');
	member(out, 1, true, "format");
	string(out, format);
	member(out, 1, false, "ismc");
	string(out, PACKAGE_VERSION);
	member(out, 1, false, "report");
	string(out, r->id);
	member(out, 1, false, "title");
	string(out, r->title);
	member(out, 1, false, "meta");
	fields(out, 1, r->meta, r->nmeta);
	member(out, 1, false, "columns");
	columns(out, 1, r);
	member(out, 1, false, "rows");
	rows(out, 1, r);
	member(out, 1, false, "summary");
	fields(out, 1, r->summary, r->nsummary);
	close_bracket(out, 0, false, '}');
	ismc_buf_addc(out, '\n');
}

const struct ismc_renderer ismc_render_json = {
	.format = "json",
	.ext = "json",
	.scope = ISMC_RENDER_REPORT,
	.table = ismc_emit_json,
};
