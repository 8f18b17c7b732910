#!/usr/bin/env bash
# speedup.sh LOOPLAB_BINARY [BOUND]: wall time of four CPU-bound workers
# with --host-threads 1 and 2 (best of three each), and the ratio.
set -u
bin=$1; bound=${2:-60000}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
best() {
  local n=$1 best=
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N)
    "$bin" run --host-threads "$n" "$here/four-cpu-workers.js" "$bound" >/dev/null || exit 1
    t1=$(date +%s.%N)
    local dt; dt=$(echo "$t1 - $t0" | bc -l)
    if [[ -z $best ]] || (( $(echo "$dt < $best" | bc -l) )); then best=$dt; fi
  done
  echo "$best"
}
t1=$(best 1); t2=$(best 2)
printf 'host-threads 1: %.2f s\nhost-threads 2: %.2f s\nspeed-up: %.2fx\n' "$t1" "$t2" "$(echo "$t1 / $t2" | bc -l)"
