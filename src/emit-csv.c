/*
 * emit-csv.c - a report table as RFC 4180 CSV, safe to open in a
 * spreadsheet.
 *
 * CRLF after every record, including the last, and a field is quoted only
 * when it must be, so unchanged rows diff cleanly between builds. List
 * cells become one field joined with "; ", which spreadsheets keep in one
 * cell.
 *
 * Spreadsheets evaluate a field that starts with '=', '+', '-' or '@' as
 * a formula, and some also one that starts with a tab or CR (OWASP's "CSV
 * injection"): a risk title "=HYPERLINK(...)" would become a live link.
 * Such a field from text is written as OWASP recommends, quoted with a
 * single quote before its first character, so the spreadsheet shows it as
 * text. Numbers that ismc computed (integer and decimal cells) are not
 * text and stay numbers, negative ones included; so does text that is
 * nothing but a number ("-5", "+3.25"), which a spreadsheet reads as that
 * number and never as a formula, and a lone "-" (doc/outputs.md, 4).
 */
#include <config.h>

#include "emit.h"

#include <stdbool.h>
#include <string.h>

#include "backend.h"
#include "buf.h"
#include "report.h"

/* "-5", "+3.25", "12": what every spreadsheet reads as a plain number. */
static bool
plain_number(const char *s, size_t len)
{
	size_t i = 0, digits = 0;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (i < len && s[i] == '.' && digits > 0) {
		i++;
		for (digits = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	}
	return digits > 0 && i == len;
}

bool
ismc_csv_formula_like(const char *s, size_t len)
{
	if (len == 0 || strchr("=+-@\t\r", s[0]) == NULL)
		return false;
	return !plain_number(s, len) && !(len == 1 && s[0] == '-');
}

/* `text`: the field came from text (a string or list cell, a title). */
static void
field(struct ismc_buf *out, const char *s, size_t len, bool text)
{
	bool neutral;
	size_t i;

	neutral = text && ismc_csv_formula_like(s, len);
	if (!neutral && strcspn(s, ",\"\r\n") >= len) {
		ismc_buf_add(out, s, len);
		return;
	}
	ismc_buf_addc(out, '"');
	if (neutral)
		ismc_buf_addc(out, '\'');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			ismc_buf_addc(out, '"');
		ismc_buf_addc(out, s[i]);
	}
	ismc_buf_addc(out, '"');
}

static bool
is_text(const struct ismc_cell *c)
{
	return c->kind == ISMC_CELL_STRING || c->kind == ISMC_CELL_LIST;
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
		field(out, r->columns[j].title, strlen(r->columns[j].title),
		    true);
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
			field(out, ismc_buf_cstr(&tmp), tmp.len,
			    is_text(&r->rows[i][j]));
		}
		ismc_buf_adds(out, "\r\n");
	}
	ismc_buf_free(&tmp);
}

static const char *
render(const struct ismc_render_job *job, struct ismc_buf *out)
{
	/* Excel guesses a legacy code page for a CSV file without one. */
	if (job->opts->csv_bom)
		ismc_buf_adds(out, "\xEF\xBB\xBF");
	ismc_emit_csv(job->report, out);
	return NULL;
}

const struct ismc_renderer ismc_render_csv = {
	.format = "csv",
	.ext = "csv",
	.scope = ISMC_RENDER_REPORT,
	.render = render,
};
