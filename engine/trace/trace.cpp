#include "engine/trace/trace.h"

#include <algorithm>

#include <sys/mman.h>

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
    constexpr size_t kMostAtOnce = size_t(1) << 25;  // 32M events, 512 MiB of address space
    const size_t most = event_limit_ > SIZE_MAX - kLimitSlack ? SIZE_MAX / sizeof(Event) : event_limit_ + kLimitSlack;
    if (events_.capacity() >= most) return false;
    size_t want = std::max(kFirst, events_.capacity() * 4);
    if (event_limit_ != SIZE_MAX) want = std::max(want, std::min(most, kMostAtOnce));
    events_.reserve(std::min(most, want));
    if (events_.capacity() * sizeof(Event) >= (size_t(4) << 20)) {
        advise_huge_pages(events_.data(), events_.capacity() * sizeof(Event));
    }
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
