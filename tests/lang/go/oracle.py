"""Writes, as JSON, what the generated Go package must answer for a
registry, read from the YAML itself rather than from gen's view: the
statuses of the code output (neither unofficial nor docs_only), in code
order, each with its phrase and description (default locale), its class
id, its names (id and aliases), its phrases (current and earlier) and
its flags;
the classes; and, for each phrase folded to ASCII lower case, the code
FromPhrase must return (the status that has it now, else the lowest
code).  tests/test_lang_go.sh puts it beside api_test.go.

Usage: oracle.py DATA_YAML"""

import json
import sys

import yaml

UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
FOLD = str.maketrans(UPPER, UPPER.lower())


def text(v, default):
    return v[default] if isinstance(v, dict) else v


with open(sys.argv[1], encoding="utf-8") as f:
    data = yaml.safe_load(f)
default = data["registry"]["locales"][0]
classes = [{"id": c["id"], "first": c["first"], "last": c["last"]}
           for c in data.get("classes", [])]
statuses = []
phrases = {}
for s in sorted(data["statuses"], key=lambda s: s["code"]):
    if s["status"] == "unofficial" or s.get("docs_only"):
        continue
    if "id" not in s:
        sys.exit("oracle.py: status %d has no id" % s["code"])
    code = s["code"]
    cls = [c["id"] for c in classes if c["first"] <= code <= c["last"]]
    old = [h["phrase"] for h in s.get("history", [])]
    statuses.append({
        "code": code,
        "phrase": s["phrase"],
        "description": text(s["description"], default),
        "class": cls[0] if cls else "",
        "names": [s["id"]] + s.get("aliases", []),
        "phrases": [s["phrase"]] + old,
        "flags": s.get("flags", []),
    })
    for rank, p in enumerate([s["phrase"]] + old):
        key = p.translate(FOLD)
        best = (min(rank, 1), code)
        if key not in phrases or best < phrases[key]:
            phrases[key] = best
json.dump({
    "statuses": statuses,
    "classes": classes,
    "phrases": {k: v[1] for k, v in sorted(phrases.items())},
}, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\n")
