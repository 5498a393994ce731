/*
 * text-bound.h - input text made safe and cheap to typeset: bounded in
 * size, its bidirectional controls balanced and the whole isolated.
 *
 * Pango's time grows faster than linearly on some text well inside the
 * spec's 1 MiB string limit: a long run of combining marks on one
 * character, one very long word, thousands of short lines. The PDF and
 * the charts therefore typeset at most a bounded prefix of each string,
 * ended by a visible ellipsis, with at most a few combining marks on each
 * character (doc/limits.md).
 *
 * Bidirectional controls from a spec (RLO and the like: "Trojan Source")
 * must not reach beyond their string: every opener is closed at the end
 * of the string, closers without an opener are dropped, and the string is
 * wrapped in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE, so that a
 * title with an override never reverses the running footer it is part of.
 */
#ifndef ISMC_TEXT_BOUND_H
#define ISMC_TEXT_BOUND_H

#include <stdbool.h>
#include <stddef.h>

struct ismc_text_limits {
	size_t	max_bytes;	/* of the text kept (0: no limit) */
	size_t	max_lines;	/* lines kept (0: no limit) */
	size_t	max_marks;	/* combining marks kept on one character */
};

/* What a table cell, a paragraph and a running header or footer keep. */
extern const struct ismc_text_limits ismc_text_cell, ismc_text_para,
    ismc_text_line;

/* Why a text was changed (ismc_text_bound's *what), as bits. */
#define ISMC_TEXT_CUT		0x1u	/* shortened, an ellipsis at the end */
#define ISMC_TEXT_MARKS		0x2u	/* combining marks left out */

/*
 * Returns a heap copy of s[0..len) within `lim`, its bidi controls
 * balanced, isolated with FSI ... PDI; *what (may be NULL) gets the
 * ISMC_TEXT_* bits of what was changed. Invalid UTF-8 becomes U+FFFD.
 * Linear in len.
 */
char	*ismc_text_bound(const char *s, size_t len,
	    const struct ismc_text_limits *lim, unsigned *what);

#endif
