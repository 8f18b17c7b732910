// Look and feel: the two themes, the fonts and the text size. A projector in a
// bright classroom needs big type and strong contrast, so the defaults are
// 18 px text scaled by the monitor's content scale, and a light high-contrast
// theme is one click away.
#pragma once

#include <imgui.h>

namespace looplab::ui {

enum class Theme { Dark, LightHighContrast };

// Semantic colours the panels use on top of ImGui's own style colours.
struct Palette {
    ImU32 text, text_dim;
    ImU32 keyword, literal, string, number, comment, function, punct;
    ImU32 line_number;
    ImU32 current_line_bg, current_line_marker;
    ImU32 stdout_text, stderr_text, stderr_marker;
    ImU32 header_bg, header_text, header_rule;
    ImU32 accent, ok, error;
};

struct Fonts {
    ImFont* ui = nullptr;       // body text
    ImFont* bold = nullptr;     // labels that must stand out
    ImFont* heading = nullptr;  // panel headers
    ImFont* mono = nullptr;     // source code and console output
};

class Appearance {
public:
    static constexpr float kBaseFontPx = 18.0f;
    static constexpr float kMinZoom = 0.6f;
    static constexpr float kMaxZoom = 3.0f;

    void set_theme(Theme theme);
    void set_content_scale(float scale);
    void set_font_px(float px);  // the unscaled body size, 18 by default
    void zoom_in();
    void zoom_out();
    void reset_zoom();

    // Rebuilds fonts and style if something changed since the last call.
    // Call it before ImGui::NewFrame(); it returns true when the font atlas
    // was rebuilt and the renderer must upload a new font texture.
    bool apply_pending();

    Theme theme() const { return theme_; }
    float zoom() const { return zoom_; }
    float font_px() const { return font_px_; }
    float scale() const { return content_scale_ * zoom_ * font_px_ / kBaseFontPx; }
    const Fonts& fonts() const { return fonts_; }
    const Palette& palette() const { return palette_; }

private:
    void build_fonts();
    void build_style();

    Theme theme_ = Theme::Dark;
    float content_scale_ = 1.0f;
    float zoom_ = 1.0f;
    float font_px_ = kBaseFontPx;
    bool dirty_ = true;
    bool warned_missing_font_ = false;
    Fonts fonts_;
    Palette palette_{};
};

}  // namespace looplab::ui
