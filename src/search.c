/*
 * search.c - the catalog search path, indexed once per compilation.
 *
 * Each directory's files are listed in byte order of their names (so the
 * result does not depend on the file system or the locale), read once
 * through the guarded read, sniffed and peeked (datafile.h). The index is
 * two arrays: the files, and the items (catalogs and mapping sets) they
 * declare; a directory's files and items are contiguous.
 */
#include <config.h>

#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalog.h"
#include "compilation.h"
#include "datafile.h"
#include "mapping.h"
#include "suggest.h"
#include "symtab.h"
#include "xalloc.h"

struct sfile {
	const char		*path;		/* arena */
	const char		*stem;		/* name without extension; NULL
						 * below DIR/mappings */
	uint32_t		 file;		/* source id */
	enum ismc_data_format	 format;
	size_t			 first;		/* items[first, first + n) */
	size_t			 n;
};

struct sitem {
	struct ismc_data_item	 item;
	size_t			 file;		/* index into files */
};

struct sdir {
	const char		*path;
	bool			 shipped;
	bool			 indexed;
	size_t			 first;		/* files[first, first + n) */
	size_t			 n;
};

struct ismc_search {
	struct sdir		*dirs;
	size_t			 ndirs;
	struct sfile		*files;
	size_t			 nfiles;
	size_t			 fcap;
	struct sitem		*items;
	size_t			 nitems;
	size_t			 icap;
};

/* ---- the directories ---------------------------------------------------- */

static void	search_free(void *);

/*
 * The search path without repeats: a directory named twice (ISMC_PATH
 * and the built-in default often agree) is searched once, where it first
 * appears, and is shipped if any of its names is.
 */
static struct ismc_search *
search_of(struct ismc_compilation *c)
{
	struct ismc_search *s = c->search;
	struct ismc_file_id *ids;
	bool *known;
	size_t i, j;

	if (s != NULL)
		return s;
	s = c->search = ismc_xcalloc(1, sizeof *s);
	ismc_compilation_keep(c, search_free, s);
	s->dirs = ismc_xcalloc(c->nsearch + 1, sizeof *s->dirs);
	ids = ismc_xcalloc(c->nsearch + 1, sizeof *ids);
	known = ismc_xcalloc(c->nsearch + 1, sizeof *known);
	for (i = 0; i < c->nsearch; i++) {
		known[i] = ismc_file_identify(c->search_path[i], &ids[i]);
		for (j = 0; j < i; j++) {
			if (known[i] ? known[j] && ids[i].dev == ids[j].dev &&
			    ids[i].ino == ids[j].ino :
			    strcmp(c->search_path[i], c->search_path[j]) == 0)
				break;
		}
		if (j < i) {
			/* dirs[] holds the directories in the order of their
			 * first appearance: find j's. */
			size_t k;

			for (k = 0; k < s->ndirs; k++) {
				if (s->dirs[k].path == c->search_path[j])
					s->dirs[k].shipped |=
					    c->search_shipped[i];
			}
			continue;
		}
		s->dirs[s->ndirs].path = c->search_path[i];
		s->dirs[s->ndirs].shipped = c->search_shipped[i];
		s->ndirs++;
	}
	free(ids);
	free(known);
	return s;
}

/* The index lives as long as the compilation (ismc_compilation_keep). */
static void
search_free(void *p)
{
	struct ismc_search *s = p;

	free(s->dirs);
	free(s->files);
	free(s->items);
	free(s);
}

/* ---- indexing ------------------------------------------------------------ */

/* The name of data file `name` without its extension: its length. */
static size_t
stem_len(const char *name)
{
	size_t len = strlen(name);

	if (len > 5 && (strcmp(name + len - 5, ".yaml") == 0 ||
	    strcmp(name + len - 5, ".json") == 0))
		return len - 5;
	return len;
}

/* Reads, sniffs and peeks data file `path`; `top`: not in mappings/. */
static void
add_file(struct ismc_compilation *c, struct ismc_search *s,
    const struct sdir *d, const char *path, bool top, struct ismc_span use)
{
	struct ismc_data_items items = { NULL, 0, 0 };
	const struct ismc_source *src;
	const char *name;
	struct sfile *f;
	uint32_t file;
	size_t i;

	f = &s->files[s->nfiles];
	memset(f, 0, sizeof *f);
	f->path = ismc_arena_strdup(&c->arena, path);
	file = ismc_compilation_read(c, f->path, ISMC_INPUT_OTHER, 0, use,
	    NULL);
	if (file == ISMC_NO_FILE)
		return;
	src = ismc_sources_get(&c->sources, file);
	c->sources.files[file]->shipped |= d->shipped;
	if (top) {
		name = strrchr(f->path, '/') + 1;
		f->stem = ismc_arena_strndup(&c->arena, name, stem_len(name));
	}
	f->file = file;
	f->format = ismc_data_sniff(src->text, src->len);
	f->first = s->nitems;
	ismc_data_peek(c, file, f->format, &items);
	for (i = 0; i < items.n; i++) {
		if (s->nitems == s->icap) {
			s->icap = s->icap ? s->icap * 2 : 64;
			s->items = ismc_xreallocarray(s->items, s->icap,
			    sizeof *s->items);
		}
		s->items[s->nitems].item = items.v[i];
		s->items[s->nitems].file = s->nfiles;
		s->nitems++;
	}
	f->n = items.n;
	ismc_data_items_free(&items);
	s->nfiles++;
}

/* Two files of one directory may not declare one id: which would win
 * would depend on their names. */
static void
check_duplicates(struct ismc_compilation *c, struct ismc_search *s,
    const struct sdir *d)
{
	struct ismc_symtab ids[2];
	const struct sitem *it, *prev;
	size_t i, k;

	ismc_symtab_init(&ids[0]);
	ismc_symtab_init(&ids[1]);
	for (i = s->files[d->first].first; i < s->nitems; i++) {
		it = &s->items[i];
		if (it->item.id == NULL)
			continue;
		k = it->item.mapping;
		prev = ismc_symtab_put(&ids[k], it->item.id, (void *)it);
		if (prev == NULL ||
		    s->files[prev->file].file == s->files[it->file].file)
			continue;
		ismc_diag_error(&c->diag, it->item.span, "%s id '%s' is "
		    "declared twice in '%s'", k ? "mapping set" : "catalog",
		    it->item.id, d->path);
		ismc_diag_note(&c->diag, prev->item.span, "'%s' also declares "
		    "it", s->files[prev->file].path);
	}
	ismc_symtab_destroy(&ids[0]);
	ismc_symtab_destroy(&ids[1]);
}

static void
index_dir(struct ismc_compilation *c, struct ismc_search *s, size_t di,
    struct ismc_span use)
{
	struct sdir *d = &s->dirs[di];
	char **paths;
	size_t n, i, k;

	if (d->indexed)
		return;
	d->indexed = true;
	d->first = s->nfiles;
	for (k = 0; k < 2; k++) {
		paths = ismc_data_files(k == 0 ? d->path : ismc_arena_printf(
		    &c->arena, "%s/mappings", d->path), &n);
		if (s->nfiles + n > s->fcap) {
			s->fcap = s->nfiles + n + 16;
			s->files = ismc_xreallocarray(s->files, s->fcap,
			    sizeof *s->files);
		}
		for (i = 0; i < n && !ismc_diag_stopped(&c->diag); i++)
			add_file(c, s, d, paths[i], k == 0, use);
		ismc_data_files_free(paths, n);
	}
	d->n = s->nfiles - d->first;
	if (d->n > 0)
		check_duplicates(c, s, d);
}

static void
index_all(struct ismc_compilation *c, struct ismc_search *s,
    struct ismc_span use)
{
	size_t i;

	for (i = 0; i < s->ndirs; i++)
		index_dir(c, s, i, use);
}

/* ---- shipped data replaced --------------------------------------------- */

static bool
same_content(const struct ismc_compilation *c, uint32_t a, uint32_t b)
{
	const struct ismc_source *x = ismc_sources_get(&c->sources, a);
	const struct ismc_source *y = ismc_sources_get(&c->sources, b);

	return a == b || (x->len == y->len &&
	    memcmp(x->text, y->text, x->len) == 0);
}

/* Whether interned `name` is `id` or one of the `n` aliases. */
static bool
names_one(const char *id, const char *const *aliases, size_t n,
    const char *name)
{
	size_t i;

	if (id == name)
		return true;
	for (i = 0; i < n; i++) {
		if (aliases[i] == name)
			return true;
	}
	return false;
}

static bool
answers_to(const struct ismc_data_item *it, const char *name)
{
	return names_one(it->id, it->aliases, it->naliases, name);
}

/*
 * The shipped file that declares catalog or mapping set `id` (or, when
 * `name` is not NULL, a catalog answering to `name`) with other content
 * than `file`; NULL when there is none.
 */
static const struct sfile *
shipped_rival(struct ismc_compilation *c, struct ismc_search *s, bool mapping,
    const char *id, const char *name, uint32_t file, struct ismc_span use)
{
	const struct sitem *it;
	const struct sfile *f;
	size_t i, j;

	if (ismc_sources_get(&c->sources, file)->shipped)
		return NULL;
	for (i = 0; i < s->ndirs; i++) {
		if (!s->dirs[i].shipped)
			continue;
		index_dir(c, s, i, use);
		for (j = s->dirs[i].first; j < s->dirs[i].first +
		    s->dirs[i].n; j++) {
			f = &s->files[j];
			for (it = &s->items[f->first];
			    it < &s->items[f->first + f->n]; it++) {
				if (it->item.mapping != mapping ||
				    it->item.id == NULL ||
				    (it->item.id != id && (name == NULL ||
				    !answers_to(&it->item, name))))
					continue;
				if (!same_content(c, f->file, file))
					return f;
			}
		}
	}
	return NULL;
}

void
ismc_search_check_shipped(struct ismc_compilation *c, bool mapping,
    const char *id, uint32_t file, struct ismc_span at)
{
	const struct sfile *f;

	f = shipped_rival(c, search_of(c), mapping, id, NULL, file, at);
	if (f != NULL)
		ismc_diag_warning(&c->diag, ISMC_W_SHADOWED_CATALOG,
		    at, "%s '%s' from '%s' replaces "
		    "the shipped one in '%s'", mapping ? "mapping set" :
		    "catalog", id, ismc_sources_get(&c->sources, file)->path,
		    f->path);
}

/* ---- catalogs ------------------------------------------------------------ */

/* "<name>.yaml" is tried only for names that cannot leave the directory. */
static bool
plain_file_name(const char *name)
{
	return name[0] != '.' && ismc_catalog_valid_name(name, strlen(name));
}

/* The catalog item of file f answering to `name`, else its first. */
static const struct sitem *
catalog_of_file(const struct ismc_search *s, const struct sfile *f,
    const char *name)
{
	const struct sitem *it, *first = NULL;

	for (it = &s->items[f->first]; it < &s->items[f->first + f->n];
	    it++) {
		if (it->item.mapping)
			continue;
		if (it->item.id != NULL && answers_to(&it->item, name))
			return it;
		if (first == NULL)
			first = it;
	}
	return first;
}

/* Rule 1: the file named after the catalog, if it holds one. A foreign
 * file there is said, then passed over. */
static const struct sitem *
by_file_name(struct ismc_compilation *c, struct ismc_search *s,
    const struct sdir *d, const char *name, struct ismc_span use)
{
	const struct sfile *f;
	const struct sitem *it;
	size_t j;

	if (!plain_file_name(name))
		return NULL;
	for (j = d->first; j < d->first + d->n; j++) {
		f = &s->files[j];
		if (f->stem == NULL || strcmp(f->stem, name) != 0)
			continue;
		if ((it = catalog_of_file(s, f, name)) != NULL)
			return it;
		ismc_diag_warning(&c->diag, ISMC_W_NOT_A_CATALOG, use,
		    "'%s' holds no catalog (%s); the search for '%s' goes on",
		    f->path, ismc_data_format_name(f->format), name);
	}
	return NULL;
}

/*
 * Looks for `name` in directory d: true when that settled the search
 * (found: *out; or ambiguous, after an error: *out NULL).
 */
static bool
search_dir(struct ismc_compilation *c, struct ismc_search *s,
    const struct sdir *d, const char *name, struct ismc_span use,
    const struct sitem **out)
{
	const struct sitem *it, *hit = NULL;
	const struct sfile *f;
	size_t j;

	*out = NULL;
	if ((*out = by_file_name(c, s, d, name, use)) != NULL)
		return true;
	/* Rule 2: the one catalog whose id or alias is the name. */
	for (j = d->first; j < d->first + d->n; j++) {
		f = &s->files[j];
		for (it = &s->items[f->first]; it < &s->items[f->first + f->n];
		    it++) {
			if (it->item.mapping || !answers_to(&it->item, name))
				continue;
			if (hit != NULL && hit->item.id != it->item.id) {
				ismc_diag_error(&c->diag, use, "'%s' names "
				    "two catalogs in '%s': '%s' in '%s' and "
				    "'%s' in '%s'", name, d->path,
				    hit->item.id, s->files[hit->file].path,
				    it->item.id, f->path);
				return true;
			}
			if (hit == NULL)
				hit = it;
		}
	}
	*out = hit;
	return hit != NULL;
}

static void
report_not_found(struct ismc_compilation *c, const struct ismc_search *s,
    const char *name, struct ismc_span use)
{
	struct ismc_suggest sg;
	struct ismc_buf b;
	const char *hint;
	size_t i, j;

	ismc_suggest_init(&sg, name);
	for (i = 0; i < c->ncatalogs; i++) {
		ismc_suggest_offer(&sg, c->catalogs[i]->id);
		for (j = 0; j < c->catalogs[i]->naliases; j++)
			ismc_suggest_offer(&sg, c->catalogs[i]->aliases[j]);
	}
	for (i = 0; i < s->nitems; i++) {
		if (s->items[i].item.mapping || s->items[i].item.id == NULL)
			continue;
		ismc_suggest_offer(&sg, s->items[i].item.id);
		for (j = 0; j < s->items[i].item.naliases; j++)
			ismc_suggest_offer(&sg, s->items[i].item.aliases[j]);
	}
	if ((hint = ismc_suggest_result(&sg)) != NULL)
		ismc_diag_error(&c->diag, use, "unknown framework '%s'; did "
		    "you mean '%s'?", name, hint);
	else
		ismc_diag_error(&c->diag, use, "unknown framework '%s'", name);
	if (s->ndirs == 0) {
		ismc_diag_note(&c->diag, ISMC_NO_SPAN, "the catalog search "
		    "path is empty; use -I DIR or set ISMC_PATH");
		return;
	}
	ismc_buf_init(&b);
	for (i = 0; i < s->ndirs; i++)
		ismc_buf_printf(&b, "%s'%s'", i > 0 ? ", " : "",
		    s->dirs[i].path);
	ismc_diag_note(&c->diag, ISMC_NO_SPAN, "looked for catalogs in %s",
	    ismc_buf_cstr(&b));
	ismc_buf_free(&b);
}

struct ismc_catalog *
ismc_search_catalog(struct ismc_compilation *c, const char *name,
    struct ismc_span use)
{
	const char *iname = ismc_strtab_cstr(&c->strtab, name);
	struct ismc_search *s = search_of(c);
	const struct sitem *hit = NULL;
	const struct sfile *f, *rival;
	struct ismc_catalog *cat;
	struct ismc_span decl;
	const char *path;
	size_t i;
	bool settled = false;

	for (i = 0; i < c->ncatalogs; i++) {
		if (names_one(c->catalogs[i]->id, c->catalogs[i]->aliases,
		    c->catalogs[i]->naliases, iname))
			return c->catalogs[i];
	}
	for (i = 0; i < s->ndirs && !settled; i++) {
		index_dir(c, s, i, use);
		settled = search_dir(c, s, &s->dirs[i], iname, use, &hit);
	}
	if (!settled)
		report_not_found(c, s, name, use);
	if (hit == NULL)
		return NULL;
	f = &s->files[hit->file];
	cat = ismc_data_load_catalog(c, f->file, f->format, &hit->item);
	if (cat == NULL)
		return NULL;
	c->sources.files[f->file]->kind = ISMC_INPUT_CATALOG;
	/* shipped_rival indexes further directories, which may move
	 * s->files and s->items: keep what is needed of them first. */
	path = f->path;
	decl = hit->item.span;
	rival = shipped_rival(c, s, false, cat->id, iname, f->file, use);
	if (rival != NULL) {
		ismc_diag_warning(&c->diag, ISMC_W_SHADOWED_CATALOG,
		    use, "catalog '%s' from '%s' "
		    "replaces the shipped one in '%s'", cat->id, path,
		    rival->path);
		ismc_diag_note(&c->diag, decl, "the catalog used is "
		    "declared here");
	}
	return cat;
}

/* ---- mapping sets ---------------------------------------------------------- */

static bool
among(const char *id, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i] == id)
			return true;
	}
	return false;
}

/*
 * A shipped set was written against the shipped catalogs' ids: when one of
 * its two catalogs in use was loaded from elsewhere (a replacement, said
 * by -Wshadowed-catalog), its rows would name ids the replacement need not
 * have, so the set is left out, and said.
 */
static const struct ismc_catalog *
replaced_end(struct ismc_compilation *c, const struct ismc_mapping_set *m)
{
	const char *ends[2] = { m->source, m->target };
	size_t i, k;

	if (!ismc_sources_get(&c->sources, m->file)->shipped)
		return NULL;
	for (k = 0; k < 2; k++) {
		for (i = 0; i < c->ncatalogs; i++) {
			if (c->catalogs[i]->id != ends[k])
				continue;
			if (!ismc_sources_get(&c->sources,
			    c->catalogs[i]->file)->shipped)
				return c->catalogs[i];
		}
	}
	return NULL;
}

/* Loads the sets of file f whose ids are in `chosen` (id -> item), each
 * file once: one file may hold several sets. */
static void
load_file_sets(struct ismc_compilation *c, const struct sfile *f,
    const struct ismc_symtab *chosen,
    void (*add)(void *, struct ismc_mapping_set *), void *ctx)
{
	struct ismc_mapping_set **sets;
	const struct ismc_catalog *rep;
	const struct sitem *it;
	size_t i, n;

	n = ismc_data_load_mappings(c, f->file, f->format, &sets);
	if (n > 0)
		c->sources.files[f->file]->kind = ISMC_INPUT_MAPPING;
	for (i = 0; i < n; i++) {
		it = ismc_symtab_get(chosen, sets[i]->id);
		if (it == NULL || it->item.id == NULL ||
		    &c->search->files[it->file] != f)
			continue;
		if ((rep = replaced_end(c, sets[i])) != NULL) {
			ismc_diag_warning(&c->diag, ISMC_W_SHADOWED_CATALOG,
			    it->item.span, "the shipped mapping set '%s' is "
			    "not applied: it names the ids of the shipped "
			    "'%s', which '%s' replaces", sets[i]->id, rep->id,
			    ismc_sources_get(&c->sources, rep->file)->path);
			continue;
		}
		ismc_search_check_shipped(c, true, sets[i]->id, f->file,
		    it->item.span);
		add(ctx, sets[i]);
	}
	free(sets);
}

void
ismc_search_mappings(struct ismc_compilation *c, const char *const *used,
    size_t nused, const char *const *taken, size_t ntaken,
    struct ismc_span use, void (*add)(void *, struct ismc_mapping_set *),
    void *ctx)
{
	struct ismc_search *s = search_of(c);
	struct ismc_symtab chosen;
	const struct sitem *it;
	size_t i, last = SIZE_MAX;

	index_all(c, s, use);
	/* Of sets with one id, the first directory's: items come in the
	 * order of directories, then of file names. */
	ismc_symtab_init(&chosen);
	for (i = 0; i < s->nitems; i++) {
		it = &s->items[i];
		if (it->item.mapping && it->item.id != NULL &&
		    among(it->item.source, used, nused) &&
		    among(it->item.target, used, nused) &&
		    !among(it->item.id, taken, ntaken))
			ismc_symtab_put(&chosen, it->item.id, (void *)it);
	}
	/* Items of one file are adjacent: each file is loaded once. */
	for (i = 0; i < chosen.count && !ismc_diag_stopped(&c->diag); i++) {
		it = chosen.vals[i];
		if (it->file == last)
			continue;
		last = it->file;
		load_file_sets(c, &s->files[it->file], &chosen, add, ctx);
	}
	ismc_symtab_destroy(&chosen);
}
