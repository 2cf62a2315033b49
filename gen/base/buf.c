#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/*
 * Hands the first n bytes to the sink and keeps the rest, which
 * buf_grow leaves at one byte: the renderer looks back at it to end an
 * open line.  The buffer keeps its storage for the next run of bytes.
 */
static void
hand_over(struct buf *b, size_t n)
{
	b->sink->write(b->sink->ctx, b->ptr, n);
	b->sink->flushed += n;
	memmove(b->ptr, b->ptr + n, b->len - n);
	b->len -= n;
	b->ptr[b->len] = '\0';
}

void
buf_grow(struct buf *b, size_t n)
{
	size_t need = xadd(xadd(b->len, n), 1), cap;

	if (need > b->cap && b->sink != NULL && b->len > 1 &&
	    b->len > b->sink->threshold) {
		hand_over(b, b->len - 1);
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

void
buf_flush(struct buf *b)
{
	if (b->sink != NULL && b->len > 0)
		hand_over(b, b->len);
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

bool
buf_check(const struct buf *b)
{
	if (b->ptr == NULL)
		return false;
	if (b->cap == 0)
		return b->ptr == buf_empty && b->len == 0 &&
		    buf_empty[0] == '\0';
	return b->len < b->cap && b->ptr[b->len] == '\0';
}
