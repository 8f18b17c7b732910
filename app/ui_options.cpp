#include "app/ui_options.h"

namespace looplab::app {

void add_ui_options(CLI::App& cmd, UiOptions& o) {
    const char* group = "Appearance";
    cmd.add_option("--theme", o.theme, "dark (default) or light (high contrast, for bright rooms); the window remembers the last one")
        ->check(CLI::IsMember({"dark", "light"}))
        ->group(group);
    cmd.add_option("--font-size", o.font_px, "Body text size in pixels before scaling (default 18)")
        ->check(CLI::Range(8.0f, 64.0f))
        ->group(group);
    cmd.add_option("--scale", o.scale, "UI scale factor (default: the monitor's DPI scale)")
        ->check(CLI::Range(0.5f, 4.0f))
        ->group(group);
}

void UiOptions::apply(ui::Appearance& look) const {
    if (!theme.empty()) look.set_theme(theme == "light" ? ui::Theme::LightHighContrast : ui::Theme::Dark);
    look.set_font_px(font_px);
    if (scale > 0) look.set_content_scale(scale);
}

}  // namespace looplab::app
