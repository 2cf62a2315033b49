/* Tests for load.[ch]: core-schema scalars, trees, positions, errors. */
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

#define F "t.yaml"

struct fixture {
	struct arena a;
	struct diag d;
};

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	if (fx == NULL)
		return -1;
	diag_init(&fx->d);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	diag_release(&fx->d);
	arena_release(&fx->a);
	free(fx);
	return 0;
}

/* Loads a NUL-terminated text; returns the root or NULL on failure. */
static struct value *
load(struct fixture *fx, const char *text)
{
	struct value *v = NULL;

	if (load_yaml(&fx->a, F, text, strlen(text), NULL, &fx->d, &v) != 0)
		return NULL;
	assert_non_null(v);
	return v;
}

/* Prints every diagnostic, to explain a failing assertion. */
static void
dump(const struct diag *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		char *s = diag_format(d, i);

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
		struct value *v;

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
	struct value *v = load(fx, "a:\nb: ''\n");

	assert_non_null(v);
	assert_int_equal(value_get(v, "a")->kind, VALUE_NULL);
	assert_int_equal(value_get(v, "b")->kind, VALUE_STRING);
}

/* Structures and positions */

static void
test_load_builds_nested_structures(void **state)
{
	struct fixture *fx = *state;
	struct value *v, *list, *m;

	v = load(fx, "name: http\nstatuses:\n  - code: 200\n    tags: [a, b]\n"
	    "  - {code: 404, phrase: Not Found}\nempty: {}\nnone: []\n");
	assert_non_null(v);
	assert_int_equal(v->kind, VALUE_MAP);
	assert_int_equal(v->u.map.n, 4);
	assert_string_equal(v->u.map.items[0].key, "name");
	assert_string_equal(v->u.map.items[1].key, "statuses");
	assert_string_equal(v->u.map.items[3].key, "none");
	list = value_get(v, "statuses");
	assert_int_equal(list->kind, VALUE_LIST);
	assert_int_equal(list->u.list.n, 2);
	m = list->u.list.items[0];
	assert_int_equal(value_get(m, "code")->u.i, 200);
	assert_int_equal(value_get(m, "tags")->u.list.n, 2);
	assert_string_equal(value_get(m, "tags")->u.list.items[1]->str, "b");
	m = list->u.list.items[1];
	assert_string_equal(value_get(m, "phrase")->str, "Not Found");
	assert_int_equal(value_get(v, "empty")->kind, VALUE_MAP);
	assert_int_equal(value_get(v, "empty")->u.map.n, 0);
	assert_int_equal(value_get(v, "none")->u.list.n, 0);
}

static void
assert_pos(const struct srcpos *p, unsigned line, unsigned col)
{
	assert_non_null(p->file);
	assert_string_equal(p->file, F);
	assert_int_equal(p->line, line);
	assert_int_equal(p->col, col);
}

static void
check_positions(struct fixture *fx, const char *text)
{
	struct value *v = load(fx, text), *list, *m;

	assert_non_null(v);
	assert_pos(&v->pos, 1, 1);
	assert_pos(&v->u.map.items[0].pos, 1, 1);	/* key a */
	assert_pos(&v->u.map.items[0].val->pos, 1, 4);
	assert_pos(&v->u.map.items[1].pos, 2, 1);	/* key list */
	list = v->u.map.items[1].val;
	assert_pos(&list->pos, 3, 3);
	assert_pos(&list->u.list.items[0]->pos, 3, 5);
	m = list->u.list.items[1];
	assert_pos(&m->pos, 4, 5);
	assert_pos(&m->u.map.items[0].pos, 4, 6);	/* key k */
	assert_pos(&m->u.map.items[0].val->pos, 4, 9);
	assert_pos(&v->u.map.items[2].pos, 5, 1);
	assert_pos(&v->u.map.items[2].val->pos, 5, 7);
	/* Columns count characters, not bytes. */
	assert_pos(&v->u.map.items[2].val->u.list.items[1]->pos, 5, 13);
}

static void
test_load_records_positions(void **state)
{
	check_positions(*state,
	    "a: 1\nlist:\n  - x\n  - {k: v}\nlast: [\"é\", x]\n");
}

static void
test_load_records_positions_with_crlf(void **state)
{
	check_positions(*state,
	    "a: 1\r\nlist:\r\n  - x\r\n  - {k: v}\r\nlast: [\"é\", x]\r\n");
}

static void
test_load_skips_bom(void **state)
{
	check_positions(*state, "\xEF\xBB\xBF"
	    "a: 1\nlist:\n  - x\n  - {k: v}\nlast: [\"é\", x]\n");
}

static void
test_load_reads_empty_stream_as_null(void **state)
{
	struct fixture *fx = *state;
	struct value *v = load(fx, "# only a comment\n");

	assert_non_null(v);
	assert_int_equal(v->kind, VALUE_NULL);
	assert_pos(&v->pos, 1, 1);
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
	    F ":2:1: error: found character that cannot start any token",
	    F ":2:1: note: while scanning for the next token", NULL } },
	{ "duplicate key", "a: 1\nb: 2\na: 3\n", 0, 0, 0, {
	    F ":3:1: error: duplicate key 'a'",
	    F ":1:1: note: first defined here", NULL } },
	{ "duplicate keys nested", "x:\n  b: 1\n  b: 2\n  b: 3\n", 0, 0, 0, {
	    F ":3:3: error: duplicate key 'b'",
	    F ":2:3: note: first defined here",
	    F ":4:3: error: duplicate key 'b'",
	    F ":2:3: note: first defined here", NULL } },
	{ "alias", "a: &x 1\nb: *x\n", 0, 0, 0, {
	    F ":2:4: error: aliases are not supported", NULL } },
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
	struct value *v = (struct value *)&lim;	/* must stay untouched */
	size_t i, len = c->len ? c->len : strlen(c->in);

	if (c->max_depth)
		lim.max_depth = c->max_depth;
	if (c->max_nodes)
		lim.max_nodes = c->max_nodes;
	assert_int_equal(load_yaml(&fx->a, F, c->in, len, &lim, &fx->d, &v),
	    -1);
	assert_ptr_equal(v, (struct value *)&lim);
	assert_int_equal(fx->d.fail, DIAG_DATA);
	for (i = 0; c->want[i] != NULL; i++)
		;
	if (fx->d.n != i)
		dump(&fx->d, c->name);
	for (i = 0; c->want[i] != NULL; i++) {
		char *s;

		assert_true(i < fx->d.n);
		s = diag_format(&fx->d, i);
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
	struct value *v = NULL;
	char *s;
	int i;

	for (i = 0; i < 256; i++)
		buf_addc(&b, '[');
	for (i = 0; i < 256; i++)
		buf_addc(&b, ']');
	assert_int_equal(load_yaml(&fx->a, F, b.ptr, b.len, NULL, &fx->d,
	    &v), 0);
	buf_reset(&b);
	for (i = 0; i < 257; i++)
		buf_addc(&b, '[');
	assert_int_equal(load_yaml(&fx->a, F, b.ptr, b.len, NULL, &fx->d,
	    &v), -1);
	assert_int_equal(fx->d.n, 1);
	s = diag_format(&fx->d, 0);
	assert_string_equal(s, F ":1:257: error: nesting deeper than 256 "
	    "levels");
	free(s);
	buf_release(&b);
}

/* Big maps take the sorted path; duplicates still come in order. */
static void
test_load_finds_duplicates_in_big_maps(void **state)
{
	struct fixture *fx = *state;
	struct buf b = BUF_INIT;
	struct value *v = NULL;
	char *s;
	int i;

	for (i = 0; i < 1000; i++)
		buf_addf(&b, "k%d: %d\n", i % 700, i);
	assert_int_equal(load_yaml(&fx->a, F, b.ptr, b.len, NULL, &fx->d,
	    &v), -1);
	assert_int_equal(fx->d.errors, 300);
	s = diag_format(&fx->d, 0);
	assert_string_equal(s, F ":701:1: error: duplicate key 'k0'");
	free(s);
	s = diag_format(&fx->d, 1);
	assert_string_equal(s, F ":1:1: note: first defined here");
	free(s);
	s = diag_format(&fx->d, 2);
	assert_string_equal(s, F ":702:1: error: duplicate key 'k1'");
	free(s);
	buf_release(&b);
}

/*
 * Keys repeated by the maps of a list are stored once; past the limits
 * of the key table (long keys, thousands of distinct keys) every key is
 * still kept whole and found, and positions stay right.
 */
static void
test_load_interns_repeated_keys(void **state)
{
	static const char longkey[] =
	    "a_key_that_is_longer_than_thirty_two_bytes";
	struct fixture *fx = *state;
	struct buf b = BUF_INIT;
	struct value *v = NULL, *list, *big;
	char key[32];
	int i;

	buf_addf(&b, "list:\n");
	for (i = 0; i < 3; i++)
		buf_addf(&b, "  - {code: %d, %s: %d}\n", i, longkey, i);
	buf_addf(&b, "big:\n");
	for (i = 0; i < 6000; i++)
		buf_addf(&b, "  key%d: %d\n", i, i);
	assert_int_equal(load_yaml(&fx->a, F, b.ptr, b.len, NULL, &fx->d,
	    &v), 0);
	list = value_get(v, "list");
	assert_ptr_equal(list->u.list.items[0]->u.map.items[0].key,
	    list->u.list.items[2]->u.map.items[0].key);
	assert_string_equal(list->u.list.items[2]->u.map.items[1].key,
	    longkey);
	assert_int_equal(value_get(list->u.list.items[2], longkey)->u.i, 2);
	big = value_get(v, "big");
	assert_int_equal(big->u.map.n, 6000);
	for (i = 0; i < 6000; i += 1999) {
		snprintf(key, sizeof(key), "key%d", i);
		assert_int_equal(value_get(big, key)->u.i, i);
		assert_int_equal(big->u.map.items[i].keylen, strlen(key));
		assert_int_equal(big->u.map.items[i].pos.line, 6 + i);
		assert_int_equal(big->u.map.items[i].pos.col, 3);
	}
	buf_release(&b);
}

/* Errors the caller recorded earlier do not fail the load. */
static void
test_load_ignores_earlier_errors(void **state)
{
	struct fixture *fx = *state;
	struct value *v = NULL;

	diag_error(&fx->d, NULL, "earlier");
	assert_int_equal(load_yaml(&fx->a, F, "a: 1", 4, NULL, &fx->d, &v),
	    0);
	assert_non_null(v);
	assert_int_equal(v->kind, VALUE_MAP);
}

/* Streaming: what the test's hook saw. */
struct seen {
	bool accept;
	size_t begins, items;
	bool saw_ab;		/* begin() was given a: and b:, complete */
	char text[256];		/* "code=phrase;" per item, copied */
	unsigned line[8];
	const char *phrase[8];	/* each map's phrase, not copied */
};

static bool
seen_begin(void *ctx, const struct member *done, size_t n)
{
	struct seen *s = ctx;

	s->begins++;
	s->saw_ab = n == 2 && strcmp(done[0].key, "a") == 0 &&
	    strcmp(done[1].key, "b") == 0 && done[1].val->kind == VALUE_MAP;
	return s->accept;
}

static void
seen_item(void *ctx, const struct value *v)
{
	struct seen *s = ctx;
	size_t len = strlen(s->text);

	if (v == NULL) {
		s->items++;
		snprintf(s->text + len, sizeof(s->text) - len, "NULL;");
		return;
	}
	if (s->items < 8) {
		s->line[s->items] = v->pos.line;
		if (v->kind == VALUE_MAP)
			s->phrase[s->items] = value_get(v, "phrase")->str;
	}
	s->items++;
	if (v->kind == VALUE_MAP)
		snprintf(s->text + len, sizeof(s->text) - len, "%s=%s;",
		    value_get(v, "code")->str, value_get(v, "phrase")->str);
	else
		snprintf(s->text + len, sizeof(s->text) - len, "[%s];",
		    v->str);
}

/* Loads text, streaming `statuses` into what seen records. */
static int
load_seen(struct fixture *fx, const char *text, struct seen *seen,
    struct value **v)
{
	struct load_stream st = {
	    "statuses", seen_begin, seen_item, NULL, NULL, NULL
	};

	st.ctx = seen;
	*v = NULL;
	return load_yaml_streamed(&fx->a, F, text, strlen(text), NULL, &st,
	    &fx->d, v);
}

/*
 * The items of the root's list under the stream's key go to item() one
 * at a time, in order, with their positions, and stay out of the tree,
 * but for the texts of their strings, which live as long as it does; a
 * list of that name deeper down, and everything else, load as usual.
 */
static void
test_load_streams_a_root_list(void **state)
{
	static const char text[] =
	    "a: 1\n"
	    "b: {statuses: [x]}\n"
	    "statuses:\n"
	    "  - {code: 1, phrase: One, more: [1, {deep: 2}]}\n"
	    "  - plain\n"
	    "  - code: 2\n"
	    "    phrase: Two\n"
	    "c: [3]\n";
	struct fixture *fx = *state;
	struct seen seen = { true, 0, 0, false, "", { 0 }, { NULL } };
	struct value *v;

	assert_int_equal(load_seen(fx, text, &seen, &v), 0);
	assert_int_equal(seen.begins, 1);
	assert_true(seen.saw_ab);
	assert_int_equal(seen.items, 3);
	assert_string_equal(seen.text, "1=One;[plain];2=Two;");
	assert_string_equal(seen.phrase[0], "One");
	assert_string_equal(seen.phrase[2], "Two");
	assert_int_equal(seen.line[0], 4);
	assert_int_equal(seen.line[2], 6);
	assert_int_equal(value_get(v, "statuses")->kind, VALUE_LIST);
	assert_int_equal(value_get(v, "statuses")->u.list.n, 0);
	assert_int_equal(value_get(value_get(v, "b"), "statuses")->u.list.n, 1);
	assert_int_equal(value_get(v, "c")->u.list.items[0]->u.i, 3);

	/* Declined: the list loads into the tree. */
	memset(&seen, 0, sizeof(seen));
	seen.accept = false;
	assert_int_equal(load_seen(fx, text, &seen, &v), 0);
	assert_int_equal(seen.begins, 1);
	assert_int_equal(seen.items, 0);
	assert_int_equal(value_get(v, "statuses")->u.list.n, 3);
	assert_string_equal(value_get(value_get(v, "statuses")->u.list.items[2],
	    "phrase")->str, "Two");
}

/* An alias inside a streamed list is an error, handed over as NULL. */
static void
test_load_streams_errors(void **state)
{
	static const char text[] =
	    "statuses:\n"
	    "  - &a {code: 1, phrase: One}\n"
	    "  - *a\n";
	struct fixture *fx = *state;
	struct seen seen = { true, 0, 0, false, "", { 0 }, { NULL } };
	struct value *v;

	assert_int_equal(load_seen(fx, text, &seen, &v), -1);
	assert_null(v);
	assert_string_equal(seen.text, "1=One;NULL;");
	assert_int_equal(fx->d.errors, 1);
}

/* Files */

static void
test_load_file_reports_missing_file(void **state)
{
	struct fixture *fx = *state;
	struct value *v = NULL;
	char *s;

	assert_int_equal(load_file(&fx->a, "/nonexistent/x.yaml", NULL,
	    &fx->d, &v), -1);
	assert_null(v);
	assert_int_equal(fx->d.fail, DIAG_NOINPUT);
	assert_int_equal(fx->d.n, 1);
	s = diag_format(&fx->d, 0);
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
	struct value *v = NULL;
	int fd = mkstemp(path);
	char *s;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, "a: 1\nb: [x]\n", 12), 12);
	close(fd);
	assert_int_equal(load_file(&fx->a, path, NULL, &fx->d, &v), 0);
	assert_int_equal(value_get(v, "a")->u.i, 1);
	assert_ptr_equal(value_get(v, "b")->pos.file, path);
	assert_int_equal(value_get(v, "b")->pos.line, 2);
	lim.max_bytes = 11;
	v = NULL;
	assert_int_equal(load_file(&fx->a, path, &lim, &fx->d, &v), -1);
	assert_null(v);
	assert_int_equal(fx->d.fail, DIAG_DATA);
	s = diag_format(&fx->d, 0);
	assert_true(strstr(s, ": file is larger than 11 bytes") != NULL);
	assert_true(strncmp(s, "gen: error: /tmp/test_load_", 27) == 0);
	free(s);
	lim.max_bytes = 12;
	assert_int_equal(load_file(&fx->a, path, &lim, &fx->d, &v), 0);
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
		struct value *v = NULL;

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
			assert_int_equal(load_file(&fx->a, path, NULL, &fx->d,
			    &v), 0);
			/* The key after the BOM is at column 1. */
			assert_int_equal(v->u.map.items[0].pos.col, 1);
			assert_int_equal(value_get(v, "big")->u.list.n, 3000);
			assert_string_equal(value_get(value_get(v, "big")->
			    u.list.items[2999], "text")->str, "\xC3\xA9t\xC3\xA9" " 2999");
		} else {
			assert_int_equal(load_file(&fx->a, path, NULL, &fx->d,
			    &v), -1);
			s = diag_format(&fx->d, 0);
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
	struct value *v = NULL;
	char *s;

	assert_int_equal(load_file(&fx->a, "/", NULL, &fx->d, &v), -1);
	assert_null(v);
	assert_int_equal(fx->d.fail, DIAG_IOERR);
	s = diag_format(&fx->d, 0);
	assert_string_equal(s, "gen: error: /: Is a directory");
	free(s);
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
		T(test_load_reads_empty_stream_as_null),
		T(test_load_reports_errors_with_positions),
		T(test_load_limits_default_depth),
		T(test_load_finds_duplicates_in_big_maps),
		T(test_load_interns_repeated_keys),
		T(test_load_ignores_earlier_errors),
		T(test_load_streams_a_root_list),
		T(test_load_streams_errors),
		T(test_load_file_reports_missing_file),
		T(test_load_file_reads_and_limits_size),
		T(test_load_file_reads_in_chunks),
		T(test_load_file_reports_read_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
