#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

static void add_printable(struct buf *b, const char *s);
static void push(struct diag *, enum diag_level, const struct srcpos *,
    const char *, va_list) __attribute__((format(printf, 4, 0)));
static void push_literal(struct diag *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

void
diag_init(struct diag *d)
{
	struct diag zero = DIAG_INIT;

	*d = zero;
}

void
diag_release(struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->items[i].msg);
		free((void *)d->items[i].pos.file);
	}
	free(d->items);
	diag_init(d);
}

/* A new entry at the end of d, to be filled in. */
static struct diag_entry *
append(struct diag *d)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->items = xrealloc(d->items, xmul(d->cap, sizeof(*d->items)));
	}
	return &d->items[d->n++];
}

static void
push(struct diag *d, enum diag_level level, const struct srcpos *pos,
    const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;
	struct diag_entry *e = append(d);

	e->level = level;
	if (pos != NULL && pos->file != NULL) {
		/*
		 * A copy: file names often live in an arena that is gone
		 * by the time main prints the diagnostics.
		 */
		e->pos = *pos;
		e->pos.file = xstrndup(pos->file, strlen(pos->file));
	} else {
		e->pos.file = NULL;
		e->pos.line = e->pos.col = 0;
	}
	buf_vaddf(&b, fmt, ap);
	e->msg = buf_detach(&b, NULL);
}

static void
push_literal(struct diag *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	push(d, DIAG_ERROR, NULL, fmt, ap);
	va_end(ap);
}

static bool
dropping(struct diag *d)
{
	d->errors++;
	if (d->fail == DIAG_OK)
		d->fail = DIAG_DATA;
	if (d->errors <= DIAG_MAX_ERRORS)
		return false;
	if (d->errors == DIAG_MAX_ERRORS + 1)
		push_literal(d, "too many errors");
	return true;
}

void
diag_error(struct diag *d, const struct srcpos *pos, const char *fmt, ...)
{
	va_list ap;

	if (dropping(d))
		return;
	va_start(ap, fmt);
	push(d, DIAG_ERROR, pos, fmt, ap);
	va_end(ap);
}

void
diag_note(struct diag *d, const struct srcpos *pos, const char *fmt, ...)
{
	va_list ap;

	/* A note after a dropped error would describe nothing. */
	if (d->errors > DIAG_MAX_ERRORS)
		return;
	va_start(ap, fmt);
	push(d, DIAG_NOTE, pos, fmt, ap);
	va_end(ap);
}

void
diag_fail(struct diag *d, enum diag_fail kind, const char *fmt, ...)
{
	va_list ap;

	if (d->fail == DIAG_OK)
		d->fail = kind;
	if (dropping(d))
		return;
	va_start(ap, fmt);
	push(d, DIAG_ERROR, NULL, fmt, ap);
	va_end(ap);
}

/*
 * strerror_r, not strerror: POSIX lets strerror share one buffer, and
 * outputs settle, and may fail, on several threads at once.
 */
void
diag_sys(struct diag *d, enum diag_fail kind, const char *path, int err)
{
	char msg[256];

	if (strerror_r(err, msg, sizeof(msg)) != 0)
		snprintf(msg, sizeof(msg), "Unknown error %d", err);
	diag_fail(d, kind, "%s: %s", path, msg);
}

void
diag_take(struct diag *d, struct diag *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		*append(d) = from->items[i];
	d->errors += from->errors;
	if (d->fail == DIAG_OK)
		d->fail = from->fail;
	free(from->items);
	diag_init(from);
}

bool
diag_has_errors(const struct diag *d)
{
	return d->errors != 0;
}

bool
diag_full(const struct diag *d)
{
	return d->errors > DIAG_MAX_ERRORS;
}

static const char *
level_name(enum diag_level level)
{
	switch (level) {
	case DIAG_ERROR:
		return "error";
	case DIAG_NOTE:
		return "note";
	}
	return "error";
}

/*
 * Appends s with control characters spelled as escapes: a name quoted
 * from the data ("ok\n", an ESC sequence) must neither break the
 * one-line form nor reach the terminal.
 */
static void
add_printable(struct buf *b, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p == '\n')
			buf_add(b, "\\n", 2);
		else if (*p == '\t')
			buf_add(b, "\\t", 2);
		else if (*p == '\r')
			buf_add(b, "\\r", 2);
		else if (*p < 0x20 || *p == 0x7f)
			buf_addf(b, "\\x%02x", *p);
		else
			buf_addc(b, (char)*p);
}

static void
format_entry(struct buf *b, const struct diag_entry *e, bool color)
{
	const char *on = "", *off = "", *bold = "";

	if (color) {
		on = e->level == DIAG_ERROR ? "\033[1;31m" : "\033[1;36m";
		off = "\033[0m";
		bold = "\033[1m";
	}
	buf_addf(b, "%s", bold);
	if (e->pos.file != NULL) {
		add_printable(b, e->pos.file);
		buf_addf(b, ":%u:%u:%s ", e->pos.line, e->pos.col, off);
	} else {
		buf_addf(b, "gen:%s ", off);
	}
	buf_addf(b, "%s%s:%s ", on, level_name(e->level), off);
	add_printable(b, e->msg);
}

char *
diag_format(const struct diag *d, size_t i)
{
	struct buf b = BUF_INIT;

	format_entry(&b, &d->items[i], false);
	return buf_detach(&b, NULL);
}

void
diag_print(const struct diag *d, FILE *fp, bool color)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < d->n; i++) {
		buf_reset(&b);
		format_entry(&b, &d->items[i], color);
		buf_addc(&b, '\n');
		fwrite(b.ptr, 1, b.len, fp);
	}
	buf_release(&b);
	fflush(fp);
}
