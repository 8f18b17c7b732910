#include "ui/panel.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace looplab::ui {

namespace {
constexpr ImGuiWindowFlags kTileFlags =
    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar |
    ImGuiWindowFlags_NoScrollWithMouse;
}

void Panel::draw(const PanelContext& ctx, ImVec2 pos, ImVec2 size) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    const bool open = ImGui::Begin(title_.c_str(), nullptr, kTileFlags);
    ImGui::PopStyleVar();
    if (open) {
        draw_header(ctx);
        const ImGuiStyle& style = ImGui::GetStyle();
        ImGui::SetCursorPos(ImVec2(style.WindowPadding.x, ImGui::GetCursorPosY()));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        const ImVec2 body(ImGui::GetContentRegionAvail().x - style.WindowPadding.x,
                          ImGui::GetContentRegionAvail().y - style.WindowPadding.y * 0.5f);
        if (ImGui::BeginChild("body", body, false, ImGuiWindowFlags_HorizontalScrollbar)) {
            draw_body(ctx);
            fits_ = main_content_visible();
            drawn_frame_ = ImGui::GetFrameCount();
        }
        ImGui::EndChild();
        ImGui::PopStyleVar();
    }
    ImGui::End();
}

float Panel::chrome_height(const Appearance& look) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float header = look.fonts().heading->FontSize + 2 * style.FramePadding.y * 1.5f;
    return std::ceil(header + style.ItemSpacing.y + style.WindowPadding.y * 0.5f + 2.0f);
}

// ImGui knows the body's scroll range from the previous frame's content, so
// this reads true once the layout has settled (a frame after a resize).
bool Panel::main_content_visible() const {
    return ImGui::GetScrollMaxY() < 1.0f && ImGui::GetScrollMaxX() < 1.0f;
}

// A solid band with the title in the heading font and a coloured rule under
// it: the first thing a student at the back of the room must be able to read.
void Panel::draw_header(const PanelContext& ctx) {
    const Palette& pal = ctx.look.palette();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImFont* heading = ctx.look.fonts().heading;
    const float pad_x = style.WindowPadding.x;
    const float pad_y = style.FramePadding.y * 1.5f;
    const float height = heading->FontSize + 2 * pad_y;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetWindowWidth();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rule = std::max(2.0f, ctx.look.scale() * 3.0f);
    dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), pal.header_bg);
    dl->AddRectFilled(ImVec2(origin.x, origin.y + height - rule), ImVec2(origin.x + width, origin.y + height),
                      pal.header_rule);
    const std::string title = header_title(ctx);
    dl->AddText(heading, heading->FontSize, ImVec2(origin.x + pad_x, origin.y + pad_y - rule * 0.5f),
                pal.header_text, title.c_str());

    const std::string sub = subtitle(ctx);
    if (!sub.empty()) {
        ImFont* font = ctx.look.fonts().ui;
        const ImVec2 sz = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, sub.c_str());
        const float y = origin.y + (height - rule - sz.y) * 0.5f;
        const float title_end = origin.x + pad_x +
                                heading->CalcTextSizeA(heading->FontSize, FLT_MAX, 0.0f, title.c_str()).x + pad_x;
        // A narrow tile keeps the title whole; the subtitle gives way.
        if (origin.x + width - pad_x - sz.x >= title_end) {
            dl->AddText(font, font->FontSize, ImVec2(origin.x + width - pad_x - sz.x, y), pal.text_dim, sub.c_str());
        }
    }
    ImGui::Dummy(ImVec2(width, height));
}

}  // namespace looplab::ui
