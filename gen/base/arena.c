#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* Blocks double up to this size; larger requests get a block of their own. */
#define BLOCK_MIN	(16u * 1024)
#define BLOCK_MAX	(1024u * 1024)

struct arena_block {
	struct arena_block *next;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

/* An arena_keep'd allocation, noted in the arena itself. */
struct arena_kept {
	struct arena_kept *next;
	void *p;
};

static size_t
round_up(size_t n)
{
	size_t a = alignof(max_align_t);

	return xadd(n, a - 1) & ~(a - 1);
}

/* A block for n bytes: the first spare that fits, else twice the last. */
static void
new_block(struct arena *a, size_t n)
{
	struct arena_block *b, **p;
	size_t size;

	for (p = &a->spare; *p != NULL && (*p)->size < n; p = &(*p)->next)
		continue;
	if ((b = *p) != NULL) {
		*p = b->next;
	} else {
		size = a->head ? a->head->size * 2 : BLOCK_MIN;
		if (size > BLOCK_MAX)
			size = BLOCK_MAX;
		if (size < n)
			size = round_up(n);
		b = xmalloc(xadd(sizeof(*b), size));
		b->size = size;
	}
	b->next = a->head;
	a->head = b;
	a->used = 0;
}

/*
 * Block sizes are multiples of max_align_t, so an offset rounded up to
 * align (at most that) never passes the end, and used cannot overflow.
 */
static inline void *
take(struct arena *a, size_t n, size_t align)
{
	size_t at = (a->used + align - 1) & ~(align - 1);

	if (a->head == NULL || a->head->size - at < n) {
		new_block(a, n);
		at = 0;
	}
	a->used = at + n;
	return a->head->data + at;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	n = round_up(n ? n : 1);
	return memset(take(a, n, alignof(max_align_t)), 0, n);
}

void *
arena_array(struct arena *a, size_t count, size_t size)
{
	return arena_alloc(a, xmul(count, size));
}

/*
 * Text is neither aligned nor zeroed: a big registry holds millions of
 * short strings, and rounding each up would waste some 8 bytes.
 */
char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = take(a, xadd(n, 1), 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void
arena_keep(struct arena *a, void *p)
{
	struct arena_kept *k;

	if (p == NULL)
		return;
	k = arena_alloc(a, sizeof(*k));
	k->p = p;
	k->next = a->kept;
	a->kept = k;
}

void
arena_reset(struct arena *a)
{
	struct arena_block *b, *next, *spare = a->spare;
	struct arena_kept *k;

	/* The notes live in the blocks: read them before those go. */
	for (k = a->kept; k != NULL; k = k->next)
		free(k->p);
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		b->next = spare;
		spare = b;
	}
	*a = (struct arena)ARENA_INIT;
	a->spare = spare;
}

void
arena_deal_spare(struct arena *to, size_t n, struct arena *from)
{
	struct arena_block *b;
	size_t i = 0;

	while ((b = from->spare) != NULL) {
		from->spare = b->next;
		b->next = to[i].spare;
		to[i].spare = b;
		i = (i + 1) % n;
	}
}

void
arena_release(struct arena *a)
{
	struct arena_block *b, *next;

	arena_reset(a);
	for (b = a->spare; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->spare = NULL;
}
