#include "run.h"

#include <errno.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "out/output.h"

#define EMBEDDED_DATA	"data/http_status.yaml"

void
run_base_init(struct run_base *b, const struct gen_opts *o, struct diag *d)
{
	*b = (struct run_base){ .o = o, .d = d, .a = ARENA_INIT,
	    .spare = ARENA_INIT, .keys = keys_new() };
}

void
run_base_release(struct run_base *b)
{
	arena_release(&b->a);
	arena_release(&b->spare);
	keys_free(b->keys);
	free(b->deps);
}

const char *
run_printf(struct arena *a, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	const char *s;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	s = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

/*
 * The data path as outputs name it: ./data/x.yaml as data/x.yaml, so
 * both give the same bytes, and an absolute path as its file's name.
 */
static const char *
display_path(struct arena *a, const char *path)
{
	const char *p = path;
	char *s, *w;

	if (path[0] == '/')
		return strrchr(path, '/') + 1;
	s = w = arena_strdup(a, path);
	for (; *p != '\0'; p++) {
		if (w > s && w[-1] != '/')
			*w++ = *p;
		else if (*p == '.' && (p[1] == '/' || p[1] == '\0'))
			p += p[1] != '\0';
		else if (*p != '/')
			*w++ = *p;
	}
	*w = '\0';
	return s;
}

int
run_load(struct run_base *b)
{
	const char *path = b->o->data ? b->o->data : EMBEDDED_DATA;
	const struct embed_file *e = embed_find(EMBEDDED_DATA);
	struct load_to to = { &b->spare, &b->a, b->keys };
	const struct value *root;
	int rc;

	/* A directory opens, and fails only when read: 66, not 74. */
	if (b->o->data != NULL && file_is_dir(path)) {
		diag_sys(b->d, DIAG_NOINPUT, path, EISDIR);
		return -1;
	}
	rc = b->o->data != NULL ?
	    load_file(&to, path, &b->o->limits, b->d, &root) :
	    load_yaml(&to, path, e->data, e->len, &b->o->limits, b->d, &root);
	if (rc == 0)
		rc = model_build(&b->a, path, root, b->d, &b->r);
	/* The checks need the model alone; the tree's memory goes to views. */
	arena_reset(&b->spare);
	if (rc == 0)
		rc = model_check(&b->a, b->r, b->d);
	if (rc == 0)
		b->data_path = display_path(&b->a, path);
	return rc;
}

int
generate_list(const struct gen_opts *o, enum gen_list what, struct diag *d)
{
	struct run_base b;
	const char **names;
	struct lang *l;
	size_t i, n;
	int rc = 0;

	run_base_init(&b, o, d);
	if (what == LIST_LANGS) {
		lang_names(&b, &names, &n);
		for (i = 0; i < n; i++)
			if (lang_load(&b, names[i], &l) != 0)
				rc = -1;
			else
				printf("%-12s %s\n", l->name, l->description);
	} else if ((rc = run_load(&b)) == 0) {
		n = what == LIST_SETS ? b.r->nsets : b.r->nlocales;
		for (i = 0; i < n; i++)
			printf("%s\n", what == LIST_SETS ? b.r->sets[i].id :
			    b.r->locales[i]);
	}
	run_base_release(&b);
	return rc;
}

/* Partials for `gen render`: DIR/NAME.mustache, parsed when needed. */
struct dir_loader {
	const struct run_base *b;
	const char *dir;
};

static int
find_in_dir(void *ctx, const char *name, struct arena *a, struct diag *d,
    const struct tmpl **out)
{
	struct dir_loader *dl = ctx;
	const char *p, *text;
	struct tmpl *t;
	size_t len;
	int rc;

	*out = NULL;
	if (name[0] == '\0' || name[0] == '/' || strstr(name, "..") != NULL)
		return 0;
	p = run_printf(a, "%s/%s.mustache", dl->dir, name);
	rc = file_read(a, p, dl->b->o->limits.max_bytes, true, d, &text, &len);
	if (rc != 0)
		return rc > 0 ? 0 : -1;
	if (tmpl_parse(a, dl->b->keys, p, text, len, d, &t) != 0)
		return TMPL_BAD;
	*out = t;
	return 0;
}

int
render_run(const struct gen_opts *o, struct diag *d)
{
	struct tmpl_opts topts = { ESCAPE_HTML, o->strict, RUN_MAX_OUTPUT,
	    NULL };
	struct run_base b;
	struct load_to to = { &b.a, &b.a, NULL };
	struct dir_loader dl = { &b, o->partials };
	struct tmpl_loader loader = { find_in_dir, &dl };
	const struct value *root = &value_null_v;
	struct output_set out;
	struct buf buf = BUF_INIT;
	const char *text;
	struct tmpl *t;
	size_t len;
	char *s;
	int rc = -1;

	run_base_init(&b, o, d);
	to.keys = b.keys;
	if (dl.dir == NULL)
		dl.dir = arena_strdup(&b.a, dirname(arena_strdup(&b.a,
		    o->operands[0])));
	output_set_init(&out);
	if (o->escape != NULL && escape_parse(o->escape, &topts.escape) != 0)
		diag_fail(d, DIAG_USAGE, "unknown escape mode '%s' (use html, "
		    "none, c, python, go or markdown)", o->escape);
	else if ((o->data == NULL ||
	    load_file(&to, o->data, &o->limits, d, &root) == 0) &&
	    file_read(&b.a, o->operands[0], o->limits.max_bytes, false, d,
	    &text, &len) == 0 &&
	    tmpl_parse(&b.a, b.keys, o->operands[0], text, len, d, &t) == 0 &&
	    tmpl_render(t, root, &topts, &loader, &b.a, &buf, d) == 0) {
		s = buf_detach(&buf, &len);
		output_add(&out, o->output ? o->output : "-", s, len);
		rc = o->check ? output_check(&out, false, d) :
		    output_commit(&out, d);
	}
	buf_release(&buf);
	output_set_release(&out);
	run_base_release(&b);
	return rc;
}
