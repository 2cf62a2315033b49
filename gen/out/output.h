/*
 * output: writing generated files safely (see doc/HACKING.md).
 *
 * Each output is settled: compared with its target and, when the bytes
 * differ, written in full to a synced temporary file ".NAME.XXXXXX"
 * beside the target.  output_commit then renames each over its target,
 * in order; an unchanged target is never written, so its mtime stays.
 *
 *	output_set_init(&set);			// reads the umask
 *	first = output_reserve(&set, n);	// one slot per output
 *	...on any thread, once for each slot:
 *	output_spill(&set, first + i, path, bytes, n, &d);	// any times
 *	output_settle(&set, first + i, path, bytes, len, &d);
 *	...then, on one thread again:
 *	output_add(&set, "out.d", bytes, len);	// settled by the commit
 *	output_commit(&set, &d);		// or output_check
 *	output_set_release(&set);		// removes what is left
 *
 * A run killed at any moment leaves each target whole, old or new.  A
 * new file gets mode 0666 less the umask; a replaced one keeps its mode.
 * Errors name the output (or the directory that could not be made) with
 * strerror: DIAG_CANTCREAT or DIAG_IOERR.  "-" is standard output; a
 * target that is not a regular file (/dev/stdout, a FIFO) is a stream,
 * written in place before any rename.  A symbolic link stays a link:
 * the file it points to is replaced.
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

/*
 * Reading the umask means setting it: call output_set_init while the
 * program has one thread.  Release removes what was not committed.
 */
void output_set_init(struct output_set *set);
void output_set_release(struct output_set *set);

/* Adds n empty slots and returns the first; one never settled is skipped. */
size_t output_reserve(struct output_set *set, size_t n);

/*
 * Queues path with data[0..len), which the set takes (from malloc), to
 * be settled by output_commit.  A path added or settled more than once
 * is written once, with its last bytes, in the place of its first.
 */
void output_add(struct output_set *set, const char *path, char *data,
    size_t len);

/*
 * Settles slot i as path with data[0..len), which the set does not keep.
 * Returns 0, or -1 after reporting into d, with the slot left empty and
 * nothing left behind.  Threads may settle at once, each with its own
 * slot and d, while output_reserve and output_add do not run.
 */
int output_settle(struct output_set *set, size_t i, const char *path,
    const char *data, size_t len, struct diag *d);

/*
 * Appends data[0..len) to slot i's temporary file (a stream keeps it in
 * memory), so that a big output is never held whole; output_settle adds
 * the last bytes.  Returns 0, or -1 after reporting into d; the output
 * then fails when it settles.  Threads as for output_settle.
 */
int output_spill(struct output_set *set, size_t i, const char *path,
    const char *data, size_t len, struct diag *d);

/*
 * Settles the queued outputs (all compared first, then written), writes
 * the streams, then renames every temporary file over its target.
 * Returns 0, or -1 after reporting into d with no target changed, but
 * when a rename fails midway: the targets before it are then replaced.
 */
int output_commit(struct output_set *set, struct diag *d);

/*
 * Compares the queued outputs but streams with the disk, writing
 * nothing.  Returns 0 when all match, else -1 after reporting each other
 * one: "FILE: out of date" or "FILE: missing" (DIAG_STALE), or
 * "FILE: strerror" (DIAG_IOERR).  With diff, each of those is shown on
 * standard output by diff(1) -u, the new text named "-".
 */
int output_check(struct output_set *set, bool diff, struct diag *d);

#endif
