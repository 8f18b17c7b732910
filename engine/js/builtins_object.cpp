// Object (ECMAScript 20.1), Function.prototype (20.2.3) and Reflect (28.1).
#include <algorithm>
#include <cmath>

#include "engine/js/builtins.h"
#include "engine/js/operations.h"
#include "engine/js/proxy.h"

namespace looplab::js {

// Provided by the VM (engine/js/vm.cpp): a closure's source text, as
// Function.prototype.toString returns it. Declared weak so this file links
// before the VM defines it; until then closures print like natives.
std::string closure_source_text(Isolate& isolate, JsFunction* fn) __attribute__((weak));

std::string function_source_text(Isolate& isolate, JsFunction* fn) {
    if (fn->kind == FunctionKind::Closure && closure_source_text != nullptr) return closure_source_text(isolate, fn);
    if (fn->kind == FunctionKind::Bound) return "function () { [native code] }";
    std::string name = fn->name != nullptr ? fn->name->str() : std::string();
    return "function " + name + "() { [native code] }";
}

namespace {

// ---------------------------------------------------------------- helpers

// "#<Foo>" for objects, the text for primitives: how V8 names a value in
// TypeError messages.
std::string describe_value(Isolate& isolate, Value v) {
    if (v.is_object()) {
        if (is_callable(v)) {
            auto* f = static_cast<JsFunction*>(v.as_object());
            return "function " + (f->name != nullptr ? f->name->str() : std::string());
        }
        for (JsObject* p = v.as_object(); p != nullptr; p = p->proto) {
            const PropertySlot* slot = p->props.find(isolate.intern("constructor"));
            if (slot != nullptr && !(slot->flags & kAccessor) && is_callable(slot->value)) {
                JsString* name = static_cast<JsFunction*>(slot->value.as_object())->name;
                if (name != nullptr && name->byte_length() > 0) return "#<" + name->str() + ">";
                break;
            }
        }
        return "#<Object>";
    }
    if (v.is_symbol()) return "Symbol(" + v.as_symbol()->description + ")";
    if (v.is_bigint()) return v.as_bigint()->decimal;
    return to_string(isolate, v);
}

JsObject* require_object(Isolate& isolate, Value v, const char* what) {
    if (!v.is_object()) isolate.throw_type_error(std::string(what) + " called on non-object");
    return v.as_object();
}

void define_symbol_function(Isolate& isolate, JsObject* target, JsSymbol* symbol, std::string_view name,
                            NativeFn fn, int length, uint8_t flags) {
    JsFunction* f = isolate.new_native_function(name, fn, length);
    define_own_property(isolate, target, Value::symbol(symbol), Value::object(f), flags);
}

// Snapshot of an object's own data into a JS-visible array of values.
Value array_of(Isolate& isolate, const std::vector<Value>& items) {
    return Value::object(isolate.new_array_from(items));
}

// CreateListFromArrayLike (7.3.18).
std::vector<Value> list_from_array_like(Isolate& isolate, Value v) {
    if (v.is_nullish()) return {};
    if (!v.is_object()) isolate.throw_type_error("CreateListFromArrayLike called on non-object");
    JsObject* o = v.as_object();
    if (o->cls == ObjectClass::Array) {
        std::vector<Value> out = static_cast<JsArray*>(o)->elements;
        for (Value& e : out) {
            if (e.is_empty()) e = Value::undefined();
        }
        return out;
    }
    uint64_t n = length_of_array_like(isolate, o);
    std::vector<Value> out;
    out.reserve(static_cast<size_t>(std::min<uint64_t>(n, 1 << 20)));
    for (uint64_t i = 0; i < n; ++i) out.push_back(get(isolate, v, Value::number(static_cast<double>(i))));
    return out;
}

// ---------------------------------------------------------------- prototypes

void set_prototype_or_throw(Isolate& isolate, JsObject* o, JsObject* proto) {
    if (set_prototype_of(isolate, o, proto)) return;
    if (is_proxy(o)) isolate.throw_type_error("'setPrototypeOf' on proxy: trap returned falsish for property 'undefined'");
    if (o == isolate.realm().object_prototype) {
        isolate.throw_type_error("Immutable prototype object 'Object.prototype' cannot have their prototype set");
    }
    if (!o->extensible) isolate.throw_type_error(describe_value(isolate, Value::object(o)) + " is not extensible");
    isolate.throw_type_error("Cyclic __proto__ value");
}

JsObject* prototype_argument(Isolate& isolate, Value v) {
    if (v.is_null()) return nullptr;
    if (!v.is_object()) {
        isolate.throw_type_error("Object prototype may only be an Object or null: " + describe_value(isolate, v));
    }
    return v.as_object();
}

// ---------------------------------------------------------------- descriptors

using Descriptor = PropertyDescriptor;

}  // namespace

// ToPropertyDescriptor (6.2.6.5).
PropertyDescriptor to_property_descriptor(Isolate& isolate, Value v) {
    if (!v.is_object()) isolate.throw_type_error("Property description must be an object: " + describe_value(isolate, v));
    JsObject* o = v.as_object();
    Descriptor d;
    auto field = [&](const char* name, bool* has) {
        Value key = isolate.intern(name);
        *has = has_property(isolate, o, key);
        return *has ? get(isolate, v, key) : Value::undefined();
    };
    d.enumerable = to_boolean(field("enumerable", &d.has_enumerable));
    d.configurable = to_boolean(field("configurable", &d.has_configurable));
    d.value = field("value", &d.has_value);
    d.writable = to_boolean(field("writable", &d.has_writable));
    d.getter = field("get", &d.has_get);
    if (d.has_get && !d.getter.is_undefined() && !is_callable(d.getter)) {
        isolate.throw_type_error("Getter must be a function: " + describe_value(isolate, d.getter));
    }
    d.setter = field("set", &d.has_set);
    if (d.has_set && !d.setter.is_undefined() && !is_callable(d.setter)) {
        isolate.throw_type_error("Setter must be a function: " + describe_value(isolate, d.setter));
    }
    if (d.is_accessor() && d.is_data()) {
        isolate.throw_type_error(
            "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, " +
            describe_value(isolate, v));
    }
    return d;
}

namespace {

Descriptor to_descriptor(Isolate& isolate, Value v) { return to_property_descriptor(isolate, v); }

// Would applying d to the current property break its non-configurable
// contract? (ValidateAndApplyPropertyDescriptor step 4-6.)
bool violates_current(const Descriptor& d, const OwnProperty& current) {
    if (current.flags & kConfigurable) return false;
    if (d.has_configurable && d.configurable) return true;
    if (d.has_enumerable && d.enumerable != bool(current.flags & kEnumerable)) return true;
    bool current_is_accessor = current.flags & kAccessor;
    if (!d.is_accessor() && !d.is_data()) return false;  // generic descriptor
    if (current_is_accessor != d.is_accessor()) return true;
    if (current_is_accessor) {
        JsAccessor* a = as_accessor(current.value);
        return (d.has_get && !d.getter.same_bits(a->getter)) || (d.has_set && !d.setter.same_bits(a->setter));
    }
    if (!(current.flags & kWritable)) {
        return (d.has_writable && d.writable) || (d.has_value && !same_value(d.value, current.value));
    }
    return false;
}

// [[DefineOwnProperty]] for ordinary objects (10.1.6); false when refused.
bool define_from_descriptor(Isolate& isolate, JsObject* o, Value key, const Descriptor& d) {
    if (is_proxy(o)) return proxy_define_own_property(isolate, o, key, d);
    OwnProperty current = get_own_property(isolate, o, key);
    if (!current.found && !o->extensible) return false;
    if (current.found && violates_current(d, current)) return false;
    if (current.found && o->frozen && o->is_array() && !(d.is_accessor())) {
        // Frozen array elements cannot change (their flags are not stored per element).
        if (!d.has_value || same_value(d.value, current.value)) return true;
        return false;
    }
    auto pick = [&](bool has, bool wanted, uint8_t flag) -> uint8_t {
        if (has) return wanted ? flag : 0;
        return current.found ? (current.flags & flag) : 0;
    };
    uint8_t flags = pick(d.has_enumerable, d.enumerable, kEnumerable) |
                    pick(d.has_configurable, d.configurable, kConfigurable);
    bool current_is_accessor = current.found && (current.flags & kAccessor);
    if (d.is_accessor() || (!d.is_data() && current_is_accessor)) {
        JsAccessor* accessor = isolate.heap().make<JsAccessor>();
        if (current_is_accessor) {
            accessor->getter = as_accessor(current.value)->getter;
            accessor->setter = as_accessor(current.value)->setter;
        }
        if (d.has_get) accessor->getter = d.getter;
        if (d.has_set) accessor->setter = d.setter;
        define_own_property(isolate, o, key, accessor_value(accessor), flags | kAccessor);
        return true;
    }
    Value value = d.has_value ? d.value : (current.found && !current_is_accessor ? current.value : Value::undefined());
    flags |= (current_is_accessor ? (d.has_writable && d.writable ? kWritable : 0)
                                  : pick(d.has_writable, d.writable, kWritable));
    define_own_property(isolate, o, key, value, flags);
    return true;
}

void define_or_throw(Isolate& isolate, JsObject* o, Value key, const Descriptor& d) {
    if (define_from_descriptor(isolate, o, key, d)) return;
    std::string name = key.is_symbol() ? describe_value(isolate, key) : to_string(isolate, key);
    if (is_proxy(o)) isolate.throw_type_error("'defineProperty' on proxy: trap returned falsish for property '" + name + "'");
    if (!get_own_property(isolate, o, key).found) {
        isolate.throw_type_error("Cannot define property " + name + ", object is not extensible");
    }
    isolate.throw_type_error("Cannot redefine property: " + name);
}

}  // namespace

bool define_property(Isolate& isolate, JsObject* o, Value key, const PropertyDescriptor& d) {
    return define_from_descriptor(isolate, o, isolate.to_property_key(key), d);
}

// FromPropertyDescriptor (6.2.6.4) of a possibly partial descriptor.
Value from_property_descriptor(Isolate& isolate, const PropertyDescriptor& d) {
    JsObject* out = isolate.new_object();
    auto add = [&](const char* name, Value v) { out->props.add(isolate.intern(name), v, kDefaultFlags); };
    if (d.has_value) add("value", d.value);
    if (d.has_writable) add("writable", Value::boolean(d.writable));
    if (d.has_get) add("get", d.getter);
    if (d.has_set) add("set", d.setter);
    if (d.has_enumerable) add("enumerable", Value::boolean(d.enumerable));
    if (d.has_configurable) add("configurable", Value::boolean(d.configurable));
    return Value::object(out);
}

PropertyDescriptor descriptor_of(const OwnProperty& own) {
    PropertyDescriptor d;
    d.has_enumerable = d.has_configurable = true;
    d.enumerable = own.flags & kEnumerable;
    d.configurable = own.flags & kConfigurable;
    if (own.flags & kAccessor) {
        d.has_get = d.has_set = true;
        d.getter = as_accessor(own.value)->getter;
        d.setter = as_accessor(own.value)->setter;
    } else {
        d.has_value = d.has_writable = true;
        d.value = own.value;
        d.writable = own.flags & kWritable;
    }
    return d;
}

namespace {

// FromPropertyDescriptor (6.2.6.4).
Value from_descriptor(Isolate& isolate, const OwnProperty& p) {
    if (!p.found) return Value::undefined();
    JsObject* d = isolate.new_object();
    auto add = [&](const char* name, Value v) { d->props.add(isolate.intern(name), v, kDefaultFlags); };
    if (p.flags & kAccessor) {
        add("get", as_accessor(p.value)->getter);
        add("set", as_accessor(p.value)->setter);
    } else {
        add("value", p.value);
        add("writable", Value::boolean(p.flags & kWritable));
    }
    add("enumerable", Value::boolean(p.flags & kEnumerable));
    add("configurable", Value::boolean(p.flags & kConfigurable));
    return Value::object(d);
}

// An own property as reported to JS: frozen arrays' elements read as
// non-writable, non-configurable.
OwnProperty observed_own_property(Isolate& isolate, JsObject* o, Value key) {
    OwnProperty p = get_own_property(isolate, o, key);
    if (p.found && o->is_array() && o->frozen && !(p.flags & kAccessor)) p.flags &= ~(kWritable | kConfigurable);
    return p;
}

// ---------------------------------------------------------------- Object

Value object_constructor(Isolate& isolate, const CallArgs& call) {
    if (call.is_construct() && !call.new_target.same_bits(Value::object(call.callee))) {
        JsObject* proto = get_prototype_from_constructor(isolate, call.new_target, isolate.realm().object_prototype);
        return Value::object(isolate.new_object_with_proto(proto));
    }
    Value v = call.arg(0);
    if (v.is_nullish()) return Value::object(isolate.new_object());
    return Value::object(to_object(isolate, v));
}

enum class EntryKind { Keys, Values, Entries };

Value enumerable_own(Isolate& isolate, Value target, EntryKind kind) {
    JsObject* o = to_object(isolate, target);
    std::vector<Value> keys = own_property_keys(isolate, o, KeyFilter::StringsOnly, true);
    if (kind == EntryKind::Keys) return array_of(isolate, keys);
    std::vector<Value> out;
    out.reserve(keys.size());
    for (Value key : keys) {
        Value v = get(isolate, Value::object(o), key);
        if (kind == EntryKind::Values) {
            out.push_back(v);
        } else {
            Value pair[2] = {key, v};
            out.push_back(Value::object(isolate.new_array_from(pair)));
        }
    }
    return array_of(isolate, out);
}

Value object_keys(Isolate& isolate, const CallArgs& call) { return enumerable_own(isolate, call.arg(0), EntryKind::Keys); }
Value object_values(Isolate& isolate, const CallArgs& call) { return enumerable_own(isolate, call.arg(0), EntryKind::Values); }
Value object_entries(Isolate& isolate, const CallArgs& call) { return enumerable_own(isolate, call.arg(0), EntryKind::Entries); }

Value object_assign(Isolate& isolate, const CallArgs& call) {
    JsObject* target = to_object(isolate, call.arg(0));
    for (size_t i = 1; i < call.size(); ++i) {
        Value source = call.arg(i);
        if (source.is_nullish()) continue;
        JsObject* from = to_object(isolate, source);
        for (Value key : own_property_keys(isolate, from, KeyFilter::All, true)) {
            set(isolate, Value::object(target), key, get(isolate, Value::object(from), key), true);
        }
    }
    return Value::object(target);
}

// SetIntegrityLevel (7.3.15) through the internal methods, as a proxy needs.
void set_integrity_level_generic(Isolate& isolate, JsObject* o, bool freeze) {
    if (!prevent_extensions(isolate, o)) {
        isolate.throw_type_error("'preventExtensions' on proxy: trap returned falsish");
    }
    for (Value key : own_property_keys(isolate, o, KeyFilter::All, false)) {
        Descriptor d;
        d.has_configurable = true;
        if (freeze) {
            OwnProperty own = get_own_property(isolate, o, key);
            if (!own.found) continue;
            if (!(own.flags & kAccessor)) d.has_writable = true;
        }
        define_or_throw(isolate, o, key, d);
    }
}

// TestIntegrityLevel (7.3.16) through the internal methods.
bool test_integrity_level_generic(Isolate& isolate, JsObject* o, bool frozen) {
    if (is_extensible(isolate, o)) return false;
    for (Value key : own_property_keys(isolate, o, KeyFilter::All, false)) {
        OwnProperty own = get_own_property(isolate, o, key);
        if (!own.found) continue;
        if (own.flags & kConfigurable) return false;
        if (frozen && !(own.flags & kAccessor) && (own.flags & kWritable)) return false;
    }
    return true;
}

// SetIntegrityLevel (7.3.15): sealed or frozen.
void set_integrity_level(Isolate& isolate, JsObject* o, bool freeze) {
    if (is_proxy(o)) return set_integrity_level_generic(isolate, o, freeze);
    o->extensible = false;
    if (freeze) o->frozen = true;
    for (PropertySlot& slot : o->props.slots()) {
        if (slot.key.is_empty()) continue;
        slot.flags &= ~kConfigurable;
        if (freeze && !(slot.flags & kAccessor)) slot.flags &= ~kWritable;
    }
}

// TestIntegrityLevel (7.3.16).
bool test_integrity_level(Isolate& isolate, JsObject* o, bool frozen) {
    if (is_proxy(o)) return test_integrity_level_generic(isolate, o, frozen);
    if (o->extensible) return false;
    if (o->is_array() && !static_cast<JsArray*>(o)->elements.empty() && !o->frozen) {
        for (Value e : static_cast<JsArray*>(o)->elements) {
            if (!e.is_empty()) return false;
        }
    }
    for (const PropertySlot& slot : o->props.slots()) {
        if (slot.key.is_empty()) continue;
        if (slot.flags & kConfigurable) return false;
        if (frozen && !(slot.flags & kAccessor) && (slot.flags & kWritable)) return false;
    }
    return true;
}

Value object_freeze(Isolate& isolate, const CallArgs& call) {
    if (call.arg(0).is_object()) set_integrity_level(isolate, call.arg(0).as_object(), true);
    return call.arg(0);
}
Value object_seal(Isolate& isolate, const CallArgs& call) {
    if (call.arg(0).is_object()) set_integrity_level(isolate, call.arg(0).as_object(), false);
    return call.arg(0);
}
Value object_prevent_extensions(Isolate& isolate, const CallArgs& call) {
    if (call.arg(0).is_object() && !prevent_extensions(isolate, call.arg(0).as_object())) {
        isolate.throw_type_error("'preventExtensions' on proxy: trap returned falsish");
    }
    return call.arg(0);
}
Value object_is_frozen(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(!call.arg(0).is_object() || test_integrity_level(isolate, call.arg(0).as_object(), true));
}
Value object_is_sealed(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(!call.arg(0).is_object() || test_integrity_level(isolate, call.arg(0).as_object(), false));
}
Value object_is_extensible(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(call.arg(0).is_object() && is_extensible(isolate, call.arg(0).as_object()));
}

void define_properties(Isolate& isolate, JsObject* o, Value properties) {
    JsObject* props = to_object(isolate, properties);
    std::vector<std::pair<Value, Descriptor>> descriptors;
    for (Value key : own_property_keys(isolate, props, KeyFilter::All, true)) {
        descriptors.emplace_back(key, to_descriptor(isolate, get(isolate, Value::object(props), key)));
    }
    for (auto& [key, d] : descriptors) define_or_throw(isolate, o, key, d);
}

Value object_create(Isolate& isolate, const CallArgs& call) {
    JsObject* o = isolate.new_object_with_proto(prototype_argument(isolate, call.arg(0)));
    if (!call.arg(1).is_undefined()) define_properties(isolate, o, call.arg(1));
    return Value::object(o);
}

Value object_get_prototype_of(Isolate& isolate, const CallArgs& call) {
    JsObject* proto = get_prototype_of(isolate, to_object(isolate, call.arg(0)));
    return proto != nullptr ? Value::object(proto) : Value::null();
}

Value object_set_prototype_of(Isolate& isolate, const CallArgs& call) {
    Value target = call.arg(0);
    if (target.is_nullish()) isolate.throw_type_error("Object.setPrototypeOf called on null or undefined");
    JsObject* proto = prototype_argument(isolate, call.arg(1));
    if (target.is_object()) set_prototype_or_throw(isolate, target.as_object(), proto);
    return target;
}

Value object_define_property(Isolate& isolate, const CallArgs& call) {
    if (!call.arg(0).is_object()) isolate.throw_type_error("Object.defineProperty called on non-object");
    Value key = isolate.to_property_key(call.arg(1));
    define_or_throw(isolate, call.arg(0).as_object(), key, to_descriptor(isolate, call.arg(2)));
    return call.arg(0);
}

Value object_define_properties(Isolate& isolate, const CallArgs& call) {
    if (!call.arg(0).is_object()) isolate.throw_type_error("Object.defineProperties called on non-object");
    define_properties(isolate, call.arg(0).as_object(), call.arg(1));
    return call.arg(0);
}

Value object_get_own_property_names(Isolate& isolate, const CallArgs& call) {
    JsObject* o = to_object(isolate, call.arg(0));
    std::vector<Value> keys = own_property_keys(isolate, o, KeyFilter::StringsOnly, false);
    return array_of(isolate, keys);
}

Value object_get_own_property_symbols(Isolate& isolate, const CallArgs& call) {
    JsObject* o = to_object(isolate, call.arg(0));
    return array_of(isolate, own_property_keys(isolate, o, KeyFilter::SymbolsOnly, false));
}

Value object_get_own_property_descriptor(Isolate& isolate, const CallArgs& call) {
    JsObject* o = to_object(isolate, call.arg(0));
    Value key = isolate.to_property_key(call.arg(1));
    return from_descriptor(isolate, observed_own_property(isolate, o, key));
}

Value object_get_own_property_descriptors(Isolate& isolate, const CallArgs& call) {
    JsObject* o = to_object(isolate, call.arg(0));
    JsObject* result = isolate.new_object();
    for (Value key : own_property_keys(isolate, o, KeyFilter::All, false)) {
        create_data_property(isolate, result, key, from_descriptor(isolate, observed_own_property(isolate, o, key)));
    }
    return Value::object(result);
}

Value object_from_entries(Isolate& isolate, const CallArgs& call) {
    if (call.arg(0).is_nullish()) isolate.throw_type_error(describe_value(isolate, call.arg(0)) + " is not iterable");
    JsObject* result = isolate.new_object();
    for (Value entry : iterate_to_vector(isolate, call.arg(0))) {
        if (!entry.is_object()) {
            isolate.throw_type_error("Iterator value " + describe_value(isolate, entry) + " is not an entry object");
        }
        Value key = isolate.to_property_key(get(isolate, entry, Value::number(0)));
        create_data_property(isolate, result, key, get(isolate, entry, Value::number(1)));
    }
    return Value::object(result);
}

Value object_is(Isolate&, const CallArgs& call) { return Value::boolean(same_value(call.arg(0), call.arg(1))); }

Value object_has_own(Isolate& isolate, const CallArgs& call) {
    JsObject* o = to_object(isolate, call.arg(0));
    return Value::boolean(has_own_property(isolate, o, isolate.to_property_key(call.arg(1))));
}

// ---------------------------------------------------------------- Object.prototype

Value proto_has_own_property(Isolate& isolate, const CallArgs& call) {
    Value key = isolate.to_property_key(call.arg(0));
    return Value::boolean(has_own_property(isolate, to_object(isolate, call.this_value), key));
}

Value proto_is_prototype_of(Isolate& isolate, const CallArgs& call) {
    if (!call.arg(0).is_object()) return Value::boolean(false);
    JsObject* self = to_object(isolate, call.this_value);
    for (JsObject* p = get_prototype_of(isolate, call.arg(0).as_object()); p != nullptr; p = get_prototype_of(isolate, p)) {
        if (p == self) return Value::boolean(true);
    }
    return Value::boolean(false);
}

Value proto_property_is_enumerable(Isolate& isolate, const CallArgs& call) {
    Value key = isolate.to_property_key(call.arg(0));
    OwnProperty p = get_own_property(isolate, to_object(isolate, call.this_value), key);
    return Value::boolean(p.found && (p.flags & kEnumerable));
}

const char* builtin_tag(JsObject* o) {
    // A proxy is an Array when its target is one (IsArray, 7.2.2), a Function when callable.
    while (is_proxy(o) && proxy_target(o) != nullptr && !is_callable(Value::object(o))) o = proxy_target(o);
    if (is_callable(Value::object(o))) return "Function";
    switch (o->cls) {
        case ObjectClass::Array: return "Array";
        case ObjectClass::Function: return "Function";
        case ObjectClass::Error: return "Error";
        case ObjectClass::Boolean: return "Boolean";
        case ObjectClass::Number: return "Number";
        case ObjectClass::String: return "String";
        case ObjectClass::Date: return "Date";
        case ObjectClass::RegExp: return "RegExp";
        case ObjectClass::Arguments: return "Arguments";
        default: return "Object";
    }
}

Value proto_to_string(Isolate& isolate, const CallArgs& call) {
    Value self = call.this_value;
    if (self.is_undefined()) return isolate.intern("[object Undefined]");
    if (self.is_null()) return isolate.intern("[object Null]");
    JsObject* o = to_object(isolate, self);
    Value tag = get(isolate, Value::object(o), Value::symbol(isolate.symbols().to_string_tag));
    std::string name = tag.is_string() ? tag.as_string()->str() : builtin_tag(o);
    return isolate.new_string("[object " + name + "]");
}

Value proto_to_locale_string(Isolate& isolate, const CallArgs& call) {
    return call_method(isolate, call.this_value, "toString", {});
}

Value proto_value_of(Isolate& isolate, const CallArgs& call) {
    return Value::object(to_object(isolate, call.this_value));
}

Value proto_get_proto(Isolate& isolate, const CallArgs& call) {
    JsObject* proto = get_prototype_of(isolate, to_object(isolate, call.this_value));
    return proto != nullptr ? Value::object(proto) : Value::null();
}

Value proto_set_proto(Isolate& isolate, const CallArgs& call) {
    Value self = call.this_value;
    if (self.is_nullish()) isolate.throw_type_error("Object.prototype.__proto__ called on null or undefined");
    Value proto = call.arg(0);
    if (!self.is_object() || (!proto.is_object() && !proto.is_null())) return Value::undefined();
    set_prototype_or_throw(isolate, self.as_object(), proto.is_null() ? nullptr : proto.as_object());
    return Value::undefined();
}

// ---------------------------------------------------------------- Function

Value function_constructor(Isolate& isolate, const CallArgs&) {
    isolate.throw_type_error("looplab: new Function is not supported (code from strings is not compiled)");
}

JsFunction* this_function(Isolate& isolate, const CallArgs& call, const char* method) {
    if (!is_callable(call.this_value)) {
        isolate.throw_type_error(std::string(method) + " called on " + describe_value(isolate, call.this_value) +
                                 ", which is not a function");
    }
    return static_cast<JsFunction*>(call.this_value.as_object());
}

Value function_call(Isolate& isolate, const CallArgs& call) {
    this_function(isolate, call, "Function.prototype.call");
    std::span<const Value> rest = call.size() > 1 ? call.args.subspan(1) : std::span<const Value>();
    return isolate.call(call.this_value, call.arg(0), rest);
}

Value function_apply(Isolate& isolate, const CallArgs& call) {
    this_function(isolate, call, "Function.prototype.apply");
    std::vector<Value> args = list_from_array_like(isolate, call.arg(1));
    return isolate.call(call.this_value, call.arg(0), args);
}

// BoundFunctionCreate (10.4.1.3) plus the name/length of 20.2.3.2.
Value function_bind(Isolate& isolate, const CallArgs& call) {
    if (!is_callable(call.this_value)) isolate.throw_type_error("Bind must be called on a function");
    auto* target = static_cast<JsFunction*>(call.this_value.as_object());
    JsFunction* bound = isolate.heap().make<JsFunction>(target->proto, FunctionKind::Bound);
    bound->bound_target = call.this_value;
    bound->bound_this = call.arg(0);
    if (call.size() > 1) bound->bound_args.assign(call.args.begin() + 1, call.args.end());
    bound->is_constructor = target->is_constructor;

    double length = 0;
    if (has_own_property(isolate, target, isolate.intern("length"))) {
        Value target_length = get(isolate, call.this_value, "length");
        if (target_length.is_number()) {
            double l = target_length.as_number();
            if (l == INFINITY) {
                length = INFINITY;
            } else if (l != -INFINITY && !std::isnan(l)) {
                length = std::max(0.0, std::trunc(l) - static_cast<double>(bound->bound_args.size()));
            }
        }
    }
    Value target_name = get(isolate, call.this_value, "name");
    std::string name = "bound " + (target_name.is_string() ? target_name.as_string()->str() : std::string());
    bound->name = isolate.intern(name).as_string();
    bound->props.add(isolate.intern("length"), Value::number(length), kConfigurable);
    bound->props.add(isolate.intern("name"), Value::string(bound->name), kConfigurable);
    return Value::object(bound);
}

Value function_to_string(Isolate& isolate, const CallArgs& call) {
    if (!is_callable(call.this_value)) {
        isolate.throw_type_error("Function.prototype.toString requires that 'this' be a Function");
    }
    return isolate.new_string(function_source_text(isolate, static_cast<JsFunction*>(call.this_value.as_object())));
}

Value function_has_instance(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(ordinary_has_instance(isolate, call.this_value, call.arg(0)));
}

// ---------------------------------------------------------------- Reflect

Value reflect_own_keys(Isolate& isolate, const CallArgs& call) {
    JsObject* o = require_object(isolate, call.arg(0), "Reflect.ownKeys");
    return array_of(isolate, own_property_keys(isolate, o, KeyFilter::All, false));
}

Value reflect_get_prototype_of(Isolate& isolate, const CallArgs& call) {
    JsObject* o = require_object(isolate, call.arg(0), "Reflect.getPrototypeOf");
    JsObject* proto = get_prototype_of(isolate, o);
    return proto != nullptr ? Value::object(proto) : Value::null();
}

Value reflect_set_prototype_of(Isolate& isolate, const CallArgs& call) {
    JsObject* o = require_object(isolate, call.arg(0), "Reflect.setPrototypeOf");
    return Value::boolean(set_prototype_of(isolate, o, prototype_argument(isolate, call.arg(1))));
}

Value reflect_has(Isolate& isolate, const CallArgs& call) {
    JsObject* o = require_object(isolate, call.arg(0), "Reflect.has");
    return Value::boolean(has_property(isolate, o, isolate.to_property_key(call.arg(1))));
}

Value reflect_get(Isolate& isolate, const CallArgs& call) {
    JsObject* o = require_object(isolate, call.arg(0), "Reflect.get");
    Value key = isolate.to_property_key(call.arg(1));
    if (call.size() > 2) return get_with_receiver(isolate, o, key, call.arg(2));
    return get(isolate, call.arg(0), key);
}

Value reflect_set(Isolate& isolate, const CallArgs& call) {
    JsObject* o = require_object(isolate, call.arg(0), "Reflect.set");
    Value key = isolate.to_property_key(call.arg(1));
    if (call.size() > 3 || is_proxy(o)) {
        return Value::boolean(set_with_receiver(isolate, o, key, call.arg(2), call.size() > 3 ? call.arg(3) : call.arg(0)));
    }
    try {
        set(isolate, call.arg(0), key, call.arg(2), true);
    } catch (const JsException&) {
        // A refused write reports false; errors thrown by setters propagate.
        OwnProperty p = get_own_property(isolate, o, key);
        if (p.found && !(p.flags & kAccessor) && !(p.flags & kWritable)) return Value::boolean(false);
        if (!p.found && !o->extensible) return Value::boolean(false);
        throw;
    }
    return Value::boolean(true);
}

Value reflect_define_property(Isolate& isolate, const CallArgs& call) {
    JsObject* o = require_object(isolate, call.arg(0), "Reflect.defineProperty");
    Value key = isolate.to_property_key(call.arg(1));
    return Value::boolean(define_from_descriptor(isolate, o, key, to_descriptor(isolate, call.arg(2))));
}

Value reflect_delete_property(Isolate& isolate, const CallArgs& call) {
    JsObject* o = require_object(isolate, call.arg(0), "Reflect.deleteProperty");
    return Value::boolean(delete_property(isolate, o, isolate.to_property_key(call.arg(1)), false));
}

Value reflect_get_own_property_descriptor(Isolate& isolate, const CallArgs& call) {
    JsObject* o = require_object(isolate, call.arg(0), "Reflect.getOwnPropertyDescriptor");
    return from_descriptor(isolate, observed_own_property(isolate, o, isolate.to_property_key(call.arg(1))));
}

Value reflect_is_extensible(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(is_extensible(isolate, require_object(isolate, call.arg(0), "Reflect.isExtensible")));
}

Value reflect_prevent_extensions(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(prevent_extensions(isolate, require_object(isolate, call.arg(0), "Reflect.preventExtensions")));
}

Value reflect_apply(Isolate& isolate, const CallArgs& call) {
    if (!is_callable(call.arg(0))) {
        isolate.throw_type_error("Function.prototype.apply was called on " + describe_value(isolate, call.arg(0)) +
                                 ", which is " + type_of(call.arg(0)) + " and not a function");
    }
    return isolate.call(call.arg(0), call.arg(1), list_from_array_like(isolate, call.arg(2)));
}

Value reflect_construct(Isolate& isolate, const CallArgs& call) {
    Value target = call.arg(0);
    if (!is_constructor(target)) {
        // V8 names a callable non-constructor by its source text here.
        std::string what = is_callable(target) ? function_source_text(isolate, static_cast<JsFunction*>(target.as_object()))
                                               : describe_value(isolate, target);
        isolate.throw_type_error(what + " is not a constructor");
    }
    Value new_target = call.size() > 2 ? call.arg(2) : target;
    if (!is_constructor(new_target)) isolate.throw_type_error(describe_value(isolate, new_target) + " is not a constructor");
    return isolate.construct(target, list_from_array_like(isolate, call.arg(1)), new_target);
}

// ---------------------------------------------------------------- installation

void install_object_constructor(Isolate& isolate) {
    Realm& realm = isolate.realm();
    JsFunction* ctor = isolate.new_native_function("Object", object_constructor, 1, true);
    isolate.define_value(ctor, "prototype", Value::object(realm.object_prototype), 0);
    isolate.define_method(ctor, "assign", object_assign, 2);
    isolate.define_method(ctor, "getOwnPropertyDescriptor", object_get_own_property_descriptor, 2);
    isolate.define_method(ctor, "getOwnPropertyDescriptors", object_get_own_property_descriptors, 1);
    isolate.define_method(ctor, "getOwnPropertyNames", object_get_own_property_names, 1);
    isolate.define_method(ctor, "getOwnPropertySymbols", object_get_own_property_symbols, 1);
    isolate.define_method(ctor, "hasOwn", object_has_own, 2);
    isolate.define_method(ctor, "is", object_is, 2);
    isolate.define_method(ctor, "preventExtensions", object_prevent_extensions, 1);
    isolate.define_method(ctor, "seal", object_seal, 1);
    isolate.define_method(ctor, "create", object_create, 2);
    isolate.define_method(ctor, "defineProperties", object_define_properties, 2);
    isolate.define_method(ctor, "defineProperty", object_define_property, 3);
    isolate.define_method(ctor, "freeze", object_freeze, 1);
    isolate.define_method(ctor, "getPrototypeOf", object_get_prototype_of, 1);
    isolate.define_method(ctor, "setPrototypeOf", object_set_prototype_of, 2);
    isolate.define_method(ctor, "isExtensible", object_is_extensible, 1);
    isolate.define_method(ctor, "isFrozen", object_is_frozen, 1);
    isolate.define_method(ctor, "isSealed", object_is_sealed, 1);
    isolate.define_method(ctor, "keys", object_keys, 1);
    isolate.define_method(ctor, "entries", object_entries, 1);
    isolate.define_method(ctor, "fromEntries", object_from_entries, 1);
    isolate.define_method(ctor, "values", object_values, 1);

    JsObject* proto = realm.object_prototype;
    isolate.define_value(proto, "constructor", Value::object(ctor));
    isolate.define_method(proto, "hasOwnProperty", proto_has_own_property, 1);
    isolate.define_method(proto, "isPrototypeOf", proto_is_prototype_of, 1);
    isolate.define_method(proto, "propertyIsEnumerable", proto_property_is_enumerable, 1);
    isolate.define_method(proto, "toString", proto_to_string, 0);
    isolate.define_method(proto, "valueOf", proto_value_of, 0);
    JsAccessor* dunder = isolate.heap().make<JsAccessor>();
    dunder->getter = Value::object(isolate.new_native_function("get __proto__", proto_get_proto, 0));
    dunder->setter = Value::object(isolate.new_native_function("set __proto__", proto_set_proto, 1));
    define_own_property(isolate, proto, isolate.intern("__proto__"), accessor_value(dunder), kConfigurable | kAccessor);
    isolate.define_method(proto, "toLocaleString", proto_to_locale_string, 0);
    isolate.define_value(realm.global, "Object", Value::object(ctor));
}

void install_function(Isolate& isolate) {
    Realm& realm = isolate.realm();
    auto* proto = static_cast<JsFunction*>(realm.function_prototype);
    proto->name = isolate.intern("").as_string();
    isolate.define_value(proto, "length", Value::number(0), kConfigurable);
    isolate.define_value(proto, "name", isolate.intern(""), kConfigurable);
    JsFunction* ctor = isolate.new_native_function("Function", function_constructor, 1, true);
    isolate.define_value(ctor, "prototype", Value::object(proto), 0);
    isolate.define_value(proto, "constructor", Value::object(ctor));
    isolate.define_method(proto, "apply", function_apply, 2);
    isolate.define_method(proto, "bind", function_bind, 1);
    isolate.define_method(proto, "call", function_call, 1);
    isolate.define_method(proto, "toString", function_to_string, 0);
    define_symbol_function(isolate, proto, isolate.symbols().has_instance, "[Symbol.hasInstance]",
                           function_has_instance, 1, 0);
    isolate.define_value(realm.global, "Function", Value::object(ctor));
}

void install_reflect(Isolate& isolate) {
    JsObject* reflect = isolate.new_object();
    define_own_property(isolate, reflect, Value::symbol(isolate.symbols().to_string_tag), isolate.intern("Reflect"),
                        kConfigurable);
    isolate.define_method(reflect, "defineProperty", reflect_define_property, 3);
    isolate.define_method(reflect, "deleteProperty", reflect_delete_property, 2);
    isolate.define_method(reflect, "apply", reflect_apply, 3);
    isolate.define_method(reflect, "construct", reflect_construct, 2);
    isolate.define_method(reflect, "get", reflect_get, 2);
    isolate.define_method(reflect, "getOwnPropertyDescriptor", reflect_get_own_property_descriptor, 2);
    isolate.define_method(reflect, "getPrototypeOf", reflect_get_prototype_of, 1);
    isolate.define_method(reflect, "has", reflect_has, 2);
    isolate.define_method(reflect, "isExtensible", reflect_is_extensible, 1);
    isolate.define_method(reflect, "ownKeys", reflect_own_keys, 1);
    isolate.define_method(reflect, "preventExtensions", reflect_prevent_extensions, 1);
    isolate.define_method(reflect, "set", reflect_set, 3);
    isolate.define_method(reflect, "setPrototypeOf", reflect_set_prototype_of, 2);
    isolate.define_value(isolate.realm().global, "Reflect", Value::object(reflect));
}

}  // namespace

void install_object_builtins(Isolate& isolate) {
    install_object_constructor(isolate);
    install_function(isolate);
    install_reflect(isolate);
}

}  // namespace looplab::js
