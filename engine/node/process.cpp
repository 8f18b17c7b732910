// NodeProcess: the clock, the trace recorder, the HostHooks and the glue
// that calls JS on Node's behalf.
#include "engine/node/process.h"

#include "engine/js/builtins.h"
#include "engine/js/error.h"
#include "engine/js/operations.h"
#include "engine/js/promise.h"
#include "engine/js/vm.h"
#include "engine/node/inspect.h"

namespace looplab::node {

using js::Value;
using trace::EventKind;
using trace::Rule;

NodeProcess::NodeProcess(const RunConfig& config, OutputSink& out, trace::Trace* trace)
    : config_(config), out_(out), trace_(trace) {
    js::IsolateLimits limits;
    limits.max_steps = config.limits.max_steps;
    limits.max_heap_bytes = config.limits.max_heap_bytes;
    limits.max_call_depth = config.limits.max_call_depth;
    limits.control = config.limits.control;
    isolate_ = std::make_unique<js::Isolate>(limits);
    isolate_->host = this;
    isolate_->host_data = this;
    isolate_->seed_random(config.seed);
    tasks_ = std::make_unique<TaskQueues>(*this);
    timers_ = std::make_unique<Timers>(*this);
    immediates_ = std::make_unique<Immediates>(*this);
    loop_ = std::make_unique<EventLoop>(*this);
    root_handle_ = isolate_->heap().add_root_source([this](js::Tracer& t) { trace_roots(t); });
    if (trace_ != nullptr) trace_->set_event_limit(config.limits.max_trace_events);
}

NodeProcess::~NodeProcess() {
    if (isolate_) {
        isolate_->interpreter().set_observer(nullptr);
        isolate_->heap().remove_root_source(root_handle_);
    }
}

void NodeProcess::trace_roots(js::Tracer& tracer) {
    tracer.mark(process_object);
    tracer.mark(event_emitter_proto);
    tracer.mark(abort_controller_proto);
    tracer.mark(abort_signal_proto);
    tasks_->trace_roots(tracer);
    timers_->trace_roots(tracer);
    immediates_->trace_roots(tracer);
    if (modules) modules->trace_roots(tracer);
    for (const auto& [error, arrow] : error_arrows) tracer.mark(error);
}

// ---- virtual time ----

uint64_t NodeProcess::now_ns() {
    const uint64_t executed = isolate_->interpreter().instructions_executed();
    if (executed > instructions_mark_) {
        clock_.advance((executed - instructions_mark_) * costs_.instruction_ns);
        instructions_mark_ = executed;
    }
    return clock_.now_ns();
}

void NodeProcess::charge(uint64_t ns) {
    now_ns();
    clock_.advance(ns);
    // A safe point to end a run whose trace is full (every callback and loop turn charges).
    if (trace_ != nullptr && trace_->full()) throw js::LimitExceeded{trace_->limit_message()};
    if (clock_.now_ns() > config_.limits.max_virtual_ns) {
        throw js::LimitExceeded{"virtual time limit of " + std::to_string(config_.limits.max_virtual_ns / sim::kNsPerMs) +
                                " ms reached"};
    }
}

void NodeProcess::advance_clock_to(uint64_t ns) {
    now_ns();
    clock_.advance_to(ns);
    if (clock_.now_ns() > config_.limits.max_virtual_ns) {
        throw js::LimitExceeded{"virtual time limit of " + std::to_string(config_.limits.max_virtual_ns / sim::kNsPerMs) +
                                " ms reached"};
    }
}

void NodeProcess::update_loop_time() { loop_time_ms_ = now_ns() / sim::kNsPerMs; }

double NodeProcess::now_ms(js::Isolate&) {
    charge(costs_.builtin_call_ns);
    // Date.now() has whole milliseconds; performance.now() reads now_ns().
    return sim::kEpochMs + double(clock_.now_ns() / sim::kNsPerMs);
}

// ---- trace ----

void NodeProcess::record(EventKind kind, Rule rule, uint32_t a, uint32_t b) {
    if (trace_ != nullptr) trace_->append(now_ns(), kind, rule, a, b, uint16_t(isolate_->id));
}

CallbackLabel NodeProcess::describe(Value callback, std::string_view fallback_name) {
    CallbackLabel label;
    if (callback.is_object() && callback.as_object()->is_callable()) {
        auto* fn = static_cast<js::JsFunction*>(callback.as_object());
        if (fn->kind == js::FunctionKind::Closure) {
            auto* closure = static_cast<js::JsClosure*>(fn);
            label.name = closure->tmpl->name;
            label.line = closure->tmpl->line;
        } else if (fn->name != nullptr) {
            label.name = fn->name->str();
        }
    }
    if (label.name.empty()) label.name = fallback_name.empty() ? "(anonymous)" : std::string(fallback_name);
    return label;
}

uint32_t NodeProcess::new_item(trace::QueueKind queue, Value callback, uint64_t due_ms, std::string_view fallback) {
    if (trace_ == nullptr) return 0;
    const CallbackLabel label = describe(callback, fallback);
    trace::Item item;
    item.queue = queue;
    item.label = trace_->intern(label.name);
    item.line = label.line;
    item.due_ms = due_ms;
    item.seq = trace_->items().size();
    return trace_->add_item(item);
}

NodeProcess::FrameScope::FrameScope(NodeProcess& p, std::string_view name, uint32_t line, bool internal, Rule rule)
    : process_(p) {
    if (p.tracing()) p.record(EventKind::CallPush, rule, p.intern(name), (line << 1) | (internal ? 1u : 0u));
}

NodeProcess::FrameScope::~FrameScope() {
    if (process_.tracing()) process_.record(EventKind::CallPop, Rule::None);
}

Value NodeProcess::call_callback(Value fn, Value this_value, std::span<const Value> args, Rule rule,
                                 std::string_view fallback_name) {
    charge(costs_.callback_dispatch_ns);
    (void)rule;
    (void)fallback_name;
    return isolate_->call(fn, this_value, args);
}

// ---- output ----

void NodeProcess::write(Stream stream, std::string_view bytes) {
    if (bytes.empty()) return;
    charge(costs_.console_write_ns);
    if (trace_ != nullptr) {
        record(EventKind::ConsoleWrite, Rule::ConsoleIsSynchronous, trace_->intern(bytes),
               stream == Stream::Stdout ? 0 : 1);
    }
    out_.write(stream, bytes);
}

// ---- HostHooks ----

void NodeProcess::enqueue_promise_job(js::Isolate&, js::PromiseJob job) { tasks_->queue_promise_job(std::move(job)); }

void NodeProcess::promise_rejection_tracker(js::Isolate&, js::JsObject* promise, js::RejectionOperation op) {
    if (op == js::RejectionOperation::Reject) tasks_->on_rejected_without_handler(promise);
    else tasks_->on_handler_added(promise);
}

// ---- callback scopes ----

void NodeProcess::drain_ticks() {
    // InternalCallbackScope::Close: an exception thrown by a tick is an
    // uncaught exception and ends this drain; the ticks after it wait for
    // the next scope close (at the latest the check phase's, see
    // Immediates::run_check), as in Node.
    try {
        tasks_->run_next_ticks();
    } catch (const js::JsException& e) {
        handle_uncaught(e.value, false);
    }
}

}  // namespace looplab::node
