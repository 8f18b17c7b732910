#include "ui/keys.h"

#include <utility>

#include <GLFW/glfw3.h>  // key codes only

#include "ui/controller.h"

namespace looplab::ui {
namespace {

// Plain arrow: one event; Shift: a callback; Ctrl: a phase; Alt: a loop
// iteration (the most distant jump needs the least common modifier).
Granularity arrow_granularity(const KeyPress& k) {
    if (k.alt) return Granularity::Iteration;
    if (k.ctrl) return Granularity::Phase;
    if (k.shift) return Granularity::Callback;
    return Granularity::Event;
}

}  // namespace

ViewAction handle_key(const KeyPress& k, Controller& c) {
    if (k.ctrl) {  // window-level shortcuts first: Ctrl+= is not "+"
        switch (k.key) {
            case GLFW_KEY_EQUAL:
            case GLFW_KEY_KP_ADD: return ViewAction::ZoomIn;
            case GLFW_KEY_MINUS:
            case GLFW_KEY_KP_SUBTRACT: return ViewAction::ZoomOut;
            case GLFW_KEY_0:
            case GLFW_KEY_KP_0: return ViewAction::ZoomReset;
            case GLFW_KEY_O: return ViewAction::Open;
            case GLFW_KEY_B: return ViewAction::ToggleSidebar;
            case GLFW_KEY_R: c.rerun(); return ViewAction::Handled;
            case GLFW_KEY_Q: c.quit(); return ViewAction::Handled;
            default: break;
        }
    }
    switch (k.key) {
        case GLFW_KEY_RIGHT: c.step(arrow_granularity(k), +1); return ViewAction::Handled;
        case GLFW_KEY_LEFT: c.step(arrow_granularity(k), -1); return ViewAction::Handled;
        case GLFW_KEY_PAGE_DOWN: c.step(Granularity::Iteration, +1); return ViewAction::Handled;
        case GLFW_KEY_PAGE_UP: c.step(Granularity::Iteration, -1); return ViewAction::Handled;
        case GLFW_KEY_HOME: c.first(); return ViewAction::Handled;
        case GLFW_KEY_END: c.last(); return ViewAction::Handled;
        case GLFW_KEY_SPACE: c.toggle_play(); return ViewAction::Handled;
        case GLFW_KEY_EQUAL:  // "+" is Shift+= on most layouts; plain = works too
        case GLFW_KEY_KP_ADD: c.faster(); return ViewAction::Handled;
        case GLFW_KEY_MINUS:
        case GLFW_KEY_KP_SUBTRACT: c.slower(); return ViewAction::Handled;
        case GLFW_KEY_F5: c.rerun(); return ViewAction::Handled;
        case GLFW_KEY_ESCAPE: c.stop(); return ViewAction::Handled;
        case GLFW_KEY_F11: return ViewAction::Presentation;
        case GLFW_KEY_F9: return ViewAction::ToggleSidebar;
        default: return ViewAction::None;
    }
}

std::optional<KeyPress> parse_key(std::string_view text) {
    KeyPress k;
    // Modifiers first: "Ctrl+Shift+Right". A lone "+" is the key itself.
    for (;;) {
        const auto plus = text.find('+');
        if (plus == std::string_view::npos || plus == 0 || plus + 1 == text.size()) break;
        const std::string_view mod = text.substr(0, plus);
        if (mod == "Ctrl") k.ctrl = true;
        else if (mod == "Shift") k.shift = true;
        else if (mod == "Alt") k.alt = true;
        else return std::nullopt;
        text.remove_prefix(plus + 1);
    }
    static constexpr std::pair<std::string_view, int> kNames[] = {
        {"Right", GLFW_KEY_RIGHT}, {"Left", GLFW_KEY_LEFT}, {"PgDn", GLFW_KEY_PAGE_DOWN}, {"PgUp", GLFW_KEY_PAGE_UP},
        {"Home", GLFW_KEY_HOME}, {"End", GLFW_KEY_END}, {"Space", GLFW_KEY_SPACE}, {"+", GLFW_KEY_KP_ADD},
        {"=", GLFW_KEY_EQUAL}, {"-", GLFW_KEY_MINUS}, {"0", GLFW_KEY_0}, {"F5", GLFW_KEY_F5},
        {"F9", GLFW_KEY_F9}, {"F11", GLFW_KEY_F11}, {"O", GLFW_KEY_O}, {"B", GLFW_KEY_B}, {"R", GLFW_KEY_R},
        {"Q", GLFW_KEY_Q}, {"Esc", GLFW_KEY_ESCAPE},
    };
    for (const auto& [name, code] : kNames) {
        if (name == text) {
            k.key = code;
            // Ctrl++ means Ctrl and the "=" key that carries "+".
            if (k.ctrl && code == GLFW_KEY_KP_ADD) k.key = GLFW_KEY_EQUAL;
            return k;
        }
    }
    return std::nullopt;
}

const std::vector<int>& shortcut_keys() {
    static const std::vector<int> keys{
        GLFW_KEY_RIGHT, GLFW_KEY_LEFT, GLFW_KEY_PAGE_DOWN, GLFW_KEY_PAGE_UP, GLFW_KEY_HOME,
        GLFW_KEY_END, GLFW_KEY_SPACE, GLFW_KEY_EQUAL, GLFW_KEY_KP_ADD, GLFW_KEY_MINUS,
        GLFW_KEY_KP_SUBTRACT, GLFW_KEY_F5, GLFW_KEY_F11, GLFW_KEY_F9, GLFW_KEY_0,
        GLFW_KEY_KP_0, GLFW_KEY_O, GLFW_KEY_B, GLFW_KEY_R, GLFW_KEY_Q, GLFW_KEY_ESCAPE,
    };
    return keys;
}

}  // namespace looplab::ui
