/*
 * import-oscal.c - OSCAL catalogs and profiles, JSON or YAML, as catalogs
 * (doc/catalog-format.md, "Importing CISO Assistant and OSCAL files").
 *
 * A catalog's groups (which may nest) become groups; its controls and
 * their enhancements (controls nested in controls) become requirements,
 * an enhancement under its control. A control whose `status` property is
 * `withdrawn` stays in the catalog, so a spec naming it hears that it is
 * withdrawn, but it is not a requirement: it is kept out of coverage.
 * Parameters, parts (statements, guidance), links and back matter are
 * not read; titles and the `label` property (AC-2(1)) are.
 *
 * A profile becomes the baseline it selects: its `imports` are resolved
 * against the catalogs (or profiles) they name, relative to the profile's
 * directory, and the catalog's groups, controls and enhancements that
 * `include-controls` / `include-all` select and `exclude-controls` does
 * not remove are kept, in the catalog's order. `merge` and `modify` only
 * rearrange or reword, so they are not read.
 */
#include <config.h>

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "import-int.h"
#include "import-json.h"
#include "xalloc.h"

/* Profiles importing profiles: no deeper than this. */
#define MAX_PROFILE_DEPTH	8

/* The files a profile import is resolved through, innermost first: a
 * file met again is a loop. */
struct chain {
	const struct chain	*up;
	dev_t			 dev;
	ino_t			 ino;		/* 0: an in-memory file */
	unsigned		 depth;
};

struct oscal {
	struct ismc_compilation	*comp;
	struct ismc_ydoc	 doc;
	const struct ismc_ynode	*root;		/* catalog: or profile: */
	enum ismc_data_format	 fmt;
};

static bool
oscal_open(struct oscal *o, struct ismc_compilation *comp, uint32_t file,
    enum ismc_data_format fmt)
{
	const char *key = fmt == ISMC_DATA_OSCAL_PROFILE ? "profile" :
	    "catalog";
	char where[64];

	memset(o, 0, sizeof *o);
	o->comp = comp;
	o->fmt = fmt;
	if (!imp_doc_parse(&o->doc, &comp->sources, &comp->diag, file))
		return false;
	snprintf(where, sizeof where, "in an OSCAL %s", key);
	if (ismc_ydoc_expect(&o->doc, o->doc.root, ISMC_YNODE_MAPPING,
	    "an OSCAL document") == NULL)
		return false;
	o->root = ismc_ydoc_require(&o->doc, o->doc.root, key, where);
	snprintf(where, sizeof where, "'%s'", key);
	return ismc_ydoc_expect(&o->doc, o->root, ISMC_YNODE_MAPPING,
	    where) != NULL;
}

static void
oscal_close(struct oscal *o)
{
	imp_doc_free(&o->doc);
}

bool
imp_oscal_peek(struct ismc_compilation *comp, const struct ismc_source *src,
    enum ismc_data_format fmt, struct ismc_import_names *ns)
{
	(void)fmt;
	imp_names_catalog(ns, imp_id_from_path(comp, src->path,
	    strlen(src->path)));
	return true;
}

/* ---- the header ----------------------------------------------------------------- */

/* The id from the file name; an error at the root when there is none. */
static const char *
derived_id(struct oscal *o)
{
	const char *path = imp_path(&o->comp->sources, o->doc.file);
	const char *id = imp_id_from_path(o->comp, path, strlen(path));

	if (id == NULL)
		ismc_ydoc_report(&o->doc, ISMC_ERROR, o->root->span, "cannot "
		    "derive a catalog id from the file name '%s': rename the "
		    "file to letters, digits, '.', '-' and '_'", path);
	return id;
}

static const char *
first_party(struct oscal *o, const struct ismc_ynode *meta)
{
	const struct ismc_ynode *parties = ismc_ynode_get(meta, "parties");

	if (parties == NULL || parties->kind != ISMC_YNODE_SEQUENCE ||
	    parties->len == 0)
		return NULL;
	return imp_opt_text(o->comp, ismc_ynode_get(ismc_ynode_item(parties,
	    0), "name"));
}

static void
load_header(struct oscal *o, struct ismc_catalog *cat, const char *id)
{
	const struct ismc_ynode *meta;
	const char *uuid, *ov;

	meta = ismc_ydoc_require(&o->doc, o->root, "metadata",
	    o->fmt == ISMC_DATA_OSCAL_PROFILE ? "in 'profile'" :
	    "in 'catalog'");
	if (ismc_ydoc_expect(&o->doc, meta, ISMC_YNODE_MAPPING,
	    "'metadata'") == NULL)
		return;
	cat->id = id;
	cat->title = imp_opt_text(o->comp, ismc_ynode_get(meta, "title"));
	if (cat->title == NULL)
		ismc_ydoc_require(&o->doc, meta, "title", "in 'metadata'");
	cat->version = imp_opt_text(o->comp, ismc_ynode_get(meta, "version"));
	cat->publisher = first_party(o, meta);
	uuid = imp_opt_text(o->comp, ismc_ynode_get(o->root, "uuid"));
	ov = imp_opt_text(o->comp, ismc_ynode_get(meta, "oscal-version"));
	cat->source = ismc_arena_printf(&o->comp->arena, "OSCAL %s %s%s%s",
	    o->fmt == ISMC_DATA_OSCAL_PROFILE ? "profile" : "catalog",
	    uuid ? uuid : "(no uuid)", ov ? ", OSCAL version " : "",
	    ov ? ov : "");
	cat->kind = "controls";
}

/* ---- catalogs ---------------------------------------------------------------------- */

struct cat_loader {
	struct oscal		*o;
	struct imp_catalog	 ic;
	const char		*lv_group;
	const char		*lv_control;
	const char		*lv_enhancement;
	size_t			 ngroups;	/* for ids of groups without */
};

static bool
is_withdrawn(const struct ismc_ynode *control)
{
	const struct ismc_ynode *props = ismc_ynode_get(control, "props"), *p;
	size_t i;

	if (props == NULL || props->kind != ISMC_YNODE_SEQUENCE)
		return false;
	for (i = 0; i < props->len; i++) {
		p = ismc_ynode_item(props, i);
		if (ismc_ynode_equals(ismc_ynode_get(p, "name"), "status") &&
		    ismc_ynode_equals(ismc_ynode_get(p, "value"), "withdrawn"))
			return true;
	}
	return false;
}

/* The `label` property, e.g. "AC-2(1)"; NULL when absent. */
static const char *
label_of(struct cat_loader *l, const struct ismc_ynode *control)
{
	const struct ismc_ynode *props = ismc_ynode_get(control, "props"), *p;
	size_t i;

	if (props == NULL || props->kind != ISMC_YNODE_SEQUENCE)
		return NULL;
	for (i = 0; i < props->len; i++) {
		p = ismc_ynode_item(props, i);
		if (ismc_ynode_equals(ismc_ynode_get(p, "name"), "label") &&
		    ismc_ynode_get(p, "ns") == NULL)
			return imp_opt_text(l->o->comp, ismc_ynode_get(p,
			    "value"));
	}
	return NULL;
}

static bool
valid_node_id(const struct ismc_ynode *v)
{
	size_t i;

	if (v->len == 0)
		return false;
	for (i = 0; i < v->len; i++)
		if ((unsigned char)v->u.str[i] <= 0x20 || v->u.str[i] == 0x7f)
			return false;
	return true;
}

static struct ismc_req *
add_node(struct cat_loader *l, const struct ismc_ynode *item,
    const struct ismc_ynode *idn, const char *id, struct ismc_req *parent,
    const char *level, bool group)
{
	struct ismc_ydoc *doc = &l->o->doc;
	struct ismc_req *req, *prev;

	req = imp_catalog_add(&l->ic, id, parent, level, group,
	    ismc_json_span(doc, idn != NULL ? idn : item));
	if (req == NULL) {
		prev = imp_catalog_lookup(&l->ic, id);
		ismc_ydoc_report(doc, ISMC_ERROR, (idn ? idn : item)->span,
		    "duplicate id '%s'", id);
		if (prev->span.start != ISMC_WHOLE_FILE)
			ismc_ydoc_report(doc, ISMC_NOTE, prev->span, "previous "
			    "definition of '%s' is here", id);
		return NULL;
	}
	req->title = imp_opt_text(l->o->comp, ismc_ynode_get(item, "title"));
	if (req->title == NULL)
		ismc_ydoc_require(doc, item, "title", group ? "in a group" :
		    "in a control");
	return req;
}

static void load_controls(struct cat_loader *, const struct ismc_ynode *list,
	    struct ismc_req *parent, unsigned depth);

static void
load_control(struct cat_loader *l, const struct ismc_ynode *item,
    struct ismc_req *parent, unsigned depth)
{
	struct ismc_ydoc *doc = &l->o->doc;
	const struct ismc_ynode *idn;
	struct ismc_req *req;
	const char *id;
	bool withdrawn;

	if (ismc_ydoc_expect(doc, item, ISMC_YNODE_MAPPING, "a control") ==
	    NULL)
		return;
	idn = ismc_ydoc_require(doc, item, "id", "in a control");
	if (idn == NULL || ismc_ydoc_expect_string(doc, idn, "'id'") == NULL)
		return;
	if (!valid_node_id(idn)) {
		char buf[80];

		ismc_ydoc_report(doc, ISMC_ERROR, idn->span, "invalid control "
		    "id '%s': it must not contain blanks or control "
		    "characters", ismc_yaml_printable(idn->u.str, idn->len,
		    buf, sizeof buf));
		return;
	}
	id = ismc_strtab_intern(&l->o->comp->strtab, idn->u.str, idn->len);
	withdrawn = is_withdrawn(item);
	req = add_node(l, item, idn, id, parent, depth == 0 ? l->lv_control :
	    l->lv_enhancement, withdrawn);
	if (req == NULL)
		return;
	req->withdrawn = withdrawn;
	req->ref = label_of(l, item);
	if (req->ref != NULL && strcmp(req->ref, req->id) == 0)
		req->ref = NULL;
	load_controls(l, ismc_ynode_get(item, "controls"), req, depth + 1);
}

static void
load_controls(struct cat_loader *l, const struct ismc_ynode *list,
    struct ismc_req *parent, unsigned depth)
{
	size_t i;

	if (list == NULL || ismc_ydoc_expect(&l->o->doc, list,
	    ISMC_YNODE_SEQUENCE, "'controls'") == NULL)
		return;
	for (i = 0; i < list->len && !ismc_diag_stopped(&l->o->comp->diag);
	    i++)
		load_control(l, ismc_ynode_item(list, i), parent, depth);
}

static void load_groups(struct cat_loader *, const struct ismc_ynode *list,
	    struct ismc_req *parent);

static void
load_group(struct cat_loader *l, const struct ismc_ynode *item,
    struct ismc_req *parent)
{
	struct ismc_compilation *comp = l->o->comp;
	struct ismc_ydoc *doc = &l->o->doc;
	const struct ismc_ynode *idn, *cls;
	struct ismc_req *req;
	const char *id, *level = l->lv_group;

	if (ismc_ydoc_expect(doc, item, ISMC_YNODE_MAPPING, "a group") == NULL)
		return;
	l->ngroups++;
	/* A group's id is optional in OSCAL; one without gets its place. */
	idn = ismc_ynode_get(item, "id");
	if (idn != NULL && ismc_ydoc_expect_string(doc, idn, "'id'") == NULL)
		return;
	if (idn != NULL && valid_node_id(idn))
		id = ismc_strtab_intern(&comp->strtab, idn->u.str, idn->len);
	else
		id = ismc_strtab_cstr(&comp->strtab, ismc_arena_printf(
		    &comp->arena, "group-%zu", l->ngroups));
	/* The class ("family", "function") names the level. */
	if ((cls = ismc_ynode_get(item, "class")) != NULL &&
	    cls->kind == ISMC_YNODE_SCALAR && !ismc_ynode_is_null(cls))
		level = ismc_strtab_intern(&comp->strtab, cls->u.str,
		    cls->len);
	if ((req = add_node(l, item, idn, id, parent, level, true)) == NULL)
		return;
	load_groups(l, ismc_ynode_get(item, "groups"), req);
	load_controls(l, ismc_ynode_get(item, "controls"), req, 0);
}

static void
load_groups(struct cat_loader *l, const struct ismc_ynode *list,
    struct ismc_req *parent)
{
	size_t i;

	if (list == NULL || ismc_ydoc_expect(&l->o->doc, list,
	    ISMC_YNODE_SEQUENCE, "'groups'") == NULL)
		return;
	for (i = 0; i < list->len && !ismc_diag_stopped(&l->o->comp->diag);
	    i++)
		load_group(l, ismc_ynode_item(list, i), parent);
}

/* The catalog in an opened OSCAL catalog document, registered or not. */
static struct ismc_catalog *
build_catalog(struct oscal *o, const char *id, bool keep)
{
	struct ismc_compilation *comp = o->comp;
	struct cat_loader l;

	memset(&l, 0, sizeof l);
	l.o = o;
	l.lv_group = ismc_strtab_cstr(&comp->strtab, "group");
	l.lv_control = ismc_strtab_cstr(&comp->strtab, "control");
	l.lv_enhancement = ismc_strtab_cstr(&comp->strtab, "enhancement");
	imp_catalog_init(&l.ic, comp, o->doc.file);
	load_header(o, l.ic.cat, id);
	load_groups(&l, ismc_ynode_get(o->root, "groups"), NULL);
	load_controls(&l, ismc_ynode_get(o->root, "controls"), NULL, 0);
	if (o->doc.errors == 0 && l.ic.cat->nnodes == 0)
		ismc_ydoc_report(&o->doc, ISMC_ERROR, o->root->span, "the "
		    "catalog has no groups and no controls");
	return imp_catalog_finish(&l.ic, o->doc.errors == 0, keep);
}

/* ---- profiles ------------------------------------------------------------------------ */

/* What one import selects. */
struct selection {
	const struct ismc_catalog *from;
	bool			*keep;		/* by node index */
};

static struct ismc_catalog *resolve(struct ismc_compilation *,
	    uint32_t file, const struct chain *);

static bool
file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static const char *
dir_of(struct oscal *o)
{
	const char *path = imp_path(&o->comp->sources, o->doc.file);
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return ".";
	return ismc_arena_printf(&o->comp->arena, "%.*s", (int)(slash - path),
	    path);
}

/* `href` relative to the profile; NULL for a URL, which ismc never
 * fetches. */
static const char *
local_path(struct oscal *o, const char *href)
{
	if (strstr(href, "://") != NULL)
		return NULL;
	if (strncmp(href, "file:", 5) == 0)
		href += 5;
	if (href[0] == '/')
		return href;
	return ismc_arena_printf(&o->comp->arena, "%s/%s", dir_of(o), href);
}

/* The same file name in the profile's own directory: where a catalog
 * copied next to its profile is found when the published relative path
 * does not lead anywhere. */
static const char *
beside(struct oscal *o, const char *href)
{
	const char *base = strrchr(href, '/');

	base = base != NULL ? base + 1 : href;
	if (*base == '\0')
		return NULL;
	return ismc_arena_printf(&o->comp->arena, "%s/%s", dir_of(o), base);
}

/* Whether a media type or file name is JSON or YAML (not XML). */
static bool
readable(const char *href, const char *media)
{
	const char *dot = strrchr(href, '.');

	if (media != NULL)
		return strstr(media, "json") != NULL ||
		    strstr(media, "yaml") != NULL;
	return dot != NULL && (strcmp(dot, ".json") == 0 ||
	    strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0);
}

/* The back-matter resource with this uuid, or NULL. */
static const struct ismc_ynode *
find_resource(struct oscal *o, const char *uuid)
{
	const struct ismc_ynode *res, *r;
	size_t i;

	res = ismc_ynode_get(ismc_ynode_get(o->root, "back-matter"),
	    "resources");
	if (res == NULL || res->kind != ISMC_YNODE_SEQUENCE)
		return NULL;
	for (i = 0; i < res->len; i++) {
		r = ismc_ynode_item(res, i);
		if (ismc_ynode_equals(ismc_ynode_get(r, "uuid"), uuid))
			return r;
	}
	return NULL;
}

/* The first rlink that leads to a readable file, as published
 * (`published`) or beside the profile; `same` keeps to the profile's
 * own syntax (JSON or YAML). */
static const char *
try_rlinks(struct oscal *o, const struct ismc_ynode *links, bool published,
    bool same)
{
	const struct ismc_ynode *lk;
	const char *href, *media, *p;
	bool json = o->doc.locate != NULL;
	size_t i;

	if (links == NULL || links->kind != ISMC_YNODE_SEQUENCE)
		return NULL;
	for (i = 0; i < links->len; i++) {
		lk = ismc_ynode_item(links, i);
		href = imp_opt_text(o->comp, ismc_ynode_get(lk, "href"));
		media = imp_opt_text(o->comp, ismc_ynode_get(lk,
		    "media-type"));
		if (href == NULL || !readable(href, media))
			continue;
		if (same && (strstr(media ? media : href, "json") != NULL) !=
		    json)
			continue;
		p = published ? local_path(o, href) : beside(o, href);
		if (p != NULL && file_exists(p))
			return p;
	}
	return NULL;
}

/*
 * The back-matter resource `uuid`'s rlinks, tried as published and then
 * beside the profile, the profile's own syntax first.
 */
static const char *
from_back_matter(struct oscal *o, const char *uuid, const struct ismc_ynode *at)
{
	const struct ismc_ynode *r, *links;
	const char *p;

	if ((r = find_resource(o, uuid)) == NULL) {
		ismc_ydoc_report(&o->doc, ISMC_ERROR, at->span, "no resource "
		    "'%s' in the profile's back matter", uuid);
		return NULL;
	}
	links = ismc_ynode_get(r, "rlinks");
	if ((p = try_rlinks(o, links, true, true)) != NULL ||
	    (p = try_rlinks(o, links, true, false)) != NULL ||
	    (p = try_rlinks(o, links, false, true)) != NULL ||
	    (p = try_rlinks(o, links, false, false)) != NULL)
		return p;
	ismc_ydoc_report(&o->doc, ISMC_ERROR, at->span, "none of the JSON or "
	    "YAML links of resource '%s' leads to a file, as published or "
	    "beside the profile", uuid);
	return NULL;
}

/* The file an import's href names; NULL after reporting. */
static const char *
import_path(struct oscal *o, const struct ismc_ynode *hv)
{
	const char *href = imp_opt_text(o->comp, hv), *p;

	if (href == NULL) {
		ismc_ydoc_expect_string(&o->doc, hv, "'href'");
		return NULL;
	}
	if (href[0] == '#')
		return from_back_matter(o, href + 1, hv);
	if ((p = local_path(o, href)) == NULL) {
		ismc_ydoc_report(&o->doc, ISMC_ERROR, hv->span, "'%s' is a URL; "
		    "ismc does not fetch files: save it and name the copy", href);
		return NULL;
	}
	if (file_exists(p))
		return p;
	if ((p = beside(o, href)) != NULL && file_exists(p))
		return p;
	ismc_ydoc_report(&o->doc, ISMC_ERROR, hv->span, "cannot find '%s' "
	    "(relative to the profile, or beside it)", href);
	return NULL;
}

/* Marks node i and, with `children`, every control below it. */
static void
mark(const struct ismc_catalog *cat, bool *keep, size_t i, bool on,
    bool children)
{
	size_t j;

	keep[i] = on;
	if (!children)
		return;
	for (j = i + 1; j < cat->nnodes; j++) {
		const struct ismc_req *p = cat->nodes[j]->parent;

		while (p != NULL && p != cat->nodes[i])
			p = p->parent;
		if (p == NULL)
			break;		/* pre-order: the subtree ended */
		keep[j] = on;
	}
}

static bool
yes(const struct ismc_ynode *v)
{
	return ismc_ynode_equals(v, "yes") || ismc_ynode_equals(v, "true");
}

/* include-controls / exclude-controls: with-ids and matching. */
static void
select_controls(struct oscal *o, struct selection *s,
    const struct ismc_ynode *list, bool on)
{
	const struct ismc_catalog *cat = s->from;
	const struct ismc_ynode *sel, *ids, *pats, *v;
	const struct ismc_req *r;
	const char *id, *pat;
	bool children;
	size_t i, j, k;

	if (ismc_ydoc_expect(&o->doc, list, ISMC_YNODE_SEQUENCE,
	    on ? "'include-controls'" : "'exclude-controls'") == NULL)
		return;
	for (i = 0; i < list->len; i++) {
		sel = ismc_ynode_item(list, i);
		if (ismc_ydoc_expect(&o->doc, sel, ISMC_YNODE_MAPPING,
		    "a control selection") == NULL)
			continue;
		children = yes(ismc_ynode_get(sel, "with-child-controls"));
		ids = ismc_ynode_get(sel, "with-ids");
		for (j = 0; ids != NULL && ismc_ydoc_expect(&o->doc, ids,
		    ISMC_YNODE_SEQUENCE, "'with-ids'") != NULL &&
		    j < ids->len; j++) {
			v = ismc_ynode_item(ids, j);
			if (ismc_ydoc_expect_string(&o->doc, v, "an id") ==
			    NULL)
				continue;
			id = ismc_strtab_intern(&o->comp->strtab, v->u.str,
			    v->len);
			if ((r = ismc_catalog_lookup(cat, id)) == NULL ||
			    (r->is_group && !r->withdrawn)) {
				ismc_ydoc_warning(&o->doc,
				    ISMC_W_IMPORT_UNKNOWN_ID,
				    v->span,
				    "catalog '%s' has no control '%s'",
				    cat->id, id);
				continue;
			}
			mark(cat, s->keep, r->index, on, children);
		}
		pats = ismc_ynode_get(sel, "matching");
		for (j = 0; pats != NULL && ismc_ydoc_expect(&o->doc, pats,
		    ISMC_YNODE_SEQUENCE, "'matching'") != NULL &&
		    j < pats->len; j++) {
			pat = imp_opt_text(o->comp, ismc_ynode_get(
			    ismc_ynode_item(pats, j), "pattern"));
			for (k = 0; pat != NULL && k < cat->nnodes; k++) {
				r = cat->nodes[k];
				if ((!r->is_group || r->withdrawn) &&
				    fnmatch(pat, r->id, 0) == 0)
					mark(cat, s->keep, k, on, children);
			}
		}
	}
}

/* Whether file (dev, ino) is one the import chain already goes through,
 * or one too many; reports at the href. */
static bool
bad_chain(struct oscal *o, const struct ismc_ynode *hv, dev_t dev, ino_t ino,
    const struct chain *up)
{
	const struct chain *c;

	for (c = up; c != NULL; c = c->up)
		if (c->ino != 0 && c->dev == dev && c->ino == ino) {
			ismc_ydoc_report(&o->doc, ISMC_ERROR, hv->span, "this "
			    "import leads back to a profile that imports it "
			    "(a loop)");
			return true;
		}
	if (up->depth >= MAX_PROFILE_DEPTH) {
		ismc_ydoc_report(&o->doc, ISMC_ERROR, hv->span, "profiles "
		    "import profiles more than %d deep", MAX_PROFILE_DEPTH);
		return true;
	}
	return false;
}

/* One entry of `imports`: the catalog it names and what it selects. */
static bool
load_import(struct oscal *o, const struct ismc_ynode *imp,
    const struct chain *up, struct selection *s)
{
	const struct ismc_ynode *hv, *v;
	const struct ismc_source *src;
	struct chain next;
	const char *path;
	uint32_t file;
	size_t i;

	memset(s, 0, sizeof *s);
	if (ismc_ydoc_expect(&o->doc, imp, ISMC_YNODE_MAPPING, "an import") ==
	    NULL || (hv = ismc_ydoc_require(&o->doc, imp, "href",
	    "in an import")) == NULL || (path = import_path(o, hv)) == NULL)
		return false;
	/* Through the guarded read: an href is as untrusted as an include. */
	if ((file = ismc_compilation_read(o->comp, path, ISMC_INPUT_CATALOG,
	    0, hv->span, NULL)) == ISMC_NO_FILE) {
		o->doc.errors++;
		return false;
	}
	src = ismc_sources_get(&o->comp->sources, file);
	if (bad_chain(o, hv, src->dev, src->ino, up))
		return false;
	next.up = up;
	next.dev = src->dev;
	next.ino = src->ino;
	next.depth = up->depth + 1;
	if ((s->from = resolve(o->comp, file, &next)) == NULL) {
		ismc_ydoc_report(&o->doc, ISMC_NOTE, hv->span, "imported here");
		return false;
	}
	s->keep = ismc_xcalloc(s->from->nnodes + 1, sizeof *s->keep);
	if ((v = ismc_ynode_get(imp, "include-all")) != NULL) {
		for (i = 0; i < s->from->nnodes; i++)
			s->keep[i] = !s->from->nodes[i]->is_group ||
			    s->from->nodes[i]->withdrawn;
	} else if ((v = ismc_ynode_get(imp, "include-controls")) != NULL) {
		select_controls(o, s, v, true);
	} else {
		ismc_ydoc_report(&o->doc, ISMC_ERROR, imp->span, "an import "
		    "needs 'include-all' or 'include-controls'");
	}
	if ((v = ismc_ynode_get(imp, "exclude-controls")) != NULL)
		select_controls(o, s, v, false);
	return true;
}

/* The nearest kept ancestor of node r in the profile's catalog. */
static struct ismc_req *
kept_parent(struct imp_catalog *ic, const struct ismc_req *r)
{
	struct ismc_req *p;

	for (r = r->parent; r != NULL; r = r->parent)
		if ((p = imp_catalog_lookup(ic, r->id)) != NULL)
			return p;
	return NULL;
}

/* Copies the selected controls, and the groups holding them. */
static void
copy_selected(struct oscal *o, struct imp_catalog *ic,
    const struct selection *s)
{
	const struct ismc_catalog *from = s->from;
	const struct ismc_req *r, *g;
	struct ismc_req *n;
	bool *need;
	size_t i;

	need = ismc_xcalloc(from->nnodes + 1, sizeof *need);
	for (i = 0; i < from->nnodes; i++) {
		if (!s->keep[i])
			continue;
		need[i] = true;
		for (g = from->nodes[i]->parent; g != NULL; g = g->parent)
			if (g->is_group && !g->withdrawn)
				need[g->index] = true;
	}
	for (i = 0; i < from->nnodes; i++) {
		r = from->nodes[i];
		if (!need[i] || imp_catalog_lookup(ic, r->id) != NULL)
			continue;	/* a second import of the same */
		n = imp_catalog_add(ic, r->id, kept_parent(ic, r), r->level,
		    r->is_group, r->span);
		if (n == NULL)
			continue;	/* taken: checked above */
		n->title = r->title;
		n->ref = r->ref;
		n->withdrawn = r->withdrawn;
	}
	free(need);
	(void)o;
}

static struct ismc_catalog *
build_profile(struct oscal *o, const char *id, const struct chain *self,
    bool keep)
{
	const struct ismc_ynode *imports;
	struct selection s;
	struct imp_catalog ic;
	unsigned before = o->comp->diag.errors;
	size_t i;

	imports = ismc_ydoc_require(&o->doc, o->root, "imports",
	    "in 'profile'");
	if (ismc_ydoc_expect(&o->doc, imports, ISMC_YNODE_SEQUENCE,
	    "'imports'") == NULL)
		return NULL;
	imp_catalog_init(&ic, o->comp, o->doc.file);
	load_header(o, ic.cat, id);
	for (i = 0; i < imports->len && !ismc_diag_stopped(&o->comp->diag);
	    i++) {
		/* Every import is checked; only a clean profile is kept. */
		if (load_import(o, ismc_ynode_item(imports, i), self, &s) &&
		    o->doc.errors == 0)
			copy_selected(o, &ic, &s);
		free(s.keep);
		/* The imported catalog was never registered. */
		if (s.from != NULL)
			ismc_catalog_free((struct ismc_catalog *)s.from);
	}
	/* Errors in an imported file are counted by the engine only. */
	if (o->comp->diag.errors != before)
		return imp_catalog_finish(&ic, false, keep);
	if (ic.cat->nnodes == 0)
		ismc_ydoc_report(&o->doc, ISMC_ERROR, imports->span, "the "
		    "profile selects no control");
	return imp_catalog_finish(&ic, o->doc.errors == 0, keep);
}

/* A catalog or profile named by an import, as an unregistered catalog. */
static struct ismc_catalog *
resolve(struct ismc_compilation *comp, uint32_t file, const struct chain *self)
{
	const struct ismc_source *src = ismc_sources_get(&comp->sources, file);
	const char *id = imp_id_from_path(comp, src->path, strlen(src->path));
	enum ismc_data_format fmt;
	struct ismc_catalog *cat = NULL;
	struct oscal o;

	fmt = ismc_data_sniff(src->text, src->len);
	if (fmt != ISMC_DATA_OSCAL_CATALOG && fmt != ISMC_DATA_OSCAL_PROFILE) {
		ismc_diag_error(&comp->diag, ISMC_FILE_SPAN(file), "a profile "
		    "imports this file, which is not an OSCAL catalog or "
		    "profile");
		return NULL;
	}
	/* The id only names it in messages: the catalog is not kept. */
	if (id == NULL)
		id = ismc_strtab_cstr(&comp->strtab, "imported");
	if (oscal_open(&o, comp, file, fmt))
		cat = fmt == ISMC_DATA_OSCAL_CATALOG ?
		    build_catalog(&o, id, false) :
		    build_profile(&o, id, self, false);
	oscal_close(&o);
	return cat;
}

struct ismc_catalog *
imp_oscal_catalog(struct ismc_compilation *comp, uint32_t file,
    enum ismc_data_format fmt)
{
	const struct ismc_source *src = ismc_sources_get(&comp->sources, file);
	struct ismc_catalog *cat = NULL;
	struct chain self;
	const char *id;
	struct oscal o;

	memset(&self, 0, sizeof self);
	self.dev = src->dev;
	self.ino = src->ino;
	if (oscal_open(&o, comp, file, fmt) && (id = derived_id(&o)) != NULL)
		cat = fmt == ISMC_DATA_OSCAL_CATALOG ?
		    build_catalog(&o, id, true) :
		    build_profile(&o, id, &self, true);
	oscal_close(&o);
	return cat;
}
