"""Writes every member's phrase and description from a module gen wrote
for any registry, each followed by a NUL byte, in code order.

Usage: print.py MODULE (found on PYTHONPATH)"""

import enum
import importlib
import sys
from typing import List, Type

mod = importlib.import_module(sys.argv[1])
classes: List[Type[enum.IntEnum]] = [
    v for v in vars(mod).values()
    if isinstance(v, type) and issubclass(v, enum.IntEnum)
    and v is not enum.IntEnum
]
if len(classes) != 1:
    sys.exit("print.py: %d IntEnum classes in %s" % (len(classes),
                                                     sys.argv[1]))
out = sys.stdout.buffer
for member in sorted(classes[0], key=int):
    phrase: str = getattr(member, "phrase")
    out.write(phrase.encode("utf-8") + b"\0")
    out.write(getattr(member, "description").encode("utf-8") + b"\0")
    if mod.reason(int(member)) != phrase:
        sys.exit("print.py: reason(%d) disagrees" % int(member))
    # A phrase two members share finds the one that has it now with the
    # lowest code, so compare the phrase found, not the member.
    found: str = getattr(getattr(classes[0], "from_phrase")(phrase),
                         "phrase")
    if found.lower() != phrase.lower():
        sys.exit("print.py: from_phrase(phrase of %d) is %r"
                 % (int(member), found))
if mod.reason(-1) is not None:
    sys.exit("print.py: reason(-1) is not None")
