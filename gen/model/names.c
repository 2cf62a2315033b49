/*
 * The checks of `names:` (see model_check.h): a language's names must
 * not meet another status's names there, whether given or derived from
 * ids, nor be a keyword of the language.  They read what the identifier
 * checks (model_ident.c) learnt of every id.
 */
#include "model_ident.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "keyword.h"
#include "base/xmalloc.h"

#define NCASES(t) (sizeof(t) / sizeof((t)[0]))

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

struct name_slot;
struct lang_names;

static void	check_name_words(struct check *c, const char *lang,
		    const struct value *v);
static int	lang_case(const char *lang);
static struct name_slot *find_name(struct lang_names *ln, const char *name,
		    uint32_t h);
static void	meet_name(struct check *c, struct lang_names *ln,
		    struct name_slot *sl, const char *name,
		    const struct srcpos *pos, bool named);
static const struct value *names_of(struct check *c, struct lang_names *ln,
		    size_t i);
static void	fill_names(struct check *c, struct lang_names *ln);
static void	meet_derived(struct check *c, struct lang_names *ln,
		    size_t i, size_t end);
static void	check_lang_names(struct check *c, const char *lang);
static bool	was_seen(const struct buf *seen, const char *key,
		    size_t len);
static void	check_status_names(struct check *c,
		    const struct value *names, struct buf *seen);

/* Each `names:` entry against the keywords of its own language. */
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

	for (i = 0; i < NCASES(lang_cases); i++)
		if (strcmp(lang_cases[i].lang, lang) == 0)
			return (int)lang_cases[i].ident_case;
	return -1;
}

/*
 * A name given in some `names:` of one language, and the last entry of
 * that language read so far that bears it.
 */
struct name_slot {
	uint32_t hash;
	const char *name;		/* NULL: empty */
	const struct srcpos *last;	/* NULL: none read yet */
	bool named;			/* last is from `names:` */
};

/* What check_lang_names knows of its language. */
struct lang_names {
	const char *lang;
	int lc;				/* lang_case */
	const uint32_t *hash;		/* the ids' in case lc, or NULL */
	struct name_slot *slot;
	size_t mask;
};

/* The slot of name, whose hash is h; a new one if it has none. */
static struct name_slot *
find_name(struct lang_names *ln, const char *name, uint32_t h)
{
	struct name_slot *slot = ln->slot;
	size_t j;

	for (j = h & ln->mask; slot[j].name != NULL; j = (j + 1) & ln->mask)
		if (slot[j].hash == h && strcmp(slot[j].name, name) == 0)
			return &slot[j];
	slot[j].hash = h;
	slot[j].name = name;
	return &slot[j];
}

/* An entry at pos reads sl->name: it meets the last one that did. */
static void
meet_name(struct check *c, struct lang_names *ln, struct name_slot *sl,
    const char *name, const struct srcpos *pos, bool named)
{
	if (sl->last != NULL && (named || sl->named)) {
		diag_error(c->d, pos, "duplicate %s name '%s'", ln->lang,
		    name);
		diag_note(c->d, sl->last, "first defined here");
	}
	sl->last = pos;
	sl->named = named;
}

/* Where v was written, in memory that lasts as long as the checks. */
static const struct srcpos *
kept_pos(struct check *c, const struct value *v)
{
	struct srcpos *pos = arena_alloc(&c->tmp, sizeof(*pos));

	*pos = value_pos(c->path, v);
	return pos;
}

/* The `names:` of status i for the language, or NULL. */
static const struct value *
names_of(struct check *c, struct lang_names *ln, size_t i)
{
	return value_find(c->r->statuses[i].names, ln->lang);
}

/*
 * Every name that `names:` gives in the language, in a table of slots
 * at most half full.  The names given are few: the table stays small,
 * and most ids are ruled out by their hash alone.
 */
static void
fill_names(struct check *c, struct lang_names *ln)
{
	const struct spellings *sp = c->spelt;
	const struct value *l, *v;
	size_t i, k, p, cap = 16, m = 0;

	for (p = 0; p < SPELL_PARTS; p++)
		for (i = 0; i < sp->named[p].n; i++)
			if ((l = names_of(c, ln, sp->named[p].v[i].status)) !=
			    NULL)
				m += l->len;
	while (cap < 2 * m)
		cap *= 2;
	ln->slot = xcalloc(cap, sizeof(*ln->slot));
	ln->mask = cap - 1;
	for (p = 0; p < SPELL_PARTS; p++) {
		for (i = 0; i < sp->named[p].n; i++) {
			l = names_of(c, ln, sp->named[p].v[i].status);
			for (k = 0; l != NULL && k < l->len; k++) {
				v = l->items[k];
				find_name(ln, v->str,
				    ident_hash(v->str, strlen(v->str)));
			}
		}
	}
}

/*
 * Ids [i, end) in the language's case: where one reads as a name in the
 * table, it meets it.  Their hashes are model_check_idents' where it
 * made them in that case; only ids whose hash is in the table are spelt.
 */
static void
meet_derived(struct check *c, struct lang_names *ln, size_t i, size_t end)
{
	const struct ident *ids = c->spelt->ids;
	enum filter_id f = (enum filter_id)ln->lc;
	const char *name;
	size_t j;
	uint32_t h;

	for (; i < end; i++) {
		name = NULL;
		if (ln->hash != NULL)
			h = ln->hash[i];
		else {
			name = ident_spell_in(&c->scratch, ids[i].id, f);
			h = ident_hash(name, c->scratch.len);
		}
		for (j = h & ln->mask; ln->slot[j].name != NULL;
		    j = (j + 1) & ln->mask) {
			if (ln->slot[j].hash != h)
				continue;
			if (name == NULL)
				name = ident_spell_in(&c->scratch, ids[i].id, f);
			if (strcmp(ln->slot[j].name, name) == 0) {
				meet_name(c, ln, &ln->slot[j], name,
				    ids[i].pos, false);
				break;
			}
		}
	}
}

/*
 * `names:` replaces a status's names in one language (a built-in one
 * spells the others' ids and aliases in its case); they must not meet
 * another status's names there.  Two derived names that meet were
 * reported by check_spellings already: only the names that `names:`
 * gives are looked for, and only statuses that have `names:` are read.
 */
static void
check_lang_names(struct check *c, const char *lang)
{
	const struct spellings *sp = c->spelt;
	const struct named *nm;
	const struct value *l, *v;
	struct lang_names ln;
	size_t i, k, p, at = 0;

	ln.lang = lang;
	ln.lc = lang_case(lang);
	ln.hash = NULL;
	for (k = 0; k < NCASES(ident_cases); k++)
		if ((int)ident_cases[k] == ln.lc)
			ln.hash = sp->hash[k];
	fill_names(c, &ln);
	for (p = 0; p < SPELL_PARTS; p++) {
		for (i = 0; i < sp->named[p].n; i++) {
			nm = &sp->named[p].v[i];
			if ((l = names_of(c, &ln, nm->status)) == NULL)
				continue;
			if (ln.lc >= 0)
				meet_derived(c, &ln, at, nm->at);
			for (k = 0; k < l->len; k++) {
				v = l->items[k];
				meet_name(c, &ln, find_name(&ln, v->str,
				    ident_hash(v->str, strlen(v->str))),
				    v->str, kept_pos(c, v), true);
			}
			at = nm->at + (c->r->statuses[nm->status].id != NULL) +
			    c->r->statuses[nm->status].naliases;
		}
	}
	if (ln.lc >= 0)
		meet_derived(c, &ln, at, sp->n);
	free(ln.slot);
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

/* A status's `names:`: each entry, and each language not seen yet. */
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
		if (was_seen(seen, lang, strlen(lang)))
			continue;
		buf_add(seen, lang, strlen(lang) + 1);
		check_lang_names(c, lang);
	}
}

/*
 * Each language that some `names:` mentions is checked once.  The
 * statuses that have `names:` were listed as their ids were spelt.
 */
void
model_check_names(struct check *c)
{
	const struct nameds *nd;
	struct buf seen = BUF_INIT;	/* "lang\0" for each one checked */
	size_t i, p;

	assert(c->spelt != NULL);
	for (p = 0; p < SPELL_PARTS; p++)
		for (i = 0, nd = &c->spelt->named[p]; i < nd->n; i++)
			check_status_names(c,
			    c->r->statuses[nd->v[i].status].names, &seen);
	buf_release(&seen);
}
