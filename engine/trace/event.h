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
    MessagePost,     // a = pack_message(receiver isolate, ...), b = payload bytes: a message leaves
    MessageDeliver,  // a = pack_message(sender isolate, ...), b = payload bytes: its callback runs now
};
inline constexpr size_t kEventKindCount = 24;
inline constexpr std::array<std::string_view, kEventKindCount> kEventKindNames{
    "time_jump", "step", "call_push", "call_pop", "enqueue", "dequeue", "cancel", "phase_enter",
    "phase_leave", "loop_iteration", "clock_advance", "console_write", "handle_ref", "process_exit",
    "race", "uncaught", "emit", "limit", "pool_queued", "pool_started", "pool_finished", "io_ready",
    "message_post", "message_deliver",
};
inline std::string_view event_kind_name(EventKind k) { return kEventKindNames[static_cast<size_t>(k)]; }

// ---- messages between isolates (MessagePost / MessageDeliver)
// What carried a message: a Worker and its parentPort, a MessagePort, or a
// child process's IPC channel.
enum class MessageRoute : uint8_t { Worker, Port, Ipc };
inline constexpr std::array<std::string_view, 3> kMessageRouteNames{"worker", "port", "ipc"};
// The top-level type of the payload, as a learner would name it.
enum class MessagePayload : uint8_t {
    Undefined, Null, Boolean, Number, String, BigInt, Object, Array, Date, RegExp, Map, Set, Error,
    ArrayBuffer, TypedArray, SharedArrayBuffer, MessagePort,
    Json,  // child process IPC in its default 'json' serialization: the text
};
inline constexpr std::array<std::string_view, 18> kMessagePayloadNames{
    "undefined", "null", "boolean", "number", "string", "bigint", "object", "Array", "Date", "RegExp",
    "Map", "Set", "Error", "ArrayBuffer", "TypedArray", "SharedArrayBuffer", "MessagePort", "json",
};
// `a` of a message event: the other isolate (the receiver of a post, the
// sender of a delivery; the event's own `isolate` is the other end) in the
// low 16 bits, the payload type and the route above.
struct MessageInfo {
    uint16_t peer = 0;
    MessagePayload payload = MessagePayload::Undefined;
    MessageRoute route = MessageRoute::Worker;
};
inline uint32_t pack_message(MessageInfo m) {
    return uint32_t(m.peer) | uint32_t(m.payload) << 16 | uint32_t(m.route) << 24;
}
inline MessageInfo unpack_message(uint32_t a) {
    return {uint16_t(a & 0xFFFF), MessagePayload((a >> 16) & 0xFF), MessageRoute((a >> 24) & 0xFF)};
}
inline std::string_view message_payload_name(MessagePayload p) {
    return size_t(p) < kMessagePayloadNames.size() ? kMessagePayloadNames[size_t(p)] : "value";
}
inline std::string_view message_route_name(MessageRoute r) {
    return size_t(r) < kMessageRouteNames.size() ? kMessageRouteNames[size_t(r)] : "message";
}

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
