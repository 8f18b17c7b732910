#include "ui/panel_processes.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/controller.h"

namespace looplab::ui {
namespace {

struct StateLook {
    ImU32 fill, ink;
};

StateLook state_look(ThreadState s, const Palette& pal) {
    switch (s) {
    case ThreadState::Running: return {pal.ok, IM_COL32_WHITE};
    case ThreadState::Blocked: return {pal.error, IM_COL32_WHITE};
    case ThreadState::IdleInPoll: return {pal.accent, IM_COL32_WHITE};
    case ThreadState::InLoop:
    case ThreadState::NotStarted:
    case ThreadState::Exited: break;
    }
    return {ImGui::GetColorU32(ImGuiCol_FrameBg), pal.text};
}

std::string pool_line(const ProcessNode& node) {
    if (node.pool_size == 0) return "thread pool: not used yet";
    return "thread pool: " + std::to_string(node.pool_busy) + " of " + std::to_string(node.pool_size) +
           " threads busy";
}

void arrow_head(ImDrawList* dl, ImVec2 tip, ImVec2 dir, float h, ImU32 color) {
    dl->AddTriangleFilled(tip, ImVec2(tip.x - dir.x * h - dir.y * h * 0.6f, tip.y - dir.y * h + dir.x * h * 0.6f),
                          ImVec2(tip.x - dir.x * h + dir.y * h * 0.6f, tip.y - dir.y * h - dir.x * h * 0.6f), color);
}

}  // namespace

bool ProcessesPanel::has_several_processes(const trace::Trace* trace) {
    if (trace == nullptr) return false;
    const auto& table = trace->isolate_table();
    return std::any_of(table.begin(), table.end(),
                       [](const trace::IsolateInfo& i) { return !i.shares_process() && i.id != 0; });
}

// Mirrors draw_process: per box a title, a pool line and padding; per thread
// a state pill and one line of detail. Boxes stack in a narrow tile.
float ProcessesPanel::wanted_height(const Appearance& look, const trace::Trace* trace) {
    const float s = look.scale();
    const float line = look.fonts().ui->FontSize;
    const float pill = look.fonts().bold->FontSize + 8 * s;
    size_t processes = 1, threads = 1;
    if (trace != nullptr && !trace->isolate_table().empty()) {
        const auto& table = trace->isolate_table();
        threads = table.size();
        processes = size_t(std::count_if(table.begin(), table.end(),
                                         [](const trace::IsolateInfo& i) { return !i.shares_process(); }));
    }
    if (processes == 1) {
        const float row = pill + line + 16 * s;
        return chrome_height(look) + look.fonts().bold->FontSize + line + 30 * s + float(threads) * row;
    }
    // Compact boxes (draw_compact), two lines each; past three the body
    // scrolls rather than take the tile from the wheel and the narration.
    const float compact = pill + line + 19 * s;
    const size_t shown = std::min<size_t>(3, processes) + (threads - processes);
    return chrome_height(look) + float(shown) * (compact + 10 * s);
}

std::string ProcessesPanel::subtitle(const PanelContext& ctx) const {
    return process_graph_summary(process_graph(ctx.view));
}

void ProcessesPanel::draw_body(const PanelContext& ctx) {
    const ProcessGraph graph = process_graph(ctx.view);
    const float s = ctx.look.scale();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float avail = ImGui::GetContentRegionAvail().x;
    const size_t n = graph.processes.size();
    // Boxes side by side, wrapping; more processes get narrower boxes down
    // to a readable minimum. With several, a gutter on the right carries the
    // arrows between boxes stacked above one another.
    const float gap = (n > 1 ? 10 : 40) * s;
    const float gutter = n > 1 ? 48 * s : 0;
    const float min_w = (n > 1 ? 230 : 300) * s;
    const float room = std::max(min_w, avail - gutter);
    const size_t per_row = std::max<size_t>(1, size_t((room + gap) / (min_w + gap)));
    const size_t columns = std::min(n, per_row);
    const float width = std::max(min_w, (room - gap * float(columns - 1)) / float(columns));
    const bool many_threads = graph.thread_count() > 1;
    std::vector<Box> boxes;
    rows_.clear();
    float x = origin.x, y = origin.y, row_h = 0;
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && i % per_row == 0) {
            x = origin.x;
            y += row_h + gap;
            row_h = 0;
        }
        const ProcessNode& node = graph.processes[i];
        boxes.push_back(n > 1 && node.threads.size() == 1 ? draw_compact(ctx, node, i, ImVec2(x, y), width)
                                                          : draw_process(ctx, node, i, ImVec2(x, y), width, many_threads));
        row_h = std::max(row_h, boxes.back().max.y - boxes.back().min.y);
        x += width + gap;
    }
    float bulge = 18 * s;
    for (const Link& link : graph.links) {
        draw_link(ctx, boxes, link, bulge);
        bulge = std::min(bulge + 8 * s, gutter - 6 * s);  // several at once stay apart, inside the gutter
    }
    ImGui::Dummy(ImVec2(avail, y + row_h - origin.y));
}

ProcessesPanel::Box ProcessesPanel::draw_process(const PanelContext& ctx, const ProcessNode& node, size_t index,
                                                 ImVec2 at, float width, bool many_threads) {
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImFont* bold = ctx.look.fonts().bold;
    ImFont* ui = ctx.look.fonts().ui;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 12 * s;

    float y = at.y + pad;
    const std::string title = node.exited ? node.title + " (exited)" : node.title;
    const float wrap = width - 2 * pad;
    dl->AddText(bold, bold->FontSize, ImVec2(at.x + pad, y), node.exited ? pal.text_dim : pal.text, title.c_str(),
                nullptr, wrap);
    y += bold->CalcTextSizeA(bold->FontSize, FLT_MAX, wrap, title.c_str()).y + 8 * s;
    for (const ThreadNode& t : node.threads) y = draw_thread(ctx, t, index, ImVec2(at.x, y), width, many_threads);
    const std::string pool = pool_line(node);
    dl->AddText(ui, ui->FontSize, ImVec2(at.x + pad, y), pal.text_dim, pool.c_str());
    y += ui->FontSize + 8 * s;
    const ImVec2 max(at.x + width, y + pad * 0.25f);
    dl->AddRect(at, max, node.exited ? pal.text_dim : pal.accent, 8 * s, 0, std::max(1.5f, 2 * s));
    draw_messages(ctx, index, max.x - 30 * s);
    return Box{at, max};
}

// A process with one thread among several processes, in two lines: its
// title and state, then what the thread does and its pool.
ProcessesPanel::Box ProcessesPanel::draw_compact(const PanelContext& ctx, const ProcessNode& node, size_t index,
                                                 ImVec2 at, float width) {
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImFont* bold = ctx.look.fonts().bold;
    ImFont* ui = ctx.look.fonts().ui;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 8 * s;
    const ThreadNode& t = node.threads.front();
    const char* state = thread_state_name(t.state);
    const ImVec2 ssz = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, state);
    const float pill_h = ssz.y + 8 * s;
    const ImVec2 bmax(at.x + width - pad, at.y + pad + pill_h);
    const ImVec2 bmin(bmax.x - ssz.x - 16 * s, at.y + pad);
    const float title_y = at.y + pad + (pill_h - bold->FontSize) * 0.5f;
    dl->PushClipRect(ImVec2(at.x, at.y), ImVec2(bmin.x - 6 * s, bmax.y), true);
    dl->AddText(bold, bold->FontSize, ImVec2(at.x + 12 * s, title_y), node.exited ? pal.text_dim : pal.text,
                node.title.c_str());
    dl->PopClipRect();
    const StateLook look = state_look(t.state, pal);
    dl->AddRectFilled(bmin, bmax, look.fill, pill_h * 0.5f);
    dl->AddRect(bmin, bmax, ImGui::GetColorU32(ImGuiCol_Border), pill_h * 0.5f);
    dl->AddText(bold, bold->FontSize, ImVec2(bmin.x + 8 * s, bmin.y + 4 * s), look.ink, state);
    rows_.push_back(Row{t.isolate, index, at.y + pad + pill_h * 0.5f});
    const float y = bmax.y + 3 * s;
    // The pool first: the end of the line is what a narrow box cuts.
    std::string second = node.pool_size == 0 ? "pool not used"
                                             : "pool " + std::to_string(node.pool_busy) + "/" +
                                                   std::to_string(node.pool_size) + " busy";
    const std::string& doing = t.sending.empty() ? t.detail : t.sending;
    if (!doing.empty()) second += " \u00b7 " + doing;
    dl->PushClipRect(ImVec2(at.x, y), ImVec2(at.x + width - pad, y + ui->FontSize + 2 * s), true);
    dl->AddText(ui, ui->FontSize, ImVec2(at.x + 12 * s, y), t.sending.empty() ? pal.text_dim : pal.text,
                second.c_str());
    dl->PopClipRect();
    const ImVec2 max(at.x + width, y + ui->FontSize + pad);
    dl->AddRect(at, max, node.exited ? pal.text_dim : pal.accent, 8 * s, 0, std::max(1.5f, 2 * s));
    thread_row_input(ctx, t, ImVec2(at.x + 4 * s, at.y + 2 * s), ImVec2(max.x - 4 * s, max.y - 2 * s));
    return Box{at, max};
}

// One thread's row: name, [state], and the detail wrapped below the state.
// Returns the y below it.
float ProcessesPanel::draw_thread(const PanelContext& ctx, const ThreadNode& t, size_t box, ImVec2 at, float width,
                                  bool clickable) {
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImFont* bold = ctx.look.fonts().bold;
    ImFont* ui = ctx.look.fonts().ui;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 12 * s;
    const float name_w = ui->CalcTextSizeA(ui->FontSize, FLT_MAX, 0, "main thread").x;
    float y = at.y;
    rows_.push_back(Row{t.isolate, box, y + ui->FontSize * 0.5f + 4 * s});
    dl->AddText(ui, ui->FontSize, ImVec2(at.x + pad, y + 4 * s), pal.text, t.name.c_str());
    const char* state = thread_state_name(t.state);
    const ImVec2 ssz = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, state);
    const float name_end = at.x + pad + std::max(name_w, ui->CalcTextSizeA(ui->FontSize, FLT_MAX, 0, t.name.c_str()).x);
    const ImVec2 bmin(name_end + 12 * s, y);
    const ImVec2 bmax(bmin.x + ssz.x + 16 * s, y + ssz.y + 8 * s);
    const StateLook look = state_look(t.state, pal);
    dl->AddRectFilled(bmin, bmax, look.fill, (bmax.y - bmin.y) * 0.5f);
    dl->AddRect(bmin, bmax, ImGui::GetColorU32(ImGuiCol_Border), (bmax.y - bmin.y) * 0.5f);
    dl->AddText(bold, bold->FontSize, ImVec2(bmin.x + 8 * s, bmin.y + 4 * s), look.ink, state);
    y += bmax.y - bmin.y + 4 * s;
    const std::string detail = t.sending.empty() ? t.detail : t.detail + "; " + t.sending;
    if (!detail.empty()) {
        // Wrapped inside the box: a narrow tile must not cut the sentence.
        const float wrap = std::max(40 * s, at.x + width - pad - bmin.x);
        dl->AddText(ui, ui->FontSize, ImVec2(bmin.x, y), pal.text_dim, detail.c_str(), nullptr, wrap);
        y += ui->CalcTextSizeA(ui->FontSize, FLT_MAX, wrap, detail.c_str()).y + 8 * s;
    }
    if (clickable) thread_row_input(ctx, t, ImVec2(at.x + 4 * s, at.y), ImVec2(at.x + width - 4 * s, y));
    return y + 4 * s;
}

// With several threads, the one the stack and queues panels show is marked,
// and clicking a row shows that thread there (click again: follow the step).
void ProcessesPanel::thread_row_input(const PanelContext& ctx, const ThreadNode& t, ImVec2 min, ImVec2 max) {
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (t.shown) {
        dl->AddRectFilled(min, ImVec2(min.x + 4 * s, max.y), pal.accent, 2 * s);
        dl->AddRect(min, max, pal.accent, 4 * s, 0, 1.0f);
    }
    if (controller_ == nullptr) return;
    const ImVec2 keep = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(min);
    ImGui::PushID(int(t.isolate));
    if (ImGui::InvisibleButton("##thread", ImVec2(std::max(1.0f, max.x - min.x), std::max(1.0f, max.y - min.y)))) {
        pinned_ = pinned_ == int(t.isolate) ? -1 : int(t.isolate);
        controller_->select_isolate(pinned_);
    }
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip(pinned_ == int(t.isolate)
                              ? "Shown in Call stack and Queues. Click to follow the thread of each step again."
                              : "Click to show this thread's call stack and queues.");
    }
    ImGui::PopID();
    ImGui::SetCursorScreenPos(keep);
}

const ProcessesPanel::Row* ProcessesPanel::row_of(uint32_t isolate) const {
    for (const Row& r : rows_) {
        if (r.isolate == isolate) return &r;
    }
    return nullptr;
}

// Messages in flight between two threads of box `box`: an arc along its
// right edge from the sender's row to the receiver's, with the payload type.
void ProcessesPanel::draw_messages(const PanelContext& ctx, size_t box, float right) {
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* ui = ctx.look.fonts().ui;
    float bulge = 18 * s;
    for (const trace::MessageArrow& m : ctx.view.messages) {
        const Row* r0 = row_of(m.from);
        const Row* r1 = row_of(m.to);
        if (r0 == nullptr || r1 == nullptr || m.from == m.to || r0->box != box || r1->box != box) continue;
        const float y0 = r0->y, y1 = r1->y;
        const ImVec2 a(right, y0), b(right, y1);
        const ImVec2 c1(right + bulge, y0), c2(right + bulge, y1);
        const float thick = std::max(2.0f, 2.5f * s);
        dl->AddBezierCubic(a, c1, c2, b, pal.accent, thick);
        const float dir = y1 > y0 ? 1.0f : -1.0f;
        const float h = 7 * s;
        dl->AddTriangleFilled(b, ImVec2(b.x + h, b.y - dir * h * 0.6f), ImVec2(b.x + h * 0.2f, b.y - dir * h * 1.2f),
                              pal.accent);
        const ImVec2 tsz = ui->CalcTextSizeA(ui->FontSize, FLT_MAX, 0, m.label.c_str());
        dl->AddText(ui, ui->FontSize, ImVec2(right - tsz.x - 4 * s + bulge * 0.5f, (y0 + y1 - tsz.y) * 0.5f),
                    pal.accent, m.label.c_str());
        bulge += 10 * s;  // several at once stay apart
    }
}

// An IPC message in flight from a thread of one box to a thread of another:
// a straight arrow between facing edges when the boxes stand side by side,
// else a curve through the gutter right of the boxes.
void ProcessesPanel::draw_link(const PanelContext& ctx, const std::vector<Box>& boxes, const Link& link, float bulge) {
    const Row* r0 = row_of(link.from_isolate);
    const Row* r1 = row_of(link.to_isolate);
    if (r0 == nullptr || r1 == nullptr || r0->box >= boxes.size() || r1->box >= boxes.size()) return;
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* ui = ctx.look.fonts().ui;
    const Box& from = boxes[r0->box];
    const Box& to = boxes[r1->box];
    const float thick = std::max(2.0f, 2.5f * s);
    const float h = 10 * s;
    const ImVec2 sz = ui->CalcTextSizeA(ui->FontSize, FLT_MAX, 0, link.label.c_str());
    const bool side_by_side = from.max.x <= to.min.x || to.max.x <= from.min.x;
    if (side_by_side) {
        const bool rightwards = from.max.x <= to.min.x;
        const ImVec2 a(rightwards ? from.max.x : from.min.x, r0->y);
        const ImVec2 b(rightwards ? to.min.x : to.max.x, r1->y);
        dl->AddLine(a, b, pal.text, thick);
        const float len = std::max(1.0f, std::hypot(b.x - a.x, b.y - a.y));
        arrow_head(dl, b, ImVec2((b.x - a.x) / len, (b.y - a.y) / len), h, pal.text);
        dl->AddText(ui, ui->FontSize, ImVec2((a.x + b.x - sz.x) * 0.5f, (a.y + b.y) * 0.5f - sz.y - 4 * s), pal.text,
                    link.label.c_str());
        return;
    }
    const float right = std::max(from.max.x, to.max.x);
    const ImVec2 a(from.max.x, r0->y), b(to.max.x, r1->y);
    dl->AddBezierCubic(a, ImVec2(right + bulge, r0->y), ImVec2(right + bulge, r1->y), b, pal.text, thick);
    arrow_head(dl, b, ImVec2(-1, 0), h, pal.text);
    // No label here: it would cover the boxes. The sender's row says what
    // it sends (ThreadNode::sending).
}

}  // namespace looplab::ui
