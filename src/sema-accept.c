/*
 * sema-accept.c - risk acceptance and risk review dates.
 *
 * ISO/IEC 27001 6.1.3 f asks for the risk owners' approval of the
 * treatment plan and their acceptance of the residual risks. A risk
 * records it as
 *
 *	accepted { by ciso; on 2026-06-15; until 2027-06-15; approved board }
 *
 * Acceptance of a residual risk above the acceptance criterion needs the
 * approval of a role `scoring` names with `approver`; an acceptance that
 * has expired, and a risk not reviewed within `scoring`'s `review`
 * period, are judged against the as-of date. doc/language.md, 5.6 and
 * 5.10, gives the rules.
 */
#include <config.h>

#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "diag.h"
#include "ir.h"
#include "sema-int.h"

/* ---- scoring: who may approve, how often risks are reviewed ------------ */

void
sema_scoring_approver(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir *ir = s->ir;
	const struct ismc_value *v;
	void *role;

	(void)o;
	if (!sema_args_some(s, it))
		return;
	for (v = it->args; v != NULL; v = ismc_value_next(v))
		if ((role = sema_resolve(s, &s->roles, v, "role")) != NULL)
			ir->approvers = (const struct ismc_ir_role **)
			    sema_ptr_push(s, (void **)ir->approvers,
			    &ir->napprovers, role);
}

void
sema_scoring_review(struct sema *s, void *o, const struct ismc_item *it)
{
	(void)o;
	s->ir->has_review_period = sema_arg_period(s, it,
	    &s->ir->review_period);
}

/* ---- a risk's `accepted` block ------------------------------------------ */

static bool
is_approver(const struct ismc_ir *ir, const struct ismc_ir_role *role)
{
	size_t i;

	for (i = 0; i < ir->napprovers; i++)
		if (ir->approvers[i] == role)
			return true;
	return false;
}

static void
accepted_by(struct sema *s, void *o, const struct ismc_item *it)
{
	((struct ismc_ir_acceptance *)o)->by = sema_arg_role(s, it);
}

static void
accepted_on(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_acceptance *a = o;

	a->has_on = sema_arg_date(s, it, &a->on);
}

static void
accepted_until(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_acceptance *a = o;

	a->has_until = sema_arg_date(s, it, &a->until);
}

/* The approver is checked here, where the role is written: naming a role
 * the spec does not allow to approve is a contradiction, not an omission. */
static void
accepted_approved(struct sema *s, void *o, const struct ismc_item *it)
{
	const struct ismc_ir *ir = s->ir;
	const struct ismc_ir_role *role = sema_arg_role(s, it);
	struct ismc_buf b;
	size_t i;

	if (role == NULL)
		return;
	if (is_approver(ir, role)) {
		((struct ismc_ir_acceptance *)o)->approved = role;
		return;
	}
	if (ir->napprovers == 0) {
		ismc_diag_error(s->diag, it->args->span, "'%s' may not approve "
		    "risk acceptance: 'scoring' names no approver; add "
		    "'approver %s' to it", role->id, role->id);
		return;
	}
	ismc_buf_init(&b);
	for (i = 0; i < ir->napprovers; i++)
		ismc_buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 ==
		    ir->napprovers ? " and " : ", ", ir->approvers[i]->id);
	ismc_diag_error(s->diag, it->args->span, "'%s' may not approve risk "
	    "acceptance; the approvers 'scoring' names are %s", role->id,
	    ismc_buf_cstr(&b));
	ismc_buf_free(&b);
}

static const struct sema_attr accepted_attrs[] = {
	{ .name = "by", .fn = accepted_by },
	{ .name = "on", .fn = accepted_on },
	{ .name = "until", .fn = accepted_until },
	{ .name = "approved", .fn = accepted_approved },
};

void
sema_risk_accepted(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_risk *r = o;
	struct ismc_ir_acceptance *a;

	if (!sema_arg_none(s, it))
		return;
	if (!it->has_body) {
		ismc_diag_error(s->diag, it->span, "'accepted' needs a block, "
		    "as in 'accepted { by ciso; on 2026-06-15 }'");
		return;
	}
	a = ISMC_NEW(s->arena, struct ismc_ir_acceptance);
	a->span = ismc_item_key_span(it);
	sema_apply_attrs(s, it, accepted_attrs, sizeof accepted_attrs /
	    sizeof accepted_attrs[0], a, SEMA_WHAT("the acceptance of", r->id));
	if (a->by == NULL && !sema_has_key(it, "by"))
		ismc_diag_error(s->diag, a->span, "the acceptance of risk '%s' "
		    "names no role; add 'by ROLE', the risk owner", r->id);
	if (a->has_on && a->has_until && ismc_date_cmp(a->until, a->on) < 0)
		ismc_diag_error(s->diag, a->span, "the acceptance of risk '%s' "
		    "ends before it was given", r->id);
	r->accepted = a;
}

void
sema_risk_reviewed(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_risk *r = o;

	r->has_reviewed = sema_arg_date(s, it, &r->reviewed);
}

bool
sema_acceptance_approved(const struct ismc_ir_risk *r)
{
	return r->accepted != NULL && r->accepted->approved != NULL;
}

/* ---- pass 3 ------------------------------------------------------------- */

static void
check_expiry(struct sema *s, struct ismc_ir_risk *r)
{
	struct ismc_ir_acceptance *a = r->accepted;
	const struct ismc_ir *ir = s->ir;

	/* An acceptance that ends before it was given is an error already. */
	if (!a->has_until || !ir->has_as_of ||
	    ismc_date_cmp(a->until, ir->as_of) >= 0 ||
	    (a->has_on && ismc_date_cmp(a->until, a->on) < 0))
		return;
	a->expired = true;
	ismc_diag_warning(s->diag, ISMC_W_EXPIRED_ACCEPTANCE, a->span,
	    "the acceptance of risk '%s' expired on %s (as of %s)", r->id,
	    ismc_date_str(s->arena, a->until), ismc_date_str(s->arena,
	    ir->as_of));
}

static void
check_approval(struct sema *s, const struct ismc_ir_risk *r)
{
	const struct ismc_ir_acceptance *a = r->accepted;

	if (!r->res_above_acceptance || a->approved != NULL)
		return;
	ismc_diag_warning(s->diag, ISMC_W_UNAPPROVED_ACCEPTANCE, a->span,
	    "risk '%s' is accepted at residual score %d, above the acceptance "
	    "criterion (%d), without an approver's approval; add 'approved "
	    "ROLE'", r->id, r->res_score, s->ir->acceptance_max);
}

/* Stage 1 (ISO/IEC 27001 6.1.3 f): the owner accepted the residual risk. */
static void
check_owner(struct sema *s, const struct ismc_ir_risk *r)
{
	const struct ismc_ir_acceptance *a = r->accepted;

	if (r->owner_accepted || !s->ir->stage1.applies)
		return;
	if (r->owner == NULL)
		ismc_diag_warning(s->diag, ISMC_W_UNACCEPTED_RISK, r->span,
		    "risk '%s' has no owner to accept its residual risk",
		    r->id);
	else if (a == NULL)
		ismc_diag_warning(s->diag, ISMC_W_UNACCEPTED_RISK, r->span,
		    "the residual risk of '%s' is not accepted by its owner; "
		    "add 'accepted { by %s; on DATE }'", r->id, r->owner->id);
	else if (a->by != NULL)
		ismc_diag_warning(s->diag, ISMC_W_UNACCEPTED_RISK, a->span,
		    "risk '%s' is accepted by '%s', not by its owner '%s'",
		    r->id, a->by->id, r->owner->id);
}

static void
check_review(struct sema *s, struct ismc_ir_risk *r)
{
	const struct ismc_ir *ir = s->ir;
	struct ismc_date due;

	if (!ir->has_review_period || !ir->has_as_of)
		return;
	if (!r->has_reviewed) {
		r->review_overdue = true;
		ismc_diag_warning(s->diag, ISMC_W_OVERDUE_RISK_REVIEW, r->span,
		    "risk '%s' has no review date; 'scoring' asks for a review "
		    "period; add 'reviewed DATE'", r->id);
		return;
	}
	due = ismc_period_end(r->reviewed, ir->review_period);
	if (ismc_date_cmp(due, ir->as_of) >= 0)
		return;
	r->review_overdue = true;
	ismc_diag_warning(s->diag, ISMC_W_OVERDUE_RISK_REVIEW, r->span,
	    "risk '%s' was last reviewed on %s and was due for review on %s "
	    "(as of %s)", r->id, ismc_date_str(s->arena, r->reviewed),
	    ismc_date_str(s->arena, due), ismc_date_str(s->arena, ir->as_of));
}

void
sema_check_acceptance(struct sema *s, struct ismc_ir_risk *r)
{
	if (r->accepted != NULL) {
		r->owner_accepted = r->owner != NULL &&
		    r->accepted->by == r->owner;
		check_expiry(s, r);
		check_approval(s, r);
	}
	check_owner(s, r);
	check_review(s, r);
}
