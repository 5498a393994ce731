/*
 * diag-json.c - diagnostics as GCC's JSON and as SARIF 2.1.0.
 *
 * The engine (diag.c) records each diagnostic with its notes and fix-its;
 * at the end this writes them as one document through jansson, so the
 * output is always well-formed. Messages are escaped as for a terminal
 * (escape.h): a reviewer reading code-scanning results in a web page is
 * as exposed to bidirectional overrides as one at a terminal.
 *
 * Locations give byte columns (as the text form does) and, as SARIF and
 * GCC's "display-column", columns in code points; lines and columns
 * count from 1.
 */
#include <config.h>

#include "diag-int.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "xalloc.h"

#define SARIF_SCHEMA	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/" \
			"errata01/os/schemas/sarif-schema-2.1.0.json"

/* A point of a file: line, byte column and code point column (from 1). */
struct pos {
	unsigned	 line;
	unsigned	 col;
	unsigned	 cpcol;
};

static struct pos
pos_of(const struct ismc_diag *d, uint32_t file, uint32_t offset)
{
	const struct ismc_source *src = ismc_sources_get(d->sources, file);
	struct pos p = { 0, 0, 1 };
	const char *line;
	size_t len, i, upto;

	ismc_sources_linecol(d->sources, file, offset, &p.line, &p.col);
	line = ismc_sources_line(d->sources, file, offset, &len);
	/* Code points start at every byte but UTF-8 continuation bytes. */
	upto = p.col - 1;
	for (i = 0; i < upto && line + i < src->text + src->len; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			p.cpcol++;
	return p;
}

static bool
located(const struct ismc_diag *d, struct ismc_span span)
{
	return ismc_sources_get(d->sources, span.file) != NULL;
}

static bool
has_lines(struct ismc_span span)
{
	return span.start != ISMC_WHOLE_FILE;
}

static json_t *
jstr(const char *s)
{
	struct ismc_buf b;
	json_t *j;

	ismc_buf_init(&b);
	ismc_escape_buf(&b, s, strlen(s), 0);
	j = json_string(ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return j != NULL ? j : json_string("");
}

static json_t *
jint(unsigned v)
{
	return json_integer((json_int_t)v);
}

static const char *
path_of(const struct ismc_diag *d, struct ismc_span span)
{
	return ismc_sources_get(d->sources, span.file)->path;
}

/* "-Wname", or "-Werror=name" for a warning made an error. */
static json_t *
option_of(const struct ismc_diag_record *r)
{
	char buf[128];

	snprintf(buf, sizeof buf, "-W%s%s", r->promoted ? "error=" : "",
	    ismc_warning_name(r->warning));
	return json_string(buf);
}

/* ---- GCC's JSON --------------------------------------------------------- */

static json_t *
gcc_pos(const struct ismc_diag *d, struct ismc_span span, uint32_t offset)
{
	json_t *o = json_object();
	struct pos p;

	json_object_set_new(o, "file", jstr(path_of(d, span)));
	if (!has_lines(span))
		return o;
	p = pos_of(d, span.file, offset);
	json_object_set_new(o, "line", jint(p.line));
	json_object_set_new(o, "display-column", jint(p.cpcol));
	json_object_set_new(o, "byte-column", jint(p.col));
	json_object_set_new(o, "column", jint(p.col));
	return o;
}

static json_t *
gcc_locations(const struct ismc_diag *d, struct ismc_span span)
{
	json_t *a = json_array(), *loc;

	if (!located(d, span))
		return a;
	loc = json_object();
	json_object_set_new(loc, "caret", gcc_pos(d, span, span.start));
	/* GCC's finish is the last character, inclusive. */
	if (has_lines(span) && span.end > span.start + 1)
		json_object_set_new(loc, "finish", gcc_pos(d, span,
		    span.end - 1));
	json_array_append_new(a, loc);
	return a;
}

static json_t *
gcc_diagnostic(const struct ismc_diag *d, size_t k)
{
	const struct ismc_diag_record *r = &d->records[k];
	json_t *o = json_object(), *children = json_array();
	json_t *fixits = json_array(), *c, *f;
	size_t i;

	json_object_set_new(o, "kind", json_string(ismc_diag_severity_name(r->sev)));
	json_object_set_new(o, "message", json_string(r->text));
	if (r->warning != ISMC_W_NONE)
		json_object_set_new(o, "option", option_of(r));
	json_object_set_new(o, "locations", gcc_locations(d, r->span));
	for (i = k + 1; i < d->nrecords && d->records[i].kind !=
	    ISMC_REC_DIAG; i++) {
		const struct ismc_diag_record *n = &d->records[i];

		if (n->kind == ISMC_REC_NOTE) {
			c = json_object();
			json_object_set_new(c, "kind", json_string("note"));
			json_object_set_new(c, "message", json_string(n->text));
			json_object_set_new(c, "locations",
			    gcc_locations(d, n->span));
			json_array_append_new(children, c);
		} else if (located(d, n->span) && has_lines(n->span)) {
			f = json_object();
			json_object_set_new(f, "start", gcc_pos(d, n->span,
			    n->span.start));
			json_object_set_new(f, "next", gcc_pos(d, n->span,
			    n->span.end));
			json_object_set_new(f, "string", json_string(n->text));
			json_array_append_new(fixits, f);
		}
	}
	json_object_set_new(o, "children", children);
	if (json_array_size(fixits) > 0)
		json_object_set_new(o, "fixits", fixits);
	else
		json_decref(fixits);
	json_object_set_new(o, "column-origin", json_integer(1));
	json_object_set_new(o, "escape-source", json_false());
	return o;
}

static void
dump(json_t *root, FILE *out)
{
	json_dumpf(root, out, JSON_INDENT(2));
	fputc('\n', out);
	json_decref(root);
}

void
ismc_diag_write_json(const struct ismc_diag *d)
{
	json_t *a = json_array();
	size_t k;

	for (k = 0; k < d->nrecords; k++)
		if (d->records[k].kind == ISMC_REC_DIAG)
			json_array_append_new(a, gcc_diagnostic(d, k));
	dump(a, d->out);
}

/* ---- SARIF 2.1.0 --------------------------------------------------------- */

/*
 * A path as a URI reference (RFC 3986): relative paths stay relative (to
 * the directory ismc ran in, as code scanning expects of a checkout's
 * root), absolute ones become file: URIs; every byte outside the
 * unreserved characters and '/' is percent-encoded.
 */
static json_t *
uri_of(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;
	struct ismc_buf b;
	json_t *j;

	ismc_buf_init(&b);
	if (path[0] == '/')
		ismc_buf_adds(&b, "file://");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL) {
			ismc_buf_addc(&b, *p);
		} else {
			ismc_buf_addc(&b, '%');
			ismc_buf_addc(&b, hex[*p >> 4]);
			ismc_buf_addc(&b, hex[*p & 15]);
		}
	}
	j = json_string(ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return j;
}

static json_t *
sarif_region(const struct ismc_diag *d, struct ismc_span span)
{
	json_t *o = json_object();
	struct pos s = pos_of(d, span.file, span.start);
	struct pos e = pos_of(d, span.file, span.end > span.start ?
	    span.end : span.start);

	json_object_set_new(o, "startLine", jint(s.line));
	json_object_set_new(o, "startColumn", jint(s.cpcol));
	json_object_set_new(o, "endLine", jint(e.line));
	json_object_set_new(o, "endColumn", jint(e.cpcol));
	json_object_set_new(o, "byteOffset", jint(span.start));
	json_object_set_new(o, "byteLength", jint(span.end > span.start ?
	    span.end - span.start : 0));
	return o;
}

static json_t *
sarif_artifact(const struct ismc_diag *d, struct ismc_span span)
{
	json_t *o = json_object();

	json_object_set_new(o, "uri", uri_of(path_of(d, span)));
	return o;
}

static json_t *
sarif_physical(const struct ismc_diag *d, struct ismc_span span)
{
	json_t *o = json_object();

	json_object_set_new(o, "artifactLocation", sarif_artifact(d, span));
	if (has_lines(span))
		json_object_set_new(o, "region", sarif_region(d, span));
	return o;
}

static json_t *
sarif_message(const char *text)
{
	json_t *o = json_object();

	json_object_set_new(o, "text", json_string(text));
	return o;
}

static const char *
sarif_level(const struct ismc_diag_record *r)
{
	switch (r->sev) {
	case ISMC_NOTE:
		return "note";
	case ISMC_WARNING:
		return "warning";
	default:
		return "error";
	}
}

static json_t *
sarif_fix(const struct ismc_diag *d, const struct ismc_diag_record *n)
{
	json_t *fix = json_object(), *changes = json_array();
	json_t *change = json_object(), *repls = json_array();
	json_t *repl = json_object(), *content = json_object();
	char desc[256];

	snprintf(desc, sizeof desc, "Replace with '%s'", n->text);
	json_object_set_new(fix, "description", sarif_message(desc));
	json_object_set_new(content, "text", json_string(n->text));
	json_object_set_new(repl, "deletedRegion", sarif_region(d, n->span));
	json_object_set_new(repl, "insertedContent", content);
	json_array_append_new(repls, repl);
	json_object_set_new(change, "artifactLocation",
	    sarif_artifact(d, n->span));
	json_object_set_new(change, "replacements", repls);
	json_array_append_new(changes, change);
	json_object_set_new(fix, "artifactChanges", changes);
	return fix;
}

static json_t *
sarif_result(const struct ismc_diag *d, size_t k)
{
	const struct ismc_diag_record *r = &d->records[k];
	json_t *o = json_object(), *locs = json_array();
	json_t *related = json_array(), *fixes = json_array(), *loc;
	char rule[128];
	size_t i;

	if (r->warning != ISMC_W_NONE)
		snprintf(rule, sizeof rule, "-W%s",
		    ismc_warning_name(r->warning));
	else
		snprintf(rule, sizeof rule, "%s", r->sev == ISMC_FATAL ?
		    "fatal-error" : r->sev == ISMC_NOTE ? "note" : "error");
	json_object_set_new(o, "ruleId", json_string(rule));
	if (r->warning != ISMC_W_NONE)
		json_object_set_new(o, "ruleIndex",
		    json_integer(r->warning - 1));
	json_object_set_new(o, "level", json_string(sarif_level(r)));
	json_object_set_new(o, "message", sarif_message(r->text));
	if (located(d, r->span)) {
		loc = json_object();
		json_object_set_new(loc, "physicalLocation",
		    sarif_physical(d, r->span));
		json_array_append_new(locs, loc);
	}
	json_object_set_new(o, "locations", locs);
	for (i = k + 1; i < d->nrecords && d->records[i].kind !=
	    ISMC_REC_DIAG; i++) {
		const struct ismc_diag_record *n = &d->records[i];

		if (n->kind == ISMC_REC_NOTE) {
			loc = json_object();
			json_object_set_new(loc, "id",
			    json_integer((json_int_t)json_array_size(related)));
			if (located(d, n->span))
				json_object_set_new(loc, "physicalLocation",
				    sarif_physical(d, n->span));
			json_object_set_new(loc, "message",
			    sarif_message(n->text));
			json_array_append_new(related, loc);
		} else if (located(d, n->span) && has_lines(n->span)) {
			json_array_append_new(fixes, sarif_fix(d, n));
		}
	}
	if (json_array_size(related) > 0)
		json_object_set_new(o, "relatedLocations", related);
	else
		json_decref(related);
	if (json_array_size(fixes) > 0)
		json_object_set_new(o, "fixes", fixes);
	else
		json_decref(fixes);
	return o;
}

/* The rules are the warning table, in its order (ruleIndex is w - 1). */
static json_t *
sarif_rules(void)
{
	json_t *rules = json_array(), *rule, *conf;
	char id[128];
	int w;

	for (w = ISMC_W_NONE + 1; w < ISMC_W_COUNT; w++) {
		rule = json_object();
		conf = json_object();
		snprintf(id, sizeof id, "-W%s",
		    ismc_warning_name((enum ismc_warning)w));
		json_object_set_new(rule, "id", json_string(id));
		json_object_set_new(rule, "name", json_string(
		    ismc_warning_name((enum ismc_warning)w)));
		json_object_set_new(rule, "shortDescription", sarif_message(
		    ismc_warning_summary((enum ismc_warning)w)));
		json_object_set_new(conf, "level", json_string("warning"));
		json_object_set_new(rule, "defaultConfiguration", conf);
		json_array_append_new(rules, rule);
	}
	return rules;
}

void
ismc_diag_write_sarif(const struct ismc_diag *d)
{
	json_t *root = json_object(), *runs = json_array(), *run = json_object();
	json_t *tool = json_object(), *driver = json_object();
	json_t *results = json_array();
	size_t k;

	json_object_set_new(driver, "name", json_string("ismc"));
	json_object_set_new(driver, "version", json_string(PACKAGE_VERSION));
	json_object_set_new(driver, "rules", sarif_rules());
	json_object_set_new(tool, "driver", driver);
	json_object_set_new(run, "tool", tool);
	for (k = 0; k < d->nrecords; k++)
		if (d->records[k].kind == ISMC_REC_DIAG)
			json_array_append_new(results, sarif_result(d, k));
	json_object_set_new(run, "results", results);
	json_object_set_new(run, "columnKind",
	    json_string("unicodeCodePoints"));
	json_array_append_new(runs, run);
	json_object_set_new(root, "$schema", json_string(SARIF_SCHEMA));
	json_object_set_new(root, "version", json_string("2.1.0"));
	json_object_set_new(root, "runs", runs);
	dump(root, d->out);
}
