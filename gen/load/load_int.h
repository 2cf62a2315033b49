/* load_int: what load.c asks of scalar.c, the core schema; see load.h. */
#ifndef GEN_LOAD_INT_H
#define GEN_LOAD_INT_H

#include "load.h"

#define TAG_PREFIX	"tag:yaml.org,2002:"

/*
 * Sets v->kind and v->u from v->str, NUL-terminated at v->len: a plain
 * scalar by the core schema, any scalar by tag as libyaml resolves it
 * ("tag:yaml.org,2002:int", "!").  Bad values and tags go into d at pos.
 */
void load_resolve_plain(struct value *v, const struct srcpos *pos,
    struct diag *d);
void load_resolve_tagged(struct value *v, const char *tag,
    const struct srcpos *pos, struct diag *d);

/* tag as a document writes it ("!!int") in buf, cut as load_quote_len. */
#define LOAD_TAG_SHOW	72
const char *load_show_tag(const char *tag, char *buf, size_t size);

/* How many bytes of s[0..len) to quote: at most 60, whole characters. */
int load_quote_len(const char *s, size_t len);

#endif
