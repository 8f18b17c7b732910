// Objects, arrays and functions, and the property storage they share.
//
// Property keys are Values holding an interned JsString (see
// Isolate::intern) or a JsSymbol, so two keys are equal exactly when their
// bits are. Properties keep insertion order; own_keys() puts integer-like
// keys first in ascending order, as the spec's OrdinaryOwnPropertyKeys does.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/js/heap.h"
#include "engine/js/string.h"
#include "engine/js/value.h"

namespace looplab::js {

class Isolate;
struct JsObject;
struct JsFunction;

enum PropertyFlags : uint8_t {
    kWritable = 1,
    kEnumerable = 2,
    kConfigurable = 4,
    kAccessor = 8,  // value holds a JsAccessor cell (getter/setter pair)
    kDefaultFlags = kWritable | kEnumerable | kConfigurable,
    kHiddenFlags = kWritable | kConfigurable,  // built-in methods: not enumerable
};

struct PropertySlot {
    Value key;
    Value value;
    uint8_t flags = kDefaultFlags;
};

// Insertion-ordered map from key to slot. Small maps search linearly; large
// ones keep an index keyed by the key's bits (only for look-up, never
// iterated, so the order stays deterministic).
class PropertyMap {
public:
    PropertySlot* find(Value key);
    const PropertySlot* find(Value key) const;
    // Adds a new slot (caller checked it is absent) and returns it.
    PropertySlot* add(Value key, Value value, uint8_t flags);
    bool remove(Value key);
    size_t size() const { return live_; }
    // Slots in insertion order; removed slots have an empty key.
    const std::vector<PropertySlot>& slots() const { return slots_; }
    std::vector<PropertySlot>& slots() { return slots_; }
    void trace(Tracer& tracer) const;

private:
    void rebuild_index();
    static constexpr size_t kIndexThreshold = 12;
    std::vector<PropertySlot> slots_;
    std::unordered_map<uint64_t, uint32_t> index_;
    size_t live_ = 0;
};

// Which built-in kind an object is; lets natives and inspect check types
// without RTTI. Subsystems that add a kind add it here.
enum class ObjectClass : uint8_t {
    Object,
    Array,
    Function,
    Error,
    Boolean,  // primitive wrappers
    Number,
    String,
    Symbol,
    BigInt,
    Date,
    RegExp,
    Map,
    Set,
    WeakMap,
    WeakSet,
    Promise,
    ArrayBuffer,
    TypedArray,  // Uint8Array, Buffer, ...
    DataView,
    Arguments,
    Generator,
    AsyncGenerator,
    Iterator,  // built-in iterators (array, map, set, string)
    Proxy,
    Host,  // objects backed by a runtime resource (timers, handles, ...)
};

struct JsAccessor final : GcCell {
    JsAccessor() : GcCell(CellKind::Internal) {}
    Value getter;  // a function or undefined
    Value setter;
    void trace(Tracer& t) override {
        t.mark(getter);
        t.mark(setter);
    }
    size_t byte_size() const override { return sizeof(JsAccessor); }
};

// Accessor cells sit in a property slot's value (flags & kAccessor). They
// never reach JS code, so the Object tag is only a carrier here.
inline Value accessor_value(JsAccessor* a) { return Value::object(reinterpret_cast<JsObject*>(a)); }
inline JsAccessor* as_accessor(Value v) { return reinterpret_cast<JsAccessor*>(v.as_cell()); }

struct JsObject : GcCell {
    explicit JsObject(JsObject* prototype, ObjectClass kind = ObjectClass::Object)
        : GcCell(CellKind::Object), proto(prototype), cls(kind) {}

    JsObject* proto;
    ObjectClass cls;
    bool extensible = true;
    bool frozen = false;  // Object.freeze: also makes array elements read-only
    // Primitive value of wrappers, Date's time value, Error's data etc.
    Value internal;
    PropertyMap props;

    bool is_callable() const { return cls == ObjectClass::Function; }
    bool is_array() const { return cls == ObjectClass::Array; }

    void trace(Tracer& tracer) override;
    size_t byte_size() const override {
        return sizeof(JsObject) + props.slots().capacity() * sizeof(PropertySlot);
    }
};

// Dense arrays keep elements in a vector; Value::empty() marks a hole.
// Elements beyond kMaxDenseGap past the end switch nothing: such writes are
// refused by the setter with a RangeError-free fallback to properties.
struct JsArray final : JsObject {
    explicit JsArray(JsObject* prototype) : JsObject(prototype, ObjectClass::Array) {}
    std::vector<Value> elements;
    void trace(Tracer& tracer) override;
    size_t byte_size() const override {
        return JsObject::byte_size() + elements.capacity() * sizeof(Value);
    }
};

// A SharedArrayBuffer's bytes live outside every heap, refcounted, so the
// buffers of several isolates (worker threads) alias one block, freed with
// the last of them. Never resized: views hold offsets into it.
struct SharedBytes {
    explicit SharedBytes(size_t length) : bytes(length, 0) {}
    std::vector<uint8_t> bytes;
};

// An ArrayBuffer's bytes: its own vector, or a SharedBytes block. data() and
// size() are cached, so element access costs what a plain vector's does.
class ByteStore {
public:
    ByteStore() = default;
    ByteStore(const ByteStore&) = delete;
    ByteStore& operator=(const ByteStore&) = delete;
    ByteStore& operator=(std::vector<uint8_t> bytes) {
        own_ = std::move(bytes);
        shared_.reset();
        sync();
        return *this;
    }

    uint8_t* data() { return ptr_; }
    const uint8_t* data() const { return ptr_; }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    size_t capacity() const { return shared_ ? size_ : own_.capacity(); }
    uint8_t* begin() { return ptr_; }
    uint8_t* end() { return ptr_ + size_; }
    const uint8_t* begin() const { return ptr_; }
    const uint8_t* end() const { return ptr_ + size_; }
    uint8_t& operator[](size_t i) { return ptr_[i]; }
    uint8_t operator[](size_t i) const { return ptr_[i]; }
    bool operator==(const ByteStore& other) const {
        return size_ == other.size_ && (size_ == 0 || std::memcmp(ptr_, other.ptr_, size_) == 0);
    }
    void assign(size_t length, uint8_t value) { own_.assign(length, value), sync(); }
    template <typename It>
    void assign(It first, It last) { own_.assign(first, last), sync(); }
    void resize(size_t length) { own_.resize(length), sync(); }
    std::vector<uint8_t> to_vector() const { return std::vector<uint8_t>(begin(), end()); }

    // SharedArrayBuffer: alias `block` (from this or another isolate).
    void share(std::shared_ptr<SharedBytes> block) {
        own_.clear();
        shared_ = std::move(block);
        sync();
    }
    const std::shared_ptr<SharedBytes>& shared_block() const { return shared_; }
    // A transfer moves the bytes out without copying; the store is left empty.
    std::vector<uint8_t> release() {
        std::vector<uint8_t> out = shared_ ? to_vector() : std::move(own_);
        own_ = {};
        shared_.reset();
        sync();
        return out;
    }

private:
    void sync() {
        ptr_ = shared_ ? shared_->bytes.data() : own_.data();
        size_ = shared_ ? shared_->bytes.size() : own_.size();
    }
    std::vector<uint8_t> own_;
    std::shared_ptr<SharedBytes> shared_;
    uint8_t* ptr_ = nullptr;
    size_t size_ = 0;
};

struct JsArrayBuffer final : JsObject {
    explicit JsArrayBuffer(JsObject* prototype) : JsObject(prototype, ObjectClass::ArrayBuffer) {}
    ByteStore data;
    bool shared = false;    // SharedArrayBuffer
    bool detached = false;  // transferred away (postMessage transfer list)
    size_t byte_size() const override { return JsObject::byte_size() + data.capacity(); }
};

enum class TypedArrayKind : uint8_t {
    Int8, Uint8, Uint8Clamped, Int16, Uint16, Int32, Uint32, Float32, Float64, BigInt64, BigUint64,
};

// A view on an ArrayBuffer. Node's Buffer is a Uint8Array whose prototype
// is Buffer.prototype.
struct JsTypedArray final : JsObject {
    JsTypedArray(JsObject* prototype, TypedArrayKind k, JsArrayBuffer* buf, size_t offset, size_t len)
        : JsObject(prototype, ObjectClass::TypedArray), kind(k), buffer(buf), byte_offset(offset), length(len) {}
    TypedArrayKind kind;
    JsArrayBuffer* buffer;
    size_t byte_offset;
    size_t length;  // in elements
    size_t element_size() const;
    double load(size_t index) const;
    void store(size_t index, double value);
    void trace(Tracer& tracer) override {
        JsObject::trace(tracer);
        tracer.mark(buffer);
    }
    size_t byte_size() const override { return JsObject::byte_size() + sizeof(JsTypedArray); }
};

// The arguments a native receives. `args` may be shorter than the function's
// declared length; arg(i) returns undefined past the end.
struct CallArgs {
    Value this_value;
    std::span<const Value> args;
    JsFunction* callee = nullptr;
    Value new_target;  // undefined unless called with `new`

    size_t size() const { return args.size(); }
    Value arg(size_t i) const { return i < args.size() ? args[i] : Value::undefined(); }
    bool is_construct() const { return !new_target.is_undefined(); }
};

// Natives throw JS exceptions with Isolate::throw_* (a C++ exception that
// the VM turns into a JS throw).
using NativeFn = Value (*)(Isolate& isolate, const CallArgs& call);

enum class FunctionKind : uint8_t {
    Native,    // a C++ function
    Closure,   // bytecode + captured environment (owned by the VM)
    Bound,     // Function.prototype.bind
    Proxy,     // a Proxy exotic object (engine/js/proxy.h); its class is ObjectClass::Proxy
};

struct JsFunction : JsObject {
    JsFunction(JsObject* prototype, FunctionKind k) : JsObject(prototype, ObjectClass::Function), kind(k) {}
    FunctionKind kind;
    bool is_constructor = false;
    bool is_class_constructor = false;  // calling without new throws
    bool is_arrow = false;
    // Node shows internal frames dimmed; natives that invoke callbacks on
    // behalf of Node (processTicksAndRejections, listOnTimeout) set this.
    bool is_node_internal = false;
    JsString* name = nullptr;  // for stack frames and inspect; also the `name` property

    // Native functions.
    NativeFn native = nullptr;
    Value native_data;  // extra slot for natives (e.g. the promise of a resolve function)
    Value native_data2;

    // Bound functions.
    Value bound_target;
    Value bound_this;
    std::vector<Value> bound_args;

    void trace(Tracer& tracer) override;
    size_t byte_size() const override {
        return JsObject::byte_size() + sizeof(JsFunction) - sizeof(JsObject) +
               bound_args.capacity() * sizeof(Value);
    }
};

}  // namespace looplab::js
