// The world: every isolate of a run (main threads, worker threads, forked
// children) and the conservative virtual-time scheduler that lets them run
// in parallel on host threads without a byte of the trace depending on how
// the host interleaved them. See docs/parallelism.md.
//
// Each isolate runs on its own host thread; at most `host_threads` of them
// hold a run permit at once. An isolate publishes its virtual clock at
// barriers (every few thousand statements, when it posts, when its poll
// phase waits) and may only observe its inbox up to its *safe time*: the
// earliest virtual time at which any other isolate could still make a
// message arrive (its clock, or for a waiting isolate its next wake-up,
// plus the minimum message latency, the window). Messages are delivered in
// (arrival time, sender, sequence) order, so what an isolate sees depends
// only on virtual time, never on host timing.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace looplab::sim {

inline constexpr uint64_t kNever = std::numeric_limits<uint64_t>::max();

// One message between isolates. The payload is opaque to the scheduler.
struct Message {
    uint64_t arrival_ns = 0;
    uint32_t sender = 0;
    uint64_t sent_ns = 0;  // the sender's clock when it posted
    uint64_t seq = 0;  // the sender's message counter: the last tie-break
    uint32_t receiver = 0;
    uint32_t kind = 0;  // the runtime's own tag (worker message, stdout, exit...)
    uint32_t channel = 0;
    bool interrupt = false;  // observed at statement barriers, not only in poll
    std::shared_ptr<const void> payload;
};

struct WorldConfig {
    uint32_t host_threads = 1;  // run permits
    uint32_t cores = 4;         // virtual cores (os.cpus().length)
    uint64_t window_ns = 50'000;  // the smallest message latency
    // A signal or worker.terminate() stops a busy isolate this long after it
    // was sent: the lookahead of statement barriers (docs/parallelism.md).
    uint64_t interrupt_latency_ns = 1'000'000;
    // The round-robin quantum of the virtual cores (0: no time slicing).
    uint64_t time_slice_ns = 1'000'000;
    uint32_t max_isolates = 64;
    uint32_t max_in_flight = 1'000'000;
};

class World {
public:
    explicit World(WorldConfig config);
    ~World();
    World(const World&) = delete;
    World& operator=(const World&) = delete;

    const WorldConfig& config() const { return config_; }

    // Registers an isolate whose clock starts at `start_ns` (its creator's
    // clock plus the start-up cost). Returns its id, or nullopt past the limit.
    std::optional<uint32_t> add_isolate(uint64_t start_ns);
    // Runs `body` on a new host thread holding a run permit.
    void start_thread(uint32_t id, std::function<void()> body);
    // The calling (already running) thread takes a permit for isolate `id`.
    void adopt_current_thread(uint32_t id);
    void release_current_thread(uint32_t id);

    // ---- called by isolate `id` from its own thread ----
    // Statement barrier: publishes the clock; blocks until no interrupt
    // (a message posted with `interrupt`) can still arrive at or before
    // `now`. Returns the time up to which the isolate may run without
    // calling again: interrupt-safe, and short of its next time-slice
    // boundary (so the first check at or past it calls time_slice()).
    uint64_t barrier(uint32_t id, uint64_t now_ns);
    // ---- shared memory (SharedArrayBuffer + Atomics, docs/parallelism.md) ----
    // Blocks until no other isolate can act before `now` (ties: the smaller
    // id goes first), so shared-memory operations run in virtual-time order.
    void take_turn(uint32_t id, uint64_t now_ns);
    // Atomics.wait: isolate `id` sleeps until a message of `kind` (or an
    // interrupt) arrives by `deadline_ns`, once certain. Other messages stay
    // in the inbox for the event loop. Returns the message, removed.
    std::optional<Message> wait_for_kind(uint32_t id, uint64_t now_ns, uint64_t deadline_ns, uint32_t kind);
    // Virtual cores: at each time-slice boundary `now` has crossed, waits
    // until every isolate that could be runnable then has said so, and takes
    // a core or not (round robin). Returns the isolate's clock afterwards:
    // larger than `now` by one quantum for each slice it spent descheduled.
    uint64_t time_slice(uint32_t id, uint64_t now_ns);
    // Poll: the earliest arrival for `id` that is <= horizon, once certain
    // (blocks while others could still send one earlier). `horizon` is the
    // isolate's own next wake-up (a timer), kNever if none.
    std::optional<uint64_t> next_arrival(uint32_t id, uint64_t now_ns, uint64_t horizon_ns);
    // Removes and returns the messages that arrived by now, in order; first
    // blocks until every message arriving by `now` has been posted.
    std::vector<Message> take_arrived(uint32_t id, uint64_t now_ns);
    // The earliest undelivered interrupt for `id` (kNever if none).
    uint64_t earliest_interrupt(uint32_t id);
    // Returns false when the in-flight limit is reached. A channel (sender ->
    // receiver) never reorders: a message never arrives before one its
    // sender posted earlier to the same receiver, whatever their latencies.
    // An interrupt arrives no sooner than interrupt_latency_ns after it is sent.
    bool post(Message message);
    // Forked processes are numbered in the order they are created (pids).
    uint32_t new_process_number();
    // The isolate ended: it never sends again; undelivered messages to it drop.
    void finish(uint32_t id, uint64_t now_ns);
    // Waits for every thread started with start_thread.
    void join_all();
    // The main thread ended at `at_ns`: every isolate stops at its first
    // barrier at or after that virtual time (deterministic, unlike a host flag).
    void shutdown(uint64_t at_ns) {
        shutdown_at_.store(at_ns);
        std::lock_guard lock(mutex_);
        changed_.notify_all();
    }
    uint64_t shutdown_at() const { return shutdown_at_.load(); }
    // How many time slices isolate `id` was granted a core and denied one.
    std::pair<uint64_t, uint64_t> slices(uint32_t id);

private:
    enum class State : uint8_t { Running, Waiting, Done };
    struct Slot {
        State state = State::Running;
        uint64_t clock = 0;
        uint64_t wake = kNever;  // Waiting: own next wake-up
        uint64_t next_seq = 0;
        std::vector<Message> inbox;  // kept sorted by (arrival, sender, seq)
        std::vector<uint64_t> last_arrival_to;  // per receiver: the channel's FIFO order
        bool has_permit = false;
        uint32_t wake_kind = 0;  // wait_for_kind: only this kind (or an interrupt) wakes it
        // Virtual cores: the last slice boundary this isolate has passed, and
        // the scheduler's answer for the slice it registered for.
        uint64_t slice = 0;
        uint64_t decided_slice = kNever;
        bool on_core = false;
        uint64_t granted = 0;  // slices run on a core
        uint64_t denied = 0;   // slices spent waiting for one
    };
    uint64_t own_next(uint32_t id) const;
    // Nothing sent by another isolate with latency >= `lookahead` can reach
    // `id` before the returned time.
    uint64_t safe_time(uint32_t id, uint64_t lookahead) const;
    uint64_t earliest_inbox(uint32_t id) const;
    bool slice_settled(uint32_t id, uint64_t slice) const;
    void pass_slices(Slot& s) const;
    void resume_slices(Slot& s, uint64_t resume_ns) const;
    void decide_slices_through(uint64_t slice);
    void acquire_permit(std::unique_lock<std::mutex>& lock, uint32_t id);
    void release_permit(uint32_t id);
    // Blocks (without a permit) until `ready()`; re-checked whenever any
    // isolate's clock, state or inbox changes.
    template <typename Ready>
    void wait_until(std::unique_lock<std::mutex>& lock, uint32_t id, Ready ready);
    void wake_waiters() {
        if (time_waiters_ > 0) changed_.notify_all();
    }

    WorldConfig config_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;  // clocks, states, inboxes, slices
    std::condition_variable permits_;  // a run permit came free
    uint32_t time_waiters_ = 0;
    std::vector<Slot> slots_;
    std::map<uint64_t, std::vector<uint32_t>> slice_candidates_;  // slice -> isolates runnable at its start
    uint32_t free_permits_;
    size_t in_flight_ = 0;
    uint32_t processes_ = 0;
    std::vector<std::thread> threads_;
    std::atomic<uint64_t> shutdown_at_{kNever};
};

}  // namespace looplab::sim
