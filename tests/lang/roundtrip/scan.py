"""Scans every file gen wrote from a registry, byte by byte, for the
code points that must never appear as they are (Trojan Source): C0
controls but tab and line feed, DEL, C1 controls, and the format
controls that reorder or hide text.  The set is written down here
apart from gen's.  So that the escapers do not take too much either,
each safe code point next to the set that a phrase of the code outputs
holds must appear as it is in every file.

Usage: scan.py DATA_YAML OUT_DIR"""

import os
import sys

import yaml

UNSAFE = [(0x00, 0x1F), (0x7F, 0x9F), (0x061C, 0x061C), (0x180E, 0x180E),
          (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064),
          (0x2066, 0x2069), (0xFEFF, 0xFEFF)]
# Template text itself is laid out with these.
LAYOUT = {0x09, 0x0A}
# Line and paragraph separators have rules of their own per target.
SEPARATORS = {0x2028, 0x2029}


def unsafe(cp):
    return any(lo <= cp <= hi for lo, hi in UNSAFE)


def neighbours(data):
    """The safe non-ASCII code points next to the set in the phrases."""
    near = {c for lo, hi in UNSAFE for c in (lo - 1, hi + 1)
            if c > 0x7F and not unsafe(c) and c not in SEPARATORS}
    found = set()
    for s in data["statuses"]:
        if s["status"] != "unofficial":
            found |= {ord(c) for c in str(s["phrase"])} & near
    return found


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        keep = neighbours(yaml.safe_load(f))
    files = []
    for top, _, names in os.walk(sys.argv[2]):
        files += [os.path.join(top, n) for n in names]
    fails = []
    for path in sorted(files):
        with open(path, "rb") as f:
            raw = f.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            fails.append("%s: not UTF-8 at byte %d" % (path, e.start))
            continue
        for n, line in enumerate(text.split("\n"), 1):
            bad = sorted({ord(c) for c in line
                          if unsafe(ord(c)) and ord(c) not in LAYOUT})
            if bad:
                fails.append("%s:%d: raw %s" % (path, n, " ".join(
                    "U+%04X" % c for c in bad)))
        lost = sorted(c for c in keep if chr(c) not in text)
        if lost:
            fails.append("%s: lost %s" % (path, " ".join(
                "U+%04X" % c for c in lost)))
    if len(files) < 8:
        fails.append("%s: only %d files" % (sys.argv[2], len(files)))
    if fails:
        sys.exit("\n".join(fails[:20]))
    print("%d files, none holds an unsafe code point raw; %d neighbours "
          "kept" % (len(files), len(keep)))


if __name__ == "__main__":
    main()
