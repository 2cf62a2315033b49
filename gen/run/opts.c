#include "generate.h"

#include <stdlib.h>
#include <string.h>

/* Each failure names the argument getopt_long's caller would name. */
#define FAIL(s, arg)	((s)->bad = (arg), OPTS_BAD)

/* The value of d, if it takes one, is the next argument. */
static int
take_value(struct opts *s, const struct opts_def *d, const char *arg)
{
	if (d->has_value && s->next == s->argc && (s->missing = d) != NULL)
		return FAIL(s, arg);
	s->value = d->has_value ? s->argv[s->next++] : NULL;
	return d->id;
}

/* arg is "--name" or "--name=value". */
static int
read_long(struct opts *s, const char *arg)
{
	const char *name = arg + 2;
	size_t n = strcspn(name, "="), i;
	const struct opts_def *d, *hit = NULL;
	bool ambiguous = false;

	for (i = 0; i < s->ndefs; i++) {
		d = &s->defs[i];
		if (d->name == NULL || strncmp(d->name, name, n) != 0)
			continue;
		ambiguous = ambiguous || (hit != NULL && hit->id != d->id);
		hit = d;
		if (d->name[n] == '\0') {
			ambiguous = false;
			break;
		}
	}
	if (hit == NULL || ambiguous || (name[n] == '=' && !hit->has_value))
		return FAIL(s, arg);
	if (name[n] != '=')
		return take_value(s, hit, arg);
	s->value = name + n + 1;
	return hit->id;
}

static int
read_letter(struct opts *s)
{
	const char *arg = s->argv[s->next - 1];
	const struct opts_def *d = NULL;
	char c = *s->letters++;
	bool last = *s->letters == '\0';
	size_t i;

	for (i = 0; i < s->ndefs && d == NULL; i++)
		if (s->defs[i].letter == c)
			d = &s->defs[i];
	if (last)
		s->letters = NULL;
	/*
	 * getopt_long's caller named argv[optind - 1]; optind passes a
	 * cluster at its last letter, after the operands met so far.
	 */
	if (d == NULL && !last)
		return FAIL(s, s->noperands > 0 ?
		    s->operands[s->noperands - 1] : s->argv[s->next - 2]);
	if (d == NULL)
		return FAIL(s, arg);
	if (d->has_value && !last) {
		s->value = s->letters;
		s->letters = NULL;
		return d->id;
	}
	return take_value(s, d, arg);
}

void
opts_init(struct opts *s, const struct opts_def *defs, size_t ndefs,
    int argc, char **argv)
{
	*s = (struct opts){ .defs = defs, .ndefs = ndefs, .argc = argc,
	    .argv = argv, .operands = argv + 1, .next = 1 };
	s->in_order = getenv("POSIXLY_CORRECT") != NULL;
}

int
opts_next(struct opts *s)
{
	char *a;

	if (s->letters != NULL)
		return read_letter(s);
	while (s->next < s->argc) {
		a = s->argv[s->next++];
		if (strcmp(a, "--") == 0)
			break;
		if (a[0] != '-' || a[1] == '\0') {
			/* Only arguments already read are overwritten. */
			s->operands[s->noperands++] = a;
			if (s->in_order)
				break;
			continue;
		}
		if (a[1] == '-')
			return read_long(s, a);
		s->letters = a + 1;
		return read_letter(s);
	}
	while (s->next < s->argc)
		s->operands[s->noperands++] = s->argv[s->next++];
	return OPTS_END;
}
