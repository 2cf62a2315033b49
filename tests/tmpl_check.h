/*
 * tmpl_check: whether a parsed template keeps the AST's invariants, for
 * the template tests and the fuzzer.
 */
#ifndef GEN_TESTS_TMPL_CHECK_H
#define GEN_TESTS_TMPL_CHECK_H

#include <stdbool.h>
#include <string.h>

#include "tmpl/tmpl_int.h"

/* n and its children: parent links, positions, text split after '\n'. */
static inline bool
node_ok(const struct tnode *n, const struct tnode *parent)
{
	const struct tnode *c;
	const char *nl;

	if (n->parent != parent || n->pos.line == 0 || n->pos.col == 0 ||
	    (n->child != NULL && (n->kind == TNODE_TEXT ||
	    n->kind == TNODE_VAR || n->kind == TNODE_PARTIAL)))
		return false;
	for (c = n->child; c != NULL; c = c->next)
		if (!node_ok(c, n))
			return false;
	if (n->kind != TNODE_TEXT)
		return true;
	nl = memchr(n->text, '\n', n->len);
	return nl == NULL || nl == n->text + n->len - 1;
}

/* The AST's invariants, which the parser must keep. */
static inline bool
tmpl_check(const struct tmpl *t)
{
	const struct tnode *c;

	if (t == NULL || t->root == NULL || t->root->kind != TNODE_ROOT ||
	    t->root->parent != NULL)
		return false;
	for (c = t->root->child; c != NULL; c = c->next)
		if (!node_ok(c, t->root))
			return false;
	return true;
}

#endif
