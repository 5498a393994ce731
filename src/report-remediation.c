/*
 * report-remediation.c - the remediation plan of one framework: the gap
 * analysis' greedy plan, in order of gain.
 */
#include <config.h>

#include "report-remediation.h"

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "backend.h"
#include "catalog.h"
#include "gap.h"
#include "ir.h"
#include "report-gap.h"
#include "report.h"

/* ORDER PLAN_COLUMNS */
static const struct ismc_report_column plan_columns[] = {
	[ISMC_PLAN_RANK] = { "rank", "Rank" },
	[ISMC_PLAN_CONTROL] = { "control", "Control" },
	[ISMC_PLAN_TITLE] = { "title", "Title" },
	[ISMC_PLAN_STATUS] = { "status", "Current status" },
	[ISMC_PLAN_GAIN] = { "gain", "Requirements made full" },
	[ISMC_PLAN_FULL_AFTER] = { "full_after", "Full after" },
	[ISMC_PLAN_PCT_AFTER] = { "coverage_after", "Coverage after (%)" },
	[ISMC_PLAN_POLICY] = { "policy", "Coverage policy" },
};

static void
add_pct(struct ismc_report *r, const char *key, const char *label,
    size_t part, const struct ismc_gap_count *n)
{
	ismc_report_add_summary(r, key, label,
	    ismc_cell_dec(ismc_gap_pct(part, n), 1));
}

/* Gaps and partials no single control can make full. */
static size_t
left_open(const struct ismc_gap_fw *gf)
{
	size_t after = gf->n.full;

	if (gf->nplan > 0)
		after = gf->plan[gf->nplan - 1].full_after;
	return gf->n.total - gf->n.excluded - after;
}

static void
add_plan_summary(struct ismc_report *r, const struct ismc_gap *gap,
    const struct ismc_gap_fw *gf)
{
	const struct ismc_gap_count *n = &gf->n;
	size_t after = gf->nplan > 0 ? gf->plan[gf->nplan - 1].full_after :
	    n->full;

	ismc_report_add_summary(r, "policy", "Coverage policy",
	    ismc_cell_str(ismc_gap_policy_name(gap->policy)));
	ismc_report_add_summary(r, "assessed", "Assessed requirements",
	    ismc_cell_int((int64_t)(n->total - n->excluded)));
	ismc_report_add_summary(r, "full_before", "Fully covered now",
	    ismc_cell_int((int64_t)n->full));
	add_pct(r, "full_before_pct", "Fully covered now (%)", n->full, n);
	ismc_report_add_summary(r, "controls", "Controls in the plan",
	    ismc_cell_int((int64_t)gf->nplan));
	ismc_report_add_summary(r, "full_after", "Fully covered after the plan",
	    ismc_cell_int((int64_t)after));
	add_pct(r, "full_after_pct", "Fully covered after the plan (%)",
	    after, n);
	ismc_report_add_summary(r, "left_open",
	    "Still not full: no single mapped control would close them",
	    ismc_cell_int((int64_t)left_open(gf)));
}

struct ismc_report *
ismc_report_remediation(const struct ismc_ir *ir,
    const struct ismc_ir_framework *fw, struct ismc_arena *a)
{
	const struct ismc_gap_step *s;
	const struct ismc_gap_fw *gf;
	struct ismc_report *r;
	struct ismc_cell *row;
	const char *policy;
	size_t i;

	r = ismc_report_gap_new(ir, fw, a, "remediation", "Remediation plan",
	    plan_columns, ISMC_PLAN_NCOLUMNS, &gf);
	if (r == NULL)
		return NULL;
	policy = ismc_gap_policy_name(ir->gap->policy);
	for (i = 0; i < gf->nplan; i++) {
		s = &gf->plan[i];
		row = ismc_report_add_row(r);
		row[ISMC_PLAN_RANK] = ismc_cell_int((int64_t)(i + 1));
		row[ISMC_PLAN_CONTROL] = ismc_cell_str(ismc_gap_qname(a,
		    s->control->req));
		row[ISMC_PLAN_TITLE] = ismc_cell_str(s->control->req->title);
		row[ISMC_PLAN_STATUS] = ismc_cell_str(
		    ismc_report_control_status(s->control));
		row[ISMC_PLAN_GAIN] = ismc_cell_int((int64_t)s->gain);
		row[ISMC_PLAN_FULL_AFTER] = ismc_cell_int(
		    (int64_t)s->full_after);
		row[ISMC_PLAN_PCT_AFTER] = ismc_cell_dec(ismc_gap_pct(
		    s->full_after, &gf->n), 1);
		row[ISMC_PLAN_POLICY] = ismc_cell_str(policy);
	}
	add_plan_summary(r, ir->gap, gf);
	return r;
}

const struct ismc_report_def ismc_report_remediation_def = {
	.name = "remediation",
	.scope = ISMC_SCOPE_FRAMEWORK,
	.build_fw = ismc_report_remediation,
};
