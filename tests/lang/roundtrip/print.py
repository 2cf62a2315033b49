"""Writes every member's phrase and description from the module generated
for tests/lang/awkward.yaml, each followed by a NUL byte, in code order."""

import sys

import awkward

out = sys.stdout.buffer
for member in sorted(awkward.Awkward, key=int):
    out.write(member.phrase.encode("utf-8") + b"\0")
    out.write(member.description.encode("utf-8") + b"\0")
    if awkward.reason(member) != member.phrase:
        sys.exit("print.py: reason(%d) disagrees" % member)
    # The phrase tables hold the same bytes: the phrase finds a member
    # with that phrase (the lowest code, when members share it).
    found = awkward.Awkward.from_phrase(member.phrase)
    if found.phrase.lower() != member.phrase.lower():
        sys.exit("print.py: from_phrase(phrase of %d) is %d"
                 % (member, found))
if awkward.Awkward.OLD_QUOTE is not awkward.Awkward.QUOTE_BACKSLASH:
    sys.exit("print.py: OLD_QUOTE is not an alias")
if awkward.Awkward.from_name("old_QUOTE") is not awkward.Awkward.OLD_QUOTE:
    sys.exit("print.py: from_name does not find the alias old_quote")
if awkward.reason(444) is not None:
    sys.exit("print.py: the unofficial code is in the module")
