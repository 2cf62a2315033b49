/*
 * load_int: what the files of the load stage share; see load.h.
 *
 * input.c reads the text, from memory or a file a chunk at a time, runs
 * libyaml over it and says what its errors mean; load.c turns libyaml's
 * events into the tree; scalar.c resolves scalars by the core schema.
 */
#ifndef GEN_LOAD_INT_H
#define GEN_LOAD_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <yaml.h>

#include "load.h"

#define TAG_PREFIX	"tag:yaml.org,2002:"

/* A list or map being built. */
struct frame {
	struct value *v;
	size_t base;		/* its first slot in loader.slots */
	bool want_key;		/* map: the next node is a key */
};

/* An open container's item; a map's keyless ones go when it closes. */
struct slot {
	struct mkey key;
	const struct value *val;
};

struct loader {
	const struct load_to *to;
	struct diag *d;
	const char *path;
	struct load_limits lim;
	const char *text;	/* in memory (BOM skipped), or NULL */
	size_t len;
	FILE *fp;		/* or a regular file, read in chunks */
	long start;		/* where its text begins, after a BOM */
	size_t total;		/* bytes handed to libyaml */
	size_t nul;		/* offset of a NUL byte, or SIZE_MAX */
	int err;		/* errno of a failed read, or 0 */
	bool big;		/* grew past lim.max_bytes while read */
	size_t nodes, docs;
	const struct value *root;
	struct frame *frames;	/* depth of them in use */
	size_t depth, fcap;
	/*
	 * Items of every open container, innermost last, copied into the
	 * arena once, when it closes: growth is amortised, not quadratic.
	 */
	struct slot *slots;
	size_t nslots, scap;
};

/* Where libyaml's mark m is, in l's file. */
struct srcpos load_mark_pos(const struct loader *l, const yaml_mark_t *m);

/*
 * Builds the tree from p's events, to the end of the stream.  Returns
 * -1 when p failed (p->error says why) or an error stopped the load.
 */
int load_events(struct loader *l, yaml_parser_t *p);

/*
 * Scalars (scalar.c), whose str is NUL-terminated at len.
 * load_resolve_plain resolves a plain one by the core schema, setting
 * v->kind and v->u; load_resolve_tagged applies the explicit tag, as
 * libyaml resolves it ("tag:yaml.org,2002:int", "!").  Values a tag
 * does not take, numbers out of range and tags other than str, int,
 * float, bool and null are reported into d at pos.
 */
void load_resolve_plain(struct value *v, const struct srcpos *pos,
    struct diag *d);
void load_resolve_tagged(struct value *v, const char *tag,
    const struct srcpos *pos, struct diag *d);

/*
 * tag in buf[0..size) as a document writes it ("!!int"), cut short as
 * load_quote_len does.  Returns buf; LOAD_TAG_SHOW bytes are enough.
 */
#define LOAD_TAG_SHOW	72
const char *load_show_tag(const char *tag, char *buf, size_t size);

/* How many bytes of s[0..len) to quote: at most 60, whole characters. */
int load_quote_len(const char *s, size_t len);

#endif
