// The trace's vocabulary: fixed-size event records and the enums they use.
// docs/trace-format.md describes every kind and what `a` and `b` hold.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace looplab::trace {

// The queues a learner can watch. Timers is a heap ordered by (due, seq);
// the others are FIFO.
enum class QueueKind : uint8_t { NextTick, Microtask, Timers, Immediates, Pending, Close };
inline constexpr size_t kQueueCount = 6;
inline constexpr std::array<std::string_view, kQueueCount> kQueueNames{
    "nextTick", "microtask", "timers", "immediates", "pending", "close",
};

// libuv's phases in uv_run order, plus the main script (before the loop)
// and the exit (after it). The event loop engineer's single source of truth
// for phase names.
enum class Phase : uint8_t { Main, Timers, Pending, Idle, Prepare, Poll, Check, Close, Exit, None };
inline constexpr size_t kPhaseCount = 9;
inline constexpr std::array<std::string_view, kPhaseCount> kPhaseNames{
    "main", "timers", "pending", "idle", "prepare", "poll", "check", "close", "exit",
};
inline std::string_view phase_name(Phase p) {
    return p == Phase::None ? std::string_view("none") : kPhaseNames[static_cast<size_t>(p)];
}
inline std::string_view queue_name(QueueKind q) { return kQueueNames[static_cast<size_t>(q)]; }

enum class EventKind : uint8_t {
    TimeJump,        // a,b = absolute virtual ns (low, high): time moved more than dt can carry
    Step,            // a = line, b = file << 20 | column: a statement starts (file: Trace::files() index)
    CallPush,        // a = frame name (string), b = line << 1 | internal
    CallPop,         // (none)
    Enqueue,         // a = item, b = queue
    Dequeue,         // a = item, b = queue: the item leaves its queue to run
    Cancel,          // a = item, b = queue: removed without running (clearTimeout...)
    PhaseEnter,      // a = phase
    PhaseLeave,      // a = phase
    LoopIteration,   // a = iteration number (1-based)
    ClockAdvance,    // a = ms the loop blocked in poll; dt carries the time
    ConsoleWrite,    // a = text (string), b = stream (0 stdout, 1 stderr)
    HandleRef,       // a = item, b = 1 ref / 0 unref
    ProcessExit,     // a = exit code
    Race,            // a = item that won a real-node race (see rules)
    Uncaught,        // a = message (string), b = 1 if from a promise rejection
    Emit,            // a = event name (string): process emits 'exit', 'beforeExit'...
    Limit,           // a = message (string): a resource limit ended the run
    PoolQueued,      // a = item, b = pool size: a request joins the thread pool's work queue
    PoolStarted,     // a = item, b = pool thread (0-based): a pool thread takes the request
    PoolFinished,    // a = item, b = pool thread: the work is done; the completion waits for poll
    IoReady,         // a = item, b = 0 pool completion / 1 socket event: poll delivers it now
};
inline constexpr size_t kEventKindCount = 22;
inline constexpr std::array<std::string_view, kEventKindCount> kEventKindNames{
    "time_jump", "step", "call_push", "call_pop", "enqueue", "dequeue", "cancel", "phase_enter",
    "phase_leave", "loop_iteration", "clock_advance", "console_write", "handle_ref", "process_exit",
    "race", "uncaught", "emit", "limit", "pool_queued", "pool_started", "pool_finished", "io_ready",
};
inline std::string_view event_kind_name(EventKind k) { return kEventKindNames[static_cast<size_t>(k)]; }

// 16 bytes, always. Time is the delta in virtual ns since the previous
// event; a larger gap is preceded by a TimeJump carrying the absolute time.
struct Event {
    EventKind kind;
    uint8_t rule;      // Rule id (rules.h), 0 = none
    uint16_t isolate;  // isolate number in the world
    uint32_t a;
    uint32_t b;
    uint32_t dt_ns;
};
static_assert(sizeof(Event) == 16, "trace events must stay 16 bytes");

}  // namespace looplab::trace
