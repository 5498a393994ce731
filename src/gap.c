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
#include "catalog.h"
#include "compilation.h"
#include "ir.h"
#include "mapping.h"
#include "rcc5.h"
#include "remediation.h"
#include "xalloc.h"

#define NONE	SIZE_MAX

/* Requirements under each group of one catalog, by node index. */
struct members {
	size_t			*off;		/* nnodes + 1; NULL: unbuilt */
	const struct ismc_req	**v;
};

/* Compressed adjacency: requirement g's links are link[off[g] ..
 * off[g + 1]), end[] holding the other end of each. */
struct csr {
	size_t			*off;
	size_t			*link;
	size_t			*end;
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
	struct ismc_remediation	*plans;		/* scratch of the plans */
	struct ismc_gap_reach	*tmp;		/* reaches of one requirement */
	size_t			 ntmp, tmpcap;
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
	x->fwof = xcalloc_n(x->n, sizeof *x->fwof);
	x->decided = xcalloc_n(x->n, sizeof *x->decided);
	x->nc_set = xcalloc_n(x->n, sizeof *x->nc_set);
	x->nc_row = xcalloc_n(x->n, sizeof *x->nc_row);
	x->stamp = xcalloc_n(x->n, sizeof *x->stamp);
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
	if (x->nlinks == x->linkcap) {
		x->linkcap = x->linkcap != 0 ? x->linkcap * 2 : 256;
		x->links = ismc_xreallocarray(x->links, x->linkcap,
		    sizeof *x->links);
	}
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
	/* Covering rows (a set, or a residual) are not analysed yet: they
	 * give nothing rather than something wrong. */
	if (mr->members != NULL)
		return;
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
	c->link[pos[g]] = link;
	c->end[pos[g]++] = other;
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
			c->end[c->off[g] + i] = v[i].end;
			c->link[c->off[g] + i] = v[i].link;
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

/* Moves the links into the arena, where reaches point at them. */
static void
keep_links(struct ctx *x)
{
	struct ismc_gap *g = x->gap;
	size_t i;

	g->nlinks = x->nlinks;
	g->links = ISMC_NEW_ARRAY(x->arena, struct ismc_gap_link,
	    x->nlinks != 0 ? x->nlinks : 1);
	if (x->nlinks != 0)
		memcpy(g->links, x->links, x->nlinks * sizeof *g->links);
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

	if (x->ntmp == x->tmpcap) {
		x->tmpcap = x->tmpcap != 0 ? x->tmpcap * 2 : 64;
		x->tmp = ismc_xreallocarray(x->tmp, x->tmpcap, sizeof *x->tmp);
	}
	r = &x->tmp[x->ntmp++];
	memset(r, 0, sizeof *r);
	r->control = ctl(x, g);
	r->framework = x->fwof[g];
	r->kind = kind;
	r->rel = rel;
	return r;
}

/* Published rows, read either way: a converse says the same thing. */
static void
collect_direct(struct ctx *x, size_t ft, size_t t)
{
	const struct ismc_gap_link *l;
	struct ismc_gap_reach *r;
	size_t i, c;
	unsigned rel;
	bool back;

	for (i = x->all.off[t]; i < x->all.off[t + 1]; i++) {
		c = x->all.end[i];
		if (x->fwof[c] == ft || !x->decided[c])
			continue;
		l = &x->links[x->all.link[i]];
		(void)other_end(l, t, &rel, &back);
		r = new_reach(x, c, l->group_a != NULL || l->group_b != NULL ?
		    ISMC_GAP_GROUP : ISMC_GAP_DIRECT, rel);
		r->strength = l->row->strength;
		r->rationale = l->row->rationale;
		r->link[0] = l;
		r->backwards[0] = back;
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
			if (x->stamp[c] == t + 1 || (rch & ISMC_RCC5_DR))
				continue;
			r = new_reach(x, c, ISMC_GAP_CHAIN,
			    ismc_rcc5_compose(rch, rht));
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

/* Only the most direct kind of reach of each control counts. */
static void
mark_superseded(struct ismc_gap_reach *v, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && v[j].control == v[i].control; j++)
			if (v[j].kind > v[i].kind)
				v[j].superseded = true;
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

/* Distinct controls on published rows, and how many are implemented;
 * returns how many are at least partly implemented. */
static size_t
count_mapped(struct ismc_gap_req *q)
{
	const struct ismc_ir_control *prev = NULL, *c;
	size_t i, some = 0;

	q->nmapped = q->nmapped_impl = 0;
	for (i = 0; i < q->nreaches; i++) {
		c = q->reaches[i].control;
		if (!ismc_gap_is_mapped(&q->reaches[i]) || c == prev)
			continue;
		prev = c;
		q->nmapped++;
		if (ismc_gap_counts_implemented(c))
			q->nmapped_impl++;
		if (ismc_gap_counts_implemented(c) ||
		    (c->applicability != ISMC_EXCLUDED &&
		    c->status == ISMC_STATUS_PARTIAL))
			some++;
	}
	return some;
}

static enum ismc_cov
status_strict(const struct ismc_gap_req *q)
{
	enum ismc_cov s = ISMC_COV_GAP;
	size_t i;

	for (i = 0; i < q->nreaches; i++)
		if (q->reaches[i].contribution > s)
			s = q->reaches[i].contribution;
	return s;
}

/* Every control on a published row implemented: full; some: partial.
 * The requirement's own SoA row still counts as under the strict rule. */
static enum ismc_cov
status_all_mapped(const struct ismc_gap_req *q, size_t some)
{
	enum ismc_cov s = ISMC_COV_GAP;

	if (q->nmapped > 0 && q->nmapped_impl == q->nmapped)
		s = ISMC_COV_FULL;
	else if (some > 0)
		s = ISMC_COV_PARTIAL;
	if (q->nreaches > 0 && q->reaches[0].kind == ISMC_GAP_SELF &&
	    q->reaches[0].contribution > s)
		s = q->reaches[0].contribution;
	return s;
}

static void
analyse_req(struct ctx *x, size_t f, size_t t, struct ismc_gap_req *q)
{
	size_t some;

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
	some = count_mapped(q);
	if (q->control->applicability == ISMC_EXCLUDED)
		q->status = ISMC_COV_EXCLUDED;
	else if (x->gap->policy == ISMC_GAP_ALL_MAPPED)
		q->status = status_all_mapped(q, some);
	else
		q->status = status_strict(q);
	if (q->status == ISMC_COV_GAP && q->nc_row != NULL)
		q->status = ISMC_COV_NO_COUNTERPART;
}

/* ---- pass 4: summaries -------------------------------------------------- */

static void
count_one(struct ismc_gap_count *n, enum ismc_cov s)
{
	n->total++;
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
		count_one(&gf->groups[k].n, gf->reqs[i].status);
		count_one(&gf->n, gf->reqs[i].status);
	}
	free(slot);
}

/* ---- driver ------------------------------------------------------------- */

static void
analyse_fw(struct ctx *x, size_t f)
{
	struct ismc_gap_fw *gf = &x->gap->fws[f];
	size_t i;

	gf->nreqs = gf->fw->ncontrols;
	gf->reqs = ISMC_NEW_ARRAY(x->arena, struct ismc_gap_req,
	    gf->nreqs != 0 ? gf->nreqs : 1);
	for (i = 0; i < gf->nreqs; i++)
		analyse_req(x, f, x->base[f] + i, &gf->reqs[i]);
	summarise(x, gf);
	ismc_remediation_plan(x->plans, gf);
}

struct ismc_gap *
ismc_gap_analyse(struct ismc_compilation *comp, struct ismc_ir *ir,
    enum ismc_gap_policy policy)
{
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
	build_csr(&x, false, &x.all);
	build_csr(&x, true, &x.dec);
	sort_by_fw(&x, &x.dec);
	keep_links(&x);
	/* From here on reaches point into the arena copy of the links. */
	free(x.links);
	x.links = x.gap->links;
	for (f = 0; f < x.nfw; f++)
		analyse_fw(&x, f);
	x.links = NULL;
	teardown(&x);
	ir->gap = x.gap;
	return x.gap;
}

