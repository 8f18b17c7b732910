#!/usr/bin/env bash
# One UI smoke test: render FILE with `looplab screenshot` under Xvfb and check
# the PNG is the right size and not blank.
#   screenshot_test.sh LOOPLAB CHECKER OUT.png WxH FILE [looplab options...]
set -euo pipefail
looplab=$1 checker=$2 out=$3 size=$4 file=$5
shift 5

if ! command -v xvfb-run >/dev/null; then
  echo "FAIL: xvfb-run is not installed; the UI tests need it (run scripts/install-deps.sh)" >&2
  exit 1
fi
rm -f "$out"
xvfb-run -a -s "-screen 0 1600x1000x24" "$looplab" screenshot "$file" --size "$size" -o "$out" "$@"
"$checker" "$out" "${size%x*}" "${size#*x}"
