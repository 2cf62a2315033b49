/*
 * gen diff: what a registry edit changes in the code made from it.  Each
 * language's api.mustache lists "CODE\tNAME\tVALUE" a line for every name
 * its real template writes (CODE "-": no status owns it; NAME "~KIND of
 * CODE": a text).  Both registries' lines sort together: a name's meet.
 */
#include "run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"

#define API	"api.mustache"
#define CMP(a, b)	(((a) > (b)) - ((a) < (b)))

/* A line of a listing; the strings are in the run's arena. */
struct entry {
	const char *code, *name, *value;
	size_t lang;			/* index into diff's langs */
	int side;			/* 0 OLD, 1 NEW */
};

struct finding {
	unsigned long long place;	/* the file (OLD first), line, column */
	struct srcpos pos;
	bool breaking;
	size_t lang;			/* the first language's index */
	const char *langs, *msg;	/* in the run's arena */
};

/* Both registries, loaded into one run, with what their views share. */
struct diff {
	struct gen_opts o;		/* the caller's, with --data a path */
	struct run_base b;
	const struct registry *r[2];
	struct view_opts vo[2];
	const struct view_base *vb[2];
	struct view_keys all;
	const char *const *langs;
	struct entry *e;		/* malloc'd, as are the findings */
	struct finding *f;
	size_t nlangs, ne, cape, nf, capf;
};

/*
 * By name, language and side: -1 or 1 between the two lines of one
 * name, -2 or 2 between different names.
 */
static int
cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	c = c != 0 ? c : CMP(x->lang, y->lang);
	return c != 0 ? 2 * CMP(c, 0) : CMP(x->side, y->side);
}

/* The status code outputs show for code ("-": none), or NULL. */
static const struct status *
find_status(const struct registry *r, const char *code)
{
	const struct status *s = r->statuses;
	long long c = strtoll(code, NULL, 10);
	size_t lo = 0, hi = r->nstatuses, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s[mid].code < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* Those that share a code come after the one code outputs show. */
	return strcmp(code, "-") != 0 && lo < r->nstatuses &&
	    s[lo].code == c && !s[lo].docs_only ? &s[lo] : NULL;
}

/*
 * Records msg at s (NULL: the top of side's file).  A name's lines meet
 * in language order: the same finding as the last gets lang's name.
 */
static void
add(struct diff *df, int side, const struct status *s, bool breaking,
    size_t lang, const char *msg)
{
	struct finding f = { 0, s != NULL ? s->pos :
	    (struct srcpos){ df->r[side]->path, 1, 1 }, breaking, lang,
	    df->langs[lang], msg };
	struct finding *last = df->nf > 0 ? &df->f[df->nf - 1] : NULL;

	f.place = (unsigned long long)side << 63 |
	    (unsigned long long)f.pos.line << 31 | (f.pos.col & 0x7fffffff);
	if (last != NULL && last->place == f.place &&
	    last->breaking == breaking && strcmp(last->msg, msg) == 0) {
		last->langs = run_printf(&df->b.a, "%s, %s", last->langs,
		    f.langs);
		return;
	}
	df->f = xgrow(df->f, &df->capf, df->nf, sizeof(*df->f));
	df->f[df->nf++] = f;
}

/* A finding for each name in one registry only, or with two values. */
static void
compare(struct diff *df)
{
	struct arena *a = &df->b.a;
	const struct status *now, *was;
	const struct entry *x, *y;
	size_t i;

	for (i = 0; i < df->ne; i++) {
		x = &df->e[i];
		y = i + 1 < df->ne && cmp_entry(x, x + 1) == -1 ?
		    &df->e[++i] : NULL;
		if (y != NULL ? strcmp(x->value, y->value) == 0 :
		    x->name[0] == '~')
			continue;
		now = find_status(df->r[1], (y != NULL ? y : x)->code);
		was = find_status(df->r[0], x->code);
		if (y != NULL)
			add(df, 1, now, y->name[0] != '~', x->lang,
			    y->name[0] == '~' ? run_printf(a, "%s changed",
			    y->name + 1) : run_printf(a, "%s now %s, was %s",
			    y->name, y->value, x->value));
		else if (x->side == 1)
			add(df, 1, now, false, x->lang, run_printf(a,
			    "%s added", x->name));
		else if (now != NULL)
			add(df, 1, now, true, x->lang, run_printf(a,
			    "%s removed (id is now '%s')", x->name, now->id));
		else
			add(df, 0, was, true, x->lang, run_printf(a,
			    "%s removed%s%s%s", x->name, was ? " (status " :
			    "", was ? x->code : "", was ? " removed)" : ""));
	}
}

/* Adds the lines of language li's listing of registry k. */
static int
listing(struct diff *df, int k, size_t li)
{
	struct run_base *b = &df->b;
	struct buf buf = BUF_INIT;
	const char *path, *text;
	char *line, *name, *value, *next;
	struct lang *l;
	struct tmpl *t;
	size_t len;
	int rc;

	if (lang_load(b, df->langs[li], &l) != 0 ||
	    (rc = lang_read(l, API, &path, &text, &len)) < 0)
		return -1;
	if (rc > 0)
		diag_fail(b->d, DIAG_USAGE, "language '%s' has no %s to "
		    "compare", df->langs[li], API);
	if (rc > 0 || tmpl_parse(&b->a, b->keys, path, text, len, b->d,
	    &t) != 0)
		return -1;
	df->vo[k].lang = l->name;
	df->vo[k].ident_case = l->ident_case;
	/* Each view goes once rendered: the lines are what stay. */
	rc = tmpl_render(t, view_build(&b->spare, df->r[k], df->vb[k],
	    &df->vo[k], &df->all), &(struct tmpl_opts){ l->escape, true,
	    RUN_MAX_OUTPUT, l->escape_table }, NULL, &b->spare, &buf, b->d);
	arena_reset(&b->spare);
	for (line = strtok_r(arena_strndup(&b->a, buf.ptr, buf.len), "\n",
	    &next); line != NULL; line = strtok_r(NULL, "\n", &next)) {
		if ((name = strchr(line, '\t')) == NULL ||
		    (value = strchr(++name, '\t')) == NULL)
			continue;
		name[-1] = *value++ = '\0';
		df->e = xgrow(df->e, &df->cape, df->ne, sizeof(*df->e));
		df->e[df->ne++] = (struct entry){ line, name, value, li, k };
	}
	buf_release(&buf);
	return rc;
}

/* Loads registry k and adds its languages' lines. */
static int
load(struct diff *df, int k)
{
	struct run_base *b = &df->b;
	size_t i;

	df->o.data = df->o.operands[k];
	if (run_prepare(b, &df->vo[k], &df->all) != 0)
		return -1;
	df->r[k] = b->r;
	df->vb[k] = view_base_build(&b->a, b->r, &df->vo[k], &df->all);
	for (i = 0; i < df->nlangs; i++)
		if (listing(df, k, i) != 0)
			return -1;
	return 0;
}

/* By place, then language, breaking first, then message. */
static int
cmp_finding(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int c = CMP(x->place, y->place);

	c = c != 0 ? c : CMP(x->lang, y->lang);
	c = c != 0 ? c : CMP(y->breaking, x->breaking);
	return c != 0 ? c : strcmp(x->msg, y->msg);
}

/* s, or for JSON the inside of a JSON string of it, in arena a. */
static const char *
quote(struct arena *a, const char *s, bool json)
{
	struct buf b = BUF_INIT;

	if (!json)
		return s;
	for (; *s != '\0'; s++)
		buf_addf(&b, *s == '"' || *s == '\\' ? "\\%c" :
		    (unsigned char)*s < 0x20 ? "\\u%04x" : "%c", *s);
	s = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

int
diff_run(const struct gen_opts *o, struct diag *d)
{
	static const char *const builtin[] = { "c", "python", "go",
	    "typescript", "rust" };
	struct diff df = { .o = *o, .langs = o->nlangs != 0 ? o->langs :
	    builtin, .nlangs = o->nlangs != 0 ? o->nlangs :
	    sizeof(builtin) / sizeof(builtin[0]) };
	bool json = o->format != NULL && strcmp(o->format, "json") == 0;
	struct arena *a = &df.b.a;
	const struct finding *f;
	size_t i;
	int rc = -1;

	run_base_init(&df.b, &df.o, d);
	if (o->format != NULL && !json && strcmp(o->format, "text") != 0)
		diag_fail(d, DIAG_USAGE, "unknown format '%s' (use text or "
		    "json)", o->format);
	else if (load(&df, 0) == 0 && load(&df, 1) == 0) {
		if (df.ne > 0)	/* qsort wants a pointer even for none */
			qsort(df.e, df.ne, sizeof(*df.e), cmp_entry);
		compare(&df);
		if (df.nf > 0)
			qsort(df.f, df.nf, sizeof(*df.f), cmp_finding);
		rc = 0;
	}
	for (i = 0; rc == 0 && i < df.nf; i++) {
		f = &df.f[i];
		printf(json ? "%s\n  {\"file\": \"%s\", \"line\": %u, "
		    "\"column\": %u, \"level\": \"%s\", \"lang\": \"%s\", "
		    "\"message\": \"%s\"}" : "%s%s:%u:%u: %s: %s: %s\n",
		    json ? (i == 0 ? "[" : ",") : "", quote(a, f->pos.file,
		    json), f->pos.line, f->pos.col, f->breaking ? "breaking" :
		    "info", quote(a, f->langs, json), quote(a, f->msg, json));
		/* Exit 1, with nothing more to say. */
		if (f->breaking)
			d->fail = DIAG_STALE;
	}
	if (rc == 0 && json)
		printf("%s\n", df.nf == 0 ? "[]" : "\n]");
	run_base_release(&df.b);
	free(df.e);
	free(df.f);
	return rc;
}
