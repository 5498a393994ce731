/*
 * sema-risk.c - the Statement of Applicability entries (`control`), the
 * organisation's own controls (`measure`) and the risks they treat.
 */
#include <config.h>

#include <inttypes.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "compilation.h"
#include "diag.h"
#include "sema-int.h"
#include "suggest.h"

static const char *const status_names[] = {	/* ORDER ISMC_STATUS */
	"", "not-implemented", "planned", "partial", "implemented",
};

static const char *const reason_names[] = {	/* ORDER ISMC_REASON */
	"risk", "legal", "contractual", "business",
};

static const char *const treatment_names[] = {	/* ORDER ISMC_TREATMENT */
	"", "mitigate", "accept", "avoid", "transfer",
};

/* ---- control references ------------------------------------------------- */

/* Whether r is a clause: a mandatory requirement of a control catalog,
 * outside the part that forms its SoA (ISO 27001 clauses 4-10). */
static bool
is_clause(const struct ismc_req *r)
{
	return r->mandatory;
}

/*
 * "unknown requirement '99.9' of dora; did you mean '9.9'?": the one
 * wording for an id a requirement catalog does not have, whether a `map`
 * row, a qualified reference or a mapping file names it.
 */
void
sema_unknown_requirement(struct sema *s, struct ismc_span at,
    const struct ismc_ir_framework *fw, const char *id)
{
	struct ismc_suggest sg;
	size_t j;

	ismc_suggest_init(&sg, id);
	for (j = 0; j < fw->ncontrols &&
	    s->diag->errors < ISMC_SUGGEST_MAX_ERRORS; j++)
		ismc_suggest_offer(&sg, fw->controls[j].req->id);
	if (ismc_suggest_result(&sg) != NULL)
		ismc_diag_error(s->diag, at, "unknown requirement '%s' of %s; "
		    "did you mean '%s'?", id, fw->catalog->id,
		    ismc_suggest_result(&sg));
	else
		ismc_diag_error(s->diag, at, "unknown requirement '%s' of %s",
		    id, fw->catalog->id);
}

/* The node a value's spelling names: only identifiers are interned, a
 * number's spelling ("9.2") is interned here for the lookup. */
static const struct ismc_req *
lookup_spelling(struct sema *s, const struct ismc_catalog *cat,
    const struct ismc_value *v)
{
	return ismc_catalog_lookup(cat, v->kind == ISMC_V_IDENT ? v->text :
	    ismc_strtab_cstr(&s->comp->strtab, v->text));
}

static void
unknown_control(struct sema *s, const struct ismc_value *v,
    struct ismc_ir_framework *only, bool with_measures)
{
	struct ismc_suggest sg;
	size_t i, j;

	/* A qualified reference into DORA names a requirement. */
	if (only != NULL && !ismc_catalog_is_controls(only->catalog)) {
		sema_unknown_requirement(s, v->span, only, v->text);
		return;
	}

	ismc_suggest_init(&sg, v->text);
	for (i = 0; i < s->nfw && s->diag->errors < ISMC_SUGGEST_MAX_ERRORS;
	    i++) {
		if (only != NULL && only != &s->fw[i])
			continue;
		for (j = 0; j < s->fw[i].ncontrols; j++)
			ismc_suggest_offer(&sg, s->fw[i].controls[j].req->id);
	}
	if (with_measures && s->diag->errors < ISMC_SUGGEST_MAX_ERRORS)
		for (i = 0; i < s->measures.count; i++)
			ismc_suggest_offer(&sg, s->measures.keys[i]);
	if (ismc_suggest_result(&sg) != NULL)
		ismc_diag_error(s->diag, v->span, "unknown %s '%s'; did you "
		    "mean '%s'?", with_measures ? "control or measure" :
		    "control", v->text, ismc_suggest_result(&sg));
	else if (s->nfw == 0)
		ismc_diag_error(s->diag, v->span, "unknown control '%s' (the "
		    "spec uses no framework; add e.g. 'framework iso27001')",
		    v->text);
	else
		ismc_diag_error(s->diag, v->span, "unknown control '%s'",
		    v->text);
	ismc_diag_fixit(s->diag, v->span, ismc_suggest_result(&sg));
}

/*
 * A prefix that is a near miss of a framework in use is a typo; anything
 * else may be a framework the spec forgot to use.
 */
static void
unknown_framework(struct sema *s, const struct ismc_value *v)
{
	struct ismc_suggest sg;
	size_t i, j;

	ismc_suggest_init(&sg, v->ns);
	for (i = 0; i < s->nfw; i++) {
		ismc_suggest_offer(&sg, s->fw[i].catalog->id);
		for (j = 0; j < s->fw[i].catalog->naliases; j++)
			ismc_suggest_offer(&sg, s->fw[i].catalog->aliases[j]);
	}
	if (ismc_suggest_result(&sg) != NULL)
		ismc_diag_error(s->diag, v->span, "unknown framework '%s'; did "
		    "you mean '%s'?", v->ns, ismc_suggest_result(&sg));
	else
		ismc_diag_error(s->diag, v->span, "framework '%s' is not in "
		    "use; add 'framework %s' if it is the one you mean", v->ns,
		    v->ns);
}

/*
 * `controls 28.3` reads 28.3 as a number. When a framework in use has a
 * node of that spelling, say how to name it; returns whether it did.
 */
static bool
number_ref(struct sema *s, const struct ismc_value *v, bool groups)
{
	const struct ismc_req *r;
	size_t i;

	for (i = 0; i < s->nfw; i++) {
		if ((r = lookup_spelling(s, s->fw[i].catalog, v)) == NULL)
			continue;
		if (r->is_group && !groups)
			ismc_diag_error(s->diag, v->span, "'%s' reads as a "
			    "number, and %s:%s is a heading: name a "
			    "requirement under it", v->text, r->catalog->id,
			    v->text);
		else
			ismc_diag_error(s->diag, v->span, "'%s' reads as a "
			    "number; write '%s:%s' for %s %s of %s", v->text,
			    r->catalog->id, v->text, r->is_group ? "heading" :
			    is_clause(r) ? "clause" : "requirement", v->text,
			    r->catalog->id);
		return true;
	}
	return false;
}

static bool
resolve_qref(struct sema *s, const struct ismc_value *v, bool groups,
    const struct ismc_req **out, struct ismc_ir_framework **fwout)
{
	struct ismc_ir_framework *fw = ismc_ir_framework_find(s->ir, v->ns);
	const struct ismc_req *r;

	if (fw == NULL) {
		unknown_framework(s, v);
		return false;
	}
	if ((r = ismc_catalog_lookup(fw->catalog, v->text)) == NULL) {
		unknown_control(s, v, fw, false);
		return false;
	}
	if (r->withdrawn) {
		ismc_diag_error(s->diag, v->span, "'%s:%s' is withdrawn from "
		    "%s; it is not assessed", v->ns, v->text, fw->catalog->id);
		return false;
	}
	if (r->is_group && !groups) {
		ismc_diag_error(s->diag, v->span, "'%s:%s' is a heading of "
		    "%s, not a control", v->ns, v->text, fw->catalog->id);
		return false;
	}
	*out = r;
	*fwout = fw;
	return true;
}

/* An unqualified id: the one framework in use that has it. */
static bool
resolve_ident(struct sema *s, const struct ismc_value *v, bool groups,
    bool measures, const struct ismc_req **out,
    struct ismc_ir_framework **fwout)
{
	const struct ismc_req *found = NULL, *r, *withdrawn = NULL;
	bool heading = false;
	size_t i;

	for (i = 0; i < s->nfw; i++) {
		if ((r = ismc_catalog_lookup(s->fw[i].catalog, v->text)) ==
		    NULL)
			continue;
		if (r->withdrawn) {
			withdrawn = r;
			continue;
		}
		if (r->is_group && !groups) {
			heading = true;
			continue;
		}
		if (found != NULL) {
			ismc_diag_error(s->diag, v->span, "control '%s' is "
			    "ambiguous: both %s and %s define it; write "
			    "'%s:%s'", v->text, found->catalog->id,
			    r->catalog->id, r->catalog->id, v->text);
			return false;
		}
		found = r;
		*fwout = &s->fw[i];
	}
	if (found != NULL) {
		*out = found;
		return true;
	}
	if (withdrawn != NULL)
		ismc_diag_error(s->diag, v->span, "'%s' is withdrawn from %s; "
		    "it is not assessed", v->text, withdrawn->catalog->id);
	else if (heading)
		ismc_diag_error(s->diag, v->span, "'%s' is a heading, not a "
		    "control", v->text);
	else
		unknown_control(s, v, NULL, measures);
	return false;
}

bool
sema_resolve_node(struct sema *s, const struct ismc_value *v, bool groups,
    const struct ismc_req **out, struct ismc_ir_framework **fw)
{
	*out = NULL;
	*fw = NULL;
	if (v->kind == ISMC_V_QREF)
		return resolve_qref(s, v, groups, out, fw);
	if (v->kind == ISMC_V_NUMBER && number_ref(s, v, groups))
		return false;
	if (v->kind != ISMC_V_IDENT) {
		ismc_diag_error(s->diag, v->span, "expected a control "
		    "identifier, not %s", ismc_value_kind_name(v->kind));
		return false;
	}
	return resolve_ident(s, v, groups, false, out, fw);
}

bool
sema_resolve_control(struct sema *s, const struct ismc_value *v,
    struct ismc_ir_control **control, struct ismc_ir_measure **measure)
{
	struct ismc_ir_framework *fw;
	const struct ismc_req *r;
	struct sema_decl *d;
	bool ok;

	*control = NULL;
	if (measure != NULL)
		*measure = NULL;
	if (measure != NULL && v->kind == ISMC_V_IDENT &&
	    (d = ismc_symtab_get(&s->measures, v->text)) != NULL) {
		*measure = d->obj;
		return true;
	}
	if (v->kind == ISMC_V_IDENT)
		ok = resolve_ident(s, v, false, measure != NULL, &r, &fw);
	else
		ok = sema_resolve_node(s, v, false, &r, &fw);
	if (ok)
		*control = &fw->controls[r->req_index];
	return ok;
}

/* ---- references to documents -------------------------------------------- */

static void
add_docref(struct sema *s, struct ismc_ir_docref **refs, size_t *n,
    const struct ismc_item *it, enum ismc_ref_kind kind)
{
	const struct ismc_value *v;
	struct ismc_ir_docref *nr;
	size_t k = 0;

	if (!sema_args_strings(s, it))
		return;
	nr = ISMC_NEW_ARRAY(s->arena, struct ismc_ir_docref, *n + it->nargs);
	if (*n)
		memcpy(nr, *refs, *n * sizeof *nr);
	for (v = it->args; v != NULL; v = ismc_value_next(v), k++) {
		nr[*n + k].kind = kind;
		nr[*n + k].text = v->text;
	}
	*refs = nr;
	*n += it->nargs;
}

static unsigned
parse_reasons(struct sema *s, const struct ismc_item *it)
{
	const struct ismc_value *v;
	unsigned bits = 0;
	int k;

	if (!sema_args_some(s, it))
		return 0;
	for (v = it->args; v != NULL; v = ismc_value_next(v)) {
		k = sema_value_enum(s, v, reason_names, ISMC_NREASONS,
		    "inclusion reason");
		if (k >= 0)
			bits |= 1u << k;
	}
	return bits;
}

static int
parse_status(struct sema *s, const struct ismc_item *it)
{
	int k = sema_arg_enum(s, it, status_names + 1,
	    sizeof status_names / sizeof status_names[0] - 1,
	    "implementation status");

	return k < 0 ? ISMC_STATUS_UNSET : k + 1;
}

/* ---- control: one SoA entry --------------------------------------------- */

static void
control_applicable(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_control *c = o;

	if (!sema_arg_none(s, it))
		return;
	if (c->applicability == ISMC_EXCLUDED) {
		ismc_diag_error(s->diag, ismc_item_key_span(it),
		    "control '%s' is both applicable and excluded", c->req->id);
		c->conflicting = true;
		return;
	}
	c->applicability = ISMC_APPLICABLE;
}

static void
control_excluded(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_control *c = o;
	const char *why;
	size_t i;

	if (c->applicability == ISMC_APPLICABLE) {
		ismc_diag_error(s->diag, ismc_item_key_span(it),
		    "control '%s' is both applicable and excluded", c->req->id);
		c->conflicting = true;
		return;
	}
	c->applicability = ISMC_EXCLUDED;
	if (it->nargs == 0) {
		ismc_diag_error(s->diag, ismc_item_key_span(it),
		    "excluded control '%s' has no justification; write "
		    "excluded \"why it does not apply\"", c->req->id);
		return;
	}
	if ((why = sema_arg_string(s, it)) == NULL)
		return;
	for (i = 0; why[i] == ' ' || why[i] == '\t' || why[i] == '\n'; i++)
		continue;
	if (why[i] == '\0') {
		ismc_diag_error(s->diag, it->args->span, "excluded control "
		    "'%s' has an empty justification", c->req->id);
		return;
	}
	c->justification = why;
}

static void
control_reasons(struct sema *s, void *o, const struct ismc_item *it)
{
	((struct ismc_ir_control *)o)->reasons |= parse_reasons(s, it);
}

static void
control_status(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_control *c = o;

	c->status_given = true;
	c->status = parse_status(s, it);
}

SEMA_CALL_ATTR(control_owner, struct ismc_ir_control, owner, sema_arg_role)

SEMA_STRING_ATTR(control_note, struct ismc_ir_control, note)

#define DOCREF_HANDLER(fn, type, kind)					\
static void								\
fn(struct sema *s, void *o, const struct ismc_item *it)		\
{									\
	type *x = o;							\
	add_docref(s, &x->refs, &x->nrefs, it, kind);			\
}

DOCREF_HANDLER(control_policy, struct ismc_ir_control, ISMC_REF_POLICY)
DOCREF_HANDLER(control_procedure, struct ismc_ir_control, ISMC_REF_PROCEDURE)
DOCREF_HANDLER(control_evidence, struct ismc_ir_control, ISMC_REF_EVIDENCE)
DOCREF_HANDLER(control_record, struct ismc_ir_control, ISMC_REF_RECORD)
DOCREF_HANDLER(measure_policy, struct ismc_ir_measure, ISMC_REF_POLICY)
DOCREF_HANDLER(measure_procedure, struct ismc_ir_measure, ISMC_REF_PROCEDURE)
DOCREF_HANDLER(measure_evidence, struct ismc_ir_measure, ISMC_REF_EVIDENCE)
DOCREF_HANDLER(measure_record, struct ismc_ir_measure, ISMC_REF_RECORD)

static const struct sema_attr control_attrs[] = {
	{ .name = "applicable", .fn = control_applicable },
	{ .name = "excluded", .fn = control_excluded },
	{ .name = "reasons", .fn = control_reasons, .repeatable = true },
	{ .name = "status", .fn = control_status },
	{ .name = "owner", .fn = control_owner },
	{ .name = "note", .fn = control_note },
	{ .name = "policy", .fn = control_policy, .repeatable = true },
	{ .name = "procedure", .fn = control_procedure, .repeatable = true },
	{ .name = "evidence", .fn = control_evidence, .repeatable = true },
	{ .name = "record", .fn = control_record, .repeatable = true },
	{ .name = "due", .fn = sema_attr_due_control },
};

/* ---- clause: one ISO 27001 clause, decided ------------------------------ */

DOCREF_HANDLER(clause_documented, struct ismc_ir_control, ISMC_REF_DOCUMENTED)

static void
clause_applicable(struct sema *s, void *o, const struct ismc_item *it)
{
	(void)o;
	(void)sema_arg_none(s, it);	/* a clause always applies */
}

static void
clause_excluded(struct sema *s, void *o, const struct ismc_item *it)
{
	ismc_diag_error(s->diag, ismc_item_key_span(it), "clause '%s' cannot be "
	    "excluded: clauses 4 to 10 are mandatory for every ISMS",
	    ((struct ismc_ir_control *)o)->req->id);
}

static const struct sema_attr clause_attrs[] = {
	{ .name = "status", .fn = control_status },
	{ .name = "owner", .fn = control_owner },
	{ .name = "note", .fn = control_note },
	{ .name = "documented", .fn = clause_documented, .repeatable = true },
	{ .name = "policy", .fn = control_policy, .repeatable = true },
	{ .name = "procedure", .fn = control_procedure, .repeatable = true },
	{ .name = "evidence", .fn = control_evidence, .repeatable = true },
	{ .name = "record", .fn = control_record, .repeatable = true },
	{ .name = "applicable", .fn = clause_applicable },
	{ .name = "excluded", .fn = clause_excluded },
	{ .name = "due", .fn = sema_attr_due_control },
};


static void
unknown_clause(struct sema *s, const struct ismc_value *v)
{
	const struct ismc_catalog *cat;
	struct ismc_suggest sg;
	size_t i, j, n = 0;

	ismc_suggest_init(&sg, v->text);
	for (i = 0; i < s->nfw; i++) {
		cat = s->fw[i].catalog;
		for (j = 0; j < cat->nnodes; j++) {
			if (!is_clause(cat->nodes[j]))
				continue;
			ismc_suggest_offer(&sg, cat->nodes[j]->id);
			n++;
		}
	}
	if (n == 0)
		ismc_diag_error(s->diag, v->span, "no framework in use has "
		    "clauses; 'clause' decides the clauses 4 to 10 of ISO/IEC "
		    "27001 (framework iso27001)");
	else if (ismc_suggest_result(&sg) != NULL)
		ismc_diag_error(s->diag, v->span, "unknown clause '%s'; did you "
		    "mean '%s'?", v->text, ismc_suggest_result(&sg));
	else
		ismc_diag_error(s->diag, v->span, "unknown clause '%s'",
		    v->text);
}

/*
 * `clause 9.2.2`: the number names a clause of whichever framework in use
 * has clauses (ISO/IEC 27001); `clause iso27001:9.2.2` says which.
 */
static bool
resolve_clause(struct sema *s, const struct ismc_value *v,
    struct ismc_ir_control **out)
{
	const struct ismc_req *r, *found = NULL;
	size_t i;

	*out = NULL;
	if (v->kind == ISMC_V_QREF) {
		if (!sema_resolve_control(s, v, out, NULL))
			return false;
		found = (*out)->req;
	} else if (v->kind == ISMC_V_NUMBER || v->kind == ISMC_V_IDENT) {
		for (i = 0; i < s->nfw && found == NULL; i++) {
			r = lookup_spelling(s, s->fw[i].catalog, v);
			if (r != NULL && ismc_catalog_is_controls(r->catalog))
				found = r;
		}
		if (found == NULL) {
			unknown_clause(s, v);
			return false;
		}
		if (found->is_group) {
			ismc_diag_error(s->diag, v->span, "'%s' is a heading of "
			    "%s; decide the clauses under it", v->text,
			    found->catalog->id);
			return false;
		}
		*out = &s->fw[i - 1].controls[found->req_index];
	} else {
		ismc_diag_error(s->diag, v->span, "expected a clause number, "
		    "as in 'clause 9.2.2', not %s",
		    ismc_value_kind_name(v->kind));
		return false;
	}
	if (!is_clause(found)) {
		ismc_diag_error(s->diag, v->span, "'%s' is a control of the "
		    "Statement of Applicability, not a clause; write 'control "
		    "%s'", found->id, found->id);
		*out = NULL;
		return false;
	}
	return true;
}

static void
define_control(struct sema *s, const struct ismc_item *it)
{
	bool clause = strcmp(it->key, "clause") == 0;
	struct ismc_ir_control *c;
	const struct ismc_item **slot;
	size_t fi;

	if (it->nargs != 1) {
		ismc_diag_error(s->diag, it->nargs ? it->args[1].span :
		    it->span, clause ? "'clause' takes one clause number, as "
		    "in 'clause 9.2.2 { ... }'" : "'control' takes one control "
		    "identifier, as in 'control A.5.15 { ... }'");
		return;
	}
	if (clause ? !resolve_clause(s, it->args, &c) :
	    !sema_resolve_control(s, it->args, &c, NULL))
		return;
	for (fi = 0; c < s->fw[fi].controls ||
	    c >= s->fw[fi].controls + s->fw[fi].ncontrols; fi++)
		continue;
	slot = &s->control_item[fi][c - s->fw[fi].controls];
	if (*slot != NULL) {
		ismc_diag_error(s->diag, it->args->span, "duplicate entry for "
		    "control '%s'", c->req->id);
		ismc_diag_note(s->diag, (*slot)->args->span, "first entry "
		    "for '%s' is here", c->req->id);
		return;
	}
	*slot = it;
	c->declared = true;
	c->span = it->span;
	if (!it->has_body) {
		ismc_diag_error(s->diag, it->span, clause ? "clause '%s' needs "
		    "a block with its status, e.g. '{ status implemented }'" :
		    "control '%s' needs a block with its decision, e.g. '{ "
		    "applicable; status implemented }'", c->req->id);
		return;
	}
	if (clause) {
		c->applicability = ISMC_APPLICABLE;
		sema_apply_attrs(s, it, clause_attrs,
		    sizeof clause_attrs / sizeof clause_attrs[0], c,
		    SEMA_WHAT("clause", c->req->id));
		return;
	}
	sema_apply_attrs(s, it, control_attrs,
	    sizeof control_attrs / sizeof control_attrs[0], c,
	    SEMA_WHAT("control", c->req->id));
}

void
sema_define_controls(struct sema *s)
{
	size_t i;

	for (i = 0; i < s->control_d.n && !ismc_diag_stopped(s->diag); i++)
		define_control(s, s->control_d.v[i]->item);
}

/* ---- measure: the organisation's own control ---------------------------- */

static void
measure_covers(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_measure *m = o;
	const struct ismc_value *v;
	struct ismc_ir_control *c;

	if (!sema_args_some(s, it))
		return;
	for (v = it->args; v != NULL; v = ismc_value_next(v))
		if (sema_resolve_control(s, v, &c, NULL))
			m->covers = (struct ismc_ir_control **)sema_ptr_push(s,
			    (void **)m->covers, &m->ncovers, c);
}

/*
 * `closes dora:19.1`: the measure meets what the mapping rows covering
 * DORA 19.1 leave out (their residual), so once it is implemented the
 * covering set and the measure together make 19.1 full.
 */
static void
measure_closes(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_measure *m = o;
	const struct ismc_value *v;
	struct ismc_ir_control *c;

	if (!sema_args_some(s, it))
		return;
	for (v = it->args; v != NULL; v = ismc_value_next(v))
		if (sema_resolve_control(s, v, &c, NULL))
			m->closes = (struct ismc_ir_control **)sema_ptr_push(s,
			    (void **)m->closes, &m->ncloses, c);
}

static void
measure_status(struct sema *s, void *o, const struct ismc_item *it)
{
	((struct ismc_ir_measure *)o)->status = parse_status(s, it);
}

SEMA_CALL_ATTR(measure_owner, struct ismc_ir_measure, owner, sema_arg_role)

static void
measure_reasons(struct sema *s, void *o, const struct ismc_item *it)
{
	((struct ismc_ir_measure *)o)->reasons |= parse_reasons(s, it);
}

SEMA_STRING_ATTR(measure_description, struct ismc_ir_measure, description)

static const struct sema_attr measure_attrs[] = {
	{ .name = "covers", .fn = measure_covers, .repeatable = true },
	{ .name = "closes", .fn = measure_closes, .repeatable = true },
	{ .name = "status", .fn = measure_status },
	{ .name = "owner", .fn = measure_owner },
	{ .name = "reasons", .fn = measure_reasons, .repeatable = true },
	{ .name = "description", .fn = measure_description },
	{ .name = "policy", .fn = measure_policy, .repeatable = true },
	{ .name = "procedure", .fn = measure_procedure, .repeatable = true },
	{ .name = "evidence", .fn = measure_evidence, .repeatable = true },
	{ .name = "record", .fn = measure_record, .repeatable = true },
	{ .name = "due", .fn = sema_attr_due_measure },
};

void
sema_define_measures(struct sema *s)
{
	size_t i;

	for (i = 0; i < s->measure_d.n && !ismc_diag_stopped(s->diag); i++) {
		struct ismc_ir_measure *m = s->measure_d.v[i]->obj;
		const struct ismc_item *it = s->measure_d.v[i]->item;

		sema_apply_attrs(s, it, measure_attrs,
		    sizeof measure_attrs / sizeof measure_attrs[0], m,
		    SEMA_WHAT("measure", m->id));
		if (m->ncovers == 0 && m->ncloses == 0 &&
		    !sema_has_key(it, "covers") && !sema_has_key(it, "closes"))
			ismc_diag_error(s->diag, it->args->span, "measure "
			    "'%s' covers no control; add 'covers A.x.y'",
			    m->id);
	}
}

/* ---- risks -------------------------------------------------------------- */

const struct ismc_ir_level *
sema_resolve_level(struct sema *s, const struct ismc_value *v, int which)
{
	const struct ismc_ir_scale *sc = which == 0 ? &s->ir->likelihood :
	    &s->ir->impact;
	const char *name = which == 0 ? "likelihood" : "impact";
	struct ismc_suggest sg;
	size_t i;

	if (sc->nlevels == 0) {
		if (!s->reported_no_scale[which])
			ismc_diag_error(s->diag, v->span, "no '%s' scale is "
			    "defined; add 'scale %s { level 1 low \"Low\" "
			    "... }'", name, name);
		s->reported_no_scale[which] = true;
		return NULL;
	}
	if (v->kind == ISMC_V_NUMBER && v->is_int) {
		if (v->ival >= sc->min && v->ival <= sc->max)
			return &sc->levels[v->ival - sc->min];
		ismc_diag_error(s->diag, v->span, "%s %s is outside the scale "
		    "%d..%d", name, v->text, sc->min, sc->max);
		return NULL;
	}
	if (v->kind != ISMC_V_IDENT) {
		ismc_diag_error(s->diag, v->span, "expected a %s level, not "
		    "%s", name, ismc_value_kind_name(v->kind));
		return NULL;
	}
	for (i = 0; i < sc->nlevels; i++)
		if (sc->levels[i].id == v->text)
			return &sc->levels[i];
	ismc_suggest_init(&sg, v->text);
	for (i = 0; i < sc->nlevels; i++)
		ismc_suggest_offer(&sg, sc->levels[i].id);
	if (ismc_suggest_result(&sg) != NULL) {
		ismc_diag_error(s->diag, v->span, "unknown %s level '%s'; did "
		    "you mean '%s'?", name, v->text, ismc_suggest_result(&sg));
	} else {
		struct ismc_buf b;

		ismc_buf_init(&b);
		for (i = 0; i < sc->nlevels; i++)
			ismc_buf_printf(&b, "%s%s", i == 0 ? "" :
			    i + 1 == sc->nlevels ? " and " : ", ",
			    sc->levels[i].id);
		ismc_diag_error(s->diag, v->span, "unknown %s level '%s'; the "
		    "%s scale has %s", name, v->text, name, ismc_buf_cstr(&b));
		ismc_buf_free(&b);
	}
	return NULL;
}

static const struct ismc_ir_level *
level_arg(struct sema *s, const struct ismc_item *it, int which)
{
	if (it->nargs != 1) {
		ismc_diag_error(s->diag, it->span, "'%s' takes one level",
		    it->key);
		return NULL;
	}
	return sema_resolve_level(s, it->args, which);
}

static void
risk_likelihood(struct sema *s, void *o, const struct ismc_item *it)
{
	((struct ismc_ir_risk *)o)->likelihood = level_arg(s, it, 0);
}

static void
risk_impact(struct sema *s, void *o, const struct ismc_item *it)
{
	if (it->has_body)
		sema_impact_dims(s, o, it, false);
	else
		((struct ismc_ir_risk *)o)->impact = level_arg(s, it, 1);
}

static void
residual_likelihood(struct sema *s, void *o, const struct ismc_item *it)
{
	((struct ismc_ir_risk *)o)->res_likelihood = level_arg(s, it, 0);
}

static void
residual_impact(struct sema *s, void *o, const struct ismc_item *it)
{
	if (it->has_body)
		sema_impact_dims(s, o, it, true);
	else
		((struct ismc_ir_risk *)o)->res_impact = level_arg(s, it, 1);
}

static const struct sema_attr residual_attrs[] = {
	{ .name = "likelihood", .fn = residual_likelihood },
	{ .name = "impact", .fn = residual_impact, .block = true },
};

static void
risk_residual(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_risk *r = o;

	if (!sema_arg_none(s, it))
		return;
	if (!it->has_body) {
		ismc_diag_error(s->diag, it->span, "'residual' needs a block, "
		    "as in 'residual { likelihood low; impact high }'");
		return;
	}
	r->has_residual = true;
	sema_apply_attrs(s, it, residual_attrs, 2, r, SEMA_WHAT("the residual risk of", r->id));
}

SEMA_STRING_ATTR(risk_description, struct ismc_ir_risk, description)

SEMA_CALL_ATTR(risk_owner, struct ismc_ir_risk, owner, sema_arg_role)

static void
risk_treatment(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_risk *r = o;
	int k = sema_arg_enum(s, it, treatment_names + 1,
	    sizeof treatment_names / sizeof treatment_names[0] - 1,
	    "treatment");

	r->treatment_given = true;
	if (k >= 0)
		r->treatment = k + 1;
}

static void
risk_threats(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_risk *r = o;
	const struct ismc_value *v;
	void *t;

	if (!sema_args_some(s, it))
		return;
	for (v = it->args; v != NULL; v = ismc_value_next(v))
		if ((t = sema_resolve(s, &s->threats, v, "threat")) != NULL)
			r->threats = (const struct ismc_ir_threat **)
			    sema_ptr_push(s, (void **)r->threats, &r->nthreats,
			    t);
}

static void
risk_assets(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_risk *r = o;
	const struct ismc_value *v;
	void *a;

	if (!sema_args_some(s, it))
		return;
	for (v = it->args; v != NULL; v = ismc_value_next(v))
		if ((a = sema_resolve(s, &s->assets, v, "asset")) != NULL)
			r->assets = (const struct ismc_ir_asset **)
			    sema_ptr_push(s, (void **)r->assets, &r->nassets,
			    a);
}

static bool
treated_twice(const struct ismc_ir_risk *r, const struct ismc_ir_treat *t,
    size_t n, const struct ismc_ir_treat *x)
{
	size_t i;

	(void)r;
	for (i = 0; i < n; i++)
		if (t[i].control == x->control && t[i].measure == x->measure)
			return true;
	return false;
}

static void
risk_controls(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_risk *r = o;
	const struct ismc_value *v;
	struct ismc_ir_treat *t;
	size_t n = 0;

	r->controls_given = true;
	if (!sema_args_some(s, it))
		return;
	t = ISMC_NEW_ARRAY(s->arena, struct ismc_ir_treat,
	    r->ntreated_by + it->nargs);
	if (r->ntreated_by)
		memcpy(t, r->treated_by, r->ntreated_by * sizeof *t);
	for (v = it->args; v != NULL; v = ismc_value_next(v)) {
		struct ismc_ir_treat *x = &t[r->ntreated_by + n];

		if (!sema_resolve_control(s, v, &x->control, &x->measure))
			continue;
		if (treated_twice(r, t, r->ntreated_by + n, x)) {
			ismc_diag_warning(s->diag, ISMC_W_DUPLICATE_REFERENCE,
			    v->span, "risk '%s' names "
			    "'%s' twice", r->id, v->text);
			continue;
		}
		x->span = v->span;
		n++;
	}
	r->treated_by = t;
	r->ntreated_by += n;
}

static const struct sema_attr risk_attrs[] = {
	{ .name = "description", .fn = risk_description },
	{ .name = "threat", .fn = risk_threats, .repeatable = true },
	{ .name = "threats", .fn = risk_threats, .repeatable = true },
	{ .name = "assets", .fn = risk_assets, .repeatable = true },
	{ .name = "asset", .fn = risk_assets, .repeatable = true },
	{ .name = "likelihood", .fn = risk_likelihood },
	{ .name = "impact", .fn = risk_impact, .block = true },
	{ .name = "owner", .fn = risk_owner },
	{ .name = "treatment", .fn = risk_treatment },
	{ .name = "controls", .fn = risk_controls, .repeatable = true },
	{ .name = "residual", .fn = risk_residual, .block = true },
	{ .name = "accepted", .fn = sema_risk_accepted, .block = true },
	{ .name = "reviewed", .fn = sema_risk_reviewed },
};

void
sema_define_risks(struct sema *s)
{
	size_t i;

	for (i = 0; i < s->risk_d.n && !ismc_diag_stopped(s->diag); i++) {
		struct ismc_ir_risk *r = s->risk_d.v[i]->obj;
		const struct ismc_item *it = s->risk_d.v[i]->item;

		sema_apply_attrs(s, it, risk_attrs,
		    sizeof risk_attrs / sizeof risk_attrs[0], r,
		    SEMA_WHAT("risk", r->id));
		sema_combine_impact(s, r);
		if (r->likelihood == NULL && !sema_has_key(it, "likelihood") &&
		    !ismc_diag_stopped(s->diag))
			ismc_diag_error(s->diag, it->args->span, "risk '%s' "
			    "has no likelihood", r->id);
		if (r->impact == NULL && !sema_has_key(it, "impact") &&
		    !ismc_diag_stopped(s->diag))
			ismc_diag_error(s->diag, it->args->span, "risk '%s' "
			    "has no impact", r->id);
	}
}
