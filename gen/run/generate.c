#include "run.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/suggest.h"
#include "base/xmalloc.h"
#include "model/keyword.h"
#include "out/output.h"

/* One output: planned by plan_lang, rendered by render_job, then finish. */
struct job {
	const struct lang *l;
	struct output_set *out;		/* the run's */
	size_t slot;			/* in out */
	size_t output;			/* index into l->outputs */
	struct view_opts vo;		/* with this output's locale */
	const struct view_keys *vk;	/* what its templates name */
	char *path;			/* owned; NULL until rendered */
	struct diag d;			/* what rendering it reported */
	char *text;			/* the whole output */
	size_t len;
};

struct run {
	struct run_base base;
	struct view_opts vo;
	struct view_keys vk;		/* every key, interned */
	struct view_base *vb;		/* what the views share */
	struct output_set out;
	bool settles;			/* outputs settle as they render */
	struct buf text;		/* stdout's or -o's, every output */
	struct job *jobs;
	size_t njobs, capjobs;
	/* Each worker's arena for views, reused: fresh memory is dear. */
	struct arena arenas[POOL_MAX_THREADS];
};

/* --locale, and --include nginx,iis: each name must be the registry's. */
static int
resolve_view(struct run_base *b, struct view_opts *vo)
{
	const struct registry *r = b->r;
	struct arena *a = &b->a;
	const char *include = b->o->include, **sets, **names, *p, *end;
	const char *locale = b->o->locale;
	size_t n = 0, i;

	vo->locale = locale == NULL ? 0 : suggest_lookup(b->d, NULL, "locale",
	    locale, r->locales, r->nlocales);
	vo->include_all = b->o->include_all;
	if (vo->locale == r->nlocales)
		return -1;
	if (include == NULL)
		return 0;
	sets = arena_array(a, strlen(include) + 1, sizeof(*sets));
	names = arena_array(a, r->nsets + 1, sizeof(*names));
	for (i = 0; i < r->nsets; i++)
		names[i] = r->sets[i].id;
	for (p = include; *p != '\0'; p = *end ? end + 1 : end) {
		end = p + strcspn(p, ",");
		sets[n] = arena_strndup(a, p, (size_t)(end - p));
		if (suggest_lookup(b->d, NULL, "set", sets[n++], names,
		    r->nsets) == r->nsets)
			return -1;
	}
	vo->include = sets;
	vo->ninclude = n;
	return 0;
}

int
run_prepare(struct run_base *b, struct view_opts *vo, struct view_keys *vk)
{
	const char *p = b->o->c_prefix, *is = NULL, *why = "";

	if (run_load(b) != 0 || resolve_view(b, vo) != 0)
		return -1;
	vo->data_path = b->data_path;
	view_keys_init(vk, b->keys);
	if (p == NULL)
		return 0;
	if (!model_is_ident(p))
		is = "not a valid identifier (use [a-z][a-z0-9_]*)";
	else if ((why = keyword_in("c", p)) != NULL)
		is = "a keyword of ";
	else if ((why = keyword_c_reserved(p)) != NULL)
		is = "reserved in C: ";
	if (is != NULL)
		diag_fail(b->d, DIAG_USAGE, "--c-prefix '%s' is %s%s",
		    p, is, why);
	else
		b->r->c_prefix = p;
	return is != NULL ? -1 : 0;
}

/* The output's path, for free(); NULL after reporting into d. */
static char *
output_path(const struct run *run, const struct job *j,
    const struct value *view, struct arena *a, struct diag *d)
{
	const struct lang_output *lo = &j->l->outputs[j->output];
	struct tmpl_opts topts = { ESCAPE_NONE, true, RUN_MAX_OUTPUT, NULL };
	struct buf b = BUF_INIT;
	struct tmpl *t;
	size_t n;

	if (run->base.o->out_dir != NULL)
		buf_addf(&b, "%s/", run->base.o->out_dir);
	n = b.len;
	if (tmpl_parse(a, run->base.keys, j->l->name, lo->path,
	    strlen(lo->path), d, &t) == 0 &&
	    tmpl_render(t, view, &topts, NULL, a, &b, d) == 0) {
		if (b.len > n && b.ptr[n] != '/' &&
		    strstr(b.ptr + n, "..") == NULL)
			return buf_detach(&b, NULL);
		diag_error(d, &lo->pos, "output path '%s' must be relative "
		    "and inside the output directory", b.ptr + n);
	}
	buf_release(&b);
	return NULL;
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

/* A job's render buffer, past its threshold: on to the output's file. */
static void
spill(void *ctx, const char *p, size_t n)
{
	struct job *j = ctx;

	output_spill(j->out, j->slot, j->path, p, n, &j->d);
}

/* Renders job i on a worker; what it reports waits in j->d for finish. */
static bool
render_job(void *ctx, size_t i, size_t worker)
{
	struct run *run = ctx;
	struct job *j = &run->jobs[i];
	struct arena *a = &run->arenas[worker];
	const struct lang *l = j->l;
	struct tmpl_opts topts = { l->escape, true,
	    RUN_MAX_OUTPUT, l->escape_table };
	struct tmpl_loader loader = { lang_find_partial, (void *)l };
	struct buf_sink sink = BUF_SINK_INIT(spill, j);
	struct buf b = BUF_INIT;
	const struct value *view;
	bool ok = false;

	view = view_build(a, run->base.r, run->vb, &j->vo, j->vk);
	j->path = output_path(run, j, view, a, &j->d);
	if (j->path != NULL) {
		/* The comment escaper looks back further than a sink allows. */
		add_header(&b, l, view_notice(a, j->vo.data_path));
		if (run->settles)
			buf_stream(&b, &sink);
		ok = tmpl_render(l->tmpls[j->output], view, &topts, &loader,
		    a, &b, &j->d) == 0;
	}
	/* Under --out, each output is written as soon as it is whole. */
	if (ok && run->settles)
		ok = output_settle(&run->out, j->slot, j->path, b.ptr, b.len,
		    &j->d) == 0;
	else if (ok)
		j->text = buf_detach(&b, &j->len);
	buf_release(&b);
	arena_reset(a);
	return ok;
}

/* A job per output of lang (per locale under --out), with its keys. */
static int
plan_lang(struct run *run, const char *name)
{
	const struct gen_opts *o = run->base.o;
	struct view_keys *vk;
	struct lang *l;
	struct job *j;
	size_t i, k, n;

	vk = arena_alloc(&run->base.a, sizeof(*vk));
	*vk = run->vk;
	memset(vk->used, 0, sizeof(vk->used));
	memset(vk->first, 0, sizeof(vk->first));
	if (lang_load(&run->base, name, &l) != 0 || lang_parse(l, vk) != 0)
		return -1;
	for (i = 0; i < l->noutputs; i++) {
		n = l->outputs[i].per_locale && o->out_dir != NULL &&
		    o->locale == NULL ? run->base.r->nlocales : 1;
		for (k = 0; k < n; k++) {
			run->jobs = xgrow(run->jobs, &run->capjobs, run->njobs,
			    sizeof(*run->jobs));
			j = &run->jobs[run->njobs++];
			*j = (struct job){ .l = l, .out = &run->out,
			    .output = i, .vo = run->vo, .vk = vk,
			    .d = DIAG_INIT };
			j->vo.lang = l->name;
			j->vo.ident_case = l->ident_case;
			if (n > 1)
				j->vo.locale = k;
		}
	}
	return 0;
}

static void
add_make_path(struct buf *b, const char *p)
{
	if (b->len > 0)
		buf_addc(b, ' ');
	for (; *p != '\0'; p++) {
		if (strchr(" #\\$", *p) != NULL)
			buf_addc(b, *p == '$' ? '$' : '\\');
		buf_addc(b, *p);
	}
}

/* A Make/Ninja depfile: the outputs depend on every file read from disk. */
static void
queue_depfile(struct run *run)
{
	struct run_base *rb = &run->base;
	struct buf b = BUF_INIT;
	size_t i, n = lang_sort_unique(rb->deps, rb->ndeps), len;
	char *text;

	for (i = 0; i < run->out.n && rb->o->stamp == NULL; i++)
		if (run->out.items[i].path != NULL)
			add_make_path(&b, run->out.items[i].path);
	/* Make then reruns gen when an input changes, by the stamp. */
	if (rb->o->stamp != NULL)
		add_make_path(&b, rb->o->stamp);
	buf_addc(&b, ':');
	if (run->base.o->data != NULL)
		add_make_path(&b, run->base.o->data);
	for (i = 0; i < n; i++)
		add_make_path(&b, rb->deps[i]);
	buf_addc(&b, '\n');
	text = buf_detach(&b, &len);
	output_add(&run->out, run->base.o->depfile, text, len);
}

/*
 * Takes the outputs in order: the first that failed (pool_run's) reports as if
 * rendered one by one and the run stopped there; stdout and -o get all in one.
 */
static int
finish(struct run *run, size_t failed)
{
	const struct gen_opts *o = run->base.o;
	struct job *j;
	size_t i, len;
	char *text;

	if (failed < run->njobs) {
		diag_take(run->base.d, &run->jobs[failed].d);
		return -1;
	}
	for (i = 0; i < run->njobs && !run->settles; i++) {
		j = &run->jobs[i];
		if (o->out_dir != NULL) {
			output_add(&run->out, j->path, j->text, j->len);
		} else {
			buf_add(&run->text, j->text, j->len);
			free(j->text);
		}
		j->text = NULL;
	}
	if (o->output != NULL && run->njobs > 1) {
		diag_fail(run->base.d, DIAG_USAGE, "-o takes one output, but "
		    "these languages produce %zu files; use --out DIR",
		    run->njobs);
		return -1;
	}
	if (o->out_dir == NULL) {
		text = buf_detach(&run->text, &len);
		output_add(&run->out, o->output ? o->output : "-", text, len);
	}
	if (o->depfile != NULL && !o->check)
		queue_depfile(run);
	if (o->list_outputs) {
		for (i = 0; i < run->out.n; i++)
			if (run->out.items[i].path != NULL)
				printf("%s\n", run->out.items[i].path);
		return 0;
	}
	if (!o->check)
		return output_commit(&run->out, run->base.d);
	if (output_check(&run->out, o->diff, run->base.d) == 0)
		return 0;
	if (!o->diff && run->base.d->fail == DIAG_STALE)
		diag_note(run->base.d, NULL, "to regenerate, run: %s",
		    o->command);
	return -1;
}

/* Touched after a run that wrote, so that Make can depend on it alone. */
static int
touch_stamp(const char *path, struct diag *d)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
	int err = fd == -1 || futimens(fd, NULL) != 0 ? errno : 0;

	if ((fd != -1 && close(fd) != 0 && err == 0) || err != 0)
		diag_sys(d, DIAG_CANTCREAT, path, err != 0 ? err : errno);
	return diag_has_errors(d) ? -1 : 0;
}

int
generate_run(const struct gen_opts *o, struct diag *d)
{
	struct run run = { .text = BUF_INIT };
	size_t i, first, n;
	bool lookup = false;
	long cpus;
	int rc = -1;

	run_base_init(&run.base, o, d);
	output_set_init(&run.out);
	run.settles = o->out_dir != NULL && !o->check && !o->list_outputs;
	if (run_prepare(&run.base, &run.vo, &run.vk) != 0)
		goto out;
	for (i = 0; i < o->nlangs; i++)
		if (plan_lang(&run, o->langs[i]) != 0)
			goto out;
	/* What the views share, then the workers' views, reuse the tree's. */
	for (i = 0; i < run.njobs && !lookup; i++)
		lookup = run.jobs[i].vk->used[VK_LOOKUP];
	run.vb = view_base_build(&run.base.spare, run.base.r,
	    lookup ? &run.vo : NULL, &run.vk);
	/* Threads: --jobs, or one per processor; at most one per job. */
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	n = o->jobs != 0 ? o->jobs : cpus > 0 ? (size_t)cpus : 1;
	n = n < run.njobs ? n : run.njobs;
	n = n < POOL_MAX_THREADS ? n : POOL_MAX_THREADS;
	arena_deal_spare(run.arenas, n > 0 ? n : 1, &run.base.spare);
	first = output_reserve(&run.out, run.njobs);
	for (i = 0; i < run.njobs; i++)
		run.jobs[i].slot = first + i;
	rc = finish(&run, pool_run(run.njobs, n, render_job, &run));
	if (rc == 0 && o->stamp != NULL && !o->check && !o->list_outputs)
		rc = touch_stamp(o->stamp, d);
out:
	for (i = 0; i < run.njobs; i++) {
		free(run.jobs[i].path);
		free(run.jobs[i].text);
		diag_release(&run.jobs[i].d);
	}
	free(run.jobs);
	for (i = 0; i < POOL_MAX_THREADS; i++)
		arena_release(&run.arenas[i]);
	output_set_release(&run.out);
	buf_release(&run.text);
	run_base_release(&run.base);
	return rc;
}
