/*
 * catalog.c - loads and validates framework catalogs (doc/catalog-format.md).
 *
 * A catalog file is read into a YAML node tree (yamlnode.h), checked
 * against the schema, and turned into arena-owned ismc_req nodes indexed
 * by interned id. Each file is loaded once per compilation: loaded
 * catalogs are kept in comp->catalogs and found again by file identity,
 * id or alias. Finding a catalog by name is search.c's business.
 */
#include <config.h>

#include "catalog.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compilation.h"
#include "suggest.h"
#include "xalloc.h"
#include "yamlnode.h"

#define CATALOG_FORMAT	"ismc-catalog/1"

static const char *const top_keys[] = { "format", "catalog", "nodes", NULL };
static const char *const header_keys[] = { "id", "aliases", "title",
	"version", "publisher", "source", "licence", "kind", "levels", "soa",
	NULL };
static const char *const node_keys[] = { "id", "title", "level", "parent",
	"ref", "kind", NULL };

struct loader {
	struct ismc_compilation	*comp;
	struct ismc_ydoc	*doc;
	struct ismc_catalog	*cat;
	struct ismc_symtab	 all;	/* every well-formed id -> its node
					 * (1 + index), to tell "defined later"
					 * from "unknown" */
	const struct ismc_ynode	*nodes;	/* the 'nodes' sequence */
	const struct ismc_ynode	*soa;	/* the header's 'soa', or NULL */
};

/* ---- small helpers --------------------------------------------------- */

static const char *
intern(struct loader *l, const struct ismc_ynode *n)
{
	return ismc_strtab_intern(&l->comp->strtab, n->u.str, n->len);
}

static const char *
copy(struct loader *l, const struct ismc_ynode *n)
{
	return ismc_arena_strndup(&l->comp->arena, n->u.str, n->len);
}

static void
lerror(struct loader *l, struct ismc_span span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
lerror(struct loader *l, struct ismc_span span, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ismc_ydoc_vreport(l->doc, ISMC_ERROR, span, fmt, ap);
	va_end(ap);
}

static void
lnote(struct loader *l, struct ismc_span span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
lnote(struct loader *l, struct ismc_span span, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ismc_ydoc_vreport(l->doc, ISMC_NOTE, span, fmt, ap);
	va_end(ap);
}

/* A value for messages: printable and bounded. */
static const char *
shown(const struct ismc_ynode *n, char *buf, size_t size)
{
	return ismc_yaml_printable(n->u.str, n->len, buf, size);
}

/*
 * Catalog ids and aliases name files and prefix qualified references
 * ("iso27001:A.5.15"), so they are kept to a portable file-name alphabet.
 */
bool
ismc_catalog_valid_name(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || !isalnum((unsigned char)s[0]))
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!isalnum(c) && c != '.' && c != '-' && c != '_')
			return false;
	}
	return true;
}

/* Node ids are written bare in specs, so no blanks or control bytes. */
static bool
valid_node_id(const char *s, size_t len)
{
	size_t i;

	if (len == 0)
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c == 0x7f)
			return false;
	}
	return true;
}

/* An optional string value, copied into the arena; NULL when absent. */
static const char *
opt_string(struct loader *l, const struct ismc_ynode *map, const char *key,
    const char *what)
{
	const struct ismc_ynode *v = ismc_ynode_get(map, key);

	if (v == NULL || ismc_ydoc_expect_string(l->doc, v, what) == NULL)
		return NULL;
	return copy(l, v);
}

/* ---- header ---------------------------------------------------------- */

static const char *
catalog_name(struct loader *l, const struct ismc_ynode *v, const char *what)
{
	char buf[80];

	if (ismc_ydoc_expect_string(l->doc, v, what) == NULL)
		return NULL;
	if (!ismc_catalog_valid_name(v->u.str, v->len)) {
		lerror(l, v->span, "invalid %s '%s': use letters, digits, '.', "
		    "'-' and '_', starting with a letter or digit",
		    strcmp(what, "'id'") == 0 ? "catalog id" : "alias",
		    shown(v, buf, sizeof buf));
		return NULL;
	}
	return intern(l, v);
}

static void
load_aliases(struct loader *l, const struct ismc_ynode *seq)
{
	struct ismc_catalog *cat = l->cat;
	const struct ismc_ynode *v;
	const char *name;
	size_t i, j;

	if (ismc_ydoc_expect(l->doc, seq, ISMC_YNODE_SEQUENCE,
	    "'aliases'") == NULL)
		return;
	cat->aliases = ISMC_NEW_ARRAY(&l->comp->arena, const char *, seq->len);
	for (i = 0; i < seq->len; i++) {
		v = ismc_ynode_item(seq, i);
		if ((name = catalog_name(l, v, "an alias")) == NULL)
			continue;
		for (j = 0; j < cat->naliases && cat->aliases[j] != name; j++)
			continue;
		if (name == cat->id || j < cat->naliases) {
			lerror(l, v->span, "duplicate alias '%s'", name);
			continue;
		}
		cat->aliases[cat->naliases++] = name;
	}
}

static void
load_levels(struct loader *l, const struct ismc_ynode *seq)
{
	struct ismc_catalog *cat = l->cat;
	const struct ismc_ynode *v;
	const char *name;
	size_t i, j;

	if (ismc_ydoc_expect(l->doc, seq, ISMC_YNODE_SEQUENCE,
	    "'levels'") == NULL)
		return;
	if (seq->len == 0) {
		lerror(l, seq->span, "'levels' must name at least one level");
		return;
	}
	cat->levels = ISMC_NEW_ARRAY(&l->comp->arena, const char *, seq->len);
	for (i = 0; i < seq->len; i++) {
		v = ismc_ynode_item(seq, i);
		if (ismc_ydoc_expect_string(l->doc, v, "a level") == NULL)
			continue;
		name = intern(l, v);
		for (j = 0; j < cat->nlevels && cat->levels[j] != name; j++)
			continue;
		if (j < cat->nlevels) {
			char buf[80];

			lerror(l, v->span, "duplicate level '%s'",
			    shown(v, buf, sizeof buf));
			continue;
		}
		cat->levels[cat->nlevels++] = name;
	}
}

static void
load_header(struct loader *l, const struct ismc_ynode *hdr)
{
	struct ismc_catalog *cat = l->cat;
	const struct ismc_ynode *v;

	if (ismc_ydoc_expect(l->doc, hdr, ISMC_YNODE_MAPPING,
	    "'catalog'") == NULL)
		return;
	ismc_ydoc_check_keys(l->doc, hdr, header_keys, "in 'catalog'");
	if ((v = ismc_ydoc_require(l->doc, hdr, "id", "in 'catalog'")) !=
	    NULL) {
		cat->id = catalog_name(l, v, "'id'");
		cat->span = v->span;
	}
	if ((v = ismc_ydoc_require(l->doc, hdr, "title", "in 'catalog'")) !=
	    NULL && ismc_ydoc_expect_string(l->doc, v, "'title'") != NULL)
		cat->title = copy(l, v);
	if ((v = ismc_ynode_get(hdr, "aliases")) != NULL)
		load_aliases(l, v);
	cat->version = opt_string(l, hdr, "version", "'version'");
	cat->publisher = opt_string(l, hdr, "publisher", "'publisher'");
	cat->source = opt_string(l, hdr, "source", "'source'");
	cat->licence = opt_string(l, hdr, "licence", "'licence'");
	cat->kind = "requirements";
	if ((v = ismc_ynode_get(hdr, "kind")) != NULL &&
	    ismc_ydoc_expect_string(l->doc, v, "'kind'") != NULL) {
		if (ismc_ynode_equals(v, "controls"))
			cat->kind = "controls";
		else if (!ismc_ynode_equals(v, "requirements")) {
			char buf[80];

			lerror(l, v->span, "unknown catalog kind '%s'; "
			    "expected 'controls' or 'requirements'",
			    shown(v, buf, sizeof buf));
		}
	}
	if ((v = ismc_ydoc_require(l->doc, hdr, "levels", "in 'catalog'")) !=
	    NULL)
		load_levels(l, v);
	if ((v = ismc_ynode_get(hdr, "soa")) != NULL)
		l->soa = v;
}

/* ---- nodes ----------------------------------------------------------- */

/* The id of nodes item `item` if it is well-formed, else NULL (quietly:
 * the main pass reports it). */
static const struct ismc_ynode *
peek_id(const struct ismc_ynode *item)
{
	const struct ismc_ynode *v = ismc_ynode_get(item, "id");

	if (v == NULL || v->kind != ISMC_YNODE_SCALAR ||
	    ismc_ynode_is_null(v) || !valid_node_id(v->u.str, v->len))
		return NULL;
	return v;
}

/* Pass 1: every id in the file, so a bad parent can be told apart as
 * "defined later" or "unknown". */
static void
collect_ids(struct loader *l)
{
	const struct ismc_ynode *v;
	size_t i;

	for (i = 0; i < l->nodes->len; i++) {
		if ((v = peek_id(ismc_ynode_item(l->nodes, i))) != NULL)
			ismc_symtab_put(&l->all, intern(l, v),
			    (void *)(uintptr_t)(i + 1));
	}
}

static const char *
node_level(struct loader *l, const struct ismc_ynode *v, const char *id)
{
	struct ismc_catalog *cat = l->cat;
	struct ismc_suggest sg;
	const char *name, *hint;
	char buf[80];
	size_t i;

	if (ismc_ydoc_expect_string(l->doc, v, "'level'") == NULL)
		return NULL;
	name = intern(l, v);
	for (i = 0; i < cat->nlevels; i++) {
		if (cat->levels[i] == name)
			return name;
	}
	if (cat->nlevels == 0)
		return NULL;	/* 'levels' itself is bad; said already */
	shown(v, buf, sizeof buf);
	ismc_suggest_init(&sg, buf);
	for (i = 0; i < cat->nlevels; i++)
		ismc_suggest_offer(&sg, cat->levels[i]);
	if ((hint = ismc_suggest_result(&sg)) != NULL)
		lerror(l, v->span, "unknown level '%s' of '%s'; did you mean "
		    "'%s'?", buf, id, hint);
	else
		lerror(l, v->span, "unknown level '%s' of '%s'", buf, id);
	return NULL;
}

static struct ismc_req *
node_parent(struct loader *l, const struct ismc_ynode *v, const char *id)
{
	struct ismc_req *parent;
	const char *pid;
	uintptr_t later;

	if (ismc_ydoc_expect_string(l->doc, v, "'parent'") == NULL)
		return NULL;
	pid = intern(l, v);
	if (pid == id) {
		lerror(l, v->span, "'%s' cannot be its own parent", id);
		return NULL;
	}
	if ((parent = ismc_symtab_get(&l->cat->by_id, pid)) != NULL)
		return parent;
	if ((later = (uintptr_t)ismc_symtab_get(&l->all, pid)) != 0) {
		lerror(l, v->span, "parent '%s' of '%s' must be defined before "
		    "it", pid, id);
		lnote(l, peek_id(ismc_ynode_item(l->nodes, later - 1))->span,
		    "'%s' is defined here", pid);
	} else {
		/* No "did you mean": 'A.8' for 'A.9' would mislead. */
		lerror(l, v->span, "unknown parent '%s' of '%s'", pid, id);
	}
	return NULL;
}

static void
load_node(struct loader *l, const struct ismc_ynode *item)
{
	struct ismc_catalog *cat = l->cat;
	const struct ismc_ynode *v, *idn;
	struct ismc_req *req, *prev;
	char buf[80];

	if (ismc_ydoc_expect(l->doc, item, ISMC_YNODE_MAPPING,
	    "an item of 'nodes'") == NULL)
		return;
	ismc_ydoc_check_keys(l->doc, item, node_keys, "in a node");
	idn = ismc_ydoc_require(l->doc, item, "id", "in a node");
	if (idn == NULL || ismc_ydoc_expect_string(l->doc, idn, "'id'") == NULL)
		return;
	if (!valid_node_id(idn->u.str, idn->len)) {
		lerror(l, idn->span, "invalid node id '%s': it must not be "
		    "empty or contain blanks or control characters",
		    shown(idn, buf, sizeof buf));
		return;
	}
	req = ISMC_NEW(&l->comp->arena, struct ismc_req);
	req->id = intern(l, idn);
	req->catalog = cat;
	req->span = idn->span;
	req->req_index = SIZE_MAX;
	if ((prev = ismc_symtab_put(&cat->by_id, req->id, req)) != NULL) {
		lerror(l, idn->span, "duplicate id '%s'", req->id);
		lnote(l, prev->span, "previous definition of '%s' is here",
		    req->id);
		return;
	}
	req->title = opt_string(l, item, "title", "'title'");
	req->ref = opt_string(l, item, "ref", "'ref'");
	if ((v = ismc_ydoc_require(l->doc, item, "level", "in a node")) != NULL)
		req->level = node_level(l, v, req->id);
	if ((v = ismc_ynode_get(item, "parent")) != NULL &&
	    (req->parent = node_parent(l, v, req->id)) != NULL)
		req->parent->is_group = true;
	if ((v = ismc_ynode_get(item, "kind")) != NULL &&
	    ismc_ydoc_expect_string(l->doc, v, "'kind'") != NULL) {
		if (ismc_ynode_equals(v, "group"))
			req->is_group = true;
		else
			lerror(l, v->span, "unknown node kind '%s'; expected "
			    "'group'", shown(v, buf, sizeof buf));
	}
	req->index = cat->nnodes;
	cat->nodes[cat->nnodes++] = req;
}

static void
load_nodes(struct loader *l, const struct ismc_ynode *seq)
{
	struct ismc_catalog *cat = l->cat;
	size_t i, n;

	if (ismc_ydoc_expect(l->doc, seq, ISMC_YNODE_SEQUENCE,
	    "'nodes'") == NULL)
		return;
	if (seq->len == 0) {
		lerror(l, seq->span, "'nodes' must list at least one node");
		return;
	}
	l->nodes = seq;
	collect_ids(l);
	cat->nodes = ISMC_NEW_ARRAY(&l->comp->arena, struct ismc_req *,
	    seq->len);
	for (i = 0; i < seq->len; i++) {
		load_node(l, ismc_ynode_item(seq, i));
		if (ismc_diag_stopped(&l->comp->diag))
			return;
	}
	/* Groups are known only once every child has been seen. */
	for (i = n = 0; i < cat->nnodes; i++)
		n += !cat->nodes[i]->is_group;
	cat->reqs = ISMC_NEW_ARRAY(&l->comp->arena, struct ismc_req *, n);
	for (i = 0; i < cat->nnodes; i++) {
		if (cat->nodes[i]->is_group)
			continue;
		cat->nodes[i]->req_index = cat->nreqs;
		cat->reqs[cat->nreqs++] = cat->nodes[i];
	}
}

/* ---- the Statement of Applicability part ----------------------------- */

/*
 * A controls catalog keeps an SoA against its requirements: all of them,
 * or with 'soa: [A.5, A.6, ...]' those under the nodes listed (ISO 27001
 * Annex A). The others are mandatory (ISO 27001 clauses 4-10): decided,
 * never excluded, and in no SoA. Runs once the nodes are known.
 */
static void
load_soa(struct loader *l)
{
	struct ismc_catalog *cat = l->cat;
	const struct ismc_ynode *v;
	struct ismc_req *r;
	bool *listed;
	char buf[80];
	size_t i, n = 0;

	if (l->soa == NULL)
		return;
	if (!ismc_catalog_is_controls(cat)) {
		lerror(l, l->soa->span, "'soa' names the part of a 'controls' "
		    "catalog that forms the Statement of Applicability; this "
		    "catalog lists requirements");
		return;
	}
	if (ismc_ydoc_expect(l->doc, l->soa, ISMC_YNODE_SEQUENCE,
	    "'soa'") == NULL)
		return;
	listed = ismc_xcalloc(cat->nnodes, sizeof *listed);
	for (i = 0; i < l->soa->len; i++) {
		v = ismc_ynode_item(l->soa, i);
		if (ismc_ydoc_expect_string(l->doc, v, "an item of 'soa'") ==
		    NULL)
			continue;
		if ((r = ismc_symtab_get(&cat->by_id, intern(l, v))) == NULL)
			lerror(l, v->span, "unknown node '%s' in 'soa'",
			    shown(v, buf, sizeof buf));
		else
			listed[r->index] = true;
	}
	/* Parents come first in document order: one pass carries the mark
	 * down to every node under a listed one. */
	for (i = 0; i < cat->nnodes; i++) {
		r = cat->nodes[i];
		if (r->parent != NULL && listed[r->parent->index])
			listed[i] = true;
		r->mandatory = !listed[i] && !r->is_group;
		n += listed[i] && !r->is_group;
	}
	free(listed);
	if (n == 0)
		lerror(l, l->soa->span, "'soa' holds no requirement of the "
		    "catalog");
}

/* ---- loading --------------------------------------------------------- */

static struct ismc_catalog *
build(struct ismc_compilation *comp, struct ismc_ydoc *doc)
{
	struct loader l;
	const struct ismc_ynode *root = doc->root, *hdr, *nodes;

	if (!ismc_ydoc_check_format(doc, CATALOG_FORMAT, "catalog"))
		return NULL;
	memset(&l, 0, sizeof l);
	l.comp = comp;
	l.doc = doc;
	l.cat = ISMC_NEW(&comp->arena, struct ismc_catalog);
	l.cat->file = doc->file;
	ismc_symtab_init(&l.cat->by_id);
	ismc_symtab_init(&l.all);
	ismc_ydoc_check_keys(doc, root, top_keys, "at the top level");
	hdr = ismc_ydoc_require(doc, root, "catalog", "at the top level");
	nodes = ismc_ydoc_require(doc, root, "nodes", "at the top level");
	if (hdr != NULL)
		load_header(&l, hdr);
	if (nodes != NULL && !ismc_diag_stopped(&comp->diag))
		load_nodes(&l, nodes);
	if (l.cat->nnodes > 0 && !ismc_diag_stopped(&comp->diag))
		load_soa(&l);
	ismc_symtab_destroy(&l.all);
	if (doc->errors > 0) {
		ismc_catalog_free(l.cat);
		return NULL;
	}
	return l.cat;
}

struct ismc_catalog *
ismc_catalog_of_file(const struct ismc_compilation *comp, uint32_t file)
{
	size_t i;

	for (i = 0; i < comp->ncatalogs; i++) {
		if (comp->catalogs[i]->file == file)
			return comp->catalogs[i];
	}
	return NULL;
}

/* The catalogs live as long as the compilation (ismc_compilation_keep). */
static void
free_catalogs(void *p)
{
	struct ismc_compilation *comp = p;
	size_t i;

	/* A base's catalogs are the base's (ismc_compilation_init_from). */
	for (i = comp->nborrowed; i < comp->ncatalogs; i++)
		ismc_catalog_free(comp->catalogs[i]);
	free(comp->catalogs);
	comp->catalogs = NULL;
	comp->ncatalogs = comp->nborrowed = 0;
}

/* One id, one catalog: two files declaring one id in one run would make
 * every reference to it ambiguous. */
bool
ismc_catalog_register(struct ismc_compilation *comp, struct ismc_catalog *cat)
{
	const struct ismc_source *src;
	size_t i;

	for (i = 0; i < comp->ncatalogs; i++) {
		if (comp->catalogs[i]->id != cat->id)
			continue;
		src = ismc_sources_get(&comp->sources,
		    comp->catalogs[i]->file);
		ismc_diag_error(&comp->diag, cat->span, "catalog id '%s' is "
		    "already taken by '%s'", cat->id,
		    src != NULL ? src->path : "(memory)");
		ismc_diag_note(&comp->diag, comp->catalogs[i]->span,
		    "declared there");
		return false;
	}
	if (comp->ncatalogs == comp->nborrowed)	/* the first of its own */
		ismc_compilation_keep(comp, free_catalogs, comp);
	comp->catalogs = ismc_xreallocarray(comp->catalogs,
	    comp->ncatalogs + 1, sizeof *comp->catalogs);
	comp->catalogs[comp->ncatalogs++] = cat;
	return true;
}

struct ismc_catalog *
ismc_catalog_load_file(struct ismc_compilation *comp, uint32_t file)
{
	struct ismc_ydoc doc;
	struct ismc_catalog *cat = NULL;

	if ((cat = ismc_catalog_of_file(comp, file)) != NULL)
		return cat;
	if (ismc_ydoc_parse(&doc, &comp->sources, &comp->diag, file, NULL))
		cat = build(comp, &doc);
	ismc_ydoc_free(&doc);
	if (cat != NULL && !ismc_catalog_register(comp, cat)) {
		ismc_catalog_free(cat);
		cat = NULL;
	}
	return cat;
}

struct ismc_req *
ismc_catalog_lookup(const struct ismc_catalog *cat, const char *interned_id)
{
	return ismc_symtab_get(&cat->by_id, interned_id);
}

void
ismc_catalog_free(struct ismc_catalog *cat)
{
	if (cat != NULL)
		ismc_symtab_destroy(&cat->by_id);
}

bool
ismc_catalog_is_controls(const struct ismc_catalog *cat)
{
	return cat->kind != NULL && strcmp(cat->kind, "controls") == 0;
}

const struct ismc_req *
ismc_req_top_group(const struct ismc_req *req)
{
	const struct ismc_req *g = req->parent;

	if (g == NULL)
		return NULL;
	while (g->parent != NULL)
		g = g->parent;
	return g;
}
