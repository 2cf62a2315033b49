"""Checks that the JSON gen wrote for a registry carries every field of
the YAML: each value the YAML gives is in the JSON, unchanged, and each
optional field the YAML leaves out is null (or [] / {} for lists and
maps).  Plain-string locale fields read as {default_locale: text}.

Usage: check.py DATA_YAML JSON_FILE"""

import json
import math
import re
import sys

import yaml


def fail(path, msg):
    sys.exit("check.py: %s: %s" % ("/".join(map(str, path)), msg))


def same(path, want, got):
    """Compares a YAML value (after defaults) with the JSON's."""
    if isinstance(want, bool) or isinstance(got, bool):
        ok = want is got
    elif isinstance(want, float) and not math.isfinite(want):
        # JSON has no such numbers: gen writes them as strings.
        ok = got == ("nan" if math.isnan(want) else
                     "inf" if want > 0 else "-inf")
    elif isinstance(want, (int, float)) and isinstance(got, (int, float)):
        ok = want == got
    else:
        ok = type(want) is type(got)
        if ok and isinstance(want, dict):
            if sorted(want) != sorted(got):
                fail(path, "keys %r, JSON has %r" % (sorted(want),
                                                     sorted(got)))
            for k in want:
                same(path + [k], want[k], got[k])
            return
        if ok and isinstance(want, list):
            if len(want) != len(got):
                fail(path, "%d items, JSON has %d" % (len(want), len(got)))
            for i, (w, g) in enumerate(zip(want, got)):
                same(path + [i], w, g)
            return
        ok = ok and want == got
    if not ok:
        fail(path, "YAML has %r, JSON has %r" % (want, got))


def locmap(value, default):
    if value is None:
        return None
    return value if isinstance(value, dict) else {default: value}


def snake(phrase):
    return re.sub(r"[^a-z0-9]+", "_", phrase.lower()).strip("_")


def extensions(node):
    return {k: v for k, v in node.items() if k.startswith("x-")}


def check_map(path, node, got, fields, default):
    """fields: name -> kind ('text', 'loc', 'list', 'map', 'any')."""
    for k in node:
        if k not in fields and not k.startswith("x-"):
            fail(path + [k], "unknown key in the YAML")
    for name, kind in fields.items():
        if name not in got:
            fail(path + [name], "missing from the JSON")
        want = node.get(name)
        if kind == "loc":
            want = locmap(want, default)
        elif kind == "list" and want is None:
            want = []
        elif kind == "map" and want is None:
            want = {}
        if isinstance(want, (list, dict)) and kind in ("list", "map", "loc"):
            same(path + [name], want, got[name])
        elif kind != "skip":
            same(path + [name], want, got[name])
    for k, v in extensions(node).items():
        if k not in got:
            fail(path + [k], "extension missing from the JSON")
        same(path + [k], v, got[k])


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        data = yaml.safe_load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        got = json.load(f)
    reg = data["registry"]
    default = reg["locales"][0]
    same(["schema"], 1, got["schema"])
    for k, v in extensions(data).items():
        if k not in got:
            fail([k], "extension missing from the JSON")
        same([k], v, got[k])
    g = got["registry"]
    reg = dict(reg)
    reg.setdefault("c_prefix", reg["name"])
    check_map(["registry"], reg, g, {"name": "text", "title": "loc",
              "locales": "list", "c_prefix": "text",
              "description": "loc"}, default)
    flags = data.get("flags") or []
    same(["flags", "#"], len(flags), len(got["flags"]))
    for i, fl in enumerate(flags):
        check_map(["flags", fl["id"]], fl, got["flags"][i], {"id": "text",
                  "title": "loc", "description": "loc", "ref": "text"},
                  default)
    flag_ids = [fl["id"] for fl in flags]
    sets = data.get("sets") or []
    same(["sets", "#"], len(sets), len(got["sets"]))
    for i, s in enumerate(sets):
        check_map(["sets", s["id"]], s, got["sets"][i], {"id": "text",
                  "title": "loc", "description": "loc"}, default)
    same(["classes", "#"], len(data["classes"]), len(got["classes"]))
    for i, c in enumerate(data["classes"]):
        check_map(["classes", c["id"]], c, got["classes"][i], {"id": "text",
                  "first": "text", "last": "text", "title": "loc",
                  "description": "loc"}, default)
    statuses = data["statuses"]
    same(["statuses", "#"], len(statuses), len(got["statuses"]))
    codes = [g["code"] for g in got["statuses"]]
    if codes != sorted(codes):
        fail(["statuses"], "not in the order of their codes")
    by_id = {g["id"]: g for g in got["statuses"]}
    for s in statuses:
        s = dict(s)
        s.setdefault("id", snake(s["phrase"]))
        path = ["statuses", s["id"]]
        if s["id"] not in by_id:
            fail(path, "missing from the JSON")
        g = by_id[s["id"]]
        s.setdefault("status", "standard")
        s.setdefault("docs_only", False)
        s["history"] = [dict(h) for h in s.get("history") or []]
        for h in s["history"]:
            h.setdefault("ref", None)
        subs = s.get("subcodes") or []
        for k, sc in enumerate(subs):
            gs = g["subcodes"][k] if k < len(g["subcodes"]) else {}
            same(path + ["subcodes", k, "code"], "%d.%d" % (s["code"],
                 sc["sub"]), gs.get("code"))
            sc = dict(sc)
            sc["description"] = locmap(sc["description"], default)
            sc["code"] = gs.get("code")
            subs[k] = sc
        s["subcodes"] = subs
        # The JSON's phrase is its own where the data gives one.
        s["phrase"] = s.get("phrases", {}).get("json", s["phrase"])
        check_map(path, s, g, {"code": "text", "phrase": "text",
                  "id": "text", "aliases": "list", "names": "map",
                  "status": "text", "set": "text", "docs_only": "text",
                  "flags": "list", "phrases": "map",
                  "source": "text",
                  "ref": "text", "expires": "text", "history": "list",
                  "subcodes": "list", "note": "loc", "description": "loc"},
                  default)
    for g in got["statuses"]:
        for fl in g["flags"]:
            if fl not in flag_ids:
                fail(["statuses", g["id"], "flags", fl], "not a flag of the "
                     "registry")
    print("check.py: %d statuses, every field matches" % len(statuses))


main()
