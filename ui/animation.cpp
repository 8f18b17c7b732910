#include "ui/animation.h"

namespace looplab::ui {
namespace {

using trace::QueueKind;
using trace::Rule;

void place_jobs(Placements& out, const std::deque<trace::PoolJob>& jobs, Place place) {
    for (const trace::PoolJob& job : jobs) out[job.item] = Placement{place};
}

}  // namespace

// The rule of the last event says why items vanished. When a multi-event
// step ends in a clear, everything that vanished in it fades: the fold keeps
// no record of which item ran, and a fade never claims a wrong destination.
bool removes_without_running(const trace::ViewState& later) {
    return later.rule == Rule::TimerCleared || later.rule == Rule::ImmediateCleared || later.finished;
}

Placements placements_of(const trace::ViewState& view) {
    Placements out;
    for (size_t q = 0; q < trace::kQueueCount; ++q) {
        const Place place = Place::queue(static_cast<QueueKind>(q));
        for (const trace::QueueEntry& e : view.queues[q]) out[e.item] = Placement{place};
    }
    place_jobs(out, view.pool.waiting, Place::pool_waiting());
    for (uint32_t t = 0; t < view.pool.threads.size(); ++t) {
        const trace::PoolJob& job = view.pool.threads[t];
        if (job.item != 0) out[job.item] = Placement{Place::pool_thread(t)};
    }
    place_jobs(out, view.pool.completed, Place::poll_queue());
    out.erase(0);  // item 0 means "none" in the trace
    return out;
}

std::vector<Motion> derive_motions(const Placements& before, const Placements& after, bool backward,
                                   bool later_removes) {
    // Forward, a vanished item ran or was cleared; backward, an appearing
    // item is that same step undone, so it comes back from the same place.
    const Place elsewhere = later_removes ? Place{} : Place::stack();
    std::vector<Motion> out;
    auto b = before.begin();
    auto a = after.begin();
    // A merge of the two ordered maps: one pass, item order.
    while (b != before.end() || a != after.end()) {
        if (a == after.end() || (b != before.end() && b->first < a->first)) {
            out.push_back({b->first, b->second.place,
                           backward ? Place::stack() : elsewhere});
            ++b;
        } else if (b == before.end() || a->first < b->first) {
            out.push_back({a->first, backward ? elsewhere : Place::stack(),
                           a->second.place});
            ++a;
        } else {
            if (!(a->second.place == b->second.place)) {
                out.push_back({a->first, b->second.place, a->second.place});
            }
            ++a;
            ++b;
        }
    }
    return out;
}

std::vector<Motion> derive_motions(const trace::ViewState& before, const trace::ViewState& after) {
    // The queues panels show another thread now: its tokens did not move.
    if (before.isolate != after.isolate) return {};
    const bool backward = after.cursor < before.cursor;
    return derive_motions(placements_of(before), placements_of(after), backward,
                          removes_without_running(backward ? before : after));
}

}  // namespace looplab::ui
