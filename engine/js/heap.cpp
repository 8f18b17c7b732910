#include "engine/js/heap.h"

#include <algorithm>

namespace looplab::js {

Heap::~Heap() {
    GcCell* cell = cells_;
    while (cell != nullptr) {
        GcCell* next = cell->gc_next;
        delete cell;
        cell = next;
    }
}

void Heap::link(GcCell* cell) {
    cell->gc_next = cells_;
    cells_ = cell;
    size_t bytes = cell->byte_size();
    live_bytes_ += bytes;
    allocated_since_gc_ += bytes;
    ++live_cells_;
}

size_t Heap::add_root_source(RootSource source) {
    root_sources_.push_back(std::move(source));
    return root_sources_.size() - 1;
}

void Heap::remove_root_source(size_t handle) {
    if (handle < root_sources_.size()) root_sources_[handle] = nullptr;
}

void Heap::collect() {
    Tracer tracer;
    for (auto& source : root_sources_) {
        if (source) source(tracer);
    }
    tracer.drain();

    size_t bytes = 0;
    size_t cells = 0;
    GcCell** link_to = &cells_;
    while (GcCell* cell = *link_to) {
        if (cell->gc_marked) {
            cell->gc_marked = false;
            bytes += cell->byte_size();
            ++cells;
            link_to = &cell->gc_next;
        } else {
            *link_to = cell->gc_next;
            delete cell;
        }
    }
    live_bytes_ = bytes;
    live_cells_ = cells;
    allocated_since_gc_ = 0;
    // Grow the budget with the live set so collection cost stays linear.
    next_gc_budget_ = std::max<size_t>(8 << 20, bytes);
    ++collections_;
}

}  // namespace looplab::js
