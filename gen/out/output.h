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
 * A run killed at any moment leaves each target whole, old or new, and
 * may leave temporary files behind.  A new file gets mode 0666 less the
 * umask; a replaced one keeps its mode.  Errors name the output (or the
 * directory that could not be made) with strerror: DIAG_CANTCREAT or
 * DIAG_IOERR.
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
 * Makes an empty set and reads the umask into it.  Reading a umask means
 * setting it, which races with any thread making a file: call this while
 * the program has one thread.
 */
void output_set_init(struct output_set *set);

/* Removes the temporary files not committed; the set is left empty. */
void output_set_release(struct output_set *set);

/* Adding outputs (one thread) */

/*
 * Adds n empty slots and returns the index of the first.  A slot never
 * settled is skipped by everything below.
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
 * Settles path with data[0..len) in slot i, which output_reserve made:
 * compares it with the target and, when it differs, writes, chmods and
 * syncs its temporary file.  The set keeps no pointer to data (a
 * stream's bytes are copied).  Returns 0, or -1 after reporting into d,
 * with the slot left empty and nothing left behind.
 *
 * Threads may settle at once, each with its own slot and d: the umask
 * is only read, and concurrent mkdir of a shared directory is harmless.
 * output_reserve and output_add, which may move the slots, must not run
 * meanwhile.
 */
int output_settle(struct output_set *set, size_t i, const char *path,
    const char *data, size_t len, struct diag *d);

/*
 * Hands the next len bytes of slot i's output, to be settled as path, to
 * its temporary file, made at the first call, so that a big output (a
 * render buffer past BUF_SINK_THRESHOLD, see buf.h) is never held whole.
 * output_settle adds the last bytes, compares the whole file with the
 * target, and removes it when they are the same.  A stream's bytes are
 * kept in memory instead.  Returns 0, or -1 after reporting into d; the
 * output then fails when it settles.  Threads as for output_settle.
 */
int output_spill(struct output_set *set, size_t i, const char *path,
    const char *data, size_t len, struct diag *d);

/* Finishing (one thread) */

/*
 * Settles every output queued by output_add (all are compared first,
 * then written), writes the streams, then renames every temporary file
 * over its target.  Returns 0, or -1 after reporting into d with every
 * temporary file removed and no target changed, but when a rename fails
 * midway (rare): the targets before it are then already replaced.
 */
int output_commit(struct output_set *set, struct diag *d);

/*
 * Compares the queued outputs with the disk and writes nothing; streams
 * and settled slots are skipped.  Returns 0 when all match, else -1
 * after reporting "FILE: out of date" or "FILE: missing" (DIAG_STALE),
 * or "FILE: strerror" (DIAG_IOERR), for each other one into d.
 */
int output_check(struct output_set *set, struct diag *d);

#endif
