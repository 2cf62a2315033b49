/*
 * The YAML 1.2 core schema for scalars: what a plain scalar means, and
 * what an explicit tag makes of any scalar.  Split from load.c, which
 * turns the event stream into a tree.
 */
#include "load.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"

#define TAG_PREFIX	"tag:yaml.org,2002:"
#define QUOTE_MAX	60	/* bytes of a value quoted in a message */

enum num { NUM_OK, NUM_SYNTAX, NUM_RANGE };

static bool eq(const char *, size_t, const char *);
static bool is_null(const char *, size_t);
static int parse_bool(const char *, size_t, bool *);
static int digit(int);
static enum num parse_int(const char *, size_t, long long *);
static size_t skip_digits(const char *, size_t, size_t);
static enum num parse_float(const char *, size_t, double *);

/* Shows "tag:yaml.org,2002:foo" as it is usually written, "!!foo". */
const char *
load_show_tag(const char *tag, char *buf, size_t size)
{
	const char *bang = "";

	if (strncmp(tag, TAG_PREFIX, sizeof(TAG_PREFIX) - 1) == 0) {
		tag += sizeof(TAG_PREFIX) - 1;
		bang = "!!";
	}
	snprintf(buf, size, "%s%.*s", bang, load_quote_len(tag, strlen(tag)),
	    tag);
	return buf;
}

/* How much of a value to quote: at most QUOTE_MAX bytes, whole chars. */
int
load_quote_len(const char *s, size_t len)
{
	size_t n = len < QUOTE_MAX ? len : QUOTE_MAX;

	while (n < len && n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

/* Compares by length: a quoted scalar may hold NUL bytes. */
static bool
eq(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

static bool
is_null(const char *s, size_t n)
{
	return n == 0 || eq(s, n, "~") || eq(s, n, "null") ||
	    eq(s, n, "Null") || eq(s, n, "NULL");
}

/* Returns 1 and sets *b for a core-schema bool, else 0. */
static int
parse_bool(const char *s, size_t n, bool *b)
{
	if (eq(s, n, "true") || eq(s, n, "True") || eq(s, n, "TRUE"))
		*b = true;
	else if (eq(s, n, "false") || eq(s, n, "False") ||
	    eq(s, n, "FALSE"))
		*b = false;
	else
		return 0;
	return 1;
}

static int
digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/* [-+]?[0-9]+, 0o[0-7]+ or 0x[0-9a-fA-F]+, within long long. */
static enum num
parse_int(const char *s, size_t n, long long *out)
{
	unsigned long long acc = 0, lim = LLONG_MAX;
	unsigned base = 10;
	bool neg = false, over = false;
	size_t i = 0;

	if (n > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
		base = s[1] == 'o' ? 8 : 16;
		i = 2;
	} else if (n > 0 && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		lim = (unsigned long long)LLONG_MAX + 1;
		i = 1;
	}
	if (i == n)
		return NUM_SYNTAX;
	for (; i < n; i++) {
		unsigned dv = (unsigned)digit((unsigned char)s[i]);

		if (dv >= base)
			return NUM_SYNTAX;
		if (acc > (lim - dv) / base)
			over = true;	/* keep checking the syntax */
		else
			acc = acc * base + dv;
	}
	if (over)
		return NUM_RANGE;
	if (neg)
		*out = acc > LLONG_MAX ? LLONG_MIN : -(long long)acc;
	else
		*out = (long long)acc;
	return NUM_OK;
}

static size_t
skip_digits(const char *s, size_t i, size_t n)
{
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

/*
 * [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?, [-+]?\.inf, \.nan.
 * The syntax is checked here, so strtod sees only plain decimal numbers;
 * gen never calls setlocale, so strtod's decimal point is the "C" one.
 */
static enum num
parse_float(const char *s, size_t n, double *out)
{
	char tmp[64], *copy = tmp;
	size_t i = 0, j;
	bool neg = n > 0 && s[0] == '-';

	if (n > 0 && (s[0] == '-' || s[0] == '+'))
		i = 1;
	if (eq(s + i, n - i, ".inf") || eq(s + i, n - i, ".Inf") ||
	    eq(s + i, n - i, ".INF")) {
		*out = neg ? -HUGE_VAL : HUGE_VAL;
		return NUM_OK;
	}
	if (eq(s, n, ".nan") || eq(s, n, ".NaN") || eq(s, n, ".NAN")) {
		*out = NAN;
		return NUM_OK;
	}
	j = skip_digits(s, i, n);
	if (j < n && s[j] == '.') {
		size_t k = skip_digits(s, j + 1, n);

		if (j == i && k == j + 1)
			return NUM_SYNTAX;	/* "." alone */
		j = k;
	} else if (j == i) {
		return NUM_SYNTAX;
	}
	if (j < n && (s[j] == 'e' || s[j] == 'E')) {
		size_t k = j + 1;

		if (k < n && (s[k] == '-' || s[k] == '+'))
			k++;
		j = skip_digits(s, k, n);
		if (j == k)
			return NUM_SYNTAX;
	}
	if (j != n)
		return NUM_SYNTAX;
	/* The text may be libyaml's own (see load.c): strtod gets a copy. */
	if (n < sizeof(tmp)) {
		memcpy(tmp, s, n);
		tmp[n] = '\0';
	} else {
		copy = xstrndup(s, n);
	}
	errno = 0;
	*out = strtod(copy, NULL);
	if (copy != tmp)
		free(copy);
	if (errno == ERANGE && isinf(*out))
		return NUM_RANGE;
	return NUM_OK;
}

/* Core schema for an untagged plain scalar; false after an error. */
bool
load_resolve_plain(struct value *v, const struct srcpos *pos,
    struct diag *d)
{
	enum num r;

	if (is_null(v->str, v->len)) {
		v->kind = VALUE_NULL;
	} else if (parse_bool(v->str, v->len, &v->u.b)) {
		v->kind = VALUE_BOOL;
	} else if ((r = parse_int(v->str, v->len, &v->u.i)) != NUM_SYNTAX) {
		v->kind = VALUE_INT;
		if (r == NUM_RANGE) {
			diag_error(d, pos, "integer out of range");
			return false;
		}
	} else if ((r = parse_float(v->str, v->len, &v->u.f)) != NUM_SYNTAX) {
		v->kind = VALUE_FLOAT;
		if (r == NUM_RANGE) {
			diag_error(d, pos, "number out of range");
			return false;
		}
	}
	return true;
}

/* Applies an explicit tag to a scalar, reporting values that do not fit. */
void
load_resolve_tagged(struct value *v, const char *tag,
    const struct srcpos *pos, struct diag *d)
{
	const char *t = tag + sizeof(TAG_PREFIX) - 1;
	enum num r = NUM_SYNTAX;
	char show[LOAD_TAG_SHOW];

	if (strcmp(tag, "!") == 0 || strcmp(tag, TAG_PREFIX "str") == 0)
		return;
	if (strncmp(tag, TAG_PREFIX, sizeof(TAG_PREFIX) - 1) != 0) {
		t = "";		/* no core tag */
	} else if (strcmp(t, "null") == 0) {
		v->kind = VALUE_NULL;
		r = is_null(v->str, v->len) ? NUM_OK : NUM_SYNTAX;
	} else if (strcmp(t, "bool") == 0) {
		v->kind = VALUE_BOOL;
		r = parse_bool(v->str, v->len, &v->u.b) ? NUM_OK : NUM_SYNTAX;
	} else if (strcmp(t, "int") == 0) {
		v->kind = VALUE_INT;
		r = parse_int(v->str, v->len, &v->u.i);
	} else if (strcmp(t, "float") == 0) {
		/* Decimal integers are floats already; 0x and 0o are not. */
		v->kind = VALUE_FLOAT;
		r = parse_float(v->str, v->len, &v->u.f);
		if (r == NUM_SYNTAX &&
		    (r = parse_int(v->str, v->len, &v->u.i)) == NUM_OK)
			v->u.f = (double)v->u.i;
	} else {
		t = "";
	}
	load_show_tag(tag, show, sizeof(show));
	if (*t == '\0')
		diag_error(d, pos, "unsupported tag '%s'", show);
	else if (r == NUM_RANGE)
		diag_error(d, pos, "%s out of range",
		    v->kind == VALUE_INT ? "integer" : "number");
	else if (r == NUM_SYNTAX)
		diag_error(d, pos, "invalid %s value '%.*s'", show,
		    load_quote_len(v->str, v->len), v->str);
}
