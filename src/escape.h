/*
 * escape.h - text from input made safe to show on a terminal.
 *
 * A spec, a catalog or a file name can carry control characters (an
 * escape sequence that rewrites the screen), C1 controls, bidirectional
 * overrides that make text read differently from what it is (Trojan
 * Source), invisible or line-breaking characters, and bytes that are not
 * UTF-8. Wherever such text reaches a terminal or a reader (diagnostics,
 * their quoted source lines, `explain`'s output, JSON and SARIF messages)
 * it goes through these, as GCC's -fdiagnostics-escape-format=unicode
 * does: a code point is written <U+202E>, a byte that is not UTF-8 <FF>.
 * Everything else, other scripts and symbols included, is kept.
 */
#ifndef ISMC_ESCAPE_H
#define ISMC_ESCAPE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct ismc_buf;

/* Keep tabs (a quoted source line, where the caret must line up). */
#define ISMC_ESCAPE_KEEP_TAB	0x1

/* Whether a code point may be shown as itself. */
bool	ismc_escape_is_safe(uint32_t cp);
/*
 * Appends the character at s[0..n) to b (or only measures it when b is
 * NULL), escaped if need be. Returns the bytes consumed (at least 1 when
 * n > 0) and sets *width to the columns written, taking one column a code
 * point (a kept tab counts 1).
 */
size_t	ismc_escape_char(struct ismc_buf *b, const char *s, size_t n,
	    unsigned flags, size_t *width);
/* Appends s[0..len), escaped. */
void	ismc_escape_buf(struct ismc_buf *b, const char *s, size_t len,
	    unsigned flags);
/* Writes the string s, escaped, to fp (for stdout printers like explain). */
void	ismc_escape_fputs(const char *s, FILE *fp);
/*
 * fprintf with every %s argument escaped, the format itself written as
 * it is: what a printer of input text to standard output (explain) uses
 * for each line, so that no string it prints can drive the terminal.
 * Takes the conversions s, d, i, u, x, f, g with flags, width, precision
 * and the lengths z and l.
 */
void	ismc_escape_fprintf(FILE *fp, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	ismc_escape_vfprintf(FILE *fp, const char *fmt, va_list ap)
	    __attribute__((format(printf, 2, 0)));

#endif
