/*
 * load_int: what load.c (the tree) and input.c (the text) share.  Not
 * for other modules; see load.h.
 */
#ifndef GEN_LOAD_INT_H
#define GEN_LOAD_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <yaml.h>

#include "load.h"

/* A list or map being built. */
struct frame {
	struct value *v;
	size_t base;		/* its first slot in loader.slots */
	bool want_key;		/* map: the next node is a key */
};

/*
 * An item of an open container.  A list uses only val; a map's key.s
 * is NULL for a key that was no scalar, dropped when the map closes.
 */
struct slot {
	struct mkey key;
	const struct value *val;
};

/* A regular file that libyaml reads a chunk at a time. */
struct source {
	FILE *fp;
	long start;		/* where the text begins, after a BOM */
	size_t total;		/* bytes handed to libyaml */
	size_t max;
	size_t nul;		/* offset of a NUL byte, or SIZE_MAX */
	int err;		/* errno of a failed read, or 0 */
	bool big;		/* grew past max while being read */
};

struct loader {
	const struct load_to *to;
	struct diag *d;
	const char *path;
	const char *text;	/* as passed to libyaml (BOM skipped) */
	size_t len;
	struct source *src;	/* instead of text */
	struct load_limits lim;
	size_t nodes, docs;
	const struct value *root;
	struct frame *frames;	/* depth of them in use */
	size_t depth, fcap;
	/*
	 * Items of every open container, innermost last.  A container's
	 * items are copied into the arena once, when it closes, so growth
	 * is amortised and nothing is quadratic.
	 */
	struct slot *slots;
	size_t nslots, scap;
};

/* Where libyaml's mark m is, in l's file. */
struct srcpos load_mark_pos(const struct loader *l, const yaml_mark_t *m);

/* Reports why p stopped (input.c). */
void load_parse_error(struct loader *l, const yaml_parser_t *p);

/*
 * Runs libyaml over the input set_input sets to the end of the
 * document, and frees what the loader holds.  Returns 0 with *out set,
 * or -1 when an error was reported.
 */
int load_run(struct loader *l,
    void (*set_input)(struct loader *, yaml_parser_t *),
    const struct value **out);

#endif
