#!/bin/sh
# gen killed with SIGKILL at any moment must leave every output whole: each
# file byte for byte either its old or its new version.  A large registry
# makes a run long enough to be hit at many points; the delays spread
# over the measured length of a clean run.  Where the file system takes
# O_TMPFILE, gen's temporary files have no name until the commit, so a
# hidden temporary file (.NAME.XXXXXX) left behind fails the test, with
# one exception no program can avoid: Linux cannot put an unnamed file
# over an existing name, so at the commit each gets a name and is then
# renamed, and a kill between those calls leaves names.  Such a run is
# recognised by its state: every leftover is the one temporary file
# beside an old output and holds its new version, and either no output
# is new yet (killed while naming) or every old output has its
# temporary file (killed while renaming); it is counted.
# Anything else left behind (a staged or partial file) fails.  Without
# O_TMPFILE gen falls back to named files from the start, which a kill
# may leave, and they are only counted.
# Usage: sh tests/test_kill.sh BUILDDIR
set -u
gen=$(cd "${1:-build}" && pwd)/gen
runs=${KILL_RUNS:-40}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
langs="--lang c --lang python --lang go --lang markdown"

# Writes a registry named big with N statuses whose phrases carry TAG, so
# that the old and new versions of every output differ.
mkdata() {
	/usr/bin/python3 - "$1" "$2" > "$3" <<'PY'
import sys
n, tag = int(sys.argv[1]), sys.argv[2]
print("registry:\n  name: big\n  title: {en: Big, zh-CN: 大}\n"
      "  locales: [en, zh-CN]\nclasses:\n  - id: all\n"
      "    first: 1000\n"
      "    last: 99999\n    title: All\n    description: Every code.\n"
      "statuses:")
for i in range(n):
    print("  - code: %d\n    phrase: %s Phrase %d\n    status: standard\n"
          "    aliases: [alias_%s_%d]\n"
          "    description: {en: \"Status %d, %s: a longer text.\", "
          "zh-CN: \"状态 %d\"}"
          % (1000 + i, tag, i, tag.lower(), i, i, tag, i))
PY
}

now_ms() {
	/usr/bin/python3 -c 'import time; print(int(time.time() * 1000))'
}

# Whether $tmp takes unnamed files, as gen's own probe would find.
if /usr/bin/python3 -c 'import os, sys
os.close(os.open(sys.argv[1], os.O_TMPFILE | os.O_RDWR, 0o600))' "$tmp" \
    2> /dev/null; then
	unnamed=1
else
	unnamed=0
	echo "test_kill: note: no O_TMPFILE in $tmp; temporary files left" \
	    "behind are only counted" >&2
fi

mkdata 4000 New "$tmp/big.yaml"
mkdata 300 Old "$tmp/old.yaml"
# shellcheck disable=SC2086
"$gen" $langs --data "$tmp/old.yaml" --out "$tmp/old" || exit 1
# The length of a run: the shortest of three clean runs into empty dirs.
span=999999
for d in new new2 new3; do
	t0=$(now_ms)
	# shellcheck disable=SC2086
	"$gen" $langs --data "$tmp/big.yaml" --out "$tmp/$d" || exit 1
	t=$(($(now_ms) - t0))
	[ "$t" -lt "$span" ] && span=$t
done
files=$(cd "$tmp/new" && find . -type f | LC_ALL=C sort)
[ "$(cd "$tmp/old" && find . -type f | LC_ALL=C sort)" = "$files" ] || {
	echo "test_kill: old and new runs wrote different file sets" >&2
	exit 1
}

# Prints the temporary files named for run/$1, one a line.
temps_of() {
	find "$tmp/run/$(dirname "$1")" -maxdepth 1 -type f \
	    -name ".$(basename "$1").??????"
}

fail=0 alive=0 mixed=0 allnew=0 leftovers=0 instants=0
i=0
while [ "$i" -lt "$runs" ]; do
	rm -rf "$tmp/run"
	cp -R "$tmp/old" "$tmp/run"
	# Delays in milliseconds: the first half of the runs spread from 0
	# to 120% of a clean run; the second half crowd into 80% to 105%,
	# where the writes happen (everything is rendered before).
	half=$((runs / 2))
	if [ "$i" -lt "$half" ]; then
		delay=$((span * 12 * i / (10 * half)))
	else
		delay=$((span * 80 / 100 + span * 25 * (i - half) /
		    (100 * (runs - half))))
	fi
	# shellcheck disable=SC2086
	"$gen" $langs --data "$tmp/big.yaml" --out "$tmp/run" &
	pid=$!
	sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
	kill -9 "$pid" 2> /dev/null && alive=$((alive + 1))
	wait "$pid" 2> /dev/null
	nold=0 nnew=0 named=0
	for f in $files; do
		if cmp -s "$tmp/run/$f" "$tmp/new/$f"; then
			nnew=$((nnew + 1))
		elif cmp -s "$tmp/run/$f" "$tmp/old/$f"; then
			nold=$((nold + 1))
			t=$(temps_of "$f")
			if [ -n "$t" ] && [ "$(echo "$t" | wc -l)" -eq 1 ] &&
			    cmp -s "$t" "$tmp/new/$f"; then
				named=$((named + 1))
			fi
		else
			echo "test_kill: run $i (${delay}ms): $f is neither" \
			    "old nor new" >&2
			fail=1
		fi
	done
	[ "$nold" -gt 0 ] && [ "$nnew" -gt 0 ] && mixed=$((mixed + 1))
	[ "$nold" -eq 0 ] && allnew=$((allnew + 1))
	extra=$(cd "$tmp/run" && find . -type f -name '.*' | wc -l)
	leftovers=$((leftovers + extra))
	# The commit names every file, then renames every one: a kill
	# while naming leaves all outputs old, some with their name; a
	# kill while renaming leaves each output new or named.
	if [ "$extra" -gt 0 ] && [ "$extra" -eq "$named" ] &&
	    { [ "$nnew" -eq 0 ] || [ "$named" -eq "$nold" ]; }; then
		instants=$((instants + 1))
	elif [ "$unnamed" -eq 1 ] && [ "$extra" -gt 0 ]; then
		echo "test_kill: run $i (${delay}ms): temporary files left:" \
		    "$(cd "$tmp/run" && find . -type f -name '.*')" >&2
		fail=1
	fi
	other=$(cd "$tmp/run" && find . -type f ! -name '.*' | LC_ALL=C sort)
	if [ "$other" != "$files" ]; then
		echo "test_kill: run $i: unexpected files: $other" >&2
		fail=1
	fi
	i=$((i + 1))
done
echo "test_kill: $runs runs of ${span}ms: $alive killed while running," \
    "$mixed with old and new files side by side, $allnew all new;" \
    "$leftovers temporary files left behind, by $instants runs killed" \
    "between naming and renaming at the commit"
exit "$fail"
