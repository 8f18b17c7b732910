# Shared helpers for the conformance corpus. Sourced (never executed) by
# tests/conformance/check.sh, tests/conformance/live-recheck.sh and
# scripts/regen-conformance.sh so that the expectation files and the checks
# always use the very same normalization.

# Seconds a single program may run before it counts as hung.
CONFORMANCE_TIMEOUT=${CONFORMANCE_TIMEOUT:-20}

# Environment variables that would change what node (or looplab) prints.
conformance_clean_env() {
  unset NODE_OPTIONS FORCE_COLOR NO_COLOR NODE_DISABLE_COLORS NODE_PATH \
        UV_THREADPOOL_SIZE NODE_DEBUG NODE_V8_COVERAGE TZ
  export TZ=UTC LC_ALL=C
}

# conformance_has_stderr PROGRAM.js -> true when the program's stderr is part
# of its expectation (every program of the errors/ topic).
conformance_has_stderr() {
  local dir
  dir=$(basename "$(dirname "$1")")
  [[ $dir == errors ]]
}

# conformance_normalize_stderr ABS_PROGRAM_PATH < raw > normalized
#   * the program's absolute path becomes <FILE>, its folder becomes <DIR>
#   * stack frame lines ("    at ...") are dropped
#   * the trailing "Node.js v20.x.y" banner is dropped
#   * when a dropped frame line ends with " {" (node opens the block of the
#     error's own properties there), the " {" moves to the previous kept line,
#     which is also how node prints an error that has no stack frames
conformance_normalize_stderr() {
  local file=$1 dir line held='' have=0
  dir=$(dirname "$file")
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line == "    at "* ]]; then
      if [[ $line == *" {" && $have -eq 1 && $held != *" {" ]]; then
        held+=" {"
      fi
      continue
    fi
    [[ $line =~ ^Node\.js\ v[0-9] ]] && continue
    line=${line//"$file"/<FILE>}
    line=${line//"$dir"/<DIR>}
    [[ $have -eq 1 ]] && printf '%s\n' "$held"
    held=$line
    have=1
  done
  [[ $have -eq 1 ]] && printf '%s\n' "$held"
  return 0
}

# conformance_run OUTDIR PROGRAM.js COMMAND...
#   Runs COMMAND... with cwd = the program's folder, a timeout and a clean
#   environment; writes OUTDIR/stdout, OUTDIR/stderr (raw), OUTDIR/code and,
#   OUTDIR/stderr.norm (normalized).
conformance_run() {
  local out=$1 prog=$2
  shift 2
  local dir code
  dir=$(cd "$(dirname "$prog")" && pwd -P)
  (
    cd "$dir" || exit 125
    conformance_clean_env
    exec timeout --kill-after=5 "$CONFORMANCE_TIMEOUT" "$@" </dev/null
  ) >"$out/stdout" 2>"$out/stderr"
  code=$?
  printf '%s\n' "$code" >"$out/code"
  conformance_normalize_stderr "$dir/$(basename "$prog")" <"$out/stderr" >"$out/stderr.norm"
}

# conformance_compare OUTDIR PROGRAM.js LABEL
#   Compares OUTDIR's results with the stored expectations next to the
#   program; prints unified diffs for every mismatch. Returns 0 when equal.
conformance_compare() {
  local out=$1 prog=$2 label=$3 base status=0
  base=${prog%.js}
  for f in "$base.stdout" "$base.code"; do
    if [[ ! -f $f ]]; then
      echo "missing expectation file: $f (run scripts/regen-conformance.sh)"
      return 1
    fi
  done
  if ! cmp -s "$base.stdout" "$out/stdout"; then
    echo "--- stdout differs (expected: recorded from node, actual: $label)"
    diff -u --label expected.stdout --label "$label.stdout" "$base.stdout" "$out/stdout"
    status=1
  fi
  if ! cmp -s "$base.code" "$out/code"; then
    echo "--- exit code differs: expected $(cat "$base.code"), $label gave $(cat "$out/code")"
    status=1
  fi
  if [[ -f $base.stderr ]] && ! cmp -s "$base.stderr" "$out/stderr.norm"; then
    echo "--- normalized stderr differs (expected: recorded from node, actual: $label)"
    diff -u --label expected.stderr --label "$label.stderr" "$base.stderr" "$out/stderr.norm"
    status=1
  fi
  if [[ $status -ne 0 && -s $out/stderr ]] && [[ ! -f $base.stderr ]]; then
    echo "--- $label stderr (not compared, shown for context):"
    head -n 40 "$out/stderr"
  fi
  return $status
}
