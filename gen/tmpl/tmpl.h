/*
 * tmpl: Mustache templates, parsed once into a tree (tmpl_parse), then
 * rendered against a value tree (tmpl_render) any number of times.
 *
 * The language is Mustache (spec v1.4.2: comments, delimiters,
 * interpolation, sections, inverted sections, partials; optional: dynamic
 * names, inheritance), with these extensions for code generation:
 *
 *	{{name | filter | ...}}	filters, see filter.h
 *	{{@first}} {{@last}}	inside a section over a list: whether this
 *				is the first / last item (bools, usable as
 *				{{#@last}}...{{/@last}}, {{^@last}}...)
 *	{{@index}}		the item's 0-based index
 *
 * Escaping of {{name}} is set by the caller (struct tmpl_opts); {{{name}}}
 * and {{&name}} never escape.
 *
 * Where the spec leaves room, gen decides: the empty string is falsey; a
 * block whose tags stand alone renders whole lines (an override loses its
 * own shared indentation, takes the block's, and has an open last line
 * ended); in strict mode a dynamic name must resolve to a string.
 *
 * Calling sequence: tmpl_parse (AST in the caller's arena), then
 * tmpl_render any number of times, then arena_release.  All errors go
 * into the caller's diag with positions, as
 *	FILE:LINE:COL: error: section 'statuses' is never closed
 * Hostile templates cannot reach the C stack: the walkers use explicit
 * stacks, and nesting and partial depth are bounded.
 */
#ifndef GEN_TMPL_H
#define GEN_TMPL_H

#include "escape.h"

#define TMPL_MAX_DEPTH		256	/* nested sections in one template */
#define TMPL_MAX_PARTIAL_DEPTH	64	/* partials within partials */

struct tmpl;

/*
 * Finds partials for tmpl_render.  find() looks up the partial `name`
 * (the text of a {{> name}} tag), parsing it into arena a if it must,
 * and returns 0 with *out set to it, or to NULL when no such partial
 * exists.  It returns TMPL_BAD after reporting into d that the partial
 * did not parse, and -1 after reporting a system error.  A template
 * it returns must stay valid until the render ends.
 */
#define TMPL_BAD	1
struct tmpl_loader {
	int (*find)(void *ctx, const char *name, struct arena *a,
	    struct diag *d, const struct tmpl **out);
	void *ctx;
};

struct tmpl_opts {
	enum escape_mode escape;	/* for {{name}} */
	bool strict;			/* unknown names and partials: errors */
	size_t max_output;		/* 0: no limit */
	const struct escape_table *table;	/* when set, replaces escape */
};

/*
 * Parses text[0..len) (named path in diagnostics; path must outlive the
 * AST) into *out.  The AST lives in arena a.  Each name is resolved to
 * the key that keys interned for it (see value.h), and a name no one
 * interned finds nothing: keys must hold every key of the data the
 * template is rendered against.  keys is only read.  Returns 0, or -1
 * after reporting every error found into d; *out is written only on
 * success.
 */
int tmpl_parse(struct arena *a, const struct keys *keys, const char *path,
    const char *text, size_t len, struct diag *d, struct tmpl **out);

/*
 * Calls key(ctx, k, first) for every interned key a name of t resolved
 * to, with first set for the first part of a name (looked up through
 * the context stack, the others in what the part before found), and
 * partial(ctx, name, len, dynamic) for every partial and parent tag:
 * name[0..len) names the partial, or with dynamic the value that names
 * it at render time.  Either function may be NULL.
 */
void tmpl_refs(const struct tmpl *t, void (*key)(void *, const char *, bool),
    void (*partial)(void *, const char *, size_t, bool), void *ctx);

/*
 * Renders t against root, appending to out.  Partials are found through
 * loader (which may be NULL: no partials exist) and parsed into arena a
 * once per name for the whole render.  Returns 0, or -1 after reporting
 * into d; on failure out may hold partial output, which the caller drops.
 * max_output counts from buf_pos(out).
 */
int tmpl_render(const struct tmpl *t, const struct value *root,
    const struct tmpl_opts *opts, const struct tmpl_loader *loader,
    struct arena *a, struct buf *out, struct diag *d);

/* Checks the AST's invariants (parent links, positions); for tests. */
bool tmpl_check(const struct tmpl *t);

#endif
