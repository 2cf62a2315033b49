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

static size_t
round_up(size_t n)
{
	size_t a = alignof(max_align_t);

	return xadd(n, a - 1) & ~(a - 1);
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b;
	size_t size;
	void *p;

	n = round_up(n ? n : 1);
	if (a->head == NULL || a->head->size - a->used < n) {
		size = a->head ? a->head->size * 2 : BLOCK_MIN;
		if (size > BLOCK_MAX)
			size = BLOCK_MAX;
		if (size < n)
			size = n;
		if (a->spare != NULL && a->spare->size >= n) {
			b = a->spare;
			a->spare = b->next;
		} else {
			b = xmalloc(xadd(sizeof(*b), size));
			b->size = size;
		}
		b->next = a->head;
		a->head = b;
		a->used = 0;
	}
	p = a->head->data + a->used;
	a->used += n;
	a->total += n;
	memset(p, 0, n);
	return p;
}

void *
arena_array(struct arena *a, size_t count, size_t size)
{
	return arena_alloc(a, xmul(count, size));
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, xadd(n, 1));

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

/*
 * The newest blocks are the biggest; reversed onto the spare list they
 * come back oldest first, so the doubling sizes repeat in order.
 */
void
arena_reset(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		b->next = a->spare;
		a->spare = b;
	}
	a->head = NULL;
	a->used = 0;
	a->total = 0;
}

/*
 * from's blocks go behind a's current one, which keeps filling; from's
 * spare ones are freed.
 */
void
arena_adopt(struct arena *a, struct arena *from)
{
	struct arena_block *last;

	if (from->head != NULL) {
		for (last = from->head; last->next != NULL; last = last->next)
			continue;
		if (a->head == NULL) {
			a->head = from->head;
			a->used = from->used;
		} else {
			last->next = a->head->next;
			a->head->next = from->head;
		}
		a->total += from->total;
		from->head = NULL;
		from->used = from->total = 0;
	}
	arena_release(from);
}
