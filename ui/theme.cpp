#include "ui/theme.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace looplab::ui {
namespace {

// fonts-dejavu-core: metric-compatible everywhere, covers the arrows and
// symbols the panels use, and reads well at a distance.
constexpr const char* kFontDir = "/usr/share/fonts/truetype/dejavu/";
constexpr const char* kSans = "DejaVuSans.ttf";
constexpr const char* kSansBold = "DejaVuSans-Bold.ttf";
constexpr const char* kMono = "DejaVuSansMono.ttf";
constexpr float kHeadingRatio = 1.2f;

constexpr ImU32 rgb(unsigned hex, unsigned alpha = 255) {
    return IM_COL32((hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff, alpha);
}

ImVec4 vec(unsigned hex, float alpha = 1.0f) {
    return ImVec4(((hex >> 16) & 0xff) / 255.0f, ((hex >> 8) & 0xff) / 255.0f, (hex & 0xff) / 255.0f,
                  alpha);
}

// Latin text plus the few symbols the panels draw (markers, arrows, dashes).
const ImWchar* glyph_ranges() {
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
        builder.AddText("\u25B6\u25B8\u25CF\u25CB\u2026\u2014\u2013\u2022\u2190\u2191\u2192\u2193\u2713\u2717\u00B7\u21AA");
        builder.BuildRanges(&ranges);
    }
    return ranges.Data;
}

Palette dark_palette() {
    Palette p{};
    p.text = rgb(0xe4e6eb);
    p.text_dim = rgb(0x9aa0aa);
    p.keyword = rgb(0xd19bff);
    p.literal = rgb(0x5fd0dc);
    p.string = rgb(0xa5d98a);
    p.number = rgb(0xf0a868);
    p.comment = rgb(0x8b919c);
    p.function = rgb(0x6fb8ff);
    p.punct = rgb(0xb8bec8);
    p.line_number = rgb(0x6e7582);
    p.current_line_bg = rgb(0xffc940, 48);
    p.current_line_marker = rgb(0xffc940);
    p.stdout_text = rgb(0xe4e6eb);
    p.stderr_text = rgb(0xff7b72);
    p.stderr_marker = rgb(0xff7b72);
    p.header_bg = rgb(0x2b2f38);
    p.header_text = rgb(0xffffff);
    p.header_rule = rgb(0x4c8dff);
    p.accent = rgb(0x4c8dff);
    p.ok = rgb(0x5fd37a);
    p.error = rgb(0xff7b72);
    return p;
}

Palette light_palette() {
    Palette p{};
    p.text = rgb(0x000000);
    p.text_dim = rgb(0x3d3d3d);
    p.keyword = rgb(0x6a00a8);
    p.literal = rgb(0x005f73);
    p.string = rgb(0x0b6100);
    p.number = rgb(0x9a3b00);
    p.comment = rgb(0x4f4f4f);
    p.function = rgb(0x0036a3);
    p.punct = rgb(0x1a1a1a);
    p.line_number = rgb(0x4a4a4a);
    p.current_line_bg = rgb(0xffd400, 120);
    p.current_line_marker = rgb(0xa34700);
    p.stdout_text = rgb(0x000000);
    p.stderr_text = rgb(0xb00000);
    p.stderr_marker = rgb(0xd00000);
    p.header_bg = rgb(0xe3e8f2);
    p.header_text = rgb(0x000000);
    p.header_rule = rgb(0x0040c0);
    p.accent = rgb(0x0040c0);
    p.ok = rgb(0x006b1f);
    p.error = rgb(0xb00000);
    return p;
}

void dark_style(ImGuiStyle& s) {
    ImGui::StyleColorsDark(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = vec(0xe4e6eb);
    c[ImGuiCol_TextDisabled] = vec(0x8b919c);
    c[ImGuiCol_WindowBg] = vec(0x1b1d23);
    c[ImGuiCol_ChildBg] = vec(0x1b1d23);
    c[ImGuiCol_PopupBg] = vec(0x23262e);
    c[ImGuiCol_Border] = vec(0x3a3f4b);
    c[ImGuiCol_MenuBarBg] = vec(0x23262e);
    c[ImGuiCol_FrameBg] = vec(0x2b2f38);
    c[ImGuiCol_FrameBgHovered] = vec(0x353a45);
    c[ImGuiCol_Button] = vec(0x2f5fb3);
    c[ImGuiCol_ButtonHovered] = vec(0x3b72d1);
    c[ImGuiCol_ButtonActive] = vec(0x2a549e);
    c[ImGuiCol_Header] = vec(0x2f5fb3, 0.55f);
    c[ImGuiCol_HeaderHovered] = vec(0x3b72d1, 0.8f);
    c[ImGuiCol_HeaderActive] = vec(0x3b72d1);
    c[ImGuiCol_ScrollbarBg] = vec(0x1b1d23);
    c[ImGuiCol_ScrollbarGrab] = vec(0x4a505c);
    c[ImGuiCol_ModalWindowDimBg] = vec(0x000000, 0.55f);
}

void light_style(ImGuiStyle& s) {
    ImGui::StyleColorsLight(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = vec(0x000000);
    c[ImGuiCol_TextDisabled] = vec(0x4a4a4a);
    c[ImGuiCol_WindowBg] = vec(0xffffff);
    c[ImGuiCol_ChildBg] = vec(0xffffff);
    c[ImGuiCol_PopupBg] = vec(0xffffff);
    c[ImGuiCol_Border] = vec(0x5a5a5a);
    c[ImGuiCol_MenuBarBg] = vec(0xe3e8f2);
    c[ImGuiCol_FrameBg] = vec(0xf0f2f6);
    c[ImGuiCol_FrameBgHovered] = vec(0xdde4f2);
    // Labels are black, so buttons are light with a dark border (see
    // FrameBorderSize below), not dark blue with black text.
    c[ImGuiCol_Button] = vec(0xd4e0f7);
    c[ImGuiCol_ButtonHovered] = vec(0xb9cdf3);
    c[ImGuiCol_ButtonActive] = vec(0x9fbaee);
    c[ImGuiCol_TitleBg] = vec(0xe3e8f2);
    c[ImGuiCol_TitleBgActive] = vec(0xc9d5ee);
    c[ImGuiCol_Header] = vec(0x0040c0, 0.25f);
    c[ImGuiCol_HeaderHovered] = vec(0x0040c0, 0.35f);
    c[ImGuiCol_HeaderActive] = vec(0x0040c0, 0.5f);
    c[ImGuiCol_ScrollbarBg] = vec(0xf0f0f0);
    c[ImGuiCol_ScrollbarGrab] = vec(0x8a8a8a);
    c[ImGuiCol_ModalWindowDimBg] = vec(0x000000, 0.35f);
}

}  // namespace

void Appearance::set_theme(Theme theme) {
    if (theme != theme_) {
        theme_ = theme;
        dirty_ = true;
    }
}

void Appearance::set_content_scale(float scale) {
    scale = std::clamp(scale, 0.5f, 4.0f);
    if (scale != content_scale_) {
        content_scale_ = scale;
        dirty_ = true;
    }
}

void Appearance::set_font_px(float px) {
    font_px_ = std::clamp(px, 8.0f, 64.0f);
    dirty_ = true;
}

void Appearance::zoom_in() {
    zoom_ = std::min(kMaxZoom, zoom_ * 1.125f);
    dirty_ = true;
}

void Appearance::zoom_out() {
    zoom_ = std::max(kMinZoom, zoom_ / 1.125f);
    dirty_ = true;
}

void Appearance::reset_zoom() {
    zoom_ = 1.0f;
    dirty_ = true;
}

bool Appearance::apply_pending() {
    if (!dirty_) return false;
    dirty_ = false;
    build_fonts();
    build_style();
    return true;
}

void Appearance::build_fonts() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    const float px = std::round(font_px_ * content_scale_ * zoom_);
    const std::filesystem::path dir = kFontDir;
    const bool have_files = std::filesystem::exists(dir / kSans) &&
                            std::filesystem::exists(dir / kSansBold) &&
                            std::filesystem::exists(dir / kMono);
    if (!have_files) {
        if (!warned_missing_font_) {
            std::fprintf(stderr,
                         "looplab: warning: DejaVu fonts not found in %s (install fonts-dejavu-core); "
                         "using ImGui's built-in font\n",
                         kFontDir);
            warned_missing_font_ = true;
        }
        ImFontConfig config;
        config.SizePixels = std::max(13.0f, std::round(px / 13.0f) * 13.0f);
        ImFont* font = atlas->AddFontDefault(&config);
        fonts_ = Fonts{font, font, font, font};
        return;
    }
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    const ImWchar* ranges = glyph_ranges();
    auto load = [&](const char* file, float size) {
        return atlas->AddFontFromFileTTF((dir / file).c_str(), size, &config, ranges);
    };
    fonts_.ui = load(kSans, px);  // the first font is ImGui's default
    fonts_.bold = load(kSansBold, px);
    fonts_.heading = load(kSansBold, std::round(px * kHeadingRatio));
    fonts_.mono = load(kMono, px);
}

void Appearance::build_style() {
    ImGuiStyle style;
    if (theme_ == Theme::Dark) {
        dark_style(style);
        palette_ = dark_palette();
    } else {
        light_style(style);
        palette_ = light_palette();
    }
    // Generous spacing: a projector blurs cramped widgets into each other.
    style.WindowPadding = ImVec2(14, 12);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 16;
    style.WindowRounding = 0;
    style.ChildRounding = 0;
    style.FrameRounding = 4;
    style.PopupRounding = 4;
    style.GrabRounding = 4;
    style.WindowBorderSize = 1;
    style.PopupBorderSize = 1;
    // Light theme: a visible edge on every field and button in a washed-out
    // projector image.
    style.FrameBorderSize = theme_ == Theme::LightHighContrast ? 1.0f : 0.0f;
    style.ScaleAllSizes(scale());
    ImGui::GetStyle() = style;
}

}  // namespace looplab::ui
