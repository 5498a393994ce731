/*
 * fmt.c - the canonical layout of a spec file.
 *
 * Three steps per block of items. First the bytes between tokens (gaps)
 * are read into elements: line ends, comments, commas, brackets, ';'.
 * Then each item becomes an entry (its key, its argument tokens, trailing
 * comments, its block) and each comment line an entry of its own. Last
 * the entries are laid out: four spaces per level, one item per line,
 * at most one blank line, and in each run of consecutive one-line items
 * the space-separated columns aligned, as gofmt aligns with tabwriter.
 *
 * Values are copied as written, so strings keep their escapes and a
 * number its spelling; only blanks, commas and line breaks between
 * tokens change. Everything is allocated in the compilation's arena.
 */
#include <config.h>

#include "fmt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "ast.h"
#include "buf.h"
#include "compilation.h"
#include "diag.h"
#include "driver.h"
#include "parse.h"
#include "replace.h"
#include "xalloc.h"

#define INDENT		4
#define COMMENT_GAP	2	/* blanks before a trailing comment */

/* ---- gaps --------------------------------------------------------------- */

enum gkind { G_NL, G_COMMENT, G_COMMA, G_LBRACK, G_RBRACK, G_SEMI };

struct gel {
	enum gkind	 kind;
	uint32_t	 start, end;	/* bytes (a comment's, trimmed) */
	unsigned	 nl;		/* G_NL: how many line ends in a row */
	unsigned	 col;		/* G_COMMENT: its column in the source */
	bool		 multiline;	/* G_COMMENT: a block comment over lines */
	bool		 line;		/* G_COMMENT: '#', ends at a line end */
};

struct gap {
	struct gel	*v;
	size_t		 n, cap;
};

/* ---- entries ------------------------------------------------------------ */

enum tkind { T_VALUE, T_COMMA, T_LBRACK, T_RBRACK, T_BREAK, T_COMMENT };

struct tok {
	enum tkind	 kind;
	uint32_t	 start, end;	/* T_VALUE, T_COMMENT: source bytes */
	bool		 line;		/* T_COMMENT: a '#' comment */
};

struct toks {
	struct tok	*v;
	size_t		 n, cap;
};

/* Comments at the end of a line: the first on the line, then those on
 * the lines below written in the same column (T_BREAK between). */
struct trail {
	struct toks	 t;
	unsigned	 col;		/* source column of the first */
};

struct block;

enum ekind { E_BLANK, E_COMMENT, E_ITEM };

struct entry {
	enum ekind		 kind;
	uint32_t		 start, end;	/* E_COMMENT */
	const struct ismc_item	*item;		/* E_ITEM */
	struct toks		 args;
	struct trail		 trail;
	struct block		*body;		/* has_body */
	/* Layout. */
	const char		**cells;	/* key, then space-separated
						 * groups of arguments */
	size_t			 ncells;
	bool			 multiline;	/* arguments over lines */
	size_t			*width;		/* padded width of each cell
						 * but the last (0: none) */
	size_t			 comment_col;	/* trailing comment column */
};

struct block {
	struct entry	*v;
	size_t		 n, cap;
	struct trail	 head;		/* comments after '{' */
	bool		 one_line;	/* written as { a; b } */
};

struct fmt {
	struct ismc_compilation	*c;
	struct ismc_arena	*a;
	uint32_t		 file;
	const char		*text;
	uint32_t		 len;
	bool			 failed;
};

/* Room for one more of an arena array (doubling; the old copy stays in
 * the arena, which at most doubles what the arrays take). */
static void *
grow(struct ismc_arena *a, void *v, size_t n, size_t *cap, size_t size)
{
	void *p;

	if (n < *cap)
		return v;
	*cap = *cap != 0 ? *cap * 2 : 8;
	p = ismc_arena_array(a, *cap, size);
	if (n > 0)
		memcpy(p, v, n * size);
	return p;
}

static struct gel *
gel_push(struct fmt *f, struct gap *g, enum gkind kind, uint32_t start,
    uint32_t end)
{
	struct gel *e;

	g->v = grow(f->a, g->v, g->n, &g->cap, sizeof *g->v);
	e = &g->v[g->n++];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->start = start;
	e->end = end;
	return e;
}

static void
tok_push(struct fmt *f, struct toks *t, enum tkind kind, uint32_t start,
    uint32_t end, bool line)
{
	t->v = grow(f->a, t->v, t->n, &t->cap, sizeof *t->v);
	t->v[t->n++] = (struct tok){ kind, start, end, line };
}

static struct entry *
entry_push(struct fmt *f, struct block *b, enum ekind kind)
{
	struct entry *e;

	b->v = grow(f->a, b->v, b->n, &b->cap, sizeof *b->v);
	e = &b->v[b->n++];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	return e;
}

/* Display columns: UTF-8 continuation bytes take none. */
static size_t
width_of(const char *s, size_t len)
{
	size_t i, w = 0;

	for (i = 0; i < len; i++)
		w += ((unsigned char)s[i] & 0xC0) != 0x80;
	return w;
}

static unsigned
column_of(const struct fmt *f, uint32_t pos)
{
	uint32_t i = pos;

	while (i > 0 && f->text[i - 1] != '\n')
		i--;
	return (unsigned)width_of(f->text + i, pos - i);
}

static void
unexpected(struct fmt *f, uint32_t pos)
{
	if (!f->failed)
		ismc_diag_error(&f->c->diag, (struct ismc_span){ f->file, pos,
		    pos + 1 }, "cannot lay out this file: unexpected text "
		    "between tokens (a bug in ismc fmt)");
	f->failed = true;
}

/*
 * Reads the bytes in [from, to), which lie between two tokens, into g.
 * A '#' comment loses its trailing blanks (a CR of a CRLF among them).
 */
static void
scan_gap(struct fmt *f, uint32_t from, uint32_t to, struct gap *g)
{
	const char *s = f->text;
	uint32_t i = from, j;
	struct gel *e;

	g->n = 0;
	if (i == 0 && f->len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < to && !f->failed) {
		switch (s[i]) {
		case ' ':
		case '\t':
		case '\r':
			i++;
			continue;
		case '\n':
			if (g->n > 0 && g->v[g->n - 1].kind == G_NL)
				g->v[g->n - 1].nl++;
			else
				gel_push(f, g, G_NL, i, i + 1)->nl = 1;
			i++;
			continue;
		case '#':
			for (j = i; j < to && s[j] != '\n'; j++)
				;
			e = gel_push(f, g, G_COMMENT, i, j);
			while (e->end > e->start && (s[e->end - 1] == ' ' ||
			    s[e->end - 1] == '\t' || s[e->end - 1] == '\r'))
				e->end--;
			e->col = column_of(f, i);
			e->line = true;
			i = j;
			continue;
		case '/':
			if (i + 1 < to && s[i + 1] == '*') {
				for (j = i + 2; j + 1 < to && !(s[j] == '*' &&
				    s[j + 1] == '/'); j++)
					;
				if (j + 1 >= to)
					break;
				e = gel_push(f, g, G_COMMENT, i, j + 2);
				e->col = column_of(f, i);
				e->multiline = memchr(s + i, '\n', j - i) != NULL;
				i = j + 2;
				continue;
			}
			break;
		case ',':
			gel_push(f, g, G_COMMA, i, i + 1);
			i++;
			continue;
		case '[':
			gel_push(f, g, G_LBRACK, i, i + 1);
			i++;
			continue;
		case ']':
			gel_push(f, g, G_RBRACK, i, i + 1);
			i++;
			continue;
		case ';':
			gel_push(f, g, G_SEMI, i, i + 1);
			i++;
			continue;
		}
		unexpected(f, i);
	}
}

/* ---- reading a block ---------------------------------------------------- */

/* One element of a gap inside an argument list, as a token. */
static void
arg_tok(struct fmt *f, struct entry *e, const struct gel *el)
{
	static const enum tkind kinds[] = {
		[G_NL] = T_BREAK, [G_COMMENT] = T_COMMENT, [G_COMMA] = T_COMMA,
		[G_LBRACK] = T_LBRACK, [G_RBRACK] = T_RBRACK,
	};

	if (el->kind == G_SEMI)
		unexpected(f, el->start);
	else
		tok_push(f, &e->args, kinds[el->kind], el->start, el->end,
		    el->line);
}

/* Tokens between arguments: punctuation, line breaks, comments. */
static void
args_from_gap(struct fmt *f, struct entry *e, const struct gap *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		arg_tok(f, e, &g->v[i]);
}

/* Whether a line end after the arguments so far continues them: inside
 * brackets, or after a comma. */
static bool
args_continue(const struct toks *t)
{
	int depth = 0;
	bool comma = false;
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (t->v[i].kind == T_LBRACK)
			depth++;
		else if (t->v[i].kind == T_RBRACK)
			depth--;
		if (t->v[i].kind != T_BREAK && t->v[i].kind != T_COMMENT)
			comma = t->v[i].kind == T_COMMA;
	}
	return depth > 0 || comma;
}

static void
trail_add(struct fmt *f, struct trail *t, const struct gel *el)
{
	if (t->t.n == 0)
		t->col = el->col;
	tok_push(f, &t->t, T_COMMENT, el->start, el->end, el->line);
}

/*
 * The elements after an item's last token up to its terminator: more of
 * its arguments (a closing bracket, a line end after a comma) and the
 * comments on its last line. Returns the index after the terminator, and
 * in *nl the line ends it holds (0 for ';' or none).
 */
static size_t
take_tail(struct fmt *f, struct entry *e, const struct gap *g, bool args,
    unsigned *nl)
{
	size_t i;

	*nl = 0;
	for (i = 0; i < g->n && !f->failed; i++) {
		const struct gel *el = &g->v[i];
		bool cont = args && args_continue(&e->args);

		switch (el->kind) {
		case G_COMMA:
		case G_LBRACK:
		case G_RBRACK:
			if (!args)
				unexpected(f, el->start);
			arg_tok(f, e, el);
			break;
		case G_NL:
			if (!cont) {
				*nl = el->nl;
				return i + 1;
			}
			tok_push(f, &e->args, T_BREAK, 0, 0, false);
			break;
		case G_COMMENT:
			if (cont) {
				tok_push(f, &e->args, T_COMMENT, el->start,
				    el->end, el->line);
				break;
			}
			trail_add(f, &e->trail, el);
			if (el->multiline) {
				/* Its line end ends the item; one right after
				 * it is the same line end, not a blank line:
				 * the next item, on the comment's last line or
				 * on the line below, is laid out alike. */
				if (i + 1 < g->n && g->v[i + 1].kind == G_NL) {
					*nl = g->v[i + 1].nl;
					return i + 2;
				}
				*nl = 1;
				return i + 1;
			}
			break;
		case G_SEMI:
			return i + 1;
		}
	}
	return g->n;
}

/*
 * Comment lines and blank lines before the next item (or the block's
 * end). `pending` counts the line ends since the last thing written; a
 * comment right after `cont`'s trailing comment, in its column, continues
 * it. Returns the line ends after the last element.
 */
static unsigned
take_leading(struct fmt *f, struct block *b, const struct gap *g, size_t i,
    unsigned pending, struct trail *cont, struct trail *same_line)
{
	struct entry *e;

	for (; i < g->n && !f->failed; i++) {
		const struct gel *el = &g->v[i];

		if (el->kind == G_NL) {
			pending += el->nl;
			continue;
		}
		if (el->kind == G_SEMI)
			continue;
		if (el->kind != G_COMMENT) {
			unexpected(f, el->start);
			break;
		}
		if (pending == 0 && same_line != NULL) {
			trail_add(f, same_line, el);
			cont = same_line;
			continue;
		}
		if (pending == 1 && cont != NULL && cont->t.n > 0 &&
		    el->col == cont->col) {
			tok_push(f, &cont->t, T_BREAK, 0, 0, false);
			tok_push(f, &cont->t, T_COMMENT, el->start, el->end,
			    el->line);
			pending = 0;
			continue;
		}
		if (pending >= 2 && b->n > 0)
			entry_push(f, b, E_BLANK);
		e = entry_push(f, b, E_COMMENT);
		e->start = el->start;
		e->end = el->end;
		cont = NULL;
		same_line = NULL;
		pending = 0;
	}
	return pending;
}

static void read_block(struct fmt *, struct block *, const struct ismc_item *,
    uint32_t from, uint32_t to, bool top);

static void
read_body(struct fmt *f, struct entry *e, const struct ismc_item *it)
{
	uint32_t open = it->body_start, close = it->span.end - 1;
	struct block *b = ismc_arena_alloc(f->a, sizeof *b);
	size_t i;

	e->body = b;
	read_block(f, b, it->body, open + 1, close, false);
	b->one_line = b->head.t.n == 0 && (b->n == 0 ||
	    memchr(f->text + open, '\n', close - open) == NULL);
	for (i = 0; i < b->n && b->one_line; i++)
		b->one_line = b->v[i].kind == E_ITEM && b->v[i].trail.t.n == 0 &&
		    (b->v[i].body == NULL || b->v[i].body->one_line);
}

/* One item: its key, arguments and block, up to its last token. */
static struct entry *
read_item(struct fmt *f, struct block *b, const struct ismc_item *it,
    uint32_t *end)
{
	struct entry *e = entry_push(f, b, E_ITEM);
	const struct ismc_value *v;
	uint32_t pos = ismc_item_key_span(it).end;
	struct gap g = { 0 };

	e->item = it;
	for (v = it->args; v != NULL && !f->failed; v = ismc_value_next(v)) {
		scan_gap(f, pos, v->span.start, &g);
		args_from_gap(f, e, &g);
		tok_push(f, &e->args, T_VALUE, v->span.start, v->span.end,
		    false);
		pos = v->span.end;
	}
	if (it->has_body) {
		scan_gap(f, pos, it->body_start, &g);
		args_from_gap(f, e, &g);
		read_body(f, e, it);
		pos = it->span.end;
	}
	*end = pos;
	return e;
}

/*
 * The items of one block, from `from` (after its '{', or the start of the
 * file) to `to` (its '}', or the end of the file).
 */
static void
read_block(struct fmt *f, struct block *b, const struct ismc_item *items,
    uint32_t from, uint32_t to, bool top)
{
	const struct ismc_item *it;
	struct entry *e;
	struct gap g = { 0 };
	uint32_t pos = from;
	unsigned pending, nl;
	size_t i;

	scan_gap(f, pos, items != NULL ? items->span.start : to, &g);
	/* The file starts a line; a comment after '{' is on its line. */
	pending = take_leading(f, b, &g, 0, top, NULL, top ? NULL : &b->head);
	for (it = items; it != NULL && !f->failed; it = it->next) {
		if (pending >= 2 && b->n > 0)
			entry_push(f, b, E_BLANK);
		e = read_item(f, b, it, &pos);
		scan_gap(f, pos, it->next != NULL ? it->next->span.start :
		    to, &g);
		i = take_tail(f, e, &g, !it->has_body, &nl);
		pending = take_leading(f, b, &g, i, nl,
		    nl == 1 ? &e->trail : NULL, nl == 0 ? &e->trail : NULL);
	}
}

/* ---- layout ------------------------------------------------------------- */

static void
put_source(struct ismc_buf *out, const struct fmt *f, uint32_t start,
    uint32_t end)
{
	ismc_buf_add(out, f->text + start, end - start);
}

static void
spaces(struct ismc_buf *out, size_t n)
{
	while (n-- > 0)
		ismc_buf_addc(out, ' ');
}

/* Display width of what was written since `start`'s line began. */
static size_t
line_width(const struct ismc_buf *out)
{
	size_t i = out->len;

	while (i > 0 && out->data[i - 1] != '\n')
		i--;
	return width_of(out->data + i, out->len - i);
}

static bool
is_sep(const struct tok *x)
{
	return x->kind == T_BREAK || x->kind == T_COMMENT;
}

/*
 * Comments after the last argument (which can only follow a trailing
 * comma) become the item's trailing comments, and what is left after the
 * last value or ']' goes: a trailing comma separates nothing.
 */
static void
trim_args(struct fmt *f, struct entry *e)
{
	struct toks *t = &e->args;
	struct trail moved = { 0 };
	size_t i, n = t->n;

	while (n > 0 && t->v[n - 1].kind != T_VALUE &&
	    t->v[n - 1].kind != T_RBRACK)
		n--;
	for (i = n; i < t->n; i++)
		if (t->v[i].kind == T_COMMENT) {
			if (moved.t.n == 0)
				moved.col = e->trail.col;
			tok_push(f, &moved.t, T_COMMENT, t->v[i].start,
			    t->v[i].end, t->v[i].line);
		}
	t->n = n;
	if (moved.t.n == 0)
		return;
	for (i = 0; i < e->trail.t.n; i++)
		tok_push(f, &moved.t, e->trail.t.v[i].kind,
		    e->trail.t.v[i].start, e->trail.t.v[i].end,
		    e->trail.t.v[i].line);
	e->trail = moved;
}

/*
 * Drops what a canonical argument list does without: commas that separate
 * nothing (leading, doubled, before ']'), line breaks at the start, twice
 * over or before ']' (unless a '#' comment ends there).
 */
static void
normalise_args(struct toks *t)
{
	size_t i, j, n = 0;

	for (i = 0; i < t->n; i++) {
		struct tok *x = &t->v[i];
		const struct tok *prev = n > 0 ? &t->v[n - 1] : NULL;
		bool keep = true;

		for (j = i + 1; j < t->n && (is_sep(&t->v[j]) ||
		    t->v[j].kind == T_COMMA); j++)
			;
		if (x->kind == T_COMMA) {
			/* A line break continues the item only behind a
			 * comma: of doubled commas the first stays ("a,\n,b"
			 * is "a,\n b", never "a\n, b"), and a leading one
			 * stays when a comment ends its line: the break
			 * after the comment stays too ("r, # c\n m"). */
			bool comment = false;
			size_t k;

			for (k = i + 1; k < t->n && is_sep(&t->v[k]) &&
			    !(comment && t->v[k].kind == T_BREAK); k++)
				comment = comment || t->v[k].kind == T_COMMENT;
			comment = comment && k < t->n &&
			    t->v[k].kind == T_BREAK;
			keep = j < t->n && t->v[j].kind != T_RBRACK;
			for (j = n; j > 0 && is_sep(&t->v[j - 1]); j--)
				;
			keep = keep && (j > 0 ? t->v[j - 1].kind == T_VALUE ||
			    t->v[j - 1].kind == T_RBRACK : comment);
		} else if (x->kind == T_BREAK) {
			keep = prev != NULL && prev->kind != T_BREAK &&
			    (j >= t->n || t->v[j].kind != T_RBRACK ||
			    (prev->kind == T_COMMENT && prev->line));
		}
		if (keep)
			t->v[n++] = *x;
	}
	t->n = n;
}

/*
 * Writes tokens [from, to): a blank between values, none inside brackets
 * or before a comma; a line break continues at column `col`.
 */
static void
put_args(struct ismc_buf *out, const struct fmt *f, const struct toks *t,
    size_t from, size_t to, size_t col)
{
	bool blank = false;
	size_t i;

	for (i = from; i < to; i++) {
		const struct tok *x = &t->v[i];

		switch (x->kind) {
		case T_VALUE:
		case T_COMMENT:
		case T_LBRACK:
			if (blank)
				ismc_buf_addc(out, ' ');
			if (x->kind == T_LBRACK)
				ismc_buf_addc(out, '[');
			else
				put_source(out, f, x->start, x->end);
			blank = x->kind != T_LBRACK;
			break;
		case T_COMMA:
			ismc_buf_addc(out, ',');
			blank = true;
			break;
		case T_RBRACK:
			ismc_buf_addc(out, ']');
			blank = true;
			break;
		case T_BREAK:
			ismc_buf_addc(out, '\n');
			spaces(out, col);
			blank = false;
			break;
		}
	}
}

static void put_one_line(struct ismc_buf *, const struct fmt *,
    const struct block *);

/* The cells of a one-line item: its key, then each group of arguments
 * that blanks (not commas, not brackets) separate. */
static void
make_cells(struct fmt *f, struct entry *e)
{
	const struct ismc_item *it = e->item;
	struct ismc_buf b;
	size_t i, start = 0, n = 1;
	int depth = 0;

	for (i = 0; i < e->args.n; i++)
		if (e->args.v[i].kind == T_BREAK ||
		    e->args.v[i].kind == T_COMMENT)
			e->multiline = true;
	e->cells = ismc_arena_array(f->a, e->args.n + 2, sizeof *e->cells);
	e->width = ismc_arena_array(f->a, e->args.n + 2, sizeof *e->width);
	e->cells[0] = it->key;
	ismc_buf_init(&b);
	for (i = 0; i <= e->args.n && !e->multiline; i++) {
		const struct tok *x = i < e->args.n ? &e->args.v[i] : NULL;
		bool split = x == NULL || (depth == 0 && i > start &&
		    (x->kind == T_VALUE || x->kind == T_LBRACK) &&
		    (e->args.v[i - 1].kind == T_VALUE ||
		    e->args.v[i - 1].kind == T_RBRACK));

		if (split && i > start) {
			ismc_buf_reset(&b);
			put_args(&b, f, &e->args, start, i, 0);
			e->cells[n++] = ismc_arena_strndup(f->a, b.data, b.len);
			start = i;
		}
		if (x != NULL && x->kind == T_LBRACK)
			depth++;
		else if (x != NULL && x->kind == T_RBRACK)
			depth--;
	}
	if (e->multiline) {
		e->cells[1] = "";	/* put_item_text writes the tokens */
		n = 2;
	}
	/* A block on one line is the last cell: "{ excluded "..." }". */
	if (e->body != NULL && e->body->one_line) {
		ismc_buf_reset(&b);
		put_one_line(&b, f, e->body);
		e->cells[n++] = ismc_arena_strndup(f->a, b.data, b.len);
	}
	ismc_buf_free(&b);
	e->ncells = n;
}

/* Whether an entry takes part in the alignment of its neighbours: an
 * item on one line (but for arguments that go over lines). */
static bool
alignable(const struct entry *e)
{
	return e->kind == E_ITEM && (e->body == NULL || e->body->one_line);
}

/*
 * Whether an entry lines up with `first` in column c, which it must have
 * a cell after. Keys line up among items without a block, and among
 * one-line blocks of one key; past the key, only rows of one key line up
 * (a table of levels or bands), and not arguments that go over lines.
 */
static bool
in_column(const struct entry *e, size_t c, const struct entry *first)
{
	bool same_key;

	if (!alignable(e) || e->ncells <= c + 1)
		return false;
	same_key = e->item->key == first->item->key;
	if (c > 0)
		return !e->multiline && same_key;
	return (e->body == NULL) == (first->body == NULL) &&
	    (e->body == NULL || same_key);
}

/*
 * Aligns column c over each run of consecutive one-line items that have a
 * cell after it (an item whose arguments go over lines takes part with
 * its key): comment lines between them do not break a run, blank lines
 * and items with a block do.
 */
static void
align_column(struct block *b, size_t c)
{
	size_t i = 0, j, k, w;

	while (i < b->n) {
		if (!in_column(&b->v[i], c, &b->v[i])) {
			i++;
			continue;
		}
		for (j = i, w = 0; j < b->n && (in_column(&b->v[j], c,
		    &b->v[i]) || b->v[j].kind == E_COMMENT); j++) {
			const char *cell = b->v[j].cells != NULL ?
			    b->v[j].cells[c] : NULL;
			size_t cw = cell != NULL && b->v[j].kind == E_ITEM ?
			    width_of(cell, strlen(cell)) : 0;

			w = cw > w ? cw : w;
		}
		for (k = i; k < j; k++)
			if (b->v[k].kind == E_ITEM)
				b->v[k].width[c] = w + 1;
		i = j;
	}
}

static void put_block(struct ismc_buf *, struct fmt *, struct block *,
    size_t indent);

/* An item's cells and arguments, without its block or comments; with
 * `pad`, each cell padded to its column's width. */
static void
put_item_text(struct ismc_buf *out, const struct fmt *f,
    const struct entry *e, bool pad)
{
	size_t i, w;

	for (i = 0; i < e->ncells; i++) {
		if (i > 0) {
			w = width_of(e->cells[i - 1], strlen(e->cells[i - 1]));
			spaces(out, pad && e->width[i - 1] > w ?
			    e->width[i - 1] - w : 1);
		}
		if (i == 1 && e->multiline)
			put_args(out, f, &e->args, 0, e->args.n,
			    line_width(out));
		else
			ismc_buf_adds(out, e->cells[i]);
	}
}

static void
put_trail(struct ismc_buf *out, const struct fmt *f, const struct trail *t,
    size_t col)
{
	size_t i, w = line_width(out);

	spaces(out, col > w ? col - w : 1);
	for (i = 0; i < t->t.n; i++) {
		const struct tok *x = &t->t.v[i];

		if (x->kind == T_BREAK) {
			ismc_buf_addc(out, '\n');
			spaces(out, col);
			continue;
		}
		if (i > 0 && t->t.v[i - 1].kind == T_COMMENT)
			ismc_buf_addc(out, ' ');
		put_source(out, f, x->start, x->end);
	}
}

/* { a; b } */
static void
put_one_line(struct ismc_buf *out, const struct fmt *f, const struct block *b)
{
	size_t i;

	if (b->n == 0) {
		ismc_buf_adds(out, "{ }");
		return;
	}
	ismc_buf_adds(out, "{ ");
	for (i = 0; i < b->n; i++) {
		const struct entry *e = &b->v[i];

		if (i > 0)
			ismc_buf_adds(out, "; ");
		put_item_text(out, f, e, false);
	}
	ismc_buf_adds(out, " }");
}

static void
put_entry(struct ismc_buf *out, struct fmt *f, const struct entry *e,
    size_t indent)
{
	spaces(out, indent);
	if (e->kind == E_COMMENT) {
		put_source(out, f, e->start, e->end);
		ismc_buf_addc(out, '\n');
		return;
	}
	put_item_text(out, f, e, alignable(e));
	if (e->body != NULL && !e->body->one_line) {
		ismc_buf_adds(out, " {");
		if (e->body->head.t.n > 0)
			put_trail(out, f, &e->body->head,
			    line_width(out) + COMMENT_GAP);
		ismc_buf_addc(out, '\n');
		put_block(out, f, e->body, indent + INDENT);
		spaces(out, indent);
		ismc_buf_addc(out, '}');
	}
	if (e->trail.t.n > 0)
		put_trail(out, f, &e->trail, e->comment_col > 0 ?
		    e->comment_col : line_width(out) + COMMENT_GAP);
	ismc_buf_addc(out, '\n');
}

/* Trailing comments of consecutive one-line items start in one column. */
static void
align_comments(struct fmt *f, struct block *b, size_t indent)
{
	struct ismc_buf tmp;
	size_t i = 0, j, k, w;

	ismc_buf_init(&tmp);
	while (i < b->n) {
		for (j = i, w = 0; j < b->n && alignable(&b->v[j]) &&
		    !b->v[j].multiline && b->v[j].trail.t.n > 0; j++) {
			ismc_buf_reset(&tmp);
			spaces(&tmp, indent);
			put_item_text(&tmp, f, &b->v[j], true);
			w = w > line_width(&tmp) ? w : line_width(&tmp);
		}
		for (k = i; k < j; k++)
			b->v[k].comment_col = w + COMMENT_GAP;
		i = j > i ? j : i + 1;
	}
	ismc_buf_free(&tmp);
}

/* Tidies every item's arguments and cuts them into cells, in every
 * block, before anything is laid out. */
static void
prepare(struct fmt *f, struct block *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		if (b->v[i].kind != E_ITEM)
			continue;
		if (b->v[i].body != NULL)
			prepare(f, b->v[i].body);
		trim_args(f, &b->v[i]);
		normalise_args(&b->v[i].args);
		make_cells(f, &b->v[i]);
	}
}

static void
put_block(struct ismc_buf *out, struct fmt *f, struct block *b,
    size_t indent)
{
	size_t i, c, maxc = 0;

	for (i = 0; i < b->n; i++)
		if (b->v[i].kind == E_ITEM && b->v[i].ncells > maxc)
			maxc = b->v[i].ncells;
	for (c = 0; c + 1 < maxc; c++)
		align_column(b, c);
	align_comments(f, b, indent);
	for (i = 0; i < b->n; i++) {
		if (b->v[i].kind == E_BLANK)
			ismc_buf_addc(out, '\n');
		else
			put_entry(out, f, &b->v[i], indent);
	}
}

bool
ismc_fmt_format(struct ismc_compilation *c, uint32_t file,
    const struct ismc_item *items, struct ismc_buf *out)
{
	const struct ismc_source *src = ismc_sources_get(&c->sources, file);
	struct fmt f;
	struct block top;

	memset(&f, 0, sizeof f);
	memset(&top, 0, sizeof top);
	f.c = c;
	f.a = &c->arena;
	f.file = file;
	f.text = src->text;
	f.len = (uint32_t)src->len;
	read_block(&f, &top, items, 0, f.len, true);
	if (f.failed)
		return false;
	prepare(&f, &top);
	if (f.len >= 3 && memcmp(f.text, "\xEF\xBB\xBF", 3) == 0)
		ismc_buf_adds(out, "\xEF\xBB\xBF");
	put_block(out, &f, &top, 0);
	return true;
}

/* ---- the command -------------------------------------------------------- */

/* Standard input, whole, as a source named "<stdin>". */
static uint32_t
load_stdin(struct ismc_compilation *c)
{
	struct ismc_buf b;
	char chunk[65536];
	size_t n;
	uint32_t file = ISMC_NO_FILE;

	ismc_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0 &&
	    b.len <= ISMC_MAX_FILE_SIZE)
		ismc_buf_add(&b, chunk, n);
	if (b.len > ISMC_MAX_FILE_SIZE)
		errno = EFBIG;
	else if (!ferror(stdin))
		file = ismc_sources_add(&c->sources, "<stdin>",
		    b.len > 0 ? b.data : "", b.len);
	ismc_buf_free(&b);
	return file;
}

/* The line where the layout first differs, for --check's message. */
static struct ismc_span
first_change(uint32_t file, const struct ismc_source *src,
    const struct ismc_buf *out)
{
	size_t i, line = 0;

	for (i = 0; i < src->len && i < out->len &&
	    src->text[i] == out->data[i]; i++)
		if (src->text[i] == '\n')
			line = i + 1;
	if (line >= src->len && line > 0)
		line = src->len - 1;	/* only the final line end differs */
	return (struct ismc_span){ file, (uint32_t)line, (uint32_t)line };
}

/* One file: read, parse, lay out, then check, print or rewrite. */
static void
fmt_one(struct ismc_compilation *c, const struct ismc_options *o,
    const char *path, bool *io_failed)
{
	bool in = strcmp(path, "-") == 0, same;
	const struct ismc_source *src;
	struct ismc_item *items;
	struct ismc_buf out;
	struct stat st;
	uint32_t file;

	if (in && (file = load_stdin(c)) == ISMC_NO_FILE) {
		ismc_diag_error(&c->diag, ISMC_NO_SPAN, "cannot read '<stdin>': "
		    "%s", strerror(errno));
		*io_failed = true;
		return;
	}
	/* The guarded read of every input; it reports why it refuses. */
	if (!in && (file = ismc_compilation_read(c, path, ISMC_INPUT_SPEC,
	    ISMC_INPUT_NAMED, ISMC_NO_SPAN, NULL)) == ISMC_NO_FILE) {
		*io_failed = true;
		return;
	}
	if (ismc_parse_source(c, file, &items) != 0)
		return;
	src = ismc_sources_get(&c->sources, file);
	ismc_buf_init(&out);
	if (!ismc_fmt_format(c, file, items, &out))
		goto done;
	same = out.len == src->len && (out.len == 0 ||
	    memcmp(out.data, src->text, out.len) == 0);
	if (o->fmt_check) {
		if (!same)
			ismc_diag_error(&c->diag, first_change(file, src, &out),
			    "not in the canonical layout ('ismc fmt %s' "
			    "rewrites it)", in ? "-" : path);
	} else if (in)
		fwrite(out.data != NULL ? out.data : "", 1, out.len, o->out);
	else if (!same && (stat(path, &st) != 0 ||
	    !ismc_replace_file(path, &out, st.st_mode, &c->diag)))
		*io_failed = true;
done:
	ismc_buf_free(&out);
}

int
ismc_fmt_run(const struct ismc_options *o)
{
	struct ismc_compilation c;
	bool io_failed = false;
	size_t i;
	int status;

	ismc_compilation_init(&c, o->err);
	ismc_driver_setup_diag(&c.diag, o);
	for (i = 0; i < o->nspecs && !ismc_diag_stopped(&c.diag); i++)
		fmt_one(&c, o, o->specs[i], &io_failed);
	ismc_diag_summary(&c.diag);
	status = io_failed ? ISMC_EXIT_USAGE : c.diag.errors > 0 ?
	    ISMC_EXIT_INPUT : ISMC_EXIT_OK;
	ismc_compilation_destroy(&c);
	return status;
}
