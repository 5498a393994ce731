/*
 * emit-csv.c - a report table as RFC 4180 CSV.
 *
 * CRLF after every record, including the last, and a field is quoted only
 * when it must be, so unchanged rows diff cleanly between builds. List
 * cells become one field joined with "; ", which spreadsheets keep in one
 * cell.
 */
#include <config.h>

#include "emit.h"

#include <stdbool.h>
#include <string.h>

#include "backend.h"
#include "buf.h"
#include "report.h"

static void
field(struct ismc_buf *out, const char *s, size_t len)
{
	size_t i;

	if (strcspn(s, ",\"\r\n") >= len) {
		ismc_buf_add(out, s, len);
		return;
	}
	ismc_buf_addc(out, '"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			ismc_buf_addc(out, '"');
		ismc_buf_addc(out, s[i]);
	}
	ismc_buf_addc(out, '"');
}

void
ismc_emit_csv(const struct ismc_report *r, struct ismc_buf *out)
{
	struct ismc_buf tmp;
	size_t i, j;
	bool first;

	first = true;
	for (j = 0; j < r->ncolumns; j++) {
		if (!ismc_report_shown(r, j))
			continue;
		if (!first)
			ismc_buf_addc(out, ',');
		first = false;
		field(out, r->columns[j].title, strlen(r->columns[j].title));
	}
	ismc_buf_adds(out, "\r\n");
	ismc_buf_init(&tmp);
	for (i = 0; i < r->nrows; i++) {
		first = true;
		for (j = 0; j < r->ncolumns; j++) {
			if (!ismc_report_shown(r, j))
				continue;
			if (!first)
				ismc_buf_addc(out, ',');
			first = false;
			ismc_buf_reset(&tmp);
			ismc_cell_format(&r->rows[i][j], "; ", &tmp);
			field(out, ismc_buf_cstr(&tmp), tmp.len);
		}
		ismc_buf_adds(out, "\r\n");
	}
	ismc_buf_free(&tmp);
}

const struct ismc_renderer ismc_render_csv = {
	.format = "csv",
	.ext = "csv",
	.scope = ISMC_RENDER_REPORT,
	.table = ismc_emit_csv,
};
