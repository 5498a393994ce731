/*
 * diag.c - formats and counts diagnostics; the warning table.
 */
#include <config.h>

#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag-int.h"
#include "escape.h"
#include "progress.h"
#include "suggest.h"
#include "xalloc.h"

#define C_BOLD	"\033[1m"
#define C_RED	"\033[1;31m"
#define C_MAG	"\033[1;35m"
#define C_CYAN	"\033[1;36m"
#define C_GREEN	"\033[1;32m"
#define C_OFF	"\033[0m"

/* Longest source line quoted: a megabyte line helps nobody. */
#define MAX_QUOTED_LINE	1000

/* ---- the warning table -------------------------------------------------- */

static const struct warning {
	const char	*name;
	const char	*summary;
} warnings[ISMC_W_COUNT] = {
	[ISMC_W_BIDI_CHARS] = { "bidi-chars",
	    "a bidirectional control character in a string or comment" },
	[ISMC_W_CONFUSABLE_IDENTIFIERS] = { "confusable-identifiers",
	    "an identifier that looks like another one of the spec" },
	[ISMC_W_MIXED_SCRIPTS] = { "mixed-scripts",
	    "a word of a string that mixes Latin, Greek or Cyrillic letters" },
	[ISMC_W_MISSING_FRAMEWORK] = { "missing-framework",
	    "a spec that uses no framework" },
	[ISMC_W_DUPLICATE_FRAMEWORK] = { "duplicate-framework",
	    "a framework used twice, perhaps under another name" },
	[ISMC_W_DUPLICATE_REFERENCE] = { "duplicate-reference",
	    "a risk naming the same threat, asset or control twice" },
	[ISMC_W_BAND_GAP] = { "band-gap",
	    "risk scores that fall in no band of the scoring" },
	[ISMC_W_UNDECIDED_CONTROL] = { "undecided-control",
	    "controls of the Statement of Applicability with no decision" },
	[ISMC_W_MISSING_STATUS] = { "missing-status",
	    "an applicable control with no implementation status" },
	[ISMC_W_UNMET_ACCEPTANCE] = { "unmet-acceptance",
	    "a risk above the acceptance criterion, untreated or accepted" },
	[ISMC_W_UNAPPROVED_ACCEPTANCE] = { "unapproved-acceptance",
	    "a residual risk above the acceptance criterion accepted without "
	    "an approver" },
	[ISMC_W_EXPIRED_ACCEPTANCE] = { "expired-acceptance",
	    "a risk acceptance past its end date" },
	[ISMC_W_OVERDUE_RISK_REVIEW] = { "overdue-risk-review",
	    "a risk not reviewed within the spec's review period" },
	[ISMC_W_MITIGATION_WITHOUT_CONTROLS] = { "mitigation-without-controls",
	    "a risk to be mitigated that names no controls" },
	[ISMC_W_WEAK_MITIGATION] = { "weak-mitigation",
	    "a risk mitigated by a control that is not implemented" },
	[ISMC_W_RESIDUAL_NOT_OPEN] = { "residual-not-open",
	    "a measure closing a residual that no mapping row leaves" },
	[ISMC_W_PERCENT_OVER_100] = { "percent-over-100",
	    "a KPI result or target above 100 %" },
	[ISMC_W_KPI_NO_RESULT] = { "kpi-no-result",
	    "a KPI with no result yet" },
	[ISMC_W_OVERDUE_ACTION] = { "overdue-action",
	    "a corrective action past its due date and not done" },
	[ISMC_W_UNADDRESSED_NONCONFORMITY] = { "unaddressed-nonconformity",
	    "a nonconformity with no corrective action" },
	[ISMC_W_STALE_EVIDENCE] = { "stale-evidence",
	    "evidence past its expiry date" },
	[ISMC_W_OVERDUE_TARGET] = { "overdue-target",
	    "a control, clause or measure past its due date, not implemented" },
	[ISMC_W_OVERDUE_MILESTONE] = { "overdue-milestone",
	    "a milestone past its date and not reached" },
	[ISMC_W_MILESTONE_OUTSIDE_PHASES] = { "milestone-outside-phases",
	    "a milestone dated in none of the spec's phases" },
	[ISMC_W_DUE_WITHOUT_WORK] = { "due-without-work",
	    "a due date on an implemented or excluded control or measure" },
	[ISMC_W_UNACCEPTED_RISK] = { "unaccepted-risk",
	    "a residual risk its owner has not accepted (ISO/IEC 27001 "
	    "6.1.3 f)" },
	[ISMC_W_UNEVIDENCED_CONTROL] = { "unevidenced-control",
	    "applicable controls with neither evidence nor a plan" },
	[ISMC_W_STALE_INTERNAL_AUDIT] = { "stale-internal-audit",
	    "no internal audit within 12 months of the as-of date" },
	[ISMC_W_STALE_MANAGEMENT_REVIEW] = { "stale-management-review",
	    "no management review within 12 months of the as-of date" },
	[ISMC_W_SHADOWED_CATALOG] = { "shadowed-catalog",
	    "a catalog or mapping set replacing a shipped one" },
	[ISMC_W_NOT_A_CATALOG] = { "not-a-catalog",
	    "a file in the catalog search path that holds no catalog" },
	[ISMC_W_UNUSED_MAPPING] = { "unused-mapping",
	    "a mapping set between frameworks the spec does not both use" },
	[ISMC_W_MAP_WITHOUT_RATIONALE] = { "map-without-rationale",
	    "a map row that can make a requirement full gives no rationale" },
	[ISMC_W_DUPLICATE_ROW] = { "duplicate-row",
	    "a mapping row given twice" },
	[ISMC_W_IMPORT_DEPTH] = { "import-depth",
	    "a CISO Assistant depth that does not match the tree" },
	[ISMC_W_IMPORT_IDS] = { "import-ids",
	    "requirement ids taken from URNs, the framework not at hand" },
	[ISMC_W_IMPORT_SKIPPED] = { "import-skipped",
	    "OSCAL mappings ismc cannot express, skipped" },
	[ISMC_W_IMPORT_UNKNOWN_ID] = { "import-unknown-id",
	    "an OSCAL profile selecting a control its catalog lacks" },
	[ISMC_W_LONG_TEXT] = { "long-text",
	    "a text the PDF shows cut short, beyond its limits" },
};

const char *
ismc_warning_name(enum ismc_warning w)
{
	return w > ISMC_W_NONE && w < ISMC_W_COUNT ? warnings[w].name : NULL;
}

const char *
ismc_warning_summary(enum ismc_warning w)
{
	return w > ISMC_W_NONE && w < ISMC_W_COUNT ? warnings[w].summary :
	    NULL;
}

enum ismc_warning
ismc_warning_find(const char *name)
{
	int w;

	for (w = ISMC_W_NONE + 1; w < ISMC_W_COUNT; w++)
		if (strcmp(warnings[w].name, name) == 0)
			return (enum ismc_warning)w;
	return ISMC_W_NONE;
}

const char *
ismc_warning_suggest(const char *name)
{
	struct ismc_suggest sg;
	int w;

	ismc_suggest_init(&sg, name);
	for (w = ISMC_W_NONE + 1; w < ISMC_W_COUNT; w++)
		ismc_suggest_offer(&sg, warnings[w].name);
	return ismc_suggest_result(&sg);
}

bool
ismc_wflags_parse(struct ismc_wflags *f, const char *arg)
{
	unsigned char on = ISMC_WSET_ON, off = ISMC_WSET_OFF;
	enum ismc_warning w;

	if (strcmp(arg, "error") == 0) {
		f->werror = true;
		return true;
	}
	if (strncmp(arg, "error=", 6) == 0) {
		arg += 6;
		on = ISMC_WSET_ERROR;
		off = ISMC_WSET_NO_ERROR;
	} else if (strncmp(arg, "no-error=", 9) == 0) {
		arg += 9;
		on = ISMC_WSET_NO_ERROR;
		off = ISMC_WSET_ERROR;
	} else if (strncmp(arg, "no-", 3) == 0) {
		arg += 3;
		on = ISMC_WSET_OFF;
		off = ISMC_WSET_ON;
	}
	if ((w = ismc_warning_find(arg)) == ISMC_W_NONE)
		return false;
	f->set[w] = (unsigned char)((f->set[w] & ~off) | on);
	/* -Werror=NAME also turns the warning on, as in GCC. */
	if (on == ISMC_WSET_ERROR)
		f->set[w] = (unsigned char)((f->set[w] & ~ISMC_WSET_OFF) |
		    ISMC_WSET_ON);
	return true;
}

void
ismc_diag_set_warnings(struct ismc_diag *d, const struct ismc_wflags *f)
{
	int w;

	d->werror = d->werror || f->werror;
	for (w = ISMC_W_NONE + 1; w < ISMC_W_COUNT; w++) {
		if (f->set[w] & ISMC_WSET_OFF)
			d->off[w] = true;
		if (f->set[w] & ISMC_WSET_ON)
			d->off[w] = false;
		if (f->set[w] & ISMC_WSET_ERROR)
			d->error[w] = 1;
		if (f->set[w] & ISMC_WSET_NO_ERROR)
			d->error[w] = -1;
	}
}

/* ---- the engine ------------------------------------------------------- */

void
ismc_diag_init(struct ismc_diag *d, const struct ismc_sources *sources,
    FILE *out)
{
	memset(d, 0, sizeof *d);
	d->sources = sources;
	d->out = out;
	d->max_errors = 50;
	d->last = SIZE_MAX;
}

void
ismc_diag_free(struct ismc_diag *d)
{
	size_t i;

	for (i = 0; i < d->nrecords; i++)
		free(d->records[i].text);
	free(d->records);
	d->records = NULL;
	d->nrecords = d->caprecords = 0;
	d->last = SIZE_MAX;
}

const char *
ismc_diag_severity_name(enum ismc_severity sev)
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
 * Quotes the source line under a gutter and underlines the span, with
 * what could drive the terminal or reorder the line escaped (tabs are
 * kept so the caret lines up): the caret counts one column a character
 * and the width of each escape.
 */
static void
show_source(struct ismc_diag *d, struct ismc_span span)
{
	const char *line;
	size_t len, i, n, w, col0, end, ulen = 0;
	unsigned lno, cno;
	struct ismc_buf b, caret;

	ismc_sources_linecol(d->sources, span.file, span.start, &lno, &cno);
	line = ismc_sources_line(d->sources, span.file, span.start, &len);
	if (len > MAX_QUOTED_LINE)
		return;
	ismc_buf_init(&b);
	ismc_buf_init(&caret);
	ismc_buf_printf(&b, "%5u | ", lno);
	col0 = cno - 1;
	end = col0 + (span.end > span.start ? span.end - span.start : 1);
	for (i = 0; i < len; i += n) {
		n = ismc_escape_char(&b, line + i, len - i,
		    ISMC_ESCAPE_KEEP_TAB, &w);
		if (i < col0 && line[i] == '\t')
			ismc_buf_addc(&caret, '\t');
		else if (i < col0)
			while (w-- > 0)
				ismc_buf_addc(&caret, ' ');
		else if (i < end)
			ulen += w;
	}
	if (ulen == 0)
		ulen = 1;
	ismc_buf_adds(&b, "\n      | ");
	ismc_buf_add(&b, caret.data != NULL ? caret.data : "", caret.len);
	if (d->color)
		ismc_buf_adds(&b, C_GREEN);
	ismc_buf_addc(&b, '^');
	for (i = 1; i < ulen; i++)
		ismc_buf_addc(&b, '~');
	if (d->color)
		ismc_buf_adds(&b, C_OFF);
	ismc_buf_addc(&b, '\n');
	fputs(ismc_buf_cstr(&b), d->out);
	ismc_buf_free(&caret);
	ismc_buf_free(&b);
}

/*
 * The message, formatted and escaped: a message may quote a name, a path
 * or a string from a hostile file, which must not drive the terminal.
 */
static char * __attribute__((format(printf, 1, 0)))
format_message(const char *fmt, va_list ap)
{
	char small[512], *p = small, *out;
	struct ismc_buf b;
	va_list aq;
	int len;

	va_copy(aq, ap);
	len = vsnprintf(small, sizeof small, fmt, aq);
	va_end(aq);
	if (len < 0)
		return ismc_xstrdup("(unprintable message)");
	if ((size_t)len >= sizeof small) {
		p = ismc_xmalloc((size_t)len + 1);
		vsnprintf(p, (size_t)len + 1, fmt, ap);
	}
	ismc_buf_init(&b);
	ismc_escape_buf(&b, p, (size_t)len, 0);
	out = ismc_xstrdup(ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	if (p != small)
		free(p);
	return out;
}

static void
emit_text(struct ismc_diag *d, enum ismc_severity sev, enum ismc_warning w,
    bool promoted, struct ismc_span span, const char *msg)
{
	const struct ismc_source *src = ismc_sources_get(d->sources, span.file);

	if (d->color)
		fputs(C_BOLD, d->out);
	if (src != NULL && span.start == ISMC_WHOLE_FILE) {
		ismc_escape_fputs(src->path, d->out);
		fputs(": ", d->out);
	} else if (src != NULL) {
		unsigned line, col;

		ismc_sources_linecol(d->sources, span.file, span.start, &line, &col);
		ismc_escape_fputs(src->path, d->out);
		fprintf(d->out, ":%u:%u: ", line, col);
	} else {
		fputs("ismc: ", d->out);
	}
	if (d->color)
		fprintf(d->out, "%s%s:" C_OFF C_BOLD " ", severity_color(sev),
		    ismc_diag_severity_name(sev));
	else
		fprintf(d->out, "%s: ", ismc_diag_severity_name(sev));
	fputs(msg, d->out);
	if (w != ISMC_W_NONE)
		fprintf(d->out, " [-W%s%s]", promoted ? "error=" : "",
		    ismc_warning_name(w));
	if (d->color)
		fputs(C_OFF, d->out);
	fputc('\n', d->out);
	if (src != NULL && !d->plain && span.start != ISMC_WHOLE_FILE &&
	    !src->no_quote)
		show_source(d, span);
}

/* Keeps a diagnostic for the JSON or SARIF document; takes `text`. */
static void
record(struct ismc_diag *d, enum ismc_record_kind kind,
    enum ismc_severity sev, enum ismc_warning w, bool promoted,
    struct ismc_span span, char *text)
{
	struct ismc_diag_record *r;

	if (d->nrecords == d->caprecords) {
		d->caprecords = d->caprecords ? d->caprecords * 2 : 16;
		d->records = ismc_xreallocarray(d->records, d->caprecords,
		    sizeof *d->records);
	}
	r = &d->records[d->nrecords];
	r->kind = kind;
	r->sev = sev;
	r->warning = w;
	r->promoted = promoted;
	r->span = span;
	r->text = text;
	r->parent = kind == ISMC_REC_DIAG ? SIZE_MAX : d->last;
	if (kind == ISMC_REC_DIAG)
		d->last = d->nrecords;
	d->nrecords++;
}

static void
emit(struct ismc_diag *d, enum ismc_severity sev, enum ismc_warning w,
    bool promoted, struct ismc_span span, char *msg)
{
	if (d->format == ISMC_DIAG_TEXT) {
		ismc_progress_clear(d->progress);
		emit_text(d, sev, w, promoted, span, msg);
		free(msg);
		return;
	}
	/* A note with nothing before it stands on its own. */
	record(d, sev == ISMC_NOTE && d->last != SIZE_MAX ? ISMC_REC_NOTE :
	    ISMC_REC_DIAG, sev, w, promoted, span, msg);
}

/* The error cap is reached: say so, as the last diagnostic. */
static void
stop(struct ismc_diag *d)
{
	char msg[128];

	snprintf(msg, sizeof msg, "too many errors emitted, stopping now "
	    "[--max-errors=%u]", d->max_errors);
	emit(d, ISMC_FATAL, ISMC_W_NONE, false, ISMC_NO_SPAN,
	    ismc_xstrdup(msg));
}

/* Whether a warning is an error: -Werror=NAME, else -Werror unless
 * -Wno-error=NAME. */
static bool
promote(const struct ismc_diag *d, enum ismc_warning w)
{
	if (w != ISMC_W_NONE && d->error[w] != 0)
		return d->error[w] > 0;
	return d->werror;
}

void
ismc_diag_vreport(struct ismc_diag *d, enum ismc_severity sev,
    enum ismc_warning w, struct ismc_span span, const char *fmt, va_list ap)
{
	bool promoted = false;

	if (d->stopped)
		return;
	if (sev != ISMC_WARNING)
		w = ISMC_W_NONE;
	if (sev == ISMC_NOTE) {
		if (d->last_shown)
			emit(d, sev, w, false, span, format_message(fmt, ap));
		return;
	}
	if (sev == ISMC_WARNING) {
		if (d->no_warnings || d->off[w]) {
			d->last_shown = false;
			return;
		}
		if (promote(d, w)) {
			sev = ISMC_ERROR;
			promoted = true;
		}
	}
	d->last_shown = true;
	emit(d, sev, w, promoted, span, format_message(fmt, ap));
	if (sev == ISMC_WARNING) {
		d->warnings++;
		return;
	}
	d->errors++;
	if (sev == ISMC_FATAL || (d->max_errors != 0 &&
	    d->errors >= d->max_errors)) {
		d->stopped = true;
		if (sev != ISMC_FATAL)
			stop(d);
	}
}

void
ismc_diag_report(struct ismc_diag *d, enum ismc_severity sev,
    struct ismc_span span, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ismc_diag_vreport(d, sev, ISMC_W_NONE, span, fmt, ap);
	va_end(ap);
}

void
ismc_diag_error(struct ismc_diag *d, struct ismc_span span, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ismc_diag_vreport(d, ISMC_ERROR, ISMC_W_NONE, span, fmt, ap);
	va_end(ap);
}

void
ismc_diag_warning(struct ismc_diag *d, enum ismc_warning w,
    struct ismc_span span, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ismc_diag_vreport(d, ISMC_WARNING, w, span, fmt, ap);
	va_end(ap);
}

void
ismc_diag_note(struct ismc_diag *d, struct ismc_span span, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ismc_diag_vreport(d, ISMC_NOTE, ISMC_W_NONE, span, fmt, ap);
	va_end(ap);
}

void
ismc_diag_fixit(struct ismc_diag *d, struct ismc_span span, const char *text)
{
	struct ismc_buf b;

	if (d->stopped || !d->last_shown || d->format == ISMC_DIAG_TEXT ||
	    d->last == SIZE_MAX || text == NULL)
		return;
	ismc_buf_init(&b);
	ismc_escape_buf(&b, text, strlen(text), 0);
	record(d, ISMC_REC_FIXIT, ISMC_NOTE, ISMC_W_NONE, false, span,
	    ismc_xstrdup(ismc_buf_cstr(&b)));
	ismc_buf_free(&b);
}

void
ismc_diag_summary(struct ismc_diag *d)
{
	ismc_progress_clear(d->progress);
	if (d->format == ISMC_DIAG_JSON) {
		ismc_diag_write_json(d);
		return;
	}
	if (d->format == ISMC_DIAG_SARIF) {
		ismc_diag_write_sarif(d);
		return;
	}
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
