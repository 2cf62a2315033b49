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
 */
#ifndef GEN_VALUE_H
#define GEN_VALUE_H

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

/* Laid out without padding holes: a big registry has millions of these. */
struct value {
	enum value_kind kind;
	/* Scalars: written plain (no quotes, no block style). */
	bool plain;
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
			size_t n, cap;
		} list;
		struct {
			struct member *items;
			size_t n, cap;
		} map;
	} u;
};

struct member {
	const char *key;
	size_t keylen;
	struct srcpos pos;	/* of the key */
	struct value *val;
};

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

/* A list or map with room for cap items; push/set never grow past it. */
struct value *value_list(struct arena *a, size_t cap);
struct value *value_map(struct arena *a, size_t cap);

/* Appends to a list made with room to spare (asserted). */
void value_push(struct value *list, struct value *item);

/*
 * Appends key -> val to a map made with room to spare (asserted).  The
 * key is borrowed and must outlive the tree.
 */
void value_set(struct value *map, const char *key, struct value *val);

/* Reading */

/* The member of a map named key, or NULL (also when v is no map). */
struct value *value_get(const struct value *v, const char *key);
struct value *value_getn(const struct value *v, const char *key, size_t n);

/*
 * As value_getn, but tries the member at position *hint first, and on a
 * find sets *hint to where the key was.  Maps built alike (the statuses
 * of a view) hold their keys in the same order, so a caller that looks
 * one name up in map after map keeps finding it at once.  The map's keys
 * must be unique, as those of every map gen builds or loads are.
 */
struct value *value_getn_at(const struct value *v, const char *key,
    size_t n, size_t *hint);

/* "null", "bool", ..., for messages. */
const char *value_kind_name(enum value_kind kind);

/* The kind with its article: "a list", "an integer". */
const char *value_kind_article(enum value_kind kind);

#endif
