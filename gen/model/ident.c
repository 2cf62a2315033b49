/*
 * The identifier checks (see model_int.h).  Each id and alias is spelt
 * in every case that templates print names in, and the spellings are
 * sorted: names that read alike end up next to each other.
 */
#include "model_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/case.h"
#include "base/xmalloc.h"
#include "keyword.h"

#define NONE	SIZE_MAX

/*
 * The cases in which templates spell ids and aliases.  Two ids spelt
 * alike in one of them ('a_1' and 'a1' are both 'A1' in pascal case)
 * would become one name in some output.
 */
enum { ID_SNAKE, ID_UPPER_SNAKE, ID_CAMEL, ID_PASCAL, NIDENT_CASES };

static const enum case_id ident_cases[NIDENT_CASES] = {
	[ID_SNAKE] = CASE_SNAKE, [ID_UPPER_SNAKE] = CASE_UPPER_SNAKE,
	[ID_CAMEL] = CASE_CAMEL, [ID_PASCAL] = CASE_PASCAL
};

/*
 * A spelling, and the index of the id or name it spells.  key, its
 * first bytes as a number, decides most comparisons of the sort.
 */
struct spelt {
	uint64_t key;
	const char *s;
	size_t i;
};

/* Every id and alias, in the order of the statuses, and its spellings. */
struct idents {
	size_t n;
	const char **id;
	const struct srcpos **pos;
	const char **spelt[NIDENT_CASES];	/* in ident_cases[k], or NULL */
	/*
	 * For each id, the last id before it that reads the same in case
	 * k (dup: as written), or NONE; NULL where no two ids do.
	 */
	size_t *prev[NIDENT_CASES];
	size_t *dup;
	struct spelt *sorted;	/* room to sort n spellings */
	const char **keywords;	/* every language's, sorted */
	size_t nkeywords;
};

struct names;

static struct idents *list_idents(struct check *c);
static const char *spell(struct check *c, const char *s, enum case_id k);
static const char **spell_all(struct check *c, const struct idents *ids,
    size_t k);
static struct spelt make_spelt(const char *s, size_t i);
static int cmp_spelt(const void *pa, const void *pb);
static int cmp_str(const void *pa, const void *pb);
static bool is_keyword(const struct idents *ids, const char *s);
static size_t find_repeats(struct spelt *v, size_t n, size_t *prev);
static size_t *repeats(struct check *c, struct idents *ids,
    const char **s);
static void report_duplicates(struct check *c, const struct idents *ids);
static void report_keywords(struct check *c, const struct idents *ids,
    size_t k);
static bool met_before(const struct idents *ids, size_t a, size_t b,
    size_t k);
static void report_meetings(struct check *c, const struct idents *ids,
    size_t k);
static void check_name_words(struct check *c, const char *lang,
    const struct value *v);
static int lang_case(const char *lang);
static const char *spelt_in(struct check *c, size_t i, enum case_id k);
static void list_given(struct check *c, struct names *nm);
static void add_name(struct names *nm, const char *s,
    const struct srcpos *pos, bool given);
static const struct srcpos *kept_pos(struct check *c,
    const struct value *v);
static void list_names(struct check *c, struct names *nm, int lc);
static void check_lang_names(struct check *c, const char *lang);
static bool was_seen(const struct buf *seen, const char *key);
static void check_status_names(struct check *c, const struct value *names,
    struct buf *seen);

/* Every id and alias, in tmp. */
static struct idents *
list_idents(struct check *c)
{
	const struct registry *r = c->r;
	struct idents *ids = arena_alloc(&c->tmp, sizeof(*ids));
	size_t i, j, n = 0;

	for (i = 0; i < r->nstatuses; i++)
		n += (r->statuses[i].id != NULL) + r->statuses[i].naliases;
	ids->id = arena_array(&c->tmp, n + 1, sizeof(*ids->id));
	ids->pos = arena_array(&c->tmp, n + 1, sizeof(*ids->pos));
	ids->sorted = arena_array(&c->tmp, n + 1, sizeof(*ids->sorted));
	for (i = 0; i < r->nstatuses; i++) {
		const struct status *s = &r->statuses[i];

		if (s->id != NULL) {
			ids->id[ids->n] = s->id;
			ids->pos[ids->n++] = &s->id_pos;
		}
		for (j = 0; j < s->naliases; j++) {
			ids->id[ids->n] = s->aliases[j];
			ids->pos[ids->n++] = &s->alias_pos[j];
		}
	}
	ids->keywords = keyword_sorted(&c->tmp, &ids->nkeywords);
	return ids;
}

/* s in case k, in c->scratch: valid until the next call. */
static const char *
spell(struct check *c, const char *s, enum case_id k)
{
	buf_reset(&c->scratch);
	case_apply(&c->scratch, k, s, strlen(s));
	return c->scratch.ptr;
}

/*
 * Every id in ident_cases[k], in tmp.  Ids that are their own spelling
 * share the id's memory.
 */
static const char **
spell_all(struct check *c, const struct idents *ids, size_t k)
{
	const char **v = arena_array(&c->tmp, ids->n + 1, sizeof(*v));
	const char *s;
	size_t i;

	for (i = 0; i < ids->n; i++) {
		s = spell(c, ids->id[i], ident_cases[k]);
		v[i] = strcmp(s, ids->id[i]) == 0 ? ids->id[i] :
		    arena_strndup(&c->tmp, s, c->scratch.len);
	}
	return v;
}

/* Its first 8 bytes make s's key: keys compare as strcmp would. */
static struct spelt
make_spelt(const char *s, size_t i)
{
	struct spelt v = { 0, s, i };
	size_t j;

	for (j = 0; j < 8 && s[j] != '\0'; j++)
		v.key |= (uint64_t)(unsigned char)s[j] << (56 - 8 * j);
	return v;
}

/* By spelling, then by index: the earlier of two alike comes first. */
static int
cmp_spelt(const void *pa, const void *pb)
{
	const struct spelt *a = pa, *b = pb;
	int r;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if ((r = strcmp(a->s, b->s)) != 0)
		return r;
	return (a->i > b->i) - (a->i < b->i);
}

static int
cmp_str(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* Whether some language reserves s. */
static bool
is_keyword(const struct idents *ids, const char *s)
{
	return bsearch(&s, ids->keywords, ids->nkeywords,
	    sizeof(*ids->keywords), cmp_str) != NULL;
}

/*
 * Sorts v, spellings of items 0 to n-1, and sets prev[i] to the last
 * item before i that reads as i does, or NONE.  Sorted, that item is
 * just before i.  Returns how many items have one.
 */
static size_t
find_repeats(struct spelt *v, size_t n, size_t *prev)
{
	size_t j, found = 0;

	qsort(v, n, sizeof(*v), cmp_spelt);
	for (j = 0; j < n; j++) {
		prev[v[j].i] = NONE;
		if (j > 0 && strcmp(v[j].s, v[j - 1].s) == 0) {
			prev[v[j].i] = v[j - 1].i;
			found++;
		}
	}
	return found;
}

/* find_repeats over s, the ids' spellings; NULL when none repeats. */
static size_t *
repeats(struct check *c, struct idents *ids, const char **s)
{
	size_t *prev = arena_array(&c->tmp, ids->n + 1, sizeof(*prev));
	size_t i;

	for (i = 0; i < ids->n; i++)
		ids->sorted[i] = make_spelt(s[i], i);
	return find_repeats(ids->sorted, ids->n, prev) > 0 ? prev : NULL;
}

static void
report_duplicates(struct check *c, const struct idents *ids)
{
	size_t i;

	for (i = 0; ids->dup != NULL && i < ids->n; i++) {
		if (ids->dup[i] == NONE)
			continue;
		diag_error(c->d, ids->pos[i], "duplicate identifier '%s'",
		    ids->id[i]);
		diag_note(c->d, ids->pos[ids->dup[i]], "first defined here");
	}
}

/*
 * Keywords are checked in the cases that languages print bare, Python's
 * NOT_FOUND and a Rust or TypeScript NotFound.  The lower-case forms are
 * always prefixed where printed; checking them would refuse 'continue'.
 */
static void
report_keywords(struct check *c, const struct idents *ids, size_t k)
{
	const char *s;
	size_t i;

	if (k != ID_UPPER_SNAKE && k != ID_PASCAL)
		return;
	for (i = 0; i < ids->n; i++) {
		s = ids->spelt[k][i];
		if (is_keyword(ids, s))
			diag_error(c->d, ids->pos[i], "identifier '%s' reads "
			    "'%s' in %s case, a keyword of %s", ids->id[i], s,
			    case_name(ident_cases[k]), keyword_any(s));
	}
}

/* Whether ids a and b read alike in a case checked before case k. */
static bool
met_before(const struct idents *ids, size_t a, size_t b, size_t k)
{
	size_t j;

	for (j = 0; j < k; j++)
		if (strcmp(ids->spelt[j][a], ids->spelt[j][b]) == 0)
			return true;
	return false;
}

/*
 * Ids that read alike in case k.  Exact duplicates were reported as
 * such, and a pair that reads alike in several cases is reported at
 * the first.
 */
static void
report_meetings(struct check *c, const struct idents *ids, size_t k)
{
	const size_t *prev = ids->prev[k];
	size_t i, a;

	for (i = 0; prev != NULL && i < ids->n; i++) {
		a = prev[i];
		if (a == NONE || strcmp(ids->id[i], ids->id[a]) == 0 ||
		    met_before(ids, i, a, k))
			continue;
		diag_error(c->d, ids->pos[i], "identifier '%s' reads '%s' in "
		    "%s case, the same as '%s'", ids->id[i],
		    ids->spelt[k][i], case_name(ident_cases[k]), ids->id[a]);
		diag_note(c->d, ids->pos[a], "'%s' defined here", ids->id[a]);
	}
}

/*
 * Reports exact duplicates first, then each case in turn: its
 * keywords, then the ids that read alike in it.
 *
 * Ids are [a-z][a-z0-9_]*: their words are what '_' separates, and
 * every case spells those words.  Two ids alike in snake case have the
 * same words, and so read alike in every case, upper snake included;
 * duplicates are alike in snake case.  Only camel and pascal are sorted
 * always; snake and the ids as written, only when both of those have
 * ids that read alike, as a registry without errors has not.
 */
void
model_check_idents(struct check *c)
{
	struct idents *ids = list_idents(c);
	size_t k;

	for (k = ID_UPPER_SNAKE; k < NIDENT_CASES; k++)
		ids->spelt[k] = spell_all(c, ids, k);
	ids->prev[ID_CAMEL] = repeats(c, ids, ids->spelt[ID_CAMEL]);
	ids->prev[ID_PASCAL] = repeats(c, ids, ids->spelt[ID_PASCAL]);
	/* Before any pair is reported: met_before reads them. */
	if (ids->prev[ID_CAMEL] != NULL || ids->prev[ID_PASCAL] != NULL)
		ids->spelt[ID_SNAKE] = spell_all(c, ids, ID_SNAKE);
	if (ids->prev[ID_CAMEL] != NULL && ids->prev[ID_PASCAL] != NULL)
		ids->prev[ID_SNAKE] = repeats(c, ids, ids->spelt[ID_SNAKE]);
	if (ids->prev[ID_SNAKE] != NULL)
		ids->dup = repeats(c, ids, ids->id);
	report_duplicates(c, ids);
	for (k = 0; k < NIDENT_CASES; k++) {
		report_keywords(c, ids, k);
		report_meetings(c, ids, k);
	}
	c->ids = ids;
}

/* The case of each built-in language (templates/LANG/lang.yaml). */
static const struct {
	const char *lang;
	enum case_id ident_case;
} lang_cases[] = {
	{ "c", CASE_UPPER_SNAKE },
	{ "python", CASE_UPPER_SNAKE },
	{ "go", CASE_PASCAL },
	{ "typescript", CASE_UPPER_SNAKE },
	{ "rust", CASE_UPPER_CAMEL }
};

/*
 * A name in one language: given by `names:`, or derived, an id spelt in
 * the language's case.
 */
struct name {
	const char *s;
	const struct srcpos *pos;
	bool given;
};

/* One language's names, in the order of the statuses. */
struct names {
	const char *lang;
	const char **given;	/* every name `names:` gives, sorted */
	size_t ngiven;
	struct name *v;
	size_t n, cap;
};

static void
check_name_words(struct check *c, const char *lang, const struct value *v)
{
	const char *kw = keyword_in(lang, v->str);
	const char *why;

	if (kw != NULL)
		diag_error(c->d, POS(c, v), "%s name '%s' is a keyword of %s",
		    lang, v->str, kw);
	else if (strcmp(lang, "c") == 0 &&
	    (why = keyword_c_reserved(v->str)) != NULL)
		diag_error(c->d, POS(c, v), "c name '%s' is reserved in C: %s",
		    v->str, why);
}

/* The case a built-in language spells ids in, or -1. */
static int
lang_case(const char *lang)
{
	size_t i;

	for (i = 0; i < NKEYS(lang_cases); i++)
		if (strcmp(lang_cases[i].lang, lang) == 0)
			return (int)lang_cases[i].ident_case;
	return -1;
}

/* Id i in case k, kept by model_check_idents or in c->scratch. */
static const char *
spelt_in(struct check *c, size_t i, enum case_id k)
{
	size_t j;

	for (j = 0; j < NIDENT_CASES; j++)
		if (ident_cases[j] == k && c->ids->spelt[j] != NULL)
			return c->ids->spelt[j][i];
	return spell(c, c->ids->id[i], k);
}

/* Every name that `names:` gives in the language, sorted. */
static void
list_given(struct check *c, struct names *nm)
{
	const struct registry *r = c->r;
	const struct value *l;
	size_t i, j, n = 0;

	for (i = 0; i < r->nstatuses; i++)
		if ((l = value_find(r->statuses[i].names, nm->lang)) != NULL)
			n += l->len;
	nm->given = arena_array(&c->tmp, n + 1, sizeof(*nm->given));
	for (i = 0; i < r->nstatuses; i++) {
		l = value_find(r->statuses[i].names, nm->lang);
		for (j = 0; l != NULL && j < l->len; j++)
			nm->given[nm->ngiven++] = l->items[j]->str;
	}
	qsort(nm->given, nm->ngiven, sizeof(*nm->given), cmp_str);
}

static void
add_name(struct names *nm, const char *s, const struct srcpos *pos,
    bool given)
{
	nm->v = xgrow(nm->v, &nm->cap, nm->n, sizeof(*nm->v));
	nm->v[nm->n++] = (struct name){ s, pos, given };
}

/* Where v was written, in memory that lasts as long as the checks. */
static const struct srcpos *
kept_pos(struct check *c, const struct value *v)
{
	struct srcpos *pos = arena_alloc(&c->tmp, sizeof(*pos));

	*pos = value_pos(c->path, v);
	return pos;
}

/*
 * The names of each status in the language: those `names:` gives, else
 * its ids in the language's case (lc, or none when -1).  Only a name
 * given can be reported here, so of the derived names only those that
 * read as one are kept.
 */
static void
list_names(struct check *c, struct names *nm, int lc)
{
	const struct status *st;
	const struct value *l;
	const char *s;
	size_t i, j, at = 0, nid;

	for (i = 0; i < c->r->nstatuses; i++, at += nid) {
		st = &c->r->statuses[i];
		nid = (st->id != NULL) + st->naliases;
		l = value_find(st->names, nm->lang);
		for (j = 0; l != NULL && j < l->len; j++)
			add_name(nm, l->items[j]->str,
			    kept_pos(c, l->items[j]), true);
		for (j = at; l == NULL && lc >= 0 && j < at + nid; j++) {
			s = spelt_in(c, j, (enum case_id)lc);
			if (bsearch(&s, nm->given, nm->ngiven,
			    sizeof(*nm->given), cmp_str) != NULL)
				add_name(nm, arena_strdup(&c->tmp, s),
				    c->ids->pos[j], false);
		}
	}
}

/*
 * `names:` replaces a status's names in one language (a built-in one
 * spells the others' ids and aliases in its case); a name given there
 * must not meet the name before it that reads the same.
 */
static void
check_lang_names(struct check *c, const char *lang)
{
	struct names nm = { lang, NULL, 0, NULL, 0, 0 };
	struct spelt *v;
	size_t *prev, i, p;

	list_given(c, &nm);
	list_names(c, &nm, lang_case(lang));
	v = arena_array(&c->tmp, nm.n + 1, sizeof(*v));
	prev = arena_array(&c->tmp, nm.n + 1, sizeof(*prev));
	for (i = 0; i < nm.n; i++)
		v[i] = make_spelt(nm.v[i].s, i);
	find_repeats(v, nm.n, prev);
	for (i = 0; i < nm.n; i++) {
		p = prev[i];
		if (p == NONE || (!nm.v[i].given && !nm.v[p].given))
			continue;
		diag_error(c->d, nm.v[i].pos, "duplicate %s name '%s'", lang,
		    nm.v[i].s);
		diag_note(c->d, nm.v[p].pos, "first defined here");
	}
	free(nm.v);
}

/* Whether seen, a run of NUL-terminated keys, holds key. */
static bool
was_seen(const struct buf *seen, const char *key)
{
	const char *p;

	for (p = seen->ptr; p < seen->ptr + seen->len; p += strlen(p) + 1)
		if (strcmp(p, key) == 0)
			return true;
	return false;
}

/*
 * Each entry of a status's `names:` against the keywords of its
 * language; each language not seen yet, when first met.
 */
static void
check_status_names(struct check *c, const struct value *names,
    struct buf *seen)
{
	const struct value *list;
	const char *lang;
	size_t j, m;

	for (j = 0; j < names->len; j++) {
		lang = names->u.keys[j].s;
		list = names->items[j];
		for (m = 0; m < list->len; m++)
			check_name_words(c, lang, list->items[m]);
		if (was_seen(seen, lang))
			continue;
		buf_add(seen, lang, strlen(lang) + 1);
		check_lang_names(c, lang);
	}
}

void
model_check_names(struct check *c)
{
	struct buf seen = BUF_INIT;	/* "lang\0" for each one checked */
	size_t i;

	for (i = 0; i < c->r->nstatuses; i++)
		if (c->r->statuses[i].names != NULL)
			check_status_names(c, c->r->statuses[i].names, &seen);
	buf_release(&seen);
}

/*
 * The registry name becomes file and package names and, in pascal case,
 * a class name; the C prefix starts every C name.
 */
void
model_check_registry_words(struct check *c, const struct value *v)
{
	const struct registry *r = c->r;
	const char *kw, *why, *p;

	if (r->name != NULL && (kw = keyword_any(r->name)) != NULL)
		diag_error(c->d, POS(c, value_find(v, "name")), "registry name "
		    "'%s' is a keyword of %s", r->name, kw);
	else if (r->name != NULL &&
	    (kw = keyword_any(p = spell(c, r->name, CASE_PASCAL))) != NULL)
		diag_error(c->d, POS(c, value_find(v, "name")), "registry name "
		    "'%s' reads '%s' in pascal case, a keyword of %s",
		    r->name, p, kw);
	if (value_find(v, "c_prefix") == NULL || r->c_prefix == NULL)
		return;
	if ((kw = keyword_in("c", r->c_prefix)) != NULL)
		diag_error(c->d, POS(c, value_find(v, "c_prefix")), "c_prefix "
		    "'%s' is a keyword of %s", r->c_prefix, kw);
	else if ((why = keyword_c_reserved(r->c_prefix)) != NULL)
		diag_error(c->d, POS(c, value_find(v, "c_prefix")), "c_prefix "
		    "'%s' is reserved in C: %s", r->c_prefix, why);
}
