"""Checks data/http_status.yaml against the facts it must carry.

Usage: check_data.py DATA_YAML IANA_TSV [MARKDOWN...]

Fails (exit 1, one line per problem) when a code of the IANA registry,
of the Chinese reference documents or of the well-known unofficial sets
is missing; when a registered phrase, status or reference differs from
the registry's; when a status, class, set, sub-status or note lacks text
in any locale; when a renamed code lacks its earlier phrases or aliases;
when a description does not name the header that goes with its code; or
when the Markdown given does not show expiry, history and unofficial
codes.
"""

import re
import sys

import yaml

# Codes the Chinese reference documents this project grew from list.
CHINESE_DOCS = (
    list(range(100, 104)) + list(range(200, 209)) + [226]
    + list(range(300, 309)) + list(range(400, 419))
    + list(range(421, 427)) + [428, 429, 431, 451]
    + list(range(500, 509)) + [510, 511]
)
IIS_401_SUBCODES = [1, 2, 3, 4, 5, 7]

# Unofficial codes people meet, by the set that owns them.
UNOFFICIAL = {
    "nginx": [444, 494, 495, 496, 497, 499],
    "cloudflare": [520, 521, 522, 523, 524, 525, 526, 530],
    "iis": [440, 449],
    "apache": [509],
    "aws": [460, 463, 561],
    "esri": [498, 499],
    "other": [419, 420, 529, 598, 599],
}

# IANA lists 418 as (Unused); the data keeps the phrase people know.
KEPT_PHRASES = {418: "I'm a teapot"}

# Earlier phrases (RFC 1945, 2068, 2616, 7231, 4918) a reader may search
# for, and the legacy identifiers other libraries still use.
HISTORY = {
    302: ["Moved Temporarily"],
    408: ["Request Time-out"],
    413: ["Payload Too Large", "Request Entity Too Large"],
    414: ["Request-URI Too Long", "Request-URI Too Large"],
    416: ["Requested Range Not Satisfiable"],
    422: ["Unprocessable Entity"],
    504: ["Gateway Time-out"],
}
ALIASES = {
    306: ["switch_proxy"],
    413: ["payload_too_large", "request_entity_too_large"],
    414: ["request_uri_too_long"],
    416: ["requested_range_not_satisfiable"],
    422: ["unprocessable_entity"],
}

# The header fields a description must name, in every locale.
HEADERS = {
    101: ["Upgrade"], 103: ["Link"], 201: ["Location"],
    206: ["Content-Range"], 301: ["Location"], 302: ["Location"],
    303: ["Location"], 304: ["ETag"], 307: ["Location"], 308: ["Location"],
    401: ["WWW-Authenticate"], 405: ["Allow"], 407: ["Proxy-Authenticate"],
    413: ["Retry-After"], 416: ["Content-Range"], 426: ["Upgrade"],
    429: ["Retry-After"], 451: ["Link"], 503: ["Retry-After"],
}

CJK = re.compile("[\u4e00-\u9fff]")
errors = []


def err(msg):
    errors.append(msg)


def read_iana(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, desc, ref = line.rstrip("\n").split("\t")
            rows[int(code)] = (desc, ref)
    return rows


def texts(where, value, locales, required=True, name=False):
    """Every locale's text of a locale map; reports what is missing.  A
    name (nginx) may read the same in every locale."""
    if value is None:
        if required:
            err("%s: no text" % where)
        return {}
    if not isinstance(value, dict):
        value = {locales[0]: value}
    for loc in locales:
        t = value.get(loc)
        if not isinstance(t, str) or not t.strip():
            err("%s: no %s text" % (where, loc))
        elif loc.startswith("zh") and not name and not CJK.search(t):
            err("%s: the %s text has no Chinese in it" % (where, loc))
        elif loc == "en" and CJK.search(t):
            err("%s: the en text has Chinese in it" % where)
    return value


def sentences(text):
    return len([s for s in re.split(r"(?<=[.!?。！？])\s*", text)
                if s.strip()])


def check_iana(by_code, iana):
    for code, (desc, ref) in sorted(iana.items()):
        s = by_code.get(code)
        if s is None:
            err("%d (IANA: %s) is missing" % (code, desc))
            continue
        want, kind = desc, "standard"
        if desc == "(Unused)":
            want, kind = KEPT_PHRASES.get(code, desc), "unused"
        elif desc.endswith(" (OBSOLETED)"):
            want, kind = desc[:-len(" (OBSOLETED)")], "deprecated"
        elif "(TEMPORARY" in desc:
            want, kind = desc[:desc.index(" (")], "temporary"
            m = re.search(r"expires (\d{4}-\d\d-\d\d)", desc)
            if str(s.get("expires")) != m.group(1):
                err("%d: expires %r, IANA says %s"
                    % (code, s.get("expires"), m.group(1)))
        if s["phrase"] != want:
            err("%d: phrase %r, IANA registers %r"
                % (code, s["phrase"], want))
        if s["status"] != kind and not (kind == "standard" and
                                        s["status"] == "deprecated"):
            err("%d: status %r, IANA lists it as %s"
                % (code, s["status"], kind))
        if ref not in str(s.get("ref", "")):
            err("%d: reference %r does not cite %r"
                % (code, s.get("ref"), ref))
    for code, s in by_code.items():
        if s["status"] != "unofficial" and code not in iana:
            err("%d is %s but not in the IANA registry"
                % (code, s["status"]))


def check_coverage(by_code, all_by_code):
    for code in CHINESE_DOCS:
        if code not in by_code:
            err("%d (in the Chinese reference documents) is missing" % code)
    subs = [c["sub"] for c in by_code.get(401, {}).get("subcodes", [])]
    for sub in IIS_401_SUBCODES:
        if sub not in subs:
            err("IIS sub-status 401.%d is missing" % sub)
    for set_id, codes in UNOFFICIAL.items():
        for code in codes:
            s = next((e for e in all_by_code.get(code, [])
                      if e.get("set") == set_id), by_code.get(code))
            if s is None:
                err("unofficial %d (%s) is missing" % (code, set_id))
            elif s["status"] != "unofficial" or s.get("set") != set_id:
                err("%d: status %r, set %r; expected unofficial, %s"
                    % (code, s["status"], s.get("set"), set_id))
            elif not s.get("source"):
                err("%d: an unofficial code must name its source" % code)


def check_names(by_code):
    for code, phrases in HISTORY.items():
        had = [h["phrase"] for h in by_code[code].get("history", [])]
        for p in phrases:
            if p not in had:
                err("%d: history lacks %r" % (code, p))
    for code, s in by_code.items():
        for h in s.get("history", []):
            if h["phrase"] == s["phrase"]:
                err("%d: history repeats the current phrase" % code)
            if not h.get("ref"):
                err("%d: history entry %r names no document"
                    % (code, h["phrase"]))
    for code, aliases in ALIASES.items():
        for a in aliases:
            if a not in by_code[code].get("aliases", []):
                err("%d: alias %r is missing" % (code, a))


def check_texts(data, locales):
    reg = data["registry"]
    texts("registry.title", reg["title"], locales)
    texts("registry.description", reg.get("description"), locales)
    for c in data["classes"]:
        texts("class %s title" % c["id"], c["title"], locales)
        texts("class %s" % c["id"], c["description"], locales)
    for s in data.get("sets", []):
        texts("set %s title" % s["id"], s["title"], locales, name=True)
        texts("set %s" % s["id"], s.get("description"), locales)
    for s in data["statuses"]:
        code = s["code"]
        d = texts("%d" % code, s.get("description"), locales)
        texts("%d note" % code, s.get("note"), locales, required=False)
        for sc in s.get("subcodes", []):
            texts("%d.%d" % (code, sc["sub"]), sc.get("description"),
                  locales)
        for loc, t in d.items():
            n = sentences(t)
            if not 1 <= n <= 3:
                err("%d: the %s description has %d sentences, not 1 to 3"
                    % (code, loc, n))
            for h in HEADERS.get(code, []):
                if h not in t:
                    err("%d: the %s description does not name %s"
                        % (code, loc, h))


def check_markdown(paths, by_code):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            md = f.read()
        for code, s in by_code.items():
            if s.get("expires") and str(s["expires"]) not in md:
                err("%s: the expiry of %d is not shown" % (path, code))
            for h in s.get("history", []):
                if h["phrase"] not in md:
                    err("%s: %d's earlier phrase %r is not shown"
                        % (path, code, h["phrase"]))
        if 'id="unofficial"' not in md:
            err("%s: no part for unofficial codes" % path)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        data = yaml.safe_load(f)
    iana = read_iana(sys.argv[2])
    locales = data["registry"]["locales"]
    # by_code: the entry the code outputs use; all_by_code: every entry.
    by_code, all_by_code = {}, {}
    for s in data["statuses"]:
        all_by_code.setdefault(s["code"], []).append(s)
        if not s.get("docs_only"):
            by_code.setdefault(s["code"], s)
    if len(iana) != 64:
        err("the IANA table has %d codes, not 64" % len(iana))
    check_iana(by_code, iana)
    check_coverage(by_code, all_by_code)
    check_names(by_code)
    check_texts(data, locales)
    check_markdown(sys.argv[3:], by_code)
    for e in errors:
        print("check_data: " + e, file=sys.stderr)
    return 1 if errors else 0


sys.exit(main())
