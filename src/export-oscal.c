/*
 * export-oscal.c - the spec's own and the inferred mappings as one OSCAL
 * 1.2 mapping collection (see export-oscal.h; doc/outputs.md).
 *
 * One `mappings` entry per pair of frameworks, in the order the spec uses
 * them; in each, the spec's `map` rows in the order written (a covering
 * set as several sources, a residual in the remarks), then the relations
 * the gap analysis inferred (a row naming a group, or two rows through a
 * hub requirement) between a decided control and a requirement, in the
 * requirement's catalog order. Published rows are not repeated: their
 * publishers' files are the place for them. An inferred relation that is
 * only known to be one of several is left out and counted in the
 * mapping's remarks: OSCAL's relationships are the five definite ones.
 *
 * The JSON is built with jansson, whose objects keep their insertion
 * order, so the output is the same bytes for the same spec.
 */
#include <config.h>

#include "export-oscal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <jansson.h>

#include "buf.h"
#include "catalog.h"
#include "gap.h"
#include "import.h"
#include "ir.h"
#include "mapping.h"
#include "rcc5.h"
#include "xalloc.h"

#define OSCAL_VERSION	"1.2.1"
/* Where ismc's own property names live (import.h reads them back). */
#define ISMC_NS		ISMC_OSCAL_NS

/* uuid5(NAMESPACE_URL, "https://example.invalid/ismc/oscal-mapping") */
static const unsigned char uuid_ns[16] = {
	0x8f, 0xef, 0xfd, 0x9e, 0x82, 0xf2, 0x58, 0x0c,
	0xbd, 0x37, 0x14, 0x8f, 0x96, 0x1c, 0xc6, 0xc7,
};

void
ismc_export_uuid(const char *name, char buf[37])
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA1);
	guint8 d[20];
	gsize n = sizeof d;
	size_t i, o = 0;

	g_checksum_update(c, uuid_ns, sizeof uuid_ns);
	g_checksum_update(c, (const guchar *)name, (gssize)strlen(name));
	g_checksum_get_digest(c, d, &n);
	g_checksum_free(c);
	d[6] = (d[6] & 0x0f) | 0x50;		/* version 5 */
	d[8] = (d[8] & 0x3f) | 0x80;		/* RFC 9562 variant */
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			buf[o++] = '-';
		snprintf(buf + o, 3, "%02x", d[i]);
		o += 2;
	}
	buf[o] = '\0';
}

/* ---- collecting the maps ------------------------------------------------ */

/* The maps between one ordered pair of frameworks. */
struct pair {
	size_t			 src;		/* ir->frameworks indices */
	size_t			 tgt;
	json_t			*maps;		/* array */
	size_t			 nspec;
	size_t			 ninferred;
	size_t			 nvague;	/* inferred, not one relation */
};

struct exp {
	const struct ismc_ir	*ir;
	struct pair		*pairs;
	size_t			 npairs;
};

static struct pair *
pair_for(struct exp *e, size_t src, size_t tgt)
{
	struct pair *p;
	size_t i;

	for (i = 0; i < e->npairs; i++)
		if (e->pairs[i].src == src && e->pairs[i].tgt == tgt)
			return &e->pairs[i];
	e->pairs = ismc_xreallocarray(e->pairs, e->npairs + 1,
	    sizeof *e->pairs);
	p = &e->pairs[e->npairs++];
	memset(p, 0, sizeof *p);
	p->src = src;
	p->tgt = tgt;
	p->maps = json_array();
	return p;
}

static const char *
oscal_rel(enum ismc_rel rel)
{
	switch (rel) {
	case ISMC_REL_EQUAL:
		return "equal-to";
	case ISMC_REL_SUBSET:
		return "subset-of";
	case ISMC_REL_SUPERSET:
		return "superset-of";
	case ISMC_REL_INTERSECTS:
		return "intersects-with";
	case ISMC_REL_NOT_RELATED:
		return "no-relationship";
	default:
		return NULL;
	}
}

static json_t *
prop(const char *name, const char *value)
{
	return json_pack("{s:s, s:s, s:s}", "name", name, "ns", ISMC_NS,
	    "value", value);
}

static json_t *
item(const struct ismc_req *r)
{
	return json_pack("{s:s, s:s}", "type", "control", "id-ref", r->id);
}

/*
 * One map: `src` (n members) REL `tgt`. Its UUID is derived from where
 * it comes from (the spec, or inference), the members in their order, the
 * relationship and the target, qualified by their catalogs: all stable
 * from one revision of the spec to the next.
 */
static json_t *
new_map(const char *origin, const struct ismc_req *const *src, size_t n,
    enum ismc_rel rel, const struct ismc_req *tgt, unsigned strength)
{
	struct ismc_buf key;
	json_t *map, *sources;
	char uuid[37];
	size_t i;

	ismc_buf_init(&key);
	ismc_buf_printf(&key, "map|%s|%s:", origin, src[0]->catalog->id);
	sources = json_array();
	for (i = 0; i < n; i++) {
		ismc_buf_printf(&key, "%s%s", i ? "+" : "", src[i]->id);
		json_array_append_new(sources, item(src[i]));
	}
	ismc_buf_printf(&key, "|%s|%s:%s", oscal_rel(rel), tgt->catalog->id,
	    tgt->id);
	ismc_export_uuid(ismc_buf_cstr(&key), uuid);
	ismc_buf_free(&key);
	map = json_pack("{s:s, s:s, s:o, s:[o]}", "uuid", uuid,
	    "relationship", oscal_rel(rel), "sources", sources, "targets",
	    item(tgt));
	if (strength > 0)
		json_object_set_new(map, "confidence-score",
		    json_pack("{s:f}", "percentage", strength / 10.0));
	return map;
}

/*
 * A residual as an OSCAL prop value, which must be one line without
 * surrounding space: runs of white space become one space. Arena-free:
 * `out` is the caller's.
 */
static void
one_line(struct ismc_buf *out, const char *s)
{
	bool space = false;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = out->len > 0;
			continue;
		}
		if (space)
			ismc_buf_addc(out, ' ');
		space = false;
		ismc_buf_addc(out, *s);
	}
}

/* A `map` row of the spec's: a covering set as several sources. */
static void
add_spec_row(struct exp *e, struct pair *p, const struct ismc_ir_maprow *mr)
{
	const struct ismc_mapping_row *row = mr->row;
	const char *residual = ismc_mapping_row_residual(row);
	const struct ismc_req *const *src = &mr->source;
	struct ismc_buf remarks;
	json_t *map, *props;
	size_t n = 1;

	(void)e;
	if (oscal_rel(row->rel) == NULL || mr->source == NULL ||
	    mr->target == NULL)
		return;
	if (mr->members != NULL) {
		src = mr->members;
		n = mr->nmembers;
	}
	map = new_map("spec", src, n, row->rel, mr->target, row->strength);
	props = json_pack("[o]", prop("provenance", "spec"));
	if (residual != NULL) {
		/* Said twice: in a prop that ismc's importer reads back, and in
		 * the remarks, for people and other tools. */
		ismc_buf_init(&remarks);
		one_line(&remarks, residual);
		if (remarks.len > 0)
			json_array_append_new(props, prop("residual",
			    ismc_buf_cstr(&remarks)));
		ismc_buf_free(&remarks);
	}
	json_object_set_new(map, "props", props);
	ismc_buf_init(&remarks);
	if (row->rationale != NULL)
		ismc_buf_adds(&remarks, row->rationale);
	if (residual != NULL)
		ismc_buf_printf(&remarks, "%sResidual: %s", remarks.len ?
		    "\n\n" : "", residual);
	if (remarks.len > 0)
		json_object_set_new(map, "remarks",
		    json_string(ismc_buf_cstr(&remarks)));
	ismc_buf_free(&remarks);
	json_array_append_new(p->maps, map);
	p->nspec++;
}

static void
collect_spec(struct exp *e)
{
	const struct ismc_ir *ir = e->ir;
	const struct ismc_ir_crosswalk *cw;
	struct pair *p;
	size_t i, j;

	for (i = 0; i < ir->ncrosswalks; i++) {
		cw = &ir->crosswalks[i];
		if (cw->set->provenance == NULL ||
		    strcmp(cw->set->provenance, "spec") != 0)
			continue;
		p = pair_for(e, cw->source, cw->target);
		for (j = 0; j < cw->nrows; j++)
			add_spec_row(e, p, &cw->rows[j]);
	}
}

/* "Inferred through dora:17.1 (iso27001-2022--dora, then dora--nis2)." */
static json_t *
inferred_remarks(const struct ismc_gap_reach *r)
{
	const struct ismc_gap_link *a = r->link[0], *b = r->link[1];
	struct ismc_buf t;
	json_t *s;

	ismc_buf_init(&t);
	if (r->kind == ISMC_GAP_CHAIN && a != NULL && b != NULL)
		ismc_buf_printf(&t, "Inferred through %s:%s (%s, then %s).",
		    r->hub->catalog->id, r->hub->id, a->set->id, b->set->id);
	else if (a != NULL)
		ismc_buf_printf(&t, "Inferred from a row of %s naming the "
		    "group %s.", a->set->id, a->group_a != NULL ?
		    a->group_a->id : a->group_b != NULL ? a->group_b->id :
		    "(none)");
	else
		ismc_buf_adds(&t, "Inferred.");
	s = json_string(ismc_buf_cstr(&t));
	ismc_buf_free(&t);
	return s;
}

/* Whether an earlier reach of g already maps the same control. */
static bool
seen_control(const struct ismc_gap_req *g, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (g->reaches[i].control == g->reaches[k].control &&
		    (g->reaches[i].kind == ISMC_GAP_GROUP ||
		    g->reaches[i].kind == ISMC_GAP_CHAIN) &&
		    !g->reaches[i].superseded)
			return true;
	return false;
}

static void
add_reach(struct exp *e, size_t f, const struct ismc_gap_req *g, size_t k)
{
	const struct ismc_gap_reach *r = &g->reaches[k];
	const struct ismc_req *src;
	struct pair *p;
	enum ismc_rel rel;
	json_t *map;

	if ((r->kind != ISMC_GAP_GROUP && r->kind != ISMC_GAP_CHAIN) ||
	    r->superseded || seen_control(g, k))
		return;
	p = pair_for(e, r->framework, f);
	if (!ismc_rcc5_to_rel(r->rel, &rel) || oscal_rel(rel) == NULL) {
		p->nvague++;
		return;
	}
	src = r->control->req;
	map = new_map("inferred", &src, 1, rel, g->req, r->strength);
	json_object_set_new(map, "props", json_pack("[o, o]",
	    prop("provenance", "inferred"), prop("inference",
	    r->kind == ISMC_GAP_CHAIN ? "chain" : "group")));
	json_object_set_new(map, "remarks", inferred_remarks(r));
	json_array_append_new(p->maps, map);
	p->ninferred++;
}

static void
collect_inferred(struct exp *e)
{
	const struct ismc_gap *gap = e->ir->gap;
	const struct ismc_gap_fw *fw;
	size_t f, i, k;

	for (f = 0; gap != NULL && f < gap->nfws; f++) {
		fw = &gap->fws[f];
		for (i = 0; i < fw->nreqs; i++)
			for (k = 0; k < fw->reqs[i].nreaches; k++)
				add_reach(e, fw->index, &fw->reqs[i], k);
	}
}

static int
pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->src != y->src)
		return x->src < y->src ? -1 : 1;
	if (x->tgt != y->tgt)
		return x->tgt < y->tgt ? -1 : 1;
	return 0;
}

static void
collect(struct exp *e, const struct ismc_ir *ir)
{
	memset(e, 0, sizeof *e);
	e->ir = ir;
	collect_spec(e);
	collect_inferred(e);
	if (e->npairs > 1)
		qsort(e->pairs, e->npairs, sizeof *e->pairs, pair_cmp);
}

static void
release(struct exp *e)
{
	size_t i;

	for (i = 0; i < e->npairs; i++)
		json_decref(e->pairs[i].maps);
	free(e->pairs);
}

bool
ismc_export_oscal_applies(const struct ismc_ir *ir)
{
	struct exp e;
	bool any = false;
	size_t i;

	collect(&e, ir);
	for (i = 0; i < e.npairs; i++)
		any |= json_array_size(e.pairs[i].maps) > 0;
	release(&e);
	return any;
}

/* ---- the document ------------------------------------------------------- */

/* A framework as a mapping's source or target resource. ismc's catalogs
 * are no OSCAL documents, so the href names them by a URN. */
static json_t *
resource(const struct ismc_catalog *cat)
{
	const char *type = cat->source != NULL &&
	    strncmp(cat->source, "OSCAL profile ", 14) == 0 ? "profile" :
	    "catalog";
	struct ismc_buf href;
	json_t *r;

	ismc_buf_init(&href);
	ismc_buf_printf(&href, ISMC_CATALOG_URN "%s", cat->id);
	r = json_pack("{s:s, s:s, s:[o]}", "type", type, "href",
	    ismc_buf_cstr(&href), "props", prop("catalog-title",
	    cat->title ? cat->title : cat->id));
	ismc_buf_free(&href);
	return r;
}

static json_t *
mapping(const struct ismc_ir *ir, const struct pair *p)
{
	const struct ismc_catalog *s = ir->frameworks[p->src].catalog;
	const struct ismc_catalog *t = ir->frameworks[p->tgt].catalog;
	struct ismc_buf key;
	char uuid[37];
	json_t *m;

	ismc_buf_init(&key);
	ismc_buf_printf(&key, "mapping|%s|%s", s->id, t->id);
	ismc_export_uuid(ismc_buf_cstr(&key), uuid);
	ismc_buf_free(&key);
	m = json_pack("{s:s, s:o, s:o, s:O}", "uuid", uuid,
	    "source-resource", resource(s), "target-resource", resource(t),
	    "maps", p->maps);
	if (p->nvague > 0) {
		char text[160];

		snprintf(text, sizeof text, "%zu inferred relation%s known "
		    "only to be one of several %s left out.", p->nvague,
		    p->nvague == 1 ? "" : "s", p->nvague == 1 ? "is" : "are");
		json_object_set_new(m, "remarks", json_string(text));
	}
	return m;
}

static json_t *
metadata(const struct ismc_ir *ir, const char *modified)
{
	const char *who = ir->isms.organisation != NULL ?
	    ir->isms.organisation : ir->isms.title;
	char title[256];

	if (who != NULL)
		snprintf(title, sizeof title, "Control mappings of %s", who);
	else
		snprintf(title, sizeof title, "Control mappings");
	return json_pack("{s:s, s:s, s:s, s:s, s:[o]}", "title", title,
	    "last-modified", modified, "version", ir->isms.version != NULL ?
	    ir->isms.version : "1", "oscal-version", OSCAL_VERSION, "props",
	    prop("generator", "ismc " PACKAGE_VERSION));
}

static json_t *
provenance(const struct exp *e)
{
	size_t i, nspec = 0, ninf = 0;

	for (i = 0; i < e->npairs; i++) {
		nspec += e->pairs[i].nspec;
		ninf += e->pairs[i].ninferred;
	}
	return json_pack("{s:s, s:s, s:s, s:s}", "method", nspec > 0 &&
	    ninf > 0 ? "hybrid" : nspec > 0 ? "human" : "automation",
	    "matching-rationale", "semantic", "status", "complete",
	    "mapping-description", "The relations the spec states in its own "
	    "'map' rows, and those ismc inferred from the mapping sets in "
	    "use (a row naming a group, or two rows through a hub "
	    "requirement), between the frameworks the spec uses. Rows "
	    "published in those mapping sets are not repeated.");
}

void
ismc_export_oscal(const struct ismc_ir *ir, const char *modified,
    struct ismc_buf *out)
{
	struct ismc_buf key;
	json_t *doc, *mappings;
	char uuid[37], *text;
	struct exp e;
	size_t i;

	collect(&e, ir);
	mappings = json_array();
	ismc_buf_init(&key);
	ismc_buf_adds(&key, "collection");
	for (i = 0; i < e.npairs; i++) {
		if (json_array_size(e.pairs[i].maps) == 0)
			continue;
		json_array_append_new(mappings, mapping(ir, &e.pairs[i]));
	}
	/* The document's UUID follows its content: a revision changes it. */
	text = json_dumps(mappings, JSON_COMPACT);
	ismc_buf_adds(&key, text != NULL ? text : "");
	free(text);
	ismc_export_uuid(ismc_buf_cstr(&key), uuid);
	ismc_buf_free(&key);
	doc = json_pack("{s:{s:s, s:o, s:o, s:o}}", "mapping-collection",
	    "uuid", uuid, "metadata", metadata(ir, modified), "provenance",
	    provenance(&e), "mappings", mappings);
	text = json_dumps(doc, JSON_INDENT(2) | JSON_REAL_PRECISION(3));
	if (text != NULL) {
		ismc_buf_adds(out, text);
		ismc_buf_addc(out, '\n');
	}
	free(text);
	json_decref(doc);
	release(&e);
}
