/*
 * source.c - the source manager: whole-file reads and lazy line maps.
 */
#include <config.h>

#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

void
ismc_sources_init(struct ismc_sources *s)
{
	s->files = NULL;
	s->count = s->cap = 0;
}

void
ismc_sources_destroy(struct ismc_sources *s)
{
	size_t i;

	for (i = 0; i < s->count; i++) {
		free((char *)s->files[i]->path);
		free(s->files[i]->text);
		free(s->files[i]->lines);
		free(s->files[i]);
	}
	free(s->files);
	ismc_sources_init(s);
}

static uint32_t
append(struct ismc_sources *s, const char *path, char *text, size_t len,
    dev_t dev, ino_t ino)
{
	struct ismc_source *f = ismc_xcalloc(1, sizeof *f);

	if (s->count == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->files = ismc_xreallocarray(s->files, s->cap, sizeof *s->files);
	}
	f->path = ismc_xstrdup(path);
	f->text = text;
	f->len = len;
	f->dev = dev;
	f->ino = ino;
	s->files[s->count] = f;
	return (uint32_t)s->count++;
}

static char *
read_all(int fd, size_t hint, size_t *lenp)
{
	size_t cap = hint + 1, len = 0;
	char *buf = ismc_xmalloc(cap + 1);
	ssize_t n;

	for (;;) {
		if (len == cap) {
			if (cap >= ISMC_MAX_FILE_SIZE) {
				free(buf);
				errno = EFBIG;
				return NULL;
			}
			cap *= 2;
			buf = ismc_xrealloc(buf, cap + 1);
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			return NULL;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > ISMC_MAX_FILE_SIZE) {
		free(buf);
		errno = EFBIG;
		return NULL;
	}
	buf[len] = '\0';
	*lenp = len;
	return buf;
}

uint32_t
ismc_sources_load(struct ismc_sources *s, const char *path)
{
	struct stat st;
	size_t len = 0;
	char *text;
	int fd, saved;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return ISMC_NO_FILE;
	if (fstat(fd, &st) != 0)
		goto fail;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > ISMC_MAX_FILE_SIZE) {
		errno = EFBIG;
		goto fail;
	}
	text = read_all(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 4096, &len);
	if (text == NULL)
		goto fail;
	close(fd);
	return append(s, path, text, len, st.st_dev, st.st_ino);
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return ISMC_NO_FILE;
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

	for (i = 0; i < s->count; i++) {
		if (s->files[i]->ino == ino && s->files[i]->dev == dev &&
		    ino != 0)
			return (uint32_t)i;
	}
	return ISMC_NO_FILE;
}

static void
build_lines(struct ismc_source *f)
{
	size_t i, n = 1, k = 0;

	for (i = 0; i < f->len; i++)
		if (f->text[i] == '\n')
			n++;
	f->lines = ismc_xreallocarray(NULL, n, sizeof *f->lines);
	f->lines[k++] = 0;
	for (i = 0; i < f->len; i++)
		if (f->text[i] == '\n')
			f->lines[k++] = (uint32_t)(i + 1);
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
