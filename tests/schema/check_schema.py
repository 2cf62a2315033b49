"""Checks schema/gen-registry.schema.json against gen's loader.

Usage: check_schema.py BUILDDIR   (run from the top of the tree)

Good registries (data/http_status.yaml, tests/lang/awkward.yaml,
tests/lang/trojan.yaml, tests/schema/good/, the examples' registries)
must pass both the schema and gen.  Bad ones (tests/bad/ and
tests/schema/bad/) must fail gen with exit status 65 and fail the schema
too, except those listed in tests/schema/gen_only.txt, which must behave
exactly as listed there: a list entry that no longer holds, or names a
file that is gone, fails the test as well.  The schema itself must
describe every property, and the data file's first line must point
editors at it.  At each edge of the control characters a phrase, title
or reference may hold, a registry holding that one character must pass
both or fail both.

The schema judges what an editor sees: the document read as YAML 1.2 with
the core schema, the way gen reads it.  The reader below works on
libyaml's events, as gen does, so that a plain `No` is text, `0x1F` an
integer and a key always text.  It expands aliases, as editors do (gen
refuses them), and refuses what has no JSON form.
"""

import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

SCHEMA = "schema/gen-registry.schema.json"
GEN_ONLY = "tests/schema/gen_only.txt"
GOOD = ["data/http_status.yaml", "tests/lang/awkward.yaml",
        "tests/lang/trojan.yaml"]
GOOD_GLOBS = ["tests/schema/good/*.yaml", "examples/*/*.yaml"]
BAD_GLOBS = ["tests/bad/*.yaml", "tests/schema/bad/*.yaml"]
KINDS = ("yaml", "schema")
# Subschemas that only state conditions: their properties are no new keys.
CONDITIONS = ("if", "then", "else", "not")

TAG = "tag:yaml.org,2002:"
NULL = re.compile(r"(~|null|Null|NULL|)\Z")
TRUE = re.compile(r"(true|True|TRUE)\Z")
FALSE = re.compile(r"(false|False|FALSE)\Z")
DEC = re.compile(r"[-+]?[0-9]+\Z")
OCT = re.compile(r"0o[0-7]+\Z")
HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
INF = re.compile(r"([-+]?)\.(inf|Inf|INF)\Z")
NAN = re.compile(r"\.(nan|NaN|NAN)\Z")


class Refused(Exception):
    """The file is no single YAML document with a JSON form."""


def as_int(s):
    if DEC.match(s):
        return int(s, 10)
    if OCT.match(s):
        return int(s[2:], 8)
    if HEX.match(s):
        return int(s[2:], 16)
    return None


def as_float(s):
    m = INF.match(s)
    if m:
        return float("-inf") if m.group(1) == "-" else float("inf")
    if NAN.match(s):
        return float("nan")
    return float(s) if FLOAT.match(s) else None


def plain(s):
    """The core schema's reading of an untagged plain scalar."""
    if NULL.match(s):
        return None
    if TRUE.match(s) or FALSE.match(s):
        return bool(TRUE.match(s))
    for conv in (as_int, as_float):
        v = conv(s)
        if v is not None:
            return v
    return s


def tagged(tag, s):
    """An explicitly tagged scalar; the tags gen knows, nothing else."""
    if tag in ("!", TAG + "str"):
        return s
    name = tag[len(TAG):] if tag.startswith(TAG) else None
    if name == "null" and NULL.match(s):
        return None
    if name == "bool" and (TRUE.match(s) or FALSE.match(s)):
        return bool(TRUE.match(s))
    if name == "int" and as_int(s) is not None:
        return as_int(s)
    if name == "float":
        v = as_float(s)
        if v is None and as_int(s) is not None:
            v = float(as_int(s))
        if v is not None:
            return v
    raise Refused(f"cannot read {s!r} as {tag}")


class Reader:
    """Builds JSON data from libyaml's events, the way gen/load.c builds
    its tree; feed it with event(), then read root."""

    def __init__(self):
        self.stack = []     # [container, key or None, anchor]
        self.anchors = {}
        self.docs = 0
        self.root = None

    def put(self, v, is_key=False):
        if not self.stack:
            self.root = v
            return
        top = self.stack[-1]
        c = top[0]
        if isinstance(c, list):
            c.append(v)
        elif top[1] is None:
            if not is_key:
                raise Refused("a list or map as a key has no JSON form")
            if v in c:
                raise Refused(f"duplicate key {v!r}")
            top[1] = v
        else:
            c[top[1]] = v
            top[1] = None

    def want_key(self):
        return (bool(self.stack) and isinstance(self.stack[-1][0], dict)
                and self.stack[-1][1] is None)

    def scalar(self, ev):
        key = self.want_key()
        if ev.tag is not None:
            v = tagged(ev.tag, ev.value)
        elif ev.style in (None, "") and not key:
            v = plain(ev.value)
        else:
            v = ev.value
        if key:
            v = ev.value        # keys stay text, as in gen
        if ev.anchor is not None:
            self.anchors[ev.anchor] = v
        self.put(v, key)

    def open(self, ev, c, want):
        if ev.tag not in (None, "!", TAG + want):
            raise Refused(f"unsupported tag {ev.tag} on a {want}")
        self.stack.append([c, None, ev.anchor])

    def close(self):
        c, _, anchor = self.stack.pop()
        if anchor is not None:
            self.anchors[anchor] = c
        self.put(c)

    def alias(self, ev):
        if ev.anchor not in self.anchors:
            raise Refused(f"*{ev.anchor} names no finished anchor")
        v = self.anchors[ev.anchor]
        self.put(v, self.want_key() and isinstance(v, str))

    def event(self, ev):
        if isinstance(ev, yaml.DocumentStartEvent):
            self.docs += 1
            if self.docs > 1:
                raise Refused("more than one document")
        elif isinstance(ev, yaml.ScalarEvent):
            self.scalar(ev)
        elif isinstance(ev, yaml.SequenceStartEvent):
            self.open(ev, [], "seq")
        elif isinstance(ev, yaml.MappingStartEvent):
            self.open(ev, {}, "map")
        elif isinstance(ev, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            self.close()
        elif isinstance(ev, yaml.AliasEvent):
            self.alias(ev)


def read_yaml(path):
    """The document as JSON data; raises Refused."""
    with open(path, "rb") as f:
        text = f.read()
    r = Reader()
    try:
        for ev in yaml.parse(text, Loader=yaml.CBaseLoader):
            r.event(ev)
    except yaml.YAMLError as e:
        why = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise Refused(why) from None
    return r.root


# The reader on its own: YAML 1.2 core scalars, keys as text, aliases
# expanded, and what it must refuse.
READER_CASES = [
    (b"a: No\nb: 0x1F\nc: 0o17\nd: ~\ne: 2026-11-13\nf: TRUE\n"
     b"g: -.5e1\nh: '12'\ni: !!float 3\n1: key\nj: &x [y]\nk: *x\n",
     {"a": "No", "b": 31, "c": 15, "d": None, "e": "2026-11-13", "f": True,
      "g": -5.0, "h": "12", "i": 3.0, "1": "key", "j": ["y"], "k": ["y"]}),
    (b"a: 1\na: 2\n", None),
    (b"? [a]\n: b\n", None),
    (b"a: !!int x\n", None),
    (b"a: 1\n---\nb: 2\n", None),
]


def check_reader():
    fails = []
    for text, want in READER_CASES:
        r = Reader()
        try:
            for ev in yaml.parse(text, Loader=yaml.CBaseLoader):
                r.event(ev)
            got = r.root
        except Refused:
            got = None
        if got != want:
            fails.append(f"the YAML reader reads {text!r} as {got!r}")
    return fails


def ecma_pattern(validator, pattern, instance, schema):
    """`pattern` as ECMA-262 reads it, the schema's regex dialect: there
    `$` is the end of the text, while Python's re also lets it match
    before a final newline, which would pass an id of "ok\\n"."""
    if not validator.is_type(instance, "string"):
        return
    py = re.sub(r"(?<!\\)\$\Z", r"\\Z", pattern)
    if not re.search(py, instance):
        yield jsonschema.ValidationError(
            f"{instance!r} does not match {pattern!r}")


def make_validator(schema):
    base = jsonschema.Draft202012Validator
    if schema.get("$schema") != base.META_SCHEMA["$id"]:
        sys.exit(f"{SCHEMA}: $schema is not {base.META_SCHEMA['$id']}")
    base.check_schema(schema)
    cls = jsonschema.validators.extend(base, {"pattern": ecma_pattern})
    return cls(schema)


def lint(schema):
    """What editors need of the schema: a description on every property,
    and $ref with nothing beside it but a description, since draft 7,
    which most editors still implement, ignores the siblings of $ref."""
    problems = []
    todo = [("", schema)]
    while todo:
        where, node = todo.pop()
        if isinstance(node, list):
            todo.extend((f"{where}/{i}", s) for i, s in enumerate(node))
            continue
        if not isinstance(node, dict):
            continue
        for name, sub in node.get("properties", {}).items():
            if not (isinstance(sub, dict) and sub.get("description")):
                problems.append(f"no description at {where}/properties/"
                                f"{name}")
        if "$ref" in node and set(node) - {"$ref", "description"}:
            problems.append(f"more than a description beside $ref at "
                            f"{where}")
        todo.extend((f"{where}/{k}", v) for k, v in node.items()
                    if k not in CONDITIONS)
    if not schema["$defs"]["extension"].get("description"):
        problems.append("no description at /$defs/extension")
    return problems


def check_modeline(path):
    """The data file's first line points editors at the schema."""
    with open(path, encoding="utf-8") as f:
        first = f.readline().rstrip("\n")
    m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    if m is None:
        return [f"{path}:1: no '# yaml-language-server: $schema=' line"]
    # yaml-language-server resolves a relative path from the file's
    # directory.
    target = os.path.join(os.path.dirname(path), m.group(1))
    if os.path.realpath(target) != os.path.realpath(SCHEMA):
        return [f"{path}:1: $schema={m.group(1)} is not {SCHEMA}"]
    return []


def load_gen_only(path):
    """NAME KIND REASON... lines; '#' starts a comment line."""
    listed = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 2)
            if len(parts) < 3 or parts[1] not in KINDS:
                sys.exit(f"{path}:{n}: want 'FILE yaml|schema REASON'")
            if parts[0] in listed:
                sys.exit(f"{path}:{n}: '{parts[0]}' listed twice")
            listed[parts[0]] = parts[1]
    return listed


def is_registry(path):
    """Whether a YAML file among others is a registry."""
    with open(path, encoding="utf-8") as f:
        return any(line.startswith("statuses:") for line in f)


def run_gen(gen, path):
    r = subprocess.run([gen, "--data", path, "--lang", "c"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return r.returncode, r.stderr.decode("utf-8", "replace").strip()


def schema_says(validator, path):
    """('refused', why), ('invalid', first error) or ('valid', '')."""
    try:
        doc = read_yaml(path)
    except Refused as e:
        return "refused", str(e)
    errors = sorted(validator.iter_errors(doc), key=lambda e: e.path)
    if errors:
        e = errors[0]
        return "invalid", "/".join(map(str, e.path)) + ": " + e.message
    return "valid", ""


def check_good(gen, validator, path):
    fails = []
    status, why = schema_says(validator, path)
    if status != "valid":
        fails.append(f"{path}: schema: {status}: {why}")
    rc, err = run_gen(gen, path)
    if rc != 0:
        fails.append(f"{path}: gen exit status {rc}: {err}")
    return fails


def check_bad(gen, validator, path, kind):
    rc, err = run_gen(gen, path)
    if rc != 65:
        return [f"{path}: gen exit status {rc}, expected 65"]
    status, why = schema_says(validator, path)
    if kind is None and status == "invalid":
        return []
    if kind is None and status == "refused":
        return [f"{path}: no YAML document for the schema ({why}); "
                f"list it in {GEN_ONLY} as 'yaml' with the reason"]
    if kind is None:
        return [f"{path}: gen rejects it but the schema accepts it; teach "
                f"the schema, or list it in {GEN_ONLY} as 'schema' with "
                f"the reason no schema can say it"]
    want = {"yaml": "refused", "schema": "valid"}[kind]
    if status != want:
        return [f"{path}: listed as '{kind}' in {GEN_ONLY}, but the reader "
                f"and schema say {status} {why}; update the list"]
    return []


# The edges of the control characters a phrase (a language's too), a
# title or a reference (a flag's too) may hold (tab and line feed) and may not (the rest of C0, DEL, C1):
# gen and the schema must agree on each, one at a time.
CONTROL_EDGES = {0x08: False, 0x09: True, 0x0A: True, 0x0B: False,
                 0x0D: False, 0x1F: False, 0x20: True, 0x7E: True,
                 0x7F: False, 0x80: False, 0x9F: False, 0xA0: True}
CONTROL_DOC = """registry: {name: t, title: %s, locales: [en]}
flags: [{id: f, title: %s, ref: %s, description: "\\x07 is fine here"}]
classes: [{id: c, first: 200, last: 299, title: C, description: D}]
statuses: [{code: 200, phrase: %s, ref: %s, status: standard,
  phrases: {python: %s}, flags: [f], description: "\\x07 is fine here"}]
"""
CONTROL_WHERE = ("title", "flag title", "flag ref", "phrase", "ref",
                 "language's phrase")


def check_controls(gen, validator):
    fails = []
    plain = '"a b"'
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "edge.yaml")
        for cp, ok in sorted(CONTROL_EDGES.items()):
            text = '"a\\u%04X b"' % cp
            for k, where in enumerate(CONTROL_WHERE):
                args = tuple(text if i == k else plain
                             for i in range(len(CONTROL_WHERE)))
                with open(path, "w", encoding="utf-8") as f:
                    f.write(CONTROL_DOC % args)
                rc, err = run_gen(gen, path)
                status, why = schema_says(validator, path)
                if (rc == 0) != ok or (status == "valid") != ok:
                    fails.append(f"U+{cp:04X} in a {where}: gen exit "
                                 f"status {rc} ({err}), schema {status} "
                                 f"{why}; want {'valid' if ok else 'refused'}")
    return fails


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_schema.py BUILDDIR")
    gen = os.path.join(sys.argv[1], "gen")
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    validator = make_validator(schema)
    fails = [f"{SCHEMA}: {p}" for p in lint(schema)]
    fails += check_reader()
    fails += check_controls(gen, validator)
    fails += check_modeline(GOOD[0])
    listed = load_gen_only(GEN_ONLY)
    for name in sorted(listed):
        if not os.path.exists(name):
            fails.append(f"{GEN_ONLY}: '{name}' does not exist; remove it")
    good = GOOD + sorted(p for g in GOOD_GLOBS for p in glob.glob(g)
                         if is_registry(p))
    bad = sorted(p for g in BAD_GLOBS for p in glob.glob(g))
    if len(good) < 3 or len(bad) < 10:
        fails.append("too few inputs found: run from the top of the tree")
    for path in good:
        fails += check_good(gen, validator, path)
    for path in bad:
        fails += check_bad(gen, validator, path, listed.get(path))
    if fails:
        print("\n".join(fails), file=sys.stderr)
        print(f"test_schema: {len(fails)} failures", file=sys.stderr)
        return 1
    n = sum(1 for p in bad if p in listed)
    print(f"test_schema: {len(good)} good inputs pass schema and gen; "
          f"{len(bad) - n} bad ones fail both; {n} fail gen only, as listed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
