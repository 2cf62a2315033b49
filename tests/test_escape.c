#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "tmpl/escape.h"
#include "load/load.h"
#include "check.h"

/*
 * A string literal and its length, so that rows may hold NUL bytes.
 * Question-mark pairs are written "?" "?" so no trigraph forms here.
 */
#define S(x) x, sizeof(x) - 1

struct row {
	const char *name;
	enum escape_mode mode;
	const char *in;
	size_t inlen;
	const char *want;
	size_t wantlen;
};

static const struct row add_rows[] = {
	/* ESCAPE_NONE */
	{ "none keeps nul", ESCAPE_NONE, S("a\0b\n\"\\"), S("a\0b\n\"\\") },
	{ "none empty", ESCAPE_NONE, S(""), S("") },

	/* ESCAPE_HTML */
	{ "html specials", ESCAPE_HTML, S("<a href=\"x\">&</a>"),
	    S("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;") },
	{ "html keeps apostrophe and utf8", ESCAPE_HTML,
	    S("it's caf\xc3\xa9 {{x}}"), S("it's caf\xc3\xa9 {{x}}") },

	/* ESCAPE_C */
	{ "c plain", ESCAPE_C, S("Not Found"), S("Not Found") },
	{ "c quote backslash", ESCAPE_C, S("say \"hi\" \\ ok"),
	    S("say \\\"hi\\\" \\\\ ok") },
	{ "c line breaks", ESCAPE_C, S("a\nb\tc\rd"), S("a\\nb\\tc\\rd") },
	{ "c utf8 octal", ESCAPE_C, S("caf\xc3\xa9"), S("caf\\303\\251") },
	{ "c octal then digit", ESCAPE_C, S("\xc3\xa9" "1"), S("\\303\\2511") },
	{ "c nul inside", ESCAPE_C, S("a\0b"), S("a\\000b") },
	{ "c controls", ESCAPE_C, S("\a\x1b\x7f\f\v"),
	    S("\\007\\033\\177\\014\\013") },
	{ "c chinese", ESCAPE_C, S("\xe4\xb8\xad"), S("\\344\\270\\255") },
	{ "c emoji", ESCAPE_C, S("\xf0\x9f\x98\x80"),
	    S("\\360\\237\\230\\200") },
	{ "c invalid utf8", ESCAPE_C, S("\xff\xc0"), S("\\377\\300") },
	{ "c trigraph", ESCAPE_C, S("?" "?="), S("?\\?=") },
	{ "c three question marks", ESCAPE_C, S("?" "?" "?/"), S("?\\?\\?/") },
	{ "c single question mark", ESCAPE_C, S("what? ok?"),
	    S("what? ok?") },
	{ "c comment and format chars", ESCAPE_C, S("/* */ // %s {{ }} `|'"),
	    S("/* */ // %s {{ }} `|'") },

	/* ESCAPE_PYTHON */
	{ "python quote backslash", ESCAPE_PYTHON, S("a\"b\\c'd"),
	    S("a\\\"b\\\\c'd") },
	{ "python triple quote", ESCAPE_PYTHON, S("\"\"\""),
	    S("\\\"\\\"\\\"") },
	{ "python line breaks", ESCAPE_PYTHON, S("a\nb\tc\rd"),
	    S("a\\nb\\tc\\rd") },
	{ "python controls", ESCAPE_PYTHON, S("\0\x1b\x7f"),
	    S("\\x00\\x1b\\x7f") },
	{ "python utf8 passes, bom spelt out", ESCAPE_PYTHON,
	    S("caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80 \xef\xbb\xbf"),
	    S("caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80 \\ufeff") },
	{ "python invalid byte", ESCAPE_PYTHON, S("a\xff" "b"),
	    S("a\\xffb") },
	{ "python truncated sequence", ESCAPE_PYTHON, S("\xe4\xb8"),
	    S("\\xe4\\xb8") },
	{ "python surrogate", ESCAPE_PYTHON, S("\xed\xa0\x80"),
	    S("\\xed\\xa0\\x80") },
	{ "python overlong", ESCAPE_PYTHON, S("\xc0\xaf"), S("\\xc0\\xaf") },
	{ "python overlong three bytes", ESCAPE_PYTHON, S("\xe0\x83\xa9"),
	    S("\\xe0\\x83\\xa9") },
	{ "python lone continuation", ESCAPE_PYTHON, S("\x80" "a\xc2"),
	    S("\\x80a\\xc2") },
	{ "python above max", ESCAPE_PYTHON, S("\xf4\x90\x80\x80"),
	    S("\\xf4\\x90\\x80\\x80") },
	{ "python braces percent", ESCAPE_PYTHON, S("{{x}} %s {0}"),
	    S("{{x}} %s {0}") },

	/* ESCAPE_GO */
	{ "go quote backslash backtick", ESCAPE_GO, S("a\"b\\c`d"),
	    S("a\\\"b\\\\c`d") },
	{ "go line breaks", ESCAPE_GO, S("a\nb\tc\rd"), S("a\\nb\\tc\\rd") },
	{ "go nul", ESCAPE_GO, S("a\0b"), S("a\\x00b") },
	{ "go bom", ESCAPE_GO, S("a\xef\xbb\xbf" "b"), S("a\\ufeffb") },
	{ "go utf8 passes", ESCAPE_GO,
	    S("\xe4\xb8\xad \xf0\x9f\x98\x80 \xe2\x80\xa8"),
	    S("\xe4\xb8\xad \xf0\x9f\x98\x80 \xe2\x80\xa8") },
	{ "go invalid bytes", ESCAPE_GO, S("\xff\xe4\xb8" "x"),
	    S("\\xff\\xe4\\xb8x") },

	/* ESCAPE_MARKDOWN */
	{ "markdown plain", ESCAPE_MARKDOWN,
	    S("I'm a teapot (RFC 2324), \"really\"."),
	    S("I'm a teapot (RFC 2324), \"really\".") },
	{ "markdown pipe", ESCAPE_MARKDOWN, S("a|b"), S("a\\|b") },
	{ "markdown emphasis code", ESCAPE_MARKDOWN, S("*b* _i_ `c`"),
	    S("\\*b\\* \\_i\\_ \\`c\\`") },
	{ "markdown link heading", ESCAPE_MARKDOWN, S("[x](y) #1"),
	    S("\\[x\\](y) \\#1") },
	{ "markdown html entity", ESCAPE_MARKDOWN, S("<b> & c"),
	    S("&lt;b\\> \\& c") },
	{ "markdown backslash", ESCAPE_MARKDOWN, S("a\\b"), S("a\\\\b") },
	{ "markdown math strike", ESCAPE_MARKDOWN, S("$x$ ~~s~~"),
	    S("\\$x\\$ \\~\\~s\\~\\~") },
	{ "markdown line breaks", ESCAPE_MARKDOWN, S("a\nb\tc\r\nd\re"),
	    S("a b c d e") },
	{ "markdown nul", ESCAPE_MARKDOWN, S("a\0b"), S("a`U+0000`b") },
	{ "markdown leading dash", ESCAPE_MARKDOWN, S("- item"),
	    S("\\- item") },
	{ "markdown leading plus", ESCAPE_MARKDOWN, S("+1"), S("\\+1") },
	{ "markdown leading equals", ESCAPE_MARKDOWN, S("==="), S("\\===") },
	{ "markdown inner dash", ESCAPE_MARKDOWN, S("Non-Authoritative"),
	    S("Non-Authoritative") },
	{ "markdown ordered list", ESCAPE_MARKDOWN, S("1. x"), S("1\\. x") },
	{ "markdown ordered paren", ESCAPE_MARKDOWN, S("404)"), S("404\\)") },
	{ "markdown decimal", ESCAPE_MARKDOWN, S("1.5 s"), S("1.5 s") },
	{ "markdown braces percent", ESCAPE_MARKDOWN, S("{{x}} %s"),
	    S("{{x}} %s") },
	{ "markdown utf8", ESCAPE_MARKDOWN, S("\xe4\xb8\xad \xf0\x9f\x98\x80"),
	    S("\xe4\xb8\xad \xf0\x9f\x98\x80") },
	{ "markdown invalid utf8", ESCAPE_MARKDOWN, S("a\xff" "b"),
	    S("a\xef\xbf\xbd" "b") },

	/* Long runs: the escapers test eight bytes at a time. */
	{ "html long run", ESCAPE_HTML, S("long enough text & more <tags>"),
	    S("long enough text &amp; more &lt;tags&gt;") },
	{ "c long run", ESCAPE_C,
	    S("The quick brown fox \"jumps\" over\tthe lazy dog\\"),
	    S("The quick brown fox \\\"jumps\\\" over\\tthe lazy dog\\\\") },
	{ "c long run trigraph", ESCAPE_C, S("0123456789?" "?=" "0123456"),
	    S("0123456789?\\?=0123456") },
	{ "c long run then octal", ESCAPE_C, S("01234567caf\xc3\xa9"),
	    S("01234567caf\\303\\251") },
	{ "python long runs", ESCAPE_PYTHON,
	    S("plain ascii text \xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6"
	    "\x96\x87 then \"q\"\xe4\xb8"),
	    S("plain ascii text \xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6"
	    "\x96\x87 then \\\"q\\\"\\xe4\\xb8") },
	{ "go long run then bom", ESCAPE_GO,
	    S("0123456789\xe4\xb8\xad\xef\xbb\xbf" "0123456789"),
	    S("0123456789\xe4\xb8\xad\\ufeff0123456789") },
	{ "markdown long runs", ESCAPE_MARKDOWN,
	    S("plain text for a while *then* \xe4\xb8\xad\xe6\x96\x87"
	    "\xe4\xb8\xad_x|"),
	    S("plain text for a while \\*then\\* \xe4\xb8\xad\xe6\x96\x87"
	    "\xe4\xb8\xad\\_x\\|") },
};

static const struct row comment_rows[] = {
	/* C */
	{ "c comment close open", ESCAPE_C, S("a */ b /* c"),
	    S("a * / b / * c") },
	{ "c comment chain", ESCAPE_C, S("*/*/"), S("* / * /") },
	{ "c comment line breaks", ESCAPE_C, S("// x\n// y\r\nz\rw"),
	    S("// x // y z w") },
	{ "c comment trailing backslash", ESCAPE_C, S("dir\\"), S("dir\\.") },
	{ "c comment backslash then blanks", ESCAPE_C, S("dir\\ \t\n"),
	    S("dir\\.") },
	{ "c comment inner backslash", ESCAPE_C, S("a\\b"), S("a\\b") },
	{ "c comment trigraph", ESCAPE_C, S("?" "?/"), S("? ?/") },
	{ "c comment nul and controls", ESCAPE_C, S("a\0b\x1b" "c"),
	    S("a<U+0000>b<U+001B>c") },
	{ "c comment utf8", ESCAPE_C, S("\xe4\xb8\xad \xf0\x9f\x98\x80"),
	    S("\xe4\xb8\xad \xf0\x9f\x98\x80") },
	{ "c comment invalid utf8", ESCAPE_C, S("a\xff"),
	    S("a\xef\xbf\xbd") },
	{ "c comment bom spelt out", ESCAPE_C, S("a\xef\xbb\xbf" "b"),
	    S("a<U+FEFF>b") },
	{ "c comment trailing blank", ESCAPE_C, S("ab "), S("ab") },
	{ "c comment long run", ESCAPE_C,
	    S("a long comment text */ then \xe4\xb8\xad\xe6\x96\x87/*"),
	    S("a long comment text * / then \xe4\xb8\xad\xe6\x96\x87/ *") },

	/* Python and Go */
	{ "python comment line breaks", ESCAPE_PYTHON, S("a\nb\rc\r\nd"),
	    S("a b c d") },
	{ "python comment keeps pairs", ESCAPE_PYTHON, S("*/ -- \"\"\" ?" "?"),
	    S("*/ -- \"\"\" ?" "?") },
	{ "python comment invalid utf8", ESCAPE_PYTHON, S("\xc0\xaf"),
	    S("\xef\xbf\xbd\xef\xbf\xbd") },
	{ "go comment line breaks", ESCAPE_GO, S("a\nb\tc"), S("a b c") },
	{ "go comment bom spelt out", ESCAPE_GO, S("\xef\xbb\xbf" "x"),
	    S("<U+FEFF>x") },
	{ "go comment line separators", ESCAPE_GO,
	    S("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c"), S("a b c") },
	{ "go comment block scalar end", ESCAPE_GO, S("a\n"), S("a") },
	{ "go comment trailing blanks", ESCAPE_GO,
	    S("a \t\r\n\xe2\x80\xa8\xe2\x80\xa9"), S("a") },
	{ "python comment trailing blank", ESCAPE_PYTHON, S("a "), S("a") },
	{ "python comment only blanks", ESCAPE_PYTHON, S(" \n"), S("") },
	{ "go comment nul", ESCAPE_GO, S("a\0b"), S("a<U+0000>b") },

	/* HTML and Markdown: inside <!-- --> */
	{ "html comment dashes", ESCAPE_HTML, S("a -- b"), S("a - - b") },
	{ "html comment long run", ESCAPE_HTML,
	    S("a long comment text --> end"),
	    S("a long comment text - -> end") },
	{ "html comment close", ESCAPE_HTML, S("x-->y"), S("x- ->y") },
	{ "html comment open", ESCAPE_HTML, S("<!--x"), S("< !- -x") },
	{ "html comment leading gt", ESCAPE_HTML, S(">x"), S(" >x") },
	{ "html comment leading arrow", ESCAPE_HTML, S("->x"), S(" ->x") },
	{ "html comment trailing dash", ESCAPE_HTML, S("a-"), S("a- ") },
	{ "html comment bang close", ESCAPE_HTML, S("--!>"), S(" - -!>") },
	{ "markdown comment dashes", ESCAPE_MARKDOWN, S("---"), S(" - - - ") },
	{ "markdown comment line breaks", ESCAPE_MARKDOWN, S("a\nb"),
	    S("a b") },
	{ "markdown comment keeps markup", ESCAPE_MARKDOWN, S("*a* |b|"),
	    S("*a* |b|") },

	/* None */
	{ "none comment line breaks", ESCAPE_NONE, S("a\nb\r\nc"), S("a b c") },
	{ "none comment keeps pairs", ESCAPE_NONE, S("*/--"), S("*/--") },
};

static int
setup(void **state)
{
	static struct buf b;

	buf_init(&b);
	*state = &b;
	return 0;
}

static int
teardown(void **state)
{
	buf_release(*state);
	return 0;
}

static void
check_row(const struct row *r, const struct buf *b)
{
	if (!buf_check(b))
		fail_msg("%s: buffer invariants broken", r->name);
	if (b->len != r->wantlen || memcmp(b->ptr, r->want, b->len) != 0)
		fail_msg("%s: got \"%s\" (%zu bytes), want \"%s\" (%zu bytes)",
		    r->name, b->ptr, b->len, r->want, r->wantlen);
}

static void
test_escape_add_table(void **state)
{
	struct buf *b = *state;
	size_t i;

	for (i = 0; i < sizeof(add_rows) / sizeof(add_rows[0]); i++) {
		buf_reset(b);
		escape_by(b, add_rows[i].mode, NULL, add_rows[i].in,
		    add_rows[i].inlen);
		check_row(&add_rows[i], b);
	}
}

static void
test_escape_comment_table(void **state)
{
	struct buf *b = *state;
	size_t i;

	for (i = 0; i < sizeof(comment_rows) / sizeof(comment_rows[0]); i++) {
		buf_reset(b);
		escape_comment_by(b, comment_rows[i].mode, NULL,
		    comment_rows[i].in, comment_rows[i].inlen);
		check_row(&comment_rows[i], b);
	}
}

/* Output is appended, and pairs are judged together with what precedes. */
static void
test_escape_appends_to_buffer(void **state)
{
	struct buf *b = *state;

	buf_adds(b, "x\"");
	escape_by(b, ESCAPE_C, NULL, S("\""));
	assert_true(buf_check(b));
	assert_string_equal(b->ptr, "x\"\\\"");
	buf_reset(b);
	buf_adds(b, "/* ");
	escape_comment_by(b, ESCAPE_C, NULL, S("*/"));
	assert_string_equal(b->ptr, "/* * /");
	buf_reset(b);
	buf_adds(b, "<!--");
	escape_comment_by(b, ESCAPE_HTML, NULL, S("-x"));
	assert_string_equal(b->ptr, "<!-- -x");
	/* Only the text's own trailing blanks go. */
	buf_reset(b);
	buf_adds(b, "// ");
	escape_comment_by(b, ESCAPE_GO, NULL, S(" \n"));
	assert_string_equal(b->ptr, "// ");
}

/* A long run exercises buffer growth. */
static void
test_escape_long_input(void **state)
{
	struct buf *b = *state;
	static char in[10000];
	size_t i;

	memset(in, '"', sizeof(in));
	escape_by(b, ESCAPE_GO, NULL, in, sizeof(in));
	assert_true(buf_check(b));
	assert_int_equal(b->len, 2 * sizeof(in));
	for (i = 0; i < b->len; i += 2)
		assert_memory_equal(b->ptr + i, "\\\"", 2);
}

static void
test_escape_parse(void **state)
{
	static const enum escape_mode modes[] = {
		ESCAPE_NONE, ESCAPE_HTML, ESCAPE_C, ESCAPE_PYTHON, ESCAPE_GO,
		ESCAPE_MARKDOWN
	};
	static const char *const names[] = {
		"none", "html", "c", "python", "go", "markdown"
	};
	enum escape_mode m;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		m = ESCAPE_HTML;
		assert_int_equal(escape_parse(names[i], &m), 0);
		assert_int_equal(m, modes[i]);
	}
	assert_int_equal(escape_parse("text", &m), 0);
	assert_int_equal(m, ESCAPE_NONE);
	m = ESCAPE_GO;
	assert_int_equal(escape_parse("cpp", &m), -1);
	assert_int_equal(escape_parse("", &m), -1);
	assert_int_equal(escape_parse("C", &m), -1);
	assert_int_equal(m, ESCAPE_GO);
}

/*
 * Table escapers, each declared as the YAML of a manifest's `escape:`
 * map, with rows of input and the wanted string-literal body
 * (mode "add") or comment text (mode "comment").
 */
static const char rust_yaml[] =
    "chars: {'\"': '\\\"', '\\': '\\\\', \"\\n\": '\\n', \"\\r\": '\\r'}\n"
    "format: '\\u{%X}'\n"
    "classes: [control, line_separator, bidi, bom]\n"
    "comment_break: ['*/', '/*']\n";
static const char json_yaml[] =
    "chars: {'\"': '\\\"', '\\': '\\\\'}\n"
    "format: '\\u%04x'\n"
    "units: utf16\n"
    "classes: [control, non_ascii]\n";
static const char octal_yaml[] =
    "chars: {'${': '\\${', '$': '[dollar]', '`': '\\`'}\n"
    "format: '\\%03o'\n"
    "units: utf8\n"
    "classes: [non_ascii]\n";
static const char percent_yaml[] =
    "format: '&#%d;%%'\n"
    "classes: [bidi]\n";
static const char linesep_yaml[] =
    "format: '\\u{%X}'\n"
    "classes: [line_separator]\n";
static const char noformat_yaml[] =
    "chars: {'<': '&lt;'}\n";
static const char format_yaml[] =
    "format: '\\u{%X}'\n"
    "classes: [format]\n";

struct trow {
	const char *name;
	const char *yaml;
	bool comment;
	const char *in;
	size_t inlen;
	const char *want;
	size_t wantlen;
};

static const struct trow table_rows[] = {
	{ "rust quotes", rust_yaml, false, S("say \"hi\" \\"),
	    S("say \\\"hi\\\" \\\\") },
	{ "rust line breaks and lone cr", rust_yaml, false, S("a\nb\rc\r\nd"),
	    S("a\\nb\\rc\\r\\nd") },
	{ "rust controls", rust_yaml, false, S("\0\a\x7f\xc2\x85"),
	    S("\\u{0}\\u{7}\\u{7F}\\u{85}") },
	{ "rust bidi and separators", rust_yaml, false,
	    S("\xe2\x80\xae" "x\xe2\x80\xac\xe2\x80\xa8\xe2\x81\xa6"
	    "\xef\xbb\xbf"),
	    S("\\u{202E}x\\u{202C}\\u{2028}\\u{2066}\\u{FEFF}") },
	{ "rust utf8 passes", rust_yaml, false,
	    S("\xe4\xb8\xad \xf0\x9f\x98\x80 `${x}` {{y}} */"),
	    S("\xe4\xb8\xad \xf0\x9f\x98\x80 `${x}` {{y}} */") },
	{ "rust invalid byte", rust_yaml, false, S("a\xff"),
	    S("a\xef\xbf\xbd") },
	{ "json surrogate pair", json_yaml, false,
	    S("\xf0\x9f\x98\x80\xc3\xa9\t"),
	    S("\\ud83d\\ude00\\u00e9\\u0009") },
	{ "longest key first", octal_yaml, false, S("${$`"),
	    S("\\${[dollar]\\`") },
	{ "utf8 bytes in octal", octal_yaml, false, S("\xc3\xa9" "1"),
	    S("\\303\\2511") },
	{ "percent sign and decimal", percent_yaml, false,
	    S("\xe2\x80\x8f" "a\n"), S("&#8207;%a&#10;%") },
	{ "comment breaks pairs", rust_yaml, true, S("a */ b /* c */*/"),
	    S("a * / b / * c * / * /") },
	{ "comment line breaks", rust_yaml, true,
	    S("a\r\nb\nc\rd\xe2\x80\xa8" "e"),
	    S("a b c d e") },
	{ "comment spells out bidi", rust_yaml, true,
	    S("\xe2\x80\xae" "evil \"q\" \\"), S("<U+202E>evil \"q\" \\") },
	{ "comment starts fresh", rust_yaml, true, S("/x"), S("/x") },
	{ "unlisted classes still escaped", linesep_yaml, false,
	    S("\x07\xe2\x80\xae\xe2\x81\xa0\xef\xbb\xbf\xe2\x80\xa8"),
	    S("\\u{7}\\u{202E}\\u{2060}\\u{FEFF}\\u{2028}") },
	{ "format class accepted", format_yaml, false,
	    S("a\xe1\xa0\x8e" "b"), S("a\\u{180E}b") },
	{ "no format spells out through chars", noformat_yaml, false,
	    S("a\xe2\x80\xae" "b\n"), S("a&lt;U+202E>b&lt;U+000A>") },
	{ "comment tab and controls", linesep_yaml, true,
	    S("a\tb\x1b" "c\xc2\x85"), S("a b<U+001B>c<U+0085>") },
	{ "comment formats non_ascii", json_yaml, true, S("\xe4\xb8\xad"),
	    S("\\u4e2d") },
};

/*
 * The keys of every map the tests load: a table escaper keeps its
 * `chars` keys, which live in this table, so it outlives every test.
 */
static struct keys *keys;

static int
keys_setup(void **state)
{
	(void)state;
	keys = keys_new();
	return 0;
}

static int
keys_teardown(void **state)
{
	(void)state;
	keys_free(keys);
	return 0;
}

/* Loads yaml as a manifest's `escape:` map is loaded, from "t.yaml". */
static const struct value *
load_map(struct arena *a, struct diag *d, const char *yaml)
{
	struct load_to to = { a, a, keys };
	const struct value *v = NULL;

	if (load_yaml(&to, "t.yaml", yaml, strlen(yaml), NULL, d, &v) != 0)
		fail_msg("cannot load %s: %s", yaml,
		    d->n > 0 ? entry_text(d, 0) : "?");
	return v;
}

static const struct escape_table *
table_from(struct arena *a, struct diag *d, const char *yaml)
{
	const struct escape_table *t = NULL;

	if (escape_table_parse(a, "t.yaml", load_map(a, d, yaml), d,
	    &t) != 0)
		fail_msg("cannot build table from %s: %s", yaml,
		    d->n > 0 ? entry_text(d, 0) : "?");
	return t;
}

static void
test_escape_table_rows(void **state)
{
	struct buf *b = *state;
	struct arena a = ARENA_INIT;
	struct diag d = DIAG_INIT;
	const struct escape_table *t;
	const struct trow *r;
	size_t i;

	for (i = 0; i < sizeof(table_rows) / sizeof(table_rows[0]); i++) {
		r = &table_rows[i];
		t = table_from(&a, &d, r->yaml);
		buf_reset(b);
		/* Pairs are judged only from where the text starts. */
		buf_adds(b, "*");
		if (r->comment)
			escape_comment_by(b, ESCAPE_NONE, t, r->in, r->inlen);
		else
			escape_by(b, ESCAPE_NONE, t, r->in, r->inlen);
		if (!buf_check(b))
			fail_msg("%s: buffer invariants broken", r->name);
		if (b->len != r->wantlen + 1 ||
		    memcmp(b->ptr + 1, r->want, r->wantlen) != 0)
			fail_msg("%s: got \"%s\", want \"%s\"", r->name,
			    b->ptr + 1, r->want);
	}
	diag_release(&d);
	arena_release(&a);
}

/*
 * The code points on either side of each edge of escape_is_unsafe, and
 * whether each is unsafe: a test one off at any edge fails here.
 */
static const struct {
	uint32_t cp;
	bool unsafe;
} edges[] = {
	{ 0x0000, true }, { 0x001f, true }, { 0x0020, false },
	{ 0x007e, false }, { 0x007f, true }, { 0x0080, true },
	{ 0x009f, true }, { 0x00a0, false }, { 0x061b, false },
	{ 0x061c, true }, { 0x061d, false }, { 0x180d, false },
	{ 0x180e, true }, { 0x180f, false }, { 0x200a, false },
	{ 0x200b, true }, { 0x200f, true }, { 0x2010, false },
	{ 0x2029, false }, { 0x202a, true }, { 0x202e, true },
	{ 0x202f, false }, { 0x205f, false }, { 0x2060, true },
	{ 0x2064, true }, { 0x2065, false }, { 0x2066, true },
	{ 0x2069, true }, { 0x206a, false }, { 0xfefe, false },
	{ 0xfeff, true }, { 0xff00, false },
};

/* "x", cp in UTF-8, "y" into s; returns the length. */
static size_t
framed(char *s, uint32_t cp)
{
	size_t n = 0;

	s[n++] = 'x';
	if (cp < 0x80) {
		s[n++] = (char)cp;
	} else if (cp < 0x800) {
		s[n++] = (char)(0xc0 | cp >> 6);
		s[n++] = (char)(0x80 | (cp & 0x3f));
	} else {
		s[n++] = (char)(0xe0 | cp >> 12);
		s[n++] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[n++] = (char)(0x80 | (cp & 0x3f));
	}
	s[n++] = 'y';
	return n;
}

/* Whether b holds exactly "x" want "y". */
static void
expect_framed(const struct buf *b, const char *want, uint32_t cp,
    const char *what)
{
	size_t n = strlen(want);

	if (b->len != n + 2 || b->ptr[0] != 'x' || b->ptr[n + 1] != 'y' ||
	    memcmp(b->ptr + 1, want, n) != 0)
		fail_msg("U+%04X by %s: got \"%s\", want \"x%sy\"",
		    (unsigned)cp, what, b->ptr, want);
}

/*
 * Each escaper at each edge: an unsafe code point gets the spelling of
 * the place (here for ones that are no ASCII punctuation), a safe one
 * passes as it is.
 */
static void
test_escape_unsafe_edges(void **state)
{
	enum { PY, MD, HTML, SPELL, TABLE };	/* spellings of an unsafe one */
	static const struct {
		const char *name;
		enum escape_mode mode;
		bool table, comment;
		int spelt;
	} by[] = {
		{ "python", ESCAPE_PYTHON, false, false, PY },
		{ "go", ESCAPE_GO, false, false, PY },
		{ "markdown", ESCAPE_MARKDOWN, false, false, MD },
		{ "html", ESCAPE_HTML, false, false, HTML },
		{ "comment", ESCAPE_C, false, true, SPELL },
		{ "table", ESCAPE_NONE, true, false, TABLE },
		{ "table comment", ESCAPE_NONE, true, true, SPELL },
	};
	struct buf *b = *state;
	struct arena a = ARENA_INIT;
	struct diag d = DIAG_INIT;
	const struct escape_table *t = table_from(&a, &d, format_yaml);
	char in[8], raw[8], want[5][16];
	const char *w;
	size_t i, k, n;
	uint32_t cp;

	for (i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
		cp = edges[i].cp;
		assert_int_equal(escape_is_unsafe(cp), edges[i].unsafe);
		if (cp == 0x20 || cp == 0x7e)
			continue;	/* ASCII: its own rows above */
		n = framed(in, cp);
		memcpy(raw, in + 1, n - 2);
		raw[n - 2] = '\0';
		snprintf(want[PY], sizeof(want[PY]), cp < 0x80 ? "\\x%02x" :
		    "\\u%04x", (unsigned)cp);
		snprintf(want[MD], sizeof(want[MD]), "`U+%04X`", (unsigned)cp);
		snprintf(want[HTML], sizeof(want[HTML]), "&#x%X;",
		    (unsigned)cp);
		snprintf(want[SPELL], sizeof(want[SPELL]), "<U+%04X>",
		    (unsigned)cp);
		snprintf(want[TABLE], sizeof(want[TABLE]), "\\u{%X}",
		    (unsigned)cp);
		for (k = 0; k < sizeof(by) / sizeof(by[0]); k++) {
			buf_reset(b);
			if (by[k].comment)
				escape_comment_by(b, by[k].mode,
				    by[k].table ? t : NULL, in, n);
			else
				escape_by(b, by[k].mode, by[k].table ? t : NULL,
				    in, n);
			w = edges[i].unsafe ? want[by[k].spelt] : raw;
			/* A comment breaks lines at U+2028 and U+2029 too. */
			if (by[k].comment && (cp == 0x2028 || cp == 0x2029))
				w = " ";
			expect_framed(b, w, cp, by[k].name);
		}
	}
	diag_release(&d);
	arena_release(&a);
}

/* Every mistake in an `escape:` map, each reported at its position. */
static void
test_escape_table_errors(void **state)
{
	static const char yaml[] =
	    "char: {}\n"
	    "format: '\\u{%q}'\n"
	    "units: utf-16\n"
	    "classes: [bidy, control, 3]\n"
	    "comment_break: ['*', [x]]\n";
	static const char *const want[] = {
		"t.yaml:1:1: error: unknown key 'char'; did you mean 'chars'?",
		"t.yaml:2:9: error: bad conversion in 'format' '\\u{%q}' "
		    "(use %x, %X, %d or %o, with an optional 0 and a width "
		    "up to 16)",
		"t.yaml:3:8: error: unknown units 'utf-16'; did you mean "
		    "'utf16'?",
		"t.yaml:4:11: error: unknown class 'bidy'; did you mean "
		    "'bidi'?",
		"t.yaml:4:26: error: unknown class '3'; expected one of: "
		    "control, line_separator, bidi, bom, non_ascii, format",
		"t.yaml:5:17: error: a 'comment_break' sequence must be two or "
		    "more printable ASCII characters",
		"t.yaml:5:22: error: a 'comment_break' sequence must be a "
		    "string, not a list",
	};
	struct arena a = ARENA_INIT;
	struct diag d = DIAG_INIT;
	const struct escape_table *t = NULL;
	size_t i;

	(void)state;
	assert_int_equal(escape_table_parse(&a, "t.yaml",
	    load_map(&a, &d, yaml), &d, &t), -1);
	assert_null(t);
	for (i = 0; i < d.n && i < sizeof(want) / sizeof(want[0]); i++) {
		char *s = entry_text(&d, i);

		assert_string_equal(s, want[i]);
		free(s);
	}
	assert_int_equal(d.n, sizeof(want) / sizeof(want[0]));
	diag_release(&d);
	arena_release(&a);
}

static void
test_escape_table_format_errors(void **state)
{
	static const struct {
		const char *yaml, *want;
	} rows[] = {
		{ "format: '%x%x'\n", "t.yaml:1:9: error: 'format' must hold "
		    "exactly one of %x, %X, %d or %o" },
		{ "format: 'no conversion %%'\n", "t.yaml:1:9: error: 'format' "
		    "must hold exactly one of %x, %X, %d or %o" },
		{ "classes: [bidi]\n", "t.yaml:1:10: error: 'classes' needs a "
		    "'format' to write them with" },
		{ "format: '%099x'\n", "t.yaml:1:9: error: bad conversion in "
		    "'format' '%099x' (use %x, %X, %d or %o, with an optional "
		    "0 and a width up to 16)" },
		{ "chars: [a]\n", "t.yaml:1:8: error: 'chars' must be a map of "
		    "text to its replacement" },
		{ "chars: {a: [b]}\n", "t.yaml:1:12: error: a replacement must "
		    "be a string, not a list" },
		{ "chars: {'': x}\n", "t.yaml:1:9: error: a 'chars' key must "
		    "not be empty" },
		{ "[chars]\n", "t.yaml:1:1: error: 'escape' must be a mode "
		    "name or a map" },
		{ "classes: bidi\nformat: '%x'\n", "t.yaml:1:10: error: "
		    "'classes' must be a list of control, line_separator, "
		    "bidi, format, bom or non_ascii" },
		{ "comment_break: '*/'\n", "t.yaml:1:16: error: "
		    "'comment_break' must be a list of strings" },
		{ "format: [x]\n", "t.yaml:1:9: error: 'format' must be a "
		    "string, not a list" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct arena a = ARENA_INIT;
		struct diag d = DIAG_INIT;
		const struct escape_table *t = NULL;
		char *s;

		assert_int_equal(escape_table_parse(&a, "t.yaml",
		    load_map(&a, &d, rows[i].yaml), &d, &t), -1);
		assert_int_equal(d.n, 1);
		s = entry_text(&d, 0);
		if (strcmp(s, rows[i].want) != 0)
			fail_msg("row %zu: got '%s', want '%s'", i, s,
			    rows[i].want);
		free(s);
		diag_release(&d);
		arena_release(&a);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_escape_add_table, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_escape_comment_table,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_escape_appends_to_buffer,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_escape_long_input, setup,
		    teardown),
		cmocka_unit_test(test_escape_parse),
		cmocka_unit_test_setup_teardown(test_escape_table_rows, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_escape_unsafe_edges, setup,
		    teardown),
		cmocka_unit_test(test_escape_table_errors),
		cmocka_unit_test(test_escape_table_format_errors),
	};

	return cmocka_run_group_tests(tests, keys_setup, keys_teardown);
}
