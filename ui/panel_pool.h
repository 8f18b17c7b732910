// libuv's thread pool: one lane per pool thread with the job it runs and a
// progress bar in virtual time, the work queue of requests waiting for a
// free thread, and finished work waiting for the poll phase. A program that
// never used the pool gets one short note instead.
#pragma once

#include "ui/panel.h"
#include "ui/token.h"

namespace looplab::ui {

class PoolPanel final : public Panel {
public:
    explicit PoolPanel(TokenAnimator* animator = nullptr) : Panel("Thread pool"), animator_(animator) {}

    // Whether the layout should give the panel room (it still draws a note
    // when asked to draw without a pool).
    static bool has_content(const trace::ViewState& view) { return view.pool.size > 0; }

    // The tile height for the work queue, `threads` lanes and the completions.
    static float wanted_height(const Appearance& look, uint32_t threads);

protected:
    std::string subtitle(const PanelContext& ctx) const override;
    void draw_body(const PanelContext& ctx) override;

private:
    void draw_lane(const PanelContext& ctx, uint32_t thread, const trace::PoolJob& job, float label_w);
    void draw_queue(const PanelContext& ctx, const char* name, const std::deque<trace::PoolJob>& jobs, Place place,
                    TokenKind kind, float label_w);

    TokenAnimator* animator_;
};

}  // namespace looplab::ui
