// What the program printed: stdout in the normal text colour, stderr in a
// distinct colour with a bar in the margin, and how the process ended.
#pragma once

#include <cstddef>
#include <string>

#include <vector>

#include "ui/panel.h"
#include "ui/source_wrap.h"

namespace looplab::ui {

class ConsolePanel final : public Panel {
public:
    ConsolePanel() : Panel("Console") {}

protected:
    std::string subtitle(const PanelContext& ctx) const override;
    void draw_body(const PanelContext& ctx) override;

private:
    void draw_status(const PanelContext& ctx);
    void wrap_new_lines(const decltype(trace::ViewState::console)& lines, size_t columns);
    // The console scrolls by design: what must show is the newest output.
    bool main_content_visible() const override { return at_end_; }

    // Long lines wrap at the tile's width (a projector shows no sideways
    // scrolling): the rows of the lines seen so far, extended as lines come.
    std::vector<SourceRow> rows_;
    size_t wrapped_lines_ = 0;
    size_t wrapped_columns_ = 0;
    size_t last_line_size_ = 0;  // the last line may still grow (an unterminated write)
    bool at_end_ = true;

    // Follow new output while the reader is at the bottom; stop following
    // when they scroll up to read, as a terminal does.
    size_t lines_seen_ = 0;
    bool follow_ = true;
};

}  // namespace looplab::ui
