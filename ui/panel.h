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
    // The height of everything but the body: the header band, the gaps and
    // the bottom padding. A tile's wanted height is this plus its body's.
    static float chrome_height(const Appearance& look);
    // Whether the last draw showed the panel's main content without the
    // learner scrolling (the layout check: `looplab screenshot --check-fit`).
    // By default: the body needed no scrolling at all.
    bool fits() const { return fits_; }
    // The ImGui frame the panel was last drawn in (a tile the layout left out
    // is not checked).
    int drawn_frame() const { return drawn_frame_; }

protected:
    // The header's title: the panel's name unless the panel names what it shows.
    virtual std::string header_title(const PanelContext&) const { return title_; }
    // Text drawn right-aligned in the header, e.g. a file name or a count.
    virtual std::string subtitle(const PanelContext&) const { return {}; }
    // The scrolling body, inside a child window.
    virtual void draw_body(const PanelContext& ctx) = 0;
    // Called inside the body after draw_body: does the main content show?
    // A panel whose body scrolls by design (source, console) says what must
    // stay in view instead.
    virtual bool main_content_visible() const;

private:
    void draw_header(const PanelContext& ctx);

    std::string title_;
    bool fits_ = true;
    int drawn_frame_ = -1;
};

}  // namespace looplab::ui
