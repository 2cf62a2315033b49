/* Statuses (see model_int.h): building them, then the checks across them. */
#include "model_int.h"

#include <stdlib.h>
#include <string.h>

#include "base/suggest.h"

enum {
	ST_CODE, ST_PHRASE, ST_ID, ST_ALIASES, ST_NAMES, ST_STATUS, ST_SET,
	ST_SOURCE, ST_REF, ST_EXPIRES, ST_HISTORY, ST_SUBCODES, ST_NOTE,
	ST_DESCRIPTION, ST_DOCS_ONLY, ST_FLAGS, ST_PHRASES
};
static const char *const status_keys[] = {
	"code", "phrase", "id", "aliases", "names", "status", "set", "source",
	"ref", "expires", "history", "subcodes", "note", "description",
	"docs_only", "flags", "phrases"
};
enum { HIST_PHRASE, HIST_REF };
static const char *const history_keys[] = { "phrase", "ref" };
enum { SUB_SUB, SUB_PHRASE, SUB_DESCRIPTION };
static const char *const subcode_keys[] = { "sub", "phrase", "description" };

#define ALPHA	"_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

/* Indexed by enum status_kind. */
static const char *const status_names[] = {
	"standard", "deprecated", "unused", "experimental", "temporary",
	"unofficial"
};

static void
build_history(struct check *c, const struct value *v, void *p)
{
	struct history *h = p;
	struct fields f;

	h->node = model_read(c, v, history_keys, NKEYS(history_keys), &f);
	h->phrase = model_get_str(c, &f, HIST_PHRASE, GET_REQUIRED | GET_LINE);
	h->ref = model_get_str(c, &f, HIST_REF, GET_LINE);
}

static void
build_subcode(struct check *c, const struct value *v, void *p)
{
	struct subcode *s = p;
	struct fields f;

	s->node = model_read(c, v, subcode_keys, NKEYS(subcode_keys), &f);
	if (model_get_int(c, &f, SUB_SUB, &s->sub) && s->sub < 0)
		diag_error(c->d, POS(c, f.val[SUB_SUB]),
		    "'sub' must not be negative");
	s->phrase = model_get_str(c, &f, SUB_PHRASE, GET_REQUIRED | GET_LINE);
	s->description = model_get_loc(c, &f, SUB_DESCRIPTION, GET_REQUIRED);
}

/* What a message quotes of v: a list's or map's str is no text. */
static const char *
shown(const struct value *v)
{
	return v->kind == VALUE_LIST || v->kind == VALUE_MAP ? "" : v->str;
}

/* aliases: or flags: [id, ...] (one: an item's noun) into ids and pos. */
static void
build_ids(struct check *c, const struct value *list, const char *what,
    const char *one, const char ***ids, struct srcpos **pos, size_t *n)
{
	size_t i;

	if (list == NULL || !model_is(c, list, VALUE_LIST, what))
		return;
	*ids = arena_array(c->a, list->len, sizeof(**ids));
	*pos = arena_array(c->a, list->len, sizeof(**pos));
	for (i = 0; i < list->len; i++) {
		const struct value *a = list->items[i];

		if (a->kind != VALUE_STRING || !model_is_ident(a->str)) {
			diag_error(c->d, POS(c, a), "%s '%s' is not a valid "
			    "identifier (use [a-z][a-z0-9_]*)", one, shown(a));
			continue;
		}
		(*pos)[*n] = value_pos(c->path, a);
		(*ids)[(*n)++] = a->str;
	}
}

/* phrases: {LANG: phrase}, where a language's library words it apart. */
static void
build_phrases(struct check *c, const struct fields *f, struct status *s)
{
	const struct value *m = f->val[ST_PHRASES];
	struct fields one;
	size_t i;

	if (m == NULL || !model_is(c, m, VALUE_MAP, "'phrases'"))
		return;
	for (i = 0; i < m->len; i++) {
		one = (struct fields){ m, &m->u.keys[i].s, { m->items[i] } };
		if (model_get_str(c, &one, 0, GET_REQUIRED | GET_LINE) == NULL)
			return;
	}
	s->phrases = model_copy_value(c->a, m);
}

/* names: {LANG: [Name, ...]}, each name as the language spells it. */
static void
build_names(struct check *c, const struct fields *f, struct status *s)
{
	const struct value *names = f->val[ST_NAMES];
	size_t i, j;

	if (names == NULL || !model_is(c, names, VALUE_MAP, "'names'"))
		return;
	for (i = 0; i < names->len; i++) {
		const struct value *l = names->items[i];

		if (!model_is(c, l, VALUE_LIST, names->u.keys[i].s))
			return;
		for (j = 0; j < l->len; j++) {
			const struct value *n = l->items[j];
			const char *t = shown(n);

			if (n->kind != VALUE_STRING || strspn(t, ALPHA) == 0 ||
			    t[strspn(t, ALPHA "0123456789")] != '\0') {
				diag_error(c->d, POS(c, n), "'%s' is not a "
				    "valid name", t);
				return;
			}
		}
	}
	s->names = model_copy_value(c->a, names);
}

/*
 * Latin-1 Supplement and Latin Extended-A letters from U+00C0 in ASCII:
 * a capital stands for two letters (pairs), a space for a sign that
 * separates words (multiplication, division).
 */
static const char latin[] =
    "aaaaaaAceeeeiiiidnooooo ouuuuyTSaaaaaaAceeeeiiiidnooooo ouuuuyTy"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiIIjjkkklllllll"
    "lllnnnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static const char pairs[] = "AaeIijOoeSssTth";

/*
 * The non-ASCII character at p[*i] spelled in ASCII into out[3], with
 * *i left on its last byte: "_" separates, "" is dropped (a typographic
 * apostrophe); NULL for a letter gen has no spelling of (CJK, Greek).
 */
static const char *
spell(const char *p, size_t *i, char *out)
{
	unsigned char u = (unsigned char)p[*i];
	size_t k = u >= 0xF0 ? 3 : u >= 0xE0 ? 2 : 1;
	unsigned long cp = u & (0x3Fu >> k);
	const char *two, *l;

	while (k-- > 0)
		cp = cp << 6 | ((unsigned char)p[++*i] & 0x3F);
	if (cp == 0x2019)
		return "";
	/* The blocks of scripts, roughly: the rest are signs and symbols. */
	if ((cp >= 0x180 && cp < 0x2000) || (cp >= 0x2C00 && cp < 0xD800) ||
	    (cp >= 0xF900 && cp < 0xFE00) || (cp >= 0xFE70 && cp < 0xFFF0) ||
	    (cp >= 0x10000 && cp < 0x1F000) || (cp >= 0x20000 && cp < 0x40000))
		return NULL;
	if (cp < 0xC0 || cp >= 0x180)
		return "_";
	l = &latin[cp - 0xC0];
	two = *l >= 'A' && *l <= 'Z' ? strchr(pairs, *l) : NULL;
	memcpy(out, two != NULL ? two + 1 : *l == ' ' ? "_" : l, 2);
	out[two != NULL ? 2 : 1] = '\0';
	return out;
}

/* The default id: the phrase in snake case, in ASCII; "" if it cannot be. */
static const char *
phrase_id(struct check *c, const char *phrase)
{
	size_t n = strlen(phrase), i, o = 0;
	char *id = arena_alloc(c->a, n + 1), ch[3];
	const char *t;

	for (i = 0; i < n; i++) {
		ch[0] = phrase[i];
		ch[1] = '\0';
		t = ch;
		if (ch[0] >= 'A' && ch[0] <= 'Z')
			ch[0] = (char)(ch[0] - 'A' + 'a');
		else if (ch[0] == '\'')
			t = "";
		else if ((unsigned char)ch[0] < 0x80 &&
		    strspn(ch, "abcdefghijklmnopqrstuvwxyz0123456789") == 0)
			t = "_";
		else if ((unsigned char)ch[0] >= 0x80 &&
		    (t = spell(phrase, &i, ch)) == NULL)
			return "";
		for (; *t != '\0'; t++)
			if (*t != '_' || (o > 0 && id[o - 1] != '_'))
				id[o++] = *t;
	}
	while (o > 0 && id[o - 1] == '_')
		o--;
	id[o] = '\0';
	return id;
}

static void
build_kind(struct check *c, const struct fields *f, struct status *s)
{
	const char *kind = model_get_str(c, f, ST_STATUS, GET_REQUIRED);
	size_t k;

	if (kind != NULL && (k = suggest_lookup(c->d,
	    POS(c, f->val[ST_STATUS]), "status", kind, status_names,
	    NKEYS(status_names))) < NKEYS(status_names))
		s->kind = (enum status_kind)k;
}

/* An unofficial code that shares its number stays out of code outputs. */
static void
build_docs_only(struct check *c, const struct fields *f, struct status *s)
{
	const struct value *d = f->val[ST_DOCS_ONLY];

	if (d == NULL)
		return;
	s->docs_only = d->kind == VALUE_BOOL && d->plain && d->u.b;
	if (d->kind != VALUE_BOOL || !d->plain)
		diag_error(c->d, POS(c, d), "'docs_only' must be true or "
		    "false");
	else if (s->docs_only && s->kind != STATUS_UNOFFICIAL)
		diag_error(c->d, POS(c, d), "'docs_only' applies only to "
		    "unofficial codes");
}

void
model_build_status(struct check *c, const struct value *v, void *p)
{
	struct status *s = p;
	struct fields f;

	s->pos = value_pos(c->path, v);
	s->node = model_read(c, v, status_keys, NKEYS(status_keys), &f);
	model_get_int(c, &f, ST_CODE, &s->code);
	s->phrase = model_get_str(c, &f, ST_PHRASE, GET_REQUIRED | GET_LINE);
	s->id = model_get_str(c, &f, ST_ID, GET_IDENT);
	s->id_pos = value_pos(c->path, f.val[ST_ID] != NULL ? f.val[ST_ID] : v);
	if (s->id == NULL && f.val[ST_ID] == NULL && s->phrase != NULL) {
		s->id = phrase_id(c, s->phrase);
		if (!model_is_ident(s->id))
			diag_error(c->d, POS(c, f.val[ST_PHRASE]),
			    "cannot derive an identifier from '%s'; add 'id'",
			    s->phrase);
	}
	s->phrase_len = s->phrase != NULL ? strlen(s->phrase) : 0;
	s->id_len = s->id != NULL ? strlen(s->id) : 0;
	build_ids(c, f.val[ST_ALIASES], "aliases", "alias", &s->aliases,
	    &s->alias_pos, &s->naliases);
	build_ids(c, f.val[ST_FLAGS], "flags", "flag", &s->flags,
	    &s->flag_pos, &s->nflags);
	build_names(c, &f, s);
	build_phrases(c, &f, s);
	build_kind(c, &f, s);
	s->set = model_get_str(c, &f, ST_SET, GET_IDENT);
	if (s->set != NULL)
		s->set_pos = value_pos(c->path, f.val[ST_SET]);
	build_docs_only(c, &f, s);
	s->source = model_get_str(c, &f, ST_SOURCE, GET_LINE);
	s->ref = model_get_str(c, &f, ST_REF, GET_LINE);
	s->expires = model_get_str(c, &f, ST_EXPIRES, GET_LINE);
	s->history = model_build_list(c, f.val[ST_HISTORY], "history",
	    sizeof(*s->history), build_history, &s->nhistory);
	s->subcodes = model_build_list(c, f.val[ST_SUBCODES], "subcodes",
	    sizeof(*s->subcodes), build_subcode, &s->nsubcodes);
	s->note = model_get_loc(c, &f, ST_NOTE, 0);
	s->description = model_get_loc(c, &f, ST_DESCRIPTION, GET_REQUIRED);
}

#define CMP(a, b)	(((a) > (b)) - ((a) < (b)))

/* By code, docs_only entries last, then in the order of the document. */
static int
cmp_status(const void *pa, const void *pb)
{
	const struct status *a = pa, *b = pb;

	if (a->code != b->code)
		return CMP(a->code, b->code);
	if (a->docs_only != b->docs_only)
		return CMP(a->docs_only, b->docs_only);
	if (a->pos.line != b->pos.line)
		return CMP(a->pos.line, b->pos.line);
	return CMP(a->pos.col, b->pos.col);
}

/*
 * Sorted, the entry code outputs use comes first of those that share a
 * code, which only docs_only entries of other sets may.
 */
static void
check_shared(struct check *c, size_t i)
{
	struct status *st = c->r->statuses, *s = &st[i], *first;
	size_t j = i;

	while (j > 0 && st[j - 1].code == s->code)
		j--;
	if (j == i)
		return;
	first = &st[j];
	for (; j < i; j++)
		if (s->set != NULL && st[j].set != NULL &&
		    strcmp(s->set, st[j].set) == 0) {
			diag_error(c->d, &s->pos, "duplicate code %lld in set "
			    "'%s'", s->code, s->set);
			diag_note(c->d, &st[j].pos, "first defined here");
			return;
		}
	if (s->docs_only)
		return;
	if (s->kind != STATUS_UNOFFICIAL) {
		diag_error(c->d, &s->pos, "duplicate code %lld", s->code);
		diag_note(c->d, &first->pos, "first defined here");
	} else if (first->kind != STATUS_UNOFFICIAL) {
		diag_error(c->d, &s->pos, "code %lld of set '%s' is a "
		    "registered code; mark it 'docs_only: true'", s->code,
		    s->set);
		diag_note(c->d, &first->pos, "registered here");
	} else {
		diag_error(c->d, &s->pos, "code %lld of set '%s' is also used "
		    "by set '%s'; mark all but one 'docs_only: true'",
		    s->code, s->set, first->set);
		diag_note(c->d, &first->pos, "used by '%s' here", first->set);
	}
}

static void
check_codes(struct check *c)
{
	struct registry *r = c->r;
	size_t i, k;

	/* No two share a position: the order is total. */
	qsort(r->statuses, r->nstatuses, sizeof(*r->statuses), cmp_status);
	for (i = 0; i < r->nstatuses; i++) {
		struct status *s = &r->statuses[i];

		check_shared(c, i);
		for (k = 0; k < r->nclasses; k++)
			if (s->code >= r->classes[k].first &&
			    s->code <= r->classes[k].last)
				break;
		if (k == r->nclasses)
			diag_error(c->d, &s->pos, "code %lld is outside every "
			    "class range", s->code);
		s->class_index = k;
	}
}

static void
check_sets(struct check *c)
{
	struct registry *r = c->r;
	const char **ids = arena_array(&c->tmp, r->nsets + 1, sizeof(*ids));
	size_t i, k;

	for (k = 0; k < r->nsets; k++)
		ids[k] = r->sets[k].id;
	for (i = 0; i < r->nstatuses; i++) {
		struct status *s = &r->statuses[i];

		s->set_index = r->nsets;
		if (s->set != NULL)
			s->set_index = suggest_lookup(c->d, &s->set_pos,
			    "set", s->set, ids, r->nsets);
		else if (s->kind == STATUS_UNOFFICIAL)
			diag_error(c->d, &s->pos, "unofficial code %lld needs "
			    "a 'set'", s->code);
	}
}

/* A status's flags name declared flags, each once; the ids become theirs. */
static void
check_flags(struct check *c)
{
	const struct registry *r = c->r;
	const char **ids = arena_array(&c->tmp, r->nflags + 1, sizeof(*ids));
	size_t i, j, k;

	for (k = 0; k < r->nflags; k++)
		ids[k] = r->flags[k].id;
	for (i = 0; i < r->nstatuses; i++) {
		struct status *s = &r->statuses[i];

		for (j = 0; j < s->nflags; j++) {
			k = suggest_lookup(c->d, &s->flag_pos[j], "flag",
			    s->flags[j], ids, r->nflags);
			if (k == r->nflags)
				continue;
			s->flags[j] = ids[k];
			for (k = 0; k < j; k++)
				if (s->flags[k] == s->flags[j]) {
					diag_error(c->d, &s->flag_pos[j],
					    "flag '%s' given twice",
					    s->flags[j]);
					diag_note(c->d, &s->flag_pos[k],
					    "first given here");
					break;
				}
		}
	}
}

/* Ids unique and class ranges apart: the lists are short, so pair by pair. */
static void
check_groups(struct check *c, const char *what, const struct group *v,
    size_t n, bool ranges)
{
	const struct group *a, *b;
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < i; j++) {
			a = &v[j];
			b = &v[i];
			if (strcmp(a->id, b->id) == 0) {
				diag_error(c->d, &b->pos, "duplicate %s id "
				    "'%s'", what, b->id);
				diag_note(c->d, &a->pos, "first defined here");
			}
			if (!ranges || b->first > a->last || a->first > b->last)
				continue;
			diag_error(c->d, &b->pos, "class '%s' overlaps class "
			    "'%s'", b->id, a->id);
			diag_note(c->d, &a->pos, "'%s' defined here", a->id);
		}
}

static void
check_classes(struct check *c)
{
	const struct registry *r = c->r;
	size_t i, j;

	check_groups(c, "set", r->sets, r->nsets, false);
	check_groups(c, "flag", r->flags, r->nflags, false);
	/* Both become predicates (is_<id>) in the code outputs. */
	for (i = 0; i < r->nflags; i++)
		for (j = 0; j < r->nclasses; j++)
			if (strcmp(r->flags[i].id, r->classes[j].id) == 0) {
				diag_error(c->d, &r->flags[i].pos, "flag '%s' "
				    "has the id of a class", r->flags[i].id);
				diag_note(c->d, &r->classes[j].pos,
				    "class defined here");
			}
	check_groups(c, "class", r->classes, r->nclasses, true);
}

int
model_check(struct arena *a, struct registry *r, struct diag *d)
{
	struct check c = CHECK_INIT(a, d, r->path);
	size_t before = d->errors;

	c.r = r;
	check_classes(&c);
	check_codes(&c);
	model_check_idents(&c);
	check_sets(&c);
	check_flags(&c);
	buf_release(&c.scratch);
	arena_release(&c.tmp);
	return d->errors != before ? -1 : 0;
}
