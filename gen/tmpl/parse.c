#include "tmpl_int.h"

#include <stdlib.h>
#include <string.h>

#include "base/suggest.h"

static int
parse_name(struct parser *p, const struct tok *t, const char *s, size_t len,
    struct tname *n)
{
	/* In the order of enum tname_special, from TNAME_DOT on. */
	static const char *const specials[] = { ".", "@first", "@last",
	    "@index" };
	size_t i, k, from;

	n->s = s;
	n->len = len;
	if (len == 0)
		return -1;	/* the caller reported the empty name */
	for (i = 0; i < 4; i++) {
		if (strlen(specials[i]) == len &&
		    memcmp(specials[i], s, len) == 0) {
			n->special = (enum tname_special)(TNAME_DOT + i);
			return 0;
		}
	}
	n->nparts = 1;
	for (i = 0; i < len; i++)
		n->nparts += s[i] == '.';
	n->keys = arena_array(p->a, n->nparts, sizeof(*n->keys));
	for (i = 0, k = 0, from = 0; i <= len; i++) {
		if (i < len && s[i] != '.')
			continue;
		if (i == from || s[0] == '@') {
			diag_error(p->d, &t->pos, "invalid name '%.*s'",
			    (int)len, s);
			return -1;
		}
		n->keys[k++] = p->keys != NULL ?
		    keys_find(p->keys, s + from, i - from) : NULL;
		from = i + 1;
	}
	return 0;
}

static int
parse_filters(struct parser *p, const struct tok *t, struct tnode *n)
{
	const char *s = t->s, *end = t->s + t->len, *bar, *f;
	size_t count = 0, flen, nlen;
	struct srcpos pos;
	int rc = 0;

	for (bar = s; bar < end; bar++)
		count += *bar == '|';
	bar = memchr(s, '|', t->len);
	nlen = bar ? (size_t)(bar - s) : t->len;
	tmpl_trim(&s, &nlen);
	if (nlen == 0 && count > 0) {
		diag_error(p->d, &t->pos, "empty tag name");
		return -1;
	}
	if (parse_name(p, t, s, nlen, &n->name) != 0)
		return -1;
	if (count == 0)
		return 0;
	n->filters = arena_array(p->a, count, sizeof(*n->filters));
	while (bar != NULL) {
		f = bar + 1;
		bar = memchr(f, '|', (size_t)(end - f));
		flen = (size_t)((bar ? bar : end) - f);
		tmpl_trim(&f, &flen);
		if (filter_find(f, flen, &n->filters[n->nfilters++]) == 0)
			continue;
		pos = tmpl_pos_at(p->src, t->pos, t->at, (size_t)(f - p->src));
		if (flen == 0)
			diag_error(p->d, &pos, "empty filter name");
		else
			suggest_unknown(p->d, &pos, "filter", f, flen,
			    filter_names, FILTER_N);
		rc = -1;
	}
	return rc;
}

/* Drops a leading '*' and the blanks after it; false if there is none. */
static bool
strip_star(const char **s, size_t *len)
{
	if (*len == 0 || **s != '*')
		return false;
	(*s)++;
	(*len)--;
	tmpl_trim(s, len);
	return true;
}

static int
partial_name(struct parser *p, const struct tok *t, struct tnode *n)
{
	const char *s = t->s;
	size_t len = t->len;

	n->dynamic = strip_star(&s, &len);
	if (!n->dynamic) {
		n->name.s = s;
		n->name.len = len;
		return 0;
	}
	if (len == 0)
		diag_error(p->d, &t->pos, "empty name after '*'");
	return parse_name(p, t, s, len, &n->name);
}

static const char *
kind_word(enum tnode_kind k)
{
	return k == TNODE_PARENT ? "parent" : k == TNODE_BLOCK ? "block" :
	    "section";
}

static void
note_opened(struct parser *p, const struct tnode *n)
{
	diag_note(p->d, &n->pos, "%s '%s%.*s' opened here", kind_word(n->kind),
	    n->dynamic ? "*" : "", (int)n->name.len, n->name.s);
}

/* Whether the closing tag s closes n; a dynamic parent needs the star. */
static bool
closes(const struct tnode *n, const char *s, size_t len)
{
	if (n->dynamic && !strip_star(&s, &len))
		return false;
	/* After an empty-name error, name.s may be NULL. */
	return n->name.len == len &&
	    (len == 0 || memcmp(n->name.s, s, len) == 0);
}

/*
 * Pops the section that t closes.  A close of one further down closes
 * those above it too, after one error, so a typo does not cascade.
 */
static size_t
close_section(struct parser *p, const struct tok *t, struct tnode **stack,
    size_t depth)
{
	const struct tnode *top = stack[depth];
	size_t k;

	if (depth > 0 && closes(top, t->s, t->len))
		return depth - 1;
	p->failed = true;
	if (depth == 0) {
		diag_error(p->d, &t->pos,
		    "closing tag '%.*s' has no open section",
		    (int)t->len, t->s);
		return depth;
	}
	diag_error(p->d, &t->pos,
	    "closing tag '%.*s' does not match open %s '%s%.*s'",
	    (int)t->len, t->s, kind_word(top->kind), top->dynamic ? "*" : "",
	    (int)top->name.len, top->name.s);
	note_opened(p, top);
	for (k = depth; k > 0; k--)
		if (closes(stack[k], t->s, t->len))
			return k - 1;
	/* Most likely a misspelt close: take it as closing the top. */
	return depth - 1;
}

static void
report_unclosed(struct parser *p, struct tnode **stack, size_t depth)
{
	struct srcpos end = tmpl_pos_at(p->src, p->lpos, p->linestart, p->len);

	for (; depth > 0; depth--) {
		const struct tnode *n = stack[depth];

		diag_error(p->d, &end, "%s '%s%.*s' is never closed",
		    kind_word(n->kind), n->dynamic ? "*" : "",
		    (int)n->name.len, n->name.s);
		note_opened(p, n);
	}
}

static struct tnode *
build_one(struct parser *p, const struct tok *t, struct tnode *parent)
{
	struct tnode *n = arena_alloc(p->a, sizeof(*n));
	int rc = 0;

	*n = (struct tnode){ .kind = (enum tnode_kind)t->kind, .pos = t->pos,
	    .parent = parent, .bol = t->bol, .standalone = t->standalone,
	    .indent = t->indent, .indentlen = t->indentlen };
	if (parent->last != NULL)
		parent->last->next = n;
	else
		parent->child = n;
	parent->last = n;
	switch (n->kind) {
	case TNODE_TEXT:
		n->text = t->s;
		n->len = t->len;
		break;
	case TNODE_VAR:
		n->escape = !t->raw;
		rc = parse_filters(p, t, n);
		break;
	case TNODE_BLOCK:
	case TNODE_SECTION:
	case TNODE_INVERTED:
		rc = parse_name(p, t, t->s, t->len, &n->name);
		break;
	case TNODE_PARTIAL:
	case TNODE_PARENT:
		rc = partial_name(p, t, n);
		break;
	case TNODE_ROOT:
		break;
	}
	if (rc != 0)
		p->failed = true;
	return n;
}

static void
narrow(struct margin *m, const char *s, size_t len)
{
	size_t i;

	if (!m->any) {
		m->s = s;
		m->len = len;
		m->any = true;
		return;
	}
	for (i = 0; i < m->len && i < len && m->s[i] == s[i]; i++)
		continue;
	m->len = i;
}

/*
 * Counts the line that token i starts (if it starts one) into m.  Blank
 * lines do not count; a standalone partial's line counts its blanks.
 */
static void
measure(const struct parser *p, size_t i, struct margin *m)
{
	const struct tok *t = &p->toks[i];
	size_t k = 0;

	if (t->standalone) {
		if (t->kind == TNODE_PARTIAL || t->kind == TNODE_PARENT)
			narrow(m, t->indent, t->indentlen);
		return;
	}
	if (!t->bol)
		return;
	if (t->kind != TNODE_TEXT) {
		narrow(m, NULL, 0);
		return;
	}
	if (!tmpl_all_blank(t->s, t->len))
		k = strspn(t->s, " \t");
	else if (t->s[t->len - 1] == '\n' || i + 1 == p->ntoks)
		return;		/* a blank line */
	else
		k = t->len;	/* blanks, then a tag */
	narrow(m, t->s, k);
}

/*
 * Ends container stack[depth], closed by t (NULL: an error).  Its lines count
 * for the outer one unless either is a parent tag (rendered elsewhere).
 */
static void
finish(struct tnode **stack, struct margin *m, size_t depth,
    const struct tok *t)
{
	struct tnode *n = stack[depth];

	if (n->kind == TNODE_BLOCK && n->standalone) {
		n->dedent = m[depth].any ? m[depth].len : 0;
		if (m[depth].any) {
			n->indent = m[depth].s;
			n->indentlen = m[depth].len;
		}
		if (t != NULL && t->standalone) {
			n->eol = t->eol;
			n->eollen = t->eollen;
		}
	}
	if (m[depth].any && n->kind != TNODE_PARENT &&
	    stack[depth - 1]->kind != TNODE_PARENT)
		narrow(&m[depth - 1], m[depth].s, m[depth].len);
}

static int
build(struct parser *p, struct tnode *root)
{
	struct tnode *stack[TMPL_MAX_DEPTH + 1], *n;
	struct margin m[TMPL_MAX_DEPTH + 1];
	size_t depth = 0, up, i;
	bool carry = false;

	stack[0] = root;
	memset(&m[0], 0, sizeof(m[0]));
	for (i = 0; i < p->ntoks; i++) {
		struct tok *t = &p->toks[i];

		if (t->removed)
			continue;
		/* A line starting with a silent tag still starts a line. */
		t->bol = t->bol || carry;
		carry = false;
		if (t->kind == TOK_COMMENT || t->kind == TOK_DELIM ||
		    t->kind == TOK_CLOSE) {
			carry = t->bol;
			if (t->kind != TOK_CLOSE)
				continue;
			up = close_section(p, t, stack, depth);
			for (; depth > up; depth--)
				finish(stack, m, depth,
				    depth == up + 1 ? t : NULL);
			continue;
		}
		measure(p, i, &m[depth]);
		n = build_one(p, t, stack[depth]);
		if (t->kind != TNODE_SECTION && t->kind != TNODE_INVERTED &&
		    t->kind != TNODE_PARENT && t->kind != TNODE_BLOCK)
			continue;
		if (depth == TMPL_MAX_DEPTH) {
			diag_error(p->d, &t->pos,
			    "sections nested deeper than %d", TMPL_MAX_DEPTH);
			return -1;
		}
		stack[++depth] = n;
		memset(&m[depth], 0, sizeof(m[depth]));
	}
	report_unclosed(p, stack, depth);
	return depth > 0 || p->failed ? -1 : 0;
}

int
tmpl_parse(struct arena *a, const struct keys *keys, const char *path,
    const char *text, size_t len, struct diag *d, struct tmpl **out)
{
	struct parser p = { .a = a, .keys = keys, .d = d, .src = text,
	    .len = len, .lpos = { path, 1, 1 }, .otag = "{{", .ctag = "}}",
	    .olen = 2, .clen = 2 };
	struct tmpl *t = arena_alloc(a, sizeof(*t));
	int rc;

	t->root = arena_alloc(a, sizeof(*t->root));
	t->root->kind = TNODE_ROOT;
	t->root->pos = p.lpos;
	rc = tmpl_scan(&p);
	if (build(&p, t->root) != 0)
		rc = -1;
	free(p.toks);
	if (rc != 0 || p.failed)
		return -1;
	*out = t;
	return 0;
}

static const struct tnode *
next_node(const struct tnode *n)
{
	if (n->child != NULL)
		return n->child;
	while (n != NULL && n->next == NULL)
		n = n->parent;
	return n != NULL ? n->next : NULL;
}

void
tmpl_refs(const struct tmpl *t, void (*key)(void *, const char *, bool),
    void (*partial)(void *, const char *, size_t, bool), void *ctx)
{
	const struct tnode *n;
	size_t i;

	for (n = t->root; n != NULL; n = next_node(n)) {
		bool named = n->kind == TNODE_PARTIAL ||
		    n->kind == TNODE_PARENT;

		if (named && partial != NULL)
			partial(ctx, n->name.s, n->name.len, n->dynamic);
		/* Partials and blocks are named, not looked up. */
		if (key == NULL || ((named || n->kind == TNODE_BLOCK) &&
		    !n->dynamic))
			continue;
		for (i = 0; i < n->name.nparts; i++)
			if (n->name.keys[i] != NULL)
				key(ctx, n->name.keys[i], i == 0);
	}
}
