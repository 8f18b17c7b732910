#!/usr/bin/env bash
# Times each bench/eventloop program under `looplab run`, `looplab trace
# --format json -o /dev/null` and `node`, side by side in one run, and prints
# the ratios (targets: run/node <= 3, trace/run <= 2). Then, from `looplab
# trace --stats`, each trace's size in memory, side tables included (target:
# at most 16 bytes per event in all), and the time to seek to 1000
# scattered steps (target: under 5 ms), for these programs and for the
# 1M-event trace of bench/ui/immediates-40k.js.
# Usage: bench/run-eventloop.sh [path/to/looplab] [repeats]
# Results are recorded in docs/perf.md ("Event loop").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
looplab="${1:-$here/../build/looplab}"
repeats="${2:-3}"
command -v node >/dev/null || { echo "node is not installed: nothing to compare against" >&2; exit 1; }

source "$here/lib.sh"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %8s %9s %9s %9s %10s\n' program node_s run_s trace_s run/node trace/run
for program in "$here"/eventloop/*.js; do
  name=$(basename "$program" .js)
  if ! diff <(node "$program") <("$looplab" run "$program") >/dev/null; then
    echo "$name: looplab's output differs from node's" >&2
    exit 1
  fi
  n=$(best_time node "$program")
  r=$(best_time "$looplab" run "$program")
  t=$(best_time "$looplab" trace "$program" --format json -o /dev/null)
  printf '%-16s %8.3f %9.3f %9.3f %9s %10s\n' "$name" "$n" "$r" "$t" "$(ratio "$r" "$n")" "$(ratio "$t" "$r")"
done

echo
printf '%-16s %9s %8s %9s %9s %8s %8s %8s %9s %9s\n' program events B/event B/ev_all seek_ms: mean p50 p95 max first
for program in "$here"/eventloop/*.js "$here"/ui/immediates-40k.js; do
  name=$(basename "$program" .js)
  stats=$("$looplab" trace "$program" --format json -o /dev/null --stats 2>&1 >/dev/null)
  awk -v name="$name" '
    /^trace:/ { events = $2; for (i = 1; i <= NF; i++) { if ($i ~ /^B\/event\)/) { per = $(i - 1); sub(/\(/, "", per) } if ($i == "bytes/event") all = $(i - 1) } }
    /^seek:/ { first = $7; for (i = 1; i <= NF; i++) { if ($i == "mean") mean = $(i + 1); if ($i == "p50") p50 = $(i + 1); if ($i == "p95") p95 = $(i + 1); if ($i == "max") max = $(i + 1) } }
    END { gsub(/,/, "", mean); gsub(/,/, "", p50); gsub(/,/, "", p95); printf "%-16s %9s %8s %9s %9s %8s %8s %8s %9s %9s\n", name, events, per, all, "", mean, p50, p95, max, first }
  ' <<<"$stats"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
