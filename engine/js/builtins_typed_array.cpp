// ArrayBuffer, SharedArrayBuffer, the typed array constructors over
// %TypedArray%, and DataView (ECMAScript 25.1, 23.2, 25.3).
//
// Simplifications (documented): BigInt64Array/BigUint64Array are not
// installed; methods that create arrays (map, filter, slice, subarray) give
// the result `this`'s prototype instead of consulting Symbol.species, which
// is what makes Buffer#slice return a Buffer.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "engine/js/builtins.h"
#include "engine/js/builtins_b_common.h"
#include "engine/js/typed_array_internal.h"

namespace looplab::js {

using namespace builtins_detail;

namespace {

// A typed array or ArrayBuffer larger than this is refused (the heap limit would catch it later, less clearly).
constexpr double kMaxByteLength = 1ull << 31;

struct KindInfo {
    TypedArrayKind kind;
    const char* name;
    int size;
};

constexpr KindInfo kKinds[] = {
    {TypedArrayKind::Int8, "Int8Array", 1},       {TypedArrayKind::Uint8, "Uint8Array", 1},
    {TypedArrayKind::Uint8Clamped, "Uint8ClampedArray", 1}, {TypedArrayKind::Int16, "Int16Array", 2},
    {TypedArrayKind::Uint16, "Uint16Array", 2},   {TypedArrayKind::Int32, "Int32Array", 4},
    {TypedArrayKind::Uint32, "Uint32Array", 4},   {TypedArrayKind::Float32, "Float32Array", 4},
    {TypedArrayKind::Float64, "Float64Array", 8},
};

const KindInfo& info_of(TypedArrayKind kind) {
    for (const KindInfo& k : kKinds) {
        if (k.kind == kind) return k;
    }
    return kKinds[1];
}

size_t to_index(Isolate& isolate, Value v, const char* what) {
    double d = to_integer_or_infinity(isolate, v);
    if (d < 0 || d > kMaxByteLength) isolate.throw_range_error(std::string("Invalid ") + what + ": " + to_string(isolate, v));
    return static_cast<size_t>(d);
}

// ---------------------------------------------------------------- ArrayBuffer

JsArrayBuffer* this_buffer(Isolate& isolate, Value v, bool shared, const char* method) {
    if (!v.is_object() || v.as_object()->cls != ObjectClass::ArrayBuffer ||
        static_cast<JsArrayBuffer*>(v.as_object())->shared != shared) {
        isolate.throw_type_error(std::string("Method ") + (shared ? "SharedArrayBuffer" : "ArrayBuffer") +
                                 ".prototype." + method + " called on incompatible receiver " +
                                 describe_receiver(isolate, v));
    }
    return static_cast<JsArrayBuffer*>(v.as_object());
}

Value array_buffer_construct(Isolate& isolate, const CallArgs& call, bool shared) {
    const char* name = shared ? "SharedArrayBuffer" : "ArrayBuffer";
    if (!call.is_construct()) isolate.throw_type_error(std::string("Constructor ") + name + " requires 'new'");
    double len = to_integer_or_infinity(isolate, call.arg(0));
    if (len < 0 || len > kMaxByteLength) isolate.throw_range_error("Array buffer allocation failed");
    JsArrayBuffer* buffer = new_array_buffer(isolate, static_cast<size_t>(len), shared);
    JsObject* fallback = shared ? isolate.realm().array_buffer_prototype->internal.as_object()
                                : isolate.realm().array_buffer_prototype;
    buffer->proto = get_prototype_from_constructor(isolate, call.new_target, fallback);
    return Value::object(buffer);
}

Value array_buffer_constructor(Isolate& isolate, const CallArgs& call) { return array_buffer_construct(isolate, call, false); }
Value shared_array_buffer_constructor(Isolate& isolate, const CallArgs& call) { return array_buffer_construct(isolate, call, true); }

Value array_buffer_byte_length(Isolate& isolate, const CallArgs& call) {
    bool shared = call.this_value.is_object() && call.this_value.as_object()->cls == ObjectClass::ArrayBuffer &&
                  static_cast<JsArrayBuffer*>(call.this_value.as_object())->shared;
    return Value::number(static_cast<double>(this_buffer(isolate, call.this_value, shared, "byteLength")->data.size()));
}

Value array_buffer_slice(Isolate& isolate, const CallArgs& call) {
    bool shared = call.this_value.is_object() && call.this_value.as_object()->cls == ObjectClass::ArrayBuffer &&
                  static_cast<JsArrayBuffer*>(call.this_value.as_object())->shared;
    JsArrayBuffer* buffer = this_buffer(isolate, call.this_value, shared, "slice");
    double len = static_cast<double>(buffer->data.size());
    double first = relative_index(isolate, call.arg(0), len, 0);
    double final_ = relative_index(isolate, call.arg(1), len, len);
    size_t count = final_ > first ? static_cast<size_t>(final_ - first) : 0;
    JsArrayBuffer* out = new_array_buffer(isolate, count, shared);
    out->proto = buffer->proto;
    if (count) std::memcpy(out->data.data(), buffer->data.data() + static_cast<size_t>(first), count);
    return Value::object(out);
}

Value array_buffer_is_view(Isolate&, const CallArgs& call) {
    Value v = call.arg(0);
    return Value::boolean(v.is_object() &&
                          (v.as_object()->cls == ObjectClass::TypedArray || v.as_object()->cls == ObjectClass::DataView));
}

// ---------------------------------------------------------------- typed array constructors

TypedArrayKind kind_of_callee(const CallArgs& call) {
    return static_cast<TypedArrayKind>(static_cast<int>(call.callee->native_data.as_number()));
}

JsTypedArray* construct_from_buffer(Isolate& isolate, TypedArrayKind kind, JsObject* proto, JsArrayBuffer* buffer,
                                    Value offset_value, Value length_value) {
    const KindInfo& info = info_of(kind);
    size_t offset = to_index(isolate, offset_value, "typed array offset");
    if (offset % static_cast<size_t>(info.size) != 0) {
        isolate.throw_range_error(std::string("start offset of ") + info.name + " should be a multiple of " +
                                  std::to_string(info.size));
    }
    size_t buffer_length = buffer->data.size();
    size_t length;
    if (length_value.is_undefined()) {
        if (buffer_length % static_cast<size_t>(info.size) != 0) {
            isolate.throw_range_error(std::string("byte length of ") + info.name + " should be a multiple of " +
                                      std::to_string(info.size));
        }
        if (offset > buffer_length) {
            isolate.throw_range_error("Start offset " + std::to_string(offset) + " is outside the bounds of the buffer");
        }
        length = (buffer_length - offset) / static_cast<size_t>(info.size);
    } else {
        length = to_index(isolate, length_value, "typed array length");
        if (offset + length * static_cast<size_t>(info.size) > buffer_length) {
            isolate.throw_range_error("Invalid typed array length: " + std::to_string(length));
        }
    }
    return isolate.heap().make<JsTypedArray>(proto, kind, buffer, offset, length);
}

JsTypedArray* construct_from_values(Isolate& isolate, TypedArrayKind kind, JsObject* proto, Value source) {
    JsObject* o = source.as_object();
    if (o->cls == ObjectClass::TypedArray) {
        auto* src = static_cast<JsTypedArray*>(o);
        JsTypedArray* out = new_typed_array(isolate, kind, proto, src->length);
        for (size_t i = 0; i < src->length; ++i) store_number(out, i, src->load(i));
        return out;
    }
    std::vector<Value> values;
    Value iterator_method = get(isolate, source, Value::symbol(isolate.symbols().iterator));
    if (is_callable(iterator_method)) {
        values = iterate_to_vector(isolate, source);
    } else {
        uint64_t len = length_of_array_like(isolate, o);
        for (uint64_t i = 0; i < len; ++i) values.push_back(get(isolate, source, Value::number(static_cast<double>(i))));
    }
    JsTypedArray* out = new_typed_array(isolate, kind, proto, values.size());
    for (size_t i = 0; i < values.size(); ++i) store_number(out, i, to_number(isolate, values[i]));
    return out;
}

// 23.2.5.1 TypedArray ( ...args )
Value typed_array_constructor(Isolate& isolate, const CallArgs& call) {
    TypedArrayKind kind = kind_of_callee(call);
    const KindInfo& info = info_of(kind);
    if (!call.is_construct()) isolate.throw_type_error(std::string("Constructor ") + info.name + " requires 'new'");
    JsObject* proto = get_prototype_from_constructor(isolate, call.new_target,
                                                     isolate.realm().typed_array_prototypes[static_cast<int>(kind)]);
    Value first = call.arg(0);
    if (!first.is_object()) {
        double len = first.is_undefined() ? 0 : to_integer_or_infinity(isolate, first);
        if (len < 0 || len * info.size > kMaxByteLength) {
            isolate.throw_range_error("Invalid typed array length: " + to_string(isolate, first));
        }
        return Value::object(new_typed_array(isolate, kind, proto, static_cast<size_t>(len)));
    }
    if (first.as_object()->cls == ObjectClass::ArrayBuffer) {
        return Value::object(construct_from_buffer(isolate, kind, proto, static_cast<JsArrayBuffer*>(first.as_object()),
                                                   call.arg(1), call.arg(2)));
    }
    return Value::object(construct_from_values(isolate, kind, proto, first));
}

Value abstract_typed_array(Isolate& isolate, const CallArgs&) {
    isolate.throw_type_error("Abstract class TypedArray not directly constructable");
}

// %TypedArray%.from(source) and %TypedArray%.of(...items), for concrete constructors.
Value typed_array_from(Isolate& isolate, const CallArgs& call) {
    if (!is_constructor(call.this_value)) isolate.throw_type_error("#<Object> is not a constructor");
    std::vector<Value> values = iterate_to_vector(isolate, call.arg(0));
    if (is_callable(call.arg(1))) {
        for (size_t i = 0; i < values.size(); ++i) {
            Value args[2] = {values[i], Value::number(static_cast<double>(i))};
            values[i] = isolate.call(call.arg(1), call.arg(2), args);
        }
    }
    Value array = Value::object(isolate.new_array_from(values));
    return isolate.construct(call.this_value, std::span<const Value>(&array, 1), call.this_value);
}

Value typed_array_of(Isolate& isolate, const CallArgs& call) {
    if (!is_constructor(call.this_value)) isolate.throw_type_error("#<Object> is not a constructor");
    Value array = Value::object(isolate.new_array_from(call.args));
    return isolate.construct(call.this_value, std::span<const Value>(&array, 1), call.this_value);
}

// ---------------------------------------------------------------- %TypedArray%.prototype

Value ta_buffer(Isolate& isolate, const CallArgs& call) {
    return Value::object(this_typed_array(isolate, call.this_value, "buffer")->buffer);
}
Value ta_byte_length(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "byteLength");
    return Value::number(static_cast<double>(a->length * a->element_size()));
}
Value ta_byte_offset(Isolate& isolate, const CallArgs& call) {
    return Value::number(static_cast<double>(this_typed_array(isolate, call.this_value, "byteOffset")->byte_offset));
}
Value ta_length(Isolate& isolate, const CallArgs& call) {
    return Value::number(static_cast<double>(this_typed_array(isolate, call.this_value, "length")->length));
}
Value element(JsTypedArray* a, size_t i) { return Value::number(a->load(i)); }

// Calls fn(element, index, array) for each element; `visit` sees the result and may stop.
template <typename Visit>
void for_each_element(Isolate& isolate, JsTypedArray* a, Value fn, Value this_arg, Visit visit) {
    if (!is_callable(fn)) isolate.throw_type_error(describe_receiver(isolate, fn) + " is not a function");
    for (size_t i = 0; i < a->length; ++i) {
        Value args[3] = {element(a, i), Value::number(static_cast<double>(i)), Value::object(a)};
        if (!visit(i, args[0], isolate.call(fn, this_arg, args))) return;
    }
}

Value ta_at(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "at");
    double rel = to_integer_or_infinity(isolate, call.arg(0));
    double k = rel >= 0 ? rel : static_cast<double>(a->length) + rel;
    if (k < 0 || k >= static_cast<double>(a->length)) return Value::undefined();
    return element(a, static_cast<size_t>(k));
}

Value ta_every(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "every");
    bool result = true;
    for_each_element(isolate, a, call.arg(0), call.arg(1), [&](size_t, Value, Value r) { return result = to_boolean(r); });
    return Value::boolean(result);
}

Value ta_some(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "some");
    bool result = false;
    for_each_element(isolate, a, call.arg(0), call.arg(1), [&](size_t, Value, Value r) { return !(result = to_boolean(r)); });
    return Value::boolean(result);
}

Value ta_for_each(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "forEach");
    for_each_element(isolate, a, call.arg(0), call.arg(1), [](size_t, Value, Value) { return true; });
    return Value::undefined();
}

Value find_impl(Isolate& isolate, const CallArgs& call, bool want_index, bool from_end) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "find");
    if (!is_callable(call.arg(0))) isolate.throw_type_error(describe_receiver(isolate, call.arg(0)) + " is not a function");
    for (size_t n = 0; n < a->length; ++n) {
        size_t i = from_end ? a->length - 1 - n : n;
        Value args[3] = {element(a, i), Value::number(static_cast<double>(i)), Value::object(a)};
        if (to_boolean(isolate.call(call.arg(0), call.arg(1), args))) {
            return want_index ? Value::number(static_cast<double>(i)) : args[0];
        }
    }
    return want_index ? Value::number(-1) : Value::undefined();
}
Value ta_find(Isolate& isolate, const CallArgs& call) { return find_impl(isolate, call, false, false); }
Value ta_find_index(Isolate& isolate, const CallArgs& call) { return find_impl(isolate, call, true, false); }
Value ta_find_last(Isolate& isolate, const CallArgs& call) { return find_impl(isolate, call, false, true); }
Value ta_find_last_index(Isolate& isolate, const CallArgs& call) { return find_impl(isolate, call, true, true); }

Value ta_fill(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "fill");
    double value = to_number(isolate, call.arg(0));
    double len = static_cast<double>(a->length);
    size_t from = static_cast<size_t>(relative_index(isolate, call.arg(1), len, 0));
    size_t to = static_cast<size_t>(relative_index(isolate, call.arg(2), len, len));
    for (size_t i = from; i < to; ++i) store_number(a, i, value);
    return call.this_value;
}

// Result arrays get `this`'s prototype (see the file comment).
JsTypedArray* create_like(Isolate& isolate, JsTypedArray* a, size_t length) {
    return new_typed_array(isolate, a->kind, a->proto, length);
}

Value ta_filter(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "filter");
    std::vector<double> kept;
    for_each_element(isolate, a, call.arg(0), call.arg(1), [&](size_t, Value v, Value r) {
        if (to_boolean(r)) kept.push_back(v.as_number());
        return true;
    });
    JsTypedArray* out = create_like(isolate, a, kept.size());
    for (size_t i = 0; i < kept.size(); ++i) store_number(out, i, kept[i]);
    return Value::object(out);
}

Value ta_map(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "map");
    JsTypedArray* out = create_like(isolate, a, a->length);
    for_each_element(isolate, a, call.arg(0), call.arg(1), [&](size_t i, Value, Value r) {
        store_number(out, i, to_number(isolate, r));
        return true;
    });
    return Value::object(out);
}

Value reduce_impl(Isolate& isolate, const CallArgs& call, bool from_end) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, from_end ? "reduceRight" : "reduce");
    Value fn = call.arg(0);
    if (!is_callable(fn)) isolate.throw_type_error(describe_receiver(isolate, fn) + " is not a function");
    size_t n = a->length, k = 0;
    Value acc;
    if (call.size() >= 2) {
        acc = call.arg(1);
    } else {
        if (n == 0) isolate.throw_type_error("Reduce of empty array with no initial value");
        acc = element(a, from_end ? n - 1 : 0);
        k = 1;
    }
    for (; k < n; ++k) {
        size_t i = from_end ? n - 1 - k : k;
        Value args[4] = {acc, element(a, i), Value::number(static_cast<double>(i)), Value::object(a)};
        acc = isolate.call(fn, Value::undefined(), args);
    }
    return acc;
}
Value ta_reduce(Isolate& isolate, const CallArgs& call) { return reduce_impl(isolate, call, false); }
Value ta_reduce_right(Isolate& isolate, const CallArgs& call) { return reduce_impl(isolate, call, true); }

Value search_impl(Isolate& isolate, const CallArgs& call, int mode) {  // 0 indexOf, 1 lastIndexOf, 2 includes
    JsTypedArray* a = this_typed_array(isolate, call.this_value, mode == 2 ? "includes" : "indexOf");
    double len = static_cast<double>(a->length);
    Value target = call.arg(0);
    if (a->length == 0) return mode == 2 ? Value::boolean(false) : Value::number(-1);
    if (mode == 1) {
        double from = call.size() > 1 ? to_integer_or_infinity(isolate, call.arg(1)) : len - 1;
        if (from < 0) from += len;
        if (!target.is_number()) return Value::number(-1);
        for (double i = std::min(from, len - 1); i >= 0; --i) {
            if (a->load(static_cast<size_t>(i)) == target.as_number()) return Value::number(i);
        }
        return Value::number(-1);
    }
    size_t from = static_cast<size_t>(relative_index(isolate, call.arg(1), len, 0));
    if (!target.is_number()) return mode == 2 ? Value::boolean(false) : Value::number(-1);
    for (size_t i = from; i < a->length; ++i) {
        bool hit = mode == 2 ? same_value_zero(element(a, i), target) : a->load(i) == target.as_number();
        if (hit) return mode == 2 ? Value::boolean(true) : Value::number(static_cast<double>(i));
    }
    return mode == 2 ? Value::boolean(false) : Value::number(-1);
}
Value ta_index_of(Isolate& isolate, const CallArgs& call) { return search_impl(isolate, call, 0); }
Value ta_last_index_of(Isolate& isolate, const CallArgs& call) { return search_impl(isolate, call, 1); }
Value ta_includes(Isolate& isolate, const CallArgs& call) { return search_impl(isolate, call, 2); }

Value ta_join(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "join");
    std::string sep = call.arg(0).is_undefined() ? "," : to_string(isolate, call.arg(0));
    std::string out;
    for (size_t i = 0; i < a->length; ++i) {
        if (i) out += sep;
        out += number_to_string(a->load(i));
    }
    return isolate.new_string(std::move(out));
}

Value ta_to_string(Isolate& isolate, const CallArgs& call) {
    CallArgs join_call{call.this_value, {}, call.callee, Value::undefined()};
    return ta_join(isolate, join_call);
}

Value ta_reverse(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "reverse");
    for (size_t i = 0, j = a->length; i + 1 < j; ++i, --j) {
        double x = a->load(i);
        store_number(a, i, a->load(j - 1));
        store_number(a, j - 1, x);
    }
    return call.this_value;
}

// 23.2.3.26 %TypedArray%.prototype.set ( source [ , offset ] )
Value ta_set(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "set");
    double offset = to_integer_or_infinity(isolate, call.arg(1));
    if (offset < 0) isolate.throw_range_error("offset is out of bounds");
    Value source = call.arg(0);
    std::vector<double> values;
    if (source.is_object() && source.as_object()->cls == ObjectClass::TypedArray) {
        auto* src = static_cast<JsTypedArray*>(source.as_object());
        for (size_t i = 0; i < src->length; ++i) values.push_back(src->load(i));  // copy first: views may overlap
    } else {
        JsObject* o = to_object(isolate, source);
        uint64_t len = length_of_array_like(isolate, o);
        for (uint64_t i = 0; i < len; ++i) {
            values.push_back(to_number(isolate, get(isolate, Value::object(o), Value::number(static_cast<double>(i)))));
        }
    }
    if (offset + static_cast<double>(values.size()) > static_cast<double>(a->length)) {
        isolate.throw_range_error("offset is out of bounds");
    }
    for (size_t i = 0; i < values.size(); ++i) store_number(a, static_cast<size_t>(offset) + i, values[i]);
    return Value::undefined();
}

Value ta_slice(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "slice");
    double len = static_cast<double>(a->length);
    double from = relative_index(isolate, call.arg(0), len, 0);
    double to = relative_index(isolate, call.arg(1), len, len);
    size_t count = to > from ? static_cast<size_t>(to - from) : 0;
    JsTypedArray* out = create_like(isolate, a, count);
    if (count) std::memcpy(typed_array_data(out), typed_array_data(a) + static_cast<size_t>(from) * a->element_size(), count * a->element_size());
    return Value::object(out);
}

Value ta_subarray(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "subarray");
    double len = static_cast<double>(a->length);
    double from = relative_index(isolate, call.arg(0), len, 0);
    double to = relative_index(isolate, call.arg(1), len, len);
    size_t count = to > from ? static_cast<size_t>(to - from) : 0;
    return Value::object(isolate.heap().make<JsTypedArray>(
        a->proto, a->kind, a->buffer, a->byte_offset + static_cast<size_t>(from) * a->element_size(), count));
}

Value ta_sort(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "sort");
    Value cmp = call.arg(0);
    if (!cmp.is_undefined() && !is_callable(cmp)) {
        isolate.throw_type_error("The comparison function must be either a function or undefined");
    }
    std::vector<double> values(a->length);
    for (size_t i = 0; i < a->length; ++i) values[i] = a->load(i);
    std::stable_sort(values.begin(), values.end(), [&](double x, double y) {
        if (cmp.is_undefined()) {
            if (std::isnan(x)) return false;
            if (std::isnan(y)) return true;
            if (x == 0 && y == 0) return std::signbit(x) && !std::signbit(y);
            return x < y;
        }
        Value args[2] = {Value::number(x), Value::number(y)};
        return to_number(isolate, isolate.call(cmp, Value::undefined(), args)) < 0;
    });
    for (size_t i = 0; i < values.size(); ++i) store_number(a, i, values[i]);
    return call.this_value;
}

Value ta_copy_within(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "copyWithin");
    double len = static_cast<double>(a->length);
    double to = relative_index(isolate, call.arg(0), len, 0);
    double from = relative_index(isolate, call.arg(1), len, 0);
    double final_ = relative_index(isolate, call.arg(2), len, len);
    double count = std::min(final_ - from, len - to);
    if (count > 0) {
        size_t es = a->element_size();
        std::memmove(typed_array_data(a) + static_cast<size_t>(to) * es, typed_array_data(a) + static_cast<size_t>(from) * es,
                     static_cast<size_t>(count) * es);
    }
    return call.this_value;
}

// Array iterators over typed arrays (values, keys, entries).
struct JsTypedArrayIterator final : JsObject {
    JsTypedArrayIterator(JsObject* proto, JsTypedArray* a, int k) : JsObject(proto, ObjectClass::Iterator), array(a), kind(k) {}
    JsTypedArray* array;
    int kind;  // 0 values, 1 keys, 2 entries
    size_t next = 0;
    bool done = false;
    void trace(Tracer& t) override {
        JsObject::trace(t);
        t.mark(array);
    }
};

Value ta_iterator_next(Isolate& isolate, const CallArgs& call) {
    auto* it = call.this_value.is_object() ? dynamic_cast<JsTypedArrayIterator*>(call.this_value.as_object()) : nullptr;
    if (it == nullptr) isolate.throw_type_error("next method called on incompatible receiver");
    if (it->done || it->next >= it->array->length) {
        it->done = true;
        return create_iter_result(isolate, Value::undefined(), true);
    }
    size_t i = it->next++;
    Value index = Value::number(static_cast<double>(i));
    if (it->kind == 1) return create_iter_result(isolate, index, false);
    if (it->kind == 0) return create_iter_result(isolate, element(it->array, i), false);
    Value pair[2] = {index, element(it->array, i)};
    return create_iter_result(isolate, Value::object(isolate.new_array_from(pair)), false);
}

Value make_iterator(Isolate& isolate, const CallArgs& call, int kind) {
    JsTypedArray* a = this_typed_array(isolate, call.this_value, "values");
    JsObject* proto = isolate.realm().typed_array_prototypes[11];
    return Value::object(isolate.heap().make<JsTypedArrayIterator>(proto, a, kind));
}
Value ta_values(Isolate& isolate, const CallArgs& call) { return make_iterator(isolate, call, 0); }
Value ta_keys(Isolate& isolate, const CallArgs& call) { return make_iterator(isolate, call, 1); }
Value ta_entries(Isolate& isolate, const CallArgs& call) { return make_iterator(isolate, call, 2); }

struct MethodSpec {
    const char* name;
    NativeFn fn;
    int length;
};

constexpr MethodSpec kTypedArrayMethods[] = {
    {"at", ta_at, 1}, {"copyWithin", ta_copy_within, 2}, {"entries", ta_entries, 0}, {"every", ta_every, 1},
    {"fill", ta_fill, 1}, {"filter", ta_filter, 1}, {"find", ta_find, 1}, {"findIndex", ta_find_index, 1},
    {"findLast", ta_find_last, 1}, {"findLastIndex", ta_find_last_index, 1}, {"forEach", ta_for_each, 1},
    {"includes", ta_includes, 1}, {"indexOf", ta_index_of, 1}, {"join", ta_join, 1}, {"keys", ta_keys, 0},
    {"lastIndexOf", ta_last_index_of, 1}, {"map", ta_map, 1}, {"reduce", ta_reduce, 1},
    {"reduceRight", ta_reduce_right, 1}, {"reverse", ta_reverse, 0}, {"set", ta_set, 1}, {"slice", ta_slice, 2},
    {"some", ta_some, 1}, {"sort", ta_sort, 1}, {"subarray", ta_subarray, 2}, {"toLocaleString", ta_to_string, 0},
    {"toString", ta_to_string, 0}, {"values", ta_values, 0},
};

// ---------------------------------------------------------------- DataView

struct JsDataView final : JsObject {
    JsDataView(JsObject* proto, JsArrayBuffer* b, size_t offset, size_t length)
        : JsObject(proto, ObjectClass::DataView), buffer(b), byte_offset(offset), byte_length(length) {}
    JsArrayBuffer* buffer;
    size_t byte_offset;
    size_t byte_length;
    void trace(Tracer& t) override {
        JsObject::trace(t);
        t.mark(buffer);
    }
};

JsDataView* this_data_view(Isolate& isolate, Value v, const char* method) {
    if (!v.is_object() || v.as_object()->cls != ObjectClass::DataView) {
        isolate.throw_type_error(std::string("Method DataView.prototype.") + method + " called on incompatible receiver " +
                                 describe_receiver(isolate, v));
    }
    return static_cast<JsDataView*>(v.as_object());
}

Value data_view_constructor(Isolate& isolate, const CallArgs& call) {
    if (!call.is_construct()) isolate.throw_type_error("Constructor DataView requires 'new'");
    Value b = call.arg(0);
    if (!b.is_object() || b.as_object()->cls != ObjectClass::ArrayBuffer) {
        isolate.throw_type_error("First argument to DataView constructor must be an ArrayBuffer");
    }
    auto* buffer = static_cast<JsArrayBuffer*>(b.as_object());
    size_t offset = to_index(isolate, call.arg(1), "DataView offset");
    if (offset > buffer->data.size()) isolate.throw_range_error("Start offset " + std::to_string(offset) + " is outside the bounds of the buffer");
    size_t length = call.arg(2).is_undefined() ? buffer->data.size() - offset : to_index(isolate, call.arg(2), "DataView length");
    if (offset + length > buffer->data.size()) isolate.throw_range_error("Invalid DataView length " + std::to_string(length));
    JsObject* proto = get_prototype_from_constructor(isolate, call.new_target,
                                                     isolate.realm().typed_array_prototypes[10]);
    return Value::object(isolate.heap().make<JsDataView>(proto, buffer, offset, length));
}

Value dv_buffer(Isolate& isolate, const CallArgs& call) { return Value::object(this_data_view(isolate, call.this_value, "buffer")->buffer); }
Value dv_byte_length(Isolate& isolate, const CallArgs& call) {
    return Value::number(static_cast<double>(this_data_view(isolate, call.this_value, "byteLength")->byte_length));
}
Value dv_byte_offset(Isolate& isolate, const CallArgs& call) {
    return Value::number(static_cast<double>(this_data_view(isolate, call.this_value, "byteOffset")->byte_offset));
}

// GetViewValue / SetViewValue: native_data holds the element kind. The
// host is little-endian (x86-64, aarch64), so big-endian access reverses bytes.
Value dv_access(Isolate& isolate, const CallArgs& call, bool is_set) {
    JsDataView* view = this_data_view(isolate, call.this_value, is_set ? "set" : "get");
    auto kind = static_cast<TypedArrayKind>(static_cast<int>(call.callee->native_data.as_number()));
    size_t size = static_cast<size_t>(info_of(kind).size);
    double index = to_integer_or_infinity(isolate, call.arg(0));
    double value = is_set ? to_number(isolate, call.arg(1)) : 0;
    bool little = to_boolean(call.arg(is_set ? 2 : 1));
    if (index < 0 || index + static_cast<double>(size) > static_cast<double>(view->byte_length)) {
        isolate.throw_range_error("Offset is outside the bounds of the DataView");
    }
    uint8_t* p = view->buffer->data.data() + view->byte_offset + static_cast<size_t>(index);
    // Reuse the typed array element conversions through an 8-byte scratch buffer.
    JsArrayBuffer scratch(nullptr);
    scratch.data.assign(8, 0);
    JsTypedArray cell(nullptr, kind, &scratch, 0, 1);
    if (is_set) {
        store_number(&cell, 0, value);
        if (!little) std::reverse(scratch.data.begin(), scratch.data.begin() + static_cast<long>(size));
        std::memcpy(p, scratch.data.data(), size);
        return Value::undefined();
    }
    std::memcpy(scratch.data.data(), p, size);
    if (!little) std::reverse(scratch.data.begin(), scratch.data.begin() + static_cast<long>(size));
    return Value::number(cell.load(0));
}
Value dv_get(Isolate& isolate, const CallArgs& call) { return dv_access(isolate, call, false); }
Value dv_set(Isolate& isolate, const CallArgs& call) { return dv_access(isolate, call, true); }

void install_data_view(Isolate& isolate) {
    Realm& realm = isolate.realm();
    JsObject* proto = isolate.new_object();
    realm.typed_array_prototypes[10] = proto;  // slot 10: DataView.prototype (no BigUint64Array here)
    make_constructor(isolate, "DataView", data_view_constructor, 1, proto);
    isolate.define_getter(proto, "buffer", dv_buffer);
    isolate.define_getter(proto, "byteLength", dv_byte_length);
    isolate.define_getter(proto, "byteOffset", dv_byte_offset);
    for (const KindInfo& k : kKinds) {
        if (k.kind == TypedArrayKind::Uint8Clamped) continue;
        std::string type = std::string(k.name).substr(0, std::string(k.name).size() - 5);  // "Int8Array" -> "Int8"
        JsFunction* getter = isolate.define_method(proto, "get" + type, dv_get, 1);
        getter->native_data = Value::number(static_cast<int>(k.kind));
        JsFunction* setter = isolate.define_method(proto, "set" + type, dv_set, 2);
        setter->native_data = Value::number(static_cast<int>(k.kind));
    }
    define_to_string_tag(isolate, proto, "DataView");
}

Value ta_tag_getter(Isolate& isolate, const CallArgs& call) {
    Value v = call.this_value;
    if (!v.is_object() || v.as_object()->cls != ObjectClass::TypedArray) return Value::undefined();
    return isolate.intern(info_of(static_cast<JsTypedArray*>(v.as_object())->kind).name);
}

void install_array_buffers(Isolate& isolate) {
    Realm& realm = isolate.realm();
    JsObject* proto = isolate.new_object();
    realm.array_buffer_prototype = proto;
    JsFunction* ctor = make_constructor(isolate, "ArrayBuffer", array_buffer_constructor, 1, proto);
    isolate.define_method(ctor, "isView", array_buffer_is_view, 1);
    isolate.define_getter(proto, "byteLength", array_buffer_byte_length);
    isolate.define_method(proto, "slice", array_buffer_slice, 2);
    define_to_string_tag(isolate, proto, "ArrayBuffer");

    // SharedArrayBuffer.prototype lives in ArrayBuffer.prototype's internal slot (no realm field).
    JsObject* shared_proto = isolate.new_object();
    proto->internal = Value::object(shared_proto);
    make_constructor(isolate, "SharedArrayBuffer", shared_array_buffer_constructor, 1, shared_proto);
    isolate.define_getter(shared_proto, "byteLength", array_buffer_byte_length);
    isolate.define_method(shared_proto, "slice", array_buffer_slice, 2);
    define_to_string_tag(isolate, shared_proto, "SharedArrayBuffer");
}

}  // namespace

JsArrayBuffer* new_array_buffer(Isolate& isolate, size_t length, bool shared) {
    if (static_cast<double>(length) > kMaxByteLength) isolate.throw_range_error("Array buffer allocation failed");
    JsArrayBuffer* buffer = isolate.heap().make<JsArrayBuffer>(isolate.realm().array_buffer_prototype);
    if (shared) {
        buffer->data.share(std::make_shared<SharedBytes>(length));
    } else {
        buffer->data.assign(length, 0);
    }
    buffer->shared = shared;
    if (shared && isolate.realm().array_buffer_prototype) {
        buffer->proto = isolate.realm().array_buffer_prototype->internal.as_object();
    }
    isolate.heap().note_growth(length);
    return buffer;
}

std::vector<uint8_t> detach_array_buffer(Isolate& isolate, JsArrayBuffer* buffer) {
    // Views hold no back-pointers: a detach is rare, so one walk of the heap
    // finds them instead of making every view creation register itself.
    isolate.heap().for_each_cell([buffer](GcCell* cell) {
        if (cell->cell_kind != CellKind::Object) return;
        auto* o = static_cast<JsObject*>(cell);
        if (o->cls == ObjectClass::TypedArray && static_cast<JsTypedArray*>(o)->buffer == buffer) {
            static_cast<JsTypedArray*>(o)->length = 0;
            static_cast<JsTypedArray*>(o)->byte_offset = 0;
        } else if (o->cls == ObjectClass::DataView && static_cast<JsDataView*>(o)->buffer == buffer) {
            static_cast<JsDataView*>(o)->byte_length = 0;
            static_cast<JsDataView*>(o)->byte_offset = 0;
        }
    });
    buffer->detached = true;
    return buffer->data.release();
}

JsTypedArray* new_typed_array(Isolate& isolate, TypedArrayKind kind, JsObject* proto, size_t length) {
    size_t size = static_cast<size_t>(info_of(kind).size);
    JsArrayBuffer* buffer = new_array_buffer(isolate, length * size);
    return isolate.heap().make<JsTypedArray>(proto, kind, buffer, 0, length);
}

void store_number(JsTypedArray* array, size_t index, double value) {
    uint8_t* p = array->buffer->data.data() + array->byte_offset + index * array->element_size();
    uint32_t bits = to_uint32(value);
    switch (array->kind) {
        case TypedArrayKind::Int8:
        case TypedArrayKind::Uint8: *p = static_cast<uint8_t>(bits); return;
        case TypedArrayKind::Int16:
        case TypedArrayKind::Uint16: {
            auto v = static_cast<uint16_t>(bits);
            std::memcpy(p, &v, 2);
            return;
        }
        case TypedArrayKind::Int32:
        case TypedArrayKind::Uint32: std::memcpy(p, &bits, 4); return;
        default: array->store(index, value); return;
    }
}

JsTypedArray* this_typed_array(Isolate& isolate, Value v, const char* method) {
    if (!v.is_object() || v.as_object()->cls != ObjectClass::TypedArray) {
        isolate.throw_type_error("this is not a typed array.");
    }
    (void)method;
    return static_cast<JsTypedArray*>(v.as_object());
}

void install_typed_array_builtins(Isolate& isolate) {
    Realm& realm = isolate.realm();
    install_array_buffers(isolate);

    // %TypedArray% and %TypedArray%.prototype.
    JsObject* ta_proto = isolate.new_object();
    JsFunction* ta_ctor = make_constructor(isolate, "TypedArray", abstract_typed_array, 0, ta_proto, /*on_global=*/false);
    isolate.define_method(ta_ctor, "from", typed_array_from, 1);
    isolate.define_method(ta_ctor, "of", typed_array_of, 0);
    isolate.define_getter(ta_proto, "buffer", ta_buffer);
    isolate.define_getter(ta_proto, "byteLength", ta_byte_length);
    isolate.define_getter(ta_proto, "byteOffset", ta_byte_offset);
    isolate.define_getter(ta_proto, "length", ta_length);
    for (const MethodSpec& m : kTypedArrayMethods) isolate.define_method(ta_proto, m.name, m.fn, m.length);
    Value values = get(isolate, Value::object(ta_proto), "values");
    define_own_property(isolate, ta_proto, Value::symbol(isolate.symbols().iterator), values, kHiddenFlags);
    JsAccessor* tag = isolate.heap().make<JsAccessor>();
    tag->getter = Value::object(isolate.new_native_function("get [Symbol.toStringTag]", ta_tag_getter, 0));
    define_own_property(isolate, ta_proto, Value::symbol(isolate.symbols().to_string_tag), accessor_value(tag),
                        kConfigurable | kAccessor);

    for (const KindInfo& k : kKinds) {
        JsObject* proto = isolate.new_object_with_proto(ta_proto);
        JsFunction* ctor = make_constructor(isolate, k.name, typed_array_constructor, 3, proto);
        ctor->proto = ta_ctor;
        ctor->native_data = Value::number(static_cast<int>(k.kind));
        isolate.define_value(ctor, "BYTES_PER_ELEMENT", Value::number(k.size), 0);
        isolate.define_value(proto, "BYTES_PER_ELEMENT", Value::number(k.size), 0);
        realm.typed_array_prototypes[static_cast<int>(k.kind)] = proto;
    }
    realm.uint8array_prototype = realm.typed_array_prototypes[static_cast<int>(TypedArrayKind::Uint8)];

    // Slot 11: %ArrayIteratorPrototype% stand-in for typed array iterators.
    JsObject* iterator_proto =
        isolate.new_object_with_proto(realm.iterator_prototype ? realm.iterator_prototype : realm.object_prototype);
    isolate.define_method(iterator_proto, "next", ta_iterator_next, 0);
    define_to_string_tag(isolate, iterator_proto, "Array Iterator");
    realm.typed_array_prototypes[11] = iterator_proto;

    install_data_view(isolate);
    install_buffer_builtins(isolate);
}

}  // namespace looplab::js
