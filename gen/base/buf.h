/*
 * buf: a growable byte buffer.
 *
 * Invariants: `ptr` is never NULL and always NUL-terminated at ptr[len];
 * `len < cap` whenever `cap` is non-zero.  BUF_INIT points at a shared
 * empty string and allocates nothing until data is added.
 *
 * Calling sequence: BUF_INIT or buf_init, buf_add..., then buf_detach
 * (take the bytes) or buf_release (drop them), after which the buffer is
 * empty, without a sink, and reusable.
 */
#ifndef GEN_BUF_H
#define GEN_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct buf_sink;

struct buf {
	char *ptr;
	size_t len, cap;
	struct buf_sink *sink;	/* NULL: keeps every byte */
};

extern char buf_empty[];

#define BUF_INIT { buf_empty, 0, 0, NULL }

/* Life cycle */

static inline void
buf_init(struct buf *b)
{
	*b = (struct buf)BUF_INIT;
}

/* Frees the storage, and bytes not yet handed to a sink. */
void buf_release(struct buf *b);

/*
 * Hands the bytes (with a sink: those not yet handed to it) to the
 * caller, who frees them with free(); *len_out, if not NULL, receives
 * the length.  The result is NUL-terminated and never NULL.
 */
char *buf_detach(struct buf *b, size_t *len_out);

/* Keeps the storage but sets the length to 0. */
static inline void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->cap != 0)	/* buf_empty is shared: never written */
		b->ptr[0] = '\0';
}

/*
 * Ensures room for n more bytes.  A buffer with a sink that holds more
 * than its threshold first hands the sink all its bytes but the last.
 */
void buf_grow(struct buf *b, size_t n);

/* Adding data */

/* Inline: text is appended a few bytes at a time. */
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

static inline void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* printf-style append; the format must be a literal. */
void buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Streaming */

/*
 * Where a streaming buffer's bytes go, so that a big output needs memory
 * for the threshold only.  write() gets the bytes in order and must take
 * them all: a sink that fails reports later, since the writers of a
 * buffer cannot fail.  `flushed` counts the bytes handed over so far.
 */
struct buf_sink {
	void (*write)(void *ctx, const char *p, size_t n);
	void *ctx;
	size_t threshold;	/* held bytes that start a hand-over */
	size_t flushed;
};

/* A threshold that keeps copies cheap and a buffer well out of RSS. */
#define BUF_SINK_THRESHOLD	((size_t)256 << 10)

#define BUF_SINK_INIT(write, ctx) { (write), (ctx), BUF_SINK_THRESHOLD, 0 }

/*
 * Sends b's bytes from now on, those held included, to s, which must
 * outlive the buffer's use; `len` then counts the bytes still held.
 * Only code that looks back at most at the last byte written (the
 * renderer, not the comment escapers) may write to a streaming buffer.
 */
static inline void
buf_stream(struct buf *b, struct buf_sink *s)
{
	b->sink = s;
}

/* Hands every byte held to the sink, if b has one. */
void buf_flush(struct buf *b);

/*
 * The bytes written to b since it was last empty, those handed to a sink
 * included.  ptr[len - 1] is the byte at buf_pos(b) - 1 whenever
 * buf_pos(b) is not 0 and the buffer has not been flushed.
 */
static inline size_t
buf_pos(const struct buf *b)
{
	return b->sink != NULL ? b->sink->flushed + b->len : b->len;
}

/* True when the invariants above hold; for tests. */
bool buf_check(const struct buf *b);

#endif
