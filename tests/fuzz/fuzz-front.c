/*
 * fuzz-front.c - libFuzzer harness: the front end alone, fast. One spec
 * through the scanner and the parser, the syntax tree dump and the token
 * dump; then, when it parsed, `ismc fmt`, whose layout must parse again
 * and be a fixed point (formatting it changes nothing: src/fmt.h).
 *
 * No catalog is loaded and no semantic analysis runs, so this harness
 * executes many times more inputs a second than fuzz-spec and reaches
 * the grammar's corners sooner; fuzz-spec takes its corpus further.
 */
#include "fuzz.h"

#include "buf.h"
#include "fmt.h"

#define MAX_INPUT	(16 * 1024)

/* Parses `len` bytes as a spec in `c`; its items (what parsed, after
 * errors). */
static struct ismc_item *
parse(struct ismc_compilation *c, const char *text, size_t len,
    uint32_t *file)
{
	struct ismc_item *items = NULL;

	*file = ismc_sources_add(&c->sources, FUZZ_SPEC_NAME, text, len);
	ismc_parse_source(c, *file, &items);
	return items;
}

/* Formats what parsed; its layout must parse and format to itself. */
static void
fixed_point(struct ismc_compilation *c, uint32_t file,
    const struct ismc_item *items)
{
	struct ismc_buf once, twice;
	struct ismc_item *again;
	uint32_t f2;

	ismc_buf_init(&once);
	ismc_buf_init(&twice);
	if (ismc_fmt_format(c, file, items, &once)) {
		again = parse(c, once.data != NULL ? once.data : "",
		    once.len, &f2);
		if (c->diag.errors != 0 ||
		    !ismc_fmt_format(c, f2, again, &twice) ||
		    twice.len != once.len ||
		    (once.len > 0 && memcmp(once.data, twice.data,
		    once.len) != 0)) {
			fprintf(stderr, "fuzz-front: the layout of a spec is "
			    "not a fixed point of ismc fmt\n");
			abort();
		}
	}
	ismc_buf_free(&once);
	ismc_buf_free(&twice);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ismc_compilation c;
	struct ismc_item *items;
	uint32_t file;

	if (size > MAX_INPUT)
		return -1;
	ismc_compilation_init(&c, fuzz_diag_out());
	fuzz_diag_config(&c);
	items = parse(&c, (const char *)data, size, &file);
	ismc_ast_dump(fuzz_devnull(), items, 0);
	if (c.diag.errors == 0)
		fixed_point(&c, file, items);
	ismc_dump_tokens(&c, file, fuzz_devnull());
	ismc_diag_summary(&c.diag);
	ismc_compilation_destroy(&c);
	return 0;
}
