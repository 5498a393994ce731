/*
 * explain.h - `ismc explain`: one requirement's coverage, for people.
 */
#ifndef ISMC_EXPLAIN_H
#define ISMC_EXPLAIN_H

#include <stdbool.h>
#include <stdio.h>

struct ismc_ir;

/*
 * Prints how requirement `req` of framework `framework` (catalog id or
 * alias) is met or not, from the gap analysis in ir->gap: its status
 * under the policy, every control reaching it with status, relation,
 * strength, provenance and chain, the control's references, measures and
 * evidence, and why it is not full. A group prints its requirements'
 * statuses. Returns false, printing nothing, when ir->gap is NULL or the
 * framework or requirement is unknown.
 */
bool	ismc_explain_print(const struct ismc_ir *, const char *framework,
	    const char *req, FILE *out);

#endif
