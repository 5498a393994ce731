/*
 * strtab.c - open-addressing intern table (FNV-1a, linear probing).
 */
#include <config.h>

#include "strtab.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"

uint32_t
ismc_hash_bytes(const void *p, size_t len)
{
	const unsigned char *s = p;
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= s[i];
		h *= 16777619u;
	}
	return h;
}

void
ismc_strtab_init(struct ismc_strtab *t, struct ismc_arena *arena)
{
	t->arena = arena;
	t->cap = 256;
	t->count = 0;
	t->slots = ismc_xcalloc(t->cap, sizeof *t->slots);
	t->hashes = ismc_xcalloc(t->cap, sizeof *t->hashes);
	t->lens = ismc_xcalloc(t->cap, sizeof *t->lens);
}

void
ismc_strtab_destroy(struct ismc_strtab *t)
{
	free(t->slots);
	free(t->hashes);
	free(t->lens);
	t->slots = NULL;
	t->hashes = NULL;
	t->lens = NULL;
	t->cap = t->count = 0;
}

static void
grow(struct ismc_strtab *t)
{
	size_t ncap = t->cap * 2, i, j;
	const char **nslots = ismc_xcalloc(ncap, sizeof *nslots);
	uint32_t *nhashes = ismc_xcalloc(ncap, sizeof *nhashes);
	uint32_t *nlens = ismc_xcalloc(ncap, sizeof *nlens);

	for (i = 0; i < t->cap; i++) {
		if (t->slots[i] == NULL)
			continue;
		j = t->hashes[i] & (ncap - 1);
		while (nslots[j] != NULL)
			j = (j + 1) & (ncap - 1);
		nslots[j] = t->slots[i];
		nhashes[j] = t->hashes[i];
		nlens[j] = t->lens[i];
	}
	free(t->slots);
	free(t->hashes);
	free(t->lens);
	t->slots = nslots;
	t->hashes = nhashes;
	t->lens = nlens;
	t->cap = ncap;
}

const char *
ismc_strtab_intern(struct ismc_strtab *t, const char *s, size_t len)
{
	uint32_t h = ismc_hash_bytes(s, len);
	size_t i;

	if ((t->count + 1) * 4 > t->cap * 3)
		grow(t);
	for (i = h & (t->cap - 1); t->slots[i] != NULL; i = (i + 1) & (t->cap - 1)) {
		if (t->hashes[i] == h && t->lens[i] == len &&
		    memcmp(t->slots[i], s, len) == 0)
			return t->slots[i];
	}
	t->slots[i] = ismc_arena_strndup(t->arena, s, len);
	t->hashes[i] = h;
	t->lens[i] = (uint32_t)len;
	t->count++;
	return t->slots[i];
}

const char *
ismc_strtab_cstr(struct ismc_strtab *t, const char *s)
{
	return ismc_strtab_intern(t, s, strlen(s));
}
