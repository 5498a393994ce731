/*
 * readiness.c - the documented information ISO/IEC 27001 requires, item by
 * item, as present, derived, missing or stale.
 *
 * One function per item decides its state from the IR; the rules are the
 * ones doc/outputs.md states ("readiness"), in the same order. Where a
 * rule rests on a Stage 1 fact (an audit within twelve months, evidence
 * for every applicable control), sema decided it (ir->stage1) and warned;
 * this file only reads it.
 */
#include <config.h>

#include "readiness.h"

#include <string.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "compilation.h"
#include "date.h"
#include "inputs.h"
#include "ir.h"

/* An item being decided. */
struct rd {
	struct ismc_compilation	*comp;
	const struct ismc_ir	*ir;
	const struct ismc_ir_framework *fw;	/* the one with clauses */
	struct ismc_readiness_item *item;
	size_t			 cap;		/* room in item->sources */
};

const char *
ismc_ready_state_name(enum ismc_ready_state s)
{
	switch (s) {			/* ORDER ISMC_READY */
	case ISMC_READY_PRESENT:
		return "present";
	case ISMC_READY_DERIVED:
		return "derived";
	case ISMC_READY_MISSING:
		return "missing";
	case ISMC_READY_STALE:
		return "stale";
	}
	return "?";
}

/* ---- helpers ----------------------------------------------------------- */

static const struct ismc_ir_control *
decision(const struct rd *d, const char *clause)
{
	size_t i;

	for (i = 0; i < d->fw->ncontrols; i++)
		if (d->fw->controls[i].declared &&
		    strcmp(d->fw->controls[i].req->id, clause) == 0)
			return &d->fw->controls[i];
	return NULL;
}

/* Adds a place the item rests on. The list doubles as it grows: an item
 * may cite every risk of a register of a hundred thousand. */
static void
cite(struct rd *d, struct ismc_span span)
{
	struct ismc_readiness_item *it = d->item;
	const char *where = ismc_inputs_where(d->comp, span);
	const char **v;

	if (where == NULL)
		return;
	if (it->nsources == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 4;
		v = ISMC_NEW_ARRAY(&d->comp->arena, const char *, d->cap);
		if (it->nsources)
			memcpy(v, it->sources, it->nsources * sizeof *v);
		it->sources = v;
	}
	it->sources[it->nsources++] = where;
}

static void
set(struct rd *d, enum ismc_ready_state state, const char *basis)
{
	d->item->state = state;
	d->item->basis = basis;
}

/* A basis in the compilation's arena. */
#define FMT(d, ...)	ismc_arena_printf(&(d)->comp->arena, __VA_ARGS__)

/* The item's clause decision names documented information: it is present
 * and the decision is its source. */
static bool
documented(struct rd *d)
{
	const struct ismc_ir_control *c = d->item->decision;

	if (c == NULL || c->nrefs == 0)
		return false;
	cite(d, c->span);
	set(d, ISMC_READY_PRESENT, FMT(d, "clause %s: %s", c->req->id,
	    c->refs[0].text));
	return true;
}

static void
missing(struct rd *d, const char *what)
{
	set(d, ISMC_READY_MISSING, what);
}

static const char *
date_str(const struct rd *d, struct ismc_date date)
{
	return ismc_date_str(&d->comp->arena, date);
}

/* ---- the items --------------------------------------------------------- */

static void
scope(struct rd *d)
{
	if (d->ir->isms.scope != NULL) {
		cite(d, d->ir->isms.scope_span);
		set(d, ISMC_READY_PRESENT, "the scope statement of 'isms'");
	} else if (!documented(d)) {
		missing(d, "no 'scope' in 'isms' and no documented scope for "
		    "clause 4.3");
	}
}

static void
policy(struct rd *d)
{
	const struct ismc_ir_control *c;
	size_t i, j;

	if (documented(d))
		return;
	/* A.5.1, "Policies for information security", names it too. */
	for (i = 0; i < d->ir->nframeworks; i++) {
		const struct ismc_ir_framework *fw = &d->ir->frameworks[i];

		for (j = 0; j < fw->ncontrols; j++) {
			c = &fw->controls[j];
			if (!c->declared || strcmp(c->req->id, "A.5.1") != 0 ||
			    c->nrefs == 0 || c->refs[0].kind !=
			    ISMC_REF_POLICY)
				continue;
			cite(d, c->span);
			set(d, ISMC_READY_PRESENT, FMT(d, "control A.5.1: %s",
			    c->refs[0].text));
			return;
		}
	}
	missing(d, "no documented policy for clause 5.2 or control A.5.1");
}

static void
assessment_process(struct rd *d)
{
	const struct ismc_ir *ir = d->ir;

	if (documented(d))
		return;
	if (ir->likelihood.nlevels > 0 && ir->impact.nlevels > 0 &&
	    ir->has_acceptance) {
		cite(d, ir->likelihood.span);
		cite(d, ir->impact.span);
		set(d, ISMC_READY_DERIVED, FMT(d,
		    "the likelihood and impact scales "
		    "and the acceptance criterion (score %d)",
		    ir->acceptance_max));
		return;
	}
	missing(d, "no documented method for clause 6.1.2, and the spec "
	    "lacks a scale or the acceptance criterion");
}

static void
assessment_results(struct rd *d)
{
	const struct ismc_ir *ir = d->ir;
	size_t i, overdue = 0;

	if (ir->nrisks == 0) {
		if (!documented(d))
			missing(d, "no risks in the spec");
		return;
	}
	for (i = 0; i < ir->nrisks; i++)
		if (ir->risks[i]->review_overdue) {
			overdue++;
			cite(d, ir->risks[i]->span);
		}
	if (overdue > 0) {
		set(d, ISMC_READY_STALE, FMT(d,
		    "%zu of %zu risks overdue for review",
		    overdue, ir->nrisks));
		return;
	}
	cite(d, ir->risks[0]->span);
	set(d, ISMC_READY_DERIVED, FMT(d, "the risk register: %zu risks",
	    ir->nrisks));
}

static void
treatment_process(struct rd *d)
{
	if (!documented(d))
		missing(d, "no documented treatment process for clause 6.1.3");
}

static void
treatment_plan(struct rd *d)
{
	const struct ismc_ir *ir = d->ir;
	size_t i, none = 0;

	if (ir->nrisks == 0) {
		missing(d, "no risks in the spec");
		return;
	}
	for (i = 0; i < ir->nrisks; i++)
		if (ir->risks[i]->treatment == ISMC_TREAT_NONE) {
			none++;
			cite(d, ir->risks[i]->span);
		}
	if (none > 0) {
		set(d, ISMC_READY_MISSING, FMT(d,
		    "%zu of %zu risks have no treatment",
		    none, ir->nrisks));
		return;
	}
	cite(d, ir->risks[0]->span);
	set(d, ISMC_READY_DERIVED, FMT(d, "the treatment of each of %zu risks",
	    ir->nrisks));
}

static void
acceptance(struct rd *d)
{
	const struct ismc_ir *ir = d->ir;
	size_t i, unaccepted = 0, expired = 0;

	if (ir->nrisks == 0) {
		missing(d, "no risks in the spec");
		return;
	}
	for (i = 0; i < ir->nrisks; i++) {
		const struct ismc_ir_risk *r = ir->risks[i];

		if (!r->owner_accepted)
			unaccepted++;
		else if (r->accepted->expired)
			expired++;
		else
			continue;
		cite(d, r->accepted != NULL ? r->accepted->span : r->span);
	}
	if (unaccepted > 0)
		set(d, ISMC_READY_MISSING, FMT(d,
		    "%zu of %zu risks not accepted by "
		    "their owner", unaccepted, ir->nrisks));
	else if (expired > 0)
		set(d, ISMC_READY_STALE, FMT(d,
		    "%zu of %zu acceptances expired",
		    expired, ir->nrisks));
	else {
		for (i = 0; i < ir->nrisks; i++)
			cite(d, ir->risks[i]->accepted->span);
		set(d, ISMC_READY_DERIVED, FMT(d,
		    "each of %zu risks accepted by its "
		    "owner", ir->nrisks));
	}
}

static void
soa(struct rd *d)
{
	size_t i, decided = 0, undecided = 0;

	for (i = 0; i < d->fw->ncontrols; i++) {
		const struct ismc_ir_control *c = &d->fw->controls[i];

		if (c->req->mandatory || c->req->is_group)
			continue;
		if (c->applicability == ISMC_UNDECIDED)
			undecided++;
		else
			decided++;
	}
	cite(d, d->fw->span);
	if (undecided > 0)
		set(d, ISMC_READY_MISSING, FMT(d, "%zu of %zu controls have no "
		    "applicability decision", undecided, decided + undecided));
	else
		set(d, ISMC_READY_DERIVED, FMT(d,
		    "the SoA of %s: %zu controls decided",
		    d->fw->catalog->id, decided));
}

static void
treatment_results(struct rd *d)
{
	const struct ismc_ir_stage1 *st = &d->ir->stage1;
	size_t i;

	for (i = 0; i < st->nunevidenced; i++)
		if (st->unevidenced[i]->declared)
			cite(d, st->unevidenced[i]->span);
	if (st->nunevidenced > 0)
		set(d, ISMC_READY_MISSING, FMT(d,
		    "%zu applicable controls have "
		    "neither evidence nor a plan", st->nunevidenced));
	else if (st->nevidenced > 0) {
		cite(d, d->fw->span);
		set(d, ISMC_READY_DERIVED, FMT(d,
		    "evidence or a plan for each of %zu "
		    "applicable controls", st->nevidenced));
	} else if (!documented(d))
		missing(d, "no applicable control");
}

static void
objectives(struct rd *d)
{
	const struct ismc_ir *ir = d->ir;

	if (ir->nkpis > 0) {
		cite(d, ir->kpis[0]->span);
		set(d, ISMC_READY_DERIVED, FMT(d, "%zu KPIs with their targets",
		    ir->nkpis));
	} else if (!documented(d)) {
		missing(d, "no KPI and no documented objectives for "
		    "clause 6.2");
	}
}

static void
documented_only(struct rd *d)
{
	if (!documented(d))
		set(d, ISMC_READY_MISSING, FMT(d,
		    "clause %s names no documented "
		    "information", d->item->clause));
}

static void
monitoring(struct rd *d)
{
	const struct ismc_ir *ir = d->ir;
	size_t i, n = 0;

	for (i = 0; i < ir->nkpis; i++)
		if (ir->kpis[i]->has_result) {
			if (n++ == 0)
				cite(d, ir->kpis[i]->span);
		}
	if (n > 0)
		set(d, ISMC_READY_DERIVED, FMT(d,
		    "results of %zu of %zu KPIs", n,
		    ir->nkpis));
	else if (!documented(d))
		missing(d, "no KPI result and no documented monitoring results "
		    "for clause 9.1");
}

static void
audit_programme(struct rd *d)
{
	const struct ismc_ir *ir = d->ir;
	size_t i;

	if (documented(d))
		return;
	for (i = 0; i < ir->naudits; i++)
		if (!ir->audits[i]->external) {
			cite(d, ir->audits[i]->span);
			set(d, ISMC_READY_DERIVED, "the internal audits of "
			    "the spec");
			return;
		}
	missing(d, "no documented audit programme for clause 9.2.2 and no "
	    "internal audit");
}

static void
audit_results(struct rd *d)
{
	const struct ismc_ir_stage1 *st = &d->ir->stage1;
	const struct ismc_ir_audit *a = st->last_audit;

	if (a == NULL) {
		missing(d, "no internal audit");
		return;
	}
	cite(d, a->span);
	set(d, st->audit_stale ? ISMC_READY_STALE : ISMC_READY_DERIVED,
	    FMT(d, "internal audit %s of %s, %zu findings", a->id, date_str(d,
	    a->date), a->nfindings));
}

static void
review_results(struct rd *d)
{
	const struct ismc_ir_stage1 *st = &d->ir->stage1;
	const struct ismc_ir_mreview *m = st->last_review;

	if (m == NULL) {
		missing(d, "no management review");
		return;
	}
	cite(d, m->span);
	set(d, st->review_stale ? ISMC_READY_STALE : ISMC_READY_DERIVED,
	    FMT(d, "management review %s of %s", m->id, date_str(d, m->date)));
}

static void
nonconformities(struct rd *d)
{
	const struct ismc_ir *ir = d->ir;
	size_t i, nc = 0, bare = 0;

	for (i = 0; i < ir->nfindings; i++) {
		const struct ismc_ir_finding *f = ir->findings[i];

		if (f->kind != ISMC_FINDING_MAJOR &&
		    f->kind != ISMC_FINDING_MINOR)
			continue;
		nc++;
		if (f->nactions == 0) {
			bare++;
			cite(d, f->span);
		}
	}
	if (bare > 0) {
		set(d, ISMC_READY_MISSING, FMT(d,
		    "%zu of %zu nonconformities have no "
		    "corrective action", bare, nc));
	} else if (ir->naudits > 0) {
		cite(d, ir->audits[0]->span);
		set(d, ISMC_READY_DERIVED, FMT(d,
		    "%zu nonconformities, each with a "
		    "corrective action", nc));
	} else if (!documented(d)) {
		missing(d, "no audit and no documented record for clause 10.2");
	}
}

/*
 * The items, in the order of the standard's clauses. `decision` is the
 * clause whose decision the report shows beside the item.
 */
static const struct {
	const char	*clause;
	const char	*decision;
	const char	*item;
	void		(*decide)(struct rd *);
} items[] = {
	{ "4.3", "4.3", "ISMS scope", scope },
	{ "5.2", "5.2", "Information security policy", policy },
	{ "6.1.2", "6.1.2", "Risk assessment process", assessment_process },
	{ "6.1.3", "6.1.3", "Risk treatment process", treatment_process },
	{ "6.1.3 d", "6.1.3", "Statement of Applicability", soa },
	{ "6.1.3 e", "6.1.3", "Risk treatment plan", treatment_plan },
	{ "6.1.3 f", "6.1.3", "Risk owners' approval of the plan and "
	    "acceptance of residual risks", acceptance },
	{ "6.2", "6.2", "Information security objectives", objectives },
	{ "7.2", "7.2", "Evidence of competence", documented_only },
	{ "8.1", "8.1", "Operational planning and control", documented_only },
	{ "8.2", "8.2", "Risk assessment results", assessment_results },
	{ "8.3", "8.3", "Risk treatment results", treatment_results },
	{ "9.1", "9.1", "Monitoring and measurement results", monitoring },
	{ "9.2.2", "9.2.2", "Internal audit programme", audit_programme },
	{ "9.2", "9.2.1", "Internal audit results", audit_results },
	{ "9.3", "9.3.3", "Management review results", review_results },
	{ "10.2", "10.2", "Nonconformities and corrective actions",
	    nonconformities },
};
#define NITEMS	(sizeof items / sizeof items[0])

static const struct ismc_ir_framework *
clause_framework(const struct ismc_ir *ir)
{
	size_t i, j;

	for (i = 0; i < ir->nframeworks; i++)
		for (j = 0; j < ir->frameworks[i].ncontrols; j++)
			if (ir->frameworks[i].controls[j].req->mandatory)
				return &ir->frameworks[i];
	return NULL;
}

static void
count_clauses(struct ismc_readiness *rd, const struct ismc_ir_framework *fw)
{
	size_t i;

	for (i = 0; i < fw->ncontrols; i++) {
		const struct ismc_ir_control *c = &fw->controls[i];

		if (!c->req->mandatory || c->req->is_group)
			continue;
		rd->clauses++;
		rd->decided += c->declared;
		rd->implemented += c->status == ISMC_STATUS_IMPLEMENTED;
	}
}

void
ismc_readiness_analyse(struct ismc_compilation *c, struct ismc_ir *ir)
{
	struct ismc_readiness *rd;
	struct rd d = { c, ir, clause_framework(ir), NULL, 0 };
	size_t i;

	if (d.fw == NULL)
		return;
	rd = ISMC_NEW(&c->arena, struct ismc_readiness);
	rd->items = ISMC_NEW_ARRAY(&c->arena, struct ismc_readiness_item,
	    NITEMS);
	rd->nitems = NITEMS;
	rd->ready = true;
	for (i = 0; i < NITEMS; i++) {
		d.item = &rd->items[i];
		d.cap = 0;
		d.item->clause = items[i].clause;
		d.item->item = items[i].item;
		d.item->decision = decision(&d, items[i].decision);
		items[i].decide(&d);
		rd->count[d.item->state]++;
		if (d.item->state == ISMC_READY_MISSING ||
		    d.item->state == ISMC_READY_STALE)
			rd->ready = false;
	}
	count_clauses(rd, d.fw);
	ir->readiness = rd;
}
