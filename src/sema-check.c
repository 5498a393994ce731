/*
 * sema-check.c - what follows from the declarations (scores, derived
 * statuses, back-references), the compliance checks, and the final,
 * deterministic order of everything in the IR.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "compilation.h"
#include "diag.h"
#include "mapping.h"
#include "sema-int.h"

/* ---- derived facts ------------------------------------------------------ */

static void
score_risk(struct sema *s, struct ismc_ir_risk *r)
{
	if (r->likelihood == NULL || r->impact == NULL)
		return;
	r->score = r->likelihood->value * r->impact->value;
	r->band = ismc_ir_band_for(s->ir, r->score);
	/* What the residual rating leaves out stays as before treatment. */
	if (r->res_likelihood == NULL)
		r->res_likelihood = r->likelihood;
	if (r->res_impact == NULL)
		r->res_impact = r->impact;
	r->res_score = r->res_likelihood->value * r->res_impact->value;
	r->res_band = ismc_ir_band_for(s->ir, r->res_score);
	r->above_acceptance = s->ir->has_acceptance &&
	    r->score > s->ir->acceptance_max;
	r->res_above_acceptance = s->ir->has_acceptance &&
	    r->res_score > s->ir->acceptance_max;
}

/*
 * A control that treats a risk or is implemented by a measure is in the
 * SoA even when the spec never says `applicable`; a control with no status
 * of its own takes the best status among the measures covering it.
 */
static void
link_control_risk(struct ismc_ir_control *c, const struct ismc_ir_risk *r)
{
	if (c->nrisks > 0 && c->risks[c->nrisks - 1] == r)
		return;		/* named twice by one risk */
	c->risks[c->nrisks++] = r;	/* reserve_risk_links made room */
	c->reasons |= ISMC_REASON_RISK;
	if (c->applicability == ISMC_UNDECIDED)
		c->applicability = ISMC_APPLICABLE;
}

static void
link_measure_risk(struct ismc_ir_measure *m, const struct ismc_ir_risk *r)
{
	size_t i;

	if (m->nrisks > 0 && m->risks[m->nrisks - 1] == r)
		return;
	m->risks[m->nrisks++] = r;	/* reserve_risk_links made room */
	m->reasons |= ISMC_REASON_RISK;
	for (i = 0; i < m->ncovers; i++)
		link_control_risk(m->covers[i], r);
}

static void
link_measure(struct sema *s, struct ismc_ir_measure *m)
{
	size_t i;

	for (i = 0; i < m->ncovers; i++) {
		struct ismc_ir_control *c = m->covers[i];

		if (c->nmeasures > 0 && c->measures[c->nmeasures - 1] == m)
			continue;
		c->measures = (const struct ismc_ir_measure **)sema_ptr_push(s,
		    (void **)c->measures, &c->nmeasures, m);
		c->reasons |= m->reasons;
		if (c->applicability == ISMC_UNDECIDED)
			c->applicability = ISMC_APPLICABLE;
		if (!c->declared || c->status == ISMC_STATUS_UNSET) {
			if (c->status == ISMC_STATUS_UNSET ||
			    c->status_derived) {
				if (m->status > c->status)
					c->status = m->status;
				c->status_derived = true;
			}
		}
	}
}

/*
 * The risks each control and measure is linked to are counted before they
 * are linked, and their lists allocated once at that size (a risk naming
 * one twice counts twice: a bound). Grown by doubling in the arena, these
 * lists, the largest sema makes on a long register, left about two thirds
 * of their memory unused or discarded.
 */
static const struct ismc_ir_risk **
risk_room(struct sema *s, const struct ismc_ir_risk **list, size_t *n)
{
	if (list != NULL)
		return list;	/* made on an earlier visit */
	list = ISMC_NEW_ARRAY(s->arena, const struct ismc_ir_risk *, *n);
	*n = 0;
	return list;
}

static void
reserve_risk_links(struct sema *s, struct ismc_ir *ir)
{
	const struct ismc_ir_treat *t;
	struct ismc_ir_measure *m;
	struct ismc_ir_control *c;
	size_t i, j, k, pass;

	/* Count, then make each list on its first visit with that count
	 * (which starts again from 0 for linking). */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < ir->nrisks; i++) {
			for (j = 0; j < ir->risks[i]->ntreated_by; j++) {
				t = &ir->risks[i]->treated_by[j];
				if ((c = t->control) != NULL) {
					if (pass == 0)
						c->nrisks++;
					else
						c->risks = risk_room(s, c->risks,
						    &c->nrisks);
					continue;
				}
				m = t->measure;
				if (pass == 0)
					m->nrisks++;
				else
					m->risks = risk_room(s, m->risks,
					    &m->nrisks);
				for (k = 0; k < m->ncovers; k++) {
					c = m->covers[k];
					if (pass == 0)
						c->nrisks++;
					else
						c->risks = risk_room(s, c->risks,
						    &c->nrisks);
				}
			}
		}
	}
}

/*
 * A control given a status is in the SoA: applicable unless excluded. So
 * the SoA and the gap analysis read one decision the same way (a status
 * with no `applicable` was undecided in the one and implemented in the
 * other).
 */
static void
status_makes_applicable(struct ismc_ir_framework *fw)
{
	size_t i;

	for (i = 0; i < fw->ncontrols; i++)
		if (fw->controls[i].applicability == ISMC_UNDECIDED &&
		    fw->controls[i].status != ISMC_STATUS_UNSET)
			fw->controls[i].applicability = ISMC_APPLICABLE;
}

/* The requirement a measure closes learns of it (explain, the analysis). */
static void
link_closer(struct sema *s, struct ismc_ir_measure *m)
{
	struct ismc_ir_control *c;
	size_t i;

	for (i = 0; i < m->ncloses; i++) {
		c = m->closes[i];
		if (c->nclosers > 0 && c->closers[c->nclosers - 1] == m)
			continue;
		c->closers = (const struct ismc_ir_measure **)sema_ptr_push(s,
		    (void **)c->closers, &c->nclosers, m);
	}
}

static int
risk_cmp(const void *a, const void *b)
{
	return ismc_natcmp((*(struct ismc_ir_risk *const *)a)->id,
	    (*(struct ismc_ir_risk *const *)b)->id);
}

static int
measure_cmp(const void *a, const void *b)
{
	return ismc_natcmp((*(struct ismc_ir_measure *const *)a)->id,
	    (*(struct ismc_ir_measure *const *)b)->id);
}

void **
sema_decl_objs(struct sema *s, const struct sema_decls *d,
    int (*cmp)(const void *, const void *))
{
	void **v = ISMC_NEW_ARRAY(s->arena, void *, d->n ? d->n : 1);
	size_t i;

	for (i = 0; i < d->n; i++)
		v[i] = d->v[i]->obj;
	if (cmp != NULL && d->n > 1)
		qsort(v, d->n, sizeof *v, cmp);
	return v;
}

#define ID_CMP(name, type)						\
static int								\
name(const void *a, const void *b)					\
{									\
	return ismc_natcmp((*(type *const *)a)->id,			\
	    (*(type *const *)b)->id);					\
}
ID_CMP(role_cmp, struct ismc_ir_role)
ID_CMP(asset_cmp, struct ismc_ir_asset)
ID_CMP(threat_cmp, struct ismc_ir_threat)

void
sema_derive(struct sema *s)
{
	struct ismc_ir *ir = s->ir;
	size_t i, j;

	/* Sorting first makes every back-reference list come out sorted. */
	ir->roles = (struct ismc_ir_role **)sema_decl_objs(s, &s->role_d, role_cmp);
	ir->nroles = s->role_d.n;
	ir->assets = (struct ismc_ir_asset **)sema_decl_objs(s, &s->asset_d,
	    asset_cmp);
	ir->nassets = s->asset_d.n;
	ir->threats = (struct ismc_ir_threat **)sema_decl_objs(s, &s->threat_d,
	    threat_cmp);
	ir->nthreats = s->threat_d.n;
	ir->measures = (struct ismc_ir_measure **)sema_decl_objs(s, &s->measure_d,
	    measure_cmp);
	ir->nmeasures = s->measure_d.n;
	ir->risks = (struct ismc_ir_risk **)sema_decl_objs(s, &s->risk_d, risk_cmp);
	ir->nrisks = s->risk_d.n;

	for (i = 0; i < ir->nmeasures; i++) {
		link_measure(s, ir->measures[i]);
		link_closer(s, ir->measures[i]);
	}
	for (i = 0; i < ir->nframeworks; i++)
		status_makes_applicable(&ir->frameworks[i]);
	reserve_risk_links(s, ir);
	for (i = 0; i < ir->nrisks; i++) {
		struct ismc_ir_risk *r = ir->risks[i];

		score_risk(s, r);
		for (j = 0; j < r->ntreated_by; j++) {
			if (r->treated_by[j].control != NULL)
				link_control_risk(r->treated_by[j].control, r);
			else
				link_measure_risk(r->treated_by[j].measure, r);
		}
	}
}

/* ---- checks ------------------------------------------------------------- */

static void
check_exclusions(struct sema *s)
{
	size_t i, j, k;

	for (i = 0; i < s->ir->nrisks; i++) {
		const struct ismc_ir_risk *r = s->ir->risks[i];

		for (j = 0; j < r->ntreated_by; j++) {
			const struct ismc_ir_treat *t = &r->treated_by[j];

			if (t->control == NULL ||
			    t->control->applicability != ISMC_EXCLUDED)
				continue;
			ismc_diag_error(s->diag, t->span, "risk '%s' is "
			    "treated by '%s', which the Statement of "
			    "Applicability excludes", r->id,
			    t->control->req->id);
			ismc_diag_note(s->diag, t->control->span, "'%s' is "
			    "excluded here", t->control->req->id);
		}
	}
	for (i = 0; i < s->ir->nmeasures; i++) {
		const struct ismc_ir_measure *m = s->ir->measures[i];

		for (k = 0; k < m->ncovers; k++) {
			if (m->covers[k]->applicability != ISMC_EXCLUDED)
				continue;
			ismc_diag_error(s->diag, m->span, "measure '%s' covers "
			    "'%s', which the Statement of Applicability "
			    "excludes", m->id, m->covers[k]->req->id);
			ismc_diag_note(s->diag, m->covers[k]->span, "'%s' is "
			    "excluded here", m->covers[k]->req->id);
		}
	}
}

static const char *
shortfall(enum ismc_status st)
{
	switch (st) {
	case ISMC_STATUS_PARTIAL:
		return "is only partially implemented";
	case ISMC_STATUS_PLANNED:
		return "is only planned";
	case ISMC_STATUS_NOT_IMPLEMENTED:
		return "is not implemented";
	case ISMC_STATUS_UNSET:
		return "has no implementation status";
	case ISMC_STATUS_IMPLEMENTED:
		break;
	}
	return NULL;
}

static void
check_mitigation(struct sema *s, const struct ismc_ir_risk *r)
{
	size_t j;

	if (r->treatment != ISMC_TREAT_MITIGATE)
		return;
	if (r->ntreated_by == 0 && !r->controls_given) {
		ismc_diag_warning(s->diag, ISMC_W_MITIGATION_WITHOUT_CONTROLS,
		    r->span, "risk '%s' is to be "
		    "mitigated but names no controls", r->id);
		return;
	}
	for (j = 0; j < r->ntreated_by; j++) {
		const struct ismc_ir_treat *t = &r->treated_by[j];
		enum ismc_status st = t->control ? t->control->status :
		    t->measure->status;
		const char *id = t->control ? t->control->req->id :
		    t->measure->id;

		if (st == ISMC_STATUS_IMPLEMENTED)
			continue;
		if (t->control != NULL &&
		    t->control->applicability == ISMC_EXCLUDED)
			continue;	/* already an error */
		ismc_diag_warning(s->diag, ISMC_W_WEAK_MITIGATION,
		    t->span, "risk '%s' is mitigated "
		    "by '%s', which %s", r->id, id, shortfall(st));
	}
}

static void
check_risk(struct sema *s, const struct ismc_ir_risk *r)
{
	struct ismc_span at = r->span;

	if (r->likelihood == NULL || r->impact == NULL)
		return;
	if (r->res_score > r->score)
		ismc_diag_error(s->diag, at, "residual score of risk '%s' "
		    "(%d) is higher than its inherent score (%d)", r->id,
		    r->res_score, r->score);
	if (r->above_acceptance && r->treatment == ISMC_TREAT_NONE &&
	    !r->treatment_given)
		ismc_diag_warning(s->diag, ISMC_W_UNMET_ACCEPTANCE,
		    at, "risk '%s' scores %d, above the "
		    "acceptance criterion (%d), but has no treatment", r->id,
		    r->score, s->ir->acceptance_max);
	else if (r->above_acceptance && r->treatment == ISMC_TREAT_ACCEPT &&
	    !sema_acceptance_approved(r))
		ismc_diag_warning(s->diag, ISMC_W_UNMET_ACCEPTANCE,
		    at, "risk '%s' scores %d, above the "
		    "acceptance criterion (%d), but is accepted", r->id,
		    r->score, s->ir->acceptance_max);
	check_mitigation(s, r);
}

static void
check_undecided(struct sema *s, const struct ismc_ir_framework *fw)
{
	struct ismc_buf b;
	size_t i, n = 0;

	/* Requirement catalogs (DORA, SOC 2) are met through mappings, not
	 * decided control by control. */
	if (!ismc_catalog_is_controls(fw->catalog))
		return;
	ismc_buf_init(&b);
	for (i = 0; i < fw->ncontrols; i++) {
		/* Only SoA rows need a decision: ISO clauses 4-10 are
		 * mandatory, and an undecided one is simply not claimed. */
		if (fw->controls[i].applicability != ISMC_UNDECIDED ||
		    fw->controls[i].req->mandatory)
			continue;
		if (n < 5)
			ismc_buf_printf(&b, "%s%s", n ? ", " : "",
			    fw->controls[i].req->id);
		n++;
	}
	if (n > 5)
		ismc_buf_printf(&b, " and %zu more", n - 5);
	if (n > 0)
		ismc_diag_warning(s->diag, ISMC_W_UNDECIDED_CONTROL,
		    fw->span, "%zu control%s of %s %s "
		    "no applicability decision: %s", n, n == 1 ? "" : "s",
		    fw->catalog->id, n == 1 ? "has" : "have", ismc_buf_cstr(&b));
	ismc_buf_free(&b);
}

static void
check_controls(struct sema *s, const struct ismc_ir_framework *fw)
{
	size_t i;

	for (i = 0; i < fw->ncontrols; i++) {
		const struct ismc_ir_control *c = &fw->controls[i];

		if (c->declared && c->applicability == ISMC_APPLICABLE &&
		    c->status == ISMC_STATUS_UNSET && !c->status_given &&
		    !c->conflicting)
			ismc_diag_warning(s->diag, ISMC_W_MISSING_STATUS,
			    c->span, "applicable "
			    "control '%s' has no implementation status",
			    c->req->id);
	}
}

/* Whether some row in use leaves a residual of requirement r, naming it
 * or a group holding it as its target. */
static bool
has_residual_row(const struct ismc_ir *ir, const struct ismc_req *r)
{
	const struct ismc_ir_maprow *mr;
	const struct ismc_req *p;
	size_t i, j;

	for (i = 0; i < ir->ncrosswalks; i++) {
		for (j = 0; j < ir->crosswalks[i].nrows; j++) {
			mr = &ir->crosswalks[i].rows[j];
			if (ismc_mapping_row_residual(mr->row) == NULL)
				continue;
			for (p = r; p != NULL && p != mr->target; p = p->parent)
				continue;
			if (p != NULL)
				return true;
		}
	}
	return false;
}

static void
check_closers(struct sema *s)
{
	const struct ismc_ir_measure *m;
	size_t i, j;

	for (i = 0; i < s->ir->nmeasures; i++) {
		m = s->ir->measures[i];
		for (j = 0; j < m->ncloses; j++)
			if (!has_residual_row(s->ir, m->closes[j]->req))
				ismc_diag_warning(s->diag,
				    ISMC_W_RESIDUAL_NOT_OPEN,
				    m->span, "measure '%s' "
				    "closes the residual of %s:%s, but no "
				    "mapping row in use leaves one there",
				    m->id, m->closes[j]->req->catalog->id,
				    m->closes[j]->req->id);
	}
}

void
sema_check(struct sema *s)
{
	size_t i;

	check_exclusions(s);
	check_closers(s);
	sema_check_roadmap(s);
	sema_check_stage1(s);
	for (i = 0; i < s->ir->nrisks; i++) {
		check_risk(s, s->ir->risks[i]);
		sema_check_acceptance(s, s->ir->risks[i]);
	}
	for (i = 0; i < s->nfw; i++) {
		check_controls(s, &s->fw[i]);
		check_undecided(s, &s->fw[i]);
	}
}

/* ---- totals ------------------------------------------------------------- */

void
sema_finish(struct sema *s)
{
	struct ismc_ir_totals *t = &s->ir->totals;
	size_t i;

	for (i = 0; i < s->ir->nrisks; i++) {
		const struct ismc_ir_risk *r = s->ir->risks[i];

		t->inherent += r->score;
		t->residual += r->res_score;
		if (r->above_acceptance)
			t->above_acceptance++;
		if (r->res_above_acceptance)
			t->res_above_acceptance++;
	}
	t->reduction_pct = t->inherent > 0 ?
	    100.0 * (double)(t->inherent - t->residual) / (double)t->inherent :
	    0.0;
}
