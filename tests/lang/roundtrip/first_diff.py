"""Says where two files of NUL-terminated items first differ: the item's
number and both texts, or the numbers of items when one file is a
prefix of the other.

Usage: first_diff.py EXPECTED GOT"""

import sys

with open(sys.argv[1], "rb") as f:
    a = f.read().split(b"\0")
with open(sys.argv[2], "rb") as f:
    b = f.read().split(b"\0")
for i, (x, y) in enumerate(zip(a, b)):
    if x != y:
        print("item %d: expected %r\n          got %r" % (i, x, y))
        break
else:
    print("expected %d items, got %d" % (len(a), len(b)))
