// Promise abstract operations, ECMAScript 2023 section 27.2.1 and 27.2.2
// (https://tc39.es/ecma262/2023/#sec-promise-abstract-operations), written
// in engine262's style: spec names, spec step numbers as comments.
//
// Jobs leave through HostHooks::enqueue_promise_job (HostEnqueuePromiseJob)
// and come back through run_promise_job. Rejection tracking calls
// HostHooks::promise_rejection_tracker exactly where the spec calls
// HostPromiseRejectionTracker.
#include "engine/js/promise.h"

#include "engine/js/builtins_b_common.h"
#include "engine/js/operations.h"
#include "engine/js/promise_internal.h"

namespace looplab::js {

using namespace builtins_detail;

namespace {

void host_enqueue_promise_job(Isolate& isolate, PromiseJob job) {
    if (isolate.host == nullptr) {
        throw LimitExceeded{"looplab: a promise job was queued but the isolate has no host to run it"};
    }
    isolate.host->enqueue_promise_job(isolate, std::move(job));
}

void host_promise_rejection_tracker(Isolate& isolate, JsObject* promise, RejectionOperation operation) {
    if (isolate.host != nullptr) isolate.host->promise_rejection_tracker(isolate, promise, operation);
}

// 27.2.2.1 NewPromiseReactionJob ( reaction, argument )
PromiseJob new_promise_reaction_job(const PromiseReaction& reaction, Value argument) {
    PromiseJob job;
    job.kind = PromiseJob::Kind::Reaction;
    job.callback = reaction.handler;
    job.argument = argument;
    job.capability = reaction.capability ? cell_value(reaction.capability) : Value::undefined();
    job.extra = Value::number(reaction.type == ReactionType::Fulfill ? 0 : 1);
    return job;
}

// 27.2.2.2 NewPromiseResolveThenableJob ( promiseToResolve, thenable, then )
PromiseJob new_promise_resolve_thenable_job(JsObject* promise_to_resolve, Value thenable, Value then) {
    PromiseJob job;
    job.kind = PromiseJob::Kind::ResolveThenable;
    job.callback = then;
    job.argument = thenable;
    job.extra = Value::object(promise_to_resolve);
    return job;
}

// 27.2.1.8 TriggerPromiseReactions ( reactions, argument )
void trigger_promise_reactions(Isolate& isolate, std::vector<PromiseReaction> reactions, Value argument) {
    // 1. For each element reaction of reactions, do
    for (const PromiseReaction& reaction : reactions) {
        // a. Let job be NewPromiseReactionJob(reaction, argument).
        // b. Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]).
        host_enqueue_promise_job(isolate, new_promise_reaction_job(reaction, argument));
    }
}

// 27.2.1.4 FulfillPromise ( promise, value )
void fulfill_promise(Isolate& isolate, JsPromise* promise, Value value) {
    // 1. Assert: The value of promise.[[PromiseState]] is pending.
    if (promise->state != PromiseState::Pending) return;
    // 2. Let reactions be promise.[[PromiseFulfillReactions]].
    std::vector<PromiseReaction> reactions = std::move(promise->fulfill_reactions);
    // 3. Set promise.[[PromiseResult]] to value.
    promise->result = value;
    // 4-5. Set both reaction lists to undefined.
    promise->fulfill_reactions.clear();
    promise->reject_reactions.clear();
    // 6. Set promise.[[PromiseState]] to fulfilled.
    promise->state = PromiseState::Fulfilled;
    // 7. Perform TriggerPromiseReactions(reactions, value).
    trigger_promise_reactions(isolate, std::move(reactions), value);
}

Value call_resolving_function(Isolate& isolate, const CallArgs& call, bool is_reject) {
    // 1. Let F be the active function object.
    // 2-3. Let promise be F.[[Promise]].
    auto* record = value_cell<ResolvingRecord>(call.callee->native_data);
    // 4-5. If alreadyResolved.[[Value]] is true, return undefined.
    if (record->already_resolved) return Value::undefined();
    // 6. Set alreadyResolved.[[Value]] to true.
    record->already_resolved = true;
    if (is_reject) {
        reject_promise(isolate, record->promise, call.arg(0));
    } else {
        resolve_promise(isolate, record->promise, call.arg(0));
    }
    return Value::undefined();
}

// 27.2.1.3.2 Promise Resolve Functions
Value promise_resolve_function(Isolate& isolate, const CallArgs& call) {
    return call_resolving_function(isolate, call, false);
}

// 27.2.1.3.1 Promise Reject Functions
Value promise_reject_function(Isolate& isolate, const CallArgs& call) {
    return call_resolving_function(isolate, call, true);
}

// 27.2.1.5 GetCapabilitiesExecutor Functions
Value get_capabilities_executor(Isolate& isolate, const CallArgs& call) {
    auto* capability = value_cell<PromiseCapability>(call.callee->native_data);
    // 4. If promiseCapability.[[Resolve]] is not undefined, throw a TypeError exception.
    if (!capability->resolve.is_undefined()) isolate.throw_type_error("Promise executor has already been invoked with non-undefined arguments");
    // 5. If promiseCapability.[[Reject]] is not undefined, throw a TypeError exception.
    if (!capability->reject.is_undefined()) isolate.throw_type_error("Promise executor has already been invoked with non-undefined arguments");
    // 6-7. Set promiseCapability.[[Resolve]] to resolve, [[Reject]] to reject.
    capability->resolve = call.arg(0);
    capability->reject = call.arg(1);
    return Value::undefined();
}

// The JsException payload of a C++ exception a JS call raised; everything
// else (LimitExceeded, bugs) keeps unwinding.
template <typename Fn>
bool call_catching(Fn&& fn, Value* thrown) {
    try {
        fn();
        return false;
    } catch (const JsException& e) {
        *thrown = e.value;
        return true;
    }
}

// 27.2.2.1 NewPromiseReactionJob, the Job Abstract Closure.
void run_reaction_job(Isolate& isolate, const PromiseJob& job) {
    // a. Let promiseCapability be reaction.[[Capability]].
    PromiseCapability* capability =
        job.capability.is_undefined() ? nullptr : value_cell<PromiseCapability>(job.capability);
    // b. Let type be reaction.[[Type]].  c. Let handler be reaction.[[Handler]].
    bool is_fulfill = job.extra.is_number() && job.extra.as_number() == 0;
    Value handler_result;
    bool abrupt;
    if (job.callback.is_undefined()) {
        // d. If handler is empty: Fulfill passes the argument through, Reject rethrows it.
        handler_result = job.argument;
        abrupt = !is_fulfill;
    } else {
        // e. Else, let handlerResult be Completion(HostCallJobCallback(handler, undefined, « argument »)).
        Value arg = job.argument;
        Value thrown;
        abrupt = call_catching(
            [&] { handler_result = isolate.call(job.callback, Value::undefined(), std::span<const Value>(&arg, 1)); },
            &thrown);
        if (abrupt) handler_result = thrown;
    }
    // f. If promiseCapability is undefined, return empty.
    if (capability == nullptr) return;
    // h. If handlerResult is an abrupt completion, return ? Call(promiseCapability.[[Reject]], ...).
    // i. Else, return ? Call(promiseCapability.[[Resolve]], undefined, « handlerResult.[[Value]] »).
    if (abrupt) {
        capability_reject(isolate, capability, handler_result);
    } else {
        capability_resolve(isolate, capability, handler_result);
    }
}

// 27.2.2.2 NewPromiseResolveThenableJob, the Job Abstract Closure.
void run_resolve_thenable_job(Isolate& isolate, const PromiseJob& job) {
    // a. Let resolvingFunctions be CreateResolvingFunctions(promiseToResolve).
    auto [resolve, reject] = create_resolving_functions(isolate, job.extra.as_object());
    // b. Let thenCallResult be Completion(HostCallJobCallback(then, thenable, « resolve, reject »)).
    Value args[2] = {Value::object(resolve), Value::object(reject)};
    Value thrown;
    bool abrupt = call_catching([&] { isolate.call(job.callback, job.argument, args); }, &thrown);
    // c. If thenCallResult is an abrupt completion, Return ? Call(resolvingFunctions.[[Reject]], undefined, « value »).
    if (abrupt) isolate.call(Value::object(reject), Value::undefined(), std::span<const Value>(&thrown, 1));
}

}  // namespace

// ---------------------------------------------------------------- records

JsPromise* new_promise_with_proto(Isolate& isolate, JsObject* proto) {
    return isolate.heap().make<JsPromise>(proto);
}

JsObject* new_promise(Isolate& isolate) { return new_promise_with_proto(isolate, isolate.realm().promise_prototype); }

std::pair<JsFunction*, JsFunction*> create_resolving_functions(Isolate& isolate, JsObject* promise) {
    // 1. Let alreadyResolved be the Record { [[Value]]: false }.
    ResolvingRecord* record = isolate.heap().make<ResolvingRecord>();
    record->promise = promise;
    // 2-6. resolve: length 1, [[Promise]] promise, [[AlreadyResolved]] alreadyResolved.
    JsFunction* resolve = isolate.new_native_function("", promise_resolve_function, 1);
    resolve->native_data = cell_value(record);
    // 7-11. reject, likewise.
    JsFunction* reject = isolate.new_native_function("", promise_reject_function, 1);
    reject->native_data = cell_value(record);
    return {resolve, reject};
}

PromiseCapability* new_promise_capability(Isolate& isolate, Value constructor, bool need_functions) {
    PromiseCapability* capability = isolate.heap().make<PromiseCapability>();
    JsObject* intrinsic = isolate.realm().promise_constructor;
    if (constructor.is_object() && constructor.as_object() == intrinsic) {
        JsObject* promise = new_promise(isolate);
        capability->promise = Value::object(promise);
        if (need_functions) {
            auto [resolve, reject] = create_resolving_functions(isolate, promise);
            capability->resolve = Value::object(resolve);
            capability->reject = Value::object(reject);
        }
        return capability;
    }
    // 1. If IsConstructor(C) is false, throw a TypeError exception.
    if (!is_constructor(constructor)) isolate.throw_type_error("Promise resolve or reject function is not callable");
    // 3-5. executor = CreateBuiltinFunction(GetCapabilitiesExecutor closure, 2, "").
    JsFunction* executor = isolate.new_native_function("", get_capabilities_executor, 2);
    executor->native_data = cell_value(capability);
    // 6. Let promise be ? Construct(C, « executor »).
    Value executor_value = Value::object(executor);
    Value promise = isolate.construct(constructor, std::span<const Value>(&executor_value, 1), constructor);
    // 7-8. If IsCallable(resolve/reject) is false, throw a TypeError exception.
    if (!is_callable(capability->resolve) || !is_callable(capability->reject)) {
        isolate.throw_type_error("Promise resolve or reject function is not callable");
    }
    // 9. Set promiseCapability.[[Promise]] to promise.
    capability->promise = promise;
    return capability;
}

void capability_resolve(Isolate& isolate, PromiseCapability* capability, Value value) {
    if (capability->resolve.is_undefined()) {
        resolve_promise(isolate, capability->promise.as_object(), value);
        return;
    }
    isolate.call(capability->resolve, Value::undefined(), std::span<const Value>(&value, 1));
}

void capability_reject(Isolate& isolate, PromiseCapability* capability, Value reason) {
    if (capability->reject.is_undefined()) {
        reject_promise(isolate, capability->promise.as_object(), reason);
        return;
    }
    isolate.call(capability->reject, Value::undefined(), std::span<const Value>(&reason, 1));
}

// ---------------------------------------------------------------- promise.h

// 27.2.1.3.2 Promise Resolve Functions, steps 7-16 (after the
// [[AlreadyResolved]] check, which belongs to the function object).
void resolve_promise(Isolate& isolate, JsObject* promise_object, Value resolution) {
    JsPromise* promise = as_promise(promise_object);
    // 7. If SameValue(resolution, promise) is true, then
    if (resolution.is_object() && resolution.as_object() == promise_object) {
        // a. Let selfResolutionError be a newly created TypeError object.
        // b. Perform RejectPromise(promise, selfResolutionError).
        reject_promise(isolate, promise_object,
                       isolate.new_error(ErrorType::TypeError, "Chaining cycle detected for promise #<Promise>"));
        return;
    }
    // 8. If resolution is not an Object, then perform FulfillPromise(promise, resolution).
    if (!resolution.is_object()) {
        fulfill_promise(isolate, promise, resolution);
        return;
    }
    // 9. Let then be Completion(Get(resolution, "then")).
    Value then;
    Value thrown;
    // 10. If then is an abrupt completion, then perform RejectPromise(promise, then.[[Value]]).
    if (call_catching([&] { then = get(isolate, resolution, "then"); }, &thrown)) {
        reject_promise(isolate, promise_object, thrown);
        return;
    }
    // 12. If IsCallable(thenAction) is false, then perform FulfillPromise(promise, resolution).
    if (!is_callable(then)) {
        fulfill_promise(isolate, promise, resolution);
        return;
    }
    // 14. Let job be NewPromiseResolveThenableJob(promise, resolution, thenJobCallback).
    // 15. Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]).
    host_enqueue_promise_job(isolate, new_promise_resolve_thenable_job(promise_object, resolution, then));
}

// 27.2.1.7 RejectPromise ( promise, reason )
void reject_promise(Isolate& isolate, JsObject* promise_object, Value reason) {
    JsPromise* promise = as_promise(promise_object);
    // 1. Assert: The value of promise.[[PromiseState]] is pending.
    if (promise->state != PromiseState::Pending) return;
    // 2. Let reactions be promise.[[PromiseRejectReactions]].
    std::vector<PromiseReaction> reactions = std::move(promise->reject_reactions);
    // 3. Set promise.[[PromiseResult]] to reason.
    promise->result = reason;
    // 4-5. Set both reaction lists to undefined.
    promise->fulfill_reactions.clear();
    promise->reject_reactions.clear();
    // 6. Set promise.[[PromiseState]] to rejected.
    promise->state = PromiseState::Rejected;
    // 7. If promise.[[PromiseIsHandled]] is false, perform HostPromiseRejectionTracker(promise, "reject").
    if (!promise->is_handled) host_promise_rejection_tracker(isolate, promise, RejectionOperation::Reject);
    // 8. Perform TriggerPromiseReactions(reactions, reason).
    trigger_promise_reactions(isolate, std::move(reactions), reason);
}

// 27.2.4.7.1 PromiseResolve ( C, x ) with C = %Promise%.
JsObject* promise_resolve(Isolate& isolate, Value v) {
    return promise_resolve_with(isolate, Value::object(isolate.realm().promise_constructor), v).as_object();
}

Value promise_resolve_with(Isolate& isolate, Value constructor, Value x) {
    // 1. If IsPromise(x) is true, then
    if (is_promise(x)) {
        // a. Let xConstructor be ? Get(x, "constructor").
        Value x_constructor = get(isolate, x, "constructor");
        // b. If SameValue(xConstructor, C) is true, return x.
        if (same_value(x_constructor, constructor)) return x;
    }
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    PromiseCapability* capability = new_promise_capability(isolate, constructor);
    // 3. Perform ? Call(promiseCapability.[[Resolve]], undefined, « x »).
    capability_resolve(isolate, capability, x);
    // 4. Return promiseCapability.[[Promise]].
    return capability->promise;
}

void perform_promise_then(Isolate& isolate, JsObject* promise, Value on_fulfilled, Value on_rejected,
                          JsObject* derived) {
    PromiseCapability* capability = nullptr;
    if (derived != nullptr) {
        capability = isolate.heap().make<PromiseCapability>();
        capability->promise = Value::object(derived);
    }
    perform_promise_then_capability(isolate, promise, on_fulfilled, on_rejected, capability);
}

// 27.2.5.4.1 PerformPromiseThen ( promise, onFulfilled, onRejected [ , resultCapability ] )
void perform_promise_then_capability(Isolate& isolate, JsObject* promise_object, Value on_fulfilled,
                                     Value on_rejected, PromiseCapability* capability) {
    JsPromise* promise = as_promise(promise_object);
    // 3-4. If IsCallable(onFulfilled) is false, let onFulfilledJobCallback be empty.
    // 5-6. Likewise for onRejected.
    // 7. Let fulfillReaction be the PromiseReaction { capability, Fulfill, onFulfilledJobCallback }.
    PromiseReaction fulfill_reaction{capability, ReactionType::Fulfill,
                                     is_callable(on_fulfilled) ? on_fulfilled : Value::undefined()};
    // 8. Let rejectReaction be the PromiseReaction { capability, Reject, onRejectedJobCallback }.
    PromiseReaction reject_reaction{capability, ReactionType::Reject,
                                    is_callable(on_rejected) ? on_rejected : Value::undefined()};
    switch (promise->state) {
        // 9. If promise.[[PromiseState]] is pending, append the reactions.
        case PromiseState::Pending:
            promise->fulfill_reactions.push_back(fulfill_reaction);
            promise->reject_reactions.push_back(reject_reaction);
            break;
        // 10. Else if fulfilled: enqueue NewPromiseReactionJob(fulfillReaction, value).
        case PromiseState::Fulfilled:
            host_enqueue_promise_job(isolate, new_promise_reaction_job(fulfill_reaction, promise->result));
            break;
        // 11. Else (rejected):
        case PromiseState::Rejected:
            // c. If promise.[[PromiseIsHandled]] is false, perform HostPromiseRejectionTracker(promise, "handle").
            if (!promise->is_handled) host_promise_rejection_tracker(isolate, promise, RejectionOperation::Handle);
            // d. Let rejectJob be NewPromiseReactionJob(rejectReaction, reason).
            host_enqueue_promise_job(isolate, new_promise_reaction_job(reject_reaction, promise->result));
            break;
    }
    // 12. Set promise.[[PromiseIsHandled]] to true.
    promise->is_handled = true;
}

void run_promise_job(Isolate& isolate, const PromiseJob& job) {
    if (job.kind == PromiseJob::Kind::Reaction) {
        run_reaction_job(isolate, job);
    } else {
        run_resolve_thenable_job(isolate, job);
    }
}

PromiseState promise_state(JsObject* promise) { return as_promise(promise)->state; }
Value promise_result(JsObject* promise) { return as_promise(promise)->result; }
bool promise_is_handled(JsObject* promise) { return as_promise(promise)->is_handled; }

}  // namespace looplab::js
