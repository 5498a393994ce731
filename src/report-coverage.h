/*
 * report-coverage.h - coverage of every framework, overall and per group.
 *
 * coverage: for each framework the gap analysis covers, one row for the
 * framework as a whole and one per top-level group, with full, partial
 * and gap side by side and the coverage index, as numbers. It is the
 * table the coverage heatmap and the PDF show, for a reader or a tool
 * that wants the figures without the per-requirement rows. It exists
 * only when a gap analysis ran.
 */
#ifndef ISMC_REPORT_COVERAGE_H
#define ISMC_REPORT_COVERAGE_H

struct ismc_arena;
struct ismc_ir;
struct ismc_report;

enum ismc_covrep_col {			/* ORDER COVERAGE_COLUMNS */
	ISMC_COVREP_FRAMEWORK,		/* catalog id */
	ISMC_COVREP_GROUP,		/* group id; null: the framework */
	ISMC_COVREP_TITLE,		/* group or framework title */
	ISMC_COVREP_ASSESSED,
	ISMC_COVREP_EXCLUDED,
	ISMC_COVREP_FULL,
	ISMC_COVREP_FULL_PCT,
	ISMC_COVREP_PARTIAL,
	ISMC_COVREP_PARTIAL_PCT,
	ISMC_COVREP_GAP,
	ISMC_COVREP_GAP_PCT,
	ISMC_COVREP_INDEX,
	ISMC_COVREP_POLICY,		/* as in the metadata: a CSV file
					 * read alone says its rule */
	ISMC_COVREP_NCOLUMNS
};

/* NULL when no gap analysis ran. */
struct ismc_report *ismc_report_coverage(const struct ismc_ir *,
	    struct ismc_arena *);

extern const struct ismc_report_def ismc_report_coverage_def;

#endif
