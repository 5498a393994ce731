/*
 * diff.c - compares two IRs from separate compilations. Their strings are
 * interned in different tables, so identities are compared by spelling;
 * both sides are in the IR's deterministic order, so every comparison is
 * a merge of two sorted lists.
 */
#include <config.h>

#include "diff.h"

#include <string.h>

#include "catalog.h"
#include "gap.h"
#include "ir.h"

static const struct ismc_ir_framework *
framework_named(const struct ismc_ir *ir, const char *id)
{
	size_t i;

	for (i = 0; i < ir->nframeworks; i++)
		if (strcmp(ir->frameworks[i].catalog->id, id) == 0)
			return &ir->frameworks[i];
	return NULL;
}

static double
pct(const struct ismc_gap_fw *g, size_t part)
{
	double p;

	if (g == NULL)
		return 0.0;
	p = ismc_gap_pct(part, &g->n);
	return p == p ? p : 0.0;
}

/* Figures for one side, or "-" where that side did not analyse it. The
 * static buffers are used once per fprintf call and never nested. */
static const char *
pct_text(const struct ismc_gap_fw *g)
{
	static char buf[2][32];
	static int k;

	if (g == NULL)
		return "-";
	k = !k;
	snprintf(buf[k], sizeof buf[k], "%.1f%%", pct(g, g->n.full));
	return buf[k];
}

static const char *
count_text(size_t n)
{
	static char buf[2][32];
	static int k;

	k = !k;
	snprintf(buf[k], sizeof buf[k], "%zu", n);
	return buf[k];
}

/* The analysis of a framework that mappings reach (not the hub), or NULL. */
static const struct ismc_gap_fw *
gap_of(const struct ismc_ir *ir, const struct ismc_ir_framework *fw)
{
	const struct ismc_gap_fw *g;

	if (ir->gap == NULL || fw == NULL)
		return NULL;
	g = ismc_gap_find(ir->gap, fw);
	return g != NULL && g->nsets_in > 0 ? g : NULL;
}

static void
print_coverage(const struct ismc_ir *o, const struct ismc_ir *n, FILE *out)
{
	size_t i;
	int any = 0;

	for (i = 0; i < n->nframeworks; i++) {
		const struct ismc_ir_framework *nf = &n->frameworks[i];
		const struct ismc_ir_framework *of = framework_named(o,
		    nf->catalog->id);
		const struct ismc_gap_fw *a = gap_of(o, of), *b = gap_of(n, nf);

		if (a == NULL && b == NULL)
			continue;
		if (!any++)
			fputs("\n## Coverage\n\n| framework | full before | full "
			    "after | change (points) | gaps |\n|---|---|---|---|"
			    "---|\n", out);
		fprintf(out, "| %s | %s | %s | %+.1f | %s -> %s |\n",
		    nf->catalog->id, pct_text(a), pct_text(b),
		    pct(b, b ? b->n.full : 0) - pct(a, a ? a->n.full : 0),
		    a ? count_text(a->n.gap) : "-",
		    b ? count_text(b->n.gap) : "-");
	}
	if (!any)
		fputs("\n## Coverage\n\nNo crosswalk analysed on either side.\n",
		    out);
	for (i = 0; i < o->nframeworks; i++)
		if (framework_named(n, o->frameworks[i].catalog->id) == NULL)
			fprintf(out, "\nFramework %s is no longer used.\n",
			    o->frameworks[i].catalog->id);
}

/* Requirement statuses that moved, per framework analysed on both sides. */
static void
print_gap_changes(const struct ismc_ir *o, const struct ismc_ir *n,
    FILE *out)
{
	size_t i, j;
	int head = 0;

	for (i = 0; i < n->nframeworks; i++) {
		const struct ismc_ir_framework *nf = &n->frameworks[i];
		const struct ismc_gap_fw *a = gap_of(o, framework_named(o,
		    nf->catalog->id)), *b = gap_of(n, nf);

		if (a == NULL || b == NULL)
			continue;
		if (a->nreqs != b->nreqs) {
			fprintf(out, "\nThe two sides use different versions "
			    "of %s; its requirements are not compared.\n",
			    nf->catalog->id);
			continue;
		}
		for (j = 0; j < b->nreqs; j++) {
			enum ismc_cov x = a->reqs[j].status;
			enum ismc_cov y = b->reqs[j].status;

			if (x == y || strcmp(a->reqs[j].req->id,
			    b->reqs[j].req->id) != 0)
				continue;
			if (!head++)
				fputs("\n## Requirements whose coverage "
				    "changed\n\n", out);
			fprintf(out, "- %s %s:%s: %s -> %s\n", y > x &&
			    y != ISMC_COV_EXCLUDED ? "closed" : "opened",
			    nf->catalog->id, b->reqs[j].req->id,
			    ismc_cov_name(x), ismc_cov_name(y));
		}
	}
}

static void
print_control_changes(const struct ismc_ir *o, const struct ismc_ir *n,
    FILE *out)
{
	size_t i, j;
	int head = 0;

	for (i = 0; i < n->nframeworks; i++) {
		const struct ismc_ir_framework *nf = &n->frameworks[i];
		const struct ismc_ir_framework *of = framework_named(o,
		    nf->catalog->id);

		if (of == NULL || of->ncontrols != nf->ncontrols)
			continue;
		for (j = 0; j < nf->ncontrols; j++) {
			const struct ismc_ir_control *a = &of->controls[j];
			const struct ismc_ir_control *b = &nf->controls[j];

			if (a->status == b->status &&
			    a->applicability == b->applicability)
				continue;
			if (!head++)
				fputs("\n## Controls whose decision or status "
				    "changed\n\n", out);
			fprintf(out, "- %s:%s: %s, %s -> %s, %s\n",
			    nf->catalog->id, b->req->id,
			    ismc_applicability_name(a->applicability),
			    ismc_status_name(a->status),
			    ismc_applicability_name(b->applicability),
			    ismc_status_name(b->status));
		}
	}
}

static void
print_risk_changes(const struct ismc_ir *o, const struct ismc_ir *n,
    FILE *out)
{
	size_t i = 0, j = 0;
	int head = 0, c;

	while (i < o->nrisks || j < n->nrisks) {
		const struct ismc_ir_risk *a = i < o->nrisks ? o->risks[i] :
		    NULL;
		const struct ismc_ir_risk *b = j < n->nrisks ? n->risks[j] :
		    NULL;

		c = a == NULL ? 1 : b == NULL ? -1 : ismc_natcmp(a->id, b->id);
		if (c == 0 && a->score == b->score &&
		    a->res_score == b->res_score) {
			i++, j++;
			continue;
		}
		if (!head++)
			fputs("\n## Risks whose score moved\n\n", out);
		if (c < 0) {
			fprintf(out, "- %s removed (was %d, residual %d)\n",
			    a->id, a->score, a->res_score);
			i++;
		} else if (c > 0) {
			fprintf(out, "- %s added: %d, residual %d\n", b->id,
			    b->score, b->res_score);
			j++;
		} else {
			fprintf(out, "- %s: %d -> %d, residual %d -> %d\n",
			    b->id, a->score, b->score, a->res_score,
			    b->res_score);
			i++, j++;
		}
	}
}

void
ismc_diff_print(const struct ismc_ir *o, const struct ismc_ir *n,
    const char *old_name, const char *new_name, FILE *out)
{
	fprintf(out, "# ismc diff\n\nFrom %s to %s", old_name, new_name);
	if (n->gap != NULL)
		fprintf(out, " (coverage under the %s policy)",
		    ismc_gap_policy_name(n->gap->policy));
	fputs(".\n\n## Risk totals\n\n", out);
	fprintf(out, "- inherent: %lld -> %lld\n- residual: %lld -> %lld\n"
	    "- reduction: %.1f%% -> %.1f%%\n",
	    (long long)o->totals.inherent, (long long)n->totals.inherent,
	    (long long)o->totals.residual, (long long)n->totals.residual,
	    o->totals.reduction_pct, n->totals.reduction_pct);
	print_coverage(o, n, out);
	print_gap_changes(o, n, out);
	print_control_changes(o, n, out);
	print_risk_changes(o, n, out);
}
