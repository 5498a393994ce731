/*
 * report-kpis.h - information security objectives and KPIs.
 *
 * kpis: one row per KPI in natural id order, its target as the spec words
 * it, its result and whether it met the target.
 */
#ifndef ISMC_REPORT_KPIS_H
#define ISMC_REPORT_KPIS_H

#include <stddef.h>

struct ismc_arena;
struct ismc_ir;
struct ismc_report;

enum ismc_kpis_col {			/* ORDER KPI_COLUMNS */
	ISMC_KPIS_ID,
	ISMC_KPIS_TITLE,
	ISMC_KPIS_TARGET,		/* "at least 99.9%" */
	ISMC_KPIS_RESULT,		/* null without a result */
	ISMC_KPIS_UNIT,
	ISMC_KPIS_MET,			/* null without a result */
	ISMC_KPIS_PERIOD,
	ISMC_KPIS_OWNER,
	ISMC_KPIS_CONTROLS,
	/* Internal: for the KPI chart, not serialised. */
	ISMC_KPIS_TARGET_VALUE,		/* the target as a number */
	ISMC_KPIS_COMPARISON,		/* "<", "<=", ">", ">=", "=" */
	ISMC_KPIS_TARGET_TEXT,		/* the target's number as written */
	ISMC_KPIS_RESULT_TEXT,		/* the result's; null without one */
	ISMC_KPIS_NCOLUMNS
};

enum ismc_kpis_sum {			/* ORDER KPI_SUMMARY */
	ISMC_KPIS_SUM_KPIS,
	ISMC_KPIS_SUM_MET,
	ISMC_KPIS_NSUM
};

struct ismc_report *ismc_report_kpis(const struct ismc_ir *,
	    struct ismc_arena *);
/* KPIs with a result that met their target (for the management review). */
size_t	ismc_kpis_met(const struct ismc_ir *);

extern const struct ismc_report_def ismc_report_kpis_def;

#endif
