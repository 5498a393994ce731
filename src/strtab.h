/*
 * strtab.h - interned strings.
 *
 * Equal spellings intern to one pointer, so symbol tables hash and compare
 * names by pointer. The table keeps its strings packed in an arena of its
 * own: a large spec looks up millions of identifiers among a few hundred
 * thousand, and packed strings keep those lookups in the cache.
 * Only what is compared belongs here (identifiers, keys, catalog ids):
 * free text is copied into the arena instead, so a large spec's unique
 * descriptions never grow the table.
 */
#ifndef ISMC_STRTAB_H
#define ISMC_STRTAB_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* One slot: a probe reads hash, length and the first eight bytes beside
 * the pointer, and reads the string only past those. */
struct ismc_strtab_slot {
	const char	*str;		/* NULL = empty */
	uint32_t	 hash;
	uint32_t	 len;
	uint64_t	 head;		/* the first bytes, zero-padded */
};

struct ismc_strtab {
	struct ismc_arena	 strings;	/* owns the strings */
	struct ismc_strtab_slot	*slots;		/* open addressing */
	size_t			 cap;		/* power of two */
	size_t			 count;
};

void		 ismc_strtab_init(struct ismc_strtab *);
/* A table that starts with every string of `base`, which it borrows:
 * base must outlive it and take no new strings meanwhile. */
void		 ismc_strtab_init_from(struct ismc_strtab *,
		    const struct ismc_strtab *base);
/* Frees the table and every string interned in it. */
void		 ismc_strtab_destroy(struct ismc_strtab *);
/* Returns the one table-owned copy of s[0..len). s need not be NUL-terminated. */
const char	*ismc_strtab_intern(struct ismc_strtab *, const char *s, size_t len);
const char	*ismc_strtab_cstr(struct ismc_strtab *, const char *s);
uint32_t	 ismc_hash_bytes(const void *, size_t);

#endif
