/*
 * buf: a growable byte buffer.
 *
 * `ptr` is never NULL and always NUL-terminated at ptr[len]; `len < cap`
 * whenever `cap` is non-zero.  BUF_INIT points at a shared empty string
 * and allocates nothing.  BUF_INIT, buf_add..., then buf_detach or
 * buf_release, after which the buffer is empty, sinkless and reusable.
 */
#ifndef GEN_BUF_H
#define GEN_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

/*
 * Where a streaming buffer's bytes go, so that a big output needs memory for
 * the threshold only.  write() gets the bytes in order and must take them all
 * (a sink that fails reports later): writers of a buffer cannot fail.
 */
struct buf_sink {
	void (*write)(void *ctx, const char *p, size_t n);
	void *ctx;
	size_t threshold;	/* held bytes that start a hand-over */
	size_t flushed;		/* bytes handed over so far */
};

struct buf {
	char *ptr;
	size_t len, cap;
	struct buf_sink *sink;	/* NULL: keeps every byte */
};

extern char buf_empty[];

#define BUF_INIT { buf_empty, 0, 0, NULL }

static inline void
buf_init(struct buf *b)
{
	*b = (struct buf)BUF_INIT;
}

/* Frees the storage, and bytes not yet handed to a sink. */
void buf_release(struct buf *b);

/*
 * Hands the bytes (but those a sink took) to the caller, who frees them;
 * *len_out, if not NULL, receives the length.  Never NULL.
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
 * Ensures room for n more bytes.  A buffer holding more than its sink's
 * threshold first hands the sink all its bytes but the last.
 */
void buf_grow(struct buf *b, size_t n);

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

/* A threshold that keeps copies cheap and a buffer well out of RSS. */
#define BUF_SINK_THRESHOLD	((size_t)256 << 10)

#define BUF_SINK_INIT(write, ctx) { (write), (ctx), BUF_SINK_THRESHOLD, 0 }

/*
 * Sends b's bytes, those held included, to s, which must outlive the buffer's
 * use; `len` then counts the bytes still held.  Only code looking back at most
 * at the last byte (the renderer, not comment escapers) may then write to b.
 */
static inline void
buf_stream(struct buf *b, struct buf_sink *s)
{
	b->sink = s;
}

/*
 * The bytes written to b since it was last empty, a sink's included;
 * ptr[len - 1] is the last of them while some are held.
 */
static inline size_t
buf_pos(const struct buf *b)
{
	return b->sink != NULL ? b->sink->flushed + b->len : b->len;
}

#endif
