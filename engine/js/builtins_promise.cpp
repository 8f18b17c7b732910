// The Promise constructor, prototype and combinators, ECMAScript 2023
// sections 27.2.3 - 27.2.5 (https://tc39.es/ecma262/2023/#sec-promise-objects).
// The records and abstract operations live in promise.cpp.
//
// Subclassing works through NewPromiseCapability(C) and SpeciesConstructor.
// Promise.withResolvers (ES2024) is not provided: Node 20 does not have it.
#include <memory>

#include "engine/js/builtins.h"
#include "engine/js/builtins_b_common.h"
#include "engine/js/promise_internal.h"

namespace looplab::js {

using namespace builtins_detail;

namespace {

template <typename Fn>
bool catching(Fn&& fn, Value* thrown) {
    try {
        fn();
        return false;
    } catch (const JsException& e) {
        *thrown = e.value;
        return true;
    }
}

JsPromise* this_promise(Isolate& isolate, const CallArgs& call, const char* method) {
    if (!is_promise(call.this_value)) {
        isolate.throw_type_error(std::string("Method Promise.prototype.") + method +
                                 " called on incompatible receiver " + describe_receiver(isolate, call.this_value));
    }
    return as_promise(call.this_value.as_object());
}

Value invoke(Isolate& isolate, Value target, std::string_view name, std::span<const Value> args) {
    return call_method(isolate, target, name, args);
}

// ---------------------------------------------------------------- constructor

// 27.2.3.1 Promise ( executor )
Value promise_constructor(Isolate& isolate, const CallArgs& call) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!call.is_construct()) isolate.throw_type_error("Promise constructor cannot be invoked without 'new'");
    // 2. If IsCallable(executor) is false, throw a TypeError exception.
    Value executor = call.arg(0);
    if (!is_callable(executor)) {
        isolate.throw_type_error("Promise resolver " + describe_receiver(isolate, executor) + " is not a function");
    }
    // 3. Let promise be ? OrdinaryCreateFromConstructor(NewTarget, "%Promise.prototype%", ...).
    JsObject* proto = get_prototype_from_constructor(isolate, call.new_target, isolate.realm().promise_prototype);
    // 4-7. Initial state: pending, empty reaction lists, not handled.
    JsPromise* promise = new_promise_with_proto(isolate, proto);
    // 8. Let resolvingFunctions be CreateResolvingFunctions(promise).
    auto [resolve, reject] = create_resolving_functions(isolate, promise);
    // 9. Let completion be Completion(Call(executor, undefined, « resolve, reject »)).
    Value args[2] = {Value::object(resolve), Value::object(reject)};
    Value thrown;
    // 10. If completion is an abrupt completion, perform ? Call(reject, undefined, « completion.[[Value]] »).
    if (catching([&] { isolate.call(executor, Value::undefined(), args); }, &thrown)) {
        isolate.call(Value::object(reject), Value::undefined(), std::span<const Value>(&thrown, 1));
    }
    // 11. Return promise.
    return Value::object(promise);
}

// ---------------------------------------------------------------- prototype

// 27.2.5.4 Promise.prototype.then ( onFulfilled, onRejected )
Value promise_then(Isolate& isolate, const CallArgs& call) {
    // 1-2. If IsPromise(promise) is false, throw a TypeError exception.
    JsPromise* promise = this_promise(isolate, call, "then");
    // 3. Let C be ? SpeciesConstructor(promise, %Promise%).
    Value c = promise_species_constructor(isolate, promise);
    // 4. Let resultCapability be ? NewPromiseCapability(C).
    PromiseCapability* capability = new_promise_capability(isolate, c);
    // 5. Return PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability).
    perform_promise_then_capability(isolate, promise, call.arg(0), call.arg(1), capability);
    return capability->promise;
}

// 27.2.5.1 Promise.prototype.catch ( onRejected )
Value promise_catch(Isolate& isolate, const CallArgs& call) {
    // 2. Return ? Invoke(promise, "then", « undefined, onRejected »).
    Value args[2] = {Value::undefined(), call.arg(0)};
    return invoke(isolate, call.this_value, "then", args);
}

// 27.2.5.3.1 Then Finally Functions: native_data = onFinally, native_data2 = C.
Value then_finally_value_thunk(Isolate&, const CallArgs& call) { return call.callee->native_data; }
Value catch_finally_thrower(Isolate& isolate, const CallArgs& call) { isolate.throw_value(call.callee->native_data); }

Value finally_step(Isolate& isolate, const CallArgs& call, bool is_catch) {
    Value on_finally = call.callee->native_data;
    Value c = call.callee->native_data2;
    // i. Let result be ? Call(onFinally, undefined).
    Value result = isolate.call(on_finally, Value::undefined(), {});
    // ii. Let p be ? PromiseResolve(C, result).
    Value p = promise_resolve_with(isolate, c, result);
    // iii-iv. returnValue / throwReason closures capturing value / reason.
    JsFunction* thunk = isolate.new_native_function("", is_catch ? catch_finally_thrower : then_finally_value_thunk, 0);
    thunk->native_data = call.arg(0);
    // v. Return ? Invoke(p, "then", « valueThunk / thrower »).
    Value arg = Value::object(thunk);
    return invoke(isolate, p, "then", std::span<const Value>(&arg, 1));
}
Value then_finally(Isolate& isolate, const CallArgs& call) { return finally_step(isolate, call, false); }
Value catch_finally(Isolate& isolate, const CallArgs& call) { return finally_step(isolate, call, true); }

// 27.2.5.3 Promise.prototype.finally ( onFinally )
Value promise_finally(Isolate& isolate, const CallArgs& call) {
    // 1-2. If promise is not an Object, throw a TypeError exception.
    if (!call.this_value.is_object()) isolate.throw_type_error("Promise.prototype.finally called on a non-object");
    // 3. Let C be ? SpeciesConstructor(promise, %Promise%).
    Value c = is_promise(call.this_value) ? promise_species_constructor(isolate, call.this_value.as_object())
                                          : Value::object(isolate.realm().promise_constructor);
    Value on_finally = call.arg(0);
    Value then_finally_value = on_finally;
    Value catch_finally_value = on_finally;
    // 6. Else (onFinally is callable), create thenFinally and catchFinally.
    if (is_callable(on_finally)) {
        JsFunction* tf = isolate.new_native_function("", then_finally, 1);
        tf->native_data = on_finally;
        tf->native_data2 = c;
        JsFunction* cf = isolate.new_native_function("", catch_finally, 1);
        cf->native_data = on_finally;
        cf->native_data2 = c;
        then_finally_value = Value::object(tf);
        catch_finally_value = Value::object(cf);
    }
    // 7. Return ? Invoke(promise, "then", « thenFinally, catchFinally »).
    Value args[2] = {then_finally_value, catch_finally_value};
    return invoke(isolate, call.this_value, "then", args);
}

// ---------------------------------------------------------------- statics

Value this_constructor(Isolate& isolate, const CallArgs& call, const char* what) {
    if (!call.this_value.is_object()) isolate.throw_type_error(std::string(what) + " called on non-object");
    return call.this_value;
}

// 27.2.4.7 Promise.resolve ( x )
Value promise_static_resolve(Isolate& isolate, const CallArgs& call) {
    Value c = this_constructor(isolate, call, "PromiseResolve");
    return promise_resolve_with(isolate, c, call.arg(0));
}

// 27.2.4.6 Promise.reject ( r )
Value promise_static_reject(Isolate& isolate, const CallArgs& call) {
    Value c = this_constructor(isolate, call, "PromiseReject");
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    PromiseCapability* capability = new_promise_capability(isolate, c);
    // 3. Perform ? Call(promiseCapability.[[Reject]], undefined, « r »).
    capability_reject(isolate, capability, call.arg(0));
    return capability->promise;
}

// Shared state of one Promise.all / allSettled / any call: the values (or
// errors) list, [[RemainingElements]] and the result capability.
struct CombinatorState final : GcCell {
    CombinatorState() : GcCell(CellKind::Internal) {}
    std::vector<Value> values;
    std::vector<bool> already_called;
    size_t remaining = 1;
    PromiseCapability* capability = nullptr;
    void trace(Tracer& t) override {
        for (Value v : values) t.mark(v);
        t.mark(capability);
    }
    size_t byte_size() const override { return sizeof(CombinatorState) + values.capacity() * sizeof(Value); }
};

enum class Combinator { All, AllSettled, Any };

void finish_combinator(Isolate& isolate, CombinatorState* state, Combinator kind) {
    Value list = Value::object(isolate.new_array_from(state->values));
    if (kind == Combinator::Any) {
        // 27.2.4.3.1 step 8.d: reject with a new AggregateError whose errors are the list.
        Value error = isolate.new_error(ErrorType::AggregateError, "All promises were rejected");
        define_own_property(isolate, error.as_object(), isolate.intern("errors"), list, kHiddenFlags);
        capability_reject(isolate, state->capability, error);
    } else {
        capability_resolve(isolate, state->capability, list);
    }
}

// The element closures (27.2.4.1.3 Promise.all Resolve Element Functions,
// 27.2.4.2.2/3 allSettled, 27.2.4.3.2 Promise.any Reject Element Functions):
// native_data = state, native_data2 = index * 4 + (kind, and for
// allSettled whether this is the rejected-side function).
Value combinator_element(Isolate& isolate, const CallArgs& call) {
    auto* state = value_cell<CombinatorState>(call.callee->native_data);
    auto code = static_cast<size_t>(call.callee->native_data2.as_number());
    size_t index = code >> 3;
    auto kind = static_cast<Combinator>((code >> 1) & 3);
    bool rejected_side = code & 1;
    // 1-4. If alreadyCalled.[[Value]] is true, return undefined; set it to true.
    if (state->already_called[index]) return Value::undefined();
    state->already_called[index] = true;
    Value x = call.arg(0);
    if (kind == Combinator::AllSettled) {
        // 9-12. obj = { status: "fulfilled", value: x } or { status: "rejected", reason: x }.
        JsObject* obj = isolate.new_object();
        create_data_property(isolate, obj, isolate.intern("status"), isolate.intern(rejected_side ? "rejected" : "fulfilled"));
        create_data_property(isolate, obj, isolate.intern(rejected_side ? "reason" : "value"), x);
        x = Value::object(obj);
    }
    // Set values[index] (or errors[index]) to x.
    state->values[index] = x;
    // Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1;
    // if it is 0, resolve (reject for any) with CreateArrayFromList(values).
    if (--state->remaining == 0) finish_combinator(isolate, state, kind);
    return Value::undefined();
}

JsFunction* make_element_function(Isolate& isolate, CombinatorState* state, size_t index, Combinator kind,
                                  bool rejected_side) {
    JsFunction* f = isolate.new_native_function("", combinator_element, 1);
    f->native_data = cell_value(state);
    f->native_data2 = Value::number(static_cast<double>((index << 3) | (static_cast<size_t>(kind) << 1) |
                                                        (rejected_side ? 1 : 0)));
    return f;
}

// The body shared by PerformPromiseAll (27.2.4.1.2), PerformPromiseAllSettled
// (27.2.4.2.1), PerformPromiseAny (27.2.4.3.1) and PerformPromiseRace
// (27.2.4.5.1). `done` tracks iteratorRecord.[[Done]] for the caller.
Value perform_combinator(Isolate& isolate, Value iterator, bool* done, Value c, PromiseCapability* capability,
                         Value promise_resolve, Combinator kind, bool race) {
    auto* state = isolate.heap().make<CombinatorState>();
    state->capability = capability;
    for (size_t index = 0;; ++index) {
        // a. Let next be ? IteratorStepValue(iteratorRecord) ([[Done]] is set if it throws or finishes).
        Value next;
        *done = true;
        if (!iterator_step(isolate, iterator, &next)) {
            if (race) return capability->promise;
            // i. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
            // ii. If remainingElementsCount.[[Value]] = 0, resolve/reject with the list.
            if (--state->remaining == 0) finish_combinator(isolate, state, kind);
            return capability->promise;
        }
        *done = false;
        // d. Let nextPromise be ? Call(promiseResolve, constructor, « next »).
        Value next_promise = isolate.call(promise_resolve, c, std::span<const Value>(&next, 1));
        Value handlers[2];
        if (race) {
            // 27.2.4.5.1: Invoke(nextPromise, "then", « resolve, reject »).
            handlers[0] = capability->resolve;
            handlers[1] = capability->reject;
        } else {
            // c. Append undefined to values.
            state->values.push_back(Value::undefined());
            state->already_called.push_back(false);
            // Remaining count += 1 before the then call, as the spec orders it.
            ++state->remaining;
            if (kind == Combinator::All) {
                handlers[0] = Value::object(make_element_function(isolate, state, index, kind, false));
                handlers[1] = capability->reject;
            } else if (kind == Combinator::AllSettled) {
                handlers[0] = Value::object(make_element_function(isolate, state, index, kind, false));
                // onFulfilled and onRejected share one alreadyCalled record:
                // both index the same already_called slot.
                handlers[1] = Value::object(make_element_function(isolate, state, index, kind, true));
            } else {
                handlers[0] = capability->resolve;
                handlers[1] = Value::object(make_element_function(isolate, state, index, kind, true));
            }
        }
        invoke(isolate, next_promise, "then", handlers);
    }
}

// 27.2.4.1 Promise.all, 27.2.4.2 allSettled, 27.2.4.3 any, 27.2.4.5 race:
// the common frame around Perform*.
Value promise_combinator(Isolate& isolate, const CallArgs& call, Combinator kind, bool race) {
    // 1. Let C be the this value.
    Value c = call.this_value;
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    PromiseCapability* capability = new_promise_capability(isolate, c, /*need_functions=*/true);
    Value iterator;
    bool done = true;
    Value thrown;
    bool abrupt = catching(
        [&] {
            // 3. Let promiseResolve be Completion(GetPromiseResolve(C)).
            Value promise_resolve = get(isolate, c, "resolve");
            if (!is_callable(promise_resolve)) isolate.throw_type_error("Promise resolve or reject function is not callable");
            // 5. Let iteratorRecord be Completion(GetIterator(iterable, sync)).
            iterator = get_iterator(isolate, call.arg(0));
            // 7. Let result be Completion(PerformPromiseAll(...)).
            perform_combinator(isolate, iterator, &done, c, capability, promise_resolve, kind, race);
        },
        &thrown);
    if (abrupt) {
        // 8.a. If iteratorRecord.[[Done]] is false, set result to Completion(IteratorClose(iteratorRecord, result)).
        if (!done && !iterator.is_undefined()) {
            Value ignored;
            catching([&] { iterator_close(isolate, iterator); }, &ignored);
        }
        // 8.b. IfAbruptRejectPromise(result, promiseCapability).
        capability_reject(isolate, capability, thrown);
    }
    return capability->promise;
}

Value promise_all(Isolate& isolate, const CallArgs& call) { return promise_combinator(isolate, call, Combinator::All, false); }
Value promise_all_settled(Isolate& isolate, const CallArgs& call) {
    return promise_combinator(isolate, call, Combinator::AllSettled, false);
}
Value promise_any(Isolate& isolate, const CallArgs& call) { return promise_combinator(isolate, call, Combinator::Any, false); }
Value promise_race(Isolate& isolate, const CallArgs& call) { return promise_combinator(isolate, call, Combinator::All, true); }

// 27.2.4.8 get Promise [ @@species ]
Value promise_species_getter(Isolate&, const CallArgs& call) { return call.this_value; }

}  // namespace

// 7.3.22 SpeciesConstructor ( O, defaultConstructor )
Value promise_species_constructor(Isolate& isolate, JsObject* promise) {
    Value default_constructor = Value::object(isolate.realm().promise_constructor);
    // Fast path: an ordinary promise whose constructor and species are untouched.
    if (promise->proto == isolate.realm().promise_prototype && promise->props.size() == 0) {
        OwnProperty ctor = get_own_property(isolate, promise->proto, isolate.intern("constructor"));
        if (ctor.found && ctor.value.same_bits(default_constructor)) {
            OwnProperty species = get_own_property(isolate, isolate.realm().promise_constructor,
                                                   Value::symbol(isolate.symbols().species));
            if (species.found && (species.flags & kAccessor) &&
                as_accessor(species.value)->getter.same_bits(isolate.realm().promise_constructor->internal)) {
                return default_constructor;
            }
        }
    }
    // 1. Let C be ? Get(O, "constructor").
    Value c = get(isolate, Value::object(promise), "constructor");
    // 2. If C is undefined, return defaultConstructor.
    if (c.is_undefined()) return default_constructor;
    // 3. If C is not an Object, throw a TypeError exception.
    if (!c.is_object()) isolate.throw_type_error("The .constructor property is not an object");
    // 4. Let S be ? Get(C, @@species).
    Value s = get(isolate, c, Value::symbol(isolate.symbols().species));
    // 5. If S is either undefined or null, return defaultConstructor.
    if (s.is_nullish()) return default_constructor;
    // 6. If IsConstructor(S) is true, return S.
    if (is_constructor(s)) return s;
    // 7. Throw a TypeError exception.
    isolate.throw_type_error("object.constructor[Symbol.species] is not a constructor");
}

void install_promise_builtins(Isolate& isolate) {
    Realm& realm = isolate.realm();
    JsObject* proto = isolate.new_object();
    realm.promise_prototype = proto;
    JsFunction* ctor = make_constructor(isolate, "Promise", promise_constructor, 1, proto);
    realm.promise_constructor = ctor;

    isolate.define_method(proto, "then", promise_then, 2);
    isolate.define_method(proto, "catch", promise_catch, 1);
    isolate.define_method(proto, "finally", promise_finally, 1);
    define_to_string_tag(isolate, proto, "Promise");

    isolate.define_method(ctor, "resolve", promise_static_resolve, 1);
    isolate.define_method(ctor, "reject", promise_static_reject, 1);
    isolate.define_method(ctor, "all", promise_all, 1);
    isolate.define_method(ctor, "allSettled", promise_all_settled, 1);
    isolate.define_method(ctor, "any", promise_any, 1);
    isolate.define_method(ctor, "race", promise_race, 1);

    JsAccessor* species = isolate.heap().make<JsAccessor>();
    JsFunction* getter = isolate.new_native_function("get [Symbol.species]", promise_species_getter, 0);
    species->getter = Value::object(getter);
    define_own_property(isolate, ctor, Value::symbol(isolate.symbols().species), accessor_value(species),
                        kConfigurable | kAccessor);
    // Remembered so SpeciesConstructor can recognise the untouched getter.
    ctor->internal = Value::object(getter);
}

}  // namespace looplab::js
