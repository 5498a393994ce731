/*
 * emit-xlsx.c - the build's reports as one Excel workbook, report.xlsx.
 *
 * A "Summary" sheet with every report's metadata and summary, then one
 * sheet per report table, in the order of the files, named after the file
 * ("risks", "gap-dora"). Each table sheet has its header row frozen, an
 * autofilter over the table, widths from its contents and the status
 * columns coloured. Written with libxlsxwriter; doc/outputs.md, section
 * 12, says what lands where.
 *
 * Three things make the file safe and reproducible:
 *
 *   - text is always written as a string cell, never as a formula, and
 *     numbers and booleans as typed cells, as the report types them;
 *   - text is made valid for XML and for Excel: control characters that
 *     XML 1.0 cannot hold become U+FFFD, and "_xHHHH_", which Excel reads
 *     as an escaped character, has its underscore escaped in turn, so a
 *     cell shows what the spec wrote; an over-long text is cut at
 *     Excel's 32,767 characters with a visible ellipsis;
 *   - no clock: libxlsxwriter dates every zip entry 1980-01-01, and the
 *     document's creation date is ismc_outputs_epoch() (the spec's date,
 *     or SOURCE_DATE_EPOCH).
 *
 * libxlsxwriter 1.1.4 (Debian 12) writes only to a named file, so the
 * workbook is made in a private temporary file and read back into the
 * output buffer; the output directory then commits it like any other.
 */
#include <config.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "arena.h"
#include "backend.h"
#include "buf.h"
#include "report-isms.h"
#include "report.h"
#include "xalloc.h"

#define XLSX_MAX_TEXT	32767	/* characters in one cell (Excel) */
#define XLSX_MAX_SHEET	31	/* characters in a sheet name */
#define XLSX_MAX_ROWS	1048575	/* data rows under the header */
#define XLSX_MIN_WIDTH	6.0
#define XLSX_MAX_WIDTH	60.0	/* wider columns wrap */

struct xlsx {
	struct ismc_outputs	*out;
	struct ismc_arena	*a;
	lxw_workbook		*wb;
	lxw_worksheet		*summary;
	lxw_row_t		 summary_row;
	lxw_format		*header, *wrap, *tone[ISMC_NTONES], *tone_wrap[ISMC_NTONES];
	const char		**names;	/* sheet names so far, heap */
	size_t			 nnames, names_cap;
	struct ismc_buf		 tmp;
	lxw_error		 err;		/* the first failure */
};

/* ---- text -------------------------------------------------------------- */

/* Length of the UTF-8 sequence starting at s (at least 1). */
static size_t
u8len(const unsigned char *s, size_t left)
{
	size_t n = *s < 0x80 ? 1 : *s >= 0xF0 ? 4 : *s >= 0xE0 ? 3 :
	    *s >= 0xC0 ? 2 : 1;

	return n <= left ? n : left;
}

static bool
hex4(const char *s)
{
	size_t i;

	for (i = 0; i < 4; i++)
		if (strchr("0123456789abcdefABCDEF", s[i]) == NULL ||
		    s[i] == '\0')
			return false;
	return true;
}

/*
 * Text as a cell holds it, in x->tmp: XML-safe, Excel's _xHHHH_ escape
 * escaped, at most XLSX_MAX_TEXT characters (counted in UTF-16 units as
 * Excel does, with an ellipsis when cut).
 */
static const char *
cell_text(struct xlsx *x, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i, n, units = 0;

	ismc_buf_reset(&x->tmp);
	for (i = 0; i < len; i += n) {
		n = u8len(p + i, len - i);
		units += n == 4 ? 2 : 1;
		if (units > XLSX_MAX_TEXT - 1) {
			ismc_buf_adds(&x->tmp, "\xE2\x80\xA6");	/* ... */
			break;
		}
		if (n == 1 && p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r')
			ismc_buf_adds(&x->tmp, "\xEF\xBF\xBD");	/* U+FFFD */
		else if (n == 1 && p[i] == '_' && i + 7 <= len &&
		    s[i + 1] == 'x' && hex4(s + i + 2) && s[i + 6] == '_')
			ismc_buf_adds(&x->tmp, "_x005F_");
		else
			ismc_buf_add(&x->tmp, s + i, n);
	}
	return ismc_buf_cstr(&x->tmp);
}

/* Characters a column needs for `s`: its longest line. */
static size_t
text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0, line = 0;

	for (; *p != '\0'; p++) {
		if (*p == '\n') {
			line = 0;
			continue;
		}
		if ((*p & 0xC0) != 0x80 && ++line > w)
			w = line;
	}
	return w;
}

/* ---- colours ----------------------------------------------------------- */

static lxw_format *
new_tone(lxw_workbook *wb, enum ismc_tone t, bool wrap)
{
	/* Fills from light to dark: greyscale keeps them apart. */
	static const struct {
		lxw_color_t	fill, font;
		bool		bold;
	} look[ISMC_NTONES] = {
		[ISMC_TONE_GOOD] = { 0xE2EFDA, 0x1E4620, false },
		[ISMC_TONE_PART] = { 0xFFC000, 0x000000, false },
		[ISMC_TONE_BAD] = { 0xC00000, 0xFFFFFF, true },
		[ISMC_TONE_OFF] = { 0xD9D9D9, 0x404040, false },
	};
	lxw_format *f = workbook_add_format(wb);

	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (wrap)
		format_set_text_wrap(f);
	if (t == ISMC_TONE_NONE)
		return f;
	format_set_pattern(f, LXW_PATTERN_SOLID);
	format_set_bg_color(f, look[t].fill);
	format_set_font_color(f, look[t].font);
	if (look[t].bold)
		format_set_bold(f);
	return f;
}

/* ---- sheets ------------------------------------------------------------ */

static void
failed(struct xlsx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = e;
}

/*
 * A sheet name Excel takes: no []:*?/\, at most 31 characters, unique
 * regardless of case. Report stems are ASCII ids, but an imported
 * catalog's id could be anything.
 */
static const char *
sheet_name(struct xlsx *x, const char *stem)
{
	char name[4 * XLSX_MAX_SHEET + 8];
	const char *s;
	size_t i, n, len, chars, k, cut;

	for (len = chars = 0; stem[len] != '\0' && chars < XLSX_MAX_SHEET;
	    chars++) {
		n = u8len((const unsigned char *)stem + len, strlen(stem + len));
		len += n;
	}
	for (k = 1;; k++) {
		memcpy(name, stem, len);
		name[len] = '\0';
		for (i = 0; i < len; i++)
			if (strchr("[]:*?/\\'", name[i]) != NULL)
				name[i] = '_';
		if (k > 1) {	/* "~2" in place of the last characters */
			cut = len > XLSX_MAX_SHEET - 6 ? XLSX_MAX_SHEET - 6 :
			    len;
			while (cut > 0 && (name[cut] & 0xC0) == 0x80)
				cut--;
			snprintf(name + cut, 8, "~%zu", k);
		}
		for (i = 0; i < x->nnames; i++)
			if (strcasecmp(x->names[i], name) == 0)
				break;
		if (i == x->nnames)
			break;
	}
	s = ismc_arena_strdup(x->a, name);
	if (x->nnames == x->names_cap) {
		x->names_cap = x->names_cap != 0 ? 2 * x->names_cap : 16;
		x->names = ismc_xreallocarray(x->names, x->names_cap,
		    sizeof *x->names);
	}
	x->names[x->nnames++] = s;
	return s;
}

/* Writes one cell; returns its width in characters. */
static size_t
put_cell(struct xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
    const struct ismc_cell *c, lxw_format *f)
{
	const char *s;

	switch (c->kind) {
	case ISMC_CELL_NULL:
		if (f != NULL)
			failed(x, worksheet_write_blank(ws, row, col, f));
		return 0;
	case ISMC_CELL_INT:
		failed(x, worksheet_write_number(ws, row, col,
		    (double)c->u.i, f));
		break;
	case ISMC_CELL_DECIMAL:
		/* The number as every other format spells it (74.7, not
		 * 74.68354...): the same digits in CSV, JSON and here. */
		failed(x, worksheet_write_number(ws, row, col,
		    strtod(ismc_cell_text(x->a, c, ""), NULL), f));
		break;
	case ISMC_CELL_BOOL:
		failed(x, worksheet_write_boolean(ws, row, col, c->u.b, f));
		return 5;
	case ISMC_CELL_STRING:
	case ISMC_CELL_LIST:
		s = ismc_cell_text(x->a, c, "; ");
		if (*s == '\0') {
			if (f != NULL)
				failed(x, worksheet_write_blank(ws, row, col,
				    f));
			return 0;
		}
		s = cell_text(x, s);
		failed(x, worksheet_write_string(ws, row, col, s, f));
		return text_width(s);
	}
	/* Numbers: as many characters as the report spells them with. */
	return strlen(ismc_cell_text(x->a, c, ""));
}

/* One report as a sheet. */
static bool
table_sheet(void *ctx, const char *stem, const struct ismc_report *r)
{
	struct xlsx *x = ctx;
	size_t width[ISMC_REPORT_MAXCOLS], w, i, j, nrows;
	lxw_worksheet *ws;
	lxw_col_t col;
	enum ismc_tone t;
	bool wide;

	ws = workbook_add_worksheet(x->wb, sheet_name(x, stem));
	if (ws == NULL) {
		failed(x, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
		return false;
	}
	nrows = r->nrows < XLSX_MAX_ROWS ? r->nrows : XLSX_MAX_ROWS;
	for (j = col = 0; j < r->ncolumns; j++) {
		if (!ismc_report_shown(r, j))
			continue;
		width[col] = text_width(r->columns[j].title);
		failed(x, worksheet_write_string(ws, 0, col,
		    cell_text(x, r->columns[j].title), x->header));
		col++;
	}
	/* First the widths, so long columns can wrap. */
	for (j = col = 0; j < r->ncolumns; j++) {
		if (!ismc_report_shown(r, j))
			continue;
		for (i = 0; i < nrows; i++) {
			w = text_width(ismc_cell_text(x->a, &r->rows[i][j],
			    "; "));
			if (w > width[col])
				width[col] = w;
		}
		col++;
	}
	for (j = col = 0; j < r->ncolumns; j++) {
		if (!ismc_report_shown(r, j))
			continue;
		wide = width[col] + 2 > XLSX_MAX_WIDTH;
		for (i = 0; i < nrows; i++) {
			t = ismc_cell_tone(r->columns[j].id, &r->rows[i][j]);
			(void)put_cell(x, ws, (lxw_row_t)(i + 1), col,
			    &r->rows[i][j], wide ? x->tone_wrap[t] :
			    x->tone[t]);
		}
		w = width[col] + 2;
		failed(x, worksheet_set_column(ws, col, col, w < XLSX_MIN_WIDTH ?
		    XLSX_MIN_WIDTH : w > XLSX_MAX_WIDTH ? XLSX_MAX_WIDTH :
		    (double)w, NULL));
		col++;
	}
	if (col > 0) {
		failed(x, worksheet_autofilter(ws, 0, 0, (lxw_row_t)nrows,
		    (lxw_col_t)(col - 1)));
		worksheet_freeze_panes(ws, 1, 0);
	}
	return x->err == LXW_NO_ERROR;
}

/* The report's metadata and summary, as rows of the Summary sheet. */
static void
summary_fields(struct xlsx *x, const char *sheet, const char *part,
    const struct ismc_report_field *f, size_t n)
{
	struct ismc_cell c;
	size_t i;

	for (i = 0; i < n; i++) {
		lxw_row_t row = ++x->summary_row;

		failed(x, worksheet_write_string(x->summary, row, 0, sheet,
		    NULL));
		failed(x, worksheet_write_string(x->summary, row, 1, part,
		    NULL));
		failed(x, worksheet_write_string(x->summary, row, 2,
		    f[i].key, NULL));
		c = ismc_cell_str(f[i].label);
		(void)put_cell(x, x->summary, row, 3, &c, NULL);
		(void)put_cell(x, x->summary, row, 4, &f[i].value, x->wrap);
	}
}

static bool
summary_of(void *ctx, const char *stem, const struct ismc_report *r)
{
	struct xlsx *x = ctx;
	lxw_row_t row = ++x->summary_row;
	struct ismc_cell c;

	failed(x, worksheet_write_string(x->summary, row, 0, stem, NULL));
	failed(x, worksheet_write_string(x->summary, row, 1, "title", NULL));
	c = ismc_cell_str(r->title);
	(void)put_cell(x, x->summary, row, 4, &c, x->wrap);
	summary_fields(x, stem, "meta", r->meta, r->nmeta);
	summary_fields(x, stem, "summary", r->summary, r->nsummary);
	return x->err == LXW_NO_ERROR;
}

static void
summary_sheet(struct xlsx *x)
{
	static const char *const titles[] = {
		"Sheet", "Part", "Key", "Label", "Value",
	};
	static const double widths[] = { 24, 10, 26, 40, 60 };
	lxw_col_t j;

	x->summary = workbook_add_worksheet(x->wb, sheet_name(x, "Summary"));
	for (j = 0; j < 5; j++) {
		failed(x, worksheet_write_string(x->summary, 0, j, titles[j],
		    x->header));
		failed(x, worksheet_set_column(x->summary, j, j, widths[j],
		    NULL));
	}
	worksheet_freeze_panes(x->summary, 1, 0);
}

/* ---- the workbook ------------------------------------------------------ */

static void
properties(struct xlsx *x)
{
	const struct ismc_report_field *m = ismc_outputs_report(x->out,
	    &ismc_report_isms_def, NULL)->summary;
	const char *title = ismc_cell_string(&m[ISMC_ISMS_SUM_TITLE].value);
	const char *org = ismc_cell_string(
	    &m[ISMC_ISMS_SUM_ORGANISATION].value);
	lxw_doc_properties p;
	int64_t t = ismc_outputs_epoch(x->out);

	memset(&p, 0, sizeof p);
	p.title = (char *)(title != NULL ? title : "ISMS reports");
	p.subject = (char *)"Statement of Applicability, risk register, "
	    "gap analyses, KPIs and findings";
	p.author = (char *)(org != NULL ? org : "");
	p.company = p.author;
	p.comments = (char *)"Generated by ismc " PACKAGE_VERSION
	    " from the ISMS specification";
	/* libxlsxwriter takes 0 for "now": the epoch's first second. */
	p.created = t > 0 ? (time_t)t : 1;
	failed(x, workbook_set_properties(x->wb, &p));
}

static void
formats(struct xlsx *x)
{
	int t;

	x->header = workbook_add_format(x->wb);
	format_set_bold(x->header);
	format_set_bottom(x->header, LXW_BORDER_THIN);
	format_set_pattern(x->header, LXW_PATTERN_SOLID);
	format_set_bg_color(x->header, 0xD9E1F2);
	format_set_align(x->header, LXW_ALIGN_VERTICAL_TOP);
	x->wrap = workbook_add_format(x->wb);
	format_set_text_wrap(x->wrap);
	format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	for (t = 0; t < ISMC_NTONES; t++) {
		x->tone[t] = new_tone(x->wb, (enum ismc_tone)t, false);
		x->tone_wrap[t] = new_tone(x->wb, (enum ismc_tone)t, true);
	}
}

/* Reads the finished file into out. */
static const char *
slurp(const char *path, struct ismc_buf *out)
{
	char chunk[65536];
	size_t n;
	FILE *f;
	bool bad;

	if ((f = fopen(path, "rb")) == NULL)
		return "cannot read back the workbook";
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		ismc_buf_add(out, chunk, n);
	bad = ferror(f) != 0;
	fclose(f);
	return bad ? "cannot read back the workbook" : NULL;
}

static const char *
render(const struct ismc_render_job *job, struct ismc_buf *out)
{
	struct xlsx x;
	const char *dir, *why;
	char *path;
	lxw_error e;
	int fd;

	memset(&x, 0, sizeof x);
	x.out = job->outputs;
	x.a = ismc_outputs_arena(job->outputs);
	ismc_buf_init(&x.tmp);
	if ((dir = getenv("TMPDIR")) == NULL || *dir == '\0')
		dir = "/tmp";
	path = ismc_arena_printf(x.a, "%s/ismc-xlsx-XXXXXX", dir);
	if ((fd = mkstemp(path)) < 0)
		return "cannot create a temporary file";
	close(fd);
	if ((x.wb = workbook_new(path)) == NULL) {
		unlink(path);
		return "libxlsxwriter cannot create a workbook";
	}
	properties(&x);
	formats(&x);
	summary_sheet(&x);
	if (ismc_outputs_each_report(x.out, summary_of, &x))
		(void)ismc_outputs_each_report(x.out, table_sheet, &x);
	if (x.summary_row > 0)
		failed(&x, worksheet_autofilter(x.summary, 0, 0, x.summary_row,
		    4));
	e = workbook_close(x.wb);	/* frees it, even on failure */
	failed(&x, e);
	ismc_buf_free(&x.tmp);
	free(x.names);
	why = x.err != LXW_NO_ERROR ? lxw_strerror(x.err) : slurp(path, out);
	unlink(path);
	return why;
}

const struct ismc_renderer ismc_render_xlsx = {
	.format = "xlsx",
	.ext = "xlsx",
	.scope = ISMC_RENDER_DOCUMENT,
	.stem = "report",
	.render = render,
};
