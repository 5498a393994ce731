/*
 * confusable.h - identifiers that look like one another.
 *
 * Identifiers are ASCII, so a homoglyph from another script cannot hide
 * in one; but 0 and O, 1, l and I, rn and m can: a treatment plan naming
 * R-0O1 reads as R-001 to a reviewer (Trojan Source by plain letters).
 * Each identifier is reduced to its skeleton, as Unicode's UTS #39 does
 * with its table of confusables, restricted to these ASCII ones:
 *
 *	0 -> O		1, I -> l		rn -> m
 *
 * and two different identifiers with one skeleton are confusable. The
 * table keeps the first identifier of each skeleton, by hash, with where
 * it was first seen.
 */
#ifndef ISMC_CONFUSABLE_H
#define ISMC_CONFUSABLE_H

#include <stddef.h>
#include <stdint.h>

#include "source.h"

struct ismc_confusable_slot {
	uint64_t	 hash;		/* of the skeleton; 0 = empty */
	const char	*id;		/* interned */
	uint32_t	 file;		/* first seen there */
	uint32_t	 start;
};

struct ismc_confusables {
	struct ismc_confusable_slot *slots;
	size_t		 cap;		/* power of two, or 0 */
	size_t		 count;
};

void	ismc_confusables_init(struct ismc_confusables *);
void	ismc_confusables_destroy(struct ismc_confusables *);
/*
 * Records the interned identifier id[0..len), first seen at span. Returns
 * an earlier, different identifier with the same skeleton (its first span
 * in *was), or NULL.
 */
const char *ismc_confusables_add(struct ismc_confusables *, const char *id,
	    size_t len, struct ismc_span span, struct ismc_span *was);

#endif
