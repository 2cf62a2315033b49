/*
 * tmpl_int: what the files of the tmpl stage share: the template tree,
 * and the parser's tokens.  Not for other modules; see tmpl.h.
 *
 * A template is a tree of struct tnode:
 * TNODE_ROOT at the top, containers (sections, inverted sections,
 * parents, blocks) holding children in a singly linked list, and leaves
 * (text, variables, partials).  Every node knows its parent, so the
 * renderer walks the tree with an explicit stack and never recurses.
 *
 * Text nodes never span a line break: each ends at the first '\n' it
 * holds, so that the indentation of a standalone partial can be added
 * before each line at render time.  `bol` marks nodes that begin an
 * output line of their template; standalone tag lines are already gone.
 *
 * Blocks carry what re-indenting an override needs.  A block whose
 * opening tag stands alone is written as whole lines: `dedent` is the
 * number of leading blanks all its non-blank lines share (removed from
 * the block's lines when it overrides another), and `indent` is where an
 * override of it goes (its own lines' shared blanks, or when it has none
 * the blanks before its tag).  `eol`, set when the closing tag stands
 * alone too, ends a last line that its content leaves open.
 *
 * Everything lives in the arena passed to tmpl_parse; names and text
 * point into the template source, which must outlive the tree.
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

struct tpart {
	const char *s;
	size_t len;
	const char *key;	/* interned (value.h), or NULL: no map has it */
};

struct tname {
	const char *s;		/* the whole name, for messages */
	size_t len;
	enum tname_special special;
	struct tpart *parts;	/* TNAME_DATA: split at '.' */
	size_t nparts;
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
	bool tags;		/* container: holds other nodes than text */
	const char *indent;	/* partial, parent: the line's blanks; block:
				   where an override is indented to */
	size_t indentlen;
	size_t dedent;		/* block: blanks its own lines share */
	const char *eol;	/* block: line break that ends its lines */
	size_t eollen;
	enum filter_id *filters;
	size_t nfilters;
};

struct tmpl {
	struct tnode *root;
};

/* Escaping (escape.c, escape_table.c) */

/*
 * Appends c to comment text, after a space when c would complete one of
 * the sequences brk[0..n) with what out holds from offset start on.
 */
void escape_break(struct buf *out, const char *const *brk, size_t n,
    size_t start, int c);

/* Rendering (render.c, inherit.c) */

/*
 * The renderer walks the AST with an explicit frame stack: each frame
 * runs the children of one container (the root, a section, a partial's
 * root, a block) and knows what to undo when they are done.  The context
 * stack is a separate array; list sections rewrite their own entry for
 * each item instead of pushing and popping.
 *
 * Indentation is one rule in force at a time: every line a template
 * writes loses up to `strip` leading blanks, then gains `indent`.  A
 * standalone partial adds its blanks; an override of a block loses its
 * own margin and gains the block's.  push_indent folds such a change
 * into the rule, so nesting costs nothing at each line.
 */

/* A {{<parent}} tag being rendered, and the one around it (1 + index). */
struct scope {
	const struct tnode *tag;
	size_t outer;
};

struct ctxent {
	const struct value *v;
	size_t index, count;	/* list items, for @first @last @index */
	bool iter;
};

enum frame_kind {
	FRAME_PLAIN,
	FRAME_LIST,
	FRAME_PARTIAL,
	FRAME_BLOCK
};

struct frame {
	enum frame_kind kind;
	const struct tnode *owner;	/* whose children run */
	const struct tnode *next;
	const struct value *list;	/* FRAME_LIST */
	size_t i;
	size_t nctx;			/* restored when the frame ends */
	size_t indentlen, strip;
	size_t nscopes, scope;
	bool whole;			/* FRAME_BLOCK: writes whole lines */
	const char *eol;		/* ends a last line left open */
	size_t eollen;
	size_t outstart;
	const struct tnode *from;	/* FRAME_PARTIAL: the tag, and */
	const char *name;		/* the partial it named */
	size_t namelen;
};

/* A partial, parsed at most once per render; t NULL: there is none. */
struct pcache {
	struct pcache *next;
	const char *name;
	size_t len;
	const struct tmpl *t;
};

struct render {
	const struct tmpl_opts *opts;
	const struct tmpl_loader *loader;
	struct arena *a;
	struct buf *out;
	size_t limit;			/* where output becomes too much */
	struct diag *d;
	struct ctxent *ctx;
	size_t nctx, capctx;
	struct frame *fr;
	size_t nfr, capfr;
	struct scope *scopes;		/* {{<parent}} tags in use */
	size_t nscopes, capscopes;
	size_t scope;			/* 1 + the innermost one seen, or 0 */
	struct buf indent;		/* added to each line */
	size_t strip;			/* blanks taken from each line */
	bool pending;			/* indent before the next output */
	size_t pendlen;
	size_t skip;			/* blanks still to take here */
	bool nobol;			/* first node of inline content */
	unsigned pdepth;
	struct pcache *cache;
	struct buf f1, f2;		/* filter results */
	struct value idx;		/* @index */
	bool fatal;
	bool failed;
};

struct frame *tmpl_push_frame(struct render *r, enum frame_kind kind,
    const struct tnode *owner);

/* Puts "lose strip blanks, then gain add[0..len)" under the rule. */
void tmpl_push_indent(struct render *r, size_t strip, const char *add,
    size_t len);

/* What n's name resolves to, or NULL (then reported in strict mode). */
const struct value *tmpl_resolve(struct render *r, const struct tnode *n);

/* Notes where the template holding n was included from, and so on. */
void tmpl_note_includes(struct render *r, const struct tnode *n);

/*
 * In strict mode, reports the error fmt at n once per position (a tag
 * that fails for every item of a list is reported once), with
 * tmpl_note_includes, and fails the render; stops it after too many.
 */
void tmpl_strict_error(struct render *r, const struct tnode *n,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Runs a partial or parent tag, or a block (inherit.c). */
void tmpl_run_partial(struct render *r, const struct tnode *n);
void tmpl_run_block(struct render *r, const struct tnode *n);

/* Parsing (scan.c, parse.c) */

/* A token that makes a node has that node's kind. */
enum tok_kind {
	TOK_TEXT = TNODE_TEXT,
	TOK_VAR = TNODE_VAR,	/* also {{&x}} and {{{x}}} */
	TOK_SECTION = TNODE_SECTION,
	TOK_INVERTED = TNODE_INVERTED,
	TOK_PARTIAL = TNODE_PARTIAL,
	TOK_PARENT = TNODE_PARENT,
	TOK_BLOCK = TNODE_BLOCK,
	TOK_CLOSE,
	TOK_COMMENT,
	TOK_DELIM
};

struct tok {
	enum tok_kind kind;
	struct srcpos pos;
	const char *s;		/* text, or the trimmed tag content */
	size_t len;
	bool raw;		/* TOK_VAR: {{{x}}} or {{&x}} */
	bool removed;		/* whitespace of a standalone line */
	bool bol;
	bool standalone;
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

/*
 * Cuts p's text into p->toks, marking standalone lines (scan.c).
 * Returns 0, or -1 after reporting into p->d.
 */
int tmpl_scan(struct parser *p);

/* Drops the blanks around s[0..*n). */
void tmpl_trim(const char **s, size_t *n);

/* The position of src[o], counting from src[from] at position pos. */
struct srcpos tmpl_pos_at(const char *src, struct srcpos pos, size_t from,
    size_t o);

/* Space or tab; s[0..n) all such. */
bool tmpl_is_blank(char c);
bool tmpl_all_blank(const char *s, size_t n);

#endif
