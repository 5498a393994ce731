/*
 * mapping.c - loads and validates mapping sets (doc/catalog-format.md).
 *
 * Rows are checked as the YAML reader streams them (yamlnode.h), so a set
 * of a million rows never exists as a node tree: each row becomes one
 * ismc_mapping_row in a growing heap vector, moved into the arena at the
 * end. Exact duplicate rows are found with a hash on the (source, target)
 * pair of interned ids.
 */
#include <config.h>

#include "mapping.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "compilation.h"
#include "suggest.h"
#include "xalloc.h"
#include "yamlnode.h"

#define MAPPING_FORMAT	"ismc-mapping/1"

/* ORDER ISMC_REL */
static const char *const rel_names[] = {
	"equal", "subset", "superset", "intersects", "not-related",
	"no-counterpart", NULL,
};

static const char *const top_keys[] = { "format", "mapping", "rows", NULL };
static const char *const header_keys[] = { "id", "source", "target", "title",
	"provenance", "origin", "method", NULL };
static const char *const row_keys[] = { "source", "rel", "target",
	"strength", "rationale", NULL };

struct mloader {
	struct ismc_compilation	*comp;
	struct ismc_mapping_row	*rows;		/* heap until the end */
	size_t			 nrows;
	size_t			 cap;
	size_t			*slots;		/* 1 + row index; 0 = empty */
	size_t			 nslots;	/* power of two */
};

const char *
ismc_rel_name(enum ismc_rel rel)
{
	if ((size_t)rel < sizeof rel_names / sizeof rel_names[0] - 1)
		return rel_names[rel];
	return "?";
}

bool
ismc_rel_parse(const char *s, size_t len, enum ismc_rel *out)
{
	size_t i;

	for (i = 0; rel_names[i] != NULL; i++) {
		if (strlen(rel_names[i]) == len &&
		    memcmp(rel_names[i], s, len) == 0) {
			*out = (enum ismc_rel)i;
			return true;
		}
	}
	return false;
}

/* ---- duplicate rows -------------------------------------------------- */

static size_t
pair_hash(const char *a, const char *b)
{
	uint64_t x = (uint64_t)(uintptr_t)a * 0x9e3779b97f4a7c15ULL ^
	    (uint64_t)(uintptr_t)b;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

/* The slot of the row for (source, target): empty, or that row. */
static size_t
find_slot(const struct mloader *m, const char *src, const char *tgt)
{
	size_t i = pair_hash(src, tgt) & (m->nslots - 1);
	const struct ismc_mapping_row *r;

	while (m->slots[i] != 0) {
		r = &m->rows[m->slots[i] - 1];
		if (r->source == src && r->target == tgt)
			break;
		i = (i + 1) & (m->nslots - 1);
	}
	return i;
}

static void
grow_slots(struct mloader *m)
{
	size_t i;

	free(m->slots);
	m->nslots = m->nslots ? m->nslots * 2 : 1024;
	m->slots = ismc_xcalloc(m->nslots, sizeof *m->slots);
	for (i = 0; i < m->nrows; i++)
		m->slots[find_slot(m, m->rows[i].source, m->rows[i].target)] =
		    i + 1;
}

static bool
same_row(const struct ismc_mapping_row *a, const struct ismc_mapping_row *b)
{
	if (a->rel != b->rel || a->strength != b->strength)
		return false;
	if (a->rationale == NULL || b->rationale == NULL)
		return a->rationale == b->rationale;
	return strcmp(a->rationale, b->rationale) == 0;
}

static const char *
side(const char *id, char *buf, size_t size)
{
	if (id == NULL)
		return "(none)";
	return ismc_yaml_printable(id, strlen(id), buf, size);
}

/* Adds a checked row unless it repeats an earlier one. */
static void
add_row(struct mloader *m, struct ismc_ydoc *doc,
    const struct ismc_mapping_row *row)
{
	const struct ismc_mapping_row *first;
	char sb[80], tb[80];
	unsigned line, col;
	size_t slot;

	if (m->nrows * 2 >= m->nslots)
		grow_slots(m);
	slot = find_slot(m, row->source, row->target);
	if (m->slots[slot] != 0) {
		first = &m->rows[m->slots[slot] - 1];
		side(row->source, sb, sizeof sb);
		side(row->target, tb, sizeof tb);
		if (same_row(first, row)) {
			ismc_sources_linecol(&m->comp->sources,
			    first->span.file, first->span.start, &line, &col);
			ismc_ydoc_report(doc, ISMC_WARNING, row->span,
			    "duplicate mapping row %s -> %s (first at line %u)",
			    sb, tb, line);
		} else {
			ismc_ydoc_report(doc, ISMC_ERROR, row->span,
			    "conflicting mapping rows for %s -> %s", sb, tb);
			ismc_ydoc_report(doc, ISMC_NOTE, first->span,
			    "the first row for this pair is here");
		}
		return;
	}
	if (m->nrows == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 256;
		m->rows = ismc_xreallocarray(m->rows, m->cap, sizeof *m->rows);
	}
	m->rows[m->nrows] = *row;
	m->slots[slot] = ++m->nrows;
}

/* ---- rows ------------------------------------------------------------ */

static bool
row_rel(struct ismc_ydoc *doc, const struct ismc_ynode *v, enum ismc_rel *rel)
{
	struct ismc_suggest sg;
	const char *hint;
	char buf[80];
	size_t i;

	if (ismc_ydoc_expect_string(doc, v, "'rel'") == NULL)
		return false;
	if (ismc_rel_parse(v->u.str, v->len, rel))
		return true;
	ismc_yaml_printable(v->u.str, v->len, buf, sizeof buf);
	ismc_suggest_init(&sg, buf);
	for (i = 0; rel_names[i] != NULL; i++)
		ismc_suggest_offer(&sg, rel_names[i]);
	if ((hint = ismc_suggest_result(&sg)) != NULL)
		ismc_ydoc_report(doc, ISMC_ERROR, v->span,
		    "unknown relationship '%s'; did you mean '%s'?", buf, hint);
	else
		ismc_ydoc_report(doc, ISMC_ERROR, v->span,
		    "unknown relationship '%s'; expected equal, subset, "
		    "superset, intersects, not-related or no-counterpart", buf);
	return false;
}

/* One side of a row: an interned id, or NULL for an explicit null. */
static bool
row_side(struct mloader *m, struct ismc_ydoc *doc, const struct ismc_ynode *v,
    const char *what, const char **out)
{
	*out = NULL;
	if (ismc_ynode_is_null(v))
		return true;
	if (ismc_ydoc_expect_string(doc, v, what) == NULL)
		return false;
	*out = ismc_strtab_intern(&m->comp->strtab, v->u.str, v->len);
	return true;
}

/* Only a no-counterpart row leaves a side empty, and exactly one. */
static void
row_sides_agree(struct ismc_ydoc *doc, const struct ismc_mapping_row *r,
    const struct ismc_ynode *src, const struct ismc_ynode *tgt)
{
	if (r->rel == ISMC_REL_NO_COUNTERPART) {
		if (r->source == NULL && r->target == NULL) {
			ismc_ydoc_report(doc, ISMC_ERROR, r->span, "a "
			    "'no-counterpart' row needs a 'source' or a "
			    "'target'");
		} else if (r->source != NULL && r->target != NULL) {
			ismc_ydoc_report(doc, ISMC_ERROR, r->span, "a "
			    "'no-counterpart' row must leave 'source' or "
			    "'target' null");
		}
	} else if (r->source == NULL || r->target == NULL) {
		ismc_ydoc_report(doc, ISMC_ERROR, r->source == NULL ?
		    src->span : tgt->span, "'%s' is null; only a "
		    "'no-counterpart' row may leave a side empty",
		    r->source == NULL ? "source" : "target");
	}
}

static bool
on_row(void *ctx, struct ismc_ydoc *doc, const struct ismc_ynode *n,
    size_t index)
{
	struct mloader *m = ctx;
	struct ismc_mapping_row row;
	const struct ismc_ynode *src, *tgt, *rel, *v;
	unsigned before = doc->errors;
	long strength;
	bool ok;

	(void)index;
	if (ismc_ydoc_expect(doc, n, ISMC_YNODE_MAPPING,
	    "an item of 'rows'") == NULL)
		return true;
	memset(&row, 0, sizeof row);
	row.span = n->span;
	ismc_ydoc_check_keys(doc, n, row_keys, "in a row");
	src = ismc_ydoc_require(doc, n, "source", "in a row");
	rel = ismc_ydoc_require(doc, n, "rel", "in a row");
	tgt = ismc_ydoc_require(doc, n, "target", "in a row");
	if (src == NULL || rel == NULL || tgt == NULL)
		return true;
	/* Check every field, so one row reports all its mistakes. */
	ok = row_rel(doc, rel, &row.rel);
	ok = row_side(m, doc, src, "'source'", &row.source) && ok;
	ok = row_side(m, doc, tgt, "'target'", &row.target) && ok;
	if (ok)
		row_sides_agree(doc, &row, src, tgt);
	if ((v = ismc_ynode_get(n, "strength")) != NULL &&
	    ismc_ydoc_expect_int(doc, v, "'strength'", 1, 10, &strength))
		row.strength = (unsigned)strength;
	if ((v = ismc_ynode_get(n, "rationale")) != NULL &&
	    ismc_ydoc_expect_string(doc, v, "'rationale'") != NULL)
		row.rationale = ismc_arena_strndup(&m->comp->arena, v->u.str,
		    v->len);
	if (doc->errors == before)
		add_row(m, doc, &row);
	return true;
}

/* ---- header ---------------------------------------------------------- */

static const char *
header_name(struct mloader *m, struct ismc_ydoc *doc,
    const struct ismc_ynode *hdr, const char *key, const char *what)
{
	const struct ismc_ynode *v;
	char buf[80];

	if ((v = ismc_ydoc_require(doc, hdr, key, "in 'mapping'")) == NULL ||
	    ismc_ydoc_expect_string(doc, v, what) == NULL)
		return NULL;
	if (!ismc_catalog_valid_name(v->u.str, v->len)) {
		ismc_ydoc_report(doc, ISMC_ERROR, v->span,
		    "invalid %s '%s': use letters, digits, '.', '-' and '_', "
		    "starting with a letter or digit", what,
		    ismc_yaml_printable(v->u.str, v->len, buf, sizeof buf));
		return NULL;
	}
	return ismc_strtab_intern(&m->comp->strtab, v->u.str, v->len);
}

static const char *
header_text(struct mloader *m, struct ismc_ydoc *doc,
    const struct ismc_ynode *hdr, const char *key, const char *what)
{
	const struct ismc_ynode *v = ismc_ynode_get(hdr, key);

	if (v == NULL || ismc_ydoc_expect_string(doc, v, what) == NULL)
		return NULL;
	return ismc_arena_strndup(&m->comp->arena, v->u.str, v->len);
}

static void
load_header(struct mloader *m, struct ismc_ydoc *doc,
    struct ismc_mapping_set *set, const struct ismc_ynode *hdr)
{
	if (ismc_ydoc_expect(doc, hdr, ISMC_YNODE_MAPPING,
	    "'mapping'") == NULL)
		return;
	ismc_ydoc_check_keys(doc, hdr, header_keys, "in 'mapping'");
	set->id = header_name(m, doc, hdr, "id", "mapping id");
	set->source = header_name(m, doc, hdr, "source", "source catalog id");
	set->target = header_name(m, doc, hdr, "target", "target catalog id");
	if (ismc_ydoc_require(doc, hdr, "provenance", "in 'mapping'") != NULL)
		set->provenance = header_text(m, doc, hdr, "provenance",
		    "'provenance'");
	set->title = header_text(m, doc, hdr, "title", "'title'");
	set->origin = header_text(m, doc, hdr, "origin", "'origin'");
	set->method = header_text(m, doc, hdr, "method", "'method'");
}

static struct ismc_mapping_set *
build(struct mloader *m, struct ismc_ydoc *doc)
{
	struct ismc_mapping_set *set;
	const struct ismc_ynode *root = doc->root, *hdr, *rows;

	if (!ismc_ydoc_check_format(doc, MAPPING_FORMAT, "mapping set"))
		return NULL;
	set = ISMC_NEW(&m->comp->arena, struct ismc_mapping_set);
	set->file = doc->file;
	ismc_ydoc_check_keys(doc, root, top_keys, "at the top level");
	hdr = ismc_ydoc_require(doc, root, "mapping", "at the top level");
	rows = ismc_ydoc_require(doc, root, "rows", "at the top level");
	if (hdr != NULL)
		load_header(m, doc, set, hdr);
	/* A streamed 'rows' was checked row by row during the parse. */
	if (rows != NULL)
		ismc_ydoc_expect(doc, rows, ISMC_YNODE_SEQUENCE, "'rows'");
	if (doc->errors > 0)
		return NULL;
	set->nrows = m->nrows;
	set->rows = ISMC_NEW_ARRAY(&m->comp->arena, struct ismc_mapping_row,
	    m->nrows);
	if (m->nrows > 0)
		memcpy(set->rows, m->rows, m->nrows * sizeof *m->rows);
	return set;
}

struct ismc_mapping_set *
ismc_mapping_load_file(struct ismc_compilation *comp, uint32_t file)
{
	struct ismc_ystream stream = { "rows", on_row, NULL };
	struct ismc_mapping_set *set = NULL;
	struct ismc_ydoc doc;
	struct mloader m;

	memset(&m, 0, sizeof m);
	m.comp = comp;
	stream.ctx = &m;
	/* Row errors do not stop the header from being checked too. */
	ismc_ydoc_parse(&doc, &comp->sources, &comp->diag, file, &stream);
	if (doc.well_formed)
		set = build(&m, &doc);
	ismc_ydoc_free(&doc);
	free(m.rows);
	free(m.slots);
	return set;
}

struct ismc_mapping_set *
ismc_mapping_load(struct ismc_compilation *comp, const char *path)
{
	uint32_t file;

	if ((file = ismc_sources_load(&comp->sources, path)) == ISMC_NO_FILE) {
		ismc_diag_error(&comp->diag, ISMC_NO_SPAN,
		    "cannot read '%s': %s", path, strerror(errno));
		return NULL;
	}
	return ismc_mapping_load_file(comp, file);
}
