/*
 * report-readiness.h - certification readiness.
 *
 * readiness: one row per item of documented information ISO/IEC 27001
 * requires, in clause order, with its state (present, derived, missing,
 * stale), what the state rests on, the places in the spec it comes from
 * and the decision of its clause. Written when the spec uses a catalog
 * with the ISMS clauses (readiness.h).
 */
#ifndef ISMC_REPORT_READINESS_H
#define ISMC_REPORT_READINESS_H

struct ismc_arena;
struct ismc_ir;
struct ismc_report;

enum ismc_readiness_col {		/* ORDER READINESS_COLUMNS */
	ISMC_READINESS_CLAUSE,		/* "6.1.3 d" */
	ISMC_READINESS_ITEM,
	ISMC_READINESS_STATE,		/* "present", "derived", ... */
	ISMC_READINESS_BASIS,
	ISMC_READINESS_SOURCES,		/* "soa.isms:12", ... */
	ISMC_READINESS_DECISION,	/* the clause decided: "6.1.3" */
	ISMC_READINESS_STATUS,		/* its status; null: not decided */
	ISMC_READINESS_OWNER,
	ISMC_READINESS_DOCUMENTED,	/* its documented information */
	ISMC_READINESS_NCOLUMNS
};

enum ismc_readiness_sum {		/* ORDER READINESS_SUMMARY */
	ISMC_READINESS_SUM_READY,
	ISMC_READINESS_SUM_PRESENT,
	ISMC_READINESS_SUM_DERIVED,
	ISMC_READINESS_SUM_MISSING,
	ISMC_READINESS_SUM_STALE,
	ISMC_READINESS_SUM_CLAUSES,
	ISMC_READINESS_SUM_DECIDED,
	ISMC_READINESS_SUM_IMPLEMENTED,
	ISMC_READINESS_NSUM
};

struct ismc_report *ismc_report_readiness(const struct ismc_ir *,
	    struct ismc_arena *);

extern const struct ismc_report_def ismc_report_readiness_def;

#endif
