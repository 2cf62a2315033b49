#include "case.h"

#include <stdbool.h>
#include <string.h>

/* Go's initialisms (the list golint used), compared without case. */
static const char *const initialisms[] = {
	"ACL", "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML",
	"HTTP", "HTTPS", "ID", "IP", "JSON", "QPS", "RAM", "RPC", "SLA",
	"SMTP", "SQL", "SSH", "TCP", "TLS", "TTL", "UDP", "UI", "UID", "UUID",
	"URI", "URL", "UTF8", "VM", "XML", "XMPP", "XSRF", "XSS"
};
#define INITIALISM_MAX	5	/* the longest above */
/* Their first letters: most words start with another, ruled out at once. */
#define INITIALS	"ACDEGHIJQRSTUVX"

/* How a word is spelt; W_GO: an initialism in upper case, else title. */
enum wcase { W_LOWER, W_UPPER, W_TITLE, W_GO };

/* Each case: words joined by sep (0: none), or the whole text as is. */
static const struct {
	const char *name;
	char sep;
	bool whole;
	enum wcase first, rest;
} cases[CASE_N] = {
	[CASE_SNAKE] = { "snake", '_', false, W_LOWER, W_LOWER },
	[CASE_UPPER_SNAKE] = { "upper_snake", '_', false, W_UPPER, W_UPPER },
	[CASE_KEBAB] = { "kebab", '-', false, W_LOWER, W_LOWER },
	[CASE_CAMEL] = { "camel", 0, false, W_LOWER, W_GO },
	[CASE_PASCAL] = { "pascal", 0, false, W_GO, W_GO },
	[CASE_UPPER_CAMEL] = { "upper_camel", 0, false, W_TITLE, W_TITLE },
	[CASE_LOWER] = { "lower", 0, true, W_LOWER, W_LOWER },
	[CASE_UPPER] = { "upper", 0, true, W_UPPER, W_UPPER }
};

/* Plain comparisons rather than <ctype.h>, whose answers follow locale. */
#define is_upper(c)	((c) >= 'A' && (c) <= 'Z')
#define is_lower(c)	((c) >= 'a' && (c) <= 'z')
#define is_lower_or_digit(c)	(is_lower(c) || ((c) >= '0' && (c) <= '9'))
#define is_sep(c)	((c) == '_' || (c) == '-' || (c) == ' ' || (c) == '.')
#define to_upper(c)	(is_lower(c) ? (char)((c) - 'a' + 'A') : (c))
#define to_lower(c)	(is_upper(c) ? (char)((c) - 'A' + 'a') : (c))

/* Sets *start and *pos around the next word from *pos (see case.h). */
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
		if (is_lower_or_digit(s[i]))
			continue;
		if (is_sep(s[i]))
			break;
		if (is_upper(s[i]) && (is_lower_or_digit(s[i - 1]) ||
		    (is_upper(s[i - 1]) && i + 1 < len && is_lower(s[i + 1]))))
			break;
	}
	*pos = i;
	return true;
}

/* Called for every word of every name: most fail on length or letter. */
static bool
is_initialism(const char *w, size_t n)
{
	size_t i, k;
	char c;

	if (n < 2 || n > INITIALISM_MAX)
		return false;
	c = to_upper(w[0]);
	if (!is_upper(c) || strchr(INITIALS, c) == NULL)
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
static inline char *
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

const char *
case_name(enum case_id id)
{
	return cases[id].name;
}

/* Words go straight into room made once: a separator per byte at most. */
void
case_apply(struct buf *out, enum case_id id, const char *s, size_t len)
{
	size_t pos = 0, start, nword = 0;
	char *p;

	buf_grow(out, 2 * len);
	p = out->ptr + out->len;
	if (cases[id].whole) {
		p = add_word(p, s, len, cases[id].first);
		pos = len;
	}
	for (; next_word(s, len, &pos, &start); nword++) {
		if (nword > 0 && cases[id].sep != 0)
			*p++ = cases[id].sep;
		p = add_word(p, s + start, pos - start,
		    nword == 0 ? cases[id].first : cases[id].rest);
	}
	out->len = (size_t)(p - out->ptr);
	out->ptr[out->len] = '\0';
}
