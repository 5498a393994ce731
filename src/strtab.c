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

/*
 * Eight bytes a step, each word mixed by a multiply and a shift: the
 * identifiers of a spec are short, and a byte-at-a-time hash is a chain
 * of multiplies as long as the name. Words are read little-endian so the
 * value, like the table's layout, is the same on every machine.
 */
static uint64_t
load_le(const unsigned char *s, size_t n)
{
	uint64_t w = 0;
	size_t i;

	for (i = n; i > 0; i--)
		w = w << 8 | s[i - 1];
	return w;
}

static uint64_t
mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * MIX;
	return h ^ h >> 32;
}

uint32_t
ismc_hash_bytes(const void *p, size_t len)
{
	const unsigned char *s = p;
	uint64_t h = len * MIX;

	for (; len >= 8; s += 8, len -= 8)
		h = mix(h, load_le(s, 8));
	if (len > 0)
		h = mix(h, load_le(s, len));
	return (uint32_t)mix(h, h >> 29);
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

const char *
ismc_strtab_intern(struct ismc_strtab *t, const char *s, size_t len)
{
	uint32_t h = ismc_hash_bytes(s, len);
	struct ismc_strtab_slot *e;
	size_t i, mask;

	if ((t->count + 1) * 4 > t->cap * 3)
		grow(t);
	mask = t->cap - 1;
	for (i = h & mask; (e = &t->slots[i])->str != NULL;
	    i = (i + 1) & mask) {
		if (e->hash == h && e->len == len &&
		    memcmp(e->str, s, len) == 0)
			return e->str;
	}
	e->str = ismc_arena_strndup(&t->strings, s, len);
	e->hash = h;
	e->len = (uint32_t)len;
	t->count++;
	return e->str;
}

const char *
ismc_strtab_cstr(struct ismc_strtab *t, const char *s)
{
	return ismc_strtab_intern(t, s, strlen(s));
}
