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

protected:
    std::string subtitle(const PanelContext& ctx) const override;
    void draw_body(const PanelContext& ctx) override;
};

}  // namespace looplab::ui
