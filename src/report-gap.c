/*
 * report-gap.c - the gap analysis of one framework.
 *
 * The report carries the coverage policy in its metadata and in a column,
 * so a CSV file read on its own still says which rule produced its
 * numbers.
 */
#include <config.h>

#include "report-gap.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "backend.h"
#include "catalog.h"
#include "gap.h"
#include "ir.h"
#include "mapping.h"
#include "rcc5.h"
#include "report.h"

/* ORDER GAP_COLUMNS */
static const struct ismc_report_column gap_columns[] = {
	[ISMC_GAPREP_ID] = { "id", "Requirement" },
	[ISMC_GAPREP_GROUP] = { "group", "Group" },
	[ISMC_GAPREP_TITLE] = { "title", "Title" },
	[ISMC_GAPREP_STATUS] = { "status", "Coverage" },
	[ISMC_GAPREP_REACHING] = { "reaching", "Reaching controls" },
	[ISMC_GAPREP_BEST] = { "best_control", "Best control" },
	[ISMC_GAPREP_RELATION] = { "relation", "Best relation" },
	[ISMC_GAPREP_INFERRED] = { "inferred", "Inferred" },
	[ISMC_GAPREP_PROVENANCE] = { "provenance", "Provenance" },
	[ISMC_GAPREP_STRENGTH] = { "strength", "Strength" },
	[ISMC_GAPREP_CREDIT] = { "credit", "Credit in the coverage index" },
	[ISMC_GAPREP_CREDIT_BASIS] = { "credit_basis", "How the credit is computed" },
	[ISMC_GAPREP_WORK_LEFT] = { "work_left", "Work left (residuals)" },
	[ISMC_GAPREP_POLICY] = { "policy", "Coverage policy" },
	[ISMC_GAPREP_MAPPED] = { "mapped", NULL },
	[ISMC_GAPREP_MAPPED_IMPL] = { "mapped_implemented", NULL },
};

/* ORDER GAP_SUMMARY */
static const struct ismc_report_key gap_summary[] = {
	[ISMC_GAPREP_SUM_POLICY] = { "policy", "Coverage policy" },
	[ISMC_GAPREP_SUM_REQUIREMENTS] = { "requirements", "Requirements" },
	[ISMC_GAPREP_SUM_EXCLUDED] = { "excluded", "Excluded (not assessed)" },
	[ISMC_GAPREP_SUM_ASSESSED] = { "assessed", "Assessed" },
	[ISMC_GAPREP_SUM_FULL] = { "full", "Fully covered" },
	[ISMC_GAPREP_SUM_FULL_PCT] = { "full_pct", "Fully covered (%)" },
	[ISMC_GAPREP_SUM_PARTIAL] = { "partial", "Partly covered" },
	[ISMC_GAPREP_SUM_PARTIAL_PCT] = { "partial_pct", "Partly covered (%)" },
	[ISMC_GAPREP_SUM_GAP] = { "gap", "Gaps" },
	[ISMC_GAPREP_SUM_GAP_PCT] = { "gap_pct", "Gaps (%)" },
	[ISMC_GAPREP_SUM_NO_COUNTERPART] = { "no_counterpart",
	    "Gaps with no counterpart in a mapping set" },
	[ISMC_GAPREP_SUM_INDEX] = { "coverage_index", "Coverage index" },
	[ISMC_GAPREP_SUM_MAPPING_SETS] = { "mapping_sets",
	    "Mapping sets targeting it" },
	[ISMC_GAPREP_SUM_LINKS] = { "links", "Mapping links touching it" },
};

static const char *
group_name(const struct ismc_req *g)
{
	if (g == NULL)
		return NULL;
	return g->title != NULL ? g->title : g->id;
}

/* "catalog:id (status)" for each control whose reach can count, then
 * the members of covering sets that can count. */
static struct ismc_cell
reaching_cell(struct ismc_arena *a, const struct ismc_gap_req *q)
{
	const struct ismc_ir_control *prev = NULL;
	const struct ismc_gap_reach *r;
	const struct ismc_gap_member *m;
	const char **v;
	size_t i, j, n = 0, max = q->nreaches;

	for (i = 0; i < q->ncovers; i++)
		max += q->covers[i].nmembers;
	if (max == 0)
		return ismc_cell_list(NULL, 0);
	v = ISMC_NEW_ARRAY(a, const char *, max);
	for (i = 0; i < q->nreaches; i++) {
		r = &q->reaches[i];
		if (r->superseded || r->capacity == ISMC_COV_GAP ||
		    r->control == prev)
			continue;
		prev = r->control;
		v[n++] = ismc_arena_printf(a, "%s (%s)",
		    ismc_gap_qname(a, r->control->req),
		    ismc_report_control_status(r->control));
	}
	for (i = 0; i < q->ncovers; i++) {
		if (q->covers[i].capacity == ISMC_COV_GAP)
			continue;
		for (j = 0; j < q->covers[i].nmembers; j++) {
			m = &q->covers[i].members[j];
			v[n++] = ismc_arena_printf(a, "%s (%s, in a set)",
			    ismc_gap_qname(a, m->req),
			    ismc_gap_mstate_name(m->state));
		}
	}
	return ismc_cell_list(v, n);
}

/* The residuals left open by the covers that could make it full: the
 * work the mappings say is the organisation's own; and, when a mapping
 * set says the requirement has no counterpart, that and why (SOC 2's
 * privacy criteria: the whole requirement is left). */
static struct ismc_cell
work_left_cell(struct ismc_arena *a, const struct ismc_gap_req *q)
{
	const struct ismc_gap_cover *c;
	const char **v;
	size_t i, k, n = 0;

	if (q->status == ISMC_COV_FULL || (q->ncovers == 0 &&
	    q->nc_row == NULL))
		return ismc_cell_list(NULL, 0);
	v = ISMC_NEW_ARRAY(a, const char *, q->ncovers + 1);
	if (q->nc_row != NULL)
		v[n++] = q->nc_row->rationale != NULL &&
		    *q->nc_row->rationale != '\0' ? ismc_arena_printf(a,
		    "no counterpart: %s", q->nc_row->rationale) :
		    "no counterpart";
	for (i = 0; i < q->ncovers; i++) {
		c = &q->covers[i];
		if (c->residual == NULL || c->capacity != ISMC_COV_FULL ||
		    c->residual_state == ISMC_GAP_RES_CLOSED)
			continue;
		for (k = 0; k < n && strcmp(v[k], c->residual) != 0; k++)
			continue;
		if (k == n)
			v[n++] = c->residual;
	}
	return ismc_cell_list(v, n);
}

/* "7/10": a strength in tenths; an unstated one counts as 1. */
static unsigned
tenths_of(unsigned strength)
{
	return strength != 0 ? strength : 1;
}

/* "= 0.64", or "= 0.95, capped at 0.9": the sum's result as the credit
 * column spells it. */
static const char *
credit_result(struct ismc_arena *a, double raw, double credit)
{
	struct ismc_cell c = ismc_cell_dec(raw, 2), cap;
	const char *v = ismc_cell_text(a, &c, "");

	if (raw > credit + 1e-9) {
		cap = ismc_cell_dec(credit, 2);
		return ismc_arena_printf(a, "= %s, capped at %s", v,
		    ismc_cell_text(a, &cap, ""));
	}
	return ismc_arena_printf(a, "= %s", v);
}

/*
 * The sum that gave a partial requirement its credit, from the evidence
 * the analysis recorded (doc/coverage.md, section 11.1), so that a reader
 * can check every credit and, from them, the coverage index.
 */
static struct ismc_cell
credit_basis_cell(struct ismc_arena *a, const struct ismc_gap_req *q)
{
	const struct ismc_gap_reach *r = q->credit_reach;
	const struct ismc_gap_cover *c = q->credit_cover;
	unsigned s;
	bool impl;

	if (q->status != ISMC_COV_PARTIAL)
		return ismc_cell_null();
	if (c != NULL) {
		s = tenths_of(c->strength);
		if (c->residual_state == ISMC_GAP_RES_NONE)
			return ismc_cell_str(ismc_arena_printf(a, "set: %u/10 "
			    "× (%zu met + 1/2 × %zu partly) / %zu members %s", s,
			    c->nmet, c->npartial, c->nmembers, credit_result(a,
			    s / 10.0 * c->fraction, q->credit)));
		return ismc_cell_str(ismc_arena_printf(a, "set: %u/10 × (%zu "
		    "met + 1/2 × %zu partly + %s residual) / (%zu members + 1) "
		    "%s", s, c->nmet, c->npartial,
		    c->residual_state == ISMC_GAP_RES_CLOSED ? "1 closed" :
		    c->residual_state == ISMC_GAP_RES_PARTIAL ?
		    "1/2 partly closed" : "0 open", c->nmembers,
		    credit_result(a, s / 10.0 * c->fraction, q->credit)));
	}
	if (r != NULL) {
		impl = r->control->status == ISMC_STATUS_IMPLEMENTED;
		s = r->kind == ISMC_GAP_SELF ? 10 : tenths_of(r->strength);
		return ismc_cell_str(ismc_arena_printf(a, "%s %s: %u/10 × %s "
		    "%s", r->kind == ISMC_GAP_SELF ? "own SoA row" :
		    ismc_gap_qname(a, r->control->req), impl ? "implemented" :
		    "partly implemented", s, impl ? "1" : "1/2",
		    credit_result(a, s / 10.0 * (impl ? 1.0 : 0.5),
		    q->credit)));
	}
	if (q->credit_mapped != 0)
		return ismc_cell_str(ismc_arena_printf(a, "mapped controls: "
		    "%u/10 × (%zu implemented + 1/2 × %zu partly) / %zu mapped "
		    "%s", q->credit_mapped, q->nmapped_impl, q->nmapped_partial,
		    q->nmapped, credit_result(a, q->credit_mapped / 10.0 *
		    ((double)q->nmapped_impl + 0.5 *
		    (double)q->nmapped_partial) / (double)q->nmapped,
		    q->credit)));
	return ismc_cell_str("no evidence gives credit: 0");
}

static void
fill_gap_row(struct ismc_arena *a, struct ismc_cell *row,
    const struct ismc_gap_fw *gf, const struct ismc_gap_req *q,
    const char *policy)
{
	const struct ismc_gap_reach *b = q->best;
	const struct ismc_gap_cover *c = q->best_cover;

	row[ISMC_GAPREP_ID] = ismc_cell_str(q->req->id);
	row[ISMC_GAPREP_GROUP] = ismc_cell_str(group_name(gf->groups[q->group].group));
	row[ISMC_GAPREP_TITLE] = ismc_cell_str(q->req->title);
	row[ISMC_GAPREP_STATUS] = ismc_cell_str(ismc_cov_name(q->status));
	row[ISMC_GAPREP_REACHING] = reaching_cell(a, q);
	row[ISMC_GAPREP_POLICY] = ismc_cell_str(policy);
	row[ISMC_GAPREP_MAPPED] = ismc_cell_int((int64_t)q->nmapped);
	row[ISMC_GAPREP_MAPPED_IMPL] = ismc_cell_int((int64_t)q->nmapped_impl);
	if (q->status != ISMC_COV_EXCLUDED)
		row[ISMC_GAPREP_CREDIT] = ismc_cell_dec(q->credit, 2);
	row[ISMC_GAPREP_CREDIT_BASIS] = credit_basis_cell(a, q);
	row[ISMC_GAPREP_WORK_LEFT] = work_left_cell(a, q);
	if (c != NULL) {
		row[ISMC_GAPREP_BEST] = ismc_cell_str(
		    ismc_gap_cover_members(a, c));
		row[ISMC_GAPREP_RELATION] = ismc_cell_str(
		    ismc_rcc5_name(c->rel));
		row[ISMC_GAPREP_INFERRED] = ismc_cell_bool(c->hub != NULL);
		row[ISMC_GAPREP_PROVENANCE] = ismc_cell_str(
		    ismc_gap_cover_provenance(a, c));
		if (c->strength != 0)
			row[ISMC_GAPREP_STRENGTH] = ismc_cell_int(
			    (int64_t)c->strength);
		return;
	}
	if (b == NULL)
		return;
	row[ISMC_GAPREP_BEST] = ismc_cell_str(ismc_gap_qname(a, b->control->req));
	row[ISMC_GAPREP_RELATION] = ismc_cell_str(ismc_rcc5_name(b->rel));
	row[ISMC_GAPREP_INFERRED] = ismc_cell_bool(ismc_gap_inferred(b));
	row[ISMC_GAPREP_PROVENANCE] = ismc_cell_str(ismc_gap_provenance(a, b));
	if (b->strength != 0)
		row[ISMC_GAPREP_STRENGTH] = ismc_cell_int((int64_t)b->strength);
}

static struct ismc_cell
pct_cell(size_t part, const struct ismc_gap_count *n)
{
	return ismc_cell_dec(ismc_gap_pct(part, n), 1);
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
		    "excluded; coverage index %.1f", n->full, full, n->partial,
		    ismc_gap_pct(n->partial, n), n->gap,
		    ismc_gap_pct(n->gap, n), n->total - n->excluded,
		    n->excluded, ismc_gap_index(n));
	ismc_report_add_summary(r, ismc_arena_printf(a, "group:%s", id),
	    g->group != NULL && g->group->title != NULL ?
	    ismc_arena_printf(a, "%s %s", id, g->group->title) : id,
	    ismc_cell_str(text));
}

static void
add_gap_summary(struct ismc_report *r, struct ismc_arena *a,
    const struct ismc_gap *gap, const struct ismc_gap_fw *gf)
{
	const struct ismc_report_key *k = gap_summary;
	const struct ismc_gap_count *n = &gf->n;
	size_t i;

	ismc_report_add_summary_at(r, k, ISMC_GAPREP_SUM_POLICY,
	    ismc_cell_str(ismc_gap_policy_name(gap->policy)));
	ismc_report_add_summary_at(r, k, ISMC_GAPREP_SUM_REQUIREMENTS,
	    ismc_cell_int((int64_t)n->total));
	ismc_report_add_summary_at(r, k, ISMC_GAPREP_SUM_EXCLUDED,
	    ismc_cell_int((int64_t)n->excluded));
	ismc_report_add_summary_at(r, k, ISMC_GAPREP_SUM_ASSESSED,
	    ismc_cell_int((int64_t)(n->total - n->excluded)));
	ismc_report_add_summary_at(r, k, ISMC_GAPREP_SUM_FULL,
	    ismc_cell_int((int64_t)n->full));
	ismc_report_add_summary_at(r, k, ISMC_GAPREP_SUM_FULL_PCT,
	    pct_cell(n->full, n));
	ismc_report_add_summary_at(r, k, ISMC_GAPREP_SUM_PARTIAL,
	    ismc_cell_int((int64_t)n->partial));
	ismc_report_add_summary_at(r, k, ISMC_GAPREP_SUM_PARTIAL_PCT,
	    pct_cell(n->partial, n));
	ismc_report_add_summary_at(r, k, ISMC_GAPREP_SUM_GAP,
	    ismc_cell_int((int64_t)n->gap));
	ismc_report_add_summary_at(r, k, ISMC_GAPREP_SUM_GAP_PCT,
	    pct_cell(n->gap, n));
	ismc_report_add_summary_at(r, k, ISMC_GAPREP_SUM_NO_COUNTERPART,
	    ismc_cell_int((int64_t)n->no_counterpart));
	ismc_report_add_summary_at(r, k, ISMC_GAPREP_SUM_INDEX,
	    ismc_cell_dec(ismc_gap_index(n), 1));
	ismc_report_add_summary_at(r, k, ISMC_GAPREP_SUM_MAPPING_SETS,
	    ismc_cell_int((int64_t)gf->nsets_in));
	ismc_report_add_summary_at(r, k, ISMC_GAPREP_SUM_LINKS,
	    ismc_cell_int((int64_t)gf->nlinks));
	for (i = 0; i < gf->ngroups; i++)
		add_group_summary(r, a, &gf->groups[i]);
}

struct ismc_report *
ismc_report_gap_new(const struct ismc_ir *ir,
    const struct ismc_ir_framework *fw, struct ismc_arena *a, const char *id,
    const char *what, const struct ismc_report_column *cols, size_t ncols,
    const struct ismc_gap_fw **gf)
{
	const struct ismc_catalog *cat = fw->catalog;
	struct ismc_report *r;

	if (ir->gap == NULL || (*gf = ismc_gap_find(ir->gap, fw)) == NULL ||
	    (*gf)->nsets_in == 0)
		return NULL;
	r = ismc_report_new(a, id, ismc_arena_printf(a, "%s: %s", what,
	    cat->title != NULL ? cat->title : cat->id), cols, ncols);
	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_meta(r, "framework", "Framework",
	    ismc_cell_str(cat->id));
	ismc_report_add_meta(r, "framework_title", "Framework title",
	    ismc_cell_str(cat->title));
	ismc_report_add_meta(r, "policy", "Coverage policy",
	    ismc_cell_str(ismc_gap_policy_name(ir->gap->policy)));
	ismc_report_add_generator(r);
	return r;
}

struct ismc_report *
ismc_report_gap(const struct ismc_ir *ir, const struct ismc_ir_framework *fw,
    struct ismc_arena *a)
{
	const struct ismc_gap_fw *gf;
	struct ismc_report *r;
	const char *policy;
	size_t i;

	r = ismc_report_gap_new(ir, fw, a, "gap", "Gap analysis", gap_columns,
	    ISMC_GAPREP_NCOLUMNS, &gf);
	if (r == NULL)
		return NULL;
	policy = ismc_gap_policy_name(ir->gap->policy);
	for (i = 0; i < gf->nreqs; i++)
		fill_gap_row(a, ismc_report_add_row(r), gf, &gf->reqs[i],
		    policy);
	add_gap_summary(r, a, ir->gap, gf);
	return r;
}

const struct ismc_report_def ismc_report_gap_def = {
	.name = "gap",
	.scope = ISMC_SCOPE_FRAMEWORK,
	.build_fw = ismc_report_gap,
};
