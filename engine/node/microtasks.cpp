// The nextTick queue and the microtask queue, following
// lib/internal/process/task_queues.js and lib/internal/process/promises.js
// of Node v20 line by line.
#include "engine/node/microtasks.h"

#include "engine/js/vm.h"

#include "engine/js/error.h"
#include "engine/js/operations.h"
#include "engine/js/promise.h"
#include "engine/node/process.h"

namespace looplab::node {

using js::Value;
using trace::EventKind;
using trace::QueueKind;
using trace::Rule;

void TaskQueues::check_length(size_t length) {
    if (length >= process_.config().limits.max_queue_length) {
        throw js::LimitExceeded{"queue length limit of " + std::to_string(process_.config().limits.max_queue_length) +
                                " reached"};
    }
}

// ---- enqueueing ----

void TaskQueues::queue_tick(Value callback, std::vector<Value> args) {
    check_length(ticks_.size());
    process_.next_async_id++;  // nextTick allocates an async id (newAsyncId())
    Tick tick{callback, std::move(args), 0};
    tick.item = process_.new_item(QueueKind::NextTick, callback, 0, "tick callback");
    process_.record(EventKind::Enqueue, Rule::NextTickQueued, tick.item, uint32_t(QueueKind::NextTick));
    ticks_.push_back(std::move(tick));
}

void TaskQueues::queue_promise_job(js::PromiseJob job) {
    check_length(microtasks_.size());
    Microtask task{std::move(job), Value::undefined(), 0};
    task.item = process_.new_item(QueueKind::Microtask, task.job.callback, 0, "promise reaction");
    process_.record(EventKind::Enqueue, Rule::PromiseJobQueued, task.item, uint32_t(QueueKind::Microtask));
    microtasks_.push_back(std::move(task));
}

void TaskQueues::queue_microtask(Value callback) {
    check_length(microtasks_.size());
    Microtask task{js::PromiseJob{}, callback, 0};
    task.item = process_.new_item(QueueKind::Microtask, callback, 0, "microtask");
    process_.record(EventKind::Enqueue, Rule::PromiseJobQueued, task.item, uint32_t(QueueKind::Microtask));
    microtasks_.push_back(std::move(task));
}

// ---- running ----

void TaskQueues::run_tick(Tick& tick) {
    process_.record(EventKind::Dequeue, Rule::NextTickBeforePromises, tick.item, uint32_t(QueueKind::NextTick));
    process_.call_callback(tick.callback, Value::undefined(), tick.args, Rule::NextTickBeforePromises);
}

void TaskQueues::run_microtask(Microtask& task) {
    process_.record(EventKind::Dequeue, Rule::MicrotasksAfterTicks, task.item, uint32_t(QueueKind::Microtask));
    process_.charge(process_.costs().callback_dispatch_ns);
    if (task.plain_callback.is_undefined()) {
        // The job has left the queue, so nothing else roots it: a collection
        // inside the handler must not free the derived promise.
        js::Interpreter::RootScope keep(process_.isolate().interpreter(),
                                        {task.job.callback, task.job.argument, task.job.capability, task.job.extra});
        js::run_promise_job(process_.isolate(), task.job);
        return;
    }
    // queueMicrotask's runMicrotask(): an exception is reported at once and
    // the checkpoint goes on.
    try {
        process_.isolate().call(task.plain_callback, Value::undefined(), {});
    } catch (const js::JsException& e) {
        process_.handle_uncaught(e.value, false);
    }
}

void TaskQueues::run_microtasks() {
    // V8 drains the whole queue, including jobs queued by the jobs it runs;
    // nextTicks queued meanwhile wait for processTicksAndRejections' next turn.
    if (microtasks_.empty()) return;
    NodeProcess::FrameScope frame(process_, "runMicrotasks", 0, true, Rule::MicrotasksAfterTicks);
    while (!microtasks_.empty()) {
        Microtask task = std::move(microtasks_.front());
        microtasks_.pop_front();
        run_microtask(task);
    }
}

// task_queues.js:
//   function processTicksAndRejections() {
//     let tock;
//     do {
//       while ((tock = queue.shift()) !== null) { ... callback(...args) ... }
//       runMicrotasks();
//     } while (!queue.isEmpty() || processPromiseRejections());
//     setHasTickScheduled(false);
//     setHasRejectionToWarn(false);
//   }
void TaskQueues::process_ticks_and_rejections() {
    NodeProcess::FrameScope frame(process_, "processTicksAndRejections", 0, true, Rule::NextTickBeforePromises);
    do {
        while (!ticks_.empty()) {
            Tick tick = std::move(ticks_.front());
            ticks_.pop_front();
            run_tick(tick);
        }
        run_microtasks();
    } while (!ticks_.empty() || process_promise_rejections());
    has_rejection_to_warn_ = false;
}

// task_queues.js:
//   function runNextTicks() {
//     if (!hasTickScheduled() && !hasRejectionToWarn())
//       runMicrotasks();
//     if (!hasTickScheduled() && !hasRejectionToWarn())
//       return;
//     processTicksAndRejections();
//   }
void TaskQueues::run_next_ticks() {
    if (!has_tick_scheduled() && !has_rejection_to_warn()) run_microtasks();
    if (!has_tick_scheduled() && !has_rejection_to_warn()) return;
    process_ticks_and_rejections();
}

// ---- unhandled rejections (promises.js) ----

// unhandledRejection(promise, reason)
void TaskQueues::on_rejected_without_handler(js::JsObject* promise) {
    maybe_unhandled_[promise] = RejectionInfo{js::promise_result(promise), ++last_rejection_uid_, false};
    pending_unhandled_.push_back(promise);
    has_rejection_to_warn_ = true;
}

// handledRejection(promise)
void TaskQueues::on_handler_added(js::JsObject* promise) {
    auto it = maybe_unhandled_.find(promise);
    if (it == maybe_unhandled_.end()) return;
    const bool warned = it->second.warned;
    maybe_unhandled_.erase(it);
    if (warned) {
        async_handled_.push_back(promise);
        has_rejection_to_warn_ = true;
    }
}

namespace {

// V8's NoSideEffectsToString, as the UnhandledPromiseRejection message uses it.
std::string no_side_effects_to_string(js::Isolate& isolate, Value v) {
    if (v.is_symbol()) {
        const js::JsSymbol* s = v.as_symbol();
        return "Symbol(" + (s->has_description ? s->description : std::string()) + ")";
    }
    if (v.is_bigint()) return v.as_bigint()->decimal;
    if (!v.is_object()) return js::to_string(isolate, v);
    js::JsObject* o = v.as_object();
    if (o->is_callable()) return js::to_string(isolate, v);
    if (o->is_array()) return "[object Array]";
    if (o->cls == js::ObjectClass::Error) return js::error_header(isolate, v);
    Value ctor = js::get_own_property(isolate, o->proto ? o->proto : o, isolate.intern("constructor")).value;
    std::string name = "Object";
    if (ctor.is_object() && ctor.as_object()->is_callable()) {
        auto* fn = static_cast<js::JsFunction*>(ctor.as_object());
        if (fn->name != nullptr && !fn->name->str().empty()) name = fn->name->str();
    }
    return "#<" + name + ">";
}

bool is_error_like(js::Isolate& isolate, Value v) {
    if (!v.is_object()) return false;
    if (v.as_object()->cls == js::ObjectClass::Error) return true;
    return js::has_property(isolate, v.as_object(), isolate.intern("stack"));
}

// new UnhandledPromiseRejection(reason) from lib/internal/errors.js.
Value unhandled_promise_rejection(js::Isolate& isolate, Value reason) {
    const std::string message =
        "This error originated either by throwing inside of an async function without a catch block, or by "
        "rejecting a promise which was not handled with .catch(). The promise rejected with the reason \"" +
        no_side_effects_to_string(isolate, reason) + "\".";
    Value error = js::make_error(isolate, js::ErrorType::Error, message);
    js::JsObject* o = error.as_object();
    js::define_own_property(isolate, o, isolate.intern("name"), isolate.intern("UnhandledPromiseRejection"),
                            js::kWritable | js::kConfigurable);
    // Node's stack for it: thrown from its internals, below the tick processing.
    js::define_own_property(isolate, o, isolate.intern("stack"),
                            isolate.new_string("UnhandledPromiseRejection: " + message +
                                               "\n    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)"
                                               "\n    at processPromiseRejections (node:internal/process/promises:470:17)"
                                               "\n    at process.processTicksAndRejections (node:internal/process/task_queues:96:32)"),
                            js::kWritable | js::kConfigurable);
    js::create_data_property(isolate, o, isolate.intern("code"), isolate.intern("ERR_UNHANDLED_REJECTION"));
    return error;
}

}  // namespace

bool TaskQueues::process_promise_rejections() {
    bool maybe_scheduled_ticks_or_microtasks = !async_handled_.empty();
    js::Isolate& isolate = process_.isolate();

    while (!async_handled_.empty()) {
        js::JsObject* promise = async_handled_.front();
        async_handled_.pop_front();
        Value args[] = {Value::object(promise)};
        if (!process_.emit("rejectionHandled", args)) {
            // The uid is gone with the map entry; Node prints the id it kept.
            process_.emit_warning("Promise rejection was handled asynchronously", "PromiseRejectionHandledWarning");
        }
    }

    size_t len = pending_unhandled_.size();
    while (len--) {
        js::JsObject* promise = pending_unhandled_.front();
        pending_unhandled_.pop_front();
        auto it = maybe_unhandled_.find(promise);
        if (it == maybe_unhandled_.end()) continue;
        it->second.warned = true;
        const Value reason = it->second.reason;
        // kThrowUnhandledRejections (Node 20's default):
        //   const handled = emit(reason, promise, promiseInfo);
        //   if (!handled) triggerUncaughtException(err, true /* fromPromise */);
        Value args[] = {reason, Value::object(promise)};
        process_.record(EventKind::Uncaught, Rule::UnhandledRejection,
                        process_.intern("unhandled rejection"), 1);
        const bool handled = process_.emit("unhandledRejection", args);
        if (!handled) {
            const Value error = is_error_like(isolate, reason) ? reason : unhandled_promise_rejection(isolate, reason);
            process_.handle_uncaught(error, true);
        }
        maybe_scheduled_ticks_or_microtasks = true;
    }
    return maybe_scheduled_ticks_or_microtasks || !pending_unhandled_.empty();
}

void TaskQueues::trace_roots(js::Tracer& tracer) const {
    for (const Tick& t : ticks_) {
        tracer.mark(t.callback);
        for (Value v : t.args) tracer.mark(v);
    }
    for (const Microtask& m : microtasks_) {
        tracer.mark(m.job.callback);
        tracer.mark(m.job.argument);
        tracer.mark(m.job.capability);
        tracer.mark(m.job.extra);
        tracer.mark(m.plain_callback);
    }
    for (js::JsObject* p : pending_unhandled_) tracer.mark(p);
    for (const auto& [promise, info] : maybe_unhandled_) {
        tracer.mark(promise);
        tracer.mark(info.reason);
    }
    for (js::JsObject* p : async_handled_) tracer.mark(p);
}

}  // namespace looplab::node
