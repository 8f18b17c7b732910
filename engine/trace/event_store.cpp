#include "engine/trace/event_store.h"

#include <algorithm>

namespace looplab::trace {

void EventStore::start_run(uint16_t isolate) {
    // A run that holds no event yet just changes its isolate (and merges
    // into the run before it when that one has the same isolate).
    if (runs_.back().first == records_.size()) {
        runs_.back().isolate = isolate;
        if (runs_.size() > 1 && runs_[runs_.size() - 2].isolate == isolate) runs_.pop_back();
        return;
    }
    runs_.push_back({records_.size(), isolate});
}

size_t EventStore::run_of(size_t i) const {
    if (runs_.size() == 1) return 0;
    auto after = std::upper_bound(runs_.begin(), runs_.end(), i,
                                  [](size_t index, const IsolateRun& run) { return index < run.first; });
    return size_t(after - runs_.begin()) - 1;
}

Event EventStore::at(size_t i) const {
    const PackedEvent& r = records_[i];
    uint32_t escaped_dt = 0;
    if ((r.head >> kDtShift) == kDtEscape) escaped_dt = escapes_[escape_from(i)].dt_ns;
    return decode(r, runs_[run_of(i)].isolate, escaped_dt);
}

EventView::iterator::iterator(const EventStore* store, size_t index)
    : store_(store), index_(index), run_(store->run_of(index)), escape_(store->escape_from(index)) {}

}  // namespace looplab::trace
