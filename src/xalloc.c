/*
 * xalloc.c - checked allocation; see xalloc.h for why it exits.
 */
#include <config.h>

#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void
ismc_out_of_memory(void)
{
	static const char msg[] = "ismc: fatal error: out of memory\n";

	/* stdio may itself need memory; write(2) does not. */
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
		/* nothing left to report with */
	}
	_exit(2);
}

void *
ismc_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		ismc_out_of_memory();
	return p;
}

void *
ismc_xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL)
		ismc_out_of_memory();
	return p;
}

void *
ismc_xrealloc(void *old, size_t n)
{
	void *p = realloc(old, n ? n : 1);

	if (p == NULL)
		ismc_out_of_memory();
	return p;
}

void *
ismc_xreallocarray(void *old, size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		ismc_out_of_memory();
	return ismc_xrealloc(old, n * sz);
}

char *
ismc_xstrdup(const char *s)
{
	size_t len = strlen(s) + 1;

	return memcpy(ismc_xmalloc(len), s, len);
}
