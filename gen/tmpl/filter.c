#include "filter.h"

#include <string.h>

#include "base/suggest.h"

static const struct {
	const char *name;
	enum filter_id id;
} names[] = {
	{ "snake", FILTER_SNAKE }, { "upper_snake", FILTER_UPPER_SNAKE },
	{ "kebab", FILTER_KEBAB }, { "camel", FILTER_CAMEL },
	{ "pascal", FILTER_PASCAL }, { "upper_camel", FILTER_UPPER_CAMEL },
	{ "lower", FILTER_LOWER },
	{ "upper", FILTER_UPPER }, { "comment", FILTER_COMMENT }
};

#define NNAMES (sizeof(names) / sizeof(names[0]))

int
filter_find(const char *name, size_t len, enum filter_id *id)
{
	size_t i;

	for (i = 0; i < NNAMES; i++) {
		if (strlen(names[i].name) == len &&
		    memcmp(names[i].name, name, len) == 0) {
			*id = names[i].id;
			return 0;
		}
	}
	return -1;
}

const char *
filter_name(enum filter_id id)
{
	return id == FILTER_COMMENT ? "comment" : case_name((enum case_id)id);
}

const char *
filter_suggest(const char *name, size_t len)
{
	size_t i, d, n, limit = len / 3 > 2 ? len / 3 : 2;
	size_t best = limit + 1;
	const char *found = NULL;

	for (i = 0; i < NNAMES; i++) {
		/* The lengths alone bound the distance from below. */
		n = strlen(names[i].name);
		if (len > n + limit || n > len + limit)
			continue;
		d = suggest_distance(name, len, names[i].name, n);
		if (d < best) {
			best = d;
			found = names[i].name;
		}
	}
	return found;
}

bool
filter_apply(struct buf *out, enum filter_id id, enum escape_mode mode,
    const char *s, size_t len)
{
	return filter_apply_table(out, id, mode, NULL, s, len);
}

bool
filter_apply_table(struct buf *out, enum filter_id id, enum escape_mode mode,
    const struct escape_table *table, const char *s, size_t len)
{
	if (id == FILTER_COMMENT) {
		escape_comment_by(out, mode, table, s, len);
		return true;
	}
	case_apply(out, (enum case_id)id, s, len);
	return false;
}
