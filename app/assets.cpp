#include "app/assets.h"

#include <cstdio>
#include <fstream>
#include <system_error>

#include <nlohmann/json.hpp>

namespace looplab::app {
namespace {

namespace fs = std::filesystem;

fs::path executable_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::current_path() : exe.parent_path();
}

bool holds_scenarios(const fs::path& dir) {
    std::error_code ec;
    return fs::is_directory(dir / "scenarios", ec);
}

}  // namespace

std::optional<fs::path> asset_dir() {
    const fs::path exe_dir = executable_dir();
    const fs::path candidates[] = {
#ifdef LOOPLAB_ASSET_DIR
        fs::path(LOOPLAB_ASSET_DIR),
#endif
        exe_dir / ".." / "assets",
        exe_dir / ".." / "share" / "looplab" / "assets",
    };
    for (const fs::path& c : candidates) {
        if (holds_scenarios(c)) return fs::weakly_canonical(c);
    }
    return std::nullopt;
}

std::optional<fs::path> default_scenario() {
    const auto dir = asset_dir();
    if (!dir) return std::nullopt;
    return *dir / "scenarios" / "hello.js";
}

std::vector<ui::Scenario> builtin_scenarios() {
    std::vector<ui::Scenario> out;
    const auto dir = asset_dir();
    if (!dir) return out;
    const fs::path index = *dir / "scenarios" / "index.json";
    std::ifstream in(index);
    const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object() || !json.contains("scenarios") || !json["scenarios"].is_array()) {
        std::fprintf(stderr, "looplab: warning: cannot read the scenario list %s\n", index.c_str());
        return out;
    }
    for (const auto& item : json["scenarios"]) {
        if (!item.is_object() || !item.contains("file")) continue;
        ui::Scenario s;
        s.path = (*dir / "scenarios" / item.value("file", "")).string();
        s.title = item.value("title", item.value("file", ""));
        s.topic = item.value("topic", "");
        s.summary = item.value("summary", "");
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace looplab::app
