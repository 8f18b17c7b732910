// require('timers') and require('timers/promises').
#include "engine/js/operations.h"
#include "engine/js/promise.h"
#include "engine/node/module_loader.h"
#include "engine/node/module_support.h"
#include "engine/node/process.h"
#include "engine/node/timers_abort.h"
#include "engine/node/timers.h"
#include "engine/node/timers_api.h"
#include "engine/js/vm.h"

namespace looplab::node {

using js::CallArgs;
using js::Isolate;
using js::JsObject;
using js::Value;
namespace ms = module_support;

namespace {

// The callback a promisified timer runs: resolve(promise, value).
Value resolve_native(Isolate& isolate, const CallArgs& call) {
    js::resolve_promise(isolate, call.callee->native_data.as_object(), call.callee->native_data2);
    return Value::undefined();
}

struct TimerOptions {
    bool ref = true;
    JsAbortSignal* signal = nullptr;
};

// validateObject(options) + { signal, ref } as timers/promises reads them.
TimerOptions read_options(Isolate& isolate, Value options) {
    TimerOptions o;
    if (options.is_undefined()) return o;
    if (!options.is_object()) ms::throw_invalid_arg_type(isolate, "options", "object", options);
    Value ref = js::get(isolate, options, "ref");
    if (!ref.is_undefined()) {
        if (!ref.is_bool()) ms::throw_invalid_arg_type(isolate, "options.ref", "boolean", ref);
        o.ref = ref.as_bool();
    }
    Value signal = js::get(isolate, options, "signal");
    if (!signal.is_undefined()) {
        o.signal = as_abort_signal(signal);
        if (o.signal == nullptr) ms::throw_invalid_arg_type(isolate, "options.signal", "AbortSignal", signal);
    }
    return o;
}

js::JsFunction* resolver(Isolate& isolate, JsObject* promise, Value value) {
    js::JsFunction* fn = isolate.new_native_function("resolve", resolve_native, 0);
    fn->native_data = Value::object(promise);
    fn->native_data2 = value;
    return fn;
}

Value rejected_with_abort(Isolate& isolate, JsAbortSignal* signal) {
    JsObject* promise = js::new_promise(isolate);
    js::reject_promise(isolate, promise, make_abort_error(isolate, signal->reason));
    return Value::object(promise);
}

// The abort listener: clear the timer (or immediate) and reject with an AbortError.
Value on_cancel_native(Isolate& isolate, const CallArgs& call) {
    JsObject* promise = call.callee->native_data.as_object();
    NodeProcess& p = process_of(isolate);
    if (as_timeout(call.callee->native_data2) != nullptr) p.timers().clear(call.callee->native_data2);
    else p.immediates().clear(call.callee->native_data2);
    if (js::promise_state(promise) == js::PromiseState::Pending) {
        JsAbortSignal* signal = as_abort_signal(call.this_value);
        js::reject_promise(isolate, promise, make_abort_error(isolate, signal ? signal->reason : Value::undefined()));
    }
    return Value::undefined();
}

void watch_signal(Isolate& isolate, JsAbortSignal* signal, JsObject* promise, Value timer) {
    if (signal == nullptr) return;
    js::JsFunction* cancel = isolate.new_native_function("onCancel", on_cancel_native, 0);
    cancel->native_data = Value::object(promise);
    cancel->native_data2 = timer;
    add_abort_listener(isolate, signal, Value::object(cancel));
}

// timersPromises.setTimeout(delay, value, options)
Value promises_set_timeout(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const TimerOptions options = read_options(isolate, call.arg(2));
    if (options.signal != nullptr && options.signal->aborted) return rejected_with_abort(isolate, options.signal);
    JsObject* promise = js::new_promise(isolate);
    const double after = call.arg(0).is_undefined() ? 1 : js::to_number(isolate, call.arg(0));
    JsTimeout* t = p.timers().create(Value::object(resolver(isolate, promise, call.arg(1))), after, {}, false);
    if (!options.ref) p.timers().ref(t, false);
    watch_signal(isolate, options.signal, promise, Value::object(t));
    return Value::object(promise);
}

// timersPromises.setImmediate(value, options)
Value promises_set_immediate(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const TimerOptions options = read_options(isolate, call.arg(1));
    if (options.signal != nullptr && options.signal->aborted) return rejected_with_abort(isolate, options.signal);
    JsObject* promise = js::new_promise(isolate);
    JsImmediate* im = p.immediates().create(Value::object(resolver(isolate, promise, call.arg(0))), {});
    if (!options.ref) p.immediates().ref(im, false);
    watch_signal(isolate, options.signal, promise, Value::object(im));
    return Value::object(promise);
}

// makeInterval(callback, after, ref) for the JS part of setInterval.
Value make_interval_native(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const double after = call.arg(1).is_undefined() ? 1 : js::to_number(isolate, call.arg(1));
    JsTimeout* t = p.timers().create(call.arg(0), after, {}, true);
    if (!js::to_boolean(call.arg(2))) p.timers().ref(t, false);
    return Value::object(t);
}

Value make_abort_error_native(Isolate& isolate, const CallArgs& call) {
    return make_abort_error(isolate, call.arg(0));
}

// timersPromises.setInterval is an async generator in Node
// (lib/timers/promises.js); the same code runs here so that its awaits and
// yields take exactly Node's microtask turns.
constexpr std::string_view kSetIntervalSource = R"JS(
return async function* setInterval(after, value, options = {}) {
  const { signal, ref = true } = options;
  if (signal?.aborted) throw makeAbortError(signal.reason);
  let notYielded = 0;
  let callback;
  const interval = makeInterval(() => {
    notYielded++;
    if (callback) {
      callback();
      callback = undefined;
    }
  }, after, ref);
  let onCancel;
  if (signal) {
    onCancel = () => {
      clearInterval(interval);
      if (callback) {
        callback(Promise.reject(makeAbortError(signal.reason)));
        callback = undefined;
      }
    };
    signal.addEventListener('abort', onCancel, { once: true });
  }
  try {
    while (!signal?.aborted) {
      if (notYielded === 0) {
        await new Promise((resolve) => callback = resolve);
      }
      for (; notYielded > 0; notYielded--) {
        yield value;
      }
    }
    throw makeAbortError(signal?.reason);
  } finally {
    clearInterval(interval);
    signal?.removeEventListener('abort', onCancel);
  }
};
)JS";

Value create_set_interval(Isolate& isolate) {
    const std::string params[] = {"makeInterval", "clearInterval", "makeAbortError"};
    const Value args[] = {Value::object(isolate.new_native_function("makeInterval", make_interval_native, 3)),
                          Value::object(isolate.new_native_function("clearInterval", clear_timeout_native, 1)),
                          Value::object(isolate.new_native_function("makeAbortError", make_abort_error_native, 1))};
    return module_support::run_embedded_source(isolate, "node:timers/promises", kSetIntervalSource, params, args);
}

// scheduler.wait(delay, options)
Value scheduler_wait(Isolate& isolate, const CallArgs& call) {
    Value args[] = {call.arg(0), Value::undefined(), call.arg(1)};
    CallArgs inner{Value::undefined(), args, call.callee, Value::undefined()};
    return promises_set_timeout(isolate, inner);
}

// scheduler.yield()
Value scheduler_yield(Isolate& isolate, const CallArgs& call) {
    CallArgs inner{Value::undefined(), {}, call.callee, Value::undefined()};
    return promises_set_immediate(isolate, inner);
}

}  // namespace

Value create_timers_promises_module(Isolate& isolate) {
    JsObject* exports = isolate.new_object();
    ms::export_function(isolate, exports, "setTimeout", promises_set_timeout, 3);
    ms::export_function(isolate, exports, "setImmediate", promises_set_immediate, 2);
    ms::export_value(isolate, exports, "setInterval", create_set_interval(isolate));
    JsObject* scheduler = isolate.new_object();
    isolate.define_method(scheduler, "wait", scheduler_wait, 2);
    isolate.define_method(scheduler, "yield", scheduler_yield, 0);
    ms::export_value(isolate, exports, "scheduler", Value::object(scheduler));
    return Value::object(exports);
}

Value create_timers_module(Isolate& isolate) {
    JsObject* exports = isolate.new_object();
    const Value functions = Value::object(process_of(isolate).timers().global_functions);
    for (const char* name : {"setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate",
                             "clearImmediate"}) {
        ms::export_value(isolate, exports, name, js::get(isolate, functions, name));
    }
    ms::export_value(isolate, exports, "promises", timers_promises_exports(isolate));
    return Value::object(exports);
}

Value timers_promises_exports(Isolate& isolate) {
    NodeProcess& p = process_of(isolate);
    if (p.modules == nullptr) return create_timers_promises_module(isolate);
    return p.modules->require(nullptr, "timers/promises");
}

}  // namespace looplab::node
