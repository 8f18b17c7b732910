#!/usr/bin/env bash
# live-recheck.sh CONFORMANCE_DIR
#
# Re-runs real node on every conformance program and checks that the stored
# expectations still match, so that a node upgrade or a hand-edited
# expectation file is noticed. Exits 77 (reported by CTest as "skipped")
# when node is not on PATH.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=lib.sh
source "$here/lib.sh"
root=${1:-$here}

if ! command -v node >/dev/null 2>&1; then
  echo "node is not on PATH: skipping the live recheck of the conformance corpus"
  exit 77
fi
echo "rechecking with $(node --version)"

work=$(mktemp -d "${TMPDIR:-/tmp}/looplab-live-recheck.XXXXXX")
trap 'rm -rf "$work"' EXIT

check_one() {
  local prog=$1 out
  out=$(mktemp -d "$work/run.XXXXXX")
  conformance_run "$out" "$prog" node "$(basename "$prog")"
  local report
  if report=$(conformance_compare "$out" "$prog" live-node); then
    return 0
  fi
  printf 'FAIL: %s\n%s\n' "$prog" "$report"
  return 1
}
export -f check_one conformance_run conformance_compare conformance_clean_env \
  conformance_normalize_stderr
export work CONFORMANCE_TIMEOUT

total=0
failed=0
jobs=$(nproc 2>/dev/null || echo 2)
mapfile -t progs < <(find "$root" -mindepth 2 -maxdepth 2 -name '*.js' | LC_ALL=C sort)
total=${#progs[@]}
if ! printf '%s\0' "${progs[@]}" | xargs -0 -n 1 -P "$jobs" bash -c 'check_one "$0"' \
    >"$work/report" 2>&1; then
  failed=$(grep -c '^FAIL: ' "$work/report")
fi
cat "$work/report"
echo "$((total - failed))/$total programs match node's recorded output"
[[ $failed -eq 0 ]]
