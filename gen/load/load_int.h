/* load_int: what load.c asks of scalar.c, the core schema; see load.h. */
#ifndef GEN_LOAD_INT_H
#define GEN_LOAD_INT_H

#include "load.h"

#define TAG_PREFIX	"tag:yaml.org,2002:"

/*
 * Sets v->kind and v->u from v->str, NUL-terminated at v->len, as libyaml
 * gave tag ("tag:yaml.org,2002:int", "!"), or for a NULL tag by the core
 * schema if v is plain.  Bad values and tags go into d at pos.
 */
void load_resolve(struct value *v, const char *tag, const struct srcpos *pos,
    struct diag *d);

/* tag as a document writes it ("!!int") in buf, cut as load_quote_len. */
#define LOAD_TAG_SHOW	72
const char *load_show_tag(const char *tag, char *buf, size_t size);

/* How many bytes of s[0..len) to quote: at most 60, whole characters. */
int load_quote_len(const char *s, size_t len);

#endif
