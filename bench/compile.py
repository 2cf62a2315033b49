#!/usr/bin/python3
"""What users pay to compile gen's outputs, next to the same entries as a
plain sorted table; prints the table of BENCHMARKS.md.

Usage: compile.py --gen GEN --runtime RUNTIME --tsc TSC
           [--sizes N,...] [--langs L,...] [--runs R] [--timeout S]
           [--once-over S] [--max-mb MB] [--tmp DIR]

For each size N, bench/mkregistry.py N --seed 1 writes a registry and gen
renders its C, Go, Rust, TypeScript and Python (and the JSON, from which
the entries are read).  For the same entries, the code outputs hold
(neither unofficial nor docs_only codes), a baseline per language holds
one array of {code, name, phrase, description} sorted by code and a
binary search over it: the floor any generator of plain data would pay.
Then each of these runs R times, the generated file and the table in
turn, so that a busy machine slows both alike:

  c           gcc -O2 -c: a .c file that defines the implementation
              macro and includes the header, against table.c
  go          go build ./... of a module holding the package, with a
              GOCACHE that holds nothing but the standard library
              packages it may import, made afresh for each run
  rust        rustc --edition 2021 -O --crate-type lib
  typescript  node tsc --strict --noEmit --target es2017 --lib es2017
  python      python3 -c 'import MODULE', with PYTHONDONTWRITEBYTECODE
              and no __pycache__, so the source is compiled each time

Each command runs under bench/runtime, which reports its wall time, its
CPU time (user and system, with the processes it waited for: cc1 and as
under gcc, compile under go build) and the largest resident set among
them.  A command that runs past --timeout seconds, or whose processes
together hold more than --max-mb MB, is killed, and the table shows what
it had spent by then as a lower bound ("> 540"); one whose first run
takes over --once-over seconds is not repeated.  The exit status is 1
when a compiler rejects a file, gen's or a baseline's; a timeout or a
kill is a result, not an error.

Environment defaults: BENCH_COMPILE_SIZES ("10000 100000"),
BENCH_COMPILE_LANGS, BENCH_COMPILE_RUNS (3), BENCH_COMPILE_TIMEOUT (900),
BENCH_COMPILE_ONCE_OVER (300), BENCH_COMPILE_MAX_MB (12000).
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

LANGS = ["c", "go", "rust", "typescript", "python"]
HERE = os.path.dirname(os.path.abspath(__file__))
PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")

COMMANDS = {
    "c": "gcc -O2 -c",
    "go": "go build",
    "rust": "rustc -O",
    "typescript": "tsc --strict",
    "python": "import",
}


# --- string literals: every one pure ASCII, whatever the text holds ---

def quote(units, special, fmt):
    """A double-quoted literal of units (code points or bytes): printable
    ASCII as it is, special characters after a backslash, the rest as
    fmt makes them."""
    out = []
    for u in units:
        ch = chr(u)
        if ch in special:
            out.append("\\" + ch)
        elif 0x20 <= u < 0x7f:
            out.append(ch)
        else:
            out.append(fmt(u))
    return '"' + "".join(out) + '"'


def c_str(s):
    # Bytes in octal; '?' escaped, so that no trigraph forms.
    return quote(s.encode("utf-8"), '"\\?', lambda b: "\\%03o" % b)


def go_str(s):
    return quote(map(ord, s), '"\\',
                 lambda o: "\\u%04x" % o if o < 0x10000 else "\\U%08x" % o)


def rust_str(s):
    return quote(map(ord, s), '"\\', lambda o: "\\u{%x}" % o)


def ts_str(s):
    return json.dumps(s, ensure_ascii=True)


# --- the baselines ---

def table_c(entries):
    rows = ",\n".join("\t{%d, %s, %s, %s}" % (
        c, c_str(n), c_str(p), c_str(d)) for c, n, p, d in entries)
    return """/* A plain sorted table and a binary search: the baseline. */
#include <stddef.h>

struct entry {
	long code;
	const char *name;
	const char *phrase;
	const char *description;
};

static const struct entry entries[] = {
%s
};

const struct entry *table_find(long code);

const struct entry *
table_find(long code)
{
	size_t lo = 0, hi = sizeof(entries) / sizeof(entries[0]);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (entries[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < sizeof(entries) / sizeof(entries[0]) &&
	    entries[lo].code == code)
		return &entries[lo];
	return NULL;
}
""" % rows


def table_go(entries):
    rows = "".join("\t{%d, %s, %s, %s},\n" % (
        c, go_str(n), go_str(p), go_str(d)) for c, n, p, d in entries)
    return """// Package table is a plain sorted table and a binary search: the
// baseline.
package table

import "sort"

// Entry is one code.
type Entry struct {
	Code        int
	Name        string
	Phrase      string
	Description string
}

var entries = []Entry{
%s}

// Find returns the entry of code, if there is one.
func Find(code int) (Entry, bool) {
	i := sort.Search(len(entries), func(i int) bool {
		return entries[i].Code >= code
	})
	if i < len(entries) && entries[i].Code == code {
		return entries[i], true
	}
	return Entry{}, false
}
""" % rows


def table_rust(entries):
    rows = "".join("    Entry { code: %d, name: %s, phrase: %s, "
                   "description: %s },\n" % (
                       c, rust_str(n), rust_str(p), rust_str(d))
                   for c, n, p, d in entries)
    return """//! A plain sorted table and a binary search: the baseline.

/// One code.
pub struct Entry {
    /// The code.
    pub code: u32,
    /// Its name.
    pub name: &'static str,
    /// Its phrase.
    pub phrase: &'static str,
    /// What it means.
    pub description: &'static str,
}

/// Every code, sorted.
pub static ENTRIES: &[Entry] = &[
%s];

/// The entry of code, if there is one.
pub fn find(code: u32) -> Option<&'static Entry> {
    ENTRIES
        .binary_search_by_key(&code, |e| e.code)
        .ok()
        .map(|i| &ENTRIES[i])
}
""" % rows


def table_ts(entries):
    rows = "".join("  { code: %d, name: %s, phrase: %s, description: %s },\n"
                   % (c, ts_str(n), ts_str(p), ts_str(d))
                   for c, n, p, d in entries)
    return """// A plain sorted table and a binary search: the baseline.
export interface Entry {
  readonly code: number;
  readonly name: string;
  readonly phrase: string;
  readonly description: string;
}

const entries: readonly Entry[] = [
%s];

/** The entry of code, or undefined. */
export function find(code: number): Entry | undefined {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const e = entries[mid];
    if (e === undefined || e.code >= code) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  const e = entries[lo];
  return e !== undefined && e.code === code ? e : undefined;
}
""" % rows


def table_python(entries):
    rows = "".join("    (%d, %s, %s, %s),\n" % (
        c, ascii(n), ascii(p), ascii(d)) for c, n, p, d in entries)
    return '''"""A plain sorted table and a binary search: the baseline."""

import bisect
from typing import Optional, Tuple

Entry = Tuple[int, str, str, str]

ENTRIES: Tuple[Entry, ...] = (
%s)
_CODES = tuple(e[0] for e in ENTRIES)


def find(code: int) -> Optional[Entry]:
    """The entry of code, or None."""
    i = bisect.bisect_left(_CODES, code)
    if i < len(_CODES) and _CODES[i] == code:
        return ENTRIES[i]
    return None
''' % rows


# --- running and timing ---

def session_usage(sid):
    """(resident bytes, CPU seconds) of the processes in session sid now;
    the CPU time includes what each has reaped of its children."""
    rss = ticks = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % pid, "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # After the command name, from 0: state, ppid, pgrp, session, ...
        # utime 11, stime 12, cutime 13, cstime 14, ... rss 21.
        if int(fields[3]) == sid:
            rss += int(fields[21]) * PAGE
            ticks += sum(int(x) for x in fields[11:15])
    return rss, ticks / TICKS


def run(argv, cwd, env, limits, log):
    """Runs argv once under bench/runtime, which measures it (a child of
    this Python process would inherit its peak RSS); returns (outcome,
    wall s, CPU s, peak RSS bytes), outcome "ok", "timeout", "memory" or
    "error".  A run killed for time or memory reports the CPU time and
    memory its processes held when they were killed."""
    with open(log, "wb") as err:
        t0 = time.monotonic()
        p = subprocess.Popen([limits.runtime] + argv, cwd=cwd, env=env,
                             stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=err,
                             start_new_session=True)
    stop = threading.Event()
    killed = []

    def watch():
        peak = 0
        while not stop.wait(1.0):
            rss, cpu = session_usage(p.pid)
            peak = max(peak, rss)
            if time.monotonic() - t0 > limits.timeout:
                why = "timeout"
            elif limits.max_mb and rss > limits.max_mb * 1e6:
                why = "memory"
            else:
                continue
            killed.append((why, time.monotonic() - t0, cpu, peak))
            kill(p.pid)
            return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        out = p.communicate()[0]
    finally:
        stop.set()
        kill(p.pid)     # on an interrupt, and whatever was left behind
    watcher.join()
    if killed:
        return killed[0]
    if p.returncode != 0:
        with open(log, "ab") as f:
            f.write(out)
        return "error", 0, 0, 0
    # What the command printed comes first; runtime's line is the last.
    ns, kb, cpu_ns = (int(x) for x in out.split()[-3:])
    return "ok", ns / 1e9, cpu_ns / 1e9, kb * 1024


def kill(pgid):
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class Job:
    """One file to compile: how, where, and its results."""

    def __init__(self, argv, cwd, src, env=None, fresh=None, check=None):
        self.argv, self.cwd = argv, cwd
        self.src = src          # what it compiles (a C header, a Go module)
        self.env = dict(os.environ, **(env or {}))
        self.fresh = fresh      # (directory, copied into it before each run)
        self.check = check      # a function called after each run
        self.runs = []          # (wall, cpu, rss) of the successful runs
        self.outcome = None     # the failure, if a run failed
        self.killed = None      # (wall, cpu, rss) of a run killed

    def once(self, args, logdir, name):
        if self.fresh:
            shutil.rmtree(self.fresh[0], ignore_errors=True)
            shutil.copytree(self.fresh[1], self.fresh[0])
        log = os.path.join(logdir, name + ".log")
        outcome, wall, cpu, rss = run(self.argv, self.cwd, self.env, args,
                                      log)
        if outcome == "ok" and self.check:
            self.check()
        if outcome != "ok":
            self.outcome = outcome
            self.killed = (wall, cpu, rss)
            if outcome == "error":
                with open(log, "rb") as f:
                    tail = f.read()[-1500:].decode("utf-8", "replace")
                print("compile: %s failed:\n%s" % (name, tail),
                      file=sys.stderr)
        else:
            self.runs.append((wall, cpu, rss))

    def done(self, args):
        """Whether to stop: after a failure, R runs, or one long run."""
        return (self.outcome is not None or len(self.runs) >= args.runs or
                (len(self.runs) == 1 and self.runs[0][0] > args.once_over))

    def median(self, k):
        return statistics.median(r[k] for r in self.runs)

    def cell(self, k):
        """Wall (k 0) or CPU (k 1) seconds: the median, or what a killed
        run had spent, as a lower bound."""
        if self.outcome == "error":
            return "error"
        if self.outcome:
            return "> %.0f" % self.killed[k]
        return "%.2f" % self.median(k)

    def peak(self):
        if self.outcome in ("timeout", "memory"):
            return "> %.0f" % (self.killed[2] / 1e6)
        return "%.0f" % (max(r[2] for r in self.runs) / 1e6) \
            if self.runs else "-"


def no_pycache(d):
    def check():
        if os.path.exists(os.path.join(d, "__pycache__")):
            sys.exit("compile: %s/__pycache__ appeared" % d)
    return check


def prepare(lang, side, d, meta, text, args):
    """Writes the files of one side ("gen" or "table") of one language
    under d and returns its Job."""
    os.makedirs(d, exist_ok=True)
    if lang == "c":
        if side == "gen":
            src = os.path.join(d, "impl.c")
            write(src, '#define %s_IMPLEMENTATION\n#include "%s.h"\n' % (
                meta["c_prefix"].upper(), meta["name"]))
            size = os.path.join(d, meta["name"] + ".h")
        else:
            src = size = os.path.join(d, "table.c")
            write(src, text)
        return Job(["gcc", "-O2", "-c", "-o", os.path.join(d, "out.o"),
                    src], d, size)
    if lang == "go":
        if side == "table":
            write(os.path.join(d, "table", "table.go"), text)
        write(os.path.join(d, "go.mod"), GO_MOD)
        cache = os.path.join(d, ".gocache")
        return Job(["go", "build", "./..."], d, d,
                   env=go_env(cache, os.path.join(d, ".gopath")),
                   fresh=(cache, args.go_std))
    if lang == "rust":
        src = os.path.join(d, "%s.rs" % (meta["name"] if side == "gen"
                                           else "table"))
        if text is not None:
            write(src, text)
        return Job(["rustc", "--edition", "2021", "-O", "--crate-type",
                    "lib", "--out-dir", d, src], d, src)
    if lang == "typescript":
        src = os.path.join(d, "%s.ts" % (meta["name"] if side == "gen"
                                           else "table"))
        if text is not None:
            write(src, text)
        return Job(["node", args.tsc, "--strict", "--noEmit", "--target",
                    "es2017", "--lib", "es2017", src], d, src)
    if lang == "python":
        mod = meta["name"] if side == "gen" else "table"
        src = os.path.join(d, mod + ".py")
        if text is not None:
            write(src, text)
        return Job([sys.executable, "-c", "import " + mod], d, src,
                   env={"PYTHONDONTWRITEBYTECODE": "1"}, check=no_pycache(d))
    raise ValueError(lang)


GO_MOD = "module bench\n\ngo 1.19\n"
# What generated Go code might import.  Go 1.20 and later ship no
# compiled standard library, so an empty GOCACHE would make every run
# compile these too.
GO_STD = ["fmt", "sort", "strconv", "strings"]


def go_env(cache, gopath):
    return {"GOCACHE": cache, "GOPATH": gopath, "GOFLAGS": "-mod=mod",
            "GOPROXY": "off", "GOTOOLCHAIN": "local", "GO111MODULE": "on"}


def go_std_cache(tmp):
    """A GOCACHE holding the compiled GO_STD packages, and nothing else."""
    d = os.path.join(tmp, "go-std")
    write(os.path.join(d, "go.mod"), GO_MOD)
    write(os.path.join(d, "std", "std.go"), "package std\n\nimport (\n%s)\n"
          % "".join('\t_ "%s"\n' % p for p in GO_STD))
    env = dict(os.environ, **go_env(os.path.join(d, "cache"),
                                    os.path.join(d, "gopath")))
    subprocess.run(["go", "build", "./..."], cwd=d, env=env, check=True)
    return os.path.join(d, "cache")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def source_bytes(job):
    if os.path.isfile(job.src):
        return os.path.getsize(job.src)
    return sum(os.path.getsize(os.path.join(r, f))
               for r, _, fs in os.walk(job.src) for f in fs
               if f.endswith(".go"))


def entries_of(path):
    """The code outputs' entries, by code, and the registry's names."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    reg = data["registry"]
    default = reg["locales"][0]
    entries = sorted(
        (s["code"], s["id"].upper(), s["phrase"], s["description"][default])
        for s in data["statuses"]
        if s["status"] != "unofficial" and not s["docs_only"])
    meta = {"name": reg["name"], "c_prefix": reg["c_prefix"],
            "max_code": entries[-1][0]}
    return entries, meta


def measure(args, n, tmp):
    d = os.path.join(tmp, str(n))
    os.makedirs(d)
    yaml_path = os.path.join(d, "registry.yaml")
    subprocess.run([sys.executable, os.path.join(HERE, "mkregistry.py"),
                    str(n), "--seed", "1", "-o", yaml_path], check=True)
    out = os.path.join(d, "gen")
    argv = [args.gen, "--data", yaml_path, "--out", out, "--lang", "json"]
    for lang in args.langs:
        argv += ["--lang", lang]
    subprocess.run(argv, check=True)
    entries, meta = entries_of(os.path.join(out, "json", meta_name(out)))
    meta["load"] = [os.getloadavg()[1]]
    writers = {"c": table_c, "go": table_go, "rust": table_rust,
               "typescript": table_ts, "python": table_python}
    rows = []
    for lang in args.langs:
        # gen --out puts each language in a directory named after it.
        g = prepare(lang, "gen", os.path.join(out, lang), meta, None, args)
        t = prepare(lang, "table", os.path.join(d, "table", lang), meta,
                    writers[lang](entries), args)
        i = 0
        while not (g.done(args) and t.done(args)):
            for side, job in (("gen", g), ("table", t)):
                if not job.done(args):
                    job.once(args, d, "%s-%s-%d" % (lang, side, i))
            i += 1
        print("compile: %d %s done" % (n, lang), file=sys.stderr)
        rows.append((lang, g, t))
        meta["load"].append(os.getloadavg()[1])
    return len(entries), meta, rows


def meta_name(out):
    names = os.listdir(os.path.join(out, "json"))
    if len(names) != 1:
        sys.exit("compile: expected one JSON file, got %s" % names)
    return names[0]


def ratio(g, t, k):
    if g.outcome == "error" or t.outcome or not t.runs:
        return "-"
    if g.outcome:
        return "> %.0f" % (g.killed[k] / t.median(k))
    return "%.1f" % (g.median(k) / t.median(k))


def runs(args, job):
    if job.outcome == "timeout":
        return "%d, then killed at %d s" % (len(job.runs), args.timeout)
    if job.outcome == "memory":
        return "%d, then killed at %d MB" % (len(job.runs), args.max_mb)
    return "%d" % len(job.runs)


def report(args, results):
    print("| statuses | language | command | gen wall s | gen CPU s "
          "| table wall s | table CPU s | wall ratio | CPU ratio "
          "| gen peak MB | table peak MB | gen runs | table runs |")
    print("|--:|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|")
    notes = []
    for n, count, meta, rows in results:
        for lang, g, t in rows:
            name = lang
            print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s "
                  "| %s | %s |" % (
                      "{:,}".format(n), name, COMMANDS[lang],
                      g.cell(0), g.cell(1), t.cell(0), t.cell(1),
                      ratio(g, t, 0), ratio(g, t, 1), g.peak(), t.peak(),
                      runs(args, g), runs(args, t)))
        notes.append("%s statuses (%d in the code outputs, codes up to %d); "
                     "source MB, gen/table: %s; load average (5 min) "
                     "%.1f to %.1f on %d CPUs" % (
                         "{:,}".format(n), count, meta["max_code"],
                         ", ".join("%s %.1f/%.1f" % (
                             lang, source_bytes(g) / 1e6,
                             source_bytes(t) / 1e6)
                             for lang, g, t in rows),
                         min(meta["load"]), max(meta["load"]),
                         os.cpu_count()))
    print()
    for line in notes:
        print("- " + line)


def env_default(name, default):
    return os.environ.get(name) or default


def main():
    ap = argparse.ArgumentParser(
        description="Times compiling gen's outputs against plain tables.")
    ap.add_argument("--gen", required=True)
    ap.add_argument("--runtime", required=True, help="bench/runtime, built")
    ap.add_argument("--tsc", help="TypeScript's bin/tsc, run with node")
    ap.add_argument("--sizes", default=env_default(
        "BENCH_COMPILE_SIZES", "10000 100000"))
    ap.add_argument("--langs", default=env_default(
        "BENCH_COMPILE_LANGS", " ".join(LANGS)))
    ap.add_argument("--runs", type=int, default=int(env_default(
        "BENCH_COMPILE_RUNS", "3")))
    ap.add_argument("--timeout", type=int, default=int(env_default(
        "BENCH_COMPILE_TIMEOUT", "900")))
    ap.add_argument("--once-over", type=float, default=float(env_default(
        "BENCH_COMPILE_ONCE_OVER", "300")))
    ap.add_argument("--max-mb", type=int, default=int(env_default(
        "BENCH_COMPILE_MAX_MB", "12000")))
    ap.add_argument("--tmp", help="keep the files here (default: a "
                    "temporary directory, removed)")
    args = ap.parse_args()
    args.gen = os.path.abspath(args.gen)
    args.runtime = os.path.abspath(args.runtime)
    args.langs = args.langs.replace(",", " ").split()
    for lang in args.langs:
        if lang not in LANGS:
            sys.exit("compile: unknown language %r (%s)" % (
                lang, ", ".join(LANGS)))
    sizes = [int(s) for s in args.sizes.replace(",", " ").split()]
    need = {"c": ["gcc"], "go": ["go"], "rust": ["rustc"],
            "typescript": ["node"], "python": []}
    for lang in args.langs:
        for tool in need[lang]:
            if shutil.which(tool) is None:
                sys.exit("compile: %s is not installed (tests/"
                         "ensure-packages.sh bench installs it)" % tool)
    if "typescript" in args.langs:
        if not args.tsc or not os.path.isfile(args.tsc):
            sys.exit("compile: --tsc names no TypeScript compiler")
        args.tsc = os.path.abspath(args.tsc)
    # A kill ends the command being timed too (run's finally) and
    # removes the temporary files.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tmp = args.tmp or tempfile.mkdtemp(prefix="bench-compile.")
    os.makedirs(tmp, exist_ok=True)
    try:
        if "go" in args.langs:
            args.go_std = go_std_cache(tmp)
        results = []
        for n in sizes:
            count, meta, rows = measure(args, n, tmp)
            results.append((n, count, meta, rows))
        report(args, results)
        failed = [lang for _, _, _, rows in results for lang, g, t in rows
                  if "error" in (g.outcome, t.outcome)]
        if failed:
            sys.exit("compile: a compiler rejected the %s code" %
                     ", ".join(sorted(set(failed))))
    finally:
        if not args.tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
