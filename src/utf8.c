/*
 * utf8.c - UTF-8 decoding and code point classes.
 */
#include <config.h>

#include "utf8.h"

#include "buf.h"

size_t
ismc_utf8_decode(const unsigned char *s, size_t n, uint32_t *cpp)
{
	uint32_t cp;
	size_t len, k;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cpp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		cp = s[0] & 0x1Fu;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		cp = s[0] & 0x0Fu;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		cp = s[0] & 0x07u;
	} else
		return 0;
	if (n < len)
		return 0;
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[k] & 0x3Fu);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	*cpp = cp;
	return len;
}

void
ismc_utf8_put(struct ismc_buf *b, uint32_t cp)
{
	if (cp < 0x80) {
		ismc_buf_addc(b, (int)cp);
	} else if (cp < 0x800) {
		ismc_buf_addc(b, (int)(0xC0 | cp >> 6));
		ismc_buf_addc(b, (int)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		ismc_buf_addc(b, (int)(0xE0 | cp >> 12));
		ismc_buf_addc(b, (int)(0x80 | (cp >> 6 & 0x3F)));
		ismc_buf_addc(b, (int)(0x80 | (cp & 0x3F)));
	} else {
		ismc_buf_addc(b, (int)(0xF0 | cp >> 18));
		ismc_buf_addc(b, (int)(0x80 | (cp >> 12 & 0x3F)));
		ismc_buf_addc(b, (int)(0x80 | (cp >> 6 & 0x3F)));
		ismc_buf_addc(b, (int)(0x80 | (cp & 0x3F)));
	}
}

static const struct bidi {
	uint32_t	 cp;
	const char	*name;
} bidi[] = {
	{ 0x061C, "ARABIC LETTER MARK" },
	{ 0x200E, "LEFT-TO-RIGHT MARK" },
	{ 0x200F, "RIGHT-TO-LEFT MARK" },
	{ 0x202A, "LEFT-TO-RIGHT EMBEDDING" },
	{ 0x202B, "RIGHT-TO-LEFT EMBEDDING" },
	{ 0x202C, "POP DIRECTIONAL FORMATTING" },
	{ 0x202D, "LEFT-TO-RIGHT OVERRIDE" },
	{ 0x202E, "RIGHT-TO-LEFT OVERRIDE" },
	{ 0x2066, "LEFT-TO-RIGHT ISOLATE" },
	{ 0x2067, "RIGHT-TO-LEFT ISOLATE" },
	{ 0x2068, "FIRST STRONG ISOLATE" },
	{ 0x2069, "POP DIRECTIONAL ISOLATE" },
};

const char *
ismc_utf8_bidi_name(uint32_t cp)
{
	size_t i;

	if (cp < 0x061C || cp > 0x2069)
		return NULL;
	for (i = 0; i < sizeof bidi / sizeof *bidi; i++)
		if (bidi[i].cp == cp)
			return bidi[i].name;
	return NULL;
}

bool
ismc_utf8_is_bidi(uint32_t cp)
{
	return ismc_utf8_bidi_name(cp) != NULL;
}

bool
ismc_utf8_is_noncharacter(uint32_t cp)
{
	return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

/* The blocks of Unicode's Latin, Greek and Cyrillic letters, less the
 * few symbols among them (x and division signs, Greek punctuation). */
enum ismc_script
ismc_utf8_script(uint32_t cp)
{
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	    (cp >= 0x00C0 && cp <= 0x024F && cp != 0x00D7 && cp != 0x00F7) ||
	    (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2C60 && cp <= 0x2C7F) ||
	    (cp >= 0xA720 && cp <= 0xA7FF) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
	    (cp >= 0xFF41 && cp <= 0xFF5A))
		return ISMC_SCRIPT_LATIN;
	if ((cp >= 0x0370 && cp <= 0x03FF && cp != 0x037E && cp != 0x0387) ||
	    (cp >= 0x1F00 && cp <= 0x1FFF))
		return ISMC_SCRIPT_GREEK;
	if ((cp >= 0x0400 && cp <= 0x052F) || (cp >= 0x1C80 && cp <= 0x1C8F) ||
	    (cp >= 0x2DE0 && cp <= 0x2DFF) || (cp >= 0xA640 && cp <= 0xA69F))
		return ISMC_SCRIPT_CYRILLIC;
	if (cp >= 0x0300 && cp <= 0x036F)
		return ISMC_SCRIPT_MARK;
	return ISMC_SCRIPT_NONE;
}

const char *
ismc_utf8_script_name(enum ismc_script s)
{
	switch (s) {
	case ISMC_SCRIPT_LATIN:
		return "Latin";
	case ISMC_SCRIPT_GREEK:
		return "Greek";
	case ISMC_SCRIPT_CYRILLIC:
		return "Cyrillic";
	default:
		return "other";
	}
}
