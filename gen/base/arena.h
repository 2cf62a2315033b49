/*
 * arena: a bump allocator for things that live as long as one run.
 *
 * The document tree, the model, every template AST and each output's
 * view are allocated here.  Nothing is freed one by one; arena_release
 * frees everything the arena handed out, and leaves it empty and
 * reusable.
 *
 * Calling sequence: ARENA_INIT, arena_alloc... any number of times,
 * arena_release.  Memory is zeroed and aligned for any object, but for
 * copies of strings, which are packed.
 */
#ifndef GEN_ARENA_H
#define GEN_ARENA_H

#include <stddef.h>

struct arena_block;
struct arena_kept;

struct arena {
	struct arena_block *head;
	size_t used;		/* bytes used in head */
	size_t total;		/* bytes handed out, for limits and tests */
	struct arena_kept *kept;	/* see arena_keep */
	struct arena_block *spare;	/* emptied by arena_reset */
};

#define ARENA_INIT { NULL, 0, 0, NULL, NULL }

/*
 * Returns n zeroed bytes that stay valid until arena_release.  Never
 * returns NULL; running out of memory ends the run (see xmalloc.h).
 */
void *arena_alloc(struct arena *a, size_t n);

/* Returns n objects of the given size, as arena_alloc. */
void *arena_array(struct arena *a, size_t count, size_t size);

/*
 * Copies s[0..n) into the arena and NUL-terminates it.  Unlike
 * arena_alloc's memory, the copy is not aligned.
 */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);

/*
 * Hands p, from malloc (see xmalloc.h), over to the arena, which frees
 * it as it frees its own memory.  For a big array grown with realloc
 * while it filled: copying it into the arena once complete would touch
 * as much fresh memory again.  Does nothing for NULL.
 */
void arena_keep(struct arena *a, void *p);

/*
 * Invalidates everything the arena handed out but keeps its blocks, to
 * be filled again without new memory (a view per output: fresh memory
 * faulted in for each cost as much as building it).  What arena_keep
 * was given is freed at once.
 */
void arena_reset(struct arena *a);

/* Deals from's spare blocks (see arena_reset) in turn to to[0..n). */
void arena_deal_spare(struct arena *to, size_t n, struct arena *from);

/* Frees every block; the arena is left empty and reusable. */
void arena_release(struct arena *a);

#endif
