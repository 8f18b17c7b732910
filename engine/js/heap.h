// The garbage-collected heap of one isolate: a mark-and-sweep collector over
// every cell the isolate allocated.
//
// Collection happens only at safe points that the VM chooses (between
// instructions, at the outermost run level), never inside a native
// function. That is why native code may hold raw Values in C++ locals: no
// collection can run underneath it. Roots are reported by root sources that
// each subsystem registers (globals, the VM's frames, job queues, timers...).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "engine/js/value.h"

namespace looplab::js {

class Tracer;

enum class CellKind : uint8_t {
    String,
    Symbol,
    BigInt,
    Object,    // JsObject and every subclass; JsObject::cls says which
    Internal,  // engine-private cells (environments, frames, reactions, ...)
};

struct GcCell {
    GcCell* gc_next = nullptr;
    CellKind cell_kind;
    bool gc_marked = false;

    explicit GcCell(CellKind kind) : cell_kind(kind) {}
    GcCell(const GcCell&) = delete;
    GcCell& operator=(const GcCell&) = delete;
    virtual ~GcCell() = default;

    // Reports every cell this one references.
    virtual void trace(Tracer& tracer) = 0;
    // Approximate bytes owned, for the heap limit and collection pacing.
    virtual size_t byte_size() const = 0;
};

// Marks cells through an explicit work list, so deep object graphs never
// recurse on the C++ stack.
class Tracer {
public:
    void mark(Value v) {
        if (v.is_cell()) mark(v.as_cell());
    }
    void mark(GcCell* cell) {
        if (cell == nullptr || cell->gc_marked) return;
        cell->gc_marked = true;
        work_.push_back(cell);
    }
    void drain() {
        while (!work_.empty()) {
            GcCell* cell = work_.back();
            work_.pop_back();
            cell->trace(*this);
        }
    }

private:
    std::vector<GcCell*> work_;
};

struct HeapStats {
    size_t live_bytes = 0;
    size_t live_cells = 0;
    uint64_t collections = 0;
};

class Heap {
public:
    using RootSource = std::function<void(Tracer&)>;

    explicit Heap(size_t limit_bytes) : limit_bytes_(limit_bytes) {}
    ~Heap();
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    template <typename T, typename... Args>
    T* make(Args&&... args) {
        T* cell = new T(std::forward<Args>(args)...);
        link(cell);
        return cell;
    }

    // Cells that grow after allocation (arrays, strings built in place)
    // report the growth so pacing and the limit see it.
    void note_growth(size_t bytes) { allocated_since_gc_ += bytes; live_bytes_ += bytes; }

    // Returns a handle to remove the source later (e.g. when a queue dies).
    size_t add_root_source(RootSource source);
    void remove_root_source(size_t handle);

    // Visits every cell not yet collected. Rare operations only (detaching a
    // transferred ArrayBuffer finds its views this way).
    template <typename F>
    void for_each_cell(F&& visit) {
        for (GcCell* cell = cells_; cell != nullptr; cell = cell->gc_next) visit(cell);
    }

    bool should_collect() const { return allocated_since_gc_ >= next_gc_budget_; }
    bool over_limit() const { return live_bytes_ > limit_bytes_; }
    size_t limit_bytes() const { return limit_bytes_; }
    void collect();
    HeapStats stats() const { return {live_bytes_, live_cells_, collections_}; }

private:
    void link(GcCell* cell);

    GcCell* cells_ = nullptr;
    std::vector<RootSource> root_sources_;  // empty std::function = removed
    size_t limit_bytes_;
    size_t live_bytes_ = 0;
    size_t live_cells_ = 0;
    size_t allocated_since_gc_ = 0;
    size_t next_gc_budget_ = 8 << 20;
    uint64_t collections_ = 0;
};

}  // namespace looplab::js
