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

bool Trace::grow() {
    // Grow 4x, starting at 256k events (4 MiB): a reserved but unwritten tail
    // costs address space, not memory, while every doubling of a long trace
    // copies it and faults in fresh pages. Never past the limit's slack.
    const size_t most = event_limit_ > SIZE_MAX - kLimitSlack ? SIZE_MAX / sizeof(Event) : event_limit_ + kLimitSlack;
    if (events_.capacity() >= most) return false;
    events_.reserve(std::min(most, std::max<size_t>(size_t(1) << 18, events_.capacity() * 4)));
    return true;
}

std::string Trace::limit_message() const {
    return "trace limit of " + std::to_string(event_limit_) + " events reached (use --max-trace-events)";
}

void Trace::time_jump(uint64_t now_ns, uint16_t isolate) {
    // The gap does not fit the 32-bit delta: say the absolute time once.
    events_.push_back(Event{EventKind::TimeJump, 0, isolate, uint32_t(now_ns), uint32_t(now_ns >> 32), 0});
}

namespace {

// A string's bytes: its object plus a heap block unless the text fits the
// small-string buffer inside the object.
size_t string_bytes(const std::string& s) {
    const size_t inline_capacity = std::string().capacity();
    return sizeof(std::string) + (s.capacity() > inline_capacity ? s.capacity() + 1 : 0);
}

}  // namespace

Trace::MemoryUse Trace::memory_use() const {
    MemoryUse use;
    use.events = events_.size() * sizeof(Event);
    use.reserved = events_.capacity() * sizeof(Event);
    // Each string once in the table and once as the look-up key, plus a
    // hash node (a pointer and the cached hash) per key.
    for (const std::string& s : strings_) use.strings += 2 * string_bytes(s) + 2 * sizeof(void*);
    use.strings += string_ids_.bucket_count() * sizeof(void*);
    use.items = items_.capacity() * sizeof(Item);
    for (const SourceFile& f : files_) use.files += string_bytes(f.path) + string_bytes(f.text);
    return use;
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
