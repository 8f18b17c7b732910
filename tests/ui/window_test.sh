#!/usr/bin/env bash
# The interactive path: open a real (virtual) window under Xvfb on FILE, run
# the program on its worker thread, draw FRAMES frames, close cleanly.
#   window_test.sh LOOPLAB FRAMES FILE
set -euo pipefail
looplab=$1 frames=$2 file=$3
if ! command -v xvfb-run >/dev/null; then
  echo "FAIL: xvfb-run is not installed; the UI tests need it (run scripts/install-deps.sh)" >&2
  exit 1
fi
xvfb-run -a -s "-screen 0 1600x1000x24" "$looplab" --frames "$frames" "$file"
