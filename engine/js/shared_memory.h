// What Atomics needs from the host once memory is shared between isolates
// (worker threads): an order for the operations and a way to block and wake
// an isolate. The Node model implements it over the World, which serialises
// shared-memory operations in virtual-time order (docs/parallelism.md);
// without a host, Atomics works on one isolate alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

#include "engine/js/object.h"

namespace looplab::js {

class Isolate;

class SharedMemoryHost {
public:
    virtual ~SharedMemoryHost() = default;
    // Before every Atomics operation on a SharedArrayBuffer: returns once no
    // other isolate can touch shared memory at an earlier virtual time.
    virtual void take_turn(Isolate& isolate) = 0;
    // Atomics.wait, after the value check passed (in turn): blocks until an
    // Atomics.notify on (block, byte_index) or the timeout (nullopt: none).
    // Returns true when notified ("ok"), false when it timed out.
    virtual bool wait(Isolate& isolate, const std::shared_ptr<SharedBytes>& block, size_t byte_index,
                      std::optional<uint64_t> timeout_ns) = 0;
    // Atomics.notify (in turn): wakes up to `count` waiters of (block,
    // byte_index) in the order they started waiting; returns how many.
    virtual uint32_t notify(Isolate& isolate, const std::shared_ptr<SharedBytes>& block, size_t byte_index,
                            uint32_t count) = 0;
};

}  // namespace looplab::js
