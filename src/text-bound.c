/*
 * text-bound.c - bounded, bidi-isolated copies of input text for the
 * renderers (text-bound.h).
 *
 * One pass over the text: each character is copied, dropped (a mark past
 * the limit, a closer with no opener) or ends the copy (a limit reached).
 * The openers still open at the end are closed in reverse order, each with
 * its own closer (PDF for embeddings and overrides, PDI for isolates), so
 * that nothing the text opened reaches past it.
 */
#include <config.h>

#include "text-bound.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "buf.h"
#include "xalloc.h"

/* A cell of a table: a paragraph's worth, a dozen lines. */
const struct ismc_text_limits ismc_text_cell = { 2000, 40, 4 };
/* A paragraph of prose: pages of it. */
const struct ismc_text_limits ismc_text_para = { 32768, 400, 4 };
/* A running header or footer, a chart's label: one line. */
const struct ismc_text_limits ismc_text_line = { 300, 1, 4 };

#define MAX_DEPTH	64	/* openers honoured inside one another */

#define LRE	0x202a
#define RLE	0x202b
#define PDF	0x202c
#define LRO	0x202d
#define RLO	0x202e
#define LRI	0x2066
#define RLI	0x2067
#define FSI	0x2068
#define PDI	0x2069

static void
put(struct ismc_buf *b, gunichar c)
{
	char u[6];

	ismc_buf_add(b, u, (size_t)g_unichar_to_utf8(c, u));
}

/* The stack of open embeddings ('E') and isolates ('I'); openers beyond
 * MAX_DEPTH are dropped and marked lower case, so are their closers. */
struct bidi {
	char	*v;
	size_t	 n, cap;
	size_t	 kept;		/* upper-case entries */
};

static void
push(struct bidi *s, char kind)
{
	if (s->n == s->cap) {
		s->cap = s->cap != 0 ? s->cap * 2 : 16;
		s->v = ismc_xrealloc(s->v, s->cap);
	}
	if (s->kept < MAX_DEPTH) {
		s->v[s->n++] = kind;
		s->kept++;
	} else
		s->v[s->n++] = (char)(kind - 'A' + 'a');
}

/* Whether bidi control c is kept; updates the stack. */
static bool
bidi_keep(struct bidi *s, gunichar c)
{
	size_t i;
	char top;

	switch (c) {
	case LRE: case RLE: case LRO: case RLO:
		push(s, 'E');
		return s->v[s->n - 1] == 'E';
	case LRI: case RLI: case FSI:
		push(s, 'I');
		return s->v[s->n - 1] == 'I';
	case PDF:
		if (s->n == 0 || (s->v[s->n - 1] != 'E' &&
		    s->v[s->n - 1] != 'e'))
			return false;	/* no embedding open here */
		top = s->v[--s->n];
		if (top == 'E')
			s->kept--;
		return top == 'E';
	case PDI:
		for (i = s->n; i > 0; i--)
			if (s->v[i - 1] == 'I' || s->v[i - 1] == 'i')
				break;
		if (i == 0)
			return false;	/* no isolate open */
		top = s->v[i - 1];
		/* A PDI closes the embeddings opened inside its isolate. */
		while (s->n >= i) {
			if (s->v[s->n - 1] == 'E' || s->v[s->n - 1] == 'I')
				s->kept--;
			s->n--;
		}
		return top == 'I';
	default:
		return true;
	}
}

char *
ismc_text_bound(const char *s, size_t len, const struct ismc_text_limits *lim,
    unsigned *what)
{
	const char *p = s, *end = s + len;
	struct bidi st = { NULL, 0, 0, 0 };
	struct ismc_buf b;
	size_t lines = 0, marks = 0, start;
	unsigned w = 0;
	gunichar c;
	char *out;
	int n;

	ismc_buf_init(&b);
	put(&b, FSI);
	start = b.len;
	while (p < end) {
		c = g_utf8_get_char_validated(p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			c = 0xfffd;
			n = 1;
		} else
			n = g_utf8_next_char(p) - p;
		if (c == '\n' && lim->max_lines != 0 &&
		    ++lines >= lim->max_lines) {
			w |= ISMC_TEXT_CUT;
			break;
		}
		if (lim->max_bytes != 0 &&
		    b.len - start + (size_t)n > lim->max_bytes) {
			w |= ISMC_TEXT_CUT;
			break;
		}
		p += n;
		if (g_unichar_ismark(c)) {
			if (++marks > lim->max_marks) {
				w |= ISMC_TEXT_MARKS;
				continue;
			}
		} else
			marks = 0;
		if (!bidi_keep(&st, c))
			continue;
		put(&b, c);
	}
	while (st.n > 0) {
		if (st.v[st.n - 1] == 'E')
			put(&b, PDF);
		else if (st.v[st.n - 1] == 'I')
			put(&b, PDI);
		st.n--;
	}
	free(st.v);
	if (w & ISMC_TEXT_CUT)
		put(&b, 0x2026);	/* HORIZONTAL ELLIPSIS */
	put(&b, PDI);
	if (what != NULL)
		*what = w;
	out = ismc_xmalloc(b.len + 1);
	memcpy(out, b.data, b.len);
	out[b.len] = '\0';
	ismc_buf_free(&b);
	return out;
}
