/*
 * load_int: what load.c lends load_split.c, which loads a big file in
 * pieces on several threads.  Not for other modules; see load.h.
 */
#ifndef GEN_LOAD_INT_H
#define GEN_LOAD_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>

#include <yaml.h>

#include "load.h"

struct split;

/* A list or map being built. */
struct frame {
	struct value *v;
	size_t base;		/* its first slot in loader.slots */
	bool want_key;		/* map: the next node is a key */
};

/* An interned key: one arena copy for each distinct short key. */
struct ikey {
	const char *s;
	size_t len;
};

/* For the duplicate-key check: a key and its member index. */
struct keyref {
	const char *key;
	size_t len;
	size_t idx;
};

/*
 * A regular file that libyaml reads a chunk at a time (see load_file),
 * so that a big one is never in memory whole.
 */
struct source {
	FILE *fp;
	long start;		/* where the text begins, after a BOM */
	size_t total;		/* bytes handed to libyaml */
	size_t max;
	size_t nul;		/* offset of a NUL byte, or SIZE_MAX */
	int err;		/* errno of a failed read, or 0 */
	bool big;		/* grew past max while being read */
	long end;		/* a split load's first piece ends here; or 0 */
};

struct loader {
	struct arena *a;
	struct diag *d;
	const char *path;
	const char *text;	/* as passed to libyaml (BOM skipped) */
	size_t len;
	struct source *src;	/* instead of text */
	struct load_limits lim;
	size_t nodes;
	size_t docs;
	struct value *root;
	struct frame *frames;	/* depth of them in use */
	size_t depth, fcap;
	/*
	 * Items of every open container, innermost last.  Lists use only
	 * .val.  A container's items are copied into the arena once, when
	 * it closes, so growth is amortised and nothing is quadratic.
	 */
	struct member *slots;
	size_t nslots, scap;
	struct keyref *keys;	/* scratch for duplicate checks */
	size_t *first;
	size_t kcap;
	struct ikey *itab;	/* interned map keys, open addressing */
	size_t icap, icount;
	/*
	 * Streaming (see load.h): while `streaming`, the list whose items
	 * are at depth 2 (1 in a later piece, see below) is the streamed
	 * one, and everything inside it is made in `scratch`, emptied
	 * after each item.
	 */
	const struct load_stream *stream;
	bool streaming;
	struct arena scratch;
	/*
	 * Loading in pieces (load_split.c).  The first piece has `split`,
	 * and its source ends at the first cut once the list opens.  A
	 * later piece (`piece`) is a document whose root is the streamed
	 * list, which must be a block list at column `col`; one that is
	 * not stops quietly, as a load that failed.  Lines count from
	 * line_base.  list_end and stream_end are libyaml's marks, where
	 * the streamed list and the text ended.
	 */
	struct split *split;
	bool piece;
	bool directives;	/* %YAML or %TAG seen */
	size_t col;
	size_t line_base;
	yaml_mark_t list_end, stream_end;
};

void loader_init(struct loader *l, struct arena *a, const char *path,
    const struct load_limits *lim, const struct load_stream *stream,
    struct diag *d);

/* libyaml's parser for l, reading UTF-8; 0, or -1 reported. */
int loader_start(struct loader *l, yaml_parser_t *p);

/*
 * Runs p, whose input is set, to the end of the document and frees
 * what the loader holds.  Returns 0 with *out set, or -1 when an error
 * was reported since `errors` of them were, or a piece did not fit.
 */
int loader_finish(struct loader *l, yaml_parser_t *p, size_t errors,
    struct value **out);

/* Loads the regular file fp, described by st, a chunk at a time. */
int loader_file(struct loader *l, FILE *fp, const struct stat *st,
    struct value **out);

/*
 * load_file_streamed, and with split, which may be NULL, a regular file
 * big enough is loaded in pieces (load_file_split).
 */
int load_path(struct arena *a, const char *path,
    const struct load_limits *lim, const struct load_stream *stream,
    struct split *split, struct diag *d, struct value **out);

/*
 * load_split.c.  split_fits says whether the regular file fd, described
 * by st, is big enough to cut.  split_cut is called as the streamed
 * list opens (ev) in the first piece; it cuts the rest of the file and
 * starts a thread for each later piece, or leaves the load whole.
 * split_join waits for the pieces once the first is loaded (rc), keeps
 * or drops them, and returns the load's result (or LOAD_AGAIN).
 */
bool split_fits(struct split *s, int fd, const struct stat *st);
void split_cut(struct loader *l, const yaml_event_t *ev);
int split_join(const struct loader *first, int rc);

#endif
