#include "load.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>

#include "base/buf.h"
#include "load_int.h"
#include "base/xmalloc.h"

#define TAG_PREFIX	"tag:yaml.org,2002:"

/*
 * Keys are interned only while short and few, and a lookup gives up
 * after a few probes: hostile keys that collide cost a copy each, never
 * a long search.
 */
#define INTERN_MAX_LEN		32
#define INTERN_MAX_KEYS		4096
#define INTERN_MAX_PROBES	8

/* Maps up to this size are checked for repeated keys pair by pair. */
#define DUPS_SCAN_MAX		16

static struct srcpos mark_pos(const struct loader *, const yaml_mark_t *);
static struct srcpos offset_pos(const struct loader *, size_t);
static bool is_scalar(const struct value *);
static struct arena *node_arena(struct loader *);
static bool stream_opens(struct loader *);
static struct member *push_slot(struct loader *);
static void attach(struct loader *, struct value *);
static size_t hash_key(const char *, size_t);
static void rehash(struct loader *);
static const char *intern(struct loader *, const char *, size_t);
static void add_key(struct loader *, const yaml_event_t *,
    const struct srcpos *);
static bool in_key(const struct loader *);
static int count_node(struct loader *, const yaml_mark_t *);
static int on_scalar(struct loader *, const yaml_event_t *);
static int on_open(struct loader *, const yaml_event_t *, enum value_kind);
static int cmp_key(const void *, const void *);
static void report_dup(struct loader *, const struct member *,
    const struct member *);
static bool same_key(const struct member *, const struct member *);
static void check_dups(struct loader *, const struct member *, size_t);
static void on_close(struct loader *);
static int on_event(struct loader *, const yaml_event_t *, bool *);
static void parse_error(struct loader *, const yaml_parser_t *);
static void too_big(struct loader *);
static int run(struct loader *, yaml_parser_t *);
static int read_all(FILE *, struct buf *, size_t);

/* The depth of the streamed list's items: its root is a piece's list. */
static size_t
item_depth(const struct loader *l)
{
	return l->piece ? 1 : 2;
}

static struct srcpos
mark_pos(const struct loader *l, const yaml_mark_t *m)
{
	struct srcpos pos;

	pos.file = l->path;
	pos.line = (unsigned)(m->line + l->line_base) + 1;
	pos.col = (unsigned)m->column + 1;
	return pos;
}

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

static bool
is_scalar(const struct value *v)
{
	return v->kind != VALUE_LIST && v->kind != VALUE_MAP;
}

/* Where the node being made goes: scratch inside a streamed list. */
static struct arena *
node_arena(struct loader *l)
{
	return l->streaming && l->depth >= item_depth(l) ? &l->scratch : l->a;
}

/* Whether the list opening now is the one to stream; asks begin(). */
static bool
stream_opens(struct loader *l)
{
	const struct frame *root = &l->frames[0];
	const struct member *key;

	if (l->stream == NULL || l->depth != 1 ||
	    root->v->kind != VALUE_MAP || root->want_key)
		return false;
	key = &l->slots[l->nslots - 1];
	if (key->key == NULL || strlen(l->stream->key) != key->keylen ||
	    memcmp(key->key, l->stream->key, key->keylen) != 0)
		return false;
	return l->stream->begin(l->stream->ctx, l->slots + root->base,
	    l->nslots - 1 - root->base);
}

static struct member *
push_slot(struct loader *l)
{
	struct member *m;

	if (l->nslots == l->scap) {
		l->scap = l->scap ? xmul(l->scap, 2) : 64;
		l->slots = xrealloc(l->slots, xmul(l->scap, sizeof(*m)));
	}
	m = &l->slots[l->nslots++];
	memset(m, 0, sizeof(*m));
	return m;
}

static bool
in_key(const struct loader *l)
{
	const struct frame *f = l->depth ? &l->frames[l->depth - 1] : NULL;

	return f != NULL && f->v->kind == VALUE_MAP && f->want_key;
}

/*
 * Hands a finished node to its parent.  v is NULL for a node already
 * reported as an error (an alias); a key that is NULL or no scalar
 * leaves a member with a NULL key, dropped when the map closes.
 */
static void
attach(struct loader *l, struct value *v)
{
	struct frame *f;
	struct member *m;

	if (l->depth == 0) {
		l->root = v;
		return;
	}
	if (l->streaming && l->depth == item_depth(l)) {
		l->stream->item(l->stream->ctx, v);
		arena_reset(&l->scratch);
		return;
	}
	f = &l->frames[l->depth - 1];
	if (f->v->kind == VALUE_LIST) {
		push_slot(l)->val = v;
	} else if (f->want_key) {
		m = push_slot(l);
		if (v != NULL && is_scalar(v)) {
			m->key = v->str;
			m->keylen = v->len;
			m->pos = v->pos;
		}
		f->want_key = false;
	} else {
		l->slots[l->nslots - 1].val = v;
		f->want_key = true;
	}
}

/* FNV-1a: keys are short, and a lookup gives up after a few probes. */
static size_t
hash_key(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void
rehash(struct loader *l)
{
	struct ikey *old = l->itab;
	size_t oldcap = l->icap, i, j, mask;

	l->icap = oldcap ? oldcap * 2 : 64;
	l->itab = xcalloc(l->icap, sizeof(*l->itab));
	mask = l->icap - 1;
	for (i = 0; i < oldcap; i++) {
		if (old[i].s == NULL)
			continue;
		for (j = hash_key(old[i].s, old[i].len) & mask;
		    l->itab[j].s != NULL; j = (j + 1) & mask)
			continue;
		l->itab[j] = old[i];
	}
	free(old);
}

/*
 * The arena copy of s[0..n): the same one for every map of a list that
 * repeats the key, so a big registry stores "description" once.
 */
static const char *
intern(struct loader *l, const char *s, size_t n)
{
	size_t i, k, mask;
	struct ikey *e;

	if (n > INTERN_MAX_LEN)
		return arena_strndup(l->a, s, n);
	if (2 * (l->icount + 1) > l->icap && l->icount < INTERN_MAX_KEYS)
		rehash(l);
	mask = l->icap - 1;
	i = hash_key(s, n) & mask;
	for (k = 0; k < INTERN_MAX_PROBES; k++, i = (i + 1) & mask) {
		e = &l->itab[i];
		if (e->s == NULL) {
			if (l->icount >= INTERN_MAX_KEYS)
				break;
			e->s = arena_strndup(l->a, s, n);
			e->len = n;
			l->icount++;
			return e->s;
		}
		if (e->len == n && memcmp(e->s, s, n) == 0)
			return e->s;
	}
	return arena_strndup(l->a, s, n);
}

/*
 * An untagged scalar key needs no value node: only its text and
 * position are kept, in the map's next slot.
 */
static void
add_key(struct loader *l, const yaml_event_t *ev, const struct srcpos *pos)
{
	struct member *m = push_slot(l);

	m->keylen = ev->data.scalar.length;
	m->key = intern(l, (const char *)ev->data.scalar.value, m->keylen);
	m->pos = *pos;
	l->frames[l->depth - 1].want_key = false;
}

static int
count_node(struct loader *l, const yaml_mark_t *mark)
{
	struct srcpos pos;

	if (++l->nodes <= l->lim.max_nodes)
		return 0;
	pos = mark_pos(l, mark);
	diag_error(l->d, &pos, "more than %zu values", l->lim.max_nodes);
	return -1;
}

/*
 * The text is resolved where libyaml holds it, by its length, since its
 * kind says where the copy goes: a string's into the tree's arena even
 * inside a streamed item (load.h).
 */
static int
on_scalar(struct loader *l, const yaml_event_t *ev)
{
	struct srcpos pos = mark_pos(l, &ev->start_mark);
	const char *tag = (const char *)ev->data.scalar.tag;
	bool key = in_key(l);
	struct value *v;

	if (count_node(l, &ev->start_mark) != 0)
		return -1;
	/*
	 * "\0" is a YAML escape, but gen keeps text NUL-terminated, and
	 * some outputs (comments, Markdown) have no way to write one: the
	 * text would have ended there unsaid.
	 */
	if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length) !=
	    NULL)
		diag_error(l->d, &pos, "text must not hold a NUL character "
		    "('\\0')");
	if (tag == NULL && key) {
		add_key(l, ev, &pos);
		return 0;
	}
	v = value_new(node_arena(l), VALUE_STRING, &pos);
	v->len = ev->data.scalar.length;
	v->str = (const char *)ev->data.scalar.value;
	v->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (tag != NULL)
		load_resolve_tagged(v, tag, l->d);
	else if (v->plain && !key)
		load_resolve_plain(v, l->d);
	/* Keys stay text whatever their tag resolved them to. */
	if (key)
		v->kind = VALUE_STRING;
	v->str = arena_strndup(v->kind == VALUE_STRING ? l->a : node_arena(l),
	    v->str, v->len);
	attach(l, v);
	return 0;
}

static int
on_open(struct loader *l, const yaml_event_t *ev, enum value_kind kind)
{
	struct srcpos pos = mark_pos(l, &ev->start_mark);
	const char *tag = kind == VALUE_MAP ?
	    (const char *)ev->data.mapping_start.tag :
	    (const char *)ev->data.sequence_start.tag;
	const char *want = kind == VALUE_MAP ? TAG_PREFIX "map" :
	    TAG_PREFIX "seq";
	char show[LOAD_TAG_SHOW];

	if (count_node(l, &ev->start_mark) != 0)
		return -1;
	if (l->depth >= l->lim.max_depth) {
		diag_error(l->d, &pos, "nesting deeper than %zu levels",
		    l->lim.max_depth);
		return -1;
	}
	if (tag != NULL && strcmp(tag, "!") != 0 && strcmp(tag, want) != 0)
		diag_error(l->d, &pos, "unsupported tag '%s' on a %s",
		    load_show_tag(tag, show, sizeof(show)),
		    kind == VALUE_MAP ? "map" : "list");
	if (in_key(l))
		diag_error(l->d, &pos, "map keys must be scalars");
	if (l->depth == l->fcap) {
		l->fcap = l->fcap ? xmul(l->fcap, 2) : 16;
		l->frames = xrealloc(l->frames,
		    xmul(l->fcap, sizeof(*l->frames)));
	}
	if (l->piece && l->depth == 0) {
		if (kind != VALUE_LIST || ev->start_mark.column != l->col ||
		    ev->data.sequence_start.style !=
		    YAML_BLOCK_SEQUENCE_STYLE)
			return -1;	/* no root: the piece failed */
		l->streaming = true;
	} else if (kind == VALUE_LIST && stream_opens(l)) {
		l->streaming = true;
		if (l->split != NULL)
			split_cut(l, ev);
	}
	l->frames[l->depth].v = value_new(node_arena(l), kind, &pos);
	l->frames[l->depth].base = l->nslots;
	l->frames[l->depth].want_key = true;
	l->depth++;
	return 0;
}

static int
cmp_key(const void *pa, const void *pb)
{
	const struct keyref *a = pa, *b = pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->key, b->key, n);

	if (c != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static void
report_dup(struct loader *l, const struct member *m,
    const struct member *first)
{
	diag_error(l->d, &m->pos, "duplicate key '%.*s'",
	    load_quote_len(m->key, m->keylen), m->key);
	diag_note(l->d, &first->pos, "first defined here");
}

static bool
same_key(const struct member *a, const struct member *b)
{
	return a->keylen == b->keylen && (a->key == b->key ||
	    memcmp(a->key, b->key, a->keylen) == 0);
}

/*
 * Reports every repeated key of a map, in document order, each with
 * the first of its kind.  Sorting the keys (ties by position) keeps big
 * maps at n log n where a pairwise scan would be quadratic; small ones,
 * the many maps of a registry, are cheaper to scan than to sort.
 */
static void
check_dups(struct loader *l, const struct member *m, size_t n)
{
	size_t i, j, k = 0, run = 0;

	if (n <= DUPS_SCAN_MAX) {
		for (i = 1; i < n; i++) {
			if (m[i].key == NULL)
				continue;
			for (j = 0; j < i; j++)
				if (m[j].key != NULL && same_key(&m[i], &m[j]))
					break;
			if (j < i)
				report_dup(l, &m[i], &m[j]);
		}
		return;
	}
	if (n > l->kcap) {
		l->kcap = n;
		l->keys = xrealloc(l->keys, xmul(n, sizeof(*l->keys)));
		l->first = xrealloc(l->first, xmul(n, sizeof(*l->first)));
	}
	for (i = 0; i < n; i++) {
		l->first[i] = SIZE_MAX;
		if (m[i].key == NULL)
			continue;
		l->keys[k].key = m[i].key;
		l->keys[k].len = m[i].keylen;
		l->keys[k++].idx = i;
	}
	qsort(l->keys, k, sizeof(*l->keys), cmp_key);
	for (i = 1; i < k; i++) {
		if (l->keys[i].len == l->keys[run].len && memcmp(l->keys[i].key,
		    l->keys[run].key, l->keys[i].len) == 0)
			l->first[l->keys[i].idx] = l->keys[run].idx;
		else
			run = i;
	}
	for (i = 0; i < n; i++)
		if (l->first[i] != SIZE_MAX)
			report_dup(l, &m[i], &m[l->first[i]]);
}

/* Copies the items of the innermost container into the arena. */
static void
on_close(struct loader *l)
{
	struct frame *f = &l->frames[--l->depth];
	size_t i, n = l->nslots - f->base, k = 0;
	struct member *m = n ? l->slots + f->base : NULL;
	struct value *v = f->v;
	struct arena *a = node_arena(l);

	if (l->streaming && l->depth + 1 == item_depth(l))
		l->streaming = false;
	if (v->kind == VALUE_LIST) {
		v->u.list.items = arena_array(a, n, sizeof(struct value *));
		for (i = 0; i < n; i++)
			v->u.list.items[i] = m[i].val;
		v->u.list.n = v->u.list.cap = n;
	} else {
		if (n > 1)
			check_dups(l, m, n);
		v->u.map.items = arena_array(a, n, sizeof(*m));
		for (i = 0; i < n; i++)
			if (m[i].key != NULL)
				v->u.map.items[k++] = m[i];
		v->u.map.n = v->u.map.cap = k;
	}
	l->nslots = f->base;
	attach(l, v);
}

/* Returns -1 to stop; *done is set at the end of the stream. */
static int
on_event(struct loader *l, const yaml_event_t *ev, bool *done)
{
	struct srcpos pos = mark_pos(l, &ev->start_mark);

	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		l->stream_end = ev->start_mark;
		*done = true;
		return 0;
	case YAML_DOCUMENT_START_EVENT:
		if (ev->data.document_start.version_directive != NULL ||
		    ev->data.document_start.tag_directives.start !=
		    ev->data.document_start.tag_directives.end)
			l->directives = true;
		if (++l->docs == 1)
			return 0;
		diag_error(l->d, &pos, "more than one document");
		return -1;
	case YAML_ALIAS_EVENT:
		if (count_node(l, &ev->start_mark) != 0)
			return -1;
		diag_error(l->d, &pos, "aliases are not supported");
		attach(l, NULL);
		return 0;
	case YAML_SCALAR_EVENT:
		return on_scalar(l, ev);
	case YAML_SEQUENCE_START_EVENT:
		return on_open(l, ev, VALUE_LIST);
	case YAML_MAPPING_START_EVENT:
		return on_open(l, ev, VALUE_MAP);
	case YAML_SEQUENCE_END_EVENT:
		if (l->streaming && l->depth == item_depth(l))
			l->list_end = ev->start_mark;
		on_close(l);
		return 0;
	case YAML_MAPPING_END_EVENT:
		on_close(l);
		return 0;
	case YAML_NO_EVENT:
	case YAML_STREAM_START_EVENT:
	case YAML_DOCUMENT_END_EVENT:
		return 0;
	}
	return 0;
}

static void
parse_error(struct loader *l, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "invalid YAML";
	const struct source *src = l->src;
	struct srcpos pos;

	/* read_chunk stopped: its reason, not libyaml's "input error". */
	if (src != NULL && p->error == YAML_READER_ERROR) {
		if (src->nul != SIZE_MAX) {
			pos = offset_pos(l, src->nul);
			diag_error(l->d, &pos, "NUL byte in input");
			return;
		}
		if (src->err != 0) {
			diag_sys(l->d, DIAG_IOERR, l->path, src->err);
			return;
		}
		if (src->big) {
			too_big(l);
			return;
		}
	}

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
		pos = mark_pos(l, &p->problem_mark);
		diag_error(l->d, &pos, "%s", problem);
		if (p->context != NULL) {
			pos = mark_pos(l, &p->context_mark);
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

static int
run(struct loader *l, yaml_parser_t *p)
{
	yaml_event_t ev;
	bool done = false;
	int rc = 0;

	while (!done && rc == 0 && !diag_full(l->d)) {
		if (!yaml_parser_parse(p, &ev)) {
			parse_error(l, p);
			return -1;
		}
		rc = on_event(l, &ev, &done);
		yaml_event_delete(&ev);
	}
	return rc;
}

int
load_yaml(struct arena *a, const char *path, const char *text, size_t len,
    const struct load_limits *lim, struct diag *d, struct value **out)
{
	return load_yaml_streamed(a, path, text, len, lim, NULL, d, out);
}

void
loader_init(struct loader *l, struct arena *a, const char *path,
    const struct load_limits *lim, const struct load_stream *stream,
    struct diag *d)
{
	static const struct load_limits def = LOAD_LIMITS_DEFAULT;

	memset(l, 0, sizeof(*l));
	l->a = a;
	l->d = d;
	l->path = path;
	l->stream = stream;
	l->lim = lim != NULL ? *lim : def;
}

static void
too_big(struct loader *l)
{
	diag_fail(l->d, DIAG_DATA, "%s: file is larger than %zu bytes",
	    l->path, l->lim.max_bytes);
}

int
loader_finish(struct loader *l, yaml_parser_t *p, size_t errors,
    struct value **out)
{
	struct srcpos start = { l->path, 1, 1 };

	if (run(l, p) == 0 && l->docs == 0)
		l->root = value_new(l->a, VALUE_NULL, &start);
	yaml_parser_delete(p);
	free(l->frames);
	free(l->slots);
	free(l->keys);
	free(l->first);
	free(l->itab);
	arena_release(&l->scratch);
	if (l->d->errors != errors || l->root == NULL)
		return -1;
	*out = l->root;
	return 0;
}

int
loader_start(struct loader *l, yaml_parser_t *p)
{
	if (!yaml_parser_initialize(p)) {
		diag_error(l->d, NULL, "%s: cannot start the YAML parser",
		    l->path);
		return -1;
	}
	yaml_parser_set_encoding(p, YAML_UTF8_ENCODING);
	return 0;
}

int
load_yaml_streamed(struct arena *a, const char *path, const char *text,
    size_t len, const struct load_limits *lim,
    const struct load_stream *stream, struct diag *d, struct value **out)
{
	struct loader l;
	const char *nul;
	size_t errors = d->errors;
	yaml_parser_t p;

	loader_init(&l, a, path, lim, stream, d);
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
	if (loader_start(&l, &p) != 0)
		return -1;
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	return loader_finish(&l, &p, errors, out);
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
	size_t n;

	/* A split load's first piece: the text ends at the first cut. */
	if (src->end != 0 && size > (size_t)(src->end - src->start) -
	    src->total)
		size = (size_t)(src->end - src->start) - src->total;
	n = size ? fread(buf, 1, size, src->fp) : 0;

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

/* A regular file, read a chunk at a time as libyaml asks for it. */
int
loader_file(struct loader *l, FILE *fp, const struct stat *st,
    struct value **out)
{
	struct source src = { fp, 0, 0, 0, SIZE_MAX, 0, false, 0 };
	size_t errors = l->d->errors;
	char bom[3];
	yaml_parser_t p;

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
	if (loader_start(l, &p) != 0)
		return -1;
	yaml_parser_set_input(&p, read_chunk, &src);
	return loader_finish(l, &p, errors, out);
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
load_file(struct arena *a, const char *path, const struct load_limits *lim,
    struct diag *d, struct value **out)
{
	return load_file_streamed(a, path, lim, NULL, d, out);
}

int
load_file_streamed(struct arena *a, const char *path,
    const struct load_limits *lim, const struct load_stream *stream,
    struct diag *d, struct value **out)
{
	return load_path(a, path, lim, stream, NULL, d, out);
}

int
load_path(struct arena *a, const char *path, const struct load_limits *lim,
    const struct load_stream *stream, struct split *split, struct diag *d,
    struct value **out)
{
	static const struct load_limits def = LOAD_LIMITS_DEFAULT;
	struct buf b = BUF_INIT;
	struct loader l;
	struct stat st;
	FILE *fp;
	int rc;

	if (lim == NULL)
		lim = &def;
	if ((fp = fopen(path, "rb")) == NULL) {
		diag_sys(d, DIAG_NOINPUT, path, errno);
		return -1;
	}
	/* A pipe cannot be read again for an error's position: whole. */
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode)) {
		loader_init(&l, a, path, lim, stream, d);
		if (split != NULL && split_fits(split, fileno(fp), &st))
			l.split = split;
		rc = loader_file(&l, fp, &st, out);
		if (l.split != NULL)
			rc = split_join(&l, rc);
		fclose(fp);
		return rc;
	}
	if ((rc = read_all(fp, &b, lim->max_bytes)) != 0)
		diag_sys(d, DIAG_IOERR, path, errno);
	fclose(fp);
	/* The tree copies what it keeps: the text goes once it is parsed. */
	if (rc == 0)
		rc = load_yaml_streamed(a, path, b.ptr, b.len, lim, stream, d,
		    out);
	buf_release(&b);
	return rc;
}
