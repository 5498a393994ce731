/*
 * report-soa.h - the Statement of Applicability of a control catalog.
 *
 * soa-<catalog>: one row per requirement, in catalog order, with its
 * decision, status, owner, references, measures and risks.
 */
#ifndef ISMC_REPORT_SOA_H
#define ISMC_REPORT_SOA_H

#include <stddef.h>

struct ismc_arena;
struct ismc_ir;
struct ismc_ir_framework;
struct ismc_report;

enum ismc_soa_col {			/* ORDER SOA_COLUMNS */
	ISMC_SOA_ID,
	ISMC_SOA_THEME,
	ISMC_SOA_TITLE,
	ISMC_SOA_TEXT,			/* omitted when no texts were loaded */
	ISMC_SOA_APPLICABLE,		/* "yes", "no", "undecided" */
	ISMC_SOA_REASONS,
	ISMC_SOA_JUSTIFICATION,
	ISMC_SOA_STATUS,
	ISMC_SOA_OWNER,
	ISMC_SOA_OWNER_TITLE,
	ISMC_SOA_REFERENCES,
	ISMC_SOA_MEASURES,
	ISMC_SOA_RISKS,
	ISMC_SOA_NCOLUMNS
};

struct ismc_report *ismc_report_soa(const struct ismc_ir *,
	    const struct ismc_ir_framework *, struct ismc_arena *);

extern const struct ismc_report_def ismc_report_soa_def;

#endif
