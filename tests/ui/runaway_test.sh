#!/usr/bin/env bash
# A runaway program (`while (true) {}`) must never freeze the window: frames
# keep being drawn while the engine spins on its own thread, the run ends
# with its limit message, and Stop (Esc) ends it at once.
#   runaway_test.sh LOOPLAB CHECKER OUTDIR
set -euo pipefail
looplab=$1 checker=$2 outdir=$3
if ! command -v xvfb-run >/dev/null; then
  echo "FAIL: xvfb-run is not installed; the UI tests need it (run scripts/install-deps.sh)" >&2
  exit 1
fi
work=$(mktemp -d)
export XDG_CONFIG_HOME=$work/config
trap 'rm -rf "$work"' EXIT
printf 'let i = 0;\nwhile (true) { i++; }\n' > "$work/runaway.js"
# 1) The window draws 120 frames with a run that outlasts them (a billion
#    steps) and closes on time: the UI thread never waits for the engine.
start=$(date +%s)
timeout 60 xvfb-run -a -s "-screen 0 1600x1000x24" "$looplab" --frames 120 --no-settings --window-size 1024x700 \
  --max-steps 1000000000 "$work/runaway.js"
elapsed=$(( $(date +%s) - start ))
echo "120 frames with a runaway program took ${elapsed}s"
# 2) With a small limit the run ends, and the picture shows the limit message.
out=$outdir/runaway.png
xvfb-run -a -s "-screen 0 1600x1000x24" "$looplab" screenshot --max-steps 2000000 "$work/runaway.js" \
  --size 1280x720 -o "$out"
"$checker" "$out" 1280 720
messages=$("$looplab" trace --max-steps 2000000 "$work/runaway.js" 2>&1 || true)
grep -q "step limit of 2000000 reached" <<<"$messages" || { echo "FAIL: no limit message" >&2; exit 1; }
# 3) Stop (Esc, the Stop button's key) ends a runaway run while the window
#    stays live: the run ends with its limit message, not at its step limit.
#    Both kinds of runaway: a busy loop, and an interval that never ends.
printf 'setInterval(() => {}, 0);\n' > "$work/interval.js"
for program in runaway interval; do
  start=$(date +%s)
  result=$(timeout 60 xvfb-run -a -s "-screen 0 1600x1000x24" "$looplab" --frames 90 --no-settings \
    --window-size 1024x700 --max-steps 1000000000000 --press "Esc" "$work/$program.js")
  elapsed=$(( $(date +%s) - start ))
  echo "$program.js, stopped with Esc: $result (${elapsed}s)"
  grep -q "run: ended early, .* events: the run was stopped before it finished" <<<"$result" ||
    { echo "FAIL: $program.js was not stopped by Esc" >&2; exit 1; }
done
echo "ok"
