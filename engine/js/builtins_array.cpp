// Array (ECMAScript 23.1): the constructor, Array.prototype and array
// iterators. Methods are generic over array-likes as the spec says, with
// fast paths for dense JsArrays (elements read and written directly).
#include <algorithm>
#include <cmath>

#include "engine/js/array_sort.h"
#include "engine/js/builtins.h"
#include "engine/js/operations.h"
#include "engine/js/proxy.h"

namespace looplab::js {

namespace {

constexpr double kMaxSafeInteger = 9007199254740991.0;

// ---------------------------------------------------------------- element access

Value index_key(uint64_t i) { return Value::number(static_cast<double>(i)); }

JsArray* as_dense(JsObject* o) { return o->cls == ObjectClass::Array ? static_cast<JsArray*>(o) : nullptr; }

// HasProperty(O, i) then Get(O, i); false when absent (a hole).
bool try_get(Isolate& isolate, JsObject* o, uint64_t i, Value* out) {
    if (JsArray* a = as_dense(o)) {
        if (i < a->elements.size() && !a->elements[i].is_empty()) {
            *out = a->elements[i];
            return true;
        }
    }
    if (!has_property(isolate, o, index_key(i))) return false;
    *out = get(isolate, Value::object(o), index_key(i));
    return true;
}

Value get_at(Isolate& isolate, JsObject* o, uint64_t i) {
    if (JsArray* a = as_dense(o)) {
        if (i < a->elements.size() && !a->elements[i].is_empty()) return a->elements[i];
    }
    return get(isolate, Value::object(o), index_key(i));
}

void throw_not_extensible(Isolate& isolate, uint64_t i) {
    isolate.throw_type_error("Cannot add property " + std::to_string(i) + ", object is not extensible");
}

// Set(O, i, v, true).
void set_at(Isolate& isolate, JsObject* o, uint64_t i, Value v) {
    if (JsArray* a = as_dense(o)) {
        if (a->frozen) {
            isolate.throw_type_error("Cannot assign to read only property '" + std::to_string(i) + "' of object '[object Array]'");
        }
        if (i >= a->elements.size() && !a->extensible) throw_not_extensible(isolate, i);
    }
    set(isolate, Value::object(o), index_key(i), v, true);
}

// DeletePropertyOrThrow(O, i).
void delete_at(Isolate& isolate, JsObject* o, uint64_t i) {
    if (!delete_property(isolate, o, index_key(i), false)) {
        isolate.throw_type_error("Cannot delete property '" + std::to_string(i) + "' of [object Array]");
    }
}

void set_length(Isolate& isolate, JsObject* o, uint64_t n) {
    set(isolate, Value::object(o), isolate.intern("length"), Value::number(static_cast<double>(n)), true);
}

// A dense array whose elements we may splice directly: no holes to fill
// from the prototype chain matter, and nothing about it is locked.
JsArray* plain_array(Isolate& isolate, JsObject* o) {
    JsArray* a = as_dense(o);
    if (a == nullptr || a->frozen || !a->extensible || a->proto != isolate.realm().array_prototype) return nullptr;
    return a;
}

// "#<Object>" / "1" / "undefined" as V8 shows a value in "is not a function".
std::string describe(Isolate& isolate, Value v) {
    if (v.is_object()) return is_callable(v) ? "function" : "#<Object>";
    if (v.is_symbol()) return "Symbol(" + v.as_symbol()->description + ")";
    if (v.is_string()) return "\"" + v.as_string()->str() + "\"";
    if (v.is_bigint()) return v.as_bigint()->decimal;
    return to_string(isolate, v);
}

Value require_callback(Isolate& isolate, Value fn) {
    if (!is_callable(fn)) isolate.throw_type_error(describe(isolate, fn) + " is not a function");
    return fn;
}

JsObject* this_object(Isolate& isolate, const CallArgs& call, const char* method) {
    if (call.this_value.is_nullish()) {
        isolate.throw_type_error(std::string("Array.prototype.") + method + " called on null or undefined");
    }
    return to_object(isolate, call.this_value);
}

// Relative index arguments (start, end): negative counts from the end, clamped to [0, len].
uint64_t relative_index(Isolate& isolate, Value v, uint64_t len, uint64_t if_undefined) {
    if (v.is_undefined()) return if_undefined;
    double d = to_integer_or_infinity(isolate, v);
    double n = static_cast<double>(len);
    if (d < 0) return static_cast<uint64_t>(std::max(0.0, n + d));
    return static_cast<uint64_t>(std::min(d, n));
}

Value new_array_value(Isolate& isolate, std::vector<Value> items) {
    JsArray* a = isolate.new_array(0);
    isolate.heap().note_growth(items.size() * sizeof(Value));
    a->elements = std::move(items);
    return Value::object(a);
}

void require_length_below_limit(Isolate& isolate, double n) {
    if (n > kMaxSafeInteger) isolate.throw_type_error("Invalid array length");
}

// ---------------------------------------------------------------- constructor and statics

Value array_constructor(Isolate& isolate, const CallArgs& call) {
    JsObject* proto = call.is_construct()
                          ? get_prototype_from_constructor(isolate, call.new_target, isolate.realm().array_prototype)
                          : isolate.realm().array_prototype;
    JsArray* a = isolate.new_array(0);
    a->proto = proto;
    if (call.size() == 1 && call.arg(0).is_number()) {
        double n = call.arg(0).as_number();
        if (n < 0 || n > 4294967295.0 || n != std::floor(n)) isolate.throw_range_error("Invalid array length");
        set_array_length(isolate, a, n);
    } else {
        a->elements.assign(call.args.begin(), call.args.end());
    }
    return Value::object(a);
}

Value array_is_array(Isolate& isolate, const CallArgs& call) {
    return Value::boolean(is_array_or_proxied_array(isolate, call.arg(0)));
}

Value array_of(Isolate& isolate, const CallArgs& call) {
    return Value::object(isolate.new_array_from(call.args));
}

Value array_from(Isolate& isolate, const CallArgs& call) {
    Value items = call.arg(0);
    Value map_fn = call.arg(1);
    bool mapping = !map_fn.is_undefined();
    if (mapping) require_callback(isolate, map_fn);
    if (items.is_nullish()) isolate.throw_type_error(describe(isolate, items) + " is not iterable");
    auto map_value = [&](Value v, uint64_t k) {
        if (!mapping) return v;
        Value args[2] = {v, index_key(k)};
        return isolate.call(map_fn, call.arg(2), args);
    };
    std::vector<Value> out;
    Value iterator_method = get(isolate, items, Value::symbol(isolate.symbols().iterator));
    if (!iterator_method.is_nullish() && !mapping) return new_array_value(isolate, iterate_to_vector(isolate, items));
    if (!iterator_method.is_nullish()) {
        Value iterator = get_iterator(isolate, items);
        Value v;
        while (iterator_step(isolate, iterator, &v)) {
            try {
                out.push_back(map_value(v, out.size()));
            } catch (const JsException&) {
                iterator_close(isolate, iterator);
                throw;
            }
        }
        return new_array_value(isolate, std::move(out));
    }
    JsObject* array_like = to_object(isolate, items);
    uint64_t len = length_of_array_like(isolate, array_like);
    if (len > (1u << 24)) isolate.throw_range_error("Invalid array length");
    out.reserve(len);
    for (uint64_t k = 0; k < len; ++k) out.push_back(map_value(get_at(isolate, array_like, k), k));
    return new_array_value(isolate, std::move(out));
}

// ---------------------------------------------------------------- mutators

Value array_push(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "push");
    if (JsArray* a = plain_array(isolate, o)) {
        isolate.heap().note_growth(call.size() * sizeof(Value));
        a->elements.insert(a->elements.end(), call.args.begin(), call.args.end());
        return Value::number(static_cast<double>(a->elements.size()));
    }
    uint64_t len = length_of_array_like(isolate, o);
    require_length_below_limit(isolate, static_cast<double>(len + call.size()));
    if (!o->extensible && call.size() > 0) throw_not_extensible(isolate, len);
    for (Value v : call.args) set_at(isolate, o, len++, v);
    set_length(isolate, o, len);
    return Value::number(static_cast<double>(len));
}

Value array_pop(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "pop");
    if (JsArray* a = plain_array(isolate, o)) {
        if (a->elements.empty()) return Value::undefined();
        Value last = a->elements.back();
        a->elements.pop_back();
        return last.is_empty() ? get(isolate, Value::object(a), index_key(a->elements.size())) : last;
    }
    uint64_t len = length_of_array_like(isolate, o);
    if (len == 0) {
        set_length(isolate, o, 0);
        return Value::undefined();
    }
    Value last = get_at(isolate, o, len - 1);
    delete_at(isolate, o, len - 1);
    set_length(isolate, o, len - 1);
    return last;
}

Value array_shift(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "shift");
    if (JsArray* a = plain_array(isolate, o)) {
        if (a->elements.empty()) return Value::undefined();
        Value first = a->elements.front();
        a->elements.erase(a->elements.begin());
        return first.is_empty() ? Value::undefined() : first;
    }
    uint64_t len = length_of_array_like(isolate, o);
    if (len == 0) {
        set_length(isolate, o, 0);
        return Value::undefined();
    }
    Value first = get_at(isolate, o, 0);
    for (uint64_t k = 1; k < len; ++k) {
        Value v;
        if (try_get(isolate, o, k, &v)) {
            set_at(isolate, o, k - 1, v);
        } else {
            delete_at(isolate, o, k - 1);
        }
    }
    delete_at(isolate, o, len - 1);
    set_length(isolate, o, len - 1);
    return first;
}

Value array_unshift(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "unshift");
    if (JsArray* a = plain_array(isolate, o)) {
        isolate.heap().note_growth(call.size() * sizeof(Value));
        a->elements.insert(a->elements.begin(), call.args.begin(), call.args.end());
        return Value::number(static_cast<double>(a->elements.size()));
    }
    uint64_t len = length_of_array_like(isolate, o);
    uint64_t count = call.size();
    if (count > 0) {
        require_length_below_limit(isolate, static_cast<double>(len + count));
        if (!o->extensible) throw_not_extensible(isolate, len);
        for (uint64_t k = len; k > 0; --k) {
            Value v;
            if (try_get(isolate, o, k - 1, &v)) {
                set_at(isolate, o, k - 1 + count, v);
            } else {
                delete_at(isolate, o, k - 1 + count);
            }
        }
        for (uint64_t j = 0; j < count; ++j) set_at(isolate, o, j, call.args[j]);
    }
    set_length(isolate, o, len + count);
    return Value::number(static_cast<double>(len + count));
}

Value array_splice(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "splice");
    uint64_t len = length_of_array_like(isolate, o);
    uint64_t start = relative_index(isolate, call.arg(0), len, 0);
    uint64_t delete_count;
    if (call.size() == 0) {
        delete_count = 0;
    } else if (call.size() == 1) {
        delete_count = len - start;
    } else {
        double dc = to_integer_or_infinity(isolate, call.arg(1));
        delete_count = static_cast<uint64_t>(std::min(std::max(dc, 0.0), static_cast<double>(len - start)));
    }
    std::span<const Value> items = call.size() > 2 ? call.args.subspan(2) : std::span<const Value>();
    if (JsArray* a = plain_array(isolate, o)) {
        auto first = a->elements.begin() + static_cast<long>(start);
        std::vector<Value> removed(first, first + static_cast<long>(delete_count));
        a->elements.erase(first, first + static_cast<long>(delete_count));
        a->elements.insert(a->elements.begin() + static_cast<long>(start), items.begin(), items.end());
        isolate.heap().note_growth(items.size() * sizeof(Value));
        return new_array_value(isolate, std::move(removed));
    }
    // Generic path (23.1.3.31 steps 11-20).
    JsArray* removed = isolate.new_array(0);
    for (uint64_t k = 0; k < delete_count; ++k) {
        Value v;
        if (try_get(isolate, o, start + k, &v)) create_data_property(isolate, removed, index_key(k), v);
    }
    set_array_length(isolate, removed, static_cast<double>(delete_count));
    uint64_t item_count = items.size();
    if (item_count < delete_count) {
        for (uint64_t k = start; k < len - delete_count; ++k) {
            Value v;
            if (try_get(isolate, o, k + delete_count, &v)) {
                set_at(isolate, o, k + item_count, v);
            } else {
                delete_at(isolate, o, k + item_count);
            }
        }
        for (uint64_t k = len; k > len - delete_count + item_count; --k) delete_at(isolate, o, k - 1);
    } else if (item_count > delete_count) {
        if (!o->extensible) throw_not_extensible(isolate, len);
        for (uint64_t k = len - delete_count; k > start; --k) {
            Value v;
            if (try_get(isolate, o, k + delete_count - 1, &v)) {
                set_at(isolate, o, k + item_count - 1, v);
            } else {
                delete_at(isolate, o, k + item_count - 1);
            }
        }
    }
    for (uint64_t j = 0; j < item_count; ++j) set_at(isolate, o, start + j, items[j]);
    set_length(isolate, o, len - delete_count + item_count);
    return Value::object(removed);
}

Value array_reverse(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "reverse");
    if (JsArray* a = plain_array(isolate, o)) {
        std::reverse(a->elements.begin(), a->elements.end());
        return Value::object(o);
    }
    uint64_t len = length_of_array_like(isolate, o);
    for (uint64_t lower = 0; lower < len / 2; ++lower) {
        uint64_t upper = len - 1 - lower;
        Value lv, uv;
        bool has_lower = try_get(isolate, o, lower, &lv);
        bool has_upper = try_get(isolate, o, upper, &uv);
        if (has_upper) {
            set_at(isolate, o, lower, uv);
        } else if (has_lower) {
            delete_at(isolate, o, lower);
        }
        if (has_lower) {
            set_at(isolate, o, upper, lv);
        } else if (has_upper) {
            delete_at(isolate, o, upper);
        }
    }
    return Value::object(o);
}

Value array_fill(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "fill");
    uint64_t len = length_of_array_like(isolate, o);
    uint64_t k = relative_index(isolate, call.arg(1), len, 0);
    uint64_t end = relative_index(isolate, call.arg(2), len, len);
    if (JsArray* a = plain_array(isolate, o)) {
        for (; k < end; ++k) a->elements[k] = call.arg(0);
        return Value::object(o);
    }
    for (; k < end; ++k) set_at(isolate, o, k, call.arg(0));
    return Value::object(o);
}

Value array_copy_within(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "copyWithin");
    uint64_t len = length_of_array_like(isolate, o);
    uint64_t to = relative_index(isolate, call.arg(0), len, 0);
    uint64_t from = relative_index(isolate, call.arg(1), len, 0);
    uint64_t fin = relative_index(isolate, call.arg(2), len, len);
    int64_t count = std::min<int64_t>(static_cast<int64_t>(fin) - static_cast<int64_t>(from),
                                      static_cast<int64_t>(len - to));
    int64_t direction = 1;
    int64_t f = static_cast<int64_t>(from), t = static_cast<int64_t>(to);
    if (f < t && t < f + count) {
        direction = -1;
        f += count - 1;
        t += count - 1;
    }
    for (; count > 0; --count, f += direction, t += direction) {
        Value v;
        if (try_get(isolate, o, static_cast<uint64_t>(f), &v)) {
            set_at(isolate, o, static_cast<uint64_t>(t), v);
        } else {
            delete_at(isolate, o, static_cast<uint64_t>(t));
        }
    }
    return Value::object(o);
}

// ---------------------------------------------------------------- sort

// SortCompare (23.1.3.30.2) with V8's ToString-based default.
int compare_strings_utf16(JsString* a, JsString* b) {
    if (a->is_ascii() && b->is_ascii()) {
        int c = a->view().compare(b->view());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    std::u16string x = a->utf16(), y = b->utf16();
    return x < y ? -1 : (x > y ? 1 : 0);
}

// Sorts the values of the array-like (holes and undefined already removed).
void sort_values(Isolate& isolate, std::vector<Value>& values, Value comparator) {
    if (!comparator.is_undefined()) {
        timsort(values, [&](Value x, Value y) {
            Value args[2] = {x, y};
            double v = to_number(isolate, isolate.call(comparator, Value::undefined(), args));
            return std::isnan(v) ? 0.0 : v;
        });
        return;
    }
    // Default order compares ToString(x) with ToString(y). When every value
    // is a primitive the strings cannot change, so compute each once.
    bool all_primitive = std::none_of(values.begin(), values.end(), [](Value v) { return v.is_object(); });
    if (!all_primitive) {
        timsort(values, [&](Value x, Value y) {
            Value sx = to_string_value(isolate, x), sy = to_string_value(isolate, y);
            return static_cast<double>(compare_strings_utf16(sx.as_string(), sy.as_string()));
        });
        return;
    }
    // Sort records of (string, value): the comparator sees the same sequence
    // of pairs as V8's does, with each ToString done once.
    struct SortKey {
        std::string text;
        bool ascii;
        Value value;
    };
    std::vector<SortKey> keys;
    keys.reserve(values.size());
    for (Value v : values) {
        if (v.is_string()) {
            keys.push_back({v.as_string()->str(), v.as_string()->is_ascii(), v});
        } else if (v.is_number()) {
            keys.push_back({number_to_string(v.as_number()), true, v});
        } else {
            JsString* s = to_string_value(isolate, v).as_string();
            keys.push_back({s->str(), s->is_ascii(), v});
        }
    }
    // Sorting pointers keeps the merges' moves cheap.
    std::vector<const SortKey*> order;
    order.reserve(keys.size());
    for (const SortKey& k : keys) order.push_back(&k);
    timsort(order, [](const SortKey* a, const SortKey* b) {
        if (a->ascii && b->ascii) {
            int c = a->text.compare(b->text);
            return c < 0 ? -1.0 : (c > 0 ? 1.0 : 0.0);
        }
        std::u16string ua = utf8_to_utf16(a->text), ub = utf8_to_utf16(b->text);
        return ua < ub ? -1.0 : (ua > ub ? 1.0 : 0.0);
    });
    std::vector<Value> sorted;
    sorted.reserve(values.size());
    for (const SortKey* k : order) sorted.push_back(k->value);
    values = std::move(sorted);
}

Value require_comparator(Isolate& isolate, Value comparator) {
    if (!comparator.is_undefined() && !is_callable(comparator)) {
        isolate.throw_type_error("The comparison function must be either a function or undefined");
    }
    return comparator;
}

// Collects the values to sort: holes are skipped and undefineds counted, as
// V8's CompactReceiverElementsIntoWorkArray does.
std::vector<Value> collect_sortable(Isolate& isolate, JsObject* o, uint64_t len, uint64_t* undefined_count,
                                    bool skip_holes) {
    std::vector<Value> values;
    values.reserve(static_cast<size_t>(std::min<uint64_t>(len, 1u << 24)));
    for (uint64_t k = 0; k < len; ++k) {
        Value v;
        bool present = skip_holes ? try_get(isolate, o, k, &v) : (v = get_at(isolate, o, k), true);
        if (!present) continue;
        if (v.is_undefined()) {
            ++*undefined_count;
        } else {
            values.push_back(v);
        }
    }
    return values;
}

Value array_sort(Isolate& isolate, const CallArgs& call) {
    Value comparator = require_comparator(isolate, call.arg(0));
    JsObject* o = this_object(isolate, call, "sort");
    uint64_t len = length_of_array_like(isolate, o);
    if (len < 2) return Value::object(o);
    uint64_t undefined_count = 0;
    std::vector<Value> values = collect_sortable(isolate, o, len, &undefined_count, true);
    sort_values(isolate, values, comparator);
    uint64_t k = 0;
    if (JsArray* a = plain_array(isolate, o); a != nullptr && a->elements.size() == len) {
        for (Value v : values) a->elements[k++] = v;
        for (uint64_t i = 0; i < undefined_count; ++i) a->elements[k++] = Value::undefined();
        for (; k < len; ++k) a->elements[k] = Value::empty();
        return Value::object(o);
    }
    for (Value v : values) set_at(isolate, o, k++, v);
    for (uint64_t i = 0; i < undefined_count; ++i) set_at(isolate, o, k++, Value::undefined());
    for (; k < len; ++k) delete_at(isolate, o, k);
    return Value::object(o);
}

Value array_to_sorted(Isolate& isolate, const CallArgs& call) {
    Value comparator = require_comparator(isolate, call.arg(0));
    JsObject* o = this_object(isolate, call, "toSorted");
    uint64_t len = length_of_array_like(isolate, o);
    uint64_t undefined_count = 0;
    std::vector<Value> values = collect_sortable(isolate, o, len, &undefined_count, false);
    sort_values(isolate, values, comparator);
    values.insert(values.end(), undefined_count, Value::undefined());
    return new_array_value(isolate, std::move(values));
}

// ---------------------------------------------------------------- accessors

Value array_slice(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "slice");
    uint64_t len = length_of_array_like(isolate, o);
    uint64_t k = relative_index(isolate, call.arg(0), len, 0);
    uint64_t end = relative_index(isolate, call.arg(1), len, len);
    if (JsArray* a = as_dense(o); a != nullptr && end <= a->elements.size()) {
        if (k >= end) return new_array_value(isolate, {});
        return new_array_value(isolate, std::vector<Value>(a->elements.begin() + static_cast<long>(k),
                                                           a->elements.begin() + static_cast<long>(end)));
    }
    std::vector<Value> out;
    for (uint64_t n = 0; k < end; ++k, ++n) {
        Value v;
        out.push_back(try_get(isolate, o, k, &v) ? v : Value::empty());
    }
    return new_array_value(isolate, std::move(out));
}

// IsConcatSpreadable (23.1.3.2.1): Symbol.isConcatSpreadable, else IsArray.
bool is_concat_spreadable(Isolate& isolate, Value item) {
    if (!item.is_object()) return false;
    Value spreadable = get(isolate, item, Value::symbol(isolate.symbols().is_concat_spreadable));
    if (!spreadable.is_undefined()) return to_boolean(spreadable);
    return is_array_or_proxied_array(isolate, item);
}

void append_spread(Isolate& isolate, std::vector<Value>& out, Value item) {
    if (!is_concat_spreadable(isolate, item)) {
        out.push_back(item);
        return;
    }
    JsObject* o = item.as_object();
    if (JsArray* a = as_dense(o)) {
        out.insert(out.end(), a->elements.begin(), a->elements.end());
        return;
    }
    uint64_t len = length_of_array_like(isolate, o);
    for (uint64_t k = 0; k < len; ++k) {
        Value v;
        out.push_back(try_get(isolate, o, k, &v) ? v : Value::empty());
    }
}

Value array_concat(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "concat");
    std::vector<Value> out;
    append_spread(isolate, out, Value::object(o));
    for (Value item : call.args) append_spread(isolate, out, item);
    return new_array_value(isolate, std::move(out));
}

// Join with cycle detection: V8 prints a cyclic reference as "". The stack
// of arrays being joined lives in the join function's native data.
Value join_with(Isolate& isolate, JsObject* o, const std::string& separator, JsArray* cycle_stack,
                bool locale) {
    for (Value v : cycle_stack->elements) {
        if (v.as_object() == o) return isolate.intern("");
    }
    uint64_t len = length_of_array_like(isolate, o);
    cycle_stack->elements.push_back(Value::object(o));
    std::string out;
    try {
        for (uint64_t k = 0; k < len; ++k) {
            if (k > 0) out += separator;
            Value v = get_at(isolate, o, k);
            if (v.is_nullish()) continue;
            if (locale) v = call_method(isolate, v, "toLocaleString", {});
            if (v.is_string()) {
                out += v.as_string()->view();
            } else {
                out += to_string(isolate, v);
            }
        }
    } catch (...) {
        cycle_stack->elements.pop_back();
        throw;
    }
    cycle_stack->elements.pop_back();
    return isolate.new_string(std::move(out));
}

JsArray* cycle_stack_of(const CallArgs& call) { return static_cast<JsArray*>(call.callee->native_data.as_object()); }

Value array_join(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "join");
    std::string separator = call.arg(0).is_undefined() ? "," : to_string(isolate, call.arg(0));
    return join_with(isolate, o, separator, cycle_stack_of(call), false);
}

Value array_to_locale_string(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "toLocaleString");
    return join_with(isolate, o, ",", cycle_stack_of(call), true);
}

Value array_to_string(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "toString");
    Value join = get(isolate, Value::object(o), "join");
    if (is_callable(join)) return isolate.call(join, Value::object(o), {});
    Value tag = get(isolate, Value::object(o), Value::symbol(isolate.symbols().to_string_tag));
    return isolate.new_string("[object " + (tag.is_string() ? tag.as_string()->str() : std::string("Object")) + "]");
}

Value array_index_of(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "indexOf");
    uint64_t len = length_of_array_like(isolate, o);
    if (len == 0) return Value::number(-1);
    uint64_t k = relative_index(isolate, call.arg(1), len, 0);
    for (; k < len; ++k) {
        Value v;
        if (try_get(isolate, o, k, &v) && strictly_equal(v, call.arg(0))) return index_key(k);
    }
    return Value::number(-1);
}

Value array_last_index_of(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "lastIndexOf");
    uint64_t len = length_of_array_like(isolate, o);
    if (len == 0) return Value::number(-1);
    double from = call.size() > 1 ? to_integer_or_infinity(isolate, call.arg(1)) : static_cast<double>(len) - 1;
    if (from == -INFINITY) return Value::number(-1);
    double k = from >= 0 ? std::min(from, static_cast<double>(len) - 1) : static_cast<double>(len) + from;
    for (; k >= 0; --k) {
        Value v;
        if (try_get(isolate, o, static_cast<uint64_t>(k), &v) && strictly_equal(v, call.arg(0))) {
            return Value::number(k);
        }
    }
    return Value::number(-1);
}

Value array_includes(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "includes");
    uint64_t len = length_of_array_like(isolate, o);
    if (len == 0) return Value::boolean(false);
    for (uint64_t k = relative_index(isolate, call.arg(1), len, 0); k < len; ++k) {
        if (same_value_zero(get_at(isolate, o, k), call.arg(0))) return Value::boolean(true);
    }
    return Value::boolean(false);
}

Value array_at(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "at");
    uint64_t len = length_of_array_like(isolate, o);
    double rel = to_integer_or_infinity(isolate, call.arg(0));
    double k = rel >= 0 ? rel : static_cast<double>(len) + rel;
    if (k < 0 || k >= static_cast<double>(len)) return Value::undefined();
    return get_at(isolate, o, static_cast<uint64_t>(k));
}

// ---------------------------------------------------------------- iteration with callbacks

// Calls fn(value, index, o) for each present element in order; the visitor
// returns true to stop early. The length is read once, as the spec says.
template <typename Visit>
void for_each_present(Isolate& isolate, JsObject* o, uint64_t len, Visit visit) {
    for (uint64_t k = 0; k < len; ++k) {
        Value v;
        if (try_get(isolate, o, k, &v) && visit(k, v)) return;
    }
}

Value call_callback(Isolate& isolate, const CallArgs& call, JsObject* o, Value v, uint64_t k) {
    Value args[3] = {v, index_key(k), Value::object(o)};
    return isolate.call(call.arg(0), call.arg(1), args);
}

Value array_for_each(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "forEach");
    uint64_t len = length_of_array_like(isolate, o);
    require_callback(isolate, call.arg(0));
    for_each_present(isolate, o, len, [&](uint64_t k, Value v) {
        call_callback(isolate, call, o, v, k);
        return false;
    });
    return Value::undefined();
}

Value array_map(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "map");
    uint64_t len = length_of_array_like(isolate, o);
    require_callback(isolate, call.arg(0));
    JsArray* result = isolate.new_array(0);
    set_array_length(isolate, result, static_cast<double>(len));
    for_each_present(isolate, o, len, [&](uint64_t k, Value v) {
        result->elements[k] = call_callback(isolate, call, o, v, k);
        return false;
    });
    return Value::object(result);
}

Value array_filter(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "filter");
    uint64_t len = length_of_array_like(isolate, o);
    require_callback(isolate, call.arg(0));
    std::vector<Value> kept;
    for_each_present(isolate, o, len, [&](uint64_t k, Value v) {
        if (to_boolean(call_callback(isolate, call, o, v, k))) kept.push_back(v);
        return false;
    });
    return new_array_value(isolate, std::move(kept));
}

Value array_some(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "some");
    uint64_t len = length_of_array_like(isolate, o);
    require_callback(isolate, call.arg(0));
    bool found = false;
    for_each_present(isolate, o, len, [&](uint64_t k, Value v) {
        return found = to_boolean(call_callback(isolate, call, o, v, k));
    });
    return Value::boolean(found);
}

Value array_every(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "every");
    uint64_t len = length_of_array_like(isolate, o);
    require_callback(isolate, call.arg(0));
    bool all = true;
    for_each_present(isolate, o, len, [&](uint64_t k, Value v) {
        all = to_boolean(call_callback(isolate, call, o, v, k));
        return !all;
    });
    return Value::boolean(all);
}

// find / findIndex / findLast / findLastIndex visit holes as undefined.
enum class FindResult { Value, Index };

Value find_impl(Isolate& isolate, const CallArgs& call, const char* name, bool from_end, FindResult want) {
    JsObject* o = this_object(isolate, call, name);
    uint64_t len = length_of_array_like(isolate, o);
    require_callback(isolate, call.arg(0));
    for (uint64_t i = 0; i < len; ++i) {
        uint64_t k = from_end ? len - 1 - i : i;
        Value v = get_at(isolate, o, k);
        if (to_boolean(call_callback(isolate, call, o, v, k))) {
            return want == FindResult::Value ? v : index_key(k);
        }
    }
    return want == FindResult::Value ? Value::undefined() : Value::number(-1);
}

Value array_find(Isolate& isolate, const CallArgs& call) { return find_impl(isolate, call, "find", false, FindResult::Value); }
Value array_find_index(Isolate& isolate, const CallArgs& call) { return find_impl(isolate, call, "findIndex", false, FindResult::Index); }
Value array_find_last(Isolate& isolate, const CallArgs& call) { return find_impl(isolate, call, "findLast", true, FindResult::Value); }
Value array_find_last_index(Isolate& isolate, const CallArgs& call) { return find_impl(isolate, call, "findLastIndex", true, FindResult::Index); }

Value reduce_impl(Isolate& isolate, const CallArgs& call, const char* name, bool from_end) {
    JsObject* o = this_object(isolate, call, name);
    uint64_t len = length_of_array_like(isolate, o);
    require_callback(isolate, call.arg(0));
    uint64_t i = 0;
    Value accumulator;
    auto index_at = [&](uint64_t step) { return from_end ? len - 1 - step : step; };
    if (call.size() >= 2) {
        accumulator = call.arg(1);
    } else {
        bool found = false;
        for (; i < len && !found; ++i) found = try_get(isolate, o, index_at(i), &accumulator);
        if (!found) isolate.throw_type_error("Reduce of empty array with no initial value");
    }
    for (; i < len; ++i) {
        uint64_t k = index_at(i);
        Value v;
        if (!try_get(isolate, o, k, &v)) continue;
        Value args[4] = {accumulator, v, index_key(k), Value::object(o)};
        accumulator = isolate.call(call.arg(0), Value::undefined(), args);
    }
    return accumulator;
}

Value array_reduce(Isolate& isolate, const CallArgs& call) { return reduce_impl(isolate, call, "reduce", false); }
Value array_reduce_right(Isolate& isolate, const CallArgs& call) { return reduce_impl(isolate, call, "reduceRight", true); }

// FlattenIntoArray (23.1.3.13.1), iterative over depth via recursion bounded by the depth argument
// and the call-depth limit.
void flatten_into(Isolate& isolate, std::vector<Value>& out, JsObject* source, double depth, int nesting) {
    if (nesting > 10'000) isolate.throw_range_error("Maximum call stack size exceeded");
    uint64_t len = length_of_array_like(isolate, source);
    for (uint64_t k = 0; k < len; ++k) {
        Value v;
        if (!try_get(isolate, source, k, &v)) continue;
        if (depth > 0 && is_array(v)) {
            flatten_into(isolate, out, v.as_object(), depth - 1, nesting + 1);
        } else {
            out.push_back(v);
        }
    }
}

Value array_flat(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "flat");
    double depth = call.arg(0).is_undefined() ? 1 : to_integer_or_infinity(isolate, call.arg(0));
    std::vector<Value> out;
    flatten_into(isolate, out, o, std::max(depth, 0.0), 0);
    return new_array_value(isolate, std::move(out));
}

Value array_flat_map(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "flatMap");
    uint64_t len = length_of_array_like(isolate, o);
    require_callback(isolate, call.arg(0));
    std::vector<Value> out;
    for_each_present(isolate, o, len, [&](uint64_t k, Value v) {
        Value mapped = call_callback(isolate, call, o, v, k);
        if (is_array(mapped)) {
            flatten_into(isolate, out, mapped.as_object(), 0, 0);
        } else {
            out.push_back(mapped);
        }
        return false;
    });
    return new_array_value(isolate, std::move(out));
}

// ---------------------------------------------------------------- copying methods (ES2023)

Value array_to_reversed(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "toReversed");
    uint64_t len = length_of_array_like(isolate, o);
    std::vector<Value> out;
    out.reserve(len);
    for (uint64_t k = len; k > 0; --k) out.push_back(get_at(isolate, o, k - 1));
    return new_array_value(isolate, std::move(out));
}

Value array_with(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "with");
    uint64_t len = length_of_array_like(isolate, o);
    double rel = to_integer_or_infinity(isolate, call.arg(0));
    double actual = rel >= 0 ? rel : static_cast<double>(len) + rel;
    if (actual < 0 || actual >= static_cast<double>(len)) isolate.throw_range_error("Invalid index : " + number_to_string(rel));
    std::vector<Value> out;
    out.reserve(len);
    for (uint64_t k = 0; k < len; ++k) {
        out.push_back(k == static_cast<uint64_t>(actual) ? call.arg(1) : get_at(isolate, o, k));
    }
    return new_array_value(isolate, std::move(out));
}

Value array_to_spliced(Isolate& isolate, const CallArgs& call) {
    JsObject* o = this_object(isolate, call, "toSpliced");
    uint64_t len = length_of_array_like(isolate, o);
    uint64_t start = relative_index(isolate, call.arg(0), len, 0);
    uint64_t skip;
    if (call.size() == 0) {
        skip = 0;
    } else if (call.size() == 1) {
        skip = len - start;
    } else {
        double dc = to_integer_or_infinity(isolate, call.arg(1));
        skip = static_cast<uint64_t>(std::min(std::max(dc, 0.0), static_cast<double>(len - start)));
    }
    std::vector<Value> out;
    for (uint64_t k = 0; k < start; ++k) out.push_back(get_at(isolate, o, k));
    for (size_t j = 2; j < call.size(); ++j) out.push_back(call.args[j]);
    for (uint64_t k = start + skip; k < len; ++k) out.push_back(get_at(isolate, o, k));
    return new_array_value(isolate, std::move(out));
}

// ---------------------------------------------------------------- iterators (23.1.5)

enum class ArrayIterationKind : uint8_t { Keys, Values, Entries };

struct JsArrayIterator final : JsObject {
    JsArrayIterator(JsObject* proto, Value target, ArrayIterationKind k)
        : JsObject(proto, ObjectClass::Iterator), iterated(target), kind(k) {}
    Value iterated;  // undefined once exhausted
    uint64_t next_index = 0;
    ArrayIterationKind kind;
    void trace(Tracer& tracer) override {
        JsObject::trace(tracer);
        tracer.mark(iterated);
    }
    size_t byte_size() const override { return sizeof(JsArrayIterator); }
};

Value make_array_iterator(Isolate& isolate, const CallArgs& call, ArrayIterationKind kind, const char* name) {
    JsObject* o = this_object(isolate, call, name);
    return Value::object(
        isolate.heap().make<JsArrayIterator>(isolate.realm().array_iterator_prototype, Value::object(o), kind));
}

Value array_keys(Isolate& isolate, const CallArgs& call) { return make_array_iterator(isolate, call, ArrayIterationKind::Keys, "keys"); }
Value array_values(Isolate& isolate, const CallArgs& call) { return make_array_iterator(isolate, call, ArrayIterationKind::Values, "values"); }
Value array_entries(Isolate& isolate, const CallArgs& call) { return make_array_iterator(isolate, call, ArrayIterationKind::Entries, "entries"); }

Value array_iterator_next(Isolate& isolate, const CallArgs& call) {
    Value self = call.this_value;
    if (!self.is_object() || self.as_object()->proto != isolate.realm().array_iterator_prototype ||
        self.as_object()->cls != ObjectClass::Iterator) {
        isolate.throw_type_error("next method called on incompatible receiver " + describe(isolate, self));
    }
    auto* it = static_cast<JsArrayIterator*>(self.as_object());
    if (it->iterated.is_undefined()) return create_iter_result(isolate, Value::undefined(), true);
    JsObject* target = it->iterated.as_object();
    uint64_t len = target->cls == ObjectClass::TypedArray ? static_cast<JsTypedArray*>(target)->length
                                                          : length_of_array_like(isolate, target);
    if (it->next_index >= len) {
        it->iterated = Value::undefined();
        return create_iter_result(isolate, Value::undefined(), true);
    }
    uint64_t k = it->next_index++;
    switch (it->kind) {
        case ArrayIterationKind::Keys: return create_iter_result(isolate, index_key(k), false);
        case ArrayIterationKind::Values: return create_iter_result(isolate, get_at(isolate, target, k), false);
        case ArrayIterationKind::Entries: {
            Value pair[2] = {index_key(k), get_at(isolate, target, k)};
            return create_iter_result(isolate, Value::object(isolate.new_array_from(pair)), false);
        }
    }
    return Value::undefined();
}

// ---------------------------------------------------------------- installation

Value species_getter(Isolate&, const CallArgs& call) { return call.this_value; }

void install_array_statics(Isolate& isolate, JsFunction* ctor) {
    isolate.define_method(ctor, "isArray", array_is_array, 1);
    isolate.define_method(ctor, "from", array_from, 1);
    isolate.define_method(ctor, "of", array_of, 0);
    JsAccessor* species = isolate.heap().make<JsAccessor>();
    species->getter = Value::object(isolate.new_native_function("get [Symbol.species]", species_getter, 0));
    define_own_property(isolate, ctor, Value::symbol(isolate.symbols().species), accessor_value(species),
                        kConfigurable | kAccessor);
}

void install_array_prototype_methods(Isolate& isolate, JsObject* proto) {
    struct Method {
        const char* name;
        NativeFn fn;
        int length;
    };
    // Node's order of Object.getOwnPropertyNames(Array.prototype).
    const Method methods[] = {
        {"at", array_at, 1},
        {"concat", array_concat, 1},
        {"copyWithin", array_copy_within, 2},
        {"fill", array_fill, 1},
        {"find", array_find, 1},
        {"findIndex", array_find_index, 1},
        {"findLast", array_find_last, 1},
        {"findLastIndex", array_find_last_index, 1},
        {"lastIndexOf", array_last_index_of, 1},
        {"pop", array_pop, 0},
        {"push", array_push, 1},
        {"reverse", array_reverse, 0},
        {"shift", array_shift, 0},
        {"unshift", array_unshift, 1},
        {"slice", array_slice, 2},
        {"sort", array_sort, 1},
        {"splice", array_splice, 2},
        {"includes", array_includes, 1},
        {"indexOf", array_index_of, 1},
        {"join", array_join, 1},
        {"keys", array_keys, 0},
        {"entries", array_entries, 0},
        {"values", array_values, 0},
        {"forEach", array_for_each, 1},
        {"filter", array_filter, 1},
        {"flat", array_flat, 0},
        {"flatMap", array_flat_map, 1},
        {"map", array_map, 1},
        {"every", array_every, 1},
        {"some", array_some, 1},
        {"reduce", array_reduce, 1},
        {"reduceRight", array_reduce_right, 1},
        {"toLocaleString", array_to_locale_string, 0},
        {"toString", array_to_string, 0},
        {"toReversed", array_to_reversed, 0},
        {"toSorted", array_to_sorted, 1},
        {"toSpliced", array_to_spliced, 2},
        {"with", array_with, 2},
    };
    // join and toLocaleString share one stack of arrays being joined.
    JsArray* join_stack = isolate.new_array(0);
    for (const Method& m : methods) {
        JsFunction* f = isolate.define_method(proto, m.name, m.fn, m.length);
        if (m.fn == array_join || m.fn == array_to_locale_string) f->native_data = Value::object(join_stack);
        if (m.fn == array_values) {
            define_own_property(isolate, proto, Value::symbol(isolate.symbols().iterator), Value::object(f),
                                kHiddenFlags);
        }
    }
}

}  // namespace

void install_array_builtins(Isolate& isolate) {
    Realm& realm = isolate.realm();
    // Array.prototype is itself an array (23.1.3).
    JsArray* proto = isolate.heap().make<JsArray>(realm.object_prototype);
    realm.array_prototype = proto;
    JsFunction* ctor = isolate.new_native_function("Array", array_constructor, 1, true);
    isolate.define_value(ctor, "prototype", Value::object(proto), 0);
    isolate.define_value(proto, "constructor", Value::object(ctor));
    install_array_statics(isolate, ctor);
    install_array_prototype_methods(isolate, proto);
    isolate.define_value(realm.global, "Array", Value::object(ctor));

    realm.array_iterator_prototype = isolate.new_object_with_proto(realm.iterator_prototype);
    isolate.define_method(realm.array_iterator_prototype, "next", array_iterator_next, 0);
    define_own_property(isolate, realm.array_iterator_prototype, Value::symbol(isolate.symbols().to_string_tag),
                        isolate.intern("Array Iterator"), kConfigurable);
}

}  // namespace looplab::js
