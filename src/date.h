/*
 * date.h - calendar dates as the language writes them (YYYY-MM-DD).
 *
 * One reader for the scanner and the command line, so that a date the
 * spec would refuse is refused by --as-of too; day arithmetic for
 * deadlines and evidence validity; one spelling for every output.
 */
#ifndef ISMC_DATE_H
#define ISMC_DATE_H

#include <stdbool.h>
#include <stddef.h>

struct ismc_arena;

struct ismc_date {
	int	year;		/* 0-9999 as written */
	int	month;		/* 1-12 */
	int	day;		/* 1-31 */
};

/* "YYYY-MM-DD" and its NUL. */
#define ISMC_DATE_BUFSIZE	11

enum ismc_date_result {
	ISMC_DATE_OK,
	ISMC_DATE_SHAPE,	/* not four, two and two ASCII digits */
	ISMC_DATE_INVALID,	/* well formed, but no such day */
};

/*
 * Reads exactly len bytes as YYYY-MM-DD: no sign, no blanks, no more or
 * fewer digits. The fields are filled in whenever the shape is right, so
 * a caller can still use an impossible date after reporting it.
 */
enum ismc_date_result ismc_date_parse(const char *, size_t len,
	    struct ismc_date *);
bool	ismc_date_valid(struct ismc_date);
int	ismc_date_days_in_month(int year, int month);
/* Days since 1970-01-01, proleptic Gregorian; and back. */
long	ismc_date_to_days(struct ismc_date);
struct ismc_date ismc_date_from_days(long);
int	ismc_date_cmp(struct ismc_date, struct ismc_date);
struct ismc_date ismc_date_add_days(struct ismc_date, long);
/* Calendar months later; a day past the end of the month it lands in
 * becomes that month's last day (2026-01-31 + 1 month = 2026-02-28). */
struct ismc_date ismc_date_add_months(struct ismc_date, long);
/* "2026-06-30": the one spelling of a date in every output. */
void	ismc_date_format(struct ismc_date, char buf[ISMC_DATE_BUFSIZE]);
const char *ismc_date_str(struct ismc_arena *, struct ismc_date);

#endif
