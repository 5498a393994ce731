/*
 * report-inputs.h - what the build read.
 *
 * inputs: one row per spec, catalog, mapping set and licensed texts file
 * the build used, with the ids it gave, its format, whether it is one of
 * ismc's own files and its SHA-256 digest, so that a reader can tell
 * which Annex A or which crosswalk every other report was made from.
 */
#ifndef ISMC_REPORT_INPUTS_H
#define ISMC_REPORT_INPUTS_H

struct ismc_arena;
struct ismc_ir;
struct ismc_report;

enum ismc_inputs_col {			/* ORDER INPUTS_COLUMNS */
	ISMC_INPUTS_KIND,		/* "spec", "catalog", "mapping set",
					 * "texts" */
	ISMC_INPUTS_PATH,
	ISMC_INPUTS_IDS,		/* list: catalog or mapping-set ids */
	ISMC_INPUTS_FORMAT,		/* null for a spec */
	ISMC_INPUTS_SHIPPED,
	ISMC_INPUTS_SHA256,
	ISMC_INPUTS_NCOLUMNS
};

enum ismc_inputs_sum {			/* ORDER INPUTS_SUMMARY */
	ISMC_INPUTS_SUM_FILES,
	ISMC_INPUTS_SUM_NOT_SHIPPED,	/* catalogs and sets not ismc's */
	ISMC_INPUTS_NSUM
};

struct ismc_report *ismc_report_inputs(const struct ismc_ir *,
	    struct ismc_arena *);

extern const struct ismc_report_def ismc_report_inputs_def;

#endif
