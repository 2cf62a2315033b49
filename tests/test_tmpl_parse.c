/*
 * test_tmpl_parse: templates that parse (and keep the tree's invariants)
 * and templates that fail, with the exact diagnostics, positions included;
 * names resolved to interned keys as they are parsed, and what tmpl_refs
 * reports of a template.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "tmpl/tmpl.h"
#include "tmpl_check.h"
#include "tmpl/tmpl_int.h"
#include "check.h"

struct fixture {
	struct arena a;
	struct diag d;
	struct keys *keys;
};

/* The keys a data file would intern; templates name some of them. */
static const char *const data_keys[] = {
	"a", "b", "c", "d", "e", "x", "y", "id", "name", "dyn", "dp", "blk",
	"list", "parent", "p",
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	size_t i;

	assert_non_null(f);
	diag_init(&f->d);
	f->keys = keys_new();
	for (i = 0; i < sizeof(data_keys) / sizeof(data_keys[0]); i++)
		keys_add(f->keys, data_keys[i], strlen(data_keys[i]));
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	diag_release(&f->d);
	arena_release(&f->a);
	keys_free(f->keys);
	free(f);
	return 0;
}

static int
parse(struct fixture *f, const char *text, size_t len, struct tmpl **t)
{
	return tmpl_parse(&f->a, f->keys, "t.mustache", text, len, &f->d, t);
}

/* The interned key for s, which must have been added. */
static const char *
key(const struct fixture *f, const char *s)
{
	const char *k = keys_find(f->keys, s, strlen(s));

	assert_non_null(k);
	return k;
}

/* All diagnostics, one per line. */
static char *
all_diags(const struct diag *d)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < d->n; i++) {
		char *s = entry_text(d, i);

		buf_addf(&b, "%s%s", i ? "\n" : "", s);
		free(s);
	}
	return buf_detach(&b, NULL);
}

static const char *const good[] = {
	"",
	"plain\ntext\r\n",
	"{{a}}{{{b}}}{{&c}}{{! note }}{{> p }}{{>*dyn.name}}",
	"{{#a}}\n  {{#b}}{{.}}{{/b}}\n{{/a}}{{^c}}x{{/c}}",
	"{{=<% %>=}}<% a %><%={{ }}=%>{{b}}",
	"{{<parent}}{{$block}}x{{/block}}{{/parent}}",
	"{{<*dyn}}{{$b}}{{/b}}{{/*dyn}}{{<* dyn }}{{/ * dyn }}",
	"  {{$a}}{{/a}}\r\n{{<p}}\n  {{$b}}\n    x\n  {{/b}}\n{{/p}}",
	"{{ a | pascal }}{{{b|upper}}}{{&c | snake}}",
	"{{a | snake | upper}}{{#@first}}{{@index}}{{/@first}}",
	"{{!\nmulti\nline\n}}\n",
};

static void
test_tmpl_parse_accepts_valid_templates(void **state)
{
	struct fixture *f = *state;
	struct tmpl *t;
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		t = NULL;
		if (parse(f, good[i], strlen(good[i]), &t) != 0) {
			char *s = all_diags(&f->d);

			print_error("template %zu: %s\n", i, s);
			free(s);
			fail();
		}
		assert_true(tmpl_check(t));
	}
}

static const struct {
	const char *name, *text, *want;
} bad[] = {
	{ "unclosed section", "{{#x}}\nabc",
	    "t.mustache:2:4: error: section 'x' is never closed\n"
	    "t.mustache:1:1: note: section 'x' opened here" },
	{ "unclosed nested", "{{#a}}{{^b}}",
	    "t.mustache:1:13: error: section 'b' is never closed\n"
	    "t.mustache:1:7: note: section 'b' opened here\n"
	    "t.mustache:1:13: error: section 'a' is never closed\n"
	    "t.mustache:1:1: note: section 'a' opened here" },
	{ "mismatched close", "{{#x}}\n  {{/y}}",
	    "t.mustache:2:3: error: closing tag 'y' does not match open "
	    "section 'x'\n"
	    "t.mustache:1:1: note: section 'x' opened here" },
	{ "mismatch recovers", "{{#a}}{{#b}}{{/a}}ok",
	    "t.mustache:1:13: error: closing tag 'a' does not match open "
	    "section 'b'\n"
	    "t.mustache:1:7: note: section 'b' opened here" },
	{ "close without open", "a{{/y}}",
	    "t.mustache:1:2: error: closing tag 'y' has no open section" },
	{ "unclosed tag", "ab\n  {{x",
	    "t.mustache:2:3: error: unclosed tag" },
	{ "unclosed triple", "{{{x}}",
	    "t.mustache:1:1: error: unclosed tag" },
	{ "bad delimiters", "{{=<% =}}",
	    "t.mustache:1:1: error: bad set-delimiter tag '<%'" },
	{ "delimiters with equals", "{{=a= b=}}",
	    "t.mustache:1:1: error: bad set-delimiter tag 'a= b'" },
	{ "empty name", "x{{ }}",
	    "t.mustache:1:2: error: empty tag name" },
	{ "empty section name", "{{#}}",
	    "t.mustache:1:1: error: empty tag name\n"
	    "t.mustache:1:6: error: section '' is never closed\n"
	    "t.mustache:1:1: note: section '' opened here" },
	{ "bad dotted name", "{{a..b}}",
	    "t.mustache:1:1: error: invalid name 'a..b'" },
	{ "unknown special", "{{@count}}",
	    "t.mustache:1:1: error: invalid name '@count'" },
	{ "unknown filter", "a\nb\nid: {{id | pascl}}",
	    "t.mustache:3:12: error: unknown filter 'pascl'; "
	    "did you mean 'pascal'?" },
	{ "unknown filter far", "{{id|zzzzzzzz}}",
	    "t.mustache:1:6: error: unknown filter 'zzzzzzzz'; expected one "
	    "of: snake, upper_snake, kebab, camel, pascal, upper_camel, "
	    "lower, upper, comment" },
	{ "filter in multiline tag", "{{id\n  | snak}}",
	    "t.mustache:2:5: error: unknown filter 'snak'; "
	    "did you mean 'snake'?" },
	{ "unclosed block", "{{$b}}x",
	    "t.mustache:1:8: error: block 'b' is never closed\n"
	    "t.mustache:1:1: note: block 'b' opened here" },
	{ "unclosed parent", "{{<p}}\n",
	    "t.mustache:2:1: error: parent 'p' is never closed\n"
	    "t.mustache:1:1: note: parent 'p' opened here" },
	{ "block closed by its parent", "{{<p}}{{$b}}{{/p}}",
	    "t.mustache:1:13: error: closing tag 'p' does not match open "
	    "block 'b'\n"
	    "t.mustache:1:7: note: block 'b' opened here" },
	{ "dynamic parent closed without star", "{{<*d}}{{/d}}",
	    "t.mustache:1:8: error: closing tag 'd' does not match open "
	    "parent '*d'\n"
	    "t.mustache:1:1: note: parent '*d' opened here" },
	{ "empty dynamic name", "x\n {{>* }}",
	    "t.mustache:2:2: error: empty name after '*'" },
	{ "empty dynamic parent", "{{<*}}v{{/*\n}}",
	    "t.mustache:1:1: error: empty name after '*'" },
	{ "bad dynamic name", "{{>*a..b}}",
	    "t.mustache:1:1: error: invalid name 'a..b'" },
	{ "empty name before filter", "{{ |upper}}",
	    "t.mustache:1:1: error: empty tag name" },
	{ "errors in one pass", "{{/a}}\n{{x|nope}}\n{{#b}}",
	    "t.mustache:1:1: error: closing tag 'a' has no open section\n"
	    "t.mustache:2:5: error: unknown filter 'nope'; expected one of: "
	    "snake, upper_snake, kebab, camel, pascal, upper_camel, lower, "
	    "upper, comment\n"
	    "t.mustache:3:7: error: section 'b' is never closed\n"
	    "t.mustache:3:1: note: section 'b' opened here" },
};

static void
test_tmpl_parse_reports_errors(void **state)
{
	struct fixture *f = *state;
	struct tmpl *t = NULL;
	size_t i;
	char *got;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		diag_release(&f->d);
		assert_int_equal(parse(f, bad[i].text, strlen(bad[i].text),
		    &t), -1);
		assert_null(t);
		got = all_diags(&f->d);
		if (strcmp(got, bad[i].want) != 0) {
			print_error("case '%s':\ngot:\n%s\nwant:\n%s\n",
			    bad[i].name, got, bad[i].want);
			free(got);
			fail();
		}
		free(got);
	}
}

/* Builds n copies of s. */
static char *
repeat(const char *s, size_t n, size_t *len)
{
	size_t k = strlen(s), i;
	char *p = malloc(k * n + 1);

	assert_non_null(p);
	for (i = 0; i < n; i++)
		memcpy(p + i * k, s, k);
	p[k * n] = '\0';
	*len = k * n;
	return p;
}

static void
test_tmpl_parse_bounds_nesting(void **state)
{
	struct fixture *f = *state;
	struct tmpl *t = NULL;
	size_t len;
	char *text = repeat("{{#a}}", 100000, &len);
	char *s;

	assert_int_equal(parse(f, text, len, &t), -1);
	assert_null(t);
	s = entry_text(&f->d, 0);
	assert_string_equal(s, "t.mustache:1:1537: error: sections nested "
	    "deeper than 256");
	assert_int_equal(f->d.n, 1);
	free(s);
	free(text);
}

static void
test_tmpl_parse_allows_max_nesting(void **state)
{
	struct fixture *f = *state;
	struct tmpl *t = NULL;
	size_t len, len2;
	char *open = repeat("{{#a}}", TMPL_MAX_DEPTH, &len);
	char *close = repeat("{{/a}}", TMPL_MAX_DEPTH, &len2);
	char *text = malloc(len + len2 + 1);

	assert_non_null(text);
	memcpy(text, open, len);
	memcpy(text + len, close, len2 + 1);
	assert_int_equal(parse(f, text, len + len2, &t), 0);
	assert_true(tmpl_check(t));
	free(open);
	free(close);
	free(text);
}

static void
test_tmpl_parse_stops_after_too_many_errors(void **state)
{
	struct fixture *f = *state;
	struct tmpl *t = NULL;
	size_t len;
	char *text = repeat("{{/x}}", 50, &len);
	char *s;

	assert_int_equal(parse(f, text, len, &t), -1);
	assert_int_equal(f->d.n, DIAG_MAX_ERRORS + 1);
	s = entry_text(&f->d, DIAG_MAX_ERRORS);
	assert_string_equal(s, "gen: error: too many errors");
	free(s);
	free(text);
}

/* The tree's shape: text split at line ends, standalone lines gone. */
static void
test_tmpl_parse_builds_tree(void **state)
{
	struct fixture *f = *state;
	const char *text = "a\nb{{#s}}\n  {{x | upper}}\n  {{/s}}\n  {{>p}}\n";
	struct tmpl *t = NULL;
	const struct tnode *n, *sec;

	assert_int_equal(parse(f, text, strlen(text), &t), 0);
	assert_true(tmpl_check(t));
	n = t->root->child;
	assert_int_equal(n->kind, TNODE_TEXT);
	assert_int_equal(n->len, 2);
	assert_true(n->bol);
	n = n->next;
	assert_int_equal(n->kind, TNODE_TEXT);
	assert_int_equal(n->len, 1);
	sec = n->next;
	assert_int_equal(sec->kind, TNODE_SECTION);
	assert_int_equal(sec->pos.line, 2);
	assert_int_equal(sec->pos.col, 2);
	n = sec->child;
	assert_int_equal(n->kind, TNODE_TEXT);
	assert_memory_equal(n->text, "\n", 1);
	n = n->next;
	assert_int_equal(n->kind, TNODE_TEXT);
	assert_memory_equal(n->text, "  ", 2);
	assert_true(n->bol);
	n = n->next;
	assert_int_equal(n->kind, TNODE_VAR);
	assert_int_equal(n->nfilters, 1);
	assert_int_equal(n->filters[0], FILTER_UPPER);
	assert_int_equal(n->pos.line, 3);
	assert_int_equal(n->pos.col, 3);
	assert_int_equal(n->next->kind, TNODE_TEXT);
	assert_null(n->next->next);
	n = sec->next;
	assert_int_equal(n->kind, TNODE_PARTIAL);
	assert_true(n->standalone);
	assert_int_equal(n->indentlen, 2);
	assert_null(n->next);
}

/* The margins a block keeps for re-indenting overrides. */
static const struct {
	const char *name, *text;
	bool standalone;
	size_t dedent, indentlen, eollen;
} margins[] = {
	{ "inline", "x{{$b}}\n  y{{/b}}\n", false, 0, 0, 0 },
	{ "lines", "  {{$b}}\n    one\n\n      two\n  {{/b}}\n", true, 4, 4, 1 },
	{ "no content", "  {{$b}}{{/b}}\r\n", true, 0, 2, 2 },
	{ "open close line", "{{$b}}\n  x{{/b}}\n", true, 2, 2, 0 },
	{ "tag starts a line", "{{$b}}\n    a\n{{x}}\n{{/b}}", true, 0, 0, 0 },
	{ "blanks then tag", "{{$b}}\n    a\n  {{x}}\n{{/b}}", true, 2, 2, 0 },
	{ "partial line", "{{$b}}\n    a\n   {{>p}}\n{{/b}}", true, 3, 3, 0 },
	{ "nested block", "{{$b}}\n    a\n  {{$c}}\n  b\n  {{/c}}\n{{/b}}\n",
	    true, 2, 2, 1 },
	{ "parent text ignored", "{{$b}}\n    a\n  {{<p}}\nz\n  {{/p}}\n{{/b}}",
	    true, 2, 2, 0 },
};

static void
test_tmpl_parse_records_block_margins(void **state)
{
	struct fixture *f = *state;
	const struct tnode *n;
	struct tmpl *t;
	size_t i;

	for (i = 0; i < sizeof(margins) / sizeof(margins[0]); i++) {
		t = NULL;
		assert_int_equal(parse(f, margins[i].text,
		    strlen(margins[i].text), &t), 0);
		assert_true(tmpl_check(t));
		for (n = t->root->child; n->kind != TNODE_BLOCK; n = n->next)
			continue;
		if (n->standalone != margins[i].standalone ||
		    n->dedent != margins[i].dedent ||
		    n->indentlen != margins[i].indentlen ||
		    n->eollen != margins[i].eollen) {
			print_error("case '%s': standalone %d dedent %zu "
			    "indent %zu eol %zu\n", margins[i].name,
			    n->standalone, n->dedent, n->indentlen,
			    n->eollen);
			fail();
		}
	}
}

/* The n-th child of the root. */
static const struct tnode *
nth(const struct tmpl *t, size_t n)
{
	const struct tnode *c = t->root->child;

	while (n-- > 0)
		c = c->next;
	return c;
}

/*
 * Each part of a name is resolved once, at parse, to the key the table
 * interned for its text, or to NULL when the table has no such key (no
 * map can hold it); ".", "@index" and a static partial's name are no
 * keys.
 */
static void
test_tmpl_parse_resolves_names_to_interned_keys(void **state)
{
	struct fixture *f = *state;
	const char *text = "{{a.b.c}}{{#list}}{{name | upper}}{{/list}}"
	    "{{^nope}}{{/nope}}{{>*dyn.e}}{{a.nope.b}}{{.}}{{@index}}{{>p}}";
	const struct tnode *n;
	struct tmpl *t = NULL;

	assert_int_equal(parse(f, text, strlen(text), &t), 0);
	n = nth(t, 0);
	assert_int_equal(n->name.nparts, 3);
	assert_ptr_equal(n->name.keys[0], key(f, "a"));
	assert_ptr_equal(n->name.keys[1], key(f, "b"));
	assert_ptr_equal(n->name.keys[2], key(f, "c"));
	n = nth(t, 1);
	assert_ptr_equal(n->name.keys[0], key(f, "list"));
	assert_ptr_equal(n->child->name.keys[0], key(f, "name"));
	n = nth(t, 2);
	assert_int_equal(n->kind, TNODE_INVERTED);
	assert_int_equal(n->name.nparts, 1);
	assert_null(n->name.keys[0]);
	n = nth(t, 3);
	assert_true(n->dynamic);
	assert_ptr_equal(n->name.keys[0], key(f, "dyn"));
	assert_ptr_equal(n->name.keys[1], key(f, "e"));
	n = nth(t, 4);
	assert_ptr_equal(n->name.keys[0], key(f, "a"));
	assert_null(n->name.keys[1]);
	assert_ptr_equal(n->name.keys[2], key(f, "b"));
	assert_int_equal(nth(t, 5)->name.special, TNAME_DOT);
	assert_int_equal(nth(t, 5)->name.nparts, 0);
	assert_int_equal(nth(t, 6)->name.special, TNAME_INDEX);
	assert_int_equal(nth(t, 6)->name.nparts, 0);
	n = nth(t, 7);
	assert_false(n->dynamic);
	assert_int_equal(n->name.nparts, 0);
	assert_memory_equal(n->name.s, "p", n->name.len);
	assert_null(n->next);
}

/* Without a table no name resolves: every key is NULL. */
static void
test_tmpl_parse_without_keys_resolves_nothing(void **state)
{
	struct fixture *f = *state;
	const char *text = "{{a.b}}{{#list}}{{/list}}{{>*dyn}}";
	const struct tnode *n;
	struct tmpl *t = NULL;
	size_t i;

	assert_int_equal(tmpl_parse(&f->a, NULL, "t.mustache", text,
	    strlen(text), &f->d, &t), 0);
	assert_true(tmpl_check(t));
	for (n = t->root->child; n != NULL; n = n->next) {
		assert_true(n->name.nparts > 0);
		for (i = 0; i < n->name.nparts; i++)
			assert_null(n->name.keys[i]);
	}
}

/*
 * What tmpl_refs reports, as "k:KEY," (a name's first part), "k+:KEY,"
 * (a later part), "p:PARTIAL," and "d:DYNAMIC,".
 */
struct refs {
	struct buf b;
	const struct keys *keys;
};

static void
on_key(void *ctx, const char *k, bool first)
{
	struct refs *r = ctx;

	/* Only interned keys are reported, never NULL. */
	assert_non_null(k);
	assert_ptr_equal(keys_find(r->keys, k, strlen(k)), k);
	buf_addf(&r->b, "%s:%s,", first ? "k" : "k+", k);
}

static void
on_partial(void *ctx, const char *name, size_t len, bool dynamic)
{
	struct refs *r = ctx;

	buf_addf(&r->b, "%s:%.*s,", dynamic ? "d" : "p", (int)len, name);
}

/*
 * tmpl_refs walks the whole tree in document order: every interned key
 * a name resolved to (one report per use), and every partial and parent
 * tag, by name or, when dynamic, by the name that will name it.  Block
 * names and static partial names are names, not lookups.
 */
static const struct {
	const char *name, *text, *want;
} refs[] = {
	{ "empty", "", "" },
	{ "names", "{{a}}{{#b}}{{c.d}}{{/b}}{{^e}}{{/e}}",
	    "k:a,k:b,k:c,k+:d,k:e," },
	{ "filters and raw", "{{a | upper}}{{{b}}}{{&c}}", "k:a,k:b,k:c," },
	{ "each use", "{{a}}{{a}}", "k:a,k:a," },
	{ "unknown names", "{{nope}}{{a.nope}}{{#zz}}{{/zz}}", "k:a," },
	{ "special names", "{{.}}{{@index}}{{#@first}}{{/@first}}"
	    "{{^@last}}{{/@last}}", "" },
	{ "comments and delimiters", "{{! a }}{{=<% %>=}}<%b%>", "k:b," },
	{ "static partials", "{{>p}}{{> name }}{{>nope}}",
	    "p:p,p:name,p:nope," },
	{ "dynamic partials", "{{>*dyn}}{{>*a.b}}{{>*nope}}",
	    "d:dyn,k:dyn,d:a.b,k:a,k+:b,d:nope," },
	{ "parent and block", "{{<parent}}{{$blk}}{{x}}{{/blk}}{{/parent}}",
	    "p:parent,k:x," },
	{ "dynamic parent", "{{<*dp}}{{$blk}}{{/blk}}{{/*dp}}", "d:dp,k:dp," },
	{ "block alone", "{{$blk}}{{y}}{{/blk}}", "k:y," },
	{ "nested in sections", "{{#a}}{{^b}}{{>p}}{{/b}}{{/a}}{{c}}",
	    "k:a,k:b,p:p,k:c," },
	{ "partial in an override", "{{<parent}}{{$blk}}{{>*dyn}}{{/blk}}"
	    "{{/parent}}{{id}}", "p:parent,d:dyn,k:dyn,k:id," },
};

static void
test_tmpl_parse_refs_list_keys_and_partials(void **state)
{
	struct fixture *f = *state;
	struct refs r = { BUF_INIT, f->keys };
	struct tmpl *t;
	size_t i;

	for (i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) {
		t = NULL;
		assert_int_equal(parse(f, refs[i].text, strlen(refs[i].text),
		    &t), 0);
		buf_reset(&r.b);
		tmpl_refs(t, on_key, on_partial, &r);
		if (strcmp(r.b.ptr, refs[i].want) != 0) {
			print_error("case '%s': got '%s', want '%s'\n",
			    refs[i].name, r.b.ptr, refs[i].want);
			fail();
		}
	}
	buf_release(&r.b);
}

/* Either function may be NULL: only the other is called. */
static void
test_tmpl_parse_refs_take_either_function(void **state)
{
	struct fixture *f = *state;
	struct refs r = { BUF_INIT, f->keys };
	const char *text = "{{a}}{{>p}}{{>*dyn}}";
	struct tmpl *t = NULL;

	assert_int_equal(parse(f, text, strlen(text), &t), 0);
	tmpl_refs(t, on_key, NULL, &r);
	assert_string_equal(r.b.ptr, "k:a,k:dyn,");
	buf_reset(&r.b);
	tmpl_refs(t, NULL, on_partial, &r);
	assert_string_equal(r.b.ptr, "p:p,d:dyn,");
	buf_reset(&r.b);
	tmpl_refs(t, NULL, NULL, &r);
	assert_string_equal(r.b.ptr, "");
	buf_release(&r.b);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_tmpl_parse_accepts_valid_templates),
		T(test_tmpl_parse_reports_errors),
		T(test_tmpl_parse_bounds_nesting),
		T(test_tmpl_parse_allows_max_nesting),
		T(test_tmpl_parse_stops_after_too_many_errors),
		T(test_tmpl_parse_builds_tree),
		T(test_tmpl_parse_records_block_margins),
		T(test_tmpl_parse_resolves_names_to_interned_keys),
		T(test_tmpl_parse_without_keys_resolves_nothing),
		T(test_tmpl_parse_refs_list_keys_and_partials),
		T(test_tmpl_parse_refs_take_either_function),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
