/*
 * tmpl_int: the template tree, renderer state and tokens the files of tmpl
 * share.  Text nodes end at their first '\n', so a standalone partial can
 * indent each line.  Every node knows its parent, so walkers need no recursion.
 */
#ifndef GEN_TMPL_INT_H
#define GEN_TMPL_INT_H

#include "filter.h"
#include "tmpl.h"

enum tnode_kind {
	TNODE_ROOT,
	TNODE_TEXT,
	TNODE_VAR,		/* {{name}}, {{{name}}}, {{&name}} */
	TNODE_SECTION,		/* {{#name}}...{{/name}} */
	TNODE_INVERTED,		/* {{^name}}...{{/name}} */
	TNODE_PARTIAL,		/* {{>name}}, {{>*name}} */
	TNODE_PARENT,		/* {{<name}}...{{/name}} */
	TNODE_BLOCK		/* {{$name}}...{{/name}} */
};

/* What a name refers to besides the data. */
enum tname_special {
	TNAME_DATA,		/* a (dotted) key, looked up in the data */
	TNAME_DOT,		/* ".", the top of the context stack */
	TNAME_FIRST,		/* @first */
	TNAME_LAST,		/* @last */
	TNAME_INDEX		/* @index */
};

struct tname {
	const char *s;		/* the whole name, for messages */
	size_t len;
	enum tname_special special;
	const char **keys;	/* TNAME_DATA: a key per part between '.', */
	size_t nparts;		/* interned (value.h), or NULL: no map has it */
};

struct tnode {
	enum tnode_kind kind;
	struct srcpos pos;	/* of the tag's opening delimiter, or text */
	struct tnode *parent;
	struct tnode *child;	/* first child of a container */
	struct tnode *last;	/* last child, while parsing */
	struct tnode *next;	/* next sibling */
	const char *text;	/* TNODE_TEXT */
	size_t len;
	struct tname name;
	bool escape;		/* TNODE_VAR: apply the caller's escaping */
	bool bol;		/* starts an output line: indent goes here */
	bool dynamic;		/* partial or parent: {{>*name}} */
	bool standalone;	/* tag alone on its line */
	const char *indent;	/* partial, parent: the line's blanks; block:
				   where an override is indented to */
	size_t indentlen;
	size_t dedent;		/* block: blanks its own lines share */
	const char *eol;	/* block: line break that ends its lines */
	size_t eollen;
	enum filter_id *filters;
	size_t nfilters;
};

struct tmpl { struct tnode *root; };

/* Escaping (escape.c, escape_table.c) */

enum units { UNITS_CODE_POINT, UNITS_UTF16, UNITS_UTF8 };

struct rule {
	const char *from, *to;
	size_t fromlen, tolen;
};

struct escape_table {
	struct rule *rules;		/* longest `from` first */
	size_t nrules;
	bool first[256];		/* bytes that start some rule */
	const char *format;		/* printf's, for one number */
	char conv;			/* its x X d o, 0 when none */
	unsigned classes;
	enum units units;
	const char **breaks;
	size_t nbreaks;
	const char *path;		/* of the manifest, for messages */
};

/* Appends s[0..len) escaped by table t. */
void escape_table_add(struct buf *out, const struct escape_table *t,
    const char *s, size_t len);

/*
 * Appends code point cp (s[0..n), or a stray byte) as t formats it in a
 * comment and returns true, or returns false if t leaves it as it is.
 */
bool escape_table_format(struct buf *out, const struct escape_table *t,
    uint32_t cp, const unsigned char *s, size_t n);

#define ESCAPE_SPELL_MAX	11	/* "<U+10FFFF>" and its NUL */

/* Writes "<U+XXXX>" (four to six hex digits); returns its length. */
size_t escape_spell(char *s, uint32_t cp);

/* The length of the well-formed UTF-8 at s[0..n), n > 0, and *cp; or 0. */
size_t escape_utf8(const unsigned char *s, size_t n, uint32_t *cp);

/* Parsing (scan.c, parse.c) */

/* A token that makes a node has that node's kind; these make none. */
enum { TOK_CLOSE = TNODE_BLOCK + 1, TOK_COMMENT, TOK_DELIM };

struct tok {
	int kind;		/* enum tnode_kind, or TOK_* */
	struct srcpos pos;
	const char *s;		/* text, or the trimmed tag content */
	size_t len;
	bool raw;		/* TNODE_VAR: {{{x}}} or {{&x}} */
	bool removed;		/* whitespace of a standalone line */
	bool bol, standalone;
	const char *indent;	/* standalone: the line's leading blanks */
	size_t indentlen;
	const char *eol;	/* standalone: the line's line break */
	size_t eollen;
	size_t at;		/* offset of the tag, for filter columns */
};

/* The leading blanks every line of a container shares, so far. */
struct margin {
	const char *s;
	size_t len;
	bool any;		/* a line has been seen */
};

struct parser {
	struct arena *a;
	const struct keys *keys;
	struct diag *d;
	const char *src;
	size_t len;
	size_t off;
	struct srcpos lpos;	/* where the current line starts, */
	size_t linestart;	/* at this offset */
	const char *otag, *ctag;
	size_t olen, clen;
	struct tok *toks;
	size_t ntoks, cap;
	size_t linetok;		/* first token of the current line */
	bool failed;
};

/* Cuts p's text into p->toks, marking standalone lines; -1 on error. */
int tmpl_scan(struct parser *p);

/* Drops the blanks around s[0..*n). */
void tmpl_trim(const char **s, size_t *n);

/* The position of src[o], counting from src[from] at position pos. */
struct srcpos tmpl_pos_at(const char *src, struct srcpos pos, size_t from,
    size_t o);

/* Whether s[0..n) is spaces and tabs, but for a final line break. */
bool tmpl_all_blank(const char *s, size_t n);

#endif
