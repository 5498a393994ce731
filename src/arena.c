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
#define ARENA_BLOCK	(64 * 1024)

struct ismc_arena_block {
	struct ismc_arena_block	*next;
	size_t			 size;	/* usable bytes after the header */
	size_t			 used;
	alignas(max_align_t) unsigned char data[];
};

void
ismc_arena_init(struct ismc_arena *a)
{
	a->head = NULL;
	a->used = 0;
}

void
ismc_arena_destroy(struct ismc_arena *a)
{
	struct ismc_arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->used = 0;
}

static struct ismc_arena_block *
block_new(size_t size)
{
	struct ismc_arena_block *b;

	if (size > SIZE_MAX - sizeof *b)
		ismc_out_of_memory();
	b = ismc_xmalloc(sizeof *b + size);
	b->size = size;
	b->used = 0;
	return b;
}

#ifdef ISMC_ARENA_DEBUG
void *
ismc_arena_alloc(struct ismc_arena *a, size_t n)
{
	struct ismc_arena_block *b = block_new(n);

	b->used = n;
	b->next = a->head;
	a->head = b;
	a->used += n;
	memset(b->data, 0, n);
	return b->data;
}
#else
void *
ismc_arena_alloc(struct ismc_arena *a, size_t n)
{
	struct ismc_arena_block *b = a->head;
	size_t need;

	if (n > SIZE_MAX - ARENA_ALIGN)
		ismc_out_of_memory();
	need = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (b == NULL || b->size - b->used < need) {
		/* Large requests get a block of their own, placed behind the
		 * current one so its free space is not wasted. */
		if (need > ARENA_BLOCK / 4 && b != NULL) {
			struct ismc_arena_block *big = block_new(need);

			big->used = need;
			big->next = b->next;
			b->next = big;
			a->used += n;
			memset(big->data, 0, n);
			return big->data;
		}
		b = block_new(need > ARENA_BLOCK ? need : ARENA_BLOCK);
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += need;
	a->used += n;
	memset(p, 0, n);
	return p;
}
#endif

void *
ismc_arena_array(struct ismc_arena *a, size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		ismc_out_of_memory();
	return ismc_arena_alloc(a, n * sz);
}

char *
ismc_arena_strndup(struct ismc_arena *a, const char *s, size_t len)
{
	char *p;

	if (len == SIZE_MAX)
		ismc_out_of_memory();
	p = ismc_arena_alloc(a, len + 1);
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
	p = ismc_arena_alloc(a, (size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)len + 1, fmt, ap);
	va_end(ap);
	return p;
}
