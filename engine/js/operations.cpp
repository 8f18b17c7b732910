#include "engine/js/operations.h"

#include "engine/js/bigint.h"
#include "engine/js/builtins.h"
#include "engine/js/proxy.h"

#include <algorithm>
#include <cmath>

namespace looplab::js {

namespace {

// Refuse array writes that would allocate a huge dense gap (a[1e9] = 1).
constexpr size_t kMaxDenseGrowth = 1u << 24;
// Walks over prototypes a proxy trap reports (instanceof) stop here.
constexpr size_t kMaxPrototypeWalk = 1u << 20;

// If the key is an array index (a number or a canonical numeric string),
// returns true and sets *index.
bool key_as_index(Value key, uint32_t* index) {
    if (key.is_number()) {
        double d = key.as_number();
        if (d >= 0 && d < 4294967295.0 && d == std::floor(d)) {
            *index = static_cast<uint32_t>(d);
            return true;
        }
        return false;
    }
    if (key.is_string()) return is_array_index(key.as_string()->view(), index);
    return false;
}

bool is_length_key(Isolate& isolate, Value key) {
    return key.is_string() && key.as_string()->view() == "length";
}

JsObject* prototype_for_primitive(Isolate& isolate, Value v) {
    Realm& r = isolate.realm();
    if (v.is_string()) return r.string_prototype;
    if (v.is_number()) return r.number_prototype;
    if (v.is_bool()) return r.boolean_prototype;
    if (v.is_symbol()) return r.symbol_prototype;
    if (v.is_bigint()) return r.bigint_prototype;
    return nullptr;
}

Value call_getter(Isolate& isolate, Value accessor_cell, Value receiver) {
    JsAccessor* accessor = as_accessor(accessor_cell);
    if (accessor->getter.is_undefined()) return Value::undefined();
    return isolate.call(accessor->getter, receiver, {});
}

std::string describe_key(Isolate& isolate, Value key) {
    if (key.is_symbol()) return "Symbol(" + key.as_symbol()->description + ")";
    return to_string(isolate, key);
}

// How V8 names a receiver in write and delete errors (its side-effect-free
// string): a function's source, an error's "Name: message", "#<Ctor>".
std::string receiver_label(Isolate& isolate, Value target) {
    if (!target.is_object()) {
        if (target.is_symbol()) return describe_key(isolate, target);
        if (target.is_bigint()) return target.as_bigint()->decimal;
        return to_string(isolate, target);
    }
    JsObject* o = target.as_object();
    if (is_callable(target)) return function_source_text(isolate, static_cast<JsFunction*>(o));
    switch (o->cls) {
        case ObjectClass::Array: return "[object Array]";
        case ObjectClass::String: return "[object String]";
        case ObjectClass::Number: return "[object Number]";
        case ObjectClass::Boolean: return "[object Boolean]";
        case ObjectClass::Error: {
            Value name = get(isolate, target, "name");
            Value message = get(isolate, target, "message");
            std::string text = name.is_string() ? name.as_string()->str() : "Error";
            if (message.is_string() && message.as_string()->byte_length() > 0) text += ": " + message.as_string()->str();
            return text;
        }
        default: break;
    }
    if (o->proto == nullptr) return "[object Object]";
    for (JsObject* p = o; p != nullptr; p = p->proto) {
        const PropertySlot* slot = p->props.find(isolate.intern("constructor"));
        if (slot == nullptr) continue;
        if (!(slot->flags & kAccessor) && is_callable(slot->value)) {
            JsString* name = static_cast<JsFunction*>(slot->value.as_object())->name;
            if (name != nullptr && name->byte_length() > 0) return "#<" + name->str() + ">";
        }
        break;
    }
    return "#<Object>";
}

const char* receiver_type(Value target) {
    if (target.is_string()) return "string";
    if (target.is_number()) return "number";
    if (target.is_bool()) return "boolean";
    if (target.is_symbol()) return "symbol";
    if (target.is_bigint()) return "bigint";
    return is_callable(target) ? "function" : "object";
}

[[noreturn]] void throw_read_only(Isolate& isolate, Value target, Value key);

[[noreturn]] void throw_getter_only(Isolate& isolate, Value target, Value key) {
    isolate.throw_type_error("Cannot set property " + describe_key(isolate, key) + " of " +
                             receiver_label(isolate, target) + " which has only a getter");
}

// OrdinarySet with a primitive receiver: only an inherited setter can take
// the write; anything else is dropped, or in strict code a TypeError.
void set_on_primitive(Isolate& isolate, Value target, Value key, Value value, bool strict) {
    key = isolate.to_property_key(key);
    for (JsObject* p = prototype_for_primitive(isolate, target); p != nullptr; p = p->proto) {
        const PropertySlot* slot = p->props.find(key);
        if (slot == nullptr) continue;
        if (!(slot->flags & kAccessor)) break;
        JsAccessor* accessor = as_accessor(slot->value);
        if (!accessor->setter.is_undefined()) {
            isolate.call(accessor->setter, target, std::span<const Value>(&value, 1));
        } else if (strict) {
            throw_getter_only(isolate, target, key);
        }
        return;
    }
    if (!strict) return;
    uint32_t index;
    if (target.is_string() &&
        (is_length_key(isolate, key) || (key_as_index(key, &index) && index < target.as_string()->length()))) {
        throw_read_only(isolate, target, key);
    }
    isolate.throw_type_error("Cannot create property '" + describe_key(isolate, key) + "' on " + receiver_type(target) +
                             " '" + receiver_label(isolate, target) + "'");
}

[[noreturn]] void throw_read_only(Isolate& isolate, Value target, Value key) {
    isolate.throw_type_error("Cannot assign to read only property '" + describe_key(isolate, key) + "' of " +
                             receiver_type(target) + " '" + receiver_label(isolate, target) + "'");
}

}  // namespace

// ---------------------------------------------------------------- conversion

Value to_primitive(Isolate& isolate, Value v, const char* hint) {
    if (!v.is_object()) return v;
    // 7.1.1 ToPrimitive step 2: an exotic @@toPrimitive wins.
    Value exotic = get(isolate, v, Value::symbol(isolate.symbols().to_primitive));
    if (!exotic.is_nullish()) {
        Value h = isolate.intern(hint);
        Value result = isolate.call(exotic, v, std::span<const Value>(&h, 1));
        if (result.is_object()) isolate.throw_type_error("Cannot convert object to primitive value");
        return result;
    }
    // OrdinaryToPrimitive: "string" tries toString first, otherwise valueOf first.
    bool string_first = std::string_view(hint) == "string";
    const char* order[2] = {string_first ? "toString" : "valueOf", string_first ? "valueOf" : "toString"};
    for (const char* name : order) {
        Value method = get(isolate, v, name);
        if (is_callable(method)) {
            Value result = isolate.call(method, v, {});
            if (!result.is_object()) return result;
        }
    }
    isolate.throw_type_error("Cannot convert object to primitive value");
}

bool to_boolean(Value v) {
    if (v.is_bool()) return v.as_bool();
    if (v.is_number()) {
        double d = v.as_number();
        return !(d == 0 || std::isnan(d));
    }
    if (v.is_nullish() || v.is_empty()) return false;
    if (v.is_string()) return v.as_string()->byte_length() != 0;
    if (v.is_bigint()) return !bigint_is_zero(v);
    return true;  // objects, symbols
}

double to_number(Isolate& isolate, Value v) {
    if (v.is_number()) return v.as_number();
    if (v.is_undefined()) return NAN;
    if (v.is_null()) return 0;
    if (v.is_bool()) return v.as_bool() ? 1 : 0;
    if (v.is_string()) return string_to_number(v.as_string()->view());
    if (v.is_symbol()) isolate.throw_type_error("Cannot convert a Symbol value to a number");
    if (v.is_bigint()) isolate.throw_type_error("Cannot convert a BigInt value to a number");
    return to_number(isolate, to_primitive(isolate, v, "number"));
}

double to_integer_or_infinity(Isolate& isolate, Value v) {
    double d = to_number(isolate, v);
    if (std::isnan(d) || d == 0) return 0;
    if (std::isinf(d)) return d;
    return std::trunc(d);
}

int32_t to_int32(double d) { return static_cast<int32_t>(to_uint32(d)); }

uint32_t to_uint32(double d) {
    if (!std::isfinite(d) || d == 0) return 0;
    double t = std::trunc(d);
    double m = std::fmod(t, 4294967296.0);
    if (m < 0) m += 4294967296.0;
    return static_cast<uint32_t>(m);
}

int32_t to_int32(Isolate& isolate, Value v) {
    if (v.is_number()) return to_int32(v.as_number());
    return to_int32(to_number(isolate, v));
}

uint32_t to_uint32(Isolate& isolate, Value v) {
    if (v.is_number()) return to_uint32(v.as_number());
    return to_uint32(to_number(isolate, v));
}

Value to_string_value(Isolate& isolate, Value v) {
    if (v.is_string()) return v;
    if (v.is_number()) {
        double d = v.as_number();
        // Small integers are common keys and counters; reuse interned cells.
        if (d >= 0 && d < 1000 && d == std::floor(d)) return isolate.intern(number_to_string(d));
        return isolate.new_string(number_to_string(d));
    }
    if (v.is_undefined()) return isolate.intern("undefined");
    if (v.is_null()) return isolate.intern("null");
    if (v.is_bool()) return isolate.intern(v.as_bool() ? "true" : "false");
    if (v.is_symbol()) isolate.throw_type_error("Cannot convert a Symbol value to a string");
    if (v.is_bigint()) {
        Value method = get(isolate, v, "toString");
        return to_string_value(isolate, isolate.call(method, v, {}));
    }
    return to_string_value(isolate, to_primitive(isolate, v, "string"));
}

std::string to_string(Isolate& isolate, Value v) {
    if (v.is_string()) return v.as_string()->str();
    if (v.is_number()) return number_to_string(v.as_number());
    return to_string_value(isolate, v).as_string()->str();
}

JsObject* to_object(Isolate& isolate, Value v) {
    if (v.is_object()) return v.as_object();
    if (v.is_nullish()) isolate.throw_type_error("Cannot convert undefined or null to object");
    ObjectClass cls = v.is_string()   ? ObjectClass::String
                      : v.is_number() ? ObjectClass::Number
                      : v.is_bool()   ? ObjectClass::Boolean
                      : v.is_symbol() ? ObjectClass::Symbol
                                      : ObjectClass::BigInt;
    JsObject* wrapper = isolate.heap().make<JsObject>(prototype_for_primitive(isolate, v), cls);
    wrapper->internal = v;
    return wrapper;
}

uint64_t length_of_array_like(Isolate& isolate, JsObject* o) {
    if (o->cls == ObjectClass::Array) return static_cast<JsArray*>(o)->elements.size();
    double len = to_integer_or_infinity(isolate, get(isolate, Value::object(o), "length"));
    if (len <= 0) return 0;
    return static_cast<uint64_t>(std::min(len, 9007199254740991.0));
}

// ---------------------------------------------------------------- testing

bool is_callable(Value v) {
    if (!v.is_object()) return false;
    JsObject* o = v.as_object();
    if (o->cls == ObjectClass::Function) return true;
    // A proxy is callable exactly when its target was (10.5.14 step 7).
    return is_proxy(o) && proxy_target(o) != nullptr && is_callable(Value::object(proxy_target(o)));
}

bool is_constructor(Value v) {
    return is_callable(v) && static_cast<JsFunction*>(v.as_object())->is_constructor;
}

bool is_array(Value v) { return v.is_object() && v.as_object()->cls == ObjectClass::Array; }

bool is_array_or_proxied_array(Isolate& isolate, Value v) {
    while (v.is_object() && is_proxy(v.as_object())) {
        if (proxy_is_revoked(v.as_object())) isolate.throw_type_error("Cannot perform 'IsArray' on a proxy that has been revoked");
        v = Value::object(proxy_target(v.as_object()));
    }
    return is_array(v);
}

bool strictly_equal(Value a, Value b) {
    if (a.is_number() && b.is_number()) return a.as_number() == b.as_number();
    if (a.is_string() && b.is_string()) {
        return a.same_bits(b) || a.as_string()->str() == b.as_string()->str();
    }
    if (a.is_bigint() && b.is_bigint()) {
        return a.as_bigint()->decimal == b.as_bigint()->decimal;
    }
    return a.same_bits(b);
}

bool same_value_zero(Value a, Value b) {
    if (a.is_number() && b.is_number()) {
        double x = a.as_number(), y = b.as_number();
        return x == y || (std::isnan(x) && std::isnan(y));
    }
    return strictly_equal(a, b);
}

bool same_value(Value a, Value b) {
    if (a.is_number() && b.is_number()) {
        double x = a.as_number(), y = b.as_number();
        if (std::isnan(x) && std::isnan(y)) return true;
        if (x == 0 && y == 0) return std::signbit(x) == std::signbit(y);
        return x == y;
    }
    return strictly_equal(a, b);
}

bool loosely_equal(Isolate& isolate, Value a, Value b) {
    // 7.2.14 IsLooselyEqual
    if (a.is_number() && b.is_number()) return a.as_number() == b.as_number();
    bool same_type = (a.is_string() && b.is_string()) || (a.is_bool() && b.is_bool()) ||
                     (a.is_object() && b.is_object()) || (a.is_symbol() && b.is_symbol()) ||
                     (a.is_bigint() && b.is_bigint()) || (a.is_undefined() && b.is_undefined()) ||
                     (a.is_null() && b.is_null());
    if (same_type) return strictly_equal(a, b);
    if (a.is_nullish() && b.is_nullish()) return true;
    if (a.is_nullish() || b.is_nullish()) return false;
    if (a.is_number() && b.is_string()) return a.as_number() == to_number(isolate, b);
    if (a.is_string() && b.is_number()) return to_number(isolate, a) == b.as_number();
    if (a.is_bigint() || b.is_bigint()) {
        Value other = a.is_bigint() ? b : a;
        Value big = a.is_bigint() ? a : b;
        if (other.is_object()) return loosely_equal(isolate, big, to_primitive(isolate, other));
        if (other.is_symbol()) return false;
        double n = to_number(isolate, other);
        double bn = std::strtod(to_string(isolate, big).c_str(), nullptr);
        return n == bn;
    }
    if (a.is_bool()) return loosely_equal(isolate, Value::number(a.as_bool() ? 1 : 0), b);
    if (b.is_bool()) return loosely_equal(isolate, a, Value::number(b.as_bool() ? 1 : 0));
    if (b.is_object() && !a.is_object()) return loosely_equal(isolate, a, to_primitive(isolate, b));
    if (a.is_object() && !b.is_object()) return loosely_equal(isolate, to_primitive(isolate, a), b);
    return false;
}

const char* type_of(Value v) {
    if (v.is_number()) return "number";
    if (v.is_string()) return "string";
    if (v.is_bool()) return "boolean";
    if (v.is_undefined() || v.is_empty()) return "undefined";
    if (v.is_null()) return "object";
    if (v.is_symbol()) return "symbol";
    if (v.is_bigint()) return "bigint";
    return is_callable(v) ? "function" : "object";
}

// ---------------------------------------------------------------- properties

OwnProperty get_own_property(Isolate& isolate, JsObject* o, Value key) {
    if (is_proxy(o)) return proxy_get_own_property(isolate, o, isolate.to_property_key(key));
    uint32_t index;
    if (o->cls == ObjectClass::Array) {
        auto* array = static_cast<JsArray*>(o);
        if (key_as_index(key, &index)) {
            if (index < array->elements.size() && !array->elements[index].is_empty()) {
                return {true, array->elements[index], kDefaultFlags};
            }
            return {};
        }
        if (is_length_key(isolate, key)) {
            return {true, Value::number(static_cast<double>(array->elements.size())), kWritable};
        }
    } else if (o->cls == ObjectClass::TypedArray) {
        auto* typed = static_cast<JsTypedArray*>(o);
        if (key_as_index(key, &index)) {
            if (index < typed->length) return {true, Value::number(typed->load(index)), kWritable | kEnumerable};
            return {};
        }
    } else if (o->cls == ObjectClass::String && o->internal.is_string()) {
        JsString* s = o->internal.as_string();
        if (key_as_index(key, &index) && index < s->length()) {
            return {true, isolate.new_string(s->substring(index, index + 1)), kEnumerable};
        }
        if (is_length_key(isolate, key)) return {true, Value::number(static_cast<double>(s->length())), 0};
    }
    // Property maps are keyed by interned strings: a string built at run
    // time ('http' + ':') is looked up by its interned twin.
    if (key.is_number() || (key.is_string() && !key.as_string()->interned)) key = isolate.to_property_key(key);
    const PropertySlot* slot = o->props.find(key);
    if (slot == nullptr) return {};
    return {true, slot->value, slot->flags};
}

Value get(Isolate& isolate, Value target, Value key) {
    Value receiver = target;
    JsObject* o;
    if (target.is_object()) {
        o = target.as_object();
    } else if (target.is_string()) {
        JsString* s = target.as_string();
        uint32_t index;
        if (key_as_index(key, &index)) {
            if (index < s->length()) return isolate.new_string(s->substring(index, index + 1));
            return Value::undefined();
        }
        if (is_length_key(isolate, key)) return Value::number(static_cast<double>(s->length()));
        o = isolate.realm().string_prototype;
    } else if (target.is_nullish()) {
        isolate.throw_type_error("Cannot read properties of " + std::string(target.is_null() ? "null" : "undefined") +
                                 " (reading '" + describe_key(isolate, key) + "')");
    } else {
        o = prototype_for_primitive(isolate, target);
    }
    return get_with_receiver(isolate, o, key, receiver);
}

Value get_with_receiver(Isolate& isolate, JsObject* o, Value key, Value receiver) {
    if (!key.is_string() && !key.is_symbol() && !key.is_number()) key = isolate.to_property_key(key);
    // Walk the prototype chain; bounded because chains cannot be cyclic.
    while (o != nullptr) {
        if (is_proxy(o)) return proxy_get(isolate, o, isolate.to_property_key(key), receiver);
        OwnProperty own = get_own_property(isolate, o, key);
        if (own.found) {
            if (own.flags & kAccessor) return call_getter(isolate, own.value, receiver);
            return own.value;
        }
        o = o->proto;
    }
    return Value::undefined();
}

Value get(Isolate& isolate, Value target, std::string_view key) { return get(isolate, target, isolate.intern(key)); }

namespace {

// Writes an element of a dense array, growing it with holes.
void set_array_element(Isolate& isolate, JsArray* array, uint32_t index, Value value) {
    if (index < array->elements.size()) {
        array->elements[index] = value;
        return;
    }
    if (!array->extensible) return;
    if (index - array->elements.size() > kMaxDenseGrowth) {
        isolate.throw_range_error("looplab: array index " + std::to_string(index) +
                                  " would create a sparse array larger than looplab supports");
    }
    isolate.heap().note_growth((index + 1 - array->elements.size()) * sizeof(Value));
    array->elements.resize(index + 1, Value::empty());
    array->elements[index] = value;
}

// Finds a setter or a read-only property up the chain (OrdinarySet step 2-3).
// A proxy on the chain takes the write itself: *proxy receives it.
const PropertySlot* find_inherited_slot(JsObject* o, Value key, JsObject** proxy) {
    for (JsObject* p = o->proto; p != nullptr; p = p->proto) {
        if (is_proxy(p)) {
            *proxy = p;
            return nullptr;
        }
        if (const PropertySlot* slot = p->props.find(key)) return slot;
    }
    return nullptr;
}

// A proxy refused a write: strict code throws (V8's wording).
void proxy_write_refused(Isolate& isolate, Value key, bool strict) {
    if (!strict) return;
    isolate.throw_type_error("'set' on proxy: trap returned falsish for property '" + proxy_key_text(isolate, key) + "'");
}

}  // namespace

void set(Isolate& isolate, Value target, Value key, Value value, bool strict) {
    if (!target.is_object()) {
        if (target.is_nullish()) {
            isolate.throw_type_error("Cannot set properties of " + std::string(target.is_null() ? "null" : "undefined") +
                                     " (setting '" + describe_key(isolate, key) + "')");
        }
        set_on_primitive(isolate, target, key, value, strict);
        return;
    }
    JsObject* o = target.as_object();
    if (is_proxy(o)) {
        key = isolate.to_property_key(key);
        if (!proxy_set(isolate, o, key, value, target)) proxy_write_refused(isolate, key, strict);
        return;
    }
    uint32_t index;
    if (o->cls == ObjectClass::Array) {
        auto* array = static_cast<JsArray*>(o);
        if (key_as_index(key, &index)) {
            if (array->frozen) {
                if (strict) throw_read_only(isolate, target, key);
                return;
            }
            if (!array->extensible && index >= array->elements.size()) {
                if (strict) isolate.throw_type_error("Cannot add property " + std::to_string(index) + ", object is not extensible");
                return;
            }
            set_array_element(isolate, array, index, value);
            return;
        } else if (is_length_key(isolate, key)) {
            if (array->frozen) {
                if (strict) throw_read_only(isolate, target, key);
                return;
            }
            set_array_length(isolate, array, to_number(isolate, value));
            return;
        }
    } else if (o->cls == ObjectClass::TypedArray) {
        auto* typed = static_cast<JsTypedArray*>(o);
        if (key_as_index(key, &index)) {
            if (index < typed->length) typed->store(index, to_number(isolate, value));
            return;
        }
    }
    key = isolate.to_property_key(key);
    if (PropertySlot* slot = o->props.find(key)) {
        if (slot->flags & kAccessor) {
            JsAccessor* accessor = as_accessor(slot->value);
            if (accessor->setter.is_undefined()) {
                if (strict) throw_getter_only(isolate, target, key);
                return;
            }
            isolate.call(accessor->setter, target, std::span<const Value>(&value, 1));
            return;
        }
        if (!(slot->flags & kWritable)) {
            if (strict) throw_read_only(isolate, target, key);
            return;
        }
        slot->value = value;
        return;
    }
    JsObject* proxy = nullptr;
    const PropertySlot* inherited = find_inherited_slot(o, key, &proxy);
    if (proxy != nullptr) {
        if (!proxy_set(isolate, proxy, key, value, target)) proxy_write_refused(isolate, key, strict);
        return;
    }
    if (inherited != nullptr) {
        if (inherited->flags & kAccessor) {
            JsAccessor* accessor = as_accessor(inherited->value);
            if (!accessor->setter.is_undefined()) {
                isolate.call(accessor->setter, target, std::span<const Value>(&value, 1));
            } else if (strict) {
                throw_getter_only(isolate, target, key);
            }
            return;
        }
        if (!(inherited->flags & kWritable)) {
            if (strict) throw_read_only(isolate, target, key);
            return;
        }
    }
    if (!o->extensible) {
        if (strict) isolate.throw_type_error("Cannot add property " + describe_key(isolate, key) + ", object is not extensible");
        return;
    }
    o->props.add(key, value, kDefaultFlags);
}

void set(Isolate& isolate, Value target, std::string_view key, Value value) {
    set(isolate, target, isolate.intern(key), value);
}

bool has_own_property(Isolate& isolate, JsObject* o, Value key) {
    return get_own_property(isolate, o, key).found;
}

bool has_property(Isolate& isolate, JsObject* o, Value key) {
    for (JsObject* p = o; p != nullptr; p = p->proto) {
        if (is_proxy(p)) return proxy_has(isolate, p, isolate.to_property_key(key));
        if (get_own_property(isolate, p, key).found) return true;
    }
    return false;
}

bool delete_property(Isolate& isolate, JsObject* o, Value key, bool strict) {
    if (is_proxy(o)) {
        key = isolate.to_property_key(key);
        bool deleted = proxy_delete(isolate, o, key);
        if (!deleted && strict) {
            isolate.throw_type_error("'deleteProperty' on proxy: trap returned falsish for property '" +
                                     proxy_key_text(isolate, key) + "'");
        }
        return deleted;
    }
    uint32_t index;
    if (o->cls == ObjectClass::Array && key_as_index(key, &index)) {
        auto* array = static_cast<JsArray*>(o);
        if (array->frozen) {
            if (strict) {
                isolate.throw_type_error("Cannot delete property '" + std::to_string(index) + "' of [object Array]");
            }
            return false;
        }
        if (index < array->elements.size()) array->elements[index] = Value::empty();
        return true;
    }
    if (o->cls == ObjectClass::Array && is_length_key(isolate, key)) {  // length is never configurable
        if (strict) isolate.throw_type_error("Cannot delete property 'length' of [object Array]");
        return false;
    }
    key = isolate.to_property_key(key);
    PropertySlot* slot = o->props.find(key);
    if (slot == nullptr) return true;
    if (!(slot->flags & kConfigurable)) {
        if (strict) isolate.throw_type_error("Cannot delete property '" + describe_key(isolate, key) + "' of " + receiver_label(isolate, Value::object(o)));
        return false;
    }
    o->props.remove(key);
    return true;
}

void create_data_property(Isolate& isolate, JsObject* o, Value key, Value value) {
    define_own_property(isolate, o, key, value, kDefaultFlags);
}

void define_own_property(Isolate& isolate, JsObject* o, Value key, Value value, uint8_t flags) {
    if (is_proxy(o)) {
        OwnProperty own{true, value, flags};
        key = isolate.to_property_key(key);
        if (!proxy_define_own_property(isolate, o, key, descriptor_of(own))) {
            isolate.throw_type_error("'defineProperty' on proxy: trap returned falsish for property '" +
                                     proxy_key_text(isolate, key) + "'");
        }
        return;
    }
    uint32_t index;
    if (o->cls == ObjectClass::Array && key_as_index(key, &index) && !(flags & kAccessor)) {
        set_array_element(isolate, static_cast<JsArray*>(o), index, value);
        return;
    }
    if (o->cls == ObjectClass::Array && is_length_key(isolate, key)) {
        set_array_length(isolate, static_cast<JsArray*>(o), to_number(isolate, value));
        return;
    }
    key = isolate.to_property_key(key);
    if (PropertySlot* slot = o->props.find(key)) {
        slot->value = value;
        slot->flags = flags;
        return;
    }
    o->props.add(key, value, flags);
}

namespace {

// [[OwnPropertyKeys]] of a proxy, filtered as own_property_keys filters;
// enumerability asks the proxy's getOwnPropertyDescriptor (as Object.keys does).
std::vector<Value> proxy_keys(Isolate& isolate, JsObject* proxy, KeyFilter filter, bool only_enumerable) {
    std::vector<Value> keys;
    for (Value k : proxy_own_keys(isolate, proxy)) {
        if (k.is_symbol() ? filter == KeyFilter::StringsOnly : filter == KeyFilter::SymbolsOnly) continue;
        if (only_enumerable) {
            OwnProperty own = get_own_property(isolate, proxy, k);
            if (!own.found || !(own.flags & kEnumerable)) continue;
        }
        keys.push_back(k);
    }
    return keys;
}

}  // namespace

std::vector<Value> own_property_keys(Isolate& isolate, JsObject* o, KeyFilter filter, bool only_enumerable) {
    if (is_proxy(o)) return proxy_keys(isolate, o, filter, only_enumerable);
    std::vector<Value> keys;
    bool want_strings = filter != KeyFilter::SymbolsOnly;
    bool want_symbols = filter != KeyFilter::StringsOnly;
    if (want_strings) {
        if (o->cls == ObjectClass::Array) {
            auto* array = static_cast<JsArray*>(o);
            for (size_t i = 0; i < array->elements.size(); ++i) {
                if (!array->elements[i].is_empty()) keys.push_back(isolate.intern(std::to_string(i)));
            }
        } else if (o->cls == ObjectClass::TypedArray) {
            auto* typed = static_cast<JsTypedArray*>(o);
            for (size_t i = 0; i < typed->length; ++i) keys.push_back(isolate.intern(std::to_string(i)));
        } else if (o->cls == ObjectClass::String && o->internal.is_string()) {
            size_t n = o->internal.as_string()->length();
            for (size_t i = 0; i < n; ++i) keys.push_back(isolate.intern(std::to_string(i)));
        }
        // Integer-like property keys first, ascending; then other strings in order.
        std::vector<std::pair<uint32_t, Value>> integer_keys;
        std::vector<Value> string_keys;
        for (const auto& slot : o->props.slots()) {
            if (slot.key.is_empty() || !slot.key.is_string()) continue;
            if (only_enumerable && !(slot.flags & kEnumerable)) continue;
            uint32_t index;
            if (is_array_index(slot.key.as_string()->view(), &index)) {
                integer_keys.emplace_back(index, slot.key);
            } else {
                string_keys.push_back(slot.key);
            }
        }
        std::stable_sort(integer_keys.begin(), integer_keys.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [index, key] : integer_keys) keys.push_back(key);
        keys.insert(keys.end(), string_keys.begin(), string_keys.end());
    }
    if (want_symbols) {
        for (const auto& slot : o->props.slots()) {
            if (!slot.key.is_symbol()) continue;
            if (only_enumerable && !(slot.flags & kEnumerable)) continue;
            keys.push_back(slot.key);
        }
    }
    return keys;
}

// OrdinarySet (10.1.9.2) for an explicit receiver; proxies on the chain or as
// the receiver take part through their traps.
bool set_with_receiver(Isolate& isolate, JsObject* o, Value key, Value value, Value receiver) {
    key = isolate.to_property_key(key);
    OwnProperty own;
    for (JsObject* p = o; p != nullptr && !own.found; p = p->proto) {
        if (is_proxy(p)) return proxy_set(isolate, p, key, value, receiver);
        own = get_own_property(isolate, p, key);
    }
    if (own.found && (own.flags & kAccessor)) {
        Value setter = as_accessor(own.value)->setter;
        if (setter.is_undefined()) return false;
        isolate.call(setter, receiver, std::span<const Value>(&value, 1));
        return true;
    }
    if (own.found && !(own.flags & kWritable)) return false;
    if (!receiver.is_object()) return false;
    JsObject* r = receiver.as_object();
    OwnProperty existing = get_own_property(isolate, r, key);
    PropertyDescriptor d;
    d.has_value = true;
    d.value = value;
    if (existing.found) {
        if ((existing.flags & kAccessor) || !(existing.flags & kWritable)) return false;
        return define_property(isolate, r, key, d);
    }
    d.has_writable = d.has_enumerable = d.has_configurable = true;
    d.writable = d.enumerable = d.configurable = true;
    return define_property(isolate, r, key, d);
}

JsObject* get_prototype_of(Isolate& isolate, JsObject* o) {
    return is_proxy(o) ? proxy_get_prototype_of(isolate, o) : o->proto;
}

// OrdinarySetPrototypeOf (10.1.2.1); false when the change is refused.
bool set_prototype_of(Isolate& isolate, JsObject* o, JsObject* proto) {
    if (is_proxy(o)) return proxy_set_prototype_of(isolate, o, proto);
    if (o->proto == proto) return true;
    if (o == isolate.realm().object_prototype) return false;  // immutable prototype exotic object
    if (!o->extensible) return false;
    // The loop stops at a proxy, as the spec's step 8.c.i does.
    for (JsObject* p = proto; p != nullptr && !is_proxy(p); p = p->proto) {
        if (p == o) return false;
    }
    o->proto = proto;
    return true;
}

bool is_extensible(Isolate& isolate, JsObject* o) { return is_proxy(o) ? proxy_is_extensible(isolate, o) : o->extensible; }

bool prevent_extensions(Isolate& isolate, JsObject* o) {
    if (is_proxy(o)) return proxy_prevent_extensions(isolate, o);
    o->extensible = false;
    return true;
}

void copy_data_properties(Isolate& isolate, JsObject* to, JsObject* from, std::span<const Value> excluded) {
    for (Value k : own_property_keys(isolate, from, KeyFilter::All, false)) {
        if (std::any_of(excluded.begin(), excluded.end(), [&](Value e) { return e.same_bits(k); })) continue;
        OwnProperty own = get_own_property(isolate, from, k);
        if (!own.found || !(own.flags & kEnumerable)) continue;
        create_data_property(isolate, to, k, get(isolate, Value::object(from), k));
    }
}

Value call_method(Isolate& isolate, Value target, std::string_view name, std::span<const Value> args) {
    Value method = get(isolate, target, name);
    if (!is_callable(method)) {
        isolate.throw_type_error(to_string(isolate, Value::string(isolate.intern(name).as_string())) +
                                 " is not a function");
    }
    return isolate.call(method, target, args);
}

bool ordinary_has_instance(Isolate& isolate, Value constructor, Value v) {
    if (!is_callable(constructor)) return false;
    auto* fn = static_cast<JsFunction*>(constructor.as_object());
    if (fn->kind == FunctionKind::Bound) return instance_of(isolate, v, fn->bound_target);
    if (!v.is_object()) return false;
    Value proto = get(isolate, constructor, "prototype");
    if (!proto.is_object()) isolate.throw_type_error("Function has non-object prototype 'undefined' in instanceof check");
    // Ordinary chains cannot be cyclic; a proxy's getPrototypeOf trap can lie forever.
    size_t steps = 0;
    for (JsObject* p = get_prototype_of(isolate, v.as_object()); p != nullptr; p = get_prototype_of(isolate, p)) {
        if (p == proto.as_object()) return true;
        if (++steps > kMaxPrototypeWalk) isolate.throw_range_error("looplab: prototype chain longer than looplab supports");
    }
    return false;
}

bool instance_of(Isolate& isolate, Value v, Value constructor) {
    if (!constructor.is_object()) isolate.throw_type_error("Right-hand side of 'instanceof' is not callable");
    Value has_instance = get(isolate, constructor, Value::symbol(isolate.symbols().has_instance));
    if (!has_instance.is_nullish()) {
        return to_boolean(isolate.call(has_instance, constructor, std::span<const Value>(&v, 1)));
    }
    if (!is_callable(constructor)) isolate.throw_type_error("Right-hand side of 'instanceof' is not callable");
    return ordinary_has_instance(isolate, constructor, v);
}

JsObject* get_prototype_from_constructor(Isolate& isolate, Value constructor, JsObject* fallback) {
    if (!constructor.is_object()) return fallback;
    Value proto = get(isolate, constructor, "prototype");
    return proto.is_object() ? proto.as_object() : fallback;
}

void set_array_length(Isolate& isolate, JsArray* array, double new_length) {
    if (new_length < 0 || new_length != std::floor(new_length) || new_length > 4294967295.0) {
        isolate.throw_range_error("Invalid array length");
    }
    size_t n = static_cast<size_t>(new_length);
    if (n > array->elements.size() + kMaxDenseGrowth) {
        isolate.throw_range_error("looplab: array length " + std::to_string(n) + " is larger than looplab supports");
    }
    if (n > array->elements.size()) isolate.heap().note_growth((n - array->elements.size()) * sizeof(Value));
    array->elements.resize(n, Value::empty());
}

// ---------------------------------------------------------------- iteration

Value create_iter_result(Isolate& isolate, Value value, bool done) {
    JsObject* result = isolate.new_object();
    result->props.add(isolate.intern("value"), value, kDefaultFlags);
    result->props.add(isolate.intern("done"), Value::boolean(done), kDefaultFlags);
    return Value::object(result);
}

Value get_iterator(Isolate& isolate, Value iterable) {
    Value method = iterable.is_nullish() ? Value::undefined()
                                         : get(isolate, iterable, Value::symbol(isolate.symbols().iterator));
    if (!is_callable(method)) {
        std::string what = iterable.is_string() ? to_string(isolate, iterable) : type_of(iterable);
        if (iterable.is_object()) what = "object";
        if (iterable.is_nullish()) what = iterable.is_null() ? "null" : "undefined";
        isolate.throw_type_error(what + " is not iterable");
    }
    Value iterator = isolate.call(method, iterable, {});
    if (!iterator.is_object()) isolate.throw_type_error("Result of the Symbol.iterator method is not an object");
    return iterator;
}

bool iterator_step(Isolate& isolate, Value iterator, Value* value) {
    Value next = get(isolate, iterator, "next");
    Value result = isolate.call(next, iterator, {});
    if (!result.is_object()) isolate.throw_type_error("Iterator result " + to_string(isolate, result) + " is not an object");
    if (to_boolean(get(isolate, result, "done"))) return false;
    *value = get(isolate, result, "value");
    return true;
}

void iterator_close(Isolate& isolate, Value iterator) {
    Value ret = get(isolate, iterator, "return");
    if (is_callable(ret)) isolate.call(ret, iterator, {});
}

std::vector<Value> iterate_to_vector(Isolate& isolate, Value iterable) {
    // Fast path: a plain array whose iteration behaviour is the built-in one.
    if (iterable.is_object() && iterable.as_object()->cls == ObjectClass::Array &&
        iterable.as_object()->proto == isolate.realm().array_prototype &&
        iterable.as_object()->props.find(Value::symbol(isolate.symbols().iterator)) == nullptr) {
        auto* array = static_cast<JsArray*>(iterable.as_object());
        std::vector<Value> out(array->elements.begin(), array->elements.end());
        for (auto& v : out) {
            if (v.is_empty()) v = Value::undefined();
        }
        return out;
    }
    std::vector<Value> out;
    Value iterator = get_iterator(isolate, iterable);
    Value v;
    while (iterator_step(isolate, iterator, &v)) out.push_back(v);
    return out;
}

}  // namespace looplab::js
