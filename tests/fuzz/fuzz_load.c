/*
 * fuzz_load: libFuzzer target for the data path.  The input is taken as a
 * YAML file and goes the one way gen takes data: load_yaml into a tree
 * (nodes in one arena, texts in another, keys interned), model_build on
 * the tree, then the nodes freed.  Anything must be rejected without
 * crashing, leaking or tripping a sanitizer, and these must hold, or the
 * target aborts:
 *  - the same bytes loaded again, into a key table that already holds
 *    their keys, give the same result and the very same diagnostics;
 *  - a model built has its statuses sorted by code, finds each of them
 *    by its code, and outlives the tree's nodes: every text and value it
 *    holds is read after they are freed, so a pointer left into them is
 *    a use after free.
 * Every run starts from empty arenas and diags, so that state cannot hide
 * a bug found by an earlier input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/value.h"
#include "load/load.h"
#include "model/model.h"
#include "../check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Smaller limits than the defaults keep each run fast; the depth limit is
 * the real one, because hostile nesting is what it guards against.
 */
static const struct load_limits limits = {
	1024 * 1024, 256, 200000
};

/* One pass of the input through load and model. */
struct pass {
	struct arena texts;	/* the model and the texts it borrows */
	struct diag d;
	struct registry *r;
	int rc;
	struct buf msgs;	/* every diagnostic, formatted */
};

/* Read by every check of a text, so that none is optimised away. */
static volatile size_t sink;

static void
touch(const char *s)
{
	if (s != NULL)
		sink += strlen(s);
}

/* Reads every text of v and of what it holds; no recursion. */
static void
touch_value(const struct value *v)
{
	const struct value **stack = NULL;
	size_t n = 0, cap = 0, i;

	if (v == NULL)
		return;
	stack = malloc(sizeof(*stack));
	if (stack == NULL)
		abort();
	cap = 1;
	stack[n++] = v;
	while (n > 0) {
		v = stack[--n];
		if (v->kind != VALUE_LIST && v->kind != VALUE_MAP) {
			touch(v->str);
			continue;
		}
		if (n + v->len > cap) {
			cap = n + v->len;
			stack = realloc(stack, cap * sizeof(*stack));
			if (stack == NULL)
				abort();
		}
		for (i = 0; i < v->len; i++) {
			if (v->kind == VALUE_MAP)
				touch(v->u.keys[i].s);
			stack[n++] = v->items[i];
		}
	}
	free(stack);
}

static void
touch_texts(const struct text *t, size_t nlocales)
{
	size_t i;

	for (i = 0; t != NULL && i < nlocales; i++)
		if (t[i].s != NULL && strlen(t[i].s) != t[i].len)
			abort();
}

static void
touch_status(const struct registry *r, const struct status *s)
{
	size_t i;

	if (strlen(s->phrase) != s->phrase_len || strlen(s->id) != s->id_len)
		abort();
	for (i = 0; i < s->naliases; i++)
		touch(s->aliases[i]);
	touch(s->set);
	touch(s->source);
	touch(s->ref);
	touch(s->expires);
	touch_value(s->names);
	touch_value(s->node);
	for (i = 0; i < s->nhistory; i++) {
		touch(s->history[i].phrase);
		touch(s->history[i].ref);
		touch_value(s->history[i].node);
	}
	for (i = 0; i < s->nsubcodes; i++) {
		touch(s->subcodes[i].phrase);
		touch_texts(s->subcodes[i].description, r->nlocales);
		touch_value(s->subcodes[i].node);
	}
	touch_texts(s->note, r->nlocales);
	touch_texts(s->description, r->nlocales);
	if (s->class_index >= r->nclasses)
		abort();
}

/* The model, read whole after the tree's nodes are gone. */
static void
check_model(const struct registry *r)
{
	size_t i;

	touch(r->name);
	touch(r->c_prefix);
	touch_texts(r->title, r->nlocales);
	touch_texts(r->description, r->nlocales);
	for (i = 0; i < r->nlocales; i++)
		touch(r->locales[i]);
	touch_value(r->node);
	touch_value(r->root);
	for (i = 0; i < r->nclasses; i++) {
		touch(r->classes[i].id);
		touch_texts(r->classes[i].title, r->nlocales);
		touch_texts(r->classes[i].description, r->nlocales);
		touch_value(r->classes[i].node);
	}
	for (i = 0; i < r->nsets; i++) {
		touch(r->sets[i].id);
		touch_texts(r->sets[i].title, r->nlocales);
		touch_texts(r->sets[i].description, r->nlocales);
		touch_value(r->sets[i].node);
	}
	for (i = 0; i < r->nstatuses; i++) {
		const struct status *s = &r->statuses[i];

		if (i > 0 && r->statuses[i - 1].code > s->code)
			abort();
		touch_status(r, s);
	}
}

/* Loads and builds the input as gen does, then frees the nodes. */
static void
run(struct pass *p, struct keys *keys, const uint8_t *data, size_t size)
{
	struct arena nodes = ARENA_INIT;
	struct load_to to = { &nodes, &p->texts, keys };
	const struct value *root = NULL;
	size_t i;

	p->rc = load_yaml(&to, "fuzz.yaml", (const char *)data, size,
	    &limits, &p->d, &root);
	if (p->rc == 0)
		p->rc = model_build(&p->texts, "fuzz.yaml", root, &p->d,
		    &p->r);
	arena_release(&nodes);
	if (p->rc == 0)
		p->rc = model_check(&p->texts, p->r, &p->d);
	/* Formatting every entry exercises the stored positions too. */
	for (i = 0; i < p->d.n; i++) {
		char *s = entry_text(&p->d, i);

		buf_adds(&p->msgs, s);
		buf_addc(&p->msgs, '\n');
		free(s);
	}
	if (p->rc == 0)
		check_model(p->r);
}

static void
pass_release(struct pass *p)
{
	buf_release(&p->msgs);
	diag_release(&p->d);
	arena_release(&p->texts);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keys *keys = keys_new();
	struct pass one, two;

	memset(&one, 0, sizeof(one));
	memset(&two, 0, sizeof(two));
	buf_init(&one.msgs);
	buf_init(&two.msgs);
	run(&one, keys, data, size);
	run(&two, keys, data, size);
	if (one.rc != two.rc || one.msgs.len != two.msgs.len ||
	    memcmp(one.msgs.ptr, two.msgs.ptr, one.msgs.len) != 0 ||
	    (one.rc == 0 && one.r->nstatuses != two.r->nstatuses))
		abort();
	/* A model is built exactly when no error was reported. */
	if ((one.rc == 0) == diag_has_errors(&one.d))
		abort();
	pass_release(&one);
	pass_release(&two);
	keys_free(keys);
	return 0;
}
