#include "filter.h"

#include <string.h>

/* Longest filter name, plus one; sizes the rows of the distance table. */
#define NAME_MAX_LEN 16

static const struct {
	const char *name;
	enum filter_id id;
} names[] = {
	{ "snake", FILTER_SNAKE }, { "upper_snake", FILTER_UPPER_SNAKE },
	{ "kebab", FILTER_KEBAB }, { "camel", FILTER_CAMEL },
	{ "pascal", FILTER_PASCAL }, { "upper_camel", FILTER_UPPER_CAMEL },
	{ "lower", FILTER_LOWER },
	{ "upper", FILTER_UPPER }, { "comment", FILTER_COMMENT }
};

#define NNAMES (sizeof(names) / sizeof(names[0]))

/* Go's initialisms (the list golint used), compared without case. */
static const char *const initialisms[] = {
	"ACL", "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML",
	"HTTP", "HTTPS", "ID", "IP", "JSON", "QPS", "RAM", "RPC", "SLA",
	"SMTP", "SQL", "SSH", "TCP", "TLS", "TTL", "UDP", "UI", "UID", "UUID",
	"URI", "URL", "UTF8", "VM", "XML", "XMPP", "XSRF", "XSS"
};
#define INITIALISM_MAX	5	/* the longest above */
/*
 * The letters they start with, as a mask: most words start with
 * another, and are ruled out at once.
 */
#define BIT(c)		(1ul << ((c) - 'A'))
#define INITIALS	(BIT('A') | BIT('C') | BIT('D') | BIT('E') | \
			 BIT('G') | BIT('H') | BIT('I') | BIT('J') | \
			 BIT('Q') | BIT('R') | BIT('S') | BIT('T') | \
			 BIT('U') | BIT('V') | BIT('X'))

enum wcase { W_LOWER, W_UPPER, W_TITLE, W_GO };

static bool is_upper(char c);
static bool is_lower(char c);
static bool is_digit(char c);
static bool is_sep(char c);
static char to_upper(char c);
static char to_lower(char c);
static bool is_boundary(const char *s, size_t len, size_t i);
static bool next_word(const char *s, size_t len, size_t *pos,
    size_t *start);
static bool is_initialism(const char *w, size_t n);
static char *add_word(char *p, const char *w, size_t n, enum wcase wc);
static void join(struct buf *out, const char *s, size_t len, int sep,
    enum wcase first, enum wcase rest);
static void add_case(struct buf *out, const char *s, size_t len,
    bool upper);
static size_t distance(const char *a, size_t alen, const char *b);

/* Plain comparisons rather than <ctype.h>, whose answers follow locale. */
static bool
is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool
is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_sep(char c)
{
	return c == '_' || c == '-' || c == ' ' || c == '.';
}

static char
to_upper(char c)
{
	return is_lower(c) ? (char)(c - 'a' + 'A') : c;
}

static char
to_lower(char c)
{
	return is_upper(c) ? (char)(c - 'A' + 'a') : c;
}

/*
 * A word starts at an upper-case letter after a lower-case letter or a
 * digit ("notFound", "http2Server"), and at the last capital of a run
 * that goes on in lower case ("HTTPVersion").  Digits never start one.
 */
static bool
is_boundary(const char *s, size_t len, size_t i)
{
	if (!is_upper(s[i]))
		return false;
	if (is_lower(s[i - 1]) || is_digit(s[i - 1]))
		return true;
	return is_upper(s[i - 1]) && i + 1 < len && is_lower(s[i + 1]);
}

/*
 * Finds the next word at or after *pos: sets *start to its first byte and
 * *pos just past it.  Returns false when no word is left.
 */
static bool
next_word(const char *s, size_t len, size_t *pos, size_t *start)
{
	size_t i = *pos;

	while (i < len && is_sep(s[i]))
		i++;
	if (i == len)
		return false;
	*start = i;
	for (i++; i < len; i++) {
		/* Most bytes are lower case or digits, which go on a word. */
		if (is_lower(s[i]) || is_digit(s[i]))
			continue;
		if (is_sep(s[i]) || is_boundary(s, len, i))
			break;
	}
	*pos = i;
	return true;
}

static bool
is_initialism(const char *w, size_t n)
{
	size_t i, k;
	char c;

	/*
	 * Called for every word of every name: no strlen per candidate, and
	 * most words are ruled out by their length or first letter.
	 */
	if (n < 2 || n > INITIALISM_MAX)
		return false;
	c = to_upper(w[0]);
	if (!is_upper(c) || (INITIALS & BIT(c)) == 0)
		return false;
	for (i = 0; i < sizeof(initialisms) / sizeof(initialisms[0]); i++) {
		const char *p = initialisms[i];

		if (p[0] != c)
			continue;
		for (k = 1; k < n && p[k] != '\0' && to_upper(w[k]) == p[k];
		    k++)
			;
		if (k == n && p[n] == '\0')
			return true;
	}
	return false;
}

/* Writes word w[0..n) at p in case wc; returns the end. */
static char *
add_word(char *p, const char *w, size_t n, enum wcase wc)
{
	size_t i = 0;

	if (wc == W_GO)
		wc = is_initialism(w, n) ? W_UPPER : W_TITLE;
	if (wc == W_TITLE && n > 0)
		p[i++] = to_upper(w[0]);
	if (wc == W_UPPER)
		for (; i < n; i++)
			p[i] = to_upper(w[i]);
	else
		for (; i < n; i++)
			p[i] = to_lower(w[i]);
	return p + n;
}

/*
 * Writes the words of s, the first in case first, the others in rest.
 * Ids are converted by the hundred thousand in a big registry: the
 * words go straight into room made once (a separator per byte at most).
 */
static void
join(struct buf *out, const char *s, size_t len, int sep, enum wcase first,
    enum wcase rest)
{
	size_t pos = 0, start, nword = 0;
	char *p;

	buf_grow(out, 2 * len);
	p = out->ptr + out->len;
	while (next_word(s, len, &pos, &start)) {
		if (nword > 0 && sep != 0)
			*p++ = (char)sep;
		p = add_word(p, s + start, pos - start,
		    nword == 0 ? first : rest);
		nword++;
	}
	out->len = (size_t)(p - out->ptr);
	out->ptr[out->len] = '\0';
}

static void
add_case(struct buf *out, const char *s, size_t len, bool upper)
{
	size_t i;
	char *p;

	buf_grow(out, len);
	p = out->ptr + out->len;
	for (i = 0; i < len; i++)
		p[i] = upper ? to_upper(s[i]) : to_lower(s[i]);
	out->len += len;
	out->ptr[out->len] = '\0';
}

int
filter_find(const char *name, size_t len, enum filter_id *id)
{
	size_t i;

	for (i = 0; i < NNAMES; i++) {
		if (strlen(names[i].name) == len &&
		    memcmp(names[i].name, name, len) == 0) {
			*id = names[i].id;
			return 0;
		}
	}
	return -1;
}

const char *
filter_name(enum filter_id id)
{
	switch (id) {
	case FILTER_SNAKE:
		return "snake";
	case FILTER_UPPER_SNAKE:
		return "upper_snake";
	case FILTER_KEBAB:
		return "kebab";
	case FILTER_CAMEL:
		return "camel";
	case FILTER_PASCAL:
		return "pascal";
	case FILTER_UPPER_CAMEL:
		return "upper_camel";
	case FILTER_LOWER:
		return "lower";
	case FILTER_UPPER:
		return "upper";
	case FILTER_COMMENT:
		return "comment";
	}
	return "?";
}

/*
 * Optimal string alignment distance (Levenshtein plus swapping two
 * neighbours), keeping three rows over b, which is a filter name and so
 * short; a, from the template, may be of any length.
 */
static size_t
distance(const char *a, size_t alen, const char *b)
{
	size_t rows[3][NAME_MAX_LEN];
	size_t blen = strlen(b), i, j, best, *pp, *p, *c;

	for (j = 0; j <= blen; j++)
		rows[0][j] = j;
	for (i = 1; i <= alen; i++) {
		pp = rows[(i + 1) % 3], p = rows[(i + 2) % 3], c = rows[i % 3];
		c[0] = i;
		for (j = 1; j <= blen; j++) {
			best = p[j - 1] + (a[i - 1] != b[j - 1]);
			if (p[j] + 1 < best)
				best = p[j] + 1;
			if (c[j - 1] + 1 < best)
				best = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < best)
				best = pp[j - 2] + 1;
			c[j] = best;
		}
	}
	return rows[alen % 3][blen];
}

const char *
filter_suggest(const char *name, size_t len)
{
	size_t i, d, n, limit = len / 3 > 2 ? len / 3 : 2;
	size_t best = limit + 1;
	const char *found = NULL;

	for (i = 0; i < NNAMES; i++) {
		/* The lengths alone bound the distance from below. */
		n = strlen(names[i].name);
		if (len > n + limit || n > len + limit)
			continue;
		d = distance(name, len, names[i].name);
		if (d < best) {
			best = d;
			found = names[i].name;
		}
	}
	return found;
}

bool
filter_apply(struct buf *out, enum filter_id id, enum escape_mode mode,
    const char *s, size_t len)
{
	return filter_apply_table(out, id, mode, NULL, s, len);
}

bool
filter_apply_table(struct buf *out, enum filter_id id, enum escape_mode mode,
    const struct escape_table *table, const char *s, size_t len)
{
	switch (id) {
	case FILTER_SNAKE:
		join(out, s, len, '_', W_LOWER, W_LOWER);
		break;
	case FILTER_UPPER_SNAKE:
		join(out, s, len, '_', W_UPPER, W_UPPER);
		break;
	case FILTER_KEBAB:
		join(out, s, len, '-', W_LOWER, W_LOWER);
		break;
	case FILTER_CAMEL:
		join(out, s, len, 0, W_LOWER, W_GO);
		break;
	case FILTER_PASCAL:
		join(out, s, len, 0, W_GO, W_GO);
		break;
	case FILTER_UPPER_CAMEL:
		join(out, s, len, 0, W_TITLE, W_TITLE);
		break;
	case FILTER_LOWER:
		add_case(out, s, len, false);
		break;
	case FILTER_UPPER:
		add_case(out, s, len, true);
		break;
	case FILTER_COMMENT:
		escape_comment_by(out, mode, table, s, len);
		return true;
	}
	return false;
}
