# Shared helpers for the bench/run-*.sh scripts; source it after setting
# `repeats`.

# Best-of-N wall time in seconds for one command (N = $repeats).
best_time() {
  local best=""
  for _ in $(seq "$repeats"); do
    local start end t
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
    end=$(date +%s.%N)
    t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')
    if [ -z "$best" ] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$t; fi
  done
  echo "$best"
}
