#include "engine/node/timers_abort.h"

#include <algorithm>

#include "engine/js/error.h"
#include "engine/js/operations.h"
#include "engine/node/module_support.h"
#include "engine/node/module_loader.h"
#include "engine/node/process.h"
#include "engine/node/timers.h"

namespace looplab::node {

using js::CallArgs;
using js::Isolate;
using js::JsObject;
using js::Value;

namespace {

JsObject* signal_proto_of(Isolate& isolate) { return process_of(isolate).abort_signal_proto; }

JsAbortSignal* new_signal(Isolate& isolate) { return isolate.heap().make<JsAbortSignal>(signal_proto_of(isolate)); }

JsAbortSignal* this_signal(Isolate& isolate, const CallArgs& call) {
    JsAbortSignal* s = as_abort_signal(call.this_value);
    if (s == nullptr) module_support::throw_invalid_arg_type(isolate, "this", "AbortSignal", call.this_value);
    return s;
}

// The default reason: a DOMException named AbortError in Node; an Error
// with the same name, message and code here.
Value default_reason(Isolate& isolate) {
    Value e = js::make_error(isolate, js::ErrorType::Error, "This operation was aborted");
    js::define_own_property(isolate, e.as_object(), isolate.intern("name"), isolate.intern("AbortError"),
                            js::kWritable | js::kConfigurable);
    js::define_own_property(isolate, e.as_object(), isolate.intern("code"), Value::number(20),
                            js::kWritable | js::kConfigurable);
    return e;
}

void abort_signal(Isolate& isolate, JsAbortSignal* s, Value reason) {
    if (s->aborted) return;
    s->aborted = true;
    s->reason = reason.is_undefined() ? default_reason(isolate) : reason;
    JsObject* event = isolate.new_object();
    js::create_data_property(isolate, event, isolate.intern("type"), isolate.intern("abort"));
    js::create_data_property(isolate, event, isolate.intern("target"), Value::object(s));
    const Value arg = Value::object(event);
    // The onabort handler runs in its place among the listeners, as the
    // DOM's event handler attributes do.
    const auto listeners = s->listeners;  // listeners added while aborting do not run
    s->listeners.clear();
    for (const auto& l : listeners) isolate.call(l.callback, Value::object(s), std::span(&arg, 1));
}

Value controller_ctor(Isolate& isolate, const CallArgs& call) {
    if (!call.is_construct()) isolate.throw_type_error("Class constructor AbortController cannot be invoked without 'new'");
    JsObject* proto = js::get_prototype_from_constructor(isolate, call.new_target, process_of(isolate).abort_controller_proto);
    JsObject* c = isolate.new_object_with_proto(proto);
    js::define_own_property(isolate, c, isolate.intern("signal"), Value::object(new_signal(isolate)), js::kConfigurable);
    return Value::object(c);
}

Value controller_abort(Isolate& isolate, const CallArgs& call) {
    JsAbortSignal* s = as_abort_signal(js::get(isolate, call.this_value, "signal"));
    if (s != nullptr) abort_signal(isolate, s, call.arg(0));
    return Value::undefined();
}

Value signal_aborted(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(this_signal(isolate, call)->aborted);
}
Value signal_reason(Isolate& isolate, const CallArgs& call) { return this_signal(isolate, call)->reason; }

Value signal_add(Isolate& isolate, const CallArgs& call) {
    JsAbortSignal* s = this_signal(isolate, call);
    if (js::to_string(isolate, call.arg(0)) != "abort" || !js::is_callable(call.arg(1))) return Value::undefined();
    for (const auto& l : s->listeners) {
        if (l.callback.same_bits(call.arg(1))) return Value::undefined();  // EventTarget ignores duplicates
    }
    bool once = false;
    if (call.arg(2).is_object()) once = js::to_boolean(js::get(isolate, call.arg(2), "once"));
    s->listeners.push_back({call.arg(1), once});
    return Value::undefined();
}

Value signal_remove(Isolate& isolate, const CallArgs& call) {
    remove_abort_listener(this_signal(isolate, call), call.arg(1));
    return Value::undefined();
}

Value signal_throw_if_aborted(Isolate& isolate, const CallArgs& call) {
    JsAbortSignal* s = this_signal(isolate, call);
    if (s->aborted) isolate.throw_value(s->reason);
    return Value::undefined();
}

Value signal_static_abort(Isolate& isolate, const CallArgs& call) {
    JsAbortSignal* s = new_signal(isolate);
    s->aborted = true;
    s->reason = call.arg(0).is_undefined() ? default_reason(isolate) : call.arg(0);
    return Value::object(s);
}

Value signal_get_onabort(Isolate& isolate, const CallArgs& call) {
    for (const auto& l : this_signal(isolate, call)->listeners) {
        if (l.onabort) return l.callback;
    }
    return Value::null();
}

Value signal_set_onabort(Isolate& isolate, const CallArgs& call) {
    JsAbortSignal* s = this_signal(isolate, call);
    auto it = std::find_if(s->listeners.begin(), s->listeners.end(), [](const auto& l) { return l.onabort; });
    if (!js::is_callable(call.arg(0))) {
        if (it != s->listeners.end()) s->listeners.erase(it);
    } else if (it != s->listeners.end()) {
        it->callback = call.arg(0);
    } else {
        s->listeners.push_back({call.arg(0), false, true});
    }
    return Value::undefined();
}

// new DOMException(message, name), from the library's internal/web.
Value dom_exception(Isolate& isolate, std::string_view message, std::string_view name) {
    NodeProcess& p = process_of(isolate);
    if (p.modules == nullptr) return js::make_error(isolate, js::ErrorType::Error, std::string(message));
    Value ctor = js::get(isolate, p.modules->library().require("internal/web"), "DOMException");
    Value args[] = {isolate.new_string(std::string(message)), isolate.new_string(std::string(name))};
    return isolate.construct(ctor, args, ctor);
}

Value abort_on_timeout(Isolate& isolate, const CallArgs& call) {
    JsAbortSignal* s = as_abort_signal(call.callee->native_data);
    if (s != nullptr) {
        abort_signal(isolate, s, dom_exception(isolate, "The operation was aborted due to timeout", "TimeoutError"));
    }
    return Value::undefined();
}

// AbortSignal.timeout(delay): aborted by an unrefed timer, so the signal
// alone does not keep the process alive.
Value signal_static_timeout(Isolate& isolate, const CallArgs& call) {
    const Value delay = call.arg(0);
    if (!delay.is_number()) module_support::throw_invalid_arg_type(isolate, "delay", "number", delay);
    JsAbortSignal* s = new_signal(isolate);
    js::JsFunction* callback = isolate.new_native_function("onTimeout", abort_on_timeout, 0);
    callback->native_data = Value::object(s);
    Timers& timers = process_of(isolate).timers();
    timers.ref(timers.create(Value::object(callback), delay.as_number(), {}, false), false);
    return Value::object(s);
}

Value abort_follower(Isolate& isolate, const CallArgs& call) {
    JsAbortSignal* follower = as_abort_signal(call.callee->native_data);
    JsAbortSignal* source = as_abort_signal(call.callee->native_data2);
    if (follower != nullptr && source != nullptr) abort_signal(isolate, follower, source->reason);
    return Value::undefined();
}

// AbortSignal.any(signals): aborted with the reason of the first of them
// that aborts (at once if one already has).
Value signal_static_any(Isolate& isolate, const CallArgs& call) {
    const Value list = call.arg(0);
    if (!list.is_object() || !list.as_object()->is_array()) {
        module_support::throw_invalid_arg_type(isolate, "signals", "an instance of Array", list);
    }
    const std::vector<Value> sources = static_cast<js::JsArray*>(list.as_object())->elements;
    JsAbortSignal* s = new_signal(isolate);
    for (size_t i = 0; i < sources.size(); i++) {
        JsAbortSignal* source = as_abort_signal(sources[i]);
        if (source == nullptr) {
            module_support::throw_invalid_arg_type(isolate, "signals[" + std::to_string(i) + "]", "an instance of AbortSignal",
                                                   sources[i]);
        }
        if (source->aborted) {
            s->aborted = true;
            s->reason = source->reason;
            return Value::object(s);
        }
    }
    for (Value v : sources) {
        js::JsFunction* follow = isolate.new_native_function("", abort_follower, 0);
        follow->native_data = Value::object(s);
        follow->native_data2 = v;
        add_abort_listener(isolate, as_abort_signal(v), Value::object(follow));
    }
    return Value::object(s);
}

Value signal_ctor(Isolate& isolate, const CallArgs&) {
    module_support::throw_node_error(isolate, js::ErrorType::TypeError, "ERR_ILLEGAL_CONSTRUCTOR", "Illegal constructor");
}

JsObject* make_class(Isolate& isolate, std::string_view name, js::NativeFn ctor_fn) {
    JsObject* proto = isolate.new_object();
    js::JsFunction* ctor = isolate.new_native_function(name, ctor_fn, 0, true);
    isolate.define_value(ctor, "prototype", Value::object(proto), 0);
    isolate.define_value(proto, "constructor", Value::object(ctor), js::kHiddenFlags);
    isolate.define_value(isolate.realm().global, name, Value::object(ctor), js::kHiddenFlags);
    return proto;
}

}  // namespace

JsAbortSignal* as_abort_signal(Value v) {
    return v.is_object() ? dynamic_cast<JsAbortSignal*>(v.as_object()) : nullptr;
}

void add_abort_listener(Isolate&, JsAbortSignal* signal, Value callback) {
    signal->listeners.push_back({callback, true});
}

void remove_abort_listener(JsAbortSignal* signal, Value callback) {
    for (auto it = signal->listeners.begin(); it != signal->listeners.end(); ++it) {
        if (it->callback.same_bits(callback)) {
            signal->listeners.erase(it);
            return;
        }
    }
}

Value make_abort_error(Isolate& isolate, Value cause) {
    Value e = js::make_error(isolate, js::ErrorType::Error, "The operation was aborted");
    JsObject* o = e.as_object();
    js::define_own_property(isolate, o, isolate.intern("name"), isolate.intern("AbortError"),
                            js::kWritable | js::kConfigurable);
    js::create_data_property(isolate, o, isolate.intern("code"), isolate.intern("ABORT_ERR"));
    if (!cause.is_undefined()) {
        js::define_own_property(isolate, o, isolate.intern("cause"), cause, js::kWritable | js::kConfigurable);
    }
    return e;
}

void install_abort_globals(NodeProcess& p) {
    Isolate& isolate = p.isolate();
    JsObject* controller = make_class(isolate, "AbortController", controller_ctor);
    isolate.define_method(controller, "abort", controller_abort, 1);
    p.abort_controller_proto = controller;
    JsObject* signal = make_class(isolate, "AbortSignal", signal_ctor);
    isolate.define_getter(signal, "aborted", signal_aborted);
    isolate.define_getter(signal, "reason", signal_reason);
    isolate.define_method(signal, "addEventListener", signal_add, 2);
    isolate.define_method(signal, "removeEventListener", signal_remove, 2);
    isolate.define_method(signal, "throwIfAborted", signal_throw_if_aborted, 0);
    Value ctor = js::get(isolate, Value::object(signal), "constructor");
    isolate.define_method(ctor.as_object(), "abort", signal_static_abort, 1);
    isolate.define_method(ctor.as_object(), "timeout", signal_static_timeout, 1);
    isolate.define_method(ctor.as_object(), "any", signal_static_any, 1);
    auto* onabort = isolate.heap().make<js::JsAccessor>();
    onabort->getter = Value::object(isolate.new_native_function("get onabort", signal_get_onabort, 0));
    onabort->setter = Value::object(isolate.new_native_function("set onabort", signal_set_onabort, 1));
    js::define_own_property(isolate, signal, isolate.intern("onabort"), js::accessor_value(onabort),
                            js::kEnumerable | js::kConfigurable | js::kAccessor);
    p.abort_signal_proto = signal;
}

}  // namespace looplab::node
