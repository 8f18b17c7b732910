#!/usr/bin/env bash
# Times each bench/eventloop program under `looplab run`, `looplab trace
# --format json -o /dev/null` and `node`, side by side in one run, and prints
# the ratios to node. Usage: bench/run-eventloop.sh [path/to/looplab] [repeats]
# Results are recorded in docs/perf.md ("Event loop").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
looplab="${1:-$here/../build/looplab}"
repeats="${2:-3}"
command -v node >/dev/null || { echo "node is not installed: nothing to compare against" >&2; exit 1; }

source "$here/lib.sh"

printf '%-16s %8s %9s %9s %8s %8s\n' program node_s run_s trace_s run/node trace/node
for program in "$here"/eventloop/*.js; do
  name=$(basename "$program" .js)
  if ! diff <(node "$program") <("$looplab" run "$program") >/dev/null; then
    echo "$name: looplab's output differs from node's" >&2
    exit 1
  fi
  n=$(best_time node "$program")
  r=$(best_time "$looplab" run "$program")
  t=$(best_time "$looplab" trace "$program" --format json -o /dev/null)
  printf '%-16s %8.3f %9.3f %9.3f %7.1fx %9.1fx\n' "$name" "$n" "$r" "$t" \
    "$(awk -v a="$r" -v b="$n" 'BEGIN { print a / b }')" "$(awk -v a="$t" -v b="$n" 'BEGIN { print a / b }')"
done
