/*
 * depfile.c - make dependency files.
 */
#include <config.h>

#include "depfile.h"

#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "diag.h"
#include "replace.h"
#include "source.h"

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

bool
ismc_depfile_write(const char *path, const char *const *targets,
    size_t ntargets, const struct ismc_sources *srcs, bool phony,
    struct ismc_diag *d)
{
	struct ismc_buf b;
	struct stat st;
	bool ok;

	if (stat(path, &st) == 0 &&
	    ismc_sources_find_identity(srcs, st.st_dev, st.st_ino) !=
	    ISMC_NO_FILE) {
		ismc_diag_error(d, ISMC_NO_SPAN, "will not write the dependency "
		    "file over '%s', which the build read", path);
		return false;
	}
	ismc_buf_init(&b);
	ok = ismc_depfile_format(&b, targets, ntargets, srcs, phony, d) &&
	    ismc_replace_file(path, &b, (mode_t)-1, d);
	ismc_buf_free(&b);
	return ok;
}
