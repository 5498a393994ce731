/*
 * fuzz-build.c - libFuzzer harness: one spec compiled as `ismc build`
 * would, then every report in every table format, every chart as PNG and
 * SVG and the auditor's PDF rendered into memory and thrown away.
 */
#include "fuzz.h"

#include "arena.h"
#include "buf.h"
#include "backend.h"
#include "xalloc.h"

/* Rendering is the slow part; small specs reach every branch of it. */
#define MAX_INPUT	(16 * 1024)

/* What came out of one build. */
struct outputs {
	struct ismc_arena	*arena;
	const char		**names;	/* heap array, arena strings */
	size_t			 n;
};

/*
 * Accepts every output after checking what the outdir would require of it
 * (outdir.h): a plain file name, not starting with '.', given once. And
 * no format writes an empty file.
 */
static bool
collect(void *ctx, const char *name, const struct ismc_buf *b)
{
	struct outputs *o = ctx;
	size_t i;

	if (name[0] == '\0' || name[0] == '.' || strchr(name, '/') != NULL ||
	    b->len == 0 || b->data == NULL)
		abort();
	for (i = 0; i < o->n; i++)
		if (strcmp(o->names[i], name) == 0)
			abort();
	o->names = ismc_xreallocarray(o->names, o->n + 1, sizeof *o->names);
	o->names[o->n++] = ismc_arena_strdup(o->arena, name);
	return true;
}

int	LLVMFuzzerInitialize(int *, char ***);

/*
 * Once, before the first input is timed: the shipped catalogs, and
 * fontconfig's and pango's caches, which a first rendering fills (seconds
 * on a busy machine: a first input would otherwise pass -timeout).
 */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char warm[] = "framework iso27001\n";

	(void)argc;
	(void)argv;
	(void)LLVMFuzzerTestOneInput((const uint8_t *)warm, sizeof warm - 1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_run r;
	struct outputs o;

	if (size > MAX_INPUT)
		return -1;
	fuzz_compile(&r, data, size);
	if (r.ir != NULL) {
		memset(&o, 0, sizeof o);
		o.arena = &r.c.arena;
		(void)ismc_backend_run(r.ir, &r.c.arena, &r.c.diag, NULL, NULL, 0,
		    collect, &o);
		free(o.names);
	}
	fuzz_run_destroy(&r);
	return 0;
}
