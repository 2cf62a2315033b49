/*
 * value: the tree that data files load into and templates read (the view,
 * view.h, is one too, so the template engine knows no registries).
 *
 * Map keys are interned in a struct keys, so a lookup compares pointers;
 * templates resolve their names to them when parsed, and a name no map has
 * resolves to NULL.  A map keeps keys and values in two arrays, so that maps of
 * one shape (a status's view) share one array of keys.  A loaded value knows
 * where it was written; a made one has line 0.  Strings carry a length and a
 * NUL.  Values live in an arena; the constants below are read-only.
 */
#ifndef GEN_VALUE_H
#define GEN_VALUE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

enum value_kind {
	VALUE_NULL, VALUE_BOOL, VALUE_INT, VALUE_FLOAT, VALUE_STRING,
	VALUE_LIST, VALUE_MAP
};

/* A map's key: interned text, and where it was written (0: made). */
struct mkey {
	const char *s;
	unsigned line, col;
};

/* 32 bytes: a big registry loads into a million of them. */
struct value {
	unsigned char kind;	/* enum value_kind */
	bool plain;		/* scalar written plain: no quotes, no block */
	bool decimal;		/* int: str spells u.i in decimal */
	unsigned len;		/* scalars: bytes of str; else the items */
	unsigned line, col;
	union {
		const char *str;		/* scalars */
		const struct value **items;	/* lists; a map's values */
	};
	union {
		bool b;
		long long i;
		double f;
		const struct mkey *keys;	/* a map's: names items[i] */
	} u;
};

struct keys;

/* A new, empty table of keys; keys_free frees it and every key text. */
struct keys *keys_new(void);
void keys_free(struct keys *k);

/*
 * The interned copy of s[0..n), made at the first call for that text, valid
 * while the table lives.  Not thread-safe: add keys before any thread starts.
 */
const char *keys_add(struct keys *k, const char *s, size_t n);

/* The interned copy of s[0..n), or NULL when no one added it. */
const char *keys_find(const struct keys *k, const char *s, size_t n);

extern const struct value value_null_v, value_true_v, value_false_v;
extern const struct value value_empty_list, value_empty_map;

static inline const struct value *
value_bool(bool b)
{
	return b ? &value_true_v : &value_false_v;
}

/* Building; every result lives in arena a. */

/* A string of s[0..len): borrowed (s[len] is NUL), or copied. */
struct value *value_str(struct arena *a, const char *s, size_t len);
struct value *value_copy_str(struct arena *a, const char *s, size_t len);

/* A string of the C string s (borrowed), or null for NULL. */
const struct value *value_cstr(struct arena *a, const char *s);

/* An integer, spelled in decimal. */
struct value *value_int(struct arena *a, long long i);

/* A list of n items (NULL) to fill in; n == 0: the shared empty list. */
struct value *value_list(struct arena *a, size_t n);

/* A map of keys[0..n) (borrowed: maps share them) and values to fill in. */
struct value *value_map(struct arena *a, const struct mkey *keys, size_t n);

/* The value under the interned key, or NULL (also when v is no map). */
static inline const struct value *
value_get(const struct value *v, const char *key)
{
	unsigned i;

	if (v == NULL || v->kind != VALUE_MAP)
		return NULL;
	for (i = 0; i < v->len; i++)
		if (v->u.keys[i].s == key)
			return v->items[i];
	return NULL;
}

/* As value_get, for any text: compares strings. */
const struct value *value_find(const struct value *v, const char *key);

/* Where v was written in file. */
static inline struct srcpos
value_pos(const char *file, const struct value *v)
{
	return (struct srcpos){ file, v->line, v->col };
}

/* Spells i in decimal, no NUL, just before end; returns its first digit. */
#define VALUE_INT_MAX	20	/* "-9223372036854775808" */
char *value_spell_int(char *end, long long i);

/* "null", "boolean"..., and its article ("a", "an"), for messages. */
const char *value_kind_name(enum value_kind kind);

static inline const char *
value_kind_article(enum value_kind kind)
{
	return kind == VALUE_INT ? "an" : "a";
}

#endif
