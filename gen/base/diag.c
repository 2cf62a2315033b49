#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

void
diag_init(struct diag *d)
{
	*d = (struct diag)DIAG_INIT;
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
	d->items = xgrow(d->items, &d->cap, d->n, sizeof(*d->items));
	return &d->items[d->n++];
}

void
diag_report(struct diag *d, enum diag_fail kind, enum diag_level level,
    const struct srcpos *pos, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	struct diag_entry *e;
	va_list ap;

	if (level == DIAG_ERROR) {
		if (d->fail == DIAG_OK)
			d->fail = kind;
		if (++d->errors == DIAG_MAX_ERRORS + 1) {
			pos = NULL;
			fmt = "too many errors";
		}
	}
	if (d->errors > DIAG_MAX_ERRORS + (level == DIAG_ERROR))
		return;
	e = append(d);
	*e = (struct diag_entry){ .level = level };
	/* A copy: file names often live in an arena gone by diag_print. */
	if (pos != NULL && pos->file != NULL) {
		e->pos = *pos;
		e->pos.file = xstrndup(pos->file, strlen(pos->file));
	}
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	e->msg = buf_detach(&b, NULL);
}

/* strerror may share one buffer, and outputs fail on several threads. */
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

/* Quoted controls ("ok\n", ESC) must not break the line nor reach a tty. */
static void
add_printable(struct buf *b, const char *s)
{
	const unsigned char *p;
	const char *c;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p >= 0x20 && *p != 0x7f)
			buf_addc(b, (char)*p);
		else if ((c = strchr("\nn\tt\rr", *p)) != NULL)
			buf_addf(b, "\\%c", c[1]);
		else
			buf_addf(b, "\\x%02x", *p);
}

void
diag_print(const struct diag *d, FILE *fp, bool color)
{
	const char *on, *off = color ? "\033[0m" : "";
	const struct diag_entry *e;
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < d->n; i++) {
		e = &d->items[i];
		on = !color ? "" : e->level == DIAG_ERROR ? "\033[1;31m" :
		    "\033[1;36m";
		buf_adds(&b, color ? "\033[1m" : "");
		add_printable(&b, e->pos.file != NULL ? e->pos.file : "gen");
		if (e->pos.file != NULL)
			buf_addf(&b, ":%u:%u", e->pos.line, e->pos.col);
		buf_addf(&b, ":%s %s%s:%s ", off, on,
		    e->level == DIAG_ERROR ? "error" : "note", off);
		add_printable(&b, e->msg);
		buf_addc(&b, '\n');
	}
	fwrite(b.ptr, 1, b.len, fp);
	buf_release(&b);
	fflush(fp);
}
