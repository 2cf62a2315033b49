#include "xmalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* p, unless it is NULL: then the run ends. */
static void *
check(void *p)
{
	if (p == NULL) {
		fputs("gen: error: out of memory\n", stderr);
		exit(71);
	}
	return p;
}

void *
xmalloc(size_t n)
{
	return check(malloc(n ? n : 1));
}

void *
xcalloc(size_t count, size_t size)
{
	return check(calloc(count ? count : 1, size ? size : 1));
}

void *
xrealloc(void *p, size_t n)
{
	return check(realloc(p, n ? n : 1));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(xadd(n, 1));

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *
xgrow(void *p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? xmul(*cap, 2) : 16;
	return xrealloc(p, xmul(*cap, size));
}

size_t
xmul(size_t a, size_t b)
{
	if (b != 0 && a > SIZE_MAX / b)
		check(NULL);
	return a * b;
}

size_t
xadd(size_t a, size_t b)
{
	if (a > SIZE_MAX - b)
		check(NULL);
	return a + b;
}
