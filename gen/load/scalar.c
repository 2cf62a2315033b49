/* The YAML 1.2 core schema: plain scalars, and tags on any scalar. */
#include "load_int.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QUOTE_MAX	60	/* bytes of a value quoted in a message */

enum num { NUM_OK, NUM_SYNTAX, NUM_RANGE };

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

/* Whether s is a core-schema bool; *b is set either way. */
static bool
parse_bool(const char *s, size_t n, bool *b)
{
	*b = eq(s, n, "true") || eq(s, n, "True") || eq(s, n, "TRUE");
	return *b || eq(s, n, "false") || eq(s, n, "False") ||
	    eq(s, n, "FALSE");
}

/* [-+]?[0-9]+, 0o[0-7]+ or 0x[0-9a-fA-F]+, within long long; s[n] is NUL. */
static enum num
parse_int(const char *s, size_t n, long long *out)
{
	static const char *const digits[] = { "01234567", "0123456789",
	    "0123456789abcdefABCDEF" };
	const char *p = s + (n > 0 && (s[0] == '-' || s[0] == '+'));
	unsigned long long u, max = (unsigned long long)LLONG_MAX +
	    (s[0] == '-');
	int d = 1;

	if (n > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
		d = s[1] == 'o' ? 0 : 2;
		p = s + 2;
	}
	/* Most plain scalars are words, which their first byte rules out. */
	if (*p == '\0' || strchr(digits[d], *p) == NULL ||
	    strspn(p, digits[d]) != n - (size_t)(p - s))
		return NUM_SYNTAX;
	errno = 0;
	u = strtoull(p, NULL, d == 0 ? 8 : d == 1 ? 10 : 16);
	if (errno == ERANGE || u > max)
		return NUM_RANGE;
	if (s[0] == '-')
		*out = u > LLONG_MAX ? LLONG_MIN : -(long long)u;
	else
		*out = (long long)u;
	return NUM_OK;
}

/*
 * [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?, [-+]?\.inf, \.nan:
 * what strtod reads whole of digits, points, signs and e (gen never
 * calls setlocale: the point is "C"'s).  s[n] is NUL.
 */
static enum num
parse_float(const char *s, size_t n, double *out)
{
	size_t i = n > 0 && (s[0] == '-' || s[0] == '+');
	char *end;

	if (eq(s + i, n - i, ".inf") || eq(s + i, n - i, ".Inf") ||
	    eq(s + i, n - i, ".INF")) {
		*out = s[0] == '-' ? -HUGE_VAL : HUGE_VAL;
		return NUM_OK;
	}
	if (eq(s, n, ".nan") || eq(s, n, ".NaN") || eq(s, n, ".NAN")) {
		*out = NAN;
		return NUM_OK;
	}
	if (n == 0 || strspn(s, "0123456789.eE+-") != n)
		return NUM_SYNTAX;
	errno = 0;
	*out = strtod(s, &end);
	if (end != s + n)
		return NUM_SYNTAX;
	return errno == ERANGE && isinf(*out) ? NUM_RANGE : NUM_OK;
}

static void
resolve_plain(struct value *v, const struct srcpos *pos, struct diag *d)
{
	enum num r = NUM_OK;

	if (is_null(v->str, v->len))
		v->kind = VALUE_NULL;
	else if (parse_bool(v->str, v->len, &v->u.b))
		v->kind = VALUE_BOOL;
	else if ((r = parse_int(v->str, v->len, &v->u.i)) != NUM_SYNTAX)
		v->kind = VALUE_INT;
	else if ((r = parse_float(v->str, v->len, &v->u.f)) != NUM_SYNTAX)
		v->kind = VALUE_FLOAT;
	if (r == NUM_RANGE)
		diag_error(d, pos, "%s out of range",
		    v->kind == VALUE_INT ? "integer" : "number");
}

void
load_resolve(struct value *v, const char *tag, const struct srcpos *pos,
    struct diag *d)
{
	size_t np = sizeof(TAG_PREFIX) - 1;
	const char *t = tag != NULL && strncmp(tag, TAG_PREFIX, np) == 0 ?
	    tag + np : "";
	enum num r = NUM_SYNTAX;
	char show[LOAD_TAG_SHOW];

	if (tag == NULL && v->plain)
		resolve_plain(v, pos, d);
	if (tag == NULL || strcmp(tag, "!") == 0 || strcmp(t, "str") == 0)
		return;
	if (strcmp(t, "null") == 0) {
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
		t = "";		/* no core tag, or none we take */
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
