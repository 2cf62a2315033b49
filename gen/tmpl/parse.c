#include "tmpl.h"

#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "tmpl_ast.h"
#include "base/xmalloc.h"

/*
 * Parsing runs in two steps.  scan() cuts the text into tokens (text
 * pieces that never span a line break, and tags), and at every line end
 * applies the spec's standalone rule to that line's tokens.  build()
 * then turns the token list into the tree with an explicit stack of open
 * sections.  Deciding standalone lines needs the whole line, which is
 * why the two are apart.
 */

enum tok_kind {
	TOK_TEXT,
	TOK_VAR,		/* also {{&x}} and {{{x}}} */
	TOK_SECTION,
	TOK_INVERTED,
	TOK_CLOSE,
	TOK_COMMENT,
	TOK_PARTIAL,
	TOK_DELIM,
	TOK_PARENT,
	TOK_BLOCK
};

struct tok {
	enum tok_kind kind;
	struct srcpos pos;
	const char *s;		/* text, or the trimmed tag content */
	size_t len;
	bool raw;		/* TOK_VAR: {{{x}}} or {{&x}} */
	bool removed;		/* whitespace of a standalone line */
	bool bol;
	bool standalone;
	const char *indent;	/* standalone: the line's leading blanks */
	size_t indentlen;
	const char *eol;	/* standalone: the line's line break */
	size_t eollen;
	size_t at;		/* offset of the tag, for filter columns */
};

/* The leading blanks every line of a container shares, so far. */
struct margin {
	const char *s;
	size_t len;
	bool any;		/* a line has been seen */
};

struct parser {
	struct arena *a;
	const struct keys *keys;
	struct diag *d;
	const char *path;
	const char *src;
	size_t len;
	size_t off;
	unsigned line;
	size_t linestart;	/* offset where the current line starts */
	const char *otag, *ctag;
	size_t olen, clen;
	struct tok *toks;
	size_t ntoks, cap;
	size_t linetok;		/* first token of the current line */
	bool failed;
};

static struct srcpos pos_at(const struct parser *, size_t);
static void advance(struct parser *, size_t);
static struct tok *push_tok(struct parser *, enum tok_kind, size_t);
static void end_line(struct parser *);
static void scan_text(struct parser *, size_t);
static int scan_tag(struct parser *);
static int scan(struct parser *);
static int report_filter(struct parser *, const struct tok *, const char *,
    size_t);
static int build(struct parser *, struct tnode *);

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool
is_space(char c)
{
	return is_blank(c) || c == '\n' || c == '\r';
}

/* The position of offset o, which is at or after p->linestart. */
static struct srcpos
pos_at(const struct parser *p, size_t o)
{
	struct srcpos pos = { p->path, p->line, 1 };
	size_t ls = p->linestart, i;

	for (i = ls; i < o; i++) {
		if (p->src[i] == '\n') {
			pos.line++;
			ls = i + 1;
		}
	}
	pos.col = (unsigned)(o - ls + 1);
	return pos;
}

static void
advance(struct parser *p, size_t to)
{
	const char *s = p->src + p->off, *end = p->src + to, *nl;

	while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		p->line++;
		s = nl + 1;
		p->linestart = (size_t)(s - p->src);
	}
	p->off = to;
}

static struct tok *
push_tok(struct parser *p, enum tok_kind kind, size_t at)
{
	struct tok *t;

	if (p->ntoks == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->toks = xrealloc(p->toks, xmul(p->cap, sizeof(*p->toks)));
	}
	t = &p->toks[p->ntoks++];
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->pos = pos_at(p, at);
	return t;
}

static bool
can_stand_alone(enum tok_kind k)
{
	return k != TOK_TEXT && k != TOK_VAR;
}

/* Inheritance tags may share a standalone line: {{<p}}{{/p}}. */
static bool
is_inherit(const struct tok *t)
{
	return t->kind == TOK_PARENT || t->kind == TOK_BLOCK ||
	    t->kind == TOK_CLOSE;
}

static bool
all_blank(const char *s, size_t n)
{
	size_t i;

	if (n > 0 && s[n - 1] == '\n')
		n--;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	for (i = 0; i < n; i++)
		if (!is_blank(s[i]))
			return false;
	return true;
}

/*
 * The spec's standalone rule: a line holding one section, inverted,
 * close, comment, partial or delimiter tag and otherwise only blanks
 * disappears whole, line break included.  A partial keeps the leading
 * blanks as the indentation of every line it renders; a block keeps them
 * and the line break, to re-indent and end its lines.
 */
static void
end_line(struct parser *p)
{
	struct tok *first, *end, *last, *t, *tag = NULL;

	/* Also guards toks == NULL: no pointer arithmetic on it. */
	if (p->linetok == p->ntoks)
		return;
	first = &p->toks[p->linetok];
	end = &p->toks[p->ntoks];
	for (t = first; t < end; t++) {
		if (t->kind == TOK_TEXT) {
			if (!all_blank(t->s, t->len))
				break;
		} else if (!can_stand_alone(t->kind) ||
		    (tag != NULL && !(is_inherit(tag) && is_inherit(t)))) {
			break;
		} else if (tag == NULL) {
			tag = t;
		}
	}
	p->linetok = p->ntoks;
	if (t != end || tag == NULL) {
		first->bol = true;
		return;
	}
	last = end - 1;
	for (t = first; t < end; t++) {
		t->removed = t->kind == TOK_TEXT;
		if (t->removed)
			continue;
		t->standalone = true;
		if (first->kind == TOK_TEXT) {
			t->indent = first->s;
			t->indentlen = first->len;
		}
		if (last->kind == TOK_TEXT && last->s[last->len - 1] == '\n') {
			t->eollen = last->len > 1 &&
			    last->s[last->len - 2] == '\r' ? 2 : 1;
			t->eol = last->s + last->len - t->eollen;
		}
	}
}

/* Adds src[off..to) as text tokens, one per line. */
static void
scan_text(struct parser *p, size_t to)
{
	while (p->off < to) {
		const char *s = p->src + p->off;
		const char *nl = memchr(s, '\n', to - p->off);
		size_t n = nl ? (size_t)(nl - s) + 1 : to - p->off;
		struct tok *t = push_tok(p, TOK_TEXT, p->off);

		t->s = s;
		t->len = n;
		advance(p, p->off + n);
		if (nl != NULL)
			end_line(p);
	}
}

/* The offset of the next `pre` (if not 0) immediately followed by ctag. */
static size_t
find_close(const struct parser *p, size_t from, char pre)
{
	size_t i;

	if (pre != 0)
		from++;
	for (i = from; i + p->clen <= p->len; i++) {
		if (p->src[i] != p->ctag[0] ||
		    memcmp(p->src + i, p->ctag, p->clen) != 0)
			continue;
		if (pre == 0)
			return i;
		if (p->src[i - 1] == pre)
			return i - 1;
	}
	return (size_t)-1;
}

static size_t
find_open(const struct parser *p)
{
	const char *s = p->src + p->off, *end = p->src + p->len;

	while ((s = memchr(s, p->otag[0], (size_t)(end - s))) != NULL) {
		if ((size_t)(end - s) >= p->olen &&
		    memcmp(s, p->otag, p->olen) == 0)
			return (size_t)(s - p->src);
		s++;
	}
	return p->len;
}

static enum tok_kind
sigil_kind(char c)
{
	switch (c) {
	case '#':
		return TOK_SECTION;
	case '^':
		return TOK_INVERTED;
	case '/':
		return TOK_CLOSE;
	case '!':
		return TOK_COMMENT;
	case '>':
		return TOK_PARTIAL;
	case '=':
		return TOK_DELIM;
	case '<':
		return TOK_PARENT;
	case '$':
		return TOK_BLOCK;
	default:
		return TOK_VAR;
	}
}

/* {{=<% %>=}}: two blank-separated delimiters without '='. */
static int
set_delims(struct parser *p, struct tok *t)
{
	const char *s = t->s, *end = t->s + t->len, *o, *c;
	size_t olen, clen;

	o = s;
	while (s < end && !is_space(*s) && *s != '=')
		s++;
	olen = (size_t)(s - o);
	while (s < end && is_space(*s))
		s++;
	c = s;
	while (s < end && !is_space(*s) && *s != '=')
		s++;
	clen = (size_t)(s - c);
	if (olen == 0 || clen == 0 || s != end || o + olen == c) {
		diag_error(p->d, &t->pos, "bad set-delimiter tag '%.*s'",
		    (int)t->len, t->s);
		return -1;
	}
	p->otag = o;
	p->olen = olen;
	p->ctag = c;
	p->clen = clen;
	return 0;
}

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && is_space(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && is_space((*s)[*n - 1]))
		(*n)--;
}

/*
 * Scans one tag at p->off.  Returns -1 when scanning cannot go on (the
 * tag never closes, or the delimiters are unknown from here).
 */
static int
scan_tag(struct parser *p)
{
	size_t start = p->off, body = start + p->olen, close, end;
	char sigil = body < p->len ? p->src[body] : 0, pre = 0;
	enum tok_kind kind = sigil_kind(sigil);
	struct tok *t = push_tok(p, kind, start);

	t->at = start;
	if (sigil == '{')
		pre = '}';
	else if (sigil == '=')
		pre = '=';
	if (kind != TOK_VAR || sigil == '{' || sigil == '&')
		body++;
	close = find_close(p, body, pre);
	if (close == (size_t)-1 || close < body) {
		diag_error(p->d, &t->pos, "unclosed tag");
		p->ntoks--;
		return -1;
	}
	end = close + p->clen + (pre != 0);
	t->raw = sigil == '{' || sigil == '&';
	t->s = p->src + body;
	t->len = close - body;
	trim(&t->s, &t->len);
	if (t->len == 0 && kind != TOK_COMMENT) {
		diag_error(p->d, &t->pos, kind == TOK_DELIM ?
		    "bad set-delimiter tag ''" : "empty tag name");
		p->failed = true;
		if (kind == TOK_DELIM)
			return -1;
	}
	if (kind == TOK_DELIM && t->len != 0 && set_delims(p, t) != 0)
		return -1;
	advance(p, end);
	return 0;
}

static int
scan(struct parser *p)
{
	size_t at;

	while (p->off < p->len) {
		at = find_open(p);
		scan_text(p, at);
		if (at == p->len)
			break;
		if (scan_tag(p) != 0)
			return -1;
	}
	end_line(p);
	return 0;
}

/* Fills n->name from s[0..len); "." and the @ names are special. */
static int
parse_name(struct parser *p, const struct tok *t, const char *s, size_t len,
    struct tname *n)
{
	static const struct {
		const char *s;
		enum tname_special special;
	} specials[] = {
		{ "@first", TNAME_FIRST },
		{ "@last", TNAME_LAST },
		{ "@index", TNAME_INDEX },
	};
	size_t i, k, from;

	n->s = s;
	n->len = len;
	if (len == 0)
		return -1;	/* scan_tag reported the empty tag */
	if (len == 1 && s[0] == '.') {
		n->special = TNAME_DOT;
		return 0;
	}
	for (i = 0; i < sizeof(specials) / sizeof(specials[0]); i++) {
		if (strlen(specials[i].s) == len &&
		    memcmp(specials[i].s, s, len) == 0) {
			n->special = specials[i].special;
			return 0;
		}
	}
	n->nparts = 1;
	for (i = 0; i < len; i++)
		n->nparts += s[i] == '.';
	n->parts = arena_array(p->a, n->nparts, sizeof(*n->parts));
	for (i = 0, k = 0, from = 0; i <= len; i++) {
		if (i < len && s[i] != '.')
			continue;
		if (i == from || s[0] == '@') {
			diag_error(p->d, &t->pos, "invalid name '%.*s'",
			    (int)len, s);
			return -1;
		}
		n->parts[k].s = s + from;
		n->parts[k].len = i - from;
		n->parts[k++].key = p->keys != NULL ?
		    keys_find(p->keys, s + from, i - from) : NULL;
		from = i + 1;
	}
	return 0;
}

/* Splits "name | f1 | f2" and looks the filters up. */
static int
parse_filters(struct parser *p, const struct tok *t, struct tnode *n)
{
	const char *s = t->s, *end = t->s + t->len, *bar, *f;
	size_t count = 0, flen, nlen;
	int rc = 0;

	for (bar = s; bar < end; bar++)
		count += *bar == '|';
	bar = memchr(s, '|', t->len);
	nlen = bar ? (size_t)(bar - s) : t->len;
	trim(&s, &nlen);
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
		trim(&f, &flen);
		if (filter_find(f, flen, &n->filters[n->nfilters++]) == 0)
			continue;
		rc = report_filter(p, t, f, flen);
	}
	return rc;
}

/* The position of src + o inside tag t (tags may span lines). */
static struct srcpos
pos_in_tag(const struct parser *p, const struct tok *t, size_t o)
{
	struct srcpos pos = t->pos;
	size_t i;

	for (i = t->at; i < o; i++) {
		if (p->src[i] == '\n') {
			pos.line++;
			pos.col = 1;
		} else {
			pos.col++;
		}
	}
	return pos;
}

static int
report_filter(struct parser *p, const struct tok *t, const char *f,
    size_t n)
{
	struct srcpos pos = pos_in_tag(p, t, (size_t)(f - p->src));
	const char *near = filter_suggest(f, n);

	if (n == 0)
		diag_error(p->d, &pos, "empty filter name");
	else if (near != NULL)
		diag_error(p->d, &pos,
		    "unknown filter '%.*s'; did you mean '%s'?", (int)n, f,
		    near);
	else
		diag_error(p->d, &pos, "unknown filter '%.*s'", (int)n, f);
	return -1;
}

static struct tnode *
add_node(struct parser *p, struct tnode *parent, enum tnode_kind kind,
    const struct tok *t)
{
	struct tnode *n = arena_alloc(p->a, sizeof(*n));

	n->kind = kind;
	n->pos = t->pos;
	n->parent = parent;
	n->bol = t->bol;
	/* The renderer writes a section of text alone without a frame. */
	if (kind != TNODE_TEXT)
		parent->tags = true;
	if (parent->last != NULL)
		parent->last->next = n;
	else
		parent->child = n;
	parent->last = n;
	return n;
}

/* Partial and parent names: literal, or "*dotted.name" looked up. */
static int
partial_name(struct parser *p, const struct tok *t, struct tnode *n)
{
	const char *s = t->s;
	size_t len = t->len;

	n->standalone = t->standalone;
	n->indent = t->indent;
	n->indentlen = t->indentlen;
	if (len > 0 && s[0] == '*') {
		n->dynamic = true;
		s++;
		len--;
		trim(&s, &len);
		if (len == 0) {
			diag_error(p->d, &t->pos, "empty name after '*'");
			return -1;
		}
		return parse_name(p, t, s, len, &n->name);
	}
	n->name.s = s;
	n->name.len = len;
	return 0;
}

static enum tnode_kind
node_kind(enum tok_kind k)
{
	switch (k) {
	case TOK_SECTION:
		return TNODE_SECTION;
	case TOK_INVERTED:
		return TNODE_INVERTED;
	case TOK_PARENT:
		return TNODE_PARENT;
	case TOK_BLOCK:
		return TNODE_BLOCK;
	case TOK_PARTIAL:
		return TNODE_PARTIAL;
	case TOK_VAR:
		return TNODE_VAR;
	case TOK_TEXT:
	case TOK_CLOSE:
	case TOK_COMMENT:
	case TOK_DELIM:
		break;
	}
	return TNODE_TEXT;
}

/* What messages call an open container. */
static const char *
kind_word(enum tnode_kind k)
{
	switch (k) {
	case TNODE_PARENT:
		return "parent";
	case TNODE_BLOCK:
		return "block";
	case TNODE_ROOT:
	case TNODE_TEXT:
	case TNODE_VAR:
	case TNODE_SECTION:
	case TNODE_INVERTED:
	case TNODE_PARTIAL:
		break;
	}
	return "section";
}

/* Whether the closing tag s closes n; a dynamic parent needs the star. */
static bool
closes(const struct tnode *n, const char *s, size_t len)
{
	if (n->dynamic) {
		if (len == 0 || s[0] != '*')
			return false;
		s++;
		len--;
		trim(&s, &len);
	}
	/* After an empty-name error, name.s may be NULL. */
	return n->name.len == len &&
	    (len == 0 || memcmp(n->name.s, s, len) == 0);
}

/*
 * Pops the section that t closes.  A close matching a section further
 * down the stack closes the ones above it too, after one error, so that
 * a single typo does not cascade into a report per line.
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
	diag_note(p->d, &top->pos, "%s '%s%.*s' opened here",
	    kind_word(top->kind), top->dynamic ? "*" : "",
	    (int)top->name.len, top->name.s);
	for (k = depth; k > 0; k--)
		if (closes(stack[k], t->s, t->len))
			return k - 1;
	/* Most likely a misspelt close: take it as closing the top. */
	return depth - 1;
}

static void
report_unclosed(struct parser *p, struct tnode **stack, size_t depth)
{
	struct srcpos end = pos_at(p, p->len);

	for (; depth > 0; depth--) {
		const struct tnode *n = stack[depth];
		const char *star = n->dynamic ? "*" : "";

		diag_error(p->d, &end, "%s '%s%.*s' is never closed",
		    kind_word(n->kind), star, (int)n->name.len, n->name.s);
		diag_note(p->d, &n->pos, "%s '%s%.*s' opened here",
		    kind_word(n->kind), star, (int)n->name.len, n->name.s);
	}
}

/* Adds the node for token t under parent; returns it, or NULL. */
static struct tnode *
build_one(struct parser *p, const struct tok *t, struct tnode *parent)
{
	struct tnode *n = add_node(p, parent, node_kind(t->kind), t);
	int rc = 0;

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
		n->standalone = t->standalone;
		n->indent = t->indent;
		n->indentlen = t->indentlen;
		/* FALLTHROUGH */
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

static bool
opens(enum tok_kind k)
{
	return k == TOK_SECTION || k == TOK_INVERTED || k == TOK_PARENT ||
	    k == TOK_BLOCK;
}

/* Narrows m to the blanks it shares with s[0..len). */
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
		if (t->kind == TOK_PARTIAL || t->kind == TOK_PARENT)
			narrow(m, t->indent, t->indentlen);
		return;
	}
	if (!t->bol)
		return;
	if (t->kind != TOK_TEXT) {
		narrow(m, NULL, 0);
		return;
	}
	if (!all_blank(t->s, t->len))
		while (is_blank(t->s[k]))
			k++;
	else if (t->s[t->len - 1] == '\n' || i + 1 == p->ntoks)
		return;		/* a blank line */
	else
		k = t->len;	/* blanks, then a tag */
	narrow(m, t->s, k);
}

/*
 * Ends container stack[depth], closed by t (NULL after an error): a
 * block learns its margins, and the lines it holds count for the
 * container around it, unless either is a parent tag, whose lines are
 * not rendered where they stand.
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
		if (!opens(t->kind))
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
	struct parser p;
	struct tmpl *t;
	int rc;

	memset(&p, 0, sizeof(p));
	p.a = a;
	p.keys = keys;
	p.d = d;
	p.path = path;
	p.src = text;
	p.len = len;
	p.line = 1;
	p.otag = "{{";
	p.ctag = "}}";
	p.olen = p.clen = 2;
	t = arena_alloc(a, sizeof(*t));
	t->path = path;
	t->root = arena_alloc(a, sizeof(*t->root));
	t->root->kind = TNODE_ROOT;
	t->root->pos.file = path;
	t->root->pos.line = t->root->pos.col = 1;
	rc = scan(&p);
	if (build(&p, t->root) != 0)
		rc = -1;
	free(p.toks);
	if (rc != 0 || p.failed)
		return -1;
	*out = t;
	return 0;
}

/* The node after n in a walk of the whole tree, or NULL at the end. */
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
tmpl_refs(const struct tmpl *t, void (*key)(void *, const char *),
    void (*partial)(void *, const char *, size_t, bool), void *ctx)
{
	const struct tnode *n;
	size_t i;

	for (n = t->root; n != NULL; n = next_node(n)) {
		bool named = n->kind == TNODE_PARTIAL || n->kind == TNODE_PARENT;

		if (named && partial != NULL)
			partial(ctx, n->name.s, n->name.len, n->dynamic);
		/* Partials and blocks are named, not looked up. */
		if (key == NULL || ((named || n->kind == TNODE_BLOCK) &&
		    !n->dynamic))
			continue;
		for (i = 0; i < n->name.nparts; i++)
			if (n->name.parts[i].key != NULL)
				key(ctx, n->name.parts[i].key);
	}
}

static bool
is_container(enum tnode_kind k)
{
	return k == TNODE_ROOT || k == TNODE_SECTION || k == TNODE_INVERTED ||
	    k == TNODE_PARENT || k == TNODE_BLOCK;
}

static bool
node_ok(const struct tnode *n, const struct tnode *parent)
{
	if (n->parent != parent || n->pos.line == 0 || n->pos.col == 0)
		return false;
	if (n->child != NULL && !is_container(n->kind))
		return false;
	if (n->kind != TNODE_TEXT && !parent->tags)
		return false;
	if (n->kind != TNODE_TEXT)
		return true;
	/* Text ends at its first line break, if it holds one. */
	return memchr(n->text, '\n', n->len) == NULL ||
	    memchr(n->text, '\n', n->len) == n->text + n->len - 1;
}

bool
tmpl_check(const struct tmpl *t)
{
	const struct tnode *n, *parent;

	if (t == NULL || t->root == NULL || t->root->kind != TNODE_ROOT)
		return false;
	/* Threaded walk through parent links: no stack, no recursion. */
	parent = t->root;
	n = t->root->child;
	while (n != NULL) {
		if (!node_ok(n, parent))
			return false;
		if (n->child != NULL) {
			parent = n;
			n = n->child;
			continue;
		}
		while (n->next == NULL && parent != t->root) {
			n = parent;
			parent = n->parent;
		}
		n = n->next;
	}
	return true;
}
