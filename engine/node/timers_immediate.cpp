// Immediates as lib/timers.js and lib/internal/timers.js (Node v20) keep
// them: one linked queue, a count and a ref count that toggles the idle
// handle, processImmediate run from the check handle (src/env.cc
// CheckImmediate).
#include "engine/node/process.h"
#include "engine/node/timers.h"

namespace looplab::node {

using js::Value;
using trace::EventKind;
using trace::QueueKind;
using trace::Rule;

JsImmediate* as_immediate(Value v) {
    return v.is_object() ? dynamic_cast<JsImmediate*>(v.as_object()) : nullptr;
}

// class Immediate { constructor(callback, args) }
JsImmediate* Immediates::create(Value callback, std::vector<Value> args) {
    if (queue_.size() >= process_.config().limits.max_queue_length) {
        throw js::LimitExceeded{"queue length limit of " + std::to_string(process_.config().limits.max_queue_length) +
                                " reached"};
    }
    process_.charge(process_.costs().builtin_call_ns);
    auto* im = process_.isolate().heap().make<JsImmediate>(immediate_proto);
    im->callback = callback;
    im->args = std::move(args);
    im->async_id = process_.next_async_id++;
    im->refed = false;
    ref(im, true);  // this.ref()
    count_++;       // immediateInfo[kCount]++
    queue_.push_back(im);
    im->item = process_.new_item(QueueKind::Immediates, callback, 0, "Immediate");
    process_.record(EventKind::Enqueue,
                    process_.loop().phase() == trace::Phase::Check ? Rule::ImmediateAddedDuringCheck
                                                                    : Rule::ImmediateQueued,
                    im->item, uint32_t(QueueKind::Immediates));
    return im;
}

void Immediates::ref(JsImmediate* im, bool refed) {
    if (im->refed == refed) return;
    if (refed) {
        // if (immediateInfo[kRefCount]++ === 0) toggleImmediateRef(true);
        if (im->destroyed) return;
        im->refed = true;
        ref_count_++;
    } else {
        im->refed = false;
        if (ref_count_ > 0) ref_count_--;
    }
    if (process_.tracing() && im->item != 0) {
        process_.record(EventKind::HandleRef, refed ? Rule::LoopAliveWhileRefed : Rule::UnrefDoesNotKeepAlive,
                        im->item, refed ? 1 : 0);
    }
}

// function clearImmediate(immediate)
void Immediates::clear(Value v) {
    JsImmediate* im = as_immediate(v);
    if (im == nullptr || im->destroyed) return;
    count_--;
    im->destroyed = true;
    if (im->refed && ref_count_ > 0) ref_count_--;
    im->refed = false;
    im->callback = Value::undefined();
    for (auto it = queue_.begin(); it != queue_.end(); ++it) {
        if (*it == im) {
            queue_.erase(it);
            break;
        }
    }
    process_.record(EventKind::Cancel, Rule::ImmediateCleared, im->item, uint32_t(QueueKind::Immediates));
}

// CheckImmediate(uv_check_t*):
//   env->RunAndClearNativeImmediates();   // inside an InternalCallbackScope
//   if (env->immediate_info()->count() == 0 || !env->can_call_into_js()) return;
//   do {
//     MakeCallback(env->immediate_callback_function(), ...);
//   } while (env->immediate_info()->has_outstanding() && env->can_call_into_js());
void Immediates::run_check() {
    // The native immediates' scope closes even when it ran nothing: that is
    // where ticks left behind by a tick that threw get their turn.
    process_.callback_scope([] {});
    if (count_ == 0) return;
    for (int guard = 0;; guard++) {
        // MakeCallback: a callback that throws fails the scope, so no ticks
        // run before the next batch goes on with the immediates after it.
        bool failed = false;
        try {
            NodeProcess::FrameScope frame(process_, "processImmediate", 0, true, Rule::ImmediatesRunInCheck);
            process_immediate();
        } catch (const js::JsException& e) {
            failed = true;
            process_.handle_uncaught(e.value, false);
        }
        if (!failed) process_.drain_ticks();
        if (!has_outstanding_) return;
        if (guard > 1'000'000) throw js::LimitExceeded{"too many uncaught exceptions in immediates"};
    }
}

namespace {
Value noop_native(js::Isolate&, const js::CallArgs&) { return Value::undefined(); }
}  // namespace

void Immediates::queue_noop() {
    if (noop_ == nullptr) noop_ = process_.isolate().new_native_function("noop", noop_native, 0);
    create(Value::object(noop_), {});
}

// function processImmediate()
void Immediates::process_immediate() {
    // "Clear the linked list early in case new `setImmediate()` calls occur
    // while immediate callbacks are executed."
    if (outstanding_.empty()) outstanding_.swap(queue_);
    has_outstanding_ = true;
    bool ran_at_least_one = false;
    while (!outstanding_.empty()) {
        if (ran_at_least_one) process_.tasks().run_next_ticks();
        else ran_at_least_one = true;
        JsImmediate* im = outstanding_.front();
        outstanding_.pop_front();
        // It may have been cleared by a tick that just ran.
        if (im->destroyed) continue;
        im->destroyed = true;
        count_--;
        if (im->refed && ref_count_ > 0) ref_count_--;
        im->refed = false;
        process_.record(EventKind::Dequeue, Rule::ImmediatesRunInCheck, im->item, uint32_t(QueueKind::Immediates));
        process_.loop().note_callback_ran(im->item);
        running_ = im;
        struct Finally {
            Immediates& self;
            JsImmediate* im;
            ~Finally() {
                im->callback = Value::undefined();  // immediate._onImmediate = null
                im->args.clear();
                self.running_ = nullptr;
            }
        } finally{*this, im};
        process_.call_callback(im->callback, Value::object(im), im->args, Rule::ImmediatesRunInCheck,
                               "Immediate._onImmediate");
    }
    has_outstanding_ = false;
}

void Immediates::trace_roots(js::Tracer& tracer) const {
    for (JsImmediate* im : queue_) tracer.mark(im);
    for (JsImmediate* im : outstanding_) tracer.mark(im);
    tracer.mark(running_);
    tracer.mark(immediate_proto);
    tracer.mark(noop_);
}

}  // namespace looplab::node
