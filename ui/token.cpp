#include "ui/token.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

namespace looplab::ui {
namespace {

constexpr ImU32 rgb(unsigned hex) { return IM_COL32((hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff, 255); }

ImU32 faded(ImU32 colour, float alpha) {
    const unsigned a = unsigned(float((colour >> IM_COL32_A_SHIFT) & 0xff) * std::clamp(alpha, 0.0f, 1.0f));
    return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

// Fill, border: saturated enough to tell the queues apart on a washed-out
// projector; text stays white on dark and black on light.
struct Pair {
    unsigned fill, border;
};
constexpr Pair kDark[] = {
    {0x5b3a8c, 0xc39bff},  // nextTick: violet
    {0x1d6655, 0x52d6b3},  // microtask: teal
    {0x7a4a12, 0xf5a742},  // timer: orange
    {0x1f4c8c, 0x74b4ff},  // immediate: blue
    {0x474c57, 0xb4bac4},  // pending: grey
    {0x7a2b2b, 0xff8f85},  // close: red
    {0x665511, 0xedcc4a},  // pool: ochre
    {0x145a69, 0x5ccde6},  // poll: cyan
};
constexpr Pair kLight[] = {
    {0xeadcff, 0x5a1e9c}, {0xcff3e6, 0x00674f}, {0xffe1bd, 0x9a4a00}, {0xd3e4ff, 0x0040a0},
    {0xe4e4e4, 0x3a3a3a}, {0xffdada, 0xa00000}, {0xfff0b3, 0x6e5400}, {0xd2f1f8, 0x005f73},
};

float ease(float t) { return t < 0.5f ? 2 * t * t : 1 - std::pow(-2 * t + 2, 2.0f) / 2; }

std::string line_text(uint32_t line) { return line ? "line " + std::to_string(line) : std::string(); }

}  // namespace

TokenKind token_kind(trace::QueueKind q) {
    switch (q) {
    case trace::QueueKind::NextTick: return TokenKind::NextTick;
    case trace::QueueKind::Microtask: return TokenKind::Microtask;
    case trace::QueueKind::Timers: return TokenKind::Timer;
    case trace::QueueKind::Immediates: return TokenKind::Immediate;
    case trace::QueueKind::Pending: return TokenKind::Pending;
    case trace::QueueKind::Close: return TokenKind::Close;
    }
    return TokenKind::Pending;
}

TokenKind token_kind(Place place) {
    switch (place.kind) {
    case PlaceKind::Queue: return token_kind(static_cast<trace::QueueKind>(place.index));
    case PlaceKind::PoolWaiting:
    case PlaceKind::PoolThread: return TokenKind::Pool;
    case PlaceKind::PollQueue: return TokenKind::Poll;
    case PlaceKind::None:
    case PlaceKind::Stack: break;
    }
    return TokenKind::Pending;
}

TokenColours token_colours(TokenKind kind, Theme theme) {
    const bool dark = theme == Theme::Dark;
    const Pair p = (dark ? kDark : kLight)[size_t(kind)];
    return TokenColours{rgb(p.fill), rgb(p.border), dark ? rgb(0xffffff) : rgb(0x000000),
                        dark ? rgb(0xdfe3ea) : rgb(0x262626)};
}

// Layout: [pad] bold label [gap] "line N" [gap] note [pad], one line high.
ImVec2 token_size(const Token& token, const Appearance& look) {
    ImFont* bold = look.fonts().bold;
    ImFont* ui = look.fonts().ui;
    const float s = look.scale();
    const float pad = 10 * s;
    const float gap = 8 * s;
    float w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, token.label.data(),
                                  token.label.data() + token.label.size()).x;
    const std::string line = line_text(token.line);
    if (!line.empty()) w += gap + ui->CalcTextSizeA(ui->FontSize * 0.85f, FLT_MAX, 0, line.c_str()).x;
    if (!token.note.empty()) {
        w += gap + ui->CalcTextSizeA(ui->FontSize * 0.85f, FLT_MAX, 0, token.note.data(),
                                     token.note.data() + token.note.size()).x;
    }
    return ImVec2(std::round(w + 2 * pad), std::round(bold->FontSize + 10 * s));
}

void draw_token(ImDrawList* dl, ImVec2 pos, const Token& token, const Appearance& look, float alpha) {
    if (alpha <= 0.01f) return;
    const TokenColours c = token_colours(token.kind, look.theme());
    ImFont* bold = look.fonts().bold;
    ImFont* ui = look.fonts().ui;
    const float s = look.scale();
    const ImVec2 size = token_size(token, look);
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const float r = size.y * 0.5f;
    dl->AddRectFilled(pos, max, faded(c.fill, alpha), r);
    dl->AddRect(pos, max, faded(c.border, alpha), r, 0, std::max(1.5f, 2.0f * s));
    float x = pos.x + 10 * s;
    const float y = pos.y + (size.y - bold->FontSize) * 0.5f;
    dl->AddText(bold, bold->FontSize, ImVec2(x, y), faded(c.text, alpha), token.label.data(),
                token.label.data() + token.label.size());
    x += bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, token.label.data(), token.label.data() + token.label.size()).x;
    const float small = ui->FontSize * 0.85f;
    const float small_y = pos.y + (size.y - small) * 0.5f;
    auto extra = [&](std::string_view text) {
        if (text.empty()) return;
        x += 8 * s;
        dl->AddText(ui, small, ImVec2(x, small_y), faded(c.text_dim, alpha), text.data(), text.data() + text.size());
        x += ui->CalcTextSizeA(small, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
    };
    extra(line_text(token.line));
    extra(token.note);
}

// ---- TokenAnimator ----

void TokenAnimator::observe(const trace::ViewState& view, const trace::Trace* trace, double now_seconds) {
    trace_ = trace;
    if (seen_ && view.cursor != cursor_) {
        Placements now = placements_of(view);
        const bool backward = view.cursor < cursor_;
        // Which state is later decides whether vanished work ran or was
        // cleared; the earlier state's rule is not about this step.
        const bool removes = backward ? prev_removes_ : removes_without_running(view);
        motions_ = derive_motions(placements_, now, backward, removes);
        if (!enabled_ || motions_.size() > kMaxMotions) motions_.clear();
        placements_ = std::move(now);
        started_ = now_seconds;
        prev_anchors_ = std::move(anchors_);
    } else if (!seen_) {
        placements_ = placements_of(view);
    }
    seen_ = true;
    cursor_ = view.cursor;
    prev_removes_ = removes_without_running(view);
    anchors_.clear();
    if (!motions_.empty()) {
        progress_ = std::clamp(float((now_seconds - started_) / kSeconds), 0.0f, 1.0f);
        if (progress_ >= 1.0f) motions_.clear();
    }
}

void TokenAnimator::anchor(Place place, uint32_t item, ImVec2 min, ImVec2 max) {
    // A token scrolled out of its panel flies from (or to) the panel's
    // visible edge, not from behind another panel.
    // Call it while the panel's window is current (inside draw_body).
    const ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 lo = dl->GetClipRectMin(), hi = dl->GetClipRectMax();
    const ImVec2 size(max.x - min.x, max.y - min.y);
    min.x = std::clamp(min.x, lo.x, std::max(lo.x, hi.x - size.x));
    min.y = std::clamp(min.y, lo.y, std::max(lo.y, hi.y - size.y));
    max = ImVec2(min.x + size.x, min.y + size.y);
    anchors_[{place_key(place), item}] = Rect{min, max};
}

float TokenAnimator::settled_alpha(uint32_t item) const {
    for (const Motion& m : motions_) {
        if (m.item == item && m.to.kind != PlaceKind::None && m.to.kind != PlaceKind::Stack) return 0.0f;
    }
    return 1.0f;
}

const Rect* TokenAnimator::find(const std::map<Key, Rect>& anchors, Place place, uint32_t item) const {
    auto it = anchors.find({place_key(place), item});
    if (it == anchors.end()) it = anchors.find({place_key(place), 0});
    return it == anchors.end() ? nullptr : &it->second;
}

void TokenAnimator::draw_overlay(const Appearance& look) {
    if (motions_.empty()) return;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const float t = ease(progress_);
    for (const Motion& m : motions_) {
        // The colour of the queue end of the journey (the other end is the
        // stack, or nothing).
        const bool from_queue = m.from.kind != PlaceKind::None && m.from.kind != PlaceKind::Stack;
        const std::string_view label = trace_ ? trace::item_label(*trace_, m.item) : std::string_view();
        const uint32_t line = trace_ ? trace::item_line(*trace_, m.item) : 0;
        const Token token{label, line, {}, token_kind(from_queue ? m.from : m.to)};
        // Where it was comes from the last frame of the previous cursor;
        // where it goes from this frame. Either may be off-screen (a panel
        // the layout hides): then there is nothing to show.
        const Rect* from = m.from.kind == PlaceKind::None ? nullptr : find(prev_anchors_, m.from, m.item);
        if (from == nullptr && m.from.kind != PlaceKind::None) from = find(anchors_, m.from, m.item);
        const Rect* to = m.to.kind == PlaceKind::None ? nullptr : find(anchors_, m.to, m.item);
        if (from && to) {
            const ImVec2 a = from->min, b = to->min;
            // A gentle arc so crossing tokens stay apart.
            const float lift = -std::min(80.0f, std::abs(b.x - a.x) * 0.15f) * std::sin(t * 3.14159f);
            draw_token(dl, ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t + lift), token, look);
        } else if (from && m.to.kind == PlaceKind::None) {
            draw_token(dl, from->min, token, look, 1.0f - t);  // cleared: fades where it was
        } else if (to && m.from.kind == PlaceKind::None) {
            draw_token(dl, to->min, token, look, t);  // un-cleared: fades back in
        }
    }
}

}  // namespace looplab::ui
