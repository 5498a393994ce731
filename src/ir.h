/*
 * ir.h - the resolved intermediate representation.
 *
 * Semantic analysis turns the syntax tree and the catalogs into this: every
 * reference is a pointer, every score computed, every list in its final,
 * deterministic order. Backends read it and nothing else. Everything here
 * is arena-owned by the compilation.
 */
#ifndef ISMC_IR_H
#define ISMC_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "date.h"
#include "source.h"

struct ismc_arena;
struct ismc_catalog;
struct ismc_gap;
struct ismc_readiness;
struct ismc_mapping_row;
struct ismc_mapping_set;
struct ismc_req;

enum ismc_status {			/* ORDER ISMC_STATUS */
	ISMC_STATUS_UNSET,
	ISMC_STATUS_NOT_IMPLEMENTED,
	ISMC_STATUS_PLANNED,
	ISMC_STATUS_PARTIAL,
	ISMC_STATUS_IMPLEMENTED,
};

enum ismc_applicability {
	ISMC_UNDECIDED,
	ISMC_APPLICABLE,
	ISMC_EXCLUDED,
};

enum ismc_treatment {			/* ORDER ISMC_TREATMENT */
	ISMC_TREAT_NONE,
	ISMC_TREAT_MITIGATE,
	ISMC_TREAT_ACCEPT,
	ISMC_TREAT_AVOID,
	ISMC_TREAT_TRANSFER,
};

/* Reasons for including a control in the SoA (bit set). */
enum ismc_reason {			/* ORDER ISMC_REASON */
	ISMC_REASON_RISK = 1 << 0,
	ISMC_REASON_LEGAL = 1 << 1,
	ISMC_REASON_CONTRACTUAL = 1 << 2,
	ISMC_REASON_BUSINESS = 1 << 3,
};
#define ISMC_NREASONS	4

enum ismc_ref_kind {			/* ORDER ISMC_REF */
	ISMC_REF_POLICY,
	ISMC_REF_PROCEDURE,
	ISMC_REF_EVIDENCE,
	ISMC_REF_RECORD,
	ISMC_REF_DOCUMENTED,		/* documented information (ISO 7.5) */
};

struct ismc_ir_docref {
	enum ismc_ref_kind	 kind;
	const char		*text;
};

struct ismc_ir_role {
	const char		*id;
	const char		*title;
	const char		*person;	/* may be NULL */
	const char		*description;
	struct ismc_span	 span;
};

struct ismc_ir_asset {
	const char		*id;
	const char		*title;
	const char		*type;		/* information, software, ... */
	const char		*classification;
	const char		*description;
	const struct ismc_ir_role *owner;
	struct ismc_span	 span;
};

struct ismc_ir_threat {
	const char		*id;
	const char		*title;
	const char		*description;
	struct ismc_span	 span;
};

struct ismc_ir_level {
	int			 value;		/* 1..n */
	const char		*id;		/* interned: "high" */
	const char		*label;		/* "High" */
	struct ismc_span	 span;
};

struct ismc_ir_scale {
	const char		*name;		/* "likelihood" or "impact" */
	struct ismc_ir_level	*levels;	/* ascending by value */
	size_t			 nlevels;
	int			 min, max;
	struct ismc_span	 span;
};

struct ismc_ir_band {
	const char		*id;		/* "low" */
	const char		*label;		/* "Low" */
	int			 lo, hi;	/* inclusive score range */
	struct ismc_span	 span;
};

struct ismc_ir_location {
	const char		*id;
	const char		*text;
};

struct ismc_ir_isms {
	const char		*title;		/* label of the isms block */
	const char		*organisation;
	const char		*industry;
	int64_t			 employees;	/* -1 when not given */
	const char		*version;
	bool			 has_date;
	struct ismc_date	 date;
	const char		*scope;
	struct ismc_span	 scope_span;
	struct ismc_ir_location	*locations;
	size_t			 nlocations;
	const char		**in_scope;
	size_t			 nin_scope;
	const char		**out_of_scope;
	size_t			 nout_of_scope;
};

struct ismc_ir_risk;
struct ismc_ir_measure;

/* The target date of work not yet done: a control, clause or measure that
 * is planned or partial (`due 2024-05-31`). */
struct ismc_ir_due {
	bool			 has;
	struct ismc_date	 date;
	bool			 overdue;	/* computed against the as-of date */
	struct ismc_span	 span;		/* the `due` item */
};

/* One framework requirement as the organisation treats it: a SoA row. */
struct ismc_ir_control {
	const struct ismc_req	*req;
	enum ismc_applicability	 applicability;
	const char		*justification;	/* for an exclusion */
	unsigned		 reasons;	/* enum ismc_reason bits */
	enum ismc_status	 status;	/* declared, or derived from measures */
	bool			 status_derived;
	const struct ismc_ir_role *owner;
	const char		*note;
	struct ismc_ir_docref	*refs;
	size_t			 nrefs;
	const struct ismc_ir_risk **risks;	/* risks it treats, by id */
	size_t			 nrisks;
	const struct ismc_ir_measure **measures; /* measures covering it */
	size_t			 nmeasures;
	const struct ismc_ir_measure **closers;	/* measures closing the
						 * residual mapping rows leave
						 * of it (`closes`) */
	size_t			 nclosers;
	bool			 declared;	/* has a `control` item */
	bool			 status_given;	/* `status` written, valid or not:
						 * no follow-on "no status" */
	bool			 conflicting;	/* applicable and excluded */
	struct ismc_ir_due	 due;		/* target date (roadmap) */
	struct ismc_span	 span;		/* the `control` item */
};

/* A framework the spec uses, with one SoA row per requirement. */
struct ismc_ir_framework {
	const struct ismc_catalog *catalog;
	const char		*entity;	/* the legal entity it binds;
						 * NULL: the whole ISMS */
	struct ismc_ir_control	*controls;	/* catalog requirement order */
	size_t			 ncontrols;
	struct ismc_span	 span;		/* the `framework` item */
};

/* A name a framework is known by (catalog id or alias), for lookups. */
struct ismc_ir_fwname {
	const char		*name;		/* interned */
	struct ismc_ir_framework *fw;
};

/* One row of a mapping set, its ids resolved against the two catalogs. */
struct ismc_ir_maprow {
	const struct ismc_mapping_row *row;	/* as written: relation,
						 * strength, rationale, residual,
						 * span */
	const struct ismc_req	*source;	/* NULL only on the empty side
						 * of a no-counterpart row; a
						 * covering set's first member */
	const struct ismc_req	*target;
	const struct ismc_req	**members;	/* a covering row (a set, or a
						 * row with a residual): each
						 * member, maybe a group; NULL
						 * for a plain row */
	size_t			 nmembers;
};

/*
 * A mapping set both of whose catalogs the spec uses, resolved by sema
 * (sema-map.c): rows naming an id their catalog does not have were
 * reported there and are left out.
 */
struct ismc_ir_crosswalk {
	const struct ismc_mapping_set *set;
	size_t			 source;	/* ir->frameworks index */
	size_t			 target;	/* likewise */
	struct ismc_ir_maprow	*rows;		/* file order */
	size_t			 nrows;
	size_t			 nrows_bad;	/* rows left out */
};

/* The organisation's own control, implementing framework controls. */
struct ismc_ir_measure {
	const char		*id;
	const char		*title;
	const char		*description;
	enum ismc_status	 status;
	unsigned		 reasons;
	const struct ismc_ir_role *owner;
	struct ismc_ir_docref	*refs;
	size_t			 nrefs;
	struct ismc_ir_control	**covers;
	size_t			 ncovers;
	struct ismc_ir_control	**closes;	/* requirements whose residual
						 * it meets */
	size_t			 ncloses;
	const struct ismc_ir_risk **risks;
	size_t			 nrisks;
	struct ismc_ir_due	 due;		/* target date (roadmap) */
	struct ismc_span	 span;
};

/* What treats a risk: a framework control or a measure. */
struct ismc_ir_treat {
	struct ismc_ir_control	*control;	/* exactly one of these */
	struct ismc_ir_measure	*measure;
	struct ismc_span	 span;		/* the reference in the spec */
};

/*
 * A risk owner's approval of the treatment and acceptance of the residual
 * risk (ISO/IEC 27001 6.1.3 f): `accepted { by; on; until; approved }`.
 */
struct ismc_ir_acceptance {
	const struct ismc_ir_role *by;		/* NULL only after an error */
	bool			 has_on;
	struct ismc_date	 on;
	bool			 has_until;
	struct ismc_date	 until;
	const struct ismc_ir_role *approved;	/* an approver, above the
						 * acceptance criterion */
	bool			 expired;	/* computed: until < as-of */
	struct ismc_span	 span;		/* the `accepted` item */
};

struct ismc_ir_risk {
	const char		*id;
	const char		*title;
	const char		*description;
	const struct ismc_ir_threat **threats;
	size_t			 nthreats;
	const struct ismc_ir_asset **assets;
	size_t			 nassets;
	const struct ismc_ir_level *likelihood;
	const struct ismc_ir_level *impact;
	int			 score;		/* likelihood x impact */
	const struct ismc_ir_band *band;	/* may be NULL: no bands */
	const struct ismc_ir_role *owner;
	enum ismc_treatment	 treatment;
	struct ismc_ir_treat	*treated_by;
	size_t			 ntreated_by;
	const struct ismc_ir_level *res_likelihood;	/* as rated, else the
							 * inherent level */
	const struct ismc_ir_level *res_impact;
	int			 res_score;
	const struct ismc_ir_band *res_band;
	bool			 has_residual;
	bool			 above_acceptance;	/* inherent score */
	bool			 res_above_acceptance;	/* after treatment */
	bool			 treatment_given;	/* written, valid or not */
	bool			 controls_given;	/* likewise `controls` */
	const struct ismc_ir_level **impact_dims;	/* ir->ndims levels,
							 * NULL where not
							 * rated; NULL for a
							 * single impact */
	const struct ismc_ir_level **res_impact_dims;	/* likewise after
							 * treatment */
	struct ismc_ir_acceptance *accepted;	/* NULL: not accepted */
	bool			 owner_accepted;	/* computed: accepted
							 * by its owner */
	bool			 has_reviewed;
	struct ismc_date	 reviewed;	/* last review */
	bool			 review_overdue;	/* computed against
							 * as-of and the
							 * review period */
	struct ismc_span	 span;
};

/* ---- Check and Act: KPIs, audits, evidence (issue 4) ------------------ */

enum ismc_cmp {				/* ORDER ISMC_CMP */
	ISMC_CMP_LT,			/* result <  target */
	ISMC_CMP_LE,
	ISMC_CMP_GT,
	ISMC_CMP_GE,
	ISMC_CMP_EQ,
};

struct ismc_ir_kpi {
	const char		*id;
	const char		*title;
	const char		*description;
	const struct ismc_ir_role *owner;
	const char		*unit;		/* "%", "days", "count", ... */
	const char		*period;	/* "quarter", "month", ... */
	enum ismc_cmp		 cmp;
	double			 target;
	const char		*target_text;	/* as the spec spells it, "%"
						 * left out: "1230000", "99.90" */
	bool			 has_result;
	double			 result;
	const char		*result_text;	/* likewise */
	bool			 met;		/* computed: result cmp target */
	const struct ismc_ir_control **controls;	/* what it measures */
	size_t			 ncontrols;
	struct ismc_span	 span;
};

enum ismc_finding_kind {		/* ORDER ISMC_FINDING */
	ISMC_FINDING_MAJOR,		/* major nonconformity */
	ISMC_FINDING_MINOR,		/* minor nonconformity */
	ISMC_FINDING_OFI,		/* opportunity for improvement */
	ISMC_FINDING_OBSERVATION,
};

enum ismc_action_status {		/* ORDER ISMC_ACTION */
	ISMC_ACTION_OPEN,
	ISMC_ACTION_IN_PROGRESS,
	ISMC_ACTION_DONE,
};

struct ismc_ir_action {			/* a corrective action */
	const char		*id;
	const char		*title;
	const struct ismc_ir_role *owner;
	bool			 has_due;
	struct ismc_date	 due;
	enum ismc_action_status	 status;
	bool			 has_closed;
	struct ismc_date	 closed;
	bool			 overdue;	/* computed against the as-of date */
	struct ismc_span	 span;
};

struct ismc_ir_audit;

struct ismc_ir_finding {
	const char		*id;
	const char		*title;
	enum ismc_finding_kind	 kind;
	const struct ismc_ir_audit *audit;
	const struct ismc_ir_control **controls;
	size_t			 ncontrols;
	const char		**clauses;	/* ISO clauses, e.g. "9.2" */
	size_t			 nclauses;
	struct ismc_ir_action	**actions;
	size_t			 nactions;
	bool			 closed;	/* computed: all actions done */
	struct ismc_span	 span;
};

struct ismc_ir_audit {
	const char		*id;
	const char		*title;
	bool			 external;
	const char		*auditor;
	const char		*scope;
	bool			 has_date;
	struct ismc_date	 date;		/* first day */
	bool			 has_end;
	struct ismc_date	 end;
	struct ismc_ir_finding	**findings;
	size_t			 nfindings;
	struct ismc_span	 span;
};

struct ismc_ir_evidence {
	const char		*id;
	const char		*title;
	const struct ismc_ir_role *owner;
	bool			 has_collected;
	struct ismc_date	 collected;
	int			 valid_days;	/* 0: does not expire */
	bool			 stale;		/* computed against as-of */
	struct ismc_date	 expires;
	const struct ismc_ir_control **controls;
	size_t			 ncontrols;
	struct ismc_span	 span;
};

/* ---- the implementation roadmap (issue 13) ------------------------------ */

struct ismc_ir_phase {
	const char		*id;
	const char		*title;
	const char		*description;
	const struct ismc_ir_role *owner;
	bool			 has_from, has_to;
	struct ismc_date	 from, to;	/* both days included */
	struct ismc_span	 span;
};

struct ismc_ir_milestone {
	const char		*id;
	const char		*title;
	const char		*description;
	const struct ismc_ir_role *owner;
	bool			 has_date;
	struct ismc_date	 date;
	bool			 has_reached;
	struct ismc_date	 reached;	/* when it was met */
	bool			 overdue;	/* computed against the as-of date */
	struct ismc_span	 span;
};

enum ismc_road_kind {			/* ORDER ISMC_ROAD */
	ISMC_ROAD_PHASE,
	ISMC_ROAD_MILESTONE,
	ISMC_ROAD_CONTROL,		/* a framework requirement, clause */
	ISMC_ROAD_MEASURE,
	ISMC_ROAD_ACTION,		/* a corrective action not done */
};

/* One line of the roadmap: exactly the pointer of its kind is set. */
struct ismc_ir_road {
	enum ismc_road_kind	 kind;
	const struct ismc_ir_phase *phase;
	const struct ismc_ir_milestone *milestone;
	const struct ismc_ir_control *control;
	const struct ismc_ir_measure *measure;
	const struct ismc_ir_action *action;
	struct ismc_date	 date;		/* start of a phase, else the
						 * date or due date */
	const struct ismc_ir_phase *in;		/* the first phase whose days
						 * hold the date; NULL: none
						 * (and for a phase) */
	bool			 overdue;
	long			 days_late;	/* as-of minus date when overdue */
};

/* A management review (ISO/IEC 27001 9.3): `management-review ID`. */
struct ismc_ir_mreview {
	const char		*id;
	const char		*title;
	bool			 has_date;
	struct ismc_date	 date;
	const struct ismc_ir_role *chair;
	const char		**documented;	/* minutes, decisions */
	size_t			 ndocumented;
	struct ismc_span	 span;
};

/* A period such as `12 months`: calendar months and days. */
struct ismc_ir_period {
	int			 months;
	int			 days;
};

/* How a risk's impact follows from its dimensions (`combine`). */
enum ismc_combine {			/* ORDER ISMC_COMBINE */
	ISMC_COMBINE_HIGHEST,		/* the highest rated dimension */
	ISMC_COMBINE_AVERAGE,		/* the mean, rounded up */
};

/*
 * Stage 1 facts sema decides once (sema-readiness.c), for the readiness
 * analysis and its warnings.
 */
struct ismc_ir_stage1 {
	bool			 applies;	/* the spec decides clauses 4-10 */
	const struct ismc_ir_audit *last_audit;	/* latest internal audit on
						 * or before as-of, or NULL */
	bool			 audit_stale;	/* over 12 months before as-of */
	const struct ismc_ir_mreview *last_review; /* likewise */
	bool			 review_stale;
	const struct ismc_ir_control **unevidenced; /* applicable, neither
						 * evidence nor a plan */
	size_t			 nunevidenced;
	size_t			 nevidenced;	/* applicable with one */
};

struct ismc_ir_totals {
	int64_t			 inherent;	/* sum of inherent scores */
	int64_t			 residual;	/* sum of residual scores */
	double			 reduction_pct;	/* 100 * (1 - residual/inherent) */
	size_t			 above_acceptance;
	size_t			 res_above_acceptance;
};

/*
 * A file the build read and used: a spec, a catalog, a mapping set or a
 * licensed texts file, with its content's digest, so that the reports say
 * exactly what they were made from (inputs.h).
 */
struct ismc_ir_input {
	enum ismc_input_kind	 kind;		/* spec, catalog, mapping set,
						 * texts (source.h) */
	const char		*path;		/* as read; a shipped file as
						 * "frameworks/dora.yaml" */
	const char		*ids;		/* the catalog or mapping-set
						 * ids it gave, space-separated;
						 * NULL when none */
	const char		*format;	/* "ismc-catalog/1", "CISO
						 * Assistant library"...; NULL
						 * for a spec */
	const char		*sha256;	/* 64 lower-case hex digits; NULL
						 * until ismc_inputs_digest */
	uint32_t		 file;		/* the source it was read from */
	bool			 shipped;	/* one of ismc's own files */
};

struct ismc_ir {
	struct ismc_ir_isms	 isms;
	struct ismc_ir_role	**roles;	/* all sorted by id */
	size_t			 nroles;
	struct ismc_ir_asset	**assets;
	size_t			 nassets;
	struct ismc_ir_threat	**threats;
	size_t			 nthreats;
	struct ismc_ir_scale	 likelihood;
	struct ismc_ir_scale	 impact;
	struct ismc_ir_band	*bands;		/* ascending */
	size_t			 nbands;
	bool			 has_acceptance;
	int			 acceptance_max;	/* highest accepted score */
	const struct ismc_ir_role **approvers;	/* may approve acceptance
						 * above the criterion */
	size_t			 napprovers;
	bool			 has_review_period;
	struct ismc_ir_period	 review_period;	/* risks are reviewed */
	const char		**dims;		/* impact dimensions: C, I, A,
						 * then the declared ones */
	const char		**dim_labels;
	size_t			 ndims;
	bool			 has_dims;	/* some risk rates dimensions */
	enum ismc_combine	 combine;
	struct ismc_ir_framework *frameworks;	/* in the order used */
	size_t			 nframeworks;
	struct ismc_ir_fwname	*fwnames;	/* ids and aliases, sorted by
						 * name: ismc_ir_framework_find */
	size_t			 nfwnames;
	struct ismc_ir_measure	**measures;
	size_t			 nmeasures;
	struct ismc_ir_risk	**risks;
	size_t			 nrisks;
	struct ismc_ir_totals	 totals;

	struct ismc_ir_kpi	**kpis;		/* sorted by id */
	size_t			 nkpis;
	struct ismc_ir_audit	**audits;	/* sorted by date, then id */
	size_t			 naudits;
	struct ismc_ir_finding	**findings;	/* all audits', sorted by id */
	size_t			 nfindings;
	struct ismc_ir_evidence	**evidence;	/* sorted by id */
	size_t			 nevidence;
	struct ismc_ir_mreview	**mreviews;	/* by date, then id */
	size_t			 nmreviews;
	struct ismc_ir_stage1	 stage1;
	struct ismc_readiness	*readiness;	/* NULL until analysed */
	bool			 has_as_of;	/* --as-of, else the spec date */
	struct ismc_date	 as_of;

	/* Crosswalks and gap analysis (issue 3). */
	struct ismc_mapping_set	**mapping_sets;	/* shipped, loaded and the
						 * spec's own, in load order */
	size_t			 nmapping_sets;
	struct ismc_ir_input	*inputs;	/* specs, catalogs, mapping
						 * sets, texts, in that order */
	size_t			 ninputs;
	struct ismc_ir_crosswalk *crosswalks;	/* the same, resolved */
	size_t			 ncrosswalks;
	struct ismc_gap		*gap;		/* NULL until analysed */

	/* The implementation roadmap (sema-roadmap.c). */
	struct ismc_ir_phase	**phases;	/* by start, end, then id */
	size_t			 nphases;
	struct ismc_ir_milestone **milestones;	/* by date, then id */
	size_t			 nmilestones;
	struct ismc_ir_road	*roadmap;	/* by date, kind, then id */
	size_t			 nroadmap;
};

const char *ismc_status_name(enum ismc_status);		/* "implemented" */
const char *ismc_treatment_name(enum ismc_treatment);	/* "mitigate" */
const char *ismc_reason_name(enum ismc_reason);		/* "legal" */
const char *ismc_ref_kind_name(enum ismc_ref_kind);	/* "policy" */
const char *ismc_applicability_name(enum ismc_applicability);
const char *ismc_cmp_name(enum ismc_cmp);			/* "<=" */
const char *ismc_finding_kind_name(enum ismc_finding_kind);	/* "minor nonconformity" */
const char *ismc_action_status_name(enum ismc_action_status);	/* "done" */
const char *ismc_road_kind_name(enum ismc_road_kind);		/* "phase" */
const char *ismc_combine_name(enum ismc_combine);		/* "highest" */
/* The end of a period that starts on `from`. */
struct ismc_date ismc_period_end(struct ismc_date from, struct ismc_ir_period);
/* The framework in use whose catalog has this id or alias, or NULL. */
struct ismc_ir_framework *ismc_ir_framework_find(const struct ismc_ir *,
	    const char *name);
/* The band holding score, or NULL. */
const struct ismc_ir_band *ismc_ir_band_for(const struct ismc_ir *, int score);
/* Natural order for identifiers: "A.5.9" < "A.5.10", "R-2" < "R-10". */
int	ismc_natcmp(const char *, const char *);
/* Writes a stable text dump (for --dump-ir and tests). */
void	ismc_ir_dump(FILE *, const struct ismc_ir *);

#endif
