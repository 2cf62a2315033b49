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

errors = []


def check(ok, what):
    if not ok:
        errors.append(what)


def default_text(value, default):
    if isinstance(value, dict):
        return value[default]
    return value


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

    official = [s for s in data["statuses"] if s["status"] != "unofficial"]
    codes = set(s["code"] for s in official)
    for s in official:
        try:
            m = HTTPStatus(s["code"])
        except ValueError:
            check(False, "no member for %d" % s["code"])
            continue
        check(m.phrase == s["phrase"], "%d: phrase %r" % (m, m.phrase))
        want = default_text(s["description"], default)
        check(m.description == want, "%d: description %r" % (m, m.description))
        check(http_status.reason(s["code"]) == s["phrase"],
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
