/*
 * diag.c - formats and counts diagnostics.
 */
#include <config.h>

#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

#define C_BOLD	"\033[1m"
#define C_RED	"\033[1;31m"
#define C_MAG	"\033[1;35m"
#define C_CYAN	"\033[1;36m"
#define C_GREEN	"\033[1;32m"
#define C_OFF	"\033[0m"

void
ismc_diag_init(struct ismc_diag *d, const struct ismc_sources *sources,
    FILE *out)
{
	memset(d, 0, sizeof *d);
	d->sources = sources;
	d->out = out;
	d->max_errors = 50;
}

static const char *
severity_name(enum ismc_severity sev)
{
	switch (sev) {
	case ISMC_NOTE:
		return "note";
	case ISMC_WARNING:
		return "warning";
	case ISMC_ERROR:
		return "error";
	case ISMC_FATAL:
		return "fatal error";
	}
	return "error";
}

static const char *
severity_color(enum ismc_severity sev)
{
	switch (sev) {
	case ISMC_NOTE:
		return C_CYAN;
	case ISMC_WARNING:
		return C_MAG;
	default:
		return C_RED;
	}
}

/*
 * Quotes the source line under a gutter and underlines the span. Control
 * bytes print as spaces (tabs are kept so the caret lines up), so a hostile
 * line cannot drive the terminal.
 */
static void
show_source(struct ismc_diag *d, struct ismc_span span)
{
	const char *line;
	size_t len, i, col0, ulen;
	unsigned lno, cno;
	struct ismc_buf b;

	ismc_sources_linecol(d->sources, span.file, span.start, &lno, &cno);
	line = ismc_sources_line(d->sources, span.file, span.start, &len);
	if (len > 1000)
		return;		/* a megabyte line helps nobody */
	ismc_buf_init(&b);
	ismc_buf_printf(&b, "%5u | ", lno);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)line[i];

		ismc_buf_addc(&b, c == '\t' || c >= 0x20 ? c : ' ');
	}
	ismc_buf_adds(&b, "\n      | ");
	col0 = cno - 1;
	for (i = 0; i < col0 && i < len; i++)
		ismc_buf_addc(&b, line[i] == '\t' ? '\t' : ' ');
	ulen = span.end > span.start ? span.end - span.start : 1;
	if (col0 + ulen > len)
		ulen = len > col0 ? len - col0 : 1;
	if (d->color)
		ismc_buf_adds(&b, C_GREEN);
	ismc_buf_addc(&b, '^');
	for (i = 1; i < ulen; i++)
		ismc_buf_addc(&b, '~');
	if (d->color)
		ismc_buf_adds(&b, C_OFF);
	ismc_buf_addc(&b, '\n');
	fputs(ismc_buf_cstr(&b), d->out);
	ismc_buf_free(&b);
}

/*
 * Prints a message with its control bytes as \xNN: a message may quote a
 * name or path from a hostile file, which must not drive the terminal.
 */
static void __attribute__((format(printf, 2, 0)))
put_message(FILE *out, const char *fmt, va_list ap)
{
	char small[512], *p = small;
	va_list aq;
	size_t i, n;
	int len;

	va_copy(aq, ap);
	len = vsnprintf(small, sizeof small, fmt, aq);
	va_end(aq);
	if (len < 0)
		return;
	n = (size_t)len;
	if (n >= sizeof small) {
		p = ismc_xmalloc(n + 1);
		vsnprintf(p, n + 1, fmt, ap);
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c < 0x20 || c == 0x7F)
			fprintf(out, "\\x%02X", c);
		else
			putc(c, out);
	}
	if (p != small)
		free(p);
}

/* The format attributes let clang's -Wformat-nonliteral see that fmt
 * comes checked from the callers. */
static void __attribute__((format(printf, 4, 0)))
emit(struct ismc_diag *d, enum ismc_severity sev, struct ismc_span span,
    const char *fmt, va_list ap, bool promoted)
{
	const struct ismc_source *src = ismc_sources_get(d->sources, span.file);

	if (d->color)
		fputs(C_BOLD, d->out);
	if (src != NULL && span.start == ISMC_WHOLE_FILE) {
		fprintf(d->out, "%s: ", src->path);
	} else if (src != NULL) {
		unsigned line, col;

		ismc_sources_linecol(d->sources, span.file, span.start, &line, &col);
		fprintf(d->out, "%s:%u:%u: ", src->path, line, col);
	} else {
		fputs("ismc: ", d->out);
	}
	if (d->color)
		fprintf(d->out, "%s%s:" C_OFF C_BOLD " ", severity_color(sev),
		    severity_name(sev));
	else
		fprintf(d->out, "%s: ", severity_name(sev));
	put_message(d->out, fmt, ap);
	if (promoted)
		fputs(" [-Werror]", d->out);
	if (d->color)
		fputs(C_OFF, d->out);
	fputc('\n', d->out);
	if (src != NULL && !d->plain && span.start != ISMC_WHOLE_FILE &&
	    !src->no_quote)
		show_source(d, span);
}

static void __attribute__((format(printf, 4, 0)))
vreport(struct ismc_diag *d, enum ismc_severity sev, struct ismc_span span,
    const char *fmt, va_list ap)
{
	bool promoted = false;

	if (d->stopped)
		return;
	if (sev == ISMC_NOTE) {
		if (d->last_shown)
			emit(d, sev, span, fmt, ap, false);
		return;
	}
	if (sev == ISMC_WARNING) {
		if (d->no_warnings) {
			d->last_shown = false;
			return;
		}
		if (d->werror) {
			sev = ISMC_ERROR;
			promoted = true;
		}
	}
	d->last_shown = true;
	emit(d, sev, span, fmt, ap, promoted);
	if (sev == ISMC_WARNING) {
		d->warnings++;
		return;
	}
	d->errors++;
	if (sev == ISMC_FATAL || (d->max_errors != 0 && d->errors >= d->max_errors)) {
		if (sev != ISMC_FATAL)
			fprintf(d->out, "ismc: fatal error: too many errors "
			    "emitted, stopping now [--max-errors=%u]\n",
			    d->max_errors);
		d->stopped = true;
	}
}

void
ismc_diag_report(struct ismc_diag *d, enum ismc_severity sev,
    struct ismc_span span, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(d, sev, span, fmt, ap);
	va_end(ap);
}

void
ismc_diag_error(struct ismc_diag *d, struct ismc_span span, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(d, ISMC_ERROR, span, fmt, ap);
	va_end(ap);
}

void
ismc_diag_warning(struct ismc_diag *d, struct ismc_span span, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(d, ISMC_WARNING, span, fmt, ap);
	va_end(ap);
}

void
ismc_diag_note(struct ismc_diag *d, struct ismc_span span, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(d, ISMC_NOTE, span, fmt, ap);
	va_end(ap);
}

void
ismc_diag_summary(struct ismc_diag *d)
{
	if (d->errors == 0 && d->warnings == 0)
		return;
	if (d->errors && d->warnings)
		fprintf(d->out, "%u error%s and %u warning%s generated.\n",
		    d->errors, d->errors == 1 ? "" : "s", d->warnings,
		    d->warnings == 1 ? "" : "s");
	else if (d->errors)
		fprintf(d->out, "%u error%s generated.\n", d->errors,
		    d->errors == 1 ? "" : "s");
	else
		fprintf(d->out, "%u warning%s generated.\n", d->warnings,
		    d->warnings == 1 ? "" : "s");
}
