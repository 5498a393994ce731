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

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
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
	"strength", "rationale", "residual", NULL };

struct mloader {
	struct ismc_compilation	*comp;
	struct ismc_mapping_row	*rows;		/* heap until the end */
	const char		**keys;		/* each row's source key: its
						 * source, or its covering set
						 * interned in sorted order */
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

size_t
ismc_mapping_row_sources(const struct ismc_mapping_row *r,
    const char *const **v)
{
	if (r->cover != NULL) {
		*v = r->cover->members;
		return r->cover->nmembers;
	}
	*v = &r->source;
	return r->source != NULL;
}

bool
ismc_mapping_row_is_set(const struct ismc_mapping_row *r)
{
	return r->cover != NULL && r->cover->nmembers > 1;
}

const char *
ismc_mapping_row_residual(const struct ismc_mapping_row *r)
{
	return r->cover != NULL ? r->cover->residual : NULL;
}

const char *
ismc_mapping_row_source_text(struct ismc_arena *a,
    const struct ismc_mapping_row *r)
{
	const char *const *v;
	struct ismc_buf b;
	const char *s;
	size_t i, n = ismc_mapping_row_sources(r, &v);

	if (n == 0)
		return "(none)";
	if (n == 1)
		return v[0];
	ismc_buf_init(&b);
	for (i = 0; i < n; i++)
		ismc_buf_printf(&b, "%s%s", i ? " + " : "", v[i]);
	s = ismc_arena_strdup(a, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
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

/* The slot of the row for (source key, target): empty, or that row. */
static size_t
find_slot(const struct mloader *m, const char *key, const char *tgt)
{
	size_t i = pair_hash(key, tgt) & (m->nslots - 1);
	size_t k;

	while (m->slots[i] != 0) {
		k = m->slots[i] - 1;
		if (m->keys[k] == key && m->rows[k].target == tgt)
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
		m->slots[find_slot(m, m->keys[i], m->rows[i].target)] = i + 1;
}

static bool
same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static bool
same_row(const struct ismc_mapping_row *a, const struct ismc_mapping_row *b)
{
	return a->rel == b->rel && a->strength == b->strength &&
	    same_text(a->rationale, b->rationale) &&
	    same_text(ismc_mapping_row_residual(a),
	    ismc_mapping_row_residual(b));
}

static const char *
side(const char *id, char *buf, size_t size)
{
	if (id == NULL)
		return "(none)";
	return ismc_yaml_printable(id, strlen(id), buf, size);
}

/* Adds a checked row unless it repeats an earlier one: same target, and
 * same source or the same set of members in any order. */
static void
add_row(struct mloader *m, struct ismc_ydoc *doc,
    const struct ismc_mapping_row *row, const char *key)
{
	const struct ismc_mapping_row *first;
	char sb[80], tb[80];
	unsigned line, col;
	size_t slot;

	if (m->nrows * 2 >= m->nslots)
		grow_slots(m);
	slot = find_slot(m, key, row->target);
	if (m->slots[slot] != 0) {
		first = &m->rows[m->slots[slot] - 1];
		if (ismc_mapping_row_is_set(row)) {
			const char *txt = ismc_mapping_row_source_text(
			    &m->comp->arena, row);

			ismc_yaml_printable(txt, strlen(txt), sb, sizeof sb);
		} else
			side(row->source, sb, sizeof sb);
		side(row->target, tb, sizeof tb);
		if (same_row(first, row)) {
			ismc_sources_linecol(&m->comp->sources,
			    first->span.file, first->span.start, &line, &col);
			ismc_ydoc_warning(doc, ISMC_W_DUPLICATE_ROW, row->span,
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
		m->keys = ismc_xreallocarray(m->keys, m->cap, sizeof *m->keys);
	}
	m->rows[m->nrows] = *row;
	m->keys[m->nrows] = key;
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

static int
cmp_id(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The members in sorted order, interned as one string: equal for the
 * same set written in any order. The member itself for a set of one. */
static const char *
set_key(struct ismc_strtab *t, const char *const *members, size_t n)
{
	const char **sorted, *key;
	struct ismc_buf b;
	size_t i;

	if (n == 1)
		return members[0];
	sorted = ismc_xcalloc(n, sizeof *sorted);
	memcpy(sorted, members, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_id);
	ismc_buf_init(&b);
	for (i = 0; i < n; i++)
		ismc_buf_printf(&b, "%s%s", i ? " + " : "", sorted[i]);
	key = ismc_strtab_cstr(t, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	free(sorted);
	return key;
}

const char *
ismc_mapping_row_key(struct ismc_strtab *t, const struct ismc_mapping_row *r)
{
	const char *const *v;
	size_t n = ismc_mapping_row_sources(r, &v);

	return n == 0 ? NULL : set_key(t, v, n);
}

/*
 * `source: [A.5.24, A.5.25, ...]`: a covering set. Its members are
 * distinct ids; one member is the same as a plain source. The dedup key is
 * the set interned in sorted order, so the same set in another order is
 * the same row.
 */
static bool
row_set(struct mloader *m, struct ismc_ydoc *doc, const struct ismc_ynode *v,
    struct ismc_mapping_row *row, struct ismc_mapping_cover *cov,
    const char **key)
{
	struct ismc_arena *a = &m->comp->arena;
	const struct ismc_ynode *it;
	size_t i, j, n = 0;
	bool ok = true;

	if (v->len == 0) {
		ismc_ydoc_report(doc, ISMC_ERROR, v->span, "a covering set "
		    "needs at least one member");
		return false;
	}
	cov->members = ISMC_NEW_ARRAY(a, const char *, v->len);
	cov->spans = ISMC_NEW_ARRAY(a, struct ismc_span, v->len);
	for (i = 0; i < v->len; i++) {
		it = ismc_ynode_item(v, i);
		if (ismc_ynode_is_null(it) ||
		    ismc_ydoc_expect_string(doc, it, "a member of 'source'") ==
		    NULL) {
			if (ismc_ynode_is_null(it))
				ismc_ydoc_report(doc, ISMC_ERROR, it->span,
				    "a member of a covering set cannot be "
				    "null");
			ok = false;
			continue;
		}
		cov->members[n] = ismc_strtab_intern(&m->comp->strtab,
		    it->u.str, it->len);
		for (j = 0; j < n && cov->members[j] != cov->members[n]; j++)
			continue;
		if (j < n) {
			char buf[80];

			ismc_ydoc_report(doc, ISMC_ERROR, it->span, "'%s' is "
			    "listed twice in the covering set",
			    side(cov->members[n], buf, sizeof buf));
			ok = false;
			continue;
		}
		cov->spans[n++] = it->span;
	}
	if (!ok)
		return false;
	cov->nmembers = n;
	row->source = cov->members[0];
	*key = set_key(&m->comp->strtab, cov->members, n);
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

/* A set and a residual both say "contains the target": only equal and
 * superset do. */
static bool
row_cover_agrees(struct ismc_ydoc *doc, const struct ismc_mapping_row *r,
    const struct ismc_mapping_cover *cov, const struct ismc_ynode *src,
    const struct ismc_ynode *res)
{
	bool covers = r->rel == ISMC_REL_EQUAL || r->rel == ISMC_REL_SUPERSET;
	bool ok = true;

	if (cov->nmembers > 1 && r->rel == ISMC_REL_NO_COUNTERPART) {
		ismc_ydoc_report(doc, ISMC_ERROR, src->span, "a "
		    "'no-counterpart' row names one requirement, not a "
		    "covering set");
		ok = false;
	} else if (cov->nmembers > 1 && !covers) {
		ismc_ydoc_report(doc, ISMC_ERROR, src->span, "a covering set "
		    "must be 'equal' or 'superset' to its target (the union of "
		    "its members equals or contains it), not '%s'",
		    ismc_rel_name(r->rel));
		ok = false;
	}
	if (cov->residual != NULL && !covers) {
		ismc_ydoc_report(doc, ISMC_ERROR, res->span, "'residual' is "
		    "the part of the target that an 'equal' or 'superset' row "
		    "leaves out; a '%s' row cannot have one",
		    ismc_rel_name(r->rel));
		ok = false;
	}
	return ok;
}

static bool
blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r')
			return false;
	return true;
}

static bool
on_row(void *ctx, struct ismc_ydoc *doc, const struct ismc_ynode *n,
    size_t index)
{
	struct mloader *m = ctx;
	struct ismc_mapping_row row;
	struct ismc_mapping_cover cov;
	const struct ismc_ynode *src, *tgt, *rel, *res, *v;
	const char *key = NULL;
	unsigned before = doc->errors;
	long strength;
	bool ok;

	(void)index;
	if (ismc_ydoc_expect(doc, n, ISMC_YNODE_MAPPING,
	    "an item of 'rows'") == NULL)
		return true;
	memset(&row, 0, sizeof row);
	memset(&cov, 0, sizeof cov);
	row.span = n->span;
	ismc_ydoc_check_keys(doc, n, row_keys, "in a row");
	src = ismc_ydoc_require(doc, n, "source", "in a row");
	rel = ismc_ydoc_require(doc, n, "rel", "in a row");
	tgt = ismc_ydoc_require(doc, n, "target", "in a row");
	if (src == NULL || rel == NULL || tgt == NULL)
		return true;
	/* Check every field, so one row reports all its mistakes. */
	ok = row_rel(doc, rel, &row.rel);
	if (src->kind == ISMC_YNODE_SEQUENCE)
		ok = row_set(m, doc, src, &row, &cov, &key) && ok;
	else if ((ok = row_side(m, doc, src, "'source'", &row.source) && ok))
		key = row.source;
	ok = row_side(m, doc, tgt, "'target'", &row.target) && ok;
	if ((res = ismc_ynode_get(n, "residual")) != NULL &&
	    ismc_ydoc_expect_string(doc, res, "'residual'") != NULL) {
		if (blank(res->u.str, res->len))
			ismc_ydoc_report(doc, ISMC_ERROR, res->span,
			    "'residual' is blank; say what the members leave "
			    "out, or leave 'residual' away");
		else
			cov.residual = ismc_arena_strndup(&m->comp->arena,
			    res->u.str, res->len);
	}
	if (ok)
		row_sides_agree(doc, &row, src, tgt);
	if (ok && (cov.nmembers > 0 || cov.residual != NULL))
		row_cover_agrees(doc, &row, &cov, src, res);
	if ((v = ismc_ynode_get(n, "strength")) != NULL &&
	    ismc_ydoc_expect_int(doc, v, "'strength'", 1, 10, &strength))
		row.strength = (unsigned)strength;
	if ((v = ismc_ynode_get(n, "rationale")) != NULL &&
	    ismc_ydoc_expect_string(doc, v, "'rationale'") != NULL)
		row.rationale = ismc_arena_strndup(&m->comp->arena, v->u.str,
		    v->len);
	if (doc->errors != before)
		return true;
	/* A set of one is a plain row; a residual keeps the cover. */
	if (cov.nmembers > 1 || cov.residual != NULL) {
		if (cov.nmembers == 0) {
			cov.members = ISMC_NEW_ARRAY(&m->comp->arena,
			    const char *, 1);
			cov.spans = ISMC_NEW_ARRAY(&m->comp->arena,
			    struct ismc_span, 1);
			cov.members[0] = row.source;
			cov.spans[0] = src->span;
			cov.nmembers = 1;
		}
		row.cover = ISMC_NEW(&m->comp->arena,
		    struct ismc_mapping_cover);
		*(struct ismc_mapping_cover *)row.cover = cov;
	}
	add_row(m, doc, &row, key);
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
	if (set->id != NULL)
		set->span = ismc_ynode_get(hdr, "id")->span;
	set->source = header_name(m, doc, hdr, "source", "source catalog id");
	set->target = header_name(m, doc, hdr, "target", "target catalog id");
	/* As for a `map` row: a crosswalk relates two frameworks. */
	if (set->source != NULL && set->source == set->target)
		ismc_ydoc_report(doc, ISMC_ERROR, ismc_ynode_get(hdr,
		    "target")->span, "a mapping set relates two catalogs; "
		    "this one maps %s onto itself", set->source);
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
	free(m.keys);
	free(m.slots);
	return set;
}
