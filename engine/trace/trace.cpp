#include "engine/trace/trace.h"

#include <algorithm>

#include <sys/mman.h>

namespace looplab::trace {

Trace::Trace() {
    string_slots_.assign(16, 0);
    intern("");
    items_.add(Item{});
}

namespace {

size_t string_hash(std::string_view text) { return std::hash<std::string_view>{}(text); }

}  // namespace

uint32_t Trace::intern(std::string_view text) {
    const size_t mask = string_slots_.size() - 1;
    size_t slot = string_hash(text) & mask;
    for (; string_slots_[slot] != 0; slot = (slot + 1) & mask) {
        const uint32_t id = string_slots_[slot] - 1;
        if (strings_[id] == text) return id;
    }
    const auto id = static_cast<uint32_t>(strings_.size());
    strings_.emplace_back(text);
    string_slots_[slot] = id + 1;
    if (strings_.size() * 2 > string_slots_.size()) grow_string_slots();
    return id;
}

void Trace::grow_string_slots() {
    std::vector<uint32_t> slots(string_slots_.size() * 2, 0);
    const size_t mask = slots.size() - 1;
    for (uint32_t id = 0; id < strings_.size(); id++) {
        size_t slot = string_hash(strings_[id]) & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = id + 1;
    }
    string_slots_ = std::move(slots);
}

namespace {

// Large event vectors are backed by transparent huge pages where the kernel
// offers them on request (THP "madvise" mode): one fault per 2 MiB instead
// of per 4 KiB, which was a third of `looplab trace`'s time for 2M events.
void advise_huge_pages(const void* data, size_t bytes) {
#ifdef MADV_HUGEPAGE
    constexpr uintptr_t kHuge = uintptr_t(2) << 20;
    const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
    const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHuge - 1);
    if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // advice only: failure is harmless
#else
    (void)data, (void)bytes;
#endif
}

}  // namespace

bool Trace::grow() {
    // A limited trace (every recorded run) reserves its whole limit at once:
    // the unwritten tail is address space, not memory, and growing in steps
    // copied the events and faulted in fresh pages each time. Unlimited
    // traces grow 4x from 256k events (4 MiB). Never past the limit's slack.
    constexpr size_t kFirst = size_t(1) << 18;
    constexpr size_t kMostAtOnce = size_t(1) << 25;  // 32M events, 384 MiB of address space
    const size_t most = event_limit_ > SIZE_MAX - kLimitSlack ? SIZE_MAX / sizeof(PackedEvent) : event_limit_ + kLimitSlack;
    if (events_.capacity() >= most) return false;
    size_t want = std::max(kFirst, events_.capacity() * 4);
    if (event_limit_ != SIZE_MAX) want = std::max(want, std::min(most, kMostAtOnce));
    events_.reserve(std::min(most, want));
    if (events_.capacity() * sizeof(PackedEvent) >= (size_t(4) << 20)) {
        advise_huge_pages(events_.data(), events_.capacity() * sizeof(PackedEvent));
    }
    return true;
}

std::string Trace::limit_message() const {
    return "trace limit of " + std::to_string(event_limit_) + " events reached (use --max-trace-events)";
}

void Trace::time_jump(uint64_t now_ns, uint16_t isolate) {
    // The gap does not fit the 32-bit delta: say the absolute time once.
    events_.push(EventKind::TimeJump, Rule::None, isolate, uint32_t(now_ns), uint32_t(now_ns >> 32), 0);
}

namespace {

// A string's heap block (none when the text fits the small-string buffer
// inside the object, which its container already counts).
size_t heap_bytes(const std::string& s) {
    const size_t inline_capacity = std::string().capacity();
    return s.capacity() > inline_capacity ? s.capacity() + 1 : 0;
}

}  // namespace

Trace::MemoryUse Trace::memory_use() const {
    MemoryUse use;
    use.events = events_.record_bytes();
    use.event_tables = events_.side_bytes();
    use.reserved = events_.capacity() * sizeof(PackedEvent);
    // The table of strings (allocated capacity), each one's heap block, and
    // the look-up slots.
    use.strings = strings_.capacity() * sizeof(std::string) + string_slots_.capacity() * sizeof(uint32_t);
    for (const std::string& s : strings_) use.strings += heap_bytes(s);
    use.items = items_.memory_bytes();
    use.files = files_.capacity() * sizeof(SourceFile);
    for (const SourceFile& f : files_) use.files += heap_bytes(f.path) + heap_bytes(f.text);
    use.isolates = isolate_table_.capacity() * sizeof(IsolateInfo);
    for (const IsolateInfo& info : isolate_table_) use.isolates += heap_bytes(info.name);
    return use;
}

void Trace::set_isolate(IsolateInfo info) {
    auto it = std::lower_bound(isolate_table_.begin(), isolate_table_.end(), info.id,
                               [](const IsolateInfo& x, uint32_t id) { return x.id < id; });
    if (it != isolate_table_.end() && it->id == info.id) *it = std::move(info);
    else isolate_table_.insert(it, std::move(info));
}

const IsolateInfo* Trace::isolate_info(uint32_t id) const {
    auto it = std::lower_bound(isolate_table_.begin(), isolate_table_.end(), id,
                               [](const IsolateInfo& x, uint32_t i) { return x.id < i; });
    return it != isolate_table_.end() && it->id == id ? &*it : nullptr;
}

std::string Trace::isolate_name(uint32_t id) const {
    const IsolateInfo* info = isolate_info(id);
    return info != nullptr ? info->name : fallback_isolate_name(id);
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
