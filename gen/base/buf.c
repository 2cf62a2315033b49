#include "buf.h"

#include <stdio.h>
#include <stdlib.h>

#include "xmalloc.h"

char buf_empty[1];

void
buf_release(struct buf *b)
{
	if (b->cap != 0)
		free(b->ptr);
	buf_init(b);
}

char *
buf_detach(struct buf *b, size_t *len_out)
{
	char *p = b->cap != 0 ? b->ptr : xcalloc(1, 1);

	if (len_out != NULL)
		*len_out = b->len;
	buf_init(b);
	return p;
}

/* The last byte stays: the renderer looks back at it to end a line. */
void
buf_grow(struct buf *b, size_t n)
{
	size_t need = xadd(xadd(b->len, n), 1), cap;

	if (need > b->cap && b->sink != NULL && b->len > 1 &&
	    b->len > b->sink->threshold) {
		b->sink->write(b->sink->ctx, b->ptr, b->len - 1);
		b->sink->flushed += b->len - 1;
		b->ptr[0] = b->ptr[b->len - 1];
		b->ptr[1] = '\0';
		b->len = 1;
		need = xadd(n, 2);
	}
	if (need <= b->cap)
		return;
	/* Grow by half again so that appends stay amortised O(1). */
	cap = b->cap < 64 ? 64 : xadd(b->cap, b->cap / 2);
	if (cap < need)
		cap = need;
	if (b->cap == 0) {
		b->ptr = xmalloc(cap);
		b->ptr[0] = '\0';
	} else {
		b->ptr = xrealloc(b->ptr, cap);
	}
	b->cap = cap;
}

/* cap - len is 0 for an empty buffer too, whose cap is 0. */
void
buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if ((size_t)n >= b->cap - b->len) {
		buf_grow(b, (size_t)n);
		vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}
