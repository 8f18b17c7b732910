#!/usr/bin/env bash
# The layout at projector sizes: FILE rendered at 1280x720 and 1920x1080, in
# normal and presentation mode (light theme), at an early step and at the
# end; `looplab screenshot --check-fit` fails when a tile must scroll to show
# its main content (or the executing source line is cut off) in the frame
# the window would draw.
#   fit_test.sh LOOPLAB CHECKER OUT_PREFIX FILE
set -euo pipefail
looplab=$1 checker=$2 out=$3 file=$4
if ! command -v xvfb-run >/dev/null; then
  echo "FAIL: xvfb-run is not installed; the UI tests need it (run scripts/install-deps.sh)" >&2
  exit 1
fi
export XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
failed=()
for size in 1280x720 1920x1080; do
  for mode in normal present; do
    opts=()
    [[ $mode == present ]] && opts=(--presentation --theme light)
    for step in 25 999999999; do
      png="$out-$size-$mode-$step.png"
      rm -f "$png"
      # Every size and mode is tried; the test fails at the end naming each that did not fit.
      if ! xvfb-run -a -s "-screen 0 1920x1080x24" "$looplab" screenshot "$file" --step "$step" --size "$size" \
        "${opts[@]}" --check-fit -o "$png"; then
        failed+=("$size $mode step $step")
      fi
      "$checker" "$png" "${size%x*}" "${size#*x}"
    done
  done
done
if ((${#failed[@]})); then
  printf 'FAIL: a tile does not fit at: %s\n' "${failed[@]}" >&2
  exit 1
fi
