#include "run.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/file.h"
#include "base/suggest.h"
#include "base/xmalloc.h"
#include "tmpl/filter.h"

/* A partial of a language, read and parsed once, before rendering. */
struct lang_partial {
	const char *name;		/* NAME, of NAME.mustache */
	const char *path;
	const char *text;		/* NULL: there is no such file */
	size_t len;
	const struct tmpl *t;		/* NULL: none, or it did not parse */
};

/* Template files are source code; this is far beyond any real one. */
#define MAX_TEMPLATE_BYTES ((size_t)16 * 1024 * 1024)

static const char *const manifest_keys[] = {
	"name", "description", "escape", "case", "header", "outputs"
};
static const char *const output_keys[] = { "template", "path", "per_locale" };
static const char *const header_keys[] = { "prefix", "suffix", "as" };

#define LEN(a)	(sizeof(a) / sizeof((a)[0]))
#define SUFFIX	".mustache"

const struct embed_file *
embed_find(const char *path)
{
	size_t i;

	for (i = 0; i < embed_count; i++)
		if (strcmp(embed_files[i].path, path) == 0)
			return &embed_files[i];
	return NULL;
}

int
lang_read(const struct lang *l, const char *file, const char **path,
    const char **text, size_t *len)
{
	struct run_base *b = l->b;
	const struct embed_file *e;
	const char *p;
	int rc;

	if (strstr(file, "..") != NULL || file[0] == '/')
		return 1;
	if (b->o->templates != NULL) {
		p = run_printf(&b->a, "%s/%s/%s", b->o->templates, l->name,
		    file);
		rc = file_read(&b->a, p, MAX_TEMPLATE_BYTES, true, b->d, text,
		    len);
		if (rc == 0) {
			b->deps = xgrow(b->deps, &b->capdeps, b->ndeps,
			    sizeof(*b->deps));
			b->deps[b->ndeps++] = *path = p;
		}
		if (rc <= 0)
			return rc;
	}
	p = run_printf(&b->a, "templates/%s/%s", l->name, file);
	if ((e = embed_find(p)) == NULL)
		return 1;
	*path = p;
	*text = e->data;
	*len = e->len;
	return 0;
}

/* Where v (a value, or a map's key) is in l's manifest. */
#define AT(l, v)	(&(struct srcpos){ (l)->manifest, (v)->line, (v)->col })

/* The string at key, absent when there is none (NULL: it is required). */
static const char *
get_text(const struct lang *l, struct diag *d, const struct value *map,
    const char *key, const char *absent)
{
	const struct value *v = value_find(map, key);

	if (v == NULL && absent == NULL)
		diag_error(d, AT(l, map), "missing required key '%s'", key);
	if (v == NULL)
		return absent;
	if (v->kind == VALUE_MAP || v->kind == VALUE_LIST ||
	    v->kind == VALUE_NULL) {
		diag_error(d, AT(l, v), "'%s' must be a string", key);
		return NULL;
	}
	return v->str;
}

/* "unknown WHAT 'NAME'", and "; did you mean 'HINT'?" if there is one. */
static void
unknown(struct diag *d, const struct srcpos *at, const char *what,
    const char *name, const char *hint)
{
	diag_error(d, at, "unknown %s '%s'%s%s%s", what, name,
	    hint ? "; did you mean '" : "", hint ? hint : "",
	    hint ? "'?" : "");
}

static void
check_keys(const struct lang *l, struct diag *d, const struct value *map,
    const char *const *keys, size_t n)
{
	const char *key;
	size_t i, k;

	for (i = 0; i < map->len; i++) {
		key = map->u.keys[i].s;
		for (k = 0; k < n && strcmp(key, keys[k]) != 0; k++)
			continue;
		if (k == n && strncmp(key, "x-", 2) != 0)
			unknown(d, AT(l, &map->u.keys[i]), "key", key,
			    suggest(key, strlen(key), keys, n));
	}
}

static void
parse_output(struct lang *l, const struct value *v, struct lang_output *o,
    struct diag *d)
{
	const struct value *pl = value_find(v, "per_locale");

	if (v->kind != VALUE_MAP) {
		diag_error(d, AT(l, v), "an output must be a map");
		return;
	}
	check_keys(l, d, v, output_keys, LEN(output_keys));
	o->pos = value_pos(l->manifest, v);
	o->template = get_text(l, d, v, "template", NULL);
	o->path = get_text(l, d, v, "path", NULL);
	if (pl != NULL && pl->kind != VALUE_BOOL)
		diag_error(d, AT(l, pl), "'per_locale' must be true or false");
	o->per_locale = pl != NULL && pl->kind == VALUE_BOOL && pl->u.b;
}

static void
parse_header(struct lang *l, const struct value *m, struct diag *d)
{
	const struct value *h = value_find(m, "header");
	const char *as;

	l->header_prefix = l->header_suffix = "";
	if (h == NULL)
		return;
	if (h->kind != VALUE_MAP) {
		diag_error(d, AT(l, h), "'header' must be a map with 'prefix' "
		    "and 'suffix'");
		return;
	}
	check_keys(l, d, h, header_keys, LEN(header_keys));
	l->header_prefix = get_text(l, d, h, "prefix", NULL);
	l->header_suffix = get_text(l, d, h, "suffix", "");
	as = get_text(l, d, h, "as", "comment");
	l->header_string = as != NULL && strcmp(as, "string") == 0;
	if (as != NULL && !l->header_string && strcmp(as, "comment") != 0)
		diag_error(d, AT(l, value_find(h, "as")), "'as' must be "
		    "'comment' or 'string', not '%s'", as);
}

static void
parse_codes(struct lang *l, const struct value *m, struct diag *d)
{
	const struct value *ev = value_find(m, "escape");
	const char *cs = get_text(l, d, m, "case", "snake");
	enum filter_id f = FILTER_SNAKE;
	const char *esc;

	l->escape = ESCAPE_NONE;
	if (ev != NULL && ev->kind == VALUE_MAP) {
		(void)escape_table_parse(&l->b->a, l->manifest, ev, d,
		    &l->escape_table);
	} else if ((esc = get_text(l, d, m, "escape", NULL)) != NULL &&
	    escape_parse(esc, &l->escape) != 0)
		unknown(d, AT(l, ev), "escape mode", esc, suggest(esc,
		    strlen(esc), escape_names, ESCAPE_N));
	if (cs != NULL && (filter_find(cs, strlen(cs), &f) != 0 ||
	    f == FILTER_COMMENT))
		unknown(d, AT(l, value_find(m, "case")), "case", cs,
		    filter_suggest(cs, strlen(cs)));
	l->ident_case = (enum case_id)f;
}

static int
parse_manifest(struct lang *l, const struct value *m, struct diag *d)
{
	const struct value *outs = value_find(m, "outputs");
	size_t before = d->errors, i;

	if (m->kind != VALUE_MAP) {
		diag_error(d, AT(l, m), "a language manifest must be a map");
		return -1;
	}
	check_keys(l, d, m, manifest_keys, LEN(manifest_keys));
	l->description = get_text(l, d, m, "description", "");
	parse_codes(l, m, d);
	parse_header(l, m, d);
	if (outs == NULL || outs->kind != VALUE_LIST || outs->len == 0) {
		diag_error(d, AT(l, outs != NULL ? outs : m),
		    "'outputs' must be a list of at least one output");
		return -1;
	}
	l->outputs = arena_array(&l->b->a, outs->len, sizeof(*l->outputs));
	l->noutputs = outs->len;
	for (i = 0; i < outs->len; i++)
		parse_output(l, outs->items[i], &l->outputs[i], d);
	return d->errors == before ? 0 : -1;
}

int
lang_load(struct run_base *b, const char *name, struct lang **out)
{
	struct load_limits lim = LOAD_LIMITS_DEFAULT;
	struct lang *l = arena_alloc(&b->a, sizeof(*l));
	const char **names, *path, *text;
	const struct value *m;
	struct load_to to = { &b->a, &b->a, b->keys };
	size_t len, n;
	int rc;

	l->b = b;
	l->name = name;
	rc = lang_read(l, "lang.yaml", &path, &text, &len);
	if (rc < 0)
		return -1;
	if (rc > 0 || !model_is_ident(name)) {
		lang_names(b, &names, &n);
		suggest_lookup(b->d, NULL, "language", name, names, n);
		return -1;
	}
	l->manifest = path;
	if (load_yaml(&to, path, text, len, &lim, b->d, &m) != 0 ||
	    parse_manifest(l, m, b->d) != 0)
		return -1;
	*out = l;
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t
lang_sort_unique(const char **names, size_t n)
{
	size_t i, k = 0;

	if (n > 1)	/* names may be NULL when n is 0 */
		qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++)
		if (k == 0 || strcmp(names[k - 1], names[i]) != 0)
			names[k++] = names[i];
	return k;
}

void
lang_names(struct run_base *b, const char ***out, size_t *nout)
{
	/* Plenty for any real directory; more are not listed. */
	enum { MAX_USER = 256 };
	const char **names = arena_array(&b->a, embed_count + MAX_USER,
	    sizeof(*names)), *top = b->o->templates, *p, *slash;
	DIR *dir = top != NULL ? opendir(top) : NULL;
	size_t i, n = 0, cap;
	struct dirent *e;

	for (i = 0; i < embed_count; i++) {
		p = embed_files[i].path;
		slash = strncmp(p, "templates/", 10) == 0 ?
		    strchr(p + 10, '/') : NULL;
		if (slash != NULL && strcmp(slash, "/lang.yaml") == 0)
			names[n++] = arena_strndup(&b->a, p + 10,
			    (size_t)(slash - p - 10));
	}
	/* The user's: subdirectories of --templates with a lang.yaml. */
	for (cap = n + MAX_USER; dir != NULL && n < cap &&
	    (e = readdir(dir)) != NULL;) {
		p = run_printf(&b->a, "%s/%s/lang.yaml", top, e->d_name);
		if (e->d_name[0] != '.' && model_is_ident(e->d_name) &&
		    !file_is_dir(p) && access(p, R_OK) == 0)
			names[n++] = arena_strdup(&b->a, e->d_name);
	}
	if (dir != NULL)
		closedir(dir);
	*out = names;
	*nout = lang_sort_unique(names, n);
}

/* The partial named name, or NULL when none is known yet. */
static struct lang_partial *
partial_named(const struct lang *l, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < l->npartials; i++)
		if (strlen(l->partials[i].name) == len &&
		    memcmp(l->partials[i].name, name, len) == 0)
			return &l->partials[i];
	return NULL;
}

/* Reads and parses partial name[0..len) once; renders report its errors. */
static int
add_partial(struct lang *l, const char *name, size_t len)
{
	struct arena *a = &l->b->a;
	struct diag quiet = DIAG_INIT;
	struct lang_partial *p;
	const char *file;
	struct tmpl *t;
	int rc;

	if (partial_named(l, name, len) != NULL)
		return 0;
	l->partials = xgrow(l->partials, &l->cappartials, l->npartials,
	    sizeof(*l->partials));
	p = &l->partials[l->npartials++];
	*p = (struct lang_partial){ .name = arena_strndup(a, name, len) };
	file = run_printf(a, "%.*s" SUFFIX, (int)len, name);
	rc = lang_read(l, file, &p->path, &p->text, &p->len);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (tmpl_parse(a, l->b->keys, p->path, p->text, p->len, &quiet,
	    &t) == 0)
		p->t = t;
	diag_release(&quiet);
	return 0;
}

/* What tmpl_refs reports: keys to mark, partials to read. */
struct refs {
	struct lang *l;
	struct view_keys *vk;
	int rc;
};

static void
on_key(void *ctx, const char *key, bool first)
{
	view_keys_use(((struct refs *)ctx)->vk, key, first);
}

static void
on_partial(void *ctx, const char *name, size_t len, bool dynamic)
{
	struct refs *r = ctx;

	if (dynamic)
		r->l->dynamic = true;
	else if (r->rc == 0)
		r->rc = add_partial(r->l, name, len);
}

/* NAME of NAME.mustache, as a partial of the language. */
static void
on_file(struct refs *r, const char *file)
{
	size_t len = strlen(file), n = strlen(SUFFIX);

	if (len > n && strcmp(file + len - n, SUFFIX) == 0)
		on_partial(r, file, len - n, false);
}

/* Every partial file of the language: a key's name is known only then. */
static void
add_all_partials(struct refs *r)
{
	struct run_base *b = r->l->b;
	const char *lead = run_printf(&b->a, "templates/%s/", r->l->name), *p;
	size_t k, n = strlen(lead);
	struct dirent *e;
	DIR *dir = NULL;

	if (b->o->templates != NULL)
		dir = opendir(run_printf(&b->a, "%s/%s/", b->o->templates,
		    r->l->name));
	while (dir != NULL && (e = readdir(dir)) != NULL && r->rc == 0)
		on_file(r, e->d_name);
	if (dir != NULL)
		closedir(dir);
	for (k = 0; k < embed_count && r->rc == 0; k++) {
		p = embed_files[k].path;
		if (strncmp(p, lead, n) == 0 && strchr(p + n, '/') == NULL)
			on_file(r, p + n);
	}
}

/* The keys of the output paths; every key when some are unknown. */
static void
use_keys(struct refs *r, bool all)
{
	const struct lang *l = r->l;
	struct diag quiet = DIAG_INIT;
	struct tmpl *t;
	size_t i;

	for (i = 0; i < l->noutputs; i++)
		if (tmpl_parse(&l->b->a, l->b->keys, l->name,
		    l->outputs[i].path, strlen(l->outputs[i].path), &quiet,
		    &t) == 0)
			tmpl_refs(t, on_key, NULL, r);
	for (i = 0; all && i < VK_N; i++)
		r->vk->used[i] = r->vk->first[i] = true;
	diag_release(&quiet);
}

int
lang_parse(struct lang *l, struct view_keys *vk)
{
	struct refs r = { l, vk, 0 };
	struct run_base *b = l->b;
	const char *path, *text;
	struct tmpl *t;
	size_t i, len;
	bool all = false;
	int rc;

	l->tmpls = arena_array(&b->a, l->noutputs, sizeof(*l->tmpls));
	for (i = 0; i < l->noutputs; i++) {
		const struct lang_output *lo = &l->outputs[i];

		rc = lang_read(l, lo->template, &path, &text, &len);
		if (rc > 0)
			diag_error(b->d, &lo->pos, "template '%s' not found",
			    lo->template);
		if (rc != 0 || tmpl_parse(&b->a, b->keys, path, text, len, b->d,
		    &t) != 0) {
			r.rc = -1;
			break;
		}
		l->tmpls[i] = t;
		tmpl_refs(t, on_key, on_partial, &r);
	}
	/* Partials found while reading partials join the end of the list. */
	for (i = 0; i < l->npartials && r.rc == 0; i++)
		if (l->partials[i].t != NULL)
			tmpl_refs(l->partials[i].t, on_key, on_partial, &r);
		else if (l->partials[i].text != NULL)
			all = true;
	if (l->dynamic && r.rc == 0)
		add_all_partials(&r);
	/* The list is complete: it lives as long as the language. */
	arena_keep(&b->a, l->partials);
	if (r.rc == 0)
		use_keys(&r, all || l->dynamic);
	return r.rc;
}

/* The partials lang_parse read; one that did not parse, again, to report. */
int
lang_find_partial(void *ctx, const char *name, struct arena *a,
    struct diag *d, const struct tmpl **out)
{
	const struct lang *l = ctx;
	const struct lang_partial *p = partial_named(l, name, strlen(name));
	struct tmpl *t;

	*out = p != NULL ? p->t : NULL;
	if (p == NULL || p->text == NULL || p->t != NULL)
		return 0;
	if (tmpl_parse(a, NULL, p->path, p->text, p->len, d, &t) != 0)
		return TMPL_BAD;
	*out = t;
	return 0;
}
