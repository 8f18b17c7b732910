// The nextTick queue and the microtask queue, drained as Node does in
// lib/internal/process/task_queues.js (processTicksAndRejections,
// runNextTicks) and lib/internal/process/promises.js (unhandled rejections,
// default mode `throw`).
#pragma once

#include <cstdint>
#include <deque>
#include <unordered_map>
#include <vector>

#include "engine/js/isolate.h"

namespace looplab::node {

class NodeProcess;

class TaskQueues {
public:
    explicit TaskQueues(NodeProcess& process) : process_(process) {}

    // process.nextTick(callback, ...args)
    void queue_tick(js::Value callback, std::vector<js::Value> args);
    // HostEnqueuePromiseJob
    void queue_promise_job(js::PromiseJob job);
    // queueMicrotask(callback): a plain callable on the same V8 queue.
    void queue_microtask(js::Value callback);

    bool has_tick_scheduled() const { return !ticks_.empty(); }
    bool has_rejection_to_warn() const { return has_rejection_to_warn_; }
    bool empty() const { return ticks_.empty() && microtasks_.empty(); }

    // V8's MicrotaskQueue::PerformCheckpoint: runs every microtask,
    // including those queued while it runs.
    void run_microtasks();
    // task_queues.js processTicksAndRejections.
    void process_ticks_and_rejections();
    // task_queues.js runNextTicks (what timers and immediates call between
    // callbacks, and InternalCallbackScope::Close after each one).
    void run_next_ticks();

    // HostPromiseRejectionTracker, Node's unhandledRejection / handledRejection.
    void on_rejected_without_handler(js::JsObject* promise);
    void on_handler_added(js::JsObject* promise);

    void trace_roots(js::Tracer& tracer) const;

private:
    struct Tick {
        js::Value callback;
        std::vector<js::Value> args;
        uint32_t item = 0;
    };
    struct Microtask {
        js::PromiseJob job;
        js::Value plain_callback;  // queueMicrotask; undefined for promise jobs
        uint32_t item = 0;
    };
    struct RejectionInfo {
        js::Value reason;
        uint64_t uid = 0;
        bool warned = false;
    };

    void run_tick(Tick& tick);
    void run_microtask(Microtask& task);
    bool process_promise_rejections();
    void check_length(size_t length);

    NodeProcess& process_;
    std::deque<Tick> ticks_;
    std::deque<Microtask> microtasks_;
    // Promises rejected without a handler, in rejection order.
    std::deque<js::JsObject*> pending_unhandled_;
    // Look-up only (never iterated), so pointer keys cannot leak into output.
    std::unordered_map<js::JsObject*, RejectionInfo> maybe_unhandled_;
    std::deque<js::JsObject*> async_handled_;
    bool has_rejection_to_warn_ = false;
    uint64_t last_rejection_uid_ = 0;
};

}  // namespace looplab::node
