#!/usr/bin/env bash
# One built-in scenario through the front end: screenshots at several steps,
# forwards and back (0, early steps, past the end = the last step, then back
# to early ones), each checked to be a real rendering (the layout check, --check-fit,
# is ui/fit/<name>: fit_test.sh); then the window opened
# on it, stepped with keys, every panel drawn.
#   scenario_test.sh LOOPLAB CHECKER OUT_PREFIX FILE
set -euo pipefail
looplab=$1 checker=$2 out=$3 file=$4
if ! command -v xvfb-run >/dev/null; then
  echo "FAIL: xvfb-run is not installed; the UI tests need it (run scripts/install-deps.sh)" >&2
  exit 1
fi
export XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
for step in 0 5 25 999999999 40 12; do
  rm -f "$out-$step.png"
  xvfb-run -a -s "-screen 0 1600x1000x24" "$looplab" screenshot "$file" --step "$step" --size 1280x720 \
    -o "$out-$step.png"
  "$checker" "$out-$step.png" 1280 720
done
# The window: forwards by event, callback, phase, iteration, then back again.
xvfb-run -a -s "-screen 0 1600x1000x24" "$looplab" --frames 40 --window-size 1280x720 \
  --press "Home Right Right Shift+Right Ctrl+Right PgDn Alt+Right End Left Shift+Left Ctrl+Left PgUp Alt+Left Home Space Space" \
  "$file"
