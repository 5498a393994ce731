/*
 * report-isms.h - the spec's cover facts and the frameworks it uses, as
 * the documents show them.
 *
 * Both tables are internal (backend.h): they restate the spec's own
 * declarations, which every report's metadata already names in part, for
 * the renderers that set a cover, a scope statement or a section per
 * framework without reading the IR.
 *
 * isms: one row per scope boundary item, the locations first, then what
 * is in scope and what is out of it, each in the spec's order; the
 * summary holds the cover facts and the as-of date.
 *
 * frameworks: one row per framework in the order the spec uses them. Row
 * i is the framework whose reports ismc_outputs_fw_report(out, def, i)
 * returns.
 */
#ifndef ISMC_REPORT_ISMS_H
#define ISMC_REPORT_ISMS_H

struct ismc_arena;
struct ismc_ir;
struct ismc_report;

enum ismc_isms_col {			/* ORDER ISMS_COLUMNS */
	ISMC_ISMS_KIND,			/* "location", "in scope",
					 * "out of scope" */
	ISMC_ISMS_ID,			/* a location's id; else null */
	ISMC_ISMS_TEXT,
	ISMC_ISMS_NCOLUMNS
};

enum ismc_isms_sum {			/* ORDER ISMS_SUMMARY */
	ISMC_ISMS_SUM_TITLE,		/* label of the isms block */
	ISMC_ISMS_SUM_ORGANISATION,
	ISMC_ISMS_SUM_INDUSTRY,
	ISMC_ISMS_SUM_EMPLOYEES,	/* integer, or null */
	ISMC_ISMS_SUM_VERSION,
	ISMC_ISMS_SUM_DATE,		/* "YYYY-MM-DD", or null */
	ISMC_ISMS_SUM_SCOPE,		/* the scope statement */
	ISMC_ISMS_SUM_AS_OF,		/* "YYYY-MM-DD", or null */
	ISMC_ISMS_NSUM
};

enum ismc_frameworks_col {		/* ORDER FRAMEWORK_COLUMNS */
	ISMC_FRAMEWORKS_ID,		/* catalog id */
	ISMC_FRAMEWORKS_TITLE,		/* catalog title, or null */
	ISMC_FRAMEWORKS_NAME,		/* the title, else the id */
	ISMC_FRAMEWORKS_CONTROLS,	/* a control catalog: it has an SoA */
	ISMC_FRAMEWORKS_ENTITY,		/* the legal entity it binds, or
					 * null for the whole ISMS */
	ISMC_FRAMEWORKS_NCOLUMNS
};

struct ismc_report *ismc_report_isms(const struct ismc_ir *,
	    struct ismc_arena *);
struct ismc_report *ismc_report_frameworks(const struct ismc_ir *,
	    struct ismc_arena *);

extern const struct ismc_report_def ismc_report_isms_def;
extern const struct ismc_report_def ismc_report_frameworks_def;

#endif
