/*
 * test-parser.c - the generic item grammar: tree shape and spans, bracket
 * flattening, one-line blocks, the --dump-ast text, and syntax errors with
 * their exact messages and the recovery after them.
 */
#include <config.h>

#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#include "lexctx.h"

static struct ismc_test t;
static struct ismc_item *items;

static void
setup(void)
{
	ismc_test_init(&t);
	items = NULL;
}

static void
teardown(void)
{
	ismc_test_fini(&t);
}

TestSuite(parser, .init = setup, .fini = teardown);

#define ASSERT_SPAN(sp, s, e) do {					\
	cr_assert_eq((sp).file, 0);					\
	cr_assert_eq((sp).start, (uint32_t)(s), "start %u, want %u",	\
	    (unsigned)(sp).start, (unsigned)(s));			\
	cr_assert_eq((sp).end, (uint32_t)(e), "end %u, want %u",	\
	    (unsigned)(sp).end, (unsigned)(e));				\
} while (0)

#define ASSERT_DIAGS(s)		cr_assert_str_eq(ismc_test_diags(&t), (s))
#define ASSERT_AST(s)		cr_assert_str_eq(ismc_test_ast(&t, items), (s))

static unsigned
parse(const char *text)
{
	return ismc_test_parse(&t, text, &items);
}

static const struct ismc_value *
arg(const struct ismc_item *it, size_t i)
{
	const struct ismc_value *v = it->args;

	while (v != NULL && i-- > 0)
		v = ismc_value_next(v);
	cr_assert_not_null(v, "no argument %zu", i);
	return v;
}

static size_t
count_items(const struct ismc_item *it)
{
	size_t n = 0;

	for (; it != NULL; it = it->next)
		n++;
	return n;
}

/* ---- tree shape --------------------------------------------------------- */

Test(parser, empty_files)
{
	cr_assert_eq(parse(""), 0);
	cr_assert_null(items);
	cr_assert_eq(parse("# only a comment\n\n;;\n"), 0);
	cr_assert_null(items);
	ASSERT_DIAGS("");
}

Test(parser, items_keys_and_arguments)
{
	const struct ismc_item *it;

	cr_assert_eq(parse("framework iso27001\nrole ciso \"CISO\"\n"
	    "applicable\n"), 0);
	ASSERT_DIAGS("");
	cr_assert_eq(count_items(items), 3);

	it = items;
	cr_assert_str_eq(it->key, "framework");
	cr_assert_eq(it->key, ismc_strtab_cstr(&t.comp.strtab, "framework"));
	ASSERT_SPAN(ismc_item_key_span(it), 0, 9);
	ASSERT_SPAN(it->span, 0, 18);
	cr_assert_eq(it->nargs, 1);
	cr_assert_eq(arg(it, 0)->kind, ISMC_V_IDENT);
	cr_assert_str_eq(arg(it, 0)->text, "iso27001");
	ASSERT_SPAN(arg(it, 0)->span, 10, 18);
	cr_assert_not(it->has_body);
	cr_assert_null(it->body);
	cr_assert_eq(count_items(it->body), 0);

	it = it->next;
	cr_assert_str_eq(it->key, "role");
	ASSERT_SPAN(ismc_item_key_span(it), 19, 23);
	ASSERT_SPAN(it->span, 19, 35);
	cr_assert_eq(it->nargs, 2);
	cr_assert_str_eq(arg(it, 0)->text, "ciso");
	cr_assert_eq(arg(it, 1)->kind, ISMC_V_STRING);
	cr_assert_str_eq(arg(it, 1)->text, "CISO");
	cr_assert_null(ismc_value_next(arg(it, 1)));

	/* An item without arguments ends where its key does. */
	it = it->next;
	cr_assert_str_eq(it->key, "applicable");
	cr_assert_eq(it->nargs, 0);
	cr_assert_null(it->args);
	ASSERT_SPAN(it->span, 36, 46);
	cr_assert_null(it->next);
}

Test(parser, blocks)
{
	const struct ismc_item *it, *a, *b;

	cr_assert_eq(parse("isms \"T\" {\n  a 1\n  b {}\n}\n"), 0);
	ASSERT_DIAGS("");
	it = items;
	cr_assert_str_eq(it->key, "isms");
	cr_assert(it->has_body);
	cr_assert_eq(count_items(it->body), 2);
	ASSERT_SPAN(ismc_item_body_span(it), 9, 25);
	ASSERT_SPAN(it->span, 0, 25);
	cr_assert_eq(it->nargs, 1);

	a = it->body;
	cr_assert_str_eq(a->key, "a");
	cr_assert_eq(a->nargs, 1);
	cr_assert_eq(arg(a, 0)->kind, ISMC_V_NUMBER);
	cr_assert_eq(arg(a, 0)->ival, 1);
	ASSERT_SPAN(a->span, 13, 16);
	cr_assert_not(a->has_body);

	/* An empty block is still a block. */
	b = a->next;
	cr_assert_str_eq(b->key, "b");
	cr_assert(b->has_body);
	cr_assert_eq(count_items(b->body), 0);
	cr_assert_null(b->body);
	ASSERT_SPAN(ismc_item_body_span(b), 21, 23);
	ASSERT_SPAN(b->span, 19, 23);
	cr_assert_null(b->next);
}

Test(parser, one_line_blocks)
{
	const struct ismc_item *r;

	cr_assert_eq(parse("residual { likelihood unlikely; impact critical }\n"
	    "x { a; b; }\n"), 0);
	ASSERT_DIAGS("");
	r = items;
	cr_assert_eq(count_items(r->body), 2);
	cr_assert_str_eq(r->body->key, "likelihood");
	cr_assert_str_eq(r->body->next->key, "impact");
	cr_assert_str_eq(arg(r->body->next, 0)->text, "critical");
	cr_assert_eq(count_items(r->next->body), 2);
	ASSERT_AST(
	    "residual {\n"
	    "    likelihood unlikely\n"
	    "    impact critical\n"
	    "}\n"
	    "x {\n"
	    "    a\n"
	    "    b\n"
	    "}\n");
}

Test(parser, several_items_on_a_line)
{
	cr_assert_eq(parse("a; b c; ;; d\n"), 0);
	ASSERT_AST("a\nb c\nd\n");
}

Test(parser, commas_are_optional)
{
	cr_assert_eq(parse("a 1, 2 3,,4\n"), 0);
	cr_assert_eq(items->nargs, 4);
	ASSERT_AST("a 1 2 3 4\n");
}

Test(parser, trailing_comma_continues_the_line)
{
	cr_assert_eq(parse("controls A.5.7,\n    A.8.2\nnext\n"), 0);
	cr_assert_eq(count_items(items), 2);
	cr_assert_eq(items->nargs, 2);
	ASSERT_SPAN(items->span, 0, 25);
}

Test(parser, trailing_comma_at_end_of_file)
{
	cr_assert_eq(parse("a 1,\n"), 1);
	ASSERT_DIAGS("test.isms:2:1: error: unexpected end of file\n");
}

Test(parser, brackets_are_flattened)
{
	const struct ismc_item *it;
	const struct ismc_value *v;
	static const char *const want[] = { "A.1", "A.2", "A.3", "A.4", "A.5" };
	size_t i;

	cr_assert_eq(parse("controls A.1, [A.2, [A.3]] [] A.4 [\n"
	    "  A.5\n]\nz\n"), 0);
	ASSERT_DIAGS("");
	it = items;
	cr_assert_eq(it->nargs, 5);
	for (i = 0, v = it->args; v != NULL; v = ismc_value_next(v), i++) {
		cr_assert_lt(i, 5);
		cr_assert_str_eq(v->text, want[i]);
	}
	cr_assert_eq(i, 5);
	cr_assert_str_eq(it->next->key, "z");
	cr_assert_null(it->next->next);
}

Test(parser, bracket_list_alone)
{
	cr_assert_eq(parse("in_scope [\"a\", \"b\"]\nout []\n"), 0);
	ASSERT_AST("in_scope \"a\" \"b\"\nout\n");
	cr_assert_eq(items->next->nargs, 0);
	cr_assert_null(items->next->args);
}

Test(parser, nested_blocks)
{
	cr_assert_eq(parse("a {\n  b {\n    c {\n      d 1\n    }\n  }\n"
	    "  e\n}\n"), 0);
	ASSERT_AST(
	    "a {\n"
	    "    b {\n"
	    "        c {\n"
	    "            d 1\n"
	    "        }\n"
	    "    }\n"
	    "    e\n"
	    "}\n");
}

Test(parser, dump_prints_values_by_kind)
{
	cr_assert_eq(parse("x 007 3.50 98% 2.5% 2026-01-02 1..5 ns:A.1 id "
	    "\"s\\\"q\\n\\t\\\\\"\n"), 0);
	ASSERT_AST("x 7 3.50 98% 2.5% 2026-01-02 1..5 ns:A.1 id "
	    "\"s\\\"q\\n\\t\\\\\"\n");
	cr_assert_eq(arg(items, 5)->kind, ISMC_V_RANGE);
	cr_assert_eq(arg(items, 6)->kind, ISMC_V_QREF);
	cr_assert_str_eq(arg(items, 6)->ns, "ns");
}

Test(parser, the_example_spec)
{
	static const char src[] =
	    "# SafeTrust Financial Services\n"
	    "framework iso27001\n"
	    "\n"
	    "isms \"SafeTrust ISMS\" {\n"
	    "    organisation \"SafeTrust Financial Services\"\n"
	    "    employees    500\n"
	    "    date         2026-06-30\n"
	    "    scope \"\"\"\n"
	    "        All client data.\n"
	    "          Offices: \"Lisbon\".\n"
	    "        \"\"\"\n"
	    "}\n"
	    "\n"
	    "role ciso \"Chief Information Security Officer\"\n"
	    "\n"
	    "scale likelihood {\n"
	    "    level 1 rare \"Rare\"\n"
	    "    level 5 almost-certain \"Almost certain\"\n"
	    "}\n"
	    "\n"
	    "risk R-001 \"Phishing\" {\n"
	    "    likelihood high\n"
	    "    impact     critical\n"
	    "    treatment  mitigate\n"
	    "    controls   A.5.7, A.6.3, A.8.2, A.8.3, iso27001:A.8.16\n"
	    "    residual { likelihood unlikely; impact critical }\n"
	    "}\n"
	    "\n"
	    "control A.7.12 {\n"
	    "    excluded \"No cabling outside our secured premises\"\n"
	    "}\n";

	cr_assert_eq(parse(src), 0);
	ASSERT_DIAGS("");
	ASSERT_AST(
	    "framework iso27001\n"
	    "isms \"SafeTrust ISMS\" {\n"
	    "    organisation \"SafeTrust Financial Services\"\n"
	    "    employees 500\n"
	    "    date 2026-06-30\n"
	    "    scope \"All client data.\\n  Offices: \\\"Lisbon\\\".\"\n"
	    "}\n"
	    "role ciso \"Chief Information Security Officer\"\n"
	    "scale likelihood {\n"
	    "    level 1 rare \"Rare\"\n"
	    "    level 5 almost-certain \"Almost certain\"\n"
	    "}\n"
	    "risk R-001 \"Phishing\" {\n"
	    "    likelihood high\n"
	    "    impact critical\n"
	    "    treatment mitigate\n"
	    "    controls A.5.7 A.6.3 A.8.2 A.8.3 iso27001:A.8.16\n"
	    "    residual {\n"
	    "        likelihood unlikely\n"
	    "        impact critical\n"
	    "    }\n"
	    "}\n"
	    "control A.7.12 {\n"
	    "    excluded \"No cabling outside our secured premises\"\n"
	    "}\n");
}

Test(parser, crlf_and_bom)
{
	cr_assert_eq(parse("\xef\xbb\xbfrole ciso\r\nasset a {\r\n"
	    "  type x\r\n}\r\n"), 0);
	ASSERT_DIAGS("");
	ASSERT_AST("role ciso\nasset a {\n    type x\n}\n");
	ASSERT_SPAN(ismc_item_key_span(items), 3, 7);
}

/* ---- syntax errors ------------------------------------------------------ */

Test(parser, several_errors_in_one_file)
{
	static const char src[] =
	    "role ciso \"CISO\" {\n"			/* 1 */
	    "  person \"A\" }\n"			/* 2 */
	    "}\n"					/* 3 */
	    "\"x\" y\n"					/* 4 */
	    "asset A1 {\n"				/* 5 */
	    "  type ]\n"				/* 6 */
	    "  owner ciso\n"				/* 7 */
	    "}\n"					/* 8 */
	    "threat T1 \"x\" {\n"			/* 9 */
	    "  description \"d\" \"e\" [\n"		/* 10 */
	    "}\n"					/* 11 */
	    "scale s { level 1 x \"X\"; level 2 y \"Y\" }\n";	/* 12 */

	cr_assert_eq(parse(src), 4);
	ASSERT_DIAGS(
	    "test.isms:3:1: error: unexpected '}', expected identifier, "
	    "end of line or end of file\n"
	    "test.isms:4:1: error: unexpected string, expected identifier, "
	    "end of line or end of file\n"
	    "test.isms:6:8: error: unexpected ']'\n"
	    "test.isms:11:1: error: unexpected '}'\n");
	/* Recovery keeps every item that parsed, leaving out broken ones. */
	ASSERT_AST(
	    "role ciso \"CISO\" {\n"
	    "    person \"A\"\n"
	    "}\n"
	    "asset A1 {\n"
	    "    owner ciso\n"
	    "}\n"
	    "threat T1 \"x\" {\n"
	    "}\n"
	    "scale s {\n"
	    "    level 1 x \"X\"\n"
	    "    level 2 y \"Y\"\n"
	    "}\n");
	cr_assert_eq(t.comp.diag.errors, 4);
}

/*
 * An item's arguments are gathered on the parser's value stack: those of
 * an item that an error drops must not leak into its siblings or its
 * parent, bracket lists included.
 */
Test(parser, arguments_survive_a_broken_sibling)
{
	cr_assert_eq(parse("a x y {\n  b 1 2 [3 ]]\n  c 4, [5, [6]] 7\n}\n"
	    "d 8\n"), 1);
	ASSERT_AST("a x y {\n    c 4 5 6 7\n}\nd 8\n");
	cr_assert_eq(items->nargs, 2);
	cr_assert_str_eq(arg(items, 1)->text, "y");
	cr_assert_null(ismc_value_next(arg(items, 1)));
	cr_assert_eq(items->body->nargs, 4);
	cr_assert_str_eq(arg(items->body, 3)->text, "7");
	cr_assert_eq(items->next->nargs, 1);
}

Test(parser, errors_show_source_and_caret_outside_plain_mode)
{
	t.comp.diag.plain = false;
	cr_assert_eq(parse("a {\n  b ]\n}\n"), 1);
	ASSERT_DIAGS(
	    "test.isms:2:5: error: unexpected ']'\n"
	    "    2 |   b ]\n"
	    "      |     ^\n");
}

Test(parser, error_in_block_expects_closing_brace)
{
	cr_assert_eq(parse("a {\n  1\n}\nb\n"), 1);
	ASSERT_DIAGS("test.isms:2:3: error: unexpected number, expected "
	    "identifier, '}' or end of line\n");
	ASSERT_AST("a {\n}\nb\n");
}

Test(parser, block_without_key)
{
	cr_assert_eq(parse("{ a }\nb\n"), 1);
	ASSERT_DIAGS("test.isms:1:1: error: a block's '{' must be on the same "
	    "line as its key\n");
	ASSERT_AST("b\n");
}

Test(parser, brace_on_the_next_line)
{
	cr_assert_eq(parse("risk R1 \"x\"\n{\n  likelihood high\n  residual {\n"
	    "  }\n}\nrole r\n"), 1);
	/* One error, not a cascade: the stray block is parsed and dropped. */
	ASSERT_DIAGS("test.isms:2:1: error: a block's '{' must be on the same "
	    "line as its key\n");
	ASSERT_AST("risk R1 \"x\"\nrole r\n");
}

Test(parser, unclosed_block_at_end_of_file)
{
	cr_assert_eq(parse("a 1\nb {\n  c 1\n"), 1);
	ASSERT_DIAGS("test.isms:4:1: error: unexpected end of file, expected "
	    "identifier, '}' or end of line\n"
	    "test.isms:2:3: note: to match this '{'\n");
	/* The items before the broken one survive. */
	ASSERT_AST("a 1\n");
}

/* The note names the innermost block still open, not a closed one. */
Test(parser, unclosed_block_note_names_the_open_brace)
{
	cr_assert_eq(parse("a {\n  b { c }\n  d {\n    e }\n  f 1\n"), 1);
	ASSERT_DIAGS("test.isms:6:1: error: unexpected end of file, expected "
	    "identifier, '}' or end of line\n"
	    "test.isms:1:3: note: to match this '{'\n");
}

Test(parser, unclosed_bracket_at_end_of_file)
{
	cr_assert_eq(parse("a [b\n"), 1);
	ASSERT_DIAGS("test.isms:2:1: error: unexpected end of file\n");
	cr_assert_null(items);
}

Test(parser, written_semicolon_is_named_as_such)
{
	cr_assert_eq(parse("a [b;]\n"), 2);
	ASSERT_DIAGS(
	    "test.isms:1:5: error: unexpected ';'\n"
	    "test.isms:1:6: error: unexpected ']', expected identifier, "
	    "end of line or end of file\n");
}

Test(parser, lexical_errors_are_not_reported_twice)
{
	cr_assert_eq(parse("a @ b\nc d\n"), 1);
	ASSERT_DIAGS("test.isms:1:3: error: unexpected character '@'\n");
	/* The line with the bad character is dropped; the next one is not. */
	ASSERT_AST("c d\n");
}

Test(parser, bad_character_at_start_of_line)
{
	cr_assert_eq(parse("x {\n  @\n  y 1\n}\n"), 1);
	ASSERT_DIAGS("test.isms:2:3: error: unexpected character '@'\n");
	ASSERT_AST("x {\n    y 1\n}\n");
}

Test(parser, value_errors_keep_the_item)
{
	cr_assert_eq(parse("date 2026-02-30\nname \"a\\qb\"\n"), 2);
	ASSERT_DIAGS(
	    "test.isms:1:6: error: invalid date '2026-02-30'\n"
	    "test.isms:2:8: error: unknown escape sequence '\\q'\n");
	ASSERT_AST("date 2026-02-30\nname \"ab\"\n");
}

Test(parser, value_as_key)
{
	cr_assert_eq(parse("5 x\n2026-01-01\nok\n"), 2);
	ASSERT_DIAGS(
	    "test.isms:1:1: error: unexpected number, expected identifier, "
	    "end of line or end of file\n"
	    "test.isms:2:1: error: unexpected date, expected identifier, "
	    "end of line or end of file\n");
	ASSERT_AST("ok\n");
}

Test(parser, qref_as_key)
{
	cr_assert_eq(parse("iso:A.1 x\n"), 1);
	ASSERT_DIAGS("test.isms:1:1: error: unexpected qualified identifier, "
	    "expected identifier, end of line or end of file\n");
}

/* ---- limits ------------------------------------------------------------- */

static char *
nested(int depth)
{
	char *s = malloc((size_t)depth * 6 + 2), *p = s;
	int i;

	cr_assert_not_null(s);
	for (i = 0; i < depth; i++)
		p += sprintf(p, "a { ");
	for (i = 0; i < depth; i++)
		*p++ = '}';
	*p++ = '\n';
	*p = '\0';
	return s;
}

Test(parser, deepest_nesting)
{
	char *s = nested(ISMC_MAX_NESTING);
	const struct ismc_item *it;
	int depth = 0;

	cr_assert_eq(parse(s), 0);
	ASSERT_DIAGS("");
	for (it = items; it != NULL; it = it->body) {
		cr_assert_eq(count_items(it->body), depth + 1 < ISMC_MAX_NESTING ? 1u : 0u);
		depth++;
	}
	cr_assert_eq(depth, ISMC_MAX_NESTING);
	free(s);
}

Test(parser, nesting_too_deep)
{
	char *s = nested(ISMC_MAX_NESTING + 1);

	cr_assert_eq(parse(s), 1);
	/* The scanner stops there, and the parser adds nothing. */
	ASSERT_DIAGS("test.isms:1:403: error: nesting too deep (limit 100)\n");
	cr_assert_null(items);
	free(s);
}

Test(parser, error_cap_stops_the_parse)
{
	t.comp.diag.max_errors = 2;
	cr_assert_geq(parse("1\n2\n3\n4\nok\n"), 2);
	ASSERT_DIAGS(
	    "test.isms:1:1: error: unexpected number, expected identifier, "
	    "end of line or end of file\n"
	    "test.isms:2:1: error: unexpected number, expected identifier, "
	    "end of line or end of file\n"
	    "ismc: fatal error: too many errors emitted, stopping now "
	    "[--max-errors=2]\n");
	cr_assert_null(items);
}

Test(parser, stopped_engine_parses_nothing)
{
	t.comp.diag.stopped = true;
	cr_assert_eq(parse("a b\n"), 1);
	cr_assert_null(items);
	ASSERT_DIAGS("");
}

Test(parser, value_kind_names)
{
	cr_assert_str_eq(ismc_value_kind_name(ISMC_V_IDENT), "identifier");
	cr_assert_str_eq(ismc_value_kind_name(ISMC_V_QREF),
	    "qualified identifier");
	cr_assert_str_eq(ismc_value_kind_name(ISMC_V_STRING), "string");
	cr_assert_str_eq(ismc_value_kind_name(ISMC_V_NUMBER), "number");
	cr_assert_str_eq(ismc_value_kind_name(ISMC_V_PERCENT), "percentage");
	cr_assert_str_eq(ismc_value_kind_name(ISMC_V_DATE), "date");
	cr_assert_str_eq(ismc_value_kind_name(ISMC_V_RANGE), "range");
}
