/*
 * outdir.c - stage outputs, then put them all in place under a lock.
 *
 * One build at a time: the directory itself is locked with flock(2) from
 * open to commit or abort, so that the temporaries of a killed build (no
 * lock holder left) can be told from a live build's (which holds it), and
 * a second build waits instead of mixing its files with the first's. A
 * build that replaced the directory (below) leaves its waiters holding the
 * lock of a directory no longer in place: they lock again.
 *
 * Two ways to put the set in place (outdir.h):
 *  - exchange: when every entry of the directory is an output of ismc
 *    (its manifest says so) and the directory can be renamed (not the
 *    working directory, not a link, not a mount point), the outputs go
 *    into a fresh sibling ".NAME.ismc-new-XXXXXX", which
 *    renameat2(RENAME_EXCHANGE) swaps with the directory in one step;
 *    the old set, now under the sibling's name, is then removed.
 *  - in place: each output goes to a temporary beside its final name
 *    (".ismc-tmp-XXXXXX-<name>") and is renamed over it; each file is
 *    replaced atomically, the set under the lock.
 * Temporaries never go to /tmp: a rename across file systems is not
 * atomic (it fails with EXDEV). No fsync: a build is reproducible, so
 * after a power cut it is simply run again.
 *
 * The list of temporaries is heap-owned (the outdir outlives no arena but
 * may be cleaned up from a signal handler), and each node is fully built
 * before it is linked, so a handler walking the list never sees half a
 * node.
 */
#include <config.h>

#include "outdir.h"

#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "source.h"
#include "xalloc.h"

#define TMP_PREFIX	".ismc-tmp-"
#define TMP_PATTERN	TMP_PREFIX "XXXXXX-"
#define STAGE_INFIX	".ismc-new-"
#define MANIFEST_MAX	(256 * 1024)	/* bytes of a manifest read */
#define OWNED_MAX	4096		/* entries an owned directory may hold */

struct outfile {
	struct outfile		*next;
	char			*final;		/* dir/name */
	volatile sig_atomic_t	 created;	/* tmp exists on disk */
	char			 tmp[];		/* the temporary */
};

/* An input of the build, never to be replaced (ismc_outdir_protect). */
struct input {
	dev_t			 dev;
	ino_t			 ino;
	char			*what;
};

struct ismc_outdir {
	char			*dir;
	struct ismc_diag	*diag;		/* borrowed */
	struct outfile		*head;		/* in add order */
	struct outfile		**tailp;
	int			 lockfd;	/* the directory, locked */
	mode_t			 mode;		/* 0666 & ~umask */
	mode_t			 dir_mode;	/* the directory's permissions */
	char			*stage;		/* exchange: the sibling; NULL
						 * in place (heap) */
	volatile sig_atomic_t	 stage_made;	/* it exists on disk */
	bool			 prepared;	/* the way was chosen */
	bool			 manifest;	/* write ISMC_OUTDIR_MANIFEST */
	bool			 failed;	/* an add failed */
	struct input		*inputs;
	size_t			 ninputs;
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

static void
say_waiting(struct ismc_outdir *od)
{
	/* Not a diagnostic about the input: said only in the text format,
	 * where a person may be waiting too (JSON and SARIF stay clean). */
	if (od->diag->format == ISMC_DIAG_TEXT) {
		fprintf(od->diag->out, "ismc: note: waiting for another build "
		    "writing into '%s'\n", od->dir);
		fflush(od->diag->out);
	}
}

/*
 * Locks the directory for this build, waiting for another one that holds
 * it. That one may have put a new directory in place of the one locked
 * (exchange): then the new one is locked, until the lock held is the
 * lock of the directory in place.
 */
static bool
lock_dir(struct ismc_outdir *od)
{
	struct stat held, now;
	bool said = false;
	int fd, r;

	for (;;) {
		fd = open(od->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd < 0) {
			ismc_diag_error(od->diag, ISMC_NO_SPAN, "cannot open "
			    "directory '%s': %s", od->dir, strerror(errno));
			return false;
		}
		if ((r = flock(fd, LOCK_EX | LOCK_NB)) != 0 &&
		    errno == EWOULDBLOCK) {
			if (!said)
				say_waiting(od);
			said = true;
			while ((r = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
				continue;
		}
		if (r != 0) {
			ismc_diag_error(od->diag, ISMC_NO_SPAN, "cannot lock "
			    "directory '%s': %s", od->dir, strerror(errno));
			(void)close(fd);
			return false;
		}
		if (fstat(fd, &held) == 0 && stat(od->dir, &now) == 0 &&
		    held.st_dev == now.st_dev && held.st_ino == now.st_ino) {
			od->lockfd = fd;
			od->dir_mode = held.st_mode & 07777;
			return true;
		}
		(void)close(fd);
		if (!make_dirs(od->diag, od->dir))
			return false;
	}
}

/* Unlinks every entry of directory `fd` that `match` accepts (NULL: all),
 * never following a link; closes fd. */
static void
clear_dir(int fd, bool (*match)(const char *))
{
	DIR *dp;
	struct dirent *de;

	if ((dp = fdopendir(fd)) == NULL) {
		(void)close(fd);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (match == NULL || match(de->d_name))
			(void)unlinkat(dirfd(dp), de->d_name, 0);
	}
	closedir(dp);
}

static bool
is_temporary(const char *name)
{
	return strncmp(name, TMP_PREFIX, strlen(TMP_PREFIX)) == 0;
}

/*
 * The directory `dir` is in and its last name, when it has one that can
 * be renamed and a staging sibling's name fits in NAME_MAX: false for
 * "/", ".", "..", "x/.".
 */
static bool
split(const char *dir, char **parent, const char **base)
{
	size_t len = strlen(dir);
	const char *slash;

	while (len > 1 && dir[len - 1] == '/')
		len--;
	if ((slash = memrchr(dir, '/', len)) == NULL) {
		*parent = ismc_xstrdup(".");
		*base = dir;
	} else {
		*parent = ismc_xstrdup(slash == dir ? "/" : "");
		if (slash != dir) {
			free(*parent);
			*parent = ismc_xmalloc((size_t)(slash - dir) + 1);
			memcpy(*parent, dir, (size_t)(slash - dir));
			(*parent)[slash - dir] = '\0';
		}
		*base = slash + 1;
	}
	len -= (size_t)(*base - dir);
	if (len == 0 || (len == 1 && **base == '.') ||
	    (len == 2 && strncmp(*base, "..", 2) == 0) ||
	    len + strlen(STAGE_INFIX) + 8 > 255) {
		free(*parent);
		*parent = NULL;
		return false;
	}
	return true;
}

/* The prefix of the staging siblings of directory `base`: ".base.ismc-new-"
 * (base may end in slashes, which are left out). */
static char *
stage_prefix(const char *base)
{
	size_t bl = strcspn(base, "/");
	char *p = ismc_xmalloc(bl + strlen(STAGE_INFIX) + 2);

	p[0] = '.';
	memcpy(p + 1, base, bl);
	strcpy(p + 1 + bl, STAGE_INFIX);
	return p;
}

/*
 * Removes what a killed build left: temporaries in the directory, staging
 * siblings beside it. Safe under the lock: every live build holds it.
 * Failure to remove one is not an error: it only wastes space, and this
 * build's own names are unique anyway.
 */
static void
remove_stale(struct ismc_outdir *od)
{
	char *parent, *prefix;
	const char *base;
	struct dirent *de;
	DIR *dp;
	int fd;

	if ((fd = dup(od->lockfd)) >= 0) {
		(void)lseek(fd, 0, SEEK_SET);
		clear_dir(fd, is_temporary);
	}
	if (!split(od->dir, &parent, &base))
		return;
	prefix = stage_prefix(base);
	if ((dp = opendir(parent)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			if (strncmp(de->d_name, prefix, strlen(prefix)) != 0 ||
			    strlen(de->d_name) != strlen(prefix) + 6)
				continue;
			fd = openat(dirfd(dp), de->d_name, O_RDONLY |
			    O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (fd < 0)
				continue;
			clear_dir(fd, NULL);
			(void)unlinkat(dirfd(dp), de->d_name, AT_REMOVEDIR);
		}
		closedir(dp);
	}
	free(prefix);
	free(parent);
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
	od->lockfd = -1;
	/* mkstemp creates files 0600; outputs get the usual 0666 & ~umask.
	 * There is no way to read the umask without setting it. */
	mask = umask(0);
	umask(mask);
	od->mode = 0666 & ~mask;
	if (!lock_dir(od)) {
		ismc_outdir_abort(od);
		return NULL;
	}
	remove_stale(od);
	return od;
}

void
ismc_outdir_protect(struct ismc_outdir *od, dev_t dev, ino_t ino,
    const char *what)
{
	od->inputs = ismc_xreallocarray(od->inputs, od->ninputs + 1,
	    sizeof *od->inputs);
	od->inputs[od->ninputs].dev = dev;
	od->inputs[od->ninputs].ino = ino;
	od->inputs[od->ninputs++].what = ismc_xstrdup(what);
}

/* The input of the build that `st` is, if any. */
static const struct input *
input_of(const struct ismc_outdir *od, const struct stat *st)
{
	size_t i;

	for (i = 0; i < od->ninputs; i++)
		if (od->inputs[i].dev == st->st_dev &&
		    od->inputs[i].ino == st->st_ino)
			return &od->inputs[i];
	return NULL;
}

/* Whether `name` is a line of the manifest m[0..len). */
static bool
listed(const char *m, size_t len, const char *name)
{
	size_t nl = strlen(name);
	const char *p = m, *end = m + len, *e;

	for (; p < end; p = e + 1) {
		if ((e = memchr(p, '\n', (size_t)(end - p))) == NULL)
			e = end;
		if ((size_t)(e - p) == nl && memcmp(p, name, nl) == 0)
			return true;
	}
	return false;
}

/* Reads the manifest of the locked directory (heap, *len bytes), NULL if
 * there is none or it cannot be read whole. */
static char *
read_manifest(const struct ismc_outdir *od, size_t *len)
{
	char *m;
	ssize_t n;
	int fd;

	fd = openat(od->lockfd, ISMC_OUTDIR_MANIFEST, O_RDONLY | O_NOFOLLOW |
	    O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	m = ismc_xmalloc(MANIFEST_MAX);
	n = read(fd, m, MANIFEST_MAX);
	(void)close(fd);
	if (n < 0 || n == MANIFEST_MAX) {
		free(m);
		return NULL;
	}
	*len = (size_t)n;
	return m;
}

/*
 * Whether the directory holds only what ismc put there: its own files
 * (".ismc-*") and the outputs its manifest lists, regular files none of
 * which is an input of this build. Nothing else may be lost when the
 * directory is replaced whole. *had says whether a manifest was there.
 */
static bool
owned(struct ismc_outdir *od, bool *had)
{
	struct dirent *de;
	struct stat st;
	size_t len = 0, n = 0;
	char *m;
	bool ok = true;
	DIR *dp;
	int fd;

	m = read_manifest(od, &len);
	*had = m != NULL;
	if ((fd = dup(od->lockfd)) < 0 || (dp = fdopendir(fd)) == NULL) {
		if (fd >= 0)
			(void)close(fd);
		free(m);
		return false;
	}
	rewinddir(dp);
	while (ok && (de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (++n > OWNED_MAX ||
		    fstatat(dirfd(dp), de->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
		    input_of(od, &st) != NULL)
			ok = false;
		else if (strncmp(de->d_name, ".ismc-", 6) != 0)
			ok = m != NULL && listed(m, len, de->d_name);
	}
	closedir(dp);
	free(m);
	return ok;
}

/*
 * Chooses how the set will be put in place, once, before the first
 * output is written (the inputs to protect are known by then): exchange
 * where the directory may be replaced whole, else in place.
 */
static void
prepare(struct ismc_outdir *od)
{
	struct stat st, up, cwd;
	char *parent = NULL, *prefix, *t;
	const char *base;
	bool had = false;

	od->prepared = true;
#if defined(HAVE_RENAMEAT2) && defined(RENAME_EXCHANGE)
	if (!split(od->dir, &parent, &base))
		goto in_place;
	if (lstat(od->dir, &st) != 0 || !S_ISDIR(st.st_mode) ||
	    stat(parent, &up) != 0 || up.st_dev != st.st_dev ||
	    (stat(".", &cwd) == 0 && cwd.st_dev == st.st_dev &&
	    cwd.st_ino == st.st_ino) || !owned(od, &had))
		goto in_place;
	prefix = stage_prefix(base);
	t = join(parent, prefix, "XXXXXX");
	free(prefix);
	/* Known before it exists, as write_tmp's files are: a signal
	 * handled right after mkdtemp must find the stage to remove it.
	 * mkdtemp fills in the name before it makes the directory. */
	od->stage = t;
	od->stage_made = 1;
	if (mkdtemp(t) == NULL) {
		od->stage_made = 0;
		od->stage = NULL;
		free(t);
		goto in_place;
	}
	(void)chmod(t, od->dir_mode);
	od->manifest = true;
	free(parent);
	return;
in_place:
	free(parent);
#else
	(void)st; (void)up; (void)cwd; (void)parent; (void)prefix; (void)t;
	(void)base;
	(void)owned(od, &had);
#endif
	/* Keep a manifest up to date where there is one. */
	od->manifest = had;
}

bool
ismc_outdir_holds(const struct ismc_outdir *od, const char *path)
{
	const char *slash = strrchr(path, '/');
	struct stat st, dir;
	char *parent;
	bool in;

	if (slash == NULL)
		parent = ismc_xstrdup(".");
	else if (slash == path)
		parent = ismc_xstrdup("/");
	else {
		parent = ismc_xmalloc((size_t)(slash - path) + 1);
		memcpy(parent, path, (size_t)(slash - path));
		parent[slash - path] = '\0';
	}
	in = fstat(od->lockfd, &dir) == 0 && stat(parent, &st) == 0 &&
	    st.st_dev == dir.st_dev && st.st_ino == dir.st_ino;
	free(parent);
	return in;
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

/* Writes b to f->tmp: a new file in the stage, or in place a name ending
 * in "XXXXXX" and `suffix` more bytes; false with errno set. */
static bool
write_tmp(struct ismc_outdir *od, struct outfile *f, size_t suffix,
    const struct ismc_buf *b)
{
	int fd, saved;

	/* Marked before it exists: a signal handler running between the
	 * open and the mark would otherwise leave it behind. Unlinking a
	 * name that was never created is harmless. */
	f->created = 1;
	if (od->stage != NULL)
		fd = open(f->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
	else
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

/* An output that would replace an input of the build: refused. */
static bool
replaces_input(struct ismc_outdir *od, const char *name, const char *final)
{
	const struct input *in;
	struct stat st;

	if (fstatat(od->lockfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
	    (in = input_of(od, &st)) == NULL)
		return false;
	ismc_diag_error(od->diag, ISMC_NO_SPAN, "refusing to write '%s': it "
	    "is the %s, an input of this build; nothing was written", final,
	    in->what);
	od->failed = true;
	return true;
}

/* Stages `name` (checked by the caller). */
static bool
add(struct ismc_outdir *od, const char *name, const struct ismc_buf *b)
{
	struct outfile *f;
	char *tmp, *final;
	size_t len;

	if (!od->prepared)
		prepare(od);
	final = join(od->dir, "", name);
	if (replaces_input(od, name, final)) {
		free(final);
		return false;
	}
	tmp = od->stage != NULL ? join(od->stage, "", name) :
	    join(od->dir, TMP_PATTERN, name);
	len = strlen(tmp);
	f = ismc_xmalloc(sizeof *f + len + 1);
	memcpy(f->tmp, tmp, len + 1);
	free(tmp);
	f->next = NULL;
	f->final = final;
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

bool
ismc_outdir_add(struct ismc_outdir *od, const char *name,
    const struct ismc_buf *b)
{
	struct outfile *f;

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
	return add(od, name, b);
}

void
ismc_outdir_unlink_temps(const struct ismc_outdir *od)
{
	const struct outfile *f;

	for (f = od->head; f != NULL; f = f->next)
		if (f->created)
			(void)unlink(f->tmp);
	if (od->stage != NULL && od->stage_made)
		(void)rmdir(od->stage);
}

static void
destroy(struct ismc_outdir *od)
{
	struct outfile *f, *next;
	size_t i;

	f = od->head;
	od->head = NULL;
	for (; f != NULL; f = next) {
		next = f->next;
		free(f->final);
		free(f);
	}
	for (i = 0; i < od->ninputs; i++)
		free(od->inputs[i].what);
	free(od->inputs);
	if (od->lockfd >= 0)
		(void)close(od->lockfd);	/* releases the lock */
	free(od->stage);
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

/* The manifest: the name of every output, one a line, in add order. */
static bool
add_manifest(struct ismc_outdir *od)
{
	const struct outfile *f;
	struct ismc_buf b;
	bool ok;

	ismc_buf_init(&b);
	for (f = od->head; f != NULL; f = f->next) {
		ismc_buf_adds(&b, strrchr(f->final, '/') + 1);
		ismc_buf_addc(&b, '\n');
	}
	ok = add(od, ISMC_OUTDIR_MANIFEST, &b);
	ismc_buf_free(&b);
	return ok;
}

/* In place: each temporary renamed over its output. */
static bool
rename_each(struct ismc_outdir *od)
{
	struct outfile *f;

	for (f = od->head; f != NULL; f = f->next) {
		if (rename(f->tmp, f->final) != 0) {
			/* Files renamed so far stay replaced: rename cannot be
			 * undone, but each of them is complete. */
			fail(od, f->final);
			return false;
		}
		f->created = 0;
	}
	return true;
}

#if defined(HAVE_RENAMEAT2) && defined(RENAME_EXCHANGE)
/*
 * Exchange: the stage takes the directory's place in one step, locked
 * before so that no build can start in it before this one is done; the
 * old set, now under the stage's name, is removed. Where the file system
 * cannot exchange, the staged files are renamed in one by one instead.
 */
static bool
exchange(struct ismc_outdir *od)
{
	struct outfile *f;
	int fd, old;
	bool ok;

	fd = open(od->stage, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0)
		(void)flock(fd, LOCK_EX);
	if (renameat2(AT_FDCWD, od->stage, AT_FDCWD, od->dir,
	    RENAME_EXCHANGE) != 0) {
		if (fd >= 0)
			(void)close(fd);
		if (errno != EINVAL && errno != ENOSYS && errno != EXDEV &&
		    errno != EBUSY && errno != EPERM) {
			fail(od, od->dir);
			return false;
		}
		ok = rename_each(od);
		if (ok)
			(void)rmdir(od->stage);
		return ok;
	}
	for (f = od->head; f != NULL; f = f->next)
		f->created = 0;
	if ((old = open(od->stage, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) >= 0)
		clear_dir(old, NULL);
	(void)rmdir(od->stage);
	od->stage_made = 0;
	if (fd >= 0)
		(void)close(fd);
	return true;
}
#endif

bool
ismc_outdir_commit(struct ismc_outdir *od)
{
	bool ok;

	if (!od->prepared)
		prepare(od);
	if (od->failed || !targets_ok(od) ||
	    (od->manifest && !add_manifest(od))) {
		ismc_outdir_abort(od);
		return false;
	}
#if defined(HAVE_RENAMEAT2) && defined(RENAME_EXCHANGE)
	if (od->stage != NULL)
		ok = exchange(od);
	else
#endif
		ok = rename_each(od);
	if (!ok) {
		ismc_outdir_abort(od);
		return false;
	}
	destroy(od);
	return true;
}
