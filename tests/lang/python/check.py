"""Checks the generated http_status module against the standard library's
http.HTTPStatus and against the data file.

Usage: check.py DATA_YAML (with the generated module on sys.path)
"""

import ast
import http
import sys

import yaml

import http_status
from http_status import HTTPStatus

# Every member of http.HTTPStatus in Python 3.8 through 3.13 and later,
# old and new names, so that releases other than the installed one are
# covered too.  3.9 added EARLY_HINTS, IM_A_TEAPOT and TOO_EARLY; 3.13
# added the RFC 9110 names (the last four), keeping the older ones.
STDLIB_NAMES = {
    "CONTINUE": 100, "SWITCHING_PROTOCOLS": 101, "PROCESSING": 102,
    "EARLY_HINTS": 103, "OK": 200, "CREATED": 201, "ACCEPTED": 202,
    "NON_AUTHORITATIVE_INFORMATION": 203, "NO_CONTENT": 204,
    "RESET_CONTENT": 205, "PARTIAL_CONTENT": 206, "MULTI_STATUS": 207,
    "ALREADY_REPORTED": 208, "IM_USED": 226, "MULTIPLE_CHOICES": 300,
    "MOVED_PERMANENTLY": 301, "FOUND": 302, "SEE_OTHER": 303,
    "NOT_MODIFIED": 304, "USE_PROXY": 305, "TEMPORARY_REDIRECT": 307,
    "PERMANENT_REDIRECT": 308, "BAD_REQUEST": 400, "UNAUTHORIZED": 401,
    "PAYMENT_REQUIRED": 402, "FORBIDDEN": 403, "NOT_FOUND": 404,
    "METHOD_NOT_ALLOWED": 405, "NOT_ACCEPTABLE": 406,
    "PROXY_AUTHENTICATION_REQUIRED": 407, "REQUEST_TIMEOUT": 408,
    "CONFLICT": 409, "GONE": 410, "LENGTH_REQUIRED": 411,
    "PRECONDITION_FAILED": 412, "REQUEST_ENTITY_TOO_LARGE": 413,
    "REQUEST_URI_TOO_LONG": 414, "UNSUPPORTED_MEDIA_TYPE": 415,
    "REQUESTED_RANGE_NOT_SATISFIABLE": 416, "EXPECTATION_FAILED": 417,
    "IM_A_TEAPOT": 418, "MISDIRECTED_REQUEST": 421,
    "UNPROCESSABLE_ENTITY": 422, "LOCKED": 423, "FAILED_DEPENDENCY": 424,
    "TOO_EARLY": 425, "UPGRADE_REQUIRED": 426, "PRECONDITION_REQUIRED": 428,
    "TOO_MANY_REQUESTS": 429, "REQUEST_HEADER_FIELDS_TOO_LARGE": 431,
    "UNAVAILABLE_FOR_LEGAL_REASONS": 451, "INTERNAL_SERVER_ERROR": 500,
    "NOT_IMPLEMENTED": 501, "BAD_GATEWAY": 502, "SERVICE_UNAVAILABLE": 503,
    "GATEWAY_TIMEOUT": 504, "HTTP_VERSION_NOT_SUPPORTED": 505,
    "VARIANT_ALSO_NEGOTIATES": 506, "INSUFFICIENT_STORAGE": 507,
    "LOOP_DETECTED": 508, "NOT_EXTENDED": 510,
    "NETWORK_AUTHENTICATION_REQUIRED": 511, "CONTENT_TOO_LARGE": 413,
    "URI_TOO_LONG": 414, "RANGE_NOT_SATISFIABLE": 416,
    "UNPROCESSABLE_CONTENT": 422,
}

errors = []


def check(ok, what):
    if not ok:
        errors.append(what)


def default_text(value, default):
    if isinstance(value, dict):
        return value[default]
    return value


def python_phrase(status):
    """The phrase of status in Python: the data's phrases.python when it
    gives one (CPython's wording, such as 418's "I'm a Teapot"), else its
    phrase."""
    return (status.get("phrases") or {}).get("python", status["phrase"])


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        data = yaml.safe_load(f)
    default = data["registry"]["locales"][0]

    # Same names and values as the standard library, aliases included.
    for name, member in http.HTTPStatus.__members__.items():
        ours = HTTPStatus.__members__.get(name)
        check(ours is not None, "missing member %s" % name)
        check(ours is None or ours.value == member.value,
              "%s is %r, the standard library says %d"
              % (name, ours and ours.value, member.value))

    for name, value in STDLIB_NAMES.items():
        ours = HTTPStatus.__members__.get(name)
        check(ours is not None and ours.value == value,
              "%s: %r, Python 3.8-3.13 define it as %d"
              % (name, ours and ours.value, value))
    check(set(http.HTTPStatus.__members__) <= set(STDLIB_NAMES),
          "STDLIB_NAMES lacks %s from this Python"
          % sorted(set(http.HTTPStatus.__members__) - set(STDLIB_NAMES)))

    official = [s for s in data["statuses"] if s["status"] != "unofficial"]
    by_code = {s["code"]: s for s in official}

    # Drop-in: every phrase of this Python's http.HTTPStatus, which is
    # ours, or for a Python before 3.13 an earlier phrase of the code
    # that RFC 9110 renamed (such as 413 "Request Entity Too Large").
    for member in http.HTTPStatus:
        s = by_code.get(member.value)
        if s is None:
            continue
        earlier = [h["phrase"] for h in s.get("history") or []]
        ours = HTTPStatus(member.value).phrase
        check(ours == member.phrase or (sys.version_info < (3, 13)
                                        and member.phrase in earlier),
              "%d: phrase %r, this Python's http.HTTPStatus says %r"
              % (member.value, ours, member.phrase))
    if sys.version_info >= (3, 9):
        check(HTTPStatus.IM_A_TEAPOT.phrase
              == http.HTTPStatus.IM_A_TEAPOT.phrase == "I'm a Teapot",
              "418: %r" % HTTPStatus.IM_A_TEAPOT.phrase)
    codes = set(s["code"] for s in official)
    for s in official:
        try:
            m = HTTPStatus(s["code"])
        except ValueError:
            check(False, "no member for %d" % s["code"])
            continue
        check(m.phrase == python_phrase(s), "%d: phrase %r" % (m, m.phrase))
        want = default_text(s["description"], default)
        check(m.description == want, "%d: description %r" % (m, m.description))
        check(http_status.reason(s["code"]) == python_phrase(s),
              "reason(%d)" % s["code"])
        flags = [m.is_informational, m.is_success, m.is_redirection,
                 m.is_client_error, m.is_server_error]
        check(flags.count(True) == 1, "%d: class flags %r" % (m, flags))
        check(flags.index(True) == m // 100 - 1,
              "%d: wrong class flag %r" % (m, flags))
    for s in data["statuses"]:
        if s["status"] == "unofficial" and s["code"] not in codes:
            check(http_status.reason(s["code"]) is None,
                  "unofficial %d is in the module" % s["code"])
    check(len(set(HTTPStatus)) == len(codes), "member count %d, data %d"
          % (len(set(HTTPStatus)), len(codes)))

    nf = HTTPStatus.NOT_FOUND
    check(nf == 404 and nf.phrase == "Not Found", "NOT_FOUND")
    check(nf.is_client_error and not nf.is_server_error, "404 flags")
    check(HTTPStatus.OK.is_success, "OK.is_success")
    check(HTTPStatus.CONTENT_TOO_LARGE is HTTPStatus(413), "413")
    check(HTTPStatus.PAYLOAD_TOO_LARGE is HTTPStatus.CONTENT_TOO_LARGE,
          "PAYLOAD_TOO_LARGE is not an alias of CONTENT_TOO_LARGE")
    # The flag predicates: a code with the flag and one without, each
    # exactly True or False (every member is checked against the data in
    # capabilities.py); an unknown code has no member to ask.
    for with_flag, without, flag in (
            (HTTPStatus.OK, HTTPStatus.CREATED, "is_cacheable"),
            (HTTPStatus.NOT_FOUND, HTTPStatus.FORBIDDEN, "is_cacheable"),
            (HTTPStatus.NO_CONTENT, HTTPStatus.OK, "is_no_content"),
            (HTTPStatus.CONTINUE, HTTPStatus.NOT_FOUND, "is_no_content"),
            (HTTPStatus.NOT_MODIFIED, HTTPStatus.FOUND, "is_no_content"),
            (HTTPStatus.SERVICE_UNAVAILABLE, HTTPStatus.BAD_REQUEST,
             "is_retryable"),
            (HTTPStatus.TOO_MANY_REQUESTS, HTTPStatus.NOT_FOUND,
             "is_retryable")):
        check(getattr(with_flag, flag) is True,
              "%d.%s is not True" % (with_flag, flag))
        check(getattr(without, flag) is False,
              "%d.%s is not False" % (without, flag))
    try:
        HTTPStatus(999).is_retryable
        check(False, "999 is a member")
    except ValueError:
        pass
    check(http_status.reason(999) is None, "reason(999)")
    check(http_status.reason(0) is None, "reason(0)")
    check(isinstance(nf, int) and nf + 1 == 405, "IntEnum arithmetic")

    # The module must parse as Python 3.8.
    with open(http_status.__file__, encoding="utf-8") as f:
        ast.parse(f.read(), feature_version=(3, 8))

    for e in errors[:20]:
        print("check.py: " + e, file=sys.stderr)
    return 1 if errors else 0


sys.exit(main())
