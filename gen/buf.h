/*
 * buf: a growable byte buffer.
 *
 * Invariants: `ptr` is never NULL and always NUL-terminated at ptr[len];
 * `len < cap` whenever `cap` is non-zero.  A buffer made with BUF_INIT
 * points at a shared empty string and allocates nothing until data is
 * added, so an initialised buffer is always valid to read.
 *
 * Calling sequence: BUF_INIT or buf_init, then buf_add... any number of
 * times, then either buf_detach (take the bytes) or buf_release (drop
 * them).  After either, the buffer is empty and may be used again.
 */
#ifndef GEN_BUF_H
#define GEN_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct buf {
	char *ptr;
	size_t len;
	size_t cap;
};

extern char buf_empty[];

#define BUF_INIT { buf_empty, 0, 0 }

/* Life cycle */

void buf_init(struct buf *b);

/* Frees the storage; the buffer is left empty and reusable. */
void buf_release(struct buf *b);

/*
 * Hands the bytes to the caller, who frees them with free(); *len_out, if
 * not NULL, receives the length.  The result is NUL-terminated and never
 * NULL.  The buffer is left empty.
 */
char *buf_detach(struct buf *b, size_t *len_out);

/* Keeps the storage but sets the length to 0. */
void buf_reset(struct buf *b);

/* Ensures room for n more bytes without another allocation. */
void buf_grow(struct buf *b, size_t n);

/* Adding data */

/*
 * buf_add and buf_addc are inline: generated text is appended a few
 * bytes at a time, and the call would cost more than the copy.  Only a
 * buffer without room left calls buf_grow.
 */
static inline void
buf_add(struct buf *b, const void *data, size_t n)
{
	if (n == 0)
		return;
	if (n >= b->cap - b->len)	/* also when cap == 0 */
		buf_grow(b, n);
	memcpy(b->ptr + b->len, data, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

static inline void
buf_addc(struct buf *b, int c)
{
	if (b->cap - b->len < 2)
		buf_grow(b, 1);
	b->ptr[b->len++] = (char)c;
	b->ptr[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s);

/* printf-style append; the format must be a literal. */
void buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Checks */

/* True when the invariants above hold; for tests. */
bool buf_check(const struct buf *b);

#endif
