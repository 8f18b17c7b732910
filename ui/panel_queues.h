// Every queue a callback can wait in, in the order Node drains them: the
// nextTick queue and the promise microtask queue (drained after every
// callback), then each event-loop phase's queue (timers as a heap by due
// time, pending, poll's finished I/O, check's immediates, close). Each entry
// is a token with its callback's name and line; an empty queue is one short
// row that says so.
#pragma once

#include <string>

#include "ui/panel.h"
#include "ui/token.h"

namespace looplab::ui {

class QueuesPanel final : public Panel {
public:
    explicit QueuesPanel(TokenAnimator* animator = nullptr) : Panel("Queues"), animator_(animator) {}

    // The tile height that shows every queue with one row of tokens each:
    // the same whatever the step, so the layout does not jump while stepping.
    static float wanted_height(const Appearance& look);

protected:
    std::string subtitle(const PanelContext& ctx) const override;
    void draw_body(const PanelContext& ctx) override;

private:
    struct Row;
    void draw_row(const PanelContext& ctx, const Row& row, float label_w);
    void draw_section(const PanelContext& ctx, const char* title);

    TokenAnimator* animator_;
};

}  // namespace looplab::ui
