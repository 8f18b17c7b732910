// ECMAScript abstract operations (spec section 7): type conversion, testing
// and comparison, and operations on objects. Every built-in and the VM go
// through these so the semantics live in one place.
#pragma once

#include <string>
#include <vector>

#include "engine/js/isolate.h"

namespace looplab::js {

// ---- 7.1 Type conversion ----
Value to_primitive(Isolate& isolate, Value v, const char* hint = "default");  // "default" | "number" | "string"
bool to_boolean(Value v);
double to_number(Isolate& isolate, Value v);
double to_integer_or_infinity(Isolate& isolate, Value v);
int32_t to_int32(double d);
uint32_t to_uint32(double d);
int32_t to_int32(Isolate& isolate, Value v);
uint32_t to_uint32(Isolate& isolate, Value v);
Value to_string_value(Isolate& isolate, Value v);  // a string Value
std::string to_string(Isolate& isolate, Value v);  // its UTF-8 text
JsObject* to_object(Isolate& isolate, Value v);    // throws TypeError on null/undefined
// Length of an array-like (ToLength(Get(o, "length"))).
uint64_t length_of_array_like(Isolate& isolate, JsObject* o);

// ---- 7.2 Testing and comparison ----
bool is_callable(Value v);
bool is_constructor(Value v);
bool is_array(Value v);  // an Array object itself (what fast paths may cast)
// IsArray (7.2.2): also true for a proxy whose target is an array; throws on a revoked proxy.
bool is_array_or_proxied_array(Isolate& isolate, Value v);
bool strictly_equal(Value a, Value b);
bool loosely_equal(Isolate& isolate, Value a, Value b);
bool same_value(Value a, Value b);
bool same_value_zero(Value a, Value b);
// "undefined", "object", "boolean", "number", "string", "symbol", "bigint", "function"
const char* type_of(Value v);

// ---- 7.3 Operations on objects ----
// Keys must be property keys (Isolate::to_property_key).
Value get(Isolate& isolate, Value target, Value key);            // works on primitives too
Value get(Isolate& isolate, Value target, std::string_view key);
void set(Isolate& isolate, Value target, Value key, Value value, bool strict = false);
void set(Isolate& isolate, Value target, std::string_view key, Value value);
bool has_property(Isolate& isolate, JsObject* o, Value key);
bool has_own_property(Isolate& isolate, JsObject* o, Value key);
bool delete_property(Isolate& isolate, JsObject* o, Value key, bool strict = false);
// CreateDataProperty / DefinePropertyOrThrow for plain data.
void create_data_property(Isolate& isolate, JsObject* o, Value key, Value value);
// Own property with flags; an accessor passes a JsAccessor cell as the value and kAccessor.
void define_own_property(Isolate& isolate, JsObject* o, Value key, Value value, uint8_t flags);
// Finds an own property (arrays: elements and length included) without invoking getters.
struct OwnProperty {
    bool found = false;
    Value value;      // data value, or the JsAccessor cell when flags & kAccessor
    uint8_t flags = 0;
};
OwnProperty get_own_property(Isolate& isolate, JsObject* o, Value key);
enum class KeyFilter : uint8_t { StringsOnly, SymbolsOnly, All };
// OrdinaryOwnPropertyKeys: integer keys ascending, then strings, then symbols, in insertion order.
std::vector<Value> own_property_keys(Isolate& isolate, JsObject* o, KeyFilter filter,
                                     bool only_enumerable);
// [[Get]] with an explicit receiver (the `this` of getters), as Reflect.get
// and proxies forwarding to their target need.
Value get_with_receiver(Isolate& isolate, JsObject* o, Value key, Value receiver);
// [[Set]] with an explicit receiver (OrdinarySet, 10.1.9.2); false when refused.
bool set_with_receiver(Isolate& isolate, JsObject* o, Value key, Value value, Value receiver);
// [[GetPrototypeOf]], [[SetPrototypeOf]], [[IsExtensible]], [[PreventExtensions]]
// of ordinary objects and proxies alike.
JsObject* get_prototype_of(Isolate& isolate, JsObject* o);
bool set_prototype_of(Isolate& isolate, JsObject* o, JsObject* proto);
bool is_extensible(Isolate& isolate, JsObject* o);
bool prevent_extensions(Isolate& isolate, JsObject* o);

// ---- property descriptors (6.2.6); implemented next to Object.defineProperty
struct PropertyDescriptor {
    bool has_value = false, has_writable = false, has_get = false, has_set = false;
    bool has_enumerable = false, has_configurable = false;
    Value value, getter, setter;
    bool writable = false, enumerable = false, configurable = false;
    bool is_accessor() const { return has_get || has_set; }
    bool is_data() const { return has_value || has_writable; }
};
PropertyDescriptor to_property_descriptor(Isolate& isolate, Value v);          // ToPropertyDescriptor
Value from_property_descriptor(Isolate& isolate, const PropertyDescriptor& d);  // FromPropertyDescriptor
PropertyDescriptor descriptor_of(const OwnProperty& own);                      // a found own property
// [[DefineOwnProperty]] (10.1.6, or the proxy trap); false when refused.
bool define_property(Isolate& isolate, JsObject* o, Value key, const PropertyDescriptor& d);

// CopyDataProperties (7.3.25): object spread and rest. Each key's
// enumerability is checked just before it is read, as the spec orders it.
void copy_data_properties(Isolate& isolate, JsObject* to, JsObject* from, std::span<const Value> excluded);

Value call_method(Isolate& isolate, Value target, std::string_view name,
                  std::span<const Value> args);
bool instance_of(Isolate& isolate, Value v, Value constructor);
bool ordinary_has_instance(Isolate& isolate, Value constructor, Value v);
JsObject* get_prototype_from_constructor(Isolate& isolate, Value constructor, JsObject* fallback);
// Array.prototype-style length update: truncates or extends elements.
void set_array_length(Isolate& isolate, JsArray* array, double new_length);

// ---- iteration (7.4) ----
// Collects an iterable into a vector (fast path for unmodified arrays).
std::vector<Value> iterate_to_vector(Isolate& isolate, Value iterable);
Value get_iterator(Isolate& isolate, Value iterable);  // returns the iterator object
// Steps an iterator: returns false when done; value receives the next value.
bool iterator_step(Isolate& isolate, Value iterator, Value* value);
void iterator_close(Isolate& isolate, Value iterator);
Value create_iter_result(Isolate& isolate, Value value, bool done);

}  // namespace looplab::js
