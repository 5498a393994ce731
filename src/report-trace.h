/*
 * report-trace.h - the traceability matrix.
 *
 * traceability: one row per (control, requirement) pair that a mapping
 * relates, in long format; then each measure against what it covers.
 * Made only when a gap analysis ran.
 */
#ifndef ISMC_REPORT_TRACE_H
#define ISMC_REPORT_TRACE_H

struct ismc_arena;
struct ismc_ir;
struct ismc_report;

enum ismc_trace_col {			/* ORDER TRACE_COLUMNS */
	ISMC_TRACE_CONTROL,
	ISMC_TRACE_STATUS,
	ISMC_TRACE_FRAMEWORK,
	ISMC_TRACE_REQUIREMENT,
	ISMC_TRACE_RELATION,
	ISMC_TRACE_PROVENANCE,
	ISMC_TRACE_STRENGTH,
	ISMC_TRACE_NCOLUMNS
};

/* NULL when no gap analysis ran. */
struct ismc_report *ismc_report_trace(const struct ismc_ir *,
	    struct ismc_arena *);

extern const struct ismc_report_def ismc_report_trace_def;

#endif
