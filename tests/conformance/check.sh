#!/usr/bin/env bash
# check.sh LOOPLAB_BINARY PROGRAM.js
#
# Runs `looplab run PROGRAM.js` with cwd = the program's folder and compares
# its stdout bytes, its exit code and (when PROGRAM.stderr exists) its
# normalized stderr with the expectations recorded from real node by
# scripts/regen-conformance.sh. Prints unified diffs and exits 1 on mismatch.
set -u
if [[ $# -ne 2 ]]; then
  echo "usage: $0 LOOPLAB_BINARY PROGRAM.js" >&2
  exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=lib.sh
source "$here/lib.sh"

bin=$1
prog=$(cd "$(dirname "$2")" && pwd -P)/$(basename "$2")
case $bin in /*) ;; *) bin=$(cd "$(dirname "$bin")" && pwd -P)/$(basename "$bin") ;; esac

out=$(mktemp -d "${TMPDIR:-/tmp}/looplab-conformance.XXXXXX")
trap 'rm -rf "$out"' EXIT

conformance_run "$out" "$prog" "$bin" run "$(basename "$prog")"
if [[ $(cat "$out/code") == 124 || $(cat "$out/code") == 137 ]]; then
  echo "looplab timed out after ${CONFORMANCE_TIMEOUT}s on $prog"
fi
if conformance_compare "$out" "$prog" looplab; then
  echo "ok: $prog"
  exit 0
fi
echo "FAIL: $prog"
exit 1
