/* realpath(3) and getrlimit(2) are XSI. */
#define _XOPEN_SOURCE 700
/* O_TMPFILE is Linux's; glibc declares it only under _GNU_SOURCE. */
#define _GNU_SOURCE

#include "output.h"
#include "output_int.h"

#include <limits.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/xmalloc.h"

enum cmp {
	CMP_SAME,
	CMP_DIFFERENT,
	CMP_MISSING,
	CMP_ERROR
};

static bool is_stdout(const char *);
static enum cmp compare(const struct output_file *, int *);
static int mark_changed(struct output_file *, struct diag *);
static int compare_all(struct output_set *, struct diag *);
static char *temp_name(const char *);
static size_t unnamed_cap(void);
static int open_unnamed(const char *);
static char *link_name(const char *, unsigned);
static int link_temp(struct output_set *, struct output_file *);
static mode_t target_mode(const char *, mode_t);
static int write_temp(struct output_set *, struct output_file *, mode_t,
    struct diag *);
static void drop_temps(struct output_set *, size_t);
static int write_stdout(const struct output_file *, struct diag *);
static int publish(struct output_set *, struct diag *);
static void unstage(struct output_set *, struct output_file *);

bool output_test_no_tmpfile;

/*
 * Unnamed temporary files stay open until the commit, one descriptor
 * each; past this many (or a quarter of RLIMIT_NOFILE, when lower) the
 * rest are named files, closed at once, so a language with hundreds of
 * outputs never runs out of descriptors.
 */
#define MAX_UNNAMED 64

static bool
is_stdout(const char *path)
{
	return strcmp(path, "-") == 0;
}

/*
 * Where the bytes go: through a symbolic link to the file behind it, so
 * that the link survives; streams are opened and written in place.
 */
void
out_resolve(struct output_file *f)
{
	struct stat st;
	char *real;

	f->stream = is_stdout(f->path);
	f->target = NULL;
	if (!f->stream && stat(f->path, &st) == 0) {
		f->stream = !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
		if (lstat(f->path, &st) == 0 && S_ISLNK(st.st_mode) &&
		    (real = realpath(f->path, NULL)) != NULL)
			f->target = real;
	}
	if (f->target == NULL)
		f->target = xstrndup(f->path, strlen(f->path));
}

/*
 * Puts a copy of nf into the set, which takes what it owns, in place of
 * any item with the same path.  Returns the item.
 */
struct output_file *
out_insert(struct output_set *set, const struct output_file *nf)
{
	struct output_file *f;
	size_t i;

	for (i = 0; i < set->n; i++) {
		f = &set->items[i];
		if (strcmp(f->path, nf->path) == 0) {
			unstage(set, f);
			free(f->path);
			free(f->target);
			free(f->data);
			*f = *nf;
			return f;
		}
	}
	if (set->n == set->cap) {
		set->cap = set->cap ? xmul(set->cap, 2) : 8;
		set->items = xrealloc(set->items,
		    xmul(set->cap, sizeof(*set->items)));
	}
	f = &set->items[set->n++];
	*f = *nf;
	return f;
}

void
output_add(struct output_set *set, const char *path, char *data, size_t len)
{
	struct output_file f;

	f.path = xstrndup(path, strlen(path));
	f.data = data;
	f.len = len;
	f.changed = false;
	f.staged = false;
	f.temp = NULL;
	f.fd = -1;
	out_resolve(&f);
	out_insert(set, &f);
}

/* Removes f's temporary file, named or not, if it has one. */
void
out_drop_temp(struct output_set *set, struct output_file *f)
{
	if (f->fd != -1) {
		close(f->fd);
		f->fd = -1;
		atomic_fetch_sub(&set->held, 1);
	}
	if (f->temp != NULL) {
		unlink(f->temp);
		free(f->temp);
		f->temp = NULL;
	}
}

/* Forgets what a writer settled: its temporary file goes. */
static void
unstage(struct output_set *set, struct output_file *f)
{
	out_drop_temp(set, f);
	f->staged = false;
}

void
output_set_release(struct output_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++) {
		unstage(set, &set->items[i]);
		free(set->items[i].path);
		free(set->items[i].target);
		free(set->items[i].data);
	}
	free(set->items);
	set->items = NULL;
	set->n = set->cap = 0;
	atomic_store(&set->held, 0);
}

/*
 * Streams the existing file against the queued bytes, so a large output
 * needs no second copy in memory.  ENOTDIR counts as missing: a parent
 * component that is a file is reported when we try to create it.
 */
static enum cmp
compare(const struct output_file *f, int *err)
{
	char chunk[8192];
	size_t off = 0;
	ssize_t n;
	int fd;

	if ((fd = open(f->target, O_RDONLY)) == -1) {
		*err = errno;
		if (errno == ENOENT || errno == ENOTDIR)
			return CMP_MISSING;
		return CMP_ERROR;
	}
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*err = errno;
			close(fd);
			return CMP_ERROR;
		}
		if (n == 0)
			break;
		if ((size_t)n > f->len - off ||
		    memcmp(chunk, f->data + off, (size_t)n) != 0) {
			close(fd);
			return CMP_DIFFERENT;
		}
		off += (size_t)n;
	}
	close(fd);
	return off == f->len ? CMP_SAME : CMP_DIFFERENT;
}

/* Sets f->changed from what is on disk; 0, or -1 after reporting. */
static int
mark_changed(struct output_file *f, struct diag *d)
{
	int err = 0;

	switch (compare(f, &err)) {
	case CMP_SAME:
		f->changed = false;
		return 0;
	case CMP_DIFFERENT:
	case CMP_MISSING:
		f->changed = true;
		return 0;
	case CMP_ERROR:
		diag_sys(d, DIAG_IOERR, f->path, err);
		return -1;
	}
	return -1;
}

/* Sets every changed flag; standard output always counts as changed. */
static int
compare_all(struct output_set *set, struct diag *d)
{
	struct output_file *f;
	size_t i;

	for (i = 0; i < set->n; i++) {
		f = &set->items[i];
		if (f->staged)
			continue;
		if (f->stream)
			f->changed = true;
		else if (mark_changed(f, d) != 0)
			return -1;
	}
	return 0;
}

/*
 * mkdir -p for the directory part of path.  Returns 0, or an errno
 * value with *bad set to the directory that failed (the caller frees
 * it).  Directories made here stay if the run fails later: they are
 * harmless, and removing them would race with anyone else creating
 * files there.
 */
int
out_make_parents(const char *path, char **bad)
{
	struct stat st;
	char *dir, *p;
	int err = 0;

	dir = xstrndup(path, strlen(path));
	for (p = dir; *p == '/'; p++)
		continue;
	while (err == 0 && (p = strchr(p, '/')) != NULL) {
		*p = '\0';
		if (mkdir(dir, 0777) == -1) {
			if (errno != EEXIST)
				err = errno;
			else if (stat(dir, &st) == -1 ||
			    !S_ISDIR(st.st_mode))
				err = ENOTDIR;
		}
		if (err != 0) {
			*bad = dir;
			return err;
		}
		*p = '/';
		while (*p == '/')
			p++;
	}
	free(dir);
	return 0;
}

/* "dir/.name.XXXXXX": same directory, so rename(2) is atomic; hidden. */
static char *
temp_name(const char *path)
{
	struct buf b = BUF_INIT;
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		buf_addf(&b, ".%s.XXXXXX", path);
	else
		buf_addf(&b, "%.*s.%s.XXXXXX", (int)(slash - path + 1), path,
		    slash + 1);
	return buf_detach(&b, NULL);
}

static size_t
unnamed_cap(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 ||
	    rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur / 4 >= MAX_UNNAMED)
		return MAX_UNNAMED;
	return (size_t)(rl.rlim_cur / 4);
}

/*
 * An unnamed file in target's directory (O_TMPFILE): a killed run leaves
 * nothing behind, since the file has no name until the commit.  Returns
 * its descriptor, or -1 when the named fallback must be used: no
 * O_TMPFILE, a file system or kernel that refuses it, or no /proc to
 * name it by later.
 */
static int
open_unnamed(const char *target)
{
#ifdef O_TMPFILE
	const char *slash = strrchr(target, '/');
	struct stat a, b;
	char proc[32], *dir;
	int fd;

	if (output_test_no_tmpfile)
		return -1;
	if (slash == NULL)
		dir = xstrndup(".", 1);
	else
		dir = xstrndup(target, slash == target ? 1 :
		    (size_t)(slash - target));
	fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	free(dir);
	if (fd == -1)
		return -1;
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	if (fstat(fd, &a) != 0 || stat(proc, &b) != 0 ||
	    a.st_dev != b.st_dev || a.st_ino != b.st_ino) {
		close(fd);
		return -1;
	}
	return fd;
#else
	(void)target;
	return -1;
#endif
}

/*
 * temp_name's pattern with its X's filled in.  The name need not be
 * secret, only fresh: linkat(2) never follows or replaces an existing
 * name, so a clash is EEXIST and another try.
 */
static char *
link_name(const char *target, unsigned attempt)
{
	static const char set[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	static uint64_t counter;
	struct timespec ts;
	uint64_t x;
	char *name = temp_name(target), *p;

	clock_gettime(CLOCK_REALTIME, &ts);
	x = (uint64_t)getpid() * 2654435761U ^ (uint64_t)ts.tv_nsec ^
	    (++counter << 32) ^ attempt;
	for (p = name + strlen(name) - 6; *p != '\0'; p++) {
		x = x * 6364136223846793005U + 1442695040888963407U;
		*p = set[(x >> 33) % (sizeof(set) - 1)];
	}
	return name;
}

/*
 * Gives f's unnamed file a name beside the target, for the rename: no
 * call links a descriptor to a name over an existing file, and
 * linkat(AT_EMPTY_PATH) needs CAP_DAC_READ_SEARCH, hence /proc.  The
 * descriptor is closed on success.
 */
static int
link_temp(struct output_set *set, struct output_file *f)
{
	char proc[32], *name;
	unsigned attempt;
	int err = EEXIST;

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", f->fd);
	for (attempt = 0; attempt < 100 && err == EEXIST; attempt++) {
		name = link_name(f->target, attempt);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, name,
		    AT_SYMLINK_FOLLOW) == 0) {
			f->temp = name;
			close(f->fd);
			f->fd = -1;
			atomic_fetch_sub(&set->held, 1);
			return 0;
		}
		err = errno;
		free(name);
	}
	errno = err;
	return -1;
}

/* An existing target keeps its permissions; a new one gets the default. */
static mode_t
target_mode(const char *path, mode_t mask)
{
	struct stat st;

	if (stat(path, &st) == 0)
		return st.st_mode & 0777;
	return 0666 & ~mask;
}

int
out_write_all(int fd, const char *p, size_t len)
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

/*
 * Makes f's temporary file beside its target (whose directories must
 * exist): unnamed, kept in f->fd and counted in set->held, when it can
 * be, else named in f->temp.  Returns the descriptor to write to, or -1
 * with errno set.  drop_temp removes the file again.
 */
int
out_create_temp(struct output_set *set, struct output_file *f)
{
	char *tmp;
	int fd, err;

	/* A place under the cap is taken first, then given back if unused. */
	if (atomic_fetch_add(&set->held, 1) < unnamed_cap() &&
	    (fd = open_unnamed(f->target)) != -1) {
		f->fd = fd;
		return fd;
	}
	atomic_fetch_sub(&set->held, 1);
	tmp = temp_name(f->target);
	if ((fd = mkstemp(tmp)) == -1) {
		err = errno;
		free(tmp);
		errno = err;
		return -1;
	}
	f->temp = tmp;
	return fd;
}

/*
 * Finishes the temporary file written through fd, unless err (an errno
 * value) says writing already failed, and closes fd when the file is a
 * named one.  Returns 0 or an errno value; on failure the caller drops
 * the file.
 */
int
out_complete_temp(struct output_file *f, int fd, mode_t mask, int err)
{
	/* The mode before fsync, so that it is on disk with the bytes. */
	if (err == 0 && (fchmod(fd, target_mode(f->target, mask)) != 0 ||
	    fsync(fd) != 0))
		err = errno;
	if (f->fd == -1 && close(fd) != 0 && err == 0)
		err = errno;
	return err;
}

/*
 * Writes f into a complete, synced temporary file: unnamed and kept open
 * in f->fd when it can be, else named in f->temp and closed.  Returns 0,
 * or -1 after reporting into d.  Errors name the target, since the
 * temporary name is random and means nothing to users.
 */
static int
write_temp(struct output_set *set, struct output_file *f, mode_t mask,
    struct diag *d)
{
	char *bad;
	int fd, err;

	if ((err = out_make_parents(f->target, &bad)) != 0) {
		diag_sys(d, DIAG_CANTCREAT, bad, err);
		free(bad);
		return -1;
	}
	if ((fd = out_create_temp(set, f)) == -1) {
		diag_sys(d, DIAG_CANTCREAT, f->path, errno);
		return -1;
	}
	err = out_write_all(fd, f->data, f->len) != 0 ? errno : 0;
	if ((err = out_complete_temp(f, fd, mask, err)) != 0) {
		diag_sys(d, DIAG_IOERR, f->path, err);
		out_drop_temp(set, f);
		return -1;
	}
	return 0;
}

/* Removes the temporary files of items[from..n). */
static void
drop_temps(struct output_set *set, size_t from)
{
	size_t i;

	for (i = from; i < set->n; i++)
		out_drop_temp(set, &set->items[i]);
}

/* stdio need not set errno on every failure, hence the EIO fallback. */
static int
write_stdout(const struct output_file *f, struct diag *d)
{
	int fd, err = 0;

	if (!is_stdout(f->path)) {
		if ((fd = open(f->path, O_WRONLY | O_TRUNC | O_CLOEXEC)) == -1) {
			diag_sys(d, DIAG_CANTCREAT, f->path, errno);
			return -1;
		}
		if (out_write_all(fd, f->data, f->len) != 0)
			err = errno;
		if (close(fd) != 0 && err == 0)
			err = errno;
		if (err != 0)
			diag_sys(d, DIAG_IOERR, f->path, err);
		return err != 0 ? -1 : 0;
	}
	errno = 0;
	if (fwrite(f->data, 1, f->len, stdout) != f->len ||
	    fflush(stdout) != 0) {
		diag_sys(d, DIAG_IOERR, "standard output",
		    errno != 0 ? errno : EIO);
		return -1;
	}
	return 0;
}

/*
 * Standard output goes first: it cannot be taken back, but a failure
 * there still leaves every file target untouched, and a slow reader
 * cannot stretch the time the temporary names below exist.  Unnamed
 * files then get their names, all of them, so that a failure there
 * still changes no file; the names live only for the few system calls
 * up to the renames.  A rename failing midway (rare: the directory
 * vanished or went read-only) leaves the earlier targets already
 * replaced, each of them whole.
 */
static int
publish(struct output_set *set, struct diag *d)
{
	struct output_file *f;
	size_t i;

	for (i = 0; i < set->n; i++) {
		if (set->items[i].stream &&
		    write_stdout(&set->items[i], d) != 0) {
			drop_temps(set, 0);
			return -1;
		}
	}
	for (i = 0; i < set->n; i++) {
		f = &set->items[i];
		if (f->fd != -1 && link_temp(set, f) != 0) {
			diag_sys(d, DIAG_IOERR, f->path, errno);
			drop_temps(set, 0);
			return -1;
		}
	}
	for (i = 0; i < set->n; i++) {
		f = &set->items[i];
		if (f->temp == NULL)
			continue;
		if (rename(f->temp, f->target) != 0) {
			diag_sys(d, DIAG_IOERR, f->path, errno);
			drop_temps(set, i);
			return -1;
		}
		free(f->temp);
		f->temp = NULL;
	}
	return 0;
}

/* umask(2) cannot be read without setting it; put it straight back. */
mode_t
out_umask(const struct output_set *set)
{
	mode_t mask;

	if (set->has_umask)
		return set->umask;
	mask = umask(0);
	umask(mask);
	return mask;
}

void
output_set_umask(struct output_set *set)
{
	set->umask = out_umask(set);
	set->has_umask = true;
}

int
output_commit(struct output_set *set, struct diag *d)
{
	struct output_file *f;
	mode_t mask;
	size_t i;

	if (compare_all(set, d) != 0)
		return -1;
	mask = out_umask(set);
	for (i = 0; i < set->n; i++) {
		f = &set->items[i];
		if (f->staged || !f->changed || f->stream)
			continue;
		if (write_temp(set, f, mask, d) != 0) {
			drop_temps(set, 0);
			return -1;
		}
	}
	return publish(set, d);
}

/* Standard output has nothing to compare with, so it is never stale. */
int
output_check(struct output_set *set, struct diag *d)
{
	struct output_file *f;
	size_t i;
	int err = 0, rc = 0;

	for (i = 0; i < set->n; i++) {
		f = &set->items[i];
		if (f->staged)
			continue;
		f->changed = false;
		if (f->stream)
			continue;
		switch (compare(f, &err)) {
		case CMP_SAME:
			break;
		case CMP_DIFFERENT:
			f->changed = true;
			diag_fail(d, DIAG_STALE, "%s: out of date", f->path);
			rc = -1;
			break;
		case CMP_MISSING:
			f->changed = true;
			diag_fail(d, DIAG_STALE, "%s: missing", f->path);
			rc = -1;
			break;
		case CMP_ERROR:
			diag_sys(d, DIAG_IOERR, f->path, err);
			rc = -1;
			break;
		}
	}
	return rc;
}
