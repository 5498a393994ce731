/*
 * fmt.h - `ismc fmt`: the canonical layout of a spec file.
 *
 * Works from the syntax tree and the bytes between its tokens, which hold
 * nothing but blanks, line ends, punctuation and comments: so every
 * comment is kept without the scanner having to record them. The layout
 * (doc/language.md, "Canonical layout") is a fixed point: formatting a
 * formatted file changes nothing, and it never changes what a spec means.
 */
#ifndef ISMC_FMT_H
#define ISMC_FMT_H

#include <stdbool.h>
#include <stdint.h>

struct ismc_buf;
struct ismc_compilation;
struct ismc_item;
struct ismc_options;

/*
 * Appends the canonical layout of the loaded source `file`, whose items
 * were parsed without errors. Returns false after reporting when the text
 * between tokens holds something the formatter does not expect.
 */
bool	ismc_fmt_format(struct ismc_compilation *, uint32_t file,
	    const struct ismc_item *items, struct ismc_buf *out);
/*
 * `ismc fmt [--check] FILE...`: rewrites each file that is not in the
 * canonical layout ("-": standard input to standard output), or with
 * --check reports each such file as an error. Returns the exit status.
 */
int	ismc_fmt_run(const struct ismc_options *);

#endif
