#include "ui/panel_processes.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "engine/trace/fold.h"
#include "engine/trace/rules.h"
#include "ui/controller.h"

namespace looplab::ui {
namespace {

using trace::Phase;

std::string base_name(const std::string& path) {
    const size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The newest frame that is the program's own, for "in tick (line 4)".
const trace::StackFrame& user_frame(const std::vector<trace::StackFrame>& stack) {
    for (size_t i = stack.size(); i-- > 0;) {
        if (!stack[i].internal) return stack[i];
    }
    return stack.back();
}

std::string thread_name(uint32_t isolate) {
    return isolate == 0 ? "main thread" : "worker " + std::to_string(isolate);
}

// One JS thread's state in words, from its summary in the fold.
ThreadNode thread_node(const trace::ViewState& v, uint32_t isolate) {
    ThreadNode t{thread_name(isolate), ThreadState::NotStarted, {}, isolate, isolate == v.isolate};
    const trace::IsolateStatus none;
    const trace::IsolateStatus& st = isolate < v.isolates.size() ? v.isolates[isolate] : none;
    const trace::IsolateRuntime rt = trace::isolate_runtime(v, isolate);
    if (st.exited) {
        t.state = ThreadState::Exited;
        t.detail = "exit code " + std::to_string(st.exit_code);
    } else if (!st.seen) {
        t.detail = isolate == 0 ? "the main script has not started" : "starting";
    } else if (rt.stack != nullptr && !rt.stack->empty()) {
        t.state = st.rule == trace::Rule::SyncCallBlocksLoop ? ThreadState::Blocked : ThreadState::Running;
        t.detail = "in " + user_frame(*rt.stack).name;
        if (rt.line) t.detail += " (line " + std::to_string(rt.line) + ")";
        if (t.state == ThreadState::Blocked) t.detail += ": a synchronous call";
    } else if (rt.phase == Phase::Poll) {
        t.state = ThreadState::IdleInPoll;
        t.detail = "waiting for I/O, a message or a timer";
    } else {
        t.state = ThreadState::InLoop;
        if (rt.phase == Phase::Main) t.detail = "the main script has finished";
        else if (rt.phase == Phase::None) t.detail = "between phases";
        else t.detail = "in the " + std::string(trace::phase_name(rt.phase)) + " phase";
    }
    return t;
}

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

}  // namespace

const char* thread_state_name(ThreadState state) {
    switch (state) {
    case ThreadState::NotStarted: return "not started";
    case ThreadState::Running: return "running";
    case ThreadState::Blocked: return "blocked";
    case ThreadState::IdleInPoll: return "idle in poll";
    case ThreadState::InLoop: return "between callbacks";
    case ThreadState::Exited: return "exited";
    }
    return "";
}

// Every isolate seen so far belongs to the first process today (its worker
// threads); child processes and cluster workers will be more ProcessNodes.
ProcessGraph process_graph(const trace::ViewState& v) {
    ProcessGraph g;
    ProcessNode p;
    p.title = "process 1";
    if (!v.file_path.empty()) p.title += " \u2014 " + base_name(v.file_path);
    const uint32_t count = std::max<uint32_t>(1, uint32_t(v.isolates.size()));
    for (uint32_t id = 0; id < count; ++id) {
        if (id == 0 || v.isolates[id].seen) p.threads.push_back(thread_node(v, id));
    }
    p.pool_size = v.pool.size;
    p.pool_busy = uint32_t(std::count_if(v.pool.threads.begin(), v.pool.threads.end(),
                                         [](const trace::PoolJob& j) { return j.item != 0; }));
    g.processes.push_back(std::move(p));
    return g;
}

std::string ProcessesPanel::subtitle(const PanelContext& ctx) const {
    const size_t threads = std::max<size_t>(1, size_t(std::count_if(ctx.view.isolates.begin(), ctx.view.isolates.end(),
                                                                    [](const trace::IsolateStatus& s) { return s.seen; })));
    return "1 process, " + std::to_string(threads) + (threads == 1 ? " JS thread" : " JS threads");
}

void ProcessesPanel::draw_body(const PanelContext& ctx) {
    const ProcessGraph graph = process_graph(ctx.view);
    const float s = ctx.look.scale();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float avail = ImGui::GetContentRegionAvail().x;
    // Boxes side by side, wrapping; more processes get narrower boxes down
    // to a readable minimum.
    const float gap = 40 * s;
    const float min_w = 300 * s;
    const size_t n = graph.processes.size();
    const size_t per_row = std::max<size_t>(1, size_t((avail + gap) / (min_w + gap)));
    const float width = std::max(min_w, (avail - gap * float(std::min(n, per_row) - 1)) / float(std::min(n, per_row)));
    std::vector<Box> boxes;
    float x = origin.x, y = origin.y, row_h = 0;
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && i % per_row == 0) {
            x = origin.x;
            y += row_h + gap;
            row_h = 0;
        }
        boxes.push_back(draw_process(ctx, graph.processes[i], ImVec2(x, y), width));
        row_h = std::max(row_h, boxes.back().max.y - boxes.back().min.y);
        x += width + gap;
    }
    for (const Link& link : graph.links) {
        if (link.from_process < n && link.to_process < n) {
            draw_link(ctx, boxes[link.from_process], boxes[link.to_process], link.label);
        }
    }
    ImGui::Dummy(ImVec2(avail, y + row_h - origin.y));
}

ProcessesPanel::Box ProcessesPanel::draw_process(const PanelContext& ctx, const ProcessNode& node, ImVec2 at,
                                                 float width) {
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImFont* bold = ctx.look.fonts().bold;
    ImFont* ui = ctx.look.fonts().ui;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 12 * s;
    const float line = ui->FontSize + 8 * s;

    float y = at.y + pad;
    dl->AddText(bold, bold->FontSize, ImVec2(at.x + pad, y), pal.text, node.title.c_str());
    y += bold->FontSize + 10 * s;
    const float name_w = ui->CalcTextSizeA(ui->FontSize, FLT_MAX, 0, "main thread").x;
    row_y_.clear();
    for (const ThreadNode& t : node.threads) {
        const float row_top = y;
        row_y_.push_back({t.isolate, y + ui->FontSize * 0.5f + 4 * s});
        // name   [state]   detail
        dl->AddText(ui, ui->FontSize, ImVec2(at.x + pad, y + 4 * s), pal.text, t.name.c_str());
        const char* state = thread_state_name(t.state);
        const ImVec2 ssz = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, state);
        const ImVec2 bmin(at.x + pad + name_w + 12 * s, y);
        const ImVec2 bmax(bmin.x + ssz.x + 16 * s, y + ssz.y + 8 * s);
        const StateLook look = state_look(t.state, pal);
        dl->AddRectFilled(bmin, bmax, look.fill, (bmax.y - bmin.y) * 0.5f);
        dl->AddRect(bmin, bmax, ImGui::GetColorU32(ImGuiCol_Border), (bmax.y - bmin.y) * 0.5f);
        dl->AddText(bold, bold->FontSize, ImVec2(bmin.x + 8 * s, bmin.y + 4 * s), look.ink, state);
        y += bmax.y - bmin.y + 4 * s;
        if (!t.detail.empty()) {
            // Wrapped inside the box: a narrow tile must not cut the sentence.
            const float wrap = std::max(40 * s, at.x + width - pad - bmin.x);
            dl->AddText(ui, ui->FontSize, ImVec2(bmin.x, y), pal.text_dim, t.detail.c_str(), nullptr, wrap);
            y += ui->CalcTextSizeA(ui->FontSize, FLT_MAX, wrap, t.detail.c_str()).y + 8 * s;
        }
        if (node.threads.size() > 1) thread_row_input(ctx, t, ImVec2(at.x + 4 * s, row_top), ImVec2(at.x + width - 4 * s, y));
        y += 4 * s;
    }
    if (node.pool_size > 0) {
        const std::string pool = "thread pool: " + std::to_string(node.pool_busy) + " of " +
                                 std::to_string(node.pool_size) + " threads busy";
        dl->AddText(ui, ui->FontSize, ImVec2(at.x + pad, y), pal.text, pool.c_str());
        y += line;
    }
    const ImVec2 max(at.x + width, y + pad * 0.5f);
    dl->AddRect(at, max, pal.accent, 8 * s, 0, std::max(1.5f, 2 * s));
    draw_messages(ctx, max.x - 30 * s);
    return Box{at, max};
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

// Messages in flight between two threads of the box: an arc along its
// right edge from the sender's row to the receiver's, with the payload type.
void ProcessesPanel::draw_messages(const PanelContext& ctx, float right) {
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* ui = ctx.look.fonts().ui;
    auto row_of = [&](uint16_t isolate) -> const float* {
        for (const auto& [id, y] : row_y_) {
            if (id == isolate) return &y;
        }
        return nullptr;
    };
    float bulge = 18 * s;
    for (const trace::MessageArrow& m : ctx.view.messages) {
        const float* y0 = row_of(m.from);
        const float* y1 = row_of(m.to);
        if (y0 == nullptr || y1 == nullptr || m.from == m.to) continue;
        const ImVec2 a(right, *y0), b(right, *y1);
        const ImVec2 c1(right + bulge, *y0), c2(right + bulge, *y1);
        const float thick = std::max(2.0f, 2.5f * s);
        dl->AddBezierCubic(a, c1, c2, b, pal.accent, thick);
        const float dir = *y1 > *y0 ? 1.0f : -1.0f;
        const float h = 7 * s;
        dl->AddTriangleFilled(b, ImVec2(b.x + h, b.y - dir * h * 0.6f), ImVec2(b.x + h * 0.2f, b.y - dir * h * 1.2f),
                              pal.accent);
        const ImVec2 tsz = ui->CalcTextSizeA(ui->FontSize, FLT_MAX, 0, m.label.c_str());
        dl->AddText(ui, ui->FontSize, ImVec2(right - tsz.x - 4 * s + bulge * 0.5f, (*y0 + *y1 - tsz.y) * 0.5f),
                    pal.accent, m.label.c_str());
        bulge += 10 * s;  // several at once stay apart
    }
}

// A straight arrow between two boxes' nearest edges with its label midway.
void ProcessesPanel::draw_link(const PanelContext& ctx, const Box& from, const Box& to, const std::string& label) {
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(from.max.x, (from.min.y + from.max.y) * 0.5f);
    const ImVec2 b(to.min.x, (to.min.y + to.max.y) * 0.5f);
    const float thick = std::max(2.0f, 2.5f * s);
    dl->AddLine(a, b, pal.text, thick);
    const float len = std::max(1.0f, std::hypot(b.x - a.x, b.y - a.y));
    const ImVec2 d((b.x - a.x) / len, (b.y - a.y) / len);
    const float h = 10 * s;
    dl->AddTriangleFilled(b, ImVec2(b.x - d.x * h - d.y * h * 0.6f, b.y - d.y * h + d.x * h * 0.6f),
                          ImVec2(b.x - d.x * h + d.y * h * 0.6f, b.y - d.y * h - d.x * h * 0.6f), pal.text);
    ImFont* ui = ctx.look.fonts().ui;
    const ImVec2 sz = ui->CalcTextSizeA(ui->FontSize, FLT_MAX, 0, label.c_str());
    dl->AddText(ui, ui->FontSize, ImVec2((a.x + b.x - sz.x) * 0.5f, (a.y + b.y) * 0.5f - sz.y - 4 * s), pal.text,
                label.c_str());
}

}  // namespace looplab::ui
