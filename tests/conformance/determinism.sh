#!/usr/bin/env bash
# determinism.sh LOOPLAB_BINARY PROGRAM.js
#
# Records `looplab trace PROGRAM.js --format json -o FILE` twice and requires
# the two traces to be byte-identical (DESIGN.md principle 2).
set -u
if [[ $# -ne 2 ]]; then
  echo "usage: $0 LOOPLAB_BINARY PROGRAM.js" >&2
  exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=lib.sh
source "$here/lib.sh"
bin=$1
case $bin in /*) ;; *) bin=$(cd "$(dirname "$bin")" && pwd -P)/$(basename "$bin") ;; esac
dir=$(cd "$(dirname "$2")" && pwd -P)
name=$(basename "$2")

out=$(mktemp -d "${TMPDIR:-/tmp}/looplab-determinism.XXXXXX")
trap 'rm -rf "$out"' EXIT

for run in A B; do
  (
    cd "$dir" || exit 125
    conformance_clean_env
    exec timeout --kill-after=5 "$CONFORMANCE_TIMEOUT" "$bin" trace "$name" --format json -o "$out/$run.json" </dev/null
  ) >"$out/$run.stdout" 2>"$out/$run.stderr"
  code=$?
  if [[ ! -f $out/$run.json ]]; then
    echo "run $run: looplab trace exited $code and wrote no trace"
    head -n 20 "$out/$run.stderr"
    exit 1
  fi
done
if ! cmp "$out/A.json" "$out/B.json"; then
  echo "FAIL: two traces of $dir/$name differ"
  diff -u "$out/A.json" "$out/B.json" | head -n 60
  exit 1
fi
echo "ok: $(wc -c <"$out/A.json") identical trace bytes for $dir/$name"
