// The scenario library: the built-in lessons grouped by topic, in the order
// assets/scenarios/index.json lists them. One click opens a scenario.
#pragma once

#include <string>
#include <vector>

#include "ui/panel.h"
#include "ui/scenario.h"

namespace looplab::ui {

class Controller;

class ScenarioLibrary final : public Panel {
public:
    ScenarioLibrary() : Panel("Scenarios") {}
    // The frame's list, the open file and the command sink; call before draw().
    void set_frame(const std::vector<Scenario>* scenarios, Controller* controller) {
        scenarios_ = scenarios;
        controller_ = controller;
    }

protected:
    std::string subtitle(const PanelContext&) const override;
    void draw_body(const PanelContext& ctx) override;

private:
    const std::vector<Scenario>* scenarios_ = nullptr;
    Controller* controller_ = nullptr;
};

}  // namespace looplab::ui
