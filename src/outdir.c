/*
 * outdir.c - stage outputs in temporaries, then rename them all into place.
 *
 * rename(2) within one directory replaces a file atomically, so a reader
 * sees either the old or the new version of each output. Temporaries live
 * in the output directory itself, never in /tmp, because a rename across
 * file systems is not atomic (it fails with EXDEV). No fsync: a build is
 * reproducible, so after a power cut it is simply run again.
 *
 * The list of temporaries is heap-owned (the outdir outlives no arena but
 * may be cleaned up from a signal handler), and each node is fully built
 * before it is linked, so a handler walking the list never sees half a
 * node.
 */
#include <config.h>

#include "outdir.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "source.h"
#include "xalloc.h"

#define TMP_PREFIX	".ismc-tmp-"
#define TMP_PATTERN	TMP_PREFIX "XXXXXX-"

struct outfile {
	struct outfile		*next;
	char			*final;		/* dir/name */
	volatile sig_atomic_t	 created;	/* tmp exists on disk */
	char			 tmp[];		/* the temporary */
};

struct ismc_outdir {
	char			*dir;
	struct ismc_diag	*diag;		/* borrowed */
	struct outfile		*head;		/* in add order */
	struct outfile		**tailp;
	mode_t			 mode;		/* 0666 & ~umask */
	bool			 failed;	/* an add failed */
};

static char *
join(const char *dir, const char *sep, const char *name)
{
	size_t dl = strlen(dir), sl = strlen(sep), nl = strlen(name);
	char *p;

	if (dl > 0 && dir[dl - 1] == '/')
		dl--;
	if (dl > SIZE_MAX - sl - nl - 2)
		ismc_out_of_memory();
	p = ismc_xmalloc(dl + 1 + sl + nl + 1);
	memcpy(p, dir, dl);
	p[dl] = '/';
	memcpy(p + dl + 1, sep, sl);
	memcpy(p + dl + 1 + sl, name, nl + 1);
	return p;
}

static bool
mkdir_one(struct ismc_diag *d, const char *path)
{
	struct stat st;
	int err;

	if (mkdir(path, 0777) == 0)
		return true;
	err = errno;
	if (err == EEXIST) {
		if (stat(path, &st) != 0)
			err = errno;	/* e.g. a dangling symbolic link */
		else if (S_ISDIR(st.st_mode))
			return true;
		else
			err = ENOTDIR;
	}
	ismc_diag_error(d, ISMC_NO_SPAN, "cannot create directory '%s': %s",
	    path, strerror(err));
	return false;
}

/* mkdir -p: creates each missing component in turn. */
static bool
make_dirs(struct ismc_diag *d, const char *dir)
{
	char *p = ismc_xstrdup(dir), *s;
	bool ok = true;

	for (s = p; ok && *s != '\0'; s++) {
		if (*s != '/' || s == p || s[-1] == '/')
			continue;
		*s = '\0';
		ok = mkdir_one(d, p);
		*s = '/';
	}
	if (ok)
		ok = mkdir_one(d, p);
	free(p);
	return ok;
}

/*
 * Removes the temporaries of a build that was killed before it could
 * clean up. Failure to remove one is not an error: it only wastes space,
 * and this build's own names are unique anyway.
 */
static bool
remove_stale(struct ismc_outdir *od)
{
	DIR *dp;
	struct dirent *de;
	char *path;

	if ((dp = opendir(od->dir)) == NULL) {
		ismc_diag_error(od->diag, ISMC_NO_SPAN,
		    "cannot open directory '%s': %s", od->dir, strerror(errno));
		return false;
	}
	while ((de = readdir(dp)) != NULL) {
		if (strncmp(de->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) != 0)
			continue;
		path = join(od->dir, "", de->d_name);
		(void)unlink(path);
		free(path);
	}
	closedir(dp);
	return true;
}

struct ismc_outdir *
ismc_outdir_open(const char *dir, struct ismc_diag *d)
{
	struct ismc_outdir *od;
	mode_t mask;

	if (!make_dirs(d, dir))
		return NULL;
	od = ismc_xcalloc(1, sizeof *od);
	od->dir = ismc_xstrdup(dir);
	od->diag = d;
	od->tailp = &od->head;
	/* mkstemp creates files 0600; outputs get the usual 0666 & ~umask.
	 * There is no way to read the umask without setting it. */
	mask = umask(0);
	umask(mask);
	od->mode = 0666 & ~mask;
	if (!remove_stale(od)) {
		ismc_outdir_abort(od);
		return NULL;
	}
	return od;
}

/* A plain name that no cleanup could mistake for a temporary, short
 * enough that its temporary fits in NAME_MAX (255 on every system). */
static bool
valid_name(const char *name)
{
	return name[0] != '\0' && name[0] != '.' &&
	    strchr(name, '/') == NULL &&
	    strlen(name) <= 255 - strlen(TMP_PATTERN);
}

static bool
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, p, n > SSIZE_MAX ? SSIZE_MAX : n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;	/* no progress, no reason */
			return false;
		}
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* Writes b to f->tmp, whose name ends in "XXXXXX" and `suffix` more
 * bytes; false with errno set. */
static bool
write_tmp(struct ismc_outdir *od, struct outfile *f, size_t suffix,
    const struct ismc_buf *b)
{
	int fd, saved;

	/* Marked before it exists: a signal handler running between the
	 * open and the mark would otherwise leave it behind. Unlinking a
	 * name that was never created is harmless. */
	f->created = 1;
	fd = mkstemps(f->tmp, (int)suffix);
	if (fd < 0) {
		f->created = 0;
		return false;
	}
	if (fchmod(fd, od->mode) != 0 || !write_all(fd, b->data, b->len)) {
		saved = errno;
		(void)close(fd);
		errno = saved;
		return false;
	}
	/* close reports what delayed allocation held back (ENOSPC, EDQUOT). */
	return close(fd) == 0;
}

static void
fail(struct ismc_outdir *od, const char *path)
{
	ismc_diag_error(od->diag, ISMC_NO_SPAN, "cannot write '%s': %s", path,
	    strerror(errno));
	od->failed = true;
}

bool
ismc_outdir_add(struct ismc_outdir *od, const char *name,
    const struct ismc_buf *b)
{
	struct outfile *f;
	char *tmp;
	size_t len;

	if (od->failed)
		return false;
	if (!valid_name(name)) {
		ismc_diag_error(od->diag, ISMC_NO_SPAN,
		    "invalid output file name '%s'", name);
		od->failed = true;
		return false;
	}
	for (f = od->head; f != NULL; f = f->next) {
		if (strcmp(strrchr(f->final, '/') + 1, name) == 0) {
			ismc_diag_error(od->diag, ISMC_NO_SPAN,
			    "output file '%s' written twice", f->final);
			od->failed = true;
			return false;
		}
	}
	tmp = join(od->dir, TMP_PATTERN, name);
	len = strlen(tmp);
	f = ismc_xmalloc(sizeof *f + len + 1);
	memcpy(f->tmp, tmp, len + 1);
	free(tmp);
	f->next = NULL;
	f->final = join(od->dir, "", name);
	f->created = 0;
	/* Publish the node only once complete (see unlink_temps); the
	 * handler may run on another thread. */
	atomic_thread_fence(memory_order_release);
	*od->tailp = f;
	od->tailp = &f->next;
	if (!write_tmp(od, f, strlen(name) + 1, b)) {
		fail(od, f->final);
		return false;
	}
	return true;
}

void
ismc_outdir_unlink_temps(const struct ismc_outdir *od)
{
	const struct outfile *f;

	for (f = od->head; f != NULL; f = f->next)
		if (f->created)
			(void)unlink(f->tmp);
}

static void
destroy(struct ismc_outdir *od)
{
	struct outfile *f, *next;

	f = od->head;
	od->head = NULL;
	for (; f != NULL; f = next) {
		next = f->next;
		free(f->final);
		free(f);
	}
	free(od->dir);
	free(od);
}

void
ismc_outdir_abort(struct ismc_outdir *od)
{
	if (od == NULL)
		return;
	ismc_outdir_unlink_temps(od);
	destroy(od);
}

/*
 * rename(2) cannot replace a directory with a file. Checking every target
 * first turns the likeliest rename failure into a failure before any file
 * has been replaced.
 */
static bool
targets_ok(struct ismc_outdir *od)
{
	const struct outfile *f;
	struct stat st;

	for (f = od->head; f != NULL; f = f->next) {
		if (lstat(f->final, &st) == 0 && S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			fail(od, f->final);
			return false;
		}
	}
	return true;
}

bool
ismc_outdir_commit(struct ismc_outdir *od)
{
	struct outfile *f;

	if (od->failed || !targets_ok(od)) {
		ismc_outdir_abort(od);
		return false;
	}
	for (f = od->head; f != NULL; f = f->next) {
		if (rename(f->tmp, f->final) != 0) {
			/* Files renamed so far stay replaced: rename cannot be
			 * undone, but each of them is complete. */
			fail(od, f->final);
			ismc_outdir_abort(od);
			return false;
		}
		f->created = 0;
	}
	destroy(od);
	return true;
}
