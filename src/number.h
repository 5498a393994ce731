/*
 * number.h - numbers as the language writes them: ASCII digits, and
 * optionally a '.' followed by more digits.
 *
 * One reader for the scanner and the command line, so that what a spec
 * refuses (signs, blanks, exponents, hexadecimal, nan, inf) the command
 * line refuses too.
 */
#ifndef ISMC_NUMBER_H
#define ISMC_NUMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ismc_number {
	double	 num;
	int64_t	 ival;		/* when is_int */
	bool	 is_int;	/* no fraction written */
};

enum ismc_number_result {
	ISMC_NUMBER_OK,
	ISMC_NUMBER_SHAPE,	/* not DIGITS or DIGITS.DIGITS */
	ISMC_NUMBER_RANGE,	/* an integer past INT64_MAX, a decimal
				 * past DBL_MAX */
};

/* Reads exactly len bytes; need not be NUL-terminated. */
enum ismc_number_result ismc_number_parse(const char *, size_t len,
	    struct ismc_number *);

#endif
