/*
 * arena: a bump allocator for the tree, the model, the template ASTs and
 * the views.  Nothing is freed one by one: ARENA_INIT, arena_alloc...,
 * arena_release, which leaves the arena empty and reusable.  Memory is
 * zeroed and aligned for any object, but for copies of strings.
 */
#ifndef GEN_ARENA_H
#define GEN_ARENA_H

#include <stddef.h>

struct arena_block;
struct arena_kept;

struct arena {
	struct arena_block *head;
	size_t used;		/* bytes used in head */
	struct arena_kept *kept;	/* see arena_keep */
	struct arena_block *spare;	/* emptied by arena_reset */
};

#define ARENA_INIT { NULL, 0, NULL, NULL }

/* n zeroed bytes, or count objects of size bytes; never NULL. */
void *arena_alloc(struct arena *a, size_t n);
void *arena_array(struct arena *a, size_t count, size_t size);

/* A NUL-terminated copy of s[0..n) or of s, not aligned. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);

/*
 * Hands p (from malloc, or NULL) to the arena, which frees it with its
 * own memory: a big array grown with realloc need not be copied in.
 */
void arena_keep(struct arena *a, void *p);

/*
 * Invalidates all it handed out but keeps its blocks as spares to refill
 * without new memory (a view per output); frees what arena_keep was given.
 */
void arena_reset(struct arena *a);

/* Deals from's spare blocks (see arena_reset) in turn to to[0..n). */
void arena_deal_spare(struct arena *to, size_t n, struct arena *from);

/* Frees every block; the arena is left empty and reusable. */
void arena_release(struct arena *a);

#endif
