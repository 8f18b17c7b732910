#include "ui/panel_queues.h"

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

namespace looplab::ui {

using trace::QueueKind;

// One row: a queue's name, what it is for (the tooltip), and its entries.
struct QueuesPanel::Row {
    const char* name;
    const char* help;
    Place place;
    TokenKind kind;
    bool lit;  // the loop is in this queue's phase (or draining microtasks)
    std::vector<Token> tokens;
    std::vector<uint32_t> items;
    std::vector<std::string> notes;  // storage for the tokens' note text
};

namespace {

constexpr size_t kMaxTokensPerRow = 200;  // the rest shows as "+N more"

bool in_checkpoint(const trace::ViewState& v) {
    return std::any_of(v.stack.begin(), v.stack.end(), [](const trace::StackFrame& f) {
        return f.internal && (f.name == "processTicksAndRejections" || f.name == "runMicrotasks");
    });
}

}  // namespace

std::string QueuesPanel::subtitle(const PanelContext& ctx) const {
    size_t n = ctx.view.pool.completed.size();
    for (const auto& q : ctx.view.queues) n += q.size();
    const std::string thread = thread_prefix(ctx.view);
    if (n == 0) return thread + "all empty";
    return thread + std::to_string(n) + " waiting";
}

// Mirrors draw_body: two section titles, seven rows, the gap between them.
float QueuesPanel::wanted_height(const Appearance& look) {
    const float s = look.scale();
    const float spacing = 4 * s;
    const float token_h = token_size(Token{"x", 0, {}, TokenKind::Timer}, look).y;
    const float row = token_h + 2 * 2 * s + spacing;
    const float section = ImGui::GetTextLineHeight() + spacing;
    return chrome_height(look) + 2 * section + 7 * row + 2 * s + spacing;
}

void QueuesPanel::draw_body(const PanelContext& ctx) {
    const trace::ViewState& v = ctx.view;
    const bool checkpoint = in_checkpoint(v);
    auto queue_row = [&](const char* name, const char* help, QueueKind q, bool lit) {
        Row row{name, help, Place::queue(q), token_kind(q), lit, {}, {}, {}};
        const auto& entries = v.queue(q);
        row.notes.reserve(entries.size());
        for (const trace::QueueEntry& e : entries) {
            if (row.tokens.size() == kMaxTokensPerRow) break;
            row.notes.push_back(q == QueueKind::Timers ? "due " + std::to_string(e.due_ms) + " ms" : std::string());
            row.tokens.push_back(Token{ctx.label(e.item), ctx.line(e.item), {}, row.kind});
            row.items.push_back(e.item);
        }
        // The notes vector no longer reallocates: point the tokens at it.
        for (size_t i = 0; i < row.tokens.size(); ++i) row.tokens[i].note = row.notes[i];
        return row;
    };
    Row rows[] = {
        queue_row("nextTick", "process.nextTick callbacks: drained first, after every callback and before promises.",
                  QueueKind::NextTick, checkpoint),
        queue_row("promises", "Promise jobs (then/catch/await continuations): drained after the nextTick queue.",
                  QueueKind::Microtask, checkpoint),
        queue_row("timers", "setTimeout/setInterval: a heap ordered by due time (then creation order). The timers "
                  "phase runs those due at the loop's cached time.",
                  QueueKind::Timers, v.phase == trace::Phase::Timers),
        queue_row("pending", "I/O callbacks deferred to the next loop iteration (some TCP errors).",
                  QueueKind::Pending, v.phase == trace::Phase::Pending),
        Row{"poll", "Finished I/O (thread pool work, sockets) whose callbacks the poll phase runs.",
            Place::poll_queue(), TokenKind::Poll, v.phase == trace::Phase::Poll, {}, {}, {}},
        queue_row("check", "setImmediate callbacks: the check phase runs right after poll.", QueueKind::Immediates,
                  v.phase == trace::Phase::Check),
        queue_row("close", "'close' callbacks of handles closed abruptly (socket.destroy()).", QueueKind::Close,
                  v.phase == trace::Phase::Close),
    };
    Row& poll = rows[4];
    for (const trace::PoolJob& job : v.pool.completed) {
        if (poll.tokens.size() == kMaxTokensPerRow) break;
        poll.tokens.push_back(Token{ctx.label(job.item), ctx.line(job.item), {}, TokenKind::Poll});
        poll.items.push_back(job.item);
    }

    ImFont* bold = ctx.look.fonts().bold;
    float label_w = 0;
    for (const Row& r : rows) label_w = std::max(label_w, bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, r.name).x);
    label_w += 36 * ctx.look.scale();  // swatch, count, gap

    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 4 * ctx.look.scale()));
    draw_section(ctx, "Microtasks \u2014 after every callback");
    draw_row(ctx, rows[0], label_w);
    draw_row(ctx, rows[1], label_w);
    ImGui::Dummy(ImVec2(0, 2 * ctx.look.scale()));
    draw_section(ctx, "Event loop phases");
    for (size_t i = 2; i < std::size(rows); ++i) draw_row(ctx, rows[i], label_w);
    ImGui::PopStyleVar();
}

void QueuesPanel::draw_section(const PanelContext& ctx, const char* title) {
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.look.palette().text_dim);
    ImGui::TextUnformatted(title);
    ImGui::PopStyleColor();
}

// [swatch] name  (tokens, wrapping) — or "empty" in dim text. A lit row
// (the phase the loop is in) gets a tinted band and an accent edge.
void QueuesPanel::draw_row(const PanelContext& ctx, const Row& row, float label_w) {
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImFont* bold = ctx.look.fonts().bold;
    ImFont* ui = ctx.look.fonts().ui;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const TokenColours colours = token_colours(row.kind, ctx.look.theme());

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, label_w + 100 * s);
    const float gap = 6 * s;
    // A token wider than the row keeps its name and drops its line and note
    // (the tooltip and the source panel have them), rather than run off the edge.
    std::vector<Token> tokens = row.tokens;
    for (Token& t : tokens) {
        if (token_size(t, ctx.look).x > width - label_w) t = Token{t.label, 0, {}, t.kind};
    }
    // An empty queue is one text line high: seven queues must fit a 720p
    // projector without scrolling.
    const float token_h = row.tokens.empty() ? ui->FontSize + 4 * s : token_size(Token{"x", 0, {}, row.kind}, ctx.look).y;
    const float pad_y = 2 * s;

    // Lay the tokens out first: the row's height depends on the wrapping.
    std::vector<ImVec2> at;
    float x = origin.x + label_w;
    float y = origin.y + pad_y;
    for (const Token& t : tokens) {
        const ImVec2 sz = token_size(t, ctx.look);
        if (x + sz.x > origin.x + width && x > origin.x + label_w) {
            x = origin.x + label_w;
            y += token_h + gap;
        }
        at.push_back(ImVec2(x, y));
        x += sz.x + gap;
    }
    const float height = (y - origin.y) + token_h + pad_y;
    const ImVec2 max(origin.x + width, origin.y + height);

    if (row.lit) {
        dl->AddRectFilled(origin, max, pal.current_line_bg, 6 * s);
        dl->AddRectFilled(origin, ImVec2(origin.x + 4 * s, max.y), pal.current_line_marker, 2 * s);
    }
    const float sw = 10 * s;
    const float text_y = origin.y + pad_y + (token_h - bold->FontSize) * 0.5f;
    const ImVec2 swatch(origin.x + 10 * s, origin.y + pad_y + (token_h - sw) * 0.5f);
    dl->AddRectFilled(swatch, ImVec2(swatch.x + sw, swatch.y + sw), colours.fill, 2 * s);
    dl->AddRect(swatch, ImVec2(swatch.x + sw, swatch.y + sw), colours.border, 2 * s, 0, std::max(1.0f, 1.5f * s));
    dl->AddText(bold, bold->FontSize, ImVec2(swatch.x + sw + 8 * s, text_y), pal.text, row.name);

    if (tokens.empty()) {
        dl->AddText(ui, ui->FontSize, ImVec2(origin.x + label_w, origin.y + pad_y + (token_h - ui->FontSize) * 0.5f),
                    pal.text_dim, "empty");
    }
    for (size_t i = 0; i < tokens.size(); ++i) {
        const ImVec2 sz = token_size(tokens[i], ctx.look);
        const float alpha = animator_ ? animator_->settled_alpha(row.items[i]) : 1.0f;
        draw_token(dl, at[i], tokens[i], ctx.look, alpha);
        if (animator_) animator_->anchor(row.place, row.items[i], at[i], ImVec2(at[i].x + sz.x, at[i].y + sz.y));
    }
    if (animator_) {
        const ImVec2 next = tokens.empty() ? ImVec2(origin.x + label_w, origin.y + pad_y) : ImVec2(x, y);
        animator_->anchor(row.place, 0, next, ImVec2(next.x + token_h * 3, next.y + token_h));
    }

    ImGui::Dummy(ImVec2(width, height));
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
        ImGui::TextUnformatted(row.help);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace looplab::ui
