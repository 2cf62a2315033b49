#!/usr/bin/python3
"""Times gen against the libyaml floor and prints the table of BENCHMARKS.md.

Usage: measure.py --gen [LABEL=]GEN... --floor FLOOR --runtime RUNTIME
           --tmp DIR [--runs R] [--callgrind CASE] CASE=FILE...

Each CASE=FILE is a registry; FILE "-" is the built-in data (gen runs
without --data, the floor parses data/http_status.yaml), and it gets a
second row, "unchanged", for a run whose outputs are already current:
the every-build case, which only compares.  Otherwise gen renders all
four built-in languages with --out into a new, empty directory each run,
so every run renders and writes (and fsyncs) every file.  Every gen runs
twice per case: with its default --jobs (one thread per processor) and
with -j 1, whose CPU time is what the work costs on any machine.

Each program runs once unmeasured, then R times (ten times as often for
inputs under 1 MB); the runs of the floor and of every --gen are
interleaved, so that a busy machine slows them all alike.  The table
shows medians of wall time, which includes the process start, and of
CPU time (user and system), and the largest peak RSS, all as
bench/runtime.c reports them.  --callgrind
CASE also counts instructions for CASE under valgrind's callgrind, which
is stable on a busy machine.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

LANGS = ["--lang", "c", "--lang", "python", "--lang", "go",
         "--lang", "markdown"]
EMBEDDED = "data/http_status.yaml"
RUNTIME = "runtime"


def spawn(argv):
    """Runs argv under RUNTIME; returns (seconds, peak RSS in bytes,
    CPU seconds)."""
    r = subprocess.run([RUNTIME] + argv, stdout=subprocess.PIPE, text=True,
                       check=False)
    if r.returncode != 0:
        sys.exit("measure: %s failed" % " ".join(argv))
    ns, kb, cpu = r.stdout.split()[:3]
    return int(ns) / 1e9, int(kb) * 1024, int(cpu) / 1e9


def gen_argv(gen, path, out, jobs=()):
    argv = [gen] + list(jobs) + LANGS + ["--out", out]
    if path != "-":
        argv += ["--data", path]
    return argv


def measure(args, path, unchanged):
    """Medians for the floor and each gen on one input."""
    size = os.path.getsize(EMBEDDED if path == "-" else path)
    runs = args.runs * (10 if size < 1 << 20 else 1)
    floor_argv = [args.floor, EMBEDDED if path == "-" else path]
    labels = ["floor"] + [label for label, _, _ in args.gens]
    times = {k: [] for k in labels}
    cpus = {k: [] for k in labels}
    rss = {k: [] for k in labels}

    def keep(label, i, tmc):
        if i > 0:
            times[label].append(tmc[0])
            rss[label].append(tmc[1])
            cpus[label].append(tmc[2])

    for i in range(runs + 1):
        keep("floor", i, spawn(floor_argv))
        for k, (label, gen, jobs) in enumerate(args.gens):
            out = os.path.join(args.tmp, "out%d" % k)
            if not unchanged:
                shutil.rmtree(out, ignore_errors=True)
            keep(label, i, spawn(gen_argv(gen, path, out, jobs)))
    for k in range(len(args.gens)):
        shutil.rmtree(os.path.join(args.tmp, "out%d" % k),
                      ignore_errors=True)
    return {
        "size": size, "runs": runs,
        "time": {k: statistics.median(v) for k, v in times.items()},
        "cpu": {k: statistics.median(v) for k, v in cpus.items()},
        "rss": {k: max(v) for k, v in rss.items()},
    }


def instructions(argv):
    """Instructions executed by argv under callgrind."""
    r = subprocess.run(["valgrind", "--tool=callgrind",
                        "--callgrind-out-file=/dev/null"] + argv,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True, check=False)
    m = re.search(r"Collected : (\d+)", r.stderr)
    if r.returncode != 0 or m is None:
        sys.exit("measure: callgrind failed on %s:\n%s" % (
            " ".join(argv), r.stderr[-2000:]))
    return int(m.group(1))


def mb(n):
    return n / 1e6


def table(args, results):
    print("| case | gen | input MB | floor ms | gen ms | gen/floor "
          "| floor CPU ms | gen CPU ms | CPU/floor | floor RSS MB "
          "| gen RSS MB | RSS/input |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for name, r in results:
        for label, _, _ in args.gens:
            t, f = r["time"][label], r["time"]["floor"]
            c, fc = r["cpu"][label], r["cpu"]["floor"]
            print("| %s | %s | %.2f | %.1f | %.1f | %.2f | %.1f | %.1f "
                  "| %.2f | %.1f | %.1f | %.2f |" % (
                      name, label, mb(r["size"]), f * 1e3, t * 1e3, t / f,
                      fc * 1e3, c * 1e3, c / fc, mb(r["rss"]["floor"]),
                      mb(r["rss"][label]), r["rss"][label] / r["size"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gen", required=True, action="append",
                    help="[LABEL=]PATH; repeat to compare builds")
    ap.add_argument("--floor", required=True)
    ap.add_argument("--runtime", required=True)
    ap.add_argument("--tmp", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--callgrind", help="the case to count instructions of")
    ap.add_argument("cases", nargs="+", metavar="CASE=FILE")
    args = ap.parse_args()
    args.gens = []
    for g in args.gen:
        label, _, path = g.rpartition("=")
        label, path = label or "gen", os.path.abspath(path)
        args.gens.append((label, path, ()))
        args.gens.append((label + " -j1", path, ("-j", "1")))
    args.floor = os.path.abspath(args.floor)
    global RUNTIME
    RUNTIME = os.path.abspath(args.runtime)
    cases = [c.split("=", 1) for c in args.cases]
    results = []
    for name, path in cases:
        results.append((name, measure(args, path, False)))
        if path == "-":
            results.append((name + ", unchanged", measure(args, path, True)))
        print("measured %s" % name, file=sys.stderr)
    table(args, results)
    byname = dict(results)
    print()
    print("runs per case: %s" % ", ".join(
        "%s %d" % (n, r["runs"]) for n, r in results))
    if "10k" in byname and "100k" in byname:
        print("time(100k)/time(10k): %s, floor %.2f" % (", ".join(
            "%s %.2f" % (label, byname["100k"]["time"][label] /
                         byname["10k"]["time"][label])
            for label, _, _ in args.gens),
            byname["100k"]["time"]["floor"] /
            byname["10k"]["time"]["floor"]))
    if args.callgrind:
        path = dict(cases)[args.callgrind]
        fi = instructions([args.floor, EMBEDDED if path == "-" else path])
        for label, gen, jobs in args.gens:
            if not jobs:
                continue
            gi = instructions(gen_argv(gen, path,
                                       os.path.join(args.tmp, "cg"), jobs))
            shutil.rmtree(os.path.join(args.tmp, "cg"), ignore_errors=True)
            print("callgrind %s: %s %d Ir, floor %d Ir, ratio %.2f" % (
                args.callgrind, label, gi, fi, gi / fi))


if __name__ == "__main__":
    main()
