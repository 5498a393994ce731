/*
 * fuzz.h - shared set-up for the libFuzzer harnesses (doc/fuzzing.md).
 *
 * Every input gets a fresh compilation, as one run of the CLI would, so
 * that nothing one input leaves behind can mask or cause a crash on the
 * next, and LeakSanitizer sees each input's memory come back. Diagnostics
 * are rendered in full (source line and caret: that code is fuzzed too)
 * into /dev/null, or to stderr with ISMC_FUZZ_VERBOSE=1.
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

/* A compilation configured as the CLI's default one, with the source
 * tree's catalogs and mappings to find. ISMC_FUZZ_VERBOSE=1 shows its
 * diagnostics, to see what an input does. */
static inline void
fuzz_compilation_init(struct ismc_compilation *c)
{
	const char *v = getenv("ISMC_FUZZ_VERBOSE");

	ismc_compilation_init(c, v != NULL && *v != '\0' && *v != '0' ?
	    stderr : fuzz_devnull());
	c->diag.plain = false;
	c->diag.color = false;
	c->diag.max_errors = 50;
	ismc_compilation_add_search_dir(c, ISMC_SRCDIR "/frameworks");
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

/* A fresh compilation, configured as the CLI's default one. */
static inline void
fuzz_run_init(struct fuzz_run *r)
{
	memset(r, 0, sizeof *r);
	fuzz_compilation_init(&r->c);
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
	ir = ismc_sema_run(c, &r->prog, opts);
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
