/*
 * symtab.c - pointer-keyed hash map with insertion order.
 */
#include <config.h>

#include "symtab.h"

#include <stdint.h>
#include <stdlib.h>

#include "xalloc.h"

static size_t
ptr_hash(const char *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

void
ismc_symtab_init(struct ismc_symtab *t)
{
	t->keys = NULL;
	t->vals = NULL;
	t->count = t->kcap = 0;
	t->icap = 16;
	t->index = ismc_xcalloc(t->icap, sizeof *t->index);
}

void
ismc_symtab_destroy(struct ismc_symtab *t)
{
	free(t->keys);
	free(t->vals);
	free(t->index);
	t->keys = NULL;
	t->vals = NULL;
	t->index = NULL;
	t->count = t->kcap = t->icap = 0;
}

static size_t
slot_of(const struct ismc_symtab *t, const char *key)
{
	size_t i = ptr_hash(key) & (t->icap - 1);

	while (t->index[i] != 0 && t->keys[t->index[i] - 1] != key)
		i = (i + 1) & (t->icap - 1);
	return i;
}

void *
ismc_symtab_get(const struct ismc_symtab *t, const char *key)
{
	size_t i;

	if (t->index == NULL)
		return NULL;
	i = slot_of(t, key);
	return t->index[i] ? t->vals[t->index[i] - 1] : NULL;
}

static void
rehash(struct ismc_symtab *t)
{
	size_t k;

	free(t->index);
	t->icap *= 2;
	t->index = ismc_xcalloc(t->icap, sizeof *t->index);
	for (k = 0; k < t->count; k++)
		t->index[slot_of(t, t->keys[k])] = k + 1;
}

void *
ismc_symtab_put(struct ismc_symtab *t, const char *key, void *val)
{
	size_t i;

	if (t->index == NULL)
		ismc_symtab_init(t);
	i = slot_of(t, key);
	if (t->index[i] != 0)
		return t->vals[t->index[i] - 1];
	if (t->count == t->kcap) {
		t->kcap = t->kcap ? t->kcap * 2 : 16;
		t->keys = ismc_xreallocarray(t->keys, t->kcap, sizeof *t->keys);
		t->vals = ismc_xreallocarray(t->vals, t->kcap, sizeof *t->vals);
	}
	t->keys[t->count] = key;
	t->vals[t->count] = val;
	t->count++;
	t->index[i] = t->count;
	if (t->count * 2 > t->icap)
		rehash(t);
	return NULL;
}
