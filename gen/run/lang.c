#include "lang.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "embed.h"
#include "base/file.h"
#include "load/load.h"
#include "model/model.h"
#include "base/suggest.h"

/* Template files are source code; this is far beyond any real one. */
#define MAX_TEMPLATE_BYTES ((size_t)16 * 1024 * 1024)

static const char *const manifest_keys[] = {
	"name", "description", "escape", "case", "header", "outputs"
};
static const char *const output_keys[] = {
	"template", "path", "per_locale"
};
static const char *const escape_modes[] = {
	"none", "html", "c", "python", "go", "markdown"
};
static const char *const header_keys[] = { "prefix", "suffix", "as" };

static const char *
join(struct arena *a, const char *x, const char *y, const char *z)
{
	struct buf b = BUF_INIT;
	const char *s;

	buf_addf(&b, "%s/%s/%s", x, y, z);
	s = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

static void
add_dep(struct lang_src *src, const char *path)
{
	if (src->ndeps == src->capdeps) {
		const char **old = src->deps;

		src->capdeps = src->capdeps ? src->capdeps * 2 : 16;
		src->deps = arena_array(src->a, src->capdeps,
		    sizeof(*src->deps));
		if (old != NULL)
			memcpy(src->deps, old, src->ndeps * sizeof(*old));
	}
	src->deps[src->ndeps++] = path;
}

/* The user's copy of lang/file first, then the embedded one. */
static int
read_file(struct lang_src *src, const char *lang, const char *file,
    const char **path, const char **text, size_t *len, struct diag *d)
{
	const struct embed_file *e;
	const char *p;
	int rc;

	if (strstr(file, "..") != NULL || file[0] == '/')
		return 1;
	if (src->user_dir != NULL) {
		p = join(src->a, src->user_dir, lang, file);
		rc = file_read(src->a, p, MAX_TEMPLATE_BYTES, true, d, text,
		    len);
		if (rc == 0) {
			add_dep(src, p);
			*path = p;
		}
		if (rc <= 0)
			return rc;
	}
	p = join(src->a, "templates", lang, file);
	e = embed_find(p);
	if (e == NULL)
		return 1;
	*path = p;
	*text = e->data;
	*len = e->len;
	return 0;
}

int
lang_read(const struct lang *l, const char *file, const char **path,
    const char **text, size_t *len, struct diag *d)
{
	return read_file(l->src, l->name, file, path, text, len, d);
}

static int
find_partial(void *ctx, const char *name, const char **path,
    const char **text, size_t *len, struct diag *d)
{
	const struct lang *l = ctx;
	struct buf b = BUF_INIT;
	const char *file;

	buf_addf(&b, "%s.mustache", name);
	file = arena_strndup(l->src->a, b.ptr, b.len);
	buf_release(&b);
	return lang_read(l, file, path, text, len, d);
}

struct tmpl_loader
lang_loader(const struct lang *l)
{
	struct tmpl_loader loader;

	loader.find = find_partial;
	loader.ctx = (void *)l;
	return loader;
}

static const char *
get_text(struct diag *d, const struct value *map, const char *key,
    bool required)
{
	const struct value *v = value_get(map, key);

	if (v == NULL) {
		if (required)
			diag_error(d, &map->pos, "missing required key '%s'",
			    key);
		return NULL;
	}
	if (v->kind == VALUE_MAP || v->kind == VALUE_LIST ||
	    v->kind == VALUE_NULL) {
		diag_error(d, &v->pos, "'%s' must be a string", key);
		return NULL;
	}
	return v->str;
}

static void
check_keys(struct diag *d, const struct value *map, const char *const *keys,
    size_t n)
{
	size_t i, k;

	for (i = 0; i < map->u.map.n; i++) {
		const struct member *m = &map->u.map.items[i];
		const char *hint;

		for (k = 0; k < n && strcmp(m->key, keys[k]) != 0; k++)
			continue;
		if (k < n || strncmp(m->key, "x-", 2) == 0)
			continue;
		hint = suggest(m->key, m->keylen, keys, n);
		diag_error(d, &m->pos, "unknown key '%s'%s%s%s", m->key,
		    hint ? "; did you mean '" : "", hint ? hint : "",
		    hint ? "'?" : "");
	}
}

static void
parse_output(struct lang *l, const struct value *v, struct lang_output *o,
    struct diag *d)
{
	const struct value *pl;

	if (v->kind != VALUE_MAP) {
		diag_error(d, &v->pos, "an output must be a map");
		return;
	}
	check_keys(d, v, output_keys, sizeof(output_keys) /
	    sizeof(output_keys[0]));
	o->pos = v->pos;
	o->template = get_text(d, v, "template", true);
	o->path = get_text(d, v, "path", true);
	pl = value_get(v, "per_locale");
	if (pl != NULL && pl->kind != VALUE_BOOL)
		diag_error(d, &pl->pos, "'per_locale' must be true or false");
	o->per_locale = pl != NULL && pl->kind == VALUE_BOOL && pl->u.b;
	(void)l;
}

static void
parse_header(struct lang *l, const struct value *m, struct diag *d)
{
	const struct value *h = value_get(m, "header");
	const char *as;

	l->header_prefix = l->header_suffix = "";
	if (h == NULL)
		return;
	if (h->kind != VALUE_MAP) {
		diag_error(d, &h->pos, "'header' must be a map with 'prefix' "
		    "and 'suffix'");
		return;
	}
	check_keys(d, h, header_keys, sizeof(header_keys) /
	    sizeof(header_keys[0]));
	l->header_prefix = get_text(d, h, "prefix", true);
	l->header_suffix = get_text(d, h, "suffix", false);
	if (l->header_suffix == NULL)
		l->header_suffix = "";
	as = get_text(d, h, "as", false);
	if (as != NULL && strcmp(as, "string") != 0 &&
	    strcmp(as, "comment") != 0)
		diag_error(d, &value_get(h, "as")->pos, "'as' must be "
		    "'comment' or 'string', not '%s'", as);
	l->header_string = as != NULL && strcmp(as, "string") == 0;
}

static void
parse_codes(struct lang *l, const struct value *m, struct diag *d)
{
	const struct value *ev = value_get(m, "escape");
	const char *cs = get_text(d, m, "case", false);
	const char *hint, *esc;

	l->escape = ESCAPE_NONE;
	if (ev != NULL && ev->kind == VALUE_MAP) {
		(void)escape_table_parse(l->src->a, ev, d, &l->escape_table);
	} else if ((esc = get_text(d, m, "escape", true)) != NULL &&
	    escape_parse(esc, &l->escape) != 0) {
		hint = suggest(esc, strlen(esc), escape_modes,
		    sizeof(escape_modes) / sizeof(escape_modes[0]));
		diag_error(d, &ev->pos, "unknown escape mode '%s'%s%s%s", esc,
		    hint ? "; did you mean '" : "", hint ? hint : "",
		    hint ? "'?" : "");
	}
	l->ident_case = FILTER_SNAKE;
	if (cs != NULL && filter_find(cs, strlen(cs), &l->ident_case) != 0) {
		hint = filter_suggest(cs, strlen(cs));
		diag_error(d, &value_get(m, "case")->pos,
		    "unknown case '%s'%s%s%s", cs,
		    hint ? "; did you mean '" : "", hint ? hint : "",
		    hint ? "'?" : "");
	}
}

static int
parse_manifest(struct lang *l, const struct value *m, struct diag *d)
{
	const struct value *outs;
	size_t before = d->errors, i;

	if (m->kind != VALUE_MAP) {
		diag_error(d, &m->pos, "a language manifest must be a map");
		return -1;
	}
	check_keys(d, m, manifest_keys, sizeof(manifest_keys) /
	    sizeof(manifest_keys[0]));
	l->description = get_text(d, m, "description", false);
	if (l->description == NULL)
		l->description = "";
	parse_codes(l, m, d);
	parse_header(l, m, d);
	outs = value_get(m, "outputs");
	if (outs == NULL || outs->kind != VALUE_LIST || outs->u.list.n == 0) {
		diag_error(d, outs ? &outs->pos : &m->pos,
		    "'outputs' must be a list of at least one output");
		return -1;
	}
	l->outputs = arena_array(l->src->a, outs->u.list.n,
	    sizeof(*l->outputs));
	l->noutputs = outs->u.list.n;
	for (i = 0; i < outs->u.list.n; i++)
		parse_output(l, outs->u.list.items[i], &l->outputs[i], d);
	return d->errors == before ? 0 : -1;
}

int
lang_load(struct lang_src *src, const char *name, struct diag *d,
    struct lang **out)
{
	struct load_limits lim = LOAD_LIMITS_DEFAULT;
	struct lang *l = arena_alloc(src->a, sizeof(*l));
	const char **names, *path, *text;
	char tail[256];
	struct value *m;
	size_t len, n;
	int rc;

	l->src = src;
	l->name = name;
	rc = read_file(src, name, "lang.yaml", &path, &text, &len, d);
	if (rc < 0)
		return -1;
	if (rc > 0 || !model_is_ident(name)) {
		lang_names(src, &names, &n);
		diag_fail(d, DIAG_USAGE, "unknown language '%s'%s", name,
		    suggest_tail(tail, sizeof(tail), name, strlen(name),
		    names, n));
		return -1;
	}
	if (load_yaml(src->a, path, text, len, &lim, d, &m) != 0 ||
	    parse_manifest(l, m, d) != 0)
		return -1;
	*out = l;
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Languages in the user directory: subdirectories with a lang.yaml. */
static size_t
user_names(struct lang_src *src, const char **names, size_t cap)
{
	struct dirent *e;
	size_t n = 0;
	DIR *dir;

	if (src->user_dir == NULL || (dir = opendir(src->user_dir)) == NULL)
		return 0;
	while ((e = readdir(dir)) != NULL && n < cap) {
		const char *p = join(src->a, src->user_dir, e->d_name,
		    "lang.yaml");

		if (e->d_name[0] != '.' && model_is_ident(e->d_name) &&
		    !file_is_dir(p) && access(p, R_OK) == 0)
			names[n++] = arena_strdup(src->a, e->d_name);
	}
	closedir(dir);
	return n;
}

void
lang_names(struct lang_src *src, const char ***out, size_t *nout)
{
	/* Plenty for any real directory; more are not listed. */
	enum { MAX_USER = 256 };
	const char **names = arena_array(src->a, embed_count + MAX_USER,
	    sizeof(*names));
	size_t i, n = 0, k = 0;

	for (i = 0; i < embed_count; i++) {
		const char *p = embed_files[i].path, *slash;

		if (strncmp(p, "templates/", 10) != 0)
			continue;
		slash = strchr(p + 10, '/');
		if (slash != NULL && strcmp(slash, "/lang.yaml") == 0)
			names[n++] = arena_strndup(src->a, p + 10,
			    (size_t)(slash - p - 10));
	}
	n += user_names(src, names + n, MAX_USER);
	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++)
		if (k == 0 || strcmp(names[k - 1], names[i]) != 0)
			names[k++] = names[i];
	*out = names;
	*nout = k;
}
