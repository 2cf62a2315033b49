#!/bin/sh
# Round trip of the string escapers through the real compilers: awkward
# byte strings (every control and format control escape_is_unsafe names
# among them) are escaped by escape_by, pasted into C (gcc -std=c89 with
# trigraphs, clang -std=c2x, g++ -std=c++98), Python and Go literals, and
# the programs must print the original bytes back.
# Usage: sh tests/test_escape_roundtrip.sh [BUILDDIR]   (from the top)
# Needs gcc, clang, g++, python3 and go; a missing one fails the test.
set -eu

for tool in gcc clang g++ python3 go; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "test_escape_roundtrip: $tool not found" >&2
		exit 1
	fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/escrt.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# The driver: escape stdin for the mode named in argv[1].
cat >"$tmp/driver.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>

#include "base/buf.h"
#include "tmpl/escape.h"

int
main(int argc, char **argv)
{
	struct buf in = BUF_INIT, out = BUF_INIT;
	enum escape_mode mode;
	char chunk[4096];
	size_t n;

	if (argc != 2 || escape_parse(argv[1], &mode) != 0)
		return 2;
	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		buf_add(&in, chunk, n);
	escape_by(&out, mode, NULL, in.ptr, in.len);
	fwrite(out.ptr, 1, out.len, stdout);
	buf_release(&in);
	buf_release(&out);
	return ferror(stdout) ? 1 : 0;
}
EOF
gcc -std=c11 -D_POSIX_C_SOURCE=200809L -Igen -o "$tmp/driver" \
    "$tmp/driver.c" gen/tmpl/escape.c gen/tmpl/escape_table.c gen/base/*.c \
    -pthread

DRIVER="$tmp/driver" TMPD="$tmp" python3 - <<'EOF'
import codecs, os, subprocess, sys

tmp = os.environ["TMPD"]
driver = os.environ["DRIVER"]
allbytes = bytes(range(256))
cases = [
    b"", b"plain text", b'"quoted" \\ back\\', b"a\nb\tc\rd\r\n",
    b"\x00nul\x00", b"??= ??/ ??' ??( ??) ??! ??< ??> ??- ???", b"?\n?",
    b"*/ /* // %s %d {{x}} }} | #", b'"""triple"""', b"'''", b"`back`",
    "caf\u00e9 \u4e2d\u6587 \U0001F600".encode(),
    b"\xff\xfe invalid \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 \xe4\xb8x",
    b"\xe0\x83\xa9 \xf0\x80\x80\xaf \x80 \xc2",
    b"\xef\xbb\xbfbom \xef\xbb\xbf", "\u2028\u2029\x85".encode(),
    b"\x1b[0m\x7f\x01\x0b\x0c", b"\xc3\xa91", b"\\x41\\u0041\\N{DASH}\\",
    # The format controls escape_is_unsafe names, and their neighbours.
    "".join(map(chr, [0x61b, 0x61c, 0x61d, 0x180d, 0x180e, 0x180f] +
                list(range(0x200a, 0x2011)) + list(range(0x2028, 0x2030)) +
                list(range(0x205f, 0x206b)) + [0xfefe, 0xfeff, 0xff00])
            ).encode() + "".join(map(chr, range(0x7e, 0xa1))).encode(),
] + [allbytes[i:i + 64] for i in range(0, 256, 64)]

def esc(mode, data):
    return subprocess.run([driver, mode], input=data, check=True,
                          stdout=subprocess.PIPE).stdout

def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       **kw)
    if r.returncode != 0:
        sys.stderr.write(r.stderr.decode("utf-8", "replace"))
        sys.exit("test_escape_roundtrip: %s failed" % cmd[0])
    return r.stdout

def expect_lines(out, want, what):
    got = out.decode("ascii").split()
    if got != want:
        for i, (g, w) in enumerate(zip(got, want)):
            if g != w:
                sys.exit("%s: case %d: got %s want %s" % (what, i, g, w))
        sys.exit("%s: %d lines, want %d" % (what, len(got), len(want)))

want = [c.hex() or "-" for c in cases]

# C: each case one literal; print each as hex.
lits = b",\n".join(b'{"' + esc("c", c) + b'", %d}' % len(c) for c in cases)
csrc = (b"#include <stdio.h>\n"
        b"static const struct { const char *s; unsigned n; } t[] = {\n" +
        lits + b"\n};\nint main(void) {\n"
        b"\tunsigned i, k;\n"
        b"\tfor (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {\n"
        b"\t\tif (t[i].n == 0) printf(\"-\");\n"
        b"\t\tfor (k = 0; k < t[i].n; k++)\n"
        b"\t\t\tprintf(\"%02x\", (unsigned)(unsigned char)t[i].s[k]);\n"
        b"\t\tprintf(\"\\n\");\n\t}\n\treturn 0;\n}\n")
with open(os.path.join(tmp, "rt.c"), "wb") as f:
    f.write(csrc)
warn = ["-Wall", "-Wextra", "-Wpedantic", "-Werror"]
for cc, std in (("gcc", "-std=c89"), ("clang", "-std=c2x"),
                ("g++", "-std=c++98"), ("clang", "-std=c89")):
    exe = os.path.join(tmp, "rt_" + cc + std)
    lang = ["-x", "c++"] if cc == "g++" else []
    run([cc, std] + warn + lang + ["-o", exe, os.path.join(tmp, "rt.c")])
    expect_lines(run([exe]), want, cc + " " + std)

# Python: a str literal reads back as the UTF-8 text; a byte that is not
# UTF-8 reads back as the code point of the same number.
codecs.register_error("bytemap", lambda e: (
    "".join(chr(b) for b in e.object[e.start:e.end]), e.end))
pysrc = b"t = [\n" + b"".join(
    b'    ("' + esc("python", c) + b'", """' + esc("python", c) + b'"""),\n'
    for c in cases) + b"]\n"
with open(os.path.join(tmp, "rt.py"), "wb") as f:
    f.write(pysrc)
ns = {}
exec(compile(pysrc, "rt.py", "exec"), ns)
for i, (c, (one, three)) in enumerate(zip(cases, ns["t"])):
    text = c.decode("utf-8", "bytemap")
    if one != text or three != text:
        sys.exit("python: case %d: got %r want %r" % (i, one, text))
run([sys.executable, os.path.join(tmp, "rt.py")])

# Go: interpreted strings hold bytes, so every case comes back exactly.
gosrc = (b"package main\n\nimport \"fmt\"\n\nvar t = []string{\n" +
         b"".join(b'\t"' + esc("go", c) + b'",\n' for c in cases) +
         b"}\n\nfunc main() {\n\tfor _, s := range t {\n"
         b"\t\tif s == \"\" {\n\t\t\tfmt.Println(\"-\")\n"
         b"\t\t} else {\n\t\t\tfmt.Printf(\"%x\\n\", s)\n\t\t}\n\t}\n}\n")
with open(os.path.join(tmp, "rt.go"), "wb") as f:
    f.write(gosrc)
env = dict(os.environ)
env.setdefault("GOCACHE", os.path.join(tmp, "gocache"))
env["GOFLAGS"] = ""
env["GO111MODULE"] = "off"
expect_lines(run(["go", "run", os.path.join(tmp, "rt.go")], env=env),
             want, "go")
run(["go", "vet", os.path.join(tmp, "rt.go")], env=env)
print("test_escape_roundtrip: %d cases ok in C, Python and Go" % len(cases))
EOF
