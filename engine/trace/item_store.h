// How the trace stores its queue items: 8 bytes each (label; line and
// queue), since most items are a callback queued with no timer data and a
// sequence number equal to their id. A timer's due time sits in a sparse
// table; the rare item that fits neither (a seq of its own, a line past 24
// bits, a due time past 32 bits) in another. docs/trace-format.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>

#include "engine/trace/chunked_vector.h"
#include "engine/trace/event.h"

namespace looplab::trace {

// One thing that waits in a queue: a nextTick callback, a promise job, a
// timer arming, an immediate. A re-armed interval is a new item.
struct Item {
    QueueKind queue = QueueKind::NextTick;
    uint32_t label = 0;   // string id: callback name as the UI shows it ("tick", "<anonymous>")
    uint32_t line = 0;    // 1-based source line of the callback, 0 if unknown
    uint64_t due_ms = 0;  // timers: due time in loop milliseconds
    uint64_t seq = 0;     // the engine's tie-break sequence number for this queue
};

class ItemStore {
public:
    // tail = line << 8 | flags | queue.
    struct PackedItem {
        uint32_t label;
        uint32_t tail;
    };
    static_assert(sizeof(PackedItem) == 8, "stored trace items must stay 8 bytes");
    static constexpr uint32_t kQueueMask = 0x0F;
    static constexpr uint32_t kHasDue = 0x40;  // due_ms is in dues_
    static constexpr uint32_t kWide = 0x80;    // line, due_ms and seq are in wide_
    static constexpr unsigned kLineShift = 8;
    static constexpr uint32_t kMaxPackedLine = (1u << (32 - kLineShift)) - 1;
    static_assert(kQueueCount <= kQueueMask + 1, "QueueKind no longer fits its bits in PackedItem");

    // Appends the item as id size(); returns the id.
    uint32_t add(const Item& item);
    Item at(uint32_t id) const;
    size_t size() const { return packed_.size(); }
    size_t memory_bytes() const { return packed_.memory_bytes() + dues_.memory_bytes() + wide_.memory_bytes(); }
    size_t due_count() const { return dues_.size(); }
    size_t wide_count() const { return wide_.size(); }

private:
    struct Due {
        uint32_t id;
        uint32_t due_ms;
    };
    struct Wide {
        uint32_t id;
        uint32_t line;
        uint64_t due_ms;
        uint64_t seq;
    };
    ChunkedVector<PackedItem> packed_;  // index = item id
    ChunkedVector<Due, 10> dues_;       // ascending id
    ChunkedVector<Wide, 8> wide_;       // ascending id
};

// What Trace::items() returns: the items as decoded values.
class ItemView {
public:
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using iterator_concept = std::forward_iterator_tag;
        using value_type = Item;
        using difference_type = std::ptrdiff_t;
        using reference = Item;
        using pointer = void;

        iterator() = default;
        iterator(const ItemStore* store, uint32_t id) : store_(store), id_(id) {}
        Item operator*() const { return store_->at(id_); }
        iterator& operator++() {
            id_++;
            return *this;
        }
        iterator operator++(int) {
            iterator before = *this;
            id_++;
            return before;
        }
        bool operator==(const iterator& o) const { return id_ == o.id_; }

    private:
        const ItemStore* store_ = nullptr;
        uint32_t id_ = 0;
    };

    explicit ItemView(const ItemStore& store) : store_(&store) {}
    size_t size() const { return store_->size(); }
    bool empty() const { return store_->size() == 0; }
    Item operator[](size_t id) const { return store_->at(uint32_t(id)); }
    iterator begin() const { return iterator(store_, 0); }
    iterator end() const { return iterator(store_, uint32_t(store_->size())); }

private:
    const ItemStore* store_;
};

}  // namespace looplab::trace
