#include "ui/panel_console.h"

#include <algorithm>
#include <cmath>

namespace looplab::ui {

std::string ConsolePanel::subtitle(const PanelContext& ctx) const {
    const size_t n = ctx.view.console.size();
    if (n == 0) return {};
    return std::to_string(n) + (n == 1 ? " line" : " lines");
}

// Rows for the lines added since the last frame; all of them again when the
// width changed or a new run started. The last line is re-wrapped while it
// grows (process.stdout.write without a newline).
void ConsolePanel::wrap_new_lines(const decltype(trace::ViewState::console)& lines, size_t columns) {
    const bool last_grew = wrapped_lines_ > 0 && wrapped_lines_ <= lines.size() &&
                           lines[wrapped_lines_ - 1].text.size() != last_line_size_;
    if (columns != wrapped_columns_ || lines.size() < wrapped_lines_) {
        rows_.clear();
        wrapped_lines_ = 0;
    } else if (last_grew) {
        while (!rows_.empty() && rows_.back().line == wrapped_lines_ - 1) rows_.pop_back();
        --wrapped_lines_;
    }
    wrapped_columns_ = columns;
    for (size_t i = wrapped_lines_; i < lines.size(); ++i) wrap_line(lines[i].text, uint32_t(i), columns, 0, rows_);
    wrapped_lines_ = lines.size();
    last_line_size_ = lines.empty() ? 0 : lines.back().text.size();
}

void ConsolePanel::draw_body(const PanelContext& ctx) {
    const Palette& pal = ctx.look.palette();
    const auto& lines = ctx.view.console;
    if (lines.size() < lines_seen_) follow_ = true;  // a new run started

    ImGui::PushFont(ctx.look.fonts().mono);
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const float bar_w = std::max(3.0f, ctx.look.scale() * 4.0f);
    const float indent = bar_w * 3.0f;
    const float char_w = ImGui::CalcTextSize("0").x;
    wrap_new_lines(lines, size_t(std::max(8.0f, std::floor((ImGui::GetContentRegionAvail().x - indent) / char_w) - 1)));
    ImGuiListClipper clipper;
    clipper.Begin(int(rows_.size()), line_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const SourceRow& row = rows_[size_t(i)];
            const trace::ConsoleLine& line = lines[row.line];
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
            ImGui::TextUnformatted(line.text.data() + row.begin, line.text.data() + row.end);
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
        at_end_ = follow_;
    } else {
        follow_ = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - line_h;
        at_end_ = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f;
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
