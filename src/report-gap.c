/*
 * report-gap.c - the gap analysis and remediation plan of one framework.
 *
 * gap-<catalog>: one row per requirement in catalog order, with its
 * coverage status and what reaches it; the summary gives counts and
 * percentages overall and per top-level group. remediation-<catalog>:
 * the greedy plan, in order of gain. Both carry the coverage policy in
 * their metadata and in a column, so a CSV file read on its own still
 * says which rule produced its numbers. Both exist only for frameworks
 * that some mapping set in use targets: the hub of a crosswalk (ISO
 * 27001 Annex A) has its SoA instead.
 */
#include <config.h>

#include "report.h"

#include <math.h>
#include <stddef.h>

#include "arena.h"
#include "catalog.h"
#include "gap.h"
#include "ir.h"
#include "rcc5.h"

enum gap_col {				/* ORDER GAP_COLUMNS */
	GAP_ID,
	GAP_GROUP,
	GAP_TITLE,
	GAP_STATUS,
	GAP_REACHING,
	GAP_BEST,
	GAP_RELATION,
	GAP_INFERRED,
	GAP_PROVENANCE,
	GAP_STRENGTH,
	GAP_POLICY,
	GAP_NCOLUMNS
};

/* ORDER GAP_COLUMNS */
static const struct ismc_report_column gap_columns[] = {
	[GAP_ID] = { "id", "Requirement" },
	[GAP_GROUP] = { "group", "Group" },
	[GAP_TITLE] = { "title", "Title" },
	[GAP_STATUS] = { "status", "Coverage" },
	[GAP_REACHING] = { "reaching", "Reaching controls" },
	[GAP_BEST] = { "best_control", "Best control" },
	[GAP_RELATION] = { "relation", "Best relation" },
	[GAP_INFERRED] = { "inferred", "Inferred" },
	[GAP_PROVENANCE] = { "provenance", "Provenance" },
	[GAP_STRENGTH] = { "strength", "Strength" },
	[GAP_POLICY] = { "policy", "Coverage policy" },
};

enum plan_col {				/* ORDER PLAN_COLUMNS */
	PLAN_RANK,
	PLAN_CONTROL,
	PLAN_TITLE,
	PLAN_STATUS,
	PLAN_GAIN,
	PLAN_FULL_AFTER,
	PLAN_PCT_AFTER,
	PLAN_POLICY,
	PLAN_NCOLUMNS
};

/* ORDER PLAN_COLUMNS */
static const struct ismc_report_column plan_columns[] = {
	[PLAN_RANK] = { "rank", "Rank" },
	[PLAN_CONTROL] = { "control", "Control" },
	[PLAN_TITLE] = { "title", "Title" },
	[PLAN_STATUS] = { "status", "Current status" },
	[PLAN_GAIN] = { "gain", "Requirements made full" },
	[PLAN_FULL_AFTER] = { "full_after", "Full after" },
	[PLAN_PCT_AFTER] = { "coverage_after", "Coverage after (%)" },
	[PLAN_POLICY] = { "policy", "Coverage policy" },
};

static const struct ismc_gap_fw *
analysed(const struct ismc_ir *ir, const struct ismc_ir_framework *fw)
{
	const struct ismc_gap_fw *gf = ismc_gap_find(ir->gap, fw);

	return gf != NULL && gf->nsets_in > 0 ? gf : NULL;
}

static const char *
group_name(const struct ismc_req *g)
{
	if (g == NULL)
		return NULL;
	return g->title != NULL ? g->title : g->id;
}

static const char *
control_status(const struct ismc_ir_control *c)
{
	if (c->applicability == ISMC_EXCLUDED)
		return "excluded";
	return ismc_status_name(c->status);
}

/* "catalog:id (status)" for each control whose reach can count. */
static struct ismc_cell
reaching_cell(struct ismc_arena *a, const struct ismc_gap_req *q)
{
	const struct ismc_ir_control *prev = NULL;
	const struct ismc_gap_reach *r;
	const char **v;
	size_t i, n = 0;

	if (q->nreaches == 0)
		return ismc_cell_list(NULL, 0);
	v = ISMC_NEW_ARRAY(a, const char *, q->nreaches);
	for (i = 0; i < q->nreaches; i++) {
		r = &q->reaches[i];
		if (r->superseded || r->capacity == ISMC_COV_GAP ||
		    r->control == prev)
			continue;
		prev = r->control;
		v[n++] = ismc_arena_printf(a, "%s (%s)",
		    ismc_gap_qname(a, r->control->req),
		    control_status(r->control));
	}
	return ismc_cell_list(v, n);
}

static void
fill_gap_row(struct ismc_arena *a, struct ismc_cell *row,
    const struct ismc_gap_fw *gf, const struct ismc_gap_req *q,
    const char *policy)
{
	const struct ismc_gap_reach *b = q->best;

	row[GAP_ID] = ismc_cell_str(q->req->id);
	row[GAP_GROUP] = ismc_cell_str(group_name(gf->groups[q->group].group));
	row[GAP_TITLE] = ismc_cell_str(q->req->title);
	row[GAP_STATUS] = ismc_cell_str(ismc_cov_name(q->status));
	row[GAP_REACHING] = reaching_cell(a, q);
	row[GAP_POLICY] = ismc_cell_str(policy);
	if (b == NULL)
		return;
	row[GAP_BEST] = ismc_cell_str(ismc_gap_qname(a, b->control->req));
	row[GAP_RELATION] = ismc_cell_str(ismc_rcc5_name(b->rel));
	row[GAP_INFERRED] = ismc_cell_bool(ismc_gap_inferred(b));
	row[GAP_PROVENANCE] = ismc_cell_str(ismc_gap_provenance(a, b));
	if (b->strength != 0)
		row[GAP_STRENGTH] = ismc_cell_int((int64_t)b->strength);
}

static void
add_pct(struct ismc_report *r, const char *key, const char *label,
    size_t part, const struct ismc_gap_count *n)
{
	ismc_report_add_summary(r, key, label,
	    ismc_cell_dec(ismc_gap_pct(part, n), 1));
}

static void
add_group_summary(struct ismc_report *r, struct ismc_arena *a,
    const struct ismc_gap_group *g)
{
	const struct ismc_gap_count *n = &g->n;
	const char *id = g->group != NULL ? g->group->id : "-";
	const char *text;
	double full = ismc_gap_pct(n->full, n);

	if (isnan(full))
		text = ismc_arena_printf(a, "%zu requirements, all excluded",
		    n->total);
	else
		text = ismc_arena_printf(a, "%zu full (%.1f %%), %zu partial "
		    "(%.1f %%), %zu gap (%.1f %%) of %zu assessed; %zu "
		    "excluded", n->full, full, n->partial,
		    ismc_gap_pct(n->partial, n), n->gap,
		    ismc_gap_pct(n->gap, n), n->total - n->excluded,
		    n->excluded);
	ismc_report_add_summary(r, ismc_arena_printf(a, "group:%s", id),
	    g->group != NULL && g->group->title != NULL ?
	    ismc_arena_printf(a, "%s %s", id, g->group->title) : id,
	    ismc_cell_str(text));
}

static void
add_gap_summary(struct ismc_report *r, struct ismc_arena *a,
    const struct ismc_gap *gap, const struct ismc_gap_fw *gf)
{
	const struct ismc_gap_count *n = &gf->n;
	size_t i;

	ismc_report_add_summary(r, "policy", "Coverage policy",
	    ismc_cell_str(ismc_gap_policy_name(gap->policy)));
	ismc_report_add_summary(r, "requirements", "Requirements",
	    ismc_cell_int((int64_t)n->total));
	ismc_report_add_summary(r, "excluded", "Excluded (not assessed)",
	    ismc_cell_int((int64_t)n->excluded));
	ismc_report_add_summary(r, "assessed", "Assessed",
	    ismc_cell_int((int64_t)(n->total - n->excluded)));
	ismc_report_add_summary(r, "full", "Fully covered",
	    ismc_cell_int((int64_t)n->full));
	add_pct(r, "full_pct", "Fully covered (%)", n->full, n);
	ismc_report_add_summary(r, "partial", "Partly covered",
	    ismc_cell_int((int64_t)n->partial));
	add_pct(r, "partial_pct", "Partly covered (%)", n->partial, n);
	ismc_report_add_summary(r, "gap", "Gaps",
	    ismc_cell_int((int64_t)n->gap));
	add_pct(r, "gap_pct", "Gaps (%)", n->gap, n);
	ismc_report_add_summary(r, "no_counterpart",
	    "Gaps with no counterpart in a mapping set",
	    ismc_cell_int((int64_t)n->no_counterpart));
	ismc_report_add_summary(r, "mapping_sets", "Mapping sets targeting it",
	    ismc_cell_int((int64_t)gf->nsets_in));
	ismc_report_add_summary(r, "links", "Mapping links touching it",
	    ismc_cell_int((int64_t)gf->nlinks));
	for (i = 0; i < gf->ngroups; i++)
		add_group_summary(r, a, &gf->groups[i]);
}

static void
add_fw_meta(struct ismc_report *r, const struct ismc_ir *ir,
    const struct ismc_ir_framework *fw)
{
	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_meta(r, "framework", "Framework",
	    ismc_cell_str(fw->catalog->id));
	ismc_report_add_meta(r, "framework_title", "Framework title",
	    ismc_cell_str(fw->catalog->title));
	ismc_report_add_meta(r, "policy", "Coverage policy",
	    ismc_cell_str(ismc_gap_policy_name(ir->gap->policy)));
	ismc_report_add_generator(r);
}

struct ismc_report *
ismc_report_gap(const struct ismc_ir *ir, const struct ismc_ir_framework *fw,
    struct ismc_arena *a)
{
	const struct ismc_gap_fw *gf;
	const char *name, *policy;
	struct ismc_report *r;
	size_t i;

	if (ir->gap == NULL || (gf = analysed(ir, fw)) == NULL)
		return NULL;
	name = fw->catalog->title != NULL ? fw->catalog->title :
	    fw->catalog->id;
	policy = ismc_gap_policy_name(ir->gap->policy);
	r = ismc_report_new(a, "gap", ismc_arena_printf(a, "Gap analysis: %s",
	    name), gap_columns, GAP_NCOLUMNS);
	add_fw_meta(r, ir, fw);
	for (i = 0; i < gf->nreqs; i++)
		fill_gap_row(a, ismc_report_add_row(r), gf, &gf->reqs[i],
		    policy);
	add_gap_summary(r, a, ir->gap, gf);
	return r;
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
	const char *name, *policy;
	struct ismc_report *r;
	struct ismc_cell *row;
	size_t i;

	if (ir->gap == NULL || (gf = analysed(ir, fw)) == NULL)
		return NULL;
	name = fw->catalog->title != NULL ? fw->catalog->title :
	    fw->catalog->id;
	policy = ismc_gap_policy_name(ir->gap->policy);
	r = ismc_report_new(a, "remediation", ismc_arena_printf(a,
	    "Remediation plan: %s", name), plan_columns, PLAN_NCOLUMNS);
	add_fw_meta(r, ir, fw);
	for (i = 0; i < gf->nplan; i++) {
		s = &gf->plan[i];
		row = ismc_report_add_row(r);
		row[PLAN_RANK] = ismc_cell_int((int64_t)(i + 1));
		row[PLAN_CONTROL] = ismc_cell_str(ismc_gap_qname(a,
		    s->control->req));
		row[PLAN_TITLE] = ismc_cell_str(s->control->req->title);
		row[PLAN_STATUS] = ismc_cell_str(control_status(s->control));
		row[PLAN_GAIN] = ismc_cell_int((int64_t)s->gain);
		row[PLAN_FULL_AFTER] = ismc_cell_int((int64_t)s->full_after);
		row[PLAN_PCT_AFTER] = ismc_cell_dec(ismc_gap_pct(s->full_after,
		    &gf->n), 1);
		row[PLAN_POLICY] = ismc_cell_str(policy);
	}
	add_plan_summary(r, ir->gap, gf);
	return r;
}
