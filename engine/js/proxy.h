// Proxy exotic objects (ECMAScript 10.5) and the Proxy constructor (28.2).
//
// A proxy is a JsFunction of kind Proxy whose class is ObjectClass::Proxy,
// so a callable proxy can go wherever a function can (is_callable accepts
// it) while every object operation in operations.cpp sees the Proxy class
// and routes to the internal methods below. native_data holds the target,
// native_data2 the handler; revocation clears the handler (the target is
// kept only to remember callability, which the spec fixes at creation).
// A proxy has no own properties and a null `proto` field: everything it
// answers comes from its handler or its target.
#pragma once

#include <span>
#include <vector>

#include "engine/js/operations.h"

namespace looplab::js {

inline bool is_proxy(const JsObject* o) { return o->cls == ObjectClass::Proxy; }
inline JsObject* proxy_target(JsObject* proxy) {
    Value t = static_cast<JsFunction*>(proxy)->native_data;
    return t.is_object() ? t.as_object() : nullptr;
}
inline bool proxy_is_revoked(JsObject* proxy) { return !static_cast<JsFunction*>(proxy)->native_data2.is_object(); }

// ProxyCreate (10.5.14).
Value proxy_create(Isolate& isolate, Value target, Value handler);

// The proxy internal methods (10.5.1 - 10.5.13).
JsObject* proxy_get_prototype_of(Isolate& isolate, JsObject* proxy);
bool proxy_set_prototype_of(Isolate& isolate, JsObject* proxy, JsObject* proto);
bool proxy_is_extensible(Isolate& isolate, JsObject* proxy);
bool proxy_prevent_extensions(Isolate& isolate, JsObject* proxy);
OwnProperty proxy_get_own_property(Isolate& isolate, JsObject* proxy, Value key);
bool proxy_define_own_property(Isolate& isolate, JsObject* proxy, Value key, const PropertyDescriptor& d);
bool proxy_has(Isolate& isolate, JsObject* proxy, Value key);
Value proxy_get(Isolate& isolate, JsObject* proxy, Value key, Value receiver);
bool proxy_set(Isolate& isolate, JsObject* proxy, Value key, Value value, Value receiver);
bool proxy_delete(Isolate& isolate, JsObject* proxy, Value key);
std::vector<Value> proxy_own_keys(Isolate& isolate, JsObject* proxy);
Value proxy_call(Isolate& isolate, JsObject* proxy, Value this_value, std::span<const Value> args);
Value proxy_construct(Isolate& isolate, JsObject* proxy, std::span<const Value> args, Value new_target);

// V8's wording for a key in proxy errors: the string, or Symbol(desc).
std::string proxy_key_text(Isolate& isolate, Value key);

void install_proxy_builtins(Isolate& isolate);  // Proxy, Proxy.revocable

}  // namespace looplab::js
