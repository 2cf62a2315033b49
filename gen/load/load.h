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
 * scalars kept as text, and unique.
 *
 * Every value's pos is where it starts; a map member's pos is its key's.
 * Errors read like
 *	data/http_status.yaml:7:3: error: duplicate key 'code'
 *	data/http_status.yaml:5:3: note: first defined here
 * Syntax errors stop the load; semantic errors (duplicate keys, tags,
 * numbers) are all collected in one pass, up to diag_full().
 *
 * Calling sequence: load_file (or load_yaml on text already in memory)
 * into an arena, read the tree, arena_release.
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

/* Loading */

/*
 * Parses text[0..len), named path in messages, into a tree in arena a and
 * stores its root in *out.  path is borrowed and must outlive the tree;
 * text need only live during the call.  lim may be NULL for the
 * defaults; text longer than lim->max_bytes is the data error
 * "PATH: file is larger than N bytes".  Returns 0, or -1 after
 * reporting every problem found into d (*out is then untouched).
 */
int load_yaml(struct arena *a, const char *path, const char *text,
    size_t len, const struct load_limits *lim, struct diag *d,
    struct value **out);

/*
 * Reads the file at path and loads it as load_yaml does; the text is
 * freed once parsed, since the tree holds copies of what it keeps.  A
 * file that cannot be opened is reported with diag_sys as DIAG_NOINPUT,
 * a failed read as DIAG_IOERR, and a file over lim->max_bytes as the
 * data error "PATH: file is larger than N bytes".
 * Returns 0, or -1 with *out untouched.
 */
int load_file(struct arena *a, const char *path,
    const struct load_limits *lim, struct diag *d, struct value **out);

/*
 * Streaming a long list.  A registry of 100k statuses is a tree of
 * millions of nodes, while its model needs a fraction of them; with a
 * struct load_stream, the items of one list of the root map are handed
 * over one at a time as each is complete, and are not kept in the tree
 * (the list there stays empty).  An item's nodes live only during the
 * call to item(), in memory the next item reuses, and so do the texts
 * (str) of its scalars other than strings: the callee copies what it
 * keeps of them.  The text of a string, like a key, stays valid as long
 * as the tree, so that the strings a model keeps are copied only once.
 *
 * begin() is called when a list under key opens as a member of the root
 * map, with the root's members complete so far, and says whether to
 * stream it: it may need one of them first (a registry's locales, say)
 * and decline when that has not been seen.  item() gets each item in
 * order, NULL for one already reported as an error (an alias).  Every
 * other part of the document loads as usual.
 *
 * fork and join, which may be NULL, let load_file_split hand the items
 * of a later piece of the list to item() on another thread: fork gives
 * a context of its own for them, with its memory in arena a and its
 * errors in d, both the piece's own; join, on the calling thread, adds
 * a piece's items after those seen so far (keep) or drops them, and
 * frees the piece's context.  fork and join are called after begin()
 * has accepted the list; fork may run while item() runs on ctx.
 */
struct load_stream {
	const char *key;
	bool (*begin)(void *ctx, const struct member *done, size_t n);
	void (*item)(void *ctx, const struct value *item);
	void *ctx;
	void *(*fork)(void *ctx, struct arena *a, struct diag *d);
	void (*join)(void *ctx, void *piece, bool keep);
};

/* load_yaml and load_file, streaming the list that stream names. */
int load_yaml_streamed(struct arena *a, const char *path, const char *text,
    size_t len, const struct load_limits *lim,
    const struct load_stream *stream, struct diag *d, struct value **out);
int load_file_streamed(struct arena *a, const char *path,
    const struct load_limits *lim, const struct load_stream *stream,
    struct diag *d, struct value **out);

/*
 * Loading a big file on several threads (load_split.c).  With jobs > 1,
 * a regular file of at least 2 * piece_min bytes, and a stream with
 * fork and join, the streamed list is cut at items into up to `jobs`
 * pieces (POOL_MAX_THREADS at most) of piece_min bytes or more, each
 * parsed on a thread of its own; then the same as load_file_streamed,
 * or LOAD_AGAIN.  LOAD_AGAIN means that
 * the pieces did not load alike the whole: something in them was not
 * as a cut needs it (an error, or text the cuts guessed wrong), and
 * nothing was kept.  The caller then drops what its stream made and
 * loads the file with load_file_streamed, which reports as ever.  d
 * must hold no errors yet.
 */
#define LOAD_AGAIN	1
#define LOAD_PIECE_MIN	((size_t)2 * 1024 * 1024)	/* worth a thread */
int load_file_split(struct arena *a, const char *path,
    const struct load_limits *lim, const struct load_stream *stream,
    size_t jobs, size_t piece_min, struct diag *d, struct value **out);

/* Scalars (load_scalar.c; shared with load.c, usable on their own) */

/*
 * Resolves the untagged plain scalar v, whose str and len are set, by the
 * core schema: sets v->kind and v->u, leaving strings as they are.  An
 * integer or float too large is reported into d at v->pos, and false is
 * returned.
 */
bool load_resolve_plain(struct value *v, struct diag *d);

/*
 * Applies the explicit tag (as libyaml resolves it, e.g.
 * "tag:yaml.org,2002:int", or "!") to the scalar v.  A value the tag does
 * not accept, and any tag other than str, int, float, bool and null, is
 * reported into d at v->pos.
 */
void load_resolve_tagged(struct value *v, const char *tag, struct diag *d);

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
