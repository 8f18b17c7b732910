#include "ui/panel_console.h"

#include <algorithm>

namespace looplab::ui {

std::string ConsolePanel::subtitle(const PanelContext& ctx) const {
    const size_t n = ctx.view.console.size();
    if (n == 0) return {};
    return std::to_string(n) + (n == 1 ? " line" : " lines");
}

void ConsolePanel::draw_body(const PanelContext& ctx) {
    const Palette& pal = ctx.look.palette();
    const auto& lines = ctx.view.console;
    if (lines.size() < lines_seen_) follow_ = true;  // a new run started

    ImGui::PushFont(ctx.look.fonts().mono);
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const float bar_w = std::max(3.0f, ctx.look.scale() * 4.0f);
    const float indent = bar_w * 3.0f;
    ImGuiListClipper clipper;
    clipper.Begin(int(lines.size()), line_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const trace::ConsoleLine& line = lines[size_t(i)];
            const bool err = line.stream == trace::ConsoleStream::Stderr;
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            if (err) {
                const float gap = (line_h - ImGui::GetFontSize()) * 0.5f;
                ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(pos.x, pos.y - gap),
                                                          ImVec2(pos.x + bar_w, pos.y + ImGui::GetFontSize() + gap),
                                                          pal.stderr_marker);
            }
            ImGui::SetCursorScreenPos(ImVec2(pos.x + indent, pos.y));
            ImGui::PushStyleColor(ImGuiCol_Text, err ? pal.stderr_text : pal.stdout_text);
            ImGui::TextUnformatted(line.text.data(), line.text.data() + line.text.size());
            ImGui::PopStyleColor();
        }
    }
    clipper.End();
    ImGui::PopFont();

    draw_status(ctx);

    // The scroll position reflects new lines only a frame later, so decide
    // whether to keep following only on frames where nothing arrived.
    if (lines.size() != lines_seen_) {
        if (follow_) ImGui::SetScrollHereY(1.0f);
    } else {
        follow_ = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - line_h;
    }
    lines_seen_ = lines.size();
}

void ConsolePanel::draw_status(const PanelContext& ctx) {
    const Palette& pal = ctx.look.palette();
    if (!ctx.view.console.empty()) ImGui::Spacing();
    if (ctx.running) {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.text_dim);
        ImGui::TextUnformatted("running\u2026");
        ImGui::PopStyleColor();
    } else if (ctx.view.finished) {
        if (ctx.view.console.empty()) ImGui::TextDisabled("(the program printed nothing)");
        const bool ok = ctx.view.exit_code == 0;
        ImGui::PushFont(ctx.look.fonts().bold);
        ImGui::PushStyleColor(ImGuiCol_Text, ok ? pal.ok : pal.error);
        ImGui::Text("%s Process exited with code %d", ok ? "\u2713" : "\u2717", ctx.view.exit_code);
        ImGui::PopStyleColor();
        ImGui::PopFont();
    } else if (ctx.view.console.empty()) {
        ImGui::TextDisabled("No output yet.");
    }
}

}  // namespace looplab::ui
