#include "ui/panel_timeline.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>  // SetItemUsingMouseWheel: the wheel zooms instead of scrolling

#include "ui/controller.h"
#include "ui/controls.h"
#include "ui/token.h"

namespace looplab::ui {

// ================================================================ the model

namespace {

SliceKind kind_of_queue(uint32_t q) {
    switch (static_cast<trace::QueueKind>(q)) {
        case trace::QueueKind::NextTick: return SliceKind::NextTick;
        case trace::QueueKind::Microtask: return SliceKind::Microtask;
        case trace::QueueKind::Timers: return SliceKind::Timer;
        case trace::QueueKind::Immediates: return SliceKind::Immediate;
        case trace::QueueKind::Pending: return SliceKind::Pending;
        case trace::QueueKind::Close: return SliceKind::Close;
    }
    return SliceKind::Other;
}

void close_slice(Row& row, int& open, uint64_t now) {
    if (open >= 0) row.slices[size_t(open)].t1 = now;
    open = -1;
}

}  // namespace

TimelineModel::ThreadState& TimelineModel::thread(uint16_t isolate) {
    if (threads_.size() <= isolate) threads_.resize(size_t(isolate) + 1, ThreadState{SIZE_MAX});
    ThreadState& t = threads_[isolate];
    if (t.lane == SIZE_MAX) {
        t.lane = lanes_.size();
        lanes_.push_back(
            Lane{isolate == 0 ? "main thread" : "worker " + std::to_string(isolate), false, isolate, {}, {}, {}});
    }
    return t;
}

Lane& TimelineModel::pool_lane(uint32_t thread) {
    if (pool_lanes_.size() <= thread) {
        pool_lanes_.resize(size_t(thread) + 1, -1);
        open_jobs_.resize(size_t(thread) + 1, {0, -1});
    }
    if (pool_lanes_[thread] < 0) {
        pool_lanes_[thread] = int(lanes_.size());
        lanes_.push_back(Lane{"pool thread " + std::to_string(thread + 1), true, 0, {}, {}, {}});
    }
    return lanes_[size_t(pool_lanes_[thread])];
}

// A user frame with only Node's frames beneath it is a callback (the top
// row). Any frame pushed inside a callback -- the calls it makes, or Node
// draining the microtask queues within it -- nests a row deeper, down to
// kMaxNestedRows.
void TimelineModel::push_frame(ThreadState& t, const trace::Event& e, size_t index) {
    const bool internal = (e.b & 1) != 0;
    OpenFrame frame{internal, -1, -1};
    Lane& lane = lanes_[t.lane];
    if (!internal && t.user_frames == 0 && t.open_callback < 0) {
        SliceKind kind = t.next_kind;
        if (kind == SliceKind::Other && t.phase == trace::Phase::Main) kind = SliceKind::Main;
        t.open_callback = int(lane.callbacks.slices.size());
        t.callback_depth = int(t.internal_stack.size());
        lane.callbacks.slices.push_back(Slice{now_, UINT64_MAX, uint32_t(index), e.a, e.b >> 1, kind});
        frame.row = 0;
        frame.slice = t.open_callback;
        t.next_kind = SliceKind::Other;  // used: calls inside are plain calls
    } else if (t.open_callback >= 0) {
        const size_t depth = t.internal_stack.size() - size_t(t.callback_depth);  // >= 1
        if (depth <= kMaxNestedRows) {
            if (lane.nested.size() < depth) lane.nested.resize(depth);
            Row& row = lane.nested[depth - 1];
            const std::string& name = trace_->str(e.a);
            SliceKind kind = SliceKind::Call;
            if (internal && (name == "processTicksAndRejections" || name == "runMicrotasks")) kind = SliceKind::Drain;
            // A callback a checkpoint runs keeps its queue's colour.
            if (!internal && t.next_kind != SliceKind::Other) kind = t.next_kind;
            if (!internal) t.next_kind = SliceKind::Other;
            frame.row = int(depth);
            frame.slice = int(row.slices.size());
            row.slices.push_back(Slice{now_, UINT64_MAX, uint32_t(index), e.a, e.b >> 1, kind});
        }
    }
    t.internal_stack.push_back(frame);
    if (!internal) ++t.user_frames;
}

void TimelineModel::pop_frame(ThreadState& t) {
    if (t.internal_stack.empty()) return;
    const OpenFrame frame = t.internal_stack.back();
    t.internal_stack.pop_back();
    if (!frame.internal) --t.user_frames;
    Lane& lane = lanes_[t.lane];
    if (frame.row > 0) lane.nested[size_t(frame.row - 1)].slices[size_t(frame.slice)].t1 = now_;
    if (frame.row == 0) {
        close_slice(lane.callbacks, t.open_callback, now_);
        t.next_kind = SliceKind::Other;
    }
}

void TimelineModel::update(const trace::Trace& trace) {
    if (trace_ != &trace || trace.size() < processed_) {
        clear();
        trace_ = &trace;
    }
    const auto& events = trace.events();
    for (size_t i = processed_; i < events.size(); ++i) {
        const trace::Event& e = events[i];
        now_ = trace::advance_time(now_, e);
        switch (e.kind) {
            case trace::EventKind::CallPush: push_frame(thread(e.isolate), e, i); break;
            case trace::EventKind::CallPop: pop_frame(thread(e.isolate)); break;
            case trace::EventKind::Dequeue: thread(e.isolate).next_kind = kind_of_queue(e.b); break;
            case trace::EventKind::IoReady: thread(e.isolate).next_kind = SliceKind::Io; break;
            case trace::EventKind::PhaseEnter: {
                ThreadState& t = thread(e.isolate);
                Row& row = lanes_[t.lane].phases;
                close_slice(row, t.open_phase, now_);
                t.open_phase = int(row.slices.size());
                t.phase = static_cast<trace::Phase>(e.a);
                row.slices.push_back(Slice{now_, UINT64_MAX, uint32_t(i), e.a, 0, SliceKind::Phase});
                break;
            }
            case trace::EventKind::PhaseLeave: {
                ThreadState& t = thread(e.isolate);
                close_slice(lanes_[t.lane].phases, t.open_phase, now_);
                t.phase = trace::Phase::None;
                break;
            }
            case trace::EventKind::PoolStarted: {
                Lane& lane = pool_lane(e.b);
                auto& job = open_jobs_[e.b];
                close_slice(lane.callbacks, job.second, now_);
                job = {e.a, int(lane.callbacks.slices.size())};
                const trace::Item item = e.a < trace.items().size() ? trace.item(e.a) : trace::Item{};
                lane.callbacks.slices.push_back(
                    Slice{now_, UINT64_MAX, uint32_t(i), item.label, item.line, SliceKind::Pool});
                break;
            }
            case trace::EventKind::PoolFinished:
                if (e.b < open_jobs_.size()) close_slice(pool_lane(e.b).callbacks, open_jobs_[e.b].second, now_);
                break;
            case trace::EventKind::ProcessExit: {
                ThreadState& t = thread(e.isolate);
                while (!t.internal_stack.empty()) pop_frame(t);
                close_slice(lanes_[t.lane].callbacks, t.open_callback, now_);
                close_slice(lanes_[t.lane].phases, t.open_phase, now_);
                break;
            }
            default: break;
        }
    }
    processed_ = events.size();
}

// ================================================================ the panel

namespace {

ImU32 with_alpha(ImU32 c, float a) {
    return (c & ~IM_COL32_A_MASK) | (ImU32(float((c >> IM_COL32_A_SHIFT) & 0xff) * a) << IM_COL32_A_SHIFT);
}

// Phase bands: quiet colours, one per phase, so the callbacks stand out.
ImU32 phase_colour(uint32_t phase, Theme theme) {
    static constexpr unsigned kDark[] = {0x3d4a66, 0x6b4a2b, 0x5a3d5c, 0x3f4650, 0x3f4650, 0x2f5a4a, 0x5c5a2a, 0x5a3535, 0x444444};
    static constexpr unsigned kLight[] = {0xc9d6f2, 0xf5d3b0, 0xe6c8ea, 0xdddddd, 0xdddddd, 0xbfe6d3, 0xf0eaa8, 0xf2c4c4, 0xcccccc};
    const unsigned* palette = theme == Theme::Dark ? kDark : kLight;
    const unsigned hex = palette[std::min<size_t>(phase, 8)];
    return IM_COL32((hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff, 255);
}

ImU32 slice_colour(const Slice& s, const Appearance& look) {
    switch (s.kind) {
        case SliceKind::NextTick: return token_colours(TokenKind::NextTick, look.theme()).fill;
        case SliceKind::Microtask: return token_colours(TokenKind::Microtask, look.theme()).fill;
        case SliceKind::Timer: return token_colours(TokenKind::Timer, look.theme()).fill;
        case SliceKind::Immediate: return token_colours(TokenKind::Immediate, look.theme()).fill;
        case SliceKind::Pending: return token_colours(TokenKind::Pending, look.theme()).fill;
        case SliceKind::Close: return token_colours(TokenKind::Close, look.theme()).fill;
        case SliceKind::Pool: return token_colours(TokenKind::Pool, look.theme()).fill;
        case SliceKind::Io: return token_colours(TokenKind::Poll, look.theme()).fill;
        case SliceKind::Main: return look.palette().accent;
        case SliceKind::Phase: return phase_colour(s.label, look.theme());
        case SliceKind::Call: return look.theme() == Theme::Dark ? IM_COL32(0x5a, 0x6b, 0x80, 255) : IM_COL32(0xb8, 0xc4, 0xd4, 255);
        case SliceKind::Drain: return look.theme() == Theme::Dark ? IM_COL32(0x4a, 0x4a, 0x5a, 255) : IM_COL32(0xd0, 0xd0, 0xdc, 255);
        case SliceKind::Other: break;
    }
    return look.palette().text_dim;
}

const char* kind_name(SliceKind k) {
    switch (k) {
        case SliceKind::NextTick: return "nextTick callback";
        case SliceKind::Microtask: return "promise microtask";
        case SliceKind::Timer: return "timer callback";
        case SliceKind::Immediate: return "setImmediate callback";
        case SliceKind::Pending: return "pending callback";
        case SliceKind::Close: return "close callback";
        case SliceKind::Main: return "main script";
        case SliceKind::Io: return "I/O callback";
        case SliceKind::Other: return "callback";
        case SliceKind::Phase: return "phase";
        case SliceKind::Pool: return "thread-pool job";
        case SliceKind::Call: return "call inside a callback";
        case SliceKind::Drain: return "microtask checkpoint (Node drains nextTicks, then promises)";
    }
    return "";
}

// What a slice says on the timeline: its function's name, or for an
// anonymous function what kind of callback it is, and its line.
std::string slice_label(const trace::Trace& trace, const Slice& s) {
    if (s.kind == SliceKind::Phase) return std::string(trace::phase_name(trace::Phase(s.label)));
    if (s.kind == SliceKind::Drain) return "microtasks";
    std::string name = trace.str(s.label);
    if (name.empty() || name == "(anonymous)" || name == "<anonymous>") {
        switch (s.kind) {
            case SliceKind::NextTick: name = "nextTick"; break;
            case SliceKind::Microtask: name = "promise"; break;
            case SliceKind::Timer: name = "timer"; break;
            case SliceKind::Immediate: name = "immediate"; break;
            case SliceKind::Main: name = "main script"; break;
            case SliceKind::Io: name = "I/O"; break;
            case SliceKind::Pool: name = "job"; break;
            default: name = "callback"; break;
        }
    }
    if (s.line != 0 && s.kind != SliceKind::Main) name += " :" + std::to_string(s.line);
    return name;
}

// Three significant digits: a header, not a measurement.
std::string format_span(double ns) {
    char buf[48];
    if (ns >= 1e6) std::snprintf(buf, sizeof buf, "%.3g ms", ns / 1e6);
    else if (ns >= 1e3) std::snprintf(buf, sizeof buf, "%.3g \u00B5s", ns / 1e3);
    else std::snprintf(buf, sizeof buf, "%.0f ns", ns);
    return buf;
}

std::string format_ns(double ns) {
    char buf[48];
    const double a = std::fabs(ns);
    if (a >= 1e6) std::snprintf(buf, sizeof buf, "%.6g ms", ns / 1e6);
    else if (a >= 1e3) std::snprintf(buf, sizeof buf, "%.4g \u00B5s", ns / 1e3);
    else std::snprintf(buf, sizeof buf, "%.0f ns", ns);
    return buf;
}

}  // namespace

struct TimelinePanel::Frame {
    float x0 = 0, x1 = 0;  // the time area, screen x
    float top = 0;         // screen y of the first lane
    double t0 = 0, t1 = 1;
    uint64_t end_ns = 0;
    float row_h = 0, band_h = 0, pool_h = 0;
    float lane_gap = 0;
    size_t nested_shown = kMaxNestedRows;  // rows of nested calls drawn per thread (a short tile drops them)
    double ns_per_px() const { return (t1 - t0) / double(std::max(1.0f, x1 - x0)); }
    size_t nested_rows(const Lane& lane) const { return std::min(lane.nested.size(), nested_shown); }
    // A thread: phase band, callbacks, one thinner row per nesting depth.
    float lane_height(const Lane& lane) const {
        return lane.pool ? pool_h : band_h + row_h + float(nested_rows(lane)) * pool_h;
    }
    float x_of(double t) const { return x0 + float((t - t0) / (t1 - t0) * double(x1 - x0)); }
    double t_of(float x) const { return t0 + double(x - x0) / double(std::max(1.0f, x1 - x0)) * (t1 - t0); }
};

void TimelinePanel::set_frame(const trace::Trace* trace, const Playback* playback, Controller* controller) {
    trace_ = trace;
    playback_ = playback;
    controller_ = controller;
    if (trace_ != nullptr) {
        const bool fresh = model_.processed() > trace_->size();
        model_.update(*trace_);
        if (fresh) fit_ = true;
    } else {
        model_.clear();
    }
}

float TimelinePanel::wanted_height(const Appearance& look) const {
    const float s = look.scale();
    const float line = ImGui::GetTextLineHeight();
    const float row_h = std::round(line + 8 * s), band_h = std::round(line * 0.75f + 4 * s);
    const float nested_h = std::round(line + 2 * s);
    float h = look.fonts().heading->FontSize + 2 * ImGui::GetStyle().FramePadding.y * 1.5f;  // header
    h += ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y + std::round(line + 6 * s) + 10 * s;
    size_t lanes = 0;
    for (const Lane& lane : model_.lanes()) {
        h += (lane.pool ? std::round(line + 2 * s) : band_h + row_h + float(lane.nested.size()) * nested_h) + 4 * s;
        ++lanes;
    }
    if (lanes == 0) h += band_h + row_h;
    return h;
}

void TimelinePanel::zoom_to(uint64_t t0, uint64_t t1) {
    fit_ = false;
    view_t0_ = double(t0);
    view_t1_ = double(std::max(t1, t0 + 1000));
}

// "whole run, 80.0 ms", or "2.50 ms of 80.0 ms" once zoomed in.
std::string TimelinePanel::subtitle(const PanelContext&) const {
    if (model_.end_ns() == 0) return {};
    const std::string total = format_span(double(model_.end_ns()));
    if (fit_) return "whole run, " + total;
    return format_span(view_t1_ - view_t0_) + " of " + total;
}

// A lane's name in the label column: the isolate table's name for a thread
// ("worker 1", "child 4243"), "main thread", or the pool thread's number.
std::string TimelinePanel::lane_title(const Lane& lane) const {
    if (lane.pool || lane.isolate == 0 || trace_ == nullptr) return lane.name;
    for (const trace::IsolateInfo& info : trace_->isolate_table()) {
        if (info.id == lane.isolate && !info.name.empty()) return info.name;
    }
    return lane.name;
}

// A short tile keeps every lane and its label: the rows of nested calls
// (the detail) go first, deepest first.
size_t TimelinePanel::nested_rows_that_fit(const Frame& f, float avail) const {
    for (size_t shown = kMaxNestedRows;; --shown) {
        Frame g = f;
        g.nested_shown = shown;
        float h = 0;
        for (const Lane& lane : model_.lanes()) h += g.lane_height(lane) + f.lane_gap;
        if (h <= avail || shown == 0) return shown;
    }
}

// Stepping off screen brings the cursor back into view; scrubbing never
// moves the view under the mouse.
void TimelinePanel::follow_cursor(uint64_t cursor_ns) {
    const double t = double(cursor_ns);
    if (scrubbing_ || fit_ || (t >= view_t0_ && t <= view_t1_)) return;
    const double span = view_t1_ - view_t0_;
    view_t0_ = std::max(0.0, t - span * 0.3);
    view_t1_ = view_t0_ + span;
}

void TimelinePanel::draw_body(const PanelContext& ctx) {
    drawn_ = 0;
    hover_text_.clear();
    if (trace_ == nullptr || model_.lanes().empty()) {
        ImGui::TextDisabled(ctx.running ? "Recording\u2026" : "Nothing recorded yet.");
        return;
    }
    const Appearance& look = ctx.look;
    const Palette& pal = look.palette();
    const float s = look.scale();
    ImDrawList* dl = ImGui::GetWindowDrawList();

    Frame f;
    f.end_ns = std::max<uint64_t>(model_.end_ns(), 1000);
    if (fit_) {
        view_t0_ = 0;
        view_t1_ = double(f.end_ns) * 1.02;
    }
    const size_t cursor = playback_ != nullptr ? playback_->cursor() : trace_->size();
    const uint64_t cursor_ns = playback_ != nullptr ? playback_->index().time_at(cursor) : f.end_ns;
    if (cursor != last_cursor_) follow_cursor(cursor_ns);
    last_cursor_ = cursor;
    f.t0 = view_t0_;
    f.t1 = view_t1_;

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float avail_w = ImGui::GetContentRegionAvail().x;
    float label_w = 0;
    for (const Lane& lane : model_.lanes()) {
        label_w = std::max(label_w, ImGui::CalcTextSize(lane_title(lane).c_str()).x);
    }
    label_w += 14 * s;
    f.x0 = origin.x + label_w;
    f.x1 = origin.x + avail_w - 4 * s;
    f.row_h = std::round(ImGui::GetTextLineHeight() + 8 * s);
    f.band_h = std::round(ImGui::GetTextLineHeight() * 0.75f + 4 * s);
    f.pool_h = std::round(ImGui::GetTextLineHeight() + 2 * s);
    const float ruler_h = std::round(ImGui::GetTextLineHeight() + 6 * s);
    f.top = origin.y + ruler_h;
    f.lane_gap = 4 * s;
    f.nested_shown = nested_rows_that_fit(f, ImGui::GetContentRegionAvail().y - ruler_h - 2);

    float total_h = ruler_h;
    for (const Lane& lane : model_.lanes()) total_h += f.lane_height(lane) + 4 * s;
    total_h = std::max(total_h, ImGui::GetContentRegionAvail().y - 2);

    ImGui::InvisibleButton("##lanes", ImVec2(avail_w, total_h),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    ImGui::SetItemUsingMouseWheel();
    const bool hovered = ImGui::IsItemHovered();
    handle_input(f, hovered);
    f.t0 = view_t0_;
    f.t1 = view_t1_;

    dl->PushClipRect(ImVec2(origin.x, origin.y), ImVec2(origin.x + avail_w, origin.y + total_h), true);
    draw_ruler(ctx, f);
    float y = f.top;
    // Thread lanes first, then the pool's: the order a reader expects.
    for (int pass = 0; pass < 2; ++pass) {
        for (const Lane& lane : model_.lanes()) {
            if (lane.pool != (pass == 1)) continue;
            const float lane_h = f.lane_height(lane);
            dl->AddLine(ImVec2(origin.x, y + lane_h + 2 * s), ImVec2(f.x1, y + lane_h + 2 * s),
                        with_alpha(pal.text_dim, 0.35f));
            if (!lane.pool) {
                draw_row(ctx, f, lane.phases, y, f.band_h, true);
                draw_row(ctx, f, lane.callbacks, y + f.band_h, f.row_h, false);
                for (size_t d = 0; d < f.nested_rows(lane); ++d) {
                    draw_row(ctx, f, lane.nested[d], y + f.band_h + f.row_h + float(d) * f.pool_h, f.pool_h, false);
                }
            } else {
                draw_row(ctx, f, lane.callbacks, y, f.pool_h, false);
            }
            y += lane_h + f.lane_gap;
        }
    }
    draw_lane_labels(ctx, f, origin.x, y);
    // The cursor: where the panels' state is, across every lane.
    const float cx = f.x_of(double(cursor_ns));
    if (cx >= f.x0 - 1 && cx <= f.x1 + 1) {
        const float w = std::max(2.0f, 2.5f * s);
        dl->AddRectFilled(ImVec2(cx - w * 0.5f, origin.y), ImVec2(cx + w * 0.5f, y), pal.current_line_marker);
        const float r = 6 * s;
        dl->AddTriangleFilled(ImVec2(cx - r, origin.y), ImVec2(cx + r, origin.y), ImVec2(cx, origin.y + r * 1.4f),
                              pal.current_line_marker);
    }
    dl->PopClipRect();
    if (hovered && !hover_text_.empty() && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        ImGui::SetTooltip("%s", hover_text_.c_str());
    }
}

// The label column is drawn last, over an opaque band: however the view is
// panned or zoomed, every lane keeps its name readable at the left.
void TimelinePanel::draw_lane_labels(const PanelContext& ctx, const Frame& f, float left, float bottom) {
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(left, f.top - 2 * s), ImVec2(f.x0 - 2 * s, bottom), ImGui::GetColorU32(ImGuiCol_WindowBg));
    float y = f.top;
    for (int pass = 0; pass < 2; ++pass) {
        for (const Lane& lane : model_.lanes()) {
            if (lane.pool != (pass == 1)) continue;
            const float lane_h = f.lane_height(lane);
            // A thread's name sits on its callbacks row, a pool thread's on its one row.
            const float name_y = lane.pool ? y + (lane_h - ImGui::GetTextLineHeight()) * 0.5f
                                           : y + f.band_h + (f.row_h - ImGui::GetTextLineHeight()) * 0.5f;
            const std::string title = lane_title(lane);
            dl->AddText(ImVec2(left + 4 * s, name_y), lane.pool ? pal.text_dim : pal.text, title.c_str());
            y += lane_h + f.lane_gap;
        }
    }
}

void TimelinePanel::handle_input(const Frame& f, bool hovered) {
    ImGuiIO& io = ImGui::GetIO();
    const double span = view_t1_ - view_t0_;
    if (hovered && io.MouseWheel != 0.0f) {
        // Zoom around the time under the mouse, so what you point at stays put.
        const double at = f.t_of(io.MousePos.x);
        const double factor = std::pow(0.8, double(io.MouseWheel));
        const double new_span = std::clamp(span * factor, 200.0, double(f.end_ns) * 4.0);
        const double share = (at - view_t0_) / span;
        view_t0_ = at - share * new_span;
        view_t1_ = view_t0_ + new_span;
        fit_ = false;
    }
    if (ImGui::IsItemActive() &&
        (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 0) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 0))) {
        const double dt = double(io.MouseDelta.x) * f.ns_per_px();
        view_t0_ -= dt;
        view_t1_ -= dt;
        fit_ = false;
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Right)) fit_ = true;
    // Left button: seek to the time under the mouse while it is held.
    scrubbing_ = ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left);
    if (scrubbing_ && controller_ != nullptr && playback_ != nullptr) {
        const double t = std::max(0.0, f.t_of(io.MousePos.x));
        controller_->seek(playback_->index().cursor_at_time(uint64_t(t)));
    }
}

void TimelinePanel::draw_ruler(const PanelContext& ctx, const Frame& f) {
    const Palette& pal = ctx.look.palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float min_px = ImGui::CalcTextSize("0.000000 ms").x * 1.3f;
    // Tick step: 1, 2 or 5 times a power of ten, at least min_px apart.
    const double want = f.ns_per_px() * double(min_px);
    double step = std::pow(10.0, std::floor(std::log10(std::max(want, 1.0))));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (step * m >= want) {
            step *= m;
            break;
        }
    }
    const float y = f.top - ImGui::GetTextLineHeight() - 4;
    for (double t = std::ceil(f.t0 / step) * step; t <= f.t1; t += step) {
        const float x = f.x_of(t);
        dl->AddLine(ImVec2(x, f.top - 4), ImVec2(x, f.top + 2000), with_alpha(pal.text_dim, 0.18f));
        const std::string label = format_ns(t);
        if (x + 3 + ImGui::CalcTextSize(label.c_str()).x <= f.x1) dl->AddText(ImVec2(x + 3, y), pal.text_dim, label.c_str());
    }
}

void TimelinePanel::draw_row(const PanelContext& ctx, const Frame& f, const Row& row, float y, float h, bool phases) {
    const auto& s = row.slices;
    if (s.empty()) return;
    const Appearance& look = ctx.look;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 merged = with_alpha(look.palette().text_dim, 0.55f);
    const ImU32 text = look.theme() == Theme::Dark ? IM_COL32_WHITE : IM_COL32_BLACK;
    const double end = double(f.end_ns);
    auto t1_of = [&](const Slice& x) { return x.t1 == UINT64_MAX ? end : double(x.t1); };
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool mouse_in_row = mouse.y >= y && mouse.y < y + h;
    const float pad = phases ? 0.0f : 1.0f;

    // Cull: the first slice that ends at or after the left edge (t1 is sorted).
    size_t i = size_t(std::lower_bound(s.begin(), s.end(), f.t0,
                                       [&](const Slice& x, double t) { return t1_of(x) < t; }) -
                      s.begin());
    while (i < s.size() && double(s[i].t0) <= f.t1) {
        const float xa = std::max(f.x_of(double(s[i].t0)), f.x0);
        const float xb = std::min(f.x_of(t1_of(s[i])), f.x1);
        if (xb - xa >= kFoldPx) {
            dl->AddRectFilled(ImVec2(xa, y + pad), ImVec2(xb, y + h - pad), slice_colour(s[i], look));
            ++drawn_;
            const std::string label_text = slice_label(*trace_, s[i]);
            const char* label = label_text.c_str();
            const float tw = ImGui::CalcTextSize(label).x;
            if (xb - xa > tw + 6 && !phases) {
                dl->AddText(ImVec2(xa + 3, y + (h - ImGui::GetTextLineHeight()) * 0.5f), text, label);
            } else if (phases && xb - xa > tw + 6) {
                ImFont* font = ImGui::GetFont();
                const float fs = ImGui::GetFontSize() * 0.75f;
                dl->AddText(font, fs, ImVec2(xa + 3, y + (h - fs) * 0.5f), text, label);
            }
            if (mouse_in_row && mouse.x >= xa && mouse.x < xb) {
                hover_text_ = std::string(phases ? "phase: " : "") + label + "\n" + kind_name(s[i].kind) + ", " +
                              format_ns(t1_of(s[i]) - double(s[i].t0)) + " (virtual)\nstarts at " +
                              format_ns(double(s[i].t0));
                if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && controller_ != nullptr) {
                    controller_->seek(size_t(s[i].event) + 1);
                }
            }
            ++i;
            continue;
        }
        // Fold: everything that starts within kFoldPx of here becomes one item,
        // found by binary search, so dense regions cost O(pixels), not O(slices).
        const double limit = f.t_of(xa + kFoldPx);
        size_t j = size_t(std::upper_bound(s.begin() + std::ptrdiff_t(i) + 1, s.end(), limit,
                                           [](double t, const Slice& x) { return t < double(x.t0); }) -
                          s.begin());
        // Leave a wide slice at the end of the run to be drawn on its own.
        if (j - 1 > i && f.x_of(t1_of(s[j - 1])) - f.x_of(double(s[j - 1].t0)) >= kFoldPx) --j;
        const float xe = std::min(std::max(f.x_of(t1_of(s[j - 1])), xa + 1.0f), f.x1);
        const ImU32 colour = j - i == 1 ? slice_colour(s[i], look) : merged;
        dl->AddRectFilled(ImVec2(xa, y + pad), ImVec2(std::max(xe, xa + 1.0f), y + h - pad), colour);
        ++drawn_;
        if (mouse_in_row && mouse.x >= xa && mouse.x < std::max(xe, xa + kFoldPx)) {
            hover_text_ = std::to_string(j - i) + (phases ? " phases" : " slices") + " folded here\n" +
                          format_ns(double(s[i].t0)) + " \u2013 " + format_ns(t1_of(s[j - 1])) +
                          "\nzoom in (mouse wheel) to see them";
        }
        i = j;
    }
}

}  // namespace looplab::ui
