/*
 * report-coverage.c - coverage of every framework, overall and per group,
 * from the coverage table (coverage.h) the charts and the PDF show.
 */
#include <config.h>

#include "report-coverage.h"

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "backend.h"
#include "coverage.h"
#include "gap.h"
#include "ir.h"
#include "report.h"

/* ORDER COVERAGE_COLUMNS */
static const struct ismc_report_column coverage_columns[] = {
	[ISMC_COVREP_FRAMEWORK] = { "framework", "Framework" },
	[ISMC_COVREP_GROUP] = { "group", "Group" },
	[ISMC_COVREP_TITLE] = { "title", "Title" },
	[ISMC_COVREP_ASSESSED] = { "assessed", "Assessed" },
	[ISMC_COVREP_EXCLUDED] = { "excluded", "Excluded" },
	[ISMC_COVREP_FULL] = { "full", "Full" },
	[ISMC_COVREP_FULL_PCT] = { "full_pct", "Full (%)" },
	[ISMC_COVREP_PARTIAL] = { "partial", "Partial" },
	[ISMC_COVREP_PARTIAL_PCT] = { "partial_pct", "Partial (%)" },
	[ISMC_COVREP_GAP] = { "gap", "Gap" },
	[ISMC_COVREP_GAP_PCT] = { "gap_pct", "Gap (%)" },
	[ISMC_COVREP_INDEX] = { "coverage_index", "Coverage index" },
	[ISMC_COVREP_POLICY] = { "policy", "Coverage policy" },
};

/* A share from the coverage table, null with nothing assessed. */
static struct ismc_cell
share(double pct)
{
	return pct >= 0 ? ismc_cell_dec(pct, 1) : ismc_cell_null();
}

static void
fill_row(struct ismc_cell *row, const struct ismc_coverage *cov,
    const struct ismc_coverage_row *fw, const struct ismc_coverage_cell *c,
    const char *group, const char *title)
{
	row[ISMC_COVREP_FRAMEWORK] = ismc_cell_str(fw->framework);
	row[ISMC_COVREP_GROUP] = ismc_cell_str(group);
	row[ISMC_COVREP_TITLE] = ismc_cell_str(title);
	row[ISMC_COVREP_ASSESSED] = ismc_cell_int((int64_t)c->applicable);
	row[ISMC_COVREP_EXCLUDED] = ismc_cell_int((int64_t)c->excluded);
	row[ISMC_COVREP_FULL] = ismc_cell_int((int64_t)c->full);
	row[ISMC_COVREP_FULL_PCT] = share(c->pct);
	row[ISMC_COVREP_PARTIAL] = ismc_cell_int((int64_t)c->partial);
	row[ISMC_COVREP_PARTIAL_PCT] = share(c->partial_pct);
	row[ISMC_COVREP_GAP] = ismc_cell_int((int64_t)c->open);
	row[ISMC_COVREP_GAP_PCT] = share(c->open_pct);
	row[ISMC_COVREP_INDEX] = c->index >= 0 ? ismc_cell_dec(c->index, 1) :
	    ismc_cell_null();
	row[ISMC_COVREP_POLICY] = ismc_cell_str(cov->policy);
}

struct ismc_report *
ismc_report_coverage(const struct ismc_ir *ir, struct ismc_arena *a)
{
	const struct ismc_coverage_row *fw;
	struct ismc_coverage *cov;
	struct ismc_report *r;
	size_t i, j;

	if (ir->gap == NULL)
		return NULL;
	cov = ismc_coverage_from_gap(ir->gap, a);
	r = ismc_report_new(a, "coverage", "Coverage per framework and group",
	    coverage_columns, ISMC_COVREP_NCOLUMNS);
	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_meta(r, "policy", "Coverage policy",
	    ismc_cell_str(cov->policy));
	ismc_report_add_generator(r);
	for (i = 0; i < cov->nrows; i++) {
		fw = &cov->rows[i];
		fill_row(ismc_report_add_row(r), cov, fw, &fw->total, NULL,
		    fw->title);
		for (j = 0; j < fw->ncells; j++)
			fill_row(ismc_report_add_row(r), cov, fw, &fw->cells[j],
			    fw->cells[j].group, fw->cells[j].title);
	}
	return r;
}

const struct ismc_report_def ismc_report_coverage_def = {
	.name = "coverage",
	.scope = ISMC_SCOPE_BUILD,
	.build = ismc_report_coverage,
};
