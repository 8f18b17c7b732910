#include "engine/trace/item_store.h"

#include <limits>

namespace looplab::trace {

uint32_t ItemStore::add(const Item& item) {
    const auto id = static_cast<uint32_t>(packed_.size());
    const uint32_t queue = uint32_t(item.queue) & kQueueMask;
    const bool fits = item.seq == id && item.line <= kMaxPackedLine &&
                      item.due_ms <= std::numeric_limits<uint32_t>::max();
    if (!fits) {
        wide_.push_back({id, item.line, item.due_ms, item.seq});
        packed_.push_back({item.label, kWide | queue});
        return id;
    }
    uint32_t flags = 0;
    if (item.due_ms != 0) {
        dues_.push_back({id, uint32_t(item.due_ms)});
        flags = kHasDue;
    }
    packed_.push_back({item.label, item.line << kLineShift | flags | queue});
    return id;
}

Item ItemStore::at(uint32_t id) const {
    const PackedItem& p = packed_[id];
    Item item;
    item.queue = static_cast<QueueKind>(p.tail & kQueueMask);
    item.label = p.label;
    if (p.tail & kWide) {
        const Wide& w = wide_[wide_.lower_bound(id, [](const Wide& x) { return x.id; })];
        item.line = w.line;
        item.due_ms = w.due_ms;
        item.seq = w.seq;
        return item;
    }
    item.line = p.tail >> kLineShift;
    item.seq = id;
    if (p.tail & kHasDue) item.due_ms = dues_[dues_.lower_bound(id, [](const Due& x) { return x.id; })].due_ms;
    return item;
}

}  // namespace looplab::trace
