/*
 * fuzz_tmpl: libFuzzer target for the template engine.  The input up to
 * its first NUL byte is a template; what follows it (up to the next NUL)
 * is served as the partial 'x'.  The template is parsed, then rendered
 * against a small fixed value tree under an escape mode and strictness
 * picked from the input's first byte, so seeds taken from real templates
 * stay valid templates.  Other partials are fixed: 'a' iterates a list,
 * 'b' includes itself (the recursion bound must stop it) and 'self' is
 * the template being fuzzed.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "tmpl/escape.h"
#include "tmpl/tmpl.h"
#include "base/value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct input {
	const char *tmpl, *x;
	size_t tmpl_len, x_len;
};

static const char partial_a[] = "{{#list}}{{name}}{{^@last}}, {{/@last}}"
    "{{/list}}\n";
static const char partial_b[] = "b{{> b}}\n";

static int
find(void *ctx, const char *name, const char **path, const char **text,
    size_t *len, struct diag *d)
{
	const struct input *in = ctx;

	(void)d;
	*path = name;
	if (strcmp(name, "a") == 0) {
		*text = partial_a;
		*len = sizeof(partial_a) - 1;
	} else if (strcmp(name, "b") == 0) {
		*text = partial_b;
		*len = sizeof(partial_b) - 1;
	} else if (strcmp(name, "self") == 0) {
		*text = in->tmpl;
		*len = in->tmpl_len;
	} else if (strcmp(name, "x") == 0 && in->x != NULL) {
		*text = in->x;
		*len = in->x_len;
	} else
		return 1;
	return 0;
}

static struct value *
item(struct arena *a, const char *name, long long n, struct value *sub)
{
	struct value *m = value_map(a, 3);

	value_set(m, "name", value_cstr(a, name));
	value_set(m, "n", value_int(a, n));
	if (sub != NULL)
		value_set(m, "list", sub);
	return m;
}

/* The context: every kind of value, a nested map and nested lists. */
static struct value *
tree(struct arena *a)
{
	struct value *root = value_map(a, 10), *list = value_list(a, 3);
	struct value *inner = value_list(a, 2), *obj = value_map(a, 1);
	struct value *b = value_map(a, 1), *f;

	value_push(inner, item(a, "x<y>", 10, NULL));
	value_push(inner, item(a, "\"q\"\\", 11, NULL));
	value_push(list, item(a, "one", 1, NULL));
	value_push(list, item(a, "two */ ?\?=", 2, inner));
	value_push(list, item(a, "three\n\t\xe4\xb8\x89", 3, value_list(a, 0)));
	value_set(b, "c", value_cstr(a, "deep"));
	value_set(obj, "b", b);
	f = value_new(a, VALUE_FLOAT, NULL);
	f->u.f = 2.5;
	f->str = "2.5";
	f->len = 3;
	f->plain = true;
	value_set(root, "name", value_cstr(a, "say \"hi\"\\\n<&> --"));
	value_set(root, "list", list);
	value_set(root, "empty", value_list(a, 0));
	value_set(root, "t", value_bool(a, true));
	value_set(root, "f", value_bool(a, false));
	value_set(root, "nul", value_null(a));
	value_set(root, "num", value_int(a, -42));
	value_set(root, "flt", f);
	value_set(root, "obj", obj);
	value_set(root, "id", value_cstr(a, "http_version_not_supported"));
	return root;
}

static void
split(const uint8_t *data, size_t size, struct input *in)
{
	const char *s = (const char *)data;
	const char *nul = memchr(s, '\0', size), *end;

	memset(in, 0, sizeof(*in));
	in->tmpl = s;
	in->tmpl_len = nul != NULL ? (size_t)(nul - s) : size;
	if (nul == NULL)
		return;
	in->x = nul + 1;
	end = memchr(in->x, '\0', size - in->tmpl_len - 1);
	in->x_len = end != NULL ? (size_t)(end - in->x)
	    : size - in->tmpl_len - 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;
	struct tmpl *t = NULL;
	struct input in;
	struct tmpl_opts opts;
	struct tmpl_loader loader = { find, &in };
	unsigned char sel = size > 0 ? data[0] : 0;

	split(data, size, &in);
	opts.escape = (enum escape_mode)(sel % 6);
	opts.strict = (sel & 0x08) != 0;
	opts.table = NULL;
	/* Bounds the output, as gen does, so blow-ups end quickly. */
	opts.max_output = 1 << 20;
	if (tmpl_parse(&a, "fuzz.mustache", in.tmpl, in.tmpl_len, &d,
	    &t) == 0) {
		if (!tmpl_check(t))
			abort();
		(void)tmpl_render(t, tree(&a), &opts, &loader, &a, &out, &d);
	}
	for (size_t i = 0; i < d.n; i++)
		free(diag_format(&d, i));
	buf_release(&out);
	diag_release(&d);
	arena_release(&a);
	return 0;
}
