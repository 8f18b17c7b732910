// What the window remembers between sessions: theme, text size, presentation
// mode, the scenario sidebar, play speed and the last program. Stored as
// plain "key = value" lines in $XDG_CONFIG_HOME/looplab/settings.ini (or
// ~/.config/looplab/settings.ini): never in the current directory, so running
// looplab from a scenario folder leaves nothing behind.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace looplab::ui {

struct Settings {
    std::string theme = "dark";  // "dark" or "light"
    int zoom_steps = 0;          // Ctrl+= presses minus Ctrl+- presses
    bool presentation = false;   // F11: big type for a projector
    bool sidebar = true;         // the scenario library
    int speed_index = 4;         // Playback::kSpeeds index
    float timeline_share = 0.30f;  // of the panel area's height, at most
    std::string last_file;

    friend bool operator==(const Settings&, const Settings&) = default;
};

// The folder settings live in, or nothing if neither XDG_CONFIG_HOME nor
// HOME is set (then nothing is saved).
std::optional<std::filesystem::path> config_dir();

// Reads the settings file; unknown keys and bad values are ignored, a
// missing file gives the defaults.
Settings load_settings();
Settings parse_settings(const std::string& text);
std::string format_settings(const Settings& settings);
// Writes the settings file (creating the folder); false on failure.
bool save_settings(const Settings& settings);

}  // namespace looplab::ui
