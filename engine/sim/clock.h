// The virtual clock of one simulated process. Nothing in the engine reads
// the host's clock: time moves only when the model says work happened
// (instructions executed, callbacks dispatched, the poll phase blocking
// until the next timer). See docs/cost-model.md.
#pragma once

#include <cstdint>

namespace looplab::sim {

// Date.now() at virtual time zero: 2024-01-01T00:00:00.000Z. A fixed epoch
// makes `new Date()` print the same text on every run.
inline constexpr double kEpochMs = 1704067200000.0;

inline constexpr uint64_t kNsPerMs = 1'000'000;

class VirtualClock {
public:
    uint64_t now_ns() const { return now_ns_; }
    // Whole milliseconds since the process started, as libuv's uv_now()
    // reports them (truncated, never rounded).
    uint64_t now_ms() const { return now_ns_ / kNsPerMs; }
    void advance(uint64_t ns) { now_ns_ += ns; }
    // Moves forward to `ns`; never backwards (time is monotonic).
    void advance_to(uint64_t ns) {
        if (ns > now_ns_) now_ns_ = ns;
    }

private:
    uint64_t now_ns_ = 0;
};

}  // namespace looplab::sim
