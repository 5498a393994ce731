/*
 * ast.c - the syntax tree's text form (--dump-ast) and kind names.
 */
#include <config.h>

#include "ast.h"

#include <inttypes.h>

#include "number.h"

struct ismc_date
ismc_value_date(const struct ismc_value *v)
{
	struct ismc_date d = { 0, 0, 0 };

	(void)ismc_date_parse(v->text, strlen(v->text), &d);
	return d;
}

struct ismc_range
ismc_value_range(const struct ismc_value *v)
{
	struct ismc_range r = { 0, 0 };
	const char *dots = strstr(v->text, "..");
	struct ismc_number lo, hi;

	if (dots != NULL && ismc_number_parse(v->text,
	    (size_t)(dots - v->text), &lo) == ISMC_NUMBER_OK &&
	    ismc_number_parse(dots + 2, strlen(dots + 2), &hi) ==
	    ISMC_NUMBER_OK) {
		r.lo = lo.ival;
		r.hi = hi.ival;
	}
	return r;
}

/* A large spec's tree is made of these: keep them from growing unseen. */
_Static_assert(sizeof(struct ismc_value) <= 32, "struct ismc_value grew");
_Static_assert(sizeof(struct ismc_item) <= 56, "struct ismc_item grew");

const char *
ismc_value_kind_name(enum ismc_value_kind kind)
{
	switch (kind) {
	case ISMC_V_IDENT:
		return "identifier";
	case ISMC_V_QREF:
		return "qualified identifier";
	case ISMC_V_STRING:
		return "string";
	case ISMC_V_NUMBER:
		return "number";
	case ISMC_V_PERCENT:
		return "percentage";
	case ISMC_V_DATE:
		return "date";
	case ISMC_V_RANGE:
		return "range";
	}
	return "value";
}

/* Control bytes are escaped so a dump never drives the terminal. */
void
ismc_write_quoted(FILE *fp, const char *s)
{
	const unsigned char *p;

	fputc('"', fp);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		default:
			if (*p < 0x20 || *p == 0x7F)
				fprintf(fp, "\\x%02x", *p);
			else
				fputc(*p, fp);
			break;
		}
	}
	fputc('"', fp);
}

/* Numbers print their value when integral, else their spelling. */
static void
write_number(FILE *fp, const struct ismc_value *v)
{
	if (v->is_int)
		fprintf(fp, "%" PRId64 "%s", v->ival,
		    v->kind == ISMC_V_PERCENT ? "%" : "");
	else if (v->text != NULL)
		fputs(v->text, fp);
	else
		fprintf(fp, "%g%s", v->num,
		    v->kind == ISMC_V_PERCENT ? "%" : "");
}

static void
write_value(FILE *fp, const struct ismc_value *v)
{
	struct ismc_date d;
	struct ismc_range r;

	switch (v->kind) {
	case ISMC_V_IDENT:
		fputs(v->text, fp);
		break;
	case ISMC_V_QREF:
		fprintf(fp, "%s:%s", v->ns, v->text);
		break;
	case ISMC_V_STRING:
		ismc_write_quoted(fp, v->text);
		break;
	case ISMC_V_NUMBER:
	case ISMC_V_PERCENT:
		write_number(fp, v);
		break;
	case ISMC_V_DATE:
		d = ismc_value_date(v);
		fprintf(fp, "%04d-%02d-%02d", d.year, d.month, d.day);
		break;
	case ISMC_V_RANGE:
		r = ismc_value_range(v);
		fprintf(fp, "%" PRId64 "..%" PRId64, r.lo, r.hi);
		break;
	}
}

static void
indent(FILE *fp, int depth)
{
	int i;

	for (i = 0; i < depth; i++)
		fputs("    ", fp);
}

/*
 * One item per line, "key arg arg {", its body four spaces deeper, then
 * "}". Recursion is bounded by the scanner's nesting limit.
 */
void
ismc_ast_dump(FILE *fp, const struct ismc_item *items, int depth)
{
	const struct ismc_item *it;
	const struct ismc_value *v;

	for (it = items; it != NULL; it = it->next) {
		indent(fp, depth);
		fputs(it->key, fp);
		for (v = it->args; v != NULL; v = ismc_value_next(v)) {
			fputc(' ', fp);
			write_value(fp, v);
		}
		if (!it->has_body) {
			fputc('\n', fp);
			continue;
		}
		fputs(" {\n", fp);
		ismc_ast_dump(fp, it->body, depth + 1);
		indent(fp, depth);
		fputs("}\n", fp);
	}
}
