/*
 * number.c - reading the language's numbers.
 */
#include <config.h>

#include "number.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static size_t
count_digits(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

static bool
to_int64(const char *s, size_t len, int64_t *out)
{
	int64_t v = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		int d = s[i] - '0';

		if (v > (INT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

/*
 * strtod follows LC_NUMERIC, so the '.' of the spelling becomes the
 * locale's decimal point in a NUL-terminated copy before converting.
 */
static double
to_double(const char *s, size_t len)
{
	const char *dp = localeconv()->decimal_point;
	char small[64], *buf = small;
	size_t dplen, i, n = 0;
	double v;

	if (dp == NULL || *dp == '\0')
		dp = ".";
	dplen = strlen(dp);
	if (len + dplen >= sizeof small)
		buf = ismc_xmalloc(len + dplen + 1);
	for (i = 0; i < len; i++) {
		if (s[i] == '.') {
			memcpy(buf + n, dp, dplen);
			n += dplen;
		} else
			buf[n++] = s[i];
	}
	buf[n] = '\0';
	v = strtod(buf, NULL);
	if (buf != small)
		free(buf);
	return v;
}

enum ismc_number_result
ismc_number_parse(const char *s, size_t len, struct ismc_number *out)
{
	size_t whole = count_digits(s, len), frac;

	memset(out, 0, sizeof *out);
	if (whole == 0)
		return ISMC_NUMBER_SHAPE;
	if (whole == len) {
		out->is_int = true;
		if (!to_int64(s, len, &out->ival))
			return ISMC_NUMBER_RANGE;
		out->num = (double)out->ival;
		return ISMC_NUMBER_OK;
	}
	frac = count_digits(s + whole + 1, len - whole - 1);
	if (s[whole] != '.' || frac == 0 || whole + 1 + frac != len)
		return ISMC_NUMBER_SHAPE;
	out->num = to_double(s, len);
	return isfinite(out->num) ? ISMC_NUMBER_OK : ISMC_NUMBER_RANGE;
}
