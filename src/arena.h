/*
 * arena.h - one arena per compilation.
 *
 * Every AST node, catalog entry, IR object and interned string lives in the
 * compilation's arena and dies with it, so no error path needs cleanup code.
 * With ISMC_ARENA_DEBUG each allocation is its own malloc block, so the
 * sanitizers and valgrind see overflows between neighbours.
 */
#ifndef ISMC_ARENA_H
#define ISMC_ARENA_H

#include <stddef.h>
#include <stdint.h>

struct ismc_arena_block;

struct ismc_arena {
	struct ismc_arena_block	*head;	/* newest block first */
	unsigned char		*cur;	/* free space of the head block */
	unsigned char		*end;
};

void	 ismc_arena_init(struct ismc_arena *);
void	 ismc_arena_destroy(struct ismc_arena *);
/* Zeroed, aligned for any object; never returns NULL (aborts on OOM). */
void	*ismc_arena_alloc(struct ismc_arena *, size_t);
/* What ismc_arena_alloc_align does when the head block is full. */
void	*ismc_arena_alloc_slow(struct ismc_arena *, size_t, size_t align);

/*
 * Zeroed, aligned to `align` (a power of two no larger than that of
 * max_align_t): what ISMC_NEW uses, so small objects pack tightly. The
 * common case, room in the head block, is a few instructions inline: a
 * large spec allocates millions of small nodes.
 */
static inline void *
ismc_arena_alloc_align(struct ismc_arena *a, size_t n, size_t align)
{
#ifndef ISMC_ARENA_DEBUG
	uintptr_t p = ((uintptr_t)a->cur + align - 1) & ~(uintptr_t)(align - 1);

	if (a->cur != NULL && p <= (uintptr_t)a->end &&
	    (uintptr_t)a->end - p >= n) {
		a->cur = (unsigned char *)p + n;
		return (void *)p;
	}
#endif
	return ismc_arena_alloc_slow(a, n, align);
}

/* As above for n objects of size sz; aborts if n * sz overflows. */
void	*ismc_arena_array(struct ismc_arena *, size_t n, size_t sz);
/* The same, aligned to `align` only (ISMC_NEW_ARRAY): an array of 8-byte
 * aligned objects after a 56-byte one leaves no padding. */
void	*ismc_arena_array_align(struct ismc_arena *, size_t n, size_t sz,
	    size_t align);
/* Copies len bytes and appends a NUL. */
char	*ismc_arena_strndup(struct ismc_arena *, const char *, size_t len);
char	*ismc_arena_strdup(struct ismc_arena *, const char *);
char	*ismc_arena_printf(struct ismc_arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#define ISMC_NEW(a, type) \
	((type *)ismc_arena_alloc_align((a), sizeof(type), _Alignof(type)))
#define ISMC_NEW_ARRAY(a, type, n) \
	((type *)ismc_arena_array_align((a), (n), sizeof(type), \
	    _Alignof(type)))

#endif
