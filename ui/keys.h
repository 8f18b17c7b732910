// Every keyboard shortcut in one table-like function. The window's input
// path (Shell) and the unit tests both call handle_key, so a test that feeds
// "Shift+Right" moves the cursor exactly as a teacher's keyboard does.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace looplab::ui {

class Controller;

// One key press: a GLFW key code (ImGui 1.86 indexes keys by the backend's
// codes) and the modifiers held.
struct KeyPress {
    int key = 0;
    bool ctrl = false;
    bool shift = false;
    bool alt = false;
};

// What a key asks of the window itself rather than of the Controller.
enum class ViewAction { None, Handled, ZoomIn, ZoomOut, ZoomReset, Presentation, Open, ToggleSidebar };

// Sends cursor and run commands to `controller`; returns Handled for those,
// the view action for window-level shortcuts, None for keys it does not know.
ViewAction handle_key(const KeyPress& key, Controller& controller);

// Parses "Right", "Shift+Left", "Ctrl+Right", "Alt+Left", "PgDn", "Home",
// "Space", "+", "-", "F5", "F11", "Ctrl+=" ... (the names the tooltips use,
// for `looplab --press` and the tests); nothing if the name is unknown.
std::optional<KeyPress> parse_key(std::string_view text);

// The keys handle_key knows, for the window to poll each frame.
const std::vector<int>& shortcut_keys();

}  // namespace looplab::ui
