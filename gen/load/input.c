/*
 * Where the loader's text comes from: memory, or a file read a chunk at
 * a time; and what the errors of reading and of libyaml say.
 */
#include "load_int.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/xmalloc.h"

/*
 * libyaml's reader errors carry a byte offset, not a mark.  Count lines
 * the way libyaml does (CRLF is one break) and columns in characters.
 */
static struct srcpos
text_pos(const char *path, const char *text, size_t len, size_t off)
{
	struct srcpos pos = { path, 1, 1 };
	size_t i;

	for (i = 0; i < off && i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c == '\n' || (c == '\r' && (i + 1 == len ||
		    text[i + 1] != '\n'))) {
			pos.line++;
			pos.col = 1;
		} else if ((c & 0xC0) != 0x80) {
			pos.col++;
		}
	}
	return pos;
}

/* A file read in chunks is read again up to the offset: errors only. */
static struct srcpos
offset_pos(const struct loader *l, size_t off)
{
	struct srcpos pos = { l->path, 1, 1 };
	char *text;
	size_t n;

	if (l->src == NULL)
		return text_pos(l->path, l->text, l->len, off);
	text = xmalloc(off + 1);
	if (fseek(l->src->fp, l->src->start, SEEK_SET) == 0) {
		n = fread(text, 1, off + 1, l->src->fp);
		pos = text_pos(l->path, text, n, off);
	}
	free(text);
	return pos;
}

static void
too_big(struct loader *l)
{
	diag_fail(l->d, DIAG_DATA, "%s: file is larger than %zu bytes",
	    l->path, l->lim.max_bytes);
}

/* read_chunk stopped libyaml: its reason, not libyaml's "input error". */
static bool
source_error(struct loader *l)
{
	const struct source *src = l->src;
	struct srcpos pos;

	if (src->nul != SIZE_MAX) {
		pos = offset_pos(l, src->nul);
		diag_error(l->d, &pos, "NUL byte in input");
	} else if (src->err != 0) {
		diag_sys(l->d, DIAG_IOERR, l->path, src->err);
	} else if (src->big) {
		too_big(l);
	} else {
		return false;
	}
	return true;
}

void
load_parse_error(struct loader *l, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "invalid YAML";
	struct srcpos pos;

	if (l->src != NULL && p->error == YAML_READER_ERROR &&
	    source_error(l))
		return;
	switch (p->error) {
	case YAML_READER_ERROR:
		pos = offset_pos(l, p->problem_offset);
		if (p->problem_value != -1)
			diag_error(l->d, &pos, "%s (0x%02X)", problem,
			    (unsigned)p->problem_value);
		else
			diag_error(l->d, &pos, "%s", problem);
		return;
	case YAML_SCANNER_ERROR:
	case YAML_PARSER_ERROR:
		pos = load_mark_pos(l, &p->problem_mark);
		diag_error(l->d, &pos, "%s", problem);
		if (p->context != NULL) {
			pos = load_mark_pos(l, &p->context_mark);
			diag_note(l->d, &pos, "%s", p->context);
		}
		return;
	case YAML_MEMORY_ERROR:
	case YAML_NO_ERROR:
	case YAML_COMPOSER_ERROR:
	case YAML_WRITER_ERROR:
	case YAML_EMITTER_ERROR:
		break;
	}
	diag_error(l->d, NULL, "%s: %s", l->path, problem);
}

static void
loader_init(struct loader *l, const struct load_to *to, const char *path,
    const struct load_limits *lim, struct diag *d)
{
	static const struct load_limits def = LOAD_LIMITS_DEFAULT;

	memset(l, 0, sizeof(*l));
	l->to = to;
	l->d = d;
	l->path = path;
	l->lim = lim != NULL ? *lim : def;
}

static void
set_text(struct loader *l, yaml_parser_t *p)
{
	yaml_parser_set_input_string(p, (const unsigned char *)l->text,
	    l->len);
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
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	l.text = text;
	l.len = len;
	/* libyaml would take a NUL for the end of the input. */
	if ((nul = memchr(text, '\0', len)) != NULL) {
		struct srcpos pos = offset_pos(&l, (size_t)(nul - text));

		diag_error(d, &pos, "NUL byte in input");
		return -1;
	}
	return load_run(&l, set_text, out);
}

/*
 * libyaml's read handler: the next chunk of the file.  A NUL byte, a
 * failed read or a file grown past the limit stops the parser with a
 * reader error, which parse_error explains.
 */
static int
read_chunk(void *data, unsigned char *buf, size_t size, size_t *nread)
{
	struct source *src = data;
	const unsigned char *nul;
	size_t n = fread(buf, 1, size, src->fp);

	*nread = n;
	if (n == 0 && ferror(src->fp)) {
		src->err = errno ? errno : EIO;
		return 0;
	}
	if ((nul = memchr(buf, '\0', n)) != NULL) {
		src->nul = src->total + (size_t)(nul - buf);
		return 0;
	}
	src->total += n;
	if (src->total > src->max) {
		src->big = true;
		return 0;
	}
	return 1;
}

static void
set_source(struct loader *l, yaml_parser_t *p)
{
	yaml_parser_set_input(p, read_chunk, l->src);
}

/* A regular file, read a chunk at a time as libyaml asks for it. */
static int
load_regular(struct loader *l, FILE *fp, const struct stat *st,
    const struct value **out)
{
	struct source src = { fp, 0, 0, 0, SIZE_MAX, 0, false };
	char bom[3];

	if ((uintmax_t)st->st_size > l->lim.max_bytes) {
		too_big(l);
		return -1;
	}
	src.max = l->lim.max_bytes;
	/* A BOM is skipped, as load_yaml does. */
	if (fread(bom, 1, 3, fp) == 3 && memcmp(bom, "\xEF\xBB\xBF", 3) == 0)
		src.start = 3;
	if (fseek(fp, src.start, SEEK_SET) != 0) {
		diag_sys(l->d, DIAG_IOERR, l->path, errno);
		return -1;
	}
	l->src = &src;
	return load_run(l, set_source, out);
}

/*
 * Reads all of fp into b, stopping once it holds more than max bytes:
 * load_yaml then reports the size.
 */
static int
read_all(FILE *fp, struct buf *b, size_t max)
{
	size_t n;

	do {
		buf_grow(b, 64 * 1024);
		n = fread(b->ptr + b->len, 1, b->cap - b->len - 1, fp);
		b->len += n;
		b->ptr[b->len] = '\0';
	} while (n > 0 && b->len <= max);
	return ferror(fp) ? -1 : 0;
}

int
load_file(const struct load_to *to, const char *path,
    const struct load_limits *lim, struct diag *d, const struct value **out)
{
	struct buf b = BUF_INIT;
	struct loader l;
	struct stat st;
	FILE *fp;
	int rc;

	if ((fp = fopen(path, "rb")) == NULL) {
		diag_sys(d, DIAG_NOINPUT, path, errno);
		return -1;
	}
	/* A pipe cannot be read again for an error's position: whole. */
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode)) {
		loader_init(&l, to, path, lim, d);
		rc = load_regular(&l, fp, &st, out);
		fclose(fp);
		return rc;
	}
	loader_init(&l, to, path, lim, d);
	if ((rc = read_all(fp, &b, l.lim.max_bytes)) != 0)
		diag_sys(d, DIAG_IOERR, path, errno);
	fclose(fp);
	if (rc == 0)
		rc = load_yaml(to, path, b.ptr, b.len, lim, d, out);
	buf_release(&b);
	return rc;
}
