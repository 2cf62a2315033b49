#include "suggest.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Names longer than this are never close to anything we suggest. */
#define MAX_LEN 63

/* Optimal string alignment distance, with three rolling rows. */
size_t
suggest_distance(const char *a, size_t la, const char *b, size_t lb)
{
	size_t rows[3][MAX_LEN + 1];
	size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2], *t;
	size_t i, j;

	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			cur[j] = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < cur[j])
				cur[j] = prev[j] + 1;
			if (cur[j - 1] + 1 < cur[j])
				cur[j] = cur[j - 1] + 1;
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

/* gen never calls setlocale, so strncasecmp folds ASCII letters only. */
static const char *
unique_prefix(const char *word, size_t len, const char *const *cands,
    size_t n)
{
	const char *found = NULL;
	size_t i;

	if (len < 2)
		return NULL;
	for (i = 0; i < n; i++) {
		if (strlen(cands[i]) < len ||
		    strncasecmp(cands[i], word, len) != 0)
			continue;
		if (found != NULL)
			return NULL;
		found = cands[i];
	}
	return found;
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
		dist = suggest_distance(word, len, cands[i], lc);
		if (dist <= limit && dist < best) {
			best = dist;
			found = cands[i];
		}
	}
	return found != NULL ? found : unique_prefix(word, len, cands, n);
}

const char *
suggest_tail(char *out, size_t size, const char *word, size_t len,
    const char *const *cands, size_t n)
{
	const char *hint = suggest(word, len, cands, n);
	size_t used, need, i;

	out[0] = '\0';
	if (hint != NULL)
		snprintf(out, size, "; did you mean '%s'?", hint);
	if (hint != NULL || n == 0 || n > SUGGEST_LIST_MAX)
		return out;
	used = (size_t)snprintf(out, size, "; expected one of: ");
	for (i = 0; i < n; i++) {
		/* Whole names only; keep room for ", ..." unless last. */
		need = (i ? 2 : 0) + strlen(cands[i]) + (i + 1 < n ? 5 : 0);
		if (used + need >= size) {
			snprintf(out + used, size - used, "%s...",
			    i ? ", " : "");
			break;
		}
		used += (size_t)snprintf(out + used, size - used, "%s%s",
		    i ? ", " : "", cands[i]);
	}
	return out;
}

void
suggest_unknown(struct diag *d, const struct srcpos *pos, const char *what,
    const char *word, size_t len, const char *const *cands, size_t n)
{
	char tail[512];

	/* Without a place, the name came from the command line. */
	diag_report(d, pos != NULL ? DIAG_DATA : DIAG_USAGE, DIAG_ERROR, pos,
	    "unknown %s '%.*s'%s", what, (int)len, word,
	    suggest_tail(tail, sizeof(tail), word, len, cands, n));
}

size_t
suggest_lookup(struct diag *d, const struct srcpos *pos, const char *what,
    const char *word, const char *const *cands, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(word, cands[i]) == 0)
			return i;
	suggest_unknown(d, pos, what, word, strlen(word), cands, n);
	return n;
}
