#include "engine/js/object.h"

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
