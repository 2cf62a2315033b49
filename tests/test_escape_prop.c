/*
 * Properties of the escapers over random Unicode text, weighted toward
 * the code points at the edges of escape_is_unsafe and the characters
 * each target treats specially.  Every string goes through every escape
 * mode, the built-in escape tables (read from templates/NAME/lang.yaml)
 * and two tables of a kind a user might write, each as a string and
 * through the comment filter, and then:
 *
 *  - no output holds a code point of the unsafe set, listed here again
 *    apart from gen's, as it is (HTML keeps tab and line breaks);
 *  - each string, decoded as its language reads it (C, Python, Go,
 *    HTML, the built-in tables), is the input again;
 *  - Markdown and every comment show each unsafe code point other than
 *    tab and line breaks as U+XXXX, drop none, hold no line break and
 *    cannot end their comment.
 *
 * The generator is seeded, so that a failure repeats.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "tmpl/escape.h"
#include "tmpl/filter.h"
#include "load/load.h"
#include "base/value.h"

#define STRINGS		10000	/* random strings per run */
#define MAX_CPS		48	/* code points per string */

static const uint32_t unsafe[][2] = {
	{ 0x0000, 0x001f }, { 0x007f, 0x009f }, { 0x061c, 0x061c },
	{ 0x180e, 0x180e }, { 0x200b, 0x200f }, { 0x202a, 0x202e },
	{ 0x2060, 0x2064 }, { 0x2066, 0x2069 }, { 0xfeff, 0xfeff },
};
#define NUNSAFE (sizeof(unsafe) / sizeof(unsafe[0]))

static const char special[] = "\"\\*/?-<>!&|`$#{}[]_~=+.()'%U0123456789"
    "\t\n\r";

struct text {
	char s[MAX_CPS * 4 + 1];
	size_t len;
	uint32_t cp[MAX_CPS];
	size_t ncp;
};

static uint64_t seed = 0x9e3779b97f4a7c15u;

/* xorshift64: 0 <= result < n. */
static uint32_t
rnd(uint32_t n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (uint32_t)(seed % n);
}

static bool
is_unsafe(uint32_t cp)
{
	size_t i;

	for (i = 0; i < NUNSAFE; i++)
		if (cp >= unsafe[i][0] && cp <= unsafe[i][1])
			return true;
	return false;
}

static bool
is_blank(uint32_t cp)
{
	return cp == '\t' || cp == '\n' || cp == '\r';
}

/* One code point: unsafe, next to an unsafe range, special, or any. */
static uint32_t
random_cp(void)
{
	const uint32_t *r = unsafe[rnd(NUNSAFE)];
	uint32_t cp;

	switch (rnd(6)) {
	case 0:
		return r[0] + rnd(r[1] - r[0] + 1);
	case 1:
		return rnd(2) ? r[1] + 1 : r[0] > 0 ? r[0] - 1 : 0x20;
	case 2:
		return (unsigned char)special[rnd(sizeof(special) - 1)];
	case 3:
		return 0x20 + rnd(0x5f);
	case 4:
		cp = 0x80 + rnd(0x10000 - 0x80);
		return cp >= 0xd800 && cp <= 0xdfff ? 0x2028 + (cp & 1) : cp;
	default:
		return 0x10000 + rnd(0x100000);
	}
}

static size_t
put_utf8(char *s, uint32_t cp)
{
	if (cp < 0x80) {
		s[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		s[0] = (char)(0xc0 | cp >> 6);
		s[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		s[0] = (char)(0xe0 | cp >> 12);
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	s[0] = (char)(0xf0 | cp >> 18);
	s[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	s[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	s[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static void
random_text(struct text *t)
{
	size_t i;

	t->ncp = rnd(MAX_CPS + 1);
	t->len = 0;
	for (i = 0; i < t->ncp; i++) {
		t->cp[i] = random_cp();
		t->len += put_utf8(t->s + t->len, t->cp[i]);
	}
	t->s[t->len] = '\0';
}

/* Decodes the UTF-8 at s[0..n) into *cp; returns its length, 0 if bad. */
static size_t
get_utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	len = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 0;
	if (len == 0 || len > n)
		return 0;
	*cp = s[0] & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = *cp << 6 | (s[i] & 0x3f);
	}
	return len;
}

static void
fail_for(const struct text *in, const char *what, const struct buf *out,
    const char *why)
{
	char hex[MAX_CPS * 9 + 1];
	size_t i, n = 0;

	for (i = 0; i < in->ncp; i++)
		n += (size_t)snprintf(hex + n, sizeof(hex) - n, " %04X",
		    (unsigned)in->cp[i]);
	hex[n] = '\0';
	fail_msg("%s: %s\n  input:%s\n  output: \"%s\"", what, why, hex,
	    out->ptr);
}

/* No code point of the unsafe set as it is; blanks only if keep_blank. */
static void
check_raw(const struct text *in, const char *what, const struct buf *out,
    bool keep_blank)
{
	const unsigned char *s = (const unsigned char *)out->ptr;
	size_t i, len;
	uint32_t cp = 0;

	for (i = 0; i < out->len; i += len) {
		if ((len = get_utf8(s + i, out->len - i, &cp)) == 0)
			fail_for(in, what, out, "output is not UTF-8");
		if (is_unsafe(cp) && !(keep_blank && is_blank(cp)))
			fail_for(in, what, out, "an unsafe code point is raw");
	}
}

/* How many times "U+" and four upper-case hex digits occur in s. */
static size_t
count_spelt(const char *s, size_t n)
{
	size_t i, k, count = 0;

	for (i = 0; i + 6 <= n; i++) {
		if (s[i] != 'U' || s[i + 1] != '+')
			continue;
		for (k = 0; k < 4; k++)
			if (strchr("0123456789ABCDEF", s[i + 2 + k]) == NULL ||
			    s[i + 2 + k] == '\0')
				break;
		count += k == 4;
	}
	return count;
}

/*
 * Comment text and Markdown: each unsafe code point but the blanks is
 * spelt out once, no line break is left, and no terminator is made.
 */
static void
check_visible(const struct text *in, const char *what, const struct buf *out,
    const char *end)
{
	size_t i, want = count_spelt(in->s, in->len);

	for (i = 0; i < in->ncp; i++)
		want += is_unsafe(in->cp[i]) && !is_blank(in->cp[i]);
	if (count_spelt(out->ptr, out->len) != want)
		fail_for(in, what, out, "not every unsafe code point is shown");
	if (memchr(out->ptr, '\n', out->len) != NULL ||
	    memchr(out->ptr, '\r', out->len) != NULL)
		fail_for(in, what, out, "a line break is left");
	if (end != NULL && strstr(out->ptr, end) != NULL)
		fail_for(in, what, out, "the comment can end inside the text");
}

static unsigned
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return (unsigned)(c - '0');
	if (c >= 'a' && c <= 'f')
		return (unsigned)(c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (unsigned)(c - 'A' + 10);
	return 99;
}

/*
 * The value of the n hex digits at s (n 0: those up to a '}'), with
 * their count in *used, or -1.
 */
static long
hexnum(const char *s, size_t n, size_t *used)
{
	long v = 0;
	size_t i;

	for (i = 0; n == 0 ? s[i] != '}' : i < n; i++) {
		if (hexval(s[i]) > 15 || i > 8)
			return -1;
		v = v * 16 + (long)hexval(s[i]);
	}
	*used = i;
	return i == 0 ? -1 : v;
}

/*
 * Which language's string the decoder reads: its simple escapes, and
 * what \x, \u and an octal number stand for.
 */
enum lit { LIT_C, LIT_PYTHON, LIT_GO, LIT_TABLE };

/* The byte a one-letter escape of lit stands for, or -1. */
static int
simple_escape(enum lit lit, char c)
{
	switch (c) {
	case '"':
		return '"';
	case '\\':
		return '\\';
	case 'n':
		return '\n';
	case 't':
		return '\t';
	case 'r':
		return '\r';
	case 'b':
		return lit == LIT_TABLE ? '\b' : -1;
	case 'f':
		return lit == LIT_TABLE ? '\f' : -1;
	case '?':
		return lit == LIT_C ? '?' : -1;
	default:
		return -1;
	}
}

/*
 * The escape at s (after the backslash) in a string of lit, appended to
 * got as UTF-8 (or as a byte where the language says so); returns the
 * length read, 0 when lit has no such escape.  *unit carries a UTF-16
 * high surrogate over to the next \u.
 */
static size_t
decode_one(struct buf *got, enum lit lit, const char *s, uint32_t *unit)
{
	int c = simple_escape(lit, s[0]);
	size_t used = 0;
	char u8[4];
	long v;

	if (c >= 0) {
		buf_addc(got, (char)c);
		return 1;
	}
	if (lit == LIT_C && s[0] >= '0' && s[0] <= '3' && s[1] >= '0' &&
	    s[1] <= '7' && s[2] >= '0' && s[2] <= '7') {
		buf_addc(got, (char)((s[0] - '0') * 64 + (s[1] - '0') * 8 +
		    (s[2] - '0')));
		return 3;
	}
	if (s[0] == 'x' && (lit == LIT_PYTHON || lit == LIT_GO) &&
	    (v = hexnum(s + 1, 2, &used)) >= 0) {
		if (lit == LIT_GO)
			buf_addc(got, (char)v);	/* a byte in Go */
		else
			buf_add(got, u8, put_utf8(u8, (uint32_t)v));
		return 3;
	}
	if (s[0] != 'u' || lit == LIT_C)
		return 0;
	if (s[1] == '{' && lit == LIT_TABLE) {
		v = hexnum(s + 2, 0, &used);
		used += 2;
	} else {
		v = hexnum(s + 1, 4, &used);
	}
	if (v < 0)
		return 0;
	if (v >= 0xd800 && v <= 0xdbff && *unit == 0) {
		*unit = (uint32_t)v;
		return used + 1;
	}
	if (v >= 0xdc00 && v <= 0xdfff && *unit != 0)
		v = 0x10000 + ((long)(*unit - 0xd800) << 10) + (v - 0xdc00);
	*unit = 0;
	buf_add(got, u8, put_utf8(u8, (uint32_t)v));
	return used + 1;
}

/* A string literal's body decoded as lit reads it must be the input. */
static void
check_literal(const struct text *in, const char *what, const struct buf *out,
    enum lit lit)
{
	struct buf got = BUF_INIT;
	uint32_t unit = 0;
	size_t i, n;

	for (i = 0; i < out->len; i++) {
		if (out->ptr[i] == '"')
			fail_for(in, what, out, "a quote ends the string");
		if (lit == LIT_C && (unsigned char)out->ptr[i] >= 0x80)
			fail_for(in, what, out, "C gets a byte past ASCII");
		if (lit == LIT_C && i > 0 && out->ptr[i] == '?' &&
		    out->ptr[i - 1] == '?')
			fail_for(in, what, out, "a trigraph may form");
		if (out->ptr[i] != '\\') {
			buf_addc(&got, out->ptr[i]);
			continue;
		}
		if ((n = decode_one(&got, lit, out->ptr + i + 1, &unit)) == 0)
			fail_for(in, what, out, "an escape the language lacks");
		i += n;
	}
	if (got.len != in->len || memcmp(got.ptr, in->s, in->len) != 0)
		fail_for(in, what, out, "does not decode to the input");
	buf_release(&got);
}

/* HTML reads back through &amp; &lt; &gt; &quot; and &#xHEX;. */
static void
check_html(const struct text *in, const struct buf *out)
{
	static const char *const refs[] = { "&amp;", "&lt;", "&gt;",
		"&quot;" };
	struct buf got = BUF_INIT;
	const char *p;
	size_t i, k, used;
	char u8[4];
	long v;

	for (i = 0; i < out->len; i++) {
		if (strchr("<>\"", out->ptr[i]) != NULL)
			fail_for(in, "html", out, "markup is raw");
		if (out->ptr[i] != '&') {
			buf_addc(&got, out->ptr[i]);
			continue;
		}
		p = out->ptr + i;
		for (k = 0; k < 4; k++)
			if (strncmp(p, refs[k], strlen(refs[k])) == 0)
				break;
		if (k < 4) {
			buf_addc(&got, "&<>\""[k]);
			i += strlen(refs[k]) - 1;
		} else if (strncmp(p, "&#x", 3) == 0 &&
		    (v = hexnum(p + 3, strcspn(p + 3, ";"), &used)) >= 0 &&
		    p[3 + used] == ';') {
			buf_add(&got, u8, put_utf8(u8, (uint32_t)v));
			i += 3 + used;
		} else {
			fail_for(in, "html", out, "a bare &");
		}
	}
	if (got.len != in->len || memcmp(got.ptr, in->s, in->len) != 0)
		fail_for(in, "html", out, "does not decode to the input");
	buf_release(&got);
}

/* A table of the manifest at path, from its `escape:` map. */
static const struct escape_table *
table_in(struct arena *a, struct keys *k, const char *path)
{
	const struct escape_table *t = NULL;
	struct load_to to = { a, a, k };
	struct diag d = DIAG_INIT;
	const struct value *v;

	if (load_file(&to, path, NULL, &d, &v) != 0 ||
	    escape_table_parse(a, path, value_find(v, "escape"), &d,
	    &t) != 0)
		fail_msg("cannot read the escape table of %s", path);
	diag_release(&d);
	return t;
}

/* A table from the YAML text of an `escape:` map. */
static const struct escape_table *
table_of(struct arena *a, struct keys *k, const char *yaml)
{
	const struct escape_table *t = NULL;
	struct load_to to = { a, a, k };
	struct diag d = DIAG_INIT;
	const struct value *v;

	if (load_yaml(&to, "t.yaml", yaml, strlen(yaml), NULL, &d, &v) != 0 ||
	    escape_table_parse(a, "t.yaml", v, &d, &t) != 0)
		fail_msg("cannot build a table from %s", yaml);
	diag_release(&d);
	return t;
}

/* Every mode: strings that read back, and comments. */
static void
check_modes(const struct text *in, struct buf *b)
{
	static const struct {
		enum escape_mode mode;
		const char *name, *end;
		enum lit lit;
	} modes[] = {
		{ ESCAPE_C, "c", "*/", LIT_C },
		{ ESCAPE_PYTHON, "python", NULL, LIT_PYTHON },
		{ ESCAPE_GO, "go", NULL, LIT_GO },
		{ ESCAPE_MARKDOWN, "markdown", "--", LIT_C },
		{ ESCAPE_HTML, "html", "--", LIT_C },
	};
	size_t i;

	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		buf_reset(b);
		escape_by(b, modes[i].mode, NULL, in->s, in->len);
		check_raw(in, modes[i].name, b, modes[i].mode == ESCAPE_HTML);
		if (modes[i].mode == ESCAPE_MARKDOWN)
			check_visible(in, "markdown", b, NULL);
		else if (modes[i].mode == ESCAPE_HTML)
			check_html(in, b);
		else
			check_literal(in, modes[i].name, b, modes[i].lit);
		buf_reset(b);
		if (filter_apply(b, FILTER_COMMENT, modes[i].mode, NULL,
		    in->s, in->len) != true)
			fail_msg("comment: not marked as escaped");
		check_raw(in, "comment", b, false);
		check_visible(in, modes[i].name, b, modes[i].end);
	}
}

/*
 * Every table: strings, which read back when decode, and comments,
 * which end would end (when the table's comment_break breaks it).
 */
static void
check_table(const struct text *in, struct buf *b,
    const struct escape_table *t, const char *name, bool decode,
    const char *end)
{
	buf_reset(b);
	escape_by(b, ESCAPE_NONE, t, in->s, in->len);
	check_raw(in, name, b, false);
	if (decode)
		check_literal(in, name, b, LIT_TABLE);
	buf_reset(b);
	filter_apply(b, FILTER_COMMENT, ESCAPE_NONE, t, in->s,
	    in->len);
	check_raw(in, name, b, false);
	check_visible(in, name, b, end);
}

static void
test_escape_random_unicode(void **state)
{
	struct arena a = ARENA_INIT;
	struct keys *k = keys_new();
	const struct escape_table *ts, *rs, *js, *bidi, *bare;
	struct buf b = BUF_INIT;
	struct text in;
	size_t i;

	(void)state;
	ts = table_in(&a, k, "templates/typescript/lang.yaml");
	rs = table_in(&a, k, "templates/rust/lang.yaml");
	js = table_in(&a, k, "templates/json/lang.yaml");
	bidi = table_of(&a, k, "format: '&#%d;'\nclasses: [bidi]\n"
	    "comment_break: ['*/']\n");
	bare = table_of(&a, k, "chars: {'\"': '\\\"', '\\': '\\\\'}\n"
	    "comment_break: ['*/']\n");
	for (i = 0; i < STRINGS; i++) {
		random_text(&in);
		check_modes(&in, &b);
		check_table(&in, &b, ts, "typescript", true, "*/");
		check_table(&in, &b, rs, "rust", true, NULL);
		check_table(&in, &b, js, "json", true, NULL);
		check_table(&in, &b, bidi, "table listing only bidi", false,
		    "*/");
		check_table(&in, &b, bare, "table without a format", false,
		    "*/");
	}
	buf_release(&b);
	arena_release(&a);
	keys_free(k);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_random_unicode),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
