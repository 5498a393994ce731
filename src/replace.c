/*
 * replace.c - one file replaced through a temporary and a rename.
 */
#include <config.h>

#include "replace.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "xalloc.h"

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

/* A new file's permissions under the umask (read back by setting it). */
static mode_t
default_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

bool
ismc_replace_file(const char *path, const struct ismc_buf *b, mode_t mode,
    struct ismc_diag *d)
{
	char *real = realpath(path, NULL), *tmp;
	const char *target = real != NULL ? real : path;
	int fd, err = 0;

	tmp = ismc_xmalloc(strlen(target) + sizeof ".ismc-tmp-XXXXXX");
	sprintf(tmp, "%s.ismc-tmp-XXXXXX", target);
	if ((fd = mkstemp(tmp)) < 0)
		err = errno;
	else {
		if (mode == (mode_t)-1)
			mode = default_mode();
		if (!write_all(fd, b) || fchmod(fd, mode & 07777) != 0)
			err = errno;
		if (close(fd) != 0 && err == 0)
			err = errno;
		if (err == 0 && rename(tmp, target) != 0)
			err = errno;
		if (err != 0)
			unlink(tmp);
	}
	if (err != 0)
		ismc_diag_error(d, ISMC_NO_SPAN, "cannot write '%s': %s", path,
		    strerror(err));
	free(tmp);
	free(real);
	return err == 0;
}
