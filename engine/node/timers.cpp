// Timers as lib/internal/timers.js (Node v20) implements them: lists per
// duration, a priority queue of lists by (expiry, id), processTimers and
// listOnTimeout, and src/env.cc's RunTimers driving one libuv timer handle.
#include "engine/node/timers.h"

#include <cmath>

#include "engine/js/operations.h"
#include "engine/js/string.h"
#include "engine/node/process.h"

namespace looplab::node {

using js::Value;
using trace::EventKind;
using trace::QueueKind;
using trace::Rule;

JsTimeout* as_timeout(Value v) {
    return v.is_object() ? dynamic_cast<JsTimeout*>(v.as_object()) : nullptr;
}

// class Timeout { constructor(callback, after, args, isRepeat, isRefed) }
JsTimeout* Timers::create(Value callback, double after, std::vector<Value> args, bool repeat) {
    process_.charge(process_.costs().timer_start_ns);
    if (!(after >= 1 && after <= kTimeoutMax)) {
        if (after > kTimeoutMax) {
            process_.emit_warning(js::number_to_string(after) +
                                      " does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.",
                                  "TimeoutOverflowWarning");
        }
        after = 1;  // "Schedule on next tick, follows browser behavior"
    }
    auto* t = process_.isolate().heap().make<JsTimeout>(timeout_proto);
    t->callback = callback;
    t->args = std::move(args);
    t->idle_timeout = after;
    t->repeat = repeat ? after : 0;
    t->async_id = process_.next_async_id++;
    t->from_main_script = process_.in_main_script;
    t->refed = true;
    inc_ref();
    insert(t, t->idle_timeout, double(process_.libuv_now_ms()));
    return t;
}

// function insert(item, msecs, start = getLibuvNow())
void Timers::insert(JsTimeout* t, double msecs, double start) {
    // "Truncate so that accuracy of sub-millisecond timers is not assumed."
    msecs = std::trunc(msecs);
    t->idle_start = start;
    auto it = lists_.find(msecs);
    if (it == lists_.end()) {
        const double expiry = start + msecs;
        TimerList list;
        list.msecs = msecs;
        list.expiry = expiry;
        list.id = next_list_id_++;
        list.identity = list.id;
        it = lists_.emplace(msecs, std::move(list)).first;
        queue_.insert({expiry, it->second.id, msecs});
        if (next_expiry_ > expiry) {
            schedule_handle(msecs);
            next_expiry_ = expiry;
        }
    }
    // L.append(list, item): unlinks the item from any list first.
    if (t->list_msecs >= 0) remove_from_list(t, true);
    const uint64_t seq = next_append_seq_++;
    it->second.timers.emplace(seq, t);
    t->list_msecs = msecs;
    t->list_seq = seq;
    if (process_.tracing()) {
        t->item = process_.new_item(QueueKind::Timers, t->callback, uint64_t(start + msecs), "Timeout");
        process_.record(EventKind::Enqueue, t->repeat && t->destroyed == false && t->item ? Rule::TimerQueued : Rule::TimerQueued,
                        t->item, uint32_t(QueueKind::Timers));
    }
}

void Timers::remove_from_list(JsTimeout* t, bool cancelled) {
    auto it = lists_.find(t->list_msecs);
    if (it != lists_.end()) it->second.timers.erase(t->list_seq);
    t->list_msecs = -1;
    if (cancelled && process_.tracing() && t->item != 0) {
        process_.record(EventKind::Cancel, Rule::TimerCleared, t->item, uint32_t(QueueKind::Timers));
    }
}

void Timers::delete_list_if_empty(double msecs) {
    auto it = lists_.find(msecs);
    if (it == lists_.end() || !it->second.timers.empty()) return;
    queue_.erase({it->second.expiry, it->second.id, msecs});
    lists_.erase(it);
}

// function unenroll(item)
void Timers::unenroll(JsTimeout* t) {
    if (t->destroyed) return;
    t->destroyed = true;
    if (t->has_primitive) known_by_id_.erase(t->async_id);
    if (t->list_msecs >= 0) remove_from_list(t, true);
    // "We only delete refed lists because unrefed ones are incredibly likely
    // to come from http and be recreated shortly after." (both branches
    // delete an empty list; the second one after truncation)
    delete_list_if_empty(t->idle_timeout);
    if (t->refed) {
        delete_list_if_empty(std::trunc(t->idle_timeout));
        dec_ref();
    }
    t->idle_timeout = -1;
}

void Timers::clear(Value timer) {
    // if (timer && timer._onTimeout) { timer._onTimeout = null; unenroll(timer); return; }
    if (JsTimeout* t = as_timeout(timer); t != nullptr && !t->callback.is_undefined()) {
        t->callback = Value::undefined();
        unenroll(t);
        return;
    }
    if (timer.is_number() || timer.is_string()) {
        const double id = js::to_number(process_.isolate(), timer);
        if (id >= 0 && id == std::trunc(id)) {
            auto it = known_by_id_.find(uint64_t(id));
            if (it != known_by_id_.end()) {
                JsTimeout* t = it->second;
                t->callback = Value::undefined();
                unenroll(t);
            }
        }
    }
}

void Timers::inc_ref() {
    if (ref_count_++ == 0) handle_refed_ = true;  // toggleTimerRef(true)
}

void Timers::dec_ref() {
    if (--ref_count_ == 0) handle_refed_ = false;  // toggleTimerRef(false)
}

void Timers::ref(JsTimeout* t, bool refed) {
    if (t->refed == refed) return;
    t->refed = refed;
    if (!t->destroyed) refed ? inc_ref() : dec_ref();
    if (process_.tracing() && t->item != 0) {
        process_.record(EventKind::HandleRef, refed ? Rule::LoopAliveWhileRefed : Rule::UnrefDoesNotKeepAlive,
                        t->item, refed ? 1 : 0);
    }
}

// Timeout.prototype.refresh -> insertGuarded(item, refed, start)
void Timers::refresh(JsTimeout* t) {
    const bool refed = t->refed;
    if (t->idle_timeout < 0) return;
    insert(t, t->idle_timeout, double(process_.libuv_now_ms()));
    const bool was_destroyed = t->destroyed;
    if (was_destroyed) {
        t->destroyed = false;
        t->async_id = process_.next_async_id++;  // initAsyncResource
        if (refed) inc_ref();
    }
    t->refed = refed;
}

double Timers::to_primitive(JsTimeout* t) {
    if (!t->has_primitive) {
        t->has_primitive = true;
        known_by_id_[t->async_id] = t;
    }
    return double(t->async_id);
}

// ScheduleTimer(duration): uv_timer_start(timer_handle, RunTimers, duration, 0)
void Timers::schedule_handle(double duration_ms) {
    handle_active_ = true;
    handle_due_ms_ = process_.loop_time_ms() + uint64_t(std::max(0.0, std::trunc(duration_ms)));
}

// uv__run_timers for Node's single timer handle, then Environment::RunTimers.
void Timers::run_due() {
    if (!handle_active_ || handle_due_ms_ > process_.loop_time_ms()) return;
    handle_active_ = false;  // uv_timer_stop: a one-shot handle
    double ret = 0;
    process_.callback_scope([&] {
        const double now = double(process_.libuv_now_ms());  // env->GetNow()
        // "This code will loop until all currently due timers will process."
        for (int guard = 0;; guard++) {
            try {
                ret = process_timers(now);
                break;
            } catch (const js::JsException& e) {
                process_.handle_uncaught(e.value, false);
            }
            if (guard > 1'000'000) throw js::LimitExceeded{"too many uncaught exceptions in timers"};
        }
        if (ret != 0) {
            const double duration = std::abs(ret) - double(process_.loop_time_ms());
            schedule_handle(duration > 0 ? duration : 1);
            handle_refed_ = ret > 0;
        } else {
            handle_refed_ = false;
        }
    });
}

// function processTimers(now)
double Timers::process_timers(double now) {
    next_expiry_ = std::numeric_limits<double>::infinity();
    bool ran_at_least_one_list = false;
    while (!queue_.empty()) {
        const auto [expiry, id, msecs] = *queue_.begin();
        if (expiry > now) {
            next_expiry_ = expiry;
            return ref_count_ > 0 ? next_expiry_ : -next_expiry_;
        }
        if (ran_at_least_one_list) process_.tasks().run_next_ticks();
        else ran_at_least_one_list = true;
        NodeProcess::FrameScope frame(process_, "listOnTimeout", 0, true, Rule::TimerDue);
        list_on_timeout(msecs, now);
    }
    return 0;
}

// function listOnTimeout(list, now)
void Timers::list_on_timeout(double msecs, double now) {
    auto found = lists_.find(msecs);
    if (found == lists_.end()) return;
    const uint64_t identity = found->second.identity;
    bool ran_at_least_one_timer = false;
    for (;;) {
        auto it = lists_.find(msecs);
        if (it == lists_.end() || it->second.identity != identity) return;  // the list was deleted meanwhile
        TimerList& list = it->second;
        if (list.timers.empty()) break;
        JsTimeout* t = list.timers.begin()->second;
        const double diff = now - t->idle_start;
        // "Check if this loop iteration is too early for the next timer.
        // This happens if there are more timers scheduled for later in the list."
        if (diff < msecs) {
            queue_.erase({list.expiry, list.id, msecs});
            list.expiry = std::max(t->idle_start + msecs, now + 1);
            list.id = next_list_id_++;
            queue_.insert({list.expiry, list.id, msecs});
            return;
        }
        if (ran_at_least_one_timer) process_.tasks().run_next_ticks();
        else ran_at_least_one_timer = true;
        remove_from_list(t, false);  // L.remove(timer)
        if (t->callback.is_undefined()) {
            if (!t->destroyed) {
                t->destroyed = true;
                if (t->refed) dec_ref();
            }
            continue;
        }
        run_timer(t);
    }
    // if (list === timerListMap[msecs]) { delete timerListMap[msecs]; timerListQueue.shift(); }
    auto it = lists_.find(msecs);
    if (it != lists_.end() && it->second.identity == identity) {
        queue_.erase({it->second.expiry, it->second.id, msecs});
        lists_.erase(it);
    }
}

void Timers::run_timer(JsTimeout* t) {
    process_.record(EventKind::Dequeue, Rule::TimerDue, t->item, uint32_t(QueueKind::Timers));
    process_.loop().note_callback_ran(t->item);
    double start = 0;
    if (t->repeat != 0) start = double(process_.libuv_now_ms());
    running_.push_back(t);
    // try { timer._onTimeout(...args) } finally { re-arm or destroy }
    struct Finally {
        Timers& self;
        JsTimeout* t;
        double start;
        ~Finally() {
            self.running_.pop_back();
            if (t->repeat != 0 && t->idle_timeout != -1) {
                t->idle_timeout = t->repeat;
                self.insert(t, t->idle_timeout, start);
            } else if (t->list_msecs < 0 && !t->destroyed) {
                t->destroyed = true;
                if (t->refed) self.dec_ref();
            }
        }
    } finally{*this, t, start};
    process_.call_callback(t->callback, Value::object(t), t->args, Rule::TimerDue, "Timeout._onTimeout");
}

bool Timers::has_main_script_1ms_timer() const {
    auto it = lists_.find(1);
    if (it == lists_.end()) return false;
    for (const auto& [seq, t] : it->second.timers) {
        if (t->from_main_script) return true;
    }
    return false;
}

void Timers::trace_roots(js::Tracer& tracer) const {
    for (const auto& [msecs, list] : lists_) {
        for (const auto& [seq, t] : list.timers) tracer.mark(t);
    }
    for (const auto& [id, t] : known_by_id_) tracer.mark(t);
    for (JsTimeout* t : running_) tracer.mark(t);
    tracer.mark(timeout_proto);
    tracer.mark(global_functions);
}

}  // namespace looplab::node
