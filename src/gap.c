/*
 * gap.c - coverage of every framework through the mapping sets.
 *
 * The analysis runs in four passes, each linear in its input:
 *
 *  1. links: every row of every crosswalk (sema resolved its ids) becomes
 *     a link between two requirements (a row naming a group becomes one
 *     link per member, its relation composed with "group superset
 *     member");
 *  2. index: the links of each requirement, and separately its links to
 *     requirements whose SoA row has a decision, as compressed adjacency
 *     arrays over one global requirement numbering;
 *  3. reach: for each requirement, its own SoA row, the decided controls
 *     one link away, and those two links away through a hub requirement
 *     of a third framework, composed by RCC-5; then its status;
 *  4. summarise: counts per framework and top-level group, and the
 *     remediation plan (remediation.c).
 *
 * Pass 3 costs, per hub requirement, its links times its links to decided
 * controls; that is the number of chains there are to report, and it is
 * only paid where the spec has decided something. doc/coverage.md states
 * the rules for people; the comments here say why the code follows them.
 */
#include <config.h>

#include "gap.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "compilation.h"
#include "gap-int.h"
#include "ir.h"
#include "mapping.h"
#include "rcc5.h"
#include "xalloc.h"

#define NONE	SIZE_MAX

/* Requirements under each group of one catalog, by node index. */
struct members {
	size_t			*off;		/* nnodes + 1; NULL: unbuilt */
	const struct ismc_req	**v;
};

/* Compressed adjacency: requirement g's links are link[off[g] ..
 * off[g + 1]), end[] holding the other end of each. Two entries a link,
 * in 32 bits: half the memory of size_t (ismc_gap_analyse checks the
 * counts fit). */
struct csr {
	size_t			*off;
	uint32_t		*link;
	uint32_t		*end;
};

/* A growing list of global indices, each once . */
struct glist {
	size_t			*v;
	size_t			 n, cap;
};

/* A covering row's members as one target framework sees them. */
struct mcache {
	size_t			 fw;		/* the target's framework */
	struct ismc_gap_member	*v;		/* arena */
	size_t			 nmet, npartial, nexcluded;
};

/* A covering row (a set, or a row with a residual), groups expanded. */
struct xcover {
	const struct ismc_ir_crosswalk *cw;
	const struct ismc_ir_maprow *mr;
	size_t			*m;		/* member requirements, global
						 * indices, distinct (heap) */
	size_t			 nm;
	unsigned		 rel;		/* the row's: EQ or PPI */
	struct mcache		*cache;		/* heap */
	size_t			 ncache;
};

/* A covering row applying to one requirement (a leaf of its target). */
struct xcovlink {
	size_t			 cov;		/* index into covs */
	size_t			 t;		/* the requirement */
	const struct ismc_req	*group;		/* the target group, or NULL */
	unsigned		 rel;		/* union -> t */
};

struct ctx {
	struct ismc_compilation	*comp;
	struct ismc_ir		*ir;
	struct ismc_arena	*arena;
	struct ismc_gap		*gap;
	size_t			 nfw;
	size_t			*base;		/* nfw + 1: first global id */
	size_t			 n;		/* all requirements */
	size_t			*fwof;		/* n: framework of each */
	bool			*decided;	/* n */
	struct members		*mem;		/* nfw */
	struct ismc_gap_link	*links;		/* heap while resolving */
	size_t			 nlinks, linkcap;
	const struct ismc_mapping_set **nc_set;	/* n */
	const struct ismc_mapping_row **nc_row;	/* n */
	struct csr		 all;		/* all links of a requirement */
	struct csr		 dec;		/* its links to decided ends, by
						 * the framework of that end */
	size_t			*stamp;		/* n: t + 1 once a row relates
						 * it to requirement t */
	size_t			*mark;		/* n: t + 1 once counted as a
						 * mapped control of t */
	struct xcover		*covs;		/* covering rows (heap) */
	size_t			 ncovs, covcap;
	struct xcovlink		*cls;		/* their (row, requirement)
						 * pairs, load order (heap) */
	size_t			 ncls, clcap;
	size_t			*cl_off;	/* n + 1: the pairs of each */
	size_t			*cl_idx;	/* requirement, by index */
	struct ismc_remediation	*plans;		/* scratch of the plans */
	struct ismc_gap_reach	*tmp;		/* reaches of one requirement */
	size_t			 ntmp, tmpcap;
	struct ismc_gap_cover	*ctmp;		/* its covers */
	size_t			 nctmp, ctmpcap;
	size_t			*seen;		/* n: == epoch once listed in
						 * the plan model's current
						 * requirement */
	size_t			 epoch;
	struct glist		*gl;		/* 4 scratch lists (model) */
};

/* ---- names -------------------------------------------------------------- */

const char *
ismc_gap_policy_name(enum ismc_gap_policy p)
{
	return p == ISMC_GAP_ALL_MAPPED ? "all-mapped" : "strict";
}

bool
ismc_gap_policy_parse(const char *s, enum ismc_gap_policy *out)
{
	if (strcmp(s, "strict") == 0)
		*out = ISMC_GAP_STRICT;
	else if (strcmp(s, "all-mapped") == 0)
		*out = ISMC_GAP_ALL_MAPPED;
	else
		return false;
	return true;
}

const char *
ismc_cov_name(enum ismc_cov c)
{
	switch (c) {			/* ORDER ISMC_COV */
	case ISMC_COV_GAP:
		return "gap";
	case ISMC_COV_NO_COUNTERPART:
		return "no-counterpart";
	case ISMC_COV_PARTIAL:
		return "partial";
	case ISMC_COV_FULL:
		return "full";
	case ISMC_COV_EXCLUDED:
		return "excluded";
	}
	return "gap";
}

const char *
ismc_gap_kind_name(enum ismc_gap_kind k)
{
	switch (k) {			/* ORDER ISMC_GAP_KIND */
	case ISMC_GAP_SELF:
		return "own";
	case ISMC_GAP_DIRECT:
		return "published";
	case ISMC_GAP_GROUP:
		return "group";
	case ISMC_GAP_CHAIN:
		return "chain";
	}
	return "?";
}

const char *
ismc_gap_qname(struct ismc_arena *a, const struct ismc_req *r)
{
	return ismc_arena_printf(a, "%s:%s", r->catalog->id, r->id);
}

bool
ismc_gap_inferred(const struct ismc_gap_reach *r)
{
	return r->kind == ISMC_GAP_GROUP || r->kind == ISMC_GAP_CHAIN;
}

double
ismc_gap_pct(size_t part, const struct ismc_gap_count *n)
{
	size_t assessed = n->total - n->excluded;

	if (assessed == 0)
		return NAN;
	return 100.0 * (double)part / (double)assessed;
}

double
ismc_gap_index(const struct ismc_gap_count *n)
{
	size_t assessed = n->total - n->excluded;

	if (assessed == 0)
		return NAN;
	return 100.0 * n->credit / (double)assessed;
}

const char *
ismc_gap_mstate_name(enum ismc_gap_mstate m)
{
	switch (m) {			/* ORDER ISMC_GAP_MSTATE */
	case ISMC_GAP_M_EXCLUDED:
		return "excluded";
	case ISMC_GAP_M_OPEN:
		return "open";
	case ISMC_GAP_M_PARTIAL:
		return "partial";
	case ISMC_GAP_M_MET:
		return "met";
	}
	return "?";
}

const char *
ismc_gap_residual_name(enum ismc_gap_residual r)
{
	switch (r) {			/* ORDER ISMC_GAP_RESIDUAL */
	case ISMC_GAP_RES_NONE:
		return "none";
	case ISMC_GAP_RES_OPEN:
		return "open";
	case ISMC_GAP_RES_PARTIAL:
		return "partly closed";
	case ISMC_GAP_RES_CLOSED:
		return "closed";
	}
	return "?";
}

const char *
ismc_gap_step_kind_name(enum ismc_gap_step_kind k)
{
	switch (k) {			/* ORDER ISMC_GAP_STEP */
	case ISMC_GAP_STEP_CONTROL:
		return "implement";
	case ISMC_GAP_STEP_CONTROLS:
		return "implement together";
	case ISMC_GAP_STEP_RESIDUAL:
		return "close residual";
	case ISMC_GAP_STEP_OWN:
		return "own work";
	}
	return "?";
}

const char *
ismc_gap_cover_members(struct ismc_arena *a, const struct ismc_gap_cover *c)
{
	struct ismc_buf b;
	const char *s;
	size_t i;

	ismc_buf_init(&b);
	for (i = 0; i < c->nmembers; i++)
		ismc_buf_printf(&b, "%s%s", i ? " + " : "",
		    ismc_gap_qname(a, c->members[i].req));
	s = ismc_arena_strdup(a, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

const struct ismc_gap_fw *
ismc_gap_find(const struct ismc_gap *g, const struct ismc_ir_framework *fw)
{
	size_t i;

	if (g == NULL)
		return NULL;
	for (i = 0; i < g->nfws; i++)
		if (g->fws[i].fw == fw)
			return &g->fws[i];
	return NULL;
}

/* "set", "set via group G", with ", read backwards" when it applies. */
static const char *
link_desc(struct ismc_arena *a, const struct ismc_gap_link *l, bool back)
{
	const struct ismc_req *g = l->group_a != NULL ? l->group_a :
	    l->group_b;

	return ismc_arena_printf(a, "%s%s%s%s", l->set->id,
	    g != NULL ? " via group " : "", g != NULL ? g->id : "",
	    back ? ", read backwards" : "");
}

const char *
ismc_gap_cover_provenance(struct ismc_arena *a, const struct ismc_gap_cover *c)
{
	const char *set = c->group != NULL ? ismc_arena_printf(a,
	    "%s via group %s", c->set->id, ismc_gap_qname(a, c->group)) :
	    c->set->id;

	if (c->hub == NULL)
		return set;
	return ismc_arena_printf(a, "inferred via %s (%s; %s)",
	    ismc_gap_qname(a, c->hub), set, link_desc(a, c->link,
	    c->backwards));
}

const char *
ismc_gap_provenance(struct ismc_arena *a, const struct ismc_gap_reach *r)
{
	const struct ismc_gap_link *l = r->link[0];
	const struct ismc_req *g;

	switch (r->kind) {
	case ISMC_GAP_SELF:
		break;
	case ISMC_GAP_DIRECT:
		return link_desc(a, l, r->backwards[0]);
	case ISMC_GAP_GROUP:
		g = l->group_a != NULL ? l->group_a : l->group_b;
		return ismc_arena_printf(a, "inferred via group %s (%s%s)",
		    ismc_gap_qname(a, g), l->set->id,
		    r->backwards[0] ? ", read backwards" : "");
	case ISMC_GAP_CHAIN:
		return ismc_arena_printf(a, "inferred via %s (%s; %s)",
		    ismc_gap_qname(a, r->hub),
		    link_desc(a, l, r->backwards[0]),
		    link_desc(a, r->link[1], r->backwards[1]));
	}
	return "own SoA row";
}

/* ---- set-up ------------------------------------------------------------- */

static bool
is_decided(const struct ismc_ir_control *c)
{
	return c->applicability != ISMC_UNDECIDED ||
	    c->status != ISMC_STATUS_UNSET;
}

static struct ismc_ir_control *
ctl(const struct ctx *x, size_t g)
{
	size_t f = x->fwof[g];

	return &x->ir->frameworks[f].controls[g - x->base[f]];
}

static size_t
gidx(const struct ctx *x, size_t f, const struct ismc_req *r)
{
	return x->base[f] + r->req_index;
}

static void *
xcalloc_n(size_t n, size_t sz)
{
	return ismc_xcalloc(n != 0 ? n : 1, sz);
}

/* Room for element n of a heap vector v of *cap elements of size sz:
 * doubles the vector when full, starting at `first`. */
static void *
grow(void *v, size_t n, size_t *cap, size_t first, size_t sz)
{
	if (n < *cap)
		return v;
	*cap = *cap != 0 ? *cap * 2 : first;
	return ismc_xreallocarray(v, *cap, sz);
}

static void
setup(struct ctx *x)
{
	const struct ismc_ir_framework *fw;
	size_t f, i, g;

	x->nfw = x->ir->nframeworks;
	x->base = xcalloc_n(x->nfw + 1, sizeof *x->base);
	for (f = 0; f < x->nfw; f++)
		x->base[f + 1] = x->base[f] + x->ir->frameworks[f].ncontrols;
	x->n = x->base[x->nfw];
	if (x->n >= UINT32_MAX)		/* struct csr counts in 32 bits */
		ismc_out_of_memory();
	x->fwof = xcalloc_n(x->n, sizeof *x->fwof);
	x->decided = xcalloc_n(x->n, sizeof *x->decided);
	x->nc_set = xcalloc_n(x->n, sizeof *x->nc_set);
	x->nc_row = xcalloc_n(x->n, sizeof *x->nc_row);
	x->stamp = xcalloc_n(x->n, sizeof *x->stamp);
	x->mark = xcalloc_n(x->n, sizeof *x->mark);
	x->seen = xcalloc_n(x->n, sizeof *x->seen);
	x->gl = xcalloc_n(4, sizeof *x->gl);
	x->mem = xcalloc_n(x->nfw, sizeof *x->mem);
	for (f = 0; f < x->nfw; f++) {
		fw = &x->ir->frameworks[f];
		for (i = 0; i < fw->ncontrols; i++) {
			g = x->base[f] + i;
			x->fwof[g] = f;
			x->decided[g] = is_decided(&fw->controls[i]);
		}
	}
}

static void
teardown(struct ctx *x)
{
	size_t f;

	for (f = 0; f < x->nfw; f++) {
		free(x->mem[f].off);
		free(x->mem[f].v);
	}
	free(x->mem);
	free(x->base);
	free(x->fwof);
	free(x->decided);
	free(x->nc_set);
	free(x->nc_row);
	free(x->stamp);
	free(x->mark);
	free(x->seen);
	for (f = 0; f < 4; f++)
		free(x->gl[f].v);
	free(x->gl);
	for (f = 0; f < x->ncovs; f++) {
		free(x->covs[f].m);
		free(x->covs[f].cache);
	}
	free(x->covs);
	free(x->cls);
	free(x->cl_off);
	free(x->cl_idx);
	free(x->ctmp);
	ismc_remediation_free(x->plans);
	free(x->links);
	free(x->all.off);
	free(x->all.link);
	free(x->all.end);
	free(x->dec.off);
	free(x->dec.link);
	free(x->dec.end);
	free(x->tmp);
}

/*
 * Members are listed per ancestor, so a group's requirements come in
 * catalog order whatever the document order of deeper groups.
 */
static void
build_members(struct members *m, const struct ismc_catalog *cat)
{
	const struct ismc_req *p;
	size_t *pos, i;

	m->off = xcalloc_n(cat->nnodes + 1, sizeof *m->off);
	for (i = 0; i < cat->nreqs; i++)
		for (p = cat->reqs[i]->parent; p != NULL; p = p->parent)
			m->off[p->index + 1]++;
	for (i = 0; i < cat->nnodes; i++)
		m->off[i + 1] += m->off[i];
	m->v = xcalloc_n(m->off[cat->nnodes], sizeof *m->v);
	pos = xcalloc_n(cat->nnodes, sizeof *pos);
	memcpy(pos, m->off, cat->nnodes * sizeof *pos);
	for (i = 0; i < cat->nreqs; i++)
		for (p = cat->reqs[i]->parent; p != NULL; p = p->parent)
			m->v[pos[p->index]++] = cat->reqs[i];
	free(pos);
}

/* The requirements a row's id stands for: itself, or a group's members. */
static const struct ismc_req *const *
members_of(struct ctx *x, size_t f, const struct ismc_req *const *r,
    size_t *n)
{
	struct members *m = &x->mem[f];

	if (!(*r)->is_group) {
		*n = 1;
		return r;
	}
	if (m->off == NULL)
		build_members(m, x->ir->frameworks[f].catalog);
	*n = m->off[(*r)->index + 1] - m->off[(*r)->index];
	return m->v + m->off[(*r)->index];
}

/* ---- pass 1: links ------------------------------------------------------ */

static void
push_link(struct ctx *x, const struct ismc_gap_link *l)
{
	/* Links and requirements are counted in 32 bits (struct csr): four
	 * billion links would need 256 GB before that. */
	if (x->nlinks == UINT32_MAX)
		ismc_out_of_memory();
	x->links = grow(x->links, x->nlinks, &x->linkcap, 256,
	    sizeof *x->links);
	x->links[x->nlinks++] = *l;
}

/* A no-counterpart row marks its one side, or every member of it. */
static void
expand_nc(struct ctx *x, const struct ismc_ir_crosswalk *cw,
    const struct ismc_ir_maprow *mr)
{
	const struct ismc_req *const *v;
	const struct ismc_req *r = mr->source != NULL ? mr->source :
	    mr->target;
	size_t f = mr->source != NULL ? cw->source : cw->target, i, n, g;

	v = members_of(x, f, &r, &n);
	for (i = 0; i < n; i++) {
		g = gidx(x, f, v[i]);
		if (x->nc_row[g] == NULL) {
			x->nc_set[g] = cw->set;
			x->nc_row[g] = mr->row;
		}
	}
}

static struct xcover *
push_cover(struct ctx *x)
{
	struct xcover *c;

	x->covs = grow(x->covs, x->ncovs, &x->covcap, 64, sizeof *x->covs);
	c = &x->covs[x->ncovs++];
	memset(c, 0, sizeof *c);
	return c;
}

static void
push_covlink(struct ctx *x, const struct xcovlink *cl)
{
	x->cls = grow(x->cls, x->ncls, &x->clcap, 256, sizeof *x->cls);
	x->cls[x->ncls++] = *cl;
}

/*
 * What each member of a covering row is to its target, where set algebra
 * says anything: in an `equal` set every member lies inside the target
 * (inside it strictly when a residual is stated); a lone member of a
 * `superset` row with a residual overlaps it (it contains the target but
 * the residual, and the residual is what no member meets). A `superset`
 * set says nothing of any one member: NONE.
 */
static unsigned
member_rel(const struct ismc_ir_maprow *mr)
{
	bool res = ismc_mapping_row_residual(mr->row) != NULL;

	if (mr->row->rel == ISMC_REL_EQUAL)
		return res ? ISMC_RCC5_PP : ISMC_RCC5_PP | ISMC_RCC5_EQ;
	if (mr->nmembers == 1 && res)
		return ISMC_RCC5_PO;
	return ISMC_RCC5_NONE;
}

/* The links a covering row gives its members, one per member leaf and
 * target leaf; relations that may be "not related" give none. */
static void
member_links(struct ctx *x, const struct ismc_ir_crosswalk *cw,
    const struct ismc_ir_maprow *mr)
{
	const struct ismc_req *const *va, *const *vb;
	const struct ismc_req *ra, *rb = mr->target;
	unsigned base = member_rel(mr), rel;
	struct ismc_gap_link l;
	size_t k, i, j, na, nb;

	if (base == ISMC_RCC5_NONE)
		return;
	vb = members_of(x, cw->target, &rb, &nb);
	for (k = 0; k < mr->nmembers; k++) {
		ra = mr->members[k];
		rel = base;
		if (ra->is_group)
			rel = ismc_rcc5_compose(ISMC_RCC5_PP, rel);
		if (rb->is_group)
			rel = ismc_rcc5_compose(rel, ISMC_RCC5_PPI);
		if (rel & ISMC_RCC5_DR)
			continue;
		va = members_of(x, cw->source, &ra, &na);
		memset(&l, 0, sizeof l);
		l.set = cw->set;
		l.row = mr->row;
		l.member = true;
		l.group_a = ra->is_group ? ra : NULL;
		l.group_b = rb->is_group ? rb : NULL;
		l.rel = rel;
		for (i = 0; i < na; i++) {
			for (j = 0; j < nb; j++) {
				l.a = va[i];
				l.b = vb[j];
				l.ga = gidx(x, cw->source, l.a);
				l.gb = gidx(x, cw->target, l.b);
				push_link(x, &l);
			}
		}
	}
}

/*
 * A covering row: its members (groups stand for the requirements under
 * them, each counted once) and, for each requirement of its target (a
 * group stands for each under it: the union contains the group, which
 * contains each), one pair to look up from that requirement.
 */
static void
expand_cover(struct ctx *x, const struct ismc_ir_crosswalk *cw,
    const struct ismc_ir_maprow *mr)
{
	const struct ismc_req *const *v;
	const struct ismc_req *r, *rb = mr->target;
	struct xcovlink cl;
	struct xcover *c;
	size_t k, i, n, g, cap = 0;

	c = push_cover(x);
	c->cw = cw;
	c->mr = mr;
	c->rel = ismc_rcc5_from_rel(mr->row->rel);
	for (k = 0; k < mr->nmembers; k++) {
		r = mr->members[k];
		v = members_of(x, cw->source, &r, &n);
		for (i = 0; i < n; i++) {
			g = gidx(x, cw->source, v[i]);
			if (x->mark[g] == x->ncovs)
				continue;
			x->mark[g] = x->ncovs;
			c->m = grow(c->m, c->nm, &cap, 8, sizeof *c->m);
			c->m[c->nm++] = g;
		}
	}
	memset(&cl, 0, sizeof cl);
	cl.cov = x->ncovs - 1;
	cl.group = rb->is_group ? rb : NULL;
	cl.rel = rb->is_group ? ismc_rcc5_compose(c->rel, ISMC_RCC5_PPI) :
	    c->rel;
	v = members_of(x, cw->target, &rb, &n);
	for (i = 0; i < n; i++) {
		cl.t = gidx(x, cw->target, v[i]);
		push_covlink(x, &cl);
	}
	member_links(x, cw, mr);
}

/* The covering rows of each requirement, in load order. */
static void
index_covers(struct ctx *x)
{
	size_t *pos, i;

	x->cl_off = xcalloc_n(x->n + 1, sizeof *x->cl_off);
	for (i = 0; i < x->ncls; i++)
		x->cl_off[x->cls[i].t + 1]++;
	for (i = 0; i < x->n; i++)
		x->cl_off[i + 1] += x->cl_off[i];
	x->cl_idx = xcalloc_n(x->ncls, sizeof *x->cl_idx);
	pos = xcalloc_n(x->n, sizeof *pos);
	memcpy(pos, x->cl_off, x->n * sizeof *pos);
	for (i = 0; i < x->ncls; i++)
		x->cl_idx[pos[x->cls[i].t]++] = i;
	free(pos);
	/* mark served as a scratch stamp: the analysis needs it clean. */
	memset(x->mark, 0, x->n * sizeof *x->mark);
}

/*
 * A row naming a group stands for each requirement under it. A member
 * lies inside its group, so "s REL G" gives s REL∘PPi m for a member m of
 * G, and "G REL t" gives m PP∘REL t: "A.5.1 superset 5" still makes
 * A.5.1 a superset of each requirement of chapter 5, while "A.5.1
 * subset 5" says nothing about any one of them.
 */
static void
expand_row(struct ctx *x, const struct ismc_ir_crosswalk *cw,
    const struct ismc_ir_maprow *mr)
{
	const struct ismc_req *const *va, *const *vb;
	const struct ismc_req *ra = mr->source, *rb = mr->target;
	size_t fs = cw->source, ft = cw->target;
	struct ismc_gap_link l;
	size_t i, j, na, nb;
	unsigned rel;

	if (mr->row->rel == ISMC_REL_NO_COUNTERPART) {
		expand_nc(x, cw, mr);
		return;
	}
	if (mr->members != NULL) {
		expand_cover(x, cw, mr);
		return;
	}
	rel = ismc_rcc5_from_rel(mr->row->rel);
	if (ra->is_group)
		rel = ismc_rcc5_compose(ISMC_RCC5_PP, rel);
	if (rb->is_group)
		rel = ismc_rcc5_compose(rel, ISMC_RCC5_PPI);
	va = members_of(x, fs, &ra, &na);
	vb = members_of(x, ft, &rb, &nb);
	memset(&l, 0, sizeof l);
	l.set = cw->set;
	l.row = mr->row;
	l.group_a = ra->is_group ? ra : NULL;
	l.group_b = rb->is_group ? rb : NULL;
	l.rel = rel;
	for (i = 0; i < na; i++) {
		for (j = 0; j < nb; j++) {
			l.a = va[i];
			l.b = vb[j];
			l.ga = gidx(x, fs, l.a);
			l.gb = gidx(x, ft, l.b);
			if (l.ga != l.gb)
				push_link(x, &l);
		}
	}
}

/* Sema resolved the rows (ir->crosswalks); here they become links. */
static void
expand_crosswalks(struct ctx *x)
{
	const struct ismc_ir_crosswalk *cw;
	struct ismc_gap *g = x->gap;
	size_t i, j;

	for (i = 0; i < x->ir->ncrosswalks; i++) {
		cw = &x->ir->crosswalks[i];
		g->nsets++;
		g->fws[cw->target].nsets_in++;
		g->nrows += cw->nrows + cw->nrows_bad;
		g->nrows_bad += cw->nrows_bad;
		for (j = 0; j < cw->nrows; j++)
			expand_row(x, cw, &cw->rows[j]);
	}
	g->nsets_skipped = x->ir->nmapping_sets - x->ir->ncrosswalks;
}

/* ---- pass 2: adjacency -------------------------------------------------- */

static void
csr_put(struct csr *c, size_t *pos, size_t g, size_t link, size_t other)
{
	c->link[pos[g]] = (uint32_t)link;
	c->end[pos[g]++] = (uint32_t)other;
}

/*
 * The links of each requirement, in link order so every later walk is
 * deterministic. With `decided_only`, a link is listed at one end only
 * when its other end has a decision: the links a chain may start from.
 */
static void
build_csr(struct ctx *x, bool decided_only, struct csr *c)
{
	const struct ismc_gap_link *l;
	size_t *pos, i;

	c->off = xcalloc_n(x->n + 1, sizeof *c->off);
	for (i = 0; i < x->nlinks; i++) {
		l = &x->links[i];
		if (!decided_only || x->decided[l->gb])
			c->off[l->ga + 1]++;
		if (!decided_only || x->decided[l->ga])
			c->off[l->gb + 1]++;
	}
	for (i = 0; i < x->n; i++)
		c->off[i + 1] += c->off[i];
	c->link = xcalloc_n(c->off[x->n], sizeof *c->link);
	c->end = xcalloc_n(c->off[x->n], sizeof *c->end);
	pos = xcalloc_n(x->n, sizeof *pos);
	memcpy(pos, c->off, x->n * sizeof *pos);
	for (i = 0; i < x->nlinks; i++) {
		l = &x->links[i];
		if (!decided_only || x->decided[l->gb])
			csr_put(c, pos, l->ga, i, l->gb);
		if (!decided_only || x->decided[l->ga])
			csr_put(c, pos, l->gb, i, l->ga);
	}
	free(pos);
}

struct by_fw {
	size_t			 fw, link, end;
};

static int
by_fw_cmp(const void *pa, const void *pb)
{
	const struct by_fw *a = pa, *b = pb;

	if (a->fw != b->fw)
		return a->fw < b->fw ? -1 : 1;
	return a->link < b->link ? -1 : a->link > b->link;
}

/*
 * Orders each requirement's decided links by the framework of their other
 * end, so a chain walk can jump over the ends in the target's framework
 * (which no chain may use) instead of visiting each: in a crosswalk whose
 * rows all leave one decided hub, those are nearly all of them.
 */
static void
sort_by_fw(struct ctx *x, struct csr *c)
{
	struct by_fw *v = NULL;
	size_t g, i, n, cap = 0;

	for (g = 0; g < x->n; g++) {
		n = c->off[g + 1] - c->off[g];
		if (n < 2)
			continue;
		if (n > cap) {
			cap = n;
			v = ismc_xreallocarray(v, cap, sizeof *v);
		}
		for (i = 0; i < n; i++) {
			v[i].end = c->end[c->off[g] + i];
			v[i].link = c->link[c->off[g] + i];
			v[i].fw = x->fwof[v[i].end];
		}
		qsort(v, n, sizeof *v, by_fw_cmp);
		for (i = 0; i < n; i++) {
			c->end[c->off[g] + i] = (uint32_t)v[i].end;
			c->link[c->off[g] + i] = (uint32_t)v[i].link;
		}
	}
	free(v);
}

/* The first position in [lo, hi) of dec whose end lies in a framework
 * after f. */
static size_t
skip_fw(const struct ctx *x, size_t lo, size_t hi, size_t f)
{
	size_t mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (x->fwof[x->dec.end[mid]] <= f)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Hands the links to the result, where reaches point at them: the heap
 * vector, cut to its length, is kept for the compilation's life rather
 * than copied into the arena (both would be alive at once, 64 bytes a
 * row more at the peak of a large crosswalk).
 */
static void
keep_links(struct ctx *x)
{
	struct ismc_gap *g = x->gap;
	size_t i;

	g->nlinks = x->nlinks;
	if (x->nlinks == 0) {
		g->links = ISMC_NEW_ARRAY(x->arena, struct ismc_gap_link, 1);
	} else {
		g->links = ismc_xreallocarray(x->links, x->nlinks,
		    sizeof *g->links);
		ismc_compilation_keep(x->comp, free, g->links);
	}
	x->links = g->links;
	x->linkcap = 0;
	for (i = 0; i < x->nlinks; i++) {
		g->fws[x->fwof[x->links[i].ga]].nlinks++;
		if (x->fwof[x->links[i].gb] != x->fwof[x->links[i].ga])
			g->fws[x->fwof[x->links[i].gb]].nlinks++;
	}
}

/* ---- pass 3: reaches and status ----------------------------------------- */

/* The other end of link l from requirement g, and the relation other -> g;
 * *back says whether that reads the row from its target. */
static size_t
other_end(const struct ismc_gap_link *l, size_t g, unsigned *rel, bool *back)
{
	if (l->gb == g) {
		*rel = l->rel;
		*back = false;
		return l->ga;
	}
	*rel = ismc_rcc5_converse(l->rel);
	*back = true;
	return l->gb;
}

/* The strict rule: what a relation gives once the control is implemented.
 * Anything that may be disjoint gives nothing; only equal or superset,
 * and nothing else possible, gives all of the requirement. */
static enum ismc_cov
capacity(unsigned rel)
{
	if (rel == ISMC_RCC5_NONE || (rel & ISMC_RCC5_DR))
		return ISMC_COV_GAP;
	if ((rel & ~(ISMC_RCC5_EQ | ISMC_RCC5_PPI)) == 0)
		return ISMC_COV_FULL;
	return ISMC_COV_PARTIAL;
}

/* Excluded, planned, not implemented and unset controls never count. */
static enum ismc_cov
contribution(enum ismc_cov cap, const struct ismc_ir_control *c)
{
	if (c->applicability == ISMC_EXCLUDED || cap == ISMC_COV_GAP)
		return ISMC_COV_GAP;
	if (c->status == ISMC_STATUS_IMPLEMENTED)
		return cap;
	if (c->status == ISMC_STATUS_PARTIAL)
		return ISMC_COV_PARTIAL;
	return ISMC_COV_GAP;
}

static struct ismc_gap_reach *
new_reach(struct ctx *x, size_t g, enum ismc_gap_kind kind, unsigned rel)
{
	struct ismc_gap_reach *r;

	x->tmp = grow(x->tmp, x->ntmp, &x->tmpcap, 64, sizeof *x->tmp);
	r = &x->tmp[x->ntmp++];
	memset(r, 0, sizeof *r);
	r->control = ctl(x, g);
	r->framework = x->fwof[g];
	r->kind = kind;
	r->rel = rel;
	return r;
}

/*
 * Whether a decision in framework fc may count for a requirement of
 * framework ft: a framework bound to one legal entity (`entity`) speaks
 * for that entity only; one bound to none speaks for the whole ISMS.
 */
static bool
compat(const struct ctx *x, size_t fc, size_t ft)
{
	const char *ec = x->ir->frameworks[fc].entity;
	const char *et = x->ir->frameworks[ft].entity;

	return ec == NULL || (et != NULL && strcmp(ec, et) == 0);
}

/* Published rows, read either way: a converse says the same thing. */
static void
collect_direct(struct ctx *x, size_t ft, size_t t)
{
	const struct ismc_gap_link *l;
	struct ismc_gap_reach *r;
	bool back, group;
	size_t i, c;
	unsigned rel;

	for (i = x->all.off[t]; i < x->all.off[t + 1]; i++) {
		c = x->all.end[i];
		if (x->fwof[c] == ft || !x->decided[c] ||
		    !compat(x, x->fwof[c], ft))
			continue;
		l = &x->links[x->all.link[i]];
		(void)other_end(l, t, &rel, &back);
		group = l->group_a != NULL || l->group_b != NULL;
		r = new_reach(x, c, group ? ISMC_GAP_GROUP : ISMC_GAP_DIRECT,
		    rel);
		r->strength = l->row->strength;
		r->rationale = l->row->rationale;
		r->link[0] = l;
		r->backwards[0] = back;
		/* Only a row between the two themselves sets chains aside. */
		if (!group)
			x->stamp[c] = t + 1;
	}
}

/* The weaker of two rows: an unknown strength is the weakest. */
static void
weaker(struct ismc_gap_reach *r, const struct ismc_mapping_row *r0,
    const struct ismc_mapping_row *r1)
{
	const struct ismc_mapping_row *w = r0;

	if (r0->strength != 0 && (r1->strength == 0 ||
	    r1->strength < r0->strength))
		w = r1;
	r->strength = w->strength;
	r->rationale = w->rationale;
}

/*
 * Chains c -> h -> t through a hub h of a third framework. Links that may
 * be disjoint are not followed: every composition with DR contains DR, so
 * they could only ever be indeterminate. A control that a row already
 * relates to t is not chained either: the published row says more.
 */
static void
collect_chains(struct ctx *x, size_t ft, size_t t)
{
	const struct ismc_gap_link *l1, *l2;
	struct ismc_gap_reach *r;
	size_t i, j, h, c, fh;
	unsigned rht, rch;
	bool bht, bch;

	for (i = x->all.off[t]; i < x->all.off[t + 1]; i++) {
		h = x->all.end[i];
		fh = x->fwof[h];
		if (fh == ft || x->dec.off[h] == x->dec.off[h + 1])
			continue;
		l1 = &x->links[x->all.link[i]];
		(void)other_end(l1, t, &rht, &bht);
		if (rht & ISMC_RCC5_DR)
			continue;
		for (j = x->dec.off[h]; j < x->dec.off[h + 1]; j++) {
			c = x->dec.end[j];
			if (x->fwof[c] == ft || x->fwof[c] == fh) {
				j = skip_fw(x, j, x->dec.off[h + 1],
				    x->fwof[c]) - 1;
				continue;
			}
			l2 = &x->links[x->dec.link[j]];
			(void)other_end(l2, h, &rch, &bch);
			if ((rch & ISMC_RCC5_DR) || !compat(x, x->fwof[c], ft))
				continue;
			r = new_reach(x, c, ISMC_GAP_CHAIN,
			    ismc_rcc5_compose(rch, rht));
			/* Kept for explain; a published row says more. */
			r->superseded = x->stamp[c] == t + 1;
			r->link[0] = l2;
			r->link[1] = l1;
			r->backwards[0] = bch;
			r->backwards[1] = bht;
			r->hub = l1->ga == h ? l1->a : l1->b;
			weaker(r, l2->row, l1->row);
		}
	}
}

static int
cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;

	return x < y ? -1 : x > y;
}

/* SELF first, then by control (framework order, catalog order), most
 * direct first, then by the links, which are in load order. */
static int
reach_cmp(const void *pa, const void *pb)
{
	const struct ismc_gap_reach *a = pa, *b = pb;
	int c;

	if ((a->kind == ISMC_GAP_SELF) != (b->kind == ISMC_GAP_SELF))
		return a->kind == ISMC_GAP_SELF ? -1 : 1;
	if (a->framework != b->framework)
		return a->framework < b->framework ? -1 : 1;
	if (a->control->req->req_index != b->control->req->req_index)
		return a->control->req->req_index <
		    b->control->req->req_index ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if ((c = cmp_ptr(a->link[0], b->link[0])) != 0)
		return c;
	return cmp_ptr(a->link[1], b->link[1]);
}

/*
 * A row between the control and the requirement themselves sets the
 * control's other reaches (through a group, through a hub) aside: the
 * publisher judged that pair. Otherwise every reach counts, and a group
 * row that gives nothing does not hide a chain that gives more.
 */
static void
mark_superseded(struct ismc_gap_reach *v, size_t n)
{
	size_t i, j, k;
	bool direct;

	for (i = 0; i < n; i = j) {
		direct = false;
		for (j = i; j < n && v[j].control == v[i].control; j++)
			direct |= v[j].kind == ISMC_GAP_DIRECT;
		for (k = i; direct && k < j; k++)
			if (v[k].kind == ISMC_GAP_GROUP ||
			    v[k].kind == ISMC_GAP_CHAIN)
				v[k].superseded = true;
	}
}

static void
rate_reaches(struct ismc_gap_reach *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		v[i].capacity = capacity(v[i].rel);
		v[i].contribution = v[i].superseded ? ISMC_COV_GAP :
		    contribution(v[i].capacity, v[i].control);
	}
}

/* Whether b explains a status better than a. */
static bool
better(const struct ismc_gap_reach *a, const struct ismc_gap_reach *b)
{
	if (b->contribution != a->contribution)
		return b->contribution > a->contribution;
	if (b->capacity != a->capacity)
		return b->capacity > a->capacity;
	if (b->kind != a->kind)
		return b->kind < a->kind;
	return b->strength > a->strength;
}

static const struct ismc_gap_reach *
best_reach(const struct ismc_gap_reach *v, size_t n)
{
	const struct ismc_gap_reach *best = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		if (!v[i].superseded && (best == NULL || better(best, &v[i])))
			best = &v[i];
	if (best != NULL && best->capacity == ISMC_COV_GAP)
		return NULL;
	return best;
}

/*
 * Whether reach r makes its control one of the requirement's mapped
 * controls under the all-mapped policy: a published row, not a chain, and
 * the most direct one, so that "c not-related r" is not undone by a row
 * naming r's group.
 */
bool
ismc_gap_is_mapped(const struct ismc_gap_reach *r)
{
	return (r->kind == ISMC_GAP_DIRECT || r->kind == ISMC_GAP_GROUP) &&
	    !r->superseded && r->link[0]->row->rel != ISMC_REL_NOT_RELATED;
}

bool
ismc_gap_counts_implemented(const struct ismc_ir_control *c)
{
	return c->applicability != ISMC_EXCLUDED &&
	    c->status == ISMC_STATUS_IMPLEMENTED;
}

/* ---- covering rows -------------------------------------------------- */

static enum ismc_gap_mstate
mstate_of(const struct ismc_ir_control *c)
{
	if (c->applicability == ISMC_EXCLUDED)
		return ISMC_GAP_M_OPEN;
	if (c->status == ISMC_STATUS_IMPLEMENTED)
		return ISMC_GAP_M_MET;
	if (c->status == ISMC_STATUS_PARTIAL)
		return ISMC_GAP_M_PARTIAL;
	return ISMC_GAP_M_OPEN;
}

/*
 * A member is met by its own SoA row, or by a decided control that
 * contains it (equal or superset, read off a row between the two): a
 * covering set {H, ...} with C containing H gives {C, ...}. Such a
 * control is neither in the target's framework nor bound to another
 * entity. An excluded member stays excluded: the organisation says it
 * does not apply, so the set as written cannot be complete.
 */
static void
eval_member(struct ctx *x, size_t g, size_t ft, struct ismc_gap_member *m)
{
	const struct ismc_ir_control *own = ctl(x, g), *c;
	const struct ismc_gap_link *l;
	enum ismc_gap_mstate st;
	size_t i, e;
	unsigned rel;
	bool back;

	memset(m, 0, sizeof *m);
	m->req = own->req;
	m->control = own;
	m->framework = x->fwof[g];
	m->state = ISMC_GAP_M_OPEN;
	if (own->applicability == ISMC_EXCLUDED) {
		m->state = ISMC_GAP_M_EXCLUDED;
		return;
	}
	if (compat(x, x->fwof[g], ft) &&
	    (st = mstate_of(own)) != ISMC_GAP_M_OPEN) {
		m->state = st;
		m->by = own;
	}
	for (i = x->all.off[g]; i < x->all.off[g + 1] &&
	    m->state != ISMC_GAP_M_MET; i++) {
		e = x->all.end[i];
		if (x->fwof[e] == ft || !x->decided[e] ||
		    !compat(x, x->fwof[e], ft))
			continue;
		l = &x->links[x->all.link[i]];
		(void)other_end(l, g, &rel, &back);
		c = ctl(x, e);
		if (capacity(rel) != ISMC_COV_FULL ||
		    (st = mstate_of(c)) <= m->state)
			continue;
		m->state = st;
		m->by = c;
		m->via = l;
	}
}

/* The row's members as framework ft sees them; evaluated once each. */
static const struct mcache *
members_for(struct ctx *x, struct xcover *c, size_t ft)
{
	struct mcache *mc;
	size_t i;

	for (i = 0; i < c->ncache; i++)
		if (c->cache[i].fw == ft)
			return &c->cache[i];
	c->cache = ismc_xreallocarray(c->cache, c->ncache + 1,
	    sizeof *c->cache);
	mc = &c->cache[c->ncache++];
	memset(mc, 0, sizeof *mc);
	mc->fw = ft;
	mc->v = ISMC_NEW_ARRAY(x->arena, struct ismc_gap_member,
	    c->nm != 0 ? c->nm : 1);
	for (i = 0; i < c->nm; i++) {
		eval_member(x, c->m[i], ft, &mc->v[i]);
		mc->nmet += mc->v[i].state == ISMC_GAP_M_MET;
		mc->npartial += mc->v[i].state == ISMC_GAP_M_PARTIAL;
		mc->nexcluded += mc->v[i].state == ISMC_GAP_M_EXCLUDED;
	}
	return mc;
}

/* A residual is closed by the requirement's own SoA row or by a measure
 * that `closes` it, once implemented; partly, by a partial one. */
static enum ismc_gap_residual
residual_state(struct ctx *x, size_t g, const struct ismc_ir_measure **by)
{
	const struct ismc_ir_control *own = ctl(x, g);
	enum ismc_gap_residual st = ISMC_GAP_RES_OPEN, s;
	size_t i;

	*by = NULL;
	if (own->applicability != ISMC_EXCLUDED) {
		if (own->status == ISMC_STATUS_IMPLEMENTED)
			return ISMC_GAP_RES_CLOSED;
		if (own->status == ISMC_STATUS_PARTIAL)
			st = ISMC_GAP_RES_PARTIAL;
	}
	for (i = 0; i < own->nclosers; i++) {
		s = own->closers[i]->status == ISMC_STATUS_IMPLEMENTED ?
		    ISMC_GAP_RES_CLOSED : own->closers[i]->status ==
		    ISMC_STATUS_PARTIAL ? ISMC_GAP_RES_PARTIAL :
		    ISMC_GAP_RES_OPEN;
		if (s > st || (s == st && *by == NULL && s != ISMC_GAP_RES_OPEN)) {
			st = s;
			*by = own->closers[i];
		}
	}
	return st;
}

/*
 * What a cover gives under the strict rule: its capacity once every
 * member is implemented and the residual closed; partial when some member
 * is met or partly met, or the residual is; nothing otherwise. An
 * excluded member or an open residual keeps it from full.
 */
static void
rate_cover(struct ismc_gap_cover *c)
{
	bool res = c->residual_state != ISMC_GAP_RES_NONE;
	double got, of;

	c->capacity = capacity(c->rel);
	got = (double)c->nmet + 0.5 * (double)c->npartial;
	of = (double)c->nmembers;
	if (res) {
		got += c->residual_state == ISMC_GAP_RES_CLOSED ? 1.0 :
		    c->residual_state == ISMC_GAP_RES_PARTIAL ? 0.5 : 0.0;
		of += 1.0;
	}
	c->fraction = of > 0 ? got / of : 0.0;
	if (c->capacity == ISMC_COV_GAP)
		c->contribution = ISMC_COV_GAP;
	else if (c->nexcluded == 0 && c->nmet == c->nmembers &&
	    (!res || c->residual_state == ISMC_GAP_RES_CLOSED))
		c->contribution = c->capacity;
	else if (got > 0)
		c->contribution = ISMC_COV_PARTIAL;
	else
		c->contribution = ISMC_COV_GAP;
}

static struct ismc_gap_cover *
new_cover(struct ctx *x)
{
	struct ismc_gap_cover *c;

	x->ctmp = grow(x->ctmp, x->nctmp, &x->ctmpcap, 16, sizeof *x->ctmp);
	c = &x->ctmp[x->nctmp++];
	memset(c, 0, sizeof *c);
	return c;
}

/* The weaker of two strengths: an unknown one (0) is the weakest. */
static const struct ismc_mapping_row *
weaker_row(const struct ismc_mapping_row *r0,
    const struct ismc_mapping_row *r1)
{
	if (r0->strength != 0 && (r1->strength == 0 ||
	    r1->strength < r0->strength))
		return r1;
	return r0;
}

/* Cover link cl applied to requirement t, directly (hub NONE) or through
 * hub requirement h's link l, giving relation `rel`. */
static void
add_cover(struct ctx *x, const struct xcovlink *cl, size_t t, size_t ft,
    size_t h, const struct ismc_gap_link *l, bool back, unsigned rel)
{
	struct xcover *xc = &x->covs[cl->cov];
	const struct ismc_mapping_row *row = xc->mr->row, *w;
	const struct mcache *mc = members_for(x, xc, ft);
	struct ismc_gap_cover *c = new_cover(x);

	c->set = xc->cw->set;
	c->row = row;
	c->group = cl->group;
	c->rel = rel;
	c->members = mc->v;
	c->nmembers = xc->nm;
	c->nmet = mc->nmet;
	c->npartial = mc->npartial;
	c->nexcluded = mc->nexcluded;
	c->strength = row->strength;
	c->rationale = row->rationale;
	if (h != NONE) {
		c->hub = ctl(x, h)->req;
		c->link = l;
		c->backwards = back;
		w = weaker_row(row, l->row);
		c->strength = w->strength;
		c->rationale = w->rationale;
	}
	if ((c->residual = ismc_mapping_row_residual(row)) != NULL) {
		c->residual_of = ctl(x, h != NONE ? h : t)->req;
		c->residual_state = residual_state(x, h != NONE ? h : t,
		    &c->closer);
	}
	rate_cover(c);
}

/*
 * The covering rows of requirement t: those whose target is t (or a group
 * holding it), then, through a hub h of a third framework, those covering
 * h when h relates to t: a set containing h contains whatever h contains
 * ({S..} superset H, H superset T gives {S..} superset T), with the
 * residual carried over; a relation that may be "not related" gives none.
 */
static void
collect_covers(struct ctx *x, size_t ft, size_t t)
{
	const struct ismc_gap_link *l;
	const struct xcovlink *cl;
	size_t i, j, h;
	unsigned rht, rel;
	bool bht;

	x->nctmp = 0;
	for (i = x->cl_off[t]; i < x->cl_off[t + 1]; i++) {
		cl = &x->cls[x->cl_idx[i]];
		add_cover(x, cl, t, ft, NONE, NULL, false, cl->rel);
	}
	for (i = x->all.off[t]; i < x->all.off[t + 1]; i++) {
		h = x->all.end[i];
		if (x->fwof[h] == ft || x->cl_off[h] == x->cl_off[h + 1])
			continue;
		l = &x->links[x->all.link[i]];
		(void)other_end(l, t, &rht, &bht);
		if (rht & ISMC_RCC5_DR)
			continue;
		for (j = x->cl_off[h]; j < x->cl_off[h + 1]; j++) {
			cl = &x->cls[x->cl_idx[j]];
			if (x->covs[cl->cov].cw->source == ft)
				continue;
			rel = ismc_rcc5_compose(cl->rel, rht);
			if (rel & ISMC_RCC5_DR)
				continue;
			add_cover(x, cl, t, ft, h, l, bht, rel);
		}
	}
}

/* Whether cover b tells more than a. */
static bool
better_cover(const struct ismc_gap_cover *a, const struct ismc_gap_cover *b)
{
	double ca = a->fraction * (a->strength ? a->strength : 1);
	double cb = b->fraction * (b->strength ? b->strength : 1);

	if (b->contribution != a->contribution)
		return b->contribution > a->contribution;
	if (b->capacity != a->capacity)
		return b->capacity > a->capacity;
	if (cb != ca)
		return cb > ca;
	return (b->hub == NULL) && (a->hub != NULL);
}

/* ---- status ------------------------------------------------------------ */

/*
 * Distinct controls on published rows and covering sets of the
 * requirement (under all-mapped, its mapped controls), and how many are
 * implemented or partly implemented. Only controls with a decision count:
 * an undecided one is not in the SoA yet.
 */
static void
count_mapped(struct ctx *x, size_t t, struct ismc_gap_req *q)
{
	const struct ismc_ir_control *c;
	const struct ismc_gap_member *m;
	size_t i, j, g;

	q->nmapped = q->nmapped_impl = q->nmapped_partial = 0;
	for (i = 0; i < q->nreaches; i++) {
		if (!ismc_gap_is_mapped(&q->reaches[i]))
			continue;
		c = q->reaches[i].control;
		g = x->base[q->reaches[i].framework] + c->req->req_index;
		if (x->mark[g] == t + 1)
			continue;
		x->mark[g] = t + 1;
		q->nmapped++;
		q->nmapped_impl += ismc_gap_counts_implemented(c);
		q->nmapped_partial += c->applicability != ISMC_EXCLUDED &&
		    c->status == ISMC_STATUS_PARTIAL;
	}
	for (i = 0; i < q->ncovers; i++) {
		if (q->covers[i].hub != NULL)
			continue;	/* all-mapped reads published rows */
		for (j = 0; j < q->covers[i].nmembers; j++) {
			m = &q->covers[i].members[j];
			c = m->control;
			g = x->base[m->framework] + c->req->req_index;
			if (!x->decided[g] || x->mark[g] == t + 1)
				continue;
			x->mark[g] = t + 1;
			q->nmapped++;
			q->nmapped_impl += ismc_gap_counts_implemented(c);
			q->nmapped_partial += c->applicability !=
			    ISMC_EXCLUDED && c->status == ISMC_STATUS_PARTIAL;
		}
	}
}

static enum ismc_cov
status_strict(const struct ismc_gap_req *q)
{
	enum ismc_cov s = ISMC_COV_GAP;
	size_t i;

	for (i = 0; i < q->nreaches; i++)
		if (q->reaches[i].contribution > s)
			s = q->reaches[i].contribution;
	for (i = 0; i < q->ncovers; i++)
		if (q->covers[i].contribution > s)
			s = q->covers[i].contribution;
	return s;
}

/* A residual the requirement's own covering rows leave open. */
static bool
residual_open(const struct ismc_gap_req *q)
{
	size_t i;

	for (i = 0; i < q->ncovers; i++)
		if (q->covers[i].hub == NULL &&
		    q->covers[i].residual_state != ISMC_GAP_RES_NONE &&
		    q->covers[i].residual_state != ISMC_GAP_RES_CLOSED)
			return true;
	return false;
}

/*
 * Every mapped control implemented, and no residual left open: full; some
 * implemented or partly: partial. Never less than the strict rule gives:
 * a requirement set theory proves covered is covered under either policy.
 */
static enum ismc_cov
status_all_mapped(const struct ismc_gap_req *q)
{
	enum ismc_cov s = ISMC_COV_GAP, strict = status_strict(q);

	if (q->nmapped > 0 && q->nmapped_impl == q->nmapped &&
	    !residual_open(q))
		s = ISMC_COV_FULL;
	else if (q->nmapped_impl + q->nmapped_partial > 0)
		s = ISMC_COV_PARTIAL;
	return strict > s ? strict : s;
}

/* ---- the coverage index ---------------------------------------------- */

/* A strength as a share: 1..10 as tenths, unknown as the weakest (1). */
static double
tenths(unsigned strength)
{
	return (double)(strength != 0 ? strength : 1) / 10.0;
}

#define PARTIAL_CAP	0.9	/* a partial requirement never counts more */

/*
 * A requirement's credit in the coverage index (doc/coverage.md, section
 * 9): 1 when full, 0 when a gap; when partial, the most that one piece of
 * evidence shows, its strength in tenths times the share of it in place,
 * capped at 0.9. A reach's share is 1 for an implemented control, 1/2 for
 * a partly implemented one; the requirement's own row counts as strength
 * 10; a cover's share is its fraction; under all-mapped the mapped
 * controls together are one more piece, at the strongest of their rows.
 * It records which evidence gave the credit, for the reports.
 */
static double
credit(const struct ismc_gap *gap, struct ismc_gap_req *q)
{
	const struct ismc_gap_reach *r;
	double best = 0.0, v, share;
	unsigned smax = 0;
	size_t i;

	if (q->status == ISMC_COV_FULL)
		return 1.0;
	if (q->status != ISMC_COV_PARTIAL)
		return 0.0;
	for (i = 0; i < q->nreaches; i++) {
		r = &q->reaches[i];
		if (r->contribution == ISMC_COV_GAP)
			continue;
		share = r->control->status == ISMC_STATUS_IMPLEMENTED ? 1.0 :
		    0.5;
		v = (r->kind == ISMC_GAP_SELF ? 1.0 : tenths(r->strength)) *
		    share;
		if (v > best) {
			best = v;
			q->credit_reach = r;
		}
		if (ismc_gap_is_mapped(r) && r->strength > smax)
			smax = r->strength;
	}
	for (i = 0; i < q->ncovers; i++) {
		if (q->covers[i].contribution == ISMC_COV_GAP)
			continue;
		v = tenths(q->covers[i].strength) * q->covers[i].fraction;
		if (v > best) {
			best = v;
			q->credit_reach = NULL;
			q->credit_cover = &q->covers[i];
		}
		if (q->covers[i].hub == NULL && q->covers[i].strength > smax)
			smax = q->covers[i].strength;
	}
	if (gap->policy == ISMC_GAP_ALL_MAPPED && q->nmapped > 0) {
		v = tenths(smax) * ((double)q->nmapped_impl +
		    0.5 * (double)q->nmapped_partial) / (double)q->nmapped;
		if (v > best) {
			best = v;
			q->credit_reach = NULL;
			q->credit_cover = NULL;
			q->credit_mapped = smax != 0 ? smax : 1;
		}
	}
	return best < PARTIAL_CAP ? best : PARTIAL_CAP;
}

static void
keep_covers(struct ctx *x, struct ismc_gap_req *q)
{
	const struct ismc_gap_cover *best = NULL;
	size_t i;

	q->ncovers = x->nctmp;
	if (x->nctmp == 0)
		return;
	q->covers = ISMC_NEW_ARRAY(x->arena, struct ismc_gap_cover,
	    x->nctmp);
	memcpy(q->covers, x->ctmp, x->nctmp * sizeof *x->ctmp);
	for (i = 0; i < q->ncovers; i++)
		if (best == NULL || better_cover(best, &q->covers[i]))
			best = &q->covers[i];
	/* A cover decides over the best pairwise reach only when it gives
	 * more, or could: the reports then show it. */
	if (best->capacity == ISMC_COV_GAP)
		return;
	if (q->best == NULL || best->contribution > q->best->contribution ||
	    (best->contribution == q->best->contribution &&
	    best->capacity > q->best->capacity))
		q->best_cover = best;
}

static void
analyse_req(struct ctx *x, size_t f, size_t t, struct ismc_gap_req *q)
{
	q->control = ctl(x, t);
	q->req = q->control->req;
	q->nc_set = x->nc_set[t];
	q->nc_row = x->nc_row[t];
	x->ntmp = 0;
	if (x->decided[t])
		(void)new_reach(x, t, ISMC_GAP_SELF, ISMC_RCC5_EQ);
	collect_direct(x, f, t);
	collect_chains(x, f, t);
	/* x->tmp is NULL until a first reach is found: qsort may not be
	 * given a null array, even an empty one. */
	if (x->ntmp > 1)
		qsort(x->tmp, x->ntmp, sizeof *x->tmp, reach_cmp);
	mark_superseded(x->tmp, x->ntmp);
	rate_reaches(x->tmp, x->ntmp);
	q->nreaches = x->ntmp;
	if (x->ntmp > 0) {
		q->reaches = ISMC_NEW_ARRAY(x->arena, struct ismc_gap_reach,
		    x->ntmp);
		memcpy(q->reaches, x->tmp, x->ntmp * sizeof *x->tmp);
	}
	q->best = best_reach(q->reaches, q->nreaches);
	collect_covers(x, f, t);
	keep_covers(x, q);
	count_mapped(x, t, q);
	if (q->control->applicability == ISMC_EXCLUDED)
		q->status = ISMC_COV_EXCLUDED;
	else if (x->gap->policy == ISMC_GAP_ALL_MAPPED)
		q->status = status_all_mapped(q);
	else
		q->status = status_strict(q);
	if (q->status == ISMC_COV_GAP && q->nc_row != NULL)
		q->status = ISMC_COV_NO_COUNTERPART;
	q->credit = credit(x->gap, q);
}

/* ---- pass 4: summaries -------------------------------------------------- */

static void
count_one(struct ismc_gap_count *n, const struct ismc_gap_req *q)
{
	enum ismc_cov s = q->status;

	n->total++;
	n->credit += s != ISMC_COV_EXCLUDED ? q->credit : 0.0;
	switch (s) {
	case ISMC_COV_FULL:
		n->full++;
		break;
	case ISMC_COV_PARTIAL:
		n->partial++;
		break;
	case ISMC_COV_NO_COUNTERPART:
		n->no_counterpart++;
		n->gap++;
		break;
	case ISMC_COV_GAP:
		n->gap++;
		break;
	case ISMC_COV_EXCLUDED:
		n->excluded++;
		break;
	}
}

/* Groups in the order of their first requirement; requirements with no
 * parent share one group of their own. */
static void
summarise(struct ctx *x, struct ismc_gap_fw *gf)
{
	const struct ismc_catalog *cat = gf->fw->catalog;
	const struct ismc_req *top;
	size_t *slot, i, k, root = NONE;

	slot = xcalloc_n(cat->nnodes, sizeof *slot);
	for (i = 0; i < cat->nnodes; i++)
		slot[i] = NONE;
	/* Count first: a catalog has few top-level groups and many
	 * requirements. */
	for (i = 0, k = 0; i < gf->nreqs; i++) {
		top = ismc_req_top_group(gf->reqs[i].req);
		if (top == NULL && root == NONE)
			root = k++;
		else if (top != NULL && slot[top->index] == NONE)
			slot[top->index] = k++;
	}
	for (i = 0; i < cat->nnodes; i++)
		slot[i] = NONE;
	root = NONE;
	gf->groups = ISMC_NEW_ARRAY(x->arena, struct ismc_gap_group,
	    k != 0 ? k : 1);
	for (i = 0; i < gf->nreqs; i++) {
		top = ismc_req_top_group(gf->reqs[i].req);
		k = top != NULL ? slot[top->index] : root;
		if (k == NONE) {
			k = gf->ngroups++;
			gf->groups[k].group = top;
			if (top != NULL)
				slot[top->index] = k;
			else
				root = k;
		}
		gf->reqs[i].group = k;
		count_one(&gf->groups[k].n, &gf->reqs[i]);
		count_one(&gf->n, &gf->reqs[i]);
	}
	free(slot);
}

/* ---- driver ------------------------------------------------------------- */

/* ---- the model the remediation plan reads ------------------------------- */

static void
glist_add(struct glist *l, size_t g)
{
	l->v = grow(l->v, l->n, &l->cap, 8, sizeof *l->v);
	l->v[l->n++] = g;
}

/* The list copied into the scratch arena; the heap one emptied. */
static size_t *
glist_keep(struct ismc_arena *a, struct glist *l, size_t *n)
{
	size_t *v = NULL;

	*n = l->n;
	if (l->n > 0) {
		v = ISMC_NEW_ARRAY(a, size_t, l->n);
		memcpy(v, l->v, l->n * sizeof *v);
	}
	l->n = 0;
	return v;
}

/*
 * Undecided controls a row relates to requirement t, as the analysis
 * would read them once decided: a row between the two sets the control's
 * group rows aside. Each is a single (it would make t full) or, on a
 * published row that is not "not-related", a potential mapped control.
 */
static void
undecided_reaches(struct ctx *x, size_t f, size_t t, struct glist *single,
    struct glist *potential)
{
	const struct ismc_gap_link *l;
	size_t i, j, c;
	unsigned rel;
	bool back, direct, full, mapped;

	x->epoch++;
	for (i = x->all.off[t]; i < x->all.off[t + 1]; i++) {
		c = x->all.end[i];
		if (x->fwof[c] == f || x->decided[c] ||
		    !compat(x, x->fwof[c], f) || x->seen[c] == x->epoch)
			continue;
		x->seen[c] = x->epoch;	/* each control once */
		direct = false;
		for (j = i; j < x->all.off[t + 1]; j++) {
			l = &x->links[x->all.link[j]];
			if (x->all.end[j] == c && l->group_a == NULL &&
			    l->group_b == NULL)
				direct = true;
		}
		full = mapped = false;
		for (j = i; j < x->all.off[t + 1]; j++) {
			l = &x->links[x->all.link[j]];
			if (x->all.end[j] != c || (direct &&
			    (l->group_a != NULL || l->group_b != NULL)))
				continue;
			(void)other_end(l, t, &rel, &back);
			full |= capacity(rel) == ISMC_COV_FULL;
			mapped |= l->row->rel != ISMC_REL_NOT_RELATED;
		}
		if (full)
			glist_add(single, c);
		if (mapped)
			glist_add(potential, c);
	}
}

/* The controls that meet member m for framework f: its own SoA row,
 * then controls containing it; none when it cannot be met. */
static void
model_slot(struct ctx *x, struct ismc_arena *a, size_t f,
    const struct ismc_gap_member *m, struct glist *tmp,
    struct ismc_plan_slot *slot)
{
	const struct ismc_gap_link *l;
	size_t gm = x->base[m->framework] + m->req->req_index, i, e;
	unsigned rel;
	bool back;

	if (compat(x, x->fwof[gm], f))
		glist_add(tmp, gm);
	for (i = x->all.off[gm]; i < x->all.off[gm + 1]; i++) {
		e = x->all.end[i];
		if (x->fwof[e] == f || !compat(x, x->fwof[e], f) ||
		    ctl(x, e)->applicability == ISMC_EXCLUDED)
			continue;
		l = &x->links[x->all.link[i]];
		(void)other_end(l, gm, &rel, &back);
		if (capacity(rel) == ISMC_COV_FULL)
			glist_add(tmp, e);
	}
	slot->c = glist_keep(a, tmp, &slot->n);
}

static size_t
residual_index(size_t t, const struct ismc_gap_cover *c)
{
	if (c->residual == NULL)
		return NONE;
	if (c->hub == NULL)
		return t;
	return c->link->a == c->hub ? c->link->ga : c->link->gb;
}

static void
model_covers(struct ctx *x, struct ismc_arena *a, size_t f, size_t t,
    const struct ismc_gap_req *q, struct ismc_plan_req *pr, struct glist *tmp)
{
	const struct ismc_gap_cover *c;
	struct ismc_plan_cover *pc;
	size_t i, k;

	pr->covers = ISMC_NEW_ARRAY(a, struct ismc_plan_cover,
	    q->ncovers != 0 ? q->ncovers : 1);
	for (i = 0; i < q->ncovers; i++) {
		c = &q->covers[i];
		if (c->hub == NULL && c->residual != NULL)
			pr->needs_residual = true;
		if (c->capacity != ISMC_COV_FULL || c->nexcluded > 0)
			continue;
		pc = &pr->covers[pr->ncovers];
		pc->slots = ISMC_NEW_ARRAY(a, struct ismc_plan_slot,
		    c->nmembers);
		pc->nslots = c->nmembers;
		pc->residual = residual_index(t, c);
		for (k = 0; k < c->nmembers; k++) {
			model_slot(x, a, f, &c->members[k], tmp,
			    &pc->slots[k]);
			if (pc->slots[k].n == 0)
				break;
		}
		if (k == c->nmembers)
			pr->ncovers++;
	}
}

static void
model_mapped(struct ctx *x, const struct ismc_gap_req *q,
    struct ismc_plan_req *pr, struct glist *mapped, struct glist *potential)
{
	const struct ismc_gap_member *m;
	const struct ismc_ir_control *c;
	size_t i, j, g;

	for (i = 0; i < q->nreaches; i++) {
		if (!ismc_gap_is_mapped(&q->reaches[i]))
			continue;
		c = q->reaches[i].control;
		g = x->base[q->reaches[i].framework] + c->req->req_index;
		if (x->seen[g] == x->epoch)
			continue;
		x->seen[g] = x->epoch;
		glist_add(mapped, g);
		pr->mapped_blocked |= c->applicability == ISMC_EXCLUDED;
	}
	for (i = 0; i < q->ncovers; i++) {
		if (q->covers[i].hub != NULL)
			continue;
		for (j = 0; j < q->covers[i].nmembers; j++) {
			m = &q->covers[i].members[j];
			g = x->base[m->framework] + m->req->req_index;
			if (x->seen[g] == x->epoch)
				continue;
			x->seen[g] = x->epoch;
			if (x->decided[g]) {
				glist_add(mapped, g);
				pr->mapped_blocked |= m->control->applicability ==
				    ISMC_EXCLUDED;
			} else {
				glist_add(potential, g);
			}
		}
	}
}

static void
model_req(struct ctx *x, struct ismc_arena *a, size_t f, size_t t,
    const struct ismc_gap_req *q, struct ismc_plan_req *pr)
{
	struct glist *single = &x->gl[0], *mapped = &x->gl[1];
	struct glist *potential = &x->gl[2], *tmp = &x->gl[3];
	const struct ismc_gap_reach *r;
	size_t i, g;

	x->epoch++;
	pr->self = t;
	pr->assessed = q->status != ISMC_COV_EXCLUDED;
	for (i = 0; i < q->nreaches; i++) {
		r = &q->reaches[i];
		if (r->kind == ISMC_GAP_SELF || r->superseded ||
		    r->capacity != ISMC_COV_FULL ||
		    r->control->applicability == ISMC_EXCLUDED)
			continue;
		g = x->base[r->framework] + r->control->req->req_index;
		if (single->n == 0 || single->v[single->n - 1] != g)
			glist_add(single, g);
	}
	model_mapped(x, q, pr, mapped, potential);
	undecided_reaches(x, f, t, single, potential);
	model_covers(x, a, f, t, q, pr, tmp);
	pr->single = glist_keep(a, single, &pr->nsingle);
	pr->mapped = glist_keep(a, mapped, &pr->nmapped);
	pr->potential = glist_keep(a, potential, &pr->npotential);
}

/* What is implemented and closed now, over every framework: once. */
static void
model_state(struct ctx *x, struct ismc_plan_model *m)
{
	const struct ismc_ir_measure *by;
	const struct ismc_ir_control *c;
	size_t g;

	m->n = x->n;
	m->impl = ISMC_NEW_ARRAY(x->arena, bool, x->n ? x->n : 1);
	m->closed = ISMC_NEW_ARRAY(x->arena, bool, x->n ? x->n : 1);
	m->candidate = ISMC_NEW_ARRAY(x->arena, bool, x->n ? x->n : 1);
	m->ctl = ISMC_NEW_ARRAY(x->arena, const struct ismc_ir_control *,
	    x->n ? x->n : 1);
	m->fwof = x->fwof;
	m->all_mapped = x->gap->policy == ISMC_GAP_ALL_MAPPED;
	for (g = 0; g < x->n; g++) {
		c = ctl(x, g);
		m->ctl[g] = c;
		m->impl[g] = ismc_gap_counts_implemented(c);
		m->candidate[g] = c->applicability != ISMC_EXCLUDED;
		m->closed[g] = residual_state(x, g, &by) ==
		    ISMC_GAP_RES_CLOSED;
	}
}

static void
analyse_fw(struct ctx *x, size_t f, struct ismc_plan_model *m)
{
	struct ismc_gap_fw *gf = &x->gap->fws[f];
	struct ismc_arena scratch;
	size_t i;

	gf->nreqs = gf->fw->ncontrols;
	gf->reqs = ISMC_NEW_ARRAY(x->arena, struct ismc_gap_req,
	    gf->nreqs != 0 ? gf->nreqs : 1);
	for (i = 0; i < gf->nreqs; i++)
		analyse_req(x, f, x->base[f] + i, &gf->reqs[i]);
	summarise(x, gf);
	ismc_arena_init(&scratch);
	m->base = x->base[f];
	m->nreqs = gf->nreqs;
	m->reqs = ISMC_NEW_ARRAY(&scratch, struct ismc_plan_req,
	    gf->nreqs != 0 ? gf->nreqs : 1);
	for (i = 0; i < gf->nreqs; i++)
		model_req(x, &scratch, f, x->base[f] + i, &gf->reqs[i],
		    &m->reqs[i]);
	ismc_remediation_plan(x->plans, gf, m);
	ismc_arena_destroy(&scratch);
}

struct ismc_gap *
ismc_gap_analyse(struct ismc_compilation *comp, struct ismc_ir *ir,
    enum ismc_gap_policy policy)
{
	struct ismc_plan_model model;
	struct ctx x;
	size_t f;

	memset(&x, 0, sizeof x);
	x.comp = comp;
	x.ir = ir;
	x.arena = &comp->arena;
	x.gap = ISMC_NEW(x.arena, struct ismc_gap);
	x.gap->policy = policy;
	setup(&x);
	x.gap->nfws = x.nfw;
	x.gap->fws = ISMC_NEW_ARRAY(x.arena, struct ismc_gap_fw,
	    x.nfw != 0 ? x.nfw : 1);
	for (f = 0; f < x.nfw; f++) {
		x.gap->fws[f].fw = &ir->frameworks[f];
		x.gap->fws[f].index = f;
	}
	x.plans = ismc_remediation_new(x.gap, x.arena);
	expand_crosswalks(&x);
	index_covers(&x);
	build_csr(&x, false, &x.all);
	build_csr(&x, true, &x.dec);
	sort_by_fw(&x, &x.dec);
	keep_links(&x);	/* x.links is now the result's */
	memset(&model, 0, sizeof model);
	model_state(&x, &model);
	for (f = 0; f < x.nfw; f++)
		analyse_fw(&x, f, &model);
	x.links = NULL;
	teardown(&x);
	ir->gap = x.gap;
	return x.gap;
}

