/*
 * datafile.c - sniffing, header peeks and loading by format.
 *
 * The reader table at the end is the one place a new format plugs in:
 * a peek that lists what a file holds without reading it all, and loaders
 * for its catalogs and mapping sets.
 */
#include <config.h>

#include "datafile.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "compilation.h"
#include "mapping.h"
#include "xalloc.h"
#include "yamlnode.h"

/* ---- a broken native file -------------------------------------------- */

bool
ismc_data_looks_native(const char *buf, size_t len)
{
	const char *s = buf, *end = buf + len, *nl, *v;
	static const char key[] = "format:";

	for (; s < end; s = nl + 1) {
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		if ((size_t)(nl - s) < sizeof key - 1 ||
		    memcmp(s, key, sizeof key - 1) != 0)
			continue;
		for (v = s + sizeof key - 1; v < nl && (*v == ' ' ||
		    *v == '\t' || *v == '"' || *v == '\''); v++)
			continue;
		return nl - v >= 5 && memcmp(v, "ismc-", 5) == 0;
	}
	return false;
}

/* ---- items --------------------------------------------------------------- */

void
ismc_data_items_push(struct ismc_data_items *v, const struct ismc_data_item *it)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->v = ismc_xreallocarray(v->v, v->cap, sizeof *v->v);
	}
	v->v[v->n++] = *it;
}

void
ismc_data_items_free(struct ismc_data_items *v)
{
	free(v->v);
	memset(v, 0, sizeof *v);
}

/* ---- ismc's own formats -------------------------------------------------- */

/* A catalog id or alias in a header, interned; NULL when malformed. */
static const char *
header_name(struct ismc_compilation *c, const struct ismc_ynode *v)
{
	if (v == NULL || v->kind != ISMC_YNODE_SCALAR ||
	    !ismc_catalog_valid_name(v->u.str, v->len))
		return NULL;
	return ismc_strtab_intern(&c->strtab, v->u.str, v->len);
}

static void
peek_catalog_header(struct ismc_compilation *c, const struct ismc_ynode *hdr,
    struct ismc_data_item *it)
{
	const struct ismc_ynode *v, *seq;
	const char *name;
	size_t i;

	if ((v = ismc_ynode_get(hdr, "id")) == NULL ||
	    (it->id = header_name(c, v)) == NULL)
		return;
	it->span = v->span;
	seq = ismc_ynode_get(hdr, "aliases");
	if (seq == NULL || seq->kind != ISMC_YNODE_SEQUENCE || seq->len == 0)
		return;
	it->aliases = ISMC_NEW_ARRAY(&c->arena, const char *, seq->len);
	for (i = 0; i < seq->len; i++) {
		if ((name = header_name(c, ismc_ynode_item(seq, i))) != NULL)
			it->aliases[it->naliases++] = name;
	}
}

static void
peek_mapping_header(struct ismc_compilation *c, const struct ismc_ynode *hdr,
    struct ismc_data_item *it)
{
	const struct ismc_ynode *v = ismc_ynode_get(hdr, "id");

	it->source = header_name(c, ismc_ynode_get(hdr, "source"));
	it->target = header_name(c, ismc_ynode_get(hdr, "target"));
	if (it->source == NULL || it->target == NULL ||
	    (it->id = header_name(c, v)) == NULL)
		it->id = NULL;
	else
		it->span = v->span;
}

/* ismc-catalog/1 and ismc-mapping/1: the `catalog` or `mapping` header,
 * which comes before the nodes and rows, so the read stops early. */
static bool
peek_ismc(struct ismc_compilation *c, uint32_t file, bool mapping,
    struct ismc_data_items *out)
{
	const char *keys[] = { "format", mapping ? "mapping" : "catalog",
	    NULL };
	struct ismc_data_item it;
	const struct ismc_ynode *hdr;
	struct ismc_ydoc doc;

	memset(&it, 0, sizeof it);
	it.mapping = mapping;
	it.span = (struct ismc_span){ file, 0, 0 };
	ismc_ydoc_parse_keys(&doc, &c->sources, file, keys);
	hdr = ismc_ynode_get(doc.root, keys[1]);
	if (hdr != NULL && hdr->kind == ISMC_YNODE_MAPPING) {
		if (mapping)
			peek_mapping_header(c, hdr, &it);
		else
			peek_catalog_header(c, hdr, &it);
	}
	ismc_ydoc_free(&doc);
	ismc_data_items_push(out, &it);
	return true;
}

static bool
peek_ismc_catalog(struct ismc_compilation *c, uint32_t file,
    struct ismc_data_items *out)
{
	return peek_ismc(c, file, false, out);
}

static bool
peek_ismc_mapping(struct ismc_compilation *c, uint32_t file,
    struct ismc_data_items *out)
{
	return peek_ismc(c, file, true, out);
}

/* A file the sniff cannot place: a broken ismc file, or one of another
 * format version, lists one catalog without a name, so that a search for
 * its file's name loads it and the loader says what is wrong. Others
 * hold nothing. */
static bool
peek_unknown(struct ismc_compilation *c, uint32_t file,
    struct ismc_data_items *out)
{
	const struct ismc_source *src = ismc_sources_get(&c->sources, file);
	struct ismc_data_item it;

	if (src == NULL || !ismc_data_looks_native(src->text, src->len))
		return false;
	memset(&it, 0, sizeof it);
	it.span = (struct ismc_span){ file, 0, 0 };
	ismc_data_items_push(out, &it);
	return true;
}

static struct ismc_catalog *
load_ismc_catalog(struct ismc_compilation *c, uint32_t file,
    const struct ismc_data_item *it)
{
	(void)it;
	return ismc_catalog_load_file(c, file);
}

static size_t
load_ismc_mappings(struct ismc_compilation *c, uint32_t file,
    struct ismc_mapping_set ***out)
{
	struct ismc_mapping_set *m = ismc_mapping_load_file(c, file);

	if (m == NULL)
		return 0;
	*out = ismc_xmalloc(sizeof **out);
	(*out)[0] = m;
	return 1;
}

/* ---- the importers' formats (import.h) ------------------------------- */

static bool
peek_foreign(struct ismc_compilation *c, uint32_t file,
    struct ismc_data_items *out)
{
	struct ismc_import_names ns;
	struct ismc_data_item it;
	bool ok;
	size_t i;

	ok = ismc_import_peek(c, &c->sources, file, &ns);
	if (ok && ns.ncatalog > 0) {
		memset(&it, 0, sizeof it);
		it.id = ns.catalog[0];
		it.naliases = ns.ncatalog - 1;
		it.aliases = ISMC_NEW_ARRAY(&c->arena, const char *,
		    it.naliases + 1);
		for (i = 1; i < ns.ncatalog; i++)
			it.aliases[i - 1] = ns.catalog[i];
		/* Foreign files say where nothing is: the whole file. */
		it.span = ISMC_FILE_SPAN(file);
		ismc_data_items_push(out, &it);
	}
	for (i = 0; ok && i < ns.nsets; i++) {
		memset(&it, 0, sizeof it);
		it.mapping = true;
		it.id = ns.sets[i].id;
		it.source = ns.sets[i].source;
		it.target = ns.sets[i].target;
		it.span = ISMC_FILE_SPAN(file);
		it.index = i;
		ismc_data_items_push(out, &it);
	}
	ismc_import_names_free(&ns);
	return ok;
}

static struct ismc_catalog *
load_foreign_catalog(struct ismc_compilation *c, uint32_t file,
    const struct ismc_data_item *it)
{
	(void)it;
	return ismc_import_catalog(c, file);
}

static size_t
load_foreign_mappings(struct ismc_compilation *c, uint32_t file,
    struct ismc_mapping_set ***out)
{
	struct ismc_mapping_set **sets;
	size_t n = ismc_import_mappings(c, file, &sets);

	/* The importer's array is the arena's; the caller frees ours. */
	*out = ismc_xreallocarray(NULL, n + 1, sizeof **out);
	if (n > 0)
		memcpy(*out, sets, n * sizeof **out);
	return n;
}

/* ---- the reader table -------------------------------------------------- */

/*
 * One row per format, in enum order. A NULL peek means the format holds
 * no catalog or mapping set (or ismc cannot read it yet): the search then
 * passes such a file over, and says so where it stands under a name being
 * looked for. A new format adds its peek and loaders here.
 */
static const struct reader {
	enum ismc_data_format	 format;
	bool			(*peek)(struct ismc_compilation *, uint32_t,
				    struct ismc_data_items *);
	struct ismc_catalog	*(*catalog)(struct ismc_compilation *,
				    uint32_t, const struct ismc_data_item *);
	size_t			(*mappings)(struct ismc_compilation *,
				    uint32_t, struct ismc_mapping_set ***);
} readers[] = {		/* ORDER ISMC_DATA */
	{ ISMC_DATA_UNKNOWN, peek_unknown, load_ismc_catalog, NULL },
	{ ISMC_DATA_ISMC_CATALOG, peek_ismc_catalog, load_ismc_catalog,
	    NULL },
	{ ISMC_DATA_ISMC_MAPPING, peek_ismc_mapping, NULL,
	    load_ismc_mappings },
	{ ISMC_DATA_ISMC_TEXTS, NULL, NULL, NULL },
	{ ISMC_DATA_CISO_LIBRARY, peek_foreign, load_foreign_catalog,
	    load_foreign_mappings },
	{ ISMC_DATA_OSCAL_CATALOG, peek_foreign, load_foreign_catalog, NULL },
	{ ISMC_DATA_OSCAL_PROFILE, peek_foreign, load_foreign_catalog, NULL },
	{ ISMC_DATA_OSCAL_MAPPING, peek_foreign, NULL, load_foreign_mappings },
};

static const struct reader *
reader(enum ismc_data_format fmt)
{
	if ((size_t)fmt >= sizeof readers / sizeof readers[0])
		return &readers[0];
	return &readers[fmt];
}

bool
ismc_data_peek(struct ismc_compilation *c, uint32_t file,
    enum ismc_data_format fmt, struct ismc_data_items *out)
{
	const struct reader *r = reader(fmt);

	return r->peek != NULL && r->peek(c, file, out);
}

struct ismc_catalog *
ismc_data_load_catalog(struct ismc_compilation *c, uint32_t file,
    enum ismc_data_format fmt, const struct ismc_data_item *it)
{
	const struct reader *r = reader(fmt);

	return r->catalog != NULL ? r->catalog(c, file, it) : NULL;
}

size_t
ismc_data_load_mappings(struct ismc_compilation *c, uint32_t file,
    enum ismc_data_format fmt, struct ismc_mapping_set ***out)
{
	const struct reader *r = reader(fmt);

	*out = NULL;
	return r->mappings != NULL ? r->mappings(c, file, out) : 0;
}

struct ismc_catalog *
ismc_data_catalog_file(struct ismc_compilation *c, uint32_t file)
{
	const struct ismc_source *src = ismc_sources_get(&c->sources, file);
	struct ismc_catalog *cat;

	if ((cat = ismc_catalog_of_file(c, file)) != NULL)
		return cat;
	/* CISO Assistant and OSCAL files are told by content (import.h);
	 * anything else is read as ismc's own, whose loader says what is
	 * wrong with it. */
	if (src != NULL && ismc_data_is_foreign(ismc_data_sniff(src->text,
	    src->len)))
		return ismc_import_catalog(c, file);
	return ismc_catalog_load_file(c, file);
}

struct ismc_catalog *
ismc_data_catalog_load(struct ismc_compilation *c, const char *path)
{
	uint32_t file;

	file = ismc_compilation_read(c, path, ISMC_INPUT_CATALOG,
	    ISMC_INPUT_NAMED, ISMC_NO_SPAN, NULL);
	if (file == ISMC_NO_FILE)
		return NULL;
	return ismc_data_catalog_file(c, file);
}
