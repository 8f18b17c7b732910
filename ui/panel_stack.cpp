#include "ui/panel_stack.h"

#include <algorithm>
#include <cfloat>
#include <string>

namespace looplab::ui {

std::string StackPanel::subtitle(const PanelContext& ctx) const {
    const size_t n = ctx.view.stack.size();
    const std::string thread = thread_prefix(ctx.view);
    if (n == 0) return thread + "empty";
    return thread + std::to_string(n) + (n == 1 ? " frame" : " frames");
}

// Mirrors draw_frame: a band, then a small gap, each followed by ImGui's item spacing.
float StackPanel::wanted_height(const Appearance& look, size_t frames) {
    const float s = look.scale();
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float frame = look.fonts().bold->FontSize + 2 * 7 * s + spacing + 2 * s + spacing;
    return chrome_height(look) + float(frames) * frame;
}

void StackPanel::draw_body(const PanelContext& ctx) {
    const auto& stack = ctx.view.stack;
    if (stack.empty()) {
        draw_empty(ctx);
        return;
    }
    for (size_t i = stack.size(); i-- > 0;) draw_frame(ctx, stack[i], i + 1 == stack.size());
}

// One frame as a full-width band: the name in bold, its line at the right.
// Internal frames keep the same shape but dim text and say "Node internal"
// in words, so they read as such in grey-scale too.
void StackPanel::draw_frame(const PanelContext& ctx, const trace::StackFrame& frame, bool top) {
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImFont* bold = ctx.look.fonts().bold;
    ImFont* ui = ctx.look.fonts().ui;
    ImFont* name_font = frame.internal ? ui : bold;
    ImDrawList* dl = ImGui::GetWindowDrawList();

    const float pad_x = 12 * s;
    const float pad_y = 7 * s;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x - 4 * s, 200 * s);
    const ImVec2 max(min.x + width, min.y + name_font->FontSize + 2 * pad_y);
    const ImU32 ink = frame.internal ? pal.text_dim : pal.text;
    const ImU32 bg = ImGui::GetColorU32(frame.internal ? ImGuiCol_WindowBg : ImGuiCol_FrameBg);
    dl->AddRectFilled(min, max, bg, 6 * s);
    dl->AddRect(min, max, top ? pal.accent : ImGui::GetColorU32(ImGuiCol_Border), 6 * s, 0,
                top ? std::max(2.0f, 3 * s) : 1.0f);

    float x = min.x + pad_x;
    const float y = min.y + pad_y;
    if (top) {
        const char* marker = "\u25B6 ";
        dl->AddText(bold, bold->FontSize, ImVec2(x, y), pal.accent, marker);
        x += bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, marker).x;
    }
    const std::string& name = frame.name.empty() ? std::string("<anonymous>") : frame.name;
    dl->AddText(name_font, name_font->FontSize, ImVec2(x, y), ink, name.c_str());

    // Right: where it is. The running user frame shows the executing line.
    std::string where;
    if (frame.internal) {
        where = "Node internal";
    } else if (top && ctx.view.current_line != 0 && ctx.view.current_line != frame.line) {
        where = "line " + std::to_string(frame.line) + ", now at " + std::to_string(ctx.view.current_line);
    } else if (frame.line != 0) {
        where = "line " + std::to_string(frame.line);
    }
    // A narrow tile keeps the name whole: "Node internal" becomes
    // "internal", then the right-hand text goes.
    const float name_end = x + name_font->CalcTextSizeA(name_font->FontSize, FLT_MAX, 0, name.c_str()).x + 12 * s;
    auto width_of = [&](const std::string& t) { return ui->CalcTextSizeA(ui->FontSize, FLT_MAX, 0, t.c_str()).x; };
    if (frame.internal && name_end + width_of(where) > max.x - pad_x) where = "internal";
    if (!where.empty() && name_end + width_of(where) > max.x - pad_x) where.clear();
    if (!where.empty()) {
        const float w = width_of(where);
        const float wx = max.x - pad_x - w;
        dl->AddText(ui, ui->FontSize, ImVec2(wx, min.y + (max.y - min.y - ui->FontSize) * 0.5f),
                    frame.internal ? pal.text_dim : pal.line_number, where.c_str());
    }
    if (top && animator_) animator_->anchor(Place::stack(), 0, min, max);
    ImGui::Dummy(ImVec2(width, max.y - min.y));
    ImGui::Dummy(ImVec2(0, 2 * s));
}

void StackPanel::draw_empty(const PanelContext& ctx) {
    const trace::ViewState& v = ctx.view;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.look.palette().text_dim);
    ImGui::PushTextWrapPos(0.0f);
    if (v.finished) {
        ImGui::TextUnformatted("Empty: the process has exited.");
    } else if (v.cursor == 0) {
        ImGui::TextUnformatted("Empty: the main script has not started yet.");
    } else if (v.phase == trace::Phase::Main || v.phase == trace::Phase::None) {
        ImGui::TextUnformatted("Empty: no JavaScript is running.");
    } else {
        const std::string text = "Empty: no JavaScript is running; the loop is in the " +
                                 std::string(trace::phase_name(v.phase)) + " phase.";
        ImGui::TextUnformatted(text.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (animator_) {
        const float w = ImGui::GetContentRegionAvail().x;
        animator_->anchor(Place::stack(), 0, at, ImVec2(at.x + w * 0.5f, at.y + ImGui::GetFontSize()));
    }
}

}  // namespace looplab::ui
