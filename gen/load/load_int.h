/*
 * load_int: what load.c, which reads the text and builds the tree, asks
 * of scalar.c, which resolves scalars by the core schema; see load.h.
 */
#ifndef GEN_LOAD_INT_H
#define GEN_LOAD_INT_H

#include <stddef.h>

#include "load.h"

#define TAG_PREFIX	"tag:yaml.org,2002:"

/*
 * Scalars (scalar.c), whose str is NUL-terminated at len.
 * load_resolve_plain resolves a plain one by the core schema, setting
 * v->kind and v->u; load_resolve_tagged applies the explicit tag, as
 * libyaml resolves it ("tag:yaml.org,2002:int", "!").  Values a tag
 * does not take, numbers out of range and tags other than str, int,
 * float, bool and null are reported into d at pos.
 */
void load_resolve_plain(struct value *v, const struct srcpos *pos,
    struct diag *d);
void load_resolve_tagged(struct value *v, const char *tag,
    const struct srcpos *pos, struct diag *d);

/*
 * tag in buf[0..size) as a document writes it ("!!int"), cut short as
 * load_quote_len does.  Returns buf; LOAD_TAG_SHOW bytes are enough.
 */
#define LOAD_TAG_SHOW	72
const char *load_show_tag(const char *tag, char *buf, size_t size);

/* How many bytes of s[0..len) to quote: at most 60, whole characters. */
int load_quote_len(const char *s, size_t len);

#endif
