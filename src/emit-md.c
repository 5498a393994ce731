/*
 * emit-md.c - a report table as GitHub-flavoured Markdown.
 *
 * Written for a reader on a pull request: the figures come first (the
 * metadata, then the summary), the table after them, and a column that
 * only repeats a metadata entry on every row (the coverage policy) is
 * left to the list above. Spec text is user input, so it is escaped to
 * render literally: no table cell can be split by a '|', no line break
 * can end a table row, and no '<' can smuggle HTML into a rendered page.
 * List cells are joined with ", ".
 */
#include <config.h>

#include "emit.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "backend.h"
#include "buf.h"
#include "report.h"

/* Appends s (len bytes) escaped for inline GFM text. */
static void
text(struct ismc_buf *out, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '\\':
		case '|':	/* GFM splits rows on unescaped pipes */
		case '<':	/* raw HTML */
		case '`':	/* code spans */
		case '*':	/* emphasis */
		case '[':	/* links */
			ismc_buf_addc(out, '\\');
			ismc_buf_addc(out, s[i]);
			break;
		case '\r':
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
			ismc_buf_adds(out, "<br>");
			break;
		case '\n':
			ismc_buf_adds(out, "<br>");
			break;
		default:
			ismc_buf_addc(out, s[i]);
			break;
		}
	}
}

void
ismc_emit_md_text(struct ismc_buf *out, const char *s, size_t len)
{
	text(out, s, len);
}

static void
cell(struct ismc_buf *out, struct ismc_buf *tmp, const struct ismc_cell *c)
{
	ismc_buf_reset(tmp);
	ismc_cell_format(c, ", ", tmp);
	text(out, ismc_buf_cstr(tmp), tmp->len);
}

/* Whether `f` says again what metadata entry of the same key says. */
static bool
in_meta(const struct ismc_report *r, const struct ismc_report_field *f)
{
	size_t i;

	for (i = 0; i < r->nmeta; i++)
		if (&r->meta[i] != f && strcmp(r->meta[i].key, f->key) == 0)
			return ismc_cell_equal(&r->meta[i].value, &f->value);
	return false;
}

/*
 * A bullet list of the non-null fields; null means "does not apply". A
 * summary field that repeats the metadata is left out.
 */
static void
fields(struct ismc_buf *out, struct ismc_buf *tmp, const struct ismc_report *r,
    const struct ismc_report_field *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (f[i].value.kind == ISMC_CELL_NULL ||
		    (f != r->meta && in_meta(r, &f[i])))
			continue;
		ismc_buf_adds(out, "- ");
		text(out, f[i].label, strlen(f[i].label));
		ismc_buf_adds(out, ": ");
		cell(out, tmp, &f[i].value);
		ismc_buf_addc(out, '\n');
	}
}

/*
 * Whether column j says on every row no more than the metadata entry of
 * the same key does.
 */
static bool
repeats_meta(const struct ismc_report *r, size_t j)
{
	const struct ismc_report_field *m = NULL;
	size_t i;

	for (i = 0; i < r->nmeta && m == NULL; i++)
		if (strcmp(r->meta[i].key, r->columns[j].id) == 0)
			m = &r->meta[i];
	if (m == NULL || m->value.kind == ISMC_CELL_NULL)
		return false;
	for (i = 0; i < r->nrows; i++)
		if (!ismc_cell_equal(&m->value, &r->rows[i][j]))
			return false;
	return true;
}

/* The columns this table shows, as a bit set. */
static uint64_t
shown_columns(const struct ismc_report *r)
{
	uint64_t shown = 0;
	size_t j;

	for (j = 0; j < r->ncolumns; j++)
		if (ismc_report_shown(r, j) && !repeats_meta(r, j))
			shown |= UINT64_C(1) << j;
	return shown;
}

static void
table(struct ismc_buf *out, struct ismc_buf *tmp, const struct ismc_report *r)
{
	uint64_t shown = shown_columns(r);
	size_t i, j;

	for (j = 0; j < r->ncolumns; j++) {
		if ((shown & (UINT64_C(1) << j)) == 0)
			continue;
		ismc_buf_adds(out, "| ");
		text(out, r->columns[j].title, strlen(r->columns[j].title));
		ismc_buf_addc(out, ' ');
	}
	ismc_buf_adds(out, "|\n");
	for (j = 0; j < r->ncolumns; j++)
		if ((shown & (UINT64_C(1) << j)) != 0)
			ismc_buf_adds(out, "| --- ");
	ismc_buf_adds(out, "|\n");
	for (i = 0; i < r->nrows; i++) {
		for (j = 0; j < r->ncolumns; j++) {
			if ((shown & (UINT64_C(1) << j)) == 0)
				continue;
			ismc_buf_adds(out, "| ");
			cell(out, tmp, &r->rows[i][j]);
			ismc_buf_addc(out, ' ');
		}
		ismc_buf_adds(out, "|\n");
	}
}

void
ismc_emit_md(const struct ismc_report *r, struct ismc_buf *out)
{
	struct ismc_buf tmp;
	size_t n;

	ismc_buf_init(&tmp);
	ismc_buf_adds(out, "# ");
	text(out, r->title, strlen(r->title));
	ismc_buf_adds(out, "\n\n");
	n = out->len;
	fields(out, &tmp, r, r->meta, r->nmeta);
	if (out->len > n)
		ismc_buf_addc(out, '\n');
	if (r->nsummary > 0) {
		ismc_buf_adds(out, "## Summary\n\n");
		fields(out, &tmp, r, r->summary, r->nsummary);
		ismc_buf_adds(out, "\n## Details\n\n");
	}
	table(out, &tmp, r);
	ismc_buf_free(&tmp);
}

const struct ismc_renderer ismc_render_md = {
	.format = "md",
	.ext = "md",
	.scope = ISMC_RENDER_REPORT,
	.table = ismc_emit_md,
};
