/*
 * Streaming one output into its temporary file as it renders: see
 * "Streaming one output" in output.h.
 */
#include "output_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xmalloc.h"

static void set_error(struct output_writer *, enum diag_fail, int, char *);
static int match(struct output_writer *, const char *, size_t);
static int copy_prefix(struct output_writer *);
static void diverge(struct output_writer *);
static bool at_end(struct output_writer *);
static void writer_release(struct output_writer *);

void
output_begin(struct output_set *set, const char *path,
    struct output_writer *w)
{
	w->set = set;
	w->f.path = xstrndup(path, strlen(path));
	w->f.data = NULL;
	w->f.len = 0;
	w->f.changed = false;
	w->f.staged = false;
	w->f.temp = NULL;
	w->f.fd = -1;
	out_resolve(&w->f);
	w->fd = -1;
	w->same = 0;
	buf_init(&w->held);
	w->err = 0;
	w->errpath = NULL;
	w->completed = false;
	w->old = -1;
	/* ENOTDIR is missing too: creating the parents reports it. */
	if (!w->f.stream &&
	    (w->old = open(w->f.target, O_RDONLY | O_CLOEXEC)) == -1 &&
	    errno != ENOENT && errno != ENOTDIR)
		set_error(w, DIAG_IOERR, errno, NULL);
}

/* Keeps the first error, for output_finish; path is owned, or NULL. */
static void
set_error(struct output_writer *w, enum diag_fail kind, int err, char *path)
{
	if (w->err != 0) {
		free(path);
		return;
	}
	w->err = err;
	w->errkind = kind;
	w->errpath = path;
}

/*
 * Whether p[0..n) is what the target holds next: 1 yes, 0 no (or there
 * is no target), -1 with errno set when it cannot be read.
 */
static int
match(struct output_writer *w, const char *p, size_t n)
{
	char chunk[65536];
	size_t off = 0, k;
	ssize_t got;

	if (w->old == -1)
		return 0;
	while (off < n) {
		k = n - off < sizeof(chunk) ? n - off : sizeof(chunk);
		got = pread(w->old, chunk, k, (off_t)(w->same + off));
		if (got == -1 && errno == EINTR)
			continue;
		if (got == -1)
			return -1;
		if (got == 0 || memcmp(chunk, p + off, (size_t)got) != 0)
			return 0;
		off += (size_t)got;
	}
	return 1;
}

/*
 * Copies the part of the target already matched into the new temporary
 * file.  The bytes are gone from memory by now, but they equal the
 * target's.  A target that shrank meanwhile was changed under us: the
 * copy would not be what we rendered, so that is an I/O error.
 */
static int
copy_prefix(struct output_writer *w)
{
	char chunk[65536];
	size_t off = 0, k;
	ssize_t got;

	while (off < w->same) {
		k = w->same - off < sizeof(chunk) ? w->same - off :
		    sizeof(chunk);
		got = pread(w->old, chunk, k, (off_t)off);
		if (got == -1 && errno == EINTR)
			continue;
		if (got <= 0) {
			if (got == 0)
				errno = EIO;
			return -1;
		}
		if (out_write_all(w->fd, chunk, (size_t)got) != 0)
			return -1;
		off += (size_t)got;
	}
	return 0;
}

/* The output differs from the target: from here on it is written. */
static void
diverge(struct output_writer *w)
{
	char *bad;
	int err;

	w->f.changed = true;
	if ((err = out_make_parents(w->f.target, &bad)) != 0) {
		set_error(w, DIAG_CANTCREAT, err, bad);
		return;
	}
	if ((w->fd = out_create_temp(w->set, &w->f)) == -1) {
		set_error(w, DIAG_CANTCREAT, errno, NULL);
		return;
	}
	if (copy_prefix(w) != 0)
		set_error(w, DIAG_IOERR, errno, NULL);
}

void
output_feed(struct output_writer *w, const char *p, size_t n)
{
	int rc;

	if (w->err != 0 || n == 0)
		return;
	if (w->f.stream) {
		buf_add(&w->held, p, n);
		return;
	}
	if (w->fd == -1) {
		if ((rc = match(w, p, n)) == 1) {
			w->same += n;
			return;
		}
		if (rc == -1) {
			set_error(w, DIAG_IOERR, errno, NULL);
			return;
		}
		diverge(w);
		if (w->err != 0)
			return;
	}
	if (out_write_all(w->fd, p, n) != 0)
		set_error(w, DIAG_IOERR, errno, NULL);
}

/* Whether the target ends where the output did; false if it is missing. */
static bool
at_end(struct output_writer *w)
{
	char c;
	ssize_t got;

	if (w->old == -1)
		return false;
	do
		got = pread(w->old, &c, 1, (off_t)w->same);
	while (got == -1 && errno == EINTR);
	if (got == -1)
		set_error(w, DIAG_IOERR, errno, NULL);
	return got == 0;
}

bool
output_writing(const struct output_writer *w)
{
	return w->err == 0 && w->fd != -1;
}

void
output_complete(struct output_writer *w)
{
	int err;

	if (w->completed)
		return;
	w->completed = true;
	/* Nothing differed so far: a longer or missing target still does. */
	if (w->err == 0 && !w->f.stream && w->fd == -1 && !at_end(w) &&
	    w->err == 0)
		diverge(w);
	if (w->err == 0 && w->fd != -1) {
		err = out_complete_temp(&w->f, w->fd, out_umask(w->set),
		    0);
		w->fd = -1;
		if (err != 0)
			set_error(w, DIAG_IOERR, err, NULL);
	}
}

int
output_finish(struct output_writer *w, struct diag *d)
{
	output_complete(w);
	if (w->err != 0) {
		diag_sys(d, w->errkind, w->errpath ? w->errpath : w->f.path,
		    w->err);
		output_abort(w);
		return -1;
	}
	if (w->f.stream)
		w->f.data = buf_detach(&w->held, &w->f.len);
	else
		w->f.staged = true;
	out_insert(w->set, &w->f);
	/* The set owns them now. */
	w->f.path = w->f.target = w->f.data = w->f.temp = NULL;
	w->f.fd = -1;
	writer_release(w);
	return 0;
}

void
output_abort(struct output_writer *w)
{
	/* A named file is still open; an unnamed one is w->f.fd. */
	if (w->fd != -1 && w->f.fd == -1)
		close(w->fd);
	w->fd = -1;
	out_drop_temp(w->set, &w->f);
	writer_release(w);
}

static void
writer_release(struct output_writer *w)
{
	if (w->old != -1)
		close(w->old);
	w->old = -1;
	free(w->f.path);
	free(w->f.target);
	free(w->f.data);
	free(w->errpath);
	w->f.path = w->f.target = w->f.data = w->errpath = NULL;
	buf_release(&w->held);
}

