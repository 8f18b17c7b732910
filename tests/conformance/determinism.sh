#!/usr/bin/env bash
# determinism.sh LOOPLAB_BINARY PROGRAM.js
#
# Records `looplab trace PROGRAM.js --format json -o FILE` twice, with
# --host-threads 1 and 2, and requires the traces to be byte-identical
# (DESIGN.md principle 2). A par/ program (several isolates on host
# threads) is recorded a third time with --host-threads 8.
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

threads=(1 2)
[[ $(basename "$dir") == par ]] && threads+=(8)
for run in "${threads[@]}"; do
  (
    cd "$dir" || exit 125
    conformance_clean_env
    exec timeout --kill-after=5 "$CONFORMANCE_TIMEOUT" "$bin" trace --host-threads "$run" "$name" --format json \
      -o "$out/$run.json" </dev/null
  ) >"$out/$run.stdout" 2>"$out/$run.stderr"
  code=$?
  if [[ ! -f $out/$run.json ]]; then
    echo "run $run: looplab trace exited $code and wrote no trace"
    head -n 20 "$out/$run.stderr"
    exit 1
  fi
done
for run in "${threads[@]:1}"; do
  if ! cmp "$out/1.json" "$out/$run.json"; then
    echo "FAIL: the traces of $dir/$name with --host-threads 1 and $run differ"
    diff -u "$out/1.json" "$out/$run.json" | head -n 60
    exit 1
  fi
done
echo "ok: $(wc -c <"$out/1.json") identical trace bytes for $dir/$name (host threads: ${threads[*]})"
