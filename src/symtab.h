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

/* A slot holds the value beside its key: a lookup is one probe sequence
 * in one array. */
struct ismc_symtab_slot {
	const char	*key;		/* NULL = empty */
	void		*val;
};

struct ismc_symtab {
	const char		**keys;		/* dense, in insertion order */
	void			**vals;		/* beside keys */
	size_t			  count;
	size_t			  kcap;
	struct ismc_symtab_slot	 *index;	/* open addressing, at most
						 * half full */
	size_t			  icap;		/* power of two */
};

void	 ismc_symtab_init(struct ismc_symtab *);
void	 ismc_symtab_destroy(struct ismc_symtab *);
/* Returns the value for an interned key, or NULL. */
void	*ismc_symtab_get(const struct ismc_symtab *, const char *key);
/* Inserts key -> val unless key is present; returns the existing value
 * (and inserts nothing) when it is, NULL otherwise. */
void	*ismc_symtab_put(struct ismc_symtab *, const char *key, void *val);

#endif
