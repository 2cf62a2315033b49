"""Writes what print.c, print.py and main.go must print for a registry:
phrase and description (default locale) of each code in the code output
(unofficial codes excluded), each followed by a NUL byte, in code order.
The phrase is LANG's own where the status gives one under `phrases`.

Usage: expect.py DATA_YAML LANG"""

import sys

import yaml

with open(sys.argv[1], encoding="utf-8") as f:
    data = yaml.safe_load(f)
default = data["registry"]["locales"][0]
lang = sys.argv[2]
out = sys.stdout.buffer
for s in sorted(data["statuses"], key=lambda s: s["code"]):
    if s["status"] == "unofficial":
        continue
    d = s["description"]
    d = d[default] if isinstance(d, dict) else d
    phrase = s.get("phrases", {}).get(lang, s["phrase"])
    out.write(phrase.encode("utf-8") + b"\0" + d.encode("utf-8") + b"\0")
