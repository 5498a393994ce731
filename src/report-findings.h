/*
 * report-findings.h - audit findings and their corrective actions, and the
 * audit programme they come from.
 *
 * findings: one row per finding in natural id order; the action columns
 * are parallel lists, one item per corrective action.
 *
 * audits (internal, backend.h): the audit programme as the spec declares
 * it, one row per audit by date then id, for the PDF's and the HTML
 * page's programme table.
 */
#ifndef ISMC_REPORT_FINDINGS_H
#define ISMC_REPORT_FINDINGS_H

#include <stddef.h>

struct ismc_arena;
struct ismc_ir;
struct ismc_report;

enum ismc_findings_col {		/* ORDER FINDING_COLUMNS */
	ISMC_FINDINGS_ID,
	ISMC_FINDINGS_AUDIT,
	ISMC_FINDINGS_KIND,
	ISMC_FINDINGS_TITLE,
	ISMC_FINDINGS_CONTROLS,
	ISMC_FINDINGS_CLAUSES,
	ISMC_FINDINGS_ACTIONS,		/* "<id> <title>" */
	ISMC_FINDINGS_OWNERS,		/* "-" when not given */
	ISMC_FINDINGS_DUE,		/* "-" when not given */
	ISMC_FINDINGS_STATUS,
	ISMC_FINDINGS_OVERDUE,		/* some action is overdue */
	ISMC_FINDINGS_CLOSED,
	/* Internal: for the PDF, not serialised. */
	ISMC_FINDINGS_ACTION_OVERDUE,	/* per action: "yes" or "no" */
	ISMC_FINDINGS_NCOLUMNS
};

enum ismc_audits_col {			/* ORDER AUDIT_COLUMNS */
	ISMC_AUDITS_ID,
	ISMC_AUDITS_TITLE,
	ISMC_AUDITS_SCOPE,
	ISMC_AUDITS_TYPE,		/* "internal" or "external" */
	ISMC_AUDITS_FROM,		/* first day, or null */
	ISMC_AUDITS_TO,			/* last day, or null */
	ISMC_AUDITS_AUDITOR,
	ISMC_AUDITS_FINDINGS,		/* how many */
	ISMC_AUDITS_NCOLUMNS
};

/* Counts of findings: open and closed, and by enum ismc_finding_kind. */
struct ismc_findings_count {
	size_t		 open, closed;
	size_t		 by_kind[4];
};

struct ismc_report *ismc_report_findings(const struct ismc_ir *,
	    struct ismc_arena *);
/* Counts the findings (for the management review). Improvements and
 * observations need no action to close. */
void	ismc_findings_count(const struct ismc_ir *,
	    struct ismc_findings_count *);

struct ismc_report *ismc_report_audits(const struct ismc_ir *,
	    struct ismc_arena *);

extern const struct ismc_report_def ismc_report_findings_def;
extern const struct ismc_report_def ismc_report_audits_def;

#endif
