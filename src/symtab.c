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

/* The slot holding key, or the empty slot where it would go. */
static struct ismc_symtab_slot *
slot_of(const struct ismc_symtab *t, const char *key)
{
	size_t mask = t->icap - 1, i = ptr_hash(key) & mask;

	while (t->index[i].key != NULL && t->index[i].key != key)
		i = (i + 1) & mask;
	return &t->index[i];
}

void *
ismc_symtab_get(const struct ismc_symtab *t, const char *key)
{
	if (t->index == NULL)
		return NULL;
	return slot_of(t, key)->val;
}

static void
rehash(struct ismc_symtab *t)
{
	struct ismc_symtab_slot *old = t->index;
	size_t ocap = t->icap, i;

	t->icap *= 2;
	t->index = ismc_xcalloc(t->icap, sizeof *t->index);
	for (i = 0; i < ocap; i++)
		if (old[i].key != NULL)
			*slot_of(t, old[i].key) = old[i];
	free(old);
}

void *
ismc_symtab_put(struct ismc_symtab *t, const char *key, void *val)
{
	struct ismc_symtab_slot *e;

	if (t->index == NULL)
		ismc_symtab_init(t);
	e = slot_of(t, key);
	if (e->key != NULL)
		return e->val;
	if (t->count == t->kcap) {
		t->kcap = t->kcap ? t->kcap * 2 : 16;
		t->keys = ismc_xreallocarray(t->keys, t->kcap, sizeof *t->keys);
		t->vals = ismc_xreallocarray(t->vals, t->kcap, sizeof *t->vals);
	}
	t->keys[t->count] = key;
	t->vals[t->count++] = val;
	e->key = key;
	e->val = val;
	if (t->count * 2 > t->icap)
		rehash(t);
	return NULL;
}
