"""Writes every code's phrase and default-locale description from the
JSON generated for tests/lang/awkward.yaml, each followed by a NUL byte,
in code order, leaving out the unofficial codes as the code outputs do.

Usage: print_json.py JSON_FILE"""

import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
default = data["registry"]["locales"][0]
out = sys.stdout.buffer
for s in data["statuses"]:
    if s["status"] == "unofficial":
        continue
    out.write(s["phrase"].encode("utf-8") + b"\0")
    out.write(s["description"][default].encode("utf-8") + b"\0")
