/*
 * examples/registries/smtp.yaml's header (sparse codes 211 to 555, so
 * the lookups binary-search the codes): every capability, at the edges.
 * One file, implementation included; tests/test_lang_c.sh builds it as C
 * and C++ and runs it.
 */
#define SMTP_REPLY_IMPLEMENTATION
#include "smtp_reply.h"
#include "check.h"

#define COUNT(code, name, phrase) + 1

int
main(void)
{
	struct api a;
	int i, gaps = 0;

	a.count = SMTP_REPLY_COUNT;
	a.codes = smtp_reply_codes;
	a.reason = smtp_reply_reason;
	a.name = smtp_reply_name;
	a.description = smtp_reply_description;
	a.class_of = smtp_reply_class;
	a.from_name = smtp_reply_from_name;
	a.from_phrase = smtp_reply_from_phrase;
	check_api(&a, 0 SMTP_REPLY_MAP(COUNT));

	/* Every code ascending, 211 first and 555 last. */
	SAME_INT(SMTP_REPLY_COUNT, 24);
	SAME_INT(smtp_reply_codes[0], 211);
	SAME_INT(smtp_reply_codes[SMTP_REPLY_COUNT - 1], 555);
	SAME_INT(smtp_reply_codes[1], SMTP_REPLY_HELP_MESSAGE);

	/* The first and last codes, just outside them, and gaps. */
	SAME_STR(smtp_reply_reason(211), "System status, or system help reply");
	SAME_STR(smtp_reply_name(555), "PARAMETERS_NOT_RECOGNIZED");
	SAME_STR(smtp_reply_reason(210), NULL);
	SAME_STR(smtp_reply_reason(556), NULL);
	SAME_STR(smtp_reply_reason(300), NULL);
	SAME_STR(smtp_reply_name(353), NULL);
	SAME_STR(smtp_reply_description(355), NULL);
	SAME_STR(smtp_reply_reason(0), NULL);
	SAME_STR(smtp_reply_reason(-1), NULL);
	for (i = 0; i < 1000; i++)
		gaps += smtp_reply_reason(i) == NULL;
	SAME_INT(gaps, 1000 - 24);

	/* Class of a code (by its range, registered or not), predicates. */
	SAME_STR(smtp_reply_class(211), "positive_completion");
	SAME_STR(smtp_reply_class(354), "positive_intermediate");
	SAME_STR(smtp_reply_class(300), "positive_intermediate");
	SAME_STR(smtp_reply_class(421), "transient_negative");
	SAME_STR(smtp_reply_class(555), "permanent_negative");
	SAME_STR(smtp_reply_class(599), "permanent_negative");
	SAME_STR(smtp_reply_class(199), NULL);
	SAME_STR(smtp_reply_class(600), NULL);
	CHECK(smtp_reply_is_positive_completion(250));
	CHECK(smtp_reply_is_positive_intermediate(354));
	CHECK(smtp_reply_is_transient_negative(450));
	CHECK(smtp_reply_is_permanent_negative(550));
	CHECK(!smtp_reply_is_permanent_negative(450));
	CHECK(!smtp_reply_is_positive_completion(300));

	/* By name, any ASCII case. */
	SAME_INT(smtp_reply_from_name("service_ready"), 220);
	SAME_INT(smtp_reply_from_name("Service_Ready"), 220);
	SAME_INT(smtp_reply_from_name("SYSTEM_STATUS"), 211);
	SAME_INT(smtp_reply_from_name("parameters_not_recognized"), 555);
	SAME_INT(smtp_reply_from_name("SMTP_REPLY_SERVICE_READY"), -1);
	SAME_INT(smtp_reply_from_name("service_read"), -1);
	SAME_INT(smtp_reply_from_name("Service Ready"), -1);

	/* By phrase, any ASCII case; punctuation is kept. */
	SAME_INT(smtp_reply_from_phrase("Service ready"), 220);
	SAME_INT(smtp_reply_from_phrase("SERVICE READY"), 220);
	SAME_INT(smtp_reply_from_phrase(
	    "start mail input; end with <crlf>.<crlf>"), 354);
	SAME_INT(smtp_reply_from_phrase(
	    "mail from/rcpt to parameters not recognized or not implemented"),
	    555);
	SAME_INT(smtp_reply_from_phrase("Service ready "), -1);
	SAME_INT(smtp_reply_from_phrase("Service  ready"), -1);

	if (failures != 0) {
		fprintf(stderr, "smtp.c: %d checks failed\n", failures);
		return 1;
	}
	return 0;
}
