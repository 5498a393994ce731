/*
 * test-lexer.c - the scanner: token kinds, spans and values for every
 * token class, terminator insertion, and the exact text of every lexical
 * error.
 *
 * The scanner is driven directly (through the same entry points as
 * src/parse.c) so spans and values can be checked token by token.
 */
#include <config.h>

#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#include "grammar/parser.h"
#include "lexctx.h"

#define MAXTOK	256

struct tok {
	int			 kind;
	struct ismc_span	 span;
	struct ismc_value	 val;	/* the token's value, when it has one */
	const struct ismc_value	*v;	/* &val for value tokens, else NULL */
};

static struct ismc_test t;
static struct tok toks[MAXTOK];
static size_t ntoks;
static char kinds_buf[MAXTOK + 1];

static void
setup(void)
{
	ismc_test_init(&t);
}

static void
teardown(void)
{
	ismc_test_fini(&t);
}

TestSuite(lexer, .init = setup, .fini = teardown);

static bool
has_value(int kind)
{
	switch (kind) {
	case TOK_IDENT:
	case TOK_QREF:
	case TOK_STRING:
	case TOK_NUMBER:
	case TOK_PERCENT:
	case TOK_DATE:
	case TOK_RANGE:
		return true;
	}
	return false;
}

/* Scans text[0..len) as ISMC_TEST_FILE to end of file into toks[]. */
static size_t
lex_len(const char *text, size_t len)
{
	uint32_t file = ismc_test_add_len(&t, ISMC_TEST_FILE, text, len);
	struct ismc_lexctx ctx;
	ISMC_YYSTYPE val;
	ISMC_YYLTYPE loc;
	void *scanner;
	int kind;

	ntoks = 0;
	scanner = ismc_lex_open(&ctx, &t.comp, file);
	do {
		memset(&val, 0, sizeof val);
		kind = ismc_yylex(&val, &loc, scanner);
		cr_assert_lt(ntoks, MAXTOK, "too many tokens");
		toks[ntoks].kind = kind;
		toks[ntoks].span = loc;
		toks[ntoks].val = val.tok;
		toks[ntoks].v = has_value(kind) ? &toks[ntoks].val : NULL;
		ntoks++;
	} while (kind != TOK_YYEOF);
	ismc_lex_close(scanner);
	return ntoks;
}

static size_t
lex(const char *text)
{
	return lex_len(text, strlen(text));
}

static char
kind_char(int kind)
{
	switch (kind) {
	case TOK_YYEOF:		return '$';
	case TOK_IDENT:		return 'i';
	case TOK_QREF:		return 'q';
	case TOK_STRING:	return 's';
	case TOK_NUMBER:	return 'n';
	case TOK_PERCENT:	return 'p';
	case TOK_DATE:		return 'd';
	case TOK_RANGE:		return 'r';
	case TOK_LBRACE:	return '{';
	case TOK_RBRACE:	return '}';
	case TOK_LBRACKET:	return '[';
	case TOK_RBRACKET:	return ']';
	case TOK_COMMA:		return ',';
	case TOK_SEMI:		return ';';
	default:		return '?';
	}
}

/* The token stream of `text` in one letter per token (see kind_char). */
static const char *
kinds(const char *text)
{
	size_t i;

	lex(text);
	for (i = 0; i < ntoks; i++)
		kinds_buf[i] = kind_char(toks[i].kind);
	kinds_buf[i] = '\0';
	return kinds_buf;
}

#define ASSERT_TOK(i, k, s, e) do {					\
	cr_assert_eq(toks[i].kind, (k), "token %d: kind %d, want %d",	\
	    (int)(i), toks[i].kind, (int)(k));				\
	cr_assert_eq(toks[i].span.start, (uint32_t)(s),			\
	    "token %d: start %u, want %u", (int)(i),			\
	    (unsigned)toks[i].span.start, (unsigned)(s));		\
	cr_assert_eq(toks[i].span.end, (uint32_t)(e),			\
	    "token %d: end %u, want %u", (int)(i),			\
	    (unsigned)toks[i].span.end, (unsigned)(e));			\
	cr_assert_eq(toks[i].span.file, 0);				\
} while (0)

#define ASSERT_TEXT(i, s)	cr_assert_str_eq(toks[i].v->text, (s))
#define ASSERT_DIAGS(s)		cr_assert_str_eq(ismc_test_diags(&t), (s))

/* ---- identifiers and qualified references ------------------------------ */

Test(lexer, identifiers)
{
	cr_assert_eq(lex("A.5.15 R-001 client-db not-implemented "
	    "it_manager _x9\n"), 8);
	ASSERT_TOK(0, TOK_IDENT, 0, 6);
	ASSERT_TEXT(0, "A.5.15");
	cr_assert_eq(toks[0].v->kind, ISMC_V_IDENT);
	cr_assert_eq(toks[0].v->span.start, 0);
	cr_assert_eq(toks[0].v->span.end, 6);
	ASSERT_TOK(1, TOK_IDENT, 7, 12);
	ASSERT_TEXT(1, "R-001");
	ASSERT_TOK(2, TOK_IDENT, 13, 22);
	ASSERT_TEXT(2, "client-db");
	ASSERT_TOK(3, TOK_IDENT, 23, 38);
	ASSERT_TEXT(3, "not-implemented");
	ASSERT_TOK(4, TOK_IDENT, 39, 49);
	ASSERT_TEXT(4, "it_manager");
	ASSERT_TOK(5, TOK_IDENT, 50, 53);
	ASSERT_TEXT(5, "_x9");
	ASSERT_TOK(6, TOK_SEMI, 53, 53);
	ASSERT_TOK(7, TOK_YYEOF, 54, 54);
	ASSERT_DIAGS("");
}

Test(lexer, identifiers_are_interned)
{
	lex("client-db client-db\n");
	cr_assert_eq(toks[0].v->text, toks[1].v->text);
	cr_assert_eq(toks[0].v->text,
	    ismc_strtab_cstr(&t.comp.strtab, "client-db"));
}

Test(lexer, dots_and_hyphens_only_between_runs)
{
	cr_assert_str_eq(kinds("A.5. client- a..b\n"), "i?i?i??i;$");
	ASSERT_TEXT(0, "A.5");
	ASSERT_TOK(1, TOK_ISMC_YYUNDEF, 3, 4);
	ASSERT_TEXT(2, "client");
	ASSERT_TEXT(4, "a");
	ASSERT_TEXT(7, "b");
	ASSERT_DIAGS(
	    "test.isms:1:4: error: unexpected character '.'\n"
	    "test.isms:1:12: error: unexpected character '-'\n"
	    "test.isms:1:15: error: unexpected character '.'\n"
	    "test.isms:1:16: error: unexpected character '.'\n");
}

/*
 * The scanner has rules for the beginnings of tokens that stop short of
 * one, so that it never backs up: each must give back exactly what flex
 * would have, the shorter token first and the rest scanned again.
 */
Test(lexer, token_beginnings_give_back_the_rest)
{
	cr_assert_str_eq(kinds("iso:A.5. iso: a:b- A- 3. 3..x\n"),
	    "q?i?q?i?n?n??i;$");
	ASSERT_TOK(0, TOK_QREF, 0, 7);
	ASSERT_TEXT(0, "A.5");
	ASSERT_TOK(1, TOK_ISMC_YYUNDEF, 7, 8);
	ASSERT_TOK(2, TOK_IDENT, 9, 12);
	ASSERT_TOK(6, TOK_IDENT, 19, 20);
	ASSERT_TOK(8, TOK_NUMBER, 22, 23);
	ASSERT_TOK(10, TOK_NUMBER, 25, 26);
	ASSERT_TOK(11, TOK_ISMC_YYUNDEF, 26, 27);
	ASSERT_TOK(13, TOK_IDENT, 28, 29);
}

Test(lexer, date_beginnings_give_back_the_rest)
{
	cr_assert_str_eq(kinds("2026- 2026-06- 2026-06-3\n"), "n?n?n?n?n?n;$");
	ASSERT_TOK(0, TOK_NUMBER, 0, 4);
	ASSERT_TEXT(0, "2026");
	ASSERT_TOK(4, TOK_NUMBER, 11, 13);
	ASSERT_TEXT(4, "06");
	ASSERT_TOK(10, TOK_NUMBER, 23, 24);
}

Test(lexer, utf8_and_quote_beginnings_give_back_the_rest)
{
	/* Cut UTF-8: one stray byte at a time. */
	cr_assert_str_eq(kinds("\xe1\x80 \xf0\x90\x80 \xf4\x80\n"),
	    "???????;$");
	ASSERT_TOK(2, TOK_ISMC_YYUNDEF, 3, 4);
	ASSERT_TOK(3, TOK_ISMC_YYUNDEF, 4, 5);
	/* Two quotes inside a triple-quoted string are text. */
	cr_assert_str_eq(kinds("\"\"\"a\"\"b\"\"\"\n"), "s;$");
	ASSERT_TEXT(0, "a\"\"b");
}

Test(lexer, qualified_references)
{
	cr_assert_eq(lex("iso27001:A.5.15 dora:5.2.a x:1-2\n"), 5);
	ASSERT_TOK(0, TOK_QREF, 0, 15);
	cr_assert_eq(toks[0].v->kind, ISMC_V_QREF);
	cr_assert_str_eq(toks[0].v->ns, "iso27001");
	ASSERT_TEXT(0, "A.5.15");
	ASSERT_TOK(1, TOK_QREF, 16, 26);
	cr_assert_str_eq(toks[1].v->ns, "dora");
	ASSERT_TEXT(1, "5.2.a");
	ASSERT_TOK(2, TOK_QREF, 27, 32);
	cr_assert_str_eq(toks[2].v->ns, "x");
	ASSERT_TEXT(2, "1-2");
	ASSERT_TOK(3, TOK_SEMI, 32, 32);
	ASSERT_DIAGS("");
}

Test(lexer, colon_needs_a_reference_after_it)
{
	cr_assert_str_eq(kinds("iso27001: A.1\n"), "i?i;$");
	ASSERT_DIAGS("test.isms:1:9: error: unexpected character ':'\n");
}

/* ---- numbers, percentages, dates, ranges ------------------------------- */

Test(lexer, numbers)
{
	cr_assert_eq(lex("500 3.5 0 007 9223372036854775807\n"), 7);
	ASSERT_TOK(0, TOK_NUMBER, 0, 3);
	cr_assert_eq(toks[0].v->kind, ISMC_V_NUMBER);
	cr_assert(toks[0].v->is_int);
	cr_assert_eq(toks[0].v->ival, 500);
	cr_assert_float_eq(ismc_value_num(toks[0].v), 500.0, 1e-12);
	ASSERT_TEXT(0, "500");
	ASSERT_TOK(1, TOK_NUMBER, 4, 7);
	cr_assert_not(toks[1].v->is_int);
	cr_assert_float_eq(ismc_value_num(toks[1].v), 3.5, 1e-12);
	ASSERT_TEXT(1, "3.5");
	cr_assert_eq(toks[2].v->ival, 0);
	cr_assert_eq(toks[3].v->ival, 7);
	ASSERT_TEXT(3, "007");
	cr_assert_eq(toks[4].v->ival, INT64_MAX);
	ASSERT_DIAGS("");
}

Test(lexer, number_out_of_range)
{
	cr_assert_str_eq(kinds("x 9223372036854775808\n"), "in;$");
	ASSERT_TOK(1, TOK_NUMBER, 2, 21);
	ASSERT_DIAGS("test.isms:1:3: error: number out of range\n");
}

Test(lexer, number_then_dot)
{
	cr_assert_str_eq(kinds("1.\n"), "n?;$");
	ASSERT_DIAGS("test.isms:1:2: error: unexpected character '.'\n");
}

Test(lexer, percentages)
{
	cr_assert_eq(lex("98% 3.5% 100%\n"), 5);
	ASSERT_TOK(0, TOK_PERCENT, 0, 3);
	cr_assert_eq(toks[0].v->kind, ISMC_V_PERCENT);
	cr_assert(toks[0].v->is_int);
	cr_assert_eq(toks[0].v->ival, 98);
	cr_assert_float_eq(ismc_value_num(toks[0].v), 98.0, 1e-12);
	ASSERT_TEXT(0, "98%");
	ASSERT_TOK(1, TOK_PERCENT, 4, 8);
	cr_assert_not(toks[1].v->is_int);
	cr_assert_float_eq(ismc_value_num(toks[1].v), 3.5, 1e-12);
	cr_assert_eq(toks[2].v->ival, 100);
	ASSERT_DIAGS("");
}

Test(lexer, percentage_out_of_range)
{
	cr_assert_str_eq(kinds("99999999999999999999%\n"), "p;$");
	ASSERT_DIAGS("test.isms:1:1: error: number out of range\n");
}

Test(lexer, valid_dates)
{
	cr_assert_eq(lex("2026-06-30 2024-02-29 2000-02-29 2026-12-31\n"), 6);
	ASSERT_TOK(0, TOK_DATE, 0, 10);
	cr_assert_eq(toks[0].v->kind, ISMC_V_DATE);
	cr_assert_eq(ismc_value_date(toks[0].v).year, 2026);
	cr_assert_eq(ismc_value_date(toks[0].v).month, 6);
	cr_assert_eq(ismc_value_date(toks[0].v).day, 30);
	ASSERT_TEXT(0, "2026-06-30");
	cr_assert_eq(ismc_value_date(toks[1].v).year, 2024);
	cr_assert_eq(ismc_value_date(toks[1].v).month, 2);
	cr_assert_eq(ismc_value_date(toks[1].v).day, 29);
	cr_assert_eq(ismc_value_date(toks[3].v).month, 12);
	cr_assert_eq(ismc_value_date(toks[3].v).day, 31);
	ASSERT_DIAGS("");
}

Test(lexer, invalid_dates_are_reported_but_still_dates)
{
	cr_assert_str_eq(kinds("2023-02-29 1900-02-29 2026-02-30 2026-13-01 "
	    "2026-00-10 2026-04-31 2026-01-00\n"), "ddddddd;$");
	ASSERT_TOK(2, TOK_DATE, 22, 32);
	cr_assert_eq(ismc_value_date(toks[2].v).day, 30);
	ASSERT_DIAGS(
	    "test.isms:1:1: error: invalid date '2023-02-29'\n"
	    "test.isms:1:12: error: invalid date '1900-02-29'\n"
	    "test.isms:1:23: error: invalid date '2026-02-30'\n"
	    "test.isms:1:34: error: invalid date '2026-13-01'\n"
	    "test.isms:1:45: error: invalid date '2026-00-10'\n"
	    "test.isms:1:56: error: invalid date '2026-04-31'\n"
	    "test.isms:1:67: error: invalid date '2026-01-00'\n");
}

Test(lexer, ranges)
{
	cr_assert_eq(lex("1..5 10..200\n"), 4);
	ASSERT_TOK(0, TOK_RANGE, 0, 4);
	cr_assert_eq(toks[0].v->kind, ISMC_V_RANGE);
	cr_assert_eq(ismc_value_range(toks[0].v).lo, 1);
	cr_assert_eq(ismc_value_range(toks[0].v).hi, 5);
	ASSERT_TEXT(0, "1..5");
	ASSERT_TOK(1, TOK_RANGE, 5, 12);
	cr_assert_eq(ismc_value_range(toks[1].v).lo, 10);
	cr_assert_eq(ismc_value_range(toks[1].v).hi, 200);
	ASSERT_DIAGS("");
}

Test(lexer, range_out_of_range)
{
	cr_assert_str_eq(kinds("1..99999999999999999999\n"), "r;$");
	ASSERT_DIAGS("test.isms:1:1: error: number out of range\n");
}

/* ---- strings ------------------------------------------------------------ */

Test(lexer, string_span_and_value)
{
	cr_assert_eq(lex("x \"ab\" \"\"\n"), 5);
	ASSERT_TOK(1, TOK_STRING, 2, 6);
	cr_assert_eq(toks[1].v->kind, ISMC_V_STRING);
	ASSERT_TEXT(1, "ab");
	ASSERT_TOK(2, TOK_STRING, 7, 9);
	ASSERT_TEXT(2, "");
	ASSERT_TOK(3, TOK_SEMI, 9, 9);
	ASSERT_DIAGS("");
}

Test(lexer, string_escapes)
{
	lex("\"a\\\"b\\\\c\\nd\\te\\rf\"\n");
	ASSERT_TEXT(0, "a\"b\\c\nd\te\rf");
	ASSERT_DIAGS("");
}

Test(lexer, unicode_escapes)
{
	lex("\"\\u{41}\\u{e9}\\u{1F600}\\u{10FFFD}\\u{00000A}\"\n");
	ASSERT_TEXT(0, "A\xc3\xa9\xf0\x9f\x98\x80\xf4\x8f\xbf\xbd\n");
	ASSERT_DIAGS("");
}

Test(lexer, utf8_in_strings_passes_through)
{
	lex("\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"\n");
	ASSERT_TEXT(0, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
	ASSERT_DIAGS("");
}

/* ---- Trojan Source: bidi controls, noncharacters, look-alikes --------- */

/* One warning a string or comment, at its first bidi control; the text
 * keeps them (the reports isolate every string). */
Test(lexer, bidi_controls_warn_once_a_string_or_comment)
{
	lex("\"a\xe2\x80\xae" "b\xe2\x80\xac\" # c\xe2\x81\xa6" "d\n"
	    "\"\\u{202E}x\" \"\xe2\x80\x8f\"\n");
	ASSERT_TEXT(0, "a\xe2\x80\xae" "b\xe2\x80\xac");
	ASSERT_DIAGS(
	    "test.isms:1:3: warning: bidirectional control character U+202E "
	    "(RIGHT-TO-LEFT OVERRIDE) in a string: the text may read "
	    "differently from what it is [-Wbidi-chars]\n"
	    "test.isms:1:15: warning: bidirectional control character U+2066 "
	    "(LEFT-TO-RIGHT ISOLATE) in a comment: the text may read "
	    "differently from what it is [-Wbidi-chars]\n"
	    "test.isms:2:2: warning: bidirectional control character U+202E "
	    "(RIGHT-TO-LEFT OVERRIDE) in a string: the text may read "
	    "differently from what it is [-Wbidi-chars]\n"
	    "test.isms:2:14: warning: bidirectional control character U+200F "
	    "(RIGHT-TO-LEFT MARK) in a string: the text may read "
	    "differently from what it is [-Wbidi-chars]\n");
}

/* What build cannot render, check refuses where it is. */
Test(lexer, noncharacters_are_not_text)
{
	lex("\"\xef\xbf\xbe\" \"\\u{FFFF}\" \"\xef\xb7\xaf\" # \xef\xbf\xbf\n");
	ASSERT_DIAGS(
	    "test.isms:1:2: error: noncharacter U+FFFE in a string (not "
	    "text: the reports cannot hold it)\n"
	    "test.isms:1:8: error: invalid Unicode escape '\\u{FFFF}' (not "
	    "a character allowed in a string)\n"
	    "test.isms:1:19: error: noncharacter U+FDEF in a string (not "
	    "text: the reports cannot hold it)\n");
}

Test(lexer, confusable_identifiers)
{
	lex("R-001 A.5.1 R-0O1 R-001 A.5.l Il rnx mx m Owner owner\n");
	ASSERT_DIAGS(
	    "test.isms:1:13: warning: identifier 'R-0O1' looks like 'R-001' "
	    "(0 and O, 1, l and I, rn and m look alike) "
	    "[-Wconfusable-identifiers]\n"
	    "test.isms:1:1: note: 'R-001' first appears here\n"
	    "test.isms:1:25: warning: identifier 'A.5.l' looks like 'A.5.1' "
	    "(0 and O, 1, l and I, rn and m look alike) "
	    "[-Wconfusable-identifiers]\n"
	    "test.isms:1:7: note: 'A.5.1' first appears here\n"
	    "test.isms:1:38: warning: identifier 'mx' looks like 'rnx' "
	    "(0 and O, 1, l and I, rn and m look alike) "
	    "[-Wconfusable-identifiers]\n"
	    "test.isms:1:34: note: 'rnx' first appears here\n");
}

Test(lexer, words_mixing_scripts)
{
	lex("\"P\xd0\xb0yroll \xd0\x9e\xd1\x84\xd0\xb8\xd1\x81 caf\xc3\xa9 "
	    "e\xcc\x81t\xc3\xa9 \xce\xb1-b\"\n");
	ASSERT_DIAGS(
	    "test.isms:1:2: warning: 'P\xd0\xb0yroll' mixes Latin and "
	    "Cyrillic letters (U+0430 is Cyrillic): it can pass for another "
	    "word [-Wmixed-scripts]\n");
}

Test(lexer, qualified_identifiers_are_interned)
{
	lex("a:b\n");
	cr_assert_eq(toks[0].v->ns, ismc_strtab_cstr(&t.comp.strtab, "a"));
	cr_assert_eq(toks[0].v->text, ismc_strtab_cstr(&t.comp.strtab, "b"));
}

/* Free text is compared by no one: copied, it never grows the table. */
Test(lexer, strings_are_copied_not_interned)
{
	size_t before = t.comp.strtab.count;

	lex("\"same\" \"sa\\u{6d}e\"\n");
	cr_assert_str_eq(toks[0].v->text, "same");
	cr_assert_str_eq(toks[1].v->text, "same");
	cr_assert_neq(toks[0].v->text, toks[1].v->text);
	cr_assert_eq(t.comp.strtab.count, before);
}

/* Sema looks a number up as a requirement id ('28.3'): interned. */
Test(lexer, spellings_are_interned)
{
	lex("28.3 2026-06-30 1..5\n");
	cr_assert_eq(toks[0].v->text, ismc_strtab_cstr(&t.comp.strtab, "28.3"));
	cr_assert_eq(toks[1].v->text,
	    ismc_strtab_cstr(&t.comp.strtab, "2026-06-30"));
	cr_assert_eq(toks[2].v->text, ismc_strtab_cstr(&t.comp.strtab, "1..5"));
}

Test(lexer, unknown_escape)
{
	cr_assert_str_eq(kinds("\"a\\qb\" \"\\ \"\n"), "ss;$");
	ASSERT_TEXT(0, "ab");
	ASSERT_DIAGS(
	    "test.isms:1:3: error: unknown escape sequence '\\q'\n"
	    "test.isms:1:9: error: unknown escape sequence '\\ '\n");
}

Test(lexer, unknown_escape_of_non_ascii)
{
	lex("\"\\\xc3\xa9\" \"\\\x01\"\n");
	ASSERT_DIAGS(
	    "test.isms:1:2: error: unknown escape sequence '\\' followed by "
	    "U+00E9\n"
	    "test.isms:1:8: error: unknown escape sequence '\\' followed by "
	    "byte 0x01\n");
}

Test(lexer, bad_unicode_escapes)
{
	cr_assert_str_eq(kinds("\"\\u{D800}\" \"\\u{110000}\" \"\\u{0}\"\n"
	    "\"\\u{}\" \"\\u{12345678}\" \"\\u41\" \"\\u{41\"\n"),
	    "sss;ssss;$");
	ASSERT_TEXT(0, "");
	ASSERT_TEXT(5, "");
	ASSERT_TEXT(6, "41");
	ASSERT_DIAGS(
	    "test.isms:1:2: error: invalid Unicode escape '\\u{D800}' (not a "
	    "character allowed in a string)\n"
	    "test.isms:1:13: error: invalid Unicode escape '\\u{110000}' (not "
	    "a character allowed in a string)\n"
	    "test.isms:1:26: error: invalid Unicode escape '\\u{0}' (not a "
	    "character allowed in a string)\n"
	    "test.isms:2:2: error: malformed Unicode escape, expected '\\u{' "
	    "with 1 to 6 hex digits and '}'\n"
	    "test.isms:2:9: error: malformed Unicode escape, expected '\\u{' "
	    "with 1 to 6 hex digits and '}'\n"
	    "test.isms:2:24: error: malformed Unicode escape, expected '\\u{' "
	    "with 1 to 6 hex digits and '}'\n"
	    "test.isms:2:31: error: malformed Unicode escape, expected '\\u{' "
	    "with 1 to 6 hex digits and '}'\n");
}

Test(lexer, unterminated_string_at_newline)
{
	cr_assert_str_eq(kinds("a \"abc\nb\n"), "is;i;$");
	ASSERT_TOK(1, TOK_STRING, 2, 6);
	ASSERT_TEXT(1, "abc");
	ASSERT_TOK(2, TOK_SEMI, 6, 6);
	ASSERT_DIAGS("test.isms:1:3: error: unterminated string\n");
}

Test(lexer, unterminated_string_at_eof)
{
	cr_assert_str_eq(kinds("a \"abc\\"), "is;$");
	ASSERT_TEXT(1, "abc");
	ASSERT_DIAGS("test.isms:1:3: error: unterminated string\n");
}

Test(lexer, unterminated_string_before_crlf)
{
	cr_assert_str_eq(kinds("a \"abc\r\nb\r\n"), "is;i;$");
	ASSERT_TEXT(1, "abc");
	ASSERT_DIAGS("test.isms:1:3: error: unterminated string\n");
}

Test(lexer, control_bytes_in_strings)
{
	lex("\"a\x01" "b\x7f" "c\rd\"\n");
	ASSERT_TEXT(0, "abcd");
	ASSERT_DIAGS(
	    "test.isms:1:3: error: stray byte 0x01\n"
	    "test.isms:1:5: error: stray byte 0x7F\n"
	    "test.isms:1:7: error: stray byte 0x0D\n");
}

Test(lexer, tab_in_string_is_kept)
{
	lex("\"a\tb\"\n");
	ASSERT_TEXT(0, "a\tb");
	ASSERT_DIAGS("");
}

Test(lexer, nul_byte_in_string)
{
	lex_len("\"a\0b\"\n", 6);
	ASSERT_TEXT(0, "ab");
	ASSERT_DIAGS("test.isms:1:3: error: stray byte 0x00\n");
}

Test(lexer, invalid_utf8_in_strings)
{
	cr_assert_str_eq(kinds("\"a\xff\xfe" "b\xc3\" \"\xed\xa0\x80\" "
	    "\"\xc0\xaf\"\n"), "sss;$");
	ASSERT_TEXT(0, "ab");
	ASSERT_DIAGS(
	    "test.isms:1:3: error: invalid UTF-8 sequence\n"
	    "test.isms:1:6: error: invalid UTF-8 sequence\n"
	    "test.isms:1:10: error: invalid UTF-8 sequence\n"
	    "test.isms:1:16: error: invalid UTF-8 sequence\n");
}

/* ---- multi-line strings ------------------------------------------------ */

Test(lexer, triple_string_dedent)
{
	static const char src[] =
	    "x \"\"\"\n"
	    "    Line one\n"
	    "      indented \"q\"\n"
	    "\n"
	    "    Line three\n"
	    "    \"\"\"\n"
	    "y\n";

	cr_assert_str_eq(kinds(src), "is;i;$");
	ASSERT_TOK(1, TOK_STRING, 2, 61);
	ASSERT_TEXT(1, "Line one\n  indented \"q\"\n\nLine three");
	ASSERT_TOK(2, TOK_SEMI, 61, 61);
	ASSERT_DIAGS("");
}

Test(lexer, triple_string_on_one_line)
{
	lex("\"\"\"abc\"\"\" \"\"\"\"\"\" "
	    "\"\"\"  a\n  b\"\"\" \"\"\"a\n  b\"\"\"\n");
	ASSERT_TEXT(0, "abc");
	ASSERT_TEXT(1, "");
	/* The first line counts for the common indentation. */
	ASSERT_TEXT(2, "a\nb");
	ASSERT_TEXT(3, "a\n  b");
	ASSERT_DIAGS("");
}

Test(lexer, triple_string_last_line_kept_unless_blank)
{
	lex("\"\"\"\n  a\n  b\"\"\" \"\"\"\n   \"\"\" \"\"\"\n\n\"\"\"\n");
	ASSERT_TEXT(0, "a\nb");
	ASSERT_TEXT(1, "");
	ASSERT_TEXT(2, "");
	ASSERT_DIAGS("");
}

Test(lexer, triple_string_blank_lines_become_empty)
{
	lex("\"\"\"\n  a\n \t \n  b\n  \"\"\"\n");
	ASSERT_TEXT(0, "a\n\nb");
}

Test(lexer, triple_string_escapes_after_dedent)
{
	/* The escaped tab is not indentation. */
	lex("\"\"\"\n  \\tx\n  y \\\"\"\" \\u{41}\n  \"\"\"\n");
	ASSERT_TEXT(0, "\tx\ny \"\"\" A");
	ASSERT_DIAGS("");
}

Test(lexer, triple_string_quotes_inside)
{
	lex("\"\"\"say \"hi\" and \"\" ok\"\"\"\n");
	ASSERT_TEXT(0, "say \"hi\" and \"\" ok");
}

Test(lexer, triple_string_crlf)
{
	cr_assert_str_eq(kinds("x \"\"\"\r\n  a\r\n  b\r\n  \"\"\"\r\ny\r\n"),
	    "is;i;$");
	ASSERT_TEXT(1, "a\nb");
	ASSERT_DIAGS("");
}

Test(lexer, triple_string_tabs_and_spaces_must_match)
{
	lex("\"\"\"\n\t  a\n\t b\n\"\"\"\n");
	ASSERT_TEXT(0, " a\nb");
}

Test(lexer, unterminated_triple_string)
{
	cr_assert_str_eq(kinds("a \"\"\"\n  abc\n"), "is;$");
	ASSERT_TOK(1, TOK_STRING, 2, 12);
	ASSERT_TEXT(1, "abc\n");
	ASSERT_DIAGS("test.isms:1:3: error: unterminated string\n");
}

Test(lexer, backslash_at_end_of_line_in_triple_string)
{
	lex("\"\"\"\na\\\nb\n\"\"\"\n");
	ASSERT_TEXT(0, "a\nb");
	ASSERT_DIAGS("test.isms:2:2: error: unknown escape sequence '\\' at "
	    "end of line\n");
}

/* ---- layout: BOM, CRLF, comments --------------------------------------- */

Test(lexer, byte_order_mark_is_skipped)
{
	cr_assert_str_eq(kinds("\xef\xbb\xbf" "a b\n"), "ii;$");
	ASSERT_TOK(0, TOK_IDENT, 3, 4);
	ASSERT_TOK(1, TOK_IDENT, 5, 6);
	ASSERT_TOK(2, TOK_SEMI, 6, 6);
	ASSERT_DIAGS("");
}

Test(lexer, byte_order_mark_elsewhere_is_an_error)
{
	cr_assert_str_eq(kinds("a \xef\xbb\xbf\n"), "i?;$");
	ASSERT_DIAGS("test.isms:1:3: error: unexpected character U+FEFF\n");
}

Test(lexer, crlf_line_ends)
{
	cr_assert_str_eq(kinds("a b\r\nc\r\n"), "ii;i;$");
	ASSERT_TOK(1, TOK_IDENT, 2, 3);
	/* The inserted ';' sits at the line end, before the '\r'. */
	ASSERT_TOK(2, TOK_SEMI, 3, 3);
	ASSERT_TOK(3, TOK_IDENT, 5, 6);
	ASSERT_TOK(4, TOK_SEMI, 6, 6);
	ASSERT_TOK(5, TOK_YYEOF, 8, 8);
	ASSERT_DIAGS("");
}

Test(lexer, comments)
{
	static const char src[] =
	    "a # comment \"not a string\n"
	    "b /* x */ c /* multi\n"
	    "line */ d\n"
	    "/* unterminated";

	cr_assert_str_eq(kinds(src), "i;ii;i;$");
	ASSERT_TOK(1, TOK_SEMI, 25, 25);
	ASSERT_TOK(2, TOK_IDENT, 26, 27);
	ASSERT_TOK(3, TOK_IDENT, 36, 37);
	/* A comment spanning lines acts as a newline, at its start. */
	ASSERT_TOK(4, TOK_SEMI, 38, 38);
	ASSERT_TOK(5, TOK_IDENT, 55, 56);
	ASSERT_TOK(7, TOK_YYEOF, 72, 72);
	ASSERT_DIAGS("test.isms:4:1: error: unterminated comment\n");
}

Test(lexer, unterminated_comment_ends_the_item)
{
	cr_assert_str_eq(kinds("a /* b\n"), "i;$");
	ASSERT_TOK(1, TOK_SEMI, 7, 7);
	ASSERT_DIAGS("test.isms:1:3: error: unterminated comment\n");
}

Test(lexer, comment_at_eof)
{
	cr_assert_str_eq(kinds("a # c"), "i;$");
	ASSERT_TOK(1, TOK_SEMI, 5, 5);
}

Test(lexer, comments_may_hold_any_character)
{
	cr_assert_str_eq(kinds("a # caf\xc3\xa9\t\r\nb /* \xe2\x80\x94 */\n"),
	    "i;i;$");
	ASSERT_DIAGS("");
}

/* ... but only characters: a source file is UTF-8, comments included. */
Test(lexer, comments_hold_no_bad_bytes)
{
	cr_assert_str_eq(kinds("a # \xff\x01 caf\xc3\xa9\nb /* \xfe\x7f */\n"),
	    "i;i;$");
	ASSERT_DIAGS("test.isms:1:5: error: invalid UTF-8 sequence\n"
	    "test.isms:1:6: error: stray byte 0x01\n"
	    "test.isms:2:6: error: invalid UTF-8 sequence\n"
	    "test.isms:2:7: error: stray byte 0x7F\n");
}

/* ---- punctuation and terminator insertion ------------------------------ */

Test(lexer, punctuation)
{
	cr_assert_str_eq(kinds("{}[],;"), "{}[],;$");
	ASSERT_TOK(0, TOK_LBRACE, 0, 1);
	ASSERT_TOK(1, TOK_RBRACE, 1, 2);
	ASSERT_TOK(2, TOK_LBRACKET, 2, 3);
	ASSERT_TOK(3, TOK_RBRACKET, 3, 4);
	ASSERT_TOK(4, TOK_COMMA, 4, 5);
	ASSERT_TOK(5, TOK_SEMI, 5, 6);
	ASSERT_TOK(6, TOK_YYEOF, 6, 6);
}

Test(lexer, insertion_after_each_value_kind)
{
	cr_assert_str_eq(kinds("x\n\"s\"\n5\n5%\n2026-01-01\n1..2\nx:y\n"
	    "}\n]\n"), "i;s;n;p;d;r;q;};];$");
}

Test(lexer, insertion_at_end_of_file)
{
	cr_assert_str_eq(kinds("a"), "i;$");
	ASSERT_TOK(1, TOK_SEMI, 1, 1);
	ASSERT_TOK(2, TOK_YYEOF, 1, 1);
	cr_assert_str_eq(kinds("a {"), "i{$");
	cr_assert_str_eq(kinds(""), "$");
}

Test(lexer, no_insertion_after_comma_brace_or_semicolon)
{
	cr_assert_str_eq(kinds("a,\nb\n"), "i,i;$");
	cr_assert_str_eq(kinds("a {\nb\n}\n"), "i{i;};$");
	cr_assert_str_eq(kinds("a;\n"), "i;$");
	cr_assert_str_eq(kinds("a [\n"), "i[$");
}

Test(lexer, blank_lines_insert_nothing)
{
	cr_assert_str_eq(kinds("\n\n\na\n\n\n# c\n\n"), "i;$");
}

Test(lexer, no_insertion_inside_brackets)
{
	cr_assert_str_eq(kinds("a [\nb,\nc\n]\nd\n"), "i[i,i];i;$");
	cr_assert_str_eq(kinds("a [[b]\nc]\n"), "i[[i]i];$");
	cr_assert_str_eq(kinds("a [b\n"), "i[i$");
}

Test(lexer, explicit_semicolons)
{
	cr_assert_str_eq(kinds("a; b c; d\n"), "i;ii;i;$");
	ASSERT_TOK(1, TOK_SEMI, 1, 2);
	ASSERT_TOK(4, TOK_SEMI, 6, 7);
	ASSERT_TOK(6, TOK_SEMI, 9, 9);
}

/* ---- bad characters ---------------------------------------------------- */

Test(lexer, unexpected_character)
{
	cr_assert_str_eq(kinds("a @ b\n"), "i?i;$");
	ASSERT_TOK(1, TOK_ISMC_YYUNDEF, 2, 3);
	ASSERT_DIAGS("test.isms:1:3: error: unexpected character '@'\n");
}

Test(lexer, bad_character_still_ends_the_line)
{
	/* So the parser can resynchronise at the end of the line. */
	cr_assert_str_eq(kinds("@\nb\n"), "?;i;$");
}

Test(lexer, stray_bytes)
{
	cr_assert_str_eq(kinds("\x01 \x1b \x7f \xff \xc3 \x80\n"), "??????;$");
	ASSERT_DIAGS(
	    "test.isms:1:1: error: stray byte 0x01\n"
	    "test.isms:1:3: error: stray byte 0x1B\n"
	    "test.isms:1:5: error: stray byte 0x7F\n"
	    "test.isms:1:7: error: stray byte 0xFF\n"
	    "test.isms:1:9: error: stray byte 0xC3\n"
	    "test.isms:1:11: error: stray byte 0x80\n");
}

Test(lexer, nul_byte)
{
	lex_len("a\0b\n", 4);
	cr_assert_eq(ntoks, 5);
	ASSERT_TOK(1, TOK_ISMC_YYUNDEF, 1, 2);
	ASSERT_TEXT(2, "b");
	ASSERT_DIAGS("test.isms:1:2: error: stray byte 0x00\n");
}

Test(lexer, non_ascii_character_is_one_error)
{
	cr_assert_str_eq(kinds("caf\xc3\xa9 \xe2\x80\xae \xf0\x9f\x98\x80\n"),
	    "i???;$");
	ASSERT_TOK(1, TOK_ISMC_YYUNDEF, 3, 5);
	ASSERT_DIAGS(
	    "test.isms:1:4: error: unexpected character U+00E9\n"
	    "test.isms:1:7: error: unexpected character U+202E\n"
	    "test.isms:1:11: error: unexpected character U+1F600\n");
}

/* ---- limits ------------------------------------------------------------ */

static char *
repeat(char c, size_t n, const char *before, const char *after)
{
	size_t lb = strlen(before), la = strlen(after);
	char *s = malloc(lb + n + la + 1);

	cr_assert_not_null(s);
	memcpy(s, before, lb);
	memset(s + lb, c, n);
	memcpy(s + lb + n, after, la + 1);
	return s;
}

Test(lexer, longest_identifier)
{
	char *s = repeat('a', ISMC_MAX_TOKEN_LEN, "", "\n");

	cr_assert_str_eq(kinds(s), "i;$");
	cr_assert_eq(strlen(toks[0].v->text), ISMC_MAX_TOKEN_LEN);
	ASSERT_DIAGS("");
	free(s);
}

Test(lexer, identifier_too_long)
{
	char *s = repeat('a', ISMC_MAX_TOKEN_LEN + 1, "", "\n");

	cr_assert_str_eq(kinds(s), "i;$");
	ASSERT_DIAGS("test.isms:1:1: error: identifier too long\n");
	free(s);
}

Test(lexer, longest_string)
{
	char *s = repeat('a', ISMC_MAX_TOKEN_LEN, "\"", "\"\n");

	cr_assert_str_eq(kinds(s), "s;$");
	cr_assert_eq(strlen(toks[0].v->text), ISMC_MAX_TOKEN_LEN);
	ASSERT_DIAGS("");
	free(s);
}

Test(lexer, string_too_long)
{
	char *s = repeat('a', ISMC_MAX_TOKEN_LEN + 1, "x \"", "\"\n");

	cr_assert_str_eq(kinds(s), "is;$");
	ASSERT_TEXT(1, "");
	ASSERT_DIAGS("test.isms:1:3: error: string too long\n");
	free(s);
}

Test(lexer, longest_triple_string)
{
	char *s = repeat('a', ISMC_MAX_TOKEN_LEN, "\"\"\"", "\"\"\"\n");

	cr_assert_str_eq(kinds(s), "s;$");
	cr_assert_eq(strlen(toks[0].v->text), ISMC_MAX_TOKEN_LEN);
	ASSERT_DIAGS("");
	free(s);
}

Test(lexer, triple_string_too_long)
{
	char *s = repeat('a', ISMC_MAX_TOKEN_LEN + 1, "\"\"\"", "\"\"\"\n");

	cr_assert_str_eq(kinds(s), "s;$");
	ASSERT_DIAGS("test.isms:1:1: error: string too long\n");
	free(s);
}

Test(lexer, deepest_nesting)
{
	char *s = repeat('{', ISMC_MAX_NESTING, "", "");

	lex(s);
	cr_assert_eq(ntoks, ISMC_MAX_NESTING + 1);
	ASSERT_DIAGS("");
	free(s);
}

Test(lexer, nesting_too_deep_stops_the_scan)
{
	char *s = repeat('{', ISMC_MAX_NESTING + 1, "", " a b c\n");

	lex(s);
	cr_assert_eq(ntoks, ISMC_MAX_NESTING + 1);
	ASSERT_TOK(ISMC_MAX_NESTING, TOK_YYEOF, 108, 108);
	ASSERT_DIAGS("test.isms:1:101: error: nesting too deep (limit 100)\n");
	free(s);
}

Test(lexer, bracket_nesting_too_deep)
{
	char *s = repeat('[', ISMC_MAX_NESTING + 1, "a ", "");

	lex(s);
	cr_assert_eq(ntoks, ISMC_MAX_NESTING + 2);
	ASSERT_DIAGS("test.isms:1:103: error: nesting too deep (limit 100)\n");
	free(s);
}

Test(lexer, error_cap_ends_the_scan)
{
	t.comp.diag.max_errors = 2;
	cr_assert_str_eq(kinds("@ @ @ a b c\n"), "??$");
	ASSERT_DIAGS(
	    "test.isms:1:1: error: unexpected character '@'\n"
	    "test.isms:1:3: error: unexpected character '@'\n"
	    "ismc: fatal error: too many errors emitted, stopping now "
	    "[--max-errors=2]\n");
}

/* ---- --dump-tokens ------------------------------------------------------ */

Test(lexer, dump_tokens)
{
	const char *dump = ismc_test_tokens(&t,
	    "isms \"T\" {\n"
	    "  date 2026-06-30; x:y 98% 1..5 [3.5]\n"
	    "  note \"q\\\"\\n\\u{1}\xc3\xa9\"\n"
	    "}\n");

	cr_assert_str_eq(dump,
	    "1:1 IDENT isms\n"
	    "1:6 STRING \"T\"\n"
	    "1:10 '{'\n"
	    "2:3 IDENT date\n"
	    "2:8 DATE 2026-06-30\n"
	    "2:18 ';'\n"
	    "2:20 QREF x:y\n"
	    "2:24 PERCENT 98%\n"
	    "2:28 RANGE 1..5\n"
	    "2:33 '['\n"
	    "2:34 NUMBER 3.5\n"
	    "2:37 ']'\n"
	    "2:38 ';'\n"
	    "3:3 IDENT note\n"
	    "3:8 STRING \"q\\\"\\n\\x01\xc3\xa9\"\n"
	    "3:22 ';'\n"
	    "4:1 '}'\n"
	    "4:2 ';'\n"
	    "5:1 EOF\n");
	ASSERT_DIAGS("");
}

Test(lexer, dump_tokens_shows_invalid_tokens)
{
	cr_assert_str_eq(ismc_test_tokens(&t, "a @\n"),
	    "1:1 IDENT a\n"
	    "1:3 INVALID\n"
	    "1:4 ';'\n"
	    "2:1 EOF\n");
	ASSERT_DIAGS("test.isms:1:3: error: unexpected character '@'\n");
}
