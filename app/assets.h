// Locating the assets folder (built-in scenarios) and reading its index.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "ui/scenario.h"

namespace looplab::app {

// The first of: the source tree's assets (LOOPLAB_ASSET_DIR, a developer
// build), <exe dir>/../assets (build/looplab), <exe dir>/../share/looplab/assets
// (an install). Nothing if none holds scenarios/.
std::optional<std::filesystem::path> asset_dir();

// assets/scenarios/hello.js, if the assets were found.
std::optional<std::filesystem::path> default_scenario();

// The scenarios listed in assets/scenarios/index.json, in its order. A missing
// or malformed index gives an empty list and one warning on stderr.
std::vector<ui::Scenario> builtin_scenarios();

}  // namespace looplab::app
