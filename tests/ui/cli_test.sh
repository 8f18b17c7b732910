#!/usr/bin/env bash
# Command-line behaviour that does not depend on the engine's output:
#   cli_test.sh LOOPLAB SOURCE_DIR CHECK
set -uo pipefail
looplab=$1 src=$2 check=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect() {  # expect RC STDERR_REGEX -- CMD...
  local want_rc=$1 want_err=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ "$rc" != "$want_rc" ]; then
    echo "FAIL: '$*' exited $rc, expected $want_rc"; cat "$tmp/err"; exit 1
  fi
  if ! grep -Eq -- "$want_err" "$tmp/err"; then
    echo "FAIL: stderr of '$*' does not match /$want_err/:"; cat "$tmp/err"; exit 1
  fi
}

case $check in
  version)
    "$looplab" --version | grep -Eqx 'looplab [0-9]+\.[0-9]+\.[0-9]+' || { echo "FAIL: --version"; exit 1; } ;;
  help)
    "$looplab" --help | grep -q 'screenshot' || { echo "FAIL: --help lists no subcommands"; exit 1; } ;;
  bad-option)
    expect 9 '^looplab: .*--bogus' -- "$looplab" --bogus
    [ "$(wc -l <"$tmp/err")" = 1 ] || { echo "FAIL: bad usage must print one line"; exit 1; }
    expect 9 '^looplab: bad option: --bogus' -- "$looplab" run --bogus x.js
    expect 9 'FILE' -- "$looplab" run ;;
  missing-file)
    # Byte for byte what `node nope.js` prints (Node 20), with exit code 1.
    cd "$tmp"
    expect 1 "^Error: Cannot find module '$tmp/nope.js'\$" -- "$looplab" run nope.js
    head -1 "$tmp/err" | grep -qx 'node:internal/modules/cjs/loader:1210' || { echo "FAIL: node's layout"; exit 1; }
    expect 1 "Cannot find module" -- "$looplab" screenshot nope.js -o x.png ;;
  no-display)
    # run-app.sh without a display: one line saying so, then `looplab run`.
    env -u DISPLAY -u WAYLAND_DISPLAY bash "$src/scripts/run-app.sh" "$looplab" >"$tmp/out" 2>"$tmp/err"
    head -1 "$tmp/err" | grep -q '^looplab: no display' || { echo "FAIL: no notice"; cat "$tmp/err"; exit 1; } ;;
  *)
    echo "unknown check $check"; exit 2 ;;
esac
echo "ok: $check"
