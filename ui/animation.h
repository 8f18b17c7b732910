// Where each queued callback is, and how it moved between two cursors. The
// animation is derived from two folds of the trace (the ViewState before and
// after a step), keyed by the trace item id, and is never the source of
// truth: the panels always draw the fold; the flying tokens are decoration.
// Stepping backwards swaps the two folds, so every motion plays in reverse.
//
// No ImGui here: the derivation is plain data so a unit test can check it
// without a GL context. ui/token.* plays the motions on screen.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/trace/view_state.h"

namespace looplab::ui {

// A place a token can be drawn at. Stack is the call stack panel's top
// frame: where queued work runs and where new work comes from.
enum class PlaceKind : uint8_t { None, Queue, Stack, PoolWaiting, PoolThread, PollQueue };

struct Place {
    PlaceKind kind = PlaceKind::None;
    uint32_t index = 0;  // Queue: the QueueKind; PoolThread: the thread number

    static Place queue(trace::QueueKind q) { return {PlaceKind::Queue, uint32_t(q)}; }
    static Place stack() { return {PlaceKind::Stack, 0}; }
    static Place pool_waiting() { return {PlaceKind::PoolWaiting, 0}; }
    static Place pool_thread(uint32_t t) { return {PlaceKind::PoolThread, t}; }
    static Place poll_queue() { return {PlaceKind::PollQueue, 0}; }
    friend bool operator==(const Place&, const Place&) = default;
};

// Where one item sits in a ViewState (what its token shows is the trace's:
// trace::item_label).
struct Placement {
    Place place;
};
// Ordered by item id so every derivation is deterministic.
using Placements = std::map<uint32_t, Placement>;

// One token's journey for one step.
struct Motion {
    uint32_t item = 0;
    Place from;  // None: it fades in (e.g. a cleared timer, stepping back)
    Place to;    // None: it fades out (cleared, or dropped when the process exited)
};

// Every queued item in the view: the queues, the pool's lanes and waiting
// queue, and finished pool work waiting for poll.
Placements placements_of(const trace::ViewState& view);

// True when the step that led to `later` removed work without running it:
// a clearTimeout/clearImmediate, or the process exited with work queued.
bool removes_without_running(const trace::ViewState& later);

// The motions that take `before` to `after`. An item that appears came from
// the running code (the stack), one that disappears went to run (the stack),
// except when the later of the two states (the larger cursor) removed it
// without running it: then it fades. So a backward step is exactly the
// forward step reversed.
std::vector<Motion> derive_motions(const Placements& before, const Placements& after, bool backward,
                                   bool later_removes);
std::vector<Motion> derive_motions(const trace::ViewState& before, const trace::ViewState& after);

}  // namespace looplab::ui
