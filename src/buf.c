/*
 * buf.c - growable byte buffer.
 */
#include <config.h>

#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
ismc_buf_init(struct ismc_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void
ismc_buf_free(struct ismc_buf *b)
{
	free(b->data);
	ismc_buf_init(b);
}

void
ismc_buf_reset(struct ismc_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

static void
reserve(struct ismc_buf *b, size_t extra)
{
	size_t need;

	if (extra > SIZE_MAX - b->len - 1)
		ismc_out_of_memory();
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->data = ismc_xrealloc(b->data, b->cap);
}

void
ismc_buf_add(struct ismc_buf *b, const void *p, size_t n)
{
	reserve(b, n);
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
ismc_buf_addc(struct ismc_buf *b, int c)
{
	char ch = (char)c;

	ismc_buf_add(b, &ch, 1);
}

void
ismc_buf_adds(struct ismc_buf *b, const char *s)
{
	ismc_buf_add(b, s, strlen(s));
}

void
ismc_buf_printf(struct ismc_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *
ismc_buf_cstr(struct ismc_buf *b)
{
	return b->data != NULL ? b->data : "";
}
