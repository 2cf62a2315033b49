/*
 * output: writing generated files safely.
 *
 * A run renders every output into memory first.  Only when all of them
 * rendered without error are they committed:
 *
 *	struct output_set set = OUTPUT_SET_INIT;
 *	output_add(&set, "out/c/http_status.h", bytes, len);	// takes bytes
 *	...
 *	if (output_commit(&set, &d) != 0) ...	// or output_check
 *	output_set_release(&set);
 *
 * output_commit writes each file whose content changed to a temporary
 * file in the target's directory (created if needed), flushes it with
 * fsync, and only when every temporary file is complete renames them
 * over their targets.  A file whose content is unchanged is not touched,
 * so its mtime stays and build tools rebuild nothing.  If anything fails
 * before the renames, every temporary file is removed and no target has
 * changed.  A killed run leaves each target whole: old or new.
 *
 * Temporary files: on Linux each is an unnamed file (O_TMPFILE), held
 * open, which a run killed even by SIGKILL cannot leave behind.  At the
 * commit they are all given hidden names beside their targets
 * (".NAME.XXXXXX", linked through /proc/self/fd, since no call links a
 * descriptor over an existing file) and renamed over the targets
 * straight after; only a kill within those few system calls leaves such
 * a name.  Where
 * O_TMPFILE or /proc is missing, or the file system refuses it, and for
 * the outputs past a cap on held descriptors (64, or a quarter of
 * RLIMIT_NOFILE when lower), the temporary file is a named one made with
 * mkstemp and closed at once, which a killed run leaves behind.  Either
 * way a new file gets mode 0666 less the umask and a replaced one keeps
 * its mode.
 *
 * A big run need not hold its outputs in memory: a writer (see
 * "Streaming one output") settles a file while it is rendered, a chunk
 * at a time (compared, and when changed written to its synced
 * temporary file), and output_commit then only names and renames.  The
 * guarantees are the same.
 *
 * The path "-" means standard output, written directly; so is a target
 * that exists and is not a regular file (-o /dev/stdout, a FIFO), since
 * renaming over it would replace the device node.  A symbolic link to a
 * file stays a link: the file it points to is replaced.
 */
#ifndef GEN_OUTPUT_H
#define GEN_OUTPUT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "base/buf.h"
#include "base/diag.h"

struct output_file {
	char *path;		/* owned; as given, for messages */
	char *target;		/* owned; path with symbolic links resolved */
	bool stream;		/* "-", a device or a FIFO: written directly */
	char *data;		/* owned; NULL once staged */
	size_t len;
	bool changed;		/* set by commit/check: content differed */
	bool staged;		/* settled by a writer */
	char *temp;		/* owned: a named temporary file, or NULL */
	int fd;			/* an unnamed temporary file, or -1 */
};

struct output_set {
	struct output_file *items;
	size_t n, cap;
	/*
	 * Unnamed temporary files open.  Atomic: outputs rendered at once
	 * in threads make their temporary files while they render.
	 */
	_Atomic size_t held;
	bool has_umask;		/* see output_set_umask */
	mode_t umask;
};

#define OUTPUT_SET_INIT { NULL, 0, 0, 0, false, 0 }

/*
 * Reads the process's umask into the set, for its writers.  A umask
 * can only be read by setting it, and while it is 0 a file another
 * thread makes gets mode 0666 and another reader reads 0: a program
 * that runs writers on several threads calls this first, while it has
 * one.  Otherwise each writer and the commit read it when they need it.
 */
void output_set_umask(struct output_set *set);

/*
 * Queues path with data[0..len).  The set takes ownership of data (which
 * must come from malloc) and copies path.  Adding a path twice replaces
 * the earlier content.
 */
void output_add(struct output_set *set, const char *path, char *data,
    size_t len);

/* Streaming one output */

/*
 * A writer settles one output before the commit, fed the bytes a chunk
 * at a time while they are rendered, so that memory does not grow with
 * the output (for writing runs, not --check):
 *
 *	struct output_writer w;
 *
 *	output_begin(&set, "out/go/status.go", &w);
 *	output_feed(&w, chunk, n);		// any number of times
 *	if (rendering failed)
 *		output_abort(&w);		// nothing left behind
 *	else if (output_finish(&w, &d) != 0)
 *		...				// reported; nothing left
 *
 * While the bytes fed so far equal the start of the target, nothing is
 * written: each chunk is compared with the target, held open and read
 * in step.  At the first difference the writer creates the temporary
 * file, copies the part already matched from the target into it, and
 * from then on writes each chunk straight through.  A target found
 * unchanged at the finish gets no temporary file and keeps its mtime.
 * Standard output and other streams are kept in memory until the
 * commit.  output_commit then renames; output_set_release removes a
 * temporary file never committed.
 *
 * The writer needs a descriptor for the target and one for the
 * temporary file while it runs.  Failures are kept until output_finish
 * reports them, so that a render which fails anyway reports only its
 * own errors.  Directories made for the temporary file stay, as with
 * output_commit.
 */
struct output_writer {
	struct output_set *set;
	struct output_file f;	/* joins the set at the finish */
	int old;		/* the target, or -1: missing (or failed) */
	size_t same;		/* bytes fed, all equal to old's start */
	int fd;			/* the temporary file, once it differs */
	struct buf held;	/* a stream's bytes */
	int err;		/* the first failure (errno), or 0 */
	enum diag_fail errkind;
	char *errpath;		/* owned: what failed, if not the output */
	bool completed;		/* output_complete ran */
};

/*
 * Starts writing path, which joins the set (in place of an earlier item
 * with that path) only when output_finish succeeds.  Never fails:
 * output_finish reports.  w must be ended by output_finish or
 * output_abort, exactly once.
 */
void output_begin(struct output_set *set, const char *path,
    struct output_writer *w);

/*
 * Takes the next n bytes of the output; the writer keeps no pointer to
 * p.  Once a failure is on record, the bytes are dropped.
 */
void output_feed(struct output_writer *w, const char *p, size_t n);

/*
 * Whether the writer is writing a temporary file (the output differs
 * from its target so far), which output_complete then syncs.
 */
bool output_writing(const struct output_writer *w);

/*
 * Completes the output once every byte is fed: when it differs from the
 * target, its temporary file gets its mode and is synced.  Failures are
 * kept for output_finish, which completes the output itself when this
 * was not called.  It may run on another thread than output_feed did
 * (one that only syncs, say), but not at the same time.
 */
void output_complete(struct output_writer *w);

/*
 * Ends the output: when it differs from the target, its temporary file
 * is completed (output_complete) and staged for output_commit; when it
 * is the same, nothing is written.  Returns 0, or -1 after reporting the
 * first failure into d (DIAG_CANTCREAT or DIAG_IOERR, naming the path
 * or the directory that could not be made) with no temporary file left
 * and the set unchanged.  Either way w is released.
 */
int output_finish(struct output_writer *w, struct diag *d);

/* Drops the output: no temporary file stays, the set is unchanged. */
void output_abort(struct output_writer *w);

/*
 * Writes the queued files as described above.  Returns 0, or -1 after
 * reporting into d (DIAG_CANTCREAT or DIAG_IOERR) with no target changed.
 * The one exception is a rename failing midway (rare): the targets before
 * it are already replaced, each whole, and the other temporary files are
 * removed.  Standard output is written once every temporary file is
 * complete, before they are named and renamed (so a failure to name an
 * unnamed one leaves standard output written but no file changed), and
 * always counts as changed.
 */
int output_commit(struct output_set *set, struct diag *d);

/*
 * Compares the queued files with the disk and writes nothing.  Returns 0
 * when all match; otherwise reports "FILE: out of date" or "FILE: missing"
 * for each into d with kind DIAG_STALE and returns -1.  A file that
 * cannot be read is reported as "FILE: strerror" with DIAG_IOERR.
 * Standard output is never compared and never counts as changed.
 */
int output_check(struct output_set *set, struct diag *d);

/*
 * Removes every temporary file not yet committed and frees the set,
 * which is then empty and reusable.
 */
void output_set_release(struct output_set *set);

/* Testing */

/*
 * For tests only: when true, every temporary file is a named one made
 * with mkstemp, as where O_TMPFILE is missing.  Programs leave it false.
 */
extern bool output_test_no_tmpfile;

#endif
