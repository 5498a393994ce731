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
#include "sema-int.h"
#include "suggest.h"
#include "texts.h"

static void
init_keys(struct sema *s)
{
	struct ismc_strtab *t = &s->comp->strtab;

	s->k.include = ismc_strtab_cstr(t, "include");
	s->k.framework = ismc_strtab_cstr(t, "framework");
	s->k.isms = ismc_strtab_cstr(t, "isms");
	s->k.role = ismc_strtab_cstr(t, "role");
	s->k.asset = ismc_strtab_cstr(t, "asset");
	s->k.threat = ismc_strtab_cstr(t, "threat");
	s->k.scale = ismc_strtab_cstr(t, "scale");
	s->k.scoring = ismc_strtab_cstr(t, "scoring");
	s->k.control = ismc_strtab_cstr(t, "control");
	s->k.measure = ismc_strtab_cstr(t, "measure");
	s->k.risk = ismc_strtab_cstr(t, "risk");
	s->k.likelihood = ismc_strtab_cstr(t, "likelihood");
	s->k.impact = ismc_strtab_cstr(t, "impact");
	s->k.kpi = ismc_strtab_cstr(t, "kpi");
	s->k.audit = ismc_strtab_cstr(t, "audit");
	s->k.evidence = ismc_strtab_cstr(t, "evidence");
	s->k.mappings = ismc_strtab_cstr(t, "mappings");
	s->k.map = ismc_strtab_cstr(t, "map");
}

static bool
single(struct sema *s, const struct ismc_item **slot,
    const struct ismc_item *it, const char *what)
{
	if (*slot != NULL) {
		ismc_diag_error(s->diag, it->key_span, "%s defined twice", what);
		ismc_diag_note(s->diag, (*slot)->key_span, "first defined here");
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

	if (v == NULL || v->kind != ISMC_V_IDENT || v->next != NULL ||
	    (v->text != s->k.likelihood && v->text != s->k.impact)) {
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
	which = v->text == s->k.likelihood ? 0 : 1;
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

static void
declare_item(struct sema *s, const struct ismc_item *it)
{
	const char *k = it->key;
	void *obj;

	if (k == s->k.include) {
		return;		/* the front end followed it */
	} else if (k == s->k.framework) {
		sema_use_framework(s, it);
	} else if (k == s->k.isms) {
		single(s, &s->isms_item, it, "'isms'");
	} else if (k == s->k.scoring) {
		single(s, &s->scoring_item, it, "'scoring'");
	} else if (k == s->k.scale) {
		declare_scale(s, it);
	} else if (k == s->k.control) {
		sema_decls_push(s, &s->control_d, it, NULL);
	} else if (k == s->k.role) {
		if ((obj = sema_declare_named(s, it, sizeof(struct ismc_ir_role),
		    &s->roles, &s->role_d, "role")) != NULL)
			((struct ismc_ir_role *)obj)->span = it->args->span;
	} else if (k == s->k.asset) {
		if ((obj = sema_declare_named(s, it, sizeof(struct ismc_ir_asset),
		    &s->assets, &s->asset_d, "asset")) != NULL)
			((struct ismc_ir_asset *)obj)->span = it->args->span;
	} else if (k == s->k.threat) {
		if ((obj = sema_declare_named(s, it, sizeof(struct ismc_ir_threat),
		    &s->threats, &s->threat_d, "threat")) != NULL)
			((struct ismc_ir_threat *)obj)->span = it->args->span;
	} else if (k == s->k.measure) {
		if ((obj = sema_declare_named(s, it,
		    sizeof(struct ismc_ir_measure), &s->measures,
		    &s->measure_d, "measure")) != NULL)
			((struct ismc_ir_measure *)obj)->span = it->args->span;
	} else if (k == s->k.risk) {
		if ((obj = sema_declare_named(s, it, sizeof(struct ismc_ir_risk),
		    &s->risks, &s->risk_d, "risk")) != NULL)
			((struct ismc_ir_risk *)obj)->span = it->args->span;
	} else if (k == s->k.mappings) {
		sema_decls_push(s, &s->mappings_d, it, NULL);
	} else if (k == s->k.map) {
		sema_decls_push(s, &s->map_d, it, NULL);
	} else if (k == s->k.kpi) {
		if ((obj = sema_declare_named(s, it, sizeof(struct ismc_ir_kpi),
		    &s->kpis, &s->kpi_d, "KPI")) != NULL)
			((struct ismc_ir_kpi *)obj)->span = it->args->span;
	} else if (k == s->k.audit) {
		if ((obj = sema_declare_named(s, it, sizeof(struct ismc_ir_audit),
		    &s->audits, &s->audit_d, "audit")) != NULL)
			((struct ismc_ir_audit *)obj)->span = it->args->span;
	} else if (k == s->k.evidence) {
		if ((obj = sema_declare_named(s, it,
		    sizeof(struct ismc_ir_evidence), &s->evidences,
		    &s->evidence_d, "evidence")) != NULL)
			((struct ismc_ir_evidence *)obj)->span = it->args->span;
	} else {
		static const char *const kinds[] = {
			"include", "framework", "isms", "role", "asset",
			"threat", "scale", "scoring", "control", "measure",
			"risk", "kpi", "audit", "evidence", "mappings", "map",
		};
		struct ismc_suggest sg;
		size_t i;

		ismc_suggest_init(&sg, k);
		for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
			ismc_suggest_offer(&sg, kinds[i]);
		if (ismc_suggest_result(&sg) != NULL)
			ismc_diag_error(s->diag, it->key_span, "unknown item "
			    "'%s'; did you mean '%s'?", k,
			    ismc_suggest_result(&sg));
		else
			ismc_diag_error(s->diag, it->key_span, "unknown item "
			    "'%s'", k);
	}
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
	size_t f;

	for (it = file->items; it != NULL; it = it->next) {
		if (ismc_diag_stopped(s->diag))
			return;
		if (it->key != s->k.include) {
			declare_item(s, it);
			continue;
		}
		for (f = 0; f < prog->nfiles; f++)
			if (prog->files[f].included_at == it)
				declare_file(s, prog, &prog->files[f]);
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
		ismc_diag_warning(s->diag, prog->nfiles > 0 ? (struct ismc_span){
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
	ismc_symtab_destroy(&s->kpis);
	ismc_symtab_destroy(&s->audits);
	ismc_symtab_destroy(&s->findings);
	ismc_symtab_destroy(&s->actions);
	ismc_symtab_destroy(&s->evidences);
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
	init_keys(&s);

	declare_all(&s, prog);
	/* The framework array stops growing here: give it to the arena. */
	fw = ISMC_NEW_ARRAY(&c->arena, struct ismc_ir_framework,
	    s.nfw ? s.nfw : 1);
	if (s.nfw)
		memcpy(fw, s.fw, s.nfw * sizeof *fw);
	free(s.fw);
	s.fw = fw;
	sema_index_frameworks(&s);

	sema_define_isms(&s);
	sema_define_roles(&s);
	sema_define_assets(&s);
	sema_define_threats(&s);
	sema_define_scales(&s);
	sema_define_scoring(&s);
	sema_define_controls(&s);
	sema_define_measures(&s);
	sema_define_risks(&s);
	sema_define_check_act(&s);
	sema_define_mappings(&s);
	sema_derive(&s);
	if (!ismc_diag_stopped(s.diag))
		sema_check(&s);
	sema_finish(&s);
	attach_texts(&s);
	sema_free(&s);
	return s.ir;
}
