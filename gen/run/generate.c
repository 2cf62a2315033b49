#include "generate.h"

#include <libgen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "view/view.h"
#include "embed.h"
#include "base/file.h"
#include "model/keyword.h"
#include "lang.h"
#include "model/model.h"
#include "out/output.h"
#include "pool.h"
#include "base/suggest.h"
#include "tmpl/tmpl.h"
#include "base/xmalloc.h"

#define EMBEDDED_DATA "data/http_status.yaml"

/*
 * No single output may grow past this: a template that loops without
 * bound fails with a message instead of filling the disk.  The built-in
 * templates write a few hundred kilobytes for the built-in registry.
 */
#define MAX_OUTPUT ((size_t)1 << 30)

/*
 * One output to make: planned by run_lang, rendered by render_job
 * (perhaps in a thread of its own), then taken in order by settle.
 */
struct job {
	const struct lang *l;
	const struct lang_output *lo;
	const struct tmpl *t;
	struct ctx_opts copts;		/* with this output's locale */
	char *path;			/* owned; NULL until rendered */
	struct diag d;			/* what rendering it reported */
	bool rendered;			/* render_job ran and succeeded */
	char *text;			/* unless settled at once */
	size_t len;
};

/* One run's state, shared by the steps below. */
struct run {
	const struct gen_opts *o;
	struct diag *d;
	struct arena a;
	struct lang_src src;
	struct registry *r;
	struct ctx_opts copts;
	struct output_set out;
	struct buf stdout_buf;
	size_t nfiles;
	struct job *jobs;
	size_t njobs, capjobs;
	pthread_mutex_t src_lock;	/* src and a, for partials */
	struct checker *checks;		/* run with the outputs (render_all) */
	struct model_stream *deferred;	/* its identifier checks, or NULL */
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

static size_t threads(const struct run *);

/* A model_stream for run, into a and d (see model.h). */
static struct model_stream *
new_stream(const struct run *run, struct arena *a, struct diag *d,
    bool defer)
{
	struct model_stream *ms = model_stream_new(a, d);

	model_stream_threads(ms, threads(run));
	if (defer)
		model_stream_defer(ms);
	return ms;
}

/*
 * A data file loaded in pieces on `threads` threads (load_file_split),
 * into memory and messages of its own, handed to run once it worked.
 * Returns LOAD_AGAIN when it did not, having dropped everything.  With
 * defer, the identifier checks may be left to run->deferred.
 */
static int
load_split(struct run *run, const char *path, bool defer)
{
	struct arena a = ARENA_INIT;
	struct diag d = DIAG_INIT;
	struct model_stream *ms = new_stream(run, &a, &d, defer);
	struct value *root = NULL;
	size_t pieces;
	int rc;

	/* More pieces than processors would only wait for each other. */
	pieces = threads(run) < pool_cpus() ? threads(run) : pool_cpus();
	rc = load_file_split(&a, path, &run->o->limits, model_stream_hook(ms),
	    pieces, LOAD_PIECE_MIN, &d, &root);
	if (rc == LOAD_AGAIN) {
		model_stream_finish(ms, NULL, &run->r);
		arena_release(&a);
		diag_release(&d);
		return rc;
	}
	rc = model_stream_finish(ms, rc == 0 ? root : NULL, &run->r);
	if (rc == 0 && model_stream_deferred(ms))
		run->deferred = ms;
	arena_adopt(&run->a, &a);
	diag_take(run->d, &d);
	diag_release(&d);
	return rc;
}

/*
 * Loads and checks the data; with defer, the identifier checks may be
 * left to run->deferred (see model_stream_defer).
 */
static int
load_registry(struct run *run, bool defer)
{
	const char *path = run->o->data ? run->o->data : EMBEDDED_DATA;
	struct model_stream *ms;
	const struct load_stream *hook;
	const struct embed_file *e;
	struct value *root = NULL;
	int rc;

	if (run->o->data != NULL && run->d->errors == 0 &&
	    (rc = load_split(run, path, defer)) != LOAD_AGAIN) {
		if (rc != 0)
			return -1;
		run->copts.data_path = display_path(&run->a, path);
		return 0;
	}
	ms = new_stream(run, &run->a, run->d, defer);
	hook = model_stream_hook(ms);
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
	if (model_stream_deferred(ms))
		run->deferred = ms;
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

/*
 * The output's path, rendered from its manifest template (no escaping),
 * in a string the caller frees; NULL after reporting into d.
 */
static char *
output_path(const struct run *run, const struct job *j,
    const struct value *view, struct arena *a, struct diag *d)
{
	struct tmpl_opts topts = { ESCAPE_NONE, true, MAX_OUTPUT, NULL };
	struct buf b = BUF_INIT;
	const char *dir = run->o->out_dir;
	struct tmpl *t;
	char *path;

	if (tmpl_parse(a, j->l->name, j->lo->path, strlen(j->lo->path), d,
	    &t) != 0 || tmpl_render(t, view, &topts, NULL, a, &b, d) != 0) {
		buf_release(&b);
		return NULL;
	}
	if (b.len == 0 || b.ptr[0] == '/' || strstr(b.ptr, "..") != NULL) {
		diag_error(d, &j->lo->pos, "output path '%s' must be "
		    "relative and inside the output directory", b.ptr);
		buf_release(&b);
		return NULL;
	}
	if (dir == NULL)
		return buf_detach(&b, NULL);
	path = xmalloc(strlen(dir) + 1 + b.len + 1);
	sprintf(path, "%s/%s", dir, b.ptr);
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
 * A whole rendered output, when it is not settled at once (see
 * render_one): standard output collects every file, and -o and --check
 * wait, since finish() may still refuse the run.
 */
static void
queue(struct run *run, const char *path, char *text, size_t len)
{
	if (run->o->out_dir == NULL && run->o->output == NULL) {
		buf_add(&run->stdout_buf, text, len);
		free(text);
		return;
	}
	output_add(&run->out, run->o->output ? run->o->output : path, text,
	    len);
}

/*
 * Whether outputs go to files under --out, each settled (see output.h)
 * by the thread that rendered it, in slot i for job i.
 */
static bool
settles_at_once(const struct run *run)
{
	return run->o->out_dir != NULL && run->o->output == NULL &&
	    !run->o->check;
}

/*
 * Partials are read while outputs render, perhaps in several threads
 * at once, and reading one adds to run->a and to the list of files
 * read: one at a time.
 */
struct locked_loader {
	struct run *run;
	struct tmpl_loader inner;
};

static int
find_locked(void *ctx, const char *name, const char **path,
    const char **text, size_t *len, struct diag *d)
{
	struct locked_loader *ll = ctx;
	int rc;

	pthread_mutex_lock(&ll->run->src_lock);
	rc = ll->inner.find(ll->inner.ctx, name, path, text, len, d);
	pthread_mutex_unlock(&ll->run->src_lock);
	return rc;
}

/*
 * Renders job i, in arena a, and reports into its own diag: the
 * outputs of a run may render at once (see pool.h), and what each
 * reports is kept apart until settle() takes them in order.  Under
 * --out the output is settled here, so that its bytes are freed at
 * once and its fsync overlaps the other outputs' rendering; the other
 * modes keep the whole text for queue().
 */
static bool
render_one(struct run *run, struct job *j, size_t i, struct arena *a)
{
	const struct lang *l = j->l;
	struct tmpl_opts topts = { l->escape, true, MAX_OUTPUT,
	    l->escape_table };
	struct locked_loader ll = { run, lang_loader(l) };
	struct tmpl_loader loader = { find_locked, &ll };
	struct buf b = BUF_INIT;
	const struct value *view;
	int rc;

	view = ctx_build(a, run->r, &j->copts);
	if ((j->path = output_path(run, j, view, a, &j->d)) == NULL)
		return false;
	add_header(&b, l, value_get(value_get(view, "gen"), "notice")->str);
	rc = tmpl_render(j->t, view, &topts, &loader, a, &b, &j->d);
	if (rc == 0 && settles_at_once(run))
		rc = output_settle(&run->out, i, j->path, b.ptr, b.len, &j->d);
	else if (rc == 0)
		j->text = buf_detach(&b, &j->len);
	buf_release(&b);
	return rc == 0;
}

/* A pool task (see pool.h): job i, in an arena that goes with it. */
static bool
render_job(void *ctx, size_t i)
{
	struct run *run = ctx;
	struct job *j = &run->jobs[i];
	struct arena a = ARENA_INIT;

	j->rendered = render_one(run, j, i, &a);
	arena_release(&a);
	return j->rendered;
}

/*
 * Takes the rendered outputs in order: the first that failed reports
 * what it reported, as if the outputs had rendered one by one and the
 * run had stopped there, and the outputs after it are dropped.
 */
static int
settle(struct run *run)
{
	struct job *j;
	size_t i;
	int rc = 0;

	for (i = 0; i < run->njobs; i++) {
		j = &run->jobs[i];
		if (rc != 0 || !j->rendered) {
			if (rc == 0)
				diag_take(run->d, &j->d);
			rc = -1;
			continue;
		}
		run->nfiles++;
		if (!settles_at_once(run))
			queue(run, j->path, j->text, j->len);
		j->text = NULL;
	}
	return rc;
}

/* How many threads render: --jobs, or one per processor. */
static size_t
threads(const struct run *run)
{
	return run->o->jobs != 0 ? run->o->jobs : pool_cpus();
}

static struct job *
add_job(struct run *run)
{
	struct job *j;

	if (run->njobs == run->capjobs) {
		run->capjobs = run->capjobs ? xmul(run->capjobs, 2) : 8;
		run->jobs = xrealloc(run->jobs,
		    xmul(run->capjobs, sizeof(*run->jobs)));
	}
	j = &run->jobs[run->njobs++];
	memset(j, 0, sizeof(*j));
	diag_init(&j->d);
	return j;
}

/* Plans lang's outputs: one job each, or one per locale under --out. */
static int
run_lang(struct run *run, const char *name, size_t locale)
{
	const char *path, *text;
	struct lang *l;
	struct tmpl *t;
	struct job *j;
	size_t i, k, n, len;
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
		n = lo->per_locale && run->o->out_dir != NULL &&
		    run->o->locale == NULL ? run->r->nlocales : 1;
		for (k = 0; k < n; k++) {
			j = add_job(run);
			j->l = l;
			j->lo = lo;
			j->t = t;
			j->copts = run->copts;
			j->copts.locale = n > 1 ? k : locale;
		}
	}
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
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

/* Whether an output before item i has its path (a language given twice). */
static bool
is_repeat(const struct output_set *set, size_t i)
{
	size_t k;

	for (k = 0; k < i; k++)
		if (strcmp(set->items[k].path, set->items[i].path) == 0)
			return true;
	return false;
}

/* A Make/Ninja depfile: the outputs depend on every file read from disk. */
static void
queue_depfile(struct run *run)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < run->out.n; i++)
		if (!is_repeat(&run->out, i))
			add_make_path(&b, run->out.items[i].path);
	buf_addc(&b, ':');
	if (run->o->data != NULL)
		add_make_path(&b, run->o->data);
	/* Partials are read in whatever order the outputs render in. */
	qsort(run->src.deps, run->src.ndeps, sizeof(*run->src.deps),
	    cmp_str);
	for (i = 0; i < run->src.ndeps; i++)
		if (i == 0 || strcmp(run->src.deps[i], run->src.deps[i - 1]))
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

	memset(run, 0, sizeof(*run));
	run->o = o;
	run->d = d;
	run->a = zero;
	output_set_init(&run->out);
	pthread_mutex_init(&run->src_lock, NULL);
	buf_init(&run->stdout_buf);
	run->src.a = &run->a;
	run->src.user_dir = o->templates;
}

static void
run_release(struct run *run)
{
	size_t i;

	for (i = 0; i < run->njobs; i++) {
		free(run->jobs[i].path);
		free(run->jobs[i].text);
		diag_release(&run->jobs[i].d);
	}
	free(run->jobs);
	output_set_release(&run->out);
	buf_release(&run->stdout_buf);
	arena_release(&run->a);
	pthread_mutex_destroy(&run->src_lock);
}

/*
 * The identifier checks load_registry deferred, reporting apart (see
 * model_stream_defer).  They run as the last task of the pool that
 * renders (see render_all), or after it when it did not get to them.
 */
struct checker {
	struct model_stream *ms;	/* or NULL: nothing to check */
	struct diag d;
	int rc;
	bool ran;
};

static void
run_checks(struct checker *ck)
{
	if (!ck->ran && ck->ms != NULL)
		ck->rc = model_stream_check(ck->ms, &ck->d);
	ck->ran = true;
}

/*
 * A task of render_all's pool: job i, or, after the jobs, the checks.
 * Started first, on a thread of their own, the checks took a processor
 * from the outputs for as long as they ran; last, they fill the time
 * a thread would otherwise wait while another renders the last output.
 * At 100k statuses on two processors the run took 50 to 80 ms less.
 */
static bool
render_task(void *ctx, size_t i)
{
	struct run *run = ctx;

	if (i < run->njobs)
		return render_job(run, i);
	run_checks(run->checks);
	return true;
}

/* Plans the outputs and renders them; what fails is reported. */
static int
render_all(struct run *run)
{
	size_t i;

	if (resolve_locale(run) != 0 || resolve_sets(run) != 0 ||
	    resolve_prefix(run) != 0)
		return -1;
	for (i = 0; i < run->o->nlangs; i++)
		if (run_lang(run, run->o->langs[i], run->copts.locale) != 0)
			return -1;
	/* The set is empty until now: job i settles in slot i. */
	if (settles_at_once(run))
		output_reserve(&run->out, run->njobs);
	pool_run(run->njobs + 1, threads(run), render_task, run);
	return 0;
}

/*
 * The outputs render while the identifier checks run.  What the run
 * reports meanwhile is kept aside: had the checks run first, a failure
 * of theirs would have been the whole report, and no output written.
 */
int
generate_run(const struct gen_opts *o, struct diag *d)
{
	struct diag later = DIAG_INIT;
	struct checker ck;
	struct run run;
	bool rendered;
	int rc = -1;

	run_init(&run, o, d);
	/* With one thread, the checks run first, as the model is built. */
	if (load_registry(&run, threads(&run) > 1) != 0)
		goto out;
	ck.ms = run.deferred;
	diag_init(&ck.d);
	ck.rc = 0;
	ck.ran = false;
	run.checks = &ck;
	run.d = &later;
	rendered = render_all(&run) == 0;
	run.d = d;
	/*
	 * The pool skips the checks after an output that failed, and
	 * render_all may fail before its pool starts: they run here then.
	 */
	run_checks(&ck);
	/* Temporary files of settled outputs go with run_release. */
	if (ck.rc != 0) {
		diag_take(d, &ck.d);
	} else {
		diag_take(d, &later);
		if (rendered && settle(&run) == 0)
			rc = finish(&run);
	}
	diag_release(&ck.d);
	diag_release(&later);
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
	if (load_registry(&run, false) == 0) {
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
