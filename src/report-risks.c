/*
 * report-risks.c - the risk register and treatment plan.
 *
 * One row per risk in IR order (by id). Each level appears twice, as its
 * value and its label ("4" and "High"), so spreadsheets can sort on the
 * number and people can read the word; the residual columns repeat the
 * inherent ones when the spec gives no residual assessment.
 */
#include <config.h>

#include "report.h"

#include <stddef.h>

#include "arena.h"
#include "catalog.h"
#include "ir.h"

enum risk_col {				/* ORDER RISK_COLUMNS */
	RISK_ID,
	RISK_TITLE,
	RISK_ASSETS,
	RISK_THREATS,
	RISK_LIKELIHOOD,
	RISK_LIKELIHOOD_LABEL,
	RISK_IMPACT,
	RISK_IMPACT_LABEL,
	RISK_SCORE,
	RISK_BAND,
	RISK_TREATMENT,
	RISK_CONTROLS,
	RISK_RES_LIKELIHOOD,
	RISK_RES_LIKELIHOOD_LABEL,
	RISK_RES_IMPACT,
	RISK_RES_IMPACT_LABEL,
	RISK_RES_SCORE,
	RISK_RES_BAND,
	RISK_OWNER,
	RISK_OWNER_TITLE,
	RISK_ABOVE,
	RISK_RES_ABOVE,
	RISK_NCOLUMNS
};

/* ORDER RISK_COLUMNS */
static const struct ismc_report_column risk_columns[] = {
	[RISK_ID] = { "id", "Risk" },
	[RISK_TITLE] = { "title", "Title" },
	[RISK_ASSETS] = { "assets", "Assets" },
	[RISK_THREATS] = { "threats", "Threats" },
	[RISK_LIKELIHOOD] = { "likelihood", "Likelihood" },
	[RISK_LIKELIHOOD_LABEL] = { "likelihood_label", "Likelihood label" },
	[RISK_IMPACT] = { "impact", "Impact" },
	[RISK_IMPACT_LABEL] = { "impact_label", "Impact label" },
	[RISK_SCORE] = { "score", "Score" },
	[RISK_BAND] = { "band", "Band" },
	[RISK_TREATMENT] = { "treatment", "Treatment" },
	[RISK_CONTROLS] = { "controls", "Controls" },
	[RISK_RES_LIKELIHOOD] = { "residual_likelihood",
	    "Residual likelihood" },
	[RISK_RES_LIKELIHOOD_LABEL] = { "residual_likelihood_label",
	    "Residual likelihood label" },
	[RISK_RES_IMPACT] = { "residual_impact", "Residual impact" },
	[RISK_RES_IMPACT_LABEL] = { "residual_impact_label",
	    "Residual impact label" },
	[RISK_RES_SCORE] = { "residual_score", "Residual score" },
	[RISK_RES_BAND] = { "residual_band", "Residual band" },
	[RISK_OWNER] = { "owner", "Owner" },
	[RISK_OWNER_TITLE] = { "owner_title", "Owner title" },
	[RISK_ABOVE] = { "above_acceptance", "Above acceptance" },
	[RISK_RES_ABOVE] = { "residual_above_acceptance",
	    "Residual above acceptance" },
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

/* acceptance_max is the highest accepted score; with no acceptance level
 * the question has no answer, hence null. */
static struct ismc_cell
above_cell(const struct ismc_ir *ir, int score)
{
	if (!ir->has_acceptance)
		return ismc_cell_null();
	return ismc_cell_bool(score > ir->acceptance_max);
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

/*
 * Framework controls and the organisation's measures, in the order the
 * spec lists them. With several frameworks a bare "A.5.7" could belong to
 * any of them, so it is qualified by catalog id.
 */
static struct ismc_cell
controls_cell(const struct ismc_ir *ir, struct ismc_arena *a,
    const struct ismc_ir_risk *r)
{
	const char **v = ismc_report_strv(a, r->ntreated_by);
	const struct ismc_ir_treat *t;
	const struct ismc_req *req;
	size_t i;

	for (i = 0; i < r->ntreated_by; i++) {
		t = &r->treated_by[i];
		if (t->measure != NULL) {
			v[i] = t->measure->id;
			continue;
		}
		req = t->control->req;
		if (ir->nframeworks > 1)
			v[i] = ismc_arena_printf(a, "%s:%s", req->catalog->id,
			    req->id);
		else
			v[i] = req->id;
	}
	return ismc_cell_list(v, r->ntreated_by);
}

static void
fill_row(const struct ismc_ir *ir, struct ismc_arena *a,
    struct ismc_cell *row, const struct ismc_ir_risk *r)
{
	const struct ismc_ir_level *rl, *ri;
	int res_score;

	rl = r->res_likelihood != NULL ? r->res_likelihood : r->likelihood;
	ri = r->res_impact != NULL ? r->res_impact : r->impact;
	res_score = r->has_residual ? r->res_score : r->score;

	row[RISK_ID] = ismc_cell_str(r->id);
	row[RISK_TITLE] = ismc_cell_str(r->title);
	row[RISK_ASSETS] = assets_cell(a, r);
	row[RISK_THREATS] = threats_cell(a, r);
	set_level(row, RISK_LIKELIHOOD, RISK_LIKELIHOOD_LABEL, r->likelihood);
	set_level(row, RISK_IMPACT, RISK_IMPACT_LABEL, r->impact);
	row[RISK_SCORE] = ismc_cell_int(r->score);
	row[RISK_BAND] = band_cell(r->band);
	if (r->treatment != ISMC_TREAT_NONE)
		row[RISK_TREATMENT] =
		    ismc_cell_str(ismc_treatment_name(r->treatment));
	row[RISK_CONTROLS] = controls_cell(ir, a, r);
	set_level(row, RISK_RES_LIKELIHOOD, RISK_RES_LIKELIHOOD_LABEL, rl);
	set_level(row, RISK_RES_IMPACT, RISK_RES_IMPACT_LABEL, ri);
	row[RISK_RES_SCORE] = ismc_cell_int(res_score);
	row[RISK_RES_BAND] = band_cell(r->has_residual ? r->res_band : r->band);
	if (r->owner != NULL) {
		row[RISK_OWNER] = ismc_cell_str(r->owner->id);
		row[RISK_OWNER_TITLE] = ismc_cell_str(r->owner->title);
	}
	row[RISK_ABOVE] = above_cell(ir, r->score);
	row[RISK_RES_ABOVE] = above_cell(ir, res_score);
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

	ismc_report_add_summary(r, "risks", "Risks",
	    ismc_cell_int((int64_t)ir->nrisks));
	ismc_report_add_summary(r, "inherent_total", "Inherent score total",
	    ismc_cell_int(t->inherent));
	ismc_report_add_summary(r, "residual_total", "Residual score total",
	    ismc_cell_int(t->residual));
	/* A reduction from nothing is undefined, not 0% or 100%. */
	ismc_report_add_summary(r, "reduction_pct", "Reduction (%)",
	    t->inherent > 0 ? ismc_cell_dec(t->reduction_pct, 1) :
	    ismc_cell_null());
	ismc_report_add_summary(r, "acceptance_max",
	    "Highest accepted score", ir->has_acceptance ?
	    ismc_cell_int(ir->acceptance_max) : ismc_cell_null());
	ismc_report_add_summary(r, "above_acceptance",
	    "Above acceptance before treatment",
	    count_cell(ir, t->above_acceptance));
	ismc_report_add_summary(r, "residual_above_acceptance",
	    "Above acceptance after treatment",
	    count_cell(ir, t->res_above_acceptance));
}

struct ismc_report *
ismc_report_risks(const struct ismc_ir *ir, struct ismc_arena *a)
{
	struct ismc_report *r;
	size_t i;

	r = ismc_report_new(a, "risks", "Risk register and treatment plan",
	    risk_columns, RISK_NCOLUMNS);
	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_generator(r);
	for (i = 0; i < ir->nrisks; i++)
		fill_row(ir, a, ismc_report_add_row(r), ir->risks[i]);
	add_summary(r, ir);
	return r;
}
