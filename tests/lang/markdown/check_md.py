"""Checks a generated Markdown document: every in-page link resolves to an
explicit anchor or a GitHub heading slug, anchors are unique, there is a
table of contents, and one code heading per status in the data.

Usage: check_md.py DATA_YAML DOC CONTENTS_LABEL
"""

import re
import sys

import yaml


def github_slug(text, seen):
    """The id GitHub gives a heading: tags dropped, lower case, punctuation
    other than - and _ dropped, spaces to -, repeats numbered."""
    text = re.sub(r"<[^>]*>", "", text).strip().lower()
    slug = "".join(c for c in text if c.isalnum() or c in "-_ ")
    slug = slug.replace(" ", "-")
    n = seen.get(slug, 0)
    seen[slug] = n + 1
    return slug if n == 0 else "%s-%d" % (slug, n)


def main():
    data_path, doc_path, contents = sys.argv[1:4]
    with open(data_path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    with open(doc_path, encoding="utf-8") as f:
        text = f.read()
    errors = []
    lines = text.split("\n")
    if not lines[0].startswith("<!-- ") or not lines[0].endswith(" -->"):
        errors.append("line 1 is not the <!-- ... --> notice")

    ids = re.findall(r'<a id="([^"]*)"></a>', text)
    dups = sorted(set(i for i in ids if ids.count(i) > 1))
    if dups:
        errors.append("anchors defined twice: %s" % ", ".join(dups[:5]))
    targets = set(ids)
    seen = {}
    headings = [l for l in lines if re.match(r"#{1,6} ", l)]
    for h in headings:
        targets.add(github_slug(h.lstrip("#").strip(), seen))

    if "## " + contents not in lines:
        errors.append("no '## %s' heading" % contents)
    links = re.findall(r"\]\(#([^)]*)\)", text)
    if len(links) < len(data["classes"]):
        errors.append("only %d in-page links" % len(links))
    for link in links:
        if link not in targets:
            errors.append("link #%s has no target" % link)

    entries = [h for h in headings
               if re.match(r'#{3,4} <a id="[^"]*"></a>[0-9]+ ', h)]
    want = len(data["statuses"])
    if len(entries) != want:
        errors.append("%d code entries, the data has %d statuses"
                      % (len(entries), want))
    for e in errors[:20]:
        print("%s: %s" % (doc_path, e), file=sys.stderr)
    return 1 if errors else 0


sys.exit(main())
