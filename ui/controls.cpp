#include "ui/controls.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cctype>
#include <cstdio>

#include <imgui.h>

#include "ui/controller.h"
#include "ui/theme.h"

namespace looplab::ui {

std::string_view granularity_name(Granularity g) {
    switch (g) {
        case Granularity::Event: return "event";
        case Granularity::Callback: return "callback";
        case Granularity::Phase: return "phase";
        case Granularity::Iteration: return "iteration";
    }
    return "?";
}

// ---------------------------------------------------------------- StepIndex

void StepIndex::update(const trace::Trace& trace) {
    const auto& events = trace.events();
    if (events.size() < processed_) clear();  // a different (new) trace
    times_.reserve(events.size());
    for (size_t i = processed_; i < events.size(); ++i) {
        const trace::Event& e = events[i];
        now_ = trace::advance_time(now_, e);
        times_.push_back(now_);
        switch (e.kind) {
            case trace::EventKind::CallPush: {
                const bool internal = (e.b & 1) != 0;
                // A callback is a user frame that Node's own code invoked:
                // nothing but internal frames beneath it.
                if (!internal && user_frames_ == 0) bounds_[size_t(Granularity::Callback)].push_back(uint32_t(i));
                internal_stack_.push_back(internal);
                if (!internal) ++user_frames_;
                break;
            }
            case trace::EventKind::CallPop:
                if (!internal_stack_.empty()) {
                    if (!internal_stack_.back()) --user_frames_;
                    internal_stack_.pop_back();
                }
                break;
            case trace::EventKind::PhaseEnter: bounds_[size_t(Granularity::Phase)].push_back(uint32_t(i)); break;
            case trace::EventKind::LoopIteration:
                bounds_[size_t(Granularity::Iteration)].push_back(uint32_t(i));
                break;
            case trace::EventKind::ProcessExit:
                // The end is a stop at every granularity, so "next phase"
                // from the last phase lands on the exit, not nowhere.
                for (size_t g = 1; g < kGranularityCount; ++g) bounds_[g].push_back(uint32_t(i));
                break;
            default: break;
        }
    }
    processed_ = events.size();
}

size_t StepIndex::cursor_at_time(uint64_t t) const {
    return size_t(std::upper_bound(times_.begin(), times_.end(), t) - times_.begin());
}

// ---------------------------------------------------------------- Playback

void Playback::reset(bool live) {
    trace_ = nullptr;
    index_.clear();
    cursor_ = 0;
    size_ = 0;
    pending_cursor_ = SIZE_MAX;
    live_ = live;
    playing_ = false;
    play_debt_ = 0;
}

void Playback::update(const trace::Trace& trace) {
    if (trace_ != &trace) {
        index_.clear();
        trace_ = &trace;
    }
    index_.update(trace);
    size_ = trace.size();
    if (pending_cursor_ != SIZE_MAX && size_ >= pending_cursor_) {
        cursor_ = pending_cursor_;
        pending_cursor_ = SIZE_MAX;
        live_ = false;
    }
    if (live_) cursor_ = size_;
    cursor_ = std::min(cursor_, size_);
}

void Playback::restore_cursor(size_t cursor) {
    pending_cursor_ = cursor;
    live_ = true;  // follow the run until it gets there
}

void Playback::seek(size_t cursor) {
    live_ = false;
    pending_cursor_ = SIZE_MAX;
    cursor_ = std::min(cursor, size_);
}

// TimeJump events change nothing a learner sees: never stop just after one.
size_t Playback::next_visible(size_t cursor) const {
    if (trace_ == nullptr) return cursor;
    const auto& events = trace_->events();
    size_t c = std::min(cursor + 1, size_);
    while (c < size_ && events[c - 1].kind == trace::EventKind::TimeJump) ++c;
    return c;
}

size_t Playback::prev_visible(size_t cursor) const {
    if (trace_ == nullptr || cursor == 0) return 0;
    const auto& events = trace_->events();
    size_t c = cursor - 1;
    while (c > 0 && events[c - 1].kind == trace::EventKind::TimeJump) --c;
    return c;
}

void Playback::step(Granularity g, int direction) {
    size_t target = cursor_;
    if (g == Granularity::Event) {
        target = direction > 0 ? next_visible(cursor_) : prev_visible(cursor_);
    } else {
        // The cursor lands just after a boundary event: boundary i <-> cursor i + 1.
        const auto& b = index_.boundaries(g);
        if (direction > 0) {  // the first boundary b with b + 1 > cursor
            auto it = std::lower_bound(b.begin(), b.end(), uint32_t(cursor_));
            target = it == b.end() ? size_ : size_t(*it) + 1;
        } else if (cursor_ > 0) {  // the last boundary b with b + 1 < cursor
            auto it = std::lower_bound(b.begin(), b.end(), uint32_t(cursor_ - 1));
            target = it == b.begin() ? 0 : size_t(*std::prev(it)) + 1;
        }
    }
    seek(target);
}

void Playback::toggle_play() {
    if (playing_) {
        playing_ = false;
        return;
    }
    if (cursor_ >= size_) seek(0);  // play from the end starts over
    live_ = false;
    playing_ = true;
    play_debt_ = 0;
}

bool Playback::tick(double seconds) {
    if (!playing_) return false;
    play_debt_ += seconds * double(speed());
    const auto n = size_t(play_debt_);
    play_debt_ -= double(n);
    const size_t before = cursor_;
    for (size_t i = 0; i < n && cursor_ < size_; ++i) cursor_ = next_visible(cursor_);
    if (cursor_ >= size_) playing_ = false;
    return cursor_ != before;
}

bool Playback::run_to_line(const trace::Trace& trace, uint32_t line) {
    const auto& events = trace.events();
    auto is_line = [&](size_t i) {
        const trace::Event& e = events[i];
        return e.kind == trace::EventKind::Step && e.a == line && (e.b >> 20) == 0;
    };
    const size_t n = std::min(size_, events.size());
    for (size_t i = cursor_; i < n; ++i) {
        if (is_line(i)) {
            seek(i + 1);
            return true;
        }
    }
    for (size_t i = 0; i < std::min(cursor_, n); ++i) {
        if (is_line(i)) {
            seek(i + 1);
            return true;
        }
    }
    return false;
}

// ---------------------------------------------------------------- the bar

namespace {

enum class Icon { First, Last, Back, Forward, Play, Pause, Minus, Plus };

// A square button with a drawn icon: crisp at every scale, no font glyphs.
bool icon_button(const char* id, Icon icon, float side, ImU32 ink) {
    const bool pressed = ImGui::Button(id, ImVec2(side, side));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetItemRectMin();
    const ImVec2 b = ImGui::GetItemRectMax();
    const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
    const float r = side * 0.26f;
    const float bar = std::max(2.0f, side * 0.09f);
    auto tri_right = [&](float cx) { dl->AddTriangleFilled(ImVec2(cx - r * 0.8f, c.y - r), ImVec2(cx - r * 0.8f, c.y + r), ImVec2(cx + r * 0.9f, c.y), ink); };
    auto tri_left = [&](float cx) { dl->AddTriangleFilled(ImVec2(cx + r * 0.8f, c.y - r), ImVec2(cx + r * 0.8f, c.y + r), ImVec2(cx - r * 0.9f, c.y), ink); };
    switch (icon) {
        case Icon::First:
            dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x - r + bar, c.y + r), ink);
            tri_left(c.x + bar * 0.5f);
            break;
        case Icon::Last:
            dl->AddRectFilled(ImVec2(c.x + r - bar, c.y - r), ImVec2(c.x + r, c.y + r), ink);
            tri_right(c.x - bar * 0.5f);
            break;
        case Icon::Back: tri_left(c.x); break;
        case Icon::Forward: tri_right(c.x); break;
        case Icon::Play: tri_right(c.x + r * 0.1f); break;
        case Icon::Pause:
            dl->AddRectFilled(ImVec2(c.x - r * 0.8f, c.y - r), ImVec2(c.x - r * 0.25f, c.y + r), ink);
            dl->AddRectFilled(ImVec2(c.x + r * 0.25f, c.y - r), ImVec2(c.x + r * 0.8f, c.y + r), ink);
            break;
        case Icon::Minus: dl->AddRectFilled(ImVec2(c.x - r, c.y - bar * 0.5f), ImVec2(c.x + r, c.y + bar * 0.5f), ink); break;
        case Icon::Plus:
            dl->AddRectFilled(ImVec2(c.x - r, c.y - bar * 0.5f), ImVec2(c.x + r, c.y + bar * 0.5f), ink);
            dl->AddRectFilled(ImVec2(c.x - bar * 0.5f, c.y - r), ImVec2(c.x + bar * 0.5f, c.y + r), ink);
            break;
    }
    return pressed;
}

void tooltip(const char* text) {
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", text);
}

struct StepKeys {
    Granularity g;
    const char* back_tip;
    const char* forward_tip;
};

constexpr StepKeys kStepKeys[] = {
    {Granularity::Iteration, "Back one loop iteration (Alt+\u2190 or PgUp)", "Forward one loop iteration (Alt+\u2192 or PgDn)"},
    {Granularity::Phase, "Back one event-loop phase (Ctrl+\u2190)", "Forward one event-loop phase (Ctrl+\u2192)"},
    {Granularity::Callback, "Back one callback (Shift+\u2190)", "Forward one callback (Shift+\u2192)"},
    {Granularity::Event, "Back one step (\u2190)", "Forward one step (\u2192)"},
};

std::string with_commas(size_t n) {
    std::string digits = std::to_string(n);
    for (int i = int(digits.size()) - 3; i > 0; i -= 3) digits.insert(size_t(i), ",");
    return digits;
}

}  // namespace

void draw_transport(const Playback& playback, const Appearance& look, Controller& controller) {
    const Palette& pal = look.palette();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float side = ImGui::GetFrameHeight();
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const bool empty = playback.size() == 0;
    // A narrow bar (a projector at 1280x720 in presentation mode) drops the
    // granularity names and tightens the gaps; the tooltips still name them.
    const bool compact = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 58.0f;
    const float group_gap = style.ItemSpacing.x * (compact ? 1.2f : 2.5f);

    ImGui::BeginDisabled(empty);
    ImGui::PushID("transport");
    if (icon_button("##first", Icon::First, side, ink)) controller.first();
    tooltip("Jump to the first step (Home)");
    // One group per granularity: back arrow, name, forward arrow.
    for (const StepKeys& k : kStepKeys) {
        ImGui::SameLine(0, group_gap);
        ImGui::PushID(int(k.g));
        if (icon_button("##back", Icon::Back, side, ink)) controller.step(k.g, -1);
        tooltip(k.back_tip);
        ImGui::SameLine(0, style.ItemInnerSpacing.x);
        if (!compact) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(granularity_name(k.g).data());
            ImGui::SameLine(0, style.ItemInnerSpacing.x);
        } else {
            // One letter under-the-arrow hint: I P C E.
            ImGui::AlignTextToFramePadding();
            const char letter[2] = {char(std::toupper(granularity_name(k.g)[0])), 0};
            ImGui::TextUnformatted(letter);
            ImGui::SameLine(0, style.ItemInnerSpacing.x);
        }
        if (icon_button("##fwd", Icon::Forward, side, ink)) controller.step(k.g, +1);
        tooltip(k.forward_tip);
        ImGui::PopID();
    }
    ImGui::SameLine(0, group_gap);
    if (icon_button("##last", Icon::Last, side, ink)) controller.last();
    tooltip("Jump to the last step (End)");

    ImGui::SameLine(0, group_gap);
    if (icon_button("##play", playback.playing() ? Icon::Pause : Icon::Play, side * 1.0f, ink)) controller.toggle_play();
    tooltip(playback.playing() ? "Pause (Space)" : "Play: step forward by itself (Space)");
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    if (icon_button("##slower", Icon::Minus, side, ink)) controller.slower();
    tooltip("Play slower (-)");
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    char speed[32];
    std::snprintf(speed, sizeof speed, "%g/s", double(playback.speed()));
    ImGui::TextUnformatted(speed);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play speed: steps per second");
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    if (icon_button("##faster", Icon::Plus, side, ink)) controller.faster();
    tooltip("Play faster (+)");
    ImGui::PopID();
    ImGui::EndDisabled();

    // Where we are: step n of N and the virtual time there.
    ImGui::SameLine(0, group_gap);
    ImGui::AlignTextToFramePadding();
    const double ms = double(playback.index().time_at(playback.cursor())) / 1e6;
    const std::string where = "step " + with_commas(playback.cursor()) + " / " + with_commas(playback.size());
    ImGui::PushFont(look.fonts().bold);
    ImGui::TextUnformatted(where.c_str());
    ImGui::PopFont();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Events applied so far / events recorded");
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, pal.text_dim);
    ImGui::Text("%.3f ms", ms);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Virtual time at this step");
}

}  // namespace looplab::ui
