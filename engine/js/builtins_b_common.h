// Small helpers shared by the installers of the "B" group (String, RegExp,
// Error, BigInt, typed arrays and Buffer, Promise, Date, global functions).
// Internal to engine/js/builtins_*.cpp; nothing outside the built-ins needs it.
#pragma once

#include <string>
#include <string_view>

#include "engine/js/isolate.h"
#include "engine/js/operations.h"

namespace looplab::js::builtins_detail {

// Creates a constructor `name` with its `prototype` object wired both ways
// (`F.prototype` is non-writable/enumerable/configurable, `P.constructor` is
// a hidden method-like property) and puts it on the global object.
inline JsFunction* make_constructor(Isolate& isolate, std::string_view name, NativeFn fn, int length,
                                    JsObject* prototype, bool on_global = true) {
    JsFunction* ctor = isolate.new_native_function(name, fn, length, /*is_constructor=*/true);
    isolate.define_value(ctor, "prototype", Value::object(prototype), 0);
    isolate.define_value(prototype, "constructor", Value::object(ctor), kHiddenFlags);
    if (on_global) isolate.define_value(isolate.realm().global, name, Value::object(ctor), kHiddenFlags);
    return ctor;
}

// Symbol-keyed method, e.g. [Symbol.iterator]; V8 names it "[Symbol.iterator]".
inline JsFunction* define_symbol_method(Isolate& isolate, JsObject* target, JsSymbol* symbol,
                                        std::string_view name, NativeFn fn, int length) {
    JsFunction* f = isolate.new_native_function(name, fn, length);
    define_own_property(isolate, target, Value::symbol(symbol), Value::object(f), kHiddenFlags);
    return f;
}

// Object.prototype[Symbol.toStringTag] style tag (non-writable, configurable).
inline void define_to_string_tag(Isolate& isolate, JsObject* target, std::string_view tag) {
    define_own_property(isolate, target, Value::symbol(isolate.symbols().to_string_tag), isolate.intern(tag),
                        kConfigurable);
}

// Internal cells travel inside Values (native_data, PromiseJob fields) with
// the Object tag as a carrier, as accessor cells do. They never reach JS code.
inline Value cell_value(GcCell* cell) { return Value::object(reinterpret_cast<JsObject*>(cell)); }
template <typename T>
T* value_cell(Value v) {
    return static_cast<T*>(v.as_cell());
}

// How V8 names a value in "... called on incompatible receiver X" messages:
// primitives as text, arrays as [object Array], other objects as #<Ctor>.
inline std::string describe_receiver(Isolate& isolate, Value v) {
    if (v.is_symbol()) return "Symbol(" + v.as_symbol()->description + ")";
    if (v.is_bigint()) return v.as_bigint()->decimal;
    if (!v.is_object()) return to_string(isolate, v);
    JsObject* o = v.as_object();
    if (o->cls == ObjectClass::Array) return "[object Array]";
    std::string name = "Object";
    for (JsObject* p = o; p != nullptr; p = p->proto) {
        OwnProperty ctor = get_own_property(isolate, p, isolate.intern("constructor"));
        if (!ctor.found) continue;
        if (!(ctor.flags & kAccessor) && is_callable(ctor.value)) {
            JsFunction* f = static_cast<JsFunction*>(ctor.value.as_object());
            if (f->name != nullptr && f->name->byte_length() > 0) name = f->name->str();
        }
        break;
    }
    return "#<" + name + ">";
}

// ToIntegerOrInfinity clamped into [0, size] with negative values counted
// from the end (the relative index of slice, at, fill, ...).
inline double relative_index(Isolate& isolate, Value v, double size, double fallback) {
    if (v.is_undefined()) return fallback;
    double rel = to_integer_or_infinity(isolate, v);
    if (rel < 0) return rel + size < 0 ? 0 : rel + size;
    return rel > size ? size : rel;
}

}  // namespace looplab::js::builtins_detail
