// The source of the file executing at the cursor, with line numbers,
// colouring and the executing line. It follows the focused isolate: when a
// worker's step is current it shows the worker's file, and the header names
// the file and the thread. Long lines wrap (ui/source_wrap.h), so the
// executing line is always whole on screen.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/trace/trace.h"
#include "ui/js_highlight.h"
#include "ui/panel.h"
#include "ui/source_wrap.h"

namespace looplab::ui {

class SourcePanel final : public Panel {
public:
    SourcePanel() : Panel("Source") {}
    // The recorded run, whose files() hold every loaded file; without it the
    // panel shows the main script (ViewState::source).
    void set_trace(const trace::Trace* trace) { trace_ = trace; }
    // The text the panel shows for this view: the executing file's.
    const std::string& shown_source(const trace::ViewState& view) const;
    // The line the learner clicked in the last frame ("run to this line"),
    // 0 if none; reading it clears it.
    uint32_t take_clicked_line() { return std::exchange(clicked_line_, 0); }

protected:
    std::string header_title(const PanelContext& ctx) const override;
    std::string subtitle(const PanelContext& ctx) const override;
    void draw_body(const PanelContext& ctx) override;
    // The source scrolls by design; what must show is the executing line, whole.
    bool main_content_visible() const override { return current_visible_; }

private:
    const std::string& shown_path(const trace::ViewState& view) const;
    bool shows_main_script(const trace::ViewState& view) const;
    void refresh(const std::string& source, size_t columns, size_t indent);
    float scroll_to_current(uint32_t line, float row_h);
    void draw_row(const PanelContext& ctx, const SourceRow& row, float gutter_w, float indent_w);

    const trace::Trace* trace_ = nullptr;
    // The colourised lines of the source last seen and their rows at the
    // last width; rebuilt only when the text or the width changes.
    std::string cached_source_;
    size_t cached_columns_ = 0;
    std::vector<HighlightedLine> lines_;
    std::vector<SourceRow> rows_;
    std::vector<uint32_t> first_row_;  // per line: the index of its first row
    std::string scrolled_file_;
    uint32_t scrolled_to_line_ = 0;  // the current line we last scrolled into view
    uint32_t current_line_ = 0;      // the executing line in the shown file, this frame
    bool current_visible_ = true;
    uint32_t clicked_line_ = 0;
};

}  // namespace looplab::ui
