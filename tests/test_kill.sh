#!/bin/sh
# gen killed with SIGKILL at any moment must leave every output whole: each
# file byte for byte either its old or its new version.  A large registry
# makes a run long enough to be hit at many points; the delays spread
# over the measured length of a clean run.  gen writes each changed
# output to a named temporary file beside it (.NAME.XXXXXX) and renames
# it at the end, so a kill may leave such files behind: each must be a
# hidden temporary file beside one of the outputs, and they are counted.
# Anything else left behind (a half-written output, a stray file) fails.
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

# Whether run/$1 is a temporary file of an output: .NAME.XXXXXX beside
# the output NAME.
is_temp() {
	case $(basename "$1") in
	.*.??????) ;;
	*) return 1 ;;
	esac
	n=$(basename "$1")
	n=${n#.}
	n=${n%.??????}
	echo "$files" | grep -qxF "$(dirname "$1")/$n"
}

fail=0 alive=0 mixed=0 allnew=0 leftovers=0 dirty=0
i=0
while [ "$i" -lt "$runs" ]; do
	rm -rf "$tmp/run"
	cp -R "$tmp/old" "$tmp/run"
	# Delays in milliseconds: the first half of the runs spread from 0
	# to 120% of a clean run; the second half crowd into 80% to 105%,
	# where the last outputs settle and the renames happen.
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
	nold=0 nnew=0
	for f in $files; do
		if cmp -s "$tmp/run/$f" "$tmp/new/$f"; then
			nnew=$((nnew + 1))
		elif cmp -s "$tmp/run/$f" "$tmp/old/$f"; then
			nold=$((nold + 1))
		else
			echo "test_kill: run $i (${delay}ms): $f is neither" \
			    "old nor new" >&2
			fail=1
		fi
	done
	[ "$nold" -gt 0 ] && [ "$nnew" -gt 0 ] && mixed=$((mixed + 1))
	[ "$nold" -eq 0 ] && allnew=$((allnew + 1))
	extra=0
	for t in $(cd "$tmp/run" && find . -type f -name '.*'); do
		extra=$((extra + 1))
		if ! is_temp "$t"; then
			echo "test_kill: run $i (${delay}ms): $t is no" \
			    "temporary file of an output" >&2
			fail=1
		fi
	done
	leftovers=$((leftovers + extra))
	[ "$extra" -gt 0 ] && dirty=$((dirty + 1))
	other=$(cd "$tmp/run" && find . -type f ! -name '.*' | LC_ALL=C sort)
	if [ "$other" != "$files" ]; then
		echo "test_kill: run $i: unexpected files: $other" >&2
		fail=1
	fi
	i=$((i + 1))
done
echo "test_kill: $runs runs of ${span}ms: $alive killed while running," \
    "$mixed with old and new files side by side, $allnew all new;" \
    "$leftovers temporary files left behind, by $dirty runs"
exit "$fail"
