// Map and Set storage (ECMAScript 24.1, 24.2), shared by the built-ins and
// by inspect, which lists entries in order.
//
// Entries live in an insertion-ordered vector; a deleted entry becomes a
// tombstone so live iterators keep their place, as the spec's "List of
// Records with empty keys" does. Look-up goes through hash indexes keyed by
// SameValueZero identity (numbers by value with -0 as +0, strings and
// BigInts by content, everything else by its bits). The indexes are never
// iterated, so no output depends on hash or pointer values.
//
// WeakMap and WeakSet use the same cell and hold their keys strongly: a
// simulated program can observe no difference without FinalizationRegistry
// or memory measurement, which looplab does not model.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/js/object.h"

namespace looplab::js {

struct JsMapIterator;

struct JsMap final : JsObject {
    struct Entry {
        Value key;
        Value value;  // Sets store the key again
        bool live = true;
    };

    JsMap(JsObject* prototype, ObjectClass kind) : JsObject(prototype, kind) {}
    ~JsMap() override;

    // Returns the entry index or -1.
    long find(Value key) const;
    void set(Value key, Value value);
    bool remove(Value key);
    void clear();
    size_t size() const { return live_count; }

    std::vector<Entry> entries;
    size_t live_count = 0;
    // Iterators that are walking this map; compaction moves their cursors.
    std::vector<JsMapIterator*> iterators;

    void trace(Tracer& tracer) override;
    size_t byte_size() const override {
        return JsObject::byte_size() + sizeof(JsMap) - sizeof(JsObject) + entries.capacity() * sizeof(Entry);
    }

private:
    void index_entry(Value key, size_t position);
    void unindex_entry(Value key);
    void compact_if_sparse();
    std::unordered_map<uint64_t, uint32_t> bits_index_;
    std::unordered_map<std::string, uint32_t> text_index_;  // strings "s...", BigInts "n..."
};

enum class CollectionIterationKind : uint8_t { Keys, Values, Entries };

// A %MapIteratorPrototype% / %SetIteratorPrototype% object.
struct JsMapIterator final : JsObject {
    JsMapIterator(JsObject* prototype, JsMap* target, CollectionIterationKind k);
    ~JsMapIterator() override;
    JsMap* map;  // null once exhausted (later additions are not visited)
    size_t position = 0;
    CollectionIterationKind kind;
    void detach();
    void trace(Tracer& tracer) override {
        JsObject::trace(tracer);
        tracer.mark(map);
    }
    size_t byte_size() const override { return sizeof(JsMapIterator); }
};

// Entries in insertion order, for inspect. Non-Map objects give nothing.
std::vector<std::pair<Value, Value>> map_entries(JsObject* map);
std::vector<Value> set_values(JsObject* set);

}  // namespace looplab::js
