/*
 * The identifier checks of the model (see model_check.h): ids and
 * aliases as each target language spells them, `names:`, and the
 * registry's own names.
 */
#include "model_check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "keyword.h"
#include "pool.h"
#include "xmalloc.h"

/* An id or alias, or one of its spellings in a target language. */
struct ident {
	const char *name;		/* as a language spells it */
	const char *id;			/* as the data writes it */
	const struct srcpos *pos;
	bool named;			/* from `names:`, not derived */
};

/*
 * The cases in which templates spell ids and aliases.  Two ids spelled
 * alike in one of them ('a_1' and 'a1' are both 'A1' in pascal case)
 * would become one name in some output.
 */
static const enum filter_id ident_cases[] = {
	FILTER_SNAKE, FILTER_UPPER_SNAKE, FILTER_CAMEL, FILTER_PASCAL
};

/*
 * Keywords are checked in the cases that languages print bare, Python's
 * NOT_FOUND and a Rust or TypeScript NotFound.  The lower-case forms are
 * always prefixed where printed; checking them would refuse 'continue'.
 */
static const enum filter_id keyword_cases[] = {
	FILTER_UPPER_SNAKE, FILTER_PASCAL
};

/* The case of each built-in language (templates/LANG/lang.yaml). */
static const struct {
	const char *lang;
	enum filter_id ident_case;
} lang_cases[] = {
	{ "c", FILTER_UPPER_SNAKE },
	{ "python", FILTER_UPPER_SNAKE },
	{ "go", FILTER_PASCAL },
	{ "typescript", FILTER_UPPER_SNAKE },
	{ "rust", FILTER_UPPER_CAMEL }
};

#define NCASES(t) (sizeof(t) / sizeof((t)[0]))

static const char *
spell_in(struct check *c, struct arena *a, const char *id, enum filter_id f)
{
	buf_reset(&c->scratch);
	filter_apply(&c->scratch, f, ESCAPE_NONE, id, strlen(id));
	return arena_strndup(a, c->scratch.ptr, c->scratch.len);
}

static const char *
spell(struct check *c, const char *id, enum filter_id f)
{
	return spell_in(c, &c->tmp, id, f);
}

/* Every id and alias as written, in file order. */
static struct ident *
collect_ids(struct check *c, size_t *n)
{
	const struct registry *r = c->r;
	struct ident *ids;
	size_t i, j, cap = 0;

	for (i = 0; i < r->nstatuses; i++)
		cap += 1 + r->statuses[i].naliases;
	ids = arena_array(&c->tmp, cap, sizeof(*ids));
	*n = 0;
	for (i = 0; i < r->nstatuses; i++) {
		const struct status *s = &r->statuses[i];

		if (s->id != NULL) {
			ids[*n].id = ids[*n].name = s->id;
			ids[*n].pos = &s->id_pos;
			(*n)++;
		}
		for (j = 0; j < s->naliases; j++) {
			ids[*n].id = ids[*n].name = s->aliases[j];
			ids[*n].pos = &s->alias_pos[j];
			(*n)++;
		}
	}
	return ids;
}

static bool
is_keyword_case(enum filter_id f)
{
	size_t k;

	for (k = 0; k < NCASES(keyword_cases); k++)
		if (keyword_cases[k] == f)
			return true;
	return false;
}

static void
check_keyword(struct check *c, const struct ident *id, enum filter_id f)
{
	const char *lang = keyword_any(id->name);

	if (lang != NULL)
		diag_error(c->d, id->pos, "identifier '%s' reads '%s' in %s "
		    "case, a keyword of %s", id->id, id->name, filter_name(f),
		    lang);
}

/* Whether a and b already read alike in a case checked before case k. */
static bool
met_before(struct check *c, const char *a, const char *b, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (strcmp(spell(c, a, ident_cases[i]),
		    spell(c, b, ident_cases[i])) == 0)
			return true;
	return false;
}

/*
 * For each of t[0..n) in order, the one before it with the same name:
 * prev[i] is its index, or SIZE_MAX.  A hash table rather than a sort:
 * sorting 100k names in each of five cases was a quarter of the load
 * of a big registry, mostly strcmp waiting on memory.  For the same
 * reason a slot keeps its name's hash, so that names are compared only
 * when their hashes are equal.
 */
struct same_slot {
	uint32_t hash;
	uint32_t idx;		/* index + 1; 0 is empty */
};

static void
find_same(const struct ident *t, size_t n, size_t *prev)
{
	struct same_slot *slot;
	size_t cap = 16, mask, i, j;
	const unsigned char *p;
	uint32_t h;

	while (cap < 2 * n)
		cap *= 2;
	mask = cap - 1;
	slot = xcalloc(cap, sizeof(*slot));
	for (i = 0; i < n; i++) {
		h = 2166136261u;
		for (p = (const unsigned char *)t[i].name; *p != '\0'; p++)
			h = (h ^ *p) * 16777619u;
		prev[i] = SIZE_MAX;
		for (j = h & mask; slot[j].idx != 0; j = (j + 1) & mask)
			if (slot[j].hash == h &&
			    strcmp(t[slot[j].idx - 1].name, t[i].name) == 0) {
				prev[i] = slot[j].idx - 1;
				break;
			}
		slot[j].hash = h;
		slot[j].idx = (uint32_t)(i + 1);
	}
	free(slot);
}

static size_t *
same_names(struct check *c, const struct ident *t, size_t n)
{
	size_t *prev = arena_array(&c->tmp, n, sizeof(*prev));

	find_same(t, n, prev);
	return prev;
}

/* s in capitals, in place: a spelling of check_spellings' own. */
static void
raise_word(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 'a' + 'A');
}

/*
 * Every id and alias spelt in each case, and the names met before, made
 * on a few threads: at 100k statuses this was most of the checks.  A
 * case is spelt in SPELL_PARTS ranges of ids at once, each into memory
 * of its own; its duplicates are then found by one thread per case.
 */
#define SPELL_PARTS	4

struct spellings {
	const struct ident *ids;
	size_t n;
	size_t *dups;				/* ids as written */
	struct ident *t[NCASES(ident_cases)];	/* NULL: raised, not spelt */
	size_t *prev[NCASES(ident_cases)];
	struct arena words[NCASES(ident_cases)][SPELL_PARTS];
};

/*
 * Ids are lower case: in upper snake case they are their snake
 * spellings raised, which meet where those met (and were reported).
 * Only the keywords are new.
 */
static bool
is_raised(size_t k)
{
	return ident_cases[k] == FILTER_UPPER_SNAKE && k > 0 &&
	    ident_cases[k - 1] == FILTER_SNAKE;
}

static bool
spell_part(void *ctx, size_t i)
{
	struct spellings *sp = ctx;
	size_t k = i / SPELL_PARTS, part = i % SPELL_PARTS;
	size_t lo = sp->n * part / SPELL_PARTS;
	size_t hi = sp->n * (part + 1) / SPELL_PARTS;
	struct buf out = BUF_INIT;
	struct ident *t = sp->t[k];

	for (i = lo; t != NULL && i < hi; i++) {
		t[i] = sp->ids[i];
		buf_reset(&out);
		filter_apply(&out, ident_cases[k], ESCAPE_NONE, t[i].id,
		    strlen(t[i].id));
		t[i].name = arena_strndup(&sp->words[k][part], out.ptr,
		    out.len);
	}
	buf_release(&out);
	return true;
}

/* Task k < NCASES finds case k's repeats; the last, exact ones. */
static bool
find_part(void *ctx, size_t k)
{
	struct spellings *sp = ctx;

	if (k == NCASES(ident_cases))
		find_same(sp->ids, sp->n, sp->dups);
	else if (sp->t[k] != NULL)
		find_same(sp->t[k], sp->n, sp->prev[k]);
	return true;
}

/*
 * Duplicates are found by hashing (find_same), so checking stays
 * linear.  Exact duplicates are reported once as such, first; a pair
 * that reads alike in several cases, at the first case only.  Reports
 * come in the order of the cases, whatever the threads did first.
 */
static void
check_spellings(struct check *c, const struct ident *ids, size_t n)
{
	struct spellings sp;
	struct ident *t = NULL;
	const struct ident *a;
	size_t i, k, p;
	size_t threads = c->r->nstatuses < CHECK_THREADS_MIN ? 1 : c->threads;

	memset(&sp, 0, sizeof(sp));
	sp.ids = ids;
	sp.n = n;
	sp.dups = arena_array(&c->tmp, n, sizeof(*sp.dups));
	for (k = 0; k < NCASES(ident_cases); k++) {
		if (is_raised(k))
			continue;
		sp.t[k] = arena_array(&c->tmp, n, sizeof(*sp.t[k]));
		sp.prev[k] = arena_array(&c->tmp, n, sizeof(*sp.prev[k]));
	}
	pool_run(NCASES(ident_cases) * SPELL_PARTS, threads, spell_part, &sp);
	pool_run(NCASES(ident_cases) + 1, threads, find_part, &sp);
	for (i = 0; i < n; i++) {
		if (sp.dups[i] == SIZE_MAX)
			continue;
		diag_error(c->d, ids[i].pos, "duplicate identifier '%s'",
		    ids[i].name);
		diag_note(c->d, ids[sp.dups[i]].pos, "first defined here");
	}
	for (k = 0; k < NCASES(ident_cases); k++) {
		if (sp.t[k] != NULL)
			t = sp.t[k];
		for (i = 0; i < n; i++) {
			if (sp.t[k] == NULL)
				raise_word((char *)t[i].name);
			if (is_keyword_case(ident_cases[k]))
				check_keyword(c, &t[i], ident_cases[k]);
		}
		for (i = 0; sp.t[k] != NULL && i < n; i++) {
			if (sp.prev[k][i] == SIZE_MAX)
				continue;
			a = &t[sp.prev[k][i]];
			if (strcmp(t[i].id, a->id) == 0 ||
			    met_before(c, t[i].id, a->id, k))
				continue;
			diag_error(c->d, t[i].pos, "identifier '%s' reads '%s' "
			    "in %s case, the same as '%s'", t[i].id, t[i].name,
			    filter_name(ident_cases[k]), a->id);
			diag_note(c->d, a->pos, "'%s' defined here", a->id);
		}
	}
	/* Kept for model_check_names; snake case was raised in place. */
	c->spelt = arena_array(&c->tmp, NCASES(ident_cases),
	    sizeof(*c->spelt));
	for (k = 0; k < NCASES(ident_cases); k++) {
		c->spelt[k] = sp.t[k];
		if (is_raised(k)) {
			c->spelt[k] = c->spelt[k - 1];
			c->spelt[k - 1] = NULL;
		}
		for (p = 0; p < SPELL_PARTS; p++)
			arena_adopt(&c->tmp, &sp.words[k][p]);
	}
}

void
model_check_idents(struct check *c)
{
	size_t n;
	const struct ident *ids = collect_ids(c, &n);

	check_spellings(c, ids, n);
}

/* Each `names:` entry against the keywords of its own language. */
static void
check_name_words(struct check *c, const char *lang, const struct value *v)
{
	const char *kw = keyword_in(lang, v->str);
	const char *why;

	if (kw != NULL)
		diag_error(c->d, &v->pos, "%s name '%s' is a keyword of %s",
		    lang, v->str, kw);
	else if (strcmp(lang, "c") == 0 &&
	    (why = keyword_c_reserved(v->str)) != NULL)
		diag_error(c->d, &v->pos, "c name '%s' is reserved in C: %s",
		    v->str, why);
}

/* The case a built-in language spells ids in, or -1. */
static int
lang_case(const char *lang)
{
	size_t i;

	for (i = 0; i < NCASES(lang_cases); i++)
		if (strcmp(lang_cases[i].lang, lang) == 0)
			return (int)lang_cases[i].ident_case;
	return -1;
}

/*
 * The names of every status in lang: its `names:` for lang where given,
 * else its id and aliases in the language's case (built-in languages
 * only; the case of another language is not known here).
 */
static struct ident *
lang_idents(struct check *c, const char *lang, size_t *n)
{
	const struct registry *r = c->r;
	int lc = lang_case(lang);
	struct ident *ids, *own, *spelt = NULL;
	size_t i, j, nown, cap = 0;

	own = collect_ids(c, &nown);
	/* The spellings model_check_idents made, in the same order. */
	for (i = 0; c->spelt != NULL && i < NCASES(ident_cases); i++)
		if ((int)ident_cases[i] == lc)
			spelt = c->spelt[i];
	for (i = 0; i < r->nstatuses; i++) {
		const struct value *l = value_get(r->statuses[i].names, lang);

		cap += l != NULL ? l->u.list.n : 0;
	}
	ids = arena_array(&c->tmp, cap + nown, sizeof(*ids));
	*n = 0;
	for (i = 0, j = 0; i < r->nstatuses; i++) {
		const struct status *s = &r->statuses[i];
		const struct value *l = value_get(s->names, lang);
		size_t k, mine = (s->id != NULL) + s->naliases;

		for (k = 0; l != NULL && k < l->u.list.n; k++) {
			ids[*n].id = ids[*n].name = l->u.list.items[k]->str;
			ids[*n].pos = &l->u.list.items[k]->pos;
			ids[*n].named = true;
			(*n)++;
		}
		for (k = 0; l == NULL && lc >= 0 && k < mine; k++) {
			ids[*n] = own[j + k];
			ids[*n].name = spelt != NULL ? spelt[j + k].name :
			    spell(c, own[j + k].id, (enum filter_id)lc);
			(*n)++;
		}
		j += mine;
	}
	return ids;
}

/*
 * `names:` replaces a status's names in one language; they must not
 * meet another status's names there.  Two derived names that meet were
 * reported by check_spellings already.
 */
static void
check_lang_names(struct check *c, const char *lang)
{
	struct ident *t;
	size_t i, n, *prev;

	t = lang_idents(c, lang, &n);
	prev = same_names(c, t, n);
	for (i = 0; i < n; i++) {
		if (prev[i] == SIZE_MAX ||
		    (!t[i].named && !t[prev[i]].named))
			continue;
		diag_error(c->d, t[i].pos, "duplicate %s name '%s'", lang,
		    t[i].name);
		diag_note(c->d, t[prev[i]].pos, "first defined here");
	}
}

/* Whether seen, a run of NUL-terminated keys, holds key[0..len). */
static bool
was_seen(const struct buf *seen, const char *key, size_t len)
{
	const char *p;

	for (p = seen->ptr; p < seen->ptr + seen->len; p += strlen(p) + 1)
		if (strlen(p) == len && memcmp(p, key, len) == 0)
			return true;
	return false;
}

/* Each language that some `names:` mentions is checked once. */
void
model_check_names(struct check *c)
{
	const struct registry *r = c->r;
	struct buf seen = BUF_INIT;	/* "lang\0" for each one checked */
	size_t i, j, m;

	for (i = 0; i < r->nstatuses; i++) {
		const struct value *names = r->statuses[i].names;

		for (j = 0; names != NULL && j < names->u.map.n; j++) {
			const struct member *mb = &names->u.map.items[j];
			const struct value *l = mb->val;

			for (m = 0; m < l->u.list.n; m++)
				check_name_words(c, mb->key,
				    l->u.list.items[m]);
			if (was_seen(&seen, mb->key, mb->keylen))
				continue;
			buf_add(&seen, mb->key, mb->keylen + 1);
			check_lang_names(c, mb->key);
		}
	}
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
		diag_error(c->d, &value_get(v, "name")->pos, "registry name "
		    "'%s' is a keyword of %s", r->name, kw);
	else if (r->name != NULL &&
	    (kw = keyword_any(p = spell(c, r->name, FILTER_PASCAL))) != NULL)
		diag_error(c->d, &value_get(v, "name")->pos, "registry name "
		    "'%s' reads '%s' in pascal case, a keyword of %s",
		    r->name, p, kw);
	if (value_get(v, "c_prefix") == NULL || r->c_prefix == NULL)
		return;
	if ((kw = keyword_in("c", r->c_prefix)) != NULL)
		diag_error(c->d, &value_get(v, "c_prefix")->pos, "c_prefix "
		    "'%s' is a keyword of %s", r->c_prefix, kw);
	else if ((why = keyword_c_reserved(r->c_prefix)) != NULL)
		diag_error(c->d, &value_get(v, "c_prefix")->pos, "c_prefix "
		    "'%s' is reserved in C: %s", r->c_prefix, why);
}

