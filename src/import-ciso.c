/*
 * import-ciso.c - CISO Assistant libraries: frameworks as catalogs,
 * requirement mapping sets as mapping sets (doc/catalog-format.md,
 * "Importing CISO Assistant and OSCAL files").
 *
 * A library is one YAML document: a header (urn, name, version,
 * provider, copyright ...) and `objects`, which may hold a `framework`
 * with a flat, pre-ordered list of `requirement_nodes` tied together by
 * `parent_urn`, and `requirement_mapping_sets` (or the older singular
 * `requirement_mapping_set`) whose rows name nodes by URN. Everything
 * else (translations, reference controls, threats, questions, scores) is
 * ignored.
 *
 * Node ids are the human `ref_id` where it is present, unique and free of
 * blanks ("A.5.1", "21.2.a"), else the URN's own last part ("recital-1",
 * "node2"). The full URN stays a lookup key of the catalog, which is how
 * a mapping set's rows find their nodes' ids.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "import-int.h"
#include "import-json.h"
#include "xalloc.h"

#define LIB_PREFIX	"urn:intuitem:risk:library:"
#define FW_PREFIX	"urn:intuitem:risk:framework:"
#define NODE_PREFIX	"urn:intuitem:risk:req_node:"
#define SET_PREFIX	"urn:intuitem:risk:req_mapping_set:"
#define SHORT_TITLE	120	/* longest description taken as a title */

struct ciso {
	struct ismc_compilation	*comp;
	struct ismc_ydoc	 doc;
	const struct ismc_ynode	*root;
	const struct ismc_ynode	*objects;
};

static bool
ciso_open(struct ciso *c, struct ismc_compilation *comp, uint32_t file)
{
	memset(c, 0, sizeof *c);
	c->comp = comp;
	if (!imp_doc_parse(&c->doc, &comp->sources, &comp->diag, file))
		return false;
	c->root = ismc_ydoc_expect(&c->doc, c->doc.root, ISMC_YNODE_MAPPING,
	    "a CISO Assistant library");
	if (c->root == NULL)
		return false;
	c->objects = ismc_ydoc_require(&c->doc, c->root, "objects",
	    "in a CISO Assistant library");
	return ismc_ydoc_expect(&c->doc, c->objects, ISMC_YNODE_MAPPING,
	    "'objects'") != NULL;
}

static void
ciso_close(struct ciso *c)
{
	imp_doc_free(&c->doc);
}

/* A URN-valued key's tail, interned: the id it gives ("dora"). */
static const char *
urn_id(struct ciso *c, const struct ismc_ynode *map, const char *key,
    const char *prefix, const char *where)
{
	const struct ismc_ynode *v;
	const char *id;
	char what[64], buf[80];

	snprintf(what, sizeof what, "'%s'", key);
	if ((v = ismc_ydoc_require(&c->doc, map, key, where)) == NULL ||
	    ismc_ydoc_expect_string(&c->doc, v, what) == NULL)
		return NULL;
	id = imp_urn_tail(c->comp, v->u.str, v->len, prefix);
	if (id == NULL || !ismc_catalog_valid_name(id, strlen(id))) {
		ismc_ydoc_report(&c->doc, ISMC_ERROR, v->span, "cannot derive "
		    "an id from %s '%s': its last part must be letters, "
		    "digits, '.', '-' and '_'", what,
		    ismc_yaml_printable(v->u.str, v->len, buf, sizeof buf));
		return NULL;
	}
	return id;
}

/* "CISO Assistant library urn:...:dora, version 7 (2025-08-27)" */
static const char *
provenance(struct ciso *c)
{
	const char *urn = imp_opt_text(c->comp, ismc_ynode_get(c->root,
	    "urn"));
	const char *ver = imp_opt_text(c->comp, ismc_ynode_get(c->root,
	    "version"));
	const char *date = imp_opt_text(c->comp, ismc_ynode_get(c->root,
	    "publication_date"));

	return ismc_arena_printf(&c->comp->arena, "CISO Assistant library "
	    "%s%s%s%s%s%s", urn ? urn : "(no urn)", ver ? ", version " : "",
	    ver ? ver : "", date ? " (" : "", date ? date : "",
	    date ? ")" : "");
}

/* ---- names, for the catalog search ----------------------------------------- */

struct peek {
	struct ismc_compilation	*comp;
	const char		*library;	/* interned tail */
	const char		*framework;
	struct ismc_import_set_name *sets;	/* by index in the file */
	size_t			 nsets;
	struct ismc_import_set_name single;	/* the older singular key,
						 * loaded after the list */
};

static struct ismc_import_set_name *
peek_set(struct peek *p, size_t index)
{
	if (index >= 4096)
		return NULL;	/* a hostile file: stop naming sets */
	if (index >= p->nsets) {
		p->sets = ismc_xreallocarray(p->sets, index + 1,
		    sizeof *p->sets);
		memset(p->sets + p->nsets, 0, (index + 1 - p->nsets) *
		    sizeof *p->sets);
		p->nsets = index + 1;
	}
	return &p->sets[index];
}

static void
peek_set_key(struct peek *p, struct ismc_import_set_name *s, const char *key,
    const char *v, size_t len)
{
	if (s == NULL)
		return;
	if (strcmp(key, "urn") == 0)
		s->id = imp_urn_tail(p->comp, v, len, SET_PREFIX);
	else if (strcmp(key, "source_framework_urn") == 0)
		s->source = imp_urn_tail(p->comp, v, len, FW_PREFIX);
	else if (strcmp(key, "target_framework_urn") == 0)
		s->target = imp_urn_tail(p->comp, v, len, FW_PREFIX);
}

static bool
on_peek(void *ctx, const struct imp_walk_step *path, size_t depth,
    const char *v, size_t len)
{
	struct peek *p = ctx;

	if (v == NULL)
		return true;	/* a collection starts */
	if (imp_walk_at(path, depth, "urn", NULL)) {
		p->library = imp_urn_tail(p->comp, v, len, LIB_PREFIX);
	} else if (imp_walk_at(path, depth, "objects", "framework", "urn",
	    NULL)) {
		p->framework = imp_urn_tail(p->comp, v, len, FW_PREFIX);
	} else if (depth > 3 && imp_walk_at(path, 3, "objects", "framework",
	    "requirement_nodes", NULL)) {
		/* The nodes come after the framework's header. */
		return p->framework == NULL;
	} else if (depth == 4 && imp_walk_at(path, 3, "objects",
	    "requirement_mapping_sets", "[]", NULL)) {
		peek_set_key(p, peek_set(p, path[2].index), path[3].key, v,
		    len);
	} else if (depth == 3 && imp_walk_at(path, 2, "objects",
	    "requirement_mapping_set", NULL)) {
		peek_set_key(p, &p->single, path[2].key, v, len);
	}
	return true;
}

bool
imp_ciso_peek(struct ismc_compilation *comp, const struct ismc_source *src,
    struct ismc_import_names *ns)
{
	struct peek p;
	size_t i;

	memset(&p, 0, sizeof p);
	p.comp = comp;
	imp_walk(src->text, src->len, on_peek, &p);
	if (p.framework != NULL && ismc_catalog_valid_name(p.framework,
	    strlen(p.framework))) {
		imp_names_catalog(ns, p.framework);
		if (p.library != NULL && ismc_catalog_valid_name(p.library,
		    strlen(p.library)))
			imp_names_catalog(ns, p.library);
	}
	for (i = 0; i <= p.nsets; i++) {
		const struct ismc_import_set_name *s = i < p.nsets ?
		    &p.sets[i] : &p.single;

		if (s->id != NULL && s->source != NULL && s->target != NULL)
			imp_names_set(ns, s->id, s->source, s->target);
	}
	free(p.sets);
	return true;
}

/* ---- frameworks --------------------------------------------------------------- */

struct fw_loader {
	struct ciso		*c;
	struct imp_catalog	 ic;
	const char		*fw_id;
	const char		*node_prefix;	/* NODE_PREFIX "<fw>:" */
	struct ismc_symtab	 refs;		/* every ref_id -> itself */
	struct ismc_symtab	 twice;		/* those used more than once */
	struct ismc_symtab	 urns;		/* urn -> 1 + item index */
	const struct ismc_ynode	*nodes;
	const char		**levels;	/* "depth-N", by N - 1 */
	size_t			 nlevels;
};

static const char *
scalar_str(struct fw_loader *l, const struct ismc_ynode *n)
{
	if (n == NULL || n->kind != ISMC_YNODE_SCALAR || ismc_ynode_is_null(n))
		return NULL;
	return ismc_strtab_intern(&l->c->comp->strtab, n->u.str, n->len);
}

static bool
valid_node_id(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s <= 0x20 || *s == 0x7f)
			return false;
	return true;
}

/* Pass 1: how often each ref_id is used, and where each URN is. */
static void
count_refs(struct fw_loader *l)
{
	const struct ismc_ynode *item;
	const char *s;
	size_t i;

	for (i = 0; i < l->nodes->len; i++) {
		item = ismc_ynode_item(l->nodes, i);
		if ((s = scalar_str(l, ismc_ynode_get(item, "ref_id"))) !=
		    NULL && ismc_symtab_put(&l->refs, s, (void *)s) != NULL)
			ismc_symtab_put(&l->twice, s, (void *)s);
		if ((s = scalar_str(l, ismc_ynode_get(item, "urn"))) != NULL &&
		    ismc_symtab_get(&l->urns, s) == NULL)
			ismc_symtab_put(&l->urns, s, (void *)(uintptr_t)(i + 1));
	}
}

/* The id a node is known by in specs and reports (see the top). */
static const char *
node_id(struct fw_loader *l, const char *urn, const char *ref)
{
	struct ismc_compilation *comp = l->c->comp;
	const char *id;

	if (ref != NULL && valid_node_id(ref) &&
	    ismc_symtab_get(&l->twice, ref) == NULL &&
	    imp_catalog_lookup(&l->ic, ref) == NULL)
		return ref;
	id = imp_urn_tail(comp, urn, strlen(urn), l->node_prefix);
	if (id != NULL && valid_node_id(id) &&
	    imp_catalog_lookup(&l->ic, id) == NULL)
		return id;
	return urn;
}

static const char *
depth_level(struct fw_loader *l, size_t depth)
{
	char buf[32];

	if (depth > l->nlevels) {
		l->levels = ismc_xreallocarray(l->levels, depth,
		    sizeof *l->levels);
		while (l->nlevels < depth) {
			snprintf(buf, sizeof buf, "depth-%zu", l->nlevels + 1);
			l->levels[l->nlevels++] = ismc_strtab_cstr(
			    &l->c->comp->strtab, buf);
		}
	}
	return l->levels[depth - 1];
}

static size_t
tree_depth(const struct ismc_req *r)
{
	size_t d = 1;

	for (r = r->parent; r != NULL; r = r->parent)
		d++;
	return d;
}

static bool
node_assessable(struct fw_loader *l, const struct ismc_ynode *item,
    bool *out)
{
	const struct ismc_ynode *v;

	v = ismc_ydoc_require(&l->c->doc, item, "assessable",
	    "in a requirement node");
	if (v == NULL || ismc_ydoc_expect_string(&l->c->doc, v,
	    "'assessable'") == NULL)
		return false;
	if (ismc_ynode_equals(v, "true") || ismc_ynode_equals(v, "True") ||
	    ismc_ynode_equals(v, "TRUE")) {
		*out = true;
		return true;
	}
	if (ismc_ynode_equals(v, "false") || ismc_ynode_equals(v, "False") ||
	    ismc_ynode_equals(v, "FALSE")) {
		*out = false;
		return true;
	}
	ismc_ydoc_report(&l->c->doc, ISMC_ERROR, v->span, "expected true or "
	    "false for 'assessable'");
	return false;
}

static struct ismc_req *
node_parent(struct fw_loader *l, const struct ismc_ynode *v, const char *id)
{
	struct ismc_req *parent;
	const char *purn;
	uintptr_t later;

	if (ismc_ydoc_expect_string(&l->c->doc, v, "'parent_urn'") == NULL)
		return NULL;
	purn = scalar_str(l, v);
	if ((parent = imp_catalog_lookup(&l->ic, purn)) != NULL &&
	    ismc_symtab_get(&l->urns, purn) != NULL)
		return parent;
	later = (uintptr_t)ismc_symtab_get(&l->urns, purn);
	if (later != 0)
		ismc_ydoc_report(&l->c->doc, ISMC_ERROR, v->span, "parent '%s' "
		    "of '%s' must be listed before it", purn, id);
	else
		ismc_ydoc_report(&l->c->doc, ISMC_ERROR, v->span, "unknown "
		    "parent '%s' of '%s'", purn, id);
	return NULL;
}

/* A short title: the name, or a description of one short line. */
static const char *
node_title(struct fw_loader *l, const struct ismc_ynode *item)
{
	const struct ismc_ynode *v = ismc_ynode_get(item, "name");

	if (v == NULL || v->kind != ISMC_YNODE_SCALAR ||
	    ismc_ynode_is_null(v)) {
		v = ismc_ynode_get(item, "description");
		if (v == NULL || v->kind != ISMC_YNODE_SCALAR ||
		    v->len > SHORT_TITLE || memchr(v->u.str, '\n', v->len))
			return NULL;
	}
	return imp_opt_text(l->c->comp, v);
}

static void
load_node(struct fw_loader *l, const struct ismc_ynode *item)
{
	struct ismc_ydoc *doc = &l->c->doc;
	const struct ismc_ynode *urnv, *v;
	struct ismc_req *req, *parent = NULL, *prev;
	const char *urn, *ref, *id;
	bool assessable = false, ok;
	long depth;

	if (ismc_ydoc_expect(doc, item, ISMC_YNODE_MAPPING,
	    "a requirement node") == NULL)
		return;
	urnv = ismc_ydoc_require(doc, item, "urn", "in a requirement node");
	if (urnv == NULL || ismc_ydoc_expect_string(doc, urnv, "'urn'") == NULL)
		return;
	urn = scalar_str(l, urnv);
	if ((prev = imp_catalog_lookup(&l->ic, urn)) != NULL) {
		ismc_ydoc_report(doc, ISMC_ERROR, urnv->span, "duplicate urn "
		    "'%s'", urn);
		return;
	}
	ok = node_assessable(l, item, &assessable);
	ref = scalar_str(l, ismc_ynode_get(item, "ref_id"));
	id = node_id(l, urn, ref);
	if ((v = ismc_ynode_get(item, "parent_urn")) != NULL &&
	    !ismc_ynode_is_null(v) && (parent = node_parent(l, v, id)) == NULL)
		ok = false;
	if (!ok)
		return;
	/* The tree is what parent_urn says; `depth` only cross-checks. */
	req = imp_catalog_add(&l->ic, id, parent, depth_level(l,
	    parent != NULL ? tree_depth(parent) + 1 : 1), !assessable,
	    ismc_json_span(doc, urnv));
	if (req == NULL)
		return;		/* node_id gave a free id; cannot happen */
	if ((v = ismc_ynode_get(item, "depth")) != NULL &&
	    ismc_ydoc_expect_int(doc, v, "'depth'", 1, 1000, &depth) &&
	    (size_t)depth != tree_depth(req))
		ismc_ydoc_warning(doc, ISMC_W_IMPORT_DEPTH,
		    v->span, "depth %ld of '%s' "
		    "does not match its place in the tree (depth %zu)", depth,
		    id, tree_depth(req));
	req->title = node_title(l, item);
	if (ref != NULL && ref != id)
		req->ref = ref;
	ismc_symtab_put(&l->ic.cat->by_id, urn, req);
}

static void
load_header(struct fw_loader *l, const struct ismc_ynode *fw)
{
	struct ciso *c = l->c;
	struct ismc_catalog *cat = l->ic.cat;
	const char *lib;

	cat->id = l->fw_id;
	cat->title = imp_opt_text(c->comp, ismc_ynode_get(fw, "name"));
	if (cat->title == NULL)
		cat->title = imp_opt_text(c->comp, ismc_ynode_get(c->root,
		    "name"));
	if (cat->title == NULL)
		cat->title = cat->id;
	cat->version = imp_opt_text(c->comp, ismc_ynode_get(c->root,
	    "version"));
	cat->publisher = imp_opt_text(c->comp, ismc_ynode_get(c->root,
	    "provider"));
	cat->licence = imp_opt_text(c->comp, ismc_ynode_get(c->root,
	    "copyright"));
	cat->source = provenance(c);
	/* The library's own name, when it differs, is an alias. */
	if ((lib = scalar_str(l, ismc_ynode_get(c->root, "urn"))) != NULL &&
	    (lib = imp_urn_tail(c->comp, lib, strlen(lib), LIB_PREFIX)) !=
	    NULL && lib != cat->id && ismc_catalog_valid_name(lib,
	    strlen(lib))) {
		cat->aliases = ISMC_NEW_ARRAY(&c->comp->arena, const char *, 1);
		cat->aliases[cat->naliases++] = lib;
	}
	l->node_prefix = ismc_arena_printf(&c->comp->arena, "%s%s:",
	    NODE_PREFIX, l->fw_id);
}

static struct ismc_catalog *
load_framework(struct ciso *c, const struct ismc_ynode *fw, bool keep)
{
	struct fw_loader l;
	struct ismc_ydoc *doc = &c->doc;
	struct ismc_catalog *cat;
	size_t i;

	memset(&l, 0, sizeof l);
	l.c = c;
	if (ismc_ydoc_expect(doc, fw, ISMC_YNODE_MAPPING, "'framework'") ==
	    NULL || (l.fw_id = urn_id(c, fw, "urn", FW_PREFIX,
	    "in 'framework'")) == NULL)
		return NULL;
	l.nodes = ismc_ydoc_require(doc, fw, "requirement_nodes",
	    "in 'framework'");
	if (ismc_ydoc_expect(doc, l.nodes, ISMC_YNODE_SEQUENCE,
	    "'requirement_nodes'") == NULL)
		return NULL;
	if (l.nodes->len == 0) {
		ismc_ydoc_report(doc, ISMC_ERROR, l.nodes->span,
		    "'requirement_nodes' lists no node");
		return NULL;
	}
	imp_catalog_init(&l.ic, c->comp, doc->file);
	ismc_symtab_init(&l.refs);
	ismc_symtab_init(&l.twice);
	ismc_symtab_init(&l.urns);
	load_header(&l, fw);
	count_refs(&l);
	for (i = 0; i < l.nodes->len && !ismc_diag_stopped(&c->comp->diag);
	    i++)
		load_node(&l, ismc_ynode_item(l.nodes, i));
	ismc_symtab_destroy(&l.refs);
	ismc_symtab_destroy(&l.twice);
	ismc_symtab_destroy(&l.urns);
	free(l.levels);
	cat = imp_catalog_finish(&l.ic, doc->errors == 0, keep);
	return cat;
}

/* A library holding mapping sets but no framework: say what it is. */
static void
no_framework(struct ciso *c)
{
	const struct ismc_ynode *o = c->objects;

	if (ismc_ynode_get(o, "requirement_mapping_sets") != NULL ||
	    ismc_ynode_get(o, "requirement_mapping_set") != NULL)
		ismc_ydoc_report(&c->doc, ISMC_ERROR, o->span, "this CISO "
		    "Assistant library holds mapping sets, not a framework: "
		    "name it with 'mappings' in a spec, or put it in a -I "
		    "directory");
	else
		ismc_ydoc_report(&c->doc, ISMC_ERROR, o->span, "this CISO "
		    "Assistant library holds no framework");
}

static struct ismc_catalog *
ciso_catalog(struct ismc_compilation *comp, uint32_t file, bool keep)
{
	struct ismc_catalog *cat = NULL;
	const struct ismc_ynode *fw;
	struct ciso c;

	if (ciso_open(&c, comp, file)) {
		if ((fw = ismc_ynode_get(c.objects, "framework")) == NULL)
			no_framework(&c);
		else
			cat = load_framework(&c, fw, keep);
	}
	ciso_close(&c);
	return cat;
}

struct ismc_catalog *
imp_ciso_catalog(struct ismc_compilation *comp, uint32_t file)
{
	return ciso_catalog(comp, file, true);
}

/* ---- mapping sets ---------------------------------------------------------------- */

/*
 * How one side's URNs become ids: through a catalog that knows them (a
 * CISO Assistant framework loaded in this run, or the library of that
 * framework found next to the mapping file), else by the URN's last part.
 */
struct side {
	const char		*fw_id;
	const char		*fw_urn_node;	/* NODE_PREFIX "<fw>:" */
	const struct ismc_catalog *cat;
	const struct ismc_ynode	*at;		/* the framework URN */
	struct ismc_catalog	*own;		/* loaded for this set only */
	bool			 looked;
	bool			 warned;
};

/* A CISO Assistant library of framework `fw_id` in `dir`, unregistered. */
static struct ismc_catalog *
library_next_to(struct ismc_compilation *comp, const char *dir,
    const char *fw_id)
{
	struct ismc_import_names ns;
	struct ismc_catalog *cat = NULL;
	struct ismc_file_data err;
	struct ismc_sources tmp;
	char **files;
	uint32_t file;
	size_t i, n;
	bool hit, fresh;

	files = ismc_data_files(dir, &n);
	for (i = 0; i < n && cat == NULL; i++) {
		/* Peek in a scratch set of sources: only the match stays. */
		ismc_sources_init(&tmp);
		file = ismc_sources_load(&tmp, files[i], 0, &fresh, &err);
		hit = file != ISMC_NO_FILE &&
		    ismc_import_peek(comp, &tmp, file, &ns) &&
		    ns.format == ISMC_DATA_CISO_LIBRARY && ns.ncatalog > 0 &&
		    ns.catalog[0] == fw_id;
		if (file != ISMC_NO_FILE)
			ismc_import_names_free(&ns);
		ismc_sources_destroy(&tmp);
		if (hit && (file = ismc_compilation_read(comp, files[i],
		    ISMC_INPUT_CATALOG, 0, ISMC_NO_SPAN, NULL)) != ISMC_NO_FILE)
			cat = ciso_catalog(comp, file, false);
	}
	ismc_data_files_free(files, n);
	return cat;
}

static void
side_find(struct ciso *c, struct side *s, const char *urn)
{
	const char *path, *slash;
	size_t i;

	for (i = 0; i < c->comp->ncatalogs; i++)
		if (ismc_catalog_lookup(c->comp->catalogs[i], urn) != NULL) {
			s->cat = c->comp->catalogs[i];
			return;
		}
	if (s->looked)
		return;
	s->looked = true;
	path = imp_path(&c->comp->sources, c->doc.file);
	slash = strrchr(path, '/');
	s->own = library_next_to(c->comp, slash == NULL ? "." :
	    ismc_arena_printf(&c->comp->arena, "%.*s", (int)(slash - path),
	    path), s->fw_id);
	s->cat = s->own;
}

static const char *
side_id(struct ciso *c, struct side *s, const struct ismc_ynode *v)
{
	const struct ismc_req *r = NULL;
	const char *urn;

	if (ismc_ydoc_expect_string(&c->doc, v, "a requirement URN") == NULL)
		return NULL;
	urn = ismc_strtab_intern(&c->comp->strtab, v->u.str, v->len);
	if (s->cat == NULL || (r = ismc_catalog_lookup(s->cat, urn)) == NULL) {
		side_find(c, s, urn);
		if (s->cat != NULL)
			r = ismc_catalog_lookup(s->cat, urn);
	}
	if (r != NULL)
		return r->id;
	if (s->cat == NULL && !s->warned) {
		s->warned = true;
		ismc_ydoc_warning(&c->doc, ISMC_W_IMPORT_IDS,
		    s->at->span, "framework "
		    "'%s' is not loaded and its CISO Assistant library is not "
		    "next to this file; requirement ids are taken from the "
		    "URNs' last parts", s->fw_id);
	}
	return imp_urn_tail(c->comp, urn, strlen(urn), s->fw_urn_node);
}

static const char *const rel_names[] = {	/* ORDER ISMC_REL */
	"equal", "subset", "superset", "intersect", "not_related", NULL,
};

static void
load_row(struct ciso *c, struct imp_rows *rows, struct side *src,
    struct side *tgt, const struct ismc_ynode *item)
{
	struct ismc_ydoc *doc = &c->doc;
	struct ismc_mapping_row row;
	const struct ismc_ynode *sv, *tv, *rv, *v;
	unsigned before = doc->errors;
	long strength;
	int rel;

	if (ismc_ydoc_expect(doc, item, ISMC_YNODE_MAPPING,
	    "a requirement mapping") == NULL)
		return;
	memset(&row, 0, sizeof row);
	row.span = ismc_json_span(doc, item);
	sv = ismc_ydoc_require(doc, item, "source_requirement_urn",
	    "in a requirement mapping");
	tv = ismc_ydoc_require(doc, item, "target_requirement_urn",
	    "in a requirement mapping");
	rv = ismc_ydoc_require(doc, item, "relationship",
	    "in a requirement mapping");
	if (sv == NULL || tv == NULL || rv == NULL)
		return;
	if ((rel = ismc_ydoc_expect_enum(doc, rv, "relationship",
	    rel_names)) >= 0)
		row.rel = (enum ismc_rel)rel;
	row.source = side_id(c, src, sv);
	row.target = side_id(c, tgt, tv);
	/* 0 is CISO Assistant's "no strength given". */
	if ((v = ismc_ynode_get(item, "strength_of_relationship")) != NULL &&
	    !ismc_ynode_is_null(v) && ismc_ydoc_expect_int(doc, v,
	    "'strength_of_relationship'", 0, 10, &strength))
		row.strength = (unsigned)strength;
	row.rationale = imp_opt_text(c->comp, ismc_ynode_get(item,
	    "annotation"));
	if (row.rationale == NULL)
		row.rationale = imp_opt_text(c->comp, ismc_ynode_get(item,
		    "rationale"));
	if (doc->errors == before)
		imp_rows_add(rows, &row, item);
}

static void
side_init(struct ciso *c, struct side *s, const struct ismc_ynode *set,
    const char *key)
{
	memset(s, 0, sizeof *s);
	s->at = ismc_ynode_get(set, key);
	s->fw_id = urn_id(c, set, key, FW_PREFIX, "in a mapping set");
	if (s->fw_id != NULL)
		s->fw_urn_node = ismc_arena_printf(&c->comp->arena, "%s%s:",
		    NODE_PREFIX, s->fw_id);
}

static struct ismc_mapping_set *
load_set(struct ciso *c, struct imp_rows *rows, const struct ismc_ynode *node)
{
	struct ismc_ydoc *doc = &c->doc;
	struct ismc_mapping_set *set;
	const struct ismc_ynode *list;
	struct side src, tgt;
	unsigned before = doc->errors;
	size_t i;

	if (ismc_ydoc_expect(doc, node, ISMC_YNODE_MAPPING,
	    "a requirement mapping set") == NULL)
		return NULL;
	set = ISMC_NEW(&c->comp->arena, struct ismc_mapping_set);
	set->file = doc->file;
	set->id = urn_id(c, node, "urn", SET_PREFIX, "in a mapping set");
	side_init(c, &src, node, "source_framework_urn");
	side_init(c, &tgt, node, "target_framework_urn");
	list = ismc_ydoc_require(doc, node, "requirement_mappings",
	    "in a mapping set");
	if (doc->errors != before || ismc_ydoc_expect(doc, list,
	    ISMC_YNODE_SEQUENCE, "'requirement_mappings'") == NULL)
		return NULL;
	set->source = src.fw_id;
	set->target = tgt.fw_id;
	set->title = imp_opt_text(c->comp, ismc_ynode_get(node, "name"));
	set->provenance = imp_opt_text(c->comp, ismc_ynode_get(c->root,
	    "provider"));
	if (set->provenance == NULL)
		set->provenance = "CISO Assistant";
	set->origin = provenance(c);
	set->method = imp_opt_text(c->comp, ismc_ynode_get(node,
	    "description"));
	for (i = 0; i < list->len && !ismc_diag_stopped(&c->comp->diag); i++)
		load_row(c, rows, &src, &tgt, ismc_ynode_item(list, i));
	imp_rows_finish(rows, set, node);
	ismc_catalog_free(src.own);
	ismc_catalog_free(tgt.own);
	return doc->errors == before ? set : NULL;
}

size_t
imp_ciso_mappings(struct ismc_compilation *comp, uint32_t file,
    struct ismc_mapping_set ***out)
{
	struct ismc_mapping_set **v = NULL, *set;
	const struct ismc_ynode *sets, *one;
	struct imp_rows rows;
	struct ciso c;
	size_t i, n = 0;

	*out = NULL;
	if (!ciso_open(&c, comp, file)) {
		ciso_close(&c);
		return 0;
	}
	sets = ismc_ynode_get(c.objects, "requirement_mapping_sets");
	one = ismc_ynode_get(c.objects, "requirement_mapping_set");
	if (sets == NULL && one == NULL) {
		ismc_ydoc_report(&c.doc, ISMC_ERROR, c.objects->span, "this "
		    "CISO Assistant library holds no requirement mapping set");
		ciso_close(&c);
		return 0;
	}
	imp_rows_init(&rows, comp, &c.doc);
	if (sets != NULL && ismc_ydoc_expect(&c.doc, sets, ISMC_YNODE_SEQUENCE,
	    "'requirement_mapping_sets'") != NULL) {
		v = ISMC_NEW_ARRAY(&comp->arena, struct ismc_mapping_set *,
		    sets->len + 1);
		for (i = 0; i < sets->len; i++)
			if ((set = load_set(&c, &rows,
			    ismc_ynode_item(sets, i))) != NULL)
				v[n++] = set;
	}
	if (one != NULL) {
		if (v == NULL)
			v = ISMC_NEW_ARRAY(&comp->arena,
			    struct ismc_mapping_set *, 1);
		if ((set = load_set(&c, &rows, one)) != NULL)
			v[n++] = set;
	}
	imp_rows_free(&rows);
	if (c.doc.errors > 0)
		n = 0;
	ciso_close(&c);
	*out = n > 0 ? v : NULL;
	return n;
}
