/*
 * helpers.h - shared set-up for the Criterion unit tests.
 *
 * A struct ismc_test is one compilation whose diagnostics go, in plain
 * mode (no source line, no caret, no colour) and with no error cap, to a
 * memory buffer, so a test compares exact message text:
 *
 *	struct ismc_test t;
 *	struct ismc_item *items;
 *
 *	ismc_test_init(&t);
 *	cr_assert_eq(ismc_test_parse(&t, "role ciso \"CISO\"\n", &items), 0);
 *	cr_assert_str_eq(ismc_test_diags(&t), "");
 *	cr_assert_str_eq(ismc_test_ast(&t, items), "role ciso \"CISO\"\n");
 *	ismc_test_fini(&t);
 *
 * Sources added with ismc_test_parse are all named "test.isms", so
 * messages read "test.isms:LINE:COL: error: ...". Strings returned by
 * these helpers live in the compilation's arena: the caller frees nothing
 * and they stay valid until ismc_test_fini. Criterion runs each test in
 * its own process, so an assertion failing before ismc_test_fini leaks
 * nothing that outlives the test.
 */
#ifndef ISMC_TEST_HELPERS_H
#define ISMC_TEST_HELPERS_H

#include <config.h>		/* open_memstream needs the POSIX extensions */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "ast.h"
#include "compilation.h"
#include "frontend.h"
#include "gap.h"
#include "ir.h"
#include "parse.h"
#include "readiness.h"
#include "sema.h"

/* The display name of sources added by ismc_test_parse and friends. */
#define ISMC_TEST_FILE	"test.isms"

struct ismc_test {
	struct ismc_compilation	 comp;
	FILE			*diag;		/* the engine's sink */
	char			*diag_text;	/* open_memstream's buffer */
	size_t			 diag_len;
};

/* Aborts the test program: a helper cannot report through Criterion. */
static inline void
ismc_test_die(const char *what)
{
	perror(what);
	abort();
}

static inline void
ismc_test_init(struct ismc_test *t)
{
	memset(t, 0, sizeof *t);
	t->diag = open_memstream(&t->diag_text, &t->diag_len);
	if (t->diag == NULL)
		ismc_test_die("open_memstream");
	ismc_compilation_init(&t->comp, t->diag);
	t->comp.diag.plain = true;
	t->comp.diag.color = false;
	t->comp.diag.max_errors = 0;
}

static inline void
ismc_test_fini(struct ismc_test *t)
{
	ismc_compilation_destroy(&t->comp);
	fclose(t->diag);
	free(t->diag_text);
	memset(t, 0, sizeof *t);
}

/* Adds len bytes of text (which may hold NUL bytes) as a source file. */
static inline uint32_t
ismc_test_add_len(struct ismc_test *t, const char *name, const char *text,
    size_t len)
{
	return ismc_sources_add(&t->comp.sources, name, text, len);
}

static inline uint32_t
ismc_test_add(struct ismc_test *t, const char *name, const char *text)
{
	return ismc_test_add_len(t, name, text, strlen(text));
}

/* Everything the diagnostics engine has printed so far. */
static inline const char *
ismc_test_diags(struct ismc_test *t)
{
	fflush(t->diag);
	return t->diag_text != NULL ? t->diag_text : "";
}

/* Forgets the diagnostics printed so far (the counters are kept). */
static inline void
ismc_test_clear_diags(struct ismc_test *t)
{
	fclose(t->diag);
	free(t->diag_text);
	t->diag_text = NULL;
	t->diag_len = 0;
	t->diag = open_memstream(&t->diag_text, &t->diag_len);
	if (t->diag == NULL)
		ismc_test_die("open_memstream");
	t->comp.diag.out = t->diag;
}

/* Parses a source added earlier; returns the syntax error count. */
static inline unsigned
ismc_test_parse_file(struct ismc_test *t, uint32_t file,
    struct ismc_item **out)
{
	return ismc_parse_source(&t->comp, file, out);
}

/* Adds `text` as ISMC_TEST_FILE and parses it. */
static inline unsigned
ismc_test_parse(struct ismc_test *t, const char *text, struct ismc_item **out)
{
	return ismc_test_parse_file(t,
	    ismc_test_add(t, ISMC_TEST_FILE, text), out);
}

/*
 * Runs fn(fp, arg) on a memory stream and returns what it wrote, copied
 * into the arena. The building block for the dump helpers below and for
 * any test of a function that writes to a FILE *.
 */
static inline const char *
ismc_test_capture(struct ismc_test *t, void (*fn)(FILE *, void *), void *arg)
{
	char *buf = NULL;
	size_t len = 0;
	const char *copy;
	FILE *fp;

	fp = open_memstream(&buf, &len);
	if (fp == NULL)
		ismc_test_die("open_memstream");
	fn(fp, arg);
	if (fclose(fp) != 0)
		ismc_test_die("fclose");
	copy = ismc_arena_strndup(&t->comp.arena, buf, len);
	free(buf);
	return copy;
}

static inline void
ismc_test_ast_cb(FILE *fp, void *items)
{
	ismc_ast_dump(fp, items, 0);
}

/* The --dump-ast text of an item list. */
static inline const char *
ismc_test_ast(struct ismc_test *t, const struct ismc_item *items)
{
	return ismc_test_capture(t, ismc_test_ast_cb, (void *)items);
}

struct ismc_test_tokens_arg {
	struct ismc_test	*t;
	uint32_t		 file;
};

static inline void
ismc_test_tokens_cb(FILE *fp, void *p)
{
	struct ismc_test_tokens_arg *a = p;

	ismc_dump_tokens(&a->t->comp, a->file, fp);
}

/* The --dump-tokens text of `text`, added as ISMC_TEST_FILE. */
static inline const char *
ismc_test_tokens(struct ismc_test *t, const char *text)
{
	struct ismc_test_tokens_arg a;

	a.t = t;
	a.file = ismc_test_add(t, ISMC_TEST_FILE, text);
	return ismc_test_capture(t, ismc_test_tokens_cb, &a);
}

/* The source tree: $ISMC_SRCDIR (make check sets it), else the build's. */
static inline const char *
ismc_test_srcdir(void)
{
	const char *d = getenv("ISMC_SRCDIR");

	if (d != NULL && *d != '\0')
		return d;
#ifdef ISMC_SRCDIR
	return ISMC_SRCDIR;
#else
	return ".";
#endif
}

/*
 * The path of `rel` in the third-party reference data: $ISMC_REFERENCE,
 * else ../shared/reference beside the source tree (as the shell tests
 * look for it). Returns a malloc'd path, or NULL when it does not exist
 * (the caller skips); `why` then says where it looked.
 */
static inline char *
ismc_test_refpath(const char *rel, char *why, size_t whylen)
{
	const char *d = getenv("ISMC_REFERENCE");
	char *p;
	int n;

	if (d != NULL && *d != '\0')
		n = asprintf(&p, "%s/%s", d, rel);
	else
		n = asprintf(&p, "%s/../shared/reference/%s",
		    ismc_test_srcdir(), rel);
	if (n < 0)
		return NULL;
	if (access(p, F_OK) != 0) {
		snprintf(why, whylen, "no reference data at %s (%s); set "
		    "ISMC_REFERENCE", p, strerror(errno));
		free(p);
		return NULL;
	}
	return p;
}

/*
 * Compiles `text`, added as ISMC_TEST_FILE, the way `ismc build` does:
 * parse, semantic analysis against the shipped catalogs, and the gap
 * analysis under the strict policy when the spec uses several
 * frameworks. Returns the IR, or NULL after syntax or semantic errors
 * (ismc_test_diags says which). Fixtures written in the language keep
 * tests independent of the IR's layout.
 */
static inline struct ismc_ir *
ismc_test_compile(struct ismc_test *t, const char *text)
{
	struct ismc_spec_file file;
	struct ismc_program prog;
	struct ismc_ir *ir;

	ismc_compilation_add_search_dir(&t->comp, ismc_arena_printf(
	    &t->comp.arena, "%s/frameworks", ismc_test_srcdir()));
	memset(&file, 0, sizeof file);
	file.file = ismc_test_add(t, ISMC_TEST_FILE, text);
	if (ismc_test_parse_file(t, file.file, &file.items) != 0)
		return NULL;
	memset(&prog, 0, sizeof prog);
	prog.files = &file;
	prog.nfiles = 1;
	ir = ismc_sema_run(&t->comp, &prog, NULL);
	if (ir == NULL || t->comp.diag.errors != 0)
		return NULL;
	ismc_readiness_analyse(&t->comp, ir);
	if (ir->nframeworks > 1)
		ismc_gap_analyse(&t->comp, ir, ISMC_GAP_STRICT);
	return t->comp.diag.errors == 0 ? ir : NULL;
}

#endif
