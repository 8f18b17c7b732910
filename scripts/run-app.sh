#!/usr/bin/env bash
# Usage: scripts/run-app.sh BIN [FILE]   (what `make run [FILE=...]` calls)
# Opens the looplab window on FILE (default: the hello scenario). Without a
# display -- an SSH session, a container, CI -- there is no window to open, so
# it says so in one line and runs the program in the terminal instead.
set -euo pipefail

bin=${1:?usage: scripts/run-app.sh BIN [FILE]}
file=${2:-}

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  if [ -z "$file" ]; then
    file="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/assets/scenarios/hello.js"
  fi
  echo "looplab: no display (\$DISPLAY and \$WAYLAND_DISPLAY are unset); running $file in the terminal instead" >&2
  exec "$bin" run "$file"
fi

if [ -n "$file" ]; then
  exec "$bin" "$file"
fi
exec "$bin"
