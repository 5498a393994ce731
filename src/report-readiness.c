/*
 * report-readiness.c - certification readiness: the documented information
 * ISO/IEC 27001 requires, from the readiness analysis.
 */
#include <config.h>

#include "report-readiness.h"

#include <stdint.h>

#include "arena.h"
#include "backend.h"
#include "catalog.h"
#include "ir.h"
#include "readiness.h"
#include "report.h"

/* ORDER READINESS_COLUMNS */
static const struct ismc_report_column readiness_columns[] = {
	[ISMC_READINESS_CLAUSE] = { "clause", "Clause" },
	[ISMC_READINESS_ITEM] = { "item", "Documented information" },
	[ISMC_READINESS_STATE] = { "state", "State" },
	[ISMC_READINESS_BASIS] = { "basis", "Basis" },
	[ISMC_READINESS_SOURCES] = { "sources", "Where in the spec" },
	[ISMC_READINESS_DECISION] = { "decision", "Clause decided" },
	[ISMC_READINESS_STATUS] = { "status", "Status" },
	[ISMC_READINESS_OWNER] = { "owner", "Owner" },
	[ISMC_READINESS_DOCUMENTED] = { "documented", "Documented" },
};

/* ORDER READINESS_SUMMARY */
static const struct ismc_report_key readiness_summary[] = {
	[ISMC_READINESS_SUM_READY] = { "ready", "Ready for Stage 1" },
	[ISMC_READINESS_SUM_PRESENT] = { "present", "Present" },
	[ISMC_READINESS_SUM_DERIVED] = { "derived", "Derived" },
	[ISMC_READINESS_SUM_MISSING] = { "missing", "Missing" },
	[ISMC_READINESS_SUM_STALE] = { "stale", "Stale" },
	[ISMC_READINESS_SUM_CLAUSES] = { "clauses", "Clauses 4 to 10" },
	[ISMC_READINESS_SUM_DECIDED] = { "clauses_decided", "Clauses decided" },
	[ISMC_READINESS_SUM_IMPLEMENTED] = { "clauses_implemented",
	    "Clauses implemented" },
};

static void
decision_cells(struct ismc_arena *a, const struct ismc_ir_control *c,
    struct ismc_cell *row)
{
	const char **v;
	size_t i;

	if (c == NULL)
		return;
	row[ISMC_READINESS_DECISION] = ismc_cell_str(c->req->id);
	row[ISMC_READINESS_STATUS] = ismc_cell_str(c->status ==
	    ISMC_STATUS_UNSET ? NULL : ismc_status_name(c->status));
	row[ISMC_READINESS_OWNER] = ismc_cell_str(c->owner ? c->owner->id :
	    NULL);
	v = ismc_report_strv(a, c->nrefs);
	for (i = 0; i < c->nrefs; i++)
		v[i] = c->refs[i].text;
	row[ISMC_READINESS_DOCUMENTED] = ismc_cell_list(v, c->nrefs);
}

struct ismc_report *
ismc_report_readiness(const struct ismc_ir *ir, struct ismc_arena *a)
{
	const struct ismc_readiness *rd = ir->readiness;
	struct ismc_report *r;
	struct ismc_cell *row;
	size_t i;

	if (rd == NULL)
		return NULL;
	r = ismc_report_new(a, "readiness", "Certification readiness",
	    readiness_columns, ISMC_READINESS_NCOLUMNS);
	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_meta(r, "as_of", "As of", ismc_cell_date(a,
	    ir->has_as_of ? &ir->as_of : NULL));
	ismc_report_add_generator(r);
	for (i = 0; i < rd->nitems; i++) {
		const struct ismc_readiness_item *it = &rd->items[i];

		row = ismc_report_add_row(r);
		row[ISMC_READINESS_CLAUSE] = ismc_cell_str(it->clause);
		row[ISMC_READINESS_ITEM] = ismc_cell_str(it->item);
		row[ISMC_READINESS_STATE] = ismc_cell_str(
		    ismc_ready_state_name(it->state));
		row[ISMC_READINESS_BASIS] = ismc_cell_str(it->basis);
		row[ISMC_READINESS_SOURCES] = ismc_cell_list(it->sources,
		    it->nsources);
		decision_cells(a, it->decision, row);
	}
	ismc_report_add_summary_at(r, readiness_summary,
	    ISMC_READINESS_SUM_READY, ismc_cell_bool(rd->ready));
	for (i = 0; i < ISMC_READY_NSTATES; i++)
		ismc_report_add_summary_at(r, readiness_summary,
		    ISMC_READINESS_SUM_PRESENT + i,
		    ismc_cell_int((int64_t)rd->count[i]));
	ismc_report_add_summary_at(r, readiness_summary,
	    ISMC_READINESS_SUM_CLAUSES, ismc_cell_int((int64_t)rd->clauses));
	ismc_report_add_summary_at(r, readiness_summary,
	    ISMC_READINESS_SUM_DECIDED, ismc_cell_int((int64_t)rd->decided));
	ismc_report_add_summary_at(r, readiness_summary,
	    ISMC_READINESS_SUM_IMPLEMENTED,
	    ismc_cell_int((int64_t)rd->implemented));
	return r;
}

const struct ismc_report_def ismc_report_readiness_def = {
	.name = "readiness",
	.scope = ISMC_SCOPE_BUILD,
	.build = ismc_report_readiness,
};
