/*
 * strtab.h - interned strings.
 *
 * Equal spellings intern to one pointer, so symbol tables hash and compare
 * names by pointer. Interned strings live in the compilation's arena.
 */
#ifndef ISMC_STRTAB_H
#define ISMC_STRTAB_H

#include <stddef.h>
#include <stdint.h>

struct ismc_arena;

struct ismc_strtab {
	struct ismc_arena	 *arena;	/* borrowed; owns the strings */
	const char		**slots;	/* open addressing; NULL = empty */
	uint32_t		 *hashes;
	uint32_t		 *lens;		/* so a probe never reads past
						 * a shorter string */
	size_t			  cap;		/* power of two */
	size_t			  count;
};

void		 ismc_strtab_init(struct ismc_strtab *, struct ismc_arena *);
void		 ismc_strtab_destroy(struct ismc_strtab *);
/* Returns the one arena-owned copy of s[0..len). s need not be NUL-terminated. */
const char	*ismc_strtab_intern(struct ismc_strtab *, const char *s, size_t len);
const char	*ismc_strtab_cstr(struct ismc_strtab *, const char *s);
uint32_t	 ismc_hash_bytes(const void *, size_t);

#endif
