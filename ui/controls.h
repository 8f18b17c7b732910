// Moving the cursor through a trace: the step boundaries at each granularity
// (StepIndex, built incrementally from the append-only trace), the cursor and
// play state (Playback), and the transport bar that drives them. The model
// half includes no ImGui type, so the unit tests drive it without a window.
#pragma once

#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/trace/trace.h"

namespace looplab::ui {

class Controller;
class Appearance;

// How far one step goes. Event: the next thing the engine recorded.
// Callback: the next callback Node invokes (a user frame called straight
// from Node's internals, the main script included). Phase: the next
// event-loop phase entered. Iteration: the next loop iteration.
enum class Granularity : uint8_t { Event, Callback, Phase, Iteration };
inline constexpr size_t kGranularityCount = 4;
std::string_view granularity_name(Granularity g);

// Event indices where each granularity's steps land, plus every event's
// absolute time. Appending only: update() reads the events added since the
// last call, so a trace that grows by a million events costs one pass.
class StepIndex {
public:
    void update(const trace::Trace& trace);
    void clear() { *this = StepIndex{}; }

    size_t processed() const { return processed_; }
    // Indices of the events that start a step (the cursor lands just after).
    const std::vector<uint32_t>& boundaries(Granularity g) const { return bounds_[size_t(g)]; }
    const std::vector<uint64_t>& times() const { return times_; }
    // Absolute virtual time at `cursor` (the time of the last applied event).
    uint64_t time_at(size_t cursor) const { return cursor == 0 || times_.empty() ? 0 : times_[std::min(cursor, times_.size()) - 1]; }
    // The cursor showing the state at virtual time t: all events up to t applied.
    size_t cursor_at_time(uint64_t t) const;

private:
    size_t processed_ = 0;
    uint64_t now_ = 0;
    std::vector<uint64_t> times_;
    std::vector<uint32_t> bounds_[kGranularityCount];
    std::vector<bool> internal_stack_;  // the call stack's internal flags, bottom first
    uint32_t user_frames_ = 0;          // how many of them are not internal
};

// The cursor (number of events applied) and the play state. The cursor is
// clamped to the trace; while the program still runs and the learner has not
// moved the cursor, it follows the end (live).
class Playback {
public:
    // Speeds in events per second; index 4 (8/s) is the default.
    static constexpr float kSpeeds[] = {1, 2, 4, 6, 8, 12, 20, 40, 100, 250, 1000, 5000};
    static constexpr int kSpeedCount = int(sizeof(kSpeeds) / sizeof(kSpeeds[0]));

    void reset(bool live);
    // Picks up events appended to `trace` since the last call.
    void update(const trace::Trace& trace);

    size_t cursor() const { return cursor_; }
    size_t size() const { return size_; }
    bool live() const { return live_; }
    bool playing() const { return playing_; }
    int speed_index() const { return speed_; }
    float speed() const { return kSpeeds[speed_]; }
    const StepIndex& index() const { return index_; }

    void seek(size_t cursor);
    void step(Granularity g, int direction);  // direction +1 forward, -1 back
    void first() { seek(0); }
    void last() { seek(size_); }
    void toggle_play();
    void pause() { playing_ = false; }
    void faster() { speed_ = std::min(speed_ + 1, kSpeedCount - 1); }
    void slower() { speed_ = std::max(speed_ - 1, 0); }
    void set_speed_index(int i) { speed_ = std::clamp(i, 0, kSpeedCount - 1); }
    // Forward to the next time `line` of the main script starts executing
    // (wrapping to the start); false if it never runs.
    bool run_to_line(const trace::Trace& trace, uint32_t line);
    // Advances play by `seconds` of wall time; true if the cursor moved.
    bool tick(double seconds);
    // After a re-run: the same cursor once the trace is long enough.
    void restore_cursor(size_t cursor);

private:
    size_t next_visible(size_t cursor) const;
    size_t prev_visible(size_t cursor) const;

    const trace::Trace* trace_ = nullptr;
    StepIndex index_;
    size_t cursor_ = 0;
    size_t size_ = 0;
    size_t pending_cursor_ = SIZE_MAX;  // restore_cursor's target while the trace grows
    bool live_ = true;
    bool playing_ = false;
    int speed_ = 4;
    double play_debt_ = 0;  // fractional events owed to play
};

// The transport bar: step buttons at each granularity, play/pause, speed,
// the step counter. Every button has a tooltip naming its key.
void draw_transport(const Playback& playback, const Appearance& look, Controller& controller);

}  // namespace looplab::ui
