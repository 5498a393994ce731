/*
 * test-util.c - the compiler's foundations: arena, interning, symbol
 * tables, natural order, suggestions, source line maps and the rendering
 * of diagnostics.
 */
#include <config.h>

#include <criterion/criterion.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "number.h"
#include "diag.h"
#include "escape.h"
#include "ir.h"
#include "source.h"
#include "strtab.h"
#include "suggest.h"
#include "symtab.h"
#include "text-bound.h"

Test(arena, allocations_are_zeroed_aligned_and_distinct)
{
	struct ismc_arena a;
	unsigned char *p[100];
	size_t i, j;

	ismc_arena_init(&a);
	for (i = 0; i < 100; i++) {
		p[i] = ismc_arena_alloc(&a, i + 1);
		cr_assert_eq((uintptr_t)p[i] % alignof(max_align_t), 0);
		for (j = 0; j <= i; j++)
			cr_assert_eq(p[i][j], 0);
		memset(p[i], 0xab, i + 1);
	}
	/* Writing each block must not have touched another. */
	for (i = 0; i < 100; i++)
		for (j = 0; j <= i; j++)
			cr_assert_eq(p[i][j], 0xab);
	ismc_arena_destroy(&a);
}

/* Strings pack byte by byte; an object gets its own type's alignment. */
Test(arena, objects_align_to_their_type)
{
	struct ismc_arena a;
	char *s, *t;
	double *d;
	int64_t *k;
	void *u;

	ismc_arena_init(&a);
	s = ismc_arena_strdup(&a, "abc");
	t = ismc_arena_strdup(&a, "de");
#ifndef ISMC_ARENA_DEBUG
	cr_assert_eq(t, s + 4);
#endif
	d = ISMC_NEW(&a, double);
	cr_assert_eq((uintptr_t)d % alignof(double), 0);
	cr_assert_eq(*d, 0.0);
	s = ismc_arena_strdup(&a, "x");
	k = ISMC_NEW_ARRAY(&a, int64_t, 3);
	cr_assert_eq((uintptr_t)k % alignof(int64_t), 0);
#ifndef ISMC_ARENA_DEBUG
	/* An array packs behind the string, aligned to its type only. */
	cr_assert_eq((char *)k, (char *)d + 2 * sizeof(int64_t));
#endif
	cr_assert_eq(k[0] | k[1] | k[2], 0);
	cr_assert_str_eq(s, "x");
	cr_assert_str_eq(t, "de");
	/* An untyped array is aligned for any object. */
	s = ismc_arena_strdup(&a, "y");
	u = ismc_arena_array(&a, 3, 1);
	cr_assert_eq((uintptr_t)u % alignof(max_align_t), 0);
	ismc_arena_destroy(&a);
}

/* A large request gets a block of its own; small ones go on filling the
 * block they were using. */
Test(arena, large_request_keeps_the_current_block)
{
	struct ismc_arena a;
	char *x, *big, *y;

	ismc_arena_init(&a);
	x = ismc_arena_strdup(&a, "x");
	big = ismc_arena_alloc(&a, 1 << 20);
	memset(big, 'b', 1 << 20);
	y = ismc_arena_strdup(&a, "y");
#ifndef ISMC_ARENA_DEBUG
	cr_assert_eq(y, x + 2);
#endif
	cr_assert_str_eq(x, "x");
	cr_assert_str_eq(y, "y");
	ismc_arena_destroy(&a);
}

Test(arena, large_blocks_and_strings)
{
	struct ismc_arena a;
	char *big, *s;

	ismc_arena_init(&a);
	big = ismc_arena_alloc(&a, 1 << 20);
	big[(1 << 20) - 1] = 'x';
	s = ismc_arena_printf(&a, "%s-%03d", "R", 7);
	cr_assert_str_eq(s, "R-007");
	cr_assert_str_eq(ismc_arena_strndup(&a, "abcdef", 3), "abc");
	ismc_arena_destroy(&a);
}

Test(strtab, equal_spellings_share_one_pointer)
{
	struct ismc_strtab t;
	const char *x, *y, *z;
	char name[32];
	int i;

	ismc_strtab_init(&t);
	x = ismc_strtab_intern(&t, "A.5.15xyz", 6);
	y = ismc_strtab_cstr(&t, "A.5.15");
	z = ismc_strtab_cstr(&t, "A.5.1");
	cr_assert_eq(x, y);
	cr_assert_neq(x, z);
	cr_assert_str_eq(x, "A.5.15");
	/* Growth keeps every earlier string findable. */
	for (i = 0; i < 5000; i++) {
		snprintf(name, sizeof name, "id-%d", i);
		ismc_strtab_cstr(&t, name);
	}
	cr_assert_eq(ismc_strtab_cstr(&t, "A.5.15"), x);
	cr_assert_eq(t.count, 5002);
	ismc_strtab_destroy(&t);
}

Test(symtab, keeps_insertion_order_and_refuses_duplicates)
{
	struct ismc_strtab t;
	struct ismc_symtab s;
	char name[32];
	int vals[3000], i;

	ismc_strtab_init(&t);
	ismc_symtab_init(&s);
	for (i = 0; i < 3000; i++) {
		snprintf(name, sizeof name, "k%d", 2999 - i);
		vals[i] = i;
		cr_assert_null(ismc_symtab_put(&s, ismc_strtab_cstr(&t, name),
		    &vals[i]));
	}
	cr_assert_eq(ismc_symtab_put(&s, ismc_strtab_cstr(&t, "k5"), &vals[0]),
	    &vals[2994]);
	cr_assert_eq(s.count, 3000);
	cr_assert_str_eq(s.keys[0], "k2999");
	cr_assert_str_eq(s.keys[2999], "k0");
	cr_assert_eq(ismc_symtab_get(&s, ismc_strtab_cstr(&t, "k0")),
	    &vals[2999]);
	cr_assert_null(ismc_symtab_get(&s, ismc_strtab_cstr(&t, "nope")));
	ismc_symtab_destroy(&s);
	ismc_strtab_destroy(&t);
}

Test(natcmp, numbers_sort_by_value)
{
	cr_assert_lt(ismc_natcmp("A.5.9", "A.5.10"), 0);
	cr_assert_lt(ismc_natcmp("A.5.37", "A.6.1"), 0);
	cr_assert_lt(ismc_natcmp("R-2", "R-10"), 0);
	cr_assert_gt(ismc_natcmp("R-010", "R-9"), 0);
	cr_assert_eq(ismc_natcmp("R-001", "R-001"), 0);
	cr_assert_neq(ismc_natcmp("R-01", "R-1"), 0);
	cr_assert_lt(ismc_natcmp("A.5", "A.5.1"), 0);
	cr_assert_lt(ismc_natcmp("CC1.1", "CC10.1"), 0);
}

Test(suggest, prefers_the_swapped_control)
{
	static const char *const ids[] = { "A.5.1", "A.5.5", "A.5.15",
	    "A.5.51x" };
	struct ismc_suggest s;
	size_t i;

	ismc_suggest_init(&s, "A.5.51");
	for (i = 0; i < 4; i++)
		ismc_suggest_offer(&s, ids[i]);
	cr_assert_str_eq(ismc_suggest_result(&s), "A.5.15");
	ismc_suggest_init(&s, "likelyhood");
	ismc_suggest_offer(&s, "impact");
	ismc_suggest_offer(&s, "likelihood");
	cr_assert_str_eq(ismc_suggest_result(&s), "likelihood");
	ismc_suggest_init(&s, "zzz");
	ismc_suggest_offer(&s, "risk");
	cr_assert_null(ismc_suggest_result(&s));
	cr_assert_eq(ismc_edit_distance("kitten", "sitting", 5), 3);
	cr_assert_eq(ismc_edit_distance("ab", "ba", 5), 1);
}

Test(source, line_and_column_at_the_edges)
{
	struct ismc_sources s;
	unsigned line, col;
	const char *text;
	size_t len;
	uint32_t f;

	ismc_sources_init(&s);
	f = ismc_sources_add(&s, "x.isms", "ab\r\ncd\n\nlast", 12);
	ismc_sources_linecol(&s, f, 0, &line, &col);
	cr_assert(line == 1 && col == 1);
	ismc_sources_linecol(&s, f, 4, &line, &col);
	cr_assert(line == 2 && col == 1);
	ismc_sources_linecol(&s, f, 7, &line, &col);	/* empty line */
	cr_assert(line == 3 && col == 1);
	ismc_sources_linecol(&s, f, 12, &line, &col);	/* end of file */
	cr_assert(line == 4 && col == 5);
	text = ismc_sources_line(&s, f, 1, &len);
	cr_assert_eq(len, 2);		/* the CR is not part of the line */
	cr_assert(strncmp(text, "ab", 2) == 0);
	text = ismc_sources_line(&s, f, 9, &len);
	cr_assert_eq(ismc_sources_line(&s, f, 7, &len)[0], '\n');
	cr_assert_eq(len, 0);
	text = ismc_sources_line(&s, f, 9, &len);
	cr_assert(len == 4 && strncmp(text, "last", 4) == 0);
	ismc_sources_destroy(&s);
}

static char *
render(bool plain, bool werror, bool nowarn)
{
	struct ismc_sources s;
	struct ismc_diag d;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	uint32_t id;

	ismc_sources_init(&s);
	id = ismc_sources_add(&s, "spec.isms", "risk R-1 {\n\tlikelihood hihg\n}\n",
	    30);
	ismc_diag_init(&d, &s, f);
	d.plain = plain;
	d.werror = werror;
	d.no_warnings = nowarn;
	ismc_diag_error(&d, (struct ismc_span){ id, 23, 27 },
	    "unknown likelihood level '%s'", "hihg");
	ismc_diag_note(&d, (struct ismc_span){ id, 5, 8 }, "in risk '%s'",
	    "R-1");
	ismc_diag_warning(&d, ISMC_W_STALE_EVIDENCE,
	    (struct ismc_span){ id, 0, 4 }, "a warning");
	ismc_diag_note(&d, ISMC_NO_SPAN, "a note on the warning");
	ismc_diag_summary(&d);
	fclose(f);
	ismc_sources_destroy(&s);
	return out;
}

Test(diag, gcc_style_with_caret_under_the_span)
{
	char *out = render(false, false, false);

	cr_assert_str_eq(out,
	    "spec.isms:2:13: error: unknown likelihood level 'hihg'\n"
	    "    2 | \tlikelihood hihg\n"
	    "      | \t           ^~~~\n"
	    "spec.isms:1:6: note: in risk 'R-1'\n"
	    "    1 | risk R-1 {\n"
	    "      |      ^~~\n"
	    "spec.isms:1:1: warning: a warning [-Wstale-evidence]\n"
	    "    1 | risk R-1 {\n"
	    "      | ^~~~\n"
	    "ismc: note: a note on the warning\n"
	    "1 error and 1 warning generated.\n");
	free(out);
}

Test(diag, werror_promotes_and_w_silences_with_notes)
{
	char *out = render(true, true, false);

	cr_assert_str_eq(out,
	    "spec.isms:2:13: error: unknown likelihood level 'hihg'\n"
	    "spec.isms:1:6: note: in risk 'R-1'\n"
	    "spec.isms:1:1: error: a warning [-Werror=stale-evidence]\n"
	    "ismc: note: a note on the warning\n"
	    "2 errors generated.\n");
	free(out);
	out = render(true, false, true);
	cr_assert_str_eq(out,
	    "spec.isms:2:13: error: unknown likelihood level 'hihg'\n"
	    "spec.isms:1:6: note: in risk 'R-1'\n"
	    "1 error generated.\n");
	free(out);
}

Test(diag, error_cap_stops_reporting)
{
	struct ismc_sources s;
	struct ismc_diag d;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	int i;

	ismc_sources_init(&s);
	ismc_diag_init(&d, &s, f);
	d.max_errors = 3;
	for (i = 0; i < 10; i++)
		ismc_diag_error(&d, ISMC_NO_SPAN, "e%d", i);
	fclose(f);
	cr_assert_eq(d.errors, 3);
	cr_assert(ismc_diag_stopped(&d));
	cr_assert_str_eq(out, "ismc: error: e0\nismc: error: e1\n"
	    "ismc: error: e2\nismc: fatal error: too many errors emitted, "
	    "stopping now [--max-errors=3]\n");
	free(out);
	ismc_sources_destroy(&s);
}

/* ---- escaping for terminals ------------------------------------------- */

static const char *
escaped(const char *s, unsigned flags)
{
	static char out[256];
	struct ismc_buf b;

	ismc_buf_init(&b);
	ismc_escape_buf(&b, s, strlen(s), flags);
	snprintf(out, sizeof out, "%s", ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return out;
}

Test(escape, what_could_drive_a_terminal_is_written_as_code_points)
{
	/* ESC, BEL, C1 CSI, RLO, a byte that is not UTF-8, a noncharacter,
	 * DEL, a zero-width joiner, the line separator, a BOM. */
	cr_assert_str_eq(escaped("a\x1b[2Jb\x07" "c\xc2\x9b" "d\xe2\x80\xae"
	    "e\xff" "f\xef\xbf\xbf" "g\x7f" "h\xe2\x80\x8d" "i\xe2\x80\xa8"
	    "j\xef\xbb\xbf" "k", 0),
	    "a<U+001B>[2Jb<U+0007>c<U+009B>d<U+202E>e<FF>f<U+FFFF>g<U+007F>h"
	    "<U+200D>i<U+2028>j<U+FEFF>k");
	/* Other scripts and symbols are text. */
	cr_assert_str_eq(escaped("Soci\xc3\xa9t\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac "
	    "\xe2\x82\xac \xf0\x9f\x94\x92", 0),
	    "Soci\xc3\xa9t\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xe2\x82\xac "
	    "\xf0\x9f\x94\x92");
	cr_assert_str_eq(escaped("a\tb\nc", 0), "a<U+0009>b<U+000A>c");
	cr_assert_str_eq(escaped("a\tb", ISMC_ESCAPE_KEEP_TAB), "a\tb");
	/* A cut sequence is one byte at a time. */
	cr_assert_str_eq(escaped("\xe2\x80x", 0), "<E2><80>x");
}

Test(escape, widths_count_characters_and_escapes)
{
	size_t w;

	cr_assert_eq(ismc_escape_char(NULL, "\xc3\xa9", 2, 0, &w), 2);
	cr_assert_eq(w, 1);
	cr_assert_eq(ismc_escape_char(NULL, "\xe2\x80\xae", 3, 0, &w), 3);
	cr_assert_eq(w, 8);
	cr_assert_eq(ismc_escape_char(NULL, "\x9b", 1, 0, &w), 1);
	cr_assert_eq(w, 4);
}

static char *
render_line(const char *line, struct ismc_span span)
{
	struct ismc_sources s;
	struct ismc_diag d;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	uint32_t id;

	ismc_sources_init(&s);
	id = ismc_sources_add(&s, "t.isms", line, strlen(line));
	span.file = id;
	ismc_diag_init(&d, &s, f);
	ismc_diag_error(&d, span, "bad '%s'", "x\x1b]0;t\x07");
	fclose(f);
	ismc_sources_destroy(&s);
	return out;
}

/* The quoted line is escaped, and the caret lines up under what it
 * underlines: one column a character, an escape's width for an escape. */
Test(diag, quoted_line_is_escaped_and_the_caret_counts_characters)
{
	char *out;

	out = render_line("role r \"\xe2\x80\xae\xc3\xa9\" x\n",
	    (struct ismc_span){ 0, 14, 15 });
	cr_assert_str_eq(out,
	    "t.isms:1:15: error: bad 'x<U+001B>]0;t<U+0007>'\n"
	    "    1 | role r \"<U+202E>\xc3\xa9\" x\n"
	    "      |                   ^\n");
	free(out);
	out = render_line("a \x1b[31mred\x1b[0m b\n",
	    (struct ismc_span){ 0, 2, 14 });
	cr_assert_str_eq(out,
	    "t.isms:1:3: error: bad 'x<U+001B>]0;t<U+0007>'\n"
	    "    1 | a <U+001B>[31mred<U+001B>[0m b\n"
	    "      |   ^" "~~~~~~~~~~~~~~~~~~~~~~~~~\n");
	free(out);
}

static char *
render_warnings(const struct ismc_wflags *fl, enum ismc_diag_format format)
{
	struct ismc_sources s;
	struct ismc_diag d;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	uint32_t id;

	ismc_sources_init(&s);
	id = ismc_sources_add(&s, "t.isms", "evidence E \"x\"\n", 15);
	ismc_diag_init(&d, &s, f);
	d.plain = true;
	d.format = format;
	ismc_diag_set_warnings(&d, fl);
	ismc_diag_warning(&d, ISMC_W_STALE_EVIDENCE,
	    (struct ismc_span){ id, 9, 10 }, "stale");
	ismc_diag_note(&d, (struct ismc_span){ id, 0, 8 }, "here");
	ismc_diag_warning(&d, ISMC_W_BAND_GAP, (struct ismc_span){ id, 0, 8 },
	    "gap");
	ismc_diag_error(&d, (struct ismc_span){ id, 11, 14 }, "unknown 'x'");
	ismc_diag_fixit(&d, (struct ismc_span){ id, 12, 13 }, "y");
	ismc_diag_summary(&d);
	fclose(f);
	ismc_diag_free(&d);
	ismc_sources_destroy(&s);
	return out;
}

Test(diag, warning_switches_apply_in_order)
{
	struct ismc_wflags fl;
	char *out;

	memset(&fl, 0, sizeof fl);
	cr_assert(ismc_wflags_parse(&fl, "no-stale-evidence"));
	cr_assert(ismc_wflags_parse(&fl, "error=band-gap"));
	cr_assert_not(ismc_wflags_parse(&fl, "stale-evidences"));
	cr_assert_not(ismc_wflags_parse(&fl, "no-"));
	cr_assert_str_eq(ismc_warning_suggest("stale-evidences"),
	    "stale-evidence");
	out = render_warnings(&fl, ISMC_DIAG_TEXT);
	cr_assert_str_eq(out,
	    "t.isms:1:1: error: gap [-Werror=band-gap]\n"
	    "t.isms:1:12: error: unknown 'x'\n"
	    "2 errors generated.\n");
	free(out);
	/* The last word wins; -Werror spares -Wno-error=NAME. */
	cr_assert(ismc_wflags_parse(&fl, "stale-evidence"));
	cr_assert(ismc_wflags_parse(&fl, "error"));
	cr_assert(ismc_wflags_parse(&fl, "no-error=stale-evidence"));
	out = render_warnings(&fl, ISMC_DIAG_TEXT);
	cr_assert_str_eq(out,
	    "t.isms:1:10: warning: stale [-Wstale-evidence]\n"
	    "t.isms:1:1: note: here\n"
	    "t.isms:1:1: error: gap [-Werror=band-gap]\n"
	    "t.isms:1:12: error: unknown 'x'\n"
	    "2 errors and 1 warning generated.\n");
	free(out);
}

Test(diag, every_warning_has_a_name_and_a_summary)
{
	int w;

	for (w = ISMC_W_NONE + 1; w < ISMC_W_COUNT; w++) {
		const char *n = ismc_warning_name((enum ismc_warning)w);

		cr_assert_not_null(n, "warning %d has no name", w);
		cr_assert_not_null(ismc_warning_summary((enum ismc_warning)w));
		cr_assert_eq(ismc_warning_find(n), w, "%s", n);
		/* "no-" and "error" would read as switches. */
		cr_assert_neq(strncmp(n, "no-", 3), 0, "%s", n);
		cr_assert_neq(strncmp(n, "error", 5), 0, "%s", n);
	}
	cr_assert_null(ismc_warning_name(ISMC_W_NONE));
}

/* GCC's JSON: notes as children, fix-its beside; nothing else written. */
Test(diag, json_form)
{
	struct ismc_wflags fl;
	char *out;

	memset(&fl, 0, sizeof fl);
	out = render_warnings(&fl, ISMC_DIAG_JSON);
	cr_assert_not_null(strstr(out, "\"kind\": \"warning\",\n"
	    "    \"message\": \"stale\",\n"
	    "    \"option\": \"-Wstale-evidence\",\n"));
	cr_assert_not_null(strstr(out, "\"children\": [\n"
	    "      {\n"
	    "        \"kind\": \"note\",\n"
	    "        \"message\": \"here\","));
	cr_assert_not_null(strstr(out, "\"fixits\": [\n"
	    "      {\n"
	    "        \"start\": {\n"
	    "          \"file\": \"t.isms\",\n"
	    "          \"line\": 1,\n"
	    "          \"display-column\": 13,\n"));
	cr_assert_not_null(strstr(out, "\"string\": \"y\"\n"));
	cr_assert_eq(out[0], '[');
	cr_assert_null(strstr(out, "generated"));
	free(out);
}

Test(buf, grows_and_formats)
{
	struct ismc_buf b;
	int i;

	ismc_buf_init(&b);
	cr_assert_str_eq(ismc_buf_cstr(&b), "");
	for (i = 0; i < 1000; i++)
		ismc_buf_printf(&b, "%d,", i % 10);
	cr_assert_eq(b.len, 2000);
	cr_assert(strncmp(b.data, "0,1,2,", 6) == 0);
	ismc_buf_reset(&b);
	ismc_buf_adds(&b, "x");
	cr_assert_str_eq(ismc_buf_cstr(&b), "x");
	ismc_buf_free(&b);
}

Test(date, parse_takes_exactly_the_spec_spelling)
{
	static const char *const shape[] = {
		"+026-01-01", "-026-01-01", " 026-01-01", "26-01-01",
		"2026-1-01", "2026-01-1 ", "02026-01-01", "2026/01/01",
		"２026-01-01", "", "2026-01-0x",
	};
	struct ismc_date d;
	size_t i;

	cr_assert_eq(ismc_date_parse("2024-02-29", 10, &d), ISMC_DATE_OK);
	cr_assert(d.year == 2024 && d.month == 2 && d.day == 29);
	cr_assert_eq(ismc_date_parse("2023-02-29", 10, &d), ISMC_DATE_INVALID);
	cr_assert_eq(ismc_date_parse("1900-02-29", 10, &d), ISMC_DATE_INVALID);
	cr_assert_eq(ismc_date_parse("2000-02-29", 10, &d), ISMC_DATE_OK);
	cr_assert_eq(ismc_date_parse("2026-13-01", 10, &d), ISMC_DATE_INVALID);
	cr_assert_eq(ismc_date_parse("2026-04-31", 10, &d), ISMC_DATE_INVALID);
	cr_assert_eq(ismc_date_parse("2026-00-10", 10, &d), ISMC_DATE_INVALID);
	for (i = 0; i < sizeof shape / sizeof *shape; i++)
		cr_assert_eq(ismc_date_parse(shape[i], strlen(shape[i]), &d),
		    ISMC_DATE_SHAPE, "%s", shape[i]);
}

Test(date, arithmetic)
{
	struct ismc_date a = { 2026, 1, 31 }, b;
	char buf[ISMC_DATE_BUFSIZE];

	cr_assert_eq(ismc_date_to_days((struct ismc_date){ 1970, 1, 1 }), 0);
	cr_assert_eq(ismc_date_to_days((struct ismc_date){ 2000, 3, 1 }),
	    11017);
	b = ismc_date_add_months(a, 1);
	ismc_date_format(b, buf);
	cr_assert_str_eq(buf, "2026-02-28");
	ismc_date_format(ismc_date_add_months(a, 25), buf);
	cr_assert_str_eq(buf, "2028-02-29");
	ismc_date_format(ismc_date_add_months(a, -2), buf);
	cr_assert_str_eq(buf, "2025-11-30");
	ismc_date_format(ismc_date_add_days(a, 366), buf);
	cr_assert_str_eq(buf, "2027-02-01");
	ismc_date_format(ismc_date_from_days(ismc_date_to_days(a)), buf);
	cr_assert_str_eq(buf, "2026-01-31");
	cr_assert_eq(ismc_date_cmp(a, b), -1);
	cr_assert_eq(ismc_date_cmp(b, a), 1);
	cr_assert_eq(ismc_date_cmp(a, a), 0);
}

Test(number, parse_takes_exactly_the_spec_spelling)
{
	static const char *const shape[] = {
		"", "nan", "inf", "0x64", "1e2", "-5", "+5", " 5", "5 ", "5.",
		".5", "5.5.5", "5,5", "１",
	};
	struct ismc_number n;
	size_t i;

	cr_assert_eq(ismc_number_parse("0064", 4, &n), ISMC_NUMBER_OK);
	cr_assert(n.is_int && n.ival == 64 && n.num == 64.0);
	cr_assert_eq(ismc_number_parse("62.5", 4, &n), ISMC_NUMBER_OK);
	cr_assert(!n.is_int && n.num == 62.5);
	cr_assert_eq(ismc_number_parse("9223372036854775807", 19, &n),
	    ISMC_NUMBER_OK);
	cr_assert_eq(n.ival, INT64_MAX);
	cr_assert_eq(ismc_number_parse("9223372036854775808", 19, &n),
	    ISMC_NUMBER_RANGE);
	/* Only len bytes are read: "12" of "123". */
	cr_assert_eq(ismc_number_parse("123", 2, &n), ISMC_NUMBER_OK);
	cr_assert_eq(n.ival, 12);
	for (i = 0; i < sizeof shape / sizeof *shape; i++)
		cr_assert_eq(ismc_number_parse(shape[i], strlen(shape[i]), &n),
		    ISMC_NUMBER_SHAPE, "%s", shape[i]);
}

/* ---- text bounded for the renderers (text-bound.h) --------------------- */

#define FSI_S	"\xe2\x81\xa8"
#define PDI_S	"\xe2\x81\xa9"
#define RLO_S	"\xe2\x80\xae"
#define PDF_S	"\xe2\x80\xac"
#define RLI_S	"\xe2\x81\xa7"
#define ELLIPSIS "\xe2\x80\xa6"

static char *
bound(const char *s, const struct ismc_text_limits *lim, unsigned *what)
{
	return ismc_text_bound(s, strlen(s), lim, what);
}

Test(text_bound, isolates_and_balances_bidi_controls)
{
	struct { const char *in, *out; } cases[] = {
		{ "plain", FSI_S "plain" PDI_S },
		/* an override is closed where its string ends */
		{ "a" RLO_S "evil", FSI_S "a" RLO_S "evil" PDF_S PDI_S },
		/* closers with no opener are dropped */
		{ PDF_S "x" PDI_S "y", FSI_S "xy" PDI_S },
		/* a PDI closes what was opened inside its isolate */
		{ "a" RLI_S "b" RLO_S "c" PDI_S "d",
		    FSI_S "a" RLI_S "b" RLO_S "c" PDI_S "d" PDI_S },
		/* invalid UTF-8 shows as U+FFFD */
		{ "x\xffy", FSI_S "x\xef\xbf\xbdy" PDI_S },
	};
	unsigned what;
	size_t i;
	char *o;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		o = bound(cases[i].in, &ismc_text_cell, &what);
		cr_assert_str_eq(o, cases[i].out, "case %zu", i);
		cr_assert_eq(what, 0);
		free(o);
	}
}

Test(text_bound, limits_bytes_lines_and_marks)
{
	const struct ismc_text_limits lim = { 10, 3, 2 };
	unsigned what;
	char *o;

	o = bound("abcdefghijklmnop", &lim, &what);
	cr_assert_str_eq(o, FSI_S "abcdefghij" ELLIPSIS PDI_S);
	cr_assert_eq(what, ISMC_TEXT_CUT);
	free(o);
	o = bound("a\nb\nc\nd", &lim, &what);
	cr_assert_str_eq(o, FSI_S "a\nb\nc" ELLIPSIS PDI_S);
	cr_assert_eq(what, ISMC_TEXT_CUT);
	free(o);
	/* e and four combining acute accents: two are kept */
	o = bound("e\xcc\x81\xcc\x81\xcc\x81\xcc\x81", &lim, &what);
	cr_assert_str_eq(o, FSI_S "e\xcc\x81\xcc\x81" PDI_S);
	cr_assert_eq(what, ISMC_TEXT_MARKS);
	free(o);
	/* a character is never split by the byte limit */
	o = bound("abcdefghi\xc3\xa9z", &lim, &what);
	cr_assert_str_eq(o, FSI_S "abcdefghi" ELLIPSIS PDI_S);
	free(o);
	/* openers beyond the depth limit are dropped with their closers */
	{
		char in[200 * 3 + 1], *p = in;
		size_t i;

		for (i = 0; i < 200; i++, p += 3)
			memcpy(p, RLO_S, 3);
		*p = '\0';
		o = ismc_text_bound(in, strlen(in), &ismc_text_para, &what);
		/* FSI, 64 RLO, 64 PDF, PDI */
		cr_assert_eq(strlen(o), 3 + 64 * 3 + 64 * 3 + 3);
		free(o);
	}
}
