#!/usr/bin/env bash
# Seeking in 1M-event traces that each stress one part of the fold's state
# (target: p95 and max under 5 ms, docs/perf.md "Seeking"): runs `looplab
# trace --stats` on every bench/seek program, checks that looplab printed
# what node prints, and shows the events, seek times (1000 scattered seeks
# after the checkpoints are built), first seek and checkpoint memory.
# Usage: bench/seek/run.sh [path/to/looplab]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
looplab="${1:-$here/../../build/looplab}"

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %9s %8s %8s %8s %8s %10s %12s\n' program events mean_ms p50_ms p95_ms max_ms first_ms checkpt_MB
for program in "$here"/*.js; do
  name=$(basename "$program" .js)
  if command -v node >/dev/null && ! diff <(node "$program") <("$looplab" run "$program") >/dev/null; then
    echo "$name: looplab's output differs from node's" >&2
    exit 1
  fi
  stats=$("$looplab" trace "$program" --format json -o /dev/null --stats 2>&1 >/dev/null)
  awk -v name="$name" '
    /^trace:/ { events = $2 }
    /^seek:/ { first = $7; for (i = 1; i <= NF; i++) { if ($i == "mean") mean = $(i + 1); if ($i == "p50") p50 = $(i + 1); if ($i == "p95") p95 = $(i + 1); if ($i == "max") max = $(i + 1) } }
    /^checkpoints:/ { mb = $(NF - 1) }
    END { gsub(/,/, "", mean); gsub(/,/, "", p50); gsub(/,/, "", p95); printf "%-14s %9s %8s %8s %8s %8s %10s %12s\n", name, events, mean, p50, p95, max, first, mb }
  ' <<<"$stats"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
