/*
 * The identifier checks of the model (see model_check.h): ids and
 * aliases as each target language spells them, and the registry's own
 * names.  model_names.c checks `names:` with what they leave.
 */
#include "model_ident.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tmpl/filter.h"
#include "keyword.h"
#include "run/pool.h"
#include "base/xmalloc.h"

#define NCASES(t) (sizeof(t) / sizeof((t)[0]))

const enum filter_id ident_cases[] = {
	FILTER_SNAKE, FILTER_UPPER_SNAKE, FILTER_CAMEL, FILTER_PASCAL
};
static_assert(NCASES(ident_cases) == NIDENT_CASES,
    "NIDENT_CASES counts ident_cases");

/*
 * Keywords are checked in the cases that languages print bare, Python's
 * NOT_FOUND and a Rust or TypeScript NotFound.  The lower-case forms are
 * always prefixed where printed; checking them would refuse 'continue'.
 */
static const enum filter_id keyword_cases[] = {
	FILTER_UPPER_SNAKE, FILTER_PASCAL
};

/* What a part spells in, its own. */
struct spell_bufs {
	struct buf out;
	struct buf pascal;
};

static bool	is_keyword_case(enum filter_id f);
static bool	is_raised(size_t k);
static void	raise_word(char *s, size_t len);
static bool	is_plain_short(const char *s, size_t n);
static uint64_t	odd_bytes(uint64_t x);
static bool	is_plain(const char *id, size_t n, size_t *first);
static void	raise_plain(char *s, size_t len);
static void	spell_case(struct spell_bufs *b, const char *id, size_t len,
		    size_t first, enum filter_id f);
static bool	spell_one(struct spellings *sp, struct spell_bufs *b,
		    size_t i, const char *id, const struct srcpos *pos);
static bool	spell_part(void *ctx, size_t p);
static bool	is_same(const struct spellings *sp, size_t k, size_t a,
		    size_t b, struct buf *ba, struct buf *bb);
static void	find_repeats(struct spellings *sp, size_t k);
static bool	is_searched(const struct spellings *sp, size_t k);
static bool	find_part(void *ctx, size_t k);
static void	add_named(struct nameds *nd, size_t status, size_t at);
static bool	may_repeat(const struct spellings *sp);
static void	add_repeat(struct repeats *rp, size_t i, size_t prev);
static void	check_keyword(struct check *c, const struct ident *id,
		    enum filter_id f);
static bool	met_before(struct check *c, const char *a, const char *b,
		    size_t k);
static void	report(struct check *c, const struct spellings *sp);
static struct spellings *new_spellings(struct check *c);

/*
 * Names are hashed eight bytes at a time: a byte at a time (FNV) waits
 * on a multiplication per byte, and every id is hashed in five cases.
 * Only equal hashes are compared, so any hash does; this one mixes
 * enough that the low bits index a table.
 */
uint32_t
ident_hash(const char *s, size_t len)
{
	const uint64_t k = 0x9e3779b97f4a7c15u;
	uint64_t h = len * k, w = 0;
	size_t i;

	if (len < 8) {
		for (i = len; i > 0; i--)
			w = w << 8 | (unsigned char)s[i - 1];
	} else {
		for (i = 0; i + 8 < len; i += 8) {
			memcpy(&w, s + i, 8);
			h = (h ^ w) * k;
			h ^= h >> 29;
		}
		/* The last 8 bytes, some read again, not byte by byte. */
		memcpy(&w, s + len - 8, 8);
	}
	h = (h ^ w) * k;
	h ^= h >> 32;
	return (uint32_t)(h * k >> 32);
}

/* id in case f, in b; the result lives until b changes. */
const char *
ident_spell_in(struct buf *b, const char *id, enum filter_id f)
{
	buf_reset(b);
	filter_apply(b, f, ESCAPE_NONE, id, strlen(id));
	return b->ptr;
}

/* id in case f, kept in the check's memory. */
const char *
ident_spell(struct check *c, const char *id, enum filter_id f)
{
	ident_spell_in(&c->scratch, id, f);
	return arena_strndup(&c->tmp, c->scratch.ptr, c->scratch.len);
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

/* s[0..len) in capitals, in place. */
static void
raise_word(char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		s[i] = (char)(s[i] - (s[i] >= 'a' && s[i] <= 'z') * 32);
}

/* Whether s[0..n), n < 8, holds only [a-z0-9] and single '_'. */
static bool
is_plain_short(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '_' ? i + 1 < n && s[i + 1] == '_' :
		    !(s[i] >= 'a' && s[i] <= 'z') &&
		    !(s[i] >= '0' && s[i] <= '9'))
			return false;
	return true;
}

/*
 * Bit 7 of each byte of x, all of whose bytes are below 0x80, that is
 * at least c: adding 0x80 - c carries into bit 7 then, and never out of
 * the byte.
 */
#define BYTES_ONE	0x0101010101010101u
#define BYTES_HIGH	(BYTES_ONE << 7)
#define AT_LEAST(x, c)	(((x) + (0x80 - (uint64_t)(c)) * BYTES_ONE) & \
			    BYTES_HIGH)

/* Non-zero if some byte of x is not in [a-z0-9_], or two are '_'. */
static uint64_t
odd_bytes(uint64_t x)
{
	uint64_t t = x & ~BYTES_HIGH, under, ok;

	under = AT_LEAST(t, '_') & ~AT_LEAST(t, '_' + 1);
	ok = (AT_LEAST(t, 'a') & ~AT_LEAST(t, 'z' + 1)) |
	    (AT_LEAST(t, '0') & ~AT_LEAST(t, '9' + 1)) | under;
	return (x & BYTES_HIGH) | (ok ^ BYTES_HIGH) | (under & under << 8);
}

/*
 * Whether id[0..n) is words of [a-z0-9] joined by single underscores,
 * as the ids that validation lets through are; if so, *first is set to
 * its first word's length.  Such an id is its own snake spelling, its
 * camel spelling is its pascal one with the first word lowered, and its
 * upper snake one has its letters raised: one conversion in place of
 * three (tests/test_filter.c holds filter.c to these rules).
 */
static bool
is_plain(const char *id, size_t n, size_t *first)
{
	size_t i;
	uint64_t x, bad = 0;
	const char *us;

	if (n == 0 || id[0] == '_' || id[n - 1] == '_')
		return false;
	if (n < 8)
		bad = !is_plain_short(id, n);
	/* 8 bytes at a time, the last 8 read again in part. */
	for (i = 0; n >= 8; i += 8) {
		if (i + 8 > n)
			i = n - 8;
		memcpy(&x, id + i, 8);
		bad |= odd_bytes(x) | (i > 0 && id[i - 1] == '_' &&
		    id[i] == '_');
		if (i + 8 == n)
			break;
	}
	if (bad)
		return false;
	us = memchr(id, '_', n);
	*first = us != NULL ? (size_t)(us - id) : n;
	return true;
}

/*
 * A plain id's letters raised, 8 bytes at a time: in [a-z0-9_] only
 * the letters have both 0x40 and 0x20 set, and 0x20 is what raises.
 */
static void
raise_plain(char *s, size_t len)
{
	const uint64_t bit = 0x2020202020202020u;
	uint64_t w;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		w ^= w & w >> 1 & bit;
		memcpy(s + i, &w, 8);
	}
	for (; i < len; i++)
		s[i] = (char)(s[i] ^ (s[i] & s[i] >> 1 & 0x20));
}

/*
 * id[0..len) in case f, into b->out.  For a plain id, first is its first
 * word's length and b->pascal holds its pascal spelling; for another,
 * first is SIZE_MAX.
 */
static void
spell_case(struct spell_bufs *b, const char *id, size_t len, size_t first,
    enum filter_id f)
{
	size_t i;

	buf_reset(&b->out);
	if (first > len)
		filter_apply(&b->out, f, ESCAPE_NONE, id, len);
	else if (f == FILTER_SNAKE)
		buf_add(&b->out, id, len);
	else if (f == FILTER_PASCAL || f == FILTER_CAMEL) {
		buf_add(&b->out, b->pascal.ptr, b->pascal.len);
		for (i = 0; f == FILTER_CAMEL && i < first; i++)
			b->out.ptr[i] = id[i];
	} else
		filter_apply(&b->out, f, ESCAPE_NONE, id, len);
}

/*
 * The i-th id: its hashes and keywords, while its spellings are hot.
 * Returns whether it is plain.
 */
static bool
spell_one(struct spellings *sp, struct spell_bufs *b, size_t i,
    const char *id, const struct srcpos *pos)
{
	size_t k, first = SIZE_MAX, len = strlen(id);
	struct buf *out = &b->out;
	bool plain = is_plain(id, len, &first);
	unsigned kw = 0;

	sp->ids[i].id = id;
	sp->ids[i].pos = pos;
	sp->hash[AS_WRITTEN][i] = ident_hash(id, len);
	if (plain) {
		buf_reset(&b->pascal);
		filter_apply(&b->pascal, FILTER_PASCAL, ESCAPE_NONE, id, len);
	}
	for (k = 0; k < NCASES(ident_cases); k++) {
		if (is_raised(k) && plain)
			raise_plain(out->ptr, out->len);
		else if (is_raised(k))
			raise_word(out->ptr, out->len);
		else
			spell_case(b, id, len, first, ident_cases[k]);
		sp->hash[k][i] = plain && ident_cases[k] == FILTER_SNAKE ?
		    sp->hash[AS_WRITTEN][i] : ident_hash(out->ptr, out->len);
		if (is_keyword_case(ident_cases[k]) &&
		    keyword_any(out->ptr) != NULL)
			kw |= 1u << k;
	}
	sp->kw[i] = (unsigned char)kw;
	return plain;
}

static void
add_named(struct nameds *nd, size_t status, size_t at)
{
	nd->v = xgrow(nd->v, &nd->cap, nd->n, sizeof(*nd->v));
	nd->v[nd->n].status = status;
	nd->v[nd->n].at = at;
	nd->n++;
}

/* Part p: its statuses' ids, and those statuses that have `names:`. */
static bool
spell_part(void *ctx, size_t p)
{
	struct spellings *sp = ctx;
	const struct registry *r = sp->r;
	size_t i, j, at = sp->base[p];
	size_t hi = r->nstatuses * (p + 1) / SPELL_PARTS;
	struct spell_bufs b = { BUF_INIT, BUF_INIT };
	bool plain = true;

	for (i = r->nstatuses * p / SPELL_PARTS; i < hi; i++) {
		const struct status *s = &r->statuses[i];

		if (s->names != NULL)
			add_named(&sp->named[p], i, at);
		if (s->id != NULL)
			plain &= spell_one(sp, &b, at++, s->id, &s->id_pos);
		for (j = 0; j < s->naliases; j++)
			plain &= spell_one(sp, &b, at++, s->aliases[j],
			    &s->alias_pos[j]);
	}
	sp->odd[p] = !plain;
	buf_release(&b.out);
	buf_release(&b.pascal);
	return true;
}

/* Whether ids a and b read alike in case k (AS_WRITTEN: exactly). */
static bool
is_same(const struct spellings *sp, size_t k, size_t a, size_t b,
    struct buf *ba, struct buf *bb)
{
	if (k == AS_WRITTEN)
		return strcmp(sp->ids[a].id, sp->ids[b].id) == 0;
	ident_spell_in(ba, sp->ids[a].id, ident_cases[k]);
	ident_spell_in(bb, sp->ids[b].id, ident_cases[k]);
	return ba->len == bb->len && memcmp(ba->ptr, bb->ptr, ba->len) == 0;
}

static void
add_repeat(struct repeats *rp, size_t i, size_t prev)
{
	rp->v = xgrow(rp->v, &rp->cap, rp->n, sizeof(*rp->v));
	rp->v[rp->n].i = i;
	rp->v[rp->n].prev = prev;
	rp->n++;
}

/*
 * The ids that read as an earlier one in case k (AS_WRITTEN: exactly),
 * in order, found by their hashes in a table: linear, where sorting
 * 100k names in each case was a quarter of the load of a big registry.
 * A slot is an index alone, half the memory a copy of its hash would
 * take; the hashes are at hand in order.
 */
static void
find_repeats(struct spellings *sp, size_t k)
{
	const uint32_t *h = sp->hash[k];
	struct buf ba = BUF_INIT, bb = BUF_INIT;
	uint32_t *slot;			/* index + 1; 0 is empty */
	size_t cap = 16, mask, i, j;

	while (cap < 2 * sp->n)
		cap *= 2;
	mask = cap - 1;
	slot = xcalloc(cap, sizeof(*slot));
	for (i = 0; i < sp->n; i++) {
		for (j = h[i] & mask; slot[j] != 0; j = (j + 1) & mask)
			if (h[slot[j] - 1] == h[i] &&
			    is_same(sp, k, slot[j] - 1, i, &ba, &bb)) {
				add_repeat(&sp->rep[k], i, slot[j] - 1);
				break;
			}
		/* A repeat takes its name's slot: the next meets it. */
		slot[j] = (uint32_t)(i + 1);
	}
	free(slot);
	buf_release(&ba);
	buf_release(&bb);
}

/*
 * Whether case k is looked for repeats.  Plain ids are their own snake
 * spellings: unless some id is not, they read alike in snake case
 * exactly when they are duplicates.
 */
static bool
is_searched(const struct spellings *sp, size_t k)
{
	size_t p;

	if (is_raised(k))
		return false;
	if (ident_cases[k] != FILTER_SNAKE)
		return true;
	for (p = 0; p < SPELL_PARTS; p++)
		if (sp->odd[p])
			return true;
	return false;
}

static bool
find_part(void *ctx, size_t k)
{
	struct spellings *sp = ctx;

	if (is_searched(sp, k))
		find_repeats(sp, k);
	return true;
}

/*
 * Duplicates read alike in every case: where some case has no repeats
 * (as in a registry without errors) there are none, and need not be
 * looked for.
 */
static bool
may_repeat(const struct spellings *sp)
{
	size_t k;

	for (k = 0; k < NCASES(ident_cases); k++)
		if (is_searched(sp, k) && sp->rep[k].n == 0)
			return false;
	return true;
}

static void
check_keyword(struct check *c, const struct ident *id, enum filter_id f)
{
	const char *name = ident_spell(c, id->id, f);
	const char *lang = keyword_any(name);

	if (lang != NULL)
		diag_error(c->d, id->pos, "identifier '%s' reads '%s' in %s "
		    "case, a keyword of %s", id->id, name, filter_name(f),
		    lang);
}

/* Whether a and b already read alike in a case checked before case k. */
static bool
met_before(struct check *c, const char *a, const char *b, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (strcmp(ident_spell(c, a, ident_cases[i]),
		    ident_spell(c, b, ident_cases[i])) == 0)
			return true;
	return false;
}

/*
 * Exact duplicates are reported once as such, first; a pair that reads
 * alike in several cases, at the first case only.  Reports come in the
 * order of the cases, whatever the threads did first.
 */
static void
report(struct check *c, const struct spellings *sp)
{
	const struct ident *ids = sp->ids, *a, *b;
	const struct repeats *rp = &sp->rep[AS_WRITTEN];
	enum filter_id f;
	size_t i, k;

	for (i = 0; i < rp->n; i++) {
		diag_error(c->d, ids[rp->v[i].i].pos,
		    "duplicate identifier '%s'", ids[rp->v[i].i].id);
		diag_note(c->d, ids[rp->v[i].prev].pos, "first defined here");
	}
	for (k = 0; k < NCASES(ident_cases); k++) {
		f = ident_cases[k];
		for (i = 0; is_keyword_case(f) && i < sp->n; i++)
			if (sp->kw[i] & 1u << k)
				check_keyword(c, &ids[i], f);
		rp = &sp->rep[k];
		for (i = 0; i < rp->n; i++) {
			a = &ids[rp->v[i].prev];
			b = &ids[rp->v[i].i];
			if (strcmp(b->id, a->id) == 0 ||
			    met_before(c, b->id, a->id, k))
				continue;
			diag_error(c->d, b->pos, "identifier '%s' reads '%s' "
			    "in %s case, the same as '%s'", b->id,
			    ident_spell(c, b->id, f), filter_name(f), a->id);
			diag_note(c->d, a->pos, "'%s' defined here", a->id);
		}
	}
}

/*
 * Every id and alias spelt in each case, and the names met before, on a
 * few threads: at 100k statuses this was most of the checks.  The ids
 * are hashed in each case by parts, then one task per case finds the
 * repeats; the rare ids whose hashes meet are spelt again to compare.
 */
void
model_check_idents(struct check *c)
{
	size_t k, p;
	size_t threads = 1;
	struct spellings *sp = new_spellings(c);

	pool_run(SPELL_PARTS, threads, spell_part, sp);
	for (p = 0; p < SPELL_PARTS; p++)
		arena_keep(&c->tmp, sp->named[p].v);
	pool_run(NCASES(ident_cases), threads, find_part, sp);
	if (may_repeat(sp))
		find_repeats(sp, AS_WRITTEN);
	report(c, sp);
	for (k = 0; k <= AS_WRITTEN; k++) {
		free(sp->rep[k].v);
		memset(&sp->rep[k], 0, sizeof(sp->rep[k]));
	}
	c->spelt = sp;
}

/* Room for every id's hashes, in tmp, and where each part starts. */
static struct spellings *
new_spellings(struct check *c)
{
	const struct registry *r = c->r;
	struct spellings *sp;
	size_t i, k, p = 0, n = 0;

	sp = arena_alloc(&c->tmp, sizeof(*sp));
	sp->r = r;
	for (i = 0; i < r->nstatuses; i++) {
		while (p < SPELL_PARTS && i == r->nstatuses * p / SPELL_PARTS)
			sp->base[p++] = n;
		n += (r->statuses[i].id != NULL) + r->statuses[i].naliases;
	}
	while (p < SPELL_PARTS)
		sp->base[p++] = n;
	sp->n = n;
	/* Written in full by the parts: malloc'd, not zeroed as in tmp. */
	sp->ids = xmalloc(xmul(n + 1, sizeof(*sp->ids)));
	arena_keep(&c->tmp, sp->ids);
	sp->kw = xmalloc(n + 1);
	arena_keep(&c->tmp, sp->kw);
	for (k = 0; k <= AS_WRITTEN; k++) {
		sp->hash[k] = xmalloc(xmul(n + 1, sizeof(*sp->hash[k])));
		arena_keep(&c->tmp, sp->hash[k]);
	}
	return sp;
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
	    (kw = keyword_any(p = ident_spell(c, r->name, FILTER_PASCAL))) != NULL)
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

