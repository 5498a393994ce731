/*
 * fileio.c - guarded whole-file reads, encoding sniffing and the
 * sandbox's path check.
 */
#include <config.h>

#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/vfs.h>
#endif

#include "xalloc.h"

#ifdef __linux__
/*
 * Kernel file systems whose files pretend to be regular: a /proc file has
 * size 0 and may block (/proc/kmsg) or hold secrets (/proc/self/environ).
 * Magic numbers from <linux/magic.h>, kept here because that header is
 * not in every libc's reach.
 */
static const unsigned long pseudo_fs[] = {
	0x9fa0UL,	/* proc */
	0x62656572UL,	/* sysfs */
	0x64626720UL,	/* debugfs */
	0x74726163UL,	/* tracefs */
	0x73636673UL,	/* securityfs */
	0x27e0ebUL,	/* cgroup */
	0x63677270UL,	/* cgroup2 */
	0xcafe4a11UL,	/* bpf */
	0xde5e81e4UL,	/* efivarfs */
	0x62656570UL,	/* configfs */
	0x6165676cUL,	/* pstore */
	0x65735543UL,	/* fusectl */
};

static bool
on_pseudo_fs(int fd)
{
	struct statfs sfs;
	size_t i;

	if (fstatfs(fd, &sfs) != 0)
		return false;
	for (i = 0; i < sizeof pseudo_fs / sizeof pseudo_fs[0]; i++) {
		if ((unsigned long)sfs.f_type == pseudo_fs[i])
			return true;
	}
	return false;
}
#else
static bool
on_pseudo_fs(int fd)
{
	(void)fd;
	return false;
}
#endif

static bool
fail(struct ismc_file_data *out, enum ismc_read_status st, int errnum)
{
	out->status = st;
	out->errnum = errnum;
	return false;
}

/* Reads to the end, or up to one byte past the limit: EFBIG then. */
static bool
read_fd(int fd, size_t hint, struct ismc_file_data *out)
{
	size_t cap = hint < ISMC_MAX_FILE_SIZE ? hint + 1 : ISMC_MAX_FILE_SIZE;
	size_t len = 0;
	char *buf = ismc_xmalloc(cap + 1);
	ssize_t n;

	for (;;) {
		if (len == cap) {
			if (cap > ISMC_MAX_FILE_SIZE) {
				free(buf);
				return fail(out, ISMC_READ_ERRNO, EFBIG);
			}
			/* One byte past the limit tells "too big" from
			 * "exactly at the limit". */
			cap = cap > ISMC_MAX_FILE_SIZE / 2 ?
			    ISMC_MAX_FILE_SIZE + 1 : cap * 2;
			buf = ismc_xrealloc(buf, cap + 1);
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			return fail(out, ISMC_READ_ERRNO, errno);
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > ISMC_MAX_FILE_SIZE) {
		free(buf);
		return fail(out, ISMC_READ_ERRNO, EFBIG);
	}
	buf[len] = '\0';
	out->text = buf;
	out->len = len;
	return true;
}

/* What a descriptor or path of type `mode` may be read as. */
static bool
check_type(mode_t mode, unsigned flags, struct ismc_file_data *out)
{
	if (S_ISDIR(mode))
		return fail(out, ISMC_READ_ERRNO, EISDIR);
	if (!S_ISREG(mode) && !(flags & ISMC_READ_STREAM_OK))
		return fail(out, ISMC_READ_NOT_REGULAR, 0);
	return true;
}

bool
ismc_file_read(const char *path, unsigned flags, struct ismc_file_data *out)
{
	struct stat st;
	bool ok;
	int fd, oflags = O_RDONLY | O_CLOEXEC | O_NOCTTY;

	memset(out, 0, sizeof *out);
	/* A device is refused before it is opened: opening some (a tape,
	 * a watchdog) already does something. */
	if (stat(path, &st) == 0 && !check_type(st.st_mode, flags, out))
		return false;
	/* Not blocking in open, either: a FIFO swapped in after the stat
	 * must not hang us before fstat sees it. A stream the user named
	 * is read as the user asked, blocking. */
	if (!(flags & ISMC_READ_STREAM_OK))
		oflags |= O_NONBLOCK;
	if ((fd = open(path, oflags)) < 0)
		return fail(out, ISMC_READ_ERRNO, errno);
	if (fstat(fd, &st) != 0) {
		fail(out, ISMC_READ_ERRNO, errno);
		ok = false;
	} else if (!check_type(st.st_mode, flags, out)) {
		ok = false;
	} else if (on_pseudo_fs(fd)) {
		ok = fail(out, ISMC_READ_PSEUDO, 0);
	} else if (S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size > ISMC_MAX_FILE_SIZE) {
		ok = fail(out, ISMC_READ_ERRNO, EFBIG);
	} else {
		out->id.dev = st.st_dev;
		out->id.ino = st.st_ino;
		ok = read_fd(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size :
		    4096, out);
	}
	close(fd);
	return ok;
}

bool
ismc_file_identify(const char *path, struct ismc_file_id *out)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return false;
	out->dev = st.st_dev;
	out->ino = st.st_ino;
	return true;
}

const char *
ismc_file_strerror(const struct ismc_file_data *f)
{
	switch (f->status) {
	case ISMC_READ_OK:
		return "no error";
	case ISMC_READ_ERRNO:
		return strerror(f->errnum);
	case ISMC_READ_NOT_REGULAR:
		return "not a regular file";
	case ISMC_READ_PSEUDO:
		return "not a regular file (a kernel pseudo-file, as in /proc "
		    "or /sys)";
	}
	return "unknown error";
}

/* ---- encodings ---------------------------------------------------------- */

const char *
ismc_text_foreign_encoding(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;

	if (len >= 4 && memcmp(s, "\0\0\xfe\xff", 4) == 0)
		return "UTF-32BE";
	if (len >= 4 && memcmp(s, "\xff\xfe\0\0", 4) == 0)
		return "UTF-32LE";
	if (len >= 2 && memcmp(s, "\xfe\xff", 2) == 0)
		return "UTF-16BE";
	if (len >= 2 && memcmp(s, "\xff\xfe", 2) == 0)
		return "UTF-16LE";
	if (len < 4)
		return NULL;
	/* Without a mark: the first two characters are ASCII in every
	 * file ismc reads, so the NULs give the encoding away. */
	if (s[0] == 0 && s[1] == 0 && s[2] == 0 && s[3] != 0)
		return "UTF-32BE";
	if (s[0] != 0 && s[1] == 0 && s[2] == 0 && s[3] == 0)
		return "UTF-32LE";
	if (s[0] == 0 && s[1] != 0 && s[2] == 0 && s[3] != 0)
		return "UTF-16BE";
	if (s[0] != 0 && s[1] == 0 && s[2] != 0 && s[3] == 0)
		return "UTF-16LE";
	return NULL;
}

/* ---- the sandbox ------------------------------------------------------ */

char *
ismc_path_canonical(const char *path)
{
	char *r = realpath(path, NULL);

	if (r == NULL && errno == ENOMEM)
		ismc_out_of_memory();
	return r;
}

/* Whether canonical `path` is `root` or below it. */
static bool
under(const char *path, const char *root)
{
	size_t n = strlen(root);

	if (strncmp(path, root, n) != 0)
		return false;
	/* "/" is the only canonical root that ends in a slash. */
	return path[n] == '\0' || path[n] == '/' || (n > 0 &&
	    root[n - 1] == '/');
}

bool
ismc_path_confined(const char *path, const char *const *roots, size_t nroots,
    char **resolved)
{
	char *r;
	size_t i;

	*resolved = NULL;
	if ((r = ismc_path_canonical(path)) == NULL)
		return false;
	*resolved = r;
	for (i = 0; i < nroots; i++) {
		if (under(r, roots[i]))
			return true;
	}
	return false;
}
