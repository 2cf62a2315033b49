#include "escape.h"

#include <stdint.h>
#include <string.h>

/*
 * Byte classes, by table so that the locale never matters.  Every
 * escaper copies the bytes of no class it minds a run at a time (see
 * run_of), so the table also marks the few bytes special to one target.
 */
enum {
	K_CTRL = 0x001,		/* C0 controls and DEL */
	K_HIGH = 0x002,		/* >= 0x80: part of a UTF-8 sequence */
	K_DIGIT = 0x004,
	K_MD = 0x008,		/* Markdown punctuation escaped anywhere */
	K_STR = 0x010,		/* " and \, escaped in C, Python and Go */
	K_QMARK = 0x020,	/* ?, which may make a C trigraph */
	K_HTML = 0x040,		/* & < > " */
	K_CPAIR = 0x080,	/* / * ?, which may end a pair to break in C */
	K_HPAIR = 0x100		/* - !, the same for HTML and Markdown */
};

static const uint16_t kind[256] = {
	0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001,
	0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001,
	0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001,
	0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001,
	0x000, 0x100, 0x050, 0x008, 0x008, 0x000, 0x048, 0x000,
	0x000, 0x000, 0x088, 0x000, 0x000, 0x100, 0x000, 0x080,
	0x004, 0x004, 0x004, 0x004, 0x004, 0x004, 0x004, 0x004,
	0x004, 0x004, 0x000, 0x000, 0x048, 0x000, 0x048, 0x0a0,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x008, 0x018, 0x008, 0x000, 0x008,
	0x008, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x008, 0x000, 0x008, 0x001,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
	0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002, 0x002,
};

#define IS(c, k) ((kind[(unsigned char)(c)] & (k)) != 0)

static const char hex[] = "0123456789abcdef";
static const char fffd[] = "\xef\xbf\xbd";

static inline size_t run_of(const unsigned char *s, size_t n,
    unsigned mask);
static size_t utf8_len(const unsigned char *s, size_t n);
static inline bool is_unsafe_seq(const unsigned char *s, size_t len);
static inline size_t text_run(const unsigned char *s, size_t n,
    unsigned mask);
static bool is_blank(unsigned char c);
static void add_octal(struct buf *out, unsigned char c);
static void add_hex(struct buf *out, unsigned char c);
static void add_u(struct buf *out, uint32_t cp);
static bool add_short(struct buf *out, unsigned char c);
static void add_c(struct buf *out, const unsigned char *s, size_t n);
static void add_script(struct buf *out, const unsigned char *s, size_t n);
static void add_html(struct buf *out, const unsigned char *s, size_t n);
static size_t md_lead(struct buf *out, const unsigned char *s, size_t n);
static size_t md_span(struct buf *out, const unsigned char *s, size_t n);
static void add_markdown(struct buf *out, const unsigned char *s, size_t n);
static void put_safe(struct buf *out, enum escape_mode mode, int c);
static void end_c(struct buf *out, size_t start);
static void end_html(struct buf *out, size_t start);

/*
 * The length of the run at the start of s[0..n) of bytes in none of
 * the classes of mask.  Most text needs no escape at all, and this
 * test is then the whole cost of escaping it: eight bytes a round.
 */
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

/*
 * The length of the well-formed UTF-8 sequence of two to four bytes at
 * s[0..n), or 0.  Unicode table 3-7 gives the well-formed sequences by
 * the ranges of their bytes, which rule out overlong forms, surrogates
 * and values past U+10FFFF without decoding.
 */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t len, i;

	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return 0;
	if (n < len)
		return 0;
	if (s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

bool
escape_is_unsafe(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return true;
	return cp == 0x061c || cp == 0x180e ||
	    (cp >= 0x200b && cp <= 0x200f) ||
	    (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2060 && cp <= 0x2064) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

size_t
escape_spell(char *s, uint32_t cp)
{
	static const char upper[] = "0123456789ABCDEF";
	int shift = cp > 0xfffff ? 20 : cp > 0xffff ? 16 : 12;
	size_t n = 0;

	s[n++] = '<';
	s[n++] = 'U';
	s[n++] = '+';
	for (; shift >= 0; shift -= 4)
		s[n++] = upper[(cp >> shift) & 15];
	s[n++] = '>';
	return n;
}

/*
 * Whether the well-formed sequence s[0..len) is a code point of
 * escape_is_unsafe.  Those past ASCII all start with one of five bytes,
 * so that text in most scripts is let through by its first byte.
 */
static inline bool
is_unsafe_seq(const unsigned char *s, size_t len)
{
	uint32_t cp;

	if (s[0] != 0xc2 && s[0] != 0xd8 && s[0] != 0xe1 && s[0] != 0xe2 &&
	    s[0] != 0xef)
		return false;
	return escape_utf8(s, len, &cp) != 0 && escape_is_unsafe(cp);
}

size_t
escape_utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len, i;
	uint32_t v;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((len = utf8_len(s, n)) == 0)
		return 0;
	v = s[0] & (0x7f >> len);
	for (i = 1; i < len; i++)
		v = v << 6 | (s[i] & 0x3f);
	*cp = v;
	return len;
}

/*
 * The length of the run at the start of s[0..n) of bytes in none of
 * the classes of mask (which holds K_HIGH) and of well-formed multi-byte
 * UTF-8 sequences, stopping before one of escape_is_unsafe: text in
 * other scripts passes through whole, not a character at a time.
 */
static inline size_t
text_run(const unsigned char *s, size_t n, unsigned mask)
{
	size_t i = 0, len;

	while (i < n) {
		/* Text in other scripts is sequence after sequence. */
		if (s[i] < 0x80)
			len = run_of(s + i, n - i, mask);
		else if ((len = utf8_len(s + i, n - i)) != 0 &&
		    is_unsafe_seq(s + i, len))
			len = 0;
		if (len == 0)
			break;
		i += len;
	}
	return i;
}

/* The controls every mode may keep as white space: tab, LF and CR. */
static bool
is_blank(unsigned char c)
{
	return c == '\t' || c == '\n' || c == '\r';
}

/* Always three digits, so a following digit never joins the escape. */
static void
add_octal(struct buf *out, unsigned char c)
{
	char e[4];

	e[0] = '\\';
	e[1] = (char)('0' + (c >> 6));
	e[2] = (char)('0' + ((c >> 3) & 7));
	e[3] = (char)('0' + (c & 7));
	buf_add(out, e, sizeof(e));
}

static void
add_hex(struct buf *out, unsigned char c)
{
	char e[4];

	e[0] = '\\';
	e[1] = 'x';
	e[2] = hex[c >> 4];
	e[3] = hex[c & 15];
	buf_add(out, e, sizeof(e));
}

/* \uXXXX, which Python and Go read as the code point cp <= U+FFFF. */
static void
add_u(struct buf *out, uint32_t cp)
{
	char e[6];

	e[0] = '\\';
	e[1] = 'u';
	e[2] = hex[(cp >> 12) & 15];
	e[3] = hex[(cp >> 8) & 15];
	e[4] = hex[(cp >> 4) & 15];
	e[5] = hex[cp & 15];
	buf_add(out, e, sizeof(e));
}

/* The escapes that C, Python and Go share; false for any other byte. */
static bool
add_short(struct buf *out, unsigned char c)
{
	switch (c) {
	case '"':
		buf_add(out, "\\\"", 2);
		return true;
	case '\\':
		buf_add(out, "\\\\", 2);
		return true;
	case '\n':
		buf_add(out, "\\n", 2);
		return true;
	case '\t':
		buf_add(out, "\\t", 2);
		return true;
	case '\r':
		buf_add(out, "\\r", 2);
		return true;
	default:
		return false;
	}
}

/*
 * Everything outside printable ASCII goes out as octal: the basic source
 * character set of C89 has no room for UTF-8.  "??" would start a
 * trigraph under -std=c89, so the second '?' of a pair is \?.
 */
static void
add_c(struct buf *out, const unsigned char *s, size_t n)
{
	size_t i, len;

	for (i = 0; i < n; i++) {
		len = run_of(s + i, n - i, K_CTRL | K_HIGH | K_STR | K_QMARK);
		if (len > 0) {
			buf_add(out, s + i, len);
			i += len - 1;
			continue;
		}
		if (add_short(out, s[i]))
			continue;
		if (IS(s[i], K_CTRL | K_HIGH))
			add_octal(out, s[i]);
		else if (s[i] == '?' && i > 0 && s[i - 1] == '?')
			buf_add(out, "\\?", 2);
		else
			buf_addc(out, s[i]);
	}
}

/*
 * Python and Go sources are UTF-8, so well-formed sequences pass through,
 * but for those of escape_is_unsafe: controls as \xNN, the others as
 * \uXXXX (in Go \xNN would be a byte, not the code point).  A stray
 * byte becomes \xNN: in Go that is the byte itself; a Python str cannot
 * hold it, so it reads back as U+00NN but the source stays valid.
 */
static void
add_script(struct buf *out, const unsigned char *s, size_t n)
{
	size_t i, len;
	uint32_t cp;

	for (i = 0; i < n; i += len) {
		len = text_run(s + i, n - i, K_CTRL | K_HIGH | K_STR);
		if (len > 0) {
			buf_add(out, s + i, len);
			continue;
		}
		len = 1;
		if (add_short(out, s[i]))
			continue;
		if (IS(s[i], K_CTRL)) {
			add_hex(out, s[i]);
			continue;
		}
		len = escape_utf8(s + i, n - i, &cp);
		if (len == 0) {
			add_hex(out, s[i]);
			len = 1;
		} else {
			add_u(out, cp);
		}
	}
}

/*
 * Tab and line breaks are white space in HTML; the other code points of
 * escape_is_unsafe become character references, which show in the
 * source and render as before.
 */
static void
add_html(struct buf *out, const unsigned char *s, size_t n)
{
	size_t i, len;
	uint32_t cp;

	for (i = 0; i < n; i += len) {
		len = text_run(s + i, n - i, K_HTML | K_CTRL | K_HIGH);
		if (len > 0) {
			buf_add(out, s + i, len);
			continue;
		}
		len = 1;
		switch (s[i]) {
		case '&':
			buf_add(out, "&amp;", 5);
			break;
		case '<':
			buf_add(out, "&lt;", 4);
			break;
		case '>':
			buf_add(out, "&gt;", 4);
			break;
		case '"':
			buf_add(out, "&quot;", 6);
			break;
		default:
			if (is_blank(s[i]) ||
			    (len = escape_utf8(s + i, n - i, &cp)) == 0) {
				buf_addc(out, s[i]);
				len = 1;
			} else {
				buf_addf(out, "&#x%X;", (unsigned)cp);
			}
		}
	}
}

/*
 * At the start of the text, "-", "+", "=" and "1. " or "1) " would open
 * a list or underline a heading when the text starts a line.  Returns how
 * many bytes it wrote through.
 */
static size_t
md_lead(struct buf *out, const unsigned char *s, size_t n)
{
	size_t i;

	if (n > 0 && (s[0] == '-' || s[0] == '+' || s[0] == '=')) {
		buf_addc(out, '\\');
		buf_addc(out, s[0]);
		return 1;
	}
	for (i = 0; i < n && IS(s[i], K_DIGIT); i++)
		;
	if (i == 0 || i == n || (s[i] != '.' && s[i] != ')'))
		return 0;
	if (i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '\t')
		return 0;
	buf_add(out, s, i);
	buf_addc(out, '\\');
	buf_addc(out, s[i]);
	return i + 1;
}

/*
 * Writes the run of escape_is_unsafe code points other than tab and
 * line breaks at the start of s[0..n) as one code span, "`U+0007
 * U+202E`", which shows them in the source and once rendered.  Returns
 * the length of the run, 0 when there is none.
 */
static size_t
md_span(struct buf *out, const unsigned char *s, size_t n)
{
	char name[ESCAPE_SPELL_MAX];
	size_t i = 0, len, k;
	uint32_t cp;

	while (i < n && !is_blank(s[i]) &&
	    (len = escape_utf8(s + i, n - i, &cp)) != 0 &&
	    escape_is_unsafe(cp)) {
		k = escape_spell(name, cp);
		buf_addc(out, i == 0 ? '`' : ' ');
		buf_add(out, name + 1, k - 2);
		i += len;
	}
	if (i > 0)
		buf_addc(out, '`');
	return i;
}

/*
 * Backslash escapes work for any ASCII punctuation in CommonMark and in
 * GitHub table cells, so the escaped set is only what could start a
 * construct: emphasis, code, links, tables, headings, HTML, entities,
 * strikethrough and GitHub's $ math.
 */
static void
add_markdown(struct buf *out, const unsigned char *s, size_t n)
{
	size_t i, len;

	for (i = md_lead(out, s, n); i < n; i += len) {
		len = text_run(s + i, n - i, K_MD | K_CTRL | K_HIGH);
		if (len > 0) {
			buf_add(out, s + i, len);
			continue;
		}
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

void
escape_add(struct buf *out, enum escape_mode mode, const char *s,
    size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	switch (mode) {
	case ESCAPE_NONE:
		buf_add(out, s, len);
		break;
	case ESCAPE_HTML:
		add_html(out, u, len);
		break;
	case ESCAPE_C:
		add_c(out, u, len);
		break;
	case ESCAPE_PYTHON:
	case ESCAPE_GO:
		add_script(out, u, len);
		break;
	case ESCAPE_MARKDOWN:
		add_markdown(out, u, len);
		break;
	}
}

/* The class of the bytes that end a pair put_safe must break in mode. */
static unsigned
pair_ends(enum escape_mode mode)
{
	switch (mode) {
	case ESCAPE_C:
		return K_CPAIR;
	case ESCAPE_HTML:
	case ESCAPE_MARKDOWN:
		return K_HPAIR;
	case ESCAPE_NONE:
	case ESCAPE_PYTHON:
	case ESCAPE_GO:
		break;
	}
	return 0;
}

/*
 * Appends one printable ASCII byte to comment text, first breaking the
 * pairs that would end or nest a comment of mode, judged by what is
 * already in out, so that a run like "---" becomes "- - -".
 */
static void
put_safe(struct buf *out, enum escape_mode mode, int c)
{
	int prev = out->len > 0 ? (unsigned char)out->ptr[out->len - 1] : 0;
	bool brk = false;

	switch (mode) {
	case ESCAPE_C:
		brk = (prev == '*' && c == '/') || (prev == '/' && c == '*') ||
		    (prev == '?' && c == '?');
		break;
	case ESCAPE_HTML:
	case ESCAPE_MARKDOWN:
		brk = (prev == '-' && c == '-') || (prev == '<' && c == '!');
		break;
	case ESCAPE_NONE:
	case ESCAPE_PYTHON:
	case ESCAPE_GO:
		break;
	}
	if (brk)
		buf_addc(out, ' ');
	buf_addc(out, c);
}

/*
 * The C compilers splice a line ending in a backslash even with blanks
 * before the newline (gcc and clang only warn), so the text must not end
 * in a backslash and blanks: trailing blanks go and a '.' guards it.
 */
static void
end_c(struct buf *out, size_t start)
{
	size_t len = out->len;

	while (len > start && (out->ptr[len - 1] == ' ' ||
	    out->ptr[len - 1] == '\t'))
		len--;
	if (len < out->len) {
		out->len = len;
		out->ptr[len] = '\0';
	}
	if (out->len > start && out->ptr[out->len - 1] == '\\')
		buf_addc(out, '.');
}

/*
 * An HTML comment's text must not start with ">" or "->", and a '-' at
 * the end would meet the "-->" that closes it.
 */
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
 * Every target's sources and comments must be valid UTF-8 without NUL,
 * so tab and line breaks become spaces (CR LF as one), the other code
 * points of escape_is_unsafe are spelt out, "<U+202E>", so that none
 * can reorder or hide the line, and broken UTF-8 becomes U+FFFD.
 */
void
escape_comment(struct buf *out, enum escape_mode mode, const char *s,
    size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned mask = K_CTRL | K_HIGH | pair_ends(mode);
	char name[ESCAPE_SPELL_MAX];
	size_t i, n, start = out->len;
	uint32_t cp;

	for (i = 0; i < len; i += n) {
		n = text_run(u + i, len - i, mask);
		if (n > 0) {
			buf_add(out, u + i, n);
			continue;
		}
		n = 1;
		if (u[i] == '\r' && i + 1 < len && u[i + 1] == '\n')
			n = 2;
		if (is_blank(u[i])) {
			buf_addc(out, ' ');
		} else if (!IS(u[i], K_CTRL | K_HIGH)) {
			put_safe(out, mode, u[i]);
		} else if ((n = escape_utf8(u + i, len - i, &cp)) == 0) {
			buf_add(out, fffd, 3);
			n = 1;
		} else {
			buf_add(out, name, escape_spell(name, cp));
		}
	}
	if (mode == ESCAPE_C)
		end_c(out, start);
	else if (mode == ESCAPE_HTML || mode == ESCAPE_MARKDOWN)
		end_html(out, start);
}

int
escape_parse(const char *name, enum escape_mode *mode)
{
	static const struct {
		const char *name;
		enum escape_mode mode;
	} names[] = {
		{ "none", ESCAPE_NONE }, { "text", ESCAPE_NONE },
		{ "html", ESCAPE_HTML }, { "c", ESCAPE_C },
		{ "python", ESCAPE_PYTHON }, { "go", ESCAPE_GO },
		{ "markdown", ESCAPE_MARKDOWN },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(name, names[i].name) == 0) {
			*mode = names[i].mode;
			return 0;
		}
	}
	return -1;
}

const char *
escape_name(enum escape_mode mode)
{
	switch (mode) {
	case ESCAPE_NONE:
		return "none";
	case ESCAPE_HTML:
		return "html";
	case ESCAPE_C:
		return "c";
	case ESCAPE_PYTHON:
		return "python";
	case ESCAPE_GO:
		return "go";
	case ESCAPE_MARKDOWN:
		return "markdown";
	}
	return "?";
}
