#include "ui/panel_source.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <filesystem>

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

// Continuation rows start this many characters in, under a marker in the
// gutter, so a wrapped line reads as one statement.
constexpr size_t kContinuationIndent = 2;

// "worker 1", "child 4243": the isolate table's name for a thread, "main
// thread" for the first.
std::string thread_name(const trace::Trace* trace, uint32_t isolate) {
    if (isolate == 0) return "main thread";
    if (trace != nullptr) {
        for (const trace::IsolateInfo& info : trace->isolate_table()) {
            if (info.id == isolate && !info.name.empty()) return info.name;
        }
    }
    return trace::fallback_isolate_name(isolate);
}

bool several_threads(const trace::ViewState& view) {
    size_t seen = 0;
    for (const trace::IsolateStatus& s : view.isolates) seen += s.seen ? 1 : 0;
    return seen > 1;
}

}  // namespace

bool SourcePanel::shows_main_script(const trace::ViewState& view) const {
    return view.current_file == 0 || trace_ == nullptr || view.current_file >= trace_->files().size();
}

const std::string& SourcePanel::shown_source(const trace::ViewState& view) const {
    return shows_main_script(view) ? view.source : trace_->files()[view.current_file].text;
}

const std::string& SourcePanel::shown_path(const trace::ViewState& view) const {
    return shows_main_script(view) ? view.file_path : trace_->files()[view.current_file].path;
}

// The header names the file; with several threads, the subtitle says whose
// step it is.
std::string SourcePanel::header_title(const PanelContext& ctx) const {
    const std::string& path = shown_path(ctx.view);
    if (path.empty()) return title();
    return std::filesystem::path(path).filename().string();
}

std::string SourcePanel::subtitle(const PanelContext& ctx) const {
    const std::string& source = shown_source(ctx.view);
    if (source.empty()) return {};
    const size_t total = size_t(std::count(source.begin(), source.end(), '\n')) + (source.back() == '\n' ? 0 : 1);
    const std::string thread =
        several_threads(ctx.view) ? thread_name(trace_, ctx.view.isolate) + " \u00B7 " : std::string();
    if (ctx.view.current_line == 0) return thread + std::to_string(total) + " lines";
    return thread + "line " + std::to_string(ctx.view.current_line) + " of " + std::to_string(total);
}

void SourcePanel::refresh(const std::string& source, size_t columns, size_t indent) {
    const bool new_text = source != cached_source_ || lines_.empty();
    if (new_text) {
        cached_source_ = source;
        lines_ = highlight_js(cached_source_);
        scrolled_to_line_ = 0;
    }
    if (!new_text && columns == cached_columns_) return;
    cached_columns_ = columns;
    rows_ = wrap_source(lines_, columns, indent);
    first_row_.assign(lines_.size(), 0);
    for (size_t r = rows_.size(); r-- > 0;) first_row_[rows_[r].line] = uint32_t(r);
    scrolled_to_line_ = 0;  // the rows moved: bring the executing line back
}

// Keep the executing line in view, a third of the way down, when it moves.
// Returns where the body is scrolled to for this frame (ImGui applies a new
// scroll position only in the next frame).
float SourcePanel::scroll_to_current(uint32_t line, float row_h) {
    if (line == 0 || line > first_row_.size() || line == scrolled_to_line_) return ImGui::GetScrollY();
    const float content_h = float(rows_.size()) * row_h;
    const float target = std::clamp(float(first_row_[line - 1]) * row_h - ImGui::GetWindowHeight() / 3.0f, 0.0f,
                                    std::max(0.0f, content_h - ImGui::GetWindowHeight()));
    ImGui::SetScrollY(target);
    scrolled_to_line_ = line;
    return target;
}

void SourcePanel::draw_body(const PanelContext& ctx) {
    const trace::ViewState& view = ctx.view;
    const std::string& source = shown_source(view);
    current_visible_ = true;
    if (source.empty()) {
        ImGui::TextDisabled(view.file_path.empty() ? "No program loaded. Use File \u2192 Open\u2026 or drop a .js file here."
                                                   : "This file is empty.");
        return;
    }
    if (shown_path(view) != scrolled_file_) {
        scrolled_file_ = shown_path(view);
        scrolled_to_line_ = 0;
    }

    ImGui::PushFont(ctx.look.fonts().mono);
    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    const float char_w = ImGui::CalcTextSize("0").x;
    const size_t line_count = size_t(std::count(source.begin(), source.end(), '\n')) + 1;
    const int digits = std::max(3, int(std::to_string(line_count).size()));
    // Gutter: a marker column, the right-aligned number, then a gap.
    const float gutter_w = char_w * float(digits + 4);
    const float text_w = ImGui::GetContentRegionAvail().x - gutter_w - char_w;
    refresh(source, size_t(std::max(8.0f, std::floor(text_w / char_w))), kContinuationIndent);
    current_line_ = view.current_line <= lines_.size() ? view.current_line : 0;
    const float scroll_y = scroll_to_current(current_line_, row_h);

    ImGuiListClipper clipper;
    clipper.Begin(int(rows_.size()), row_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            draw_row(ctx, rows_[size_t(i)], gutter_w, char_w * float(kContinuationIndent));
        }
    }
    clipper.End();

    // Whole on screen: every row of the executing line between the scroll
    // position and the bottom of the body.
    if (current_line_ != 0) {
        const uint32_t first = first_row_[current_line_ - 1];
        uint32_t last = first;
        while (last + 1 < rows_.size() && rows_[last + 1].line == current_line_ - 1) ++last;
        const float top = float(first) * row_h, bottom = float(last + 1) * row_h;
        current_visible_ = top >= scroll_y - 0.5f && bottom <= scroll_y + ImGui::GetWindowHeight() + 0.5f;
    }
    ImGui::PopFont();
}

void SourcePanel::draw_row(const PanelContext& ctx, const SourceRow& row, float gutter_w, float indent_w) {
    const Palette& pal = ctx.look.palette();
    const HighlightedLine& line = lines_[row.line];
    const bool current = row.line + 1 == current_line_;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float half_gap = (row_h - size) * 0.5f;
    const float right_edge = pos.x + ImGui::GetWindowWidth();

    // Clicking a line runs to it: a hover band says so before the click.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (ImGui::IsWindowHovered() && mouse.y >= pos.y - half_gap && mouse.y < pos.y + size + half_gap) {
        dl->AddRectFilled(ImVec2(pos.x, pos.y - half_gap), ImVec2(right_edge, pos.y + size + half_gap),
                          ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.35f));
        ImGui::SetTooltip("Click: run to line %u", row.line + 1);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) clicked_line_ = row.line + 1;
    }
    if (current) {
        dl->AddRectFilled(ImVec2(pos.x, pos.y - half_gap), ImVec2(right_edge, pos.y + size + half_gap),
                          pal.current_line_bg);
        if (!row.continuation) dl->AddText(font, size, ImVec2(pos.x + 2, pos.y), pal.current_line_marker, "\u25B6");
    }
    const float char_w = font->CalcTextSizeA(size, FLT_MAX, 0, "0").x;
    const float number_right = pos.x + gutter_w - char_w * 1.5f;
    if (row.continuation) {
        // The same line goes on: a hook where the number would be.
        dl->AddText(font, size, ImVec2(number_right - char_w, pos.y), pal.line_number, "\u21AA");
    } else {
        const std::string number = std::to_string(row.line + 1);
        dl->AddText(font, size, ImVec2(number_right - char_w * float(number.size()), pos.y),
                    current ? pal.current_line_marker : pal.line_number, number.c_str());
    }

    float x = pos.x + gutter_w + (row.continuation ? indent_w : 0.0f);
    const char* text = line.text.data();
    for (const Span& span : line.spans) {
        const uint32_t a = std::max(span.begin, row.begin), b = std::min(span.end, row.end);
        if (a >= b) continue;
        dl->AddText(font, size, ImVec2(x, pos.y), colour_of(span.kind, pal), text + a, text + b);
        x += font->CalcTextSizeA(size, FLT_MAX, 0, text + a, text + b).x;
    }
    ImGui::Dummy(ImVec2(1, size));
}

}  // namespace looplab::ui
