/* The loader's text, from memory or a file; libyaml's run and errors. */
#include "load_int.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/xmalloc.h"

#define BOM	"\xEF\xBB\xBF"

/*
 * libyaml's reader errors carry a byte offset, not a mark.  Count lines
 * the way libyaml does (CRLF is one break) and columns in characters.
 * A file read in chunks is read again up to the offset: errors only.
 */
static struct srcpos
offset_pos(const struct loader *l, size_t off)
{
	struct srcpos pos = { l->path, 1, 1 };
	const char *text = l->text;
	char *copy = NULL;
	size_t i, len = l->len;

	if (l->fp != NULL) {
		text = copy = xmalloc(off + 1);
		len = fseek(l->fp, l->start, SEEK_SET) != 0 ? 0 :
		    fread(copy, 1, off + 1, l->fp);
	}
	for (i = 0; i < off && i < len; i++) {
		if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == len ||
		    text[i + 1] != '\n'))) {
			pos.line++;
			pos.col = 1;
		} else if ((text[i] & 0xC0) != 0x80) {
			pos.col++;
		}
	}
	free(copy);
	return pos;
}

static void
nul_byte(const struct loader *l, size_t off)
{
	struct srcpos pos = offset_pos(l, off);

	diag_error(l->d, &pos, "NUL byte in input");
}

static void
too_big(const struct loader *l)
{
	diag_fail(l->d, DIAG_DATA, "%s: file is larger than %zu bytes",
	    l->path, l->lim.max_bytes);
}

/* When read_chunk stopped libyaml, its reason, not "input error". */
static void
parse_error(const struct loader *l, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "invalid YAML";
	struct srcpos pos;

	if (p->error == YAML_READER_ERROR && l->nul != SIZE_MAX) {
		nul_byte(l, l->nul);
	} else if (p->error == YAML_READER_ERROR && l->err != 0) {
		diag_sys(l->d, DIAG_IOERR, l->path, l->err);
	} else if (p->error == YAML_READER_ERROR && l->big) {
		too_big(l);
	} else if (p->error == YAML_READER_ERROR) {
		pos = offset_pos(l, p->problem_offset);
		if (p->problem_value != -1)
			diag_error(l->d, &pos, "%s (0x%02X)", problem,
			    (unsigned)p->problem_value);
		else
			diag_error(l->d, &pos, "%s", problem);
	} else if (p->error == YAML_SCANNER_ERROR ||
	    p->error == YAML_PARSER_ERROR) {
		pos = load_mark_pos(l, &p->problem_mark);
		diag_error(l->d, &pos, "%s", problem);
		if (p->context != NULL) {
			pos = load_mark_pos(l, &p->context_mark);
			diag_note(l->d, &pos, "%s", p->context);
		}
	} else {
		diag_error(l->d, NULL, "%s: %s", l->path, problem);
	}
}

/*
 * libyaml's read handler: the next chunk of the file.  A NUL byte, a
 * failed read or a file grown past the limit stops the parser with a
 * reader error, which parse_error explains.
 */
static int
read_chunk(void *data, unsigned char *buf, size_t size, size_t *nread)
{
	struct loader *l = data;
	const unsigned char *nul;
	size_t n = fread(buf, 1, size, l->fp);

	*nread = n;
	if (n == 0 && ferror(l->fp)) {
		l->err = errno ? errno : EIO;
		return 0;
	}
	if ((nul = memchr(buf, '\0', n)) != NULL) {
		l->nul = l->total + (size_t)(nul - buf);
		return 0;
	}
	l->total += n;
	l->big = l->total > l->lim.max_bytes;
	return !l->big;
}

/* Runs libyaml over l's input; 0 with *out set, or -1 after an error. */
static int
run(struct loader *l, const struct value **out)
{
	static const struct value null = { .kind = VALUE_NULL, .str = "",
	    .line = 1, .col = 1 };
	size_t errors = l->d->errors;
	yaml_parser_t p;
	int rc;

	if (!yaml_parser_initialize(&p)) {
		diag_error(l->d, NULL, "%s: cannot start the YAML parser",
		    l->path);
		return -1;
	}
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	if (l->fp != NULL)
		yaml_parser_set_input(&p, read_chunk, l);
	else
		yaml_parser_set_input_string(&p,
		    (const unsigned char *)l->text, l->len);
	rc = load_events(l, &p);
	if (p.error != YAML_NO_ERROR)
		parse_error(l, &p);
	if (rc == 0 && l->docs == 0)
		l->root = &null;	/* an empty stream */
	yaml_parser_delete(&p);
	free(l->frames);
	free(l->slots);
	if (l->d->errors != errors || l->root == NULL)
		return -1;
	*out = l->root;
	return 0;
}

static void
loader_init(struct loader *l, const struct load_to *to, const char *path,
    const struct load_limits *lim, struct diag *d)
{
	memset(l, 0, sizeof(*l));
	l->to = to;
	l->d = d;
	l->path = path;
	l->lim = lim != NULL ? *lim : (struct load_limits)LOAD_LIMITS_DEFAULT;
	l->nul = SIZE_MAX;
}

int
load_yaml(const struct load_to *to, const char *path, const char *text,
    size_t len, const struct load_limits *lim, struct diag *d,
    const struct value **out)
{
	struct loader l;
	const char *nul;

	loader_init(&l, to, path, lim, d);
	if (len > l.lim.max_bytes) {
		too_big(&l);
		return -1;
	}
	/* Skip a UTF-8 BOM ourselves so it does not count as a column. */
	if (len >= 3 && memcmp(text, BOM, 3) == 0) {
		text += 3;
		len -= 3;
	}
	l.text = text;
	l.len = len;
	/* libyaml would take a NUL for the end of the input. */
	if ((nul = memchr(text, '\0', len)) != NULL) {
		nul_byte(&l, (size_t)(nul - text));
		return -1;
	}
	return run(&l, out);
}

/*
 * What is no regular file, such as a pipe, cannot be read again for an
 * error's position: it is read whole, up to just past the limit, which
 * load_yaml then reports.
 */
static int
load_whole(struct loader *l, FILE *fp, const struct value **out)
{
	struct buf b = BUF_INIT;
	size_t n;
	int rc = -1;

	do {
		buf_grow(&b, 64 * 1024);
		n = fread(b.ptr + b.len, 1, b.cap - b.len - 1, fp);
		b.len += n;
	} while (n > 0 && b.len <= l->lim.max_bytes);
	if (ferror(fp))
		diag_sys(l->d, DIAG_IOERR, l->path, errno);
	else
		rc = load_yaml(l->to, l->path, b.ptr, b.len, &l->lim, l->d,
		    out);
	buf_release(&b);
	return rc;
}

int
load_file(const struct load_to *to, const char *path,
    const struct load_limits *lim, struct diag *d, const struct value **out)
{
	struct loader l;
	struct stat st;
	char bom[3];
	FILE *fp;
	int rc = -1;

	if ((fp = fopen(path, "rb")) == NULL) {
		diag_sys(d, DIAG_NOINPUT, path, errno);
		return -1;
	}
	loader_init(&l, to, path, lim, d);
	if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
		rc = load_whole(&l, fp, out);
	} else if ((uintmax_t)st.st_size > l.lim.max_bytes) {
		too_big(&l);
	} else {
		/* A BOM is skipped, as load_yaml does. */
		if (fread(bom, 1, 3, fp) == 3 && memcmp(bom, BOM, 3) == 0)
			l.start = 3;
		l.fp = fp;
		if (fseek(fp, l.start, SEEK_SET) == 0)
			rc = run(&l, out);
		else
			diag_sys(d, DIAG_IOERR, path, errno);
	}
	fclose(fp);
	return rc;
}
