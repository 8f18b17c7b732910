// The program's source with line numbers, colouring and the executing line.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ui/js_highlight.h"
#include "ui/panel.h"

namespace looplab::ui {

class SourcePanel final : public Panel {
public:
    SourcePanel() : Panel("Source") {}
    // The line the learner clicked in the last frame ("run to this line"),
    // 0 if none; reading it clears it.
    uint32_t take_clicked_line() { return std::exchange(clicked_line_, 0); }

protected:
    std::string subtitle(const PanelContext& ctx) const override;
    void draw_body(const PanelContext& ctx) override;

private:
    void refresh(const trace::ViewState& view);
    void draw_line(const PanelContext& ctx, int index, float gutter_w);

    // The colourised lines of the source last seen; rebuilt only when the
    // source text changes, not every frame.
    std::string cached_source_;
    std::vector<HighlightedLine> lines_;
    uint32_t scrolled_to_line_ = 0;  // the current line we last scrolled into view
    uint32_t clicked_line_ = 0;
};

}  // namespace looplab::ui
