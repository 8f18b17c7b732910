#include "ui/settings.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace looplab::ui {
namespace {

constexpr const char* kFileName = "settings.ini";

std::string trim(std::string s) {
    const auto not_space = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
    s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
    return s;
}

bool parse_bool(const std::string& v, bool fallback) {
    if (v == "true" || v == "1") return true;
    if (v == "false" || v == "0") return false;
    return fallback;
}

int parse_int(const std::string& v, int fallback, int lo, int hi) {
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (end == v.c_str() || *end != '\0') return fallback;
    return int(std::clamp<long>(n, lo, hi));
}

}  // namespace

std::optional<std::filesystem::path> config_dir() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg != nullptr && xdg[0] == '/') return std::filesystem::path(xdg) / "looplab";
    const char* home = std::getenv("HOME");
    if (home != nullptr && home[0] == '/') return std::filesystem::path(home) / ".config" / "looplab";
    return std::nullopt;
}

Settings parse_settings(const std::string& text) {
    Settings s;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (line.empty() || line[0] == '#' || eq == std::string::npos) continue;
        const std::string key = trim(line.substr(0, eq));
        const std::string value = trim(line.substr(eq + 1));
        if (key == "theme" && (value == "dark" || value == "light")) s.theme = value;
        else if (key == "zoom_steps") s.zoom_steps = parse_int(value, s.zoom_steps, -8, 12);
        else if (key == "presentation") s.presentation = parse_bool(value, s.presentation);
        else if (key == "sidebar") s.sidebar = parse_bool(value, s.sidebar);
        else if (key == "speed_index") s.speed_index = parse_int(value, s.speed_index, 0, 64);
        else if (key == "timeline_percent") s.timeline_share = float(parse_int(value, 30, 10, 60)) / 100.0f;
        else if (key == "last_file") s.last_file = value;
    }
    return s;
}

std::string format_settings(const Settings& s) {
    std::ostringstream out;
    out << "# looplab window settings (written by looplab; safe to delete)\n"
        << "theme = " << s.theme << "\n"
        << "zoom_steps = " << s.zoom_steps << "\n"
        << "presentation = " << (s.presentation ? "true" : "false") << "\n"
        << "sidebar = " << (s.sidebar ? "true" : "false") << "\n"
        << "speed_index = " << s.speed_index << "\n"
        << "timeline_percent = " << int(s.timeline_share * 100.0f + 0.5f) << "\n"
        << "last_file = " << s.last_file << "\n";
    return out.str();
}

Settings load_settings() {
    const auto dir = config_dir();
    if (!dir) return {};
    std::ifstream in(*dir / kFileName);
    if (!in) return {};
    std::ostringstream text;
    text << in.rdbuf();
    return parse_settings(text.str());
}

bool save_settings(const Settings& settings) {
    const auto dir = config_dir();
    if (!dir) return false;
    std::error_code ec;
    std::filesystem::create_directories(*dir, ec);
    if (ec) return false;
    // Write then rename, so a crash mid-write never leaves half a file.
    const auto tmp = *dir / (std::string(kFileName) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::trunc);
        if (!out) return false;
        out << format_settings(settings);
        if (!out) return false;
    }
    std::filesystem::rename(tmp, *dir / kFileName, ec);
    return !ec;
}

}  // namespace looplab::ui
