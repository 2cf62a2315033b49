/*
 * load: YAML text into a value tree (see value.h), with positions.
 *
 * The loader reads libyaml's event stream and builds the tree with an
 * explicit stack, so hostile nesting never reaches the C stack.  Input is
 * UTF-8 (a leading byte order mark is skipped); CR, LF and CRLF all end
 * a line.  Exactly one document is accepted; an empty stream loads as a
 * null value.
 *
 * Plain scalars are resolved by the YAML 1.2 core schema: null (null,
 * Null, NULL, ~, empty), bool (true/false in three spellings), int
 * (decimal, 0o octal, 0x hex, range of long long) and float (decimal,
 * .inf, .nan); everything else, and every quoted or block scalar, is a
 * string.  "yes", "no", "on" stay strings.  The tags !!str, !!int,
 * !!float, !!bool, !!null, !!map and !!seq are honoured; any other tag is
 * an error.  Aliases are errors (a defence against documents that expand
 * exponentially); anchors are accepted and ignored.  Map keys are
 * scalars kept as text, unique, and interned (struct keys).
 *
 * Syntax errors stop the load; the others (duplicate keys, tags,
 * numbers) are all collected in one pass, up to diag_full().
 *
 * Calling sequence: load_file (or load_yaml on text already in memory),
 * read the tree, release the arenas.  The nodes of a tree and the texts
 * of its scalars may go to different arenas, so that a reader which
 * keeps only texts (the model) can free the nodes once done.
 */
#ifndef GEN_LOAD_H
#define GEN_LOAD_H

#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/value.h"

/*
 * Bounds on one input: the text's size in bytes, the nesting of lists
 * and maps (the root container is level 1), and the number of YAML
 * nodes, map keys included.  Exceeding one is an error that stops the
 * load.
 */
struct load_limits {
	size_t max_bytes, max_depth, max_nodes;
};

#define LOAD_MAX_DEPTH		256
#define LOAD_LIMITS_DEFAULT \
	{ (size_t)64 * 1024 * 1024, LOAD_MAX_DEPTH, (size_t)10 * 1000 * 1000 }

/* Where a tree goes: nodes and texts may share one arena. */
struct load_to {
	struct arena *nodes;	/* values and their arrays */
	struct arena *texts;	/* the texts of scalars */
	struct keys *keys;	/* map keys are interned here */
};

/*
 * Parses text[0..len), named path in messages, into a tree and stores
 * its root in *out.  path is borrowed; text need only live during the
 * call.  lim may be NULL for the defaults; text longer than
 * lim->max_bytes is the data error "PATH: file is larger than N bytes".
 * Returns 0, or -1 after reporting every problem found into d (*out is
 * then untouched).
 */
int load_yaml(const struct load_to *to, const char *path, const char *text,
    size_t len, const struct load_limits *lim, struct diag *d,
    const struct value **out);

/*
 * Loads the file at path as load_yaml does.  A regular file is read a
 * chunk at a time as libyaml asks for it, so that a big one is never in
 * memory whole; anything else (a pipe) is read whole.  A file that
 * cannot be opened is reported with diag_sys as DIAG_NOINPUT, a failed
 * read as DIAG_IOERR.  Returns 0, or -1 with *out untouched.
 */
int load_file(const struct load_to *to, const char *path,
    const struct load_limits *lim, struct diag *d, const struct value **out);

#endif
