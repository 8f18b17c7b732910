// require('timers') and require('timers/promises').
#include "engine/js/operations.h"
#include "engine/js/promise.h"
#include "engine/node/module_support.h"
#include "engine/node/process.h"
#include "engine/node/timers_api.h"

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

// Reads { ref } from the options argument (signal is not modelled).
bool ref_option(Isolate& isolate, Value options) {
    if (options.is_undefined()) return true;
    if (!options.is_object()) ms::throw_invalid_arg_type(isolate, "options", "object", options);
    Value ref = js::get(isolate, options, "ref");
    return ref.is_undefined() ? true : js::to_boolean(ref);
}

js::JsFunction* resolver(Isolate& isolate, JsObject* promise, Value value) {
    js::JsFunction* fn = isolate.new_native_function("resolve", resolve_native, 0);
    fn->native_data = Value::object(promise);
    fn->native_data2 = value;
    return fn;
}

// timersPromises.setTimeout(delay, value, options)
Value promises_set_timeout(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const bool refed = ref_option(isolate, call.arg(2));
    JsObject* promise = js::new_promise(isolate);
    const double after = call.arg(0).is_undefined() ? 1 : js::to_number(isolate, call.arg(0));
    JsTimeout* t = p.timers().create(Value::object(resolver(isolate, promise, call.arg(1))), after, {}, false);
    if (!refed) p.timers().ref(t, false);
    return Value::object(promise);
}

// timersPromises.setImmediate(value, options)
Value promises_set_immediate(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    const bool refed = ref_option(isolate, call.arg(1));
    JsObject* promise = js::new_promise(isolate);
    JsImmediate* im = p.immediates().create(Value::object(resolver(isolate, promise, call.arg(0))), {});
    if (!refed) p.immediates().ref(im, false);
    return Value::object(promise);
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
    JsObject* scheduler = isolate.new_object();
    isolate.define_method(scheduler, "wait", scheduler_wait, 2);
    isolate.define_method(scheduler, "yield", scheduler_yield, 0);
    ms::export_value(isolate, exports, "scheduler", Value::object(scheduler));
    return Value::object(exports);
}

Value create_timers_module(Isolate& isolate) {
    JsObject* exports = isolate.new_object();
    ms::export_function(isolate, exports, "setTimeout", set_timeout_native, 2);
    ms::export_function(isolate, exports, "clearTimeout", clear_timeout_native, 1);
    ms::export_function(isolate, exports, "setInterval", set_interval_native, 2);
    ms::export_function(isolate, exports, "clearInterval", clear_timeout_native, 1);
    ms::export_function(isolate, exports, "setImmediate", set_immediate_native, 1);
    ms::export_function(isolate, exports, "clearImmediate", clear_immediate_native, 1);
    ms::export_value(isolate, exports, "promises", create_timers_promises_module(isolate));
    return Value::object(exports);
}

}  // namespace looplab::node
