/*
 * load: YAML text into a value tree (see value.h), with positions.
 *
 * One UTF-8 document (a leading BOM skipped; an empty stream is null), built
 * with an explicit stack.  Plain scalars follow YAML 1.2's core schema ("yes",
 * "no", "on" stay strings); core tags are honoured, other tags and aliases are
 * errors, anchors ignored.  Map keys are unique interned texts.  Syntax errors
 * stop the load; the rest are all collected, up to diag_full().
 */
#ifndef GEN_LOAD_H
#define GEN_LOAD_H

#include "base/value.h"

/*
 * Bounds on an input, each stopping the load: its bytes, the nesting of lists
 * and maps (the root is level 1), and the nodes, map keys included.
 */
struct load_limits {
	size_t max_bytes, max_depth, max_nodes;
};

#define LOAD_LIMITS_DEFAULT \
	{ (size_t)64 * 1024 * 1024, 256, (size_t)10 * 1000 * 1000 }

/* Where a tree goes: a reader that keeps only texts may free the nodes. */
struct load_to {
	struct arena *nodes;	/* values and their arrays */
	struct arena *texts;	/* the texts of scalars */
	struct keys *keys;	/* map keys are interned here */
};

/*
 * Parses text[0..len) (only borrowed during the call), named path in
 * messages, and stores the root in *out.  lim may be NULL for the
 * defaults.  Returns 0, or -1 after reporting every problem found into d.
 */
int load_yaml(const struct load_to *to, const char *path, const char *text,
    size_t len, const struct load_limits *lim, struct diag *d,
    const struct value **out);

/*
 * Loads the file at path as load_yaml does: a regular file in chunks, others
 * whole.  DIAG_NOINPUT if it cannot be opened, DIAG_IOERR if a read fails.
 */
int load_file(const struct load_to *to, const char *path,
    const struct load_limits *lim, struct diag *d, const struct value **out);

#endif
