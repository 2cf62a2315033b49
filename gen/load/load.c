/* libyaml's events into the tree (see load_int.h). */
#include "load_int.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"

/* Maps up to this size are checked for repeated keys pair by pair. */
#define DUPS_SCAN_MAX	16

struct srcpos
load_mark_pos(const struct loader *l, const yaml_mark_t *m)
{
	return (struct srcpos){ l->path, (unsigned)m->line + 1,
	    (unsigned)m->column + 1 };
}

static struct slot *
push_slot(struct loader *l)
{
	struct slot *s;

	l->slots = xgrow(l->slots, &l->scap, l->nslots, sizeof(*l->slots));
	s = &l->slots[l->nslots++];
	memset(s, 0, sizeof(*s));
	return s;
}

static bool
in_key(const struct loader *l)
{
	const struct frame *f = l->depth ? &l->frames[l->depth - 1] : NULL;

	return f != NULL && f->v->kind == VALUE_MAP && f->want_key;
}

/*
 * Hands a finished node, or NULL after an error (an alias), to its
 * parent.  As a map's key it leaves a slot without a key, dropped when
 * the map closes: scalar keys come through add_key.
 */
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

/* A key needs no node: its text and position go in a slot. */
static void
add_key(struct loader *l, const yaml_event_t *ev, const struct srcpos *pos)
{
	struct slot *s = push_slot(l);

	s->key.s = keys_add(l->to->keys, (const char *)ev->data.scalar.value,
	    ev->data.scalar.length);
	s->key.line = pos->line;
	s->key.col = pos->col;
	l->frames[l->depth - 1].want_key = false;
}

static int
count_node(struct loader *l, const struct srcpos *pos)
{
	if (++l->nodes <= l->lim.max_nodes)
		return 0;
	diag_error(l->d, pos, "more than %zu values", l->lim.max_nodes);
	return -1;
}

static int
on_scalar(struct loader *l, const yaml_event_t *ev)
{
	struct srcpos pos = load_mark_pos(l, &ev->start_mark);
	const char *tag = (const char *)ev->data.scalar.tag;
	const char *text = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct value *v;

	if (count_node(l, &pos) != 0)
		return -1;
	if (len > UINT_MAX) {
		diag_error(l->d, &pos, "text longer than %u bytes", UINT_MAX);
		return -1;
	}
	/*
	 * "\0" is a YAML escape, but gen keeps text NUL-terminated, and
	 * some outputs (comments, Markdown) have no way to write one: the
	 * text would have ended there unsaid.
	 */
	if (memchr(text, '\0', len) != NULL)
		diag_error(l->d, &pos, "text must not hold a NUL character "
		    "('\\0')");
	if (in_key(l)) {
		/* Keys stay text whatever their tag, which is checked. */
		if (tag != NULL) {
			struct value key = { .kind = VALUE_STRING, .str = text,
			    .len = (unsigned)len };

			load_resolve_tagged(&key, tag, &pos, l->d);
		}
		add_key(l, ev, &pos);
		return 0;
	}
	v = value_str(l->to->nodes, arena_strndup(l->to->texts, text, len),
	    len);
	v->line = pos.line;
	v->col = pos.col;
	v->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (tag != NULL)
		load_resolve_tagged(v, tag, &pos, l->d);
	else if (v->plain)
		load_resolve_plain(v, &pos, l->d);
	attach(l, v);
	return 0;
}

static int
on_open(struct loader *l, const yaml_event_t *ev, enum value_kind kind)
{
	struct srcpos pos = load_mark_pos(l, &ev->start_mark);
	const char *tag = kind == VALUE_MAP ?
	    (const char *)ev->data.mapping_start.tag :
	    (const char *)ev->data.sequence_start.tag;
	const char *want = kind == VALUE_MAP ? TAG_PREFIX "map" :
	    TAG_PREFIX "seq";
	char show[LOAD_TAG_SHOW];
	struct frame *f;

	if (count_node(l, &pos) != 0)
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
	l->frames = xgrow(l->frames, &l->fcap, l->depth, sizeof(*l->frames));
	f = &l->frames[l->depth++];
	f->v = arena_alloc(l->to->nodes, sizeof(*f->v));
	f->v->kind = (unsigned char)kind;
	f->v->line = pos.line;
	f->v->col = pos.col;
	f->base = l->nslots;
	f->want_key = true;
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

/*
 * Reports every repeated key of a map, in document order, each with
 * the first of its kind.  Keys are interned, so equal keys are equal
 * pointers.  Sorting keeps big maps at n log n where a pairwise scan
 * would be quadratic; small ones, the many maps of a registry, are
 * cheaper to scan than to sort.
 */
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
	refs = xmalloc(xmul(n, sizeof(*refs)));
	first = xcalloc(n, sizeof(*first));
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
	free(first);
}

/* Copies the items of the innermost container into the arena. */
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
		if (n > 1)
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

/* Returns -1 to stop; *done is set at the end of the stream. */
static int
on_event(struct loader *l, const yaml_event_t *ev, bool *done)
{
	struct srcpos pos = load_mark_pos(l, &ev->start_mark);

	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		*done = true;
		return 0;
	case YAML_DOCUMENT_START_EVENT:
		if (++l->docs == 1)
			return 0;
		diag_error(l->d, &pos, "more than one document");
		return -1;
	case YAML_ALIAS_EVENT:
		if (count_node(l, &pos) != 0)
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
	case YAML_MAPPING_END_EVENT:
		on_close(l);
		return 0;
	default:
		return 0;
	}
}

int
load_events(struct loader *l, yaml_parser_t *p)
{
	yaml_event_t ev;
	bool done = false;
	int rc = 0;

	while (!done && rc == 0 && !diag_full(l->d)) {
		if (!yaml_parser_parse(p, &ev))
			return -1;
		rc = on_event(l, &ev, &done);
		yaml_event_delete(&ev);
	}
	return rc;
}
