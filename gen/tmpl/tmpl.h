/*
 * tmpl: Mustache (spec v1.4.2 with dynamic names and inheritance, plus
 * filters, @first, @last and @index; templates.md), parsed once into a
 * tree in the caller's arena (tmpl_parse), then rendered any number of
 * times (tmpl_render) until arena_release.  Errors go into the caller's
 * diag with positions.  Nesting and partial depth are bounded, and no
 * walk recurses, so hostile templates cannot reach the C stack.
 */
#ifndef GEN_TMPL_H
#define GEN_TMPL_H

#include "escape.h"

#define TMPL_MAX_DEPTH		256	/* nested sections in one template */
#define TMPL_MAX_PARTIAL_DEPTH	64	/* partials within partials */

struct tmpl;

/*
 * find() sets *out to the partial `name` (parsed in arena a if need be, valid
 * until the render ends) or NULL if none, and returns 0; TMPL_BAD after
 * reporting into d that it did not parse; -1 after reporting a system error.
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
 * Parses text[0..len) (named path in diagnostics) into *out, in arena a; text
 * and path must outlive it.  Each name resolves to its key in keys (only read),
 * which must hold every key of the data rendered; a name not interned finds
 * nothing.  Returns 0, or -1 after reporting every error into d.
 */
int tmpl_parse(struct arena *a, const struct keys *keys, const char *path,
    const char *text, size_t len, struct diag *d, struct tmpl **out);

/*
 * Calls key(ctx, k, first) for every interned key a name of t resolved to
 * (first: the name's first part, looked up through the context stack), and
 * partial(ctx, name, len, dynamic) for every partial and parent tag (dynamic:
 * name is looked up at render time).  Either may be NULL.
 */
void tmpl_refs(const struct tmpl *t, void (*key)(void *, const char *, bool),
    void (*partial)(void *, const char *, size_t, bool), void *ctx);

/*
 * Renders t against root onto out; loader (NULL: none) finds each partial once
 * per render, into arena a.  Returns 0, or -1 after reporting into d (out may
 * then hold partial output).  max_output counts from buf_pos(out).
 */
int tmpl_render(const struct tmpl *t, const struct value *root,
    const struct tmpl_opts *opts, const struct tmpl_loader *loader,
    struct arena *a, struct buf *out, struct diag *d);

#endif
