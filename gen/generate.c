#include "generate.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "ctx.h"
#include "embed.h"
#include "file.h"
#include "keyword.h"
#include "lang.h"
#include "model.h"
#include "output.h"
#include "suggest.h"
#include "tmpl.h"
#include "xmalloc.h"

#define EMBEDDED_DATA "data/http_status.yaml"

/*
 * No single output may grow past this: a template that loops without
 * bound fails with a message instead of filling the disk.  The built-in
 * templates write a few hundred kilobytes for the built-in registry.
 */
#define MAX_OUTPUT ((size_t)1 << 30)

/* One run's state, shared by the steps below. */
struct run {
	const struct gen_opts *o;
	struct diag *d;
	struct arena a;
	struct arena view;		/* one output's view; see emit */
	struct lang_src src;
	struct registry *r;
	struct ctx_opts copts;
	struct output_set out;
	struct buf stdout_buf;
	size_t nfiles;
};

/*
 * The data path as generated files name it: relative and spelled one
 * way, so that ./data/x.yaml and data/x.yaml give the same bytes, and
 * never absolute (an absolute path names only its file).
 */
static const char *
display_path(struct arena *a, const char *path)
{
	struct buf b = BUF_INIT;
	const char *p = path, *s;

	if (path[0] == '/') {
		s = strrchr(path, '/');
		return arena_strdup(a, s + 1);
	}
	while (*p != '\0') {
		if (p[0] == '/' && (b.len == 0 || b.ptr[b.len - 1] == '/')) {
			p++;
		} else if (p[0] == '.' && (p[1] == '/' || p[1] == '\0') &&
		    (b.len == 0 || b.ptr[b.len - 1] == '/')) {
			p += p[1] ? 2 : 1;
		} else {
			buf_addc(&b, *p++);
		}
	}
	s = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

static int
load_registry(struct run *run)
{
	const char *path = run->o->data ? run->o->data : EMBEDDED_DATA;
	struct model_stream *ms = model_stream_new(&run->a, run->d);
	const struct load_stream *hook = model_stream_hook(ms);
	const struct embed_file *e;
	struct value *root = NULL;
	int rc;

	if (run->o->data != NULL) {
		rc = load_file_streamed(&run->a, path, &run->o->limits, hook,
		    run->d, &root);
	} else {
		e = embed_find(EMBEDDED_DATA);
		rc = e == NULL ? -1 : load_yaml_streamed(&run->a, path,
		    e->data, e->len, &run->o->limits, hook, run->d, &root);
	}
	if (model_stream_finish(ms, rc == 0 ? root : NULL, &run->r) != 0)
		return -1;
	run->copts.data_path = display_path(&run->a, path);
	return 0;
}

static void
usage_hint(struct diag *d, const char *what, const char *name,
    const char *const *cands, size_t n)
{
	char tail[256];

	diag_fail(d, DIAG_USAGE, "unknown %s '%s'%s", what, name,
	    suggest_tail(tail, sizeof(tail), name, strlen(name), cands, n));
}

static int
resolve_locale(struct run *run)
{
	const struct registry *r = run->r;
	int li;

	run->copts.locale = 0;
	if (run->o->locale == NULL)
		return 0;
	li = model_locale(r, run->o->locale);
	if (li < 0) {
		usage_hint(run->d, "locale", run->o->locale, r->locales,
		    r->nlocales);
		return -1;
	}
	run->copts.locale = (size_t)li;
	return 0;
}

/* --include nginx,iis: each name must be a set of the registry. */
static int
resolve_sets(struct run *run)
{
	const struct registry *r = run->r;
	const char **sets, **names, *p, *end;
	size_t n = 0, i, k;

	run->copts.include_all = run->o->include_all;
	if (run->o->include == NULL)
		return 0;
	sets = arena_array(&run->a, strlen(run->o->include) + 1,
	    sizeof(*sets));
	names = arena_array(&run->a, r->nsets + 1, sizeof(*names));
	for (k = 0; k < r->nsets; k++)
		names[k] = r->sets[k].id;
	for (p = run->o->include; *p != '\0'; p = *end ? end + 1 : end) {
		end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		sets[n] = arena_strndup(&run->a, p, (size_t)(end - p));
		for (i = 0; i < r->nsets; i++)
			if (strcmp(sets[n], names[i]) == 0)
				break;
		if (i == r->nsets) {
			usage_hint(run->d, "set", sets[n], names, r->nsets);
			return -1;
		}
		n++;
	}
	run->copts.include = sets;
	run->copts.ninclude = n;
	return 0;
}

static int
resolve_prefix(struct run *run)
{
	const char *p = run->o->c_prefix, *why;

	if (p == NULL)
		return 0;
	if (!model_is_ident(p))
		diag_fail(run->d, DIAG_USAGE, "--c-prefix '%s' is not a valid "
		    "identifier (use [a-z][a-z0-9_]*)", p);
	else if ((why = keyword_in("c", p)) != NULL)
		diag_fail(run->d, DIAG_USAGE, "--c-prefix '%s' is a keyword "
		    "of %s", p, why);
	else if ((why = keyword_c_reserved(p)) != NULL)
		diag_fail(run->d, DIAG_USAGE, "--c-prefix '%s' is reserved "
		    "in C: %s", p, why);
	else
		run->r->c_prefix = p;
	return run->r->c_prefix == p ? 0 : -1;
}

/* The output's path, rendered from its manifest template (no escaping). */
static const char *
output_path(struct run *run, const struct lang *l,
    const struct lang_output *lo, const struct value *view)
{
	struct tmpl_opts topts = { ESCAPE_NONE, true, MAX_OUTPUT, NULL };
	struct buf b = BUF_INIT;
	struct tmpl *t;
	const char *path;

	if (tmpl_parse(&run->a, l->name, lo->path, strlen(lo->path), run->d,
	    &t) != 0 || tmpl_render(t, view, &topts, NULL, &run->a, &b,
	    run->d) != 0) {
		buf_release(&b);
		return NULL;
	}
	if (b.len == 0 || b.ptr[0] == '/' || strstr(b.ptr, "..") != NULL) {
		diag_error(run->d, &lo->pos, "output path '%s' must be "
		    "relative and inside the output directory", b.ptr);
		buf_release(&b);
		return NULL;
	}
	if (run->o->out_dir != NULL)
		path = arena_strdup(&run->a, run->o->out_dir);
	else
		path = "";
	{
		struct buf full = BUF_INIT;

		buf_addf(&full, "%s%s%s", path, *path ? "/" : "", b.ptr);
		path = arena_strndup(&run->a, full.ptr, full.len);
		buf_release(&full);
	}
	buf_release(&b);
	return path;
}

/* The do-not-edit line, in the language's comment form. */
static void
add_header(struct buf *b, const struct lang *l, const char *notice)
{
	size_t n = strlen(notice);

	buf_adds(b, l->header_prefix);
	if (l->header_string)
		escape_by(b, l->escape, l->escape_table, notice, n);
	else
		escape_comment_by(b, l->escape, l->escape_table, notice, n);
	buf_adds(b, l->header_suffix);
	buf_addc(b, '\n');
}

/*
 * A whole rendered output, when it is not streamed (see render_body):
 * standard output collects every file, and -o and --check wait, since
 * finish() may still refuse the run.
 */
static int
queue(struct run *run, const char *path, char *text, size_t len)
{
	run->nfiles++;
	if (run->o->out_dir == NULL && run->o->output == NULL) {
		buf_add(&run->stdout_buf, text, len);
		free(text);
		return 0;
	}
	output_add(&run->out, run->o->output ? run->o->output : path, text,
	    len);
	return 0;
}

/* Whether outputs go to files under --out, each settled as it renders. */
static bool
is_streamed(const struct run *run)
{
	return run->o->out_dir != NULL && run->o->output == NULL &&
	    !run->o->check;
}

/* A buf_sink's write, to an output writer. */
static void
feed(void *ctx, const char *p, size_t n)
{
	output_feed(ctx, p, n);
}

/*
 * Under --out the output streams into its writer as it renders (see
 * output_writer), so memory does not grow with the output; the header
 * goes in before the sink is set, since the comment escaper looks
 * back further than a streaming buffer allows.  The other modes keep
 * the whole text for queue().
 */
static int
render_body(struct run *run, const struct lang *l, const struct tmpl *t,
    const struct value *view, const char *path)
{
	struct tmpl_opts topts = { l->escape, true, MAX_OUTPUT,
	    l->escape_table };
	struct tmpl_loader loader = lang_loader(l);
	struct output_writer w;
	struct buf_sink sink = BUF_SINK_INIT(feed, &w);
	struct buf b = BUF_INIT;
	char *body;
	size_t len;

	add_header(&b, l, value_get(value_get(view, "gen"), "notice")->str);
	if (!is_streamed(run)) {
		if (tmpl_render(t, view, &topts, &loader, &run->view, &b,
		    run->d) != 0) {
			buf_release(&b);
			return -1;
		}
		body = buf_detach(&b, &len);
		return queue(run, path, body, len);
	}
	run->nfiles++;
	output_begin(&run->out, path, &w);
	buf_stream(&b, &sink);
	if (tmpl_render(t, view, &topts, &loader, &run->view, &b,
	    run->d) != 0) {
		buf_release(&b);
		output_abort(&w);
		return -1;
	}
	buf_flush(&b);
	buf_release(&b);
	return output_finish(&w, run->d);
}

/*
 * The view lives in an arena of its own, emptied as soon as the output
 * is rendered, and the next view reuses its blocks.  A view holds an
 * index per list of statuses (a status's own view is made while it is
 * rendered, see ctx.h), so it grows with the registry, if slowly.  The
 * body is rendered straight after the header, into one buffer.
 */
static int
emit(struct run *run, const struct lang *l, const struct lang_output *lo,
    const struct tmpl *t, size_t locale)
{
	const struct value *view;
	const char *path;
	int rc = -1;

	run->copts.locale = locale;
	view = ctx_build(&run->view, run->r, &run->copts);
	path = output_path(run, l, lo, view);
	if (path != NULL)
		rc = render_body(run, l, t, view, path);
	arena_reset(&run->view);
	return rc;
}

static int
run_lang(struct run *run, const char *name, size_t locale)
{
	const char *path, *text;
	struct lang *l;
	struct tmpl *t;
	size_t i, k, len;
	int rc;

	if (lang_load(&run->src, name, run->d, &l) != 0)
		return -1;
	run->copts.lang = l->name;
	run->copts.ident_case = l->ident_case;
	for (i = 0; i < l->noutputs; i++) {
		const struct lang_output *lo = &l->outputs[i];

		rc = lang_read(l, lo->template, &path, &text, &len, run->d);
		if (rc > 0)
			diag_error(run->d, &lo->pos, "template '%s' not found",
			    lo->template);
		if (rc != 0 || tmpl_parse(&run->a, path, text, len, run->d,
		    &t) != 0)
			return -1;
		if (!lo->per_locale || run->o->out_dir == NULL ||
		    run->o->locale != NULL) {
			if (emit(run, l, lo, t, locale) != 0)
				return -1;
			continue;
		}
		for (k = 0; k < run->r->nlocales; k++)
			if (emit(run, l, lo, t, k) != 0)
				return -1;
	}
	return 0;
}

static void
add_make_path(struct buf *b, const char *p)
{
	buf_addc(b, ' ');
	for (; *p != '\0'; p++) {
		if (*p == ' ' || *p == '#' || *p == '\\')
			buf_addc(b, '\\');
		else if (*p == '$')
			buf_addc(b, '$');
		buf_addc(b, *p);
	}
}

/* A Make/Ninja depfile: the outputs depend on every file read from disk. */
static void
queue_depfile(struct run *run)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < run->out.n; i++)
		add_make_path(&b, run->out.items[i].path);
	buf_addc(&b, ':');
	if (run->o->data != NULL)
		add_make_path(&b, run->o->data);
	for (i = 0; i < run->src.ndeps; i++)
		add_make_path(&b, run->src.deps[i]);
	buf_addc(&b, '\n');
	/* Drop the leading space before the first target. */
	memmove(b.ptr, b.ptr + 1, b.len);
	b.len--;
	{
		size_t len;
		char *text = buf_detach(&b, &len);

		output_add(&run->out, run->o->depfile, text, len);
	}
}

static int
finish(struct run *run)
{
	size_t len;
	char *text;

	if (run->o->out_dir == NULL && run->o->output == NULL) {
		text = buf_detach(&run->stdout_buf, &len);
		output_add(&run->out, "-", text, len);
	} else if (run->o->output != NULL && run->nfiles > 1) {
		diag_fail(run->d, DIAG_USAGE, "-o takes one output, but these "
		    "languages produce %zu files; use --out DIR", run->nfiles);
		return -1;
	}
	if (run->o->check)
		return output_check(&run->out, run->d);
	if (run->o->depfile != NULL)
		queue_depfile(run);
	return output_commit(&run->out, run->d);
}

static void
run_init(struct run *run, const struct gen_opts *o, struct diag *d)
{
	struct arena zero = ARENA_INIT;
	struct output_set none = OUTPUT_SET_INIT;

	memset(run, 0, sizeof(*run));
	run->o = o;
	run->d = d;
	run->a = zero;
	run->view = zero;
	run->out = none;
	buf_init(&run->stdout_buf);
	run->src.a = &run->a;
	run->src.user_dir = o->templates;
}

static void
run_release(struct run *run)
{
	output_set_release(&run->out);
	buf_release(&run->stdout_buf);
	arena_release(&run->view);
	arena_release(&run->a);
}

int
generate_run(const struct gen_opts *o, struct diag *d)
{
	struct run run;
	size_t i, locale;
	int rc = -1;

	run_init(&run, o, d);
	if (load_registry(&run) != 0 || resolve_locale(&run) != 0 ||
	    resolve_sets(&run) != 0 || resolve_prefix(&run) != 0)
		goto out;
	/* A per-locale output moves copts.locale; later languages must not. */
	locale = run.copts.locale;
	for (i = 0; i < o->nlangs; i++)
		if (run_lang(&run, o->langs[i], locale) != 0)
			goto out;
	rc = finish(&run);
out:
	run_release(&run);
	return rc;
}

int
generate_list_langs(const struct gen_opts *o, struct diag *d)
{
	struct run run;
	const char **names;
	struct lang *l;
	size_t i, n;
	int rc = 0;

	run_init(&run, o, d);
	lang_names(&run.src, &names, &n);
	for (i = 0; i < n; i++) {
		if (lang_load(&run.src, names[i], d, &l) != 0) {
			rc = -1;
			continue;
		}
		printf("%-12s %s\n", l->name, l->description);
	}
	run_release(&run);
	return rc;
}

int
generate_list_locales(const struct gen_opts *o, struct diag *d)
{
	struct run run;
	size_t i;
	int rc = -1;

	run_init(&run, o, d);
	if (load_registry(&run) == 0) {
		for (i = 0; i < run.r->nlocales; i++)
			printf("%s\n", run.r->locales[i]);
		rc = 0;
	}
	run_release(&run);
	return rc;
}

/* Partials for `gen render`: DIR/NAME.mustache. */
struct dir_loader {
	struct arena *a;
	const char *dir;
	size_t max;
};

static int
find_in_dir(void *ctx, const char *name, const char **path,
    const char **text, size_t *len, struct diag *d)
{
	struct dir_loader *dl = ctx;
	struct buf b = BUF_INIT;
	const char *p;
	int rc;

	if (name[0] == '\0' || name[0] == '/' || strstr(name, "..") != NULL)
		return 1;
	buf_addf(&b, "%s/%s.mustache", dl->dir, name);
	p = arena_strndup(dl->a, b.ptr, b.len);
	buf_release(&b);
	rc = file_read(dl->a, p, dl->max, true, d, text, len);
	if (rc == 0)
		*path = p;
	return rc;
}

int
render_run(const struct gen_opts *o, struct diag *d)
{
	struct tmpl_opts topts = { ESCAPE_HTML, o->strict, MAX_OUTPUT,
	    NULL };
	struct dir_loader dl;
	struct tmpl_loader loader;
	struct value *root;
	struct tmpl *t;
	const char *text;
	size_t len;
	struct run run;
	char *copy, *out;
	int rc = -1;

	run_init(&run, o, d);
	if (o->escape != NULL && escape_parse(o->escape, &topts.escape) != 0) {
		diag_fail(d, DIAG_USAGE, "unknown escape mode '%s' (use html, "
		    "none, c, python, go or markdown)", o->escape);
		goto out;
	}
	copy = arena_strdup(&run.a, o->template);
	dl.a = &run.a;
	dl.dir = o->partials ? o->partials : arena_strdup(&run.a, dirname(copy));
	dl.max = o->limits.max_bytes;
	loader.find = find_in_dir;
	loader.ctx = &dl;
	root = value_null(&run.a);
	if ((o->data != NULL &&
	    load_file(&run.a, o->data, &o->limits, d, &root) != 0) ||
	    file_read(&run.a, o->template, o->limits.max_bytes, false, d,
	    &text, &len) != 0 ||
	    tmpl_parse(&run.a, o->template, text, len, d, &t) != 0 ||
	    tmpl_render(t, root, &topts, &loader, &run.a, &run.stdout_buf,
	    d) != 0)
		goto out;
	out = buf_detach(&run.stdout_buf, &len);
	output_add(&run.out, o->output ? o->output : "-", out, len);
	rc = o->check ? output_check(&run.out, d) : output_commit(&run.out, d);
out:
	run_release(&run);
	return rc;
}
