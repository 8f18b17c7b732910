// Atomics (ECMAScript 25.4) over integer typed arrays. On a
// SharedArrayBuffer every operation first takes its turn from the isolate's
// SharedMemoryHost, which orders the operations of all isolates by virtual
// time (docs/parallelism.md): the read-modify-write itself is then a plain
// one, because no other isolate touches the block until this one's clock
// moves on. wait and notify block and wake through the host too.
#include <cmath>
#include <cstring>
#include <limits>

#include "engine/js/builtins.h"
#include "engine/js/builtins_b_common.h"
#include "engine/js/shared_memory.h"

namespace looplab::js {

using namespace builtins_detail;

namespace {

enum class Op : uint8_t { Add, Sub, And, Or, Xor, Exchange };

bool is_integer_kind(TypedArrayKind k) {
    return k != TypedArrayKind::Float32 && k != TypedArrayKind::Float64 && k != TypedArrayKind::Uint8Clamped;
}

std::string tag_of(Isolate& isolate, Value v) {
    if (!v.is_object()) return to_string(isolate, v);
    // Object.prototype.toString's "[object Int16Array]", as V8 names it.
    Value to_string_fn = get(isolate, Value::object(isolate.realm().object_prototype), "toString");
    return to_string(isolate, isolate.call(to_string_fn, v, {}));
}

// ValidateIntegerTypedArray; `waitable` asks for Int32Array (wait, notify).
JsTypedArray* validate_array(Isolate& isolate, Value v, bool waitable) {
    const bool typed = v.is_object() && v.as_object()->cls == ObjectClass::TypedArray;
    JsTypedArray* a = typed ? static_cast<JsTypedArray*>(v.as_object()) : nullptr;
    if (waitable && (a == nullptr || a->kind != TypedArrayKind::Int32)) {
        isolate.throw_type_error(tag_of(isolate, v) + " is not an int32 or BigInt64 typed array.");
    }
    if (a == nullptr || !is_integer_kind(a->kind)) {
        isolate.throw_type_error(tag_of(isolate, v) + " is not an integer typed array.");
    }
    return a;
}

// ValidateAtomicAccess: the element index, in range.
size_t validate_index(Isolate& isolate, JsTypedArray* a, Value index) {
    const double i = index.is_undefined() ? 0 : to_integer_or_infinity(isolate, index);
    if (!(i >= 0) || i >= double(a->length)) isolate.throw_range_error("Invalid atomic access index");
    return size_t(i);
}

void take_turn(Isolate& isolate, JsTypedArray* a) {
    if (a->buffer->shared && isolate.shared_memory != nullptr) isolate.shared_memory->take_turn(isolate);
}

uint8_t* element(JsTypedArray* a, size_t index) {
    return a->buffer->data.data() + a->byte_offset + index * a->element_size();
}

// The element's bits, zero-extended, and its value as the kind reads it.
uint32_t read_bits(JsTypedArray* a, size_t index) {
    uint32_t bits = 0;
    std::memcpy(&bits, element(a, index), a->element_size());
    return bits;
}

void write_bits(JsTypedArray* a, size_t index, uint32_t bits) { std::memcpy(element(a, index), &bits, a->element_size()); }

double value_of_bits(TypedArrayKind kind, uint32_t bits) {
    switch (kind) {
        case TypedArrayKind::Int8: return int8_t(bits);
        case TypedArrayKind::Int16: return int16_t(bits);
        case TypedArrayKind::Int32: return int32_t(bits);
        case TypedArrayKind::Uint8: return uint8_t(bits);
        case TypedArrayKind::Uint16: return uint16_t(bits);
        default: return bits;
    }
}

uint32_t apply(Op op, uint32_t old_bits, uint32_t operand) {
    switch (op) {
        case Op::Add: return old_bits + operand;
        case Op::Sub: return old_bits - operand;
        case Op::And: return old_bits & operand;
        case Op::Or: return old_bits | operand;
        case Op::Xor: return old_bits ^ operand;
        case Op::Exchange: return operand;
    }
    return operand;
}

// AtomicReadModifyWrite: returns the value before the operation.
Value read_modify_write(Isolate& isolate, const CallArgs& call, Op op) {
    JsTypedArray* a = validate_array(isolate, call.arg(0), false);
    const size_t index = validate_index(isolate, a, call.arg(1));
    const uint32_t operand = to_uint32(to_integer_or_infinity(isolate, call.arg(2)));
    take_turn(isolate, a);
    const uint32_t old_bits = read_bits(a, index);
    write_bits(a, index, apply(op, old_bits, operand));
    return Value::number(value_of_bits(a->kind, old_bits));
}

Value atomics_add(Isolate& isolate, const CallArgs& call) { return read_modify_write(isolate, call, Op::Add); }
Value atomics_sub(Isolate& isolate, const CallArgs& call) { return read_modify_write(isolate, call, Op::Sub); }
Value atomics_and(Isolate& isolate, const CallArgs& call) { return read_modify_write(isolate, call, Op::And); }
Value atomics_or(Isolate& isolate, const CallArgs& call) { return read_modify_write(isolate, call, Op::Or); }
Value atomics_xor(Isolate& isolate, const CallArgs& call) { return read_modify_write(isolate, call, Op::Xor); }
Value atomics_exchange(Isolate& isolate, const CallArgs& call) { return read_modify_write(isolate, call, Op::Exchange); }

Value atomics_compare_exchange(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = validate_array(isolate, call.arg(0), false);
    const size_t index = validate_index(isolate, a, call.arg(1));
    const uint32_t expected = to_uint32(to_integer_or_infinity(isolate, call.arg(2)));
    const uint32_t replacement = to_uint32(to_integer_or_infinity(isolate, call.arg(3)));
    take_turn(isolate, a);
    const uint32_t old_bits = read_bits(a, index);
    // Compare in the element's width: -1 matches 0xFF in an Int8Array.
    const uint32_t mask = a->element_size() == 4 ? 0xFFFFFFFFu : (1u << (8 * a->element_size())) - 1;
    if (old_bits == (expected & mask)) write_bits(a, index, replacement);
    return Value::number(value_of_bits(a->kind, old_bits));
}

Value atomics_load(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = validate_array(isolate, call.arg(0), false);
    const size_t index = validate_index(isolate, a, call.arg(1));
    take_turn(isolate, a);
    return Value::number(value_of_bits(a->kind, read_bits(a, index)));
}

// Atomics.store returns the stored value as an integer (ToIntegerOrInfinity), not the element's.
Value atomics_store(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = validate_array(isolate, call.arg(0), false);
    const size_t index = validate_index(isolate, a, call.arg(1));
    double v = to_integer_or_infinity(isolate, call.arg(2));
    if (v == 0) v = 0;  // -0 stores and returns +0
    take_turn(isolate, a);
    write_bits(a, index, to_uint32(v));
    return Value::number(v);
}

Value atomics_is_lock_free(Isolate& isolate, const CallArgs& call) {
    const double n = to_integer_or_infinity(isolate, call.arg(0));
    return Value::boolean(n == 1 || n == 2 || n == 4 || n == 8);
}

std::shared_ptr<SharedBytes> shared_block_of(Isolate& isolate, Value v, JsTypedArray* a) {
    if (!a->buffer->shared || !a->buffer->data.shared_block()) {
        isolate.throw_type_error(tag_of(isolate, v) + " is not a shared typed array.");
    }
    return a->buffer->data.shared_block();
}

// Atomics.wait(ta, index, value, timeout ms): "not-equal", "ok" or "timed-out".
Value atomics_wait(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = validate_array(isolate, call.arg(0), true);
    std::shared_ptr<SharedBytes> block = shared_block_of(isolate, call.arg(0), a);
    const size_t index = validate_index(isolate, a, call.arg(1));
    const int32_t expected = int32_t(to_uint32(to_integer_or_infinity(isolate, call.arg(2))));
    const double ms = call.arg(3).is_undefined() ? NAN : to_number(isolate, call.arg(3));
    std::optional<uint64_t> timeout_ns;
    if (!std::isnan(ms) && ms != std::numeric_limits<double>::infinity()) {
        timeout_ns = ms <= 0 ? 0 : uint64_t(std::min(ms, 1e12) * 1e6);
    }
    take_turn(isolate, a);
    if (int32_t(read_bits(a, index)) != expected) return isolate.intern("not-equal");
    const size_t byte_index = a->byte_offset + index * 4;
    bool woken = false;
    if (isolate.shared_memory != nullptr) {
        woken = isolate.shared_memory->wait(isolate, block, byte_index, timeout_ns);
    } else if (!timeout_ns) {
        throw LimitExceeded{"looplab: Atomics.wait would block forever (no other thread can notify)"};
    }
    return isolate.intern(woken ? "ok" : "timed-out");
}

// Atomics.notify(ta, index, count = +Infinity): how many waiters it woke.
Value atomics_notify(Isolate& isolate, const CallArgs& call) {
    JsTypedArray* a = validate_array(isolate, call.arg(0), true);
    const size_t index = validate_index(isolate, a, call.arg(1));
    double count = call.arg(2).is_undefined() ? std::numeric_limits<double>::infinity()
                                              : std::max(0.0, to_integer_or_infinity(isolate, call.arg(2)));
    if (!a->buffer->shared || isolate.shared_memory == nullptr) return Value::number(0);
    take_turn(isolate, a);
    const uint32_t n = uint32_t(std::min(count, 4294967295.0));
    return Value::number(isolate.shared_memory->notify(isolate, a->buffer->data.shared_block(),
                                                       a->byte_offset + index * 4, n));
}

}  // namespace

void install_atomics_builtins(Isolate& isolate) {
    JsObject* atomics = isolate.new_object();
    isolate.define_method(atomics, "load", atomics_load, 2);
    isolate.define_method(atomics, "store", atomics_store, 3);
    isolate.define_method(atomics, "add", atomics_add, 3);
    isolate.define_method(atomics, "sub", atomics_sub, 3);
    isolate.define_method(atomics, "and", atomics_and, 3);
    isolate.define_method(atomics, "or", atomics_or, 3);
    isolate.define_method(atomics, "xor", atomics_xor, 3);
    isolate.define_method(atomics, "exchange", atomics_exchange, 3);
    isolate.define_method(atomics, "compareExchange", atomics_compare_exchange, 4);
    isolate.define_method(atomics, "isLockFree", atomics_is_lock_free, 1);
    isolate.define_method(atomics, "wait", atomics_wait, 4);
    isolate.define_method(atomics, "notify", atomics_notify, 3);
    define_to_string_tag(isolate, atomics, "Atomics");
    isolate.define_value(isolate.realm().global, "Atomics", Value::object(atomics), kHiddenFlags);
}

}  // namespace looplab::js
