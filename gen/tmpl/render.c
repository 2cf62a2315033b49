#include "tmpl_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/xmalloc.h"

static void
push_ctx(struct render *r, const struct value *v, bool iter, size_t count)
{
	r->ctx = xgrow(r->ctx, &r->capctx, r->nctx, sizeof(*r->ctx));
	r->ctx[r->nctx++] = (struct ctxent){ v, 0, count, iter };
}

struct frame *
tmpl_push_frame(struct render *r, enum frame_kind kind,
    const struct tnode *owner)
{
	struct frame *f;

	r->fr = xgrow(r->fr, &r->capfr, r->nfr, sizeof(*r->fr));
	f = &r->fr[r->nfr++];
	*f = (struct frame){ .kind = kind, .owner = owner,
	    .next = owner->child, .nctx = r->nctx, .indentlen = r->indent.len,
	    .strip = r->strip, .nscopes = r->nscopes, .scope = r->scope };
	return f;
}

/* The outer rule's strip eats into `add` first, then into the line. */
void
tmpl_push_indent(struct render *r, size_t strip, const char *add, size_t len)
{
	if (r->strip <= len) {
		if (r->strip < len)	/* add may be NULL when len is 0 */
			buf_add(&r->indent, add + r->strip, len - r->strip);
		r->strip = strip;
	} else {
		r->strip += strip - len;
	}
}

static const struct value *
lookup_special(struct render *r, enum tname_special sp)
{
	const struct ctxent *e;
	size_t i = r->nctx;

	while (i > 0 && !r->ctx[i - 1].iter)
		i--;
	if (i == 0)
		return NULL;
	e = &r->ctx[i - 1];
	if (sp != TNAME_INDEX)
		return value_bool(sp == TNAME_FIRST ? e->index == 0 :
		    e->index + 1 == e->count);
	r->idx.kind = VALUE_INT;
	r->idx.u.i = (long long)e->index;
	return &r->idx;
}

/*
 * The spec's resolution: a dotted name's first part is looked up through
 * the context stack, the rest only in what the part before found.
 */
const struct value *
tmpl_resolve(struct render *r, const struct tnode *n)
{
	const struct tname *nm = &n->name;
	const struct value *v = NULL;
	size_t i, k;

	if (nm->special == TNAME_DOT && r->nctx > 0)
		v = r->ctx[r->nctx - 1].v;
	else if (nm->special != TNAME_DATA && nm->special != TNAME_DOT)
		v = lookup_special(r, nm->special);
	for (i = r->nctx; nm->special == TNAME_DATA && i > 0; i--) {
		if ((v = value_get(r->ctx[i - 1].v, nm->keys[0])) == NULL)
			continue;
		for (k = 1; k < nm->nparts && v != NULL; k++)
			v = value_get(v, nm->keys[k]);
		break;
	}
	if (v == NULL)
		tmpl_strict_error(r, n, "'%.*s' is not defined",
		    (int)n->name.len, n->name.s);
	return v;
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

/* The shortest %g spelling that reads back as the same double. */
static size_t
fmt_float(char *tmp, size_t size, double f)
{
	int prec, n = 0;

	for (prec = 15; prec <= 17; prec++) {
		n = snprintf(tmp, size, "%.*g", prec, f);
		if (strtod(tmp, NULL) == f)
			break;
	}
	return n < 0 ? 0 : (size_t)n;
}

static void
value_text(const struct value *v, char *tmp, const char **s, size_t *n)
{
	*s = tmp;
	*n = 0;
	if (v->kind == VALUE_STRING || (v->kind == VALUE_INT && v->decimal)) {
		*s = v->str;
		*n = v->len;
	} else if (v->kind == VALUE_INT) {
		*s = value_spell_int(tmp + 32, v->u.i);
		*n = (size_t)(tmp + 32 - *s);
	} else if (v->kind == VALUE_FLOAT) {
		*n = fmt_float(tmp, 32, v->u.f);
	} else if (v->kind == VALUE_BOOL) {
		*s = v->u.b ? "true" : "false";
		*n = v->u.b ? 4 : 5;
	}
}

static void
emit_var(struct render *r, const struct tnode *n)
{
	const struct value *v = tmpl_resolve(r, n);
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
enter(struct render *r, const struct tnode *n)
{
	if (n->bol && !r->nobol) {
		r->pending = true;
		r->pendlen = r->indent.len;
		r->skip = r->strip;
	}
	r->nobol = false;
}

static void
check_limit(struct render *r, const struct tnode *n)
{
	if (!r->fatal && buf_pos(r->out) > r->limit) {
		diag_error(r->d, &n->pos, "output exceeds %zu bytes",
		    r->opts->max_output);
		r->fatal = r->failed = true;
	}
}

static void
run_section(struct render *r, const struct tnode *n)
{
	const struct value *v = tmpl_resolve(r, n);
	struct frame *f;

	if (is_falsey(v))
		return;
	if (v == &r->idx)
		v = value_int(r->a, r->idx.u.i);
	if (v->kind == VALUE_LIST) {
		f = tmpl_push_frame(r, FRAME_LIST, n);
		f->list = v;
		push_ctx(r, v->items[0], true, v->len);
		return;
	}
	tmpl_push_frame(r, FRAME_PLAIN, n);
	push_ctx(r, v, false, 0);
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
		if (is_falsey(tmpl_resolve(r, n)))
			tmpl_push_frame(r, FRAME_PLAIN, n);
		break;
	case TNODE_PARTIAL:
	case TNODE_PARENT:
		tmpl_run_partial(r, n);
		break;
	case TNODE_BLOCK:
		tmpl_run_block(r, n);
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
		r->ctx[r->nctx - 1].v = f->list->items[f->i];
		r->ctx[r->nctx - 1].index = f->i;
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
	r->nctx = f->nctx;
	r->nscopes = f->nscopes;
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
	enter(r, n);
	run_node(r, n);
	check_limit(r, n);
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
	if (root != NULL)
		push_ctx(&r, root, false, 0);
	tmpl_push_frame(&r, FRAME_PLAIN, t->root);
	while (r.nfr > 0 && !r.fatal)
		step(&r);
	free(r.ctx);
	free(r.fr);
	free(r.scopes);
	buf_release(&r.indent);
	buf_release(&r.f1);
	buf_release(&r.f2);
	return r.failed ? -1 : 0;
}
