// The look flags the window and the screenshot share: theme, text size, scale.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "ui/theme.h"

namespace looplab::app {

struct UiOptions {
    std::string theme;  // "dark", "light", or empty: the remembered one (the window) or dark
    float font_px = ui::Appearance::kBaseFontPx;
    float scale = 0.0f;  // 0: the monitor's content scale (the window) or 1 (a screenshot)

    void apply(ui::Appearance& look) const;
};

void add_ui_options(CLI::App& cmd, UiOptions& options);

}  // namespace looplab::app
