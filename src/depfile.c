/*
 * depfile.c - make dependency files.
 */
#include <config.h>

#include "depfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "source.h"
#include "xalloc.h"

/*
 * A file name as GNU make reads it back (GCC's rules): a blank is
 * preceded by a backslash, and the backslashes just before it doubled;
 * '$' is doubled; '#' gets a backslash. A newline cannot be escaped.
 */
static bool
add_name(struct ismc_buf *out, const char *s, struct ismc_diag *d)
{
	const char *p, *q;

	if (strchr(s, '\n') != NULL || strchr(s, '\r') != NULL) {
		ismc_diag_error(d, ISMC_NO_SPAN, "cannot name '%s' in a make "
		    "dependency file: it holds a line break", s);
		return false;
	}
	for (p = s; *p != '\0'; p++) {
		switch (*p) {
		case ' ':
		case '\t':
			for (q = p; q > s && q[-1] == '\\'; q--)
				ismc_buf_addc(out, '\\');
			ismc_buf_addc(out, '\\');
			break;
		case '$':
			ismc_buf_addc(out, '$');
			break;
		case '#':
			ismc_buf_addc(out, '\\');
			break;
		}
		ismc_buf_addc(out, *p);
	}
	return true;
}

/* What make can compare times with: files read from disk, not buffers
 * (ino 0) or devices such as /dev/stdin. */
static bool
listed(const struct ismc_source *src)
{
	struct stat st;

	return src->ino != 0 && stat(src->path, &st) == 0 &&
	    S_ISREG(st.st_mode);
}

bool
ismc_depfile_format(struct ismc_buf *out, const char *const *targets,
    size_t ntargets, const struct ismc_sources *srcs, bool phony,
    struct ismc_diag *d)
{
	const struct ismc_source *src;
	uint32_t i;
	size_t t;

	for (t = 0; t < ntargets; t++) {
		if (t > 0)
			ismc_buf_addc(out, ' ');
		if (!add_name(out, targets[t], d))
			return false;
	}
	ismc_buf_addc(out, ':');
	for (i = 0; (src = ismc_sources_get(srcs, i)) != NULL; i++) {
		if (!listed(src))
			continue;
		ismc_buf_adds(out, " \\\n  ");
		if (!add_name(out, src->path, d))
			return false;
	}
	ismc_buf_addc(out, '\n');
	for (i = 0; phony && (src = ismc_sources_get(srcs, i)) != NULL; i++) {
		if (!listed(src))
			continue;
		ismc_buf_addc(out, '\n');
		add_name(out, src->path, d);
		ismc_buf_adds(out, ":\n");
	}
	return true;
}

/* Writes all of b to fd; false with errno set. */
static bool
write_all(int fd, const struct ismc_buf *b)
{
	size_t off = 0;
	ssize_t n;

	while (off < b->len) {
		n = write(fd, b->data + off, b->len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		off += (size_t)n;
	}
	return true;
}

bool
ismc_depfile_write(const char *path, const char *const *targets,
    size_t ntargets, const struct ismc_sources *srcs, bool phony,
    struct ismc_diag *d)
{
	struct ismc_buf b;
	struct stat st;
	mode_t mask;
	char *tmp;
	int fd, err = 0;

	if (stat(path, &st) == 0 &&
	    ismc_sources_find_identity(srcs, st.st_dev, st.st_ino) !=
	    ISMC_NO_FILE) {
		ismc_diag_error(d, ISMC_NO_SPAN, "will not write the dependency "
		    "file over '%s', which the build read", path);
		return false;
	}
	ismc_buf_init(&b);
	if (!ismc_depfile_format(&b, targets, ntargets, srcs, phony, d)) {
		ismc_buf_free(&b);
		return false;
	}
	tmp = ismc_xmalloc(strlen(path) + sizeof ".ismc-tmp-XXXXXX");
	sprintf(tmp, "%s.ismc-tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0)
		err = errno;
	else {
		/* mkstemp makes it 0600; a depfile is an ordinary file. */
		mask = umask(0);
		umask(mask);
		if (!write_all(fd, &b) || fchmod(fd, 0666 & ~mask) != 0)
			err = errno;
		if (close(fd) != 0 && err == 0)
			err = errno;
		if (err == 0 && rename(tmp, path) != 0)
			err = errno;
		if (err != 0)
			unlink(tmp);
	}
	if (err != 0)
		ismc_diag_error(d, ISMC_NO_SPAN, "cannot write '%s': %s", path,
		    strerror(err));
	free(tmp);
	ismc_buf_free(&b);
	return err == 0;
}
