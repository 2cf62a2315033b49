/*
 * tmpl_ast: the template tree shared by tmpl_parse.c and tmpl_render.c.
 *
 * Internal to the tmpl module.  A template is a tree of struct tnode:
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
#ifndef GEN_TMPL_AST_H
#define GEN_TMPL_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
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
	bool standalone;	/* partial, parent, block: tag alone on its line */
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
	const char *path;
	struct tnode *root;
};

#endif
