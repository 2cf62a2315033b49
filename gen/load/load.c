#include "load_int.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>

#include "base/buf.h"
#include "base/xmalloc.h"

#define BOM	"\xEF\xBB\xBF"

/* Maps up to this size are checked for repeated keys pair by pair. */
#define DUPS_SCAN_MAX	16

struct frame {
	struct value *v;
	size_t base;		/* its first slot in loader.slots */
	bool want_key;		/* the next node is a map's key */
};

/* An open container's item; a map's keyless ones go when it closes. */
struct slot {
	struct mkey key;
	const struct value *val;
};

struct loader {
	const struct load_to *to;
	struct diag *d;
	const char *path;
	struct load_limits lim;
	const char *text;	/* in memory (BOM skipped), or NULL */
	size_t len;
	FILE *fp;		/* or a regular file, read in chunks */
	long start;		/* where its text begins, after a BOM */
	size_t total;		/* bytes handed to libyaml */
	size_t nul;		/* offset of a NUL byte, or SIZE_MAX */
	int err;		/* errno of a failed read, or 0 */
	bool big;		/* grew past lim.max_bytes while read */
	size_t nodes, docs;
	const struct value *root;
	struct frame *frames;	/* depth of them in use */
	size_t depth, fcap;
	struct slot *slots;	/* of the open containers */
	size_t nslots, scap;
};

static struct srcpos
mark_pos(const struct loader *l, const yaml_mark_t *m)
{
	return (struct srcpos){ l->path, (unsigned)m->line + 1,
	    (unsigned)m->column + 1 };
}

static struct slot *
push_slot(struct loader *l)
{
	l->slots = xgrow(l->slots, &l->scap, l->nslots, sizeof(*l->slots));
	l->slots[l->nslots] = (struct slot){ 0 };
	return &l->slots[l->nslots++];
}

static bool
in_key(const struct loader *l)
{
	return l->depth > 0 && l->frames[l->depth - 1].want_key;
}

/* Hands v (NULL: an alias) to its parent; a non-scalar key leaves none. */
static void
attach(struct loader *l, const struct value *v)
{
	struct frame *f;

	if (l->depth == 0) {
		l->root = v;
		return;
	}
	f = &l->frames[l->depth - 1];
	if (f->v->kind == VALUE_LIST) {
		push_slot(l)->val = v;
	} else if (f->want_key) {
		push_slot(l);
		f->want_key = false;
	} else {
		l->slots[l->nslots - 1].val = v;
		f->want_key = true;
	}
}

static int
on_scalar(struct loader *l, const yaml_event_t *ev, const struct srcpos *pos)
{
	const char *tag = (const char *)ev->data.scalar.tag;
	const char *text = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct value *v;

	if (len > UINT_MAX) {
		diag_error(l->d, pos, "text longer than %u bytes", UINT_MAX);
		return -1;
	}
	/* A "\0" escape: texts end at a NUL, some outputs cannot write one. */
	if (memchr(text, '\0', len) != NULL)
		diag_error(l->d, pos, "text must not hold a NUL character "
		    "('\\0')");
	if (in_key(l)) {
		/* Keys stay text whatever their tag, which is checked. */
		struct value key = { .kind = VALUE_STRING, .str = text,
		    .len = (unsigned)len };

		load_resolve(&key, tag, pos, l->d);
		push_slot(l)->key = (struct mkey){ keys_add(l->to->keys, text,
		    len), pos->line, pos->col };
		l->frames[l->depth - 1].want_key = false;
		return 0;
	}
	v = value_str(l->to->nodes, arena_strndup(l->to->texts, text, len),
	    len);
	v->line = pos->line;
	v->col = pos->col;
	v->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	load_resolve(v, tag, pos, l->d);
	attach(l, v);
	return 0;
}

static int
on_open(struct loader *l, const struct srcpos *pos, enum value_kind kind,
    const char *tag)
{
	const char *want = kind == VALUE_MAP ? TAG_PREFIX "map" :
	    TAG_PREFIX "seq";
	char show[LOAD_TAG_SHOW];
	struct frame *f;

	if (l->depth >= l->lim.max_depth) {
		diag_error(l->d, pos, "nesting deeper than %zu levels",
		    l->lim.max_depth);
		return -1;
	}
	if (tag != NULL && strcmp(tag, "!") != 0 && strcmp(tag, want) != 0)
		diag_error(l->d, pos, "unsupported tag '%s' on a %s",
		    load_show_tag(tag, show, sizeof(show)),
		    kind == VALUE_MAP ? "map" : "list");
	if (in_key(l))
		diag_error(l->d, pos, "map keys must be scalars");
	l->frames = xgrow(l->frames, &l->fcap, l->depth, sizeof(*l->frames));
	f = &l->frames[l->depth++];
	f->v = arena_alloc(l->to->nodes, sizeof(*f->v));
	f->v->kind = (unsigned char)kind;
	f->v->line = pos->line;
	f->v->col = pos->col;
	f->base = l->nslots;
	f->want_key = kind == VALUE_MAP;
	return 0;
}

static void
report_dup(struct loader *l, const struct slot *s, const struct slot *first)
{
	struct srcpos pos = { l->path, s->key.line, s->key.col };
	struct srcpos at = { l->path, first->key.line, first->key.col };

	diag_error(l->d, &pos, "duplicate key '%.*s'",
	    load_quote_len(s->key.s, strlen(s->key.s)), s->key.s);
	diag_note(l->d, &at, "first defined here");
}

/* By key, then by place: slots of one map lie in one array. */
static int
cmp_slot(const void *pa, const void *pb)
{
	const struct slot *a = *(const struct slot *const *)pa;
	const struct slot *b = *(const struct slot *const *)pb;

	if (a->key.s != b->key.s)
		return (uintptr_t)a->key.s < (uintptr_t)b->key.s ? -1 : 1;
	return (a > b) - (a < b);
}

/* Each repeated key, in order, with the first; big maps are sorted. */
static void
check_dups(struct loader *l, const struct slot *m, size_t n)
{
	const struct slot **refs, **first;
	size_t i, j, k = 0;

	if (n <= DUPS_SCAN_MAX) {
		for (i = 1; i < n; i++)
			for (j = 0; m[i].key.s != NULL && j < i; j++)
				if (m[j].key.s == m[i].key.s) {
					report_dup(l, &m[i], &m[j]);
					break;
				}
		return;
	}
	refs = xcalloc(n, 2 * sizeof(*refs));
	first = refs + n;
	for (i = 0; i < n; i++)
		if (m[i].key.s != NULL)
			refs[k++] = &m[i];
	qsort(refs, k, sizeof(*refs), cmp_slot);
	for (i = 1, j = 0; i < k; i++)
		if (refs[i]->key.s == refs[j]->key.s)
			first[refs[i] - m] = refs[j];
		else
			j = i;
	for (i = 0; i < n; i++)
		if (first[i] != NULL)
			report_dup(l, &m[i], first[i]);
	free(refs);
}

static void
on_close(struct loader *l)
{
	struct frame *f = &l->frames[--l->depth];
	size_t i, n = l->nslots - f->base, k = 0;
	/* No slot yet (an empty first container): no offset from NULL. */
	const struct slot *m = n > 0 ? l->slots + f->base : NULL;
	struct value *v = f->v;
	struct mkey *keys;

	v->items = arena_array(l->to->nodes, n, sizeof(*v->items));
	if (v->kind == VALUE_LIST) {
		for (i = 0; i < n; i++)
			v->items[i] = m[i].val;
		v->len = (unsigned)n;
	} else {
		check_dups(l, m, n);
		keys = arena_array(l->to->nodes, n, sizeof(*keys));
		for (i = 0; i < n; i++) {
			if (m[i].key.s == NULL)
				continue;
			keys[k] = m[i].key;
			v->items[k++] = m[i].val;
		}
		v->u.keys = keys;
		v->len = (unsigned)k;
	}
	l->nslots = f->base;
	attach(l, v);
}

static int
on_event(struct loader *l, const yaml_event_t *ev)
{
	struct srcpos pos = mark_pos(l, &ev->start_mark);
	bool node = ev->type == YAML_ALIAS_EVENT ||
	    ev->type == YAML_SCALAR_EVENT ||
	    ev->type == YAML_SEQUENCE_START_EVENT ||
	    ev->type == YAML_MAPPING_START_EVENT;

	if (node && ++l->nodes > l->lim.max_nodes) {
		diag_error(l->d, &pos, "more than %zu values",
		    l->lim.max_nodes);
		return -1;
	}
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++l->docs == 1)
			return 0;
		diag_error(l->d, &pos, "more than one document");
		return -1;
	case YAML_ALIAS_EVENT:
		diag_error(l->d, &pos, "aliases are not supported");
		attach(l, NULL);
		return 0;
	case YAML_SCALAR_EVENT:
		return on_scalar(l, ev, &pos);
	case YAML_SEQUENCE_START_EVENT:
		return on_open(l, &pos, VALUE_LIST,
		    (const char *)ev->data.sequence_start.tag);
	case YAML_MAPPING_START_EVENT:
		return on_open(l, &pos, VALUE_MAP,
		    (const char *)ev->data.mapping_start.tag);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		on_close(l);
		return 0;
	default:
		return 0;
	}
}

/*
 * A reader error's byte offset as a position, lines as libyaml counts
 * them (CRLF is one), columns in characters; a file is read again.
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
	bool tab;

	if (p->error == YAML_READER_ERROR && l->nul != SIZE_MAX) {
		pos = offset_pos(l, l->nul);
		diag_error(l->d, &pos, "NUL byte in input");
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
		pos = mark_pos(l, &p->problem_mark);
		/* YAML allows no tab in indentation; not every message says. */
		tab = strstr(problem, "tab") != NULL ||
		    (p->problem_mark.index == p->mark.index &&
		    p->buffer.pointer < p->buffer.last &&
		    *p->buffer.pointer == '\t');
		diag_error(l->d, &pos, "%s%s", problem,
		    tab ? "; indent with spaces, not tabs" : "");
		if (p->context != NULL) {
			pos = mark_pos(l, &p->context_mark);
			diag_note(l->d, &pos, "%s", p->context);
		}
	} else {
		diag_error(l->d, NULL, "%s: %s", l->path, problem);
	}
}

/* A NUL byte, a failed read or a file grown too big: a reader error. */
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

static int
run(struct loader *l, const struct value **out)
{
	static const struct value null = { .kind = VALUE_NULL, .str = "",
	    .line = 1, .col = 1 };
	size_t errors = l->d->errors;
	yaml_parser_t p;
	yaml_event_t ev;
	bool done = false;
	int rc = 0;

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
	/* A parser error ends the loop, and parse_error reports it. */
	while (!done && rc == 0 && !diag_full(l->d) &&
	    yaml_parser_parse(&p, &ev)) {
		done = ev.type == YAML_STREAM_END_EVENT;
		rc = on_event(l, &ev);
		yaml_event_delete(&ev);
	}
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
	static const struct load_limits def = LOAD_LIMITS_DEFAULT;

	*l = (struct loader){ .to = to, .d = d, .path = path, .nul = SIZE_MAX,
	    .lim = lim != NULL ? *lim : def };
}

int
load_yaml(const struct load_to *to, const char *path, const char *text,
    size_t len, const struct load_limits *lim, struct diag *d,
    const struct value **out)
{
	struct loader l;
	struct srcpos pos;
	const char *nul;

	loader_init(&l, to, path, lim, d);
	if (len > l.lim.max_bytes) {
		too_big(&l);
		return -1;
	}
	/* Skip a UTF-8 BOM ourselves so it does not count as a column. */
	l.text = text + (len >= 3 && memcmp(text, BOM, 3) == 0 ? 3 : 0);
	l.len = len - (size_t)(l.text - text);
	/* libyaml would take a NUL for the end of the input. */
	if ((nul = memchr(l.text, '\0', l.len)) != NULL) {
		pos = offset_pos(&l, (size_t)(nul - l.text));
		diag_error(d, &pos, "NUL byte in input");
		return -1;
	}
	return run(&l, out);
}

/* A pipe cannot be read again to place an error: it is read whole. */
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
