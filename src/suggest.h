/*
 * suggest.h - "did you mean ...?" for near misses.
 */
#ifndef ISMC_SUGGEST_H
#define ISMC_SUGGEST_H

#include <stddef.h>

/* Past this many errors nobody reads "did you mean", and searching every
 * name for each of a flood of unknown references would take time
 * quadratic in the input (with --max-errors=0): callers stop suggesting. */
#define ISMC_SUGGEST_MAX_ERRORS	1000

struct ismc_suggest {
	const char	*want;		/* the misspelling */
	const char	*best;		/* closest candidate so far, or NULL */
	size_t		 best_dist;
	size_t		 limit;		/* largest distance worth suggesting */
};

void	 ismc_suggest_init(struct ismc_suggest *, const char *want);
/* Offers one candidate; keeps the closest (first one wins ties). */
void	 ismc_suggest_offer(struct ismc_suggest *, const char *candidate);
/* The suggestion, or NULL when nothing is close enough. */
const char *ismc_suggest_result(const struct ismc_suggest *);
/* Edit distance (insert, delete, substitute, swap adjacent), capped at cap + 1. */
size_t	 ismc_edit_distance(const char *, const char *, size_t cap);

#endif
