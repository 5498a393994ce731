/*
 * date.c - calendar dates: reading, validation, arithmetic, spelling.
 */
#include <config.h>

#include "date.h"

#include <stdio.h>

#include "arena.h"

static bool
leap(long year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
ismc_date_days_in_month(int year, int month)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (month < 1 || month > 12)
		return 0;
	return month == 2 && leap(year) ? 29 : days[month - 1];
}

bool
ismc_date_valid(struct ismc_date d)
{
	return d.day >= 1 && d.day <= ismc_date_days_in_month(d.year, d.month);
}

/* n ASCII digits (isdigit() would follow the locale); -1 if any is not. */
static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

enum ismc_date_result
ismc_date_parse(const char *s, size_t len, struct ismc_date *out)
{
	int y, m, d;

	if (len != ISMC_DATE_BUFSIZE - 1 || s[4] != '-' || s[7] != '-')
		return ISMC_DATE_SHAPE;
	if ((y = digits(s, 4)) < 0 || (m = digits(s + 5, 2)) < 0 ||
	    (d = digits(s + 8, 2)) < 0)
		return ISMC_DATE_SHAPE;
	out->year = y;
	out->month = m;
	out->day = d;
	return ismc_date_valid(*out) ? ISMC_DATE_OK : ISMC_DATE_INVALID;
}

/* Howard Hinnant's days_from_civil. */
long
ismc_date_to_days(struct ismc_date d)
{
	long y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 +
	    d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct ismc_date
ismc_date_from_days(long z)
{
	struct ismc_date d;
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

int
ismc_date_cmp(struct ismc_date a, struct ismc_date b)
{
	long x = ismc_date_to_days(a), y = ismc_date_to_days(b);

	return x < y ? -1 : x > y;
}

struct ismc_date
ismc_date_add_days(struct ismc_date d, long n)
{
	return ismc_date_from_days(ismc_date_to_days(d) + n);
}

struct ismc_date
ismc_date_add_months(struct ismc_date d, long n)
{
	long m = (long)d.year * 12 + (d.month - 1) + n;
	int last;

	d.year = (int)(m >= 0 ? m / 12 : (m - 11) / 12);
	d.month = (int)(m - (long)d.year * 12) + 1;
	last = ismc_date_days_in_month(d.year, d.month);
	if (d.day > last)
		d.day = last;
	return d;
}

void
ismc_date_format(struct ismc_date d, char buf[ISMC_DATE_BUFSIZE])
{
	snprintf(buf, ISMC_DATE_BUFSIZE, "%04d-%02d-%02d", d.year, d.month,
	    d.day);
}

const char *
ismc_date_str(struct ismc_arena *a, struct ismc_date d)
{
	char buf[ISMC_DATE_BUFSIZE];

	ismc_date_format(d, buf);
	return ismc_arena_strdup(a, buf);
}
