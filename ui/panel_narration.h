// The narration of the current step: why it happened (the rule's sentence,
// large and wrapped, for the back of the classroom), what happened (the last
// event in words) and a "race" badge when real Node's order may vary.
#pragma once

#include <string>

#include "engine/trace/trace.h"
#include "ui/panel.h"

namespace looplab::ui {

// One event as a short sentence for learners ("tick (line 3) joins the
// nextTick queue"); empty for events that say nothing on their own.
std::string describe_event(const trace::Trace& trace, const trace::Event& event);

class NarrationPanel final : public Panel {
public:
    NarrationPanel() : Panel("Why this happens") {}

    // The trace the view was folded from; without it the panel shows only
    // the rule and the state. The trace must outlive the panel's use of it,
    // and must not be appended to while a frame draws.
    void set_trace(const trace::Trace* trace) { trace_ = trace; }
    // A tile with room for two lines of the rule in the heading font and two
    // of what happened (a race badge or a longer rule drops the rule to the
    // bold body font).
    static float wanted_height(const Appearance& look);

protected:
    std::string subtitle(const PanelContext& ctx) const override;
    void draw_body(const PanelContext& ctx) override;

private:
    void draw_race_badge(const PanelContext& ctx);
    std::string what_happened(const trace::ViewState& view) const;
    std::string running_from(const trace::ViewState& view) const;
    float below_rule_height(const trace::ViewState& view, float wrap, bool with_origin) const;
    ImFont* bold_font_ = nullptr;  // the labels' font, set by draw_body before it measures
    trace::Rule current_rule(const trace::ViewState& view) const;

    const trace::Trace* trace_ = nullptr;
};

}  // namespace looplab::ui
