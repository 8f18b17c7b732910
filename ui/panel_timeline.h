// The timeline: Gantt lanes per thread over virtual time, like a profiler's.
// Each isolate's thread has a band row (the event-loop phases) and a row of
// callbacks coloured by the queue they came from; each thread-pool thread
// has a row of jobs. Zoom with the wheel, pan by dragging with the right or
// middle button, click or drag with the left button to seek.
//
// TimelineModel (no ImGui) turns the append-only trace into sorted slices,
// reading only the events added since the last frame. The panel culls with
// a binary search for the visible range and folds everything narrower than
// kFoldPx into one merged item, so a million events draw as a few hundred
// rectangles (Tracy's approach).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/trace/trace.h"
#include "ui/panel.h"

namespace looplab::ui {

class Controller;
class Playback;

// What a slice is: a callback from one of the queues, the main script, an
// I/O callback poll delivered, other Node-invoked code, a phase band, or
// thread-pool work.
// A call nested inside a callback, and a microtask checkpoint (Node's
// processTicksAndRejections / runMicrotasks draining the queues).
enum class SliceKind : uint8_t {
    NextTick, Microtask, Timer, Immediate, Pending, Close, Main, Io, Other, Phase, Pool, Call, Drain
};

struct Slice {
    uint64_t t0 = 0;
    uint64_t t1 = UINT64_MAX;  // UINT64_MAX: still open at the end of the trace
    uint32_t event = 0;        // the event that opened it (seek target: event + 1)
    uint32_t label = 0;        // trace string id; for phase bands the Phase value
    uint32_t line = 0;         // the callback's source line, 0 if unknown
    SliceKind kind = SliceKind::Other;
};

struct Row {
    std::vector<Slice> slices;  // by t0; they never overlap, so t1 is sorted too
};

// Below a thread's callbacks, the calls they make, one row per depth; the
// deepest are not drawn (a deep recursion would need thousands of rows).
inline constexpr size_t kMaxNestedRows = 6;

struct Lane {
    std::string name;  // "main thread", "worker 2", "pool thread 1"
    bool pool = false;
    uint16_t isolate = 0;  // thread lanes: whose
    Row phases;     // thread lanes only
    Row callbacks;  // thread lanes: callbacks and microtask checkpoints; pool lanes: jobs
    std::vector<Row> nested;  // thread lanes: nested[d] = calls at depth d + 1 below a callback
};

class TimelineModel {
public:
    void update(const trace::Trace& trace);
    void clear() { *this = TimelineModel{}; }

    const std::vector<Lane>& lanes() const { return lanes_; }
    uint64_t end_ns() const { return now_; }
    size_t processed() const { return processed_; }

private:
    // A frame on a thread's stack, and the slice it drew (row: -1 none,
    // 0 the callbacks row, d the nested row d - 1).
    struct OpenFrame {
        bool internal = false;
        int row = -1;
        int slice = -1;
    };
    struct ThreadState {
        size_t lane = 0;
        std::vector<OpenFrame> internal_stack{};
        uint32_t user_frames = 0;
        int open_callback = -1;  // index into lanes_[lane].callbacks.slices
        int open_phase = -1;
        int callback_depth = 0;  // stack depth at which the open callback was pushed
        SliceKind next_kind = SliceKind::Other;  // set by a Dequeue, used by the next callback
        trace::Phase phase = trace::Phase::None;
    };
    ThreadState& thread(uint16_t isolate);
    Lane& pool_lane(uint32_t thread);
    void push_frame(ThreadState& t, const trace::Event& e, size_t index);
    void pop_frame(ThreadState& t);

    const trace::Trace* trace_ = nullptr;
    size_t processed_ = 0;
    uint64_t now_ = 0;
    std::vector<Lane> lanes_;
    std::vector<ThreadState> threads_;   // by isolate number
    std::vector<int> pool_lanes_;        // pool thread -> lane index, -1 none yet
    std::vector<std::pair<uint32_t, int>> open_jobs_;  // (item, slice index) per pool thread
};

class TimelinePanel final : public Panel {
public:
    static constexpr float kFoldPx = 3.0f;

    TimelinePanel() : Panel("Timeline") {}

    // The frame's trace, cursor and command sink; call before draw().
    void set_frame(const trace::Trace* trace, const Playback* playback, Controller* controller);
    // Headless benchmarks drive the view directly.
    void zoom_to(uint64_t t0, uint64_t t1);
    void fit() { fit_ = true; }
    const TimelineModel& model() const { return model_; }
    // The tile height that shows every lane without scrolling.
    float wanted_height(const Appearance& look) const;
    // Rectangles drawn in the last frame (after culling and folding).
    size_t drawn_items() const { return drawn_; }

protected:
    std::string subtitle(const PanelContext& ctx) const override;
    void draw_body(const PanelContext& ctx) override;

private:
    struct Frame;
    void draw_ruler(const PanelContext& ctx, const Frame& f);
    void draw_row(const PanelContext& ctx, const Frame& f, const Row& row, float y, float h, bool phases);
    void draw_lane_labels(const PanelContext& ctx, const Frame& f, float left, float bottom);
    std::string lane_title(const Lane& lane) const;
    size_t nested_rows_that_fit(const Frame& f, float avail) const;
    void handle_input(const Frame& f, bool hovered);
    void follow_cursor(uint64_t cursor_ns);

    const trace::Trace* trace_ = nullptr;
    const Playback* playback_ = nullptr;
    Controller* controller_ = nullptr;
    TimelineModel model_;
    // The visible range in virtual ns; fit_ keeps it at the whole trace.
    double view_t0_ = 0;
    double view_t1_ = 1;
    bool fit_ = true;
    size_t last_cursor_ = SIZE_MAX;
    bool scrubbing_ = false;
    size_t drawn_ = 0;
    std::string hover_text_;
};

}  // namespace looplab::ui
