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

#include "remediation.h"

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
	return x;
}

void
ismc_remediation_free(struct ismc_remediation *x)
{
	if (x == NULL)
		return;
	free(x->base);
	free(x->cand);
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
 * Greedy set cover: pick the control that makes the most requirements
 * full, pretend it implemented, repeat until nothing gains. Gains are
 * kept up to date incrementally, so a pick costs its own requirements'
 * reaches plus one scan of the candidates.
 */
void
ismc_remediation_plan(struct ismc_remediation *x, struct ismc_gap_fw *gf)
{
	struct plan p;
	size_t k, n = 0, cap;

	plan_setup(x, gf, &p);
	plan_rank(&p);
	cap = p.nc != 0 ? p.nc : 1;
	gf->plan = ISMC_NEW_ARRAY(x->arena, struct ismc_gap_step, cap);
	while ((k = pick(&p)) != NONE) {
		struct ismc_gap_step *s = &gf->plan[n++];

		s->control = p.c[k].control;
		s->framework = p.c[k].framework;
		s->gain = apply_pick(x, gf, &p, k);
		s->full_after = p.nfull;
	}
	gf->nplan = n;
	plan_free(x, &p);
}
