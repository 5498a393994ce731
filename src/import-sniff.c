/*
 * import-sniff.c - what a data file is, told from its first events.
 *
 * The catalog search looks at every file of a search directory, so the
 * sniffer must be cheap and silent: it walks libyaml events (no tree) over
 * at most the first SNIFF_WINDOW bytes and stops at the first key that
 * settles the question. JSON is YAML's flow syntax as far as the first
 * keys go; a JSON file libyaml cannot walk is parsed with jansson instead.
 */
#include <config.h>

#include <stdarg.h>
#include <string.h>

#include <yaml.h>

#include "import-int.h"
#include "import-json.h"

#define SNIFF_WINDOW	(64 * 1024)

/* ---- the event walk ------------------------------------------------------ */

struct frame {
	bool		 map;
	bool		 want_key;	/* map: the next scalar is a key */
	size_t		 items;		/* seq: items so far */
};

struct walker {
	struct frame		 frames[IMP_WALK_DEPTH];
	struct imp_walk_step	 path[IMP_WALK_DEPTH];
	size_t			 depth;		/* open collections */
	size_t			 deep;		/* ... beyond IMP_WALK_DEPTH */
	imp_walk_fn		*fn;
	void			*ctx;
};

/* A value starts at the current position: name its step. */
static void
enter_value(struct walker *w)
{
	struct frame *f;

	if (w->depth == 0 || w->deep > 0)
		return;
	f = &w->frames[w->depth - 1];
	if (!f->map) {
		w->path[w->depth - 1].seq = true;
		w->path[w->depth - 1].index = f->items++;
	}
}

/* A value ended: a mapping wants its next key. */
static void
leave_value(struct walker *w)
{
	if (w->depth > 0 && w->deep == 0 && w->frames[w->depth - 1].map)
		w->frames[w->depth - 1].want_key = true;
}

static bool
on_scalar(struct walker *w, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct frame *f;
	bool go;

	if (w->deep > 0)
		return true;
	f = w->depth > 0 ? &w->frames[w->depth - 1] : NULL;
	if (f != NULL && f->map && f->want_key) {
		struct imp_walk_step *s = &w->path[w->depth - 1];

		s->seq = false;
		if (len >= IMP_KEY_MAX || memchr(v, '\0', len) != NULL)
			len = 0;	/* matches nothing wanted */
		memcpy(s->key, v, len);
		s->key[len] = '\0';
		f->want_key = false;
		return true;
	}
	enter_value(w);
	go = w->fn(w->ctx, w->path, w->depth, v, len);
	leave_value(w);
	return go;
}

static bool
on_open(struct walker *w, bool map)
{
	struct frame *f;
	bool go = true;

	enter_value(w);
	if (w->deep == 0)
		go = w->fn(w->ctx, w->path, w->depth, NULL, 0);
	if (w->deep > 0 || w->depth == IMP_WALK_DEPTH) {
		w->deep++;
		return go;
	}
	f = &w->frames[w->depth++];
	f->map = map;
	f->want_key = map;
	f->items = 0;
	return go;
}

static void
on_close(struct walker *w)
{
	if (w->deep > 0) {
		w->deep--;
		if (w->deep == 0)
			leave_value(w);
		return;
	}
	if (w->depth > 0)
		w->depth--;
	leave_value(w);
}

bool
imp_walk(const char *buf, size_t len, imp_walk_fn *fn, void *ctx)
{
	struct walker w;
	yaml_parser_t p;
	yaml_event_t ev;
	bool go = true, end = false;

	memset(&w, 0, sizeof w);
	w.fn = fn;
	w.ctx = ctx;
	if (!yaml_parser_initialize(&p))
		return false;
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (go && !end) {
		if (!yaml_parser_parse(&p, &ev)) {
			go = false;
			break;
		}
		switch (ev.type) {
		case YAML_SCALAR_EVENT:
			go = on_scalar(&w, &ev);
			break;
		case YAML_MAPPING_START_EVENT:
			go = on_open(&w, true);
			break;
		case YAML_SEQUENCE_START_EVENT:
			go = on_open(&w, false);
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			on_close(&w);
			break;
		case YAML_ALIAS_EVENT:
			/* Data files refuse aliases; nothing to name. */
			enter_value(&w);
			leave_value(&w);
			break;
		case YAML_STREAM_END_EVENT:
			end = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return go && end;
}

bool
imp_walk_at(const struct imp_walk_step *path, size_t depth, ...)
{
	const char *want;
	va_list ap;
	size_t i;
	bool ok = true;

	va_start(ap, depth);
	for (i = 0; ok && (want = va_arg(ap, const char *)) != NULL; i++) {
		if (i >= depth)
			ok = false;
		else if (strcmp(want, "[]") == 0)
			ok = path[i].seq;
		else
			ok = !path[i].seq && strcmp(path[i].key, want) == 0;
	}
	va_end(ap);
	return ok && i == depth;
}

/* ---- sniffing ------------------------------------------------------------ */

static const char *const oscal_roots[] = {
	"catalog", "profile", "mapping-collection", NULL,
};
/* Keys of an OSCAL root that an ismc file's header never has. */
static const char *const oscal_keys[] = {
	"uuid", "metadata", "groups", "controls", "params", "back-matter",
	"imports", "merge", "modify", "provenance", "mappings", NULL,
};

static bool
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return true;
	return false;
}

static bool
equals(const char *v, size_t len, const char *s)
{
	return strlen(s) == len && memcmp(v, s, len) == 0;
}

static enum ismc_data_format
oscal_format(const char *root)
{
	if (strcmp(root, "catalog") == 0)
		return ISMC_DATA_OSCAL_CATALOG;
	if (strcmp(root, "profile") == 0)
		return ISMC_DATA_OSCAL_PROFILE;
	return ISMC_DATA_OSCAL_MAPPING;
}

static bool
on_sniff(void *ctx, const struct imp_walk_step *path, size_t depth,
    const char *v, size_t len)
{
	enum ismc_data_format *fmt = ctx;

	if (depth == 0)
		return v == NULL;	/* a lone scalar: no data file */
	if (path[0].seq)
		return false;		/* a top-level sequence */
	if (depth == 1 && strcmp(path[0].key, "format") == 0 && v != NULL) {
		if (equals(v, len, "ismc-catalog/1"))
			*fmt = ISMC_DATA_ISMC_CATALOG;
		else if (equals(v, len, "ismc-mapping/1"))
			*fmt = ISMC_DATA_ISMC_MAPPING;
		else if (equals(v, len, "ismc-texts/1"))
			*fmt = ISMC_DATA_ISMC_TEXTS;
		return false;
	}
	if (depth == 1 && strcmp(path[0].key, "urn") == 0 && v != NULL) {
		if (len > 26 && memcmp(v, "urn:intuitem:risk:library:", 26) == 0)
			*fmt = ISMC_DATA_CISO_LIBRARY;
		return *fmt == ISMC_DATA_UNKNOWN;
	}
	if (depth >= 2 && in_list(path[0].key, oscal_roots) &&
	    !path[1].seq && in_list(path[1].key, oscal_keys)) {
		*fmt = oscal_format(path[0].key);
		return false;
	}
	return true;
}

/* The root keys of a JSON file libyaml could not walk. */
static enum ismc_data_format
sniff_json(const char *buf, size_t len)
{
	enum ismc_data_format fmt = ISMC_DATA_UNKNOWN;
	struct ismc_sources tmp;
	struct ismc_ydoc doc;
	const struct ismc_ynode *root, *k, *v;
	uint32_t file;
	size_t i, j, m;

	ismc_sources_init(&tmp);
	file = ismc_sources_add(&tmp, "sniff.json", buf, len);
	if (file != ISMC_NO_FILE && ismc_json_parse(&doc, &tmp, NULL, file) &&
	    (root = doc.root) != NULL && root->kind == ISMC_YNODE_MAPPING) {
		for (i = 0; i < root->len && fmt == ISMC_DATA_UNKNOWN; i++) {
			k = ismc_ynode_key(root, i);
			v = ismc_ynode_value(root, i);
			for (j = 0; oscal_roots[j] != NULL &&
			    !ismc_ynode_equals(k, oscal_roots[j]); j++)
				continue;
			if (oscal_roots[j] == NULL ||
			    v->kind != ISMC_YNODE_MAPPING)
				continue;
			for (m = 0; oscal_keys[m] != NULL; m++)
				if (ismc_ynode_get(v, oscal_keys[m]) != NULL)
					fmt = oscal_format(oscal_roots[j]);
		}
	}
	ismc_json_free(&doc);
	ismc_sources_destroy(&tmp);
	return fmt;
}

enum ismc_data_format
ismc_data_sniff(const char *buf, size_t len)
{
	enum ismc_data_format fmt = ISMC_DATA_UNKNOWN;
	bool walked;

	walked = imp_walk(buf, len < SNIFF_WINDOW ? len : SNIFF_WINDOW,
	    on_sniff, &fmt);
	/* A window cut short ends in a syntax error, which is fine once the
	 * format is known; a JSON file that libyaml stumbles over early is
	 * given to the JSON parser. */
	if (fmt == ISMC_DATA_UNKNOWN && !walked &&
	    imp_looks_like_json(buf, len))
		fmt = sniff_json(buf, len);
	return fmt;
}

bool
ismc_data_is_foreign(enum ismc_data_format fmt)
{
	return fmt >= ISMC_DATA_CISO_LIBRARY;
}

const char *
ismc_data_format_name(enum ismc_data_format fmt)
{
	switch (fmt) {
	case ISMC_DATA_UNKNOWN:
		break;
	case ISMC_DATA_ISMC_CATALOG:
		return "ismc catalog";
	case ISMC_DATA_ISMC_MAPPING:
		return "ismc mapping set";
	case ISMC_DATA_ISMC_TEXTS:
		return "ismc texts file";
	case ISMC_DATA_CISO_LIBRARY:
		return "CISO Assistant library";
	case ISMC_DATA_OSCAL_CATALOG:
		return "OSCAL catalog";
	case ISMC_DATA_OSCAL_PROFILE:
		return "OSCAL profile";
	case ISMC_DATA_OSCAL_MAPPING:
		return "OSCAL mapping collection";
	}
	return "unknown data file";
}
