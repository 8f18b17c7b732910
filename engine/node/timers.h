// Timers and immediates as Node 20 implements them on top of one libuv
// timer handle and a check/idle handle pair (lib/internal/timers.js,
// lib/timers.js, src/env.cc RunTimers / CheckImmediate).
//
// Timers with the same duration share a list (insertion order); lists sit
// in a priority queue ordered by (expiry, list id), the list id being a
// sequence number that is renewed whenever a list is re-armed. That is
// exactly Node's tie-break, so equal expiries run in creation order.
#pragma once

#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "engine/js/isolate.h"

namespace looplab::node {

class NodeProcess;

// Node's TIMEOUT_MAX: 2^31 - 1 ms.
inline constexpr double kTimeoutMax = 2147483647.0;

// A Timeout object: the JS object is the timer record itself, so the
// collector keeps it exactly as long as JS or a timer list can reach it.
struct JsTimeout final : js::JsObject {
    explicit JsTimeout(js::JsObject* proto) : js::JsObject(proto, js::ObjectClass::Host) {}
    js::Value callback;  // _onTimeout; undefined once cleared
    std::vector<js::Value> args;
    double idle_timeout = 1;  // _idleTimeout; -1 once unenrolled
    double repeat = 0;        // _repeat; 0: not an interval
    double idle_start = 0;    // _idleStart (loop ms)
    double list_msecs = -1;   // the list it is linked in, -1 if none
    uint64_t list_seq = 0;    // its position in that list
    uint64_t async_id = 0;
    uint32_t item = 0;        // trace item of the current arming
    bool refed = true;
    bool destroyed = false;
    bool has_primitive = false;
    bool from_main_script = false;
    void trace(js::Tracer& tracer) override {
        js::JsObject::trace(tracer);
        tracer.mark(callback);
        for (js::Value v : args) tracer.mark(v);
    }
    size_t byte_size() const override { return sizeof(JsTimeout) + args.capacity() * sizeof(js::Value); }
};

// An Immediate object, likewise its own record.
struct JsImmediate final : js::JsObject {
    explicit JsImmediate(js::JsObject* proto) : js::JsObject(proto, js::ObjectClass::Host) {}
    js::Value callback;  // _onImmediate; undefined once run or cleared
    std::vector<js::Value> args;
    uint64_t async_id = 0;
    uint32_t item = 0;
    bool refed = true;
    bool destroyed = false;
    void trace(js::Tracer& tracer) override {
        js::JsObject::trace(tracer);
        tracer.mark(callback);
        for (js::Value v : args) tracer.mark(v);
    }
    size_t byte_size() const override { return sizeof(JsImmediate) + args.capacity() * sizeof(js::Value); }
};

JsTimeout* as_timeout(js::Value v);
JsImmediate* as_immediate(js::Value v);

class Timers {
public:
    explicit Timers(NodeProcess& process) : process_(process) {}

    js::JsObject* timeout_proto = nullptr;  // Timeout.prototype (install_timer_globals)
    // The global setTimeout & co. as install_timer_globals made them: the
    // 'timers' module exports these very functions, as Node's does.
    js::JsObject* global_functions = nullptr;

    // new Timeout(callback, after, args, isRepeat, isRefed) + insert().
    JsTimeout* create(js::Value callback, double after, std::vector<js::Value> args, bool repeat);
    // clearTimeout / clearInterval (object or primitive id).
    void clear(js::Value timer);
    void ref(JsTimeout* timer, bool refed);
    void refresh(JsTimeout* timer);
    double to_primitive(JsTimeout* timer);

    // ---- the libuv timer handle Node keeps for all of them ----
    bool handle_active() const { return handle_active_; }
    bool handle_refed() const { return handle_refed_; }
    uint64_t handle_due_ms() const { return handle_due_ms_; }
    // uv__run_timers for this handle: runs RunTimers when it is due.
    void run_due();
    // Whether a 1 ms timer created by the main script is still waiting (the
    // setTimeout-vs-setImmediate race).
    bool has_main_script_1ms_timer() const;

    void trace_roots(js::Tracer& tracer) const;

private:
    struct TimerList {
        double msecs = 0;
        double expiry = 0;
        uint64_t id = 0;        // priority-queue tie-break, renewed on re-arm
        uint64_t identity = 0;  // which list object this is (Node compares lists by identity)
        std::map<uint64_t, JsTimeout*> timers;  // append sequence -> timer
    };
    using QueueKey = std::tuple<double, uint64_t, double>;  // (expiry, list id, msecs)

    void insert(JsTimeout* t, double msecs, double start);
    void remove_from_list(JsTimeout* t, bool cancelled);
    void unenroll(JsTimeout* t);
    void inc_ref();
    void dec_ref();
    void schedule_handle(double duration_ms);
    void delete_list_if_empty(double msecs);
    // processTimers(now) / listOnTimeout(list, now), returning what Node returns.
    double process_timers(double now);
    void list_on_timeout(double msecs, double now);
    void run_timer(JsTimeout* t);

    NodeProcess& process_;
    std::map<double, TimerList> lists_;
    std::set<QueueKey> queue_;
    std::map<uint64_t, JsTimeout*> known_by_id_;  // knownTimersById
    std::vector<JsTimeout*> running_;             // rooted while their callback runs
    uint64_t next_list_id_ = 1;
    uint64_t next_append_seq_ = 1;
    double next_expiry_ = std::numeric_limits<double>::infinity();
    uint32_t ref_count_ = 0;
    bool handle_active_ = false;
    bool handle_refed_ = true;
    uint64_t handle_due_ms_ = 0;
};

class Immediates {
public:
    explicit Immediates(NodeProcess& process) : process_(process) {}

    js::JsObject* immediate_proto = nullptr;  // Immediate.prototype

    JsImmediate* create(js::Value callback, std::vector<js::Value> args);
    void clear(js::Value immediate);
    void ref(JsImmediate* immediate, bool refed);

    // immediateInfo[kCount] > 0: the check handle has work.
    size_t count() const { return count_; }
    // The idle handle runs while refed immediates exist: poll then returns
    // at once, and the loop stays alive.
    bool idle_active() const { return ref_count_ > 0; }
    // The check handle's CheckImmediate -> processImmediate.
    void run_check();
    // setImmediate(noop), what Node's uncaught exception handler queues.
    void queue_noop();

    void trace_roots(js::Tracer& tracer) const;

private:
    void process_immediate();

    NodeProcess& process_;
    std::deque<JsImmediate*> queue_;        // immediateQueue
    std::deque<JsImmediate*> outstanding_;  // the batch a throwing callback interrupted
    bool has_outstanding_ = false;          // immediateInfo[kHasOutstanding]
    JsImmediate* running_ = nullptr;
    js::JsFunction* noop_ = nullptr;
    size_t count_ = 0;
    size_t ref_count_ = 0;
};

}  // namespace looplab::node
