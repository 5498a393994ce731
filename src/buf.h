/*
 * buf.h - growable byte buffer (heap-owned; the holder calls ismc_buf_free).
 */
#ifndef ISMC_BUF_H
#define ISMC_BUF_H

#include <stddef.h>

struct ismc_buf {
	char	*data;	/* always NUL-terminated when len > 0 */
	size_t	 len;
	size_t	 cap;
};

void	ismc_buf_init(struct ismc_buf *);
void	ismc_buf_free(struct ismc_buf *);
void	ismc_buf_reset(struct ismc_buf *);
void	ismc_buf_add(struct ismc_buf *, const void *, size_t);
void	ismc_buf_addc(struct ismc_buf *, int);
void	ismc_buf_adds(struct ismc_buf *, const char *);
void	ismc_buf_printf(struct ismc_buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* The contents as a C string ("" when empty); borrowed until the next change. */
const char *ismc_buf_cstr(struct ismc_buf *);

#endif
