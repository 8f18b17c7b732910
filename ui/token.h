// Tokens: a queued callback drawn as a rounded pill with its callback's name
// and source line, in its queue's colour (the row it sits in always names
// the queue in words, so colour is never the only cue). TokenAnimator plays
// the motions of ui/animation.h: panels tell it where each token is drawn
// this frame, and it flies tokens between those places over the panels.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/animation.h"
#include "ui/theme.h"

namespace looplab::ui {

// One colour family per queue, plus the thread pool and poll's completions.
enum class TokenKind : uint8_t { NextTick, Microtask, Timer, Immediate, Pending, Close, Pool, Poll };
TokenKind token_kind(trace::QueueKind q);
TokenKind token_kind(Place place);

struct TokenColours {
    ImU32 fill, border, text, text_dim;
};
TokenColours token_colours(TokenKind kind, Theme theme);

struct Token {
    std::string_view label;  // callback name
    uint32_t line = 0;       // 0: not shown
    std::string_view note;   // extra text after the line, e.g. "due 10 ms"; may be empty
    TokenKind kind = TokenKind::NextTick;
};

ImVec2 token_size(const Token& token, const Appearance& look);
// Draws the token with its top-left corner at `pos`; `alpha` fades it.
void draw_token(ImDrawList* dl, ImVec2 pos, const Token& token, const Appearance& look, float alpha = 1.0f);

struct Rect {
    ImVec2 min, max;
};

class TokenAnimator {
public:
    static constexpr float kSeconds = 0.45f;
    // A jump further than this (scrubbing, Home/End) is not animated: a
    // swarm of tokens explains nothing.
    static constexpr size_t kMaxMotions = 24;

    void set_enabled(bool enabled) { enabled_ = enabled; }
    bool enabled() const { return enabled_; }

    // Once per frame, before the panels draw: notices a cursor change and
    // derives the motions from the previous view to this one. `trace` (the
    // run the view was folded from, may be null) names the flying tokens.
    void observe(const trace::ViewState& view, const trace::Trace* trace, double now_seconds);
    // Panels report, from inside their body, where they drew things this frame: a token (item != 0)
    // or a place itself (item 0: where a new token lands, the stack's top).
    void anchor(Place place, uint32_t item, ImVec2 min, ImVec2 max);
    // 0 while this item's flying token is still travelling to the panel's
    // spot, so the token is not drawn twice; 1 otherwise.
    float settled_alpha(uint32_t item) const;
    // After the panels: draws the flying tokens on the foreground.
    void draw_overlay(const Appearance& look);

    bool animating() const { return !motions_.empty(); }
    const std::vector<Motion>& motions() const { return motions_; }

private:
    using Key = std::pair<uint64_t, uint32_t>;  // (place, item)
    static uint64_t place_key(Place p) { return (uint64_t(p.kind) << 32) | p.index; }
    const Rect* find(const std::map<Key, Rect>& anchors, Place place, uint32_t item) const;

    bool enabled_ = true;
    bool seen_ = false;
    size_t cursor_ = 0;
    bool prev_removes_ = false;  // removes_without_running() of the view at cursor_
    Placements placements_;  // of the view at cursor_
    const trace::Trace* trace_ = nullptr;
    std::vector<Motion> motions_;
    double started_ = 0;
    float progress_ = 1.0f;
    std::map<Key, Rect> anchors_;       // this frame's
    std::map<Key, Rect> prev_anchors_;  // the last frame drawn at the previous cursor
};

}  // namespace looplab::ui
