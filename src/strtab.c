/*
 * strtab.c - open-addressing intern table (linear probing).
 */
#include <config.h>

#include "strtab.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"

#define MIX	0x9E3779B97F4A7C15u

static uint64_t
mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * MIX;
	return h ^ h >> 32;
}

/* Up to eight bytes as a word, zero-padded. */
static uint64_t
load(const unsigned char *s, size_t n)
{
	uint64_t w = 0;

	if (n >= 8) {
		memcpy(&w, s, 8);
		return w;
	}
	while (n-- > 0)
		w = w << 8 | s[n];
	return w;
}

/*
 * Eight bytes a step, each word mixed by a multiply and a shift: the
 * identifiers of a spec are short, and a byte-at-a-time hash is a chain
 * of multiplies as long as the name. *head gets the first word, which the
 * table keeps beside the pointer. The value depends on the machine's byte
 * order; nothing depends on it but the table's layout, and nothing
 * iterates the table.
 */
static uint32_t
hash_head(const unsigned char *s, size_t len, uint64_t *head)
{
	uint64_t h = len * MIX, w;

	*head = w = load(s, len);
	for (;;) {
		h = mix(h, w);
		if (len <= 8)
			break;
		s += 8;
		len -= 8;
		w = load(s, len);
	}
	return (uint32_t)mix(h, h >> 29);
}

uint32_t
ismc_hash_bytes(const void *p, size_t len)
{
	uint64_t head;

	return hash_head(p, len, &head);
}

void
ismc_strtab_init(struct ismc_strtab *t)
{
	ismc_arena_init(&t->strings);
	t->cap = 256;
	t->count = 0;
	t->slots = ismc_xcalloc(t->cap, sizeof *t->slots);
}

void
ismc_strtab_init_from(struct ismc_strtab *t, const struct ismc_strtab *base)
{
	ismc_arena_init(&t->strings);
	t->cap = base->cap;
	t->count = base->count;
	t->slots = ismc_xreallocarray(NULL, t->cap, sizeof *t->slots);
	memcpy(t->slots, base->slots, t->cap * sizeof *t->slots);
}

void
ismc_strtab_destroy(struct ismc_strtab *t)
{
	free(t->slots);
	t->slots = NULL;
	t->cap = t->count = 0;
	ismc_arena_destroy(&t->strings);
}

static void
grow(struct ismc_strtab *t)
{
	size_t ncap = t->cap * 2, mask = ncap - 1, i, j;
	struct ismc_strtab_slot *n = ismc_xcalloc(ncap, sizeof *n);

	for (i = 0; i < t->cap; i++) {
		if (t->slots[i].str == NULL)
			continue;
		for (j = t->slots[i].hash & mask; n[j].str != NULL;
		    j = (j + 1) & mask)
			continue;
		n[j] = t->slots[i];
	}
	free(t->slots);
	t->slots = n;
	t->cap = ncap;
}

/*
 * Most identifiers of a spec (R-000123, AS-01234, role-07) fit in the
 * slot's first word, so a lookup compares them without reading the
 * string, which for a large spec is a cache miss.
 */
const char *
ismc_strtab_intern(struct ismc_strtab *t, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	struct ismc_strtab_slot *e;
	size_t i, mask;
	uint64_t head;
	uint32_t h;

	h = hash_head(u, len, &head);
	if ((t->count + 1) * 4 > t->cap * 3)
		grow(t);
	mask = t->cap - 1;
	for (i = h & mask; (e = &t->slots[i])->str != NULL;
	    i = (i + 1) & mask) {
		if (e->hash == h && e->len == len && e->head == head &&
		    (len <= 8 || memcmp(e->str + 8, s + 8, len - 8) == 0))
			return e->str;
	}
	e->str = ismc_arena_strndup(&t->strings, s, len);
	e->hash = h;
	e->len = (uint32_t)len;
	e->head = head;
	t->count++;
	return e->str;
}

const char *
ismc_strtab_cstr(struct ismc_strtab *t, const char *s)
{
	return ismc_strtab_intern(t, s, strlen(s));
}
