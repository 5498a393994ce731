/*
 * compilation.c - set-up and tear-down of one compilation.
 */
#include <config.h>

#include "compilation.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "xalloc.h"

void
ismc_compilation_init(struct ismc_compilation *c, FILE *diag_out)
{
	memset(c, 0, sizeof *c);
	ismc_arena_init(&c->arena);
	ismc_strtab_init(&c->strtab);
	ismc_confusables_init(&c->confusables);
	ismc_sources_init(&c->sources);
	ismc_diag_init(&c->diag, &c->sources, diag_out);
}

void
ismc_compilation_init_from(struct ismc_compilation *c,
    const struct ismc_compilation *base, FILE *diag_out)
{
	memset(c, 0, sizeof *c);
	ismc_arena_init(&c->arena);
	ismc_strtab_init_from(&c->strtab, &base->strtab);
	ismc_confusables_init(&c->confusables);
	ismc_sources_init_from(&c->sources, &base->sources);
	ismc_diag_init(&c->diag, &c->sources, diag_out);
	c->search_path = ismc_xreallocarray(NULL, base->nsearch + 1,
	    sizeof *c->search_path);
	c->search_shipped = ismc_xreallocarray(NULL, base->nsearch + 1,
	    sizeof *c->search_shipped);
	if (base->nsearch > 0) {
		memcpy(c->search_path, base->search_path,
		    base->nsearch * sizeof *c->search_path);
		memcpy(c->search_shipped, base->search_shipped,
		    base->nsearch * sizeof *c->search_shipped);
	}
	c->nsearch = base->nsearch;
	c->search = base->search;
	c->search_borrowed = base->search != NULL;
	if (base->ncatalogs > 0) {
		c->catalogs = ismc_xreallocarray(NULL, base->ncatalogs,
		    sizeof *c->catalogs);
		memcpy(c->catalogs, base->catalogs,
		    base->ncatalogs * sizeof *c->catalogs);
	}
	c->ncatalogs = c->nborrowed = base->ncatalogs;
}

void
ismc_compilation_destroy(struct ismc_compilation *c)
{
	size_t i;

	for (i = c->nkept; i-- > 0; )
		c->kept[i].release(c->kept[i].p);
	free(c->kept);
	/* A base's catalogs are the base's; the array is this one's. */
	if (c->nborrowed > 0)
		free(c->catalogs);
	free(c->search_path);
	free(c->search_shipped);
	for (i = 0; i < c->nroots; i++)
		free(c->roots[i]);
	free(c->roots);
	ismc_diag_free(&c->diag);
	ismc_confusables_destroy(&c->confusables);
	ismc_sources_destroy(&c->sources);
	ismc_strtab_destroy(&c->strtab);
	ismc_arena_destroy(&c->arena);
}

void
ismc_compilation_keep(struct ismc_compilation *c, void (*release)(void *),
    void *p)
{
	c->kept = ismc_xreallocarray(c->kept, c->nkept + 1, sizeof *c->kept);
	c->kept[c->nkept].release = release;
	c->kept[c->nkept++].p = p;
}

static void
add_dir(struct ismc_compilation *c, const char *dir, bool shipped)
{
	c->search_path = ismc_xreallocarray(c->search_path, c->nsearch + 1,
	    sizeof *c->search_path);
	c->search_shipped = ismc_xreallocarray(c->search_shipped,
	    c->nsearch + 1, sizeof *c->search_shipped);
	c->search_path[c->nsearch] = ismc_arena_strdup(&c->arena, dir);
	c->search_shipped[c->nsearch++] = shipped;
}

void
ismc_compilation_add_search_dir(struct ismc_compilation *c, const char *dir)
{
	add_dir(c, dir, false);
}

void
ismc_compilation_add_shipped_dir(struct ismc_compilation *c, const char *dir)
{
	add_dir(c, dir, true);
}

/* ---- reading inputs ------------------------------------------------------ */

static const char *const kind_names[] = {	/* ORDER ISMC_INPUT */
	"file", "spec", "catalog", "mapping set", "texts file",
};

const char *
ismc_input_kind_name(enum ismc_input_kind kind)
{
	return (size_t)kind < sizeof kind_names / sizeof kind_names[0] ?
	    kind_names[kind] : kind_names[0];
}

static bool
add_root(struct ismc_compilation *c, const char *dir)
{
	char *r = ismc_path_canonical(dir);
	size_t i;

	if (r == NULL)
		return false;	/* missing: nothing can come from it */
	for (i = 0; i < c->nroots; i++) {
		if (strcmp(c->roots[i], r) == 0) {
			free(r);
			return true;
		}
	}
	c->roots = ismc_xreallocarray(c->roots, c->nroots + 1,
	    sizeof *c->roots);
	c->roots[c->nroots++] = r;
	return true;
}

void
ismc_compilation_sandbox(struct ismc_compilation *c, const char *root,
    const char *const *specs, size_t nspecs)
{
	const char *slash;
	char *dir;
	size_t i;

	c->sandbox = true;
	c->sandbox_tree = root != NULL ? ismc_arena_printf(&c->arena, "'%s'",
	    root) : "the specs' directories";
	if (root != NULL) {
		if (!add_root(c, root)) {
			ismc_diag_error(&c->diag, ISMC_NO_SPAN, "--sandbox: "
			    "cannot use directory '%s': %s", root,
			    strerror(errno));
			c->io_failed = true;
		}
		nspecs = 0;
	}
	for (i = 0; i < nspecs; i++) {
		/* The directory the spec is named in, not where a link
		 * leads: a linked spec cannot widen its own tree. */
		if ((slash = strrchr(specs[i], '/')) == NULL) {
			add_root(c, ".");
			continue;
		}
		dir = ismc_arena_strndup(&c->arena, specs[i],
		    slash == specs[i] ? 1 : (size_t)(slash - specs[i]));
		add_root(c, dir);
	}
	for (i = 0; i < c->nsearch; i++)
		add_root(c, c->search_path[i]);
}

/* --sandbox: whether `path` may be read; reports why not. */
static bool
sandbox_allows(struct ismc_compilation *c, const char *path,
    enum ismc_input_kind kind, unsigned how, struct ismc_span from)
{
	char *resolved;
	size_t len;
	bool ok;

	ok = ismc_path_confined(path, (const char *const *)c->roots,
	    c->nroots, &resolved);
	if (resolved == NULL)
		return true;	/* missing: the read says so */
	if (!ok) {
		/* A spec the command line names is an I/O error (status 2),
		 * like any of those it cannot read. */
		if (how & ISMC_INPUT_NAMED)
			c->io_failed = true;
		ismc_diag_error(&c->diag, from, "--sandbox: '%s' lies outside "
		    "%s and the catalog search path", path, c->sandbox_tree);
	} else if (kind == ISMC_INPUT_SPEC && !(how & ISMC_INPUT_NAMED) &&
	    ((len = strlen(resolved)) < 5 ||
	    strcmp(resolved + len - 5, ".isms") != 0)) {
		/* Only specs are quoted in diagnostics: an include of some
		 * other file would show its lines. */
		ismc_diag_error(&c->diag, from, "--sandbox: an include must "
		    "name a .isms file, not '%s'", path);
		ok = false;
	}
	free(resolved);
	return ok;
}

static void
report_read_error(struct ismc_compilation *c, const char *path,
    enum ismc_input_kind kind, unsigned how, struct ismc_span from,
    const struct ismc_file_data *err)
{
	if (how & ISMC_INPUT_NAMED) {
		c->io_failed = true;
		ismc_diag_error(&c->diag, ISMC_NO_SPAN, "cannot read '%s': %s",
		    path, ismc_file_strerror(err));
	} else if (kind == ISMC_INPUT_OTHER) {
		ismc_diag_error(&c->diag, from, "cannot read '%s' (in the "
		    "catalog search path): %s", path, ismc_file_strerror(err));
	} else if (kind == ISMC_INPUT_SPEC) {
		ismc_diag_error(&c->diag, from, "cannot read '%s': %s", path,
		    ismc_file_strerror(err));
	} else {
		ismc_diag_error(&c->diag, from, "cannot read %s '%s': %s",
		    kind_names[kind], path, ismc_file_strerror(err));
	}
}

uint32_t
ismc_compilation_read(struct ismc_compilation *c, const char *path,
    enum ismc_input_kind kind, unsigned how, struct ismc_span from,
    bool *fresh)
{
	struct ismc_file_data err;
	struct ismc_source *src;
	const char *enc;
	unsigned flags = 0;
	uint32_t file;
	bool dummy;

	if (fresh == NULL)
		fresh = &dummy;
	*fresh = false;
	/* What the command line names is the user's choice, except that a
	 * spec named there defines its own tree and so must lie in it. */
	if (c->sandbox && (!(how & ISMC_INPUT_NAMED) ||
	    kind == ISMC_INPUT_SPEC) && !sandbox_allows(c, path, kind, how,
	    from))
		return ISMC_NO_FILE;
	/* Only the user, on the command line, may hand over a pipe. */
	if ((how & ISMC_INPUT_NAMED) && kind == ISMC_INPUT_SPEC && !c->sandbox)
		flags |= ISMC_READ_STREAM_OK;
	file = ismc_sources_load(&c->sources, path, flags, fresh, &err);
	if (file == ISMC_NO_FILE) {
		report_read_error(c, path, kind, how, from, &err);
		return ISMC_NO_FILE;
	}
	src = c->sources.files[file];
	if (!*fresh)
		return src->refused ? ISMC_NO_FILE : file;
	src->kind = kind;
	src->no_quote = c->sandbox && kind != ISMC_INPUT_SPEC;
	if ((enc = ismc_text_foreign_encoding(src->text, src->len)) != NULL) {
		src->refused = true;
		src->no_quote = true;	/* its "lines" are noise */
		ismc_diag_error(&c->diag, (struct ismc_span){ file, 0, 0 },
		    "'%s' is encoded in %s; ismc reads UTF-8 only (convert it "
		    "with 'iconv -f %s -t UTF-8')", path, enc, enc);
		return ISMC_NO_FILE;
	}
	return file;
}
