/*
 * sema.c - semantic analysis entry point.
 *
 * Pass 1 walks the top-level items of every file, loads the frameworks and
 * declares every named thing, so that references may point forward and
 * across files. Pass 2 defines each declaration's attributes, resolving
 * references. Pass 3 derives scores and back-references, runs the checks
 * and fixes the order of everything (sema-check.c).
 */
#include <config.h>

#include "sema.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "compilation.h"
#include "diag.h"
#include "frontend.h"
#include "inputs.h"
#include "sema-int.h"
#include "suggest.h"
#include "texts.h"

static bool
single(struct sema *s, const struct ismc_item **slot,
    const struct ismc_item *it, const char *what)
{
	if (*slot != NULL) {
		ismc_diag_error(s->diag, ismc_item_key_span(it),
		    "%s defined twice", what);
		ismc_diag_note(s->diag, ismc_item_key_span(*slot),
		    "first defined here");
		return false;
	}
	*slot = it;
	return true;
}

static void
declare_scale(struct sema *s, const struct ismc_item *it)
{
	const struct ismc_value *v = it->args;
	int which;

	if (it->nargs != 1 || v->kind != ISMC_V_IDENT ||
	    (v->text != s->kw_likelihood && v->text != s->kw_impact)) {
		ismc_diag_error(s->diag, v ? v->span : it->span, "'scale' "
		    "takes 'likelihood' or 'impact', as in 'scale likelihood "
		    "{ ... }'");
		return;
	}
	if (!it->has_body) {
		ismc_diag_error(s->diag, it->span, "scale '%s' needs a block "
		    "of levels", v->text);
		return;
	}
	which = v->text == s->kw_likelihood ? 0 : 1;
	single(s, &s->scale_item[which], it, which == 0 ?
	    "scale 'likelihood'" : "scale 'impact'");
}

/* declare_named fills id and title through this shared prefix. */
#define NAMED_PREFIX(type)						\
	_Static_assert(offsetof(type, id) == 0 &&			\
	    offsetof(type, title) == sizeof(const char *),		\
	    #type " must start with id and title")
NAMED_PREFIX(struct ismc_ir_role);
NAMED_PREFIX(struct ismc_ir_asset);
NAMED_PREFIX(struct ismc_ir_threat);
NAMED_PREFIX(struct ismc_ir_measure);
NAMED_PREFIX(struct ismc_ir_risk);
NAMED_PREFIX(struct ismc_ir_kpi);
NAMED_PREFIX(struct ismc_ir_audit);
NAMED_PREFIX(struct ismc_ir_finding);
NAMED_PREFIX(struct ismc_ir_action);
NAMED_PREFIX(struct ismc_ir_evidence);
NAMED_PREFIX(struct ismc_ir_phase);
NAMED_PREFIX(struct ismc_ir_milestone);
NAMED_PREFIX(struct ismc_ir_mreview);

/* Allocates the IR object for a `KIND ID "Title" { ... }` declaration. */
void *
sema_declare_named(struct sema *s, const struct ismc_item *it, size_t size,
    struct ismc_symtab *tab, struct sema_decls *list, const char *kind)
{
	const char *id, *title;
	void *obj;

	if (!sema_id_title(s, it, &id, &title))
		return NULL;
	obj = ismc_arena_alloc(s->arena, size);
	if (!sema_declare(s, tab, list, id, it, obj, kind))
		return NULL;
	/* Every named IR struct starts with id and title (see ir.h). */
	((const char **)obj)[0] = id;
	((const char **)obj)[1] = title;
	return obj;
}

/* ---- the kinds of top-level item ---------------------------------------- */

static void
declare_include(struct sema *s, const struct ismc_item *it,
    const struct sema_kind *k)
{
	(void)s, (void)it, (void)k;	/* the front end followed it */
}

static void
declare_framework(struct sema *s, const struct ismc_item *it,
    const struct sema_kind *k)
{
	(void)k;
	sema_use_framework(s, it);
}

static void
declare_once(struct sema *s, const struct ismc_item *it,
    const struct sema_kind *k)
{
	single(s, (const struct ismc_item **)((char *)s + k->slot), it,
	    k->noun);
}

static void
declare_scale_kind(struct sema *s, const struct ismc_item *it,
    const struct sema_kind *k)
{
	(void)k;
	declare_scale(s, it);
}

/* Items defined by a reference to something else (`control A.5.1`,
 * `map ...`): queued for pass 2, which resolves them. */
static void
declare_queued(struct sema *s, const struct ismc_item *it,
    const struct sema_kind *k)
{
	sema_decls_push(s, (struct sema_decls *)((char *)s + k->list), it,
	    NULL);
}

/* `KIND ID "Title" { ... }`: an IR object of its own, by name. */
static void
declare_named_kind(struct sema *s, const struct ismc_item *it,
    const struct sema_kind *k)
{
	char *obj;

	obj = sema_declare_named(s, it, k->size,
	    (struct ismc_symtab *)((char *)s + k->tab),
	    (struct sema_decls *)((char *)s + k->list), k->noun);
	if (obj != NULL)
		*(struct ismc_span *)(obj + k->span) = it->args->span;
}

#define ONCE(what, field)						\
	.declare = declare_once, .noun = (what),			\
	.slot = offsetof(struct sema, field)
#define QUEUED(field)							\
	.declare = declare_queued, .list = offsetof(struct sema, field)
#define NAMED(type, what, tab_, list_)					\
	.declare = declare_named_kind, .noun = (what),			\
	.size = sizeof(type), .span = offsetof(type, span),		\
	.tab = offsetof(struct sema, tab_),				\
	.list = offsetof(struct sema, list_)

/*
 * Every kind of top-level item: how pass 1 declares it and which function
 * of pass 2 defines it. Pass 2 runs the `define` functions in this order,
 * which is the order of dependence (roles before the assets they own,
 * controls before the measures and risks naming them, everything before
 * the mappings), and "did you mean" offers the names in it. A kind
 * defined with another has no `define` of its own.
 */
static const struct sema_kind kinds[] = {
	{ .name = "include", .declare = declare_include },
	{ .name = "framework", .declare = declare_framework },
	{ .name = "isms", ONCE("'isms'", isms_item),
	    .define = sema_define_isms },
	{ .name = "role", NAMED(struct ismc_ir_role, "role", roles, role_d),
	    .define = sema_define_roles },
	{ .name = "asset", NAMED(struct ismc_ir_asset, "asset", assets,
	    asset_d), .define = sema_define_assets },
	{ .name = "threat", NAMED(struct ismc_ir_threat, "threat", threats,
	    threat_d), .define = sema_define_threats },
	{ .name = "scale", .declare = declare_scale_kind,
	    .define = sema_define_scales },
	{ .name = "scoring", ONCE("'scoring'", scoring_item),
	    .define = sema_define_scoring },
	{ .name = "control", QUEUED(control_d),
	    .define = sema_define_controls },
	/* An ISO 27001 clause is decided like a control, in one pass. */
	{ .name = "clause", QUEUED(control_d) },
	{ .name = "measure", NAMED(struct ismc_ir_measure, "measure",
	    measures, measure_d), .define = sema_define_measures },
	{ .name = "risk", NAMED(struct ismc_ir_risk, "risk", risks, risk_d),
	    .define = sema_define_risks },
	/* KPIs, audits and evidence are defined together: they share the
	 * as-of date. */
	{ .name = "kpi", NAMED(struct ismc_ir_kpi, "KPI", kpis, kpi_d),
	    .define = sema_define_check_act },
	{ .name = "audit", NAMED(struct ismc_ir_audit, "audit", audits,
	    audit_d) },
	{ .name = "evidence", NAMED(struct ismc_ir_evidence, "evidence",
	    evidences, evidence_d) },
	{ .name = "management-review", NAMED(struct ismc_ir_mreview,
	    "management review", mreviews, mreview_d),
	    .define = sema_define_mreviews },
	/* The spec's own rows override the mapping files': defined together. */
	{ .name = "mappings", QUEUED(mappings_d),
	    .define = sema_define_mappings },
	{ .name = "map", QUEUED(map_d) },
	/* The roadmap last: its checks read every status and the as-of. */
	{ .name = "phase", NAMED(struct ismc_ir_phase, "phase", phases,
	    phase_d), .define = sema_define_roadmap },
	{ .name = "milestone", NAMED(struct ismc_ir_milestone, "milestone",
	    milestones, milestone_d) },
};
#define NKINDS	(sizeof kinds / sizeof kinds[0])

static void
init_kinds(struct sema *s)
{
	struct ismc_strtab *t = &s->comp->strtab;
	size_t i;

	ismc_symtab_init(&s->kinds);
	for (i = 0; i < NKINDS; i++)
		ismc_symtab_put(&s->kinds, ismc_strtab_cstr(t, kinds[i].name),
		    (void *)&kinds[i]);
	s->kw_include = ismc_strtab_cstr(t, "include");
	s->kw_likelihood = ismc_strtab_cstr(t, "likelihood");
	s->kw_impact = ismc_strtab_cstr(t, "impact");
}

static void
unknown_item(struct sema *s, const struct ismc_item *it)
{
	struct ismc_suggest sg;
	size_t i;

	ismc_suggest_init(&sg, it->key);
	for (i = 0; i < NKINDS; i++)
		ismc_suggest_offer(&sg, kinds[i].name);
	if (ismc_suggest_result(&sg) != NULL)
		ismc_diag_error(s->diag, ismc_item_key_span(it),
		    "unknown item '%s'; did you mean '%s'?", it->key,
		    ismc_suggest_result(&sg));
	else
		ismc_diag_error(s->diag, ismc_item_key_span(it),
		    "unknown item '%s'", it->key);
	ismc_diag_fixit(s->diag, ismc_item_key_span(it),
	    ismc_suggest_result(&sg));
}

static void
declare_item(struct sema *s, const struct ismc_item *it)
{
	const struct sema_kind *k = ismc_symtab_get(&s->kinds, it->key);

	if (k == NULL)
		unknown_item(s, it);
	else
		k->declare(s, it, k);
}

/* Pass 2: each kind's definitions, in the order of the table. */
static void
define_all(struct sema *s)
{
	size_t i;

	for (i = 0; i < NKINDS; i++)
		if (kinds[i].define != NULL)
			kinds[i].define(s);
}

/*
 * Items are declared in reading order: an included file's items stand
 * where its `include` does, so "first defined" means first in the text
 * a person reads. Files are few, so finding an include's file by a scan
 * costs nothing worth an index.
 */
static void
declare_file(struct sema *s, const struct ismc_program *prog,
    const struct ismc_spec_file *file)
{
	const struct ismc_item *it;
	size_t f = file->first_included;

	/* The files this one included come in the order of its includes,
	 * so one cursor finds each: linear in the number of files. */
	for (it = file->items; it != NULL; it = it->next) {
		if (ismc_diag_stopped(s->diag))
			return;
		if (it->key != s->kw_include) {
			declare_item(s, it);
			continue;
		}
		if (f != 0 && prog->files[f - 1].included_at == it) {
			declare_file(s, prog, &prog->files[f - 1]);
			f = prog->files[f - 1].next_sibling;
		}
	}
}

static void
declare_all(struct sema *s, const struct ismc_program *prog)
{
	size_t f;

	for (f = 0; f < prog->nfiles; f++)
		if (prog->files[f].included_at == NULL)
			declare_file(s, prog, &prog->files[f]);
	if (s->nfw == 0 && !ismc_diag_stopped(s->diag) && s->comp->diag.errors
	    == 0)
		ismc_diag_warning(s->diag, ISMC_W_MISSING_FRAMEWORK,
		    prog->nfiles > 0 ? (struct ismc_span){
		    prog->files[0].file, 0, 0 } : ISMC_NO_SPAN, "the spec uses "
		    "no framework; add one, e.g. 'framework iso27001'");
}

static void
free_decls(struct sema_decls *d)
{
	free(d->v);
}

static void
sema_free(struct sema *s)
{
	ismc_symtab_destroy(&s->roles);
	ismc_symtab_destroy(&s->assets);
	ismc_symtab_destroy(&s->threats);
	ismc_symtab_destroy(&s->measures);
	ismc_symtab_destroy(&s->risks);
	ismc_symtab_destroy(&s->frameworks);
	ismc_symtab_destroy(&s->kinds);
	free_decls(&s->role_d);
	free_decls(&s->asset_d);
	free_decls(&s->threat_d);
	free_decls(&s->measure_d);
	free_decls(&s->risk_d);
	free_decls(&s->control_d);
	free_decls(&s->scale_d);
	free_decls(&s->kpi_d);
	free_decls(&s->audit_d);
	free_decls(&s->finding_d);
	free_decls(&s->action_d);
	free_decls(&s->evidence_d);
	free_decls(&s->mappings_d);
	free_decls(&s->map_d);
	free_decls(&s->phase_d);
	free_decls(&s->milestone_d);
	ismc_symtab_destroy(&s->phases);
	ismc_symtab_destroy(&s->milestones);
	ismc_symtab_destroy(&s->kpis);
	ismc_symtab_destroy(&s->audits);
	ismc_symtab_destroy(&s->findings);
	ismc_symtab_destroy(&s->actions);
	ismc_symtab_destroy(&s->evidences);
	ismc_symtab_destroy(&s->mreviews);
	free_decls(&s->mreview_d);
	free(s->control_item);
	/* s->fw became the IR's framework array: copy it into the arena. */
}

/* The licensed texts (--texts) attach to the catalogs once the spec
 * checks out: a texts file naming a catalog the spec does not use is an
 * error, which needs the frameworks known. */
static void
attach_texts(struct sema *s)
{
	size_t i;

	for (i = 0; i < s->opts->ntexts && s->diag->errors == 0; i++)
		ismc_texts_load(s->comp, s->ir, s->opts->texts[i]);
}

struct ismc_ir *
ismc_sema_run(struct ismc_compilation *c, const struct ismc_program *prog,
    const struct ismc_sema_options *opts)
{
	static const struct ismc_sema_options none;
	struct sema s;
	struct ismc_ir_framework *fw;

	memset(&s, 0, sizeof s);
	s.comp = c;
	s.opts = opts != NULL ? opts : &none;
	s.diag = &c->diag;
	s.arena = &c->arena;
	s.ir = ISMC_NEW(&c->arena, struct ismc_ir);
	ismc_symtab_init(&s.roles);
	ismc_symtab_init(&s.assets);
	ismc_symtab_init(&s.threats);
	ismc_symtab_init(&s.measures);
	ismc_symtab_init(&s.risks);
	ismc_symtab_init(&s.frameworks);
	init_kinds(&s);

	declare_all(&s, prog);
	/* The framework array stops growing here: give it to the arena. */
	fw = ISMC_NEW_ARRAY(&c->arena, struct ismc_ir_framework,
	    s.nfw ? s.nfw : 1);
	if (s.nfw)
		memcpy(fw, s.fw, s.nfw * sizeof *fw);
	free(s.fw);
	s.fw = fw;
	sema_index_frameworks(&s);

	define_all(&s);
	sema_derive(&s);
	if (!ismc_diag_stopped(s.diag))
		sema_check(&s);
	sema_finish(&s);
	attach_texts(&s);
	ismc_inputs_record(c, s.ir);
	sema_free(&s);
	return s.ir;
}
