#include "tmpl_int.h"

#include <stdlib.h>
#include <string.h>

#include "base/suggest.h"

/*
 * Bit k for class_names[k]; control, bidi, format and bom are all of
 * escape_is_unsafe, which every table formats whatever it lists.
 */
enum { C_LINE_SEP = 0x02, C_NON_ASCII = 0x10 };

#define AT(t, v)	(&(struct srcpos){ (t)->path, (v)->line, (v)->col })
#define KEY_AT(t, m, i) \
	(&(struct srcpos){ (t)->path, (m)->u.keys[i].line, \
	    (m)->u.keys[i].col })

static const char *const table_keys[] = {
	"chars", "format", "units", "classes", "comment_break"
};
static const char *const class_names[] = {
	"control", "line_separator", "bidi", "bom", "non_ascii", "format"
};
static const char *const unit_names[] = { "code_point", "utf16", "utf8" };

#define NELEM(x) (sizeof(x) / sizeof((x)[0]))

/* The longest format width; more is never useful. */
#define MAX_WIDTH 16

static const char *
text_of(const struct escape_table *t, struct diag *d, const struct value *v,
    const char *what)
{
	if (v->kind != VALUE_NULL && v->kind != VALUE_LIST &&
	    v->kind != VALUE_MAP)
		return v->str;
	diag_error(d, AT(t, v), "%s must be a string, not %s %s", what,
	    value_kind_article(v->kind), value_kind_name(v->kind));
	return NULL;
}

static int
cmp_rule(const void *a, const void *b)
{
	const struct rule *x = a, *y = b;

	return (x->fromlen < y->fromlen) - (x->fromlen > y->fromlen);
}

static void
parse_chars(struct arena *a, struct escape_table *t, const struct value *v,
    struct diag *d)
{
	size_t i;

	if (v->kind != VALUE_MAP) {
		diag_error(d, AT(t, v), "'chars' must be a map of text to its "
		    "replacement");
		return;
	}
	t->rules = arena_array(a, v->len, sizeof(*t->rules));
	for (i = 0; i < v->len; i++) {
		const char *from = v->u.keys[i].s;
		const char *to = text_of(t, d, v->items[i], "a replacement");

		if (*from == '\0') {
			diag_error(d, KEY_AT(t, v, i), "a 'chars' key must not "
			    "be empty");
			continue;
		}
		if (to == NULL)
			continue;
		t->first[(unsigned char)from[0]] = true;
		t->rules[t->nrules++] = (struct rule){ from, to, strlen(from),
		    v->items[i]->len };
	}
	/* Longest first; keys are unique, so ties never match together. */
	qsort(t->rules, t->nrules, sizeof(*t->rules), cmp_rule);
}

/* "PRE%[0][W]cPOST" with %% anywhere: one conversion, for printf. */
static void
parse_format(struct escape_table *t, const struct value *v, struct diag *d)
{
	const char *f = text_of(t, d, v, "'format'"), *p;
	int width, n = 0;

	if (f == NULL)
		return;
	for (p = f; *p != '\0'; p++) {
		if (*p != '%' || *++p == '%')	/* past a "%%" whole */
			continue;
		if (++n > 1)
			break;
		p += *p == '0';
		for (width = 0; *p >= '0' && *p <= '9'; p++)
			if (width <= MAX_WIDTH)
				width = width * 10 + (*p - '0');
		if (width > MAX_WIDTH || strchr("xXdo", *p) == NULL ||
		    *p == '\0') {
			diag_error(d, AT(t, v), "bad conversion in 'format' "
			    "'%s' (use %%x, %%X, %%d or %%o, with an optional "
			    "0 and a width up to %d)", f, MAX_WIDTH);
			return;
		}
		t->conv = *p;
	}
	if (n != 1)
		diag_error(d, AT(t, v), "'format' must hold exactly one of "
		    "%%x, %%X, %%d or %%o");
	t->format = f;
}

static void
parse_classes(struct escape_table *t, const struct value *v, struct diag *d)
{
	size_t i, k;

	if (v->kind != VALUE_LIST) {
		diag_error(d, AT(t, v), "'classes' must be a list of control, "
		    "line_separator, bidi, format, bom or non_ascii");
		return;
	}
	for (i = 0; i < v->len; i++) {
		const struct value *c = v->items[i];
		const char *name = text_of(t, d, c, "a class");

		if (name != NULL && (k = suggest_lookup(d, AT(t, c), "class",
		    name, class_names, NELEM(class_names))) <
		    NELEM(class_names))
			t->classes |= 1u << k;
	}
}

static void
parse_units(struct escape_table *t, const struct value *v, struct diag *d)
{
	const char *name = text_of(t, d, v, "'units'");
	size_t k;

	if (name != NULL && (k = suggest_lookup(d, AT(t, v), "units",
	    name, unit_names, NELEM(unit_names))) < NELEM(unit_names))
		t->units = (enum units)k;
}

/* Printable ASCII only: the breaker looks at single bytes. */
static void
parse_breaks(struct arena *a, struct escape_table *t, const struct value *v,
    struct diag *d)
{
	size_t i, k;

	if (v->kind != VALUE_LIST) {
		diag_error(d, AT(t, v), "'comment_break' must be a list of "
		    "strings");
		return;
	}
	t->breaks = arena_array(a, v->len, sizeof(*t->breaks));
	for (i = 0; i < v->len; i++) {
		const struct value *b = v->items[i];
		const char *s = text_of(t, d, b, "a 'comment_break' sequence");
		bool ok = s != NULL && b->len >= 2;

		for (k = 0; ok && k < b->len; k++)
			ok = s[k] > ' ' && s[k] < 0x7f;
		if (ok)
			t->breaks[t->nbreaks++] = s;
		else if (s != NULL)
			diag_error(d, AT(t, b), "a 'comment_break' sequence "
			    "must be two or more printable ASCII characters");
	}
}

int
escape_table_parse(struct arena *a, const char *path, const struct value *v,
    struct diag *d, const struct escape_table **out)
{
	struct escape_table *t = arena_alloc(a, sizeof(*t));
	size_t before = d->errors, i;
	const struct value *f, *c, *x;

	t->path = path;
	if (v->kind != VALUE_MAP) {
		diag_error(d, AT(t, v), "'escape' must be a mode name or a "
		    "map");
		return -1;
	}
	for (i = 0; i < v->len; i++)
		if (strncmp(v->u.keys[i].s, "x-", 2) != 0)
			suggest_lookup(d, KEY_AT(t, v, i), "key",
			    v->u.keys[i].s, table_keys, NELEM(table_keys));
	if ((x = value_find(v, "chars")) != NULL)
		parse_chars(a, t, x, d);
	if ((f = value_find(v, "format")) != NULL)
		parse_format(t, f, d);
	if ((x = value_find(v, "units")) != NULL)
		parse_units(t, x, d);
	if ((c = value_find(v, "classes")) != NULL)
		parse_classes(t, c, d);
	if ((x = value_find(v, "comment_break")) != NULL)
		parse_breaks(a, t, x, d);
	if (c != NULL && f == NULL)
		diag_error(d, AT(t, c), "'classes' needs a 'format' to write "
		    "them with");
	if (d->errors != before)
		return -1;
	*out = t;
	return 0;
}

static bool
in_class(unsigned classes, uint32_t cp)
{
	if (escape_is_unsafe(cp))
		return true;
	if ((classes & C_LINE_SEP) && (cp == 0x2028 || cp == 0x2029))
		return true;
	return (classes & C_NON_ASCII) && cp > 0x7f;
}

/* n is at most 0x10ffff, an int as well as an unsigned. */
static void
add_number(struct buf *out, const struct escape_table *t, uint32_t n)
{
	if (t->conv == 'd')
		buf_addf(out, t->format, (int)n);
	else
		buf_addf(out, t->format, (unsigned)n);
}

static void
add_formatted(struct buf *out, const struct escape_table *t, uint32_t cp,
    const unsigned char *s, size_t n)
{
	size_t i;

	switch (t->units) {
	case UNITS_UTF16:
		if (cp >= 0x10000) {
			add_number(out, t, 0xd800 + ((cp - 0x10000) >> 10));
			cp = 0xdc00 + ((cp - 0x10000) & 0x3ff);
		}
		/* FALLTHROUGH */
	case UNITS_CODE_POINT:
		add_number(out, t, cp);
		break;
	case UNITS_UTF8:
		for (i = 0; i < n; i++)
			add_number(out, t, s[i]);
		break;
	}
}

static const struct rule *
match(const struct escape_table *t, const unsigned char *s, size_t n)
{
	size_t i;

	if (!t->first[s[0]])
		return NULL;
	for (i = 0; i < t->nrules; i++)
		if (t->rules[i].fromlen <= n &&
		    memcmp(t->rules[i].from, s, t->rules[i].fromlen) == 0)
			return &t->rules[i];
	return NULL;
}

/* No format: an unsafe code point is "<U+XXXX>" (kept visible) by the rules. */
void
escape_table_add(struct buf *out, const struct escape_table *t,
    const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s, *src;
	char name[ESCAPE_SPELL_MAX];
	const struct rule *r;
	size_t i, n, srclen;
	uint32_t cp;

	for (i = 0; i < len; i += n) {
		if ((r = match(t, u + i, len - i)) != NULL) {
			buf_add(out, r->to, r->tolen);
			n = r->fromlen;
			continue;
		}
		src = u + i;
		srclen = n = escape_utf8(src, len - i, &cp);
		if (n == 0) {
			/* Never from validated data; keep the output valid. */
			src = (const unsigned char *)"\xef\xbf\xbd";
			srclen = 3;
			n = 1;
			cp = 0xfffd;
		}
		if (!in_class(t->classes, cp))
			buf_add(out, src, srclen);
		else if (t->conv != 0)
			add_formatted(out, t, cp, src, srclen);
		else
			escape_table_add(out, t, name, escape_spell(name, cp));
	}
}

bool
escape_table_format(struct buf *out, const struct escape_table *t,
    uint32_t cp, const unsigned char *s, size_t n)
{
	if (t->conv == 0 || !in_class(t->classes, cp))
		return false;
	add_formatted(out, t, cp, s, n);
	return true;
}
