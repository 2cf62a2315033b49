#include "tmpl_int.h"

#include <string.h>

#include "base/xmalloc.h"

/* Tokens first, tree after (parse.c): standalone needs a line of tokens. */

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

struct srcpos
tmpl_pos_at(const char *src, struct srcpos pos, size_t from, size_t o)
{
	for (; from < o; from++) {
		if (src[from] == '\n') {
			pos.line++;
			pos.col = 1;
		} else {
			pos.col++;
		}
	}
	return pos;
}

static void
advance(struct parser *p, size_t to)
{
	const char *s = p->src + p->off, *end = p->src + to, *nl;

	while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		p->lpos.line++;
		s = nl + 1;
		p->linestart = (size_t)(s - p->src);
	}
	p->off = to;
}

static struct tok *
push_tok(struct parser *p, int kind, size_t at)
{
	struct tok *t;

	p->toks = xgrow(p->toks, &p->cap, p->ntoks, sizeof(*p->toks));
	t = &p->toks[p->ntoks++];
	*t = (struct tok){ .kind = kind,
	    .pos = tmpl_pos_at(p->src, p->lpos, p->linestart, at) };
	return t;
}

/* Inheritance tags may share a standalone line: {{<p}}{{/p}}. */
static bool
is_inherit(const struct tok *t)
{
	return t->kind == TNODE_PARENT || t->kind == TNODE_BLOCK ||
	    t->kind == TOK_CLOSE;
}

bool
tmpl_all_blank(const char *s, size_t n)
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
 * The spec's standalone rule: a line of one non-variable tag and blanks
 * disappears whole.  A partial keeps the blanks to indent its lines; a
 * block keeps them and the line break, to re-indent and end its lines.
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
		if (t->kind == TNODE_TEXT) {
			if (!tmpl_all_blank(t->s, t->len))
				break;
		} else if (t->kind == TNODE_VAR ||
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
		t->removed = t->kind == TNODE_TEXT;
		if (t->removed)
			continue;
		t->standalone = true;
		if (first->kind == TNODE_TEXT) {
			t->indent = first->s;
			t->indentlen = first->len;
		}
		if (last->kind == TNODE_TEXT &&
		    last->s[last->len - 1] == '\n') {
			t->eollen = last->len > 1 &&
			    last->s[last->len - 2] == '\r' ? 2 : 1;
			t->eol = last->s + last->len - t->eollen;
		}
	}
}

static void
scan_text(struct parser *p, size_t to)
{
	while (p->off < to) {
		const char *s = p->src + p->off;
		const char *nl = memchr(s, '\n', to - p->off);
		size_t n = nl ? (size_t)(nl - s) + 1 : to - p->off;
		struct tok *t = push_tok(p, TNODE_TEXT, p->off);

		t->s = s;
		t->len = n;
		advance(p, p->off + n);
		if (nl != NULL)
			end_line(p);
	}
}

static size_t
find(const struct parser *p, size_t from, const char *tag, size_t len)
{
	const char *s, *end = p->src + p->len;

	if (from >= p->len)	/* a tag's body may start past the end */
		return p->len;
	for (s = p->src + from;
	    (s = memchr(s, tag[0], (size_t)(end - s))) != NULL; s++)
		if ((size_t)(end - s) >= len && memcmp(s, tag, len) == 0)
			return (size_t)(s - p->src);
	return p->len;
}

/* The offset of the next `pre` (if not 0) immediately followed by ctag. */
static size_t
find_close(const struct parser *p, size_t from, char pre)
{
	size_t i;

	if (pre != 0)
		from++;
	for (i = from; (i = find(p, i, p->ctag, p->clen)) < p->len; i++)
		if (pre == 0 || p->src[i - 1] == pre)
			return pre == 0 ? i : i - 1;
	return (size_t)-1;
}

static int
sigil_kind(char c)
{
	static const char sigils[] = "#^/!>=<$";
	static const int kinds[] = {
		TNODE_SECTION, TNODE_INVERTED, TOK_CLOSE, TOK_COMMENT,
		TNODE_PARTIAL, TOK_DELIM, TNODE_PARENT, TNODE_BLOCK
	};
	const char *k = c != '\0' ? strchr(sigils, c) : NULL;

	return k != NULL ? kinds[k - sigils] : TNODE_VAR;
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

void
tmpl_trim(const char **s, size_t *n)
{
	while (*n > 0 && is_space(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && is_space((*s)[*n - 1]))
		(*n)--;
}

static int
scan_tag(struct parser *p)
{
	size_t start = p->off, body = start + p->olen, close, end;
	char sigil = body < p->len ? p->src[body] : 0;
	char pre = sigil == '{' ? '}' : sigil == '=' ? '=' : 0;
	int kind = sigil_kind(sigil);
	struct tok *t = push_tok(p, kind, start);

	t->at = start;
	t->raw = sigil == '{' || sigil == '&';
	if (kind != TNODE_VAR || t->raw)
		body++;
	close = find_close(p, body, pre);
	if (close == (size_t)-1 || close < body) {
		diag_error(p->d, &t->pos, "unclosed tag");
		p->ntoks--;
		return -1;
	}
	end = close + p->clen + (pre != 0);
	t->s = p->src + body;
	t->len = close - body;
	tmpl_trim(&t->s, &t->len);
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

int
tmpl_scan(struct parser *p)
{
	size_t at;

	while (p->off < p->len) {
		at = find(p, p->off, p->otag, p->olen);
		scan_text(p, at);
		if (at == p->len)
			break;
		if (scan_tag(p) != 0)
			return -1;
	}
	end_line(p);
	return 0;
}

