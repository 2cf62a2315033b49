"""Runs CPython's own test_httplib, from the test suite of the Python that
runs this, with gen's module in place of http.HTTPStatus; http.client
then takes its status constants and its responses table from it too.

Every test must pass, test_simple_httpstatus (3.11 on) included but with
the comparison it calls, enum._test_simple_enum, narrowed to what a
drop-in replacement has to keep.  Unchanged, that test asserts that
HTTPStatus is CPython's enum exactly: its list of members (gen's has
more codes, such as 104 and 306), CPython's short descriptions, and no
attributes but CPython's (gen adds status_class, from_name, the flag
predicates, ...), so no module with more than CPython's can pass it.
Narrowed, it requires every member of the test's own CheckedHTTPStatus
to be in gen's under the same name, with the same value and the same
phrase, or, for a CPython before 3.13, the phrase RFC 9110 replaced,
which the data keeps among the code's earlier phrases (413 "Request
Entity Too Large").  A gen module with 418's "I'm a teapot" fails it.

Usage: cpython_httplib.py DATA_YAML, with gen's http_status on
sys.path, in a scratch directory (some tests write files there).
Exits 2 when this Python has no test.test_httplib.
"""

import enum
import http
import io
import sys
import unittest

import yaml

if "http.client" in sys.modules:
    sys.exit("cpython_httplib.py: http.client was imported before the "
             "substitution")

import http_status  # noqa: E402

http.HTTPStatus = http_status.HTTPStatus

import http.client  # noqa: E402

try:
    from test import test_httplib  # noqa: E402
except ImportError as e:
    print("cpython_httplib.py: no test.test_httplib in %s: %s"
          % (sys.executable, e), file=sys.stderr)
    sys.exit(2)

with open(sys.argv[1], encoding="utf-8") as f:
    DATA = yaml.safe_load(f)
EARLIER = {s["code"]: [h["phrase"] for h in s.get("history") or []]
           for s in DATA["statuses"]}

ours = http_status.HTTPStatus
problems = []
if test_httplib.HTTPStatus is not ours:
    problems.append("test_httplib's HTTPStatus is not gen's")
for m in ours:
    if http.client.responses.get(int(m)) != m.phrase:
        problems.append("http.client.responses[%d] is %r, gen's %r"
                        % (m, http.client.responses.get(int(m)), m.phrase))
if getattr(http.client, "NOT_FOUND", None) is not ours.NOT_FOUND:
    problems.append("http.client.NOT_FOUND is not gen's member")

compared = []


def drop_in(checked, simple):
    """What test_simple_httpstatus asks of a drop-in replacement."""
    bad = []
    if simple is not ours:
        bad.append("compares %r, not gen's HTTPStatus" % (simple,))
    for name, member in checked.__members__.items():
        mine = ours.__members__.get(name)
        if mine is None:
            bad.append("no member %s" % name)
            continue
        if int(mine) != int(member):
            bad.append("%s is %d, CPython's %d" % (name, mine, member))
        elif mine.phrase != member.phrase and not (
                sys.version_info < (3, 13)
                and member.phrase in EARLIER.get(int(member), [])):
            bad.append("%s: phrase %r, CPython's %r"
                       % (name, mine.phrase, member.phrase))
    compared.append(len(checked.__members__))
    if bad:
        raise TypeError("not a drop-in for CPython's HTTPStatus:\n   "
                        + "\n   ".join(bad))


enum._test_simple_enum = drop_in

suite = unittest.TestLoader().loadTestsFromModule(test_httplib)
out = io.StringIO()
result = unittest.TextTestRunner(stream=out, verbosity=2).run(suite)
has_simple = hasattr(test_httplib.BasicTest, "test_simple_httpstatus")
if has_simple and not compared:
    problems.append("test_simple_httpstatus did not compare the enums")
if not result.wasSuccessful() or problems:
    sys.stderr.write(out.getvalue())
    for p in problems:
        print("cpython_httplib.py: " + p, file=sys.stderr)
    sys.exit(1)
print("CPython %s test_httplib: %d tests pass (%d skipped) with gen's "
      "HTTPStatus%s" % (".".join(map(str, sys.version_info[:3])),
                        result.testsRun, len(result.skipped),
                        ", %d members of test_simple_httpstatus's "
                        "CheckedHTTPStatus matched" % compared[0]
                        if compared else ""))
