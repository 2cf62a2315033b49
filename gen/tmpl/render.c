#include "tmpl_int.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"

/* A partial, parsed at most once per render; t NULL: there is none. */
struct pcache {
	struct pcache *next;
	const char *name;
	size_t len;
	const struct tmpl *t;
};

enum frame_kind { FRAME_PLAIN, FRAME_LIST, FRAME_PARTIAL, FRAME_BLOCK };

/*
 * A frame runs the children of one container and knows what to undo when they
 * are done.  The frames that hold a value make the context stack; those of
 * {{<parent}} tags, the scopes that blocks look in.  Indentation is one rule at
 * a time: every line loses up to `strip` leading blanks, then gains `indent`.
 */
struct frame {
	enum frame_kind kind;
	const struct tnode *owner;	/* whose children run */
	const struct tnode *next;
	const struct value *v;		/* on the context stack, or NULL */
	const struct value *list;	/* FRAME_LIST: v is its item i */
	size_t i;
	size_t indentlen, strip;
	size_t scope;			/* r->scope before; a parent's outer */
	bool whole;			/* FRAME_BLOCK: writes whole lines */
	const char *eol;		/* ends a last line left open */
	size_t eollen;
	size_t outstart;
	const struct tnode *from;	/* FRAME_PARTIAL: the tag, and */
	const struct pcache *partial;	/* the partial it named */
};

struct render {
	const struct tmpl_opts *opts;
	const struct tmpl_loader *loader;
	struct arena *a;
	struct buf *out;
	size_t limit;			/* where output becomes too much */
	struct diag *d;
	struct frame *fr;
	size_t nfr, capfr;
	size_t scope;			/* 1 + the frame of the innermost
					   {{<parent}} in sight, or 0 */
	struct buf indent;		/* added to each line */
	size_t strip;			/* blanks taken from each line */
	bool pending;			/* indent before the next output */
	size_t pendlen;
	size_t skip;			/* blanks still to take here */
	bool nobol;			/* first node of inline content */
	unsigned pdepth;
	struct pcache *cache;
	struct buf f1, f2;		/* filter results */
	struct value idx;		/* @index */
	bool fatal, failed;
};

/* In strict mode, reports fmt at n once per position; fails the render. */
static void strict_error(struct render *r, const struct tnode *n,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static struct frame *
push_frame(struct render *r, enum frame_kind kind, const struct tnode *owner)
{
	struct frame *f;

	r->fr = xgrow(r->fr, &r->capfr, r->nfr, sizeof(*r->fr));
	f = &r->fr[r->nfr++];
	*f = (struct frame){ .kind = kind, .owner = owner,
	    .next = owner->child, .indentlen = r->indent.len,
	    .strip = r->strip, .scope = r->scope };
	return f;
}

/* The outer rule's strip eats into `add` first, then into the line. */
static void
push_indent(struct render *r, size_t strip, const char *add, size_t len)
{
	if (r->strip <= len) {
		if (r->strip < len)	/* add may be NULL when len is 0 */
			buf_add(&r->indent, add + r->strip, len - r->strip);
		r->strip = strip;
	} else {
		r->strip += strip - len;
	}
}

static bool
is_new_error(const struct render *r, const struct tnode *n)
{
	const struct diag_entry *e;
	size_t i;

	for (i = 0; i < r->d->n; i++) {
		e = &r->d->items[i];
		if (e->level == DIAG_ERROR && e->pos.file != NULL &&
		    e->pos.line == n->pos.line && e->pos.col == n->pos.col &&
		    strcmp(e->pos.file, n->pos.file) == 0)
			return false;
	}
	return true;
}

/*
 * The innermost frame running n's root is its template's: an override
 * rendered inside a parent is still in the template that wrote it.
 */
static void
note_includes(struct render *r, const struct tnode *n)
{
	const struct frame *f;
	bool found = false;
	size_t i;

	while (n->parent != NULL)
		n = n->parent;
	for (i = r->nfr; i > 0; i--) {
		f = &r->fr[i - 1];
		found = found || f->owner == n;
		if (found && f->kind == FRAME_PARTIAL)
			diag_note(r->d, &f->from->pos,
			    "partial '%s' included here", f->partial->name);
	}
}

static void
strict_error(struct render *r, const struct tnode *n, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	if (!r->opts->strict)
		return;
	if (is_new_error(r, n)) {
		va_start(ap, fmt);
		buf_vaddf(&msg, fmt, ap);
		va_end(ap);
		diag_error(r->d, &n->pos, "%s", msg.ptr);
		buf_release(&msg);
		note_includes(r, n);
	}
	r->failed = true;
	/* Go on to the "too many errors" line, then stop. */
	if (r->d->errors > DIAG_MAX_ERRORS)
		r->fatal = true;
}

static const struct value *
lookup_special(struct render *r, enum tname_special sp)
{
	const struct frame *f;
	size_t i = r->nfr;

	while (i > 0 && r->fr[i - 1].kind != FRAME_LIST)
		i--;
	if (i == 0)
		return NULL;
	f = &r->fr[i - 1];
	if (sp != TNAME_INDEX)
		return value_bool(sp == TNAME_FIRST ? f->i == 0 :
		    f->i + 1 == f->list->len);
	r->idx.kind = VALUE_INT;
	r->idx.u.i = (long long)f->i;
	return &r->idx;
}

/* Per the spec, a.b.c finds a through the context stack, b in a, c in b. */
static const struct value *
resolve(struct render *r, const struct tnode *n)
{
	const struct tname *nm = &n->name;
	const struct value *v = NULL;
	size_t i = r->nfr, k;

	if (nm->special != TNAME_DATA && nm->special != TNAME_DOT) {
		v = lookup_special(r, nm->special);
		i = 0;
	}
	for (; i > 0; i--) {
		if ((v = r->fr[i - 1].v) == NULL)
			continue;
		if (nm->special == TNAME_DOT ||
		    (v = value_get(v, nm->keys[0])) != NULL)
			break;
	}
	for (k = 1; k < nm->nparts && v != NULL; k++)
		v = value_get(v, nm->keys[k]);
	/* The data may leave out any x- key: one it lacks is null. */
	for (k = 0; v == NULL && k + 2 < nm->len; k++)
		if ((k == 0 || nm->s[k - 1] == '.') &&
		    strncmp(nm->s + k, "x-", 2) == 0)
			return NULL;
	if (v == NULL)
		strict_error(r, n, "'%.*s' is not defined",
		    (int)n->name.len, n->name.s);
	return v;
}

/* The cache entry for partial name[0..len), or NULL after an error. */
static const struct pcache *
find_partial(struct render *r, const struct tnode *n, const char *name,
    size_t len)
{
	struct pcache *c;
	int rc = 0;

	for (c = r->cache; c != NULL; c = c->next)
		if (c->len == len && memcmp(c->name, name, len) == 0)
			return c;
	c = arena_alloc(r->a, sizeof(*c));
	c->name = arena_strndup(r->a, name, len);
	c->len = len;
	if (r->loader != NULL)
		rc = r->loader->find(r->loader->ctx, c->name, r->a, r->d,
		    &c->t);
	if (rc == TMPL_BAD) {
		diag_note(r->d, &n->pos, "partial '%s' included here", c->name);
		note_includes(r, n);
	}
	if (rc != 0)
		return NULL;
	c->next = r->cache;
	r->cache = c;
	return c;
}

static void
run_partial(struct render *r, const struct tnode *n)
{
	const char *name = n->name.s;
	size_t len = n->name.len;
	const struct value *v;
	const struct pcache *c;
	struct frame *f;

	if (n->dynamic) {
		if ((v = resolve(r, n)) == NULL || v->kind == VALUE_NULL)
			return;
		if (v->kind != VALUE_STRING) {
			strict_error(r, n, "dynamic name '%.*s' is not a "
			    "string", (int)len, name);
			return;
		}
		name = v->str;
		len = v->len;
	}
	if ((c = find_partial(r, n, name, len)) == NULL) {
		r->fatal = r->failed = true;
		return;
	}
	if (c->t == NULL) {
		strict_error(r, n, "partial '%.*s' not found", (int)len, name);
		return;
	}
	if (r->pdepth >= TMPL_MAX_PARTIAL_DEPTH) {
		diag_error(r->d, &n->pos,
		    "partials nested deeper than %d (from '%.*s')",
		    TMPL_MAX_PARTIAL_DEPTH, (int)len, name);
		r->fatal = r->failed = true;
		return;
	}
	f = push_frame(r, FRAME_PARTIAL, c->t->root);
	f->from = n;
	f->partial = c;
	r->pdepth++;
	if (n->standalone)
		push_indent(r, 0, n->indent, n->indentlen);
	else
		r->nobol = true;
	if (n->kind == TNODE_PARENT)
		r->scope = r->nfr;
}

/*
 * The outermost {{<parent}} in sight overriding block n wins; *outer gets the
 * scopes outside it, so a block inside an override never finds it again.
 */
static const struct tnode *
find_block(const struct render *r, const struct tnode *n, size_t *outer)
{
	const struct tnode *c, *found = n;
	size_t i;

	for (i = r->scope; i > 0; i = r->fr[i - 1].scope)
		for (c = r->fr[i - 1].from->child; c != NULL; c = c->next)
			if (c->kind == TNODE_BLOCK &&
			    c->name.len == n->name.len &&
			    memcmp(c->name.s, n->name.s, n->name.len) == 0) {
				found = c;
				*outer = r->fr[i - 1].scope;
			}
	return found;
}

/*
 * Block n renders its override, or itself: an override loses its own margin and
 * takes n's, and a standalone n writes whole lines, the last one ended.
 */
static void
run_block(struct render *r, const struct tnode *n)
{
	size_t outer = 0;
	const struct tnode *b = find_block(r, n, &outer);
	struct frame *f = push_frame(r, FRAME_BLOCK, b);

	f->whole = n->standalone;
	f->eol = n->eol;
	f->eollen = n->eollen;
	f->outstart = buf_pos(r->out);
	if (b != n) {
		r->scope = outer;
		push_indent(r, b->dedent, n->indent, n->indentlen);
	}
	if (n->standalone) {
		r->pending = true;
		r->pendlen = r->indent.len;
		r->skip = 0;
	} else {
		/* Mid-line: only the override's own margin goes. */
		r->nobol = true;
		r->skip = b != n && b->child != NULL && b->child->bol ?
		    b->dedent : 0;
	}
}

/*
 * Falsey per the spec: missing, null, false, the empty list; and, as the
 * spec leaves to us, the empty string: {{#c}}// {{c}}{{/c}}.
 */
static bool
is_falsey(const struct value *v)
{
	return v == NULL || v->kind == VALUE_NULL ||
	    (v->kind == VALUE_BOOL && !v->u.b) ||
	    ((v->kind == VALUE_LIST || v->kind == VALUE_STRING) && v->len == 0);
}

static void
flush_indent(struct render *r)
{
	if (r->pending) {
		buf_add(r->out, r->indent.ptr, r->pendlen);
		r->pending = false;
	}
}

/* Inline: most nodes are text, and the call cost more than the copy. */
static inline void
emit_text(struct render *r, const char *s, size_t n)
{
	for (; r->skip > 0 && n > 0 && (*s == ' ' || *s == '\t'); r->skip--) {
		s++;
		n--;
	}
	r->skip = 0;
	if (n == 0)
		return;
	/* Blank lines of an indented partial get no trailing blanks. */
	if (r->pending && (s[0] == '\n' || (s[0] == '\r' && n > 1 &&
	    s[1] == '\n')))
		r->pending = false;
	flush_indent(r);
	buf_add(r->out, s, n);
}

/* Sets *s and *n to v's text; tmp (32 bytes) holds formatted numbers. */
static void
value_text(const struct value *v, char *tmp, const char **s, size_t *n)
{
	int prec, k = 0;

	*s = tmp;
	*n = 0;
	if (v->kind == VALUE_STRING || (v->kind == VALUE_INT && v->decimal)) {
		*s = v->str;
		*n = v->len;
	} else if (v->kind == VALUE_INT) {
		*s = value_spell_int(tmp + 32, v->u.i);
		*n = (size_t)(tmp + 32 - *s);
	} else if (v->kind == VALUE_FLOAT) {
		/* The shortest %g that reads back as the same double. */
		for (prec = 15; prec <= 17; prec++) {
			k = snprintf(tmp, 32, "%.*g", prec, v->u.f);
			if (strtod(tmp, NULL) == v->u.f)
				break;
		}
		*n = k < 0 ? 0 : (size_t)k;
	} else if (v->kind == VALUE_BOOL) {
		*s = v->u.b ? "true" : "false";
		*n = v->u.b ? 4 : 5;
	}
}

static void
emit_var(struct render *r, const struct tnode *n)
{
	const struct value *v = resolve(r, n);
	enum escape_mode mode = r->opts->escape;
	const struct escape_table *table = r->opts->table;
	bool safe = !n->escape || (mode == ESCAPE_NONE && table == NULL);
	struct buf *dst;
	const char *s;
	char tmp[32];
	size_t len, i;

	r->skip = 0;
	if (v == NULL)
		return;
	value_text(v, tmp, &s, &len);
	for (i = 0; i < n->nfilters; i++) {
		/* Each filter reads what the one before wrote to the other. */
		dst = i % 2 == 0 ? &r->f2 : &r->f1;
		buf_reset(dst);
		if (filter_apply(dst, n->filters[i], mode, table, s, len))
			safe = true;
		s = dst->ptr;
		len = dst->len;
	}
	if (len == 0)
		return;
	flush_indent(r);
	if (safe)
		buf_add(r->out, s, len);
	else
		escape_by(r->out, mode, table, s, len);
}

static void
run_section(struct render *r, const struct tnode *n)
{
	const struct value *v = resolve(r, n);
	struct frame *f;

	if (is_falsey(v))
		return;
	if (v == &r->idx)
		v = value_int(r->a, r->idx.u.i);
	if (v->kind == VALUE_LIST) {
		f = push_frame(r, FRAME_LIST, n);
		f->list = v;
		f->v = v->items[0];
		return;
	}
	push_frame(r, FRAME_PLAIN, n)->v = v;
}

static void
run_node(struct render *r, const struct tnode *n)
{
	switch (n->kind) {
	case TNODE_TEXT:
		emit_text(r, n->text, n->len);
		break;
	case TNODE_VAR:
		emit_var(r, n);
		break;
	case TNODE_SECTION:
		run_section(r, n);
		break;
	case TNODE_INVERTED:
		if (is_falsey(resolve(r, n)))
			push_frame(r, FRAME_PLAIN, n);
		break;
	case TNODE_PARTIAL:
	case TNODE_PARENT:
		run_partial(r, n);
		break;
	case TNODE_BLOCK:
		run_block(r, n);
		break;
	case TNODE_ROOT:
		break;
	}
}

static void
end_frame(struct render *r)
{
	struct frame *f = &r->fr[r->nfr - 1];

	if (f->kind == FRAME_LIST && ++f->i < f->list->len) {
		f->v = f->list->items[f->i];
		f->next = f->owner->child;
		return;
	}
	if (f->kind == FRAME_BLOCK && f->eollen > 0 &&
	    buf_pos(r->out) > f->outstart &&
	    r->out->ptr[r->out->len - 1] != '\n')
		buf_add(r->out, f->eol, f->eollen);
	if (f->kind == FRAME_PARTIAL)
		r->pdepth--;
	if (f->kind == FRAME_PARTIAL || f->kind == FRAME_BLOCK) {
		if (f->kind == FRAME_PARTIAL || f->whole ||
		    r->pendlen > f->indentlen)
			r->pending = false;
		r->nobol = false;
		r->skip = 0;
		r->strip = f->strip;
		r->indent.len = f->indentlen;
		if (r->indent.cap != 0)
			r->indent.ptr[f->indentlen] = '\0';
	}
	r->scope = f->scope;
	r->nfr--;
}

static void
step(struct render *r)
{
	struct frame *f = &r->fr[r->nfr - 1];
	const struct tnode *n = f->next;

	if (n == NULL) {
		end_frame(r);
		return;
	}
	f->next = n->next;
	if (n->bol && !r->nobol) {
		r->pending = true;
		r->pendlen = r->indent.len;
		r->skip = r->strip;
	}
	r->nobol = false;
	run_node(r, n);
	if (!r->fatal && buf_pos(r->out) > r->limit) {
		diag_error(r->d, &n->pos, "output exceeds %zu bytes",
		    r->opts->max_output);
		r->fatal = r->failed = true;
	}
}

int
tmpl_render(const struct tmpl *t, const struct value *root,
    const struct tmpl_opts *opts, const struct tmpl_loader *loader,
    struct arena *a, struct buf *out, struct diag *d)
{
	struct render r = { .opts = opts, .loader = loader, .a = a,
	    .out = out, .limit = SIZE_MAX, .d = d, .indent = BUF_INIT,
	    .f1 = BUF_INIT, .f2 = BUF_INIT };

	if (opts->max_output != 0 && opts->max_output < SIZE_MAX - buf_pos(out))
		r.limit = buf_pos(out) + opts->max_output;
	push_frame(&r, FRAME_PLAIN, t->root)->v = root;
	while (r.nfr > 0 && !r.fatal)
		step(&r);
	free(r.fr);
	buf_release(&r.indent);
	buf_release(&r.f1);
	buf_release(&r.f2);
	return r.failed ? -1 : 0;
}
