// A panel is one tile of the window. The base class owns the ImGui window, the
// header band and the scrolling body; a derived panel only draws its body from
// the ViewState and keeps its own state (caches, scroll targets) as members.
#pragma once

#include <string>

#include <imgui.h>

#include "engine/trace/view_state.h"
#include "ui/theme.h"

namespace looplab::ui {

// What every panel may read while drawing: the state at the cursor, the look,
// whether the program is still running, and the trace the view was folded
// from (queue entries hold item ids; label() and line() read them from it).
struct PanelContext {
    const trace::ViewState& view;
    const Appearance& look;
    bool running = false;
    const trace::Trace* trace = nullptr;

    std::string_view label(uint32_t item) const { return trace ? trace::item_label(*trace, item) : std::string_view(); }
    uint32_t line(uint32_t item) const { return trace ? trace::item_line(*trace, item) : 0; }
};

// "main \u00B7 " or "worker 1 \u00B7 " when the program has several JavaScript threads (the
// stack, queues and loop panels show the one the view is focused on), else "".
inline std::string thread_prefix(const trace::ViewState& view) {
    size_t seen = 0;
    for (const trace::IsolateStatus& s : view.isolates) seen += s.seen ? 1 : 0;
    if (seen < 2) return {};
    return (view.isolate == 0 ? std::string("main") : "worker " + std::to_string(view.isolate)) + " \u00B7 ";
}

class Panel {
public:
    explicit Panel(std::string title) : title_(std::move(title)) {}
    virtual ~Panel() = default;
    Panel(const Panel&) = delete;
    Panel& operator=(const Panel&) = delete;

    // Draws the panel as a fixed tile at `pos` with `size` (screen pixels).
    void draw(const PanelContext& ctx, ImVec2 pos, ImVec2 size);

    const std::string& title() const { return title_; }

protected:
    // Text drawn right-aligned in the header, e.g. a file name or a count.
    virtual std::string subtitle(const PanelContext&) const { return {}; }
    // The scrolling body, inside a child window.
    virtual void draw_body(const PanelContext& ctx) = 0;

private:
    void draw_header(const PanelContext& ctx);

    std::string title_;
};

}  // namespace looplab::ui
