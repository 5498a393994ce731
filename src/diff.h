/*
 * diff.h - what changed between two compiled specs: the summary a
 * reviewer wants on a change (coverage per framework, gaps opened and
 * closed, controls whose status moved, risks whose score moved).
 */
#ifndef ISMC_DIFF_H
#define ISMC_DIFF_H

#include <stdio.h>

struct ismc_ir;

/* Writes the comparison as Markdown; the names label the two sides. */
void	ismc_diff_print(const struct ismc_ir *old, const struct ismc_ir *new,
	    const char *old_name, const char *new_name, FILE *out);

#endif
