#include "tmpl_int.h"

#include <stdio.h>
#include <string.h>

/* Byte classes, by table so that the locale never matters. */
enum {
	K_CTRL = 0x001,		/* C0 controls and DEL */
	K_HIGH = 0x002,		/* >= 0x80: part of a UTF-8 sequence */
	K_MD = 0x004,		/* Markdown punctuation escaped anywhere */
	K_STR = 0x008,		/* " and \, escaped in C, Python and Go */
	K_QMARK = 0x010,	/* ?, which may make a C trigraph */
	K_HTML = 0x020,		/* & < > " */
	K_CPAIR = 0x040,	/* / * ?, which may end a pair to break in C */
	K_HPAIR = 0x080,	/* - !, the same for HTML and Markdown */
	K_LSEP = 0x100		/* not a byte's: copy_run stops at U+2028/9 */
};

#define K8(k)	k, k, k, k, k, k, k, k
#define K32(k)	K8(k), K8(k), K8(k), K8(k)

static const uint8_t kind[256] = {
	K32(K_CTRL),
	['!'] = K_HPAIR, ['"'] = K_STR | K_HTML, ['#'] = K_MD, ['$'] = K_MD,
	['&'] = K_MD | K_HTML, ['*'] = K_MD | K_CPAIR, ['-'] = K_HPAIR,
	['/'] = K_CPAIR, ['<'] = K_MD | K_HTML, ['>'] = K_MD | K_HTML,
	['?'] = K_QMARK | K_CPAIR, ['['] = K_MD, ['\\'] = K_MD | K_STR,
	[']'] = K_MD, ['_'] = K_MD, ['`'] = K_MD, ['|'] = K_MD, ['~'] = K_MD,
	[0x7f] = K_CTRL,
	K32(K_HIGH), K32(K_HIGH), K32(K_HIGH), K32(K_HIGH)
};

#define IS(c, k) ((kind[(unsigned char)(c)] & (k)) != 0)

static const char fffd[] = "\xef\xbf\xbd";

static const char str_from[] = "\"\\\n\t\r";
static const char *const str_to[] = { "\\\"", "\\\\", "\\n", "\\t", "\\r" };
static const char html_from[] = "&<>\"\t\n\r";
static const char *const html_to[] = { "&amp;", "&lt;", "&gt;", "&quot;",
    "\t", "\n", "\r" };

/* The pairs that would end or nest a comment, broken with a space. */
static const char *const c_breaks[] = { "*/", "/*", "??" };
static const char *const html_breaks[] = { "--", "<!" };

/* The run of bytes in none of mask's classes: most text, so eight a round. */
static inline size_t
run_of(const unsigned char *s, size_t n, unsigned mask)
{
	size_t i = 0;

	while (n - i >= 8 && ((kind[s[i]] | kind[s[i + 1]] |
	    kind[s[i + 2]] | kind[s[i + 3]] | kind[s[i + 4]] |
	    kind[s[i + 5]] | kind[s[i + 6]] | kind[s[i + 7]]) & mask) == 0)
		i += 8;
	while (i < n && (kind[s[i]] & mask) == 0)
		i++;
	return i;
}

/* Unicode table 3-7; inline, as copy_run decodes all it lets through. */
inline size_t
escape_utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
	static const uint32_t least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	uint32_t v = s[0];
	size_t len, i;

	if (v < 0x80) {
		*cp = v;
		return 1;
	}
	len = v < 0xc0 ? 0 : v < 0xe0 ? 2 : v < 0xf0 ? 3 : v < 0xf8 ? 4 : 0;
	if (len == 0 || n < len)
		return 0;
	v &= 0x7fu >> len;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3f);
	}
	if (v < least[len] || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

bool
escape_is_unsafe(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xfeff)
		return true;
	return cp >= 0x061c && cp <= 0x2069 && (cp == 0x061c ||
	    cp == 0x180e || (cp >= 0x200b && cp <= 0x200f) ||
	    (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2060 && cp <= 0x2064) || cp >= 0x2066);
}

size_t
escape_spell(char *s, uint32_t cp)
{
	return (size_t)snprintf(s, ESCAPE_SPELL_MAX, "<U+%04X>", (unsigned)cp);
}

/*
 * Copies the run of bytes in none of mask's classes and of well-formed
 * UTF-8 not of escape_is_unsafe, so other scripts pass through whole.
 */
static inline size_t
copy_run(struct buf *out, const unsigned char *s, size_t n, unsigned mask)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if (s[i] < 0x80)
			len = run_of(s + i, n - i, mask);
		else if ((len = escape_utf8(s + i, n - i, &cp)) != 0 &&
		    (escape_is_unsafe(cp) || ((mask & K_LSEP) &&
		    (cp == 0x2028 || cp == 0x2029))))
			len = 0;
		if (len == 0)
			break;
		i += len;
	}
	if (i > 0)
		buf_add(out, s, i);
	return i;
}

/* The controls every mode may keep as white space: tab, LF and CR. */
static bool
is_blank(unsigned char c)
{
	return c == '\t' || c == '\n' || c == '\r';
}

/*
 * A leading "-", "+", "=", "1. " or "1) " would open a list or underline
 * a heading.  Returns how many bytes it wrote through.
 */
static size_t
md_lead(struct buf *out, const unsigned char *s, size_t n)
{
	bool sign = n > 0 && (s[0] == '-' || s[0] == '+' || s[0] == '=');
	size_t i = 0;

	while (!sign && i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (!sign && (i == 0 || i == n || (s[i] != '.' && s[i] != ')') ||
	    (i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '\t')))
		return 0;
	buf_add(out, s, i);
	buf_addc(out, '\\');
	buf_addc(out, s[i]);
	return i + 1;
}

/*
 * Writes the unsafe code points (but tab and line breaks) that start s[0..n)
 * as one visible code span, "`U+0007 U+202E`"; returns the run's length.
 */
static size_t
md_span(struct buf *out, const unsigned char *s, size_t n)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n && !is_blank(s[i]) &&
	    (len = escape_utf8(s + i, n - i, &cp)) != 0 &&
	    escape_is_unsafe(cp)) {
		buf_addf(out, "%cU+%04X", i == 0 ? '`' : ' ', (unsigned)cp);
		i += len;
	}
	if (i > 0)
		buf_addc(out, '`');
	return i;
}

/*
 * CommonMark and GitHub cells take a backslash before any punctuation;
 * only what could start a construct gets one (K_MD, with GitHub's $).
 */
static void
add_markdown(struct buf *out, const unsigned char *s, size_t n)
{
	size_t i, len;

	for (i = md_lead(out, s, n); i < n; i += len) {
		len = copy_run(out, s + i, n - i, K_MD | K_CTRL | K_HIGH);
		if (len > 0)
			continue;
		len = 1;
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
			len = 2;
		if (s[i] == '<') {
			buf_add(out, "&lt;", 4);
		} else if (IS(s[i], K_MD)) {
			buf_addc(out, '\\');
			buf_addc(out, s[i]);
		} else if (is_blank(s[i])) {
			buf_addc(out, ' ');
		} else if ((len = md_span(out, s + i, n - i)) == 0) {
			buf_add(out, fffd, 3);
			len = 1;
		}
	}
}

/*
 * Blanks at the end of a comment mean nothing, and gofmt and linters
 * strip them: a description written as a YAML block ends in a newline.
 */
static void
end_blanks(struct buf *out, size_t start)
{
	while (out->len > start && out->ptr[out->len - 1] == ' ')
		out->ptr[--out->len] = '\0';
}

/*
 * gcc and clang splice a line that ends in a backslash even if blanks follow
 * it (with only a warning), so a '.' guards a text ending in one.
 */
static void
end_c(struct buf *out, size_t start)
{
	if (out->len > start && out->ptr[out->len - 1] == '\\')
		buf_addc(out, '.');
}

/* An HTML comment's text must not start with ">" or "->", nor end in '-'. */
static void
end_html(struct buf *out, size_t start)
{
	if (out->len > start && (out->ptr[start] == '>' ||
	    out->ptr[start] == '-')) {
		buf_addc(out, ' ');
		memmove(out->ptr + start + 1, out->ptr + start,
		    out->len - start - 1);
		out->ptr[start] = ' ';
	}
	if (out->len > start && out->ptr[out->len - 1] == '-')
		buf_addc(out, ' ');
}

/*
 * What sets the modes apart, but for Markdown's text (add_markdown).  In a
 * string: the bytes run_of stops at, those with a name of their own, and printf
 * formats for a control or stray byte and for other unsafe code points.  C89's
 * basic source character set has no UTF-8, so C writes every byte in octal, all
 * three digits so that a digit after it never joins it.  Python and Go sources
 * are UTF-8; a stray byte is \xNN, which Go reads as the byte, Python as
 * U+00NN, and the source stays valid.  In a comment: the pairs to break, the
 * bytes that may end one, and what guards the comment's end.
 */
static const struct mode {
	unsigned mask;
	const char *from;
	const char *const *to;
	const char *byte, *cp;	/* cp NULL: byte by byte */
	bool ctrl_cp;		/* controls as code points too */
	const char *const *brk;
	size_t nbrk;
	unsigned pair;
	void (*end)(struct buf *, size_t);
} modes[] = {
	[ESCAPE_HTML] = { K_CTRL | K_HIGH | K_HTML, html_from, html_to, "%c",
	    "&#x%X;", true, html_breaks, 2, K_HPAIR, end_html },
	[ESCAPE_C] = { K_CTRL | K_HIGH | K_STR | K_QMARK, str_from,
	    str_to, "\\%03o", NULL, false, c_breaks, 3, K_CPAIR, end_c },
	[ESCAPE_PYTHON] = { .mask = K_CTRL | K_HIGH | K_STR, .from = str_from,
	    .to = str_to, .byte = "\\x%02x", .cp = "\\u%04x" },
	[ESCAPE_GO] = { .mask = K_CTRL | K_HIGH | K_STR, .from = str_from,
	    .to = str_to, .byte = "\\x%02x", .cp = "\\u%04x" },
	[ESCAPE_MARKDOWN] = { .brk = html_breaks, .nbrk = 2, .pair = K_HPAIR,
	    .end = end_html }
};

const char *const escape_names[ESCAPE_N] = { "none", "html", "c", "python",
    "go", "markdown" };

static void
add_string(struct buf *out, const struct mode *m, const unsigned char *s,
    size_t n)
{
	const char *named;
	size_t i, len;
	uint32_t cp;

	for (i = 0; i < n; i += len) {
		if ((len = run_of(s + i, n - i, m->mask)) > 0) {
			buf_add(out, s + i, len);
			continue;
		}
		len = 1;
		named = memchr(m->from, s[i], strlen(m->from));
		if (named != NULL)
			buf_adds(out, m->to[named - m->from]);
		else if (s[i] == '?')	/* C's: "??" starts a trigraph */
			buf_adds(out, i > 0 && s[i - 1] == '?' ? "\\?" : "?");
		else if ((IS(s[i], K_CTRL) && !m->ctrl_cp) || m->cp == NULL ||
		    (len = escape_utf8(s + i, n - i, &cp)) == 0) {
			buf_addf(out, m->byte, (unsigned)s[i]);
			len = 1;
		} else if (escape_is_unsafe(cp)) {
			buf_addf(out, m->cp, (unsigned)cp);
		} else {
			buf_add(out, s + i, len);
		}
	}
}

void
escape_by(struct buf *out, enum escape_mode mode,
    const struct escape_table *t, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	if (t != NULL)
		escape_table_add(out, t, s, len);
	else if (mode == ESCAPE_NONE)
		buf_add(out, s, len);
	else if (mode == ESCAPE_MARKDOWN)
		add_markdown(out, u, len);
	else
		add_string(out, &modes[mode], u, len);
}

/* The pairs to break, judged with what out holds from `from` on. */
struct pairs {
	const char *const *brk;
	size_t n, from;
};

/* Appends s[0..n), with a space before a byte that would end a pair. */
static void
put_broken(struct buf *out, const struct pairs *p, const char *s, size_t n)
{
	const char *b;
	size_t i, j, k;

	for (j = 0; j < n; j++) {
		for (i = 0; i < p->n; i++) {
			b = p->brk[i];
			k = strlen(b) - 1;
			if (b[k] == s[j] && out->len - p->from >= k &&
			    memcmp(out->ptr + out->len - k, b, k) == 0) {
				buf_addc(out, ' ');
				break;
			}
		}
		buf_addc(out, s[j]);
	}
}

/*
 * Sources must be valid UTF-8 without NUL: broken UTF-8 is U+FFFD.  A
 * mode judges pairs with what out held before, a table within this text,
 * and a table's formatted text is broken too: it may hold anything.
 */
void
escape_comment_by(struct buf *out, enum escape_mode mode,
    const struct escape_table *t, const char *s, size_t len)
{
	const struct mode *m = &modes[t != NULL ? ESCAPE_NONE : mode];
	const unsigned char *u = (const unsigned char *)s;
	struct pairs p = { m->brk, m->nbrk, 0 };
	struct buf tmp = BUF_INIT;
	char name[ESCAPE_SPELL_MAX];
	size_t i, n, start = out->len;
	uint32_t cp;

	if (t != NULL)
		p = (struct pairs){ t->breaks, t->nbreaks, start };
	for (i = 0; i < len; i += n) {
		if (t == NULL && (n = copy_run(out, u + i, len - i,
		    K_CTRL | K_HIGH | K_LSEP | m->pair)) > 0)
			continue;
		if ((n = escape_utf8(u + i, len - i, &cp)) == 0) {
			n = 1;
			cp = 0xfffd;
		}
		if (cp == '\r' && i + 1 < len && u[i + 1] == '\n')
			n = 2;
		/* U+2028 and U+2029 end a // comment in JavaScript. */
		if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 ||
		    cp == 0x2029) {
			buf_addc(out, ' ');
		} else if (escape_is_unsafe(cp)) {
			put_broken(out, &p, name, escape_spell(name, cp));
		} else if (t != NULL && escape_table_format(&tmp, t, cp, u + i,
		    n)) {
			put_broken(out, &p, tmp.ptr, tmp.len);
			buf_reset(&tmp);
		} else if (cp < 0x80) {
			put_broken(out, &p, s + i, 1);
		} else if (cp == 0xfffd && n == 1) {
			buf_add(out, fffd, 3);
		} else {
			buf_add(out, u + i, n);
		}
	}
	buf_release(&tmp);
	end_blanks(out, start);
	if (m->end != NULL)
		m->end(out, start);
}

int
escape_parse(const char *name, enum escape_mode *mode)
{
	size_t i;

	if (strcmp(name, "text") == 0)
		name = "none";
	for (i = 0; i < ESCAPE_N; i++) {
		if (strcmp(name, escape_names[i]) == 0) {
			*mode = (enum escape_mode)i;
			return 0;
		}
	}
	return -1;
}
