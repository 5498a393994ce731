/*
 * report-soa.h - the Statement of Applicability of a control catalog.
 *
 * soa-<catalog>: one row per requirement, in catalog order, with its
 * decision, status, owner, references, measures and risks.
 *
 * clauses-<catalog>: the requirements of the catalog outside its SoA part,
 * which every organisation must meet (ISO/IEC 27001 clauses 4 to 10), each
 * with its status, owner and the documented information evidencing it.
 * Only for a catalog that has such requirements.
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

enum ismc_clause_col {			/* ORDER CLAUSE_COLUMNS */
	ISMC_CLAUSE_ID,
	ISMC_CLAUSE_HEADING,		/* title of the top-level clause */
	ISMC_CLAUSE_TITLE,
	ISMC_CLAUSE_STATUS,		/* null: not decided */
	ISMC_CLAUSE_OWNER,
	ISMC_CLAUSE_OWNER_TITLE,
	ISMC_CLAUSE_REFERENCES,		/* "documented: ...", as written */
	ISMC_CLAUSE_MEASURES,
	ISMC_CLAUSE_NCOLUMNS
};

struct ismc_report *ismc_report_soa(const struct ismc_ir *,
	    const struct ismc_ir_framework *, struct ismc_arena *);
/* NULL when the catalog has no requirement outside its SoA part. */
struct ismc_report *ismc_report_clauses(const struct ismc_ir *,
	    const struct ismc_ir_framework *, struct ismc_arena *);

extern const struct ismc_report_def ismc_report_soa_def;
extern const struct ismc_report_def ismc_report_clauses_def;

#endif
