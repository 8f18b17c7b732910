// How the trace stores its events: 12 bytes each instead of the 16 of the
// decoded `Event`. The first word packs kind, rule and the time delta; a
// delta too large for its bits is kept in a sparse table, and the isolate
// number (which changes rarely) in a table of runs. Readers see decoded
// `Event` values through EventView. docs/trace-format.md, "In memory".
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

#include "engine/trace/chunked_vector.h"
#include "engine/trace/event.h"
#include "engine/trace/rules.h"

namespace looplab::trace {

// One stored event: head = kind | rule << kRuleShift | dt << kDtShift.
struct PackedEvent {
    uint32_t head;
    uint32_t a;
    uint32_t b;
};
static_assert(sizeof(PackedEvent) == 12, "stored trace events must stay 12 bytes");

inline constexpr unsigned kKindBits = 5;
inline constexpr unsigned kRuleBits = 7;
inline constexpr unsigned kRuleShift = kKindBits;
inline constexpr unsigned kDtShift = kKindBits + kRuleBits;
inline constexpr uint32_t kKindMask = (1u << kKindBits) - 1;
inline constexpr uint32_t kRuleMask = (1u << kRuleBits) - 1;
// The largest dt field value, which means "look in the escape table".
inline constexpr uint32_t kDtEscape = (1u << (32 - kDtShift)) - 1;
static_assert(kEventKindCount <= (size_t(1) << kKindBits), "EventKind no longer fits its bits in PackedEvent");
static_assert(kRuleCount <= (size_t(1) << kRuleBits), "Rule no longer fits its bits in PackedEvent");

class EventStore {
public:
    // A delta of at least kDtEscape ns: the event's index and its real delta.
    struct DtEscape {
        size_t index;
        uint32_t dt_ns;
    };
    // From event `first` on (until the next run), events belong to `isolate`.
    struct IsolateRun {
        size_t first;
        uint16_t isolate;
    };

    EventStore() { runs_.push_back({0, 0}); }

    void push(EventKind kind, Rule rule, uint16_t isolate, uint32_t a, uint32_t b, uint32_t dt_ns) {
        if (isolate != runs_.back().isolate) start_run(isolate);
        uint32_t dt_field = dt_ns;
        if (dt_ns >= kDtEscape) {
            escapes_.push_back({records_.size(), dt_ns});
            dt_field = kDtEscape;
        }
        records_.push_back({uint32_t(kind) | uint32_t(rule) << kRuleShift | dt_field << kDtShift, a, b});
    }

    size_t size() const { return records_.size(); }
    size_t capacity() const { return records_.capacity(); }
    void reserve(size_t n) { records_.reserve(n); }
    const PackedEvent* data() const { return records_.data(); }

    // Decodes event i: O(1) unless its delta is escaped or the trace holds
    // several isolates (a binary search each).
    Event at(size_t i) const;
    // Position of the run that holds event i.
    size_t run_of(size_t i) const;
    // Position of the first escape at or after event i.
    size_t escape_from(size_t i) const { return escapes_.lower_bound(i, [](const DtEscape& e) { return e.index; }); }

    const PackedEvent& record(size_t i) const { return records_[i]; }
    const DtEscape& escape(size_t k) const { return escapes_[k]; }
    const std::vector<IsolateRun>& runs() const { return runs_; }

    // Bytes of written events and of both side tables.
    size_t record_bytes() const { return records_.size() * sizeof(PackedEvent); }
    size_t side_bytes() const { return escapes_.memory_bytes() + runs_.capacity() * sizeof(IsolateRun); }
    size_t escape_count() const { return escapes_.size(); }

private:
    void start_run(uint16_t isolate);

    std::vector<PackedEvent> records_;
    ChunkedVector<DtEscape, 10> escapes_;  // ascending index
    std::vector<IsolateRun> runs_;         // ascending first; runs_[0].first == 0
};

inline Event decode(const PackedEvent& r, uint16_t isolate, uint32_t escaped_dt) {
    const uint32_t dt = r.head >> kDtShift;
    return Event{static_cast<EventKind>(r.head & kKindMask), static_cast<uint8_t>((r.head >> kRuleShift) & kRuleMask),
                 isolate, r.a, r.b, dt == kDtEscape ? escaped_dt : dt};
}

// What Trace::events() returns: the events as decoded values. Iterating
// walks the side tables alongside, so it costs no searches.
class EventView {
public:
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using iterator_concept = std::forward_iterator_tag;
        using value_type = Event;
        using difference_type = std::ptrdiff_t;
        using reference = Event;
        using pointer = void;

        iterator() = default;
        iterator(const EventStore* store, size_t index);
        Event operator*() const {
            const PackedEvent& r = store_->record(index_);
            const bool escaped = (r.head >> kDtShift) == kDtEscape;
            return decode(r, store_->runs()[run_].isolate, escaped ? store_->escape(escape_).dt_ns : 0);
        }
        iterator& operator++() {
            if ((store_->record(index_).head >> kDtShift) == kDtEscape) escape_++;
            index_++;
            const auto& runs = store_->runs();
            if (run_ + 1 < runs.size() && runs[run_ + 1].first == index_) run_++;
            return *this;
        }
        iterator operator++(int) {
            iterator before = *this;
            ++*this;
            return before;
        }
        bool operator==(const iterator& o) const { return index_ == o.index_; }
        size_t index() const { return index_; }

    private:
        const EventStore* store_ = nullptr;
        size_t index_ = 0;
        size_t run_ = 0;
        size_t escape_ = 0;
    };

    explicit EventView(const EventStore& store) : store_(&store) {}
    size_t size() const { return store_->size(); }
    bool empty() const { return store_->size() == 0; }
    Event operator[](size_t i) const { return store_->at(i); }
    Event front() const { return store_->at(0); }
    Event back() const { return store_->at(store_->size() - 1); }
    iterator begin() const { return iterator(store_, 0); }
    iterator end() const { return iterator(store_, store_->size()); }
    // An iterator positioned at event i (for walking from a cursor).
    iterator from(size_t i) const { return iterator(store_, i); }

private:
    const EventStore* store_;
};

}  // namespace looplab::trace
