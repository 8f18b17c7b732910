// Proxy internal methods (ECMAScript 10.5). Each follows the spec's steps:
// look the trap up on the handler, forward to the target when it is absent,
// otherwise call it and check the invariants that keep a proxy honest about
// a non-configurable or non-extensible target. Error texts are V8's.
#include "engine/js/proxy.h"

#include <algorithm>

namespace looplab::js {

namespace {

// Proxies of proxies recurse on the C++ stack when traps are absent.
constexpr int kMaxProxyNesting = 1000;

// Steps 1-4 shared by every internal method: the handler, or a TypeError
// when the proxy was revoked.
JsObject* handler_or_throw(Isolate& isolate, JsObject* proxy, const char* trap) {
    Value handler = static_cast<JsFunction*>(proxy)->native_data2;
    if (!handler.is_object()) {
        isolate.throw_type_error(std::string("Cannot perform '") + trap + "' on a proxy that has been revoked");
    }
    return handler.as_object();
}

std::string value_text(Isolate& isolate, Value v) {
    if (v.is_symbol()) return "Symbol(" + v.as_symbol()->description + ")";
    if (v.is_bigint()) return v.as_bigint()->decimal;
    if (v.is_object()) return is_callable(v) ? "function" : "#<Object>";
    return to_string(isolate, v);
}

// GetMethod(handler, trap): undefined when absent, TypeError when not callable.
Value trap_of(Isolate& isolate, JsObject* handler, const char* trap) {
    Value method = get(isolate, Value::object(handler), trap);
    if (method.is_nullish()) return Value::undefined();
    if (!is_callable(method)) {
        isolate.throw_type_error("'" + value_text(isolate, method) + "' returned for property '" + trap +
                                 "' of object '#<Object>' is not a function");
    }
    return method;
}

Value call_trap(Isolate& isolate, Value trap, JsObject* handler, std::initializer_list<Value> args) {
    return isolate.call(trap, Value::object(handler), std::span<const Value>(args.begin(), args.size()));
}

[[noreturn]] void trap_error(Isolate& isolate, const char* trap, const std::string& what) {
    isolate.throw_type_error(std::string("'") + trap + "' on proxy: " + what);
}

Value proxy_constructor(Isolate& isolate, const CallArgs& call) {
    if (!call.is_construct()) isolate.throw_type_error("Constructor Proxy requires 'new'");
    return proxy_create(isolate, call.arg(0), call.arg(1));
}

Value revoke_proxy(Isolate&, const CallArgs& call) {
    Value p = call.callee->native_data;
    if (p.is_object()) static_cast<JsFunction*>(p.as_object())->native_data2 = Value::undefined();
    call.callee->native_data = Value::undefined();
    return Value::undefined();
}

// Proxy.revocable (28.2.2.1).
Value proxy_revocable(Isolate& isolate, const CallArgs& call) {
    Value p = proxy_create(isolate, call.arg(0), call.arg(1));
    JsFunction* revoke = isolate.new_native_function("", revoke_proxy, 0);
    revoke->native_data = p;
    JsObject* result = isolate.new_object();
    create_data_property(isolate, result, isolate.intern("proxy"), p);
    create_data_property(isolate, result, isolate.intern("revoke"), Value::object(revoke));
    return Value::object(result);
}

bool is_compatible_descriptor(const PropertyDescriptor& d, const OwnProperty& current) {
    if (!current.found) return true;
    if (current.flags & kConfigurable) return true;
    if (d.has_configurable && d.configurable) return false;
    if (d.has_enumerable && d.enumerable != bool(current.flags & kEnumerable)) return false;
    if (!d.is_accessor() && !d.is_data()) return true;
    if (bool(current.flags & kAccessor) != d.is_accessor()) return false;
    if (current.flags & kAccessor) {
        JsAccessor* a = as_accessor(current.value);
        return !(d.has_get && !d.getter.same_bits(a->getter)) && !(d.has_set && !d.setter.same_bits(a->setter));
    }
    if (!(current.flags & kWritable)) {
        return !(d.has_writable && d.writable) && !(d.has_value && !same_value(d.value, current.value));
    }
    return true;
}

}  // namespace

std::string proxy_key_text(Isolate& isolate, Value key) {
    if (key.is_symbol()) return "Symbol(" + key.as_symbol()->description + ")";
    return to_string(isolate, key);
}

// ProxyCreate (10.5.14).
Value proxy_create(Isolate& isolate, Value target, Value handler) {
    if (!target.is_object() || !handler.is_object()) {
        isolate.throw_type_error("Cannot create proxy with a non-object as target or handler");
    }
    int nesting = 0;
    for (JsObject* t = target.as_object(); is_proxy(t) && proxy_target(t) != nullptr; t = proxy_target(t)) {
        if (++nesting >= kMaxProxyNesting) {
            isolate.throw_range_error("looplab: proxies nested more than " + std::to_string(kMaxProxyNesting) +
                                      " deep are not supported");
        }
    }
    auto* p = isolate.heap().make<JsFunction>(nullptr, FunctionKind::Proxy);
    p->cls = ObjectClass::Proxy;
    p->native_data = target;
    p->native_data2 = handler;
    p->is_constructor = is_constructor(target);
    return Value::object(p);
}

// 10.5.1 [[GetPrototypeOf]]
JsObject* proxy_get_prototype_of(Isolate& isolate, JsObject* proxy) {
    JsObject* handler = handler_or_throw(isolate, proxy, "getPrototypeOf");
    JsObject* target = proxy_target(proxy);
    Value trap = trap_of(isolate, handler, "getPrototypeOf");
    if (trap.is_undefined()) return get_prototype_of(isolate, target);
    Value proto = call_trap(isolate, trap, handler, {Value::object(target)});
    if (!proto.is_object() && !proto.is_null()) trap_error(isolate, "getPrototypeOf", "trap returned neither object nor null");
    JsObject* result = proto.is_null() ? nullptr : proto.as_object();
    if (is_extensible(isolate, target)) return result;
    if (result != get_prototype_of(isolate, target)) {
        trap_error(isolate, "getPrototypeOf", "proxy target is non-extensible but the trap did not return its actual prototype");
    }
    return result;
}

// 10.5.2 [[SetPrototypeOf]]
bool proxy_set_prototype_of(Isolate& isolate, JsObject* proxy, JsObject* proto) {
    JsObject* handler = handler_or_throw(isolate, proxy, "setPrototypeOf");
    JsObject* target = proxy_target(proxy);
    Value trap = trap_of(isolate, handler, "setPrototypeOf");
    if (trap.is_undefined()) return set_prototype_of(isolate, target, proto);
    Value v = proto != nullptr ? Value::object(proto) : Value::null();
    if (!to_boolean(call_trap(isolate, trap, handler, {Value::object(target), v}))) return false;
    if (is_extensible(isolate, target)) return true;
    if (proto != get_prototype_of(isolate, target)) {
        trap_error(isolate, "setPrototypeOf", "trap returned truish for setting a new prototype on the non-extensible proxy target");
    }
    return true;
}

// 10.5.3 [[IsExtensible]]
bool proxy_is_extensible(Isolate& isolate, JsObject* proxy) {
    JsObject* handler = handler_or_throw(isolate, proxy, "isExtensible");
    JsObject* target = proxy_target(proxy);
    Value trap = trap_of(isolate, handler, "isExtensible");
    if (trap.is_undefined()) return is_extensible(isolate, target);
    bool result = to_boolean(call_trap(isolate, trap, handler, {Value::object(target)}));
    bool actual = is_extensible(isolate, target);
    if (result != actual) {
        trap_error(isolate, "isExtensible", std::string("trap result does not reflect extensibility of proxy target (which is '") +
                                                (actual ? "true" : "false") + "')");
    }
    return result;
}

// 10.5.4 [[PreventExtensions]]
bool proxy_prevent_extensions(Isolate& isolate, JsObject* proxy) {
    JsObject* handler = handler_or_throw(isolate, proxy, "preventExtensions");
    JsObject* target = proxy_target(proxy);
    Value trap = trap_of(isolate, handler, "preventExtensions");
    if (trap.is_undefined()) return prevent_extensions(isolate, target);
    bool result = to_boolean(call_trap(isolate, trap, handler, {Value::object(target)}));
    if (result && is_extensible(isolate, target)) {
        trap_error(isolate, "preventExtensions", "trap returned truish but the proxy target is extensible");
    }
    return result;
}

// 10.5.5 [[GetOwnProperty]]
OwnProperty proxy_get_own_property(Isolate& isolate, JsObject* proxy, Value key) {
    JsObject* handler = handler_or_throw(isolate, proxy, "getOwnPropertyDescriptor");
    JsObject* target = proxy_target(proxy);
    Value trap = trap_of(isolate, handler, "getOwnPropertyDescriptor");
    if (trap.is_undefined()) return get_own_property(isolate, target, key);
    Value result = call_trap(isolate, trap, handler, {Value::object(target), key});
    const char* name = "getOwnPropertyDescriptor";
    if (!result.is_object() && !result.is_undefined()) {
        trap_error(isolate, name, "trap returned neither object nor undefined for property '" + proxy_key_text(isolate, key) + "'");
    }
    OwnProperty target_desc = get_own_property(isolate, target, key);
    if (result.is_undefined()) {
        if (!target_desc.found) return {};
        if (!(target_desc.flags & kConfigurable)) {
            trap_error(isolate, name, "trap returned undefined for property '" + proxy_key_text(isolate, key) +
                                          "' which is non-configurable in the proxy target");
        }
        if (!is_extensible(isolate, target)) {
            trap_error(isolate, name, "trap returned undefined for property '" + proxy_key_text(isolate, key) +
                                          "' which exists in the non-extensible proxy target");
        }
        return {};
    }
    PropertyDescriptor d = to_property_descriptor(isolate, result);
    // CompletePropertyDescriptor (6.2.6.6), then back to an own property.
    OwnProperty out;
    out.found = true;
    out.flags = (d.enumerable ? kEnumerable : 0) | (d.configurable ? kConfigurable : 0);
    if (d.is_accessor()) {
        JsAccessor* a = isolate.heap().make<JsAccessor>();
        a->getter = d.has_get ? d.getter : Value::undefined();
        a->setter = d.has_set ? d.setter : Value::undefined();
        out.value = accessor_value(a);
        out.flags |= kAccessor;
    } else {
        out.value = d.has_value ? d.value : Value::undefined();
        if (d.writable) out.flags |= kWritable;
    }
    if (!is_compatible_descriptor(d, target_desc) || (!target_desc.found && !is_extensible(isolate, target))) {
        trap_error(isolate, name, "trap returned descriptor for property '" + proxy_key_text(isolate, key) +
                                      "' that is incompatible with the existing property in the proxy target");
    }
    if (!d.configurable && (!target_desc.found || (target_desc.flags & kConfigurable))) {
        trap_error(isolate, name, "trap reported non-configurability for property '" + proxy_key_text(isolate, key) +
                                      "' which is either non-existent or configurable in the proxy target");
    }
    return out;
}

// 10.5.6 [[DefineOwnProperty]]
bool proxy_define_own_property(Isolate& isolate, JsObject* proxy, Value key, const PropertyDescriptor& d) {
    JsObject* handler = handler_or_throw(isolate, proxy, "defineProperty");
    JsObject* target = proxy_target(proxy);
    Value trap = trap_of(isolate, handler, "defineProperty");
    if (trap.is_undefined()) return define_property(isolate, target, key, d);
    Value desc = from_property_descriptor(isolate, d);
    if (!to_boolean(call_trap(isolate, trap, handler, {Value::object(target), key, desc}))) return false;
    OwnProperty target_desc = get_own_property(isolate, target, key);
    bool setting_non_configurable = d.has_configurable && !d.configurable;
    if (!target_desc.found) {
        if (!is_extensible(isolate, target)) {
            trap_error(isolate, "defineProperty", "trap returned truish for adding property '" + proxy_key_text(isolate, key) +
                                                      "'  to the non-extensible proxy target");
        }
        if (setting_non_configurable) {
            trap_error(isolate, "defineProperty", "trap returned truish for defining non-configurable property '" +
                                                      proxy_key_text(isolate, key) +
                                                      "' which is either non-existent or configurable in the proxy target");
        }
        return true;
    }
    if (!is_compatible_descriptor(d, target_desc)) {
        trap_error(isolate, "defineProperty", "trap returned truish for adding property '" + proxy_key_text(isolate, key) +
                                                  "'  that is incompatible with the existing property in the proxy target");
    }
    if (setting_non_configurable && (target_desc.flags & kConfigurable)) {
        trap_error(isolate, "defineProperty", "trap returned truish for defining non-configurable property '" +
                                                  proxy_key_text(isolate, key) +
                                                  "' which is either non-existent or configurable in the proxy target");
    }
    return true;
}

// 10.5.7 [[HasProperty]]
bool proxy_has(Isolate& isolate, JsObject* proxy, Value key) {
    JsObject* handler = handler_or_throw(isolate, proxy, "has");
    JsObject* target = proxy_target(proxy);
    Value trap = trap_of(isolate, handler, "has");
    if (trap.is_undefined()) return has_property(isolate, target, key);
    if (to_boolean(call_trap(isolate, trap, handler, {Value::object(target), key}))) return true;
    OwnProperty target_desc = get_own_property(isolate, target, key);
    if (target_desc.found) {
        if (!(target_desc.flags & kConfigurable)) {
            trap_error(isolate, "has", "trap returned falsish for property '" + proxy_key_text(isolate, key) +
                                           "' which exists in the proxy target as non-configurable");
        }
        if (!is_extensible(isolate, target)) {
            trap_error(isolate, "has", "trap returned falsish for property '" + proxy_key_text(isolate, key) +
                                           "' but the proxy target is not extensible");
        }
    }
    return false;
}

// 10.5.8 [[Get]]
Value proxy_get(Isolate& isolate, JsObject* proxy, Value key, Value receiver) {
    JsObject* handler = handler_or_throw(isolate, proxy, "get");
    JsObject* target = proxy_target(proxy);
    Value trap = trap_of(isolate, handler, "get");
    if (trap.is_undefined()) return get_with_receiver(isolate, target, key, receiver);
    Value value = call_trap(isolate, trap, handler, {Value::object(target), key, receiver});
    OwnProperty target_desc = get_own_property(isolate, target, key);
    if (!target_desc.found || (target_desc.flags & kConfigurable)) return value;
    if (!(target_desc.flags & kAccessor) && !(target_desc.flags & kWritable) && !same_value(value, target_desc.value)) {
        trap_error(isolate, "get", "property '" + proxy_key_text(isolate, key) +
                                       "' is a read-only and non-configurable data property on the proxy target but "
                                       "the proxy did not return its actual value (expected '" +
                                       value_text(isolate, target_desc.value) + "' but got '" + value_text(isolate, value) + "')");
    }
    if ((target_desc.flags & kAccessor) && as_accessor(target_desc.value)->getter.is_undefined() && !value.is_undefined()) {
        trap_error(isolate, "get", "property '" + proxy_key_text(isolate, key) +
                                       "' is a non-configurable accessor property on the proxy target and does not "
                                       "have a getter function, but the trap did not return 'undefined' (got '" +
                                       value_text(isolate, value) + "')");
    }
    return value;
}

// 10.5.9 [[Set]]
bool proxy_set(Isolate& isolate, JsObject* proxy, Value key, Value value, Value receiver) {
    JsObject* handler = handler_or_throw(isolate, proxy, "set");
    JsObject* target = proxy_target(proxy);
    Value trap = trap_of(isolate, handler, "set");
    if (trap.is_undefined()) return set_with_receiver(isolate, target, key, value, receiver);
    if (!to_boolean(call_trap(isolate, trap, handler, {Value::object(target), key, value, receiver}))) return false;
    OwnProperty target_desc = get_own_property(isolate, target, key);
    if (!target_desc.found || (target_desc.flags & kConfigurable)) return true;
    if (!(target_desc.flags & kAccessor) && !(target_desc.flags & kWritable) && !same_value(value, target_desc.value)) {
        trap_error(isolate, "set", "trap returned truish for property '" + proxy_key_text(isolate, key) +
                                       "' which exists in the proxy target as a non-configurable and non-writable "
                                       "data property with a different value");
    }
    if ((target_desc.flags & kAccessor) && as_accessor(target_desc.value)->setter.is_undefined()) {
        trap_error(isolate, "set", "trap returned truish for property '" + proxy_key_text(isolate, key) +
                                       "' which exists in the proxy target as a non-configurable and non-writable "
                                       "accessor property without a setter");
    }
    return true;
}

// 10.5.10 [[Delete]]
bool proxy_delete(Isolate& isolate, JsObject* proxy, Value key) {
    JsObject* handler = handler_or_throw(isolate, proxy, "deleteProperty");
    JsObject* target = proxy_target(proxy);
    Value trap = trap_of(isolate, handler, "deleteProperty");
    if (trap.is_undefined()) return delete_property(isolate, target, key, false);
    if (!to_boolean(call_trap(isolate, trap, handler, {Value::object(target), key}))) return false;
    OwnProperty target_desc = get_own_property(isolate, target, key);
    if (!target_desc.found) return true;
    if (!(target_desc.flags & kConfigurable)) {
        trap_error(isolate, "deleteProperty", "trap returned truish for property '" + proxy_key_text(isolate, key) +
                                                  "' which is non-configurable in the proxy target");
    }
    if (!is_extensible(isolate, target)) {
        trap_error(isolate, "deleteProperty", "trap returned truish for property '" + proxy_key_text(isolate, key) +
                                                  "' but the proxy target is non-extensible");
    }
    return true;
}

// 10.5.11 [[OwnPropertyKeys]]
std::vector<Value> proxy_own_keys(Isolate& isolate, JsObject* proxy) {
    JsObject* handler = handler_or_throw(isolate, proxy, "ownKeys");
    JsObject* target = proxy_target(proxy);
    Value trap = trap_of(isolate, handler, "ownKeys");
    if (trap.is_undefined()) return own_property_keys(isolate, target, KeyFilter::All, false);
    Value result = call_trap(isolate, trap, handler, {Value::object(target)});
    if (!result.is_object()) isolate.throw_type_error("CreateListFromArrayLike called on non-object");
    uint64_t n = length_of_array_like(isolate, result.as_object());
    if (n > (1u << 24)) isolate.throw_range_error("looplab: ownKeys trap returned more keys than looplab supports");
    std::vector<Value> keys;
    for (uint64_t i = 0; i < n; ++i) {
        Value k = get(isolate, result, Value::number(static_cast<double>(i)));
        if (!k.is_string() && !k.is_symbol()) isolate.throw_type_error(value_text(isolate, k) + " is not a valid property name");
        k = isolate.to_property_key(k);
        if (std::any_of(keys.begin(), keys.end(), [&](Value seen) { return seen.same_bits(k); })) {
            trap_error(isolate, "ownKeys", "trap returned duplicate entries");
        }
        keys.push_back(k);
    }
    bool extensible = is_extensible(isolate, target);
    for (Value k : own_property_keys(isolate, target, KeyFilter::All, false)) {
        OwnProperty own = get_own_property(isolate, target, k);
        bool must_report = !extensible || (own.found && !(own.flags & kConfigurable));
        if (must_report && std::none_of(keys.begin(), keys.end(), [&](Value r) { return r.same_bits(k); })) {
            trap_error(isolate, "ownKeys", "trap result did not include '" + proxy_key_text(isolate, k) + "'");
        }
    }
    return keys;
}

// 10.5.12 [[Call]]
Value proxy_call(Isolate& isolate, JsObject* proxy, Value this_value, std::span<const Value> args) {
    JsObject* handler = handler_or_throw(isolate, proxy, "apply");
    JsObject* target = proxy_target(proxy);
    Value trap = trap_of(isolate, handler, "apply");
    if (trap.is_undefined()) return isolate.call(Value::object(target), this_value, args);
    Value array = Value::object(isolate.new_array_from(args));
    return call_trap(isolate, trap, handler, {Value::object(target), this_value, array});
}

// 10.5.13 [[Construct]]
Value proxy_construct(Isolate& isolate, JsObject* proxy, std::span<const Value> args, Value new_target) {
    JsObject* handler = handler_or_throw(isolate, proxy, "construct");
    JsObject* target = proxy_target(proxy);
    Value trap = trap_of(isolate, handler, "construct");
    if (trap.is_undefined()) return isolate.construct(Value::object(target), args, new_target);
    Value array = Value::object(isolate.new_array_from(args));
    Value result = call_trap(isolate, trap, handler, {Value::object(target), array, new_target});
    if (!result.is_object()) trap_error(isolate, "construct", "trap returned non-object ('" + value_text(isolate, result) + "')");
    return result;
}

void install_proxy_builtins(Isolate& isolate) {
    JsFunction* ctor = isolate.new_native_function("Proxy", proxy_constructor, 2, true);
    isolate.define_method(ctor, "revocable", proxy_revocable, 2);
    isolate.define_value(isolate.realm().global, "Proxy", Value::object(ctor), kHiddenFlags);
}

}  // namespace looplab::js
