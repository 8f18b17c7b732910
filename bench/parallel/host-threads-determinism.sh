#!/usr/bin/env bash
# host-threads-determinism.sh LOOPLAB_BINARY PROGRAM.js...
#
# Records each program's trace with --host-threads 1, 2 and 8 and requires
# the three JSON traces and stdouts to be byte-identical (DESIGN.md
# principle 5: parallelism changes speed, never a byte of output).
set -u
if [[ $# -lt 2 ]]; then
  echo "usage: $0 LOOPLAB_BINARY PROGRAM.js..." >&2
  exit 2
fi
bin=$1; shift
case $bin in /*) ;; *) bin=$(cd "$(dirname "$bin")" && pwd -P)/$(basename "$bin") ;; esac
out=$(mktemp -d "${TMPDIR:-/tmp}/looplab-host-threads.XXXXXX")
trap 'rm -rf "$out"' EXIT
status=0
for prog in "$@"; do
  dir=$(cd "$(dirname "$prog")" && pwd -P)
  name=$(basename "$prog")
  for n in 1 2 8; do
    (cd "$dir" && timeout 120 "$bin" trace --host-threads "$n" --format json -o "$out/$n.json" "$name" </dev/null) \
      >"$out/$n.stdout" 2>"$out/$n.stderr"
  done
  if cmp -s "$out/1.json" "$out/2.json" && cmp -s "$out/1.json" "$out/8.json" &&
     cmp -s "$out/1.stdout" "$out/2.stdout" && cmp -s "$out/1.stdout" "$out/8.stdout"; then
    echo "ok   $prog ($(wc -c <"$out/1.json") bytes of trace)"
  else
    echo "DIFF $prog"
    status=1
  fi
done
exit $status
