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
 * Errors read like
 *	data/http_status.yaml:7:3: error: duplicate key 'code'
 *	data/http_status.yaml:5:3: note: first defined here
 * Syntax errors stop the load; semantic errors (duplicate keys, tags,
 * numbers) are all collected in one pass, up to diag_full().
 *
 * Calling sequence: load_file (or load_yaml on text already in memory),
 * read the tree, release the arenas.  The nodes of a tree and the texts
 * of its scalars may go to different arenas, so that a reader which
 * keeps only texts (the model) can free the nodes once done.
 */
#ifndef GEN_LOAD_H
#define GEN_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/value.h"

/* Limits */

#define LOAD_MAX_BYTES		((size_t)64 * 1024 * 1024)
#define LOAD_MAX_DEPTH		256
#define LOAD_MAX_NODES		((size_t)10 * 1000 * 1000)

/*
 * Bounds on one input.  max_bytes caps the text's size, max_depth the
 * nesting of lists and maps (the root container is level 1), and
 * max_nodes the number of YAML nodes, map keys included.  Exceeding one
 * is an error that stops the load.
 */
struct load_limits {
	size_t max_bytes;	/* input size */
	size_t max_depth;	/* nesting */
	size_t max_nodes;	/* total values */
};

#define LOAD_LIMITS_DEFAULT { LOAD_MAX_BYTES, LOAD_MAX_DEPTH, LOAD_MAX_NODES }

/* Where a tree goes: nodes and texts may share one arena. */
struct load_to {
	struct arena *nodes;	/* values and their arrays */
	struct arena *texts;	/* the texts of scalars */
	struct keys *keys;	/* map keys are interned here */
};

/* Loading */

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
 * Reads the file at path, a chunk at a time as libyaml asks for it (so
 * that a big file is never in memory whole), and loads it as load_yaml
 * does.  A file that cannot be opened is reported with diag_sys as
 * DIAG_NOINPUT, a failed read as DIAG_IOERR, and a file over
 * lim->max_bytes as the data error "PATH: file is larger than N bytes".
 * Returns 0, or -1 with *out untouched.
 */
int load_file(const struct load_to *to, const char *path,
    const struct load_limits *lim, struct diag *d, const struct value **out);

/* Scalars (scalar.c; usable on their own) */

/*
 * Resolves the untagged plain scalar v, whose str and len are set, by the
 * core schema: sets v->kind and v->u, leaving strings as they are.  An
 * integer or float too large is reported into d at pos, and false is
 * returned.
 */
bool load_resolve_plain(struct value *v, const struct srcpos *pos,
    struct diag *d);

/*
 * Applies the explicit tag (as libyaml resolves it, e.g.
 * "tag:yaml.org,2002:int", or "!") to the scalar v.  A value the tag does
 * not accept, and any tag other than str, int, float, bool and null, is
 * reported into d at pos.
 */
void load_resolve_tagged(struct value *v, const char *tag,
    const struct srcpos *pos, struct diag *d);

/*
 * Writes tag into buf[0..size) as it is written in a document: "!!int"
 * for the core tag "tag:yaml.org,2002:int", otherwise tag itself, cut
 * short as load_quote_len does.  Returns buf.  LOAD_TAG_SHOW bytes are
 * always enough.
 */
#define LOAD_TAG_SHOW	72
const char *load_show_tag(const char *tag, char *buf, size_t size);

/*
 * Returns how many bytes of s[0..len) to quote in a message: at most 60,
 * never cutting a UTF-8 sequence.
 */
int load_quote_len(const char *s, size_t len);

#endif
