/*
 * import-json.c - JSON through jansson into a YAML node tree (see
 * import-json.h).
 *
 * jansson parses the whole file into its own tree, which is copied into
 * ismc_ynode arrays and freed at once. Each node gets an ordinal in its
 * span (start = end = ordinal) and a row in a table of parents, so the
 * document's locate hook (yamlnode.h) can turn any node a helper reports
 * on into its JSON path. Nothing outside this file sees those spans:
 * ismc_json_span gives the whole-file span to anything that is kept.
 * A message finds its line and column only when it is printed (locate).
 */
#include <config.h>

#include "import-json.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "buf.h"
#include "xalloc.h"

#define NO_PARENT	UINT32_MAX

/* Where a node sits: its container's ordinal, and the item or pair. */
struct jslot {
	uint32_t		 parent;
	uint32_t		 index;
	bool			 is_key;
};

struct jtree {
	struct ismc_arena	 arena;		/* the nodes and strings */
	struct jslot		*slots;		/* by ordinal */
	const struct ismc_ynode	**nodes;	/* by ordinal */
	size_t			 n;
	size_t			 cap;
	uint32_t		 file;
	bool			 too_deep;
	/* The same text read as YAML, for positions (see locate). */
	const struct ismc_sources *sources;
	struct ismc_ydoc	 pos;
	bool			 pos_tried;
	bool			 pos_ok;
};

static uint32_t
new_ordinal(struct jtree *t, uint32_t parent, uint32_t index, bool is_key)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 1024;
		if (t->cap >= NO_PARENT)
			ismc_out_of_memory();
		t->slots = ismc_xreallocarray(t->slots, t->cap,
		    sizeof *t->slots);
		t->nodes = ismc_xreallocarray(t->nodes, t->cap,
		    sizeof *t->nodes);
	}
	t->slots[t->n].parent = parent;
	t->slots[t->n].index = index;
	t->slots[t->n].is_key = is_key;
	t->nodes[t->n] = NULL;
	return (uint32_t)t->n++;
}

static void
set_scalar(struct jtree *t, struct ismc_ynode *y, const char *s, size_t len,
    bool plain)
{
	y->kind = ISMC_YNODE_SCALAR;
	y->plain = plain;
	y->len = (uint32_t)len;
	y->u.str = ismc_arena_strndup(&t->arena, s, len);
}

/* A number as JSON spells it, shortest first so 0.95 stays "0.95". */
static void
set_real(struct jtree *t, struct ismc_ynode *y, double v)
{
	char buf[40];

	snprintf(buf, sizeof buf, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, sizeof buf, "%.17g", v);
	set_scalar(t, y, buf, strlen(buf), true);
}

static void convert(struct jtree *, json_t *, struct ismc_ynode *,
	    uint32_t ord, unsigned depth);

static void
convert_array(struct jtree *t, json_t *v, struct ismc_ynode *y, uint32_t ord,
    unsigned depth)
{
	size_t i, n = json_array_size(v);

	y->kind = ISMC_YNODE_SEQUENCE;
	y->len = (uint32_t)n;
	y->u.items = ISMC_NEW_ARRAY(&t->arena, struct ismc_ynode, n);
	for (i = 0; i < n; i++)
		convert(t, json_array_get(v, i), &y->u.items[i],
		    new_ordinal(t, ord, (uint32_t)i, false), depth + 1);
}

static void
convert_object(struct jtree *t, json_t *v, struct ismc_ynode *y, uint32_t ord,
    unsigned depth)
{
	struct ismc_ynode *k;
	const char *key;
	uint32_t i = 0, ko;
	void *it;

	y->kind = ISMC_YNODE_MAPPING;
	y->len = (uint32_t)json_object_size(v);
	y->u.items = ISMC_NEW_ARRAY(&t->arena, struct ismc_ynode,
	    2 * (size_t)y->len);
	/* jansson keeps the insertion order, which is the file's. */
	for (it = json_object_iter(v); it != NULL;
	    it = json_object_iter_next(v, it), i++) {
		key = json_object_iter_key(it);
		k = &y->u.items[2 * i];
		ko = new_ordinal(t, ord, i, true);
		set_scalar(t, k, key, json_object_iter_key_len(it), false);
		k->span.file = t->file;
		k->span.start = k->span.end = ko;
		t->nodes[ko] = k;
		convert(t, json_object_iter_value(it), &y->u.items[2 * i + 1],
		    new_ordinal(t, ord, i, false), depth + 1);
	}
}

static void
convert(struct jtree *t, json_t *v, struct ismc_ynode *y, uint32_t ord,
    unsigned depth)
{
	char buf[32];

	memset(y, 0, sizeof *y);
	y->span.file = t->file;
	y->span.start = y->span.end = ord;
	t->nodes[ord] = y;
	if (depth > ISMC_YAML_MAX_DEPTH && (json_is_array(v) ||
	    json_is_object(v))) {
		t->too_deep = true;
		set_scalar(t, y, "", 0, true);
		return;
	}
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		convert_object(t, v, y, ord, depth);
		break;
	case JSON_ARRAY:
		convert_array(t, v, y, ord, depth);
		break;
	case JSON_STRING:
		set_scalar(t, y, json_string_value(v), json_string_length(v),
		    false);
		break;
	case JSON_INTEGER:
		snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		set_scalar(t, y, buf, strlen(buf), true);
		break;
	case JSON_REAL:
		set_real(t, y, json_real_value(v));
		break;
	case JSON_TRUE:
		set_scalar(t, y, "true", 4, true);
		break;
	case JSON_FALSE:
		set_scalar(t, y, "false", 5, true);
		break;
	case JSON_NULL:
		set_scalar(t, y, "", 0, true);
		break;
	}
}

/* ---- locations --------------------------------------------------------- */

/* Appends the path of node `ord` ("$.catalog.groups[2]") to b. */
static void
path_of(const struct jtree *t, uint32_t ord, struct ismc_buf *b)
{
	const struct jslot *s = &t->slots[ord];
	const struct ismc_ynode *parent, *key;
	char shown[80];

	if (s->parent == NO_PARENT) {
		ismc_buf_addc(b, '$');
		return;
	}
	path_of(t, s->parent, b);
	parent = t->nodes[s->parent];
	if (parent->kind == ISMC_YNODE_SEQUENCE) {
		ismc_buf_printf(b, "[%" PRIu32 "]", s->index);
		return;
	}
	key = ismc_ynode_key(parent, s->index);
	ismc_buf_printf(b, ".%s", ismc_yaml_printable(key->u.str, key->len,
	    shown, sizeof shown));
}

/*
 * The node of the YAML reading that stands where JSON node `ord` does,
 * or NULL when the two trees part (they cannot, for JSON libyaml reads
 * at all, but nothing is taken on trust).
 */
static const struct ismc_ynode *
twin(const struct jtree *t, uint32_t ord)
{
	const struct jslot *s = &t->slots[ord];
	const struct ismc_ynode *up, *y;

	if (s->parent == NO_PARENT)
		y = t->pos.root;
	else if ((up = twin(t, s->parent)) == NULL ||
	    up->kind != t->nodes[s->parent]->kind || s->index >= up->len)
		return NULL;
	else if (up->kind == ISMC_YNODE_SEQUENCE)
		y = ismc_ynode_item(up, s->index);
	else
		y = s->is_key ? ismc_ynode_key(up, s->index) :
		    ismc_ynode_value(up, s->index);
	return y != NULL && y->kind == t->nodes[ord]->kind ? y : NULL;
}

/*
 * A message about a node: jansson keeps no positions, so the first time
 * there is something to report the text is read again with the YAML
 * reader (JSON is YAML's flow syntax), silently, and the node's twin
 * there gives the line and column. Where that reading fails (JSON that
 * YAML 1.1 does not take, such as a key of over 1,024 characters), the
 * message names the node's JSON path instead.
 */
static struct ismc_span
locate(const struct ismc_ydoc *doc, struct ismc_span span, char *prefix,
    size_t size)
{
	struct jtree *t = doc->locate_ctx;
	const struct ismc_ynode *y;
	struct ismc_buf b;

	if (span.file != t->file || span.start >= t->n ||
	    span.start == ISMC_WHOLE_FILE)
		return span;
	if (!t->pos_tried) {
		t->pos_tried = true;
		t->pos_ok = ismc_ydoc_parse(&t->pos, t->sources, NULL,
		    t->file, NULL);
	}
	if (t->pos_ok && (y = twin(t, span.start)) != NULL)
		return y->span;
	ismc_buf_init(&b);
	path_of(t, span.start, &b);
	if (t->slots[span.start].is_key)
		ismc_buf_adds(&b, " (the key)");
	snprintf(prefix, size, "%s: ", ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return ISMC_FILE_SPAN(t->file);
}

struct ismc_span
ismc_json_span(const struct ismc_ydoc *doc, const struct ismc_ynode *n)
{
	if (doc->locate == locate)
		return ISMC_FILE_SPAN(doc->file);
	return n->span;
}

/* ---- parsing ----------------------------------------------------------- */

/* jansson's syntax errors carry a byte position: point at it. */
static void
report_syntax(struct ismc_ydoc *doc, const json_error_t *err, size_t skip,
    size_t len)
{
	struct ismc_span at = { doc->file, 0, 0 };
	size_t pos = err->position > 0 ? (size_t)err->position : 0;

	/* The position is just past the offending character. */
	if (pos > 0)
		pos--;
	pos += skip;
	if (pos > len)
		pos = len;
	at.start = at.end = (uint32_t)pos;
	ismc_ydoc_report(doc, ISMC_ERROR, at, "invalid JSON: %s", err->text);
}

bool
ismc_json_parse(struct ismc_ydoc *doc, const struct ismc_sources *sources,
    struct ismc_diag *diag, uint32_t file)
{
	const struct ismc_source *src = ismc_sources_get(sources, file);
	struct ismc_ynode *root;
	struct jtree *t;
	json_error_t err;
	size_t skip = 0;
	json_t *v;

	memset(doc, 0, sizeof *doc);
	doc->sources = sources;
	doc->diag = diag;
	doc->file = file;
	if (src == NULL)
		return false;
	if (src->len >= 3 && memcmp(src->text, "\xef\xbb\xbf", 3) == 0)
		skip = 3;	/* RFC 8259 allows a parser to skip a BOM */
	v = json_loadb(src->text + skip, src->len - skip,
	    JSON_REJECT_DUPLICATES, &err);
	if (v == NULL) {
		report_syntax(doc, &err, skip, src->len);
		return false;
	}
	t = ismc_xcalloc(1, sizeof *t);
	ismc_arena_init(&t->arena);
	t->file = file;
	t->sources = sources;
	doc->locate = locate;
	doc->locate_ctx = t;
	root = ISMC_NEW(&t->arena, struct ismc_ynode);
	convert(t, v, root, new_ordinal(t, NO_PARENT, 0, false), 1);
	json_decref(v);
	doc->root = root;
	if (t->too_deep) {
		ismc_ydoc_report(doc, ISMC_ERROR, ISMC_FILE_SPAN(file),
		    "invalid JSON: nested deeper than %d levels",
		    ISMC_YAML_MAX_DEPTH);
		return false;
	}
	doc->well_formed = true;
	return doc->errors == 0;
}

void
ismc_json_free(struct ismc_ydoc *doc)
{
	struct jtree *t = doc->locate_ctx;

	if (doc->locate == locate && t != NULL) {
		ismc_ydoc_free(&t->pos);
		ismc_arena_destroy(&t->arena);
		free(t->slots);
		free(t->nodes);
		free(t);
	}
	doc->locate = NULL;
	doc->locate_ctx = NULL;
	doc->root = NULL;
}
