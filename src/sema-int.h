/*
 * sema-int.h - state shared by the semantic analyser's files.
 *
 *	sema.c		entry point, declaration pass, top-level dispatch
 *	sema-attr.c	attribute tables, argument checks, name resolution
 *	sema-decl.c	isms, roles, assets, threats, scales, scoring, frameworks
 *	sema-risk.c	controls (SoA entries), measures and risks
 *	sema-audit.c	KPIs, audits, findings, corrective actions, evidence
 *	sema-map.c	mapping sets and the spec's own mappings
 *	sema-roadmap.c	phases, milestones, target dates, the roadmap
 *	sema-accept.c	risk acceptance, approvers, risk review dates
 *	sema-impact.c	impact rated per dimension
 *	sema-readiness.c management reviews, the Stage 1 checks
 *	sema-check.c	derived facts, compliance checks, final ordering
 */
#ifndef ISMC_SEMA_INT_H
#define ISMC_SEMA_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "ir.h"
#include "sema.h"
#include "symtab.h"

struct ismc_compilation;
struct ismc_catalog;

/* A top-level item waiting for the definition pass, with what it declares. */
struct sema_decl {
	const struct ismc_item	*item;
	void			*obj;
};

struct sema_decls {
	struct sema_decl	**v;	/* heap-owned array of arena decls */
	size_t			 n;
	size_t			 cap;
};

struct sema;

/* One kind of top-level item (sema.c: the table of kinds). */
struct sema_kind {
	const char	*name;		/* the item's key: "risk" */
	/* Pass 1: declares the item (names it, or queues it). */
	void		(*declare)(struct sema *, const struct ismc_item *,
			    const struct sema_kind *);
	void		(*define)(struct sema *);	/* pass 2, or NULL */
	const char	*noun;		/* in messages: "risk", "'isms'" */
	size_t		 size;		/* named kinds: the IR object */
	size_t		 span;		/* ... and its span's offset */
	size_t		 tab;		/* offsetof the symtab in struct sema */
	size_t		 list;		/* offsetof the sema_decls queue */
	size_t		 slot;		/* once-only kinds: offsetof the item */
};

struct sema {
	struct ismc_compilation	*comp;
	const struct ismc_sema_options *opts;	/* never NULL */
	struct ismc_diag	*diag;
	struct ismc_arena	*arena;
	struct ismc_ir		*ir;
	struct ismc_symtab	 kinds;		/* item key -> sema_kind */
	const char		*kw_include;	/* interned words compared */
	const char		*kw_likelihood;
	const char		*kw_impact;

	struct ismc_symtab	 roles, assets, threats, measures, risks;
	struct ismc_symtab	 frameworks;	/* pass 1: name as written -> 1 +
						 * index; then ir->fwnames */
	struct sema_decls	 role_d, asset_d, threat_d, measure_d, risk_d;
	struct sema_decls	 control_d, scale_d;
	struct ismc_symtab	 kpis, audits, findings, actions, evidences;
	struct sema_decls	 kpi_d, audit_d, finding_d, action_d, evidence_d;
	struct sema_decls	 mappings_d, map_d;
	struct ismc_symtab	 phases, milestones;
	struct sema_decls	 phase_d, milestone_d;
	struct ismc_symtab	 mreviews;
	struct sema_decls	 mreview_d;
	struct sema_attr	*dim_attrs;	/* one per impact dimension */
	const struct ismc_item	*isms_item;
	const struct ismc_item	*scoring_item;
	const struct ismc_item	*scale_item[2];	/* likelihood, impact */
	struct ismc_ir_framework *fw;		/* grows during pass 1 */
	size_t			 nfw, fwcap;
	/* Per framework, per requirement: the `control` item declaring it. */
	const struct ismc_item	***control_item;
	bool			 reported_no_scale[2];
};

/* ---- sema-attr.c: attribute tables ----------------------------------- */

typedef void sema_attr_fn(struct sema *, void *obj, const struct ismc_item *);

/* What a block belongs to, for messages: kind "risk", id "R-1" reads
 * "risk 'R-1'"; without an id the kind is used as it is. Kept in parts so
 * the text is only built when there is something to report. */
struct sema_what {
	const char	*kind;
	const char	*id;
};
#define SEMA_WHAT(kind, id)	((struct sema_what){ (kind), (id) })

/* Handlers of the commonest shape: one value parsed by `parse` into one
 * field. Most attribute tables are made of these. */
#define SEMA_CALL_ATTR(fn, type, field, parse)				\
static void								\
fn(struct sema *s, void *o, const struct ismc_item *it)		\
{									\
	((type *)o)->field = parse(s, it);				\
}
#define SEMA_STRING_ATTR(fn, type, field)				\
	SEMA_CALL_ATTR(fn, type, field, sema_arg_string)

struct sema_attr {
	const char	*name;
	sema_attr_fn	*fn;
	bool		 repeatable;
	bool		 block;		/* may take a `{ ... }` block */
};

/*
 * Applies `attrs` to each item in the body of `owner`: unknown keys get a
 * suggestion, repeated single-valued keys an error with a note, and each
 * known key its handler. `what` names the owner in messages ("risk 'R-1'").
 */
void	sema_apply_attrs(struct sema *, const struct ismc_item *owner,
	    const struct sema_attr *attrs, size_t nattrs, void *obj,
	    struct sema_what);

/* Argument checks; each reports at the item and returns NULL/false/-1. */
const char *sema_arg_string(struct sema *, const struct ismc_item *);
bool	 sema_arg_none(struct sema *, const struct ismc_item *);
bool	 sema_arg_int(struct sema *, const struct ismc_item *, int64_t min,
	    int64_t max, int64_t *out);
bool	 sema_arg_date(struct sema *, const struct ismc_item *,
	    struct ismc_date *);
/* A duration, `12 months` or `90 days` (1 to 36500 units). */
bool	 sema_arg_period(struct sema *, const struct ismc_item *,
	    struct ismc_ir_period *);
const struct ismc_value *sema_arg_ident(struct sema *,
	    const struct ismc_item *);
/* One identifier naming one of names[]; returns its index or -1. */
int	 sema_arg_enum(struct sema *, const struct ismc_item *,
	    const char *const *names, size_t n, const char *what);
/* As above for a single value. */
int	 sema_value_enum(struct sema *, const struct ismc_value *,
	    const char *const *names, size_t n, const char *what);
/* Whether the block of `owner` has an item `key`, valid or not: lets a
 * "missing X" check stay quiet when X was given but wrong. */
bool	 sema_has_key(const struct ismc_item *owner, const char *key);
/* One identifier naming a declared role (owners). */
const struct ismc_ir_role *sema_arg_role(struct sema *,
	    const struct ismc_item *);
/* Checks that every argument is a string; returns the count or -1. */
bool	 sema_args_strings(struct sema *, const struct ismc_item *);
/* Reports "'key' takes at least one argument" when there are none. */
bool	 sema_args_some(struct sema *, const struct ismc_item *);

/* Looks `v` up in `tab` (a role, asset, ...); reports "unknown KIND". */
void	*sema_resolve(struct sema *, const struct ismc_symtab *,
	    const struct ismc_value *, const char *kind);
/*
 * Declares id -> obj (tab maps ids to struct sema_decl) and queues the item
 * for the definition pass; a duplicate is reported at `item` with a note at
 * the first definition, and false returned.
 */
bool	 sema_declare(struct sema *, struct ismc_symtab *, struct sema_decls *,
	    const char *id, const struct ismc_item *item, void *obj,
	    const char *kind);
void	 sema_decls_push(struct sema *, struct sema_decls *,
	    const struct ismc_item *, void *);
/*
 * Declares a `KIND ID "Title" { ... }` item: a new IR object of `size`
 * bytes (which starts with id and title), entered in tab and queued in
 * list; NULL after reporting a malformed or duplicate declaration.
 */
void	*sema_declare_named(struct sema *, const struct ismc_item *,
	    size_t size, struct ismc_symtab *tab, struct sema_decls *list,
	    const char *kind);
/* The identifier and optional title of `KIND ID "Title"`. */
bool	 sema_id_title(struct sema *, const struct ismc_item *,
	    const char **id, const char **title);
/* Arena copy of a growing pointer list. */
void	**sema_ptr_push(struct sema *, void **list, size_t *n, void *p);

/* ---- sema-decl.c ------------------------------------------------------ */
void	sema_use_framework(struct sema *, const struct ismc_item *);
void	sema_index_frameworks(struct sema *);
void	sema_define_isms(struct sema *);
void	sema_define_roles(struct sema *);
void	sema_define_assets(struct sema *);
void	sema_define_threats(struct sema *);
void	sema_define_scales(struct sema *);
void	sema_define_scoring(struct sema *);

/* ---- sema-risk.c ------------------------------------------------------ */
/* Resolves a control reference (IDENT or QREF); measures too when
 * `measure` is non-NULL. Exactly one of the results is set on success. */
bool	sema_resolve_control(struct sema *, const struct ismc_value *,
	    struct ismc_ir_control **control, struct ismc_ir_measure **measure);
/* Resolves a reference to a requirement of a framework in use or, with
 * `groups`, to a heading; *fw is its framework. */
bool	sema_resolve_node(struct sema *, const struct ismc_value *,
	    bool groups, const struct ismc_req **, struct ismc_ir_framework **fw);
/* Reports an id that framework fw's catalog does not have, at `at`. */
void	sema_unknown_requirement(struct sema *, struct ismc_span at,
	    const struct ismc_ir_framework *fw, const char *id);
void	sema_define_controls(struct sema *);
void	sema_define_measures(struct sema *);
void	sema_define_risks(struct sema *);
const struct ismc_ir_level *sema_resolve_level(struct sema *,
	    const struct ismc_value *, int which);

/* ---- sema-audit.c ----------------------------------------------------- */
/* KPIs, audits with findings and actions, evidence; as-of checks. */
void	sema_define_check_act(struct sema *);

/* ---- sema-roadmap.c --------------------------------------------------- */
/* Phases and milestones (pass 2); `due` of controls, clauses, measures. */
void	sema_define_roadmap(struct sema *);
sema_attr_fn sema_attr_due_control, sema_attr_due_measure;
/* Pass 3: the roadmap in date order, and what is overdue. */
void	sema_check_roadmap(struct sema *);

/* ---- sema-map.c ------------------------------------------------------- */
/* Shipped mapping sets, `mappings "file"` and the spec's `map` rows. */
void	sema_define_mappings(struct sema *);

/* ---- sema-accept.c ---------------------------------------------------- */
/* Attribute handlers: risk `accepted { ... }` and `reviewed DATE`;
 * scoring `approver ROLE, ...` and `review PERIOD`. */
sema_attr_fn sema_risk_accepted, sema_risk_reviewed;
sema_attr_fn sema_scoring_approver, sema_scoring_review;
/* Pass 3: expiry and approval of acceptance, overdue reviews; Stage 1:
 * the owner accepted the residual risk. */
void	sema_check_acceptance(struct sema *, struct ismc_ir_risk *);
/* Whether an approver approved the acceptance of r (no warning that an
 * accepted risk is above the criterion, then). */
bool	sema_acceptance_approved(const struct ismc_ir_risk *);

/* ---- sema-impact.c ---------------------------------------------------- */
/* Scale impact's `dimension ID "Label"` and `combine highest|average`. */
sema_attr_fn sema_scale_dimension, sema_scale_combine;
/* After the scales: the three dimensions every spec has, then its own. */
void	sema_define_dims(struct sema *);
/* `impact { confidentiality high; ... }` in a risk or its residual. */
void	sema_impact_dims(struct sema *, struct ismc_ir_risk *,
	    const struct ismc_item *, bool residual);
/* After a risk's attributes: its impact from its dimensions. */
void	sema_combine_impact(struct sema *, struct ismc_ir_risk *);

/* ---- sema-readiness.c ------------------------------------------------- */
void	sema_define_mreviews(struct sema *);
/* Pass 3: the Stage 1 facts (ir->stage1) and their warnings. */
void	sema_check_stage1(struct sema *);

/* ---- sema-check.c ----------------------------------------------------- */
/* The objects of a declaration queue in an arena array, sorted by cmp
 * (NULL: in declaration order). */
void	**sema_decl_objs(struct sema *, const struct sema_decls *,
	    int (*cmp)(const void *, const void *));
void	sema_derive(struct sema *);
void	sema_check(struct sema *);
void	sema_finish(struct sema *);

#endif
