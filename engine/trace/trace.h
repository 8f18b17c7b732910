// The append-only trace of one run: fixed-size events plus the side tables
// they point into (interned strings, queue items, source files). The
// engine appends; everything else reads. Events and items are stored packed
// (event_store.h, item_store.h) and read back as `Event` and `Item` values.
// See docs/trace-format.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/trace/event.h"
#include "engine/trace/event_store.h"
#include "engine/trace/item_store.h"
#include "engine/trace/isolate_table.h"
#include "engine/trace/rules.h"

namespace looplab::trace {

struct SourceFile {
    std::string path;
    std::string text;
};

struct TraceMeta {
    std::string script_path;
    std::string node_version;
    std::string cost_model_json;
    uint64_t seed = 0;
    bool steps_recorded = false;
};

class Trace {
public:
    Trace();

    // ---- appending (the engine) ----
    uint32_t intern(std::string_view text);
    uint32_t add_item(const Item& item) { return items_.add(item); }
    void add_file(std::string path, std::string text) { files_.push_back({std::move(path), std::move(text)}); }
    // Appends an event at absolute virtual time now_ns (never earlier than
    // the previous event's time).
    // Inline: the engine calls this for every statement and frame.
    void append(uint64_t now_ns, EventKind kind, Rule rule, uint32_t a = 0, uint32_t b = 0,
                uint16_t isolate = 0) {
        if (events_.size() + 2 > events_.capacity() && !grow()) {
            dropped_++;
            return;
        }
        if (now_ns < last_ns_) now_ns = last_ns_;  // virtual time never runs backwards
        uint64_t delta = now_ns - last_ns_;
        if (delta > 0xFFFFFFFFu) {
            time_jump(now_ns, isolate);
            delta = 0;
        }
        events_.push(kind, rule, isolate, a, b, uint32_t(delta));
        last_ns_ = now_ns;
    }
    TraceMeta& meta() { return meta_; }

    // ---- the size limit ----
    // The engine stops a run at its next safe point once full() (see
    // limit_message()); the events that end the run (closing frames, the
    // Limit and ProcessExit events) still fit in kLimitSlack more. Past that,
    // append() drops events and counts them, so memory stays bounded even if
    // no safe point comes. Default: no limit (merged traces, tests).
    static constexpr size_t kLimitSlack = size_t(1) << 16;
    void set_event_limit(size_t max_events) { event_limit_ = max_events; }
    size_t event_limit() const { return event_limit_; }
    bool full() const { return events_.size() >= event_limit_; }
    // "trace limit of N events reached (use --max-trace-events)"
    std::string limit_message() const;
    size_t dropped() const { return dropped_; }

    // ---- reading ----
    // Decoded `Event` values: index them, or iterate (cheapest).
    EventView events() const { return EventView(events_); }
    size_t size() const { return events_.size(); }
    const std::string& str(uint32_t id) const { return strings_[id]; }
    const std::vector<std::string>& strings() const { return strings_; }
    Item item(uint32_t id) const { return items_.at(id); }
    ItemView items() const { return ItemView(items_); }
    const std::vector<SourceFile>& files() const { return files_; }
    const TraceMeta& meta() const { return meta_; }

    // ---- the isolate table (isolate_table.h): which process each isolate is
    // Sets the entry of info.id (replacing an earlier one); kept sorted by id.
    void set_isolate(IsolateInfo info);
    const std::vector<IsolateInfo>& isolate_table() const { return isolate_table_; }
    // The entry of `id`, or null if the table does not list it.
    const IsolateInfo* isolate_info(uint32_t id) const;
    // Its name in the table, else fallback_isolate_name(id).
    std::string isolate_name(uint32_t id) const;
    uint64_t end_time_ns() const { return last_ns_; }
    // Bytes held by events and side tables (`looplab trace --stats`,
    // docs/perf.md), counting what is allocated, not just used. `events`
    // counts written events (12 bytes each); `event_tables` the escaped
    // deltas and isolate runs; `reserved` the event vector's capacity, whose
    // unwritten tail is address space, not memory.
    struct MemoryUse {
        size_t events = 0;
        size_t event_tables = 0;
        size_t reserved = 0;
        size_t strings = 0;
        size_t items = 0;
        size_t files = 0;
        size_t isolates = 0;
        size_t total() const { return events + event_tables + strings + items + files + isolates; }
    };
    MemoryUse memory_use() const;

private:
    bool grow();  // false: the limit's slack is used up
    void time_jump(uint64_t now_ns, uint16_t isolate);

    void grow_string_slots();

    EventStore events_;
    std::vector<std::string> strings_;  // id 0 = ""
    // Open-addressed index of strings_ for intern(): id + 1 per used slot,
    // 0 = empty; at most half full. Holds no copy of the text.
    std::vector<uint32_t> string_slots_;
    ItemStore items_;  // id 0 = none
    std::vector<SourceFile> files_;
    TraceMeta meta_;
    std::vector<IsolateInfo> isolate_table_;  // sorted by id
    uint64_t last_ns_ = 0;
    size_t event_limit_ = SIZE_MAX;
    size_t dropped_ = 0;
};

// Absolute virtual time of every event, reconstructed from the deltas.
std::vector<uint64_t> event_times(const Trace& trace);

// Applies one event to a running absolute time (the fold and the exporters
// share this so TimeJump is handled in one place).
inline uint64_t advance_time(uint64_t now_ns, const Event& e) {
    if (e.kind == EventKind::TimeJump) return uint64_t(e.a) | (uint64_t(e.b) << 32);
    return now_ns + e.dt_ns;
}

}  // namespace looplab::trace
