// The `util` module: inspect and format (engine/node/inspect.h),
// promisify/callbackify, inherits, deprecate, isDeepStrictEqual and
// util.types, after Node v20's lib/util.js.
#include <vector>

#include "engine/js/promise.h"
#include "engine/node/deep_equal.h"
#include "engine/node/inspect.h"
#include "engine/node/module_support.h"

namespace looplab::node {

namespace {

using namespace js;
using module_support::export_function;
using module_support::export_value;
using module_support::throw_invalid_arg_type;

Value global_get(Isolate& isolate, std::string_view name) {
    return get(isolate, Value::object(isolate.realm().global), name);
}

// Symbol.for(key) through the realm's Symbol, so the registry is shared.
Value symbol_for(Isolate& isolate, std::string_view key) {
    Value symbol_ctor = global_get(isolate, "Symbol");
    Value k = isolate.new_string(std::string(key));
    if (symbol_ctor.is_object() && is_callable(get(isolate, symbol_ctor, "for"))) {
        return call_method(isolate, symbol_ctor, "for", std::span<const Value>(&k, 1));
    }
    JsSymbol* s = isolate.heap().make<JsSymbol>(std::string(key));
    s->registered = true;
    return Value::symbol(s);
}

// ---- format --------------------------------------------------------------

Value util_format(Isolate& isolate, const CallArgs& call) {
    return isolate.new_string(format_log_args(isolate, call.args));
}

Value util_format_with_options(Isolate& isolate, const CallArgs& call) {
    Value options = call.arg(0);
    if (!options.is_object() || is_callable(options)) throw_invalid_arg_type(isolate, "inspectOptions", "object", options);
    InspectOptions parsed = inspect_options_from_js(isolate, options);
    std::span<const Value> rest = call.args.subspan(1);
    return isolate.new_string(format_log_args(isolate, rest, parsed));
}

// ---- promisify -----------------------------------------------------------

// The callback promisify appends: (err, ...values) settles the promise.
Value promisify_callback(Isolate& isolate, const CallArgs& call) {
    JsObject* promise = call.callee->native_data.as_object();
    if (to_boolean(call.arg(0))) {
        reject_promise(isolate, promise, call.arg(0));
    } else {
        resolve_promise(isolate, promise, call.arg(1));
    }
    return Value::undefined();
}

Value promisified(Isolate& isolate, const CallArgs& call) {
    Value original = call.callee->native_data;
    JsObject* promise = new_promise(isolate);
    JsFunction* callback = isolate.new_native_function("", promisify_callback, 2);
    callback->native_data = Value::object(promise);
    std::vector<Value> args(call.args.begin(), call.args.end());
    args.push_back(Value::object(callback));
    try {
        isolate.call(original, call.this_value, args);
    } catch (const JsException& e) {
        // A throw inside the Promise executor rejects the promise.
        reject_promise(isolate, promise, e.value);
    }
    return Value::object(promise);
}

Value util_promisify(Isolate& isolate, const CallArgs& call) {
    Value original = call.arg(0);
    if (!is_callable(original)) throw_invalid_arg_type(isolate, "original", "function", original);
    Value custom_key = call.callee->native_data;
    Value custom = get(isolate, original, custom_key);
    if (to_boolean(custom)) {
        if (!is_callable(custom)) throw_invalid_arg_type(isolate, "util.promisify.custom", "function", custom);
        define_own_property(isolate, custom.as_object(), custom_key, custom, kConfigurable);
        return custom;
    }
    auto* source = static_cast<JsFunction*>(original.as_object());
    JsFunction* fn = isolate.new_native_function("fn", promisified, 0);
    fn->native_data = original;
    fn->proto = source->proto;
    define_own_property(isolate, fn, custom_key, Value::object(fn), kConfigurable);
    // Copy the original's own properties (name, length, ...), as Node does.
    for (Value key : own_property_keys(isolate, source, KeyFilter::All, false)) {
        OwnProperty own = get_own_property(isolate, source, key);
        if (own.found) define_own_property(isolate, fn, key, own.value, own.flags);
    }
    return Value::object(fn);
}

// ---- callbackify ---------------------------------------------------------

void next_tick(Isolate& isolate, std::vector<Value> args) {
    Value process = global_get(isolate, "process");
    if (process.is_object() && is_callable(get(isolate, process, "nextTick"))) {
        call_method(isolate, process, "nextTick", args);
    } else {
        isolate.call(args[0], Value::undefined(), std::span<const Value>(args).subspan(1));
    }
}

Value callbackify_fulfilled(Isolate& isolate, const CallArgs& call) {
    Value cb = call.callee->native_data;
    Value self = call.callee->native_data2;
    JsFunction* bound = isolate.new_native_function(
        "bound cb", [](Isolate& iso, const CallArgs& c) { return iso.call(c.callee->native_data, c.callee->native_data2, c.args); },
        2);
    bound->native_data = cb;
    bound->native_data2 = self;
    next_tick(isolate, {Value::object(bound), Value::null(), call.arg(0)});
    return Value::undefined();
}

Value callbackify_rejected(Isolate& isolate, const CallArgs& call) {
    Value reason = call.arg(0);
    if (!to_boolean(reason)) {
        // ERR_FALSY_VALUE_REJECTION: a falsy rejection still reaches the callback as an error.
        Value err = module_support::make_node_error(isolate, ErrorType::Error, "ERR_FALSY_VALUE_REJECTION",
                                                    "Promise was rejected with falsy value");
        create_data_property(isolate, err.as_object(), isolate.intern("reason"), reason);
        reason = err;
    }
    JsFunction* bound = isolate.new_native_function(
        "bound cb", [](Isolate& iso, const CallArgs& c) { return iso.call(c.callee->native_data, c.callee->native_data2, c.args); },
        1);
    bound->native_data = call.callee->native_data;
    bound->native_data2 = call.callee->native_data2;
    next_tick(isolate, {Value::object(bound), reason});
    return Value::undefined();
}

Value callbackified(Isolate& isolate, const CallArgs& call) {
    if (call.args.empty() || !is_callable(call.args.back())) {
        throw_invalid_arg_type(isolate, "last argument", "function", call.args.empty() ? Value::undefined() : call.args.back());
    }
    Value cb = call.args.back();
    Value result = isolate.call(call.callee->native_data, call.this_value, call.args.first(call.args.size() - 1));
    JsObject* promise = promise_resolve(isolate, result);
    JsFunction* on_ok = isolate.new_native_function("", callbackify_fulfilled, 1);
    JsFunction* on_err = isolate.new_native_function("", callbackify_rejected, 1);
    for (JsFunction* f : {on_ok, on_err}) {
        f->native_data = cb;
        f->native_data2 = call.this_value;
    }
    perform_promise_then(isolate, promise, Value::object(on_ok), Value::object(on_err), nullptr);
    return Value::undefined();
}

Value util_callbackify(Isolate& isolate, const CallArgs& call) {
    Value original = call.arg(0);
    if (!is_callable(original)) throw_invalid_arg_type(isolate, "original", "function", original);
    Value name = get(isolate, original, "name");
    Value length = get(isolate, original, "length");
    std::string new_name = (name.is_string() ? name.as_string()->str() : std::string()) + "Callbackified";
    JsFunction* fn = isolate.new_native_function(new_name, callbackified,
                                                 length.is_number() ? static_cast<int>(length.as_number()) + 1 : 1);
    fn->native_data = original;
    return Value::object(fn);
}

// ---- inherits, deprecate, isDeepStrictEqual --------------------------------

Value util_inherits(Isolate& isolate, const CallArgs& call) {
    Value ctor = call.arg(0);
    Value super_ctor = call.arg(1);
    if (ctor.is_nullish()) throw_invalid_arg_type(isolate, "ctor", "Function", ctor);
    if (super_ctor.is_nullish()) throw_invalid_arg_type(isolate, "superCtor", "Function", super_ctor);
    Value super_proto = get(isolate, super_ctor, "prototype");
    if (super_proto.is_undefined()) throw_invalid_arg_type(isolate, "superCtor.prototype", "Object", super_proto);
    define_own_property(isolate, to_object(isolate, ctor), isolate.intern("super_"), super_ctor,
                        kWritable | kConfigurable);
    Value proto = get(isolate, ctor, "prototype");
    if (proto.is_object()) proto.as_object()->proto = super_proto.is_object() ? super_proto.as_object() : nullptr;
    return Value::undefined();
}

// deprecate(fn, msg, code): the wrapper warns once through
// process.emitWarning(msg, 'DeprecationWarning', code), then calls fn.
Value deprecated_call(Isolate& isolate, const CallArgs& call) {
    JsObject* state = call.callee->native_data2.as_object();
    Value warned_key = isolate.intern("warned");
    if (!to_boolean(get(isolate, Value::object(state), warned_key))) {
        set(isolate, Value::object(state), warned_key, Value::boolean(true));
        Value process = global_get(isolate, "process");
        if (process.is_object() && is_callable(get(isolate, process, "emitWarning"))) {
            Value args[3] = {get(isolate, Value::object(state), "msg"), isolate.intern("DeprecationWarning"),
                             get(isolate, Value::object(state), "code")};
            call_method(isolate, process, "emitWarning", args);
        }
    }
    Value fn = call.callee->native_data;
    if (call.is_construct()) return isolate.construct(fn, call.args, call.new_target);
    return isolate.call(fn, call.this_value, call.args);
}

Value util_deprecate(Isolate& isolate, const CallArgs& call) {
    Value fn = call.arg(0);
    if (!is_callable(fn)) throw_invalid_arg_type(isolate, "fn", "function", fn);
    JsObject* state = isolate.new_object_with_proto(nullptr);
    create_data_property(isolate, state, isolate.intern("warned"), Value::boolean(false));
    create_data_property(isolate, state, isolate.intern("msg"), call.arg(1));
    create_data_property(isolate, state, isolate.intern("code"), call.arg(2));
    JsFunction* wrapper = isolate.new_native_function("deprecated", deprecated_call, 0, true);
    wrapper->native_data = fn;
    wrapper->native_data2 = Value::object(state);
    return Value::object(wrapper);
}

Value util_is_deep_strict_equal(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(is_deep_strict_equal(isolate, call.arg(0), call.arg(1)));
}

Value util_debuglog(Isolate& isolate, const CallArgs&) {
    // NODE_DEBUG is never set in a simulated process: the logger is silent.
    return Value::object(isolate.new_native_function("debug", [](Isolate&, const CallArgs&) { return Value::undefined(); }, 0));
}

Value util_is_array(Isolate&, const CallArgs& call) { return Value::boolean(is_array(call.arg(0))); }

Value util_strip_vt(Isolate& isolate, const CallArgs& call) {
    // Removes ANSI escape sequences (ESC [ ... final byte), as the common case of Node's regex.
    std::string s = module_support::string_arg(isolate, call, 0, "str");
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\x1b' && i + 1 < s.size() && s[i + 1] == '[') {
            size_t j = i + 2;
            while (j < s.size() && !(s[j] >= 0x40 && s[j] <= 0x7E)) ++j;
            i = j;
            continue;
        }
        out += s[i];
    }
    return isolate.new_string(out);
}

// ---- util.types ------------------------------------------------------------

template <ObjectClass kClass>
Value is_class(Isolate&, const CallArgs& call) {
    Value v = call.arg(0);
    return Value::boolean(v.is_object() && v.as_object()->cls == kClass);
}

bool has_proto(Value v, JsObject* proto) {
    return proto != nullptr && v.is_object() && v.as_object()->proto == proto;
}

Value is_async_function(Isolate& isolate, const CallArgs& call) {
    const Realm& r = isolate.realm();
    return Value::boolean(has_proto(call.arg(0), r.async_function_prototype) ||
                          has_proto(call.arg(0), r.async_generator_function_prototype));
}

Value is_generator_function(Isolate& isolate, const CallArgs& call) {
    const Realm& r = isolate.realm();
    return Value::boolean(has_proto(call.arg(0), r.generator_function_prototype) ||
                          has_proto(call.arg(0), r.async_generator_function_prototype));
}

Value is_generator_object(Isolate&, const CallArgs& call) {
    Value v = call.arg(0);
    return Value::boolean(v.is_object() && (v.as_object()->cls == ObjectClass::Generator ||
                                            v.as_object()->cls == ObjectClass::AsyncGenerator));
}

Value is_boxed_primitive(Isolate&, const CallArgs& call) {
    Value v = call.arg(0);
    if (!v.is_object()) return Value::boolean(false);
    ObjectClass c = v.as_object()->cls;
    return Value::boolean(c == ObjectClass::Number || c == ObjectClass::String || c == ObjectClass::Boolean ||
                          c == ObjectClass::BigInt || c == ObjectClass::Symbol);
}

Value is_uint8_array(Isolate&, const CallArgs& call) {
    Value v = call.arg(0);
    return Value::boolean(v.is_object() && v.as_object()->cls == ObjectClass::TypedArray &&
                          static_cast<JsTypedArray*>(v.as_object())->kind == TypedArrayKind::Uint8);
}

Value is_array_buffer(Isolate&, const CallArgs& call) {
    Value v = call.arg(0);
    return Value::boolean(v.is_object() && v.as_object()->cls == ObjectClass::ArrayBuffer &&
                          !static_cast<JsArrayBuffer*>(v.as_object())->shared);
}

Value always_false(Isolate&, const CallArgs&) { return Value::boolean(false); }

Value create_types(Isolate& isolate) {
    JsObject* types = isolate.new_object();
    auto add = [&](std::string_view name, NativeFn fn) { export_function(isolate, types, name, fn, 1); };
    add("isAsyncFunction", is_async_function);
    add("isGeneratorFunction", is_generator_function);
    add("isGeneratorObject", is_generator_object);
    add("isPromise", is_class<ObjectClass::Promise>);
    add("isDate", is_class<ObjectClass::Date>);
    add("isRegExp", is_class<ObjectClass::RegExp>);
    add("isMap", is_class<ObjectClass::Map>);
    add("isSet", is_class<ObjectClass::Set>);
    add("isWeakMap", is_class<ObjectClass::WeakMap>);
    add("isWeakSet", is_class<ObjectClass::WeakSet>);
    add("isNativeError", is_class<ObjectClass::Error>);
    add("isTypedArray", is_class<ObjectClass::TypedArray>);
    add("isUint8Array", is_uint8_array);
    add("isArrayBuffer", is_array_buffer);
    add("isAnyArrayBuffer", is_class<ObjectClass::ArrayBuffer>);
    add("isDataView", is_class<ObjectClass::DataView>);
    add("isArgumentsObject", is_class<ObjectClass::Arguments>);
    add("isBoxedPrimitive", is_boxed_primitive);
    add("isNumberObject", is_class<ObjectClass::Number>);
    add("isStringObject", is_class<ObjectClass::String>);
    add("isBooleanObject", is_class<ObjectClass::Boolean>);
    add("isBigIntObject", is_class<ObjectClass::BigInt>);
    add("isSymbolObject", is_class<ObjectClass::Symbol>);
    add("isProxy", is_class<ObjectClass::Proxy>);
    add("isExternal", always_false);
    add("isModuleNamespaceObject", always_false);
    return Value::object(types);
}

}  // namespace

Value create_util_module(Isolate& isolate) {
    JsObject* util = isolate.new_object();
    export_function(isolate, util, "format", util_format, 0);
    export_function(isolate, util, "formatWithOptions", util_format_with_options, 1);
    JsFunction* inspect_fn = new_inspect_function(isolate);
    export_value(isolate, util, "inspect", Value::object(inspect_fn));
    export_function(isolate, util, "isArray", util_is_array, 1);
    export_function(isolate, util, "isDeepStrictEqual", util_is_deep_strict_equal, 2);
    export_function(isolate, util, "inherits", util_inherits, 2);
    JsFunction* promisify = export_function(isolate, util, "promisify", util_promisify, 1);
    Value custom = symbol_for(isolate, "nodejs.util.promisify.custom");
    promisify->native_data = custom;
    create_data_property(isolate, promisify, isolate.intern("custom"), custom);
    export_function(isolate, util, "callbackify", util_callbackify, 1);
    export_function(isolate, util, "deprecate", util_deprecate, 2);
    export_function(isolate, util, "debuglog", util_debuglog, 1);
    export_value(isolate, util, "debug", get(isolate, Value::object(util), "debuglog"));
    export_function(isolate, util, "stripVTControlCharacters", util_strip_vt, 1);
    export_value(isolate, util, "types", create_types(isolate));
    // TextEncoder/TextDecoder are the runtime's globals; util re-exports them.
    for (std::string_view name : {"TextEncoder", "TextDecoder"}) {
        Value v = global_get(isolate, name);
        if (!v.is_undefined()) export_value(isolate, util, name, v);
    }
    return Value::object(util);
}

}  // namespace looplab::node
