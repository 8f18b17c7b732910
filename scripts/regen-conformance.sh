#!/usr/bin/env bash
# Regenerates the expected output of the conformance corpus from real node.
#
#   scripts/regen-conformance.sh                 # every program
#   scripts/regen-conformance.sh loop/nextTick-before-promise [io ...]
#                                                # one program (topic/name,
#                                                # with or without .js) or a topic
#
# For each tests/conformance/<topic>/<name>.js it runs `node <name>.js` with
# cwd = the topic folder and writes <name>.stdout (exact bytes), <name>.code
# (exit code + newline) and, for errors/ programs, <name>.stderr (normalized:
# see tests/conformance/lib.sh). Every program is run REGEN_RUNS times
# (default 5); if the runs disagree the program is racy and the script fails
# without touching its expectations.
set -u
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
root=$repo/tests/conformance
# shellcheck source=../tests/conformance/lib.sh
source "$root/lib.sh"
runs=${REGEN_RUNS:-5}

if ! command -v node >/dev/null 2>&1; then
  echo "regen-conformance: node is not on PATH" >&2
  exit 2
fi
case $(node --version) in
  v20.*) ;;
  *) echo "regen-conformance: warning: expectations are meant to come from node v20, this is $(node --version)" >&2 ;;
esac

progs=()
if [[ $# -eq 0 ]]; then
  mapfile -t progs < <(find "$root" -mindepth 2 -maxdepth 2 -name '*.js' | LC_ALL=C sort)
else
  for arg in "$@"; do
    arg=${arg%.js}
    arg=${arg#tests/conformance/}
    if [[ -d $root/$arg ]]; then
      mapfile -t -O "${#progs[@]}" progs < <(find "$root/$arg" -maxdepth 1 -name '*.js' | LC_ALL=C sort)
    elif [[ -f $root/$arg.js ]]; then
      progs+=("$root/$arg.js")
    else
      echo "regen-conformance: no such program or topic: $arg" >&2
      exit 2
    fi
  done
fi

regen_one() {
  local prog=$1 runs=$2 base=${1%.js} work i
  work=$(mktemp -d "${TMPDIR:-/tmp}/looplab-regen.XXXXXX")
  for ((i = 1; i <= runs; i++)); do
    mkdir "$work/$i"
    conformance_run "$work/$i" "$prog" node "$(basename "$prog")"
    if [[ $i -gt 1 ]]; then
      local f
      for f in stdout code stderr.norm; do
        if [[ $f == stderr.norm ]] && ! conformance_has_stderr "$prog"; then continue; fi
        if ! cmp -s "$work/1/$f" "$work/$i/$f"; then
          echo "RACY: ${prog#"$root/"}: $f differs between run 1 and run $i"
          diff -u "$work/1/$f" "$work/$i/$f" | head -n 20
          rm -rf "$work"
          return 1
        fi
      done
    fi
  done
  cp "$work/1/stdout" "$base.stdout"
  cp "$work/1/code" "$base.code"
  if conformance_has_stderr "$prog"; then
    cp "$work/1/stderr.norm" "$base.stderr"
  else
    rm -f "$base.stderr"
  fi
  echo "regenerated ${prog#"$root/"} (exit $(cat "$base.code"))"
  rm -rf "$work"
}
export -f regen_one conformance_run conformance_clean_env conformance_normalize_stderr \
  conformance_has_stderr
export root CONFORMANCE_TIMEOUT

jobs=${REGEN_JOBS:-$(nproc 2>/dev/null || echo 2)}
printf '%s\0' "${progs[@]}" | xargs -0 -n 1 -P "$jobs" bash -c 'regen_one "$0" '"$runs"
status=$?
if [[ $status -ne 0 ]]; then
  echo "regen-conformance: some programs failed (see RACY lines above)" >&2
  exit 1
fi
echo "regen-conformance: ${#progs[@]} program(s) regenerated with $(node --version)"
