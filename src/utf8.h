/*
 * utf8.h - UTF-8 decoding and the code point classes ismc cares about.
 *
 * Specs, catalogs and messages are UTF-8. The scanner decodes strings and
 * comments with these, the diagnostics escape what could mislead a
 * reader (escape.h), and the checks for Trojan Source text (bidirectional
 * controls, noncharacters) name the code points they find.
 */
#ifndef ISMC_UTF8_H
#define ISMC_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ismc_buf;

/*
 * Length of the well-formed UTF-8 sequence at s[0..n) (no overlongs, no
 * surrogates, nothing past U+10FFFF) with its code point in *cp, or 0.
 */
size_t	ismc_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Appends the UTF-8 encoding of a code point (not a surrogate). */
void	ismc_utf8_put(struct ismc_buf *, uint32_t cp);
/*
 * A bidirectional formatting control (ALM, LRM, RLM, LRE, RLE, PDF, LRO,
 * RLO, LRI, RLI, FSI, PDI): the code points Trojan Source uses to make
 * text read differently from what it is.
 */
bool	ismc_utf8_is_bidi(uint32_t cp);
/* Its Unicode name ("RIGHT-TO-LEFT OVERRIDE"), or NULL if not one. */
const char *ismc_utf8_bidi_name(uint32_t cp);
/* A noncharacter: U+FDD0..U+FDEF and the last two of every plane. */
bool	ismc_utf8_is_noncharacter(uint32_t cp);

/* The scripts whose letters pass for one another (homoglyphs). */
enum ismc_script {
	ISMC_SCRIPT_NONE,		/* not a letter of these */
	ISMC_SCRIPT_MARK,		/* a combining mark: part of a word */
	ISMC_SCRIPT_LATIN,
	ISMC_SCRIPT_GREEK,
	ISMC_SCRIPT_CYRILLIC,
};

enum ismc_script ismc_utf8_script(uint32_t cp);
const char *ismc_utf8_script_name(enum ismc_script);	/* "Cyrillic" */

#endif
