/*
 * source.c - the source manager: files read once, found again by identity
 * in constant time, with lazy line maps and content digests.
 */
#include <config.h>

#include "source.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "xalloc.h"

void
ismc_sources_init(struct ismc_sources *s)
{
	memset(s, 0, sizeof *s);
}

void
ismc_sources_destroy(struct ismc_sources *s)
{
	size_t i;

	for (i = s->nborrowed; i < s->count; i++) {
		free((char *)s->files[i]->path);
		free(s->files[i]->text);
		free(s->files[i]->lines);
		free(s->files[i]->digest);
		free(s->files[i]);
	}
	free(s->files);
	free(s->by_id);
	ismc_sources_init(s);
}

void
ismc_sources_init_from(struct ismc_sources *s, const struct ismc_sources *base)
{
	memset(s, 0, sizeof *s);
	if (base->count > 0) {
		s->files = ismc_xreallocarray(NULL, base->count,
		    sizeof *s->files);
		memcpy(s->files, base->files, base->count * sizeof *s->files);
	}
	s->count = s->cap = s->nborrowed = base->count;
	if (base->nby_id > 0) {
		s->by_id = ismc_xreallocarray(NULL, base->nby_id,
		    sizeof *s->by_id);
		memcpy(s->by_id, base->by_id, base->nby_id * sizeof *s->by_id);
	}
	s->nby_id = base->nby_id;
	s->nidentified = base->nidentified;
}

/* ---- identity: (dev, ino) -> file, linear in the number of files ---- */

static size_t
identity_hash(dev_t dev, ino_t ino)
{
	uint64_t x = (uint64_t)ino * 0x9e3779b97f4a7c15ULL ^ (uint64_t)dev;

	x ^= x >> 31;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 29;
	return (size_t)x;
}

/* The slot holding (dev, ino), or the empty slot where it would go. */
static size_t
identity_slot(const struct ismc_sources *s, dev_t dev, ino_t ino)
{
	size_t mask = s->nby_id - 1, i = identity_hash(dev, ino) & mask;
	const struct ismc_source *f;

	while (s->by_id[i] != 0) {
		f = s->files[s->by_id[i] - 1];
		if (f->dev == dev && f->ino == ino)
			break;
		i = (i + 1) & mask;
	}
	return i;
}

static void
identity_add(struct ismc_sources *s, uint32_t file)
{
	const struct ismc_source *f = s->files[file];
	size_t i;

	if (f->ino == 0)
		return;		/* from memory: no identity */
	if (++s->nidentified * 2 > s->nby_id) {
		free(s->by_id);
		s->nby_id = s->nby_id ? s->nby_id * 2 : 64;
		s->by_id = ismc_xcalloc(s->nby_id, sizeof *s->by_id);
		for (i = 0; i < s->count; i++) {
			if (s->files[i]->ino != 0 && i != file)
				s->by_id[identity_slot(s, s->files[i]->dev,
				    s->files[i]->ino)] = (uint32_t)i + 1;
		}
	}
	s->by_id[identity_slot(s, f->dev, f->ino)] = file + 1;
}

static uint32_t
append(struct ismc_sources *s, const char *path, char *text, size_t len,
    dev_t dev, ino_t ino)
{
	struct ismc_source *f = ismc_xcalloc(1, sizeof *f);
	uint32_t id;

	if (s->count == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->files = ismc_xreallocarray(s->files, s->cap, sizeof *s->files);
	}
	f->path = ismc_xstrdup(path);
	f->text = text;
	f->len = len;
	f->dev = dev;
	f->ino = ino;
	id = (uint32_t)s->count;
	s->files[s->count++] = f;
	identity_add(s, id);
	return id;
}

uint32_t
ismc_sources_load(struct ismc_sources *s, const char *path, unsigned flags,
    bool *fresh, struct ismc_file_data *err)
{
	struct ismc_file_data fd;
	struct ismc_file_id id;
	uint32_t file;

	*fresh = false;
	memset(err, 0, sizeof *err);
	/* Read once: a file met again under another name is not opened. */
	if (ismc_file_identify(path, &id) &&
	    (file = ismc_sources_find_identity(s, id.dev, id.ino)) !=
	    ISMC_NO_FILE)
		return file;
	if (!ismc_file_read(path, flags, &fd)) {
		*err = fd;
		return ISMC_NO_FILE;
	}
	/* The same file again, reached through a race or a stream. */
	if ((file = ismc_sources_find_identity(s, fd.id.dev, fd.id.ino)) !=
	    ISMC_NO_FILE) {
		free(fd.text);
		return file;
	}
	*fresh = true;
	return append(s, path, fd.text, fd.len, fd.id.dev, fd.id.ino);
}

uint32_t
ismc_sources_add(struct ismc_sources *s, const char *name, const char *text,
    size_t len)
{
	char *copy = ismc_xmalloc(len + 1);

	memcpy(copy, text, len);
	copy[len] = '\0';
	return append(s, name, copy, len, 0, 0);
}

const struct ismc_source *
ismc_sources_get(const struct ismc_sources *s, uint32_t file)
{
	return file < s->count ? s->files[file] : NULL;
}

uint32_t
ismc_sources_find_identity(const struct ismc_sources *s, dev_t dev, ino_t ino)
{
	size_t i;

	if (ino == 0 || s->nby_id == 0)
		return ISMC_NO_FILE;
	i = identity_slot(s, dev, ino);
	return s->by_id[i] != 0 ? s->by_id[i] - 1 : ISMC_NO_FILE;
}

const char *
ismc_sources_digest(const struct ismc_sources *s, uint32_t file)
{
	struct ismc_source *f;
	gchar *hex;

	if (file >= s->count)
		return NULL;
	f = s->files[file];
	if (f->digest == NULL) {
		hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
		    (const guchar *)f->text, f->len);
		if (hex == NULL)
			ismc_out_of_memory();
		f->digest = ismc_xstrdup(hex);
		g_free(hex);
	}
	return f->digest;
}

/* memchr finds the line ends: a large spec's first located message (or
 * a report citing lines) must not cost a byte-by-byte pass, twice. */
static void
build_lines(struct ismc_source *f)
{
	const char *p, *end = f->text + f->len;
	size_t n = 1, k = 0;

	for (p = f->text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL;
	    p++)
		n++;
	f->lines = ismc_xreallocarray(NULL, n, sizeof *f->lines);
	f->lines[k++] = 0;
	for (p = f->text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL;
	    p++)
		f->lines[k++] = (uint32_t)(p - f->text + 1);
	f->nlines = n;
}

static size_t
line_index(struct ismc_source *f, uint32_t offset)
{
	size_t lo = 0, hi;

	if (f->lines == NULL)
		build_lines(f);
	hi = f->nlines;
	/* Last line whose start is <= offset. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (f->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void
ismc_sources_linecol(const struct ismc_sources *s, uint32_t file,
    uint32_t offset, unsigned *line, unsigned *col)
{
	struct ismc_source *f;
	size_t li;

	*line = *col = 0;
	if (file >= s->count)
		return;
	f = s->files[file];
	if (offset > f->len)
		offset = (uint32_t)f->len;
	li = line_index(f, offset);
	*line = (unsigned)(li + 1);
	*col = (unsigned)(offset - f->lines[li] + 1);
}

const char *
ismc_sources_line(const struct ismc_sources *s, uint32_t file, uint32_t offset,
    size_t *len)
{
	struct ismc_source *f;
	size_t li, start, end;

	*len = 0;
	if (file >= s->count)
		return "";
	f = s->files[file];
	if (offset > f->len)
		offset = (uint32_t)f->len;
	li = line_index(f, offset);
	start = f->lines[li];
	end = start;
	while (end < f->len && f->text[end] != '\n')
		end++;
	if (end > start && f->text[end - 1] == '\r')
		end--;
	*len = end - start;
	return f->text + start;
}
