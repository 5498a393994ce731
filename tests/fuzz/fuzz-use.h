/*
 * fuzz-use.h - what the data-file harnesses (fuzz-catalog, fuzz-import) do
 * with a catalog or a mapping set that loaded: use it as a user's would.
 *
 * A catalog is named by a two-line spec next to ISO 27001 (with one
 * decision on it); a mapping set by a spec naming its two catalogs, the
 * set standing in for the shipped one of its id. Each spec goes through
 * semantic analysis, the gap analysis, `ismc explain` and the table
 * reports, so catalogs and sets that are well-formed but odd (a group
 * with no requirements, a catalog of groups only, ids differing in case)
 * reach code the loaders' checks never see.
 */
#ifndef ISMC_FUZZ_USE_H
#define ISMC_FUZZ_USE_H

#include "fuzz.h"

#include <ctype.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "emit.h"
#include "mapping.h"
#include "report-gap.h"
#include "report-remediation.h"
#include "report-review.h"
#include "report-soa.h"
#include "report-trace.h"
#include "report.h"

/*
 * Whether s can be written in a spec as an identifier (`ident`) or the
 * part after the ':' of a qualified reference: words of letters, digits
 * and '_' joined by single '.' or '-' (grammar/lexer.l, ID and REST).
 */
static bool
spellable(const char *s, bool ident)
{
	bool word = false;

	if (ident && !isalpha((unsigned char)*s) && *s != '_')
		return false;
	for (; *s != '\0'; s++) {
		if (isalnum((unsigned char)*s) || *s == '_')
			word = true;
		else if ((*s == '.' || *s == '-') && word)
			word = false;
		else
			return false;
	}
	return word;
}

/* Every report a catalog or mapping feeds, in every table format. */
static void
tables(const struct ismc_ir *ir, struct ismc_arena *a)
{
	void (*const emit[])(const struct ismc_report *, struct ismc_buf *) = {
		ismc_emit_csv, ismc_emit_md, ismc_emit_json
	};
	struct ismc_report *rep[3];
	struct ismc_buf b;
	size_t i, j, k;

	ismc_buf_init(&b);
	for (i = 0; i <= ir->nframeworks; i++) {
		memset(rep, 0, sizeof rep);
		if (i == ir->nframeworks) {
			rep[0] = ismc_report_trace(ir, a);
			rep[1] = ismc_report_review(ir, a);
		} else {
			const struct ismc_ir_framework *fw = &ir->frameworks[i];

			if (ismc_catalog_is_controls(fw->catalog))
				rep[0] = ismc_report_soa(ir, fw, a);
			rep[1] = ismc_report_gap(ir, fw, a);
			rep[2] = ismc_report_remediation(ir, fw, a);
		}
		for (j = 0; j < sizeof rep / sizeof rep[0]; j++)
			for (k = 0; rep[j] != NULL &&
			    k < sizeof emit / sizeof emit[0]; k++) {
				emit[k](rep[j], &b);
				ismc_buf_reset(&b);
			}
	}
	ismc_buf_free(&b);
}

/* `ismc explain` on the first and last node of each analysed catalog. */
static void
explain(const struct ismc_ir *ir)
{
	const struct ismc_catalog *cat;
	size_t i;

	for (i = 0; ir->gap != NULL && i < ir->gap->nfws; i++) {
		cat = ir->gap->fws[i].fw->catalog;
		if (cat->nnodes == 0)
			continue;
		(void)ismc_explain_print(ir, cat->id, cat->nodes[0]->id,
		    fuzz_devnull());
		(void)ismc_explain_print(ir, cat->id,
		    cat->nodes[cat->nnodes - 1]->id, fuzz_devnull());
	}
}

/* The back half of a run: gap analysis, explain, reports. */
static void
use(struct fuzz_run *r, struct ismc_ir *ir, size_t pick)
{
	fuzz_run_gap(r, ir, pick);
	if (r->ir == NULL)
		return;
	explain(r->ir);
	tables(r->ir, &r->c.arena);
}

/* A spec using catalog `cat` beside ISO 27001, with one decision on it. */
static void
use_catalog(struct fuzz_run *r, const struct ismc_catalog *cat, size_t pick)
{
	const char *name = NULL, *req = NULL;
	struct ismc_ir *ir;
	char spec[1024];
	size_t i;
	int n;

	if (spellable(cat->id, true))
		name = cat->id;
	for (i = 0; name == NULL && i < cat->naliases; i++)
		if (spellable(cat->aliases[i], true))
			name = cat->aliases[i];
	if (name == NULL)
		return;
	for (i = 0; req == NULL && i < cat->nreqs; i++)
		if (spellable(cat->reqs[i]->id, false))
			req = cat->reqs[i]->id;
	if (req == NULL)
		n = snprintf(spec, sizeof spec, "framework iso27001\n"
		    "framework %s\n", name);
	else if (ismc_catalog_is_controls(cat))
		n = snprintf(spec, sizeof spec, "framework iso27001\n"
		    "framework %s\ncontrol %s:%s { applicable; "
		    "status implemented }\n", name, name, req);
	else
		n = snprintf(spec, sizeof spec, "framework iso27001\n"
		    "framework %s\nmap A.5.1 equal %s:%s\n", name, name, req);
	if (n < 0 || (size_t)n >= sizeof spec)
		return;
	if ((ir = fuzz_run_sema(r, (const uint8_t *)spec, (size_t)n)) != NULL)
		use(r, ir, pick);
}

/*
 * A spec using the two catalogs of set `m`, which then stands in for the
 * shipped set of its id, or joins them: what a catalog directory given
 * with -I holding its own version of a set does.
 */
static void
use_mapping(struct fuzz_run *r, struct ismc_mapping_set *m, size_t pick)
{
	struct ismc_sema_options so;
	struct ismc_ir *ir;
	char spec[512];
	int n;

	if (m->source == NULL || m->target == NULL ||
	    !spellable(m->source, true) || !spellable(m->target, true))
		return;
	n = snprintf(spec, sizeof spec, "framework %s\nframework %s\n",
	    m->source, m->target);
	if (n < 0 || (size_t)n >= sizeof spec)
		return;
	memset(&so, 0, sizeof so);
	so.mapping_sets = &m;
	so.nmapping_sets = 1;
	if ((ir = fuzz_run_sema_with(r, (const uint8_t *)spec, (size_t)n,
	    &so)) == NULL)
		return;
	use(r, ir, pick);
}

#endif
