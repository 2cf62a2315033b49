/*
 * output: writing generated files safely.
 *
 * Every output is rendered into memory, then settled: compared with its
 * target and, when the bytes differ, written in full to a temporary file
 * beside the target (".NAME.XXXXXX", from mkstemp, in directories made
 * as needed) and synced.  Only when every output of the run has settled
 * does output_commit rename each temporary file over its target, in
 * order.  A file whose bytes are unchanged is never written, so its
 * mtime stays and build tools rebuild nothing.
 *
 *	struct output_set set;
 *
 *	output_set_init(&set);			// reads the umask
 *	first = output_reserve(&set, n);	// one slot per output
 *	...on any thread, once for each slot:
 *	output_spill(&set, first + i, path, bytes, n, &d);	// any times
 *	output_settle(&set, first + i, path, bytes, len, &d);	// copies
 *	...then, on one thread again:
 *	output_add(&set, "out.d", bytes, len);	// settled by the commit
 *	if (output_commit(&set, &d) != 0)	// or output_check
 *		...				// no target changed
 *	output_set_release(&set);		// removes what is left
 *
 * When anything fails before the renames, every temporary file is
 * removed and no target has changed.  A run killed at any moment leaves
 * each target whole, old or new, and may leave temporary files behind.
 * A new file gets mode 0666 less the umask; a replaced one keeps its
 * mode.  Errors name the output (or the directory that could not be
 * made) with strerror: DIAG_CANTCREAT, DIAG_IOERR, or for --check
 * DIAG_STALE.
 *
 * The path "-" means standard output, and a target that exists and is
 * not a regular file (-o /dev/stdout, a FIFO) is written in place, since
 * renaming over it would replace the node: the commit writes these
 * streams before any rename.  A symbolic link stays a link: the file it
 * points to is replaced.
 */
#ifndef GEN_OUTPUT_H
#define GEN_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "base/diag.h"

struct output_file {
	char *path;		/* owned; as given; NULL: an empty slot */
	int fd;			/* the temporary file while spilling, or -1 */
	bool spilled;		/* output_spill began the output */
	bool failed;		/* and reported a failure */
	char *target;		/* owned; path with symbolic links followed */
	char *data;		/* owned; NULL if settled, but for streams */
	size_t len;
	char *temp;		/* owned; the temporary file, or NULL */
	bool stream;		/* "-", a device or a FIFO: written in place */
	bool settled;		/* by output_settle */
	bool changed;		/* the bytes differ from the target's */
};

struct output_set {
	struct output_file *items;
	size_t n, cap;
	mode_t umask;
};

/* Life cycle */

/*
 * Makes an empty set and reads the process's umask into it.  Reading a
 * umask means setting it, which would race with any thread making a
 * file meanwhile: call this while the program has one thread.
 */
void output_set_init(struct output_set *set);

/*
 * Removes every temporary file not committed and frees the set, which
 * is then empty and reusable with the same umask.
 */
void output_set_release(struct output_set *set);

/* Adding outputs (one thread) */

/*
 * Adds n empty slots for output_settle and returns the index of the
 * first.  A slot never settled is skipped by everything below.
 */
size_t output_reserve(struct output_set *set, size_t n);

/*
 * Queues path with data[0..len), to be settled by output_commit (or
 * compared by output_check).  The set takes data, which must come from
 * malloc, and copies path.  A path added or settled more than once is
 * written once, with its last bytes, in the place of its first.
 */
void output_add(struct output_set *set, const char *path, char *data,
    size_t len);

/* Settling (any thread) */

/*
 * Settles path with data[0..len) in slot i, which output_reserve made
 * and nothing filled yet: compares it with the target and, when it
 * differs, writes, chmods and syncs its temporary file.  The set keeps
 * no pointer to data, which the caller may free or reuse at once (a
 * stream's bytes are copied for the commit).  Returns 0, or -1 after
 * reporting into d, with the slot left empty and nothing left behind.
 *
 * Several threads may settle at once as long as each has its own slot
 * and its own d: a slot is written by its settler alone, the umask is
 * only read, and concurrent mkdir of a shared directory is harmless.
 * output_reserve and output_add must not run meanwhile, since they may
 * move the slots.
 */
int output_settle(struct output_set *set, size_t i, const char *path,
    const char *data, size_t len, struct diag *d);

/*
 * Hands the next len bytes of slot i's output, which will be settled as
 * path, to its temporary file at once: a big output (a render buffer
 * past BUF_SINK_THRESHOLD, see buf.h) is then never held whole.  The
 * file is made at the first call; output_settle gets the rest of the
 * bytes, compares the whole file with the target, and removes it when
 * they are the same, so that an unchanged target keeps its mtime.  A
 * stream's bytes are kept in memory instead.  Returns 0, or -1 after
 * reporting into d; the output then fails when it settles.  Threads as
 * for output_settle.
 */
int output_spill(struct output_set *set, size_t i, const char *path,
    const char *data, size_t len, struct diag *d);

/* Finishing (one thread) */

/*
 * Settles every output queued by output_add (all are compared first,
 * then written), writes the streams, then renames every temporary file
 * over its target.  Returns 0, or -1 after reporting into d with every
 * temporary file removed and no target changed.  The one exception is
 * a rename failing midway (rare): the targets before it are already
 * replaced, each whole, and the other temporary files are removed.  A
 * stream always counts as changed.
 */
int output_commit(struct output_set *set, struct diag *d);

/*
 * Compares the queued outputs with the disk and writes nothing.
 * Returns 0 when all match; otherwise reports "FILE: out of date" or
 * "FILE: missing" for each into d with DIAG_STALE and returns -1.  A
 * file that cannot be read is reported as "FILE: strerror" with
 * DIAG_IOERR.  Streams are never compared, and settled slots are
 * skipped.
 */
int output_check(struct output_set *set, struct diag *d);

#endif
