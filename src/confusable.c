/*
 * confusable.c - identifiers that look like one another (UTS #39
 * skeletons over the ASCII confusables).
 */
#include <config.h>

#include "confusable.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* The next character of the skeleton of s[*i..len), advancing *i. */
static int
skeleton_next(const char *s, size_t len, size_t *i)
{
	int ch = (unsigned char)s[(*i)++];

	switch (ch) {
	case '0':
		return 'O';
	case '1':
	case 'I':
		return 'l';
	case 'r':
		if (*i < len && s[*i] == 'n') {
			(*i)++;
			return 'm';
		}
		return ch;
	default:
		return ch;
	}
}

/* FNV-1a of the skeleton, never 0 (the mark of an empty slot). */
static uint64_t
skeleton_hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037u;
	size_t i = 0;

	while (i < len) {
		h ^= (uint64_t)skeleton_next(s, len, &i);
		h *= 1099511628211u;
	}
	return h != 0 ? h : 1;
}

static bool
same_skeleton(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;

	while (i < alen && j < blen)
		if (skeleton_next(a, alen, &i) != skeleton_next(b, blen, &j))
			return false;
	return i == alen && j == blen;
}

void
ismc_confusables_init(struct ismc_confusables *t)
{
	memset(t, 0, sizeof *t);
}

void
ismc_confusables_destroy(struct ismc_confusables *t)
{
	free(t->slots);
	ismc_confusables_init(t);
}

static void
grow(struct ismc_confusables *t)
{
	size_t ncap = t->cap ? t->cap * 2 : 1024, i, j;
	struct ismc_confusable_slot *n = ismc_xcalloc(ncap, sizeof *n);

	for (i = 0; i < t->cap; i++) {
		if (t->slots[i].hash == 0)
			continue;
		for (j = t->slots[i].hash & (ncap - 1); n[j].hash != 0;
		    j = (j + 1) & (ncap - 1))
			continue;
		n[j] = t->slots[i];
	}
	free(t->slots);
	t->slots = n;
	t->cap = ncap;
}

const char *
ismc_confusables_add(struct ismc_confusables *t, const char *id, size_t len,
    struct ismc_span span, struct ismc_span *was)
{
	uint64_t h = skeleton_hash(id, len);
	struct ismc_confusable_slot *e;
	size_t i;

	if ((t->count + 1) * 4 > t->cap * 3)
		grow(t);
	for (i = h & (t->cap - 1); (e = &t->slots[i])->hash != 0;
	    i = (i + 1) & (t->cap - 1)) {
		if (e->hash != h || e->id == id ||
		    !same_skeleton(e->id, strlen(e->id), id, len))
			continue;
		*was = (struct ismc_span){ e->file, e->start,
		    e->start + (uint32_t)strlen(e->id) };
		return e->id;
	}
	e->hash = h;
	e->id = id;
	e->file = span.file;
	e->start = span.start;
	t->count++;
	return NULL;
}
