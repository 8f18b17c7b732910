#!/usr/bin/env bash
# Installs the Debian packages looplab builds and tests with. Idempotent: it
# asks apt only for what is missing and runs `apt-get update` at most once.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libimgui-dev libglfw3-dev python3-glad
  doctest-dev libcli11-dev nlohmann-json3-dev libstb-dev
  libssl-dev zlib1g-dev libicu-dev
  fonts-dejavu-core
  # UI smoke tests: a virtual X server, and Mesa's software OpenGL (llvmpipe)
  # so a GL 3.3 core context exists without a GPU. apt installs without
  # recommends, so name the driver package explicitly.
  xvfb xauth libgl1-mesa-dri libglx-mesa0
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "looplab: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
