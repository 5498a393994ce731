/*
 * sema-decl.c - the ISMS context: frameworks in use, the isms block,
 * roles, assets, threats, risk scales and scoring.
 */
#include <config.h>

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "compilation.h"
#include "diag.h"
#include "sema-int.h"
#include "search.h"
#include "xalloc.h"

/* ---- frameworks --------------------------------------------------------- */

/* `framework nis2 { entity "EU-Bank Payments GmbH" }`: the obligations
 * bind that legal entity, not the whole ISMS. */
SEMA_STRING_ATTR(framework_entity, struct ismc_ir_framework, entity)

static const struct sema_attr framework_attrs[] = {
	{ .name = "entity", .fn = framework_entity },
};

/*
 * While pass 1 grows the framework array it may move, so the name table
 * holds 1 + the index until sema_index_frameworks replaces it by pointers.
 */
void
sema_use_framework(struct sema *s, const struct ismc_item *it)
{
	const struct ismc_value *v = sema_arg_ident(s, it);
	struct ismc_catalog *cat;
	struct ismc_ir_framework *fw;
	uintptr_t prev;
	size_t i;

	if (v == NULL)
		return;
	if ((prev = (uintptr_t)ismc_symtab_get(&s->frameworks, v->text)) != 0) {
		ismc_diag_warning(s->diag, ISMC_W_DUPLICATE_FRAMEWORK,
		    v->span, "framework '%s' is "
		    "already in use", v->text);
		ismc_diag_note(s->diag, s->fw[prev - 1].span, "first used "
		    "here");
		return;
	}
	if ((cat = ismc_search_catalog(s->comp, v->text, v->span)) == NULL)
		return;
	for (i = 0; i < s->nfw; i++) {
		if (s->fw[i].catalog == cat) {
			ismc_diag_warning(s->diag, ISMC_W_DUPLICATE_FRAMEWORK,
			    v->span, "framework '%s' is "
			    "already in use under another name", v->text);
			ismc_diag_note(s->diag, s->fw[i].span, "first used "
			    "here");
			ismc_symtab_put(&s->frameworks, v->text,
			    (void *)(uintptr_t)(i + 1));
			return;
		}
	}
	if (s->nfw == s->fwcap) {
		s->fwcap = s->fwcap ? s->fwcap * 2 : 4;
		s->fw = ismc_xreallocarray(s->fw, s->fwcap, sizeof *s->fw);
		s->control_item = ismc_xreallocarray(s->control_item,
		    s->fwcap, sizeof *s->control_item);
	}
	fw = &s->fw[s->nfw];
	memset(fw, 0, sizeof *fw);
	fw->catalog = cat;
	fw->span = it->span;
	if (it->has_body)
		sema_apply_attrs(s, it, framework_attrs, sizeof framework_attrs /
		    sizeof framework_attrs[0], fw, SEMA_WHAT("framework",
		    v->text));
	fw->ncontrols = cat->nreqs;
	fw->controls = ISMC_NEW_ARRAY(s->arena, struct ismc_ir_control,
	    cat->nreqs);
	for (i = 0; i < cat->nreqs; i++) {
		fw->controls[i].req = cat->reqs[i];
		fw->controls[i].span = ISMC_NO_SPAN;
	}
	s->control_item[s->nfw] = ISMC_NEW_ARRAY(s->arena,
	    const struct ismc_item *, cat->nreqs);
	s->nfw++;
	ismc_symtab_put(&s->frameworks, v->text, (void *)(uintptr_t)s->nfw);
}

static int
fwname_cmp(const void *pa, const void *pb)
{
	const struct ismc_ir_fwname *a = pa, *b = pb;
	int c = strcmp(a->name, b->name);

	if (c != 0)
		return c;
	return a->fw < b->fw ? -1 : a->fw > b->fw;
}

/*
 * The framework array moves while pass 1 grows it, so the IR's name index
 * is built only once it is final. A name two catalogs claim (an alias of
 * one, the id of another) finds the framework used first.
 */
void
sema_index_frameworks(struct sema *s)
{
	struct ismc_ir *ir = s->ir;
	struct ismc_ir_fwname *v;
	size_t i, j, n = 0;

	for (i = 0; i < s->nfw; i++)
		n += 1 + s->fw[i].catalog->naliases;
	v = ISMC_NEW_ARRAY(s->arena, struct ismc_ir_fwname, n ? n : 1);
	for (i = 0, n = 0; i < s->nfw; i++) {
		const struct ismc_catalog *cat = s->fw[i].catalog;

		v[n].name = cat->id;
		v[n++].fw = &s->fw[i];
		for (j = 0; j < cat->naliases; j++) {
			v[n].name = cat->aliases[j];
			v[n++].fw = &s->fw[i];
		}
	}
	if (n > 1)
		qsort(v, n, sizeof *v, fwname_cmp);
	for (i = j = 0; i < n; i++)
		if (j == 0 || strcmp(v[j - 1].name, v[i].name) != 0)
			v[j++] = v[i];
	ir->fwnames = v;
	ir->nfwnames = j;
	ir->frameworks = s->fw;
	ir->nframeworks = s->nfw;
}

/* ---- the isms block ----------------------------------------------------- */

SEMA_STRING_ATTR(isms_organisation, struct ismc_ir_isms, organisation)

SEMA_STRING_ATTR(isms_industry, struct ismc_ir_isms, industry)

static void
isms_employees(struct sema *s, void *o, const struct ismc_item *it)
{
	int64_t n;

	if (sema_arg_int(s, it, 1, INT64_C(100000000), &n))
		((struct ismc_ir_isms *)o)->employees = n;
}

SEMA_STRING_ATTR(isms_version, struct ismc_ir_isms, version)

static void
isms_date(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_isms *m = o;

	m->has_date = sema_arg_date(s, it, &m->date);
}

static void
isms_scope(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_isms *m = o;

	m->scope = sema_arg_string(s, it);
	m->scope_span = it->span;	/* the readiness report cites it */
}

static void
isms_location(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_isms *m = o;
	struct ismc_ir_location *l;
	const struct ismc_value *id = it->args;

	if (it->nargs != 2 || id->kind != ISMC_V_IDENT ||
	    id[1].kind != ISMC_V_STRING) {
		ismc_diag_error(s->diag, it->span, "'location' takes an "
		    "identifier and a quoted description, as in "
		    "'location hq \"London head office\"'");
		return;
	}
	l = ISMC_NEW_ARRAY(s->arena, struct ismc_ir_location,
	    m->nlocations + 1);
	if (m->nlocations)
		memcpy(l, m->locations, m->nlocations * sizeof *l);
	l[m->nlocations].id = id->text;
	l[m->nlocations].text = ismc_value_next(id)->text;
	m->locations = l;
	m->nlocations++;
}

static void
append_strings(struct sema *s, const struct ismc_item *it, const char ***list,
    size_t *n)
{
	const struct ismc_value *v;

	if (!sema_args_strings(s, it))
		return;
	for (v = it->args; v != NULL; v = ismc_value_next(v))
		*list = (const char **)sema_ptr_push(s, (void **)*list, n,
		    (void *)v->text);
}

static void
isms_in_scope(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_isms *m = o;

	append_strings(s, it, &m->in_scope, &m->nin_scope);
}

static void
isms_out_of_scope(struct sema *s, void *o, const struct ismc_item *it)
{
	struct ismc_ir_isms *m = o;

	append_strings(s, it, &m->out_of_scope, &m->nout_of_scope);
}

static const struct sema_attr isms_attrs[] = {
	{ .name = "organisation", .fn = isms_organisation },
	{ .name = "industry", .fn = isms_industry },
	{ .name = "employees", .fn = isms_employees },
	{ .name = "version", .fn = isms_version },
	{ .name = "date", .fn = isms_date },
	{ .name = "scope", .fn = isms_scope },
	{ .name = "location", .fn = isms_location, .repeatable = true },
	{ .name = "in_scope", .fn = isms_in_scope, .repeatable = true },
	{ .name = "out_of_scope", .fn = isms_out_of_scope, .repeatable = true },
};

void
sema_define_isms(struct sema *s)
{
	const struct ismc_item *it = s->isms_item;
	struct ismc_ir_isms *m = &s->ir->isms;

	m->employees = -1;
	if (it == NULL)
		return;
	if (it->nargs != 1 || it->args->kind != ISMC_V_STRING)
		ismc_diag_error(s->diag, it->span, "'isms' takes a quoted "
		    "title, as in 'isms \"Acme ISMS\" { ... }'");
	else
		m->title = it->args->text;
	sema_apply_attrs(s, it, isms_attrs,
	    sizeof isms_attrs / sizeof isms_attrs[0], m, SEMA_WHAT("'isms'", NULL));
}

/* ---- roles, assets, threats --------------------------------------------- */

SEMA_STRING_ATTR(role_person, struct ismc_ir_role, person)

SEMA_STRING_ATTR(role_description, struct ismc_ir_role, description)

static const struct sema_attr role_attrs[] = {
	{ .name = "person", .fn = role_person },
	{ .name = "description", .fn = role_description },
};

void
sema_define_roles(struct sema *s)
{
	size_t i;

	for (i = 0; i < s->role_d.n; i++) {
		struct ismc_ir_role *r = s->role_d.v[i]->obj;

		sema_apply_attrs(s, s->role_d.v[i]->item, role_attrs,
		    sizeof role_attrs / sizeof role_attrs[0], r,
		    SEMA_WHAT("role", r->id));
	}
}

static const char *const asset_types[] = {
	"information", "software", "hardware", "service", "people", "site",
};

static const char *const classifications[] = {
	"public", "internal", "confidential", "restricted",
};

SEMA_CALL_ATTR(asset_owner, struct ismc_ir_asset, owner, sema_arg_role)

static void
asset_type(struct sema *s, void *o, const struct ismc_item *it)
{
	int k = sema_arg_enum(s, it, asset_types,
	    sizeof asset_types / sizeof asset_types[0], "asset type");

	if (k >= 0)
		((struct ismc_ir_asset *)o)->type = asset_types[k];
}

static void
asset_classification(struct sema *s, void *o, const struct ismc_item *it)
{
	int k = sema_arg_enum(s, it, classifications,
	    sizeof classifications / sizeof classifications[0],
	    "classification");

	if (k >= 0)
		((struct ismc_ir_asset *)o)->classification = classifications[k];
}

SEMA_STRING_ATTR(asset_description, struct ismc_ir_asset, description)

static const struct sema_attr asset_attrs[] = {
	{ .name = "owner", .fn = asset_owner },
	{ .name = "type", .fn = asset_type },
	{ .name = "classification", .fn = asset_classification },
	{ .name = "description", .fn = asset_description },
};

void
sema_define_assets(struct sema *s)
{
	size_t i;

	for (i = 0; i < s->asset_d.n; i++) {
		struct ismc_ir_asset *a = s->asset_d.v[i]->obj;

		sema_apply_attrs(s, s->asset_d.v[i]->item, asset_attrs,
		    sizeof asset_attrs / sizeof asset_attrs[0], a,
		    SEMA_WHAT("asset", a->id));
	}
}

SEMA_STRING_ATTR(threat_description, struct ismc_ir_threat, description)

static const struct sema_attr threat_attrs[] = {
	{ .name = "description", .fn = threat_description },
};

void
sema_define_threats(struct sema *s)
{
	size_t i;

	for (i = 0; i < s->threat_d.n; i++) {
		struct ismc_ir_threat *t = s->threat_d.v[i]->obj;

		sema_apply_attrs(s, s->threat_d.v[i]->item, threat_attrs,
		    sizeof threat_attrs / sizeof threat_attrs[0], t,
		    SEMA_WHAT("threat", t->id));
	}
}

/* ---- scales ------------------------------------------------------------- */

#define MAX_LEVELS	100

struct scale_build {
	struct ismc_ir_level	 levels[MAX_LEVELS];
	const struct ismc_item	*items[MAX_LEVELS];
	size_t			 n;
	const char		*name;
};

static void
scale_level(struct sema *s, void *o, const struct ismc_item *it)
{
	struct scale_build *b = o;
	const struct ismc_value *num = it->args, *id, *label;
	struct ismc_ir_level *l;
	size_t i;

	id = num ? ismc_value_next(num) : NULL;
	label = id ? ismc_value_next(id) : NULL;
	if (num == NULL || num->kind != ISMC_V_NUMBER || !num->is_int ||
	    id == NULL || id->kind != ISMC_V_IDENT ||
	    (label != NULL && (label->kind != ISMC_V_STRING ||
	    ismc_value_next(label) != NULL))) {
		ismc_diag_error(s->diag, it->span, "'level' takes a value, an "
		    "identifier and an optional label, as in "
		    "'level 4 high \"High\"'");
		return;
	}
	if (num->ival < 1 || num->ival > MAX_LEVELS) {
		ismc_diag_error(s->diag, num->span, "level values run from 1 "
		    "to %d", MAX_LEVELS);
		return;
	}
	for (i = 0; i < b->n; i++) {
		if (b->levels[i].value == num->ival ||
		    b->levels[i].id == id->text) {
			bool same_value = b->levels[i].value == num->ival;

			ismc_diag_error(s->diag, same_value ? num->span :
			    id->span, "duplicate %s level %s", b->name,
			    same_value ? num->text : id->text);
			ismc_diag_note(s->diag, b->items[i]->span, "first "
			    "defined here");
			return;
		}
	}
	l = &b->levels[b->n];
	l->value = (int)num->ival;
	l->id = id->text;
	l->label = label ? label->text : id->text;
	l->span = it->span;
	b->items[b->n++] = it;
}

static const struct sema_attr scale_attrs[] = {
	{ .name = "level", .fn = scale_level, .repeatable = true },
};

/* The impact scale also names the dimensions beyond C, I and A, and how
 * they combine (sema-impact.c). */
static const struct sema_attr impact_scale_attrs[] = {
	{ .name = "level", .fn = scale_level, .repeatable = true },
	{ .name = "dimension", .fn = sema_scale_dimension, .repeatable = true },
	{ .name = "combine", .fn = sema_scale_combine },
};

static int
level_cmp(const void *a, const void *b)
{
	return ((const struct ismc_ir_level *)a)->value -
	    ((const struct ismc_ir_level *)b)->value;
}

static void
define_scale(struct sema *s, const struct ismc_item *it,
    struct ismc_ir_scale *sc, const char *name)
{
	struct scale_build *b = ismc_xcalloc(1, sizeof *b);
	size_t i;

	b->name = name;
	if (sc == &s->ir->impact)
		sema_apply_attrs(s, it, impact_scale_attrs,
		    sizeof impact_scale_attrs / sizeof impact_scale_attrs[0], b,
		    SEMA_WHAT("scale", name));
	else
		sema_apply_attrs(s, it, scale_attrs, 1, b, SEMA_WHAT("scale",
		    name));
	sc->name = name;
	sc->span = it->span;
	if (b->n == 0) {
		ismc_diag_error(s->diag, it->span, "scale '%s' has no levels",
		    name);
		free(b);
		return;
	}
	qsort(b->levels, b->n, sizeof b->levels[0], level_cmp);
	for (i = 0; i < b->n; i++) {
		if (b->levels[i].value != (int)i + 1) {
			ismc_diag_error(s->diag, b->levels[i].span, "scale "
			    "'%s' skips value %zu: levels must run from 1 "
			    "without gaps", name, i + 1);
			break;
		}
	}
	sc->levels = ISMC_NEW_ARRAY(s->arena, struct ismc_ir_level, b->n);
	memcpy(sc->levels, b->levels, b->n * sizeof b->levels[0]);
	sc->nlevels = b->n;
	sc->min = sc->levels[0].value;
	sc->max = sc->levels[b->n - 1].value;
	free(b);
}

void
sema_define_scales(struct sema *s)
{
	if (s->scale_item[0] != NULL)
		define_scale(s, s->scale_item[0], &s->ir->likelihood,
		    "likelihood");
	if (s->scale_item[1] != NULL)
		define_scale(s, s->scale_item[1], &s->ir->impact, "impact");
	sema_define_dims(s);
}

/* ---- scoring ------------------------------------------------------------ */

struct scoring_build {
	struct ismc_ir_band	*bands;
	size_t			 n;
	const struct ismc_item	*acceptance;
};

static void
scoring_band(struct sema *s, void *o, const struct ismc_item *it)
{
	struct scoring_build *b = o;
	const struct ismc_value *id = it->args, *range, *label;
	struct ismc_ir_band *nb;
	struct ismc_range r;

	range = id ? ismc_value_next(id) : NULL;
	label = range ? ismc_value_next(range) : NULL;
	if (id == NULL || id->kind != ISMC_V_IDENT || range == NULL ||
	    range->kind != ISMC_V_RANGE || (label != NULL &&
	    (label->kind != ISMC_V_STRING ||
	    ismc_value_next(label) != NULL))) {
		ismc_diag_error(s->diag, it->span, "'band' takes an "
		    "identifier, a score range and an optional label, as in "
		    "'band high 10..15 \"High\"'");
		return;
	}
	r = ismc_value_range(range);
	if (r.lo > r.hi || r.lo < 1 || r.hi > 10000) {
		ismc_diag_error(s->diag, range->span, "band '%s' has an empty "
		    "or impossible score range %s", id->text, range->text);
		return;
	}
	nb = ISMC_NEW_ARRAY(s->arena, struct ismc_ir_band, b->n + 1);
	if (b->n)
		memcpy(nb, b->bands, b->n * sizeof *nb);
	nb[b->n].id = id->text;
	nb[b->n].label = label ? label->text : id->text;
	nb[b->n].lo = (int)r.lo;
	nb[b->n].hi = (int)r.hi;
	nb[b->n].span = it->span;
	b->bands = nb;
	b->n++;
}

static void
scoring_acceptance(struct sema *s, void *o, const struct ismc_item *it)
{
	const struct ismc_value *how = it->args;

	if (it->nargs != 2 || how->kind != ISMC_V_IDENT ||
	    (strcmp(how->text, "max") != 0 && strcmp(how->text, "band") != 0)) {
		ismc_diag_error(s->diag, it->span, "'acceptance' takes 'max "
		    "SCORE' or 'band BAND', as in 'acceptance max 6'");
		return;
	}
	((struct scoring_build *)o)->acceptance = it;
}

static const struct sema_attr scoring_attrs[] = {
	{ .name = "band", .fn = scoring_band, .repeatable = true },
	{ .name = "acceptance", .fn = scoring_acceptance },
	{ .name = "approver", .fn = sema_scoring_approver, .repeatable = true },
	{ .name = "review", .fn = sema_scoring_review },
};

static int
band_cmp(const void *a, const void *b)
{
	return ((const struct ismc_ir_band *)a)->lo -
	    ((const struct ismc_ir_band *)b)->lo;
}

static void
check_bands(struct sema *s, struct ismc_ir_band *bands, size_t n)
{
	int top = s->ir->likelihood.max * s->ir->impact.max, next = 1;
	size_t i;

	/* A scoring block without bands has no array: qsort may not be
	 * given a null one, even empty. */
	if (n > 1)
		qsort(bands, n, sizeof *bands, band_cmp);
	for (i = 0; i < n; i++) {
		if (i > 0 && bands[i].lo <= bands[i - 1].hi) {
			ismc_diag_error(s->diag, bands[i].span, "band '%s' "
			    "overlaps band '%s'", bands[i].id,
			    bands[i - 1].id);
			ismc_diag_note(s->diag, bands[i - 1].span, "band '%s' "
			    "is defined here", bands[i - 1].id);
		} else if (bands[i].lo > next && next <= top) {
			ismc_diag_warning(s->diag, ISMC_W_BAND_GAP,
			    bands[i].span, "scores "
			    "%d..%d fall in no band", next, bands[i].lo - 1);
		}
		if (bands[i].hi + 1 > next)
			next = bands[i].hi + 1;
	}
	if (top > 0 && next <= top && n > 0)
		ismc_diag_warning(s->diag, ISMC_W_BAND_GAP,
		    bands[n - 1].span, "scores %d..%d "
		    "fall in no band", next, top);
}

static void
define_acceptance(struct sema *s, const struct ismc_item *it)
{
	const struct ismc_value *how = it->args, *v = ismc_value_next(how);
	size_t i;

	if (strcmp(how->text, "max") == 0) {
		if (v->kind != ISMC_V_NUMBER || !v->is_int || v->ival < 0 ||
		    v->ival > 10000) {
			ismc_diag_error(s->diag, v->span, "'acceptance max' "
			    "expects a whole-number score");
			return;
		}
		s->ir->acceptance_max = (int)v->ival;
		s->ir->has_acceptance = true;
		return;
	}
	for (i = 0; i < s->ir->nbands; i++) {
		if (v->kind == ISMC_V_IDENT && s->ir->bands[i].id == v->text) {
			s->ir->acceptance_max = s->ir->bands[i].hi;
			s->ir->has_acceptance = true;
			return;
		}
	}
	ismc_diag_error(s->diag, v->span, "unknown band '%s'", v->text);
}

void
sema_define_scoring(struct sema *s)
{
	struct scoring_build b = { 0 };

	if (s->scoring_item == NULL)
		return;
	if (s->scoring_item->nargs != 0)
		ismc_diag_error(s->diag, s->scoring_item->args->span,
		    "'scoring' takes no value, only a block");
	sema_apply_attrs(s, s->scoring_item, scoring_attrs,
	    sizeof scoring_attrs / sizeof scoring_attrs[0], &b, SEMA_WHAT("'scoring'", NULL));
	check_bands(s, b.bands, b.n);
	s->ir->bands = b.bands;
	s->ir->nbands = b.n;
	if (b.acceptance != NULL)
		define_acceptance(s, b.acceptance);
}
