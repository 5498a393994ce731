/*
 * xalloc.h - allocation that never returns NULL.
 *
 * A batch compiler has nothing useful to do when memory runs out, so these
 * print "ismc: out of memory" and exit with status 2 instead of threading
 * NULL checks through every caller.
 */
#ifndef ISMC_XALLOC_H
#define ISMC_XALLOC_H

#include <stddef.h>

void	*ismc_xmalloc(size_t) __attribute__((malloc, warn_unused_result));
void	*ismc_xcalloc(size_t, size_t) __attribute__((malloc, warn_unused_result));
void	*ismc_xrealloc(void *, size_t) __attribute__((warn_unused_result));
/* realloc for n objects of size sz, checking n * sz for overflow. */
void	*ismc_xreallocarray(void *, size_t n, size_t sz)
	    __attribute__((warn_unused_result));
char	*ismc_xstrdup(const char *) __attribute__((malloc, warn_unused_result));
_Noreturn void ismc_out_of_memory(void);

#endif
