#include "engine/js/object.h"

#include <cmath>
#include <cstring>

namespace looplab::js {

PropertySlot* PropertyMap::find(Value key) {
    if (!index_.empty()) {
        auto it = index_.find(key.raw_bits());
        return it == index_.end() ? nullptr : &slots_[it->second];
    }
    for (auto& slot : slots_) {
        if (slot.key.same_bits(key)) return &slot;
    }
    return nullptr;
}

const PropertySlot* PropertyMap::find(Value key) const {
    return const_cast<PropertyMap*>(this)->find(key);
}

PropertySlot* PropertyMap::add(Value key, Value value, uint8_t flags) {
    slots_.push_back(PropertySlot{key, value, flags});
    ++live_;
    if (!index_.empty()) {
        index_[key.raw_bits()] = static_cast<uint32_t>(slots_.size() - 1);
    } else if (slots_.size() > kIndexThreshold) {
        rebuild_index();
    }
    return &slots_.back();
}

bool PropertyMap::remove(Value key) {
    PropertySlot* slot = find(key);
    if (slot == nullptr) return false;
    slot->key = Value::empty();
    slot->value = Value::undefined();
    --live_;
    // Compact when tombstones dominate, keeping insertion order.
    if (slots_.size() > 8 && live_ * 2 < slots_.size()) {
        std::vector<PropertySlot> kept;
        kept.reserve(live_);
        for (auto& s : slots_) {
            if (!s.key.is_empty()) kept.push_back(s);
        }
        slots_ = std::move(kept);
        rebuild_index();
    } else if (!index_.empty()) {
        index_.erase(key.raw_bits());
    }
    return true;
}

void PropertyMap::rebuild_index() {
    index_.clear();
    if (slots_.size() <= kIndexThreshold) return;
    for (uint32_t i = 0; i < slots_.size(); ++i) {
        if (!slots_[i].key.is_empty()) index_[slots_[i].key.raw_bits()] = i;
    }
}

void PropertyMap::trace(Tracer& tracer) const {
    for (const auto& slot : slots_) {
        tracer.mark(slot.key);
        tracer.mark(slot.value);
    }
}

void JsObject::trace(Tracer& tracer) {
    tracer.mark(proto);
    tracer.mark(internal);
    props.trace(tracer);
}

void JsArray::trace(Tracer& tracer) {
    JsObject::trace(tracer);
    for (Value v : elements) tracer.mark(v);
}

size_t JsTypedArray::element_size() const {
    switch (kind) {
        case TypedArrayKind::Int8:
        case TypedArrayKind::Uint8:
        case TypedArrayKind::Uint8Clamped: return 1;
        case TypedArrayKind::Int16:
        case TypedArrayKind::Uint16: return 2;
        case TypedArrayKind::Int32:
        case TypedArrayKind::Uint32:
        case TypedArrayKind::Float32: return 4;
        default: return 8;
    }
}

namespace {

template <typename T>
T read_as(const uint8_t* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

template <typename T>
void write_as(uint8_t* p, T v) {
    std::memcpy(p, &v, sizeof v);
}

// ToInt32-style modular conversion for integer element types.
int64_t modular(double d) {
    if (!std::isfinite(d)) return 0;
    double t = std::trunc(d);
    // Within int64 range the cast is exact and keeps the sign, which the
    // narrowing casts of the callers then wrap modulo 2^8/2^16/2^32.
    if (t > -9223372036854775808.0 && t < 9223372036854775808.0) return static_cast<int64_t>(t);
    double m = std::fmod(t, 18446744073709551616.0);
    if (m < 0) m += 18446744073709551616.0;
    return static_cast<int64_t>(static_cast<uint64_t>(m));
}

}  // namespace

double JsTypedArray::load(size_t index) const {
    const uint8_t* p = buffer->data.data() + byte_offset + index * element_size();
    switch (kind) {
        case TypedArrayKind::Int8: return read_as<int8_t>(p);
        case TypedArrayKind::Uint8:
        case TypedArrayKind::Uint8Clamped: return read_as<uint8_t>(p);
        case TypedArrayKind::Int16: return read_as<int16_t>(p);
        case TypedArrayKind::Uint16: return read_as<uint16_t>(p);
        case TypedArrayKind::Int32: return read_as<int32_t>(p);
        case TypedArrayKind::Uint32: return read_as<uint32_t>(p);
        case TypedArrayKind::Float32: return read_as<float>(p);
        case TypedArrayKind::Float64: return read_as<double>(p);
        case TypedArrayKind::BigInt64: return static_cast<double>(read_as<int64_t>(p));
        case TypedArrayKind::BigUint64: return static_cast<double>(read_as<uint64_t>(p));
    }
    return 0;
}

void JsTypedArray::store(size_t index, double value) {
    uint8_t* p = buffer->data.data() + byte_offset + index * element_size();
    switch (kind) {
        case TypedArrayKind::Int8: write_as<int8_t>(p, static_cast<int8_t>(modular(value))); break;
        case TypedArrayKind::Uint8: write_as<uint8_t>(p, static_cast<uint8_t>(modular(value))); break;
        case TypedArrayKind::Uint8Clamped: {
            double c = std::isnan(value) ? 0 : std::min(255.0, std::max(0.0, value));
            write_as<uint8_t>(p, static_cast<uint8_t>(std::nearbyint(c)));
            break;
        }
        case TypedArrayKind::Int16: write_as<int16_t>(p, static_cast<int16_t>(modular(value))); break;
        case TypedArrayKind::Uint16: write_as<uint16_t>(p, static_cast<uint16_t>(modular(value))); break;
        case TypedArrayKind::Int32: write_as<int32_t>(p, static_cast<int32_t>(modular(value))); break;
        case TypedArrayKind::Uint32: write_as<uint32_t>(p, static_cast<uint32_t>(modular(value))); break;
        case TypedArrayKind::Float32: write_as<float>(p, static_cast<float>(value)); break;
        case TypedArrayKind::Float64: write_as<double>(p, value); break;
        case TypedArrayKind::BigInt64: write_as<int64_t>(p, modular(value)); break;
        case TypedArrayKind::BigUint64: write_as<uint64_t>(p, static_cast<uint64_t>(modular(value))); break;
    }
}

void JsFunction::trace(Tracer& tracer) {
    JsObject::trace(tracer);
    tracer.mark(name);
    tracer.mark(native_data);
    tracer.mark(native_data2);
    tracer.mark(bound_target);
    tracer.mark(bound_this);
    for (Value v : bound_args) tracer.mark(v);
}

}  // namespace looplab::js
