/*
 * remediation.c - the remediation plan of one analysed framework: which
 * controls, not yet implemented, would make the most requirements full.
 *
 * A greedy set cover (doc/coverage.md, section 10): pick the control that
 * makes the most requirements full, pretend it implemented, repeat until
 * nothing gains. Gains live in a lazy max-heap and are updated
 * incrementally, so a pick costs its own requirements' reaches.
 */
#include <config.h>

#include "gap-int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "gap.h"
#include "ir.h"
#include "xalloc.h"

#define NONE	SIZE_MAX

/* Scratch shared by the plans of one analysis. */
struct ismc_remediation {
	const struct ismc_gap	*gap;
	struct ismc_arena	*arena;
	size_t			*base;		/* nfws + 1: first global index
						 * of each framework */
	size_t			*cand;		/* per requirement of every
						 * framework: candidate + 1, or
						 * 0; cleared after each plan */
	size_t			*sloc;		/* the same for the model's
						 * controls */
	size_t			*rloc;		/* ... and residuals */
};

static void *
xcalloc_n(size_t n, size_t sz)
{
	return ismc_xcalloc(n != 0 ? n : 1, sz);
}

struct ismc_remediation *
ismc_remediation_new(const struct ismc_gap *gap, struct ismc_arena *arena)
{
	struct ismc_remediation *x = ismc_xcalloc(1, sizeof *x);
	size_t f;

	x->gap = gap;
	x->arena = arena;
	x->base = xcalloc_n(gap->nfws + 1, sizeof *x->base);
	for (f = 0; f < gap->nfws; f++)
		x->base[f + 1] = x->base[f] + gap->fws[f].fw->ncontrols;
	x->cand = xcalloc_n(x->base[gap->nfws], sizeof *x->cand);
	x->sloc = xcalloc_n(x->base[gap->nfws], sizeof *x->sloc);
	x->rloc = xcalloc_n(x->base[gap->nfws], sizeof *x->rloc);
	return x;
}

void
ismc_remediation_free(struct ismc_remediation *x)
{
	if (x == NULL)
		return;
	free(x->base);
	free(x->cand);
	free(x->sloc);
	free(x->rloc);
	free(x);
}

struct cand {
	const struct ismc_ir_control *control;
	size_t			 framework;
	size_t			 g;		/* global index */
	size_t			 gain;
	size_t			 rank;		/* tie-break: natural order */
	bool			 picked;
};

struct heapent {
	size_t			 gain;		/* the gain when pushed */
	size_t			 k;		/* candidate */
};

struct plan {
	struct cand		*c;
	size_t			 nc;
	size_t			*off, *req;	/* requirements each helps */
	bool			*full;		/* per requirement of the fw */
	size_t			*missing;	/* all-mapped: still needed */
	size_t			 nfull;
	struct heapent		*heap;		/* max-heap: gain, then rank */
	size_t			 nheap, heapcap;
};

/* Whether implementing r's control could make its requirement full. */
static bool
helps(const struct ismc_remediation *x, const struct ismc_gap_reach *r)
{
	const struct ismc_ir_control *c = r->control;

	if (r->kind == ISMC_GAP_SELF || r->superseded ||
	    c->applicability == ISMC_EXCLUDED ||
	    c->status == ISMC_STATUS_IMPLEMENTED)
		return false;
	if (x->gap->policy == ISMC_GAP_ALL_MAPPED)
		return ismc_gap_is_mapped(r);
	return r->capacity == ISMC_COV_FULL;
}

static size_t
cand_gidx(const struct ismc_remediation *x, const struct ismc_gap_reach *r)
{
	return x->base[r->framework] + r->control->req->req_index;
}

/* The candidate index of a reach's control, made one if need be. */
static size_t
cand_of(struct ismc_remediation *x, struct plan *p, const struct ismc_gap_reach *r)
{
	size_t g = cand_gidx(x, r);

	if (x->cand[g] == 0) {
		p->c = ismc_xreallocarray(p->c, p->nc + 1, sizeof *p->c);
		memset(&p->c[p->nc], 0, sizeof p->c[p->nc]);
		p->c[p->nc].control = r->control;
		p->c[p->nc].framework = r->framework;
		p->c[p->nc].g = g;
		x->cand[g] = ++p->nc;
	}
	return x->cand[g] - 1;
}

/* Calls back for each (candidate, requirement) pair once. With fill
 * false it counts into p->off, else it fills p->req. */
static void
pairs(struct ismc_remediation *x, const struct ismc_gap_fw *gf, struct plan *p, bool fill,
    size_t *pos)
{
	const struct ismc_gap_req *q;
	const struct ismc_ir_control *prev;
	size_t i, j, k;

	for (i = 0; i < gf->nreqs; i++) {
		q = &gf->reqs[i];
		if (q->status == ISMC_COV_EXCLUDED)
			continue;
		prev = NULL;
		for (j = 0; j < q->nreaches; j++) {
			if (!helps(x, &q->reaches[j]) ||
			    q->reaches[j].control == prev)
				continue;
			prev = q->reaches[j].control;
			k = cand_of(x, p, &q->reaches[j]);
			if (fill)
				p->req[pos[k]++] = i;
			else
				p->off[k + 1]++;
		}
	}
}

/* Would implementing candidate k make requirement i full? */
static bool
would_close(const struct ismc_gap *g, const struct plan *p, size_t i)
{
	if (p->full[i])
		return false;
	return g->policy == ISMC_GAP_STRICT || p->missing[i] == 1;
}

static void
plan_setup(struct ismc_remediation *x, const struct ismc_gap_fw *gf, struct plan *p)
{
	size_t i, k, *pos;

	memset(p, 0, sizeof *p);
	/* Number the candidates first, so off can be sized. */
	for (i = 0; i < gf->nreqs; i++)
		for (k = 0; k < gf->reqs[i].nreaches; k++)
			if (helps(x, &gf->reqs[i].reaches[k]))
				(void)cand_of(x, p, &gf->reqs[i].reaches[k]);
	p->off = xcalloc_n(p->nc + 1, sizeof *p->off);
	pairs(x, gf, p, false, NULL);
	for (k = 0; k < p->nc; k++)
		p->off[k + 1] += p->off[k];
	p->req = xcalloc_n(p->off[p->nc], sizeof *p->req);
	pos = xcalloc_n(p->nc + 1, sizeof *pos);
	memcpy(pos, p->off, p->nc * sizeof *pos);
	pairs(x, gf, p, true, pos);
	free(pos);
	p->full = xcalloc_n(gf->nreqs, sizeof *p->full);
	p->missing = xcalloc_n(gf->nreqs, sizeof *p->missing);
	for (i = 0; i < gf->nreqs; i++) {
		p->full[i] = gf->reqs[i].status == ISMC_COV_FULL;
		p->missing[i] = gf->reqs[i].nmapped - gf->reqs[i].nmapped_impl;
		p->nfull += p->full[i];
	}
	for (k = 0; k < p->nc; k++)
		for (i = p->off[k]; i < p->off[k + 1]; i++)
			p->c[k].gain += would_close(x->gap, p, p->req[i]);
}

static void
plan_free(struct ismc_remediation *x, struct plan *p)
{
	size_t k;

	for (k = 0; k < p->nc; k++)
		x->cand[p->c[k].g] = 0;
	free(p->c);
	free(p->off);
	free(p->req);
	free(p->full);
	free(p->missing);
	free(p->heap);
}

/* Whether heap entry a comes before b: more gain, then natural order. */
static bool
heap_before(const struct plan *p, const struct heapent *a,
    const struct heapent *b)
{
	if (a->gain != b->gain)
		return a->gain > b->gain;
	return p->c[a->k].rank < p->c[b->k].rank;
}

static void
heap_push(struct plan *p, size_t k)
{
	struct heapent e, tmp;
	size_t i, up;

	if (p->nheap == p->heapcap) {
		p->heapcap = p->heapcap != 0 ? p->heapcap * 2 : 64;
		p->heap = ismc_xreallocarray(p->heap, p->heapcap,
		    sizeof *p->heap);
	}
	e.gain = p->c[k].gain;
	e.k = k;
	i = p->nheap++;
	p->heap[i] = e;
	while (i > 0) {
		up = (i - 1) / 2;
		if (!heap_before(p, &p->heap[i], &p->heap[up]))
			break;
		tmp = p->heap[up];
		p->heap[up] = p->heap[i];
		p->heap[i] = tmp;
		i = up;
	}
}

static struct heapent
heap_pop(struct plan *p)
{
	struct heapent top = p->heap[0], tmp;
	size_t i = 0, l, best;

	p->heap[0] = p->heap[--p->nheap];
	for (;;) {
		l = 2 * i + 1;
		best = i;
		if (l < p->nheap && heap_before(p, &p->heap[l], &p->heap[best]))
			best = l;
		if (l + 1 < p->nheap &&
		    heap_before(p, &p->heap[l + 1], &p->heap[best]))
			best = l + 1;
		if (best == i)
			break;
		tmp = p->heap[best];
		p->heap[best] = p->heap[i];
		p->heap[i] = tmp;
		i = best;
	}
	return top;
}

/*
 * The candidate with most gain, ties by control id in natural order, then
 * framework. Entries are lazy: a gain that fell since its push is pushed
 * again at its new value, one that rose has a newer entry of its own.
 */
static size_t
pick(struct plan *p)
{
	struct heapent e;
	const struct cand *c;

	while (p->nheap > 0) {
		e = heap_pop(p);
		c = &p->c[e.k];
		if (c->picked || c->gain == 0 || e.gain < c->gain)
			continue;
		if (e.gain > c->gain) {
			heap_push(p, e.k);
			continue;
		}
		return e.k;
	}
	return NONE;
}

struct rankent {
	const char		*id;
	size_t			 framework;
	size_t			 k;
};

static int
rank_cmp(const void *pa, const void *pb)
{
	const struct rankent *a = pa, *b = pb;
	int c = ismc_natcmp(a->id, b->id);

	if (c != 0)
		return c;
	return a->framework < b->framework ? -1 : a->framework > b->framework;
}

/* Ranks candidates in tie-break order and fills the heap. */
static void
plan_rank(struct plan *p)
{
	struct rankent *v;
	size_t k;

	v = xcalloc_n(p->nc, sizeof *v);
	for (k = 0; k < p->nc; k++) {
		v[k].id = p->c[k].control->req->id;
		v[k].framework = p->c[k].framework;
		v[k].k = k;
	}
	qsort(v, p->nc, sizeof *v, rank_cmp);
	for (k = 0; k < p->nc; k++)
		p->c[v[k].k].rank = k;
	free(v);
	for (k = 0; k < p->nc; k++)
		if (p->c[k].gain > 0)
			heap_push(p, k);
}

/* The candidate index of a reach's control, or NONE. */
static size_t
cand_index(const struct ismc_remediation *x, const struct ismc_gap_reach *r)
{
	size_t s = x->cand[cand_gidx(x, r)];

	return s != 0 ? s - 1 : NONE;
}

/* Requirement i is now full: no other candidate gains it any more. */
static void
lose_gain(struct ismc_remediation *x, const struct ismc_gap_req *q, struct plan *p)
{
	const struct ismc_ir_control *prev = NULL;
	size_t j, k;

	for (j = 0; j < q->nreaches; j++) {
		if (!helps(x, &q->reaches[j]) ||
		    q->reaches[j].control == prev)
			continue;
		prev = q->reaches[j].control;
		k = cand_index(x, &q->reaches[j]);
		if (k != NONE && !p->c[k].picked && p->c[k].gain > 0)
			p->c[k].gain--;
	}
}

/* All-mapped: one control is left; if it is a candidate, it gains i. */
static void
last_one_gains(struct ismc_remediation *x, const struct ismc_gap_req *q, struct plan *p)
{
	const struct ismc_gap_reach *r;
	size_t j, k;

	for (j = 0; j < q->nreaches; j++) {
		r = &q->reaches[j];
		if (!ismc_gap_is_mapped(r) || ismc_gap_counts_implemented(r->control))
			continue;
		k = helps(x, r) ? cand_index(x, r) : NONE;
		if (k != NONE && p->c[k].picked)
			continue;
		if (k != NONE) {
			p->c[k].gain++;
			heap_push(p, k);
		}
		return;
	}
}

static size_t
apply_pick(struct ismc_remediation *x, const struct ismc_gap_fw *gf, struct plan *p,
    size_t k)
{
	size_t i, r, closed = 0;

	p->c[k].picked = true;
	for (i = p->off[k]; i < p->off[k + 1]; i++) {
		r = p->req[i];
		if (x->gap->policy == ISMC_GAP_ALL_MAPPED)
			p->missing[r]--;
		if (p->full[r])
			continue;
		if (x->gap->policy == ISMC_GAP_STRICT || p->missing[r] == 0) {
			p->full[r] = true;
			p->nfull++;
			closed++;
			lose_gain(x, &gf->reqs[r], p);
		} else if (p->missing[r] == 1) {
			last_one_gains(x, &gf->reqs[r], p);
		}
	}
	return closed;
}

/*
 * Phase 1, greedy set cover over single controls: pick the control that
 * makes the most requirements full, pretend it implemented, repeat until
 * nothing gains. Gains are kept up to date incrementally, so a pick costs
 * its own requirements' reaches plus one scan of the candidates. Appends
 * the picks, in order, to `out` (global indices).
 */
static void
greedy_controls(struct ismc_remediation *x, const struct ismc_gap_fw *gf,
    size_t **out, size_t *nout)
{
	struct plan p;
	size_t k, n = 0;

	plan_setup(x, gf, &p);
	plan_rank(&p);
	*out = ismc_xcalloc(p.nc != 0 ? p.nc : 1, sizeof **out);
	while ((k = pick(&p)) != NONE) {
		(*out)[n++] = p.c[k].g;
		(void)apply_pick(x, gf, &p, k);
	}
	*nout = n;
	plan_free(x, &p);
}

/* ---- the model: what makes a requirement full ---------------------------- */

/* One entry of the index "what can this control or residual make full". */
struct pair {
	size_t			 key;		/* control local, or nloc +
						 * residual local */
	size_t			 req;
};

/* The plan's view of the world: the model's state with the steps so far. */
struct sim {
	const struct ismc_plan_model *m;
	bool			*impl;		/* n */
	bool			*closed;	/* n */
	bool			*full;		/* nreqs */
	bool			*left;		/* nreqs: assessed, not full,
						 * not planned for yet */
	size_t			 nfull;
	size_t			*glob;		/* local -> global: controls */
	size_t			 nloc;
	size_t			*rglob;		/* the same for residuals */
	size_t			 nrloc;
	size_t			*off;		/* nloc + nrloc + 1 */
	size_t			*req;		/* requirements of each key */
	size_t			*stamp;		/* nreqs: == epoch once seen */
	size_t			 epoch;
};

/* A step before its gain is known: controls to implement, a residual to
 * close, or the requirement itself. */
struct pstep {
	enum ismc_gap_step_kind	 kind;
	size_t			*c;		/* global indices (heap) */
	size_t			 nc;
	size_t			 residual;	/* global, or NONE */
	size_t			 target;	/* local requirement, or NONE */
};

struct psteps {
	struct pstep		*v;
	size_t			 n, cap;
};

static bool
slot_met(const struct sim *sm, const struct ismc_plan_slot *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (sm->impl[s->c[i]])
			return true;
	return false;
}

static bool
cover_done(const struct sim *sm, const struct ismc_plan_cover *c)
{
	size_t i;

	if (c->residual != NONE && !sm->closed[c->residual])
		return false;
	for (i = 0; i < c->nslots; i++)
		if (!slot_met(sm, &c->slots[i]))
			return false;
	return true;
}

/*
 * The analysis' rules read off the model: the requirement's own row, one
 * control that contains it, a complete covering set with its residual
 * closed, or (all-mapped) every mapped control and its residual.
 */
static bool
is_full(const struct sim *sm, const struct ismc_plan_req *r)
{
	size_t i, n = 0;

	if (sm->impl[r->self])
		return true;
	for (i = 0; i < r->nsingle; i++)
		if (sm->impl[r->single[i]])
			return true;
	for (i = 0; i < r->ncovers; i++)
		if (cover_done(sm, &r->covers[i]))
			return true;
	if (!sm->m->all_mapped || r->mapped_blocked ||
	    (r->needs_residual && !sm->closed[r->self]))
		return false;
	for (i = 0; i < r->nmapped; i++) {
		if (!sm->impl[r->mapped[i]])
			return false;
		n++;
	}
	for (i = 0; i < r->npotential; i++)
		n += sm->impl[r->potential[i]];
	return n > 0;
}

/* The local number of global index g in table t (x->sloc or x->rloc),
 * made one if need be. */
static size_t
local(size_t *t, size_t **glob, size_t *n, size_t g)
{
	if (t[g] == 0) {
		*glob = ismc_xreallocarray(*glob, *n + 1, sizeof **glob);
		(*glob)[*n] = g;
		t[g] = ++*n;
	}
	return t[g] - 1;
}

struct pairs {
	struct pair		*v;
	size_t			 n, cap;
};

static void
pair_add(struct pairs *p, size_t key, size_t req)
{
	if (p->n == p->cap) {
		p->cap = p->cap != 0 ? p->cap * 2 : 256;
		p->v = ismc_xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	p->v[p->n].key = key;
	p->v[p->n++].req = req;
}

/* Every control and residual requirement i names, with i. */
static void
req_pairs(struct ismc_remediation *x, struct sim *sm, struct pairs *p,
    size_t i)
{
	const struct ismc_plan_req *r = &sm->m->reqs[i];
	size_t j, k, l;

#define CTL(g)	pair_add(p, local(x->sloc, &sm->glob, &sm->nloc, (g)), i)
#define RES(g)	pair_add(p, SIZE_MAX / 2 + local(x->rloc, &sm->rglob, \
		    &sm->nrloc, (g)), i)
	CTL(r->self);
	for (j = 0; j < r->nsingle; j++)
		CTL(r->single[j]);
	for (j = 0; j < r->ncovers; j++) {
		for (k = 0; k < r->covers[j].nslots; k++)
			for (l = 0; l < r->covers[j].slots[k].n; l++)
				CTL(r->covers[j].slots[k].c[l]);
		if (r->covers[j].residual != NONE)
			RES(r->covers[j].residual);
	}
	for (j = 0; j < r->nmapped; j++)
		CTL(r->mapped[j]);
	for (j = 0; j < r->npotential; j++)
		CTL(r->potential[j]);
	if (r->needs_residual)
		RES(r->self);
#undef CTL
#undef RES
}

static int
pair_cmp(const void *pa, const void *pb)
{
	const struct pair *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->req < b->req ? -1 : a->req > b->req;
}

/* The index: for each control and residual the model names, the
 * requirements whose fullness it can change. */
static void
sim_index(struct ismc_remediation *x, struct sim *sm)
{
	struct pairs p;
	size_t i, k, nkeys;

	memset(&p, 0, sizeof p);
	for (i = 0; i < sm->m->nreqs; i++)
		req_pairs(x, sm, &p, i);
	/* Residual keys were numbered from SIZE_MAX / 2: bring them down
	 * after the controls. */
	for (i = 0; i < p.n; i++)
		if (p.v[i].key >= SIZE_MAX / 2)
			p.v[i].key = p.v[i].key - SIZE_MAX / 2 + sm->nloc;
	if (p.n > 1)
		qsort(p.v, p.n, sizeof *p.v, pair_cmp);
	nkeys = sm->nloc + sm->nrloc;
	sm->off = ismc_xcalloc(nkeys + 1, sizeof *sm->off);
	sm->req = ismc_xcalloc(p.n != 0 ? p.n : 1, sizeof *sm->req);
	for (i = k = 0; i < p.n; i++) {
		if (k > 0 && p.v[i].key == p.v[i - 1].key &&
		    p.v[i].req == sm->req[k - 1])
			continue;	/* named twice */
		sm->req[k++] = p.v[i].req;
		sm->off[p.v[i].key + 1]++;
	}
	for (i = 0; i < nkeys; i++)
		sm->off[i + 1] += sm->off[i];
	free(p.v);
}

static void
sim_init(struct ismc_remediation *x, struct sim *sm,
    const struct ismc_plan_model *m)
{
	size_t i;

	memset(sm, 0, sizeof *sm);
	sm->m = m;
	sm->impl = ismc_xcalloc(m->n != 0 ? m->n : 1, sizeof *sm->impl);
	sm->closed = ismc_xcalloc(m->n != 0 ? m->n : 1, sizeof *sm->closed);
	memcpy(sm->impl, m->impl, m->n * sizeof *sm->impl);
	memcpy(sm->closed, m->closed, m->n * sizeof *sm->closed);
	sm->full = ismc_xcalloc(m->nreqs + 1, sizeof *sm->full);
	sm->left = ismc_xcalloc(m->nreqs + 1, sizeof *sm->left);
	sm->stamp = ismc_xcalloc(m->nreqs + 1, sizeof *sm->stamp);
	sim_index(x, sm);
	for (i = 0; i < m->nreqs; i++) {
		sm->full[i] = m->reqs[i].assessed && is_full(sm, &m->reqs[i]);
		sm->left[i] = m->reqs[i].assessed && !sm->full[i];
		sm->nfull += sm->full[i];
	}
}

static void
sim_free(struct ismc_remediation *x, struct sim *sm)
{
	size_t i;

	for (i = 0; i < sm->nloc; i++)
		x->sloc[sm->glob[i]] = 0;
	for (i = 0; i < sm->nrloc; i++)
		x->rloc[sm->rglob[i]] = 0;
	free(sm->glob);
	free(sm->rglob);
	free(sm->impl);
	free(sm->closed);
	free(sm->full);
	free(sm->left);
	free(sm->stamp);
	free(sm->off);
	free(sm->req);
}

/* The requirements of key k (a control local, or nloc + residual local). */
static void
key_reqs(const struct sim *sm, size_t k, const size_t **v, size_t *n)
{
	*v = sm->req + sm->off[k];
	*n = sm->off[k + 1] - sm->off[k];
}

/* Implements the step's controls and closes its residual in the
 * simulation; returns how many requirements became full. With `undo`, the
 * change is taken back after counting. */
static size_t
sim_apply(struct ismc_remediation *x, struct sim *sm, const struct pstep *st,
    bool undo)
{
	bool *set_i = NULL, set_r = false;
	const size_t *v;
	size_t i, j, n, k, gained = 0;

	set_i = ismc_xcalloc(st->nc != 0 ? st->nc : 1, sizeof *set_i);
	for (i = 0; i < st->nc; i++)
		if (!sm->impl[st->c[i]])
			set_i[i] = sm->impl[st->c[i]] = true;
	if (st->residual != NONE && !sm->closed[st->residual])
		set_r = sm->closed[st->residual] = true;
	sm->epoch++;
	for (i = 0; i <= st->nc; i++) {
		if (i < st->nc) {
			if (x->sloc[st->c[i]] == 0)
				continue;
			k = x->sloc[st->c[i]] - 1;
		} else {
			if (st->residual == NONE ||
			    x->rloc[st->residual] == 0)
				continue;
			k = sm->nloc + x->rloc[st->residual] - 1;
		}
		key_reqs(sm, k, &v, &n);
		for (j = 0; j < n; j++) {
			if (sm->stamp[v[j]] == sm->epoch || sm->full[v[j]] ||
			    !sm->m->reqs[v[j]].assessed)
				continue;
			sm->stamp[v[j]] = sm->epoch;
			if (!is_full(sm, &sm->m->reqs[v[j]]))
				continue;
			gained++;
			if (!undo) {
				sm->full[v[j]] = true;
				sm->left[v[j]] = false;
				sm->nfull++;
			}
		}
	}
	if (undo) {
		for (i = 0; i < st->nc; i++)
			if (set_i[i])
				sm->impl[st->c[i]] = false;
		if (set_r)
			sm->closed[st->residual] = false;
	}
	free(set_i);
	return gained;
}

/* ---- phase 2: several controls, residuals --------------------------------- */

static void
psteps_add(struct psteps *ps, const struct pstep *st)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap != 0 ? ps->cap * 2 : 16;
		ps->v = ismc_xreallocarray(ps->v, ps->cap, sizeof *ps->v);
	}
	ps->v[ps->n++] = *st;
}

static void
add_control(struct pstep *st, size_t g)
{
	size_t i;

	for (i = 0; i < st->nc; i++)
		if (st->c[i] == g)
			return;
	st->c = ismc_xreallocarray(st->c, st->nc + 1, sizeof *st->c);
	st->c[st->nc++] = g;
}

static size_t
cost(const struct pstep *st)
{
	return st->nc + (st->residual != NONE);
}

/* The cheapest way to make requirement i full from the simulated state:
 * one control that contains it, the members a covering set lacks (and
 * its residual), or (all-mapped) the mapped controls not implemented and
 * the residual. False when there is none. */
static bool
completion(const struct sim *sm, size_t i, struct pstep *best)
{
	const struct ismc_plan_req *r = &sm->m->reqs[i];
	const struct ismc_plan_cover *c;
	struct pstep st;
	size_t j, k, n;
	bool found = false;

	memset(best, 0, sizeof *best);
	for (j = 0; j < r->nsingle && !found; j++) {
		if (!sm->m->candidate[r->single[j]])
			continue;
		add_control(best, r->single[j]);
		best->residual = NONE;
		found = true;
	}
	for (j = 0; j < r->ncovers; j++) {
		c = &r->covers[j];
		memset(&st, 0, sizeof st);
		st.residual = c->residual != NONE && !sm->closed[c->residual] ?
		    c->residual : NONE;
		for (k = 0; k < c->nslots; k++)
			if (!slot_met(sm, &c->slots[k]))
				add_control(&st, c->slots[k].c[0]);
		if (!found || cost(&st) < cost(best)) {
			free(best->c);
			*best = st;
			found = true;
		} else {
			free(st.c);
		}
	}
	if (sm->m->all_mapped && !r->mapped_blocked) {
		memset(&st, 0, sizeof st);
		st.residual = r->needs_residual && !sm->closed[r->self] ?
		    r->self : NONE;
		for (j = n = 0; j < r->nmapped; j++, n++)
			if (!sm->impl[r->mapped[j]])
				add_control(&st, r->mapped[j]);
		for (j = 0; j < r->npotential && n == 0; j++)
			if (sm->m->candidate[r->potential[j]]) {
				add_control(&st, r->potential[j]);
				n++;
			}
		if (n > 0 && (!found || cost(&st) < cost(best))) {
			free(best->c);
			*best = st;
			found = true;
		} else {
			free(st.c);
		}
	}
	if (found && cost(best) == 0) {
		free(best->c);
		return false;	/* full already: nothing to plan */
	}
	best->target = i;
	best->kind = best->nc == 0 ? ISMC_GAP_STEP_RESIDUAL : best->nc == 1 &&
	    best->residual == NONE ? ISMC_GAP_STEP_CONTROL :
	    ISMC_GAP_STEP_CONTROLS;
	return found;
}

/* A candidate step in the phase-2 heap: its gain when last evaluated. */
struct cent {
	size_t			 gain, cost;
	size_t			 target;	/* local requirement */
	size_t			 version;
};

struct cheap {
	struct cent		*v;
	size_t			 n, cap;
	size_t			*version;	/* nreqs */
};

/* Whether a comes before b: more gain per action, then fewer actions,
 * then catalog order. */
static bool
cent_before(const struct cent *a, const struct cent *b)
{
	if (a->gain * b->cost != b->gain * a->cost)
		return a->gain * b->cost > b->gain * a->cost;
	if (a->cost != b->cost)
		return a->cost < b->cost;
	return a->target < b->target;
}

static void
cheap_push(struct cheap *h, const struct cent *e)
{
	struct cent tmp;
	size_t i, up;

	if (h->n == h->cap) {
		h->cap = h->cap != 0 ? h->cap * 2 : 64;
		h->v = ismc_xreallocarray(h->v, h->cap, sizeof *h->v);
	}
	i = h->n++;
	h->v[i] = *e;
	while (i > 0) {
		up = (i - 1) / 2;
		if (!cent_before(&h->v[i], &h->v[up]))
			break;
		tmp = h->v[up];
		h->v[up] = h->v[i];
		h->v[i] = tmp;
		i = up;
	}
}

static struct cent
cheap_pop(struct cheap *h)
{
	struct cent top = h->v[0], tmp;
	size_t i = 0, l, best;

	h->v[0] = h->v[--h->n];
	for (;;) {
		l = 2 * i + 1;
		best = i;
		if (l < h->n && cent_before(&h->v[l], &h->v[best]))
			best = l;
		if (l + 1 < h->n && cent_before(&h->v[l + 1], &h->v[best]))
			best = l + 1;
		if (best == i)
			break;
		tmp = h->v[best];
		h->v[best] = h->v[i];
		h->v[i] = tmp;
		i = best;
	}
	return top;
}

/* Evaluates requirement i's completion and queues it. */
static void
queue(struct ismc_remediation *x, struct sim *sm, struct cheap *h, size_t i)
{
	struct pstep st;
	struct cent e;

	h->version[i]++;
	if (!sm->left[i] || !completion(sm, i, &st))
		return;
	e.gain = sim_apply(x, sm, &st, true);
	e.cost = cost(&st);
	e.target = i;
	e.version = h->version[i];
	free(st.c);
	if (e.gain > 0)
		cheap_push(h, &e);
}

/* Queues again the requirements a step could have brought closer. */
static void
requeue(struct ismc_remediation *x, struct sim *sm, struct cheap *h,
    const struct pstep *st)
{
	const size_t *v;
	size_t i, j, n;

	for (i = 0; i < st->nc; i++) {
		if (x->sloc[st->c[i]] == 0)
			continue;
		key_reqs(sm, x->sloc[st->c[i]] - 1, &v, &n);
		for (j = 0; j < n; j++)
			if (sm->left[v[j]])
				queue(x, sm, h, v[j]);
	}
}

/*
 * Phase 2: what single controls cannot do. Each requirement left offers
 * its cheapest completion; the one with the most requirements made full
 * per action (a control to implement, a residual to close) goes first.
 * Gains are evaluated lazily: a popped step is evaluated again and, if it
 * fell behind, queued again.
 */
static void
plan_sets(struct ismc_remediation *x, struct sim *sm, struct psteps *out)
{
	struct cheap h;
	struct pstep st;
	struct cent e;
	size_t i, gain;

	memset(&h, 0, sizeof h);
	h.version = ismc_xcalloc(sm->m->nreqs + 1, sizeof *h.version);
	for (i = 0; i < sm->m->nreqs; i++)
		queue(x, sm, &h, i);
	while (h.n > 0) {
		e = cheap_pop(&h);
		if (e.version != h.version[e.target] || !sm->left[e.target])
			continue;
		if (!completion(sm, e.target, &st))
			continue;
		gain = sim_apply(x, sm, &st, true);
		if (gain != e.gain || cost(&st) != e.cost) {
			free(st.c);
			h.version[e.target]++;
			e.gain = gain;
			e.cost = cost(&st);
			e.version = h.version[e.target];
			if (gain > 0)
				cheap_push(&h, &e);
			continue;
		}
		(void)sim_apply(x, sm, &st, false);
		sm->left[e.target] = false;
		psteps_add(out, &st);
		requeue(x, sm, &h, &st);
	}
	free(h.v);
	free(h.version);
}

/* Phase 3: whatever is left, no mapping makes full: the requirement
 * itself, in catalog order. */
static void
plan_own(struct sim *sm, struct psteps *out)
{
	struct pstep st;
	size_t i;

	for (i = 0; i < sm->m->nreqs; i++) {
		if (!sm->left[i] || sm->full[i])
			continue;
		memset(&st, 0, sizeof st);
		st.kind = ISMC_GAP_STEP_OWN;
		st.residual = NONE;
		st.target = i;
		add_control(&st, sm->m->reqs[i].self);
		sm->left[i] = false;
		psteps_add(out, &st);
	}
}

/* ---- the plan ------------------------------------------------------------ */

/* The text of the residual a step closes: the covering row's, on the
 * requirement it was chosen for. */
static const char *
residual_text(const struct ismc_gap_fw *gf, const struct sim *sm,
    const struct pstep *st)
{
	const struct ismc_gap_req *q;
	const struct ismc_req *of = sm->m->ctl[st->residual]->req;
	size_t i;

	if (st->target == NONE)
		return NULL;
	q = &gf->reqs[st->target];
	for (i = 0; i < q->ncovers; i++)
		if (q->covers[i].residual != NULL &&
		    q->covers[i].residual_of == of)
			return q->covers[i].residual;
	return NULL;
}

static void
keep_step(struct ismc_remediation *x, struct ismc_gap_fw *gf,
    const struct sim *sm, const struct pstep *st, size_t gain)
{
	const struct ismc_plan_model *m = sm->m;
	struct ismc_gap_step *s = &gf->plan[gf->nplan++];
	size_t i;

	memset(s, 0, sizeof *s);
	s->kind = st->kind;
	s->gain = gain;
	s->full_after = sm->nfull;
	s->ncontrols = st->nc;
	s->controls = ISMC_NEW_ARRAY(x->arena, const struct ismc_ir_control *,
	    st->nc != 0 ? st->nc : 1);
	for (i = 0; i < st->nc; i++)
		s->controls[i] = m->ctl[st->c[i]];
	if (st->nc > 0) {
		s->control = s->controls[0];
		s->framework = m->fwof[st->c[0]];
	}
	if (st->residual != NONE) {
		s->residual_of = m->ctl[st->residual]->req;
		s->residual = residual_text(gf, sm, st);
	}
	if (st->target != NONE)
		s->target = gf->reqs[st->target].req;
}

/*
 * The plan of one framework: single controls by greedy set cover (phase
 * 1), then what takes several controls or a residual (phase 2), then the
 * requirements no mapping makes full (phase 3). Every step's gain is what
 * it adds in the model once the steps before it are done, so a plan
 * promises exactly what implementing it gives (doc/coverage.md, 10).
 */
void
ismc_remediation_plan(struct ismc_remediation *x, struct ismc_gap_fw *gf,
    const struct ismc_plan_model *m)
{
	struct psteps ps;
	struct pstep st;
	struct sim sm;
	size_t *picks, npicks, i, gain;

	memset(&ps, 0, sizeof ps);
	greedy_controls(x, gf, &picks, &npicks);
	sim_init(x, &sm, m);
	gf->plan = NULL;
	gf->nplan = 0;
	for (i = 0; i < npicks; i++) {
		memset(&st, 0, sizeof st);
		st.kind = ISMC_GAP_STEP_CONTROL;
		st.residual = st.target = NONE;
		add_control(&st, picks[i]);
		/* A pick the model says adds nothing (another path made its
		 * requirement full) is left out. */
		if (sim_apply(x, &sm, &st, true) == 0) {
			free(st.c);
			continue;
		}
		psteps_add(&ps, &st);
		(void)sim_apply(x, &sm, &st, false);
	}
	free(picks);
	plan_sets(x, &sm, &ps);
	plan_own(&sm, &ps);
	sim_free(x, &sm);
	/* Replay from the start for the figures of each step. */
	sim_init(x, &sm, m);
	gf->plan = ISMC_NEW_ARRAY(x->arena, struct ismc_gap_step,
	    ps.n != 0 ? ps.n : 1);
	for (i = 0; i < ps.n; i++) {
		gain = sim_apply(x, &sm, &ps.v[i], false);
		keep_step(x, gf, &sm, &ps.v[i], gain);
		free(ps.v[i].c);
	}
	sim_free(x, &sm);
	free(ps.v);
}
