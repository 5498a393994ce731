/*
 * fuzz-build.c - libFuzzer harness: one spec compiled as `ismc build`
 * would, then rendered into memory and thrown away: every report as CSV,
 * Markdown and JSON and every chart's display list on every input, and
 * one of the costly formats (PNG, SVG, the PDF, HTML, XLSX, the OSCAL
 * export) picked by the input's length.
 *
 * Rasterising, typesetting with pango and zipping a workbook cost 10 to
 * 100 times what the tables and the chart layouts cost; doing all of it
 * for every input kept the harness at a few dozen inputs a second. The
 * tables and display lists hold every decision the renderers draw, and
 * each costly format still gets an input in eight.
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

/*
 * The formats of one input: the cheap ones, and the costly one (or none)
 * that (size / 2) % 8 picks. fuzz_run_gap spends the size's lowest bit on
 * the gap policy, so every format meets both policies.
 */
static size_t
formats(size_t size, const char **v)
{
	static const char *const costly[] = {
		"png", "svg", "pdf", "html", "xlsx", "oscal", NULL, NULL
	};
	const char *pick = costly[(size / 2) % 8];
	size_t n = 0;

	v[n++] = "csv";
	v[n++] = "md";
	v[n++] = "json";
	v[n++] = "dl";
	if (pick != NULL)
		v[n++] = pick;
	return n;
}

/* ISMC_FUZZ_ALL_FORMATS=1 renders every default format of every input,
 * as `ismc build` does (to compare speeds: doc/fuzzing.md). */
static bool
all_formats(void)
{
	const char *v = getenv("ISMC_FUZZ_ALL_FORMATS");

	return v != NULL && *v != '\0' && *v != '0';
}

/* Compiles one spec and renders it, in every default format or in those
 * of its size. */
static void
build(const uint8_t *data, size_t size, bool every)
{
	const char *fmts[8];
	struct fuzz_run r;
	struct outputs o;
	size_t n;

	fuzz_compile(&r, data, size);
	if (r.ir != NULL) {
		memset(&o, 0, sizeof o);
		o.arena = &r.c.arena;
		n = every ? 0 : formats(size, fmts);
		(void)ismc_backend_run(r.ir, &r.c.arena, &r.c.diag, NULL, fmts,
		    n, collect, &o);
		free(o.names);
	}
	fuzz_run_destroy(&r);
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
	build((const uint8_t *)warm, sizeof warm - 1, true);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > MAX_INPUT)
		return -1;
	build(data, size, all_formats());
	return 0;
}
