/*
 * yamlnode.c - builds a YAML node tree from libyaml events.
 *
 * The builder keeps a stack of open collections; the children of each sit
 * in one shared scratch vector until the collection ends, when they are
 * copied into the pool as one contiguous array. So every node costs one
 * slot in a bump-allocated array (no per-node malloc) and a mapping's
 * pairs are adjacent, which keeps key lookup and the duplicate-key check
 * cache-friendly. libyaml marks count characters, not bytes; a cursor that
 * walks the UTF-8 text converts them, in linear total time because marks
 * arrive almost in order.
 */
#include <config.h>

#include "yamlnode.h"

#include <errno.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "buf.h"
#include "strtab.h"
#include "suggest.h"
#include "utf8.h"
#include "xalloc.h"

#define POOL_CHUNK	(64 * 1024)
#define POOL_ALIGN	alignof(max_align_t)
#define SMALL_MAP	8	/* up to this many pairs, compare pairwise */

/*
 * A bump allocator that can rewind to a mark: the stream callback's item
 * is built after a mark and dropped by rewinding, and the chunks are kept
 * for the next item. (The compilation arena cannot rewind.)
 */
struct pool_chunk {
	struct pool_chunk	*next;
	size_t			 size;
	size_t			 used;
	alignas(max_align_t) unsigned char data[];
};

struct ismc_ypool {
	struct pool_chunk	*first;
	struct pool_chunk	*cur;	/* where allocation goes on */
	struct pool_chunk	*last;
};

struct pool_mark {
	struct pool_chunk	*chunk;	/* NULL: the pool was empty */
	size_t			 used;
};

struct frame {
	struct ismc_ynode	 node;		/* kind and start so far */
	size_t			 base;		/* first child in pend[] */
	size_t			 nitems;	/* streamed: items seen */
	bool			 streamed;
};

struct builder {
	struct ismc_ydoc		*doc;
	const struct ismc_ystream	*stream;
	const unsigned char		*text;
	size_t				 len;
	size_t				 bom;	/* bytes of a UTF-8 BOM */
	size_t				 ch;	/* cursor: character index */
	size_t				 byte;	/* ... and its byte offset */
	struct frame			 frames[ISMC_YAML_MAX_DEPTH];
	size_t				 depth;
	struct ismc_ynode		*pend;	/* children of open nodes */
	size_t				 npend;
	size_t				 pcap;
	struct pool_mark		 item_mark;
	unsigned			 ndocs;
	unsigned			 errors;	/* the reader's own */
	bool				 stop;
	/* ismc_ydoc_parse_keys: only these top-level keys are built; the
	 * values of others are skipped event by event. */
	const char *const		*want;
	size_t				 nwant;
	size_t				 nfound;	/* wanted values complete */
	bool				 skip_next;	/* the next value is skipped */
	size_t				 skip;		/* open collections skipped */
	bool				 done;		/* every wanted key seen */
};

/* ---- pool ------------------------------------------------------------ */

static void *
pool_alloc(struct ismc_ypool *p, size_t n)
{
	struct pool_chunk *c;
	size_t need, size;

	if (n > SIZE_MAX - POOL_ALIGN - sizeof *c)
		ismc_out_of_memory();
	need = (n + POOL_ALIGN - 1) & ~(POOL_ALIGN - 1);
	for (c = p->cur; c != NULL; c = c->next) {
		if (c->size - c->used >= need)
			break;
	}
	if (c == NULL) {
		size = need > POOL_CHUNK ? need : POOL_CHUNK;
		c = ismc_xmalloc(sizeof *c + size);
		c->next = NULL;
		c->size = size;
		c->used = 0;
		if (p->last != NULL)
			p->last->next = c;
		else
			p->first = c;
		p->last = c;
	}
	p->cur = c;
	c->used += need;
	return c->data + c->used - need;
}

static struct pool_mark
pool_mark(const struct ismc_ypool *p)
{
	struct pool_mark m;

	m.chunk = p->cur;
	m.used = p->cur != NULL ? p->cur->used : 0;
	return m;
}

/* Frees everything allocated since `m`, keeping the chunks. */
static void
pool_rewind(struct ismc_ypool *p, struct pool_mark m)
{
	struct pool_chunk *c;

	c = m.chunk != NULL ? m.chunk->next : p->first;
	for (; c != NULL; c = c->next)
		c->used = 0;
	if (m.chunk != NULL) {
		m.chunk->used = m.used;
		p->cur = m.chunk;
	} else {
		p->cur = p->first;
	}
}

static void
pool_free(struct ismc_ypool *p)
{
	struct pool_chunk *c, *next;

	if (p == NULL)
		return;
	for (c = p->first; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(p);
}

/* ---- reporting ------------------------------------------------------- */

static void __attribute__((format(printf, 5, 0)))
yreport(struct ismc_ydoc *doc, enum ismc_severity sev, enum ismc_warning w,
    struct ismc_span span, const char *fmt, va_list ap)
{
	char small[256], *msg = small, where[256] = "";
	va_list ap2;
	int n;

	if (sev >= ISMC_ERROR)
		doc->errors++;
	if (doc->diag == NULL)
		return;
	if (doc->locate != NULL)
		span = doc->locate(doc, span, where, sizeof where);
	/* diag.h has no va_list entry point, so format here first. */
	va_copy(ap2, ap);
	n = vsnprintf(small, sizeof small, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		msg = small;
		strcpy(small, "(unprintable message)");
	} else if ((size_t)n >= sizeof small) {
		msg = ismc_xmalloc((size_t)n + 1);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
	}
	if (sev == ISMC_WARNING)
		ismc_diag_warning(doc->diag, w, span, "%s%s", where, msg);
	else
		ismc_diag_report(doc->diag, sev, span, "%s%s", where, msg);
	if (msg != small)
		free(msg);
}

void
ismc_ydoc_vreport(struct ismc_ydoc *doc, enum ismc_severity sev,
    struct ismc_span span, const char *fmt, va_list ap)
{
	yreport(doc, sev, ISMC_W_NONE, span, fmt, ap);
}

void
ismc_ydoc_warning(struct ismc_ydoc *doc, enum ismc_warning w,
    struct ismc_span span, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	yreport(doc, ISMC_WARNING, w, span, fmt, ap);
	va_end(ap);
}

void
ismc_ydoc_report(struct ismc_ydoc *doc, enum ismc_severity sev,
    struct ismc_span span, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ismc_ydoc_vreport(doc, sev, span, fmt, ap);
	va_end(ap);
}

static void
berror(struct builder *b, struct ismc_span span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
berror(struct builder *b, struct ismc_span span, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ismc_ydoc_vreport(b->doc, ISMC_ERROR, span, fmt, ap);
	va_end(ap);
	b->errors++;
	if (b->doc->diag != NULL && ismc_diag_stopped(b->doc->diag))
		b->stop = true;
}

const char *
ismc_yaml_printable(const char *s, size_t len, char *buf, size_t size)
{
	size_t i, o = 0, limit = size - 4;

	for (i = 0; i < len && o < limit; i++) {
		unsigned char c = (unsigned char)s[i];

		buf[o++] = c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	if (i < len) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
	return buf;
}

/* ---- positions ------------------------------------------------------- */

static size_t
utf8_width(unsigned char c)
{
	if (c < 0xc0)
		return 1;
	if (c < 0xe0)
		return 2;
	if (c < 0xf0)
		return 3;
	return 4;
}

/* The byte offset of libyaml character index `ch`. */
static uint32_t
byte_at(struct builder *b, size_t ch)
{
	while (b->ch < ch && b->byte < b->len) {
		size_t w = utf8_width(b->text[b->byte]);

		b->byte = w > b->len - b->byte ? b->len : b->byte + w;
		b->ch++;
	}
	while (b->ch > ch && b->byte > b->bom) {
		do
			b->byte--;
		while (b->byte > b->bom && (b->text[b->byte] & 0xc0) == 0x80);
		b->ch--;
	}
	return (uint32_t)b->byte;
}

static struct ismc_span
span_of(struct builder *b, const yaml_mark_t *start, const yaml_mark_t *end)
{
	struct ismc_span s;

	s.file = b->doc->file;
	s.start = byte_at(b, start->index);
	s.end = end != NULL ? byte_at(b, end->index) : s.start;
	if (s.end < s.start)
		s.end = s.start;
	return s;
}

/* ---- building -------------------------------------------------------- */

static void
push_pending(struct builder *b, const struct ismc_ynode *n)
{
	if (b->npend == b->pcap) {
		b->pcap = b->pcap ? b->pcap * 2 : 64;
		b->pend = ismc_xreallocarray(b->pend, b->pcap, sizeof *b->pend);
	}
	b->pend[b->npend++] = *n;
}

static struct frame *
top(struct builder *b)
{
	return b->depth > 0 ? &b->frames[b->depth - 1] : NULL;
}

/* Called before a new child allocates anything: a streamed item starts. */
static void
begin_child(struct builder *b)
{
	struct frame *f = top(b);

	if (f != NULL && f->streamed)
		b->item_mark = pool_mark(b->doc->pool);
}

static void
add_child(struct builder *b, const struct ismc_ynode *n)
{
	struct frame *f = top(b);

	if (f == NULL) {
		b->doc->root = pool_alloc(b->doc->pool, sizeof *n);
		*b->doc->root = *n;
		return;
	}
	if (f->node.kind == ISMC_YNODE_MAPPING &&
	    (b->npend - f->base) % 2 == 0 && n->kind != ISMC_YNODE_SCALAR)
		berror(b, n->span, "mapping keys must be scalars");
	if (f->streamed) {
		if (!b->stream->item(b->stream->ctx, b->doc, n, f->nitems++))
			b->stop = true;
		if (b->doc->diag != NULL && ismc_diag_stopped(b->doc->diag))
			b->stop = true;
		pool_rewind(b->doc->pool, b->item_mark);
		return;
	}
	push_pending(b, n);
	/* Only wanted keys reach the root: each pair completed there is
	 * one more of them found. */
	if (b->want != NULL && b->depth == 1 &&
	    (b->npend - f->base) % 2 == 0 && ++b->nfound == b->nwant)
		b->done = true;
}

static void
check_properties(struct builder *b, struct ismc_span span,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	if (anchor != NULL)
		berror(b, span, "YAML anchors are not supported");
	if (tag != NULL)
		berror(b, span, "YAML tags are not supported");
}

/*
 * Most scalars are spelled in the file exactly as their value (plain, or
 * quoted without escapes), so point into the source text instead of
 * copying; only escaped or folded values are copied into the pool.
 */
static const char *
scalar_text(struct builder *b, const yaml_event_t *ev, struct ismc_span span)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length, s = span.start, e = span.end;
	char *copy;

	if (len == 0)
		return "";
	switch (ev->data.scalar.style) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		if (e - s < 2)
			break;
		s++;
		e--;
		/* FALLTHROUGH */
	case YAML_PLAIN_SCALAR_STYLE:
		if (e - s == len && memcmp(b->text + s, v, len) == 0)
			return (const char *)b->text + s;
		break;
	default:
		break;
	}
	copy = pool_alloc(b->doc->pool, len);
	memcpy(copy, v, len);
	return copy;
}

static void
on_scalar(struct builder *b, const yaml_event_t *ev)
{
	struct ismc_ynode n;

	begin_child(b);
	memset(&n, 0, sizeof n);
	n.kind = ISMC_YNODE_SCALAR;
	n.span = span_of(b, &ev->start_mark, &ev->end_mark);
	check_properties(b, n.span, ev->data.scalar.anchor,
	    ev->data.scalar.tag);
	if (ev->data.scalar.length > ISMC_YAML_MAX_SCALAR)
		berror(b, n.span, "YAML scalar is too long (limit 1 MiB)");
	n.plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	n.len = (uint32_t)ev->data.scalar.length;
	n.u.str = scalar_text(b, ev, n.span);
	add_child(b, &n);
}

static void
on_alias(struct builder *b, const yaml_event_t *ev)
{
	struct ismc_ynode n;

	begin_child(b);
	memset(&n, 0, sizeof n);
	n.kind = ISMC_YNODE_SCALAR;
	n.plain = true;		/* a null placeholder keeps pairs aligned */
	n.u.str = "";
	n.span = span_of(b, &ev->start_mark, &ev->end_mark);
	berror(b, n.span, "YAML aliases are not supported");
	add_child(b, &n);
}

/* Whether the sequence about to open is the value of the streamed key. */
static bool
is_streamed(const struct builder *b)
{
	const struct frame *root;
	size_t n;

	if (b->stream == NULL || b->depth != 1)
		return false;
	root = &b->frames[0];
	n = b->npend - root->base;
	return root->node.kind == ISMC_YNODE_MAPPING && n % 2 == 1 &&
	    ismc_ynode_equals(&b->pend[b->npend - 1], b->stream->key);
}

static void
on_open(struct builder *b, const yaml_event_t *ev, enum ismc_ynode_kind kind)
{
	const yaml_char_t *anchor, *tag;
	struct frame *f;
	struct ismc_span span;

	begin_child(b);
	span = span_of(b, &ev->start_mark, &ev->end_mark);
	if (kind == ISMC_YNODE_MAPPING) {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	} else {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	}
	check_properties(b, span, anchor, tag);
	if (b->depth == ISMC_YAML_MAX_DEPTH) {
		berror(b, span, "YAML nesting deeper than %d levels",
		    ISMC_YAML_MAX_DEPTH);
		b->stop = true;
		return;
	}
	f = &b->frames[b->depth];
	memset(f, 0, sizeof *f);
	f->node.kind = kind;
	f->node.span = span;
	f->base = b->npend;
	f->streamed = kind == ISMC_YNODE_SEQUENCE && is_streamed(b);
	b->depth++;
}

static bool
same_key(const struct ismc_ynode *a, const struct ismc_ynode *b)
{
	return a->kind == ISMC_YNODE_SCALAR && b->kind == ISMC_YNODE_SCALAR &&
	    a->len == b->len && memcmp(a->u.str, b->u.str, a->len) == 0;
}

static void
report_duplicate(struct builder *b, const struct ismc_ynode *first,
    const struct ismc_ynode *again)
{
	char buf[80];

	ismc_yaml_printable(again->u.str, again->len, buf, sizeof buf);
	berror(b, again->span, "duplicate key '%s'", buf);
	ismc_ydoc_report(b->doc, ISMC_NOTE, first->span,
	    "previous definition of '%s' is here", buf);
}

/*
 * Reports keys given twice in the npairs pairs at kv. Small mappings (all
 * of a catalog's) compare pairwise; large ones hash, so a mapping with a
 * million keys stays linear.
 */
static void
check_duplicates(struct builder *b, const struct ismc_ynode *kv, size_t npairs)
{
	size_t i, j, cap, h, *slot;

	if (npairs <= SMALL_MAP) {
		for (i = 1; i < npairs; i++) {
			for (j = 0; j < i; j++) {
				if (same_key(&kv[2 * j], &kv[2 * i])) {
					report_duplicate(b, &kv[2 * j],
					    &kv[2 * i]);
					break;
				}
			}
		}
		return;
	}
	for (cap = 16; cap < npairs * 2; cap *= 2)
		continue;
	slot = ismc_xcalloc(cap, sizeof *slot);
	for (i = 0; i < npairs && !b->stop; i++) {
		const struct ismc_ynode *k = &kv[2 * i];

		if (k->kind != ISMC_YNODE_SCALAR)
			continue;
		h = ismc_hash_bytes(k->u.str, k->len) & (cap - 1);
		while (slot[h] != 0 && !same_key(&kv[2 * (slot[h] - 1)], k))
			h = (h + 1) & (cap - 1);
		if (slot[h] != 0)
			report_duplicate(b, &kv[2 * (slot[h] - 1)], k);
		else
			slot[h] = i + 1;
	}
	free(slot);
}

static void
on_close(struct builder *b, const yaml_event_t *ev)
{
	struct frame *f;
	struct ismc_ynode n;
	size_t count;

	if (b->depth == 0)
		return;		/* libyaml never does this; be safe anyway */
	f = &b->frames[--b->depth];
	n = f->node;
	n.span.end = byte_at(b, ev->end_mark.index);
	if (n.span.end < n.span.start)
		n.span.end = n.span.start;
	n.streamed = f->streamed;
	count = b->npend - f->base;
	if (n.kind == ISMC_YNODE_MAPPING && count > 0)
		check_duplicates(b, b->pend + f->base, count / 2);
	if ((f->streamed ? f->nitems : count) > UINT32_MAX) {
		berror(b, n.span, "YAML collection is too large");
		b->stop = true;
		return;
	}
	if (f->streamed)
		n.len = (uint32_t)f->nitems;
	else
		n.len = (uint32_t)(n.kind == ISMC_YNODE_MAPPING ? count / 2 :
		    count);
	if (count > 0) {
		n.u.items = pool_alloc(b->doc->pool, count * sizeof *n.u.items);
		memcpy(n.u.items, b->pend + f->base, count * sizeof *n.u.items);
	}
	b->npend = f->base;
	add_child(b, &n);
}

static bool
wanted(const struct builder *b, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t i;

	for (i = 0; i < b->nwant; i++) {
		if (strlen(b->want[i]) == ev->data.scalar.length &&
		    memcmp(b->want[i], v, ev->data.scalar.length) == 0)
			return true;
	}
	return false;
}

/*
 * ismc_ydoc_parse_keys: whether the event belongs to the value of a
 * top-level key nobody asked for, or is such a key; those are dropped.
 */
static bool
skipped(struct builder *b, const yaml_event_t *ev)
{
	const struct frame *root = &b->frames[0];
	bool open = ev->type == YAML_SEQUENCE_START_EVENT ||
	    ev->type == YAML_MAPPING_START_EVENT;
	bool close = ev->type == YAML_SEQUENCE_END_EVENT ||
	    ev->type == YAML_MAPPING_END_EVENT;

	if (b->skip > 0) {
		b->skip += open;
		b->skip -= close;
		return true;
	}
	if (b->skip_next && (open || ev->type == YAML_SCALAR_EVENT ||
	    ev->type == YAML_ALIAS_EVENT)) {
		b->skip_next = false;
		b->skip = open;
		return true;
	}
	if (b->depth == 1 && root->node.kind == ISMC_YNODE_MAPPING &&
	    (b->npend - root->base) % 2 == 0 && ev->type == YAML_SCALAR_EVENT &&
	    !wanted(b, ev)) {
		b->skip_next = true;
		return true;
	}
	return false;
}

static void
on_event(struct builder *b, const yaml_event_t *ev)
{
	if (b->want != NULL && skipped(b, ev))
		return;
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->ndocs > 1) {
			berror(b, span_of(b, &ev->start_mark, &ev->end_mark),
			    "more than one YAML document");
			b->stop = true;
		}
		break;
	case YAML_ALIAS_EVENT:
		on_alias(b, ev);
		break;
	case YAML_SCALAR_EVENT:
		on_scalar(b, ev);
		break;
	case YAML_SEQUENCE_START_EVENT:
		on_open(b, ev, ISMC_YNODE_SEQUENCE);
		break;
	case YAML_MAPPING_START_EVENT:
		on_open(b, ev, ISMC_YNODE_MAPPING);
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		on_close(b, ev);
		break;
	default:
		break;
	}
}

static void
report_parser_error(struct builder *b, const yaml_parser_t *p)
{
	struct ismc_span at, ctx;
	const char *problem = p->problem != NULL ? p->problem : "syntax error";

	at.file = ctx.file = b->doc->file;
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		ismc_out_of_memory();
	case YAML_READER_ERROR:
		/* Reader errors carry a byte offset, not a mark. */
		at.start = at.end = (uint32_t)(p->problem_offset < b->len ?
		    p->problem_offset : b->len);
		berror(b, at, "invalid YAML: %s", problem);
		return;
	default:
		at = span_of(b, &p->problem_mark, NULL);
		berror(b, at, "invalid YAML: %s", problem);
		if (p->context != NULL &&
		    p->context_mark.index != p->problem_mark.index) {
			ctx = span_of(b, &p->context_mark, NULL);
			ismc_ydoc_report(b->doc, ISMC_NOTE, ctx, "%s",
			    p->context);
		}
		return;
	}
}

/* Every wanted key was found: closes the open collections where the
 * reading stopped, so the tree is whole. */
static void
close_early(struct builder *b, const yaml_event_t *last)
{
	yaml_event_t ev = *last;

	ev.type = YAML_MAPPING_END_EVENT;
	while (b->depth > 0)
		on_close(b, &ev);
}

static bool
parse(struct ismc_ydoc *doc, const struct ismc_sources *sources,
    struct ismc_diag *diag, uint32_t file, const struct ismc_ystream *stream,
    const char *const *want)
{
	const struct ismc_source *src = ismc_sources_get(sources, file);
	struct builder *b;
	yaml_parser_t parser;
	yaml_event_t ev;
	bool ok = true, end;

	memset(doc, 0, sizeof *doc);
	doc->sources = sources;
	doc->diag = diag;
	doc->file = file;
	doc->pool = ismc_xcalloc(1, sizeof *doc->pool);
	if (src == NULL)
		return false;
	/* The frame stack is a few kilobytes: keep it off the C stack. */
	b = ismc_xcalloc(1, sizeof *b);
	b->doc = doc;
	b->stream = stream != NULL && stream->item != NULL ? stream : NULL;
	b->text = (const unsigned char *)src->text;
	b->len = src->len;
	if (b->len >= 3 && memcmp(b->text, "\xef\xbb\xbf", 3) == 0)
		b->bom = 3;	/* libyaml skips it without counting */
	b->byte = b->bom;
	if ((b->want = want) != NULL) {
		while (want[b->nwant] != NULL)
			b->nwant++;
	}
	if (!yaml_parser_initialize(&parser))
		ismc_out_of_memory();
	yaml_parser_set_input_string(&parser, b->text, b->len);
	for (end = false; !end && !b->stop;) {
		if (!yaml_parser_parse(&parser, &ev)) {
			report_parser_error(b, &parser);
			ok = false;
			break;
		}
		end = ev.type == YAML_STREAM_END_EVENT;
		on_event(b, &ev);
		if (b->done && !b->stop) {
			close_early(b, &ev);
			end = true;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (b->stop)
		ok = false;
	doc->well_formed = ok && b->errors == 0;
	free(b->pend);
	free(b);
	return ok && doc->errors == 0;
}

bool
ismc_ydoc_parse(struct ismc_ydoc *doc, const struct ismc_sources *sources,
    struct ismc_diag *diag, uint32_t file, const struct ismc_ystream *stream)
{
	return parse(doc, sources, diag, file, stream, NULL);
}

bool
ismc_ydoc_parse_keys(struct ismc_ydoc *doc, const struct ismc_sources *sources,
    uint32_t file, const char *const *keys)
{
	return parse(doc, sources, NULL, file, NULL, keys);
}

void
ismc_ydoc_free(struct ismc_ydoc *doc)
{
	pool_free(doc->pool);
	doc->pool = NULL;
	doc->root = NULL;
}

/* ---- queries --------------------------------------------------------- */

bool
ismc_ynode_is_null(const struct ismc_ynode *n)
{
	if (n == NULL || n->kind != ISMC_YNODE_SCALAR || !n->plain)
		return false;
	return n->len == 0 || ismc_ynode_equals(n, "~") ||
	    ismc_ynode_equals(n, "null") || ismc_ynode_equals(n, "Null") ||
	    ismc_ynode_equals(n, "NULL");
}

bool
ismc_ynode_equals(const struct ismc_ynode *n, const char *s)
{
	size_t len = strlen(s);

	return n != NULL && n->kind == ISMC_YNODE_SCALAR && n->len == len &&
	    memcmp(n->u.str, s, len) == 0;
}

const struct ismc_ynode *
ismc_ynode_get(const struct ismc_ynode *map, const char *key)
{
	size_t i;

	if (map == NULL || map->kind != ISMC_YNODE_MAPPING)
		return NULL;
	for (i = 0; i < map->len; i++) {
		if (ismc_ynode_equals(ismc_ynode_key(map, i), key))
			return ismc_ynode_value(map, i);
	}
	return NULL;
}

const char *
ismc_ynode_kind_name(enum ismc_ynode_kind kind)
{
	switch (kind) {
	case ISMC_YNODE_SCALAR:
		return "scalar";
	case ISMC_YNODE_SEQUENCE:
		return "sequence";
	case ISMC_YNODE_MAPPING:
		return "mapping";
	}
	return "node";
}

const struct ismc_ynode *
ismc_ydoc_expect(struct ismc_ydoc *doc, const struct ismc_ynode *n,
    enum ismc_ynode_kind kind, const char *what)
{
	if (n != NULL && n->kind == kind)
		return n;
	if (n != NULL)
		ismc_ydoc_report(doc, ISMC_ERROR, n->span,
		    "expected a %s for %s", ismc_ynode_kind_name(kind), what);
	return NULL;
}

/*
 * The first noncharacter (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF) in s[0..len),
 * or 0. YAML and JSON let an escape write one ("\uFFFF"); the renderers
 * refuse them, so the reader does, at the string's place, as the spec
 * lexer does: `check` then reports what `build` would fail on.
 */
static uint32_t
noncharacter(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, n;
	uint32_t cp;

	for (i = 0; i < len; i += n) {
		n = 1;
		/* Every noncharacter takes three bytes or four. */
		if (u[i] < 0xEF)
			continue;
		if ((n = ismc_utf8_decode(u + i, len - i, &cp)) == 0)
			n = 1;
		else if (ismc_utf8_is_noncharacter(cp))
			return cp;
	}
	return 0;
}

const struct ismc_ynode *
ismc_ydoc_expect_string(struct ismc_ydoc *doc, const struct ismc_ynode *n,
    const char *what)
{
	uint32_t cp;

	if (n == NULL)
		return NULL;
	if (n->kind != ISMC_YNODE_SCALAR) {
		ismc_ydoc_report(doc, ISMC_ERROR, n->span,
		    "expected a string for %s", what);
		return NULL;
	}
	if (ismc_ynode_is_null(n)) {
		ismc_ydoc_report(doc, ISMC_ERROR, n->span,
		    "missing value for %s", what);
		return NULL;
	}
	if (memchr(n->u.str, '\0', n->len) != NULL) {
		ismc_ydoc_report(doc, ISMC_ERROR, n->span,
		    "%s contains a NUL byte", what);
		return NULL;
	}
	if ((cp = noncharacter(n->u.str, n->len)) != 0) {
		ismc_ydoc_report(doc, ISMC_ERROR, n->span,
		    "%s contains the noncharacter U+%04X", what, (unsigned)cp);
		return NULL;
	}
	return n;
}

int
ismc_ydoc_expect_enum(struct ismc_ydoc *doc, const struct ismc_ynode *n,
    const char *what, const char *const *names)
{
	struct ismc_suggest sg;
	struct ismc_buf list;
	const char *hint;
	char buf[80], quoted[96];
	int i;

	snprintf(quoted, sizeof quoted, "'%s'", what);
	if (ismc_ydoc_expect_string(doc, n, quoted) == NULL)
		return -1;
	for (i = 0; names[i] != NULL; i++)
		if (ismc_ynode_equals(n, names[i]))
			return i;
	ismc_yaml_printable(n->u.str, n->len, buf, sizeof buf);
	ismc_suggest_init(&sg, buf);
	for (i = 0; names[i] != NULL; i++)
		ismc_suggest_offer(&sg, names[i]);
	if ((hint = ismc_suggest_result(&sg)) != NULL) {
		ismc_ydoc_report(doc, ISMC_ERROR, n->span, "unknown %s '%s'; "
		    "did you mean '%s'?", what, buf, hint);
		return -1;
	}
	ismc_buf_init(&list);
	for (i = 0; names[i] != NULL; i++)
		ismc_buf_printf(&list, "%s%s", i == 0 ? "" : names[i + 1] ==
		    NULL ? " or " : ", ", names[i]);
	ismc_ydoc_report(doc, ISMC_ERROR, n->span, "unknown %s '%s'; expected "
	    "%s", what, buf, ismc_buf_cstr(&list));
	ismc_buf_free(&list);
	return -1;
}

bool
ismc_ydoc_expect_int(struct ismc_ydoc *doc, const struct ismc_ynode *n,
    const char *what, long min, long max, long *out)
{
	char buf[32], *end;
	size_t i;
	long v;

	if (ismc_ydoc_expect_string(doc, n, what) == NULL)
		return false;
	/* Decimal only: YAML 1.1 would read 010 as octal and 0x10 as hex. */
	if (n->len >= sizeof buf)
		goto bad;
	for (i = 0; i < n->len; i++) {
		char c = n->u.str[i];

		if ((c < '0' || c > '9') && c != '+' && c != '-')
			goto bad;
	}
	memcpy(buf, n->u.str, n->len);
	buf[n->len] = '\0';
	errno = 0;
	v = strtol(buf, &end, 10);
	if (*end != '\0' || end == buf)
		goto bad;
	if (errno == ERANGE || v < min || v > max) {
		ismc_ydoc_report(doc, ISMC_ERROR, n->span,
		    "%s must be between %ld and %ld", what, min, max);
		return false;
	}
	*out = v;
	return true;
bad:
	ismc_ydoc_report(doc, ISMC_ERROR, n->span, "expected an integer for %s",
	    what);
	return false;
}

/* ---- schema helpers -------------------------------------------------- */

static bool
is_known(const struct ismc_ynode *key, const char *const *known)
{
	for (; *known != NULL; known++) {
		if (ismc_ynode_equals(key, *known))
			return true;
	}
	return false;
}

bool
ismc_ydoc_check_keys(struct ismc_ydoc *doc, const struct ismc_ynode *map,
    const char *const *known, const char *where)
{
	const struct ismc_ynode *key;
	const char *const *k;
	struct ismc_suggest sg;
	const char *hint;
	char buf[80];
	bool ok = true;
	size_t i;

	for (i = 0; i < map->len; i++) {
		key = ismc_ynode_key(map, i);
		if (key->kind != ISMC_YNODE_SCALAR || is_known(key, known))
			continue;
		ismc_yaml_printable(key->u.str, key->len, buf, sizeof buf);
		ismc_suggest_init(&sg, buf);
		for (k = known; *k != NULL; k++)
			ismc_suggest_offer(&sg, *k);
		hint = ismc_suggest_result(&sg);
		if (hint != NULL)
			ismc_ydoc_report(doc, ISMC_ERROR, key->span,
			    "unknown key '%s' %s; did you mean '%s'?", buf,
			    where, hint);
		else
			ismc_ydoc_report(doc, ISMC_ERROR, key->span,
			    "unknown key '%s' %s", buf, where);
		ok = false;
	}
	return ok;
}

const struct ismc_ynode *
ismc_ydoc_require(struct ismc_ydoc *doc, const struct ismc_ynode *map,
    const char *key, const char *where)
{
	const struct ismc_ynode *v = ismc_ynode_get(map, key);

	if (v == NULL)
		ismc_ydoc_report(doc, ISMC_ERROR, map->span,
		    "missing required key '%s' %s", key, where);
	return v;
}

bool
ismc_ydoc_check_format(struct ismc_ydoc *doc, const char *format,
    const char *what)
{
	const struct ismc_ynode *root = doc->root, *v;
	struct ismc_span start = { doc->file, 0, 0 };
	char buf[80];

	if (root == NULL || ismc_ynode_is_null(root)) {
		ismc_ydoc_report(doc, ISMC_ERROR, start,
		    "not an ismc %s: the file is empty", what);
		return false;
	}
	if (root->kind != ISMC_YNODE_MAPPING) {
		ismc_ydoc_report(doc, ISMC_ERROR, root->span, "not an ismc %s: "
		    "expected a mapping at the top level", what);
		return false;
	}
	if ((v = ismc_ynode_get(root, "format")) == NULL) {
		start.start = start.end = root->span.start;
		ismc_ydoc_report(doc, ISMC_ERROR, start,
		    "not an ismc %s: missing 'format: %s'", what, format);
		return false;
	}
	if (ismc_ydoc_expect_string(doc, v, "'format'") == NULL)
		return false;
	if (!ismc_ynode_equals(v, format)) {
		ismc_yaml_printable(v->u.str, v->len, buf, sizeof buf);
		ismc_ydoc_report(doc, ISMC_ERROR, v->span,
		    "unsupported format '%s'; expected '%s'", buf, format);
		return false;
	}
	return true;
}
