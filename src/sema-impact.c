/*
 * sema-impact.c - impact rated per dimension.
 *
 * A risk may rate its impact on confidentiality, integrity, availability
 * and any dimension the impact scale declares:
 *
 *	impact { confidentiality critical; integrity high }
 *
 * Every dimension is rated on the one impact scale. The risk's impact,
 * which scores it, is the highest rated dimension, or the mean rounded
 * up when the scale says `combine average`. A risk rated with a single
 * `impact LEVEL` stays as it was. doc/language.md, 5.5 and 5.10.
 */
#include <config.h>

#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "compilation.h"
#include "diag.h"
#include "ir.h"
#include "sema-int.h"
#include "strtab.h"

/* Every spec has these three, in this order (ISO/IEC 27000 3.28). */
static const char *const cia[] = {
	"confidentiality", "integrity", "availability",
};
#define NCIA	(sizeof cia / sizeof cia[0])

/* ---- the impact scale's `dimension` and `combine` ----------------------- */

void
sema_scale_dimension(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir *ir = s->ir;
	const struct ismc_value *id = it->args, *label;
	const char **dims, **labels;
	size_t i;

	(void)o;
	label = id ? ismc_value_next(id) : NULL;
	if (id == NULL || id->kind != ISMC_V_IDENT || (label != NULL &&
	    (label->kind != ISMC_V_STRING || ismc_value_next(label) != NULL))) {
		ismc_diag_error(s->diag, it->span, "'dimension' takes an "
		    "identifier and an optional label, as in 'dimension safety "
		    "\"Health and safety\"'");
		return;
	}
	sema_define_dims(s);
	for (i = 0; i < ir->ndims; i++) {
		if (ir->dims[i] == id->text) {
			ismc_diag_error(s->diag, id->span, "duplicate impact "
			    "dimension '%s'%s", id->text, i < NCIA ? " (every "
			    "spec has confidentiality, integrity and "
			    "availability)" : "");
			return;
		}
	}
	dims = ISMC_NEW_ARRAY(s->arena, const char *, ir->ndims + 1);
	labels = ISMC_NEW_ARRAY(s->arena, const char *, ir->ndims + 1);
	memcpy(dims, ir->dims, ir->ndims * sizeof *dims);
	memcpy(labels, ir->dim_labels, ir->ndims * sizeof *labels);
	dims[ir->ndims] = id->text;
	labels[ir->ndims] = label ? label->text : id->text;
	ir->dims = dims;
	ir->dim_labels = labels;
	ir->ndims++;
}

void
sema_scale_combine(struct sema *s, void *o, const struct ismc_item *it)
{
	static const char *const rules[] = {	/* ORDER ISMC_COMBINE */
		"highest", "average",
	};
	int k = sema_arg_enum(s, it, rules, 2, "impact rule");

	(void)o;
	if (k >= 0)
		s->ir->combine = (enum ismc_combine)k;
}

/* The three dimensions every spec has, once; the scale adds its own. */
void
sema_define_dims(struct sema *s)
{
	struct ismc_ir *ir = s->ir;
	struct ismc_strtab *t = &s->comp->strtab;
	size_t i;

	if (ir->ndims > 0)
		return;
	ir->dims = ISMC_NEW_ARRAY(s->arena, const char *, NCIA);
	ir->dim_labels = ISMC_NEW_ARRAY(s->arena, const char *, NCIA);
	for (i = 0; i < NCIA; i++) {
		ir->dims[i] = ismc_strtab_cstr(t, cia[i]);
		ir->dim_labels[i] = cia[i];
	}
	ir->ndims = NCIA;
}

/* ---- a risk's `impact { ... }` ------------------------------------------ */

struct dims_build {
	const struct ismc_ir_level **dims;	/* ir->ndims */
	size_t			 rated;
};

static void
impact_dim(struct sema *s, void *o, const struct ismc_item *it)
{
	struct dims_build *b = o;
	const struct ismc_ir *ir = s->ir;
	size_t i;

	for (i = 0; i < ir->ndims; i++) {
		if (ir->dims[i] != it->key)
			continue;
		if (it->nargs != 1) {
			ismc_diag_error(s->diag, it->span, "'%s' takes one "
			    "level", it->key);
			return;
		}
		if ((b->dims[i] = sema_resolve_level(s, it->args, 1)) != NULL)
			b->rated++;
		return;
	}
}

/* The attribute table of an impact block: one row per dimension. */
static const struct sema_attr *
dim_attrs(struct sema *s)
{
	size_t i;

	sema_define_dims(s);
	if (s->dim_attrs != NULL)
		return s->dim_attrs;
	s->dim_attrs = ISMC_NEW_ARRAY(s->arena, struct sema_attr,
	    s->ir->ndims);
	for (i = 0; i < s->ir->ndims; i++) {
		s->dim_attrs[i].name = s->ir->dims[i];
		s->dim_attrs[i].fn = impact_dim;
	}
	return s->dim_attrs;
}

void
sema_impact_dims(struct sema *s, struct ismc_ir_risk *r,
    const struct ismc_item *it, bool residual)
{
	struct dims_build b = { 0 };
	const struct sema_attr *attrs = dim_attrs(s);

	if (it->nargs != 0) {
		ismc_diag_error(s->diag, it->args->span, "'impact' takes a "
		    "level or a block of dimensions, not both, as in 'impact "
		    "{ confidentiality high; availability medium }'");
		return;
	}
	b.dims = ISMC_NEW_ARRAY(s->arena, const struct ismc_ir_level *,
	    s->ir->ndims);
	sema_apply_attrs(s, it, attrs, s->ir->ndims, &b, residual ?
	    SEMA_WHAT("the residual impact of", r->id) :
	    SEMA_WHAT("the impact of", r->id));
	if (b.rated == 0) {
		if (it->body == NULL)
			ismc_diag_error(s->diag, ismc_item_key_span(it), "the "
			    "impact of risk '%s' rates no dimension", r->id);
		return;
	}
	s->ir->has_dims = true;
	if (residual)
		r->res_impact_dims = b.dims;
	else
		r->impact_dims = b.dims;
}

/* The impact a set of dimensions gives, by the spec's rule; NULL when
 * none is rated. */
static const struct ismc_ir_level *
combine(const struct ismc_ir *ir, const struct ismc_ir_level **dims)
{
	int top = 0, sum = 0, n = 0, v;
	size_t i;

	for (i = 0; i < ir->ndims; i++) {
		if (dims[i] == NULL)
			continue;
		n++;
		sum += dims[i]->value;
		if (dims[i]->value > top)
			top = dims[i]->value;
	}
	if (n == 0)
		return NULL;
	/* Rounded up: a risk is never rated lower than its dimensions
	 * average out to. */
	v = ir->combine == ISMC_COMBINE_AVERAGE ? (sum + n - 1) / n : top;
	return &ir->impact.levels[v - ir->impact.min];
}

void
sema_combine_impact(struct sema *s, struct ismc_ir_risk *r)
{
	const struct ismc_ir *ir = s->ir;
	size_t i;

	if (r->impact_dims != NULL)
		r->impact = combine(ir, r->impact_dims);
	/* No residual impact: the dimensions stay as they were rated. */
	if (r->res_impact_dims == NULL && r->res_impact == NULL)
		r->res_impact_dims = r->impact_dims;
	if (r->res_impact_dims == NULL || r->res_impact_dims ==
	    r->impact_dims)
		return;
	/* A dimension the residual block leaves out keeps its inherent
	 * rating, as a residual attribute left out does. */
	for (i = 0; r->impact_dims != NULL && i < ir->ndims; i++)
		if (r->res_impact_dims[i] == NULL)
			r->res_impact_dims[i] = r->impact_dims[i];
	r->res_impact = combine(ir, r->res_impact_dims);
}
