/*
 * report-risks.c - the risk register and treatment plan.
 *
 * One row per risk in IR order (by id). Each level appears twice, as its
 * value and its label ("4" and "High"), so spreadsheets can sort on the
 * number and people can read the word; the residual columns repeat the
 * inherent ones when the spec gives no residual assessment.
 */
#include <config.h>

#include "report-risks.h"

#include <stddef.h>

#include "arena.h"
#include "backend.h"
#include "catalog.h"
#include "ir.h"
#include "report.h"

/* ORDER RISK_COLUMNS */
static const struct ismc_report_column risk_columns[] = {
	[ISMC_RISKS_ID] = { "id", "Risk" },
	[ISMC_RISKS_TITLE] = { "title", "Title" },
	[ISMC_RISKS_ASSETS] = { "assets", "Assets" },
	[ISMC_RISKS_THREATS] = { "threats", "Threats" },
	[ISMC_RISKS_LIKELIHOOD] = { "likelihood", "Likelihood" },
	[ISMC_RISKS_LIKELIHOOD_LABEL] = { "likelihood_label", "Likelihood label" },
	[ISMC_RISKS_IMPACT] = { "impact", "Impact" },
	[ISMC_RISKS_IMPACT_LABEL] = { "impact_label", "Impact label" },
	[ISMC_RISKS_SCORE] = { "score", "Score" },
	[ISMC_RISKS_BAND] = { "band", "Band" },
	[ISMC_RISKS_TREATMENT] = { "treatment", "Treatment" },
	[ISMC_RISKS_CONTROLS] = { "controls", "Controls" },
	[ISMC_RISKS_RES_LIKELIHOOD] = { "residual_likelihood",
	    "Residual likelihood" },
	[ISMC_RISKS_RES_LIKELIHOOD_LABEL] = { "residual_likelihood_label",
	    "Residual likelihood label" },
	[ISMC_RISKS_RES_IMPACT] = { "residual_impact", "Residual impact" },
	[ISMC_RISKS_RES_IMPACT_LABEL] = { "residual_impact_label",
	    "Residual impact label" },
	[ISMC_RISKS_RES_SCORE] = { "residual_score", "Residual score" },
	[ISMC_RISKS_RES_BAND] = { "residual_band", "Residual band" },
	[ISMC_RISKS_OWNER] = { "owner", "Owner" },
	[ISMC_RISKS_OWNER_TITLE] = { "owner_title", "Owner title" },
	[ISMC_RISKS_ABOVE] = { "above_acceptance", "Above acceptance" },
	[ISMC_RISKS_RES_ABOVE] = { "residual_above_acceptance",
	    "Residual above acceptance" },
	[ISMC_RISKS_IMPACT_DIMS] = { "impact_dimensions",
	    "Impact by dimension" },
	[ISMC_RISKS_RES_IMPACT_DIMS] = { "residual_impact_dimensions",
	    "Residual impact by dimension" },
	[ISMC_RISKS_ACCEPTED_BY] = { "accepted_by", "Accepted by" },
	[ISMC_RISKS_ACCEPTED_ON] = { "accepted_on", "Accepted on" },
	[ISMC_RISKS_ACCEPTED_UNTIL] = { "accepted_until", "Accepted until" },
	[ISMC_RISKS_APPROVED_BY] = { "approved_by", "Approved by" },
	[ISMC_RISKS_ACCEPTANCE_EXPIRED] = { "acceptance_expired",
	    "Acceptance expired" },
	[ISMC_RISKS_REVIEWED] = { "reviewed", "Last reviewed" },
	[ISMC_RISKS_REVIEW_OVERDUE] = { "review_overdue", "Review overdue" },
	[ISMC_RISKS_RES_RATED] = { "residual_rated", NULL },
	[ISMC_RISKS_TREATED_BY] = { "treated_by", NULL },
};

/* ORDER RISK_SUMMARY */
static const struct ismc_report_key risk_summary[] = {
	[ISMC_RISKS_SUM_RISKS] = { "risks", "Risks" },
	[ISMC_RISKS_SUM_INHERENT] = { "inherent_total",
	    "Inherent score total" },
	[ISMC_RISKS_SUM_RESIDUAL] = { "residual_total",
	    "Residual score total" },
	[ISMC_RISKS_SUM_REDUCTION] = { "reduction_pct", "Reduction (%)" },
	[ISMC_RISKS_SUM_ACCEPTANCE] = { "acceptance_max",
	    "Highest accepted score" },
	[ISMC_RISKS_SUM_ABOVE] = { "above_acceptance",
	    "Above acceptance before treatment" },
	[ISMC_RISKS_SUM_RES_ABOVE] = { "residual_above_acceptance",
	    "Above acceptance after treatment" },
};

static void
set_level(struct ismc_cell *row, int vcol, int lcol,
    const struct ismc_ir_level *l)
{
	if (l == NULL)
		return;
	row[vcol] = ismc_cell_int(l->value);
	row[lcol] = ismc_cell_str(l->label != NULL ? l->label : l->id);
}

static struct ismc_cell
band_cell(const struct ismc_ir_band *b)
{
	if (b == NULL)
		return ismc_cell_null();
	return ismc_cell_str(b->label != NULL ? b->label : b->id);
}

/* Sema judged it against the highest accepted score; with no acceptance
 * level the question has no answer, hence null. */
static struct ismc_cell
above_cell(const struct ismc_ir *ir, bool above)
{
	if (!ir->has_acceptance)
		return ismc_cell_null();
	return ismc_cell_bool(above);
}

static struct ismc_cell
assets_cell(struct ismc_arena *a, const struct ismc_ir_risk *r)
{
	const char **v = ismc_report_strv(a, r->nassets);
	size_t i;

	for (i = 0; i < r->nassets; i++)
		v[i] = r->assets[i]->id;
	return ismc_cell_list(v, r->nassets);
}

static struct ismc_cell
threats_cell(struct ismc_arena *a, const struct ismc_ir_risk *r)
{
	const char **v = ismc_report_strv(a, r->nthreats);
	size_t i;

	for (i = 0; i < r->nthreats; i++)
		v[i] = r->threats[i]->id;
	return ismc_cell_list(v, r->nthreats);
}

/* Framework controls and the organisation's measures, in the order the
 * spec lists them. */
static struct ismc_cell
controls_cell(const struct ismc_ir *ir, struct ismc_arena *a,
    const struct ismc_ir_risk *r)
{
	const char **v = ismc_report_strv(a, r->ntreated_by);
	const struct ismc_ir_treat *t;
	size_t i;

	for (i = 0; i < r->ntreated_by; i++) {
		t = &r->treated_by[i];
		v[i] = t->measure != NULL ? t->measure->id :
		    ismc_report_req_id(a, ir, t->control->req);
	}
	return ismc_cell_list(v, r->ntreated_by);
}

/* "A.5.7 (implemented)": each control or measure with its status, as the
 * PDF's narrow column shows them. */
static struct ismc_cell
treated_by_cell(struct ismc_arena *a, const struct ismc_ir_risk *r)
{
	const char **v = ismc_report_strv(a, r->ntreated_by);
	const struct ismc_ir_treat *t;
	size_t i;

	for (i = 0; i < r->ntreated_by; i++) {
		t = &r->treated_by[i];
		if (t->measure != NULL)
			v[i] = ismc_arena_printf(a, "%s (%s)", t->measure->id,
			    ismc_status_name(t->measure->status));
		else
			v[i] = ismc_arena_printf(a, "%s (%s)",
			    t->control->req->id,
			    ismc_status_name(t->control->status));
	}
	return ismc_cell_list(v, r->ntreated_by);
}

/* "confidentiality: critical", one per rated dimension, in the order the
 * spec declares them; null for a risk rated with one impact. */
static struct ismc_cell
dims_cell(struct ismc_arena *a, const struct ismc_ir *ir,
    const struct ismc_ir_level *const *dims)
{
	const char **v;
	size_t i, n = 0;

	if (dims == NULL)
		return ismc_cell_null();
	v = ismc_report_strv(a, ir->ndims);
	for (i = 0; i < ir->ndims; i++)
		if (dims[i] != NULL)
			v[n++] = ismc_arena_printf(a, "%s: %s", ir->dims[i],
			    dims[i]->id);
	return ismc_cell_list(v, n);
}

static void
acceptance_cells(struct ismc_arena *a, const struct ismc_ir *ir,
    struct ismc_cell *row, const struct ismc_ir_risk *r)
{
	const struct ismc_ir_acceptance *acc = r->accepted;

	if (acc != NULL) {
		row[ISMC_RISKS_ACCEPTED_BY] = ismc_cell_str(acc->by ?
		    acc->by->id : NULL);
		row[ISMC_RISKS_ACCEPTED_ON] = ismc_cell_date(a, acc->has_on ?
		    &acc->on : NULL);
		row[ISMC_RISKS_ACCEPTED_UNTIL] = ismc_cell_date(a,
		    acc->has_until ? &acc->until : NULL);
		row[ISMC_RISKS_APPROVED_BY] = ismc_cell_str(acc->approved ?
		    acc->approved->id : NULL);
		if (acc->has_until && ir->has_as_of)
			row[ISMC_RISKS_ACCEPTANCE_EXPIRED] =
			    ismc_cell_bool(acc->expired);
	}
	row[ISMC_RISKS_REVIEWED] = ismc_cell_date(a, r->has_reviewed ?
	    &r->reviewed : NULL);
	if (ir->has_review_period && ir->has_as_of)
		row[ISMC_RISKS_REVIEW_OVERDUE] =
		    ismc_cell_bool(r->review_overdue);
}

static void
fill_row(const struct ismc_ir *ir, struct ismc_arena *a,
    struct ismc_cell *row, const struct ismc_ir_risk *r)
{
	row[ISMC_RISKS_ID] = ismc_cell_str(r->id);
	row[ISMC_RISKS_TITLE] = ismc_cell_str(r->title);
	row[ISMC_RISKS_ASSETS] = assets_cell(a, r);
	row[ISMC_RISKS_THREATS] = threats_cell(a, r);
	set_level(row, ISMC_RISKS_LIKELIHOOD, ISMC_RISKS_LIKELIHOOD_LABEL,
	    r->likelihood);
	set_level(row, ISMC_RISKS_IMPACT, ISMC_RISKS_IMPACT_LABEL, r->impact);
	row[ISMC_RISKS_SCORE] = ismc_cell_int(r->score);
	row[ISMC_RISKS_BAND] = band_cell(r->band);
	if (r->treatment != ISMC_TREAT_NONE)
		row[ISMC_RISKS_TREATMENT] =
		    ismc_cell_str(ismc_treatment_name(r->treatment));
	row[ISMC_RISKS_CONTROLS] = controls_cell(ir, a, r);
	set_level(row, ISMC_RISKS_RES_LIKELIHOOD,
	    ISMC_RISKS_RES_LIKELIHOOD_LABEL, r->res_likelihood);
	set_level(row, ISMC_RISKS_RES_IMPACT, ISMC_RISKS_RES_IMPACT_LABEL,
	    r->res_impact);
	row[ISMC_RISKS_RES_SCORE] = ismc_cell_int(r->res_score);
	row[ISMC_RISKS_RES_BAND] = band_cell(r->res_band);
	if (r->owner != NULL) {
		row[ISMC_RISKS_OWNER] = ismc_cell_str(r->owner->id);
		row[ISMC_RISKS_OWNER_TITLE] = ismc_cell_str(r->owner->title);
	}
	row[ISMC_RISKS_ABOVE] = above_cell(ir, r->above_acceptance);
	row[ISMC_RISKS_RES_ABOVE] = above_cell(ir, r->res_above_acceptance);
	row[ISMC_RISKS_IMPACT_DIMS] = dims_cell(a, ir, r->impact_dims);
	row[ISMC_RISKS_RES_IMPACT_DIMS] = dims_cell(a, ir,
	    r->res_impact_dims);
	acceptance_cells(a, ir, row, r);
	row[ISMC_RISKS_RES_RATED] = ismc_cell_bool(r->has_residual);
	row[ISMC_RISKS_TREATED_BY] = treated_by_cell(a, r);
}

/* Counts against the acceptance level, or null when there is none. */
static struct ismc_cell
count_cell(const struct ismc_ir *ir, size_t n)
{
	if (!ir->has_acceptance)
		return ismc_cell_null();
	return ismc_cell_int((int64_t)n);
}

static void
add_summary(struct ismc_report *r, const struct ismc_ir *ir)
{
	const struct ismc_ir_totals *t = &ir->totals;
	const struct ismc_report_key *k = risk_summary;

	ismc_report_add_summary_at(r, k, ISMC_RISKS_SUM_RISKS,
	    ismc_cell_int((int64_t)ir->nrisks));
	ismc_report_add_summary_at(r, k, ISMC_RISKS_SUM_INHERENT,
	    ismc_cell_int(t->inherent));
	ismc_report_add_summary_at(r, k, ISMC_RISKS_SUM_RESIDUAL,
	    ismc_cell_int(t->residual));
	/* A reduction from nothing is undefined, not 0% or 100%. */
	ismc_report_add_summary_at(r, k, ISMC_RISKS_SUM_REDUCTION,
	    t->inherent > 0 ? ismc_cell_dec(t->reduction_pct, 1) :
	    ismc_cell_null());
	ismc_report_add_summary_at(r, k, ISMC_RISKS_SUM_ACCEPTANCE,
	    ir->has_acceptance ? ismc_cell_int(ir->acceptance_max) :
	    ismc_cell_null());
	ismc_report_add_summary_at(r, k, ISMC_RISKS_SUM_ABOVE,
	    count_cell(ir, t->above_acceptance));
	ismc_report_add_summary_at(r, k, ISMC_RISKS_SUM_RES_ABOVE,
	    count_cell(ir, t->res_above_acceptance));
}

struct ismc_report *
ismc_report_risks(const struct ismc_ir *ir, struct ismc_arena *a)
{
	struct ismc_report *r;
	size_t i;

	r = ismc_report_new(a, "risks", "Risk register and treatment plan",
	    risk_columns, ISMC_RISKS_NCOLUMNS);
	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_generator(r);
	for (i = 0; i < ir->nrisks; i++)
		fill_row(ir, a, ismc_report_add_row(r), ir->risks[i]);
	for (i = ISMC_RISKS_IMPACT_DIMS; i <= ISMC_RISKS_REVIEW_OVERDUE; i++)
		ismc_report_omit_empty_column(r, i);
	add_summary(r, ir);
	return r;
}

const struct ismc_report_def ismc_report_risks_def = {
	.name = "risks",
	.scope = ISMC_SCOPE_BUILD,
	.build = ismc_report_risks,
};
