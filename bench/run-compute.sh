#!/usr/bin/env bash
# Times each bench/compute program whole-process under `looplab run` and
# under `node`, side by side in one run, and prints the ratio per program
# and the median ratio. Usage: bench/run-compute.sh [path/to/looplab] [repeats]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
looplab="${1:-$here/../build/looplab}"
repeats="${2:-3}"
command -v node >/dev/null || { echo "node is not installed: nothing to compare against" >&2; exit 1; }

source "$here/lib.sh"

printf '%-16s %10s %10s %8s\n' program node_s looplab_s ratio
ratios=()
for program in "$here"/compute/*.js; do
  name=$(basename "$program" .js)
  if ! diff <(node "$program") <("$looplab" run "$program") >/dev/null; then
    echo "$name: looplab's output differs from node's" >&2
    exit 1
  fi
  n=$(best_time node "$program")
  l=$(best_time "$looplab" run "$program")
  r=$(awk -v l="$l" -v n="$n" 'BEGIN { printf "%.2f", l / n }')
  ratios+=("$r")
  printf '%-16s %10.3f %10.3f %7.1fx\n' "$name" "$n" "$l" "$r"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
printf 'median ratio: %.1fx\n' "$median"
