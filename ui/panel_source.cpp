#include "ui/panel_source.h"

#include <algorithm>
#include <cfloat>

namespace looplab::ui {
namespace {

ImU32 colour_of(SyntaxKind kind, const Palette& pal) {
    switch (kind) {
        case SyntaxKind::Keyword: return pal.keyword;
        case SyntaxKind::Literal: return pal.literal;
        case SyntaxKind::String: return pal.string;
        case SyntaxKind::Number: return pal.number;
        case SyntaxKind::Comment: return pal.comment;
        case SyntaxKind::Function: return pal.function;
        case SyntaxKind::Punct: return pal.punct;
        case SyntaxKind::Plain: break;
    }
    return pal.text;
}

}  // namespace

// The status bar names the file; the header says where we are in it.
std::string SourcePanel::subtitle(const PanelContext& ctx) const {
    if (ctx.view.source.empty()) return {};
    const size_t total = lines_.empty() ? size_t(std::count(ctx.view.source.begin(), ctx.view.source.end(), '\n')) + 1
                                        : lines_.size();
    if (ctx.view.current_line == 0) return std::to_string(total) + " lines";
    return "line " + std::to_string(ctx.view.current_line) + " of " + std::to_string(total);
}

void SourcePanel::refresh(const trace::ViewState& view) {
    if (view.source == cached_source_ && !lines_.empty()) return;
    cached_source_ = view.source;
    lines_ = highlight_js(cached_source_);
    scrolled_to_line_ = 0;
}

void SourcePanel::draw_body(const PanelContext& ctx) {
    const trace::ViewState& view = ctx.view;
    if (view.source.empty()) {
        ImGui::TextDisabled(view.file_path.empty() ? "No program loaded. Use File \u2192 Open\u2026 or drop a .js file here."
                                                   : "This file is empty.");
        return;
    }
    refresh(view);

    ImGui::PushFont(ctx.look.fonts().mono);
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const int digits = std::max(3, int(std::to_string(lines_.size()).size()));
    // Gutter: a marker column, the right-aligned number, then a gap.
    const float gutter_w = ImGui::CalcTextSize("0").x * float(digits + 4);

    // Keep the executing line in view, a third of the way down, when it moves.
    if (view.current_line != 0 && view.current_line != scrolled_to_line_) {
        const float target = float(view.current_line - 1) * line_h - ImGui::GetWindowHeight() / 3.0f;
        ImGui::SetScrollY(std::max(0.0f, target));
        scrolled_to_line_ = view.current_line;
    }

    ImGuiListClipper clipper;
    clipper.Begin(int(lines_.size()), line_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw_line(ctx, i, gutter_w);
    }
    clipper.End();
    ImGui::PopFont();
}

void SourcePanel::draw_line(const PanelContext& ctx, int index, float gutter_w) {
    const Palette& pal = ctx.look.palette();
    const HighlightedLine& line = lines_[size_t(index)];
    const bool current = uint32_t(index + 1) == ctx.view.current_line;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float half_gap = (line_h - size) * 0.5f;

    // Clicking a line runs to it: a hover band says so before the click.
    const float right_edge = pos.x + std::max(ImGui::GetWindowWidth(), ImGui::GetContentRegionMax().x);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (ImGui::IsWindowHovered() && mouse.y >= pos.y - half_gap && mouse.y < pos.y + size + half_gap) {
        dl->AddRectFilled(ImVec2(pos.x, pos.y - half_gap), ImVec2(right_edge, pos.y + size + half_gap),
                          ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.35f));
        ImGui::SetTooltip("Click: run to line %d", index + 1);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) clicked_line_ = uint32_t(index + 1);
    }
    if (current) {
        const float right = pos.x + std::max(ImGui::GetWindowWidth(), ImGui::GetContentRegionMax().x);
        dl->AddRectFilled(ImVec2(pos.x, pos.y - half_gap), ImVec2(right, pos.y + size + half_gap),
                          pal.current_line_bg);
        dl->AddText(font, size, ImVec2(pos.x + 2, pos.y), pal.current_line_marker, "\u25B6");
    }
    const std::string number = std::to_string(index + 1);
    const float char_w = font->CalcTextSizeA(size, FLT_MAX, 0, "0").x;
    const float number_right = pos.x + gutter_w - char_w * 1.5f;
    dl->AddText(font, size, ImVec2(number_right - char_w * float(number.size()), pos.y),
                current ? pal.current_line_marker : pal.line_number, number.c_str());

    float x = pos.x + gutter_w;
    const char* text = line.text.data();
    for (const Span& span : line.spans) {
        dl->AddText(font, size, ImVec2(x, pos.y), colour_of(span.kind, pal), text + span.begin, text + span.end);
        x += font->CalcTextSizeA(size, FLT_MAX, 0, text + span.begin, text + span.end).x;
    }
    // Reserve the line's width so long lines get a horizontal scrollbar.
    ImGui::Dummy(ImVec2(x - pos.x, size));
}

}  // namespace looplab::ui
