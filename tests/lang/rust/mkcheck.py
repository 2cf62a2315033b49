#!/usr/bin/python3
"""Writes check.rs: a program that asks the Rust module gen wrote for a
registry every question of its lookup API and compares each answer with
what this script works out from the registry itself.

Usage: mkcheck.py JSON RS YAML > check.rs

JSON is gen's JSON output for the registry (every status with its id,
aliases and history, ids already derived), RS the Rust module written
in the same run, from which the type's name is read, and YAML the
registry's data itself, from which the flags are read.  The code
outputs list the statuses that are neither unofficial nor docs_only
(gen run without --include).

The questions, each with the answer expected:
  - from_code (through the registry's code type) and from_u16: every
    code from two below the first to two above the last when that range
    is small, else every listed code and its neighbours; the ends of
    i64; for each found, code, reason, class, Display, every class
    predicate and every flag predicate (is_<flag>: true exactly when
    the YAML gives the status the flag);
  - ALL: every listed code, ascending;
  - from_name: each id and alias as it is, in upper case and in mixed
    case, and near misses (a letter short, a space more, the empty
    string, a phrase);
  - from_phrase: each phrase, current and earlier, as it is, in ASCII
    upper, lower and swapped case, in Unicode upper case (which ASCII
    folding must not undo), and near misses.
"""

import json
import re
import sys

import yaml


def fold(s):
    """ASCII lower case; every other character unchanged."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s)


def ascii_upper(s):
    return "".join(chr(ord(c) - 32) if "a" <= c <= "z" else c for c in s)


def mixed(s):
    """Every other ASCII letter in upper case, starting with the first."""
    out, up = [], True
    for c in s:
        if c.isascii() and c.isalpha():
            out.append(c.upper() if up else c.lower())
            up = not up
        else:
            out.append(c)
    return "".join(out)


def swap(s):
    return "".join(c.swapcase() if c.isascii() else c for c in s)


def lit(s):
    """A Rust string literal of s: printable ASCII as it is."""
    out = []
    for c in s:
        if c in "\"\\":
            out.append("\\" + c)
        elif " " <= c <= "~":
            out.append(c)
        else:
            out.append("\\u{%x}" % ord(c))
    return '"%s"' % "".join(out)


def opt(v):
    return "None" if v is None else "Some(%d)" % v


def main():
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    rs = open(sys.argv[2], encoding="utf-8").read()
    name = re.search(r"^pub struct ([A-Za-z0-9_]+)\(", rs, re.M).group(1)
    module = re.sub(r"\.rs$", "", sys.argv[2].rsplit("/", 1)[-1])
    listed = sorted((s for s in data["statuses"]
                     if s["status"] != "unofficial" and not s["docs_only"]),
                    key=lambda s: s["code"])
    by_code = {s["code"]: s for s in listed}
    classes = data["classes"]
    source = yaml.safe_load(open(sys.argv[3], encoding="utf-8"))
    flag_ids = [f["id"] for f in source.get("flags") or []]
    flags_of = {s["code"]: s.get("flags") or [] for s in source["statuses"]}

    def class_of(code):
        for k in classes:
            if k["first"] <= code <= k["last"]:
                return k["id"]
        raise SystemExit("mkcheck.py: code %d is in no class" % code)

    names = {}
    for s in listed:
        for n in [s["id"]] + list(s["aliases"] or []):
            names[n] = s["code"]
    phrases = {}
    for s in listed:
        keys = [(s["phrase"], False)] + [(h["phrase"], True)
                                         for h in s["history"] or []]
        for p, earlier in keys:
            k, rank = fold(p), (earlier, s["code"])
            if k not in phrases or rank < phrases[k][0]:
                phrases[k] = (rank, s["code"])

    codes = sorted(by_code)
    first, last = codes[0], codes[-1]
    asked = set()
    if last - first <= 4000:
        asked.update(range(first - 2, last + 3))
    else:
        for c in codes:
            asked.update((c - 1, c, c + 1))
    asked.update((-2 ** 63, 2 ** 63 - 1, -1, 0, 65535, 65536))
    code_rows = []
    for c in sorted(asked):
        s = by_code.get(c)
        if s is None:
            code_rows.append("    (%d, None)," % c)
        else:
            code_rows.append("    (%d, Some((%s, %s, %s)))," % (
                c, lit(s["phrase"]), lit(class_of(c)),
                lit("".join(" %s " % f for f in flags_of[c]))))

    name_asks = {"", " ", "no_such_status_name_at_all"}
    for n, c in names.items():
        name_asks.update((n, ascii_upper(n), mixed(n), n + " ", " " + n,
                          n[:-1], n.replace("_", "-")))
    for s in listed[:20]:
        name_asks.add(s["phrase"])
    name_rows = ["    (%s, %s)," % (lit(q), opt(names.get(fold(q))))
                 for q in sorted(name_asks)]

    phrase_asks = {"", " ", "No Such Phrase At All"}
    for s in listed:
        for p in [s["phrase"]] + [h["phrase"] for h in s["history"] or []]:
            phrase_asks.update((p, ascii_upper(p), fold(p), swap(p),
                                p.upper(), p + " ", p[:-1]))
    phrase_rows = []
    for q in sorted(phrase_asks):
        hit = phrases.get(fold(q))
        phrase_rows.append("    (%s, %s)," % (
            lit(q), opt(hit[1] if hit else None)))

    preds = "".join(
        "    check_class(&mut bad, %s, |s| s.is_%s());\n" % (lit(k["id"]),
                                                              k["id"])
        for k in classes)
    preds += "".join(
        "    check_flag(&mut bad, %s, |s| s.is_%s());\n" % (lit(f), f)
        for f in flag_ids)
    sys.stdout.write(TEMPLATE % {
        "module": module, "type": name,
        "codes": "\n".join(code_rows),
        "all": "\n".join("    %d," % c for c in codes),
        "names": "\n".join(name_rows),
        "phrases": "\n".join(phrase_rows),
        "preds": preds,
    })


TEMPLATE = """\
//! Written by tests/lang/rust/mkcheck.py: asks the module every question
//! of its lookup API and compares the answers with the registry's.
#![forbid(unsafe_code)]

#[path = "%(module)s.rs"]
mod registry;

use registry::{%(type)s as R, %(type)sCode as Code};
use std::convert::TryFrom;
use std::process::exit;

/// Codes, each with the reason, class and flags (each with a space
/// either side) of its status, if listed.
const CODES: &[(i64, Option<(&str, &str, &str)>)] = &[
%(codes)s
];

/// Every listed code, ascending.
const ALL: &[i64] = &[
%(all)s
];

/// Names, each with the code it finds.
const NAMES: &[(&str, Option<i64>)] = &[
%(names)s
];

/// Phrases, each with the code it finds.
const PHRASES: &[(&str, Option<i64>)] = &[
%(phrases)s
];

fn by_code(code: i64) -> Option<R> {
    Code::try_from(code).ok().and_then(R::from_code)
}

fn code_of(status: Option<R>) -> Option<i64> {
    status.map(|s| i64::from(s.code()))
}

fn report(bad: &mut u32, ok: bool, what: String) {
    if !ok {
        eprintln!("check.rs: {}", what);
        *bad += 1;
    }
}

/// The predicate holds for exactly the listed codes of the class.
fn check_class(bad: &mut u32, class: &str, pred: fn(R) -> bool) {
    for &(code, want) in CODES {
        if let (Some(s), Some((_, k, _))) = (by_code(code), want) {
            report(bad, pred(s) == (k == class),
                   format!("is_{}() of {}", class, code));
        }
    }
}

/// The predicate holds for exactly the listed codes with the flag.
// Unused when the registry has no flags.
#[allow(dead_code)]
fn check_flag(bad: &mut u32, flag: &str, pred: fn(R) -> bool) {
    let (mut with, mut without) = (0, 0);
    for &(code, want) in CODES {
        if let (Some(s), Some((_, _, flags))) = (by_code(code), want) {
            let has = flags.contains(&format!(" {} ", flag));
            report(bad, pred(s) == has,
                   format!("is_{}() of {} is {}", flag, code, pred(s)));
            if has {
                with += 1;
            } else {
                without += 1;
            }
        }
    }
    println!("is_{}: {} codes with the flag, {} without", flag, with,
             without);
}

fn main() {
    let mut bad = 0;
    for &(code, want) in CODES {
        let s = by_code(code);
        report(&mut bad, code_of(s) == want.map(|_| code),
               format!("from_code({}) is {:?}", code, code_of(s)));
        if (0..=0xFFFF).contains(&code) {
            report(&mut bad, R::from_u16(code as u16) == s,
                   format!("from_u16({}) differs from from_code", code));
        }
        if let (Some(s), Some((reason, class, _))) = (s, want) {
            report(&mut bad, s.reason() == reason,
                   format!("reason() of {} is {:?}", code, s.reason()));
            report(&mut bad, s.class() == class,
                   format!("class() of {} is {:?}", code, s.class()));
            report(&mut bad,
                   s.to_string() == format!("{} {}", code, reason),
                   format!("Display of {} is {:?}", code, s.to_string()));
            report(&mut bad, Code::from(s) == s.code(),
                   format!("From<{}> for its code", code));
        }
    }
    report(&mut bad,
           R::ALL.iter().map(|s| i64::from(s.code())).eq(ALL.iter().copied()),
           "ALL differs from the listed codes".to_string());
    for &(name, want) in NAMES {
        let got = code_of(R::from_name(name));
        report(&mut bad, got == want,
               format!("from_name({:?}) is {:?}, not {:?}", name, got, want));
    }
    for &(phrase, want) in PHRASES {
        let got = code_of(R::from_phrase(phrase));
        report(&mut bad, got == want,
               format!("from_phrase({:?}) is {:?}, not {:?}", phrase, got,
                       want));
    }
%(preds)s    if bad > 0 {
        eprintln!("check.rs: {} checks failed", bad);
        exit(1);
    }
    println!("{} codes, {} names, {} phrases", CODES.len(), NAMES.len(),
             PHRASES.len());
}
"""

if __name__ == "__main__":
    main()
