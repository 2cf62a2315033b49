/* Partials, parents and blocks, and where errors in them come from. */
#include "tmpl_int.h"

#include <stdarg.h>
#include <string.h>

#include "base/xmalloc.h"

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
void
tmpl_note_includes(struct render *r, const struct tnode *n)
{
	const struct frame *f;
	size_t i, top = 0;

	while (n->parent != NULL)
		n = n->parent;
	for (i = r->nfr; i > 0 && top == 0; i--)
		if (r->fr[i - 1].owner == n)
			top = i;
	for (i = top; i > 0; i--) {
		f = &r->fr[i - 1];
		if (f->kind == FRAME_PARTIAL)
			diag_note(r->d, &f->from->pos,
			    "partial '%.*s' included here", (int)f->namelen,
			    f->name);
	}
}

void
tmpl_strict_error(struct render *r, const struct tnode *n, const char *fmt,
    ...)
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
		tmpl_note_includes(r, n);
	}
	r->failed = true;
	/* Go on to the "too many errors" line, then stop. */
	if (r->d->errors > DIAG_MAX_ERRORS)
		r->fatal = true;
}

static int
find_partial(struct render *r, const struct tnode *n, const char *name,
    size_t len, const struct tmpl **out)
{
	struct pcache *c;
	int rc = 0;

	for (c = r->cache; c != NULL; c = c->next) {
		if (c->len == len && memcmp(c->name, name, len) == 0) {
			*out = c->t;
			return 0;
		}
	}
	c = arena_alloc(r->a, sizeof(*c));
	c->name = arena_strndup(r->a, name, len);
	c->len = len;
	if (r->loader != NULL)
		rc = r->loader->find(r->loader->ctx, c->name, r->a, r->d,
		    &c->t);
	if (rc == TMPL_BAD) {
		diag_note(r->d, &n->pos, "partial '%s' included here",
		    c->name);
		tmpl_note_includes(r, n);
	}
	if (rc != 0)
		return -1;
	c->next = r->cache;
	r->cache = c;
	*out = c->t;
	return 0;
}

/* The name a partial tag names: literal, or {{>*key}} looked up. */
static bool
partial_target(struct render *r, const struct tnode *n, const char **name,
    size_t *len)
{
	const struct value *v;

	if (!n->dynamic) {
		*name = n->name.s;
		*len = n->name.len;
		return true;
	}
	v = tmpl_resolve(r, n);
	if (v == NULL || v->kind == VALUE_NULL)
		return false;
	if (v->kind != VALUE_STRING) {
		tmpl_strict_error(r, n, "dynamic name '%.*s' is not a string",
		    (int)n->name.len, n->name.s);
		return false;
	}
	*name = v->str;
	*len = v->len;
	return true;
}

void
tmpl_run_partial(struct render *r, const struct tnode *n)
{
	const struct tmpl *t = NULL;
	struct frame *f;
	const char *name;
	size_t len;

	if (!partial_target(r, n, &name, &len))
		return;
	if (find_partial(r, n, name, len, &t) != 0) {
		r->fatal = r->failed = true;
		return;
	}
	if (t == NULL) {
		tmpl_strict_error(r, n, "partial '%.*s' not found", (int)len,
		    name);
		return;
	}
	if (r->pdepth >= TMPL_MAX_PARTIAL_DEPTH) {
		diag_error(r->d, &n->pos,
		    "partials nested deeper than %d (from '%.*s')",
		    TMPL_MAX_PARTIAL_DEPTH, (int)len, name);
		r->fatal = r->failed = true;
		return;
	}
	f = tmpl_push_frame(r, FRAME_PARTIAL, t->root);
	f->from = n;
	f->name = name;
	f->namelen = len;
	r->pdepth++;
	if (n->standalone)
		tmpl_push_indent(r, 0, n->indent, n->indentlen);
	else
		r->nobol = true;
	if (n->kind == TNODE_PARENT) {
		r->scopes = xgrow(r->scopes, &r->capscopes, r->nscopes,
		    sizeof(*r->scopes));
		r->scopes[r->nscopes] = (struct scope){ n, r->scope };
		r->scope = ++r->nscopes;
	}
}

/*
 * The outermost {{<parent}} in sight that overrides block n wins.  Sets
 * *outer to the scopes outside the one that gave it, so that a block
 * inside an override never finds that override again.
 */
static const struct tnode *
find_block(const struct render *r, const struct tnode *n, size_t *outer)
{
	const struct tnode *c, *found = n;
	size_t i;

	for (i = r->scope; i > 0; i = r->scopes[i - 1].outer)
		for (c = r->scopes[i - 1].tag->child; c != NULL; c = c->next)
			if (c->kind == TNODE_BLOCK &&
			    c->name.len == n->name.len &&
			    memcmp(c->name.s, n->name.s, n->name.len) == 0) {
				found = c;
				*outer = r->scopes[i - 1].outer;
			}
	return found;
}

/*
 * Block n renders its override, or itself.  An override loses its own
 * margin and takes n's; a standalone n writes whole lines.
 */
void
tmpl_run_block(struct render *r, const struct tnode *n)
{
	size_t outer = 0;
	const struct tnode *b = find_block(r, n, &outer);
	struct frame *f = tmpl_push_frame(r, FRAME_BLOCK, b);

	f->whole = n->standalone;
	f->eol = n->eol;
	f->eollen = n->eollen;
	f->outstart = buf_pos(r->out);
	if (b != n) {
		r->scope = outer;
		tmpl_push_indent(r, b->dedent, n->indent, n->indentlen);
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

