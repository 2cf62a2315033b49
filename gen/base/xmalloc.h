/*
 * xmalloc: allocation that cannot fail.  Out of memory, or a size overflowing
 * xmul/xadd, ends the run with a line on stderr, exit 71 (EX_OSERR).
 */
#ifndef GEN_XMALLOC_H
#define GEN_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrndup(const char *s, size_t n);

/*
 * p, an array of n objects of the given size with room for *cap, with
 * room for one more: grown (doubled, or 16 at first) when full.
 */
void *xgrow(void *p, size_t *cap, size_t n, size_t size);

size_t xmul(size_t a, size_t b);
size_t xadd(size_t a, size_t b);

#endif
