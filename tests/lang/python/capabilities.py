"""Checks every capability of a module gen wrote for any registry against
the registry's YAML: the class of a code (.status_class), the class
predicates (.is_<class>), the flag predicates (.is_<flag>), from_name,
from_phrase and iteration, with the edge cases: first and last code, one
past each end, a gap, names and phrases in mixed case, aliases, earlier
phrases, unknown text and the empty string.

Usage: capabilities.py MODULE DATA_YAML (MODULE found on PYTHONPATH)
"""

import enum
import importlib
import sys
from typing import Any, Callable, Dict, List, Type

import yaml

errors: List[str] = []


def check(ok: bool, what: str) -> None:
    if not ok:
        errors.append(what)


def raises(f: Callable[[], Any]) -> bool:
    """Whether f() raises ValueError (and nothing else)."""
    try:
        f()
    except ValueError:
        return True
    return False


def mixed(text: str) -> str:
    """text with every other ASCII letter upper-cased, the rest lower."""
    out = []
    for i, ch in enumerate(text):
        if ch.isascii():
            ch = ch.upper() if i % 2 else ch.lower()
        out.append(ch)
    return "".join(out)


def ascii_lower(text: str) -> str:
    return "".join(ch.lower() if "A" <= ch <= "Z" else ch for ch in text)


def ascii_upper(text: str) -> str:
    return "".join(ch.upper() if "a" <= ch <= "z" else ch for ch in text)


def main() -> int:
    mod = importlib.import_module(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        data = yaml.safe_load(f)
    found = [v for v in vars(mod).values()
             if isinstance(v, type) and issubclass(v, enum.IntEnum)
             and v is not enum.IntEnum]
    if len(found) != 1:
        print("capabilities.py: %d IntEnum classes" % len(found),
              file=sys.stderr)
        return 1
    E: Type[Any] = found[0]

    statuses = [s for s in data["statuses"]
                if s.get("status") != "unofficial" and not s.get("docs_only")]
    codes = sorted(s["code"] for s in statuses)
    classes = data["classes"]

    # Iteration: every code once, ascending; aliases add no members.
    check([int(m) for m in E] == codes,
          "iteration gives %r..., the data %r..."
          % ([int(m) for m in E][:5], codes[:5]))
    check(len(E) == len(codes), "len %d, data %d" % (len(E), len(codes)))

    # Class of a code and the class predicates, for every member.
    for m in E:
        want = [c["id"] for c in classes if c["first"] <= m <= c["last"]]
        try:
            got_class = m.status_class
        except ValueError:
            got_class = None
        check(len(want) == 1 and got_class == want[0],
              "%d: status_class %r, want %r" % (m, got_class, want))
        for c in classes:
            got = getattr(m, "is_" + c["id"])
            check(got is (c["id"] in want),
                  "%d: is_%s is %r" % (m, c["id"], got))

    # The flag predicates, for every member: exactly True for the codes
    # the data marks, False for the others.
    flags = data.get("flags") or []
    for f in flags:
        have = set(s["code"] for s in statuses if f["id"] in
                   (s.get("flags") or []))
        name = "is_" + f["id"]
        for m in E:
            try:
                got = getattr(m, name)
            except AttributeError:
                check(False, "%d has no %s" % (m, name))
                break
            check(got is (int(m) in have), "%d: %s is %r" % (m, name, got))
    # No predicate for a class or flag the registry does not have.
    known = set("is_" + c["id"] for c in classes)
    known.update("is_" + f["id"] for f in flags)
    extra = sorted(n for n in dir(E) if n.startswith("is_") and n not in known)
    check(not extra, "predicates the data does not declare: %r" % extra)

    # Codes at and past each end, and a gap: only members exist.
    first, last = codes[0], codes[-1]
    check(E(first).status_class != "" and E(last) == last, "first/last")
    check(raises(lambda: E(first - 1)), "%d is a member" % (first - 1))
    check(raises(lambda: E(last + 1)), "%d is a member" % (last + 1))
    gaps = [c for c in range(first, last) if c not in set(codes)]
    check(not gaps or raises(lambda: E(gaps[0])), "gap %r" % gaps[:1])
    check(mod.reason(first - 1) is None and mod.reason(last + 1) is None,
          "reason past the ends")

    # By name: ids and aliases in any ASCII case.
    names: Dict[str, int] = {}
    for s in statuses:
        ident = s.get("id") or E(s["code"]).name.lower()
        for n in [ident] + list(s.get("aliases") or []):
            names[n] = s["code"]
    for n, code in names.items():
        for text in (n, ascii_upper(n), mixed(n)):
            try:
                got = E.from_name(text)
            except ValueError:
                check(False, "from_name(%r) raises" % text)
                continue
            check(got is E(code), "from_name(%r) is %r, want %d"
                  % (text, got, code))
    for text in ("", " ", "no_such_name_at_all", next(iter(names)) + " ",
                 "\u212a", "o\u212a"):
        check(raises(lambda: E.from_name(text)),
              "from_name(%r) does not raise" % text)

    # By phrase: now and earlier, any ASCII case; a shared phrase finds
    # the status that has it now, else the lowest code.
    current: Dict[str, int] = {}
    earlier: Dict[str, int] = {}
    for s in sorted(statuses, key=lambda s: s["code"]):
        current.setdefault(ascii_lower(s["phrase"]), s["code"])
        for h in s.get("history") or []:
            earlier.setdefault(ascii_lower(h["phrase"]), s["code"])
    phrases = dict(earlier)
    phrases.update(current)
    for s in statuses:
        texts = [s["phrase"]] + [h["phrase"] for h in s.get("history") or []]
        for p in texts:
            want = phrases[ascii_lower(p)]
            for text in (p, ascii_upper(p), ascii_lower(p), mixed(p)):
                try:
                    got = E.from_phrase(text)
                except ValueError:
                    check(False, "from_phrase(%r) raises" % text)
                    continue
                check(got is E(want), "from_phrase(%r) is %r, want %d"
                      % (text, got, want))
    for text in ("", " ", "No Such Phrase At All",
                 statuses[0]["phrase"] + " "):
        check(raises(lambda: E.from_phrase(text)),
              "from_phrase(%r) does not raise" % text)

    for e in errors[:20]:
        print("capabilities.py: %s: %s" % (sys.argv[2], e), file=sys.stderr)
    return 1 if errors else 0


sys.exit(main())
