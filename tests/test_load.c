/*
 * Tests for load.[ch]: core-schema scalars, trees, positions (of values
 * and of map keys), interned keys, errors, and files read in chunks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "load/load.h"
#include "check.h"

#define F "t.yaml"

/* Nodes and texts go to two arenas, as the model loads them. */
struct fixture {
	struct arena nodes, texts;
	struct keys *keys;
	struct load_to to;
	struct diag d;
};

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	if (fx == NULL)
		return -1;
	diag_init(&fx->d);
	fx->keys = keys_new();
	fx->to = (struct load_to){ &fx->nodes, &fx->texts, fx->keys };
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	diag_release(&fx->d);
	arena_release(&fx->nodes);
	arena_release(&fx->texts);
	keys_free(fx->keys);
	free(fx);
	return 0;
}

/* Loads a NUL-terminated text; returns the root or NULL on failure. */
static const struct value *
load(struct fixture *fx, const char *text)
{
	const struct value *v = NULL;

	if (load_yaml(&fx->to, F, text, strlen(text), NULL, &fx->d, &v) != 0)
		return NULL;
	assert_non_null(v);
	return v;
}

/* The member of map m under key, looked up as templates do: interned. */
static const struct value *
get(const struct fixture *fx, const struct value *m, const char *key)
{
	return value_get(m, keys_find(fx->keys, key, strlen(key)));
}

/* Prints every diagnostic, to explain a failing assertion. */
static void
dump(const struct diag *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		char *s = entry_text(d, i);

		print_message("[%s] %s\n", name, s);
		free(s);
	}
}

/* Scalars */

struct scalar_case {
	const char *in;
	enum value_kind kind;
	long long i;		/* VALUE_INT; VALUE_BOOL: 0/1 */
	double f;		/* VALUE_FLOAT; NAN for .nan */
	const char *str;	/* the text kept in value->str */
	bool plain;
};

static const struct scalar_case scalars[] = {
	{ "~", VALUE_NULL, 0, 0, "~", true },
	{ "null", VALUE_NULL, 0, 0, "null", true },
	{ "Null", VALUE_NULL, 0, 0, "Null", true },
	{ "NULL", VALUE_NULL, 0, 0, "NULL", true },
	{ "nULL", VALUE_STRING, 0, 0, "nULL", true },
	{ "true", VALUE_BOOL, 1, 0, "true", true },
	{ "True", VALUE_BOOL, 1, 0, "True", true },
	{ "TRUE", VALUE_BOOL, 1, 0, "TRUE", true },
	{ "false", VALUE_BOOL, 0, 0, "false", true },
	{ "False", VALUE_BOOL, 0, 0, "False", true },
	{ "FALSE", VALUE_BOOL, 0, 0, "FALSE", true },
	{ "yes", VALUE_STRING, 0, 0, "yes", true },
	{ "No", VALUE_STRING, 0, 0, "No", true },
	{ "on", VALUE_STRING, 0, 0, "on", true },
	{ "0", VALUE_INT, 0, 0, "0", true },
	{ "404", VALUE_INT, 404, 0, "404", true },
	{ "-17", VALUE_INT, -17, 0, "-17", true },
	{ "+17", VALUE_INT, 17, 0, "+17", true },
	{ "007", VALUE_INT, 7, 0, "007", true },
	{ "0o17", VALUE_INT, 15, 0, "0o17", true },
	{ "0x1F", VALUE_INT, 31, 0, "0x1F", true },
	{ "0xff", VALUE_INT, 255, 0, "0xff", true },
	{ "9223372036854775807", VALUE_INT, INT64_MAX, 0,
	    "9223372036854775807", true },
	{ "-9223372036854775808", VALUE_INT, INT64_MIN, 0,
	    "-9223372036854775808", true },
	{ "0o8", VALUE_STRING, 0, 0, "0o8", true },
	{ "0x", VALUE_STRING, 0, 0, "0x", true },
	{ "-0x1", VALUE_STRING, 0, 0, "-0x1", true },
	{ "1_000", VALUE_STRING, 0, 0, "1_000", true },
	{ "1.5", VALUE_FLOAT, 0, 1.5, "1.5", true },
	{ "-.5", VALUE_FLOAT, 0, -0.5, "-.5", true },
	{ "2.", VALUE_FLOAT, 0, 2.0, "2.", true },
	{ "1e3", VALUE_FLOAT, 0, 1000.0, "1e3", true },
	{ "+2.5E-1", VALUE_FLOAT, 0, 0.25, "+2.5E-1", true },
	/* Longer than parse_float's buffer: its copy is made on the heap. */
	{ "0.2500000000000000000000000000000000000000000000000000000000000000000000000000000000", VALUE_FLOAT, 0, 0.25,
	    "0.2500000000000000000000000000000000000000000000000000000000000000000000000000000000", true },
	{ ".inf", VALUE_FLOAT, 0, HUGE_VAL, ".inf", true },
	{ "-.Inf", VALUE_FLOAT, 0, -HUGE_VAL, "-.Inf", true },
	{ ".NaN", VALUE_FLOAT, 0, NAN, ".NaN", true },
	{ ".", VALUE_STRING, 0, 0, ".", true },
	{ "1e", VALUE_STRING, 0, 0, "1e", true },
	{ "1.2.3", VALUE_STRING, 0, 0, "1.2.3", true },
	{ "-.nan", VALUE_STRING, 0, 0, "-.nan", true },
	{ "hello world", VALUE_STRING, 0, 0, "hello world", true },
	{ "'404'", VALUE_STRING, 0, 0, "404", false },
	{ "\"true\"", VALUE_STRING, 0, 0, "true", false },
	{ "''", VALUE_STRING, 0, 0, "", false },
	{ "|\n  x\n", VALUE_STRING, 0, 0, "x\n", false },
	{ "\"a\\tb\"", VALUE_STRING, 0, 0, "a\tb", false },
	{ "!!str 12", VALUE_STRING, 0, 0, "12", true },
	{ "! 12", VALUE_STRING, 0, 0, "12", true },
	{ "!!int '12'", VALUE_INT, 12, 0, "12", false },
	{ "!!float 2", VALUE_FLOAT, 0, 2.0, "2", true },
	{ "!!float '1.5'", VALUE_FLOAT, 0, 1.5, "1.5", false },
	{ "!!float 99999999999999999999", VALUE_FLOAT, 0, 1e20,
	    "99999999999999999999", true },
	{ "!!float 0x10", VALUE_FLOAT, 0, 16.0, "0x10", true },
	{ "!!bool \"false\"", VALUE_BOOL, 0, 0, "false", false },
	{ "!!null ''", VALUE_NULL, 0, 0, "", false },
};

static void
check_scalar(const struct scalar_case *c, const struct value *v)
{
	assert_int_equal(v->kind, c->kind);
	assert_string_equal(v->str, c->str);
	assert_int_equal(v->len, strlen(c->str));
	assert_int_equal(v->plain, c->plain);
	if (c->kind == VALUE_INT)
		assert_true(v->u.i == c->i);
	else if (c->kind == VALUE_BOOL)
		assert_int_equal(v->u.b, c->i);
	else if (c->kind == VALUE_FLOAT && isnan(c->f))
		assert_true(isnan(v->u.f));
	else if (c->kind == VALUE_FLOAT)
		assert_true(v->u.f == c->f);
}

static void
test_load_resolves_scalars_by_core_schema(void **state)
{
	struct fixture *fx = *state;
	size_t i;

	for (i = 0; i < sizeof(scalars) / sizeof(scalars[0]); i++) {
		const struct value *v;

		print_message("case %zu: %s\n", i, scalars[i].in);
		v = load(fx, scalars[i].in);
		if (v == NULL)
			dump(&fx->d, scalars[i].in);
		assert_non_null(v);
		check_scalar(&scalars[i], v);
	}
}

/* Empty plain values (a key with nothing after it) are null too. */
static void
test_load_reads_empty_value_as_null(void **state)
{
	struct fixture *fx = *state;
	const struct value *v = load(fx, "a:\nb: ''\n");

	assert_non_null(v);
	assert_int_equal(get(fx, v, "a")->kind, VALUE_NULL);
	assert_int_equal(get(fx, v, "b")->kind, VALUE_STRING);
}

/* Structures and positions */

static void
test_load_builds_nested_structures(void **state)
{
	struct fixture *fx = *state;
	const struct value *v, *list, *m;

	v = load(fx, "name: http\nstatuses:\n  - code: 200\n    tags: [a, b]\n"
	    "  - {code: 404, phrase: Not Found}\nempty: {}\nnone: []\n");
	assert_non_null(v);
	assert_int_equal(v->kind, VALUE_MAP);
	assert_int_equal(v->len, 4);
	assert_string_equal(v->u.keys[0].s, "name");
	assert_string_equal(v->u.keys[1].s, "statuses");
	assert_string_equal(v->u.keys[3].s, "none");
	assert_string_equal(v->items[0]->str, "http");
	list = get(fx, v, "statuses");
	assert_ptr_equal(list, v->items[1]);
	assert_int_equal(list->kind, VALUE_LIST);
	assert_int_equal(list->len, 2);
	m = list->items[0];
	assert_int_equal(get(fx, m, "code")->u.i, 200);
	assert_int_equal(get(fx, m, "tags")->len, 2);
	assert_string_equal(get(fx, m, "tags")->items[1]->str, "b");
	m = list->items[1];
	assert_string_equal(get(fx, m, "phrase")->str, "Not Found");
	assert_int_equal(get(fx, m, "phrase")->len, 9);
	assert_int_equal(get(fx, v, "empty")->kind, VALUE_MAP);
	assert_int_equal(get(fx, v, "empty")->len, 0);
	assert_int_equal(get(fx, v, "none")->kind, VALUE_LIST);
	assert_int_equal(get(fx, v, "none")->len, 0);
}

static void
assert_pos(struct srcpos p, unsigned line, unsigned col)
{
	assert_non_null(p.file);
	assert_string_equal(p.file, F);
	assert_int_equal(p.line, line);
	assert_int_equal(p.col, col);
}

static void
assert_key_pos(const struct value *map, size_t i, unsigned line,
    unsigned col)
{
	assert_int_equal(map->u.keys[i].line, line);
	assert_int_equal(map->u.keys[i].col, col);
}

/* Where each value and each map key of text was written. */
static void
check_positions(struct fixture *fx, const char *text)
{
	const struct value *v = load(fx, text), *list, *m;

	assert_non_null(v);
	assert_pos(value_pos(F, v), 1, 1);
	assert_key_pos(v, 0, 1, 1);	/* key a */
	assert_pos(value_pos(F, v->items[0]), 1, 4);
	assert_key_pos(v, 1, 2, 1);	/* key list */
	list = v->items[1];
	assert_pos(value_pos(F, list), 3, 3);
	assert_pos(value_pos(F, list->items[0]), 3, 5);
	m = list->items[1];
	assert_pos(value_pos(F, m), 4, 5);
	assert_key_pos(m, 0, 4, 6);	/* key k */
	assert_pos(value_pos(F, m->items[0]), 4, 9);
	assert_key_pos(v, 2, 5, 1);	/* key last */
	assert_pos(value_pos(F, v->items[2]), 5, 7);
	/* Columns count characters, not bytes. */
	assert_pos(value_pos(F, v->items[2]->items[1]), 5, 13);
	/* A quoted key is placed at its quote. */
	assert_key_pos(v, 3, 6, 1);	/* key "é" */
	assert_string_equal(v->u.keys[3].s, "é");
	assert_pos(value_pos(F, v->items[3]), 6, 6);
	/* A tagged value or key is placed at its tag; a key stays text. */
	assert_key_pos(v, 4, 7, 1);	/* key b */
	assert_pos(value_pos(F, v->items[4]), 7, 4);
	assert_key_pos(v, 5, 8, 1);	/* key 3 */
	assert_string_equal(v->u.keys[5].s, "3");
	assert_pos(value_pos(F, v->items[5]), 8, 10);
}

static void
test_load_records_positions(void **state)
{
	check_positions(*state,
	    "a: 1\nlist:\n  - x\n  - {k: v}\nlast: [\"é\", x]\n"
	    "\"é\": 0\nb: !!str 2\n!!int 3: c\n");
}

static void
test_load_records_positions_with_crlf(void **state)
{
	check_positions(*state,
	    "a: 1\r\nlist:\r\n  - x\r\n  - {k: v}\r\nlast: [\"é\", x]\r\n"
	    "\"é\": 0\r\nb: !!str 2\r\n!!int 3: c\r\n");
}

static void
test_load_skips_bom(void **state)
{
	check_positions(*state, "\xEF\xBB\xBF"
	    "a: 1\nlist:\n  - x\n  - {k: v}\nlast: [\"é\", x]\n"
	    "\"é\": 0\nb: !!str 2\n!!int 3: c\n");
}

/* A document that is one empty list or map, the first container opened. */
static void
test_load_reads_empty_root_containers(void **state)
{
	static const struct {
		const char *in;
		enum value_kind kind;
		unsigned col;
	} cases[] = {
		{ "[]", VALUE_LIST, 1 },
		{ "{}", VALUE_MAP, 1 },
		{ " []\n", VALUE_LIST, 2 },
		{ "--- {}\n", VALUE_MAP, 5 },
		{ "[[]]", VALUE_LIST, 1 },
	};
	struct fixture *fx = *state;
	const struct value *v;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		print_message("case '%s'\n", cases[i].in);
		v = load(fx, cases[i].in);
		assert_non_null(v);
		assert_int_equal(v->kind, cases[i].kind);
		assert_pos(value_pos(F, v), 1, cases[i].col);
		if (i + 1 < sizeof(cases) / sizeof(cases[0]))
			assert_int_equal(v->len, 0);
		else
			assert_int_equal(v->items[0]->len, 0);
	}
}

static void
test_load_reads_empty_stream_as_null(void **state)
{
	struct fixture *fx = *state;
	const struct value *v = load(fx, "# only a comment\n");

	assert_non_null(v);
	assert_int_equal(v->kind, VALUE_NULL);
	assert_pos(value_pos(F, v), 1, 1);
	v = load(fx, "");
	assert_non_null(v);
	assert_int_equal(v->kind, VALUE_NULL);
}

/* Errors */

struct error_case {
	const char *name;
	const char *in;
	size_t len;		/* 0: strlen(in) */
	size_t max_depth;	/* 0: default */
	size_t max_nodes;	/* 0: default */
	const char *want[6];	/* every diagnostic, NULL-terminated */
};

static const struct error_case errors[] = {
	{ "syntax", "a: [1, 2\nb: 3\n", 0, 0, 0, {
	    F ":2:2: error: did not find expected ',' or ']'",
	    F ":1:4: note: while parsing a flow sequence", NULL } },
	{ "tab indentation", "a:\n\tb: 1\n", 0, 0, 0, {
	    F ":2:1: error: found character that cannot start any token; "
	    "indent with spaces, not tabs",
	    F ":2:1: note: while scanning for the next token", NULL } },
	{ "duplicate key", "a: 1\nb: 2\na: 3\n", 0, 0, 0, {
	    F ":3:1: error: duplicate key 'a'",
	    F ":1:1: note: first defined here", NULL } },
	{ "duplicate keys nested", "x:\n  b: 1\n  b: 2\n  b: 3\n", 0, 0, 0, {
	    F ":3:3: error: duplicate key 'b'",
	    F ":2:3: note: first defined here",
	    F ":4:3: error: duplicate key 'b'",
	    F ":2:3: note: first defined here", NULL } },
	{ "duplicate key quoted", "1: x\n'1': y\n\"a\": 1\na: 2\n", 0, 0, 0, {
	    F ":2:1: error: duplicate key '1'",
	    F ":1:1: note: first defined here",
	    F ":4:1: error: duplicate key 'a'",
	    F ":3:1: note: first defined here", NULL } },
	{ "nul character", "a: \"x\\0y\"\nb: ok\n\"\\0\": 1\n", 0, 0, 0, {
	    F ":1:4: error: text must not hold a NUL character ('\\0')",
	    F ":3:1: error: text must not hold a NUL character ('\\0')",
	    NULL } },
	{ "alias", "a: &x 1\nb: *x\n", 0, 0, 0, {
	    F ":2:4: error: aliases are not supported", NULL } },
	{ "alias in a list of maps", "statuses:\n  - &a {code: 1}\n  - *a\n",
	    0, 0, 0, {
	    F ":3:5: error: aliases are not supported", NULL } },
	{ "alias key", "a: &x 1\n*x : 2\n", 0, 0, 0, {
	    F ":2:1: error: aliases are not supported", NULL } },
	{ "unsupported tag", "a: !foo 1\nb: !!binary aGk=\n", 0, 0, 0, {
	    F ":1:4: error: unsupported tag '!foo'",
	    F ":2:4: error: unsupported tag '!!binary'", NULL } },
	{ "tag on container", "a: !!str [1]\nb: !!seq {}\n", 0, 0, 0, {
	    F ":1:4: error: unsupported tag '!!str' on a list",
	    F ":2:4: error: unsupported tag '!!seq' on a map", NULL } },
	{ "bad tagged values", "- !!int abc\n- !!float 1x\n- !!bool yes\n"
	    "- !!null 0\n", 0, 0, 0, {
	    F ":1:3: error: invalid !!int value 'abc'",
	    F ":2:3: error: invalid !!float value '1x'",
	    F ":3:3: error: invalid !!bool value 'yes'",
	    F ":4:3: error: invalid !!null value '0'", NULL } },
	{ "integer out of range", "- 9223372036854775808\n"
	    "- -9223372036854775809\n- 0x10000000000000000\n"
	    "- !!int '99999999999999999999'\n", 0, 0, 0, {
	    F ":1:3: error: integer out of range",
	    F ":2:3: error: integer out of range",
	    F ":3:3: error: integer out of range",
	    F ":4:3: error: integer out of range", NULL } },
	{ "float out of range", "x: 1e999\n", 0, 0, 0, {
	    F ":1:4: error: number out of range", NULL } },
	{ "depth limit", "a: [[[x]]]\n", 0, 3, 0, {
	    F ":1:6: error: nesting deeper than 3 levels", NULL } },
	{ "node limit", "[1, 2, 3, 4]\n", 0, 0, 4, {
	    F ":1:11: error: more than 4 values", NULL } },
	{ "nul byte", "a: 1\nb: x\0y\n", 12, 0, 0, {
	    F ":2:5: error: NUL byte in input", NULL } },
	{ "invalid utf-8", "a: 1\nbb: \"\xC3\xA9\xFF\"\n", 0, 0, 0, {
	    F ":2:7: error: invalid leading UTF-8 octet (0xFF)", NULL } },
	{ "control character", "a: x\x07y\n", 0, 0, 0, {
	    F ":1:5: error: control characters are not allowed (0x07)",
	    NULL } },
	{ "utf-16 bom", "\xFF\xFE" "a", 0, 0, 0, {
	    F ":1:1: error: invalid leading UTF-8 octet (0xFF)", NULL } },
	{ "second document", "a: 1\n---\nb: 2\n", 0, 0, 0, {
	    F ":2:1: error: more than one document", NULL } },
	{ "non-scalar key", "? [a]\n: 1\n{b: 1}: 2\n", 0, 0, 0, {
	    F ":1:3: error: map keys must be scalars",
	    F ":3:1: error: map keys must be scalars", NULL } },
	{ "crlf error position", "a: 1\r\nb: [\r\n", 0, 0, 0, {
	    F ":3:1: error: did not find expected node content",
	    F ":3:1: note: while parsing a flow node", NULL } },
	{ "cr line ends", "a: 1\rb: \xff\n", 0, 0, 0, {
	    F ":2:4: error: invalid leading UTF-8 octet (0xFF)", NULL } },
	{ "bom error position", "\xEF\xBB\xBFx: *y\n", 0, 0, 0, {
	    F ":1:4: error: aliases are not supported", NULL } },
};

static void
check_errors(struct fixture *fx, const struct error_case *c)
{
	struct load_limits lim = LOAD_LIMITS_DEFAULT;
	const struct value *v = &value_empty_map;	/* stays untouched */
	size_t i, len = c->len ? c->len : strlen(c->in);

	if (c->max_depth)
		lim.max_depth = c->max_depth;
	if (c->max_nodes)
		lim.max_nodes = c->max_nodes;
	assert_int_equal(load_yaml(&fx->to, F, c->in, len, &lim, &fx->d, &v),
	    -1);
	assert_ptr_equal(v, &value_empty_map);
	assert_int_equal(fx->d.fail, DIAG_DATA);
	for (i = 0; c->want[i] != NULL; i++)
		;
	if (fx->d.n != i)
		dump(&fx->d, c->name);
	for (i = 0; c->want[i] != NULL; i++) {
		char *s;

		assert_true(i < fx->d.n);
		s = entry_text(&fx->d, i);
		assert_string_equal(s, c->want[i]);
		free(s);
	}
	assert_int_equal(fx->d.n, i);
}

static void
test_load_reports_errors_with_positions(void **state)
{
	struct fixture *fx = *state;
	size_t i;

	for (i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		print_message("case: %s\n", errors[i].name);
		check_errors(fx, &errors[i]);
		diag_release(&fx->d);
	}
}

/* The default depth limit is 256 containers. */
static void
test_load_limits_default_depth(void **state)
{
	struct fixture *fx = *state;
	struct buf b = BUF_INIT;
	const struct value *v = NULL;
	char *s;
	int i;

	for (i = 0; i < 256; i++)
		buf_addc(&b, '[');
	for (i = 0; i < 256; i++)
		buf_addc(&b, ']');
	assert_int_equal(load_yaml(&fx->to, F, b.ptr, b.len, NULL, &fx->d,
	    &v), 0);
	buf_reset(&b);
	for (i = 0; i < 257; i++)
		buf_addc(&b, '[');
	assert_int_equal(load_yaml(&fx->to, F, b.ptr, b.len, NULL, &fx->d,
	    &v), -1);
	assert_int_equal(fx->d.n, 1);
	s = entry_text(&fx->d, 0);
	assert_string_equal(s, F ":1:257: error: nesting deeper than 256 "
	    "levels");
	free(s);
	buf_release(&b);
}

/*
 * Maps of up to 16 keys are checked for repeats pair by pair, bigger
 * ones by sorting; either way, at the edge between them too, every
 * repeat is reported in document order with the first key of its text,
 * and a key that is no scalar is left out of the check.  Each letter of
 * `keys` is a line "X: n"; '[' is a line "[x]: n".
 */
static const struct {
	const char *name, *keys;
	const char *want[7];
} dup_cases[] = {
	{ "16 keys, none repeated", "abcdefghijklmnop", { NULL } },
	{ "17 keys, none repeated", "abcdefghijklmnopq", { NULL } },
	{ "16 keys, the last repeats the first", "abcdefghijklmnoa", {
	    F ":16:1: error: duplicate key 'a'",
	    F ":1:1: note: first defined here", NULL } },
	{ "17 keys, the last repeats the first", "abcdefghijklmnopa", {
	    F ":17:1: error: duplicate key 'a'",
	    F ":1:1: note: first defined here", NULL } },
	{ "16 keys, repeats out of order", "bacdefghijklmnab", {
	    F ":15:1: error: duplicate key 'a'",
	    F ":2:1: note: first defined here",
	    F ":16:1: error: duplicate key 'b'",
	    F ":1:1: note: first defined here", NULL } },
	{ "17 keys, repeats out of order", "bacdefghijklmnoab", {
	    F ":16:1: error: duplicate key 'a'",
	    F ":2:1: note: first defined here",
	    F ":17:1: error: duplicate key 'b'",
	    F ":1:1: note: first defined here", NULL } },
	{ "16 keys, three of one", "aabcdefghijklmna", {
	    F ":2:1: error: duplicate key 'a'",
	    F ":1:1: note: first defined here",
	    F ":16:1: error: duplicate key 'a'",
	    F ":1:1: note: first defined here", NULL } },
	{ "17 keys, three of one", "aabcdefghijklmnoa", {
	    F ":2:1: error: duplicate key 'a'",
	    F ":1:1: note: first defined here",
	    F ":17:1: error: duplicate key 'a'",
	    F ":1:1: note: first defined here", NULL } },
	{ "16 keys, one no scalar", "a[bcdefghijklmna", {
	    F ":2:1: error: map keys must be scalars",
	    F ":16:1: error: duplicate key 'a'",
	    F ":1:1: note: first defined here", NULL } },
	{ "17 keys, one no scalar", "a[bcdefghijklmnoa", {
	    F ":2:1: error: map keys must be scalars",
	    F ":17:1: error: duplicate key 'a'",
	    F ":1:1: note: first defined here", NULL } },
};

static void
test_load_finds_duplicates_either_side_of_16_keys(void **state)
{
	struct fixture *fx = *state;
	struct buf b = BUF_INIT;
	const struct value *v;
	size_t i, k, n;
	char *s;
	int rc;

	for (i = 0; i < sizeof(dup_cases) / sizeof(dup_cases[0]); i++) {
		print_message("case: %s\n", dup_cases[i].name);
		buf_reset(&b);
		for (k = 0; dup_cases[i].keys[k] != '\0'; k++) {
			if (dup_cases[i].keys[k] == '[')
				buf_addf(&b, "[x]: %zu\n", k);
			else
				buf_addf(&b, "%c: %zu\n",
				    dup_cases[i].keys[k], k);
		}
		diag_release(&fx->d);
		v = NULL;
		rc = load_yaml(&fx->to, F, b.ptr, b.len, NULL, &fx->d, &v);
		for (n = 0; dup_cases[i].want[n] != NULL; n++)
			;
		if (fx->d.n != n)
			dump(&fx->d, dup_cases[i].name);
		assert_int_equal(fx->d.n, n);
		assert_int_equal(rc, n == 0 ? 0 : -1);
		for (k = 0; k < n; k++) {
			s = entry_text(&fx->d, k);
			assert_string_equal(s, dup_cases[i].want[k]);
			free(s);
		}
		if (n == 0)
			assert_int_equal(v->len, strlen(dup_cases[i].keys));
	}
	buf_release(&b);
}

/* Big maps take the sorted path; duplicates still come in order. */
static void
test_load_finds_duplicates_in_big_maps(void **state)
{
	struct fixture *fx = *state;
	struct buf b = BUF_INIT;
	const struct value *v = NULL;
	char *s;
	int i;

	for (i = 0; i < 1000; i++)
		buf_addf(&b, "k%d: %d\n", i % 700, i);
	assert_int_equal(load_yaml(&fx->to, F, b.ptr, b.len, NULL, &fx->d,
	    &v), -1);
	assert_int_equal(fx->d.errors, 300);
	s = entry_text(&fx->d, 0);
	assert_string_equal(s, F ":701:1: error: duplicate key 'k0'");
	free(s);
	s = entry_text(&fx->d, 1);
	assert_string_equal(s, F ":1:1: note: first defined here");
	free(s);
	s = entry_text(&fx->d, 2);
	assert_string_equal(s, F ":702:1: error: duplicate key 'k1'");
	free(s);
	buf_release(&b);
}

/*
 * Map keys are interned in the table the caller gives: a key repeated
 * by the maps of a list, or by a second document loaded into the same
 * table, is one pointer, the one keys_find gives, so value_get finds it.
 * Long keys and thousands of distinct keys (the table grows) are kept
 * whole and found, each with its position.
 */
static void
test_load_interns_keys(void **state)
{
	static const char longkey[] =
	    "a_key_that_is_longer_than_thirty_two_bytes";
	struct fixture *fx = *state;
	struct buf b = BUF_INIT;
	const struct value *v = NULL, *v2 = NULL, *list, *big;
	const char *code;
	char key[32];
	int i;

	buf_addf(&b, "list:\n");
	for (i = 0; i < 3; i++)
		buf_addf(&b, "  - {code: %d, %s: %d}\n", i, longkey, i);
	buf_addf(&b, "big:\n");
	for (i = 0; i < 6000; i++)
		buf_addf(&b, "  key%d: %d\n", i, i);
	assert_int_equal(load_yaml(&fx->to, F, b.ptr, b.len, NULL, &fx->d,
	    &v), 0);
	code = keys_find(fx->keys, "code", 4);
	assert_non_null(code);
	list = get(fx, v, "list");
	assert_ptr_equal(list->items[0]->u.keys[0].s, code);
	assert_ptr_equal(list->items[2]->u.keys[0].s, code);
	assert_string_equal(list->items[2]->u.keys[1].s, longkey);
	assert_int_equal(get(fx, list->items[2], longkey)->u.i, 2);
	big = get(fx, v, "big");
	assert_int_equal(big->len, 6000);
	for (i = 0; i < 6000; i += 1999) {
		snprintf(key, sizeof(key), "key%d", i);
		assert_int_equal(get(fx, big, key)->u.i, i);
		assert_ptr_equal(big->u.keys[i].s,
		    keys_find(fx->keys, key, strlen(key)));
		assert_key_pos(big, (size_t)i, 6 + (unsigned)i, 3);
	}
	/* Another document, the same table: the same keys. */
	assert_int_equal(load_yaml(&fx->to, "u.yaml", "{x: 1, code: 2}", 15,
	    NULL, &fx->d, &v2), 0);
	assert_ptr_equal(v2->u.keys[1].s, code);
	assert_int_equal(get(fx, v2, "code")->u.i, 2);
	/* A scalar that is only a value is not a key. */
	assert_null(keys_find(fx->keys, "0", 1));
	buf_release(&b);
}

/*
 * The texts of scalars go to the texts arena, apart from the nodes: a
 * reader that keeps only texts (the model) can free the nodes, and the
 * texts and the keys stay.
 */
static void
test_load_keeps_texts_apart_from_nodes(void **state)
{
	struct fixture *fx = *state;
	struct arena nodes = ARENA_INIT;
	struct load_to to = { &nodes, &fx->texts, fx->keys };
	const struct value *v = NULL;
	const char *phrase, *key;

	assert_int_equal(load_yaml(&to, F, "- {code: 404, phrase: Not Found}",
	    32, NULL, &fx->d, &v), 0);
	assert_int_equal(fx->texts.used, strlen("404") + 1 +
	    strlen("Not Found") + 1);
	phrase = v->items[0]->items[1]->str;
	key = v->items[0]->u.keys[1].s;
	arena_release(&nodes);
	assert_string_equal(phrase, "Not Found");
	assert_string_equal(key, "phrase");
}

/* Errors the caller recorded earlier do not fail the load. */
static void
test_load_ignores_earlier_errors(void **state)
{
	struct fixture *fx = *state;
	const struct value *v = NULL;

	diag_error(&fx->d, NULL, "earlier");
	assert_int_equal(load_yaml(&fx->to, F, "a: 1", 4, NULL, &fx->d, &v),
	    0);
	assert_non_null(v);
	assert_int_equal(v->kind, VALUE_MAP);
}

/* Files */

static void
test_load_file_reports_missing_file(void **state)
{
	struct fixture *fx = *state;
	const struct value *v = NULL;
	char *s;

	assert_int_equal(load_file(&fx->to, "/nonexistent/x.yaml", NULL,
	    &fx->d, &v), -1);
	assert_null(v);
	assert_int_equal(fx->d.fail, DIAG_NOINPUT);
	assert_int_equal(fx->d.n, 1);
	s = entry_text(&fx->d, 0);
	assert_string_equal(s,
	    "gen: error: /nonexistent/x.yaml: No such file or directory");
	free(s);
}

static void
test_load_file_reads_and_limits_size(void **state)
{
	struct fixture *fx = *state;
	struct load_limits lim = LOAD_LIMITS_DEFAULT;
	char path[] = "/tmp/test_load_XXXXXX";
	const struct value *v = NULL;
	int fd = mkstemp(path);
	char *s;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, "a: 1\nb: [x]\n", 12), 12);
	close(fd);
	assert_int_equal(load_file(&fx->to, path, NULL, &fx->d, &v), 0);
	assert_int_equal(get(fx, v, "a")->u.i, 1);
	assert_int_equal(get(fx, v, "b")->line, 2);
	assert_int_equal(get(fx, v, "b")->col, 4);
	lim.max_bytes = 11;
	v = NULL;
	assert_int_equal(load_file(&fx->to, path, &lim, &fx->d, &v), -1);
	assert_null(v);
	assert_int_equal(fx->d.fail, DIAG_DATA);
	s = entry_text(&fx->d, 0);
	assert_true(strstr(s, ": file is larger than 11 bytes") != NULL);
	assert_true(strncmp(s, "gen: error: /tmp/test_load_", 27) == 0);
	free(s);
	lim.max_bytes = 12;
	assert_int_equal(load_file(&fx->to, path, &lim, &fx->d, &v), 0);
	unlink(path);
}

/* Writes text[0..len) to a new temporary file named in path. */
static void
temp_file(char *path, const char *text, size_t len)
{
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
}

/*
 * A file is read a chunk at a time, not whole: a BOM is skipped, and a
 * NUL byte or a reader error far past the first chunk is still placed
 * at its line and column, which the file is read again to find.
 */
static void
test_load_file_reads_in_chunks(void **state)
{
#define TAIL(s)	s, sizeof(s) - 1
	static const struct {
		const char *tail;
		size_t n;
		const char *want;
	} cases[] = {
		{ TAIL(""), NULL },
		{ TAIL("x: a\0b\n"), ":3002:5: error: NUL byte in input" },
		{ TAIL("x: \xC3\x28\n"),
		    ":3002:5: error: invalid trailing UTF-8 octet" },
		{ TAIL("x: [1,\n"), ":3003:1: error: did not find expected" },
	};
#undef TAIL
	struct fixture *fx = *state;
	struct buf b = BUF_INIT;
	size_t i, k;
	char *s;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		char path[] = "/tmp/test_load_XXXXXX";
		const struct value *v = NULL;

		buf_reset(&b);
		buf_adds(&b, "\xEF\xBB\xBF" "big:\n");
		for (i = 0; i < 3000; i++)
			buf_addf(&b, "  - {n: %zu, text: \"\u00e9t\u00e9 %zu\"}\n",
			    i, i);
		buf_add(&b, cases[k].tail, cases[k].n);
		temp_file(path, b.ptr, b.len);
		diag_release(&fx->d);
		diag_init(&fx->d);
		if (cases[k].want == NULL) {
			assert_int_equal(load_file(&fx->to, path, NULL, &fx->d,
			    &v), 0);
			/* The key after the BOM is at column 1. */
			assert_int_equal(v->u.keys[0].col, 1);
			assert_int_equal(get(fx, v, "big")->len, 3000);
			assert_string_equal(get(fx, get(fx, v, "big")->
			    items[2999], "text")->str, "\xC3\xA9t\xC3\xA9"
			    " 2999");
		} else {
			assert_int_equal(load_file(&fx->to, path, NULL, &fx->d,
			    &v), -1);
			s = entry_text(&fx->d, 0);
			if (strstr(s, cases[k].want) == NULL)
				fail_msg("case %zu: got '%s'", k, s);
			free(s);
		}
		unlink(path);
	}
	buf_release(&b);
}

static void
test_load_file_reports_read_errors(void **state)
{
	struct fixture *fx = *state;
	const struct value *v = NULL;
	char *s;

	assert_int_equal(load_file(&fx->to, "/", NULL, &fx->d, &v), -1);
	assert_null(v);
	assert_int_equal(fx->d.fail, DIAG_IOERR);
	s = entry_text(&fx->d, 0);
	assert_string_equal(s, "gen: error: /: Is a directory");
	free(s);
}

/*
 * What is not a regular file (a pipe) cannot be read again to place an
 * error, so it is read whole, up to the size limit, and loaded as text.
 * The pipe is named through /dev/fd, as a shell's process substitution
 * names it; its text fits in the pipe's buffer, so no writer need run.
 */
static void
test_load_file_reads_a_pipe_whole(void **state)
{
	static const struct {
		const char *text;
		size_t len, max;
		const char *pre, *want;	/* around PATH; NULL: loads */
	} cases[] = {
		{ "a: 1\nb: [x]\n", 12, 0, "", NULL },
		{ "a: 1\nb: [x]\n", 12, 12, "", NULL },
		{ "a: 1\nb: [x]\n", 12, 11, "gen: error: ",
		    ": file is larger than 11 bytes" },
		{ "a: 1\nb: x\0y\n", 12, 0, "",
		    ":2:5: error: NUL byte in input" },
	};
	struct fixture *fx = *state;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct load_limits lim = LOAD_LIMITS_DEFAULT;
		const struct value *v = NULL;
		char path[32], want[128], *s;
		int fds[2], rc;

		print_message("case %zu\n", i);
		if (cases[i].max != 0)
			lim.max_bytes = cases[i].max;
		assert_int_equal(pipe(fds), 0);
		assert_int_equal(write(fds[1], cases[i].text, cases[i].len),
		    (ssize_t)cases[i].len);
		close(fds[1]);
		snprintf(path, sizeof(path), "/dev/fd/%d", fds[0]);
		diag_release(&fx->d);
		rc = load_file(&fx->to, path, &lim, &fx->d, &v);
		close(fds[0]);
		if (cases[i].want == NULL) {
			assert_int_equal(rc, 0);
			assert_int_equal(get(fx, v, "b")->line, 2);
			assert_string_equal(get(fx, v, "b")->items[0]->str,
			    "x");
			continue;
		}
		assert_int_equal(rc, -1);
		assert_null(v);
		assert_int_equal(fx->d.n, 1);
		assert_int_equal(fx->d.fail, DIAG_DATA);
		snprintf(want, sizeof(want), "%s%s%s", cases[i].pre, path,
		    cases[i].want);
		s = entry_text(&fx->d, 0);
		assert_string_equal(s, want);
		free(s);
	}
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_load_resolves_scalars_by_core_schema),
		T(test_load_reads_empty_value_as_null),
		T(test_load_builds_nested_structures),
		T(test_load_records_positions),
		T(test_load_records_positions_with_crlf),
		T(test_load_skips_bom),
		T(test_load_reads_empty_root_containers),
		T(test_load_reads_empty_stream_as_null),
		T(test_load_reports_errors_with_positions),
		T(test_load_limits_default_depth),
		T(test_load_finds_duplicates_either_side_of_16_keys),
		T(test_load_finds_duplicates_in_big_maps),
		T(test_load_interns_keys),
		T(test_load_keeps_texts_apart_from_nodes),
		T(test_load_ignores_earlier_errors),
		T(test_load_file_reports_missing_file),
		T(test_load_file_reads_and_limits_size),
		T(test_load_file_reads_in_chunks),
		T(test_load_file_reports_read_errors),
		T(test_load_file_reads_a_pipe_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
