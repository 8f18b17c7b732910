// The ViewState as a fold of the trace (DESIGN.md "event-sourced"): apply
// events one by one from the initial state; seek = nearest checkpoint +
// the events after it.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/trace/trace.h"
#include "engine/trace/view_state.h"

namespace looplab::trace {

// The state before any event: file path and source of the main script.
ViewState initial_view(const Trace& trace);
// Applies trace.events()[state.cursor] and advances the cursor.
void apply_next(const Trace& trace, ViewState& state);
// Folds from the initial state up to `cursor` events (clamped to the trace),
// running pool jobs with their expected ends (PoolSchedule).
ViewState fold_to(const Trace& trace, size_t cursor);

// Makes `isolate` the one whose stack, queues, phase and line ViewState's
// own fields describe (the others are parked). The fold focuses on the
// isolate of each event; the UI may focus on another to inspect it.
void focus_isolate(ViewState& state, uint32_t isolate);

// The stack, phase and line of any isolate at this fold, focused or parked
// (stack is null for an isolate the fold has not seen).
struct IsolateRuntime {
    const std::vector<StackFrame>* stack = nullptr;
    Phase phase = Phase::None;
    uint32_t line = 0;
};
IsolateRuntime isolate_runtime(const ViewState& state, uint32_t isolate);

// The thread pool of process `process` (an index into state.processes),
// focused or parked; an empty pool for an unknown index.
const PoolView& process_pool(const ViewState& state, uint32_t process);

// When each pool job finishes, from the PoolFinished events recorded so far:
// the engine knows a job's end when it starts (virtual time), so a running
// job's lane can show its progress. The fold itself only sees the past;
// fill() adds the expected ends to a folded state. Incremental: update()
// reads only the events appended since the last call.
class PoolSchedule {
public:
    void update(const Trace& trace);
    void fill(ViewState& state) const;

private:
    size_t scanned_ = 0;
    uint64_t time_ns_ = 0;
    std::vector<uint64_t> finish_ns_;  // by item id, 0 = not finished in the trace so far
};

// Seeks in O(K) events by keeping a checkpoint of the fold every K events.
// Checkpoints are taken lazily as far as the furthest seek so far, so a
// trace that is still growing can be seeked too (call seek again after
// appending). The Trace must outlive the Seeker.
class Seeker {
public:
    explicit Seeker(const Trace& trace, size_t interval = 4096);
    ViewState seek(size_t cursor);
    size_t interval() const { return interval_; }
    size_t checkpoint_count() const { return checkpoints_.size(); }
    // Bytes the checkpoints hold (`looplab trace --stats`): each one's own
    // vectors, and every chunk the checkpoints share counted once.
    size_t checkpoint_bytes() const;

private:
    const Trace& trace_;
    size_t interval_;
    std::vector<ViewState> checkpoints_;  // checkpoints_[i].cursor == i * interval_
    PoolSchedule schedule_;
};

}  // namespace looplab::trace
