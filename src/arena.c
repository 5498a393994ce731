/*
 * arena.c - chained-block bump allocator, one per compilation.
 */
#include <config.h>

#include "arena.h"

#include <stdalign.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define ARENA_ALIGN	alignof(max_align_t)
/* Blocks grow from ARENA_MIN to ARENA_MAX: small compilations stay small,
 * large ones make few calls to the allocator. */
#define ARENA_MIN	(64 * 1024)
#define ARENA_MAX	(4 * 1024 * 1024)

struct ismc_arena_block {
	struct ismc_arena_block	*next;
	size_t			 size;	/* usable bytes after the header */
	alignas(max_align_t) unsigned char data[];
};

void
ismc_arena_init(struct ismc_arena *a)
{
	a->head = NULL;
	a->cur = a->end = NULL;
}

void
ismc_arena_destroy(struct ismc_arena *a)
{
	struct ismc_arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	ismc_arena_init(a);
}

/*
 * Blocks come zeroed from calloc, and the arena never hands out a byte
 * twice, so allocations need no memset of their own. For a fresh block
 * calloc maps new pages, which the kernel zeroes on first touch: the
 * arena writes each byte of a large input's tree once, not twice.
 */
static struct ismc_arena_block *
block_new(size_t size)
{
	struct ismc_arena_block *b;

	if (size > SIZE_MAX - sizeof *b)
		ismc_out_of_memory();
	b = ismc_xcalloc(1, sizeof *b + size);
	b->size = size;
	return b;
}

#ifdef ISMC_ARENA_DEBUG
void *
ismc_arena_alloc_slow(struct ismc_arena *a, size_t n, size_t align)
{
	struct ismc_arena_block *b = block_new(n);

	(void)align;		/* malloc aligns for any object */
	b->next = a->head;
	a->head = b;
	return b->data;
}
#else
/* The next block's size: double the last one's, within the bounds. */
static size_t
next_size(const struct ismc_arena *a, size_t need)
{
	size_t size = a->head != NULL ? a->head->size * 2 : ARENA_MIN;

	if (size > ARENA_MAX)
		size = ARENA_MAX;
	return need > size ? need : size;
}

/* The head block has no room for n bytes aligned to `align`. */
void *
ismc_arena_alloc_slow(struct ismc_arena *a, size_t n, size_t align)
{
	struct ismc_arena_block *b;

	if (n > SIZE_MAX - ARENA_ALIGN)
		ismc_out_of_memory();
	/* Large requests get a block of their own, placed behind the
	 * current one so its free space is not wasted. */
	if (n > ARENA_MIN / 4 && a->head != NULL) {
		b = block_new(n);
		b->next = a->head->next;
		a->head->next = b;
		return b->data;
	}
	b = block_new(next_size(a, n));
	b->next = a->head;
	a->head = b;
	/* The block's data is aligned for any object. */
	(void)align;
	a->cur = b->data + n;
	a->end = b->data + b->size;
	return b->data;
}
#endif

void *
ismc_arena_alloc(struct ismc_arena *a, size_t n)
{
	return ismc_arena_alloc_align(a, n, ARENA_ALIGN);
}

void *
ismc_arena_array(struct ismc_arena *a, size_t n, size_t sz)
{
	return ismc_arena_array_align(a, n, sz, ARENA_ALIGN);
}

void *
ismc_arena_array_align(struct ismc_arena *a, size_t n, size_t sz,
    size_t align)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		ismc_out_of_memory();
	return ismc_arena_alloc_align(a, n * sz, align);
}

char *
ismc_arena_strndup(struct ismc_arena *a, const char *s, size_t len)
{
	char *p;

	if (len == SIZE_MAX)
		ismc_out_of_memory();
	p = ismc_arena_alloc_align(a, len + 1, 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
ismc_arena_strdup(struct ismc_arena *a, const char *s)
{
	return ismc_arena_strndup(a, s, strlen(s));
}

char *
ismc_arena_printf(struct ismc_arena *a, const char *fmt, ...)
{
	va_list ap;
	int len;
	char *p;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		ismc_out_of_memory();
	p = ismc_arena_alloc_align(a, (size_t)len + 1, 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)len + 1, fmt, ap);
	va_end(ap);
	return p;
}
