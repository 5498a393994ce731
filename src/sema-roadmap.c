/*
 * sema-roadmap.c - the implementation roadmap: phases and milestones with
 * their dates and owners, the target dates (`due`) of controls, clauses
 * and measures not yet implemented, and the one list in date order that
 * the roadmap report and the timeline chart read. What is overdue is
 * judged here against the build's as-of date, as for corrective actions.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "compilation.h"
#include "diag.h"
#include "sema-int.h"
#include "xalloc.h"

/* ---- phase -------------------------------------------------------------- */

static void
phase_from(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_phase *p = o;

	p->has_from = sema_arg_date(s, it, &p->from);
}

static void
phase_to(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_phase *p = o;

	p->has_to = sema_arg_date(s, it, &p->to);
}

SEMA_CALL_ATTR(phase_owner, struct ismc_ir_phase, owner, sema_arg_role)
SEMA_STRING_ATTR(phase_description, struct ismc_ir_phase, description)

static const struct sema_attr phase_attrs[] = {
	{ .name = "from", .fn = phase_from },
	{ .name = "to", .fn = phase_to },
	{ .name = "owner", .fn = phase_owner },
	{ .name = "description", .fn = phase_description },
};

static void
define_phase(struct sema *s, struct ismc_ir_phase *p,
    const struct ismc_item *it)
{
	sema_apply_attrs(s, it, phase_attrs,
	    sizeof phase_attrs / sizeof phase_attrs[0], p,
	    SEMA_WHAT("phase", p->id));
	/* Stay quiet about a date that was given but malformed. */
	if ((!p->has_from && !sema_has_key(it, "from")) ||
	    (!p->has_to && !sema_has_key(it, "to")))
		ismc_diag_error(s->diag, p->span, "phase '%s' needs a 'from' "
		    "and a 'to' date, as in 'from 2024-01-08; to 2024-02-16'",
		    p->id);
	else if (p->has_from && p->has_to && ismc_date_cmp(p->to, p->from) < 0)
		ismc_diag_error(s->diag, p->span, "phase '%s' ends on %s, "
		    "before it starts on %s", p->id,
		    ismc_date_str(s->arena, p->to),
		    ismc_date_str(s->arena, p->from));
}

/* ---- milestone ---------------------------------------------------------- */

static void
milestone_date(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_milestone *m = o;

	m->has_date = sema_arg_date(s, it, &m->date);
}

static void
milestone_reached(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_milestone *m = o;

	m->has_reached = sema_arg_date(s, it, &m->reached);
}

SEMA_CALL_ATTR(milestone_owner, struct ismc_ir_milestone, owner,
    sema_arg_role)
SEMA_STRING_ATTR(milestone_description, struct ismc_ir_milestone,
    description)

static const struct sema_attr milestone_attrs[] = {
	{ .name = "date", .fn = milestone_date },
	{ .name = "reached", .fn = milestone_reached },
	{ .name = "owner", .fn = milestone_owner },
	{ .name = "description", .fn = milestone_description },
};

static void
define_milestone(struct sema *s, struct ismc_ir_milestone *m,
    const struct ismc_item *it)
{
	sema_apply_attrs(s, it, milestone_attrs,
	    sizeof milestone_attrs / sizeof milestone_attrs[0], m,
	    SEMA_WHAT("milestone", m->id));
	if (!m->has_date && !sema_has_key(it, "date"))
		ismc_diag_error(s->diag, m->span, "milestone '%s' has no "
		    "date; add 'date YYYY-MM-DD'", m->id);
}

/* ---- `due` on controls, clauses and measures ---------------------------- */

static void
due(struct sema *s, struct ismc_ir_due *d, const struct ismc_item *it)
{
	d->has = sema_arg_date(s, it, &d->date);
	d->span = it->args != NULL ? it->args->span : it->span;
}

void
sema_attr_due_control(struct sema *s, void *o, const struct ismc_item *it)
{
	due(s, &((struct ismc_ir_control *)o)->due, it);
}

void
sema_attr_due_measure(struct sema *s, void *o, const struct ismc_item *it)
{
	due(s, &((struct ismc_ir_measure *)o)->due, it);
}

/* ---- pass 2 ------------------------------------------------------------- */

static int
phase_cmp(const void *a, const void *b)
{
	const struct ismc_ir_phase *x = *(const struct ismc_ir_phase *const *)a;
	const struct ismc_ir_phase *y = *(const struct ismc_ir_phase *const *)b;
	int c;

	if ((c = ismc_date_cmp(x->from, y->from)) != 0 ||
	    (c = ismc_date_cmp(x->to, y->to)) != 0)
		return c;
	return ismc_natcmp(x->id, y->id);
}

static int
milestone_cmp(const void *a, const void *b)
{
	const struct ismc_ir_milestone *x =
	    *(const struct ismc_ir_milestone *const *)a;
	const struct ismc_ir_milestone *y =
	    *(const struct ismc_ir_milestone *const *)b;
	int c;

	if ((c = ismc_date_cmp(x->date, y->date)) != 0)
		return c;
	return ismc_natcmp(x->id, y->id);
}

void
sema_define_roadmap(struct sema *s)
{
	struct ismc_ir *ir = s->ir;
	size_t i;

	for (i = 0; i < s->phase_d.n && !ismc_diag_stopped(s->diag); i++)
		define_phase(s, s->phase_d.v[i]->obj, s->phase_d.v[i]->item);
	for (i = 0; i < s->milestone_d.n && !ismc_diag_stopped(s->diag); i++)
		define_milestone(s, s->milestone_d.v[i]->obj,
		    s->milestone_d.v[i]->item);
	ir->phases = (struct ismc_ir_phase **)sema_decl_objs(s, &s->phase_d,
	    phase_cmp);
	ir->nphases = s->phase_d.n;
	ir->milestones = (struct ismc_ir_milestone **)sema_decl_objs(s,
	    &s->milestone_d, milestone_cmp);
	ir->nmilestones = s->milestone_d.n;
}

/* ---- pass 3: what is on the roadmap, and what is overdue ---------------- */

/* The roadmap as it grows, and the order it is read in. */
struct road_build {
	struct ismc_ir_road	*v;		/* heap, until sorted */
	size_t			 n, cap;
};

static struct ismc_ir_road *
road_add(struct road_build *b, enum ismc_road_kind kind, struct ismc_date d)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->v = ismc_xreallocarray(b->v, b->cap, sizeof *b->v);
	}
	memset(&b->v[b->n], 0, sizeof b->v[b->n]);
	b->v[b->n].kind = kind;
	b->v[b->n].date = d;
	return &b->v[b->n++];
}

/* Whether the as-of date lies after d: then work due on d is late. */
static bool
late(const struct ismc_ir *ir, struct ismc_date d, long *days)
{
	if (!ir->has_as_of || ismc_date_cmp(d, ir->as_of) >= 0)
		return false;
	*days = ismc_date_to_days(ir->as_of) - ismc_date_to_days(d);
	return true;
}

static const char *
status_words(enum ismc_status st)
{
	return st == ISMC_STATUS_UNSET ? "has no status" :
	    st == ISMC_STATUS_NOT_IMPLEMENTED ? "is not implemented" :
	    st == ISMC_STATUS_PLANNED ? "is planned" : "is partial";
}

/*
 * A target date is for work still to do: on an implemented or excluded
 * control it is a leftover (the roadmap leaves it out and says so);
 * otherwise the item is on the roadmap, overdue once the date is past.
 */
static void
road_due(struct sema *s, struct road_build *b, enum ismc_road_kind kind,
    const char *what, const char *id, struct ismc_ir_due *d,
    enum ismc_status st, bool excluded, struct ismc_ir_road **out)
{
	struct ismc_ir_road *r;

	*out = NULL;
	if (!d->has)
		return;
	if (excluded || st == ISMC_STATUS_IMPLEMENTED) {
		ismc_diag_warning(s->diag, ISMC_W_DUE_WITHOUT_WORK, d->span,
		    "%s '%s' is %s; its due date is not on the roadmap "
		    "(remove 'due', or change the status)", what, id,
		    excluded ? "excluded" : "implemented");
		return;
	}
	r = road_add(b, kind, d->date);
	if ((d->overdue = late(s->ir, d->date, &r->days_late))) {
		r->overdue = true;
		ismc_diag_warning(s->diag, ISMC_W_OVERDUE_TARGET, d->span,
		    "%s '%s' was due on %s and %s (as of %s)", what, id,
		    ismc_date_str(s->arena, d->date), status_words(st),
		    ismc_date_str(s->arena, s->ir->as_of));
	}
	*out = r;
}

static void
road_controls(struct sema *s, struct road_build *b)
{
	struct ismc_ir_framework *fw;
	struct ismc_ir_control *c;
	struct ismc_ir_road *r;
	size_t i, j;

	for (i = 0; i < s->ir->nframeworks; i++) {
		fw = &s->ir->frameworks[i];
		for (j = 0; j < fw->ncontrols; j++) {
			c = &fw->controls[j];
			road_due(s, b, ISMC_ROAD_CONTROL, c->req->mandatory ?
			    "clause" : "control", c->req->id, &c->due,
			    c->status, c->applicability == ISMC_EXCLUDED, &r);
			if (r != NULL)
				r->control = c;
		}
	}
}

static void
road_measures(struct sema *s, struct road_build *b)
{
	struct ismc_ir_measure *m;
	struct ismc_ir_road *r;
	size_t i;

	for (i = 0; i < s->ir->nmeasures; i++) {
		m = s->ir->measures[i];
		road_due(s, b, ISMC_ROAD_MEASURE, "measure", m->id, &m->due,
		    m->status, false, &r);
		if (r != NULL)
			r->measure = m;
	}
}

/* Open corrective actions with a due date: sema-audit.c judged them. */
static void
road_actions(struct sema *s, struct road_build *b)
{
	const struct ismc_ir_finding *f;
	struct ismc_ir_road *r;
	size_t i, j;

	for (i = 0; i < s->ir->nfindings; i++) {
		f = s->ir->findings[i];
		for (j = 0; j < f->nactions; j++) {
			if (!f->actions[j]->has_due ||
			    f->actions[j]->status == ISMC_ACTION_DONE)
				continue;
			r = road_add(b, ISMC_ROAD_ACTION, f->actions[j]->due);
			r->action = f->actions[j];
			r->overdue = f->actions[j]->overdue;
			if (r->overdue)
				(void)late(s->ir, r->date, &r->days_late);
		}
	}
}

/* The first phase (in phase order) whose days hold d. */
static const struct ismc_ir_phase *
phase_of(const struct ismc_ir *ir, struct ismc_date d)
{
	size_t i;

	for (i = 0; i < ir->nphases; i++)
		if (ismc_date_cmp(ir->phases[i]->from, d) <= 0 &&
		    ismc_date_cmp(d, ir->phases[i]->to) <= 0)
			return ir->phases[i];
	return NULL;
}

static void
road_milestones(struct sema *s, struct road_build *b)
{
	struct ismc_ir *ir = s->ir;
	struct ismc_ir_milestone *m;
	struct ismc_ir_road *r;
	size_t i;

	for (i = 0; i < ir->nmilestones; i++) {
		m = ir->milestones[i];
		if (!m->has_date)
			continue;
		r = road_add(b, ISMC_ROAD_MILESTONE, m->date);
		r->milestone = m;
		if (!m->has_reached && late(ir, m->date, &r->days_late)) {
			m->overdue = r->overdue = true;
			ismc_diag_warning(s->diag, ISMC_W_OVERDUE_MILESTONE,
			    m->span, "milestone '%s' was due on %s and is not "
			    "reached (as of %s)", m->id, ismc_date_str(s->arena,
			    m->date), ismc_date_str(s->arena, ir->as_of));
		}
		if (ir->nphases > 0 && phase_of(ir, m->date) == NULL)
			ismc_diag_warning(s->diag,
			    ISMC_W_MILESTONE_OUTSIDE_PHASES, m->span, "milestone "
			    "'%s' on %s lies outside every phase", m->id,
			    ismc_date_str(s->arena, m->date));
	}
}

static const char *
road_id(const struct ismc_ir_road *r)
{
	switch (r->kind) {
	case ISMC_ROAD_PHASE:
		return r->phase->id;
	case ISMC_ROAD_MILESTONE:
		return r->milestone->id;
	case ISMC_ROAD_CONTROL:
		return r->control->req->id;
	case ISMC_ROAD_MEASURE:
		return r->measure->id;
	case ISMC_ROAD_ACTION:
		return r->action->id;
	}
	return "";
}

/* Date, then kind, then id; then the order found (framework, catalog
 * order), which the caller's index keeps. */
struct road_key {
	const struct ismc_ir_road *r;
	size_t			 i;
};

static int
road_cmp(const void *a, const void *b)
{
	const struct road_key *x = a, *y = b;
	int c;

	if ((c = ismc_date_cmp(x->r->date, y->r->date)) != 0)
		return c;
	if (x->r->kind != y->r->kind)
		return x->r->kind < y->r->kind ? -1 : 1;
	if ((c = ismc_natcmp(road_id(x->r), road_id(y->r))) != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

void
sema_check_roadmap(struct sema *s)
{
	struct ismc_ir *ir = s->ir;
	struct road_build b = { 0 };
	struct road_key *k;
	struct ismc_ir_road *r;
	size_t i;

	for (i = 0; i < ir->nphases; i++) {
		if (!ir->phases[i]->has_from || !ir->phases[i]->has_to)
			continue;
		r = road_add(&b, ISMC_ROAD_PHASE, ir->phases[i]->from);
		r->phase = ir->phases[i];
	}
	road_milestones(s, &b);
	road_controls(s, &b);
	road_measures(s, &b);
	road_actions(s, &b);
	k = ISMC_NEW_ARRAY(s->arena, struct road_key, b.n ? b.n : 1);
	for (i = 0; i < b.n; i++)
		k[i] = (struct road_key){ &b.v[i], i };
	if (b.n > 1)
		qsort(k, b.n, sizeof *k, road_cmp);
	ir->roadmap = ISMC_NEW_ARRAY(s->arena, struct ismc_ir_road,
	    b.n ? b.n : 1);
	for (i = 0; i < b.n; i++) {
		ir->roadmap[i] = *k[i].r;
		if (ir->roadmap[i].kind != ISMC_ROAD_PHASE)
			ir->roadmap[i].in = phase_of(ir, ir->roadmap[i].date);
	}
	ir->nroadmap = b.n;
	free(b.v);
}
