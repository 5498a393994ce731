/*
 * sema-audit.c - the Check and Act of the ISMS: KPIs with targets and
 * results, the audit programme with findings and corrective actions, and
 * evidence that goes stale. Met/missed, closed, overdue and stale are all
 * computed here against the build's as-of date, never typed in.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "compilation.h"
#include "diag.h"
#include "sema-int.h"

/* ---- shared attribute helpers ------------------------------------------- */

static const struct ismc_ir_control **
control_list(struct sema *s, const struct ismc_item *it,
    const struct ismc_ir_control **list, size_t *n)
{
	const struct ismc_value *v;
	struct ismc_ir_control *c;

	if (!sema_args_some(s, it))
		return list;
	for (v = it->args; v != NULL; v = ismc_value_next(v))
		if (sema_resolve_control(s, v, &c, NULL))
			list = (const struct ismc_ir_control **)sema_ptr_push(s,
			    (void **)list, n, c);
	return list;
}

/* ---- KPIs --------------------------------------------------------------- */

static const char *const cmp_words[] = {	/* ORDER ISMC_CMP */
	"below", "at-most", "above", "at-least", "exactly",
};

/* A measured quantity: 5%, 14 days, 2 (with an optional unit word), and
 * its number as the spec spells it, for the reports to print in full. */
static bool
quantity(struct sema *s, const struct ismc_value *v, double *num,
    const char **text, const char **unit)
{
	const struct ismc_value *u;

	if (v == NULL || (v->kind != ISMC_V_NUMBER && v->kind != ISMC_V_PERCENT))
		return false;
	*num = ismc_value_num(v);
	*text = v->kind == ISMC_V_PERCENT ? ismc_arena_strndup(&s->comp->arena,
	    v->text, strlen(v->text) - 1) : v->text;
	if (v->kind == ISMC_V_PERCENT)
		*unit = "%";
	else if ((u = ismc_value_next(v)) != NULL && u->kind == ISMC_V_IDENT)
		*unit = u->text;
	else
		*unit = NULL;
	return true;
}

static bool
unit_agrees(struct sema *s, struct ismc_ir_kpi *k, const char *unit,
    struct ismc_span at)
{
	if (unit == NULL)
		return true;
	if (k->unit == NULL) {
		k->unit = unit;
		return true;
	}
	if (strcmp(k->unit, unit) == 0)
		return true;
	ismc_diag_error(s->diag, at, "KPI '%s' mixes units '%s' and '%s'",
	    k->id, k->unit, unit);
	return false;
}

/* A percentage is a share of a whole: above 100 % it is a typo, or a
 * quantity that is not a percentage. */
static void
check_percent(struct sema *s, const struct ismc_ir_kpi *k,
    const struct ismc_value *v, const char *what)
{
	if (v->kind == ISMC_V_PERCENT && ismc_value_num(v) > 100.0)
		ismc_diag_warning(s->diag, ISMC_W_PERCENT_OVER_100,
		    v->span, "%s of KPI '%s' is %s, "
		    "above 100%%", what, k->id, v->text);
}

static void
kpi_target(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_kpi *k = o;
	const char *unit;
	int c;

	if (it->nargs < 2 || it->nargs > 3 ||
	    !quantity(s, &it->args[1], &k->target, &k->target_text,
	    &unit) ||
	    (it->nargs == 3 && unit == NULL) ||
	    (it->nargs == 3 && it->args[1].kind == ISMC_V_PERCENT)) {
		ismc_diag_error(s->diag, it->span, "'target' takes a "
		    "comparison and a value, as in 'target below 5%%' or "
		    "'target at-most 14 days'");
		return;
	}
	if ((c = sema_value_enum(s, it->args, cmp_words,
	    sizeof cmp_words / sizeof cmp_words[0], "comparison")) < 0)
		return;
	k->cmp = (enum ismc_cmp)c;
	if (unit_agrees(s, k, unit, ismc_value_next(it->args)->span))
		check_percent(s, k, ismc_value_next(it->args), "the target");
}

static void
kpi_result(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_kpi *k = o;
	const char *unit;

	if (it->nargs < 1 || it->nargs > 2 ||
	    !quantity(s, it->args, &k->result, &k->result_text, &unit) ||
	    (it->nargs == 2 && unit == NULL) ||
	    (it->nargs == 2 && it->args->kind == ISMC_V_PERCENT)) {
		ismc_diag_error(s->diag, it->span, "'result' takes a value, as "
		    "in 'result 3.5%%' or 'result 12 days'");
		return;
	}
	k->has_result = unit_agrees(s, k, unit, it->args->span);
	if (k->has_result)
		check_percent(s, k, it->args, "the result");
}

SEMA_CALL_ATTR(kpi_owner, struct ismc_ir_kpi, owner, sema_arg_role)

static void
kpi_period(struct sema *s, void *o, const struct ismc_item *it)
{
	static const char *const periods[] = {
		"week", "month", "quarter", "half-year", "year",
	};
	int p = sema_arg_enum(s, it, periods,
	    sizeof periods / sizeof periods[0], "period");

	if (p >= 0)
		((struct ismc_ir_kpi *)o)->period = periods[p];
}

SEMA_STRING_ATTR(kpi_description, struct ismc_ir_kpi, description)

static void
kpi_controls(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_kpi *k = o;

	k->controls = control_list(s, it, k->controls, &k->ncontrols);
}

static const struct sema_attr kpi_attrs[] = {
	{ .name = "target", .fn = kpi_target },
	{ .name = "result", .fn = kpi_result },
	{ .name = "owner", .fn = kpi_owner },
	{ .name = "period", .fn = kpi_period },
	{ .name = "description", .fn = kpi_description },
	{ .name = "controls", .fn = kpi_controls, .repeatable = true },
};

static bool
kpi_met(const struct ismc_ir_kpi *k)
{
	switch (k->cmp) {
	case ISMC_CMP_LT:
		return k->result < k->target;
	case ISMC_CMP_LE:
		return k->result <= k->target;
	case ISMC_CMP_GT:
		return k->result > k->target;
	case ISMC_CMP_GE:
		return k->result >= k->target;
	case ISMC_CMP_EQ:
		return k->result == k->target;
	}
	return false;
}

static void
define_kpis(struct sema *s)
{
	size_t i;

	for (i = 0; i < s->kpi_d.n && !ismc_diag_stopped(s->diag); i++) {
		struct ismc_ir_kpi *k = s->kpi_d.v[i]->obj;
		const struct ismc_item *it = s->kpi_d.v[i]->item;

		sema_apply_attrs(s, it, kpi_attrs,
		    sizeof kpi_attrs / sizeof kpi_attrs[0], k,
		    SEMA_WHAT("KPI", k->id));
		if (!sema_has_key(it, "target")) {
			ismc_diag_error(s->diag, k->span, "KPI '%s' has no "
			    "target", k->id);
			continue;
		}
		if (k->has_result)
			k->met = kpi_met(k);
		else if (!sema_has_key(it, "result"))
			ismc_diag_warning(s->diag, ISMC_W_KPI_NO_RESULT,
			    k->span, "KPI '%s' has no "
			    "result yet", k->id);
	}
}

/* ---- audits, findings, corrective actions -------------------------------- */

/* The short words first, in ISMC_FINDING order, then the terms of
 * ISO/IEC 27001 and ISO 19011 for the first three: either spelling works. */
static const char *const finding_kinds[] = {	/* ORDER ISMC_FINDING */
	"major", "minor", "improvement", "observation",
	"major-nonconformity", "minor-nonconformity",
	"opportunity-for-improvement",
};
#define NFINDING_KINDS	4

static const char *const action_states[] = {	/* ORDER ISMC_ACTION */
	"open", "in-progress", "done",
};

SEMA_CALL_ATTR(action_owner, struct ismc_ir_action, owner, sema_arg_role)

static void
action_due(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_action *a = o;

	a->has_due = sema_arg_date(s, it, &a->due);
}

static void
action_closed(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_action *a = o;

	a->has_closed = sema_arg_date(s, it, &a->closed);
}

static void
action_status(struct sema *s, void *o, const struct ismc_item *it)
{
	int k = sema_arg_enum(s, it, action_states,
	    sizeof action_states / sizeof action_states[0], "action status");

	if (k >= 0)
		((struct ismc_ir_action *)o)->status = (enum ismc_action_status)k;
}

static const struct sema_attr action_attrs[] = {
	{ .name = "owner", .fn = action_owner },
	{ .name = "due", .fn = action_due },
	{ .name = "status", .fn = action_status },
	{ .name = "closed", .fn = action_closed },
};

/* Findings and actions nest in audits, but their ids are spec-wide, so
 * they are declared like top-level items when their parent is defined. */
static void
finding_kind(struct sema *s, void *o, const struct ismc_item *it)
{
	int k = sema_arg_enum(s, it, finding_kinds,
	    sizeof finding_kinds / sizeof finding_kinds[0], "finding kind");

	if (k >= 0)
		((struct ismc_ir_finding *)o)->kind =
		    (enum ismc_finding_kind)(k % NFINDING_KINDS);
}

static void
finding_controls(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_finding *f = o;

	f->controls = control_list(s, it, f->controls, &f->ncontrols);
}

static void
finding_clauses(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_finding *f = o;
	const struct ismc_value *v;

	if (!sema_args_strings(s, it))
		return;
	for (v = it->args; v != NULL; v = ismc_value_next(v))
		f->clauses = (const char **)sema_ptr_push(s,
		    (void **)f->clauses, &f->nclauses, (void *)v->text);
}

static void
finding_action(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_finding *f = o;
	struct ismc_ir_action *a;

	a = sema_declare_named(s, it, sizeof *a, &s->actions, &s->action_d,
	    "corrective action");
	if (a == NULL)
		return;
	a->span = it->args->span;
	sema_apply_attrs(s, it, action_attrs,
	    sizeof action_attrs / sizeof action_attrs[0], a,
	    SEMA_WHAT("corrective action", a->id));
	f->actions = (struct ismc_ir_action **)sema_ptr_push(s,
	    (void **)f->actions, &f->nactions, a);
}

static const struct sema_attr finding_attrs[] = {
	{ .name = "kind", .fn = finding_kind },
	{ .name = "controls", .fn = finding_controls, .repeatable = true },
	{ .name = "clauses", .fn = finding_clauses, .repeatable = true },
	{ .name = "action", .fn = finding_action, .repeatable = true,
	    .block = true },
};

static void
audit_type(struct sema *s, void *o, const struct ismc_item *it)
{
	static const char *const types[] = { "internal", "external" };
	int k = sema_arg_enum(s, it, types, 2, "audit type");

	if (k >= 0)
		((struct ismc_ir_audit *)o)->external = k == 1;
}

static void
audit_date(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_audit *a = o;

	a->has_date = sema_arg_date(s, it, &a->date);
}

static void
audit_end(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_audit *a = o;

	a->has_end = sema_arg_date(s, it, &a->end);
}

SEMA_STRING_ATTR(audit_auditor, struct ismc_ir_audit, auditor)

SEMA_STRING_ATTR(audit_scope, struct ismc_ir_audit, scope)

static void
audit_finding(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_audit *a = o;
	struct ismc_ir_finding *f;

	f = sema_declare_named(s, it, sizeof *f, &s->findings, &s->finding_d,
	    "finding");
	if (f == NULL)
		return;
	f->span = it->args->span;
	f->audit = a;
	f->kind = ISMC_FINDING_OBSERVATION;
	if (!sema_has_key(it, "kind"))
		ismc_diag_error(s->diag, f->span, "finding '%s' has no kind; "
		    "add 'kind major|minor|improvement|observation'", f->id);
	sema_apply_attrs(s, it, finding_attrs,
	    sizeof finding_attrs / sizeof finding_attrs[0], f,
	    SEMA_WHAT("finding", f->id));
	a->findings = (struct ismc_ir_finding **)sema_ptr_push(s,
	    (void **)a->findings, &a->nfindings, f);
}

static const struct sema_attr audit_attrs[] = {
	{ .name = "type", .fn = audit_type },
	{ .name = "date", .fn = audit_date },
	{ .name = "end", .fn = audit_end },
	{ .name = "auditor", .fn = audit_auditor },
	{ .name = "scope", .fn = audit_scope },
	{ .name = "finding", .fn = audit_finding, .repeatable = true,
	    .block = true },
};

static void
define_audits(struct sema *s)
{
	size_t i;

	for (i = 0; i < s->audit_d.n && !ismc_diag_stopped(s->diag); i++) {
		struct ismc_ir_audit *a = s->audit_d.v[i]->obj;
		const struct ismc_item *it = s->audit_d.v[i]->item;

		sema_apply_attrs(s, it, audit_attrs,
		    sizeof audit_attrs / sizeof audit_attrs[0], a,
		    SEMA_WHAT("audit", a->id));
		if (a->has_date && a->has_end && ismc_date_cmp(a->end, a->date) < 0)
			ismc_diag_error(s->diag, a->span, "audit '%s' ends "
			    "before it starts", a->id);
	}
}

/* ---- evidence ----------------------------------------------------------- */


/* The evidence being defined and its `valid` item, read once `collected`
 * is known whatever the order of the two. */
struct evidence_build {
	struct ismc_ir_evidence	*e;
	const struct ismc_item	*valid;
};

static void
evidence_collected(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_evidence *e = ((struct evidence_build *)o)->e;

	e->has_collected = sema_arg_date(s, it, &e->collected);
}

static void
evidence_valid(struct sema *s, void *o, const struct ismc_item *it)
{
	(void)s;
	((struct evidence_build *)o)->valid = it;
}

static void
evidence_owner(struct sema *s, void *o, const struct ismc_item *it)
{
	((struct evidence_build *)o)->e->owner = sema_arg_role(s, it);
}

static void
evidence_controls(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_evidence *e = ((struct evidence_build *)o)->e;

	e->controls = control_list(s, it, e->controls, &e->ncontrols);
}

static const struct sema_attr evidence_attrs[] = {
	{ .name = "collected", .fn = evidence_collected },
	{ .name = "valid", .fn = evidence_valid },
	{ .name = "owner", .fn = evidence_owner },
	{ .name = "controls", .fn = evidence_controls, .repeatable = true },
};

static void
define_evidence(struct sema *s)
{
	size_t i;

	for (i = 0; i < s->evidence_d.n && !ismc_diag_stopped(s->diag); i++) {
		struct evidence_build b = { s->evidence_d.v[i]->obj, NULL };
		struct ismc_ir_evidence *e = b.e;
		struct ismc_ir_period p;

		sema_apply_attrs(s, s->evidence_d.v[i]->item, evidence_attrs,
		    sizeof evidence_attrs / sizeof evidence_attrs[0], &b,
		    SEMA_WHAT("evidence", e->id));
		if (b.valid == NULL)
			continue;
		if (!e->has_collected) {
			ismc_diag_error(s->diag, b.valid->span, "evidence '%s' "
			    "has a validity but no 'collected' date", e->id);
			continue;
		}
		/* Calendar months from the collection date: "12 months"
		 * from 2026-03-31 ends on 2027-03-31. */
		if (!sema_arg_period(s, b.valid, &p))
			continue;
		e->expires = ismc_period_end(e->collected, p);
		e->valid_days = (int)(ismc_date_to_days(e->expires) -
		    ismc_date_to_days(e->collected));
	}
}

/* ---- the as-of checks --------------------------------------------------- */

static void
check_as_of(struct sema *s)
{
	struct ismc_ir *ir = s->ir;
	size_t i, j;

	for (i = 0; i < s->finding_d.n; i++) {
		struct ismc_ir_finding *f = s->finding_d.v[i]->obj;

		/* A nonconformity closes with its last action; an improvement
		 * or observation needs no action at all. */
		f->closed = f->nactions > 0 || f->kind == ISMC_FINDING_OFI ||
		    f->kind == ISMC_FINDING_OBSERVATION;
		for (j = 0; j < f->nactions; j++) {
			struct ismc_ir_action *a = f->actions[j];

			if (a->status != ISMC_ACTION_DONE)
				f->closed = false;
			if (!ir->has_as_of || !a->has_due ||
			    a->status == ISMC_ACTION_DONE ||
			    ismc_date_cmp(a->due, ir->as_of) >= 0)
				continue;
			a->overdue = true;
			ismc_diag_warning(s->diag, ISMC_W_OVERDUE_ACTION,
			    a->span, "corrective action "
			    "'%s' was due on %s and is not done (as of %s)",
			    a->id, ismc_date_str(s->arena, a->due), ismc_date_str(s->arena, ir->as_of));
		}
		if (f->nactions == 0 && (f->kind == ISMC_FINDING_MAJOR ||
		    f->kind == ISMC_FINDING_MINOR))
			ismc_diag_warning(s->diag,
			    ISMC_W_UNADDRESSED_NONCONFORMITY,
			    f->span, "nonconformity "
			    "'%s' has no corrective action", f->id);
	}
	for (i = 0; i < s->evidence_d.n && ir->has_as_of; i++) {
		struct ismc_ir_evidence *e = s->evidence_d.v[i]->obj;

		if (e->valid_days <= 0 || ismc_date_cmp(e->expires, ir->as_of) >= 0)
			continue;
		e->stale = true;
		ismc_diag_warning(s->diag, ISMC_W_STALE_EVIDENCE,
		    e->span, "evidence '%s' expired on "
		    "%s (as of %s)", e->id, ismc_date_str(s->arena, e->expires),
		    ismc_date_str(s->arena, ir->as_of));
	}
}

static int
audit_cmp(const void *a, const void *b)
{
	const struct ismc_ir_audit *x = *(const struct ismc_ir_audit *const *)a;
	const struct ismc_ir_audit *y = *(const struct ismc_ir_audit *const *)b;

	if (x->has_date != y->has_date)
		return x->has_date ? -1 : 1;
	if (x->has_date && ismc_date_cmp(x->date, y->date) != 0)
		return ismc_date_cmp(x->date, y->date);
	return ismc_natcmp(x->id, y->id);
}

#define ID_SORT(name, type)						\
static int								\
name(const void *a, const void *b)					\
{									\
	return ismc_natcmp((*(type *const *)a)->id,			\
	    (*(type *const *)b)->id);					\
}
ID_SORT(kpi_cmp, struct ismc_ir_kpi)
ID_SORT(finding_cmp, struct ismc_ir_finding)
ID_SORT(evidence_cmp, struct ismc_ir_evidence)

static void **
sorted(struct sema *s, const struct sema_decls *d,
    int (*cmp)(const void *, const void *))
{
	void **v = ISMC_NEW_ARRAY(s->arena, void *, d->n ? d->n : 1);
	size_t i;

	for (i = 0; i < d->n; i++)
		v[i] = d->v[i]->obj;
	if (d->n > 1)
		qsort(v, d->n, sizeof *v, cmp);
	return v;
}

void
sema_define_check_act(struct sema *s)
{
	struct ismc_ir *ir = s->ir;

	if (s->comp->has_as_of) {
		ir->has_as_of = true;
		ir->as_of = s->comp->as_of;
	} else if (ir->isms.has_date) {
		ir->has_as_of = true;
		ir->as_of = ir->isms.date;
	}
	define_kpis(s);
	define_audits(s);
	define_evidence(s);
	check_as_of(s);
	ir->kpis = (struct ismc_ir_kpi **)sorted(s, &s->kpi_d, kpi_cmp);
	ir->nkpis = s->kpi_d.n;
	ir->audits = (struct ismc_ir_audit **)sorted(s, &s->audit_d, audit_cmp);
	ir->naudits = s->audit_d.n;
	ir->findings = (struct ismc_ir_finding **)sorted(s, &s->finding_d,
	    finding_cmp);
	ir->nfindings = s->finding_d.n;
	ir->evidence = (struct ismc_ir_evidence **)sorted(s, &s->evidence_d,
	    evidence_cmp);
	ir->nevidence = s->evidence_d.n;
}
