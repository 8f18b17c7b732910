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
// Folds from the initial state up to `cursor` events (clamped to the trace).
ViewState fold_to(const Trace& trace, size_t cursor);

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

private:
    const Trace& trace_;
    size_t interval_;
    std::vector<ViewState> checkpoints_;  // checkpoints_[i].cursor == i * interval_
};

}  // namespace looplab::trace
