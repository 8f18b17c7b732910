#!/usr/bin/env bash
# The window's key path (the same handle_key the keyboard reaches): scripted
# presses step forwards and back and toggle presentation mode and the theme
# settings, which must land in $XDG_CONFIG_HOME/looplab, never the CWD.
#   window_keys_test.sh LOOPLAB FILE
set -euo pipefail
looplab=$1 file=$2
if ! command -v xvfb-run >/dev/null; then
  echo "FAIL: xvfb-run is not installed; the UI tests need it (run scripts/install-deps.sh)" >&2
  exit 1
fi
export XDG_CONFIG_HOME=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME" "$work"' EXIT
cd "$work"
xvfb-run -a -s "-screen 0 1600x1000x24" "$looplab" --frames 40 --window-size 1280x720 \
  --press "Home Right Shift+Right Ctrl+Right Left F11 Ctrl+= + End" "$file"
settings=$XDG_CONFIG_HOME/looplab/settings.ini
test -f "$settings" || { echo "FAIL: no $settings" >&2; exit 1; }
grep -q '^presentation = true' "$settings" || { echo "FAIL: presentation mode not remembered" >&2; cat "$settings"; exit 1; }
grep -q '^zoom_steps = 1' "$settings" || { echo "FAIL: text size not remembered" >&2; cat "$settings"; exit 1; }
if [ -n "$(ls -A "$work")" ]; then echo "FAIL: the window wrote into the current directory: $(ls -A "$work")" >&2; exit 1; fi
# The next start reads them back (and --no-settings leaves them alone).
xvfb-run -a -s "-screen 0 1600x1000x24" "$looplab" --frames 5 --window-size 1280x720 --press "F11" "$file"
grep -q '^presentation = false' "$settings" || { echo "FAIL: F11 did not toggle the remembered mode" >&2; exit 1; }
echo "ok"
