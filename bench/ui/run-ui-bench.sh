#!/usr/bin/env bash
# The window's frame-time benchmark (docs/perf.md, "UI"): a million-event
# trace, 300 frames under Xvfb -- 100 zoomed out, 100 zoomed in, 100 scrubbing.
#   bench/ui/run-ui-bench.sh [BUILD_DIR]   (default build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
xvfb-run -a -s "-screen 0 1920x1080x24" "$build/looplab" --no-settings --window-size 1600x900 \
  --frames 300 --report "${REPORT:-/tmp/looplab-ui-frames.tsv}" "$here/immediates-40k.js"
