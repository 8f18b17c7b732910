// The call stack, newest frame on top: the program's own frames bright with
// their line, Node's internal frames that invoke callbacks
// (processTicksAndRejections, listOnTimeout, processImmediate) dimmed.
#pragma once

#include "ui/panel.h"
#include "ui/token.h"

namespace looplab::ui {

class StackPanel final : public Panel {
public:
    // `animator` may be null; with one, the top frame is where tokens fly
    // to when their callback runs.
    explicit StackPanel(TokenAnimator* animator = nullptr) : Panel("Call stack"), animator_(animator) {}

    // The tile height that shows `frames` frames.
    static float wanted_height(const Appearance& look, size_t frames);

protected:
    std::string subtitle(const PanelContext& ctx) const override;
    void draw_body(const PanelContext& ctx) override;

private:
    void draw_frame(const PanelContext& ctx, const trace::StackFrame& frame, bool top);
    void draw_empty(const PanelContext& ctx);

    TokenAnimator* animator_;
};

}  // namespace looplab::ui
