/*
 * fuzz_tmpl: libFuzzer target for the template engine.  The input up to
 * its first NUL byte is a template; what follows it (up to the next NUL)
 * is served as the partial 'x'.  The template is parsed against the keys
 * of a small fixed data file, its references are listed (tmpl_refs), and
 * it is rendered against that data under an escape mode, strictness and
 * table escaper picked from the input's first byte, so seeds taken from
 * real templates stay valid templates.  Other partials are fixed: 'a'
 * iterates a list, 'b' includes itself (the recursion bound must stop
 * it) and 'self' is the template being fuzzed.  Partials are parsed by
 * the loader as the render reaches them, as gen's loaders do, and one
 * that does not parse is TMPL_BAD.  Aborts: a tree that breaks its
 * invariants, or a reference to a key the table did not intern.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/value.h"
#include "load/load.h"
#include "tmpl/escape.h"
#include "tmpl/tmpl.h"
#include "../check.h"
#include "../tmpl_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct input {
	const char *tmpl, *x;
	size_t tmpl_len, x_len;
	const struct keys *keys;
};

static const char partial_a[] = "{{#list}}{{name}}{{^@last}}, {{/@last}}"
    "{{/list}}\n";
static const char partial_b[] = "b{{> b}}\n";

/* The context: every kind of value, a nested map and nested lists. */
static const char data_yaml[] =
    "name: \"say \\\"hi\\\"\\\\\\n<&> --\"\n"
    "list:\n"
    "  - {name: one, n: 1}\n"
    "  - name: \"two */ ?\?=\"\n"
    "    n: 2\n"
    "    list: [{name: \"x<y>\", n: 10}, {name: \"\\\"q\\\"\\\\\", n: 11}]\n"
    "  - {name: \"three\\n\\t\xe4\xb8\x89\", n: 3, list: []}\n"
    "empty: []\n"
    "t: true\n"
    "f: false\n"
    "nul: null\n"
    "num: -42\n"
    "flt: 2.5\n"
    "obj: {b: {c: deep}}\n"
    "id: http_version_not_supported\n";

/* A table escaper of the kind lang.yaml declares (Rust's, nearly). */
static const char table_yaml[] =
    "chars: {'\"': '\\\"', '\\': '\\\\', \"\\n\": '\\n'}\n"
    "format: '\\u{%X}'\n"
    "classes: [control, bidi, line_separator]\n"
    "comment_break: ['*/', '/*']\n";

static int
find(void *ctx, const char *name, struct arena *a, struct diag *d,
    const struct tmpl **out)
{
	const struct input *in = ctx;
	const char *text;
	struct tmpl *t;
	size_t len;

	*out = NULL;
	if (strcmp(name, "a") == 0) {
		text = partial_a;
		len = sizeof(partial_a) - 1;
	} else if (strcmp(name, "b") == 0) {
		text = partial_b;
		len = sizeof(partial_b) - 1;
	} else if (strcmp(name, "self") == 0) {
		text = in->tmpl;
		len = in->tmpl_len;
	} else if (strcmp(name, "x") == 0 && in->x != NULL) {
		text = in->x;
		len = in->x_len;
	} else {
		return 0;
	}
	/* name lives in the render's arena, as long as the tree. */
	if (tmpl_parse(a, in->keys, name, text, len, d, &t) != 0)
		return TMPL_BAD;
	if (!tmpl_check(t))
		abort();
	*out = t;
	return 0;
}

/* tmpl_refs may only report keys the table interned. */
static void
on_key(void *ctx, const char *k, bool first)
{
	const struct input *in = ctx;

	(void)first;
	if (k == NULL || keys_find(in->keys, k, strlen(k)) != k)
		abort();
}

static void
on_partial(void *ctx, const char *name, size_t len, bool dynamic)
{
	(void)ctx;
	(void)dynamic;
	if (name == NULL || len == 0)
		abort();
}

/* Loads yaml (fixed, so any failure is a bug) into a with keys. */
static const struct value *
load(struct arena *a, struct keys *keys, struct diag *d, const char *yaml)
{
	struct load_to to = { a, a, keys };
	const struct value *v = NULL;

	if (load_yaml(&to, "fuzz.yaml", yaml, strlen(yaml), NULL, d,
	    &v) != 0)
		abort();
	return v;
}

static void
split(const uint8_t *data, size_t size, struct input *in)
{
	const char *s = (const char *)data;
	const char *nul = memchr(s, '\0', size), *end;

	in->tmpl = s;
	in->tmpl_len = nul != NULL ? (size_t)(nul - s) : size;
	in->x = NULL;
	in->x_len = 0;
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
	struct keys *keys = keys_new();
	struct diag d = DIAG_INIT;
	struct buf out = BUF_INIT;
	struct tmpl *t = NULL;
	struct input in;
	struct tmpl_opts opts;
	struct tmpl_loader loader = { find, &in };
	unsigned char sel = size > 0 ? data[0] : 0;
	const struct value *root = load(&a, keys, &d, data_yaml);

	split(data, size, &in);
	in.keys = keys;
	memset(&opts, 0, sizeof(opts));
	opts.escape = (enum escape_mode)(sel % 6);
	opts.strict = (sel & 0x08) != 0;
	if ((sel & 0x10) != 0 && escape_table_parse(&a, "table.yaml",
	    load(&a, keys, &d, table_yaml), &d, &opts.table) != 0)
		abort();
	/* Bounds the output, as gen does, so blow-ups end quickly. */
	opts.max_output = 1 << 20;
	if (tmpl_parse(&a, keys, "fuzz.mustache", in.tmpl, in.tmpl_len, &d,
	    &t) == 0) {
		if (!tmpl_check(t))
			abort();
		tmpl_refs(t, on_key, on_partial, &in);
		(void)tmpl_render(t, root, &opts, &loader, &a, &out, &d);
	}
	for (size_t i = 0; i < d.n; i++)
		free(entry_text(&d, i));
	buf_release(&out);
	diag_release(&d);
	arena_release(&a);
	keys_free(keys);
	return 0;
}
