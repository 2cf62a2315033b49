/*
 * floor: what any libyaml-based generator must pay.  Reads FILE into
 * memory, as gen does, runs libyaml's parser over it and drops every
 * event.  Exits 0, or 1 with a message when the file cannot be read or
 * parsed.
 *
 * Usage: floor FILE
 */
#include <stdio.h>
#include <stdlib.h>

#include <yaml.h>

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *text = NULL, *p;
	size_t cap = 0, n = 0, got;

	if (fp == NULL)
		return NULL;
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 1 << 20;
			if ((p = realloc(text, cap)) == NULL) {
				free(text);
				fclose(fp);
				return NULL;
			}
			text = p;
		}
		got = fread(text + n, 1, cap - n, fp);
		n += got;
	} while (got > 0);
	if (ferror(fp)) {
		free(text);
		text = NULL;
	}
	fclose(fp);
	*len = n;
	return text;
}

int
main(int argc, char **argv)
{
	yaml_parser_t p;
	yaml_event_t ev;
	unsigned char *text;
	size_t len = 0;
	int done = 0, ok = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: floor FILE\n");
		return 2;
	}
	if ((text = slurp(argv[1], &len)) == NULL) {
		perror(argv[1]);
		return 1;
	}
	if (!yaml_parser_initialize(&p)) {
		free(text);
		return 1;
	}
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&p, text, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "%s: %s\n", argv[1],
			    p.problem ? p.problem : "invalid YAML");
			ok = 0;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	free(text);
	return ok ? 0 : 1;
}
