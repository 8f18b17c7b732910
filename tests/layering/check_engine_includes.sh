#!/usr/bin/env bash
# Fails when any file under engine/ includes ImGui, GLFW, GL or glad.
set -euo pipefail
engine_dir="$1"
[ -d "$engine_dir" ] || { echo "no engine directory at $engine_dir"; exit 1; }
count=$(find "$engine_dir" -name '*.h' -o -name '*.cpp' | wc -l)
[ "$count" -gt 0 ] || { echo "no engine sources found"; exit 1; }
if grep -rnE '#\s*include\s*[<"](imgui|GLFW/|GL/|glad/|backends/imgui)' "$engine_dir"; then
  echo "engine/ must not include GUI headers (see DESIGN.md, principle 4)"
  exit 1
fi
echo "checked $count engine files: no GUI includes"
