/*
 * symtab.h - maps interned names to values.
 *
 * Keys are interned pointers, so lookup hashes the pointer and never
 * compares characters. Insertion order is kept, which makes iteration
 * deterministic whatever the hash layout.
 */
#ifndef ISMC_SYMTAB_H
#define ISMC_SYMTAB_H

#include <stddef.h>

struct ismc_symtab {
	const char	**keys;		/* dense, in insertion order */
	void		**vals;
	size_t		  count;
	size_t		  kcap;
	size_t		 *index;	/* open addressing: 1 + position in keys */
	size_t		  icap;		/* power of two */
};

void	 ismc_symtab_init(struct ismc_symtab *);
void	 ismc_symtab_destroy(struct ismc_symtab *);
/* Returns the value for an interned key, or NULL. */
void	*ismc_symtab_get(const struct ismc_symtab *, const char *key);
/* Inserts key -> val unless key is present; returns the existing value
 * (and inserts nothing) when it is, NULL otherwise. */
void	*ismc_symtab_put(struct ismc_symtab *, const char *key, void *val);

#endif
