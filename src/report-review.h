/*
 * report-review.h - derived figures for the management review.
 *
 * review: one row per figure (risk reduction, risks above acceptance,
 * KPIs met, findings open, stale evidence, coverage per framework), each
 * with a topic, the figure and a detail line.
 */
#ifndef ISMC_REPORT_REVIEW_H
#define ISMC_REPORT_REVIEW_H

struct ismc_arena;
struct ismc_ir;
struct ismc_report;

enum ismc_review_col {			/* ORDER REVIEW_COLUMNS */
	ISMC_REVIEW_TOPIC,
	ISMC_REVIEW_FIGURE,		/* integer, decimal or null */
	ISMC_REVIEW_DETAIL,
	ISMC_REVIEW_NCOLUMNS
};

struct ismc_report *ismc_report_review(const struct ismc_ir *,
	    struct ismc_arena *);

extern const struct ismc_report_def ismc_report_review_def;

#endif
