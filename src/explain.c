/*
 * explain.c - `ismc explain FRAMEWORK:REQ`: how one requirement is met or
 * not, for people, read off the finished gap analysis (ir->gap). Nothing
 * here decides a status: every line prints a fact of the result, so what
 * explain says and what the reports count cannot disagree.
 */
#include <config.h>

#include "explain.h"

#include <stdarg.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "escape.h"
#include "gap.h"
#include "ir.h"
#include "mapping.h"
#include "rcc5.h"

struct explain {
	const struct ismc_ir	*ir;
	const struct ismc_gap	*gap;
	const struct ismc_ir_framework *fw;	/* the requirement's */
	struct ismc_arena	 arena;		/* names; freed at the end */
	FILE			*out;
};

static void	say(struct explain *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

/* Every line goes out through here: the names, titles and rationales it
 * prints come from specs and catalogs, and must not drive the terminal
 * (escape.h). */
static void
say(struct explain *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ismc_escape_vfprintf(e->out, fmt, ap);
	va_end(ap);
}

static const struct ismc_req *
explain_node(const struct ismc_catalog *cat, const char *id)
{
	size_t i;

	for (i = 0; i < cat->nnodes; i++)
		if (strcmp(cat->nodes[i]->id, id) == 0)
			return cat->nodes[i];
	return NULL;
}

static void
explain_head(struct explain *e, const struct ismc_req *r)
{
	say(e, "%s", ismc_gap_qname(&e->arena, r));
	if (r->title != NULL)
		say(e, "  %s", r->title);
	if (r->ref != NULL)
		say(e, " (%s)", r->ref);
	fputc('\n', e->out);
}

static const char *
control_state(const struct ismc_ir_control *c)
{
	if (c->applicability == ISMC_EXCLUDED)
		return "excluded";
	if (c->applicability == ISMC_UNDECIDED && c->status ==
	    ISMC_STATUS_UNSET)
		return "no decision";
	return ismc_status_name(c->status);
}

/* "from SET: SOURCE REL TARGET, strength N": a row as its file has it. */
static void
explain_row(struct explain *e, const char *indent,
    const struct ismc_mapping_set *set, const struct ismc_mapping_row *row)
{
	say(e, "%sfrom %s: %s %s %s", indent, set->id,
	    ismc_mapping_row_source_text(&e->arena, row),
	    ismc_rel_name(row->rel), row->target);
	if (row->strength != 0)
		say(e, ", strength %u", row->strength);
	else
		say(e, ", strength not given");
}

/* A link as used: "x:a REL y:b", then the row it comes from. */
static void
explain_link(struct explain *e, const struct ismc_gap_link *l, bool back)
{
	const struct ismc_mapping_row *row = l->row;
	const struct ismc_req *from = back ? l->b : l->a;
	const struct ismc_req *to = back ? l->a : l->b;
	unsigned rel = back ? ismc_rcc5_converse(l->rel) : l->rel;

	say(e, "        %s %s %s\n", ismc_gap_qname(&e->arena, from),
	    ismc_rcc5_name(rel), ismc_gap_qname(&e->arena, to));
	explain_row(e, "          ", l->set, row);
	if (back)
		say(e, "; read backwards");
	if (l->member)
		say(e, "; %s is a member of the covering set",
		    l->a->id);
	if (l->group_a != NULL || l->group_b != NULL)
		say(e, "; %s is a group, taken for each "
		    "requirement in it", (l->group_a != NULL ? l->group_a :
		    l->group_b)->id);
	fputc('\n', e->out);
	if (row->rationale != NULL && *row->rationale != '\0')
		say(e, "          rationale: %s\n", row->rationale);
}

static void
explain_refs(struct explain *e, const struct ismc_ir_control *c)
{
	const struct ismc_ir_evidence *ev;
	size_t i, j;

	for (i = 0; i < c->nrefs; i++)
		say(e, "      %s: %s\n",
		    ismc_ref_kind_name(c->refs[i].kind), c->refs[i].text);
	for (i = 0; i < c->nmeasures; i++)
		say(e, "      measure: %s (%s)\n", c->measures[i]->id,
		    ismc_status_name(c->measures[i]->status));
	for (i = 0; i < e->ir->nevidence; i++) {
		ev = e->ir->evidence[i];
		for (j = 0; j < ev->ncontrols; j++)
			if (ev->controls[j] == c)
				break;
		if (j < ev->ncontrols)
			say(e, "      evidence: %s%s\n", ev->id,
			    ev->stale ? " (stale)" : "");
	}
}

static const char *
counts_as(const struct ismc_gap_reach *r)
{
	if (r->superseded)
		return "nothing: a more direct mapping of this control is used";
	if (r->capacity == ISMC_COV_GAP)
		return r->rel == ISMC_RCC5_DR ? "nothing: not related" :
		    "nothing: indeterminate, the relation may be "
		    "'not related'";
	if (r->contribution == ISMC_COV_GAP)
		return r->capacity == ISMC_COV_FULL ?
		    "nothing yet (full once implemented)" :
		    "nothing yet (partial once implemented)";
	return ismc_cov_name(r->contribution);
}

static void
explain_reach(struct explain *e, const struct ismc_gap_reach *r)
{
	const struct ismc_ir_control *c = r->control;

	say(e, "    %s", ismc_gap_qname(&e->arena, c->req));
	if (c->req->title != NULL)
		say(e, "  %s", c->req->title);
	say(e, "\n      status: %s\n", control_state(c));
	if (r->kind == ISMC_GAP_SELF) {
		say(e, "      relation: equal (the requirement's own "
		    "SoA row)\n");
	} else {
		say(e, "      relation: %s (%s)\n",
		    ismc_rcc5_name(r->rel), ismc_gap_inferred(r) ?
		    "inferred, not a published mapping" :
		    strcmp(r->link[0]->set->provenance, "spec") == 0 ?
		    "the spec's own mapping" : "published");
		if (r->kind == ISMC_GAP_CHAIN)
			say(e, "      chain through %s:\n",
			    ismc_gap_qname(&e->arena, r->hub));
		explain_link(e, r->link[0], r->backwards[0]);
		if (r->link[1] != NULL)
			explain_link(e, r->link[1], r->backwards[1]);
		if (r->kind == ISMC_GAP_CHAIN)
			say(e, "      strength: %s%s\n", r->strength ?
			    ismc_arena_printf(&e->arena, "%u", r->strength) :
			    "unknown", " (the weaker link's)");
	}
	say(e, "      counts as: %s\n", counts_as(r));
	explain_refs(e, c);
}

/* What a covering row's member is, and what meets it. */
static void
explain_member(struct explain *e, const struct ismc_gap_member *m)
{
	say(e, "        %s  %s", ismc_gap_qname(&e->arena, m->req),
	    ismc_gap_mstate_name(m->state));
	if (m->state == ISMC_GAP_M_EXCLUDED)
		say(e, " (the SoA excludes it)");
	else if (m->by == m->control)
		;	/* its own status says it */
	else if (m->by != NULL)
		say(e, " by %s, which contains it (%s; %s)",
		    ismc_gap_qname(&e->arena, m->by->req),
		    control_state(m->by), m->via->set->id);
	else
		say(e, " (%s)", control_state(m->control));
	fputc('\n', e->out);
}

static const char *
cover_counts_as(const struct ismc_gap_cover *c)
{
	if (c->capacity == ISMC_COV_GAP)
		return "nothing: the relation may be 'not related'";
	if (c->contribution == ISMC_COV_FULL)
		return "full";
	if (c->capacity == ISMC_COV_FULL)
		return c->contribution == ISMC_COV_PARTIAL ?
		    "partial (full once every member is met and the residual, "
		    "if any, closed)" : "nothing yet (full once every member "
		    "is met and the residual, if any, closed)";
	return c->contribution == ISMC_COV_PARTIAL ? "partial" :
	    "nothing yet (partial once a member is met)";
}

/* The SoA row of requirement r, in the framework whose catalog it is. */
static const struct ismc_ir_control *
own_row(const struct explain *e, const struct ismc_req *r)
{
	size_t f;

	for (f = 0; f < e->ir->nframeworks; f++)
		if (e->ir->frameworks[f].catalog == r->catalog)
			return &e->ir->frameworks[f].controls[r->req_index];
	return NULL;
}

static void
explain_cover(struct explain *e, const struct ismc_req *req,
    const struct ismc_gap_cover *c)
{
	const struct ismc_mapping_row *row = c->row;
	const struct ismc_ir_control *own;
	size_t i;

	say(e, "    %s %s %s\n", ismc_gap_cover_members(&e->arena,
	    c), ismc_rcc5_name(c->rel), ismc_gap_qname(&e->arena, req));
	explain_row(e, "      ", c->set, row);
	if (c->group != NULL)
		say(e, "; %s is a group, taken for each requirement "
		    "in it", c->group->id);
	fputc('\n', e->out);
	if (row->rationale != NULL && *row->rationale != '\0')
		say(e, "      rationale: %s\n", row->rationale);
	if (c->hub != NULL) {
		say(e, "      through %s, the requirement the row "
		    "covers:\n", ismc_gap_qname(&e->arena, c->hub));
		explain_link(e, c->link, c->backwards);
	}
	say(e, "      members (%zu of %zu met):\n", c->nmet,
	    c->nmembers);
	for (i = 0; i < c->nmembers; i++)
		explain_member(e, &c->members[i]);
	if (c->residual != NULL) {
		say(e, "      residual of %s: %s\n",
		    ismc_gap_qname(&e->arena, c->residual_of), c->residual);
		say(e, "        %s", ismc_gap_residual_name(
		    c->residual_state));
		if (c->closer != NULL)
			say(e, " by measure %s (%s)", c->closer->id,
			    ismc_status_name(c->closer->status));
		else if (c->residual_state != ISMC_GAP_RES_OPEN &&
		    (own = own_row(e, c->residual_of)) != NULL)
			say(e, " by %s's own SoA row (%s)",
			    ismc_gap_qname(&e->arena, c->residual_of),
			    control_state(own));
		else if (c->residual_state == ISMC_GAP_RES_OPEN)
			say(e, ": a measure with 'closes %s:%s' "
			    "closes it", c->residual_of->catalog->id,
			    c->residual_of->id);
		fputc('\n', e->out);
	}
	say(e, "      counts as: %s\n", cover_counts_as(c));
}

/* What each cover that could make it full still needs. */
static size_t
why_covers(struct explain *e, const struct ismc_gap_req *q)
{
	const struct ismc_gap_cover *c;
	const struct ismc_gap_member *m;
	size_t i, k, n = 0;

	for (i = 0; i < q->ncovers; i++) {
		c = &q->covers[i];
		if (c->capacity != ISMC_COV_FULL ||
		    c->contribution == ISMC_COV_FULL)
			continue;
		n++;
		if (c->nexcluded > 0) {
			say(e, "  the set %s cannot be complete: the "
			    "SoA excludes a member\n",
			    ismc_gap_cover_members(&e->arena, c));
			continue;
		}
		say(e, "  full through %s once", c->set->id);
		for (k = 0; k < c->nmembers; k++) {
			m = &c->members[k];
			if (m->state != ISMC_GAP_M_MET)
				say(e, " %s (%s)",
				    ismc_gap_qname(&e->arena, m->req),
				    control_state(m->control));
		}
		if (c->nmet < c->nmembers)
			say(e, " %s implemented",
			    c->nmembers - c->nmet == 1 ? "is" : "are");
		if (c->residual != NULL &&
		    c->residual_state != ISMC_GAP_RES_CLOSED)
			say(e, "%sthe residual is closed: %s",
			    c->nmet < c->nmembers ? " and " : " ", c->residual);
		fputc('\n', e->out);
	}
	return n;
}

/* Why the strict rule gives less than full. */
static void
why_strict(struct explain *e, const struct ismc_gap_req *q)
{
	const struct ismc_gap_reach *r;
	size_t i, pending = 0, part = 0, indet = 0, other = 0;

	for (i = 0; i < q->nreaches; i++) {
		r = &q->reaches[i];
		if (r->kind != ISMC_GAP_SELF)
			other++;
		if (r->superseded)
			continue;
		if (r->capacity == ISMC_COV_FULL &&
		    r->contribution != ISMC_COV_FULL) {
			if (pending++ == 0)
				say(e, "  full once one of these is "
				    "implemented:");
			say(e, " %s (%s)", ismc_gap_qname(&e->arena,
			    r->control->req), control_state(r->control));
		} else if (r->capacity == ISMC_COV_PARTIAL) {
			part++;
		} else if (r->capacity == ISMC_COV_GAP &&
		    r->rel != ISMC_RCC5_DR) {
			indet++;
		}
	}
	if (pending > 0)
		fputc('\n', e->out);
	pending += why_covers(e, q);
	other += q->ncovers;
	if (other == 0)
		say(e, "  no mapping between frameworks in use "
		    "reaches it from a control with a decision\n");
	else if (pending == 0 && part > 0)
		say(e, "  every control reaching it covers, or may "
		    "cover, only part of it: none is known to contain the "
		    "whole requirement\n");
	if (indet > 0)
		say(e, "  %zu inferred relation%s may be 'not "
		    "related' and so give%s nothing\n", indet,
		    indet == 1 ? "" : "s", indet == 1 ? "s" : "");
}

static void
why_all_mapped(struct explain *e, const struct ismc_gap_req *q)
{
	const struct ismc_ir_control *prev = NULL;
	const struct ismc_gap_reach *r;
	size_t i, k;

	if (q->nmapped == 0) {
		say(e, "  no published row maps a control with a "
		    "decision to it\n");
		return;
	}
	say(e, "  %zu of %zu mapped controls implemented; still "
	    "needed:", q->nmapped_impl, q->nmapped);
	for (i = 0; i < q->nreaches; i++) {
		r = &q->reaches[i];
		if (!ismc_gap_is_mapped(r) || r->control == prev ||
		    ismc_gap_counts_implemented(r->control))
			continue;
		prev = r->control;
		say(e, " %s (%s)", ismc_gap_qname(&e->arena,
		    r->control->req), control_state(r->control));
	}
	for (i = 0; i < q->ncovers; i++)
		for (k = 0; q->covers[i].hub == NULL &&
		    k < q->covers[i].nmembers; k++)
			if (q->covers[i].members[k].state != ISMC_GAP_M_MET)
				say(e, " %s (%s)",
				    ismc_gap_qname(&e->arena,
				    q->covers[i].members[k].req), control_state(
				    q->covers[i].members[k].control));
	fputc('\n', e->out);
	for (i = 0; i < q->ncovers; i++)
		if (q->covers[i].hub == NULL && q->covers[i].residual != NULL &&
		    q->covers[i].residual_state != ISMC_GAP_RES_CLOSED)
			say(e, "  and the residual closed: %s\n",
			    q->covers[i].residual);
}

static void
explain_why(struct explain *e, const struct ismc_gap_req *q)
{
	if (q->status == ISMC_COV_FULL || q->status == ISMC_COV_EXCLUDED)
		return;
	say(e, "  why not full:\n");
	if (e->gap->policy == ISMC_GAP_ALL_MAPPED)
		why_all_mapped(e, q);
	else
		why_strict(e, q);
	if (q->nc_row != NULL) {
		say(e, "  %s says it has no counterpart",
		    q->nc_set->id);
		if (q->nc_row->rationale != NULL &&
		    *q->nc_row->rationale != '\0')
			say(e, ": %s", q->nc_row->rationale);
		fputc('\n', e->out);
	}
}

/*
 * Under all-mapped: the mapped controls, and why the requirement is full
 * when not all of them are implemented (all-mapped never goes below the
 * strict rule, doc/coverage.md section 5).
 */
static void
explain_mapped(struct explain *e, const struct ismc_gap_req *q)
{
	size_t i;
	bool open = false;

	say(e, "  mapped controls: %zu, implemented: %zu\n",
	    q->nmapped, q->nmapped_impl);
	for (i = 0; i < q->ncovers; i++)
		open |= q->covers[i].hub == NULL && q->covers[i].residual !=
		    NULL && q->covers[i].residual_state != ISMC_GAP_RES_CLOSED;
	if (q->status == ISMC_COV_FULL && (q->nmapped == 0 ||
	    q->nmapped_impl < q->nmapped || open))
		say(e, "  full by the strict rule below, which "
		    "all-mapped never goes below\n");
}

/*
 * A framework bound to an entity: say which frameworks' decisions do not
 * count for it (doc/coverage.md, section 7), so that a control missing
 * from "reached by" is explained.
 */
static void
explain_entity(struct explain *e)
{
	const struct ismc_ir_framework *o;
	size_t i, n = 0;

	for (i = 0; i < e->ir->nframeworks; i++) {
		o = &e->ir->frameworks[i];
		if (o->entity == NULL || (e->fw->entity != NULL &&
		    strcmp(o->entity, e->fw->entity) == 0))
			continue;
		if (n++ == 0)
			say(e, "  entity: %s; decisions of frameworks "
			    "bound to another entity do not count:",
			    e->fw->entity != NULL ? e->fw->entity :
			    "none (the whole ISMS)");
		say(e, "%s %s (%s)", n > 1 ? "," : "",
		    o->catalog->id, o->entity);
	}
	if (n > 0)
		fputc('\n', e->out);
	else if (e->fw->entity != NULL)
		say(e, "  entity: %s\n", e->fw->entity);
}

static void
explain_req(struct explain *e, const struct ismc_gap_req *q)
{
	size_t i, shown = 0;

	explain_head(e, q->req);
	say(e, "  status: %s (coverage policy: %s)\n",
	    ismc_cov_name(q->status), ismc_gap_policy_name(e->gap->policy));
	say(e, "  own SoA row: %s\n", control_state(q->control));
	if (q->control->applicability == ISMC_EXCLUDED &&
	    q->control->justification != NULL)
		say(e, "  justification: %s\n",
		    q->control->justification);
	if (e->gap->policy == ISMC_GAP_ALL_MAPPED)
		explain_mapped(e, q);
	explain_entity(e);
	for (i = 0; i < q->nreaches; i++) {
		if (shown++ == 0)
			say(e, "  reached by:\n");
		explain_reach(e, &q->reaches[i]);
	}
	if (shown == 0 && q->ncovers == 0)
		say(e, "  reached by: nothing\n");
	for (i = 0; i < q->ncovers; i++) {
		if (i == 0)
			say(e, "  covered by sets:\n");
		explain_cover(e, q->req, &q->covers[i]);
	}
	if (q->status == ISMC_COV_PARTIAL)
		say(e, "  credit in the coverage index: %.2f\n",
		    q->credit);
	explain_why(e, q);
}

static void
explain_group(struct explain *e, const struct ismc_gap_fw *gf,
    const struct ismc_req *g)
{
	const struct ismc_req *p;
	size_t i, n = 0;

	explain_head(e, g);
	say(e, "  a group; its requirements (coverage policy: "
	    "%s):\n", ismc_gap_policy_name(e->gap->policy));
	for (i = 0; i < gf->nreqs; i++) {
		for (p = gf->reqs[i].req->parent; p != NULL && p != g;
		    p = p->parent)
			continue;
		if (p == NULL)
			continue;
		n++;
		say(e, "    %-16s %s\n", gf->reqs[i].req->id,
		    ismc_cov_name(gf->reqs[i].status));
	}
	if (n == 0)
		say(e, "    none\n");
}

bool
ismc_explain_print(const struct ismc_ir *ir, const char *framework,
    const char *req, FILE *out)
{
	const struct ismc_ir_framework *fw;
	const struct ismc_gap_fw *gf;
	const struct ismc_req *r;
	struct explain e;

	if (ir->gap == NULL || (fw = ismc_ir_framework_find(ir, framework)) == NULL ||
	    (gf = ismc_gap_find(ir->gap, fw)) == NULL ||
	    (r = explain_node(fw->catalog, req)) == NULL)
		return false;
	e.ir = ir;
	e.gap = ir->gap;
	e.fw = fw;
	e.out = out;
	ismc_arena_init(&e.arena);
	if (r->is_group)
		explain_group(&e, gf, r);
	else
		explain_req(&e, &gf->reqs[r->req_index]);
	ismc_arena_destroy(&e.arena);
	return true;
}
