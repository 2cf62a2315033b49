/*
 * value: the document tree that data files load into and templates read.
 *
 * A YAML document becomes a tree of values: scalars (null, bool, int,
 * float, string), lists and maps.  Every value remembers where it came
 * from.  Maps keep their keys in document order; lookups are linear,
 * which is right for the small maps of a registry and keeps output order
 * deterministic.
 *
 * Every node and string lives in an arena (see arena.h); values are never
 * freed one by one.  Strings are NUL-terminated and also carry a length.
 * Values built in code (the template view, tests) have pos.file == NULL
 * unless the builder copies a position in.
 *
 * Lazy values make their parts when first read, for views of big
 * registries, whose statuses would otherwise all be built, key by key,
 * before the first byte is rendered.  A lazy list holds no items:
 * value_item makes item i in an arena the reader passes, and the reader
 * drops that arena once done with the item.  A lazy map has all its keys
 * but makes a member's value at its first lookup, in room the map keeps
 * for a few scalars or in the arena the map was made in.  Both call a
 * struct value_maker.
 */
#ifndef GEN_VALUE_H
#define GEN_VALUE_H

#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

enum value_kind {
	VALUE_NULL,
	VALUE_BOOL,
	VALUE_INT,
	VALUE_FLOAT,
	VALUE_STRING,
	VALUE_LIST,
	VALUE_MAP
};

struct member;
struct value_maker;
struct value_thunk;

/* Laid out without padding holes: a big registry has millions of these. */
struct value {
	enum value_kind kind;
	/* Scalars: written plain (no quotes, no block style). */
	bool plain;
	/* Lists: items made by u.list.maker, items NULL; maps: u.map.lazy. */
	bool lazy;
	/* A lazy map whose keys are a table shared by many (value_lazy_map). */
	bool shared;
	/* Ints: str is u.i in decimal (value_int), not as a file wrote it. */
	bool decimal;
	struct srcpos pos;
	/*
	 * Scalars: the text as written (after YAML unescaping); for a string
	 * it is the string itself.  Lists and maps: "".
	 */
	const char *str;
	size_t len;
	union {
		bool b;
		long long i;
		double f;
		struct {
			struct value **items;
			size_t n;
			union {
				size_t cap;
				const struct value_maker *maker;
			};
		} list;
		struct {
			struct member *items;
			size_t n;
			union {
				size_t cap;
				struct value_thunk *lazy;
			};
		} map;
	} u;
};

struct member {
	const char *key;
	size_t keylen;
	struct srcpos pos;	/* of the key */
	struct value *val;
};

/*
 * What makes the parts of lazy values; either function may be NULL
 * when no value of that kind uses the maker.  item() builds item i of a
 * lazy list in arena a.  member() builds the value of member i of
 * lazy map `map` made from arg (see value_make_lazy) in arena a; it may
 * look other members of the map up.  Neither fails.
 */
struct value_maker {
	struct value *(*item)(const struct value_maker *mk, size_t i,
	    struct arena *a);
	struct value *(*member)(const struct value_maker *mk, const void *arg,
	    const struct value *map, size_t i, struct arena *a);
};

/*
 * Bytes a lazy map keeps for the scalars its maker makes (value_cstr_in,
 * value_int_in): six strings, a number taking a little more than one.
 * A template reads a few members of each status it walks, and an
 * allocation for each cost more than the rest of making it; more room
 * is zeroed for every map, read or not.
 */
#define VALUE_ROOM	(6 * sizeof(struct value))

/*
 * What a lazy map makes its members with, and where; vals holds each
 * member's value once made (a lazy map's items hold only its keys).
 * room[0..used) holds members made in place; the rest is zero.
 */
struct value_thunk {
	const struct value_maker *mk;
	const void *arg;
	struct arena *a;
	struct value **vals;
	size_t used;
	alignas(struct value) unsigned char room[VALUE_ROOM];
};

/*
 * Spells i in decimal in the VALUE_INT_MAX bytes that end at end,
 * without a NUL, and returns where the digits start.
 */
#define VALUE_INT_MAX	20	/* "-9223372036854775808" */
char *value_spell_int(char *end, long long i);

/* Building (every result lives in the arena, but see value_null) */

struct value *value_new(struct arena *a, enum value_kind kind,
    const struct srcpos *pos);

/*
 * Null and the two booleans, without a position, are shared constants
 * that allocate nothing (a view holds a dozen per status); they are
 * never to be modified.  Use value_new for one that needs a position.
 */
struct value *value_null(struct arena *a);
struct value *value_bool(struct arena *a, bool b);
struct value *value_int(struct arena *a, long long i);

/* Copies s[0..len) into the arena. */
struct value *value_string(struct arena *a, const char *s, size_t len);
/* Borrows s, which must outlive the tree (arena or static storage). */
struct value *value_cstr(struct arena *a, const char *s);
/* As value_cstr, for s of len bytes (s[len] must be NUL). */
struct value *value_cstrn(struct arena *a, const char *s, size_t len);

/*
 * As value_cstr and value_int, for a maker of lazy members: made in the
 * room lazy map `map` keeps for them (see VALUE_ROOM) while it lasts,
 * then in the map's arena.  The result lives as long as the map.
 */
struct value *value_cstr_in(const struct value *map, const char *s);
/* As value_cstr_in, for s of len bytes (s[len] must be NUL). */
struct value *value_cstrn_in(const struct value *map, const char *s,
    size_t len);
struct value *value_int_in(const struct value *map, long long i);

/*
 * A list or map with room for cap items; push/set never grow past it.
 * The empty list is a shared constant, as null is.
 */
struct value *value_list(struct arena *a, size_t cap);
struct value *value_map(struct arena *a, size_t cap);

/*
 * A lazy list of n items made by mk, which is borrowed and must outlive
 * the list.
 */
struct value *value_lazy_list(struct arena *a, size_t n,
    const struct value_maker *mk);

/* Appends to a list made with room to spare (asserted). */
void value_push(struct value *list, struct value *item);

/*
 * Appends key -> val to a map made with room to spare (asserted).  The
 * key is borrowed and must outlive the tree.  val may be NULL in a map
 * that is then made lazy.
 */
void value_set(struct value *map, const char *key, struct value *val);
/* As value_set, for a key of n bytes (key[n] must be NUL). */
void value_setn(struct value *map, const char *key, size_t n,
    struct value *val);

/* Appends copies of members[0..n), as value_setn one by one would. */
void value_set_all(struct value *map, const struct member *members,
    size_t n);

/*
 * Makes map, whose members are all set, lazy: the members set to NULL
 * are made by mk->member(mk, arg, map, i, a) at their first lookup, in
 * arena a, which must hold the map.  mk and arg are borrowed and must
 * outlive the map.  No member is to be set after.
 */
void value_make_lazy(struct value *map, const struct value_maker *mk,
    const void *arg, struct arena *a);

/*
 * A lazy map, in arena a, whose n keys are keys[0..n) (their values
 * unused): a table shared by every map made from it, borrowed, and
 * never written.  Each value is made by mk->member(mk, arg, map, i, a)
 * at its first lookup.  A view makes one per status each time a
 * template walks the statuses, and copying thirty keys into each
 * cost more than the few values a template reads.
 */
struct value *value_lazy_map(struct arena *a, const struct member *keys,
    size_t n, const struct value_maker *mk, const void *arg);

/* Reading */

/*
 * The member of a map named key, or NULL (also when v is no map).  The
 * member of a lazy map is made here at its first lookup.
 */
struct value *value_get(const struct value *v, const char *key);
struct value *value_getn(const struct value *v, const char *key, size_t n);

/*
 * Where value_getn_at found a name last: at a position of any map, or,
 * for the key string `key` in the maps sharing the key table `shared`,
 * at `at` or (VALUE_ABSENT) nowhere.  All zero is a valid start.
 */
struct value_hint {
	const char *key;
	const struct member *shared;
	size_t at;
};

#define VALUE_ABSENT	((size_t)-1)

/* The value of member i (< its count) of a map, made if lazy. */
static inline struct value *value_member(const struct value *map,
    size_t i);

/* The part of value_getn_at that is not inline. */
struct value *value_scan_at(const struct value *v, const char *key,
    size_t n, struct value_hint *hint);

/*
 * As value_getn, but tries the member at position hint->at first, and
 * sets *hint to where the key was.  Maps built alike (the statuses of a
 * view) hold their keys in the same order, so a caller that looks one
 * name up in map after map keeps finding it at once; in maps that share
 * a key table, a name found there or found missing is known at once the
 * next time.  The map's keys must be unique, as those of every map gen
 * builds or loads are.
 *
 * Inline, with value_member, since the renderer looks a name up for
 * every tag it writes: the known-at-once case costs no call.
 */
static inline struct value *
value_getn_at(const struct value *v, const char *key, size_t n,
    struct value_hint *hint)
{
	/* A shared table never changes: what was found there still is. */
	if (v != NULL && v->shared && hint->shared == v->u.map.items &&
	    hint->key == key)
		return hint->at == VALUE_ABSENT ? NULL :
		    value_member(v, hint->at);
	return value_scan_at(v, key, n, hint);
}

/*
 * Item i (< its length) of a list.  An item of a lazy list is made
 * anew at each call, in arena a, and lives as long as what a holds;
 * a stored item ignores a, which may then be NULL.
 */
const struct value *value_item(const struct value *list, size_t i,
    struct arena *a);

/* Makes member i of a lazy map, the first time it is read. */
struct value *value_make_member(const struct value *map, size_t i);

static inline struct value *
value_member(const struct value *map, size_t i)
{
	if (!map->lazy)
		return map->u.map.items[i].val;
	if (map->u.map.lazy->vals[i] != NULL)
		return map->u.map.lazy->vals[i];
	return value_make_member(map, i);
}

/*
 * Gives member i of a lazy map its value before its first lookup, which
 * then makes nothing: for a value that costs less to set than a lookup
 * costs to make (a shared constant).  val is borrowed, as in value_set.
 */
static inline void
value_set_lazy(struct value *map, size_t i, struct value *val)
{
	map->u.map.lazy->vals[i] = val;
}

/* "null", "bool", ..., for messages. */
const char *value_kind_name(enum value_kind kind);

/* The kind with its article: "a list", "an integer". */
const char *value_kind_article(enum value_kind kind);

#endif
