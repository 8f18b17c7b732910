// The timer globals (setTimeout, setInterval, setImmediate and their clear
// functions), Timeout/Immediate prototypes, queueMicrotask and performance.
#include <cmath>

#include "engine/js/operations.h"
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

std::vector<Value> rest_args(const CallArgs& call, size_t from) {
    std::vector<Value> args;
    for (size_t i = from; i < call.size(); i++) args.push_back(call.args[i]);
    return args;
}

Value make_timer(Isolate& isolate, const CallArgs& call, bool repeat) {
    Value callback = call.arg(0);
    if (!js::is_callable(callback)) ms::throw_invalid_arg_type(isolate, "callback", "function", callback);
    const double after = js::to_number(isolate, call.arg(1));  // `after *= 1`
    return Value::object(process_of(isolate).timers().create(callback, after, rest_args(call, 2), repeat));
}

JsTimeout* this_timeout(Isolate& isolate, const CallArgs& call) {
    JsTimeout* t = as_timeout(call.this_value);
    if (t == nullptr) isolate.throw_type_error("Illegal invocation");
    return t;
}

JsImmediate* this_immediate(Isolate& isolate, const CallArgs& call) {
    JsImmediate* im = as_immediate(call.this_value);
    if (im == nullptr) isolate.throw_type_error("Illegal invocation");
    return im;
}

Value timeout_ref(Isolate& isolate, const CallArgs& call) {
    process_of(isolate).timers().ref(this_timeout(isolate, call), true);
    return call.this_value;
}
Value timeout_unref(Isolate& isolate, const CallArgs& call) {
    process_of(isolate).timers().ref(this_timeout(isolate, call), false);
    return call.this_value;
}
Value timeout_has_ref(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(this_timeout(isolate, call)->refed);
}
Value timeout_refresh(Isolate& isolate, const CallArgs& call) {
    process_of(isolate).timers().refresh(this_timeout(isolate, call));
    return call.this_value;
}
Value timeout_close(Isolate& isolate, const CallArgs& call) {
    process_of(isolate).timers().clear(call.this_value);
    return call.this_value;
}
Value timeout_to_primitive(Isolate& isolate, const CallArgs& call) {
    return Value::number(process_of(isolate).timers().to_primitive(this_timeout(isolate, call)));
}

Value immediate_ref(Isolate& isolate, const CallArgs& call) {
    process_of(isolate).immediates().ref(this_immediate(isolate, call), true);
    return call.this_value;
}
Value immediate_unref(Isolate& isolate, const CallArgs& call) {
    process_of(isolate).immediates().ref(this_immediate(isolate, call), false);
    return call.this_value;
}
Value immediate_has_ref(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(this_immediate(isolate, call)->refed);
}

Value performance_now(Isolate& isolate, const CallArgs&) {
    return Value::number(double(process_of(isolate).now_ns()) / 1e6);
}

// A constructor that JS cannot call (Node's Timeout/Immediate are not
// exported as globals); it only gives inspect its class name.
JsObject* make_class(Isolate& isolate, std::string_view name) {
    JsObject* proto = isolate.new_object();
    js::JsFunction* ctor = isolate.new_native_function(
        name, [](Isolate& isolate, const CallArgs&) -> Value { isolate.throw_type_error("Illegal constructor"); }, 0,
        true);
    isolate.define_value(ctor, "prototype", Value::object(proto), 0);
    isolate.define_value(proto, "constructor", Value::object(ctor), js::kHiddenFlags);
    return proto;
}

// lib/timers.js: setTimeout[util.promisify.custom] and
// setImmediate[util.promisify.custom] are getters returning the
// timers/promises versions, so util.promisify(setTimeout) resolves with its
// value argument.
// The getter reads the cached 'timers/promises' module, so
// util.promisify(setTimeout) === require('timers/promises').setTimeout.
Value promisify_custom_getter(Isolate& isolate, const CallArgs& call) {
    return js::get(isolate, timers_promises_exports(isolate), call.callee->native_data);
}

void define_promisify_custom(Isolate& isolate, js::JsFunction* target, std::string_view promises_name) {
    Value symbol_ctor = js::get(isolate, Value::object(isolate.realm().global), "Symbol");
    Value key_text = isolate.intern("nodejs.util.promisify.custom");
    Value key = js::call_method(isolate, symbol_ctor, "for", std::span<const Value>(&key_text, 1));
    js::JsFunction* getter = isolate.new_native_function("get", promisify_custom_getter, 0);
    getter->native_data = isolate.intern(promises_name);
    auto* accessor = isolate.heap().make<js::JsAccessor>();
    accessor->getter = Value::object(getter);
    js::define_own_property(isolate, target, key, js::accessor_value(accessor),
                            js::kEnumerable | js::kConfigurable | js::kAccessor);
}

}  // namespace

Value set_timeout_native(Isolate& isolate, const CallArgs& call) { return make_timer(isolate, call, false); }
Value set_interval_native(Isolate& isolate, const CallArgs& call) { return make_timer(isolate, call, true); }
Value clear_timeout_native(Isolate& isolate, const CallArgs& call) {
    process_of(isolate).timers().clear(call.arg(0));
    return Value::undefined();
}
Value set_immediate_native(Isolate& isolate, const CallArgs& call) {
    Value callback = call.arg(0);
    if (!js::is_callable(callback)) ms::throw_invalid_arg_type(isolate, "callback", "function", callback);
    return Value::object(process_of(isolate).immediates().create(callback, rest_args(call, 1)));
}
Value clear_immediate_native(Isolate& isolate, const CallArgs& call) {
    process_of(isolate).immediates().clear(call.arg(0));
    return Value::undefined();
}
Value queue_microtask_native(Isolate& isolate, const CallArgs& call) {
    Value callback = call.arg(0);
    if (!js::is_callable(callback)) ms::throw_invalid_arg_type(isolate, "callback", "function", callback);
    process_of(isolate).tasks().queue_microtask(callback);
    return Value::undefined();
}

void install_timer_globals(NodeProcess& p) {
    Isolate& isolate = p.isolate();
    JsObject* global = isolate.realm().global;

    JsObject* timeout = make_class(isolate, "Timeout");
    isolate.define_method(timeout, "ref", timeout_ref, 0);
    isolate.define_method(timeout, "unref", timeout_unref, 0);
    isolate.define_method(timeout, "hasRef", timeout_has_ref, 0);
    isolate.define_method(timeout, "refresh", timeout_refresh, 0);
    isolate.define_method(timeout, "close", timeout_close, 0);
    js::JsFunction* prim = isolate.new_native_function("[Symbol.toPrimitive]", timeout_to_primitive, 0);
    js::define_own_property(isolate, timeout, Value::symbol(isolate.symbols().to_primitive), Value::object(prim),
                            js::kHiddenFlags);
    p.timers().timeout_proto = timeout;

    JsObject* immediate = make_class(isolate, "Immediate");
    isolate.define_method(immediate, "ref", immediate_ref, 0);
    isolate.define_method(immediate, "unref", immediate_unref, 0);
    isolate.define_method(immediate, "hasRef", immediate_has_ref, 0);
    p.immediates().immediate_proto = immediate;

    js::JsFunction* set_timeout = isolate.define_method(global, "setTimeout", set_timeout_native, 2);
    isolate.define_method(global, "setInterval", set_interval_native, 2);
    isolate.define_method(global, "clearTimeout", clear_timeout_native, 1);
    isolate.define_method(global, "clearInterval", clear_timeout_native, 1);
    js::JsFunction* set_immediate = isolate.define_method(global, "setImmediate", set_immediate_native, 1);
    define_promisify_custom(isolate, set_timeout, "setTimeout");
    define_promisify_custom(isolate, set_immediate, "setImmediate");
    isolate.define_method(global, "clearImmediate", clear_immediate_native, 1);
    isolate.define_method(global, "queueMicrotask", queue_microtask_native, 1);
    JsObject* functions = isolate.new_object();
    for (const char* name : {"setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate",
                             "clearImmediate"}) {
        js::create_data_property(isolate, functions, isolate.intern(name), js::get(isolate, Value::object(global), name));
    }
    p.timers().global_functions = functions;

    JsObject* performance = isolate.new_object();
    isolate.define_method(performance, "now", performance_now, 0);
    js::create_data_property(isolate, performance, isolate.intern("timeOrigin"), Value::number(sim::kEpochMs));
    isolate.define_value(global, "performance", Value::object(performance), js::kHiddenFlags);
}

}  // namespace looplab::node
