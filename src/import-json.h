/*
 * import-json.h - a JSON file, read with jansson, as a YAML node tree.
 *
 * OSCAL comes as JSON or YAML with the same keys and nesting, so the
 * importers walk one kind of tree (yamlnode.h) whichever it is. jansson
 * checks the JSON (strict syntax, UTF-8, no NUL in strings, no duplicate
 * keys) and reports syntax errors at their line and column. Its values
 * carry no positions: a message about a node is located by reading the
 * text again with the YAML reader, only when there is one to print, and
 * names the node's JSON path ("x.json: error: $.catalog.groups[2]: ...")
 * where that reading fails. What is kept from the tree (a catalog node's
 * span) is the whole file (ismc_json_span).
 *
 * Strings become quoted scalars; numbers, true and false plain scalars
 * spelt as in JSON; null a plain empty scalar, so ismc_ynode_is_null and
 * the ismc_ydoc_expect helpers work unchanged.
 */
#ifndef ISMC_IMPORT_JSON_H
#define ISMC_IMPORT_JSON_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "source.h"
#include "yamlnode.h"

/*
 * Parses source `file` into `doc`, reporting to `diag` (NULL: count
 * errors silently). True when the file is one well-formed JSON value
 * within ISMC_YAML_MAX_DEPTH levels. Free with ismc_json_free in every
 * case.
 */
bool	ismc_json_parse(struct ismc_ydoc *, const struct ismc_sources *,
	    struct ismc_diag *, uint32_t file);
void	ismc_json_free(struct ismc_ydoc *);

/*
 * The span to keep for node `n` of either kind of document, e.g. in a
 * catalog node: its own for YAML, the whole file for JSON.
 */
struct ismc_span ismc_json_span(const struct ismc_ydoc *,
	    const struct ismc_ynode *n);

#endif
