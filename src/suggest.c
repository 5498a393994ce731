/*
 * suggest.c - bounded Damerau-Levenshtein distance for suggestions.
 */
#include <config.h>

#include "suggest.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>


#define SUGGEST_MAX_LEN	64	/* longer names are never "near misses" */

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

size_t
ismc_edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b), i, j, d;
	size_t row[3][SUGGEST_MAX_LEN + 1];
	size_t *prev2 = row[0], *prev = row[1], *cur = row[2], *t;

	if (la > SUGGEST_MAX_LEN || lb > SUGGEST_MAX_LEN)
		return cap + 1;
	if ((la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		size_t best = (size_t)-1;

		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			int same = tolower((unsigned char)a[i - 1]) ==
			    tolower((unsigned char)b[j - 1]);

			d = min3(prev[j] + 1, cur[j - 1] + 1,
			    prev[j - 1] + (same ? 0 : 1));
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
			if (d < best)
				best = d;
		}
		if (best > cap)
			return cap + 1;
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb] > cap ? cap + 1 : prev[lb];
}

void
ismc_suggest_init(struct ismc_suggest *s, const char *want)
{
	size_t len = strlen(want);

	s->want = want;
	s->best = NULL;
	/* One edit per three characters, at least one, at most three: close
	 * enough to be a typo, far enough not to suggest nonsense. */
	s->limit = len / 3;
	if (s->limit < 1)
		s->limit = 1;
	if (s->limit > 3)
		s->limit = 3;
	s->best_dist = s->limit + 1;
}

/* Same letters in another order: the typo is a swap, the likeliest kind. */
static bool
same_letters(const char *a, const char *b)
{
	size_t count[256] = { 0 };

	for (; *a != '\0'; a++)
		count[(unsigned char)*a]++;
	for (; *b != '\0'; b++)
		if (count[(unsigned char)*b]-- == 0)
			return false;
	return true;
}

/* Is `cand` a better suggestion than the current best at equal distance? */
static bool
better_tie(const struct ismc_suggest *s, const char *cand)
{
	size_t lw = strlen(s->want);
	bool cand_len = strlen(cand) == lw, best_len = strlen(s->best) == lw;

	/* Prefer the same length ("A.5.51" is more likely a swapped "A.5.15"
	 * than a stretched "A.5.1"), then the same letters. */
	if (cand_len != best_len)
		return cand_len;
	return cand_len && same_letters(s->want, cand) &&
	    !same_letters(s->want, s->best);
}

void
ismc_suggest_offer(struct ismc_suggest *s, const char *candidate)
{
	size_t d;

	if (candidate == NULL || strcmp(candidate, s->want) == 0)
		return;
	d = ismc_edit_distance(s->want, candidate, s->limit);
	if (d < s->best_dist || (d == s->best_dist && s->best != NULL &&
	    better_tie(s, candidate))) {
		s->best = candidate;
		s->best_dist = d;
	}
}

const char *
ismc_suggest_result(const struct ismc_suggest *s)
{
	return s->best;
}
