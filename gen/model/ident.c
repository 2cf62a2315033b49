/*
 * Every spelling of an id folds alike, lowered and without underscores
 * ('NotFound', 'NOT_FOUND': 'notfound'), so only ids whose fold another
 * id, a keyword or a name shares need spelling in each case.
 */
#include "model_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/case.h"
#include "keyword.h"

#define NONE	SIZE_MAX

/* The cases ids are printed in, in the order their checks report. */
static const enum case_id cases[] = {
	CASE_LOWER, CASE_SNAKE, CASE_UPPER_SNAKE, CASE_CAMEL, CASE_PASCAL
};

struct ident {
	const char *id, *fold;
	const struct srcpos *pos;
	bool kw;		/* some keyword folds as it does */
};

struct idents {
	struct ident *v;
	size_t n;
};

/* A text, and the index of the id or name it belongs to. */
struct spelt {
	const char *s;
	size_t i;
};

/* A name in one language: given by `names:`, or an id in its case. */
struct name {
	const char *s;
	struct srcpos pos;
	bool given;
};

static const char *
fold(struct check *c, const char *s)
{
	size_t i, o = 0, n = strlen(s);
	char *f = arena_alloc(&c->tmp, n + 1);

	for (i = 0; i < n; i++)
		if (s[i] != '_')
			f[o++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ?
			    s[i] - 'A' + 'a' : s[i]);
	f[o] = '\0';
	return f;
}

/* s in case k, in b until it changes. */
static const char *
spell(struct buf *b, const char *s, enum case_id k)
{
	buf_reset(b);
	case_apply(b, k, s, strlen(s));
	return b->ptr;
}

static int
cmp_str(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* Whether v, n sorted texts, holds s. */
static bool
is_in(const char *const *v, size_t n, const char *s)
{
	return bsearch(&s, v, n, sizeof(*v), cmp_str) != NULL;
}

static int
cmp_spelt(const void *pa, const void *pb)
{
	const struct spelt *a = pa, *b = pb;
	int r;

	if ((r = strcmp(a->s, b->s)) != 0)
		return r;
	return (a->i > b->i) - (a->i < b->i);
}

/* Sorts v and sets prev[i], for each item, to the last before it alike. */
static void
find_repeats(struct spelt *v, size_t n, size_t *prev)
{
	size_t j;

	qsort(v, n, sizeof(*v), cmp_spelt);
	for (j = 0; j < n; j++)
		prev[v[j].i] = j > 0 && strcmp(v[j].s, v[j - 1].s) == 0 ?
		    v[j - 1].i : NONE;
}

static struct idents *
list_idents(struct check *c)
{
	const struct registry *r = c->r;
	const struct status *s;
	struct idents *ids = arena_alloc(&c->tmp, sizeof(*ids));
	struct ident *d;
	const char **kw;
	size_t i, j, n = 0, nkw;

	kw = keyword_all(&c->tmp, &nkw);
	for (i = 0; i < nkw; i++)
		kw[i] = fold(c, kw[i]);
	qsort(kw, nkw, sizeof(*kw), cmp_str);
	for (i = 0; i < r->nstatuses; i++)
		n += (r->statuses[i].id != NULL) + r->statuses[i].naliases;
	ids->v = arena_array(&c->tmp, n + 1, sizeof(*ids->v));
	for (i = 0; i < r->nstatuses; i++) {
		s = &r->statuses[i];
		for (j = s->id == NULL; j <= s->naliases; j++) {
			d = &ids->v[ids->n++];
			d->id = j == 0 ? s->id : s->aliases[j - 1];
			d->pos = j == 0 ? &s->id_pos : &s->alias_pos[j - 1];
			d->fold = fold(c, d->id);
			d->kw = is_in(kw, nkw, d->fold);
		}
	}
	return ids;
}

/* Into v, the ids whose fold another id shares; returns how many. */
static size_t
share_folds(const struct idents *ids, struct spelt *v)
{
	size_t i, j, k, m = 0;

	for (i = 0; i < ids->n; i++)
		v[i] = (struct spelt){ ids->v[i].fold, i };
	qsort(v, ids->n, sizeof(*v), cmp_spelt);
	for (i = 0; i < ids->n; i = j) {
		for (j = i + 1; j < ids->n && strcmp(v[j].s, v[i].s) == 0; j++)
			continue;
		for (k = i; j - i > 1 && k < j; k++)
			v[m++] = v[k];
	}
	return m;
}

/* Only NOT_FOUND and NotFound are printed bare, without a prefix. */
static void
report_keywords(struct check *c, const struct idents *ids, size_t k)
{
	const char *s, *lang;
	size_t i;

	if (cases[k] != CASE_UPPER_SNAKE && cases[k] != CASE_PASCAL)
		return;
	for (i = 0; i < ids->n; i++) {
		if (!ids->v[i].kw)
			continue;
		s = spell(&c->scratch, ids->v[i].id, cases[k]);
		if ((lang = keyword_in(NULL, s)) != NULL)
			diag_error(c->d, ids->v[i].pos, "identifier '%s' reads "
			    "'%s' in %s case, a keyword of %s", ids->v[i].id, s,
			    case_name(cases[k]), lang);
	}
}

/* Whether ids a and b read alike in a case checked before case k. */
static bool
met_before(struct check *c, const struct idents *ids, size_t a, size_t b,
    size_t k)
{
	struct buf other = BUF_INIT;
	bool met = false;
	size_t j;

	for (j = 0; j < k && !met; j++)
		met = strcmp(spell(&c->scratch, ids->v[a].id, cases[j]),
		    spell(&other, ids->v[b].id, cases[j])) == 0;
	buf_release(&other);
	return met;
}

/* Each pair of ids alike in case k (prev) is reported at its first. */
static void
report_alike(struct check *c, const struct idents *ids, const size_t *prev,
    size_t k)
{
	size_t i, a;

	for (i = 0; i < ids->n; i++) {
		if ((a = prev[i]) == NONE)
			continue;
		if (k == 0) {
			diag_error(c->d, ids->v[i].pos, "duplicate identifier "
			    "'%s'", ids->v[i].id);
			diag_note(c->d, ids->v[a].pos, "first defined here");
		} else if (strcmp(ids->v[i].id, ids->v[a].id) != 0 &&
		    !met_before(c, ids, i, a, k)) {
			diag_error(c->d, ids->v[i].pos, "identifier '%s' reads "
			    "'%s' in %s case, the same as '%s'", ids->v[i].id,
			    spell(&c->scratch, ids->v[i].id, cases[k]),
			    case_name(cases[k]), ids->v[a].id);
			diag_note(c->d, ids->v[a].pos, "'%s' defined here",
			    ids->v[a].id);
		}
	}
}

bool
model_check_word(struct check *c, const struct srcpos *pos, const char *word,
    const char *lang, const char *what)
{
	const char *kw = keyword_in(lang, word), *why = NULL;

	if (kw != NULL)
		diag_error(c->d, pos, "%s '%s' is a keyword of %s", what, word,
		    kw);
	else if (lang != NULL && strcmp(lang, "c") == 0 &&
	    (why = keyword_c_reserved(word)) != NULL)
		diag_error(c->d, pos, "%s '%s' is reserved in C: %s", what,
		    word, why);
	return kw != NULL || why != NULL;
}

/* The case a built-in language spells ids in (its lang.yaml), or -1. */
static int
lang_case(const char *lang)
{
	if (strcmp(lang, "go") == 0)
		return CASE_PASCAL;
	if (strcmp(lang, "rust") == 0)
		return CASE_UPPER_CAMEL;
	if (strcmp(lang, "c") == 0 || strcmp(lang, "python") == 0 ||
	    strcmp(lang, "typescript") == 0)
		return CASE_UPPER_SNAKE;
	return -1;
}

/* The folds of the names `names:` gives in lang, sorted; *n of them. */
static const char **
list_folds(struct check *c, const char *lang, size_t *n)
{
	const struct registry *r = c->r;
	const struct value *l;
	const char **folds;
	size_t i, j, m = 0;

	for (i = 0; i < r->nstatuses; i++)
		if ((l = value_find(r->statuses[i].names, lang)) != NULL)
			m += l->len;
	folds = arena_array(&c->tmp, m + 1, sizeof(*folds));
	for (i = 0, m = 0; i < r->nstatuses; i++) {
		l = value_find(r->statuses[i].names, lang);
		for (j = 0; l != NULL && j < l->len; j++)
			folds[m++] = fold(c, l->items[j]->str);
	}
	qsort(folds, m, sizeof(*folds), cmp_str);
	*n = m;
	return folds;
}

/*
 * A status's names in lang: its `names:`, else its ids in a built-in
 * language's case, kept when they fold as a given name (or no report).
 */
static void
check_lang_names(struct check *c, const struct idents *ids, const char *lang)
{
	int lc = lang_case(lang);
	const struct status *st;
	const struct value *l;
	const char **folds;
	struct name *nm;
	struct spelt *v;
	size_t *prev, i, j, p, n = 0, nfolds, at = 0, nid;

	folds = list_folds(c, lang, &nfolds);
	nm = arena_array(&c->tmp, nfolds + ids->n + 1, sizeof(*nm));
	for (i = 0; i < c->r->nstatuses; i++, at += nid) {
		st = &c->r->statuses[i];
		nid = (st->id != NULL) + st->naliases;
		l = value_find(st->names, lang);
		for (j = 0; l != NULL && j < l->len; j++)
			nm[n++] = (struct name){ l->items[j]->str,
			    value_pos(c->path, l->items[j]), true };
		for (j = at; l == NULL && lc >= 0 && j < at + nid; j++)
			if (is_in(folds, nfolds, ids->v[j].fold))
				nm[n++] = (struct name){ arena_strdup(&c->tmp,
				    spell(&c->scratch, ids->v[j].id,
				    (enum case_id)lc)), *ids->v[j].pos, false };
	}
	v = arena_array(&c->tmp, n + 1, sizeof(*v));
	prev = arena_array(&c->tmp, n + 1, sizeof(*prev));
	for (i = 0; i < n; i++)
		v[i] = (struct spelt){ nm[i].s, i };
	find_repeats(v, n, prev);
	for (i = 0; i < n; i++) {
		p = prev[i];
		if (p == NONE || (!nm[i].given && !nm[p].given))
			continue;
		diag_error(c->d, &nm[i].pos, "duplicate %s name '%s'", lang,
		    nm[i].s);
		diag_note(c->d, &nm[p].pos, "first defined here");
	}
}

static bool
was_seen(const struct buf *seen, const char *key)
{
	const char *p;

	for (p = seen->ptr; p < seen->ptr + seen->len; p += strlen(p) + 1)
		if (strcmp(p, key) == 0)
			return true;
	return false;
}

/* Each `names:` entry, then each language when first met. */
static void
check_names(struct check *c, const struct idents *ids)
{
	struct buf seen = BUF_INIT;	/* "lang\0" for each one checked */
	const struct value *names, *list;
	const char *lang;
	size_t i, j, m;

	for (i = 0; i < c->r->nstatuses; i++) {
		names = c->r->statuses[i].names;
		for (j = 0; names != NULL && j < names->len; j++) {
			lang = names->u.keys[j].s;
			list = names->items[j];
			buf_reset(&c->scratch);
			buf_addf(&c->scratch, "%s name", lang);
			for (m = 0; m < list->len; m++)
				model_check_word(c, POS(c, list->items[m]),
				    list->items[m]->str, lang, c->scratch.ptr);
			if (was_seen(&seen, lang))
				continue;
			buf_add(&seen, lang, strlen(lang) + 1);
			check_lang_names(c, ids, lang);
		}
	}
	buf_release(&seen);
}

void
model_check_idents(struct check *c)
{
	struct idents *ids = list_idents(c);
	struct spelt *v = arena_array(&c->tmp, ids->n + 1, sizeof(*v));
	size_t *prev = arena_array(&c->tmp, ids->n + 1, sizeof(*prev));
	size_t i, k, m = share_folds(ids, v);

	for (i = 0; i < ids->n; i++)
		prev[i] = NONE;
	for (k = 0; k < NKEYS(cases); k++) {
		for (i = 0; i < m; i++)
			v[i].s = arena_strdup(&c->tmp, spell(&c->scratch,
			    ids->v[v[i].i].id, cases[k]));
		find_repeats(v, m, prev);
		report_keywords(c, ids, k);
		report_alike(c, ids, prev, k);
	}
	check_names(c, ids);
}
