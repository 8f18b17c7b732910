// What the program printed: stdout in the normal text colour, stderr in a
// distinct colour with a bar in the margin, and how the process ended.
#pragma once

#include <cstddef>
#include <string>

#include "ui/panel.h"

namespace looplab::ui {

class ConsolePanel final : public Panel {
public:
    ConsolePanel() : Panel("Console") {}

protected:
    std::string subtitle(const PanelContext& ctx) const override;
    void draw_body(const PanelContext& ctx) override;

private:
    void draw_status(const PanelContext& ctx);

    // Follow new output while the reader is at the bottom; stop following
    // when they scroll up to read, as a terminal does.
    size_t lines_seen_ = 0;
    bool follow_ = true;
};

}  // namespace looplab::ui
