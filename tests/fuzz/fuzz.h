/*
 * fuzz.h - shared set-up for the libFuzzer harnesses (doc/fuzzing.md).
 *
 * Every input gets a fresh compilation, as one run of the CLI would, so
 * that nothing one input leaves behind can mask or cause a crash on the
 * next, and LeakSanitizer sees each input's memory come back. What every
 * input would load the same way is loaded once per process: the shipped
 * catalogs and mapping sets, in a base compilation each input's one is
 * made from (ismc_compilation_init_from). Diagnostics are rendered in full
 * (source line and caret: that code is fuzzed too) into /dev/null, or to
 * stderr with ISMC_FUZZ_VERBOSE=1.
 */
#ifndef ISMC_FUZZ_H
#define ISMC_FUZZ_H

#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "compilation.h"
#include "frontend.h"
#include "explain.h"
#include "gap.h"
#include "ir.h"
#include "parse.h"
#include "sema.h"
#include "search.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Opened once and kept: the harness never exits on its own. */
static inline FILE *
fuzz_devnull(void)
{
	static FILE *null;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL) {
		perror("/dev/null");
		abort();
	}
	return null;
}

static inline FILE *
fuzz_diag_out(void)
{
	const char *v = getenv("ISMC_FUZZ_VERBOSE");

	return v != NULL && *v != '\0' && *v != '0' ? stderr : fuzz_devnull();
}

/*
 * The CLI's diagnostics, source line and caret included, with the error
 * cap at 5 where the CLI has 50: a garbage input reaches any cap, and
 * quoting its 6th to 50th error (each a line of up to 1,000 characters,
 * escaped byte by byte) ran no code the first five had not, but took
 * two thirds of fuzz-front's time. The cap itself is reached as often.
 */
#define FUZZ_MAX_ERRORS	5

static inline void
fuzz_diag_config(struct ismc_compilation *c)
{
	c->diag.plain = false;
	c->diag.color = false;
	c->diag.max_errors = FUZZ_MAX_ERRORS;
}

/*
 * What the inputs share, loaded once per process: the source tree's
 * catalog directory, indexed, and (FUZZ_BASE_FULL) every shipped catalog
 * and the mapping sets between them. Never freed: LeakSanitizer sees it
 * reachable from here.
 */
enum fuzz_base_kind {
	FUZZ_BASE_INDEX,		/* the directory indexed only */
	FUZZ_BASE_FULL,			/* and everything in it loaded */
};

struct fuzz_base {
	struct ismc_compilation	  c;
	struct ismc_ir		 *ir;		/* of FUZZ_BASE_SPEC */
	struct ismc_mapping_set	**sets;		/* the shipped ones */
	size_t			  nsets;
};

#define FUZZ_BASE_SPEC \
	"framework iso27001\nframework dora\nframework nis2\n" \
	"framework nis2-ir\nframework soc2\n"

static inline struct fuzz_base *
fuzz_base(enum fuzz_base_kind kind)
{
	static struct fuzz_base *bases[2];
	struct fuzz_base *b = bases[kind];
	struct ismc_spec_file file;
	struct ismc_program prog;
	struct ismc_item *items = NULL;
	struct ismc_ir *ir;

	if (b != NULL)
		return b;
	b = bases[kind] = calloc(1, sizeof *b);
	if (b == NULL)
		abort();
	ismc_compilation_init(&b->c, fuzz_diag_out());
	fuzz_diag_config(&b->c);
	ismc_compilation_add_search_dir(&b->c, ISMC_SRCDIR "/frameworks");
	if (kind == FUZZ_BASE_INDEX) {
		/* A search that finds nothing indexes every directory. */
		(void)ismc_search_catalog(&b->c, "fuzz-no-such-catalog",
		    ISMC_NO_SPAN);
		return b;
	}
	memset(&file, 0, sizeof file);
	memset(&prog, 0, sizeof prog);
	file.file = ismc_sources_add(&b->c.sources, "fuzz-base.isms",
	    FUZZ_BASE_SPEC, strlen(FUZZ_BASE_SPEC));
	ismc_parse_source(&b->c, file.file, &items);
	file.items = items;
	prog.files = &file;
	prog.nfiles = 1;
	ir = ismc_sema_run(&b->c, &prog, NULL);
	if (ir == NULL || b->c.diag.errors != 0) {
		fprintf(stderr, "fuzz: the shipped catalogs do not load\n");
		abort();
	}
	b->ir = ir;
	b->sets = ir->mapping_sets;
	b->nsets = ir->nmapping_sets;
	return b;
}

/* A compilation configured as the CLI's default one, with the source
 * tree's catalogs and mappings to find, made from base `kind`.
 * ISMC_FUZZ_VERBOSE=1 shows its diagnostics, to see what an input does;
 * ISMC_FUZZ_FRESH=1 loads everything for every input, as the CLI does
 * (to compare speeds: doc/fuzzing.md). */
static inline void
fuzz_compilation_init(struct ismc_compilation *c, enum fuzz_base_kind kind)
{
	const char *v = getenv("ISMC_FUZZ_FRESH");

	if (v != NULL && *v != '\0' && *v != '0') {
		ismc_compilation_init(c, fuzz_diag_out());
		ismc_compilation_add_search_dir(c, ISMC_SRCDIR "/frameworks");
	} else
		ismc_compilation_init_from(c, &fuzz_base(kind)->c,
		    fuzz_diag_out());
	fuzz_diag_config(c);
}

/* One compilation of one in-memory spec; the IR may point into prog. */
struct fuzz_run {
	struct ismc_compilation	 c;
	struct ismc_spec_file	 file;
	struct ismc_program	 prog;
	struct ismc_ir		*ir;		/* NULL after errors */
};

/*
 * The spec's display name. Relative paths in it resolve against its
 * directory, so `mappings "iso27001-2022--dora.yaml"` reaches a shipped
 * mapping set, and `mappings "../dora.yaml"` a file that is not one.
 */
#define FUZZ_SPEC_NAME	ISMC_SRCDIR "/frameworks/mappings/fuzz.isms"

/* A fresh compilation, configured as the CLI's default one, with the
 * shipped catalogs loaded. */
static inline void
fuzz_run_init(struct fuzz_run *r)
{
	memset(r, 0, sizeof *r);
	fuzz_compilation_init(&r->c, FUZZ_BASE_FULL);
}

/* The same with nothing loaded yet (the catalog loaders' harnesses load
 * files that may declare a shipped catalog's id). */
static inline void
fuzz_run_init_bare(struct fuzz_run *r)
{
	memset(r, 0, sizeof *r);
	fuzz_compilation_init(&r->c, FUZZ_BASE_INDEX);
}

/*
 * Semantic analysis with the base's mapping sets given, as if found in
 * the search path, after those of `opts` (which win: a set given first
 * takes its id). A compilation not made from the full base finds its sets
 * itself.
 */
static inline struct ismc_ir *
fuzz_sema(struct ismc_compilation *c, const struct ismc_program *prog,
    const struct ismc_sema_options *opts)
{
	struct fuzz_base *b = fuzz_base(FUZZ_BASE_FULL);
	struct ismc_sema_options so;
	struct ismc_mapping_set **v;
	struct ismc_ir *ir;
	size_t n = 0;

	if (c->nborrowed == 0)
		return ismc_sema_run(c, prog, opts);
	memset(&so, 0, sizeof so);
	if (opts != NULL)
		so = *opts;
	if ((v = calloc(so.nmapping_sets + b->nsets + 1, sizeof *v)) == NULL)
		abort();
	if (opts != NULL && opts->nmapping_sets > 0) {
		memcpy(v, opts->mapping_sets, opts->nmapping_sets * sizeof *v);
		n = opts->nmapping_sets;
	}
	memcpy(v + n, b->sets, b->nsets * sizeof *v);
	so.mapping_sets = v;
	so.nmapping_sets = n + b->nsets;
	ir = ismc_sema_run(c, prog, &so);
	free(v);
	return ir;
}

/*
 * The front end and semantic analysis on one in-memory spec, stage by
 * stage as the driver runs them: sema only when the front end reported no
 * errors. `include` is not followed: an input would otherwise read the
 * machine's files, and includes are the front end's business, not the
 * grammar's. Returns the IR, or NULL after errors.
 */
static inline struct ismc_ir *
fuzz_run_sema_with(struct fuzz_run *r, const uint8_t *data, size_t size,
    const struct ismc_sema_options *opts)
{
	struct ismc_compilation *c = &r->c;
	struct ismc_item *items = NULL;
	struct ismc_ir *ir;

	r->file.file = ismc_sources_add(&c->sources, FUZZ_SPEC_NAME,
	    (const char *)data, size);
	ismc_parse_source(c, r->file.file, &items);
	r->file.items = items;
	r->prog.files = &r->file;
	r->prog.nfiles = 1;
	ismc_ast_dump(fuzz_devnull(), items, 0);
	if (c->diag.errors != 0)
		return NULL;
	ir = fuzz_sema(c, &r->prog, opts);
	return c->diag.errors == 0 ? ir : NULL;
}

static inline struct ismc_ir *
fuzz_run_sema(struct fuzz_run *r, const uint8_t *data, size_t size)
{
	return fuzz_run_sema_with(r, data, size, NULL);
}

/*
 * The gap analysis when the spec uses several frameworks, under one policy
 * or the other as `pick` is even or odd (the input's length: mutations
 * change it as often as anything), then the IR dump. Sets r->ir unless
 * errors were reported.
 */
static inline void
fuzz_run_gap(struct fuzz_run *r, struct ismc_ir *ir, size_t pick)
{
	struct ismc_compilation *c = &r->c;

	if (ir->nframeworks > 1)
		ismc_gap_analyse(c, ir, pick % 2 == 0 ? ISMC_GAP_STRICT :
		    ISMC_GAP_ALL_MAPPED);
	if (c->diag.errors != 0)
		return;
	ismc_ir_dump(fuzz_devnull(), ir);
	r->ir = ir;
}

/* All of it, as `ismc check` runs it; r->ir is NULL after errors. */
static inline void
fuzz_compile(struct fuzz_run *r, const uint8_t *data, size_t size)
{
	struct ismc_ir *ir;

	fuzz_run_init(r);
	if ((ir = fuzz_run_sema(r, data, size)) != NULL)
		fuzz_run_gap(r, ir, size);
}

static inline void
fuzz_run_destroy(struct fuzz_run *r)
{
	ismc_diag_summary(&r->c.diag);
	ismc_compilation_destroy(&r->c);
}

#endif
