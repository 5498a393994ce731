/*
 * frontend.c - spec files and includes.
 *
 * Each file is read once, however often it is included, so a diamond of
 * includes is fine; a file that includes itself, directly or through
 * others, is an error at the include that closes the cycle.
 */
#include <config.h>

#include "frontend.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "compilation.h"
#include "confusable.h"
#include "parse.h"
#include "xalloc.h"

struct loader {
	struct ismc_compilation	*comp;
	struct ismc_program	*prog;
	size_t			 cap;
	size_t			 stack[ISMC_MAX_INCLUDE_DEPTH + 1];	/* files[] */
	size_t			 last[ISMC_MAX_INCLUDE_DEPTH + 1];	/* 1 + the
						 * last file each of those
						 * included; 0: none yet */
	size_t			 depth;
	const char		*key_include;
};

static void load_file(struct loader *, const char *path, struct ismc_span from,
    const struct ismc_item *inc);

static void
free_trees(void *p)
{
	ismc_arena_destroy(p);
	free(p);
}

/* Appends a file, linked to the file including it; returns its index. */
static size_t
add_file(struct loader *l, uint32_t file, struct ismc_item *items,
    const struct ismc_item *inc)
{
	struct ismc_program *p = l->prog;
	struct ismc_spec_file *sf;
	size_t at = p->nfiles, parent;

	if (p->nfiles == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 8;
		struct ismc_spec_file *n = ISMC_NEW_ARRAY(&l->comp->arena,
		    struct ismc_spec_file, ncap);

		if (p->nfiles)
			memcpy(n, p->files, p->nfiles * sizeof *n);
		p->files = n;
		l->cap = ncap;
	}
	sf = &p->files[p->nfiles++];
	sf->file = file;
	sf->items = items;
	sf->included_at = inc;
	sf->first_included = sf->next_sibling = 0;
	if (l->depth > 0) {
		parent = l->stack[l->depth - 1];
		if (l->last[l->depth - 1] == 0)
			p->files[parent].first_included = at + 1;
		else
			p->files[l->last[l->depth - 1] - 1].next_sibling =
			    at + 1;
		l->last[l->depth - 1] = at + 1;
	}
	return at;
}

/* "dir/of/including.isms" + "x.isms" -> "dir/of/x.isms". */
static const char *
resolve_relative(struct ismc_arena *a, const char *from, const char *path)
{
	const char *slash;

	if (path[0] == '/' || (slash = strrchr(from, '/')) == NULL)
		return path;
	return ismc_arena_printf(a, "%.*s/%s", (int)(slash - from), from, path);
}

/* Whether source `file` is being read further up the include chain. */
static bool
on_stack(const struct loader *l, uint32_t file, size_t *at)
{
	size_t i;

	for (i = 0; i < l->depth; i++) {
		if (l->prog->files[l->stack[i]].file == file) {
			*at = i;
			return true;
		}
	}
	return false;
}

static void
report_cycle(struct loader *l, struct ismc_span from, size_t at)
{
	struct ismc_diag *d = &l->comp->diag;
	const struct ismc_source *s = ismc_sources_get(&l->comp->sources,
	    l->prog->files[l->stack[at]].file);

	if (at + 1 == l->depth)
		ismc_diag_error(d, from, "'%s' includes itself", s->path);
	else
		ismc_diag_error(d, from, "include cycle: '%s' is already "
		    "being included", s->path);
}

static void
follow_includes(struct loader *l, uint32_t file, struct ismc_item *items)
{
	struct ismc_diag *d = &l->comp->diag;
	const struct ismc_source *src = ismc_sources_get(&l->comp->sources, file);
	struct ismc_item *it;

	for (it = items; it != NULL; it = it->next) {
		if (it->key != l->key_include)
			continue;
		if (it->nargs != 1 || it->args->kind != ISMC_V_STRING ||
		    it->has_body) {
			ismc_diag_error(d, it->span, "'include' takes one "
			    "quoted file name");
			continue;
		}
		if (l->depth >= ISMC_MAX_INCLUDE_DEPTH) {
			ismc_diag_error(d, it->args->span, "includes nested "
			    "too deeply (limit %d)", ISMC_MAX_INCLUDE_DEPTH);
			return;
		}
		load_file(l, resolve_relative(&l->comp->arena, src->path,
		    it->args->text), it->args->span, it);
		if (ismc_diag_stopped(d))
			return;
	}
}

static void
load_file(struct loader *l, const char *path, struct ismc_span from,
    const struct ismc_item *inc)
{
	struct ismc_compilation *c = l->comp;
	struct ismc_item *items = NULL;
	uint32_t file;
	unsigned errors;
	size_t at, index;
	bool fresh;

	/* The guarded read refuses FIFOs and devices for includes; only
	 * the command line may name them (e.g. /dev/stdin). */
	file = ismc_compilation_read(c, path, ISMC_INPUT_SPEC,
	    from.file == ISMC_NO_FILE ? ISMC_INPUT_NAMED : 0, from, &fresh);
	if (file == ISMC_NO_FILE)
		return;
	if (!fresh) {
		if (on_stack(l, file, &at))
			report_cycle(l, from, at);
		return;		/* already read: include once */
	}
	errors = c->diag.errors;
	ismc_parse_tree(c, l->prog->trees, file, &items);
	/* Nothing but blanks and comments: most likely a truncated copy. */
	if (items == NULL && c->diag.errors == errors)
		ismc_diag_error(&c->diag, (struct ismc_span){ file, 0, 0 },
		    "empty spec file: '%s' declares nothing", path);
	index = add_file(l, file, items, inc);
	l->last[l->depth] = 0;
	l->stack[l->depth++] = index;
	follow_includes(l, file, items);
	l->depth--;
}

void
ismc_frontend_load(struct ismc_compilation *c, const char *const *paths,
    size_t npaths, struct ismc_program *prog)
{
	struct loader l;
	size_t i;

	memset(prog, 0, sizeof *prog);
	prog->trees = ismc_xmalloc(sizeof *prog->trees);
	ismc_arena_init(prog->trees);
	ismc_compilation_keep(c, free_trees, prog->trees);
	memset(&l, 0, sizeof l);
	l.comp = c;
	l.prog = prog;
	l.key_include = ismc_strtab_cstr(&c->strtab, "include");
	for (i = 0; i < npaths && !ismc_diag_stopped(&c->diag); i++)
		load_file(&l, paths[i], ISMC_NO_SPAN, NULL);
	prog->io_failed = c->io_failed;
	/* Every spec is read: no identifier is compared with the ones
	 * before it any more. */
	ismc_confusables_destroy(&c->confusables);
	ismc_confusables_init(&c->confusables);
}

void
ismc_frontend_release(struct ismc_program *prog)
{
	size_t i;

	if (prog->trees != NULL)
		ismc_arena_destroy(prog->trees);
	for (i = 0; i < prog->nfiles; i++) {
		prog->files[i].items = NULL;
		prog->files[i].included_at = NULL;
	}
	prog->released = true;
}
