/*
 * gap.h - coverage and gap analysis across frameworks.
 *
 * The analysis reads the SoA rows of every framework in use, the mapping
 * sets between them (ir->mapping_sets) and the RCC-5 composition table,
 * and says for each requirement of each framework whether the
 * organisation's controls cover it fully, partly or not at all, which
 * controls reach it and how. doc/coverage.md gives the rules; this header
 * gives the shapes. Everything is arena-owned by the compilation and
 * hangs off ir->gap.
 */
#ifndef ISMC_GAP_H
#define ISMC_GAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct ismc_arena;
struct ismc_compilation;
struct ismc_ir;
struct ismc_ir_control;
struct ismc_ir_framework;
struct ismc_mapping_row;
struct ismc_mapping_set;
struct ismc_req;

/* Which rule turns mappings into coverage; every report names it. */
enum ismc_gap_policy {
	ISMC_GAP_STRICT,	/* set theory: equal or superset for full */
	ISMC_GAP_ALL_MAPPED,	/* practical: all mapped controls implemented */
};

/*
 * The coverage of a requirement. GAP < NO_COUNTERPART < PARTIAL < FULL
 * in this order of progress, the two gaps being equally bad; EXCLUDED
 * stands apart: the requirement's own SoA row excludes it, so it is not
 * assessed and not counted in percentages.
 */
enum ismc_cov {				/* ORDER ISMC_COV */
	ISMC_COV_GAP,			/* nothing counts */
	ISMC_COV_NO_COUNTERPART,	/* a gap a mapping set says is one */
	ISMC_COV_PARTIAL,
	ISMC_COV_FULL,
	ISMC_COV_EXCLUDED,
};

/* How a control reaches a requirement, most direct first. */
enum ismc_gap_kind {			/* ORDER ISMC_GAP_KIND */
	ISMC_GAP_SELF,		/* the requirement's own SoA row */
	ISMC_GAP_DIRECT,	/* one published row between the two */
	ISMC_GAP_GROUP,		/* one row naming a group that holds one of
				 * them: inferred */
	ISMC_GAP_CHAIN,		/* two rows through a hub requirement of a
				 * third framework: inferred */
};

/*
 * One resolved mapping row, or one member pair of a row naming a group, or
 * one member of an `equal` covering set read as "member inside target".
 */
struct ismc_gap_link {			/* the small fields last: one a
					 * mapping row, 64 bytes */
	const struct ismc_mapping_set *set;
	const struct ismc_mapping_row *row;
	const struct ismc_req	*a;		/* a REL b, after expansion */
	const struct ismc_req	*b;
	const struct ismc_req	*group_a;	/* the group the row named in */
	const struct ismc_req	*group_b;	/* place of a (b), or NULL */
	uint32_t		 ga, gb;	/* global requirement indices */
	unsigned		 rel;		/* RCC-5 set, a -> b */
	bool			 member;	/* a covering set's member: a is
						 * one of the row's members */
};

/*
 * One control reaching one requirement: about one a mapping row, so the
 * pointers come first and the small fields are packed after them, 56
 * bytes instead of 88 (the enums' values fit a byte each).
 */
struct ismc_gap_reach {
	const struct ismc_ir_control *control;	/* an SoA row with a decision */
	const char		*rationale;	/* the weaker link's; or NULL */
	const struct ismc_gap_link *link[2];	/* control side first; [1] only
						 * for a chain; none for SELF */
	const struct ismc_req	*hub;		/* CHAIN: the middle */
	uint32_t		 framework;	/* its ir->frameworks index */
	uint8_t			 kind;		/* enum ismc_gap_kind */
	uint8_t			 rel;		/* RCC-5 set, control -> req */
	uint8_t			 strength;	/* 1..10, the weaker link's; 0
						 * if any link's is unknown */
	uint8_t			 capacity;	/* enum ismc_cov: under the
						 * strict rule, once
						 * implemented: FULL, PARTIAL
						 * or GAP (indeterminate) */
	uint8_t			 contribution;	/* the same, given its status */
	bool			 backwards[2];	/* link read from b to a */
	bool			 superseded;	/* a more direct reach of the
						 * same control counts */
};

/* How far one member of a covering set is met. */
enum ismc_gap_mstate {			/* ORDER ISMC_GAP_MSTATE: worst first */
	ISMC_GAP_M_EXCLUDED,		/* its SoA row excludes it: the set
					 * can never be complete */
	ISMC_GAP_M_OPEN,		/* nothing implemented meets it */
	ISMC_GAP_M_PARTIAL,		/* partly implemented */
	ISMC_GAP_M_MET,			/* implemented, or a control that
					 * contains it is */
};

struct ismc_gap_member {
	const struct ismc_req	*req;		/* of the set's source catalog */
	const struct ismc_ir_control *control;	/* its own SoA row */
	size_t			 framework;	/* its ir->frameworks index */
	const struct ismc_ir_control *by;	/* what meets it best: its own
						 * row, or a control containing
						 * it; NULL when open */
	const struct ismc_gap_link *via;	/* by -> req, for a control
						 * standing in; else NULL */
	enum ismc_gap_mstate	 state;
};

/* Whether a residual is closed: by a measure that `closes` it, or by the
 * requirement's own SoA row, once implemented. */
enum ismc_gap_residual {		/* ORDER ISMC_GAP_RESIDUAL */
	ISMC_GAP_RES_NONE,		/* the row states none */
	ISMC_GAP_RES_OPEN,
	ISMC_GAP_RES_PARTIAL,		/* a partly implemented closer */
	ISMC_GAP_RES_CLOSED,
};

/*
 * A covering row reaching one requirement: its members together (and the
 * residual) contain the requirement, the row's target, a requirement in
 * the group it names, or one a hub requirement it covers contains.
 */
struct ismc_gap_cover {
	const struct ismc_mapping_set *set;
	const struct ismc_mapping_row *row;
	const struct ismc_req	*group;		/* the target group the row
						 * names, or NULL */
	const struct ismc_req	*hub;		/* through a hub: the requirement
						 * the row covers; else NULL */
	const struct ismc_gap_link *link;	/* hub -> requirement */
	bool			 backwards;	/* link read from its target */
	unsigned		 rel;		/* RCC-5 set, union of the
						 * members and residual -> req */
	const struct ismc_gap_member *members;	/* groups expanded */
	size_t			 nmembers;
	size_t			 nmet, npartial, nexcluded;
	const char		*residual;	/* the row's, or NULL */
	const struct ismc_req	*residual_of;	/* the row's target, whose
						 * residual it is */
	enum ismc_gap_residual	 residual_state;
	const struct ismc_ir_measure *closer;	/* the best measure closing it,
						 * or NULL */
	unsigned		 strength;	/* the row's; through a hub the
						 * weaker of row and link's */
	const char		*rationale;
	enum ismc_cov		 capacity;	/* FULL, PARTIAL or GAP, once
						 * everything is implemented */
	enum ismc_cov		 contribution;	/* given the decisions */
	double			 fraction;	/* of members and residual met,
						 * a partial one counting 1/2 */
};

struct ismc_gap_req {
	const struct ismc_req	*req;
	const struct ismc_ir_control *control;	/* its own SoA row */
	enum ismc_cov		 status;	/* under the analysis' policy */
	struct ismc_gap_reach	*reaches;	/* SELF first, then by control
						 * in framework and catalog
						 * order, most direct first */
	size_t			 nreaches;
	const struct ismc_gap_reach *best;	/* the most telling reach: most
						 * contribution, then capacity,
						 * directness, strength; NULL if
						 * none could ever count */
	struct ismc_gap_cover	*covers;	/* its own covering rows, then
						 * those through hubs */
	size_t			 ncovers;
	const struct ismc_gap_cover *best_cover; /* the cover that decides the
						 * status when it says more
						 * than `best`; else NULL */
	const struct ismc_mapping_set *nc_set;	/* a no-counterpart row */
	const struct ismc_mapping_row *nc_row;	/* naming it, or NULL */
	size_t			 nmapped;	/* controls on published rows
						 * and covering sets */
	size_t			 nmapped_impl;	/* ... implemented */
	size_t			 nmapped_partial; /* ... partly */
	double			 credit;	/* in the coverage index: 1 full,
						 * 0 gap, in (0, 0.9] partial */
	/* Partial only: the evidence that gave the credit, so a report can
	 * show its sum; at most one is set. */
	const struct ismc_gap_reach *credit_reach;
	const struct ismc_gap_cover *credit_cover;
	unsigned		 credit_mapped;	/* all-mapped: the mapped controls
						 * together gave it, at this
						 * strength (1..10); else 0 */
	size_t			 group;		/* index into the groups */
};

struct ismc_gap_count {
	size_t			 total;		/* requirements */
	size_t			 full, partial;
	size_t			 gap;		/* including no_counterpart */
	size_t			 no_counterpart;
	size_t			 excluded;	/* not in the percentages */
	double			 credit;	/* the requirements' credits */
};

/* A top-level group (theme, chapter, category) of a framework. */
struct ismc_gap_group {
	const struct ismc_req	*group;		/* NULL: requirements with no
						 * parent */
	struct ismc_gap_count	 n;
};

/* What a step of the remediation plan asks for. */
enum ismc_gap_step_kind {		/* ORDER ISMC_GAP_STEP */
	ISMC_GAP_STEP_CONTROL,		/* implement one control */
	ISMC_GAP_STEP_CONTROLS,		/* implement several together (the
					 * members a covering set lacks), and
					 * maybe close a residual */
	ISMC_GAP_STEP_RESIDUAL,		/* close a residual with a measure of
					 * the organisation's own */
	ISMC_GAP_STEP_OWN,		/* no mapping makes it full: meet the
					 * requirement itself */
};

/* One step of the remediation plan. */
struct ismc_gap_step {
	enum ismc_gap_step_kind	 kind;
	const struct ismc_ir_control *control;	/* the (first) control; for
						 * OWN, the requirement's own
						 * SoA row */
	size_t			 framework;	/* its ir->frameworks index */
	const struct ismc_ir_control **controls; /* all to implement */
	size_t			 ncontrols;
	const struct ismc_req	*residual_of;	/* a residual to close, or
						 * NULL */
	const char		*residual;	/* its text */
	const struct ismc_req	*target;	/* the requirement the step was
						 * chosen for (CONTROLS,
						 * RESIDUAL, OWN) */
	size_t			 gain;		/* requirements it makes full */
	size_t			 full_after;	/* full requirements after it */
};

struct ismc_gap_fw {
	const struct ismc_ir_framework *fw;
	size_t			 index;		/* into ir->frameworks */
	struct ismc_gap_req	*reqs;		/* catalog order */
	size_t			 nreqs;
	size_t			 nsets_in;	/* sets in use targeting it */
	size_t			 nlinks;	/* links touching it */
	struct ismc_gap_count	 n;
	struct ismc_gap_group	*groups;	/* order of first requirement */
	size_t			 ngroups;
	struct ismc_gap_step	*plan;		/* remediation, by gain */
	size_t			 nplan;
};

struct ismc_gap {
	enum ismc_gap_policy	 policy;
	struct ismc_gap_fw	*fws;		/* ir->frameworks order */
	size_t			 nfws;
	struct ismc_gap_link	*links;		/* load order */
	size_t			 nlinks;
	size_t			 nsets;		/* sets, both sides in use */
	size_t			 nsets_skipped;	/* one side not in use */
	size_t			 nrows;		/* rows of the sets used */
	size_t			 nrows_bad;	/* rows naming unknown ids */
};

/*
 * Analyses coverage of every framework of `ir` under `policy` and stores
 * the result in ir->gap (also returned). Mapping sets whose source or
 * target catalog is not in use are skipped; a row naming an id its
 * catalog does not have is an error at the row and is skipped. Time and
 * memory are linear in the rows, plus the reaches it finds through hub
 * requirements that a decided control is mapped to (doc/coverage.md).
 */
struct ismc_gap *ismc_gap_analyse(struct ismc_compilation *,
	    struct ismc_ir *, enum ismc_gap_policy);

/* "strict", "all-mapped". */
const char *ismc_gap_policy_name(enum ismc_gap_policy);
/* Parses a policy name; false if it is not one. */
bool	ismc_gap_policy_parse(const char *, enum ismc_gap_policy *);
/* "gap", "no-counterpart", "partial", "full", "excluded". */
const char *ismc_cov_name(enum ismc_cov);
/* "own", "published", "group", "chain". */
const char *ismc_gap_kind_name(enum ismc_gap_kind);
/* A requirement as "catalog:id" (arena-owned). */
const char *ismc_gap_qname(struct ismc_arena *, const struct ismc_req *);
/*
 * Where a reach comes from, for reports: "own SoA row",
 * "iso27001-2022--dora" (a published row; ", read backwards" when read
 * from its target), "inferred via group dora:5 (set)" or "inferred via
 * iso27001-2022:A.5.1 (set1; set2)". Arena-owned.
 */
const char *ismc_gap_provenance(struct ismc_arena *,
	    const struct ismc_gap_reach *);
/* Whether the reach is inferred rather than read off one row. */
bool	ismc_gap_inferred(const struct ismc_gap_reach *);
/*
 * Whether reach r makes its control one of the requirement's mapped
 * controls under the all-mapped policy: a published row, not a chain,
 * the most direct reach of its control, and not "not-related".
 */
bool	ismc_gap_is_mapped(const struct ismc_gap_reach *);
/* Whether a control counts as implemented: implemented, not excluded. */
bool	ismc_gap_counts_implemented(const struct ismc_ir_control *);
/* 100 * part / assessed requirements (total - excluded); NaN if none. */
double	ismc_gap_pct(size_t part, const struct ismc_gap_count *);
/* The coverage index: 100 * credits / assessed requirements; NaN if none
 * (doc/coverage.md, section 9). */
double	ismc_gap_index(const struct ismc_gap_count *);
/* "met", "partial", "open", "excluded". */
const char *ismc_gap_mstate_name(enum ismc_gap_mstate);
/* "none", "open", "partly closed", "closed". */
const char *ismc_gap_residual_name(enum ismc_gap_residual);
/* "implement", "implement together", "close residual", "own work". */
const char *ismc_gap_step_kind_name(enum ismc_gap_step_kind);
/* Where a cover comes from, for reports: "iso27001-2022--dora", "... via
 * group dora:Art.6", "inferred via nis2-ir:1.2.3 (set; set2)". */
const char *ismc_gap_cover_provenance(struct ismc_arena *,
	    const struct ismc_gap_cover *);
/* The members as "iso:A.5.24 + iso:A.5.26" (arena-owned). */
const char *ismc_gap_cover_members(struct ismc_arena *,
	    const struct ismc_gap_cover *);
/* The analysis of framework `fw` of the IR, or NULL. */
const struct ismc_gap_fw *ismc_gap_find(const struct ismc_gap *,
	    const struct ismc_ir_framework *);

#endif
