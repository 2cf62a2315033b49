#include "output.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/xmalloc.h"

#define CHUNK	65536	/* bytes compared at a time */

enum cmp { CMP_SAME, CMP_DIFFERENT, CMP_MISSING, CMP_ERROR };

/* Each slot f of set, whose items are NULL while it has none. */
#define EACH(f, set)	for ((f) = (set)->items; (f) != NULL && \
			    (f) < (set)->items + (set)->n; (f)++)

static int
write_all(int fd, const char *p, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Reads up to n bytes, fewer only at the end; -1 on an error. */
static ssize_t
read_full(int fd, char *p, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		r = read(fd, p + got, n - got);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			return r == -1 ? -1 : (ssize_t)got;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/*
 * The target ends a chain of symbolic links (bounded, as the kernel
 * bounds it), so that links survive; a dangling one acts as missing.
 */
static void
fill(struct output_file *f, const char *path, char *data, size_t len)
{
	struct buf b = BUF_INIT;
	struct stat st;
	char link[PATH_MAX], *slash;
	ssize_t n;
	int hops, dir;

	*f = (struct output_file){ .path = xstrndup(path, strlen(path)),
	    .target = xstrndup(path, strlen(path)), .data = data, .len = len,
	    .stream = strcmp(path, "-") == 0, .fd = -1 };
	if (f->stream || stat(path, &st) != 0)
		return;
	f->stream = !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
	for (hops = 0; hops < 40 && lstat(f->target, &st) == 0 &&
	    S_ISLNK(st.st_mode); hops++) {
		n = readlink(f->target, link, sizeof(link));
		if (n <= 0 || (size_t)n == sizeof(link))
			break;
		slash = strrchr(f->target, '/');
		dir = link[0] != '/' && slash != NULL ?
		    (int)(slash - f->target + 1) : 0;
		buf_addf(&b, "%.*s%.*s", dir, f->target, (int)n, link);
		free(f->target);
		f->target = buf_detach(&b, NULL);
	}
}

static void
drop_temp(struct output_file *f)
{
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
	if (f->temp != NULL)
		unlink(f->temp);
	free(f->temp);
	f->temp = NULL;
}

static void
clear(struct output_file *f)
{
	drop_temp(f);
	free(f->path);
	free(f->target);
	free(f->data);
	*f = (struct output_file){ .fd = -1 };
}

/*
 * Sets f->changed, comparing the target with data (NULL: f's temporary file).
 * ENOTDIR is missing: making the temporary file reports the parent file.
 */
static enum cmp
compare(struct output_file *f, const char *data, struct diag *d)
{
	char *theirs, *mine;
	size_t off = 0;
	ssize_t n = 0, m = 0;
	int fd;

	f->changed = true;
	if (f->stream)
		return CMP_DIFFERENT;
	if ((fd = open(f->target, O_RDONLY | O_CLOEXEC)) == -1) {
		if (errno == ENOENT || errno == ENOTDIR)
			return CMP_MISSING;
		diag_sys(d, DIAG_IOERR, f->path, errno);
		return CMP_ERROR;
	}
	theirs = xmalloc(2 * CHUNK);
	if (data != NULL || lseek(f->fd, 0, SEEK_SET) == 0)
		do {
			n = read_full(fd, theirs, CHUNK);
			if (data != NULL) {
				mine = (char *)data + off;
				m = (ssize_t)(f->len - off < CHUNK ?
				    f->len - off : CHUNK);
			} else {
				mine = theirs + CHUNK;
				m = read_full(f->fd, mine, CHUNK);
			}
			off += n > 0 ? (size_t)n : 0;
		} while (n > 0 && n == m &&
		    memcmp(mine, theirs, (size_t)n) == 0);
	/* A directory where the output goes cannot be replaced by it. */
	if (n == -1 || m == -1)
		diag_sys(d, errno == EISDIR ? DIAG_CANTCREAT : DIAG_IOERR,
		    f->path, errno);
	close(fd);
	free(theirs);
	if (n == -1 || m == -1)
		return CMP_ERROR;
	f->changed = n != 0 || m != 0;
	return f->changed ? CMP_DIFFERENT : CMP_SAME;
}

/*
 * mkdir -p of path's directory.  What it makes stays if the run fails:
 * removing it would race with anyone else creating files there.
 */
static int
make_parents(const char *path, struct diag *d)
{
	struct stat st;
	char *dir = xstrndup(path, strlen(path)), *p = dir;
	int err = 0;

	p += strspn(p, "/");
	while (err == 0 && (p = strchr(p, '/')) != NULL) {
		*p = '\0';
		if (mkdir(dir, 0777) == -1 && errno != EEXIST)
			err = errno;
		else if (stat(dir, &st) == -1 || !S_ISDIR(st.st_mode))
			err = ENOTDIR;
		if (err != 0)
			diag_sys(d, DIAG_CANTCREAT, dir, err);
		*p = '/';
		p += strspn(p, "/");
	}
	free(dir);
	return err != 0 ? -1 : 0;
}

static int
fail_temp(struct output_file *f, int err, struct diag *d)
{
	diag_sys(d, DIAG_IOERR, f->path, err);
	drop_temp(f);
	return -1;
}

/* Beside the target, for an atomic rename(2); errors name the output. */
static int
open_temp(struct output_file *f, struct diag *d)
{
	const char *slash = strrchr(f->target, '/');
	const char *name = slash != NULL ? slash + 1 : f->target;
	struct buf b = BUF_INIT;

	if (make_parents(f->target, d) != 0)
		return -1;
	buf_addf(&b, "%.*s.%s.XXXXXX", (int)(name - f->target), f->target,
	    name);
	f->temp = buf_detach(&b, NULL);
	if ((f->fd = mkstemp(f->temp)) == -1) {
		diag_sys(d, DIAG_CANTCREAT, f->path, errno);
		free(f->temp);
		f->temp = NULL;
		return -1;
	}
	return 0;
}

static int
close_temp(const struct output_set *set, struct output_file *f,
    struct diag *d)
{
	struct stat st;
	mode_t mode = 0666 & ~set->umask;
	int err = 0;

	if (stat(f->target, &st) == 0)
		mode = st.st_mode & 0777;
	/* The mode before fsync, so that it is on disk with the bytes. */
	if (fchmod(f->fd, mode) != 0 || fsync(f->fd) != 0)
		err = errno;
	if (close(f->fd) != 0 && err == 0)
		err = errno;
	f->fd = -1;
	return err != 0 ? fail_temp(f, err, d) : 0;
}

static int
write_temp(const struct output_set *set, struct output_file *f,
    const char *data, struct diag *d)
{
	if (open_temp(f, d) != 0)
		return -1;
	if (write_all(f->fd, data, f->len) != 0)
		return fail_temp(f, errno, d);
	return close_temp(set, f, d);
}

/* A path given twice is written once, in the place of the first. */
static void
merge_repeats(struct output_set *set)
{
	struct output_file *f, *g;

	EACH(f, set)
		for (g = f + 1; f->path != NULL && g < set->items + set->n; g++)
			if (g->path != NULL && strcmp(f->path, g->path) == 0) {
				clear(f);
				*f = *g;
				*g = (struct output_file){ .fd = -1 };
			}
}

static int
write_stream(const struct output_file *f, struct diag *d)
{
	bool out = strcmp(f->path, "-") == 0;
	int fd = STDOUT_FILENO, err = 0;

	if (!out && (fd = open(f->path, O_WRONLY | O_TRUNC | O_CLOEXEC)) ==
	    -1) {
		diag_sys(d, DIAG_CANTCREAT, f->path, errno);
		return -1;
	}
	if (write_all(fd, f->data, f->len) != 0)
		err = errno;
	if (!out && close(fd) != 0 && err == 0)
		err = errno;
	if (err != 0)
		diag_sys(d, DIAG_IOERR, out ? "standard output" : f->path,
		    err);
	return err != 0 ? -1 : 0;
}

void
output_set_init(struct output_set *set)
{
	*set = (struct output_set){ .umask = umask(0) };
	umask(set->umask);
}

void
output_set_release(struct output_set *set)
{
	struct output_file *f;

	EACH(f, set)
		clear(f);
	free(set->items);
	*set = (struct output_set){ .umask = set->umask };
}

size_t
output_reserve(struct output_set *set, size_t n)
{
	size_t first = set->n;

	while (set->cap - set->n < n)
		set->items = xgrow(set->items, &set->cap, set->cap,
		    sizeof(*set->items));
	for (; set->n < first + n; set->n++)
		set->items[set->n] = (struct output_file){ .fd = -1 };
	return first;
}

void
output_add(struct output_set *set, const char *path, char *data, size_t len)
{
	size_t i = output_reserve(set, 1);

	fill(&set->items[i], path, data, len);
}

int
output_spill(struct output_set *set, size_t i, const char *path,
    const char *data, size_t len, struct diag *d)
{
	struct output_file *f = &set->items[i];

	if (!f->spilled) {
		fill(f, path, NULL, 0);
		f->spilled = true;
		if (!f->stream)
			(void)open_temp(f, d);
	}
	/* Failing dropped the temporary file: the output fails. */
	if (!f->stream && f->fd == -1)
		return -1;
	if (f->stream) {
		f->data = xrealloc(f->data, xadd(f->len, len) + 1);
		memcpy(f->data + f->len, data, len);
	} else if (write_all(f->fd, data, len) != 0) {
		return fail_temp(f, errno, d);
	}
	f->len += len;
	return 0;
}

int
output_settle(struct output_set *set, size_t i, const char *path,
    const char *data, size_t len, struct diag *d)
{
	struct output_file *f = &set->items[i];
	enum cmp c;
	int rc = 0;

	assert(i < set->n && (f->path == NULL || f->spilled));
	if (f->spilled) {
		if (output_spill(set, i, path, data, len, d) != 0 ||
		    (c = compare(f, NULL, d)) == CMP_ERROR)
			rc = -1;
		else if (c == CMP_SAME)
			drop_temp(f);
		else if (!f->stream)
			rc = close_temp(set, f, d);
	} else {
		fill(f, path, NULL, len);
		if (f->stream)
			f->data = xstrndup(data, len);
		if (compare(f, data, d) == CMP_ERROR || (f->changed &&
		    !f->stream && write_temp(set, f, data, d) != 0))
			rc = -1;
	}
	f->settled = true;
	if (rc != 0)
		clear(f);
	return rc;
}

/* Streams first: failing there still leaves every file target untouched. */
int
output_commit(struct output_set *set, struct diag *d)
{
	struct output_file *f;

	merge_repeats(set);
	EACH(f, set)
		if (f->path != NULL && !f->settled &&
		    compare(f, f->data, d) == CMP_ERROR)
			goto fail;
	EACH(f, set)
		if (f->path != NULL && !f->settled && f->changed &&
		    !f->stream && write_temp(set, f, f->data, d) != 0)
			goto fail;
	EACH(f, set)
		if (f->path != NULL && f->stream && write_stream(f, d) != 0)
			goto fail;
	EACH(f, set) {
		if (f->temp != NULL && rename(f->temp, f->target) != 0) {
			diag_sys(d, DIAG_IOERR, f->path, errno);
			goto fail;
		}
		free(f->temp);
		f->temp = NULL;
	}
	return 0;
fail:
	EACH(f, set)
		drop_temp(f);
	return -1;
}

/*
 * diff -u of the target (or /dev/null) and f's bytes, the "-" of its
 * standard input (POSIX gives no way to name it); the path goes by the
 * environment, unquoted, and the shell drains what diff did not read.
 */
static void
show_diff(const struct output_file *f, enum cmp c, struct diag *d)
{
	int status = -1;
	FILE *p;

	fflush(stdout);
	if (setenv("GEN_DIFF_OLD", c == CMP_MISSING ? "/dev/null" :
	    f->target, 1) == 0 && (p = popen("diff -u -- \"$GEN_DIFF_OLD\" "
	    "-; s=$?; cat >/dev/null; exit $s", "w")) != NULL) {
		fwrite(f->data, 1, f->len, p);
		status = pclose(p);
	}
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) > 1)
		diag_fail(d, DIAG_IOERR, "%s: 'diff -u' failed", f->path);
}

int
output_check(struct output_set *set, bool diff, struct diag *d)
{
	struct output_file *f;
	enum cmp c;
	int rc = 0;

	merge_repeats(set);
	EACH(f, set) {
		if (f->path == NULL || f->settled || f->stream)
			continue;
		if ((c = compare(f, f->data, d)) == CMP_DIFFERENT)
			diag_fail(d, DIAG_STALE, "%s: out of date", f->path);
		else if (c == CMP_MISSING)
			diag_fail(d, DIAG_STALE, "%s: missing", f->path);
		if (diff && (c == CMP_DIFFERENT || c == CMP_MISSING))
			show_diff(f, c, d);
		if (c != CMP_SAME)
			rc = -1;
	}
	return rc;
}
