/*
 * yamlnode.h - a small, safe YAML document reader.
 *
 * Reads one loaded source file with libyaml's event API into a tree of
 * scalar, sequence and mapping nodes, each with a byte span in that file,
 * so catalog and mapping errors print as file:line:col with a caret. The
 * tree lives in the document's own pool and dies with ismc_ydoc_free;
 * libyaml objects never outlive ismc_ydoc_parse.
 *
 * The reader refuses what catalogs do not need and what makes YAML
 * dangerous or ambiguous: anchors and aliases (which also rules out
 * "billion laughs"), tags, duplicate mapping keys, non-scalar keys,
 * nesting deeper than ISMC_YAML_MAX_DEPTH and more than one document.
 *
 * A large sequence under one top-level key (the rows of a mapping set) can
 * be streamed: each item is handed to a callback as soon as it is complete
 * and its memory is reused for the next, so memory stays proportional to
 * one item, not to the file.
 */
#ifndef ISMC_YAMLNODE_H
#define ISMC_YAMLNODE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "source.h"

#define ISMC_YAML_MAX_DEPTH	64	/* nested collections, root included */
/* Longest scalar accepted, as for a spec's strings (see doc/limits.md). */
#define ISMC_YAML_MAX_SCALAR	((size_t)1024 * 1024)

enum ismc_ynode_kind {
	ISMC_YNODE_SCALAR,
	ISMC_YNODE_SEQUENCE,
	ISMC_YNODE_MAPPING,
};

struct ismc_ynode {
	enum ismc_ynode_kind	 kind;
	bool			 plain;		/* unquoted: may be null */
	bool			 streamed;	/* items went to the stream
						 * callback, not u.items */
	uint32_t		 len;		/* scalar: bytes; sequence:
						 * items; mapping: pairs */
	struct ismc_span	 span;		/* the whole node */
	union {
		const char		*str;	/* scalar: NOT NUL-terminated;
						 * may point into the text */
		struct ismc_ynode	*items;	/* sequence: len items;
						 * mapping: 2 * len nodes,
						 * key then value */
	} u;
};

struct ismc_ypool;

struct ismc_ydoc {
	const struct ismc_sources *sources;	/* borrowed */
	struct ismc_diag	*diag;		/* borrowed; NULL = quiet */
	uint32_t		 file;
	struct ismc_ynode	*root;		/* NULL when the file holds no
						 * document */
	unsigned		 errors;	/* reported through this doc */
	bool			 well_formed;	/* read to the end, and the
						 * reader found nothing wrong
						 * (the stream callback may
						 * have) */
	struct ismc_ypool	*pool;		/* owns the tree; heap */
	/*
	 * Set by a reader that builds the tree itself from a parser without
	 * node positions (JSON, import-json.c): turns a node's span into
	 * the location to print and writes a prefix for the message (the
	 * node's JSON path). NULL for YAML.
	 */
	struct ismc_span	(*locate)(const struct ismc_ydoc *,
				    struct ismc_span, char *prefix,
				    size_t size);
	void			*locate_ctx;
};

/*
 * Streams the items of the sequence that is the value of top-level key
 * `key`. `item` sees each complete item (valid only during the call; copy
 * what you keep) with its index; returning false stops the parse.
 */
struct ismc_ystream {
	const char	 *key;
	bool		(*item)(void *ctx, struct ismc_ydoc *,
			    const struct ismc_ynode *, size_t index);
	void		 *ctx;
};

/*
 * Parses source `file` into `doc`, reporting to `diag` (NULL: count errors
 * silently). Returns true when the file is well-formed YAML within the
 * limits above and no error was reported, callbacks included (see also
 * doc->well_formed). Call ismc_ydoc_free afterwards in every case.
 */
bool	ismc_ydoc_parse(struct ismc_ydoc *, const struct ismc_sources *,
	    struct ismc_diag *, uint32_t file, const struct ismc_ystream *);
/*
 * Reads only the header of a file: builds the values of the top-level
 * keys in the NULL-terminated `keys` (others are parsed but dropped) and
 * stops as soon as each of them has been read, quietly. For a catalog
 * search that must tell a file's id without paying for its nodes. The
 * tree is whole (a mapping holding what was found); doc->well_formed
 * says whether the part read was.
 */
bool	ismc_ydoc_parse_keys(struct ismc_ydoc *, const struct ismc_sources *,
	    uint32_t file, const char *const *keys);
void	ismc_ydoc_free(struct ismc_ydoc *);

/*
 * Copies s[0..len) into buf (size >= 8) as a printable C string for a
 * message: control bytes become '?', and a long value is cut with "...".
 * Keys and ids come from untrusted files and end up on a terminal.
 */
const char *ismc_yaml_printable(const char *s, size_t len, char *buf,
	    size_t size);
/* Reports through the document's engine (or counts, when quiet). */
void	ismc_ydoc_report(struct ismc_ydoc *, enum ismc_severity,
	    struct ismc_span, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
void	ismc_ydoc_vreport(struct ismc_ydoc *, enum ismc_severity,
	    struct ismc_span, const char *, va_list)
	    __attribute__((format(printf, 4, 0)));
void	ismc_ydoc_warning(struct ismc_ydoc *, enum ismc_warning,
	    struct ismc_span, const char *, ...)
	    __attribute__((format(printf, 4, 5)));

static inline const struct ismc_ynode *
ismc_ynode_key(const struct ismc_ynode *map, size_t i)
{
	return &map->u.items[2 * i];
}

static inline const struct ismc_ynode *
ismc_ynode_value(const struct ismc_ynode *map, size_t i)
{
	return &map->u.items[2 * i + 1];
}

static inline const struct ismc_ynode *
ismc_ynode_item(const struct ismc_ynode *seq, size_t i)
{
	return &seq->u.items[i];
}

/* True for a plain scalar spelled as YAML null: "", "~", "null". */
bool	ismc_ynode_is_null(const struct ismc_ynode *);
/* True when `n` is a scalar whose value is exactly `s`. */
bool	ismc_ynode_equals(const struct ismc_ynode *, const char *s);
/* The value for scalar key `key` in mapping `map`, or NULL (also when
 * `map` is NULL or not a mapping). */
const struct ismc_ynode *ismc_ynode_get(const struct ismc_ynode *map,
	    const char *key);
const char *ismc_ynode_kind_name(enum ismc_ynode_kind);

/*
 * Each returns `n` when it has the wanted kind; otherwise reports
 * "expected a mapping for 'what'" at `n` and returns NULL.
 */
const struct ismc_ynode *ismc_ydoc_expect(struct ismc_ydoc *,
	    const struct ismc_ynode *n, enum ismc_ynode_kind, const char *what);
/* A scalar that is not null and has no NUL byte ("missing value for
 * 'what'" otherwise). */
const struct ismc_ynode *ismc_ydoc_expect_string(struct ismc_ydoc *,
	    const struct ismc_ynode *n, const char *what);
/*
 * The index in `names` (NULL-terminated) of string `n`, or -1 after
 * "unknown WHAT 'x'; did you mean 'y'?" (or "...; expected a, b or c"
 * when nothing is close): for keywords such as relationship names.
 */
int	ismc_ydoc_expect_enum(struct ismc_ydoc *, const struct ismc_ynode *n,
	    const char *what, const char *const *names);
/* A decimal integer in [min, max]; false after reporting otherwise. */
bool	ismc_ydoc_expect_int(struct ismc_ydoc *, const struct ismc_ynode *n,
	    const char *what, long min, long max, long *out);

/*
 * Schema helpers shared by the catalog and mapping-set loaders. `where`
 * completes a message: "in 'catalog'", "at the top level".
 */
/* Reports every key of `map` not in the NULL-terminated `known`, with a
 * "did you mean" for near misses; false if there was any. */
bool	ismc_ydoc_check_keys(struct ismc_ydoc *, const struct ismc_ynode *map,
	    const char *const *known, const char *where);
/* The value of `key`, or NULL after "missing required key 'key' where". */
const struct ismc_ynode *ismc_ydoc_require(struct ismc_ydoc *,
	    const struct ismc_ynode *map, const char *key, const char *where);
/*
 * Checks that the document is a mapping whose "format" is `format`
 * ("ismc-catalog/1"); `what` names the expected kind of file ("catalog")
 * in the message. Reports and returns false otherwise.
 */
bool	ismc_ydoc_check_format(struct ismc_ydoc *, const char *format,
	    const char *what);

#endif
