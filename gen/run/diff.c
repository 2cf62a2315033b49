/*
 * gen diff: what a registry edit changes in the code made from it.  A
 * language's api.mustache lists, a line each, "CODE NAME VALUE" for
 * every name its real template writes ("-" when no status owns it;
 * NAME "~KIND" for a text, compared per code).  Both registries'
 * listings are sorted by name and merged, so a run stays linear.
 */
#include "run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"

#define API	"api.mustache"

/* A line of a listing; the strings point into the listing's text. */
struct entry {
	const char *code, *name, *value;
};

/* A registry, and each language's listing of the code made from it. */
struct side {
	struct gen_opts o;		/* the caller's, with --data its path */
	struct run_base b;
	struct view_opts vo;
	struct view_keys all;
	const struct view_base *vb;
	char **texts;			/* malloc'd, per language */
	struct entry **lists;		/* each sorted by cmp_entry */
	size_t *ns;
};

struct finding {
	int side;			/* the file: 0 OLD, 1 NEW */
	struct srcpos pos;
	bool breaking;
	size_t lang;			/* the first language's index */
	const char *langs, *msg;	/* in the diff's arena */
};

struct diff {
	struct side s[2];
	const char *const *langs;
	size_t nlangs;
	struct finding *f;
	size_t nf, capf;
	struct arena a;
};

static int
cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	/* A text is per status; a name is the same whatever its code. */
	return c != 0 || x->name[0] != '~' ? c : strcmp(x->code, y->code);
}

/* Splits text, in place, into entries sorted by cmp_entry; for free(). */
static struct entry *
parse_listing(char *p, size_t *n)
{
	struct entry *e = NULL;
	size_t cap = 0, k = 0;
	char *end, *f[3];
	int i;

	for (; *p != '\0'; p = end) {
		end = p + strcspn(p, "\n");
		if (*end != '\0')
			*end++ = '\0';
		for (i = 0; i < 3; i++) {
			f[i] = p;
			p += i < 2 ? strcspn(p, " ") : 0;
			if (i < 2 && *p != '\0')
				*p++ = '\0';
		}
		if (*f[0] == '\0')
			continue;
		e = xgrow(e, &cap, k, sizeof(*e));
		e[k++] = (struct entry){ f[0], f[1], f[2] };
	}
	qsort(e, k, sizeof(*e), cmp_entry);
	*n = k;
	return e;
}

/* The status of code that reaches code outputs, or NULL. */
static const struct status *
find_status(const struct registry *r, const char *code)
{
	long long c = strtoll(code, NULL, 10);
	size_t lo = 0, hi = r->nstatuses, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (r->statuses[mid].code < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; strcmp(code, "-") != 0 && lo < r->nstatuses &&
	    r->statuses[lo].code == c; lo++)
		if (!r->statuses[lo].docs_only)
			return &r->statuses[lo];
	return NULL;
}

/* Records msg at s (NULL: the top of side's file). */
static void
add(struct diff *df, int side, const struct status *s, bool breaking,
    size_t lang, const char *msg)
{
	struct finding *f;

	df->f = xgrow(df->f, &df->capf, df->nf, sizeof(*df->f));
	f = &df->f[df->nf++];
	*f = (struct finding){ side, { df->s[side].b.r->path, 1, 1 },
	    breaking, lang, df->langs[lang], msg };
	if (s != NULL)
		f->pos = s->pos;
}

static void
gone(struct diff *df, size_t li, const struct entry *e)
{
	const struct status *now = find_status(df->s[1].b.r, e->code);
	const struct status *was = find_status(df->s[0].b.r, e->code);

	if (e->name[0] == '~')
		return;
	if (now != NULL)
		add(df, 1, now, true, li, run_printf(&df->a,
		    "%s removed (id is now '%s')", e->name, now->id));
	else
		add(df, 0, was, true, li, run_printf(&df->a, "%s removed%s%s%s",
		    e->name, was ? " (status " : "", was ? e->code : "",
		    was ? " removed)" : ""));
}

/* Compares language li's listings: both are sorted by cmp_entry. */
static void
compare(struct diff *df, size_t li)
{
	const struct entry *x = df->s[0].lists[li], *y = df->s[1].lists[li];
	size_t i = 0, k = 0, nx = df->s[0].ns[li], ny = df->s[1].ns[li];
	const struct status *s;
	int c;

	while (i < nx || k < ny) {
		c = i == nx ? 1 : k == ny ? -1 : cmp_entry(&x[i], &y[k]);
		if (c < 0) {
			gone(df, li, &x[i++]);
			continue;
		}
		s = find_status(df->s[1].b.r, y[k].code);
		if (c > 0 && y[k].name[0] != '~')
			add(df, 1, s, false, li, run_printf(&df->a,
			    "%s added", y[k].name));
		else if (c == 0 && strcmp(x[i].value, y[k].value) != 0)
			add(df, 1, s, y[k].name[0] != '~', li, y[k].name[0] ==
			    '~' ? run_printf(&df->a, "%s of %s changed",
			    y[k].name + 1, y[k].code) : run_printf(&df->a,
			    "%s now %s, was %s", y[k].name, y[k].value,
			    x[i].value));
		i += c == 0;
		k++;
	}
}

/* Renders language name's listing of s's registry into *out. */
static int
listing(struct side *s, const char *name, char **out)
{
	struct run_base *b = &s->b;
	struct view_keys *vk = arena_alloc(&b->a, sizeof(*vk));
	struct view_opts vo = s->vo;
	struct buf buf = BUF_INIT;
	struct tmpl_opts to;
	const char *path, *text;
	struct lang *l;
	size_t len;
	int rc;

	if (lang_load(b, name, &l) != 0 ||
	    (rc = lang_read(l, API, &path, &text, &len)) < 0)
		return -1;
	if (rc > 0) {
		diag_fail(b->d, DIAG_USAGE, "language '%s' has no %s to "
		    "compare", name, API);
		return -1;
	}
	l->outputs = arena_alloc(&b->a, sizeof(*l->outputs));
	*l->outputs = (struct lang_output){ { l->manifest, 1, 1 }, API,
	    "-", false };
	l->noutputs = 1;
	*vk = s->all;
	memset(vk->used, 0, sizeof(vk->used));
	memset(vk->first, 0, sizeof(vk->first));
	if (lang_parse(l, vk) != 0)
		return -1;
	vo.lang = l->name;
	vo.ident_case = l->ident_case;
	to = (struct tmpl_opts){ l->escape, true, RUN_MAX_OUTPUT,
	    l->escape_table };
	/* Each view goes once rendered: the listings are what stay. */
	rc = tmpl_render(l->tmpls[0], view_build(&b->spare, b->r, s->vb, &vo,
	    vk), &to, &(struct tmpl_loader){ lang_find_partial, l },
	    &b->spare, &buf, b->d);
	arena_reset(&b->spare);
	*out = buf_detach(&buf, NULL);
	return rc;
}

static int
load_side(struct diff *df, int k, const char *path, struct diag *d)
{
	struct side *s = &df->s[k];
	size_t i;

	s->o.data = path;
	run_base_init(&s->b, &s->o, d);
	s->texts = xcalloc(df->nlangs, sizeof(*s->texts));
	s->lists = xcalloc(df->nlangs, sizeof(*s->lists));
	s->ns = xcalloc(df->nlangs, sizeof(*s->ns));
	if (run_load(&s->b) != 0 || run_resolve(&s->b, &s->vo) != 0)
		return -1;
	s->vo.data_path = s->b.data_path;
	view_keys_init(&s->all, s->b.keys);
	s->vb = view_base_build(&s->b.a, s->b.r, &s->vo, &s->all);
	for (i = 0; i < df->nlangs; i++) {
		if (listing(s, df->langs[i], &s->texts[i]) != 0)
			return -1;
		s->lists[i] = parse_listing(s->texts[i], &s->ns[i]);
	}
	return 0;
}

/* Where a finding is, as one number: the file, the line, the column. */
#define PLACE(f)	((unsigned long long)(f)->side << 63 | \
    (unsigned long long)(f)->pos.line << 31 | ((f)->pos.col & 0x7fffffff))

static int
cmp_message(const struct finding *x, const struct finding *y)
{
	if (PLACE(x) != PLACE(y))
		return PLACE(x) < PLACE(y) ? -1 : 1;
	if (x->breaking != y->breaking)
		return x->breaking ? -1 : 1;
	return strcmp(x->msg, y->msg);
}

/* Order to join languages in: the same finding, then the language. */
static int
by_message(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int c = cmp_message(x, y);

	return c != 0 || x->lang == y->lang ? c : x->lang < y->lang ? -1 : 1;
}

/* Order to print in: by position, then language. */
static int
by_place(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;

	if (PLACE(x) == PLACE(y) && x->lang != y->lang)
		return x->lang < y->lang ? -1 : 1;
	return cmp_message(x, y);
}

static void
put_json(const char *key, const char *s, const char *end)
{
	printf("\"%s\": \"", key);
	for (; *s != '\0'; s++)
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\u%04x", (unsigned)*s);
		else
			putchar(*s);
	printf("\"%s", end);
}

/* Joins the languages that see one change, then prints every finding. */
static void
report(struct diff *df, bool json)
{
	struct finding *f = df->f;
	size_t i, n = 0;

	qsort(f, df->nf, sizeof(*f), by_message);
	for (i = 0; i < df->nf; i++)
		if (n > 0 && cmp_message(&f[n - 1], &f[i]) == 0)
			f[n - 1].langs = run_printf(&df->a, "%s, %s",
			    f[n - 1].langs, f[i].langs);
		else
			f[n++] = f[i];
	qsort(f, n, sizeof(*f), by_place);
	for (i = 0; i < n && !json; i++)
		printf("%s:%u:%u: %s: %s: %s\n", f[i].pos.file, f[i].pos.line,
		    f[i].pos.col, f[i].breaking ? "breaking" : "info",
		    f[i].langs, f[i].msg);
	for (i = 0; i < n && json; i++) {
		printf("%s", i == 0 ? "[\n  {" : ",\n  {");
		put_json("file", f[i].pos.file, ", ");
		printf("\"line\": %u, \"column\": %u, ", f[i].pos.line,
		    f[i].pos.col);
		put_json("level", f[i].breaking ? "breaking" : "info", ", ");
		put_json("lang", f[i].langs, ", ");
		put_json("message", f[i].msg, "}");
	}
	if (json)
		printf("%s\n", n == 0 ? "[]" : "\n]");
}

int
diff_run(const struct gen_opts *o, struct diag *d)
{
	static const char *const builtin[] = {
		"c", "python", "go", "typescript", "rust"
	};
	struct diff df = { .a = ARENA_INIT, .langs = o->langs,
	    .nlangs = o->nlangs, .s = { { .o = *o }, { .o = *o } } };
	bool json = o->format != NULL && strcmp(o->format, "json") == 0;
	size_t i, k;
	int rc = -1;

	if (o->nlangs == 0) {
		df.langs = builtin;
		df.nlangs = sizeof(builtin) / sizeof(builtin[0]);
	}
	if (o->format != NULL && !json && strcmp(o->format, "text") != 0)
		diag_fail(d, DIAG_USAGE, "unknown format '%s' (use text or "
		    "json)", o->format);
	else if (load_side(&df, 0, o->diff[0], d) == 0 &&
	    load_side(&df, 1, o->diff[1], d) == 0) {
		for (i = 0; i < df.nlangs; i++)
			compare(&df, i);
		report(&df, json);
		/* Exit 1 when something breaks, with nothing more to say. */
		for (i = 0; i < df.nf && d->fail == DIAG_OK; i++)
			if (df.f[i].breaking)
				d->fail = DIAG_STALE;
		rc = 0;
	}
	for (k = 0; k < 2; k++) {
		for (i = 0; i < df.nlangs && df.s[k].texts != NULL; i++) {
			free(df.s[k].texts[i]);
			free(df.s[k].lists[i]);
		}
		free(df.s[k].texts);
		free(df.s[k].lists);
		free(df.s[k].ns);
		if (df.s[k].b.keys != NULL)
			run_base_release(&df.s[k].b);
	}
	free(df.f);
	arena_release(&df.a);
	return rc;
}
