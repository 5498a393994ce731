/*
 * sema-readiness.c - management reviews and the Stage 1 checks.
 *
 * A certification body's Stage 1 audit reads the ISMS documentation and
 * asks whether the ISMS is ready for Stage 2. The facts it checks are
 * decided here, once, into ir->stage1; the readiness analysis (readiness.c)
 * lists them and these warnings point at them:
 *
 *	-Wunevidenced-control	an applicable control with neither
 *				evidence nor a plan
 *	-Wstale-internal-audit	no internal audit in the 12 months
 *				before the as-of date (9.2)
 *	-Wstale-management-review
 *				likewise for the management review (9.3)
 *
 * (-Wunaccepted-risk, 6.1.3 f, is sema-accept.c's, and a nonconformity
 * without a corrective action, 10.2, sema-audit.c's.) They apply to a spec
 * that decides the ISMS clauses 4 to 10 with `clause`: one that keeps only
 * a risk register or a gap analysis is not yet heading for an audit.
 */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "date.h"
#include "diag.h"
#include "ir.h"
#include "sema-int.h"
#include "xalloc.h"

/* An audit or a review is recent when it took place within this many
 * months before the as-of date (ISO/IEC 27001 9.2 and 9.3 ask for them
 * "at planned intervals"; certification bodies expect one a year). */
#define RECENT_MONTHS	12

/* ---- management-review ID "Title" { date; chair; documented } ----------- */

static void
mreview_date(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_mreview *m = o;

	m->has_date = sema_arg_date(s, it, &m->date);
}

SEMA_CALL_ATTR(mreview_chair, struct ismc_ir_mreview, chair, sema_arg_role)

static void
mreview_documented(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_mreview *m = o;
	const struct ismc_value *v;

	if (!sema_args_strings(s, it))
		return;
	for (v = it->args; v != NULL; v = ismc_value_next(v))
		m->documented = (const char **)sema_ptr_push(s,
		    (void **)m->documented, &m->ndocumented, (void *)v->text);
}

static const struct sema_attr mreview_attrs[] = {
	{ .name = "date", .fn = mreview_date },
	{ .name = "chair", .fn = mreview_chair },
	{ .name = "documented", .fn = mreview_documented, .repeatable = true },
};

static int
mreview_cmp(const void *pa, const void *pb)
{
	const struct ismc_ir_mreview *a = *(const struct ismc_ir_mreview *const
	    *)pa, *b = *(const struct ismc_ir_mreview *const *)pb;
	int c = ismc_date_cmp(a->date, b->date);

	return c != 0 ? c : ismc_natcmp(a->id, b->id);
}

void
sema_define_mreviews(struct sema *s)
{
	struct ismc_ir *ir = s->ir;
	size_t i;

	ir->mreviews = ISMC_NEW_ARRAY(s->arena, struct ismc_ir_mreview *,
	    s->mreview_d.n ? s->mreview_d.n : 1);
	for (i = 0; i < s->mreview_d.n && !ismc_diag_stopped(s->diag); i++) {
		struct ismc_ir_mreview *m = s->mreview_d.v[i]->obj;
		const struct ismc_item *it = s->mreview_d.v[i]->item;

		sema_apply_attrs(s, it, mreview_attrs, sizeof mreview_attrs /
		    sizeof mreview_attrs[0], m, SEMA_WHAT("management review",
		    m->id));
		if (!m->has_date && !sema_has_key(it, "date"))
			ismc_diag_error(s->diag, m->span, "management review "
			    "'%s' has no date; add 'date YYYY-MM-DD'", m->id);
		ir->mreviews[ir->nmreviews++] = m;
	}
	if (ir->nmreviews > 1)
		qsort(ir->mreviews, ir->nmreviews, sizeof *ir->mreviews,
		    mreview_cmp);
}

/* ---- Stage 1 ------------------------------------------------------------- */

/* The clause decision for clause `id` ("9.2.2") if the spec made one. */
static const struct ismc_ir_control *
clause_decision(const struct ismc_ir *ir, const char *prefix)
{
	size_t i, j, n = strlen(prefix);

	for (i = 0; i < ir->nframeworks; i++) {
		const struct ismc_ir_framework *fw = &ir->frameworks[i];

		for (j = 0; j < fw->ncontrols; j++) {
			const struct ismc_ir_control *c = &fw->controls[j];

			if (c->declared && c->req->mandatory && (n == 0 ||
			    (strncmp(c->req->id, prefix, n) == 0 &&
			    (c->req->id[n] == '\0' || c->req->id[n] == '.'))))
				return c;
		}
	}
	return NULL;
}

/* Where a warning about a missing record goes: the decision of its
 * clause, else the first clause the spec decides (there is one, or the
 * checks would not apply). */
static struct ismc_span
clause_span(const struct ismc_ir *ir, const char *clause)
{
	const struct ismc_ir_control *c = clause_decision(ir, clause);

	if (c == NULL)
		c = clause_decision(ir, "");
	return c != NULL ? c->span : ISMC_NO_SPAN;
}

/* Whether a dated record on `date` is too old on the as-of date. */
static bool
too_old(const struct ismc_ir *ir, struct ismc_date date)
{
	struct ismc_ir_period year = { RECENT_MONTHS, 0 };

	return ir->has_as_of && ismc_date_cmp(ismc_period_end(date, year),
	    ir->as_of) < 0;
}

/* The latest dated internal audit no later than the as-of date. */
static const struct ismc_ir_audit *
last_audit(const struct ismc_ir *ir)
{
	const struct ismc_ir_audit *last = NULL;
	size_t i;

	/* ir->audits is in date order. */
	for (i = 0; i < ir->naudits; i++) {
		const struct ismc_ir_audit *a = ir->audits[i];

		if (a->external || !a->has_date || (ir->has_as_of &&
		    ismc_date_cmp(a->date, ir->as_of) > 0))
			continue;
		last = a;
	}
	return last;
}

static const struct ismc_ir_mreview *
last_review(const struct ismc_ir *ir)
{
	const struct ismc_ir_mreview *last = NULL;
	size_t i;

	for (i = 0; i < ir->nmreviews; i++) {
		const struct ismc_ir_mreview *m = ir->mreviews[i];

		if (!m->has_date || (ir->has_as_of &&
		    ismc_date_cmp(m->date, ir->as_of) > 0))
			continue;
		last = m;
	}
	return last;
}

/*
 * A record the Stage 1 audit asks for in the last twelve months: the last
 * one (id, date, span) or none; `what` names it ("internal audit"),
 * `clause` is its clause and `add` the item that records one.
 */
struct recent {
	enum ismc_warning	 w;
	const char		*what;
	const char		*clause;
	const char		*add;
	const char		*id;		/* NULL: none recorded */
	struct ismc_date	 date;
	struct ismc_span	 span;
	bool			 stale;
};

static void
check_recent(struct sema *s, const struct recent *r)
{
	const struct ismc_ir *ir = s->ir;

	if (r->id == NULL) {
		ismc_diag_warning(s->diag, r->w, clause_span(ir, r->clause),
		    "no %s is recorded; ISO/IEC 27001 %s needs one before "
		    "certification; add '%s'", r->what, r->clause, r->add);
		return;
	}
	if (!r->stale)
		return;
	ismc_diag_warning(s->diag, r->w, r->span, "the last %s, '%s' on %s, "
	    "is more than %d months before the as-of date %s", r->what,
	    r->id, ismc_date_str(s->arena, r->date), RECENT_MONTHS,
	    ismc_date_str(s->arena, ir->as_of));
}

static void
check_audit(struct sema *s, const struct ismc_ir_stage1 *st)
{
	const struct ismc_ir_audit *a = st->last_audit;
	struct recent r = { ISMC_W_STALE_INTERNAL_AUDIT, "internal audit",
	    "9.2", "audit ID { type internal; date ... }", NULL,
	    { 0, 0, 0 }, ISMC_NO_SPAN, st->audit_stale };

	if (a != NULL) {
		r.id = a->id;
		r.date = a->date;
		r.span = a->span;
	}
	check_recent(s, &r);
}

static void
check_review(struct sema *s, const struct ismc_ir_stage1 *st)
{
	const struct ismc_ir_mreview *m = st->last_review;
	struct recent r = { ISMC_W_STALE_MANAGEMENT_REVIEW,
	    "management review", "9.3", "management-review ID { date ... }",
	    NULL, { 0, 0, 0 }, ISMC_NO_SPAN, st->review_stale };

	if (m != NULL) {
		r.id = m->id;
		r.date = m->date;
		r.span = m->span;
	}
	check_recent(s, &r);
}

static bool
has_evidence_refs(const struct ismc_ir_docref *refs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (refs[i].kind == ISMC_REF_EVIDENCE ||
		    refs[i].kind == ISMC_REF_RECORD)
			return true;
	return false;
}

/*
 * Evidence of an applicable control: an `evidence` or `record` of its own
 * or of a measure covering it, or an evidence item naming it (`named`,
 * marked beforehand). A plan: it is planned or partly implemented (the
 * rest is planned), or it or a measure covering it has a target date.
 */
static bool
evidenced(const struct ismc_ir_control *c, bool named)
{
	const struct ismc_ir_measure *m;
	size_t i;

	if (named || c->status == ISMC_STATUS_PLANNED ||
	    c->status == ISMC_STATUS_PARTIAL || c->due.has)
		return true;
	if (has_evidence_refs(c->refs, c->nrefs))
		return true;
	for (i = 0; i < c->nmeasures; i++) {
		m = c->measures[i];
		if (m->due.has || has_evidence_refs(m->refs, m->nrefs))
			return true;
	}
	return false;
}

/* Marks, in named[], the controls of fw that an evidence item names:
 * one pass over the evidence, not one per control. */
static void
mark_named(const struct ismc_ir *ir, const struct ismc_ir_framework *fw,
    bool *named)
{
	const struct ismc_ir_control *c;
	size_t i, j;

	for (i = 0; i < ir->nevidence; i++)
		for (j = 0; j < ir->evidence[i]->ncontrols; j++) {
			c = ir->evidence[i]->controls[j];
			if (c >= fw->controls && c < fw->controls +
			    fw->ncontrols)
				named[c - fw->controls] = true;
		}
}

static void
find_unevidenced(struct sema *s, struct ismc_ir_stage1 *st)
{
	const struct ismc_ir *ir = s->ir;
	bool *named;
	size_t i, j;

	for (i = 0; i < ir->nframeworks; i++) {
		const struct ismc_ir_framework *fw = &ir->frameworks[i];

		if (!ismc_catalog_is_controls(fw->catalog) ||
		    fw->ncontrols == 0)
			continue;
		named = ismc_xcalloc(fw->ncontrols, sizeof *named);
		mark_named(ir, fw, named);
		for (j = 0; j < fw->ncontrols; j++) {
			const struct ismc_ir_control *c = &fw->controls[j];

			if (c->req->mandatory || c->req->is_group ||
			    c->applicability != ISMC_APPLICABLE)
				continue;
			if (evidenced(c, named[j])) {
				st->nevidenced++;
				continue;
			}
			st->unevidenced = (const struct ismc_ir_control **)
			    sema_ptr_push(s, (void **)st->unevidenced,
			    &st->nunevidenced, (void *)c);
		}
		free(named);
	}
}

static void
check_evidence(struct sema *s, const struct ismc_ir_stage1 *st)
{
	const struct ismc_ir *ir = s->ir;
	struct ismc_buf b;
	size_t i;

	if (st->nunevidenced == 0)
		return;
	/* One warning for all, as for undecided controls: the list is the
	 * readiness report's. */
	ismc_buf_init(&b);
	for (i = 0; i < st->nunevidenced && i < 5; i++)
		ismc_buf_printf(&b, "%s%s", i == 0 ? "" : ", ",
		    st->unevidenced[i]->req->id);
	if (st->nunevidenced > 5)
		ismc_buf_printf(&b, " and %zu more", st->nunevidenced - 5);
	ismc_diag_warning(s->diag, ISMC_W_UNEVIDENCED_CONTROL,
	    st->unevidenced[0]->declared ? st->unevidenced[0]->span :
	    clause_span(ir, "6.1.3"), "%zu applicable control%s ha%s neither "
	    "evidence nor a plan: %s", st->nunevidenced, st->nunevidenced == 1
	    ? "" : "s", st->nunevidenced == 1 ? "s" : "ve", ismc_buf_cstr(&b));
	ismc_buf_free(&b);
}

void
sema_check_stage1(struct sema *s)
{
	struct ismc_ir_stage1 *st = &s->ir->stage1;

	st->applies = clause_decision(s->ir, "") != NULL;
	st->last_audit = last_audit(s->ir);
	st->audit_stale = st->last_audit != NULL && too_old(s->ir,
	    st->last_audit->date);
	st->last_review = last_review(s->ir);
	st->review_stale = st->last_review != NULL && too_old(s->ir,
	    st->last_review->date);
	find_unevidenced(s, st);
	if (!st->applies)
		return;
	check_audit(s, st);
	check_review(s, st);
	check_evidence(s, st);
}
