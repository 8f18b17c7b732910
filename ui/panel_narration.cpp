#include "ui/panel_narration.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "engine/trace/message_text.h"

namespace looplab::ui {
namespace {

using trace::EventKind;
using trace::QueueKind;

std::string callback(const trace::Trace& t, uint32_t item_id) {
    if (item_id >= t.items().size()) return "a callback";
    const trace::Item& item = t.item(item_id);
    std::string s = t.str(item.label);
    if (s.empty()) s = "<anonymous>";
    if (item.line) s += " (line " + std::to_string(item.line) + ")";
    return s;
}

std::string queue_words(uint32_t q) {
    switch (static_cast<QueueKind>(q)) {
    case QueueKind::NextTick: return "the nextTick queue";
    case QueueKind::Microtask: return "the promise job queue";
    case QueueKind::Timers: return "the timers heap";
    case QueueKind::Immediates: return "the immediates (check) queue";
    case QueueKind::Pending: return "the pending queue";
    case QueueKind::Close: return "the close queue";
    }
    return "a queue";
}

// Console text on one line, shortened: the console panel has the full text.
std::string quoted(const std::string& text) {
    std::string s;
    for (char c : text) {
        if (s.size() >= 60) {
            s += "\u2026";
            break;
        }
        s += c == '\n' ? ' ' : c;
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return "\"" + s + "\"";
}

}  // namespace

std::string describe_event(const trace::Trace& t, const trace::Event& e) {
    switch (e.kind) {
    case EventKind::TimeJump: return {};
    case EventKind::Step: return "Line " + std::to_string(e.a) + " runs.";
    case EventKind::CallPush: {
        const uint32_t line = e.b >> 1;
        std::string s = (e.b & 1) ? "Node runs its internal " : "JavaScript calls ";
        s += t.str(e.a).empty() ? std::string("<anonymous>") : t.str(e.a);
        if (line) s += " (line " + std::to_string(line) + ")";
        return s + ".";
    }
    case EventKind::CallPop: return "A function returns.";
    case EventKind::Enqueue: {
        std::string s = callback(t, e.a) + " joins " + queue_words(e.b);
        if (static_cast<QueueKind>(e.b) == QueueKind::Timers && e.a < t.items().size()) {
            s += ", due at " + std::to_string(t.item(e.a).due_ms) + " ms";
        }
        return s + ".";
    }
    case EventKind::Dequeue: return callback(t, e.a) + " leaves " + queue_words(e.b) + " and runs.";
    case EventKind::Cancel: return callback(t, e.a) + " is removed from " + queue_words(e.b) + " without running.";
    case EventKind::PhaseEnter:
        return "The loop enters the " + std::string(trace::phase_name(static_cast<trace::Phase>(e.a))) + " phase.";
    case EventKind::PhaseLeave:
        return "The loop leaves the " + std::string(trace::phase_name(static_cast<trace::Phase>(e.a))) + " phase.";
    case EventKind::LoopIteration: return "Loop iteration " + std::to_string(e.a) + " begins.";
    case EventKind::ClockAdvance: return "Poll waits " + std::to_string(e.a) + " ms: nothing else to do.";
    case EventKind::ConsoleWrite:
        return std::string(e.b ? "stderr gets " : "console prints ") + quoted(t.str(e.a)) + ".";
    case EventKind::HandleRef:
        return callback(t, e.a) + (e.b ? " keeps the loop alive again (ref)." : " no longer keeps the loop alive (unref).");
    case EventKind::ProcessExit: return "The process exits with code " + std::to_string(int32_t(e.a)) + ".";
    case EventKind::Race: return callback(t, e.a) + " ran first here; real Node may run them either way.";
    case EventKind::Uncaught:
        return std::string(e.b ? "Unhandled promise rejection: " : "Uncaught exception: ") + t.str(e.a);
    case EventKind::Emit: return "process emits '" + t.str(e.a) + "'.";
    case EventKind::Limit: return "Stopped: " + t.str(e.a);
    case EventKind::PoolQueued:
        return callback(t, e.a) + " joins the thread pool's work queue (" + std::to_string(e.b) + " threads).";
    case EventKind::PoolStarted:
        return "Pool thread " + std::to_string(e.b + 1) + " starts " + callback(t, e.a) + ".";
    case EventKind::PoolFinished:
        return "Pool thread " + std::to_string(e.b + 1) + " finishes " + callback(t, e.a) +
               "; its callback waits for poll.";
    case EventKind::IoReady:
        return std::string(e.b ? "Poll delivers a socket event for " : "Poll delivers the finished ") +
               callback(t, e.a) + ".";
    case EventKind::MessagePost: return "postMessage sends a " + trace::message_summary(e) + "; the sender goes on.";
    case EventKind::MessageDeliver: return "Poll delivers a " + trace::message_summary(e) + ".";
    }
    return {};
}

std::string NarrationPanel::subtitle(const PanelContext& ctx) const {
    if (ctx.view.last_event == 0) return {};
    return "step " + std::to_string(ctx.view.last_event);
}

// Events such as leaving a phase or a return carry no rule of their own;
// the reason in force is the latest one before them, so the sentence does
// not flicker away on every such step.
trace::Rule NarrationPanel::current_rule(const trace::ViewState& v) const {
    if (v.rule != trace::Rule::None || trace_ == nullptr) return v.rule;
    constexpr size_t kLookBack = 64;
    const size_t end = std::min<size_t>(v.cursor, trace_->size());
    for (size_t i = end; i > 0 && end - i < kLookBack; --i) {
        const trace::Event& e = trace_->events()[i - 1];
        if (e.rule != 0) return static_cast<trace::Rule>(e.rule);
    }
    return trace::Rule::None;
}

std::string NarrationPanel::what_happened(const trace::ViewState& v) const {
    if (v.last_event == 0) return "Nothing has run yet. Step forward to start the main script.";
    if (trace_ != nullptr && v.last_event <= trace_->size()) {
        std::string s = describe_event(*trace_, trace_->events()[v.last_event - 1]);
        if (!s.empty()) return s;
    }
    if (!v.stack.empty()) return "Running " + v.stack.back().name + ".";
    return {};
}

// What left a queue last, while its callback is still on the stack: the
// learner sees where the running code came from ("the callback of the
// timer due at 5 ms"), not only that it runs. Not repeated on the dequeue
// step itself, whose sentence already says it.
std::string NarrationPanel::running_from(const trace::ViewState& v) const {
    const trace::Dequeued& d = v.last_dequeued;
    if (d.event == 0 || d.event == v.last_event || d.isolate != v.isolate || v.stack.empty()) return {};
    const std::string_view label = trace_ ? trace::entry_label(*trace_, d.entry) : std::string_view();
    const uint32_t line = trace_ ? trace::entry_line(*trace_, d.entry) : 0;
    std::string s = label.empty() ? std::string("<anonymous>") : std::string(label);
    if (line) s += " (line " + std::to_string(line) + ")";
    s += d.from_pool ? ", delivered by poll from the thread pool" : ", taken from " + queue_words(uint32_t(d.queue));
    return s + " at step " + std::to_string(d.event) + ".";
}

float NarrationPanel::wanted_height(const Appearance& look) {
    const float s = look.scale();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float rule = 2 * look.fonts().heading->FontSize + style.ItemSpacing.y;
    const float what = 2 * ImGui::GetTextLineHeight() + 4 * s + 2 * style.ItemSpacing.y;
    return chrome_height(look) + std::ceil(rule + what);
}

// The height of what draw_body puts under the rule, wrapped at `wrap`.
float NarrationPanel::below_rule_height(const trace::ViewState& v, float wrap, bool with_origin) const {
    ImFont* ui = ImGui::GetFont();
    ImFont* bold = bold_font_ != nullptr ? bold_font_ : ui;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = 0;
    // A labelled line: the text wraps in the column right of its label, as
    // draw_body lays it out.
    auto add = [&](const char* label, const std::string& text) {
        if (text.empty()) return;
        const float label_w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, label).x + ImGui::GetStyle().ItemSpacing.x;
        const float column = std::max(wrap - label_w, 40.0f);
        h += ui->CalcTextSizeA(ui->FontSize, FLT_MAX, column, text.c_str()).y + spacing;
    };
    add("What happened:", what_happened(v));
    if (with_origin) add("Running now:", running_from(v));
    if (!v.uncaught.empty()) h += ui->CalcTextSizeA(ui->FontSize, FLT_MAX, wrap, ("\u2717 " + v.uncaught).c_str()).y + spacing;
    return h;
}

void NarrationPanel::draw_body(const PanelContext& ctx) {
    const trace::ViewState& v = ctx.view;
    const Palette& pal = ctx.look.palette();
    const float s = ctx.look.scale();

    if (v.race) {
        draw_race_badge(ctx);
        ImGui::Dummy(ImVec2(0, 2 * s));
    }
    // Why: the rule, big, in the heading font. The wrap keeps a margin from
    // the panel's edge (the body has no right padding of its own).
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - 10 * s);
    const trace::Rule rule = current_rule(v);
    std::string_view why;
    if (rule != trace::Rule::None) why = trace::rule_text(rule);
    else if (v.last_event == 0) why = "Node runs the whole main script first; the event loop starts after it.";
    // "Running now" is the first thing to go when the tile is short: the
    // call stack shows what runs, the rule and "What happened" say why.
    bool show_origin = !running_from(v).empty();
    if (!why.empty()) {
        // The heading font when the sentence and what follows it fit the
        // tile; else the bold body font, so "What happened" stays in view.
        const float wrap = ImGui::GetContentRegionAvail().x - 10 * s;
        const float avail = ImGui::GetContentRegionAvail().y;
        auto height_in = [&](ImFont* f) {
            return f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, why.data(), why.data() + why.size()).y;
        };
        auto fits_in = [&](ImFont* f, bool origin) {
            return height_in(f) + 4 * s + below_rule_height(v, wrap, origin) <= avail;
        };
        ImFont* heading = ctx.look.fonts().heading;
        ImFont* bold = ctx.look.fonts().bold;
        ImFont* body = ctx.look.fonts().ui;
        bold_font_ = bold;
        if (show_origin && !fits_in(body, true)) show_origin = false;
        // Shorter still (a race badge and a long "What happened"): the body font.
        ImFont* font = fits_in(heading, show_origin) ? heading : fits_in(bold, show_origin) ? bold : body;
        ImGui::PushFont(font);
        ImGui::TextUnformatted(why.data(), why.data() + why.size());
        ImGui::PopFont();
    }
    ImGui::Dummy(ImVec2(0, 4 * s));

    // What: the last event in words, labelled so it is not mistaken for the rule.
    const std::string what = what_happened(v);
    if (!what.empty()) {
        ImGui::PushFont(ctx.look.fonts().bold);
        ImGui::PushStyleColor(ImGuiCol_Text, pal.text_dim);
        ImGui::TextUnformatted("What happened:");
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::TextUnformatted(what.c_str());
    }
    const std::string origin = show_origin ? running_from(v) : std::string();
    if (!origin.empty()) {
        ImGui::PushFont(ctx.look.fonts().bold);
        ImGui::PushStyleColor(ImGuiCol_Text, pal.text_dim);
        ImGui::TextUnformatted("Running now:");
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::TextUnformatted(origin.c_str());
    }
    if (!v.uncaught.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.error);
        ImGui::PushFont(ctx.look.fonts().bold);
        ImGui::TextUnformatted(("\u2717 " + v.uncaught).c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
}

// A filled badge with the word RACE (never colour alone) and what it means;
// the tooltip says why real Node can differ.
void NarrationPanel::draw_race_badge(const PanelContext& ctx) {
    const float s = ctx.look.scale();
    ImFont* bold = ctx.look.fonts().bold;
    const bool dark = ctx.look.theme() == Theme::Dark;
    const char* word = "RACE";
    const char* meaning = "real Node's order may vary here";
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 wsz = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, word);
    const float pad_x = 10 * s, pad_y = 4 * s;
    const ImVec2 max(pos.x + wsz.x + 2 * pad_x, pos.y + wsz.y + 2 * pad_y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 fill = dark ? IM_COL32(0xff, 0xb0, 0x20, 255) : IM_COL32(0xb3, 0x40, 0x00, 255);
    dl->AddRectFilled(pos, max, fill, 5 * s);
    dl->AddText(bold, bold->FontSize, ImVec2(pos.x + pad_x, pos.y + pad_y),
                dark ? IM_COL32_BLACK : IM_COL32_WHITE, word);
    ImGui::Dummy(ImVec2(max.x - pos.x, max.y - pos.y));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + pad_y);
    ImGui::PushFont(bold);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(ImGui::GetContentRegionAvail().x - 10 * s, 40 * s));
    ImGui::TextUnformatted(meaning);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (hovered || ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
        ImGui::TextUnformatted(
            "looplab picks one order and always the same one, but in real Node this order depends on "
            "timing outside the program (how long the process took to start, the OS scheduler). For example "
            "setTimeout(0) vs setImmediate in the main module: the timer wins only if 1 ms has passed when "
            "the loop starts. Do not rely on it.");
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace looplab::ui
