// The event-loop wheel: libuv's phases in uv_run order around a circle
// (timers, pending, idle/prepare, poll, check, close) with arrows for the
// direction, the current phase lit, how many callbacks wait in each, the
// loop iteration, virtual time, the main script before the loop and the
// microtask checkpoint between callbacks.
#pragma once

#include "ui/panel.h"

namespace looplab::ui {

class LoopPanel final : public Panel {
public:
    LoopPanel() : Panel("Event loop") {}
    // The smallest tile that keeps the six stations apart with their type
    // at kMinTypeScale (below it the type would shrink further).
    static float wanted_height(const Appearance& look);
    // The share of the body type the wheel may shrink to before its tile would scroll.
    static constexpr float kMinTypeScale = 0.7f;
    // The type share the layout plans for (a little below full size is still easy to read).
    static constexpr float kPlannedTypeScale = 0.75f;

protected:
    std::string subtitle(const PanelContext& ctx) const override;
    void draw_body(const PanelContext& ctx) override;
};

}  // namespace looplab::ui
