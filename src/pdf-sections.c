/*
 * pdf-sections.c - what the auditor's PDF says, section by section.
 *
 * Every figure and every row here comes from a finished report table
 * (report-*.h) or from the coverage table, read by column enum: the PDF
 * shows the numbers the CSV and JSON files hold, and computes none of its
 * own. The spec's own declarations that no written report lists (the
 * cover, the scope, the frameworks, the audit programme) come from the
 * internal tables of report-isms.h and report-findings.h: the PDF never
 * reads the IR. The typesetting is pdf-doc.h's.
 */
#include <config.h>

#include "pdf-sections.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "backend.h"
#include "buf.h"
#include "chart-coverage.h"
#include "chart-kpi.h"
#include "chart-risk.h"
#include "chart-timeline.h"
#include "coverage.h"
#include "date.h"
#include "pdf-doc.h"
#include "report-findings.h"
#include "report-gap.h"
#include "report-inputs.h"
#include "report-isms.h"
#include "report-kpis.h"
#include "report-readiness.h"
#include "report-remediation.h"
#include "report-review.h"
#include "report-risks.h"
#include "report-roadmap.h"
#include "report-soa.h"
#include "report.h"

/* ---- cells ------------------------------------------------------------- */

/* The plain text of a cell, list items joined by sep. */
static const char *
text(struct pdf_doc *d, const struct ismc_cell *c, const char *sep)
{
	return ismc_cell_text(d->a, c, sep);
}

/* A string cell, or NULL when it is null. */
static const char *
str(const struct ismc_cell *c)
{
	return c->kind == ISMC_CELL_STRING ? c->u.s : NULL;
}

static const char *
count(struct pdf_doc *d, size_t n)
{
	return ismc_arena_printf(d->a, "%zu", n);
}

/* "73.5%", or "n/a" with nothing to count. */
static const char *
pct(struct pdf_doc *d, double v)
{
	return v < 0 ? "n/a" : ismc_arena_printf(d->a, "%.1f%%", v);
}

/* A decimal cell as a percentage, "n/a" when null. */
static const char *
pct_cell(struct pdf_doc *d, const struct ismc_cell *c)
{
	return c->kind == ISMC_CELL_DECIMAL ? ismc_arena_printf(d->a, "%s%%",
	    text(d, c, "")) : "n/a";
}

/* "not implemented": status names wrap at spaces, not mid-word. */
static const char *
spaced(struct pdf_doc *d, const char *s)
{
	char *t = ismc_arena_strdup(d->a, s != NULL ? s : ""), *p;

	for (p = t; *p != '\0'; p++)
		if (*p == '-')
			*p = ' ';
	return t;
}

/* "Label: value; label: value." for a report's summary. */
static const char *
summary_text(struct pdf_doc *d, const struct ismc_report *r)
{
	struct ismc_buf b;
	const char *s;
	size_t i;

	ismc_buf_init(&b);
	for (i = 0; i < r->nsummary; i++) {
		ismc_buf_printf(&b, "%s%s: ", i > 0 ? "; " : "",
		    r->summary[i].label);
		ismc_cell_format(&r->summary[i].value, ", ", &b);
	}
	ismc_buf_adds(&b, ".");
	s = ismc_arena_strdup(d->a, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

/* "30 June 2026" */
static const char *
human_date(struct ismc_arena *a, bool has, struct ismc_date dt)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
	};

	if (!has)
		return NULL;
	if (dt.month < 1 || dt.month > 12)
		return ismc_date_str(a, dt);
	return ismc_arena_printf(a, "%d %s %d", dt.day, months[dt.month - 1],
	    dt.year);
}

/* The cover facts: the summary of the isms table (report-isms.h). */
static const struct ismc_report_field *
isms(const struct pdf_doc *d)
{
	return ismc_outputs_report(d->out, &ismc_report_isms_def,
	    NULL)->summary;
}

/* A cover fact as a string, or NULL. */
static const char *
fact(const struct pdf_doc *d, enum ismc_isms_sum k)
{
	return str(&isms(d)[k].value);
}

/* The frameworks in use, one row each (report-isms.h). */
static const struct ismc_report *
frameworks(const struct pdf_doc *d)
{
	return ismc_outputs_report(d->out, &ismc_report_frameworks_def, NULL);
}

static const char *
fw_id(const struct pdf_doc *d, size_t fw)
{
	return frameworks(d)->rows[fw][ISMC_FRAMEWORKS_ID].u.s;
}

/* Its title, else its id. */
static const char *
fw_name(const struct pdf_doc *d, size_t fw)
{
	return pdf_or_else(str(&frameworks(d)->rows[fw]
	    [ISMC_FRAMEWORKS_TITLE]), fw_id(d, fw));
}

/* "2026-06-30" as a date, for human_date. */
static bool
date_of(const char *s, struct ismc_date *dt)
{
	return s != NULL && ismc_date_parse(s, strlen(s), dt) !=
	    ISMC_DATE_SHAPE;
}

/*
 * A column of a PDF table filled from a report's rows: the text of cell
 * `cell` (list items joined by `sep`, ", " by default), or what `fmt`
 * makes of the whole row.
 */
struct rcol {
	struct pdf_col	 col;
	int		 cell;
	const char	*sep;
	const char	*(*fmt)(struct pdf_doc *, const struct ismc_cell *);
};

/* Sets the rows of r that `keep` takes (NULL: all) as a table; returns
 * how many. */
static size_t
report_table(struct pdf_doc *d, const struct ismc_report *r,
    const struct rcol *rc, size_t n, bool (*keep)(const struct ismc_cell *))
{
	struct pdf_col cols[PDF_MAXCOLS];
	const char *cells[PDF_MAXCOLS];
	const struct ismc_cell *row;
	struct pdf_table t;
	size_t i, j;

	for (j = 0; j < n && j < PDF_MAXCOLS; j++)
		cols[j] = rc[j].col;
	pdf_table_begin(d, &t, cols, j);
	for (i = 0; i < r->nrows; i++) {
		row = r->rows[i];
		if (keep != NULL && !keep(row))
			continue;
		for (j = 0; j < t.ncols; j++)
			cells[j] = rc[j].fmt != NULL ? rc[j].fmt(d, row) :
			    text(d, &row[rc[j].cell], rc[j].sep != NULL ?
			    rc[j].sep : ", ");
		pdf_table_row(d, &t, cells);
	}
	pdf_table_end(d);
	return t.nrows;
}

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- cover ------------------------------------------------------------- */

static const char *
frameworks_text(struct pdf_doc *d)
{
	struct ismc_buf b;
	const char *s;
	size_t i;

	ismc_buf_init(&b);
	for (i = 0; i < frameworks(d)->nrows; i++)
		ismc_buf_printf(&b, "%s%s", i > 0 ? "\n" : "",
		    fw_name(d, i));
	s = ismc_arena_strdup(d->a, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

/* A line of the cover's title block; returns its height. */
static double
title_line(struct pdf_doc *d, const char *s, double size, bool bold,
    struct ismc_rgb c)
{
	PangoLayout *pl = pdf_layout(d, s, PDF_CONTENT_W, size, bold);
	double h = pdf_height_of(pl);

	pdf_show(d, pl, PDF_MARGIN, d->y, c);
	g_object_unref(pl);
	return h;
}

void
pdf_cover(struct pdf_doc *d)
{
	const struct ismc_cell *employees =
	    &isms(d)[ISMC_ISMS_SUM_EMPLOYEES].value;
	const char *scope = fact(d, ISMC_ISMS_SUM_SCOPE);
	struct ismc_date date;
	bool dated = date_of(fact(d, ISMC_ISMS_SUM_DATE), &date);

	pdf_fill_rect(d, 0, 0, PDF_A4_WIDTH, 14, pdf_accent);
	d->y = 150;
	d->y += title_line(d, "AUDITOR'S REPORT", 10.5, true, pdf_muted) + 10;
	d->y += title_line(d, pdf_or_else(fact(d, ISMC_ISMS_SUM_ORGANISATION),
	    "Unnamed organisation"), 26, true, pdf_accent) + 8;
	d->y += title_line(d, pdf_or_else(fact(d, ISMC_ISMS_SUM_TITLE),
	    "Information security management system"), 15, false, pdf_ink) +
	    18;
	pdf_hline(d, PDF_MARGIN, PDF_MARGIN + 90, d->y, 3, pdf_accent);
	d->y += 30;
	pdf_field(d, "Version", pdf_or_else(fact(d, ISMC_ISMS_SUM_VERSION),
	    "not stated"));
	pdf_field(d, "Date", pdf_or_else(human_date(d->a, dated, date),
	    "not stated"));
	pdf_field(d, "Organisation", fact(d, ISMC_ISMS_SUM_ORGANISATION));
	pdf_field(d, "Industry", fact(d, ISMC_ISMS_SUM_INDUSTRY));
	if (employees->kind == ISMC_CELL_INT)
		pdf_field(d, "Employees", ismc_arena_printf(d->a, "%lld",
		    (long long)employees->u.i));
	pdf_field(d, "Frameworks", frameworks_text(d));
	d->y += 8;
	pdf_field(d, "Scope", scope != NULL ? pdf_reflow(d, scope) : NULL);
	if (d->y < PDF_BOTTOM - 30)
		d->y = PDF_BOTTOM - 30;
	pdf_para(d, "Generated by ismc " PACKAGE_VERSION " from the ISMS "
	    "specification. Every figure in this report is derived from the "
	    "specification; none is typed in.", 8, false, pdf_muted);
}

void
pdf_toc(struct pdf_doc *d)
{
	pdf_new_page(d);
	pdf_contents(d, ISMC_PDF_CONTENTS);
}

/* ---- scope ------------------------------------------------------------- */

/* The scope items of one kind ("in scope"), as bullets. */
static void
bullets(struct pdf_doc *d, const char *title, const char *kind)
{
	const struct ismc_report *r = ismc_outputs_report(d->out,
	    &ismc_report_isms_def, NULL);
	size_t i, n = 0;

	pdf_heading(d, 3, title, false);
	for (i = 0; i < r->nrows; i++)
		if (strcmp(r->rows[i][ISMC_ISMS_KIND].u.s, kind) == 0) {
			pdf_bullet(d, r->rows[i][ISMC_ISMS_TEXT].u.s);
			n++;
		}
	if (n == 0)
		pdf_para(d, "Nothing listed.", PDF_BODY, false, pdf_muted);
}

static bool
is_location(const struct ismc_cell *c)
{
	return strcmp(c[ISMC_ISMS_KIND].u.s, "location") == 0;
}

void
pdf_scope(struct pdf_doc *d)
{
	static const struct rcol cols[] = {
		{ { "Location", 0.18, true }, ISMC_ISMS_ID, NULL, NULL },
		{ { "Description", 0.82, false }, ISMC_ISMS_TEXT, NULL, NULL },
	};
	const struct ismc_report *r = ismc_outputs_report(d->out,
	    &ismc_report_isms_def, NULL);
	size_t i, n = 0;

	pdf_heading(d, 1, ISMC_PDF_SCOPE, true);
	pdf_para(d, pdf_or_else(fact(d, ISMC_ISMS_SUM_SCOPE),
	    "No scope statement recorded."), PDF_BODY, false, pdf_ink);
	pdf_heading(d, 3, "Locations", false);
	for (i = 0; i < r->nrows; i++)
		n += is_location(r->rows[i]);
	if (n == 0)
		pdf_para(d, "No locations recorded.", PDF_BODY, false,
		    pdf_muted);
	else
		report_table(d, r, cols, NELEM(cols), is_location);
	bullets(d, "In scope", "in scope");
	d->y += 4;
	bullets(d, "Out of scope", "out of scope");
}

/* ---- Statement of Applicability ---------------------------------------- */

static const char *
soa_reasons(struct pdf_doc *d, const struct ismc_cell *c)
{
	return text(d, &c[c[ISMC_SOA_JUSTIFICATION].kind != ISMC_CELL_NULL ?
	    ISMC_SOA_JUSTIFICATION : ISMC_SOA_REASONS], ", ");
}

static const char *
soa_status(struct pdf_doc *d, const struct ismc_cell *c)
{
	return spaced(d, str(&c[ISMC_SOA_STATUS]));
}

static const char *
clause_status(struct pdf_doc *d, const struct ismc_cell *c)
{
	return spaced(d, pdf_or_else(str(&c[ISMC_CLAUSE_STATUS]),
	    "not decided"));
}

/* The requirements outside the SoA part, which every organisation must
 * meet (ISO/IEC 27001 clauses 4 to 10), from the clauses report. */
static void
soa_clauses(struct pdf_doc *d, size_t fw)
{
	static const struct rcol cols[] = {
		{ { "Clause", 0.08, true }, ISMC_CLAUSE_ID, NULL, NULL },
		{ { "Title", 0.27, false }, ISMC_CLAUSE_TITLE, NULL, NULL },
		{ { "Status", 0.125, false }, -1, NULL, clause_status },
		{ { "Owner", 0.165, false }, ISMC_CLAUSE_OWNER_TITLE, NULL,
		    NULL },
		{ { "Documented information and references", 0.36, false },
		    ISMC_CLAUSE_REFERENCES, "\n", NULL },
	};
	const struct ismc_report *r = ismc_outputs_fw_report(d->out,
	    &ismc_report_clauses_def, fw);

	if (r == NULL)
		return;
	pdf_heading(d, 3, "Clauses", false);
	pdf_para(d, ismc_arena_printf(d->a, "The requirements every "
	    "organisation must meet, outside the Statement of Applicability, as "
	    "decided. %s They count in the coverage of the framework (section \"%s\").",
	    summary_text(d, r), ISMC_PDF_GAP), PDF_BODY, false, pdf_ink);
	report_table(d, r, cols, NELEM(cols), NULL);
}

static void
soa_framework(struct pdf_doc *d, size_t fw)
{
	static const struct rcol cols[] = {
		{ { "Control", 0.08, true }, ISMC_SOA_ID, NULL, NULL },
		{ { "Title", 0.18, false }, ISMC_SOA_TITLE, NULL, NULL },
		{ { "Applies", 0.085, false }, ISMC_SOA_APPLICABLE, NULL, NULL },
		{ { "Reasons or exclusion justification", 0.15, false }, -1,
		    NULL, soa_reasons },
		{ { "Status", 0.125, false }, -1, NULL, soa_status },
		{ { "Owner", 0.14, false }, ISMC_SOA_OWNER_TITLE, NULL, NULL },
		{ { "References", 0.24, false }, ISMC_SOA_REFERENCES, "\n",
		    NULL },
	};
	const struct ismc_report *r = ismc_outputs_fw_report(d->out,
	    &ismc_report_soa_def, fw);

	pdf_heading(d, 2, fw_name(d, fw),
	    true);
	pdf_para(d, summary_text(d, r), PDF_BODY, false, pdf_ink);
	report_table(d, r, cols, NELEM(cols), NULL);
	soa_clauses(d, fw);
}

void
pdf_soa(struct pdf_doc *d)
{
	const struct ismc_report *fws = frameworks(d);
	size_t i, n = 0;

	pdf_heading(d, 1, ISMC_PDF_SOA, true);
	pdf_para(d, "One row per requirement of each control framework, in "
	    "the framework's order, as the organisation decided it. "
	    "Requirement frameworks are assessed in the gap analysis.",
	    PDF_BODY, false, pdf_muted);
	for (i = 0; i < fws->nrows; i++) {
		if (!fws->rows[i][ISMC_FRAMEWORKS_CONTROLS].u.b)
			continue;
		soa_framework(d, i);
		n++;
	}
	if (n == 0)
		pdf_para(d, "No control framework in use.", PDF_BODY, false,
		    pdf_muted);
}

/* ---- risks ------------------------------------------------------------- */

/* "4 × 5 = 20 High\nHigh / Severe", from the likelihood column on. */
static const char *
rating(struct pdf_doc *d, const struct ismc_cell *row, int l, int ll, int i,
    int il, int score, int band)
{
	if (row[l].kind != ISMC_CELL_INT || row[i].kind != ISMC_CELL_INT)
		return "not rated";
	return ismc_arena_printf(d->a, "%lld " PDF_TIMES " %lld = %lld%s%s\n"
	    "%s / %s", (long long)row[l].u.i, (long long)row[i].u.i,
	    (long long)row[score].u.i, row[band].kind != ISMC_CELL_NULL ?
	    " " : "", text(d, &row[band], ""), text(d, &row[ll], ""),
	    text(d, &row[il], ""));
}

/* "Label: a, b", or "" for no items. */
static const char *
labelled_list(struct pdf_doc *d, const char *label, const struct ismc_cell *c)
{
	if (c->u.list.n == 0)
		return "";
	return ismc_arena_printf(d->a, "\n%s: %s", label, text(d, c, ", "));
}

static const char *
risk_description(struct pdf_doc *d, const struct ismc_cell *c)
{
	return ismc_arena_printf(d->a, "%s%s%s",
	    pdf_or_else(str(&c[ISMC_RISKS_TITLE]), c[ISMC_RISKS_ID].u.s),
	    labelled_list(d, "Assets", &c[ISMC_RISKS_ASSETS]),
	    labelled_list(d, "Threats", &c[ISMC_RISKS_THREATS]));
}

static const char *
risk_owner(struct pdf_doc *d, const struct ismc_cell *c)
{
	(void)d;
	return pdf_or_else(str(&c[ISMC_RISKS_OWNER_TITLE]),
	    pdf_or_else(str(&c[ISMC_RISKS_OWNER]), ""));
}

/* The impact per dimension under a rating, one per line, if rated so. */
static const char *
with_dims(struct pdf_doc *d, const char *rated, const struct ismc_cell *c)
{
	if (c->kind != ISMC_CELL_LIST || c->u.list.n == 0)
		return rated;
	return ismc_arena_printf(d->a, "%s\n%s", rated, text(d, c, "\n"));
}

static const char *
risk_inherent(struct pdf_doc *d, const struct ismc_cell *c)
{
	return with_dims(d, rating(d, c, ISMC_RISKS_LIKELIHOOD,
	    ISMC_RISKS_LIKELIHOOD_LABEL, ISMC_RISKS_IMPACT,
	    ISMC_RISKS_IMPACT_LABEL, ISMC_RISKS_SCORE, ISMC_RISKS_BAND),
	    &c[ISMC_RISKS_IMPACT_DIMS]);
}

static const char *
risk_residual(struct pdf_doc *d, const struct ismc_cell *c)
{
	if (!c[ISMC_RISKS_RES_RATED].u.b)
		return "not rated";
	return with_dims(d, rating(d, c, ISMC_RISKS_RES_LIKELIHOOD,
	    ISMC_RISKS_RES_LIKELIHOOD_LABEL, ISMC_RISKS_RES_IMPACT,
	    ISMC_RISKS_RES_IMPACT_LABEL, ISMC_RISKS_RES_SCORE,
	    ISMC_RISKS_RES_BAND), &c[ISMC_RISKS_RES_IMPACT_DIMS]);
}

static void
risk_register(struct pdf_doc *d, const struct ismc_report *r)
{
	static const struct rcol cols[] = {
		{ { "Risk", 0.09, true }, ISMC_RISKS_ID, NULL, NULL },
		{ { "Description", 0.37, false }, -1, NULL, risk_description },
		{ { "Owner", 0.14, false }, -1, NULL, risk_owner },
		{ { "Inherent", 0.2, false }, -1, NULL, risk_inherent },
		{ { "Residual", 0.2, false }, -1, NULL, risk_residual },
	};

	report_table(d, r, cols, NELEM(cols), NULL);
}

static const char *
above_text(const struct ismc_cell *c)
{
	return c->u.b ? "above" : "within";
}

static const char *
risk_treatment(struct pdf_doc *d, const struct ismc_cell *c)
{
	(void)d;
	return pdf_or_else(str(&c[ISMC_RISKS_TREATMENT]), "none");
}

static const char *
risk_treated_by(struct pdf_doc *d, const struct ismc_cell *c)
{
	if (c[ISMC_RISKS_TREATED_BY].u.list.n == 0)
		return "none";
	return text(d, &c[ISMC_RISKS_TREATED_BY], "\n");
}

static const char *
risk_scores(struct pdf_doc *d, const struct ismc_cell *c)
{
	return ismc_arena_printf(d->a, "%lld " PDF_ARROW " %lld",
	    (long long)c[ISMC_RISKS_SCORE].u.i,
	    (long long)c[ISMC_RISKS_RES_SCORE].u.i);
}

static const char *
risk_acceptance(struct pdf_doc *d, const struct ismc_cell *c)
{
	const char *crit, *by = str(&c[ISMC_RISKS_ACCEPTED_BY]);

	crit = c[ISMC_RISKS_ABOVE].kind == ISMC_CELL_NULL ? "no criterion" :
	    ismc_arena_printf(d->a, "%s before, %s after treatment",
	    above_text(&c[ISMC_RISKS_ABOVE]),
	    above_text(&c[ISMC_RISKS_RES_ABOVE]));
	if (by == NULL)
		return crit;
	/* "Accepted by ciso on 2026-06-15 until 2027-06-15, approved by
	 * board", EXPIRED when past its end. */
	return ismc_arena_printf(d->a, "%s\nAccepted by %s%s%s%s%s%s%s%s",
	    crit, by, c[ISMC_RISKS_ACCEPTED_ON].kind == ISMC_CELL_NULL ? "" :
	    " on ", text(d, &c[ISMC_RISKS_ACCEPTED_ON], ""),
	    c[ISMC_RISKS_ACCEPTED_UNTIL].kind == ISMC_CELL_NULL ? "" :
	    " until ", text(d, &c[ISMC_RISKS_ACCEPTED_UNTIL], ""),
	    c[ISMC_RISKS_APPROVED_BY].kind == ISMC_CELL_NULL ? "" :
	    ", approved by ", text(d, &c[ISMC_RISKS_APPROVED_BY], ""),
	    c[ISMC_RISKS_ACCEPTANCE_EXPIRED].kind == ISMC_CELL_BOOL &&
	    c[ISMC_RISKS_ACCEPTANCE_EXPIRED].u.b ? " EXPIRED" : "");
}

static void
treatment_plan(struct pdf_doc *d, const struct ismc_report *r)
{
	static const struct rcol cols[] = {
		{ { "Risk", 0.09, true }, ISMC_RISKS_ID, NULL, NULL },
		{ { "Treatment", 0.13, false }, -1, NULL, risk_treatment },
		{ { "Controls and measures (status)", 0.34, false }, -1, NULL,
		    risk_treated_by },
		{ { "Score", 0.16, false }, -1, NULL, risk_scores },
		{ { "Acceptance", 0.28, false }, -1, NULL, risk_acceptance },
	};

	report_table(d, r, cols, NELEM(cols), NULL);
}

/* The totals as a sentence, from the register's summary. */
static const char *
risk_totals(struct pdf_doc *d, const struct ismc_report *r)
{
	const struct ismc_report_field *s = r->summary;
	const char *acceptance;

	if (s[ISMC_RISKS_SUM_ACCEPTANCE].value.kind == ISMC_CELL_NULL)
		acceptance = "No acceptance criterion is set.";
	else
		acceptance = ismc_arena_printf(d->a, "Risks scoring up to %lld "
		    "may be accepted; %lld were above that before treatment "
		    "and %lld after.",
		    (long long)s[ISMC_RISKS_SUM_ACCEPTANCE].value.u.i,
		    (long long)s[ISMC_RISKS_SUM_ABOVE].value.u.i,
		    (long long)s[ISMC_RISKS_SUM_RES_ABOVE].value.u.i);
	return ismc_arena_printf(d->a, "%lld risks. Inherent score total "
	    "%lld, residual %lld: a reduction of %s%%. %s",
	    (long long)s[ISMC_RISKS_SUM_RISKS].value.u.i,
	    (long long)s[ISMC_RISKS_SUM_INHERENT].value.u.i,
	    (long long)s[ISMC_RISKS_SUM_RESIDUAL].value.u.i,
	    s[ISMC_RISKS_SUM_REDUCTION].value.kind == ISMC_CELL_NULL ? "0.0" :
	    text(d, &s[ISMC_RISKS_SUM_REDUCTION].value, ""), acceptance);
}

void
pdf_risks(struct pdf_doc *d)
{
	const struct ismc_report *r = ismc_outputs_report(d->out,
	    &ismc_report_risks_def, NULL);

	pdf_heading(d, 1, ISMC_PDF_RISKS, true);
	if (r->nrows == 0) {
		pdf_para(d, "No risks recorded.", PDF_BODY, false, pdf_muted);
		return;
	}
	pdf_para(d, risk_totals(d, r), PDF_BODY, false, pdf_ink);
	pdf_heading(d, 3, "Risk register", false);
	risk_register(d, r);
	pdf_heading(d, 3, "Treatment plan", false);
	treatment_plan(d, r);
}

void
pdf_heatmaps(struct pdf_doc *d)
{
	pdf_heading(d, 1, ISMC_PDF_HEATMAPS, true);
	pdf_chart(d, &ismc_chart_risk_def);
	pdf_chart(d, &ismc_chart_coverage_def);
}

/* ---- gap analysis ------------------------------------------------------ */

/* "36 (37.5%)": a count and its share of the assessed requirements. */
static const char *
count_pct(struct pdf_doc *d, size_t n, double share)
{
	if (share < 0)
		return count(d, n);
	return ismc_arena_printf(d->a, "%zu (%.1f%%)", n, share);
}

/* The coverage index, "53.6", or "n/a" with nothing assessed. */
static const char *
index_text(struct pdf_doc *d, double v)
{
	return v < 0 ? "n/a" : ismc_arena_printf(d->a, "%.1f", v);
}

/*
 * The five figures of a coverage cell, into r[0..4]: from the gap
 * analysis, assessed and full, partial and gap side by side with their
 * shares and the coverage index; counted from the SoA, applicable,
 * implemented, partial, open and the share implemented.
 */
static void
cell_figures(struct pdf_doc *d, const struct ismc_coverage_cell *c, bool gap,
    const char **r)
{
	r[0] = count(d, c->applicable);
	if (gap) {
		r[1] = count_pct(d, c->full, c->pct);
		r[2] = count_pct(d, c->partial, c->partial_pct);
		r[3] = count_pct(d, c->open, c->open_pct);
		r[4] = index_text(d, c->index);
	} else {
		r[1] = count(d, c->full);
		r[2] = count(d, c->partial);
		r[3] = count(d, c->open + c->planned);
		r[4] = pct(d, c->pct);
	}
}

/* Coverage of one framework per group and its total: from the gap
 * analysis, or implementation counted from its SoA. */
static void
group_table(struct pdf_doc *d, const struct ismc_coverage_row *row, bool gap)
{
	static const struct pdf_col cols[] = {
		{ "Group", 0.08, true },
		{ "Title", 0.3, false },
		{ "Assessed", 0.1, false },
		{ "Full", 0.13, false },
		{ "Partial", 0.13, false },
		{ "Gap", 0.13, false },
		{ "Coverage index", 0.13, false },
	};
	static const struct pdf_col soa_cols[] = {
		{ "Group", 0.1, true },
		{ "Title", 0.31, false },
		{ "Applicable", 0.12, false },
		{ "Implemented", 0.13, false },
		{ "Partial", 0.09, false },
		{ "Open", 0.09, false },
		{ "Implemented (%)", 0.16, false },
	};
	const struct ismc_coverage_cell *c;
	const char *r[7];
	struct pdf_table t;
	size_t i;

	pdf_table_begin(d, &t, gap ? cols : soa_cols, 7);
	for (i = 0; i <= row->ncells; i++) {
		c = i < row->ncells ? &row->cells[i] : &row->total;
		r[0] = i < row->ncells ? c->group : "All";
		r[1] = i < row->ncells ? pdf_or_else(c->title, "") : "";
		cell_figures(d, c, gap, &r[2]);
		pdf_table_row(d, &t, r);
	}
	pdf_table_end(d);
}

/* Not fully covered, and assessed. */
static bool
gap_open(const struct ismc_cell *c)
{
	const char *st = c[ISMC_GAPREP_STATUS].u.s;

	return strcmp(st, "full") != 0 && strcmp(st, "excluded") != 0;
}

static const char *
gap_status(struct pdf_doc *d, const struct ismc_cell *c)
{
	return spaced(d, c[ISMC_GAPREP_STATUS].u.s);
}

/* The credit, with the sum that gave it when partial. */
static const char *
gap_credit(struct pdf_doc *d, const struct ismc_cell *c)
{
	const char *basis = str(&c[ISMC_GAPREP_CREDIT_BASIS]);

	return basis != NULL ? basis : text(d, &c[ISMC_GAPREP_CREDIT], "");
}

/* The evidence that decides the status; the residuals left to close are
 * in the plan below the table. */
static const char *
gap_evidence(struct pdf_doc *d, const struct ismc_cell *c)
{
	const char *best = str(&c[ISMC_GAPREP_BEST]);

	if (best == NULL)
		return "nothing reaches it";
	return ismc_arena_printf(d->a, "%s (%s)", best,
	    pdf_or_else(str(&c[ISMC_GAPREP_RELATION]), "relation unknown"));
}

/* "165 requirements, 165 assessed: 45 full (27.3%), ..." */
static const char *
gap_totals(struct pdf_doc *d, const struct ismc_report *r)
{
	const struct ismc_report_field *s = r->summary;

	return ismc_arena_printf(d->a, "%lld requirements, %lld assessed "
	    "(%lld excluded): %lld fully covered (%s), %lld partly (%s), "
	    "%lld gaps (%s; %lld with no counterpart). Coverage index %s.",
	    (long long)s[ISMC_GAPREP_SUM_REQUIREMENTS].value.u.i,
	    (long long)s[ISMC_GAPREP_SUM_ASSESSED].value.u.i,
	    (long long)s[ISMC_GAPREP_SUM_EXCLUDED].value.u.i,
	    (long long)s[ISMC_GAPREP_SUM_FULL].value.u.i,
	    pct_cell(d, &s[ISMC_GAPREP_SUM_FULL_PCT].value),
	    (long long)s[ISMC_GAPREP_SUM_PARTIAL].value.u.i,
	    pct_cell(d, &s[ISMC_GAPREP_SUM_PARTIAL_PCT].value),
	    (long long)s[ISMC_GAPREP_SUM_GAP].value.u.i,
	    pct_cell(d, &s[ISMC_GAPREP_SUM_GAP_PCT].value),
	    (long long)s[ISMC_GAPREP_SUM_NO_COUNTERPART].value.u.i,
	    text(d, &s[ISMC_GAPREP_SUM_INDEX].value, ""));
}

/* What a plan step asks: the controls, or the residual, or own work. */
static const char *
plan_what(struct pdf_doc *d, const struct ismc_cell *c)
{
	const struct ismc_cell *ctl = &c[ISMC_PLAN_CONTROL];
	const char *res = str(&c[ISMC_PLAN_RESIDUAL]);
	const char *title = pdf_or_else(str(&c[ISMC_PLAN_TITLE]), "");
	const char *what;

	if (ctl->kind == ISMC_CELL_LIST && ctl->u.list.n > 0)
		what = ismc_arena_printf(d->a, "%s (now %s)",
		    text(d, ctl, ", "), text(d, &c[ISMC_PLAN_STATUS], ", "));
	else if (res == NULL)
		what = ismc_arena_printf(d->a, "Meet it directly: %s", title);
	else
		what = title;
	if (res != NULL)
		what = ismc_arena_printf(d->a, "%s%sClose: %s", ctl->kind ==
		    ISMC_CELL_LIST && ctl->u.list.n > 0 ? what : "",
		    ctl->kind == ISMC_CELL_LIST && ctl->u.list.n > 0 ? "\n" :
		    "", res);
	return what;
}

static const char *
plan_action(struct pdf_doc *d, const struct ismc_cell *c)
{
	const char *f = str(&c[ISMC_PLAN_FOR]);

	if (f == NULL)
		return text(d, &c[ISMC_PLAN_ACTION], "");
	return ismc_arena_printf(d->a, "%s\nfor %s", text(d,
	    &c[ISMC_PLAN_ACTION], ""), f);
}

static const char *
plan_after(struct pdf_doc *d, const struct ismc_cell *c)
{
	return ismc_arena_printf(d->a, "%s (%s)", text(d,
	    &c[ISMC_PLAN_FULL_AFTER], ""), pct_cell(d,
	    &c[ISMC_PLAN_PCT_AFTER]));
}

/* The remediation plan of a framework: what to do next, in order. */
static void
plan_table(struct pdf_doc *d, size_t fw)
{
	static const struct rcol cols[] = {
		{ { "Step", 0.06, true }, ISMC_PLAN_RANK, NULL, NULL },
		{ { "Action", 0.17, false }, -1, NULL, plan_action },
		{ { "What to do", 0.5, false }, -1, NULL, plan_what },
		{ { "Made full", 0.1, false }, ISMC_PLAN_GAIN, NULL, NULL },
		{ { "Full after", 0.17, false }, -1, NULL, plan_after },
	};
	const struct ismc_report *r = ismc_outputs_fw_report(d->out,
	    &ismc_report_remediation_def, fw);

	pdf_heading(d, 3, "Remediation plan", false);
	if (r == NULL || r->nrows == 0) {
		pdf_para(d, "Nothing to do: every assessed requirement is "
		    "fully covered.", PDF_BODY, false, pdf_muted);
		return;
	}
	pdf_para(d, ismc_arena_printf(d->a, "%zu steps, best first: each "
	    "makes the most requirements full for its effort; together they "
	    "make every assessed requirement full. A residual is closed by a "
	    "measure of the organisation's own.", r->nrows), PDF_TABLE + 1,
	    false, pdf_muted);
	report_table(d, r, cols, NELEM(cols), NULL);
}

/* A framework a mapping set targets: its gap report and its plan. */
static void
gap_framework(struct pdf_doc *d, size_t fw,
    const struct ismc_report *r, const struct ismc_coverage_row *row)
{
	static const struct rcol cols[] = {
		{ { "Requirement", 0.13, true }, ISMC_GAPREP_ID, NULL, NULL },
		{ { "Title", 0.25, false }, ISMC_GAPREP_TITLE, NULL, NULL },
		{ { "Coverage", 0.1, false }, -1, NULL, gap_status },
		{ { "Credit, and its sum", 0.24, false }, -1, NULL,
		    gap_credit },
		{ { "Best evidence (relation)", 0.28, false }, -1, NULL,
		    gap_evidence },
	};

	pdf_heading(d, 2, fw_name(d, fw),
	    true);
	pdf_para(d, gap_totals(d, r), PDF_BODY, false, pdf_ink);
	if (row != NULL)
		group_table(d, row, true);
	pdf_heading(d, 3, "Requirements not fully covered", false);
	pdf_para(d, "What a mapping leaves of a requirement (its residual) is "
	    "listed in the remediation plan below, as work to do.",
	    PDF_TABLE + 1, false, pdf_muted);
	if (report_table(d, r, cols, NELEM(cols), gap_open) == 0)
		pdf_para(d, "Every assessed requirement is fully covered.",
		    PDF_BODY, false, pdf_muted);
	plan_table(d, fw);
}

/* Applicable (or undecided) and not implemented. */
static bool
soa_open(const struct ismc_cell *c)
{
	const char *app = c[ISMC_SOA_APPLICABLE].u.s, *st;

	st = str(&c[ISMC_SOA_STATUS]);
	return strcmp(app, "no") != 0 && !(strcmp(app, "yes") == 0 &&
	    st != NULL && strcmp(st, "implemented") == 0);
}

static const char *
soa_open_status(struct pdf_doc *d, const struct ismc_cell *c)
{
	if (strcmp(c[ISMC_SOA_APPLICABLE].u.s, "undecided") == 0)
		return "undecided";
	return spaced(d, pdf_or_else(str(&c[ISMC_SOA_STATUS]), "unset"));
}

static const char *
soa_owner(struct pdf_doc *d, const struct ismc_cell *c)
{
	(void)d;
	return pdf_or_else(str(&c[ISMC_SOA_OWNER_TITLE]),
	    pdf_or_else(str(&c[ISMC_SOA_OWNER]), ""));
}

/* A framework no mapping set targets: what its SoA says is implemented. */
/* A clause not implemented. */
static bool
clause_open(const struct ismc_cell *c)
{
	const char *st = str(&c[ISMC_CLAUSE_STATUS]);

	return st == NULL || strcmp(st, "implemented") != 0;
}

/*
 * The hub of the crosswalks as the gap analysis counts it: its SoA part
 * and its clauses together, the figures of the coverage report, then the
 * clauses not implemented.
 */
static void
hub_coverage(struct pdf_doc *d, size_t fw,
    const struct ismc_coverage_row *row)
{
	static const struct rcol cols[] = {
		{ { "Clause", 0.14, true }, ISMC_CLAUSE_ID, NULL, NULL },
		{ { "Title", 0.46, false }, ISMC_CLAUSE_TITLE, NULL, NULL },
		{ { "Status", 0.16, false }, -1, NULL, clause_status },
		{ { "Owner", 0.24, false }, ISMC_CLAUSE_OWNER_TITLE, NULL,
		    NULL },
	};
	const struct ismc_report *r = ismc_outputs_fw_report(d->out,
	    &ismc_report_clauses_def, fw);
	const struct ismc_coverage_cell *n = &row->total;

	pdf_heading(d, 3, "Coverage, clauses included", false);
	pdf_para(d, ismc_arena_printf(d->a, "As the gap analysis counts it, "
	    "with its clauses, under the rules stated at the start of this "
	    "section: %zu assessed, %s full, %s partial, %s gap; coverage "
	    "index %s.", n->applicable,
	    count_pct(d, n->full, n->pct), count_pct(d, n->partial,
	    n->partial_pct), count_pct(d, n->open, n->open_pct),
	    index_text(d, n->index)), PDF_BODY, false, pdf_ink);
	group_table(d, row, true);
	if (r == NULL)
		return;
	pdf_heading(d, 3, "Clauses not implemented", false);
	if (report_table(d, r, cols, NELEM(cols), clause_open) == 0)
		pdf_para(d, "Every clause is implemented.", PDF_BODY, false,
		    pdf_muted);
}

static void
soa_framework_gaps(struct pdf_doc *d, size_t fw,
    const struct ismc_coverage_row *row, const struct ismc_coverage_row *grow)
{
	static const struct rcol cols[] = {
		{ { "Requirement", 0.14, true }, ISMC_SOA_ID, NULL, NULL },
		{ { "Title", 0.46, false }, ISMC_SOA_TITLE, NULL, NULL },
		{ { "Status", 0.16, false }, -1, NULL, soa_open_status },
		{ { "Owner", 0.24, false }, -1, NULL, soa_owner },
	};
	const struct ismc_report *r = ismc_outputs_fw_report(d->out,
	    &ismc_report_soa_def, fw);
	const struct ismc_coverage_cell *n = &row->total;

	pdf_heading(d, 2, fw_name(d, fw),
	    true);
	pdf_para(d, ismc_arena_printf(d->a, "%zu requirements, %zu applicable: "
	    "%zu implemented, %zu partly, %zu planned, %zu open; %zu "
	    "excluded. Implemented: %s of the applicable requirements.",
	    n->total, n->applicable, n->full, n->partial, n->planned, n->open,
	    n->excluded, pct(d, n->pct)), PDF_BODY, false, pdf_ink);
	group_table(d, row, false);
	pdf_heading(d, 3, "Applicable requirements not implemented", false);
	if (report_table(d, r, cols, NELEM(cols), soa_open) == 0)
		pdf_para(d, "Every applicable requirement is implemented.",
		    PDF_BODY, false, pdf_muted);
	if (grow != NULL)
		hub_coverage(d, fw, grow);
}

/* What the figures mean and how to recompute them, said once. */
static void
gap_method(struct pdf_doc *d, const struct ismc_coverage *cov)
{
	pdf_para(d, ismc_arena_printf(d->a, "Coverage of each framework by "
	    "the organisation's controls, directly and through %zu mapping "
	    "sets (%zu rows), under the %s policy: %s", cov->nsets,
	    cov->nmaprows, cov->policy, strcmp(cov->policy, "strict") == 0 ?
	    "a requirement is full when an implemented control, or a set of "
	    "implemented controls together, contains it (equal or superset) "
	    "and what the mapping leaves of it (its residual) is closed; "
	    "partial when some evidence meets part of it; a gap otherwise." :
	    "a requirement is full when every control mapped to it is "
	    "implemented and its residual is closed, or when the strict rule "
	    "makes it full; partial when some evidence meets part of it; a "
	    "gap otherwise."), PDF_BODY, false, pdf_muted);
	pdf_para(d, ismc_arena_printf(d->a, "Full, partial and gap are "
	    "shares of the assessed requirements (those the framework's own "
	    "Statement of Applicability does not exclude). The coverage index "
	    "is 100 × the sum of the credits of the assessed requirements / "
	    "their number: a full requirement counts 1, a gap 0, and a "
	    "partial one the credit of its best evidence, capped at 0.9: "
	    "strength/10 × 1 for an implemented control (× 1/2 partly "
	    "implemented), or strength/10 × the share of a covering set in "
	    "place (met members, partly met ones counting 1/2, and its "
	    "residual, closed 1, open 0)%s. The table of requirements not "
	    "fully covered shows each credit with its sum; the index adds "
	    "the exact credits, so a sum of the two-place figures may differ "
	    "in its last digit. ismc's doc/coverage.md, section 11, gives the "
	    "rules.", strcmp(cov->policy, "strict") == 0 ? "" : ", or the "
	    "strongest mapped row's strength/10 × the share of the mapped "
	    "controls implemented (partly implemented ones counting 1/2)"),
	    PDF_BODY, false, pdf_muted);
}

void
pdf_gap(struct pdf_doc *d)
{
	const struct ismc_coverage *cov = ismc_outputs_coverage(d->out);
	const struct ismc_coverage *soa = ismc_outputs_soa_coverage(d->out);
	const struct ismc_report *r;
	const char *id;
	size_t fw, n = frameworks(d)->nrows;

	pdf_heading(d, 1, ISMC_PDF_GAP, true);
	if (n == 0) {
		pdf_para(d, "No framework in use.", PDF_BODY, false, pdf_muted);
		return;
	}
	if (cov->policy != NULL)
		gap_method(d, cov);
	else
		pdf_para(d, "No crosswalk gap analysis ran for this build: the "
		    "figures below count the implementation status recorded "
		    "in each framework's Statement of Applicability.", PDF_BODY,
		    false, pdf_muted);
	for (fw = 0; fw < n; fw++) {
		id = fw_id(d, fw);
		r = ismc_outputs_fw_report(d->out, &ismc_report_gap_def, fw);
		if (r != NULL)
			gap_framework(d, fw, r, ismc_coverage_row(cov, id));
		else
			soa_framework_gaps(d, fw, ismc_coverage_row(soa, id),
			    ismc_coverage_row(cov, id));
	}
}

/* ---- KPIs, audits, review ---------------------------------------------- */

static const char *
kpi_result(struct pdf_doc *d, const struct ismc_cell *c)
{
	return ismc_arena_printf(d->a, "%s %s", text(d, &c[ISMC_KPIS_RESULT],
	    ""), text(d, &c[ISMC_KPIS_UNIT], ""));
}

void
pdf_kpis(struct pdf_doc *d)
{
	static const struct rcol cols[] = {
		{ { "KPI", 0.11, true }, ISMC_KPIS_ID, NULL, NULL },
		{ { "Title", 0.33, false }, ISMC_KPIS_TITLE, NULL, NULL },
		{ { "Target", 0.15, false }, ISMC_KPIS_TARGET, NULL, NULL },
		{ { "Result", 0.1, false }, -1, NULL, kpi_result },
		{ { "Met", 0.07, false }, ISMC_KPIS_MET, NULL, NULL },
		{ { "Period", 0.1, false }, ISMC_KPIS_PERIOD, NULL, NULL },
		{ { "Owner", 0.14, false }, ISMC_KPIS_OWNER, NULL, NULL },
	};
	const struct ismc_report *r = ismc_outputs_report(d->out,
	    &ismc_report_kpis_def, NULL);

	pdf_heading(d, 1, ISMC_PDF_KPIS, true);
	if (r->nrows == 0) {
		pdf_para(d, "No KPIs recorded.", PDF_BODY, false, pdf_muted);
		return;
	}
	pdf_chart(d, &ismc_chart_kpi_def);
	report_table(d, r, cols, NELEM(cols), NULL);
}

/* "Title\nScope: scope", or the title alone. */
static const char *
audit_title(struct pdf_doc *d, const struct ismc_cell *c)
{
	const char *title = pdf_or_else(str(&c[ISMC_AUDITS_TITLE]),
	    "");
	const char *scope = str(&c[ISMC_AUDITS_SCOPE]);

	return scope != NULL ? ismc_arena_printf(d->a, "%s\nScope: %s", title,
	    scope) : title;
}

/* "2026-03-02 to 2026-03-04", or the first day alone. */
static const char *
audit_dates(struct pdf_doc *d, const struct ismc_cell *c)
{
	const char *from = text(d, &c[ISMC_AUDITS_FROM], "");

	if (c[ISMC_AUDITS_TO].kind == ISMC_CELL_NULL)
		return from;
	return ismc_arena_printf(d->a, "%s to %s", from,
	    text(d, &c[ISMC_AUDITS_TO], ""));
}

/* The audit programme, from the audits table (report-findings.h). */
static void
audit_table(struct pdf_doc *d)
{
	static const struct rcol cols[] = {
		{ { "Audit", 0.11, true }, ISMC_AUDITS_ID, NULL, NULL },
		{ { "Title and scope", 0.36, false }, -1, NULL, audit_title },
		{ { "Type", 0.09, false }, ISMC_AUDITS_TYPE, NULL, NULL },
		{ { "Dates", 0.14, false }, -1, NULL, audit_dates },
		{ { "Auditor", 0.19, false }, ISMC_AUDITS_AUDITOR, NULL, NULL },
		{ { "Findings", 0.11, false }, ISMC_AUDITS_FINDINGS, NULL,
		    NULL },
	};

	report_table(d, ismc_outputs_report(d->out, &ismc_report_audits_def,
	    NULL), cols, NELEM(cols), NULL);
}

/* "A-1 Title (open, ciso, due 2026-01-31) OVERDUE", one per line, from
 * the parallel action columns. */
static const char *
actions_text(struct pdf_doc *d, const struct ismc_cell *c)
{
	const struct ismc_cell *ids = &c[ISMC_FINDINGS_ACTIONS];
	const char *own, *due;
	struct ismc_buf b;
	const char *s;
	size_t i;

	if (ids->u.list.n == 0)
		return "none needed";
	ismc_buf_init(&b);
	for (i = 0; i < ids->u.list.n; i++) {
		own = c[ISMC_FINDINGS_OWNERS].u.list.items[i];
		due = c[ISMC_FINDINGS_DUE].u.list.items[i];
		ismc_buf_printf(&b, "%s%s (%s%s%s%s%s)", i > 0 ? "\n" : "",
		    ids->u.list.items[i],
		    c[ISMC_FINDINGS_STATUS].u.list.items[i],
		    strcmp(own, "-") != 0 ? ", " : "",
		    strcmp(own, "-") != 0 ? own : "",
		    strcmp(due, "-") != 0 ? ", due " : "",
		    strcmp(due, "-") != 0 ? due : "");
		if (strcmp(c[ISMC_FINDINGS_ACTION_OVERDUE].u.list.items[i],
		    "yes") == 0)
			ismc_buf_adds(&b, " OVERDUE");
	}
	s = ismc_arena_strdup(d->a, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

/* Controls, then "clause 9.2" for each clause. */
static const char *
refs_text(struct pdf_doc *d, const struct ismc_cell *c)
{
	const struct ismc_cell *cl = &c[ISMC_FINDINGS_CLAUSES];
	const char **v;
	size_t i, n = c[ISMC_FINDINGS_CONTROLS].u.list.n;

	v = ismc_report_strv(d->a, n + cl->u.list.n);
	for (i = 0; i < n; i++)
		v[i] = c[ISMC_FINDINGS_CONTROLS].u.list.items[i];
	for (i = 0; i < cl->u.list.n; i++)
		v[n + i] = ismc_arena_printf(d->a, "clause %s",
		    cl->u.list.items[i]);
	return text(d, &(struct ismc_cell){ .kind = ISMC_CELL_LIST,
	    .u.list = { v, n + cl->u.list.n } }, ", ");
}

static const char *
finding_title(struct pdf_doc *d, const struct ismc_cell *c)
{
	(void)d;
	return pdf_or_else(str(&c[ISMC_FINDINGS_TITLE]), "");
}

static void
findings_table(struct pdf_doc *d, const struct ismc_report *r)
{
	static const struct rcol cols[] = {
		{ { "Finding", 0.1, true }, ISMC_FINDINGS_ID, NULL, NULL },
		{ { "Kind", 0.12, false }, ISMC_FINDINGS_KIND, NULL, NULL },
		{ { "Title", 0.25, false }, -1, NULL, finding_title },
		{ { "Controls, clauses", 0.13, false }, -1, NULL, refs_text },
		{ { "Corrective actions", 0.32, false }, -1, NULL,
		    actions_text },
		{ { "Closed", 0.08, false }, ISMC_FINDINGS_CLOSED, NULL, NULL },
	};

	report_table(d, r, cols, NELEM(cols), NULL);
}

void
pdf_audits(struct pdf_doc *d)
{
	const struct ismc_report *r = ismc_outputs_report(d->out,
	    &ismc_report_findings_def, NULL);

	pdf_heading(d, 1, ISMC_PDF_AUDITS, true);
	if (ismc_outputs_report(d->out, &ismc_report_audits_def,
	    NULL)->nrows == 0)
		pdf_para(d, "No audits recorded.", PDF_BODY, false, pdf_muted);
	else
		audit_table(d);
	pdf_heading(d, 3, "Findings and corrective actions", false);
	if (r->nrows == 0)
		pdf_para(d, "No findings recorded.", PDF_BODY, false,
		    pdf_muted);
	else
		findings_table(d, r);
}

/* ---- roadmap ----------------------------------------------------------- */

/* "2024-01-08 to 2024-02-16" for a phase, else the date. */
static const char *
road_dates(struct pdf_doc *d, const struct ismc_cell *row)
{
	const char *to = text(d, &row[ISMC_ROADMAP_DATE], ", ");

	if (row[ISMC_ROADMAP_FROM].kind == ISMC_CELL_NULL)
		return to;
	return ismc_arena_printf(d->a, "%s to %s", text(d,
	    &row[ISMC_ROADMAP_FROM], ", "), to);
}

/* "planned, overdue by 30 days": the status and lateness in words. */
static const char *
road_state(struct pdf_doc *d, const struct ismc_cell *row)
{
	const char *st = text(d, &row[ISMC_ROADMAP_STATUS], ", ");

	if (row[ISMC_ROADMAP_DAYS_LATE].kind != ISMC_CELL_INT)
		return st;
	return ismc_arena_printf(d->a, "%s%sOVERDUE by %s days", st,
	    *st != '\0' ? ", " : "", text(d, &row[ISMC_ROADMAP_DAYS_LATE],
	    ", "));
}

void
pdf_roadmap(struct pdf_doc *d)
{
	static const struct rcol cols[] = {
		{ { "Date", 0.16, false }, -1, NULL, road_dates },
		{ { "Kind", 0.11, false }, ISMC_ROADMAP_KIND, NULL, NULL },
		{ { "Id", 0.1, true }, ISMC_ROADMAP_ID, NULL, NULL },
		{ { "Title", 0.29, false }, ISMC_ROADMAP_TITLE, NULL, NULL },
		{ { "Owner", 0.11, false }, ISMC_ROADMAP_OWNER, NULL, NULL },
		{ { "Phase", 0.07, false }, ISMC_ROADMAP_PHASE, NULL, NULL },
		{ { "Status", 0.16, false }, -1, NULL, road_state },
	};
	const struct ismc_report *r = ismc_outputs_report(d->out,
	    &ismc_report_roadmap_def, NULL);

	if (r == NULL)
		return;
	pdf_heading(d, 1, ISMC_PDF_ROADMAP, true);
	pdf_para(d, summary_text(d, r), PDF_BODY, false, pdf_muted);
	pdf_chart(d, &ismc_chart_timeline_def);
	report_table(d, r, cols, NELEM(cols), NULL);
}

static void
coverage_summary(struct pdf_doc *d)
{
	static const struct pdf_col cols[] = {
		{ "Framework", 0.35, true },
		{ "Assessed", 0.1, false },
		{ "Full", 0.14, false },
		{ "Partial", 0.14, false },
		{ "Gap", 0.14, false },
		{ "Coverage index", 0.13, false },
	};
	static const struct pdf_col soa_cols[] = {
		{ "Framework", 0.4, true },
		{ "Applicable", 0.12, false },
		{ "Implemented", 0.12, false },
		{ "Partial", 0.12, false },
		{ "Open", 0.12, false },
		{ "Implemented (%)", 0.12, false },
	};
	const struct ismc_coverage *cov = ismc_outputs_coverage(d->out);
	const struct ismc_coverage_cell *c;
	const struct ismc_coverage_row *r;
	bool gap = cov->nrows != 0;
	const char *row[6];
	struct pdf_table t;
	size_t i;

	pdf_heading(d, 3, "Coverage per framework", false);
	if (gap)
		pdf_para(d, ismc_arena_printf(d->a, "Assessed requirements "
		    "fully covered, partly covered and not covered, and the "
		    "coverage index, under the %s policy (section \"%s\").",
		    cov->policy, ISMC_PDF_GAP), PDF_TABLE + 1, false,
		    pdf_muted);
	else {
		pdf_para(d, "Implementation of the applicable requirements, "
		    "from each framework's Statement of Applicability (no "
		    "crosswalk gap analysis ran).", PDF_TABLE + 1, false,
		    pdf_muted);
		cov = ismc_outputs_soa_coverage(d->out);
	}
	if (cov->nrows == 0) {
		pdf_para(d, "No framework in use.", PDF_BODY, false, pdf_muted);
		return;
	}
	pdf_table_begin(d, &t, gap ? cols : soa_cols, 6);
	for (i = 0; i < cov->nrows; i++) {
		r = &cov->rows[i];
		c = &r->total;
		row[0] = pdf_or_else(r->title, r->framework);
		cell_figures(d, c, gap, &row[1]);
		pdf_table_row(d, &t, row);
	}
	pdf_table_end(d);
}

void
pdf_review(struct pdf_doc *d)
{
	static const struct rcol cols[] = {
		{ { "Topic", 0.34, true }, ISMC_REVIEW_TOPIC, NULL, NULL },
		{ { "Figure", 0.12, false }, ISMC_REVIEW_FIGURE, NULL, NULL },
		{ { "Detail", 0.54, false }, ISMC_REVIEW_DETAIL, NULL, NULL },
	};
	const struct ismc_report *r = ismc_outputs_report(d->out,
	    &ismc_report_review_def, NULL);
	struct ismc_date as_of;
	bool has_as_of = date_of(fact(d, ISMC_ISMS_SUM_AS_OF), &as_of);

	pdf_heading(d, 1, ISMC_PDF_REVIEW, true);
	pdf_para(d, ismc_arena_printf(d->a, "Figures for the management "
	    "review (ISO/IEC 27001:2022 clause 9.3), derived from the "
	    "specification as of %s.", pdf_or_else(human_date(d->a,
	    has_as_of, as_of), "its date")), PDF_BODY, false,
	    pdf_muted);
	report_table(d, r, cols, NELEM(cols), NULL);
	coverage_summary(d);
}

/* ---- certification readiness --------------------------------------------- */

/* The state in capitals where it holds the certification up. */
static const char *
readiness_state(struct pdf_doc *d, const struct ismc_cell *c)
{
	const char *s = text(d, &c[ISMC_READINESS_STATE], "");

	if (strcmp(s, "missing") == 0)
		return "MISSING";
	if (strcmp(s, "stale") == 0)
		return "STALE";
	return s;
}

/* "6.1.3 implemented, ciso": the clause decision beside the item. */
static const char *
readiness_decision(struct pdf_doc *d, const struct ismc_cell *c)
{
	if (c[ISMC_READINESS_DECISION].kind == ISMC_CELL_NULL)
		return "not decided";
	return ismc_arena_printf(d->a, "%s %s%s%s",
	    text(d, &c[ISMC_READINESS_DECISION], ""),
	    pdf_or_else(str(&c[ISMC_READINESS_STATUS]), "no status"),
	    c[ISMC_READINESS_OWNER].kind == ISMC_CELL_NULL ? "" : ", ",
	    text(d, &c[ISMC_READINESS_OWNER], ""));
}

void
pdf_readiness(struct pdf_doc *d)
{
	static const struct rcol cols[] = {
		{ { "Clause", 0.08, true }, ISMC_READINESS_CLAUSE, NULL, NULL },
		{ { "Documented information", 0.22, false },
		    ISMC_READINESS_ITEM, NULL, NULL },
		{ { "State", 0.09, false }, -1, NULL, readiness_state },
		{ { "Basis", 0.27, false }, ISMC_READINESS_BASIS, NULL, NULL },
		{ { "Where in the spec", 0.16, false }, ISMC_READINESS_SOURCES,
		    "\n", NULL },
		{ { "Clause decision", 0.18, false }, -1, NULL,
		    readiness_decision },
	};
	const struct ismc_report *r = ismc_outputs_report(d->out,
	    &ismc_report_readiness_def, NULL);
	const struct ismc_report_field *f;

	if (r == NULL)
		return;
	f = r->summary;
	pdf_heading(d, 1, ISMC_PDF_READINESS, true);
	pdf_para(d, ismc_arena_printf(d->a, "The documented information "
	    "ISO/IEC 27001:2022 requires, as a Stage 1 audit reads it: "
	    "present (the spec names it), derived (ismc produces it from the "
	    "spec), missing, or stale on the as-of date. Ready for Stage 1: "
	    "%s. %s present, %s derived, %s missing, %s stale; %s of %s "
	    "clauses decided, %s implemented.",
	    text(d, &f[ISMC_READINESS_SUM_READY].value, ""),
	    text(d, &f[ISMC_READINESS_SUM_PRESENT].value, ""),
	    text(d, &f[ISMC_READINESS_SUM_DERIVED].value, ""),
	    text(d, &f[ISMC_READINESS_SUM_MISSING].value, ""),
	    text(d, &f[ISMC_READINESS_SUM_STALE].value, ""),
	    text(d, &f[ISMC_READINESS_SUM_DECIDED].value, ""),
	    text(d, &f[ISMC_READINESS_SUM_CLAUSES].value, ""),
	    text(d, &f[ISMC_READINESS_SUM_IMPLEMENTED].value, "")),
	    PDF_BODY, false, pdf_muted);
	report_table(d, r, cols, NELEM(cols), NULL);
}

/* ---- appendix: the inputs ------------------------------------------------ */

/* "examples/x.isms" over its digest: the digest is as long as a column. */
static const char *
input_file(struct pdf_doc *d, const struct ismc_cell *c)
{
	return ismc_arena_printf(d->a, "%s\nSHA-256 %s",
	    text(d, &c[ISMC_INPUTS_PATH], ""),
	    text(d, &c[ISMC_INPUTS_SHA256], ""));
}

static const char *
input_origin(struct pdf_doc *d, const struct ismc_cell *c)
{
	const char *fmt = str(&c[ISMC_INPUTS_FORMAT]);
	bool shipped = c[ISMC_INPUTS_SHIPPED].kind == ISMC_CELL_BOOL &&
	    c[ISMC_INPUTS_SHIPPED].u.b;

	if (fmt == NULL)
		return "";
	return ismc_arena_printf(d->a, "%s%s", fmt, shipped ?
	    ", shipped with ismc" : "");
}

void
pdf_inputs(struct pdf_doc *d)
{
	static const struct rcol cols[] = {
		{ { "Kind", 0.11, true }, ISMC_INPUTS_KIND, NULL, NULL },
		{ { "File and content digest", 0.49, false }, -1, NULL,
		    input_file },
		{ { "Ids", 0.2, false }, ISMC_INPUTS_IDS, ", ", NULL },
		{ { "Format", 0.2, false }, -1, NULL, input_origin },
	};
	const struct ismc_report *r = ismc_outputs_report(d->out,
	    &ismc_report_inputs_def, NULL);

	pdf_heading(d, 1, ISMC_PDF_INPUTS, true);
	pdf_para(d, "The files this report was made from: every spec, "
	    "catalog, mapping set and licensed texts file the build used, "
	    "with the SHA-256 digest of its content. A catalog or mapping "
	    "set not shipped with ismc is one the organisation supplied.",
	    PDF_BODY, false, pdf_muted);
	report_table(d, r, cols, NELEM(cols), NULL);
}
