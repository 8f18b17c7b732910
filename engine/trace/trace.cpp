#include "engine/trace/trace.h"

#include <algorithm>

namespace looplab::trace {

Trace::Trace() {
    strings_.emplace_back();
    string_ids_.emplace(std::string(), 0);
    items_.emplace_back();
}

uint32_t Trace::intern(std::string_view text) {
    auto it = string_ids_.find(text);
    if (it != string_ids_.end()) return it->second;
    const auto id = static_cast<uint32_t>(strings_.size());
    strings_.emplace_back(text);
    string_ids_.emplace(std::string(text), id);
    return id;
}

uint32_t Trace::add_item(const Item& item) {
    items_.push_back(item);
    return static_cast<uint32_t>(items_.size() - 1);
}

void Trace::grow() {
    // Grow 4x, starting at 256k events (4 MiB): a reserved but unwritten tail
    // costs address space, not memory, while every doubling of a long trace
    // copies it and faults in fresh pages.
    events_.reserve(std::max<size_t>(size_t(1) << 18, events_.capacity() * 4));
}

void Trace::time_jump(uint64_t now_ns, uint16_t isolate) {
    // The gap does not fit the 32-bit delta: say the absolute time once.
    events_.push_back(Event{EventKind::TimeJump, 0, isolate, uint32_t(now_ns), uint32_t(now_ns >> 32), 0});
}

size_t Trace::memory_bytes() const {
    size_t bytes = events_.capacity() * sizeof(Event) + items_.capacity() * sizeof(Item);
    for (const std::string& s : strings_) bytes += s.capacity() + sizeof(std::string);
    return bytes;
}

std::vector<uint64_t> event_times(const Trace& trace) {
    std::vector<uint64_t> times;
    times.reserve(trace.size());
    uint64_t now = 0;
    for (const Event& e : trace.events()) {
        now = advance_time(now, e);
        times.push_back(now);
    }
    return times;
}

}  // namespace looplab::trace
