/*
 * examples/registries/grpc.yaml's header (dense codes 0 to 16, so the
 * lookups index a table by code): every capability, at the edges.  One
 * file, implementation included; tests/test_lang_c.sh builds it as C and
 * C++ and runs it.
 */
#define GRPC_STATUS_IMPLEMENTATION
#include "grpc_status.h"
#include "check.h"

#define COUNT(code, name, phrase) + 1

int
main(void)
{
	struct api a;

	a.count = GRPC_STATUS_COUNT;
	a.codes = grpc_status_codes;
	a.reason = grpc_status_reason;
	a.name = grpc_status_name;
	a.description = grpc_status_description;
	a.class_of = grpc_status_class;
	a.from_name = grpc_status_from_name;
	a.from_phrase = grpc_status_from_phrase;
	check_api(&a, 0 GRPC_STATUS_MAP(COUNT));

	/* Every code ascending: 0 to 16, no gap. */
	SAME_INT(GRPC_STATUS_COUNT, 17);
	CHECK(sizeof(grpc_status_codes) / sizeof(grpc_status_codes[0]) == 17);
	SAME_INT(grpc_status_codes[0], GRPC_STATUS_OK);
	SAME_INT(grpc_status_codes[16], GRPC_STATUS_UNAUTHENTICATED);

	/* The first and last codes, and just outside them. */
	SAME_STR(grpc_status_reason(0), "OK");
	SAME_STR(grpc_status_name(0), "OK");
	SAME_STR(grpc_status_reason(16), "UNAUTHENTICATED");
	SAME_STR(grpc_status_reason(-1), NULL);
	SAME_STR(grpc_status_reason(17), NULL);
	SAME_STR(grpc_status_name(17), NULL);
	SAME_STR(grpc_status_description(-1), NULL);

	/* Class of a code, and the class predicates. */
	SAME_STR(grpc_status_class(0), "success");
	SAME_STR(grpc_status_class(1), "error");
	SAME_STR(grpc_status_class(16), "error");
	SAME_STR(grpc_status_class(-1), NULL);
	SAME_STR(grpc_status_class(17), NULL);
	CHECK(grpc_status_is_success(0));
	CHECK(!grpc_status_is_success(1));
	CHECK(grpc_status_is_error(16));
	CHECK(!grpc_status_is_error(17));
	CHECK(!grpc_status_is_error(0));

	/* By name: id or alias, any ASCII case. */
	SAME_INT(grpc_status_from_name("deadline_exceeded"), 4);
	SAME_INT(grpc_status_from_name("Deadline_Exceeded"), 4);
	SAME_INT(grpc_status_from_name("cancelled"), 1);
	SAME_INT(grpc_status_from_name("CANCELED"), GRPC_STATUS_CANCELED);
	SAME_INT(grpc_status_from_name("ok"), 0);
	SAME_INT(grpc_status_from_name("Unauthenticated"), 16);
	SAME_INT(grpc_status_from_name("GRPC_STATUS_OK"), -1);
	SAME_INT(grpc_status_from_name("o"), -1);
	SAME_INT(grpc_status_from_name("okk"), -1);
	SAME_INT(grpc_status_from_name("deadline exceeded"), -1);

	/* By phrase, any ASCII case. */
	SAME_INT(grpc_status_from_phrase("DEADLINE_EXCEEDED"), 4);
	SAME_INT(grpc_status_from_phrase("not_found"), 5);
	SAME_INT(grpc_status_from_phrase("Ok"), 0);
	SAME_INT(grpc_status_from_phrase("canceled"), -1);

	if (failures != 0) {
		fprintf(stderr, "grpc.c: %d checks failed\n", failures);
		return 1;
	}
	return 0;
}
