/*
 * report-remediation.c - the remediation plan of one framework: the gap
 * analysis' plan, in order of gain (doc/coverage.md, section 12).
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
	[ISMC_PLAN_ACTION] = { "action", "Action" },
	[ISMC_PLAN_FOR] = { "for", "For requirement" },
	[ISMC_PLAN_RESIDUAL] = { "residual", "Residual to close" },
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

/* Assessed requirements still not full after the plan: none, as the
 * plan ends with own work for whatever mappings cannot make full. */
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
	ismc_report_add_summary(r, "coverage_index", "Coverage index now",
	    ismc_cell_dec(ismc_gap_index(n), 1));
	ismc_report_add_summary(r, "controls", "Steps in the plan",
	    ismc_cell_int((int64_t)gf->nplan));
	ismc_report_add_summary(r, "full_after", "Fully covered after the plan",
	    ismc_cell_int((int64_t)after));
	add_pct(r, "full_after_pct", "Fully covered after the plan (%)",
	    after, n);
	ismc_report_add_summary(r, "left_open",
	    "Still not full after the plan",
	    ismc_cell_int((int64_t)left_open(gf)));
}

/*
 * What a step asks for: the controls to implement with their current
 * statuses, the requirement it was chosen for, and the residual to close
 * (a measure of the organisation's own). An "own work" step names the
 * requirement itself: no mapping can make it full.
 */
static void
fill_step(struct ismc_arena *a, struct ismc_cell *row,
    const struct ismc_gap_step *s)
{
	const char **ids, **st;
	size_t i;

	ids = ISMC_NEW_ARRAY(a, const char *, s->ncontrols ? s->ncontrols : 1);
	st = ISMC_NEW_ARRAY(a, const char *, s->ncontrols ? s->ncontrols : 1);
	for (i = 0; i < s->ncontrols; i++) {
		ids[i] = ismc_gap_qname(a, s->controls[i]->req);
		st[i] = ismc_report_control_status(s->controls[i]);
	}
	row[ISMC_PLAN_ACTION] = ismc_cell_str(ismc_gap_step_kind_name(
	    s->kind));
	if (s->kind != ISMC_GAP_STEP_OWN) {
		row[ISMC_PLAN_CONTROL] = ismc_cell_list(ids, s->ncontrols);
		row[ISMC_PLAN_STATUS] = ismc_cell_list(st, s->ncontrols);
	}
	if (s->target != NULL)
		row[ISMC_PLAN_FOR] = ismc_cell_str(ismc_gap_qname(a,
		    s->target));
	if (s->kind == ISMC_GAP_STEP_CONTROL)
		row[ISMC_PLAN_TITLE] = ismc_cell_str(s->control->req->title);
	else if (s->target != NULL)
		row[ISMC_PLAN_TITLE] = ismc_cell_str(s->target->title);
	if (s->residual != NULL)
		row[ISMC_PLAN_RESIDUAL] = ismc_cell_str(s->residual);
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
		fill_step(a, row, s);
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
