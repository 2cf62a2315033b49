#include "suggest.h"

#include <string.h>

/* Names longer than this are never close to anything we suggest. */
#define MAX_LEN 63

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

/* Optimal string alignment distance, with three rolling rows. */
static size_t
distance(const char *a, size_t la, const char *b, size_t lb)
{
	size_t rows[3][MAX_LEN + 1];
	size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2], *t;
	size_t i, j;

	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];

			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1,
			    prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < cur[j])
				cur[j] = prev2[j - 2] + 1;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

const char *
suggest(const char *word, size_t len, const char *const *cands, size_t n)
{
	size_t best = (size_t)-1, limit = len / 3 > 1 ? len / 3 : 1;
	const char *found = NULL;
	size_t i;

	if (len > MAX_LEN)
		return NULL;
	for (i = 0; i < n; i++) {
		size_t lc = strlen(cands[i]), dist;

		if (lc > MAX_LEN)
			continue;
		dist = distance(word, len, cands[i], lc);
		if (dist <= limit && dist < best) {
			best = dist;
			found = cands[i];
		}
	}
	return found;
}
