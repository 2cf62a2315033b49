#include "load.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "load_int.h"
#include "run/pool.h"
#include "base/xmalloc.h"

/*
 * Loading a big file in pieces.  libyaml parses a stream on one thread,
 * and at 100k statuses the parse is most of gen's run, while the
 * statuses list is nearly all of the file.  So once that list opens,
 * the rest of the file is cut at items into pieces; each later piece is
 * parsed on a thread of its own as a document whose root is the list,
 * and the first, with everything before the list, on the calling
 * thread as usual.
 *
 * A cut is a guess: the start of a line that holds the list's
 * indentation and "- ".  It is right when the text before it, parsed
 * alone, ends the list exactly at its end, without an error: the line
 * is then where the whole parse takes the list's next item.  A cut
 * inside a quoted scalar or a flow collection leaves it open at the
 * end, an error; inside a block or plain scalar, the line ends the
 * scalar in the whole parse as the end of the text does alone.  The
 * text of each later piece must then parse as a block list at the same
 * column, without a message, and start at the line where the one
 * before it ended by libyaml's count.  A %TAG directive would give the
 * pieces other tags, so a document with a directive is loaded whole.
 *
 * Whenever something is not so, the pieces are dropped and the caller
 * loads the file in one piece (LOAD_AGAIN): pieces are kept only when
 * none reported anything, so the loader's messages are always those of
 * the whole load, and the model's checks see the same positions.
 */

/* How far past where it is wanted a cut is looked for. */
#define CUT_WINDOW	(64 * 1024)

/* Reading the text before a piece to count its lines. */
#define COUNT_CHUNK	(256 * 1024)

/*
 * A later piece starts late: it first reads the text before it to
 * count its lines.  At 100k statuses on two processors, cut in equal
 * halves, the second piece ended 12 ms after the first (7 to 16 in 12
 * runs) while that thread waited; counting the text came to about a
 * 32nd of parsing it, and with the cut moved by that, the two ended
 * within 1 ms on average (sd 3).  See want_cuts.
 */
#define LATE_SHARE	32

struct piece {
	struct split *s;
	off_t start, end;	/* the piece's text in the file */
	off_t at;		/* how far it has been read */
	struct arena a;
	struct diag d;
	struct load_stream stream;
	struct loader l;
	int rc;
	bool started;
	pthread_t tid;
};

struct split {
	int fd;
	off_t size;
	size_t jobs;
	off_t piece_min;
	struct load_limits lim;	/* a later piece's */
	struct piece pieces[POOL_MAX_THREADS - 1];
	size_t n;		/* later pieces in use */
	bool failed;		/* a thread did not start */
};

/* pread(2), restarted when interrupted. */
static ssize_t
read_at(int fd, void *buf, size_t n, off_t at)
{
	ssize_t got;

	do
		got = pread(fd, buf, n, at);
	while (got < 0 && errno == EINTR);
	return got;
}

/*
 * The first line at or after `want` (and past `after`) that starts
 * with col blanks and "- ", or -1.
 */
static off_t
find_cut(const struct split *s, off_t want, off_t after, size_t col)
{
	static const size_t room = CUT_WINDOW + 1;
	char *buf = xmalloc(room);
	ssize_t got = read_at(s->fd, buf, room, want - 1);
	off_t cut = -1;
	const char *p, *end;
	size_t i;

	end = got > 0 ? buf + got : buf;
	for (p = buf; p < end &&
	    (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
		if ((size_t)(end - p) < col + 3)
			break;
		for (i = 1; i <= col && p[i] == ' '; i++)
			continue;
		if (i == col + 1 && p[i] == '-' && p[i + 1] == ' ') {
			cut = want + (p - buf);
			break;
		}
	}
	free(buf);
	return cut > after && cut < s->size ? cut : -1;
}

/* libyaml's read handler for a later piece. */
static int
read_piece(void *data, unsigned char *buf, size_t size, size_t *nread)
{
	struct piece *pc = data;
	ssize_t got;

	if ((off_t)size > pc->end - pc->at)
		size = (size_t)(pc->end - pc->at);
	got = size ? read_at(pc->s->fd, buf, size, pc->at) : 0;
	/* An error or a NUL fails the piece; the whole load explains. */
	if (got < 0 || memchr(buf, '\0', (size_t)got) != NULL)
		return 0;
	pc->at += got;
	*nread = (size_t)got;
	return 1;
}

/*
 * Line breaks before the piece, as "\n"s.  libyaml also takes a lone CR
 * and a few Unicode breaks for one; then the count disagrees with where
 * the previous piece ended, and the load is done again whole.
 */
static int
count_lines(struct piece *pc, size_t *lines)
{
	char *buf = xmalloc(COUNT_CHUNK);
	off_t at = 0;
	ssize_t got = 0;
	const char *p, *end;

	*lines = 0;
	while (at < pc->start) {
		got = read_at(pc->s->fd, buf, pc->start - at < COUNT_CHUNK ?
		    (size_t)(pc->start - at) : COUNT_CHUNK, at);
		if (got <= 0)
			break;
		end = buf + got;
		for (p = buf; (p = memchr(p, '\n', (size_t)(end - p))) != NULL;
		    p++)
			(*lines)++;
		at += got;
	}
	free(buf);
	return at == pc->start ? 0 : -1;
}

static void *
run_piece(void *arg)
{
	struct piece *pc = arg;
	struct value *root;
	yaml_parser_t p;

	pc->rc = -1;
	if (count_lines(pc, &pc->l.line_base) != 0 ||
	    loader_start(&pc->l, &p) != 0)
		return NULL;
	yaml_parser_set_input(&p, read_piece, pc);
	pc->rc = loader_finish(&pc->l, &p, 0, &root);
	return NULL;
}

static void
start_piece(struct split *s, const struct loader *first, off_t start,
    off_t end)
{
	struct piece *pc = &s->pieces[s->n++];
	const struct load_stream *st = first->stream;

	memset(pc, 0, sizeof(*pc));
	pc->s = s;
	pc->start = pc->at = start;
	pc->end = end;
	diag_init(&pc->d);
	pc->stream = *st;
	pc->stream.ctx = st->fork(st->ctx, &pc->a, &pc->d);
	loader_init(&pc->l, &pc->a, first->path, &s->lim, &pc->stream,
	    &pc->d);
	pc->l.piece = true;
	pc->l.col = first->col;
	if (s->failed || pthread_create(&pc->tid, NULL, run_piece, pc) != 0)
		s->failed = true;
	else
		pc->started = true;
}

/*
 * The ends of k pieces from `from` on, the first t bytes long and each
 * later one shorter by a LATE_SHARE-th of where it starts, so that all
 * take as long; returns the last end.
 */
static double
piece_ends(double from, double t, size_t k, double *ends)
{
	double at = from + t;
	size_t i;

	for (i = 0; i < k; i++) {
		if (i > 0)
			at += t - at / LATE_SHARE;
		ends[i] = at;
	}
	return at;
}

/*
 * Where cuts are wanted for k pieces of [from, size) that end together:
 * the last end is affine in the first piece's length t, so two trials
 * give the t that ends at size.  Pieces too short for that (many
 * processors) share the text evenly instead.
 */
static void
want_cuts(off_t from, off_t size, size_t k, off_t *want)
{
	double ends[POOL_MAX_THREADS], e0, e1, t;
	size_t i;
	bool even = false;

	if (k < 2)
		return;
	e0 = piece_ends((double)from, 0, k, ends);
	e1 = piece_ends((double)from, 1, k, ends);
	t = ((double)size - e0) / (e1 - e0);
	piece_ends((double)from, t, k, ends);
	for (i = 1; i < k; i++)
		even = even || ends[i] - ends[i - 1] <
		    (double)(size - from) / (double)(4 * k);
	for (i = 1; i < k; i++)
		want[i] = even ? from + (size - from) / (off_t)k * (off_t)i :
		    (off_t)ends[i - 1];
}

void
split_cut(struct loader *l, const yaml_event_t *ev)
{
	struct split *s = l->split;
	off_t from, cut, cuts[POOL_MAX_THREADS], want[POOL_MAX_THREADS];
	size_t k, i, n = 0;

	if (l->directives || l->d->errors != 0 || l->src == NULL ||
	    l->lim.max_depth < 3 ||
	    ev->data.sequence_start.style != YAML_BLOCK_SEQUENCE_STYLE)
		return;
	/* What libyaml already has belongs to the first piece. */
	from = l->src->start + (off_t)l->src->total;
	k = s->jobs < POOL_MAX_THREADS ? s->jobs : POOL_MAX_THREADS;
	if ((off_t)k > (s->size - from) / s->piece_min)
		k = (size_t)((s->size - from) / s->piece_min);
	want_cuts(from, s->size, k, want);
	for (i = 1; i < k; i++) {
		cut = find_cut(s, want[i], n ? cuts[n - 1] : from,
		    ev->start_mark.column);
		if (cut >= 0)
			cuts[n++] = cut;
	}
	if (n == 0)
		return;
	l->col = ev->start_mark.column;
	s->lim = l->lim;
	s->lim.max_depth--;	/* the list is the root of a piece */
	for (i = 0; i < n; i++)
		start_piece(s, l, cuts[i], i + 1 < n ? cuts[i + 1] : s->size);
	l->src->end = cuts[0];
}

static bool
same_mark(const yaml_mark_t *a, const yaml_mark_t *b)
{
	return a->line == b->line && a->column == b->column;
}

/*
 * Waits for the later pieces and keeps them when the cuts were right
 * and every piece loaded cleanly; else drops them.  rc is the first
 * piece's load.
 */
static int
join_pieces(struct split *s, const struct loader *first, int rc)
{
	const struct load_stream *st = first->stream;
	size_t i, lines = first->stream_end.line, nodes = first->nodes;
	bool fit = rc == 0 && !s->failed && first->d->n == 0 &&
	    same_mark(&first->list_end, &first->stream_end);
	struct piece *pc;

	for (i = 0; i < s->n; i++)
		if (s->pieces[i].started)
			pthread_join(s->pieces[i].tid, NULL);
	for (i = 0; i < s->n; i++) {
		pc = &s->pieces[i];
		fit = fit && pc->rc == 0 && pc->d.n == 0 &&
		    pc->l.line_base == lines;
		if (i + 1 < s->n)
			fit = fit && same_mark(&pc->l.list_end,
			    &pc->l.stream_end);
		lines += pc->l.stream_end.line;
		/* A piece counts its list, which the whole counts once. */
		nodes += pc->l.nodes - 1;
	}
	fit = fit && nodes <= first->lim.max_nodes;
	for (i = 0; i < s->n; i++) {
		pc = &s->pieces[i];
		st->join(st->ctx, pc->stream.ctx, fit);
		if (fit)
			arena_adopt(first->a, &pc->a);
		else
			arena_release(&pc->a);
		diag_release(&pc->d);
	}
	return fit ? rc : LOAD_AGAIN;
}

bool
split_fits(struct split *s, int fd, const struct stat *st)
{
	s->fd = fd;
	s->size = st->st_size;
	return (uintmax_t)st->st_size / 2 >= (uintmax_t)s->piece_min;
}

int
split_join(const struct loader *first, int rc)
{
	return first->split->n > 0 ? join_pieces(first->split, first, rc) :
	    rc;
}

int
load_file_split(struct arena *a, const char *path,
    const struct load_limits *lim, const struct load_stream *stream,
    size_t jobs, size_t piece_min, struct diag *d, struct value **out)
{
	struct split *s;
	int rc;

	if (jobs < 2 || piece_min == 0 || stream == NULL ||
	    stream->fork == NULL || stream->join == NULL)
		return load_file_streamed(a, path, lim, stream, d, out);
	s = xcalloc(1, sizeof(*s));
	s->jobs = jobs;
	s->piece_min = (off_t)piece_min;
	rc = load_path(a, path, lim, stream, s, d, out);
	free(s);
	return rc;
}
