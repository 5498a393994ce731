/*
 * import.c - the entry points of import.h, and what the importers share:
 * documents of either syntax, ids derived from URNs and file names, and
 * the builders that turn nodes and rows into the project's own catalogs
 * and mapping sets under the same rules as native files.
 */
#include <config.h>

#include "import.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "import-int.h"
#include "import-json.h"
#include "utf8.h"
#include "xalloc.h"

/* ---- documents ----------------------------------------------------------- */

bool
imp_looks_like_json(const char *buf, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' ||
	    buf[i] == '\r'))
		i++;
	return i < len && (buf[i] == '{' || buf[i] == '[');
}

bool
imp_doc_parse(struct ismc_ydoc *doc, const struct ismc_sources *sources,
    struct ismc_diag *diag, uint32_t file)
{
	const struct ismc_source *src = ismc_sources_get(sources, file);

	if (src != NULL && imp_looks_like_json(src->text, src->len))
		return ismc_json_parse(doc, sources, diag, file);
	return ismc_ydoc_parse(doc, sources, diag, file, NULL);
}

void
imp_doc_free(struct ismc_ydoc *doc)
{
	ismc_json_free(doc);
	ismc_ydoc_free(doc);
}

/*
 * Noncharacters (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF), which JSON and YAML
 * escapes can write and the PDF's outline refuses, become U+FFFD, as
 * bytes that are not UTF-8 do in the JSON reports: the text of another
 * tool's file is shown, never a reason for `build` to fail where `check`
 * passed.
 */
static char *
no_noncharacters(struct ismc_compilation *comp, const char *s, size_t len)
{
	struct ismc_buf b;
	uint32_t cp;
	size_t i, n, start = 0;
	char *out;

	ismc_buf_init(&b);
	for (i = 0; i < len; i += n) {
		n = 1;
		if ((unsigned char)s[i] < 0xEF ||
		    (n = ismc_utf8_decode((const unsigned char *)s + i,
		    len - i, &cp)) == 0) {
			n = n == 0 ? 1 : n;
			continue;
		}
		if (!ismc_utf8_is_noncharacter(cp))
			continue;
		ismc_buf_add(&b, s + start, i - start);
		ismc_buf_adds(&b, "\xEF\xBF\xBD");
		start = i + n;
	}
	if (start == 0) {
		ismc_buf_free(&b);
		return ismc_arena_strndup(&comp->arena, s, len);
	}
	ismc_buf_add(&b, s + start, len - start);
	out = ismc_arena_strndup(&comp->arena, b.data, b.len);
	ismc_buf_free(&b);
	return out;
}

const char *
imp_opt_text(struct ismc_compilation *comp, const struct ismc_ynode *n)
{
	if (n == NULL || n->kind != ISMC_YNODE_SCALAR || ismc_ynode_is_null(n) ||
	    memchr(n->u.str, '\0', n->len) != NULL)
		return NULL;
	return no_noncharacters(comp, n->u.str, n->len);
}

const char *
imp_req_string(struct ismc_ydoc *doc, struct ismc_compilation *comp,
    const struct ismc_ynode *map, const char *key, const char *where)
{
	const struct ismc_ynode *v;
	char what[80];

	if ((v = ismc_ydoc_require(doc, map, key, where)) == NULL)
		return NULL;
	snprintf(what, sizeof what, "'%s'", key);
	if (ismc_ydoc_expect_string(doc, v, what) == NULL)
		return NULL;
	return ismc_strtab_intern(&comp->strtab, v->u.str, v->len);
}

const char *
imp_path(const struct ismc_sources *sources, uint32_t file)
{
	const struct ismc_source *src = ismc_sources_get(sources, file);

	return src != NULL ? src->path : "?";
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
ismc_data_files(const char *dir, size_t *np)
{
	struct dirent *de;
	char **v = NULL;
	size_t n = 0, cap = 0, len;
	struct ismc_buf b;
	DIR *d;

	*np = 0;
	if ((d = opendir(dir)) == NULL)
		return NULL;
	ismc_buf_init(&b);
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len <= 5 ||
		    (strcmp(de->d_name + len - 5, ".yaml") != 0 &&
		    strcmp(de->d_name + len - 5, ".json") != 0))
			continue;
		ismc_buf_reset(&b);
		ismc_buf_printf(&b, "%s/%s", dir, de->d_name);
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = ismc_xreallocarray(v, cap, sizeof *v);
		}
		v[n++] = ismc_xstrdup(ismc_buf_cstr(&b));
	}
	closedir(d);
	ismc_buf_free(&b);
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_str);
	*np = n;
	return v;
}

void
ismc_data_files_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* ---- ids ------------------------------------------------------------------ */

const char *
imp_urn_tail(struct ismc_compilation *comp, const char *urn, size_t len,
    const char *prefix)
{
	size_t plen = strlen(prefix), i;

	if (len > plen && memcmp(urn, prefix, plen) == 0) {
		urn += plen;
		len -= plen;
	} else {
		for (i = len; i > 0 && urn[i - 1] != ':'; i--)
			continue;
		urn += i;
		len -= i;
	}
	if (len == 0)
		return NULL;
	return ismc_strtab_intern(&comp->strtab, urn, len);
}

static const char *const generic_stems[] = {
	"catalog", "profile", "mapping-collection", "mapping", NULL,
};

/* Lower case, '-' for anything outside [a-z0-9._], no doubled or
 * trailing '-'. */
static void
slug(struct ismc_buf *b, const char *s, size_t len)
{
	size_t i;
	int c;

	for (i = 0; i < len; i++) {
		c = tolower((unsigned char)s[i]);
		if (!isalnum(c) && c != '.' && c != '_')
			c = '-';
		if (c == '_')
			c = '-';
		if (c == '-' && (b->len == 0 || b->data[b->len - 1] == '-'))
			continue;
		ismc_buf_addc(b, c);
	}
	while (b->len > 0 && (b->data[b->len - 1] == '-' ||
	    b->data[b->len - 1] == '.'))
		b->len--;
}

/* Drops a trailing "-catalog" and the like; true when nothing is left. */
static bool
strip_stem(struct ismc_buf *b)
{
	size_t i, n;

	for (i = 0; generic_stems[i] != NULL; i++) {
		n = strlen(generic_stems[i]);
		if (b->len == n && memcmp(b->data, generic_stems[i], n) == 0)
			return true;
		if (b->len > n + 1 && b->data[b->len - n - 1] == '-' &&
		    memcmp(b->data + b->len - n, generic_stems[i], n) == 0) {
			b->len -= n + 1;
			return false;
		}
	}
	return b->len == 0;
}

const char *
imp_id_from_path(struct ismc_compilation *comp, const char *path, size_t len)
{
	const char *base, *dot, *end = path + len;
	struct ismc_buf b;
	const char *id = NULL;

	/* A fragment or query names a part of the document, not another. */
	for (base = path; base < end && *base != '#' && *base != '?'; base++)
		continue;
	end = base;
	while (end > path && end[-1] == '/')
		end--;
	for (base = end; base > path && base[-1] != '/'; base--)
		continue;
	for (dot = end; dot > base && *dot != '.'; dot--)
		continue;
	if (dot > base && (end - dot == 4 || end - dot == 5) &&
	    (strncmp(dot, ".json", 5) == 0 || strncmp(dot, ".yaml", 5) == 0 ||
	    strncmp(dot, ".yml", 4) == 0 || strncmp(dot, ".xml", 4) == 0))
		end = dot;
	ismc_buf_init(&b);
	slug(&b, base, (size_t)(end - base));
	if (strip_stem(&b)) {
		/* "catalogs/NIST_SP-800-53_rev5/catalog.json" */
		ismc_buf_reset(&b);
		if (base > path) {
			end = base - 1;
			for (base = end; base > path && base[-1] != '/';
			    base--)
				continue;
			slug(&b, base, (size_t)(end - base));
			if (strip_stem(&b))
				ismc_buf_reset(&b);
		}
	}
	if (b.len > 0 && ismc_catalog_valid_name(b.data, b.len))
		id = ismc_strtab_intern(&comp->strtab, b.data, b.len);
	ismc_buf_free(&b);
	return id;
}

/* ---- catalog builder ------------------------------------------------------ */

void
imp_catalog_init(struct imp_catalog *ic, struct ismc_compilation *comp,
    uint32_t file)
{
	memset(ic, 0, sizeof *ic);
	ic->comp = comp;
	ic->cat = ISMC_NEW(&comp->arena, struct ismc_catalog);
	ic->cat->file = file;
	ic->cat->span = ISMC_FILE_SPAN(file);
	ic->cat->kind = "requirements";
	ismc_symtab_init(&ic->cat->by_id);
}

struct ismc_req *
imp_catalog_lookup(struct imp_catalog *ic, const char *id)
{
	return ismc_symtab_get(&ic->cat->by_id, id);
}

void
imp_catalog_level(struct imp_catalog *ic, const char *level)
{
	struct ismc_catalog *cat = ic->cat;
	size_t i;

	for (i = 0; i < cat->nlevels; i++)
		if (ic->levels[i] == level)
			return;
	if (cat->nlevels == ic->lcap) {
		ic->lcap = ic->lcap ? ic->lcap * 2 : 8;
		ic->levels = ismc_xreallocarray(ic->levels, ic->lcap,
		    sizeof *ic->levels);
	}
	ic->levels[cat->nlevels++] = level;
}

struct ismc_req *
imp_catalog_add(struct imp_catalog *ic, const char *id, struct ismc_req *parent,
    const char *level, bool group, struct ismc_span span)
{
	struct ismc_catalog *cat = ic->cat;
	struct ismc_req *req;

	if (ismc_symtab_get(&cat->by_id, id) != NULL)
		return NULL;
	req = ISMC_NEW(&ic->comp->arena, struct ismc_req);
	req->id = id;
	req->catalog = cat;
	req->parent = parent;
	req->level = level;
	req->is_group = group;
	req->span = span;
	req->req_index = SIZE_MAX;
	if (cat->nnodes == ic->cap) {
		ic->cap = ic->cap ? ic->cap * 2 : 256;
		ic->nodes = ismc_xreallocarray(ic->nodes, ic->cap,
		    sizeof *ic->nodes);
	}
	req->index = cat->nnodes;
	ic->nodes[cat->nnodes++] = req;
	ismc_symtab_put(&cat->by_id, id, req);
	imp_catalog_level(ic, level);
	return req;
}

struct ismc_catalog *
imp_catalog_finish(struct imp_catalog *ic, bool ok, bool keep)
{
	struct ismc_compilation *comp = ic->comp;
	struct ismc_catalog *cat = ic->cat;
	size_t i, n;

	if (ok && cat->nnodes == 0)
		ok = false;
	if (!ok) {
		ismc_catalog_free(cat);
		free(ic->nodes);
		free(ic->levels);
		return NULL;
	}
	cat->nodes = ISMC_NEW_ARRAY(&comp->arena, struct ismc_req *,
	    cat->nnodes);
	memcpy(cat->nodes, ic->nodes, cat->nnodes * sizeof *cat->nodes);
	cat->levels = ISMC_NEW_ARRAY(&comp->arena, const char *, cat->nlevels);
	memcpy(cat->levels, ic->levels, cat->nlevels * sizeof *cat->levels);
	free(ic->nodes);
	free(ic->levels);
	for (i = n = 0; i < cat->nnodes; i++)
		n += !cat->nodes[i]->is_group;
	cat->reqs = ISMC_NEW_ARRAY(&comp->arena, struct ismc_req *, n);
	for (i = 0; i < cat->nnodes; i++) {
		if (cat->nodes[i]->is_group)
			continue;
		cat->nodes[i]->req_index = cat->nreqs;
		cat->reqs[cat->nreqs++] = cat->nodes[i];
	}
	if (keep && !ismc_catalog_register(comp, cat)) {
		ismc_catalog_free(cat);
		return NULL;
	}
	return cat;
}

/* ---- mapping-set builder -------------------------------------------------- */

void
imp_rows_init(struct imp_rows *r, struct ismc_compilation *comp,
    struct ismc_ydoc *doc)
{
	memset(r, 0, sizeof *r);
	r->comp = comp;
	r->doc = doc;
	ismc_symtab_init(&r->pairs);
}

/* What makes a row a repeat: its source (a covering set in sorted
 * order, mapping.h) and its target. */
static const char *
pair_key(struct imp_rows *r, const struct ismc_mapping_row *row)
{
	const char *src = ismc_mapping_row_key(&r->comp->strtab, row);
	struct ismc_buf b;
	const char *key;

	ismc_buf_init(&b);
	ismc_buf_printf(&b, "%s\037%s", src ? src : "",
	    row->target ? row->target : "");
	key = ismc_strtab_intern(&r->comp->strtab, b.data, b.len);
	ismc_buf_free(&b);
	return key;
}

bool
imp_rows_add(struct imp_rows *r, const struct ismc_mapping_row *row,
    const struct ismc_ynode *at)
{
	const struct ismc_mapping_row *first;
	const char *key = pair_key(r, row);
	uintptr_t k;

	if ((k = (uintptr_t)ismc_symtab_get(&r->pairs, key)) != 0) {
		first = &r->rows[k - 1];
		if (first->rel == row->rel) {
			r->ndup++;
			return true;
		}
		ismc_ydoc_report(r->doc, ISMC_ERROR, at->span, "conflicting "
		    "mapping rows for %s -> %s: %s, then %s",
		    ismc_mapping_row_source_text(&r->comp->arena, row),
		    row->target ? row->target : "(none)",
		    ismc_rel_name(first->rel), ismc_rel_name(row->rel));
		return false;
	}
	if (r->nrows == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->rows = ismc_xreallocarray(r->rows, r->cap, sizeof *r->rows);
	}
	r->rows[r->nrows++] = *row;
	ismc_symtab_put(&r->pairs, key, (void *)(uintptr_t)r->nrows);
	return true;
}

void
imp_rows_finish(struct imp_rows *r, struct ismc_mapping_set *set,
    const struct ismc_ynode *set_node)
{
	set->nrows = r->nrows;
	set->rows = ISMC_NEW_ARRAY(&r->comp->arena, struct ismc_mapping_row,
	    r->nrows);
	if (r->nrows > 0)
		memcpy(set->rows, r->rows, r->nrows * sizeof *r->rows);
	if (r->ndup > 0)
		ismc_ydoc_warning(r->doc, ISMC_W_DUPLICATE_ROW, set_node->span,
		    "mapping set '%s' repeats %zu row%s exactly; the "
		    "repeats are dropped", set->id, r->ndup,
		    r->ndup == 1 ? "" : "s");
	r->nrows = 0;
	r->ndup = 0;
	ismc_symtab_destroy(&r->pairs);
	ismc_symtab_init(&r->pairs);
}

void
imp_rows_free(struct imp_rows *r)
{
	free(r->rows);
	ismc_symtab_destroy(&r->pairs);
}

/* ---- names ----------------------------------------------------------------- */

void
imp_names_catalog(struct ismc_import_names *ns, const char *name)
{
	size_t i;

	if (name == NULL)
		return;
	for (i = 0; i < ns->ncatalog; i++)
		if (ns->catalog[i] == name)
			return;
	ns->catalog = ismc_xreallocarray(ns->catalog, ns->ncatalog + 1,
	    sizeof *ns->catalog);
	ns->catalog[ns->ncatalog++] = name;
}

void
imp_names_set(struct ismc_import_names *ns, const char *id, const char *source,
    const char *target)
{
	ns->sets = ismc_xreallocarray(ns->sets, ns->nsets + 1,
	    sizeof *ns->sets);
	ns->sets[ns->nsets].id = id;
	ns->sets[ns->nsets].source = source;
	ns->sets[ns->nsets].target = target;
	ns->nsets++;
}

void
ismc_import_names_free(struct ismc_import_names *ns)
{
	free(ns->catalog);
	free(ns->sets);
	memset(ns, 0, sizeof *ns);
}

/* ---- entry points ------------------------------------------------------------ */

static enum ismc_data_format
sniff_file(const struct ismc_sources *sources, uint32_t file)
{
	const struct ismc_source *src = ismc_sources_get(sources, file);

	if (src == NULL)
		return ISMC_DATA_UNKNOWN;
	return ismc_data_sniff(src->text, src->len);
}

bool
ismc_import_peek(struct ismc_compilation *comp,
    const struct ismc_sources *sources, uint32_t file,
    struct ismc_import_names *ns)
{
	const struct ismc_source *src = ismc_sources_get(sources, file);

	memset(ns, 0, sizeof *ns);
	ns->format = sniff_file(sources, file);
	switch (ns->format) {
	case ISMC_DATA_CISO_LIBRARY:
		return imp_ciso_peek(comp, src, ns);
	case ISMC_DATA_OSCAL_CATALOG:
	case ISMC_DATA_OSCAL_PROFILE:
		return imp_oscal_peek(comp, src, ns->format, ns);
	case ISMC_DATA_OSCAL_MAPPING:
		return imp_oscal_map_peek(comp, sources, file, ns);
	default:
		return false;
	}
}

/* "a CISO Assistant library", "an OSCAL catalog": for messages. */
static const char *
a_format(struct ismc_compilation *comp, enum ismc_data_format fmt)
{
	const char *name = ismc_data_format_name(fmt);

	if (fmt == ISMC_DATA_UNKNOWN)
		return "not a format ismc reads";
	return ismc_arena_printf(&comp->arena, "%s %s",
	    strchr("aeiouAEIOU", name[0]) != NULL ? "an" : "a", name);
}

struct ismc_catalog *
ismc_import_catalog(struct ismc_compilation *comp, uint32_t file)
{
	enum ismc_data_format fmt = sniff_file(&comp->sources, file);

	switch (fmt) {
	case ISMC_DATA_CISO_LIBRARY:
		return imp_ciso_catalog(comp, file);
	case ISMC_DATA_OSCAL_CATALOG:
	case ISMC_DATA_OSCAL_PROFILE:
		return imp_oscal_catalog(comp, file, fmt);
	default:
		ismc_diag_error(&comp->diag, ISMC_FILE_SPAN(file), "not a "
		    "catalog: the file is %s", a_format(comp, fmt));
		return NULL;
	}
}

size_t
ismc_import_mappings(struct ismc_compilation *comp, uint32_t file,
    struct ismc_mapping_set ***out)
{
	enum ismc_data_format fmt = sniff_file(&comp->sources, file);

	*out = NULL;
	switch (fmt) {
	case ISMC_DATA_CISO_LIBRARY:
		return imp_ciso_mappings(comp, file, out);
	case ISMC_DATA_OSCAL_MAPPING:
		return imp_oscal_mappings(comp, file, out);
	default:
		ismc_diag_error(&comp->diag, ISMC_FILE_SPAN(file), "not a "
		    "mapping set: the file is %s", a_format(comp, fmt));
		return 0;
	}
}
