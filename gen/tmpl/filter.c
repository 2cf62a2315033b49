#include "filter.h"

#include <string.h>

#include "base/suggest.h"

const char *const filter_names[FILTER_N] = {
	"snake", "upper_snake", "kebab", "camel", "pascal", "upper_camel",
	"lower", "upper", "comment"
};

int
filter_find(const char *name, size_t len, enum filter_id *id)
{
	int i;

	for (i = 0; i < FILTER_N; i++) {
		if (strlen(filter_names[i]) == len &&
		    memcmp(filter_names[i], name, len) == 0) {
			*id = (enum filter_id)i;
			return 0;
		}
	}
	return -1;
}

/* Up to max(2, len / 3) edits: filter names are short. */
const char *
filter_suggest(const char *name, size_t len)
{
	size_t i, d, n, limit = len / 3 > 2 ? len / 3 : 2;
	size_t best = limit + 1;
	const char *f, *found = NULL;

	for (i = 0; i < FILTER_N; i++) {
		f = filter_names[i];
		n = strlen(f);
		if (len > n + limit || n > len + limit)
			continue;
		d = suggest_distance(name, len, f, n);
		if (d < best) {
			best = d;
			found = f;
		}
	}
	return found;
}

bool
filter_apply(struct buf *out, enum filter_id id, enum escape_mode mode,
    const struct escape_table *table, const char *s, size_t len)
{
	if (id == FILTER_COMMENT) {
		escape_comment_by(out, mode, table, s, len);
		return true;
	}
	case_apply(out, (enum case_id)id, s, len);
	return false;
}
